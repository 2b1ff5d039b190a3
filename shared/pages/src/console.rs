//! What the console's components share: the signed-in request ([`Ctx`]), its messages
//! (the pages' catalogue plus `locales/<tag>/console.ftl`), the frame with the navigation,
//! the sign-out form and the anti-forgery token, forms, redirects and the failure pages.
//!
//! The console is four Spin components (`console`, `console-change-status`, `console-follow-up`,
//! `console-admin`) so each stays under the 2 MB edge budget; to a person it is one site
//! under `/app`.

use std::cell::RefCell;
use std::sync::Arc;

use crate::i18n::{LANGUAGES, Language, Messages};
use crate::reader::{Reader, reader};
use crate::render::{self, environment, page};
use minijinja::{Environment, Value, context};
use settle_domain::validation::Invalid;
use settle_store::SpinDb;
use settle_web::forms::Form;
use settle_web::session::{self, SignedIn};
use settle_web::{Problem, open_db};
use spin_sdk::http::{Method, Request, Response};

/// The frame's templates; each component adds its own.
const FRAME: &[(&str, &str)] = &[
    (
        "console.html",
        include_str!("../templates/console/console.html"),
    ),
    (
        "failure.html",
        include_str!("../templates/console/failure.html"),
    ),
    (
        "form_errors.html",
        include_str!("../templates/console/form_errors.html"),
    ),
];

const CONSOLE_CSS: &str = include_str!("../templates/console/console.css");

/// The console's template environment: the pages' (messages, amounts, dates) with the
/// frame, the component's `templates` and a `path` filter for ids in URLs.
pub fn console_environment(
    messages: Arc<Messages>,
    templates: &[(&'static str, &'static str)],
) -> Environment<'static> {
    console_environment_with(messages, templates, Vec::new())
}

/// The same, knowing the resolvers' names for the `who` filter; `event` names a history
/// event in the reader's language.
fn console_environment_with(
    messages: Arc<Messages>,
    templates: &[(&'static str, &'static str)],
    resolvers: Vec<(i64, String)>,
) -> Environment<'static> {
    let mut env = environment(messages.clone(), FRAME);
    for (name, src) in templates {
        env.add_template(name, src)
            .expect("console templates parse");
    }
    env.add_filter("path", |s: &str| path_segment(s));
    let m = messages.clone();
    env.add_filter("who", move |actor: &str| who(&m, &resolvers, actor));
    let m = messages;
    env.add_filter("event", move |code: &str| {
        let id = format!("event-{code}");
        if m.has(&id) {
            m.get(&id, &[])
        } else {
            code.replace('_', " ")
        }
    });
    env
}

/// Who an actor of the history is, for a person: a user's email, a token's name, a
/// resolver's name, "Customer", "ERP", the administrator.
pub fn who(messages: &Messages, resolvers: &[(i64, String)], actor: &str) -> String {
    let mut parts = actor.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("user"), Some(_), Some(email)) => email.to_string(),
        (Some("token"), Some(_), Some(name)) => name.to_string(),
        (Some("resolver"), Some(id), None) => id
            .parse::<i64>()
            .ok()
            .and_then(|id| resolvers.iter().find(|(r, _)| *r == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| messages.get("speaker-resolver", &[])),
        (Some("customer"), _, None) => messages.get("speaker-customer", &[]),
        (Some("admin-bootstrap"), None, None) => messages.get("actor-admin", &[]),
        (Some("erp" | "erp-webhook"), None, None) => "ERP".to_string(),
        _ => actor.to_string(),
    }
}

/// `s` as one path segment: everything but unreserved characters percent-encoded.
pub fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A GET without a session: to the sign-in page, coming back to this address afterwards.
pub fn to_sign_in(req: &Request) -> Response {
    let here = match req.query() {
        "" => req.path().to_string(),
        q => format!("{}?{q}", req.path()),
    };
    let next = settle_domain::sessions::safe_next(Some(&here));
    let q = settle_web::encode_query(&[("next".to_string(), next)]);
    crate::redirect(&format!("/app/sign-in?{q}"), "en")
}

/// The 15 page languages, for a select.
pub fn language_options() -> Vec<Value> {
    LANGUAGES
        .iter()
        .map(|l| context! { tag => l.tag, name => l.name })
        .collect()
}

/// The reader's language when nobody is signed in: their choice, else their browser's.
pub fn visitor_language(req: &Request) -> &'static Language {
    reader(req).language(None)
}

pub fn messages(language: &'static Language) -> Arc<Messages> {
    Arc::new(Messages::console(language))
}

/// Forms are small: the largest is a Change status over 5,000 ticked items.
pub const MAX_FORM: usize = 512 * 1024;

