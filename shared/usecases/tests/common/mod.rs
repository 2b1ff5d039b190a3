//! A ledger for the use cases' native tests: C1 (Acme, collector an email address) with
//! I1 and I2, C2 (Beta) with J1; resolver 1 (Rita) and 2 (Sam), both active.

#![allow(dead_code)]

use serde_json::{Map, Value, json};
use settle_domain::erp::{parse_customers, parse_items_json};
use settle_store::{Db, NativeDb, ledger, migrations};
use settle_usecases::Who;

pub const NOW: &str = "2026-12-02T10:00:00.000Z";

pub fn who(actor: &str) -> Who {
    Who {
        actor: actor.into(),
        at: NOW.into(),
        today: "2026-12-02".parse().unwrap(),
    }
}

pub fn alice() -> Who {
    who("user:1:alice@corp.example")
}

pub fn obj(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

pub fn count(db: &NativeDb, sql: &str) -> i64 {
    db.query(sql, &[]).unwrap().single_int().unwrap()
}

pub fn db() -> NativeDb {
    let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
    migrations::migrate(&db, NOW).unwrap();
    let c = parse_customers(
        br#"{"customers":[{"id":"C1","name":"Acme","entity":"FR01","currency":"EUR","collector":"carl@corp.example"},
                          {"id":"C2","name":"Beta","entity":"DE01","currency":"EUR"}]}"#,
    )
    .unwrap();
    ledger::upsert_customers(&db, &c, NOW).unwrap();
    let items = json!({"mode": "delta", "items": [
        {"id": "I1", "customer_id": "C1", "kind": "invoice", "number": "N-I1", "issue_date": "2026-10-01",
         "due_date": "2026-11-01", "amount": "100.00", "open_amount": "100.00", "currency": "EUR"},
        {"id": "I2", "customer_id": "C1", "kind": "invoice", "number": "N-I2", "issue_date": "2026-10-01",
         "due_date": "2026-11-01", "amount": "50.00", "open_amount": "50.00", "currency": "EUR"},
        {"id": "J1", "customer_id": "C2", "kind": "invoice", "number": "N-J1", "issue_date": "2026-10-01",
         "due_date": "2026-11-01", "amount": "10.00", "open_amount": "10.00", "currency": "EUR"}]});
    let batch = parse_items_json(items.to_string().as_bytes()).unwrap();
    ledger::sync_items(&db, &batch, "erp", NOW, who("erp").today).unwrap();
    for (name, email) in [("Rita", "rita@corp.example"), ("Sam", "sam@corp.example")] {
        settle_usecases::config::save_resolver(
            &db,
            &obj(json!({"name": name, "email": email, "role": "Sales", "language": "en"})),
            &who("token:1:admin"),
            None,
        )
        .unwrap();
    }
    db
}

/// The status change of the API's `body`, by `who`, in one transaction.
pub fn change_status(
    db: &NativeDb,
    body: &Value,
    who: &Who,
) -> Result<settle_usecases::status_change::Changed, settle_usecases::Refusal> {
    let input =
        settle_domain::status_change::parse_status_change(body.to_string().as_bytes()).unwrap();
    let c = settle_usecases::status_change::ChangeStatus {
        input: &input,
        customer_id: None,
    };
    db.transaction(|db| settle_usecases::status_change::apply(db, &c, who))
}

/// Disputes `ids` with resolver `resolver`, with the suggested follow-up action; answers
/// the status change's id and its action's.
pub fn dispute(db: &NativeDb, ids: &[&str], resolver: i64) -> (i64, i64) {
    let body = json!({"item_ids": ids, "status": "price_dispute", "comment": "Wrong price",
                      "resolver_id": resolver, "next_action": "suggested"});
    let changed = change_status(db, &body, &alice()).unwrap();
    (
        changed.applied.status_change_id,
        changed.applied.action_id.unwrap(),
    )
}

/// Figures in their machine form (the pages' formatter is tested with the pages).
pub struct Plain;

impl settle_usecases::emails::Formats for Plain {
    fn format(&self, _language: &str) -> Box<dyn settle_domain::templates::EmailFormat> {
        Box::new(settle_domain::templates::PlainFormat)
    }
}

pub fn notice() -> settle_usecases::answers::Notice<'static> {
    settle_usecases::answers::Notice {
        fallback: None,
        formats: &Plain,
    }
}
