//! Outbound webhooks: the subscriptions admins manage (`/api/v1/admin/webhooks`), the events
//! the other use cases write in their own transaction ([`emit`] and the helpers below), and
//! one delivery attempt ([`claim`], then [`finish`]), which `settle_web::webhooks` runs after
//! the commit, from `POST /api/v1/webhooks/flush` and from a replay.
//!
//! An event is written with the change that caused it, so a change that rolls back emits
//! nothing, and a crash after the commit loses nothing: the next flush sends it.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::{Map, Value, json};
use settle_domain::dates::format_timestamp;
use settle_domain::money::{Currency, amount_string};
use settle_domain::webhooks::{self as rules, EventType, OriginPattern};
use settle_store::webhooks::{self as store, Endpoint, EventItem, Outcome, Outgoing};
use settle_store::{Db, config};

use crate::{AfterCommit, Done, Refusal, Who};

/// An endpoint with its secret: answered once, when it is created or its secret rotated.
#[derive(Debug, Clone, Serialize)]
pub struct WithSecret {
    #[serde(flatten)]
    pub endpoint: Endpoint,
    pub secret: String,
}

/// The endpoint `id` (not deleted).
pub fn endpoint(db: &impl Db, id: i64) -> Result<Endpoint, Refusal> {
    store::endpoint(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no webhook endpoint {id}")))
}

/// What `config_history` keeps of an endpoint (never its secret).
fn audited(e: &Endpoint) -> Value {
    json!({"url": e.url, "description": e.description, "events": e.events, "enabled": e.enabled})
}

/// `POST /api/v1/admin/webhooks`: a new endpoint, with a new secret (`random` bytes).
pub fn create(
    db: &impl Db,
    body: &Map<String, Value>,
    origins: Option<&OriginPattern>,
    random: [u8; 32],
    who: &Who,
) -> Result<Done<WithSecret>, Refusal> {
    let input = rules::read_endpoint(body, true, origins)?;
    let secret = rules::new_secret(random);
    db.transaction(|db| {
        let id = store::create_endpoint(
            db,
            &store::NewEndpoint {
                url: input.url.as_deref().unwrap_or_default(),
                description: input.description.as_deref(),
                events: input.events.as_deref().unwrap_or_default(),
                enabled: input.enabled.unwrap_or(true),
                secret: &secret,
            },
            &who.actor,
            &who.at,
        )?;
        let e = endpoint(db, id)?;
        config::record(
            db,
            &who.actor,
            &who.at,
            "webhook_endpoint",
            &id.to_string(),
            None,
            Some(audited(&e)),
        )?;
        Ok(Done::just(WithSecret {
            endpoint: e,
            secret: secret.clone(),
        }))
    })
}

/// `PATCH`: changes the URL, events, description or `enabled`. Disabling fails what the
/// endpoint had pending (replayable once it is enabled again).
pub fn update(
    db: &impl Db,
    id: i64,
    body: &Map<String, Value>,
    origins: Option<&OriginPattern>,
    who: &Who,
) -> Result<Done<Endpoint>, Refusal> {
    let input = rules::read_endpoint(body, false, origins)?;
    db.transaction(|db| {
        let before = endpoint(db, id)?;
        let mut e = before.clone();
        if let Some(url) = &input.url {
            e.url = url.clone();
        }
        if let Some(events) = &input.events {
            e.events = events.clone();
        }
        if body.contains_key("description") {
            e.description = input.description.clone();
        }
        if let Some(enabled) = input.enabled {
            e.enabled = enabled;
        }
        store::update_endpoint(db, &e, &who.actor, &who.at)?;
        if before.enabled && !e.enabled {
            store::fail_pending(db, id, "the endpoint was disabled", &who.at)?;
        }
        let after = endpoint(db, id)?;
        config::record(
            db,
            &who.actor,
            &who.at,
            "webhook_endpoint",
            &id.to_string(),
            Some(audited(&before)),
            Some(audited(&after)),
        )?;
        Ok(Done::just(after))
    })
}

/// `DELETE`: the endpoint stops receiving; what it had pending fails (its deliveries stay
/// listed).
pub fn delete(db: &impl Db, id: i64, who: &Who) -> Result<Done<()>, Refusal> {
    db.transaction(|db| {
        let before = endpoint(db, id)?;
        store::delete_endpoint(db, id, &who.actor, &who.at)?;
        store::fail_pending(db, id, "the endpoint was deleted", &who.at)?;
        config::record(
            db,
            &who.actor,
            &who.at,
            "webhook_endpoint",
            &id.to_string(),
            Some(audited(&before)),
            None,
        )?;
        Ok(Done::just(()))
    })
}

/// `POST .../rotate-secret`: a new secret, answered once; the old one keeps signing (beside
/// the new) for 24 hours, so receivers can switch without losing an event.
pub fn rotate(
    db: &impl Db,
    id: i64,
    random: [u8; 32],
    who: &Who,
) -> Result<Done<WithSecret>, Refusal> {
    let secret = rules::new_secret(random);
    let until = format_timestamp(who.now() + Duration::seconds(rules::ROTATION_GRACE_SECS));
    db.transaction(|db| {
        endpoint(db, id)?;
        store::rotate_secret(db, id, &secret, &until, &who.actor, &who.at)?;
        let e = endpoint(db, id)?;
        config::record(
            db,
            &who.actor,
            &who.at,
            "webhook_endpoint",
            &id.to_string(),
            Some(json!({"secret": "rotated"})),
            Some(json!({"previous_secret_until": until})),
        )?;
        Ok(Done::just(WithSecret {
            endpoint: e,
            secret: secret.clone(),
        }))
    })
}

// ---- events -----------------------------------------------------------------------------

/// Events written by one use case: the deliveries they made, delivered after the commit.
/// An event is written only when an enabled endpoint subscribes to its type (read once per
/// use case), so a change costs one extra read when nobody listens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Emitted {
    deliveries: Vec<i64>,
    /// The events of each enabled endpoint, once read.
    subscriptions: Option<Vec<Vec<String>>>,
}

