//! The loaded application: one wasmtime `Engine` (pooling allocator, epoch interruption), one
//! pre-instantiated component per manifest component, a fresh `Store` and instance per request.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::outbound::AllowedHost;
use anyhow::{Context, Result, bail};
use bytes::Bytes;
use http::{HeaderValue, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use sha2::{Digest, Sha256};
use wasmtime::component::{Component, Linker};
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, Store, UpdateDeadline,
};
use wasmtime_wasi_http::WasiHttpView;
use wasmtime_wasi_http::p2::bindings::ProxyPre;
use wasmtime_wasi_http::p2::bindings::http::types::Scheme;
use wasmtime_wasi_http::p2::body::HyperOutgoingBody;

use crate::kv::KvStores;
use crate::manifest::Manifest;
use crate::routes::Router;
use crate::runtime_config::RuntimeConfig;
use crate::sqlite::{Keeper, SqliteAccess, SqliteMode};
use crate::state::{ComponentEnv, RequestState, add_spin_to_linker};
use crate::variables::{ComponentVariables, resolve_app_variables};

/// The path Spin answers itself, before application routes.
pub const HEALTH_PATH: &str = "/.well-known/spin/health";
const EPOCH_TICK: Duration = Duration::from_millis(10);

/// Limits and locations; the defaults are what `settle-host up` uses.
#[derive(Debug, Clone)]
pub struct HostConfig {
    pub state_dir: PathBuf,
    /// Where compiled components are cached (default `<state-dir>/cache`).
    pub cache_dir: Option<PathBuf>,
    /// Instances alive at once across all components; beyond it requests get 503.
    pub max_instances: u32,
    /// Linear memory a single request may use.
    pub memory_limit: usize,
    /// Wall-clock time a request may run before it is interrupted (500).
    pub request_timeout: Duration,
    /// Environment used for `SPIN_VARIABLE_*` overrides.
    pub env: BTreeMap<String, String>,
    /// Print one line per request to stderr.
    pub log_requests: bool,
    /// Largest request body; a larger one is refused with 413 before it is held in memory.
    pub max_body: usize,
    /// Time a client has to send a request's headers, and the most a kept-alive connection
    /// may stay idle; then the connection is closed.
    pub header_timeout: Duration,
    /// Time a client has to send a request's body; then 408. Bodies are read before an
    /// instance is taken, so slow clients never hold instances.
    pub body_timeout: Duration,
    /// How SQLite is opened: as Spin does (the default) or the host's tuned mode.
    pub sqlite_mode: SqliteMode,
    /// Spin's runtime config file (`--runtime-config-file`): where each store label lives.
    pub runtime_config_file: Option<PathBuf>,
}

impl HostConfig {
    pub fn new(state_dir: impl Into<PathBuf>) -> HostConfig {
        HostConfig {
            state_dir: state_dir.into(),
            cache_dir: None,
            max_instances: 100,
            memory_limit: 256 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            env: std::env::vars().collect(),
            log_requests: true,
            max_body: 50 * 1024 * 1024,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            sqlite_mode: SqliteMode::default(),
            runtime_config_file: None,
        }
    }
}

struct LoadedComponent {
    id: String,
    from_cache: bool,
    pre: ProxyPre<RequestState>,
    env: ComponentEnv,
}

/// A running application.
pub struct App {
    pub manifest: Manifest,
    engine: Engine,
    router: Router<usize>,
    components: Vec<LoadedComponent>,
    config: HostConfig,
    epoch_ticker_stop: Arc<AtomicBool>,
    /// Keeps the SQLite write-ahead log open while the app runs (gated mode).
    _sqlite_keeper: Option<Keeper>,
}

impl Drop for App {
    fn drop(&mut self) {
        self.epoch_ticker_stop.store(true, Ordering::Relaxed);
    }
}

/// The response body type the host serves.
pub type Body = HyperOutgoingBody;

/// A refusal by the host itself, as an RFC 9457 problem: what went wrong for the client in
/// words, the detail only in the host's log.
fn problem_response(status: StatusCode, slug: &str, detail: &str) -> Response<Body> {
    let title = status.canonical_reason().unwrap_or("Error");
    let doc = format!(
        r#"{{"type":"/problems/{slug}","title":{},"status":{},"detail":{}}}"#,
        json_string(title),
        status.as_u16(),
        json_string(detail)
    );
    let mut resp = text_response(status, doc);
    resp.headers_mut().insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    resp
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The path as logged: the signed token of a page link (`/r/{token}`, `/c/{token}`) is a
/// credential and never written to the log.
pub fn redact_path(path: &str) -> String {
    for prefix in ["/r/", "/c/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map_or("", |i| &rest[i..]);
            return format!("{prefix}[token]{tail}");
        }
    }
    path.to_string()
}

