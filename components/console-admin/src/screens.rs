//! The admin screens: each list is a page with its forms; each form becomes the JSON body
//! the admin API takes and goes through the same write (`settle_web::config`).

mod root_causes;
mod routing;
mod tokens;
mod tolerances;
mod webhooks;

use minijinja::{Value, context};
use serde_json::{Map, json};
use settle_domain::auth::{check_new_token, hash_token, new_token};
use settle_domain::templates::{self, HASHTAGS};
use settle_pages::console::{Ctx, Failure, field_errors};
use settle_pages::i18n::LANGUAGES;
use settle_store::{Db, access, config as store, outbox, scenarios};
use settle_web::forms::{Field, Form};
use settle_web::now;
use settle_web::settle_usecases::Refusal;
use settle_web::settle_usecases::config as cfg;
use spin_sdk::http::{Method, Response};
use tokens::{create_token, links, revoke_link, revoke_token, tokens};

pub fn route(ctx: &Ctx, seg: &[&str]) -> Result<Response, Failure> {
    match (seg, ctx.req.method()) {
        ([], Method::Get) => ctx.render(200, "admin.html", "admin", context! {}),
        (["statuses"], Method::Get) => statuses(ctx, 200, Vec::new()),
        (["statuses"], Method::Post) => save_status(ctx, None),
        (["statuses", code], Method::Post) => save_status(ctx, Some(code)),
        (["root-causes"], Method::Get) => root_causes::list(ctx, 200, Vec::new()),
        (["root-causes"], Method::Post) => root_causes::save(ctx, None),
        (["root-causes", code], Method::Post) => root_causes::save(ctx, Some(code)),
        (["write-off-tolerances"], Method::Get) => tolerances::list(ctx, 200, Vec::new()),
        (["write-off-tolerances"], Method::Post) => tolerances::save(ctx, None),
        (["write-off-tolerances", entity, currency], Method::Post) => {
            tolerances::save(ctx, Some((entity, currency)))
        }
        (["write-off-tolerances", entity, currency, "delete"], Method::Post) => {
            tolerances::delete(ctx, entity, currency)
        }
        (["routing-rules"], Method::Get) => routing::list(ctx, 200, Vec::new()),
        (["routing-rules"], Method::Post) => routing::save(ctx, None),
        (["routing-rules", id], Method::Post) => routing::save(ctx, Some(id)),
        (["routing-rules", id, "delete"], Method::Post) => routing::delete(ctx, id),
        (["resolvers"], Method::Get) => resolvers(ctx, 200, Vec::new()),
        (["resolvers"], Method::Post) => save_resolver(ctx, None),
        (["resolvers", id], Method::Post) => save_resolver(ctx, Some(id)),
        (["action-models"], Method::Get) => models(ctx, 200, Vec::new()),
        (["action-models"], Method::Post) => save_model(ctx, None),
        (["action-models", code], Method::Post) => save_model(ctx, Some(code)),
        (["templates"], Method::Get) => template_list(ctx),
        (["templates", code, language], Method::Get) => {
            let t = store::template(&ctx.db, code, language)?.ok_or(Failure::NotFound)?;
            template_editor(
                ctx,
                200,
                code,
                language,
                &t.audience,
                &t.subject,
                &t.body,
                None,
                Vec::new(),
            )
        }
        (["templates", code, language], Method::Post) => save_template(ctx, code, language),
        (["scenarios"], Method::Get) => scenario_list(ctx, 200, Vec::new()),
        (["scenarios"], Method::Post) => save_scenario(ctx, None),
        (["scenarios", code], Method::Post) => save_scenario(ctx, Some(code)),
        (["tokens"], Method::Get) => tokens(ctx, 200, None, Vec::new()),
        (["tokens"], Method::Post) => create_token(ctx),
        (["tokens", id, "revoke"], Method::Post) => revoke_token(ctx, id),
        (["links"], Method::Get) => links(ctx),
        (["links", id, "revoke"], Method::Post) => revoke_link(ctx, id),
        (["webhooks"], Method::Get) => webhooks::webhooks(ctx, 200, None, Vec::new()),
        (["webhooks"], Method::Post) => webhooks::create(ctx),
        (["webhooks", id, "rotate-secret"], Method::Post) => webhooks::rotate(ctx, id),
        (["webhooks", id, "enabled"], Method::Post) => webhooks::enable(ctx, id),
        (["webhooks", id, "delete"], Method::Post) => webhooks::delete(ctx, id),
        (["webhooks", "deliveries", id, "retry"], Method::Post) => webhooks::retry(ctx, id),
        ([] | ["templates" | "links"], _) => Err(Failure::Method("GET")),
        (["webhooks", "deliveries", _, "retry"], _) => Err(Failure::Method("POST")),
        (["webhooks", _, "rotate-secret" | "enabled" | "delete"], _) => {
            Err(Failure::Method("POST"))
        }
        (
            [
                "statuses"
                | "root-causes"
                | "write-off-tolerances"
                | "routing-rules"
                | "resolvers"
                | "action-models"
                | "tokens"
                | "scenarios"
                | "webhooks",
            ],
            _,
        ) => Err(Failure::Method("GET, POST")),
        (["templates", _, _], _) => Err(Failure::Method("GET, POST")),
        (
            ["write-off-tolerances", _, _]
            | ["write-off-tolerances", _, _, "delete"]
            | ["routing-rules", _]
            | ["routing-rules", _, "delete"],
            _,
        ) => Err(Failure::Method("POST")),
        (
            [
                "statuses" | "root-causes" | "resolvers" | "action-models" | "scenarios",
                _,
            ],
            _,
        )
        | (["tokens" | "links", _, "revoke"], _) => Err(Failure::Method("POST")),
        _ => Err(Failure::NotFound),
    }
}

