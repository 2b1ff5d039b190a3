//! ERP sync input: customers, open items (JSON or CSV) and payments, validated row by row.
//!
//! Every bad row is reported with where it is (a JSON pointer such as `/items/3/due_date`, or
//! a CSV line and field), and a batch with any bad row is refused whole. Unknown fields are
//! refused, naming the row and field, as in every other body. Amounts must be decimal strings
//! (`"120.50"`); JSON numbers are refused because they are floats in most ERPs' JSON.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;

use crate::dates::parse_date;
use crate::ledger::ItemKind;
use crate::money::{Currency, parse_amount, to_minor};
use crate::validation::{Invalid, valid_email};

/// Most errors listed in one answer; the rest are counted.
pub const MAX_REPORTED_ERRORS: usize = 200;
const MAX_ID_LEN: usize = 64;
const MAX_TEXT_LEN: usize = 500;

/// A JSON scalar as sent, without failing the whole parse on a wrong type.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Str(String),
    Int(i64),
    Float,
    Bool,
    Null,
    Composite,
}

impl Scalar {
    fn type_name(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "a string",
            Scalar::Int(_) | Scalar::Float => "a number",
            Scalar::Bool => "a boolean",
            Scalar::Null => "null",
            Scalar::Composite => "an object or array",
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(i64::try_from(v).map(Scalar::Int).unwrap_or(Scalar::Float))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scalar, E> {
                Ok(Scalar::Float)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Scalar, A::Error> {
                while m.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Composite)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Scalar, A::Error> {
                while s.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Composite)
            }
        }
        d.deserialize_any(V)
    }
}

/// A raw JSON row: each known field as a [`Scalar`], and the names of unknown fields (read
/// without buffering the row, so a 100,000-item batch costs no more than before).
/// A raw row's field name as a body spells it: `for_` is `for`.
const fn raw_key(field: &'static str) -> &'static str {
    match field.as_bytes() {
        [.., b'_'] => {
            let (head, _) = field.split_at(field.len() - 1);
            head
        }
        _ => field,
    }
}

macro_rules! raw_row {
    ($name:ident { $($field:ident),+ $(,)? }) => {
        #[derive(Default)]
        struct $name {
            $($field: Option<Scalar>,)+
            unknown: Vec<String>,
        }

        impl $name {
            /// The body's field names: the struct's, with a trailing `_` dropped (`for_` reads
            /// `"for"`, a Rust keyword).
            const FIELDS: &'static [&'static str] = &[$(raw_key(stringify!($field))),+];
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<$name, A::Error> {
                        let mut row = $name::default();
                        while let Some(key) = m.next_key::<std::borrow::Cow<'de, str>>()? {
                            let k = key.as_ref();
                            $(if k == raw_key(stringify!($field)) {
                                row.$field = Some(m.next_value()?);
                                continue;
                            })+
                            m.next_value::<de::IgnoredAny>()?;
                            row.unknown.push(key.into_owned());
                        }
                        Ok(row)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

raw_row!(CustomerRaw {
    id,
    name,
    entity,
    language,
    currency,
    email,
    collector
});
raw_row!(ItemRaw {
    id,
    customer_id,
    kind,
    number,
    issue_date,
    due_date,
    amount,
    open_amount,
    currency,
    applies_to
});
raw_row!(PaymentRaw {
    id,
    item_id,
    amount,
    date,
    reference,
    for_
});

/// Reads fields of one row and collects its errors.
struct Row<'a> {
    at: String,
    csv: bool,
    errors: &'a mut Invalid,
    /// For a file read through an import profile: the file's own column name of each field,
    /// so errors name the column the user sees.
    names: &'a [(&'static str, String)],
}

