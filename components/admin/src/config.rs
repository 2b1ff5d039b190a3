//! Statuses, resolvers, action models, the resolvers' outcomes, email templates, reminder
//! scenarios and import profiles (with the import history).
//!
//! `GET` lists or reads (with the record's change history), `POST` creates, `PATCH` edits
//! the fields given (`active: false` deactivates), `DELETE` removes what nothing refers to
//! and answers 409 otherwise (what items and history refer to is never
//! deleted), `PUT` saves an email template. Each change is one transaction with an audit row.

use serde::Serialize;
use serde_json::{Value, json};
use settle_domain::auth::Principal;
use settle_domain::templates::HASHTAGS;
use settle_domain::validation::Invalid;
use settle_store::Db;
use settle_store::config as store;
use settle_store::{SpinDb, StoreError, ledger};
use settle_store::{pages, scenarios};
use settle_web::settle_usecases::config::{self as cfg, Saved};
use settle_web::settle_usecases::{Done, Refusal};
use settle_web::settle_usecases::{disputes, imports, routing};
use settle_web::{
    Answer, invalid, json, method_not_allowed, not_found, now, object_body, parse_object_with,
    store_error, usecase,
};
use spin_sdk::http::{Method, Request, Response};

pub fn route(req: &Request, db: &SpinDb, who: &Principal, path: &[&str]) -> Answer<Response> {
    let m = req.method();
    match (path, m) {
        (["statuses"], Method::Get) => ok(&json!({"statuses": s(store::statuses(db))?})),
        (["statuses"], Method::Post) => saved(cfg::save_status(
            db,
            &object_body(req)?,
            &usecase::who(who),
            None,
        )),
        (["statuses", code], Method::Get) => read(db, "status", code, store::status(db, code)),
        (["statuses", code], Method::Patch) => saved(cfg::save_status(
            db,
            &object_body(req)?,
            &usecase::who(who),
            Some(code),
        )),
        (["statuses", code], Method::Delete) => {
            deleted(cfg::delete_status(db, &usecase::who(who), code))
        }
        (["resolvers"], Method::Get) => ok(&json!({"resolvers": s(store::resolvers(db))?})),
        (["resolvers"], Method::Post) => saved(cfg::save_resolver(
            db,
            &object_body(req)?,
            &usecase::who(who),
            None,
        )),
        (["resolvers", id], Method::Get) => {
            let r = store::resolver(db, id.parse().unwrap_or(-1));
            read(db, "resolver", id, r)
        }
        (["resolvers", id], Method::Patch) => saved(cfg::save_resolver(
            db,
            &object_body(req)?,
            &usecase::who(who),
            Some(id),
        )),
        (["resolvers", id], Method::Delete) => {
            deleted(cfg::delete_resolver(db, &usecase::who(who), id))
        }
        (["action-models"], Method::Get) => {
            ok(&json!({"action_models": s(store::action_models(db))?}))
        }
        (["action-models"], Method::Post) => saved(cfg::save_model(
            db,
            &object_body(req)?,
            &usecase::who(who),
            None,
        )),
        (["action-models", code], Method::Get) => {
            read(db, "action_model", code, store::action_model(db, code))
        }
        (["action-models", code], Method::Patch) => saved(cfg::save_model(
            db,
            &object_body(req)?,
            &usecase::who(who),
            Some(code),
        )),
        (["action-models", code], Method::Delete) => {
            deleted(cfg::delete_model(db, &usecase::who(who), code))
        }
        (["email-templates"], Method::Get) => ok(&json!({
            "templates": s(store::templates(db))?,
            "hashtags": HASHTAGS.iter().map(|(n, d)| json!({"name": format!("#{n}"), "inserts": d})).collect::<Vec<_>>(),
        })),
        (["email-templates", code, lang], Method::Get) => {
            let key = format!("{code}/{lang}");
            read(db, "email_template", &key, store::template(db, code, lang))
        }
        (["email-templates", code, lang], Method::Put) => saved(cfg::save_template(
            db,
            &object_body(req)?,
            &usecase::who(who),
            code,
            lang,
        )),
        (["outcomes"], Method::Get) => ok(&json!({"outcomes": s(pages::outcomes(db))?})),
        (["outcomes"], Method::Post) => saved(cfg::save_outcome(
            db,
            &object_body(req)?,
            &usecase::who(who),
            None,
        )),
        (["outcomes", code], Method::Get) => read(db, "outcome", code, pages::outcome(db, code)),
        (["outcomes", code], Method::Patch) => saved(cfg::save_outcome(
            db,
            &object_body(req)?,
            &usecase::who(who),
            Some(code),
        )),
        (["outcomes"], _) => Err(method_not_allowed("GET, POST")),
        (["outcomes", _], _) => Err(method_not_allowed("GET, PATCH")),
        (["scenarios"], Method::Get) => ok(&json!({"scenarios": s(scenarios::scenarios(db))?})),
        (["scenarios"], Method::Post) => saved(cfg::save_scenario(
            db,
            &object_body(req)?,
            &usecase::who(who),
            None,
        )),
        (["scenarios", code], Method::Get) => {
            read(db, "scenario", code, scenarios::scenario(db, code))
        }
        (["scenarios", code], Method::Put) => saved(cfg::save_scenario(
            db,
            &object_body(req)?,
            &usecase::who(who),
            Some(code),
        )),
        (["customers", id, "scenario"], Method::Put) => assign_scenario(req, db, who, id),
        (["import-profiles"], Method::Get) => {
            ok(&json!({"import_profiles": imports::profiles(db)?}))
        }
        (["import-profiles", code], Method::Get) => {
            let p = imports::profile(db, code)?
                .ok_or_else(|| not_found(&format!("no import profile {code:?}")))?;
            let mut v = serde_json::to_value(&p).unwrap_or(Value::Null);
            v["history"] = json!(s(store::history(db, "import_profile", code))?);
            ok(&v)
        }
        (["import-profiles", code], Method::Put) => saved(imports::save_profile(
            db,
            code,
            &object_body(req)?,
            &usecase::who(who),
        )),
        (["import-profiles", code], Method::Delete) => {
            deleted(imports::delete_profile(db, code, &usecase::who(who)))
        }
        (["root-causes"], Method::Get) => {
            ok(&json!({"root_causes": s(settle_store::disputes::root_causes(db))?}))
        }
        (["root-causes"], Method::Post) => {
            let rc =
                disputes::save_root_cause(db, &object_body(req)?, &usecase::who(who), None)?.value;
            let mut r = json(201, &rc);
            r.set_header("location", format!("/api/v1/admin/root-causes/{}", rc.code));
            Ok(r)
        }
        (["root-causes", code], Method::Get) => {
            let rc = s(settle_store::disputes::root_cause(db, code))?
                .ok_or_else(|| not_found(&format!("no root cause {code:?}")))?;
            let mut v = json!(rc);
            v["history"] = json!(s(store::history(db, "root_cause", code))?);
            ok(&v)
        }
        (["root-causes", code], Method::Patch) => {
            ok(
                &disputes::save_root_cause(db, &object_body(req)?, &usecase::who(who), Some(code))?
                    .value,
            )
        }
        (["root-causes", code], Method::Delete) => {
            deleted(disputes::delete_root_cause(db, code, &usecase::who(who)))
        }
        (["root-causes"], _) => Err(method_not_allowed("GET, POST")),
        (["root-causes", _], _) => Err(method_not_allowed("GET, PATCH, DELETE")),
        (["routing-rules"], Method::Get) => {
            let list: Vec<_> = s(settle_store::routing::rules(db))?
                .iter()
                .map(|r| r.view())
                .collect();
            ok(&json!({"routing_rules": list}))
        }
        (["routing-rules"], Method::Post) => {
            let rule = routing::create(db, settle_web::json_body(req)?, &usecase::who(who))?.value;
            let mut r = json(201, &rule);
            r.set_header(
                "location",
                format!("/api/v1/admin/routing-rules/{}", rule.id),
            );
            Ok(r)
        }
        (["routing-rules", id], Method::Get) => {
            let rule = id
                .parse::<i64>()
                .ok()
                .map(|id| s(settle_store::routing::rule(db, id)))
                .transpose()?
                .flatten()
                .ok_or_else(|| not_found(&format!("no routing rule {id:?}")))?;
            let mut v = json!(rule.view());
            v["history"] = json!(s(store::history(db, "routing_rule", &rule.id.to_string()))?);
            ok(&v)
        }
        (["routing-rules", id], Method::Put) => {
            let id = rule_id(id)?;
            ok(&routing::update(db, id, settle_web::json_body(req)?, &usecase::who(who))?.value)
        }
        (["routing-rules", id], Method::Delete) => {
            deleted(routing::delete(db, rule_id(id)?, &usecase::who(who)))
        }
        (["routing-rules"], _) => Err(method_not_allowed("GET, POST")),
        (["routing-rules", _], _) => Err(method_not_allowed("GET, PUT, DELETE")),
        (["write-off-tolerances"], Method::Get) => {
            let all = s(settle_store::disputes::tolerances(db))?;
            let list: Vec<Value> = all.iter().map(disputes::tolerance_json).collect();
            ok(&json!({"write_off_tolerances": list}))
        }
        (["write-off-tolerances", entity, currency], Method::Get) => {
            let t = settle_domain::money::Currency::parse(currency)
                .ok()
                .map(|c| s(settle_store::disputes::tolerance(db, entity, c)))
                .transpose()?
                .flatten()
                .ok_or_else(|| {
                    not_found(&format!("no write-off tolerance for {entity} {currency}"))
                })?;
            let mut v = disputes::tolerance_json(&t);
            v["history"] = json!(s(store::history(
                db,
                "write_off_tolerance",
                &format!("{entity}/{currency}")
            ))?);
            ok(&v)
        }
        (["write-off-tolerances", entity, currency], Method::Put) => {
            let t = disputes::put_tolerance(
                db,
                entity,
                currency,
                settle_web::json_body(req)?,
                &usecase::who(who),
            )?
            .value;
            ok(&disputes::tolerance_json(&t))
        }
        (["write-off-tolerances", entity, currency], Method::Delete) => deleted(
            disputes::delete_tolerance(db, entity, currency, &usecase::who(who)),
        ),
        (["write-off-tolerances"], _) => Err(method_not_allowed("GET")),
        (["write-off-tolerances", _, _], _) => Err(method_not_allowed("GET, PUT, DELETE")),
        (["imports"], Method::Get) => {
            ok(&json!({"imports": s(settle_store::imports::imports(db, 200))?}))
        }
        (["import-profiles"], _) => Err(method_not_allowed("GET")),
        (["import-profiles", _], _) => Err(method_not_allowed("GET, PUT, DELETE")),
        (["imports"], _) => Err(method_not_allowed("GET")),
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

/// A saved record as JSON: 201 (with its address, for a resolver) when created, else 200.
fn saved<T: Serialize + Location>(r: Result<Done<Saved<T>>, Refusal>) -> Answer<Response> {
    let saved = r?.value;
    let mut resp = json(if saved.created { 201 } else { 200 }, &saved.record);
    if saved.created
        && let Some(at) = saved.record.location()
    {
        resp.set_header("location", at);
    }
    Ok(resp)
}

/// Where a created record is read back (`Location`), for the records the API gives one.
trait Location {
    fn location(&self) -> Option<String> {
        None
    }
}

impl Location for settle_domain::config::Resolver {
    fn location(&self) -> Option<String> {
        Some(format!("/api/v1/admin/resolvers/{}", self.id))
    }
}
impl<T> Location for Option<T> {}
impl Location for settle_domain::actions::ActionModel {}
impl Location for settle_domain::pages::Outcome {}
impl Location for store::EmailTemplate {}
impl Location for settle_domain::config::ScenarioConfig {}
impl Location for settle_domain::import::profile::ImportProfile {}

/// A deleted record: 204.
fn rule_id(id: &str) -> Answer<i64> {
    id.parse::<i64>()
        .map_err(|_| not_found(&format!("no routing rule {id:?}")))
}

fn deleted(r: Result<Done<()>, Refusal>) -> Answer<Response> {
    r?;
    Ok(Response::builder().status(204).build())
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

// ---- reminder scenarios ----

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
