//! Dispute cases (`settle_domain::disputes`): one row per case with its amounts (the table's
//! CHECK holds the invariant `original = disputed + paid + credited + written_off`), an
//! append-only amount history, and the write-off tolerances per entity and currency.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;
use settle_domain::case_analytics::{ComplianceSum, OpenSum, ResolvedSum};
use settle_domain::dates::parse_date;
use settle_domain::disputes::{Amounts, LatestCase, Tolerance};
use settle_domain::money::{Currency, amount_string};
use settle_domain::reports::Filter;

use crate::sql::{in_list, insert_many, rows_per_statement, select_in};
use crate::{Db, Result, RowExt, StoreError, Value};

/// A case as the rules need it, with the keys the writes need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub id: i64,
    pub item_key: i64,
    pub customer_key: i64,
    pub currency: String,
    pub open: bool,
    pub reason: String,
    pub resolver_id: Option<i64>,
    pub amounts: Amounts,
    pub resolved_on: Option<String>,
    pub opened_on: String,
    pub deadline: Option<String>,
}

impl CaseRow {
    pub fn latest(&self) -> Result<LatestCase> {
        Ok(LatestCase {
            id: self.id,
            open: self.open,
            reason: self.reason.clone(),
            resolver_id: self.resolver_id,
            amounts: self.amounts,
            resolved_on: self
                .resolved_on
                .as_deref()
                .map(parse_date)
                .transpose()
                .map_err(StoreError)?,
        })
    }
}

const CASE_COLUMNS: &str = "id, item_id, customer_id, currency, state, reason, resolver_id,
    original_minor, disputed_minor, paid_minor, credited_minor, written_off_minor, resolved_on,
    opened_on, deadline";

fn case_row(r: &[Value]) -> Result<CaseRow> {
    Ok(CaseRow {
        id: r.int(0)?,
        item_key: r.int(1)?,
        customer_key: r.int(2)?,
        currency: r.text(3)?,
        open: r.text(4)? == "open",
        reason: r.text(5)?,
        resolver_id: r.opt_int(6)?,
        amounts: Amounts {
            original: r.int(7)?,
            disputed: r.int(8)?,
            paid: r.int(9)?,
            credited: r.int(10)?,
            written_off: r.int(11)?,
        },
        resolved_on: r.opt_text(12)?,
        opened_on: r.text(13)?,
        deadline: r.opt_text(14)?,
    })
}

/// The latest case of each item that has one (an open case, else the last resolved one).
pub fn latest_cases(db: &impl Db, item_keys: &[i64]) -> Result<BTreeMap<i64, CaseRow>> {
    let keys: Vec<Value> = item_keys.iter().map(|k| Value::from(*k)).collect();
    let mut out: BTreeMap<i64, CaseRow> = BTreeMap::new();
    for r in select_in(
        db,
        &format!("SELECT {CASE_COLUMNS} FROM disputes WHERE item_id"),
        &keys,
    )? {
        let c = case_row(&r)?;
        let newer = out
            .get(&c.item_key)
            .is_none_or(|o| (c.open, c.id) > (o.open, o.id));
        if newer {
            out.insert(c.item_key, c);
        }
    }
    Ok(out)
}

/// The open cases of these items, by item.
pub fn open_cases(db: &impl Db, item_keys: &[i64]) -> Result<BTreeMap<i64, CaseRow>> {
    let keys: Vec<Value> = item_keys.iter().map(|k| Value::from(*k)).collect();
    select_in(
        db,
        &format!("SELECT {CASE_COLUMNS} FROM disputes WHERE state = 'open' AND item_id"),
        &keys,
    )?
    .iter()
    .map(|r| case_row(r).map(|c| (c.item_key, c)))
    .collect()
}

/// The open cases of these items (by ERP id).
pub fn open_cases_of(db: &impl Db, item_ids: &[String]) -> Result<Vec<CaseRow>> {
    let keys: Vec<Value> = item_ids.iter().map(|k| k.as_str().into()).collect();
    let cols: String = CASE_COLUMNS
        .split(',')
        .map(|c| format!("d.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    select_in(
        db,
        &format!(
            "SELECT {cols} FROM disputes d JOIN items i ON i.id = d.item_id
             WHERE d.state = 'open' AND i.erp_id"
        ),
        &keys,
    )?
    .iter()
    .map(|r| case_row(r))
    .collect()
}

/// A case to open.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub item_key: i64,
    pub customer_key: i64,
    pub currency: String,
    pub reason: String,
    pub resolver_id: Option<i64>,
    pub status_change_id: Option<i64>,
    pub amounts: Amounts,
    pub opened_on: String,
    /// When it should be resolved by (the reason's target resolution time).
    pub deadline: Option<String>,
    /// The routing rule that chose the resolver, when one did.
    pub routing_rule_id: Option<i64>,
}

