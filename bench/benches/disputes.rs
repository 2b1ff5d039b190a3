//! Qualifying items: a status change of 100 items with the suggested follow-up action.
//!
//!     cargo bench -p settle-bench --bench disputes
//!
//! Through settle-host (change-status component, Spin SQLite): p50/p99 of
//! `POST /api/v1/status-changes` on 100 items each time (a fresh slice of a customer's
//! 10,500 open items, so every call writes 100 status updates, 200 history rows and an
//! action), the same call as a dry run, the same call with `amounts` putting part of every
//! item in dispute (issue 24: each item's case opened over that part), and
//! `GET /api/v1/health` measured in the same run.

use serde_json::{Value, json};
use settle_bench::{post_json, report, time_calls};
use settle_host::testing::{TestServer, workspace_root};

const TOKEN: &str = "bench-admin";
const SLICE: usize = 100;
const CALLS: usize = 100;
const ITEMS: usize = SLICE * (2 * CALLS + 5);

fn post(s: &TestServer, path: &str, body: &Value) -> settle_host::testing::TestResponse {
    post_json(s, TOKEN, path, &body.to_string())
}

fn main() {
    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), TOKEN.into());
        c.log_requests = false;
    });
    let r = post(
        &server,
        "/api/v1/erp/customers",
        &json!({"customers": [{"id": "BIG", "name": "Big", "entity": "FR01", "currency": "EUR"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let items: Vec<Value> = (0..ITEMS)
        .map(|i| {
            json!({"id": format!("D{i:06}"), "customer_id": "BIG", "kind": "invoice",
                        "number": format!("F-{i}"), "issue_date": "2025-01-01",
                        "due_date": format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                        "amount": "10.00", "open_amount": "10.00", "currency": "EUR"})
        })
        .collect();
    let r = post(&server, "/api/v1/erp/items", &json!({"items": items}));
    assert_eq!(r.status, 200, "{}", r.text());
    let r = post(
        &server,
        "/api/v1/admin/resolvers",
        &json!({"name": "Sam", "email": "sam@corp.example", "role": "sales"}),
    );
    let resolver = r.json()["id"].clone();
    let body = |slice: usize| {
        let ids: Vec<String> = (slice * SLICE..(slice + 1) * SLICE)
            .map(|i| format!("D{i:06}"))
            .collect();
        json!({"item_ids": ids, "status": "price_dispute", "comment": "Price not as agreed",
               "resolver_id": resolver, "next_action": "suggested"})
    };
    let with_amounts = |slice: usize| {
        let mut b = body(slice);
        let amounts: serde_json::Map<String, Value> = b["item_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| (id.as_str().unwrap().to_string(), json!("4.00")))
            .collect();
        b["amounts"] = Value::Object(amounts);
        b
    };
    println!("customer with {ITEMS} open items; {CALLS} timed calls of {SLICE} items each");

    let health = report(
        "GET /api/v1/health (baseline, same run)",
        time_calls(CALLS, || {
            assert_eq!(server.get("/api/v1/health").status, 200);
        }),
    );
    let dry = report(
        "POST /api/v1/status-changes?dry_run=true, 100 items",
        time_calls(CALLS, || {
            let r = post(&server, "/api/v1/status-changes?dry_run=true", &body(0));
            assert_eq!(r.status, 200, "{}", r.text());
        }),
    );
    let mut slice = 0;
    let real = report(
        "POST /api/v1/status-changes, 100 items + suggested action",
        time_calls(CALLS, || {
            let r = post(&server, "/api/v1/status-changes", &body(slice));
            assert_eq!(r.status, 201, "{}", r.text());
            slice += 1;
        }),
    );
    let partial = report(
        "POST /api/v1/status-changes, 100 items with amounts",
        time_calls(CALLS, || {
            let r = post(&server, "/api/v1/status-changes", &with_amounts(slice));
            assert_eq!(r.status, 201, "{}", r.text());
            slice += 1;
        }),
    );
    let r = server.get("/api/v1/health");
    assert_eq!(r.status, 200);
    println!(
        "{:<60} {:>7.1}x (dry run {:.1}x)",
        "status change p50 / health p50",
        real / health,
        dry / health
    );
    println!(
        "{:<60} {:>7.2}x",
        "with amounts p50 / without p50",
        partial / real
    );
    println!("target: status change p50 under 20 ms; with amounts within 1.2x of without");
}
