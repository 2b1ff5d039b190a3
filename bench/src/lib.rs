//! Load generation and statistics shared by the benchmarks in `benches/`.
//!
//! Every benchmark prints its own figures beside a baseline measured in the same run, so the
//! ratio holds even on a noisy machine. Run them with `cargo bench -p settle-bench`.

pub mod ledger;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use settle_host::testing::{TestResponse, TestServer};

/// POSTs a JSON body with a bearer token.
pub fn post_json(s: &TestServer, token: &str, path: &str, body: &str) -> TestResponse {
    let auth = format!("Bearer {token}");
    s.request(
        "POST",
        path,
        &[
            ("authorization", &auth),
            ("content-type", "application/json"),
        ],
        body.as_bytes(),
    )
}

/// Prints p50 and p99 of `samples` under `name`; returns p50 in milliseconds.
pub fn report(name: &str, mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let p50 = ms(samples[samples.len() / 2]);
    println!(
        "{name:<60} p50 {p50:>7.2} ms   p99 {:>7.2} ms",
        ms(samples[samples.len() * 99 / 100])
    );
    p50
}

/// Latency and throughput of one load run.
#[derive(Debug, Clone)]
pub struct Stats {
    pub requests: usize,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
}

impl Stats {
    pub fn rps(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    pub fn from_samples(mut samples: Vec<Duration>, elapsed: Duration) -> Stats {
        samples.sort();
        let pick = |q: f64| {
            let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
            samples.get(i).copied().unwrap_or_default()
        };
        Stats {
            requests: samples.len(),
            elapsed,
            p50: pick(0.50),
            p99: pick(0.99),
        }
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Sends `total` GET requests to `path` from `concurrency` threads (keep-alive connections),
/// after `warmup` untimed requests per thread. Panics on a non-200 answer.
pub fn load(
    addr: SocketAddr,
    path: &str,
    concurrency: usize,
    total: usize,
    warmup: usize,
) -> Stats {
    let per_thread = total / concurrency;
    let url = format!("http://{addr}{path}");
    let start = Instant::now();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(concurrency + 1));
    let handles: Vec<_> = (0..concurrency)
        .map(|_| {
            let url = url.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .into();
                let call = |agent: &ureq::Agent| {
                    let r = agent.get(&url).call().expect("answered");
                    assert_eq!(r.status().as_u16(), 200, "{url}");
                    r.into_body().read_to_vec().expect("body");
                };
                for _ in 0..warmup {
                    call(&agent);
                }
                barrier.wait();
                let mut samples = Vec::with_capacity(per_thread);
                for _ in 0..per_thread {
                    let t = Instant::now();
                    call(&agent);
                    samples.push(t.elapsed());
                }
                samples
            })
        })
        .collect();
    barrier.wait();
    let t0 = Instant::now();
    let samples: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let _ = start;
    Stats::from_samples(samples, t0.elapsed())
}

/// Times `f` `n` times after one warm-up call; returns the per-call durations.
pub fn time_calls(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    f();
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

/// A native hyper hello-world on 127.0.0.1: the floor any host can reach on this machine.
pub fn start_native_hello() -> SocketAddr {
    use http_body_util::Full;
    use hyper::server::conn::http1;
    use hyper_util::rt::TokioIo;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            loop {
                let (stream, _) = listener.accept().await.unwrap();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(|_req| async {
                        let body = Full::new(bytes::Bytes::from_static(b"{\"hello\":\"world\"}"));
                        Ok::<_, std::convert::Infallible>(
                            hyper::Response::builder()
                                .header("content-type", "application/json")
                                .body(body)
                                .unwrap(),
                        )
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    rx.recv().unwrap()
}

/// Prints one table row.
pub fn row(name: &str, s: &Stats) {
    println!(
        "{name:<40} {:>10.0} req/s   p50 {:>7.3} ms   p99 {:>7.3} ms   ({} requests)",
        s.rps(),
        ms(s.p50),
        ms(s.p99),
        s.requests
    );
}

/// Signs `email` in through the console's form; answers the session cookie.
pub fn sign_in(s: &TestServer, email: &str, password: &str) -> String {
    let form = s.get("/app/sign-in");
    let nonce = form
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("a sign-in cookie")
        .to_string();
    let html = form.text();
    let at = html.find("name=\"form_token\" value=\"").unwrap() + 25;
    let token: String = html[at..].chars().take_while(|c| *c != '"').collect();
    let body = format!(
        "form_token={}&email={}&password={}",
        token.replace('-', "%2D"),
        email.replace('@', "%40"),
        password.replace(' ', "+")
    );
    let r = s.request(
        "POST",
        "/app/sign-in",
        &[
            ("cookie", &nonce),
            ("content-type", "application/x-www-form-urlencoded"),
        ],
        body.as_bytes(),
    );
    assert_eq!(r.status, 303, "{}", r.text());
    r.header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_string()
}

/// Tops the cases of a benchmark ledger up to `target` (issue 24 measures the case list and
/// analytics on a case for every tenth item) with cases of the past, resolved 20 to 60 days
/// after they opened (paid or credited, with root causes and validity), as the app would have
/// recorded them. Returns how many were added.
pub fn add_past_cases(db: &rusqlite::Connection, target: usize) -> usize {
    let cases: i64 = db
        .query_row("SELECT count(*) FROM disputes", [], |r| r.get(0))
        .unwrap();
    db.execute(
        "INSERT INTO disputes (item_id, customer_id, currency, state, reason, original_minor,
           disputed_minor, paid_minor, credited_minor, written_off_minor, opened_on, deadline,
           resolved_on, resolution, root_cause, valid, opened_at, updated_at)
         SELECT i.id, i.customer_id, i.currency, 'resolved',
           CASE i.id % 3 WHEN 0 THEN 'price_dispute' WHEN 1 THEN 'quality_dispute'
                         ELSE 'delivery_dispute' END,
           i.amount_minor / 4, 0,
           CASE WHEN i.id % 2 = 0 THEN i.amount_minor / 4 ELSE 0 END,
           CASE WHEN i.id % 2 = 1 THEN i.amount_minor / 4 ELSE 0 END, 0,
           date(i.issue_date, '+15 days'), date(i.issue_date, '+45 days'),
           date(i.issue_date, '+' || (35 + i.id % 40) || ' days'),
           CASE WHEN i.id % 2 = 0 THEN 'paid' ELSE 'credited' END,
           CASE i.id % 4 WHEN 0 THEN 'pricing_error' WHEN 1 THEN 'delivery_damaged'
                         WHEN 2 THEN 'duplicate_billing' END,
           CASE WHEN i.id % 4 = 3 THEN NULL ELSE i.id % 5 <> 0 END,
           date(i.issue_date, '+15 days') || 'T09:00:00.000Z',
           date(i.issue_date, '+45 days') || 'T09:00:00.000Z'
         FROM items i
         WHERE i.id % 9 = 0 AND i.kind = 'invoice'
           AND date(i.issue_date, '+75 days') < date('now')
           AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.item_id = i.id)
         LIMIT max(0, ?1 - ?2)",
        rusqlite::params![target as i64, cases],
    )
    .unwrap()
}
