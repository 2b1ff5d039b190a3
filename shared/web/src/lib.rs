//! The HTTP edge shared by Settle's components: RFC 9457 problem responses, bearer-token and
//! webhook-signature authentication, body limits, query parsing and idempotency keys.
//!
//! Components stay thin: parse with this crate and `settle_domain`, read and write with
//! `settle_store`, render JSON with [`json`].

use chrono::{NaiveDate, Utc};
use serde::Serialize;
use settle_domain::auth::{self, Principal, Role};
use settle_domain::dates::{format_timestamp, parse_date};
use settle_domain::validation::Invalid;
use settle_store::access::{self, StoredResponse};
use settle_store::{Db, SpinDb, StoreError};
use spin_sdk::http::{Method, Request, Response};

pub use settle_store;

/// Bodies above this size are refused with 413 (ERP batches; 100,000 items fit easily).
pub const MAX_BATCH_BODY: usize = 48 * 1024 * 1024;
/// Bodies above this size are refused with 413 (everything else).
pub const MAX_BODY: usize = 1024 * 1024;

/// A short-circuit answer: every helper returns `Err(Response)` for the client.
pub type Answer<T> = Result<T, Response>;

/// An RFC 9457 problem response.
pub fn problem(status: u16, slug: &str, title: &str, detail: impl Into<String>) -> Response {
    problem_with(status, slug, title, detail, serde_json::Value::Null)
}

fn problem_with(
    status: u16,
    slug: &str,
    title: &str,
    detail: impl Into<String>,
    errors: serde_json::Value,
) -> Response {
    let mut body = serde_json::json!({
        "type": format!("/problems/{slug}"),
        "title": title,
        "status": status,
        "detail": detail.into(),
    });
    if !errors.is_null() {
        body["errors"] = errors;
    }
    let mut b = Response::builder();
    b.status(status)
        .header("content-type", "application/problem+json");
    if status == 401 {
        b.header("www-authenticate", "Bearer realm=\"settle\"");
    }
    b.body(body.to_string()).build()
}

/// 422 (or 400 for a body that is not JSON/CSV at all) listing every bad field.
pub fn invalid(inv: &Invalid) -> Response {
    let malformed = inv.0.len() == 1 && inv.0[0].pointer.is_empty();
    let (status, slug, title) = if malformed {
        (400, "malformed-body", "Malformed request body")
    } else {
        (422, "invalid-input", "Invalid input")
    };
    problem_with(
        status,
        slug,
        title,
        inv.to_string(),
        serde_json::to_value(&inv.0).unwrap_or_default(),
    )
}

pub fn not_found(what: &str) -> Response {
    problem(404, "not-found", "Not found", what)
}

pub fn method_not_allowed(allow: &str) -> Response {
    let mut r = problem(
        405,
        "method-not-allowed",
        "Method not allowed",
        format!("allowed: {allow}"),
    );
    r.set_header("allow", allow);
    r
}

pub fn store_error(e: StoreError) -> Response {
    eprintln!("settle: {e}");
    problem(
        500,
        "internal",
        "Internal error",
        "the database failed; nothing was changed",
    )
}

pub fn json<T: Serialize>(status: u16, value: &T) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(value).unwrap_or_default())
        .build()
}

/// The current time, as stored (UTC, RFC 3339).
pub fn now() -> String {
    format_timestamp(Utc::now())
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Opens the default database and brings its schema up to date.
pub fn open_db() -> Answer<SpinDb> {
    let db = SpinDb::open_default().map_err(store_error)?;
    settle_store::migrations::migrate(&db, &now()).map_err(store_error)?;
    Ok(db)
}

/// Path segments after a prefix: `segments("/api/v1/items/7/history", "/api/v1/items")` is
/// `["7", "history"]`.
pub fn segments<'a>(path: &'a str, prefix: &str) -> Option<Vec<&'a str>> {
    let rest = path.strip_prefix(prefix)?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    Some(rest.split('/').filter(|s| !s.is_empty()).collect())
}

/// Decoded query parameters, in order.
pub fn query(req: &Request) -> Vec<(String, String)> {
    form_urlencoded::parse(req.query().as_bytes())
        .into_owned()
        .collect()
}