/// A write through the configuration use case (the admin API's too): a redirect to `back`
/// when it worked, the page again with the fields in error when it was refused (nothing
/// written).
fn write(
    ctx: &Ctx,
    result: Result<(), Refusal>,
    back: &str,
    again: impl FnOnce(u16, Vec<Value>) -> Result<Response, Failure>,
) -> Result<Response, Failure> {
    match result.map_err(Failure::from) {
        Ok(_) => ctx.redirect(back),
        Err(Failure::Invalid(status, inv)) => again(status, field_errors(&ctx.messages, &inv)),
        Err(f) => Err(f),
    }
}

/// A blank text field of an edit form clears the value (`null` in the API).
fn blank_is_null(o: &mut Map<String, serde_json::Value>, f: &Form, names: &[&str]) {
    for n in names {
        if f.get(n).is_some_and(|v| v.trim().is_empty()) {
            o.insert((*n).to_string(), serde_json::Value::Null);
        }
    }
}

/// The labels a form gives (`label_<tag>`, one per page language; blank ones left out), as
/// the API's `labels`, when it gives any.
fn labels_into(o: &mut Map<String, serde_json::Value>, f: &Form) {
    let labels: Map<String, serde_json::Value> = LANGUAGES
        .iter()
        .filter_map(|l| {
            let v = f.get(&format!("label_{}", l.tag))?.trim();
            (!v.is_empty()).then(|| (l.tag.to_string(), json!(v)))
        })
        .collect();
    if !labels.is_empty() {
        o.insert("labels".into(), serde_json::Value::Object(labels));
    }
}

// ---- statuses ----

fn statuses(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    ctx.render(
        status,
        "statuses.html",
        "admin",
        context! {
            statuses => store::statuses(&ctx.db)?,
            models => store::action_models(&ctx.db)?,
            languages_all => settle_pages::console::language_options(),
            errors => errors,
        },
    )
}

fn save_status(ctx: &Ctx, code: Option<&str>) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let mut o = f.to_object(&[
        ("kind", Field::Text),
        ("typology", Field::Text),
        ("action_model", Field::Text),
        ("active", Field::Bool),
        ("customer_visible", Field::Bool),
        ("customer_selectable", Field::Bool),
    ]);
    if code.is_none() {
        o.extend(f.to_object(&[("code", Field::Text)]));
    } else {
        blank_is_null(&mut o, &f, &["typology", "action_model"]);
    }
    labels_into(&mut o, &f);
    let who = ctx.who();
    let r = cfg::save_status(&ctx.db, &o, &who, code).map(|_| ());
    write(ctx, r, "/app/admin/statuses", |s, e| statuses(ctx, s, e))
}

// ---- resolvers ----

fn resolvers(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    ctx.render(
        status,
        "resolvers.html",
        "admin",
        context! {
            resolvers => store::resolvers(&ctx.db)?,
            languages_all => settle_pages::console::language_options(),
            errors => errors,
        },
    )
}

fn save_resolver(ctx: &Ctx, id: Option<&str>) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let mut o = f.to_object(&[
        ("name", Field::Text),
        ("email", Field::Text),
        ("role", Field::Text),
        ("language", Field::Text),
        ("active", Field::Bool),
        ("escalation_id", Field::Int),
    ]);
    // "Nobody" (blank) clears the escalation contact.
    if f.get("escalation_id").is_some_and(|v| v.trim().is_empty()) {
        o.insert("escalation_id".into(), serde_json::Value::Null);
    }
    let who = ctx.who();
    let r = cfg::save_resolver(&ctx.db, &o, &who, id).map(|_| ());
    write(ctx, r, "/app/admin/resolvers", |s, e| resolvers(ctx, s, e))
}

// ---- action models ----

fn models(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    ctx.render(
        status,
        "models.html",
        "admin",
        context! {
            models => store::action_models(&ctx.db)?,
            action_types => settle_domain::actions::ActionType::ALL.map(|t| t.as_str()).to_vec(),
            errors => errors,
        },
    )
}

