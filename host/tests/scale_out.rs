//! Several instances behind one address, as the README's scale-out setup runs them: one real
//! Redis (Debian's `redis-server`, on a free port) for the key-value store, three
//! `settle-host up` processes on one SQLite file (write-ahead log, several processes), all
//! reading one Spin runtime config, and a client that spreads its requests over them (a
//! load balancer's round robin, skipping an instance that stopped answering).
//!
//! Checked: sessions, sign-out, sign-in throttling, webhook replays and attachments are
//! shared through Redis; 3,000 mixed requests at concurrency 32 give no 5xx and every
//! acknowledged write exactly once, with one instance killed (SIGKILL) mid-run.
//! `SCALE_TOTAL` resizes the load.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use settle_domain::auth::sign_webhook;
use settle_host::testing::{RedisServer, build_once, workspace_root};

const TOKEN: &str = "scale-admin-token";
const WEBHOOK_SECRET: &str = "scale-webhook-secret";
const PASSWORD: &str = "a long enough passphrase";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[derive(Debug, Clone)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request; `None` when the instance does not answer (connection refused or reset).
fn send(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<Resp> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .max_redirects(0)
        .build()
        .into();
    let mut b = ureq::http::Request::builder()
        .method(method)
        .uri(format!("http://127.0.0.1:{port}{path}"));
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let r = agent.run(b.body(body.to_vec()).unwrap()).ok()?;
    let status = r.status().as_u16();
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = r.into_body().read_to_vec().ok()?;
    Some(Resp {
        status,
        headers,
        body,
    })
}

struct Instance {
    child: Child,
    port: u16,
}

/// Redis, the runtime config, and three instances on one database file.
struct Cluster {
    _redis: RedisServer,
    instances: Vec<Instance>,
    dir: PathBuf,
}

impl Cluster {
    fn start(n: usize) -> Cluster {
        build_once(&workspace_root().join("spin.toml"));
        let redis = RedisServer::start();
        let dir = workspace_root()
            .join("target")
            .join("test-state")
            .join(format!("scale-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("runtime-config.toml");
        std::fs::write(
            &config,
            format!(
                "[key_value_store.default]\ntype = \"redis\"\nurl = \"{}\"\n\n\
                 [sqlite_database.default]\ntype = \"spin\"\npath = \"shared/sqlite_db.db\"\n",
                redis.url
            ),
        )
        .unwrap();
        let instances = (0..n).map(|i| start_instance(&dir, i)).collect();
        Cluster {
            _redis: redis,
            instances,
            dir,
        }
    }

    fn port(&self, i: usize) -> u16 {
        self.instances[i].port
    }

    fn api(&self, i: usize, method: &str, path: &str, body: &Value) -> Resp {
        let auth = format!("Bearer {TOKEN}");
        let bytes = if body.is_null() {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        send(
            self.port(i),
            method,
            path,
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
            ],
            &bytes,
        )
        .expect("the instance answers")
    }

    fn db(&self) -> rusqlite::Connection {
        let c = rusqlite::Connection::open(self.dir.join("shared").join("sqlite_db.db")).unwrap();
        c.busy_timeout(Duration::from_secs(10)).unwrap();
        c
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for i in &mut self.instances {
            let _ = i.child.kill();
            let _ = i.child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start_instance(dir: &Path, i: usize) -> Instance {
    let port = free_port();
    let state = dir.join(format!("instance-{i}"));
    // Each instance's log (its requests, and what answered 5xx and why) outlives the run:
    // target/scale-out/instance-<i>.log.
    let logs = workspace_root().join("target").join("scale-out");
    std::fs::create_dir_all(&logs).unwrap();
    let log = std::fs::File::create(logs.join(format!("instance-{i}.log"))).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_settle-host"))
        .args(["up", "-f"])
        .arg(workspace_root().join("spin.toml"))
        .args(["--listen", &format!("127.0.0.1:{port}"), "--state-dir"])
        .arg(&state)
        .arg("--cache-dir")
        .arg(workspace_root().join("target").join("settle-cache"))
        .arg("--runtime-config-file")
        .arg(dir.join("runtime-config.toml"))
        .env("SPIN_VARIABLE_ADMIN_TOKEN", TOKEN)
        .env("SPIN_VARIABLE_LINK_SECRET", "scale-link-secret")
        .env("SPIN_VARIABLE_ERP_WEBHOOK_SECRET", WEBHOOK_SECRET)
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("settle-host starts");
    let started = Instant::now();
    while send(port, "GET", "/api/v1/health", &[], b"").map(|r| r.status) != Some(200) {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "instance {i} did not come up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Instance { child, port }
}

/// A browser: its cookies, sent to whichever instance it reaches.
#[derive(Default)]
struct Browser {
    cookies: BTreeMap<String, String>,
}

impl Browser {
    fn request(&mut self, port: u16, method: &str, path: &str, form: &[(&str, &str)]) -> Resp {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let body: Vec<String> = form
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}={}",
                    form_urlencoded::byte_serialize(k.as_bytes()).collect::<String>(),
                    form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
                )
            })
            .collect();
        let r = send(
            port,
            method,
            path,
            &[
                ("cookie", &cookie),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            body.join("&").as_bytes(),
        )
        .expect("answered");
        for (k, v) in &r.headers {
            if !k.eq_ignore_ascii_case("set-cookie") {
                continue;
            }
            let pair = v.split(';').next().unwrap_or("");
            if let Some((name, value)) = pair.split_once('=') {
                if value.is_empty() || v.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.into(), value.into());
                }
            }
        }
        r
    }

    fn sign_in(&mut self, port: u16, email: &str, password: &str) -> Resp {
        let form = self.request(port, "GET", "/app/sign-in", &[]);
        let token = field(&form.text(), "form_token");
        self.request(
            port,
            "POST",
            "/app/sign-in",
            &[
                ("form_token", &token),
                ("email", email),
                ("password", password),
                ("next", "/app/customers"),
            ],
        )
    }
}

fn field(html: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = html
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {html}"))
        + key.len();
    html[at..].chars().take_while(|c| *c != '"').collect()
}

fn seed(c: &Cluster) {
    let r = c.api(
        0,
        "POST",
        "/api/v1/erp/customers",
        &json!({"customers": (0..40).map(|i| json!({"id": format!("S{i:02}"), "name": format!("Scale {i}"),
            "entity": "FR01", "currency": "EUR", "email": format!("ap{i}@scale.example")})).collect::<Vec<_>>()}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let items: Vec<Value> = (0..40 * 20)
        .map(|i| {
            json!({"id": format!("S{:02}-{i:04}", i / 20), "customer_id": format!("S{:02}", i / 20),
                   "kind": "invoice", "number": format!("F{i}"), "issue_date": "2026-01-01",
                   "due_date": "2026-02-01", "amount": "100.00", "open_amount": "100.00", "currency": "EUR"})
        })
        .collect();
    let r = c.api(
        1,
        "POST",
        "/api/v1/erp/items",
        &json!({"mode": "delta", "items": items}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let r = c.api(
        2,
        "POST",
        "/api/v1/admin/resolvers",
        &json!({"name": "Sam Sales", "email": "sam@scale.example", "role": "sales"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = c.api(
        0,
        "POST",
        "/api/v1/admin/users",
        &json!({"name": "Alice", "email": "alice@scale.example", "role": "collector",
                "language": "en", "password": PASSWORD}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
}

#[test]
fn three_instances_share_sessions_throttles_webhooks_files_and_hold_under_load() {
    let mut c = Cluster::start(3);
    seed(&c);

    // A session opened on one instance works on the others; signing out on one ends it
    // everywhere.
    let mut alice = Browser::default();
    assert_eq!(
        alice
            .sign_in(c.port(0), "alice@scale.example", PASSWORD)
            .status,
        303
    );
    for i in 0..3 {
        let r = alice.request(c.port(i), "GET", "/app/customers", &[]);
        assert_eq!(r.status, 200, "instance {i}: {}", r.text());
    }
    let page = alice.request(c.port(1), "GET", "/app/customers", &[]);
    let token = field(&page.text(), "form_token");
    let r = alice.request(
        c.port(1),
        "POST",
        "/app/sign-out",
        &[("form_token", &token)],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    for i in 0..3 {
        let r = alice.request(c.port(i), "GET", "/app/customers", &[]);
        assert_eq!(r.status, 303, "instance {i} still knows the session");
    }

    // Sign-in failures count across instances: five failures spread over the three, and the
    // sixth attempt, on any of them, waits.
    let mut mallory = Browser::default();
    for k in 0..5 {
        let r = mallory.sign_in(c.port(k % 3), "alice@scale.example", "wrong guess");
        assert_eq!(r.status, 401, "attempt {k}: {}", r.text());
    }
    let r = mallory.sign_in(c.port(2), "alice@scale.example", PASSWORD);
    assert_eq!(r.status, 429, "{}", r.text());
    assert!(r.header("retry-after").is_some());

    // A signed webhook delivery replayed to another instance is refused.
    let body = json!({"customers": [{"id": "W1", "name": "Webhook", "entity": "FR01", "currency": "EUR"}]})
        .to_string();
    let sig = sign_webhook(
        WEBHOOK_SECRET.as_bytes(),
        chrono::Utc::now().timestamp(),
        body.as_bytes(),
    );
    let deliver = |i: usize| {
        send(
            c.port(i),
            "POST",
            "/api/v1/erp/customers",
            &[
                ("content-type", "application/json"),
                ("x-settle-signature", &sig),
            ],
            body.as_bytes(),
        )
        .unwrap()
    };
    assert_eq!(deliver(0).status, 200);
    let replay = deliver(2);
    assert_eq!(replay.status, 409, "{}", replay.text());
    assert_eq!(replay.json()["type"], "/problems/webhook-replayed");

    // A resolver's file uploaded through one instance downloads through another.
    let r = c.api(
        0,
        "POST",
        "/api/v1/status-changes",
        &json!({"item_ids": ["S01-0020"], "status": "price_dispute", "comment": "wrong price",
                "resolver_id": 1, "next_action": "suggested"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let change = r.json()["status_change_id"].as_i64().unwrap();
    let r = c.api(
        1,
        "POST",
        "/api/v1/emails",
        &json!({"template": "resolver_dispute", "status_change_id": change}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let html = r.json()["html"].as_str().unwrap().to_string();
    let at = html.find("/r/").unwrap();
    let link: String = html[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        .collect();
    let page = send(c.port(2), "GET", &link, &[], b"").unwrap();
    assert_eq!(page.status, 200, "{}", page.text());
    let form_token = field(&page.text(), "form_token");
    let mut pdf = b"%PDF-1.4 scale-out".to_vec();
    pdf.resize(4096, b'x');
    let b = "----scaleboundary";
    let mut body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"form_token\"\r\n\r\n{form_token}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&pdf);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    let ct = format!("multipart/form-data; boundary={b}");
    let r = send(
        c.port(2),
        "POST",
        &format!("{link}/attachments"),
        &[("content-type", &ct)],
        &body,
    )
    .unwrap();
    assert_eq!(r.status, 303, "{}", r.text());
    let page = send(c.port(0), "GET", &link, &[], b"").unwrap().text();
    let at = page.find("/attachments/").expect("a download link") + "/attachments/".len();
    let id: String = page[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let file = send(
        c.port(0),
        "GET",
        &format!("{link}/attachments/{id}"),
        &[],
        b"",
    )
    .unwrap();
    assert_eq!(file.status, 200, "{}", file.text());
    assert_eq!(file.body, pdf, "the bytes stored through instance 2");

    // Load across the three, one of them killed mid-run.
    let total: usize = std::env::var("SCALE_TOTAL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000);
    let concurrency = 32;
    let ports: Arc<Vec<u16>> = Arc::new(c.instances.iter().map(|i| i.port).collect());
    let dead: Arc<Vec<AtomicBool>> = Arc::new((0..3).map(|_| AtomicBool::new(false)).collect());
    let done = Arc::new(AtomicUsize::new(0));
    let barrier = Arc::new(Barrier::new(concurrency + 1));
    let threads: Vec<_> = (0..concurrency)
        .map(|t| {
            let (ports, dead, done, barrier) =
                (ports.clone(), dead.clone(), done.clone(), barrier.clone());
            std::thread::spawn(move || {
                let auth = format!("Bearer {TOKEN}");
                let mut out: Vec<(u16, Option<(&'static str, String)>)> = Vec::new();
                barrier.wait();
                for n in 0..total / concurrency {
                    let customer = (t * 7 + n) % 40;
                    let (path, body, acked): (String, Option<Value>, Option<(&'static str, String)>) =
                        match n % 4 {
                            0 => (format!("/api/v1/customers/S{customer:02}/statement?limit=20"), None, None),
                            1 => {
                                let id = format!("P{t}-{n}");
                                (
                                    "/api/v1/erp/payments".into(),
                                    Some(json!({"payments": [{"id": id, "item_id": format!("S{customer:02}-{:04}", customer * 20 + n % 20),
                                                              "amount": "0.01", "date": "2026-03-01"}]})),
                                    Some(("payment", id)),
                                )
                            }
                            2 => (
                                "/api/v1/status-changes".into(),
                                Some(json!({"item_ids": [format!("S{customer:02}-{:04}", customer * 20 + (n + 1) % 20)],
                                            "status": "price_dispute", "comment": "load", "next_action": "scenario"})),
                                Some(("status_change", String::new())),
                            ),
                            _ => {
                                let id = format!("N{t}-{n}");
                                (
                                    "/api/v1/erp/items".into(),
                                    Some(json!({"mode": "delta", "items": [{"id": id, "customer_id": format!("S{customer:02}"),
                                        "kind": "invoice", "number": "N", "issue_date": "2026-02-01", "due_date": "2026-03-01",
                                        "amount": "5.00", "open_amount": "5.00", "currency": "EUR"}]})),
                                    Some(("item", id)),
                                )
                            }
                        };
                    // Round robin over the instances still answering, as a load balancer
                    // whose health check dropped the dead one; a write whose instance died
                    // before answering was not acknowledged, and is not retried here.
                    let mut k = t + n;
                    let r = loop {
                        let i = k % 3;
                        k += 1;
                        if dead[i].load(Ordering::Relaxed) {
                            continue;
                        }
                        let bytes = body.as_ref().map(|b| b.to_string().into_bytes()).unwrap_or_default();
                        let method = if body.is_some() { "POST" } else { "GET" };
                        match send(ports[i], method, &path, &[("authorization", &auth), ("content-type", "application/json")], &bytes) {
                            Some(r) => break Some(r),
                            None if body.is_none() => {
                                dead[i].store(true, Ordering::Relaxed);
                                continue;
                            }
                            None => {
                                dead[i].store(true, Ordering::Relaxed);
                                break None;
                            }
                        }
                    };
                    done.fetch_add(1, Ordering::Relaxed);
                    let Some(r) = r else { continue };
                    let acked = match acked {
                        Some(("status_change", _)) if r.status == 201 => Some((
                            "status_change",
                            r.json()["status_change_id"].to_string(),
                        )),
                        Some(a) if (200..300).contains(&r.status) => Some(a),
                        _ => None,
                    };
                    out.push((r.status, acked));
                }
                out
            })
        })
        .collect();
    barrier.wait();
    // Kill instance 1 a third of the way through.
    while done.load(Ordering::Relaxed) < total / 3 {
        std::thread::sleep(Duration::from_millis(5));
    }
    let victim = &mut c.instances[1];
    victim.child.kill().unwrap();
    victim.child.wait().unwrap();
    let results: Vec<(u16, Option<(&'static str, String)>)> = threads
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    for (s, _) in &results {
        *statuses.entry(*s).or_default() += 1;
    }
    let server_errors: usize = statuses
        .iter()
        .filter(|(s, _)| **s >= 500)
        .map(|(_, n)| n)
        .sum();
    assert_eq!(server_errors, 0, "statuses {statuses:?}");
    assert!(
        results.len() >= total * 9 / 10,
        "the others kept answering: {} of {total} answered",
        results.len()
    );
    // Every acknowledged write is stored exactly once.
    let db = c.db();
    let count = |sql: &str, p: &str| -> i64 { db.query_row(sql, [p], |r| r.get(0)).unwrap() };
    let mut wrong = Vec::new();
    let mut acked = 0;
    for (_, a) in &results {
        let Some((kind, id)) = a else { continue };
        acked += 1;
        let n = match *kind {
            "payment" => count("SELECT count(*) FROM payments WHERE erp_id = ?", id),
            "status_change" => count("SELECT count(*) FROM status_changes WHERE id = ?", id),
            _ => count("SELECT count(*) FROM items WHERE erp_id = ?", id),
        };
        if n != 1 {
            wrong.push(format!("{kind} {id}: {n}"));
        }
    }
    eprintln!(
        "scale-out load: {} of {total} answered, statuses {statuses:?}, {acked} acknowledged writes checked",
        results.len()
    );
    assert!(acked > total / 2, "{acked} acknowledged writes");
    assert!(wrong.is_empty(), "not stored exactly once: {wrong:?}");
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // The survivors still answer.
    for i in [0, 2] {
        assert_eq!(c.api(i, "GET", "/api/v1/health", &Value::Null).status, 200);
    }
}
