//! settle-host against a real spin-sdk 5.2 component (`tests/fixture`), built for
//! wasm32-wasip2 by the manifest's build command on first use.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use settle_host::testing::TestServer;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/spin.toml")
}

fn start() -> TestServer {
    TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_SECRET_TOKEN".into(), "s3cret".into());
    })
}

/// One server shared by the tests that do not need their own state or limits.
fn shared() -> &'static TestServer {
    static S: OnceLock<TestServer> = OnceLock::new();
    S.get_or_init(start)
}

fn sql(server: &TestServer, prefix: &str, version: u8, statements: Value) -> Value {
    let body = json!({"version": version, "statements": statements}).to_string();
    let r = server.post_json(&format!("{prefix}/sqlite"), &body);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

#[test]
fn health_endpoint_answers_before_routes() {
    let r = shared().get("/.well-known/spin/health");
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), "OK");
}

#[test]
fn unrouted_path_is_404() {
    assert_eq!(shared().get("/nowhere").status, 404);
    assert_eq!(shared().get("/").status, 404);
}

#[test]
fn route_precedence_and_spin_headers() {
    let s = shared();
    let r = s.get("/route/exact?x=1").json();
    let h = &r["headers"];
    assert_eq!(h["spin-matched-route"], "/route/exact");
    assert_eq!(h["spin-raw-component-route"], "/route/exact");
    assert_eq!(h["spin-component-route"], "/route/exact");
    assert_eq!(h["spin-path-info"], "");
    assert_eq!(h["spin-base-path"], "/");
    assert_eq!(
        h["spin-full-url"],
        format!("http://{}/route/exact?x=1", s.addr)
    );
    let client = h["spin-client-addr"].as_str().unwrap();
    assert!(client.starts_with("127.0.0.1:"), "{client}");
    // The guest sees the original path and query.
    assert_eq!(r["path"], "/route/exact");
    assert_eq!(r["query"], "x=1");

    let r = s.get("/route/42").json();
    assert_eq!(r["headers"]["spin-matched-route"], "/route/:id");
    assert_eq!(r["headers"]["spin-path-match-id"], "42");

    let r = s.get("/route/1/b/2").json();
    assert_eq!(r["headers"]["spin-matched-route"], "/route/:a/b/:c");
    assert_eq!(r["headers"]["spin-path-match-a"], "1");
    assert_eq!(r["headers"]["spin-path-match-c"], "2");

    // Spin names the header of `:path_segment` with hyphens.
    let r = s.get("/segments/abc").json();
    assert_eq!(r["headers"]["spin-path-match-path-segment"], "abc");
    assert!(r["headers"].get("spin-path-match-path_segment").is_none());

    let r = s.get("/route/x/y/z").json();
    assert_eq!(r["headers"]["spin-matched-route"], "/route/...");
    assert_eq!(r["headers"]["spin-component-route"], "/route");
    assert_eq!(r["headers"]["spin-path-info"], "/x/y/z");
    assert_eq!(r["path"], "/route/x/y/z");

    // Client headers pass through.
    let r = s
        .request("GET", "/fixture/whatever", &[("x-custom", "yes")], &[])
        .json();
    assert_eq!(r["headers"]["x-custom"], "yes");
    assert_eq!(r["method"], "GET");
}

