//! Health component through settle-host vs a native hyper hello-world, at concurrency 1 and 16.
//!
//!     cargo bench -p settle-bench --bench health
//!
//! `SETTLE_BENCH_REQUESTS` sets the requests per run (default 20000).

use settle_bench::{load, row, start_native_hello};
use settle_host::testing::{TestServer, workspace_root};

fn main() {
    let total: usize = std::env::var("SETTLE_BENCH_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), "bench".into());
        c.log_requests = false;
    });
    let native = start_native_hello();
    println!("health through settle-host vs native hyper hello-world ({total} requests per run)");
    for concurrency in [1, 16] {
        let base = load(native, "/", concurrency, total, 200);
        let host = load(server.addr, "/api/v1/health", concurrency, total, 200);
        row(&format!("native hyper, concurrency {concurrency}"), &base);
        row(
            &format!("settle-host health, concurrency {concurrency}"),
            &host,
        );
        println!(
            "{:<40} {:>10.2}x throughput of native, p50 {:.1}x",
            "ratio",
            host.rps() / base.rps(),
            host.p50.as_secs_f64() / base.p50.as_secs_f64()
        );
    }
}
