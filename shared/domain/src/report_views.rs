//! The three reports as answers: the store's sums ([`Line`], [`Resolved`], [`TrendPoint`],
//! [`Totals`]) turned into figures per currency with the formulas of [`crate::reports`],
//! serialized as JSON (amounts as decimal strings) and flattened into CSV tables.
//!
//! Currencies are never summed together: every figure belongs to one currency's block.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::dates::format_date;
use crate::money::{Currency, amount_string};
use crate::reports::{
    AGING_BUCKETS, DelayStats, Filter, Line, MonthSales, Resolved, Totals, TrendPoint,
    aging_bucket, average_days_delinquent, cei, countback_dso, disputed_dso, rate, simple_dso,
};

/// Names a report shows beside its keys.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Resolver id → name.
    pub resolvers: HashMap<i64, String>,
    /// Status code → typology.
    pub typologies: HashMap<String, Option<String>>,
}

/// An amount in a currency, as its decimal string; `"0"`-like when the currency is unknown.
fn money(minor: i64, currency: &str) -> String {
    match Currency::parse(currency) {
        Ok(c) => amount_string(minor, c),
        Err(_) => minor.to_string(),
    }
}

/// One line of a breakdown: what it is about (`key`, `name`), an amount and a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub amount: String,
    pub count: i64,
    /// Share of the block's disputed outstanding, in percent.
    pub share: Option<Decimal>,
    #[serde(skip)]
    pub minor: i64,
}

/// The dispute report for one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisputeBlock {
    pub currency: String,
    pub outstanding: String,
    pub open_items: i64,
    pub disputed_outstanding: String,
    pub disputed_items: i64,
    /// Disputed outstanding ÷ outstanding × 100.
    pub dispute_rate_amount: Option<Decimal>,
    /// Disputed items ÷ open items × 100.
    pub dispute_rate_count: Option<Decimal>,
    pub by_customer: Vec<Part>,
    pub by_status: Vec<Part>,
    pub by_resolver: Vec<Part>,
    pub by_entity: Vec<Part>,
    /// Open disputes by days since the dispute date: 0–30, 31–60, 61–90, more than 90.
    pub aging: Vec<Part>,
    pub trend: Vec<TrendRow>,
    #[serde(skip)]
    pub outstanding_minor: i64,
    #[serde(skip)]
    pub disputed_minor: i64,
}

/// One point of the monthly trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrendRow {
    pub date: String,
    pub outstanding: String,
    pub disputed_outstanding: String,
    pub disputed_items: i64,
    pub dispute_rate_amount: Option<Decimal>,
    #[serde(skip)]
    pub disputed_minor: i64,
    #[serde(skip)]
    pub rate: Option<Decimal>,
}

/// Resolution delays of one group of disputes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelayLine {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub stats: DelayStats,
}

/// Disputes resolved over a period: overall, by typology (status) and by resolver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolutionView {
    pub from: String,
    pub to: String,
    #[serde(flatten)]
    pub overall: DelayStats,
    pub by_status: Vec<DelayLine>,
    pub by_resolver: Vec<DelayLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisputeReport {
    pub as_of: String,
    pub filters: Filter,
    pub currencies: Vec<DisputeBlock>,
    pub resolution: ResolutionView,
}

/// Parts of `section` for `currency`, largest amount first.
fn parts(
    lines: &[&Line],
    section: &str,
    total: i64,
    name: impl Fn(&Line) -> Option<String>,
) -> Vec<Part> {
    let mut v: Vec<Part> = lines
        .iter()
        .filter(|l| l.section == section)
        .map(|l| Part {
            key: l.key.clone().unwrap_or_else(|| "none".into()),
            name: name(l),
            amount: money(l.amount, &l.currency),
            count: l.count,
            share: rate(l.amount, total),
            minor: l.amount,
        })
        .collect();
    v.sort_by(|a, b| b.minor.cmp(&a.minor).then_with(|| a.key.cmp(&b.key)));
    v
}

fn currencies_of<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = items.map(str::to_string).collect();
    v.sort();
    v.dedup();
    v
}

