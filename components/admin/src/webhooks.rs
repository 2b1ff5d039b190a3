//! Outbound webhooks, for the `admin` role:
//!
//! - `/api/v1/admin/webhooks`: endpoints (`POST` answers the `whsec_` secret once; `GET`,
//!   `PATCH`, `DELETE` one; `POST .../{id}/rotate-secret`, the old secret signing beside the
//!   new one for 24 hours). A URL must be allowed by the `webhook_origins` variable.
//! - `/api/v1/webhooks/deliveries` (`?state=pending|delivered|failed`, `?endpoint=`,
//!   `?before=`, `?limit=`), one delivery with its attempts and event, `POST
//!   .../{id}/retry` (attempt now); `POST /api/v1/webhooks/flush` (attempt what is due: call it
//!   every minute from a scheduler); `GET /api/v1/webhooks/events?after=` (the event log).

use serde_json::json;
use settle_domain::auth::Principal;
use settle_domain::webhooks::{EventType, OriginPattern};
use settle_store::SpinDb;
use settle_store::webhooks::{self as store, DeliveryFilter};
use settle_web::settle_usecases::webhooks as uc;
use settle_web::{
    Answer, Query, bad_query, json, method_not_allowed, not_found, object_body, problem, usecase,
};
use spin_sdk::http::{Method, Request, Response};

/// The `webhook_origins` variable: where endpoints may be.
fn origins() -> Answer<Option<OriginPattern>> {
    let raw = settle_web::variable("webhook_origins").unwrap_or_default();
    OriginPattern::parse(&raw).map_err(|e| {
        problem(
            500,
            "misconfigured",
            "Server misconfigured",
            format!("the webhook_origins variable is not an allowed_outbound_hosts entry: {e}"),
        )
    })
}

fn endpoint_id(id: &str) -> Answer<i64> {
    id.parse::<i64>()
        .map_err(|_| not_found(&format!("no webhook endpoint {id:?}")))
}

/// `/api/v1/admin/webhooks...`; `None` for another admin route.
pub fn admin(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    path: &[&str],
) -> Option<Answer<Response>> {
    let m = req.method();
    let answer = match (path, m) {
        (["webhooks"], Method::Get) => (|| {
            let types: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
            Ok(json(
                200,
                &json!({"webhooks": store::endpoints(db)?, "event_types": types}),
            ))
        })(),
        (["webhooks"], Method::Post) => (|| {
            let body = object_body(req)?;
            let done = uc::create(
                db,
                &body,
                origins()?.as_ref(),
                settle_web::random_bytes(),
                &usecase::who(who),
            )?;
            let mut r = json(201, &done.value);
            r.set_header(
                "location",
                format!("/api/v1/admin/webhooks/{}", done.value.endpoint.id),
            );
            r.set_header("cache-control", "no-store");
            Ok(r)
        })(),
        (["webhooks", id], Method::Get) => (|| {
            let id = endpoint_id(id)?;
            let e = uc::endpoint(db, id)?;
            let mut v = serde_json::to_value(&e).unwrap_or_default();
            v["history"] = json!(settle_store::config::history(
                db,
                "webhook_endpoint",
                &id.to_string()
            )?);
            Ok(json(200, &v))
        })(),
        (["webhooks", id], Method::Patch) => (|| {
            let id = endpoint_id(id)?;
            let body = object_body(req)?;
            let done = uc::update(db, id, &body, origins()?.as_ref(), &usecase::who(who))?;
            Ok(json(200, &done.value))
        })(),
        (["webhooks", id], Method::Delete) => (|| {
            uc::delete(db, endpoint_id(id)?, &usecase::who(who))?;
            Ok(Response::builder().status(204).build())
        })(),
        (["webhooks", id, "rotate-secret"], Method::Post) => (|| {
            let done = uc::rotate(
                db,
                endpoint_id(id)?,
                settle_web::random_bytes(),
                &usecase::who(who),
            )?;
            let mut r = json(200, &done.value);
            r.set_header("cache-control", "no-store");
            Ok(r)
        })(),
        (["webhooks"], _) => Err(method_not_allowed("GET, POST")),
        (["webhooks", _], _) => Err(method_not_allowed("GET, PATCH, DELETE")),
        (["webhooks", _, "rotate-secret"], _) => Err(method_not_allowed("POST")),
        _ => return None,
    };
    Some(answer)
}

const STATES: [&str; 3] = ["pending", "delivered", "failed"];

/// `/api/v1/webhooks/...`.
pub fn api(req: &Request, db: &SpinDb, who: &Principal, path: &[&str]) -> Answer<Response> {
    match (path, req.method()) {
        (["deliveries"], Method::Get) => {
            let q = Query::parse(req, &["state", "endpoint", "before", "limit"])?;
            let state = q.text("state", 16)?;
            if let Some(s) = state.as_deref()
                && !STATES.contains(&s)
            {
                return Err(bad_query("state", "pending, delivered or failed"));
            }
            let limit = q.limit(50, 200)?;
            let page = store::deliveries(
                db,
                &DeliveryFilter {
                    state: state.as_deref(),
                    endpoint: q.int("endpoint")?,
                    before: q.int("before")?,
                    limit: limit as i64,
                },
            )?;
            let next = (page.len() == limit)
                .then(|| page.last().map(|d| d.id))
                .flatten();
            Ok(json(200, &json!({"deliveries": page, "next_before": next})))
        }
        (["deliveries", id], Method::Get) => {
            let id = delivery_id(id)?;
            let d = store::delivery(db, id)?
                .ok_or_else(|| not_found(&format!("no webhook delivery {id}")))?;
            let mut v = serde_json::to_value(&d).unwrap_or_default();
            v["event"] = store::event_of(db, id)?.unwrap_or_default();
            v["attempt_log"] = json!(store::attempts(db, id)?);
            Ok(json(200, &v))
        }
        (["deliveries", id, "retry"], Method::Post) => {
            let id = delivery_id(id)?;
            uc::retry(db, id, &usecase::who(who))?;
            let attempted = settle_web::webhooks::deliver(db, &[id]);
            let d = store::delivery(db, id)?
                .ok_or_else(|| not_found(&format!("no webhook delivery {id}")))?;
            let mut v = serde_json::to_value(&d).unwrap_or_default();
            v["attempted"] = json!(attempted.attempted == 1);
            Ok(json(200, &v))
        }
        (["flush"], Method::Post) => Ok(json(200, &settle_web::webhooks::flush(db)?)),
        (["events"], Method::Get) => {
            let q = Query::parse(req, &["after", "type", "limit"])?;
            let after = q.int("after")?.unwrap_or(0);
            let t = q.text("type", 64)?;
            if let Some(t) = t.as_deref()
                && EventType::parse(t).is_none()
            {
                return Err(bad_query("type", "an event type, such as dispute.opened"));
            }
            let limit = q.limit(100, 500)?;
            let page = store::events(db, after, t.as_deref(), limit as i64)?;
            let next = page.last().map(|e| e.seq).unwrap_or(after);
            Ok(json(200, &json!({"events": page, "next_after": next})))
        }
        (["deliveries"] | ["events"], _) => Err(method_not_allowed("GET")),
        (["deliveries", _], _) => Err(method_not_allowed("GET")),
        (["deliveries", _, "retry"] | ["flush"], _) => Err(method_not_allowed("POST")),
        _ => Err(not_found("no such route")),
    }
}

fn delivery_id(id: &str) -> Answer<i64> {
    id.parse::<i64>()
        .map_err(|_| not_found(&format!("no webhook delivery {id:?}")))
}