/// Opens cases; answers their ids in order.
pub fn insert_cases(db: &impl Db, cases: &[NewCase], now: &str) -> Result<Vec<i64>> {
    let rows: Vec<Vec<Value>> = cases
        .iter()
        .map(|c| {
            vec![
                c.item_key.into(),
                c.customer_key.into(),
                c.currency.as_str().into(),
                c.reason.as_str().into(),
                c.resolver_id.into(),
                c.status_change_id.into(),
                c.amounts.original.into(),
                c.amounts.disputed.into(),
                c.opened_on.as_str().into(),
                c.deadline.clone().into(),
                c.routing_rule_id.into(),
                now.into(),
                now.into(),
            ]
        })
        .collect();
    let out = insert_many(
        db,
        "INSERT INTO disputes (item_id, customer_id, currency, reason, resolver_id, status_change_id,
             original_minor, disputed_minor, opened_on, deadline, routing_rule_id, opened_at, updated_at)",
        "RETURNING id",
        13,
        &rows,
    )?;
    out.iter().map(|r| r.int(0)).collect()
}

/// A case's new state after a rule ran.
#[derive(Debug, Clone)]
pub struct CaseUpdate {
    pub id: i64,
    pub amounts: Amounts,
    pub reason: String,
    pub resolver_id: Option<i64>,
    pub deadline: Option<String>,
    /// `Some((date, how))` resolves the case; `None` leaves it (or makes it) open.
    pub resolved: Option<(String, &'static str)>,
}

/// Writes the cases' amounts and state, bumping their version.
pub fn update_cases(db: &impl Db, updates: &[CaseUpdate], now: &str) -> Result<()> {
    const COLS: usize = 12;
    for chunk in updates.chunks(rows_per_statement(COLS) - 1) {
        // `now` is ?1; the VALUES' anonymous parameters number on from 2.
        let mut params: Vec<Value> = Vec::with_capacity(chunk.len() * COLS + 1);
        params.push(now.into());
        for u in chunk {
            let (on, how) = match &u.resolved {
                Some((on, how)) => (Value::from(on.as_str()), Value::from(*how)),
                None => (Value::Null, Value::Null),
            };
            params.extend([
                u.id.into(),
                if u.resolved.is_some() {
                    "resolved"
                } else {
                    "open"
                }
                .into(),
                u.reason.as_str().into(),
                u.resolver_id.into(),
                u.amounts.original.into(),
                u.amounts.disputed.into(),
                u.amounts.paid.into(),
                u.amounts.credited.into(),
                u.amounts.written_off.into(),
                on,
                how,
                u.deadline.clone().into(),
            ]);
        }
        db.query(
            &format!(
                "UPDATE disputes SET state = v.column2, reason = v.column3, resolver_id = v.column4,
                     original_minor = v.column5, disputed_minor = v.column6, paid_minor = v.column7,
                     credited_minor = v.column8, written_off_minor = v.column9,
                     resolved_on = v.column10, resolution = v.column11, deadline = v.column12,
                     version = version + 1, updated_at = ?1
                 FROM (VALUES {}) AS v WHERE disputes.id = v.column1",
                crate::sql::placeholders(chunk.len(), COLS)
            ),
            &params,
        )?;
    }
    Ok(())
}

/// One line of a case's history: what happened, by whom, the amount it moved and the
/// amounts before and after, and the business date it happened on (a status date, a payment
/// date, today for a write-off), from which the reports count its part in dispute.
#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub dispute_id: i64,
    pub event: &'static str,
    /// The business date of the event, ISO.
    pub on: String,
    pub amount_minor: Option<i64>,
    pub before: Option<Amounts>,
    pub after: Amounts,
    pub details: serde_json::Value,
    pub comment: Option<String>,
}

impl HistoryRow {
    /// An event that moves no amount (resolved, escalated, a finding recorded): the case's
    /// amounts before and after are the same.
    pub fn unchanged(
        dispute_id: i64,
        event: &'static str,
        on: &str,
        amounts: Amounts,
        details: serde_json::Value,
        comment: Option<String>,
    ) -> HistoryRow {
        HistoryRow {
            dispute_id,
            event,
            on: on.to_string(),
            amount_minor: None,
            before: Some(amounts),
            after: amounts,
            details,
            comment,
        }
    }
}

fn amounts_json(a: &Amounts) -> String {
    serde_json::to_string(a).unwrap_or_default()
}

