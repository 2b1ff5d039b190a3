//! Outbound webhooks: endpoints, the events written with the changes that caused them, and
//! their deliveries (pending, delivered, failed) with every attempt.
//!
//! Delivery order: a delivery is due when its time has come and no earlier delivery of the
//! same endpoint and ordering key (the customer: every event of a dispute has the same) is
//! still pending, so the events of one dispute reach an endpoint in order. One that failed
//! for good no longer holds the others back. A delivery being attempted is *claimed* (its
//! next attempt moved past the attempt's timeout), so two instances never send it at once,
//! and one that dies mid-attempt leaves it due again once the claim runs out.

use serde::Serialize;

use crate::sql::select_in;
use crate::{Db, Result, RowExt, StoreError, Value};

/// A subscription. The secrets are never serialized: the API shows a secret once, when it
/// is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Endpoint {
    pub id: i64,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<String>,
    pub enabled: bool,
    /// Until when the secret replaced by the last rotation still signs.
    pub previous_secret_until: Option<String>,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    pub updated_by: String,
    #[serde(skip)]
    pub secret: String,
    #[serde(skip)]
    pub previous_secret: Option<String>,
}

const ENDPOINT: &str = "SELECT id, url, description, events, enabled, previous_until, created_at,
    created_by, updated_at, updated_by, secret, previous_secret FROM webhook_endpoints";

fn endpoint_row(r: &[Value]) -> Result<Endpoint> {
    Ok(Endpoint {
        id: r.int(0)?,
        url: r.text(1)?,
        description: r.opt_text(2)?,
        events: serde_json::from_str(&r.text(3)?)
            .map_err(|e| StoreError(format!("webhook_endpoints.events: {e}")))?,
        enabled: r.int(4)? == 1,
        previous_secret_until: r.opt_text(5)?,
        created_at: r.text(6)?,
        created_by: r.text(7)?,
        updated_at: r.text(8)?,
        updated_by: r.text(9)?,
        secret: r.text(10)?,
        previous_secret: r.opt_text(11)?,
    })
}

/// What [`create_endpoint`] writes.
pub struct NewEndpoint<'a> {
    pub url: &'a str,
    pub description: Option<&'a str>,
    pub events: &'a [String],
    pub enabled: bool,
    pub secret: &'a str,
}

pub fn create_endpoint(db: &impl Db, e: &NewEndpoint, actor: &str, now: &str) -> Result<i64> {
    db.query(
        "INSERT INTO webhook_endpoints (url, description, events, enabled, secret, created_at,
             created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            e.url.into(),
            e.description.into(),
            serde_json::to_string(e.events).unwrap_or_default().into(),
            e.enabled.into(),
            e.secret.into(),
            now.into(),
            actor.into(),
            now.into(),
            actor.into(),
        ],
    )?
    .single_int()
}

/// An endpoint that was not deleted.
pub fn endpoint(db: &impl Db, id: i64) -> Result<Option<Endpoint>> {
    db.query(
        &format!("{ENDPOINT} WHERE id = ? AND deleted_at IS NULL"),
        &[id.into()],
    )?
    .map_first(endpoint_row)
}

/// Every endpoint not deleted, oldest first.
pub fn endpoints(db: &impl Db) -> Result<Vec<Endpoint>> {
    db.query(
        &format!("{ENDPOINT} WHERE deleted_at IS NULL ORDER BY id"),
        &[],
    )?
    .map(endpoint_row)
}

/// Replaces what a PATCH may change (the caller merged the request into the stored record).
pub fn update_endpoint(db: &impl Db, e: &Endpoint, actor: &str, now: &str) -> Result<()> {
    db.query(
        "UPDATE webhook_endpoints SET url = ?, description = ?, events = ?, enabled = ?,
             updated_at = ?, updated_by = ? WHERE id = ? AND deleted_at IS NULL",
        &[
            e.url.as_str().into(),
            e.description.as_deref().into(),
            serde_json::to_string(&e.events).unwrap_or_default().into(),
            e.enabled.into(),
            now.into(),
            actor.into(),
            e.id.into(),
        ],
    )?;
    Ok(())
}