/// Query parameters checked against the names an endpoint knows; an unknown one is a 400
/// naming it (a typo must not silently widen a filter).
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(req: &Request, known: &[&str]) -> Answer<Query> {
        let q = query(req);
        if let Some((k, _)) = q.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(problem(
                400,
                "invalid-query",
                "Invalid query",
                format!("unknown query parameter {k:?}; known: {}", known.join(", ")),
            ));
        }
        Ok(Query(q))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn bad(name: &str, why: String) -> Response {
        bad_query(name, why)
    }

    pub fn date(&self, name: &str) -> Answer<Option<NaiveDate>> {
        self.get(name)
            .map(|v| parse_date(v).map_err(|e| Self::bad(name, e)))
            .transpose()
    }

    pub fn bool(&self, name: &str) -> Answer<Option<bool>> {
        self.get(name)
            .map(|v| match v {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(Self::bad(name, format!("{v:?} must be true or false"))),
            })
            .transpose()
    }

    pub fn int(&self, name: &str) -> Answer<Option<i64>> {
        self.get(name)
            .map(|v| {
                v.parse::<i64>()
                    .map_err(|_| Self::bad(name, format!("{v:?} is not an integer")))
            })
            .transpose()
    }

    /// `limit`, between 1 and `max`, `default` when absent.
    pub fn limit(&self, default: usize, max: usize) -> Answer<usize> {
        match self.int("limit")? {
            None => Ok(default),
            Some(n) if n >= 1 && n as usize <= max => Ok(n as usize),
            Some(n) => Err(Self::bad(
                "limit",
                format!("{n} must be between 1 and {max}"),
            )),
        }
    }
}

/// 400 for a query parameter: `name: why`.
pub fn bad_query(name: &str, why: String) -> Response {
    problem(
        400,
        "invalid-query",
        "Invalid query",
        format!("{name}: {why}"),
    )
}

/// Reads a JSON object body with `read` (an empty body is `{}`), refusing fields `read` did
/// not ask about; 422 lists every bad field.
pub fn parse_object_with<T>(
    req: &Request,
    read: impl FnOnce(&mut settle_domain::input::Object) -> Option<T>,
) -> Answer<T> {
    let body = json_body(req)?;
    let body: &[u8] = if body.is_empty() { b"{}" } else { body };
    let map = settle_domain::input::parse_object(body).map_err(|e| invalid(&e))?;
    let mut errors = Invalid::default();
    let mut o = settle_domain::input::Object::new(&map, "", &mut errors);
    let t = read(&mut o);
    o.finish(&[]);
    match t {
        Some(t) if errors.is_empty() => Ok(t),
        _ => Err(invalid(&errors)),
    }
}

/// The body, refused with 413 above `max` bytes.
pub fn body(req: &Request, max: usize) -> Answer<&[u8]> {
    let declared = req
        .header("content-length")
        .and_then(|h| h.as_str())
        .and_then(|s| s.parse::<usize>().ok());
    let len = declared.unwrap_or(0).max(req.body().len());
    if len > max {
        return Err(problem(
            413,
            "body-too-large",
            "Request body too large",
            format!("the body is {len} bytes; the limit is {max} bytes"),
        ));
    }
    Ok(req.body())
}