/// Appends history lines. Each carries its move of the item's part in dispute
/// (`settle_domain::disputes::part_change`); a trigger writes the non-zero ones to
/// `dispute_part_moves`, dated no earlier than the case's opening, in the same statement.
pub fn insert_history(db: &impl Db, rows: &[HistoryRow], actor: &str, now: &str) -> Result<()> {
    let rows: Vec<Vec<Value>> = rows
        .iter()
        .map(|h| {
            vec![
                h.dispute_id.into(),
                now.into(),
                actor.into(),
                h.event.into(),
                h.amount_minor.into(),
                h.before.as_ref().map(amounts_json).into(),
                amounts_json(&h.after).into(),
                h.details.to_string().into(),
                h.comment.clone().into(),
                h.on.as_str().into(),
                settle_domain::disputes::part_change(h.event, h.before.as_ref(), &h.after).into(),
            ]
        })
        .collect();
    insert_many(
        db,
        "INSERT INTO dispute_history (dispute_id, at, actor, event, amount_minor, before, after, details, comment,
             on_date, part_delta)",
        "",
        11,
        &rows,
    )?;
    Ok(())
}

/// A case as the API answers it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CaseView {
    pub id: i64,
    pub state: String,
    pub item_id: String,
    pub customer_id: String,
    pub entity: String,
    /// The dispute status: the reason the customer gave.
    pub reason: String,
    pub resolver_id: Option<i64>,
    #[serde(flatten)]
    pub amounts: settle_domain::disputes::AmountStrings,
    pub opened_on: String,
    pub deadline: Option<String>,
    pub resolved_on: Option<String>,
    pub resolution: Option<String>,
    pub root_cause: Option<String>,
    pub valid: Option<bool>,
    pub status_change_id: Option<i64>,
    /// The routing rule that chose the resolver, when one did.
    pub routing_rule_id: Option<i64>,
    /// When the resolver's escalation contact was told it is overdue (once).
    pub escalated_on: Option<String>,
    pub version: i64,
    pub updated_at: String,
    #[serde(skip)]
    pub raw: Amounts,
    #[serde(skip)]
    pub item_key: i64,
    #[serde(skip)]
    pub customer_key: i64,
}

/// `CROSS JOIN` keeps `disputes` the outer loop, so a page of the list walks an index on
/// `disputes` in the order asked (opening date) instead of sorting every case: SQLite's
/// planner otherwise started from `customers` (28 ms for the first 50 of 8,000 cases on
/// the 1M-item ledger, 0.4 ms this way).
const VIEW_SELECT: &str = "SELECT d.id, d.state, i.erp_id, c.erp_id, i.entity, d.reason, d.resolver_id,
    d.currency, d.original_minor, d.disputed_minor, d.paid_minor, d.credited_minor, d.written_off_minor,
    d.opened_on, d.deadline, d.resolved_on, d.resolution, d.root_cause, d.valid, d.status_change_id,
    d.version, d.updated_at, d.item_id, d.customer_id, d.routing_rule_id, d.escalated_on
    FROM disputes d CROSS JOIN items i ON i.id = d.item_id CROSS JOIN customers c ON c.id = d.customer_id";

fn view_row(r: &[Value]) -> Result<CaseView> {
    let currency = Currency::parse(&r.text(7)?).map_err(StoreError)?;
    let raw = Amounts {
        original: r.int(8)?,
        disputed: r.int(9)?,
        paid: r.int(10)?,
        credited: r.int(11)?,
        written_off: r.int(12)?,
    };
    Ok(CaseView {
        id: r.int(0)?,
        state: r.text(1)?,
        item_id: r.text(2)?,
        customer_id: r.text(3)?,
        entity: r.text(4)?,
        reason: r.text(5)?,
        resolver_id: r.opt_int(6)?,
        amounts: raw.strings(currency),
        opened_on: r.text(13)?,
        deadline: r.opt_text(14)?,
        resolved_on: r.opt_text(15)?,
        resolution: r.opt_text(16)?,
        root_cause: r.opt_text(17)?,
        valid: r.opt_int(18)?.map(|v| v != 0),
        status_change_id: r.opt_int(19)?,
        version: r.int(20)?,
        updated_at: r.text(21)?,
        raw,
        item_key: r.int(22)?,
        customer_key: r.int(23)?,
        routing_rule_id: r.opt_int(24)?,
        escalated_on: r.opt_text(25)?,
    })
}

pub fn case(db: &impl Db, id: i64) -> Result<Option<CaseView>> {
    db.query(&format!("{VIEW_SELECT} WHERE d.id = ?"), &[id.into()])?
        .map_first(view_row)
}

/// Filters of the case list (`GET /api/v1/disputes`).
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub item_key: Option<i64>,
    pub customer_key: Option<i64>,
    /// `open` or `resolved`.
    pub state: Option<String>,
    pub resolver_id: Option<i64>,
    pub reason: Option<String>,
    /// Open cases whose deadline is before this date.
    pub late_on: Option<String>,
    /// Keyset cursor: cases opened before this (date, id) (newest first).
    pub before: Option<(String, i64)>,
    pub limit: usize,
}

