//! The console through the host, as a browser without JavaScript uses it: cookies, forms
//! with their anti-forgery tokens, redirects. Sign-in and sessions, the first admin, access
//! control, and the seeds' flow: statement → Change status (three steps, one write) →
//! action (modify with its version, detach, terminate) → agenda and replies.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::json;
use settle_host::testing::{TestResponse, TestServer};

use crate::disputes::{World, resolver_token, world};
use crate::support::*;

pub const PASSWORD: &str = "correct horse battery staple";

/// One browser: its cookies, kept from `Set-Cookie` answers.
pub struct Visitor<'a> {
    s: &'a TestServer,
    pub cookies: RefCell<BTreeMap<String, String>>,
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The value of the first `name="…" value="…"` of `html`.
pub fn field(html: &str, name: &str) -> String {
    let needle = format!("name=\"{name}\" value=\"");
    let at = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no field {name} in {html}"))
        + needle.len();
    html[at..].chars().take_while(|c| *c != '"').collect()
}

impl<'a> Visitor<'a> {
    pub fn new(s: &'a TestServer) -> Visitor<'a> {
        Visitor {
            s,
            cookies: RefCell::new(BTreeMap::new()),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .borrow()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&self, r: &TestResponse) {
        if let Some(c) = r.header("set-cookie") {
            let (pair, _) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() || c.contains("Max-Age=0") {
                self.cookies.borrow_mut().remove(k);
            } else {
                self.cookies.borrow_mut().insert(k.into(), v.into());
            }
        }
    }

    pub fn session(&self) -> Option<String> {
        self.cookies.borrow().get("settle_session").cloned()
    }

    pub fn set_session(&self, id: &str) {
        self.cookies
            .borrow_mut()
            .insert("settle_session".into(), id.into());
    }

    pub fn get(&self, path: &str) -> TestResponse {
        let c = self.cookie_header();
        let r = self.s.request("GET", path, &[("cookie", &c)], b"");
        self.keep(&r);
        r
    }

    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect();
        let c = self.cookie_header();
        let r = self.s.request(
            "POST",
            path,
            &[
                ("cookie", &c),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            body.join("&").as_bytes(),
        );
        self.keep(&r);
        r
    }

    /// Signs in through the form; answers the redirect.
    pub fn sign_in(&self, email: &str, password: &str) -> TestResponse {
        let form = self.get("/app/sign-in");
        assert_eq!(form.status, 200, "{}", form.text());
        let token = field(&form.text(), "form_token");
        self.post(
            "/app/sign-in",
            &[
                ("form_token", token.as_str()),
                ("email", email),
                ("password", password),
                ("next", "/app/customers"),
            ],
        )
    }

    /// The anti-forgery token of the page at `path`.
    pub fn token(&self, path: &str) -> String {
        let r = self.get(path);
        assert_eq!(r.status, 200, "{}", r.text());
        field(&r.text(), "form_token")
    }
}

/// Creates a console user through the admin API.
pub fn user(s: &TestServer, email: &str, role: &str, language: &str) -> i64 {
    let r = call(
        s,
        "POST",
        "/api/v1/admin/users",
        ADMIN_TOKEN,
        &json!({"name": format!("{role} {email}"), "email": email, "role": role,
                "language": language, "password": PASSWORD}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["id"].as_i64().unwrap()
}

pub fn count(s: &TestServer, sql: &str) -> i64 {
    let db = rusqlite::Connection::open(s.state_dir.join("sqlite_db.db")).unwrap();
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn signed_in<'a>(w: &'a World, email: &str, role: &str) -> Visitor<'a> {
    user(&w.s, email, role, "en");
    let v = Visitor::new(&w.s);
    let r = v.sign_in(email, PASSWORD);
    assert_eq!(r.status, 303, "{}", r.text());
    v
}

#[test]
fn signing_in_opens_a_session_and_signing_out_ends_it() {
    let w = world();
    user(&w.s, "alice@corp.example", "collector", "en");
    let v = Visitor::new(&w.s);

    // No session: pages lead to the sign-in, coming back afterwards; / leads to /app.
    let r = v.get("/");
    assert_eq!((r.status, r.header("location")), (303, Some("/app")));
    let r = v.get("/app/customers?q=acme");
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location"),
        Some("/app/sign-in?next=%2Fapp%2Fcustomers%3Fq%3Dacme")
    );
    let r = v.get("/app/agenda");
    assert_eq!(r.status, 303, "the follow-up component too");

    // A wrong password: the form again, 401, no session.
    let r = v.sign_in("alice@corp.example", "wrong password here");
    assert_eq!(r.status, 401, "{}", r.text());
    assert!(r.text().contains("The email or the password is not right"));
    assert!(v.session().is_none());
    // An unknown email gets the very same answer.
    let r2 = v.sign_in("nobody@corp.example", "wrong password here");
    assert_eq!(r2.status, 401);

    // The right one: a session cookie, HttpOnly and SameSite=Lax, and the page asked for.
    let r = v.sign_in("Alice@Corp.Example ", PASSWORD);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some("/app/sign-in/device?next=%2Fapp%2Fcustomers")
    );
    let cookie = r.header("set-cookie").unwrap();
    assert!(
        cookie.starts_with("settle_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && !cookie.contains("Secure"),
        "{cookie}"
    );
    let id = v.session().unwrap();
    // Then the browser's device cookie, and on to the page asked for.
    let r = v.get("/app/sign-in/device?next=%2Fapp%2Fcustomers");
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some("/app/customers"));
    let device = r.header("set-cookie").unwrap();
    assert!(
        device.starts_with("settle_device=")
            && device.contains("HttpOnly")
            && device.contains("Path=/app/sign-in"),
        "{device}"
    );
    let page = v.get("/app/customers");
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    assert!(
        html.contains("Acme SA") && html.contains("Beta GmbH"),
        "{html}"
    );
    assert!(html.contains("<html lang=\"en\""));
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'") && !csp.contains("unsafe"),
        "{csp}"
    );

    // The store keeps the session under a hash of its id, never the id itself.
    let kv = std::fs::read(w.s.state_dir.join("sqlite_key_value.db")).unwrap();
    assert!(
        !kv.windows(id.len()).any(|win| win == id.as_bytes()),
        "the raw session id is in the key-value store"
    );

    // Signing out needs the form's token, then deletes the session.
    let r = v.post("/app/sign-out", &[]);
    assert_eq!(r.status, 403, "{}", r.text());
    let token = v.token("/app/customers");
    let r = v.post("/app/sign-out", &[("form_token", token.as_str())]);
    assert_eq!(r.status, 303);
    assert!(r.header("set-cookie").unwrap().contains("Max-Age=0"));
    // The old cookie, replayed, opens nothing.
    v.set_session(&id);
    assert_eq!(v.get("/app/customers").status, 303);
}

