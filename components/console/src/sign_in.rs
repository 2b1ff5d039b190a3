//! Signing in and out, and the install's first admin.
//!
//! - `GET /app/sign-in` sets a nonce cookie and shows the form, whose anti-forgery token is
//!   an HMAC of that nonce under the link secret (no session exists yet to bind it to).
//! - `POST /app/sign-in`: failures grow delays, never a lock (`settle_domain::sessions::
//!   Backoff`), per address and account, per address, and per account for browsers that
//!   never signed in as it; a browser holding the account's device cookie (OWASP's device
//!   cookies) passes the account's delay, so strangers failing on Eve's email do not keep
//!   Eve out. An unknown email costs the same Argon2id work as a wrong password, and both
//!   get the same answer. A success opens a new session (a new id, whatever cookie came
//!   in), then `GET /app/sign-in/device` gives the browser its device cookie (one
//!   `Set-Cookie` per response) and goes on to `next` when it is a console path.
//! - With no user yet, the email `admin` and the `admin_token` as password open a session
//!   that reaches `/app/first-admin` only; creating the admin there replaces it with the
//!   admin's own session.
//! - `POST /app/sign-out` deletes the session from the store and the cookie.

use minijinja::{Value, context};
use settle_domain::auth;
use settle_domain::sessions::{
    self, Backoff, DEVICE_COOKIE, DEVICE_SECS, Failures, SETUP_USER, SIGN_IN_ACCOUNT,
    SIGN_IN_ADDRESS, SIGN_IN_COOKIE, SIGN_IN_DEVICE, SIGN_IN_PAIR, SignIn,
};
use settle_domain::users::{self, NO_USER_HASH};
use settle_pages::link::client_address;
use settle_pages::page;
use settle_pages::render;
use settle_store::{Db, users as store};
use settle_web::{link_secret, open_db, session, variable};
use spin_sdk::http::{Request, Response};
use spin_sdk::key_value::Store;

use settle_pages::console::{Ctx, Failure, failure_page, field_errors, frame, messages, read_form};

/// Sign-in and first-admin forms are tiny.
const MAX_SIGN_IN_FORM: usize = 8 * 1024;

fn sign_in_token(secret: &str, nonce: &str) -> String {
    sessions::form_token(secret.as_bytes(), &format!("sign-in:{nonce}"))
}

fn nonce_of(req: &Request) -> Option<&str> {
    session::cookie(req, SIGN_IN_COOKIE).filter(|n| sessions::well_formed(n))
}

/// Renders a page that has no signed-in user (sign-in, first admin).
fn visitor_page(
    req: &Request,
    status: u16,
    template: &str,
    ctx: Value,
    set_cookie: Option<String>,
) -> Response {
    let messages = messages(settle_pages::console::visitor_language(req));
    let env = settle_pages::console::console_environment(messages.clone(), crate::TEMPLATES);
    match render::render(
        &env,
        template,
        minijinja::value::merge_maps([
            context! { nav => "", me => Value::from(()) },
            frame(&messages, req),
            ctx,
        ]),
    ) {
        Ok(html) => page(status, html, messages.language.tag, set_cookie),
        Err(e) => failure_page(req, None, &Failure::Server(500, format!("{e:?}"))),
    }
}

/// `GET /app/sign-in`.
pub fn form(req: &Request) -> Response {
    match open_db()
        .map_err(Failure::from)
        .and_then(|db| session::current(req, &db).map_err(Failure::from))
    {
        Ok(Some(_)) => return settle_pages::redirect("/app", "en"),
        Ok(None) => {}
        Err(f) => return failure_page(req, None, &f),
    }
    let next = settle_web::query(req)
        .into_iter()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v);
    show_form(
        req,
        200,
        "",
        sessions::safe_next(next.as_deref()),
        Vec::new(),
    )
}

fn show_form(
    req: &Request,
    status: u16,
    email: &str,
    next: String,
    errors: Vec<Value>,
) -> Response {
    let secret = match link_secret() {
        Ok(s) => s,
        Err(p) => return failure_page(req, None, &Failure::from(p)),
    };
    // A nonce for this form, kept in a cookie of the sign-in path only.
    let nonce = sessions::new_id(&settle_web::random_bytes());
    let cookie = format!(
        "{SIGN_IN_COOKIE}={nonce}; Path=/app/sign-in; Max-Age=3600; HttpOnly; SameSite=Lax{}",
        if session::secure(req) { "; Secure" } else { "" }
    );
    visitor_page(
        req,
        status,
        "sign_in.html",
        context! {
            email => email,
            next => next,
            errors => errors,
            form_token => sign_in_token(&secret, &nonce),
        },
        Some(cookie),
    )
}