impl Emitted {
    /// The after-commit step delivering them (none when no endpoint subscribed).
    pub fn after(self) -> Vec<AfterCommit> {
        if self.deliveries.is_empty() {
            Vec::new()
        } else {
            vec![AfterCommit::DeliverWebhooks(self.deliveries)]
        }
    }

    fn subscriptions(&mut self, db: &impl Db) -> Result<&[Vec<String>], Refusal> {
        if self.subscriptions.is_none() {
            self.subscriptions = Some(store::subscriptions(db)?);
        }
        Ok(self.subscriptions.as_deref().unwrap_or_default())
    }

    /// Whether any enabled endpoint listens at all (before loading what events show).
    pub fn anyone(&mut self, db: &impl Db) -> Result<bool, Refusal> {
        Ok(!self.subscriptions(db)?.is_empty())
    }

    /// Whether an enabled endpoint subscribes to `t`.
    pub fn wanted(&mut self, db: &impl Db, t: EventType) -> Result<bool, Refusal> {
        Ok(self
            .subscriptions(db)?
            .iter()
            .any(|events| rules::subscribed(events, t)))
    }
}

/// Writes an event about customer `customer_key` (its ordering key: the events of one
/// dispute reach an endpoint in order) with one delivery per subscribed endpoint; nothing
/// when no enabled endpoint subscribes to its type.
pub fn emit(
    db: &impl Db,
    t: EventType,
    customer_key: i64,
    data: Value,
    who: &Who,
    into: &mut Emitted,
) -> Result<(), Refusal> {
    if !into.wanted(db, t)? {
        return Ok(());
    }
    let ordering = format!("customer:{customer_key}");
    let event = store::insert_event(db, t.as_str(), &ordering, &data, &who.at)?;
    into.deliveries
        .extend(store::fan_out(db, event, t.as_str(), &ordering, &who.at)?);
    Ok(())
}

