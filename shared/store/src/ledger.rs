//! Customers, items, payments and item history: ERP sync writes and statement reads.
//!
//! Writes take validated input from `settle_domain::erp`, check what only the database knows
//! (unknown customers, unknown items, overpayments), and write in multi-row statements so a
//! 100,000-item batch is a few hundred calls. Callers run them inside one transaction.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use settle_domain::catalog::StatusKind;
use settle_domain::dates::{format_date, parse_date};
use settle_domain::erp::{CustomerIn, ItemBatch, ItemIn, PaymentIn, SyncMode};
use settle_domain::ledger::{
    self, ItemKind, OpenItem, StoredItem, apply_payment, check_item_update,
};
use settle_domain::money::{Currency, MAX_CUSTOMER_MINOR, amount_string, parse_amount, to_minor};
use settle_domain::reports::move_date;
use settle_domain::validation::Invalid;

use crate::asof::{Move, change_moves, record_moves, signed};
use crate::history::{self, insert_item_history};
use crate::sql::{insert_many, placeholders, rows_per_statement, select_in};
use crate::{Db, RowExt, StoreError, Value};

/// A write refused for its input (422), refused because it conflicts with what is stored
/// (409), or failed in the database (5xx).
#[derive(Debug)]
pub enum WriteError {
    Invalid(Invalid),
    Conflict(Invalid),
    Store(StoreError),
}

impl crate::Busy for WriteError {
    fn is_busy(&self) -> bool {
        matches!(self, WriteError::Store(e) if e.is_busy())
    }
}

impl From<StoreError> for WriteError {
    fn from(e: StoreError) -> WriteError {
        WriteError::Store(e)
    }
}

/// What a sync did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SyncCounts {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub closed: u64,
}

// ---- customers ----

/// Upserts customers by ERP id; creates their entities on first sight.
pub fn upsert_customers(
    db: &impl Db,
    customers: &[CustomerIn],
    now: &str,
) -> Result<SyncCounts, WriteError> {
    let mut counts = SyncCounts::default();
    let entities: HashSet<&str> = customers.iter().map(|c| c.entity.as_str()).collect();
    for e in entities {
        db.query(
            "INSERT INTO entities (code, name, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING",
            &[e.into(), e.into(), now.into()],
        )?;
    }
    let keys: Vec<Value> = customers.iter().map(|c| c.erp_id.as_str().into()).collect();
    let existing: HashMap<String, Vec<Value>> = select_in(
        db,
        "SELECT erp_id, name, entity, language, currency, email, collector, id FROM customers WHERE erp_id",
        &keys,
    )?
    .into_iter()
    .map(|r| Ok((r.text(0)?, r)))
    .collect::<crate::Result<_>>()?;
    let mut new_rows = Vec::new();
    for c in customers {
        let fields: [Value; 7] = [
            c.erp_id.as_str().into(),
            c.name.as_str().into(),
            c.entity.as_str().into(),
            c.language.as_str().into(),
            c.currency.code().into(),
            c.email.clone().into(),
            c.collector.clone().into(),
        ];
        match existing.get(&c.erp_id) {
            None => {
                let mut row = fields.to_vec();
                row.push(now.into());
                row.push(now.into());
                new_rows.push(row);
                counts.created += 1;
            }
            Some(old) if old[..7] == fields[..] => counts.unchanged += 1,
            Some(old) => {
                db.query(
                    "UPDATE customers SET name = ?, entity = ?, language = ?, currency = ?, email = ?, collector = ?,
                     updated_at = ? WHERE id = ?",
                    &[
                        fields[1].clone(),
                        fields[2].clone(),
                        fields[3].clone(),
                        fields[4].clone(),
                        fields[5].clone(),
                        fields[6].clone(),
                        now.into(),
                        old[7].clone(),
                    ],
                )?;
                counts.updated += 1;
            }
        }
    }
    insert_many(
        db,
        "INSERT INTO customers (erp_id, name, entity, language, currency, email, collector, created_at, updated_at)",
        "",
        9,
        &new_rows,
    )?;
    Ok(counts)
}

// ---- items ----

struct ExistingItem {
    id: i64,
    customer_id: i64,
    held: bool,
    paid: bool,
    kind: String,
    number: String,
    issue_date: String,
    due_date: String,
    currency: String,
    amount_minor: i64,
    open_minor: i64,
}

/// Where a row's field is: `/items/3/currency` for JSON, the row's `line N` for CSV.
/// Where a row's field error points: `<pointer>/<field>` for a JSON row, the row's own
/// `line N` for a file row (the file reader names the column in its message).
pub fn field_pointer(at: &str, field: &str) -> String {
    if at.starts_with('/') {
        format!("{at}/{field}")
    } else {
        at.to_string()
    }
}

