//! Per-request store data and the Spin platform interfaces implemented on it.

use std::sync::Arc;

use wasmtime::component::{Resource, ResourceTable};
use wasmtime::{ResourceLimiter, StoreLimits};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

use crate::kv::{KvError, KvStore, KvStores, MAX_OPEN_STORES};
use crate::outbound::{AllowedHost, is_allowed};
use crate::sqlite::{self, SqlError, SqliteAccess, SqliteConnection};
use crate::variables::{ComponentVariables, VariableError};

wasmtime::component::bindgen!({
    path: "wit",
    world: "settle:host/spin-platform",
    imports: { default: async | trappable },
    with: {
        "fermyon:spin/sqlite.connection": crate::sqlite::SqliteConnection,
        "spin:sqlite/sqlite.connection": crate::state::SqliteConnectionV3,
        "fermyon:spin/key-value.store": crate::kv::KvStore,
    },
});

use fermyon::spin::{key_value, sqlite as sqlite2, variables};
use spin::sqlite::sqlite as sqlite3;

/// The v3 interface's connection resource (same behaviour, distinct resource type).
pub struct SqliteConnectionV3(SqliteConnection);

/// What every request of one component shares (built once at start-up).
#[derive(Clone)]
pub struct ComponentEnv {
    pub sqlite: SqliteAccess,
    pub kv: KvStores,
    pub kv_allowed: Arc<[String]>,
    pub variables: Arc<ComponentVariables>,
    pub allowed_hosts: Arc<[AllowedHost]>,
    pub environment: Arc<[(String, String)]>,
    pub memory_limit: usize,
}

/// The `T` of `Store<T>`: one per request.
pub struct RequestState {
    pub wasi: WasiCtx,
    pub http: WasiHttpCtx,
    pub table: ResourceTable,
    pub hooks: OutboundHooks,
    pub env: ComponentEnv,
    pub limits: StoreLimits,
    open_stores: usize,
}

impl RequestState {
    pub fn new(env: ComponentEnv) -> RequestState {
        let mut wasi = WasiCtx::builder();
        wasi.inherit_stdout().inherit_stderr();
        for (k, v) in env.environment.iter() {
            wasi.env(k, v);
        }
        let limits = wasmtime::StoreLimitsBuilder::new()
            .memory_size(env.memory_limit)
            .trap_on_grow_failure(true)
            .build();
        RequestState {
            wasi: wasi.build(),
            http: WasiHttpCtx::new(),
            table: ResourceTable::new(),
            hooks: OutboundHooks {
                allowed: env.allowed_hosts.clone(),
            },
            env,
            limits,
            open_stores: 0,
        }
    }

    pub fn limiter(&mut self) -> &mut dyn ResourceLimiter {
        &mut self.limits
    }
}

impl WasiView for RequestState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for RequestState {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: &mut self.hooks,
        }
    }
}

/// Outbound HTTP only to the component's `allowed_outbound_hosts`, as in Spin.
pub struct OutboundHooks {
    allowed: Arc<[AllowedHost]>,
}

impl wasmtime_wasi_http::WasiHttpHooks for OutboundHooks {
    fn send_request(
        &mut self,
        request: http::Request<wasmtime_wasi_http::WasiBody>,
        options: Option<wasmtime_wasi_http::RequestOptions>,
        fut: Box<
            dyn Future<Output = wasmtime_wasi_http::Result<(), wasmtime_wasi_http::Error>> + Send,
        >,
    ) -> Box<
        dyn Future<
                Output = wasmtime_wasi_http::Result<(
                    http::Response<wasmtime_wasi_http::WasiBody>,
                    Box<
                        dyn Future<
                                Output = wasmtime_wasi_http::Result<(), wasmtime_wasi_http::Error>,
                            > + Send,
                    >,
                )>,
            > + Send,
    > {
        if !is_allowed(&self.allowed, request.uri()) {
            eprintln!(
                "settle-host: outbound request to {} denied: not in allowed_outbound_hosts",
                request.uri()
            );
            return Box::new(async { Err(wasmtime_wasi_http::Error::HttpRequestDenied) });
        }
        let _ = fut;
        Box::new(async move {
            use http_body_util::BodyExt;
            let (res, io) = wasmtime_wasi_http::default_send_request(request, options).await?;
            Ok((
                res.map(BodyExt::boxed_unsync),
                Box::new(io) as Box<dyn Future<Output = _> + Send>,
            ))
        })
    }
}

