//! Helpers for tests and benchmarks that run real `.wasm` components through the host:
//! build a manifest's components once per process, start the app on an ephemeral port with a
//! fresh state directory, and make plain HTTP calls against it.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::{App, HostConfig, Manifest, build};

/// The workspace root (the directory holding the top-level `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("host/ has a parent")
        .to_path_buf()
}

/// Runs the build commands of `manifest_path` once per process (later calls wait for the
/// first). Panics with the build error so a failing build fails the test loudly.
pub fn build_once(manifest_path: &Path) {
    static BUILT: OnceLock<Mutex<HashMap<PathBuf, bool>>> = OnceLock::new();
    let built = BUILT.get_or_init(Default::default);
    let mut done = built.lock().unwrap_or_else(|e| e.into_inner());
    if done.contains_key(manifest_path) {
        return;
    }
    let manifest = Manifest::load(manifest_path).expect("manifest loads");
    build::build_all(&manifest).expect("components build");
    done.insert(manifest_path.to_path_buf(), true);
}

/// A running app on 127.0.0.1 with its own state directory, removed on drop.
pub struct TestServer {
    pub addr: SocketAddr,
    pub app: Arc<App>,
    pub state_dir: PathBuf,
    runtime: Option<tokio::runtime::Runtime>,
}

impl TestServer {
    /// Builds (once) and starts the app of `manifest_path`. `configure` may adjust limits and
    /// variables (`config.env` holds `SPIN_VARIABLE_*` overrides; it starts empty).
    pub fn start(manifest_path: &Path, configure: impl FnOnce(&mut HostConfig)) -> TestServer {
        build_once(manifest_path);
        static N: AtomicU32 = AtomicU32::new(0);
        let state_dir = workspace_root()
            .join("target")
            .join("test-state")
            .join(format!(
                "{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
        let _ = std::fs::remove_dir_all(&state_dir);
        let mut config = HostConfig::new(&state_dir);
        config.cache_dir = Some(workspace_root().join("target").join("settle-cache"));
        config.env = BTreeMap::new();
        config.log_requests = std::env::var_os("SETTLE_TEST_LOG").is_some();
        configure(&mut config);
        let manifest = Manifest::load(manifest_path).expect("manifest loads");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let (app, addr) = runtime.block_on(async {
            let app = App::load(manifest, config).expect("app loads");
            let listener = crate::server::bind("127.0.0.1:0".parse().unwrap())
                .await
                .expect("bind");
            let addr = listener.local_addr().unwrap();
            tokio::spawn(crate::server::serve(app.clone(), listener));
            (app, addr)
        });
        TestServer {
            addr,
            app,
            state_dir,
            runtime: Some(runtime),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Sends a request; non-2xx statuses are answers, not errors.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> TestResponse {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .max_redirects(0)
            .build()
            .into();
        let mut builder = ureq::http::Request::builder()
            .method(method)
            .uri(self.url(path));
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        let req = builder.body(body.to_vec()).expect("request builds");
        let resp = agent.run(req).expect("request is answered");
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
            .collect();
        let body = resp
            .into_body()
            .with_config()
            .limit(512 * 1024 * 1024)
            .read_to_vec()
            .expect("body reads");
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub fn get(&self, path: &str) -> TestResponse {
        self.request("GET", path, &[], &[])
    }

    pub fn post_json(&self, path: &str, json: &str) -> TestResponse {
        self.request(
            "POST",
            path,
            &[("content-type", "application/json")],
            json.as_bytes(),
        )
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(Duration::from_secs(5));
        }
        // SETTLE_KEEP_STATE=1 keeps the database for inspection (benchmark query plans).
        if std::env::var_os("SETTLE_KEEP_STATE").is_none() {
            let _ = std::fs::remove_dir_all(&self.state_dir);
        }
    }
}

#[derive(Debug, Clone)]
pub struct TestResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON; panics with the body text if it is not JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A real Redis server (Debian's `redis-server`) on a free port, for tests of the Redis
/// key-value backend; stopped and its directory removed on drop. No persistence.
pub struct RedisServer {
    pub url: String,
    pub port: u16,
    child: std::process::Child,
    dir: PathBuf,
}

impl RedisServer {
    /// Starts one and waits until it answers `PING`. Panics, saying how to install it, when
    /// `redis-server` is missing (`.ci/run` installs it).
    pub fn start() -> RedisServer {
        use std::io::{Read, Write};
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = workspace_root()
            .join("target")
            .join("test-state")
            .join(format!(
                "redis-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("redis dir");
        let child = std::process::Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args([
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ])
            .arg("--dir")
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start redis-server ({e}): apt-get install redis-server")
            });
        let server = RedisServer {
            url: format!("redis://127.0.0.1:{port}"),
            port,
            child,
            dir,
        };
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let pong = std::net::TcpStream::connect(("127.0.0.1", port)).and_then(|mut s| {
                s.set_read_timeout(Some(Duration::from_secs(1)))?;
                s.write_all(b"PING\r\n")?;
                let mut buf = [0u8; 7];
                s.read_exact(&mut buf)?;
                Ok(buf == *b"+PONG\r\n")
            });
            if matches!(pong, Ok(true)) {
                return server;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "redis-server did not answer PING on port {port}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
