//! Specific actions: creating one (from a status change or on its own), reading, editing
//! with optimistic concurrency (a version per action, the API's ETag), detaching items,
//! terminating (a dispute follow-up resolves its disputed items), and what payments do to
//! the actions holding the items they close.
//!
//! `items.action_id` points at the live action holding an item; while set, the item is out
//! of the reminder scenario. Every change appends `action_history` (and `item_history` for
//! the items). Callers run each write inside one transaction.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;
use settle_domain::actions::{ActionState, ActionType};
use settle_domain::catalog::StatusKind;
use settle_domain::dates::format_date;
use settle_domain::status_change::{ExplicitAction, ItemState};

use crate::history::{self, insert_action_history, insert_item_history};
use crate::ledger::{ClosedItem, ItemFilter, ItemView, ResolverRef};
use crate::sql::{in_list, insert_many, rows_per_statement, select_in};
use crate::{Db, Result, RowExt, StoreError, Value, map_rows};

/// An item about to be held by a new action, and the live action holding it now.
#[derive(Debug, Clone)]
pub struct Held {
    pub key: i64,
    pub id: String,
    pub action_id: Option<i64>,
}

/// Items that left another live action for the new one.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Moved {
    pub item_id: String,
    pub from_action_id: i64,
}

pub struct Created {
    pub action_id: i64,
    pub moved: Vec<Moved>,
    /// Live actions left holding no item by the move (they stay live until terminated).
    pub emptied_actions: Vec<i64>,
}

/// `UPDATE items SET <set> WHERE id IN (keys)`, in chunks; `params` bind `set`.
fn update_items(db: &impl Db, set: &str, params: &[Value], keys: &[i64]) -> Result<()> {
    for chunk in keys.chunks(rows_per_statement(1) - params.len()) {
        let mut p = params.to_vec();
        p.extend(chunk.iter().map(|k| Value::from(*k)));
        db.query(
            &format!(
                "UPDATE items SET {set} WHERE id IN ({})",
                in_list(chunk.len())
            ),
            &p,
        )?;
    }
    Ok(())
}

/// Ends the current holdings of these items (they move or return to the scenario).
fn close_holdings(db: &impl Db, keys: &[i64], now: &str) -> Result<()> {
    for chunk in keys.chunks(rows_per_statement(1) - 2) {
        let mut p: Vec<Value> = vec![now.into()];
        p.extend(chunk.iter().map(|k| Value::from(*k)));
        db.query(
            &format!(
                "UPDATE action_items SET detached_at = ?
                 WHERE detached_at IS NULL AND item_id IN ({})
                   AND action_id IN (SELECT id FROM actions WHERE state = 'live')",
                in_list(chunk.len())
            ),
            &p,
        )?;
    }
    Ok(())
}

fn remaining(db: &impl Db, action_id: i64) -> Result<i64> {
    let r = db.query(
        "SELECT count(*) FROM items WHERE action_id = ?",
        &[action_id.into()],
    )?;
    r.single_int()
}

/// Creates a live action holding `items` (moving them from other live actions).
#[allow(clippy::too_many_arguments)]
pub fn create(
    db: &impl Db,
    customer_key: i64,
    a: &ExplicitAction,
    model: Option<&str>,
    items: &[Held],
    status_change_id: Option<i64>,
    actor: &str,
    now: &str,
) -> Result<Created> {
    let action_id = insert_action(db, customer_key, a, model, actor, now)?;
    let keys: Vec<i64> = items.iter().map(|i| i.key).collect();
    update_items(
        db,
        "action_id = ?, updated_at = ?",
        &[action_id.into(), now.into()],
        &keys,
    )?;
    attached(db, action_id, a, model, items, status_change_id, actor, now)
}

/// Inserts a live action row; its items are attached by [`create`] or, when the caller
/// updates the items itself in the same statement, by [`attached`].
pub fn insert_action(
    db: &impl Db,
    customer_key: i64,
    a: &ExplicitAction,
    model: Option<&str>,
    actor: &str,
    now: &str,
) -> Result<i64> {
    let r = db.query(
        "INSERT INTO actions (customer_id, type, name, model, due_date, resolver_id, comment,
                              created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            customer_key.into(),
            a.action_type.as_str().into(),
            a.name.as_str().into(),
            model.into(),
            format_date(a.date).into(),
            a.resolver_id.into(),
            a.comment.as_deref().into(),
            now.into(),
            actor.into(),
            now.into(),
        ],
    )?;
    r.single_int()
}