impl Row<'_> {
    /// Unknown fields are refused, as in every other body: a misspelt field must not be
    /// silently dropped.
    fn unknown(&mut self, unknown: &[String], known: &[&str]) {
        for field in unknown {
            self.err(
                field,
                format!("unknown field {field:?}; known: {}", known.join(", ")),
            );
        }
    }

    fn err(&mut self, field: &str, message: impl Into<String>) {
        let pointer = if self.csv {
            self.at.clone()
        } else {
            format!("{}/{field}", self.at)
        };
        let shown = self
            .names
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(field, |(_, n)| n.as_str());
        self.errors.push(pointer, Some(shown), message);
    }

    fn text(
        &mut self,
        field: &str,
        v: Option<&Scalar>,
        required: bool,
        max: usize,
    ) -> Option<String> {
        match v {
            None | Some(Scalar::Null) => {
                if required {
                    self.err(field, format!("{field} is required"));
                }
                None
            }
            Some(Scalar::Str(s)) if s.trim().is_empty() => {
                if required {
                    self.err(field, format!("{field} must not be empty"));
                }
                None
            }
            Some(Scalar::Str(s)) if s.chars().count() > max => {
                self.err(field, format!("{field} is longer than {max} characters"));
                None
            }
            Some(Scalar::Str(s)) if s.chars().any(char::is_control) => {
                self.err(
                    field,
                    format!("{field} must not hold control characters (tabs, line breaks, NUL)"),
                );
                None
            }
            Some(Scalar::Str(s)) => Some(s.trim().to_string()),
            Some(other) => {
                self.err(
                    field,
                    format!("{field} must be a string, not {}", other.type_name()),
                );
                None
            }
        }
    }

    /// An identifier: a string, or an integer (ERPs often number their records).
    fn id(&mut self, field: &str, v: Option<&Scalar>) -> Option<String> {
        match v {
            Some(Scalar::Int(i)) => Some(i.to_string()),
            other => self.text(field, other, true, MAX_ID_LEN),
        }
    }

    fn date(&mut self, field: &str, v: Option<&Scalar>) -> Option<NaiveDate> {
        let s = self.text(field, v, true, 10 + 20)?;
        match parse_date(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(field, e);
                None
            }
        }
    }

    fn currency(&mut self, field: &str, v: Option<&Scalar>) -> Option<Currency> {
        let s = self.text(field, v, true, 3 + 20)?;
        match Currency::parse(&s) {
            Ok(c) => Some(c),
            Err(e) => {
                self.err(field, e);
                None
            }
        }
    }

    fn amount_text(&mut self, field: &str, v: Option<&Scalar>) -> Option<String> {
        match v {
            Some(Scalar::Int(_)) | Some(Scalar::Float) => {
                self.err(
                    field,
                    format!(
                        "{field} must be a decimal string such as \"120.50\", not a JSON number"
                    ),
                );
                None
            }
            other => self.text(field, other, true, 40),
        }
    }

    fn amount(
        &mut self,
        field: &str,
        v: Option<&Scalar>,
        currency: Option<Currency>,
    ) -> Option<i64> {
        let s = self.amount_text(field, v)?;
        let currency = currency?;
        match parse_amount(&s, currency).and_then(|d| to_minor(d, currency)) {
            Ok(m) => Some(m),
            Err(e) => {
                self.err(field, e);
                None
            }
        }
    }
}

fn check_len<T>(errors: &mut Invalid, rows: &[T], what: &str) {
    if rows.is_empty() {
        errors.push(
            format!("/{what}"),
            Some(what),
            format!("{what} must hold at least one row"),
        );
    }
}

fn json_error(e: serde_json::Error) -> Invalid {
    Invalid::one(
        "",
        None,
        format!(
            "the body is not valid JSON of the expected shape: {e} (line {}, column {})",
            e.line(),
            e.column()
        ),
    )
}

/// `value`, or the errors (the first [`MAX_REPORTED_ERRORS`], and how many more).
pub fn finish<T>(errors: Invalid, value: T) -> Result<T, Invalid> {
    let mut errors = errors;
    if errors.0.len() > MAX_REPORTED_ERRORS {
        let more = errors.0.len() - MAX_REPORTED_ERRORS;
        errors.0.truncate(MAX_REPORTED_ERRORS);
        errors.push("", None, format!("and {more} more errors"));
    }
    errors.into_result().map(|_| value)
}

fn duplicate(seen: &mut HashSet<String>, row: &mut Row, field: &str, id: &Option<String>) {
    if let Some(id) = id
        && !seen.insert(id.clone())
    {
        row.err(
            field,
            format!("{field} {id:?} appears more than once in this batch"),
        );
    }
}

// ---- customers ----

/// A validated customer row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerIn {
    pub erp_id: String,
    pub name: String,
    pub entity: String,
    pub language: String,
    pub currency: Currency,
    pub email: Option<String>,
    pub collector: Option<String>,
}

