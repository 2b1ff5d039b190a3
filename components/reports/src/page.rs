//! The report pages: the same figures as the JSON, in the reader's language, with the charts
//! (`charts`) and a CSV link per table. Templates: `templates/report.html` over the pages'
//! layout; labels from the pages' Fluent catalogues (`report-*` messages).

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::Value;
use settle_domain::case_analytics::{Analytics, ByCurrency, Group};
use settle_domain::catalog::label_in;
use settle_domain::money::Currency;
use settle_domain::report_views::{DisputeBlock, DisputeReport, ItemStatusReport, KpiReport, Part};
use settle_pages::i18n::{Arg, LANGUAGES, cases_catalogue};
use settle_pages::render::{base_context, environment, page, render};
use settle_pages::{Messages, PageError, negotiate};
use settle_store::config::StatusConfig;
use settle_web::{Answer, problem};

use crate::charts::{self, Bar};
use crate::{Lookups, Params, Report};

const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("../templates/report.html")),
    ("cases.html", include_str!("../templates/cases.html")),
    ("parts.html", include_str!("../templates/parts.html")),
];

fn messages(p: &Params) -> Arc<Messages> {
    Arc::new(Messages::new(negotiate(
        p.lang.as_deref(),
        None,
        p.accept_language.as_deref(),
    )))
}

/// The link to this report with `changes` made to its query.
fn href(p: &Params, changes: &[(&str, &str)]) -> String {
    let mut q: Vec<(String, String)> = p
        .query
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .cloned()
        .collect();
    q.extend(changes.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let mut s = settle_web::encode_query(&q);
    if !s.is_empty() {
        s.insert(0, '?');
    }
    format!("/api/v1/reports/{}{s}", p.report.slug())
}

/// Status code → label in the reader's language.
fn status_labels(statuses: &[StatusConfig], lang: &str) -> BTreeMap<String, String> {
    statuses
        .iter()
        .map(|s| {
            let label = label_in(&s.status.labels, lang)
                .unwrap_or(&s.status.code)
                .to_string();
            (s.status.code.clone(), label)
        })
        .collect()
}

/// Major units of `minor` for a chart's coordinates (pixels, not money).
fn plot_value(minor: i64, currency: &str) -> f64 {
    let exp = Currency::parse(currency).map_or(2, |c| c.exponent());
    minor as f64 / 10f64.powi(exp as i32)
}

fn part_bars(
    parts: &[Part],
    currency: &str,
    m: &Messages,
    label: impl Fn(&Part) -> String,
) -> Vec<Bar> {
    parts
        .iter()
        .take(10)
        .map(|p| Bar {
            label: label(p),
            value: plot_value(p.minor, currency),
            text: m.money_str(&p.amount, currency),
        })
        .collect()
}

fn block_charts(
    b: &DisputeBlock,
    m: &Messages,
    labels: &BTreeMap<String, String>,
) -> BTreeMap<&'static str, Value> {
    let c = b.currency.as_str();
    let status = part_bars(&b.by_status, c, m, |p| {
        labels.get(&p.key).cloned().unwrap_or_else(|| p.key.clone())
    });
    let customer = part_bars(&b.by_customer, c, m, |p| {
        p.name.clone().unwrap_or_else(|| p.key.clone())
    });
    let aging = part_bars(&b.aging, c, m, |p| {
        m.get(&format!("report-age-{}", age_id(&p.key)), &[])
    });
    let trend: Vec<(String, f64)> = b
        .trend
        .iter()
        .map(|t| {
            (
                t.date.get(..7).unwrap_or(&t.date).to_string(),
                plot_value(t.disputed_minor, c),
            )
        })
        .collect();
    let exp = Currency::parse(c).map_or(2, |c| c.exponent());
    let axis = |v: f64| {
        let minor = (v * 10f64.powi(exp as i32)).round() as i64;
        Currency::parse(c).map_or_else(
            |_| format!("{v:.0}"),
            |cur| m.money(minor - minor % 10i64.pow(exp), cur),
        )
    };
    let mut out = BTreeMap::new();
    let safe = Value::from_safe_string;
    out.insert(
        "status",
        safe(charts::bars(&m.get("report-by-status", &[]), &status)),
    );
    out.insert(
        "customer",
        safe(charts::bars(&m.get("report-by-customer", &[]), &customer)),
    );
    out.insert(
        "aging",
        safe(charts::bars(&m.get("report-aging", &[]), &aging)),
    );
    out.insert(
        "trend",
        safe(charts::line(&m.get("report-trend", &[]), &trend, &axis)),
    );
    out
}

