//! Import profiles: how one ERP's export maps onto Settle's customers, open items or
//! payments (which column is which field, how the file is written, how document types
//! become item kinds, what a missing value defaults to). Four are built in, from the
//! vendors' own export layouts; admins store their own (`/api/v1/admin/import-profiles`).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::text::{DELIMITERS, Encoding};
use super::values::{DateFormat, DecimalMark};
use crate::input::Object;
use crate::validation::Invalid;

/// What a profile's file feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Items,
    Payments,
    Customers,
}

impl Target {
    pub fn parse(s: &str) -> Option<Target> {
        match s {
            "items" => Some(Target::Items),
            "payments" => Some(Target::Payments),
            "customers" => Some(Target::Customers),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Target::Items => "items",
            Target::Payments => "payments",
            Target::Customers => "customers",
        }
    }

    /// The fields a file may fill, in Settle's names.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Target::Items => &[
                "id",
                "customer_id",
                "kind",
                "number",
                "issue_date",
                "due_date",
                "amount",
                "open_amount",
                "currency",
                "applies_to",
            ],
            Target::Payments => &["id", "item_id", "amount", "date", "reference", "for"],
            Target::Customers => &[
                "id",
                "name",
                "entity",
                "language",
                "currency",
                "email",
                "collector",
            ],
        }
    }

    /// The fields every row needs, from a column or a default. (Items: `number` falls back to
    /// `id`, `amount` and `open_amount` to each other, `kind` to the profile's kinds.)
    fn required(self) -> &'static [&'static str] {
        match self {
            Target::Items => &["id", "customer_id", "issue_date", "due_date", "currency"],
            Target::Payments => &["id", "item_id", "amount", "date"],
            Target::Customers => &["id", "name", "entity", "language", "currency"],
        }
    }

    pub fn date_fields(self) -> &'static [&'static str] {
        match self {
            Target::Items => &["issue_date", "due_date"],
            Target::Payments => &["date"],
            Target::Customers => &[],
        }
    }

    pub fn amount_fields(self) -> &'static [&'static str] {
        match self {
            Target::Items => &["amount", "open_amount"],
            Target::Payments => &["amount"],
            Target::Customers => &[],
        }
    }
}

/// How the file is written; what is `None` is found from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Format {
    pub delimiter: Option<char>,
    pub decimal: Option<DecimalMark>,
    pub date_format: Option<DateFormat>,
    pub encoding: Option<Encoding>,
    pub skip_rows: usize,
}

/// How an item's kind is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kinds {
    /// A column of document types, each listed under the kind it is.
    Column {
        column: Vec<String>,
        by_kind: BTreeMap<&'static str, Vec<String>>,
    },
    /// Negative amounts are credit notes, the others invoices.
    BySign,
}

pub const KINDS: [&str; 4] = ["invoice", "credit_note", "payment_on_account", "other"];

impl Serialize for Kinds {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Kinds::BySign => s.serialize_str("by_sign"),
            Kinds::Column { column, by_kind } => {
                let mut m = serde_json::Map::new();
                m.insert("column".into(), columns_value(column));
                for (k, v) in by_kind {
                    m.insert((*k).into(), serde_json::json!(v));
                }
                m.serialize(s)
            }
        }
    }
}

fn columns_value(names: &[String]) -> Value {
    match names {
        [one] => Value::String(one.clone()),
        many => serde_json::json!(many),
    }
}

/// A stored or built-in profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportProfile {
    pub code: String,
    pub name: String,
    pub target: Target,
    pub format: Format,
    /// Settle field → the file's column names that may hold it (the first the file has).
    #[serde(serialize_with = "ser_columns")]
    pub columns: BTreeMap<&'static str, Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Kinds>,
    pub defaults: BTreeMap<&'static str, String>,
    pub built_in: bool,
}

fn ser_columns<S: serde::Serializer>(
    c: &BTreeMap<&'static str, Vec<String>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    let m: serde_json::Map<String, Value> = c
        .iter()
        .map(|(k, v)| ((*k).to_string(), columns_value(v)))
        .collect();
    m.serialize(s)
}

