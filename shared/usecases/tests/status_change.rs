//! The status change use case against rusqlite: the one implementation the API, the
//! console and the customer's page call.

use serde_json::json;
use settle_domain::erp::{parse_customers, parse_items_json};
use settle_domain::status_change::parse_status_change;
use settle_store::{Db, NativeDb, ledger, migrations};
use settle_usecases::status_change::{ChangeStatus, apply, plan};
use settle_usecases::{Refusal, Who};

const NOW: &str = "2025-03-01T10:00:00.000Z";

fn who() -> Who {
    Who {
        actor: "user:1:alice@corp.example".into(),
        at: NOW.into(),
        today: "2025-03-01".parse().unwrap(),
    }
}

/// C1 has I1, C2 has J1.
fn db() -> NativeDb {
    let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
    migrations::migrate(&db, NOW).unwrap();
    let c = parse_customers(
        br#"{"customers":[{"id":"C1","name":"Acme","entity":"FR01","currency":"EUR"},
                          {"id":"C2","name":"Beta","entity":"DE01","currency":"EUR"}]}"#,
    )
    .unwrap();
    ledger::upsert_customers(&db, &c, NOW).unwrap();
    let items = json!({"mode": "delta", "items": [
        {"id": "I1", "customer_id": "C1", "kind": "invoice", "number": "N-I1", "issue_date": "2025-01-01",
         "due_date": "2025-02-01", "amount": "100.00", "open_amount": "100.00", "currency": "EUR"},
        {"id": "J1", "customer_id": "C2", "kind": "invoice", "number": "N-J1", "issue_date": "2025-01-01",
         "due_date": "2025-02-01", "amount": "10.00", "open_amount": "10.00", "currency": "EUR"}]});
    let batch = parse_items_json(items.to_string().as_bytes()).unwrap();
    ledger::sync_items(&db, &batch, "erp", NOW, who().today).unwrap();
    db
}

fn count(db: &NativeDb, sql: &str) -> i64 {
    db.query(sql, &[]).unwrap().single_int().unwrap()
}

#[test]
fn a_change_is_planned_without_writing_then_applied_with_its_action() {
    let db = db();
    let input = parse_status_change(
        br#"{"item_ids":["I1"],"status":"price_dispute","comment":"Wrong price","next_action":"suggested"}"#,
    )
    .unwrap();
    let c = ChangeStatus {
        input: &input,
        customer_id: Some("C1"),
    };
    let p = plan(&db, &c, &who()).unwrap();
    assert_eq!(p.customer_id, "C1");
    assert!(p.suggestion.is_some());
    assert_eq!(count(&db, "SELECT count(*) FROM status_changes"), 0);
    let changed = db.transaction(|db| apply(db, &c, &who())).unwrap();
    assert!(changed.applied.action_id.is_some());
    assert_eq!(count(&db, "SELECT count(*) FROM status_changes"), 1);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM item_history WHERE actor = 'user:1:alice@corp.example'"
        ),
        2,
        "status_changed and action_attached"
    );
}

#[test]
fn another_customers_items_and_broken_rules_are_refused_and_write_nothing() {
    let db = db();
    let input =
        parse_status_change(br#"{"item_ids":["J1"],"status":"price_dispute","comment":"x"}"#)
            .unwrap();
    let c = ChangeStatus {
        input: &input,
        customer_id: Some("C1"),
    };
    match db.transaction(|db| apply(db, &c, &who())) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/item_ids"),
        other => panic!("{other:?}"),
    }
    // A dispute without a comment: the domain's rule, as a refusal naming the field.
    let input = parse_status_change(br#"{"item_ids":["I1"],"status":"price_dispute"}"#).unwrap();
    let c = ChangeStatus {
        input: &input,
        customer_id: None,
    };
    match db.transaction(|db| apply(db, &c, &who())) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/comment"),
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&db, "SELECT count(*) FROM status_changes"), 0);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM item_history WHERE event = 'status_changed'"
        ),
        0
    );
}
