use serde_json::{Value, json};

use crate::support::*;

#[test]
fn customers_upsert_and_bad_rows() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let r = call(
        &s,
        "POST",
        "/api/v1/erp/customers",
        ADMIN_TOKEN,
        &json!({"customers": [
            {"id": "C1", "name": "Acme SAS", "entity": "FR01", "language": "fr", "currency": "EUR", "email": "ap@acme.fr", "collector": "alice"},
            {"id": "C3", "name": "Gamma", "entity": "FR01", "currency": "USD"}
        ]}),
    );
    assert_eq!(
        r.json()["customers"],
        json!({"created": 1, "updated": 1, "unchanged": 0, "closed": 0})
    );
    assert_eq!(
        get(&s, "/api/v1/customers/C1", ADMIN_TOKEN).json()["name"],
        "Acme SAS"
    );

    let v = problem(
        &call(
            &s,
            "POST",
            "/api/v1/erp/customers",
            ADMIN_TOKEN,
            &json!({"customers": [
                {"id": "C4", "name": "Ok", "entity": "FR01", "currency": "EUR"},
                {"id": "C5", "name": "Bad", "entity": "FR01", "currency": "EURO", "email": "nope"},
                {"id": "C4", "name": "Dup", "entity": "FR01", "currency": "EUR"}
            ]}),
        ),
        422,
    );
    assert_eq!(
        pointers(&v),
        vec![
            "/customers/1/currency",
            "/customers/1/email",
            "/customers/2/id"
        ]
    );
    problem(&get(&s, "/api/v1/customers/C4", ADMIN_TOKEN), 404);
}

#[test]
fn items_delta_then_stock() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let r = push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![
            item("I1", "C1", "2025-01-31", "100.00", "100.00"),
            item("I2", "C1", "2025-02-28", "50.00", "50.00"),
            item("I3", "C2", "2025-02-28", "70.00", "70.00"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json()["items"],
        json!({"created": 3, "updated": 0, "unchanged": 0, "closed": 0})
    );
    // Re-sending is a no-op; a change is an update with history.
    let r = push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![
            item("I1", "C1", "2025-01-31", "100.00", "60.00"),
            item("I2", "C1", "2025-02-28", "50.00", "50.00"),
        ],
    );
    assert_eq!(
        r.json()["items"],
        json!({"created": 0, "updated": 1, "unchanged": 1, "closed": 0})
    );
    let h = get(&s, "/api/v1/items/I1/history", ADMIN_TOKEN).json();
    assert_eq!(
        h["history"][1]["details"]["open_amount"],
        json!({"from": "100.00", "to": "60.00"})
    );
    // A stock snapshot of FR01 without I2 closes I2 only (I3 is DE01).
    let r = call(
        &s,
        "POST",
        "/api/v1/erp/items",
        ADMIN_TOKEN,
        &json!({"mode": "stock", "entity": "FR01", "items": [item("I1", "C1", "2025-01-31", "100.00", "60.00")]}),
    );
    assert_eq!(
        r.json()["items"],
        json!({"created": 0, "updated": 0, "unchanged": 1, "closed": 1})
    );
    assert_eq!(open_ids(&s), vec!["I1", "I3"]);
    let h = get(&s, "/api/v1/items/I2/history", ADMIN_TOKEN).json();
    assert_eq!(
        h["history"].as_array().unwrap().last().unwrap()["details"]["reason"],
        "missing from stock snapshot"
    );
}

