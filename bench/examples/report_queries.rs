//! Times each report query natively on a kept benchmark database:
//!
//!     SETTLE_KEEP_STATE=1 cargo bench -p settle-bench --bench reports   # keeps target/test-state/*/sqlite_db.db
//!     cargo run --release -p settle-bench --example report_queries -- target/test-state/<dir>/sqlite_db.db
//!
//! Where a report spends its time, query by query (the benchmark only sees the total).

use std::time::Instant;

use chrono::{Duration, Utc};
use settle_domain::reports::{Filter, trend_points};
use settle_store::NativeDb;
use settle_store::reports::{self, Basis};

fn main() {
    let path = std::env::args().nth(1).expect("the database path");
    let db = NativeDb(rusqlite::Connection::open(path).unwrap());
    let today = Utc::now().date_naive();
    let year_ago = today - Duration::days(365);
    let f = Filter::default();
    let time = |name: &str, run: &dyn Fn()| {
        run();
        let t = Instant::now();
        run();
        println!("{name:<40} {:>8.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    };
    time("later_facts today", &|| {
        reports::later_facts(&db, today).unwrap();
    });
    time("dispute_lines today (current)", &|| {
        reports::dispute_lines(&db, today, &f, Basis::Current).unwrap();
    });
    time("dispute_lines year ago (as of)", &|| {
        reports::dispute_lines(&db, year_ago, &f, Basis::AsOf).unwrap();
    });
    time("resolved 12 months", &|| {
        reports::resolved(&db, year_ago, today, &f).unwrap();
    });
    let points = trend_points(today, 12);
    time("trend 12 points", &|| {
        reports::trend(&db, &points, &f).unwrap();
    });
    time("item_status_lines today", &|| {
        reports::item_status_lines(&db, today, &f, Basis::Current).unwrap();
    });
    time("totals year ago", &|| {
        reports::totals(&db, year_ago, &f, Basis::AsOf).unwrap();
    });
}
