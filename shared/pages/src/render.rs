//! Rendering: one minijinja environment per request, with the reader's messages (`t`),
//! amounts (`money`) and dates (`date`); autoescaping on every `.html` template. Every page
//! answer carries the same security headers; errors are pages too, in the reader's language.

use std::sync::Arc;

use minijinja::value::Kwargs;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Value};
use settle_domain::validation::Invalid;
use spin_sdk::http::Response;

use crate::i18n::{Arg, LANGUAGES, Messages};

/// The stylesheet, served at `/r/assets/pages.css` and `/c/assets/pages.css`.
pub const STYLESHEET: &str = include_str!("../templates/pages.css");
const LAYOUT: &str = include_str!("../templates/layout.html");
const ERROR: &str = include_str!("../templates/error.html");
const ITEMS: &str = include_str!("../templates/items.html");
const BALANCES: &str = include_str!("../templates/balances.html");

/// No script at all, styles and images from this origin only, no framing, forms post back
/// here only.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The environment for one reader: the layout and error templates plus `templates`.
pub fn environment(
    messages: Arc<Messages>,
    templates: &[(&'static str, &'static str)],
) -> Environment<'static> {
    // Only the filters and tests the templates use: `Environment::new()` registers every
    // built-in one, and each console component carried them all (~70 KB of boxed
    // functions). A template using another gets "unknown filter" in the tests that render
    // every page.
    let mut env = Environment::empty();
    use minijinja::filters;
    env.add_filter("safe", filters::safe);
    env.add_filter("escape", filters::escape);
    env.add_filter("e", filters::escape);
    env.add_filter("length", filters::length);
    env.add_filter("join", filters::join);
    env.add_filter("replace", filters::replace);
    env.add_filter("items", filters::items);
    env.add_filter("first", filters::first);
    env.add_filter("selectattr", filters::selectattr);
    env.add_test("defined", minijinja::tests::is_defined);
    env.add_test("undefined", minijinja::tests::is_undefined);
    env.add_test("none", minijinja::tests::is_none);
    env.add_test("mapping", minijinja::tests::is_mapping);
    env.add_test("startingwith", minijinja::tests::is_startingwith);
    env.add_test("equalto", minijinja::tests::is_eq);
    env.add_test("eq", minijinja::tests::is_eq);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    let m = messages.clone();
    env.add_function(
        "t",
        move |id: &str, kwargs: Kwargs| -> Result<String, Error> {
            let mut owned: Vec<(String, Value)> = Vec::new();
            for name in kwargs.args() {
                owned.push((name.to_string(), kwargs.get::<Value>(name)?));
            }
            kwargs.assert_all_used()?;
            let texts: Vec<String> = owned.iter().map(|(_, v)| v.to_string()).collect();
            let args: Vec<(&str, Arg)> = owned
                .iter()
                .zip(&texts)
                .map(|((k, v), text)| {
                    let arg = match v.as_i64() {
                        Some(n) if v.is_number() => Arg::Int(n),
                        _ => Arg::Str(text),
                    };
                    (k.as_str(), arg)
                })
                .collect();
            Ok(m.get(id, &args))
        },
    );
    let m = messages.clone();
    env.add_filter("money", move |amount: &str, currency: &str| {
        m.money_str(amount, currency)
    });
    let m = messages.clone();
    env.add_filter("date", move |s: &str| m.date_str(s));
    let m = messages.clone();
    env.add_filter("number", move |n: i64| m.number(n));
    let m = messages;
    env.add_filter("decimal", move |v: Value| m.decimal_str(&v.to_string()));
    env.add_template("layout.html", LAYOUT)
        .expect("the layout template parses");
    env.add_template("error.html", ERROR)
        .expect("the error template parses");
    env.add_template("items.html", ITEMS)
        .expect("the items template parses");
    env.add_template("balances.html", BALANCES)
        .expect("the balances template parses");
    for (name, src) in templates {
        env.add_template(name, src).expect("page templates parse");
    }
    env
}

