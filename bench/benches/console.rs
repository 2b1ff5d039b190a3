//! The console's customer sheet (the statement of account) for a customer of 5,000 open
//! items, and the customers list, through settle-host.
//!
//!     cargo bench -p settle-bench --bench console
//!
//! A signed-in session (cookie) opens `GET /app/customers/BIG`: the totals of the 5,000
//! items, their first page of 200 rows with checkboxes, status, resolver and dunning state,
//! the live actions, the next scenario step and the history; then a later page (by its
//! cursor). 200 of the items are in a price dispute with a follow-up. p50/p99 beside
//! `GET /api/v1/health` in the same run. Target: the sheet p50 under 50 ms.

use serde_json::{Value, json};
use settle_bench::{post_json, report, time_calls};
use settle_host::testing::{TestServer, workspace_root};

const TOKEN: &str = "bench-admin";
const ITEMS: usize = 5_000;
const CALLS: usize = 100;
const PASSWORD: &str = "correct horse battery staple";

fn post(s: &TestServer, path: &str, body: &Value) -> Value {
    let r = post_json(s, TOKEN, path, &body.to_string());
    assert!(r.status < 300, "{path}: {}", r.text());
    r.json()
}

/// Signs in through the form; answers the session cookie.
fn session(s: &TestServer) -> String {
    settle_bench::sign_in(s, "bench@corp.example", PASSWORD)
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
    for chunk in (0..ITEMS).collect::<Vec<_>>().chunks(1_000) {
        let items: Vec<Value> = chunk
            .iter()
            .map(|i| {
                json!({"id": format!("P{i:05}"), "customer_id": "BIG", "kind": "invoice",
                       "number": format!("F-{i}"), "issue_date": "2025-01-01",
                       "due_date": format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                       "amount": "125.40", "open_amount": "125.40", "currency": "EUR"})
            })
            .collect();
        post(&server, "/api/v1/erp/items", &json!({"items": items}));
    }
    let resolver = post(
        &server,
        "/api/v1/admin/resolvers",
        &json!({"name": "Sam", "email": "sam@corp.example", "role": "sales"}),
    )["id"]
        .clone();
    let ids: Vec<String> = (0..200).map(|i| format!("P{i:05}")).collect();
    post(
        &server,
        "/api/v1/status-changes",
        &json!({"item_ids": ids, "status": "price_dispute", "comment": "Price not as agreed",
                "resolver_id": resolver, "next_action": "suggested"}),
    );
    post(
        &server,
        "/api/v1/admin/users",
        &json!({"name": "Bench", "email": "bench@corp.example", "role": "collector",
                "language": "en", "password": PASSWORD}),
    );
    let cookie = session(&server);
    println!("one customer of {ITEMS} open items, 200 in a dispute; {CALLS} timed calls each");
    let get = |path: &str| {
        let r = server.request("GET", path, &[("cookie", &cookie)], b"");
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        r
    };
    let first = get("/app/customers/BIG").text();
    assert_eq!(
        first.matches("name=\"item\"").count(),
        200, // components/console SHEET_PAGE
        "a page of items"
    );
    assert!(first.contains(">5,000<"), "the totals count every item");
    let next = first.find("rel=\"next\"").expect("a next page");
    let at = first[..next].rfind("href=\"").unwrap() + 6;
    let later: String = first[at..].chars().take_while(|c| *c != '"').collect();
    let later = later.replace("&amp;", "&").replace("&#x2f;", "/");

    let health = report(
        "GET /api/v1/health (baseline, same run)",
        time_calls(CALLS, || {
            assert_eq!(server.get("/api/v1/health").status, 200);
        }),
    );
    let sheet = report(
        "GET /app/customers/BIG (sheet, 5,000 items)",
        time_calls(CALLS, || {
            get("/app/customers/BIG");
        }),
    );
    let page_two = report(
        "GET /app/customers/BIG?cursor=… (the next page)",
        time_calls(CALLS, || {
            get(&later);
        }),
    );
    let list = report(
        "GET /app/customers (list)",
        time_calls(CALLS, || {
            get("/app/customers");
        }),
    );
    println!(
        "{:<60} {:>7.1}x / {:.1}x / {:.1}x",
        "sheet / next page / list p50 ÷ health p50",
        sheet / health,
        page_two / health,
        list / health
    );
    println!("target: the sheet p50 under 50 ms");
}
