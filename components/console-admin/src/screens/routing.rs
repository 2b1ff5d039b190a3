//! Routing rules (issue 24, part 6): who resolves a new dispute when the collector names
//! nobody. One card per rule in the order they apply (change it, remove it), a form to add
//! one; written through the same use cases as `/api/v1/admin/routing-rules`.

use minijinja::{Value, context};
use serde_json::Map;
use settle_domain::catalog::StatusKind;
use settle_pages::console::{Ctx, Failure};
use settle_store::{config, routing as store};
use settle_web::forms::{Field, Form};
use settle_web::settle_usecases::routing as uc;
use spin_sdk::http::Response;

use super::write;

const BACK: &str = "/app/admin/routing-rules";

pub fn list(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    let resolvers = config::resolvers(&ctx.db)?;
    let name = |id: i64| {
        resolvers
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| format!("#{id}"), |r| r.name.clone())
    };
    let stored = store::rules(&ctx.db)?;
    let rules: Vec<Value> = stored
        .iter()
        .map(|r| {
            context! {
                resolver => name(r.resolver_id),
                resolver_active => resolvers.iter().any(|x| x.id == r.resolver_id && x.active),
                ..Value::from_serialize(r.view())
            }
        })
        .collect();
    // A new rule goes last unless told otherwise.
    let next = stored.iter().map(|r| r.position).max().unwrap_or(0) + 1;
    let lang = ctx.messages.language.tag;
    let reasons: Vec<Value> = config::statuses_light(&ctx.db)?
        .iter()
        .filter(|s| s.status.kind == StatusKind::Dispute)
        .map(|s| context! { code => s.status.code.clone(), label => s.status.label(lang) })
        .collect();
    ctx.render(
        status,
        "routing.html",
        "admin",
        context! {
            rules => rules,
            reasons => reasons,
            resolvers => resolvers.iter().filter(|r| r.active).map(|r| context! { id => r.id, name => r.name.clone() }).collect::<Vec<_>>(),
            next_position => next,
            errors => errors,
        },
    )
}

/// The rule a form describes, as the API's body: blank fields match anything, amounts are
/// read as the user types them, a position or resolver that is not a number is passed on for
/// the rule to refuse, naming it.
fn body(ctx: &Ctx, f: &Form) -> Map<String, serde_json::Value> {
    let mut o = f.to_object(&[
        ("position", Field::Int),
        ("status", Field::Text),
        ("entity", Field::Text),
        ("customer_id", Field::Text),
        ("resolver_id", Field::Int),
    ]);
    if let Some(c) = f.get("currency").map(str::trim).filter(|c| !c.is_empty()) {
        o.insert("currency".into(), c.to_uppercase().into());
    }
    for field in ["min_amount", "max_amount"] {
        if let Some(typed) = f.get(field).map(str::trim).filter(|v| !v.is_empty()) {
            let amount = ctx
                .messages
                .typed_amount(typed)
                .unwrap_or_else(|| typed.to_string());
            o.insert(field.into(), amount.into());
        }
    }
    o
}

pub fn save(ctx: &Ctx, id: Option<&str>) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let raw = serde_json::Value::Object(body(ctx, &f)).to_string();
    let who = ctx.who();
    let r = match id {
        None => uc::create(&ctx.db, raw.as_bytes(), &who).map(|_| ()),
        Some(id) => {
            let id = id.parse::<i64>().map_err(|_| Failure::NotFound)?;
            uc::update(&ctx.db, id, raw.as_bytes(), &who).map(|_| ())
        }
    };
    write(ctx, r, BACK, |s, e| list(ctx, s, e))
}

pub fn delete(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    ctx.form()?;
    let id = id.parse::<i64>().map_err(|_| Failure::NotFound)?;
    let r = uc::delete(&ctx.db, id, &ctx.who()).map(|_| ());
    write(ctx, r, BACK, |s, e| list(ctx, s, e))
}