/// A new secret; the current one keeps signing until `previous_until`.
pub fn rotate_secret(
    db: &impl Db,
    id: i64,
    secret: &str,
    previous_until: &str,
    actor: &str,
    now: &str,
) -> Result<()> {
    db.query(
        "UPDATE webhook_endpoints SET previous_secret = secret, previous_until = ?, secret = ?,
             updated_at = ?, updated_by = ? WHERE id = ? AND deleted_at IS NULL",
        &[
            previous_until.into(),
            secret.into(),
            now.into(),
            actor.into(),
            id.into(),
        ],
    )?;
    Ok(())
}

/// Deletes an endpoint: disabled and hidden, kept for its deliveries' history.
pub fn delete_endpoint(db: &impl Db, id: i64, actor: &str, now: &str) -> Result<()> {
    db.query(
        "UPDATE webhook_endpoints SET deleted_at = ?, enabled = 0, updated_at = ?, updated_by = ?
         WHERE id = ? AND deleted_at IS NULL",
        &[now.into(), now.into(), actor.into(), id.into()],
    )?;
    Ok(())
}

/// The events each enabled endpoint subscribes to (what decides whether a change writes an
/// event at all).
pub fn subscriptions(db: &impl Db) -> Result<Vec<Vec<String>>> {
    db.query(
        "SELECT events FROM webhook_endpoints WHERE enabled = 1 AND deleted_at IS NULL",
        &[],
    )?
    .map(|r| {
        serde_json::from_str(&r.text(0)?)
            .map_err(|e| StoreError(format!("webhook_endpoints.events: {e}")))
    })
}

/// Fails what an endpoint still had pending (it was deleted or disabled: nothing will send
/// it), with why; it can still be replayed.
pub fn fail_pending(db: &impl Db, endpoint_id: i64, why: &str, now: &str) -> Result<i64> {
    Ok(db
        .query(
            "UPDATE webhook_deliveries SET state = 'failed', next_at = NULL, last_error = ?,
                 last_at = coalesce(last_at, ?)
             WHERE endpoint_id = ? AND state = 'pending' RETURNING id",
            &[why.into(), now.into(), endpoint_id.into()],
        )?
        .rows
        .len() as i64)
}

/// Writes an event (in the transaction of the change): its id (`evt_` and 24 random hex
/// digits, from SQLite) and its body `{"id", "type", "timestamp", "data"}` as every attempt
/// will send it. Returns the row's key.
pub fn insert_event(
    db: &impl Db,
    event_type: &str,
    ordering: &str,
    data: &serde_json::Value,
    now: &str,
) -> Result<i64> {
    db.query(
        "INSERT INTO webhook_events (event_id, type, ordering, body, created_at)
         SELECT e, ?1, ?2, json_object('id', e, 'type', ?1, 'timestamp', ?3, 'data', json(?4)), ?3
         FROM (SELECT 'evt_' || lower(hex(randomblob(12))) AS e) RETURNING id",
        &[
            event_type.into(),
            ordering.into(),
            now.into(),
            data.to_string().into(),
        ],
    )?
    .single_int()
}

/// One pending delivery per enabled endpoint subscribed to the event's type (or to `*`),
/// due now. Returns their keys.
pub fn fan_out(
    db: &impl Db,
    event: i64,
    event_type: &str,
    ordering: &str,
    now: &str,
) -> Result<Vec<i64>> {
    db.query(
        "INSERT INTO webhook_deliveries (event_id, endpoint_id, ordering, state, next_at)
         SELECT ?, w.id, ?, 'pending', ? FROM webhook_endpoints w
         WHERE w.enabled = 1 AND w.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value IN ('*', ?))
         ORDER BY w.id RETURNING id",
        &[event.into(), ordering.into(), now.into(), event_type.into()],
    )?
    .map(|r| r.int(0))
}