/// Records that `items` (whose `items.action_id` is already set) joined the new action:
/// holdings moved from other live actions, `action_items`, and the history of both.
#[allow(clippy::too_many_arguments)]
pub fn attached(
    db: &impl Db,
    action_id: i64,
    a: &ExplicitAction,
    model: Option<&str>,
    items: &[Held],
    status_change_id: Option<i64>,
    actor: &str,
    now: &str,
) -> Result<Created> {
    let keys: Vec<i64> = items.iter().map(|i| i.key).collect();
    let moving: Vec<i64> = items
        .iter()
        .filter(|i| i.action_id.is_some())
        .map(|i| i.key)
        .collect();
    close_holdings(db, &moving, now)?;
    insert_many(
        db,
        "INSERT INTO action_items (action_id, item_id, attached_at)",
        "",
        3,
        &keys
            .iter()
            .map(|k| vec![action_id.into(), (*k).into(), now.into()])
            .collect::<Vec<_>>(),
    )?;
    let mut from: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut moved = Vec::new();
    let mut item_history = Vec::new();
    for i in items {
        if let Some(old) = i.action_id.filter(|old| *old != action_id) {
            from.entry(old).or_default().push(i.id.clone());
            moved.push(Moved {
                item_id: i.id.clone(),
                from_action_id: old,
            });
        }
        item_history.push(history::row(
            i.key,
            now,
            actor,
            "action_attached",
            json!({"action_id": action_id, "from_action_id": i.action_id}),
            None,
        ));
    }
    let mut history = vec![history::row(
        action_id,
        now,
        actor,
        "created",
        json!({
            "type": a.action_type, "name": a.name, "date": format_date(a.date),
            "resolver_id": a.resolver_id, "model": model, "status_change_id": status_change_id,
            "item_ids": items.iter().map(|i| &i.id).collect::<Vec<_>>(),
            "moved_from": from.keys().collect::<Vec<_>>(),
        }),
        a.comment.as_deref(),
    )];
    let mut emptied_actions = Vec::new();
    for (old, ids) in &from {
        history.push(history::row(
            *old,
            now,
            actor,
            "items_moved_out",
            json!({"item_ids": ids, "to_action_id": action_id}),
            None,
        ));
        if remaining(db, *old)? == 0 {
            emptied_actions.push(*old);
        }
    }
    insert_action_history(db, &history)?;
    insert_item_history(db, &item_history)?;
    Ok(Created {
        action_id,
        moved,
        emptied_actions,
    })
}

// ---- reads ----

/// A specific action as shown by the API.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActionView {
    pub id: i64,
    pub customer_id: String,
    #[serde(rename = "type")]
    pub action_type: ActionType,
    pub name: String,
    pub model: Option<String>,
    pub date: String,
    pub resolver: Option<ResolverRef>,
    pub comment: Option<String>,
    pub state: ActionState,
    /// Items attached (open or closed since).
    pub item_ids: Vec<String>,
    pub version: i64,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    pub done_on: Option<String>,
    pub done_by: Option<String>,
    #[serde(skip)]
    pub customer_key: i64,
}

const ACTION_SELECT: &str =
    "SELECT a.id, c.erp_id, a.type, a.name, a.model, a.due_date, a.resolver_id, r.name,
        a.comment, a.state, a.version, a.created_at, a.created_by, a.updated_at, a.done_on,
        a.done_by, a.customer_id
     FROM actions a JOIN customers c ON c.id = a.customer_id
     LEFT JOIN resolvers r ON r.id = a.resolver_id";

fn action_row(row: &[Value], item_ids: Vec<String>) -> Result<ActionView> {
    Ok(ActionView {
        id: row.int(0)?,
        customer_id: row.text(1)?,
        action_type: row.parsed(2, "action type", ActionType::parse)?,
        name: row.text(3)?,
        model: row.opt_text(4)?,
        date: row.text(5)?,
        resolver: match row.opt_int(6)? {
            Some(id) => Some(ResolverRef {
                id,
                name: row.text(7)?,
            }),
            None => None,
        },
        comment: row.opt_text(8)?,
        state: row.parsed(9, "action state", ActionState::parse)?,
        item_ids,
        version: row.int(10)?,
        created_at: row.text(11)?,
        created_by: row.text(12)?,
        updated_at: row.text(13)?,
        done_on: row.opt_text(14)?,
        done_by: row.opt_text(15)?,
        customer_key: row.int(16)?,
    })
}