/// The request's content type, without parameters, lowercased.
pub fn content_type(req: &Request) -> String {
    req.header("content-type")
        .and_then(|h| h.as_str())
        .map(|s| {
            s.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

/// A Spin variable, `None` when undefined or empty.
pub fn variable(name: &str) -> Option<String> {
    spin_sdk::variables::get(name)
        .ok()
        .filter(|v| !v.is_empty())
}

/// Who is calling, and may they? `Authorization: Bearer <token>` (the `admin_token` variable
/// or a stored token), or, where `accept_signature`, an `X-Settle-Signature` made with the
/// `erp_webhook_secret` variable (role `erp`). 401 when unknown, 403 when the role may not.
pub fn authenticate(
    req: &Request,
    db: &impl Db,
    allowed: &[Role],
    accept_signature: bool,
) -> Answer<Principal> {
    let principal = match req.header("authorization").and_then(|h| h.as_str()) {
        Some(value) => {
            let Some(token) = value
                .strip_prefix("Bearer ")
                .map(str::trim)
                .filter(|t| !t.is_empty())
            else {
                return Err(problem(
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "use Authorization: Bearer <token>",
                ));
            };
            if variable("admin_token").is_some_and(|admin| auth::secret_eq(&admin, token)) {
                Principal {
                    actor: "admin-bootstrap".into(),
                    role: Role::Admin,
                }
            } else {
                match access::principal_for_token(db, &auth::hash_token(token))
                    .map_err(store_error)?
                {
                    Some(p) => p,
                    None => {
                        return Err(problem(
                            401,
                            "unauthorized",
                            "Unauthorized",
                            "unknown or revoked token",
                        ));
                    }
                }
            }
        }
        None => match req.header("x-settle-signature").and_then(|h| h.as_str()) {
            Some(sig) if accept_signature => {
                let Some(secret) = variable("erp_webhook_secret") else {
                    return Err(problem(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "webhook signatures are not configured (erp_webhook_secret)",
                    ));
                };
                auth::verify_webhook(secret.as_bytes(), sig, req.body(), Utc::now().timestamp())
                    .map_err(|e| problem(401, "unauthorized", "Unauthorized", e.to_string()))?;
                Principal {
                    actor: "erp-webhook".into(),
                    role: Role::Erp,
                }
            }
            _ => {
                return Err(problem(
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "missing Authorization: Bearer <token>",
                ));
            }
        },
    };
    if !principal.role.may(allowed) {
        let roles: Vec<&str> = allowed.iter().map(Role::as_str).collect();
        return Err(problem(
            403,
            "forbidden",
            "Forbidden",
            format!(
                "role {} may not do this; allowed: {} (or admin)",
                principal.role.as_str(),
                roles.join(", ")
            ),
        ));
    }
    Ok(principal)
}

/// 32 random bytes from the host (WASI random).
pub fn random_bytes() -> [u8; 32] {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).expect("the host provides randomness");
    b
}

/// Runs a write once per `Idempotency-Key`: a retry with the same key and body gets the first
/// answer without writing again; the same key with another body is 409. `write` runs inside
/// the caller's transaction; only successful (2xx) answers are remembered.
pub fn idempotent(
    req: &Request,
    db: &impl Db,
    principal: &Principal,
    write: impl FnOnce() -> Answer<(u16, serde_json::Value)>,
) -> Answer<Response> {
    let Some(key) = req
        .header("idempotency-key")
        .and_then(|h| h.as_str())
        .map(str::to_string)
    else {
        let (status, body) = write()?;
        return Ok(json(status, &body));
    };
    if key.is_empty() || key.len() > 200 {
        return Err(problem(
            400,
            "invalid-header",
            "Invalid header",
            "Idempotency-Key must be 1 to 200 characters",
        ));
    }
    let scope = format!("{} {} {}", req.method(), req.path(), principal.actor);
    let mut fingerprint = req.query().as_bytes().to_vec();
    fingerprint.push(0);
    fingerprint.extend_from_slice(req.body());
    let hash = auth::sha256_hex(&fingerprint);
    if let Some(stored) = access::idempotent_response(db, &scope, &key).map_err(store_error)? {
        if stored.request_hash != hash {
            return Err(problem(
                409,
                "idempotency-conflict",
                "Conflict",
                "this Idempotency-Key was used with a different request",
            ));
        }
        let mut r = Response::builder()
            .status(stored.status)
            .header("content-type", "application/json")
            .body(stored.body)
            .build();
        r.set_header("idempotent-replayed", "true");
        return Ok(r);
    }
    let (status, body) = write()?;
    let stored = StoredResponse {
        request_hash: hash,
        status,
        body: body.to_string(),
    };
    access::save_idempotent_response(db, &scope, &key, &stored, &now()).map_err(store_error)?;
    Ok(json(status, &body))
}

/// Runs `f` in one transaction: an `Err` answer rolls everything back.
pub fn in_transaction<T>(db: &SpinDb, f: impl FnOnce(&SpinDb) -> Answer<T>) -> Answer<T> {
    db.query("BEGIN IMMEDIATE", &[]).map_err(store_error)?;
    match f(db) {
        Ok(v) => match db.query("COMMIT", &[]) {
            Ok(_) => Ok(v),
            Err(e) => {
                let _ = db.query("ROLLBACK", &[]);
                Err(store_error(e))
            }
        },
        Err(r) => {
            let _ = db.query("ROLLBACK", &[]);
            Err(r)
        }
    }
}

/// Runs `f` in a transaction that is always rolled back: a dry run computes every effect of
/// a write (ids, moves, checks) and keeps none.
pub fn rolled_back<T>(db: &SpinDb, f: impl FnOnce(&SpinDb) -> Answer<T>) -> Answer<T> {
    db.query("BEGIN IMMEDIATE", &[]).map_err(store_error)?;
    let result = f(db);
    let _ = db.query("ROLLBACK", &[]);
    result
}

/// A JSON body (up to [`MAX_BODY`]), refused with 415 when not sent as JSON.
pub fn json_body(req: &Request) -> Answer<&[u8]> {
    let ct = content_type(req);
    if ct != "application/json" {
        return Err(problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            format!("send application/json, not {ct:?}"),
        ));
    }
    body(req, MAX_BODY)
}

/// Answers `f`'s `Err` as the response.
pub fn respond(result: Answer<Response>) -> Response {
    result.unwrap_or_else(|r| r)
}

pub fn is(req: &Request, m: Method) -> bool {
    *req.method() == m
}
