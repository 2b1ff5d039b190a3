//! Crash safety of the real app: `settle-host up` is killed with SIGKILL in the middle of a
//! 100,000-item batch and of concurrent status changes, then restarted. After every kill
//! the database passes SQLite's integrity check, a batch is all or nothing, every
//! acknowledged write is there, and retries with the same `Idempotency-Key` apply nothing
//! twice. `CRASH_ROUNDS` (default 2 per scenario) runs it longer. An event committed with
//! its change but never delivered (killed mid-delivery) is delivered by the next flush, with
//! the same id.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use settle_host::testing::{build_once, workspace_root};

const TOKEN: &str = "crash-admin-token";
const BATCH: usize = 100_000;

struct Host {
    child: Child,
    port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

impl Host {
    fn start(state: &Path) -> Host {
        Host::start_with(state, &[])
    }

    /// With extra `SPIN_VARIABLE_*` settings.
    fn start_with(state: &Path, env: &[(&str, &str)]) -> Host {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_settle-host"))
            .args(["up", "-f"])
            .arg(workspace_root().join("spin.toml"))
            .args(["--listen", &format!("127.0.0.1:{port}"), "--state-dir"])
            .arg(state)
            .arg("--cache-dir")
            .arg(workspace_root().join("target").join("settle-cache"))
            .env("SPIN_VARIABLE_ADMIN_TOKEN", TOKEN)
            .env("SPIN_VARIABLE_LINK_SECRET", "crash-link-secret")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("settle-host starts");
        let host = Host { child, port };
        let started = Instant::now();
        while host.get("/api/v1/health").0 != 200 {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the host did not come up"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        host
    }

    fn kill(mut self) {
        self.child.kill().unwrap(); // SIGKILL: no chance to clean up
        self.child.wait().unwrap();
    }

    fn get(&self, path: &str) -> (u16, Value) {
        match agent()
            .get(format!("http://127.0.0.1:{}{path}", self.port))
            .header("authorization", format!("Bearer {TOKEN}"))
            .call()
        {
            Ok(r) => {
                let status = r.status().as_u16();
                let body = r.into_body().read_to_vec().unwrap_or_default();
                (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
            }
            Err(_) => (0, Value::Null),
        }
    }

    /// POSTs JSON; status 0 when the connection died (the host was killed).
    fn post(port: u16, path: &str, key: &str, body: &str) -> (u16, Value) {
        match agent()
            .post(format!("http://127.0.0.1:{port}{path}"))
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .send(body)
        {
            Ok(r) => {
                let status = r.status().as_u16();
                let body = r.into_body().read_to_vec().unwrap_or_default();
                (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
            }
            Err(_) => (0, Value::Null),
        }
    }
}

fn db(state: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(state.join("sqlite_db.db")).unwrap()
}

fn count(state: &Path, sql: &str) -> i64 {
    db(state).query_row(sql, [], |r| r.get(0)).unwrap()
}

fn integrity(state: &Path) {
    let ok: String = db(state)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

fn state_dir(name: &str) -> PathBuf {
    let d = workspace_root()
        .join("target")
        .join("test-state")
        .join(format!("crash-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn rounds() -> usize {
    std::env::var("CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2)
}

fn seed(host: &Host) {
    let customers: Vec<Value> = (0..20)
        .map(|c| json!({"id": format!("K{c:02}"), "name": format!("Crash {c}"), "entity": "FR01", "currency": "EUR"}))
        .collect();
    let (status, v) = Host::post(
        host.port,
        "/api/v1/erp/customers",
        "seed-customers",
        &json!({"customers": customers}).to_string(),
    );
    assert_eq!(status, 200, "{v}");
}

#[test]
fn a_killed_batch_is_all_or_nothing_and_its_retry_applies_once() {
    build_once(&workspace_root().join("spin.toml"));
    let state = state_dir("batch");
    let mut host = Host::start(&state);
    seed(&host);
    for round in 0..rounds() {
        let items: Vec<Value> = (0..BATCH)
            .map(|i| json!({"id": format!("R{round}-{i:06}"), "customer_id": format!("K{:02}", i % 20),
                            "kind": "invoice", "number": "N", "issue_date": "2025-01-01",
                            "due_date": "2025-02-01", "amount": "10.00", "open_amount": "10.00", "currency": "EUR"}))
            .collect();
        let body = json!({"mode": "delta", "items": items}).to_string();
        let key = format!("batch-{round}");
        let port = host.port;
        let (b, k) = (body.clone(), key.clone());
        let sender = std::thread::spawn(move || Host::post(port, "/api/v1/erp/items", &k, &b));
        // Kill somewhere between receiving the body and committing it.
        std::thread::sleep(Duration::from_millis(300 + 400 * round as u64));
        host.kill();
        let (status, _) = sender.join().unwrap();
        integrity(&state);
        let stored = count(
            &state,
            &format!("SELECT count(*) FROM items WHERE erp_id LIKE 'R{round}-%'"),
        );
        assert!(
            stored == 0 || stored == BATCH as i64,
            "round {round}: a batch must be all or nothing, found {stored} items"
        );
        if status == 200 {
            assert_eq!(stored, BATCH as i64, "acknowledged, so stored");
        }
        host = Host::start(&state);
        let (status, v) = Host::post(host.port, "/api/v1/erp/items", &key, &body);
        assert_eq!(status, 200, "{v}");
        let stored = count(
            &state,
            &format!("SELECT count(*) FROM items WHERE erp_id LIKE 'R{round}-%'"),
        );
        assert_eq!(stored, BATCH as i64, "after the retry, exactly the batch");
        let history = count(
            &state,
            &format!(
                "SELECT count(*) FROM item_history h JOIN items i ON i.id = h.item_id
                 WHERE i.erp_id LIKE 'R{round}-%' AND h.event = 'created'"
            ),
        );
        assert_eq!(history, BATCH as i64, "one creation each, never two");
    }
    host.kill();
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn killed_status_changes_are_kept_or_absent_and_retries_apply_once() {
    build_once(&workspace_root().join("spin.toml"));
    let state = state_dir("changes");
    let mut host = Host::start(&state);
    seed(&host);
    // Each round qualifies items from its own thousand.
    let items: Vec<Value> = (0..1_000 * rounds())
        .map(|i| json!({"id": format!("S{i:05}"), "customer_id": format!("K{:02}", (i / 2) % 20),
                        "kind": "invoice", "number": "N", "issue_date": "2025-01-01",
                        "due_date": "2025-02-01", "amount": "10.00", "open_amount": "10.00", "currency": "EUR"}))
        .collect();
    let (status, v) = Host::post(
        host.port,
        "/api/v1/erp/items",
        "seed-items",
        &json!({"items": items}).to_string(),
    );
    assert_eq!(status, 200, "{v}");
    let mut keys = Vec::new();
    for round in 0..rounds() {
        // Eight writers, each qualifying its own items two at a time, until the kill.
        let port = host.port;
        let writers: Vec<_> = (0..8)
            .map(|w| {
                std::thread::spawn(move || {
                    let mut sent = Vec::new();
                    for n in 0..40 {
                        let i = round * 1000 + w * 100 + n * 2;
                        let key = format!("sc-{round}-{w}-{n}");
                        let body = json!({"item_ids": [format!("S{:05}", i), format!("S{:05}", i + 1)],
                                          "status": "price_dispute", "comment": "crash", "next_action": "suggested"})
                        .to_string();
                        let (status, _) = Host::post(port, "/api/v1/status-changes", &key, &body);
                        sent.push((key, body, status));
                        if status == 0 {
                            break;
                        }
                    }
                    sent
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(700));
        host.kill();
        let sent: Vec<(String, String, u16)> = writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        integrity(&state);
        for (key, _, status) in &sent {
            let stored = count(
                &state,
                &format!("SELECT count(*) FROM idempotency_keys WHERE key = '{key}'"),
            );
            if *status == 201 {
                assert_eq!(stored, 1, "{key} was acknowledged, so it is stored");
            }
        }
        // Every change is whole: each stored status change has its two items and action.
        let broken = count(
            &state,
            "SELECT count(*) FROM status_changes c
             WHERE (SELECT count(*) FROM status_change_items i WHERE i.status_change_id = c.id) != 2
                OR c.action_id IS NULL",
        );
        assert_eq!(broken, 0, "a status change half-written");
        host = Host::start(&state);
        for (key, body, _) in &sent {
            let (status, v) = Host::post(host.port, "/api/v1/status-changes", key, body);
            assert_eq!(status, 201, "{key}: {v}");
        }
        keys.extend(sent.into_iter().map(|(k, _, _)| k));
        assert_eq!(
            count(&state, "SELECT count(*) FROM status_changes"),
            keys.len() as i64,
            "each retried change applied exactly once"
        );
    }
    host.kill();
    let _ = std::fs::remove_dir_all(&state);
}

/// A receiver that holds its first request without answering (the host is killed while it
/// waits), then accepts everything; it records each request's `webhook-id` and body.
/// What a receiver got: each request's `webhook-id` and body.
type Received = std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>;

fn holding_receiver() -> (String, Received) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = log.clone();
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (mut id, mut length) = (String::new(), None);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                let lower = line.to_ascii_lowercase();
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse::<usize>().ok();
                }
                if lower.starts_with("webhook-id:") {
                    id = line["webhook-id:".len()..].trim().to_string();
                }
            }
            // A length, or chunks (size line, data, CRLF) until a zero-size one.
            let body = match length {
                Some(n) => {
                    let mut body = vec![0; n];
                    let _ = reader.read_exact(&mut body);
                    body
                }
                None => {
                    let mut body = Vec::new();
                    loop {
                        let mut size = String::new();
                        if reader.read_line(&mut size).unwrap_or(0) == 0 {
                            break;
                        }
                        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
                        let mut chunk = vec![0; n + 2];
                        if reader.read_exact(&mut chunk).is_err() || n == 0 {
                            break;
                        }
                        body.extend_from_slice(&chunk[..n]);
                    }
                    body
                }
            };
            seen.lock()
                .unwrap()
                .push((id, String::from_utf8_lossy(&body).into_owned()));
            if n == 0 {
                // Hold the connection open, unanswered, past the kill.
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_secs(30));
                    drop(stream);
                });
                continue;
            }
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        }
    });
    (origin, log)
}

#[test]
fn an_event_committed_before_a_kill_is_delivered_by_the_next_flush() {
    build_once(&workspace_root().join("spin.toml"));
    let (origin, received) = holding_receiver();
    let state = state_dir("webhook");
    let env = [("SPIN_VARIABLE_WEBHOOK_ORIGINS", origin.as_str())];
    let host = Host::start_with(&state, &env);
    seed(&host);
    let (status, v) = Host::post(
        host.port,
        "/api/v1/erp/items",
        "seed-items",
        &json!({"mode": "delta", "items": [{"id": "W1", "customer_id": "K00", "kind": "invoice",
            "number": "N-W1", "issue_date": "2025-01-01", "due_date": "2025-02-01",
            "amount": "10.00", "open_amount": "10.00", "currency": "EUR"}]})
        .to_string(),
    );
    assert_eq!(status, 200, "{v}");
    let (status, v) = Host::post(
        host.port,
        "/api/v1/admin/webhooks",
        "subscribe",
        &json!({"url": format!("{origin}/in"), "events": ["dispute.opened"]}).to_string(),
    );
    assert_eq!(status, 201, "{v}");
    // The change commits, then its delivery waits on the receiver: kill the host there.
    let port = host.port;
    let change = std::thread::spawn(move || {
        Host::post(
            port,
            "/api/v1/status-changes",
            "the-change",
            &json!({"item_ids": ["W1"], "status": "price_dispute", "comment": "Wrong price"})
                .to_string(),
        )
    });
    let started = Instant::now();
    while received.lock().unwrap().is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no delivery attempted"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    host.kill();
    assert_eq!(change.join().unwrap().0, 0, "killed before it answered");
    integrity(&state);
    assert_eq!(count(&state, "SELECT count(*) FROM status_changes"), 1);
    assert_eq!(
        count(
            &state,
            "SELECT count(*) FROM webhook_deliveries WHERE state = 'pending' AND attempts = 0"
        ),
        1,
        "committed with the change, never recorded as attempted"
    );
    // The claim of the killed attempt runs out (about 15 s), then the next flush delivers.
    let host = Host::start_with(&state, &env);
    let flush = || Host::post(host.port, "/api/v1/webhooks/flush", "flush", "");
    let (status, v) = flush();
    assert_eq!((status, v["attempted"].as_i64()), (200, Some(0)), "{v}");
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let (status, v) = flush();
        assert_eq!(status, 200, "{v}");
        if v["delivered"] == 1 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(40),
            "never delivered: {v}"
        );
    }
    let got = received.lock().unwrap().clone();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], got[1], "the same id and body");
    assert!(got[0].0.starts_with("evt_"), "{got:?}");
    assert!(got[0].1.contains("\"dispute.opened\""), "{got:?}");
    assert_eq!(
        count(
            &state,
            "SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'"
        ),
        1
    );
    host.kill();
    let _ = std::fs::remove_dir_all(&state);
}
