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
use settle_domain::actions::{self, ActionState};
use settle_domain::auth::{Principal, Role};
use settle_domain::dates::format_date;
use settle_domain::status_change::{self as rules, ItemState};
use settle_domain::validation::Invalid;
use settle_store::Db;
use settle_store::actions::{self as store, ActionFilter, ActionView, Held};
use settle_store::ledger;
use settle_store::{SpinDb, config};
use settle_web::{
    Answer, Cursor, Query, authenticate, bad_query, conflict, invalid, json, json_body,
    method_not_allowed, not_found, now, open_db, optional_json_body, parse_object_with, problem,
    read_object, respond, segments, today,
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
        .map(|id| store::action(db, id))
        .transpose()?
        .flatten()
        .ok_or_else(|| not_found(&format!("no action {id:?}")))
}

fn etag(a: &ActionView) -> String {
    format!("\"{}-{}\"", a.id, a.version)
}

/// The action with its items (closed ones too), history and whether it can be terminated.
fn detail(db: &SpinDb, a: &ActionView) -> Answer<Value> {
    let items = store::action_items(db, a.id, today())?;
    let history = store::history(db, a.id)?;
    let closed: Vec<bool> = items.iter().map(|i| i.closed_on.is_some()).collect();
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    v["items"] = json!(items);
    v["history"] = json!(history);
    v["ready_to_terminate"] = json!(actions::ready_to_terminate(a.state, &closed));
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
            ledger::customer(db, c)?
                .ok_or_else(|| not_found(&format!("customer_id: no customer {c:?}")))?
                .key,
        );
    }
    if let Some(s) = q.get("state") {
        f.state = Some(
            ActionState::parse(s)
                .ok_or_else(|| bad("state", format!("{s:?} must be live or done")))?,
        );
    }
    f.after = q.cursor()?.map(|c| (c.date, c.id));
    let list = store::actions(db, &f)?;
    let next = Cursor::next(&list, f.limit, |a| (a.date.as_str(), a.id));
    Ok(json(200, &json!({"actions": list, "next_cursor": next})))
}

/// The resolver rule (`settle_domain::actions::check_resolver`) on what the store knows.
fn check_resolver(db: &SpinDb, id: Option<i64>) -> Answer<()> {
    let known = config::resolver_states(db, &id.into_iter().collect::<Vec<_>>())?;
    let mut errors = Invalid::default();
    actions::check_resolver("/resolver_id", id, &known, &mut errors);
    errors.into_result().map_err(|e| invalid(&e))
}

fn create(req: &Request, db: &SpinDb, who: &Principal) -> Answer<Response> {
    let input = rules::parse_new_action(json_body(req)?).map_err(|e| invalid(&e))?;
    db.transaction(|db| {
        let found = store::load_items(db, &input.item_ids)?;
        let states: Vec<Option<ItemState>> = found
            .iter()
            .map(|f| f.as_ref().map(|f| f.state.clone()))
            .collect();
        let mut errors = Invalid::default();
        rules::check_items(&input.item_ids, &states, &mut errors);
        errors.into_result().map_err(|e| invalid(&e))?;
        check_resolver(db, input.action.resolver_id)?;
        let found: Vec<_> = found.into_iter().flatten().collect();
        let held: Vec<Held> = found.iter().map(Held::from).collect();
        let created = store::create(
            db,
            found[0].customer_key,
            &input.action,
            None,
            &held,
            None,
            &who.actor,
            &now(),
        )?;
        let a = store::action(db, created.action_id)?
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
    if given.trim().is_empty() {
        return Err(problem(
            400,
            "invalid-header",
            "Invalid header",
            "If-Match is empty: send the ETag of your last read, or leave the header out",
        ));
    }
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
    actions::check_live(a.id, a.state, a.done_on.as_deref()).map_err(|e| conflict("action-done", e))
}

fn patch(req: &Request, db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let changes = parse_object_with(req, |o| Some(actions::read_changes(o)))?;
    db.transaction(|db| {
        let a = one(db, id)?;
        let version = if_match(req, &a, true)?;
        live(&a)?;
        if let Some(r) = changes.resolver_id {
            check_resolver(db, r)?;
        }
        if !store::update(db, &a, version, &changes, &who.actor, &now())? {
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
    let ids = parse_object_with(req, |o| o.id_list("item_ids", actions::MAX_ITEMS))?;
    db.transaction(|db| {
        let a = one(db, id)?;
        if_match(req, &a, false)?;
        live(&a)?;
        let found = store::load_items(db, &ids)?;
        let holders: Vec<Option<Option<i64>>> = found
            .iter()
            .map(|f| f.as_ref().map(|f| f.action_id))
            .collect();
        actions::check_detach(a.id, &ids, &holders).map_err(|e| invalid(&e))?;
        let items: Vec<(i64, String)> = found
            .into_iter()
            .flatten()
            .map(|f| (f.key, f.state.id))
            .collect();
        let left = store::detach(db, a.id, &items, &who.actor, &now())?;
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
    // The body is optional: no body at all terminates today without a comment.
    let (date, comment) = read_object(optional_json_body(req)?, |o| {
        Some(actions::read_termination(o))
    })?;
    let date = format_date(date.unwrap_or_else(today));
    db.transaction(|db| {
        let a = one(db, id)?;
        if_match(req, &a, false)?;
        live(&a)?;
        let resolved = config::resolved_status(db)?;
        actions::check_terminate(a.action_type, resolved.as_deref())
            .map_err(|e| conflict("no-resolved-status", e))?;
        let done = store::terminate(
            db,
            &a,
            &date,
            comment.as_deref(),
            resolved.as_deref(),
            &who.actor,
            &now(),
        )?;
        let resolutions = store::resolutions(db, a.id)?;
        let a = one(db, id)?;
        let mut v = detail(db, &a)?;
        v["resolved_item_ids"] = json!(done.resolved_item_ids);
        v["released_item_ids"] = json!(done.released_item_ids);
        v["resolutions"] = json!(resolutions);
        Ok(with_etag(200, &a, &v))
    })
}
