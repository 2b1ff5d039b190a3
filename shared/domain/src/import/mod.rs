//! Reading the files companies really export (SAP, Sage, Dynamics, Odoo) into Settle's
//! customers, open items and payments.
//!
//! bytes → [`text::read_table`] (encoding, separator, header, records with their lines) →
//! [`read_rows`] (each field found by the profile's column names; amounts, dates and kinds
//! read strictly, the file's decimal mark and date format found from all its values) →
//! `crate::erp::*_from_rows` (the same row rules as JSON bodies). Every refusal names the
//! line, the file's own column and the value.

pub mod profile;
pub mod text;
pub mod values;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::erp::{self, CustomerIn, FileRow, ItemBatch, PaymentIn};
use crate::validation::Invalid;
use profile::{ImportProfile, Kinds, Target};
use text::{Dialect, Encoding, delimiter_name};
use values::{AmountReading, DateFormat, DecimalMark};

/// What a file was read as, for the answer and the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    pub encoding: Encoding,
    pub delimiter: String,
    pub decimal: Option<DecimalMark>,
    pub date_format: Option<DateFormat>,
    /// The file's header row.
    pub header: Vec<String>,
    /// Settle field → the file column it was read from.
    pub columns: BTreeMap<&'static str, String>,
}

/// A file read through a profile: the rows ready for Settle's row rules, and what was
/// found out about the file.
#[derive(Debug, Clone)]
pub struct FileRows {
    pub reading: Reading,
    pub rows: Vec<FileRow>,
    /// Rows refused while reading (amounts, dates, kinds), each by line and column.
    pub refused: Invalid,
    /// Records read.
    pub rows_read: usize,
}

/// What a file holds once read and checked.
#[derive(Debug, Clone)]
pub enum Parsed {
    Items(ItemBatch),
    Payments(Vec<PaymentIn>),
    Customers(Vec<CustomerIn>),
}

/// Reads `bytes` through `profile`, then Settle's row rules: the batch, or every refused
/// row. `mode` and `entity` are for items.
pub fn parse_file(
    bytes: &[u8],
    profile: &ImportProfile,
    mode: Option<&str>,
    entity: Option<&str>,
) -> Result<(Parsed, Reading), Invalid> {
    let p = preview_file(bytes, profile, mode, entity)?;
    erp::finish(p.refused, (p.parsed, p.reading))
}

/// A file read as far as it can be: what a dry run and the console's preview show.
#[derive(Debug, Clone)]
pub struct Preview {
    pub reading: Reading,
    /// The rows that passed every check (the batch a corrected file would be).
    pub parsed: Parsed,
    /// Records read (lines that are not blank, after the header).
    pub rows_read: usize,
    /// Every refused row, in line order.
    pub refused: Invalid,
}

