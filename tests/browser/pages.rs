//! The pages in a real browser: the loop from the resolver's email, the customer's tasks,
//! escaping, small screens, accessibility and screenshots in English, French and Japanese.

use serde_json::{Value, json};
use settle_host::testing::TestServer;

use crate::driver::Driver;
use crate::support::*;

/// C1 (French) with five invoices and a resolver; a price dispute on I1 and I2 emailed to
/// the resolver. Answers the server and the resolver link from the outbox.
fn dispute_emailed() -> (TestServer, String, i64) {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let items = ["I1", "I2", "I3", "I4", "I5"]
        .iter()
        .enumerate()
        .map(|(n, id)| item(id, "C1", &format!("2025-0{}-28", n + 1), "120.00", "120.00"))
        .collect();
    assert_eq!(push_items(&s, ADMIN_TOKEN, "delta", items).status, 200);
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Sam Sales", "email": "sam@corp.example", "role": "sales", "language": "en"}),
    );
    let resolver = r.json()["id"].as_i64().unwrap();
    let r = call(
        &s,
        "POST",
        "/api/v1/status-changes",
        ADMIN_TOKEN,
        &json!({"item_ids": ["I1", "I2"], "status": "price_dispute",
                "comment": "Unit price is not the one agreed", "resolver_id": resolver,
                "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let change = r.json()["status_change_id"].as_i64().unwrap();
    let r = call(
        &s,
        "POST",
        "/api/v1/emails",
        ADMIN_TOKEN,
        &json!({"template": "resolver_dispute", "status_change_id": change}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    // The collector's view of what was sent: the link is in the queued message.
    let outbox = get(&s, "/api/v1/outbox", ADMIN_TOKEN).json();
    let id = outbox["messages"][0]["id"]
        .as_i64()
        .expect("a queued message");
    let message = get(&s, &format!("/api/v1/outbox/{id}"), ADMIN_TOKEN).json();
    let html = message["html"].as_str().expect("its html").to_string();
    let start = html
        .find("http://127.0.0.1:3000/r/")
        .expect("a resolver link");
    let link: String = html[start..].chars().take_while(|c| *c != '"').collect();
    let path = link.trim_start_matches("http://127.0.0.1:3000").to_string();
    (s, path, change)
}

#[test]
fn the_resolver_answers_from_the_email_and_attaches_a_pdf() {
    let (s, path, _) = dispute_emailed();
    let driver = Driver::start();
    let rt = crate::runtime();
    rt.block_on(async {
        let b = driver.browser(1280).await;
        b.goto(&s.url(&path)).await;
        let text = b.text().await;
        assert!(text.contains("Acme SA") && text.contains("Unit price is not the one agreed"));
        crate::review(&b, "resolver-en").await;

        // Answer with markup: shown as text, nothing runs.
        b.type_in(
            "#reply",
            "Credit note coming <script>window.pwned = 1</script><img src=x onerror=\"window.pwned=2\">",
        )
        .await;
        let text = b.submit("form[action$='/comments'] button[type=submit]", "Saved. The credit department has been told.").await;
        assert!(text.contains("Credit note coming <script>window.pwned = 1</script>"));
        assert_eq!(b.eval("return window.pwned === undefined").await, json!(true));

        // Attach a PDF through the file input.
        let pdf = std::env::temp_dir().join(format!("settle-proof-{}.pdf", std::process::id()));
        std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").unwrap();
        b.type_in("#file", pdf.to_str().unwrap()).await;
        let name = pdf.file_name().unwrap().to_str().unwrap().to_string();
        b.submit("form[action$='/attachments'] button[type=submit]", &name).await;
        let _ = std::fs::remove_file(&pdf);

        // Propose an outcome.
        b.select("#outcome", "credit_note").await;
        let before = b.text().await.matches("Credit note to issue").count();
        b.click("form[action$='/outcome'] button[type=submit]").await;
        let started = std::time::Instant::now();
        while b.text().await.matches("Credit note to issue").count() <= before {
            assert!(started.elapsed().as_secs() < 30, "the outcome never showed");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        crate::review(&b, "resolver-answered-en").await;
        for lang in ["fr", "ja"] {
            b.goto(&s.url(&format!("{path}?lang={lang}"))).await;
            crate::review(&b, &format!("resolver-{lang}")).await;
        }
        b.close().await;

        let narrow = driver.browser(375).await;
        for lang in ["en", "fr", "ja"] {
            narrow.goto(&s.url(&format!("{path}?lang={lang}"))).await;
            crate::review(&narrow, &format!("resolver-{lang}")).await;
        }
        narrow.close().await;
    });
    // The collector sees all of it through the API.
    let history = get(&s, "/api/v1/items/I1/history", ADMIN_TOKEN).json();
    let events: Vec<&str> = history["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["event"].as_str().unwrap_or(""))
        .collect();
    let all = history.to_string();
    assert!(all.contains("Credit note coming"), "{all}");
    assert!(
        all.contains("settle-proof-"),
        "the attachment is in the history: {all}"
    );
    assert!(all.contains("resolver:"), "{events:?}");
    let agenda = get(&s, "/api/v1/agenda?date=2099-01-01", ADMIN_TOKEN).json();
    let answered = agenda["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["last_reply"].to_string().contains("resolver:"));
    assert!(answered, "the agenda shows the answer: {agenda}");
    drop(rt);
}

#[test]
fn the_customer_disputes_two_items_promises_a_third_and_follows() {
    let (s, _, change) = dispute_emailed();
    let r = call(
        &s,
        "POST",
        "/api/v1/emails",
        ADMIN_TOKEN,
        &json!({"template": "customer_confirmation", "status_change_id": change}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let html = r.json()["html"].as_str().unwrap().to_string();
    let at = html.find("/c/").unwrap();
    let path: String = html[at..].chars().take_while(|c| *c != '"').collect();
    let driver = Driver::start();
    let rt = crate::runtime();
    let promise_date = (chrono::Utc::now().date_naive() + chrono::Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();
    rt.block_on(async {
        let b = driver.browser(1280).await;
        // C1 reads French; the switcher turns the page to English.
        b.goto(&s.url(&path)).await;
        b.wait_for_text("Relevé de compte").await;
        crate::review(&b, "customer-fr").await;
        b.follow("a[hreflang=en]", "Statement of account").await;
        crate::review(&b, "customer-en").await;

        // Dispute I3 and I4: quality.
        for id in ["I3", "I4"] {
            b.click(&format!("form[action$='/disputes'] input[value={id}]"))
                .await;
        }
        b.select("#d-reason", "quality_dispute").await;
        b.type_in("#d-comment", "Boxes arrived crushed <b>twice</b>")
            .await;
        b.submit(
            "form[action$='/disputes'] button[type=submit]",
            "Thank you. Your request has been recorded",
        )
        .await;

        // Promise to pay I5 in ten days.
        b.click("form[action$='/promises'] input[value=I5]").await;
        b.set_value("#p-date", &promise_date).await;
        let text = b
            .submit(
                "form[action$='/promises'] button[type=submit]",
                "Payment promised",
            )
            .await;

        // The tracker lists the new dispute, open, with its reason, never internal words.
        let tracker = b
            .eval("return document.querySelector('#h-tracker').closest('section').innerText")
            .await;
        let tracker = tracker.as_str().unwrap();
        assert!(tracker.contains("Quality disputed"), "{tracker}");
        assert!(
            tracker.contains("F-I3") && tracker.contains("F-I4"),
            "{tracker}"
        );
        assert!(!text.contains("Sam Sales") && !text.contains("Unit price is not the one agreed"));
        assert!(
            text.contains("Boxes arrived crushed <b>twice</b>"),
            "own words, as text"
        );
        crate::review(&b, "customer-tasks-done-en").await;
        b.goto(&s.url(&format!("{path}?lang=ja"))).await;
        crate::review(&b, "customer-ja").await;
        b.close().await;

        let narrow = driver.browser(375).await;
        for lang in ["en", "fr", "ja"] {
            narrow.goto(&s.url(&format!("{path}?lang={lang}"))).await;
            crate::review(&narrow, &format!("customer-{lang}")).await;
        }
        narrow.close().await;
    });
    // Through the API: two items in quality dispute by the customer, one promised.
    let st = get(&s, "/api/v1/customers/C1/statement", ADMIN_TOKEN).json();
    let status_of = |id: &str| -> Value {
        st["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .map(|i| i["status"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(status_of("I3")["code"], "quality_dispute", "{st}");
    assert_eq!(status_of("I4")["code"], "quality_dispute");
    assert_eq!(status_of("I5")["code"], "promise_to_pay");
    let h = get(&s, "/api/v1/items/I3/history", ADMIN_TOKEN).json();
    assert!(h.to_string().contains("customer:C1"), "{h}");
    drop(rt);
}

#[test]
fn error_pages_are_readable_on_small_screens() {
    let (s, path, _) = dispute_emailed();
    let driver = Driver::start();
    let rt = crate::runtime();
    rt.block_on(async {
        for width in [375, 1280] {
            let b = driver.browser(width).await;
            let mut forged = path.clone();
            let last = forged.pop().unwrap();
            forged.push(if last == 'A' { 'B' } else { 'A' });
            for (lang, text) in [("en", "This link is not valid"), ("ja", "このリンク")] {
                b.goto(&s.url(&format!("{forged}?lang={lang}"))).await;
                b.wait_for_text(text).await;
                crate::review(&b, &format!("error-forbidden-{lang}")).await;
            }
            b.close().await;
        }
    });
    drop(rt);
}