/// Why a console request cannot be answered as asked: each is a page in the reader's
/// language.
#[derive(Debug)]
pub enum Failure {
    /// 403: no session for a write, a collector on an admin page, a missing or wrong
    /// anti-forgery token.
    Forbidden,
    NotFound,
    Method(&'static str),
    /// 400/409/412/422: what was wrong, by field; nothing was written.
    Invalid(u16, Invalid),
    /// 429: sign-in attempts, with the seconds to wait.
    Throttled(i64),
    /// 413.
    TooLarge,
    /// 500/503: logged, not shown.
    Server(u16, String),
}

impl settle_store::Busy for Failure {
    fn is_busy(&self) -> bool {
        matches!(self, Failure::Server(503, _))
    }
}

impl From<settle_store::StoreError> for Failure {
    fn from(e: settle_store::StoreError) -> Failure {
        Failure::Server(if e.is_busy() { 503 } else { 500 }, e.0)
    }
}

/// A use case's refusal as the page shows it: field errors beside their fields (422, 409),
/// or the failure page.
impl From<settle_web::settle_usecases::Refusal> for Failure {
    fn from(r: settle_web::settle_usecases::Refusal) -> Failure {
        use settle_web::settle_usecases::Refusal;
        let status = r.status();
        match r {
            Refusal::Invalid(inv) => Failure::Invalid(status, inv),
            Refusal::Conflict {
                message, fields, ..
            } if fields.is_empty() => {
                // About the record as it is, not a field: `field-conflict` says so, and the
                // message names what (the form itself was read).
                Failure::Invalid(409, Invalid::one("conflict", Some("conflict"), message))
            }
            Refusal::Conflict { fields, .. } => Failure::Invalid(409, fields),
            // The form's `version` was read before someone else's change.
            Refusal::Stale(_) => Failure::Invalid(
                409,
                Invalid::one("version", Some("version"), "the action changed meanwhile"),
            ),
            Refusal::TooLarge(_) => Failure::TooLarge,
            Refusal::NotFound(_) => Failure::NotFound,
            Refusal::Forbidden(_) => Failure::Forbidden,
            Refusal::Store(e) => Failure::from(e),
        }
    }
}

impl From<Problem> for Failure {
    fn from(p: Problem) -> Failure {
        let status = p.status();
        let body = p.body();
        match status {
            403 => Failure::Forbidden,
            404 => Failure::NotFound,
            413 => Failure::TooLarge,
            s if s >= 500 => Failure::Server(s, body["detail"].to_string()),
            s => {
                // A problem's own errors by field, or its detail on the form.
                let mut inv = Invalid::default();
                if let Some(errors) = body["errors"].as_array() {
                    for e in errors {
                        let pointer = e["pointer"].as_str().unwrap_or("");
                        let field = e["field"]
                            .as_str()
                            .or_else(|| pointer.trim_start_matches('/').split('/').next());
                        inv.push(
                            pointer,
                            field.filter(|f| !f.is_empty()),
                            e["message"].as_str().unwrap_or(""),
                        );
                    }
                }
                if inv.0.is_empty() {
                    inv.push("", None, body["detail"].as_str().unwrap_or(""));
                }
                Failure::Invalid(s, inv)
            }
        }
    }
}

impl From<Invalid> for Failure {
    fn from(e: Invalid) -> Failure {
        Failure::Invalid(422, e)
    }
}

/// A signed-in request.
pub struct Ctx<'a> {
    pub req: &'a Request,
    pub db: SpinDb,
    pub me: SignedIn,
    pub messages: Arc<Messages>,
    pub env: Environment<'static>,
    reader: Reader,
    later: RefCell<Vec<settle_web::settle_usecases::AfterCommit>>,
}

