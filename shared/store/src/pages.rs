//! What the resolver's and the customer's pages read and write: the thread of a dispute,
//! replies (comments, outcomes, handovers) with their history rows and the "answered" mark
//! on actions, outcomes and dispute reasons, attachment metadata, and the customer's
//! dispute tracker.
//!
//! The rules live in `settle_domain::pages`; writes run inside the caller's transaction.

use serde::Serialize;
use serde_json::json;
use settle_domain::catalog::StatusKind;
use settle_domain::pages::{Outcome, ReasonState};

use crate::history::{self, insert_action_history, insert_item_history};
use crate::sql::{in_list, select_in};
use crate::{Db, Result, RowExt, StoreError, Value};

/// One thing said in a dispute: a comment on its items or its action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreadEntry {
    pub at: String,
    pub actor: String,
    pub event: String,
    pub comment: String,
    /// The numbers of the items it was said on (empty for the action alone).
    pub item_numbers: Vec<String>,
    pub details: serde_json::Value,
}

/// Every comment on `item_keys` and on `action_id`, oldest first; the same words written
/// on several items at once are one entry listing the items.
pub fn thread(db: &impl Db, item_keys: &[i64], action_id: Option<i64>) -> Result<Vec<ThreadEntry>> {
    let keys: Vec<Value> = item_keys.iter().map(|k| (*k).into()).collect();
    let rows = select_in(
        db,
        "SELECT h.id, h.at, h.actor, h.event, h.comment, i.number, h.details
         FROM item_history h JOIN items i ON i.id = h.item_id
         WHERE h.comment IS NOT NULL AND h.comment <> '' AND h.item_id",
        &keys,
    )?;
    let mut rows: Vec<&Vec<Value>> = rows.iter().collect();
    rows.sort_by_key(|r| r.first().and_then(Value::as_i64));
    let mut out: Vec<ThreadEntry> = Vec::new();
    for r in rows {
        let (at, actor, event, comment, number) =
            (r.text(1)?, r.text(2)?, r.text(3)?, r.text(4)?, r.text(5)?);
        match out
            .iter_mut()
            .find(|e| e.at == at && e.actor == actor && e.event == event && e.comment == comment)
        {
            Some(e) => e.item_numbers.push(number),
            None => out.push(ThreadEntry {
                at,
                actor,
                event,
                comment,
                item_numbers: vec![number],
                details: serde_json::from_str(&r.text(6)?).unwrap_or_default(),
            }),
        }
    }
    if let Some(id) = action_id {
        let r = db.query(
            "SELECT at, actor, event, comment, details FROM action_history
             WHERE action_id = ? AND comment IS NOT NULL AND comment <> '' ORDER BY id",
            &[id.into()],
        )?;
        for row in &r.rows {
            let (at, actor, comment) = (row.text(0)?, row.text(1)?, row.text(3)?);
            // Said on the items too: already there.
            if out
                .iter()
                .any(|e| e.at == at && e.actor == actor && e.comment == comment)
            {
                continue;
            }
            out.push(ThreadEntry {
                at,
                actor,
                event: row.text(2)?,
                comment,
                item_numbers: Vec::new(),
                details: serde_json::from_str(&row.text(4)?).unwrap_or_default(),
            });
        }
    }
    out.sort_by(|a, b| a.at.cmp(&b.at));
    Ok(out)
}

/// Something written from a page on a dispute's items and action.
#[derive(Debug, Clone)]
pub struct Reply<'a> {
    pub item_keys: &'a [i64],
    pub action_id: Option<i64>,
    pub actor: &'a str,
    /// `comment`, `outcome`, `attachment`, `handover`.
    pub event: &'a str,
    pub details: serde_json::Value,
    pub comment: Option<&'a str>,
}

/// Appends the reply to the history of every item and of the action, and marks the action
/// answered (`last_reply_at`, `last_reply_by`) so the agenda shows it.
pub fn record_reply(db: &impl Db, r: &Reply, now: &str) -> Result<()> {
    let rows: Vec<Vec<Value>> = r
        .item_keys
        .iter()
        .map(|k| history::row(*k, now, r.actor, r.event, r.details.clone(), r.comment))
        .collect();
    insert_item_history(db, &rows)?;
    if let Some(id) = r.action_id {
        insert_action_history(
            db,
            &[history::row(
                id,
                now,
                r.actor,
                r.event,
                r.details.clone(),
                r.comment,
            )],
        )?;
        mark_answered(db, &[id], r.actor, now)?;
    }
    Ok(())
}

