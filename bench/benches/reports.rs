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

use chrono::{Duration as Days, NaiveDate, Utc};
use rusqlite::{Connection, params};
use settle_bench::{report, time_calls};
use settle_host::testing::{TestServer, workspace_root};
use settle_store::{NativeDb, migrations};

const TOKEN: &str = "bench-admin";
const CUSTOMERS: usize = 10_000;
const ITEMS: usize = 1_000_000;
const CALLS: usize = 15;
const STATUSES: [&str; 4] = [
    "price_dispute",
    "quality_dispute",
    "delivery_dispute",
    "administrative_dispute",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> i64 {
        (self.next() % n) as i64
    }
}

/// Writes the ledger; returns (disputed ever, open now).
fn generate(path: &std::path::Path, today: NaiveDate) -> (usize, usize) {
    migrations::migrate(
        &NativeDb(Connection::open(path).unwrap()),
        "2026-01-01T00:00:00Z",
    )
    .unwrap();
    let mut c = Connection::open(path).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    c.pragma_update(None, "synchronous", "OFF").unwrap();
    // Bulk load: each item's moves and periods are written before its row.
    c.pragma_update(None, "foreign_keys", "OFF").unwrap();
    let t = c.transaction().unwrap();
    let now = "2026-01-01T00:00:00Z";
    t.execute(
        "INSERT INTO entities (code, name, created_at) VALUES ('FR01', 'FR01', ?1), ('DE01', 'DE01', ?1)",
        [now],
    )
    .unwrap();
    {
        let mut s = t
            .prepare("INSERT INTO customers (id, erp_id, name, entity, language, currency, collector, created_at, updated_at)
                      VALUES (?, ?, ?, ?, 'en', 'EUR', ?, ?, ?)")
            .unwrap();
        for n in 0..CUSTOMERS {
            let entity = if n % 2 == 0 { "FR01" } else { "DE01" };
            s.execute(params![
                n as i64 + 1,
                format!("C{n:05}"),
                format!("Customer {n}"),
                entity,
                format!("collector{}", n % 20),
                now,
                now
            ])
            .unwrap();
        }
        let mut s = t
            .prepare("INSERT INTO resolvers (id, name, email, role, created_at, updated_at) VALUES (?, ?, ?, 'sales', ?, ?)")
            .unwrap();
        for r in 1..=20 {
            s.execute(params![
                r,
                format!("Resolver {r}"),
                format!("r{r}@corp.example"),
                now,
                now
            ])
            .unwrap();
        }
    }
    let mut rng = Rng(0x00be_4c11_2026);
    let (mut disputed, mut open_now) = (0, 0);
    {
        let mut item = t
            .prepare("INSERT INTO items (id, erp_id, customer_id, entity, kind, number, issue_date, due_date, currency,
                                         amount_minor, open_minor, closed_on, status_code, status_date, resolver_id,
                                         disputed_since, created_at, updated_at)
                      VALUES (?, ?, ?, ?, 'invoice', ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .unwrap();
        let mut mv = t
            .prepare("INSERT INTO item_balance_moves (item_id, on_date, currency, delta_minor, reason, at)
                      VALUES (?, ?, 'EUR', ?, ?, ?)")
            .unwrap();
        let mut period = t
            .prepare("INSERT INTO item_status_periods (item_id, status_code, kind, resolver_id, valid_from, valid_to,
                                                       dispute_since, ends_dispute, item_closed_on, at)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .unwrap();
        for n in 0..ITEMS {
            let id = n as i64 + 1;
            let customer = (n % CUSTOMERS) as i64 + 1;
            let entity = if customer % 2 == 1 { "FR01" } else { "DE01" };
            let issue = today - Days::days(rng.below(730));
            let amount = 10_000 + rng.below(990_000);
            let paid_on = issue + Days::days(20 + rng.below(100));
            let paid = paid_on <= today && rng.below(10) < 9;
            let mut status: Option<(&str, NaiveDate, Option<i64>, Option<NaiveDate>)> = None;
            mv.execute(params![id, issue.to_string(), amount, "opened", now])
                .unwrap();
            if paid {
                mv.execute(params![id, paid_on.to_string(), -amount, "payment", now])
                    .unwrap();
            }
            if rng.below(10) == 0 {
                let since = issue + Days::days(5 + rng.below(30));
                if since <= today {
                    disputed += 1;
                    let code = STATUSES[rng.below(4) as usize];
                    let resolver = Some(1 + rng.below(20));
                    let resolved = since + Days::days(5 + rng.below(80));
                    let resolves = resolved <= today && rng.below(10) < 7;
                    period
                        .execute(params![
                            id,
                            code,
                            "dispute",
                            resolver,
                            since.to_string(),
                            resolves.then(|| resolved.to_string()),
                            since.to_string(),
                            resolves,
                            paid.then(|| paid_on.to_string()),
                            now
                        ])
                        .unwrap();
                    if resolves {
                        period
                            .execute(params![
                                id,
                                "dispute_resolved",
                                "resolved",
                                resolver,
                                resolved.to_string(),
                                None::<String>,
                                None::<String>,
                                false,
                                paid.then(|| paid_on.to_string()),
                                now
                            ])
                            .unwrap();
                        status = Some(("dispute_resolved", resolved, resolver, None));
                    } else {
                        status = Some((code, since, resolver, Some(since)));
                    }
                }
            }
            let open = if paid { 0 } else { amount };
            if open > 0 {
                open_now += 1;
            }
            item.execute(params![
                id,
                format!("I{n:07}"),
                customer,
                entity,
                format!("F-{n}"),
                issue.to_string(),
                (issue + Days::days(30)).to_string(),
                amount,
                open,
                paid.then(|| paid_on.to_string()),
                status.map(|s| s.0),
                status.map(|s| s.1.to_string()),
                status.and_then(|s| s.2),
                status
                    .and_then(|s| s.3)
                    .filter(|_| open > 0)
                    .map(|d| d.to_string()),
                now,
                now
            ])
            .unwrap();
        }
    }
    t.execute(
        "INSERT INTO balance_days (currency, on_date, delta_minor)
         SELECT currency, on_date, sum(delta_minor) FROM item_balance_moves GROUP BY 1, 2",
        [],
    )
    .unwrap();
    t.commit().unwrap();
    c.execute_batch("ANALYZE").unwrap();
    (disputed, open_now)
}

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
    let (disputed, open_now) = generate(&path, today);
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