impl<'a> Ctx<'a> {
    /// The request's session; `None` when there is none (or it is over). `templates` are
    /// the component's pages.
    pub fn open(
        req: &'a Request,
        templates: &[(&'static str, &'static str)],
    ) -> Result<Option<Ctx<'a>>, Failure> {
        Ctx::open_with(req, templates, None)
    }

    /// [`Ctx::open`], with the component's own catalogue beside the console's (`extra`
    /// gives its text for a language tag, e.g. `settle_pages::i18n::cases_catalogue`).
    pub fn open_with(
        req: &'a Request,
        templates: &[(&'static str, &'static str)],
        extra: Option<fn(&str) -> String>,
    ) -> Result<Option<Ctx<'a>>, Failure> {
        let db = open_db()?;
        let Some(me) = session::current(req, &db)? else {
            return Ok(None);
        };
        let reader = reader(req);
        let language = reader.language(Some(&me.user.language));
        let messages = match extra {
            Some(f) => Arc::new(Messages::console_with(language, f)),
            None => messages(language),
        };
        let resolvers = settle_store::config::resolvers(&db)?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        let env = console_environment_with(messages.clone(), templates, resolvers);
        Ok(Some(Ctx {
            req,
            db,
            me,
            messages,
            env,
            reader,
            later: RefCell::new(Vec::new()),
        }))
    }

    /// The signed-in request, or the answer to give instead: a GET without a session goes
    /// to the sign-in page (and back here afterwards), anything else is a 403 page.
    pub fn open_or_sign_in(
        req: &'a Request,
        templates: &[(&'static str, &'static str)],
    ) -> Result<Ctx<'a>, Response> {
        Ctx::open_or_sign_in_with(req, templates, None)
    }

    /// [`Ctx::open_or_sign_in`] with the component's own catalogue ([`Ctx::open_with`]).
    pub fn open_or_sign_in_with(
        req: &'a Request,
        templates: &[(&'static str, &'static str)],
        extra: Option<fn(&str) -> String>,
    ) -> Result<Ctx<'a>, Response> {
        match Ctx::open_with(req, templates, extra) {
            Ok(Some(ctx)) => Ok(ctx),
            Ok(None) if matches!(req.method(), Method::Get | Method::Head) => Err(to_sign_in(req)),
            Ok(None) => Err(failure_page(req, None, &Failure::Forbidden)),
            Err(f) => Err(failure_page(req, None, &f)),
        }
    }

    pub fn lang(&self) -> &'static str {
        self.messages.language.tag
    }

    pub fn is_admin(&self) -> bool {
        self.me.user.role == settle_domain::users::UserRole::Admin
    }

    /// As whom history rows record this request's changes.
    pub fn actor(&self) -> String {
        self.me.principal().actor
    }

    /// The signed-in user as use cases record them, with the clock read once.
    pub fn who(&self) -> settle_web::settle_usecases::Who {
        settle_web::usecase::who(&self.me.principal())
    }

    /// The posted form, once its anti-forgery token matched the session's (403 otherwise,
    /// before any field is read).
    pub fn form(&self) -> Result<Form, Failure> {
        let f = read_form(self.req)?;
        if !self.me.session.form_token_ok(f.get("form_token")) {
            return Err(Failure::Forbidden);
        }
        Ok(f)
    }

    /// Steps to run once the write that returned them has committed (the component's
    /// handler runs them after answering: `settle_web::after_commit::run`).
    pub fn after_commit(&self, steps: Vec<settle_web::settle_usecases::AfterCommit>) {
        self.later.borrow_mut().extend(steps);
    }

    /// The steps collected by [`Ctx::after_commit`].
    pub fn later(&self) -> Vec<settle_web::settle_usecases::AfterCommit> {
        self.later.borrow().clone()
    }

    /// Renders `template` inside the console's frame; `nav` names the current section.
    pub fn render(
        &self,
        status: u16,
        template: &str,
        nav: &str,
        ctx: Value,
    ) -> Result<Response, Failure> {
        let html = render::render(
            &self.env,
            template,
            minijinja::value::merge_maps([
                context! {
                    nav => nav,
                    me => context! {
                        name => self.me.user.name.clone(),
                        email => self.me.user.email.clone(),
                        admin => self.is_admin(),
                    },
                    form_token => self.me.session.form_token(),
                },
                frame(&self.messages, self.req),
                ctx,
            ]),
        )
        .map_err(page_error)?;
        Ok(page(status, html, self.lang(), self.reader.set_cookie()))
    }

    /// 303 to a console path.
    pub fn redirect(&self, to: &str) -> Result<Response, Failure> {
        Ok(crate::redirect(to, self.lang()))
    }
}

fn page_error(e: crate::PageError) -> Failure {
    match e {
        crate::PageError::Server(s, d) => Failure::Server(s, d),
        other => Failure::Server(500, format!("{other:?}")),
    }
}

/// What the frame needs: the language switcher (links back to this page in each language)
/// and the stylesheet's base.
pub fn frame(messages: &Messages, req: &Request) -> Value {
    // A page answering a form (a step of Change status) cannot be fetched again: its
    // switcher leads to the console's start.
    let here = match req.method() {
        spin_sdk::http::Method::Get | spin_sdk::http::Method::Head => req.path(),
        _ => "/app",
    };
    let others: Vec<(String, String)> = settle_web::query(req)
        .into_iter()
        .filter(|(k, _)| k != "lang" && here == req.path())
        .collect();
    let languages: Vec<Value> = LANGUAGES
        .iter()
        .map(|l| {
            let mut q = others.clone();
            q.push(("lang".into(), l.tag.into()));
            context! {
                tag => l.tag,
                name => l.name,
                current => l.tag == messages.language.tag,
                href => format!("{here}?{}", settle_web::encode_query(&q)),
            }
        })
        .collect();
    context! {
        lang => messages.language.tag,
        languages => languages,
        base => "/app",
    }
}

