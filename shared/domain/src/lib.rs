//! Settle's domain: the rules of the ledger, money, statuses, access and input validation.
//!
//! Pure functions and types only: no I/O, no HTTP, no SQL. Components and the store call into
//! this crate; its rules are unit-tested natively.

pub mod actions;
pub mod auth;
pub mod case_analytics;
pub mod catalog;
pub mod config;
pub mod csv;
pub mod dates;
pub mod disputes;
pub mod erp;
pub mod import;
pub mod input;
pub mod ledger;
pub mod links;
pub mod money;
pub mod pages;

pub mod report_views;
pub mod reports;
pub mod root_causes;
pub mod routing;
pub mod scenario;
pub mod sessions;
pub mod status_change;
pub mod templates;
pub mod users;
pub mod validation;
pub mod webhooks;

pub use validation::{FieldError, Invalid};
