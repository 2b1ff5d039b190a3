//! Signed links for resolvers (`/r/{token}`) and customers (`/c/{token}`).
//!
//! A token is `base64url(claims JSON) "." base64url(HMAC-SHA256(secret, "settle-link.v1." +
//! claims part))`. The claims say who the link is for (audience and subject), which customer
//! and dispute it opens, when it expires, and the stored link id, so a link can be revoked.
//! [`verify`] checks, in order: shape, signature, expiry, revocation, then scope.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::input::{Object, parse_object};
use crate::validation::Invalid;

/// How long a link lives unless the caller says otherwise.
pub const DEFAULT_TTL_DAYS: i64 = 30;
const CONTEXT: &[u8] = b"settle-link.v1.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The resolver page: a colleague who can solve the dispute.
    Resolver,
    /// The customer page: the debtor.
    Customer,
}

impl Audience {
    pub fn as_str(&self) -> &'static str {
        match self {
            Audience::Resolver => "resolver",
            Audience::Customer => "customer",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        match s {
            "resolver" => Some(Audience::Resolver),
            "customer" => Some(Audience::Customer),
            _ => None,
        }
    }

    /// The page path prefix: `/r/` or `/c/`.
    pub fn path(&self) -> &'static str {
        match self {
            Audience::Resolver => "/r/",
            Audience::Customer => "/c/",
        }
    }

    /// The template hashtag that shows a link for this audience.
    pub fn hashtag(&self) -> &'static str {
        match self {
            Audience::Resolver => "resolver_link",
            Audience::Customer => "customer_link",
        }
    }

    /// Who a link for this audience is made for (its subject): the dispute's resolver, or
    /// the customer. `None` when a resolver link is asked for a dispute without resolver.
    pub fn subject(&self, resolver_id: Option<i64>, customer_id: &str) -> Option<String> {
        match self {
            Audience::Resolver => resolver_id.map(|id| id.to_string()),
            Audience::Customer => Some(customer_id.to_string()),
        }
    }
}

/// The address of a page: `{base}/r/{token}` or `{base}/c/{token}`.
pub fn url(base_url: &str, audience: Audience, token: &str) -> String {
    format!(
        "{}{}{token}",
        base_url.trim_end_matches('/'),
        audience.path()
    )
}

/// When a link made at `now` expires.
pub fn expiry(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    expiry_in(now, DEFAULT_TTL_DAYS)
}

/// When a link made at `now` to live `days` days expires.
pub fn expiry_in(now: chrono::DateTime<chrono::Utc>, days: i64) -> chrono::DateTime<chrono::Utc> {
    now + chrono::Duration::days(days)
}

/// The longest life a link may be given.
pub const MAX_TTL_DAYS: i64 = 365;

/// `POST /api/v1/links`: a customer-page link a collector pastes into their own reminders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRequest {
    pub customer_id: String,
    pub ttl_days: i64,
}

/// Reads `{"customer_id": "C1", "ttl_days": 30}` (`ttl_days` 1 to [`MAX_TTL_DAYS`], default
/// [`DEFAULT_TTL_DAYS`]); unknown fields, control characters and other types are refused.
pub fn parse_link_request(body: &[u8]) -> Result<LinkRequest, Invalid> {
    let map = parse_object(body)?;
    let mut errors = Invalid::default();
    let mut o = Object::new(&map, "", &mut errors);
    let customer_id = o.text("customer_id", 64);
    if customer_id
        .as_deref()
        .is_some_and(|c| c.chars().any(char::is_control))
    {
        o.err(
            "customer_id",
            "customer_id must not contain control characters",
        );
    }
    let ttl_days = o.opt_int("ttl_days").unwrap_or(DEFAULT_TTL_DAYS);
    if !(1..=MAX_TTL_DAYS).contains(&ttl_days) {
        o.err(
            "ttl_days",
            format!("ttl_days must be between 1 and {MAX_TTL_DAYS}"),
        );
    }
    o.finish(&[]);
    match customer_id {
        Some(customer_id) if errors.is_empty() => Ok(LinkRequest {
            customer_id,
            ttl_days,
        }),
        _ => Err(errors),
    }
}

/// Where a stored link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    Live,
    Expired,
    Revoked,
}

