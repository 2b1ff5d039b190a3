//! An action: `GET /app/actions/{id}` shows it with its items, thread and history;
//! `POST` modifies it (name, date, type, resolver, comment), `/detach` takes ticked items
//! out of it (back to the scenario), `/terminate` ends it (the dispute items become
//! "Dispute resolved"). Every form carries the version it was read at, the API's ETag: when
//! someone changed the action meanwhile, nothing is written and the page says so (409) with
//! the action as it is now.

use minijinja::{Value, context};
use settle_domain::actions::{self as rules, ActionState};
use settle_domain::forms::{Field, Form};
use settle_domain::input::Object;
use settle_domain::validation::Invalid;
use settle_pages::rows::item_rows;
use settle_store::actions::{self as store, ActionView};
use settle_store::{Db, config, pages};
use settle_web::{now, today};
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

fn changed_meanwhile() -> Failure {
    Failure::Invalid(
        409,
        Invalid::one("version", Some("version"), "the action changed meanwhile"),
    )
}

/// The form's `version` against the action's: stale or missing is "changed meanwhile".
fn check_version(f: &Form, a: &ActionView) -> Result<i64, Failure> {
    match f.get("version").and_then(|v| v.parse::<i64>().ok()) {
        Some(v) if v == a.version => Ok(v),
        _ => Err(changed_meanwhile()),
    }
}

fn live(a: &ActionView) -> Result<(), Failure> {
    rules::check_live(a.id, a.state, a.done_on.as_deref())
        .map_err(|e| Failure::Invalid(409, Invalid::one("state", Some("state"), e)))
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

/// Runs `write` on the action in one transaction; a refusal re-shows the action as it is
/// now with the reason.
fn write(
    ctx: &Ctx,
    id: &str,
    write: impl FnOnce(&ActionView, &Form) -> Result<Option<Vec<String>>, Failure>,
) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let outcome = ctx.db.transaction(|_| {
        let a = one(ctx, id)?;
        check_version(&f, &a)?;
        live(&a)?;
        write(&a, &f)
    });
    match outcome {
        Ok(None) => ctx.redirect(&format!("/app/actions/{id}")),
        Ok(Some(resolved)) => {
            let a = one(ctx, id)?;
            show(ctx, &a, 200, Vec::new(), Some(resolved))
        }
        Err(Failure::Invalid(s, inv)) => {
            let a = one(ctx, id)?;
            show(ctx, &a, s, field_errors(&ctx.messages, &inv), None)
        }
        Err(e) => Err(e),
    }
}

pub fn modify(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(ctx, id, |a, f| {
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
        let mut errors = Invalid::default();
        let mut obj = Object::new(&o, "", &mut errors);
        let changes = rules::read_changes(&mut obj);
        obj.finish(&[]);
        errors.into_result().map_err(|e| Failure::Invalid(422, e))?;
        if let Some(Some(r)) = changes.resolver_id
            && a.resolver.as_ref().is_none_or(|x| x.id != r)
        {
            let known = config::resolver_states(&ctx.db, &[r])?;
            let mut errors = Invalid::default();
            rules::check_resolver("/resolver_id", Some(r), &known, &mut errors);
            errors.into_result().map_err(|e| Failure::Invalid(422, e))?;
        }
        if !store::update(&ctx.db, a, a.version, &changes, &ctx.actor(), &now())? {
            return Err(changed_meanwhile());
        }
        Ok(None)
    })
}

pub fn detach(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(ctx, id, |a, f| {
        let ids: Vec<String> = f.all("item").into_iter().map(str::to_string).collect();
        if ids.is_empty() {
            return Err(Failure::Invalid(
                422,
                Invalid::one("/item_ids", Some("item_ids"), "tick at least one item"),
            ));
        }
        let found = store::load_items(&ctx.db, &ids)?;
        let holders: Vec<Option<Option<i64>>> = found
            .iter()
            .map(|f| f.as_ref().map(|f| f.action_id))
            .collect();
        rules::check_detach(a.id, &ids, &holders).map_err(|e| Failure::Invalid(422, e))?;
        let items: Vec<(i64, String)> = found
            .into_iter()
            .flatten()
            .map(|f| (f.key, f.state.id))
            .collect();
        store::detach(&ctx.db, a.id, &items, &ctx.actor(), &now())?;
        Ok(None)
    })
}

pub fn terminate(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(ctx, id, |a, f| {
        let o = f.to_object(&[("date", Field::Text), ("comment", Field::Text)]);
        let mut errors = Invalid::default();
        let mut obj = Object::new(&o, "", &mut errors);
        let (date, comment) = rules::read_termination(&mut obj);
        obj.finish(&[]);
        errors.into_result().map_err(|e| Failure::Invalid(422, e))?;
        let resolved = config::resolved_status(&ctx.db)?;
        rules::check_terminate(a.action_type, resolved.as_deref())
            .map_err(|e| Failure::Invalid(409, Invalid::one("type", Some("type"), e)))?;
        let date = settle_domain::dates::format_date(date.unwrap_or_else(today));
        store::terminate(
            &ctx.db,
            a,
            &date,
            comment.as_deref(),
            resolved.as_deref(),
            &ctx.actor(),
            &now(),
        )?;
        Ok(None)
    })
}