#[test]
fn three_megabyte_body_round_trips() {
    let body: Vec<u8> = (0..3 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    let r = shared().request("POST", "/fixture/echo", &[], &body);
    assert_eq!(r.status, 200);
    assert_eq!(r.body.len(), body.len());
    assert!(r.body == body, "echoed body differs");
}

#[test]
fn sqlite_v2_every_value_type() {
    let s = start();
    let r = sql(
        &s,
        "/fixture",
        2,
        json!([
            {"sql": "CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)"},
            {"sql": "INSERT INTO t VALUES (?, ?, ?, ?, ?)", "params": [-5, {"real": 1.5}, "héllo", {"blob": [0, 1, 255]}, null]},
            {"sql": "SELECT i, r, s, b, n FROM t"},
        ]),
    );
    let rows = &r["results"][2];
    assert_eq!(rows["columns"], json!(["i", "r", "s", "b", "n"]));
    assert_eq!(
        rows["rows"],
        json!([[{"integer": -5}, {"real": 1.5}, {"text": "héllo"}, {"blob": [0, 1, 255]}, null]])
    );
}

#[test]
fn sqlite_v3_last_insert_rowid_and_changes() {
    let s = start();
    let r = sql(
        &s,
        "/fixture",
        3,
        json!([
            {"sql": "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"},
            {"sql": "INSERT INTO t (v) VALUES (?), (?), (?)", "params": ["a", "b", "c"]},
            {"sql": "UPDATE t SET v = 'z' WHERE id >= ?", "params": [2]},
            {"sql": "SELECT count(*) AS n FROM t"},
        ]),
    );
    assert_eq!(r["results"][1]["last_insert_rowid"], 3);
    assert_eq!(r["results"][1]["changes"], 3);
    assert_eq!(r["results"][2]["changes"], 2);
    assert_eq!(r["results"][3]["rows"], json!([[{"integer": 3}]]));
}

#[test]
fn sqlite_transactions_roll_back_and_persist_across_requests() {
    let s = start();
    sql(
        &s,
        "/fixture",
        2,
        json!([{"sql": "CREATE TABLE t (v INTEGER)"}]),
    );
    sql(
        &s,
        "/fixture",
        2,
        json!([
            {"sql": "BEGIN"},
            {"sql": "INSERT INTO t VALUES (1)"},
            {"sql": "ROLLBACK"},
            {"sql": "BEGIN"},
            {"sql": "INSERT INTO t VALUES (2)"},
            {"sql": "COMMIT"},
        ]),
    );
    let r = sql(&s, "/fixture", 2, json!([{"sql": "SELECT v FROM t"}]));
    assert_eq!(r["results"][0]["rows"], json!([[{"integer": 2}]]));
    // The database lives where Spin keeps it.
    assert!(s.state_dir.join("sqlite_db.db").exists());
}

#[test]
fn sqlite_rejects_multiple_statements_with_io_error() {
    let s = start();
    let r = sql(
        &s,
        "/fixture",
        2,
        json!([
            {"sql": "CREATE TABLE a (x); CREATE TABLE b (y)"},
            {"sql": "SELECT count(*) FROM sqlite_master"},
        ]),
    );
    let err = r["results"][0]["error"].as_str().unwrap();
    assert!(
        err.starts_with("Error::Io(") && err.contains("multiple statements"),
        "{err}"
    );
    assert_eq!(
        r["results"][1]["rows"],
        json!([[{"integer": 0}]]),
        "nothing ran"
    );
    let r = sql(&s, "/fixture", 3, json!([{"sql": "SELECT 1; SELECT 2"}]));
    assert!(
        r["results"][0]["error"]
            .as_str()
            .unwrap()
            .contains("multiple statements")
    );
}

#[test]
fn sqlite_errors_are_io() {
    let r = sql(
        shared(),
        "/fixture",
        2,
        json!([{"sql": "SELECT * FROM no_such_table"}]),
    );
    let err = r["results"][0]["error"].as_str().unwrap();
    assert!(
        err.starts_with("Error::Io(") && err.contains("no_such_table"),
        "{err}"
    );
}

#[test]
fn access_denied_for_unlisted_databases_and_stores() {
    let s = shared();
    let body = json!({"version": 2, "statements": []}).to_string();
    assert_eq!(
        s.post_json("/locked/sqlite", &body).json()["open_error"],
        "Error::AccessDenied"
    );
    let body = json!({"version": 3, "statements": []}).to_string();
    assert_eq!(
        s.post_json("/locked/sqlite", &body).json()["open_error"],
        "Error::AccessDenied"
    );
    // Even a label that does not exist is access-denied, not no-such-database.
    let body = json!({"version": 2, "db": "elsewhere", "statements": []}).to_string();
    assert_eq!(
        s.post_json("/fixture/sqlite", &body).json()["open_error"],
        "Error::AccessDenied"
    );
    let body = json!({"store": "default", "ops": []}).to_string();
    assert_eq!(
        s.post_json("/locked/kv", &body).json()["open_error"],
        "Error::AccessDenied"
    );
    let body = json!({"store": "elsewhere", "ops": []}).to_string();
    assert_eq!(
        s.post_json("/fixture/kv", &body).json()["open_error"],
        "Error::AccessDenied"
    );
}

#[test]
fn key_value_semantics() {
    let s = start();
    let ops = json!({"store": "default", "ops": [
        {"op": "get", "key": "a"},
        {"op": "set", "key": "a", "value": "1"},
        {"op": "set", "key": "b", "value": "2"},
        {"op": "set", "key": "a", "value": "3"},
        {"op": "get", "key": "a"},
        {"op": "exists", "key": "b"},
        {"op": "delete", "key": "b"},
        {"op": "delete", "key": "never-there"},
        {"op": "exists", "key": "b"},
        {"op": "keys"},
    ]});
    let r = s.post_json("/fixture/kv", &ops.to_string()).json();
    let ok: Vec<Value> = r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["ok"].clone())
        .collect();
    assert_eq!(
        ok,
        vec![
            json!(null),
            json!(null),
            json!(null),
            json!(null),
            json!("3"),
            json!(true),
            json!(null),
            json!(null),
            json!(false),
            json!(["a"])
        ]
    );
    // Spin's file and table layout.
    let db = rusqlite::Connection::open(s.state_dir.join("sqlite_key_value.db")).unwrap();
    let v: Vec<u8> = db
        .query_row(
            "SELECT value FROM spin_key_value WHERE store = 'default' AND key = 'a'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(v, b"3");
}

#[test]
fn variables_defaults_templates_overrides_and_errors() {
    let s = shared();
    assert_eq!(
        s.get("/fixture/var/message").json()["value"],
        "hello, world"
    );
    assert_eq!(s.get("/fixture/var/token").json()["value"], "s3cret");
    let e = s.get("/fixture/var/unknown_name").json();
    assert!(
        e["error"].as_str().unwrap().starts_with("Error::Undefined"),
        "{e}"
    );
    let e = s.get("/fixture/var/Bad-Name").json();
    assert!(
        e["error"]
            .as_str()
            .unwrap()
            .starts_with("Error::InvalidName"),
        "{e}"
    );
    // An app variable that is not mapped into the component is undefined for it.
    let e = s.get("/fixture/var/greeting").json();
    assert!(
        e["error"].as_str().unwrap().starts_with("Error::Undefined"),
        "{e}"
    );

    let overridden = TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_SECRET_TOKEN".into(), "x".into());
        c.env
            .insert("SPIN_VARIABLE_GREETING".into(), "bonjour".into());
    });
    assert_eq!(
        overridden.get("/fixture/var/message").json()["value"],
        "bonjour, world"
    );
}

