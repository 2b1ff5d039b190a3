//! Reports through the host: the dispute, item status and KPI reports at past dates, their
//! filters, formats (JSON, CSV, HTML) and bad input.

use serde_json::{Value, json};
use settle_host::testing::TestResponse;

use crate::disputes::{World, post, qualify, world};
use crate::support::*;

/// The world's ledger with a history: I1 (C1, 100.00) disputed on the price from 1 Feb with
/// Sam, resolved on 5 March; I4 (C2, 10.00) disputed on quality from 10 Feb and paid on
/// 20 Feb; I3 (C1, 80.00) disputed on delivery from 1 March. I2 (50.00, 20.00 open when
/// first seen) and I5 (5.00) carry no status.
fn history() -> World {
    let w = world();
    for body in [
        json!({"item_ids": ["I1"], "status": "price_dispute", "status_date": "2025-02-01",
               "comment": "Unit price is not the one agreed", "resolver_id": w.resolver_id}),
        json!({"item_ids": ["I4"], "status": "quality_dispute", "status_date": "2025-02-10",
               "comment": "Broken on arrival"}),
        json!({"item_ids": ["I3"], "status": "delivery_dispute", "status_date": "2025-03-01",
               "comment": "Never delivered"}),
        json!({"item_ids": ["I1"], "status": "dispute_resolved", "status_date": "2025-03-05"}),
    ] {
        let r = qualify(&w, body);
        assert_eq!(r.status, 201, "{}", r.text());
    }
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "P-I4", "item_id": "I4", "amount": "10.00", "date": "2025-02-20"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    w
}

fn report(w: &World, path: &str) -> Value {
    let r = get(&w.s, path, &w.collector);
    assert_eq!(r.status, 200, "{path}: {}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    r.json()
}

fn eur(v: &Value) -> &Value {
    let c = v["currencies"].as_array().unwrap();
    assert_eq!(c.len(), 1, "{v}");
    assert_eq!(c[0]["currency"], "EUR");
    &c[0]
}

fn part<'a>(v: &'a Value, list: &str, key: &str) -> &'a Value {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {list}: {v}"))
}

