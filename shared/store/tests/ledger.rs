//! The ledger queries against rusqlite (the same code runs in components over Spin SQLite).

use chrono::NaiveDate;
use settle_domain::erp::{parse_customers, parse_items_json, parse_payments};
use settle_store::ledger::{self, ItemFilter, WriteError};
use settle_store::{Db, NativeDb, migrations};

const NOW: &str = "2025-03-01T10:00:00.000Z";

fn today() -> NaiveDate {
    "2025-03-01".parse().unwrap()
}

fn db() -> NativeDb {
    let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
    migrations::migrate(&db, NOW).unwrap();
    let c = parse_customers(
        br#"{"customers":[{"id":"C1","name":"Acme","entity":"FR01","currency":"EUR","language":"fr"},
                          {"id":"C2","name":"Beta","entity":"DE01","currency":"EUR"}]}"#,
    )
    .unwrap();
    ledger::upsert_customers(&db, &c, NOW).unwrap();
    db
}

fn item(id: &str, customer: &str, due: &str, amount: &str, open: &str) -> String {
    format!(
        r#"{{"id":"{id}","customer_id":"{customer}","kind":"invoice","number":"N-{id}","issue_date":"2025-01-01","due_date":"{due}","amount":"{amount}","open_amount":"{open}","currency":"EUR"}}"#
    )
}

fn sync(
    db: &NativeDb,
    mode: &str,
    entity: Option<&str>,
    rows: &[String],
) -> Result<ledger::SyncCounts, WriteError> {
    let entity = entity
        .map(|e| format!(r#","entity":"{e}""#))
        .unwrap_or_default();
    let body = format!(
        r#"{{"mode":"{mode}"{entity},"items":[{}]}}"#,
        rows.join(",")
    );
    let batch = parse_items_json(body.as_bytes()).unwrap();
    db.transaction(|db| ledger::sync_items(db, &batch, "erp", NOW, today()))
}

fn all(db: &NativeDb) -> Vec<ledger::ItemView> {
    ledger::list_items(
        db,
        &ItemFilter {
            limit: 1000,
            ..Default::default()
        },
        today(),
    )
    .unwrap()
}

#[test]
fn customers_upsert_counts() {
    let db = db();
    let c = parse_customers(
        br#"{"customers":[{"id":"C1","name":"Acme SA","entity":"FR01","currency":"EUR","language":"fr"},
                          {"id":"C2","name":"Beta","entity":"DE01","currency":"EUR"},
                          {"id":"C3","name":"Gamma","entity":"FR01","currency":"USD"}]}"#,
    )
    .unwrap();
    let counts = ledger::upsert_customers(&db, &c, NOW).unwrap();
    assert_eq!(
        (counts.created, counts.updated, counts.unchanged),
        (1, 1, 1)
    );
    assert_eq!(
        ledger::customer(&db, "C1").unwrap().unwrap().name,
        "Acme SA"
    );
}

#[test]
fn items_create_update_unchanged_and_history() {
    let db = db();
    let c = sync(
        &db,
        "delta",
        None,
        &[
            item("I1", "C1", "2025-02-01", "100.00", "100.00"),
            item("I2", "C1", "2025-04-01", "50", "50"),
        ],
    )
    .unwrap();
    assert_eq!((c.created, c.updated, c.unchanged), (2, 0, 0));
    let c = sync(
        &db,
        "delta",
        None,
        &[
            item("I1", "C1", "2025-02-15", "100.00", "100.00"),
            item("I2", "C1", "2025-04-01", "50", "50"),
        ],
    )
    .unwrap();
    assert_eq!((c.created, c.updated, c.unchanged), (0, 1, 1));
    let h = ledger::item_history(&db, "I1").unwrap().unwrap();
    assert_eq!(
        h.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(),
        vec!["created", "updated"]
    );
    assert_eq!(h[1].details["due_date"]["from"], "2025-02-01");
    assert_eq!(h[1].details["due_date"]["to"], "2025-02-15");
    assert_eq!(h[0].actor, "erp");
    assert!(ledger::item_history(&db, "nope").unwrap().is_none());
}

