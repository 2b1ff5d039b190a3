//! What Settle's HTML pages share (the resolver's page `/r/…`, the customer's page `/c/…`):
//!
//! | module | concern |
//! |---|---|
//! | [`i18n`] | the 15 languages: negotiation, Fluent messages, ICU amounts and dates |
//! | [`render`] | minijinja environment, layout, page and error responses with their headers |
//! | [`rows`] | item rows with every cell in the reader's format |
//! | [`serve`] | the entry of a page component: stylesheet, link, customer, error pages |
//! | [`link`] | verifying the link of every request, throttling failures per client address |
//! | [`blobs`] | attachment bytes in the key-value store |
//! | [`console`] | the console's frame: signed-in requests, forms, failure pages |
//! | [`reader`] | the reader's language: switcher, cookie, stored, browser |
//! | [`notify`] | the `collector_reply` email queued on every reply |
//!
//! Rules stay in `settle_domain::pages`, queries in `settle_store::pages`: a page component
//! parses the form, calls them, and renders.

pub mod blobs;
pub mod console;
pub mod i18n;
pub mod link;
pub mod notify;
pub mod reader;
pub mod render;
pub mod rows;
pub mod serve;

pub use i18n::{EmailFormats, Messages, negotiate};
pub use render::{PageError, css, page, redirect};
pub use serve::{Visit, serve};
