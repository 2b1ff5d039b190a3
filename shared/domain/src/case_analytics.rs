//! Dispute analytics over the cases (issue 24, part 8): how cases resolved in a period
//! break down by reason and by root cause (count, original amount, valid share, resolution
//! days), how they were settled (paid, credited, written off), deadline compliance per
//! resolver, the cases late at a date, promises kept and broken. Pure: dates are the business
//! dates cases carry (opening, deadline, resolution), so a past date's figures are the same
//! whenever they are asked.
//!
//! Two steps, so a report reads a few hundred rows rather than every case: [`summarise`]
//! says which sums the figures need ([`CaseSums`]: the cases resolved in the period grouped
//! by reason, root cause, validity, currency and resolution days; deadline compliance per
//! resolver; the cases open at `as_of` per currency and lateness), and [`figures`] turns sums
//! into [`Analytics`]. The store computes the same sums in SQL
//! (`settle_store::disputes::resolved_case_sums`, `case_compliance`, `open_case_sums`); a
//! native test holds them equal to [`summarise`] over every case at random dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::disputes::Amounts;
use crate::money::{Currency, amount_string};
use crate::report_views::{Table, opt};
use crate::reports::{DelayStats, rate};

/// What the analytics read of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFact {
    pub reason: String,
    pub root_cause: Option<String>,
    pub valid: Option<bool>,
    pub resolver_id: Option<i64>,
    pub currency: Currency,
    pub opened_on: NaiveDate,
    pub resolved_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub amounts: Amounts,
}

impl CaseFact {
    fn resolved_in(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.resolved_on.is_some_and(|r| from <= r && r <= to)
    }

    /// Open at the end of `d`: opened by then, not resolved by then.
    pub fn open_at(&self, d: NaiveDate) -> bool {
        self.opened_on <= d && self.resolved_on.is_none_or(|r| r > d)
    }

    /// Late at the end of `d`: open then and past its deadline.
    pub fn late_at(&self, d: NaiveDate) -> bool {
        self.open_at(d) && self.deadline.is_some_and(|dl| dl < d)
    }
}

/// Amounts per currency, as decimal strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ByCurrency(pub BTreeMap<&'static str, String>);

impl ByCurrency {
    fn of(pairs: impl Iterator<Item = (Currency, i64)>) -> ByCurrency {
        let mut m: BTreeMap<&'static str, (Currency, i64)> = BTreeMap::new();
        for (c, v) in pairs {
            let e = m.entry(c.code()).or_insert((c, 0));
            e.1 = e.1.saturating_add(v);
        }
        ByCurrency(
            m.into_iter()
                .map(|(k, (c, v))| (k, amount_string(v, c)))
                .collect(),
        )
    }
}

/// The cases resolved in the period with the same reason, root cause, validity, currency and
/// resolution days: how many, and their amounts summed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ResolvedSum {
    pub reason: String,
    pub root_cause: Option<String>,
    pub valid: Option<bool>,
    pub currency: Currency,
    /// Days from opening to resolution.
    pub days: i64,
    pub count: u64,
    pub amounts: Amounts,
}

/// One resolver's cases resolved in the period that had a deadline, and how many of them
/// were resolved by it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ComplianceSum {
    pub resolver_id: Option<i64>,
    pub resolved: u64,
    pub on_time: u64,
}

/// The cases open at the end of `as_of` in one currency, late (past their deadline) or not,
/// with what they had in dispute then ([`disputed_at`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OpenSum {
    pub currency: Currency,
    pub late: bool,
    pub count: u64,
    pub disputed: i64,
}

/// Everything [`figures`] reads, sorted (so the store's sums and [`summarise`]'s compare).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseSums {
    pub resolved: Vec<ResolvedSum>,
    pub compliance: Vec<ComplianceSum>,
    pub open: Vec<OpenSum>,
}

