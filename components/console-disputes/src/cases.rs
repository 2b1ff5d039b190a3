//! `GET /app/disputes?state=&late=&reason=&resolver_id=&customer=&cursor=` lists cases,
//! newest first, a page of 50 at a time (the API's keyset cursor); `GET /app/disputes/{id}`
//! shows one; `POST …/write-off`, `…/finding` and `…/reopen` run the API's use cases
//! (`settle_usecases::disputes::{write_off, record_finding, reopen}`). A refusal shows the
//! case again with the reason in the reader's language (422 beside its field, 409 for the
//! rules: above the tolerance, too late to reopen…), and nothing is written.

use minijinja::{Value, context};
use serde_json::Map;
use settle_domain::dates::{format_date, parse_date};
use settle_domain::disputes::{self as rules, days_late, is_late, may_reopen};
use settle_domain::money::Currency;
use settle_domain::validation::Invalid;
use settle_store::disputes::{self as store, CaseFilter, CaseView};
use settle_store::{config, ledger};
use settle_web::forms::{Field, Form};
use settle_web::settle_usecases::disputes as cases;
use settle_web::settle_usecases::{Refusal, Who};
use settle_web::{Cursor, Query, today};
use spin_sdk::http::Response;

use settle_pages::console::{Ctx, Failure, field_errors};

const PAGE: usize = 50;

fn bad(field: &str, why: &str) -> Failure {
    Failure::Invalid(400, Invalid::one(field, Some(field), why))
}

/// The list's filters, checked (an unknown resolver or customer, a garbled cursor: 400).
struct Filters {
    state: &'static str,
    late: bool,
    reason: Option<String>,
    resolver_id: Option<i64>,
    customer: Option<String>,
}

impl Filters {
    fn pairs(&self) -> Vec<(String, String)> {
        let mut p = vec![("state".to_string(), self.state.to_string())];
        if self.late {
            p.push(("late".into(), "true".into()));
        }
        if let Some(r) = &self.reason {
            p.push(("reason".into(), r.clone()));
        }
        if let Some(r) = self.resolver_id {
            p.push(("resolver_id".into(), r.to_string()));
        }
        if let Some(c) = &self.customer {
            p.push(("customer".into(), c.clone()));
        }
        p
    }
}

pub fn list(ctx: &Ctx) -> Result<Response, Failure> {
    let q = Query::parse(
        ctx.req,
        &[
            "state",
            "late",
            "reason",
            "resolver_id",
            "customer",
            "cursor",
            "lang",
        ],
    )?
    .without_empty();
    let state = match q.get("state").unwrap_or("open") {
        "open" => "open",
        "resolved" => "resolved",
        "all" => "all",
        _ => return Err(bad("state", "open, resolved or all")),
    };
    let f = Filters {
        state,
        late: q.bool("late")?.unwrap_or(false),
        reason: q.text("reason", 64)?,
        resolver_id: q.int("resolver_id")?,
        customer: q.text("customer", 200)?,
    };
    if let Some(r) = f.resolver_id
        && config::resolver(&ctx.db, r)?.is_none()
    {
        return Err(bad("resolver_id", "not a resolver"));
    }
    let customer_key = match &f.customer {
        Some(c) => Some(
            ledger::customer(&ctx.db, c)?
                .ok_or_else(|| bad("customer", "no customer has this id"))?
                .key,
        ),
        None => None,
    };
    let cursor = q.cursor()?;
    let filter = CaseFilter {
        customer_key,
        state: (state != "all").then(|| state.to_string()),
        resolver_id: f.resolver_id,
        reason: f.reason.clone(),
        late_on: f.late.then(|| format_date(today())),
        before: cursor.as_ref().map(|c| (c.date.clone(), c.id)),
        limit: PAGE,
        ..Default::default()
    };
    let list = store::cases(&ctx.db, &filter)?;
    let next = Cursor::next(&list, PAGE, |c| (c.opened_on.as_str(), c.id)).map(|c| {
        let mut p = f.pairs();
        p.push(("cursor".into(), c));
        format!("/app/disputes?{}", settle_web::encode_query(&p))
    });
    let first = cursor
        .is_some()
        .then(|| format!("/app/disputes?{}", settle_web::encode_query(&f.pairs())));
    let labels_of = store::case_labels(&ctx.db, &list.iter().map(|c| c.id).collect::<Vec<_>>())?;
    let labels = Labels::load(ctx)?;
    let on = format_date(today());
    let rows: Vec<Value> = list
        .iter()
        .map(|c| {
            let l = labels_of.get(&c.id).cloned().unwrap_or_default();
            context! {
                case => c,
                customer_name => l.customer_name,
                item_number => l.item_number,
                open_amount => l.open_amount,
                reason => labels.reason(&c.reason),
                resolver => labels.resolver(c.resolver_id),
                late => is_late(c.state == "open", c.deadline.as_deref(), &on),
            }
        })
        .collect();
    let reasons: Vec<Value> = labels
        .reasons
        .iter()
        .map(|(code, label)| context! { code => code, label => label })
        .collect();
    ctx.render(
        200,
        "cases.html",
        "disputes",
        context! {
            rows => rows,
            state => f.state,
            late => f.late,
            reason => f.reason,
            resolver_id => f.resolver_id,
            customer => f.customer,
            reasons => reasons,
            resolvers => labels.resolvers.iter().map(|(id, name)| context! { id => id, name => name }).collect::<Vec<_>>(),
            next => next,
            first => first,
        },
    )
}

