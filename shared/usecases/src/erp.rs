//! ERP sync: a batch of customers, open items (delta or stock snapshot) or payments pushed
//! by an ERP (`/api/v1/erp/...`). A batch is one transaction: every bad row is refused
//! (by pointer or CSV line) and nothing is written. Payments close items, and closed items
//! leave the actions holding them (a dispute follow-up's disputed items resolve).

use serde::Serialize;
use settle_domain::erp::{self, CustomerIn, ItemBatch, PaymentIn, SyncMode};
use settle_domain::import::profile::{ImportProfile, Target};
use settle_domain::import::text::Encoding;
use settle_domain::import::values::{DateFormat, DecimalMark};
use settle_domain::import::{self, Parsed, Reading};
use settle_domain::validation::{FieldError, Invalid};
use settle_store::ledger::{self, PaymentCounts, SyncCounts, WriteError};
use settle_store::{Db, actions, imports};

use crate::{Done, Refusal, Who};

/// A parsed batch (`settle_domain::erp::parse_*`).
#[derive(Debug, Clone)]
pub enum Batch {
    Customers(Vec<CustomerIn>),
    Items(ItemBatch),
    Payments(Vec<PaymentIn>),
}

/// What a batch did, as the API answers it.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Synced {
    Customers {
        customers: SyncCounts,
    },
    Items {
        mode: &'static str,
        entity: Option<String>,
        items: SyncCounts,
    },
    Payments {
        payments: PaymentCounts,
    },
}

impl From<WriteError> for Refusal {
    fn from(e: WriteError) -> Refusal {
        match e {
            WriteError::Invalid(inv) => Refusal::Invalid(inv),
            WriteError::Conflict(inv) => Refusal::Conflict {
                code: "erp-conflict",
                message: inv.to_string(),
                fields: inv,
            },
            WriteError::Store(e) => Refusal::Store(e),
        }
    }
}

/// Applies `batch` inside the caller's transaction (the API writes its idempotency record
/// in the same one).
pub fn apply(db: &impl Db, batch: &Batch, who: &Who) -> Result<Done<Synced>, Refusal> {
    let (actor, now) = (who.actor.as_str(), who.at.as_str());
    let mut emitted = crate::webhooks::Emitted::default();
    let synced = match batch {
        Batch::Customers(c) => Synced::Customers {
            customers: ledger::upsert_customers(db, c, now)?,
        },
        Batch::Items(b) => Synced::Items {
            mode: match b.mode {
                SyncMode::Delta => "delta",
                SyncMode::Stock => "stock",
            },
            entity: b.entity.clone(),
            items: {
                let counts = ledger::sync_items(db, b, actor, now, who.today)?;
                crate::disputes::on_items_synced(db, b, who, &mut emitted)?;
                counts
            },
        },
        Batch::Payments(p) => {
            let counts = ledger::apply_payments(db, p, actor, now)?;
            // Closed items leave the actions holding them (and resolve their disputes).
            actions::items_paid(db, &counts.closed_items, actor, now)?;
            // A disputed item paid off: its dispute is over, and subscribers hear of it.
            let closed: Vec<String> = counts.closed_items.iter().map(|c| c.id.clone()).collect();
            crate::webhooks::disputes_paid(db, &closed, who, &mut emitted)?;
            // Payments settle the disputed part of open cases (first only when said to
            // be for it); a case settled in full resolves by itself.
            crate::disputes::on_payments(db, &counts.applied_payments, who, &mut emitted)?;
            Synced::Payments { payments: counts }
        }
    };
    Ok(Done {
        value: synced,
        after: emitted.after(),
    })
}

/// Reads a JSON batch: `resource` is `customers`, `items` or `payments`.
pub fn parse_json(resource: &str, raw: &[u8]) -> Result<Batch, Refusal> {
    let (batch, errors, _) = read_json(resource, raw)?;
    Ok(erp::finish(errors, batch)?)
}

/// A JSON batch as far as it reads: the good rows, the refused ones, the rows sent.
fn read_json(resource: &str, raw: &[u8]) -> Result<(Batch, Invalid, usize), Refusal> {
    Ok(match resource {
        "customers" => {
            let (c, e, n) = erp::customers_json(raw)?;
            (Batch::Customers(c), e, n)
        }
        "payments" => {
            let (p, e, n) = erp::payments_json(raw)?;
            (Batch::Payments(p), e, n)
        }
        _ => {
            let (b, e, n) = erp::items_json(raw)?;
            (Batch::Items(b), e, n)
        }
    })
}

/// How an uploaded file is read: a profile (`None`: Settle's own column names) and what
/// the request says about the file, over the profile's own format.
#[derive(Debug, Clone, Default)]
pub struct FileOptions {
    pub profile: Option<String>,
    pub delimiter: Option<char>,
    pub decimal: Option<DecimalMark>,
    pub date_format: Option<DateFormat>,
    pub encoding: Option<Encoding>,
    pub skip_rows: Option<usize>,
    pub mode: Option<String>,
    pub entity: Option<String>,
    /// The uploaded file's name, for the import history.
    pub file_name: Option<String>,
}

