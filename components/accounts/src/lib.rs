//! Statement of account: `GET /api/v1/customers/{id}` (balances per currency),
//! `GET /api/v1/customers/{id}/statement` and `GET /api/v1/items` (open items with filters and
//! a cursor), `GET /api/v1/items/{id}/history` (every change, oldest first).

use serde_json::json;
use settle_domain::auth::Role;
use settle_domain::dates::format_date;
use settle_domain::ledger::{ItemKind, balance_views, balances};
use settle_store::ledger::{self, ItemFilter};
use settle_store::{SpinDb, config};
use settle_web::{
    Answer, Cursor, Query, authenticate, bad_query, json, method_not_allowed, not_found, open_db,
    respond, segments, today,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

const READERS: &[Role] = &[Role::Collector, Role::Erp];
const ITEM_FILTERS: &[&str] = &[
    "status",
    "kind",
    "overdue",
    "disputed",
    "resolver_id",
    "as_of",
    "cursor",
    "limit",
];

#[http_component]
fn handle(req: Request) -> Response {
    respond(route(&req))
}

fn route(req: &Request) -> Answer<Response> {
    if *req.method() != Method::Get && *req.method() != Method::Head {
        return Err(method_not_allowed("GET"));
    }
    let db = open_db()?;
    authenticate(req, &db, READERS, false)?;
    if let Some(path) = segments(req.path(), "/api/v1/customers") {
        return match path.as_slice() {
            [id] => customer(req, &db, id),
            [id, "statement"] => statement(req, &db, id),
            _ => Err(not_found("no such route")),
        };
    }
    if let Some(path) = segments(req.path(), "/api/v1/items") {
        return match path.as_slice() {
            [] => items(req, &db),
            [id, "history"] => history(&db, id),
            _ => Err(not_found("no such route")),
        };
    }
    Err(not_found("no such route"))
}

fn find_customer(db: &SpinDb, id: &str) -> Answer<ledger::Customer> {
    ledger::customer(db, id)?.ok_or_else(|| not_found(&format!("no customer with id {id:?}")))
}

fn customer(req: &Request, db: &SpinDb, id: &str) -> Answer<Response> {
    let q = Query::parse(req, &["as_of"])?;
    let as_of = q.date("as_of")?.unwrap_or_else(today);
    let c = find_customer(db, id)?;
    let open = ledger::open_items_for_balances(db, c.key)?;
    let mut v = serde_json::to_value(&c).unwrap_or_default();
    v["as_of"] = json!(format_date(as_of));
    v["balances"] = json!(balance_views(&balances(&open, as_of)));
    v["promises"] = json!(settle_store::actions::promise_counts(db, c.key)?);
    Ok(json(200, &v))
}

fn filter_from(q: &Query, db: &SpinDb) -> Answer<(ItemFilter, chrono::NaiveDate)> {
    let bad = bad_query;
    let mut f = ItemFilter {
        limit: q.limit(100, 1000)?,
        ..Default::default()
    };
    if let Some(s) = q.get("status") {
        if !config::status_exists(db, s)? {
            return Err(not_found(&format!("status: no status {s:?}")));
        }
        f.status = Some(s.to_string());
    }
    if let Some(k) = q.get("kind") {
        f.kind = Some(ItemKind::parse(k).ok_or_else(|| {
            bad(
                "kind",
                format!("{k:?} is not one of invoice, credit_note, payment_on_account, other"),
            )
        })?);
    }
    f.overdue = q.bool("overdue")?;
    f.disputed = q.bool("disputed")?;
    f.resolver_id = q.int("resolver_id")?;
    f.after = q.cursor()?.map(|c| (c.date, c.id));
    let as_of = q.date("as_of")?.unwrap_or_else(today);
    Ok((f, as_of))
}

fn page(
    db: &SpinDb,
    filter: &ItemFilter,
    as_of: chrono::NaiveDate,
    mut extra: serde_json::Value,
) -> Answer<Response> {
    let items = ledger::list_items(db, filter, as_of)?;
    let next = Cursor::next(&items, filter.limit, |i| (i.due_date.as_str(), i.key));
    extra["as_of"] = json!(format_date(as_of));
    extra["items"] = json!(items);
    extra["next_cursor"] = json!(next);
    Ok(json(200, &extra))
}

fn statement(req: &Request, db: &SpinDb, id: &str) -> Answer<Response> {
    let q = Query::parse(req, ITEM_FILTERS)?;
    let c = find_customer(db, id)?;
    let (mut f, as_of) = filter_from(&q, db)?;
    f.customer_key = Some(c.key);
    page(db, &f, as_of, json!({"customer_id": c.id}))
}

fn items(req: &Request, db: &SpinDb) -> Answer<Response> {
    let mut known = ITEM_FILTERS.to_vec();
    known.extend(["customer_id", "entity"]);
    let q = Query::parse(req, &known)?;
    let (mut f, as_of) = filter_from(&q, db)?;
    if let Some(c) = q.get("customer_id") {
        f.customer_key = Some(find_customer(db, c)?.key);
    }
    f.entity = q.get("entity").map(str::to_string);
    page(db, &f, as_of, json!({}))
}

fn history(db: &SpinDb, id: &str) -> Answer<Response> {
    match ledger::item_history(db, id)? {
        Some(h) => Ok(json(200, &json!({"item_id": id, "history": h}))),
        None => Err(not_found(&format!("no item with id {id:?}"))),
    }
}