/// Refuses a batch that would take a customer's open amounts past [`MAX_CUSTOMER_MINOR`] in
/// total, so no per-customer sum of open amounts can overflow. `TOTAL` (a float) is exact
/// enough for a threshold and cannot overflow itself; the partial index on open items by
/// customer serves it.
fn check_customer_totals(
    db: &impl Db,
    batch: &ItemBatch,
    customers: &HashMap<String, (i64, String)>,
) -> Result<(), WriteError> {
    let keys: Vec<Value> = customers.values().map(|(k, _)| (*k).into()).collect();
    let over = select_in(
        db,
        &format!(
            "SELECT c.erp_id FROM customers c WHERE (SELECT TOTAL(i.open_minor) FROM items i
               WHERE i.customer_id = c.id AND i.open_minor > 0) > {MAX_CUSTOMER_MINOR} AND c.id"
        ),
        &keys,
    )?;
    let mut invalid = Invalid::default();
    for r in over {
        let customer = r.text(0)?;
        if let Some(item) = batch.items.iter().find(|i| i.customer_erp_id == customer) {
            invalid.push(
                field_pointer(&item.at, "amount"),
                Some("amount"),
                format!(
                    "customer {customer:?} would have more than {MAX_CUSTOMER_MINOR} minor units open in total"
                ),
            );
        }
    }
    if invalid.is_empty() {
        Ok(())
    } else {
        Err(WriteError::Invalid(invalid))
    }
}