/// `0-30` → `0-30` message id part (`report-age-0-30`), `90+` → `90-plus`.
fn age_id(key: &str) -> String {
    key.replace('+', "-plus")
}

/// What every report page shows around its figures: the filter form (statuses, resolvers,
/// languages), the CSV links; `labels` are the statuses' labels in the reader's language.
fn base(p: &Params, m: &Messages, lk: &Lookups, labels: &BTreeMap<String, String>) -> Value {
    let resolvers: Vec<Value> = lk
        .resolvers
        .iter()
        .map(|(id, name)| minijinja::context! { id => id, name => name })
        .collect();
    let sections: Vec<Value> = p
        .report
        .sections()
        .iter()
        .map(|s| {
            minijinja::context! {
                id => s,
                href => href(p, &[("format", "csv"), ("section", s)]),
            }
        })
        .collect();
    let languages: Vec<Value> = LANGUAGES
        .iter()
        .map(|l| minijinja::context! { tag => l.tag, name => l.name, current => l.tag == m.language.tag })
        .collect();
    minijinja::context! {
        report => p.report.slug(),
        path => format!("/api/v1/reports/{}", p.report.slug()),
        as_of => settle_domain::dates::format_date(p.as_of),
        filter => minijinja::context! {
            entity => p.filter.entity.clone().unwrap_or_default(),
            collector => p.filter.collector.clone().unwrap_or_default(),
            customer_id => p.filter.customer_id.clone().unwrap_or_default(),
            status => p.filter.status.clone().unwrap_or_default(),
            resolver_id => p.filter.resolver_id,
        },
        from => settle_domain::dates::format_date(p.period.0),
        to => settle_domain::dates::format_date(p.period.1),
        months => p.months,
        status_labels => labels,
        // The item status report breaks overdue items down by any status; the others'
        // status filter chooses disputes, so it offers the dispute statuses alone.
        statuses => lk
            .statuses
            .iter()
            .filter(|s| p.report == Report::ItemStatuses
                || s.status.kind == settle_domain::catalog::StatusKind::Dispute)
            .map(|s| s.status.code.clone())
            .collect::<Vec<_>>(),
        resolvers => resolvers,
        sections => sections,
        report_languages => languages,
        ..base_context(m, "/api/v1/reports")
    }
}

fn finish(m: &Arc<Messages>, ctx: Value) -> Answer<spin_sdk::http::Response> {
    finish_with(m, "report.html", ctx)
}

fn finish_with(m: &Arc<Messages>, template: &str, ctx: Value) -> Answer<spin_sdk::http::Response> {
    let env = environment(m.clone(), TEMPLATES);
    let html = render(&env, template, ctx).map_err(|e| match e {
        PageError::Server(_, detail) => {
            eprintln!("report page: {detail}");
            problem(
                500,
                "internal",
                "Internal error",
                "the report page failed to render",
            )
        }
        _ => problem(
            500,
            "internal",
            "Internal error",
            "the report page failed to render",
        ),
    })?;
    let mut r = page(200, html, m.language.tag, None);
    r.set_header("vary", "accept, accept-language");
    Ok(r)
}

pub fn disputes(
    p: &Params,
    report: &DisputeReport,
    lk: &Lookups,
) -> Answer<spin_sdk::http::Response> {
    let m = messages(p);
    let labels = status_labels(&lk.statuses, m.language.tag);
    let charts: BTreeMap<String, BTreeMap<&str, Value>> = report
        .currencies
        .iter()
        .map(|b| (b.currency.clone(), block_charts(b, &m, &labels)))
        .collect();
    debug_assert_eq!(p.report, Report::Disputes);
    let ctx = minijinja::context! {
        data => Value::from_serialize(report),
        charts => charts,
        ..base(p, &m, lk, &labels)
    };
    finish(&m, ctx)
}