/// An item as events show it: ids an ERP knows, amounts with their currency (the part in
/// dispute while a case is open, else null).
pub fn item_json(i: &EventItem) -> Value {
    let amount = |minor: i64| match Currency::parse(&i.currency) {
        Ok(c) => amount_string(minor, c),
        Err(_) => minor.to_string(),
    };
    json!({
        "id": i.id, "number": i.number, "kind": i.kind, "entity": i.entity,
        "due_date": i.due_date, "currency": i.currency,
        "amount": amount(i.amount_minor), "open_amount": amount(i.open_minor),
        "disputed_amount": (i.disputed_minor > 0).then(|| amount(i.disputed_minor)),
        "status": i.status_code, "resolver_id": i.resolver_id, "action_id": i.action_id,
    })
}

fn customer_json(items: &[EventItem]) -> Value {
    match items.first() {
        Some(i) => json!({"id": i.customer_id, "entity": i.entity}),
        None => Value::Null,
    }
}

/// An item before a status change, as the events compare it.
#[derive(Debug, Clone)]
pub struct Before {
    pub id: String,
    pub status_code: Option<String>,
    pub resolver_id: Option<i64>,
    /// What was in dispute (`None`: not known to the caller, not compared).
    pub disputed_minor: Option<i64>,
}

/// What a status change did, for its events.
pub struct StatusChanged<'a> {
    pub before: &'a [Before],
    pub status: &'a str,
    pub comment: Option<&'a str>,
    pub status_change_id: Option<i64>,
    /// The status date (a promise's: the date promised).
    pub status_date: Option<&'a str>,
    /// Why, when the change is not a status change of its own (`terminated`).
    pub reason: Option<&'a str>,
}

/// The events of a status change: `item.status_changed` for every item, then
/// `promise.created` (a status of kind promise), `dispute.opened` (items entering a dispute
/// status), `dispute.updated` (items in dispute whose status, resolver, comment or disputed
/// amount changed),
/// `dispute.resolved` (items leaving dispute).
pub fn status_changed(
    db: &impl Db,
    c: &StatusChanged,
    who: &Who,
    into: &mut Emitted,
) -> Result<(), Refusal> {
    if !into.anyone(db)? {
        return Ok(());
    }
    let ids: Vec<String> = c.before.iter().map(|b| b.id.clone()).collect();
    let items = store::event_items(db, &ids)?;
    let Some(first) = items.first() else {
        return Ok(());
    };
    let customer_key = first.customer_key;
    let mut codes: Vec<String> = c
        .before
        .iter()
        .filter_map(|b| b.status_code.clone())
        .collect();
    codes.push(c.status.to_string());
    codes.sort_unstable();
    codes.dedup();
    let kinds = store::status_kinds(db, &codes)?;
    let kind_of = |code: Option<&str>| code.and_then(|c| kinds.get(c)).map(String::as_str);
    let new_kind = kind_of(Some(c.status));
    let before = |id: &str| c.before.iter().find(|b| b.id == id);
    let mut opened = Vec::new();
    let mut updated = Vec::new();
    let mut resolved = Vec::new();
    let mut all = Vec::new();
    for i in &items {
        let b = before(&i.id);
        let old_code = b.and_then(|b| b.status_code.as_deref());
        let old_resolver = b.and_then(|b| b.resolver_id);
        let mut v = item_json(i);
        v["previous_status"] = json!(old_code);
        all.push(v.clone());
        let was_dispute = kind_of(old_code) == Some("dispute");
        match (was_dispute, new_kind == Some("dispute")) {
            (false, true) => opened.push(v),
            (true, true) => {
                let mut changed = Vec::new();
                if old_code != Some(c.status) {
                    changed.push("status");
                }
                if old_resolver != i.resolver_id {
                    changed.push("resolver");
                }
                if c.comment.is_some() {
                    changed.push("comment");
                }
                if b.and_then(|b| b.disputed_minor)
                    .is_some_and(|d| d != i.disputed_minor)
                {
                    changed.push("amount");
                }
                v["changed"] = json!(changed);
                if !changed.is_empty() {
                    updated.push(v);
                }
            }
            (true, false) => resolved.push(v),
            (false, false) => {}
        }
    }
    // The customer is the same for every item of a change.
    let customer = customer_json(&items);
    let data = |items: Vec<Value>| {
        json!({
            "customer": customer, "status": c.status, "status_kind": new_kind,
            "status_date": c.status_date, "comment": c.comment,
            "status_change_id": c.status_change_id, "reason": c.reason,
            "actor": who.actor, "items": items,
        })
    };
    emit(
        db,
        EventType::ItemStatusChanged,
        customer_key,
        data(all.clone()),
        who,
        into,
    )?;
    let promise = if new_kind == Some("promise") {
        all.clone()
    } else {
        Vec::new()
    };
    for (t, list) in [
        (EventType::PromiseCreated, promise),
        (EventType::DisputeOpened, opened),
        (EventType::DisputeUpdated, updated),
        (EventType::DisputeResolved, resolved),
    ] {
        if !list.is_empty() {
            emit(db, t, customer_key, data(list), who, into)?;
        }
    }
    Ok(())
}

