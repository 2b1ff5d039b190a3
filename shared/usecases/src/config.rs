//! Configuration records, once for the admin API and the console's admin screens: statuses,
//! resolvers, action models, outcomes, email templates, reminder scenarios; creating,
//! editing (only the fields given) and deleting what nothing refers to. Each write checks its
//! body with the domain's readers, runs in one transaction and appends the before/after
//! audit row (`config_history`).

use serde::Serialize;
use serde_json::{Map, Value};
use settle_domain::actions::ActionModel;
use settle_domain::catalog::{valid_code, valid_language};
use settle_domain::config::{self, Resolver, ScenarioConfig};
use settle_domain::input::Object;
use settle_domain::links::Audience;
use settle_domain::pages::Outcome;
use settle_domain::templates;
use settle_domain::validation::Invalid;
use settle_store::config::{self as store, EmailTemplate, StatusConfig};
use settle_store::{Db, StoreError, pages, scenarios};

use crate::{Done, Refusal, Who};

/// A saved record, and whether the write created it.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved<T> {
    pub record: T,
    pub created: bool,
}

fn value<T: Serialize>(t: &T) -> Option<Value> {
    serde_json::to_value(t).ok()
}

/// Reads `body` with `read`, refusing fields it did not ask about; every bad field named.
fn read<T>(
    body: &Map<String, Value>,
    read: impl FnOnce(&mut Object) -> Option<T>,
) -> Result<T, Refusal> {
    let mut errors = Invalid::default();
    let mut o = Object::new(body, "", &mut errors);
    let t = read(&mut o);
    o.finish(&[]);
    match t {
        Some(t) if errors.is_empty() => Ok(t),
        _ => Err(Refusal::Invalid(errors)),
    }
}

// ---- statuses ----

pub fn save_status(
    db: &impl Db,
    body: &Map<String, Value>,
    who: &Who,
    code: Option<&str>,
) -> Result<Done<Saved<Option<StatusConfig>>>, Refusal> {
    let existing = match code {
        Some(c) => Some(
            store::status(db, c)?.ok_or_else(|| Refusal::NotFound(format!("no status {c:?}")))?,
        ),
        None => None,
    };
    let (status, model) = read(body, |o| {
        Some(config::read_status(
            o,
            existing
                .as_ref()
                .map(|e| (&e.status, e.action_model.as_deref())),
        ))
    })?;
    if let Some(m) = &model
        && !(store::action_model(db, m))?.is_some_and(|m| m.active)
    {
        return Err(Refusal::Invalid(Invalid::one(
            "/action_model",
            Some("action_model"),
            format!("no active action model {m:?}"),
        )));
    }
    db.transaction(|db| {
        match &existing {
            None => {
                if store::status(db, &status.code)?.is_some() {
                    return Err(Refusal::conflict_about(
                        "conflict",
                        format!("status {:?} already exists", status.code),
                    ));
                }
            }
            Some(e) => {
                let in_use =
                    e.status.kind != status.kind && store::status_in_use(db, &status.code)?;
                config::check_kind_change(&e.status, &status, in_use)
                    .map_err(|m| Refusal::conflict_about("conflict", m))?;
            }
        }
        store::save_status(db, &status, model.as_deref(), existing.is_none())?;
        let saved = store::status(db, &status.code)?;
        store::record(
            db,
            &who.actor,
            &who.at,
            "status",
            &status.code,
            existing.as_ref().and_then(value),
            saved.as_ref().and_then(value),
        )?;
        Ok(Done::just(Saved {
            record: saved,
            created: existing.is_none(),
        }))
    })
}

// ---- resolvers ----