#[derive(Deserialize)]
struct CustomersBody {
    customers: Vec<CustomerRaw>,
}

/// Parses `{"customers": [...]}`.
pub fn parse_customers(body: &[u8]) -> Result<Vec<CustomerIn>, Invalid> {
    let (out, errors, _) = customers_json(body)?;
    finish(errors, out)
}

/// `{"customers": [...]}` as far as it reads: the good rows, the refused ones, and how many
/// rows were sent (a dry run shows all three). A body that is not JSON of that shape is an
/// error.
pub fn customers_json(body: &[u8]) -> Result<(Vec<CustomerIn>, Invalid, usize), Invalid> {
    let parsed: CustomersBody = serde_json::from_slice(body).map_err(json_error)?;
    let mut errors = Invalid::default();
    check_len(&mut errors, &parsed.customers, "customers");
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(parsed.customers.len());
    for (i, c) in parsed.customers.iter().enumerate() {
        let mut row = Row {
            at: format!("/customers/{i}"),
            csv: false,
            errors: &mut errors,
            names: &[],
        };
        if let Some(c) = customer_row(&mut row, c, &mut seen) {
            out.push(c);
        }
    }
    Ok((out, errors, parsed.customers.len()))
}

fn customer_row(row: &mut Row, c: &CustomerRaw, seen: &mut HashSet<String>) -> Option<CustomerIn> {
    row.unknown(&c.unknown, CustomerRaw::FIELDS);
    let erp_id = row.id("id", c.id.as_ref());
    duplicate(seen, row, "id", &erp_id);
    let name = row.text("name", c.name.as_ref(), true, MAX_TEXT_LEN);
    let entity = row.text("entity", c.entity.as_ref(), true, MAX_ID_LEN);
    let language = row
        .text("language", c.language.as_ref(), false, 7)
        .unwrap_or_else(|| "en".into());
    if !crate::catalog::valid_language(&language) {
        row.err(
            "language",
            format!("{language:?} is not a language tag such as \"en\", \"pt-BR\" or \"zh-Hans\""),
        );
    }
    let currency = row.currency("currency", c.currency.as_ref());
    let email = row.text("email", c.email.as_ref(), false, 254);
    if let Some(e) = &email
        && !valid_email(e)
    {
        row.err("email", format!("{e:?} is not an email address"));
    }
    let collector = row.text("collector", c.collector.as_ref(), false, MAX_ID_LEN);
    Some(CustomerIn {
        erp_id: erp_id?,
        name: name?,
        entity: entity?,
        language,
        currency: currency?,
        email,
        collector,
    })
}

// ---- items ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncMode {
    /// Upsert what is sent; leave the rest alone.
    Delta,
    /// A full snapshot of open items of the scope: open items missing from it are closed.
    Stock,
}

impl SyncMode {
    pub fn parse(s: &str) -> Option<SyncMode> {
        match s {
            "delta" => Some(SyncMode::Delta),
            "stock" => Some(SyncMode::Stock),
            _ => None,
        }
    }
}

/// A validated open item row (amounts in minor units of `currency`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemIn {
    pub erp_id: String,
    pub customer_erp_id: String,
    pub kind: ItemKind,
    pub number: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub amount_minor: i64,
    pub open_minor: i64,
    /// For a credit note: the ERP id of the invoice it credits (`"applies_to": "INV-1"`).
    /// It credits that invoice's dispute case once.
    pub applies_to: Option<String>,
    /// Where the row came from, for errors found later (unknown customer): a JSON pointer or
    /// `line N`.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemBatch {
    pub mode: SyncMode,
    /// The scope of a stock snapshot: one entity, or every item when `None`.
    pub entity: Option<String>,
    pub items: Vec<ItemIn>,
}

#[derive(Deserialize)]
struct ItemsBody {
    mode: Option<Scalar>,
    entity: Option<Scalar>,
    items: Vec<ItemRaw>,
}

