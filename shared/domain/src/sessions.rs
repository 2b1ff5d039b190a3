//! Console sessions and their forms: when a session has expired, when it is worth writing
//! back, what the anti-forgery token of a form is, how sign-in failures are throttled, and
//! who may open the first-admin page. No I/O: the key-value store, the clock and the random
//! bytes belong to the caller.
//!
//! A session is a random id in an `HttpOnly` cookie; the key-value store keeps, under the
//! SHA-256 of that id (so a copy of the store opens no session), the user, the two dates
//! that bound its life and the session's own anti-forgery secret.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A session unused for this long is over (30 minutes).
pub const IDLE_SECS: i64 = 30 * 60;
/// A session is over this long after sign-in whatever happens (12 hours).
pub const ABSOLUTE_SECS: i64 = 12 * 3600;
/// `last_seen` is written back at most this often, so reading a page is not a write.
pub const TOUCH_EVERY_SECS: i64 = 60;
/// The cookie's name.
pub const COOKIE: &str = "settle_session";
/// The cookie carrying the sign-in form's nonce before any session exists.
pub const SIGN_IN_COOKIE: &str = "settle_sign_in";

/// The `user_id` of the session that signing in as `admin` with the admin token opens: it
/// reaches the first-admin page only.
pub const SETUP_USER: i64 = 0;

/// The long-lived cookie proving this browser signed in as an account before (OWASP's
/// "device cookies"): it lets its owner past the account's throttle, which strangers fill.
pub const DEVICE_COOKIE: &str = "settle_device";
/// How long a device cookie is kept (a year).
pub const DEVICE_SECS: i64 = 365 * 86_400;

/// Failed sign-ins of one throttle key: how many since the last success, and when the last
/// one was (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failures {
    pub count: u32,
    pub last: i64,
}

/// Growing delays, never a lock: the first `free` failures cost nothing; after that each
/// attempt waits `base_secs × 2^(failures − free)` from the last failure, at most
/// `max_secs`; failures are forgotten `forget_secs` after the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub free: u32,
    pub base_secs: i64,
    pub max_secs: i64,
    pub forget_secs: i64,
}

impl Backoff {
    /// Seconds to wait before the next attempt, `None` when it may try now.
    pub fn wait(&self, f: Option<Failures>, now: i64) -> Option<i64> {
        let f = f.filter(|f| now - f.last < self.forget_secs)?;
        if f.count < self.free {
            return None;
        }
        let doublings = (f.count - self.free).min(30);
        let delay = self
            .base_secs
            .saturating_mul(1_i64 << doublings)
            .min(self.max_secs);
        let until = f.last + delay;
        (now < until).then_some(until - now)
    }

    /// The failures after one more.
    pub fn fail(&self, f: Option<Failures>, now: i64) -> Failures {
        match f.filter(|f| now - f.last < self.forget_secs) {
            Some(f) => Failures {
                count: f.count.saturating_add(1),
                last: now,
            },
            None => Failures {
                count: 1,
                last: now,
            },
        }
    }
}

/// Failures from one address for one account: 5 free, then 15 s doubling to 15 minutes.
pub const SIGN_IN_PAIR: Backoff = Backoff {
    free: 5,
    base_secs: 15,
    max_secs: 15 * 60,
    forget_secs: 86_400,
};
/// Failures from one address, whatever the account: 20 free, then the same delays.
pub const SIGN_IN_ADDRESS: Backoff = Backoff {
    free: 20,
    ..SIGN_IN_PAIR
};
/// Failures for one account from browsers it never signed in from: 10 free, then the same
/// delays. A browser with the account's device cookie is not held by it.
pub const SIGN_IN_ACCOUNT: Backoff = Backoff {
    free: 10,
    ..SIGN_IN_PAIR
};
/// Failures through one device cookie (a stolen one gains little): as for an address and
/// account.
pub const SIGN_IN_DEVICE: Backoff = SIGN_IN_PAIR;