/// Why a request body could not be read.
enum BodyError {
    TooLarge,
    TimedOut,
    Broken(String),
}

/// Reads the whole body, at most `max` bytes (refused as soon as the declared length or
/// the running count passes it), within `timeout`.
async fn read_body<B>(
    body: B,
    declared: Option<u64>,
    max: usize,
    timeout: Duration,
) -> Result<Bytes, BodyError>
where
    B: hyper::body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    if declared.is_some_and(|n| n > max as u64) {
        return Err(BodyError::TooLarge);
    }
    let limited = http_body_util::Limited::new(body, max);
    match tokio::time::timeout(timeout, limited.collect()).await {
        Err(_) => Err(BodyError::TimedOut),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(BodyError::TooLarge),
        Ok(Err(e)) => Err(BodyError::Broken(e.to_string())),
    }
}

fn text_response(status: StatusCode, text: impl Into<String>) -> Response<Body> {
    let body = Full::new(Bytes::from(text.into()))
        .map_err(|never| match never {})
        .boxed_unsync();
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    resp
}

pub fn engine_config(config: &HostConfig) -> Config {
    let mut c = Config::new();
    c.wasm_component_model(true);
    c.epoch_interruption(true);
    let mut pool = PoolingAllocationConfig::default();
    let n = config.max_instances;
    pool.total_component_instances(n);
    pool.total_core_instances(n * 8);
    pool.total_memories(n * 4);
    pool.total_tables(n * 8);
    pool.total_stacks(n);
    pool.max_memories_per_component(4);
    pool.max_tables_per_component(8);
    pool.max_core_instances_per_component(32);
    pool.max_component_instance_size(1 << 20);
    pool.max_core_instance_size(1 << 20);
    pool.table_elements(100_000);
    pool.max_memory_size(config.memory_limit);
    c.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    // Each memory slot reserves only what the limit allows (plus the default guard).
    c.memory_reservation(config.memory_limit as u64);
    // `SETTLE_PERFMAP=1`: the compiled guests' functions named in /tmp/perf-<pid>.map, so
    // `perf record` profiles of the host (and the benches) show them by name.
    if std::env::var_os("SETTLE_PERFMAP").is_some_and(|v| v == "1") {
        c.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    c
}

/// `allowed_outbound_hosts` entries with their `{{ app_var }}` templates resolved, parsed.
/// As in Spin, a template that resolves to nothing (`""`, `http://`, `https://`: an optional
/// endpoint left unset) allows nothing and is skipped; a literal entry must parse.
pub(crate) fn resolve_allowed_hosts(
    entries: &[String],
    app_vars: &HashMap<String, String>,
) -> Result<Vec<AllowedHost>> {
    let mut out = Vec::new();
    for entry in entries {
        let resolved = crate::template::expand(entry, app_vars)?;
        if resolved != *entry && matches!(resolved.trim(), "" | "http://" | "https://") {
            continue;
        }
        out.push(AllowedHost::parse(&resolved).with_context(|| {
            format!("allowed_outbound_hosts: {entry:?} resolves to {resolved:?}")
        })?);
    }
    Ok(out)
}

impl App {
    /// Loads every routed component of the manifest (compiling or reading the cache).
    pub fn load(manifest: Manifest, config: HostConfig) -> Result<Arc<App>> {
        std::fs::create_dir_all(&config.state_dir)
            .with_context(|| format!("cannot create state dir {}", config.state_dir.display()))?;
        let cache_dir = config
            .cache_dir
            .clone()
            .unwrap_or_else(|| config.state_dir.join("cache"));
        std::fs::create_dir_all(&cache_dir)
            .with_context(|| format!("cannot create cache dir {}", cache_dir.display()))?;
        let engine =
            wt(Engine::new(&engine_config(&config))).context("cannot create the wasm engine")?;
        let app_vars = resolve_app_variables(&manifest, &config.env)?;
        let stores = match &config.runtime_config_file {
            Some(file) => RuntimeConfig::load(file, &config.state_dir)?,
            None => RuntimeConfig::defaults(&config.state_dir),
        };
        let kv = KvStores::open(&stores).context("cannot open the key-value stores")?;
        // As Spin does for a `spin` database: its directory is made if missing.
        for (label, db) in &stores.sqlite_databases {
            if let crate::runtime_config::SqliteBackend::Spin { path } = db
                && let Some(dir) = path.parent()
            {
                std::fs::create_dir_all(dir).with_context(|| {
                    format!("sqlite_database.{label}: cannot create {}", dir.display())
                })?;
            }
        }
        let databases = Arc::new(stores.sqlite_databases.clone());
        let uses_sqlite = manifest
            .components
            .values()
            .any(|c| c.sqlite_databases.iter().any(|d| d == "default"));
        let gated = config.sqlite_mode == SqliteMode::Gated;
        let write_gate: Option<crate::sqlite::WriteGate> = gated.then(Default::default);
        let local_default = matches!(
            databases.get("default"),
            Some(crate::runtime_config::SqliteBackend::Spin { path })
                if *path == config.state_dir.join(crate::sqlite::DEFAULT_DATABASE_FILE)
        );
        let sqlite_keeper = if uses_sqlite && gated && local_default {
            Some(
                Keeper::open(&config.state_dir)
                    .map_err(|e| anyhow::anyhow!("cannot open the SQLite database: {e:?}"))?,
            )
        } else {
            None
        };

        let mut linker: Linker<RequestState> = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
        wasmtime_wasi_http::p2::add_only_http_to_linker_async(&mut linker)?;
        add_spin_to_linker(&mut linker)?;

        let mut components = Vec::new();
        let mut index = BTreeMap::new();
        for c in manifest.routed_components() {
            let (component, from_cache) = load_component(&engine, &c.source, &cache_dir, &c.id)?;
            let pre = wt(linker.instantiate_pre(&component))
                .with_context(|| format!("component {:?}: cannot link", c.id))?;
            let pre = wt(ProxyPre::new(pre)).with_context(|| {
                format!("component {:?}: it does not export wasi:http/incoming-handler (is it an HTTP component?)", c.id)
            })?;
            let env = ComponentEnv {
                sqlite: SqliteAccess {
                    allowed: c.sqlite_databases.clone().into(),
                    databases: databases.clone(),
                    gate: write_gate.clone(),
                },
                kv: kv.clone(),
                kv_allowed: c.key_value_stores.clone().into(),
                variables: Arc::new(
                    ComponentVariables::resolve(&c.variables, &app_vars)
                        .with_context(|| format!("component {:?}: variables", c.id))?,
                ),
                allowed_hosts: resolve_allowed_hosts(&c.allowed_outbound_hosts, &app_vars)
                    .with_context(|| format!("component {:?}", c.id))?
                    .into(),
                environment: c.environment.clone().into_iter().collect::<Vec<_>>().into(),
                memory_limit: config.memory_limit,
            };
            index.insert(c.id.clone(), components.len());
            components.push(LoadedComponent {
                id: c.id.clone(),
                from_cache,
                pre,
                env,
            });
        }
        let router = Router::new(
            manifest
                .triggers
                .iter()
                .map(|t| (t.route.clone(), index[&t.component]))
                .collect(),
        );

        let stop = Arc::new(AtomicBool::new(false));
        {
            let engine = engine.clone();
            let stop = stop.clone();
            std::thread::Builder::new()
                .name("epoch-ticker".into())
                .spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        std::thread::sleep(EPOCH_TICK);
                        engine.increment_epoch();
                    }
                })?;
        }
        Ok(Arc::new(App {
            manifest,
            engine,
            router,
            components,
            config,
            epoch_ticker_stop: stop,
            _sqlite_keeper: sqlite_keeper,
        }))
    }

    /// Serves one request: health, routing, Spin's headers, a fresh instance, limits.
    pub async fn handle<B>(self: &Arc<Self>, req: Request<B>, client: SocketAddr) -> Response<Body>
    where
        B: hyper::body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let start = Instant::now();
        let method = req.method().clone();
        let path = redact_path(req.uri().path());
        let (component, resp) = self.dispatch(req, client).await;
        if self.config.log_requests {
            eprintln!(
                "{method} {path} -> {} [{}] {:.1} ms",
                resp.status().as_u16(),
                component.unwrap_or("-"),
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
        resp
    }

    async fn dispatch<B>(
        self: &Arc<Self>,
        req: Request<B>,
        client: SocketAddr,
    ) -> (Option<&str>, Response<Body>)
    where
        B: hyper::body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let path = req.uri().path().to_string();
        if path == HEALTH_PATH {
            return (None, text_response(StatusCode::OK, "OK"));
        }
        let Some((route, &ci, m)) = self.router.route(&path) else {
            return (None, text_response(StatusCode::NOT_FOUND, "Not Found"));
        };
        let component = &self.components[ci];
        let (mut parts, body) = req.into_parts();
        let host = parts
            .headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost")
            .to_string();
        let pq = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let full_url = format!("http://{host}{pq}");
        let h = &mut parts.headers;
        let mut set = |name: &str, value: &str| {
            if let (Ok(n), Ok(v)) = (
                http::HeaderName::try_from(name),
                HeaderValue::from_str(value),
            ) {
                h.insert(n, v);
            }
        };
        set("spin-full-url", &full_url);
        set("spin-path-info", &m.path_info);
        set("spin-matched-route", &route.raw);
        set("spin-raw-component-route", &route.raw);
        set("spin-component-route", route.component_route());
        set("spin-base-path", "/");
        set("spin-client-addr", &client.to_string());
        for (name, value) in &m.params {
            // Spin's header names use hyphens: `:path_segment` is spin-path-match-path-segment.
            set(
                &format!("spin-path-match-{}", name.replace('_', "-")),
                value,
            );
        }
        // The guest sees the original path, with an authority so wasi:http has one.
        if let Ok(uri) = http::Uri::builder()
            .scheme("http")
            .authority(host.as_str())
            .path_and_query(pq)
            .build()
        {
            parts.uri = uri;
        }
        // The whole body is read here, bounded in size and time, before an instance is
        // taken: a large or slow upload costs a task, never one of the pooled instances.
        let declared = parts
            .headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let max = self.config.max_body;
        let bytes = match read_body(body, declared, max, self.config.body_timeout).await {
            Ok(b) => b,
            Err(BodyError::TooLarge) => {
                let detail = format!("the request body is larger than {max} bytes");
                return (
                    Some(component.id.as_str()),
                    problem_response(StatusCode::PAYLOAD_TOO_LARGE, "body-too-large", &detail),
                );
            }
            Err(BodyError::TimedOut) => {
                return (
                    Some(component.id.as_str()),
                    problem_response(
                        StatusCode::REQUEST_TIMEOUT,
                        "request-timeout",
                        "the request body did not arrive in time",
                    ),
                );
            }
            Err(BodyError::Broken(e)) => {
                eprintln!("settle-host: request body from {client}: {e}");
                return (
                    Some(component.id.as_str()),
                    problem_response(
                        StatusCode::BAD_REQUEST,
                        "malformed-request",
                        "the request body could not be read",
                    ),
                );
            }
        };
        let body = Full::new(bytes)
            .map_err(|never: std::convert::Infallible| -> hyper::Error { match never {} });
        let req = Request::from_parts(parts, body);
        let resp = match self.run(component, req).await {
            Ok(r) => r,
            Err(e) => e,
        };
        (Some(component.id.as_str()), resp)
    }

    async fn run<B>(
        &self,
        component: &LoadedComponent,
        req: Request<B>,
    ) -> Result<Response<Body>, Response<Body>>
    where
        B: hyper::body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<wasmtime_wasi_http::Error>,
    {
        let id = component.id.clone();
        let fail = move |status: StatusCode, what: &str, e: &dyn std::fmt::Display| {
            eprintln!("settle-host: component {id:?}: {what}: {e}");
            let (slug, detail) = if status == StatusCode::SERVICE_UNAVAILABLE {
                ("unavailable", "the server is at capacity: retry shortly")
            } else {
                ("internal", "the request failed; the server logged why")
            };
            let mut resp = problem_response(status, slug, detail);
            if status == StatusCode::SERVICE_UNAVAILABLE {
                resp.headers_mut()
                    .insert(http::header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            resp
        };
        let mut store = Store::new(&self.engine, RequestState::new(component.env.clone()));
        store.limiter(|s| s.limiter());
        let deadline = Instant::now() + self.config.request_timeout;
        let timed_out = Arc::new(AtomicBool::new(false));
        {
            let timed_out = timed_out.clone();
            store.epoch_deadline_callback(move |_| {
                if Instant::now() >= deadline {
                    timed_out.store(true, Ordering::Relaxed);
                    wasmtime::bail!("request exceeded its time limit")
                }
                // Yield to the executor every tick so a busy guest cannot starve others.
                Ok(UpdateDeadline::Yield(1))
            });
        }
        store.set_epoch_deadline(1);

        let (sender, receiver) = tokio::sync::oneshot::channel();
        let incoming = store
            .data_mut()
            .http()
            .new_incoming_request(Scheme::Http, req)
            .map_err(|e| fail(StatusCode::BAD_REQUEST, "bad request", &e))?;
        let out = store
            .data_mut()
            .http()
            .new_response_outparam(sender)
            .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, "outparam", &e))?;
        let pre = component.pre.clone();
        let task = tokio::spawn(async move {
            let proxy = match pre.instantiate_async(&mut store).await {
                Ok(p) => p,
                Err(e) => return Err((true, e)),
            };
            proxy
                .wasi_http_incoming_handler()
                .call_handle(&mut store, incoming, out)
                .await
                .map_err(|e| (false, e))
        });
        match receiver.await {
            Ok(Ok(resp)) => Ok(resp),
            Ok(Err(code)) => Err(fail(
                StatusCode::INTERNAL_SERVER_ERROR,
                "guest error",
                &format!("{code:?}"),
            )),
            Err(_) => {
                let result = task.await;
                Err(match result {
                    Ok(Ok(())) => fail(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "guest did not set a response",
                        &"no response",
                    ),
                    Ok(Err((true, e))) => fail(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "cannot instantiate (at capacity?)",
                        &format!("{e:#}"),
                    ),
                    Ok(Err((false, e))) if timed_out.load(Ordering::Relaxed) => fail(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "timed out",
                        &format!("{e:#}"),
                    ),
                    Ok(Err((false, e))) => fail(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "guest trapped",
                        &format!("{e:?}"),
                    ),
                    Err(e) => fail(StatusCode::INTERNAL_SERVER_ERROR, "task failed", &e),
                })
            }
        }
    }

    /// Each loaded component's id and whether it was read from the compile cache.
    pub fn components_from_cache(&self) -> Vec<(&str, bool)> {
        self.components
            .iter()
            .map(|c| (c.id.as_str(), c.from_cache))
            .collect()
    }

    /// How long a client may take to send headers, or leave a connection idle.
    pub fn header_timeout(&self) -> Duration {
        self.config.header_timeout
    }

    pub fn state_dir(&self) -> &Path {
        &self.config.state_dir
    }
}