/// Reasons (dispute statuses) and resolvers by the names the reader reads.
struct Labels {
    reasons: Vec<(String, String)>,
    resolvers: Vec<(i64, String)>,
}

impl Labels {
    fn load(ctx: &Ctx) -> Result<Labels, Failure> {
        let lang = ctx.lang();
        let reasons = config::statuses_light(&ctx.db)?
            .into_iter()
            .filter(|s| s.status.kind == settle_domain::catalog::StatusKind::Dispute)
            .map(|s| (s.status.code.clone(), s.status.label(lang).to_string()))
            .collect();
        let resolvers = config::resolvers(&ctx.db)?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        Ok(Labels { reasons, resolvers })
    }

    fn reason(&self, code: &str) -> String {
        self.reasons
            .iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.to_string(), |(_, l)| l.clone())
    }

    fn resolver(&self, id: Option<i64>) -> Option<String> {
        let id = id?;
        self.resolvers
            .iter()
            .find(|(r, _)| *r == id)
            .map(|(_, n)| n.clone())
    }
}

fn one(ctx: &Ctx, id: &str) -> Result<CaseView, Failure> {
    id.parse::<i64>()
        .ok()
        .map(|i| store::case(&ctx.db, i))
        .transpose()?
        .flatten()
        .ok_or(Failure::NotFound)
}

pub fn view(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    let c = one(ctx, id)?;
    show(ctx, &c, 200, Vec::new(), None)
}

/// The case page; `errors` are a refused write's, `done` the message of one that worked.
fn show(
    ctx: &Ctx,
    c: &CaseView,
    status: u16,
    errors: Vec<Value>,
    done: Option<&str>,
) -> Result<Response, Failure> {
    let lang = ctx.lang();
    let currency = Currency::parse(c.amounts.currency).map_err(settle_store::StoreError)?;
    let history = store::history(&ctx.db, c.id, currency)?;
    let item = ledger::item_by_key(&ctx.db, c.item_key, today())?;
    let item = item.as_ref();
    let customer = ledger::customer(&ctx.db, &c.customer_id)?;
    let labels = Labels::load(ctx)?;
    let root_causes = store::root_causes(&ctx.db)?;
    let today = today();
    let deadline = c.deadline.as_deref().and_then(|d| parse_date(d).ok());
    let late = is_late(
        c.state == "open",
        c.deadline.as_deref(),
        &format_date(today),
    );
    let tolerance = store::tolerance(&ctx.db, &c.entity, currency)?;
    // Whether the remainder is within the tolerance, and why not (the page says so before
    // anyone presses the button; the use case checks again).
    let write_off = (c.state == "open").then(|| match &tolerance {
        Some(t) => {
            let why = t.allows(&c.raw).err();
            context! {
                allowed => why.is_none(),
                missing => false,
                amount => t.amount(),
                percent => t.percent.to_string(),
                why => why,
            }
        }
        None => {
            context! { allowed => false, missing => true, amount => "", percent => "", why => () }
        }
    });
    let latest = store::latest_cases(&ctx.db, &[c.item_key])?;
    let resolved_on = c.resolved_on.as_deref().and_then(|d| parse_date(d).ok());
    let reopen = (c.state == "resolved").then(|| {
        let may = may_reopen(
            false,
            latest.get(&c.item_key).is_some_and(|l| l.id == c.id),
            resolved_on,
            item.is_some_and(|i| i.closed_on.is_none()),
            today,
        );
        context! {
            allowed => may.is_ok(),
            refusal => may.err().map(|r| r.code()),
            until => resolved_on.map(|r| format_date(r + chrono::Duration::days(rules::REOPEN_DAYS))),
        }
    });
    let root_cause_label = c.root_cause.as_ref().map(|code| {
        root_causes
            .iter()
            .find(|r| &r.code == code)
            .map_or_else(|| code.clone(), |r| r.label(lang).to_string())
    });
    let choices: Vec<Value> = root_causes
        .iter()
        .filter(|r| r.active || c.root_cause.as_ref() == Some(&r.code))
        .map(|r| context! { code => r.code, label => r.label(lang) })
        .collect();
    ctx.render(
        status,
        "case.html",
        "disputes",
        context! {
            case => c,
            item => item,
            customer_name => customer.map(|c| c.name),
            reason => labels.reason(&c.reason),
            resolver => labels.resolver(c.resolver_id),
            root_cause => root_cause_label,
            root_causes => choices,
            late => late,
            days_late => deadline.filter(|_| late).map(|d| days_late(d, today)),
            history => history,
            write_off => write_off,
            reopen => reopen,
            errors => errors,
            done => done,
        },
    )
}

