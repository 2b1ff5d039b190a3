//! Status changes and specific actions: qualifying items (step 1), creating the follow-up
//! action that holds them (step 3), and reading both back.
//!
//! The rules live in `settle_domain::qualify`; this module loads what they need
//! ([`load_targets`]), then writes the checked plan ([`apply`]) with history rows on every
//! item and action touched. Callers run [`apply`] inside one transaction.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;
use settle_domain::actions::ActionModel;
use settle_domain::dates::format_date;
use settle_domain::qualify::{ItemState, Plan, ResolverState, StatusChangeIn};

use crate::config::{self, StatusConfig};
use crate::ledger::{history_row, insert_history, insert_many, select_in};
use crate::{Db, Result, RowExt, StoreError, Value, rows_per_statement};

/// An item of a status change as loaded.
#[derive(Debug, Clone)]
pub struct TargetItem {
    pub key: i64,
    pub customer_key: i64,
    pub state: ItemState,
    pub status_code: Option<String>,
    pub status_date: Option<String>,
    pub resolver_id: Option<i64>,
    /// The live action holding it, if any.
    pub action_id: Option<i64>,
}

/// What a status change needs from the store.
pub struct Targets {
    /// One per requested id, in order.
    pub items: Vec<Option<TargetItem>>,
    pub status: Option<StatusConfig>,
    pub model: Option<ActionModel>,
    pub resolvers: Vec<ResolverState>,
}

pub fn load_targets(db: &impl Db, input: &StatusChangeIn) -> Result<Targets> {
    let ids: Vec<Value> = input.item_ids.iter().map(|i| i.as_str().into()).collect();
    let rows = select_in(
        db,
        "SELECT i.id, i.erp_id, i.customer_id, c.erp_id, i.open_minor, i.status_code, i.status_date,
                i.resolver_id, i.action_id
         FROM items i JOIN customers c ON c.id = i.customer_id WHERE i.erp_id",
        &ids,
    )?;
    let mut by_id: BTreeMap<String, TargetItem> = rows
        .iter()
        .map(|r| {
            (
                r.text(1),
                TargetItem {
                    key: r.int(0),
                    customer_key: r.int(2),
                    state: ItemState {
                        id: r.text(1),
                        customer_id: r.text(3),
                        open: r.int(4) > 0,
                    },
                    status_code: r.opt_text(5),
                    status_date: r.opt_text(6),
                    resolver_id: r.opt_int(7),
                    action_id: r.opt_int(8),
                },
            )
        })
        .collect();
    let items = input.item_ids.iter().map(|id| by_id.remove(id)).collect();
    let status = config::status(db, &input.status)?;
    let model = match status.as_ref().and_then(|s| s.action_model.as_deref()) {
        Some(code) => config::action_model(db, code)?.filter(|m| m.active),
        None => None,
    };
    let mut wanted: Vec<i64> = input.resolver_id.into_iter().collect();
    if let settle_domain::qualify::NextAction::Explicit(a) = &input.next_action {
        wanted.extend(a.resolver_id);
    }
    let mut resolvers = Vec::new();
    for id in wanted {
        if let Some(r) = config::resolver(db, id)? {
            resolvers.push(ResolverState {
                id,
                active: r.active,
            });
        }
    }
    Ok(Targets {
        items,
        status,
        model,
        resolvers,
    })
}

/// A specific action as shown by the API.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActionView {
    pub id: i64,
    pub customer_id: String,
    #[serde(rename = "type")]
    pub action_type: String,
    pub name: String,
    pub model: Option<String>,
    pub date: String,
    pub resolver: Option<crate::ledger::ResolverRef>,
    pub comment: Option<String>,
    pub state: String,
    pub item_ids: Vec<String>,
    pub version: i64,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
}