/// `dispute.resolved` (`reason: paid`) for the items payments closed while they were in
/// dispute, one event per customer.
pub fn disputes_paid(
    db: &impl Db,
    closed: &[String],
    who: &Who,
    into: &mut Emitted,
) -> Result<(), Refusal> {
    if closed.is_empty() || !into.wanted(db, EventType::DisputeResolved)? {
        return Ok(());
    }
    let items: Vec<EventItem> = store::event_items(db, closed)?
        .into_iter()
        .filter(|i| i.status_kind.as_deref() == Some("dispute"))
        .collect();
    let mut by_customer: std::collections::BTreeMap<i64, Vec<&EventItem>> = Default::default();
    for i in &items {
        by_customer.entry(i.customer_key).or_default().push(i);
    }
    for (customer_key, list) in by_customer {
        let first = list[0];
        let data = json!({
            "customer": {"id": first.customer_id, "entity": first.entity},
            "status": Value::Null, "status_kind": "dispute", "comment": Value::Null,
            "status_change_id": Value::Null, "reason": "paid", "actor": who.actor,
            "items": list.iter().map(|i| {
                let mut v = item_json(i);
                v["previous_status"] = json!(i.status_code);
                v
            }).collect::<Vec<_>>(),
        });
        emit(
            db,
            EventType::DisputeResolved,
            customer_key,
            data,
            who,
            into,
        )?;
    }
    Ok(())
}

/// `action.created`, with the action and its items.
pub fn action_created(
    db: &impl Db,
    action_id: i64,
    who: &Who,
    into: &mut Emitted,
) -> Result<(), Refusal> {
    if !into.wanted(db, EventType::ActionCreated)? {
        return Ok(());
    }
    let Some(a) = settle_store::actions::action(db, action_id)? else {
        return Ok(());
    };
    let items = store::event_items(db, &a.item_ids)?;
    let data = json!({
        "customer": customer_json(&items),
        "action": a, "actor": who.actor,
        "items": items.iter().map(item_json).collect::<Vec<_>>(),
    });
    emit(
        db,
        EventType::ActionCreated,
        a.customer_key,
        data,
        who,
        into,
    )
}

/// `action.terminated`, with the items it released and those it resolved.
pub fn action_terminated(
    db: &impl Db,
    action_id: i64,
    resolved: &[String],
    released: &[String],
    who: &Who,
    into: &mut Emitted,
) -> Result<(), Refusal> {
    if !into.wanted(db, EventType::ActionTerminated)? {
        return Ok(());
    }
    let Some(a) = settle_store::actions::action(db, action_id)? else {
        return Ok(());
    };
    let items = store::event_items(db, released)?;
    let data = json!({
        "customer": customer_json(&items),
        "action": a, "actor": who.actor,
        "resolved_item_ids": resolved, "released_item_ids": released,
        "items": items.iter().map(item_json).collect::<Vec<_>>(),
    });
    emit(
        db,
        EventType::ActionTerminated,
        a.customer_key,
        data,
        who,
        into,
    )
}