impl FileOptions {
    /// Reads the options of a file import from named values (an API query, a console form):
    /// `profile`, `delimiter` (`,` `;` `tab` `|`), `decimal`, `date_format`, `encoding`,
    /// `skip_rows` (0 to 100), `mode`, `entity`, `file_name`. A bad one is refused naming it.
    pub fn read(get: &dyn Fn(&str) -> Option<String>) -> Result<FileOptions, Invalid> {
        let bad =
            |name: &str, why: String| Invalid::one(name, Some(name), format!("{name}: {why}"));
        let choice = |name: &str, allowed: &str| bad(name, format!("must be one of {allowed}"));
        let text = |name: &str, max: usize| -> Result<Option<String>, Invalid> {
            match get(name) {
                None => Ok(None),
                Some(v) if v.trim().is_empty() => Err(bad(name, "must not be empty".into())),
                Some(v) if v.chars().any(char::is_control) => {
                    Err(bad(name, "control characters are not allowed".into()))
                }
                Some(v) if v.chars().count() > max => {
                    Err(bad(name, format!("at most {max} characters")))
                }
                Some(v) => Ok(Some(v)),
            }
        };
        Ok(FileOptions {
            profile: text("profile", 64)?,
            delimiter: get("delimiter")
                .map(|d| {
                    settle_domain::import::text::parse_delimiter(&d)
                        .ok_or_else(|| choice("delimiter", ", ; tab |"))
                })
                .transpose()?,
            decimal: get("decimal")
                .map(|d| DecimalMark::parse(&d).ok_or_else(|| choice("decimal", ". ,")))
                .transpose()?,
            date_format: get("date_format")
                .map(|d| {
                    DateFormat::parse(&d).ok_or_else(|| {
                        choice(
                            "date_format",
                            "yyyy-mm-dd dd.mm.yyyy dd/mm/yyyy mm/dd/yyyy yyyymmdd",
                        )
                    })
                })
                .transpose()?,
            encoding: get("encoding")
                .map(|e| {
                    Encoding::parse(&e)
                        .ok_or_else(|| choice("encoding", "utf-8 utf-16 windows-1252"))
                })
                .transpose()?,
            skip_rows: match get("skip_rows") {
                None => None,
                Some(n) => match n.trim().parse::<usize>() {
                    Ok(n) if n <= 100 => Some(n),
                    _ => return Err(bad("skip_rows", "must be 0 to 100".into())),
                },
            },
            mode: text("mode", 10)?,
            entity: text("entity", 64)?,
            file_name: text("file_name", 255)?,
        })
    }
}

/// The profile a file of `resource` is read with: `options.profile` (built in or stored;
/// it must feed `resource`), or Settle's own columns; the options override its format.
pub fn file_profile(
    db: &impl Db,
    resource: &str,
    options: &FileOptions,
) -> Result<ImportProfile, Refusal> {
    let target = Target::parse(resource).unwrap_or(Target::Items);
    let mut p = match &options.profile {
        None => ImportProfile::plain(target),
        Some(code) => {
            let p = crate::imports::profile(db, code)?.ok_or_else(|| {
                Refusal::Invalid(Invalid::one(
                    "profile",
                    Some("profile"),
                    format!("no import profile {code:?}"),
                ))
            })?;
            if p.target != target {
                return Err(Refusal::Invalid(Invalid::one(
                    "profile",
                    Some("profile"),
                    format!(
                        "profile {code:?} reads {}, not {resource}",
                        p.target.as_str()
                    ),
                )));
            }
            p
        }
    };
    let f = &mut p.format;
    f.delimiter = options.delimiter.or(f.delimiter);
    f.decimal = options.decimal.or(f.decimal);
    f.date_format = options.date_format.or(f.date_format);
    f.encoding = options.encoding.or(f.encoding);
    f.skip_rows = options.skip_rows.unwrap_or(f.skip_rows);
    Ok(p)
}

/// An uploaded file, read: the batch and what is known about the file for the history.
#[derive(Debug, Clone)]
pub struct FileBatch {
    pub batch: Batch,
    pub reading: Reading,
    pub rows: usize,
    pub bytes: usize,
    pub profile: Option<String>,
    pub file_name: Option<String>,
}

fn batch_of(parsed: Parsed) -> Batch {
    match parsed {
        Parsed::Items(b) => Batch::Items(b),
        Parsed::Payments(p) => Batch::Payments(p),
        Parsed::Customers(c) => Batch::Customers(c),
    }
}

/// Reads an uploaded file of `resource` (every bad row refused, nothing to write).
pub fn parse_file(
    db: &impl Db,
    resource: &str,
    raw: &[u8],
    options: &FileOptions,
) -> Result<FileBatch, Refusal> {
    let p = file_profile(db, resource, options)?;
    let preview =
        import::preview_file(raw, &p, options.mode.as_deref(), options.entity.as_deref())?;
    let preview = erp::finish(preview.refused.clone(), preview)?;
    Ok(FileBatch {
        batch: batch_of(preview.parsed),
        reading: preview.reading,
        rows: preview.rows_read,
        bytes: raw.len(),
        profile: options.profile.clone(),
        file_name: options.file_name.clone(),
    })
}