#[test]
fn the_dispute_report_says_what_was_true_at_each_date() {
    let w = history();
    // 31 January: nothing disputed yet.
    let r = report(&w, "/api/v1/reports/disputes?as_of=2025-01-31");
    let b = eur(&r);
    assert_eq!(b["outstanding"], "245.00");
    assert_eq!(b["open_items"], 5);
    assert_eq!(b["disputed_outstanding"], "0.00");
    assert_eq!(b["dispute_rate_amount"], "0");
    // 15 February: I1 (price, Sam, 14 days) and I4 (quality, 5 days) disputed.
    let r = report(&w, "/api/v1/reports/disputes?as_of=2025-02-15");
    let b = eur(&r);
    assert_eq!(b["disputed_outstanding"], "110.00");
    assert_eq!(b["disputed_items"], 2);
    assert_eq!(b["dispute_rate_amount"], "44.90");
    assert_eq!(b["dispute_rate_count"], "40");
    assert_eq!(part(b, "by_customer", "C1")["amount"], "100.00");
    assert_eq!(part(b, "by_customer", "C1")["name"], "Acme SA");
    assert_eq!(part(b, "by_customer", "C2")["amount"], "10.00");
    assert_eq!(part(b, "by_status", "price_dispute")["name"], "price");
    assert_eq!(
        part(b, "by_resolver", &w.resolver_id.to_string())["name"],
        "Sam Sales"
    );
    assert_eq!(part(b, "by_resolver", "none")["amount"], "10.00");
    assert_eq!(part(b, "by_entity", "DE01")["amount"], "10.00");
    assert_eq!(part(b, "aging", "0-30")["amount"], "110.00");
    assert_eq!(part(b, "aging", "90+")["count"], 0);
    // 15 March: I4 paid (resolved in 10 days), I1 resolved (32 days), I3 disputed.
    let r = report(
        &w,
        "/api/v1/reports/disputes?as_of=2025-03-15&from=2025-01-01&months=3",
    );
    let b = eur(&r);
    assert_eq!(b["outstanding"], "235.00");
    assert_eq!(b["disputed_outstanding"], "80.00");
    assert_eq!(part(b, "by_status", "delivery_dispute")["count"], 1);
    let res = &r["resolution"];
    assert_eq!(res["count"], 2);
    assert_eq!(res["average_days"], "21");
    assert_eq!(res["median_days"], "21");
    assert_eq!(res["p90_days"], "29.8");
    assert_eq!(
        part(res, "by_status", "quality_dispute")["average_days"],
        "10"
    );
    assert_eq!(
        part(res, "by_status", "price_dispute")["average_days"],
        "32"
    );
    // The trend: January, February month ends and 15 March.
    let t = b["trend"].as_array().unwrap();
    let points: Vec<(&str, &str)> = t
        .iter()
        .map(|p| {
            (
                p["date"].as_str().unwrap(),
                p["disputed_outstanding"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        points,
        [
            ("2025-01-31", "0.00"),
            ("2025-02-28", "100.00"),
            ("2025-03-15", "80.00")
        ]
    );
    assert_eq!(t[1]["outstanding"], "235.00");
    // Resolutions are counted by resolution date.
    let r = report(
        &w,
        "/api/v1/reports/disputes?as_of=2025-03-15&from=2025-03-01&to=2025-03-15",
    );
    assert_eq!(r["resolution"]["count"], 1);
}

/// The trend's points are kept between reports (migration 24); a change dated before a kept
/// point moves it in the next report, through the API as through the use cases.
#[test]
fn a_change_dated_in_the_past_moves_the_kept_trend_points() {
    let w = history();
    let path = "/api/v1/reports/disputes?as_of=2025-03-15&from=2025-01-01&months=3";
    let trend = |w: &World| -> Vec<(String, String)> {
        eur(&report(w, path))["trend"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["date"].as_str().unwrap().to_string(),
                    p["disputed_outstanding"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let at = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    let first = at(&[
        ("2025-01-31", "0.00"),
        ("2025-02-28", "100.00"),
        ("2025-03-15", "80.00"),
    ]);
    assert_eq!(trend(&w), first);
    assert_eq!(trend(&w), first, "read back");
    // 40.00 of I1 paid on 20 February: 60.00 of it was in dispute at the end of February.
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "P-I1", "item_id": "I1", "amount": "40.00", "date": "2025-02-20"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        trend(&w),
        at(&[
            ("2025-01-31", "0.00"),
            ("2025-02-28", "60.00"),
            ("2025-03-15", "80.00")
        ])
    );
    // I5 (5.00) disputed from 15 January: every point moves.
    let r = qualify(
        &w,
        json!({"item_ids": ["I5"], "status": "quality_dispute", "status_date": "2025-01-15",
               "comment": "Scratched"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(
        trend(&w),
        at(&[
            ("2025-01-31", "5.00"),
            ("2025-02-28", "65.00"),
            ("2025-03-15", "85.00")
        ])
    );
    // A filtered report computes its own points, and agrees (C2's I4 was paid in February).
    let r = report(
        &w,
        "/api/v1/reports/disputes?as_of=2025-03-15&months=3&customer_id=C1",
    );
    let points: Vec<&str> = eur(&r)["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["disputed_outstanding"].as_str().unwrap())
        .collect();
    assert_eq!(points, ["5.00", "65.00", "85.00"]);
}

#[test]
fn filters_choose_the_population_and_the_disputes() {
    let w = history();
    let at = "/api/v1/reports/disputes?as_of=2025-02-15";
    let r = report(&w, &format!("{at}&customer_id=C1"));
    let b = eur(&r);
    assert_eq!(b["outstanding"], "235.00");
    assert_eq!(b["disputed_outstanding"], "100.00");
    let r = report(&w, &format!("{at}&entity=DE01"));
    assert_eq!(eur(&r)["outstanding"], "10.00");
    let r = report(&w, &format!("{at}&collector=alice"));
    assert_eq!(eur(&r)["disputed_outstanding"], "100.00");
    // The status and resolver filters keep the whole population as the rate's denominator.
    let r = report(&w, &format!("{at}&status=quality_dispute"));
    let b = eur(&r);
    assert_eq!(
        (
            b["outstanding"].as_str(),
            b["disputed_outstanding"].as_str()
        ),
        (Some("245.00"), Some("10.00"))
    );
    let r = report(&w, &format!("{at}&resolver_id={}", w.resolver_id));
    assert_eq!(eur(&r)["disputed_outstanding"], "100.00");
    assert_eq!(r["filters"]["resolver_id"], w.resolver_id);
}

#[test]
fn the_item_status_report_shows_the_qualification_of_overdue_items() {
    let w = history();
    // 15 February: overdue are I1 (due 31 Jan, price dispute) and I4 (quality dispute).
    let r = report(&w, "/api/v1/reports/item-statuses?as_of=2025-02-15");
    let b = eur(&r);
    assert_eq!(b["overdue"], "110.00");
    assert_eq!(b["qualification_rate_amount"], "100");
    // 15 March: I1 (resolved), I2 (due 28 Feb, no status) overdue; I3 and I5 not yet due.
    let r = report(&w, "/api/v1/reports/item-statuses?as_of=2025-03-15");
    let b = eur(&r);
    assert_eq!(b["overdue"], "150.00");
    assert_eq!(b["qualified"], "100.00");
    assert_eq!(b["qualification_rate_amount"], "66.67");
    assert_eq!(part(b, "by_status", "none")["overdue"], "50.00");
    assert_eq!(
        part(b, "by_status", "dispute_resolved")["overdue"],
        "100.00"
    );
    assert_eq!(
        part(b, "by_collector", "alice")["qualification_rate"],
        "66.67"
    );
    assert_eq!(part(b, "by_customer", "C1")["overdue_items"], 2);
}

#[test]
fn kpis_document_their_formulas() {
    let w = history();
    let r = report(
        &w,
        "/api/v1/reports/kpis?as_of=2025-03-15&from=2025-01-01&to=2025-03-15",
    );
    let b = eur(&r);
    assert_eq!(b["outstanding"], "235.00");
    assert_eq!(b["overdue"], "150.00");
    assert_eq!(b["overdue_share"], "63.83");
    // Sales: 245.00 invoiced on 1 January, within the countback's third month; the
    // receivable 235.00 is explained by it: 28 + 31 + 31 × 235/245 days.
    assert!(b["dso_countback"].is_string(), "{b}");
    assert_eq!(b["cei"]["opening_receivables"], "0.00");
    assert_eq!(b["cei"]["sales"], "245.00");
    // A CEI period reaching before the countback's 24 months reads its own sales.
    let r = report(&w, "/api/v1/reports/kpis?as_of=2025-03-15&from=2022-01-01");
    assert_eq!(eur(&r)["cei"]["sales"], "245.00");
    for f in [
        "dso_countback",
        "cei",
        "disputed_dso",
        "average_days_delinquent",
    ] {
        assert!(r["formulas"][f].is_string(), "{f}");
    }
}

#[test]
fn csv_gives_one_table_per_section() {
    let w = history();
    let r = w.s.request(
        "GET",
        "/api/v1/reports/disputes?as_of=2025-02-15",
        &[
            ("authorization", &bearer(&w.collector)),
            ("accept", "text/csv"),
        ],
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        r.header("content-disposition")
            .unwrap()
            .contains("disputes-summary-2025-02-15.csv")
    );
    assert_eq!(
        r.text(),
        "as_of,currency,outstanding,open_items,disputed_outstanding,disputed_items,dispute_rate_amount_pct,dispute_rate_count_pct\r\n2025-02-15,EUR,245.00,5,110.00,2,44.90,40\r\n"
    );
    let r = get(
        &w.s,
        "/api/v1/reports/disputes?as_of=2025-02-15&format=csv&section=customer",
        &w.collector,
    );
    assert_eq!(
        r.text(),
        "currency,key,name,amount,count,share_pct\r\nEUR,C1,Acme SA,100.00,1,90.91\r\nEUR,C2,Beta GmbH,10.00,1,9.09\r\n"
    );
    let r = get(
        &w.s,
        "/api/v1/reports/item-statuses?as_of=2025-03-15&format=csv&section=status",
        &w.collector,
    );
    assert!(
        r.text().contains("EUR,none,,50.00,1,0.00,0,0\r\n"),
        "{}",
        r.text()
    );
    let r = get(
        &w.s,
        "/api/v1/reports/kpis?as_of=2025-03-15&format=csv",
        &w.collector,
    );
    assert!(
        r.text().starts_with("as_of,currency,outstanding,overdue"),
        "{}",
        r.text()
    );
}

fn html(w: &World, path: &str) -> TestResponse {
    let r = w.s.request(
        "GET",
        path,
        &[
            ("authorization", &bearer(&w.collector)),
            ("accept", "text/html"),
        ],
        &[],
    );
    assert_eq!(r.status, 200, "{path}: {}", r.text());
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'") && !csp.contains("unsafe"),
        "{csp}"
    );
    r
}

#[test]
fn the_report_page_draws_its_charts_in_the_readers_language() {
    let w = history();
    let r = html(&w, "/api/v1/reports/disputes?as_of=2025-02-15");
    let page = r.text();
    assert!(page.contains("<h1>Dispute report</h1>"), "{page}");
    assert_eq!(
        page.matches("<svg role=\"img\"").count(),
        4,
        "status, customer, aging, trend"
    );
    assert!(
        page.contains("Acme SA") && page.contains("€110.00"),
        "{page}"
    );
    assert!(page.contains("44.90%"), "{page}");
    assert!(page.contains("format=csv&amp;section=customer"));
    let r = html(&w, "/api/v1/reports/disputes?as_of=2025-02-15&lang=ja");
    let page = r.text();
    assert!(page.contains("<html lang=\"ja\">"));
    assert!(
        page.contains("係争レポート") && page.contains("価格に関する係争"),
        "{page}"
    );
    let r = html(
        &w,
        "/api/v1/reports/item-statuses?as_of=2025-03-15&format=html&lang=tr",
    );
    assert!(r.text().contains("Kalem durumları raporu"));
    assert!(r.text().contains("%66,67"), "Turkish puts the sign first");
    let r = html(&w, "/api/v1/reports/kpis?as_of=2025-03-15&lang=fr");
    assert!(r.text().contains("Indicateurs du poste clients"));
    // The filter form sends its blank fields: on the page, blank means any.
    let r = html(
        &w,
        "/api/v1/reports/disputes?format=html&as_of=2025-02-15&entity=&collector=&customer_id=&status=&resolver_id=&from=&to=&months=&lang=en",
    );
    assert!(r.text().contains("€110.00"));
    // Its status filter offers the dispute statuses; the item status report's, every status.
    let option = |code: &str| format!("<option value=\"{code}\"");
    assert!(r.text().contains(&option("price_dispute")));
    assert!(
        !r.text().contains(&option("promise_to_pay")),
        "{}",
        r.text()
    );
    let r = html(&w, "/api/v1/reports/item-statuses?as_of=2025-03-15&lang=en");
    assert!(r.text().contains(&option("promise_to_pay")));
    // The stylesheet needs no token (a browser fetches it without one).
    let css = w.s.get("/api/v1/reports/assets/pages.css");
    assert_eq!(css.status, 200);
}

#[test]
fn markup_in_names_stays_text_in_the_page_and_its_charts() {
    let w = history();
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/customers",
        ADMIN_TOKEN,
        &json!({"customers": [{"id": "C1", "name": "<script>alert(1)</script>", "entity": "FR01",
                               "language": "fr", "currency": "EUR", "collector": "alice"}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let page = html(&w, "/api/v1/reports/disputes?as_of=2025-02-15").text();
    assert!(!page.contains("<script>"), "{page}");
    assert!(page.contains("&lt;script&gt;"));
}

#[test]
fn bad_filters_are_refused_naming_the_parameter() {
    let w = history();
    let detail = |path: &str, status: u16| -> String {
        let r = get(&w.s, path, &w.collector);
        problem(&r, status)["detail"].as_str().unwrap().to_string()
    };
    let d = "/api/v1/reports/disputes";
    for (query, name) in [
        ("as_of=2025-02-30", "as_of"),
        ("as_of=yesterday", "as_of"),
        ("as_of=2999-01-01", "as_of"),
        ("resolver_id=999", "resolver_id"),
        ("resolver_id=abc", "resolver_id"),
        ("customer_id=NOPE", "customer_id"),
        ("customer_id=", "customer_id"),
        ("entity=XX99", "entity"),
        ("status=no_such_status", "status"),
        ("from=2025-03-01&to=2025-02-01&as_of=2025-03-15", "from"),
        ("to=2025-04-01&as_of=2025-03-15", "to"),
        ("months=0", "months"),
        ("months=37", "months"),
        ("format=xml", "format"),
        ("format=csv&section=nope", "section"),
        ("lang=xx", "lang"),
        ("collector=a%07b", "collector"),
        ("colour=blue", "colour"),
    ] {
        let why = detail(&format!("{d}?{query}"), 400);
        assert!(why.contains(name), "{query}: {why}");
    }
    assert!(detail("/api/v1/reports/item-statuses?from=2025-01-01", 400).contains("from"));
    let r = w.s.request(
        "GET",
        d,
        &[
            ("authorization", &bearer(&w.collector)),
            ("accept", "application/xml"),
        ],
        &[],
    );
    problem(&r, 406);
    problem(&get(&w.s, "/api/v1/reports/nope", &w.collector), 404);
    problem(&call(&w.s, "POST", d, &w.collector, &Value::Null), 405);
}

#[test]
fn a_bad_filter_on_the_page_gets_a_page_naming_it() {
    let w = history();
    let r = w.s.request(
        "GET",
        "/api/v1/reports/disputes?format=html&resolver_id=999&lang=ja",
        &[("authorization", &bearer(&w.collector))],
        &[],
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(r.header("content-security-policy").is_some());
    let page = r.text();
    assert!(page.contains("このレポートは表示できません"), "{page}");
    assert!(
        page.contains("resolver_id") && page.contains("no resolver 999"),
        "{page}"
    );
    // The way back (minijinja escapes the slashes of attribute values).
    assert!(
        page.contains("href=\"&#x2f;api&#x2f;v1&#x2f;reports&#x2f;disputes\""),
        "the way back: {page}"
    );
    // Asked with Accept: text/html, an impossible date too; the API keeps its problems.
    let r = w.s.request(
        "GET",
        "/api/v1/reports/item-statuses?as_of=2025-02-30",
        &[
            ("authorization", &bearer(&w.collector)),
            ("accept", "text/html"),
        ],
        &[],
    );
    assert_eq!(r.status, 400);
    assert!(r.text().contains("This report cannot be shown") && r.text().contains("as_of"));
    problem(
        &get(
            &w.s,
            "/api/v1/reports/item-statuses?as_of=2025-02-30",
            &w.collector,
        ),
        400,
    );
    // Without a token, still a problem (with its WWW-Authenticate), page or not.
    let r =
        w.s.request("GET", "/api/v1/reports/disputes?format=html", &[], &[]);
    problem(&r, 401);
}

#[test]
fn reports_need_a_collector_or_admin_token() {
    let w = history();
    let r = w.s.get("/api/v1/reports/disputes");
    problem(&r, 401);
    let erp = token(&w.s, "erp");
    problem(&get(&w.s, "/api/v1/reports/disputes", &erp), 403);
    let r = get(&w.s, "/api/v1/reports/disputes", ADMIN_TOKEN);
    assert_eq!(r.status, 200, "{}", r.text());
    // Today's report (the default date) reads the current columns: the same figures.
    let today = report(&w, "/api/v1/reports/disputes");
    let again = post(&w, "/api/v1/reports/disputes", &Value::Null);
    assert_eq!(again.status, 405);
    assert_eq!(eur(&today)["disputed_outstanding"], "80.00");
}

/// Today's date as the host's components see it (UTC).
fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

/// Issue 21: a dispute raised and resolved on the same day is a resolution of 0 days, counted
/// in a `from=to=today` period; and a resolved dispute without a resolver renders on the page.
#[test]
fn same_day_resolutions_count_and_resolver_less_disputes_render() {
    let w = world();
    let today = today();
    // I1 with Sam and a follow-up, terminated today; I4 without a resolver, paid today.
    let r = qualify(
        &w,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": w.resolver_id, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let action = r.json()["action"]["id"].as_i64().unwrap();
    let r = qualify(
        &w,
        json!({"item_ids": ["I4"], "status": "quality_dispute", "comment": "Broken"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let period = format!("/api/v1/reports/disputes?from={today}&to={today}");
    assert_eq!(report(&w, &period)["resolution"]["count"], 0);
    let r = post(
        &w,
        &format!("/api/v1/actions/{action}/terminate"),
        &json!({"comment": "Credit note issued"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = call(
        &w.s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": [{"id": "P-I4", "item_id": "I4", "amount": "10.00", "date": today}]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = report(&w, &period);
    let res = &v["resolution"];
    assert_eq!(res["count"], 2, "{v}");
    assert_eq!(res["average_days"], "0");
    assert_eq!(part(res, "by_resolver", "none")["count"], 1, "{v}");
    assert_eq!(
        part(res, "by_resolver", &w.resolver_id.to_string())["count"],
        1
    );
    // The page of every report, in every language, over resolutions with and without a
    // resolver (today's default period, and a past one over the history's).
    let h = history();
    for lang in [
        "en", "fr", "de", "es", "it", "nl", "pt", "pt-BR", "pl", "ro", "hr", "sv", "tr", "ja",
        "zh-Hans",
    ] {
        for (w, path) in [
            (&w, "/api/v1/reports/disputes?format=html".to_string()),
            (
                &w,
                format!("/api/v1/reports/disputes?format=html&from={today}"),
            ),
            (&w, "/api/v1/reports/item-statuses?format=html".to_string()),
            (&w, "/api/v1/reports/kpis?format=html".to_string()),
            (
                &h,
                "/api/v1/reports/disputes?format=html&as_of=2025-03-15&from=2025-01-01".to_string(),
            ),
            (
                &h,
                "/api/v1/reports/kpis?format=html&as_of=2025-03-15&from=2025-01-01".to_string(),
            ),
        ] {
            let page = html(w, &format!("{path}&lang={lang}")).text();
            assert!(page.contains(&format!("lang=\"{lang}\"")), "{path} {lang}");
            if path.contains("disputes") {
                assert!(page.contains("Sam Sales"), "{path} {lang}");
            }
        }
    }
}
