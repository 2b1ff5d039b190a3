//! Who is calling, and may they: bearer tokens (the `admin_token` variable or a stored
//! token) and, for ERP webhooks, `X-Settle-Signature`.

use chrono::Utc;
use settle_domain::auth::{self, Principal, Role, VerifiedSignature};
use settle_store::Db;
use settle_store::access;
use spin_sdk::http::Request;
use spin_sdk::key_value;

use crate::problem::{Answer, Problem, conflict, problem};
use crate::{development_defaults_allowed, variable};

fn unauthorized(detail: impl Into<String>) -> Problem {
    problem(401, "unauthorized", "Unauthorized", detail)
}

/// `Authorization: Bearer <token>` (the `admin_token` variable or a stored token), or, where
/// `accept_signature`, an `X-Settle-Signature` made with the `erp_webhook_secret` variable
/// (role `erp`). 401 when unknown, 403 when the role may not.
pub fn authenticate(
    req: &Request,
    db: &impl Db,
    allowed: &[Role],
    accept_signature: bool,
) -> Answer<Principal> {
    let header = |name: &str| req.header(name).and_then(|h| h.as_str());
    let principal = match (header("authorization"), header("x-settle-signature")) {
        (Some(value), _) => bearer(db, value)?,
        (None, Some(sig)) if accept_signature => {
            let secret = variable("erp_webhook_secret").ok_or_else(|| {
                unauthorized("webhook signatures are not configured (erp_webhook_secret)")
            })?;
            let now = Utc::now().timestamp();
            let verified = auth::verify_webhook(secret.as_bytes(), sig, req.body(), now)
                .map_err(|e| unauthorized(e.to_string()))?;
            refuse_replay(&verified, now)?;
            Principal {
                actor: "erp-webhook".into(),
                role: Role::Erp,
            }
        }
        _ => return Err(unauthorized("missing Authorization: Bearer <token>")),
    };
    authorize(&principal, allowed)?;
    Ok(principal)
}

/// A signed delivery is accepted once: its signature is remembered in the key-value store
/// until it expires, and a second delivery of it is refused (409). Expired signatures are
/// deleted a window later, by bucket, so the store does not grow.
fn refuse_replay(v: &VerifiedSignature, now: i64) -> Answer<()> {
    let kv_error = |e: key_value::Error| {
        eprintln!("settle: key-value store: {e}");
        problem(
            503,
            "unavailable",
            "Service unavailable",
            "the key-value store failed; retry later",
        )
    };
    let store = key_value::Store::open_default().map_err(kv_error)?;
    let key = v.replay_key();
    if store.exists(&key).map_err(kv_error)? {
        return Err(conflict(
            "webhook-replayed",
            "this signed delivery was already received: sign every delivery anew",
        ));
    }
    store
        .set(&key, v.expires_at().to_string().as_bytes())
        .map_err(kv_error)?;
    let bucket = auth::replay_bucket_key(v.expires_at());
    let mut keys: Vec<String> = store
        .get(&bucket)
        .map_err(kv_error)?
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    keys.push(key);
    store
        .set(&bucket, &serde_json::to_vec(&keys).unwrap_or_default())
        .map_err(kv_error)?;
    for old in auth::expired_replay_buckets(now) {
        if let Some(b) = store.get(&old).map_err(kv_error)? {
            let expired: Vec<String> = serde_json::from_slice(&b).unwrap_or_default();
            for k in expired {
                store.delete(&k).map_err(kv_error)?;
            }
            store.delete(&old).map_err(kv_error)?;
        }
    }
    Ok(())
}

fn bearer(db: &impl Db, value: &str) -> Answer<Principal> {
    let token = value
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| unauthorized("use Authorization: Bearer <token>"))?;
    if variable("admin_token").is_some_and(|admin| auth::secret_eq(&admin, token)) {
        if token == auth::DEV_ADMIN_TOKEN && !development_defaults_allowed() {
            eprintln!(
                "settle: refused the development admin_token: public_base_url is not loopback; set SPIN_VARIABLE_ADMIN_TOKEN"
            );
            return Err(unauthorized(
                "the development admin token is refused on a public address",
            ));
        }
        return Ok(Principal {
            actor: "admin-bootstrap".into(),
            role: Role::Admin,
        });
    }
    access::principal_for_token(db, &auth::hash_token(token))?
        .ok_or_else(|| unauthorized("unknown or revoked token"))
}

/// 403 unless the principal's role is one of `allowed` (admin may everything).
pub fn authorize(principal: &Principal, allowed: &[Role]) -> Answer<()> {
    if principal.role.may(allowed) {
        return Ok(());
    }
    let roles: Vec<&str> = allowed.iter().map(Role::as_str).collect();
    Err(problem(
        403,
        "forbidden",
        "Forbidden",
        format!(
            "role {} may not do this; allowed: {} (or admin)",
            principal.role.as_str(),
            roles.join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(role: Role) -> Principal {
        Principal {
            actor: "t".into(),
            role,
        }
    }

    #[test]
    fn roles_are_checked_and_admin_may_everything() {
        assert!(authorize(&p(Role::Collector), &[Role::Collector]).is_ok());
        assert!(authorize(&p(Role::Admin), &[Role::Collector]).is_ok());
        let e = authorize(&p(Role::Erp), &[Role::Collector]).unwrap_err();
        assert_eq!(e.status(), 403);
        assert!(
            e.body()["detail"]
                .as_str()
                .unwrap()
                .contains("role erp may not do this; allowed: collector")
        );
    }
}
