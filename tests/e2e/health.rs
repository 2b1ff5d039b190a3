use crate::support::{ADMIN_TOKEN, get, start};

#[test]
fn health_reports_app_version_and_database() {
    let s = start();
    let r = s.get("/api/v1/health");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    assert_eq!(v["name"], "settle");
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["status"], "ok");
    assert_eq!(v["database"]["reachable"], true);
    // A fresh state dir: not migrated until a component that uses the ledger runs.
    assert!(v["database"]["schema_version"].is_null(), "{v}");
    assert_eq!(get(&s, "/api/v1/items", ADMIN_TOKEN).status, 200);
    let v = s.get("/api/v1/health").json();
    assert_eq!(
        v["database"]["schema_version"],
        settle_store::migrations::latest_version()
    );
}

#[test]
fn health_rejects_writes() {
    let s = start();
    let r = s.post_json("/api/v1/health", "{}");
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
    assert_eq!(r.header("content-type"), Some("application/problem+json"));
    let p = r.json();
    assert_eq!(p["type"], "/problems/method-not-allowed", "{p}");
    assert_eq!(p["status"], 405);
}

#[test]
fn spin_health_and_unknown_routes() {
    let s = start();
    assert_eq!(s.get("/.well-known/spin/health").text(), "OK");
    assert_eq!(s.get("/api/v1/nope").status, 404);
}

/// Every component of `spin.toml` stays under the 2 MB budget (2 MiB): the console's
/// components are within kilobytes of it, so a catalogue or email added in the wrong place
/// fails here, not at deploy time.
#[test]
fn every_component_stays_under_two_megabytes() {
    let _built = start();
    let manifest = settle_host::manifest::Manifest::load(
        &settle_host::testing::workspace_root().join("spin.toml"),
    )
    .unwrap();
    let mut sizes = Vec::new();
    for (name, c) in &manifest.components {
        let path = &c.source;
        let bytes = std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{name}: {}: {e}", path.display()))
            .len();
        sizes.push((name.clone(), bytes));
    }
    assert!(sizes.len() >= 16, "{sizes:?}");
    let over: Vec<_> = sizes
        .iter()
        .filter(|(_, b)| *b >= 2 * 1024 * 1024)
        .collect();
    assert!(over.is_empty(), "over 2 MiB: {over:?}");
}
