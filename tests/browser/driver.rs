//! Chromium and chromedriver for one test: a chromedriver on a free port, a headless
//! session with an empty profile, and the checks every page gets (width, axe-core,
//! screenshots).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// axe-core, vendored (MPL-2.0, see vendor/axe-core).
const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// Fails loudly, with the way to fix it, when the browser is missing.
fn require_browser() {
    for (path, package) in [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")] {
        assert!(
            Path::new(path).exists(),
            "{path} is missing: browser tests need Debian's {package}. Install them with\n    \
             sudo apt-get install -y chromium chromium-driver fonts-noto-cjk\n\
             (.ci/run does this when they are missing)."
        );
    }
}

/// A chromedriver process, killed on drop.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub fn start() -> Driver {
        require_browser();
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }

    /// A new headless browser (own empty profile) with its viewport `width` px wide.
    pub async fn browser(&self, width: u32) -> Browser {
        let profile = std::env::temp_dir().join(format!(
            "settle-chromium-{}-{}",
            std::process::id(),
            rand_suffix()
        ));
        let args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--hide-scrollbars".into(),
            "--force-device-scale-factor=1".into(),
            format!("--window-size={width},900"),
            format!("--user-data-dir={}", profile.display()),
        ];
        let caps = json!({
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args}
        });
        let caps = caps.as_object().unwrap().clone();
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a chromium session");
        let b = Browser {
            client,
            profile,
            width,
        };
        b.resize(width, 900).await;
        b
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

pub struct Browser {
    pub client: Client,
    profile: PathBuf,
    pub width: u32,
}

impl Browser {
    pub async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    /// Sets the viewport (not the window) to `width` × `height` CSS pixels.
    pub async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("window size");
        // The window's frame takes some pixels: grow it until the viewport is as asked.
        let inner = self
            .eval("return [window.innerWidth, window.innerHeight]")
            .await;
        let (iw, ih) = (
            inner[0].as_u64().unwrap() as u32,
            inner[1].as_u64().unwrap() as u32,
        );
        if iw != width || ih != height {
            self.client
                .set_window_size(
                    width + (width - iw.min(width)),
                    height + (height - ih.min(height)),
                )
                .await
                .expect("window size");
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigates");
    }

    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    pub async fn text(&self) -> String {
        self.eval("return document.body.innerText")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits (up to 30 s) until the page's text holds `needle`; answers the text. A form's
    /// submit returns before the redirected page has loaded, more so on a loaded machine.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        let started = Instant::now();
        loop {
            let ready = self.eval("return document.readyState").await;
            let text = self.text().await;
            if ready == json!("complete") && text.contains(needle) {
                return text;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the page never showed {needle:?}: {text}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks a form's submit button and waits until the next page shows `needle`.
    pub async fn submit(&self, css: &str, needle: &str) -> String {
        self.follow(css, needle).await
    }

    /// Clicks what leads to another page (a link, a submit button) and waits until a new
    /// document has loaded and shows `needle`. The page being left is marked first, so a
    /// needle it already shows (the action page's "Modify" before and after a detach) cannot
    /// end the wait before the browser has left it.
    pub async fn follow(&self, css: &str, needle: &str) -> String {
        self.eval("window.settleLeaving = true; return null").await;
        self.click(css).await;
        let started = Instant::now();
        while self.eval("return window.settleLeaving === true").await == json!(true) {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "after {css} the browser never left the page"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.wait_for_text(needle).await
    }

    /// Waits until the address of the page contains `needle` (a GET form's query).
    pub async fn wait_for_url(&self, needle: &str) -> String {
        let started = std::time::Instant::now();
        loop {
            let url = self
                .client
                .current_url()
                .await
                .expect("the url")
                .to_string();
            if url.contains(needle) {
                return url;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "the page never went to an address with {needle:?}: {url}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn type_in(&self, css: &str, text: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type in {css}: {e}"));
    }

    /// Sets a date input (typing dates depends on the locale's field order).
    pub async fn set_value(&self, css: &str, value: &str) {
        self.client
            .execute(
                "document.querySelector(arguments[0]).value = arguments[1]",
                vec![json!(css), json!(value)],
            )
            .await
            .expect("value set");
    }

    pub async fn select(&self, css: &str, value: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
    }

    /// The page's width fits the viewport: nothing to scroll sideways.
    pub async fn assert_fits(&self, what: &str) {
        let v = self
            .eval("return [document.documentElement.scrollWidth, window.innerWidth]")
            .await;
        let (scroll, inner) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
        if scroll > inner {
            // Name what sticks out, to fix it without guessing.
            let wide = self
                .eval(
                    "return [...document.querySelectorAll('body *')]
                       .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                                 && !(e.parentElement && e.parentElement.closest('.table-wrap')))
                       .slice(0, 8)
                       .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className
                                 + ' ' + Math.round(e.getBoundingClientRect().right))",
                )
                .await;
            panic!(
                "{what} at {} px: the page is {scroll} px wide, the screen {inner} px; \
                 sticking out: {wide}",
                self.width
            );
        }
    }

    /// axe-core on the current page: no serious or critical violation.
    pub async fn assert_accessible(&self, what: &str) {
        let loaded = self
            .client
            .execute(&format!("{AXE}\n;return typeof axe"), vec![])
            .await
            .expect("axe-core loads");
        assert_eq!(loaded, json!("object"), "axe-core did not load");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                    .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));",
                vec![],
            )
            .await
            .expect("axe-core runs");
        let bad: Vec<&Value> = result
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        assert!(bad.is_empty(), "{what}: axe-core violations {bad:#?}");
    }

    /// A PNG of the whole page under `target/screenshots/<name>-<width>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let h = self
            .eval("return document.documentElement.scrollHeight")
            .await
            .as_u64()
            .unwrap_or(900) as u32;
        self.resize(self.width, h.clamp(400, 8000)).await;
        let png = self.client.screenshot().await.expect("a screenshot");
        self.resize(self.width, 900).await;
        let dir = settle_host::testing::workspace_root()
            .join("target")
            .join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}-{}.png", self.width));
        std::fs::write(&path, png).unwrap();
        path
    }
}