/// Assembles the dispute report from the store's sums.
pub fn dispute_report(
    as_of: NaiveDate,
    filters: &Filter,
    (from, to): (NaiveDate, NaiveDate),
    lines: &[Line],
    resolved: &[Resolved],
    trend: &[TrendPoint],
    names: &Names,
) -> DisputeReport {
    let currencies = currencies_of(
        lines
            .iter()
            .map(|l| l.currency.as_str())
            .chain(trend.iter().map(|t| t.currency.as_str())),
    );
    let blocks = currencies
        .iter()
        .map(|currency| {
            let mine: Vec<&Line> = lines.iter().filter(|l| &l.currency == currency).collect();
            let total = mine.iter().find(|l| l.section == "total");
            let (outstanding, open_items, disputed, disputed_items) = total
                .map(|t| (t.amount, t.count, t.part_amount, t.part_count))
                .unwrap_or_default();
            let mut aging: BTreeMap<&str, (i64, i64)> =
                AGING_BUCKETS.iter().map(|b| (*b, (0, 0))).collect();
            for l in mine.iter().filter(|l| l.section == "age") {
                let days = l.key.as_deref().and_then(|k| k.parse().ok()).unwrap_or(0);
                let e = aging.entry(aging_bucket(days)).or_default();
                e.0 += l.amount;
                e.1 += l.count;
            }
            let aging = AGING_BUCKETS
                .iter()
                .map(|b| {
                    let (amount, count) = aging[b];
                    Part {
                        key: b.to_string(),
                        name: None,
                        amount: money(amount, currency),
                        count,
                        share: rate(amount, disputed),
                        minor: amount,
                    }
                })
                .collect();
            let trend = trend
                .iter()
                .filter(|t| &t.currency == currency)
                .map(|t| TrendRow {
                    date: format_date(t.date),
                    outstanding: money(t.outstanding, currency),
                    disputed_outstanding: money(t.disputed, currency),
                    disputed_items: t.disputed_items,
                    dispute_rate_amount: rate(t.disputed, t.outstanding),
                    disputed_minor: t.disputed,
                    rate: rate(t.disputed, t.outstanding),
                })
                .collect();
            DisputeBlock {
                currency: currency.clone(),
                outstanding: money(outstanding, currency),
                open_items,
                disputed_outstanding: money(disputed, currency),
                disputed_items,
                dispute_rate_amount: rate(disputed, outstanding),
                dispute_rate_count: rate(disputed_items, open_items),
                by_customer: parts(&mine, "customer", disputed, |l| l.name.clone()),
                by_status: parts(&mine, "status", disputed, |l| {
                    l.key
                        .as_ref()
                        .and_then(|k| names.typologies.get(k).cloned().flatten())
                }),
                by_resolver: parts(&mine, "resolver", disputed, |l| {
                    l.key
                        .as_ref()
                        .and_then(|k| k.parse().ok())
                        .and_then(|id: i64| names.resolvers.get(&id).cloned())
                }),
                by_entity: parts(&mine, "entity", disputed, |_| None),
                aging,
                trend,
                outstanding_minor: outstanding,
                disputed_minor: disputed,
            }
        })
        .collect();
    DisputeReport {
        as_of: format_date(as_of),
        filters: filters.clone(),
        currencies: blocks,
        resolution: resolution_view(from, to, resolved, names),
    }
}