fn save_model(ctx: &Ctx, code: Option<&str>) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let mut o = f.to_object(&[
        ("type", Field::Text),
        ("name", Field::Text),
        ("delay_days", Field::Int),
        ("active", Field::Bool),
    ]);
    if code.is_none() {
        o.extend(f.to_object(&[("code", Field::Text)]));
    }
    let who = ctx.who();
    let r = cfg::save_model(&ctx.db, &o, &who, code).map(|_| ());
    write(ctx, r, "/app/admin/action-models", |s, e| models(ctx, s, e))
}

// ---- email templates ----

fn template_list(ctx: &Ctx) -> Result<Response, Failure> {
    ctx.render(
        200,
        "templates.html",
        "admin",
        context! { templates => store::templates(&ctx.db)? },
    )
}

#[allow(clippy::too_many_arguments)]
fn template_editor(
    ctx: &Ctx,
    status: u16,
    code: &str,
    language: &str,
    audience: &str,
    subject: &str,
    body: &str,
    preview: Option<templates::Rendered>,
    errors: Vec<Value>,
) -> Result<Response, Failure> {
    let hashtags: Vec<Value> = HASHTAGS
        .iter()
        .map(|(n, d)| context! { name => format!("#{n}"), inserts => d })
        .collect();
    ctx.render(
        status,
        "template.html",
        "admin",
        context! {
            code => code, language => language, audience => audience,
            subject => subject, body => body,
            preview => preview.map(|p| Value::from_serialize(&p)),
            hashtags => hashtags,
            errors => errors,
        },
    )
}

/// `POST /app/admin/templates/{code}/{language}`: with `preview`, renders the template as
/// typed on sample data and saves nothing; otherwise saves it (the API's `PUT`).
fn save_template(ctx: &Ctx, code: &str, language: &str) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let audience = f.get("audience").unwrap_or("").to_string();
    let subject = f.get("subject").unwrap_or("").to_string();
    let text = f.get("body").unwrap_or("").to_string();
    let again = |status, preview, errors| {
        template_editor(
            ctx, status, code, language, &audience, &subject, &text, preview, errors,
        )
    };
    if f.get("preview").is_some() {
        // The sample written as the template's language writes amounts and dates.
        let fmt = settle_web::settle_usecases::emails::Formats::format(
            &settle_pages::EmailFormats,
            language,
        );
        return match templates::render(&subject, &text, &templates::sample(), fmt.as_ref()) {
            Ok(r) => again(200, Some(r), Vec::new()),
            Err(e) => again(422, None, field_errors(&ctx.messages, &e)),
        };
    }
    let o = f.to_object(&[
        ("audience", Field::Text),
        ("subject", Field::Raw),
        ("body", Field::Raw),
    ]);
    let who = ctx.who();
    let r = cfg::save_template(&ctx.db, &o, &who, code, language).map(|_| ());
    let back = format!("/app/admin/templates/{code}/{language}");
    write(ctx, r, &back, |s, e| again(s, None, e))
}

// ---- reminder scenarios ----

fn scenario_list(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    let mut codes: Vec<String> = store::templates(&ctx.db)?
        .into_iter()
        .map(|t| t.code)
        .collect();
    codes.dedup();
    ctx.render(
        status,
        "scenarios.html",
        "admin",
        context! {
            scenarios => scenarios::scenarios(&ctx.db)?,
            templates => codes,
            step_types => ["email", "letter", "call"],
            errors => errors,
        },
    )
}

/// The steps of the form: one row per `offset_days` given (a blank row is no step), with
/// the `step_type` and `template` of the same row, in order.
fn steps(f: &Form) -> Vec<serde_json::Value> {
    let offsets = f.all("offset_days");
    let types = f.all("step_type");
    let templates = f.all("template");
    offsets
        .iter()
        .enumerate()
        .filter(|(_, o)| !o.trim().is_empty())
        .map(|(i, o)| {
            let offset = o
                .trim()
                .parse::<i64>()
                .map_or_else(|_| json!(o.trim()), |n| json!(n));
            let mut step =
                json!({"offset_days": offset, "type": types.get(i).copied().unwrap_or("")});
            if let Some(t) = templates.get(i).filter(|t| !t.is_empty()) {
                step["template"] = json!(t);
            }
            step
        })
        .collect()
}

fn save_scenario(ctx: &Ctx, code: Option<&str>) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let mut o = f.to_object(&[
        ("name", Field::Text),
        ("default", Field::Bool),
        ("active", Field::Bool),
    ]);
    if code.is_none() {
        o.extend(f.to_object(&[("code", Field::Text)]));
    }
    o.insert("steps".into(), json!(steps(&f)));
    let who = ctx.who();
    let r = cfg::save_scenario(&ctx.db, &o, &who, code).map(|_| ());
    write(ctx, r, "/app/admin/scenarios", |s, e| {
        scenario_list(ctx, s, e)
    })
}

// ---- API tokens ----
