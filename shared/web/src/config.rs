//! Configuration writes shared by the admin API (`/api/v1/admin/...`) and the console's
//! admin screens: statuses, resolvers, action models, the resolvers' outcomes, email
//! templates and reminder scenarios. Each takes the JSON body (the console makes it from its form with
//! `Form::to_object`), reads it with `settle_domain::config`, and saves in one transaction
//! with an audit row; a refusal is a problem naming the field.

use serde::Serialize;
use serde_json::Value;
use settle_domain::auth::Principal;
use settle_domain::catalog::{valid_code, valid_language};
use settle_domain::config;
use settle_domain::links::Audience;
use settle_domain::templates;
use settle_domain::validation::Invalid;
use settle_store::config::{self as store, EmailTemplate};
use settle_store::{Db, SpinDb, StoreError, pages, scenarios};
use spin_sdk::http::Response;

use crate::body::read_object;
use crate::now;
use crate::problem::{Answer, conflict, invalid, json, not_found, store_error};

fn s<T>(r: Result<T, StoreError>) -> Answer<T> {
    r.map_err(store_error)
}

fn value<T: Serialize>(t: &T) -> Option<Value> {
    serde_json::to_value(t).ok()
}

// ---- statuses ----

pub fn save_status(
    body: &[u8],
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
    let (status, model) = read_object(body, |o| {
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

// ---- resolvers ----

pub fn save_resolver(
    body: &[u8],
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
    let r = read_object(body, |o| Some(config::read_resolver(o, existing.as_ref())))?;
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

// ---- action models ----

pub fn save_model(
    body: &[u8],
    db: &SpinDb,
    who: &Principal,
    code: Option<&str>,
) -> Answer<Response> {
    let existing = match code {
        Some(c) => Some(
            s(store::action_model(db, c))?
                .ok_or_else(|| not_found(&format!("no action model {c:?}")))?,
        ),
        None => None,
    };
    let new = existing.is_none();
    let m = read_object(body, |o| {
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
pub fn save_outcome(
    body: &[u8],
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
    let o = read_object(body, |o| Some(config::read_outcome(o, existing.as_ref())))?;
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

// ---- email templates ----

pub fn save_template(
    body: &[u8],
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
    let t = read_object(body, |o| {
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

/// Creates (`code` None) or replaces a reminder scenario: its steps, whether it is the
/// default, whether it is active.
pub fn save_scenario(
    body: &[u8],
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
    let cfg = read_object(body, |o| {
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

// ---- deleting ----

/// `DELETE`: removes a record nothing refers to, with an audit row of what it was (204);
/// 409 when items, actions or history refer to it (deactivate it with `PATCH` `active:
/// false` instead); 404 when unknown.
fn delete<T: Serialize>(
    db: &SpinDb,
    who: &Principal,
    kind: &str,
    key: &str,
    found: impl FnOnce(&SpinDb) -> Result<Option<T>, StoreError>,
    referenced: impl FnOnce(&SpinDb) -> Result<bool, StoreError>,
    remove: impl FnOnce(&SpinDb) -> Result<bool, StoreError>,
) -> Answer<Response> {
    db.transaction(|db| {
        let e = s(found(db))?.ok_or_else(|| not_found(&format!("no {} {key:?}", kind.replace('_', " "))))?;
        if s(referenced(db))? {
            return Err(conflict(
                "in-use",
                format!(
                    "{} {key:?} is referred to by items, actions or history: deactivate it with PATCH {{\"active\": false}}",
                    kind.replace('_', " ")
                ),
            ));
        }
        s(remove(db))?;
        s(store::record(db, &who.actor, &now(), kind, key, value(&e), None))?;
        Ok(Response::builder().status(204).build())
    })
}

pub fn delete_status(db: &SpinDb, who: &Principal, code: &str) -> Answer<Response> {
    delete(
        db,
        who,
        "status",
        code,
        |db| store::status(db, code),
        |db| store::status_referenced(db, code),
        |db| store::delete_status(db, code),
    )
}

pub fn delete_resolver(db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let Ok(n) = id.parse::<i64>() else {
        return Err(not_found(&format!("no resolver {id:?}")));
    };
    delete(
        db,
        who,
        "resolver",
        id,
        |db| store::resolver(db, n),
        |db| store::resolver_referenced(db, n),
        |db| store::delete_resolver(db, n),
    )
}

pub fn delete_model(db: &SpinDb, who: &Principal, code: &str) -> Answer<Response> {
    delete(
        db,
        who,
        "action_model",
        code,
        |db| store::action_model(db, code),
        |db| store::model_referenced(db, code),
        |db| store::delete_action_model(db, code),
    )
}
