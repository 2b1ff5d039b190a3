//! Status changes and specific actions: qualifying items (step 1), creating the follow-up
//! action that holds them (step 3), and reading both back.
//!
//! The rules live in `settle_domain::status_change`; this module loads what they need
//! ([`load_targets`]), then writes the checked plan ([`apply`]) with history rows on every
//! item and action touched. Callers run [`apply`] inside one transaction.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;
use settle_domain::actions::ActionModel;
use settle_domain::catalog::StatusKind;
use settle_domain::dates::format_date;
use settle_domain::status_change::{Found, ItemState, Plan, ResolverState, StatusChangeIn};

use crate::config::{self, StatusConfig};
use crate::history::{self, insert_item_history};
use crate::sql::{insert_many, rows_per_statement, select_in};
use crate::{Db, Result, RowExt, StoreError, Value};

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
    /// What its open dispute case disputes (0: none).
    pub disputed_minor: i64,
}

/// What a status change needs from the store.
pub struct Targets {
    /// One per requested id, in order.
    pub items: Vec<Option<TargetItem>>,
    pub status: Option<StatusConfig>,
    pub model: Option<ActionModel>,
    pub resolvers: Vec<ResolverState>,
}

impl Targets {
    /// The items as the rules see them, in request order (`None` for unknown ids).
    pub fn item_states(&self) -> Vec<Option<ItemState>> {
        self.items
            .iter()
            .map(|t| t.as_ref().map(|t| t.state.clone()))
            .collect()
    }

    /// What the rules check against; `states` is [`Targets::item_states`].
    pub fn found<'a>(&'a self, states: &'a [Option<ItemState>]) -> Found<'a> {
        Found {
            items: states,
            status: self.status.as_ref().map(|s| &s.status),
            model: self.model.as_ref(),
            resolvers: &self.resolvers,
        }
    }
}

impl From<&TargetItem> for Held {
    fn from(i: &TargetItem) -> Held {
        Held {
            key: i.key,
            id: i.state.id.clone(),
            action_id: i.action_id,
        }
    }
}

pub fn load_targets(db: &impl Db, input: &StatusChangeIn) -> Result<Targets> {
    let ids: Vec<Value> = input.item_ids.iter().map(|i| i.as_str().into()).collect();
    let rows = select_in(
        db,
        "SELECT i.id, i.erp_id, i.customer_id, c.erp_id, i.open_minor, i.status_code, i.status_date,
                i.resolver_id, i.action_id, i.currency, i.disputed_minor
         FROM items i JOIN customers c ON c.id = i.customer_id WHERE i.erp_id",
        &ids,
    )?;
    let mut by_id: BTreeMap<String, TargetItem> = rows
        .iter()
        .map(|r| {
            Ok({
                (
                    r.text(1)?,
                    TargetItem {
                        key: r.int(0)?,
                        customer_key: r.int(2)?,
                        state: ItemState {
                            id: r.text(1)?,
                            customer_id: r.text(3)?,
                            open: r.int(4)? > 0,
                            open_minor: r.int(4)?,
                            currency: r.text(9)?,
                        },
                        status_code: r.opt_text(5)?,
                        status_date: r.opt_text(6)?,
                        resolver_id: r.opt_int(7)?,
                        action_id: r.opt_int(8)?,
                        disputed_minor: r.int(10)?,
                    },
                )
            })
        })
        .collect::<crate::Result<_>>()?;
    let items = input.item_ids.iter().map(|id| by_id.remove(id)).collect();
    let status = config::status_to_apply(db, &input.status)?;
    let model = match status.as_ref().and_then(|s| s.action_model.as_deref()) {
        Some(code) => config::action_model(db, code)?.filter(|m| m.active),
        None => None,
    };
    let mut wanted: Vec<i64> = input.resolver_id.into_iter().collect();
    if let settle_domain::status_change::NextAction::Explicit(a) = &input.next_action {
        wanted.extend(a.resolver_id);
    }
    let resolvers = config::resolver_states(db, &wanted)?;
    Ok(Targets {
        items,
        status,
        model,
        resolvers,
    })
}

pub use crate::actions::{ActionView, Held, Moved, action};

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
    let change_id = r.single_int()?;

    let model = plan.action.as_ref().and_then(|a| {
        targets
            .model
            .as_ref()
            .filter(|m| m.action_type == a.action_type && m.name == a.name)
            .map(|m| m.code.as_str())
    });
    let action_id = match &plan.action {
        Some(a) => Some(crate::actions::insert_action(
            db,
            customer_key,
            a,
            model,
            actor,
            now,
        )?),
        None => None,
    };
    let keys: Vec<i64> = items.iter().map(|i| i.key).collect();
    if plan.kind != StatusKind::Dispute {
        crate::actions::record_resolutions(db, &keys, &status_date, "requalified", None, now)?;
    }
    let is_dispute = plan.kind == StatusKind::Dispute;
    for chunk in keys.chunks(rows_per_statement(1) - 10) {
        let mut params: Vec<Value> = vec![
            input.status.as_str().into(),
            status_date.as_str().into(),
            comment.into(),
            input.resolver_id.into(),
            is_dispute.into(),
            status_date.as_str().into(),
            action_id.into(),
            now.into(),
        ];
        params.extend(chunk.iter().map(|k| Value::from(*k)));
        db.query(
            &format!(
                "UPDATE items SET status_code = ?, status_date = ?, status_comment = ?,
                     resolver_id = coalesce(?, resolver_id),
                     disputed_since = CASE WHEN ? THEN coalesce(disputed_since, ?) END,
                     action_id = coalesce(?, action_id), updated_at = ?
                 WHERE id IN ({})",
                vec!["?"; chunk.len()].join(", ")
            ),
            &params,
        )?;
    }
    let with_resolvers: Vec<(i64, Option<i64>)> = items
        .iter()
        .map(|i| (i.key, input.resolver_id.or(i.resolver_id)))
        .collect();
    crate::asof::record_status(
        db,
        &with_resolvers,
        &input.status,
        plan.kind,
        plan.status_date,
        now,
    )?;
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
    let history: Vec<Vec<Value>> = items
        .iter()
        .map(|i| {
            history::row(
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
    if let (Some(a), Some(action_id)) = (&plan.action, action_id) {
        let held: Vec<Held> = items.iter().copied().map(Held::from).collect();
        let created =
            crate::actions::attached(db, action_id, a, model, &held, Some(change_id), actor, now)?;
        db.query(
            "UPDATE status_changes SET action_id = ? WHERE id = ?",
            &[created.action_id.into(), change_id.into()],
        )?;
        applied.action_id = Some(created.action_id);
        applied.moved = created.moved;
        applied.emptied_actions = created.emptied_actions;
    }
    insert_item_history(db, &history)?;
    Ok(applied)
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

pub fn read(db: &impl Db, id: i64) -> Result<Option<StatusChangeView>> {
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
        id: row.int(0)?,
        customer_id: row.text(1)?,
        status: row.text(2)?,
        status_date: row.text(3)?,
        comment: row.opt_text(4)?,
        resolver_id: row.opt_int(5)?,
        action_id: row.opt_int(6)?,
        actor: row.text(7)?,
        at: row.text(8)?,
        customer_key: row.int(9)?,
        item_keys: items.ints(0)?,
        item_ids: items.texts(1)?,
    }))
}