pub fn item_statuses(
    p: &Params,
    report: &ItemStatusReport,
    lk: &Lookups,
) -> Answer<spin_sdk::http::Response> {
    let m = messages(p);
    let labels = status_labels(&lk.statuses, m.language.tag);
    let charts: BTreeMap<String, Value> = report
        .currencies
        .iter()
        .map(|b| {
            let bars: Vec<Bar> = b
                .by_status
                .iter()
                .map(|l| Bar {
                    label: if l.key == "none" {
                        m.get("report-none-status", &[])
                    } else {
                        labels.get(&l.key).cloned().unwrap_or_else(|| l.key.clone())
                    },
                    value: plot_value(l.minor, &b.currency),
                    text: m.money_str(&l.overdue, &b.currency),
                })
                .collect();
            (
                b.currency.clone(),
                Value::from_safe_string(charts::bars(&m.get("report-by-any-status", &[]), &bars)),
            )
        })
        .collect();
    let ctx = minijinja::context! {
        data => Value::from_serialize(report),
        charts => charts,
        ..base(p, &m, lk, &labels)
    };
    finish(&m, ctx)
}

pub fn kpis(p: &Params, report: &KpiReport, lk: &Lookups) -> Answer<spin_sdk::http::Response> {
    let m = messages(p);
    let labels = status_labels(&lk.statuses, m.language.tag);
    let ctx = minijinja::context! {
        data => Value::from_serialize(report),
        charts => BTreeMap::<String, Value>::new(),
        ..base(p, &m, lk, &labels)
    };
    finish(&m, ctx)
}