/// Cases, newest first (by opening date, then id).
pub fn cases(db: &impl Db, f: &CaseFilter) -> Result<Vec<CaseView>> {
    let mut sql = format!("{VIEW_SELECT} WHERE 1 = 1");
    let mut params: Vec<Value> = Vec::new();
    let mut filter = |clause: &str, v: Value| {
        sql.push_str(clause);
        params.push(v);
    };
    if let Some(k) = f.item_key {
        filter(" AND d.item_id = ?", k.into());
    }
    if let Some(k) = f.customer_key {
        filter(" AND d.customer_id = ?", k.into());
    }
    if let Some(s) = &f.state {
        filter(" AND d.state = ?", s.as_str().into());
    }
    if let Some(r) = f.resolver_id {
        filter(" AND d.resolver_id = ?", r.into());
    }
    if let Some(r) = &f.reason {
        filter(" AND d.reason = ?", r.as_str().into());
    }
    if let Some(d) = &f.late_on {
        filter(
            " AND d.state = 'open' AND d.deadline < ?",
            d.as_str().into(),
        );
    }
    if let Some((date, id)) = &f.before {
        sql.push_str(" AND (d.opened_on < ? OR (d.opened_on = ? AND d.id < ?))");
        params.extend([date.as_str().into(), date.as_str().into(), (*id).into()]);
    }
    sql.push_str(" ORDER BY d.opened_on DESC, d.id DESC LIMIT ?");
    params.push((f.limit as i64).into());
    db.query(&sql, &params)?.map(view_row)
}

/// What the console's case list shows beside each case: its customer's name, its item's
/// number and open amount.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseLabels {
    pub customer_name: String,
    pub item_number: String,
    /// The item's open amount now (in the case's currency), beside the disputed part.
    pub open_amount: String,
}

/// [`CaseLabels`] of each of `ids`; unknown ids are left out.
pub fn case_labels(db: &impl Db, ids: &[i64]) -> Result<BTreeMap<i64, CaseLabels>> {
    let keys: Vec<Value> = ids.iter().map(|&i| i.into()).collect();
    let rows = select_in(
        db,
        "SELECT d.id, c.name, i.number, i.open_minor, i.currency FROM disputes d
         JOIN items i ON i.id = d.item_id JOIN customers c ON c.id = d.customer_id WHERE d.id",
        &keys,
    )?;
    rows.iter()
        .map(|r| {
            let currency = Currency::parse(&r.text(4)?).map_err(StoreError)?;
            Ok((
                r.int(0)?,
                CaseLabels {
                    customer_name: r.text(1)?,
                    item_number: r.text(2)?,
                    open_amount: amount_string(r.int(3)?, currency),
                },
            ))
        })
        .collect()
}

/// A line of a case's history as the API answers it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HistoryView {
    pub at: String,
    pub actor: String,
    pub event: String,
    pub amount: Option<String>,
    pub before: Option<settle_domain::disputes::AmountStrings>,
    pub after: settle_domain::disputes::AmountStrings,
    pub details: serde_json::Value,
    pub comment: Option<String>,
}

pub fn history(db: &impl Db, id: i64, currency: Currency) -> Result<Vec<HistoryView>> {
    let parse = |s: &str| -> Result<Amounts> {
        let v: serde_json::Value =
            serde_json::from_str(s).map_err(|e| StoreError(e.to_string()))?;
        let f = |k: &str| v[k].as_i64().unwrap_or(0);
        Ok(Amounts {
            original: f("original"),
            disputed: f("disputed"),
            paid: f("paid"),
            credited: f("credited"),
            written_off: f("written_off"),
        })
    };
    db.query(
        "SELECT at, actor, event, amount_minor, before, after, details, comment
         FROM dispute_history WHERE dispute_id = ? ORDER BY id",
        &[id.into()],
    )?
    .map(|r| {
        Ok(HistoryView {
            at: r.text(0)?,
            actor: r.text(1)?,
            event: r.text(2)?,
            amount: r.opt_int(3)?.map(|m| amount_string(m, currency)),
            before: r
                .opt_text(4)?
                .map(|s| parse(&s).map(|a| a.strings(currency)))
                .transpose()?,
            after: parse(&r.text(5)?)?.strings(currency),
            details: serde_json::from_str(&r.opt_text(6)?.unwrap_or_else(|| "{}".into()))
                .unwrap_or(json!({})),
            comment: r.opt_text(7)?,
        })
    })
}

/// The write-off tolerance of an entity and currency.
pub fn tolerance(db: &impl Db, entity: &str, currency: Currency) -> Result<Option<Tolerance>> {
    db.query(
        "SELECT amount_minor, percent FROM write_off_tolerances WHERE entity = ? AND currency = ?",
        &[entity.into(), currency.code().into()],
    )?
    .map_first(|r| {
        Ok(Tolerance {
            entity: entity.to_string(),
            currency,
            amount_minor: r.int(0)?,
            percent: r
                .text(1)?
                .parse()
                .map_err(|_| StoreError("bad percent".into()))?,
        })
    })
}

