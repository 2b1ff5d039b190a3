//! Reports on a million items.
//!
//!     cargo bench -p settle-bench --bench reports
//!
//! A ledger of 1,000,000 invoices over 10,000 customers and two years (10% disputed at some
//! point, most of those resolved or paid since; most invoices paid within four months) is
//! written natively into the app's SQLite file, with the histories reports read (balance
//! moves, status periods), after the app's own migrations. Then, through settle-host (the
//! reports component, Spin SQLite), p50 of:
//! - the dispute report today (JSON, every section: totals, four breakdowns, aging,
//!   resolutions of the last 12 months, 12-month trend);
//! - the same report as of a year ago;
//! - the item status report today;
//!
//! each beside the hand-written SQL giving the same figures, run natively on the same
//! database in the same run. Targets: today's report ≤ 1.5× its raw SQL; the as-of report
//! under 1 s.

use std::time::Instant;

use chrono::{Duration as Days, Utc};
use rusqlite::Connection;
use settle_bench::ledger::{self, Shape};
use settle_bench::{report, time_calls};
use settle_host::testing::{TestServer, workspace_root};

const TOKEN: &str = "bench-admin";
const CUSTOMERS: usize = 10_000;
const ITEMS: usize = 1_000_000;
const CALLS: usize = 15;
/// The hand-written SQL of today's dispute report, on the items' current columns: totals,
/// the four breakdowns and the aging, then the resolutions and the trend as the report
/// needs them (their only source is the history tables).
fn raw_disputes(c: &Connection, today: &str, year_ago: &str, points: &[String]) -> i64 {
    let mut check = 0i64;
    let q = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> i64 {
        let mut s = c.prepare_cached(sql).unwrap();
        let mut rows = s.query(p).unwrap();
        let mut n = 0i64;
        while let Some(r) = rows.next().unwrap() {
            n += r.get::<_, Option<i64>>(1).unwrap().unwrap_or(0);
        }
        n
    };
    let base = "FROM items i JOIN statuses s ON s.code = i.status_code WHERE i.open_minor > 0 AND s.kind = 'dispute'";
    check += q("SELECT i.currency, sum(i.open_minor), count(*), sum(CASE WHEN s.kind = 'dispute' THEN i.open_minor END)
                FROM items i LEFT JOIN statuses s ON s.code = i.status_code WHERE i.open_minor > 0 GROUP BY i.currency", &[]);
    check += q(
        &format!("SELECT i.customer_id, sum(i.open_minor), count(*) {base} GROUP BY i.customer_id"),
        &[],
    );
    check += q(
        &format!("SELECT i.status_code, sum(i.open_minor), count(*) {base} GROUP BY i.status_code"),
        &[],
    );
    check += q(
        &format!("SELECT i.resolver_id, sum(i.open_minor), count(*) {base} GROUP BY i.resolver_id"),
        &[],
    );
    check += q(
        &format!("SELECT i.entity, sum(i.open_minor), count(*) {base} GROUP BY i.entity"),
        &[],
    );
    check += q(
        &format!(
            "SELECT CAST(julianday(?1) - julianday(i.disputed_since) AS INTEGER), sum(i.open_minor) {base} GROUP BY 1"
        ),
        &[&today],
    );
    check += q(
        "SELECT p.status_code, count(*) FROM item_status_periods p JOIN items i ON i.id = p.item_id
         WHERE p.kind = 'dispute' AND (CASE WHEN i.closed_on >= p.valid_from AND (p.valid_to IS NULL OR i.closed_on < p.valid_to)
                THEN i.closed_on WHEN p.ends_dispute THEN p.valid_to END) BETWEEN ?1 AND ?2 GROUP BY 1",
        &[&year_ago, &today],
    );
    for p in points {
        check += q(
            "SELECT currency, sum(delta_minor) FROM balance_days WHERE on_date <= ?1 GROUP BY 1",
            &[p],
        );
        check += q(
            "SELECT i.currency, sum((SELECT sum(m.delta_minor) FROM item_balance_moves m WHERE m.item_id = i.id AND m.on_date <= ?1))
             FROM item_status_periods p JOIN items i ON i.id = p.item_id
             WHERE p.kind = 'dispute' AND p.valid_from <= ?1 AND (p.valid_to IS NULL OR p.valid_to > ?1)
               AND (i.closed_on IS NULL OR i.closed_on > ?1) GROUP BY 1",
            &[p],
        );
    }
    check
}

/// The hand-written SQL of the dispute report's totals and breakdowns at a past date, on the
/// history tables.
fn raw_disputes_as_of(c: &Connection, at: &str) -> i64 {
    let mut s = c
        .prepare_cached(
            "WITH o AS MATERIALIZED (
               SELECT i.customer_id, i.entity, p.status_code, p.resolver_id, p.kind,
                      (SELECT sum(m.delta_minor) FROM item_balance_moves m WHERE m.item_id = i.id AND m.on_date <= ?1) AS open
               FROM items i LEFT JOIN item_status_periods p ON p.item_id = i.id AND p.valid_from <= ?1
                    AND (p.valid_to IS NULL OR p.valid_to > ?1)
               WHERE i.issue_date <= ?1 AND (i.closed_on IS NULL OR i.closed_on > ?1))
             SELECT 'total', sum(open) FROM o
             UNION ALL SELECT 'customer', sum(open) FROM o WHERE kind = 'dispute' GROUP BY customer_id
             UNION ALL SELECT 'status', sum(open) FROM o WHERE kind = 'dispute' GROUP BY status_code
             UNION ALL SELECT 'resolver', sum(open) FROM o WHERE kind = 'dispute' GROUP BY resolver_id
             UNION ALL SELECT 'entity', sum(open) FROM o WHERE kind = 'dispute' GROUP BY entity",
        )
        .unwrap();
    let mut rows = s.query([at]).unwrap();
    let mut n = 0;
    while let Some(r) = rows.next().unwrap() {
        n += r.get::<_, Option<i64>>(1).unwrap().unwrap_or(0);
    }
    n
}