/// What every page shows around its content: language switcher and the stylesheet.
pub fn base_context(messages: &Messages, base_path: &str) -> Value {
    let languages: Vec<Value> = LANGUAGES
        .iter()
        .map(|l| {
            minijinja::context! {
                tag => l.tag,
                name => l.name,
                current => l.tag == messages.language.tag,
            }
        })
        .collect();
    minijinja::context! {
        lang => messages.language.tag,
        languages => languages,
        base => base_path,
    }
}

fn with_headers(mut r: Response, language: &str) -> Response {
    for (k, v) in [
        ("content-security-policy", CSP),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-store"),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("content-language", language),
    ] {
        r.set_header(k, v);
    }
    r
}

/// An HTML page.
pub fn page(status: u16, html: String, language: &str, set_cookie: Option<String>) -> Response {
    let mut b = Response::builder();
    b.status(status)
        .header("content-type", "text/html; charset=utf-8");
    if let Some(c) = set_cookie {
        b.header("set-cookie", c);
    }
    with_headers(b.body(html).build(), language)
}

/// POST/redirect/GET: 303 to `location` (a path on this site).
pub fn redirect(location: &str, language: &str) -> Response {
    with_headers(
        Response::builder()
            .status(303)
            .header("location", location)
            .body(Vec::new())
            .build(),
        language,
    )
}