/// `resolver.replied` or `customer.replied` (`t`): what was said on a link page, about these
/// items.
pub fn replied(
    db: &impl Db,
    t: EventType,
    customer_key: i64,
    item_ids: &[String],
    reply: Value,
    who: &Who,
    into: &mut Emitted,
) -> Result<(), Refusal> {
    if !into.wanted(db, t)? {
        return Ok(());
    }
    let items = store::event_items(db, item_ids)?;
    let mut data = reply;
    data["actor"] = json!(who.actor);
    data["customer"] = customer_json(&items);
    data["items"] = json!(items.iter().map(item_json).collect::<Vec<_>>());
    emit(db, t, customer_key, data, who, into)
}

// ---- delivery ---------------------------------------------------------------------------

/// Claims a due delivery for one attempt and answers what to send; `None` when it is not
/// due (delivered, failed, claimed by another instance, or held behind an earlier one).
pub fn claim(db: &impl Db, delivery: i64, now: DateTime<Utc>) -> Result<Option<Outgoing>, Refusal> {
    let at = format_timestamp(now);
    let until = format_timestamp(now + Duration::seconds(rules::CLAIM_SECS));
    db.transaction(|db| {
        if store::due_among(db, &[delivery], &at)?.is_empty()
            || !store::claim(db, delivery, &at, &until)?
        {
            return Ok(None);
        }
        Ok(store::outgoing(db, delivery)?)
    })
}

/// The secrets that sign an attempt at `now`: the current one, and the one it replaced
/// while its 24 hours last.
pub fn signing_secrets(o: &Outgoing, now: DateTime<Utc>) -> Vec<&str> {
    let mut out = vec![o.secret.as_str()];
    if let (Some(old), Some(until)) = (&o.previous_secret, &o.previous_until)
        && settle_domain::dates::parse_timestamp(until).is_ok_and(|u| u > now)
    {
        out.push(old.as_str());
    }
    out
}

/// Records how an attempt ended: delivered on a 2xx; otherwise the next attempt on the
/// back-off schedule, or failed after the last.
pub fn finish(
    db: &impl Db,
    o: &Outgoing,
    status: Option<u16>,
    error: Option<&str>,
    duration_ms: i64,
    now: DateTime<Utc>,
) -> Result<Outcome, Refusal> {
    let at = format_timestamp(now);
    let outcome = if status.is_some_and(rules::accepted) {
        Outcome::Delivered
    } else {
        let attempts = u32::try_from(o.attempts + 1).unwrap_or(u32::MAX);
        match rules::next_attempt_in(attempts) {
            Some(secs) => Outcome::RetryAt(format_timestamp(now + Duration::seconds(secs))),
            None => Outcome::Failed,
        }
    };
    db.transaction(|db| {
        store::record_outcome(db, o.delivery, &outcome, status, error, &at)?;
        store::insert_attempt(db, o.delivery, status, error, duration_ms, &at)?;
        Ok(outcome.clone())
    })
}

/// `POST /api/v1/webhooks/deliveries/{id}/retry`: makes a delivery due now, whatever its
/// state (a failed one is replayed; a delivered one is sent again, with the same id).
/// Refused (409) when its endpoint was deleted or is disabled: nothing is sent there.
pub fn retry(db: &impl Db, delivery: i64, who: &Who) -> Result<(), Refusal> {
    db.transaction(|db| {
        let d = store::delivery(db, delivery)?
            .ok_or_else(|| Refusal::NotFound(format!("no webhook delivery {delivery}")))?;
        match store::endpoint(db, d.endpoint_id)? {
            None => {
                return Err(Refusal::conflict_about(
                    "endpoint-deleted",
                    format!(
                        "endpoint {} was deleted: nothing is sent to it",
                        d.endpoint_id
                    ),
                ));
            }
            Some(e) if !e.enabled => {
                return Err(Refusal::conflict_about(
                    "endpoint-disabled",
                    format!(
                        "endpoint {} is disabled: enable it to replay",
                        d.endpoint_id
                    ),
                ));
            }
            Some(_) => {}
        }
        store::retry_now(db, delivery, &who.at)?;
        Ok(())
    })
}
