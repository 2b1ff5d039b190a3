//! Console users (`/api/v1/admin/users[/{id}]`): `GET` lists or reads, `POST` creates (with
//! an initial `password`), `PATCH` edits the fields given (a `password` replaces the old
//! one; `active: false` stops the user signing in). Passwords are hashed with Argon2id and
//! never answered; every change has an audit row (without the hash).

use serde_json::json;
use settle_domain::auth::Principal;
use settle_domain::users::User;
use settle_store::{SpinDb, users as store};
use settle_web::settle_usecases::users::{self as users_uc, SaveUser};
use settle_web::{Answer, json, method_not_allowed, not_found, object_body, store_error, usecase};
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
    let id = match id {
        Some(i) => Some(
            i.parse::<i64>()
                .map_err(|_| not_found(&format!("no user {i:?}")))?,
        ),
        None => None,
    };
    let body = object_body(req)?;
    let input = SaveUser {
        id,
        body: &body,
        first_admin: false,
        salt: usecase::salt(),
    };
    let saved = users_uc::save(db, &input, &usecase::who(who))?.value;
    let mut r = json(if saved.created { 201 } else { 200 }, &saved.user);
    if saved.created {
        r.set_header("location", format!("/api/v1/admin/users/{}", saved.user.id));
    }
    Ok(r)
}
