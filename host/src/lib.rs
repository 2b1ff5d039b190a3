//! settle-host: a small Spin-compatible host (wasmtime + wasmtime-wasi + wasmtime-wasi-http +
//! rusqlite) that runs `spin.toml` applications the way Spin 3.6 does, for local use, tests
//! and benchmarks. See `shared/SPIN-NOTES.md` in the project for the behaviour mirrored.

pub mod build;
pub mod componentize;
pub mod kv;
pub mod manifest;
pub mod outbound;
pub mod routes;
pub mod runtime;
pub mod runtime_config;
pub mod server;
pub mod sqlite;
pub mod state;
pub mod template;
pub mod testing;
pub mod variables;

pub use manifest::Manifest;
pub use runtime::{App, HostConfig};
