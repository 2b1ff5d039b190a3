//! The collection agenda: `GET /app/agenda?date=&collector=&resolver_id=&page=` lists the
//! live actions and scenario steps due by the date (terminate an action, record a reminder
//! step, open the customer); `GET /app/agenda/replies` is the "Replies and comments" tab:
//! what resolvers and customers wrote in the last 30 days, the ones since the user last
//! looked marked new (opening the tab marks them seen); `GET /app/agenda/late` is the
//! "Late disputes" tab (open cases past their deadline, the most overdue first, by collector
//! and resolver) and `GET /app/agenda/broken` the "Broken promises" tab (the last 60 days).
//! `POST /app/agenda/reminders` records a scenario step as done.

use chrono::Duration;
use minijinja::context;
use settle_domain::input::Object;
use settle_domain::scenario;
use settle_domain::validation::Invalid;
use settle_store::console;
use settle_store::ledger;
use settle_store::scenarios::{self, AgendaFilter, NewReminder};
use settle_store::{Db, config};
use settle_web::forms::Field;
use settle_web::{Query, now, today};
use spin_sdk::http::Response;

use settle_pages::console::{Ctx, Failure};

const PAGE: usize = 50;
/// The replies tab looks this far back.
const REPLY_DAYS: i64 = 30;
/// The broken promises tab looks this far back.
const BROKEN_DAYS: i64 = 60;

fn bad(field: &str, why: &str) -> Failure {
    Failure::Invalid(400, Invalid::one(field, Some(field), why))
}

fn new_replies(ctx: &Ctx) -> Result<i64, Failure> {
    let seen = console::replies_seen_at(&ctx.db, ctx.me.user.id)?;
    let since = seen.unwrap_or_else(|| {
        settle_domain::dates::format_timestamp(chrono::Utc::now() - Duration::days(REPLY_DAYS))
    });
    Ok(console::new_reply_count(&ctx.db, &since, None)?)
}

/// The collector, resolver and page a tab is filtered and paged by, checked.
struct Filters {
    collector: Option<String>,
    resolver_id: Option<i64>,
    page: usize,
}

impl Filters {
    fn read(ctx: &Ctx, q: &Query) -> Result<Filters, Failure> {
        let collector = q.text("collector", 200)?;
        let resolver_id = q.int("resolver_id")?;
        if let Some(r) = resolver_id
            && config::resolver(&ctx.db, r)?.is_none()
        {
            return Err(bad("resolver_id", "not a resolver"));
        }
        let page = q.int("page")?.unwrap_or(1);
        if !(1..=100_000).contains(&page) {
            return Err(bad("page", "a page number from 1"));
        }
        Ok(Filters {
            collector,
            resolver_id,
            page: page as usize,
        })
    }

    /// Page `p` of `path` with these filters, after the pairs `first`.
    fn link(&self, path: &str, mut first: Vec<(String, String)>, p: usize) -> String {
        if let Some(c) = &self.collector {
            first.push(("collector".into(), c.clone()));
        }
        if let Some(r) = self.resolver_id {
            first.push(("resolver_id".into(), r.to_string()));
        }
        first.push(("page".into(), p.to_string()));
        format!("{path}?{}", settle_web::encode_query(&first))
    }
}

