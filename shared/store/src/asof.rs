//! The two histories that make reports exact at any date (see `settle_domain::reports`):
//! `item_status_periods` (which status was in force from when to when) and
//! `item_balance_moves` (every dated change of an item's signed outstanding). The write paths
//! (status changes, terminations, ERP item syncs, payments) call these in their own
//! transaction, so a report never sees a change without its history.

use std::collections::HashMap;

use chrono::NaiveDate;
use settle_domain::catalog::StatusKind;
use settle_domain::dates::{format_date, parse_date};
use settle_domain::ledger::ItemKind;
use settle_domain::reports::{Period, StatusFact, cut_ends_dispute, next_period, replay};

use crate::sql::{in_list, insert_many, rows_per_statement};
use crate::{Db, Result, RowExt, StoreError, Value};

/// The signed outstanding of `open_minor` of an item of `kind` (credits count against).
pub fn signed(kind: ItemKind, open_minor: i64) -> i64 {
    kind.sign() * open_minor
}

/// One dated move of an item's signed outstanding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub item: i64,
    /// Already no earlier than the item's issue date (`reports::move_date`).
    pub on: NaiveDate,
    pub currency: String,
    pub delta: i64,
    /// `opened`, `payment` or `erp`.
    pub reason: &'static str,
}

/// Appends moves (zero moves are skipped); a trigger adds each to its day's sum
/// (`balance_days`, migration 23).
pub fn record_moves(db: &impl Db, moves: &[Move], now: &str) -> Result<()> {
    let rows: Vec<Vec<Value>> = moves
        .iter()
        .filter(|m| m.delta != 0)
        .map(|m| {
            vec![
                m.item.into(),
                format_date(m.on).into(),
                m.currency.as_str().into(),
                m.delta.into(),
                m.reason.into(),
                now.into(),
            ]
        })
        .collect();
    insert_many(
        db,
        "INSERT INTO item_balance_moves (item_id, on_date, currency, delta_minor, reason, at)",
        "",
        6,
        &rows,
    )?;
    Ok(())
}

/// The moves that take an item from (`kind`, `currency`, `open`) to the new ones on `on`:
/// one delta, or when the currency changed, the old outstanding out and the new one in.
pub fn change_moves(
    item: i64,
    on: NaiveDate,
    old: (ItemKind, &str, i64),
    new: (ItemKind, &str, i64),
) -> Vec<Move> {
    let (old_s, new_s) = (signed(old.0, old.2), signed(new.0, new.2));
    let mv = |currency: &str, delta| Move {
        item,
        on,
        currency: currency.to_string(),
        delta,
        reason: "erp",
    };
    if old.1 == new.1 {
        vec![mv(new.1, new_s - old_s)]
    } else {
        vec![mv(old.1, -old_s), mv(new.1, new_s)]
    }
}

/// Records one status change of `items` (row id, the item's resolver after the change) in
/// their status periods: every period in force at `date` ends there, then the new one
/// begins (`reports::apply_change`).
pub fn record_status(
    db: &impl Db,
    items: &[(i64, Option<i64>)],
    status: &str,
    kind: StatusKind,
    date: NaiveDate,
    now: &str,
) -> Result<()> {
    let date_s = format_date(date);
    let change = |resolver_id| StatusFact {
        status: status.to_string(),
        kind,
        resolver_id,
        date,
    };
    for chunk in items.chunks(rows_per_statement(1) - 10) {
        let keys: Vec<Value> = chunk.iter().map(|(k, _)| Value::from(*k)).collect();
        // Cut what is in force at the date.
        let mut p: Vec<Value> = vec![
            date_s.as_str().into(),
            cut_ends_dispute(&change(None)).into(),
            date_s.as_str().into(),
        ];
        p.extend(keys.iter().cloned());
        db.query(
            &format!(
                "UPDATE item_status_periods
                 SET valid_to = ?1, ends_dispute = (kind = 'dispute' AND ?2)
                 WHERE (valid_to IS NULL OR valid_to > ?3) AND item_id IN ({})",
                in_list(chunk.len())
            ),
            &p,
        )?;
        // What was in force just before: the period now ending at the date.
        let mut p: Vec<Value> = vec![date_s.as_str().into()];
        p.extend(keys.iter().cloned());
        let before: HashMap<i64, Period> = db
            .query(
                &format!(
                    "SELECT item_id, status_code, kind, resolver_id, valid_from, valid_to, dispute_since, ends_dispute
                     FROM item_status_periods
                     WHERE valid_to = ?1 AND valid_from < ?1 AND item_id IN ({})",
                    in_list(chunk.len())
                ),
                &p,
            )?
            .map(|r| Ok((r.int(0)?, period(r, 1)?)))?
            .into_iter()
            .collect();
        let rows: Vec<Vec<Value>> = chunk
            .iter()
            .map(|(key, resolver_id)| {
                let next = next_period(before.get(key), &change(*resolver_id));
                period_row(*key, &next, now)
            })
            .collect();
        insert_periods(db, &rows)?;
    }
    Ok(())
}

