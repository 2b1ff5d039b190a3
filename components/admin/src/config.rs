//! Statuses, resolvers, action models, the resolvers' outcomes and email templates.
//!
//! `GET` lists or reads (with the record's change history), `POST` creates, `PATCH` edits
//! the fields given, `DELETE` deactivates (what items and history refer to is never
//! deleted), `PUT` saves an email template. Each change is one transaction with an audit row.

use serde::Serialize;
use serde_json::{Value, json};
use settle_domain::actions::ActionModel;
use settle_domain::auth::Principal;
use settle_domain::catalog::{valid_code, valid_language};
use settle_domain::config;
use settle_domain::links::Audience;
use settle_domain::templates::{self, HASHTAGS};
use settle_domain::validation::Invalid;
use settle_store::Db;
use settle_store::config::{self as store, EmailTemplate, Resolver};
use settle_store::{SpinDb, StoreError, ledger};
use settle_store::{pages, scenarios};
use settle_web::{
    Answer, conflict, invalid, json, method_not_allowed, not_found, now, parse_object_with,
    store_error,
};
use spin_sdk::http::{Method, Request, Response};

pub fn route(req: &Request, db: &SpinDb, who: &Principal, path: &[&str]) -> Answer<Response> {
    let m = req.method();
    match (path, m) {
        (["statuses"], Method::Get) => ok(&json!({"statuses": s(store::statuses(db))?})),
        (["statuses"], Method::Post) => save_status(req, db, who, None),
        (["statuses", code], Method::Get) => read(db, "status", code, store::status(db, code)),
        (["statuses", code], Method::Patch) => save_status(req, db, who, Some(code)),
        (["statuses", code], Method::Delete) => deactivate_status(db, who, code),
        (["resolvers"], Method::Get) => ok(&json!({"resolvers": s(store::resolvers(db))?})),
        (["resolvers"], Method::Post) => save_resolver(req, db, who, None),
        (["resolvers", id], Method::Get) => {
            let r = store::resolver(db, id.parse().unwrap_or(-1));
            read(db, "resolver", id, r)
        }
        (["resolvers", id], Method::Patch) => save_resolver(req, db, who, Some(id)),
        (["resolvers", id], Method::Delete) => deactivate_resolver(db, who, id),
        (["action-models"], Method::Get) => {
            ok(&json!({"action_models": s(store::action_models(db))?}))
        }
        (["action-models"], Method::Post) => save_model(req, db, who, None),
        (["action-models", code], Method::Get) => {
            read(db, "action_model", code, store::action_model(db, code))
        }
        (["action-models", code], Method::Patch) => save_model(req, db, who, Some(code)),
        (["action-models", code], Method::Delete) => deactivate_model(db, who, code),
        (["email-templates"], Method::Get) => ok(&json!({
            "templates": s(store::templates(db))?,
            "hashtags": HASHTAGS.iter().map(|(n, d)| json!({"name": format!("#{n}"), "inserts": d})).collect::<Vec<_>>(),
        })),
        (["email-templates", code, lang], Method::Get) => {
            let key = format!("{code}/{lang}");
            read(db, "email_template", &key, store::template(db, code, lang))
        }
        (["email-templates", code, lang], Method::Put) => save_template(req, db, who, code, lang),
        (["outcomes"], Method::Get) => ok(&json!({"outcomes": s(pages::outcomes(db))?})),
        (["outcomes"], Method::Post) => save_outcome(req, db, who, None),
        (["outcomes", code], Method::Get) => read(db, "outcome", code, pages::outcome(db, code)),
        (["outcomes", code], Method::Patch) => save_outcome(req, db, who, Some(code)),
        (["outcomes"], _) => Err(method_not_allowed("GET, POST")),
        (["outcomes", _], _) => Err(method_not_allowed("GET, PATCH")),
        (["scenarios"], Method::Get) => ok(&json!({"scenarios": s(scenarios::scenarios(db))?})),
        (["scenarios"], Method::Post) => save_scenario(req, db, who, None),
        (["scenarios", code], Method::Get) => {
            read(db, "scenario", code, scenarios::scenario(db, code))
        }
        (["scenarios", code], Method::Put) => save_scenario(req, db, who, Some(code)),
        (["customers", id, "scenario"], Method::Put) => assign_scenario(req, db, who, id),
        (["scenarios"], _) => Err(method_not_allowed("GET, POST")),
        (["scenarios", _], _) => Err(method_not_allowed("GET, PUT")),
        (["customers", _, "scenario"], _) => Err(method_not_allowed("PUT")),
        (["statuses" | "resolvers" | "action-models"], _) => Err(method_not_allowed("GET, POST")),
        (["statuses" | "resolvers" | "action-models", _], _) => {
            Err(method_not_allowed("GET, PATCH, DELETE"))
        }
        (["email-templates"], _) => Err(method_not_allowed("GET")),
        (["email-templates", _, _], _) => Err(method_not_allowed("GET, PUT")),
        _ => Err(not_found("no such route")),
    }
}

