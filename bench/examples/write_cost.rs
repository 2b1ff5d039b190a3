//! What one write costs natively, with the triggers that keep the agenda's columns and
//! counts (migrations 14 and 15) and with them dropped, on the load bench's ledger shape
//! (200 customers of 50 open items), in a WAL file as the app runs:
//!
//!     cargo run --release -p settle-bench --example write_cost
//!
//! Each write is its own `BEGIN IMMEDIATE` transaction: a payment of 0.01 on an item, and a
//! delta batch of 20 new items, 500 of each.

use std::time::Instant;

use settle_domain::erp::{parse_customers, parse_items_json, parse_payments};
use settle_store::{Db, NativeDb, ledger, migrations};

const NOW: &str = "2026-12-02T00:00:00Z";

fn main() {
    for with_triggers in [true, false] {
        let dir = std::env::temp_dir().join(format!("settle-write-cost-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("w{with_triggers}.db"));
        let _ = std::fs::remove_file(&path);
        let db = NativeDb(rusqlite::Connection::open(&path).unwrap());
        migrations::migrate(&db, NOW).unwrap();
        if !with_triggers {
            for t in [
                "items_inserted_reference",
                "items_deleted_reference",
                "items_updated_reference",
                "customers_step_due",
                "reminders_step_due",
                "customers_step_counted",
            ] {
                db.query(&format!("DROP TRIGGER {t}"), &[]).unwrap();
            }
        }
        let customers: Vec<String> = (0..200)
            .map(|c| format!(r#"{{"id":"L{c:03}","name":"Load {c}","entity":"FR01","currency":"EUR","collector":"col{}"}}"#, c % 4))
            .collect();
        let c = parse_customers(format!(r#"{{"customers":[{}]}}"#, customers.join(",")).as_bytes())
            .unwrap();
        ledger::upsert_customers(&db, &c, NOW).unwrap();
        let items: Vec<String> = (0..10_000)
            .map(|i| format!(r#"{{"id":"L-{i:05}","customer_id":"L{:03}","kind":"invoice","number":"N","issue_date":"2025-01-01","due_date":"2025-{:02}-{:02}","amount":"100.00","open_amount":"100.00","currency":"EUR"}}"#, i / 50, 1 + i % 11, 1 + i % 28))
            .collect();
        let b = parse_items_json(
            format!(r#"{{"mode":"delta","items":[{}]}}"#, items.join(",")).as_bytes(),
        )
        .unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        ledger::sync_items(&db, &b, "erp", NOW, today).unwrap();

        let t = Instant::now();
        for n in 0..500 {
            let p = parse_payments(format!(r#"{{"payments":[{{"id":"P{n}","item_id":"L-{:05}","amount":"0.01","date":"2025-02-01"}}]}}"#, (n * 37) % 10_000).as_bytes()).unwrap();
            db.transaction(|db| ledger::apply_payments(db, &p, "erp", NOW))
                .unwrap();
        }
        let payments = t.elapsed().as_secs_f64() * 1000.0 / 500.0;
        let t = Instant::now();
        for n in 0..500 {
            let items: Vec<String> = (0..20)
                .map(|k| format!(r#"{{"id":"N{n}-{k}","customer_id":"L{:03}","kind":"invoice","number":"N","issue_date":"2025-02-01","due_date":"2025-03-01","amount":"5.00","open_amount":"5.00","currency":"EUR"}}"#, n % 200))
                .collect();
            let b = parse_items_json(
                format!(r#"{{"mode":"delta","items":[{}]}}"#, items.join(",")).as_bytes(),
            )
            .unwrap();
            db.transaction(|db| ledger::sync_items(db, &b, "erp", NOW, today))
                .unwrap();
        }
        let batches = t.elapsed().as_secs_f64() * 1000.0 / 500.0;
        println!(
            "{:<28} payment {payments:>6.2} ms   20-item batch {batches:>6.2} ms",
            if with_triggers {
                "with the agenda's triggers"
            } else {
                "without them (baseline)"
            }
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