pub fn agenda(ctx: &Ctx) -> Result<Response, Failure> {
    let q = Query::parse(
        ctx.req,
        &["date", "collector", "resolver_id", "page", "lang"],
    )?
    .without_empty();
    let date = q.date("date")?.unwrap_or_else(today);
    let f = Filters::read(ctx, &q)?;
    let filter = AgendaFilter {
        collector: f.collector.clone(),
        resolver_id: f.resolver_id,
    };
    let (mut entries, total) =
        scenarios::agenda(&ctx.db, date, &filter, (f.page - 1) * PAGE, PAGE)?;
    // Each action by the name its reader reads.
    let names = settle_pages::rows::ActionNames::load(&ctx.db, ctx.lang())?;
    for a in entries.iter_mut().filter_map(|e| e.action.as_mut()) {
        let shown = names.shown(a["name"].as_str().unwrap_or_default(), a["model"].as_str());
        a["name"] = shown.into();
    }
    let pages = total.div_ceil(PAGE).max(1);
    let resolvers = config::resolvers(&ctx.db)?;
    let link = |p: usize| {
        let date = vec![("date".to_string(), settle_domain::dates::format_date(date))];
        f.link("/app/agenda", date, p)
    };
    let page = f.page;
    ctx.render(
        200,
        "agenda.html",
        "agenda",
        context! {
            tab => "agenda",
            entries => entries,
            total => total,
            date => settle_domain::dates::format_date(date),
            today => settle_domain::dates::format_date(today()),
            collector => f.collector,
            resolver_id => f.resolver_id,
            resolvers => resolvers,
            page => page,
            pages => pages,
            previous => (page > 1).then(|| link(page - 1)),
            next => (page < pages).then(|| link(page + 1)),
            new_replies => new_replies(ctx)?,
            late_total => late_total(ctx)?,
        },
    )
}

/// The late disputes on the tab's badge (everyone's).
fn late_total(ctx: &Ctx) -> Result<i64, Failure> {
    let today = settle_domain::dates::format_date(today());
    Ok(console::late_count(
        &ctx.db,
        &today,
        &console::LateFilter::default(),
    )?)
}

pub fn late(ctx: &Ctx) -> Result<Response, Failure> {
    let q = Query::parse(ctx.req, &["collector", "resolver_id", "page", "lang"])?.without_empty();
    let f = Filters::read(ctx, &q)?;
    let day = today();
    let today_s = settle_domain::dates::format_date(day);
    let filter = console::LateFilter {
        collector: f.collector.clone(),
        resolver_id: f.resolver_id,
    };
    let total = console::late_count(&ctx.db, &today_s, &filter)? as usize;
    let cases = console::late_cases(&ctx.db, &today_s, &filter, (f.page - 1) * PAGE, PAGE)?;
    // Each reason by its label in the reader's language, and how late each case is.
    let labels: std::collections::HashMap<String, String> = config::statuses(&ctx.db)?
        .into_iter()
        .map(|s| {
            (
                s.status.code.clone(),
                s.status.label(ctx.lang()).to_string(),
            )
        })
        .collect();
    let rows: Vec<minijinja::Value> = cases
        .iter()
        .map(|c| {
            let late = settle_domain::dates::parse_date(&c.deadline)
                .map(|d| settle_domain::disputes::days_late(d, day))
                .unwrap_or(0);
            context! {
                case => c,
                reason => labels.get(&c.reason).cloned().unwrap_or_else(|| c.reason.clone()),
                days_late => late,
            }
        })
        .collect();
    let pages = total.div_ceil(PAGE).max(1);
    let link = |p: usize| f.link("/app/agenda/late", Vec::new(), p);
    let page = f.page;
    ctx.render(
        200,
        "agenda.html",
        "agenda",
        context! {
            tab => "late",
            late => rows,
            total => total,
            collector => f.collector,
            resolver_id => f.resolver_id,
            resolvers => config::resolvers(&ctx.db)?,
            page => page,
            pages => pages,
            previous => (page > 1).then(|| link(page - 1)),
            next => (page < pages).then(|| link(page + 1)),
            new_replies => new_replies(ctx)?,
            late_total => late_total(ctx)?,
        },
    )
}

pub fn broken(ctx: &Ctx) -> Result<Response, Failure> {
    let q = Query::parse(ctx.req, &["collector", "lang"])?.without_empty();
    let collector = q.text("collector", 200)?;
    let since = settle_domain::dates::format_date(today() - Duration::days(BROKEN_DAYS));
    let promises = console::broken_promises(&ctx.db, &since, collector.as_deref(), 200)?;
    let names = settle_pages::rows::ActionNames::load(&ctx.db, ctx.lang())?;
    let promises: Vec<console::BrokenPromise> = promises
        .into_iter()
        .map(|mut p| {
            p.name = names.shown(&p.name, None);
            p
        })
        .collect();
    ctx.render(
        200,
        "agenda.html",
        "agenda",
        context! {
            tab => "broken",
            broken => promises,
            collector => collector,
            new_replies => new_replies(ctx)?,
            late_total => late_total(ctx)?,
        },
    )
}

