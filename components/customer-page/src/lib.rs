//! The customer's page, `/c/{token}`: their statement of account in their language (open
//! items with customer-facing status labels, overdue highlighted, totals per currency, CSV),
//! one form per task (comment, dispute, promise to pay, payment on its way) and the tracker
//! of their disputes. They never see internal words: only their own messages, labels and
//! dates.
//!
//! Disputes, promises and payment notices are status changes with actor `customer:<id>`,
//! checked by the same rules as the collector's (`settle_domain::status_change`) and applied
//! by the same store code, so items leave the scenario exactly as if the collector had done
//! it. Every form answers with a redirect; every write is one transaction.

mod answers;

use std::sync::Arc;

use minijinja::context;
use settle_domain::catalog::StatusKind;
use settle_domain::links::{self, Audience};
use settle_domain::pages::{self as rules, MAX_ATTACHMENTS, MAX_COMMENT, MAX_REFERENCE};
use settle_domain::status_change::StatusChangeIn;
use settle_domain::validation::Invalid;
use settle_pages::render::{self, PageError, base_context, environment};
use settle_pages::{Messages, Visit, blobs, link, notify, serve};
use settle_store::ledger::{self, ItemFilter, ItemView};
use settle_store::outbox::EmailSource;
use settle_store::pages as store;
use settle_web::forms::Form;
use settle_web::settle_usecases::answers::{self as uc, CustomerLink};
use settle_web::settle_usecases::{Refusal, Who};
use settle_web::{now, today, usecase};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

const TEMPLATES: &[(&str, &str)] = &[("customer.html", include_str!("../templates/customer.html"))];
const MAX_FORM: usize = 64 * 1024;
const MAX_UPLOAD: usize = MAX_ATTACHMENTS * rules::MAX_ATTACHMENT + 64 * 1024;
/// The statement shows at most this many open items (the CSV has them all).
const MAX_ROWS: usize = 2_000;

#[http_component]
async fn handle(req: Request) -> Response {
    serve(&req, Audience::Customer, |visit, language| {
        *language = visit.reader.language(Some(&visit.customer.language));
        let ctx = Ctx {
            actor: rules::customer_actor(&visit.customer.id),
            messages: Arc::new(Messages::new(language)),
            visit,
        };
        route(&req, &ctx)
    })
    .await
}

struct Ctx<'v, 'a> {
    visit: &'v Visit<'a>,
    /// `customer:<id>`: the actor of everything written here.
    actor: String,
    messages: Arc<Messages>,
}

impl Ctx<'_, '_> {
    /// The link's customer, as the answers' use cases take it.
    fn link(&self) -> CustomerLink<'_> {
        CustomerLink {
            link_id: self.claims.link_id,
            customer_key: self.customer.key,
            customer_id: &self.customer.id,
            name: &self.customer.name,
        }
    }
}

impl<'a> std::ops::Deref for Ctx<'_, 'a> {
    type Target = Visit<'a>;
    fn deref(&self) -> &Visit<'a> {
        self.visit
    }
}

fn route(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    match (ctx.rest.as_slice(), req.method()) {
        ([], Method::Get) => view(req, ctx),
        (["statement.csv"], Method::Get) => csv(ctx),
        (["comments"], Method::Post) => answers::comment(req, ctx),
        (["disputes"], Method::Post) => answers::dispute(req, ctx),
        (["promises"], Method::Post) => answers::promise(req, ctx),
        (["payments"], Method::Post) => answers::payment(req, ctx),
        ([], _) | (["statement.csv"], _) => Err(PageError::Method("GET")),
        (["comments" | "disputes" | "promises" | "payments"], _) => Err(PageError::Method("POST")),
        _ => Err(PageError::NotFound),
    }
}

fn open_items(ctx: &Ctx, limit: usize) -> Result<Vec<ItemView>, PageError> {
    Ok(ledger::list_items(
        &ctx.db,
        &ItemFilter {
            customer_key: Some(ctx.customer.key),
            limit,
            ..Default::default()
        },
        today(),
    )?)
}

/// The label a customer reads for a status: the catalogue's customer wording, else the
/// stored label in their language.
fn customer_label(m: &Messages, code: &str, stored: &str) -> String {
    let id = format!("status-{code}");
    if m.has(&id) {
        m.get(&id, &[])
    } else {
        stored.to_string()
    }
}

