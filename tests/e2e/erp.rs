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
    // Customers come as files too; one without the needed columns is refused, naming them.
    let v = problem(
        &s.request(
            "POST",
            "/api/v1/erp/customers",
            &[("authorization", &auth), ("content-type", "text/csv")],
            b"id\n1\n",
        ),
        422,
    );
    assert_eq!(v["errors"][0]["pointer"], "line 1");
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"name") && fields.contains(&"entity"),
        "{v}"
    );
    // Other media types are not read.
    problem(
        &s.request(
            "POST",
            "/api/v1/erp/customers",
            &[
                ("authorization", &auth),
                ("content-type", "application/xml"),
            ],
            b"<customers/>",
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
        json!({"payments": [{"id": "PAY-5", "item_id": "I1", "amount": "40.00", "date": "2025-02-01", "reference": "VIR-1"}, {"id": "PAY-6", "item_id": "I2", "amount": "10", "date": "2025-02-01"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json()["payments"],
        json!({"applied": 2, "already_applied": 0, "closed": 1})
    );
    assert_eq!(open_ids(&s), vec!["I1"]);
    let v = problem(
        &pay(
            json!({"payments": [{"id": "PAY-7", "item_id": "I1", "amount": "60.01", "date": "2025-02-02"}]}),
        ),
        422,
    );
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("overpayment")
    );
    problem(
        &pay(
            json!({"payments": [{"id": "PAY-8", "item_id": "I404", "amount": "1", "date": "2025-02-02"}]}),
        ),
        422,
    );
    problem(
        &pay(
            json!({"payments": [{"id": "PAY-9", "item_id": "I1", "amount": "1", "date": "2025-02-31"}]}),
        ),
        422,
    );
    problem(
        &pay(
            json!({"payments": [{"id": "PAY-10", "item_id": "I2", "amount": "1", "date": "2025-02-02"}]}),
        ),
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
    let body = json!({"payments": [{"id": "PAY-11", "item_id": "I1", "amount": "10.00", "date": "2025-02-01"}]})
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

fn open_amount(s: &settle_host::testing::TestServer, id: &str) -> Value {
    let v = get(s, "/api/v1/items?limit=1000&as_of=2025-03-01", ADMIN_TOKEN).json();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .map(|i| i["open_amount"].clone())
        .unwrap_or(Value::Null)
}

#[test]
fn a_payment_id_applies_once_and_cannot_be_rewritten() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I1", "C1", "2025-01-31", "100.00", "100.00")],
    );
    let pay = |amount: &str| {
        call(
            &s,
            "POST",
            "/api/v1/erp/payments",
            ADMIN_TOKEN,
            &json!({"payments": [{"id": "BANK-1", "item_id": "I1", "amount": amount, "date": "2025-02-01"}]}),
        )
    };
    assert_eq!(
        pay("10.00").json()["payments"],
        json!({"applied": 1, "already_applied": 0, "closed": 0})
    );
    // The same payment again, without an Idempotency-Key: a no-op, answered as such.
    for _ in 0..2 {
        let r = pay("10.00");
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(
            r.json()["payments"],
            json!({"applied": 0, "already_applied": 1, "closed": 0})
        );
    }
    assert_eq!(open_amount(&s, "I1"), "90.00");
    // The same id saying something else is a conflict naming it; nothing changes.
    let v = problem(&pay("20.00"), 409);
    assert_eq!(v["errors"][0]["pointer"], "/payments/0/id");
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("BANK-1")
    );
    assert_eq!(open_amount(&s, "I1"), "90.00");
    // A payment without an id is refused.
    let r = call(
        &s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"item_id": "I1", "amount": "1.00", "date": "2025-02-01"}]}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/payments/0/id"]);
}

#[test]
fn amounts_cannot_overflow_any_sum() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let huge = "999999999999999.99";
    let r = push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("H1", "C1", "2025-01-31", huge, huge)],
    );
    let v = problem(&r, 422);
    assert_eq!(pointers(&v), ["/items/0/amount", "/items/0/open_amount"]);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("too large")
    );
    // At the per-item limit, a customer still cannot pile up more than the sums can hold.
    let max = "1000000000000.00";
    let many: Vec<Value> = (0..1001)
        .map(|i| item(&format!("M{i}"), "C1", "2025-01-31", max, max))
        .collect();
    let v = problem(&push_items(&s, ADMIN_TOKEN, "delta", many), 422);
    assert!(v["detail"].as_str().unwrap().contains("C1"), "{v}");
    assert!(open_ids(&s).is_empty(), "nothing was written");
    let fine: Vec<Value> = (0..1000)
        .map(|i| item(&format!("M{i}"), "C1", "2025-01-31", max, max))
        .collect();
    assert_eq!(push_items(&s, ADMIN_TOKEN, "delta", fine).status, 200);
    let c = get(&s, "/api/v1/customers/C1?as_of=2025-03-01", ADMIN_TOKEN).json();
    assert_eq!(c["balances"][0]["outstanding"], "1000000000000000.00");
    assert_eq!(
        get(&s, "/api/v1/agenda?date=2025-03-01", ADMIN_TOKEN).status,
        200
    );
}

#[test]
fn an_erp_update_never_silently_moves_held_items_or_re_denominates_paid_ones() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![
            item("I1", "C1", "2025-01-31", "100.00", "100.00"),
            item("I2", "C1", "2025-01-31", "50.00", "50.00"),
        ],
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/status-changes",
        ADMIN_TOKEN,
        &json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "wrong price", "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    call(
        &s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "P1", "item_id": "I2", "amount": "5.00", "date": "2025-02-01"}]}),
    );
    let moved = item("I1", "C2", "2025-01-31", "100.00", "100.00");
    let mut dollars = item("I2", "C1", "2025-01-31", "50.00", "45.00");
    dollars["currency"] = json!("USD");
    let v = problem(
        &push_items(&s, ADMIN_TOKEN, "delta", vec![moved, dollars]),
        409,
    );
    assert_eq!(pointers(&v), ["/items/0/customer_id", "/items/1/currency"]);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("\"I1\"")
    );
    let statement = get(&s, "/api/v1/customers/C1/statement", ADMIN_TOKEN).json();
    assert_eq!(
        statement["items"].as_array().unwrap().len(),
        2,
        "nothing moved"
    );
    // Moving an item nothing holds is an ordinary update.
    let r = push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I2", "C2", "2025-01-31", "50.00", "45.00")],
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn erp_rows_refuse_unknown_fields_control_characters_and_year_zero() {
    let s = start();
    let r = call(
        &s,
        "POST",
        "/api/v1/erp/customers",
        ADMIN_TOKEN,
        &json!({"customers": [
            {"id": "C1", "name": "Acme", "entity": "FR01", "currency": "EUR", "vat": "FR123"},
            {"id": "C\u{0}2", "name": "Nul", "entity": "FR01", "currency": "EUR"}
        ]}),
    );
    assert_eq!(
        pointers(&problem(&r, 422)),
        ["/customers/0/vat", "/customers/1/id"]
    );
    customers(&s, ADMIN_TOKEN);
    let r = push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I1", "C1", "0000-01-01", "1.00", "1.00")],
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/items/0/due_date"]);
    assert!(open_ids(&s).is_empty());
}