// ---- sqlite (v2 and v3 share one implementation) ----

/// The host's SQLite value and the v2 and v3 interfaces' value types have the same five
/// variants; this converts one into another.
macro_rules! convert_value {
    ($v:expr, $from:ident => $to:ident) => {
        match $v {
            $from::Value::Integer(i) => $to::Value::Integer(i),
            $from::Value::Real(f) => $to::Value::Real(f),
            $from::Value::Text(s) => $to::Value::Text(s),
            $from::Value::Blob(b) => $to::Value::Blob(b),
            $from::Value::Null => $to::Value::Null,
        }
    };
}

fn to_value(v: sqlite::Value) -> sqlite2::Value {
    convert_value!(v, sqlite => sqlite2)
}

fn from_value(v: sqlite2::Value) -> sqlite::Value {
    convert_value!(v, sqlite2 => sqlite)
}

fn to_error2(e: SqlError) -> sqlite2::Error {
    match e {
        SqlError::NoSuchDatabase => sqlite2::Error::NoSuchDatabase,
        SqlError::AccessDenied => sqlite2::Error::AccessDenied,
        SqlError::Io(m) => sqlite2::Error::Io(m),
    }
}

fn to_result2(r: sqlite::QueryResult) -> sqlite2::QueryResult {
    sqlite2::QueryResult {
        columns: r.columns,
        rows: r
            .rows
            .into_iter()
            .map(|row| sqlite2::RowResult {
                values: row.into_iter().map(to_value).collect(),
            })
            .collect(),
    }
}

impl sqlite2::Host for RequestState {}

impl sqlite2::HostConnection for RequestState {
    async fn open(
        &mut self,
        database: String,
    ) -> wasmtime::Result<Result<Resource<SqliteConnection>, sqlite2::Error>> {
        match self.env.sqlite.open(&database).await {
            Ok(c) => Ok(Ok(self.table.push(c)?)),
            Err(e) => Ok(Err(to_error2(e))),
        }
    }

    async fn execute(
        &mut self,
        conn: Resource<SqliteConnection>,
        statement: String,
        parameters: Vec<sqlite2::Value>,
    ) -> wasmtime::Result<Result<sqlite2::QueryResult, sqlite2::Error>> {
        let c = self.table.get(&conn)?.clone();
        let params = parameters.into_iter().map(from_value).collect();
        Ok(c.execute(statement, params)
            .await
            .map(to_result2)
            .map_err(to_error2))
    }

    async fn drop(&mut self, conn: Resource<SqliteConnection>) -> wasmtime::Result<()> {
        self.table.delete(conn)?;
        Ok(())
    }
}

// The v3 value/error/result types are structurally identical to v2's; convert field by field.
fn v3_value(v: sqlite2::Value) -> sqlite3::Value {
    convert_value!(v, sqlite2 => sqlite3)
}

fn v3_param(v: sqlite3::Value) -> sqlite::Value {
    convert_value!(v, sqlite3 => sqlite)
}

fn v3_error(e: SqlError) -> sqlite3::Error {
    match e {
        SqlError::NoSuchDatabase => sqlite3::Error::NoSuchDatabase,
        SqlError::AccessDenied => sqlite3::Error::AccessDenied,
        SqlError::Io(m) => sqlite3::Error::Io(m),
    }
}

impl sqlite3::Host for RequestState {}

impl sqlite3::HostConnection for RequestState {
    async fn open(
        &mut self,
        database: String,
    ) -> wasmtime::Result<Result<Resource<SqliteConnectionV3>, sqlite3::Error>> {
        match self.env.sqlite.open(&database).await {
            Ok(c) => Ok(Ok(self.table.push(SqliteConnectionV3(c))?)),
            Err(e) => Ok(Err(v3_error(e))),
        }
    }

    async fn execute(
        &mut self,
        conn: Resource<SqliteConnectionV3>,
        statement: String,
        parameters: Vec<sqlite3::Value>,
    ) -> wasmtime::Result<Result<sqlite3::QueryResult, sqlite3::Error>> {
        let c = self.table.get(&conn)?.0.clone();
        let params = parameters.into_iter().map(v3_param).collect();
        Ok(c.execute(statement, params)
            .await
            .map_err(v3_error)
            .map(|r| sqlite3::QueryResult {
                columns: r.columns,
                rows: r
                    .rows
                    .into_iter()
                    .map(|row| sqlite3::RowResult {
                        values: row.into_iter().map(|v| v3_value(to_value(v))).collect(),
                    })
                    .collect(),
            }))
    }