fn s<T>(r: Result<T, StoreError>) -> Answer<T> {
    r.map_err(store_error)
}

fn ok<T: Serialize>(v: &T) -> Answer<Response> {
    Ok(json(200, v))
}

/// One record with its change history, or 404.
fn read<T: Serialize>(
    db: &SpinDb,
    kind: &str,
    key: &str,
    found: Result<Option<T>, StoreError>,
) -> Answer<Response> {
    let record = s(found)?.ok_or_else(|| not_found(&format!("no {kind} {key:?}")))?;
    let mut v = serde_json::to_value(&record).unwrap_or(Value::Null);
    v["history"] = json!(s(store::history(db, kind, key))?);
    ok(&v)
}

fn value<T: Serialize>(t: &T) -> Option<Value> {
    serde_json::to_value(t).ok()
}

// ---- statuses ----

fn save_status(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    code: Option<&str>,
) -> Answer<Response> {
    let existing = match code {
        Some(c) => {
            Some(s(store::status(db, c))?.ok_or_else(|| not_found(&format!("no status {c:?}")))?)
        }
        None => None,
    };
    let (status, model) = parse_object_with(req, |o| {
        Some(config::read_status(
            o,
            existing
                .as_ref()
                .map(|e| (&e.status, e.action_model.as_deref())),
        ))
    })?;
    if let Some(m) = &model
        && !s(store::action_model(db, m))?.is_some_and(|m| m.active)
    {
        return Err(invalid(&Invalid::one(
            "/action_model",
            Some("action_model"),
            format!("no active action model {m:?}"),
        )));
    }
    db.transaction(|db| {
        match &existing {
            None => {
                if s(store::status(db, &status.code))?.is_some() {
                    return Err(conflict(
                        "conflict",
                        format!("status {:?} already exists", status.code),
                    ));
                }
            }
            Some(e) => {
                let in_use =
                    e.status.kind != status.kind && store::status_in_use(db, &status.code)?;
                config::check_kind_change(&e.status, &status, in_use)
                    .map_err(|m| conflict("conflict", m))?;
            }
        }
        s(store::save_status(
            db,
            &status,
            model.as_deref(),
            existing.is_none(),
        ))?;
        let saved = s(store::status(db, &status.code))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "status",
            &status.code,
            existing.as_ref().and_then(value),
            saved.as_ref().and_then(value),
        ))?;
        Ok(json(if existing.is_none() { 201 } else { 200 }, &saved))
    })
}

fn deactivate_status(db: &SpinDb, who: &Principal, code: &str) -> Answer<Response> {
    db.transaction(|db| {
        let e =
            s(store::status(db, code))?.ok_or_else(|| not_found(&format!("no status {code:?}")))?;
        let mut st = e.status.clone();
        st.active = false;
        s(store::save_status(
            db,
            &st,
            e.action_model.as_deref(),
            false,
        ))?;
        let saved = s(store::status(db, code))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "status",
            code,
            value(&e),
            saved.as_ref().and_then(value),
        ))?;
        ok(&saved)
    })
}

// ---- resolvers ----