/// Runs a use case on the case from the posted form; a refusal shows the case as it is now
/// with the reason, in the reader's words when the catalogue has them (`conflict-<code>`).
fn write<T>(
    ctx: &Ctx,
    id: &str,
    fields: &[(&'static str, Field)],
    run: impl FnOnce(i64, &Map<String, serde_json::Value>, &Who) -> Result<T, Refusal>,
    done: &str,
) -> Result<Response, Failure> {
    let f: Form = ctx.form()?;
    let c = one(ctx, id)?;
    let mut o = f.to_object(fields);
    // A blank optional field is not given.
    o.retain(|_, v| !v.as_str().is_some_and(|s| s.trim().is_empty()));
    match run(c.id, &o, &ctx.who()) {
        Ok(_) => {
            let c = one(ctx, id)?;
            show(ctx, &c, 200, Vec::new(), Some(done))
        }
        Err(Refusal::Conflict { code, message, .. }) => {
            let key = format!("conflict-{code}");
            let label = ctx.messages.has(&key).then(|| ctx.messages.get(&key, &[]));
            let error = context! { field => "", label => label, detail => message };
            show(ctx, &one(ctx, id)?, 409, vec![error], None)
        }
        Err(r) => match Failure::from(r) {
            Failure::Invalid(s, inv) => show(
                ctx,
                &one(ctx, id)?,
                s,
                field_errors(&ctx.messages, &inv),
                None,
            ),
            other => Err(other),
        },
    }
}

pub fn write_off(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(
        ctx,
        id,
        &[("comment", Field::Raw)],
        |id, body, who| {
            let done = cases::write_off(&ctx.db, id, body, who)?;
            ctx.after_commit(done.after);
            Ok(())
        },
        "done-written-off",
    )
}

pub fn finding(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(
        ctx,
        id,
        &[
            ("root_cause", Field::Text),
            ("valid", Field::Text),
            ("comment", Field::Raw),
        ],
        |id, body, who| {
            let mut body = body.clone();
            // The select's "not said" is null; the radio's yes/no a boolean.
            match body.get("valid").and_then(|v| v.as_str()) {
                Some("true") => body.insert("valid".into(), true.into()),
                Some("false") => body.insert("valid".into(), false.into()),
                _ => body.insert("valid".into(), serde_json::Value::Null),
            };
            if !body.contains_key("root_cause") {
                body.insert("root_cause".into(), serde_json::Value::Null);
            }
            cases::record_finding(&ctx.db, id, &body, who)?;
            Ok(())
        },
        "done-finding",
    )
}

pub fn reopen(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    write(
        ctx,
        id,
        &[("comment", Field::Raw)],
        |id, body, who| {
            let done = cases::reopen(&ctx.db, id, body, who)?;
            ctx.after_commit(done.after);
            Ok(())
        },
        "done-reopened",
    )
}