    async fn last_insert_rowid(
        &mut self,
        conn: Resource<SqliteConnectionV3>,
    ) -> wasmtime::Result<i64> {
        Ok(self.table.get(&conn)?.0.last_insert_rowid())
    }

    async fn changes(&mut self, conn: Resource<SqliteConnectionV3>) -> wasmtime::Result<u64> {
        Ok(self.table.get(&conn)?.0.changes())
    }

    async fn drop(&mut self, conn: Resource<SqliteConnectionV3>) -> wasmtime::Result<()> {
        self.table.delete(conn)?;
        Ok(())
    }
}

// ---- key-value ----

fn kv_error(e: KvError) -> key_value::Error {
    match e {
        KvError::StoreTableFull => key_value::Error::StoreTableFull,
        KvError::NoSuchStore => key_value::Error::NoSuchStore,
        KvError::AccessDenied => key_value::Error::AccessDenied,
        KvError::Other(m) => key_value::Error::Other(m),
    }
}

type KvResult<T> = wasmtime::Result<Result<T, key_value::Error>>;

impl key_value::Host for RequestState {}

impl key_value::HostStore for RequestState {
    async fn open(&mut self, label: String) -> KvResult<Resource<KvStore>> {
        if !self.env.kv_allowed.contains(&label) {
            return Ok(Err(key_value::Error::AccessDenied));
        }
        if !self.env.kv.has(&label) {
            return Ok(Err(key_value::Error::NoSuchStore));
        }
        if self.open_stores >= MAX_OPEN_STORES {
            return Ok(Err(key_value::Error::StoreTableFull));
        }
        self.open_stores += 1;
        Ok(Ok(self.table.push(KvStore { label })?))
    }

    async fn get(&mut self, store: Resource<KvStore>, key: String) -> KvResult<Option<Vec<u8>>> {
        let label = self.table.get(&store)?.label.clone();
        Ok(self.env.kv.get(&label, &key).await.map_err(kv_error))
    }

    async fn set(&mut self, store: Resource<KvStore>, key: String, value: Vec<u8>) -> KvResult<()> {
        let label = self.table.get(&store)?.label.clone();
        Ok(self.env.kv.set(&label, &key, value).await.map_err(kv_error))
    }

    async fn delete(&mut self, store: Resource<KvStore>, key: String) -> KvResult<()> {
        let label = self.table.get(&store)?.label.clone();
        Ok(self.env.kv.delete(&label, &key).await.map_err(kv_error))
    }

    async fn exists(&mut self, store: Resource<KvStore>, key: String) -> KvResult<bool> {
        let label = self.table.get(&store)?.label.clone();
        Ok(self.env.kv.exists(&label, &key).await.map_err(kv_error))
    }

    async fn get_keys(&mut self, store: Resource<KvStore>) -> KvResult<Vec<String>> {
        let label = self.table.get(&store)?.label.clone();
        Ok(self.env.kv.keys(&label).await.map_err(kv_error))
    }

    async fn drop(&mut self, store: Resource<KvStore>) -> wasmtime::Result<()> {
        self.table.delete(store)?;
        self.open_stores = self.open_stores.saturating_sub(1);
        Ok(())
    }
}

// ---- variables ----

impl variables::Host for RequestState {
    async fn get(&mut self, name: String) -> wasmtime::Result<Result<String, variables::Error>> {
        Ok(self.env.variables.get(&name).map_err(|e| match e {
            VariableError::InvalidName(m) => variables::Error::InvalidName(m),
            VariableError::Undefined(m) => variables::Error::Undefined(m),
        }))
    }
}

/// Adds the Spin platform interfaces to a linker whose store data is [`RequestState`].
pub fn add_spin_to_linker(
    linker: &mut wasmtime::component::Linker<RequestState>,
) -> wasmtime::Result<()> {
    SpinPlatform::add_to_linker::<RequestState, wasmtime::component::HasSelf<RequestState>>(
        linker,
        |s| s,
    )
}
