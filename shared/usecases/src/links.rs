//! Signed links kept by Settle: a customer-page link made on request (`POST /api/v1/links`,
//! to paste into one's own reminders) and revoking any link (the API's
//! `DELETE /api/v1/links/{id}` and the console's *Links* screen). The links an email carries
//! are made with it (`emails::queue`).
//!
//! Tokens are never stored: a link's URL is signed again from its stored claims
//! ([`url_of`]), so a retry of the same request shows the same link.

use settle_domain::dates::{format_timestamp, parse_timestamp};
use settle_domain::links::{self, Audience, Claims, LinkRequest};
use settle_domain::validation::Invalid;
use settle_store::outbox::{self, Link};
use settle_store::{Db, ledger};

use crate::{Done, Refusal, Who};

/// The stored link `id`.
pub fn link(db: &impl Db, id: i64) -> Result<Link, Refusal> {
    outbox::link(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no link {id}")))
}

/// Creates a customer-page link for `r.customer_id`, valid `r.ttl_days`. Runs inside the
/// caller's transaction (the API's idempotency record is written with it).
pub fn create_customer_link(
    db: &impl Db,
    r: &LinkRequest,
    who: &Who,
) -> Result<Done<Link>, Refusal> {
    let customer = ledger::customer(db, &r.customer_id)?.ok_or_else(|| {
        Refusal::Invalid(Invalid::one(
            "/customer_id",
            Some("customer_id"),
            format!("no customer {:?}", r.customer_id),
        ))
    })?;
    let expires = links::expiry_in(who.now(), r.ttl_days);
    let id = outbox::create_link(
        db,
        Audience::Customer,
        &customer.id,
        customer.key,
        None,
        None,
        &format_timestamp(expires),
        &who.actor,
        &who.at,
    )?;
    Ok(Done::just(link(db, id)?))
}

/// The claims a stored link was signed with.
fn claims_of(l: &Link) -> Result<Claims, Refusal> {
    let expires_at = parse_timestamp(&l.expires_at).map_err(settle_store::StoreError)?;
    Ok(Claims {
        link_id: l.id,
        audience: Audience::parse(&l.audience).unwrap_or(Audience::Customer),
        subject: l.subject.clone(),
        customer_id: l.customer_id.clone(),
        status_change_id: l.status_change_id,
        action_id: l.action_id,
        expires_at: expires_at.timestamp(),
    })
}

/// The link's URL under `base_url`, signed with `secret` from its stored claims.
pub fn url_of(l: &Link, secret: &str, base_url: &str) -> Result<String, Refusal> {
    let claims = claims_of(l)?;
    let token = links::sign(secret.as_bytes(), &claims);
    Ok(links::url(base_url, claims.audience, &token))
}

/// Revokes link `id` (it stays, read as revoked): 404 when there is none, 409
/// `already-revoked` the second time.
pub fn revoke(db: &impl Db, id: i64, who: &Who) -> Result<Done<()>, Refusal> {
    db.transaction(
        |db| match outbox::revoke_link(db, id, &who.actor, &who.at)? {
            None => Err(Refusal::NotFound(format!("no link {id}"))),
            Some(false) => Err(Refusal::conflict_about(
                "already-revoked",
                "this link is already revoked",
            )),
            Some(true) => Ok(Done::just(())),
        },
    )
}
