//! Outbound webhooks: endpoints (added with their secret shown once, a new secret, enabled
//! or disabled, deleted) and their latest deliveries, each failed one with *Retry*. Every
//! write is the admin API's use case (`settle_usecases::webhooks`).

use settle_domain::webhooks::{ALL_EVENTS, EventType, OriginPattern};
use settle_store::webhooks::{self as wh, DeliveryFilter};
use settle_web::settle_usecases::webhooks as uc;

use super::*;

const STATES: [&str; 3] = ["pending", "delivered", "failed"];

fn origins() -> Result<Option<OriginPattern>, Failure> {
    let raw = settle_web::variable("webhook_origins").unwrap_or_default();
    OriginPattern::parse(&raw)
        .map_err(|e| Failure::Server(500, format!("the webhook_origins variable: {e}")))
}

/// The page: endpoints, the add form, the latest deliveries (`?state=` filters them).
pub(super) fn webhooks(
    ctx: &Ctx,
    status: u16,
    secret: Option<Value>,
    errors: Vec<Value>,
) -> Result<Response, Failure> {
    let state = settle_web::query(ctx.req)
        .into_iter()
        .find(|(k, v)| k == "state" && STATES.contains(&v.as_str()))
        .map(|(_, v)| v);
    let deliveries = wh::deliveries(
        &ctx.db,
        &DeliveryFilter {
            state: state.as_deref(),
            limit: 50,
            ..Default::default()
        },
    )?;
    let types: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
    ctx.render(
        status,
        "webhooks.html",
        "admin",
        context! {
            endpoints => wh::endpoints(&ctx.db)?,
            deliveries => deliveries,
            state => state,
            states => STATES,
            event_types => types,
            all_events => ALL_EVENTS,
            origins_set => origins()?.is_some(),
            secret => secret,
            errors => errors,
        },
    )
}

/// The form as the API's object: `url`, `description`, `events` (the ticked boxes; "all"
/// is `*`).
fn endpoint_body(f: &Form) -> Map<String, serde_json::Value> {
    let mut o = f.to_object(&[("url", Field::Text), ("description", Field::Text)]);
    let events: Vec<&str> = f.all("events");
    o.insert("events".into(), json!(events));
    o
}

pub(super) fn create(ctx: &Ctx) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let created = uc::create(
        &ctx.db,
        &endpoint_body(&f),
        origins()?.as_ref(),
        settle_web::random_bytes(),
        &ctx.who(),
    );
    match created.map_err(Failure::from) {
        Ok(done) => webhooks(
            ctx,
            201,
            Some(context! { url => done.value.endpoint.url, secret => done.value.secret }),
            Vec::new(),
        ),
        Err(Failure::Invalid(s, inv)) => webhooks(ctx, s, None, field_errors(&ctx.messages, &inv)),
        Err(e) => Err(e),
    }
}

fn id_of(id: &str) -> Result<i64, Failure> {
    id.parse::<i64>().map_err(|_| Failure::NotFound)
}

/// A new secret, shown on this answer only.
pub(super) fn rotate(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    ctx.form()?;
    let done = uc::rotate(&ctx.db, id_of(id)?, settle_web::random_bytes(), &ctx.who())?;
    webhooks(
        ctx,
        200,
        Some(context! { url => done.value.endpoint.url, secret => done.value.secret }),
        Vec::new(),
    )
}

/// Enables or disables (`enabled` = `true` or `false`).
pub(super) fn enable(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let enabled = f.get("enabled") == Some("true");
    uc::update(
        &ctx.db,
        id_of(id)?,
        &Map::from_iter([("enabled".to_string(), json!(enabled))]),
        None,
        &ctx.who(),
    )?;
    ctx.redirect("/app/admin/webhooks")
}

pub(super) fn delete(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    ctx.form()?;
    uc::delete(&ctx.db, id_of(id)?, &ctx.who())?;
    ctx.redirect("/app/admin/webhooks")
}

/// Attempts a delivery now (a replay of a failed one keeps its event's id), then back to the
/// list, filtered as it was.
pub(super) fn retry(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let id = id_of(id)?;
    uc::retry(&ctx.db, id, &ctx.who())?;
    settle_web::webhooks::deliver(&ctx.db, &[id]);
    let back = match f.get("state").filter(|s| STATES.contains(s)) {
        Some(s) => format!("/app/admin/webhooks?state={s}#deliveries"),
        None => "/app/admin/webhooks#deliveries".to_string(),
    };
    ctx.redirect(&back)
}