#[test]
fn the_first_admin_is_made_with_the_admin_token_and_only_once() {
    let s = start();
    let v = Visitor::new(&s);
    // Nobody exists: the email `admin` and the admin token open the first-admin page.
    let r = v.sign_in("admin", ADMIN_TOKEN);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some("/app/first-admin"));
    // That session reaches nothing else.
    assert_eq!(v.get("/app/customers").status, 303);
    let page = v.get("/app/first-admin");
    assert_eq!(page.status, 200, "{}", page.text());
    let token = field(&page.text(), "form_token");
    // A weak password: the form again, nothing made.
    let r = v.post(
        "/app/first-admin",
        &[
            ("form_token", token.as_str()),
            ("name", "Ada"),
            ("email", "ada@corp.example"),
            ("language", "fr"),
            ("password", "short"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.text().contains("ada@corp.example"),
        "the form keeps what was typed"
    );
    assert_eq!(count(&s, "SELECT count(*) FROM users"), 0);
    // Without the token: 403.
    let r = v.post(
        "/app/first-admin",
        &[
            ("name", "Ada"),
            ("email", "ada@corp.example"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!(r.status, 403);
    let r = v.post(
        "/app/first-admin",
        &[
            ("form_token", token.as_str()),
            ("name", "Ada"),
            ("email", "ada@corp.example"),
            ("language", "fr"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM users WHERE role = 'admin' AND email = 'ada@corp.example'"
        ),
        1
    );
    // Signed in as Ada, in her language.
    let page = v.get("/app/customers");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<html lang=\"fr\""));
    // Once someone exists, the admin token opens nothing and the page is closed.
    let other = Visitor::new(&s);
    assert_eq!(other.sign_in("admin", ADMIN_TOKEN).status, 401);
    assert_eq!(other.get("/app/first-admin").status, 403);
}

#[test]
fn roles_sessions_and_forms_are_checked_and_refusals_write_nothing() {
    let w = world();
    let collector = signed_in(&w, "alice@corp.example", "collector");
    let admin = signed_in(&w, "root@corp.example", "admin");
    assert_eq!(collector.get("/app/admin/users").status, 403);
    let page = admin.get("/app/admin/users");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("alice@corp.example"));

    // A forged or unknown session id is no session.
    let stranger = Visitor::new(&w.s);
    stranger.set_session(&"A".repeat(43));
    assert_eq!(stranger.get("/app/customers").status, 303);
    stranger.set_session("not-even-well-formed");
    assert_eq!(stranger.get("/app/customers").status, 303);
    // A write without a session is refused outright.
    let r = stranger.post("/app/customers/C1/change-status", &[("step", "1")]);
    assert_eq!(r.status, 403, "{}", r.text());

    // A form without its token, or with another session's, writes nothing.
    let before = count(&w.s, "SELECT count(*) FROM status_changes");
    let fields = |t: &str| {
        vec![
            ("form_token".to_string(), t.to_string()),
            ("step".into(), "confirm".into()),
            ("item".into(), "I1".into()),
            ("status".into(), "price_dispute".into()),
            ("comment".into(), "wrong price".into()),
            ("next".into(), "scenario".into()),
        ]
    };
    let admin_token = admin.token("/app/customers");
    for t in ["", admin_token.as_str()] {
        let f = fields(t);
        let f: Vec<(&str, &str)> = f.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let r = collector.post("/app/customers/C1/change-status", &f);
        assert_eq!(r.status, 403, "{}", r.text());
    }
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), before);

    // A collector may not add a user; an admin may, and a bad one is refused by field.
    let t = collector.token("/app/customers");
    let r = collector.post(
        "/app/admin/users",
        &[
            ("form_token", t.as_str()),
            ("name", "X"),
            ("email", "x@corp.example"),
            ("role", "admin"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!(r.status, 403);
    let t = admin.token("/app/admin/users");
    let r = admin.post(
        "/app/admin/users",
        &[
            ("form_token", t.as_str()),
            ("name", "Bob"),
            ("email", "not an email"),
            ("role", "collector"),
            ("language", "de"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    let r = admin.post(
        "/app/admin/users",
        &[
            ("form_token", t.as_str()),
            ("name", "Bob"),
            ("email", "alice@corp.example"),
            ("role", "collector"),
            ("language", "de"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!(r.status, 409, "an email already taken");
    let r = admin.post(
        "/app/admin/users",
        &[
            ("form_token", t.as_str()),
            ("name", "Bob"),
            ("email", "bob@corp.example"),
            ("role", "collector"),
            ("language", "de"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let bob = count(
        &w.s,
        "SELECT id FROM users WHERE email = 'bob@corp.example'",
    );
    // Deactivating a user signs them out at their next request.
    let bob_browser = Visitor::new(&w.s);
    assert_eq!(
        bob_browser.sign_in("bob@corp.example", PASSWORD).status,
        303
    );
    assert_eq!(bob_browser.get("/app/customers").status, 200);
    let r = admin.post(
        &format!("/app/admin/users/{bob}"),
        &[
            ("form_token", t.as_str()),
            ("role", "collector"),
            ("active", "false"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(bob_browser.get("/app/customers").status, 303);
    assert_eq!(
        bob_browser.sign_in("bob@corp.example", PASSWORD).status,
        401
    );
    // Every change is in the audit trail.
    assert!(
        count(
            &w.s,
            "SELECT count(*) FROM config_history WHERE kind = 'user'"
        ) >= 2
    );
}

#[test]
fn repeated_failed_sign_ins_are_throttled() {
    let s = start();
    user(&s, "eve@corp.example", "collector", "en");
    // Eve's own browser signed in before: it holds her device cookie.
    let eve = Visitor::new(&s);
    assert_eq!(eve.sign_in("eve@corp.example", PASSWORD).status, 303);
    assert_eq!(
        eve.get("/app/sign-in/device?next=%2Fapp%2Fcustomers")
            .status,
        303
    );
    eve.cookies.borrow_mut().remove("settle_session");
    // A stranger: five free failures, then growing delays (429 with Retry-After).
    let v = Visitor::new(&s);
    for _ in 0..5 {
        assert_eq!(
            v.sign_in("eve@corp.example", "not the password").status,
            401
        );
    }
    let r = v.sign_in("eve@corp.example", PASSWORD);
    assert_eq!(r.status, 429, "{}", r.text());
    let wait: i64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=15).contains(&wait), "{wait}");
    assert!(v.session().is_none());
    // Eve's browser is not held by what strangers did.
    let r = eve.sign_in("eve@corp.example", PASSWORD);
    assert_eq!(r.status, 303, "{}", r.text());
    // Her device cookie is held by its own failures only, and bound to her account.
    eve.cookies.borrow_mut().remove("settle_session");
    for _ in 0..5 {
        assert_eq!(eve.sign_in("eve@corp.example", "typo in it").status, 401);
    }
    assert_eq!(eve.sign_in("eve@corp.example", PASSWORD).status, 429);
}

#[test]
fn bad_input_gets_a_page_naming_the_field() {
    let w = world();
    let v = signed_in(&w, "alice@corp.example", "collector");
    for (path, status) in [
        ("/app/customers?sort=bogus", 400),
        ("/app/customers?dir=sideways", 400),
        ("/app/customers?page=0", 400),
        ("/app/customers?q=%00", 400),
        ("/app/customers?unknown=1", 400),
        ("/app/customers/NOPE", 404),
        ("/app/customers/C1?overdue=maybe", 400),
        ("/app/customers/C1?status=no_such_status", 400),
        ("/app/customers/C1?resolver_id=999", 400),
        ("/app/actions/999", 404),
        ("/app/actions/abc", 404),
        ("/app/agenda?date=2025-02-30", 400),
        ("/app/nowhere", 404),
    ] {
        let r = v.get(path);
        assert_eq!(r.status, status, "{path}: {}", r.text());
        assert_eq!(
            r.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
    }
    let r = v.get("/app/customers?sort=bogus");
    assert!(r.text().contains("sort"), "{}", r.text());
    assert_eq!(v.post("/app/customers", &[]).status, 405);

    // Step 1 sent with an unknown status and a closed or foreign item: step 1 again, 422.
    let t = v.token("/app/customers/C1");
    let r = v.post(
        "/app/customers/C1/change-status",
        &[
            ("form_token", t.as_str()),
            ("step", "2"),
            ("item", "I1"),
            ("item", "I4"),
            ("status", "nope"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    let html = r.text();
    assert!(html.contains("aria-current=\"step\">Status"), "{html}");
    assert!(html.contains("Choose a status that is active"), "{html}");
    let r = v.post(
        "/app/customers/C1/change-status",
        &[("form_token", t.as_str()), ("step", "9"), ("item", "I1")],
    );
    assert_eq!(r.status, 400);
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 0);
}

/// The seeds' flow by forms: qualify two invoices with the suggested follow-up and the
/// resolver email, the resolver answers, the collector moves the date, detaches one item
/// and terminates: the other is "Dispute resolved".
#[test]
fn the_collector_qualifies_follows_and_resolves_a_dispute() {
    let w = world();
    let v = signed_in(&w, "alice@corp.example", "collector");
    let sheet = v.get("/app/customers/C1");
    assert_eq!(sheet.status, 200, "{}", sheet.text());
    let html = sheet.text();
    assert!(html.contains("name=\"item\" value=\"I1\""), "{html}");
    assert!(
        html.contains("F-I3") && !html.contains("F-I4"),
        "only C1's items"
    );
    let t = field(&html, "form_token");
    // Filters (every invoice of the world is overdue by now).
    let overdue = v.get("/app/customers/C1?overdue=yes").text();
    let ticked = |html: &str, id: &str| html.contains(&format!("name=\"item\" value=\"{id}\""));
    assert!(
        ticked(&overdue, "I1") && ticked(&overdue, "I5"),
        "{overdue}"
    );
    let not_overdue = v.get("/app/customers/C1?overdue=no").text();
    assert!(!ticked(&not_overdue, "I1"), "{not_overdue}");
    let by_status = v.get("/app/customers/C1?status=price_dispute").text();
    assert!(
        !ticked(&by_status, "I1"),
        "nothing disputed yet: {by_status}"
    );

    let step1 = v.post(
        "/app/customers/C1/change-status",
        &[
            ("form_token", t.as_str()),
            ("step", "1"),
            ("item", "I1"),
            ("item", "I2"),
        ],
    );
    assert_eq!(step1.status, 200, "{}", step1.text());
    // Step 1 offers the part of each item in dispute (blank: all of it).
    assert!(
        step1.text().contains("name=\"amount_item\" value=\"I1\"")
            && step1.text().contains("name=\"amount\""),
        "{}",
        step1.text()
    );
    let wizard = field(&step1.text(), "wizard");
    let rid = w.resolver_id.to_string();
    let base = vec![
        ("form_token", t.as_str()),
        ("wizard", wizard.as_str()),
        ("item", "I1"),
        ("item", "I2"),
        ("status", "price_dispute"),
        ("status_date", "2025-03-01"),
        ("comment", "Unit price is wrong"),
        ("resolver_id", rid.as_str()),
        ("amount_item", "I1"),
        ("amount", "15.50"),
        ("amount_item", "I2"),
        ("amount", ""),
    ];
    // More than I1's open amount: step 1 again, naming the problem; nothing written.
    let too_much: Vec<(&str, &str)> = base
        .iter()
        .map(|(a, b)| {
            if *b == "15.50" {
                (*a, "500.00")
            } else {
                (*a, *b)
            }
        })
        .chain([("step", "2")])
        .collect();
    let r = v.post("/app/customers/C1/change-status", &too_much);
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("open amount"), "{}", r.text());
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut f = base.clone();
        f.extend_from_slice(extra);
        f
    };
    // Step 2: the resolver email, previewed from the real change (nothing kept).
    let step2 = v.post("/app/customers/C1/change-status", &with(&[("step", "2")]));
    assert_eq!(step2.status, 200, "{}", step2.text());
    let html = step2.text();
    assert!(html.contains("sam@corp.example"), "{html}");
    assert!(
        html.contains("value=\"resolver_dispute\" selected"),
        "{html}"
    );
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 0);
    assert_eq!(count(&w.s, "SELECT count(*) FROM outbox"), 0);

    // Step 3: the suggested follow-up, pre-filled.
    let step3 = v.post(
        "/app/customers/C1/change-status",
        &with(&[
            ("step", "3"),
            ("template", "resolver_dispute"),
            ("email", "send"),
        ]),
    );
    assert_eq!(step3.status, 200, "{}", step3.text());
    let html = step3.text();
    let name = field(&html, "action_name");
    let date = field(&html, "action_date");
    let seal = field(&html, "seal");
    assert!(!name.is_empty() && date.starts_with("2025-"), "{html}");
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 0);

    // Issue 21: confirm applies what step 3 previewed. A hidden field edited since (another
    // customer's item, another comment or status) is refused, and nothing is written.
    for (k, edited) in [
        ("item", "I4"),
        ("comment", "Edited after the preview"),
        ("status", "quality_dispute"),
        ("amount", "20.00"),
    ] {
        let mut tampered: Vec<(&str, &str)> = base
            .iter()
            .map(|(a, b)| {
                if *a == k && (k != "item" || *b == "I2") {
                    (*a, edited)
                } else {
                    (*a, *b)
                }
            })
            .collect();
        tampered.extend_from_slice(&[
            ("step", "confirm"),
            ("template", "resolver_dispute"),
            ("email", "send"),
            ("next", "scenario"),
            ("seal", seal.as_str()),
        ]);
        let r = v.post("/app/customers/C1/change-status", &tampered);
        assert_eq!(r.status, 409, "{k}: {}", r.text());
    }
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 0);
    // Edited before step 3 (so step 3 would preview it): another customer's item is refused
    // under C1's page.
    let mut other: Vec<(&str, &str)> = base
        .iter()
        .filter(|(a, b)| !(*a == "item" && *b == "I2"))
        .map(|(a, b)| {
            if *a == "item" {
                ("item", "I4")
            } else {
                (*a, *b)
            }
        })
        .collect();
    other.extend_from_slice(&[
        ("step", "3"),
        ("template", "resolver_dispute"),
        ("email", "send"),
    ]);
    let r = v.post("/app/customers/C1/change-status", &other);
    assert_eq!(r.status, 422, "{}", r.text());
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 0);

    // Confirm: one status change, the action, the email with a resolver link.
    let confirm = with(&[
        ("step", "confirm"),
        ("template", "resolver_dispute"),
        ("email", "send"),
        ("next", "action"),
        ("action_type", "dispute"),
    ]);
    let mut confirm: Vec<(&str, &str)> = confirm;
    confirm.push(("action_name", name.as_str()));
    confirm.push(("action_date", date.as_str()));
    confirm.push(("action_resolver_id", rid.as_str()));
    confirm.push(("seal", seal.as_str()));
    let r = v.post("/app/customers/C1/change-status", &confirm);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some("/app/customers/C1"));
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 1);
    // A second confirmation of the same wizard (a double click) changes nothing.
    let again = v.post("/app/customers/C1/change-status", &confirm);
    assert_eq!(again.status, 303);
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 1);
    assert_eq!(count(&w.s, "SELECT count(*) FROM outbox"), 1);

    let items = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
    let i1 = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "I1")
        .unwrap()
        .clone();
    assert_eq!(i1["status"]["code"], "price_dispute");
    assert_eq!(i1["in_scenario"], false);
    // 15.50 of I1 in dispute, all of I2's 20.00; the sheet says so beside the open amount.
    assert_eq!(i1["disputed_amount"], "15.50");
    let i2 = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "I2")
        .unwrap()
        .clone();
    assert_eq!(i2["disputed_amount"], "20.00");
    let sheet = v.get("/app/customers/C1").text();
    assert!(sheet.contains("class=\"disputed\""), "{sheet}");
    let action_id = i1["action_id"].as_i64().unwrap();
    let action = get(&w.s, &format!("/api/v1/actions/{action_id}"), &w.collector).json();
    assert!(
        action["model"].is_string(),
        "the suggested action keeps its model: {action}"
    );
    assert!(action["created_by"].as_str().unwrap().starts_with("user:"));
    let outbox = get(&w.s, "/api/v1/outbox", &w.collector).json();
    let message = &outbox["messages"][0];
    assert_eq!(message["to"], "sam@corp.example");
    let html = message["html"].as_str().unwrap_or_default().to_string();
    let html = if html.is_empty() {
        let id = message["id"].as_i64().unwrap();
        get(&w.s, &format!("/api/v1/outbox/{id}"), &w.collector).json()["html"]
            .as_str()
            .unwrap()
            .to_string()
    } else {
        html
    };

    // The resolver answers from the link.
    let link = format!("/r/{}", resolver_token(&html));
    let page = w.s.get(&link);
    assert_eq!(page.status, 200, "{}", page.text());
    let rt = field(&page.text(), "form_token");
    let body = format!(
        "form_token={}&comment={}",
        enc(&rt),
        enc("Price list was outdated, credit note coming")
    );
    let r = w.s.request(
        "POST",
        &format!("{link}/comments"),
        &[("content-type", "application/x-www-form-urlencoded")],
        body.as_bytes(),
    );
    assert_eq!(r.status, 303, "{}", r.text());

    // The agenda shows the action answered; the replies tab shows the answer, once new.
    let agenda = v.get("/app/agenda?date=2025-12-31");
    assert_eq!(agenda.status, 200, "{}", agenda.text());
    let html = agenda.text();
    assert!(
        html.contains(&format!("/app/actions/{action_id}")),
        "{html}"
    );
    let replies = v.get("/app/agenda/replies");
    assert_eq!(replies.status, 200);
    let html = replies.text();
    assert!(
        html.contains("Price list was outdated") && html.contains("Sam Sales"),
        "{html}"
    );
    assert!(
        html.contains("class=\"badge warn\""),
        "new since last look: {html}"
    );
    let html = v.get("/app/agenda/replies").text();
    assert!(!html.contains("class=\"badge warn\""), "seen now: {html}");

    // The action: a stale version is "changed meanwhile" and writes nothing.
    let page = v.get(&format!("/app/actions/{action_id}"));
    assert_eq!(page.status, 200, "{}", page.text());
    let at = field(&page.text(), "form_token");
    let version = field(&page.text(), "version");
    let stale = (version.parse::<i64>().unwrap() - 1).to_string();
    let r = v.post(
        &format!("/app/actions/{action_id}"),
        &[
            ("form_token", at.as_str()),
            ("version", stale.as_str()),
            ("name", name.as_str()),
            ("date", "2025-04-15"),
            ("type", "dispute"),
        ],
    );
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(
        r.text().contains("changed this action meanwhile"),
        "{}",
        r.text()
    );
    let now = get(&w.s, &format!("/api/v1/actions/{action_id}"), &w.collector).json();
    assert_eq!(now["date"], action["date"]);
    let r = v.post(
        &format!("/app/actions/{action_id}"),
        &[
            ("form_token", at.as_str()),
            ("version", version.as_str()),
            ("name", name.as_str()),
            ("date", "2025-04-15"),
            ("type", "dispute"),
            ("resolver_id", rid.as_str()),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let now = get(&w.s, &format!("/api/v1/actions/{action_id}"), &w.collector).json();
    assert_eq!(now["date"], "2025-04-15");

    // Detach I2: back in the scenario; then terminate: I1 is "Dispute resolved".
    let page = v.get(&format!("/app/actions/{action_id}")).text();
    let version = field(&page, "version");
    let r = v.post(
        &format!("/app/actions/{action_id}/detach"),
        &[
            ("form_token", at.as_str()),
            ("version", version.as_str()),
            ("item", "I2"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let page = v.get(&format!("/app/actions/{action_id}")).text();
    let version = field(&page, "version");
    let r = v.post(
        &format!("/app/actions/{action_id}/terminate"),
        &[
            ("form_token", at.as_str()),
            ("version", version.as_str()),
            ("comment", "credit note issued"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let page = v.get(&format!("/app/actions/{action_id}")).text();
    assert!(page.contains("Dispute resolved"), "{page}");
    assert!(
        !page.contains("/terminate\""),
        "no more forms on a terminated action"
    );
    let items = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
    let by_id = |id: &str| {
        items["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(by_id("I1")["status"]["code"], "dispute_resolved");
    assert_eq!(by_id("I1")["in_scenario"], true);
    assert_eq!(
        by_id("I2")["status"]["code"],
        "price_dispute",
        "detached before"
    );
    assert_eq!(by_id("I2")["in_scenario"], true);
    // A terminated action takes no more changes.
    let r = v.post(
        &format!("/app/actions/{action_id}/terminate"),
        &[
            ("form_token", at.as_str()),
            ("version", field(&page, "version").as_str()),
        ],
    );
    assert_eq!(r.status, 409, "{}", r.text());

    // The report pages open with the session.
    let report = v.get("/api/v1/reports/disputes?format=html");
    assert_eq!(report.status, 200, "{}", report.text());
    assert!(report.text().contains("<svg"));
    let anonymous = w.s.get("/api/v1/reports/disputes?format=html");
    assert_eq!(anonymous.status, 401);
}

/// A new dispute with no resolver picked: step 3 of the console's Change status says which
/// routing rule chose one (and proposes them for the follow-up); confirmed, the items get
/// that resolver and the case records the rule.
#[test]
fn the_console_says_which_routing_rule_chose_the_resolver() {
    let w = world();
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/routing-rules",
        ADMIN_TOKEN,
        &json!({"position": 1, "status": "price_dispute", "resolver_id": w.resolver_id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let rule = r.json()["id"].as_i64().unwrap();
    let v = signed_in(&w, "alice@corp.example", "collector");
    let t = field(&v.get("/app/customers/C1").text(), "form_token");
    let step1 = v.post(
        "/app/customers/C1/change-status",
        &[("form_token", t.as_str()), ("step", "1"), ("item", "I1")],
    );
    assert_eq!(step1.status, 200, "{}", step1.text());
    let wizard = field(&step1.text(), "wizard");
    let base = vec![
        ("form_token", t.as_str()),
        ("wizard", wizard.as_str()),
        ("item", "I1"),
        ("status", "price_dispute"),
        ("status_date", "2025-03-01"),
        ("comment", "Unit price is wrong"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut f = base.clone();
        f.extend_from_slice(extra);
        f
    };
    let step3 = v.post(
        "/app/customers/C1/change-status",
        &with(&[("step", "3"), ("email", "skip")]),
    );
    assert_eq!(step3.status, 200, "{}", step3.text());
    let html = step3.text();
    assert!(
        html.contains(&format!(
            "Resolver: Sam Sales, chosen by routing rule {rule}."
        )),
        "{html}"
    );
    let rid = w.resolver_id.to_string();
    assert!(
        html.contains(&format!(
            "<option value=\"{rid}\" selected>Sam Sales</option>"
        )),
        "the follow-up's resolver proposed: {html}"
    );
    assert_eq!(count(&w.s, "SELECT count(*) FROM status_changes"), 0);
    // Confirmed: the routed resolver, and the rule on the case.
    let seal = field(&html, "seal");
    let mut confirm = with(&[("step", "confirm"), ("email", "skip"), ("next", "scenario")]);
    confirm.push(("seal", seal.as_str()));
    let r = v.post("/app/customers/C1/change-status", &confirm);
    assert_eq!(r.status, 303, "{}", r.text());
    let c = get(&w.s, "/api/v1/disputes?item_id=I1", &w.collector).json();
    assert_eq!(c["disputes"][0]["resolver_id"], w.resolver_id, "{c}");
    assert_eq!(c["disputes"][0]["routing_rule_id"], rule, "{c}");
}

/// Root causes in the admin console: listed with their labels, added with labels in several
/// languages, deactivated; a cause without an English label is refused by field, writing
/// nothing; collectors cannot.
#[test]
fn admins_keep_the_root_causes_in_the_console() {
    let w = world();
    let admin = signed_in(&w, "root@corp.example", "admin");
    let collector = signed_in(&w, "alice@corp.example", "collector");
    let page = admin.get("/app/admin/root-causes");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("Pricing error"), "{}", page.text());
    assert!(
        admin
            .get("/app/admin")
            .text()
            .contains("/app/admin/root-causes")
    );
    assert_eq!(collector.get("/app/admin/root-causes").status, 403);
    let t = admin.token("/app/admin");
    let listed = || {
        get(&w.s, "/api/v1/admin/root-causes", ADMIN_TOKEN).json()["root_causes"]
            .as_array()
            .unwrap()
            .clone()
    };
    let before = listed().len();
    // No English label: the page again, naming the labels; nothing written.
    let r = admin.post(
        "/app/admin/root-causes",
        &[
            ("form_token", &t),
            ("code", "wrong_vat"),
            ("label_fr", "Mauvaise TVA"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("English label"), "{}", r.text());
    assert_eq!(listed().len(), before);
    let r = admin.post(
        "/app/admin/root-causes",
        &[
            ("form_token", &t),
            ("code", "wrong_vat"),
            ("label_en", "Wrong VAT rate"),
            ("label_ja", "消費税率の誤り"),
            ("active", "false"),
            ("active", "true"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some("/app/admin/root-causes"));
    let added = listed()
        .into_iter()
        .find(|r| r["code"] == "wrong_vat")
        .unwrap();
    assert_eq!(
        (&added["labels"]["ja"], &added["active"]),
        (&json!("消費税率の誤り"), &json!(true))
    );
    // Deactivated (the unticked box sends only its hidden "false").
    let r = admin.post(
        "/app/admin/root-causes/wrong_vat",
        &[
            ("form_token", &t),
            ("label_en", "Wrong VAT rate"),
            ("active", "false"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let page = admin.get("/app/admin/root-causes").text();
    assert!(page.contains("Wrong VAT rate"), "{page}");
    assert!(
        !listed()
            .iter()
            .any(|r| r["code"] == "wrong_vat" && r["active"] == true)
    );
    // Unknown cause: 404; no anti-forgery token: refused.
    let r = admin.post(
        "/app/admin/root-causes/nope",
        &[("form_token", &t), ("label_en", "x")],
    );
    assert_eq!(r.status, 404, "{}", r.text());
    let r = admin.post(
        "/app/admin/root-causes",
        &[("code", "x"), ("label_en", "x")],
    );
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(listed().len(), before + 1);
}

/// Write-off tolerances in the admin console: added (the currency however typed), changed,
/// removed, through the API's use cases; a bad amount or percent is a page naming it,
/// writing nothing; collectors cannot.
#[test]
fn admins_keep_the_write_off_tolerances_in_the_console() {
    let w = world();
    let admin = signed_in(&w, "root@corp.example", "admin");
    let collector = signed_in(&w, "alice@corp.example", "collector");
    let path = "/app/admin/write-off-tolerances";
    let page = admin.get(path);
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(admin.get("/app/admin").text().contains(path));
    assert_eq!(collector.get(path).status, 403);
    let t = admin.token("/app/admin");
    let api = "/api/v1/admin/write-off-tolerances/FR01/EUR";
    // A bad percent and amount: the page again, naming both; nothing written.
    let r = admin.post(
        path,
        &[
            ("form_token", &t),
            ("entity", "FR01"),
            ("currency", "eur"),
            ("amount", "ten"),
            ("percent", "abc"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.text().contains("amount") && r.text().contains("percent"),
        "{}",
        r.text()
    );
    assert_eq!(get(&w.s, api, ADMIN_TOKEN).status, 404);
    let r = admin.post(
        path,
        &[
            ("form_token", &t),
            ("entity", "FR01"),
            ("currency", "eur"),
            ("amount", "10.50"),
            ("percent", "5"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let got = get(&w.s, api, ADMIN_TOKEN).json();
    assert_eq!(
        (&got["amount"], &got["percent"]),
        (&json!("10.50"), &json!("5")),
        "{got}"
    );
    let page = admin.get(path).text();
    assert!(
        page.contains("FR01 · EUR") && page.contains("€10.50"),
        "{page}"
    );
    // Changed from its card.
    let r = admin.post(
        &format!("{path}/FR01/EUR"),
        &[("form_token", &t), ("amount", "20"), ("percent", "2.5")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let got = get(&w.s, api, ADMIN_TOKEN).json();
    assert_eq!(
        (&got["amount"], &got["percent"]),
        (&json!("20.00"), &json!("2.5")),
        "{got}"
    );
    // Removed; removed again: not found. Without the form's token: refused.
    let r = admin.post(&format!("{path}/FR01/EUR/delete"), &[("form_token", &t)]);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(get(&w.s, api, ADMIN_TOKEN).status, 404);
    let r = admin.post(&format!("{path}/FR01/EUR/delete"), &[("form_token", &t)]);
    assert_eq!(r.status, 404, "{}", r.text());
    let r = admin.post(
        path,
        &[
            ("entity", "FR01"),
            ("currency", "EUR"),
            ("amount", "1"),
            ("percent", "1"),
        ],
    );
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(get(&w.s, api, ADMIN_TOKEN).status, 404);
    assert_eq!(admin.get(&format!("{path}/FR01/EUR")).status, 405);
}

/// Routing rules in the admin console: added, changed and removed through the API's use
/// cases, listed in the order they apply; a bad position, amount or resolver is a page naming
/// it, writing nothing; collectors cannot; without the form's token, refused.
#[test]
fn admins_keep_the_routing_rules_in_the_console() {
    let w = world();
    let admin = signed_in(&w, "root@corp.example", "admin");
    let collector = signed_in(&w, "alice@corp.example", "collector");
    let path = "/app/admin/routing-rules";
    let page = admin.get(path);
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(admin.get("/app/admin").text().contains(path));
    assert_eq!(collector.get(path).status, 403);
    let t = admin.token("/app/admin");
    let rid = w.resolver_id.to_string();
    let rules = || {
        get(&w.s, "/api/v1/admin/routing-rules", ADMIN_TOKEN).json()["routing_rules"]
            .as_array()
            .unwrap()
            .clone()
    };
    // A position that is no number, a bound without a currency and a resolver nobody is:
    // the page again naming them; nothing written.
    let r = admin.post(
        path,
        &[
            ("form_token", &t),
            ("position", "first"),
            ("status", ""),
            ("entity", ""),
            ("customer_id", ""),
            ("currency", ""),
            ("min_amount", "100"),
            ("max_amount", ""),
            ("resolver_id", "999"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    let text = r.text();
    assert!(
        text.contains("position") && text.contains("min_amount"),
        "{text}"
    );
    assert!(rules().is_empty());
    // A rule for big price disputes in EUR, the amount typed with a decimal comma.
    let r = admin.post(
        path,
        &[
            ("form_token", &t),
            ("position", "1"),
            ("status", "price_dispute"),
            ("entity", "FR01"),
            ("customer_id", ""),
            ("currency", "eur"),
            ("min_amount", "1000,50"),
            ("max_amount", ""),
            ("resolver_id", &rid),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let got = rules();
    assert_eq!(got.len(), 1, "{got:?}");
    let id = got[0]["id"].as_i64().unwrap();
    assert_eq!(
        (
            &got[0]["status"],
            &got[0]["entity"],
            &got[0]["currency"],
            &got[0]["min_amount"],
            &got[0]["max_amount"],
            &got[0]["customer_id"],
        ),
        (
            &json!("price_dispute"),
            &json!("FR01"),
            &json!("EUR"),
            &json!("1000.50"),
            &serde_json::Value::Null,
            &serde_json::Value::Null
        )
    );
    let page = admin.get(path).text();
    assert!(
        page.contains("FR01") && page.contains("€1,000.50"),
        "{page}"
    );
    // Changed from its card: any reason, no entity, a ceiling instead.
    let r = admin.post(
        &format!("{path}/{id}"),
        &[
            ("form_token", &t),
            ("position", "2"),
            ("status", ""),
            ("entity", ""),
            ("customer_id", "C1"),
            ("currency", "EUR"),
            ("min_amount", ""),
            ("max_amount", "500"),
            ("resolver_id", &rid),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let got = rules();
    assert_eq!(
        (
            &got[0]["position"],
            &got[0]["status"],
            &got[0]["entity"],
            &got[0]["customer_id"],
            &got[0]["max_amount"],
        ),
        (
            &json!(2),
            &serde_json::Value::Null,
            &serde_json::Value::Null,
            &json!("C1"),
            &json!("500.00")
        ),
        "{got:?}"
    );
    // It routes: a new dispute of C1 under 500.00 without a resolver gets this one.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/status-changes",
        &w.collector,
        &json!({"item_ids": ["I1"], "status": "quality_dispute", "comment": "Broken"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let case = get(&w.s, "/api/v1/disputes?item_id=I1", &w.collector).json();
    assert_eq!(case["disputes"][0]["resolver_id"], w.resolver_id);
    assert_eq!(case["disputes"][0]["routing_rule_id"], id);
    // Unknown rule: not found. Without the form's token: refused. GET on a card: 405.
    let r = admin.post(
        &format!("{path}/999"),
        &[("form_token", &t), ("position", "1"), ("resolver_id", &rid)],
    );
    assert_eq!(r.status, 404, "{}", r.text());
    let r = admin.post(&format!("{path}/{id}/delete"), &[]);
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(admin.get(&format!("{path}/{id}")).status, 405);
    // Removed; removed again: not found.
    let r = admin.post(&format!("{path}/{id}/delete"), &[("form_token", &t)]);
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(rules().is_empty());
    let r = admin.post(&format!("{path}/{id}/delete"), &[("form_token", &t)]);
    assert_eq!(r.status, 404, "{}", r.text());
}

#[test]
fn the_console_speaks_the_users_language() {
    let w = world();
    user(&w.s, "kenji@corp.example", "collector", "ja");
    let v = Visitor::new(&w.s);
    assert_eq!(v.sign_in("kenji@corp.example", PASSWORD).status, 303);
    let page = v.get("/app/customers/C1");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("<html lang=\"ja\""));
    assert_eq!(page.header("content-language"), Some("ja"));
    // The switcher overrides it for the visit.
    let tr = v.get("/app/customers/C1?lang=tr");
    assert!(tr.text().contains("<html lang=\"tr\""));
}

#[test]
fn a_long_statement_comes_a_page_at_a_time_with_totals_for_all() {
    let w = world();
    let items: Vec<serde_json::Value> = (0..205)
        .map(|i| item(&format!("L{i:04}"), "C2", "2025-06-30", "1.00", "1.00"))
        .collect();
    assert_eq!(push_items(&w.s, ADMIN_TOKEN, "delta", items).status, 200);
    let v = signed_in(&w, "alice@corp.example", "collector");
    let first = v.get("/app/customers/C2").text();
    assert_eq!(first.matches("name=\"item\"").count(), 200);
    assert!(
        first.contains(">206<"),
        "the totals count every open item: {first}"
    );
    let next = first.find("rel=\"next\"").expect("a next page");
    let at = first[..next].rfind("href=\"").unwrap() + 6;
    let href: String = first[at..].chars().take_while(|c| *c != '"').collect();
    let href = href.replace("&amp;", "&").replace("&#x2f;", "/");
    let second = v.get(&href);
    assert_eq!(second.status, 200, "{href}: {}", second.text());
    let second = second.text();
    assert_eq!(second.matches("name=\"item\"").count(), 6);
    assert!(!second.contains("rel=\"next\""), "the last page");
    assert!(
        second.contains("/app/customers/C2\""),
        "a way back to the first page"
    );
    assert_eq!(v.get("/app/customers/C2?cursor=garbage").status, 400);
}

/// The admin screens write through the admin API's functions: what they refuse and record
/// is the API's.
#[test]
fn admins_configure_statuses_resolvers_models_templates_tokens_and_links() {
    let w = world();
    let admin = signed_in(&w, "root@corp.example", "admin");
    let collector = signed_in(&w, "alice@corp.example", "collector");
    for path in [
        "/app/admin",
        "/app/admin/statuses",
        "/app/admin/resolvers",
        "/app/admin/action-models",
        "/app/admin/templates",
        "/app/admin/templates/resolver_dispute/en",
        "/app/admin/scenarios",
        "/app/admin/tokens",
        "/app/admin/links",
    ] {
        let r = admin.get(path);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        assert_eq!(collector.get(path).status, 403, "{path} for a collector");
    }
    assert_eq!(Visitor::new(&w.s).get("/app/admin/statuses").status, 303);
    assert_eq!(admin.get("/app/admin/templates/nope/en").status, 404);
    assert_eq!(admin.get("/app/admin/nowhere").status, 404);
    let t = admin.token("/app/admin");

    // A status, with labels and its action model; a bad one is refused by field.
    let r = admin.post(
        "/app/admin/statuses",
        &[
            ("form_token", &t),
            ("code", "transport_dispute"),
            ("kind", "dispute"),
            ("typology", "delivery"),
            ("label_en", "Delivery dispute"),
            ("label_ja", "配送の係争"),
            ("action_model", "dispute_follow_up"),
            ("active", "false"),
            ("active", "true"),
            ("customer_visible", "false"),
            ("customer_visible", "true"),
            ("customer_selectable", "false"),
            ("customer_selectable", "true"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let s = get(
        &w.s,
        "/api/v1/admin/statuses/transport_dispute",
        ADMIN_TOKEN,
    )
    .json();
    assert_eq!(
        (
            s["labels"]["ja"].as_str(),
            s["customer_selectable"].as_bool()
        ),
        (Some("配送の係争"), Some(true)),
        "{s}"
    );
    assert!(
        s["history"][0]["actor"]
            .as_str()
            .unwrap()
            .starts_with("user:"),
        "{s}"
    );
    let r = admin.post(
        "/app/admin/statuses",
        &[
            ("form_token", &t),
            ("code", "Bad Code"),
            ("kind", "nonsense"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("kind"), "{}", r.text());
    let r = admin.post(
        "/app/admin/statuses",
        &[
            ("form_token", &t),
            ("code", "transport_dispute"),
            ("kind", "dispute"),
            ("typology", "delivery"),
            ("label_en", "Again"),
        ],
    );
    assert_eq!(r.status, 409, "an existing code");
    let text = r.text();
    assert!(
        text.contains("This conflicts with what is already recorded.")
            && text.contains("already exists")
            && !text.contains("could not be read"),
        "{text}"
    );
    // Edit: deactivate.
    let r = admin.post(
        "/app/admin/statuses/transport_dispute",
        &[
            ("form_token", &t),
            ("kind", "dispute"),
            ("active", "false"),
            ("customer_visible", "false"),
            ("customer_selectable", "false"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let s = get(
        &w.s,
        "/api/v1/admin/statuses/transport_dispute",
        ADMIN_TOKEN,
    )
    .json();
    assert_eq!(s["active"], false);

    // A resolver, then deactivated.
    let r = admin.post(
        "/app/admin/resolvers",
        &[
            ("form_token", &t),
            ("name", "Tess Tech"),
            ("email", "tess@corp.example"),
            ("role", "technician"),
            ("language", "de"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let list = get(&w.s, "/api/v1/admin/resolvers", ADMIN_TOKEN).json();
    let tess = list["resolvers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Tess Tech")
        .unwrap()
        .clone();
    let id = tess["id"].as_i64().unwrap();
    // Her escalation contact: Sam, chosen from the list; herself is refused; "nobody" clears.
    let page = admin.get("/app/admin/resolvers").text();
    assert!(
        page.contains(&format!(
            "<option value=\"{}\">Sam Sales</option>",
            w.resolver_id
        )),
        "{page}"
    );
    let with = |escalation: &str, active: &str| {
        admin.post(
            &format!("/app/admin/resolvers/{id}"),
            &[
                ("form_token", &t),
                ("name", "Tess Tech"),
                ("email", "tess@corp.example"),
                ("role", "technician"),
                ("language", "de"),
                ("escalation_id", escalation),
                ("active", active),
            ],
        )
    };
    assert_eq!(with(&w.resolver_id.to_string(), "true").status, 303);
    let tess = get(&w.s, &format!("/api/v1/admin/resolvers/{id}"), ADMIN_TOKEN).json();
    assert_eq!(tess["escalation_id"], w.resolver_id);
    let r = with(&id.to_string(), "true");
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("its own escalation contact"),
        "{}",
        r.text()
    );
    let r = with("", "false");
    assert_eq!(r.status, 303, "{}", r.text());
    let tess = get(&w.s, &format!("/api/v1/admin/resolvers/{id}"), ADMIN_TOKEN).json();
    assert_eq!(tess["active"], false);
    assert_eq!(tess["escalation_id"], serde_json::Value::Null);
    let r = admin.post(
        "/app/admin/resolvers",
        &[
            ("form_token", &t),
            ("name", "X"),
            ("email", "no"),
            ("role", "r"),
        ],
    );
    assert_eq!(r.status, 422);

    // An action model; a negative delay is refused.
    let r = admin.post(
        "/app/admin/action-models",
        &[
            ("form_token", &t),
            ("code", "call_back"),
            ("type", "call"),
            ("name", "Call back"),
            ("delay_days", "3"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let m = get(&w.s, "/api/v1/admin/action-models/call_back", ADMIN_TOKEN).json();
    assert_eq!(m["delay_days"], 3);
    let r = admin.post(
        "/app/admin/action-models",
        &[
            ("form_token", &t),
            ("code", "later"),
            ("type", "call"),
            ("name", "Later"),
            ("delay_days", "-4"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());

    // A template: preview writes nothing; an unknown hashtag is refused; save.
    let before = get(
        &w.s,
        "/api/v1/admin/email-templates/resolver_dispute/en",
        ADMIN_TOKEN,
    )
    .json();
    let r = admin.post(
        "/app/admin/templates/resolver_dispute/en",
        &[
            ("form_token", &t),
            ("audience", "resolver"),
            ("subject", "Dispute of #customer_name"),
            ("body", "Hello #resolver_name"),
            ("preview", "1"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Sample Customer"), "{}", r.text());
    let after = get(
        &w.s,
        "/api/v1/admin/email-templates/resolver_dispute/en",
        ADMIN_TOKEN,
    )
    .json();
    assert_eq!(
        before["subject"], after["subject"],
        "a preview saves nothing"
    );
    let r = admin.post(
        "/app/admin/templates/resolver_dispute/en",
        &[
            ("form_token", &t),
            ("audience", "resolver"),
            ("subject", "Hi"),
            ("body", "Hello #no_such_tag"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    let r = admin.post(
        "/app/admin/templates/resolver_dispute/en",
        &[
            ("form_token", &t),
            ("audience", "resolver"),
            ("subject", "Dispute of #customer_name"),
            ("body", "Hello #resolver_name, see #resolver_link"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let after = get(
        &w.s,
        "/api/v1/admin/email-templates/resolver_dispute/en",
        ADMIN_TOKEN,
    )
    .json();
    assert_eq!(after["subject"], "Dispute of #customer_name");

    // A scenario: the default's steps edited (one removed by blanking it, one added), a new
    // one created; an unknown step type is refused by field.
    let sc = get(&w.s, "/api/v1/admin/scenarios/default", ADMIN_TOKEN).json();
    let n = sc["steps"].as_array().unwrap().len();
    assert!(n >= 2, "{sc}");
    let r = admin.post(
        "/app/admin/scenarios/default",
        &[
            ("form_token", &t),
            ("name", "Standard"),
            ("default", "false"),
            ("default", "true"),
            ("active", "false"),
            ("active", "true"),
            ("offset_days", "-5"),
            ("step_type", "email"),
            ("template", "reminder_preventive"),
            ("offset_days", ""),
            ("step_type", "email"),
            ("template", ""),
            ("offset_days", "20"),
            ("step_type", "call"),
            ("template", ""),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let sc = get(&w.s, "/api/v1/admin/scenarios/default", ADMIN_TOKEN).json();
    assert_eq!(sc["name"], "Standard");
    assert_eq!(
        sc["steps"],
        json!([{"offset_days": -5, "type": "email", "template": "reminder_preventive"},
               {"offset_days": 20, "type": "call", "template": null}]),
        "{sc}"
    );
    let r = admin.post(
        "/app/admin/scenarios",
        &[
            ("form_token", &t),
            ("code", "gentle"),
            ("name", "Gentle"),
            ("active", "true"),
            ("offset_days", "10"),
            ("step_type", "fax"),
            ("template", ""),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    let r = admin.post(
        "/app/admin/scenarios",
        &[
            ("form_token", &t),
            ("code", "gentle"),
            ("name", "Gentle"),
            ("active", "true"),
            ("offset_days", "10"),
            ("step_type", "letter"),
            ("template", ""),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        get(&w.s, "/api/v1/admin/scenarios/gentle", ADMIN_TOKEN).status,
        200
    );

    // A token, shown once; then revoked, and it opens nothing any more.
    let r = admin.post(
        "/app/admin/tokens",
        &[("form_token", &t), ("name", "Nightly ERP"), ("role", "erp")],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let html = r.text();
    let start = html.find("<pre class=\"email-preview\">").unwrap() + 27;
    let token: String = html[start..].chars().take_while(|c| *c != '<').collect();
    assert_eq!(
        get(&w.s, "/api/v1/customers/C1", &token).status,
        200,
        "the new token works"
    );
    assert!(
        !admin.get("/app/admin/tokens").text().contains(&token),
        "shown once only"
    );
    let list = get(&w.s, "/api/v1/admin/tokens", ADMIN_TOKEN).json();
    let id = list["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Nightly ERP")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        admin
            .post(&format!("/app/admin/tokens/{id}/revoke"), &[])
            .status,
        403,
        "no form token"
    );
    let r = admin.post(
        &format!("/app/admin/tokens/{id}/revoke"),
        &[("form_token", &t)],
    );
    assert_eq!(r.status, 303);
    assert_eq!(get(&w.s, "/api/v1/customers/C1", &token).status, 401);
    let r = admin.post(
        "/app/admin/tokens",
        &[("form_token", &t), ("name", ""), ("role", "root")],
    );
    assert_eq!(r.status, 422);

    // A link from an email, listed and revoked: its page is gone.
    let change = crate::disputes::price_dispute(&w);
    let id = change["status_change_id"].as_i64().unwrap();
    let r = crate::disputes::post(
        &w,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let link = format!("/r/{}", resolver_token(r.json()["html"].as_str().unwrap()));
    assert_eq!(w.s.get(&link).status, 200);
    let page = admin.get("/app/admin/links").text();
    let at = page
        .find("/app&#x2f;admin&#x2f;links&#x2f;")
        .or_else(|| page.find("/app/admin/links/"))
        .expect("a revoke form");
    let id: String = page[at..]
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let r = admin.post(
        &format!("/app/admin/links/{id}/revoke"),
        &[("form_token", &t)],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(w.s.get(&link).status, 410);
    assert_eq!(
        admin
            .post("/app/admin/links/99999/revoke", &[("form_token", &t)])
            .status,
        404
    );
}

#[test]
fn the_agenda_records_a_reminder_step() {
    let w = world();
    let v = signed_in(&w, "alice@corp.example", "collector");
    let before = get(&w.s, "/api/v1/reminders/next?customer_id=C2", &w.collector).json();
    let step = before["next"]["step"].as_i64().unwrap();
    let agenda = v.get("/app/agenda");
    assert_eq!(agenda.status, 200);
    let html = agenda.text();
    assert!(html.contains("value=\"C2\""), "C2's step is due: {html}");
    let t = field(&html, "form_token");
    let step_s = step.to_string();
    let r = v.post(
        "/app/agenda/reminders",
        &[
            ("form_token", &t),
            ("customer_id", "C2"),
            ("step", &step_s),
            ("back", "//evil.example/"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some("/app"),
        "back stays in the console"
    );
    let after = get(&w.s, "/api/v1/reminders/next?customer_id=C2", &w.collector).json();
    assert_ne!(after["next"], before["next"], "{after}");
    // A customer without a step to do, or an unknown one, is refused with nothing written.
    let r = v.post(
        "/app/agenda/reminders",
        &[("form_token", &t), ("customer_id", "NOPE")],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    let r = v.post("/app/agenda/reminders", &[("customer_id", "C2")]);
    assert_eq!(r.status, 403, "no form token");
    assert_eq!(v.get("/app/agenda/reminders").status, 405);
}

/// The agenda's *Late disputes* tab lists the open cases past their deadline, the most
/// overdue first, with their disputed part, how late they are and whether they were
/// escalated, filtered by collector and resolver; *Broken promises* lists the promises
/// found broken. In English and Japanese; bad filters are a 400 page.
#[test]
fn the_agenda_shows_late_disputes_and_broken_promises() {
    let w = world();
    let r = call(
        &w.s,
        "PATCH",
        "/api/v1/admin/statuses/price_dispute",
        ADMIN_TOKEN,
        &json!({"target_days": 10}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    // I1 disputed for 15.00 on 2025-03-10 (due by 03-20): late.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/status-changes",
        &w.collector,
        &json!({"item_ids": ["I1"], "status": "price_dispute", "status_date": "2025-03-10",
                "comment": "Wrong price", "resolver_id": w.resolver_id, "amounts": {"I1": "15.00"}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    // A promise on I3 for 2025-03-01, unpaid: broken by the daily check.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/status-changes",
        &w.collector,
        &json!({"item_ids": ["I3"], "status": "promise_to_pay",
                "next_action": {"type": "promise", "name": "Pays on Friday", "date": "2025-03-01"}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = call(
        &w.s,
        "POST",
        "/api/v1/promises/check",
        &w.collector,
        &json!({}),
    );
    assert_eq!(r.status, 200, "{}", r.text());

    let v = signed_in(&w, "alice@corp.example", "collector");
    let agenda = v.get("/app/agenda?date=2025-03-01");
    assert_eq!(agenda.status, 200, "{}", agenda.text());
    assert!(
        agenda.text().contains(
            "href=\"/app/agenda/late\">Late disputes <span class=\"badge warn\">1</span>"
        ),
        "{}",
        agenda.text()
    );
    let late = v.get("/app/agenda/late");
    assert_eq!(late.status, 200, "{}", late.text());
    let html = late.text();
    for text in [
        "1 dispute past its deadline",
        "Acme SA",
        "F-I1",
        "Price dispute",
        "Sam Sales",
        "15.00",
    ] {
        assert!(html.contains(text), "{text} missing: {html}");
    }
    assert!(!html.contains("F-I3"));
    // By another resolver, or another collector: none.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Tess Tech", "email": "tess@corp.example", "role": "technician"}),
    );
    let tess = r.json()["id"].as_i64().unwrap();
    let html = v
        .get(&format!("/app/agenda/late?resolver_id={tess}"))
        .text();
    assert!(html.contains("No dispute is past its deadline."), "{html}");
    let html = v.get("/app/agenda/late?collector=nobody").text();
    assert!(!html.contains("F-I1"), "{html}");
    for (path, status) in [
        ("/app/agenda/late?resolver_id=999", 400),
        ("/app/agenda/late?page=0", 400),
        ("/app/agenda/late?bogus=1", 400),
        ("/app/agenda/broken?collector=%00", 400),
    ] {
        let r = v.get(path);
        assert_eq!(r.status, status, "{path}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    }
    let r = v.post("/app/agenda/late", &[]);
    assert_eq!(r.status, 405, "{}", r.text());
    let broken = v.get("/app/agenda/broken");
    assert_eq!(broken.status, 200, "{}", broken.text());
    let html = broken.text();
    for text in ["Acme SA", "Pays on Friday", "Promised for", "1 item"] {
        assert!(html.contains(text), "{text} missing: {html}");
    }
    // In Japanese.
    let html = v.get("/app/agenda/late?lang=ja").text();
    assert!(html.contains("期限超過の係争"), "{html}");
    assert!(html.contains("目標日を過ぎた係争 1 件"), "{html}");
}

/// The console's *Disputes*: the list (filters, the disputed part beside the original), a
/// case with its amounts and history, and the three writes on it, each the API's use case:
/// write off under the tolerance (refused without one and above it, saying which), record
/// the root cause, reopen with a comment. Bad filters, unknown cases and missing form tokens
/// are pages naming the trouble; in Japanese too.
#[test]
fn the_console_lists_dispute_cases_and_acts_on_one() {
    let w = world();
    for body in [
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": w.resolver_id, "amounts": {"I1": "15.00"}, "next_action": "suggested"}),
        json!({"item_ids": ["I4"], "status": "price_dispute", "comment": "Not ordered"}),
    ] {
        let r = call(&w.s, "POST", "/api/v1/status-changes", &w.collector, &body);
        assert_eq!(r.status, 201, "{}", r.text());
    }
    let api = |path: &str| {
        let r = get(&w.s, path, &w.collector);
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    };
    let id = api("/api/v1/disputes?item_id=I1")["disputes"][0]["id"]
        .as_i64()
        .unwrap();
    let v = signed_in(&w, "alice@corp.example", "collector");

    let list = v.get("/app/disputes");
    assert_eq!(list.status, 200, "{}", list.text());
    let html = list.text();
    for text in [
        "href=\"/app/disputes\" aria-current=\"page\">Disputes</a>",
        &format!("href=\"/app/disputes/{id}\">#{id}</a>"),
        "Acme SA",
        "F-I1",
        "15.00",
        "100.00",
        "Price dispute",
        "Sam Sales",
        "F-I4",
    ] {
        assert!(html.contains(text), "{text} missing: {html}");
    }
    let html = v.get("/app/disputes?customer=C2").text();
    assert!(html.contains("F-I4") && !html.contains("F-I1"), "{html}");
    let html = v
        .get(&format!("/app/disputes?resolver_id={}", w.resolver_id))
        .text();
    assert!(html.contains("F-I1") && !html.contains("F-I4"), "{html}");
    let html = v.get("/app/disputes?state=resolved").text();
    assert!(html.contains("No dispute matches these filters."), "{html}");
    for (path, status) in [
        ("/app/disputes?state=bogus", 400),
        ("/app/disputes?resolver_id=999", 400),
        ("/app/disputes?customer=NOPE", 400),
        ("/app/disputes?cursor=garbage", 400),
        ("/app/disputes?late=maybe", 400),
        ("/app/disputes?bogus=1", 400),
        ("/app/disputes/999999", 404),
        ("/app/disputes/abc", 404),
    ] {
        let r = v.get(path);
        assert_eq!(r.status, status, "{path}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    }
    assert_eq!(v.post("/app/disputes", &[]).status, 405);
    assert_eq!(v.get(&format!("/app/disputes/{id}/reopen")).status, 405);

    // 12.00 of the disputed part paid: 3.00 left in dispute.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "12.00", "date": "2025-03-15", "for": "disputed"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let path = format!("/app/disputes/{id}");
    let page = v.get(&path);
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    for text in [
        &format!("Dispute #{id}"),
        "Originally disputed",
        "15.00",
        "3.00",
        "12.00",
        "No write-off tolerance is set for FR01 in EUR",
        "Dispute opened",
        "Payment",
        "Root cause and validity",
    ] {
        assert!(html.contains(text), "{text} missing: {html}");
    }
    assert!(!html.contains("Reopen the dispute"), "open: {html}");
    let t = field(&html, "form_token");
    let write_off = |token: &str| {
        v.post(
            &format!("{path}/write-off"),
            &[("form_token", token), ("comment", "Not worth chasing")],
        )
    };
    let r = write_off(&t);
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(
        r.text()
            .contains("No write-off tolerance is set for this entity and currency."),
        "{}",
        r.text()
    );
    let tolerance = |amount: &str| {
        let r = call(
            &w.s,
            "PUT",
            "/api/v1/admin/write-off-tolerances/FR01/EUR",
            ADMIN_TOKEN,
            &json!({"amount": amount, "percent": "25"}),
        );
        assert!(r.status == 200 || r.status == 201, "{}", r.text());
    };
    tolerance("1.00");
    assert!(
        v.get(&path)
            .text()
            .contains("What is left is above the tolerance.")
    );
    let r = write_off(&t);
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(
        r.text().contains("above the write-off tolerance"),
        "{}",
        r.text()
    );
    assert_eq!(api(&format!("/api/v1/disputes/{id}"))["state"], "open");
    tolerance("5.00");
    let html = v.get(&path).text();
    assert!(html.contains(">Write off</button>"), "{html}");
    assert_eq!(write_off("forged").status, 403);
    let r = write_off(&t);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.text().contains("The rest was written off"),
        "{}",
        r.text()
    );
    let c = api(&format!("/api/v1/disputes/{id}"));
    assert_eq!(
        (&c["state"], &c["resolution"], &c["written_off_amount"]),
        (&json!("resolved"), &json!("written_off"), &json!("3.00"))
    );

    // The root cause, from the list; an unknown one is refused beside its field.
    let r = v.post(
        &format!("{path}/finding"),
        &[
            ("form_token", &t),
            ("root_cause", "no_such_cause"),
            ("valid", "true"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    let r = v.post(
        &format!("{path}/finding"),
        &[
            ("form_token", &t),
            ("root_cause", "pricing_error"),
            ("valid", "true"),
            ("comment", "List price not updated"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Recorded."), "{}", r.text());
    let c = api(&format!("/api/v1/disputes/{id}"));
    assert_eq!(
        (&c["root_cause"], &c["valid"]),
        (&json!("pricing_error"), &json!(true))
    );

    // Reopen: the comment is required; then the same case is open again.
    let html = v.get(&path).text();
    assert!(html.contains("Reopen the dispute"), "{html}");
    let r = v.post(
        &format!("{path}/reopen"),
        &[("form_token", &t), ("comment", " ")],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("Nothing was saved"), "{}", r.text());
    assert_eq!(api(&format!("/api/v1/disputes/{id}"))["state"], "resolved");
    let r = v.post(
        &format!("{path}/reopen"),
        &[("form_token", &t), ("comment", "Disputes the rest again")],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.text().contains("The dispute is open again."),
        "{}",
        r.text()
    );
    assert!(r.text().contains("Dispute reopened"), "{}", r.text());
    assert_eq!(api(&format!("/api/v1/disputes/{id}"))["state"], "open");

    // In Japanese.
    let html = v.get("/app/disputes?lang=ja").text();
    assert!(html.contains("<h1>係争</h1>"), "{html}");
    let html = v.get(&format!("{path}?lang=ja")).text();
    assert!(html.contains(&format!("係争 第 {id} 号")), "{html}");
    assert!(html.contains("係争再開"), "{html}");
}