/// A form body: at most [`MAX_FORM`] bytes, urlencoded.
pub fn read_form(req: &Request) -> Result<Form, Failure> {
    let bytes = settle_web::body(req, MAX_FORM)?;
    let f = settle_web::forms::parse(&render::content_type(req), bytes)
        .map_err(|e| Failure::Invalid(400, e))?;
    Ok(f)
}

/// The stylesheet: the pages' and the console's own.
pub fn stylesheet() -> Response {
    let mut r = Response::builder()
        .status(200)
        .header("content-type", "text/css; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .body(format!("{}\n{CONSOLE_CSS}", render::STYLESHEET))
        .build();
    r.set_header("x-content-type-options", "nosniff");
    r
}

/// The page for a failure, in the signed-in user's language (or the visitor's).
pub fn failure_page(req: &Request, ctx: Option<&Ctx>, f: &Failure) -> Response {
    let messages = match ctx {
        Some(c) => c.messages.clone(),
        None => messages(visitor_language(req)),
    };
    let (status, key) = match f {
        Failure::Forbidden => (403, "forbidden"),
        Failure::NotFound => (404, "notfound"),
        Failure::Method(_) => (405, "method"),
        Failure::Invalid(s, _) => (*s, "invalid"),
        Failure::Throttled(_) => (429, "throttled"),
        Failure::TooLarge => (413, "toolarge"),
        Failure::Server(s, detail) => {
            eprintln!("console error {s}: {detail}");
            (*s, "server")
        }
    };
    let errors = match f {
        Failure::Invalid(_, inv) => field_errors(&messages, inv),
        _ => Vec::new(),
    };
    let minutes = match f {
        Failure::Throttled(s) => (s + 59) / 60,
        _ => 0,
    };
    let env = console_environment(messages.clone(), &[]);
    let signed_in = ctx.map(|c| {
        context! {
            name => c.me.user.name.clone(),
            email => c.me.user.email.clone(),
            admin => c.is_admin(),
        }
    });
    let html = render::render(
        &env,
        "failure.html",
        context! {
            key => key,
            errors => errors,
            minutes => minutes,
            nav => "",
            me => signed_in,
            form_token => ctx.map(|c| c.me.session.form_token()),
            ..frame(&messages, req)
        },
    )
    .unwrap_or_else(|e| {
        eprintln!("console: the failure page failed to render: {e:?}");
        "<!doctype html><title>Error</title>".into()
    });
    let mut r = page(status, html, messages.language.tag, None);
    match f {
        Failure::Throttled(s) => r.set_header("retry-after", s.to_string()),
        Failure::Method(allow) => r.set_header("allow", *allow),
        _ => {}
    }
    r
}

/// One line per field in error: the console's wording for the field when it has one (with
/// the rule's own words after it), else the rule's words.
pub fn field_errors(messages: &Messages, inv: &Invalid) -> Vec<Value> {
    inv.0
        .iter()
        .map(|e| {
            let field = e
                .field
                .clone()
                .unwrap_or_else(|| e.pointer.trim_start_matches('/').to_string());
            let id = format!("field-{}", field.split('/').next().unwrap_or(""));
            let label = messages.has(&id).then(|| messages.get(&id, &[]));
            context! { field => field, label => label, detail => e.message.clone() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::language;

    #[test]
    fn history_actors_read_as_people() {
        let m = Messages::console(language("en").unwrap());
        let r = vec![(3, "Sam Sales".to_string())];
        assert_eq!(
            who(&m, &r, "user:1:alice@corp.example"),
            "alice@corp.example"
        );
        assert_eq!(who(&m, &r, "token:4:ERP nightly"), "ERP nightly");
        assert_eq!(who(&m, &r, "resolver:3"), "Sam Sales");
        assert_eq!(who(&m, &r, "resolver:9"), "Resolver");
        assert_eq!(who(&m, &r, "customer:C1"), "Customer");
        assert_eq!(who(&m, &r, "admin-bootstrap"), "Administrator");
        assert_eq!(who(&m, &r, "erp-webhook"), "ERP");
        assert_eq!(who(&m, &r, "alice"), "alice");
        let ja = Messages::console(language("ja").unwrap());
        assert_eq!(who(&ja, &r, "admin-bootstrap"), "管理者");
    }

    #[test]
    fn ids_become_one_path_segment() {
        assert_eq!(path_segment("C1"), "C1");
        assert_eq!(path_segment("A/B 1?x"), "A%2FB%201%3Fx");
        assert_eq!(path_segment("é"), "%C3%A9");
    }
}