/// Upserts a batch of items; a `stock` batch also closes the scope's open items it omits.
pub fn sync_items(
    db: &impl Db,
    batch: &ItemBatch,
    actor: &str,
    now: &str,
    today: NaiveDate,
) -> Result<SyncCounts, WriteError> {
    let today_s = format_date(today);
    // Customers of the batch: all must exist (and belong to the stock scope's entity).
    let mut customer_keys: Vec<&str> = batch
        .items
        .iter()
        .map(|i| i.customer_erp_id.as_str())
        .collect();
    customer_keys.sort_unstable();
    customer_keys.dedup();
    let keys: Vec<Value> = customer_keys.iter().map(|k| (*k).into()).collect();
    let customers: HashMap<String, (i64, String)> = select_in(
        db,
        "SELECT erp_id, id, entity FROM customers WHERE erp_id",
        &keys,
    )?
    .into_iter()
    .map(|r| Ok((r.text(0)?, (r.int(1)?, r.text(2)?))))
    .collect::<crate::Result<_>>()?;
    let mut invalid = Invalid::default();
    for item in &batch.items {
        let field = |at: &str| field_pointer(at, "customer_id");
        match customers.get(&item.customer_erp_id) {
            None => invalid.push(
                field(&item.at),
                Some("customer_id"),
                format!("unknown customer {:?}", item.customer_erp_id),
            ),
            Some((_, entity)) if batch.entity.as_ref().is_some_and(|e| e != entity) => invalid
                .push(
                    field(&item.at),
                    Some("customer_id"),
                    format!(
                        "customer {:?} belongs to entity {entity:?}, outside this batch's entity",
                        item.customer_erp_id
                    ),
                ),
            Some(_) => {}
        }
    }
    if !invalid.is_empty() {
        return Err(WriteError::Invalid(invalid));
    }

    let item_keys: Vec<Value> = batch
        .items
        .iter()
        .map(|i| i.erp_id.as_str().into())
        .collect();
    let existing: HashMap<String, ExistingItem> = select_in(
        db,
        "SELECT erp_id, id, customer_id, kind, number, issue_date, due_date, currency, amount_minor, open_minor,
                action_id IS NOT NULL, EXISTS (SELECT 1 FROM payments p WHERE p.item_id = items.id)
         FROM items WHERE erp_id",
        &item_keys,
    )?
    .into_iter()
    .map(|r| Ok({
        (
            r.text(0)?,
            ExistingItem {
                id: r.int(1)?,
                customer_id: r.int(2)?,
                kind: r.text(3)?,
                number: r.text(4)?,
                issue_date: r.text(5)?,
                due_date: r.text(6)?,
                currency: r.text(7)?,
                amount_minor: r.int(8)?,
                open_minor: r.int(9)?,
                held: r.int(10)? != 0,
                paid: r.int(11)? != 0,
            },
        )
    }))
    .collect::<crate::Result<_>>()?;

    let mut conflicts = Invalid::default();
    for item in &batch.items {
        let Some(old) = existing.get(&item.erp_id) else {
            continue;
        };
        let stored = StoredItem {
            customer_key: old.customer_id,
            currency: old.currency.clone(),
            held: old.held,
            paid: old.paid,
        };
        let (new_customer, _) = &customers[&item.customer_erp_id];
        if let Err((field, why)) = check_item_update(&stored, *new_customer, item.currency) {
            conflicts.push(
                field_pointer(&item.at, field),
                Some(field),
                format!("item {:?}: {why}", item.erp_id),
            );
        }
    }
    if !conflicts.is_empty() {
        return Err(WriteError::Conflict(conflicts));
    }

    let mut counts = SyncCounts::default();
    let mut new_rows = Vec::new();
    let mut new_items: Vec<&ItemIn> = Vec::new();
    let mut updates: Vec<Vec<Value>> = Vec::new();
    let mut history = Vec::new();
    let mut moves: Vec<Move> = Vec::new();
    for item in &batch.items {
        let (customer_id, entity) = &customers[&item.customer_erp_id];
        let closed_on: Value = if item.open_minor == 0 {
            today_s.as_str().into()
        } else {
            Value::Null
        };
        match existing.get(&item.erp_id) {
            None => {
                let mut row = item_values(
                    item.erp_id.as_str().into(),
                    *customer_id,
                    entity,
                    item,
                    closed_on,
                );
                row.extend([now.into(), now.into()]);
                new_rows.push(row);
                new_items.push(item);
                counts.created += 1;
            }
            Some(old) => {
                let changes = item_changes(old, item, *customer_id);
                if changes.is_empty() {
                    counts.unchanged += 1;
                    continue;
                }
                counts.updated += 1;
                let mut details = serde_json::Map::new();
                for (field, from, to) in &changes {
                    details.insert(field.to_string(), json!({"from": from, "to": to}));
                }
                history.push(history::row(
                    old.id,
                    now,
                    actor,
                    "updated",
                    serde_json::Value::Object(details),
                    None,
                ));
                if old.open_minor > 0 && item.open_minor == 0 {
                    counts.closed += 1;
                    history.push(history::row(
                        old.id,
                        now,
                        actor,
                        "closed",
                        json!({"reason": "open amount is zero"}),
                        None,
                    ));
                } else if old.open_minor == 0 && item.open_minor > 0 {
                    history.push(history::row(
                        old.id,
                        now,
                        actor,
                        "reopened",
                        json!({}),
                        None,
                    ));
                }
                let old_kind = ItemKind::parse(&old.kind)
                    .ok_or_else(|| StoreError(format!("bad item kind {:?}", old.kind)))?;
                moves.extend(change_moves(
                    old.id,
                    move_date(today, item.issue_date),
                    (old_kind, &old.currency, old.open_minor),
                    (item.kind, item.currency.code(), item.open_minor),
                ));
                // closed_on is kept when already closed (see the UPDATE below).
                updates.push(item_values(
                    old.id.into(),
                    *customer_id,
                    entity,
                    item,
                    closed_on,
                ));
            }
        }
    }

    let created = insert_many(
        db,
        "INSERT INTO items (erp_id, customer_id, entity, kind, number, issue_date, due_date, currency,
                            amount_minor, open_minor, closed_on, created_at, updated_at)",
        "RETURNING id, erp_id",
        13,
        &new_rows,
    )?;
    let ids: HashMap<String, i64> = created
        .into_iter()
        .map(|r| Ok((r.text(1)?, r.int(0)?)))
        .collect::<crate::Result<_>>()?;
    for item in new_items {
        let key = ids[&item.erp_id];
        // Open since its issue date; what the ERP says is already settled, from today.
        moves.push(Move {
            item: key,
            on: item.issue_date,
            currency: item.currency.code().to_string(),
            delta: signed(item.kind, item.amount_minor),
            reason: "opened",
        });
        moves.push(Move {
            item: key,
            on: move_date(today, item.issue_date),
            currency: item.currency.code().to_string(),
            delta: -signed(item.kind, item.amount_minor - item.open_minor),
            reason: "erp",
        });
        let details = json!({
            "kind": item.kind.as_str(),
            "number": item.number,
            "amount": amount_string(item.amount_minor, item.currency),
            "open_amount": amount_string(item.open_minor, item.currency),
            "currency": item.currency.code(),
            "issue_date": format_date(item.issue_date),
            "due_date": format_date(item.due_date),
        });
        history.push(history::row(
            ids[&item.erp_id],
            now,
            actor,
            "created",
            details,
            None,
        ));
    }

    // Changed items in multi-row UPDATE ... FROM (VALUES ...).
    for chunk in updates.chunks(rows_per_statement(11)) {
        let sql = format!(
            "UPDATE items SET customer_id = v.column2, entity = v.column3, kind = v.column4, number = v.column5,
                issue_date = v.column6, due_date = v.column7, currency = v.column8, amount_minor = v.column9,
                open_minor = v.column10,
                closed_on = CASE WHEN v.column10 > 0 THEN NULL ELSE coalesce(items.closed_on, v.column11) END,
                updated_at = ?
             FROM (VALUES {}) AS v WHERE items.id = v.column1",
            placeholders(chunk.len(), 11)
        );
        let mut params: Vec<Value> = vec![now.into()];
        params.extend(chunk.iter().flatten().cloned());
        db.query(&sql, &params)?;
    }

    if batch.mode == SyncMode::Stock {
        let sent: HashSet<&str> = batch.items.iter().map(|i| i.erp_id.as_str()).collect();
        let scope = match &batch.entity {
            Some(e) => db.query(
                "SELECT id, erp_id, kind, currency, open_minor, issue_date FROM items WHERE open_minor > 0 AND entity = ?",
                &[e.as_str().into()],
            )?,
            None => db.query(
                "SELECT id, erp_id, kind, currency, open_minor, issue_date FROM items WHERE open_minor > 0",
                &[],
            )?,
        };
        let mut to_close: Vec<i64> = Vec::new();
        for r in &scope.rows {
            if sent.contains(r.text(1)?.as_str()) {
                continue;
            }
            let kind = r.parsed(2, "item kind", ItemKind::parse)?;
            let issue = parse_date(&r.text(5)?).map_err(StoreError)?;
            to_close.push(r.int(0)?);
            moves.push(Move {
                item: r.int(0)?,
                on: move_date(today, issue),
                currency: r.text(3)?,
                delta: -signed(kind, r.int(4)?),
                reason: "erp",
            });
        }
        for chunk in to_close.chunks(rows_per_statement(1) - 2) {
            let mut params: Vec<Value> = vec![today_s.as_str().into(), now.into()];
            params.extend(chunk.iter().map(|id| Value::Integer(*id)));
            db.query(
                &format!(
                    "UPDATE items SET open_minor = 0, closed_on = ?, updated_at = ? WHERE id IN ({})",
                    vec!["?"; chunk.len()].join(", ")
                ),
                &params,
            )?;
        }
        for id in &to_close {
            history.push(history::row(
                *id,
                now,
                actor,
                "closed",
                json!({"reason": "missing from stock snapshot"}),
                None,
            ));
        }
        counts.closed += to_close.len() as u64;
    }
    insert_item_history(db, &history)?;
    record_moves(db, &moves, now)?;
    // The items' status periods learn their closings from a trigger (migration 23).
    check_customer_totals(db, batch, &customers)?;
    Ok(counts)
}

