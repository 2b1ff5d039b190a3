use std::path::PathBuf;

use settle_host::testing::{TestServer, workspace_root};

/// The development admin token the tests configure (never the shipped default).
pub const ADMIN_TOKEN: &str = "e2e-admin-token";

pub fn manifest() -> PathBuf {
    workspace_root().join("spin.toml")
}

/// Starts the whole app with a fresh database.
pub fn start() -> TestServer {
    TestServer::start(&manifest(), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), ADMIN_TOKEN.into());
    })
}
