//! The collection agenda over a realistic ledger.
//!
//!     cargo bench -p settle-bench --bench agenda
//!
//! 2,000 customers and 200,000 open items (100 each, due dates spread over the year), 200
//! customers with a live dispute follow-up on 10 of their items, 200 with a reminder done.
//! Through settle-host (agenda component): p50/p99 of `GET /api/v1/agenda` (first page of
//! 50 entries; every customer has a step or an action due) and with a collector filter,
//! beside `GET /api/v1/health` measured in the same run.

use serde_json::{Value, json};
use settle_bench::{post_json, report, time_calls};
use settle_host::testing::{TestServer, workspace_root};

const TOKEN: &str = "bench-admin";
const CUSTOMERS: usize = 2_000;
const PER_CUSTOMER: usize = 100;

fn post(s: &TestServer, path: &str, body: &Value) -> settle_host::testing::TestResponse {
    post_json(s, TOKEN, path, &body.to_string())
}

fn item_id(c: usize, i: usize) -> String {
    format!("A{c:04}-{i:03}")
}

fn main() {
    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), TOKEN.into());
        c.log_requests = false;
    });
    let customers: Vec<Value> = (0..CUSTOMERS)
        .map(|c| {
            json!({"id": format!("K{c:04}"), "name": format!("Customer {c}"), "entity": "FR01",
                   "currency": "EUR", "collector": format!("collector{}", c % 10)})
        })
        .collect();
    let r = post(
        &server,
        "/api/v1/erp/customers",
        &json!({"customers": customers}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    for half in 0..2 {
        let items: Vec<Value> = (half * CUSTOMERS / 2..(half + 1) * CUSTOMERS / 2)
            .flat_map(|c| {
                (0..PER_CUSTOMER).map(move |i| {
                    json!({"id": item_id(c, i), "customer_id": format!("K{c:04}"), "kind": "invoice",
                           "number": format!("F{c}-{i}"), "issue_date": "2025-01-01",
                           "due_date": format!("2025-{:02}-{:02}", 1 + (i + c) % 12, 1 + (i * 7 + c) % 28),
                           "amount": "100.00", "open_amount": "100.00", "currency": "EUR"})
                })
            })
            .collect();
        let r = post(&server, "/api/v1/erp/items", &json!({"items": items}));
        assert_eq!(r.status, 200, "{}", r.text());
    }
    for c in 0..200 {
        let ids: Vec<String> = (0..10).map(|i| item_id(c, i)).collect();
        let r = post(
            &server,
            "/api/v1/status-changes",
            &json!({"item_ids": ids, "status": "price_dispute", "comment": "c", "status_date": "2025-03-01",
                    "next_action": "suggested"}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        let r = post(
            &server,
            "/api/v1/reminders",
            &json!({"customer_id": format!("K{:04}", 1000 + c), "done_on": "2025-06-30"}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
    }
    let auth = format!("Bearer {TOKEN}");
    let get = |path: &str| {
        let r = server.request("GET", path, &[("authorization", &auth)], &[]);
        assert_eq!(r.status, 200, "{}", r.text());
        r
    };
    let first = get("/api/v1/agenda?date=2025-06-30").json();
    println!(
        "ledger: {CUSTOMERS} customers, {} open items; agenda on 2025-06-30 holds {} entries",
        CUSTOMERS * PER_CUSTOMER,
        first["total"]
    );
    let health = report(
        "GET /api/v1/health (baseline, same run)",
        time_calls(30, || {
            assert_eq!(server.get("/api/v1/health").status, 200);
        }),
    );
    let agenda = report(
        "GET /api/v1/agenda (first page of 50)",
        time_calls(30, || {
            get("/api/v1/agenda?date=2025-06-30");
        }),
    );
    report(
        "GET /api/v1/agenda?collector=collector3 (first page)",
        time_calls(30, || {
            get("/api/v1/agenda?date=2025-06-30&collector=collector3");
        }),
    );
    report(
        "GET /api/v1/agenda, page 20 (cursor)",
        time_calls(30, || {
            get("/api/v1/agenda?date=2025-06-30&cursor=1000");
        }),
    );
    println!(
        "{:<60} {:>7.1}x",
        "agenda p50 / health p50",
        agenda / health
    );
    println!("target: agenda p50 under 100 ms");
}
