//! Console users (`/api/v1/admin/users[/{id}]`): `GET` lists or reads, `POST` creates (with
//! an initial `password`), `PATCH` edits the fields given (a `password` replaces the old
//! one; `active: false` stops the user signing in). Passwords are hashed with Argon2id and
//! never answered; every change has an audit row (without the hash).

use serde_json::json;
use settle_domain::auth::Principal;
use settle_domain::users::{self, User};
use settle_store::{Db, SpinDb, config as audit, users as store};
use settle_web::{
    Answer, conflict, json, method_not_allowed, not_found, now, parse_object_with, store_error,
};
use spin_sdk::http::{Method, Request, Response};

pub fn route(
    req: &Request,
    db: &SpinDb,
    who: &Principal,
    path: &[&str],
) -> Option<Answer<Response>> {
    Some(match (path, req.method()) {
        (["users"], Method::Get) => store::users(db)
            .map_err(store_error)
            .map(|u| json(200, &json!({"users": u}))),
        (["users"], Method::Post) => save(req, db, who, None),
        (["users", id], Method::Get) => find(db, id).map(|u| json(200, &u)),
        (["users", id], Method::Patch) => save(req, db, who, Some(id)),
        (["users"], _) => Err(method_not_allowed("GET, POST")),
        (["users", _], _) => Err(method_not_allowed("GET, PATCH")),
        _ => return None,
    })
}

fn find(db: &SpinDb, id: &str) -> Answer<User> {
    id.parse::<i64>()
        .ok()
        .map(|i| store::user(db, i))
        .transpose()
        .map_err(store_error)?
        .flatten()
        .ok_or_else(|| not_found(&format!("no user {id:?}")))
}

fn save(req: &Request, db: &SpinDb, who: &Principal, id: Option<&str>) -> Answer<Response> {
    let existing = id.map(|i| find(db, i)).transpose()?;
    let change = parse_object_with(req, |o| Some(users::read_user(o, existing.as_ref())))?;
    // Hash before the transaction: Argon2id takes tens of milliseconds.
    let hash = change
        .password
        .as_deref()
        .map(settle_web::hash_new_password)
        .transpose()?;
    db.transaction(|db| {
        let except = existing.as_ref().map(|u| u.id);
        if store::email_taken(db, &change.user.email, except).map_err(store_error)? {
            return Err(conflict(
                "email-taken",
                format!("email: {:?} is another user's", change.user.email),
            ));
        }
        let at = now();
        let saved = match (&existing, &hash) {
            (None, Some(h)) => store::create_user(db, &change.user, h, &at).map_err(store_error)?,
            (None, None) => unreachable!("a new user's password is required by read_user"),
            (Some(_), h) => {
                store::update_user(db, &change.user, h.as_deref(), &at).map_err(store_error)?;
                store::user(db, change.user.id)
                    .map_err(store_error)?
                    .unwrap_or(change.user.clone())
            }
        };
        let mut after = serde_json::to_value(&saved).unwrap_or_default();
        if hash.is_some() {
            after["password"] = json!("(changed)");
        }
        audit::record(
            db,
            &who.actor,
            &at,
            "user",
            &saved.id.to_string(),
            existing.as_ref().and_then(|e| serde_json::to_value(e).ok()),
            Some(after),
        )
        .map_err(store_error)?;
        let mut r = json(if existing.is_none() { 201 } else { 200 }, &saved);
        if existing.is_none() {
            r.set_header("location", format!("/api/v1/admin/users/{}", saved.id));
        }
        Ok(r)
    })
}