fn raw_item_statuses(c: &Connection, today: &str) -> i64 {
    let mut n = 0;
    for group in [
        "i.status_code",
        "c.collector",
        "i.resolver_id",
        "i.customer_id",
    ] {
        let mut s = c
            .prepare_cached(&format!(
                "SELECT {group}, sum(i.open_minor), count(*), sum(CASE WHEN i.status_code IS NOT NULL THEN i.open_minor END)
                 FROM items i JOIN customers c ON c.id = i.customer_id
                 WHERE i.open_minor > 0 AND i.kind IN ('invoice', 'other') AND i.due_date < ?1 GROUP BY 1"
            ))
            .unwrap();
        let mut rows = s.query([today]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            n += r.get::<_, i64>(1).unwrap();
        }
    }
    n
}

/// The floor: only the headline totals today (outstanding, open items, disputed
/// outstanding and items) on the current columns, nothing else of the report.
fn raw_headline(c: &Connection) -> i64 {
    let mut s = c
        .prepare_cached(
            "SELECT i.currency, sum(i.open_minor), count(*),
                    sum(CASE WHEN s.kind = 'dispute' THEN i.open_minor END), sum(s.kind = 'dispute')
             FROM items i LEFT JOIN statuses s ON s.code = i.status_code
             WHERE i.open_minor > 0 GROUP BY 1",
        )
        .unwrap();
    let mut rows = s.query([]).unwrap();
    let mut n = 0;
    while let Some(r) = rows.next().unwrap() {
        n += r.get::<_, i64>(1).unwrap();
    }
    n
}

fn get(s: &TestServer, path: &str) -> serde_json::Value {
    let auth = format!("Bearer {TOKEN}");
    let r = s.request("GET", path, &[("authorization", &auth)], &[]);
    assert_eq!(r.status, 200, "{path}: {}", r.text());
    r.json()
}

fn main() {
    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), TOKEN.into());
        c.log_requests = false;
    });
    let today = Utc::now().date_naive();
    let year_ago = today - Days::days(365);
    let path = server.state_dir.join("sqlite_db.db");
    std::fs::create_dir_all(&server.state_dir).unwrap();
    let t = Instant::now();
    let shape = Shape {
        items: ITEMS,
        customers: CUSTOMERS,
        key_accounts: 0,
        actions: false,
    };
    let ledger::Summary {
        disputed_ever: disputed,
        open_now,
        ..
    } = ledger::generate(&path, today, shape);
    println!(
        "ledger: {ITEMS} items over {CUSTOMERS} customers, two years to {today}; {disputed} disputed at some point, {open_now} open now; written in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let health = report(
        "GET /api/v1/health (baseline)",
        time_calls(CALLS, || {
            server.get("/api/v1/health");
        }),
    );
    let c = Connection::open(&path).unwrap();
    let today_s = today.to_string();
    let year_ago_s = year_ago.to_string();
    let points: Vec<String> = settle_domain::reports::trend_points(today, 12)
        .iter()
        .map(|d| d.to_string())
        .collect();
    let raw_today = report(
        "raw SQL, dispute report today (native rusqlite)",
        time_calls(CALLS, || {
            raw_disputes(&c, &today_s, &year_ago_s, &points);
        }),
    );
    let floor = report(
        "raw SQL, today's headline totals only (the floor)",
        time_calls(CALLS, || {
            raw_headline(&c);
        }),
    );
    let r = get(&server, "/api/v1/reports/disputes");
    println!(
        "  today: outstanding {} EUR, disputed {} EUR ({} items), resolved in 12 months {}",
        r["currencies"][0]["outstanding"],
        r["currencies"][0]["disputed_outstanding"],
        r["currencies"][0]["disputed_items"],
        r["resolution"]["count"]
    );
    let via_host = report(
        "GET /api/v1/reports/disputes (today)",
        time_calls(CALLS, || {
            get(&server, "/api/v1/reports/disputes");
        }),
    );
    let raw_past = report(
        "raw SQL, dispute totals and breakdowns a year ago",
        time_calls(CALLS, || {
            raw_disputes_as_of(&c, &year_ago_s);
        }),
    );
    let past_path = format!("/api/v1/reports/disputes?as_of={year_ago}");
    let past = report(
        &format!("GET /api/v1/reports/disputes?as_of={year_ago}"),
        time_calls(CALLS, || {
            get(&server, &past_path);
        }),
    );
    let raw_status = report(
        "raw SQL, item status report today",
        time_calls(CALLS, || {
            raw_item_statuses(&c, &today_s);
        }),
    );
    let status = report(
        "GET /api/v1/reports/item-statuses (today)",
        time_calls(CALLS, || {
            get(&server, "/api/v1/reports/item-statuses");
        }),
    );
    println!();
    println!(
        "dispute report today: {:.2}x its raw SQL (target <= 1.5x); health {health:.2} ms",
        via_host / raw_today
    );
    println!(
        "dispute report today: {:.1}x the headline totals alone (every section of the report vs four sums)",
        via_host / floor
    );
    println!(
        "dispute report a year ago: {past:.0} ms (target < 1000 ms), {:.2}x its raw totals",
        past / raw_past
    );
    println!(
        "item status report today: {:.2}x its raw SQL",
        status / raw_status
    );
}