/// The throttle keys of an attempt, each with its delays. A browser holding this account's
/// device cookie is held only by that cookie's own failures (OWASP's device cookies: the
/// owner's browser is not kept out by strangers). Any other attempt is held per address and
/// account, per address, and per account.
fn throttle_keys(req: &Request, email: &str, device: Option<&str>) -> Vec<(String, Backoff)> {
    if let Some(nonce) = device {
        return vec![(format!("throttle:sign-in:device:{nonce}"), SIGN_IN_DEVICE)];
    }
    let address = client_address(req);
    let account = auth::hash_token(email);
    vec![
        (
            format!("throttle:sign-in:pair:{address}:{account}"),
            SIGN_IN_PAIR,
        ),
        (
            format!("throttle:sign-in:address:{address}"),
            SIGN_IN_ADDRESS,
        ),
        (
            format!("throttle:sign-in:account:{account}"),
            SIGN_IN_ACCOUNT,
        ),
    ]
}

fn failures(kv: &Store, key: &str) -> Option<Failures> {
    kv.get(key)
        .ok()
        .flatten()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

/// `POST /app/sign-in`.
pub fn submit(req: &Request) -> Response {
    match try_submit(req) {
        Ok(r) => r,
        Err(f) => failure_page(req, None, &f),
    }
}

fn try_submit(req: &Request) -> Result<Response, Failure> {
    let bytes = settle_web::body(req, MAX_SIGN_IN_FORM)?;
    let form = settle_web::forms::parse(&render::content_type(req), bytes)
        .map_err(|e| Failure::Invalid(400, e))?;
    let secret = link_secret()?;
    let token_ok = match (nonce_of(req), form.get("form_token")) {
        (Some(nonce), Some(given)) => {
            sessions::form_token_ok(secret.as_bytes(), &format!("sign-in:{nonce}"), given)
        }
        _ => false,
    };
    if !token_ok {
        return Err(Failure::Forbidden);
    }
    let email = users::normalize_email(form.get("email").unwrap_or(""));
    let password = form.get("password").unwrap_or("");
    let next = sessions::safe_next(form.get("next"));
    let kv = session::store()?;
    let now = chrono::Utc::now().timestamp();
    let device = session::cookie(req, DEVICE_COOKIE)
        .and_then(|v| sessions::device_nonce(secret.as_bytes(), &email, v));
    let keys = throttle_keys(req, &email, device);
    if let Some(wait) = keys
        .iter()
        .filter_map(|(k, b)| b.wait(failures(&kv, k), now))
        .max()
    {
        return Err(Failure::Throttled(wait));
    }
    let db = open_db()?;
    let found = store::password_hash(&db, &email)?;
    // The same Argon2id work whether or not the email exists.
    let password_ok = users::verify_password(
        password,
        found.as_ref().map_or(NO_USER_HASH, |(_, h)| h.as_str()),
    );
    let admin_token_ok = variable("admin_token").is_some_and(|t| {
        auth::secret_eq(&t, password)
            && (t != auth::DEV_ADMIN_TOKEN || settle_web::development_defaults_allowed())
    });
    let count = store::count(&db)?;
    let verdict = sessions::sign_in(
        &email,
        found.as_ref().map(|(u, _)| (u.id, u.active)),
        password_ok,
        count,
        admin_token_ok,
    );
    let user_id = match verdict {
        SignIn::User(id) => id,
        SignIn::FirstAdmin => SETUP_USER,
        SignIn::Refused => {
            for (k, b) in &keys {
                let f = b.fail(failures(&kv, k), now);
                if let Ok(bytes) = serde_json::to_vec(&f) {
                    let _ = kv.set(k, &bytes);
                }
            }
            let m = messages(settle_pages::console::visitor_language(req));
            let errors = vec![context! {
                field => "password", label => m.get("sign-in-refused", &[]), detail => "",
            }];
            return Ok(show_form(req, 401, &email, next, errors));
        }
    };
    // A fresh session: whatever id the browser had is dropped.
    if let Some((old, _)) = session::lookup(req)? {
        session::close(&old)?;
    }
    let id = match &found {
        Some((user, _)) if user.id == user_id => session::open(user)?,
        _ => session::open_setup()?,
    };
    let to = if user_id == SETUP_USER {
        "/app/first-admin".to_string()
    } else {
        // Who signed in starts afresh from this address (or this device).
        let _ = kv.delete(&keys[0].0);
        format!(
            "/app/sign-in/device?{}",
            settle_web::encode_query(&[("next".into(), next)])
        )
    };
    let mut r = settle_pages::redirect(&to, "en");
    r.set_header("set-cookie", session::set_cookie(req, &id));
    Ok(r)
}

/// `GET /app/sign-in/device?next=...`, right after signing in: the browser's device cookie
/// for the signed-in account (a response carries one `Set-Cookie`, and the sign-in's was
/// the session's), then on to `next`.
pub fn device(ctx: &Ctx) -> Result<Response, Failure> {
    let next = settle_web::query(ctx.req)
        .into_iter()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v);
    let next = sessions::safe_next(next.as_deref());
    let secret = link_secret()?;
    let value = sessions::device_cookie_value(
        secret.as_bytes(),
        &ctx.me.user.email,
        &settle_web::random_bytes(),
    );
    let mut r = ctx.redirect(&next)?;
    r.set_header(
        "set-cookie",
        format!(
            "{DEVICE_COOKIE}={value}; Path=/app/sign-in; Max-Age={DEVICE_SECS}; HttpOnly; SameSite=Lax{}",
            if session::secure(ctx.req) { "; Secure" } else { "" }
        ),
    );
    Ok(r)
}

