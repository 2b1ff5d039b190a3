//! Customers: the list (`GET /app/customers?q=&sort=&dir=&page=&collector=`) and the
//! customer sheet, the statement of account (`GET /app/customers/{id}?overdue=&status=&
//! resolver_id=`): items with checkboxes for Change status, their status, resolver and
//! whether a live action holds them; the live actions, the scenario's next step, the
//! history, totals per currency.

use minijinja::{Value, context};
use settle_domain::actions::ActionState;
use settle_domain::scenario;
use settle_domain::validation::Invalid;
use settle_pages::rows::item_rows;
use settle_store::actions::{self, ActionFilter};
use settle_store::console::{self, CustomerQuery, Sort};
use settle_store::ledger::{self, ItemFilter};
use settle_store::{config, scenarios};
use settle_web::{Cursor, Query, today};
use spin_sdk::http::Response;

use settle_pages::console::{Ctx, Failure};

/// Lines per page of the list.
const PAGE: usize = 50;
/// Items per page of the statement: a 5,000-item account is 25 pages, each rendered in a
/// fraction of the time of the whole (BENCHMARKS.md, "Console" and "Ten times the data": a
/// page of 500 took 60 ms at 10M, most of it rendering); the totals above cover every open
/// item.
pub const SHEET_PAGE: usize = 200;

fn bad(field: &str, why: &str) -> Failure {
    Failure::Invalid(400, Invalid::one(field, Some(field), why))
}

pub fn list(ctx: &Ctx) -> Result<Response, Failure> {
    let q =
        Query::parse(ctx.req, &["q", "sort", "dir", "page", "collector", "lang"])?.without_empty();
    let search = q.text("q", 200)?;
    let collector = q.text("collector", 200)?;
    let sort = match q.get("sort") {
        None => Sort::Name,
        Some(s) => Sort::parse(s).ok_or_else(|| bad("sort", "not a column of the list"))?,
    };
    let descending = match q.get("dir") {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(_) => return Err(bad("dir", "asc or desc")),
    };
    let page = q.int("page")?.unwrap_or(1);
    if !(1..=100_000).contains(&page) {
        return Err(bad("page", "a page number from 1"));
    }
    let query = CustomerQuery {
        search: search.clone(),
        collector: collector.clone(),
        sort,
        descending,
        offset: (page as usize - 1) * PAGE,
        limit: PAGE,
        today: today(),
    };
    let lines = console::customers(&ctx.db, &query)?;
    let total = console::customer_line_count(&ctx.db, &query)?;
    let pages = ((total as usize).div_ceil(PAGE)).max(1);
    // Links keep the search and flip or set the order.
    let link = |sort: &str, dir: &str, page: usize| {
        let mut p: Vec<(String, String)> = Vec::new();
        if let Some(s) = &search {
            p.push(("q".into(), s.clone()));
        }
        if let Some(c) = &collector {
            p.push(("collector".into(), c.clone()));
        }
        p.push(("sort".into(), sort.into()));
        p.push(("dir".into(), dir.into()));
        if page > 1 {
            p.push(("page".into(), page.to_string()));
        }
        format!("/app/customers?{}", settle_web::encode_query(&p))
    };
    let columns: Vec<Value> = Sort::NAMES
        .iter()
        .map(|name| {
            let current = *name == sort.as_str();
            let dir = if current && !descending {
                "desc"
            } else {
                "asc"
            };
            context! {
                name => name,
                href => link(name, dir, 1),
                sorted => current.then_some(if descending { "descending" } else { "ascending" }),
            }
        })
        .collect();
    let dir = if descending { "desc" } else { "asc" };
    let page = page as usize;
    ctx.render(
        200,
        "customers.html",
        "customers",
        context! {
            lines => lines,
            search => search,
            total => total,
            page => page,
            pages => pages,
            columns => columns,
            previous => (page > 1).then(|| link(sort.as_str(), dir, page - 1)),
            next => (page < pages).then(|| link(sort.as_str(), dir, page + 1)),
        },
    )
}

/// The statement's filters, read from the query.
struct SheetFilter {
    overdue: Option<bool>,
    status: Option<String>,
    resolver_id: Option<i64>,
    after: Option<(String, i64)>,
}

fn sheet_filter(ctx: &Ctx) -> Result<SheetFilter, Failure> {
    let q = Query::parse(
        ctx.req,
        &["overdue", "status", "resolver_id", "cursor", "lang"],
    )?
    .without_empty();
    let after = q.cursor()?.map(|c| (c.date, c.id));
    let overdue = match q.get("overdue") {
        None => None,
        Some("yes") => Some(true),
        Some("no") => Some(false),
        Some(_) => return Err(bad("overdue", "yes or no")),
    };
    let status = q.text("status", 64)?;
    if let Some(s) = &status
        && !config::status_exists(&ctx.db, s)?
    {
        return Err(bad("status", "not a status"));
    }
    let resolver_id = q.int("resolver_id")?;
    if let Some(r) = resolver_id
        && config::resolver(&ctx.db, r)?.is_none()
    {
        return Err(bad("resolver_id", "not a resolver"));
    }
    Ok(SheetFilter {
        overdue,
        status,
        resolver_id,
        after,
    })
}