fn item_row(row: &mut Row, raw: &ItemRaw, seen: &mut HashSet<String>) -> Option<ItemIn> {
    row.unknown(&raw.unknown, ItemRaw::FIELDS);
    let erp_id = row.id("id", raw.id.as_ref());
    duplicate(seen, row, "id", &erp_id);
    let customer = row.id("customer_id", raw.customer_id.as_ref());
    let kind = match row.text("kind", raw.kind.as_ref(), true, 40) {
        Some(k) => match ItemKind::parse(&k) {
            Some(k) => Some(k),
            None => {
                row.err(
                    "kind",
                    format!("{k:?} is not one of invoice, credit_note, payment_on_account, other"),
                );
                None
            }
        },
        None => None,
    };
    let number = row.text("number", raw.number.as_ref(), true, MAX_ID_LEN);
    let issue = row.date("issue_date", raw.issue_date.as_ref());
    let due = row.date("due_date", raw.due_date.as_ref());
    if let (Some(i), Some(d)) = (issue, due)
        && d < i
    {
        row.err("due_date", format!("due date {d} is before issue date {i}"));
    }
    let currency = row.currency("currency", raw.currency.as_ref());
    let amount = row.amount("amount", raw.amount.as_ref(), currency);
    let open = row.amount("open_amount", raw.open_amount.as_ref(), currency);
    if let (Some(a), Some(o)) = (amount, open)
        && o > a
    {
        row.err("open_amount", "open_amount is more than amount");
    }
    let applies_to = match raw.applies_to.as_ref() {
        None | Some(Scalar::Null) => None,
        Some(v) => row.id("applies_to", Some(v)),
    };
    if applies_to.is_some() && kind.is_some_and(|k| k != ItemKind::CreditNote) {
        row.err("applies_to", "only a credit note applies to an invoice");
    }
    if applies_to.is_some() && applies_to == erp_id {
        row.err("applies_to", "a credit note cannot apply to itself");
    }
    Some(ItemIn {
        erp_id: erp_id?,
        customer_erp_id: customer?,
        kind: kind?,
        number: number?,
        issue_date: issue?,
        due_date: due?,
        currency: currency?,
        amount_minor: amount?,
        open_minor: open?,
        applies_to,
        at: row.at.clone(),
    })
}

fn parse_mode(errors: &mut Invalid, at: &str, mode: Option<&str>) -> SyncMode {
    match mode {
        None => SyncMode::Delta,
        Some(m) => SyncMode::parse(m).unwrap_or_else(|| {
            errors.push(
                at,
                Some("mode"),
                format!("mode {m:?} must be \"delta\" or \"stock\""),
            );
            SyncMode::Delta
        }),
    }
}

/// Parses `{"mode", "entity"?, "items": [...]}`.
pub fn parse_items_json(body: &[u8]) -> Result<ItemBatch, Invalid> {
    let (batch, errors, _) = items_json(body)?;
    finish(errors, batch)
}

/// `{"mode", "entity"?, "items": [...]}` as far as it reads (see [`customers_json`]).
pub fn items_json(body: &[u8]) -> Result<(ItemBatch, Invalid, usize), Invalid> {
    let parsed: ItemsBody = serde_json::from_slice(body).map_err(json_error)?;
    let mut errors = Invalid::default();
    let mode = match &parsed.mode {
        None | Some(Scalar::Null) => parse_mode(&mut errors, "/mode", None),
        Some(Scalar::Str(s)) => parse_mode(&mut errors, "/mode", Some(s)),
        Some(other) => {
            errors.push(
                "/mode",
                Some("mode"),
                format!("mode must be a string, not {}", other.type_name()),
            );
            SyncMode::Delta
        }
    };
    let entity = {
        let mut row = Row {
            at: String::new(),
            csv: false,
            errors: &mut errors,
            names: &[],
        };
        row.text("entity", parsed.entity.as_ref(), false, MAX_ID_LEN)
    };
    check_len(&mut errors, &parsed.items, "items");
    let mut seen = HashSet::with_capacity(parsed.items.len());
    let mut items = Vec::with_capacity(parsed.items.len());
    for (i, raw) in parsed.items.iter().enumerate() {
        let mut row = Row {
            at: format!("/items/{i}"),
            csv: false,
            errors: &mut errors,
            names: &[],
        };
        if let Some(item) = item_row(&mut row, raw, &mut seen) {
            items.push(item);
        }
    }
    let n = parsed.items.len();
    Ok((
        ItemBatch {
            mode,
            entity,
            items,
        },
        errors,
        n,
    ))
}

