//! The whole dispute lifecycle against the collection agenda and the reminder scenario.

use serde_json::{Value, json};

use crate::disputes::{World, post, world};
use crate::support::*;

fn agenda(w: &World, query: &str) -> Value {
    let r = get(&w.s, &format!("/api/v1/agenda{query}"), &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

/// `(kind, customer, due_on)` of each entry.
fn summary(v: &Value) -> Vec<(String, String, String)> {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["customer"]["id"].as_str().unwrap().to_string(),
                e["due_on"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn entry<'a>(v: &'a Value, kind: &str, customer: &str) -> &'a Value {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind && e["customer"]["id"] == customer)
        .unwrap_or_else(|| panic!("no {kind} entry for {customer}: {v}"))
}

fn s(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

#[test]
fn lifecycle_through_the_agenda() {
    let w = world();
    // Qualify "Quality dispute" with the suggested follow-up (due 2025-03-17).
    let r = post(
        &w,
        "/api/v1/status-changes",
        &json!({"item_ids": ["I1", "I2", "I3"], "status": "quality_dispute", "status_date": "2025-03-10",
                "comment": "Scratched on delivery", "resolver_id": w.resolver_id, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let action_id = r.json()["action"]["id"].as_i64().unwrap();
    let path = format!("/api/v1/actions/{action_id}");

    // The agenda shows the follow-up; C1's held items trigger no reminder (its only item in
    // the scenario, I5, is due 2025-05-31). C2's overdue I4 is at the last step (the call).
    let a = agenda(&w, "?date=2025-03-20");
    assert_eq!(
        summary(&a),
        [
            s("scenario_step", "C2", "2025-03-02"),
            s("action", "C1", "2025-03-17")
        ]
    );
    let follow_up = entry(&a, "action", "C1");
    assert_eq!(follow_up["action"]["name"], "Dispute follow-up");
    assert_eq!(follow_up["action"]["resolver"]["name"], "Sam Sales");
    assert_eq!(
        follow_up["amounts"],
        json!([{"currency": "EUR", "open_amount": "200.00"}])
    );
    assert_eq!(follow_up["item_ids"], json!(["I1", "I2", "I3"]));
    let c2_call = entry(&a, "scenario_step", "C2");
    assert_eq!(c2_call["step"]["type"], "call");
    assert_eq!(c2_call["step"]["skipped"], json!([0, 1, 2]));
    assert_eq!(c2_call["item_ids"], json!(["I4"]));
    let next = get(
        &w.s,
        "/api/v1/reminders/next?customer_id=C1&date=2025-03-20",
        &w.collector,
    )
    .json();
    assert_eq!(next["next"]["due_on"], "2025-05-21");
    assert_eq!(next["held_item_ids"], json!(["I1", "I2", "I3"]));

    // Chase the resolver: the date moves, so the follow-up leaves today's agenda.
    let (etag, _) = {
        let r = get(&w.s, &path, &w.collector);
        (r.header("etag").unwrap().to_string(), r.json())
    };
    let r = w.s.request(
        "PATCH",
        &path,
        &[
            ("authorization", &bearer(&w.collector)),
            ("content-type", "application/json"),
            ("if-match", &etag),
        ],
        json!({"date": "2025-03-24"}).to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        summary(&agenda(&w, "?date=2025-03-20")),
        [s("scenario_step", "C2", "2025-03-02")]
    );
    assert_eq!(summary(&agenda(&w, "?date=2025-03-24")).len(), 2);

    // Detach I1: it is back in the scenario and in the agenda.
    let r = post(&w, &format!("{path}/detach"), &json!({"item_ids": ["I1"]}));
    assert_eq!(r.status, 200, "{}", r.text());
    let a = agenda(&w, "?date=2025-03-20");
    let c1 = entry(&a, "scenario_step", "C1");
    assert_eq!(c1["item_ids"], json!(["I1"]));
    assert_eq!(c1["amounts"][0]["open_amount"], "100.00");
    assert_eq!(c1["step"]["reference_due"], "2025-01-31");
    // Sorted by due date, then the largest amount first: C1 (100) before C2 (10).
    assert_eq!(
        summary(&a),
        [
            s("scenario_step", "C1", "2025-03-02"),
            s("scenario_step", "C2", "2025-03-02")
        ]
    );

    // Record the reminder: the next step follows it (here every step is done).
    let r = post(
        &w,
        "/api/v1/reminders",
        &json!({"customer_id": "C1", "done_on": "2025-03-20", "comment": "Called the buyer"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let rec = r.json();
    assert_eq!(rec["reminder"]["step"], 3);
    assert_eq!(rec["reminder"]["item_ids"], json!(["I1"]));
    assert!(rec["next"].is_null(), "{rec}");
    assert_eq!(
        summary(&agenda(&w, "?date=2025-03-20")),
        [s("scenario_step", "C2", "2025-03-02")]
    );
    let h = get(&w.s, "/api/v1/items/I1/history", &w.collector).json();
    assert!(
        h["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "reminder")
    );

    // Pay I2 in full, then terminate: I3 is "Dispute resolved", back in the scenario.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "PAY-3", "item_id": "I2", "amount": "20.00", "date": "2025-03-22", "reference": "p"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = post(
        &w,
        &format!("{path}/terminate"),
        &json!({"date": "2025-03-31"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let t = r.json();
    assert_eq!(t["resolved_item_ids"], json!(["I3"]));
    let delays: Vec<(Value, Value)> = t["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["item_id"].clone(), r["delay_days"].clone()))
        .collect();
    assert_eq!(delays, [(json!("I2"), json!(12)), (json!("I3"), json!(21))]);
    let next = get(
        &w.s,
        "/api/v1/reminders/next?customer_id=C1&date=2025-04-01",
        &w.collector,
    )
    .json();
    assert_eq!(next["held_item_ids"], json!([]));
    assert!(
        summary(&agenda(&w, "?date=2025-04-01"))
            .iter()
            .all(|e| e.0 == "scenario_step")
    );
    // Terminating twice is a 409; the agenda's filters.
    problem(&post(&w, &format!("{path}/terminate"), &json!({})), 409);
    assert_eq!(
        summary(&agenda(&w, "?date=2025-03-20&collector=bob")),
        [s("scenario_step", "C2", "2025-03-02")]
    );
    assert_eq!(
        summary(&agenda(
            &w,
            &format!("?date=2025-03-24&resolver_id={}", w.resolver_id)
        )),
        Vec::<(String, String, String)>::new()
    );
}

#[test]
fn agenda_pages_and_bad_queries() {
    let w = world();
    let first = agenda(&w, "?date=2025-12-31&limit=1");
    assert_eq!(first["total"], 2);
    assert_eq!(first["entries"].as_array().unwrap().len(), 1);
    let cursor = first["next_cursor"].as_str().unwrap().to_string();
    let second = agenda(&w, &format!("?date=2025-12-31&limit=1&cursor={cursor}"));
    assert_eq!(second["entries"].as_array().unwrap().len(), 1);
    assert!(second["next_cursor"].is_null());
    assert_ne!(first["entries"][0], second["entries"][0]);
    for q in [
        "?date=2025-02-30",
        "?cursor=x",
        "?limit=0",
        "?resolver_id=abc",
        "?collectr=bob",
    ] {
        problem(&get(&w.s, &format!("/api/v1/agenda{q}"), &w.collector), 400);
    }
    problem(
        &call(&w.s, "POST", "/api/v1/agenda", &w.collector, &json!({})),
        405,
    );
    let erp = token(&w.s, "erp");
    problem(&get(&w.s, "/api/v1/agenda", &erp), 403);
}

#[test]
fn reminders_refuse_bad_input_and_change_nothing() {
    let w = world();
    // Every item of C2 held: no step to do.
    let r = post(
        &w,
        "/api/v1/actions",
        &json!({"item_ids": ["I4"], "type": "call", "name": "Call", "date": "2025-04-01"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    for (body, expected) in [
        (json!({"customer_id": "NOPE"}), vec!["/customer_id"]),
        (json!({"customer_id": "C2"}), vec!["/customer_id"]),
        (json!({"customer_id": "C1", "step": 9}), vec!["/step"]),
        (
            json!({"customer_id": "C1", "item_ids": ["I4", "ZZ"]}),
            vec!["/item_ids/0", "/item_ids/1"],
        ),
        (
            json!({"customer_id": "C1", "done_on": "2025-13-01", "typo": 1}),
            vec!["/done_on", "/typo"],
        ),
    ] {
        let r = post(&w, "/api/v1/reminders", &body);
        assert_eq!(pointers(&problem(&r, 422)), expected, "{body}");
    }
    problem(
        &get(
            &w.s,
            "/api/v1/reminders/next?customer_id=NOPE",
            &w.collector,
        ),
        404,
    );
    problem(&get(&w.s, "/api/v1/reminders/next", &w.collector), 400);
    let h = get(&w.s, "/api/v1/items/I1/history", &w.collector).json();
    assert!(
        !h["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "reminder")
    );
}

#[test]
fn scenarios_are_configured_and_assigned() {
    let w = world();
    let list = call(
        &w.s,
        "GET",
        "/api/v1/admin/scenarios",
        ADMIN_TOKEN,
        &Value::Null,
    )
    .json();
    let default = &list["scenarios"][0];
    assert_eq!(default["code"], "default");
    assert_eq!(default["is_default"], true);
    let offsets: Vec<i64> = default["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["offset_days"].as_i64().unwrap())
        .collect();
    assert_eq!(offsets, [-10, 5, 15, 30]);
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/scenarios",
        ADMIN_TOKEN,
        &json!({"code": "gentle", "name": "Gentle", "steps": [
            {"offset_days": 10, "type": "email", "template": "reminder_first"},
            {"offset_days": 45, "type": "call"}]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = call(
        &w.s,
        "PUT",
        "/api/v1/admin/customers/C2/scenario",
        ADMIN_TOKEN,
        &json!({"scenario": "gentle"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let next = get(
        &w.s,
        "/api/v1/reminders/next?customer_id=C2&date=2025-02-12",
        &w.collector,
    )
    .json();
    assert_eq!(next["scenario"], "gentle");
    assert_eq!(next["next"]["due_on"], "2025-02-10");
    assert_eq!(next["next"]["template"], "reminder_first");
    // Back to the default.
    call(
        &w.s,
        "PUT",
        "/api/v1/admin/customers/C2/scenario",
        ADMIN_TOKEN,
        &json!({"scenario": null}),
    );
    let next = get(
        &w.s,
        "/api/v1/reminders/next?customer_id=C2&date=2025-02-12",
        &w.collector,
    )
    .json();
    assert_eq!(next["scenario"], "default");
    // Bad scenarios: every problem named.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/scenarios",
        ADMIN_TOKEN,
        &json!({"code": "bad", "name": "Bad", "steps": [
            {"offset_days": 10, "type": "fax"}, {"type": "email", "template": "nope"}]}),
    );
    assert_eq!(
        pointers(&problem(&r, 422)),
        ["/steps/0/type", "/steps/1/offset_days", "/steps/1/template"]
    );
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/scenarios",
        ADMIN_TOKEN,
        &json!({"code": "bad", "name": "Bad", "steps": [{"offset_days": 10, "type": "email"}, {"offset_days": 5, "type": "call"}]}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/steps/1/offset_days"]);
    let r = call(
        &w.s,
        "PUT",
        "/api/v1/admin/customers/C2/scenario",
        ADMIN_TOKEN,
        &json!({"scenario": "nope"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/scenario"]);
    problem(
        &call(
            &w.s,
            "PUT",
            "/api/v1/admin/customers/NOPE/scenario",
            ADMIN_TOKEN,
            &json!({"scenario": null}),
        ),
        404,
    );
    problem(
        &call(
            &w.s,
            "PUT",
            "/api/v1/admin/scenarios/default",
            ADMIN_TOKEN,
            &json!({"name": "x", "steps": [{"offset_days": 1, "type": "call"}], "default": false}),
        ),
        409,
    );
}

#[test]
fn next_step_errors_say_what_went_wrong() {
    let w = world();
    let next = |w: &World| {
        get(
            &w.s,
            "/api/v1/reminders/next?customer_id=C1&date=2025-03-20",
            &w.collector,
        )
    };
    assert_eq!(next(&w).status, 200);
    let db = rusqlite::Connection::open(w.s.state_dir.join("sqlite_db.db")).unwrap();
    // No active scenario applies: a configuration conflict, not an unknown customer.
    db.execute("UPDATE scenarios SET active = 0", []).unwrap();
    let p = problem(&next(&w), 409);
    assert_eq!(p["type"], "/problems/no-scenario");
    let r = post(&w, "/api/v1/reminders", &json!({"customer_id": "C1"}));
    assert_eq!(problem(&r, 409)["type"], "/problems/no-scenario");
    // A database failure is a 500 that says nothing of the cause, never a 404.
    db.execute("UPDATE scenarios SET active = 1", []).unwrap();
    db.execute("DROP TABLE reminders", []).unwrap();
    let p = problem(&next(&w), 500);
    assert_eq!(p["type"], "/problems/internal");
    assert!(!p.to_string().contains("reminders"), "{p}");
}