pub fn sheet(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    let customer = ledger::customer(&ctx.db, id)?.ok_or(Failure::NotFound)?;
    let f = sheet_filter(ctx)?;
    let date = today();
    let items = ledger::list_items(
        &ctx.db,
        &ItemFilter {
            customer_key: Some(customer.key),
            overdue: f.overdue,
            status: f.status.clone(),
            resolver_id: f.resolver_id,
            after: f.after.clone(),
            limit: SHEET_PAGE,
            ..Default::default()
        },
        date,
    )?;
    let next_cursor = Cursor::next(&items, SHEET_PAGE, |i| (i.due_date.as_str(), i.key));
    let link = |cursor: Option<&str>| {
        let mut p: Vec<(String, String)> = Vec::new();
        if let Some(o) = f.overdue {
            p.push(("overdue".into(), if o { "yes" } else { "no" }.into()));
        }
        if let Some(s) = &f.status {
            p.push(("status".into(), s.clone()));
        }
        if let Some(r) = f.resolver_id {
            p.push(("resolver_id".into(), r.to_string()));
        }
        if let Some(c) = cursor {
            p.push(("cursor".into(), c.to_string()));
        }
        let base = format!(
            "/app/customers/{}",
            settle_pages::console::path_segment(&customer.id)
        );
        if p.is_empty() {
            base
        } else {
            format!("{base}?{}", settle_web::encode_query(&p))
        }
    };
    let next_page = next_cursor.as_deref().map(|c| link(Some(c)));
    let first_page = f.after.is_some().then(|| link(None));
    let m = &ctx.messages;
    let statuses = config::statuses_light(&ctx.db)?;
    let label = |code: &str| {
        statuses
            .iter()
            .find(|s| s.status.code == code)
            .map(|s| s.status.label(m.language.tag).to_string())
            .unwrap_or_else(|| code.to_string())
    };
    let rows: Vec<Value> = item_rows(m, &items)
        .into_iter()
        .zip(items)
        .map(|(row, i)| {
            context! {
                row => row,
                status_label => i.status.as_ref().map(|s| label(&s.code)),
                status_kind => i.status.as_ref().map(|s| s.kind.clone()),
                resolver => i.resolver.as_ref().map(|r| r.name.clone()),
                action_id => i.action_id,
                in_scenario => i.in_scenario,
            }
        })
        .collect();
    let balances = console::customer_totals(&ctx.db, customer.key, date)?;
    let open_items: i64 = balances.iter().map(|b| b.open_items).sum();
    let live = actions::actions(
        &ctx.db,
        &ActionFilter {
            customer_key: Some(customer.key),
            state: Some(ActionState::Live),
            limit: 100,
            ..Default::default()
        },
    )?;
    let next_step = match scenarios::scenario_of(&ctx.db, customer.key)? {
        Some(s) => {
            let reference = scenarios::reference_due(&ctx.db, customer.key)?;
            let done = scenarios::done_steps(&ctx.db, customer.key, &s.code)?;
            reference
                .and_then(|r| scenario::next_step_for(&s, r, &done, date))
                .map(|n| {
                    context! {
                        scenario => s.code.clone(),
                        step => n.step,
                        step_type => n.step_type.as_str(),
                        due_on => settle_domain::dates::format_date(n.due_on),
                    }
                })
        }
        None => None,
    };
    let history = console::customer_history(&ctx.db, customer.key, 30)?;
    let resolvers = config::resolvers(&ctx.db)?;
    let names = settle_pages::rows::ActionNames::load(&ctx.db, m.language.tag)?;
    let status_options: Vec<Value> = statuses
        .iter()
        .map(|s| context! { code => s.status.code.clone(), label => s.status.label(m.language.tag).to_string() })
        .collect();
    ctx.render(
        200,
        "sheet.html",
        "customers",
        context! {
            customer => customer,
            rows => rows,
            next_page => next_page,
            first_page => first_page,
            open_items => open_items,
            balances => balances,
            actions => live.iter().map(|a| {
                let mut v = serde_json::to_value(a).unwrap_or_default();
                v["name"] = names.shown(&a.name, a.model.as_deref()).into();
                v
            }).collect::<Vec<_>>(),
            next_step => next_step,
            history => history,
            filter => context! {
                overdue => f.overdue.map(|o| if o { "yes" } else { "no" }),
                status => f.status,
                resolver_id => f.resolver_id,
            },
            statuses => status_options,
            resolvers => resolvers,
        },
    )
}