/// A revoked link is revoked whatever its date; otherwise it is expired from `expires_at`.
pub fn state(
    revoked: bool,
    expires_at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> LinkState {
    if revoked {
        LinkState::Revoked
    } else if expires_at <= now {
        LinkState::Expired
    } else {
        LinkState::Live
    }
}

/// What a link grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The stored link's id (for revocation).
    #[serde(rename = "lid")]
    pub link_id: i64,
    #[serde(rename = "aud")]
    pub audience: Audience,
    /// The resolver id, or the customer's id, the link was made for.
    #[serde(rename = "sub")]
    pub subject: String,
    /// The customer whose account the link opens.
    #[serde(rename = "cus")]
    pub customer_id: String,
    /// The dispute it concerns: a status change and/or an action.
    #[serde(rename = "sc", default, skip_serializing_if = "Option::is_none")]
    pub status_change_id: Option<i64>,
    #[serde(rename = "act", default, skip_serializing_if = "Option::is_none")]
    pub action_id: Option<i64>,
    /// Expiry, Unix seconds.
    #[serde(rename = "exp")]
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a token this application makes.
    Malformed,
    /// The signature does not match: forged or altered.
    Forged,
    Expired,
    Revoked,
    /// Valid, but not for this page or this customer.
    OutOfScope(String),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Malformed => write!(f, "this link is not valid"),
            LinkError::Forged => write!(f, "this link's signature is not valid"),
            LinkError::Expired => write!(f, "this link has expired"),
            LinkError::Revoked => write!(f, "this link was revoked"),
            LinkError::OutOfScope(why) => write!(f, "this link does not open this page: {why}"),
        }
    }
}

fn mac(secret: &[u8], payload: &str) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    m.update(CONTEXT);
    m.update(payload.as_bytes());
    m
}

/// The token for `claims`, signed with `secret`.
pub fn sign(secret: &[u8], claims: &Claims) -> String {
    let payload = B64.encode(serde_json::to_vec(claims).unwrap_or_default());
    let sig = B64.encode(mac(secret, &payload).finalize().into_bytes());
    format!("{payload}.{sig}")
}

/// The claims of a genuine, unexpired, unrevoked token. `is_revoked` is asked about the
/// link id only once the signature is verified.
pub fn verify(
    secret: &[u8],
    token: &str,
    now_unix: i64,
    is_revoked: impl FnOnce(i64) -> bool,
) -> Result<Claims, LinkError> {
    if token.len() > 2048 {
        return Err(LinkError::Malformed);
    }
    let (payload, sig) = token.split_once('.').ok_or(LinkError::Malformed)?;
    let sig = B64.decode(sig).map_err(|_| LinkError::Malformed)?;
    mac(secret, payload)
        .verify_slice(&sig)
        .map_err(|_| LinkError::Forged)?;
    let json = B64.decode(payload).map_err(|_| LinkError::Malformed)?;
    let claims: Claims = serde_json::from_slice(&json).map_err(|_| LinkError::Malformed)?;
    if now_unix >= claims.expires_at {
        return Err(LinkError::Expired);
    }
    if is_revoked(claims.link_id) {
        return Err(LinkError::Revoked);
    }
    Ok(claims)
}

/// The anti-forgery token of the forms on a link's page: an HMAC of the link id under a
/// context of its own, so it is bound to that link, needs the secret to make, and is useless
/// on any other link (or as a link token).
pub fn form_token(secret: &[u8], link_id: i64) -> String {
    B64.encode(form_mac(secret, link_id).finalize().into_bytes())
}

/// Does `given` match the link's [`form_token`]? (Constant-time comparison.)
pub fn form_token_ok(secret: &[u8], link_id: i64, given: &str) -> bool {
    match B64.decode(given) {
        Ok(sig) => form_mac(secret, link_id).verify_slice(&sig).is_ok(),
        Err(_) => false,
    }
}

fn form_mac(secret: &[u8], link_id: i64) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    m.update(b"settle-form.v1.");
    m.update(link_id.to_string().as_bytes());
    m
}