impl ImportProfile {
    /// The profile as stored (`PUT` body shape, without the code).
    pub fn body(&self) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(m) = v.as_object_mut() {
            m.remove("code");
            m.remove("built_in");
        }
        v
    }

    /// Reading Settle's own columns (`id`, `customer_id`, ...), the file's kinds as Settle
    /// names them: what the CSV endpoints read without a profile.
    pub fn plain(target: Target) -> ImportProfile {
        ImportProfile {
            code: String::new(),
            name: format!("Settle's own {} columns", target.as_str()),
            target,
            format: Format::default(),
            columns: target
                .fields()
                .iter()
                .map(|f| (*f, vec![(*f).to_string()]))
                .collect(),
            kinds: None,
            defaults: BTreeMap::new(),
            built_in: true,
        }
    }
}

pub const MAX_CODE: usize = 64;
const MAX_NAME: usize = 200;
const MAX_COLUMN: usize = 200;
const MAX_NAMES: usize = 20;

/// A profile code: lowercase letters, digits and dashes.
pub fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= MAX_CODE
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Column names: one string or an array of alternatives.
fn names(errors: &mut Invalid, at: &str, v: &Value) -> Option<Vec<String>> {
    let list: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    if list.is_empty() || list.len() > MAX_NAMES {
        errors.push(at, None, format!("give 1 to {MAX_NAMES} column names"));
        return None;
    }
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let p = if matches!(v, Value::Array(_)) || list.len() > 1 {
            format!("{at}/{i}")
        } else {
            at.to_string()
        };
        match v {
            Value::String(s)
                if !s.trim().is_empty()
                    && s.chars().count() <= MAX_COLUMN
                    && !crate::input::has_control(s, false) =>
            {
                out.push(s.trim().to_string())
            }
            Value::String(_) => errors.push(
                p,
                None,
                format!(
                    "a column name is 1 to {MAX_COLUMN} characters, without control characters"
                ),
            ),
            _ => errors.push(
                p,
                None,
                "a column name is a string (or an array of alternatives)",
            ),
        }
    }
    (out.len() == list.len()).then_some(out)
}