pub fn action(db: &impl Db, id: i64) -> Result<Option<ActionView>> {
    let r = db.query(&format!("{ACTION_SELECT} WHERE a.id = ?"), &[id.into()])?;
    let Some(row) = r.first() else {
        return Ok(None);
    };
    let items = db.query(
        "SELECT i.erp_id FROM action_items h JOIN items i ON i.id = h.item_id
         WHERE h.action_id = ? AND h.detached_at IS NULL ORDER BY i.due_date, i.id",
        &[id.into()],
    )?;
    action_row(row, items.texts(0)?).map(Some)
}

/// Filters of the action list.
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    pub customer_key: Option<i64>,
    pub resolver_id: Option<i64>,
    pub state: Option<ActionState>,
    /// Due on or before.
    pub due_before: Option<String>,
    /// Keyset cursor: after (date, id).
    pub after: Option<(String, i64)>,
    pub limit: usize,
}

/// Actions by date then id, with their item ids.
pub fn actions(db: &impl Db, f: &ActionFilter) -> Result<Vec<ActionView>> {
    let mut sql = format!("{ACTION_SELECT} WHERE 1 = 1");
    let mut params: Vec<Value> = Vec::new();
    if let Some(c) = f.customer_key {
        sql.push_str(" AND a.customer_id = ?");
        params.push(c.into());
    }
    if let Some(r) = f.resolver_id {
        sql.push_str(" AND a.resolver_id = ?");
        params.push(r.into());
    }
    if let Some(s) = &f.state {
        sql.push_str(" AND a.state = ?");
        params.push(s.as_str().into());
    }
    if let Some(d) = &f.due_before {
        sql.push_str(" AND a.due_date <= ?");
        params.push(d.as_str().into());
    }
    if let Some((d, id)) = &f.after {
        sql.push_str(" AND (a.due_date > ? OR (a.due_date = ? AND a.id > ?))");
        params.extend([d.as_str().into(), d.as_str().into(), (*id).into()]);
    }
    sql.push_str(" ORDER BY a.due_date, a.id LIMIT ?");
    params.push((f.limit as i64).into());
    let rows = db.query(&sql, &params)?;
    let ids = rows.ints(0)?;
    let mut items: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    if !ids.is_empty() {
        let r = db.query(
            &format!(
                "SELECT h.action_id, i.erp_id FROM action_items h JOIN items i ON i.id = h.item_id
                 WHERE h.detached_at IS NULL AND h.action_id IN ({}) ORDER BY i.due_date, i.id",
                in_list(ids.len())
            ),
            &ids.iter().map(|i| Value::from(*i)).collect::<Vec<_>>(),
        )?;
        for row in &r.rows {
            items.entry(row.int(0)?).or_default().push(row.text(1)?);
        }
    }
    rows.map(|r| action_row(r, items.remove(&r.int(0)?).unwrap_or_default()))
}