impl Claims {
    /// Does this link open `audience`'s page for `customer_id`?
    pub fn permits(&self, audience: Audience, customer_id: &str) -> Result<(), LinkError> {
        if self.audience != audience {
            return Err(LinkError::OutOfScope(format!(
                "it is a {} link, not a {} link",
                self.audience.as_str(),
                audience.as_str()
            )));
        }
        if self.customer_id != customer_id {
            return Err(LinkError::OutOfScope("it is for another customer".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls_hashtags_and_subjects() {
        assert_eq!(
            url("https://settle.example.com/", Audience::Resolver, "abc.def"),
            "https://settle.example.com/r/abc.def"
        );
        assert_eq!(
            url("http://127.0.0.1:3000", Audience::Customer, "t"),
            "http://127.0.0.1:3000/c/t"
        );
        assert_eq!(Audience::Customer.hashtag(), "customer_link");
        assert_eq!(
            Audience::Resolver.subject(Some(4), "C1").as_deref(),
            Some("4")
        );
        assert_eq!(Audience::Resolver.subject(None, "C1"), None);
        assert_eq!(
            Audience::Customer.subject(Some(4), "C1").as_deref(),
            Some("C1")
        );
    }

    #[test]
    fn form_tokens_are_bound_to_the_link_and_the_secret() {
        let t = form_token(b"secret", 7);
        assert!(form_token_ok(b"secret", 7, &t));
        assert!(!form_token_ok(b"secret", 8, &t));
        assert!(!form_token_ok(b"other", 7, &t));
        assert!(!form_token_ok(b"secret", 7, ""));
        assert!(!form_token_ok(b"secret", 7, "not base64!"));
        assert_ne!(t, form_token(b"secret", 8));
    }

    #[test]
    fn link_states() {
        use chrono::{TimeZone, Utc};
        let now = Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap();
        let exp = expiry(now);
        assert_eq!(exp - now, chrono::Duration::days(DEFAULT_TTL_DAYS));
        assert_eq!(state(false, exp, now), LinkState::Live);
        assert_eq!(state(false, now, now), LinkState::Expired);
        assert_eq!(state(true, exp, now), LinkState::Revoked);
        assert_eq!(serde_json::to_value(LinkState::Expired).unwrap(), "expired");
    }

    use super::*;

    const SECRET: &[u8] = b"test-link-secret";

    fn claims() -> Claims {
        Claims {
            link_id: 7,
            audience: Audience::Resolver,
            subject: "3".into(),
            customer_id: "C1".into(),
            status_change_id: Some(12),
            action_id: Some(5),
            expires_at: 1_000_000,
        }
    }

    #[test]
    fn a_signed_token_verifies_and_round_trips() {
        let t = sign(SECRET, &claims());
        assert!(!t.contains(['/', '+', '=']), "URL-safe: {t}");
        assert_eq!(verify(SECRET, &t, 999_999, |_| false).unwrap(), claims());
    }

    #[test]
    fn forged_tokens_are_refused() {
        let t = sign(SECRET, &claims());
        assert_eq!(
            verify(b"other-secret", &t, 0, |_| false),
            Err(LinkError::Forged)
        );
        // Altered claims with the old signature: another customer.
        let (_, sig) = t.split_once('.').unwrap();
        let mut other = claims();
        other.customer_id = "C2".into();
        let forged_payload = B64.encode(serde_json::to_vec(&other).unwrap());
        assert_eq!(
            verify(SECRET, &format!("{forged_payload}.{sig}"), 0, |_| false),
            Err(LinkError::Forged)
        );
        for junk in ["", "abc", "a.b.c", "!!!.???"] {
            assert!(verify(SECRET, junk, 0, |_| false).is_err(), "{junk}");
        }
    }

    #[test]
    fn expired_tokens_are_refused() {
        let t = sign(SECRET, &claims());
        assert_eq!(
            verify(SECRET, &t, 1_000_000, |_| false),
            Err(LinkError::Expired)
        );
    }

    #[test]
    fn revoked_tokens_are_refused_and_revocation_is_asked_by_link_id() {
        let t = sign(SECRET, &claims());
        assert_eq!(verify(SECRET, &t, 0, |id| id == 7), Err(LinkError::Revoked));
        assert!(verify(SECRET, &t, 0, |id| id == 8).is_ok());
    }

    #[test]
    fn out_of_scope_tokens_are_refused() {
        let c = claims();
        assert!(c.permits(Audience::Resolver, "C1").is_ok());
        assert!(matches!(
            c.permits(Audience::Customer, "C1"),
            Err(LinkError::OutOfScope(_))
        ));
        assert!(matches!(
            c.permits(Audience::Resolver, "C2"),
            Err(LinkError::OutOfScope(_))
        ));
    }
}
