//! Times, natively on a kept benchmark ledger, each store call behind the interactive pages
//! (the console's sheet, the agenda), to see where a page's time goes:
//!
//!     cargo run --release -p settle-bench --example page_queries -- target/bench-data/ledger-1000000-g1.db C00001
//!
//! It migrates the database first, as the app would: run it on a copy of a kept ledger.

use std::time::Instant;

use chrono::Utc;
use settle_domain::actions::ActionState;
use settle_store::actions::{self, ActionFilter};
use settle_store::ledger::{self, ItemFilter};
use settle_store::scenarios::{self, AgendaFilter};
use settle_store::{NativeDb, console};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("the database path");
    let customer = args.next().unwrap_or_else(|| "C00001".into());
    let db = NativeDb(rusqlite::Connection::open(path).unwrap());
    let today = Utc::now().date_naive();
    // As the app does on its first request: an older ledger gains the latest indexes.
    let t = Instant::now();
    settle_store::migrations::migrate(&db, &Utc::now().to_rfc3339()).unwrap();
    println!(
        "{:<40} {:>8.1} ms",
        "migrate",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let time = |name: &str, run: &dyn Fn()| {
        run();
        let t = Instant::now();
        run();
        println!("{name:<40} {:>8.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    };
    let key = ledger::customer(&db, &customer).unwrap().unwrap().key;
    time("list_items (500)", &|| {
        ledger::list_items(
            &db,
            &ItemFilter {
                customer_key: Some(key),
                limit: 500,
                ..Default::default()
            },
            today,
        )
        .unwrap();
    });
    time("customer_totals", &|| {
        console::customer_totals(&db, key, today).unwrap();
    });
    time("live actions", &|| {
        actions::actions(
            &db,
            &ActionFilter {
                customer_key: Some(key),
                state: Some(ActionState::Live),
                limit: 100,
                ..Default::default()
            },
        )
        .unwrap();
    });
    time("scenario, reference, done steps", &|| {
        let s = scenarios::scenario_of(&db, key).unwrap().unwrap();
        scenarios::reference_due(&db, key).unwrap();
        scenarios::done_steps(&db, key, &s.code).unwrap();
    });
    for limit in [20, 50] {
        time(&format!("agenda (first {limit})"), &|| {
            scenarios::agenda(&db, today, &AgendaFilter::default(), 0, limit).unwrap();
        });
    }
    time("agenda (50 from the 5,000th)", &|| {
        scenarios::agenda(&db, today, &AgendaFilter::default(), 5000, 50).unwrap();
    });
    let collector = AgendaFilter {
        collector: Some("collector0".into()),
        ..Default::default()
    };
    time("agenda of collector0 (first 50)", &|| {
        scenarios::agenda(&db, today, &collector, 0, 50).unwrap();
    });
    time("customer_history (30)", &|| {
        console::customer_history(&db, key, 30).unwrap();
    });
    time("new_reply_count", &|| {
        console::new_reply_count(&db, "2026-01-01T00:00:00Z", None).unwrap();
    });
}
