//! `GET /api/v1/health`: is the app up, which version, can it reach its database, and which
//! schema version the database carries.

use serde::Serialize;
use settle_domain::auth::development_secrets;
use settle_store::{SpinDb, schema_version};
use settle_web::{json, method_not_allowed, respond, variable};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[derive(Serialize)]
struct Health {
    name: &'static str,
    version: &'static str,
    status: &'static str,
    database: Database,
    /// What makes the app degraded though it serves: development secrets left in place.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

/// Secrets still at their development default: tolerated on loopback, but reported.
fn warnings() -> Vec<String> {
    let admin = variable("admin_token");
    let link = variable("link_secret");
    development_secrets(admin.as_deref(), link.as_deref())
        .into_iter()
        .map(|name| {
            format!(
                "{name} is the development default: set SPIN_VARIABLE_{}",
                name.to_ascii_uppercase()
            )
        })
        .collect()
}

#[derive(Serialize)]
struct Database {
    reachable: bool,
    schema_version: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn check_database() -> Database {
    // The store answers both questions: an unreachable database fails the read.
    let probe = SpinDb::open_default().and_then(|db| schema_version(&db));
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
        return respond(Err(method_not_allowed("GET, HEAD")));
    }
    let database = check_database();
    let reachable = database.reachable;
    let warnings = warnings();
    let health = Health {
        name: "settle",
        version: env!("CARGO_PKG_VERSION"),
        status: if reachable && warnings.is_empty() {
            "ok"
        } else {
            "degraded"
        },
        database,
        warnings,
    };
    respond(Ok(json(if reachable { 200 } else { 503 }, &health)))
}
