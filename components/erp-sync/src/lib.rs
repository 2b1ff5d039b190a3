//! `/api/v1/erp/...`: ERPs push customers, open items and payments.
//!
//! Each batch is one transaction: every bad row is reported (JSON pointer or CSV line) and
//! nothing is written; a good batch answers what it created, updated and closed. An
//! `Idempotency-Key` makes a retry return the first answer without writing twice.

use settle_domain::auth::Role;
use settle_store::Db;
use settle_web::settle_usecases::erp::{self as erp_sync, Batch};
use settle_web::{
    Answer, MAX_BATCH_BODY, authenticate, body, content_type, idempotent, method_not_allowed,
    not_found, open_db, problem, query, respond, segments, usecase,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
fn handle(req: Request) -> Response {
    respond(route(&req))
}

fn route(req: &Request) -> Answer<Response> {
    let Some(path) = segments(req.path(), "/api/v1/erp") else {
        return Err(not_found("no such route"));
    };
    let resource = match path.as_slice() {
        [r @ ("customers" | "items" | "payments")] => *r,
        _ => {
            return Err(not_found(
                "no such route; ERP endpoints are customers, items and payments",
            ));
        }
    };
    if *req.method() != Method::Post {
        return Err(method_not_allowed("POST"));
    }
    let raw = body(req, MAX_BATCH_BODY)?;
    let db = open_db()?;
    let principal = authenticate(req, &db, &[Role::Erp], true)?;
    // Parse and validate before taking the write lock.
    let parsed = parse(req, resource, raw)?;
    let who = usecase::who(&principal);
    db.transaction(|db| {
        idempotent(req, db, &principal, || {
            let synced = erp_sync::apply(db, &parsed, &who)?.value;
            Ok((200, serde_json::to_value(synced).unwrap_or_default()))
        })
    })
}

fn parse(req: &Request, resource: &str, raw: &[u8]) -> Answer<Batch> {
    let ct = content_type(req);
    let is_csv = ct == "text/csv";
    if !(ct == "application/json" || (is_csv && resource == "items")) {
        let accepted = if resource == "items" {
            "application/json or text/csv"
        } else {
            "application/json"
        };
        return Err(problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            format!("send {accepted}, not {ct:?}"),
        ));
    }
    let q = query(req);
    let param = |name: &str| q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    Ok(erp_sync::parse(
        resource,
        raw,
        is_csv,
        param("mode"),
        param("entity"),
    )?)
}
