//! A component built for `wasm32-wasip1` is a core module; settle-host componentizes it on
//! load (with the WASI preview 1 adapter), as Spin does, and it then serves like any other.

use std::path::PathBuf;

use serde_json::json;
use settle_host::testing::TestServer;

#[test]
fn a_wasip1_core_module_is_componentized_and_serves() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/spin-p1.toml");
    let source = manifest
        .parent()
        .unwrap()
        .join("../../../target/wasm/wasm32-wasip1/wasm/settle_host_fixture.wasm");
    let s = TestServer::start(&manifest, |_| {});
    // The build produced a core module, not a component: the host did the conversion.
    let bytes = std::fs::read(&source).unwrap();
    assert!(
        wasmparser::Parser::is_core_wasm(&bytes),
        "expected a core module"
    );

    let r = s.get("/fixture/var/message");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["value"], "hi");
    // WASI preview 1 imports reach the host's SQLite and key-value store through the adapter.
    let body = json!({"version": 1, "statements": [{"sql": "SELECT 40 + 2"}]}).to_string();
    let r = s.post_json("/fixture/sqlite", &body);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("42"), "{}", r.text());
    let echo = s.request("POST", "/fixture/echo", &[], b"payload");
    assert_eq!(echo.status, 200);
}