/// Parses a CSV of open items in Settle's own columns (`Target::Items.fields()`, in any order;
/// mode and entity come from the query string), in any dialect `crate::import` reads
/// (separator, encoding, decimal mark and date format found from the file). Errors name the
/// line and column.
pub fn parse_items_csv(
    body: &[u8],
    mode: Option<&str>,
    entity: Option<&str>,
) -> Result<ItemBatch, Invalid> {
    use crate::import::profile::{ImportProfile, Target};
    match crate::import::parse_file(body, &ImportProfile::plain(Target::Items), mode, entity)?.0 {
        crate::import::Parsed::Items(batch) => Ok(batch),
        _ => unreachable!("an items profile reads items"),
    }
}

// ---- payments ----

/// A payment as sent; the amount's decimals are checked against the item's currency later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentIn {
    /// The ERP's id of the payment (of this allocation to an item): a payment sent twice
    /// is applied once.
    pub erp_id: String,
    pub item_erp_id: String,
    pub amount: String,
    pub date: NaiveDate,
    pub reference: Option<String>,
    /// `"for": "disputed"`: the ERP says the payment settles the disputed part of the item
    /// first; otherwise (`"undisputed"`, or not said) it pays the undisputed part first.
    pub for_disputed: bool,
    pub at: String,
}

#[derive(Deserialize)]
struct PaymentsBody {
    payments: Vec<PaymentRaw>,
}

/// Parses `{"payments": [...]}`.
pub fn parse_payments(body: &[u8]) -> Result<Vec<PaymentIn>, Invalid> {
    let (out, errors, _) = payments_json(body)?;
    finish(errors, out)
}

/// `{"payments": [...]}` as far as it reads (see [`customers_json`]).
pub fn payments_json(body: &[u8]) -> Result<(Vec<PaymentIn>, Invalid, usize), Invalid> {
    let parsed: PaymentsBody = serde_json::from_slice(body).map_err(json_error)?;
    let mut errors = Invalid::default();
    check_len(&mut errors, &parsed.payments, "payments");
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, p) in parsed.payments.iter().enumerate() {
        let mut row = Row {
            at: format!("/payments/{i}"),
            csv: false,
            errors: &mut errors,
            names: &[],
        };
        if let Some(p) = payment_row(&mut row, p, &mut seen) {
            out.push(p);
        }
    }
    Ok((out, errors, parsed.payments.len()))
}

fn payment_row(row: &mut Row, p: &PaymentRaw, seen: &mut HashSet<String>) -> Option<PaymentIn> {
    row.unknown(&p.unknown, PaymentRaw::FIELDS);
    let erp_id = row.id("id", p.id.as_ref());
    duplicate(seen, row, "id", &erp_id);
    let item = row.id("item_id", p.item_id.as_ref());
    let amount = row.amount_text("amount", p.amount.as_ref());
    if let Some(a) = &amount {
        match a.parse::<Decimal>() {
            Ok(d) if d <= Decimal::ZERO || a.starts_with('-') => {
                row.err("amount", "amount must be more than zero")
            }
            Ok(_) if a.bytes().all(|b| b.is_ascii_digit() || b == b'.') => {}
            _ => row.err(
                "amount",
                format!("{a:?} is not a decimal number like \"120.50\""),
            ),
        }
    }
    let date = row.date("date", p.date.as_ref());
    let reference = row.text("reference", p.reference.as_ref(), false, MAX_TEXT_LEN);
    let for_disputed = match row.text("for", p.for_.as_ref(), false, 16).as_deref() {
        None | Some("undisputed") => Some(false),
        Some("disputed") => Some(true),
        Some(other) => {
            row.err(
                "for",
                format!("{other:?} is not \"disputed\" or \"undisputed\""),
            );
            None
        }
    };
    Some(PaymentIn {
        erp_id: erp_id?,
        item_erp_id: item?,
        amount: amount?,
        date: date?,
        reference,
        for_disputed: for_disputed?,
        at: row.at.clone(),
    })
}

// ---- rows read from files ----

/// A row of a file read through an import profile (`crate::import`): Settle's fields as
/// plain text (amounts `1234.56`, dates ISO), and the file line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub line: usize,
    pub values: std::collections::BTreeMap<&'static str, String>,
}

