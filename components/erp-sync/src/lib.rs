//! `/api/v1/erp/...`: ERPs push customers, open items and payments.
//!
//! A body is JSON (`application/json`) or an uploaded export (`text/csv`,
//! `application/octet-stream`): in Settle's own columns, or read through an import profile
//! (`?profile=sap-fbl5n`), in any separator, encoding, decimal mark and date format
//! (`settle_domain::import`). Each batch is one transaction: every bad row is reported (JSON
//! pointer, or line and the file's column) and nothing is written; a good batch answers what
//! it created, updated and closed, and a file is recorded in the import history.
//! `?dry_run=true` answers what the batch would do and writes nothing. An `Idempotency-Key`
//! makes a retry return the first answer without writing twice.

use settle_domain::auth::Role;
use settle_domain::validation::Invalid;
use settle_store::Db;
use settle_web::after_commit::Later;
use settle_web::settle_usecases::erp::{self as erp_sync, FileOptions};
use settle_web::{
    Answer, MAX_BATCH_BODY, Query, authenticate, body, content_type, idempotent,
    method_not_allowed, not_found, open_db, problem, respond, segments, usecase,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
async fn handle(req: Request) -> Response {
    let later = Later::default();
    let answer = route(&req, &later);
    // The events of what the batch did (a disputed item paid off), once committed.
    settle_web::after_commit::run_steps(&later.take()).await;
    respond(answer)
}

/// What a file upload may say about the file, beside `mode`, `entity` and `dry_run`.
const FILE_PARAMS: [&str; 7] = [
    "profile",
    "delimiter",
    "decimal",
    "date_format",
    "encoding",
    "skip_rows",
    "file_name",
];

fn route(req: &Request, later: &Later) -> Answer<Response> {
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
    let known: Vec<&str> = ["mode", "entity", "dry_run"]
        .into_iter()
        .chain(FILE_PARAMS)
        .collect();
    let q = Query::parse(req, &known)?;
    let dry_run = q.bool("dry_run")?.unwrap_or(false);
    let ct = content_type(req);
    let file = matches!(ct.as_str(), "text/csv" | "application/octet-stream");
    if !(file || ct == "application/json") {
        return Err(problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            format!(
                "send application/json, or an export as text/csv or application/octet-stream, not {ct:?}"
            ),
        ));
    }
    if !file
        && let Some(p) = FILE_PARAMS
            .iter()
            .chain(&["mode", "entity"])
            .find(|p| q.get(p).is_some())
    {
        // Well formed, but not for this body: refused as input (422), naming the parameter.
        return Err(settle_web::invalid(&Invalid::one(
            *p,
            Some(p),
            format!(
                "{p} is for uploaded files (text/csv or application/octet-stream); a JSON batch says it in its body"
            ),
        )));
    }
    if resource != "items" && (q.get("mode").is_some() || q.get("entity").is_some()) {
        return Err(bad(
            if q.get("mode").is_some() {
                "mode"
            } else {
                "entity"
            },
            "is for open items only",
        ));
    }
    settle_web::check_idempotency_key(req)?;
    let raw = body(req, MAX_BATCH_BODY)?;
    let db = open_db()?;
    let principal = authenticate(req, &db, &[Role::Erp], true)?;
    let who = usecase::who(&principal);
    if file {
        let options = file_options(&q)?;
        if dry_run {
            let answer = erp_sync::dry_run_file(&db, resource, raw, &options, &who)?;
            return Ok(settle_web::json(200, &answer));
        }
        // Read and checked before taking the write lock.
        let batch = erp_sync::parse_file(&db, resource, raw, &options)?;
        return db.transaction(|db| {
            idempotent(req, db, &principal, || {
                let done = erp_sync::apply_file(db, &batch, &who)?;
                later.add(done.after);
                let synced = done.value;
                Ok((200, serde_json::to_value(synced).unwrap_or_default()))
            })
        });
    }
    if dry_run {
        let answer = erp_sync::dry_run_json(&db, resource, raw, &who)?;
        return Ok(settle_web::json(200, &answer));
    }
    let parsed = erp_sync::parse_json(resource, raw)?;
    db.transaction(|db| {
        idempotent(req, db, &principal, || {
            let done = erp_sync::apply(db, &parsed, &who)?;
            later.add(done.after);
            let synced = done.value;
            Ok((200, serde_json::to_value(synced).unwrap_or_default()))
        })
    })
}

fn bad(name: &str, why: &str) -> settle_web::Problem {
    problem(
        400,
        "invalid-query",
        "Invalid query",
        format!("{name}: {why}"),
    )
}

fn file_options(q: &Query) -> Answer<FileOptions> {
    FileOptions::read(&|name| q.get(name).map(str::to_string)).map_err(|inv| {
        let e = &inv.0[0];
        problem(400, "invalid-query", "Invalid query", e.message.clone())
    })
}