#[test]
fn items_csv() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let csv = "id,customer_id,kind,number,issue_date,due_date,amount,open_amount,currency\n\
               I1,C1,invoice,F-1,2025-01-01,2025-01-31,100.00,100.00,EUR\n\
               I2,C1,credit_note,\"AV,2\",2025-01-05,2025-01-05,20.00,20.00,EUR\n";
    let auth = bearer(ADMIN_TOKEN);
    let r = s.request(
        "POST",
        "/api/v1/erp/items?mode=stock&entity=FR01",
        &[("authorization", &auth), ("content-type", "text/csv")],
        csv.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["mode"], "stock");
    assert_eq!(r.json()["items"]["created"], 2);
    let bad = "id,customer_id,kind,number,issue_date,due_date,amount,open_amount,currency\n\
               I3,C1,invoice,F-3,2025-01-01,2025-02-30,100.00,100.00,EUR\n\
               I4,C1,invoice,F-4,2025-01-01\n";
    let r = s.request(
        "POST",
        "/api/v1/erp/items",
        &[("authorization", &auth), ("content-type", "text/csv")],
        bad.as_bytes(),
    );
    let v = problem(&r, 422);
    assert_eq!(v["errors"][0]["pointer"], "line 2");
    assert_eq!(v["errors"][0]["field"], "due_date");
    assert_eq!(v["errors"][1]["pointer"], "line 3");
    assert_eq!(open_ids(&s), vec!["I2", "I1"]);
    // CSV is for items only.
    problem(
        &s.request(
            "POST",
            "/api/v1/erp/customers",
            &[("authorization", &auth), ("content-type", "text/csv")],
            b"id\n1\n",
        ),
        415,
    );
}

/// Every bad input answers a problem naming the row and field, and changes nothing.
#[test]
fn bad_item_batches_change_nothing() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I1", "C1", "2025-01-31", "100.00", "100.00")],
    );
    let with = |field: &str, value: Value| {
        let mut it = item("NEW", "C1", "2025-01-31", "100.00", "100.00");
        it[field] = value;
        it
    };
    let cases: Vec<(Value, &str)> = vec![
        (with("customer_id", json!("C404")), "/items/1/customer_id"),
        (with("currency", json!("EUX")), "/items/1/currency"),
        (with("amount", json!("100.001")), "/items/1/amount"),
        (with("amount", json!(100.5)), "/items/1/amount"),
        (with("amount", json!("-3")), "/items/1/amount"),
        (with("open_amount", json!("100.01")), "/items/1/open_amount"),
        (with("due_date", json!("2024-12-31")), "/items/1/due_date"),
        (
            with("issue_date", json!("2025-02-30")),
            "/items/1/issue_date",
        ),
        (with("kind", json!("bill")), "/items/1/kind"),
        (with("id", json!("I1")), "/items/1/id"),
    ];
    for (bad, pointer) in cases {
        let r = push_items(
            &s,
            ADMIN_TOKEN,
            "stock",
            vec![item("I1", "C1", "2025-01-31", "100.00", "50.00"), bad],
        );
        let v = problem(&r, 422);
        assert_eq!(pointers(&v), vec![pointer.to_string()], "{v}");
        // Nothing changed: I1 still 100.00 open, no NEW, and the stock did not close anything.
        let items = get(&s, "/api/v1/items?as_of=2025-03-01", ADMIN_TOKEN).json();
        assert_eq!(items["items"].as_array().unwrap().len(), 1);
        assert_eq!(items["items"][0]["open_amount"], "100.00");
    }
    let auth = bearer(ADMIN_TOKEN);
    problem(
        &s.request(
            "POST",
            "/api/v1/erp/items",
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
            ],
            b"{\"items\": [}",
        ),
        400,
    );
    problem(
        &s.request(
            "POST",
            "/api/v1/erp/items",
            &[
                ("authorization", &auth),
                ("content-type", "application/xml"),
            ],
            b"<x/>",
        ),
        415,
    );
    let v = problem(
        &call(
            &s,
            "POST",
            "/api/v1/erp/items",
            ADMIN_TOKEN,
            &json!({"mode": "full", "items": [item("I9", "C1", "2025-01-31", "1", "1")]}),
        ),
        422,
    );
    assert_eq!(pointers(&v), vec!["/mode"]);
    problem(
        &call(&s, "GET", "/api/v1/erp/items", ADMIN_TOKEN, &Value::Null),
        405,
    );
    problem(
        &call(&s, "POST", "/api/v1/erp/invoices", ADMIN_TOKEN, &json!({})),
        404,
    );
    assert_eq!(open_ids(&s), vec!["I1"]);
    let h = get(&s, "/api/v1/items/I1/history", ADMIN_TOKEN).json();
    assert_eq!(
        h["history"].as_array().unwrap().len(),
        1,
        "only the creation"
    );
}

