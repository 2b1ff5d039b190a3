//! End-to-end tests: `spin.toml` at the workspace root, its components built by their build
//! commands (once per run), served by settle-host on an ephemeral port with a fresh state dir.

mod accounts;
mod actions;
mod agenda;
mod auth;
mod cases;
mod catalogue;
mod config;
mod console;
mod disputes;
mod erp;
mod health;
mod imports;
mod openapi;
mod pages;
mod report_data;
mod reports;
mod support;
mod usecases;
mod users;
mod webhooks;
