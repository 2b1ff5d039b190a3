//! Reports, exact at any date (`as_of`, default today):
//!
//! - `GET /api/v1/reports/disputes`: outstanding and disputed outstanding, dispute rates,
//!   breakdowns by customer, dispute type, resolver and entity, aging of open disputes,
//!   resolution delays over `from`..`to`, the monthly trend over `months`.
//! - `GET /api/v1/reports/item-statuses`: overdue amount by status, qualification rate, by
//!   collector, resolver and customer.
//! - `GET /api/v1/reports/kpis`: DSO (count-back, simple), best possible DSO, average days
//!   delinquent, disputed DSO, share overdue, CEI over `from`..`to`.
//!
//! Filters: `entity`, `collector`, `customer_id` (the population), `status`, `resolver_id`
//! (the qualified items the figures are about). Formats: JSON (default), CSV (`Accept:
//! text/csv` or `format=csv`, one table per `section`), HTML (`Accept: text/html` or
//! `format=html`) with SVG charts, in the 15 page languages (`lang`). Roles collector and
//! admin. Sums come from `settle_store::reports`, figures from `settle_domain::report_views`.

mod charts;
mod page;
mod params;

use params::OFFERS;
pub use params::Params;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use settle_domain::auth::Role;
use settle_domain::report_views::{self, KpiPlan, Names, Table};
use settle_domain::reports::{self, Filter};
use settle_store::reports as store;
use settle_store::{SpinDb, config};
use settle_web::{
    Answer, Query, bad_query, json, method_not_allowed, not_found, open_db, problem, respond,
    segments, today,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
fn handle(req: Request) -> Response {
    match route(&req) {
        // A page asked for: its bad filters get a page too (in the reader's language, naming
        // the parameter); tokens and roles stay problems for the API's clients.
        Err(p) if wants_html(&req) && [400, 404, 405, 406].contains(&p.status()) => {
            let detail = p.body()["detail"].as_str().unwrap_or("").to_string();
            page::error(&req, p.status(), &detail)
        }
        answer => respond(answer),
    }
}

/// Did the request ask for the page (`format=html`, or an `Accept` preferring HTML)?
fn wants_html(req: &Request) -> bool {
    let q = settle_web::query(req);
    match q.iter().find(|(k, _)| k == "format") {
        Some((_, f)) => f == "html",
        None => {
            req.header("accept")
                .and_then(|h| h.as_str())
                .and_then(|a| settle_web::accept::preferred(a, &OFFERS))
                == Some(Format::Html)
        }
    }
}

const PREFIX: &str = "/api/v1/reports";

fn route(req: &Request) -> Answer<Response> {
    let Some(p) = segments(req.path(), PREFIX) else {
        return Err(not_found("no such route"));
    };
    if p.as_slice() == ["assets", "pages.css"] {
        return Ok(settle_pages::css());
    }
    let report = match p.as_slice() {
        ["disputes"] => Report::Disputes,
        ["item-statuses"] => Report::ItemStatuses,
        ["kpis"] => Report::Kpis,
        ["dispute-cases"] => Report::DisputeCases,
        _ => {
            return Err(not_found(
                "no such report: disputes, item-statuses, kpis or dispute-cases",
            ));
        }
    };
    if req.method() != &Method::Get {
        return Err(method_not_allowed("GET"));
    }
    let db = open_db()?;
    // People come from the console with their session; machines with a token.
    settle_web::session::principal(req, &db, &[Role::Collector])?;
    let params = Params::parse(req, &db, report)?;
    match report {
        Report::Disputes => disputes(&db, &params),
        Report::ItemStatuses => item_statuses(&db, &params),
        Report::Kpis => kpis(&db, &params),
        Report::DisputeCases => dispute_cases(&db, &params),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Disputes,
    ItemStatuses,
    Kpis,
    DisputeCases,
}

impl Report {
    fn slug(&self) -> &'static str {
        match self {
            Report::Disputes => "disputes",
            Report::ItemStatuses => "item-statuses",
            Report::Kpis => "kpis",
            Report::DisputeCases => "dispute-cases",
        }
    }

    fn sections(&self) -> &'static [&'static str] {
        match self {
            Report::Disputes => &report_views::DISPUTE_SECTIONS,
            Report::ItemStatuses => &report_views::STATUS_SECTIONS,
            Report::Kpis => &["summary"],
            Report::DisputeCases => &settle_domain::case_analytics::SECTIONS,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Html,
}

/// What a report shows beside its keys, read once per request: statuses (labels,
/// typologies) and resolvers (names).
pub struct Lookups {
    pub names: Names,
    pub statuses: Vec<settle_store::config::StatusConfig>,
    /// Resolver id and name, by id.
    pub resolvers: Vec<(i64, String)>,
}

fn lookups(db: &SpinDb) -> Answer<Lookups> {
    let statuses = config::statuses_light(db)?;
    let resolvers = store::resolver_names(db)?;
    let names = Names {
        resolvers: resolvers.iter().cloned().collect(),
        typologies: statuses
            .iter()
            .map(|s| (s.status.code.clone(), s.status.typology.clone()))
            .collect(),
    };
    Ok(Lookups {
        names,
        statuses,
        resolvers,
    })
}

fn csv(p: &Params, table: Table) -> Response {
    let name = format!(
        "{}-{}-{}.csv",
        p.report.slug(),
        p.section,
        settle_domain::dates::format_date(p.as_of)
    );
    let mut r = settle_pages::render::download(
        "text/csv; charset=utf-8",
        &name,
        table.to_csv().into_bytes(),
    );
    r.set_header("vary", "accept");
    r
}

fn answer_json<T: serde::Serialize>(v: &T) -> Response {
    let mut r = json(200, v);
    r.set_header("vary", "accept");
    r.set_header("cache-control", "no-store");
    r
}

fn disputes(db: &SpinDb, p: &Params) -> Answer<Response> {
    let basis = store::basis(db, p.as_of)?;
    let lines = store::dispute_lines(db, p.as_of, &p.filter, basis)?;
    let resolved = store::resolved(db, p.period.0, p.period.1, &p.filter)?;
    let points = reports::trend_points(p.as_of, p.months);
    let trend = store::trend_kept(db, &points, &p.filter)?;
    let lk = lookups(db)?;
    let report = report_views::dispute_report(
        p.as_of, &p.filter, p.period, &lines, &resolved, &trend, &lk.names,
    );
    Ok(match p.format {
        Format::Json => answer_json(&report),
        Format::Csv => csv(
            p,
            report_views::dispute_table(&report, &p.section)
                .ok_or_else(|| bad_query("section", "no such section"))?,
        ),
        Format::Html => page::disputes(p, &report, &lk)?,
    })
}

fn item_statuses(db: &SpinDb, p: &Params) -> Answer<Response> {
    let basis = store::basis(db, p.as_of)?;
    let lines = store::item_status_lines(db, p.as_of, &p.filter, basis)?;
    let lk = lookups(db)?;
    let report = report_views::item_status_report(p.as_of, &p.filter, &lines, &lk.names);
    Ok(match p.format {
        Format::Json => answer_json(&report),
        Format::Csv => csv(
            p,
            report_views::item_status_table(&report, &p.section)
                .ok_or_else(|| bad_query("section", "no such section"))?,
        ),
        Format::Html => page::item_statuses(p, &report, &lk)?,
    })
}

fn kpis(db: &SpinDb, p: &Params) -> Answer<Response> {
    let f = &p.filter;
    let plan = KpiPlan::new(p.as_of, p.period);
    let totals_at = |d: NaiveDate| -> Answer<Vec<reports::Totals>> {
        Ok(store::totals(db, d, f, store::basis(db, d)?)?)
    };
    let at_end = totals_at(p.as_of)?;
    let at_start = totals_at(plan.start)?;
    let cei_end = plan
        .load_cei_end
        .then(|| totals_at(plan.period.1))
        .transpose()?;
    let sales = store::sales_by_day(db, plan.earliest, p.as_of, f)?;
    let cei_sales = plan
        .load_cei_sales
        .then(|| store::sales_by_day(db, plan.start, plan.period.1, f))
        .transpose()?;
    let report = plan.assemble(
        f,
        &at_end,
        &at_start,
        cei_end.as_deref(),
        &sales,
        cei_sales.as_deref(),
    );
    Ok(match p.format {
        Format::Json => answer_json(&report),
        Format::Csv => csv(p, report_views::kpi_table(&report)),
        Format::Html => page::kpis(p, &report, &lookups(db)?)?,
    })
}

/// The dispute cases resolved in the period by reason and root cause, how they were
/// settled, deadline compliance per resolver, open and late cases at `as_of`, days deductions
/// outstanding, promises kept and broken (`settle_domain::case_analytics`).
fn dispute_cases(db: &SpinDb, p: &Params) -> Answer<Response> {
    let (sums, analytics) = case_analytics(db, p)?;
    Ok(match p.format {
        Format::Json => answer_json(&analytics),
        Format::Csv => {
            let lk = lookups(db)?;
            csv(
                p,
                settle_domain::case_analytics::table(
                    &sums,
                    &analytics,
                    &p.section,
                    &lk.names.resolvers,
                )
                .ok_or_else(|| bad_query("section", "no such section"))?,
            )
        }
        Format::Html => page::dispute_cases(db, p, &analytics, &lookups(db)?)?,
    })
}

/// The case analytics of the period `from`..=`to` at `as_of`: the case sums read in SQL
/// (a few hundred rows, not every case), the period's credit sales for days deductions
/// outstanding, the promises kept and broken; the cases, sales and promises of the filter's
/// population (entity, collector, customer), the cases of its reason and resolver.
fn case_analytics(
    db: &SpinDb,
    p: &Params,
) -> Answer<(
    settle_domain::case_analytics::CaseSums,
    settle_domain::case_analytics::Analytics,
)> {
    use settle_domain::case_analytics::{self as ca, CaseSums};
    use settle_domain::dates::format_date;
    use settle_store::disputes as cases;
    let (as_of, (from, to), filter) = (p.as_of, p.period, &p.filter);
    let (f, t) = (format_date(from), format_date(to));
    let sums = CaseSums {
        resolved: cases::resolved_case_sums(db, &f, &t, filter)?,
        compliance: cases::case_compliance(db, &f, &t, filter)?,
        open: cases::open_case_sums(db, &format_date(as_of), filter)?,
    };
    let mut analytics = ca::figures(&sums, from, to, as_of);
    // Credit sales of the period per currency.
    let before = from.pred_opt().unwrap_or(from);
    let mut sales: BTreeMap<String, i64> = BTreeMap::new();
    for (currency, _, minor) in store::sales_by_day(db, before, to, filter)? {
        let sum = sales.entry(currency).or_default();
        *sum = sum.saturating_add(minor);
    }
    let sales = sales
        .into_iter()
        .map(|(c, m)| {
            Ok((
                settle_domain::money::Currency::parse(&c).map_err(settle_store::StoreError)?,
                m,
            ))
        })
        .collect::<Result<Vec<_>, settle_store::StoreError>>()?;
    analytics.deductions = ca::deductions(&sums.open, from, to, &sales);
    let (kept, broken) = settle_store::actions::promise_outcomes(db, &f, &t, filter)?;
    analytics.promises = ca::Promises::new(kept, broken);
    Ok((sums, analytics))
}
