//! Outbound webhooks through the host: subscriptions, signed deliveries verified with the
//! Standard Webhooks reference library (PyPI's `standardwebhooks`), retries with the same
//! id, a receiver that stays down, a refused change that emits nothing, secret rotation.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use settle_host::testing::workspace_root;

use crate::disputes::{World, post, price_dispute, qualify, vars_of, world_with};
use crate::support::*;

/// A Python with `standardwebhooks` (pinned in tests/webhooks/requirements.txt), in its own
/// virtual environment under target/, made once per run. Tests run in parallel: the first
/// caller builds it while the others wait on the same `OnceLock` (two builds at once broke
/// each other's `ensurepip`). The requirements file is copied in last, so an interrupted
/// build is never taken for a finished one.
fn python() -> PathBuf {
    static PYTHON: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PYTHON.get_or_init(make_venv).clone()
}

fn make_venv() -> PathBuf {
    let root = workspace_root();
    let venv = root.join("target/webhooks-venv");
    let py = venv.join("bin/python");
    let wanted = std::fs::read_to_string(root.join("tests/webhooks/requirements.txt")).unwrap();
    let have = std::fs::read_to_string(venv.join("requirements.txt")).unwrap_or_default();
    if have != wanted || !py.exists() {
        let _ = std::fs::remove_dir_all(&venv);
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .unwrap()
            .success();
        assert!(ok, "python3 -m venv failed");
        let ok = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(root.join("tests/webhooks/requirements.txt"))
            .status()
            .unwrap()
            .success();
        assert!(ok, "pip install standardwebhooks failed");
        std::fs::write(venv.join("requirements.txt"), wanted).unwrap();
    }
    py
}