/// The seal of what a multi-step form previewed: an HMAC, under the session's form secret,
/// of the wizard id and every previewed field (name and values, in order). The last step
/// carries it; the write checks it against what is posted, so a hidden field edited after
/// the preview (another item, another status or comment) is refused, not applied.
pub fn preview_seal(secret: &[u8], wizard: &str, fields: &[(&str, Vec<&str>)]) -> String {
    form_token(secret, &seal_scope(wizard, fields))
}

/// Does `given` seal exactly these fields? (Constant time.)
pub fn preview_seal_ok(
    secret: &[u8],
    wizard: &str,
    fields: &[(&str, Vec<&str>)],
    given: Option<&str>,
) -> bool {
    given.is_some_and(|g| form_token_ok(secret, &seal_scope(wizard, fields), g))
}

fn seal_scope(wizard: &str, fields: &[(&str, Vec<&str>)]) -> String {
    // JSON: no two different field lists give the same text.
    serde_json::json!(["preview", wizard, fields]).to_string()
}

/// A device cookie for `email`: a random nonce and an HMAC binding it to the account.
pub fn device_cookie_value(secret: &[u8], email: &str, random: &[u8; 32]) -> String {
    let nonce = B64.encode(&random[..18]);
    let mac = form_token(secret, &format!("device:{email}:{nonce}"));
    format!("{nonce}.{mac}")
}

/// The device cookie's nonce when it was made for `email` with `secret`.
pub fn device_nonce<'a>(secret: &[u8], email: &str, value: &'a str) -> Option<&'a str> {
    let (nonce, mac) = value.split_once('.')?;
    (nonce.len() == 24 && form_token_ok(secret, &format!("device:{email}:{nonce}"), mac))
        .then_some(nonce)
}

/// What the key-value store keeps for a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user_id: i64,
    /// Unix seconds of the sign-in.
    pub created: i64,
    /// Unix seconds of the last request written back.
    pub seen: i64,
    /// The secret the session's forms are signed with (base64url of 32 random bytes).
    pub form_secret: String,
    /// The user's `credentials` when the session opened: a password changed since ends it.
    #[serde(default)]
    pub credentials: i64,
}

/// What to do with a session found under a cookie.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Use it; `Some` is the session to write back (its `seen` moved).
    Live(Option<Session>),
    /// Over: delete it and ask for a sign-in.
    Expired,
}

impl Session {
    pub fn new(user_id: i64, now: i64, random: &[u8; 32]) -> Session {
        Session {
            user_id,
            created: now,
            seen: now,
            form_secret: B64.encode(random),
            credentials: 0,
        }
    }

    /// A session for this user as they are now (their current `credentials`).
    pub fn for_user(user: &crate::users::User, now: i64, random: &[u8; 32]) -> Session {
        Session {
            credentials: user.credentials,
            ..Session::new(user.id, now, random)
        }
    }

    /// Does this session still speak for `user`? Only while the user is active and their
    /// password has not changed since it opened.
    pub fn speaks_for(&self, user: &crate::users::User) -> bool {
        user.id == self.user_id && user.active && user.credentials == self.credentials
    }

    /// Idle for [`IDLE_SECS`], or older than [`ABSOLUTE_SECS`], is expired; a clock gone
    /// backwards past the sign-in is too (the record cannot be trusted).
    pub fn check(&self, now: i64) -> Verdict {
        if now < self.created || now - self.seen > IDLE_SECS || now - self.created > ABSOLUTE_SECS {
            return Verdict::Expired;
        }
        if now - self.seen >= TOUCH_EVERY_SECS {
            Verdict::Live(Some(Session {
                seen: now,
                ..self.clone()
            }))
        } else {
            Verdict::Live(None)
        }
    }

    /// How long the store should keep the record: until it would expire anyway.
    pub fn remaining(&self, now: i64) -> i64 {
        (self.seen + IDLE_SECS)
            .min(self.created + ABSOLUTE_SECS)
            .saturating_sub(now)
            .max(0)
    }

    /// The anti-forgery token of this session's forms.
    pub fn form_token(&self) -> String {
        form_token(self.form_secret.as_bytes(), "session")
    }

    /// Does `given` match [`Session::form_token`]? (Constant time.)
    pub fn form_token_ok(&self, given: Option<&str>) -> bool {
        given.is_some_and(|g| form_token_ok(self.form_secret.as_bytes(), "session", g))
    }
}

