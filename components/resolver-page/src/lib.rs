//! The resolver's page, `/r/{token}`: the dispute the link was made for (customer, status,
//! the collector's comment, the follow-up action, the items), everything said on it, and
//! the customer's account; forms to answer, propose an outcome, attach files and hand over.
//!
//! Every request verifies the link (`settle_pages::link`); every form carries the link's
//! anti-forgery token and answers with a redirect (POST/redirect/GET). Each answer appends
//! history with actor `resolver:<id>`, marks the action answered and queues a
//! `collector_reply` email, in one transaction. The resolver never terminates the action.

mod answers;

use std::sync::Arc;

use minijinja::context;

use settle_domain::links::{self, Audience};
use settle_domain::pages::{self as rules, MAX_ATTACHMENTS, MAX_COMMENT, Speaker};
use settle_domain::validation::Invalid;
use settle_pages::render::{self, PageError, base_context, environment};
use settle_pages::{Messages, Visit, blobs, link, notify, serve};
use settle_store::config;
use settle_store::ledger::{self, ItemFilter, ItemView};
use settle_store::outbox::EmailSource;
use settle_store::pages as store;
use settle_web::forms::Form;
use settle_web::settle_usecases::answers::{
    self as uc, ResolverAnswer, ResolverDispute, ResolverLink,
};
use settle_web::{now, today, usecase};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

const TEMPLATES: &[(&str, &str)] = &[("resolver.html", include_str!("../templates/resolver.html"))];
/// Forms without files.
const MAX_FORM: usize = 64 * 1024;
/// Up to five attachments of 5 MB, with the multipart framing.
const MAX_UPLOAD: usize = MAX_ATTACHMENTS * rules::MAX_ATTACHMENT + 64 * 1024;

#[http_component]
async fn handle(req: Request) -> Response {
    serve(&req, Audience::Resolver, |visit, language| {
        let resolver_id: i64 = visit
            .claims
            .subject
            .parse()
            .map_err(|_| PageError::Forbidden)?;
        let resolver = config::resolver(&visit.db, resolver_id)?.ok_or(PageError::Forbidden)?;
        *language = visit.reader.language(Some(&resolver.language));
        let ctx = Ctx {
            resolver_id,
            resolver_name: resolver.name,
            messages: Arc::new(Messages::new(language)),
            visit,
        };
        route(&req, &ctx)
    })
    .await
}

/// What every route of a verified link knows.
struct Ctx<'v, 'a> {
    visit: &'v Visit<'a>,
    resolver_id: i64,
    resolver_name: String,
    messages: Arc<Messages>,
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
        (["comments"], Method::Post) => answers::comment(req, ctx),
        (["outcome"], Method::Post) => answers::outcome(req, ctx),
        (["attachments"], Method::Post) => answers::attach(req, ctx),
        (["handover"], Method::Post) => answers::handover(req, ctx),
        (["attachments", id], Method::Get) => answers::download(ctx, id),
        ([], _) | (["attachments", _], _) => Err(PageError::Method("GET")),
        (["comments" | "outcome" | "attachments" | "handover"], _) => {
            Err(PageError::Method("POST"))
        }
        _ => Err(PageError::NotFound),
    }
}

impl Ctx<'_, '_> {
    /// What the link was made for, as the answers' use case takes it.
    fn link(&self) -> ResolverLink {
        ResolverLink {
            link_id: self.claims.link_id,
            resolver_id: self.resolver_id,
            customer_key: self.customer.key,
            status_change_id: self.claims.status_change_id,
            action_id: self.claims.action_id,
        }
    }
}

/// The dispute the link opens: its status change, action and items, and what this link
/// may still do on it.
fn dispute(ctx: &Ctx) -> Result<ResolverDispute, PageError> {
    Ok(uc::resolver_dispute(&ctx.db, &ctx.link(), today())?)
}

fn speaker_name(
    actor: &str,
    resolvers: &[settle_domain::config::Resolver],
    customer: &ledger::Customer,
) -> String {
    match rules::speaker(actor) {
        Speaker::Resolver => actor
            .split_once(':')
            .and_then(|(_, id)| id.parse::<i64>().ok())
            .and_then(|id| resolvers.iter().find(|r| r.id == id))
            .map(|r| r.name.clone())
            .unwrap_or_default(),
        Speaker::Customer => customer.name.clone(),
        _ => String::new(),
    }
}

