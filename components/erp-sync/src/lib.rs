//! `/api/v1/erp/...`: ERPs push customers, open items and payments.
//!
//! Each batch is one transaction: every bad row is reported (JSON pointer or CSV line) and
//! nothing is written; a good batch answers what it created, updated and closed. An
//! `Idempotency-Key` makes a retry return the first answer without writing twice.

use serde_json::json;
use settle_domain::auth::Role;
use settle_domain::erp;
use settle_store::Db;
use settle_store::ledger::{self, WriteError};
use settle_store::{SpinDb, actions};
use settle_web::{
    Answer, MAX_BATCH_BODY, Problem, authenticate, body, conflict_fields, content_type, idempotent,
    invalid, method_not_allowed, not_found, now, open_db, problem, query, respond, segments,
    store_error, today,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
fn handle(req: Request) -> Response {
    respond(route(&req))
}

fn write_error(e: WriteError) -> Problem {
    match e {
        WriteError::Invalid(inv) => invalid(&inv),
        WriteError::Conflict(inv) => conflict_fields("erp-conflict", &inv),
        WriteError::Store(e) => store_error(e),
    }
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
    db.transaction(|db| {
        idempotent(req, db, &principal, || {
            let counts = apply(db, &parsed, &principal.actor).map_err(write_error)?;
            Ok((200, counts))
        })
    })
}

enum Batch {
    Customers(Vec<erp::CustomerIn>),
    Items(erp::ItemBatch),
    Payments(Vec<erp::PaymentIn>),
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
    Ok(match resource {
        "customers" => Batch::Customers(erp::parse_customers(raw).map_err(|e| invalid(&e))?),
        "payments" => Batch::Payments(erp::parse_payments(raw).map_err(|e| invalid(&e))?),
        _ if is_csv => Batch::Items(
            erp::parse_items_csv(raw, param("mode"), param("entity")).map_err(|e| invalid(&e))?,
        ),
        _ => Batch::Items(erp::parse_items_json(raw).map_err(|e| invalid(&e))?),
    })
}

fn apply(db: &SpinDb, batch: &Batch, actor: &str) -> Result<serde_json::Value, WriteError> {
    let now = now();
    Ok(match batch {
        Batch::Customers(c) => json!({"customers": ledger::upsert_customers(db, c, &now)?}),
        Batch::Items(b) => json!({
            "mode": match b.mode { erp::SyncMode::Delta => "delta", erp::SyncMode::Stock => "stock" },
            "entity": b.entity,
            "items": ledger::sync_items(db, b, actor, &now, today())?,
        }),
        Batch::Payments(p) => {
            let counts = ledger::apply_payments(db, p, actor, &now)?;
            // Closed items leave the actions holding them (and resolve their disputes).
            actions::items_paid(db, &counts.closed_items, actor, &now)?;
            json!({"payments": counts})
        }
    })
}