/// Every tolerance, by entity and currency.
pub fn tolerances(db: &impl Db) -> Result<Vec<Tolerance>> {
    db.query(
        "SELECT entity, currency, amount_minor, percent FROM write_off_tolerances ORDER BY entity, currency",
        &[],
    )?
    .map(|r| {
        Ok(Tolerance {
            entity: r.text(0)?,
            currency: Currency::parse(&r.text(1)?).map_err(StoreError)?,
            amount_minor: r.int(2)?,
            percent: r.text(3)?.parse().map_err(|_| StoreError("bad percent".into()))?,
        })
    })
}

/// Creates or replaces a tolerance; answers whether it existed.
pub fn put_tolerance(db: &impl Db, t: &Tolerance, actor: &str, now: &str) -> Result<()> {
    db.query(
        "INSERT INTO write_off_tolerances (entity, currency, amount_minor, percent, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (entity, currency) DO UPDATE SET amount_minor = excluded.amount_minor,
             percent = excluded.percent, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        &[
            t.entity.as_str().into(),
            t.currency.code().into(),
            t.amount_minor.into(),
            t.percent.to_string().into(),
            now.into(),
            actor.into(),
        ],
    )?;
    Ok(())
}

/// Deletes a tolerance; answers whether there was one.
pub fn delete_tolerance(db: &impl Db, entity: &str, currency: Currency) -> Result<bool> {
    let r = db.query(
        "DELETE FROM write_off_tolerances WHERE entity = ? AND currency = ? RETURNING entity",
        &[entity.into(), currency.code().into()],
    )?;
    Ok(!r.rows.is_empty())
}

/// The disputed amount of each item with an open case, for pages and exports that show it
/// beside the open amount.
pub fn disputed_by_item(db: &impl Db, item_keys: &[i64]) -> Result<BTreeMap<i64, i64>> {
    let mut out = BTreeMap::new();
    for chunk in item_keys.chunks(rows_per_statement(1)) {
        let r = db.query(
            &format!(
                "SELECT item_id, disputed_minor FROM disputes WHERE state = 'open' AND item_id IN ({})",
                in_list(chunk.len())
            ),
            &chunk.iter().map(|k| Value::from(*k)).collect::<Vec<_>>(),
        )?;
        for row in &r.rows {
            out.insert(row.int(0)?, row.int(1)?);
        }
    }
    Ok(out)
}

/// Open cases whose disputed amount is more than their item's open amount now (the ERP
/// lowered it without a payment Settle saw), with the item's open amount: among the items
/// with these ERP ids (a delta batch's), or among every open case (`None`: a stock
/// snapshot, which also closes items it does not list).
pub fn overdisputed(db: &impl Db, item_ids: Option<&[String]>) -> Result<Vec<(CaseRow, i64)>> {
    let cols: String = CASE_COLUMNS
        .split(',')
        .map(|c| format!("d.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {cols}, i.open_minor FROM disputes d JOIN items i ON i.id = d.item_id
         WHERE d.state = 'open' AND d.disputed_minor > i.open_minor"
    );
    let rows = match item_ids {
        None => db.query(&sql, &[])?.rows,
        Some(ids) => {
            let keys: Vec<Value> = ids.iter().map(|k| k.as_str().into()).collect();
            select_in(db, &format!("{sql} AND i.erp_id"), &keys)?
        }
    };
    rows.iter()
        .map(|r| Ok((case_row(r)?, r.int(15)?)))
        .collect()
}

/// A credit note that applies to an invoice, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditTarget {
    pub credit_key: i64,
    pub credit_id: String,
    pub amount_minor: i64,
    pub currency: String,
    /// The invoice's key and currency, when the invoice exists.
    pub invoice: Option<(i64, String)>,
    /// Whether it already credited a case.
    pub applied: bool,
}