/// The stored columns of an item row, after a key (ERP id for inserts, row id for updates):
/// key, customer, entity, kind, number, issue date, due date, currency, amount, open, closed on.
fn item_values(
    key: Value,
    customer_id: i64,
    entity: &str,
    item: &ItemIn,
    closed_on: Value,
) -> Vec<Value> {
    vec![
        key,
        customer_id.into(),
        entity.into(),
        item.kind.as_str().into(),
        item.number.as_str().into(),
        format_date(item.issue_date).into(),
        format_date(item.due_date).into(),
        item.currency.code().into(),
        item.amount_minor.into(),
        item.open_minor.into(),
        closed_on,
    ]
}

/// Fields that differ between the stored item and the incoming row: (field, from, to).
fn item_changes(
    old: &ExistingItem,
    new: &ItemIn,
    customer_id: i64,
) -> Vec<(&'static str, String, String)> {
    let mut changes = Vec::new();
    let cur = Currency::parse(&old.currency).ok();
    let money = |m: i64| cur.map_or(m.to_string(), |c| amount_string(m, c));
    let new_money = |m: i64| amount_string(m, new.currency);
    let mut check = |field: &'static str, from: String, to: String| {
        if from != to {
            changes.push((field, from, to));
        }
    };
    check(
        "customer_id",
        old.customer_id.to_string(),
        customer_id.to_string(),
    );
    check("kind", old.kind.clone(), new.kind.as_str().to_string());
    check("number", old.number.clone(), new.number.clone());
    check(
        "issue_date",
        old.issue_date.clone(),
        format_date(new.issue_date),
    );
    check("due_date", old.due_date.clone(), format_date(new.due_date));
    check(
        "currency",
        old.currency.clone(),
        new.currency.code().to_string(),
    );
    check(
        "amount",
        money(old.amount_minor),
        new_money(new.amount_minor),
    );
    check(
        "open_amount",
        money(old.open_minor),
        new_money(new.open_minor),
    );
    changes
}

