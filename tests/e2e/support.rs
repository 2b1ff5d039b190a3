use std::path::PathBuf;

use serde_json::{Value, json};
use settle_host::testing::{TestResponse, TestServer, workspace_root};

/// The admin token the tests configure (never the shipped default).
pub const ADMIN_TOKEN: &str = "e2e-admin-token";
/// The webhook secret the tests configure.
pub const WEBHOOK_SECRET: &str = "e2e-webhook-secret";

pub fn manifest() -> PathBuf {
    workspace_root().join("spin.toml")
}

/// The link secret the tests configure.
pub const LINK_SECRET: &str = "e2e-link-secret";

/// Starts the whole app with a fresh database.
pub fn start() -> TestServer {
    start_with(&[])
}

/// Starts the app with extra `SPIN_VARIABLE_*` settings.
pub fn start_with(vars: &[(&str, &str)]) -> TestServer {
    TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), ADMIN_TOKEN.into());
        c.env.insert(
            "SPIN_VARIABLE_ERP_WEBHOOK_SECRET".into(),
            WEBHOOK_SECRET.into(),
        );
        c.env
            .insert("SPIN_VARIABLE_LINK_SECRET".into(), LINK_SECRET.into());
        for (k, v) in vars {
            c.env.insert(k.to_string(), v.to_string());
        }
    })
}

/// One request received by a [`FakeEmailApi`].
#[derive(Debug, Clone)]
pub struct Received {
    pub head: String,
    pub body: Value,
    /// The body as received, byte for byte (what a signature covers).
    pub raw: Vec<u8>,
}

impl Received {
    /// A header's value (names are case-insensitive).
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

/// A tiny HTTP server standing in for the email API: records what it receives and answers
/// with the status `answer` gives for the n-th request (0-based).
pub struct FakeEmailApi {
    pub origin: String,
    pub received: std::sync::Arc<std::sync::Mutex<Vec<Received>>>,
}

impl FakeEmailApi {
    pub fn start(answer: fn(usize) -> u16) -> FakeEmailApi {
        use std::io::{BufRead, BufReader, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = received.clone();
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().enumerate() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut head = String::new();
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().ok();
                    }
                    head.push_str(&line);
                }
                let body = match length {
                    Some(n) => {
                        let mut body = vec![0; n];
                        reader.read_exact(&mut body).unwrap();
                        body
                    }
                    // Chunked: size line, data, CRLF, until a zero-size chunk.
                    None => {
                        let mut body = Vec::new();
                        loop {
                            let mut size = String::new();
                            reader.read_line(&mut size).unwrap();
                            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
                            let mut chunk = vec![0; n + 2];
                            reader.read_exact(&mut chunk).unwrap();
                            if n == 0 {
                                break;
                            }
                            body.extend_from_slice(&chunk[..n]);
                        }
                        body
                    }
                };
                log.lock().unwrap().push(Received {
                    head,
                    body: serde_json::from_slice(&body).unwrap_or(Value::Null),
                    raw: body,
                });
                let status = answer(n);
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: 15\r\nconnection: close\r\n\r\n{{\"status\": {status}}}"
                );
                let _ = stream.write_all(reply.as_bytes());
            }
        });
        FakeEmailApi { origin, received }
    }

    /// The variables pointing the app at this server.
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        vec![
            (
                "SPIN_VARIABLE_EMAIL_API_URL",
                format!("{}/send", self.origin),
            ),
            ("SPIN_VARIABLE_EMAIL_API_TOKEN", "e2e-email-token".into()),
            ("SPIN_VARIABLE_EMAIL_API_ORIGIN", self.origin.clone()),
        ]
    }
}

pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// Calls with a bearer token and a JSON body (empty body when `body` is null).
pub fn call(s: &TestServer, method: &str, path: &str, token: &str, body: &Value) -> TestResponse {
    let auth = bearer(token);
    let bytes = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    s.request(
        method,
        path,
        &[
            ("authorization", &auth),
            ("content-type", "application/json"),
        ],
        &bytes,
    )
}

pub fn get(s: &TestServer, path: &str, token: &str) -> TestResponse {
    call(s, "GET", path, token, &Value::Null)
}

/// Creates a token with `role` through the admin API and returns it.
pub fn token(s: &TestServer, role: &str) -> String {
    let r = call(
        s,
        "POST",
        "/api/v1/admin/tokens",
        ADMIN_TOKEN,
        &json!({"name": format!("{role} test"), "role": role}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["token"].as_str().unwrap().to_string()
}

/// Asserts an RFC 9457 problem with `status`; returns its JSON.
pub fn problem(r: &TestResponse, status: u16) -> Value {
    assert_eq!(r.status, status, "{}", r.text());
    assert_eq!(
        r.header("content-type"),
        Some("application/problem+json"),
        "{}",
        r.text()
    );
    let v = r.json();
    assert_eq!(v["status"], status);
    assert!(v["title"].is_string() && v["type"].is_string(), "{v}");
    v
}

/// The JSON pointers of a validation problem.
pub fn pointers(v: &Value) -> Vec<String> {
    v["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["pointer"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

pub fn customers(s: &TestServer, token: &str) {
    let r = call(
        s,
        "POST",
        "/api/v1/erp/customers",
        token,
        &json!({"customers": [
            {"id": "C1", "name": "Acme SA", "entity": "FR01", "language": "fr", "currency": "EUR", "email": "ap@acme.fr", "collector": "alice"},
            {"id": "C2", "name": "Beta GmbH", "entity": "DE01", "language": "de", "currency": "EUR", "collector": "bob"}
        ]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

pub fn item(id: &str, customer: &str, due: &str, amount: &str, open: &str) -> Value {
    json!({"id": id, "customer_id": customer, "kind": "invoice", "number": format!("F-{id}"),
           "issue_date": "2025-01-01", "due_date": due, "amount": amount, "open_amount": open, "currency": "EUR"})
}

pub fn push_items(s: &TestServer, token: &str, mode: &str, items: Vec<Value>) -> TestResponse {
    call(
        s,
        "POST",
        "/api/v1/erp/items",
        token,
        &json!({"mode": mode, "items": items}),
    )
}

/// Ids of the open items of the whole ledger, in statement order.
pub fn open_ids(s: &TestServer) -> Vec<String> {
    let r = get(s, "/api/v1/items?limit=1000&as_of=2025-03-01", ADMIN_TOKEN);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}
