//! Issue 21: each write has one implementation, whichever door it comes through. For the
//! users use case: the API and the console's form store the same thing and refuse the same
//! bad input the same way; the first-admin page makes one admin however many posts race;
//! a password change ends the user's other sessions.

use serde_json::{Value, json};

use crate::console::{PASSWORD, Visitor, count, field, user};
use crate::support::*;

fn stored_users(s: &settle_host::testing::TestServer) -> Vec<Value> {
    let r = get(s, "/api/v1/admin/users", ADMIN_TOKEN);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            json!({"name": u["name"], "email": u["email"], "role": u["role"],
                   "language": u["language"], "active": u["active"]})
        })
        .collect()
}

fn admin_visitor(s: &settle_host::testing::TestServer) -> Visitor<'_> {
    user(s, "root@corp.example", "admin", "en");
    let v = Visitor::new(s);
    assert_eq!(v.sign_in("root@corp.example", PASSWORD).status, 303);
    v
}

#[test]
fn a_user_saved_through_the_api_or_the_console_is_the_same_and_so_are_refusals() {
    let api = start();
    let console = start();
    let v = admin_visitor(&console);
    call(
        &api,
        "POST",
        "/api/v1/admin/users",
        ADMIN_TOKEN,
        &json!({"name": "admin root@corp.example", "email": "root@corp.example", "role": "admin",
                "language": "en", "password": PASSWORD}),
    );
    let gina = [
        ("name", "Gina Ricci"),
        ("email", "Gina@Corp.Test"),
        ("role", "collector"),
        ("language", "it"),
        ("password", "a long enough passphrase"),
    ];
    let r = call(
        &api,
        "POST",
        "/api/v1/admin/users",
        ADMIN_TOKEN,
        &Value::Object(
            gina.iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect(),
        ),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let token = v.token("/app/admin/users");
    let mut fields = vec![("form_token", token.as_str())];
    fields.extend(gina);
    let r = v.post("/app/admin/users", &fields);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(stored_users(&api), stored_users(&console));

    // The same look-alike email: a 409 naming the email field, through both doors.
    for look_alike in ["gina@corp.test\u{200B}", "\u{FF47}ina@corp.test"] {
        let r = call(
            &api,
            "POST",
            "/api/v1/admin/users",
            ADMIN_TOKEN,
            &json!({"name": "Other", "email": look_alike, "role": "collector",
                    "password": "a long enough passphrase"}),
        );
        let p = problem(&r, 409);
        assert_eq!(p["type"], "/problems/email-taken");
        assert_eq!(pointers(&p), ["/email"]);
        let token = v.token("/app/admin/users");
        let r = v.post(
            "/app/admin/users",
            &[
                ("form_token", token.as_str()),
                ("name", "Other"),
                ("email", look_alike),
                ("role", "collector"),
                ("password", "a long enough passphrase"),
            ],
        );
        assert_eq!(r.status, 409, "{}", r.text());
        assert!(r.text().contains("another user"), "{}", r.text());
    }
    // The same bad fields: 422 naming them, through both doors.
    let r = call(
        &api,
        "POST",
        "/api/v1/admin/users",
        ADMIN_TOKEN,
        &json!({"name": "Bad\u{1}", "email": "x@corp.test", "role": "boss", "password": "short"}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/name", "/role", "/password"]);
    let token = v.token("/app/admin/users");
    let r = v.post(
        "/app/admin/users",
        &[
            ("form_token", token.as_str()),
            ("name", "Bad\u{1}"),
            ("email", "x@corp.test"),
            ("role", "boss"),
            ("password", "short"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert_eq!(stored_users(&api), stored_users(&console));
    assert_eq!(stored_users(&api).len(), 2);
}

#[test]
fn five_first_admin_posts_at_once_make_one_admin() {
    let s = start();
    let visitors: Vec<(Visitor, String)> = (0..5)
        .map(|_| {
            let v = Visitor::new(&s);
            assert_eq!(v.sign_in("admin", ADMIN_TOKEN).status, 303);
            let page = v.get("/app/first-admin");
            let token = field(&page.text(), "form_token");
            (v, token)
        })
        .collect();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = visitors
            .into_iter()
            .enumerate()
            .map(|(i, (v, token))| {
                scope.spawn(move || {
                    let email = format!("admin{i}@corp.example");
                    v.post(
                        "/app/first-admin",
                        &[
                            ("form_token", token.as_str()),
                            ("name", "Ada"),
                            ("email", &email),
                            ("password", PASSWORD),
                        ],
                    )
                    .status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(count(&s, "SELECT count(*) FROM users"), 1, "{statuses:?}");
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 303 || *s == 403),
        "{statuses:?}"
    );
}

#[test]
fn a_password_change_ends_the_users_other_sessions() {
    let s = start();
    let dave = user(&s, "dave@corp.example", "collector", "en");
    let laptop = Visitor::new(&s);
    assert_eq!(laptop.sign_in("dave@corp.example", PASSWORD).status, 303);
    assert_eq!(laptop.get("/app/customers").status, 200);
    // Another edit leaves the session alone.
    let r = call(
        &s,
        "PATCH",
        &format!("/api/v1/admin/users/{dave}"),
        ADMIN_TOKEN,
        &json!({"language": "fr"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(laptop.get("/app/customers").status, 200);
    // An admin resets his password through the API: the old session is over.
    let r = call(
        &s,
        "PATCH",
        &format!("/api/v1/admin/users/{dave}"),
        ADMIN_TOKEN,
        &json!({"password": "a brand new passphrase"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = laptop.get("/app/customers");
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(r.header("location").unwrap().starts_with("/app/sign-in"));
    assert_eq!(laptop.sign_in("dave@corp.example", PASSWORD).status, 401);
    assert_eq!(
        laptop
            .sign_in("dave@corp.example", "a brand new passphrase")
            .status,
        303
    );

    // An admin changing their own password in the console keeps this session and ends
    // their others.
    let here = admin_visitor(&s);
    let there = Visitor::new(&s);
    assert_eq!(there.sign_in("root@corp.example", PASSWORD).status, 303);
    let me = count(&s, "SELECT id FROM users WHERE email = 'root@corp.example'");
    let token = here.token("/app/admin/users");
    let r = here.post(
        &format!("/app/admin/users/{me}"),
        &[
            ("form_token", token.as_str()),
            ("language", "en"),
            ("password", "my own new passphrase"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(here.get("/app/admin/users").status, 200);
    assert_eq!(there.get("/app/customers").status, 303);
    // Through the console for someone else: that user's session ends too.
    assert_eq!(laptop.get("/app/customers").status, 200);
    let token = here.token("/app/admin/users");
    let r = here.post(
        &format!("/app/admin/users/{dave}"),
        &[
            ("form_token", token.as_str()),
            ("password", "yet another passphrase"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(laptop.get("/app/customers").status, 303);
}

/// The status change: the API and the console's Change status store the same change and
/// refuse the same bad input, naming the same field.
#[test]
fn a_status_change_through_the_api_or_the_console_is_the_same() {
    let api = crate::disputes::world();
    let console = crate::disputes::world();
    let v = admin_visitor(&console.s);
    let rid = console.resolver_id.to_string();
    // Bad input: a dispute without a comment.
    let r = crate::disputes::qualify(
        &api,
        json!({"item_ids": ["I1"], "status": "price_dispute", "resolver_id": api.resolver_id}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/comment"]);
    let token = v.token("/app/customers/C1");
    let step1 = v.post(
        "/app/customers/C1/change-status",
        &[
            ("form_token", token.as_str()),
            ("step", "1"),
            ("item", "I1"),
        ],
    );
    let wizard = field(&step1.text(), "wizard");
    let base = [
        ("form_token", token.as_str()),
        ("wizard", wizard.as_str()),
        ("item", "I1"),
        ("status", "price_dispute"),
        ("status_date", "2025-03-01"),
        ("resolver_id", rid.as_str()),
    ];
    let mut f = base.to_vec();
    f.push(("step", "2"));
    let r = v.post("/app/customers/C1/change-status", &f);
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.text().contains("field-comment") || r.text().contains("comment"),
        "{}",
        r.text()
    );
    assert_eq!(count(&console.s, "SELECT count(*) FROM status_changes"), 0);

    // The same change through both doors.
    let r = crate::disputes::qualify(
        &api,
        json!({"item_ids": ["I1"], "status": "price_dispute", "status_date": "2025-03-01",
               "comment": "Unit price is wrong", "resolver_id": api.resolver_id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let mut f = base.to_vec();
    f.extend([("comment", "Unit price is wrong"), ("step", "3")]);
    let step3 = v.post("/app/customers/C1/change-status", &f);
    assert_eq!(step3.status, 200, "{}", step3.text());
    let seal = field(&step3.text(), "seal");
    let mut f = base.to_vec();
    f.extend([
        ("comment", "Unit price is wrong"),
        ("step", "confirm"),
        ("next", "scenario"),
        ("seal", seal.as_str()),
    ]);
    let r = v.post("/app/customers/C1/change-status", &f);
    assert_eq!(r.status, 303, "{}", r.text());
    let item = |w: &crate::disputes::World| {
        let st = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
        let i1 = st["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "I1")
            .unwrap()
            .clone();
        json!([i1["status"], i1["resolver"], i1["in_scenario"]])
    };
    assert_eq!(item(&api), item(&console));
    assert_eq!(count(&console.s, "SELECT count(*) FROM status_changes"), 1);
}