/// Compiles a component, or loads it from the cache keyed by the wasm's hash and the engine's
/// compatibility hash, so a restart does not recompile.
/// Returns the component and whether it came from the cache.
fn load_component(
    engine: &Engine,
    source: &Path,
    cache_dir: &Path,
    id: &str,
) -> Result<(Component, bool)> {
    let bytes = match std::fs::read(source) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "component {id:?}: {} does not exist; build it first (run with --build, or `settle-host build`)",
            source.display()
        ),
        Err(e) => {
            return Err(e)
                .with_context(|| format!("component {id:?}: cannot read {}", source.display()));
        }
    };
    let mut hasher = Sha256::new();
    hasher.update(&bytes);
    let bytes = crate::componentize::componentize_if_module(bytes).with_context(|| {
        format!(
            "component {id:?}: {} is a core wasm module",
            source.display()
        )
    })?;
    std::hash::Hash::hash(
        &engine.precompile_compatibility_hash(),
        &mut HashWriter(&mut hasher),
    );
    let key: String = hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    // Named by content, so components sharing one wasm file compile once.
    let cached = cache_dir.join(format!("{key}.cwasm"));
    if cached.exists() {
        // SAFETY: the file was written by `Component::serialize` of an engine with the same
        // compatibility hash (part of the file name), in a directory this host owns.
        if let Ok(c) = unsafe { Component::deserialize_file(engine, &cached) } {
            return Ok((c, true));
        }
    }
    let component = wt(Component::from_binary(engine, &bytes)).with_context(|| {
        format!(
            "component {id:?}: {} is not a valid wasm component",
            source.display()
        )
    })?;
    if let Ok(serialized) = component.serialize() {
        let tmp = cached.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, serialized).is_ok() {
            let _ = std::fs::rename(&tmp, &cached);
        }
    }
    Ok((component, false))
}

/// wasmtime 48 has its own error type; convert to anyhow to add context.
fn wt<T>(r: wasmtime::Result<T>) -> Result<T> {
    r.map_err(anyhow::Error::from)
}

struct HashWriter<'a>(&'a mut Sha256);

impl std::hash::Hasher for HashWriter<'_> {
    fn finish(&self) -> u64 {
        0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

#[cfg(test)]
mod allowed_hosts_tests {
    use super::*;

    #[test]
    fn an_empty_template_allows_nothing_as_in_spin() {
        let vars: HashMap<String, String> = [
            ("empty".to_string(), String::new()),
            ("erp".to_string(), "https://erp.example.com".to_string()),
        ]
        .into();
        let entries = vec!["{{ empty }}".to_string(), "{{ erp }}".to_string()];
        let hosts = resolve_allowed_hosts(&entries, &vars).unwrap();
        assert_eq!(hosts.len(), 1);
        assert!(crate::outbound::is_allowed(
            &hosts,
            &"https://erp.example.com/in".parse().unwrap()
        ));
        // A literal empty entry is still an error.
        assert!(resolve_allowed_hosts(&[String::new()], &vars).is_err());
    }
}