pub fn replies(ctx: &Ctx) -> Result<Response, Failure> {
    let q = Query::parse(ctx.req, &["collector", "lang"])?.without_empty();
    let collector = q.text("collector", 200)?;
    let seen = console::replies_seen_at(&ctx.db, ctx.me.user.id)?;
    let since =
        settle_domain::dates::format_timestamp(chrono::Utc::now() - Duration::days(REPLY_DAYS));
    let lines = console::replies(&ctx.db, &since, seen.as_deref(), collector.as_deref(), 200)?;
    // Opening the tab is looking at them.
    console::mark_replies_seen(&ctx.db, ctx.me.user.id, &now())?;
    ctx.render(
        200,
        "agenda.html",
        "agenda",
        context! {
            tab => "replies",
            replies => lines,
            collector => collector,
            seen => seen,
            new_replies => 0,
            late_total => late_total(ctx)?,
        },
    )
}

pub fn record_reminder(ctx: &Ctx) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let o = f.to_object(&[
        ("customer_id", Field::Text),
        ("step", Field::Int),
        ("done_on", Field::Text),
        ("comment", Field::Text),
    ]);
    let mut errors = Invalid::default();
    let mut obj = Object::new(&o, "", &mut errors);
    let customer_id = obj.text("customer_id", 64).unwrap_or_default();
    let step = obj.opt_int("step");
    let done_on = obj.opt_date("done_on").unwrap_or_else(today);
    let comment = obj.opt_multiline("comment", 4_000);
    obj.finish(&[]);
    errors.into_result().map_err(|e| Failure::Invalid(422, e))?;
    let back = f
        .get("back")
        .map(|b| settle_domain::sessions::safe_next(Some(b)))
        .unwrap_or_else(|| "/app/agenda".into());
    ctx.db.transaction(|db| {
        let customer = ledger::customer(db, &customer_id)?.ok_or_else(|| {
            Failure::Invalid(
                422,
                Invalid::one("/customer_id", Some("customer_id"), "no such customer"),
            )
        })?;
        let s = scenarios::scenario_of(db, customer.key)?.ok_or_else(|| {
            Failure::Invalid(
                409,
                Invalid::one(
                    "/customer_id",
                    Some("customer_id"),
                    "no active scenario applies",
                ),
            )
        })?;
        let items = scenarios::scenario_items(db, customer.key)?;
        let done = scenarios::done_steps(db, customer.key, &s.code)?;
        let next = scenario::next_step(&s, &items, &done, done_on).ok_or_else(|| {
            Failure::Invalid(
                422,
                Invalid::one(
                    "/step",
                    Some("step"),
                    "this customer has no scenario step to do",
                ),
            )
        })?;
        let index = scenario::choose_step(&s, &next, step).map_err(|e| Failure::Invalid(422, e))?;
        let chosen: Vec<(i64, String)> = scenario::chosen_items(&items, &next, None, &customer.id)
            .map_err(|e| Failure::Invalid(422, e))?
            .into_iter()
            .map(|i| (i.key, i.id.clone()))
            .collect();
        scenarios::record_reminder(
            db,
            &NewReminder {
                customer_key: customer.key,
                customer_id: &customer.id,
                scenario: &s.code,
                step: index,
                step_type: s.steps[index].step_type.as_str(),
                reference_due: next.reference_due,
                done_on,
                items: &chosen,
                comment: comment.as_deref(),
            },
            &ctx.actor(),
            &now(),
        )?;
        Ok::<_, Failure>(())
    })?;
    ctx.redirect(&back)
}