fn save_resolver(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    id: Option<&str>,
) -> Answer<Response> {
    let existing = match id {
        Some(i) => Some(
            s(store::resolver(db, i.parse().unwrap_or(-1)))?
                .ok_or_else(|| not_found(&format!("no resolver {i:?}")))?,
        ),
        None => None,
    };
    let new = existing.is_none();
    let r = parse_object_with(req, |o| Some(config::read_resolver(o, existing.as_ref())))?;
    db.transaction(|db| {
        let saved = match &existing {
            None => s(store::create_resolver(
                db,
                &r.name,
                &r.email,
                &r.role,
                &r.language,
                &now(),
            ))?,
            Some(_) => {
                s(store::update_resolver(db, &r, &now()))?;
                s(store::resolver(db, r.id))?.unwrap_or(r.clone())
            }
        };
        s(store::record(
            db,
            &who.actor,
            &now(),
            "resolver",
            &saved.id.to_string(),
            existing.as_ref().and_then(value),
            value(&saved),
        ))?;
        let mut resp = json(if new { 201 } else { 200 }, &saved);
        if new {
            resp.set_header("location", format!("/api/v1/admin/resolvers/{}", saved.id));
        }
        Ok(resp)
    })
}

fn deactivate_resolver(db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    db.transaction(|db| {
        let e = s(store::resolver(db, id.parse().unwrap_or(-1)))?
            .ok_or_else(|| not_found(&format!("no resolver {id:?}")))?;
        let r = Resolver {
            active: false,
            ..e.clone()
        };
        s(store::update_resolver(db, &r, &now()))?;
        let saved = s(store::resolver(db, e.id))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "resolver",
            id,
            value(&e),
            saved.as_ref().and_then(value),
        ))?;
        ok(&saved)
    })
}

// ---- action models ----

fn save_model(req: &Request, db: &SpinDb, who: &Principal, code: Option<&str>) -> Answer<Response> {
    let existing = match code {
        Some(c) => Some(
            s(store::action_model(db, c))?
                .ok_or_else(|| not_found(&format!("no action model {c:?}")))?,
        ),
        None => None,
    };
    let new = existing.is_none();
    let m = parse_object_with(req, |o| {
        Some(config::read_action_model(o, existing.as_ref()))
    })?;
    db.transaction(|db| {
        if new && s(store::action_model(db, &m.code))?.is_some() {
            return Err(conflict(
                "conflict",
                format!("action model {:?} already exists", m.code),
            ));
        }
        s(store::save_action_model(db, &m, new, &now()))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "action_model",
            &m.code,
            existing.as_ref().and_then(value),
            value(&m),
        ))?;
        Ok(json(if new { 201 } else { 200 }, &m))
    })
}

/// The outcomes a resolver may propose on the page: create, rename, (de)activate. An
/// outcome a resolver proposed stays in the history whatever happens to it here.
fn save_outcome(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    code: Option<&str>,
) -> Answer<Response> {
    let existing = match code {
        Some(c) => {
            Some(s(pages::outcome(db, c))?.ok_or_else(|| not_found(&format!("no outcome {c:?}")))?)
        }
        None => None,
    };
    let new = existing.is_none();
    let o = parse_object_with(req, |o| Some(config::read_outcome(o, existing.as_ref())))?;
    db.transaction(|db| {
        if new && s(pages::outcome(db, &o.code))?.is_some() {
            return Err(conflict(
                "conflict",
                format!("outcome {:?} already exists", o.code),
            ));
        }
        s(pages::save_outcome(db, &o))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "outcome",
            &o.code,
            existing.as_ref().and_then(value),
            value(&o),
        ))?;
        Ok(json(if new { 201 } else { 200 }, &o))
    })
}

fn deactivate_model(db: &SpinDb, who: &Principal, code: &str) -> Answer<Response> {
    db.transaction(|db| {
        let e = s(store::action_model(db, code))?
            .ok_or_else(|| not_found(&format!("no action model {code:?}")))?;
        let m = ActionModel {
            active: false,
            ..e.clone()
        };
        s(store::save_action_model(db, &m, false, &now()))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "action_model",
            code,
            value(&e),
            value(&m),
        ))?;
        ok(&m)
    })
}