/// The credit notes (by ERP id) and the invoices they apply to (by ERP id).
pub fn credit_targets(db: &impl Db, pairs: &[(String, String)]) -> Result<Vec<CreditTarget>> {
    let credit_ids: Vec<Value> = pairs.iter().map(|p| p.0.as_str().into()).collect();
    let invoice_ids: Vec<Value> = pairs.iter().map(|p| p.1.as_str().into()).collect();
    let credits: BTreeMap<String, (i64, i64, String, bool)> = select_in(
        db,
        "SELECT erp_id, id, amount_minor, currency,
                EXISTS (SELECT 1 FROM dispute_credits dc WHERE dc.credit_item_id = items.id)
         FROM items WHERE erp_id",
        &credit_ids,
    )?
    .iter()
    .map(|r| {
        Ok((
            r.text(0)?,
            (r.int(1)?, r.int(2)?, r.text(3)?, r.int(4)? != 0),
        ))
    })
    .collect::<Result<_>>()?;
    let invoices: BTreeMap<String, (i64, String)> = select_in(
        db,
        "SELECT erp_id, id, currency FROM items WHERE erp_id",
        &invoice_ids,
    )?
    .iter()
    .map(|r| Ok((r.text(0)?, (r.int(1)?, r.text(2)?))))
    .collect::<Result<_>>()?;
    Ok(pairs
        .iter()
        .filter_map(|(c, i)| {
            let (key, amount, currency, applied) = credits.get(c)?.clone();
            Some(CreditTarget {
                credit_key: key,
                credit_id: c.clone(),
                amount_minor: amount,
                currency,
                invoice: invoices.get(i).cloned(),
                applied,
            })
        })
        .collect())
}

/// Records that these credit notes were taken, crediting these cases (or none): each
/// credit note once.
pub fn record_credits(db: &impl Db, credits: &[(i64, Option<i64>, i64)], now: &str) -> Result<()> {
    let rows: Vec<Vec<Value>> = credits
        .iter()
        .map(|(credit, case, amount)| {
            vec![
                (*credit).into(),
                (*case).into(),
                (*amount).into(),
                now.into(),
            ]
        })
        .collect();
    insert_many(
        db,
        "INSERT INTO dispute_credits (credit_item_id, dispute_id, amount_minor, at)",
        "",
        4,
        &rows,
    )?;
    Ok(())
}

// ---- root causes ----

pub use settle_domain::root_causes::RootCause;

fn root_cause_row(r: &[Value]) -> Result<RootCause> {
    let code = r.text(0)?;
    Ok(RootCause {
        labels: serde_json::from_str(&r.text(1)?)
            .map_err(|e| StoreError(format!("bad labels of root cause {code}: {e}")))?,
        active: r.int(2)? != 0,
        code,
    })
}

/// Every root cause, in the list's order.
pub fn root_causes(db: &impl Db) -> Result<Vec<RootCause>> {
    db.query(
        "SELECT code, labels, active FROM root_causes ORDER BY position, code",
        &[],
    )?
    .map(root_cause_row)
}

pub fn root_cause(db: &impl Db, code: &str) -> Result<Option<RootCause>> {
    db.query(
        "SELECT code, labels, active FROM root_causes WHERE code = ?",
        &[code.into()],
    )?
    .map_first(root_cause_row)
}

/// Inserts (at the end of the list) or replaces a root cause.
pub fn save_root_cause(db: &impl Db, rc: &RootCause, new: bool, now: &str) -> Result<()> {
    let labels = serde_json::to_string(&rc.labels).unwrap_or_default();
    if new {
        db.query(
            "INSERT INTO root_causes (code, labels, active, position, created_at, updated_at)
             VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM root_causes), ?, ?)",
            &[
                rc.code.as_str().into(),
                labels.into(),
                rc.active.into(),
                now.into(),
                now.into(),
            ],
        )?;
    } else {
        db.query(
            "UPDATE root_causes SET labels = ?, active = ?, updated_at = ? WHERE code = ?",
            &[
                labels.into(),
                rc.active.into(),
                now.into(),
                rc.code.as_str().into(),
            ],
        )?;
    }
    Ok(())
}

/// Has any case recorded this root cause?
pub fn root_cause_used(db: &impl Db, code: &str) -> Result<bool> {
    db.query(
        "SELECT EXISTS (SELECT 1 FROM disputes WHERE root_cause = ?)",
        &[code.into()],
    )?
    .single_int()
    .map(|n| n != 0)
}

pub fn delete_root_cause(db: &impl Db, code: &str) -> Result<()> {
    db.query("DELETE FROM root_causes WHERE code = ?", &[code.into()])?;
    Ok(())
}

/// Records a case's root cause and validity.
pub fn set_finding(
    db: &impl Db,
    id: i64,
    root_cause: Option<&str>,
    valid: Option<bool>,
    now: &str,
) -> Result<()> {
    db.query(
        "UPDATE disputes SET root_cause = ?, valid = ?, version = version + 1, updated_at = ?
         WHERE id = ?",
        &[root_cause.into(), valid.into(), now.into(), id.into()],
    )?;
    Ok(())
}