// ---- payments ----

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PaymentCounts {
    pub applied: u64,
    /// Payments whose ERP id was applied before with the same content: not applied again.
    pub already_applied: u64,
    pub closed: u64,
    /// The items the payments closed, for the caller to settle what held them
    /// (`actions::items_paid`).
    #[serde(skip)]
    pub closed_items: Vec<ClosedItem>,
    /// Every payment applied, in order, for the caller to settle dispute cases
    /// (`settle_usecases::disputes::settle`).
    #[serde(skip)]
    pub applied_payments: Vec<AppliedPayment>,
}

/// A payment as applied to its item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedPayment {
    pub item_key: i64,
    pub erp_id: String,
    pub amount_minor: i64,
    pub open_before: i64,
    pub for_disputed: bool,
    pub paid_on: String,
}

/// An item a payment closed: its key, ERP id and closing date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedItem {
    pub key: i64,
    pub id: String,
    pub closed_on: String,
}

/// A payment as stored, to recognise one sent again.
#[derive(Debug, PartialEq, Eq)]
struct StoredPayment {
    item_erp_id: String,
    amount_minor: i64,
    paid_on: String,
    reference: Option<String>,
}

/// Applies payments in order; any unknown item, bad amount or overpayment refuses the batch.
/// A payment whose ERP id was applied before is skipped when it is the same payment and
/// refuses the batch (409) when it says something else.
pub fn apply_payments(
    db: &impl Db,
    payments: &[PaymentIn],
    actor: &str,
    now: &str,
) -> Result<PaymentCounts, WriteError> {
    let keys: Vec<Value> = payments
        .iter()
        .map(|p| p.item_erp_id.as_str().into())
        .collect();
    let mut items: HashMap<String, (i64, Currency, i64)> = HashMap::new();
    let mut facts: HashMap<i64, (ItemKind, NaiveDate)> = HashMap::new();
    for r in select_in(
        db,
        "SELECT erp_id, id, currency, open_minor, kind, issue_date FROM items WHERE erp_id",
        &keys,
    )? {
        let currency = Currency::parse(&r.text(2)?).map_err(StoreError)?;
        items.insert(r.text(0)?, (r.int(1)?, currency, r.int(3)?));
        let kind = r.parsed(4, "item kind", ItemKind::parse)?;
        let issue = parse_date(&r.text(5)?).map_err(StoreError)?;
        facts.insert(r.int(1)?, (kind, issue));
    }
    let mut moves: Vec<Move> = Vec::new();
    let mut last_date: HashMap<i64, NaiveDate> = HashMap::new();
    let payment_keys: Vec<Value> = payments.iter().map(|p| p.erp_id.as_str().into()).collect();
    let stored: HashMap<String, StoredPayment> = select_in(
        db,
        "SELECT p.erp_id, i.erp_id, p.amount_minor, p.paid_on, p.reference
         FROM payments p JOIN items i ON i.id = p.item_id WHERE p.erp_id",
        &payment_keys,
    )?
    .into_iter()
    .map(|r| {
        Ok((
            r.text(0)?,
            StoredPayment {
                item_erp_id: r.text(1)?,
                amount_minor: r.int(2)?,
                paid_on: r.text(3)?,
                reference: r.opt_text(4)?,
            },
        ))
    })
    .collect::<crate::Result<_>>()?;
    let mut invalid = Invalid::default();
    let mut conflicts = Invalid::default();
    let mut rows = Vec::new();
    let mut history = Vec::new();
    let mut counts = PaymentCounts::default();
    let mut touched: Vec<String> = Vec::new();
    for p in payments {
        let Some((id, currency, open)) = items.get_mut(&p.item_erp_id) else {
            invalid.push(
                format!("{}/item_id", p.at),
                Some("item_id"),
                format!("unknown item {:?}", p.item_erp_id),
            );
            continue;
        };
        let minor = match parse_amount(&p.amount, *currency).and_then(|d| to_minor(d, *currency)) {
            Ok(m) => m,
            Err(e) => {
                invalid.push(format!("{}/amount", p.at), Some("amount"), e);
                continue;
            }
        };
        if let Some(before) = stored.get(&p.erp_id) {
            let again = StoredPayment {
                item_erp_id: p.item_erp_id.clone(),
                amount_minor: minor,
                paid_on: format_date(p.date),
                reference: p.reference.clone(),
            };
            if *before == again {
                counts.already_applied += 1;
            } else {
                conflicts.push(
                    format!("{}/id", p.at),
                    Some("id"),
                    format!(
                        "payment {:?} was already applied with other content (item {:?}, amount {}, date {})",
                        p.erp_id,
                        before.item_erp_id,
                        amount_string(before.amount_minor, *currency),
                        before.paid_on
                    ),
                );
            }
            continue;
        }
        match apply_payment(*open, minor) {
            Ok(outcome) => {
                counts.applied_payments.push(AppliedPayment {
                    item_key: *id,
                    erp_id: p.erp_id.clone(),
                    amount_minor: minor,
                    open_before: *open,
                    for_disputed: p.for_disputed,
                    paid_on: format_date(p.date),
                });
                *open = outcome.open_minor;
                counts.applied += 1;
                let (kind, issue) = facts[id];
                moves.push(Move {
                    item: *id,
                    on: move_date(p.date, issue),
                    currency: currency.code().to_string(),
                    delta: -signed(kind, minor),
                    reason: "payment",
                });
                // An item paid in full closes on its latest payment's date.
                let last = last_date.entry(*id).or_insert(p.date);
                *last = (*last).max(p.date);
                rows.push(vec![
                    p.erp_id.as_str().into(),
                    (*id).into(),
                    minor.into(),
                    format_date(p.date).into(),
                    p.reference.clone().into(),
                    actor.into(),
                    now.into(),
                ]);
                history.push(history::row(
                    *id,
                    now,
                    actor,
                    "payment",
                    json!({"amount": amount_string(minor, *currency), "date": format_date(p.date),
                           "reference": p.reference, "open_amount": amount_string(outcome.open_minor, *currency)}),
                    None,
                ));
                if outcome.closes {
                    counts.closed += 1;
                    history.push(history::row(
                        *id,
                        now,
                        actor,
                        "closed",
                        json!({"reason": "paid in full"}),
                        None,
                    ));
                }
                touched.push(p.item_erp_id.clone());
            }
            Err(e) => invalid.push(format!("{}/amount", p.at), Some("amount"), e),
        }
    }
    if !invalid.is_empty() {
        return Err(WriteError::Invalid(invalid));
    }
    if !conflicts.is_empty() {
        return Err(WriteError::Conflict(conflicts));
    }
    insert_many(
        db,
        "INSERT INTO payments (erp_id, item_id, amount_minor, paid_on, reference, actor, created_at)",
        "",
        7,
        &rows,
    )?;
    record_moves(db, &moves, now)?;
    touched.sort();
    touched.dedup();
    for erp_id in &touched {
        let (id, _, open) = items[erp_id];
        let closed_on: Value = if open == 0 {
            let on = format_date(last_date[&id]);
            counts.closed_items.push(ClosedItem {
                key: id,
                id: erp_id.clone(),
                closed_on: on.clone(),
            });
            on.into()
        } else {
            Value::Null
        };
        db.query(
            "UPDATE items SET open_minor = ?, closed_on = ?, updated_at = ? WHERE id = ?",
            &[open.into(), closed_on, now.into(), id.into()],
        )?;
    }
    insert_item_history(db, &history)?;
    Ok(counts)
}