/// Marks live actions as answered by `actor` at `now`.
pub fn mark_answered(db: &impl Db, action_ids: &[i64], actor: &str, now: &str) -> Result<()> {
    if action_ids.is_empty() {
        return Ok(());
    }
    let mut params: Vec<Value> = vec![now.into(), actor.into()];
    params.extend(action_ids.iter().map(|id| Value::from(*id)));
    db.query(
        &format!(
            "UPDATE actions SET last_reply_at = ?, last_reply_by = ? WHERE state = 'live' AND id IN ({})",
            in_list(action_ids.len())
        ),
        &params,
    )?;
    Ok(())
}

/// The live actions holding any of `item_keys`.
pub fn live_actions_holding(db: &impl Db, item_keys: &[i64]) -> Result<Vec<i64>> {
    let keys: Vec<Value> = item_keys.iter().map(|k| (*k).into()).collect();
    let rows = select_in(
        db,
        "SELECT DISTINCT a.id FROM items i JOIN actions a ON a.id = i.action_id
         WHERE a.state = 'live' AND i.id",
        &keys,
    )?;
    let mut ids: Vec<i64> = rows.iter().map(|r| r.int(0)).collect::<Result<_>>()?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// For each item (by key): the live dispute-kind action holding it, if any, and whether its
/// status is of the dispute kind (what a customer's new dispute post is checked against).
pub fn dispute_holds(db: &impl Db, item_keys: &[i64]) -> Result<Vec<(i64, Option<i64>, bool)>> {
    let keys: Vec<Value> = item_keys.iter().map(|k| (*k).into()).collect();
    let rows = select_in(
        db,
        "SELECT i.id, CASE WHEN a.state = 'live' AND a.type = 'dispute' THEN a.id END,
                coalesce(s.kind = 'dispute', 0)
         FROM items i LEFT JOIN actions a ON a.id = i.action_id
         LEFT JOIN statuses s ON s.code = i.status_code WHERE i.id",
        &keys,
    )?;
    rows.iter()
        .map(|r| Ok((r.int(0)?, r.opt_int(1)?, r.int(2)? != 0)))
        .collect()
}

/// Hands the dispute to another resolver: the action and its open items change resolver.
pub fn handover(db: &impl Db, action_id: Option<i64>, item_keys: &[i64], to: i64) -> Result<()> {
    if let Some(id) = action_id {
        db.query(
            "UPDATE actions SET resolver_id = ?, version = version + 1 WHERE id = ? AND state = 'live'",
            &[to.into(), id.into()],
        )?;
    }
    if !item_keys.is_empty() {
        let mut params: Vec<Value> = vec![to.into()];
        params.extend(item_keys.iter().map(|k| Value::from(*k)));
        db.query(
            &format!(
                "UPDATE items SET resolver_id = ? WHERE open_minor > 0
                   AND status_code IN (SELECT code FROM statuses WHERE kind = 'dispute')
                   AND id IN ({})",
                in_list(item_keys.len())
            ),
            &params,
        )?;
    }
    Ok(())
}

/// The outcomes a resolver may propose, in their order.
pub fn outcomes(db: &impl Db) -> Result<Vec<Outcome>> {
    let r = db.query(
        "SELECT code, label, active FROM outcomes ORDER BY position, code",
        &[],
    )?;
    r.map(outcome_row)
}

fn outcome_row(row: &[Value]) -> Result<Outcome> {
    Ok(Outcome {
        code: row.text(0)?,
        label: row.text(1)?,
        active: row.int(2)? != 0,
    })
}

/// One configured outcome.
pub fn outcome(db: &impl Db, code: &str) -> Result<Option<Outcome>> {
    let r = db.query(
        "SELECT code, label, active FROM outcomes WHERE code = ?",
        &[code.into()],
    )?;
    r.map_first(outcome_row)
}

/// Creates (at the end of the list) or updates an outcome.
pub fn save_outcome(db: &impl Db, o: &Outcome) -> Result<()> {
    db.query(
        "INSERT INTO outcomes (code, label, active, position)
         VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM outcomes))
         ON CONFLICT (code) DO UPDATE SET label = excluded.label, active = excluded.active",
        &[
            o.code.as_str().into(),
            o.label.as_str().into(),
            o.active.into(),
        ],
    )?;
    Ok(())
}