pub fn save_resolver(
    db: &impl Db,
    body: &Map<String, Value>,
    who: &Who,
    id: Option<&str>,
) -> Result<Done<Saved<Resolver>>, Refusal> {
    let existing = match id {
        Some(i) => Some(
            store::resolver(db, i.parse().unwrap_or(-1))?
                .ok_or_else(|| Refusal::NotFound(format!("no resolver {i:?}")))?,
        ),
        None => None,
    };
    let new = existing.is_none();
    let r = read(body, |o| Some(config::read_resolver(o, existing.as_ref())))?;
    db.transaction(|db| {
        if let Some(to) = r.escalation_id {
            let known = store::resolver(db, to)?.is_some();
            if !known || existing.as_ref().is_some_and(|e| e.id == to) {
                let why = if known {
                    "a resolver cannot be its own escalation contact".to_string()
                } else {
                    format!("no resolver {to}")
                };
                return Err(Refusal::Invalid(settle_domain::validation::Invalid::one(
                    "/escalation_id",
                    Some("escalation_id"),
                    why,
                )));
            }
        }
        let saved = match &existing {
            None => {
                let created =
                    store::create_resolver(db, &r.name, &r.email, &r.role, &r.language, &who.at)?;
                match r.escalation_id {
                    Some(to) => {
                        let with = settle_domain::config::Resolver {
                            escalation_id: Some(to),
                            ..created
                        };
                        store::update_resolver(db, &with, &who.at)?;
                        with
                    }
                    None => created,
                }
            }
            Some(_) => {
                store::update_resolver(db, &r, &who.at)?;
                store::resolver(db, r.id)?.unwrap_or(r.clone())
            }
        };
        store::record(
            db,
            &who.actor,
            &who.at,
            "resolver",
            &saved.id.to_string(),
            existing.as_ref().and_then(value),
            value(&saved),
        )?;
        Ok(Done::just(Saved {
            record: saved,
            created: new,
        }))
    })
}

// ---- action models ----

pub fn save_model(
    db: &impl Db,
    body: &Map<String, Value>,
    who: &Who,
    code: Option<&str>,
) -> Result<Done<Saved<ActionModel>>, Refusal> {
    let existing = match code {
        Some(c) => Some(
            store::action_model(db, c)?
                .ok_or_else(|| Refusal::NotFound(format!("no action model {c:?}")))?,
        ),
        None => None,
    };
    let new = existing.is_none();
    let m = read(body, |o| {
        Some(config::read_action_model(o, existing.as_ref()))
    })?;
    db.transaction(|db| {
        if new && store::action_model(db, &m.code)?.is_some() {
            return Err(Refusal::conflict_about(
                "conflict",
                format!("action model {:?} already exists", m.code),
            ));
        }
        store::save_action_model(db, &m, new, &who.at)?;
        store::record(
            db,
            &who.actor,
            &who.at,
            "action_model",
            &m.code,
            existing.as_ref().and_then(value),
            value(&m),
        )?;
        Ok(Done::just(Saved {
            record: m.clone(),
            created: new,
        }))
    })
}

/// The outcomes a resolver may propose on the page: create, rename, (de)activate. An
/// outcome a resolver proposed stays in the history whatever happens to it here.
pub fn save_outcome(
    db: &impl Db,
    body: &Map<String, Value>,
    who: &Who,
    code: Option<&str>,
) -> Result<Done<Saved<Outcome>>, Refusal> {
    let existing = match code {
        Some(c) => Some(
            pages::outcome(db, c)?.ok_or_else(|| Refusal::NotFound(format!("no outcome {c:?}")))?,
        ),
        None => None,
    };
    let new = existing.is_none();
    let o = read(body, |o| Some(config::read_outcome(o, existing.as_ref())))?;
    db.transaction(|db| {
        if new && pages::outcome(db, &o.code)?.is_some() {
            return Err(Refusal::conflict_about(
                "conflict",
                format!("outcome {:?} already exists", o.code),
            ));
        }
        pages::save_outcome(db, &o)?;
        store::record(
            db,
            &who.actor,
            &who.at,
            "outcome",
            &o.code,
            existing.as_ref().and_then(value),
            value(&o),
        )?;
        Ok(Done::just(Saved {
            record: o.clone(),
            created: new,
        }))
    })
}

// ---- email templates ----