/// Reads a profile body (`PUT /api/v1/admin/import-profiles/{code}`), every error at its
/// pointer.
pub fn read_profile(code: &str, map: &Map<String, Value>) -> Result<ImportProfile, Invalid> {
    let mut errors = Invalid::default();
    if !valid_code(code) {
        errors.push(
            "code",
            Some("code"),
            format!("a profile code is 1 to {MAX_CODE} lowercase letters, digits, - or _"),
        );
    }
    let mut o = Object::new(map, "", &mut errors);
    let name = o.text("name", MAX_NAME);
    let target = match o.text("target", 20) {
        Some(t) => match Target::parse(&t) {
            Some(t) => Some(t),
            None => {
                o.err(
                    "target",
                    format!("target {t:?} is not one of items, payments, customers"),
                );
                None
            }
        },
        None => None,
    };
    let format = match o.raw("format") {
        None => Some(Format::default()),
        Some(Value::Object(f)) => read_format(o.errors, f),
        Some(_) => {
            o.err("format", "format must be an object");
            None
        }
    };
    // Marked as read here, read below (the reader's borrow of the errors ends first).
    for f in ["columns", "kinds", "defaults"] {
        o.raw(f);
    }
    o.finish(&[]);
    let present = |f: &str| map.get(f).filter(|v| !v.is_null());
    let (columns_raw, kinds_raw, defaults_raw) =
        (present("columns"), present("kinds"), present("defaults"));
    let Some(target) = target else {
        return Err(errors);
    };
    let fields = target.fields();
    let field_of = |k: &str| fields.iter().copied().find(|f| *f == k);
    let mut columns = BTreeMap::new();
    match columns_raw {
        Some(Value::Object(m)) => {
            for (k, v) in m {
                let at = format!("/columns/{k}");
                match field_of(k) {
                    Some(f) => {
                        if let Some(n) = names(&mut errors, &at, v) {
                            columns.insert(f, n);
                        }
                    }
                    None => errors.push(
                        at,
                        Some("columns"),
                        format!(
                            "{k:?} is not a field of {}; fields: {}",
                            target.as_str(),
                            fields.join(", ")
                        ),
                    ),
                }
            }
        }
        Some(_) => errors.push(
            "/columns",
            Some("columns"),
            "columns must be an object: {\"field\": \"file column\"}",
        ),
        None => errors.push("/columns", Some("columns"), "columns is required"),
    }
    let mut defaults = BTreeMap::new();
    match defaults_raw {
        None => {}
        Some(Value::Object(m)) => {
            for (k, v) in m {
                let at = format!("/defaults/{k}");
                match (field_of(k), v) {
                    (Some(f), Value::String(s))
                        if !s.trim().is_empty()
                            && s.len() <= MAX_COLUMN
                            && !crate::input::has_control(s, false) =>
                    {
                        defaults.insert(f, s.trim().to_string());
                    }
                    (Some(_), _) => errors.push(
                        at,
                        Some("defaults"),
                        format!("a default is a string of 1 to {MAX_COLUMN} characters"),
                    ),
                    (None, _) => errors.push(
                        at,
                        Some("defaults"),
                        format!(
                            "{k:?} is not a field of {}; fields: {}",
                            target.as_str(),
                            fields.join(", ")
                        ),
                    ),
                }
            }
        }
        Some(_) => errors.push(
            "/defaults",
            Some("defaults"),
            "defaults must be an object: {\"field\": \"value\"}",
        ),
    }
    let kinds = match kinds_raw {
        None => None,
        Some(_) if target != Target::Items => {
            errors.push("/kinds", Some("kinds"), "kinds are for items only");
            None
        }
        Some(Value::String(s)) if s == "by_sign" => Some(Kinds::BySign),
        Some(Value::Object(m)) => read_kinds(&mut errors, m),
        Some(_) => {
            errors.push("/kinds", Some("kinds"), "kinds is \"by_sign\" or {\"column\": ..., \"invoice\": [...], \"credit_note\": [...]}");
            None
        }
    };
    // Every row must be able to fill what it needs.
    for f in target.required() {
        if !columns.contains_key(f) && !defaults.contains_key(f) {
            errors.push(
                format!("/columns/{f}"),
                Some("columns"),
                format!("{f} needs a column or a default"),
            );
        }
    }
    if target == Target::Items {
        if !columns.contains_key("amount") && !columns.contains_key("open_amount") {
            errors.push(
                "/columns/open_amount",
                Some("columns"),
                "open items need an amount or open_amount column",
            );
        }
        if kinds.is_none() && !columns.contains_key("kind") && !defaults.contains_key("kind") {
            errors.push(
                "/kinds",
                Some("kinds"),
                "open items need kinds, a kind column or a default kind",
            );
        }
        if let Some(k) = defaults.get("kind")
            && !KINDS.contains(&k.as_str())
        {
            errors.push(
                "/defaults/kind",
                Some("defaults"),
                format!("kind {k:?} is not one of {}", KINDS.join(", ")),
            );
        }
    }
    errors.into_result()?;
    Ok(ImportProfile {
        code: code.to_string(),
        name: name.unwrap_or_default(),
        target,
        format: format.unwrap_or_default(),
        columns,
        kinds,
        defaults,
        built_in: false,
    })
}

