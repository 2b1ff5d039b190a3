//! A migrated in-memory database with two customers and a few invoices, and the status
//! change flow as the `change-status` component runs it (parse → load → check → apply).
#![allow(dead_code)]

use chrono::NaiveDate;
use settle_domain::erp::{parse_customers, parse_items_json};
use settle_domain::status_change;
use settle_store::status_change::{Applied, apply, load_targets};
use settle_store::{Db, NativeDb, config, ledger, migrations};

pub const NOW: &str = "2025-03-01T10:00:00.000Z";
pub const LATER: &str = "2025-03-05T10:00:00.000Z";

pub fn today() -> NaiveDate {
    "2025-03-01".parse().unwrap()
}

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// C1 (FR01) has invoices I1 (100.00, due 2025-02-01), I2 (50.00, due 2025-02-15) and
/// I3 (20.00, due 2025-04-01); C2 (DE01) has J1 (10.00). Resolver 1 "Sam" is active.
pub fn db() -> NativeDb {
    let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
    migrations::migrate(&db, NOW).unwrap();
    let c = parse_customers(
        br#"{"customers":[{"id":"C1","name":"Acme","entity":"FR01","currency":"EUR","language":"fr","email":"ap@acme.example","collector":"alice"},
                          {"id":"C2","name":"Beta","entity":"DE01","currency":"EUR"}]}"#,
    )
    .unwrap();
    ledger::upsert_customers(&db, &c, NOW).unwrap();
    let item = |id: &str, customer: &str, due: &str, amount: &str| {
        format!(
            r#"{{"id":"{id}","customer_id":"{customer}","kind":"invoice","number":"N-{id}","issue_date":"2025-01-01","due_date":"{due}","amount":"{amount}","open_amount":"{amount}","currency":"EUR"}}"#
        )
    };
    let body = format!(
        r#"{{"mode":"delta","items":[{},{},{},{}]}}"#,
        item("I1", "C1", "2025-02-01", "100.00"),
        item("I2", "C1", "2025-02-15", "50.00"),
        item("I3", "C1", "2025-04-01", "20.00"),
        item("J1", "C2", "2025-02-01", "10.00"),
    );
    let batch = parse_items_json(body.as_bytes()).unwrap();
    ledger::sync_items(&db, &batch, "erp", NOW, today()).unwrap();
    config::create_resolver(&db, "Sam", "sam@example.com", "sales", "en", NOW).unwrap();
    db
}

pub fn key(db: &NativeDb, erp_id: &str) -> i64 {
    db.query("SELECT id FROM items WHERE erp_id = ?", &[erp_id.into()])
        .unwrap()
        .single_int()
        .unwrap()
}

pub fn customer_key(db: &NativeDb, erp_id: &str) -> i64 {
    ledger::customer(db, erp_id).unwrap().unwrap().key
}

/// One status change, as the component runs it, in one transaction.
pub fn qualify(db: &NativeDb, body: &str) -> Applied {
    let input = status_change::parse_status_change(body.as_bytes()).unwrap();
    db.transaction(|db| {
        let targets = load_targets(db, &input)?;
        let states = targets.item_states();
        let plan = status_change::check(&input, &targets.found(&states), today())
            .expect("the status change passes its rules");
        apply(db, &input, &plan, &targets, "alice", NOW)
    })
    .unwrap()
}

/// The price dispute on I1 and I2 with resolver 1 and the suggested follow-up action.
pub fn price_dispute(db: &NativeDb) -> Applied {
    qualify(
        db,
        r#"{"item_ids":["I1","I2"],"status":"price_dispute","comment":"Unit price is wrong","resolver_id":1,"next_action":"suggested","status_date":"2025-03-01"}"#,
    )
}

pub fn count(db: &NativeDb, sql: &str) -> i64 {
    db.query(sql, &[]).unwrap().single_int().unwrap()
}

/// A connection that remembers every statement run through it (with its parameters), to
/// ask SQLite afterwards how it planned them.
pub struct Recording<'a> {
    pub db: &'a NativeDb,
    pub statements: std::cell::RefCell<Vec<(String, Vec<settle_store::Value>)>>,
}

impl<'a> Recording<'a> {
    pub fn new(db: &'a NativeDb) -> Recording<'a> {
        Recording {
            db,
            statements: Default::default(),
        }
    }

    /// The plan lines of every recorded statement that read the items table whole: a
    /// `SCAN` of it (with or without an index) rather than a `SEARCH` by key. On a ledger of
    /// millions of items such a statement costs seconds, whatever the page shows.
    pub fn item_scans(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (sql, params) in self.statements.borrow().iter() {
            let plan = self
                .db
                .query(&format!("EXPLAIN QUERY PLAN {sql}"), params)
                .unwrap();
            for row in &plan.rows {
                let detail = row[3].as_str().unwrap_or_default().to_string();
                let words: Vec<&str> = detail.split_whitespace().collect();
                if words.first() == Some(&"SCAN")
                    && matches!(words.get(1), Some(&"i") | Some(&"items"))
                {
                    out.push(format!(
                        "{detail}  <- {}",
                        sql.split_whitespace().collect::<Vec<_>>().join(" ")
                    ));
                }
            }
        }
        out
    }
}

impl settle_store::Db for Recording<'_> {
    fn query(
        &self,
        sql: &str,
        params: &[settle_store::Value],
    ) -> settle_store::Result<settle_store::Rows> {
        self.statements
            .borrow_mut()
            .push((sql.to_string(), params.to_vec()));
        self.db.query(sql, params)
    }
}