/// The cases opened by `until` (end of day) and not resolved before `since`, one fact each.
/// The reports no longer read them (they read the sums: [`resolved_case_sums`],
/// [`case_compliance`], [`open_case_sums`], 1.15 s to 0.19 s on 100,000 cases,
/// BENCHMARKS.md); the native tests and `bench/examples/case_queries.rs` do, to compute the
/// same figures from every case with `settle_domain::case_analytics::analyse`.
pub fn case_facts(
    db: &impl Db,
    until: &str,
    since: &str,
) -> Result<Vec<settle_domain::case_analytics::CaseFact>> {
    let date = |s: Option<String>| -> Result<Option<chrono::NaiveDate>> {
        s.as_deref().map(parse_date).transpose().map_err(StoreError)
    };
    db.query(
        "SELECT reason, root_cause, valid, resolver_id, currency, opened_on, resolved_on, deadline,
                original_minor, disputed_minor, paid_minor, credited_minor, written_off_minor
         FROM disputes WHERE opened_on <= ?1 AND (resolved_on IS NULL OR resolved_on >= ?2)",
        &[until.into(), since.into()],
    )?
    .map(|r| {
        Ok(settle_domain::case_analytics::CaseFact {
            reason: r.text(0)?,
            root_cause: r.opt_text(1)?,
            valid: r.opt_int(2)?.map(|v| v != 0),
            resolver_id: r.opt_int(3)?,
            currency: Currency::parse(&r.text(4)?).map_err(StoreError)?,
            opened_on: parse_date(&r.text(5)?).map_err(StoreError)?,
            resolved_on: date(r.opt_text(6)?)?,
            deadline: date(r.opt_text(7)?)?,
            amounts: Amounts {
                original: r.int(8)?,
                disputed: r.int(9)?,
                paid: r.int(10)?,
                credited: r.int(11)?,
                written_off: r.int(12)?,
            },
        })
    })
}

/// `AND ...` on `disputes` choosing the cases of a report's filter (as the other reports
/// choose items): the item's entity, the customer's collector, the customer, the reason
/// (`status`), the resolver. Binds into `params`, numbered after those already there.
fn case_filter(f: &Filter, params: &mut Vec<Value>) -> String {
    let mut w = String::new();
    let mut bind = |v: Value| {
        params.push(v);
        format!("?{}", params.len())
    };
    if let Some(e) = &f.entity {
        w += &format!(
            " AND EXISTS (SELECT 1 FROM items i WHERE i.id = disputes.item_id AND i.entity = {})",
            bind(e.as_str().into())
        );
    }
    if let Some(c) = &f.collector {
        w += &format!(
            " AND customer_id IN (SELECT id FROM customers WHERE collector = {})",
            bind(c.as_str().into())
        );
    }
    if let Some(c) = &f.customer_id {
        w += &format!(
            " AND customer_id IN (SELECT id FROM customers WHERE erp_id = {})",
            bind(c.as_str().into())
        );
    }
    if let Some(s) = &f.status {
        w += &format!(" AND reason = {}", bind(s.as_str().into()));
    }
    if let Some(r) = f.resolver_id {
        w += &format!(" AND resolver_id = {}", bind(r.into()));
    }
    w
}

/// The cases resolved from `from` to `to` (inclusive), grouped by reason, root cause,
/// validity, currency and days from opening to resolution, counted with their amounts summed
/// (`settle_domain::case_analytics::ResolvedSum`, the rule `summarise` states). A scan of the
/// cases: a year's resolutions are most of them, where an index would read them out of order.
pub fn resolved_case_sums(
    db: &impl Db,
    from: &str,
    to: &str,
    f: &Filter,
) -> Result<Vec<ResolvedSum>> {
    let mut params = vec![from.into(), to.into()];
    let chosen = case_filter(f, &mut params);
    db.query(
        &format!(
            "SELECT reason, root_cause, valid, currency,
                    CAST(julianday(resolved_on) - julianday(opened_on) AS INTEGER) AS days, count(*),
                    sum(original_minor), sum(disputed_minor), sum(paid_minor), sum(credited_minor),
                    sum(written_off_minor)
             FROM disputes NOT INDEXED
             WHERE resolved_on BETWEEN ?1 AND ?2{chosen}
             GROUP BY reason, root_cause, valid, currency, days
             ORDER BY reason, root_cause, valid, currency, days"
        ),
        &params,
    )?
    .map(|r| {
        Ok(ResolvedSum {
            reason: r.text(0)?,
            root_cause: r.opt_text(1)?,
            valid: r.opt_int(2)?.map(|v| v != 0),
            currency: Currency::parse(&r.text(3)?).map_err(StoreError)?,
            days: r.int(4)?,
            count: r.int(5)? as u64,
            amounts: Amounts {
                original: r.int(6)?,
                disputed: r.int(7)?,
                paid: r.int(8)?,
                credited: r.int(9)?,
                written_off: r.int(10)?,
            },
        })
    })
}

