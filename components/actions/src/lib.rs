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
//!
//! - `POST /api/v1/promises/check`: ends the promises to pay whose fate is known (kept:
//!   all paid; broken: the day after their date with items open, which go back to the
//!   scenario). Run daily from cron.
//!
//! And the dispute cases those follow-ups track:
//!
//! - `GET /api/v1/disputes?item_id=&customer_id=&status=&resolver_id=&reason=&late=`: cases,
//!   newest first, paged.
//! - `GET /api/v1/disputes/{id}`: a case with its amounts, item and amount history.
//! - `POST /api/v1/disputes/{id}/write-off` `{"comment"?}`: the remainder written off under
//!   the entity's tolerance.
//! - `POST /api/v1/disputes/{id}/reopen` `{"comment"}`: a case resolved within 30 days
//!   reopened (the item back to its reason, resolver and follow-up).

use serde_json::{Value, json};
use settle_domain::actions::{self, ActionState};
use settle_domain::auth::{Principal, Role};
use settle_domain::dates::format_date;
use settle_domain::status_change as rules;
use settle_store::SpinDb;
use settle_store::actions::{self as store, ActionFilter, ActionView};
use settle_store::ledger;
use settle_web::after_commit::Later;
use settle_web::settle_usecases::actions::{self as edits, Seen};
use settle_web::{
    Answer, Cursor, Query, authenticate, bad_query, invalid, json, json_body, method_not_allowed,
    not_found, object_body, open_db, optional_object_body, problem, respond, segments, today,
    usecase,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

mod disputes;

#[http_component]
async fn handle(req: Request) -> Response {
    let later = Later::default();
    let answer = route(&req, &later);
    settle_web::after_commit::run_steps(&later.take()).await;
    respond(answer)
}

fn route(req: &Request, later: &Later) -> Answer<Response> {
    if let Some(path) = segments(req.path(), "/api/v1/disputes") {
        return disputes::route(req, &path, later);
    }
    if let Some(path) = segments(req.path(), "/api/v1/promises") {
        let db = open_db()?;
        let who = authenticate(req, &db, &[Role::Collector], false)?;
        return match (path.as_slice(), req.method()) {
            (["check"], Method::Post) => {
                let ended = edits::check_promises(&db, &usecase::who(&who))?.value;
                Ok(json(
                    200,
                    &json!({"date": format_date(today()), "ended": ended}),
                ))
            }
            (["check"], _) => Err(method_not_allowed("POST")),
            _ => Err(not_found("no such route")),
        };
    }
    let Some(path) = segments(req.path(), "/api/v1/actions") else {
        return Err(not_found("no such route"));
    };
    let db = open_db()?;
    let who = authenticate(req, &db, &[Role::Collector], false)?;
    match (path.as_slice(), req.method()) {
        ([], Method::Get) => list(req, &db),
        ([], Method::Post) => create(req, &db, &who, later),
        ([id], Method::Get) => read(&db, id),
        ([id], Method::Patch) => patch(req, &db, &who, id),
        ([id, "detach"], Method::Post) => detach(req, &db, &who, id),
        ([id, "terminate"], Method::Post) => terminate(req, &db, &who, id, later),
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

fn create(req: &Request, db: &SpinDb, who: &Principal, later: &Later) -> Answer<Response> {
    let input = rules::parse_new_action(json_body(req)?).map_err(|e| invalid(&e))?;
    let done = edits::create(db, &input, &usecase::who(who))?;
    later.add(done.after);
    let created = done.value;
    let a = one(db, &created.action_id.to_string())?;
    let mut v = detail(db, &a)?;
    v["moved"] = json!(created.moved);
    v["emptied_actions"] = json!(created.emptied_actions);
    let mut r = with_etag(201, &a, &v);
    r.set_header("location", format!("/api/v1/actions/{}", a.id));
    Ok(r)
}

/// The version an `If-Match` names: 428 without one when `required`, 400 when empty; an
/// ETag that is not this action's reads as a version the use case refuses (412).
fn if_match(req: &Request, id: i64, required: bool) -> Answer<Seen> {
    let Some(given) = req.header("if-match").and_then(|h| h.as_str()) else {
        if required {
            return Err(problem(
                428,
                "precondition-required",
                "Precondition required",
                format!("send If-Match with the ETag of GET /api/v1/actions/{id}"),
            ));
        }
        return Ok(Seen::Any);
    };
    let given = given.trim();
    if given.is_empty() {
        return Err(problem(
            400,
            "invalid-header",
            "Invalid header",
            "If-Match is empty: send the ETag of your last read, or leave the header out",
        ));
    }
    if given == "*" {
        return Ok(Seen::Any);
    }
    let version = given
        .strip_prefix('"')
        .and_then(|g| g.strip_suffix('"'))
        .and_then(|g| g.split_once('-'))
        .filter(|(a, _)| a.parse::<i64>().ok() == Some(id))
        .and_then(|(_, v)| v.parse::<i64>().ok());
    Ok(version.map_or(Seen::Unknown, Seen::Version))
}

/// The action's id from the path (404 when it is not a number).
fn id_of(id: &str) -> Answer<i64> {
    id.parse::<i64>()
        .map_err(|_| not_found(&format!("no action {id:?}")))
}

fn patch(req: &Request, db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let body = object_body(req)?;
    let id = id_of(id)?;
    let seen = if_match(req, id, true)?;
    let a = edits::update(db, id, seen, &body, &usecase::who(who))?.value;
    Ok(with_etag(200, &a, &detail(db, &a)?))
}

fn detach(req: &Request, db: &SpinDb, who: &Principal, id: &str) -> Answer<Response> {
    let body = object_body(req)?;
    let id = id_of(id)?;
    let seen = if_match(req, id, false)?;
    let done = edits::detach(db, id, seen, &body, &usecase::who(who))?.value;
    let a = one(db, &id.to_string())?;
    let mut v = detail(db, &a)?;
    v["detached"] = json!(done.item_ids);
    v["empty"] = json!(done.empty);
    if done.empty {
        v["note"] = json!("the action holds no item any more; it stays live until terminated");
    }
    Ok(with_etag(200, &a, &v))
}

fn terminate(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    id: &str,
    later: &Later,
) -> Answer<Response> {
    // The body is optional: no body at all terminates today without a comment.
    let body = optional_object_body(req)?;
    let id = id_of(id)?;
    let seen = if_match(req, id, false)?;
    let done = edits::terminate(db, id, seen, &body, &usecase::who(who))?;
    later.add(done.after);
    let done = done.value;
    let resolutions = store::resolutions(db, id)?;
    let a = one(db, &id.to_string())?;
    let mut v = detail(db, &a)?;
    v["resolved_item_ids"] = json!(done.resolved_item_ids);
    v["released_item_ids"] = json!(done.released_item_ids);
    v["resolutions"] = json!(resolutions);
    Ok(with_etag(200, &a, &v))
}