fn read_format(errors: &mut Invalid, f: &Map<String, Value>) -> Option<Format> {
    let before = errors.0.len();
    let mut o = Object::new(f, "/format", errors);
    let delimiter = match o.opt_choice("delimiter", 5) {
        None => None,
        Some(d) => match d.as_str() {
            "tab" | "\\t" => Some('\t'),
            s if s.chars().count() == 1
                && DELIMITERS.contains(&s.chars().next().unwrap_or(' ')) =>
            {
                s.chars().next()
            }
            _ => {
                o.err(
                    "delimiter",
                    format!("delimiter {d:?} is not one of \",\", \";\", \"tab\", \"|\""),
                );
                None
            }
        },
    };
    // A tab is a control character to opt_choice: read it raw.
    let delimiter = delimiter.or_else(|| {
        matches!(f.get("delimiter"), Some(Value::String(s)) if s == "\t").then_some('\t')
    });
    if delimiter == Some('\t') {
        o.errors.0.retain(|e| e.pointer != "/format/delimiter");
    }
    let decimal = o.opt_choice("decimal", 5).and_then(|d| {
        let m = DecimalMark::parse(&d);
        if m.is_none() {
            o.err("decimal", format!("decimal {d:?} is not \".\" or \",\""));
        }
        m
    });
    let date_format = o.opt_choice("date_format", 20).and_then(|d| {
        let m = DateFormat::parse(&d);
        if m.is_none() {
            o.err("date_format", format!("date_format {d:?} is not one of yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyymmdd"));
        }
        m
    });
    let encoding = o.opt_choice("encoding", 20).and_then(|e| {
        let m = Encoding::parse(&e);
        if m.is_none() {
            o.err(
                "encoding",
                format!("encoding {e:?} is not one of utf-8, utf-16, windows-1252"),
            );
        }
        m
    });
    let skip_rows = match o.opt_int("skip_rows") {
        None => 0,
        Some(n) if (0..=100).contains(&n) => n as usize,
        Some(_) => {
            o.err("skip_rows", "skip_rows is 0 to 100");
            0
        }
    };
    o.finish(&[]);
    (errors.0.len() == before).then_some(Format {
        delimiter,
        decimal,
        date_format,
        encoding,
        skip_rows,
    })
}

fn read_kinds(errors: &mut Invalid, m: &Map<String, Value>) -> Option<Kinds> {
    let before = errors.0.len();
    let column = match m.get("column") {
        Some(v) => names(errors, "/kinds/column", v),
        None => {
            errors.push(
                "/kinds/column",
                Some("kinds"),
                "kinds need the column holding the document type",
            );
            None
        }
    };
    let mut by_kind: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (k, v) in m {
        if k == "column" {
            continue;
        }
        let at = format!("/kinds/{k}");
        let Some(kind) = KINDS.iter().copied().find(|x| x == k) else {
            errors.push(
                at,
                Some("kinds"),
                format!("{k:?} is not a kind; kinds: {}", KINDS.join(", ")),
            );
            continue;
        };
        if let Some(values) = names(errors, &at, v) {
            for value in &values {
                if let Some(other) = seen.insert(value.clone(), kind) {
                    errors.push(
                        at.clone(),
                        Some("kinds"),
                        format!("{value:?} is listed under both {other} and {kind}"),
                    );
                }
            }
            by_kind.insert(kind, values);
        }
    }
    if by_kind.is_empty() {
        errors.push(
            "/kinds",
            Some("kinds"),
            "list the document types of at least one kind (\"invoice\": [\"RV\"])",
        );
    }
    (errors.0.len() == before).then(|| Kinds::Column {
        column: column.unwrap_or_default(),
        by_kind,
    })
}