const DUE: &str = "SELECT d.id FROM webhook_deliveries d
     WHERE d.state = 'pending' AND d.next_at <= ?
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id
             AND p.ordering = d.ordering AND p.state = 'pending' AND p.id < d.id)";

/// Deliveries due at `now`, in order, at most `limit`.
pub fn due(db: &impl Db, now: &str, limit: i64) -> Result<Vec<i64>> {
    db.query(
        &format!("{DUE} ORDER BY d.id LIMIT ?"),
        &[now.into(), limit.into()],
    )?
    .map(|r| r.int(0))
}

/// Of `deliveries` (just written), those due at `now` (not held back by an earlier one).
pub fn due_among(db: &impl Db, deliveries: &[i64], now: &str) -> Result<Vec<i64>> {
    if deliveries.is_empty() {
        return Ok(Vec::new());
    }
    let mut params: Vec<Value> = vec![now.into()];
    params.extend(deliveries.iter().map(|d| Value::from(*d)));
    let mut due = db
        .query(
            &format!(
                "{DUE} AND d.id IN ({})",
                vec!["?"; deliveries.len()].join(", ")
            ),
            &params,
        )?
        .map(|r| r.int(0))?;
    due.sort_unstable();
    Ok(due)
}

/// Claims a due delivery for one attempt (its next attempt moved to `until`); false when
/// it is no longer due (another instance took it, or it was delivered meanwhile).
pub fn claim(db: &impl Db, delivery: i64, now: &str, until: &str) -> Result<bool> {
    Ok(db
        .query(
            "UPDATE webhook_deliveries SET next_at = ?
             WHERE id = ? AND state = 'pending' AND next_at <= ? RETURNING id",
            &[until.into(), delivery.into(), now.into()],
        )?
        .rows
        .len()
        == 1)
}

/// What one attempt sends, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub delivery: i64,
    pub event_id: String,
    pub body: String,
    pub url: String,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_until: Option<String>,
    pub attempts: i64,
}

pub fn outgoing(db: &impl Db, delivery: i64) -> Result<Option<Outgoing>> {
    db.query(
        "SELECT d.id, e.event_id, e.body, w.url, w.secret, w.previous_secret, w.previous_until,
                d.attempts
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
         JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE d.id = ?",
        &[delivery.into()],
    )?
    .map_first(|r| {
        Ok(Outgoing {
            delivery: r.int(0)?,
            event_id: r.text(1)?,
            body: r.text(2)?,
            url: r.text(3)?,
            secret: r.text(4)?,
            previous_secret: r.opt_text(5)?,
            previous_until: r.opt_text(6)?,
            attempts: r.int(7)?,
        })
    })
}

/// How an attempt ended, and what happens next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    /// Failed; the next attempt at this time.
    RetryAt(String),
    /// Failed for good (replayable by hand).
    Failed,
}

/// Records an attempt: its outcome on the delivery, and the attempt itself.
pub fn record_outcome(
    db: &impl Db,
    delivery: i64,
    outcome: &Outcome,
    status: Option<u16>,
    error: Option<&str>,
    now: &str,
) -> Result<()> {
    let (state, next_at, delivered_at) = match outcome {
        Outcome::Delivered => ("delivered", None, Some(now)),
        Outcome::RetryAt(at) => ("pending", Some(at.as_str()), None),
        Outcome::Failed => ("failed", None, None),
    };
    db.query(
        "UPDATE webhook_deliveries SET state = ?, next_at = ?, delivered_at = ?,
             attempts = attempts + 1, last_at = ?, last_status = ?, last_error = ?
         WHERE id = ?",
        &[
            state.into(),
            next_at.into(),
            delivered_at.into(),
            now.into(),
            status.map(i64::from).into(),
            error.into(),
            delivery.into(),
        ],
    )?;
    Ok(())
}