/// A dispute reason with its stored labels (JSON, per language).
#[derive(Debug, Clone)]
pub struct Reason {
    pub state: ReasonState,
    pub labels: String,
}

/// Every status, as the customer's dispute rule sees them, in catalogue order.
pub fn reasons(db: &impl Db) -> Result<Vec<Reason>> {
    let r = db.query(
        "SELECT code, kind, active, customer_selectable, labels FROM statuses ORDER BY position, code",
        &[],
    )?;
    r.rows
        .iter()
        .map(|row| {
            Ok(Reason {
                state: ReasonState {
                    code: row.text(0)?,
                    kind: row.parsed(1, "status kind", StatusKind::parse)?,
                    active: row.int(2)? != 0,
                    customer_selectable: row.int(3)? != 0,
                },
                labels: row.text(4)?,
            })
        })
        .collect()
}

/// The first active status of `kind` (the customer's promise and payment notice use it).
pub fn status_of_kind(db: &impl Db, code: &str, kind: StatusKind) -> Result<Option<String>> {
    let r = db.query(
        "SELECT code FROM statuses WHERE active = 1 AND kind = ? ORDER BY code = ? DESC, position LIMIT 1",
        &[kind.as_str().into(), code.into()],
    )?;
    r.map_first(|row| row.text(0))
}

// ---- attachments ----

/// An attachment's metadata; its bytes are in the key-value store under `blob_key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub id: i64,
    #[serde(skip)]
    pub blob_key: String,
    #[serde(skip)]
    pub customer_key: i64,
    pub status_change_id: Option<i64>,
    pub action_id: Option<i64>,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub at: String,
    /// The link it was uploaded through.
    #[serde(skip)]
    pub link_id: Option<i64>,
}

pub fn save_attachment(db: &impl Db, a: &Attachment) -> Result<i64> {
    let r = db.query(
        "INSERT INTO attachments (blob_key, customer_id, status_change_id, action_id, filename,
                                  content_type, size, sha256, uploaded_by, at, link_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            a.blob_key.as_str().into(),
            a.customer_key.into(),
            a.status_change_id.into(),
            a.action_id.into(),
            a.filename.as_str().into(),
            a.content_type.as_str().into(),
            a.size.into(),
            a.sha256.as_str().into(),
            a.uploaded_by.as_str().into(),
            a.at.as_str().into(),
            a.link_id.into(),
        ],
    )?;
    r.single_int()
}

/// The bytes uploaded through a link so far.
pub fn bytes_by_link(db: &impl Db, link_id: i64) -> Result<i64> {
    db.query(
        "SELECT coalesce(sum(size), 0) FROM attachments WHERE link_id = ?",
        &[link_id.into()],
    )?
    .single_int()
}

/// The bytes attached to a dispute so far: to its status change or its action.
pub fn bytes_by_dispute(
    db: &impl Db,
    status_change_id: Option<i64>,
    action_id: Option<i64>,
) -> Result<i64> {
    db.query(
        "SELECT coalesce(sum(size), 0) FROM attachments
         WHERE (?1 IS NOT NULL AND status_change_id = ?1) OR (?2 IS NOT NULL AND action_id = ?2)",
        &[status_change_id.into(), action_id.into()],
    )?
    .single_int()
}

const ATTACHMENT_COLUMNS: &str = "id, blob_key, customer_id, status_change_id, action_id, filename,
    content_type, size, sha256, uploaded_by, at, link_id";

fn attachment_row(row: &[Value]) -> Result<Attachment> {
    Ok(Attachment {
        id: row.int(0)?,
        blob_key: row.text(1)?,
        customer_key: row.int(2)?,
        status_change_id: row.opt_int(3)?,
        action_id: row.opt_int(4)?,
        filename: row.text(5)?,
        content_type: row.text(6)?,
        size: row.int(7)?,
        sha256: row.text(8)?,
        uploaded_by: row.text(9)?,
        at: row.text(10)?,
        link_id: row.opt_int(11)?,
    })
}

pub fn attachment(db: &impl Db, id: i64) -> Result<Option<Attachment>> {
    let r = db.query(
        &format!("SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE id = ?"),
        &[id.into()],
    )?;
    r.map_first(attachment_row)
}