pub fn action(db: &impl Db, id: i64) -> Result<Option<ActionView>> {
    let r = db.query(
        "SELECT a.id, c.erp_id, a.type, a.name, a.model, a.due_date, a.resolver_id, r.name, a.comment,
                a.state, a.version, a.created_at, a.created_by, a.updated_at
         FROM actions a JOIN customers c ON c.id = a.customer_id
         LEFT JOIN resolvers r ON r.id = a.resolver_id WHERE a.id = ?",
        &[id.into()],
    )?;
    let Some(row) = r.first() else {
        return Ok(None);
    };
    let items = db.query(
        "SELECT erp_id FROM items WHERE action_id = ? ORDER BY due_date, id",
        &[id.into()],
    )?;
    Ok(Some(ActionView {
        id: row.int(0),
        customer_id: row.text(1),
        action_type: row.text(2),
        name: row.text(3),
        model: row.opt_text(4),
        date: row.text(5),
        resolver: row.opt_int(6).map(|id| crate::ledger::ResolverRef {
            id,
            name: row.text(7),
        }),
        comment: row.opt_text(8),
        state: row.text(9),
        item_ids: items.rows.iter().map(|r| r.text(0)).collect(),
        version: row.int(10),
        created_at: row.text(11),
        created_by: row.text(12),
        updated_at: row.text(13),
    }))
}

/// Items that left another live action for the new one.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Moved {
    pub item_id: String,
    pub from_action_id: i64,
}

/// What a status change wrote.
#[derive(Debug, Clone)]
pub struct Applied {
    pub status_change_id: i64,
    pub item_keys: Vec<i64>,
    pub action_id: Option<i64>,
    pub moved: Vec<Moved>,
    /// Live actions left holding no item by the move (they stay live until terminated).
    pub emptied_actions: Vec<i64>,
}

/// Writes a checked status change: the items' status, date, comment and resolver (kept when
/// none is given), a history row per item, the status change record, and the planned
/// action with the items moved into it.
pub fn apply(
    db: &impl Db,
    input: &StatusChangeIn,
    plan: &Plan,
    targets: &Targets,
    actor: &str,
    now: &str,
) -> Result<Applied> {
    let items: Vec<&TargetItem> = targets.items.iter().flatten().collect();
    let customer_key = items
        .first()
        .map(|i| i.customer_key)
        .ok_or_else(|| StoreError("a status change without items".into()))?;
    let status_date = format_date(plan.status_date);
    let comment = input.comment.as_deref();
    let r = db.query(
        "INSERT INTO status_changes (customer_id, status_code, status_date, comment, resolver_id, actor, at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            customer_key.into(),
            input.status.as_str().into(),
            status_date.as_str().into(),
            comment.into(),
            input.resolver_id.into(),
            actor.into(),
            now.into(),
        ],
    )?;
    let change_id = r
        .first()
        .map(|r| r.int(0))
        .ok_or_else(|| StoreError("insert returned nothing".into()))?;

    let keys: Vec<Value> = items.iter().map(|i| i.key.into()).collect();
    for chunk in keys.chunks(rows_per_statement(1) - 8) {
        let mut params: Vec<Value> = vec![
            input.status.as_str().into(),
            status_date.as_str().into(),
            comment.into(),
            input.resolver_id.into(),
            now.into(),
        ];
        params.extend(chunk.iter().cloned());
        db.query(
            &format!(
                "UPDATE items SET status_code = ?, status_date = ?, status_comment = ?,
                     resolver_id = coalesce(?, resolver_id), updated_at = ?
                 WHERE id IN ({})",
                vec!["?"; chunk.len()].join(", ")
            ),
            &params,
        )?;
    }
    insert_many(
        db,
        "INSERT INTO status_change_items (status_change_id, item_id)",
        "",
        2,
        &items
            .iter()
            .map(|i| vec![change_id.into(), i.key.into()])
            .collect::<Vec<_>>(),
    )?;
    let mut history: Vec<Vec<Value>> = items
        .iter()
        .map(|i| {
            history_row(
                i.key,
                now,
                actor,
                "status_changed",
                json!({
                    "status_change_id": change_id,
                    "from": {"status": i.status_code, "date": i.status_date, "resolver_id": i.resolver_id},
                    "to": {"status": input.status, "date": status_date,
                           "resolver_id": input.resolver_id.or(i.resolver_id)},
                }),
                comment,
            )
        })
        .collect();

    let mut applied = Applied {
        status_change_id: change_id,
        item_keys: items.iter().map(|i| i.key).collect(),
        action_id: None,
        moved: Vec::new(),
        emptied_actions: Vec::new(),
    };
    if let Some(a) = &plan.action {
        let model = targets
            .model
            .as_ref()
            .filter(|m| m.action_type == a.action_type && m.name == a.name)
            .map(|m| m.code.as_str());
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
        let action_id = r
            .first()
            .map(|r| r.int(0))
            .ok_or_else(|| StoreError("insert returned nothing".into()))?;
        applied.action_id = Some(action_id);
        db.query(
            "UPDATE status_changes SET action_id = ? WHERE id = ?",
            &[action_id.into(), change_id.into()],
        )?;
        for chunk in keys.chunks(rows_per_statement(1) - 8) {
            let mut params: Vec<Value> = vec![action_id.into(), now.into()];
            params.extend(chunk.iter().cloned());
            db.query(
                &format!(
                    "UPDATE items SET action_id = ?, updated_at = ? WHERE id IN ({})",
                    vec!["?"; chunk.len()].join(", ")
                ),
                &params,
            )?;
        }
        let mut from: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        for i in &items {
            if let Some(old) = i.action_id {
                from.entry(old).or_default().push(i.state.id.clone());
                applied.moved.push(Moved {
                    item_id: i.state.id.clone(),
                    from_action_id: old,
                });
            }
            history.push(history_row(
                i.key,
                now,
                actor,
                "action_attached",
                json!({"action_id": action_id, "from_action_id": i.action_id}),
                None,
            ));
        }
        let mut action_history = vec![action_history_row(
            action_id,
            now,
            actor,
            "created",
            json!({
                "type": a.action_type, "name": a.name, "date": format_date(a.date),
                "resolver_id": a.resolver_id, "model": model, "status_change_id": change_id,
                "item_ids": items.iter().map(|i| &i.state.id).collect::<Vec<_>>(),
                "moved_from": from.keys().collect::<Vec<_>>(),
            }),
            a.comment.as_deref(),
        )];
        for (old, ids) in &from {
            action_history.push(action_history_row(
                *old,
                now,
                actor,
                "items_moved_out",
                json!({"item_ids": ids, "to_action_id": action_id}),
                None,
            ));
            let left = db.query(
                "SELECT count(*) FROM items WHERE action_id = ?",
                &[(*old).into()],
            )?;
            if left.first().is_some_and(|r| r.int(0) == 0) {
                applied.emptied_actions.push(*old);
            }
        }
        insert_action_history(db, &action_history)?;
    }
    insert_history(db, &history)?;
    Ok(applied)
}

