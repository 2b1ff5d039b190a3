//! The resolver's page and the customer's page for an account of 1,000 open items.
//!
//!     cargo bench -p settle-bench --bench pages
//!
//! Through settle-host (resolver-page and customer-page components, Spin SQLite and
//! key-value): p50/p99 of `GET /r/{token}` (a 20-item dispute of that account, its thread
//! and the account summary with the other 980 open items) and `GET /c/{token}` (the whole
//! statement, forms and tracker), beside `GET /api/v1/health` in the same run.
//! Target: each page p50 under 25 ms.

use serde_json::{Value, json};
use settle_bench::{post_json, report, time_calls};
use settle_host::testing::{TestServer, workspace_root};

const TOKEN: &str = "bench-admin";
const ITEMS: usize = 1_000;
const CALLS: usize = 200;

fn post(s: &TestServer, path: &str, body: &Value) -> Value {
    let r = post_json(s, TOKEN, path, &body.to_string());
    assert!(r.status < 300, "{path}: {}", r.text());
    r.json()
}

/// The page path of the first link of `audience` in an email's HTML.
fn link(html: &str, prefix: &str) -> String {
    let at = html.find(prefix).expect("a link");
    html[at..].chars().take_while(|c| *c != '"').collect()
}

fn main() {
    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), TOKEN.into());
        c.log_requests = false;
    });
    post(
        &server,
        "/api/v1/erp/customers",
        &json!({"customers": [{"id": "BIG", "name": "Big Account", "entity": "FR01",
                               "currency": "EUR", "email": "ap@big.example", "language": "fr"}]}),
    );
    let items: Vec<Value> = (0..ITEMS)
        .map(|i| {
            json!({"id": format!("P{i:05}"), "customer_id": "BIG", "kind": "invoice",
                   "number": format!("F-{i}"), "issue_date": "2025-01-01",
                   "due_date": format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                   "amount": "125.40", "open_amount": "125.40", "currency": "EUR"})
        })
        .collect();
    post(&server, "/api/v1/erp/items", &json!({"items": items}));
    let resolver = post(
        &server,
        "/api/v1/admin/resolvers",
        &json!({"name": "Sam", "email": "sam@corp.example", "role": "sales"}),
    )["id"]
        .clone();
    let ids: Vec<String> = (0..20).map(|i| format!("P{i:05}")).collect();
    let change = post(
        &server,
        "/api/v1/status-changes",
        &json!({"item_ids": ids, "status": "price_dispute", "comment": "Price not as agreed",
                "resolver_id": resolver, "next_action": "suggested"}),
    )["status_change_id"]
        .clone();
    let r = post(
        &server,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": change}),
    );
    let resolver_page = link(r["html"].as_str().unwrap(), "/r/");
    let r = post(
        &server,
        "/api/v1/emails",
        &json!({"template": "customer_confirmation", "status_change_id": change}),
    );
    let customer_page = link(r["html"].as_str().unwrap(), "/c/");
    println!("account of {ITEMS} open items, 20 in the dispute; {CALLS} timed calls each");

    let health = report(
        "GET /api/v1/health (baseline, same run)",
        time_calls(CALLS, || {
            assert_eq!(server.get("/api/v1/health").status, 200);
        }),
    );
    let resolver_p50 = report(
        "GET /r/{token} (resolver page, 1,000-item account)",
        time_calls(CALLS, || {
            let r = server.get(&resolver_page);
            assert_eq!(r.status, 200, "{}", r.text());
        }),
    );
    let customer_p50 = report(
        "GET /c/{token} (customer page, 1,000 open items)",
        time_calls(CALLS, || {
            let r = server.get(&customer_page);
            assert_eq!(r.status, 200, "{}", r.text());
        }),
    );
    println!(
        "{:<60} {:>7.1}x / {:.1}x",
        "resolver / customer page p50 ÷ health p50",
        resolver_p50 / health,
        customer_p50 / health
    );
    println!("target: each page p50 under 25 ms");
}