/// The key-value key of a session id: `session:` and the SHA-256 of the id, in hex.
pub fn storage_key(session_id: &str) -> String {
    let digest = Sha256::digest(session_id.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("session:{hex}")
}

/// A new session id (the cookie's value) from 32 random bytes.
pub fn new_id(random: &[u8; 32]) -> String {
    B64.encode(random)
}

/// Is this a session id as [`new_id`] makes them? Anything else is not looked up.
pub fn well_formed(id: &str) -> bool {
    id.len() == 43
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An HMAC of `scope` under `secret`: the sign-in form's token is keyed by the app's secret
/// and scoped to the nonce in the visitor's cookie, a session form's by the session's secret.
pub fn form_token(secret: &[u8], scope: &str) -> String {
    B64.encode(form_mac(secret, scope).finalize().into_bytes())
}

/// Does `given` match [`form_token`]? (Constant time.)
pub fn form_token_ok(secret: &[u8], scope: &str, given: &str) -> bool {
    match B64.decode(given) {
        Ok(sig) => form_mac(secret, scope).verify_slice(&sig).is_ok(),
        Err(_) => false,
    }
}

fn form_mac(secret: &[u8], scope: &str) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    m.update(b"settle-console-form.v1.");
    m.update(scope.as_bytes());
    m
}

/// What a sign-in attempt is, once the stored user (if any) and the password check are in.
#[derive(Debug, PartialEq, Eq)]
pub enum SignIn {
    /// Open a session for this user.
    User(i64),
    /// No user exists yet and the email is `admin` with the admin token: the first-admin
    /// page.
    FirstAdmin,
    /// Wrong email, wrong password, or an inactive user: all look the same to the visitor.
    Refused,
}

/// The rule of signing in. `user` is the active flag and id of the user with that email and
/// `password_ok` whether the password matched its hash; `users` is how many exist, and
/// `admin_token_ok` whether the password is the app's admin token.
pub fn sign_in(
    email: &str,
    user: Option<(i64, bool)>,
    password_ok: bool,
    users: i64,
    admin_token_ok: bool,
) -> SignIn {
    match user {
        Some((id, true)) if password_ok => SignIn::User(id),
        Some(_) => SignIn::Refused,
        None if users == 0 && email == "admin" && admin_token_ok => SignIn::FirstAdmin,
        None => SignIn::Refused,
    }
}

/// The first-admin page stays open only while no user exists: once one does, it is a 403.
pub fn first_admin_open(users: i64) -> bool {
    users == 0
}

/// Where to go after signing in: a path of the console given by the sign-in form (`next`),
/// never another site (`//evil`, `https://…`, `/\evil`) or a path outside `/app`.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if (n == "/app" || n.starts_with("/app/") || n.starts_with("/app?"))
                && !n.contains("//")
                && !n.contains('\\')
                && !n.chars().any(char::is_control) =>
        {
            n.to_string()
        }
        _ => "/app".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(created: i64, seen: i64) -> Session {
        Session {
            user_id: 7,
            created,
            seen,
            form_secret: "secret".into(),
            credentials: 0,
        }
    }

    #[test]
    fn idle_and_absolute_expiry() {
        let t0 = 1_000_000;
        assert_eq!(s(t0, t0).check(t0 + 10), Verdict::Live(None));
        // Written back once a minute, not on every page.
        assert_eq!(
            s(t0, t0).check(t0 + 60),
            Verdict::Live(Some(s(t0, t0 + 60)))
        );
        assert_eq!(
            s(t0, t0).check(t0 + IDLE_SECS),
            Verdict::Live(Some(s(t0, t0 + IDLE_SECS)))
        );
        assert_eq!(s(t0, t0).check(t0 + IDLE_SECS + 1), Verdict::Expired);
        // Kept busy, it still ends 12 hours after sign-in.
        let busy = s(t0, t0 + ABSOLUTE_SECS - 5);
        assert_eq!(
            busy.check(t0 + ABSOLUTE_SECS),
            Verdict::Live(None),
            "at the limit"
        );
        assert_eq!(busy.check(t0 + ABSOLUTE_SECS + 1), Verdict::Expired);
        assert_eq!(s(t0, t0).check(t0 - 1), Verdict::Expired, "clock went back");
    }

    #[test]
    fn the_store_keeps_a_session_until_it_would_expire() {
        let t0 = 1_000_000;
        assert_eq!(s(t0, t0).remaining(t0), IDLE_SECS);
        let late = s(t0, t0 + ABSOLUTE_SECS - 100);
        assert_eq!(late.remaining(t0 + ABSOLUTE_SECS - 100), 100);
        assert_eq!(s(t0, t0).remaining(t0 + IDLE_SECS + 50), 0);
    }

    #[test]
    fn sign_in_failures_grow_the_delay_without_locking() {
        let b = SIGN_IN_PAIR;
        let mut f = None;
        for i in 0..5 {
            assert_eq!(b.wait(f, 100 + i), None, "the first five are free");
            f = Some(b.fail(f, 100 + i));
        }
        // The 6th attempt waits 15 s from the 5th failure, then 30, 60 ... at most 15 min.
        assert_eq!(b.wait(f, 104), Some(15));
        assert_eq!(b.wait(f, 119), None);
        f = Some(b.fail(f, 119));
        assert_eq!(b.wait(f, 119), Some(30));
        for _ in 0..20 {
            f = Some(b.fail(f, 1_000));
        }
        assert_eq!(b.wait(f, 1_000), Some(15 * 60), "capped");
        assert_eq!(b.wait(f, 1_000 + 15 * 60), None, "never a lock");
        // Forgotten a day after the last failure.
        assert_eq!(b.wait(f, 1_000 + 86_400), None);
        assert_eq!(b.fail(f, 1_000 + 86_400).count, 1);
    }

    #[test]
    fn a_preview_seal_binds_every_previewed_field() {
        let f = |item: &'static str, comment: &'static str| {
            vec![("item", vec![item, "I2"]), ("comment", vec![comment])]
        };
        let seal = preview_seal(b"k", "w1", &f("I1", "Wrong price"));
        assert!(preview_seal_ok(
            b"k",
            "w1",
            &f("I1", "Wrong price"),
            Some(&seal)
        ));
        assert!(!preview_seal_ok(
            b"k",
            "w1",
            &f("J9", "Wrong price"),
            Some(&seal)
        ));
        assert!(!preview_seal_ok(
            b"k",
            "w1",
            &f("I1", "Edited"),
            Some(&seal)
        ));
        assert!(!preview_seal_ok(
            b"k",
            "w2",
            &f("I1", "Wrong price"),
            Some(&seal)
        ));
        assert!(!preview_seal_ok(
            b"x",
            "w1",
            &f("I1", "Wrong price"),
            Some(&seal)
        ));
        assert!(!preview_seal_ok(b"k", "w1", &f("I1", "Wrong price"), None));
        // Moving a value between fields changes the seal too.
        let a = preview_seal(b"k", "w", &[("a", vec!["x"]), ("b", vec![])]);
        let b = preview_seal(b"k", "w", &[("a", vec![]), ("b", vec!["x"])]);
        assert_ne!(a, b);
    }

    #[test]
    fn device_cookies_are_bound_to_their_account_and_secret() {
        let v = device_cookie_value(b"secret", "eve@corp.example", &[9; 32]);
        let nonce = device_nonce(b"secret", "eve@corp.example", &v).unwrap();
        assert_eq!(nonce.len(), 24);
        assert_eq!(device_nonce(b"secret", "dave@corp.example", &v), None);
        assert_eq!(device_nonce(b"other", "eve@corp.example", &v), None);
        assert_eq!(device_nonce(b"secret", "eve@corp.example", "x.y"), None);
        let other = device_cookie_value(b"secret", "eve@corp.example", &[8; 32]);
        assert_ne!(v, other);
    }

    #[test]
    fn a_session_speaks_for_its_user_until_the_password_changes() {
        let mut dave = crate::users::User {
            id: 4,
            name: "Dave".into(),
            email: "dave@corp.example".into(),
            role: crate::users::UserRole::Collector,
            language: "en".into(),
            active: true,
            created_at: String::new(),
            updated_at: String::new(),
            credentials: 2,
        };
        let s = Session::for_user(&dave, 5, &[1; 32]);
        assert_eq!((s.user_id, s.credentials), (4, 2));
        assert!(s.speaks_for(&dave));
        let other = crate::users::User {
            id: 5,
            ..dave.clone()
        };
        assert!(!s.speaks_for(&other));
        dave.credentials = 3;
        assert!(!s.speaks_for(&dave), "the password changed since");
        dave.credentials = 2;
        dave.active = false;
        assert!(!s.speaks_for(&dave), "deactivated");
        // A record written before sessions knew credentials reads as 0.
        let old: Session =
            serde_json::from_str(r#"{"user_id":4,"created":5,"seen":5,"form_secret":"x"}"#)
                .unwrap();
        assert_eq!(old.credentials, 0);
    }

    #[test]
    fn form_tokens_are_bound_to_their_session_and_scope() {
        let a = Session::new(1, 5, &[1; 32]);
        let b = Session::new(1, 5, &[2; 32]);
        let t = a.form_token();
        assert!(a.form_token_ok(Some(&t)));
        assert!(!b.form_token_ok(Some(&t)), "another session's token");
        assert!(!a.form_token_ok(None));
        assert!(!a.form_token_ok(Some("")));
        assert!(!a.form_token_ok(Some("not base64 !")));
        let mut altered = t.clone().into_bytes();
        altered[0] = if altered[0] == b'A' { b'B' } else { b'A' };
        assert!(!a.form_token_ok(Some(std::str::from_utf8(&altered).unwrap())));
        let sign_in = form_token(b"app secret", "nonce-1");
        assert!(form_token_ok(b"app secret", "nonce-1", &sign_in));
        assert!(!form_token_ok(b"app secret", "nonce-2", &sign_in));
        assert!(!form_token_ok(b"other", "nonce-1", &sign_in));
    }

    #[test]
    fn ids_keys_and_cookies() {
        let id = new_id(&[9; 32]);
        assert!(well_formed(&id), "{id}");
        assert!(!well_formed("short"));
        assert!(!well_formed(&format!("{}=", &id[..42])));
        assert!(!well_formed(&"a".repeat(44)));
        let key = storage_key(&id);
        assert!(key.starts_with("session:") && key.len() == 8 + 64);
        assert!(!key.contains(&id), "the id itself is never stored");
        assert_ne!(storage_key(&new_id(&[8; 32])), key);
    }

    #[test]
    fn signing_in() {
        assert_eq!(
            sign_in("a@x.com", Some((3, true)), true, 1, false),
            SignIn::User(3)
        );
        assert_eq!(
            sign_in("a@x.com", Some((3, true)), false, 1, true),
            SignIn::Refused
        );
        assert_eq!(
            sign_in("a@x.com", Some((3, false)), true, 1, false),
            SignIn::Refused,
            "inactive"
        );
        assert_eq!(sign_in("b@x.com", None, false, 1, false), SignIn::Refused);
        assert_eq!(sign_in("admin", None, false, 0, true), SignIn::FirstAdmin);
        assert_eq!(sign_in("admin", None, false, 0, false), SignIn::Refused);
        assert_eq!(
            sign_in("admin", None, false, 1, true),
            SignIn::Refused,
            "only while nobody exists"
        );
        assert_eq!(sign_in("root", None, false, 0, true), SignIn::Refused);
        assert!(first_admin_open(0));
        assert!(!first_admin_open(1));
    }

    #[test]
    fn next_stays_in_the_console() {
        assert_eq!(safe_next(Some("/app/customers?q=a")), "/app/customers?q=a");
        assert_eq!(safe_next(Some("/app")), "/app");
        assert_eq!(safe_next(Some("/app?x=1")), "/app?x=1");
        for bad in [
            "//evil.example/app",
            "https://evil.example/app",
            "/app//evil",
            "/app/\\evil",
            "/api/v1/admin/users",
            "/application",
            "/app/\nx",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/app", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/app");
    }
}
