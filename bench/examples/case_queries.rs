//! Times, natively, the store calls behind the case analytics (`/api/v1/reports/dispute-cases`)
//! on a copy of a kept benchmark ledger, topped up to a case for every tenth item as the scale
//! bench does:
//!
//!     cp target/bench-data/ledger-1000000-g1.db /tmp/cases.db
//!     cargo run --release -p settle-bench --example case_queries -- /tmp/cases.db
//!
//! It migrates the database first, as the app would.

use std::time::Instant;

use chrono::{Duration, Utc};
use settle_domain::case_analytics;
use settle_domain::dates::format_date;
use settle_store::{NativeDb, actions, disputes, reports};

fn main() {
    let path = std::env::args().nth(1).expect("the database path");
    let db = NativeDb(rusqlite::Connection::open(&path).unwrap());
    settle_store::migrations::migrate(&db, &Utc::now().to_rfc3339()).unwrap();
    let items: i64 =
        db.0.query_row("SELECT count(*) FROM items", [], |r| r.get(0))
            .unwrap();
    let added = settle_bench::add_past_cases(&db.0, items as usize / 10);
    println!("{items} items, {added} past cases added");
    let time = |name: &str, run: &dyn Fn() -> usize| {
        run();
        let t = Instant::now();
        let n = run();
        println!(
            "{name:<44} {:>8.1} ms ({n} rows)",
            t.elapsed().as_secs_f64() * 1000.0
        );
    };
    let today = Utc::now().date_naive();
    let all = settle_domain::reports::Filter::default();
    for (name, as_of) in [
        ("today", today),
        ("a year ago", today - Duration::days(365)),
    ] {
        let from = as_of - Duration::days(364);
        let since = format_date(from);
        // (`case_facts` reads from the period's start: a case resolved before is not needed.)
        let until = format_date(as_of);
        time(&format!("case_facts, {name}"), &|| {
            disputes::case_facts(&db, &until, &since).unwrap().len()
        });
        let facts = disputes::case_facts(&db, &until, &since).unwrap();
        time(&format!("analyse every case, {name}"), &|| {
            case_analytics::analyse(&facts, from, as_of, as_of).resolved as usize
        });
        // What the report reads: sums in SQL.
        time(&format!("resolved_case_sums, {name}"), &|| {
            disputes::resolved_case_sums(&db, &since, &until, &all)
                .unwrap()
                .len()
        });
        time(&format!("case_compliance, {name}"), &|| {
            disputes::case_compliance(&db, &since, &until, &all)
                .unwrap()
                .len()
        });
        time(&format!("open_case_sums, {name}"), &|| {
            disputes::open_case_sums(&db, &until, &all).unwrap().len()
        });
        time(&format!("promise_outcomes, {name}"), &|| {
            let (k, b) = actions::promise_outcomes(&db, &since, &until, &all).unwrap();
            (k + b) as usize
        });
        time(&format!("sales_by_day, {name}"), &|| {
            reports::sales_by_day(&db, from, as_of, &Default::default())
                .unwrap()
                .len()
        });
    }
}
