//! Console sessions in the key-value store (the rules are `settle_domain::sessions`): read
//! the one a request's cookie names, open one at sign-in, end one at sign-out. The console
//! uses them for its pages, the report pages accept them beside bearer tokens.

use chrono::Utc;
use settle_domain::auth::{Principal, Role};
use settle_domain::sessions::{self, COOKIE, Session, Verdict};
use settle_domain::users::{User, UserRole};
use settle_store::{Db, users};
use spin_sdk::http::Request;
use spin_sdk::key_value::Store;

use crate::problem::{Answer, problem};
use crate::random_bytes;

/// A signed-in request: who, and the session (for its form token).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub id: String,
    pub session: Session,
    pub user: User,
}

impl SignedIn {
    /// As whom history rows record this user's changes.
    pub fn principal(&self) -> Principal {
        Principal {
            actor: format!("user:{}:{}", self.user.id, self.user.email),
            role: match self.user.role {
                UserRole::Admin => Role::Admin,
                UserRole::Collector => Role::Collector,
            },
        }
    }
}

fn kv_error(e: impl std::fmt::Display) -> crate::Problem {
    eprintln!("settle: key-value store: {e}");
    problem(
        503,
        "unavailable",
        "Service unavailable",
        "the key-value store failed; retry later",
    )
}

pub fn store() -> Answer<Store> {
    Store::open_default().map_err(kv_error)
}

/// The value of cookie `name` on the request.
pub fn cookie<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.header("cookie")
        .and_then(|h| h.as_str())
        .and_then(|c| cookie_value(c, name))
}

/// Is the console served over https (as the client sees it)? Then cookies are `Secure`.
/// Behind a proxy that ends TLS the request itself is plain http, so `public_base_url`
/// counts too.
pub fn secure(req: &Request) -> bool {
    req.header("spin-full-url")
        .and_then(|h| h.as_str())
        .is_some_and(|u| u.starts_with("https://"))
        || crate::public_base_url().starts_with("https://")
}

/// The live session the request's cookie names, whoever it is for. A session past its life
/// is deleted; one still live is written back once a minute.
pub fn lookup(req: &Request) -> Answer<Option<(String, Session)>> {
    let Some(id) = cookie(req, COOKIE).filter(|id| sessions::well_formed(id)) else {
        return Ok(None);
    };
    let kv = store()?;
    let key = sessions::storage_key(id);
    let Some(bytes) = kv.get(&key).map_err(kv_error)? else {
        return Ok(None);
    };
    let Ok(session) = serde_json::from_slice::<Session>(&bytes) else {
        kv.delete(&key).map_err(kv_error)?;
        return Ok(None);
    };
    let session = match session.check(Utc::now().timestamp()) {
        Verdict::Expired => {
            kv.delete(&key).map_err(kv_error)?;
            return Ok(None);
        }
        Verdict::Live(Some(touched)) => {
            save(&kv, &key, &touched)?;
            touched
        }
        Verdict::Live(None) => session,
    };
    Ok(Some((id.to_string(), session)))
}

/// The signed-in user's session: live, and its user still exists, is active and has not
/// changed password since it opened (a user deactivated, or whose password an admin reset,
/// is signed out). The first-admin session is not one.
pub fn current(req: &Request, db: &impl Db) -> Answer<Option<SignedIn>> {
    let Some((id, session)) = lookup(req)? else {
        return Ok(None);
    };
    if session.user_id == sessions::SETUP_USER {
        return Ok(None);
    }
    match users::user(db, session.user_id)? {
        Some(user) if session.speaks_for(&user) => Ok(Some(SignedIn { id, session, user })),
        _ => {
            close(&id)?;
            Ok(None)
        }
    }
}

fn save(kv: &Store, key: &str, s: &Session) -> Answer<()> {
    let bytes = serde_json::to_vec(s).map_err(kv_error)?;
    kv.set(key, &bytes).map_err(kv_error)
}

/// Opens a session for `user`: a new random id (never one the browser offered), kept
/// under its hash. Answers the id, for the cookie.
pub fn open(user: &User) -> Answer<String> {
    keep(Session::for_user(
        user,
        Utc::now().timestamp(),
        &random_bytes(),
    ))
}

/// Opens the setup session (signed in as `admin` while nobody exists): it opens only the
/// first-admin page.
pub fn open_setup() -> Answer<String> {
    keep(Session::new(
        sessions::SETUP_USER,
        Utc::now().timestamp(),
        &random_bytes(),
    ))
}

/// After one's own password change: the session `old` is replaced by a new one carrying the
/// new credentials (every other session of the user is over).
pub fn reopen(old: &str, user: &User) -> Answer<String> {
    close(old)?;
    open(user)
}

fn keep(session: Session) -> Answer<String> {
    let id = sessions::new_id(&random_bytes());
    save(&store()?, &sessions::storage_key(&id), &session)?;
    Ok(id)
}

/// Ends the session: deleted from the store, so the cookie opens nothing even if kept.
pub fn close(id: &str) -> Answer<()> {
    store()?
        .delete(&sessions::storage_key(id))
        .map_err(kv_error)
}

/// The `Set-Cookie` of a session just opened.
pub fn set_cookie(req: &Request, id: &str) -> String {
    cookie_header(COOKIE, id, secure(req), sessions::ABSOLUTE_SECS)
}

/// The `Set-Cookie` that forgets the session cookie.
pub fn clear_cookie(req: &Request) -> String {
    clear_cookie_named(COOKIE, secure(req))
}

/// For read-only pages that both machines and people open (the reports): the bearer token
/// when one is given, else the signed-in user's session, else 401. Only for GET routes: a
/// session carries no anti-forgery token here.
pub fn principal(req: &Request, db: &impl Db, allowed: &[Role]) -> Answer<Principal> {
    if req.header("authorization").is_none()
        && let Some(me) = current(req, db)?
    {
        let p = me.principal();
        crate::auth::authorize(&p, allowed)?;
        return Ok(p);
    }
    crate::authenticate(req, db, allowed, false)
}

// ---- cookies: the wire format ----

/// The cookie that carries a session id: `Secure` when the console is served over https,
/// `Max-Age` the absolute lifetime (the store decides the idle one).
pub fn cookie_header(name: &str, value: &str, secure: bool, max_age: i64) -> String {
    format!(
        "{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The cookie that removes `name` from the browser.
pub fn clear_cookie_named(name: &str, secure: bool) -> String {
    cookie_header(name, "", secure, 0)
}

/// The value of cookie `name` in a `Cookie:` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

#[cfg(test)]
mod cookie_tests {
    use super::*;

    #[test]
    fn cookies_are_written_and_read() {
        assert_eq!(
            cookie_header(COOKIE, "abc", true, 60),
            "settle_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure"
        );
        assert_eq!(
            clear_cookie_named(COOKIE, false),
            "settle_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        );
        assert_eq!(
            cookie_value("a=1; settle_session=xyz; b=2", COOKIE),
            Some("xyz")
        );
        assert_eq!(cookie_value("settle_session_x=1", COOKIE), None);
        assert_eq!(cookie_value("", COOKIE), None);
    }
}