// ---- email templates ----

fn save_template(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    code: &str,
    language: &str,
) -> Answer<Response> {
    let mut path_errors = Invalid::default();
    if !valid_code(code) {
        path_errors.push(
            "/code",
            Some("code"),
            format!("{code:?} must be 2 to 64 lowercase letters, digits or _"),
        );
    }
    if !valid_language(language) {
        path_errors.push(
            "/language",
            Some("language"),
            format!("{language:?} is not a language tag such as \"en\", \"pt-BR\" or \"zh-Hans\""),
        );
    }
    path_errors.into_result().map_err(|e| invalid(&e))?;
    let existing = s(store::template(db, code, language))?;
    let t = parse_object_with(req, |o| {
        let audience = o.text("audience", 20);
        if let Some(a) = &audience
            && Audience::parse(a).is_none()
            && a != "collector"
        {
            o.err(
                "audience",
                format!("{a:?} must be resolver, customer or collector"),
            );
        }
        let subject = o.raw_text("subject", templates::MAX_SUBJECT * 4, true);
        let body = o.raw_text("body", templates::MAX_BODY, true);
        if let (Some(subj), Some(b)) = (&subject, &body)
            && let Err(mut e) = templates::validate(subj, b)
        {
            o.errors.0.append(&mut e.0);
        }
        Some(EmailTemplate {
            code: code.to_string(),
            language: language.to_string(),
            audience: audience?,
            subject: subject?,
            body: body?,
            updated_at: now(),
            updated_by: who.actor.clone(),
        })
    })?;
    db.transaction(|db| {
        s(store::save_template(db, &t))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "email_template",
            &format!("{code}/{language}"),
            existing.as_ref().and_then(value),
            value(&t),
        ))?;
        Ok(json(if existing.is_none() { 201 } else { 200 }, &t))
    })
}

// ---- reminder scenarios ----

fn save_scenario(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    code: Option<&str>,
) -> Answer<Response> {
    let existing = match code {
        Some(c) => s(scenarios::scenario(db, c))?,
        None => None,
    };
    let templates: Vec<String> = s(store::templates(db))?
        .into_iter()
        .map(|t| t.code)
        .collect();
    let was_default = existing.as_ref().is_some_and(|e| e.is_default);
    let cfg = parse_object_with(req, |o| {
        Some(config::read_scenario(o, code, was_default, &templates))
    })?;
    config::check_default_kept(was_default, &cfg).map_err(|m| conflict("conflict", m))?;
    db.transaction(|db| {
        if code.is_none() && s(scenarios::scenario(db, &cfg.scenario.code))?.is_some() {
            return Err(conflict(
                "conflict",
                format!("scenario {:?} already exists", cfg.scenario.code),
            ));
        }
        s(scenarios::save_scenario(db, &cfg, &now()))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "scenario",
            &cfg.scenario.code,
            existing.as_ref().and_then(value),
            value(&cfg),
        ))?;
        Ok(json(if existing.is_none() { 201 } else { 200 }, &cfg))
    })
}

fn assign_scenario(req: &Request, db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let customer =
        s(ledger::customer(db, id))?.ok_or_else(|| not_found(&format!("no customer {id:?}")))?;
    let code = parse_object_with(req, |o| {
        if !o.has("scenario") {
            o.err(
                "scenario",
                "scenario is required (a code, or null for the default)",
            );
        }
        Some(o.opt_text("scenario", 64))
    })?;
    if let Some(c) = &code
        && !s(scenarios::scenario(db, c))?.is_some_and(|sc| sc.active)
    {
        return Err(invalid(&Invalid::one(
            "/scenario",
            Some("scenario"),
            format!("no active scenario {c:?}"),
        )));
    }
    db.transaction(|db| {
        s(scenarios::assign(db, customer.key, code.as_deref(), &now()))?;
        s(store::record(
            db,
            &who.actor,
            &now(),
            "customer_scenario",
            id,
            None,
            Some(json!({"scenario": code})),
        ))?;
        ok(&json!({"customer_id": id, "scenario": code}))
    })
}
