//! Admin screens (`/app/admin/...`), for users whose role is admin: a collector gets 403.
//!
//! - `GET /app/admin/users`: the users, a form to add one.
//! - `POST /app/admin/users`: add (name, email, role, language, an initial password).
//! - `POST /app/admin/users/{id}`: edit (role, language, active; a new password if given).
//!
//! The body rules are the API's (`settle_domain::users::read_user`), read from the form.

use minijinja::{Value, context};
use serde_json::{Map, json};
use settle_domain::forms::Field;
use settle_domain::input::Object;
use settle_domain::users::{self, User};
use settle_domain::validation::Invalid;
use settle_store::{Db, config as audit, users as store};
use settle_web::now;
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

/// Reads the user body, hashes a new password, checks the email is free, saves and audits,
/// in one transaction. 422 with the fields in error, 409 for an email already taken.
pub fn create_user(
    db: &impl Db,
    o: &Map<String, serde_json::Value>,
    actor: &str,
) -> Result<User, Failure> {
    save(db, o, None, actor)
}

fn save(
    db: &impl Db,
    o: &Map<String, serde_json::Value>,
    existing: Option<&User>,
    actor: &str,
) -> Result<User, Failure> {
    let mut errors = Invalid::default();
    let mut obj = Object::new(o, "", &mut errors);
    let change = users::read_user(&mut obj, existing);
    obj.finish(&[]);
    errors.into_result().map_err(|e| Failure::Invalid(422, e))?;
    // Hash before the transaction: Argon2id takes tens of milliseconds.
    let hash = change
        .password
        .as_deref()
        .map(settle_web::hash_new_password)
        .transpose()?;
    db.transaction(|db| {
        if store::email_taken(db, &change.user.email, existing.map(|u| u.id))? {
            return Err(Failure::Invalid(
                409,
                Invalid::one("/email", Some("email"), "this email is another user's"),
            ));
        }
        let at = now();
        let saved = match (existing, &hash) {
            (None, Some(h)) => store::create_user(db, &change.user, h, &at)?,
            (None, None) => {
                return Err(Failure::Invalid(
                    422,
                    Invalid::one("/password", Some("password"), "is required"),
                ));
            }
            (Some(_), h) => {
                store::update_user(db, &change.user, h.as_deref(), &at)?;
                store::user(db, change.user.id)?.unwrap_or(change.user.clone())
            }
        };
        let mut after = serde_json::to_value(&saved).unwrap_or_default();
        if hash.is_some() {
            after["password"] = json!("(changed)");
        }
        audit::record(
            db,
            actor,
            &at,
            "user",
            &saved.id.to_string(),
            existing.and_then(|e| serde_json::to_value(e).ok()),
            Some(after),
        )?;
        Ok(saved)
    })
}

fn add(ctx: &Ctx) -> Result<Response, Failure> {
    let form = ctx.form()?;
    let o = form.to_object(&USER_FIELDS);
    match create_user(&ctx.db, &o, &ctx.actor()) {
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
    match save(&ctx.db, &o, Some(&existing), &ctx.actor()) {
        Ok(_) => ctx.redirect("/app/admin/users"),
        Err(Failure::Invalid(status, inv)) => {
            list(ctx, status, None, field_errors(&ctx.messages, &inv))
        }
        Err(f) => Err(f),
    }
}
