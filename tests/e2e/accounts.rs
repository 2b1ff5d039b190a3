use serde_json::{Value, json};

use crate::support::*;

fn setup() -> (settle_host::testing::TestServer, String) {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let mut credit = item("CN1", "C1", "2025-01-10", "30.00", "30.00");
    credit["kind"] = json!("credit_note");
    let mut usd = item("U1", "C1", "2025-01-20", "99.99", "99.99");
    usd["currency"] = json!("USD");
    let r = push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![
            item("I1", "C1", "2025-01-31", "100.00", "100.00"),
            item("I2", "C1", "2025-02-28", "50.00", "20.00"),
            item("I3", "C1", "2025-04-30", "80.00", "80.00"),
            item("I4", "C2", "2025-01-31", "10.00", "10.00"),
            credit,
            usd,
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let collector = token(&s, "collector");
    (s, collector)
}

#[test]
fn customer_with_balances_per_currency() {
    let (s, collector) = setup();
    let r = get(&s, "/api/v1/customers/C1?as_of=2025-03-15", &collector);
    assert_eq!(r.status, 200, "{}", r.text());
    let c = r.json();
    assert_eq!(c["id"], "C1");
    assert_eq!(c["name"], "Acme SA");
    assert_eq!(c["as_of"], "2025-03-15");
    let eur = c["balances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["currency"] == "EUR")
        .unwrap()
        .clone();
    // 100 + 20 + 80 - 30 credit note; overdue: I1 and I2 (credits are never overdue).
    assert_eq!(eur["outstanding"], "170.00");
    assert_eq!(eur["overdue"], "120.00");
    assert_eq!(eur["disputed"], "0.00");
    assert_eq!(eur["open_items"], 4);
    let usd = c["balances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["currency"] == "USD")
        .unwrap()
        .clone();
    assert_eq!(usd["outstanding"], "99.99");
    // Earlier as_of: nothing overdue yet.
    let early = get(&s, "/api/v1/customers/C1?as_of=2025-01-01", &collector).json();
    assert_eq!(early["balances"][0]["overdue"], "0.00");
    problem(&get(&s, "/api/v1/customers/C404", &collector), 404);
    problem(
        &get(&s, "/api/v1/customers/C1?as_of=2025-02-30", &collector),
        400,
    );
    problem(
        &get(&s, "/api/v1/customers/C1?asof=2025-01-01", &collector),
        400,
    );
}

fn ids(v: &Value) -> Vec<&str> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect()
}

#[test]
fn statement_lines_filters_and_cursor() {
    let (s, collector) = setup();
    let st = get(
        &s,
        "/api/v1/customers/C1/statement?as_of=2025-03-15",
        &collector,
    )
    .json();
    assert_eq!(
        ids(&st),
        vec!["CN1", "U1", "I1", "I2", "I3"],
        "sorted by due date"
    );
    let i1 = &st["items"][2];
    assert_eq!(i1["number"], "F-I1");
    assert_eq!(i1["kind"], "invoice");
    assert_eq!(i1["amount"], "100.00");
    assert_eq!(i1["open_amount"], "100.00");
    assert_eq!(i1["currency"], "EUR");
    assert_eq!(i1["overdue"], true);
    assert_eq!(i1["days_overdue"], 43);
    assert_eq!(i1["status"], Value::Null);
    assert_eq!(i1["resolver"], Value::Null);
    assert_eq!(i1["in_scenario"], true);
    assert_eq!(st["next_cursor"], Value::Null);

    let f = |q: &str| {
        get(
            &s,
            &format!("/api/v1/customers/C1/statement?as_of=2025-03-15&{q}"),
            &collector,
        )
        .json()
    };
    assert_eq!(ids(&f("overdue=true")), vec!["U1", "I1", "I2"]);
    assert_eq!(ids(&f("overdue=false")), vec!["CN1", "I3"]);
    assert_eq!(ids(&f("kind=credit_note")), vec!["CN1"]);
    assert_eq!(ids(&f("disputed=true")), Vec::<&str>::new());
    assert_eq!(ids(&f("disputed=false")).len(), 5);
    assert_eq!(ids(&f("status=price_dispute")), Vec::<&str>::new());
    assert_eq!(ids(&f("resolver_id=1")), Vec::<&str>::new());

    // Pages of two, following the cursor.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    for _ in 0..5 {
        let page = f(&format!("limit=2{cursor}"));
        seen.extend(ids(&page).into_iter().map(str::to_string));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, vec!["CN1", "U1", "I1", "I2", "I3"]);

    for bad in [
        "overdue=yes",
        "kind=bill",
        "limit=0",
        "limit=5000",
        "cursor=garbage",
        "resolver_id=x",
        "colour=red",
    ] {
        let r = get(
            &s,
            &format!("/api/v1/customers/C1/statement?{bad}"),
            &collector,
        );
        problem(&r, 400);
    }
    problem(
        &get(&s, "/api/v1/customers/C404/statement", &collector),
        404,
    );
    // A filter naming no status is a 404 that names it, as an unknown path id is.
    let r = get(&s, "/api/v1/customers/C1/statement?status=nope", &collector);
    problem(&r, 404);
    assert!(r.text().contains("status"), "{}", r.text());
    problem(
        &call(
            &s,
            "POST",
            "/api/v1/customers/C1/statement",
            &collector,
            &json!({}),
        ),
        405,
    );
}

#[test]
fn items_across_customers_and_history() {
    let (s, collector) = setup();
    let all = get(&s, "/api/v1/items?as_of=2025-03-15", &collector).json();
    assert_eq!(ids(&all).len(), 6);
    assert_eq!(
        ids(&get(&s, "/api/v1/items?customer_id=C2", &collector).json()),
        vec!["I4"]
    );
    assert_eq!(
        ids(&get(&s, "/api/v1/items?entity=DE01", &collector).json()),
        vec!["I4"]
    );
    problem(&get(&s, "/api/v1/items?customer_id=C404", &collector), 404);

    let h = get(&s, "/api/v1/items/I2/history", &collector).json();
    assert_eq!(h["item_id"], "I2");
    let first = &h["history"][0];
    assert_eq!(first["event"], "created");
    assert_eq!(first["actor"], "admin-bootstrap");
    assert_eq!(first["details"]["open_amount"], "20.00");
    assert!(first["at"].as_str().unwrap().ends_with('Z'));
    problem(&get(&s, "/api/v1/items/NOPE/history", &collector), 404);
    problem(&get(&s, "/api/v1/items/I2/whatever", &collector), 404);
}
