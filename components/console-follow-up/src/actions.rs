//! An action: `GET /app/actions/{id}` shows it with its items, thread and history;
//! `POST` modifies it (name, date, type, resolver, comment), `/detach` takes ticked items
//! out of it (back to the scenario), `/terminate` ends it (the dispute items become
//! "Dispute resolved"). Every form carries the version it was read at, the API's ETag: when
//! someone changed the action meanwhile, nothing is written and the page says so (409) with
//! the action as it is now.

use minijinja::{Value, context};
use settle_domain::actions::{self as rules, ActionState};
use settle_pages::rows::item_rows;
use settle_store::actions::{self as store, ActionView};
use settle_store::{config, pages};
use settle_web::forms::{Field, Form};
use settle_web::settle_usecases::actions::{self as edits, Seen};
use settle_web::settle_usecases::{Refusal, Who};
use settle_web::today;
use spin_sdk::http::Response;

use settle_pages::console::{Ctx, Failure, field_errors};

fn one(ctx: &Ctx, id: &str) -> Result<ActionView, Failure> {
    id.parse::<i64>()
        .ok()
        .map(|i| store::action(&ctx.db, i))
        .transpose()?
        .flatten()
        .ok_or(Failure::NotFound)
}

pub fn view(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    let a = one(ctx, id)?;
    show(ctx, &a, 200, Vec::new(), None)
}

fn show(
    ctx: &Ctx,
    a: &ActionView,
    status: u16,
    errors: Vec<Value>,
    resolved: Option<Vec<String>>,
) -> Result<Response, Failure> {
    let items = store::action_items(&ctx.db, a.id, today())?;
    let keys: Vec<i64> = items.iter().map(|i| i.key).collect();
    let thread = pages::thread(&ctx.db, &keys, Some(a.id))?;
    let history = store::history(&ctx.db, a.id)?;
    let closed: Vec<bool> = items.iter().map(|i| i.closed_on.is_some()).collect();
    let lang = ctx.lang();
    let statuses = config::statuses_light(&ctx.db)?;
    let rows: Vec<Value> = item_rows(&ctx.messages, &items)
        .into_iter()
        .zip(&items)
        .map(|(row, i)| {
            let label = i.status.as_ref().map(|s| {
                statuses
                    .iter()
                    .find(|c| c.status.code == s.code)
                    .map(|c| c.status.label(lang).to_string())
                    .unwrap_or_else(|| s.code.clone())
            });
            context! {
                row => row,
                status_label => label,
                held => i.action_id == Some(a.id),
                closed => i.closed_on.is_some(),
            }
        })
        .collect();
    let resolvers: Vec<Value> = config::resolvers(&ctx.db)?
        .into_iter()
        .filter(|r| r.active || a.resolver.as_ref().is_some_and(|x| x.id == r.id))
        .map(|r| context! { id => r.id, name => r.name })
        .collect();
    let shown = settle_pages::rows::ActionNames::load(&ctx.db, ctx.lang())?
        .shown(&a.name, a.model.as_deref());
    ctx.render(
        status,
        "action.html",
        "agenda",
        context! {
            shown_name => shown,
            action => a,
            live => a.state == ActionState::Live,
            rows => rows,
            thread => thread,
            history => history,
            resolvers => resolvers,
            errors => errors,
            resolved => resolved,
            ready => rules::ready_to_terminate(a.state, &closed),
            action_types => rules::ActionType::ALL.map(|t| t.as_str()).to_vec(),
            today => settle_domain::dates::format_date(today()),
        },
    )
}

/// The version the form was read at (a missing or garbled one cannot be this action's).
fn seen(f: &Form) -> Seen {
    f.get("version")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .map_or(Seen::Unknown, Seen::Version)
}

/// Runs the use case `write` on the action; a refusal re-shows the action as it is now with
/// the reason beside its field.
fn write<T>(
    ctx: &Ctx,
    id: &str,
    write: impl FnOnce(i64, Seen, &Form, &Who) -> Result<T, Refusal>,
    then: impl FnOnce(T) -> Option<Vec<String>>,
) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let a = one(ctx, id)?;
    match write(a.id, seen(&f), &f, &ctx.who()).map_err(Failure::from) {
        Ok(done) => match then(done) {
            None => ctx.redirect(&format!("/app/actions/{id}")),
            Some(resolved) => show(ctx, &one(ctx, id)?, 200, Vec::new(), Some(resolved)),
        },
        Err(Failure::Invalid(s, inv)) => {
            let a = one(ctx, id)?;
            show(ctx, &a, s, field_errors(&ctx.messages, &inv), None)
        }
        Err(e) => Err(e),
    }
}

pub fn modify(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(
        ctx,
        id,
        |id, seen, f, who| {
            let mut o = f.to_object(&[
                ("name", Field::Text),
                ("date", Field::Text),
                ("type", Field::Text),
                ("resolver_id", Field::Int),
                ("comment", Field::Raw),
            ]);
            // A blank resolver or comment removes it, as `null` does in the API.
            for k in ["resolver_id", "comment"] {
                if o.get(k)
                    .is_none_or(|v| v.as_str().is_some_and(|s| s.trim().is_empty()))
                {
                    o.insert(k.into(), serde_json::Value::Null);
                }
            }
            edits::update(&ctx.db, id, seen, &o, who)
        },
        |_| None,
    )
}

pub fn detach(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(
        ctx,
        id,
        |id, seen, f, who| {
            // The ticked rows are the form's `item`s.
            let mut o = serde_json::Map::new();
            o.insert("item_ids".into(), serde_json::Value::from(f.all("item")));
            edits::detach(&ctx.db, id, seen, &o, who)
        },
        |_| None,
    )
}

pub fn terminate(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(
        ctx,
        id,
        |id, seen, f, who| {
            let o = f.to_object(&[("date", Field::Text), ("comment", Field::Text)]);
            let done = edits::terminate(&ctx.db, id, seen, &o, who)?;
            ctx.after_commit(done.after.clone());
            Ok(done)
        },
        |_| None,
    )
}
