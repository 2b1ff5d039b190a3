//! Step 2 of qualifying: emails to the resolver (internal interactive email) or the customer
//! (confirmation), rendered from templates, with signed links.
//!
//! - `POST /api/v1/emails/preview`: render, write nothing (links show as placeholders).
//! - `POST /api/v1/emails`: create the signed links the template uses, render, queue in the
//!   outbox (one transaction), then deliver when `email_api_url` and `email_api_token` are set.
//! - `POST /api/v1/emails/escalations`: tells the escalation contact of each overdue dispute
//!   case's resolver, once (`settle_usecases::disputes::escalate`). Run daily from cron.
//! - `GET /api/v1/outbox`, `GET /api/v1/outbox/{id}`, `POST /api/v1/outbox/flush` (retry).
//! - `POST /api/v1/links` (a customer-page link to paste into one's own reminders),
//!   `GET /api/v1/links/{id}`, `DELETE /api/v1/links/{id}` (revoke).

use chrono::Utc;
use serde_json::{Value, json};
use settle_domain::auth::{Principal, Role};
use settle_domain::dates::parse_timestamp;
use settle_domain::links;
use settle_domain::templates::parse_email_request;
use settle_pages::EmailFormats;
use settle_store::outbox;
use settle_store::{Db, SpinDb, StoreError};
use settle_web::email::{self, Delivery};
use settle_web::settle_usecases::{emails, links as links_uc};
use settle_web::{
    Answer, Query, authenticate, idempotent, invalid, json, json_body, link_secret,
    method_not_allowed, not_found, open_db, problem, public_base_url, respond, segments,
    store_error, today, usecase,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
async fn handle(req: Request) -> Response {
    respond(route(&req).await)
}

async fn route(req: &Request) -> Answer<Response> {
    let path = req.path();
    let db = open_db()?;
    let principal = authenticate(req, &db, &[Role::Collector], false)?;
    if let Some(p) = segments(path, "/api/v1/emails") {
        return match (p.as_slice(), req.method()) {
            (["preview"], Method::Post) => preview(req, &db),
            ([], Method::Post) => send(req, &db, &principal).await,
            (["escalations"], Method::Post) => escalate(&db, &principal).await,
            (["preview"] | [] | ["escalations"], _) => Err(method_not_allowed("POST")),
            _ => Err(not_found("no such route")),
        };
    }
    if let Some(p) = segments(path, "/api/v1/outbox") {
        return match (p.as_slice(), req.method()) {
            ([], Method::Get) => list(req, &db),
            (["flush"], Method::Post) => flush(&db).await,
            // Before `[id]`: "flush" is not a message id (GET on it is a 405, not a 404).
            (["flush"], _) => Err(method_not_allowed("POST")),
            ([id], Method::Get) => message(&db, id),
            ([] | [_], _) => Err(method_not_allowed("GET")),
            _ => Err(not_found("no such route")),
        };
    }
    if let Some(p) = segments(path, "/api/v1/links") {
        return match (p.as_slice(), req.method()) {
            ([], Method::Post) => create_customer_link(req, &db, &principal),
            ([], _) => Err(method_not_allowed("POST")),
            ([id], Method::Get) => link(&db, id),
            ([id], Method::Delete) => revoke(&db, id, &principal),
            ([_], _) => Err(method_not_allowed("GET, DELETE")),
            _ => Err(not_found("no such route")),
        };
    }
    Err(not_found("no such route"))
}

fn preview(req: &Request, db: &SpinDb) -> Answer<Response> {
    let r = parse_email_request(json_body(req)?).map_err(|e| invalid(&e))?;
    let base = public_base_url();
    let site = email::site(&base, "", &EmailFormats);
    Ok(json(200, &emails::preview(db, &r, "", &site, today())?))
}

async fn send(req: &Request, db: &SpinDb, principal: &Principal) -> Answer<Response> {
    let r = parse_email_request(json_body(req)?).map_err(|e| invalid(&e))?;
    let (secret, base) = (link_secret()?, public_base_url());
    let site = email::site(&base, &secret, &EmailFormats);
    let who = usecase::who(principal);
    let done = emails::send(db, &r, &who, &principal.actor, &site)?;
    settle_web::after_commit::run(db, &done.after).await;
    let id = done.value;
    let m = outbox::message(db, id)?.ok_or_else(|| not_found("the message vanished"))?;
    let mut resp = json(201, &m);
    resp.set_header("location", format!("/api/v1/outbox/{id}"));
    Ok(resp)
}

async fn escalate(db: &SpinDb, principal: &Principal) -> Answer<Response> {
    let (secret, base) = (link_secret()?, public_base_url());
    let site = email::site(&base, &secret, &EmailFormats);
    let who = usecase::who(principal);
    let done = settle_web::settle_usecases::disputes::escalate(db, &who, &principal.actor, &site)?;
    settle_web::after_commit::run(db, &done.after).await;
    Ok(json(
        200,
        &json!({"date": who.today.to_string(), "escalated": done.value}),
    ))
}

async fn flush(db: &SpinDb) -> Answer<Response> {
    let Some(delivery) = Delivery::configured() else {
        return Err(problem(
            409,
            "delivery-not-configured",
            "Delivery is not configured",
            "set the Spin variables email_api_url and email_api_token to send emails",
        ));
    };
    let ids = outbox::unsent(db, 100)?;
    let mut sent = 0;
    for id in &ids {
        if delivery.deliver(db, *id).await? {
            sent += 1;
        }
    }
    Ok(json(
        200,
        &json!({"attempted": ids.len(), "sent": sent, "failed": ids.len() - sent}),
    ))
}

// ---- outbox and links ----

fn list(req: &Request, db: &SpinDb) -> Answer<Response> {
    let q = Query::parse(req, &["state", "cursor", "limit"])?;
    let state = q.get("state");
    if let Some(s) = state
        && !["queued", "sent", "failed"].contains(&s)
    {
        return Err(problem(
            400,
            "invalid-query",
            "Invalid query",
            format!("state: {s:?} must be queued, sent or failed"),
        ));
    }
    let limit = q.limit(50, 500)?;
    let before = q.int("cursor")?;
    let messages = outbox::messages(db, state, before, limit)?;
    let next = (messages.len() == limit)
        .then(|| messages.last().map(|m| m.id.to_string()))
        .flatten();
    Ok(json(
        200,
        &json!({"messages": messages, "next_cursor": next}),
    ))
}

fn id_of(id: &str, what: &str) -> Answer<i64> {
    id.parse()
        .map_err(|_| not_found(&format!("no {what} {id:?}")))
}

fn message(db: &SpinDb, id: &str) -> Answer<Response> {
    let m = outbox::message(db, id_of(id, "message")?)?
        .ok_or_else(|| not_found(&format!("no message {id:?}")))?;
    Ok(json(200, &m))
}

fn link(db: &SpinDb, id: &str) -> Answer<Response> {
    let l = outbox::link(db, id_of(id, "link")?)?
        .ok_or_else(|| not_found(&format!("no link {id:?}")))?;
    Ok(json(200, &link_json(&l)?))
}

/// A stored link and where it stands (never its token).
fn link_json(l: &outbox::Link) -> Answer<Value> {
    let expires_at = parse_timestamp(&l.expires_at).map_err(|e| store_error(StoreError(e)))?;
    let mut v = serde_json::to_value(l).unwrap_or(Value::Null);
    v["state"] = json!(links::state(l.revoked_at.is_some(), expires_at, Utc::now()));
    Ok(v)
}

/// `POST /api/v1/links`: a customer link. The answer carries the URL; what an
/// `Idempotency-Key` remembers does not (tokens are never stored): the URL is signed again
/// from the stored link, so a retry gets the same link, not a second one.
fn create_customer_link(req: &Request, db: &SpinDb, principal: &Principal) -> Answer<Response> {
    let r = links::parse_link_request(json_body(req)?).map_err(|e| invalid(&e))?;
    let who = usecase::who(principal);
    let mut response = db.transaction(|db| {
        idempotent(req, db, principal, || {
            let l = links_uc::create_customer_link(db, &r, &who)?.value;
            Ok((201, link_json(&l)?))
        })
    })?;
    let mut body: Value = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
    let id = body["id"].as_i64().unwrap_or_default();
    let l = links_uc::link(db, id)?;
    body["url"] = json!(links_uc::url_of(&l, &link_secret()?, &public_base_url())?);
    let status = *response.status();
    let replayed = response.header("idempotent-replayed").is_some();
    response = json(status, &body);
    response.set_header("location", format!("/api/v1/links/{id}"));
    if replayed {
        response.set_header("idempotent-replayed", "true");
    }
    Ok(response)
}

fn revoke(db: &SpinDb, id: &str, principal: &Principal) -> Answer<Response> {
    let id = id_of(id, "link")?;
    links_uc::revoke(db, id, &usecase::who(principal))?;
    Ok(Response::builder().status(204).build())
}