/// Deadline compliance per resolver: the cases resolved from `from` to `to` that had a
/// deadline, and how many were resolved by it.
pub fn case_compliance(
    db: &impl Db,
    from: &str,
    to: &str,
    f: &Filter,
) -> Result<Vec<ComplianceSum>> {
    let mut params = vec![from.into(), to.into()];
    let chosen = case_filter(f, &mut params);
    db.query(
        &format!(
            "SELECT resolver_id, count(*), sum(resolved_on <= deadline)
             FROM disputes NOT INDEXED
             WHERE resolved_on BETWEEN ?1 AND ?2 AND deadline IS NOT NULL{chosen}
             GROUP BY resolver_id ORDER BY resolver_id"
        ),
        &params,
    )?
    .map(|r| {
        Ok(ComplianceSum {
            resolver_id: r.opt_int(0)?,
            resolved: r.int(1)? as u64,
            on_time: r.int(2)? as u64,
        })
    })
}

/// The cases open at the end of `as_of` (opened by then, not resolved by then) per currency
/// and lateness (deadline before `as_of`), with what they had in dispute then: the disputed
/// amount of a case still open, what was put in dispute for one resolved since
/// (`settle_domain::case_analytics::disputed_at`).
pub fn open_case_sums(db: &impl Db, as_of: &str, f: &Filter) -> Result<Vec<OpenSum>> {
    let mut params = vec![as_of.into()];
    let chosen = case_filter(f, &mut params);
    db.query(
        &format!(
            "SELECT currency, coalesce(deadline < ?1, 0) AS late, count(*),
                    sum(CASE WHEN resolved_on IS NULL THEN disputed_minor ELSE original_minor END)
             FROM disputes NOT INDEXED
             WHERE opened_on <= ?1 AND (resolved_on IS NULL OR resolved_on > ?1){chosen}
             GROUP BY currency, late ORDER BY currency, late"
        ),
        &params,
    )?
    .map(|r| {
        Ok(OpenSum {
            currency: Currency::parse(&r.text(0)?).map_err(StoreError)?,
            late: r.int(1)? != 0,
            count: r.int(2)? as u64,
            disputed: r.int(3)?,
        })
    })
}

/// An open case past its deadline that may be escalated: not yet escalated, its status has
/// escalation days, its resolver an active escalation contact. Whether it is due today is the
/// domain's rule (`settle_domain::disputes::escalation_due`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationCandidate {
    pub id: i64,
    pub deadline: String,
    pub escalation_days: i64,
    pub resolver_id: i64,
    /// The escalation contact.
    pub escalation_id: i64,
    pub amounts: Amounts,
    /// What the email is about: the case's status change, else its item's live action.
    pub status_change_id: Option<i64>,
    pub action_id: Option<i64>,
    pub item_id: String,
}

/// The open cases whose deadline is before `today` and that could be escalated, read from
/// the open cases' deadline index.
pub fn escalation_candidates(db: &impl Db, today: &str) -> Result<Vec<EscalationCandidate>> {
    let r = db.query(
        "SELECT d.id, d.deadline, s.escalation_days, d.resolver_id, r.escalation_id,
                d.original_minor, d.disputed_minor, d.paid_minor, d.credited_minor,
                d.written_off_minor, d.status_change_id, i.action_id, i.erp_id
         FROM disputes d
         JOIN statuses s ON s.code = d.reason
         JOIN resolvers r ON r.id = d.resolver_id
         JOIN resolvers e ON e.id = r.escalation_id AND e.active = 1
         JOIN items i ON i.id = d.item_id
         WHERE d.state = 'open' AND d.deadline < ? AND d.escalated_on IS NULL
           AND s.escalation_days IS NOT NULL AND r.escalation_id IS NOT NULL
         ORDER BY d.deadline, d.id",
        &[today.into()],
    )?;
    r.map(|r| {
        Ok(EscalationCandidate {
            id: r.int(0)?,
            deadline: r.text(1)?,
            escalation_days: r.int(2)?,
            resolver_id: r.int(3)?,
            escalation_id: r.int(4)?,
            amounts: Amounts {
                original: r.int(5)?,
                disputed: r.int(6)?,
                paid: r.int(7)?,
                credited: r.int(8)?,
                written_off: r.int(9)?,
            },
            status_change_id: r.opt_int(10)?,
            action_id: r.opt_int(11)?,
            item_id: r.text(12)?,
        })
    })
}

/// Marks cases escalated on `on` (each once: an escalated case is never a candidate again).
pub fn mark_escalated(db: &impl Db, ids: &[i64], on: &str, now: &str) -> Result<()> {
    for chunk in ids.chunks(rows_per_statement(1) - 2) {
        let mut params: Vec<Value> = vec![on.into(), now.into()];
        params.extend(chunk.iter().map(|id| Value::from(*id)));
        db.query(
            &format!(
                "UPDATE disputes SET escalated_on = ?, updated_at = ?, version = version + 1
                 WHERE escalated_on IS NULL AND id IN ({})",
                in_list(chunk.len())
            ),
            &params,
        )?;
    }
    Ok(())
}
