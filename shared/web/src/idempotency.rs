//! `Idempotency-Key`: a retried write answers what the first one did, without writing again.

use settle_domain::auth::{self, Principal};
use settle_store::Db;
use settle_store::access::{self, StoredResponse};
use spin_sdk::http::{Request, Response};

use crate::now;
use crate::problem::{Answer, conflict, json, problem};

/// Runs a write once per `Idempotency-Key`: a retry with the same key and body gets the first
/// answer without writing again; the same key with another body is 409. `write` runs inside
/// the caller's transaction; only successful (2xx) answers are remembered.
pub fn idempotent(
    req: &Request,
    db: &impl Db,
    principal: &Principal,
    write: impl FnOnce() -> Answer<(u16, serde_json::Value)>,
) -> Answer<Response> {
    let Some(key) = req.header("idempotency-key").and_then(|h| h.as_str()) else {
        let (status, body) = write()?;
        return Ok(json(status, &body));
    };
    let scope = format!("{} {} {}", req.method(), req.path(), principal.actor);
    let hash = fingerprint(req.query(), req.body());
    if let Some(stored) = access::idempotent_response(db, &scope, check_key(key)?)? {
        return replay(stored, &hash);
    }
    let (status, body) = write()?;
    let stored = StoredResponse {
        request_hash: hash,
        status,
        body: body.to_string(),
    };
    access::save_idempotent_response(db, &scope, key, &stored, &now())?;
    Ok(json(status, &body))
}

/// An `Idempotency-Key`, when sent, is well formed: also on a dry run, which stores no
/// answer (the header is still part of the request the client sent).
pub fn check_idempotency_key(req: &Request) -> Answer<()> {
    match req.header("idempotency-key") {
        None => Ok(()),
        Some(h) => match h.as_str() {
            Some(key) => check_key(key).map(|_| ()),
            None => check_key("").map(|_| ()),
        },
    }
}

fn check_key(key: &str) -> Answer<&str> {
    if key.is_empty() || key.len() > 200 {
        return Err(problem(
            400,
            "invalid-header",
            "Invalid header",
            "Idempotency-Key must be 1 to 200 characters",
        ));
    }
    Ok(key)
}

/// What identifies "the same request": its query and body.
fn fingerprint(query: &str, body: &[u8]) -> String {
    let mut f = query.as_bytes().to_vec();
    f.push(0);
    f.extend_from_slice(body);
    auth::sha256_hex(&f)
}

fn replay(stored: StoredResponse, hash: &str) -> Answer<Response> {
    if stored.request_hash != hash {
        return Err(conflict(
            "idempotency-conflict",
            "this Idempotency-Key was used with a different request",
        ));
    }
    let mut r = Response::builder()
        .status(stored.status)
        .header("content-type", "application/json")
        .body(stored.body)
        .build();
    r.set_header("idempotent-replayed", "true");
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_bounded() {
        assert!(check_key("k-1").is_ok());
        assert_eq!(check_key("").unwrap_err().status(), 400);
        assert_eq!(check_key(&"k".repeat(201)).unwrap_err().status(), 400);
    }

    #[test]
    fn the_fingerprint_covers_query_and_body() {
        let a = fingerprint("dry_run=false", b"{}");
        assert_eq!(a, fingerprint("dry_run=false", b"{}"));
        assert_ne!(a, fingerprint("dry_run=true", b"{}"));
        assert_ne!(a, fingerprint("dry_run=false", b"{ }"));
        // The separator keeps query and body apart.
        assert_ne!(fingerprint("a", b"b"), fingerprint("ab", b""));
    }

    #[test]
    fn a_replay_answers_the_stored_response_only_for_the_same_request() {
        let stored = StoredResponse {
            request_hash: "h1".into(),
            status: 201,
            body: r#"{"id":1}"#.into(),
        };
        let r = replay(stored.clone(), "h1").unwrap();
        assert_eq!(*r.status(), 201);
        assert_eq!(r.body(), br#"{"id":1}"#);
        assert_eq!(
            r.header("idempotent-replayed").and_then(|h| h.as_str()),
            Some("true")
        );
        assert_eq!(replay(stored, "h2").unwrap_err().status(), 409);
    }
}