#[test]
fn missing_required_variable_fails_at_load() {
    let manifest = settle_host::Manifest::load(&manifest()).unwrap();
    let dir = std::env::temp_dir().join(format!("settle-host-novar-{}", std::process::id()));
    let mut config = settle_host::HostConfig::new(&dir);
    config.env.clear();
    let err = settle_host::App::load(manifest, config)
        .err()
        .expect("load fails");
    assert!(
        format!("{err:#}").contains("SPIN_VARIABLE_SECRET_TOKEN"),
        "{err:#}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// A one-shot HTTP server on loopback answering every request with `status` and `body`.
fn tiny_server(status: u16, body: &'static str) -> std::net::SocketAddr {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    addr
}

#[test]
fn outbound_http_allowed_and_denied() {
    let s = shared();
    let addr = tiny_server(200, "pong");
    let r = s
        .get(&format!("/fixture/outbound?url=http://{addr}/ping"))
        .json();
    assert_eq!(r["status"], 200, "{r}");
    assert_eq!(r["body"], "pong");
    // The locked component lists no outbound hosts.
    let r = s
        .get(&format!("/locked/outbound?url=http://{addr}/ping"))
        .json();
    assert!(
        r["error"].as_str().unwrap().contains("HttpRequestDenied"),
        "{r}"
    );
    // Not in the allowed list (https, other host).
    let r = s.get("/fixture/outbound?url=https://example.com/").json();
    assert!(
        r["error"].as_str().unwrap().contains("HttpRequestDenied"),
        "{r}"
    );
}

#[test]
fn component_environment_reaches_the_guest() {
    assert_eq!(
        shared().get("/fixture/env/FIXTURE_ENV").json()["value"],
        "set"
    );
    assert_eq!(
        shared().get("/locked/env/FIXTURE_ENV").json()["value"],
        Value::Null
    );
}

#[test]
fn trapping_guest_gets_500_and_host_keeps_serving() {
    let s = shared();
    let r = s.get("/fixture/trap");
    assert_eq!(r.status, 500);
    assert_eq!(s.get("/.well-known/spin/health").status, 200);
    assert_eq!(s.get("/route/exact").status, 200);
}

#[test]
fn looping_guest_is_interrupted_and_others_are_served_meanwhile() {
    let s = TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_SECRET_TOKEN".into(), "x".into());
        c.request_timeout = Duration::from_secs(2);
    });
    let addr = s.addr;
    let looping = std::thread::spawn(move || {
        let start = Instant::now();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let status = agent
            .get(format!("http://{addr}/fixture/loop"))
            .call()
            .unwrap()
            .status()
            .as_u16();
        (status, start.elapsed())
    });
    std::thread::sleep(Duration::from_millis(300));
    // While the loop spins, other requests are answered.
    let t = Instant::now();
    assert_eq!(s.get("/route/exact").status, 200);
    assert!(
        t.elapsed() < Duration::from_secs(1),
        "starved: {:?}",
        t.elapsed()
    );
    let (status, took) = looping.join().unwrap();
    assert_eq!(status, 500);
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(10),
        "{took:?}"
    );
    assert_eq!(s.get("/route/exact").status, 200);
}