fn resolution_view(
    from: NaiveDate,
    to: NaiveDate,
    resolved: &[Resolved],
    names: &Names,
) -> ResolutionView {
    let hist = |keep: &dyn Fn(&Resolved) -> bool| -> Vec<(i64, u64)> {
        let mut h: BTreeMap<i64, u64> = BTreeMap::new();
        for r in resolved.iter().filter(|r| keep(r)) {
            *h.entry(r.delay_days).or_default() += r.count;
        }
        h.into_iter().collect()
    };
    let mut statuses: Vec<&str> = resolved.iter().map(|r| r.status.as_str()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let mut resolvers: Vec<Option<i64>> = resolved.iter().map(|r| r.resolver_id).collect();
    resolvers.sort_unstable();
    resolvers.dedup();
    ResolutionView {
        from: format_date(from),
        to: format_date(to),
        overall: DelayStats::from_histogram(&hist(&|_| true)),
        by_status: statuses
            .iter()
            .map(|s| DelayLine {
                key: s.to_string(),
                name: names.typologies.get(*s).cloned().flatten(),
                stats: DelayStats::from_histogram(&hist(&|r| r.status == *s)),
            })
            .collect(),
        by_resolver: resolvers
            .iter()
            .map(|id| DelayLine {
                key: id.map_or_else(|| "none".into(), |i| i.to_string()),
                name: id.and_then(|i| names.resolvers.get(&i).cloned()),
                stats: DelayStats::from_histogram(&hist(&|r| r.resolver_id == *id)),
            })
            .collect(),
    }
}

/// One line of the item status report: overdue amount and count, and the qualified part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualLine {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub overdue: String,
    pub overdue_items: i64,
    pub qualified: String,
    pub qualified_items: i64,
    /// Qualified overdue amount ÷ overdue amount × 100.
    pub qualification_rate: Option<Decimal>,
    #[serde(skip)]
    pub minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusBlock {
    pub currency: String,
    pub overdue: String,
    pub overdue_items: i64,
    pub qualified: String,
    pub qualified_items: i64,
    pub qualification_rate_amount: Option<Decimal>,
    pub qualification_rate_count: Option<Decimal>,
    /// By status at the date; key `none` for items carrying no status.
    pub by_status: Vec<QualLine>,
    pub by_collector: Vec<QualLine>,
    pub by_resolver: Vec<QualLine>,
    pub by_customer: Vec<QualLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemStatusReport {
    pub as_of: String,
    pub filters: Filter,
    pub currencies: Vec<StatusBlock>,
}

fn qual_lines(
    lines: &[&Line],
    section: &str,
    name: impl Fn(&Line) -> Option<String>,
) -> Vec<QualLine> {
    let mut v: Vec<QualLine> = lines
        .iter()
        .filter(|l| l.section == section)
        .map(|l| QualLine {
            key: l.key.clone().unwrap_or_else(|| "none".into()),
            name: name(l),
            overdue: money(l.amount, &l.currency),
            overdue_items: l.count,
            qualified: money(l.part_amount, &l.currency),
            qualified_items: l.part_count,
            qualification_rate: rate(l.part_amount, l.amount),
            minor: l.amount,
        })
        .collect();
    v.sort_by(|a, b| b.minor.cmp(&a.minor).then_with(|| a.key.cmp(&b.key)));
    v
}

pub fn item_status_report(
    as_of: NaiveDate,
    filters: &Filter,
    lines: &[Line],
    names: &Names,
) -> ItemStatusReport {
    let currencies = currencies_of(lines.iter().map(|l| l.currency.as_str()));
    let blocks = currencies
        .iter()
        .map(|currency| {
            let mine: Vec<&Line> = lines.iter().filter(|l| &l.currency == currency).collect();
            let t = mine
                .iter()
                .find(|l| l.section == "total")
                .map(|t| (t.amount, t.count, t.part_amount, t.part_count))
                .unwrap_or_default();
            StatusBlock {
                currency: currency.clone(),
                overdue: money(t.0, currency),
                overdue_items: t.1,
                qualified: money(t.2, currency),
                qualified_items: t.3,
                qualification_rate_amount: rate(t.2, t.0),
                qualification_rate_count: rate(t.3, t.1),
                by_status: qual_lines(&mine, "status", |l| {
                    l.key
                        .as_ref()
                        .and_then(|k| names.typologies.get(k).cloned().flatten())
                }),
                by_collector: qual_lines(&mine, "collector", |_| None),
                by_resolver: qual_lines(&mine, "resolver", |l| {
                    l.key
                        .as_ref()
                        .and_then(|k| k.parse().ok())
                        .and_then(|id: i64| names.resolvers.get(&id).cloned())
                }),
                by_customer: qual_lines(&mine, "customer", |l| l.name.clone()),
            }
        })
        .collect();
    ItemStatusReport {
        as_of: format_date(as_of),
        filters: filters.clone(),
        currencies: blocks,
    }
}

/// The KPI inputs for one currency: receivables at the period's start and end, and sales.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KpiInputs {
    pub currency: String,
    /// Receivables at `as_of`.
    pub at_end: Totals,
    /// Receivables the day before the CEI period starts.
    pub at_start: Totals,
    /// Receivables at the CEI period's end.
    pub cei_end: Totals,
    /// Sales in the CEI period.
    pub cei_sales: i64,
    /// Sales of each countback month, most recent first.
    pub months: Vec<MonthSales>,
    /// Sales over the last `recent_days` days.
    pub recent_sales: i64,
    pub recent_days: i64,
}

/// How many months of sales a countback may walk back.
pub const COUNTBACK_MONTHS: u32 = 24;
/// The days of sales the simple and disputed DSO divide by.
pub const RECENT_DAYS: i64 = 90;

/// What the KPI report at `as_of` over the CEI period `period` needs loaded, and how it is
/// put together from what was loaded ([`KpiPlan::assemble`]): the reports component loads,
/// this decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiPlan {
    pub as_of: NaiveDate,
    pub period: (NaiveDate, NaiveDate),
    /// The day before the CEI period: its opening receivables.
    pub start: NaiveDate,
    /// The first day of the countback's sales (`COUNTBACK_MONTHS` before `as_of`).
    pub earliest: NaiveDate,
    /// The CEI period's end is not `as_of`: its receivables are loaded on their own.
    pub load_cei_end: bool,
    /// The CEI period starts before the countback's sales: its sales are loaded on their
    /// own (from `start`, exclusive, to the period's end).
    pub load_cei_sales: bool,
}

/// Sales per day: currency, day, minor units.
pub type DaySales = (String, NaiveDate, i64);

