//! Mixed load: 10,000 requests at concurrency 32, reads and writes together, then a check
//! that every acknowledged write is present exactly once; run twice in one process, on the
//! host's two SQLite modes: `spin` (exactly Spin's: rusqlite defaults, no gate; what
//! production runs, so the targets are judged there) and `gated` (the host's own tuning, the
//! baseline).
//!
//!     cargo bench -p settle-bench --bench load
//!
//! Through settle-host with the real components: statements, item lists, the agenda and
//! health (reads); status changes, ERP payments (each with its own payment id), ERP item
//! batches and queued emails (writes), spread over 200 customers. Baseline in the same run:
//! `GET /api/v1/health` alone at the same concurrency. Targets (issue 9): zero 5xx, write
//! p99 under 500 ms, read p99 under 100 ms, every acknowledged write present exactly once.
//! `LOAD_TOTAL` and `LOAD_CONCURRENCY` change the size; `LOAD_MODES=spin` runs one mode.

use std::collections::BTreeMap;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use settle_bench::{Stats, load, ms, post_json, row};
use settle_host::sqlite::SqliteMode;
use settle_host::testing::{TestServer, workspace_root};

const TOKEN: &str = "load-admin";
const CUSTOMERS: usize = 200;
const ITEMS_PER_CUSTOMER: usize = 50;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What one request was and how it went.
struct Sample {
    class: &'static str,
    write: bool,
    status: u16,
    took: Duration,
    /// For acknowledged writes: what must now be stored (kind, id).
    acked: Option<(&'static str, String)>,
}

fn seed(s: &TestServer) -> i64 {
    let customers: Vec<Value> = (0..CUSTOMERS)
        .map(|c| json!({"id": format!("L{c:03}"), "name": format!("Load {c}"), "entity": "FR01",
                        "currency": "EUR", "email": format!("ap{c}@load.example"), "collector": format!("col{}", c % 4)}))
        .collect();
    let r = post_json(
        s,
        TOKEN,
        "/api/v1/erp/customers",
        &json!({"customers": customers}).to_string(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let items: Vec<Value> = (0..CUSTOMERS * ITEMS_PER_CUSTOMER)
        .map(|i| {
            let c = i / ITEMS_PER_CUSTOMER;
            json!({"id": format!("L{c:03}-{i:05}"), "customer_id": format!("L{c:03}"), "kind": "invoice",
                   "number": format!("F-{i}"), "issue_date": "2025-01-01",
                   "due_date": format!("2025-{:02}-{:02}", 1 + i % 11, 1 + i % 28),
                   "amount": "1000.00", "open_amount": "1000.00", "currency": "EUR"})
        })
        .collect();
    let r = post_json(
        s,
        TOKEN,
        "/api/v1/erp/items",
        &json!({"mode": "delta", "items": items}).to_string(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = post_json(
        s,
        TOKEN,
        "/api/v1/admin/resolvers",
        &json!({"name": "Sam", "email": "sam@load.example", "role": "sales"}).to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["id"].as_i64().unwrap()
}

/// What one run measured.
struct Outcome {
    mode: SqliteMode,
    rate: f64,
    reads: Stats,
    writes: Stats,
    server_errors: usize,
    not_once: usize,
    health: Stats,
}

fn main() {
    let total = env("LOAD_TOTAL", 10_000);
    let concurrency = env("LOAD_CONCURRENCY", 32);
    // LOAD_MODES=spin (or gated) runs one mode only, for quick comparisons while tuning.
    let modes = std::env::var("LOAD_MODES").unwrap_or_else(|_| "spin,gated".into());
    let outcomes: Vec<Outcome> = [SqliteMode::Spin, SqliteMode::Gated]
        .into_iter()
        .filter(|m| modes.contains(&format!("{m:?}").to_lowercase()))
        .map(|mode| run(mode, total, concurrency))
        .collect();
    println!();
    println!(
        "{:<8} {:>8} {:>12} {:>12} {:>12} {:>5} {:>14} {:>16}",
        "mode", "req/s", "reads p99", "writes p50", "writes p99", "5xx", "not once", "health p50"
    );
    for o in &outcomes {
        println!(
            "{:<8} {:>8.0} {:>9.1} ms {:>9.1} ms {:>9.1} ms {:>5} {:>14} {:>13.2} ms",
            format!("{:?}", o.mode).to_lowercase(),
            o.rate,
            ms(o.reads.p99),
            ms(o.writes.p50),
            ms(o.writes.p99),
            o.server_errors,
            o.not_once,
            ms(o.health.p50)
        );
    }
    if let Some(spin) = outcomes.iter().find(|o| o.mode == SqliteMode::Spin) {
        println!(
            "targets (spin mode): 5xx {} (0), writes p99 {:.1} ms (< 500), not exactly once {} (0)",
            spin.server_errors,
            ms(spin.writes.p99),
            spin.not_once
        );
    }
}

fn run(mode: SqliteMode, total: usize, concurrency: usize) -> Outcome {
    println!("\n== SQLite mode: {mode:?} ==");
    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.sqlite_mode = mode;
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), TOKEN.into());
        c.env.insert(
            "SPIN_VARIABLE_LINK_SECRET".into(),
            "load-link-secret".into(),
        );
        c.log_requests = false;
    });
    let resolver = seed(&server);
    println!(
        "{CUSTOMERS} customers x {ITEMS_PER_CUSTOMER} open items; {total} mixed requests at concurrency {concurrency}"
    );
    let baseline = load(server.addr, "/api/v1/health", concurrency, 2_000, 5);
    row("GET /api/v1/health alone (baseline)", &baseline);

    let addr = server.addr;
    // Every request is sent: the first `total % concurrency` threads send one more.
    let share = move |t: usize| total / concurrency + usize::from(t < total % concurrency);
    let barrier = Arc::new(Barrier::new(concurrency + 1));
    let threads: Vec<_> = (0..concurrency)
        .map(|t| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .into();
                let auth = format!("Bearer {TOKEN}");
                let send = |path: &str, body: Option<Value>| -> (u16, Value) {
                    let url = format!("http://{addr}{path}");
                    let r = match body {
                        None => agent.get(&url).header("authorization", &auth).call(),
                        Some(b) => agent
                            .post(&url)
                            .header("authorization", &auth)
                            .header("content-type", "application/json")
                            .send(b.to_string()),
                    }
                    .expect("answered");
                    let status = r.status().as_u16();
                    let body = r.into_body().read_to_vec().unwrap_or_default();
                    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
                };
                let per_thread = share(t);
                let mut samples = Vec::with_capacity(per_thread);
                let mut change_id: Option<i64> = None;
                barrier.wait();
                for n in 0..per_thread {
                    let op = (t * 7 + n) % 10;
                    let c = (t * 31 + n * 7) % CUSTOMERS;
                    let customer = format!("L{c:03}");
                    let item = |k: usize| format!("L{c:03}-{:05}", c * ITEMS_PER_CUSTOMER + (n + k) % ITEMS_PER_CUSTOMER);
                    let started = Instant::now();
                    let (class, write, (status, body), acked) = match op {
                        0 | 1 => ("statement", false, send(&format!("/api/v1/customers/{customer}/statement?limit=50"), None), None),
                        2 => ("agenda", false, send("/api/v1/agenda?limit=20", None), None),
                        3 => ("customer", false, send(&format!("/api/v1/customers/{customer}"), None), None),
                        4 | 5 => {
                            let id = format!("T{t}-N{n}");
                            let r = send("/api/v1/erp/payments", Some(json!({"payments": [
                                {"id": id, "item_id": item(0), "amount": "0.01", "date": "2025-02-01"}]})));
                            ("payment", true, r, Some(("payment", id)))
                        }
                        6 | 7 => {
                            let r = send("/api/v1/status-changes", Some(json!({
                                "item_ids": [item(1), item(2)], "status": "price_dispute",
                                "comment": "load", "resolver_id": resolver, "next_action": "suggested"})));
                            if r.0 == 201 {
                                change_id = r.1["status_change_id"].as_i64();
                            }
                            let id = r.1["status_change_id"].to_string();
                            ("status change", true, r, Some(("status_change", id)))
                        }
                        8 => {
                            let items: Vec<Value> = (0..20)
                                .map(|k| json!({"id": format!("N{t}-{n}-{k}"), "customer_id": customer, "kind": "invoice",
                                                "number": "N", "issue_date": "2025-02-01", "due_date": "2025-03-01",
                                                "amount": "5.00", "open_amount": "5.00", "currency": "EUR"}))
                                .collect();
                            let r = send("/api/v1/erp/items", Some(json!({"mode": "delta", "items": items})));
                            ("item batch", true, r, Some(("batch", format!("N{t}-{n}-"))))
                        }
                        _ => match change_id {
                            Some(id) => {
                                let r = send("/api/v1/emails", Some(json!({"template": "resolver_dispute", "status_change_id": id})));
                                let mid = r.1["id"].to_string();
                                ("email", true, r, Some(("email", mid)))
                            }
                            None => ("health", false, send("/api/v1/health", None), None),
                        },
                    };
                    let took = started.elapsed();
                    let _ = body;
                    let acked = if (200..300).contains(&status) { acked } else { None };
                    samples.push(Sample { class, write, status, took, acked });
                }
                samples
            })
        })
        .collect();
    barrier.wait();
    let t0 = Instant::now();
    let samples: Vec<Sample> = threads
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let elapsed = t0.elapsed();

    let mut by_class: BTreeMap<&str, Vec<Duration>> = BTreeMap::new();
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    for s in &samples {
        by_class.entry(s.class).or_default().push(s.took);
        *statuses.entry(s.status).or_default() += 1;
    }
    for (class, d) in &by_class {
        row(class, &Stats::from_samples(d.clone(), elapsed));
    }
    let writes = Stats::from_samples(
        samples.iter().filter(|s| s.write).map(|s| s.took).collect(),
        elapsed,
    );
    let reads = Stats::from_samples(
        samples
            .iter()
            .filter(|s| !s.write)
            .map(|s| s.took)
            .collect(),
        elapsed,
    );
    row("all writes", &writes);
    row("all reads", &reads);
    println!(
        "{} requests in {:.1} s ({:.0} req/s); statuses {statuses:?}",
        samples.len(),
        elapsed.as_secs_f64(),
        samples.len() as f64 / elapsed.as_secs_f64()
    );
    let server_errors: usize = statuses
        .iter()
        .filter(|(s, _)| **s >= 500)
        .map(|(_, n)| n)
        .sum();

    // Every acknowledged write is present exactly once.
    let db = rusqlite::Connection::open(server.state_dir.join("sqlite_db.db")).unwrap();
    let count = |sql: &str, p: &str| -> i64 { db.query_row(sql, [p], |r| r.get(0)).unwrap() };
    let mut missing = 0;
    let mut acked: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &samples {
        let Some((kind, id)) = &s.acked else { continue };
        *acked.entry(kind).or_default() += 1;
        let n = match *kind {
            "payment" => count("SELECT count(*) FROM payments WHERE erp_id = ?", id),
            "status_change" => count("SELECT count(*) FROM status_changes WHERE id = ?", id),
            "batch" => count(
                "SELECT count(*) / 20 FROM items WHERE erp_id LIKE ? || '%'",
                id,
            ),
            _ => count("SELECT count(*) FROM outbox WHERE id = ?", id),
        };
        if n != 1 {
            missing += 1;
            eprintln!("{kind} {id}: stored {n} times");
        }
    }
    let payments: i64 = db
        .query_row("SELECT count(*) FROM payments", [], |r| r.get(0))
        .unwrap();
    let extra_payments = payments - *acked.get("payment").unwrap_or(&0) as i64;
    println!(
        "acknowledged writes {acked:?}; not stored exactly once: {missing}; unacknowledged payments stored: {extra_payments}"
    );
    Outcome {
        mode,
        rate: samples.len() as f64 / elapsed.as_secs_f64(),
        reads,
        writes,
        server_errors,
        not_once: missing,
        health: baseline,
    }
}
