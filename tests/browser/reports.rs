//! The report pages in a real browser, at 375 and 1280 px, in English, Japanese and Turkish:
//! they fit the screen, pass axe-core, draw their charts, and the filter form (blank fields
//! included) works without JavaScript. Until the console's sessions exist the pages take the
//! API's bearer token, which a browser cannot send: a small local proxy adds it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

use serde_json::json;
use settle_host::testing::TestServer;

use crate::driver::Driver;
use crate::support::*;

/// Forwards GET requests to `s` with the collector's token; answers on its own port.
fn proxy(s: Arc<TestServer>, token: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let s = s.clone();
            let token = token.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                let mut accept_language = String::new();
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                    if let Some(v) = h.to_ascii_lowercase().strip_prefix("accept-language:") {
                        accept_language = v.trim().to_string();
                    }
                }
                let path = line.split(' ').nth(1).unwrap_or("/").to_string();
                let auth = bearer(&token);
                let r = s.request(
                    "GET",
                    &path,
                    &[
                        ("authorization", &auth),
                        ("accept", "text/html"),
                        ("accept-language", &accept_language),
                    ],
                    &[],
                );
                let mut head = format!("HTTP/1.1 {} X\r\n", r.status);
                for (k, v) in &r.headers {
                    if !["content-length", "connection", "transfer-encoding"]
                        .contains(&k.to_ascii_lowercase().as_str())
                    {
                        head += &format!("{k}: {v}\r\n");
                    }
                }
                head += &format!(
                    "content-length: {}\r\nconnection: close\r\n\r\n",
                    r.body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&r.body);
                let _ = reader.read(&mut [0u8; 0]);
            });
        }
    });
    format!("http://{addr}")
}

/// C1 and C2 with five invoices; disputes on three of them at past dates, one resolved.
fn ledger() -> (Arc<TestServer>, String) {
    let s = start();
    customers(&s, ADMIN_TOKEN);
    let items = vec![
        item("I1", "C1", "2025-01-31", "1200.00", "1200.00"),
        item("I2", "C1", "2025-02-28", "450.00", "450.00"),
        item("I3", "C1", "2025-03-31", "830.00", "830.00"),
        item("I4", "C2", "2025-01-31", "310.00", "310.00"),
        item("I5", "C2", "2025-04-30", "95.00", "95.00"),
    ];
    assert_eq!(push_items(&s, ADMIN_TOKEN, "delta", items).status, 200);
    let r = call(
        &s,
        "POST",
        "/api/v1/admin/resolvers",
        ADMIN_TOKEN,
        &json!({"name": "Sam Sales", "email": "sam@corp.example", "role": "sales"}),
    );
    let resolver = r.json()["id"].as_i64().unwrap();
    // Price disputes are due in 40 days: deadline compliance and late cases have data.
    let r = call(
        &s,
        "PATCH",
        "/api/v1/admin/statuses/price_dispute",
        ADMIN_TOKEN,
        &json!({"target_days": 40}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    for body in [
        json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "status_date": "2025-02-01",
               "comment": "Unit price", "resolver_id": resolver}),
        json!({"item_ids": ["I4"], "status": "quality_dispute", "status_date": "2025-02-10",
               "comment": "Broken"}),
        json!({"item_ids": ["I2"], "status": "dispute_resolved", "status_date": "2025-03-05"}),
        json!({"item_ids": ["I3"], "status": "promise_to_pay", "status_date": "2025-04-02"}),
    ] {
        let r = call(&s, "POST", "/api/v1/status-changes", ADMIN_TOKEN, &body);
        assert_eq!(r.status, 201, "{}", r.text());
    }
    // The resolved case's root cause and validity, for the case analytics.
    let r = call(
        &s,
        "GET",
        "/api/v1/disputes?item_id=I2",
        ADMIN_TOKEN,
        &json!(null),
    );
    let case = r.json()["disputes"][0]["id"].as_i64().unwrap();
    let r = call(
        &s,
        "PATCH",
        &format!("/api/v1/disputes/{case}"),
        ADMIN_TOKEN,
        &json!({"root_cause": "pricing_error", "valid": true}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let collector = token(&s, "collector");
    (Arc::new(s), collector)
}

#[test]
fn the_report_pages_fit_read_well_and_filter_without_javascript() {
    let (s, collector) = ledger();
    let base = proxy(s.clone(), collector);
    let driver = Driver::start();
    let rt = crate::runtime();
    rt.block_on(async {
        for width in [1280, 375] {
            let b = driver.browser(width).await;
            b.goto(&format!(
                "{base}/api/v1/reports/disputes?as_of=2025-04-15&from=2025-01-01&months=4"
            ))
            .await;
            let text = b.wait_for_text("Dispute report").await;
            // Every report links to the others.
            for r in ["item-statuses", "kpis", "dispute-cases"] {
                let n = b
                    .eval(&format!(
                        "return document.querySelectorAll('.report-links a[href^=\"/api/v1/reports/{r}?\"]').length"
                    ))
                    .await;
                assert_eq!(n, json!(1), "{r}");
            }
            assert!(
                text.contains("Acme SA") && text.contains("€1,200.00"),
                "{text}"
            );
            let charts = b
                .eval("return document.querySelectorAll('svg[role=img]').length")
                .await;
            assert_eq!(charts, json!(4));
            crate::review(&b, "report-disputes-en").await;
            // The filter form: a customer, blank fields left as they are.
            b.type_in("#f-customer", "C2").await;
            b.click("form.filters button[type=submit]").await;
            let url = b.wait_for_url("customer_id=C2").await;
            assert!(url.contains("entity=&"), "blank fields are sent: {url}");
            let text = b.wait_for_text("Beta GmbH").await;
            assert!(!text.contains("Acme SA"), "only C2 now: {text}");
            b.goto(&format!(
                "{base}/api/v1/reports/disputes?as_of=2025-04-15&from=2025-01-01&months=4&lang=ja"
            ))
            .await;
            b.wait_for_text("係争レポート").await;
            crate::review(&b, "report-disputes-ja").await;
            b.goto(&format!(
                "{base}/api/v1/reports/item-statuses?as_of=2025-04-15&lang=tr"
            ))
            .await;
            b.wait_for_text("Kalem durumları raporu").await;
            crate::review(&b, "report-item-statuses-tr").await;
            b.goto(&format!(
                "{base}/api/v1/reports/kpis?as_of=2025-04-15&from=2025-01-01&to=2025-04-15"
            ))
            .await;
            b.wait_for_text("Receivables KPIs").await;
            crate::review(&b, "report-kpis-en").await;
            // The case analytics: charts by reason, root cause, settlement and compliance.
            let cases = format!("{base}/api/v1/reports/dispute-cases?format=html&as_of=2025-04-15&from=2025-01-01&to=2025-04-15");
            for (lang, title) in [("en", "Dispute analytics"), ("ja", "係争分析"), ("tr", "İtiraz analizi")] {
                b.goto(&format!("{cases}&lang={lang}")).await;
                let text = b.wait_for_text(title).await;
                if lang == "en" {
                    assert!(text.contains("Pricing error") && text.contains("Sam Sales"), "{text}");
                }
                let charts = b
                    .eval("return document.querySelectorAll('svg[role=img]').length")
                    .await;
                assert_eq!(charts, json!(4), "{lang}");
                crate::review(&b, &format!("report-dispute-cases-{lang}")).await;
            }
            b.close().await;
        }
    });
}