impl KpiPlan {
    pub fn new(as_of: NaiveDate, period: (NaiveDate, NaiveDate)) -> KpiPlan {
        let start = period.0.pred_opt().unwrap_or(period.0);
        let earliest = as_of
            .checked_sub_months(chrono::Months::new(COUNTBACK_MONTHS))
            .unwrap_or(as_of);
        KpiPlan {
            as_of,
            period,
            start,
            earliest,
            load_cei_end: period.1 != as_of,
            load_cei_sales: start < earliest,
        }
    }

    /// The report from the loaded totals (`at_end` at `as_of`, `at_start` at `start`,
    /// `cei_end` at the period's end when [`KpiPlan::load_cei_end`]) and sales (`sales`
    /// from `earliest` to `as_of`, `cei_sales` when [`KpiPlan::load_cei_sales`]), per
    /// currency: every currency any of them holds.
    pub fn assemble(
        &self,
        filters: &Filter,
        at_end: &[Totals],
        at_start: &[Totals],
        cei_end: Option<&[Totals]>,
        sales: &[DaySales],
        cei_sales: Option<&[DaySales]>,
    ) -> KpiReport {
        let (start, to) = (self.start, self.period.1);
        let cei_end = cei_end.unwrap_or(at_end);
        let cei_sales: Vec<&DaySales> = match cei_sales {
            Some(s) => s.iter().collect(),
            None => sales
                .iter()
                .filter(|(_, d, _)| *d > start && *d <= to)
                .collect(),
        };
        let months = crate::reports::countback_months(self.as_of, COUNTBACK_MONTHS);
        let recent_after = self.as_of - chrono::Duration::days(RECENT_DAYS);
        let mut currencies: Vec<&str> = at_end
            .iter()
            .chain(at_start)
            .map(|t| t.currency.as_str())
            .chain(sales.iter().map(|s| s.0.as_str()))
            .collect();
        currencies.sort();
        currencies.dedup();
        let pick = |v: &[Totals], c: &str| {
            v.iter()
                .find(|t| t.currency == c)
                .cloned()
                .unwrap_or_default()
        };
        let inputs: Vec<KpiInputs> = currencies
            .iter()
            .map(|&c| {
                let days: Vec<(NaiveDate, i64)> = sales
                    .iter()
                    .filter(|s| s.0 == c)
                    .map(|s| (s.1, s.2))
                    .collect();
                KpiInputs {
                    currency: c.to_string(),
                    at_end: pick(at_end, c),
                    at_start: pick(at_start, c),
                    cei_end: pick(cei_end, c),
                    cei_sales: cei_sales.iter().filter(|s| s.0 == c).map(|s| s.2).sum(),
                    months: month_sales(&days, &months),
                    recent_sales: days
                        .iter()
                        .filter(|(d, _)| *d > recent_after)
                        .map(|(_, a)| a)
                        .sum(),
                    recent_days: RECENT_DAYS,
                }
            })
            .collect();
        kpi_report(self.as_of, filters, self.period, &inputs)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CeiView {
    pub from: String,
    pub to: String,
    pub opening_receivables: String,
    pub sales: String,
    pub closing_receivables: String,
    pub closing_current_receivables: String,
    pub value: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KpiBlock {
    pub currency: String,
    pub outstanding: String,
    pub overdue: String,
    pub disputed_outstanding: String,
    /// Overdue ÷ outstanding × 100.
    pub overdue_share: Option<Decimal>,
    pub dso_countback: Option<Decimal>,
    pub dso_simple: Option<Decimal>,
    pub best_possible_dso: Option<Decimal>,
    pub average_days_delinquent: Option<Decimal>,
    pub disputed_dso: Option<Decimal>,
    pub sales_recent: String,
    pub recent_days: i64,
    pub cei: CeiView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KpiReport {
    pub as_of: String,
    pub filters: Filter,
    pub currencies: Vec<KpiBlock>,
    /// How each figure is computed.
    pub formulas: BTreeMap<&'static str, &'static str>,
}

/// The formulas, as the answer documents them.
pub const FORMULAS: [(&str, &str); 7] = [
    (
        "dso_countback",
        "Walk back month by month from as_of, taking each month's invoiced sales off the receivable and adding the month's days while it lasts; the last month counts pro rata. Null when 24 months of sales do not explain the receivable.",
    ),
    (
        "dso_simple",
        "receivable / sales of the last recent_days days x recent_days",
    ),
    (
        "best_possible_dso",
        "the countback of the receivable not yet due",
    ),
    (
        "average_days_delinquent",
        "dso_countback - best_possible_dso",
    ),
    (
        "disputed_dso",
        "disputed outstanding / (sales of the last recent_days days / recent_days)",
    ),
    (
        "cei",
        "(opening receivables + sales - closing receivables) / (opening receivables + sales - closing current receivables) x 100, over from..to; opening = the day before from",
    ),
    ("overdue_share", "overdue outstanding / outstanding x 100"),
];

pub fn kpi_report(
    as_of: NaiveDate,
    filters: &Filter,
    (from, to): (NaiveDate, NaiveDate),
    inputs: &[KpiInputs],
) -> KpiReport {
    let currencies = inputs
        .iter()
        .map(|k| {
            let c = k.currency.as_str();
            let dso = countback_dso(k.at_end.outstanding, &k.months);
            let best = countback_dso(k.at_end.current.max(0), &k.months);
            KpiBlock {
                currency: k.currency.clone(),
                outstanding: money(k.at_end.outstanding, c),
                overdue: money(k.at_end.overdue, c),
                disputed_outstanding: money(k.at_end.disputed, c),
                overdue_share: rate(k.at_end.overdue, k.at_end.outstanding),
                dso_countback: dso,
                dso_simple: simple_dso(k.at_end.outstanding, k.recent_sales, k.recent_days),
                best_possible_dso: best,
                average_days_delinquent: dso.zip(best).map(|(d, b)| average_days_delinquent(d, b)),
                disputed_dso: disputed_dso(k.at_end.disputed, k.recent_sales, k.recent_days),
                sales_recent: money(k.recent_sales, c),
                recent_days: k.recent_days,
                cei: CeiView {
                    from: format_date(from),
                    to: format_date(to),
                    opening_receivables: money(k.at_start.outstanding, c),
                    sales: money(k.cei_sales, c),
                    closing_receivables: money(k.cei_end.outstanding, c),
                    closing_current_receivables: money(k.cei_end.current, c),
                    value: cei(
                        k.at_start.outstanding,
                        k.cei_sales,
                        k.cei_end.outstanding,
                        k.cei_end.current,
                    ),
                },
            }
        })
        .collect();
    KpiReport {
        as_of: format_date(as_of),
        filters: filters.clone(),
        currencies,
        formulas: FORMULAS.into_iter().collect(),
    }
}

/// Buckets daily sales `(date, amount)` into countback months `(after, up_to]`.
pub fn month_sales(
    days: &[(NaiveDate, i64)],
    months: &[(NaiveDate, NaiveDate)],
) -> Vec<MonthSales> {
    months
        .iter()
        .map(|(after, up_to)| MonthSales {
            days: (*up_to - *after).num_days(),
            sales: days
                .iter()
                .filter(|(d, _)| d > after && d <= up_to)
                .map(|(_, a)| a)
                .sum(),
        })
        .collect()
}

// ---- CSV ----

/// A flat table: header and rows of cells.
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn to_csv(&self) -> String {
        let mut out = crate::csv::row(&self.header);
        for r in &self.rows {
            out += &crate::csv::row(r);
        }
        out
    }
}

/// A figure that may be missing, for a CSV cell (blank when missing).
pub(crate) fn opt(d: &Option<Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The dispute report's tables: `summary`, `customer`, `status`, `resolver`, `entity`,
/// `aging`, `trend`, `resolution-status`, `resolution-resolver`.
pub const DISPUTE_SECTIONS: [&str; 9] = [
    "summary",
    "customer",
    "status",
    "resolver",
    "entity",
    "aging",
    "trend",
    "resolution-status",
    "resolution-resolver",
];

pub fn dispute_table(r: &DisputeReport, section: &str) -> Option<Table> {
    let part_rows = |pick: fn(&DisputeBlock) -> &Vec<Part>| -> Vec<Vec<String>> {
        r.currencies
            .iter()
            .flat_map(|b| {
                pick(b).iter().map(|p| {
                    vec![
                        b.currency.clone(),
                        p.key.clone(),
                        p.name.clone().unwrap_or_default(),
                        p.amount.clone(),
                        p.count.to_string(),
                        opt(&p.share),
                    ]
                })
            })
            .collect()
    };
    let part_header = vec!["currency", "key", "name", "amount", "count", "share_pct"];
    let delay_rows = |lines: &[DelayLine]| -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| {
                vec![
                    l.key.clone(),
                    l.name.clone().unwrap_or_default(),
                    l.stats.count.to_string(),
                    opt(&l.stats.average_days),
                    opt(&l.stats.median_days),
                    opt(&l.stats.p90_days),
                ]
            })
            .collect()
    };
    let delay_header = vec![
        "key",
        "name",
        "resolved",
        "average_days",
        "median_days",
        "p90_days",
    ];
    Some(match section {
        "summary" => Table {
            header: vec![
                "as_of",
                "currency",
                "outstanding",
                "open_items",
                "disputed_outstanding",
                "disputed_items",
                "dispute_rate_amount_pct",
                "dispute_rate_count_pct",
            ],
            rows: r
                .currencies
                .iter()
                .map(|b| {
                    vec![
                        r.as_of.clone(),
                        b.currency.clone(),
                        b.outstanding.clone(),
                        b.open_items.to_string(),
                        b.disputed_outstanding.clone(),
                        b.disputed_items.to_string(),
                        opt(&b.dispute_rate_amount),
                        opt(&b.dispute_rate_count),
                    ]
                })
                .collect(),
        },
        "customer" => Table {
            header: part_header,
            rows: part_rows(|b| &b.by_customer),
        },
        "status" => Table {
            header: part_header,
            rows: part_rows(|b| &b.by_status),
        },
        "resolver" => Table {
            header: part_header,
            rows: part_rows(|b| &b.by_resolver),
        },
        "entity" => Table {
            header: part_header,
            rows: part_rows(|b| &b.by_entity),
        },
        "aging" => Table {
            header: part_header,
            rows: part_rows(|b| &b.aging),
        },
        "trend" => Table {
            header: vec![
                "currency",
                "date",
                "outstanding",
                "disputed_outstanding",
                "disputed_items",
                "dispute_rate_amount_pct",
            ],
            rows: r
                .currencies
                .iter()
                .flat_map(|b| {
                    b.trend.iter().map(|t| {
                        vec![
                            b.currency.clone(),
                            t.date.clone(),
                            t.outstanding.clone(),
                            t.disputed_outstanding.clone(),
                            t.disputed_items.to_string(),
                            opt(&t.dispute_rate_amount),
                        ]
                    })
                })
                .collect(),
        },
        "resolution-status" => Table {
            header: delay_header,
            rows: delay_rows(&r.resolution.by_status),
        },
        "resolution-resolver" => Table {
            header: delay_header,
            rows: delay_rows(&r.resolution.by_resolver),
        },
        _ => return None,
    })
}

/// The item status report's tables: `summary`, `status`, `collector`, `resolver`, `customer`.
pub const STATUS_SECTIONS: [&str; 5] = ["summary", "status", "collector", "resolver", "customer"];

pub fn item_status_table(r: &ItemStatusReport, section: &str) -> Option<Table> {
    let pick: fn(&StatusBlock) -> &Vec<QualLine> = match section {
        "summary" => {
            return Some(Table {
                header: vec![
                    "as_of",
                    "currency",
                    "overdue",
                    "overdue_items",
                    "qualified",
                    "qualified_items",
                    "qualification_rate_amount_pct",
                    "qualification_rate_count_pct",
                ],
                rows: r
                    .currencies
                    .iter()
                    .map(|b| {
                        vec![
                            r.as_of.clone(),
                            b.currency.clone(),
                            b.overdue.clone(),
                            b.overdue_items.to_string(),
                            b.qualified.clone(),
                            b.qualified_items.to_string(),
                            opt(&b.qualification_rate_amount),
                            opt(&b.qualification_rate_count),
                        ]
                    })
                    .collect(),
            });
        }
        "status" => |b| &b.by_status,
        "collector" => |b| &b.by_collector,
        "resolver" => |b| &b.by_resolver,
        "customer" => |b| &b.by_customer,
        _ => return None,
    };
    Some(Table {
        header: vec![
            "currency",
            "key",
            "name",
            "overdue",
            "overdue_items",
            "qualified",
            "qualified_items",
            "qualification_rate_pct",
        ],
        rows: r
            .currencies
            .iter()
            .flat_map(|b| {
                pick(b).iter().map(|l| {
                    vec![
                        b.currency.clone(),
                        l.key.clone(),
                        l.name.clone().unwrap_or_default(),
                        l.overdue.clone(),
                        l.overdue_items.to_string(),
                        l.qualified.clone(),
                        l.qualified_items.to_string(),
                        opt(&l.qualification_rate),
                    ]
                })
            })
            .collect(),
    })
}

/// The KPI report as one table, a row per currency.
pub fn kpi_table(r: &KpiReport) -> Table {
    Table {
        header: vec![
            "as_of",
            "currency",
            "outstanding",
            "overdue",
            "overdue_share_pct",
            "disputed_outstanding",
            "dso_countback",
            "dso_simple",
            "best_possible_dso",
            "average_days_delinquent",
            "disputed_dso",
            "cei_from",
            "cei_to",
            "cei_pct",
        ],
        rows: r
            .currencies
            .iter()
            .map(|b| {
                vec![
                    r.as_of.clone(),
                    b.currency.clone(),
                    b.outstanding.clone(),
                    b.overdue.clone(),
                    opt(&b.overdue_share),
                    b.disputed_outstanding.clone(),
                    opt(&b.dso_countback),
                    opt(&b.dso_simple),
                    opt(&b.best_possible_dso),
                    opt(&b.average_days_delinquent),
                    opt(&b.disputed_dso),
                    b.cei.from.clone(),
                    b.cei.to.clone(),
                    opt(&b.cei.value),
                ]
            })
            .collect(),
    }
}

// Amounts in tests are written in cents: 1_000_00 is 1,000.00.
#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;

    fn totals(currency: &str, outstanding: i64) -> Totals {
        Totals {
            currency: currency.into(),
            outstanding,
            ..Default::default()
        }
    }

    #[test]
    fn the_kpi_plan_loads_only_what_the_countback_does_not_hold() {
        let p = KpiPlan::new(d("2026-12-02"), (d("2026-11-01"), d("2026-12-02")));
        assert_eq!(p.start, d("2026-10-31"));
        assert_eq!(p.earliest, d("2024-12-02"));
        assert!(!p.load_cei_end && !p.load_cei_sales);
        let old = KpiPlan::new(d("2026-12-02"), (d("2023-01-01"), d("2023-12-31")));
        assert!(old.load_cei_end && old.load_cei_sales);
    }

    #[test]
    fn the_kpi_report_takes_cei_sales_from_the_period_and_every_currency_once() {
        let p = KpiPlan::new(d("2026-12-02"), (d("2026-11-01"), d("2026-12-02")));
        let sales = vec![
            ("EUR".to_string(), d("2026-10-31"), 999_00),
            ("EUR".to_string(), d("2026-11-01"), 100_00),
            ("EUR".to_string(), d("2026-12-02"), 50_00),
            ("USD".to_string(), d("2026-11-15"), 10_00),
        ];
        let r = p.assemble(
            &Filter::default(),
            &[totals("EUR", 300_00)],
            &[totals("EUR", 200_00), totals("GBP", 5_00)],
            None,
            &sales,
            None,
        );
        let codes: Vec<&str> = r.currencies.iter().map(|c| c.currency.as_str()).collect();
        assert_eq!(codes, ["EUR", "GBP", "USD"]);
        let eur = &r.currencies[0];
        // The day before the period (2026-10-31) is not the period's.
        assert_eq!(eur.cei.sales, "150.00");
        assert_eq!(eur.cei.opening_receivables, "200.00");
        assert_eq!(eur.cei.closing_receivables, "300.00");
        assert_eq!(eur.sales_recent, "1149.00");
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn line(section: &str, key: Option<&str>, currency: &str, amount: i64, count: i64) -> Line {
        Line {
            section: section.into(),
            key: key.map(str::to_string),
            name: None,
            currency: currency.into(),
            amount,
            count,
            part_amount: 0,
            part_count: 0,
        }
    }

    fn names() -> Names {
        Names {
            resolvers: [(1, "Sam".to_string())].into_iter().collect(),
            typologies: [("price_dispute".to_string(), Some("price".to_string()))]
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn the_dispute_report_keeps_currencies_apart_and_buckets_ages() {
        let mut eur = line("total", None, "EUR", 1_000_00, 10);
        eur.part_amount = 250_00;
        eur.part_count = 2;
        let mut jpy = line("total", None, "JPY", 50_000, 4);
        jpy.part_amount = 0;
        let lines = vec![
            eur,
            jpy,
            line("status", Some("price_dispute"), "EUR", 250_00, 2),
            line("resolver", Some("1"), "EUR", 200_00, 1),
            line("resolver", None, "EUR", 50_00, 1),
            line("age", Some("12"), "EUR", 200_00, 1),
            line("age", Some("95"), "EUR", 50_00, 1),
        ];
        let r = dispute_report(
            d("2026-11-30"),
            &Filter::default(),
            (d("2025-12-01"), d("2026-11-30")),
            &lines,
            &[],
            &[],
            &names(),
        );
        assert_eq!(r.currencies.len(), 2);
        let b = &r.currencies[0];
        assert_eq!(b.currency, "EUR");
        assert_eq!(b.disputed_outstanding, "250.00");
        assert_eq!(b.dispute_rate_amount, Some("25".parse().unwrap()));
        assert_eq!(b.dispute_rate_count, Some("20".parse().unwrap()));
        assert_eq!(b.by_status[0].name.as_deref(), Some("price"));
        assert_eq!(b.by_resolver[0].name.as_deref(), Some("Sam"));
        assert_eq!(b.by_resolver[1].key, "none");
        let ages: Vec<(&str, i64)> = b.aging.iter().map(|a| (a.key.as_str(), a.minor)).collect();
        assert_eq!(
            ages,
            [("0-30", 200_00), ("31-60", 0), ("61-90", 0), ("90+", 50_00)]
        );
        assert_eq!(r.currencies[1].outstanding, "50000");
        assert_eq!(r.currencies[1].dispute_rate_amount, Some(Decimal::ZERO));
        let csv = dispute_table(&r, "summary").unwrap().to_csv();
        assert!(csv.starts_with("as_of,currency,outstanding"));
        assert!(
            csv.contains("2026-11-30,EUR,1000.00,10,250.00,2,25,20\r\n"),
            "{csv}"
        );
        assert!(dispute_table(&r, "nope").is_none());
    }

    #[test]
    fn resolution_delays_by_typology_and_resolver() {
        let resolved = vec![
            Resolved {
                status: "price_dispute".into(),
                resolver_id: Some(1),
                delay_days: 10,
                count: 3,
            },
            Resolved {
                status: "quality_dispute".into(),
                resolver_id: Some(1),
                delay_days: 40,
                count: 1,
            },
        ];
        let v = resolution_view(d("2026-01-01"), d("2026-06-30"), &resolved, &names());
        assert_eq!(v.overall.count, 4);
        assert_eq!(v.overall.average_days, Some("17.5".parse().unwrap()));
        assert_eq!(
            v.by_status[0].stats.median_days,
            Some("10".parse().unwrap())
        );
        assert_eq!(v.by_resolver[0].stats.count, 4);
        assert_eq!(v.by_resolver[0].name.as_deref(), Some("Sam"));
    }

    #[test]
    fn item_status_lines_carry_their_qualification_rate() {
        let mut total = line("total", None, "EUR", 400_00, 4);
        total.part_amount = 100_00;
        total.part_count = 1;
        let mut alice = line("collector", Some("alice"), "EUR", 400_00, 4);
        alice.part_amount = 100_00;
        alice.part_count = 1;
        let lines = vec![total, line("status", None, "EUR", 300_00, 3), alice];
        let r = item_status_report(d("2026-11-30"), &Filter::default(), &lines, &names());
        let b = &r.currencies[0];
        assert_eq!(b.qualification_rate_amount, Some("25".parse().unwrap()));
        assert_eq!(b.by_status[0].key, "none");
        assert_eq!(
            b.by_collector[0].qualification_rate,
            Some("25".parse().unwrap())
        );
        let csv = item_status_table(&r, "collector").unwrap().to_csv();
        assert!(csv.contains("EUR,alice,,400.00,4,100.00,1,25\r\n"), "{csv}");
    }

    #[test]
    fn kpis_follow_the_documented_formulas() {
        let totals = |outstanding, overdue, current, disputed| Totals {
            currency: "EUR".into(),
            outstanding,
            overdue,
            current,
            disputed,
            open_items: 0,
        };
        let k = KpiInputs {
            currency: "EUR".into(),
            at_end: totals(1_500, 900, 600, 150),
            at_start: totals(1_000, 0, 0, 0),
            cei_end: totals(1_200, 0, 400, 0),
            cei_sales: 2_000,
            months: vec![
                MonthSales {
                    days: 30,
                    sales: 1_000,
                },
                MonthSales {
                    days: 31,
                    sales: 1_000,
                },
            ],
            recent_sales: 3_000,
            recent_days: 90,
        };
        let r = kpi_report(
            d("2026-03-31"),
            &Filter::default(),
            (d("2026-01-01"), d("2026-03-31")),
            &[k],
        );
        let b = &r.currencies[0];
        assert_eq!(b.dso_countback, Some("45.5".parse().unwrap()));
        assert_eq!(b.best_possible_dso, Some("18".parse().unwrap()));
        assert_eq!(b.average_days_delinquent, Some("27.5".parse().unwrap()));
        assert_eq!(b.dso_simple, Some("45".parse().unwrap()));
        assert_eq!(b.disputed_dso, Some("4.5".parse().unwrap()));
        assert_eq!(b.overdue_share, Some("60".parse().unwrap()));
        assert_eq!(b.cei.value, Some("69.23".parse().unwrap()));
        assert_eq!(r.formulas.len(), FORMULAS.len());
        assert_eq!(
            month_sales(
                &[
                    (d("2026-03-31"), 5),
                    (d("2026-03-01"), 7),
                    (d("2026-02-28"), 11)
                ],
                &[(d("2026-02-28"), d("2026-03-31"))]
            ),
            vec![MonthSales {
                days: 31,
                sales: 12
            }]
        );
    }
}