fn scalar(r: &FileRow, f: &str) -> Option<Scalar> {
    r.values.get(f).map(|v| Scalar::Str(v.clone()))
}

fn file_row<'a>(
    errors: &'a mut Invalid,
    r: &FileRow,
    names: &'a [(&'static str, String)],
) -> Row<'a> {
    Row {
        at: format!("line {}", r.line),
        csv: true,
        errors,
        names,
    }
}

/// Open items from a file's rows, and the rows refused (added to `errors`, naming the line
/// and the file's column: `names`). The caller refuses the batch when any row is.
pub fn items_from_rows(
    rows: &[FileRow],
    names: &[(&'static str, String)],
    mode: Option<&str>,
    entity: Option<&str>,
    mut errors: Invalid,
) -> (ItemBatch, Invalid) {
    let mode = parse_mode(&mut errors, "query", mode);
    let mut seen = HashSet::with_capacity(rows.len());
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        let raw = ItemRaw {
            id: scalar(r, "id"),
            customer_id: scalar(r, "customer_id"),
            kind: scalar(r, "kind"),
            number: scalar(r, "number"),
            issue_date: scalar(r, "issue_date"),
            due_date: scalar(r, "due_date"),
            amount: scalar(r, "amount"),
            open_amount: scalar(r, "open_amount"),
            currency: scalar(r, "currency"),
            applies_to: scalar(r, "applies_to"),
            unknown: Vec::new(),
        };
        if let Some(item) = item_row(&mut file_row(&mut errors, r, names), &raw, &mut seen) {
            items.push(item);
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push("line 2", None, "the file holds no rows");
    }
    (
        ItemBatch {
            mode,
            entity: entity.map(str::to_string),
            items,
        },
        errors,
    )
}

/// Payments from a file's rows, and the rows refused.
pub fn payments_from_rows(
    rows: &[FileRow],
    names: &[(&'static str, String)],
    mut errors: Invalid,
) -> (Vec<PaymentIn>, Invalid) {
    let mut seen = HashSet::with_capacity(rows.len());
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let raw = PaymentRaw {
            id: scalar(r, "id"),
            item_id: scalar(r, "item_id"),
            amount: scalar(r, "amount"),
            date: scalar(r, "date"),
            reference: scalar(r, "reference"),
            for_: scalar(r, "for"),
            unknown: Vec::new(),
        };
        if let Some(p) = payment_row(&mut file_row(&mut errors, r, names), &raw, &mut seen) {
            out.push(p);
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push("line 2", None, "the file holds no rows");
    }
    (out, errors)
}

/// Customers from a file's rows, and the rows refused.
pub fn customers_from_rows(
    rows: &[FileRow],
    names: &[(&'static str, String)],
    mut errors: Invalid,
) -> (Vec<CustomerIn>, Invalid) {
    let mut seen = HashSet::with_capacity(rows.len());
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let raw = CustomerRaw {
            id: scalar(r, "id"),
            name: scalar(r, "name"),
            entity: scalar(r, "entity"),
            language: scalar(r, "language"),
            currency: scalar(r, "currency"),
            email: scalar(r, "email"),
            collector: scalar(r, "collector"),
            unknown: Vec::new(),
        };
        if let Some(c) = customer_row(&mut file_row(&mut errors, r, names), &raw, &mut seen) {
            out.push(c);
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push("line 2", None, "the file holds no rows");
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pointers(e: &Invalid) -> Vec<String> {
        e.0.iter().map(|f| f.pointer.clone()).collect()
    }

    #[test]
    fn customers_valid_and_defaults() {
        let body = br#"{"customers":[{"id":"C1","name":"Acme","entity":"FR01","currency":"EUR","email":"ap@acme.fr","collector":"alice"},
                                     {"id":42,"name":"Beta","entity":"FR01","language":"fr","currency":"USD"}]}"#;
        let c = parse_customers(body).unwrap();
        assert_eq!(c[0].language, "en");
        assert_eq!(c[1].erp_id, "42");
        assert_eq!(c[1].currency.code(), "USD");
    }

    #[test]
    fn customers_every_bad_row_is_reported() {
        let body = br#"{"customers":[{"id":"C1","name":"","entity":"FR01","currency":"EURO"},
                                     {"id":"C1","name":"X","entity":"FR01","currency":"EUR","email":"nope","language":"french"},
                                     {"name":5}]}"#;
        let e = parse_customers(body).unwrap_err();
        let p = pointers(&e);
        for expected in [
            "/customers/0/name",
            "/customers/0/currency",
            "/customers/1/id",
            "/customers/1/email",
            "/customers/1/language",
            "/customers/2/id",
            "/customers/2/name",
            "/customers/2/entity",
            "/customers/2/currency",
        ] {
            assert!(
                p.contains(&expected.to_string()),
                "{expected} missing from {p:?}"
            );
        }
    }

    #[test]
    fn malformed_json_and_empty_batches() {
        assert!(parse_customers(b"{").is_err());
        assert!(parse_customers(br#"{"customers": 5}"#).is_err());
        let e = parse_customers(br#"{"customers": []}"#).unwrap_err();
        assert_eq!(pointers(&e), vec!["/customers"]);
    }

    /// A valid item, with fields replaced by `over` (a JSON object; `null` removes a field).
    fn item(over: &str) -> String {
        let mut v: serde_json::Value = serde_json::json!({
            "id": "I1", "customer_id": "C1", "kind": "invoice", "number": "F-1",
            "issue_date": "2025-01-01", "due_date": "2025-01-31",
            "amount": "100.00", "open_amount": "40.50", "currency": "EUR"
        });
        let over: serde_json::Value =
            serde_json::from_str(if over.is_empty() { "{}" } else { over }).unwrap();
        for (k, val) in over.as_object().unwrap() {
            if val.is_null() {
                v.as_object_mut().unwrap().remove(k);
            } else {
                v[k] = val.clone();
            }
        }
        v.to_string()
    }

    fn items(rows: &[String]) -> Vec<u8> {
        format!(r#"{{"mode":"delta","items":[{}]}}"#, rows.join(",")).into_bytes()
    }

    #[test]
    fn item_valid() {
        let b = parse_items_json(&items(&[item("")])).unwrap();
        assert_eq!(b.mode, SyncMode::Delta);
        let i = &b.items[0];
        assert_eq!((i.amount_minor, i.open_minor), (10_000, 4_050));
        assert_eq!(i.kind, ItemKind::Invoice);
        assert_eq!(i.at, "/items/0");
    }

    #[test]
    fn item_errors_name_the_field() {
        let cases = [
            (r#"{"currency":"EURO"}"#, "currency"),
            (r#"{"amount":"100.001"}"#, "amount"),
            (r#"{"amount":100}"#, "amount"),
            (r#"{"amount":"-5"}"#, "amount"),
            (r#"{"open_amount":"100.01"}"#, "open_amount"),
            (r#"{"due_date":"2024-12-31"}"#, "due_date"),
            (r#"{"issue_date":"2025-02-30"}"#, "issue_date"),
            (r#"{"kind":"bill"}"#, "kind"),
            (r#"{"number":null}"#, "number"),
            (r#"{"customer_id":true}"#, "customer_id"),
        ];
        for (over, field) in cases {
            let e = parse_items_json(&items(&[item(over)])).unwrap_err();
            assert_eq!(pointers(&e), vec![format!("/items/0/{field}")], "{over}");
        }
        let e = parse_items_json(&items(&[item(""), item("")])).unwrap_err();
        assert_eq!(pointers(&e), vec!["/items/1/id"]);
        let e = parse_items_json(br#"{"mode":"full","items":[]}"#).unwrap_err();
        assert_eq!(pointers(&e), vec!["/mode", "/items"]);
    }

    #[test]
    fn csv_items() {
        let csv = "id,customer_id,kind,number,issue_date,due_date,amount,open_amount,currency\n\
                   I1,C1,invoice,F-1,2025-01-01,2025-01-31,100.00,100.00,EUR\n\
                   \"I2\",C1,credit_note,\"A,1\",2025-01-02,2025-01-02,5,5,JPY\n";
        let b = parse_items_csv(csv.as_bytes(), Some("stock"), Some("FR01")).unwrap();
        assert_eq!(b.mode, SyncMode::Stock);
        assert_eq!(b.entity.as_deref(), Some("FR01"));
        assert_eq!(b.items[1].number, "A,1");
        assert_eq!(b.items[1].amount_minor, 5);
    }

    #[test]
    fn csv_errors_name_line_and_field() {
        let csv = "id,customer_id,kind,number,issue_date,due_date,amount,open_amount,currency\n\
                   I1,C1,invoice,F-1,2025-01-01,2025-01-31,100.00,100.00,EUR\n\
                   I2,C1,invoice,F-2,2025-01-01,2025-13-01,100.00,100.00,EUR\n\
                   I3,C1,invoice\n";
        let e = parse_items_csv(csv.as_bytes(), None, None).unwrap_err();
        assert_eq!(e.0[0].pointer, "line 3");
        assert_eq!(e.0[0].field.as_deref(), Some("due_date"));
        assert_eq!(e.0[1].pointer, "line 4");
        assert!(
            e.0[1]
                .message
                .contains("3 cells where the header row has 9"),
            "{:?}",
            e.0[1]
        );
        let e = parse_items_csv(b"id,customer_id\nI1,C1\n", None, None).unwrap_err();
        assert!(
            e.0.iter()
                .any(|f| f.field.as_deref() == Some("due_date") && f.pointer == "line 1")
        );
        let e = parse_items_csv(
            b"id,customer_id,kind,number,issue_date,due_date,amount,open_amount,currency\n",
            None,
            None,
        )
        .unwrap_err();
        assert!(e.0[0].message.contains("no rows"));
        assert!(parse_items_csv(b"", Some("both"), None).is_err());
    }

    #[test]
    fn payments() {
        let ok = parse_payments(br#"{"payments":[{"id":"P1","item_id":"I1","amount":"10.5","date":"2025-02-01","reference":"VIR-1"}]}"#).unwrap();
        assert_eq!(ok[0].amount, "10.5");
        assert_eq!(ok[0].erp_id, "P1");
        let e = parse_payments(br#"{"payments":[{"id":"P1","item_id":"I1","amount":"1","date":"2025-02-01","ref":"x"},{"id":"P1","item_id":"I2","amount":"1","date":"2025-02-01"}]}"#).unwrap_err();
        assert_eq!(pointers(&e), ["/payments/0/ref", "/payments/1/id"]);
        let e = parse_payments(br#"{"payments":[{"item_id":"I1","amount":"0","date":"2025-02-01"},{"item_id":"I1","amount":"-3","date":"x"},{"amount":1.5}]}"#).unwrap_err();
        let p = pointers(&e);
        for expected in [
            "/payments/0/amount",
            "/payments/1/amount",
            "/payments/1/date",
            "/payments/0/id",
            "/payments/2/item_id",
            "/payments/2/amount",
            "/payments/2/date",
        ] {
            assert!(
                p.contains(&expected.to_string()),
                "{expected} missing from {p:?}"
            );
        }
    }

    #[test]
    fn unknown_fields_control_characters_and_impossible_years_are_refused() {
        let e = parse_customers(
            br#"{"customers":[{"id":"C\u0000","name":"Acme","entity":"FR01","currency":"EUR","colour":"red"}]}"#,
        )
        .unwrap_err();
        assert_eq!(pointers(&e), ["/customers/0/colour", "/customers/0/id"]);
        assert!(e.0[0].message.contains("unknown field \"colour\""));
        assert!(e.0[1].message.contains("control characters"));
        let e = parse_items_json(&items(&[item(
            r#"{"due_date":"0000-01-01","discount":"1"}"#,
        )]))
        .unwrap_err();
        assert_eq!(pointers(&e), ["/items/0/discount", "/items/0/due_date"]);
        let e = parse_customers(
            br#"{"customers":[{"id":"C1","name":"Line\nbreak","entity":"FR01","currency":"EUR"}]}"#,
        )
        .unwrap_err();
        assert_eq!(pointers(&e), ["/customers/0/name"]);
    }

    #[test]
    fn error_list_is_capped() {
        let rows: Vec<String> = (0..500)
            .map(|i| item(&format!(r#"{{"id":"X{i}","kind":"bad"}}"#)))
            .collect();
        let e = parse_items_json(&items(&rows)).unwrap_err();
        assert_eq!(e.0.len(), MAX_REPORTED_ERRORS + 1);
        assert!(e.0.last().unwrap().message.contains("300 more"));
    }
}