/// Verifies deliveries with the reference library; panics with its error when one fails.
fn verify(secret: &str, got: &[Received]) -> Result<(), String> {
    let deliveries: Vec<Value> = got
        .iter()
        .map(|r| {
            json!({"headers": {
                "webhook-id": r.header("webhook-id"),
                "webhook-timestamp": r.header("webhook-timestamp"),
                "webhook-signature": r.header("webhook-signature"),
            }, "body": String::from_utf8(r.raw.clone()).unwrap()})
        })
        .collect();
    let mut child = Command::new(python())
        .arg(workspace_root().join("tests/webhooks/verify.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            json!({"secret": secret, "deliveries": deliveries})
                .to_string()
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            format!("verified {}", got.len())
        );
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn admin(w: &World, method: &str, path: &str, body: &Value) -> settle_host::testing::TestResponse {
    call(&w.s, method, path, ADMIN_TOKEN, body)
}

fn subscribe(w: &World, url: &str, events: Value) -> Value {
    let r = admin(
        w,
        "POST",
        "/api/v1/admin/webhooks",
        &json!({"url": url, "events": events, "description": "SAP S/4 dispute bridge"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.header("cache-control"), Some("no-store"));
    r.json()
}

fn deliveries(w: &World, query: &str) -> Vec<Value> {
    let r = get(
        &w.s,
        &format!("/api/v1/webhooks/deliveries{query}"),
        ADMIN_TOKEN,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["deliveries"].as_array().unwrap().clone()
}

fn events(w: &World) -> Vec<Value> {
    let r = get(&w.s, "/api/v1/webhooks/events?limit=500", ADMIN_TOKEN);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].clone())
        .collect()
}

fn received(api: &FakeEmailApi) -> Vec<Received> {
    api.received.lock().unwrap().clone()
}

#[test]
fn subscriptions_are_checked_and_audited() {
    let w = world_with(&[("SPIN_VARIABLE_WEBHOOK_ORIGINS", "https://erp.example.com")]);
    let bad = |body: Value, pointers_: &[&str]| {
        let r = admin(&w, "POST", "/api/v1/admin/webhooks", &body);
        let p = problem(&r, 422);
        assert_eq!(pointers(&p), pointers_, "{p}");
    };
    bad(json!({}), &["/url", "/events"]);
    bad(
        json!({"url": "https://elsewhere.example.org/in", "events": ["*"]}),
        &["/url"],
    );
    bad(
        json!({"url": "https://erp.example.com/in", "events": ["dispute.closed", "dispute.opened", "dispute.opened"]}),
        &["/events/0", "/events/2"],
    );
    bad(
        json!({"url": "https://user:pw@erp.example.com/in", "events": ["*"], "colour": 1}),
        &["/url", "/colour"],
    );
    let auth = bearer(ADMIN_TOKEN);
    let malformed = w.s.request(
        "POST",
        "/api/v1/admin/webhooks",
        &[
            ("authorization", &auth),
            ("content-type", "application/json"),
        ],
        b"{\"url\": ",
    );
    problem(&malformed, 400);
    let not_json = w.s.request(
        "POST",
        "/api/v1/admin/webhooks",
        &[("authorization", &auth), ("content-type", "text/plain")],
        b"url=x",
    );
    problem(&not_json, 415);
    // Collectors cannot subscribe, nor read deliveries.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/webhooks",
        &w.collector,
        &json!({"url": "https://erp.example.com/in", "events": ["*"]}),
    );
    problem(&r, 403);
    problem(&get(&w.s, "/api/v1/webhooks/deliveries", &w.collector), 403);
    problem(&get(&w.s, "/api/v1/webhooks/deliveries", "nope"), 401);

    let e = subscribe(&w, "https://erp.example.com/settle?tenant=7", json!(["*"]));
    let secret = e["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"), "{e}");
    let id = e["id"].as_i64().unwrap();
    // The secret is shown once: never in a read or a list.
    let one = get(&w.s, &format!("/api/v1/admin/webhooks/{id}"), ADMIN_TOKEN);
    assert_eq!(one.status, 200);
    assert!(!one.text().contains(secret) && one.json()["secret"].is_null());
    let list = get(&w.s, "/api/v1/admin/webhooks", ADMIN_TOKEN).text();
    assert!(!list.contains(secret) && list.contains("dispute.opened"));

    let r = admin(
        &w,
        "PATCH",
        &format!("/api/v1/admin/webhooks/{id}"),
        &json!({"events": ["dispute.resolved"], "enabled": false}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["events"], json!(["dispute.resolved"]));
    assert_eq!(r.json()["enabled"], false);
    let r = admin(
        &w,
        "PATCH",
        &format!("/api/v1/admin/webhooks/{id}"),
        &json!({"url": "http://erp.example.com/in"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/url"]);
    // Audited: created and changed, never the secret.
    let history = one_history(&w, id);
    assert_eq!(history.len(), 2, "{history:?}");
    assert!(!json!(history).to_string().contains(secret));

    let rotated = admin(
        &w,
        "POST",
        &format!("/api/v1/admin/webhooks/{id}/rotate-secret"),
        &Value::Null,
    );
    assert_eq!(rotated.status, 200, "{}", rotated.text());
    let rotated = rotated.json();
    assert_ne!(rotated["secret"], e["secret"]);
    assert!(rotated["previous_secret_until"].is_string());

    for path in [
        "/api/v1/admin/webhooks/999".to_string(),
        "/api/v1/admin/webhooks/x".to_string(),
    ] {
        problem(&get(&w.s, &path, ADMIN_TOKEN), 404);
        problem(&admin(&w, "DELETE", &path, &Value::Null), 404);
    }
    let r = admin(
        &w,
        "DELETE",
        &format!("/api/v1/admin/webhooks/{id}"),
        &Value::Null,
    );
    assert_eq!(r.status, 204, "{}", r.text());
    problem(
        &get(&w.s, &format!("/api/v1/admin/webhooks/{id}"), ADMIN_TOKEN),
        404,
    );
    problem(&admin(&w, "PUT", "/api/v1/admin/webhooks", &json!({})), 405);
    problem(
        &get(&w.s, "/api/v1/webhooks/deliveries?state=lost", ADMIN_TOKEN),
        400,
    );
    problem(
        &get(
            &w.s,
            "/api/v1/webhooks/events?type=dispute.lost",
            ADMIN_TOKEN,
        ),
        400,
    );
    problem(
        &admin(
            &w,
            "POST",
            "/api/v1/webhooks/deliveries/12345/retry",
            &Value::Null,
        ),
        404,
    );
}

fn one_history(w: &World, id: i64) -> Vec<Value> {
    let r = get(&w.s, &format!("/api/v1/admin/webhooks/{id}"), ADMIN_TOKEN);
    r.json()["history"].as_array().unwrap().clone()
}

#[test]
fn a_receiver_failing_twice_gets_the_event_once_accepted_with_the_same_id_signed_as_the_standard_says()
 {
    // 500, 500, then 200 for everything after.
    let api = FakeEmailApi::start(|n| if n < 2 { 500 } else { 200 });
    let vars = [("SPIN_VARIABLE_WEBHOOK_ORIGINS", api.origin.clone())];
    let w = world_with(&vars_of(&vars));
    let e = subscribe(
        &w,
        &format!("{}/settle-events", api.origin),
        json!(["dispute.opened", "dispute.resolved", "action.terminated"]),
    );
    let secret = e["secret"].as_str().unwrap().to_string();

    // A refused status change (an unknown item) writes nothing, so emits nothing.
    let before = events(&w).len();
    let r = qualify(
        &w,
        json!({"item_ids": ["I1", "NOPE"], "status": "price_dispute", "comment": "x"}),
    );
    problem(&r, 422);
    assert_eq!(events(&w).len(), before);
    assert!(received(&api).is_empty());

    // The dispute: one attempt right after the commit, answered 500.
    let change = price_dispute(&w);
    let got = received(&api);
    assert_eq!(got.len(), 1, "{got:?}");
    let d = deliveries(&w, "?state=pending");
    assert_eq!(d.len(), 1, "{d:?}");
    let delivery = d[0]["id"].as_i64().unwrap();
    assert_eq!(d[0]["event_type"], "dispute.opened");
    assert_eq!(d[0]["attempts"], 1);
    assert_eq!(d[0]["last_status"], 500);
    // Not due again for about 5 s: a flush now attempts nothing.
    let r = admin(&w, "POST", "/api/v1/webhooks/flush", &Value::Null);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["attempted"], 0, "{}", r.text());
    std::thread::sleep(Duration::from_millis(5_500));
    let r = admin(&w, "POST", "/api/v1/webhooks/flush", &Value::Null);
    assert_eq!(r.json()["attempted"], 1, "{}", r.text());
    assert_eq!(r.json()["retrying"], 1, "{}", r.text());
    // The next is 5 minutes away; a replay attempts now, and is accepted.
    let r = admin(
        &w,
        "POST",
        &format!("/api/v1/webhooks/deliveries/{delivery}/retry"),
        &Value::Null,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["state"], "delivered", "{}", r.text());
    assert_eq!(r.json()["attempts"], 3);

    let got = received(&api);
    assert_eq!(got.len(), 3);
    let ids: Vec<String> = got
        .iter()
        .map(|r| r.header("webhook-id").unwrap())
        .collect();
    assert!(
        ids.iter().all(|i| *i == ids[0] && i.starts_with("evt_")),
        "{ids:?}"
    );
    assert!(
        got.iter().all(|r| r.raw == got[0].raw),
        "the same body every time"
    );
    verify(&secret, &got).unwrap();
    // A signature with another secret, or over another body, does not verify.
    assert!(verify(&format!("whsec_{}", "A".repeat(43) + "="), &got[..1]).is_err());
    let mut tampered = got[0].clone();
    tampered.raw = String::from_utf8(tampered.raw)
        .unwrap()
        .replace("100.00", "1.00")
        .into_bytes();
    assert!(verify(&secret, &[tampered]).is_err());

    // What an ERP needs: ids and numbers, customer, entity, status, amounts with currency.
    let event = &got[0].body;
    assert_eq!(event["type"], "dispute.opened");
    assert_eq!(event["id"], ids[0].as_str());
    assert!(event["timestamp"].is_string());
    let data = &event["data"];
    assert_eq!(data["customer"], json!({"id": "C1", "entity": "FR01"}));
    assert_eq!(data["status"], "price_dispute");
    assert_eq!(data["status_kind"], "dispute");
    assert_eq!(data["status_change_id"], change["status_change_id"]);
    assert_eq!(data["comment"], "Unit price is not the one agreed");
    let items = data["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["id"], "I1");
    assert_eq!(items[0]["number"], "F-I1");
    assert_eq!(items[0]["amount"], "100.00");
    assert_eq!(items[1]["open_amount"], "20.00");
    assert_eq!(items[0]["currency"], "EUR");
    assert_eq!(items[0]["resolver_id"], w.resolver_id);

    // The log holds what some endpoint subscribed to (nobody listens to the others).
    let types: Vec<String> = events(&w)
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(types, ["dispute.opened"]);

    // Terminating the follow-up resolves the dispute: both events, in order, once each.
    let action = change["action"]["id"].as_i64().unwrap();
    let r = post(
        &w,
        &format!("/api/v1/actions/{action}/terminate"),
        &json!({"comment": "Credit note issued"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let got = received(&api);
    let types: Vec<&str> = got[3..]
        .iter()
        .map(|r| r.body["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["dispute.resolved", "action.terminated"]);
    assert_eq!(
        got[3].body["data"]["items"][0]["previous_status"],
        "price_dispute"
    );
    assert_eq!(got[3].body["data"]["reason"], "action_terminated");
    assert_eq!(got[4].body["data"]["action"]["id"], action);
    verify(&secret, &got[3..]).unwrap();

    // A rotated secret: both the new and the old one verify for 24 hours.
    let r = admin(
        &w,
        "POST",
        &format!("/api/v1/admin/webhooks/{}/rotate-secret", e["id"]),
        &Value::Null,
    );
    let new_secret = r.json()["secret"].as_str().unwrap().to_string();
    let r = qualify(
        &w,
        json!({"item_ids": ["I5"], "status": "price_dispute", "comment": "Wrong discount"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let got = received(&api);
    assert_eq!(got.len(), 6);
    assert_eq!(got[5].body["type"], "dispute.opened");
    assert_eq!(
        got[5]
            .header("webhook-signature")
            .unwrap()
            .split(' ')
            .count(),
        2
    );
    verify(&new_secret, &got[5..]).unwrap();
    verify(&secret, &got[5..]).unwrap();
    assert_eq!(deliveries(&w, "?state=delivered").len(), 4);
    let detail = get(
        &w.s,
        &format!("/api/v1/webhooks/deliveries/{delivery}"),
        ADMIN_TOKEN,
    )
    .json();
    assert_eq!(detail["attempt_log"].as_array().unwrap().len(), 3);
    assert_eq!(detail["attempt_log"][0]["status"], 500);
    assert_eq!(detail["event"]["id"], ids[0].as_str());
}

#[test]
fn a_receiver_down_for_the_whole_test_leaves_the_delivery_failed_and_replayable() {
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let origin = format!("http://127.0.0.1:{port}");
    let vars = [("SPIN_VARIABLE_WEBHOOK_ORIGINS", origin.clone())];
    let w = world_with(&vars_of(&vars));
    subscribe(&w, &format!("{origin}/in"), json!(["dispute.opened"]));
    // The change itself is never held back by its events.
    price_dispute(&w);
    let d = deliveries(&w, "");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["state"], "pending");
    assert!(
        d[0]["last_error"].as_str().unwrap().contains("refused"),
        "{d:?}"
    );
    let id = d[0]["id"].as_i64().unwrap();
    let retry = || {
        let r = admin(
            &w,
            "POST",
            &format!("/api/v1/webhooks/deliveries/{id}/retry"),
            &Value::Null,
        );
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    };
    // Seven attempts in all, then failed.
    for n in 2..=6 {
        let r = retry();
        assert_eq!(
            (r["state"].as_str(), r["attempts"].as_i64()),
            (Some("pending"), Some(n))
        );
    }
    let r = retry();
    assert_eq!(r["state"], "failed", "{r}");
    assert_eq!(r["attempts"], 7);
    assert!(r["next_attempt_at"].is_null());
    let failed = deliveries(&w, "?state=failed");
    assert_eq!(failed.len(), 1);
    assert!(deliveries(&w, "?state=pending").is_empty());
    // A flush leaves a failed delivery alone; a replay tries it again, and it stays visible.
    let r = admin(&w, "POST", "/api/v1/webhooks/flush", &Value::Null);
    assert_eq!(r.json()["attempted"], 0);
    let r = retry();
    assert_eq!(
        (r["state"].as_str(), r["attempts"].as_i64()),
        (Some("failed"), Some(8))
    );
}

/// The text of an HTML page with minijinja's escapes undone (`/` is written `&#x2f;`).
fn unescape(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The secret a page shows once, in its `<pre>`, as the reader copies it.
fn shown_secret(html: &str) -> Option<String> {
    let start = html.find("<pre class=\"email-preview\">")? + "<pre class=\"email-preview\">".len();
    let end = start + html[start..].find("</pre>")?;
    let secret = unescape(html[start..end].trim());
    secret.starts_with("whsec_").then_some(secret)
}

#[test]
fn the_console_adds_an_endpoint_shows_its_secret_once_and_replays_a_delivery() {
    use crate::console::{PASSWORD, Visitor, user};
    let api = FakeEmailApi::start(|n| if n == 0 { 503 } else { 204 });
    let vars = [("SPIN_VARIABLE_WEBHOOK_ORIGINS", api.origin.clone())];
    let w = world_with(&vars_of(&vars));
    let ada = user(&w.s, "ada@corp.example", "admin", "en");
    user(&w.s, "kenji@corp.example", "admin", "ja");
    user(&w.s, "carl@corp.example", "collector", "en");
    let v = Visitor::new(&w.s);
    assert_eq!(v.sign_in("ada@corp.example", PASSWORD).status, 303);
    let page = v.get("/app/admin/webhooks");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("Add an endpoint"));
    assert!(v.get("/app/admin").text().contains("/app/admin/webhooks"));

    // No anti-forgery token: refused, nothing written.
    let url = format!("{}/hooks/settle", api.origin);
    let r = v.post("/app/admin/webhooks", &[("url", &url), ("events", "*")]);
    assert_eq!(r.status, 403);
    // Another origin: the page again, naming the field.
    let token = v.token("/app/admin/webhooks");
    let r = v.post(
        "/app/admin/webhooks",
        &[
            ("form_token", &token),
            ("url", "https://elsewhere.example.org/in"),
            ("events", "*"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("webhook_origins"), "{}", r.text());
    assert!(
        get(&w.s, "/api/v1/admin/webhooks", ADMIN_TOKEN).json()["webhooks"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let r = v.post(
        "/app/admin/webhooks",
        &[
            ("form_token", &token),
            ("url", &url),
            ("description", "Dynamics bridge"),
            ("events", "dispute.opened"),
            ("events", "dispute.resolved"),
        ],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let secret = shown_secret(&r.text()).expect("the secret is shown");
    let listed = v.get("/app/admin/webhooks").text();
    assert!(listed.contains("Dynamics bridge") && !unescape(&listed).contains(&secret));
    let e = &get(&w.s, "/api/v1/admin/webhooks", ADMIN_TOKEN).json()["webhooks"][0];
    assert_eq!(e["events"], json!(["dispute.opened", "dispute.resolved"]));
    assert_eq!(e["created_by"], format!("user:{ada}:ada@corp.example"));

    // A dispute: the receiver answers 503, so the delivery waits; Retry replays it.
    price_dispute(&w);
    let pending = v.get("/app/admin/webhooks?state=pending").text();
    assert!(
        pending.contains("dispute.opened") && pending.contains("HTTP 503"),
        "{pending}"
    );
    let delivery = deliveries(&w, "?state=pending")[0]["id"].as_i64().unwrap();
    let token = v.token("/app/admin/webhooks");
    let r = v.post(
        &format!("/app/admin/webhooks/deliveries/{delivery}/retry"),
        &[("form_token", &token), ("state", "pending")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some("/app/admin/webhooks?state=pending#deliveries")
    );
    assert_eq!(deliveries(&w, "?state=delivered").len(), 1);
    let got = received(&api);
    assert_eq!(got.len(), 2);
    verify(&secret, &got).unwrap();
    assert!(
        v.get("/app/admin/webhooks?state=delivered")
            .text()
            .contains("Delivered")
    );

    // A new secret, shown once; disabling, deleting.
    let id = e["id"].as_i64().unwrap();
    let r = v.post(
        &format!("/app/admin/webhooks/{id}/rotate-secret"),
        &[("form_token", &token)],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let rotated = shown_secret(&r.text()).expect("the new secret is shown");
    assert!(rotated != secret && !unescape(&r.text()).contains(&secret));
    let r = v.post(
        &format!("/app/admin/webhooks/{id}/enabled"),
        &[("form_token", &token), ("enabled", "false")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(v.get("/app/admin/webhooks").text().contains("Disabled"));
    let r = v.post(
        &format!("/app/admin/webhooks/{id}/delete"),
        &[("form_token", &token)],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(
        v.get("/app/admin/webhooks")
            .text()
            .contains("No endpoint yet.")
    );
    let r = v.post("/app/admin/webhooks/999/delete", &[("form_token", &token)]);
    assert_eq!(r.status, 404);

    // In Japanese; and not for collectors.
    let ja = Visitor::new(&w.s);
    assert_eq!(ja.sign_in("kenji@corp.example", PASSWORD).status, 303);
    assert!(
        ja.get("/app/admin/webhooks")
            .text()
            .contains("送信先を追加")
    );
    let c = Visitor::new(&w.s);
    assert_eq!(c.sign_in("carl@corp.example", PASSWORD).status, 303);
    assert_eq!(c.get("/app/admin/webhooks").status, 403);
}