#[test]
fn unknown_customer_refuses_the_batch_and_writes_nothing() {
    let db = db();
    let e = sync(
        &db,
        "delta",
        None,
        &[
            item("I1", "C1", "2025-02-01", "1", "1"),
            item("I2", "C9", "2025-02-01", "1", "1"),
        ],
    )
    .unwrap_err();
    let WriteError::Invalid(inv) = e else {
        panic!("{e:?}")
    };
    assert_eq!(inv.0[0].pointer, "/items/1/customer_id");
    assert!(all(&db).is_empty());
}

#[test]
fn stock_closes_missing_items_of_its_scope_only() {
    let db = db();
    sync(
        &db,
        "delta",
        None,
        &[
            item("A", "C1", "2025-02-01", "1", "1"),
            item("B", "C1", "2025-02-01", "1", "1"),
            item("Z", "C2", "2025-02-01", "1", "1"),
        ],
    )
    .unwrap();
    let c = sync(
        &db,
        "stock",
        Some("FR01"),
        &[item("A", "C1", "2025-02-01", "1", "1")],
    )
    .unwrap();
    assert_eq!((c.unchanged, c.closed), (1, 1));
    let ids: Vec<String> = all(&db).into_iter().map(|i| i.id).collect();
    assert_eq!(ids, vec!["A", "Z"], "B closed; Z is another entity");
    let h = ledger::item_history(&db, "B").unwrap().unwrap();
    assert_eq!(h.last().unwrap().event, "closed");
    // A customer of another entity in an entity-scoped batch is refused.
    assert!(matches!(
        sync(
            &db,
            "stock",
            Some("FR01"),
            &[item("Z", "C2", "2025-02-01", "1", "1")]
        ),
        Err(WriteError::Invalid(_))
    ));
}