fn add(a: &mut Amounts, b: &Amounts) {
    a.original = a.original.saturating_add(b.original);
    a.disputed = a.disputed.saturating_add(b.disputed);
    a.paid = a.paid.saturating_add(b.paid);
    a.credited = a.credited.saturating_add(b.credited);
    a.written_off = a.written_off.saturating_add(b.written_off);
}

/// What a case had in dispute at the end of `d` when it was open then: its disputed amount
/// while still open; for a case resolved since, what was put in dispute (its settlements
/// are not dated, so the part settled before `d` is not known).
pub fn disputed_at(f: &CaseFact, d: NaiveDate) -> i64 {
    match f.resolved_on {
        _ if !f.open_at(d) => 0,
        None => f.amounts.disputed,
        Some(_) => f.amounts.original,
    }
}

/// The sums the analytics of the period `from`..=`to` at `as_of` need, from every case: the
/// rule the store's SQL follows.
pub fn summarise(facts: &[CaseFact], from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> CaseSums {
    type ResolvedKey = (String, Option<String>, Option<bool>, Currency, i64);
    let mut resolved: BTreeMap<ResolvedKey, (u64, Amounts)> = BTreeMap::new();
    let mut compliance: BTreeMap<Option<i64>, (u64, u64)> = BTreeMap::new();
    let mut open: BTreeMap<(Currency, bool), (u64, i64)> = BTreeMap::new();
    for f in facts {
        if let Some(r) = f.resolved_on.filter(|_| f.resolved_in(from, to)) {
            let key = (
                f.reason.clone(),
                f.root_cause.clone(),
                f.valid,
                f.currency,
                (r - f.opened_on).num_days(),
            );
            let e = resolved.entry(key).or_default();
            e.0 += 1;
            add(&mut e.1, &f.amounts);
            if let Some(deadline) = f.deadline {
                let e = compliance.entry(f.resolver_id).or_default();
                e.0 += 1;
                e.1 += u64::from(r <= deadline);
            }
        }
        if f.open_at(as_of) {
            let e = open.entry((f.currency, f.late_at(as_of))).or_default();
            e.0 += 1;
            e.1 = e.1.saturating_add(disputed_at(f, as_of));
        }
    }
    CaseSums {
        resolved: resolved
            .into_iter()
            .map(
                |((reason, root_cause, valid, currency, days), (count, amounts))| ResolvedSum {
                    reason,
                    root_cause,
                    valid,
                    currency,
                    days,
                    count,
                    amounts,
                },
            )
            .collect(),
        compliance: compliance
            .into_iter()
            .map(|(resolver_id, (resolved, on_time))| ComplianceSum {
                resolver_id,
                resolved,
                on_time,
            })
            .collect(),
        open: open
            .into_iter()
            .map(|((currency, late), (count, disputed))| OpenSum {
                currency,
                late,
                count,
                disputed,
            })
            .collect(),
    }
}

/// One reason's or root cause's resolved cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The reason (dispute status) or root cause code; `null` for cases without a root cause.
    pub key: Option<String>,
    pub count: u64,
    pub original_amount: ByCurrency,
    pub valid: u64,
    pub invalid: u64,
    /// Valid ÷ (valid + invalid) × 100; `null` when no case of the group says.
    pub valid_share: Option<Decimal>,
    pub resolution_days: DelayStats,
}

fn groups(resolved: &[ResolvedSum], key: impl Fn(&ResolvedSum) -> Option<String>) -> Vec<Group> {
    let mut by: BTreeMap<Option<String>, Vec<&ResolvedSum>> = BTreeMap::new();
    for s in resolved {
        by.entry(key(s)).or_default().push(s);
    }
    by.into_iter()
        .map(|(key, list)| {
            let counted = |v: bool| {
                list.iter()
                    .filter(|s| s.valid == Some(v))
                    .map(|s| s.count)
                    .sum::<u64>()
            };
            let (valid, invalid) = (counted(true), counted(false));
            let mut hist: BTreeMap<i64, u64> = BTreeMap::new();
            for s in &list {
                *hist.entry(s.days).or_default() += s.count;
            }
            Group {
                key,
                count: list.iter().map(|s| s.count).sum(),
                original_amount: ByCurrency::of(
                    list.iter().map(|s| (s.currency, s.amounts.original)),
                ),
                valid,
                invalid,
                valid_share: rate(valid as i64, (valid + invalid) as i64),
                resolution_days: DelayStats::from_histogram(&hist.into_iter().collect::<Vec<_>>()),
            }
        })
        .collect()
}