/// Reads `bytes` through `profile` and Settle's row rules, keeping the good rows beside the
/// refused ones. A file-level problem (encoding, separator, a missing column, an undecidable
/// decimal mark or date format) is still an error.
pub fn preview_file(
    bytes: &[u8],
    profile: &ImportProfile,
    mode: Option<&str>,
    entity: Option<&str>,
) -> Result<Preview, Invalid> {
    let f = read_rows(bytes, profile)?;
    // Field → file column, for the row rules' errors.
    let names: Vec<(&'static str, String)> = f
        .reading
        .columns
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    let (parsed, mut refused) = match profile.target {
        Target::Items => {
            let (b, e) = erp::items_from_rows(&f.rows, &names, mode, entity, f.refused);
            (Parsed::Items(b), e)
        }
        Target::Payments => {
            let (p, e) = erp::payments_from_rows(&f.rows, &names, f.refused);
            (Parsed::Payments(p), e)
        }
        Target::Customers => {
            let (c, e) = erp::customers_from_rows(&f.rows, &names, f.refused);
            (Parsed::Customers(c), e)
        }
    };
    refused.0.sort_by_key(|e| line_of(&e.pointer));
    Ok(Preview {
        reading: f.reading,
        parsed,
        rows_read: f.rows_read,
        refused,
    })
}

fn line_of(pointer: &str) -> Option<usize> {
    pointer.strip_prefix("line ").and_then(|n| n.parse().ok())
}

/// Reads `bytes` as a table and maps each record through `profile`. A file-level problem
/// (encoding, separator, a missing column, an undecidable decimal mark or date format) is an
/// error; a bad value refuses its row, listed in `refused`.
pub fn read_rows(bytes: &[u8], profile: &ImportProfile) -> Result<FileRows, Invalid> {
    let table = text::read_table(
        bytes,
        &Dialect {
            delimiter: profile.format.delimiter,
            encoding: profile.format.encoding,
            skip_rows: profile.format.skip_rows,
        },
    )?;
    let header_at = format!("line {}", profile.format.skip_rows + 1);
    let target = profile.target;
    // Where each field is: the first of its names the file has.
    let mut errors = Invalid::default();
    let find = |names: &[String]| -> Option<(usize, String)> {
        names.iter().find_map(|n| {
            table
                .header
                .iter()
                .position(|h| h == n)
                .map(|i| (i, n.clone()))
        })
    };
    let mut at: BTreeMap<&'static str, (usize, String)> = BTreeMap::new();
    for (field, names) in &profile.columns {
        match find(names) {
            Some(found) => {
                at.insert(field, found);
            }
            None if profile.defaults.contains_key(field) || optional(target, field, profile) => {}
            None => errors.push(
                header_at.clone(),
                Some(names[0].as_str()),
                format!(
                    "the header row has no {} column (for {field}); its columns: {}",
                    names
                        .iter()
                        .map(|n| format!("{n:?}"))
                        .collect::<Vec<_>>()
                        .join(" or "),
                    table.header.join(", ")
                ),
            ),
        }
    }
    let kind_column = match &profile.kinds {
        Some(Kinds::Column { column, .. }) => match find(column) {
            Some(found) => Some(found),
            None => {
                errors.push(
                    header_at.clone(),
                    Some(column[0].as_str()),
                    format!(
                        "the file has no {:?} column (for the item kinds)",
                        column[0]
                    ),
                );
                None
            }
        },
        _ => None,
    };
    // Items: the amount and the open amount stand for each other; the number for the id.
    if target == Target::Items {
        if !at.contains_key("amount")
            && let Some(o) = at.get("open_amount").cloned()
        {
            at.insert("amount", o);
        }
        if !at.contains_key("open_amount")
            && let Some(a) = at.get("amount").cloned()
        {
            at.insert("open_amount", a);
        }
        if !at.contains_key("number")
            && let Some(i) = at.get("id").cloned()
        {
            at.insert("number", i);
        }
    }
    errors.into_result()?;
    fn cell_of<'r>(
        at: &BTreeMap<&'static str, (usize, String)>,
        r: &'r [String],
        f: &str,
    ) -> Option<&'r str> {
        at.get(f)
            .map(|(i, _)| r[*i].trim())
            .filter(|v| !v.is_empty())
    }
    let cell = |r, f| cell_of(&at, r, f);

    // The fields of `fields` this file has.
    let present = |fields: &[&'static str]| -> Vec<&'static str> {
        fields
            .iter()
            .copied()
            .filter(|f| at.contains_key(f))
            .collect()
    };
    // The file's decimal mark: given, or proven by its amounts (never two).
    let amount_fields = present(target.amount_fields());
    let decimal = match profile.format.decimal {
        Some(d) => Some(d),
        None => {
            let mut proven: Option<(DecimalMark, usize, String)> = None;
            for (line, r) in &table.records {
                for f in &amount_fields {
                    let Some(v) = cell(r, f) else { continue };
                    if let Ok(AmountReading::Plain {
                        proves: Some(m), ..
                    }) = values::read_amount(v)
                    {
                        match &proven {
                            Some((p, l, pv)) if *p != m => {
                                return Err(Invalid::one(
                                    format!("line {line}"),
                                    Some(at[f].1.as_str()),
                                    format!(
                                        "{v:?} has a decimal {} but {pv:?} (line {l}) a decimal {}: give the decimal mark",
                                        mark_name(m),
                                        mark_name(*p)
                                    ),
                                ));
                            }
                            Some(_) => {}
                            None => proven = Some((m, *line, v.to_string())),
                        }
                    }
                }
            }
            proven.map(|(m, _, _)| m)
        }
    };
    // The file's date format: given, or the one that reads all its dates.
    let date_fields = present(target.date_fields());
    let date_format = match profile.format.date_format {
        Some(d) => Some(d),
        None => {
            let all = table.records.iter().flat_map(|(line, r)| {
                date_fields
                    .iter()
                    .filter_map(move |f| cell(r, f).map(|v| (*line, *f, v)))
            });
            match values::date_format_of(all.clone().map(|(_, _, v)| v)) {
                Ok(d) => d,
                Err((i, message)) => {
                    let (line, f, _) = all.clone().nth(i).unwrap_or((0, "", ""));
                    return Err(Invalid::one(
                        format!("line {line}"),
                        at.get(f).map(|(_, n)| n.as_str()),
                        message,
                    ));
                }
            }
        }
    };

    let mut rows = Vec::with_capacity(table.records.len());
    let mut refused = table.refused.clone();
    for (line, r) in &table.records {
        let before = refused.0.len();
        let mut refuse = |f: &str, message: String| {
            let column = at.get(f).map(|(_, n)| n.clone());
            let (pointer, field) = (format!("line {line}"), column.as_deref().or(Some(f)));
            // Two fields read from one column (amount and open amount): one refusal.
            if !refused.0[before..]
                .iter()
                .any(|e| e.pointer == pointer && e.field.as_deref() == field)
            {
                refused.push(pointer, field, message);
            }
        };
        let mut values: BTreeMap<&'static str, String> = BTreeMap::new();
        let mut negative = false;
        for field in target.fields() {
            let Some(v) = cell(r, field) else {
                if let Some(d) = profile.defaults.get(field) {
                    values.insert(field, d.clone());
                }
                continue;
            };
            if amount_fields.contains(field) {
                let read = match decimal {
                    Some(m) => values::read_amount_with(v, m),
                    None => match values::read_amount(v) {
                        Ok(AmountReading::Plain {
                            negative, value, ..
                        }) => Ok((negative, value)),
                        Ok(AmountReading::TwoWays { point, comma, .. }) => Err(format!(
                            "{v:?} reads as {point} or as {comma}: give the decimal mark (. or ,)"
                        )),
                        Err(e) => Err(e),
                    },
                };
                match read {
                    Ok((neg, value)) => {
                        negative |= neg && (*field == "amount" || !at.contains_key("amount"));
                        values.insert(field, if neg { format!("-{value}") } else { value });
                    }
                    Err(e) => refuse(field, e),
                }
            } else if date_fields.contains(field) {
                match date_format.and_then(|f| f.read(v)) {
                    Some(d) => {
                        values.insert(field, d.format("%Y-%m-%d").to_string());
                    }
                    None => refuse(
                        field,
                        format!(
                            "{v:?} is not a date{}",
                            date_format
                                .map(|f| format!(" written {}", f.as_str()))
                                .unwrap_or_default()
                        ),
                    ),
                }
            } else {
                values.insert(field, v.to_string());
            }
        }
        // Items: the kind, and amounts as Settle keeps them (credits without their sign).
        if target == Target::Items {
            let kind: Option<&str> = match &profile.kinds {
                Some(Kinds::BySign) => Some(if negative { "credit_note" } else { "invoice" }),
                Some(Kinds::Column { by_kind, .. }) => {
                    let (i, name) = kind_column.as_ref().expect("found above");
                    let v = r[*i].trim();
                    match by_kind.iter().find(|(_, vs)| vs.iter().any(|x| x == v)) {
                        Some((k, _)) => Some(k),
                        None => {
                            refused.push(
                                format!("line {line}"),
                                Some(name.as_str()),
                                format!(
                                    "document type {v:?} is not mapped to a kind (mapped: {})",
                                    by_kind
                                        .values()
                                        .flatten()
                                        .cloned()
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                            );
                            None
                        }
                    }
                }
                None => None,
            };
            if let Some(k) = kind {
                values.insert("kind", k.to_string());
            }
            let credit = matches!(
                values.get("kind").map(String::as_str),
                Some("credit_note" | "payment_on_account")
            );
            for f in ["amount", "open_amount"] {
                if let Some(v) = values.get(f).cloned()
                    && let Some(abs) = v.strip_prefix('-')
                {
                    if credit {
                        values.insert(f, abs.to_string());
                    } else {
                        let column = at.get(f).map(|(_, n)| n.clone());
                        refused.push(
                            format!("line {line}"),
                            column.as_deref().or(Some(f)),
                            format!(
                                "{:?} is negative on a {}: list its document type as a credit note, or read kinds by sign",
                                r[at[f].0].trim(),
                                values.get("kind").map_or("debit", String::as_str)
                            ),
                        );
                        break;
                    }
                }
            }
        }
        if refused.0.len() == before {
            rows.push(FileRow {
                line: *line,
                values,
            });
        }
        if refused.0.len() > erp::MAX_REPORTED_ERRORS {
            break;
        }
    }
    // Every refusal in line order (the table's own, then the values').
    refused.0.sort_by_key(|e| line_of(&e.pointer));
    Ok(FileRows {
        reading: Reading {
            encoding: table.encoding,
            delimiter: delimiter_name(table.delimiter),
            decimal,
            date_format,
            header: table.header.clone(),
            columns: at.iter().map(|(f, (_, n))| (*f, n.clone())).collect(),
        },
        rows_read: table.records.len() + table.refused.0.len(),
        rows,
        refused,
    })
}

fn mark_name(m: DecimalMark) -> &'static str {
    match m {
        DecimalMark::Point => "point",
        DecimalMark::Comma => "comma",
    }
}