/// The stylesheet response.
pub fn css() -> Response {
    let mut r = Response::builder()
        .status(200)
        .header("content-type", "text/css; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .body(STYLESHEET)
        .build();
    r.set_header("x-content-type-options", "nosniff");
    r
}

/// The request's full content type, parameters included (a multipart boundary).
pub fn content_type(req: &spin_sdk::http::Request) -> String {
    req.header("content-type")
        .and_then(|h| h.as_str())
        .unwrap_or("")
        .to_string()
}

/// A file download (attachments, CSV): never rendered inline by the browser.
pub fn download(content_type: &str, filename: &str, bytes: Vec<u8>) -> Response {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    with_headers(
        Response::builder()
            .status(200)
            .header("content-type", content_type)
            .header(
                "content-disposition",
                format!("attachment; filename=\"{ascii}\""),
            )
            .body(bytes)
            .build(),
        "en",
    )
}

/// Why a page cannot be shown: each becomes an error page in the reader's language.
#[derive(Debug)]
pub enum PageError {
    /// 403: forged, altered, or a link for another page.
    Forbidden,
    /// 410: expired or revoked.
    Gone,
    /// 429 with the seconds to wait.
    Throttled(i64),
    NotFound,
    /// 400 (422 for rules on stored data): the form's errors, by field.
    Invalid(u16, Invalid),
    /// 405 with the allowed methods.
    Method(&'static str),
    /// 413: a body over the page's limit.
    TooLarge,
    /// 500/503: nothing about the cause is shown; it is logged.
    Server(u16, String),
    /// 409: the page is read-only now; the message key (`closed-resolved`,
    /// `closed-handed-over`) says why.
    Closed(&'static str),
}

impl settle_store::Busy for PageError {
    fn is_busy(&self) -> bool {
        matches!(self, PageError::Server(503, _))
    }
}

impl From<settle_store::StoreError> for PageError {
    fn from(e: settle_store::StoreError) -> PageError {
        if e.is_busy() {
            PageError::Server(503, e.0)
        } else {
            PageError::Server(500, e.0)
        }
    }
}

impl From<settle_web::Problem> for PageError {
    fn from(p: settle_web::Problem) -> PageError {
        match p.status() {
            413 => PageError::TooLarge,
            s if s >= 500 => PageError::Server(s, p.body()["detail"].to_string()),
            s => PageError::Invalid(
                s,
                Invalid::one("form", Some("form"), p.body()["detail"].to_string()),
            ),
        }
    }
}

/// A use case's refusal as a link page shows it: field errors beside their fields (422, a
/// quota's 413), the read-only notice (409 `closed-*`), or the error page.
impl From<settle_web::settle_usecases::Refusal> for PageError {
    fn from(r: settle_web::settle_usecases::Refusal) -> PageError {
        use settle_web::settle_usecases::Refusal;
        let status = r.status();
        match r {
            Refusal::Invalid(inv) => PageError::Invalid(status, inv),
            Refusal::TooLarge(inv) => PageError::Invalid(413, inv),
            Refusal::Conflict {
                code: code @ ("closed-resolved" | "closed-handed-over"),
                ..
            } => PageError::Closed(code),
            Refusal::Conflict {
                message, fields, ..
            } if fields.is_empty() => {
                PageError::Invalid(409, Invalid::one("form", Some("form"), message))
            }
            Refusal::Conflict { fields, .. } => PageError::Invalid(409, fields),
            Refusal::Stale(message) => {
                PageError::Invalid(409, Invalid::one("form", Some("form"), message))
            }
            Refusal::NotFound(_) => PageError::NotFound,
            Refusal::Forbidden(_) => PageError::Forbidden,
            Refusal::Store(e) => PageError::from(e),
        }
    }
}

impl From<Invalid> for PageError {
    fn from(e: Invalid) -> PageError {
        PageError::Invalid(400, e)
    }
}

/// The error page for `e`, with `back` (the page's own address) when the reader may return.
pub fn error_page(
    messages: Arc<Messages>,
    e: &PageError,
    base: &str,
    back: Option<&str>,
) -> Response {
    let (status, key) = match e {
        PageError::Forbidden => (403, "forbidden"),
        PageError::Gone => (410, "gone"),
        PageError::Throttled(_) => (429, "throttled"),
        PageError::NotFound | PageError::Method(_) => (404, "notfound"),
        PageError::Invalid(s, _) => (*s, "invalid"),
        PageError::TooLarge => (413, "invalid"),
        PageError::Closed(key) => (409, *key),
        PageError::Server(s, detail) => {
            eprintln!("page error {s}: {detail}");
            (*s, "server")
        }
    };
    let status = match e {
        PageError::Method(_) => 405,
        _ => status,
    };
    let mut fields: Vec<String> = match e {
        PageError::Invalid(_, inv) => {
            let mut seen: Vec<String> = Vec::new();
            for f in &inv.0 {
                let id = format!("error-{}", f.field.as_deref().unwrap_or(&f.pointer));
                let id = if messages.has(&id) {
                    id
                } else {
                    "error-form".to_string()
                };
                if !seen.contains(&id) {
                    seen.push(id);
                }
            }
            seen.iter()
                .map(|id| {
                    messages.get(
                        id,
                        &[("max", Arg::Int(settle_domain::pages::MAX_COMMENT as i64))],
                    )
                })
                .collect()
        }
        PageError::TooLarge => vec![messages.get("error-file", &[])],
        _ => Vec::new(),
    };
    fields.dedup();
    let minutes = match e {
        PageError::Throttled(secs) => (secs + 59) / 60,
        _ => 0,
    };
    let env = environment(messages.clone(), &[]);
    let html = env
        .get_template("error.html")
        .and_then(|t| {
            t.render(minijinja::context! {
                key => key,
                fields => fields,
                minutes => minutes,
                back => back,
                ..base_context(&messages, base)
            })
        })
        .unwrap_or_else(|e| {
            eprintln!("error page failed to render: {e}");
            "<!doctype html><title>Error</title>".into()
        });
    let mut r = page(status, html, messages.language.tag, None);
    if let PageError::Throttled(secs) = e {
        r.set_header("retry-after", secs.to_string());
    }
    if let PageError::Method(allow) = e {
        r.set_header("allow", *allow);
    }
    r
}

/// Renders `template` with `ctx` (merged over the base context).
pub fn render(env: &Environment, template: &str, ctx: Value) -> Result<String, PageError> {
    env.get_template(template)
        .and_then(|t| t.render(ctx))
        .map_err(|e: Error| {
            let kind: ErrorKind = e.kind();
            PageError::Server(500, format!("template {template}: {kind:?} {e:#}"))
        })
}
