//! Dispute cases through the host: a dispute over part of an invoice, the case list and
//! detail, payments and credit notes from the ERP settling it, write-offs under the
//! tolerance, and every refusal answered with a problem naming the field, writing nothing.

use serde_json::{Value, json};

use crate::disputes::{World, post, qualify, world};
use crate::support::*;

/// What the ERP pushes, with the admin token.
fn erp(w: &World, path: &str, body: &Value) -> settle_host::testing::TestResponse {
    call(&w.s, "POST", path, ADMIN_TOKEN, body)
}

fn cases(w: &World, query: &str) -> Vec<Value> {
    let r = get(&w.s, &format!("/api/v1/disputes{query}"), &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["disputes"].as_array().unwrap().clone()
}

fn case(w: &World, id: i64) -> Value {
    let r = get(&w.s, &format!("/api/v1/disputes/{id}"), &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

fn amounts(c: &Value) -> [&str; 5] {
    [
        "original_amount",
        "disputed_amount",
        "paid_amount",
        "credited_amount",
        "written_off_amount",
    ]
    .map(|k| c[k].as_str().unwrap())
}

/// Today's dispute report: disputed outstanding and items, the trend's last point (today),
/// and the summary's CSV line.
fn disputed_today(w: &World) -> (String, i64, String, String) {
    let r = get(&w.s, "/api/v1/reports/disputes", &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    let b = &v["currencies"][0];
    let last = b["trend"].as_array().unwrap().last().unwrap().clone();
    let csv = get(&w.s, "/api/v1/reports/disputes?format=csv", &w.collector).text();
    let line = csv.lines().nth(1).unwrap_or_default().to_string();
    (
        b["disputed_outstanding"].as_str().unwrap().to_string(),
        b["disputed_items"].as_i64().unwrap(),
        last["disputed_outstanding"].as_str().unwrap().to_string(),
        line.split(',').nth(4).unwrap_or_default().to_string(),
    )
}

fn events(c: &Value) -> Vec<&str> {
    c["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["event"].as_str().unwrap())
        .collect()
}

#[test]
fn a_dispute_over_part_of_an_invoice_is_a_case_the_erp_settles() {
    let w = world();
    // More than I1's open 100.00, and an item outside the change: refused, nothing written.
    let r = qualify(
        &w,
        json!({"item_ids": ["I1", "I3"], "status": "price_dispute", "comment": "Wrong price",
               "amounts": {"I1": "100.01", "I2": "1.00"}, "next_action": "suggested"}),
    );
    let p = problem(&r, 422);
    assert_eq!(pointers(&p), ["/amounts/I2", "/amounts/I1"]);
    assert!(cases(&w, "").is_empty());
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "amounts": {"I1": 15}}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/amounts/I1"]);

    // 15.00 of I1 and all of I3 (80.00) in dispute.
    let r = qualify(
        &w,
        json!({"item_ids": ["I1", "I3"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": w.resolver_id, "amounts": {"I1": "15.00"}, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let list = cases(&w, "?customer_id=C1&status=open");
    assert_eq!(list.len(), 2);
    let i1 = list.iter().find(|c| c["item_id"] == "I1").unwrap().clone();
    assert_eq!(amounts(&i1), ["15.00", "15.00", "0.00", "0.00", "0.00"]);
    assert_eq!(i1["currency"], "EUR");
    assert_eq!(i1["reason"], "price_dispute");
    assert_eq!(i1["resolver_id"], w.resolver_id);
    assert_eq!(i1["entity"], "FR01");
    assert_eq!(i1["late"], false);
    let id = i1["id"].as_i64().unwrap();
    // The dispute report counts what is in dispute: 15.00 of I1 and I3's 80.00, in the
    // figures, the trend and the CSV.
    let held = |a: &str, n| (a.to_string(), n, a.to_string(), a.to_string());
    assert_eq!(disputed_today(&w), held("95.00", 2));
    // The statement shows the disputed amount beside the open amount.
    let r = get(&w.s, "/api/v1/customers/C1/statement", &w.collector);
    let lines = r.json()["items"].as_array().unwrap().clone();
    let line = lines.iter().find(|l| l["id"] == "I1").unwrap();
    assert_eq!(
        (
            &line["open_amount"],
            &line["disputed_amount"],
            &line["dispute_id"]
        ),
        (&json!("100.00"), &json!("15.00"), &json!(id))
    );
    assert_eq!(
        lines.iter().find(|l| l["id"] == "I5").unwrap()["disputed_amount"],
        Value::Null
    );
    // Filters.
    assert_eq!(cases(&w, "?item_id=I1").len(), 1);
    assert_eq!(
        cases(&w, &format!("?resolver_id={}", w.resolver_id)).len(),
        2
    );
    assert_eq!(cases(&w, "?reason=quality_dispute").len(), 0);
    assert_eq!(cases(&w, "?status=resolved").len(), 0);
    assert_eq!(cases(&w, "?late=true").len(), 0);
    let page = get(&w.s, "/api/v1/disputes?limit=1", &w.collector).json();
    let cursor = page["next_cursor"].as_str().unwrap().to_string();
    let next = cases(&w, &format!("?limit=1&cursor={cursor}"));
    assert_ne!(next[0]["id"], page["disputes"][0]["id"]);
    // Bad queries and unknown ids.
    problem(
        &get(&w.s, "/api/v1/disputes?status=maybe", &w.collector),
        400,
    );
    problem(
        &get(&w.s, "/api/v1/disputes?late=perhaps", &w.collector),
        400,
    );
    problem(&get(&w.s, "/api/v1/disputes?colour=red", &w.collector), 400);
    problem(&get(&w.s, "/api/v1/disputes?item_id=I9", &w.collector), 404);
    problem(
        &get(&w.s, "/api/v1/disputes?customer_id=C9", &w.collector),
        404,
    );
    problem(&get(&w.s, "/api/v1/disputes/999", &w.collector), 404);
    problem(&get(&w.s, "/api/v1/disputes/abc", &w.collector), 404);
    problem(&get(&w.s, "/api/v1/disputes", "wrong-token"), 401);
    problem(
        &call(
            &w.s,
            "DELETE",
            &format!("/api/v1/disputes/{id}"),
            &w.collector,
            &Value::Null,
        ),
        405,
    );

    // A payment of 90.00 without saying: 85.00 undisputed, 5.00 of the dispute.
    let r = erp(
        &w,
        "/api/v1/erp/payments",
        &json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "90.00", "date": "2025-03-20"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let c = case(&w, id);
    assert_eq!(amounts(&c), ["15.00", "10.00", "5.00", "0.00", "0.00"]);
    assert_eq!(c["items"][0]["open_amount"], "10.00");
    assert_eq!(disputed_today(&w), held("90.00", 2));
    assert_eq!(c["history"][1]["event"], "paid");
    assert_eq!(c["history"][1]["amount"], "5.00");
    // A bad "for" is refused naming the field, and writes nothing.
    let r = erp(
        &w,
        "/api/v1/erp/payments",
        &json!({"payments": [{"id": "P2", "item_id": "I3", "amount": "1.00", "date": "2025-03-20", "for": "all"}]}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/payments/0/for"]);

    // I3: a credit note of 30.00 that applies to it credits the case; 50.00 paid for the
    // dispute settles the rest, and the case resolves by itself.
    let r = erp(
        &w,
        "/api/v1/erp/items",
        &json!({"mode": "delta", "items": [{"id": "CN1", "customer_id": "C1", "kind": "credit_note",
                "number": "A-1", "issue_date": "2025-03-21", "due_date": "2025-03-21", "amount": "30.00",
                "open_amount": "30.00", "currency": "EUR", "applies_to": "I3"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let i3 = cases(&w, "?item_id=I3")[0].clone();
    assert_eq!(amounts(&i3), ["80.00", "50.00", "0.00", "30.00", "0.00"]);
    // I3 is still open for 80.00, of which 50.00 is in dispute now.
    assert_eq!(disputed_today(&w), held("60.00", 2));
    let r = erp(
        &w,
        "/api/v1/erp/payments",
        &json!({"payments": [{"id": "P3", "item_id": "I3", "amount": "50.00", "date": "2025-03-22", "for": "disputed"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let i3 = case(&w, i3["id"].as_i64().unwrap());
    assert_eq!(amounts(&i3), ["80.00", "0.00", "50.00", "30.00", "0.00"]);
    // Resolved the day it was paid, but not before it opened (today: the payment is dated
    // earlier).
    let today = settle_domain::dates::format_date(chrono::Utc::now().date_naive());
    assert_eq!(
        (&i3["state"], &i3["resolution"], &i3["resolved_on"]),
        (&json!("resolved"), &json!("paid"), &json!(today))
    );
    assert_eq!(events(&i3), ["opened", "credited", "paid", "resolved"]);
    // Its item: resolved, back in the scenario, still open for the 30.00 credited.
    let item = &i3["items"][0];
    assert_eq!(item["status"]["code"], "dispute_resolved");
    assert_eq!(item["in_scenario"], true);
    assert_eq!(item["open_amount"], "30.00");
    assert_eq!(item["disputed_amount"], Value::Null);

    // Write-off of I1's remaining 10.00: no tolerance yet, then above it, then under it.
    let write_off = |body: &Value| post(&w, &format!("/api/v1/disputes/{id}/write-off"), body);
    let p = problem(&write_off(&json!({})), 409);
    assert!(p["detail"].as_str().unwrap().contains("FR01"), "{p}");
    let tolerance = "/api/v1/admin/write-off-tolerances/FR01/EUR";
    // Collectors cannot set one; bad values name the field.
    problem(
        &call(
            &w.s,
            "PUT",
            tolerance,
            &w.collector,
            &json!({"amount": "5", "percent": "5"}),
        ),
        403,
    );
    for (path, body, field) in [
        (
            tolerance,
            json!({"amount": "5.001", "percent": "5"}),
            "/amount",
        ),
        (
            tolerance,
            json!({"amount": "5", "percent": "100.5"}),
            "/percent",
        ),
        (tolerance, json!({"amount": "5"}), "/percent"),
        (
            "/api/v1/admin/write-off-tolerances/FR01/EURO",
            json!({"amount": "5", "percent": "5"}),
            "/currency",
        ),
    ] {
        let r = call(&w.s, "PUT", path, ADMIN_TOKEN, &body);
        assert_eq!(pointers(&problem(&r, 422)), [field], "{body}");
    }
    let r = call(
        &w.s,
        "PUT",
        tolerance,
        ADMIN_TOKEN,
        &json!({"amount": "5.00", "percent": "50"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json(),
        json!({"entity": "FR01", "currency": "EUR", "amount": "5.00", "percent": "50"})
    );
    let p = problem(&write_off(&json!({})), 409);
    assert!(p["detail"].as_str().unwrap().contains("5.00 EUR"), "{p}");
    let r = call(
        &w.s,
        "PUT",
        tolerance,
        ADMIN_TOKEN,
        &json!({"amount": "10.00", "percent": "100"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = get(&w.s, tolerance, ADMIN_TOKEN);
    assert_eq!(r.json()["history"].as_array().unwrap().len(), 2);
    let r = get(&w.s, "/api/v1/admin/write-off-tolerances", ADMIN_TOKEN);
    assert_eq!(
        r.json()["write_off_tolerances"].as_array().unwrap().len(),
        1
    );
    problem(&write_off(&json!({"comment": 5})), 422);
    problem(&write_off(&json!({"extra": true})), 422);
    let r = write_off(&json!({"comment": "Not worth chasing"}));
    assert_eq!(r.status, 200, "{}", r.text());
    let c = r.json();
    assert_eq!(amounts(&c), ["15.00", "0.00", "5.00", "0.00", "10.00"]);
    assert_eq!(c["resolution"], "written_off");
    assert_eq!(
        c["history"].as_array().unwrap().last().unwrap()["comment"],
        "Not worth chasing"
    );
    assert_eq!(c["items"][0]["status"]["code"], "dispute_resolved");
    // Twice: refused; unknown: 404.
    problem(&write_off(&json!({})), 409);
    problem(&post(&w, "/api/v1/disputes/999/write-off", &json!({})), 404);
    assert_eq!(cases(&w, "?status=open").len(), 0);
    assert_eq!(cases(&w, "?status=resolved").len(), 2);
    // The analytics: both cases resolved today (one paid, one written off), none open.
    let r = get(&w.s, "/api/v1/reports/dispute-cases", &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    let a = r.json();
    assert_eq!((&a["open"], &a["resolved"]), (&json!(0), &json!(2)));
    assert_eq!(a["by_reason"][0]["key"], "price_dispute");
    assert_eq!(a["by_reason"][0]["original_amount"]["EUR"], "95.00");
    assert_eq!(a["settled"]["written_off_amount"]["EUR"], "10.00");
    assert_eq!(a["settled"]["credited_amount"]["EUR"], "30.00");
    assert_eq!(a["settled"]["paid_amount"]["EUR"], "55.00");
    problem(
        &get(
            &w.s,
            "/api/v1/reports/dispute-cases?as_of=2999-01-01",
            &w.collector,
        ),
        400,
    );
    problem(
        &get(
            &w.s,
            "/api/v1/reports/dispute-cases?from=2026-12-31&to=2026-01-01",
            &w.collector,
        ),
        400,
    );
    // The tolerance removed: 204, then 404.
    let r = call(&w.s, "DELETE", tolerance, ADMIN_TOKEN, &Value::Null);
    assert_eq!(r.status, 204, "{}", r.text());
    problem(
        &call(&w.s, "DELETE", tolerance, ADMIN_TOKEN, &Value::Null),
        404,
    );
    problem(&get(&w.s, tolerance, ADMIN_TOKEN), 404);
}

#[test]
fn routing_rules_are_administered_and_route_a_new_dispute() {
    let w = world();
    let rules = "/api/v1/admin/routing-rules";
    // Collectors cannot; bad bodies name the field; nothing is written.
    problem(
        &call(
            &w.s,
            "POST",
            rules,
            &w.collector,
            &json!({"position": 1, "resolver_id": w.resolver_id}),
        ),
        403,
    );
    for (body, pointer) in [
        (json!({"position": 1}), "/resolver_id"),
        (json!({"position": 1, "resolver_id": 999}), "/resolver_id"),
        (
            json!({"position": 1, "resolver_id": w.resolver_id, "min_amount": "5"}),
            "/min_amount",
        ),
        (
            json!({"position": "first", "resolver_id": w.resolver_id}),
            "/position",
        ),
    ] {
        let r = call(&w.s, "POST", rules, ADMIN_TOKEN, &body);
        assert_eq!(pointers(&problem(&r, 422)), [pointer], "{body}");
    }
    problem(&call(&w.s, "POST", rules, ADMIN_TOKEN, &Value::Null), 400);
    let r = get(&w.s, rules, ADMIN_TOKEN);
    assert_eq!(r.json()["routing_rules"], json!([]));
    // Price disputes of 50.00 or more in EUR, in FR01, go to Sam.
    let r = call(
        &w.s,
        "POST",
        rules,
        ADMIN_TOKEN,
        &json!({"position": 10, "status": "price_dispute", "entity": "FR01", "currency": "EUR",
                "min_amount": "50", "resolver_id": w.resolver_id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let rule = r.json();
    let id = rule["id"].as_i64().unwrap();
    assert_eq!(r.header("location"), Some(format!("{rules}/{id}").as_str()));
    assert_eq!(rule["min_amount"], "50.00");
    assert_eq!(rule["max_amount"], Value::Null);
    // 20.00 of I2: below the range, no resolver.
    let r = qualify(
        &w,
        json!({"item_ids": ["I2"], "status": "price_dispute", "comment": "Wrong price"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(
        (&r.json()["resolver_id"], &r.json()["routing_rule_id"]),
        (&Value::Null, &Value::Null)
    );
    // 80.00 of I3: routed to Sam, and the case says which rule chose him.
    let r = qualify(
        &w,
        json!({"item_ids": ["I3"], "status": "price_dispute", "comment": "Wrong price",
               "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let v = r.json();
    assert_eq!(
        (&v["resolver_id"], &v["routing_rule_id"]),
        (&json!(w.resolver_id), &json!(id))
    );
    assert_eq!(v["action"]["resolver"]["id"], w.resolver_id);
    let case = cases(&w, "?item_id=I3")[0].clone();
    assert_eq!(
        (&case["resolver_id"], &case["routing_rule_id"]),
        (&json!(w.resolver_id), &json!(id))
    );
    // Edited (audited), then deleted.
    let r = call(
        &w.s,
        "PUT",
        &format!("{rules}/{id}"),
        ADMIN_TOKEN,
        &json!({"position": 5, "resolver_id": w.resolver_id}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], Value::Null);
    let r = get(&w.s, &format!("{rules}/{id}"), ADMIN_TOKEN);
    assert_eq!(r.json()["history"].as_array().unwrap().len(), 2);
    problem(
        &call(
            &w.s,
            "PUT",
            &format!("{rules}/999"),
            ADMIN_TOKEN,
            &json!({"position": 5, "resolver_id": w.resolver_id}),
        ),
        404,
    );
    let r = call(
        &w.s,
        "DELETE",
        &format!("{rules}/{id}"),
        ADMIN_TOKEN,
        &Value::Null,
    );
    assert_eq!(r.status, 204, "{}", r.text());
    problem(
        &call(
            &w.s,
            "DELETE",
            &format!("{rules}/{id}"),
            ADMIN_TOKEN,
            &Value::Null,
        ),
        404,
    );
    problem(&get(&w.s, &format!("{rules}/abc"), ADMIN_TOKEN), 404);
}

#[test]
fn root_causes_are_a_list_admins_keep_and_cases_record() {
    let w = world();
    let list = get(&w.s, "/api/v1/admin/root-causes", ADMIN_TOKEN).json();
    let codes: Vec<&str> = list["root_causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "pricing_error",
            "delivery_damaged",
            "duplicate_billing",
            "quantity_error",
            "service_issue",
            "customer_error"
        ]
    );
    assert_eq!(list["root_causes"][0]["labels"]["tr"], "Fiyat hatası");
    let root = "/api/v1/admin/root-causes";
    problem(
        &call(
            &w.s,
            "POST",
            root,
            &w.collector,
            &json!({"code": "x_y", "labels": {"en": "X"}}),
        ),
        403,
    );
    let r = call(
        &w.s,
        "POST",
        root,
        ADMIN_TOKEN,
        &json!({"code": "wrong_vat", "labels": {"fr": "TVA"}}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/labels"]);
    let r = call(
        &w.s,
        "POST",
        root,
        ADMIN_TOKEN,
        &json!({"code": "wrong_vat", "labels": {"en": "Wrong VAT rate", "tr": "Yanlış KDV oranı"}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some("/api/v1/admin/root-causes/wrong_vat")
    );
    problem(
        &call(
            &w.s,
            "POST",
            root,
            ADMIN_TOKEN,
            &json!({"code": "wrong_vat", "labels": {"en": "x"}}),
        ),
        409,
    );
    let r = call(
        &w.s,
        "PATCH",
        &format!("{root}/wrong_vat"),
        ADMIN_TOKEN,
        &json!({"active": false}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["active"], false);
    let r = get(&w.s, &format!("{root}/wrong_vat"), ADMIN_TOKEN);
    assert_eq!(r.json()["history"].as_array().unwrap().len(), 2);
    problem(&get(&w.s, &format!("{root}/nope"), ADMIN_TOKEN), 404);

    // A case records its root cause and validity.
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let id = cases(&w, "?item_id=I1")[0]["id"].as_i64().unwrap();
    let finding = |body: Value| {
        call(
            &w.s,
            "PATCH",
            &format!("/api/v1/disputes/{id}"),
            &w.collector,
            &body,
        )
    };
    assert_eq!(
        pointers(&problem(&finding(json!({})), 422)),
        ["/root_cause"]
    );
    assert_eq!(
        pointers(&problem(&finding(json!({"root_cause": "wrong_vat"})), 422)),
        ["/root_cause"],
        "deactivated"
    );
    assert_eq!(
        pointers(&problem(&finding(json!({"valid": 1})), 422)),
        ["/valid"]
    );
    problem(
        &call(
            &w.s,
            "PATCH",
            "/api/v1/disputes/999",
            &w.collector,
            &json!({"valid": true}),
        ),
        404,
    );
    let r =
        finding(json!({"root_cause": "pricing_error", "valid": true, "comment": "Old price list"}));
    assert_eq!(r.status, 200, "{}", r.text());
    let c = r.json();
    assert_eq!(
        (&c["root_cause"], &c["valid"]),
        (&json!("pricing_error"), &json!(true))
    );
    let last = c["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["event"], "finding");
    assert_eq!(last["comment"], "Old price list");
    // In use: cannot be deleted; unused: can.
    problem(
        &call(
            &w.s,
            "DELETE",
            &format!("{root}/pricing_error"),
            ADMIN_TOKEN,
            &Value::Null,
        ),
        409,
    );
    let r = call(
        &w.s,
        "DELETE",
        &format!("{root}/wrong_vat"),
        ADMIN_TOKEN,
        &Value::Null,
    );
    assert_eq!(r.status, 204, "{}", r.text());
}

#[test]
fn a_promise_whose_date_passed_unpaid_is_broken_and_its_items_are_chased_again() {
    let w = world();
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "promise_to_pay",
               "next_action": {"type": "promise", "name": "Will pay", "date": "2025-03-01"}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let action = r.json()["action"]["id"].as_i64().unwrap();
    let r = qualify(
        &w,
        json!({"item_ids": ["I3"], "status": "promise_to_pay",
               "next_action": {"type": "promise", "name": "Will pay later", "date": "2099-01-01"}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    problem(&get(&w.s, "/api/v1/promises/check", &w.collector), 405);
    problem(&post(&w, "/api/v1/promises/nope", &json!({})), 404);
    problem(
        &call(
            &w.s,
            "POST",
            "/api/v1/promises/check",
            "wrong",
            &Value::Null,
        ),
        401,
    );
    let r = call(
        &w.s,
        "POST",
        "/api/v1/promises/check",
        &w.collector,
        &Value::Null,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let ended = r.json()["ended"].clone();
    assert_eq!(
        ended,
        json!([{"action_id": action, "due_date": "2025-03-01", "outcome": "broken", "item_ids": ["I1"]}])
    );
    // I1 is chased again; the customer's promise history counts it.
    let lines = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
    let i1 = lines["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "I1")
        .unwrap()
        .clone();
    assert_eq!(i1["in_scenario"], true);
    let c = get(&w.s, "/api/v1/customers/C1", &w.collector).json();
    assert_eq!(c["promises"], json!({"kept": 0, "broken": 1, "live": 1}));
    // The case analytics count it among the period's outcomes.
    let r = get(&w.s, "/api/v1/reports/dispute-cases", &w.collector);
    assert_eq!(
        r.json()["promises"],
        json!({"kept": 0, "broken": 1, "kept_rate": "0"}),
        "{}",
        r.text()
    );
    let a = get(&w.s, &format!("/api/v1/actions/{action}"), &w.collector).json();
    assert_eq!(a["state"], "done");
    assert_eq!(
        a["history"].as_array().unwrap().last().unwrap()["event"],
        "promise_broken"
    );
    // Checked again: nothing.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/promises/check",
        &w.collector,
        &Value::Null,
    );
    assert_eq!(r.json()["ended"], json!([]));
}

/// An invoice disputed in part stays in the reminder scenario for its undisputed rest: the
/// next reminder covers it and asks for the rest, the agenda's step shows the same amount,
/// the item disputed whole is held; once the rest is paid, the item is held too.
#[test]
fn the_undisputed_rest_of_an_invoice_is_chased_as_usual() {
    let w = world();
    // 15.00 of I1 (100.00 open) and all of I3 in dispute, with their follow-up.
    let r = qualify(
        &w,
        json!({"item_ids": ["I1", "I3"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": w.resolver_id, "amounts": {"I1": "15.00"}, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let next = |w: &World| {
        let r = get(
            &w.s,
            "/api/v1/reminders/next?customer_id=C1&date=2025-12-31",
            &w.collector,
        );
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    };
    let n = next(&w);
    // The last step (30 days after I1's due date) covers I1 (85.00 chased) and I2 (20.00);
    // I3 is held whole.
    assert_eq!(n["next"]["cutoff"], "2025-03-02");
    assert_eq!(n["item_ids"], json!(["I1", "I2"]), "{n}");
    assert_eq!(n["held_item_ids"], json!(["I3"]));
    assert_eq!(n["to_chase"], json!({"EUR": "105.00"}));
    assert_eq!(n["next"]["reference_due"], "2025-01-31");
    // The agenda's step for C1 asks for the same.
    let r = get(&w.s, "/api/v1/agenda?date=2025-12-31", &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    let a = r.json();
    let step = a["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "scenario_step" && e["customer"]["id"] == "C1")
        .unwrap_or_else(|| panic!("no step for C1: {a}"))
        .clone();
    assert_eq!(
        step["amounts"],
        json!([{"currency": "EUR", "open_amount": "105.00"}])
    );
    assert_eq!(step["item_ids"], json!(["I1", "I2"]));
    // Days deductions outstanding over January 2025 (245.00 invoiced): 95.00 in dispute
    // (15.00 of I1, all of I3) x 31 days / 245.00 = 12.0 days.
    let r = get(
        &w.s,
        "/api/v1/reports/dispute-cases?from=2025-01-01&to=2025-01-31",
        &w.collector,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json()["deductions"],
        json!([{"currency": "EUR", "disputed_outstanding": "95.00", "credit_sales": "245.00",
                "days": 31, "ddo": "12.0"}])
    );
    // The undisputed 85.00 paid: what is left of I1 is all in dispute, so held.
    let r = erp(
        &w,
        "/api/v1/erp/payments",
        &json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "85.00", "date": "2025-03-20"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let n = next(&w);
    assert_eq!(n["item_ids"], json!(["I2"]), "{n}");
    assert_eq!(n["held_item_ids"], json!(["I1", "I3"]));
    assert_eq!(n["to_chase"], json!({"EUR": "20.00"}));
    assert_eq!(n["next"]["reference_due"], "2025-02-28");
}

/// A resolved case reopens in one call within 30 days of its resolution: the same case,
/// open again with its history, the item back to its reason, resolver and follow-up. Every
/// refusal names why and writes nothing.
#[test]
fn a_resolved_case_reopens_with_a_comment() {
    let w = world();
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": w.resolver_id, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let action = r.json()["action"]["id"].as_i64().unwrap();
    let id = cases(&w, "?item_id=I1")[0]["id"].as_i64().unwrap();
    let reopen = |body: &Value| post(&w, &format!("/api/v1/disputes/{id}/reopen"), body);
    let p = problem(&reopen(&json!({"comment": "Again"})), 409);
    assert_eq!(p["type"], "/problems/dispute-open", "{p}");
    // Resolved today by terminating its follow-up.
    let r = post(
        &w,
        &format!("/api/v1/actions/{action}/terminate"),
        &json!({"comment": "Credit agreed"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(case(&w, id)["state"], "resolved");
    // Bad bodies: 422 naming the comment, 400 for what is not JSON; nothing written.
    for body in [json!({}), json!({"comment": "   "}), json!({"comment": 5})] {
        let p = problem(&reopen(&body), 422);
        assert_eq!(pointers(&p), ["/comment"], "{body}: {p}");
    }
    problem(&reopen(&json!({"comment": "x", "amount": "1.00"})), 422);
    let r = call(
        &w.s,
        "POST",
        &format!("/api/v1/disputes/{id}/reopen"),
        &w.collector,
        &json!("not an object"),
    );
    assert_eq!(problem(&r, 400)["type"], "/problems/malformed-body");
    problem(
        &post(
            &w,
            "/api/v1/disputes/999999/reopen",
            &json!({"comment": "x"}),
        ),
        404,
    );
    let r = get(&w.s, &format!("/api/v1/disputes/{id}/reopen"), &w.collector);
    assert_eq!(r.status, 405);
    let r = call(
        &w.s,
        "POST",
        &format!("/api/v1/disputes/{id}/reopen"),
        "wrong-token",
        &json!({"comment": "x"}),
    );
    assert_eq!(r.status, 401);
    assert_eq!(case(&w, id)["state"], "resolved", "nothing written");

    let r = reopen(&json!({"comment": "The customer called again"}));
    assert_eq!(r.status, 200, "{}", r.text());
    let c = r.json();
    assert_eq!(
        (c["id"].as_i64(), c["state"].as_str()),
        (Some(id), Some("open"))
    );
    assert_eq!(c["resolver_id"], w.resolver_id);
    assert!(c["action_id"].as_i64().is_some(), "{c}");
    assert!(c["status_change_id"].as_i64().is_some(), "{c}");
    assert_eq!(events(&c).last(), Some(&"reopened"), "{c}");
    assert!(events(&c).contains(&"resolved"), "history kept: {c}");
    assert_eq!(
        c["history"].as_array().unwrap().last().unwrap()["comment"],
        "The customer called again"
    );
    let item = &c["items"][0];
    assert_eq!(item["status"]["code"], "price_dispute", "{item}");
    assert_eq!(
        item["in_scenario"], false,
        "held by its follow-up again: {item}"
    );
    // A retry does not apply twice.
    let p = problem(
        &reopen(&json!({"comment": "The customer called again"})),
        409,
    );
    assert_eq!(p["type"], "/problems/dispute-open");
    assert_eq!(cases(&w, "?item_id=I1").len(), 1, "still one case");
}

/// The case analytics come as JSON, as a CSV table per section and as a page with charts in
/// the 15 languages, from a token or a console session; a bad section, format, language or a
/// filter the analytics do not take is a 400 naming it (a page when a page was asked for).
#[test]
fn the_case_analytics_come_as_csv_and_as_a_page() {
    let w = world();
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": w.resolver_id, "amounts": {"I1": "15.00"}, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let action = r.json()["action"]["id"].as_i64().unwrap();
    let r = qualify(
        &w,
        json!({"item_ids": ["I3"], "status": "quality_dispute", "comment": "Damaged"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = post(
        &w,
        &format!("/api/v1/actions/{action}/terminate"),
        &json!({"comment": "Credit agreed"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let path = "/api/v1/reports/dispute-cases";
    // CSV: one table per section; the resolved case is price_dispute, 15.00 released.
    let csv = |section: &str| {
        let r = get(
            &w.s,
            &format!("{path}?format=csv&section={section}"),
            &w.collector,
        );
        assert_eq!(r.status, 200, "{section}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
        assert!(
            r.header("content-disposition")
                .unwrap()
                .contains(&format!("dispute-cases-{section}-")),
            "{:?}",
            r.header("content-disposition")
        );
        r.text()
    };
    let reason = csv("reason");
    assert!(
        reason.starts_with("currency,reason,count,valid,invalid,valid_share_pct,original_amount,"),
        "{reason}"
    );
    assert!(
        reason.contains("\r\nEUR,price_dispute,1,0,0,,15.00,0,0,0\r\n"),
        "{reason}"
    );
    let settled = csv("settled");
    assert!(settled.contains("EUR,1,0.00,0.00,0.00,15.00"), "{settled}");
    let summary = csv("summary");
    assert!(summary.contains(",EUR,1,0,0.00,1,80.00,"), "{summary}");
    for section in ["root-cause", "compliance", "promises"] {
        assert!(csv(section).lines().count() >= 1);
    }
    // The same through Accept.
    let r = w.s.request(
        "GET",
        &format!("{path}?section=settled"),
        &[
            ("authorization", &bearer(&w.collector)),
            ("accept", "text/csv"),
        ],
        b"",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.text(), settled);
    // The page: in English and in Japanese and Turkish, with its charts and CSV links.
    let page = |q: &str| {
        let r = get(&w.s, &format!("{path}?format=html{q}"), &w.collector);
        assert_eq!(r.status, 200, "{q}: {}", r.text());
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
        assert!(r.header("content-security-policy").is_some());
        r.text()
    };
    let en = page("");
    for text in [
        "Dispute analytics",
        "By reason",
        "Deadline compliance by resolver",
        "Days deductions outstanding",
        "<svg role=\"img\"",
        "format=csv&amp;section=root-cause",
        "Back to collection",
        "href=\"/api/v1/reports/disputes?format=html&amp;lang=en\">Dispute report</a>",
    ] {
        assert!(en.contains(text), "{text}");
    }
    assert!(page("&lang=ja").contains("係争分析"));
    // Filtered as the other reports are: the price dispute is the resolver's, resolved; the
    // quality one has no resolver and is open; C1's entity has both, C2 neither.
    let json = |q: &str| {
        let r = get(&w.s, &format!("{path}{q}"), &w.collector);
        assert_eq!(r.status, 200, "{q}: {}", r.text());
        let a = r.json();
        (a["resolved"].as_u64().unwrap(), a["open"].as_u64().unwrap())
    };
    assert_eq!(json(""), (1, 1));
    assert_eq!(json(&format!("?resolver_id={}", w.resolver_id)), (1, 0));
    assert_eq!(json("?status=quality_dispute"), (0, 1));
    assert_eq!(json("?entity=FR01&customer_id=C1"), (1, 1));
    assert_eq!(json("?customer_id=C2"), (0, 0));
    assert!(page("&status=quality_dispute").contains("value=\"quality_dispute\" selected"));
    assert!(page("&lang=tr").contains("İtiraz analizi"));
    // Bad input: 400 naming the parameter; an HTML request gets a page.
    for (q, field) in [
        ("?section=nope&format=csv", "section"),
        ("?format=pdf", "format"),
        ("?lang=xx", "lang"),
        ("?entity=NOPE", "entity"),
        ("?resolver_id=999", "resolver_id"),
        ("?status=nope", "status"),
        ("?from=2026-02-30", "from"),
    ] {
        let p = problem(&get(&w.s, &format!("{path}{q}"), &w.collector), 400);
        assert!(p.to_string().contains(field), "{q}: {p}");
    }
    let r = get(&w.s, &format!("{path}?format=html&lang=xx"), &w.collector);
    assert_eq!(r.status, 400);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.text().contains("lang"));
    problem(&get(&w.s, path, "wrong"), 401);
    problem(&call(&w.s, "POST", path, &w.collector, &json!({})), 405);
}
