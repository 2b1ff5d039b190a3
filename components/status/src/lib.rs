//! `GET /api/v1/health`: is the app up, which version, can it reach its database, and which
//! schema version the database carries.

use serde::Serialize;
use settle_store::{Db, SpinDb, schema_version};
use settle_web::method_not_allowed;
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[derive(Serialize)]
struct Health {
    name: &'static str,
    version: &'static str,
    status: &'static str,
    database: Database,
}

#[derive(Serialize)]
struct Database {
    reachable: bool,
    schema_version: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn check_database() -> Database {
    let probe = SpinDb::open_default().and_then(|db| {
        db.query("SELECT 1", &[])?;
        schema_version(&db)
    });
    match probe {
        Ok(v) => Database {
            reachable: true,
            schema_version: v,
            error: None,
        },
        Err(e) => Database {
            reachable: false,
            schema_version: None,
            error: Some(e.to_string()),
        },
    }
}

#[http_component]
fn handle(req: Request) -> Response {
    if *req.method() != Method::Get && *req.method() != Method::Head {
        return method_not_allowed("GET, HEAD").into();
    }
    let database = check_database();
    let ok = database.reachable;
    let health = Health {
        name: "settle",
        version: env!("CARGO_PKG_VERSION"),
        status: if ok { "ok" } else { "degraded" },
        database,
    };
    Response::builder()
        .status(if ok { 200 } else { 503 })
        .header("content-type", "application/json")
        .header("cache-control", "no-store")
        .body(serde_json::to_vec(&health).unwrap_or_default())
        .build()
}