/// A customer's attachments: those of a dispute (its status change or action) when given,
/// or those uploaded by `uploaded_by`; oldest first.
pub fn attachments(
    db: &impl Db,
    customer_key: i64,
    status_change_id: Option<i64>,
    action_id: Option<i64>,
    uploaded_by: Option<&str>,
) -> Result<Vec<Attachment>> {
    let r = db.query(
        &format!(
            "SELECT {ATTACHMENT_COLUMNS} FROM attachments
             WHERE customer_id = ?
               AND ((? IS NOT NULL AND status_change_id = ?) OR (? IS NOT NULL AND action_id = ?)
                    OR (? IS NOT NULL AND uploaded_by = ?))
             ORDER BY id"
        ),
        &[
            customer_key.into(),
            status_change_id.into(),
            status_change_id.into(),
            action_id.into(),
            action_id.into(),
            uploaded_by.map(str::to_string).into(),
            uploaded_by.map(str::to_string).into(),
        ],
    )?;
    r.rows.iter().map(|row| attachment_row(row)).collect()
}

// ---- the customer's tracker ----

/// One dispute the customer can follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackedDispute {
    pub status_change_id: i64,
    pub status: String,
    pub labels: String,
    pub opened_on: String,
    pub item_numbers: Vec<String>,
    /// Items of this dispute still open and still in a dispute status.
    pub still_disputed: usize,
    /// Someone wrote on its action since it was opened.
    pub replied: bool,
    /// The last date one of its items left the dispute (paid, requalified or terminated).
    pub resolved_on: Option<String>,
}

/// The customer's disputes, newest first: status changes into a dispute status.
pub fn tracker(db: &impl Db, customer_key: i64) -> Result<Vec<TrackedDispute>> {
    let r = db.query(
        "SELECT sc.id, sc.status_code, s.labels, sc.status_date,
                (SELECT group_concat(i.number, char(31)) FROM status_change_items x
                   JOIN items i ON i.id = x.item_id WHERE x.status_change_id = sc.id),
                (SELECT count(*) FROM status_change_items x JOIN items i ON i.id = x.item_id
                   JOIN statuses si ON si.code = i.status_code
                  WHERE x.status_change_id = sc.id AND i.open_minor > 0 AND si.kind = 'dispute'),
                (SELECT a.last_reply_at IS NOT NULL FROM actions a WHERE a.id = sc.action_id),
                (SELECT max(r.resolved_on) FROM resolutions r JOIN status_change_items x
                   ON x.item_id = r.item_id WHERE x.status_change_id = sc.id AND r.at >= sc.at)
         FROM status_changes sc JOIN statuses s ON s.code = sc.status_code
         WHERE sc.customer_id = ? AND s.kind = 'dispute'
         ORDER BY sc.id DESC LIMIT 200",
        &[customer_key.into()],
    )?;
    r.rows
        .iter()
        .map(|row| {
            Ok(TrackedDispute {
                status_change_id: row.int(0)?,
                status: row.text(1)?,
                labels: row.text(2)?,
                opened_on: row.text(3)?,
                item_numbers: row
                    .opt_text(4)?
                    .map(|s| s.split('\u{1f}').map(str::to_string).collect())
                    .unwrap_or_default(),
                still_disputed: usize::try_from(row.int(5)?)
                    .map_err(|_| StoreError("negative count".into()))?,
                replied: row.opt_int(6)?.unwrap_or(0) != 0,
                resolved_on: row.opt_text(7)?,
            })
        })
        .collect()
}

/// What the customer wrote (comments and requests), newest first.
pub fn customer_messages(db: &impl Db, customer_key: i64, actor: &str) -> Result<Vec<ThreadEntry>> {
    let r = db.query(
        "SELECT h.id, h.at, h.actor, h.event, h.comment, i.number, h.details
         FROM item_history h JOIN items i ON i.id = h.item_id
         WHERE i.customer_id = ? AND h.actor = ? AND h.comment IS NOT NULL AND h.comment <> ''
         ORDER BY h.id DESC LIMIT 500",
        &[customer_key.into(), actor.into()],
    )?;
    let mut out: Vec<ThreadEntry> = Vec::new();
    for row in &r.rows {
        let (at, event, comment, number) = (row.text(1)?, row.text(3)?, row.text(4)?, row.text(5)?);
        match out
            .iter_mut()
            .find(|e| e.at == at && e.event == event && e.comment == comment)
        {
            Some(e) => e.item_numbers.push(number),
            None => out.push(ThreadEntry {
                at,
                actor: row.text(2)?,
                event,
                comment,
                item_numbers: vec![number],
                details: json!({}),
            }),
        }
    }
    Ok(out)
}
