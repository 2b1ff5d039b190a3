//! `/api/v1/actions`: specific actions and the items they hold out of the reminder scenario.
//!
//! - `POST /api/v1/actions`: an action on a customer's open items, without a status change.
//! - `GET /api/v1/actions?customer_id=&resolver_id=&state=&due_before=` and
//!   `GET /api/v1/actions/{id}` (items, history, `ready_to_terminate`, `ETag`).
//! - `PATCH /api/v1/actions/{id}` with `If-Match`: rename, move the date (chase the
//!   resolver without closing), change type, resolver, comment.
//! - `POST /api/v1/actions/{id}/detach` `{"item_ids"}`: the items return to the scenario.
//! - `POST /api/v1/actions/{id}/terminate` `{"date"?, "comment"?}`: done; a dispute
//!   follow-up resolves its disputed items ("Dispute resolved").

use serde_json::{Value, json};
use settle_domain::actions::ActionType;
use settle_domain::auth::{Principal, Role};
use settle_domain::dates::format_date;
use settle_domain::qualify::{self, ItemState};
use settle_domain::validation::Invalid;
use settle_store::actions::{self, ActionChanges, ActionFilter, ActionView, Held};
use settle_store::ledger;
use settle_store::{SpinDb, config};
use settle_web::{
    Answer, Query, authenticate, bad_query, in_transaction, invalid, json, json_body,
    method_not_allowed, not_found, now, open_db, parse_object_with, problem, respond, segments,
    store_error, today,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
fn handle(req: Request) -> Response {
    respond(route(&req))
}

fn route(req: &Request) -> Answer<Response> {
    let Some(path) = segments(req.path(), "/api/v1/actions") else {
        return Err(not_found("no such route"));
    };
    let db = open_db()?;
    let who = authenticate(req, &db, &[Role::Collector], false)?;
    match (path.as_slice(), req.method()) {
        ([], Method::Get) => list(req, &db),
        ([], Method::Post) => create(req, &db, &who),
        ([id], Method::Get) => read(&db, id),
        ([id], Method::Patch) => patch(req, &db, &who, id),
        ([id, "detach"], Method::Post) => detach(req, &db, &who, id),
        ([id, "terminate"], Method::Post) => terminate(req, &db, &who, id),
        ([], _) => Err(method_not_allowed("GET, POST")),
        ([_], _) => Err(method_not_allowed("GET, PATCH")),
        ([_, "detach" | "terminate"], _) => Err(method_not_allowed("POST")),
        _ => Err(not_found("no such route")),
    }
}

fn one(db: &SpinDb, id: &str) -> Answer<ActionView> {
    id.parse::<i64>()
        .ok()
        .map(|id| actions::action(db, id))
        .transpose()
        .map_err(store_error)?
        .flatten()
        .ok_or_else(|| not_found(&format!("no action {id:?}")))
}

fn etag(a: &ActionView) -> String {
    format!("\"{}-{}\"", a.id, a.version)
}

/// The action with its items (closed ones too), history and whether it can be terminated.
fn detail(db: &SpinDb, a: &ActionView) -> Answer<Value> {
    let items = actions::action_items(db, a.id, today()).map_err(store_error)?;
    let history = actions::history(db, a.id).map_err(store_error)?;
    let all_closed = !items.is_empty() && items.iter().all(|i| i.closed_on.is_some());
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    v["items"] = json!(items);
    v["history"] = json!(history);
    v["ready_to_terminate"] = json!(a.state == "live" && all_closed);
    Ok(v)
}

fn with_etag(status: u16, a: &ActionView, body: &Value) -> Response {
    let mut r = json(status, body);
    r.set_header("etag", etag(a));
    r
}

fn read(db: &SpinDb, id: &str) -> Answer<Response> {
    let a = one(db, id)?;
    Ok(with_etag(200, &a, &detail(db, &a)?))
}

fn list(req: &Request, db: &SpinDb) -> Answer<Response> {
    let q = Query::parse(
        req,
        &[
            "customer_id",
            "resolver_id",
            "state",
            "due_before",
            "cursor",
            "limit",
        ],
    )?;
    let bad = bad_query;
    let mut f = ActionFilter {
        limit: q.limit(100, 1000)?,
        resolver_id: q.int("resolver_id")?,
        due_before: q.date("due_before")?.map(format_date),
        ..Default::default()
    };
    if let Some(c) = q.get("customer_id") {
        f.customer_key = Some(
            ledger::customer(db, c)
                .map_err(store_error)?
                .ok_or_else(|| bad("customer_id", format!("no customer {c:?}")))?
                .key,
        );
    }
    if let Some(s) = q.get("state") {
        if s != "live" && s != "done" {
            return Err(bad("state", format!("{s:?} must be live or done")));
        }
        f.state = Some(s.to_string());
    }
    if let Some(c) = q.get("cursor") {
        let parsed = c
            .split_once('~')
            .and_then(|(d, id)| Some((d.to_string(), id.parse::<i64>().ok()?)));
        f.after =
            Some(parsed.ok_or_else(|| bad("cursor", "not a cursor this API returned".into()))?);
    }
    let list = actions::actions(db, &f).map_err(store_error)?;
    let next = (list.len() == f.limit)
        .then(|| list.last().map(|a| format!("{}~{}", a.date, a.id)))
        .flatten();
    Ok(json(200, &json!({"actions": list, "next_cursor": next})))
}

fn check_resolver(db: &SpinDb, pointer: &str, id: Option<i64>) -> Answer<()> {
    let Some(id) = id else { return Ok(()) };
    match config::resolver(db, id).map_err(store_error)? {
        Some(r) if r.active => Ok(()),
        Some(_) => Err(unprocessable(
            pointer,
            format!("resolver {id} is deactivated"),
        )),
        None => Err(unprocessable(pointer, format!("no resolver {id}"))),
    }
}

fn unprocessable(pointer: &str, message: String) -> Response {
    invalid(&Invalid::one(
        pointer,
        Some(pointer.trim_start_matches('/')),
        message,
    ))
}

fn create(req: &Request, db: &SpinDb, who: &Principal) -> Answer<Response> {
    let input = qualify::parse_new_action(json_body(req)?).map_err(|e| invalid(&e))?;
    in_transaction(db, |db| {
        let found = actions::load_items(db, &input.item_ids).map_err(store_error)?;
        let states: Vec<Option<ItemState>> = found
            .iter()
            .map(|f| f.as_ref().map(|f| f.state.clone()))
            .collect();
        let mut errors = Invalid::default();
        qualify::check_items(&input.item_ids, &states, &mut errors);
        errors.into_result().map_err(|e| invalid(&e))?;
        check_resolver(db, "/resolver_id", input.action.resolver_id)?;
        let found: Vec<_> = found.into_iter().flatten().collect();
        let held: Vec<Held> = found
            .iter()
            .map(|f| Held {
                key: f.key,
                id: f.state.id.clone(),
                action_id: f.action_id,
            })
            .collect();
        let created = actions::create(
            db,
            found[0].customer_key,
            &input.action,
            None,
            &held,
            None,
            &who.actor,
            &now(),
        )
        .map_err(store_error)?;
        let a = actions::action(db, created.action_id)
            .map_err(store_error)?
            .ok_or_else(|| not_found("the action vanished"))?;
        let mut v = detail(db, &a)?;
        v["moved"] = json!(created.moved);
        v["emptied_actions"] = json!(created.emptied_actions);
        let mut r = with_etag(201, &a, &v);
        r.set_header("location", format!("/api/v1/actions/{}", a.id));
        Ok(r)
    })
}

/// The version an `If-Match` names; 428 without one, 412 when stale.
fn if_match(req: &Request, a: &ActionView, required: bool) -> Answer<i64> {
    let Some(given) = req.header("if-match").and_then(|h| h.as_str()) else {
        if required {
            return Err(problem(
                428,
                "precondition-required",
                "Precondition required",
                format!(
                    "send If-Match with the ETag of GET /api/v1/actions/{}",
                    a.id
                ),
            ));
        }
        return Ok(a.version);
    };
    if given.trim() != etag(a) && given.trim() != "*" {
        return Err(problem(
            412,
            "precondition-failed",
            "Precondition failed",
            format!(
                "the action changed since {given}; it is now {}: read it again",
                etag(a)
            ),
        ));
    }
    Ok(a.version)
}

fn live(a: &ActionView) -> Answer<()> {
    if a.state != "live" {
        return Err(problem(
            409,
            "action-done",
            "Conflict",
            format!(
                "action {} is terminated (done on {})",
                a.id,
                a.done_on.clone().unwrap_or_default()
            ),
        ));
    }
    Ok(())
}

fn patch(req: &Request, db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let changes = parse_object_with(req, |o| {
        let mut c = ActionChanges {
            name: o.opt_text("name", qualify::MAX_NAME),
            date: o.opt_date("date").map(format_date),
            ..Default::default()
        };
        if let Some(t) = o.opt_text("type", 20) {
            match ActionType::parse(&t) {
                Some(t) => c.action_type = Some(t.as_str().to_string()),
                None => o.err(
                    "type",
                    format!("{t:?} is not one of {}", ActionType::names()),
                ),
            }
        }
        if o.has("resolver_id") {
            c.resolver_id = Some(o.opt_int("resolver_id"));
        }
        if o.has("comment") {
            c.comment = Some(o.opt_text("comment", qualify::MAX_COMMENT));
        }
        Some(c)
    })?;
    in_transaction(db, |db| {
        let a = one(db, id)?;
        let version = if_match(req, &a, true)?;
        live(&a)?;
        if let Some(r) = changes.resolver_id {
            check_resolver(db, "/resolver_id", r)?;
        }
        if !actions::update(db, &a, version, &changes, &who.actor, &now()).map_err(store_error)? {
            return Err(problem(
                412,
                "precondition-failed",
                "Precondition failed",
                "the action changed meanwhile",
            ));
        }
        let a = one(db, id)?;
        Ok(with_etag(200, &a, &detail(db, &a)?))
    })
}

fn detach(req: &Request, db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let ids = parse_object_with(req, |o| o.id_list("item_ids", qualify::MAX_ITEMS))?;
    in_transaction(db, |db| {
        let a = one(db, id)?;
        if_match(req, &a, false)?;
        live(&a)?;
        let found = actions::load_items(db, &ids).map_err(store_error)?;
        let mut errors = Invalid::default();
        let mut items = Vec::new();
        for (i, (item_id, f)) in ids.iter().zip(&found).enumerate() {
            match f {
                Some(f) if f.action_id == Some(a.id) => items.push((f.key, item_id.clone())),
                Some(_) => errors.push(
                    format!("/item_ids/{i}"),
                    Some("item_ids"),
                    format!("item {item_id:?} is not attached to action {}", a.id),
                ),
                None => errors.push(
                    format!("/item_ids/{i}"),
                    Some("item_ids"),
                    format!("no item with id {item_id:?}"),
                ),
            }
        }
        errors.into_result().map_err(|e| invalid(&e))?;
        let left = actions::detach(db, a.id, &items, &who.actor, &now()).map_err(store_error)?;
        let a = one(db, id)?;
        let mut v = detail(db, &a)?;
        v["detached"] = json!(ids);
        v["empty"] = json!(left == 0);
        if left == 0 {
            v["note"] = json!("the action holds no item any more; it stays live until terminated");
        }
        Ok(with_etag(200, &a, &v))
    })
}

fn terminate(req: &Request, db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let (date, comment) = parse_object_with(req, |o| {
        Some((
            o.opt_date("date"),
            o.opt_text("comment", qualify::MAX_COMMENT),
        ))
    })?;
    let date = format_date(date.unwrap_or_else(today));
    in_transaction(db, |db| {
        let a = one(db, id)?;
        if_match(req, &a, false)?;
        live(&a)?;
        let resolved = config::resolved_status(db).map_err(store_error)?;
        if a.action_type == "dispute" && resolved.is_none() {
            return Err(problem(
                409,
                "no-resolved-status",
                "Conflict",
                "no active status of kind resolved: reactivate \"dispute_resolved\" or create one",
            ));
        }
        let done = actions::terminate(
            db,
            &a,
            &date,
            comment.as_deref(),
            resolved.as_deref(),
            &who.actor,
            &now(),
        )
        .map_err(store_error)?;
        let resolutions = actions::resolutions(db, a.id).map_err(store_error)?;
        let a = one(db, id)?;
        let mut v = detail(db, &a)?;
        v["resolved_item_ids"] = json!(done.resolved_item_ids);
        v["released_item_ids"] = json!(done.released_item_ids);
        v["resolutions"] = json!(resolutions);
        Ok(with_etag(200, &a, &v))
    })
}
