//! ERP ingest and statement reads.
//!
//!     cargo bench -p settle-bench --bench ledger
//!
//! 1. One request of 100,000 items through settle-host (erp-sync component, Spin SQLite),
//!    beside a native rusqlite insert of the same rows (one prepared statement, one
//!    transaction) and the same store code run natively, all in this run.
//! 2. The statement of a customer with 5,000 open items through the host: p50/p99.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use settle_bench::{ms, time_calls};
use settle_domain::erp::parse_items_json;
use settle_host::testing::{TestServer, workspace_root};
use settle_store::{Db, NativeDb, ledger, migrations};

const TOKEN: &str = "bench-admin";
const N: usize = 100_000;

fn item(i: usize, customer: &str) -> Value {
    json!({"id": format!("B{i:06}"), "customer_id": customer, "kind": "invoice", "number": format!("F-{i}"),
           "issue_date": "2025-01-01", "due_date": format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
           "amount": "123.45", "open_amount": "123.45", "currency": "EUR"})
}

fn customers_body() -> String {
    let customers: Vec<Value> = (0..100)
        .map(|c| json!({"id": format!("C{c}"), "name": format!("Customer {c}"), "entity": "FR01", "currency": "EUR"}))
        .collect();
    json!({"customers": customers}).to_string()
}

fn post(s: &TestServer, path: &str, body: &str) -> settle_host::testing::TestResponse {
    settle_bench::post_json(s, TOKEN, path, body)
}

fn native_raw_insert(rows: &[Value]) -> Duration {
    let dir = std::env::temp_dir().join(format!("settle-bench-native-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = NativeDb(rusqlite::Connection::open(dir.join("db.sqlite")).unwrap());
    migrations::migrate(&db, "2025-01-01T00:00:00Z").unwrap();
    db.0.execute(
        "INSERT INTO entities (code, name, created_at) VALUES ('FR01', 'FR01', 'x')",
        [],
    )
    .unwrap();
    db.0.execute("INSERT INTO customers (erp_id, name, entity, language, currency, created_at, updated_at) VALUES ('C0', 'c', 'FR01', 'en', 'EUR', 'x', 'x')", []).unwrap();
    let t = Instant::now();
    let tx = db.0.unchecked_transaction().unwrap();
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO items (erp_id, customer_id, entity, kind, number, issue_date, due_date, currency,
                 amount_minor, open_minor, created_at, updated_at) VALUES (?, 1, 'FR01', 'invoice', ?, ?, ?, 'EUR', ?, ?, ?, ?)",
            )
            .unwrap();
        for r in rows {
            stmt.execute(rusqlite::params![
                r["id"].as_str(),
                r["number"].as_str(),
                r["issue_date"].as_str(),
                r["due_date"].as_str(),
                12345i64,
                12345i64,
                "2025-01-01T00:00:00Z",
                "2025-01-01T00:00:00Z"
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    let took = t.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    took
}

fn native_store_code(body: &str) -> Duration {
    let dir = std::env::temp_dir().join(format!("settle-bench-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = NativeDb(rusqlite::Connection::open(dir.join("db.sqlite")).unwrap());
    let now = "2025-01-01T00:00:00.000Z";
    migrations::migrate(&db, now).unwrap();
    let customers = settle_domain::erp::parse_customers(customers_body().as_bytes()).unwrap();
    ledger::upsert_customers(&db, &customers, now).unwrap();
    let t = Instant::now();
    let batch = parse_items_json(body.as_bytes()).unwrap();
    let today = "2025-03-01".parse().unwrap();
    db.transaction(|db| ledger::sync_items(db, &batch, "bench", now, today))
        .unwrap();
    let took = t.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    took
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn main() {
    let rows: Vec<Value> = (0..N).map(|i| item(i, &format!("C{}", i % 100))).collect();
    let body = json!({"mode": "delta", "items": rows}).to_string();

    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), TOKEN.into());
        c.log_requests = false;
    });
    assert_eq!(
        post(&server, "/api/v1/erp/customers", &customers_body()).status,
        200
    );

    println!(
        "ingest of {N} items ({:.1} MB JSON)",
        body.len() as f64 / 1e6
    );
    let raw = native_raw_insert(&rows);
    let store = native_store_code(&body);
    let t = Instant::now();
    let r = post(&server, "/api/v1/erp/items", &body);
    let host = t.elapsed();
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["items"]["created"], N);
    println!(
        "{:<52} {:>10.0} items/s  ({:.0} ms)",
        "native rusqlite insert (baseline)",
        rate(N, raw),
        ms(raw)
    );
    println!(
        "{:<52} {:>10.0} items/s  ({:.0} ms)",
        "store code natively (parse + validate + sync)",
        rate(N, store),
        ms(store)
    );
    println!(
        "{:<52} {:>10.0} items/s  ({:.0} ms)",
        "POST /api/v1/erp/items through settle-host",
        rate(N, host),
        ms(host)
    );
    println!(
        "{:<52} {:>10.2}x",
        "host / native baseline",
        rate(N, host) / rate(N, raw)
    );

    // Re-sending the same batch: every row compared, nothing written.
    let t = Instant::now();
    let r = post(&server, "/api/v1/erp/items", &body);
    let again = t.elapsed();
    assert_eq!(r.json()["items"]["unchanged"], N);
    println!(
        "{:<52} {:>10.0} items/s  ({:.0} ms)",
        "same batch again (all unchanged) through the host",
        rate(N, again),
        ms(again)
    );

    // Statement of a customer with 5,000 open items.
    let auth = format!("Bearer {TOKEN}");
    let five_k: Vec<Value> = (0..5_000).map(|i| item(200_000 + i, "BIG")).collect();
    let big =
        json!({"customers": [{"id": "BIG", "name": "Big", "entity": "FR01", "currency": "EUR"}]})
            .to_string();
    assert_eq!(post(&server, "/api/v1/erp/customers", &big).status, 200);
    assert_eq!(
        post(
            &server,
            "/api/v1/erp/items",
            &json!({"items": five_k}).to_string()
        )
        .status,
        200
    );
    println!(
        "customer with 5,000 open items (ledger holds {} items)",
        N + 5_000
    );
    for (name, path) in [
        (
            "GET statement (first page, 100 lines)",
            "/api/v1/customers/BIG/statement?as_of=2025-06-01",
        ),
        (
            "GET statement (1,000 lines)",
            "/api/v1/customers/BIG/statement?as_of=2025-06-01&limit=1000",
        ),
        (
            "GET statement (overdue filter, 100 lines)",
            "/api/v1/customers/BIG/statement?as_of=2025-06-01&overdue=true",
        ),
        (
            "GET customer (balances over 5,000 items)",
            "/api/v1/customers/BIG?as_of=2025-06-01",
        ),
    ] {
        let mut samples = time_calls(50, || {
            let r = server.request("GET", path, &[("authorization", &auth)], &[]);
            assert_eq!(r.status, 200);
        });
        samples.sort();
        println!(
            "{name:<52} p50 {:>7.2} ms   p99 {:>7.2} ms",
            ms(samples[samples.len() / 2]),
            ms(samples[samples.len() * 99 / 100])
        );
    }
}
