//! `POST /api/v1/status-changes`: qualify a customer's items (step 1: status, date,
//! comment, resolver) and decide the next action (step 3: stay in the scenario, the
//! suggested follow-up, or an explicit action), in one transaction. `?dry_run=true` answers
//! the same without writing. `GET /api/v1/status-changes/{id}` reads one back.

use serde_json::{Value, json};
use settle_domain::auth::{Principal, Role};
use settle_domain::status_change::{self as rules, StatusChangeIn};
use settle_store::Db;
use settle_store::SpinDb;
use settle_store::ledger::{self, ItemFilter};
use settle_store::status_change as store;
use settle_web::after_commit::Later;
use settle_web::settle_usecases::status_change::{self, ChangeStatus, Changed};
use settle_web::{
    Answer, Query, authenticate, idempotent, invalid, json, json_body, method_not_allowed,
    not_found, open_db, respond, segments, today, usecase,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
async fn handle(req: Request) -> Response {
    let later = Later::default();
    let answer = route(&req, &later);
    settle_web::after_commit::run_steps(&later.take()).await;
    respond(answer)
}

fn route(req: &Request, later: &Later) -> Answer<Response> {
    let Some(path) = segments(req.path(), "/api/v1/status-changes") else {
        return Err(not_found("no such route"));
    };
    let db = open_db()?;
    let principal = authenticate(req, &db, &[Role::Collector], false)?;
    match (path.as_slice(), req.method()) {
        ([], Method::Post) => create(req, &db, &principal, later),
        ([id], Method::Get) => read(&db, id),
        ([], _) => Err(method_not_allowed("POST")),
        ([_], _) => Err(method_not_allowed("GET")),
        _ => Err(not_found("no such route")),
    }
}

fn read(db: &SpinDb, id: &str) -> Answer<Response> {
    let change = id
        .parse::<i64>()
        .ok()
        .map(|id| store::read(db, id))
        .transpose()?
        .flatten()
        .ok_or_else(|| not_found(&format!("no status change {id:?}")))?;
    Ok(json(200, &change))
}

fn create(req: &Request, db: &SpinDb, principal: &Principal, later: &Later) -> Answer<Response> {
    let q = Query::parse(req, &["dry_run"])?;
    let dry_run = q.bool("dry_run")?.unwrap_or(false);
    let input = rules::parse_status_change(json_body(req)?).map_err(|e| invalid(&e))?;
    if dry_run {
        settle_web::check_idempotency_key(req)?;
        let answer =
            db.rolled_back(|db| change_status(db, &input, principal, &Later::default()))?;
        return Ok(json(200, &without_ids(answer)));
    }
    let mut r = db.transaction(|db| {
        idempotent(req, db, principal, || {
            Ok((201, change_status(db, &input, principal, later)?))
        })
    })?;
    if let Some(id) = serde_json::from_slice::<Value>(r.body())
        .ok()
        .and_then(|v| v["status_change_id"].as_i64())
    {
        r.set_header("location", format!("/api/v1/status-changes/{id}"));
    }
    Ok(r)
}

/// Checks and applies the status change; answers the updated items, the action (if any),
/// the suggestion computed from the status, and the items moved from other actions.
/// The events it wrote are delivered once the transaction committed (`later`).
fn change_status(
    db: &SpinDb,
    input: &StatusChangeIn,
    principal: &Principal,
    later: &Later,
) -> Answer<Value> {
    let change = ChangeStatus {
        input,
        customer_id: None,
    };
    let Changed {
        plan,
        applied,
        resolver_id,
        routing_rule_id,
        after,
    } = status_change::apply(db, &change, &usecase::who(principal))?;
    later.add(after);
    let items = ledger::list_items(
        db,
        &ItemFilter {
            keys: Some(applied.item_keys.clone()),
            limit: applied.item_keys.len(),
            ..Default::default()
        },
        today(),
    )?;
    let action = match applied.action_id {
        Some(id) => store::action(db, id)?,
        None => None,
    };
    Ok(json!({
        "status_change_id": applied.status_change_id,
        "customer_id": plan.customer_id,
        "status": input.status,
        "status_date": settle_domain::dates::format_date(plan.status_date),
        "resolver_id": resolver_id,
        "routing_rule_id": routing_rule_id,
        "items": items,
        "action": action,
        "suggestion": plan.suggestion,
        "moved": applied.moved,
        "emptied_actions": applied.emptied_actions,
    }))
}

/// A dry run's answer: nothing was kept, so the ids it would have had are withheld.
fn without_ids(mut v: Value) -> Value {
    v["dry_run"] = json!(true);
    v["status_change_id"] = Value::Null;
    if v["action"].is_object() {
        v["action"]["id"] = Value::Null;
        if let Some(items) = v["items"].as_array_mut() {
            for i in items {
                i["action_id"] = Value::Null;
            }
        }
    }
    v
}
