//! Qualifying items and opening disputes, as the seeds describe it: status + comment +
//! resolver (step 1), the resolver email (step 2), the follow-up action (step 3).

use serde_json::{Value, json};
use settle_domain::links;
use settle_host::testing::TestServer;

use crate::support::*;

pub struct World {
    pub s: TestServer,
    pub collector: String,
    pub resolver_id: i64,
}

/// Customers C1 (French, with an email) and C2; open invoices I1..I3 and I5 of C1, I4 of C2;
/// a resolver.
pub fn world_with(vars: &[(&str, &str)]) -> World {
    let s = start_with(vars);
    customers(&s, ADMIN_TOKEN);
    let r = push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![
            item("I1", "C1", "2025-01-31", "100.00", "100.00"),
            item("I2", "C1", "2025-02-28", "50.00", "20.00"),
            item("I3", "C1", "2025-04-30", "80.00", "80.00"),
            item("I4", "C2", "2025-01-31", "10.00", "10.00"),
            item("I5", "C1", "2025-05-31", "5.00", "5.00"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Sam Sales", "email": "sam@corp.example", "role": "sales", "language": "en"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let resolver_id = r.json()["id"].as_i64().unwrap();
    let collector = token(&s, "collector");
    World {
        s,
        collector,
        resolver_id,
    }
}

pub fn world() -> World {
    world_with(&[])
}

/// POSTs `body` to `path` as the collector.
pub fn post(w: &World, path: &str, body: &Value) -> settle_host::testing::TestResponse {
    call(&w.s, "POST", path, &w.collector, body)
}

pub fn qualify(w: &World, body: Value) -> settle_host::testing::TestResponse {
    post(w, "/api/v1/status-changes", &body)
}

pub fn price_dispute(w: &World) -> Value {
    let r = qualify(
        w,
        json!({"item_ids": ["I1", "I2", "I3"], "status": "price_dispute", "status_date": "2025-03-10",
               "comment": "Unit price is not the one agreed", "resolver_id": w.resolver_id,
               "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()
}

fn statement(w: &World) -> Vec<Value> {
    let r = get(
        &w.s,
        "/api/v1/customers/C1/statement?as_of=2025-03-15",
        &w.collector,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["items"].as_array().unwrap().clone()
}

fn history(w: &World, item: &str) -> Vec<Value> {
    let r = get(&w.s, &format!("/api/v1/items/{item}/history"), &w.collector);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["history"].as_array().unwrap().clone()
}

/// Everything a failed call must leave as it was.
fn snapshot(w: &World) -> (Vec<Value>, Vec<Vec<Value>>) {
    (
        statement(w),
        ["I1", "I2", "I3", "I4", "I5"]
            .iter()
            .map(|i| history(w, i))
            .collect(),
    )
}

#[test]
fn price_dispute_with_suggested_follow_up_takes_the_items_out_of_the_scenario() {
    let w = world();
    let a = price_dispute(&w);
    assert_eq!(a["customer_id"], "C1");
    assert_eq!(a["status_date"], "2025-03-10");
    // The suggestion (dispute follow-up, status date + 7 days) was applied.
    assert_eq!(
        a["suggestion"],
        json!({"model": "dispute_follow_up", "type": "dispute", "name": "Dispute follow-up", "date": "2025-03-17"})
    );
    let action = &a["action"];
    assert_eq!(action["type"], "dispute");
    assert_eq!(action["date"], "2025-03-17");
    assert_eq!(action["state"], "live");
    assert_eq!(action["resolver"]["name"], "Sam Sales");
    assert_eq!(action["item_ids"], json!(["I1", "I2", "I3"]));
    assert_eq!(action["comment"], "Unit price is not the one agreed");
    let action_id = action["id"].as_i64().unwrap();
    assert_eq!(a["items"].as_array().unwrap().len(), 3);
    for i in a["items"].as_array().unwrap() {
        assert_eq!(i["status"]["code"], "price_dispute");
        assert_eq!(i["in_scenario"], false);
        assert_eq!(i["action_id"], action_id);
    }
    // The statement shows it, in the customer's language; I5 stays in the scenario.
    let st = statement(&w);
    let i1 = st.iter().find(|i| i["id"] == "I1").unwrap();
    assert_eq!(i1["status"]["label"], "Litige prix");
    assert_eq!(i1["status"]["comment"], "Unit price is not the one agreed");
    assert_eq!(i1["resolver"]["id"], w.resolver_id);
    assert_eq!(i1["in_scenario"], false);
    let i5 = st.iter().find(|i| i["id"] == "I5").unwrap();
    assert_eq!(i5["in_scenario"], true);
    assert!(i5["status"].is_null());
    // Disputed balance and filters follow.
    let c = get(&w.s, "/api/v1/customers/C1?as_of=2025-03-15", &w.collector).json();
    assert_eq!(c["balances"][0]["disputed"], "200.00");
    let disputed = get(
        &w.s,
        &format!("/api/v1/items?disputed=true&resolver_id={}", w.resolver_id),
        &w.collector,
    )
    .json();
    assert_eq!(disputed["items"].as_array().unwrap().len(), 3);
    // History: who, when, old -> new, comment.
    let h = history(&w, "I1");
    let changed = h.iter().find(|e| e["event"] == "status_changed").unwrap();
    assert_eq!(changed["actor"], "token:1:collector test");
    assert_eq!(changed["comment"], "Unit price is not the one agreed");
    assert!(changed["details"]["from"]["status"].is_null());
    assert_eq!(changed["details"]["to"]["status"], "price_dispute");
    assert!(h.iter().any(|e| e["event"] == "action_attached"));
    // The status change reads back.
    let id = a["status_change_id"].as_i64().unwrap();
    let sc = get(&w.s, &format!("/api/v1/status-changes/{id}"), &w.collector).json();
    assert_eq!(sc["item_ids"], json!(["I1", "I2", "I3"]));
    assert_eq!(sc["action_id"], action_id);
}

#[test]
fn scenario_and_explicit_next_actions() {
    let w = world();
    // "scenario": no action, but the suggestion is still shown.
    let r = qualify(
        &w,
        json!({"item_ids": ["I5"], "status": "promise_to_pay", "status_date": "2025-03-01",
               "comment": "Will pay Friday", "next_action": "scenario"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let v = r.json();
    assert!(v["action"].is_null());
    assert_eq!(v["suggestion"]["model"], "promise_follow_up");
    assert_eq!(v["suggestion"]["date"], "2025-03-02");
    assert_eq!(v["items"][0]["in_scenario"], true);
    // An explicit action inherits the resolver and the comment.
    let r = qualify(
        &w,
        json!({"item_ids": ["I3"], "status": "delivery_dispute", "comment": "Never delivered",
               "resolver_id": w.resolver_id,
               "next_action": {"type": "call", "name": "Call the warehouse", "date": "2025-04-02"}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let a = &r.json()["action"];
    assert_eq!(
        (&a["type"], &a["name"], &a["date"]),
        (
            &json!("call"),
            &json!("Call the warehouse"),
            &json!("2025-04-02")
        )
    );
    assert_eq!(a["resolver"]["id"], w.resolver_id);
    assert_eq!(a["comment"], "Never delivered");
    assert!(a["model"].is_null());
}

#[test]
fn requalifying_moves_items_between_actions_and_keeps_the_history() {
    let w = world();
    let first = price_dispute(&w);
    let first_action = first["action"]["id"].as_i64().unwrap();
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Tina Tech", "email": "tina@corp.example", "role": "technician"}),
    );
    let tina = r.json()["id"].as_i64().unwrap();
    // New comment and a new resolution owner for I1 only: it moves to a new action.
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "quality_dispute", "comment": "Also scratched",
               "resolver_id": tina, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let v = r.json();
    assert_eq!(
        v["moved"],
        json!([{"item_id": "I1", "from_action_id": first_action}])
    );
    assert_eq!(v["emptied_actions"], json!([]));
    let old = get(
        &w.s,
        &format!("/api/v1/status-changes/{}", first["status_change_id"]),
        &w.collector,
    );
    assert_eq!(old.status, 200);
    let h = history(&w, "I1");
    let changes: Vec<&Value> = h
        .iter()
        .filter(|e| e["event"] == "status_changed")
        .collect();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[1]["details"]["from"]["status"], "price_dispute");
    assert_eq!(changes[1]["details"]["to"]["resolver_id"], tina);
    assert_eq!(changes[1]["comment"], "Also scratched");
    // Moving the last items of an action says so.
    let r = qualify(
        &w,
        json!({"item_ids": ["I2", "I3"], "status": "price_dispute", "comment": "Same",
               "next_action": "suggested"}),
    );
    assert_eq!(r.json()["emptied_actions"], json!([first_action]));
    // Without a resolver the items keep theirs.
    let st = statement(&w);
    let i2 = st.iter().find(|i| i["id"] == "I2").unwrap();
    assert_eq!(i2["resolver"]["id"], w.resolver_id);
}

#[test]
fn dry_run_computes_everything_and_writes_nothing() {
    let w = world();
    let before = snapshot(&w);
    let r = call(
        &w.s,
        "POST",
        "/api/v1/status-changes?dry_run=true",
        &w.collector,
        &json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "comment": "x",
                "status_date": "2025-03-10", "resolver_id": w.resolver_id, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["dry_run"], true);
    assert!(v["status_change_id"].is_null());
    assert_eq!(v["action"]["date"], "2025-03-17");
    assert!(v["action"]["id"].is_null());
    assert_eq!(v["items"][0]["status"]["code"], "price_dispute");
    assert_eq!(snapshot(&w), before);
    let bad = call(
        &w.s,
        "POST",
        "/api/v1/status-changes?dry_run=maybe",
        &w.collector,
        &json!({}),
    );
    problem(&bad, 400);
}

#[test]
fn bad_status_changes_are_refused_and_change_nothing() {
    let w = world();
    // Close I2 by a payment.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "PAY-4", "item_id": "I2", "amount": "20.00", "date": "2025-03-01", "reference": "p"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let before = snapshot(&w);
    let cases: Vec<(Value, u16, Vec<&str>, &str)> = vec![
        (
            json!({"item_ids": ["I1", "I4"], "status": "price_dispute", "comment": "x"}),
            422,
            vec!["/item_ids"],
            "several customers",
        ),
        (
            json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "comment": "x"}),
            422,
            vec!["/item_ids/1"],
            "closed",
        ),
        (
            json!({"item_ids": ["I1", "NOPE"], "status": "price_dispute", "comment": "x"}),
            422,
            vec!["/item_ids/1"],
            "no item",
        ),
        (
            json!({"item_ids": ["I1"], "status": "fraud", "comment": "x"}),
            422,
            vec!["/status"],
            "unknown status",
        ),
        (
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "resolver_id": 999}),
            422,
            vec!["/resolver_id"],
            "no resolver",
        ),
        (
            json!({"item_ids": ["I1"], "status": "price_dispute"}),
            422,
            vec!["/comment"],
            "comment is required",
        ),
        (
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x",
                   "next_action": {"type": "call", "name": "n", "date": "2025-02-30"}}),
            422,
            vec!["/next_action/date"],
            "not a real calendar date",
        ),
        (
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x",
                   "next_action": {"type": "call", "name": "n", "date": "next week"}}),
            422,
            vec!["/next_action/date"],
            "YYYY-MM-DD",
        ),
        (
            json!({"item_ids": ["I1"], "status": "payment_in_progress", "next_action": "suggested"}),
            422,
            vec!["/next_action"],
            "no linked action model",
        ),
        (
            json!({"item_ids": "I1", "status": 3, "comments": "typo"}),
            422,
            vec!["/item_ids", "/status", "/comments"],
            "",
        ),
    ];
    for (body, status, expected, words) in cases {
        let r = qualify(&w, body.clone());
        let p = problem(&r, status);
        assert_eq!(pointers(&p), expected, "{body}: {p}");
        assert!(p["detail"].as_str().unwrap().contains(words), "{body}: {p}");
    }
    let r = w.s.request(
        "POST",
        "/api/v1/status-changes",
        &[
            ("authorization", &bearer(&w.collector)),
            ("content-type", "application/json"),
        ],
        b"{\"item_ids\": [",
    );
    problem(&r, 400);
    let r = w.s.request(
        "POST",
        "/api/v1/status-changes",
        &[
            ("authorization", &bearer(&w.collector)),
            ("content-type", "text/plain"),
        ],
        b"{}",
    );
    problem(&r, 415);
    let big = vec![b' '; 2 * 1024 * 1024];
    let r = w.s.request(
        "POST",
        "/api/v1/status-changes",
        &[
            ("authorization", &bearer(&w.collector)),
            ("content-type", "application/json"),
        ],
        &big,
    );
    problem(&r, 413);
    // A deactivated status cannot be applied.
    let r = call(
        &w.s,
        "PATCH",
        "/api/v1/admin/statuses/quality_dispute",
        ADMIN_TOKEN,
        &json!({"active": false}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "quality_dispute", "comment": "x"}),
    );
    assert!(
        problem(&r, 422)["detail"]
            .as_str()
            .unwrap()
            .contains("deactivated")
    );
    assert_eq!(snapshot(&w), before);
    // Roles: an ERP token may not qualify; no token is 401; unknown change is 404.
    let erp = token(&w.s, "erp");
    let r = call(
        &w.s,
        "POST",
        "/api/v1/status-changes",
        &erp,
        &json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x"}),
    );
    problem(&r, 403);
    let r = w.s.request("POST", "/api/v1/status-changes", &[], b"{}");
    problem(&r, 401);
    problem(&get(&w.s, "/api/v1/status-changes/999", &w.collector), 404);
    problem(&get(&w.s, "/api/v1/status-changes/abc", &w.collector), 404);
    problem(
        &call(
            &w.s,
            "PUT",
            "/api/v1/status-changes",
            &w.collector,
            &json!({}),
        ),
        405,
    );
}

#[test]
fn idempotency_key_makes_a_retry_safe() {
    let w = world();
    let body = json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "next_action": "suggested"});
    let send = |b: &Value| {
        w.s.request(
            "POST",
            "/api/v1/status-changes",
            &[
                ("authorization", &bearer(&w.collector)),
                ("content-type", "application/json"),
                ("idempotency-key", "qualify-1"),
            ],
            b.to_string().as_bytes(),
        )
    };
    let first = send(&body);
    assert_eq!(first.status, 201, "{}", first.text());
    let again = send(&body);
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json()["action"]["id"], first.json()["action"]["id"]);
    let h = history(&w, "I1");
    assert_eq!(
        h.iter().filter(|e| e["event"] == "status_changed").count(),
        1
    );
    let mut other = body.clone();
    other["comment"] = json!("different");
    problem(&send(&other), 409);
}