// ---- reads ----

/// A customer as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Customer {
    #[serde(skip)]
    pub key: i64,
    pub id: String,
    pub name: String,
    pub entity: String,
    pub language: String,
    pub currency: String,
    pub email: Option<String>,
    pub collector: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub fn customer(db: &impl Db, erp_id: &str) -> crate::Result<Option<Customer>> {
    let r = db.query(
        "SELECT id, erp_id, name, entity, language, currency, email, collector, created_at, updated_at
         FROM customers WHERE erp_id = ?",
        &[erp_id.into()],
    )?;
    r.map_first(|r| {
        Ok(Customer {
            key: r.int(0)?,
            id: r.text(1)?,
            name: r.text(2)?,
            entity: r.text(3)?,
            language: r.text(4)?,
            currency: r.text(5)?,
            email: r.opt_text(6)?,
            collector: r.opt_text(7)?,
            created_at: r.text(8)?,
            updated_at: r.text(9)?,
        })
    })
}

/// The open items of a customer, as the balance rules need them.
pub fn open_items_for_balances(db: &impl Db, customer_key: i64) -> crate::Result<Vec<OpenItem>> {
    let r = db.query(
        "SELECT i.kind, i.currency, i.open_minor, i.due_date, s.kind
         FROM items i LEFT JOIN statuses s ON s.code = i.status_code
         WHERE i.customer_id = ? AND i.open_minor > 0",
        &[customer_key.into()],
    )?;
    r.rows
        .iter()
        .map(|row| {
            Ok(OpenItem {
                kind: row.parsed(0, "item kind", ItemKind::parse)?,
                currency: Currency::parse(&row.text(1)?).map_err(StoreError)?,
                open_minor: row.int(2)?,
                due_date: parse_date(&row.text(3)?).map_err(StoreError)?,
                status_kind: row.opt_text(4)?.and_then(|k| StatusKind::parse(&k)),
            })
        })
        .collect()
}

