//! The collection agenda: `GET /app/agenda?date=&collector=&resolver_id=&page=` lists the
//! live actions and scenario steps due by the date (terminate an action, record a reminder
//! step, open the customer); `GET /app/agenda/replies` is the "Replies and comments" tab:
//! what resolvers and customers wrote in the last 30 days, the ones since the user last
//! looked marked new (opening the tab marks them seen). `POST /app/agenda/reminders` records
//! a scenario step as done.

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

pub fn agenda(ctx: &Ctx) -> Result<Response, Failure> {
    let q = Query::parse(
        ctx.req,
        &["date", "collector", "resolver_id", "page", "lang"],
    )?
    .without_empty();
    let date = q.date("date")?.unwrap_or_else(today);
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
    let filter = AgendaFilter {
        collector: collector.clone(),
        resolver_id,
    };
    let (mut entries, total) =
        scenarios::agenda(&ctx.db, date, &filter, (page as usize - 1) * PAGE, PAGE)?;
    // Each action by the name its reader reads.
    let names = settle_pages::rows::ActionNames::load(&ctx.db, ctx.lang())?;
    for a in entries.iter_mut().filter_map(|e| e.action.as_mut()) {
        let shown = names.shown(a["name"].as_str().unwrap_or_default(), a["model"].as_str());
        a["name"] = shown.into();
    }
    let pages = total.div_ceil(PAGE).max(1);
    let resolvers = config::resolvers(&ctx.db)?;
    let link = |p: usize| {
        let mut v = vec![("date".to_string(), settle_domain::dates::format_date(date))];
        if let Some(c) = &collector {
            v.push(("collector".into(), c.clone()));
        }
        if let Some(r) = resolver_id {
            v.push(("resolver_id".into(), r.to_string()));
        }
        v.push(("page".into(), p.to_string()));
        format!("/app/agenda?{}", settle_web::encode_query(&v))
    };
    let page = page as usize;
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
            collector => collector,
            resolver_id => resolver_id,
            resolvers => resolvers,
            page => page,
            pages => pages,
            previous => (page > 1).then(|| link(page - 1)),
            next => (page < pages).then(|| link(page + 1)),
            new_replies => new_replies(ctx)?,
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