pub fn save_template(
    db: &impl Db,
    body: &Map<String, Value>,
    who: &Who,
    code: &str,
    language: &str,
) -> Result<Done<Saved<EmailTemplate>>, Refusal> {
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
    path_errors.into_result()?;
    let existing = store::template(db, code, language)?;
    let t = read(body, |o| {
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
            updated_at: who.at.clone(),
            updated_by: who.actor.clone(),
        })
    })?;
    db.transaction(|db| {
        store::save_template(db, &t)?;
        store::record(
            db,
            &who.actor,
            &who.at,
            "email_template",
            &format!("{code}/{language}"),
            existing.as_ref().and_then(value),
            value(&t),
        )?;
        Ok(Done::just(Saved {
            record: t.clone(),
            created: existing.is_none(),
        }))
    })
}

// ---- reminder scenarios ----

/// Creates (`code` None) or replaces a reminder scenario: its steps, whether it is the
/// default, whether it is active.
pub fn save_scenario(
    db: &impl Db,
    body: &Map<String, Value>,
    who: &Who,
    code: Option<&str>,
) -> Result<Done<Saved<ScenarioConfig>>, Refusal> {
    let existing = match code {
        Some(c) => scenarios::scenario(db, c)?,
        None => None,
    };
    let templates: Vec<String> = store::templates(db)?.into_iter().map(|t| t.code).collect();
    let was_default = existing.as_ref().is_some_and(|e| e.is_default);
    let cfg = read(body, |o| {
        Some(config::read_scenario(o, code, was_default, &templates))
    })?;
    config::check_default_kept(was_default, &cfg)
        .map_err(|m| Refusal::conflict_about("conflict", m))?;
    db.transaction(|db| {
        if code.is_none() && scenarios::scenario(db, &cfg.scenario.code)?.is_some() {
            return Err(Refusal::conflict_about(
                "conflict",
                format!("scenario {:?} already exists", cfg.scenario.code),
            ));
        }
        scenarios::save_scenario(db, &cfg, &who.at)?;
        store::record(
            db,
            &who.actor,
            &who.at,
            "scenario",
            &cfg.scenario.code,
            existing.as_ref().and_then(value),
            value(&cfg),
        )?;
        Ok(Done::just(Saved {
            record: cfg.clone(),
            created: existing.is_none(),
        }))
    })
}

// ---- deleting ----

/// `DELETE`: removes a record nothing refers to, with an audit row of what it was (204);
/// 409 when items, actions or history refer to it (deactivate it with `PATCH` `active:
/// false` instead); 404 when unknown.
fn delete<D: Db, T: Serialize>(
    db: &D,
    who: &Who,
    kind: &str,
    key: &str,
    found: impl Fn(&D) -> Result<Option<T>, StoreError>,
    referenced: impl Fn(&D) -> Result<bool, StoreError>,
    remove: impl Fn(&D) -> Result<bool, StoreError>,
) -> Result<Done<()>, Refusal> {
    db.transaction(|db| {
        let e = found(db)?.ok_or_else(|| Refusal::NotFound(format!("no {} {key:?}", kind.replace('_', " "))))?;
        if referenced(db)? {
            return Err(Refusal::conflict_about(
                "in-use",
                format!(
                    "{} {key:?} is referred to by items, actions or history: deactivate it with PATCH {{\"active\": false}}",
                    kind.replace('_', " ")
                ),
            ));
        }
        remove(db)?;
        store::record(db, &who.actor, &who.at, kind, key, value(&e), None)?;
        Ok(Done::just(()))
    })
}

pub fn delete_status(db: &impl Db, who: &Who, code: &str) -> Result<Done<()>, Refusal> {
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

pub fn delete_resolver(db: &impl Db, who: &Who, id: &str) -> Result<Done<()>, Refusal> {
    let Ok(n) = id.parse::<i64>() else {
        return Err(Refusal::NotFound(format!("no resolver {id:?}")));
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

pub fn delete_model(db: &impl Db, who: &Who, code: &str) -> Result<Done<()>, Refusal> {
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