#[test]
fn payments_reduce_close_and_refuse_overpayment() {
    let db = db();
    sync(
        &db,
        "delta",
        None,
        &[item("I1", "C1", "2025-02-01", "100.00", "100.00")],
    )
    .unwrap();
    let pay = |body: &str| {
        let p = parse_payments(body.as_bytes()).unwrap();
        db.transaction(|db| ledger::apply_payments(db, &p, "erp", NOW))
    };
    let c =
        pay(r#"{"payments":[{"id":"PAY-12","item_id":"I1","amount":"30","date":"2025-02-10"}]}"#)
            .unwrap();
    assert_eq!((c.applied, c.closed), (1, 0));
    assert_eq!(all(&db)[0].open_amount, "70.00");
    // The same payment id again: skipped when identical, a conflict when not.
    let c =
        pay(r#"{"payments":[{"id":"PAY-12","item_id":"I1","amount":"30","date":"2025-02-10"}]}"#)
            .unwrap();
    assert_eq!((c.applied, c.already_applied), (0, 1));
    let e =
        pay(r#"{"payments":[{"id":"PAY-12","item_id":"I1","amount":"31","date":"2025-02-10"}]}"#)
            .unwrap_err();
    let WriteError::Conflict(inv) = e else {
        panic!("{e:?}")
    };
    assert_eq!(inv.0[0].pointer, "/payments/0/id");
    assert_eq!(all(&db)[0].open_amount, "70.00");
    let e = pay(r#"{"payments":[{"id":"PAY-13","item_id":"I1","amount":"60","date":"2025-02-11"},{"id":"PAY-14","item_id":"I1","amount":"20","date":"2025-02-12"}]}"#).unwrap_err();
    let WriteError::Invalid(inv) = e else {
        panic!()
    };
    assert_eq!(inv.0[0].pointer, "/payments/1/amount");
    assert_eq!(all(&db)[0].open_amount, "70.00", "nothing written");
    let e = pay(r#"{"payments":[{"id":"PAY-15","item_id":"I1","amount":"1.001","date":"2025-02-11"},{"id":"PAY-16","item_id":"NOPE","amount":"1","date":"2025-02-11"}]}"#).unwrap_err();
    let WriteError::Invalid(inv) = e else {
        panic!()
    };
    assert_eq!(
        inv.0.iter().map(|f| f.pointer.as_str()).collect::<Vec<_>>(),
        vec!["/payments/0/amount", "/payments/1/item_id"]
    );
    let c = pay(
        r#"{"payments":[{"id":"PAY-17","item_id":"I1","amount":"70.00","date":"2025-02-20","reference":"VIR"}]}"#,
    )
    .unwrap();
    assert_eq!((c.applied, c.closed), (1, 1));
    assert!(all(&db).is_empty());
    let events: Vec<String> = ledger::item_history(&db, "I1")
        .unwrap()
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(events, vec!["created", "payment", "payment", "closed"]);
}

#[test]
fn filters_cursor_and_overdue() {
    let db = db();
    let rows: Vec<String> = (0..25)
        .map(|i| {
            item(
                &format!("I{i:02}"),
                "C1",
                &format!("2025-02-{:02}", i + 1),
                "10",
                "10",
            )
        })
        .collect();
    sync(&db, "delta", None, &rows).unwrap();
    sync(
        &db,
        "delta",
        None,
        &[item("LATE", "C2", "2025-05-01", "10", "10")],
    )
    .unwrap();
    let key = ledger::customer(&db, "C1").unwrap().unwrap().key;
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = ledger::list_items(
            &db,
            &ItemFilter {
                customer_key: Some(key),
                after: after.clone(),
                limit: 10,
                ..Default::default()
            },
            today(),
        )
        .unwrap();
        if page.is_empty() {
            break;
        }
        let last = page.last().unwrap();
        after = Some((last.due_date.clone(), last.key));
        seen.extend(page.into_iter().map(|i| i.id));
    }
    assert_eq!(seen.len(), 25);
    assert_eq!(seen[0], "I00");
    let overdue = ledger::list_items(
        &db,
        &ItemFilter {
            overdue: Some(true),
            limit: 100,
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    assert_eq!(overdue.len(), 25);
    assert_eq!(overdue[0].days_overdue, 28);
    let not_overdue = ledger::list_items(
        &db,
        &ItemFilter {
            overdue: Some(false),
            limit: 100,
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    assert_eq!(
        not_overdue
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        vec!["LATE"]
    );
    let fr = ledger::list_items(
        &db,
        &ItemFilter {
            entity: Some("DE01".into()),
            limit: 100,
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    assert_eq!(fr.len(), 1);
    let balances = settle_domain::ledger::balances(
        &ledger::open_items_for_balances(&db, key).unwrap(),
        today(),
    );
    assert_eq!(balances.values().next().unwrap().outstanding, 25_000);
}

#[test]
fn one_item_by_its_key_open_or_closed() {
    let db = db();
    sync(
        &db,
        "delta",
        None,
        &[
            item("I1", "C1", "2025-02-01", "100.00", "100.00"),
            item("I2", "C1", "2025-02-01", "50.00", "0.00"),
        ],
    )
    .unwrap();
    let key = |id: &str| {
        db.query("SELECT id FROM items WHERE erp_id = ?", &[id.into()])
            .unwrap()
            .single_int()
            .unwrap()
    };
    let i1 = ledger::item_by_key(&db, key("I1"), today())
        .unwrap()
        .unwrap();
    assert_eq!((i1.id.as_str(), i1.open_amount.as_str()), ("I1", "100.00"));
    let i2 = ledger::item_by_key(&db, key("I2"), today())
        .unwrap()
        .unwrap();
    assert_eq!(i2.id, "I2", "closed items too");
    assert!(i2.closed_on.is_some());
    assert!(
        ledger::item_by_key(&db, 999_999, today())
            .unwrap()
            .is_none()
    );
}