fn insert_periods(db: &impl Db, rows: &[Vec<Value>]) -> Result<()> {
    insert_many(
        db,
        "INSERT INTO item_status_periods (item_id, status_code, kind, resolver_id, valid_from, valid_to,
                                          dispute_since, ends_dispute, at)",
        "",
        9,
        rows,
    )?;
    Ok(())
}

fn period_row(item: i64, p: &Period, now: &str) -> Vec<Value> {
    vec![
        item.into(),
        p.status.as_str().into(),
        p.kind.as_str().into(),
        p.resolver_id.into(),
        format_date(p.from).into(),
        p.to.map(format_date).into(),
        p.dispute_since.map(format_date).into(),
        p.ends_dispute.into(),
        now.into(),
    ]
}

fn date_at(r: &[Value], i: usize) -> Result<NaiveDate> {
    parse_date(&r.text(i)?).map_err(StoreError)
}

fn opt_date_at(r: &[Value], i: usize) -> Result<Option<NaiveDate>> {
    r.opt_text(i)?
        .map(|s| parse_date(&s).map_err(StoreError))
        .transpose()
}

/// A period read from columns status, kind, resolver, from, to, dispute_since, ends_dispute
/// starting at `at`.
fn period(r: &[Value], at: usize) -> Result<Period> {
    Ok(Period {
        status: r.text(at)?,
        kind: r.parsed(at + 1, "status kind", StatusKind::parse)?,
        resolver_id: r.opt_int(at + 2)?,
        from: date_at(r, at + 3)?,
        to: opt_date_at(r, at + 4)?,
        dispute_since: opt_date_at(r, at + 5)?,
        ends_dispute: r.int(at + 6)? != 0,
    })
}

/// An item's status periods, in the order they were entered.
pub fn periods_of(db: &impl Db, item: i64) -> Result<Vec<Period>> {
    db.query(
        "SELECT status_code, kind, resolver_id, valid_from, valid_to, dispute_since, ends_dispute
         FROM item_status_periods WHERE item_id = ? ORDER BY id",
        &[item.into()],
    )?
    .map(|r| period(r, 0))
}

/// An item's balance moves, oldest first.
pub fn moves_of(db: &impl Db, item: i64) -> Result<Vec<(NaiveDate, i64)>> {
    db.query(
        "SELECT on_date, delta_minor FROM item_balance_moves WHERE item_id = ? ORDER BY on_date, id",
        &[item.into()],
    )?
    .map(|r| Ok((date_at(r, 0)?, r.int(1)?)))
}

/// The dated moves of an item's part in dispute (`dispute_part_moves`), oldest first.
pub fn parts_of(db: &impl Db, item: i64) -> Result<Vec<(NaiveDate, i64)>> {
    db.query(
        "SELECT on_date, delta_minor FROM dispute_part_moves WHERE item_id = ? ORDER BY on_date, id",
        &[item.into()],
    )?
    .map(|r| Ok((date_at(r, 0)?, r.int(1)?)))
}

/// Migration 7's replay: the status periods of every item, from the status changes already
/// in its history (oldest first, through the same rule as new changes). A termination's
/// history row names no resolver: the item keeps the one it had.
pub fn backfill_status_periods(db: &impl Db, now: &str) -> Result<()> {
    let rows = db.query(
        "SELECT h.item_id, json_extract(h.details, '$.to.status'), json_extract(h.details, '$.to.date'),
                json_extract(h.details, '$.to.resolver_id'), s.kind
         FROM item_history h JOIN statuses s ON s.code = json_extract(h.details, '$.to.status')
         WHERE h.event = 'status_changed' AND json_extract(h.details, '$.to.date') IS NOT NULL
         ORDER BY h.item_id, h.id",
        &[],
    )?;
    let mut by_item: Vec<(i64, Vec<StatusFact>)> = Vec::new();
    for r in &rows.rows {
        let item = r.int(0)?;
        let kind = r.parsed(4, "status kind", StatusKind::parse)?;
        let fact = |resolver_id| -> Result<StatusFact> {
            Ok(StatusFact {
                status: r.text(1)?,
                kind,
                resolver_id,
                date: date_at(r, 2)?,
            })
        };
        match by_item.last_mut() {
            Some((k, facts)) if *k == item => {
                let resolver = r.opt_int(3)?.or(facts.last().and_then(|f| f.resolver_id));
                facts.push(fact(resolver)?);
            }
            _ => by_item.push((item, vec![fact(r.opt_int(3)?)?])),
        }
    }
    let rows: Vec<Vec<Value>> = by_item
        .iter()
        .flat_map(|(item, facts)| {
            replay(facts)
                .into_iter()
                .map(|p| period_row(*item, &p, now))
                .collect::<Vec<_>>()
        })
        .collect();
    insert_periods(db, &rows)?;
    db.query(
        "UPDATE item_status_periods
         SET item_closed_on = (SELECT i.closed_on FROM items i WHERE i.id = item_status_periods.item_id)",
        &[],
    )?;
    Ok(())
}