/// Whether a field may be missing from the file: not required, or filled from another.
fn optional(target: Target, field: &str, profile: &ImportProfile) -> bool {
    match (target, field) {
        (Target::Items, "amount") => profile.columns.contains_key("open_amount"),
        (Target::Items, "open_amount") => profile.columns.contains_key("amount"),
        (Target::Items, "number") => true,
        (Target::Items, "kind") => profile.kinds.is_some(),
        (Target::Items, "issue_date" | "id" | "customer_id" | "due_date" | "currency") => false,
        (Target::Payments, "id" | "item_id" | "amount" | "date") => false,
        (Target::Customers, "id" | "name" | "entity" | "currency") => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::profile::built_in;
    use super::*;

    fn profile(code: &str) -> ImportProfile {
        built_in().into_iter().find(|p| p.code == code).unwrap()
    }

    fn items(bytes: &[u8], p: &ImportProfile) -> Result<ItemBatch, Invalid> {
        match parse_file(bytes, p, Some("stock"), Some("DE01"))?.0 {
            Parsed::Items(b) => Ok(b),
            _ => unreachable!(),
        }
    }

    fn windows_1252(s: &str) -> Vec<u8> {
        yore::code_pages::CP1252.encode(s).unwrap().into_owned()
    }

    const FBL5N: &str = "Konto;Belegart;Belegnummer;Referenz;Belegdatum;Nettofälligkeit;Betrag in Hauswährung;Hauswährung\n\
        100234;RV;1800001234;F-2026-1;01.11.2026;01.12.2026;1.234,56;EUR\n\
        100234;DG;1700000088;GS-88;05.11.2026;05.11.2026;155,22-;EUR\n\
        100877;DR;1800001299;F-2026-9;15.11.2026;15.01.2027;12.000,00;EUR\n";

    #[test]
    fn an_sap_fbl5n_export_in_windows_1252_reads_as_settle_items() {
        let b = items(&windows_1252(FBL5N), &profile("sap-fbl5n")).unwrap();
        assert_eq!(b.items.len(), 3);
        let (inv, credit) = (&b.items[0], &b.items[1]);
        assert_eq!(
            (
                inv.erp_id.as_str(),
                inv.customer_erp_id.as_str(),
                inv.number.as_str()
            ),
            ("1800001234", "100234", "F-2026-1")
        );
        assert_eq!(inv.kind, crate::ledger::ItemKind::Invoice);
        assert_eq!((inv.amount_minor, inv.open_minor), (123_456, 123_456));
        assert_eq!(inv.due_date.to_string(), "2026-12-01");
        // The credit memo's trailing minus is its kind's sign: kept as a positive credit.
        assert_eq!(credit.kind, crate::ledger::ItemKind::CreditNote);
        assert_eq!(credit.amount_minor, 15_522);
        assert_eq!(b.items[2].open_minor, 1_200_000);
        // The same file as UTF-16 with its byte order mark, tab-separated: the same items.
        let mut utf16 = vec![0xFF, 0xFE];
        for u in FBL5N.replace(';', "\t").encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(items(&utf16, &profile("sap-fbl5n")).unwrap(), b);
    }

    #[test]
    fn refusals_name_the_line_the_files_column_and_the_value() {
        let file = FBL5N.to_string()
            + "100234;ZZ;1800009999;X;01.11.2026;01.12.2026;10,00;EUR\n"
            + "100234;RV;1800001235;X;31.11.2026;01.12.2026;10,00;EUR\n"
            + "100234;RV;1800001236;X;01.11.2026;01.12.2026;10,00-;EUR\n"
            + "100234;RV;1800001237;X;01.11.2026;01.12.2026;zehn;EUR\n";
        let e = items(file.as_bytes(), &profile("sap-fbl5n")).unwrap_err();
        let got: Vec<(String, Option<String>)> =
            e.0.iter()
                .map(|f| (f.pointer.clone(), f.field.clone()))
                .collect();
        assert_eq!(
            got,
            [
                ("line 5".to_string(), Some("Belegart".to_string())),
                ("line 6".into(), Some("Belegdatum".into())),
                ("line 7".into(), Some("Betrag in Hauswährung".into())),
                ("line 8".into(), Some("Betrag in Hauswährung".into())),
            ]
        );
        assert!(e.0[0].message.contains("\"ZZ\""), "{}", e.0[0].message);
        assert!(
            e.0[1].message.contains("\"31.11.2026\""),
            "{}",
            e.0[1].message
        );
        assert!(e.0[3].message.contains("\"zehn\""), "{}", e.0[3].message);
        // A missing column is named with the columns the file has.
        let e = items(b"Konto;Belegart\n1;RV\n", &profile("sap-fbl5n")).unwrap_err();
        assert!(
            e.0.iter()
                .any(|f| f.field.as_deref() == Some("Belegnummer") && f.pointer == "line 1"),
            "{e}"
        );
        // Settle's row rules speak the file's column names too.
        let e = items(
            "Konto;Belegart;Belegnummer;Belegdatum;Nettofälligkeit;Betrag in Hauswährung;Hauswährung\n1;RV;9;02.11.2026;01.11.2026;1,00;EUR\n".as_bytes(),
            &profile("sap-fbl5n"),
        )
        .unwrap_err();
        assert_eq!(e.0[0].field.as_deref(), Some("Nettofälligkeit"), "{e}");
    }

    #[test]
    fn without_a_profile_the_dialect_is_found_and_ambiguity_refused() {
        let plain = ImportProfile::plain(Target::Items);
        let head = "id;customer_id;kind;number;issue_date;due_date;amount;open_amount;currency\n";
        // Day-first proven by 25/04: read day-first.
        let b = items(
            format!("{head}I1;C1;invoice;F1;03/04/2026;25/04/2026;1.234,56;1.234,56;EUR\n")
                .as_bytes(),
            &plain,
        )
        .unwrap();
        assert_eq!(b.items[0].due_date.to_string(), "2026-04-25");
        assert_eq!(b.items[0].amount_minor, 123_456);
        // 03/04 and 05/06: day or month first? Refused, naming the value.
        let e = items(
            format!("{head}I1;C1;invoice;F1;03/04/2026;05/06/2026;1,00;1,00;EUR\n").as_bytes(),
            &plain,
        )
        .unwrap_err();
        assert!(e.0[0].message.contains("day-first and month-first"), "{e}");
        assert_eq!(
            (e.0[0].pointer.as_str(), e.0[0].field.as_deref()),
            ("line 2", Some("issue_date"))
        );
        // 1.234 alone: one thousand or one point two three four? Refused.
        let e = items(
            format!("{head}I1;C1;invoice;F1;2026-04-03;2026-04-30;1.234;1.234;EUR\n").as_bytes(),
            &plain,
        )
        .unwrap_err();
        assert!(e.0[0].message.contains("reads as 1.234 or as 1234"), "{e}");
        // ...unless another amount of the file proves the mark, or it is given.
        let b = items(format!("{head}I1;C1;invoice;F1;2026-04-03;2026-04-30;1.234;1.234;EUR\nI2;C1;invoice;F2;2026-04-03;2026-04-30;5,50;5,50;EUR\n").as_bytes(), &plain).unwrap();
        assert_eq!(b.items[0].amount_minor, 123_400);
        let mut given = plain.clone();
        given.format.decimal = Some(DecimalMark::Point);
        assert!(
            items(
                format!("{head}I1;C1;invoice;F1;2026-04-03;2026-04-30;1.234;1.234;EUR\n")
                    .as_bytes(),
                &given
            )
            .is_err(),
            "EUR has two decimals"
        );
        // Two marks in one file: refused.
        let e = items(format!("{head}I1;C1;invoice;F1;2026-04-03;2026-04-30;1,234.50;1,234.50;EUR\nI2;C1;invoice;F2;2026-04-03;2026-04-30;5,50;5,50;EUR\n").as_bytes(), &plain).unwrap_err();
        assert!(e.0[0].message.contains("give the decimal mark"), "{e}");
    }

    #[test]
    fn the_other_built_in_profiles_read_their_vendors_layouts() {
        let sage = "Account Reference,Name,Type,Transaction Number,Date,Due Date,Reference,Amount,Outstanding\n\
                    ACME001,Acme Ltd,SI,1044,03/11/2026,03/12/2026,INV1044,\"1,200.00\",\"1,150.00\"\n\
                    ACME001,Acme Ltd,SC,1051,20/11/2026,20/11/2026,CRN1051,50.00,50.00\n";
        let b = items(sage.as_bytes(), &profile("sage50-aged-debtors")).unwrap();
        assert_eq!(
            (b.items[0].amount_minor, b.items[0].open_minor),
            (120_000, 115_000)
        );
        assert_eq!(b.items[0].currency.code(), "GBP");
        assert_eq!(b.items[1].kind, crate::ledger::ItemKind::CreditNote);
        assert_eq!(b.items[0].issue_date.to_string(), "2026-11-03");

        let bc = "Entry No.,Posting Date,Document Date,Document Type,Document No.,Customer No.,Currency Code,Original Amount,Remaining Amount,Due Date\n\
                  2231,11/03/2026,11/03/2026,Invoice,103045,C10000,,2500.00,2500.00,12/03/2026\n\
                  2232,11/20/2026,11/20/2026,Credit Memo,104001,C10000,EUR,-80.00,-80.00,11/20/2026\n";
        let b = items(bc.as_bytes(), &profile("dynamics-bc-customer-ledger")).unwrap();
        assert_eq!(b.items[0].due_date.to_string(), "2026-12-03");
        assert_eq!(
            b.items[0].currency.code(),
            "USD",
            "a blank currency code is the default"
        );
        assert_eq!(
            (
                b.items[1].kind,
                b.items[1].currency.code(),
                b.items[1].amount_minor
            ),
            (crate::ledger::ItemKind::CreditNote, "EUR", 8_000)
        );

        let odoo = "ID,Date,Journal Entry,Partner/ID,Due Date,Balance,Amount Due,Currency\n\
                    __export__.aml_1,2026-11-02,INV/2026/00012,__export__.res_partner_7,2026-12-02,900.00,900.00,EUR\n\
                    __export__.aml_2,2026-11-09,RINV/2026/00003,__export__.res_partner_7,2026-11-09,-40.00,-40.00,EUR\n";
        let b = items(odoo.as_bytes(), &profile("odoo-journal-items")).unwrap();
        assert_eq!(b.items[0].kind, crate::ledger::ItemKind::Invoice);
        assert_eq!(
            (b.items[1].kind, b.items[1].open_minor),
            (crate::ledger::ItemKind::CreditNote, 4_000)
        );
    }

    #[test]
    fn payments_and_customers_read_through_profiles_too() {
        let p = profile::read_profile(
            "bank",
            serde_json::json!({"name": "Bank", "target": "payments",
                "format": {"decimal": ",", "date_format": "yyyymmdd"},
                "columns": {"id": "Ref", "item_id": "Invoice", "amount": "Betrag", "date": "Datum"}})
            .as_object()
            .unwrap(),
        )
        .unwrap();
        let Parsed::Payments(pay) = parse_file(
            "Ref|Invoice|Betrag|Datum\nZ1|1800001234|1.000,50|20261130\n".as_bytes(),
            &p,
            None,
            None,
        )
        .unwrap()
        .0
        else {
            unreachable!()
        };
        assert_eq!(
            (pay[0].amount.as_str(), pay[0].date.to_string()),
            ("1000.50", "2026-11-30".into())
        );
        let c = profile::read_profile(
            "crm",
            serde_json::json!({"name": "CRM", "target": "customers",
                "columns": {"id": "No", "name": "Name", "email": "Mail"},
                "defaults": {"entity": "FR01", "currency": "EUR", "language": "fr"}})
            .as_object()
            .unwrap(),
        )
        .unwrap();
        let Parsed::Customers(cs) = parse_file(
            "No;Name;Mail\n42;Société Générale d'Équipement;ap@sge.fr\n".as_bytes(),
            &c,
            None,
            None,
        )
        .unwrap()
        .0
        else {
            unreachable!()
        };
        assert_eq!(
            (
                cs[0].erp_id.as_str(),
                cs[0].name.as_str(),
                cs[0].language.as_str()
            ),
            ("42", "Société Générale d'Équipement", "fr")
        );
        let e = parse_file(
            "No;Name;Mail\n42;X;not-an-email\n".as_bytes(),
            &c,
            None,
            None,
        )
        .unwrap_err();
        assert_eq!(
            (e.0[0].pointer.as_str(), e.0[0].field.as_deref()),
            ("line 2", Some("Mail"))
        );
    }
}