/// Filters of the statement and item search.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    pub customer_key: Option<i64>,
    pub entity: Option<String>,
    pub status: Option<String>,
    pub kind: Option<ItemKind>,
    pub overdue: Option<bool>,
    pub disputed: Option<bool>,
    pub resolver_id: Option<i64>,
    /// Only these items (by internal key).
    pub keys: Option<Vec<i64>>,
    /// Closed items too (an action's items); otherwise open items only.
    pub include_closed: bool,
    /// Keyset cursor: items after (due_date, id).
    pub after: Option<(String, i64)>,
    pub limit: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub code: String,
    pub label: String,
    pub kind: String,
    pub typology: Option<String>,
    pub date: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ResolverRef {
    pub id: i64,
    pub name: String,
}

/// One line of a statement of account.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub id: String,
    pub customer_id: String,
    pub entity: String,
    pub number: String,
    pub kind: String,
    pub issue_date: String,
    pub due_date: String,
    pub amount: String,
    pub open_amount: String,
    pub currency: String,
    pub overdue: bool,
    pub days_overdue: i64,
    pub status: Option<StatusView>,
    pub resolver: Option<ResolverRef>,
    /// False while a live specific action holds the item (it is out of the reminder scenario).
    pub in_scenario: bool,
    pub action_id: Option<i64>,
    /// Set once the open amount reached zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<String>,
    /// The amount in dispute, beside the open amount, while a dispute case is open.
    pub disputed_amount: Option<String>,
    /// That open case (`GET /api/v1/disputes/{id}`).
    pub dispute_id: Option<i64>,
    #[serde(skip)]
    pub key: i64,
}

/// One item by its key, closed or open, as lists show it (a dispute case's item).
pub fn item_by_key(db: &impl Db, key: i64, as_of: NaiveDate) -> crate::Result<Option<ItemView>> {
    let found = list_items(
        db,
        &ItemFilter {
            keys: Some(vec![key]),
            include_closed: true,
            limit: 1,
            ..Default::default()
        },
        as_of,
    )?;
    Ok(found.into_iter().next())
}

/// Open items matching `filter`, by due date then id, after the cursor, at most `limit`.
pub fn list_items(
    db: &impl Db,
    filter: &ItemFilter,
    as_of: NaiveDate,
) -> crate::Result<Vec<ItemView>> {
    let as_of_s = format_date(as_of);
    let mut sql = String::from(
        "SELECT i.id, i.erp_id, c.erp_id, i.entity, i.number, i.kind, i.issue_date, i.due_date, i.currency,
                i.amount_minor, i.open_minor, i.status_code, s.kind, s.typology, s.labels, i.status_date,
                i.status_comment, i.resolver_id, r.name, i.action_id, c.language, i.closed_on,
                d.disputed_minor, d.id
         FROM items i
         JOIN customers c ON c.id = i.customer_id
         LEFT JOIN statuses s ON s.code = i.status_code
         LEFT JOIN resolvers r ON r.id = i.resolver_id
         LEFT JOIN disputes d ON d.item_id = i.id AND d.state = 'open'",
    );
    // A literal condition, so the planner can use the partial indexes on open items.
    sql.push_str(if filter.include_closed {
        " WHERE 1 = 1"
    } else {
        " WHERE i.open_minor > 0"
    });
    let mut params: Vec<Value> = Vec::new();
    if let Some(k) = filter.customer_key {
        sql.push_str(" AND i.customer_id = ?");
        params.push(k.into());
    }
    if let Some(e) = &filter.entity {
        sql.push_str(" AND i.entity = ?");
        params.push(e.as_str().into());
    }
    if let Some(s) = &filter.status {
        sql.push_str(" AND i.status_code = ?");
        params.push(s.as_str().into());
    }
    if let Some(k) = filter.kind {
        sql.push_str(" AND i.kind = ?");
        params.push(k.as_str().into());
    }
    // Same rule as settle_domain::ledger::is_overdue: a debit past its due date.
    match filter.overdue {
        Some(true) => {
            sql.push_str(" AND i.due_date < ? AND i.kind IN ('invoice', 'other')");
            params.push(as_of_s.as_str().into());
        }
        Some(false) => {
            sql.push_str(" AND NOT (i.due_date < ? AND i.kind IN ('invoice', 'other'))");
            params.push(as_of_s.as_str().into());
        }
        None => {}
    }
    match filter.disputed {
        Some(true) => sql.push_str(" AND s.kind = 'dispute'"),
        Some(false) => sql.push_str(" AND (s.kind IS NULL OR s.kind <> 'dispute')"),
        None => {}
    }
    if let Some(r) = filter.resolver_id {
        sql.push_str(" AND i.resolver_id = ?");
        params.push(r.into());
    }
    if let Some(keys) = &filter.keys {
        sql.push_str(&format!(
            " AND i.id IN ({})",
            vec!["?"; keys.len()].join(", ")
        ));
        params.extend(keys.iter().map(|k| Value::from(*k)));
    }
    if let Some((due, id)) = &filter.after {
        sql.push_str(" AND (i.due_date > ? OR (i.due_date = ? AND i.id > ?))");
        params.push(due.as_str().into());
        params.push(due.as_str().into());
        params.push((*id).into());
    }
    sql.push_str(" ORDER BY i.due_date, i.id LIMIT ?");
    params.push((filter.limit as i64).into());
    let r = db.query(&sql, &params)?;
    r.rows.iter().map(|row| item_view(row, as_of)).collect()
}

