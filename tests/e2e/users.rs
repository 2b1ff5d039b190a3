//! Console users through the admin API: an installer scripts the first accounts.

use serde_json::{Value, json};

use crate::support::*;

fn create(
    s: &settle_host::testing::TestServer,
    body: &Value,
) -> settle_host::testing::TestResponse {
    call(s, "POST", "/api/v1/admin/users", ADMIN_TOKEN, body)
}

#[test]
fn an_admin_creates_reads_and_edits_users_and_passwords_stay_hidden() {
    let s = start();
    let r = create(
        &s,
        &json!({"name": "Alice Martin", "email": "Alice@Corp.Example", "role": "collector",
                "language": "fr", "password": "correct horse battery staple"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let alice = r.json();
    assert_eq!(alice["email"], "alice@corp.example");
    assert_eq!(alice["role"], "collector");
    assert!(alice.get("password").is_none() && alice.get("password_hash").is_none());
    assert!(!r.text().contains("argon2") && !r.text().contains("correct horse"));
    let id = alice["id"].as_i64().unwrap();
    assert_eq!(
        r.header("location"),
        Some(format!("/api/v1/admin/users/{id}").as_str())
    );

    let r = get(&s, &format!("/api/v1/admin/users/{id}"), ADMIN_TOKEN);
    assert_eq!(r.json()["name"], "Alice Martin");
    let r = get(&s, "/api/v1/admin/users", ADMIN_TOKEN);
    assert_eq!(r.json()["users"].as_array().unwrap().len(), 1);

    let r = call(
        &s,
        "PATCH",
        &format!("/api/v1/admin/users/{id}"),
        ADMIN_TOKEN,
        &json!({"role": "admin", "active": false, "password": "another long passphrase"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        (r.json()["role"].as_str(), r.json()["active"].as_bool()),
        (Some("admin"), Some(false))
    );
    assert_eq!(r.json()["language"], "fr", "unnamed fields are kept");

    // The hash is Argon2id in the database; the audit trail says the password changed,
    // never what it is.
    let db = rusqlite::Connection::open(s.state_dir.join("sqlite_db.db")).unwrap();
    let hash: String = db
        .query_row("SELECT password_hash FROM users WHERE id = ?", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    let audit: Vec<String> = db
        .prepare("SELECT coalesce(after, '') FROM config_history WHERE kind = 'user' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(audit.len(), 2);
    assert!(
        audit
            .iter()
            .all(|a| a.contains("(changed)") && !a.contains("argon2") && !a.contains("passphrase"))
    );
}

#[test]
fn bad_user_bodies_are_refused_naming_the_field_and_write_nothing() {
    let s = start();
    let good = json!({"name": "Bob", "email": "bob@corp.example", "role": "collector",
                      "password": "correct horse battery staple"});
    assert_eq!(create(&s, &good).status, 201);
    for (body, field) in [
        (
            json!({"email": "x@corp.example", "role": "collector", "password": "correct horse battery staple"}),
            "name",
        ),
        (
            json!({"name": "X", "email": "not-an-email", "role": "collector", "password": "correct horse battery staple"}),
            "email",
        ),
        (
            json!({"name": "X", "email": "x@corp.example", "role": "boss", "password": "correct horse battery staple"}),
            "role",
        ),
        (
            json!({"name": "X", "email": "x@corp.example", "role": "collector", "password": "short"}),
            "password",
        ),
        (
            json!({"name": "X", "email": "x@corp.example", "role": "collector"}),
            "password",
        ),
        (
            json!({"name": "X", "email": "x@corp.example", "role": "collector", "password": "correct horse battery staple", "language": "xx-yy-zz"}),
            "language",
        ),
        (
            json!({"name": "X", "email": "x@corp.example", "role": "collector", "password": "correct horse battery staple", "admin": true}),
            "admin",
        ),
    ] {
        let r = create(&s, &body);
        let v = problem(&r, 422);
        assert!(pointers(&v).contains(&format!("/{field}")), "{field}: {v}");
    }
    // The same email (in any case) is another user's: 409.
    let r = create(
        &s,
        &json!({"name": "Bobby", "email": "BOB@corp.example", "role": "admin",
                               "password": "correct horse battery staple"}),
    );
    assert!(
        problem(&r, 409)["detail"]
            .as_str()
            .unwrap()
            .contains("email")
    );
    let r = get(&s, "/api/v1/admin/users", ADMIN_TOKEN);
    assert_eq!(
        r.json()["users"].as_array().unwrap().len(),
        1,
        "nothing else was written"
    );
    problem(&get(&s, "/api/v1/admin/users/999", ADMIN_TOKEN), 404);
    problem(&get(&s, "/api/v1/admin/users/abc", ADMIN_TOKEN), 404);
    problem(
        &call(
            &s,
            "DELETE",
            "/api/v1/admin/users/1",
            ADMIN_TOKEN,
            &Value::Null,
        ),
        405,
    );
    let collector = token(&s, "collector");
    problem(&get(&s, "/api/v1/admin/users", &collector), 403);
    problem(&s.get("/api/v1/admin/users"), 401);
}
