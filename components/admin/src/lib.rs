//! `/api/v1/admin/...`: configuration, for the `admin` role only.
//!
//! - API tokens: shown once at creation, stored hashed, revocable (this file).
//! - Statuses, resolvers, action models and email templates ([`config`]): created and
//!   edited, deactivated rather than deleted, every change in `config_history`.
//! - Console users ([`users`]): Argon2id passwords, never answered.
//! - Outbound webhooks ([`webhooks`]): endpoints here; their deliveries, replays, flushes and
//!   the event log under `/api/v1/webhooks/...`.

mod config;
mod users;
mod webhooks;

use serde::Deserialize;
use settle_domain::auth::{Role, hash_token, new_token};
use settle_store::Db;
use settle_store::access;
use settle_web::{
    Answer, authenticate, json, json_body, method_not_allowed, not_found, now, open_db, problem,
    respond, segments, store_error,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewToken {
    name: String,
    role: String,
}

#[http_component]
fn handle(req: Request) -> Response {
    respond(route(&req))
}

fn route(req: &Request) -> Answer<Response> {
    if let Some(path) = segments(req.path(), "/api/v1/webhooks") {
        let db = open_db()?;
        let principal = authenticate(req, &db, &[Role::Admin], false)?;
        return webhooks::api(req, &db, &principal, &path);
    }
    let Some(path) = segments(req.path(), "/api/v1/admin") else {
        return Err(not_found("no such route"));
    };
    let db = open_db()?;
    let principal = authenticate(req, &db, &[Role::Admin], false)?;
    if let Some(answer) = webhooks::admin(req, &db, &principal, &path) {
        return answer;
    }
    match (path.as_slice(), req.method()) {
        (["tokens"], Method::Get) => Ok(json(
            200,
            &serde_json::json!({"tokens": access::list_tokens(&db)?}),
        )),
        (["tokens"], Method::Post) => {
            let input: NewToken = serde_json::from_slice(json_body(req)?).map_err(|e| {
                problem(
                    400,
                    "malformed-body",
                    "Malformed request body",
                    format!("expected {{\"name\", \"role\"}}: {e}"),
                )
            })?;
            let (name, role) = settle_domain::auth::check_new_token(&input.name, &input.role)
                .map_err(|e| settle_web::invalid(&e))?;
            let name = name.as_str();
            let token = new_token(settle_web::random_bytes());
            let stored = db.transaction(|db| {
                access::create_token(
                    db,
                    name,
                    role,
                    &hash_token(&token),
                    &principal.actor,
                    &now(),
                )
                .map_err(store_error)
            })?;
            let mut v = serde_json::to_value(&stored).unwrap_or_default();
            v["token"] = serde_json::Value::String(token);
            let mut r = json(201, &v);
            r.set_header("location", format!("/api/v1/admin/tokens/{}", stored.id));
            r.set_header("cache-control", "no-store");
            Ok(r)
        }
        (["tokens", id], Method::Delete) => {
            let Ok(id) = id.parse::<i64>() else {
                return Err(not_found("no such token"));
            };
            match db.transaction(|db| {
                access::revoke_token(db, id, &principal.actor, &now()).map_err(store_error)
            })? {
                None => Err(not_found("no such token")),
                Some(false) => Err(problem(
                    409,
                    "already-revoked",
                    "Conflict",
                    "this token is already revoked",
                )),
                Some(true) => Ok(Response::builder().status(204).build()),
            }
        }
        (["tokens"], _) => Err(method_not_allowed("GET, POST")),
        (["tokens", _], _) => Err(method_not_allowed("DELETE")),
        _ => match users::route(req, &db, &principal, &path) {
            Some(answer) => answer,
            None => config::route(req, &db, &principal, &path),
        },
    }
}