fn item_view(row: &[Value], as_of: NaiveDate) -> crate::Result<ItemView> {
    let kind = row.parsed(5, "item kind", ItemKind::parse)?;
    let currency = Currency::parse(&row.text(8)?).map_err(StoreError)?;
    let due = parse_date(&row.text(7)?).map_err(StoreError)?;
    let language = row.text(20)?;
    let status = match row.opt_text(11)? {
        None => None,
        Some(code) => {
            let labels: HashMap<String, String> =
                serde_json::from_str(&row.text(14)?).unwrap_or_default();
            let label = settle_domain::catalog::label_in(&labels, &language)
                .unwrap_or(&code)
                .to_string();
            Some(StatusView {
                code,
                label,
                kind: row.text(12)?,
                typology: row.opt_text(13)?,
                date: row.opt_text(15)?,
                comment: row.opt_text(16)?,
            })
        }
    };
    let overdue = ledger::is_overdue(kind, due, as_of);
    Ok(ItemView {
        key: row.int(0)?,
        id: row.text(1)?,
        customer_id: row.text(2)?,
        entity: row.text(3)?,
        number: row.text(4)?,
        kind: kind.as_str().to_string(),
        issue_date: row.text(6)?,
        due_date: row.text(7)?,
        currency: currency.code().to_string(),
        amount: amount_string(row.int(9)?, currency),
        open_amount: amount_string(row.int(10)?, currency),
        overdue,
        days_overdue: if overdue {
            ledger::days_overdue(due, as_of)
        } else {
            0
        },
        status,
        resolver: match row.opt_int(17)? {
            Some(id) => Some(ResolverRef {
                id,
                name: row.text(18)?,
            }),
            None => None,
        },
        in_scenario: row.opt_int(19)?.is_none(),
        action_id: row.opt_int(19)?,
        closed_on: row.opt_text(21)?,
        disputed_amount: row.opt_int(22)?.map(|m| amount_string(m, currency)),
        dispute_id: row.opt_int(23)?,
    })
}

/// One history row of an item.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub at: String,
    pub actor: String,
    pub event: String,
    pub details: serde_json::Value,
    pub comment: Option<String>,
}

/// Every change to the item, oldest first; `None` for an unknown item.
pub fn item_history(db: &impl Db, erp_id: &str) -> crate::Result<Option<Vec<HistoryEntry>>> {
    let item = db.query("SELECT id FROM items WHERE erp_id = ?", &[erp_id.into()])?;
    let Some(id) = item.map_first(|r| r.int(0))? else {
        return Ok(None);
    };
    let r = db.query(
        "SELECT at, actor, event, details, comment FROM item_history WHERE item_id = ? ORDER BY id",
        &[id.into()],
    )?;
    Ok(Some(
        r.rows
            .iter()
            .map(|row| {
                Ok(HistoryEntry {
                    at: row.text(0)?,
                    actor: row.text(1)?,
                    event: row.text(2)?,
                    details: serde_json::from_str(&row.text(3)?).unwrap_or(serde_json::Value::Null),
                    comment: row.opt_text(4)?,
                })
            })
            .collect::<crate::Result<_>>()?,
    ))
}
