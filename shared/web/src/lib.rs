//! The HTTP edge shared by Settle's components. Components stay thin: parse with this crate
//! and `settle_domain`, read and write with `settle_store` (inside `Db::transaction`),
//! render JSON with [`json`] or answer a [`Problem`].
//!
//! | module | concern |
//! |---|---|
//! | [`accept`] | content negotiation: the offer an `Accept` header prefers |
//! | [`problem`] | RFC 9457 problems, [`Answer`], store errors → 500 |
//! | [`auth`] | bearer tokens, webhook signatures, roles |
//! | [`body`] | size limits, content types, JSON objects read field by field |
//! | [`email`] | composing, previewing, queueing and delivering dispute emails |
//! | [`query`] | path segments, query parameters, list cursors |
//! | [`idempotency`] | `Idempotency-Key` replays |
//! | [`session`] | console sessions in the key-value store, their cookies |
//! | [`usecase`] | the use cases' caller ([`usecase::who`]) and refusals as problems |
//! | [`after_commit`] | the side effects a commit releases: emails, webhook deliveries |
//! | [`webhooks`] | one signed webhook delivery attempt, flushes |

pub mod accept;
pub mod after_commit;
pub mod auth;
pub mod body;
pub mod email;
pub mod forms;
pub mod idempotency;
pub mod problem;
pub mod query;
pub mod session;
pub mod usecase;
pub mod webhooks;

pub use auth::authenticate;
pub use body::{
    MAX_BATCH_BODY, MAX_BODY, body, content_type, json_body, object_body, optional_json_body,
    optional_object_body, parse_object_with, read_object,
};
pub use idempotency::{check_idempotency_key, idempotent};
pub use problem::{
    Answer, Problem, conflict, conflict_fields, invalid, json, method_not_allowed, not_found,
    problem, respond, store_error, unprocessable,
};
pub use query::{Cursor, Query, bad_query, encode_query, query, segments};
pub use settle_store;
pub use settle_usecases;

use chrono::{NaiveDate, Utc};
use settle_domain::dates::format_timestamp;
use settle_store::SpinDb;

/// The current time, as stored (UTC, RFC 3339).
pub fn now() -> String {
    format_timestamp(Utc::now())
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Opens the default database and brings its schema up to date.
pub fn open_db() -> Answer<SpinDb> {
    let db = SpinDb::open_default()?;
    settle_store::migrations::migrate(&db, &now())?;
    Ok(db)
}

/// A Spin variable, `None` when undefined or empty.
pub fn variable(name: &str) -> Option<String> {
    spin_sdk::variables::get(name)
        .ok()
        .filter(|v| !v.is_empty())
}

/// Where links point and the app is reached (`public_base_url`).
pub fn public_base_url() -> String {
    variable("public_base_url").unwrap_or_else(|| "http://127.0.0.1:3000".into())
}

/// The development defaults are tolerated only while the app is reached on loopback.
pub fn development_defaults_allowed() -> bool {
    settle_domain::auth::is_loopback_url(&public_base_url())
}

/// 32 random bytes from the host (WASI random).
pub fn random_bytes() -> [u8; 32] {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).expect("the host provides randomness");
    b
}

/// The key signing links: never the development default on a public address, where
/// anyone who read the README could forge links with it.
pub fn link_secret() -> Answer<String> {
    let secret = variable("link_secret").ok_or_else(|| {
        problem(
            500,
            "link-secret-missing",
            "Links are not configured",
            "set the Spin variable link_secret (SPIN_VARIABLE_LINK_SECRET) to sign links",
        )
    })?;
    if secret == settle_domain::auth::DEV_LINK_SECRET && !development_defaults_allowed() {
        return Err(problem(
            503,
            "insecure-configuration",
            "Links are not configured",
            "link_secret is the development default and public_base_url is not loopback: set SPIN_VARIABLE_LINK_SECRET",
        ));
    }
    Ok(secret)
}
