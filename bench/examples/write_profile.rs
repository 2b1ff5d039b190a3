//! Where a write's time goes: the load bench's writes (a payment, a status change of two
//! items with its suggested action, a delta batch of 20 items, an email about one of those
//! changes), run natively through the use cases on the load bench's ledger (200 customers of
//! 50 open items, in a WAL file as the app runs), each statement timed. Prints each write's
//! mean time, statement count and time outside SQL (the rules, rendering, signing: guest work
//! with the lock held), then the statements that cost most:
//!
//!     cargo run --release -p settle-bench --example write_profile
//!
//! The write lock is held for the whole transaction, so what is printed is what 32 writers
//! queue behind (issue 22).

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use settle_domain::erp::{parse_customers, parse_items_json, parse_payments};
use settle_domain::status_change::parse_status_change;
use settle_domain::templates::parse_email_request;
use settle_store::{Db, NativeDb, Rows, ledger, migrations};
use settle_usecases::Who;
use settle_usecases::emails::{self, Site};
use settle_usecases::erp::{Batch, apply};
use settle_usecases::status_change::{self, ChangeStatus};

const NOW: &str = "2026-12-02T00:00:00.000Z";
const RUNS: usize = 300;

/// A connection that times each statement, by its text.
struct Timed {
    db: NativeDb,
    by_sql: RefCell<HashMap<String, (u64, Duration)>>,
}

impl Db for Timed {
    fn query(&self, sql: &str, params: &[settle_store::Value]) -> settle_store::Result<Rows> {
        let t = Instant::now();
        let r = self.db.query(sql, params);
        let took = t.elapsed();
        let key: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut m = self.by_sql.borrow_mut();
        let e = m.entry(key).or_default();
        e.0 += 1;
        e.1 += took;
        r
    }
}

fn who() -> Who {
    Who {
        actor: "token:1:load".into(),
        at: NOW.into(),
        today: "2026-12-02".parse().unwrap(),
    }
}

fn main() {
    let dir = std::env::temp_dir().join(format!("settle-write-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("w.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    let db = Timed {
        db: NativeDb(conn),
        by_sql: RefCell::default(),
    };
    migrations::migrate(&db, NOW).unwrap();
    let customers: Vec<String> = (0..200)
        .map(|c| format!(r#"{{"id":"L{c:03}","name":"Load {c}","entity":"FR01","currency":"EUR","collector":"col{}"}}"#, c % 4))
        .collect();
    let c = parse_customers(format!(r#"{{"customers":[{}]}}"#, customers.join(",")).as_bytes())
        .unwrap();
    ledger::upsert_customers(&db, &c, NOW).unwrap();
    let items: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"id":"L{:03}-{i:05}","customer_id":"L{:03}","kind":"invoice","number":"F-{i}","issue_date":"2025-01-01","due_date":"2025-{:02}-{:02}","amount":"1000.00","open_amount":"1000.00","currency":"EUR"}}"#, i / 50, i / 50, 1 + i % 11, 1 + i % 28))
        .collect();
    let b =
        parse_items_json(format!(r#"{{"mode":"delta","items":[{}]}}"#, items.join(",")).as_bytes())
            .unwrap();
    ledger::sync_items(&db, &b, "erp", NOW, who().today).unwrap();
    let resolver =
        settle_store::config::create_resolver(&db, "Sam", "sam@load.example", "sales", "en", NOW)
            .unwrap()
            .id;
    let item = |c: usize, n: usize| format!("L{c:03}-{:05}", c * 50 + n % 50);

    let mut results = Vec::new();
    let mut measure = |name: &str, f: &mut dyn FnMut(usize)| {
        db.by_sql.borrow_mut().clear();
        let t = Instant::now();
        for n in 0..RUNS {
            f(n);
        }
        let mean = t.elapsed() / RUNS as u32;
        let stats = std::mem::take(&mut *db.by_sql.borrow_mut());
        results.push((name.to_string(), mean, stats));
    };
    measure("payment", &mut |n| {
        let p = parse_payments(format!(r#"{{"payments":[{{"id":"P{n}","item_id":"{}","amount":"0.01","date":"2025-02-01"}}]}}"#, item((n * 7) % 200, n)).as_bytes()).unwrap();
        db.transaction(|db| apply(db, &Batch::Payments(p.clone()), &who()))
            .unwrap();
    });
    measure("status change (2 items)", &mut |n| {
        let c = (n * 13) % 200;
        let input = parse_status_change(
            format!(
                r#"{{"item_ids":["{}","{}"],"status":"price_dispute","comment":"load","resolver_id":{resolver},"next_action":"suggested"}}"#,
                item(c, n + 1),
                item(c, n + 2)
            )
            .as_bytes(),
        )
        .unwrap();
        let change = ChangeStatus {
            input: &input,
            customer_id: None,
        };
        db.transaction(|db| status_change::apply(db, &change, &who()))
            .unwrap();
    });
    measure("20-item batch", &mut |n| {
        let items: Vec<String> = (0..20)
            .map(|k| format!(r#"{{"id":"N{n}-{k}","customer_id":"L{:03}","kind":"invoice","number":"N","issue_date":"2025-02-01","due_date":"2025-03-01","amount":"5.00","open_amount":"5.00","currency":"EUR"}}"#, (n * 11) % 200))
            .collect();
        let b = parse_items_json(
            format!(r#"{{"mode":"delta","items":[{}]}}"#, items.join(",")).as_bytes(),
        )
        .unwrap();
        db.transaction(|db| apply(db, &Batch::Items(b.clone()), &who()))
            .unwrap();
    });

    let site = Site {
        base_url: "https://settle.load.example",
        secret: "load-link-secret",
        formats: &settle_pages::i18n::EmailFormats,
    };
    measure("email (resolver_dispute)", &mut |n| {
        let r = parse_email_request(
            format!(
                r#"{{"template":"resolver_dispute","status_change_id":{}}}"#,
                1 + n % RUNS
            )
            .as_bytes(),
        )
        .unwrap();
        // `send` is its own transaction, as the emails API runs it.
        emails::send(&db, &r, &who(), "Settle", &site).unwrap();
    });

    for (name, mean, stats) in results {
        let statements: u64 = stats.values().map(|s| s.0).sum();
        let sql: Duration = stats.values().map(|s| s.1).sum();
        println!(
            "\n== {name}: {:.2} ms per write, {:.1} statements per write, {:.2} ms outside SQL",
            mean.as_secs_f64() * 1000.0,
            statements as f64 / RUNS as f64,
            mean.saturating_sub(sql / RUNS as u32).as_secs_f64() * 1000.0
        );
        let mut top: Vec<_> = stats.into_iter().collect();
        top.sort_by_key(|t| std::cmp::Reverse(t.1.1));
        for (sql, (count, took)) in top.into_iter().take(12) {
            let short: String = sql.chars().take(110).collect();
            println!(
                "{:>8.3} ms/write {:>6.1}× {short}",
                took.as_secs_f64() * 1000.0 / RUNS as f64,
                count as f64 / RUNS as f64
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