fn view(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let db = &ctx.db;
    let m = &ctx.messages;
    let mut items = open_items(ctx, MAX_ROWS)?;
    for i in &mut items {
        if let Some(s) = &mut i.status {
            s.label = customer_label(m, &s.code, &s.label);
            // Internal words never reach the customer.
            s.comment = None;
        }
        i.resolver = None;
    }
    let balances = settle_domain::ledger::balance_views(&settle_domain::ledger::balances(
        &ledger::open_items_for_balances(db, ctx.customer.key)?,
        today(),
    ));
    let reasons: Vec<_> = store::reasons(db)?
        .into_iter()
        .filter(|r| r.state.active && r.state.customer_selectable && r.state.kind == StatusKind::Dispute)
        .map(|r| {
            let stored = EmailSource::label(&r.labels, &r.state.code, m.language.tag);
            context! { code => r.state.code.clone(), label => customer_label(m, &r.state.code, &stored) }
        })
        .collect();
    let tracker: Vec<_> = store::tracker(db, ctx.customer.key)?
        .into_iter()
        .map(|t| {
            let stored = EmailSource::label(&t.labels, &t.status, m.language.tag);
            context! {
                reason => customer_label(m, &t.status, &stored),
                opened_on => t.opened_on,
                numbers => t.item_numbers.join(", "),
                state => rules::dispute_state(t.still_disputed, t.replied),
                resolved_on => t.resolved_on,
            }
        })
        .collect();
    let messages: Vec<_> = store::customer_messages(db, ctx.customer.key, &ctx.actor)?
        .into_iter()
        .map(
            |e| context! { at => e.at, comment => e.comment, numbers => e.item_numbers.join(", ") },
        )
        .collect();
    let saved = settle_web::query(req)
        .iter()
        .any(|(k, v)| k == "saved" && v == "1");
    let t = today();
    let env = environment(ctx.messages.clone(), TEMPLATES);
    let html = render::render(
        &env,
        "customer.html",
        context! {
            self_path => ctx.self_path.clone(),
            form_token => links::form_token(ctx.secret.as_bytes(), ctx.claims.link_id),
            customer => context! { name => ctx.customer.name.clone(), id => ctx.customer.id.clone() },
            items => settle_pages::rows::item_rows(m, &items),
            balances => balances,
            reasons => reasons,
            tracker => tracker,
            messages => messages,
            saved => saved,
            today => settle_domain::dates::format_date(t),
            promise_max => settle_domain::dates::format_date(t + chrono::Duration::days(rules::PROMISE_HORIZON_DAYS)),
            payment_min => settle_domain::dates::format_date(t - chrono::Duration::days(rules::PAYMENT_PAST_DAYS)),
            horizon => rules::PROMISE_HORIZON_DAYS,
            max_comment => MAX_COMMENT,
            max_reference => MAX_REFERENCE,
            ..base_context(&ctx.messages, "/c")
        },
    )?;
    Ok(render::page(
        200,
        html,
        m.language.tag,
        ctx.visit.reader.set_cookie(),
    ))
}

fn csv(ctx: &Ctx) -> Result<Response, PageError> {
    let m = &ctx.messages;
    let items = open_items(ctx, 100_000)?;
    let header = [
        m.get("col-number", &[]),
        m.get("col-kind", &[]),
        m.get("col-document-date", &[]),
        m.get("col-due-date", &[]),
        m.get("col-amount", &[]),
        m.get("col-open-amount", &[]),
        m.get("col-disputed", &[]),
        m.get("col-currency", &[]),
        m.get("col-status", &[]),
    ];
    let mut rows = vec![header.to_vec()];
    for i in items {
        let status = i
            .status
            .as_ref()
            .map(|s| customer_label(m, &s.code, &s.label))
            .unwrap_or_default();
        // Credits carry a minus sign, as on the page.
        let signed = |a: String| {
            if settle_pages::rows::shows_minus(&a, &i.kind) {
                format!("-{a}")
            } else {
                a
            }
        };
        rows.push(vec![
            i.number.clone(),
            m.kind_label(&i.kind),
            i.issue_date.clone(),
            i.due_date.clone(),
            signed(i.amount.clone()),
            signed(i.open_amount.clone()),
            // What is in dispute while a case is open (the part, or all of it); blank else.
            i.disputed_amount.clone().unwrap_or_default(),
            i.currency.clone(),
            status,
        ]);
    }
    // A BOM so spreadsheets open the UTF-8 (accents, kana) as UTF-8.
    let mut text = String::from("\u{feff}");
    for r in &rows {
        text.push_str(&settle_domain::csv::row(r));
    }
    let bytes = text.into_bytes();
    Ok(render::download(
        "text/csv; charset=utf-8",
        &format!("statement-{}.csv", ctx.customer.id),
        bytes,
    ))
}
