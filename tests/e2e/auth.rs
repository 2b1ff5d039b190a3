use serde_json::json;
use settle_domain::auth::sign_webhook;

use crate::support::*;

#[test]
fn missing_and_wrong_tokens_are_401_problems() {
    let s = start();
    let r = s.get("/api/v1/items");
    let v = problem(&r, 401);
    assert!(v["detail"].as_str().unwrap().contains("Bearer"));
    assert_eq!(
        r.header("www-authenticate"),
        Some("Bearer realm=\"settle\"")
    );
    problem(&get(&s, "/api/v1/items", "not-a-token"), 401);
    problem(
        &s.request(
            "GET",
            "/api/v1/items",
            &[("authorization", "Basic abc")],
            &[],
        ),
        401,
    );
    // The shipped development default is not accepted when overridden.
    problem(&get(&s, "/api/v1/items", "dev-admin-token-change-me"), 401);
}

#[test]
fn tokens_have_roles_are_shown_once_and_revocable() {
    let s = start();
    let erp = token(&s, "erp");
    let collector = token(&s, "collector");
    assert!(erp.starts_with("stl_"));
    // Listing never shows the token itself.
    let list = get(&s, "/api/v1/admin/tokens", ADMIN_TOKEN);
    assert_eq!(list.status, 200);
    let text = list.text();
    assert!(!text.contains(&erp) && !text.contains(&collector));
    assert_eq!(list.json()["tokens"].as_array().unwrap().len(), 2);
    // The database keeps only a hash.
    let db = rusqlite::Connection::open(s.state_dir.join("sqlite_db.db")).unwrap();
    let stored: Vec<String> = db
        .prepare("SELECT token_hash FROM api_tokens")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        stored
            .iter()
            .all(|h| h.len() == 64 && *h != erp && *h != collector)
    );

    // Roles: erp may push, collector may not; collector may read; neither administers.
    customers(&s, &erp);
    let v = problem(
        &call(
            &s,
            "POST",
            "/api/v1/erp/customers",
            &collector,
            &json!({"customers": []}),
        ),
        403,
    );
    assert!(v["detail"].as_str().unwrap().contains("collector"));
    assert_eq!(get(&s, "/api/v1/customers/C1", &collector).status, 200);
    problem(&get(&s, "/api/v1/admin/tokens", &collector), 403);
    problem(&get(&s, "/api/v1/admin/tokens", &erp), 403);

    // Revocation.
    let id = get(&s, "/api/v1/admin/tokens", ADMIN_TOKEN).json()["tokens"][1]["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        call(
            &s,
            "DELETE",
            &format!("/api/v1/admin/tokens/{id}"),
            ADMIN_TOKEN,
            &serde_json::Value::Null
        )
        .status,
        204
    );
    problem(&get(&s, "/api/v1/customers/C1", &collector), 401);
    problem(
        &call(
            &s,
            "DELETE",
            &format!("/api/v1/admin/tokens/{id}"),
            ADMIN_TOKEN,
            &serde_json::Value::Null,
        ),
        409,
    );
    problem(
        &call(
            &s,
            "DELETE",
            "/api/v1/admin/tokens/999",
            ADMIN_TOKEN,
            &serde_json::Value::Null,
        ),
        404,
    );
    let listed = get(&s, "/api/v1/admin/tokens", ADMIN_TOKEN).json();
    assert!(listed["tokens"][1]["revoked_at"].is_string());
}