/// The statement lines of an action's items, closed ones included.
pub fn action_items(db: &impl Db, id: i64, as_of: chrono::NaiveDate) -> Result<Vec<ItemView>> {
    let keys = db.query(
        "SELECT item_id FROM action_items WHERE action_id = ? AND detached_at IS NULL",
        &[id.into()],
    )?;
    let keys = keys.ints(0)?;
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    crate::ledger::list_items(
        db,
        &ItemFilter {
            limit: keys.len(),
            keys: Some(keys),
            include_closed: true,
            ..Default::default()
        },
        as_of,
    )
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionHistory {
    pub at: String,
    pub actor: String,
    pub event: String,
    pub details: serde_json::Value,
    pub comment: Option<String>,
}

pub fn history(db: &impl Db, id: i64) -> Result<Vec<ActionHistory>> {
    let r = db.query(
        "SELECT at, actor, event, details, comment FROM action_history WHERE action_id = ? ORDER BY id",
        &[id.into()],
    )?;
    r.map(|r| {
        Ok(ActionHistory {
            at: r.text(0)?,
            actor: r.text(1)?,
            event: r.text(2)?,
            details: serde_json::from_str(&r.text(3)?).unwrap_or(serde_json::Value::Null),
            comment: r.opt_text(4)?,
        })
    })
}

// ---- changes ----

pub use settle_domain::actions::ActionChanges;

/// Applies `changes` to a live action at `version`; `Ok(false)` when the version is stale.
pub fn update(
    db: &impl Db,
    current: &ActionView,
    version: i64,
    c: &ActionChanges,
    actor: &str,
    now: &str,
) -> Result<bool> {
    let resolver = match c.resolver_id {
        Some(r) => r,
        None => current.resolver.as_ref().map(|r| r.id),
    };
    let comment = match &c.comment {
        Some(v) => v.clone(),
        None => current.comment.clone(),
    };
    let r = db.query(
        "UPDATE actions SET name = ?, due_date = ?, type = ?, resolver_id = ?, comment = ?,
             version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? RETURNING id",
        &[
            c.name.clone().unwrap_or(current.name.clone()).into(),
            c.date.clone().unwrap_or(current.date.clone()).into(),
            c.action_type.unwrap_or(current.action_type).as_str().into(),
            resolver.into(),
            comment.clone().into(),
            now.into(),
            current.id.into(),
            version.into(),
        ],
    )?;
    if r.rows.is_empty() {
        return Ok(false);
    }
    let mut from = serde_json::Map::new();
    let mut to = serde_json::Map::new();
    let mut diff = |field: &str, old: serde_json::Value, new: serde_json::Value| {
        if old != new {
            from.insert(field.into(), old);
            to.insert(field.into(), new);
        }
    };
    if let Some(n) = &c.name {
        diff("name", json!(current.name), json!(n));
    }
    if let Some(d) = &c.date {
        diff("date", json!(current.date), json!(d));
    }
    if let Some(t) = &c.action_type {
        diff("type", json!(current.action_type), json!(t));
    }
    diff(
        "resolver_id",
        json!(current.resolver.as_ref().map(|r| r.id)),
        json!(resolver),
    );
    diff("comment", json!(current.comment), json!(comment));
    insert_action_history(
        db,
        &[history::row(
            current.id,
            now,
            actor,
            "updated",
            json!({"from": from, "to": to}),
            None,
        )],
    )?;
    Ok(true)
}

/// Detaches items (keys and ids) from an action: they return to the scenario.
pub fn detach(
    db: &impl Db,
    action_id: i64,
    items: &[(i64, String)],
    actor: &str,
    now: &str,
) -> Result<i64> {
    let keys: Vec<i64> = items.iter().map(|i| i.0).collect();
    close_holdings(db, &keys, now)?;
    update_items(db, "action_id = NULL, updated_at = ?", &[now.into()], &keys)?;
    db.query(
        "UPDATE actions SET version = version + 1, updated_at = ? WHERE id = ?",
        &[now.into(), action_id.into()],
    )?;
    insert_item_history(
        db,
        &items
            .iter()
            .map(|(k, _)| {
                history::row(
                    *k,
                    now,
                    actor,
                    "action_detached",
                    json!({"action_id": action_id}),
                    None,
                )
            })
            .collect::<Vec<_>>(),
    )?;
    insert_action_history(
        db,
        &[history::row(
            action_id,
            now,
            actor,
            "items_detached",
            json!({"item_ids": items.iter().map(|i| &i.1).collect::<Vec<_>>()}),
            None,
        )],
    )?;
    remaining(db, action_id)
}

/// Records, for items currently in a dispute, the resolution delay (dispute date →
/// `resolved_on`), then clears their dispute date. Call before changing their status.
pub fn record_resolutions(
    db: &impl Db,
    keys: &[i64],
    resolved_on: &str,
    how: &str,
    action_id: Option<i64>,
    now: &str,
) -> Result<()> {
    for chunk in keys.chunks(rows_per_statement(1) - 10) {
        let mut p: Vec<Value> = vec![
            resolved_on.into(),
            resolved_on.into(),
            how.into(),
            action_id.into(),
            now.into(),
        ];
        p.extend(chunk.iter().map(|k| Value::from(*k)));
        db.query(
            &format!(
                "INSERT INTO resolutions (item_id, status_code, typology, resolver_id, disputed_on,
                                          resolved_on, delay_days, how, action_id, at)
                 SELECT i.id, i.status_code, s.typology, i.resolver_id, i.disputed_since, ?1,
                        CAST(julianday(?2) - julianday(i.disputed_since) AS INTEGER), ?3, ?4, ?5
                 FROM items i LEFT JOIN statuses s ON s.code = i.status_code
                 WHERE i.disputed_since IS NOT NULL AND i.id IN ({})",
                (6..6 + chunk.len())
                    .map(|n| format!("?{n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &p,
        )?;
        let mut q: Vec<Value> = Vec::new();
        q.extend(chunk.iter().map(|k| Value::from(*k)));
        db.query(
            &format!(
                "UPDATE items SET disputed_since = NULL WHERE disputed_since IS NOT NULL AND id IN ({})",
                in_list(chunk.len())
            ),
            &q,
        )?;
    }
    Ok(())
}

/// What terminating did.
#[derive(Debug, Clone, Serialize)]
pub struct Terminated {
    pub resolved_item_ids: Vec<String>,
    pub released_item_ids: Vec<String>,
}

/// Gives `items` (key, resolver) the status `status` dated `date`, with its report period.
fn set_status(
    db: &impl Db,
    items: &[(i64, Option<i64>)],
    status: &str,
    date: &str,
    comment: Option<&str>,
    now: &str,
) -> Result<()> {
    let kind = db
        .query("SELECT kind FROM statuses WHERE code = ?", &[status.into()])?
        .map_first(|r| r.parsed(0, "status kind", StatusKind::parse))?
        .ok_or_else(|| StoreError(format!("no status {status:?}")))?;
    let on = settle_domain::dates::parse_date(date).map_err(StoreError)?;
    crate::asof::record_status(db, items, status, kind, on, now)?;
    let keys: Vec<i64> = items.iter().map(|i| i.0).collect();
    update_items(
        db,
        "status_code = ?, status_date = ?, status_comment = ?, updated_at = ?",
        &[status.into(), date.into(), comment.into(), now.into()],
        &keys,
    )
}

/// Terminates a live action: for a dispute follow-up, its open items whose status is of kind
/// `dispute` get `resolved_status` dated `date` (with resolution delays recorded); every item
/// returns to the scenario.
pub fn terminate(
    db: &impl Db,
    a: &ActionView,
    date: &str,
    comment: Option<&str>,
    resolved_status: Option<&str>,
    actor: &str,
    now: &str,
) -> Result<Terminated> {
    let rows = db.query(
        "SELECT i.id, i.erp_id, s.kind, i.status_code, i.open_minor, i.resolver_id FROM items i
         LEFT JOIN statuses s ON s.code = i.status_code WHERE i.action_id = ?
         ORDER BY i.due_date, i.id",
        &[a.id.into()],
    )?;
    let all: Vec<(i64, String)> = rows.map(|r| Ok((r.int(0)?, r.text(1)?)))?;
    let mut disputed: Vec<&Vec<Value>> = Vec::new();
    if a.action_type == ActionType::Dispute {
        for r in &rows.rows {
            if r.opt_text(2)?.as_deref() == Some(StatusKind::Dispute.as_str()) && r.int(4)? > 0 {
                disputed.push(r);
            }
        }
    }
    let mut item_history = Vec::new();
    let mut resolved_ids = Vec::new();
    if let Some(status) = resolved_status.filter(|_| !disputed.is_empty()) {
        let keys: Vec<i64> = map_rows(&disputed, |r| r.int(0))?;
        record_resolutions(db, &keys, date, "terminated", Some(a.id), now)?;
        let with_resolvers: Vec<(i64, Option<i64>)> =
            map_rows(&disputed, |r| Ok((r.int(0)?, r.opt_int(5)?)))?;
        set_status(db, &with_resolvers, status, date, comment, now)?;
        for r in &disputed {
            resolved_ids.push(r.text(1)?);
            item_history.push(history::row(
                r.int(0)?,
                now,
                actor,
                "status_changed",
                json!({"action_id": a.id, "reason": "dispute follow-up terminated",
                       "from": {"status": r.opt_text(3)?}, "to": {"status": status, "date": date}}),
                comment,
            ));
        }
    }
    let keys: Vec<i64> = all.iter().map(|i| i.0).collect();
    update_items(db, "action_id = NULL, updated_at = ?", &[now.into()], &keys)?;
    for (k, _) in &all {
        item_history.push(history::row(
            *k,
            now,
            actor,
            "action_detached",
            json!({"action_id": a.id, "reason": "action terminated"}),
            None,
        ));
    }
    db.query(
        "UPDATE actions SET state = 'done', done_on = ?, done_by = ?, version = version + 1,
             updated_at = ? WHERE id = ?",
        &[date.into(), actor.into(), now.into(), a.id.into()],
    )?;
    insert_item_history(db, &item_history)?;
    let released: Vec<String> = all.into_iter().map(|i| i.1).collect();
    insert_action_history(
        db,
        &[history::row(
            a.id,
            now,
            actor,
            "terminated",
            json!({"date": date, "resolved_item_ids": resolved_ids, "released_item_ids": released}),
            comment,
        )],
    )?;
    Ok(Terminated {
        resolved_item_ids: resolved_ids,
        released_item_ids: released,
    })
}

/// Payments closed these items: record it on the live actions holding them (and the
/// resolution of those in dispute).
pub fn items_paid(db: &impl Db, closed: &[ClosedItem], actor: &str, now: &str) -> Result<()> {
    if closed.is_empty() {
        return Ok(());
    }
    let keys: Vec<i64> = closed.iter().map(|c| c.key).collect();
    let mut held: BTreeMap<i64, i64> = BTreeMap::new();
    for chunk in keys.chunks(rows_per_statement(1)) {
        let r = db.query(
            &format!(
                "SELECT i.id, i.action_id FROM items i JOIN actions a ON a.id = i.action_id
                 WHERE a.state = 'live' AND i.id IN ({})",
                in_list(chunk.len())
            ),
            &chunk.iter().map(|k| Value::from(*k)).collect::<Vec<_>>(),
        )?;
        for row in &r.rows {
            held.insert(row.int(0)?, row.int(1)?);
        }
    }
    let mut history = Vec::new();
    for ClosedItem {
        key,
        id: erp_id,
        closed_on: date,
    } in closed
    {
        record_resolutions(db, &[*key], date, "paid", held.get(key).copied(), now)?;
        if let Some(action) = held.get(key) {
            history.push(history::row(
                *action,
                now,
                actor,
                "item_paid",
                json!({"item_id": erp_id, "closed_on": date}),
                None,
            ));
        }
    }
    insert_action_history(db, &history)
}

/// Items whose dispute case resolved by itself while they stay open (credited, paid or
/// written off): their resolution delay recorded `how`, the resolved `status` (when one is
/// configured) dated `date`, out of the live follow-up holding them and back in the
/// scenario, with history. Answers each item's ERP id, status and resolver before.
#[allow(clippy::too_many_arguments)]
pub fn resolve_items(
    db: &impl Db,
    keys: &[i64],
    date: &str,
    how: &str,
    status: Option<&str>,
    comment: Option<&str>,
    actor: &str,
    now: &str,
) -> Result<Vec<Prior>> {
    let mut rows = Vec::new();
    for chunk in keys.chunks(rows_per_statement(1)) {
        let r = db.query(
            &format!(
                "SELECT i.id, i.erp_id, i.status_code, i.resolver_id, i.action_id, a.state
                 FROM items i LEFT JOIN actions a ON a.id = i.action_id
                 WHERE i.open_minor > 0 AND i.id IN ({})",
                in_list(chunk.len())
            ),
            &chunk.iter().map(|k| Value::from(*k)).collect::<Vec<_>>(),
        )?;
        rows.extend(r.rows);
    }
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<i64> = map_rows(&rows, |r| r.int(0))?;
    let mut by_action: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for r in &rows {
        if let (Some(a), Some("live")) = (r.opt_int(4)?, r.opt_text(5)?.as_deref()) {
            by_action.entry(a).or_default().push(r.int(0)?);
        }
    }
    for (action, items) in &by_action {
        record_resolutions(db, items, date, how, Some(*action), now)?;
    }
    let unheld: Vec<i64> = keys
        .iter()
        .copied()
        .filter(|k| !by_action.values().any(|v| v.contains(k)))
        .collect();
    record_resolutions(db, &unheld, date, how, None, now)?;
    let mut history = Vec::new();
    if let Some(status) = status {
        let with_resolvers: Vec<(i64, Option<i64>)> =
            map_rows(&rows, |r| Ok((r.int(0)?, r.opt_int(3)?)))?;
        set_status(db, &with_resolvers, status, date, comment, now)?;
        for r in &rows {
            history.push(history::row(
                r.int(0)?,
                now,
                actor,
                "status_changed",
                json!({"reason": format!("dispute {how}"),
                       "from": {"status": r.opt_text(2)?}, "to": {"status": status, "date": date}}),
                comment,
            ));
        }
    }
    close_holdings(db, &keys, now)?;
    update_items(db, "action_id = NULL, updated_at = ?", &[now.into()], &keys)?;
    let mut action_history = Vec::new();
    for (action, items) in &by_action {
        let ids: Vec<String> = rows
            .iter()
            .filter(|r| r.int(0).is_ok_and(|k| items.contains(&k)))
            .map(|r| r.text(1))
            .collect::<Result<_>>()?;
        for k in items {
            history.push(history::row(
                *k,
                now,
                actor,
                "action_detached",
                json!({"action_id": action, "reason": format!("dispute {how}")}),
                None,
            ));
        }
        action_history.push(history::row(
            *action,
            now,
            actor,
            "items_detached",
            json!({"item_ids": ids, "reason": format!("dispute {how}")}),
            None,
        ));
    }
    insert_item_history(db, &history)?;
    insert_action_history(db, &action_history)?;
    rows.iter()
        .map(|r| {
            Ok(Prior {
                id: r.text(1)?,
                status_code: r.opt_text(2)?,
                resolver_id: r.opt_int(3)?,
            })
        })
        .collect()
}

/// An item's ERP id, status and resolver before a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prior {
    pub id: String,
    pub status_code: Option<String>,
    pub resolver_id: Option<i64>,
}

/// A recorded resolution delay.
#[derive(Debug, Clone, Serialize)]
pub struct Resolution {
    pub item_id: String,
    pub status: String,
    pub typology: Option<String>,
    pub disputed_on: String,
    pub resolved_on: String,
    pub delay_days: i64,
    pub how: String,
}

/// The resolutions an action's termination (or its items' payments) recorded.
pub fn resolutions(db: &impl Db, action_id: i64) -> Result<Vec<Resolution>> {
    let r = db.query(
        "SELECT i.erp_id, r.status_code, r.typology, r.disputed_on, r.resolved_on, r.delay_days, r.how
         FROM resolutions r JOIN items i ON i.id = r.item_id WHERE r.action_id = ? ORDER BY r.id",
        &[action_id.into()],
    )?;
    r.map(|r| {
        Ok(Resolution {
            item_id: r.text(0)?,
            status: r.text(1)?,
            typology: r.opt_text(2)?,
            disputed_on: r.text(3)?,
            resolved_on: r.text(4)?,
            delay_days: r.int(5)?,
            how: r.text(6)?,
        })
    })
}

/// An item as actions need it.
#[derive(Debug, Clone)]
pub struct ItemRef {
    pub key: i64,
    pub customer_key: i64,
    pub state: ItemState,
    /// The live action holding it.
    pub action_id: Option<i64>,
}

impl From<&ItemRef> for Held {
    fn from(i: &ItemRef) -> Held {
        Held {
            key: i.key,
            id: i.state.id.clone(),
            action_id: i.action_id,
        }
    }
}

/// Items by ERP id, in the order asked; `None` for unknown ids.
pub fn load_items(db: &impl Db, ids: &[String]) -> Result<Vec<Option<ItemRef>>> {
    let keys: Vec<Value> = ids.iter().map(|i| i.as_str().into()).collect();
    let rows = select_in(
        db,
        "SELECT i.id, i.customer_id, c.erp_id, i.open_minor, i.action_id, i.erp_id, i.currency FROM items i
         JOIN customers c ON c.id = i.customer_id WHERE i.erp_id",
        &keys,
    )?;
    let mut by_id: BTreeMap<String, ItemRef> = map_rows(&rows, |r| {
        Ok((
            r.text(5)?,
            ItemRef {
                key: r.int(0)?,
                customer_key: r.int(1)?,
                state: ItemState {
                    id: r.text(5)?,
                    customer_id: r.text(2)?,
                    open: r.int(3)? > 0,
                    open_minor: r.int(3)?,
                    currency: r.text(6)?,
                },
                action_id: r.opt_int(4)?,
            },
        ))
    })?
    .into_iter()
    .collect();
    Ok(ids.iter().map(|id| by_id.remove(id)).collect())
}

/// A live promise to pay, with how many of its items are still open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LivePromise {
    pub id: i64,
    pub customer_key: i64,
    pub due_date: String,
    pub open_items: i64,
}

/// Live promises due before `today`, and those whose items are all paid, whatever their
/// date: the ones a check may end.
pub fn promises_to_check(db: &impl Db, today: &str) -> Result<Vec<LivePromise>> {
    db.query(
        "SELECT a.id, a.customer_id, a.due_date,
                (SELECT count(*) FROM items i WHERE i.action_id = a.id AND i.open_minor > 0) AS open
         FROM actions a
         WHERE a.state = 'live' AND a.type = 'promise'
           AND (a.due_date < ? OR NOT EXISTS (SELECT 1 FROM items i WHERE i.action_id = a.id AND i.open_minor > 0))
         ORDER BY a.due_date, a.id",
        &[today.into()],
    )?
    .map(|r| {
        Ok(LivePromise {
            id: r.int(0)?,
            customer_key: r.int(1)?,
            due_date: r.text(2)?,
            open_items: r.int(3)?,
        })
    })
}

/// Ends a promise: done today with its outcome; its items leave it, back in the reminder
/// scenario (a broken promise's items are chased again), with history.
pub fn end_promise(
    db: &impl Db,
    id: i64,
    outcome: settle_domain::actions::PromiseOutcome,
    today: &str,
    actor: &str,
    now: &str,
) -> Result<Vec<String>> {
    let items = db.query(
        "SELECT id, erp_id FROM items WHERE action_id = ? ORDER BY due_date, id",
        &[id.into()],
    )?;
    let keys = items.ints(0)?;
    let ids = items.texts(1)?;
    close_holdings(db, &keys, now)?;
    update_items(db, "action_id = NULL, updated_at = ?", &[now.into()], &keys)?;
    let event = format!("promise_{}", outcome.as_str());
    insert_item_history(
        db,
        &keys
            .iter()
            .map(|k| {
                history::row(
                    *k,
                    now,
                    actor,
                    "action_detached",
                    json!({"action_id": id, "reason": event}),
                    None,
                )
            })
            .collect::<Vec<_>>(),
    )?;
    db.query(
        "UPDATE actions SET state = 'done', done_on = ?, done_by = ?, promise_outcome = ?,
             version = version + 1, updated_at = ? WHERE id = ?",
        &[
            today.into(),
            actor.into(),
            outcome.as_str().into(),
            now.into(),
            id.into(),
        ],
    )?;
    insert_action_history(
        db,
        &[history::row(
            id,
            now,
            actor,
            &event,
            json!({"date": today, "released_item_ids": ids}),
            None,
        )],
    )?;
    Ok(ids)
}

/// The promises to pay whose outcome was found from `from` to `to` (inclusive): how many
/// were kept and how many broken, of the customers of `f`'s population (entity, collector,
/// customer; a promise has no reason or resolver).
pub fn promise_outcomes(
    db: &impl Db,
    from: &str,
    to: &str,
    f: &settle_domain::reports::Filter,
) -> Result<(u64, u64)> {
    let mut params: Vec<Value> = vec![from.into(), to.into()];
    let mut customers = Vec::new();
    for (column, value) in [
        ("entity", &f.entity),
        ("collector", &f.collector),
        ("erp_id", &f.customer_id),
    ] {
        if let Some(v) = value {
            params.push(v.as_str().into());
            customers.push(format!("{column} = ?{}", params.len()));
        }
    }
    let chosen = if customers.is_empty() {
        String::new()
    } else {
        format!(
            " AND customer_id IN (SELECT id FROM customers WHERE {})",
            customers.join(" AND ")
        )
    };
    let r = db.query(
        &format!(
            "SELECT coalesce(sum(promise_outcome = 'kept'), 0), coalesce(sum(promise_outcome = 'broken'), 0)
             FROM actions WHERE type = 'promise' AND promise_outcome IS NOT NULL
               AND done_on BETWEEN ?1 AND ?2{chosen}"
        ),
        &params,
    )?;
    r.map_first(|r| Ok((r.int(0)? as u64, r.int(1)? as u64)))
        .map(Option::unwrap_or_default)
}

/// A customer's promises to pay: how many were kept, broken, and are running.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PromiseCounts {
    pub kept: i64,
    pub broken: i64,
    pub live: i64,
}

pub fn promise_counts(db: &impl Db, customer_key: i64) -> Result<PromiseCounts> {
    let r = db.query(
        "SELECT coalesce(sum(promise_outcome = 'kept'), 0), coalesce(sum(promise_outcome = 'broken'), 0),
                coalesce(sum(state = 'live'), 0)
         FROM actions WHERE customer_id = ? AND type = 'promise'",
        &[customer_key.into()],
    )?;
    r.map_first(|r| {
        Ok(PromiseCounts {
            kept: r.int(0)?,
            broken: r.int(1)?,
            live: r.int(2)?,
        })
    })
    .map(Option::unwrap_or_default)
}