#[test]
fn memory_hog_hits_the_limit_and_gets_500() {
    let s = TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_SECRET_TOKEN".into(), "x".into());
        c.memory_limit = 64 * 1024 * 1024;
    });
    assert_eq!(s.get("/fixture/oom").status, 500);
    assert_eq!(s.get("/route/exact").status, 200);
}

#[test]
fn beyond_instance_capacity_answers_503() {
    let s = TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_SECRET_TOKEN".into(), "x".into());
        c.max_instances = 1;
        c.request_timeout = Duration::from_secs(2);
    });
    let addr = s.addr;
    let busy = std::thread::spawn(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        agent
            .get(format!("http://{addr}/fixture/loop"))
            .call()
            .unwrap()
            .status()
            .as_u16()
    });
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(s.get("/route/exact").status, 503);
    assert_eq!(busy.join().unwrap(), 500);
    assert_eq!(s.get("/route/exact").status, 200);
}

#[test]
fn concurrent_requests_are_served() {
    let s = shared();
    let addr = s.addr;
    let handles: Vec<_> = (0..16)
        .map(|i| {
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .into();
                let r = agent
                    .get(format!("http://{addr}/route/{i}"))
                    .call()
                    .unwrap();
                let body = r.into_body().read_to_string().unwrap();
                let v: Value = serde_json::from_str(&body).unwrap();
                v["headers"]["spin-path-match-id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), i.to_string());
    }
}

#[test]
fn compiled_components_are_cached() {
    let cache = settle_host::testing::workspace_root()
        .join("target/test-state")
        .join(format!("cache-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    let with_cache = |c: &mut settle_host::HostConfig| {
        c.env
            .insert("SPIN_VARIABLE_SECRET_TOKEN".into(), "x".into());
        c.cache_dir = Some(cache.clone());
    };
    let first = TestServer::start(&manifest(), with_cache);
    assert_eq!(
        first.app.components_from_cache(),
        vec![("fixture", false), ("locked", true)]
    );
    let entries: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(entries.iter().any(|n| n.ends_with(".cwasm")), "{entries:?}");
    drop(first);
    // A restart reads every component from the cache and still serves.
    let again = TestServer::start(&manifest(), with_cache);
    assert_eq!(
        again.app.components_from_cache(),
        vec![("fixture", true), ("locked", true)]
    );
    assert_eq!(again.get("/route/exact").status, 200);
    let _ = std::fs::remove_dir_all(&cache);
}

#[test]
fn missing_wasm_says_to_build() {
    let dir = std::env::temp_dir().join(format!("settle-host-nowasm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "spin_manifest_version = 2\n[application]\nname = \"x\"\n[[trigger.http]]\nroute = \"/...\"\ncomponent = \"c\"\n[component.c]\nsource = \"missing.wasm\"\n";
    std::fs::write(dir.join("spin.toml"), text).unwrap();
    let m = settle_host::Manifest::load(&dir.join("spin.toml")).unwrap();
    let err = settle_host::App::load(m, settle_host::HostConfig::new(dir.join(".spin")))
        .err()
        .unwrap();
    assert!(format!("{err:#}").contains("--build"), "{err:#}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn port_in_use_is_explained() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let err = rt
        .block_on(settle_host::server::bind(addr))
        .expect_err("bind fails");
    assert!(
        err.to_string().contains("already in use") && err.to_string().contains("--listen"),
        "{err}"
    );
}

#[test]
fn bad_manifest_names_the_field() {
    let dir = std::env::temp_dir().join(format!("settle-host-badmanifest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("spin.toml");
    std::fs::write(
        &path,
        "spin_manifest_version = 2\n[application]\nname = \"x\"\nnmae = \"typo\"\n",
    )
    .unwrap();
    let err = settle_host::Manifest::load(&path).unwrap_err();
    let text = format!("{err:#}");
    assert!(
        text.contains("nmae") && text.contains("spin.toml"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

// ---- hostile clients ----

use std::io::{Read, Write};
use std::net::TcpStream;

fn limited(configure: impl FnOnce(&mut settle_host::HostConfig)) -> TestServer {
    TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_SECRET_TOKEN".into(), "x".into());
        configure(c);
    })
}

/// Sends raw bytes on a new connection and reads what comes back until the server closes
/// or `wait` passes.
fn raw(addr: std::net::SocketAddr, bytes: &[u8], wait: Duration) -> String {
    let mut c = TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(wait)).unwrap();
    c.write_all(bytes).unwrap();
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn an_oversized_body_is_refused_before_it_is_read() {
    let s = limited(|c| c.max_body = 1024 * 1024);
    // Declared too large: refused at once, nothing of the body sent.
    let head = format!(
        "POST /fixture/echo HTTP/1.1\r\nhost: x\r\ncontent-length: {}\r\n\r\n",
        200 * 1024 * 1024
    );
    let answer = raw(s.addr, head.as_bytes(), Duration::from_secs(5));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("/problems/body-too-large"), "{answer}");
    // Chunked: refused when the running count passes the limit. Just over it, so the client
    // has written the whole body before the server answers and closes (with 2 MB the client
    // could still be writing and get a broken pipe instead of the 413).
    let big = vec![b'x'; 1024 * 1024 + 16 * 1024];
    let r = s.request(
        "POST",
        "/fixture/echo",
        &[("transfer-encoding", "chunked")],
        &big,
    );
    assert_eq!(r.status, 413);
    // Within the limit, bodies still round-trip.
    let r = s.request("POST", "/fixture/echo", &[], &big[..1000]);
    assert_eq!(r.status, 200);
}

#[test]
fn a_malformed_chunked_body_gets_a_plain_problem() {
    let s = limited(|_| {});
    let answer = raw(
        s.addr,
        b"POST /fixture/echo HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nZZZ\r\nhello\r\n0\r\n\r\n",
        Duration::from_secs(5),
    );
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("/problems/malformed-request"), "{answer}");
    for leak in ["hyper", "Error", "backtrace", "chunk size"] {
        assert!(!answer.contains(leak), "{leak} in {answer}");
    }
}

#[test]
fn slow_clients_time_out_without_holding_instances() {
    let s = limited(|c| {
        c.max_instances = 2;
        c.body_timeout = Duration::from_secs(2);
        c.header_timeout = Duration::from_secs(2);
    });
    let addr = s.addr;
    // Ten clients announce a body and send it a byte at a time, too slowly.
    let slow: Vec<_> = (0..10)
        .map(|_| {
            std::thread::spawn(move || {
                let mut c = TcpStream::connect(addr).unwrap();
                c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                c.write_all(
                    b"POST /fixture/echo HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n",
                )
                .unwrap();
                let mut out = Vec::new();
                for _ in 0..5 {
                    if c.write_all(b"x").is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(700));
                }
                let _ = c.read_to_end(&mut out);
                String::from_utf8_lossy(&out).into_owned()
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // Meanwhile everyone else is served: the slow bodies hold no instance.
    for _ in 0..5 {
        assert_eq!(s.get("/route/exact").status, 200);
    }
    for t in slow {
        let answer = t.join().unwrap();
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    }
    // Headers that never finish: the connection is closed.
    let started = Instant::now();
    let answer = raw(
        addr,
        b"GET /route/exact HTTP/1.1\r\nhost",
        Duration::from_secs(10),
    );
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "closed by the header timeout"
    );
    assert!(!answer.contains("200 OK"), "{answer}");
}

#[test]
fn idle_keep_alive_connections_are_closed() {
    let s = limited(|c| c.header_timeout = Duration::from_secs(1));
    let mut c = TcpStream::connect(s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    c.write_all(b"GET /route/exact HTTP/1.1\r\nhost: x\r\n\r\n")
        .unwrap();
    let mut buf = [0u8; 4096];
    let n = c.read(&mut buf).unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    // Kept alive, then left idle: the server closes it (a read sees the end).
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = c.read_to_end(&mut rest);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "idle connection still open after {:?}",
        started.elapsed()
    );
}

#[test]
fn link_tokens_never_reach_the_request_log() {
    use settle_host::runtime::redact_path;
    assert_eq!(redact_path("/r/eyJsaWQiOjF9.c2ln"), "/r/[token]");
    assert_eq!(redact_path("/c/abc.def/comments"), "/c/[token]/comments");
    assert_eq!(redact_path("/api/v1/items"), "/api/v1/items");
}