/// `POST /app/sign-out`.
pub fn sign_out(ctx: &Ctx) -> Result<Response, Failure> {
    ctx.form()?;
    session::close(&ctx.me.id)?;
    let mut r = settle_pages::redirect("/app/sign-in", ctx.lang());
    r.set_header("set-cookie", session::clear_cookie(ctx.req));
    Ok(r)
}

/// The setup session signing in as `admin` opened, while no user exists.
fn setup_session(req: &Request, db: &impl Db) -> Result<(String, sessions::Session), Failure> {
    match session::lookup(req)? {
        Some((id, s))
            if s.user_id == SETUP_USER && sessions::first_admin_open(store::count(db)?) =>
        {
            Ok((id, s))
        }
        _ => Err(Failure::Forbidden),
    }
}

/// `GET /app/first-admin`.
pub fn first_admin_form(req: &Request) -> Response {
    let db = match open_db() {
        Ok(db) => db,
        Err(p) => return failure_page(req, None, &Failure::from(p)),
    };
    match setup_session(req, &db) {
        Ok((_, s)) => first_admin_page(req, &s, 200, &Value::from(()), Vec::new()),
        Err(f) => failure_page(req, None, &f),
    }
}

fn first_admin_page(
    req: &Request,
    s: &sessions::Session,
    status: u16,
    values: &Value,
    errors: Vec<Value>,
) -> Response {
    visitor_page(
        req,
        status,
        "first_admin.html",
        context! {
            form_token => s.form_token(),
            values => values,
            errors => errors,
            languages_all => settle_pages::console::language_options(),
        },
        None,
    )
}

/// `POST /app/first-admin`: creates the first admin and signs them in.
pub fn first_admin(req: &Request) -> Response {
    match try_first_admin(req) {
        Ok(r) => r,
        Err(f) => failure_page(req, None, &f),
    }
}

fn try_first_admin(req: &Request) -> Result<Response, Failure> {
    let db = open_db()?;
    let (setup_id, s) = setup_session(req, &db)?;
    let form = read_form(req)?;
    if !s.form_token_ok(form.get("form_token")) {
        return Err(Failure::Forbidden);
    }
    let mut o = form.to_object(&crate::admin::USER_FIELDS);
    o.insert("role".into(), "admin".into());
    o.insert("active".into(), true.into());
    // The use case checks, inside its transaction, that nobody exists yet: of five such
    // posts at once, one creates the admin and the others are refused.
    let created = crate::admin::save_user(&db, None, &o, true, "first-admin");
    match created {
        Ok(saved) => {
            let user = saved.user;
            session::close(&setup_id)?;
            let id = session::open(&user)?;
            let mut r = settle_pages::redirect("/app/customers", &user.language);
            r.set_header("set-cookie", session::set_cookie(req, &id));
            Ok(r)
        }
        Err(Failure::Invalid(status, inv)) => {
            let m = messages(settle_pages::console::visitor_language(req));
            Ok(first_admin_page(
                req,
                &s,
                status,
                &Value::from_serialize(&o),
                field_errors(&m, &inv),
            ))
        }
        Err(f) => Err(f),
    }
}