pub fn insert_attempt(
    db: &impl Db,
    delivery: i64,
    status: Option<u16>,
    error: Option<&str>,
    duration_ms: i64,
    now: &str,
) -> Result<()> {
    db.query(
        "INSERT INTO webhook_attempts (delivery_id, at, status, error, duration_ms)
         VALUES (?, ?, ?, ?, ?)",
        &[
            delivery.into(),
            now.into(),
            status.map(i64::from).into(),
            error.into(),
            duration_ms.into(),
        ],
    )?;
    Ok(())
}

/// Makes a delivery due now, whatever its state (a replay by hand); false when unknown.
pub fn retry_now(db: &impl Db, delivery: i64, now: &str) -> Result<bool> {
    Ok(db
        .query(
            "UPDATE webhook_deliveries SET state = 'pending', next_at = ? WHERE id = ? RETURNING id",
            &[now.into(), delivery.into()],
        )?
        .rows
        .len()
        == 1)
}

/// A delivery as the API lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delivery {
    pub id: i64,
    pub event_id: String,
    pub event_type: String,
    pub event_created_at: String,
    pub endpoint_id: i64,
    pub url: String,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: Option<String>,
    pub last_attempt_at: Option<String>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub delivered_at: Option<String>,
}

const DELIVERY: &str = "SELECT d.id, e.event_id, e.type, e.created_at, d.endpoint_id, w.url,
    d.state, d.attempts, d.next_at, d.last_at, d.last_status, d.last_error, d.delivered_at
    FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
    JOIN webhook_endpoints w ON w.id = d.endpoint_id";

fn delivery_row(r: &[Value]) -> Result<Delivery> {
    let state = r.text(6)?;
    Ok(Delivery {
        id: r.int(0)?,
        event_id: r.text(1)?,
        event_type: r.text(2)?,
        event_created_at: r.text(3)?,
        endpoint_id: r.int(4)?,
        url: r.text(5)?,
        next_attempt_at: if state == "pending" {
            r.opt_text(8)?
        } else {
            None
        },
        state,
        attempts: r.int(7)?,
        last_attempt_at: r.opt_text(9)?,
        last_status: r.opt_int(10)?,
        last_error: r.opt_text(11)?,
        delivered_at: r.opt_text(12)?,
    })
}

/// What the deliveries list shows.
#[derive(Debug, Clone, Default)]
pub struct DeliveryFilter<'a> {
    pub state: Option<&'a str>,
    pub endpoint: Option<i64>,
    /// The newest first: only deliveries older than this key (the next page).
    pub before: Option<i64>,
    pub limit: i64,
}

/// Deliveries, newest first.
pub fn deliveries(db: &impl Db, f: &DeliveryFilter) -> Result<Vec<Delivery>> {
    db.query(
        &format!(
            "{DELIVERY} WHERE (?1 IS NULL OR d.state = ?1) AND (?2 IS NULL OR d.endpoint_id = ?2)
             AND (?3 IS NULL OR d.id < ?3) ORDER BY d.id DESC LIMIT ?4"
        ),
        &[
            f.state.into(),
            f.endpoint.into(),
            f.before.into(),
            f.limit.into(),
        ],
    )?
    .map(delivery_row)
}

pub fn delivery(db: &impl Db, id: i64) -> Result<Option<Delivery>> {
    db.query(&format!("{DELIVERY} WHERE d.id = ?"), &[id.into()])?
        .map_first(delivery_row)
}

/// One attempt, as a delivery's detail shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub at: String,
    pub status: Option<i64>,
    pub error: Option<String>,
    pub duration_ms: i64,
}

pub fn attempts(db: &impl Db, delivery: i64) -> Result<Vec<Attempt>> {
    db.query(
        "SELECT at, status, error, duration_ms FROM webhook_attempts WHERE delivery_id = ?
         ORDER BY id",
        &[delivery.into()],
    )?
    .map(|r| {
        Ok(Attempt {
            at: r.text(0)?,
            status: r.opt_int(1)?,
            error: r.opt_text(2)?,
            duration_ms: r.int(3)?,
        })
    })
}