#[test]
fn token_creation_bad_input() {
    let s = start();
    let v = problem(
        &call(
            &s,
            "POST",
            "/api/v1/admin/tokens",
            ADMIN_TOKEN,
            &json!({"name": "x", "role": "root"}),
        ),
        422,
    );
    assert!(v["detail"].as_str().unwrap().contains("role"));
    problem(
        &call(
            &s,
            "POST",
            "/api/v1/admin/tokens",
            ADMIN_TOKEN,
            &json!({"name": "", "role": "erp"}),
        ),
        422,
    );
    problem(
        &call(
            &s,
            "POST",
            "/api/v1/admin/tokens",
            ADMIN_TOKEN,
            &json!({"role": "erp"}),
        ),
        400,
    );
    problem(
        &s.request(
            "POST",
            "/api/v1/admin/tokens",
            &[
                ("authorization", &bearer(ADMIN_TOKEN)),
                ("content-type", "application/json"),
            ],
            b"{oops",
        ),
        400,
    );
    problem(
        &call(&s, "PUT", "/api/v1/admin/tokens", ADMIN_TOKEN, &json!({})),
        405,
    );
    assert_eq!(
        get(&s, "/api/v1/admin/tokens", ADMIN_TOKEN).json()["tokens"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

fn signed(
    s: &settle_host::testing::TestServer,
    body: &str,
    header: &str,
) -> settle_host::testing::TestResponse {
    s.request(
        "POST",
        "/api/v1/erp/customers",
        &[
            ("content-type", "application/json"),
            ("x-settle-signature", header),
        ],
        body.as_bytes(),
    )
}

#[test]
fn erp_webhook_signatures() {
    let s = start();
    let body =
        json!({"customers": [{"id": "C9", "name": "Signed", "entity": "FR01", "currency": "EUR"}]})
            .to_string();
    let now = chrono::Utc::now().timestamp();
    let r = signed(
        &s,
        &body,
        &sign_webhook(WEBHOOK_SECRET.as_bytes(), now, body.as_bytes()),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["customers"]["created"], 1);
    // The same signed delivery again (its header rewritten or not) is refused: a captured
    // request cannot be replayed within its window.
    let header = sign_webhook(WEBHOOK_SECRET.as_bytes(), now, body.as_bytes());
    let replay = problem(&signed(&s, &body, &header), 409);
    assert_eq!(replay["type"], "/problems/webhook-replayed");
    let (t, v1) = header.split_once(',').unwrap();
    problem(&signed(&s, &body, &format!("{v1},{t}")), 409);
    // Signed anew (another second), the same body is a new delivery.
    let again = signed(
        &s,
        &body,
        &sign_webhook(WEBHOOK_SECRET.as_bytes(), now - 1, body.as_bytes()),
    );
    assert_eq!(again.status, 200, "{}", again.text());
    // Tampered body, wrong secret, stale timestamp, garbage: all 401, nothing written.
    let other = body.replace("Signed", "Forged");
    let v = problem(
        &signed(
            &s,
            &other,
            &sign_webhook(WEBHOOK_SECRET.as_bytes(), now, body.as_bytes()),
        ),
        401,
    );
    assert!(v["detail"].as_str().unwrap().contains("does not match"));
    problem(
        &signed(&s, &other, &sign_webhook(b"wrong", now, other.as_bytes())),
        401,
    );
    let v = problem(
        &signed(
            &s,
            &other,
            &sign_webhook(WEBHOOK_SECRET.as_bytes(), now - 301, other.as_bytes()),
        ),
        401,
    );
    assert!(v["detail"].as_str().unwrap().contains("5 minutes"));
    problem(&signed(&s, &other, "nonsense"), 401);
    let c = get(&s, "/api/v1/customers/C9", ADMIN_TOKEN).json();
    assert_eq!(c["name"], "Signed");
    // Signatures are for ERP endpoints only.
    problem(
        &s.request(
            "GET",
            "/api/v1/items",
            &[(
                "x-settle-signature",
                &sign_webhook(WEBHOOK_SECRET.as_bytes(), now, b""),
            )],
            &[],
        ),
        401,
    );
}

#[test]
fn api_answers_are_nosniff_and_never_cached() {
    let s = start();
    for r in [
        get(&s, "/api/v1/items", ADMIN_TOKEN),
        get(&s, "/api/v1/outbox", ADMIN_TOKEN),
        get(&s, "/api/v1/admin/tokens", ADMIN_TOKEN),
        get(&s, "/api/v1/customers/NOPE", ADMIN_TOKEN),
        s.get("/api/v1/items"),
        s.get("/api/v1/health"),
    ] {
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("cache-control"), Some("no-store"));
    }
}

#[test]
fn token_creation_needs_json() {
    let s = start();
    let r = s.request(
        "POST",
        "/api/v1/admin/tokens",
        &[
            ("authorization", &bearer(ADMIN_TOKEN)),
            ("content-type", "text/plain"),
        ],
        br#"{"name":"SAP","role":"erp"}"#,
    );
    assert_eq!(problem(&r, 415)["type"], "/problems/unsupported-media-type");
    let tokens = get(&s, "/api/v1/admin/tokens", ADMIN_TOKEN).json();
    assert_eq!(tokens["tokens"].as_array().unwrap().len(), 0);
}

#[test]
fn development_secrets_are_refused_off_loopback_and_reported_on_it() {
    use settle_domain::auth::{DEV_ADMIN_TOKEN, DEV_LINK_SECRET};
    let dev = [
        ("SPIN_VARIABLE_ADMIN_TOKEN", DEV_ADMIN_TOKEN),
        ("SPIN_VARIABLE_LINK_SECRET", DEV_LINK_SECRET),
    ];
    // On loopback: accepted, but health says the app is degraded and why.
    let s = start_with(&dev);
    assert_eq!(get(&s, "/api/v1/items", DEV_ADMIN_TOKEN).status, 200);
    let h = s.get("/api/v1/health").json();
    assert_eq!(h["status"], "degraded");
    assert!(
        h["warnings"][0].as_str().unwrap().contains("admin_token"),
        "{h}"
    );
    assert!(
        h["warnings"][1].as_str().unwrap().contains("link_secret"),
        "{h}"
    );
    drop(s);
    // Public: the development admin token opens nothing...
    let public = (
        "SPIN_VARIABLE_PUBLIC_BASE_URL",
        "https://settle.example.com",
    );
    let s = start_with(&[dev[0], public]);
    let p = problem(&get(&s, "/api/v1/items", DEV_ADMIN_TOKEN), 401);
    assert!(p["detail"].as_str().unwrap().contains("development"), "{p}");
    drop(s);
    // ... and no link is signed with the development link secret.
    let s = start_with(&[dev[1], public]);
    let collector = token(&s, "collector");
    let r = call(
        &s,
        "POST",
        "/api/v1/emails",
        &collector,
        &json!({"template": "resolver_dispute", "status_change_id": 1}),
    );
    assert_eq!(problem(&r, 503)["type"], "/problems/insecure-configuration");
}