#[test]
fn oversized_body_is_413() {
    let s = start();
    let big = vec![b' '; 49 * 1024 * 1024];
    let auth = bearer(ADMIN_TOKEN);
    let r = s.request(
        "POST",
        "/api/v1/erp/items",
        &[
            ("authorization", &auth),
            ("content-type", "application/json"),
        ],
        &big,
    );
    let v = problem(&r, 413);
    assert!(v["detail"].as_str().unwrap().contains("limit"));
}

#[test]
fn payments_reduce_and_close() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![
            item("I1", "C1", "2025-01-31", "100.00", "100.00"),
            item("I2", "C1", "2025-01-31", "10.00", "10.00"),
        ],
    );
    let pay = |body: Value| call(&s, "POST", "/api/v1/erp/payments", ADMIN_TOKEN, &body);
    let r = pay(
        json!({"payments": [{"item_id": "I1", "amount": "40.00", "date": "2025-02-01", "reference": "VIR-1"}, {"item_id": "I2", "amount": "10", "date": "2025-02-01"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["payments"], json!({"applied": 2, "closed": 1}));
    assert_eq!(open_ids(&s), vec!["I1"]);
    let v = problem(
        &pay(json!({"payments": [{"item_id": "I1", "amount": "60.01", "date": "2025-02-02"}]})),
        422,
    );
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("overpayment")
    );
    problem(
        &pay(json!({"payments": [{"item_id": "I404", "amount": "1", "date": "2025-02-02"}]})),
        422,
    );
    problem(
        &pay(json!({"payments": [{"item_id": "I1", "amount": "1", "date": "2025-02-31"}]})),
        422,
    );
    problem(
        &pay(json!({"payments": [{"item_id": "I2", "amount": "1", "date": "2025-02-02"}]})),
        422,
    );
    let items = get(&s, "/api/v1/items?as_of=2025-03-01", ADMIN_TOKEN).json();
    assert_eq!(items["items"][0]["open_amount"], "60.00");
}

#[test]
fn idempotency_keys_replay_and_conflict() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I1", "C1", "2025-01-31", "100.00", "100.00")],
    );
    let auth = bearer(ADMIN_TOKEN);
    let body = json!({"payments": [{"item_id": "I1", "amount": "10.00", "date": "2025-02-01"}]})
        .to_string();
    let send = |key: &str, body: &str| {
        s.request(
            "POST",
            "/api/v1/erp/payments",
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
                ("idempotency-key", key),
            ],
            body.as_bytes(),
        )
    };
    let first = send("pay-1", &body);
    assert_eq!(first.status, 200, "{}", first.text());
    let again = send("pay-1", &body);
    assert_eq!(again.status, 200);
    assert_eq!(again.json(), first.json());
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let items = get(&s, "/api/v1/items?as_of=2025-03-01", ADMIN_TOKEN).json();
    assert_eq!(items["items"][0]["open_amount"], "90.00", "paid once");
    let other = body.replace("10.00", "20.00");
    problem(&send("pay-1", &other), 409);
    // A failed request is not remembered: fixing it and retrying with the same key works.
    let bad = body.replace("I1", "I404");
    problem(&send("pay-2", &bad), 422);
    assert_eq!(send("pay-2", &body).status, 200);
}

#[test]
fn hundred_thousand_items_in_one_batch() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let items: Vec<Value> = (0..100_000)
        .map(|i| {
            item(
                &format!("B{i:06}"),
                if i % 2 == 0 { "C1" } else { "C2" },
                "2025-02-15",
                "123.45",
                "123.45",
            )
        })
        .collect();
    let body = json!({"mode": "delta", "items": items}).to_string();
    assert!(body.len() < 48 * 1024 * 1024);
    let auth = bearer(ADMIN_TOKEN);
    let r = s.request(
        "POST",
        "/api/v1/erp/items",
        &[
            ("authorization", &auth),
            ("content-type", "application/json"),
        ],
        body.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["items"]["created"], 100_000);
    let c = get(&s, "/api/v1/customers/C1?as_of=2025-03-01", ADMIN_TOKEN).json();
    assert_eq!(c["balances"][0]["outstanding"], "6172500.00");
    assert_eq!(c["balances"][0]["open_items"], 50_000);
}