/// Finds the `/r/<token>` link in an email's HTML.
pub fn resolver_token(html: &str) -> String {
    let start = html.find("/r/").expect("a resolver link") + 3;
    html[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

#[test]
fn resolver_email_preview_queue_and_a_link_that_verifies() {
    let w = world();
    let change = price_dispute(&w);
    let id = change["status_change_id"].as_i64().unwrap();
    let before = snapshot(&w);
    let r = post(
        &w,
        "/api/v1/emails/preview",
        &json!({"template": "resolver_dispute", "status_change_id": id}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let p = r.json();
    assert_eq!(p["to"], "sam@corp.example");
    assert_eq!(p["language"], "en");
    assert_eq!(
        p["subject"],
        "Price dispute: Acme SA disputes 3 item(s), €200.00"
    );
    let html = p["html"].as_str().unwrap();
    assert!(html.contains("<table class=\"items\""), "{html}");
    for n in ["F-I1", "F-I2", "F-I3"] {
        assert!(html.contains(&format!("<td>{n}</td>")), "{html}");
    }
    assert!(html.contains("Unit price is not the one agreed"));
    // Dates, amounts and kinds as the pages write them in the recipient's language.
    assert!(
        html.contains("We will follow up on Mar 17, 2025."),
        "{html}"
    );
    assert!(html.contains("<td>€100.00</td>"), "{html}");
    assert!(p["text"].as_str().unwrap().contains("F-I1 | Invoice"));
    // A preview writes nothing.
    let outbox = get(&w.s, "/api/v1/outbox", &w.collector).json();
    assert_eq!(outbox["messages"], json!([]));
    assert_eq!(snapshot(&w), before);

    // Queue it: no delivery configured, so it stays queued.
    let r = post(
        &w,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let m = r.json();
    assert_eq!(m["state"], "queued");
    assert_eq!(m["to"], "sam@corp.example");
    let html = m["html"].as_str().unwrap();
    assert!(html.contains("href=\"http://127.0.0.1:3000/r/"), "{html}");
    let token = resolver_token(html);
    let claims = links::verify(
        LINK_SECRET.as_bytes(),
        &token,
        chrono::Utc::now().timestamp(),
        |_| false,
    )
    .expect("the link verifies");
    assert_eq!(claims.audience, links::Audience::Resolver);
    assert_eq!(claims.subject, w.resolver_id.to_string());
    assert_eq!(claims.customer_id, "C1");
    assert_eq!(claims.status_change_id, Some(id));
    assert_eq!(claims.action_id, change["action"]["id"].as_i64());
    assert!(claims.permits(links::Audience::Resolver, "C1").is_ok());
    assert!(claims.permits(links::Audience::Customer, "C1").is_err());
    assert!(links::verify(b"another secret", &token, 0, |_| false).is_err());
    // The outbox lists it; the stored link is live, then revoked.
    let list = get(&w.s, "/api/v1/outbox?state=queued", &w.collector).json();
    assert_eq!(list["messages"][0]["id"], m["id"]);
    assert!(list["messages"][0]["html"].is_null());
    let link = format!("/api/v1/links/{}", claims.link_id);
    assert_eq!(get(&w.s, &link, &w.collector).json()["state"], "live");
    assert_eq!(
        call(&w.s, "DELETE", &link, &w.collector, &Value::Null).status,
        204
    );
    assert_eq!(get(&w.s, &link, &w.collector).json()["state"], "revoked");
    problem(
        &call(&w.s, "DELETE", &link, &w.collector, &Value::Null),
        409,
    );
    problem(&get(&w.s, "/api/v1/links/999", &w.collector), 404);
}

#[test]
fn customer_confirmation_in_the_customer_language_with_a_customer_link() {
    let w = world();
    let change = price_dispute(&w);
    let r = post(
        &w,
        "/api/v1/emails",
        &json!({"template": "customer_confirmation", "status_change_id": change["status_change_id"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let m = r.json();
    assert_eq!(m["to"], "ap@acme.fr");
    assert_eq!(m["language"], "fr");
    assert_eq!(m["subject"], "Acme SA : nous avons bien noté votre retour");
    let html = m["html"].as_str().unwrap();
    assert!(html.contains("Litige prix"), "{html}");
    assert!(html.contains("http://127.0.0.1:3000/c/"), "{html}");
    // By action too, with an edited subject.
    let r = post(
        &w,
        "/api/v1/emails/preview",
        &json!({"template": "customer_confirmation", "action_id": change["action"]["id"],
                "language": "en", "subject": "About #items_count items of #customer_name"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["subject"], "About 3 items of Acme SA");
}

#[test]
fn comments_are_escaped_in_emails() {
    let w = world();
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "price_dispute", "resolver_id": w.resolver_id,
               "comment": "<script>alert('x')</script><img src=x onerror=alert(1)>"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["status_change_id"].clone();
    let p = post(
        &w,
        "/api/v1/emails/preview",
        &json!({"template": "resolver_dispute", "status_change_id": id}),
    )
    .json();
    let html = p["html"].as_str().unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(
        p["text"]
            .as_str()
            .unwrap()
            .contains("<script>alert('x')</script>")
    );
}

#[test]
fn bad_email_requests_are_refused() {
    let w = world();
    let change = price_dispute(&w);
    let id = change["status_change_id"].clone();
    // A scenario-only change of I5 has no resolver.
    let r = qualify(
        &w,
        json!({"item_ids": ["I5"], "status": "payment_in_progress"}),
    );
    let no_resolver = r.json()["status_change_id"].clone();
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (
            json!({"template": "nope", "status_change_id": id}),
            vec!["/template"],
        ),
        (
            json!({"template": "resolver_dispute"}),
            vec!["/status_change_id"],
        ),
        (
            json!({"template": "resolver_dispute", "status_change_id": id, "action_id": 1}),
            vec!["/action_id"],
        ),
        (
            json!({"template": "resolver_dispute", "status_change_id": 999}),
            vec!["/status_change_id"],
        ),
        (
            json!({"template": "resolver_dispute", "action_id": 999}),
            vec!["/action_id"],
        ),
        (
            json!({"template": "resolver_dispute", "status_change_id": id, "to": "not-an-email"}),
            vec!["/to"],
        ),
        (
            json!({"template": "resolver_dispute", "status_change_id": id, "language": "ko"}),
            vec!["/language"],
        ),
        (
            json!({"template": "resolver_dispute", "status_change_id": no_resolver}),
            vec!["/to"],
        ),
        (
            json!({"template": "resolver_dispute", "status_change_id": id, "body": "Hi #nobody"}),
            vec!["/body"],
        ),
        (
            json!({"template": "resolver_dispute", "status_change_id": id, "subject": "{% if %}"}),
            vec!["/subject"],
        ),
    ];
    for (body, expected) in cases {
        for path in ["/api/v1/emails/preview", "/api/v1/emails"] {
            let r = post(&w, path, &body);
            let p = problem(&r, 422);
            assert_eq!(pointers(&p), expected, "{path} {body}: {p}");
        }
    }
    assert_eq!(
        get(&w.s, "/api/v1/outbox", &w.collector).json()["messages"],
        json!([])
    );
    problem(&get(&w.s, "/api/v1/outbox/999", &w.collector), 404);
    problem(&get(&w.s, "/api/v1/outbox?state=lost", &w.collector), 400);
    // Without delivery settings, flushing is a clear 409.
    problem(
        &call(
            &w.s,
            "POST",
            "/api/v1/outbox/flush",
            &w.collector,
            &Value::Null,
        ),
        409,
    );
}

pub fn vars_of<'a>(pairs: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    pairs.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[test]
fn delivery_to_the_email_api_records_failures_and_flush_retries_them() {
    // The API fails the first request, then accepts.
    let api = FakeEmailApi::start(|n| if n == 0 { 500 } else { 202 });
    let vars = api.vars();
    let w = world_with(&vars_of(&vars));
    let change = price_dispute(&w);
    let send = || {
        post(
            &w,
            "/api/v1/emails",
            &json!({"template": "resolver_dispute", "status_change_id": change["status_change_id"]}),
        )
    };
    let failed = send();
    assert_eq!(failed.status, 201, "{}", failed.text());
    let failed = failed.json();
    assert_eq!(failed["state"], "failed");
    assert_eq!(failed["attempts"], 1);
    assert!(
        failed["last_error"].as_str().unwrap().contains("500"),
        "{failed}"
    );
    let sent = send().json();
    assert_eq!(sent["state"], "sent", "{sent}");
    assert!(sent["sent_at"].is_string());
    {
        let got = api.received.lock().unwrap();
        assert_eq!(got.len(), 2);
        let head = got[1].head.to_ascii_lowercase();
        assert!(head.starts_with("post /send "), "{head}");
        assert!(
            head.contains("authorization: bearer e2e-email-token"),
            "{head}"
        );
        assert_eq!(got[1].body["to"], "sam@corp.example");
        assert_eq!(got[1].body["message_id"], format!("settle-{}", sent["id"]));
        assert!(
            got[1].body["html"]
                .as_str()
                .unwrap()
                .contains("<td>F-I1</td>")
        );
        assert!(got[1].body["text"].as_str().unwrap().contains("F-I1"));
    }
    // Flush retries the failed one; then nothing is left to send.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/outbox/flush",
        &w.collector,
        &Value::Null,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json(), json!({"attempted": 1, "sent": 1, "failed": 0}));
    let m = get(
        &w.s,
        &format!("/api/v1/outbox/{}", failed["id"]),
        &w.collector,
    )
    .json();
    assert_eq!((&m["state"], &m["attempts"]), (&json!("sent"), &json!(2)));
    assert!(m["last_error"].is_null());
    let r = call(
        &w.s,
        "POST",
        "/api/v1/outbox/flush",
        &w.collector,
        &Value::Null,
    );
    assert_eq!(r.json()["attempted"], 0);
    assert_eq!(
        get(&w.s, "/api/v1/outbox?state=sent", &w.collector).json()["messages"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn an_unreachable_email_api_leaves_the_message_failed() {
    // A port nobody listens on (bound, then closed).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let origin = format!("http://127.0.0.1:{port}");
    let vars = [
        ("SPIN_VARIABLE_EMAIL_API_URL", format!("{origin}/send")),
        ("SPIN_VARIABLE_EMAIL_API_TOKEN", "t".to_string()),
        ("SPIN_VARIABLE_EMAIL_API_ORIGIN", origin.clone()),
    ];
    let w = world_with(&vars_of(&vars));
    let change = price_dispute(&w);
    let r = post(
        &w,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": change["status_change_id"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let m = r.json();
    assert_eq!(m["state"], "failed");
    assert!(
        m["last_error"]
            .as_str()
            .unwrap()
            .contains("could not be reached"),
        "{m}"
    );
    let r = call(
        &w.s,
        "POST",
        "/api/v1/outbox/flush",
        &w.collector,
        &Value::Null,
    );
    assert_eq!(r.json(), json!({"attempted": 1, "sent": 0, "failed": 1}));
}

/// Issue 21: an email reads like the pages in its recipient's language: amounts, dates and
/// item kinds formatted by the same formatter, credits with a minus sign.
#[test]
fn emails_write_amounts_dates_and_kinds_in_the_recipients_language() {
    let w = world();
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Tia Tech", "email": "tia@corp.example", "role": "tech", "language": "ja"}),
    );
    let tia = r.json()["id"].as_i64().unwrap();
    let r = qualify(
        &w,
        json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "status_date": "2025-03-10",
               "comment": "Unit price", "resolver_id": tia}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["status_change_id"].as_i64().unwrap();
    let r = post(
        &w,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let m = r.json();
    assert_eq!(m["language"], "ja");
    let html = m["html"].as_str().unwrap();
    assert!(html.contains("請求書"), "the kind in Japanese: {html}");
    assert!(!html.contains(">invoice<"), "{html}");
    assert!(
        !html.contains("2025-01-31"),
        "dates as the pages write them: {html}"
    );
    assert!(html.contains("2025/01/31"), "{html}");
    assert!(
        !html.contains("100.00 EUR"),
        "amounts as the pages write them: {html}"
    );
    assert!(html.contains("€100.00"), "{html}");
    // The French customer's confirmation, in French conventions.
    let r = post(
        &w,
        "/api/v1/emails",
        &json!({"template": "customer_confirmation", "status_change_id": id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let html = r.json()["html"].as_str().unwrap().to_string();
    assert!(html.contains("Facture"), "{html}");
    assert!(
        html.contains("100,00\u{a0}€")
            || html.contains("100,00&nbsp;€")
            || html.contains("100,00 €"),
        "{html}"
    );
}
