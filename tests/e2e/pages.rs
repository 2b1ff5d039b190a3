//! The resolver's page and the customer's page through the host: the loop from an email
//! (collector qualifies → resolver answers → collector sees it in the agenda and the outbox →
//! customer disputes, promises, follows), and every refusal (forged, expired, revoked,
//! wrong-audience links; missing anti-forgery token; bad form input) as an HTML page that
//! writes nothing.

use serde_json::{Value, json};
use settle_domain::links::{self, Claims};

use crate::disputes::{World, post, price_dispute, resolver_token, world_with};
use crate::support::*;

fn world() -> World {
    world_with(&[("SPIN_VARIABLE_COLLECTOR_EMAIL", "collections@corp.example")])
}

/// A resolver link for the price dispute (from the queued email).
fn resolver_link(w: &World) -> (String, Value) {
    let change = price_dispute(w);
    let id = change["status_change_id"].as_i64().unwrap();
    let r = post(
        w,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let token = resolver_token(r.json()["html"].as_str().unwrap());
    (format!("/r/{token}"), change)
}

/// A customer link for C1 (from a queued confirmation email).
fn customer_link(w: &World, change_id: i64) -> String {
    let r = post(
        w,
        "/api/v1/emails",
        &json!({"template": "customer_confirmation", "status_change_id": change_id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let html = r.json()["html"].as_str().unwrap().to_string();
    let start = html.find("/c/").expect("a customer link") + 3;
    let token: String = html[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    format!("/c/{token}")
}

fn page(w: &World, path: &str, lang: &str) -> settle_host::testing::TestResponse {
    w.s.request("GET", path, &[("accept-language", lang)], b"")
}

fn form_token(html: &str) -> String {
    let at = html
        .find("name=\"form_token\" value=\"")
        .expect("a form token")
        + 25;
    html[at..].chars().take_while(|c| *c != '"').collect()
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn submit(w: &World, path: &str, fields: &[(&str, &str)]) -> settle_host::testing::TestResponse {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    w.s.request(
        "POST",
        path,
        &[("content-type", "application/x-www-form-urlencoded")],
        body.join("&").as_bytes(),
    )
}

fn db_snapshot(w: &World) -> Value {
    let c = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
    let o = get(&w.s, "/api/v1/outbox", &w.collector).json();
    let h = get(&w.s, "/api/v1/items/I1/history", &w.collector).json();
    json!([c, o, h])
}

fn assert_page_headers(r: &settle_host::testing::TestResponse) {
    let csp = r.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn the_resolver_answers_and_the_collector_sees_it() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let r = page(&w, &path, "en");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_page_headers(&r);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let html = r.text();
    for text in [
        "Acme SA",
        "C1",
        "Unit price is not the one agreed",
        "F-I1",
        "F-I3",
        "F-I5",
        "Price dispute",
    ] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(!html.contains("<script"), "no script on the page");
    let token = form_token(&html);

    // Answer with a comment holding markup: stored as text, shown escaped.
    let r = submit(
        &w,
        &format!("{path}/comments"),
        &[
            ("form_token", &token),
            ("comment", "Credit note <script>alert(1)</script> coming"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some(format!("{path}?saved=1").as_str())
    );
    let html = page(&w, &format!("{path}?saved=1"), "en").text();
    assert!(
        html.contains("Credit note &lt;script&gt;alert(1)&lt;&#x2f;script&gt; coming"),
        "{html}"
    );
    assert!(!html.contains("<script>alert"));

    // Outcome, and the agenda's last_reply.
    let r = submit(
        &w,
        &format!("{path}/outcome"),
        &[("form_token", &token), ("outcome", "credit_note")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let action_id = change["action"]["id"].as_i64().unwrap();
    let agenda = get(&w.s, "/api/v1/agenda?date=2030-01-01", &w.collector).json();
    let entry = agenda["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"]["id"] == action_id)
        .expect("the action is on the agenda");
    assert_eq!(
        entry["last_reply"]["by"],
        format!("resolver:{}", w.resolver_id)
    );
    // The item history carries the answer with the resolver as actor.
    let history = get(&w.s, "/api/v1/items/I1/history", &w.collector).json();
    assert!(history["history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["actor"] == format!("resolver:{}", w.resolver_id) && h["event"] == "outcome"), "{history}");
    // The collector was emailed twice (comment, outcome).
    let outbox = get(&w.s, "/api/v1/outbox", &w.collector).json();
    let replies: Vec<&Value> = outbox["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["template"] == "collector_reply")
        .collect();
    assert_eq!(replies.len(), 2, "{outbox}");
    assert_eq!(replies[0]["to"], "collections@corp.example");
    // The resolver never terminates: the action is still live.
    let a = get(&w.s, &format!("/api/v1/actions/{action_id}"), &w.collector).json();
    assert_eq!(a["state"], "live");
}

#[test]
fn attachments_upload_type_checked_and_download_with_their_type() {
    let w = world();
    let (path, _) = resolver_link(&w);
    let token = form_token(&page(&w, &path, "en").text());
    let upload = |name: &str, bytes: &[u8], with_token: bool| {
        let b = "----settleboundary";
        let mut body = Vec::new();
        if with_token {
            body.extend_from_slice(format!("--{b}\r\nContent-Disposition: form-data; name=\"form_token\"\r\n\r\n{token}\r\n").as_bytes());
        }
        body.extend_from_slice(format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
        w.s.request(
            "POST",
            &format!("{path}/attachments"),
            &[(
                "content-type",
                &format!("multipart/form-data; boundary={b}"),
            )],
            &body,
        )
    };
    let before = db_snapshot(&w);
    // A refused type, a file too big, and a missing token: pages, nothing written.
    let r = upload("evil.pdf", b"<html><script>", true);
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains("PDF, PNG or JPEG"), "{}", r.text());
    let mut big = b"%PDF-1.4".to_vec();
    big.resize(5 * 1024 * 1024 + 1, b'x');
    assert_eq!(upload("big.pdf", &big, true).status, 400);
    assert_eq!(upload("ok.pdf", b"%PDF-1.4 fine", false).status, 403);
    assert_eq!(db_snapshot(&w), before);

    let r = upload("C:\\scans\\proof.pdf", b"%PDF-1.4 proof", true);
    assert_eq!(r.status, 303, "{}", r.text());
    let html = page(&w, &path, "en").text();
    // Template text is not escaped; the link path before it is (`/` as `&#x2f;`).
    let at = html.find("/attachments/").expect("a download link") + "/attachments/".len();
    let id: String = html[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    assert!(html.contains(">proof.pdf</a>"));
    let r = page(&w, &format!("{path}/attachments/{id}"), "en");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/pdf"));
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"proof.pdf\"")
    );
    assert_eq!(r.body, b"%PDF-1.4 proof");
    assert_eq!(
        page(&w, &format!("{path}/attachments/9999"), "en").status,
        404
    );
    // Issue 21: a name lying about its type is given the type's extension, and
    // bidirectional overrides are dropped from shown names.
    for (sent, shown) in [
        ("invoice.html", "invoice.pdf"),
        ("scan\u{202E}fdp.exe", "scanfdp.pdf"),
    ] {
        let r = upload(sent, b"%PDF-1.4 lying name", true);
        assert_eq!(r.status, 303, "{}", r.text());
        let html = page(&w, &path, "en").text();
        assert!(html.contains(&format!(">{shown}</a>")), "{shown}: {html}");
        assert!(!html.contains('\u{202E}'));
        let at = html.rfind("/attachments/").unwrap() + "/attachments/".len();
        let id: String = html[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let r = page(&w, &format!("{path}/attachments/{id}"), "en");
        assert_eq!(
            r.header("content-disposition"),
            Some(format!("attachment; filename=\"{shown}\"").as_str())
        );
    }
}

#[test]
fn handover_needs_another_active_resolver() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let token = form_token(&page(&w, &path, "en").text());
    let before = db_snapshot(&w);
    for bad in ["", "abc", &w.resolver_id.to_string(), "999"] {
        let r = submit(
            &w,
            &format!("{path}/handover"),
            &[("form_token", &token), ("resolver_id", bad)],
        );
        assert_eq!(r.status, 422, "{bad}: {}", r.text());
    }
    assert_eq!(db_snapshot(&w), before);
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Tia Tech", "email": "tia@corp.example", "role": "tech", "language": "ja"}),
    );
    let tia = r.json()["id"].as_i64().unwrap();
    let r = submit(
        &w,
        &format!("{path}/handover"),
        &[("form_token", &token), ("resolver_id", &tia.to_string())],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let a = get(
        &w.s,
        &format!("/api/v1/actions/{}", change["action"]["id"]),
        &w.collector,
    )
    .json();
    assert_eq!(a["resolver"]["name"], "Tia Tech");
}

#[test]
fn forms_refuse_bad_input_with_a_page_and_write_nothing() {
    let w = world();
    let (path, _) = resolver_link(&w);
    let token = form_token(&page(&w, &path, "en").text());
    let before = db_snapshot(&w);
    // (route, fields, status, what the page says)
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, u16, &'a str);
    let cases: Vec<Case> = vec![
        (
            "comments",
            vec![("form_token", &token), ("comment", "   ")],
            400,
            "Please write a message",
        ),
        (
            "comments",
            vec![("form_token", &token), ("comment", "a\u{0}b")],
            400,
            "control characters",
        ),
        (
            "comments",
            vec![("comment", "no token")],
            403,
            "The form has expired",
        ),
        (
            "comments",
            vec![("form_token", "forged"), ("comment", "x")],
            403,
            "The form has expired",
        ),
        (
            "outcome",
            vec![("form_token", &token), ("outcome", "nope")],
            422,
            "proposed outcomes",
        ),
    ];
    for (route, fields, status, says) in cases {
        let r = submit(&w, &format!("{path}/{route}"), &fields);
        assert_eq!(r.status, status, "{route} {fields:?}: {}", r.text());
        assert!(r.text().contains(says), "{route}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_page_headers(&r);
    }
    // JSON is not a form; a GET on a form route is 405.
    let r = w.s.request(
        "POST",
        &format!("{path}/comments"),
        &[("content-type", "application/json")],
        b"{}",
    );
    assert_eq!(r.status, 400);
    assert_eq!(page(&w, &format!("{path}/comments"), "en").status, 405);
    assert_eq!(page(&w, &format!("{path}/nothing"), "en").status, 404);
    assert_eq!(db_snapshot(&w), before);
}

#[test]
fn forged_expired_revoked_and_wrong_audience_links_are_refused() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let token = path.trim_start_matches("/r/").to_string();
    // Altered: one character of the signature changed.
    let mut altered = token.clone();
    let last = altered.pop().unwrap();
    altered.push(if last == 'A' { 'B' } else { 'A' });
    let r = page(&w, &format!("/r/{altered}"), "fr");
    assert_eq!(r.status, 403);
    assert_page_headers(&r);
    assert!(
        r.text().contains("Ce lien n&#x27;est pas valide"),
        "{}",
        r.text()
    );
    assert!(!r.text().contains("Acme"), "leaks nothing");
    // Signed with another secret.
    let claims = links::verify(LINK_SECRET.as_bytes(), &token, 0, |_| false).unwrap();
    let forged = links::sign(b"another secret", &claims);
    assert_eq!(page(&w, &format!("/r/{forged}"), "en").status, 403);
    // Expired: a genuine signature on past claims.
    let expired = links::sign(
        LINK_SECRET.as_bytes(),
        &Claims {
            expires_at: 1,
            ..claims.clone()
        },
    );
    let r = page(&w, &format!("/r/{expired}"), "ja");
    assert_eq!(r.status, 410);
    assert!(
        r.text().contains("このリンクは有効期限切れです"),
        "{}",
        r.text()
    );
    // Wrong audience: a resolver token on the customer page, and the reverse.
    assert_eq!(page(&w, &format!("/c/{token}"), "en").status, 403);
    let customer = customer_link(&w, change["status_change_id"].as_i64().unwrap());
    assert_eq!(page(&w, &customer.replace("/c/", "/r/"), "en").status, 403);
    // Revoked.
    let link_id = claims.link_id;
    let r = call(
        &w.s,
        "DELETE",
        &format!("/api/v1/links/{link_id}"),
        &w.collector,
        &json!({}),
    );
    assert!(r.status < 300, "{}", r.text());
    let r = page(&w, &path, "en");
    assert_eq!(r.status, 410);
    assert!(r.text().contains("ask your contact"), "{}", r.text());
}

#[test]
fn failed_link_checks_are_throttled_per_client() {
    let w = world();
    let (path, _) = resolver_link(&w);
    for _ in 0..20 {
        assert_eq!(page(&w, "/r/not-a-token", "en").status, 403);
    }
    let r = page(&w, "/r/not-a-token", "en");
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    // A good link still opens from that address (an office's colleagues share it), and its
    // forms still work; bad tokens keep answering 429.
    let r = page(&w, &path, "en");
    assert_eq!(r.status, 200, "{}", r.text());
    let token = form_token(&r.text());
    let r = submit(
        &w,
        &format!("{path}/comments"),
        &[("form_token", &token), ("comment", "From the office")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(page(&w, "/r/still-not-a-token", "en").status, 429);
}

#[test]
fn the_customer_disputes_promises_and_follows() {
    let w = world();
    let (_, change) = resolver_link(&w);
    let path = customer_link(&w, change["status_change_id"].as_i64().unwrap());
    // C1's language is French.
    let r = page(&w, &path, "en");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_page_headers(&r);
    let html = r.text();
    assert!(html.contains("Relevé de compte"), "{html}");
    assert!(html.contains("Prix contesté"), "customer-facing label");
    assert!(
        !html.contains("Unit price is not the one agreed"),
        "internal comment hidden"
    );
    assert!(!html.contains("Sam Sales"), "resolver names hidden");
    assert!(
        html.contains("100,00\u{a0}€") || html.contains("100,00&nbsp;€"),
        "French amounts"
    );
    let token = form_token(&html);
    // The switcher sets the language and remembers it.
    let r = page(&w, &format!("{path}?lang=ja"), "en");
    assert!(r.text().contains("取引明細"));
    assert!(
        r.header("set-cookie")
            .unwrap()
            .starts_with("settle_lang=ja;")
    );

    // Dispute I5 (not yet disputed).
    let before = db_snapshot(&w);
    let bad = submit(
        &w,
        &format!("{path}/disputes"),
        &[
            ("form_token", &token),
            ("item", "I4"),
            ("reason", "price_dispute"),
            ("comment", "x"),
        ],
    );
    assert_eq!(bad.status, 400, "another customer's item: {}", bad.text());
    let bad = submit(
        &w,
        &format!("{path}/disputes"),
        &[
            ("form_token", &token),
            ("item", "I5"),
            ("reason", "administrative_dispute"),
            ("comment", "x"),
        ],
    );
    assert_eq!(bad.status, 400, "a reason not selectable: {}", bad.text());
    let bad = submit(
        &w,
        &format!("{path}/promises"),
        &[
            ("form_token", &token),
            ("item", "I5"),
            ("date", "2020-01-01"),
        ],
    );
    assert_eq!(bad.status, 400, "a date in the past");
    assert!(
        bad.text().contains("Choisissez une date valide"),
        "{}",
        bad.text()
    );
    assert_eq!(db_snapshot(&w), before);

    let r = submit(
        &w,
        &format!("{path}/disputes"),
        &[
            ("form_token", &token),
            ("item", "I5"),
            ("reason", "quality_dispute"),
            ("comment", "Broken on arrival"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let i5 = get(&w.s, "/api/v1/items/I5/history", &w.collector).json();
    assert!(
        i5["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["actor"] == "customer:C1"),
        "{i5}"
    );
    let item = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
    let i5 = item["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "I5")
        .unwrap()
        .clone();
    assert_eq!(i5["status"]["code"], "quality_dispute");
    assert_eq!(
        i5["in_scenario"], false,
        "held by the status's follow-up action"
    );

    // Promise to pay I1 within 90 days.
    let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(10)).to_string();
    let r = submit(
        &w,
        &format!("{path}/promises"),
        &[("form_token", &token), ("item", "I1"), ("date", &date)],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let st = get(&w.s, "/api/v1/customers/C1/statement", &w.collector).json();
    let i1 = st["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "I1")
        .unwrap()
        .clone();
    assert_eq!(i1["status"]["code"], "promise_to_pay");
    let a = get(
        &w.s,
        &format!("/api/v1/actions/{}", i1["action_id"]),
        &w.collector,
    )
    .json();
    assert_eq!(a["type"], "promise");
    assert_eq!(a["date"], date);

    // The tracker shows both disputes; the customer's own words only.
    let html = page(&w, &path, "en").text();
    assert!(html.contains("Vos litiges"));
    assert!(html.contains("Qualité contestée"), "{html}");
    assert!(html.contains("Broken on arrival"));

    // CSV download in the customer's language.
    let r = page(&w, &format!("{path}/statement.csv"), "en");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    let csv = r.text();
    assert!(csv.contains("Numéro,Type,Date de pièce,Échéance"), "{csv}");
    // Beside the open amount, what is in dispute: all of I5; nothing of I1 (promised).
    let header = csv.lines().next().unwrap();
    assert!(header.contains(",En litige,Devise,"), "{header}");
    let line = |n: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("F-{n},")))
            .unwrap_or_else(|| panic!("no {n}: {csv}"))
            .to_string()
    };
    assert!(
        line("I5").contains(",5.00,5.00,5.00,EUR,"),
        "{}",
        line("I5")
    );
    assert!(line("I1").contains(",,EUR,"), "{}", line("I1"));
}

#[test]
fn a_collector_makes_a_customer_link_to_paste_in_a_reminder() {
    let w = world();
    let body = json!({"customer_id": "C1", "ttl_days": 7});
    let headers = |key: &'static str| {
        vec![
            ("authorization", bearer(&w.collector)),
            ("content-type", "application/json".to_string()),
            ("idempotency-key", key.to_string()),
        ]
    };
    let send = |key: &'static str, body: &Value| {
        let h = headers(key);
        let h: Vec<(&str, &str)> = h.iter().map(|(k, v)| (*k, v.as_str())).collect();
        w.s.request("POST", "/api/v1/links", &h, body.to_string().as_bytes())
    };
    let r = send("k1", &body);
    assert_eq!(r.status, 201, "{}", r.text());
    let link = r.json();
    assert_eq!(link["audience"], "customer");
    assert_eq!(link["customer_id"], "C1");
    assert_eq!(link["state"], "live");
    let id = link["id"].as_i64().unwrap();
    assert_eq!(
        r.header("location"),
        Some(format!("/api/v1/links/{id}").as_str())
    );
    let url = link["url"].as_str().unwrap();
    assert!(url.starts_with("http://127.0.0.1:3000/c/"), "{url}");
    let path = url.trim_start_matches("http://127.0.0.1:3000");
    // The link opens C1's page, and lives 7 days.
    let page_r = page(&w, path, "en");
    assert_eq!(page_r.status, 200, "{}", page_r.text());
    assert!(page_r.text().contains("Acme"));
    let link_token = path.trim_start_matches("/c/");
    let claims = links::verify(LINK_SECRET.as_bytes(), link_token, 0, |_| false).unwrap();
    let days = (claims.expires_at - chrono::Utc::now().timestamp()) as f64 / 86400.0;
    assert!((6.9..=7.0).contains(&days), "{days}");
    // The stored link never holds its token.
    let stored = get(&w.s, &format!("/api/v1/links/{id}"), &w.collector).json();
    assert!(stored.get("url").is_none() && !stored.to_string().contains(link_token));
    // A retry answers the same link, and makes no second one.
    let again = send("k1", &body);
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json()["id"], id);
    assert_eq!(again.json()["url"], url);
    let before = db_snapshot(&w);
    // Refusals name their field and write nothing.
    for (bad, pointer, status) in [
        (json!({"customer_id": "NOPE"}), "/customer_id", 422),
        (json!({}), "/customer_id", 422),
        (json!({"customer_id": 5}), "/customer_id", 422),
        (
            json!({"customer_id": "C1", "ttl_days": 0}),
            "/ttl_days",
            422,
        ),
        (
            json!({"customer_id": "C1", "ttl_days": 400}),
            "/ttl_days",
            422,
        ),
        (
            json!({"customer_id": "C1", "audience": "resolver"}),
            "/audience",
            422,
        ),
    ] {
        let r = send("k2", &bad);
        let p = problem(&r, status);
        assert!(pointers(&p).contains(&pointer.to_string()), "{bad}: {p}");
    }
    let r = w.s.request(
        "POST",
        "/api/v1/links",
        &[("content-type", "application/json")],
        body.to_string().as_bytes(),
    );
    problem(&r, 401);
    let erp = token(&w.s, "erp");
    problem(&call(&w.s, "POST", "/api/v1/links", &erp, &body), 403);
    problem(
        &call(&w.s, "GET", "/api/v1/links", &w.collector, &body),
        405,
    );
    assert_eq!(db_snapshot(&w), before);
    assert!(
        get(&w.s, &format!("/api/v1/links/{}", id + 1), &w.collector).status == 404,
        "no second link"
    );
}

#[test]
fn the_admin_configures_outcomes_and_the_reasons_customers_pick() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let customer = customer_link(&w, change["status_change_id"].as_i64().unwrap());
    let admin = |method: &str, p: &str, body: Value| call(&w.s, method, p, ADMIN_TOKEN, &body);
    let list = admin("GET", "/api/v1/admin/outcomes", Value::Null).json();
    assert_eq!(list["outcomes"].as_array().unwrap().len(), 4);
    // A new outcome shows on the resolver's page; deactivated, it does not.
    let r = admin(
        "POST",
        "/api/v1/admin/outcomes",
        json!({"code": "write_off", "label": "Write the balance off"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert!(
        page(&w, &path, "en")
            .text()
            .contains("Write the balance off")
    );
    problem(
        &admin(
            "POST",
            "/api/v1/admin/outcomes",
            json!({"code": "write_off", "label": "Again"}),
        ),
        409,
    );
    let r = admin(
        "PATCH",
        "/api/v1/admin/outcomes/write_off",
        json!({"active": false}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        !page(&w, &path, "en")
            .text()
            .contains("Write the balance off")
    );
    let one = admin("GET", "/api/v1/admin/outcomes/write_off", Value::Null).json();
    assert_eq!(one["active"], false);
    assert_eq!(one["history"].as_array().unwrap().len(), 2, "{one}");
    // Bad bodies name their field; unknown outcomes are 404; collectors cannot configure.
    let p = problem(&admin("POST", "/api/v1/admin/outcomes", json!({})), 422);
    assert_eq!(pointers(&p), ["/code", "/label"]);
    let p = problem(
        &admin(
            "POST",
            "/api/v1/admin/outcomes",
            json!({"code": "Bad!", "label": "x"}),
        ),
        422,
    );
    assert_eq!(pointers(&p), ["/code"]);
    problem(
        &admin(
            "PATCH",
            "/api/v1/admin/outcomes/nope",
            json!({"active": true}),
        ),
        404,
    );
    problem(
        &call(
            &w.s,
            "POST",
            "/api/v1/admin/outcomes",
            &w.collector,
            &json!({"code": "x_y", "label": "x"}),
        ),
        403,
    );
    problem(
        &admin("DELETE", "/api/v1/admin/outcomes/write_off", Value::Null),
        405,
    );

    // The customer's reasons: the dispute statuses marked customer_selectable.
    let reasons = |html: &str| html.matches("<option value=\"").count();
    let before = reasons(&page(&w, &customer, "en").text());
    let r = admin(
        "PATCH",
        "/api/v1/admin/statuses/administrative_dispute",
        json!({"customer_selectable": true}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["customer_selectable"], true);
    let html = page(&w, &customer, "en").text();
    assert_eq!(reasons(&html), before + 1, "{html}");
    assert!(html.contains("value=\"administrative_dispute\""));
    // Only disputes can be a customer's reason.
    let p = problem(
        &admin(
            "PATCH",
            "/api/v1/admin/statuses/promise_to_pay",
            json!({"customer_selectable": true}),
        ),
        422,
    );
    assert_eq!(pointers(&p), ["/customer_selectable"]);
}

#[test]
fn both_pages_render_in_each_of_the_15_languages() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let customer = customer_link(&w, change["status_change_id"].as_i64().unwrap());
    // A word of each language's catalogue, on both pages, with html lang set.
    for (tag, resolver_word, customer_word) in [
        ("en", "Dispute to resolve", "Statement of account"),
        ("fr", "Litige à résoudre", "Relevé de compte"),
        ("de", "Zu klärende Reklamation", "Kontoauszug"),
        ("es", "Incidencia por resolver", "Extracto de cuenta"),
        ("it", "Contestazione da risolvere", "Estratto conto"),
        ("nl", "Op te lossen geschil", "Rekeningoverzicht"),
        ("pt", "Litígio a resolver", "Extrato de conta"),
        ("pt-BR", "Contestação a resolver", "Extrato da conta"),
        ("pl", "Reklamacja do rozpatrzenia", "Wyciąg z konta"),
        ("ro", "Litigiu de rezolvat", "Extras de cont"),
        ("hr", "Reklamacija za rješavanje", "Izvod otvorenih stavki"),
        ("sv", "Reklamation att lösa", "Kontoutdrag"),
        ("tr", "Çözülecek itiraz", "Hesap ekstresi"),
        ("ja", "解決", "取引明細"),
        ("zh-Hans", "待处理的争议", "对账单"),
    ] {
        let r = page(&w, &format!("{path}?lang={tag}"), "en");
        assert_eq!(r.status, 200, "{tag}");
        let html = r.text();
        assert!(html.contains(&format!("<html lang=\"{tag}\"")), "{tag}");
        assert!(html.contains(resolver_word), "{tag}: {resolver_word}");
        let c = page(&w, &format!("{customer}?lang={tag}"), "en").text();
        assert!(c.contains(customer_word), "{tag}: {customer_word}");
    }
    // The resolver reads the status in their language (migration 6's labels), in the
    // dispute and in the items table, never the customer's (C1 is French).
    let html = page(&w, &format!("{path}?lang=ja"), "en").text();
    assert!(html.matches("価格に関する係争").count() >= 4, "{html}");
    let html = page(&w, &format!("{path}?lang=en"), "en").text();
    assert!(!html.contains("Litige prix"), "{html}");
    // The language stored for the reader beats their browser's (the resolver's is English).
    let r =
        w.s.request("GET", &path, &[("accept-language", "tr-TR,tr;q=0.9")], b"");
    assert!(r.text().contains("<html lang=\"en\""));
}

/// Issue 21: a handed-over link stops accepting writes; once the action is terminated the
/// page is read-only and says so; writes answer a 409 page and change nothing.
#[test]
fn resolver_links_are_read_only_once_handed_over_or_resolved() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let token = form_token(&page(&w, &path, "en").text());
    let r = call(
        &w.s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Tia Tech", "email": "tia@corp.example", "role": "tech", "language": "ja"}),
    );
    let tia = r.json()["id"].as_i64().unwrap();
    let r = submit(
        &w,
        &format!("{path}/handover"),
        &[("form_token", &token), ("resolver_id", &tia.to_string())],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    // Sam's link still reads, but neither answers nor hands over again.
    let html = page(&w, &path, "en").text();
    assert!(html.contains("You handed this dispute over"), "{html}");
    assert!(!html.contains("name=\"form_token\""), "no forms left");
    let before = db_snapshot(&w);
    for (to, fields) in [
        ("comments", vec![("comment", "Still mine?")]),
        ("outcome", vec![("outcome", "credit_note")]),
        ("handover", vec![("resolver_id", "1")]),
    ] {
        let mut f = vec![("form_token", token.as_str())];
        f.extend(fields);
        let r = submit(&w, &format!("{path}/{to}"), &f);
        assert_eq!(r.status, 409, "{to}: {}", r.text());
        assert!(r.text().contains("handed over"), "{}", r.text());
    }
    assert_eq!(db_snapshot(&w), before);

    // Tia's own link writes; once the action is terminated, hers is read-only too.
    let id = change["status_change_id"].as_i64().unwrap();
    let r = post(
        &w,
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": id}),
    );
    let tia_path = format!(
        "/r/{}",
        crate::disputes::resolver_token(r.json()["html"].as_str().unwrap())
    );
    let tia_token = form_token(&page(&w, &tia_path, "ja").text());
    let r = submit(
        &w,
        &format!("{tia_path}/comments"),
        &[("form_token", &tia_token), ("comment", "On it")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let r = post(
        &w,
        &format!("/api/v1/actions/{}/terminate", change["action"]["id"]),
        &json!({"comment": "Credit note issued"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    // Tia reads Japanese; ?lang=en asks for English.
    let html = page(&w, &format!("{tia_path}?lang=en"), "en").text();
    assert!(html.contains("This dispute is resolved"), "{html}");
    assert!(html.contains("Dispute (read-only)"));
    assert!(!html.contains("name=\"form_token\""));
    let before = db_snapshot(&w);
    let r = submit(
        &w,
        &format!("{tia_path}/comments"),
        &[("form_token", &tia_token), ("comment", "Late answer")],
    );
    assert_eq!(r.status, 409, "{}", r.text());
    let r = submit(
        &w,
        &format!("{tia_path}/handover"),
        &[
            ("form_token", &tia_token),
            ("resolver_id", &w.resolver_id.to_string()),
        ],
    );
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(db_snapshot(&w), before);
    // In Japanese, the page says so too.
    let html = page(&w, &tia_path, "ja").text();
    assert!(html.contains("この係争は解決済みです"), "{html}");
}

/// A multipart form: text fields, then files (name, bytes) in the field `file`.
fn multipart(
    w: &World,
    path: &str,
    fields: &[(&str, &str)],
    files: &[(&str, Vec<u8>)],
) -> settle_host::testing::TestResponse {
    let b = "----settleboundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    for (name, bytes) in files {
        body.extend_from_slice(format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{b}--\r\n").as_bytes());
    w.s.request(
        "POST",
        path,
        &[(
            "content-type",
            &format!("multipart/form-data; boundary={b}"),
        )],
        &body,
    )
}

fn pdf(len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.4 ".to_vec();
    v.resize(len, b'x');
    v
}

/// Issue 21: what a link may upload is capped (25 MB per link, 50 MB per dispute) and
/// throttled (10 posts an hour); a customer disputing items already in a dispute adds to it
/// instead of opening a second action.
#[test]
fn uploads_are_capped_and_a_repeated_customer_dispute_opens_nothing_new() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let token = form_token(&page(&w, &path, "en").text());
    let five_mb = 5 * 1024 * 1024;
    let full: Vec<(&str, Vec<u8>)> = (0..5).map(|_| ("big.pdf", pdf(five_mb))).collect();
    let r = multipart(
        &w,
        &format!("{path}/attachments"),
        &[("form_token", &token)],
        &full,
    );
    assert_eq!(r.status, 303, "25 MB exactly: {}", r.text());
    let before = db_snapshot(&w);
    let r = multipart(
        &w,
        &format!("{path}/attachments"),
        &[("form_token", &token)],
        &[("one-more.pdf", pdf(100))],
    );
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.text().contains("25 MB per link"), "{}", r.text());
    assert_eq!(db_snapshot(&w), before);
    let kv_before = std::fs::metadata(w.s.state_dir.join("sqlite_key_value.db"))
        .unwrap()
        .len();

    // A customer's link: ten posts an hour, then 429.
    let cpath = customer_link(&w, change["status_change_id"].as_i64().unwrap());
    let ctoken = form_token(&page(&w, &cpath, "en").text());
    let actions_of = || {
        get(&w.s, "/api/v1/actions?customer_id=C1", &w.collector).json()["actions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["state"] == "live")
            .count()
    };
    let live = actions_of();
    for i in 0..10 {
        let r = multipart(
            &w,
            &format!("{cpath}/disputes"),
            &[
                ("form_token", &ctoken),
                ("item", "I1"),
                ("reason", "price_dispute"),
                ("comment", &format!("Proof {i}")),
            ],
            &[("proof.pdf", pdf(1000))],
        );
        assert_eq!(r.status, 303, "{i}: {}", r.text());
    }
    // I1 was already in the price dispute with its follow-up: no second action.
    assert_eq!(actions_of(), live);
    let a = get(
        &w.s,
        &format!("/api/v1/actions/{}", change["action"]["id"]),
        &w.collector,
    )
    .json();
    assert_eq!(a["state"], "live");
    assert!(a["item_ids"].as_array().unwrap().contains(&json!("I1")));
    let r = multipart(
        &w,
        &format!("{cpath}/disputes"),
        &[
            ("form_token", &ctoken),
            ("item", "I1"),
            ("reason", "price_dispute"),
            ("comment", "Eleventh"),
        ],
        &[("proof.pdf", pdf(1000))],
    );
    assert_eq!(r.status, 429, "{}", r.text());
    // A new dispute (I5, not disputed yet) opens one, without files.
    let r = multipart(
        &w,
        &format!("{cpath}/disputes"),
        &[
            ("form_token", &ctoken),
            ("item", "I5"),
            ("reason", "price_dispute"),
            ("comment", "Wrong price here too"),
        ],
        &[],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(actions_of(), live + 1);
    let kv_after = std::fs::metadata(w.s.state_dir.join("sqlite_key_value.db"))
        .unwrap()
        .len();
    assert!(
        kv_after < kv_before + 1024 * 1024,
        "{kv_before} -> {kv_after}"
    );
}

/// Issue 21: a credit note reads as a credit everywhere: a minus sign and its kind on the
/// resolver's page, the customer's page and its CSV, the console's sheet.
#[test]
fn credit_notes_read_as_credits_on_every_page() {
    let w = world();
    let mut credit = item("CN1", "C1", "2025-02-15", "500.00", "500.00");
    credit["kind"] = json!("credit_note");
    credit["number"] = json!("AV-77");
    let r = push_items(&w.s, ADMIN_TOKEN, "delta", vec![credit]);
    assert_eq!(r.status, 200, "{}", r.text());
    let (rpath, change) = resolver_link(&w);
    let minus = '\u{2212}';
    let html = page(&w, &format!("{rpath}?lang=en"), "en").text();
    let row = &html[html.find("AV-77").expect("the credit note is listed")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("Credit note"), "{row}");
    assert!(row.contains(&format!("{minus}€500.00")), "{row}");
    // The customer (French) sees "Avoir" and a minus sign, on the page and in the CSV.
    let cpath = customer_link(&w, change["status_change_id"].as_i64().unwrap());
    let html = page(&w, &cpath, "fr").text();
    let row = &html[html.find("AV-77").expect("listed on the customer's page")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("Avoir") && row.contains(minus), "{row}");
    let csv = page(&w, &format!("{cpath}/statement.csv"), "fr").text();
    let line = csv.lines().find(|l| l.contains("AV-77")).unwrap();
    assert!(line.contains("Avoir") && line.contains("-500.00"), "{line}");
    let invoice = csv.lines().find(|l| l.contains("F-I1")).unwrap();
    assert!(
        invoice.contains("Facture") && !invoice.contains("-100"),
        "{invoice}"
    );
    // In Japanese, the kind is Japanese.
    let html = page(&w, &format!("{cpath}?lang=ja"), "ja").text();
    assert!(html.contains("クレジットノート"), "{html}");
}

/// Issue 21: an action shows its model's label in the reader's language, unless someone
/// renamed it by hand; an admin gives a model labels like a status's.
#[test]
fn action_names_are_read_in_the_readers_language_unless_renamed() {
    let w = world();
    let (path, change) = resolver_link(&w);
    let html = page(&w, &format!("{path}?lang=ja"), "ja").text();
    assert!(html.contains("係争のフォローアップ"), "{html}");
    assert!(!html.contains("Dispute follow-up"), "{html}");
    // A model's labels are the admin's to edit (merged, 422 for a bad language tag).
    let r = call(
        &w.s,
        "PATCH",
        "/api/v1/admin/action-models/dispute_follow_up",
        ADMIN_TOKEN,
        &json!({"labels": {"ja": "係争の確認"}}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["labels"]["ja"], "係争の確認");
    assert_eq!(r.json()["labels"]["fr"], "Suivi du litige");
    let r = call(
        &w.s,
        "PATCH",
        "/api/v1/admin/action-models/dispute_follow_up",
        ADMIN_TOKEN,
        &json!({"labels": {"Japanese": "x"}}),
    );
    assert_eq!(pointers(&problem(&r, 422)), ["/labels"]);
    let html = page(&w, &format!("{path}?lang=ja"), "ja").text();
    assert!(html.contains("係争の確認"), "{html}");
    // Renamed by hand: the name as typed, in every language.
    let id = change["action"]["id"].as_i64().unwrap();
    let a = get(&w.s, &format!("/api/v1/actions/{id}"), &w.collector);
    let etag = a.header("etag").unwrap().to_string();
    let r = w.s.request(
        "PATCH",
        &format!("/api/v1/actions/{id}"),
        &[
            ("authorization", &bearer(&w.collector)),
            ("content-type", "application/json"),
            ("if-match", &etag),
        ],
        json!({"name": "Call Sam about the price"})
            .to_string()
            .as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let html = page(&w, &format!("{path}?lang=ja"), "ja").text();
    assert!(html.contains("Call Sam about the price"), "{html}");
}

/// Issue 21: the collector's notice of a page answer is delivered once the answer committed,
/// through the same after-commit step as every email (before, it waited for a flush).
#[test]
fn the_collectors_notice_of_a_page_answer_is_delivered_after_the_commit() {
    let api = FakeEmailApi::start(|_| 202);
    let mut vars = api.vars();
    vars.push((
        "SPIN_VARIABLE_COLLECTOR_EMAIL",
        "collections@corp.example".to_string(),
    ));
    let w = world_with(&crate::disputes::vars_of(&vars));
    let (path, _) = resolver_link(&w);
    let sent_before = api.received.lock().unwrap().len();
    let html = page(&w, &path, "en").text();
    let r = submit(
        &w,
        &format!("{path}/comments"),
        &[
            ("form_token", &form_token(&html)),
            ("comment", "The price list was outdated"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let received = api.received.lock().unwrap().clone();
    assert_eq!(received.len(), sent_before + 1, "{received:?}");
    let notice = &received.last().unwrap().body;
    assert_eq!(notice["tags"]["template"], "collector_reply");
    assert!(
        notice["text"]
            .as_str()
            .unwrap()
            .contains("The price list was outdated"),
        "{notice}"
    );
    let out = get(&w.s, "/api/v1/outbox?state=queued", &w.collector).json();
    assert_eq!(out["messages"], json!([]), "nothing left waiting: {out}");
    // A refused answer (no comment) sends nothing.
    let r = submit(
        &w,
        &format!("{path}/comments"),
        &[("form_token", &form_token(&html)), ("comment", "")],
    );
    assert_eq!(r.status, 400, "{}", r.text());
    assert_eq!(api.received.lock().unwrap().len(), sent_before + 1);
}

/// An overdue dispute reaches the resolver's escalation contact once, by email with a link
/// of their own, and the contact can answer on the page as the resolver could; the contact
/// must be another resolver, and cannot be deleted while named.
#[test]
fn an_overdue_dispute_reaches_the_escalation_contact_who_can_answer() {
    let w = world();
    let admin =
        |method: &str, path: &str, body: Value| call(&w.s, method, path, ADMIN_TOKEN, &body);
    let r = admin(
        "POST",
        "/api/v1/admin/resolvers",
        json!({"name": "Max Manager", "email": "max@corp.example", "role": "manager", "language": "fr"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let max = r.json()["id"].as_i64().unwrap();
    let sam = format!("/api/v1/admin/resolvers/{}", w.resolver_id);
    for (bad, why) in [
        (json!(w.resolver_id), "own escalation contact"),
        (json!(999), "no resolver 999"),
        (json!("Max"), "integer"),
        (json!(0), "not a resolver id"),
    ] {
        let r = admin("PATCH", &sam, json!({"escalation_id": bad}));
        let p = problem(&r, 422);
        assert_eq!(pointers(&p), ["/escalation_id"], "{p}");
        assert!(p.to_string().contains(why), "{p}");
    }
    let r = admin("PATCH", &sam, json!({"escalation_id": max}));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["escalation_id"], max);
    // Price disputes: 10 days to resolve, escalated 3 days after.
    let r = admin(
        "PATCH",
        "/api/v1/admin/statuses/price_dispute",
        json!({"target_days": 10, "escalation_days": 3}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    // Disputed on 2025-03-10: due by 03-20, escalated from 03-23, long past.
    price_dispute(&w);
    let r = post(&w, "/api/v1/emails/escalations", &json!({}));
    assert_eq!(r.status, 200, "{}", r.text());
    let escalated = r.json()["escalated"].clone();
    assert_eq!(escalated.as_array().unwrap().len(), 1, "{escalated}");
    assert_eq!(escalated[0]["item_ids"], json!(["I1", "I2", "I3"]));
    assert_eq!(
        (&escalated[0]["resolver_id"], &escalated[0]["escalation_id"]),
        (&json!(w.resolver_id), &json!(max))
    );
    // The email: to Max, in French, with a resolver link of his own.
    let id = escalated[0]["message_id"].as_i64().unwrap();
    let m = get(&w.s, &format!("/api/v1/outbox/{id}"), &w.collector).json();
    assert_eq!(
        (&m["to"], &m["template"], &m["language"]),
        (
            &json!("max@corp.example"),
            &json!("dispute_escalation"),
            &json!("fr")
        )
    );
    assert!(
        m["subject"]
            .as_str()
            .unwrap()
            .starts_with("Litige en retard"),
        "{m}"
    );
    let path = format!("/r/{}", resolver_token(m["html"].as_str().unwrap()));
    // Max answers on the page, as Sam could.
    let r = page(&w, &path, "fr");
    assert_eq!(r.status, 200, "{}", r.text());
    let token = form_token(&r.text());
    let r = submit(
        &w,
        &format!("{path}/comments"),
        &[("form_token", &token), ("comment", "Je prends la main")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let history = get(&w.s, "/api/v1/items/I1/history", &w.collector).text();
    assert!(history.contains("Je prends la main"), "{history}");
    assert!(history.contains(&format!("resolver:{max}")), "{history}");
    // Once: recorded on each case, and a second run escalates nothing.
    let cases = get(&w.s, "/api/v1/disputes?item_id=I1", &w.collector).json();
    let case = &cases["disputes"][0];
    assert_eq!(case["deadline"], "2025-03-20");
    assert!(case["escalated_on"].is_string(), "{case}");
    let detail = get(
        &w.s,
        &format!("/api/v1/disputes/{}", case["id"]),
        &w.collector,
    )
    .json();
    let events: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["opened", "escalated"]);
    let r = post(&w, "/api/v1/emails/escalations", &json!({}));
    assert_eq!(r.json()["escalated"], json!([]));
    assert_eq!(
        get(&w.s, "/api/v1/emails/escalations", &w.collector).status,
        405
    );
    // Max is named: not deleted.
    let r = admin(
        "DELETE",
        &format!("/api/v1/admin/resolvers/{max}"),
        json!(null),
    );
    assert_eq!(r.status, 409, "{}", r.text());
}

/// A customer disputes part of one invoice from their page, the amount typed in their own
/// language's numbers (French: `2,50`); an amount over several invoices, or more than the
/// open amount, is refused on the page and writes nothing.
#[test]
fn a_customer_disputes_part_of_an_invoice_in_their_own_numbers() {
    let w = world();
    let (_, change) = resolver_link(&w);
    let path = customer_link(&w, change["status_change_id"].as_i64().unwrap());
    let html = page(&w, &path, "en").text();
    assert!(html.contains("id=\"d-amount\""), "{html}");
    let token = form_token(&html);
    let before = db_snapshot(&w);
    let dispute = |fields: &[(&str, &str)]| {
        let mut all = vec![
            ("form_token", token.as_str()),
            ("reason", "price_dispute"),
            ("comment", "Le transport est facturé deux fois"),
        ];
        all.extend_from_slice(fields);
        submit(&w, &format!("{path}/disputes"), &all)
    };
    // Refused in the customer's words (French), not the API's.
    let said = "Indiquez un montant contesté pour une seule facture à la fois";
    let r = dispute(&[("item", "I5"), ("item", "I1"), ("amount", "2,50")]);
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains(said), "{}", r.text());
    let r = dispute(&[("item", "I5"), ("amount", "5,01")]);
    assert!(matches!(r.status, 400 | 422), "{}: {}", r.status, r.text());
    assert!(r.text().contains(said), "{}", r.text());
    assert_eq!(db_snapshot(&w), before);
    let r = dispute(&[("item", "I5"), ("amount", "2,50")]);
    assert_eq!(r.status, 303, "{}", r.text());
    let cases = get(&w.s, "/api/v1/disputes?item_id=I5", &w.collector).json();
    let case = &cases["disputes"][0];
    assert_eq!(
        (&case["original_amount"], &case["disputed_amount"]),
        (&json!("2.50"), &json!("2.50"))
    );
}
