//! RFC 9457 problem responses: every refusal a component answers is a [`Problem`].
//!
//! `Problem` wraps the response so that store errors convert into it (`?` on a
//! `settle_store::Result` inside a handler answers 500 and logs the detail) and
//! `Db::transaction` can roll back on any refusal.

use settle_domain::validation::Invalid;
use settle_store::StoreError;
use spin_sdk::http::Response;

/// A refusal, ready to send.
pub struct Problem(pub Response);

impl std::fmt::Debug for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Problem({} {})",
            self.0.status(),
            String::from_utf8_lossy(self.0.body())
        )
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        store_error(e)
    }
}

impl From<Problem> for Response {
    fn from(p: Problem) -> Response {
        p.0
    }
}

impl Problem {
    pub fn status(&self) -> u16 {
        *self.0.status()
    }

    /// The problem document, for tests and logs.
    pub fn body(&self) -> serde_json::Value {
        serde_json::from_slice(self.0.body()).unwrap_or_default()
    }
}

/// A handler's result: the response, or the problem that refused the request.
pub type Answer<T> = Result<T, Problem>;

/// Answers either side, with the headers every API answer carries: `nosniff`, and
/// `Cache-Control: no-store` unless the answer chose otherwise (API answers carry personal
/// data, tokens or links, which no cache may keep).
pub fn respond(result: Answer<Response>) -> Response {
    let mut r = result.unwrap_or_else(Response::from);
    r.set_header("x-content-type-options", "nosniff");
    if r.header("cache-control").is_none() {
        r.set_header("cache-control", "no-store");
    }
    r
}

/// A problem document with `type` `/problems/{slug}`.
pub fn problem(status: u16, slug: &str, title: &str, detail: impl Into<String>) -> Problem {
    problem_with(status, slug, title, detail, serde_json::Value::Null)
}

pub(crate) fn problem_with(
    status: u16,
    slug: &str,
    title: &str,
    detail: impl Into<String>,
    errors: serde_json::Value,
) -> Problem {
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
    Problem(b.body(body.to_string()).build())
}