/// An event as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The row's key: the events list pages on it.
    pub seq: i64,
    /// The body sent (`{"id", "type", "timestamp", "data"}`).
    pub event: serde_json::Value,
}

/// Events after `after` (a key), oldest first: what an ERP polls when it cannot receive.
pub fn events(
    db: &impl Db,
    after: i64,
    event_type: Option<&str>,
    limit: i64,
) -> Result<Vec<Event>> {
    db.query(
        "SELECT id, body FROM webhook_events WHERE id > ? AND (?2 IS NULL OR type = ?2)
         ORDER BY id LIMIT ?",
        &[after.into(), event_type.into(), limit.into()],
    )?
    .map(|r| {
        Ok(Event {
            seq: r.int(0)?,
            event: serde_json::from_str(&r.text(1)?)
                .map_err(|e| StoreError(format!("webhook_events.body: {e}")))?,
        })
    })
}

/// The event of a delivery, as sent.
pub fn event_of(db: &impl Db, delivery: i64) -> Result<Option<serde_json::Value>> {
    db.query(
        "SELECT e.body FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
         WHERE d.id = ?",
        &[delivery.into()],
    )?
    .map_first(|r| {
        serde_json::from_str(&r.text(0)?)
            .map_err(|e| StoreError(format!("webhook_events.body: {e}")))
    })
}

/// An item as an event shows it (after the change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventItem {
    pub key: i64,
    pub id: String,
    pub number: String,
    pub kind: String,
    pub entity: String,
    pub currency: String,
    pub amount_minor: i64,
    pub open_minor: i64,
    /// What its open dispute case disputes (0: none).
    pub disputed_minor: i64,
    pub due_date: String,
    pub status_code: Option<String>,
    pub status_kind: Option<String>,
    pub resolver_id: Option<i64>,
    pub action_id: Option<i64>,
    pub customer_key: i64,
    pub customer_id: String,
}

/// The items with these ERP ids, as they are now, in due date order.
pub fn event_items(db: &impl Db, ids: &[String]) -> Result<Vec<EventItem>> {
    let keys: Vec<Value> = ids.iter().map(|i| i.as_str().into()).collect();
    let mut items = select_in(
        db,
        "SELECT i.id, i.erp_id, i.number, i.kind, i.entity, i.currency, i.amount_minor,
                i.open_minor, i.due_date, i.status_code, s.kind, i.resolver_id, i.action_id,
                i.customer_id, c.erp_id, i.disputed_minor
         FROM items i JOIN customers c ON c.id = i.customer_id
         LEFT JOIN statuses s ON s.code = i.status_code WHERE i.erp_id",
        &keys,
    )?
    .iter()
    .map(|r| {
        Ok(EventItem {
            key: r.int(0)?,
            id: r.text(1)?,
            number: r.text(2)?,
            kind: r.text(3)?,
            entity: r.text(4)?,
            currency: r.text(5)?,
            amount_minor: r.int(6)?,
            open_minor: r.int(7)?,
            disputed_minor: r.int(15)?,
            due_date: r.text(8)?,
            status_code: r.opt_text(9)?,
            status_kind: r.opt_text(10)?,
            resolver_id: r.opt_int(11)?,
            action_id: r.opt_int(12)?,
            customer_key: r.int(13)?,
            customer_id: r.text(14)?,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    items.sort_by(|a, b| (&a.due_date, a.key).cmp(&(&b.due_date, b.key)));
    Ok(items)
}

/// The kind of each of these status codes (`dispute`, `promise`, `info`, `resolved`).
pub fn status_kinds(
    db: &impl Db,
    codes: &[String],
) -> Result<std::collections::HashMap<String, String>> {
    let keys: Vec<Value> = codes.iter().map(|c| c.as_str().into()).collect();
    select_in(db, "SELECT code, kind FROM statuses WHERE code", &keys)?
        .iter()
        .map(|r| Ok((r.text(0)?, r.text(1)?)))
        .collect()
}
