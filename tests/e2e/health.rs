use crate::support::start;

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
    // A fresh state dir: the database has not been migrated yet (no schema version).
    assert!(v["database"]["schema_version"].is_null(), "{v}");
}

#[test]
fn health_rejects_writes() {
    let s = start();
    let r = s.post_json("/api/v1/health", "{}");
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
    assert_eq!(r.header("content-type"), Some("application/problem+json"));
}

#[test]
fn spin_health_and_unknown_routes() {
    let s = start();
    assert_eq!(s.get("/.well-known/spin/health").text(), "OK");
    assert_eq!(s.get("/api/v1/nope").status, 404);
}