/// How the cases resolved in the period were settled, per currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settled {
    pub paid_amount: ByCurrency,
    pub credited_amount: ByCurrency,
    pub written_off_amount: ByCurrency,
    /// What was still disputed when the case closed (terminated or requalified): back to
    /// ordinary collection.
    pub released_amount: ByCurrency,
}

/// A resolver's deadline compliance: of their cases resolved in the period that had a
/// deadline, how many were resolved by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compliance {
    pub resolver_id: Option<i64>,
    pub resolved: u64,
    pub on_time: u64,
    pub rate: Option<Decimal>,
}

/// The cases open and past their deadline at the end of `as_of`, with what they had in
/// dispute then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Late {
    pub count: u64,
    pub disputed_amount: ByCurrency,
}

/// The promises to pay whose outcome was found in the period: kept (paid by their date) or
/// broken (their date passed with items unpaid).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Promises {
    pub kept: u64,
    pub broken: u64,
    /// Kept ÷ (kept + broken) × 100; `null` without an outcome in the period.
    pub kept_rate: Option<Decimal>,
}

impl Promises {
    pub fn new(kept: u64, broken: u64) -> Promises {
        Promises {
            kept,
            broken,
            kept_rate: rate(kept as i64, (kept + broken) as i64),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analytics {
    pub as_of: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Cases open at the end of `as_of`.
    pub open: u64,
    /// Cases resolved in the period.
    pub resolved: u64,
    pub by_reason: Vec<Group>,
    pub by_root_cause: Vec<Group>,
    pub settled: Settled,
    pub deadline_compliance: Vec<Compliance>,
    /// Open at the end of `as_of` and past their deadline.
    pub late: Late,
    /// Days deductions outstanding per currency ([`deductions`]; empty until given sales).
    pub deductions: Vec<Deduction>,
    /// Promises to pay kept and broken in the period (given by the caller).
    pub promises: Promises,
}

/// Days deductions outstanding (DDO) in one currency: the amount in dispute at the end of
/// `as_of` ÷ the credit sales invoiced in the period × the period's days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deduction {
    pub currency: &'static str,
    pub disputed_outstanding: String,
    pub credit_sales: String,
    pub days: i64,
    /// One decimal; `None` without sales in the period.
    pub ddo: Option<String>,
}

/// DDO per currency of the cases open at the end of `as_of` (`open`, from [`CaseSums`]),
/// for `sales` invoiced from `from` to `to` (minor units per currency); every currency with
/// either.
pub fn deductions(
    open: &[OpenSum],
    from: NaiveDate,
    to: NaiveDate,
    sales: &[(Currency, i64)],
) -> Vec<Deduction> {
    let days = (to - from).num_days() + 1;
    let mut by: BTreeMap<&'static str, (Currency, i64, i64)> = BTreeMap::new();
    for s in open {
        let e = by.entry(s.currency.code()).or_insert((s.currency, 0, 0));
        e.1 = e.1.saturating_add(s.disputed);
    }
    for (c, minor) in sales {
        let e = by.entry(c.code()).or_insert((*c, 0, 0));
        e.2 = e.2.saturating_add(*minor);
    }
    by.into_iter()
        .filter(|(_, (_, disputed, sold))| *disputed != 0 || *sold != 0)
        .map(|(code, (c, disputed, sold))| Deduction {
            currency: code,
            disputed_outstanding: amount_string(disputed, c),
            credit_sales: amount_string(sold, c),
            days,
            ddo: (sold > 0).then(|| {
                let days = Decimal::from(disputed) * Decimal::from(days) / Decimal::from(sold);
                format!("{:.1}", days.round_dp(1))
            }),
        })
        .collect()
}

/// The figures of `sums` ([`summarise`], or the store's): groups, settlement and compliance
/// over the cases resolved from `from` to `to` (inclusive), open and late cases at the end of
/// `as_of`.
pub fn figures(sums: &CaseSums, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Analytics {
    let settled = |pick: fn(&Amounts) -> i64| {
        ByCurrency::of(sums.resolved.iter().map(|s| (s.currency, pick(&s.amounts))))
    };
    let late = sums.open.iter().filter(|s| s.late);
    Analytics {
        as_of,
        from,
        to,
        open: sums.open.iter().map(|s| s.count).sum(),
        resolved: sums.resolved.iter().map(|s| s.count).sum(),
        by_reason: groups(&sums.resolved, |s| Some(s.reason.clone())),
        by_root_cause: groups(&sums.resolved, |s| s.root_cause.clone()),
        settled: Settled {
            paid_amount: settled(|a| a.paid),
            credited_amount: settled(|a| a.credited),
            written_off_amount: settled(|a| a.written_off),
            released_amount: settled(|a| a.disputed),
        },
        deadline_compliance: sums
            .compliance
            .iter()
            .map(|c| Compliance {
                resolver_id: c.resolver_id,
                resolved: c.resolved,
                on_time: c.on_time,
                rate: rate(c.on_time as i64, c.resolved as i64),
            })
            .collect(),
        late: Late {
            count: late.clone().map(|s| s.count).sum(),
            disputed_amount: ByCurrency::of(late.map(|s| (s.currency, s.disputed))),
        },
        deductions: Vec::new(),
        promises: Promises::default(),
    }
}

/// The analytics of `facts` ([`summarise`] then [`figures`]).
pub fn analyse(facts: &[CaseFact], from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Analytics {
    figures(&summarise(facts, from, to, as_of), from, to, as_of)
}

// ---- CSV ----

/// The analytics' CSV tables: `summary`, `reason`, `root-cause` and `settled` have a row per
/// currency (their figures that currency's cases), `compliance` a row per resolver,
/// `promises` one row.
pub const SECTIONS: [&str; 6] = [
    "summary",
    "reason",
    "root-cause",
    "settled",
    "compliance",
    "promises",
];

impl CaseSums {
    /// The sums of one currency's cases.
    pub fn of_currency(&self, c: Currency) -> CaseSums {
        CaseSums {
            resolved: self
                .resolved
                .iter()
                .filter(|s| s.currency == c)
                .cloned()
                .collect(),
            // Compliance has no currency: a resolver's cases are counted whatever theirs.
            compliance: Vec::new(),
            open: self
                .open
                .iter()
                .filter(|s| s.currency == c)
                .cloned()
                .collect(),
        }
    }

    /// The currencies of the cases summed, in code order.
    pub fn currencies(&self) -> Vec<Currency> {
        let mut v: Vec<Currency> = self
            .resolved
            .iter()
            .map(|s| s.currency)
            .chain(self.open.iter().map(|s| s.currency))
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

fn amount_in(by: &ByCurrency, c: Currency) -> String {
    by.0.get(c.code())
        .cloned()
        .unwrap_or_else(|| amount_string(0, c))
}

/// One CSV table of `a` (the figures of `sums`); `resolvers` names resolvers by id. `None`
/// for a section not in [`SECTIONS`].
pub fn table(
    sums: &CaseSums,
    a: &Analytics,
    section: &str,
    resolvers: &std::collections::HashMap<i64, String>,
) -> Option<Table> {
    let mut currencies = sums.currencies();
    for d in &a.deductions {
        if let Ok(c) = Currency::parse(d.currency)
            && !currencies.contains(&c)
        {
            currencies.push(c);
        }
    }
    currencies.sort();
    let per_currency: Vec<(Currency, Analytics)> = currencies
        .iter()
        .map(|c| (*c, figures(&sums.of_currency(*c), a.from, a.to, a.as_of)))
        .collect();
    let group_rows = |pick: fn(&Analytics) -> &Vec<Group>| -> Vec<Vec<String>> {
        per_currency
            .iter()
            .flat_map(|(c, f)| {
                pick(f).iter().map(|g| {
                    vec![
                        c.code().to_string(),
                        g.key.clone().unwrap_or_default(),
                        g.count.to_string(),
                        g.valid.to_string(),
                        g.invalid.to_string(),
                        opt(&g.valid_share),
                        amount_in(&g.original_amount, *c),
                        opt(&g.resolution_days.average_days),
                        opt(&g.resolution_days.median_days),
                        opt(&g.resolution_days.p90_days),
                    ]
                })
            })
            .collect()
    };
    let group_header = |key: &'static str| {
        vec![
            "currency",
            key,
            "count",
            "valid",
            "invalid",
            "valid_share_pct",
            "original_amount",
            "average_days",
            "median_days",
            "p90_days",
        ]
    };
    Some(match section {
        "summary" => Table {
            header: vec![
                "as_of",
                "from",
                "to",
                "currency",
                "open",
                "late",
                "late_disputed_amount",
                "resolved",
                "disputed_outstanding",
                "credit_sales",
                "ddo_days",
            ],
            rows: per_currency
                .iter()
                .map(|(c, f)| {
                    let ddo = a.deductions.iter().find(|d| d.currency == c.code());
                    vec![
                        a.as_of.to_string(),
                        a.from.to_string(),
                        a.to.to_string(),
                        c.code().to_string(),
                        f.open.to_string(),
                        f.late.count.to_string(),
                        amount_in(&f.late.disputed_amount, *c),
                        f.resolved.to_string(),
                        ddo.map_or_else(
                            || amount_string(0, *c),
                            |d| d.disputed_outstanding.clone(),
                        ),
                        ddo.map_or_else(|| amount_string(0, *c), |d| d.credit_sales.clone()),
                        ddo.and_then(|d| d.ddo.clone()).unwrap_or_default(),
                    ]
                })
                .collect(),
        },
        "reason" => Table {
            header: group_header("reason"),
            rows: group_rows(|f| &f.by_reason),
        },
        "root-cause" => Table {
            header: group_header("root_cause"),
            rows: group_rows(|f| &f.by_root_cause),
        },
        "settled" => Table {
            header: vec![
                "currency",
                "resolved",
                "paid_amount",
                "credited_amount",
                "written_off_amount",
                "released_amount",
            ],
            rows: per_currency
                .iter()
                .filter(|(_, f)| f.resolved > 0)
                .map(|(c, f)| {
                    vec![
                        c.code().to_string(),
                        f.resolved.to_string(),
                        amount_in(&f.settled.paid_amount, *c),
                        amount_in(&f.settled.credited_amount, *c),
                        amount_in(&f.settled.written_off_amount, *c),
                        amount_in(&f.settled.released_amount, *c),
                    ]
                })
                .collect(),
        },
        "compliance" => Table {
            header: vec![
                "resolver_id",
                "resolver_name",
                "resolved",
                "on_time",
                "rate_pct",
            ],
            rows: a
                .deadline_compliance
                .iter()
                .map(|c| {
                    vec![
                        c.resolver_id.map(|i| i.to_string()).unwrap_or_default(),
                        c.resolver_id
                            .and_then(|i| resolvers.get(&i).cloned())
                            .unwrap_or_default(),
                        c.resolved.to_string(),
                        c.on_time.to_string(),
                        opt(&c.rate),
                    ]
                })
                .collect(),
        },
        "promises" => Table {
            header: vec!["from", "to", "kept", "broken", "kept_rate_pct"],
            rows: vec![vec![
                a.from.to_string(),
                a.to.to_string(),
                a.promises.kept.to_string(),
                a.promises.broken.to_string(),
                opt(&a.promises.kept_rate),
            ]],
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn fact(
        reason: &str,
        root: Option<&str>,
        valid: Option<bool>,
        opened: &str,
        resolved: Option<&str>,
        deadline: Option<&str>,
        amounts: Amounts,
    ) -> CaseFact {
        CaseFact {
            reason: reason.into(),
            root_cause: root.map(str::to_string),
            valid,
            resolver_id: Some(1),
            currency: Currency::parse("EUR").unwrap(),
            opened_on: d(opened),
            resolved_on: resolved.map(d),
            deadline: deadline.map(d),
            amounts,
        }
    }

    /// DDO: 3,000.00 in dispute at the end of March over 31,000.00 of March's credit sales
    /// is 3.0 days; a case resolved since counts what was put in dispute, one opened after
    /// or resolved before counts nothing; no sales, no DDO.
    #[test]
    fn days_deductions_outstanding_divide_disputed_by_sales_over_the_period() {
        let eur = Currency::parse("EUR").unwrap();
        let usd = Currency::parse("USD").unwrap();
        let case =
            |currency, opened: &str, resolved: Option<&str>, original: i64, disputed: i64| {
                let mut amounts = Amounts::open(original, original).unwrap();
                amounts.disputed = disputed;
                amounts.paid = original - disputed;
                CaseFact {
                    reason: "price_dispute".into(),
                    root_cause: None,
                    valid: None,
                    resolver_id: None,
                    currency,
                    opened_on: d(opened),
                    resolved_on: resolved.map(d),
                    deadline: None,
                    amounts,
                }
            };
        let facts = [
            case(eur, "2026-03-05", None, 200_000, 200_000),
            case(eur, "2026-03-10", Some("2026-04-02"), 100_000, 0),
            case(eur, "2026-04-01", None, 50_000, 50_000),
            case(eur, "2026-02-01", Some("2026-03-15"), 70_000, 0),
            case(usd, "2026-03-01", None, 1_000, 1_000),
        ];
        let as_of = d("2026-03-31");
        let r = deductions(
            &summarise(&facts, d("2026-03-01"), as_of, as_of).open,
            d("2026-03-01"),
            d("2026-03-31"),
            &[(eur, 3_100_000)],
        );
        assert_eq!(
            r,
            [
                Deduction {
                    currency: "EUR",
                    disputed_outstanding: "3000.00".into(),
                    credit_sales: "31000.00".into(),
                    days: 31,
                    ddo: Some("3.0".into()),
                },
                Deduction {
                    currency: "USD",
                    disputed_outstanding: "10.00".into(),
                    credit_sales: "0.00".into(),
                    days: 31,
                    ddo: None,
                }
            ]
        );
    }

    #[test]
    fn resolved_cases_break_down_by_reason_and_root_cause_and_late_ones_are_counted() {
        let a = |o: i64| Amounts::open(o, o).unwrap();
        let facts = vec![
            // Resolved in March, 10 days, on time, credited in full.
            fact(
                "price",
                Some("pricing_error"),
                Some(true),
                "2026-03-01",
                Some("2026-03-11"),
                Some("2026-03-15"),
                a(10_000).credit(10_000),
            ),
            // Resolved in March, 30 days, late, paid half, rest released.
            fact(
                "price",
                Some("customer_error"),
                Some(false),
                "2026-02-10",
                Some("2026-03-12"),
                Some("2026-02-20"),
                a(5_000).payment(2_500, 5_000, true),
            ),
            // Resolved in April: outside the period.
            fact(
                "quality",
                None,
                None,
                "2026-03-01",
                Some("2026-04-02"),
                None,
                a(1_000),
            ),
            // Still open at the end of March, deadline passed: late.
            fact(
                "quality",
                None,
                None,
                "2026-03-05",
                None,
                Some("2026-03-20"),
                a(7_000),
            ),
            // Open at the end of March, resolved since: late then too.
            fact(
                "quality",
                None,
                None,
                "2026-03-06",
                Some("2026-04-10"),
                Some("2026-03-30"),
                a(3_000),
            ),
        ];
        let r = analyse(&facts, d("2026-03-01"), d("2026-03-31"), d("2026-03-31"));
        assert_eq!((r.open, r.resolved), (3, 2));
        assert_eq!(r.by_reason.len(), 1);
        let price = &r.by_reason[0];
        assert_eq!(price.key.as_deref(), Some("price"));
        assert_eq!(price.count, 2);
        assert_eq!(price.original_amount.0["EUR"], "150.00");
        assert_eq!((price.valid, price.invalid), (1, 1));
        assert_eq!(price.valid_share, Some("50".parse().unwrap()));
        assert_eq!(
            price.resolution_days.average_days,
            Some("20".parse().unwrap())
        );
        assert_eq!(price.resolution_days.p90_days, Some("28".parse().unwrap()));
        let roots: Vec<Option<&str>> = r.by_root_cause.iter().map(|g| g.key.as_deref()).collect();
        assert_eq!(roots, [Some("customer_error"), Some("pricing_error")]);
        assert_eq!(r.settled.credited_amount.0["EUR"], "100.00");
        assert_eq!(r.settled.paid_amount.0["EUR"], "25.00");
        assert_eq!(r.settled.released_amount.0["EUR"], "25.00");
        assert_eq!(r.settled.written_off_amount.0["EUR"], "0.00");
        assert_eq!(r.deadline_compliance.len(), 1);
        assert_eq!(
            (
                r.deadline_compliance[0].resolved,
                r.deadline_compliance[0].on_time
            ),
            (2, 1)
        );
        assert_eq!(r.late.count, 2);
        assert_eq!(r.late.disputed_amount.0["EUR"], "100.00");
        // The same question later gives the same answer for March: dates, not "now".
        let again = analyse(&facts, d("2026-03-01"), d("2026-03-31"), d("2026-03-31"));
        assert_eq!(again, r);
        // At the end of April the April resolutions count, the open one is still late.
        let april = analyse(&facts, d("2026-04-01"), d("2026-04-30"), d("2026-04-30"));
        assert_eq!((april.open, april.resolved, april.late.count), (1, 2, 1));
    }

    /// Cases with the same reason, root cause, validity, currency and resolution days are
    /// one row of the sums, counted and added; the figures weigh each row by its count.
    #[test]
    fn sums_group_alike_cases_and_figures_weigh_them() {
        let a = |o: i64| Amounts::open(o, o).unwrap();
        let same = |opened: &str, resolved: &str, o: i64| {
            fact(
                "price",
                Some("pricing_error"),
                Some(true),
                opened,
                Some(resolved),
                Some("2026-03-20"),
                a(o).credit(o),
            )
        };
        let facts = vec![
            same("2026-03-01", "2026-03-11", 1_000),
            same("2026-03-02", "2026-03-12", 2_000),
            same("2026-03-01", "2026-03-31", 4_000),
            fact(
                "price",
                None,
                None,
                "2026-03-30",
                None,
                Some("2026-03-30"),
                a(500),
            ),
        ];
        let (from, to) = (d("2026-03-01"), d("2026-03-31"));
        let sums = summarise(&facts, from, to, to);
        assert_eq!(sums.resolved.len(), 2, "10 days twice, 30 days once");
        assert_eq!((sums.resolved[0].days, sums.resolved[0].count), (10, 2));
        assert_eq!(sums.resolved[0].amounts.credited, 3_000);
        assert_eq!(
            sums.compliance,
            [ComplianceSum {
                resolver_id: Some(1),
                resolved: 3,
                on_time: 2
            }]
        );
        assert_eq!(sums.open.len(), 1);
        assert_eq!(
            (sums.open[0].late, sums.open[0].count, sums.open[0].disputed),
            (true, 1, 500)
        );
        let r = figures(&sums, from, to, to);
        assert_eq!((r.resolved, r.open, r.late.count), (3, 1, 1));
        let price = &r.by_reason[0];
        assert_eq!((price.count, price.valid), (3, 3));
        assert_eq!(
            price.resolution_days.median_days,
            Some("10".parse().unwrap())
        );
        assert_eq!(
            price.resolution_days.average_days,
            Some("16.7".parse().unwrap())
        );
        assert_eq!(r.settled.credited_amount.0["EUR"], "70.00");
        assert_eq!(r.late.disputed_amount.0["EUR"], "5.00");
        assert_eq!(r, analyse(&facts, from, to, to));
    }

    #[test]
    fn promises_kept_rate_is_kept_over_all_outcomes() {
        assert_eq!(Promises::new(0, 0).kept_rate, None);
        assert_eq!(Promises::new(3, 1).kept_rate, Some("75".parse().unwrap()));
    }

    /// The CSV tables: a row per currency with that currency's figures (counts too), a row
    /// per resolver for compliance; an unknown section is none.
    #[test]
    fn the_tables_give_each_currency_its_own_figures() {
        let eur = |o: i64| Amounts::open(o, o).unwrap();
        let mut usd_case = fact(
            "price",
            None,
            Some(false),
            "2026-03-01",
            Some("2026-03-21"),
            None,
            eur(300),
        );
        usd_case.currency = Currency::parse("USD").unwrap();
        let facts = vec![
            fact(
                "price",
                Some("pricing_error"),
                Some(true),
                "2026-03-01",
                Some("2026-03-11"),
                Some("2026-03-15"),
                eur(10_000).credit(10_000),
            ),
            usd_case,
            fact(
                "quality",
                None,
                None,
                "2026-03-05",
                None,
                Some("2026-03-20"),
                eur(7_000),
            ),
        ];
        let (from, to) = (d("2026-03-01"), d("2026-03-31"));
        let sums = summarise(&facts, from, to, to);
        let mut a = figures(&sums, from, to, to);
        a.deductions = deductions(
            &sums.open,
            from,
            to,
            &[(Currency::parse("EUR").unwrap(), 3_100_000)],
        );
        a.promises = Promises::new(1, 1);
        let names = std::collections::HashMap::from([(1, "Rita".to_string())]);
        let csv = |s: &str| table(&sums, &a, s, &names).unwrap().to_csv();
        assert_eq!(
            csv("summary"),
            "as_of,from,to,currency,open,late,late_disputed_amount,resolved,disputed_outstanding,credit_sales,ddo_days\r\n\
             2026-03-31,2026-03-01,2026-03-31,EUR,1,1,70.00,1,70.00,31000.00,0.1\r\n\
             2026-03-31,2026-03-01,2026-03-31,USD,0,0,0.00,1,0.00,0.00,\r\n"
        );
        assert_eq!(
            csv("reason"),
            "currency,reason,count,valid,invalid,valid_share_pct,original_amount,average_days,median_days,p90_days\r\n\
             EUR,price,1,1,0,100,100.00,10,10,10\r\n\
             USD,price,1,0,1,0,3.00,20,20,20\r\n"
        );
        assert!(csv("root-cause").contains("EUR,pricing_error,1,1,0,100,100.00,10,10,10"));
        assert_eq!(
            csv("settled"),
            "currency,resolved,paid_amount,credited_amount,written_off_amount,released_amount\r\n\
             EUR,1,0.00,100.00,0.00,0.00\r\n\
             USD,1,0.00,0.00,0.00,3.00\r\n"
        );
        assert_eq!(
            csv("compliance"),
            "resolver_id,resolver_name,resolved,on_time,rate_pct\r\n1,Rita,1,1,100\r\n"
        );
        assert_eq!(
            csv("promises"),
            "from,to,kept,broken,kept_rate_pct\r\n2026-03-01,2026-03-31,1,1,50\r\n"
        );
        assert!(table(&sums, &a, "nope", &names).is_none());
        for s in SECTIONS {
            assert!(table(&sums, &a, s, &names).is_some(), "{s}");
        }
    }
}
