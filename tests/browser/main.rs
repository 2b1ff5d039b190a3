//! Browser tests: the resolver's page and the customer's page in headless Chromium, driven
//! through chromedriver by the fantoccini WebDriver client, against the real app served by
//! settle-host. They click through the loop from an email, check that markup in a comment
//! stays text, that a 375-px screen needs no sideways scrolling, that axe-core finds no
//! serious or critical violation, and write screenshots under `target/screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them):
//! `apt-get install -y chromium chromium-driver fonts-noto-cjk`.

mod driver;

#[path = "../e2e/support.rs"]
#[allow(dead_code)]
mod support;

mod console;
mod pages;
mod reports;

/// Every page gets these at each width: it fits (no sideways scrolling), axe-core finds no
/// serious or critical violation, and a screenshot is written.
pub async fn review(b: &driver::Browser, name: &str) {
    b.assert_fits(name).await;
    b.assert_accessible(name).await;
    b.screenshot(name).await;
}

/// The runtime the WebDriver client runs on.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}