/// Applies an uploaded file inside the caller's transaction, and records it in the import
/// history (same transaction: an import that rolls back leaves no history either).
pub fn apply_file(db: &impl Db, file: &FileBatch, who: &Who) -> Result<Done<Synced>, Refusal> {
    let done = apply(db, &file.batch, who).map_err(|r| in_file_terms(r, &file.reading))?;
    let counts = serde_json::to_value(&done.value).unwrap_or_default();
    imports::record_import(
        db,
        &imports::NewImport {
            actor: &who.actor,
            at: &who.at,
            target: match file.batch {
                Batch::Customers(_) => "customers",
                Batch::Items(_) => "items",
                Batch::Payments(_) => "payments",
            },
            profile: file.profile.as_deref(),
            file_name: file.file_name.as_deref(),
            bytes: file.bytes as i64,
            rows: file.rows as i64,
            counts: &counts,
        },
    )?;
    Ok(done)
}

/// What a write would do (`?dry_run=true`): every row read, the refused ones with their line
/// (or pointer) and reason, and what the good rows would create, change, leave and close,
/// computed by the real write rolled back (so the figures are the real run's once the
/// refused rows are fixed; with none refused, the run that follows does exactly this).
#[derive(Debug, Clone, Serialize)]
pub struct DryRun {
    pub dry_run: bool,
    /// Whether the real run would be applied (no row refused).
    pub would_apply: bool,
    pub rows: usize,
    pub refused: Vec<FieldError>,
    /// The good rows' effect; `None` when the store refuses them too (an unknown customer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Synced>,
    /// How a file was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
}

/// A dry run of a JSON batch.
pub fn dry_run_json(
    db: &impl Db,
    resource: &str,
    raw: &[u8],
    who: &Who,
) -> Result<DryRun, Refusal> {
    let (batch, refused, rows) = read_json(resource, raw)?;
    dry_run(db, batch, refused, rows, None, who)
}

/// A dry run of an uploaded file.
pub fn dry_run_file(
    db: &impl Db,
    resource: &str,
    raw: &[u8],
    options: &FileOptions,
    who: &Who,
) -> Result<DryRun, Refusal> {
    let p = file_profile(db, resource, options)?;
    let preview =
        import::preview_file(raw, &p, options.mode.as_deref(), options.entity.as_deref())?;
    dry_run(
        db,
        batch_of(preview.parsed),
        preview.refused,
        preview.rows_read,
        Some(preview.reading),
        who,
    )
}

/// What the store refuses about a file's row (`line 3/amount`: an overpayment, an unknown
/// customer), said as the file says it: the line, and the file's own column.
fn in_file_terms(r: Refusal, reading: &Reading) -> Refusal {
    let rename = |mut inv: Invalid| {
        for e in &mut inv.0 {
            if let Some((line, field)) = e.pointer.split_once('/')
                && line.starts_with("line ")
            {
                let column = reading
                    .columns
                    .get(field)
                    .cloned()
                    .unwrap_or_else(|| field.to_string());
                e.pointer = line.to_string();
                e.field = Some(column);
            }
        }
        inv
    };
    match r {
        Refusal::Invalid(inv) => Refusal::Invalid(rename(inv)),
        Refusal::Conflict {
            code,
            message,
            fields,
        } => Refusal::Conflict {
            code,
            message,
            fields: rename(fields),
        },
        other => other,
    }
}

fn dry_run(
    db: &impl Db,
    batch: Batch,
    mut refused: Invalid,
    rows: usize,
    reading: Option<Reading>,
    who: &Who,
) -> Result<DryRun, Refusal> {
    let empty = match &batch {
        Batch::Customers(c) => c.is_empty(),
        Batch::Items(b) => b.items.is_empty() && b.mode == SyncMode::Delta,
        Batch::Payments(p) => p.is_empty(),
    };
    let result = if empty {
        None
    } else {
        let attempt = db.rolled_back(|db| apply(db, &batch, who));
        let attempt = match &reading {
            Some(r) => attempt.map_err(|e| in_file_terms(e, r)),
            None => attempt,
        };
        match attempt {
            Ok(done) => Some(done.value),
            Err(Refusal::Invalid(e)) => {
                refused.0.extend(e.0);
                None
            }
            Err(Refusal::Conflict {
                fields, message, ..
            }) => {
                if fields.is_empty() {
                    refused.push("", None, message);
                } else {
                    refused.0.extend(fields.0);
                }
                None
            }
            Err(other) => return Err(other),
        }
    };
    Ok(DryRun {
        dry_run: true,
        would_apply: refused.is_empty(),
        rows,
        refused: refused.0,
        result,
        reading,
    })
}
