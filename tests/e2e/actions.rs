//! Specific actions: chase, detach, pay, terminate; dispute resolution.

use serde_json::{Value, json};
use settle_host::testing::TestResponse;

use crate::disputes::{World, post, world};
use crate::support::*;

fn with_if_match(w: &World, method: &str, path: &str, etag: &str, body: &Value) -> TestResponse {
    w.s.request(
        method,
        path,
        &[
            ("authorization", &bearer(&w.collector)),
            ("content-type", "application/json"),
            ("if-match", etag),
        ],
        body.to_string().as_bytes(),
    )
}

fn read(w: &World, id: i64) -> (Value, String) {
    let r = get(&w.s, &format!("/api/v1/actions/{id}"), &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    let etag = r.header("etag").unwrap().to_string();
    (r.json(), etag)
}

fn item_line(w: &World, id: &str) -> Value {
    let r = get(
        &w.s,
        "/api/v1/items?customer_id=C1&as_of=2025-03-15&limit=1000",
        &w.collector,
    );
    r.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .cloned()
        .unwrap_or(Value::Null)
}

/// Quality dispute on I1, I2, I3 with the suggested follow-up, dated 2025-03-10.
fn quality_dispute(w: &World) -> i64 {
    let r = post(
        w,
        "/api/v1/status-changes",
        &json!({"item_ids": ["I1", "I2", "I3"], "status": "quality_dispute", "status_date": "2025-03-10",
                "comment": "Goods arrived damaged", "resolver_id": w.resolver_id, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["action"]["id"].as_i64().unwrap()
}

#[test]
fn dispute_lifecycle_chase_detach_pay_terminate() {
    let w = world();
    let id = quality_dispute(&w);
    let path = format!("/api/v1/actions/{id}");
    let (a, etag) = read(&w, id);
    assert_eq!(a["date"], "2025-03-17");
    assert_eq!(a["ready_to_terminate"], false);
    assert_eq!(a["items"].as_array().unwrap().len(), 3);
    assert_eq!(a["history"][0]["event"], "created");

    // Chase the resolver without closing: the date moves, history says so.
    let r = with_if_match(
        &w,
        "PATCH",
        &path,
        &etag,
        &json!({"date": "2025-03-24", "name": "Chase Sam"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let chased = r.json();
    assert_eq!(
        (&chased["date"], &chased["name"]),
        (&json!("2025-03-24"), &json!("Chase Sam"))
    );
    let etag2 = r.header("etag").unwrap().to_string();
    assert_ne!(etag2, etag);
    let last = chased["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["event"], "updated");
    assert_eq!(last["details"]["from"]["date"], "2025-03-17");
    assert_eq!(last["details"]["to"]["date"], "2025-03-24");
    // The stale ETag is refused and changes nothing; no If-Match is 428.
    let r = with_if_match(&w, "PATCH", &path, &etag, &json!({"date": "2025-04-30"}));
    problem(&r, 412);
    problem(
        &call(
            &w.s,
            "PATCH",
            &path,
            &w.collector,
            &json!({"date": "2025-04-30"}),
        ),
        428,
    );
    assert_eq!(read(&w, id).0["date"], "2025-03-24");

    // Detach I3: back in the scenario, still in dispute.
    let r = post(&w, &format!("{path}/detach"), &json!({"item_ids": ["I3"]}));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["empty"], false);
    assert_eq!(r.json()["item_ids"], json!(["I1", "I2"]));
    let i3 = item_line(&w, "I3");
    assert_eq!(i3["in_scenario"], true);
    assert_eq!(i3["status"]["code"], "quality_dispute");
    // Detaching an item that is not attached, or unknown: 422, nothing changed.
    let r = post(
        &w,
        &format!("{path}/detach"),
        &json!({"item_ids": ["I3", "I5", "NOPE"]}),
    );
    assert_eq!(
        pointers(&problem(&r, 422)),
        ["/item_ids/0", "/item_ids/1", "/item_ids/2"]
    );
    assert_eq!(read(&w, id).0["item_ids"], json!(["I1", "I2"]));

    // Pay I2 in full: recorded on the action.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "PAY-1", "item_id": "I2", "amount": "20.00", "date": "2025-03-20", "reference": "wire"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let (a, etag3) = read(&w, id);
    let paid = a["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["event"] == "item_paid")
        .unwrap()
        .clone();
    assert_eq!(
        paid["details"],
        json!({"item_id": "I2", "closed_on": "2025-03-20"})
    );
    assert_eq!(a["ready_to_terminate"], false, "I1 is still open");
    let i2 = a["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "I2")
        .unwrap()
        .clone();
    assert_eq!(i2["closed_on"], "2025-03-20");

    // Terminate: I1 becomes "Dispute resolved", every item back in the scenario.
    let r = with_if_match(
        &w,
        "POST",
        &format!("{path}/terminate"),
        &etag3,
        &json!({"date": "2025-03-31", "comment": "Credit note issued"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let t = r.json();
    assert_eq!(t["state"], "done");
    assert_eq!(t["done_on"], "2025-03-31");
    assert_eq!(t["resolved_item_ids"], json!(["I1"]));
    assert_eq!(t["released_item_ids"], json!(["I1", "I2"]));
    let delays: Vec<(Value, Value, Value)> = t["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["item_id"].clone(),
                r["how"].clone(),
                r["delay_days"].clone(),
            )
        })
        .collect();
    // I2 was paid 10 days after the dispute; I1 resolved 21 days after.
    assert_eq!(
        delays,
        [
            (json!("I2"), json!("paid"), json!(10)),
            (json!("I1"), json!("terminated"), json!(21))
        ]
    );
    let i1 = item_line(&w, "I1");
    assert_eq!(i1["status"]["code"], "dispute_resolved");
    assert_eq!(i1["status"]["label"], "Litige résolu");
    assert_eq!(i1["status"]["date"], "2025-03-31");
    assert_eq!(i1["in_scenario"], true);
    let h = get(&w.s, "/api/v1/items/I1/history", &w.collector).json();
    let last = h["history"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["event"] == "status_changed")
        .unwrap()
        .clone();
    assert_eq!(last["details"]["to"]["status"], "dispute_resolved");
    assert_eq!(last["comment"], "Credit note issued");
    // The disputed balance is gone; terminating twice is a 409.
    let c = get(&w.s, "/api/v1/customers/C1?as_of=2025-04-01", &w.collector).json();
    assert_eq!(
        c["balances"][0]["disputed"], "80.00",
        "I3 is still disputed"
    );
    problem(&post(&w, &format!("{path}/terminate"), &json!({})), 409);
    problem(
        &with_if_match(
            &w,
            "PATCH",
            &path,
            r.header("etag").unwrap(),
            &json!({"name": "x"}),
        ),
        409,
    );
    let done = get(&w.s, "/api/v1/actions?state=done", &w.collector).json();
    assert_eq!(done["actions"][0]["id"], id);
}

#[test]
fn a_payment_closing_every_item_makes_the_action_ready_to_terminate() {
    let w = world();
    let r = post(
        &w,
        "/api/v1/actions",
        &json!({"item_ids": ["I5"], "type": "call", "name": "Call about I5", "date": "2025-03-20",
                "resolver_id": w.resolver_id, "comment": "Check the order"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let a = r.json();
    let id = a["id"].as_i64().unwrap();
    assert_eq!(
        r.header("location"),
        Some(format!("/api/v1/actions/{id}").as_str())
    );
    assert_eq!(item_line(&w, "I5")["in_scenario"], false);
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "PAY-2", "item_id": "I5", "amount": "5.00", "date": "2025-03-18", "reference": "r"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(read(&w, id).0["ready_to_terminate"], true);
    // A non-dispute action resolves nothing when terminated.
    let t = post(&w, &format!("/api/v1/actions/{id}/terminate"), &json!({})).json();
    assert_eq!(t["resolved_item_ids"], json!([]));
}

#[test]
fn detaching_the_last_item_says_the_action_is_empty() {
    let w = world();
    let id = quality_dispute(&w);
    let r = post(
        &w,
        &format!("/api/v1/actions/{id}/detach"),
        &json!({"item_ids": ["I1", "I2", "I3"]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["empty"], true);
    assert_eq!(v["state"], "live");
    assert!(v["note"].as_str().unwrap().contains("stays live"));
}

#[test]
fn action_lists_filters_and_bad_input() {
    let w = world();
    let id = quality_dispute(&w);
    post(
        &w,
        "/api/v1/actions",
        &json!({"item_ids": ["I5"], "type": "task", "name": "Ask for PO", "date": "2025-05-01"}),
    );
    let list = |q: &str| {
        let r = get(&w.s, &format!("/api/v1/actions{q}"), &w.collector);
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(list(""), ["Dispute follow-up", "Ask for PO"]);
    assert_eq!(
        list(&format!("?resolver_id={}", w.resolver_id)),
        ["Dispute follow-up"]
    );
    assert_eq!(
        list("?due_before=2025-04-01&state=live"),
        ["Dispute follow-up"]
    );
    assert_eq!(list("?customer_id=C2"), Vec::<String>::new());
    let page = get(&w.s, "/api/v1/actions?limit=1", &w.collector).json();
    let next = page["next_cursor"].as_str().unwrap().to_string();
    assert_eq!(list(&format!("?limit=1&cursor={next}")), ["Ask for PO"]);
    for q in [
        "?state=open",
        "?due_before=soon",
        "?cursor=x",
        "?cursor=2025-03-01~-4",
        "?colour=red",
    ] {
        problem(
            &get(&w.s, &format!("/api/v1/actions{q}"), &w.collector),
            400,
        );
    }
    // A filter naming no customer is a 404, like an unknown path id.
    let r = get(&w.s, "/api/v1/actions?customer_id=NOPE", &w.collector);
    problem(&r, 404);
    assert!(r.text().contains("customer_id"), "{}", r.text());
    problem(&get(&w.s, "/api/v1/actions/999", &w.collector), 404);
    problem(&post(&w, "/api/v1/actions/999/terminate", &json!({})), 404);
    problem(
        &post(
            &w,
            "/api/v1/actions/999/detach",
            &json!({"item_ids": ["I1"]}),
        ),
        404,
    );
    // Creating: same rules as qualifying (open items of one customer), fields named.
    let before = list("");
    for (body, expected) in [
        (
            json!({"item_ids": ["I1", "I4"], "type": "call", "name": "n", "date": "2025-04-01"}),
            vec!["/item_ids"],
        ),
        (
            json!({"item_ids": ["I1"], "type": "visit", "name": "", "date": "2025-04-31"}),
            vec!["/type", "/name", "/date"],
        ),
        (
            json!({"item_ids": ["I1"], "type": "call", "name": "n", "date": "2025-04-01", "resolver_id": 77}),
            vec!["/resolver_id"],
        ),
    ] {
        let r = post(&w, "/api/v1/actions", &body);
        assert_eq!(pointers(&problem(&r, 422)), expected, "{body}");
    }
    let (a, etag) = read(&w, id);
    let r = with_if_match(
        &w,
        "PATCH",
        &format!("/api/v1/actions/{id}"),
        &etag,
        &json!({"type": "fax", "date": "x"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/date", "/type"]);
    assert_eq!(read(&w, id).0, a);
    assert_eq!(list(""), before);
    let erp = token(&w.s, "erp");
    problem(&get(&w.s, "/api/v1/actions", &erp), 403);
}
