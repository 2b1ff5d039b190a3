//! Administration of statuses, resolvers, action models and email templates.

use serde_json::{Value, json};

use crate::support::*;

fn admin(s: &settle_host::testing::TestServer, method: &str, path: &str, body: Value) -> Value {
    let r = call(s, method, path, ADMIN_TOKEN, &body);
    assert!(r.status < 300, "{method} {path}: {}", r.text());
    r.json()
}

#[test]
fn statuses_are_created_edited_deactivated_and_deleted_when_unused() {
    let s = start();
    let list = admin(&s, "GET", "/api/v1/admin/statuses", Value::Null);
    let codes: Vec<&str> = list["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 7);
    let price = &list["statuses"][0];
    assert_eq!(price["action_model"], "dispute_follow_up");
    assert_eq!(price["labels"]["fr"], "Litige prix");

    let r = call(
        &s,
        "POST",
        "/api/v1/admin/statuses",
        ADMIN_TOKEN,
        &json!({"code": "vat_dispute", "kind": "dispute", "typology": "administrative",
                "labels": {"en": "VAT dispute", "fr": "Litige TVA"}, "action_model": "dispute_follow_up",
                "customer_visible": false}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["customer_visible"], false);
    problem(
        &call(
            &s,
            "POST",
            "/api/v1/admin/statuses",
            ADMIN_TOKEN,
            &json!({"code": "vat_dispute", "kind": "dispute", "typology": "x", "labels": {"en": "x"}}),
        ),
        409,
    );
    let v = admin(
        &s,
        "PATCH",
        "/api/v1/admin/statuses/vat_dispute",
        json!({"labels": {"de": "MwSt-Streit"}, "action_model": null}),
    );
    assert_eq!(v["labels"]["de"], "MwSt-Streit");
    assert_eq!(v["labels"]["en"], "VAT dispute");
    assert!(v["action_model"].is_null());
    // Deactivating is a PATCH of `active`.
    let v = admin(
        &s,
        "PATCH",
        "/api/v1/admin/statuses/vat_dispute",
        json!({"active": false}),
    );
    assert_eq!(v["active"], false);
    let v = admin(&s, "GET", "/api/v1/admin/statuses/vat_dispute", Value::Null);
    assert_eq!(v["active"], false);
    let h = v["history"].as_array().unwrap();
    assert_eq!(h.len(), 3);
    assert_eq!(h[0]["actor"], "admin-bootstrap");
    assert!(h[0]["before"].is_null());
    assert_eq!(h[2]["before"]["active"], true);
    assert_eq!(h[2]["after"]["active"], false);
    // DELETE removes a status nothing refers to (and keeps its audit trail), and refuses
    // one that items carry.
    let r = call(
        &s,
        "DELETE",
        "/api/v1/admin/statuses/vat_dispute",
        ADMIN_TOKEN,
        &Value::Null,
    );
    assert_eq!(r.status, 204, "{}", r.text());
    let r = call(
        &s,
        "GET",
        "/api/v1/admin/statuses/vat_dispute",
        ADMIN_TOKEN,
        &Value::Null,
    );
    assert_eq!(r.status, 404);
    let r = call(
        &s,
        "DELETE",
        "/api/v1/admin/statuses/vat_dispute",
        ADMIN_TOKEN,
        &Value::Null,
    );
    assert_eq!(r.status, 404);
    let db = rusqlite::Connection::open(s.state_dir.join("sqlite_db.db")).unwrap();
    let audit: i64 = db
        .query_row(
            "SELECT count(*) FROM config_history WHERE kind = 'status' AND key = 'vat_dispute' AND after IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit, 1, "the deletion is in the audit trail");

    // Bad input: every field named; nothing written.
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/statuses",
        ADMIN_TOKEN,
        &json!({"code": "Bad Code", "kind": "angry", "labels": {"fr": "x"}, "action_model": "nope", "colour": 1}),
    );
    let p = problem(&r, 422);
    assert_eq!(
        pointers(&p),
        ["/kind", "/code", "/labels/en", "/colour"],
        "{p}"
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/statuses",
        ADMIN_TOKEN,
        &json!({"code": "odd", "kind": "info", "labels": {"en": "Odd"}, "action_model": "nope"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/action_model"]);
    problem(
        &call(
            &s,
            "PATCH",
            "/api/v1/admin/statuses/nope",
            ADMIN_TOKEN,
            &json!({}),
        ),
        404,
    );
    let count = admin(&s, "GET", "/api/v1/admin/statuses", Value::Null)["statuses"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(count, 7, "the seven defaults: vat_dispute was deleted");
    // A collector may not configure.
    let collector = token(&s, "collector");
    problem(&get(&s, "/api/v1/admin/statuses", &collector), 403);
}

#[test]
fn the_kind_of_a_status_in_use_cannot_change() {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I1", "C1", "2025-01-31", "100.00", "100.00")],
    );
    // Unused: the kind may change.
    admin(
        &s,
        "PATCH",
        "/api/v1/admin/statuses/payment_in_progress",
        json!({"kind": "promise"}),
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/status-changes",
        ADMIN_TOKEN,
        &json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = call(
        &s,
        "PATCH",
        "/api/v1/admin/statuses/price_dispute",
        ADMIN_TOKEN,
        &json!({"kind": "info", "typology": null}),
    );
    assert!(
        problem(&r, 409)["detail"]
            .as_str()
            .unwrap()
            .contains("in use")
    );
    let v = admin(
        &s,
        "GET",
        "/api/v1/admin/statuses/price_dispute",
        Value::Null,
    );
    assert_eq!(
        (&v["kind"], &v["open_items"]),
        (&json!("dispute"), &json!(1))
    );
}

#[test]
fn resolvers_and_action_models() {
    let s = start();
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Tina Tech", "email": "tina@corp.example", "role": "technician", "language": "fr"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().unwrap();
    let path = format!("/api/v1/admin/resolvers/{id}");
    assert_eq!(r.header("location"), Some(path.as_str()));
    let v = admin(&s, "PATCH", &path, json!({"role": "sales assistant"}));
    assert_eq!(
        (&v["role"], &v["language"]),
        (&json!("sales assistant"), &json!("fr"))
    );
    let v = admin(&s, "PATCH", &path, json!({"active": false}));
    assert_eq!(v["active"], false);
    assert_eq!(
        admin(&s, "GET", &path, Value::Null)["history"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // Nothing refers to this resolver yet: DELETE removes it.
    let r = call(&s, "DELETE", &path, ADMIN_TOKEN, &Value::Null);
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(
        call(&s, "GET", &path, ADMIN_TOKEN, &Value::Null).status,
        404
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "", "email": "nope", "language": "French"}),
    );
    assert_eq!(
        pointers(&problem(&r, 422)),
        ["/name", "/email", "/role", "/language"]
    );
    problem(&get(&s, "/api/v1/admin/resolvers/999", ADMIN_TOKEN), 404);

    let models = admin(&s, "GET", "/api/v1/admin/action-models", Value::Null);
    assert_eq!(models["action_models"].as_array().unwrap().len(), 2);
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/action-models",
        ADMIN_TOKEN,
        &json!({"code": "call_back", "type": "call", "name": "Call back", "delay_days": 2}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let v = admin(
        &s,
        "PATCH",
        "/api/v1/admin/action-models/call_back",
        json!({"delay_days": 3}),
    );
    assert_eq!(v["delay_days"], 3);
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/action-models",
        ADMIN_TOKEN,
        &json!({"code": "x y", "type": "fax", "name": "n", "delay_days": -1}),
    );
    assert_eq!(
        pointers(&problem(&r, 422)),
        ["/code", "/type", "/delay_days"]
    );
    // A status linked to the new model suggests it.
    admin(
        &s,
        "PATCH",
        "/api/v1/admin/statuses/payment_in_progress",
        json!({"action_model": "call_back"}),
    );
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I1", "C1", "2025-01-31", "100.00", "100.00")],
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/status-changes",
        ADMIN_TOKEN,
        &json!({"item_ids": ["I1"], "status": "payment_in_progress", "status_date": "2025-03-01",
                "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let a = &r.json()["action"];
    assert_eq!(
        (&a["type"], &a["date"]),
        (&json!("call"), &json!("2025-03-04"))
    );
    assert_eq!(a["model"], "call_back");
    // An action used it: DELETE is refused; deactivated, it is no longer suggested.
    let r = call(
        &s,
        "DELETE",
        "/api/v1/admin/action-models/call_back",
        ADMIN_TOKEN,
        &Value::Null,
    );
    assert_eq!(problem(&r, 409)["type"], "/problems/in-use");
    admin(
        &s,
        "PATCH",
        "/api/v1/admin/action-models/call_back",
        json!({"active": false}),
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/status-changes",
        ADMIN_TOKEN,
        &json!({"item_ids": ["I1"], "status": "payment_in_progress", "next_action": "suggested"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/next_action"]);
}

#[test]
fn email_templates_are_validated_before_they_are_saved() {
    let s = start();
    let list = admin(&s, "GET", "/api/v1/admin/email-templates", Value::Null);
    let keys: Vec<String> = list["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            format!(
                "{}/{}",
                t["code"].as_str().unwrap(),
                t["language"].as_str().unwrap()
            )
        })
        .collect();
    // The pages' three emails and the escalation in the 15 page languages; reminders in
    // English and French.
    let mut expected = Vec::new();
    for code in [
        "collector_reply",
        "customer_confirmation",
        "resolver_dispute",
        "dispute_escalation",
    ] {
        for l in settle_domain::catalog::PAGE_LANGUAGES {
            expected.push(format!("{code}/{l}"));
        }
    }
    for code in ["reminder_first", "reminder_preventive", "reminder_second"] {
        expected.push(format!("{code}/en"));
        expected.push(format!("{code}/fr"));
    }
    let mut keys = keys;
    keys.sort();
    expected.sort();
    assert_eq!(keys, expected);
    assert!(
        list["hashtags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["name"] == "#items_list_selected")
    );

    let path = "/api/v1/admin/email-templates/resolver_dispute/en";
    let r = call(
        &s,
        "PUT",
        path,
        ADMIN_TOKEN,
        &json!({"audience": "resolver", "subject": "Dispute for #custmer_name",
                "body": "<p>Hello</p>\n<p>#items_list_selectd</p>"}),
    );
    let p = problem(&r, 422);
    assert_eq!(pointers(&p), ["/subject", "/body"]);
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("#custmer_name (line 1)"),
        "{p}"
    );
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("#items_list_selectd (line 2)"),
        "{p}"
    );
    let r = call(
        &s,
        "PUT",
        path,
        ADMIN_TOKEN,
        &json!({"audience": "resolver", "subject": "ok", "body": "{% for x in %}"}),
    );
    assert!(
        problem(&r, 422)["detail"]
            .as_str()
            .unwrap()
            .contains("syntax error")
    );
    let r = call(
        &s,
        "PUT",
        path,
        ADMIN_TOKEN,
        &json!({"audience": "everyone", "subject": "ok"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/audience", "/body"]);
    // Unchanged after the refusals.
    let v = admin(&s, "GET", path, Value::Null);
    assert!(v["subject"].as_str().unwrap().starts_with("#status:"));

    let v = admin(
        &s,
        "PUT",
        path,
        json!({"audience": "resolver", "subject": "#customer_name needs you",
               "body": "Hello #resolver_name,\nsee #resolver_link"}),
    );
    assert_eq!(v["updated_by"], "admin-bootstrap");
    let r = call(
        &s,
        "PUT",
        "/api/v1/admin/email-templates/resolver_dispute/ko",
        ADMIN_TOKEN,
        &json!({"audience": "resolver", "subject": "#customer_name 님", "body": "안녕하세요"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let h = admin(&s, "GET", path, Value::Null)["history"].clone();
    assert_eq!(h.as_array().unwrap().len(), 1);
    assert!(
        h[0]["before"]["body"]
            .as_str()
            .unwrap()
            .contains("<blockquote>")
    );
    problem(
        &call(
            &s,
            "PUT",
            "/api/v1/admin/email-templates/Bad/english",
            ADMIN_TOKEN,
            &json!({}),
        ),
        422,
    );
    problem(
        &get(&s, "/api/v1/admin/email-templates/nope/en", ADMIN_TOKEN),
        404,
    );
}

/// Issue 21: a blank enum is a 422, never a silent "unchanged"; control characters are
/// refused in every text field (line breaks and tabs in multi-line comments only); nothing
/// is written.
#[test]
fn blank_enums_and_control_characters_are_refused() {
    let s = start();
    let before = admin(
        &s,
        "GET",
        "/api/v1/admin/action-models/dispute_follow_up",
        Value::Null,
    );
    for (body, pointer) in [
        (json!({"type": ""}), "/type"),
        (json!({"type": "  "}), "/type"),
        (json!({"name": "Follow\u{1d}up\u{13}"}), "/name"),
        (json!({"name": "Two\nlines"}), "/name"),
    ] {
        let r = call(
            &s,
            "PATCH",
            "/api/v1/admin/action-models/dispute_follow_up",
            ADMIN_TOKEN,
            &body,
        );
        assert_eq!(pointers(&problem(&r, 422)), [pointer], "{body}");
    }
    let after = admin(
        &s,
        "GET",
        "/api/v1/admin/action-models/dispute_follow_up",
        Value::Null,
    );
    assert_eq!(before, after);
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/action-models",
        ADMIN_TOKEN,
        &json!({"code": "ctl", "type": "call", "name": "Bad\u{1d}name", "delay_days": 1}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/name"]);
    for (path, body, pointer) in [
        (
            "/api/v1/admin/statuses/price_dispute",
            json!({"kind": ""}),
            "/kind",
        ),
        (
            "/api/v1/admin/resolvers",
            json!({"name": "Sam\u{0}", "email": "sam@corp.example", "role": "sales"}),
            "/name",
        ),
        (
            "/api/v1/admin/users",
            json!({"name": "Eve\u{7f}", "email": "eve@corp.example", "role": "collector",
                   "password": "correct horse battery"}),
            "/name",
        ),
    ] {
        let method = if path.ends_with("price_dispute") {
            "PATCH"
        } else {
            "POST"
        };
        let r = call(&s, method, path, ADMIN_TOKEN, &body);
        assert_eq!(pointers(&problem(&r, 422)), [pointer], "{path} {body}");
    }
    // A multi-line comment keeps its line breaks; a control character is refused.
    customers(&s, ADMIN_TOKEN);
    push_items(
        &s,
        ADMIN_TOKEN,
        "delta",
        vec![item("I1", "C1", "2025-01-31", "100.00", "100.00")],
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/status-changes",
        ADMIN_TOKEN,
        &json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Bad\u{1b}[31m"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/comment"]);
    let r = call(
        &s,
        "POST",
        "/api/v1/status-changes",
        ADMIN_TOKEN,
        &json!({"item_ids": ["I1"], "status": "price_dispute",
                "comment": "Line 1\r\nLine 2\twith a tab"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
}
