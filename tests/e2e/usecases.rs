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
    // The email to the resolver goes with it: through the emails API after the change, and
    // through the console's step 2 with the change.
    let r = crate::disputes::post(
        &api,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": r.json()["status_change_id"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let mut f = base.to_vec();
    f.extend([
        ("comment", "Unit price is wrong"),
        ("step", "3"),
        ("template", "resolver_dispute"),
        ("email", "send"),
    ]);
    let step3 = v.post("/app/customers/C1/change-status", &f);
    assert_eq!(step3.status, 200, "{}", step3.text());
    let seal = field(&step3.text(), "seal");
    let mut f = base.to_vec();
    f.extend([
        ("comment", "Unit price is wrong"),
        ("step", "confirm"),
        ("template", "resolver_dispute"),
        ("email", "send"),
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
    let email = |w: &crate::disputes::World| {
        let out = get(&w.s, "/api/v1/outbox", &w.collector).json();
        let m = &out["messages"][0];
        json!([
            out["messages"].as_array().map(Vec::len),
            m["template"],
            m["language"],
            m["audience"],
            m["to"],
            m["state"]
        ])
    };
    assert_eq!(email(&api), email(&console));
    assert_eq!(
        email(&api),
        json!([
            1,
            "resolver_dispute",
            email(&api)[2],
            "resolver",
            email(&api)[4],
            "queued"
        ])
    );
    assert!(email(&api)[4].as_str().is_some_and(|to| to.contains('@')));
    assert_eq!(item(&api), item(&console));
    assert_eq!(count(&console.s, "SELECT count(*) FROM status_changes"), 1);
}

/// An action edited, refused and terminated through the API and through the console's action
/// page: the same stored action, the same refusals (on the same field), nothing written by
/// either refusal.
#[test]
fn an_action_edited_through_the_api_or_the_console_is_the_same_and_so_are_refusals() {
    let api = crate::disputes::world();
    let console = crate::disputes::world();
    let v = admin_visitor(&console.s);
    let id_of = |w: &crate::disputes::World| {
        crate::disputes::price_dispute(w)["action"]["id"]
            .as_i64()
            .unwrap()
    };
    let (a_id, c_id) = (id_of(&api), id_of(&console));
    let read = |w: &crate::disputes::World, id: i64| {
        let r = get(&w.s, &format!("/api/v1/actions/{id}"), &w.collector);
        assert_eq!(r.status, 200, "{}", r.text());
        let etag = r.header("etag").unwrap().to_string();
        (r.json(), etag)
    };
    let shown = |w: &crate::disputes::World, id: i64| {
        let a = read(w, id).0;
        json!([
            a["name"],
            a["date"],
            a["type"],
            a["resolver"]["name"],
            a["comment"],
            a["state"],
            a["version"]
        ])
    };
    let patch = |etag: &str, body: Value| {
        api.s.request(
            "PATCH",
            &format!("/api/v1/actions/{a_id}"),
            &[
                ("authorization", &bearer(&api.collector)),
                ("content-type", "application/json"),
                ("if-match", etag),
            ],
            body.to_string().as_bytes(),
        )
    };
    let page = v.get(&format!("/app/actions/{c_id}"));
    assert_eq!(page.status, 200, "{}", page.text());
    let token = field(&page.text(), "form_token");
    let version = field(&page.text(), "version");
    let modify = |version: &str, date: &str| {
        v.post(
            &format!("/app/actions/{c_id}"),
            &[
                ("form_token", token.as_str()),
                ("version", version),
                ("name", "Chase Sam"),
                ("date", date),
                ("type", "dispute"),
                ("resolver_id", &console.resolver_id.to_string()),
                ("comment", "Unit price is not the one agreed"),
            ],
        )
    };

    // An impossible date: refused on `date` by both, nothing written.
    let (_, etag) = read(&api, a_id);
    let before = (shown(&api, a_id), shown(&console, c_id));
    let r = patch(&etag, json!({"name": "Chase Sam", "date": "2025-02-30"}));
    let p = problem(&r, 422);
    assert_eq!(pointers(&p), ["/date"]);
    let r = modify(&version, "2025-02-30");
    assert_eq!(r.status, 422, "{}", r.text());
    assert_shows(&r.text(), &p);
    assert_eq!((shown(&api, a_id), shown(&console, c_id)), before);

    // The same edit through both doors.
    let r = patch(&etag, json!({"name": "Chase Sam", "date": "2025-03-24"}));
    assert_eq!(r.status, 200, "{}", r.text());
    let r = modify(&version, "2025-03-24");
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(shown(&api, a_id), shown(&console, c_id));

    // Read before that edit: stale in both (412 for the API, 409 "changed meanwhile" on the
    // page), and nothing written.
    let before = (shown(&api, a_id), shown(&console, c_id));
    problem(&patch(&etag, json!({"date": "2025-04-30"})), 412);
    let r = modify(&version, "2025-04-30");
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!((shown(&api, a_id), shown(&console, c_id)), before);

    // Terminated through both: the same items resolved, and done is done for both.
    let (_, etag) = read(&api, a_id);
    let r = api.s.request(
        "POST",
        &format!("/api/v1/actions/{a_id}/terminate"),
        &[
            ("authorization", &bearer(&api.collector)),
            ("content-type", "application/json"),
            ("if-match", &etag),
        ],
        json!({"date": "2025-03-20", "comment": "credit note issued"})
            .to_string()
            .as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let version = field(&v.get(&format!("/app/actions/{c_id}")).text(), "version");
    let r = v.post(
        &format!("/app/actions/{c_id}/terminate"),
        &[
            ("form_token", token.as_str()),
            ("version", version.as_str()),
            ("date", "2025-03-20"),
            ("comment", "credit note issued"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let statuses = |w: &crate::disputes::World| {
        let st = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
        st["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| json!([i["id"], i["status"]["code"], i["in_scenario"]]))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&api), statuses(&console));
    assert_eq!(shown(&api, a_id), shown(&console, c_id));
    let r = call(
        &api.s,
        "POST",
        &format!("/api/v1/actions/{a_id}/terminate"),
        &api.collector,
        &Value::Null,
    );
    assert_eq!(
        problem(&r, 409)["type"]
            .as_str()
            .map(|t| t.ends_with("action-done")),
        Some(true)
    );
    let version = field(&v.get(&format!("/app/actions/{c_id}")).text(), "version");
    let r = v.post(
        &format!("/app/actions/{c_id}/terminate"),
        &[
            ("form_token", token.as_str()),
            ("version", version.as_str()),
        ],
    );
    assert_eq!(r.status, 409, "{}", r.text());
}

/// A resolver saved through the admin API and through the console's form: the same record,
/// the same refusal for the same bad email.
#[test]
fn a_resolver_saved_through_the_api_or_the_console_is_the_same_and_so_are_refusals() {
    let api = start();
    let console = start();
    let v = admin_visitor(&console);
    let token = v.token("/app/admin/resolvers");
    let fields = |email: &str| {
        vec![
            ("name", "Tess Tech".to_string()),
            ("email", email.to_string()),
            ("role", "technician".to_string()),
            ("language", "de".to_string()),
        ]
    };
    let body = |email: &str| {
        Value::Object(
            fields(email)
                .into_iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect(),
        )
    };
    let post_form = |email: &str| {
        let mut f: Vec<(&str, String)> = vec![("form_token", token.clone())];
        f.extend(fields(email));
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        v.post("/app/admin/resolvers", &f)
    };
    let stored = |s: &settle_host::testing::TestServer| {
        let list = get(s, "/api/v1/admin/resolvers", ADMIN_TOKEN).json();
        list["resolvers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| json!([r["name"], r["email"], r["role"], r["language"], r["active"]]))
            .collect::<Vec<_>>()
    };
    let before = (stored(&api), stored(&console));
    let r = call(
        &api,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &body("not-an-email"),
    );
    let p = problem(&r, 422);
    assert_eq!(pointers(&p), ["/email"]);
    let r = post_form("not-an-email");
    assert_eq!(r.status, 422, "{}", r.text());
    assert_shows(&r.text(), &p);
    assert_eq!((stored(&api), stored(&console)), before);
    let r = call(
        &api,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &body("tess@corp.example"),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(post_form("tess@corp.example").status, 303);
    assert_eq!(stored(&api), stored(&console));
    assert!(stored(&api).iter().any(|r| r[0] == "Tess Tech"));
}

/// The page shows each of the problem's field messages (HTML-escaped as minijinja does): the
/// same refusal, worded by the same rule.
fn assert_shows(html: &str, problem: &Value) {
    for e in problem["errors"].as_array().unwrap() {
        let m = e["message"].as_str().unwrap();
        let escaped = m
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;")
            .replace('/', "&#x2f;");
        assert!(html.contains(&escaped), "{m:?} not in {html}");
    }
}

/// A link revoked through the API and through the console's *Links* screen: the same stored
/// state (revoked, by whom), the page refusing it afterwards either way, and unknown links
/// refused by both doors.
#[test]
fn a_link_revoked_through_the_api_or_the_console_is_the_same() {
    let api = crate::disputes::world();
    let console = crate::disputes::world();
    let v = admin_visitor(&console.s);
    let link = |w: &crate::disputes::World| {
        let r = crate::disputes::post(
            w,
            "/api/v1/links",
            &json!({"customer_id": "C1", "ttl_days": 7}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        let l = r.json();
        (
            l["id"].as_i64().unwrap(),
            l["url"].as_str().unwrap().to_string(),
        )
    };
    let (a_id, a_url) = link(&api);
    let (c_id, c_url) = link(&console);
    let path = |url: &str| url[url.find("/c/").unwrap()..].to_string();
    assert_eq!(api.s.get(&path(&a_url)).status, 200);
    // Unknown links: 404 through both doors, nothing revoked.
    problem(
        &call(
            &api.s,
            "DELETE",
            "/api/v1/links/9999",
            &api.collector,
            &Value::Null,
        ),
        404,
    );
    let token = v.token("/app/admin/links");
    let r = v.post(
        "/app/admin/links/9999/revoke",
        &[("form_token", token.as_str())],
    );
    assert_eq!(r.status, 404, "{}", r.text());
    // Revoked through each door.
    let r = call(
        &api.s,
        "DELETE",
        &format!("/api/v1/links/{a_id}"),
        &api.collector,
        &Value::Null,
    );
    assert_eq!(r.status, 204, "{}", r.text());
    let r = v.post(
        &format!("/app/admin/links/{c_id}/revoke"),
        &[("form_token", token.as_str())],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let stored = |w: &crate::disputes::World, id: i64| {
        let l = get(&w.s, &format!("/api/v1/links/{id}"), &w.collector).json();
        json!([
            l["state"],
            l["revoked_at"].is_string(),
            l["audience"],
            l["customer_id"]
        ])
    };
    assert_eq!(stored(&api, a_id), stored(&console, c_id));
    assert_eq!(stored(&api, a_id)[0], "revoked");
    assert_eq!(api.s.get(&path(&a_url)).status, 410);
    assert_eq!(console.s.get(&path(&c_url)).status, 410);
    // Twice: the API says so (409); the screen shows the link revoked, unchanged.
    problem(
        &call(
            &api.s,
            "DELETE",
            &format!("/api/v1/links/{a_id}"),
            &api.collector,
            &Value::Null,
        ),
        409,
    );
    let before = stored(&console, c_id);
    let r = v.post(
        &format!("/app/admin/links/{c_id}/revoke"),
        &[("form_token", token.as_str())],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(stored(&console, c_id), before);
}
