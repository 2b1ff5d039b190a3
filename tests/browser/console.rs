//! The seeds' whole story in the console, by clicking in headless Chromium: sign in, open a
//! customer, tick two invoices, Change status → "Price dispute" with comment and resolver,
//! preview and send the email, accept the suggested follow-up, see the items held in the
//! agenda; the resolver answers from the link in a second browser; back in the console the
//! reply shows; move the follow-up date, detach one item, terminate → the other is "Dispute
//! resolved" and back in the scenario; the dispute report shows the resolution delay.
//! Every step is reviewed (fits, axe-core, screenshot under `target/screenshots/`), then the
//! main pages again in Japanese and Turkish at 375 and 1280 px.

use serde_json::json;
use settle_host::testing::TestServer;

use crate::driver::{Browser, Driver};
use crate::support::*;

const PASSWORD: &str = "correct horse battery staple";

/// C1 and C2 with invoices, a resolver, and two console users: Alice (English) and Kenji
/// (Japanese).
fn world() -> TestServer {
    // Deliveries to a receiver that is down: the Webhooks screen shows them failing.
    let s = start_with(&[("SPIN_VARIABLE_WEBHOOK_ORIGINS", "http://127.0.0.1:*")]);
    customers(&s, ADMIN_TOKEN);
    let down = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/webhooks",
        ADMIN_TOKEN,
        &json!({"url": format!("http://127.0.0.1:{down}/integration/settle/dispute-events?tenant=acme-industrial-holdings-europe"),
                "events": ["*"], "description": "SAP S/4HANA dispute bridge (FSCM), production tenant"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let items = vec![
        item("I1", "C1", "2025-01-31", "1200.00", "1200.00"),
        item("I2", "C1", "2025-02-28", "450.00", "450.00"),
        item("I3", "C1", "2025-03-31", "830.00", "830.00"),
        item("I4", "C2", "2025-01-31", "310.00", "310.00"),
        item("I5", "C2", "2025-02-15", "95.40", "95.40"),
    ];
    assert_eq!(push_items(&s, ADMIN_TOKEN, "delta", items).status, 200);
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Sam Sales", "email": "sam@corp.example", "role": "sales"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    // A late dispute over part of I4, escalated to a long-named manager, and a broken
    // promise on I5: the agenda's Late disputes and Broken promises tabs have something.
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Maximilian Oberhuber-Katzenberger", "email": "max@corp.example", "role": "head of sales"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let max = r.json()["id"].as_i64().unwrap();
    for (path, body) in [
        (
            "/api/v1/admin/statuses/price_dispute",
            json!({"target_days": 10, "escalation_days": 2}),
        ),
        ("/api/v1/admin/resolvers/1", json!({"escalation_id": max})),
    ] {
        let r = call(&s, "PATCH", path, ADMIN_TOKEN, &body);
        assert_eq!(r.status, 200, "{}", r.text());
    }
    // Write-off tolerances in two currencies (the admin screen lists them).
    for (path, body) in [
        (
            "/api/v1/admin/write-off-tolerances/FR01/EUR",
            json!({"amount": "25.00", "percent": "2"}),
        ),
        (
            "/api/v1/admin/write-off-tolerances/FR01/JPY",
            json!({"amount": "3000", "percent": "1.5"}),
        ),
    ] {
        let r = call(&s, "PUT", path, ADMIN_TOKEN, &body);
        assert_eq!(r.status, 200, "{}", r.text());
    }
    // Routing rules: big price disputes in EUR to the head of sales, anything of C2 to Sam.
    for body in [
        json!({"position": 1, "status": "price_dispute", "entity": "FR01", "currency": "EUR",
               "min_amount": "10000.00", "resolver_id": max}),
        json!({"position": 2, "customer_id": "C2", "resolver_id": 1}),
    ] {
        let r = call(
            &s,
            "POST",
            "/api/v1/admin/routing-rules",
            ADMIN_TOKEN,
            &body,
        );
        assert_eq!(r.status, 201, "{}", r.text());
    }
    for body in [
        json!({"item_ids": ["I4"], "status": "price_dispute", "status_date": "2025-03-10",
               "comment": "Freight charged twice", "resolver_id": 1, "amounts": {"I4": "110.00"}}),
        json!({"item_ids": ["I5"], "status": "promise_to_pay",
               "next_action": {"type": "promise", "name": "Promised by the accounts payable team", "date": "2025-03-01"}}),
    ] {
        let r = call(&s, "POST", "/api/v1/status-changes", ADMIN_TOKEN, &body);
        assert_eq!(r.status, 201, "{}", r.text());
    }
    for path in ["/api/v1/promises/check", "/api/v1/emails/escalations"] {
        let r = call(&s, "POST", path, ADMIN_TOKEN, &json!({}));
        assert_eq!(r.status, 200, "{}", r.text());
    }
    for (email, language, role) in [
        ("alice@corp.example", "en", "admin"),
        ("kenji@corp.example", "ja", "collector"),
        ("deniz@corp.example", "tr", "admin"),
    ] {
        let r = call(
            &s,
            "POST",
            "/api/v1/admin/users",
            ADMIN_TOKEN,
            &json!({"name": email.split('@').next().unwrap(), "email": email, "role": role,
                    "language": language, "password": PASSWORD}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
    }
    s
}

/// An SAP FBL5N export of C1 and C2 (semicolons, decimal commas, German headings), its last
/// due date `last_due`, written to a file the browser uploads.
fn sap_export(last_due: &str) -> std::path::PathBuf {
    let text = format!(
        "Konto;Belegart;Belegnummer;Referenz;Belegdatum;Nettofälligkeit;Betrag in Hauswährung;Hauswährung\r\n\
         C1;RV;1800001234;F-2026-1;01.11.2026;01.12.2026;1.234,56;EUR\r\n\
         C1;DG;1700000088;GS-88 Gutschrift Preisdifferenz Lieferung KW 44;05.11.2026;05.11.2026;155,22-;EUR\r\n\
         C2;DR;1800001299;F-2026-9;15.11.2026;{last_due};12.000,00;EUR\r\n"
    );
    let dir = settle_host::testing::workspace_root().join("target/browser-uploads");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("FBL5N-{last_due}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

async fn sign_in(b: &Browser, s: &TestServer, email: &str, needle: &str) {
    b.goto(&s.url("/app")).await;
    b.wait_for_url("/app/sign-in").await;
    b.type_in("#email", email).await;
    b.type_in("#password", PASSWORD).await;
    b.submit("form[action='/app/sign-in'] button[type=submit]", needle)
        .await;
}

#[test]
fn the_seed_story_by_clicking() {
    let s = world();
    let driver = Driver::start();
    let rt = crate::runtime();
    rt.block_on(async {
        let b = driver.browser(1280).await;
        b.goto(&s.url("/app")).await;
        b.wait_for_text("Sign in").await;
        crate::review(&b, "console-sign-in-en").await;
        sign_in(&b, &s, "alice@corp.example", "Acme SA").await;
        crate::review(&b, "console-customers-en").await;

        // The customer sheet: tick I1 and I2, Change status.
        b.follow("a[href='/app/customers/C1']", "Change status").await;
        crate::review(&b, "console-sheet-en").await;
        b.click("input[name=item][value=I1]").await;
        b.click("input[name=item][value=I2]").await;
        b.submit("form[action$='/change-status'] button[type=submit]", "Status date")
            .await;
        crate::review(&b, "console-change-status-1-en").await;
        b.select("#status", "price_dispute").await;
        b.type_in("#comment", "Unit price is wrong on both invoices")
            .await;
        b.select("#resolver_id", "1").await;
        // Only part of I1 is in dispute.
        b.type_in("input[name=amount_item][value=I1] ~ input[name=amount]", "15.50")
            .await;
        let text = b
            .submit("form.card button[type=submit]", "sam@corp.example")
            .await;
        assert!(text.contains("Preview"), "{text}");
        crate::review(&b, "console-change-status-2-en").await;
        b.submit("button[name=email][value=send]", "The suggested follow-up")
            .await;
        crate::review(&b, "console-change-status-3-en").await;
        let text = b
            .submit("form.card button[type=submit]", "Held by an action")
            .await;
        assert!(text.contains("Price dispute"), "{text}");
        assert!(text.contains("in dispute"), "{text}");
        crate::review(&b, "console-sheet-qualified-en").await;

        // The agenda holds the follow-up.
        b.goto(&s.url("/app/agenda?date=2030-12-31")).await;
        b.wait_for_text("Acme SA").await;
        crate::review(&b, "console-agenda-en").await;
        b.goto(&s.url("/app/agenda/late")).await;
        b.wait_for_text("Sam Sales").await;
        crate::review(&b, "console-agenda-late-en").await;
        b.goto(&s.url("/app/agenda/broken")).await;
        b.wait_for_text("Promised by the accounts payable team").await;
        crate::review(&b, "console-agenda-broken-en").await;

        // The resolver answers from the link in the email, in another browser.
        let outbox = get(&s, "/api/v1/outbox", ADMIN_TOKEN).json();
        let id = outbox["messages"][0]["id"].as_i64().unwrap();
        let m = get(&s, &format!("/api/v1/outbox/{id}"), ADMIN_TOKEN).json();
        assert_eq!(m["to"], "sam@corp.example");
        let html = m["html"].as_str().unwrap();
        let start = html.find("/r/").unwrap();
        let link: String = html[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "/-_.".contains(*c))
            .collect();
        let resolver = driver.browser(1280).await;
        resolver.goto(&s.url(&link)).await;
        resolver.wait_for_text("Unit price is wrong").await;
        resolver
            .type_in("textarea[name=comment]", "The price list was outdated: credit note on its way")
            .await;
        resolver
            .submit("form[action$='/comments'] button[type=submit]", "credit note on its way")
            .await;
        resolver.close().await;

        // Back in the console: the reply, new.
        b.goto(&s.url("/app/agenda/replies")).await;
        let text = b.wait_for_text("credit note on its way").await;
        assert!(text.contains("Sam Sales") && text.contains("New"), "{text}");
        crate::review(&b, "console-replies-en").await;

        // The action: move the date, detach I2, terminate.
        b.goto(&s.url("/app/agenda?date=2030-12-31")).await;
        b.wait_for_text("Acme SA").await;
        b.follow("a.button[href^='/app/actions/']", "Modify").await;
        crate::review(&b, "console-action-en").await;
        b.set_value("#date", "2031-01-15").await;
        b.submit("form[action^='/app/actions/']:not([action$='detach']):not([action$='terminate']) button[type=submit]", "Jan 15, 2031")
            .await;
        b.click("input[name=item][value=I2]").await;
        b.submit("form[action$='/detach'] button[type=submit]", "Modify")
            .await;
        let left = b
            .eval("return [...document.querySelectorAll('input[name=item]')].map(e => e.value)")
            .await;
        assert_eq!(left, json!(["I1"]), "I2 is out of the action");
        b.type_in("#t-comment", "Credit note issued").await;
        let text = b
            .submit("form[action$='/terminate'] button[type=submit]", "Terminated")
            .await;
        assert!(text.contains("Dispute resolved"), "{text}");
        crate::review(&b, "console-action-terminated-en").await;

        // Disputes: the list, I1's case resolved by the termination, reopened with a comment.
        b.goto(&s.url("/app/disputes?state=all")).await;
        b.wait_for_text("Sam Sales").await;
        crate::review(&b, "console-disputes-en").await;
        let i1 = get(&s, "/api/v1/disputes?item_id=I1", ADMIN_TOKEN).json();
        let i1 = i1["disputes"][0]["id"].as_i64().unwrap();
        b.goto(&s.url(&format!("/app/disputes/{i1}"))).await;
        b.wait_for_text("Reopen the dispute").await;
        crate::review(&b, "console-case-resolved-en").await;

        // The sheet: I1 resolved and back in the scenario, I2 still disputed, in the scenario.
        b.goto(&s.url("/app/customers/C1")).await;
        let text = b.wait_for_text("Dispute resolved").await;
        assert!(!text.contains("Held by an action"), "{text}");

        // The dispute report, from the console's navigation, shows the resolution delay.
        let text = b
            .follow("a[href^='/api/v1/reports/disputes']", "Dispute report")
            .await;
        assert!(text.contains("Sam Sales"), "{text}");
        crate::review(&b, "console-report-en").await;
        for (path, name, needle) in [
            ("/app/admin", "admin", "Statuses"),
            ("/app/admin/statuses", "admin-statuses", "Price dispute"),
            ("/app/admin/root-causes", "admin-root-causes", "Pricing error"),
            ("/app/admin/write-off-tolerances", "admin-tolerances", "FR01 · JPY"),
            ("/app/admin/routing-rules", "admin-routing", "Maximilian Oberhuber-Katzenberger"),
            ("/app/admin/links", "admin-links", "resolver"),
        ] {
            b.goto(&s.url(path)).await;
            b.wait_for_text(needle).await;
            crate::review(&b, &format!("console-{name}-en")).await;
        }
        // A card's heading sits at its top: only the card's border and padding (17 px) above
        // it, without the 28 px margin the console gives headings between blocks.
        b.goto(&s.url("/app/admin/routing-rules")).await;
        b.wait_for_text("Add a rule").await;
        let gap = b
            .eval(
                "const f = document.querySelector('form.card > h2'); \
                 return f.getBoundingClientRect().top - f.parentElement.getBoundingClientRect().top",
            )
            .await;
        let gap = gap.as_f64().expect("a number of pixels");
        assert!((16.0..=18.0).contains(&gap), "{gap} px above the card's heading");
        // Outbound webhooks: the endpoint and the deliveries the story's changes made.
        b.goto(&s.url("/app/admin/webhooks")).await;
        let text = b.wait_for_text("Add an endpoint").await;
        assert!(text.contains("dispute.opened") && text.contains("Pending"), "{text}");
        crate::review(&b, "console-admin-webhooks-en").await;
        // Import: an SAP export with one bad line, previewed; then the corrected one imported.
        let bad = sap_export("31.02.2027");
        b.goto(&s.url("/app/admin/import")).await;
        b.wait_for_text("Import history").await;
        crate::review(&b, "console-import-en").await;
        b.type_in("#im-file", bad.to_str().unwrap()).await;
        b.select("#im-profile", "sap-fbl5n").await;
        let text = b
            .submit("form[action='/app/admin/import'] button[type=submit]", "Rows read")
            .await;
        assert!(text.contains("Rows refused: 1"), "{text}");
        crate::review(&b, "console-import-preview-refused-en").await;
        let good = sap_export("15.01.2027");
        b.goto(&s.url("/app/admin/import")).await;
        b.wait_for_text("Import history").await;
        b.type_in("#im-file", good.to_str().unwrap()).await;
        b.select("#im-profile", "sap-fbl5n").await;
        b.submit("form[action='/app/admin/import'] button[type=submit]", "Rows read")
            .await;
        crate::review(&b, "console-import-preview-en").await;
        b.submit("form[action$='/confirm'] button[type=submit]", "The file was imported.")
            .await;
        crate::review(&b, "console-import-done-en").await;
        // The template editor: a preview on sample data, nothing saved.
        b.goto(&s.url("/app/admin/templates/resolver_dispute/en")).await;
        b.wait_for_text("#resolver_link").await;
        let text = b
            .submit("button[name=preview]", "Sample Customer")
            .await;
        assert!(text.contains("Preview"), "{text}");
        crate::review(&b, "console-admin-template-en").await;
        // Last, since the report above counts I1's resolution: the customer disputes again,
        // and I1's case reopens from its page.
        b.goto(&s.url(&format!("/app/disputes/{i1}"))).await;
        b.wait_for_text("Reopen the dispute").await;
        b.type_in("#r-comment", "The customer disputes the new price list too")
            .await;
        let text = b
            .submit(
                "form[action$='/reopen'] button[type=submit]",
                "The dispute is open again.",
            )
            .await;
        assert!(text.contains("Dispute reopened"), "{text}");
        crate::review(&b, "console-case-en").await;
        b.close().await;

        // The main pages in Japanese and Turkish, on a phone and a desktop.
        for (email, lang, needle) in [
            ("kenji@corp.example", "ja", "Acme SA"),
            ("deniz@corp.example", "tr", "Acme SA"),
        ] {
            for width in [375, 1280] {
                let b = driver.browser(width).await;
                sign_in(&b, &s, email, needle).await;
                let html = b.eval("return document.documentElement.lang").await;
                assert_eq!(html, json!(lang));
                crate::review(&b, &format!("console-customers-{lang}")).await;
                b.goto(&s.url("/app/customers/C1")).await;
                b.wait_for_text("Acme SA").await;
                crate::review(&b, &format!("console-sheet-{lang}")).await;
                b.click("input[name=item][value=I3]").await;
                b.click("form[action$='/change-status'] button[type=submit]").await;
                b.wait_for_url("/change-status").await;
                b.wait_for_text("Acme SA").await;
                crate::review(&b, &format!("console-change-status-1-{lang}")).await;
                b.goto(&s.url("/app/agenda?date=2030-12-31")).await;
                b.wait_for_text("Acme SA").await;
                crate::review(&b, &format!("console-agenda-{lang}")).await;
                b.goto(&s.url("/app/agenda/replies")).await;
                b.wait_for_text("Sam Sales").await;
                crate::review(&b, &format!("console-replies-{lang}")).await;
                b.goto(&s.url("/app/agenda/late")).await;
                b.wait_for_text("Sam Sales").await;
                crate::review(&b, &format!("console-agenda-late-{lang}")).await;
                b.goto(&s.url("/app/disputes?state=all")).await;
                b.wait_for_text("Sam Sales").await;
                crate::review(&b, &format!("console-disputes-{lang}")).await;
                let i4 = get(&s, "/api/v1/disputes?item_id=I4", ADMIN_TOKEN).json();
                let i4 = i4["disputes"][0]["id"].as_i64().unwrap();
                b.goto(&s.url(&format!("/app/disputes/{i4}"))).await;
                b.wait_for_text("Sam Sales").await;
                crate::review(&b, &format!("console-case-{lang}")).await;
                if lang == "tr" {
                    // An import preview in Turkish, with a refused line.
                    b.goto(&s.url("/app/admin/import")).await;
                    b.wait_for_text("İçe aktarma geçmişi").await;
                    b.type_in("#im-file", sap_export("31.02.2027").to_str().unwrap())
                        .await;
                    b.select("#im-profile", "sap-fbl5n").await;
                    b.submit(
                        "form[action='/app/admin/import'] button[type=submit]",
                        "Okunan satır",
                    )
                    .await;
                    crate::review(&b, &format!("console-import-preview-{lang}")).await;
                    for (path, name, needle) in [
                        ("/app/admin", "admin", "Durumlar"),
                        ("/app/admin/statuses", "admin-statuses", "Fiyat"),
                        ("/app/admin/root-causes", "admin-root-causes", "Kök neden ekle"),
                        ("/app/admin/write-off-tolerances", "admin-tolerances", "Tolerans ekle"),
                        ("/app/admin/routing-rules", "admin-routing", "Kural ekle"),
                        ("/app/admin/templates/resolver_dispute/en", "admin-template", "#resolver_link"),
                        ("/app/admin/tokens", "admin-tokens", "Anahtar ekle"),
                        ("/app/admin/webhooks", "admin-webhooks", "Alıcı ekle"),
                        ("/app/admin/import", "import", "İçe aktarma geçmişi"),
                        ("/app/admin/users", "admin-users", "kenji@corp.example"),
                    ] {
                        b.goto(&s.url(path)).await;
                        b.wait_for_text(needle).await;
                        crate::review(&b, &format!("console-{name}-{lang}")).await;
                    }
                    // A status code that exists: refused as a conflict with the record, in
                    // Turkish.
                    b.goto(&s.url("/app/admin/statuses")).await;
                    b.wait_for_text("Fiyat").await;
                    b.type_in("#new-code", "price_dispute").await;
                    b.select("#new-kind", "dispute").await;
                    b.type_in("#new-typology", "price").await;
                    b.click("form[action='/app/admin/statuses'] details summary")
                        .await;
                    b.type_in("#new-label-en", "Again").await;
                    let text = b
                        .submit(
                            "form[action='/app/admin/statuses'] button[type=submit]",
                            "Bu, zaten kayıtlı olanla çelişiyor.",
                        )
                        .await;
                    assert!(text.contains("already exists"), "{text}");
                    // In the warning colours, not the green of a notice that all went well.
                    let bg = b
                        .eval("return getComputedStyle(document.querySelector('.notice.error')).backgroundColor")
                        .await;
                    assert_eq!(bg, json!("rgb(255, 241, 232)"), "--warn-bg");
                    crate::review(&b, &format!("console-admin-status-conflict-{lang}")).await;
                }
                b.close().await;
            }
        }
    });
}
