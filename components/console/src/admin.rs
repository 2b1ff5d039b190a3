//! Admin screens (`/app/admin/...`), for users whose role is admin: a collector gets 403.
//!
//! - `GET /app/admin/users`: the users, a form to add one.
//! - `POST /app/admin/users`: add (name, email, role, language, an initial password).
//! - `POST /app/admin/users/{id}`: edit (role, language, active; a new password if given).
//!
//! The body rules are the API's (`settle_domain::users::read_user`), read from the form.

use minijinja::{Value, context};
use serde_json::Map;
use settle_store::{Db, users as store};
use settle_web::forms::Field;
use settle_web::settle_usecases::users::{self as users_uc, SaveUser};
use settle_web::usecase;
use spin_sdk::http::{Method, Response};

use settle_pages::console::{Ctx, Failure, field_errors};

/// The form fields of a user, as the API's body names them.
pub const USER_FIELDS: [(&str, Field); 6] = [
    ("name", Field::Text),
    ("email", Field::Text),
    ("role", Field::Text),
    ("language", Field::Text),
    ("password", Field::Text),
    ("active", Field::Bool),
];

pub fn route(ctx: &Ctx, rest: &[&str]) -> Result<Response, Failure> {
    if !ctx.is_admin() {
        return Err(Failure::Forbidden);
    }
    match (rest, ctx.req.method()) {
        (["users"], Method::Get) => list(ctx, 200, None, Vec::new()),
        (["users"], Method::Post) => add(ctx),
        (["users", id], Method::Post) => edit(ctx, id),
        (["users"], _) => Err(Failure::Method("GET, POST")),
        (["users", _], _) => Err(Failure::Method("POST")),
        _ => Err(Failure::NotFound),
    }
}

fn list(
    ctx: &Ctx,
    status: u16,
    values: Option<&Map<String, serde_json::Value>>,
    errors: Vec<Value>,
) -> Result<Response, Failure> {
    let users = store::users(&ctx.db)?;
    ctx.render(
        status,
        "users.html",
        "admin",
        context! {
            users => users,
            values => values.map(Value::from_serialize),
            errors => errors,
            languages_all => settle_pages::console::language_options(),
        },
    )
}

/// Saves a user through the use case every door shares (`settle_usecases::users::save`).
pub fn save_user(
    db: &impl Db,
    id: Option<i64>,
    o: &Map<String, serde_json::Value>,
    first_admin: bool,
    actor: &str,
) -> Result<users_uc::Saved, Failure> {
    let input = SaveUser {
        id,
        body: o,
        first_admin,
        salt: usecase::salt(),
    };
    Ok(users_uc::save(db, &input, &usecase::who_is(actor))?.value)
}

fn add(ctx: &Ctx) -> Result<Response, Failure> {
    let form = ctx.form()?;
    let o = form.to_object(&USER_FIELDS);
    match save_user(&ctx.db, None, &o, false, &ctx.actor()) {
        Ok(_) => ctx.redirect("/app/admin/users"),
        Err(Failure::Invalid(status, inv)) => {
            let mut shown = o.clone();
            shown.remove("password");
            list(ctx, status, Some(&shown), field_errors(&ctx.messages, &inv))
        }
        Err(f) => Err(f),
    }
}

fn edit(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    let form = ctx.form()?;
    let existing = id
        .parse::<i64>()
        .ok()
        .map(|i| store::user(&ctx.db, i))
        .transpose()?
        .flatten()
        .ok_or(Failure::NotFound)?;
    let mut o = form.to_object(&[
        ("role", Field::Text),
        ("language", Field::Text),
        ("password", Field::Text),
        ("active", Field::Bool),
    ]);
    // An admin cannot lock themselves out.
    if existing.id == ctx.me.user.id {
        o.remove("role");
        o.remove("active");
    }
    match save_user(&ctx.db, Some(existing.id), &o, false, &ctx.actor()) {
        // A new password for oneself ends one's other sessions; this one goes on.
        Ok(saved) if saved.password_changed && saved.user.id == ctx.me.user.id => {
            let mut r = ctx.redirect("/app/admin/users")?;
            let id = settle_web::session::reopen(&ctx.me.id, &saved.user)?;
            r.set_header("set-cookie", settle_web::session::set_cookie(ctx.req, &id));
            Ok(r)
        }
        Ok(_) => ctx.redirect("/app/admin/users"),
        Err(Failure::Invalid(status, inv)) => {
            list(ctx, status, None, field_errors(&ctx.messages, &inv))
        }
        Err(f) => Err(f),
    }
}