pub fn action_history_row(
    action_id: i64,
    at: &str,
    actor: &str,
    event: &str,
    details: serde_json::Value,
    comment: Option<&str>,
) -> Vec<Value> {
    history_row(action_id, at, actor, event, details, comment)
}

pub fn insert_action_history(db: &impl Db, rows: &[Vec<Value>]) -> Result<()> {
    insert_many(
        db,
        "INSERT INTO action_history (action_id, at, actor, event, details, comment)",
        "",
        6,
        rows,
    )?;
    Ok(())
}

/// A status change as recorded.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatusChangeView {
    pub id: i64,
    pub customer_id: String,
    pub status: String,
    pub status_date: String,
    pub comment: Option<String>,
    pub resolver_id: Option<i64>,
    pub action_id: Option<i64>,
    pub item_ids: Vec<String>,
    pub actor: String,
    pub at: String,
    #[serde(skip)]
    pub customer_key: i64,
    #[serde(skip)]
    pub item_keys: Vec<i64>,
}

pub fn status_change(db: &impl Db, id: i64) -> Result<Option<StatusChangeView>> {
    let r = db.query(
        "SELECT s.id, c.erp_id, s.status_code, s.status_date, s.comment, s.resolver_id, s.action_id,
                s.actor, s.at, s.customer_id
         FROM status_changes s JOIN customers c ON c.id = s.customer_id WHERE s.id = ?",
        &[id.into()],
    )?;
    let Some(row) = r.first() else {
        return Ok(None);
    };
    let items = db.query(
        "SELECT i.id, i.erp_id FROM status_change_items s JOIN items i ON i.id = s.item_id
         WHERE s.status_change_id = ? ORDER BY i.due_date, i.id",
        &[id.into()],
    )?;
    Ok(Some(StatusChangeView {
        id: row.int(0),
        customer_id: row.text(1),
        status: row.text(2),
        status_date: row.text(3),
        comment: row.opt_text(4),
        resolver_id: row.opt_int(5),
        action_id: row.opt_int(6),
        actor: row.text(7),
        at: row.text(8),
        customer_key: row.int(9),
        item_keys: items.rows.iter().map(|r| r.int(0)).collect(),
        item_ids: items.rows.iter().map(|r| r.text(1)).collect(),
    }))
}
