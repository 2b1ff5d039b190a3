//! The link check every page request starts with: signature, expiry, revocation, then scope
//! (the right page, an existing customer), throttled per client address.
//!
//! Failures are counted in the key-value store (`throttle:link:<address>`); once an address
//! passes `settle_domain::pages::LINK_THROTTLE`, its failures answer 429 until the window
//! ends, so guessing tokens is slow. A valid link still opens: twenty bad tokens from an
//! office's shared address must not lock its people out of their own links (and a guesser
//! learns nothing from it: a valid token cannot be guessed).

use settle_domain::links::{self, Audience, Claims, LinkError};
use settle_domain::pages::{Counter, LINK_THROTTLE};
use settle_store::{SpinDb, outbox};
use spin_sdk::http::Request;
use spin_sdk::key_value::Store;

use crate::render::PageError;

/// The client's address without its port (`spin-client-addr` is `ip:port`).
pub fn client_address(req: &Request) -> String {
    let raw = req
        .header("spin-client-addr")
        .and_then(|h| h.as_str())
        .unwrap_or("unknown");
    match raw.rsplit_once(':') {
        Some((ip, port)) if port.chars().all(|c| c.is_ascii_digit()) => {
            ip.trim_matches(['[', ']']).to_string()
        }
        _ => raw.to_string(),
    }
}

fn throttle_key(address: &str) -> String {
    format!("throttle:link:{address}")
}

fn counter(store: &Store, key: &str) -> Option<Counter> {
    store
        .get(key)
        .ok()
        .flatten()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

fn count_failure(store: &Store, key: &str, now: i64) {
    let c = LINK_THROTTLE.fail(counter(store, key), now);
    if let Ok(bytes) = serde_json::to_vec(&c) {
        let _ = store.set(key, &bytes);
    }
}

/// The link's claims when it opens `audience`'s page; otherwise the error page to show.
/// `Gone` carries nothing: the caller shows it in the reader's language.
pub fn verify(
    req: &Request,
    db: &SpinDb,
    secret: &str,
    audience: Audience,
    token: &str,
) -> Result<Claims, PageError> {
    let now = chrono::Utc::now().timestamp();
    let store = Store::open_default()
        .map_err(|e| PageError::Server(500, format!("key-value store: {e}")))?;
    let key = throttle_key(&client_address(req));
    let mut revoked_err = None;
    let verified = links::verify(
        secret.as_bytes(),
        token,
        now,
        |id| match outbox::link_revoked(db, id) {
            Ok(r) => r,
            Err(e) => {
                revoked_err = Some(e);
                true
            }
        },
    );
    if let Some(e) = revoked_err {
        return Err(e.into());
    }
    let result = verified.and_then(|c| {
        let customer = c.customer_id.clone();
        c.permits(audience, &customer).map(|_| c)
    });
    match result {
        Ok(c) => Ok(c),
        Err(e) => {
            let blocked = LINK_THROTTLE.blocked(counter(&store, &key), now);
            count_failure(&store, &key, now);
            if let Some(wait) = blocked {
                return Err(PageError::Throttled(wait));
            }
            Err(match e {
                LinkError::Expired | LinkError::Revoked => PageError::Gone,
                LinkError::Malformed | LinkError::Forged | LinkError::OutOfScope(_) => {
                    PageError::Forbidden
                }
            })
        }
    }
}

/// The anti-forgery check of a form posted on the link's page.
pub fn check_form_token(
    secret: &str,
    claims: &Claims,
    given: Option<&str>,
) -> Result<(), PageError> {
    match given {
        Some(t) if links::form_token_ok(secret.as_bytes(), claims.link_id, t) => Ok(()),
        _ => Err(PageError::Invalid(
            403,
            settle_domain::Invalid::one("form_token", Some("form_token"), "missing or wrong"),
        )),
    }
}

/// A form posted on the link's page: at most `max` bytes, urlencoded or multipart, with the
/// link's anti-forgery token.
pub fn read_form(
    req: &Request,
    secret: &str,
    claims: &Claims,
    max: usize,
) -> Result<settle_web::forms::Form, PageError> {
    let bytes = settle_web::body(req, max)?;
    let f = settle_web::forms::parse(&crate::render::content_type(req), bytes)?;
    check_form_token(secret, claims, f.get("form_token"))?;
    Ok(f)
}