fn view(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let d = dispute(ctx)?;
    let db = &ctx.db;
    let items: Vec<ItemView> = d.items.clone();
    let others: Vec<ItemView> = ledger::list_items(
        db,
        &ItemFilter {
            customer_key: Some(ctx.customer.key),
            limit: 1_000,
            ..Default::default()
        },
        today(),
    )?
    .into_iter()
    .filter(|i| !d.item_keys.contains(&i.key))
    .collect();
    // Status labels in the reader's language (the store gives the customer's), each status's
    // stored labels read once.
    let labels: std::collections::HashMap<String, String> = store::reasons(db)?
        .into_iter()
        .map(|r| {
            let label = EmailSource::label(&r.labels, &r.state.code, ctx.messages.language.tag);
            (r.state.code, label)
        })
        .collect();
    let relabel = |mut items: Vec<ItemView>| {
        for s in items.iter_mut().filter_map(|i| i.status.as_mut()) {
            if let Some(l) = labels.get(&s.code) {
                s.label = l.clone();
            }
        }
        items
    };
    let (items, others) = (relabel(items), relabel(others));
    let balances = settle_domain::ledger::balance_views(&settle_domain::ledger::balances(
        &ledger::open_items_for_balances(db, ctx.customer.key)?,
        today(),
    ));
    let resolvers = config::resolvers(db)?;
    let action_id = d.action.as_ref().map(|a| a.id);
    let thread: Vec<_> = store::thread(db, &d.item_keys, action_id)?
        .into_iter()
        .map(|e| {
            let speaker = rules::speaker(&e.actor);
            context! {
                at => e.at,
                speaker => speaker,
                name => speaker_name(&e.actor, &resolvers, &ctx.customer),
                comment => e.comment,
                numbers => e.item_numbers.join(", "),
                outcome => e.details.get("outcome").and_then(|v| v.as_str()).map(str::to_string),
            }
        })
        .collect();
    let outcomes: Vec<_> = store::outcomes(db)?
        .into_iter()
        .filter(|o| o.active)
        .map(|o| {
            let id = format!("outcome-{}", o.code);
            let label = if ctx.messages.has(&id) {
                ctx.messages.get(&id, &[])
            } else {
                o.label.clone()
            };
            context! { code => o.code, label => label }
        })
        .collect();
    let colleagues: Vec<_> = resolvers
        .iter()
        .filter(|r| r.active && r.id != ctx.resolver_id)
        .map(|r| context! { id => r.id, name => r.name.clone() })
        .collect();
    let attachments = store::attachments(
        db,
        ctx.customer.key,
        d.change.as_ref().map(|c| c.id),
        action_id,
        None,
    )?;
    let language = ctx.messages.language.tag;
    let status = d.change.as_ref().map(|c| {
        context! {
            label => labels.get(&c.status).cloned().unwrap_or_else(|| c.status.clone()),
            date => c.status_date.clone(),
            comment => c.comment.clone(),
        }
    });
    let saved = settle_web::query(req)
        .iter()
        .any(|(k, v)| k == "saved" && v == "1");
    let names = settle_pages::rows::ActionNames::load(db, language)?;
    let env = environment(ctx.messages.clone(), TEMPLATES);
    let html = render::render(
        &env,
        "resolver.html",
        context! {
            self_path => ctx.self_path.clone(),
            form_token => links::form_token(ctx.secret.as_bytes(), ctx.claims.link_id),
            customer => context! { name => ctx.customer.name.clone(), id => ctx.customer.id.clone(), entity => ctx.customer.entity.clone() },
            resolver_name => ctx.resolver_name.clone(),
            status => status,
            action => d.action.as_ref().map(|a| context! { name => names.shown(&a.name, a.model.as_deref()), date => a.date.clone(), live => a.state == settle_domain::actions::ActionState::Live }),
            items => settle_pages::rows::item_rows(&ctx.messages, &items),
            others => settle_pages::rows::item_rows(&ctx.messages, &others),
            balances => balances,
            thread => thread,
            outcomes => outcomes,
            colleagues => colleagues,
            attachments => attachments,
            saved => saved,
            access => d.access,
            max_comment => MAX_COMMENT,
            ..base_context(&ctx.messages, "/r")
        },
    )?;
    Ok(render::page(
        200,
        html,
        language,
        ctx.visit.reader.set_cookie(),
    ))
}