/// The case analytics' page: the figures by reason and root cause (labels in the reader's
/// language), settlement, deadline compliance per resolver, days deductions outstanding,
/// promises; a chart beside each table. Its words are the cases' catalogue's
/// (`analytics-*`).
pub fn dispute_cases(
    db: &settle_store::SpinDb,
    p: &Params,
    a: &Analytics,
    lk: &Lookups,
) -> Answer<spin_sdk::http::Response> {
    let m = Arc::new(Messages::pages_with(
        negotiate(p.lang.as_deref(), None, p.accept_language.as_deref()),
        cases_catalogue,
    ));
    let tag = m.language.tag;
    let reasons = status_labels(&lk.statuses, tag);
    let roots: BTreeMap<String, String> = settle_store::disputes::root_causes(db)?
        .into_iter()
        .map(|r| {
            let label = label_in(&r.labels, tag).unwrap_or(&r.code).to_string();
            (r.code, label)
        })
        .collect();
    let reason_label = |k: &Option<String>| {
        let k = k.clone().unwrap_or_default();
        reasons.get(&k).cloned().unwrap_or(k)
    };
    let root_label = |k: &Option<String>| match k {
        Some(k) => roots.get(k).cloned().unwrap_or_else(|| k.clone()),
        None => m.get("analytics-no-root-cause", &[]),
    };
    let count_bars = |groups: &[Group], label: &dyn Fn(&Option<String>) -> String| -> Vec<Bar> {
        let mut v: Vec<&Group> = groups.iter().collect();
        v.sort_by_key(|g| std::cmp::Reverse(g.count));
        v.into_iter()
            .take(10)
            .map(|g| Bar {
                label: label(&g.key),
                value: g.count as f64,
                text: m.number(g.count as i64),
            })
            .collect()
    };
    let group_rows = |groups: &[Group], label: &dyn Fn(&Option<String>) -> String| -> Vec<Value> {
        groups
            .iter()
            .map(|g| {
                minijinja::context! {
                    label => label(&g.key),
                    g => Value::from_serialize(g),
                    amounts => g.original_amount.0.iter().map(|(c, v)| vec![c.to_string(), v.clone()]).collect::<Vec<_>>(),
                }
            })
            .collect()
    };
    let name_of = |id: Option<i64>| match id {
        Some(id) => lk
            .resolvers
            .iter()
            .find(|(i, _)| *i == id)
            .map_or_else(|| id.to_string(), |(_, n)| n.clone()),
        None => m.get("report-none-resolver", &[]),
    };
    let compliance: Vec<Value> = a
        .deadline_compliance
        .iter()
        .map(|c| minijinja::context! { name => name_of(c.resolver_id), c => Value::from_serialize(c) })
        .collect();
    let compliance_bars: Vec<Bar> = a
        .deadline_compliance
        .iter()
        .take(10)
        .map(|c| Bar {
            label: name_of(c.resolver_id),
            value: c
                .rate
                .and_then(|r| r.to_string().parse::<f64>().ok())
                .unwrap_or(0.0),
            text: c.rate.map_or_else(
                || "—".into(),
                |r| {
                    m.get(
                        "percent",
                        &[("value", Arg::Str(&m.decimal_str(&r.to_string())))],
                    )
                },
            ),
        })
        .collect();
    // Settlement per currency: what was paid, credited, written off and released.
    let s = &a.settled;
    let mut currencies: Vec<&str> = [
        &s.paid_amount,
        &s.credited_amount,
        &s.written_off_amount,
        &s.released_amount,
    ]
    .iter()
    .flat_map(|b| b.0.keys().copied())
    .collect();
    currencies.sort();
    currencies.dedup();
    let settled: Vec<Value> = currencies
        .iter()
        .map(|c| {
            let amount = |b: &ByCurrency| b.0.get(c).cloned().unwrap_or_else(|| "0".into());
            let parts = [
                ("case-paid", amount(&s.paid_amount)),
                ("case-credited", amount(&s.credited_amount)),
                ("case-written-off", amount(&s.written_off_amount)),
                ("analytics-released", amount(&s.released_amount)),
            ];
            let bars: Vec<Bar> = parts
                .iter()
                .map(|(label, v)| Bar {
                    label: m.get(label, &[]),
                    value: v.parse::<f64>().unwrap_or(0.0),
                    text: m.money_str(v, c),
                })
                .collect();
            minijinja::context! {
                currency => c,
                parts => parts.iter().map(|(l, v)| vec![l.to_string(), v.clone()]).collect::<Vec<_>>(),
                chart => Value::from_safe_string(charts::bars(&m.get("analytics-settled", &[]), &bars)),
            }
        })
        .collect();
    let late: Vec<Vec<String>> = a
        .late
        .disputed_amount
        .0
        .iter()
        .map(|(c, v)| vec![c.to_string(), v.clone()])
        .collect();
    let safe = Value::from_safe_string;
    let ctx = minijinja::context! {
        data => Value::from_serialize(a),
        late => late,
        by_reason => group_rows(&a.by_reason, &reason_label),
        by_root_cause => group_rows(&a.by_root_cause, &root_label),
        reason_chart => safe(charts::bars(&m.get("analytics-by-reason", &[]), &count_bars(&a.by_reason, &reason_label))),
        root_chart => safe(charts::bars(&m.get("analytics-by-root-cause", &[]), &count_bars(&a.by_root_cause, &root_label))),
        settled => settled,
        compliance => compliance,
        compliance_chart => safe(charts::bars(&m.get("analytics-compliance", &[]), &compliance_bars)),
        ..base(p, &m, lk, &reasons)
    };
    finish_with(&m, "cases.html", ctx)
}

/// The error page of a report asked for as HTML: what is wrong (the parameter named), and
/// the way back to the report without its query.
pub fn error(req: &spin_sdk::http::Request, status: u16, detail: &str) -> spin_sdk::http::Response {
    let q = settle_web::query(req);
    let lang = q.iter().find(|(k, _)| k == "lang").map(|(_, v)| v.as_str());
    let accept_language = req.header("accept-language").and_then(|h| h.as_str());
    let m = Arc::new(Messages::new(negotiate(lang, None, accept_language)));
    let env = environment(m.clone(), &[]);
    let back = req.path().to_string();
    let html = env
        .get_template("error.html")
        .and_then(|t| {
            t.render(minijinja::context! {
                key => "report",
                fields => vec![detail.to_string()],
                minutes => 0,
                back => back,
                ..base_context(&m, "/api/v1/reports")
            })
        })
        .unwrap_or_else(|e| {
            eprintln!("report error page: {e}");
            "<!doctype html><title>Error</title>".into()
        });
    page(status, html, m.language.tag, None)
}
