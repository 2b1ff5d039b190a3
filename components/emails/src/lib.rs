//! Step 2 of qualifying: emails to the resolver (internal interactive email) or the customer
//! (confirmation), rendered from templates, with signed links.
//!
//! - `POST /api/v1/emails/preview`: render, write nothing (links show as placeholders).
//! - `POST /api/v1/emails`: create the signed links the template uses, render, queue in the
//!   outbox (one transaction), then deliver when `email_api_url` and `email_api_token` are set.
//! - `GET /api/v1/outbox`, `GET /api/v1/outbox/{id}`, `POST /api/v1/outbox/flush` (retry).
//! - `POST /api/v1/links` (a customer-page link to paste into one's own reminders),
//!   `GET /api/v1/links/{id}`, `DELETE /api/v1/links/{id}` (revoke).

use chrono::Utc;
use serde_json::{Value, json};
use settle_domain::auth::{Principal, Role};
use settle_domain::dates::{format_timestamp, parse_timestamp};
use settle_domain::links::{self, Audience, Claims};
use settle_domain::templates::{
    self, EmailData, EmailRequest, Regarding, Rendered, parse_email_request,
};
use settle_store::config::{self, EmailTemplate};
use settle_store::outbox::{self, EmailSource, NewMessage};
use settle_store::{Db, ledger};
use settle_store::{SpinDb, StoreError};
use settle_web::{
    Answer, Query, authenticate, idempotent, invalid, json, json_body, link_secret,
    method_not_allowed, not_found, now, open_db, problem, public_base_url, respond, segments,
    store_error, today, unprocessable, variable,
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
            (["preview"] | [], _) => Err(method_not_allowed("POST")),
            _ => Err(not_found("no such route")),
        };
    }
    if let Some(p) = segments(path, "/api/v1/outbox") {
        return match (p.as_slice(), req.method()) {
            ([], Method::Get) => list(req, &db),
            (["flush"], Method::Post) => flush(&db).await,
            ([id], Method::Get) => message(&db, id),
            (["flush"], _) => Err(method_not_allowed("POST")),
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

// ---- composing ----

/// Everything needed to render: the template, the dispute, the recipient.
struct Composed {
    template: EmailTemplate,
    audience: Audience,
    source: EmailSource,
    to: String,
    language: String,
}

fn compose(db: &SpinDb, r: &EmailRequest) -> Answer<Composed> {
    let source = outbox::email_source(db, r.regarding)?.ok_or_else(|| match r.regarding {
        Regarding::StatusChange(id) => {
            unprocessable("/status_change_id", format!("no status change {id}"))
        }
        Regarding::Action(id) => unprocessable("/action_id", format!("no action {id}")),
    })?;
    let any = config::template_for(db, &r.template, "en")?
        .ok_or_else(|| unprocessable("/template", format!("no email template {:?}", r.template)))?;
    let audience = Audience::parse(&any.audience).unwrap_or(Audience::Customer);
    let recipient_language = match audience {
        Audience::Resolver => source.resolver.as_ref().map(|r| r.language.clone()),
        Audience::Customer => Some(source.customer_language.clone()),
    }
    .unwrap_or_else(|| "en".into());
    let template = match &r.language {
        Some(l) => config::template(db, &r.template, l)?.ok_or_else(|| {
            unprocessable(
                "/language",
                format!("template {:?} has no {l:?} version", r.template),
            )
        })?,
        None => config::template_for(db, &r.template, &recipient_language)?.unwrap_or(any),
    };
    let to = match (&r.to, audience) {
        (Some(to), _) => to.clone(),
        (None, Audience::Resolver) => match &source.resolver {
            Some(res) => res.email.clone(),
            None => {
                return Err(unprocessable(
                    "/to",
                    "this dispute has no resolver: qualify it with a resolver_id, or give to",
                ));
            }
        },
        (None, Audience::Customer) => source.customer_email.clone().ok_or_else(|| {
            unprocessable(
                "/to",
                format!(
                    "customer {:?} has no email address: give to",
                    source.customer_id
                ),
            )
        })?,
    };
    Ok(Composed {
        language: template.language.clone(),
        template,
        audience,
        source,
        to,
    })
}

fn data(c: &Composed, collector: &str) -> EmailData {
    c.source.email_data(&c.language, collector, today())
}

fn render(r: &EmailRequest, c: &Composed, d: &EmailData) -> Answer<Rendered> {
    let subject = r.subject_override.as_deref().unwrap_or(&c.template.subject);
    let body = r.body_override.as_deref().unwrap_or(&c.template.body);
    templates::render(subject, body, d).map_err(|e| invalid(&e))
}

fn base_url() -> String {
    public_base_url()
}

fn preview(req: &Request, db: &SpinDb) -> Answer<Response> {
    let r = parse_email_request(json_body(req)?).map_err(|e| invalid(&e))?;
    let c = compose(db, &r)?;
    let mut d = data(&c, "");
    let base = base_url();
    d.resolver_link = links::url(&base, Audience::Resolver, "link-created-when-sent");
    d.customer_link = links::url(&base, Audience::Customer, "link-created-when-sent");
    let rendered = render(&r, &c, &d)?;
    Ok(json(
        200,
        &json!({
            "template": c.template.code, "language": c.language, "audience": c.audience.as_str(),
            "to": c.to, "subject": rendered.subject, "html": rendered.html, "text": rendered.text,
        }),
    ))
}

async fn send(req: &Request, db: &SpinDb, principal: &Principal) -> Answer<Response> {
    let r = parse_email_request(json_body(req)?).map_err(|e| invalid(&e))?;
    let secret = link_secret()?;
    let id = db.transaction(|db| {
        let c = compose(db, &r)?;
        let mut d = data(&c, &principal.actor);
        let now_s = now();
        let expires = links::expiry(Utc::now());
        let subject_src = r.subject_override.as_deref().unwrap_or(&c.template.subject);
        let body_src = r.body_override.as_deref().unwrap_or(&c.template.body);
        let s = &c.source;
        for audience in [Audience::Resolver, Audience::Customer] {
            if !templates::uses(subject_src, body_src, audience.hashtag()) {
                continue;
            }
            let resolver_id = s.resolver.as_ref().map(|r| r.id);
            let subject = audience
                .subject(resolver_id, &s.customer_id)
                .ok_or_else(|| {
                    unprocessable(
                        "/template",
                        "the template shows #resolver_link but this dispute has no resolver",
                    )
                })?;
            let link_id = outbox::create_link(
                db,
                audience,
                &subject,
                s.customer_key,
                s.status_change_id,
                s.action_id,
                &format_timestamp(expires),
                &principal.actor,
                &now_s,
            )?;
            let token = links::sign(
                secret.as_bytes(),
                &Claims {
                    link_id,
                    audience,
                    subject,
                    customer_id: s.customer_id.clone(),
                    status_change_id: s.status_change_id,
                    action_id: s.action_id,
                    expires_at: expires.timestamp(),
                },
            );
            let url = links::url(&base_url(), audience, &token);
            match audience {
                Audience::Resolver => d.resolver_link = url,
                Audience::Customer => d.customer_link = url,
            }
        }
        let rendered = render(&r, &c, &d)?;
        outbox::enqueue(
            db,
            &NewMessage {
                template: &c.template.code,
                language: &c.language,
                audience: c.audience.as_str(),
                to: &c.to,
                subject: &rendered.subject,
                html: &rendered.html,
                text: &rendered.text,
                customer_key: s.customer_key,
                status_change_id: s.status_change_id,
                action_id: s.action_id,
            },
            &principal.actor,
            &now_s,
        )
        .map_err(store_error)
    })?;
    if let Some(delivery) = Delivery::configured() {
        delivery.deliver(db, id).await?;
    }
    let m = outbox::message(db, id)?.ok_or_else(|| not_found("the message vanished"))?;
    let mut resp = json(201, &m);
    resp.set_header("location", format!("/api/v1/outbox/{id}"));
    Ok(resp)
}

// ---- delivery ----

/// The email API: JSON POSTed to `email_api_url` with `Authorization: Bearer
/// email_api_token`. Its host must be in the component's `allowed_outbound_hosts`.
struct Delivery {
    url: String,
    token: String,
}

impl Delivery {
    fn configured() -> Option<Delivery> {
        Some(Delivery {
            url: variable("email_api_url")?,
            token: variable("email_api_token")?,
        })
    }

    /// One attempt; the outcome is recorded on the message (sent, or failed with why).
    async fn deliver(&self, db: &SpinDb, id: i64) -> Answer<bool> {
        let Some(m) = outbox::message(db, id)? else {
            return Ok(false);
        };
        let payload = json!({
            "message_id": format!("settle-{}", m.id),
            "to": m.to, "subject": m.subject, "html": m.html, "text": m.text,
            "tags": {"template": m.template, "customer_id": m.customer_id},
        });
        let request = Request::builder()
            .method(Method::Post)
            .uri(&self.url)
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {}", self.token))
            .body(payload.to_string())
            .build();
        let error = match spin_sdk::http::send::<_, Response>(request).await {
            Ok(resp) if (200..300).contains(resp.status()) => None,
            Ok(resp) => {
                let body = String::from_utf8_lossy(resp.body());
                let excerpt: String = body.chars().take(300).collect();
                Some(format!(
                    "the email API answered {}: {excerpt}",
                    resp.status()
                ))
            }
            Err(e) => Some(format!("the email API could not be reached: {e}")),
        };
        outbox::record_attempt(db, id, error.as_deref(), &now())?;
        Ok(error.is_none())
    }
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
    let mut response = db.transaction(|db| {
        idempotent(req, db, principal, || {
            let customer = ledger::customer(db, &r.customer_id)?.ok_or_else(|| {
                unprocessable("/customer_id", format!("no customer {:?}", r.customer_id))
            })?;
            let expires = links::expiry_in(Utc::now(), r.ttl_days);
            let id = outbox::create_link(
                db,
                Audience::Customer,
                &customer.id,
                customer.key,
                None,
                None,
                &format_timestamp(expires),
                &principal.actor,
                &now(),
            )?;
            let l = outbox::link(db, id)?.ok_or_else(|| not_found("the link vanished"))?;
            Ok((201, link_json(&l)?))
        })
    })?;
    let mut body: Value = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
    let id = body["id"].as_i64().unwrap_or_default();
    let l = outbox::link(db, id)?.ok_or_else(|| not_found(&format!("no link {id}")))?;
    let token = links::sign(link_secret()?.as_bytes(), &claims_of(&l)?);
    body["url"] = json!(links::url(&base_url(), Audience::Customer, &token));
    let status = *response.status();
    let replayed = response.header("idempotent-replayed").is_some();
    response = json(status, &body);
    response.set_header("location", format!("/api/v1/links/{id}"));
    if replayed {
        response.set_header("idempotent-replayed", "true");
    }
    Ok(response)
}

/// The claims a stored link was signed with.
fn claims_of(l: &outbox::Link) -> Answer<Claims> {
    let expires_at = parse_timestamp(&l.expires_at).map_err(|e| store_error(StoreError(e)))?;
    Ok(Claims {
        link_id: l.id,
        audience: Audience::parse(&l.audience).unwrap_or(Audience::Customer),
        subject: l.subject.clone(),
        customer_id: l.customer_id.clone(),
        status_change_id: l.status_change_id,
        action_id: l.action_id,
        expires_at: expires_at.timestamp(),
    })
}

fn revoke(db: &SpinDb, id: &str, principal: &Principal) -> Answer<Response> {
    let id = id_of(id, "link")?;
    match db.transaction(|db| {
        outbox::revoke_link(db, id, &principal.actor, &now()).map_err(store_error)
    })? {
        None => Err(not_found(&format!("no link {id}"))),
        Some(false) => Err(problem(
            409,
            "already-revoked",
            "Conflict",
            "this link is already revoked",
        )),
        Some(true) => Ok(Response::builder().status(204).build()),
    }
}