fn profile(
    code: &str,
    name: &str,
    target: Target,
    format: Format,
    columns: &[(&'static str, &[&str])],
    kinds: Option<Kinds>,
    defaults: &[(&'static str, &str)],
) -> ImportProfile {
    ImportProfile {
        code: code.into(),
        name: name.into(),
        target,
        format,
        columns: columns
            .iter()
            .map(|(f, n)| (*f, n.iter().map(|s| s.to_string()).collect()))
            .collect(),
        kinds,
        defaults: defaults.iter().map(|(f, v)| (*f, v.to_string())).collect(),
        built_in: true,
    }
}

fn by_kind(list: &[(&'static str, &[&str])]) -> BTreeMap<&'static str, Vec<String>> {
    list.iter()
        .map(|(k, v)| (*k, v.iter().map(|s| s.to_string()).collect()))
        .collect()
}

/// The built-in profiles (documented in the README's "Importing ERP exports").
pub fn built_in() -> Vec<ImportProfile> {
    vec![
        // SAP ECC / S/4HANA, transaction FBL5N (customer line items, open items), exported
        // as a spreadsheet from the ALV list: German column headings, `;` or tab, decimal
        // comma with trailing minus, dd.mm.yyyy. English headings are read too.
        profile(
            "sap-fbl5n",
            "SAP FBL5N customer line items",
            Target::Items,
            Format {
                decimal: Some(DecimalMark::Comma),
                date_format: Some(DateFormat::DayDot),
                ..Format::default()
            },
            &[
                ("id", &["Belegnummer", "Document Number", "DocumentNo"]),
                ("customer_id", &["Konto", "Kunde", "Account", "Customer"]),
                (
                    "number",
                    &["Referenz", "Reference", "Belegnummer", "Document Number"],
                ),
                ("issue_date", &["Belegdatum", "Document Date"]),
                (
                    "due_date",
                    &[
                        "Nettofälligkeit",
                        "Nettofälligkeitsdatum",
                        "Net due date",
                        "Net Due Date",
                    ],
                ),
                (
                    "open_amount",
                    &[
                        "Betrag in Hauswährung",
                        "Betrag in HW",
                        "Amount in local currency",
                        "Amount in LC",
                    ],
                ),
                ("currency", &["Hauswährung", "Local Currency", "LCurr"]),
            ],
            Some(Kinds::Column {
                column: vec!["Belegart".into(), "Document Type".into(), "Type".into()],
                by_kind: by_kind(&[
                    ("invoice", &["RV", "DR", "DD"]),
                    ("credit_note", &["DG"]),
                    ("payment_on_account", &["DZ", "DA"]),
                ]),
            }),
            &[],
        ),
        // Sage 50 Accounts (UK): the Aged Debtors Analysis (Detailed) report exported to CSV:
        // account reference per line, SI/SC transaction types, dd/mm/yyyy, Windows-1252.
        profile(
            "sage50-aged-debtors",
            "Sage 50 aged debtors (detailed)",
            Target::Items,
            Format {
                decimal: Some(DecimalMark::Point),
                date_format: Some(DateFormat::DaySlash),
                ..Format::default()
            },
            &[
                ("id", &["Transaction Number", "Tran No.", "No."]),
                ("customer_id", &["Account Reference", "A/C"]),
                ("number", &["Reference", "Ref", "Inv Ref"]),
                ("issue_date", &["Date", "Transaction Date"]),
                ("due_date", &["Due Date", "Due On"]),
                ("amount", &["Amount", "Gross Amount", "Total"]),
                ("open_amount", &["Outstanding", "O/S", "Balance"]),
                ("currency", &["Currency"]),
            ],
            Some(Kinds::Column {
                column: vec!["Type".into(), "Transaction Type".into()],
                by_kind: by_kind(&[
                    ("invoice", &["SI"]),
                    ("credit_note", &["SC"]),
                    ("payment_on_account", &["SA"]),
                ]),
            }),
            &[("currency", "GBP")],
        ),
        // Microsoft Dynamics 365 Business Central: Customer Ledger Entries, "Open in Excel"
        // saved as CSV (US layout: mm/dd/yyyy). A blank Currency Code is the local currency:
        // set it in a copy of this profile when it is not USD.
        profile(
            "dynamics-bc-customer-ledger",
            "Dynamics 365 Business Central customer ledger entries",
            Target::Items,
            Format {
                decimal: Some(DecimalMark::Point),
                date_format: Some(DateFormat::MonthSlash),
                ..Format::default()
            },
            &[
                ("id", &["Entry No."]),
                ("customer_id", &["Customer No."]),
                ("number", &["Document No."]),
                ("issue_date", &["Document Date", "Posting Date"]),
                ("due_date", &["Due Date"]),
                ("amount", &["Original Amount", "Amount"]),
                ("open_amount", &["Remaining Amount"]),
                ("currency", &["Currency Code"]),
            ],
            Some(Kinds::Column {
                column: vec!["Document Type".into()],
                by_kind: by_kind(&[
                    ("invoice", &["Invoice", "Finance Charge Memo", "Reminder"]),
                    ("credit_note", &["Credit Memo"]),
                    ("payment_on_account", &["Payment"]),
                    ("other", &["Refund"]),
                ]),
            }),
            &[("currency", "USD")],
        ),
        // Odoo (16 and later): Accounting > Journal Items, filtered on receivables, exported
        // to CSV: ISO dates, comma separator, the signed balance (credit notes negative).
        profile(
            "odoo-journal-items",
            "Odoo journal items (receivable)",
            Target::Items,
            Format {
                delimiter: Some(','),
                decimal: Some(DecimalMark::Point),
                date_format: Some(DateFormat::Iso),
                ..Format::default()
            },
            &[
                ("id", &["ID", "id"]),
                (
                    "customer_id",
                    &["Partner/ID", "Partner/Reference", "Partner"],
                ),
                ("number", &["Journal Entry", "Number"]),
                ("issue_date", &["Date"]),
                ("due_date", &["Due Date"]),
                ("amount", &["Balance"]),
                ("open_amount", &["Amount Due", "Residual Amount"]),
                ("currency", &["Currency"]),
            ],
            Some(Kinds::BySign),
            &[("currency", "EUR")],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_object;

    fn read(code: &str, body: &str) -> Result<ImportProfile, Vec<String>> {
        read_profile(code, &parse_object(body.as_bytes()).unwrap())
            .map_err(|e| e.0.iter().map(|e| e.pointer.clone()).collect())
    }

    #[test]
    fn a_profile_reads_back_as_it_was_written() {
        let p = read(
            "my-sap",
            r#"{"name":"Our SAP","target":"items",
                "format":{"delimiter":";","decimal":",","date_format":"dd.mm.yyyy","encoding":"windows-1252","skip_rows":2},
                "columns":{"id":"Belegnummer","customer_id":["Konto","Kunde"],"issue_date":"Belegdatum","due_date":"Nettofälligkeit","open_amount":"Betrag"},
                "kinds":{"column":"Belegart","invoice":["RV","DR"],"credit_note":["DG"]},
                "defaults":{"currency":"EUR"}}"#,
        )
        .unwrap();
        assert_eq!(p.format.delimiter, Some(';'));
        assert_eq!(p.format.skip_rows, 2);
        assert_eq!(p.columns["customer_id"], ["Konto", "Kunde"]);
        // Written back and read again: the same profile.
        let again = read_profile("my-sap", p.body().as_object().unwrap()).unwrap();
        assert_eq!(again, p);
        for b in built_in() {
            let again = read_profile(&b.code, b.body().as_object().unwrap()).unwrap();
            assert_eq!(
                ImportProfile {
                    built_in: true,
                    ..again
                },
                b,
                "{}",
                b.code
            );
        }
        let tab = read("t", r#"{"name":"T","target":"payments","format":{"delimiter":"tab"},"columns":{"id":"a","item_id":"b","amount":"c","date":"d"}}"#).unwrap();
        assert_eq!(tab.format.delimiter, Some('\t'));
    }

    #[test]
    fn bad_profiles_are_refused_at_each_pointer() {
        assert_eq!(read("Bad Code", r#"{"name":"x","target":"payments","columns":{"id":"a","item_id":"b","amount":"c","date":"d"}}"#).unwrap_err(), ["code"]);
        assert_eq!(
            read("p", r#"{"name":"x","target":"ledger","columns":{}}"#).unwrap_err(),
            ["/target"]
        );
        let e = read(
            "p",
            r#"{"name":"x","target":"items","format":{"decimal":";","date_format":"dd-mm-yy","encoding":"latin9","skip_rows":-1,"quote":"'"},
                "columns":{"id":"a","colour":"b","customer_id":""},"kinds":{"column":"T","invoice":["RV"],"credit_note":["RV"],"bonus":["X"]},"extra":1}"#,
        )
        .unwrap_err();
        for p in [
            "/format/decimal",
            "/format/date_format",
            "/format/encoding",
            "/format/skip_rows",
            "/format/quote",
            "/columns/colour",
            "/columns/customer_id",
            "/kinds/invoice",
            "/kinds/bonus",
            "/extra",
        ] {
            assert!(e.contains(&p.to_string()), "{p} not in {e:?}");
        }
        // What rows need: a column or a default for each required field.
        let e = read("p", r#"{"name":"x","target":"items","columns":{"id":"a"}}"#).unwrap_err();
        for p in [
            "/columns/customer_id",
            "/columns/issue_date",
            "/columns/due_date",
            "/columns/currency",
            "/columns/open_amount",
            "/kinds",
        ] {
            assert!(e.contains(&p.to_string()), "{p} not in {e:?}");
        }
        assert_eq!(read("p", r#"{"name":"x","target":"payments","columns":{"id":"a","item_id":"b","amount":"c","date":"d"},"kinds":"by_sign"}"#).unwrap_err(), ["/kinds"]);
    }
}