/// 422 (or 400 for a body that is not JSON/CSV at all) listing every bad field.
pub fn invalid(inv: &Invalid) -> Problem {
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

/// 422 for one field: `pointer` is a JSON pointer (`/resolver_id`), the field its last part.
pub fn unprocessable(pointer: &str, message: impl Into<String>) -> Problem {
    let field = pointer.rsplit('/').next().unwrap_or_default();
    invalid(&Invalid::one(pointer, Some(field), message.into()))
}

/// 409 listing the fields that conflict with what is stored, each with its pointer.
pub fn conflict_fields(slug: &str, inv: &Invalid) -> Problem {
    problem_with(
        409,
        slug,
        "Conflict",
        inv.to_string(),
        serde_json::to_value(&inv.0).unwrap_or_default(),
    )
}

pub fn not_found(what: &str) -> Problem {
    problem(404, "not-found", "Not found", what)
}

pub fn conflict(slug: &str, detail: impl Into<String>) -> Problem {
    problem(409, slug, "Conflict", detail)
}

pub fn method_not_allowed(allow: &str) -> Problem {
    let mut p = problem(
        405,
        "method-not-allowed",
        "Method not allowed",
        format!("allowed: {allow}"),
    );
    p.0.set_header("allow", allow);
    p
}

/// 500 for a database failure: the detail goes to the log, not to the client. A database
/// still locked by other writers when its busy timeout ran out is a 503 with `Retry-After`:
/// nothing was changed and the same request may simply be sent again.
/// A 503 `busy` (the database stayed locked): the transaction that answered it may run
/// again (`settle_store::Db::transaction` retries it).
impl settle_store::Busy for Problem {
    fn is_busy(&self) -> bool {
        self.status() == 503
    }
}

pub fn store_error(e: StoreError) -> Problem {
    if e.is_busy() {
        // Not logged: a locked database is expected under load, and every attempt of a
        // retried transaction passes here (the 503, when it comes, is in the access log).
        let mut p = problem(
            503,
            "busy",
            "Service busy",
            "the database is busy with other writes; nothing was changed: retry shortly",
        );
        p.0.set_header("retry-after", "1");
        return p;
    }
    eprintln!("settle: {e}");
    problem(
        500,
        "internal",
        "Internal error",
        "the database failed; nothing was changed",
    )
}

/// A JSON answer.
pub fn json<T: serde::Serialize>(status: u16, value: &T) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(value).unwrap_or_default())
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(p: &Problem, name: &str) -> Option<String> {
        p.0.header(name)
            .and_then(|h| h.as_str())
            .map(str::to_string)
    }

    #[test]
    fn a_problem_is_a_problem_document() {
        let p = problem(409, "action-done", "Conflict", "action 3 is terminated");
        assert_eq!(p.status(), 409);
        assert_eq!(
            header(&p, "content-type").as_deref(),
            Some("application/problem+json")
        );
        let b = p.body();
        assert_eq!(b["type"], "/problems/action-done");
        assert_eq!(b["status"], 409);
        assert_eq!(b["detail"], "action 3 is terminated");
        assert!(b.get("errors").is_none());
    }

    #[test]
    fn unauthorized_asks_for_a_bearer_token() {
        let p = problem(401, "unauthorized", "Unauthorized", "missing token");
        assert_eq!(
            header(&p, "www-authenticate").as_deref(),
            Some("Bearer realm=\"settle\"")
        );
        assert_eq!(header(&not_found("x"), "www-authenticate"), None);
    }

    #[test]
    fn invalid_input_names_each_field_and_malformed_bodies_are_400() {
        let mut inv = Invalid::default();
        inv.push("/item_ids/1", Some("item_ids"), "no item with id \"X\"");
        inv.push("/date", Some("date"), "not a date");
        let p = invalid(&inv);
        assert_eq!(p.status(), 422);
        let b = p.body();
        assert_eq!(b["errors"][0]["pointer"], "/item_ids/1");
        assert_eq!(b["errors"][1]["field"], "date");
        let p = invalid(&Invalid::one("", None, "expected a JSON object"));
        assert_eq!(p.status(), 400);
        assert_eq!(p.body()["type"], "/problems/malformed-body");
    }

    #[test]
    fn unprocessable_takes_its_field_from_the_pointer() {
        let b = unprocessable("/resolver_id", "no resolver 9").body();
        assert_eq!(b["errors"][0]["pointer"], "/resolver_id");
        assert_eq!(b["errors"][0]["field"], "resolver_id");
        assert_eq!(b["status"], 422);
    }

    #[test]
    fn store_errors_become_500_without_their_detail() {
        let p: Problem = StoreError("disk I/O error at /secret/path".into()).into();
        assert_eq!(p.status(), 500);
        assert!(!p.body().to_string().contains("/secret/path"));
    }

    #[test]
    fn conflicts_name_their_fields() {
        let p = conflict_fields(
            "erp-conflict",
            &Invalid::one("/items/0/currency", Some("currency"), "paid in EUR"),
        );
        assert_eq!(p.status(), 409);
        assert_eq!(p.body()["errors"][0]["pointer"], "/items/0/currency");
        assert_eq!(p.body()["type"], "/problems/erp-conflict");
    }

    #[test]
    fn a_locked_database_is_503_with_retry_after() {
        let p: Problem = StoreError("database is locked".into()).into();
        assert_eq!(p.status(), 503);
        assert_eq!(header(&p, "retry-after").as_deref(), Some("1"));
        let p: Problem = StoreError("database table is locked: items".into()).into();
        assert_eq!(p.status(), 503);
    }

    #[test]
    fn every_answer_is_nosniff_and_not_cached_unless_it_says_so() {
        let r = respond(Ok(json(200, &serde_json::json!({}))));
        assert_eq!(
            r.header("x-content-type-options").and_then(|h| h.as_str()),
            Some("nosniff")
        );
        assert_eq!(
            r.header("cache-control").and_then(|h| h.as_str()),
            Some("no-store")
        );
        let r = respond(Err(not_found("x")));
        assert_eq!(
            r.header("cache-control").and_then(|h| h.as_str()),
            Some("no-store")
        );
        let mut cached = json(200, &serde_json::json!({}));
        cached.set_header("cache-control", "max-age=60");
        let r = respond(Ok(cached));
        assert_eq!(
            r.header("cache-control").and_then(|h| h.as_str()),
            Some("max-age=60")
        );
    }

    #[test]
    fn method_not_allowed_lists_the_methods() {
        let p = method_not_allowed("GET, POST");
        assert_eq!(p.status(), 405);
        assert_eq!(header(&p, "allow").as_deref(), Some("GET, POST"));
    }
}
