//! Dispute analytics over the cases (issue 24, part 8): how cases resolved in a period
//! break down by reason and by root cause (count, original amount, valid share, resolution
//! days), how they were settled (paid, credited, written off), deadline compliance per
//! resolver, and the cases late at a date. Pure: the store loads [`CaseFact`]s, this module
//! computes; dates are the business dates cases carry (opening, deadline, resolution), so a
//! past date's figures are the same whenever they are asked.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::disputes::Amounts;
use crate::money::{Currency, amount_string};
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

fn sums<'a>(
    facts: impl Iterator<Item = &'a CaseFact>,
    pick: impl Fn(&Amounts) -> i64,
) -> ByCurrency {
    let mut m: BTreeMap<&'static str, (Currency, i64)> = BTreeMap::new();
    for f in facts {
        let e = m.entry(f.currency.code()).or_insert((f.currency, 0));
        e.1 = e.1.saturating_add(pick(&f.amounts));
    }
    ByCurrency(
        m.into_iter()
            .map(|(k, (c, v))| (k, amount_string(v, c)))
            .collect(),
    )
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

fn groups<'a>(resolved: &[&'a CaseFact], key: impl Fn(&CaseFact) -> Option<String>) -> Vec<Group> {
    let mut by: BTreeMap<Option<String>, Vec<&'a CaseFact>> = BTreeMap::new();
    for f in resolved {
        by.entry(key(f)).or_default().push(f);
    }
    by.into_iter()
        .map(|(key, list)| {
            let valid = list.iter().filter(|f| f.valid == Some(true)).count() as u64;
            let invalid = list.iter().filter(|f| f.valid == Some(false)).count() as u64;
            let mut hist: BTreeMap<i64, u64> = BTreeMap::new();
            for f in &list {
                if let Some(r) = f.resolved_on {
                    *hist.entry((r - f.opened_on).num_days()).or_default() += 1;
                }
            }
            Group {
                key,
                count: list.len() as u64,
                original_amount: sums(list.iter().copied(), |a| a.original),
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Late {
    pub count: u64,
    pub disputed_amount: ByCurrency,
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

/// What a case had in dispute at the end of `d` when it was open then: its disputed amount
/// while still open; for a case resolved since, what was put in dispute (its settlements
/// are not dated, so the part settled before `d` is not known).
fn disputed_at(f: &CaseFact, d: NaiveDate) -> i64 {
    match f.resolved_on {
        _ if !f.open_at(d) => 0,
        None => f.amounts.disputed,
        Some(_) => f.amounts.original,
    }
}

/// DDO per currency of the cases open at the end of `as_of`, for `sales` invoiced from
/// `from` to `to` (minor units per currency); every currency with either.
pub fn deductions(
    facts: &[CaseFact],
    as_of: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
    sales: &[(Currency, i64)],
) -> Vec<Deduction> {
    let days = (to - from).num_days() + 1;
    let mut by: BTreeMap<&'static str, (Currency, i64, i64)> = BTreeMap::new();
    for f in facts {
        let e = by.entry(f.currency.code()).or_insert((f.currency, 0, 0));
        e.1 = e.1.saturating_add(disputed_at(f, as_of));
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

/// The analytics of `facts`: groups, settlement and compliance over the cases resolved
/// from `from` to `to` (inclusive), open and late cases at the end of `as_of`.
pub fn analyse(facts: &[CaseFact], from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Analytics {
    let resolved: Vec<&CaseFact> = facts.iter().filter(|f| f.resolved_in(from, to)).collect();
    let mut compliance: BTreeMap<Option<i64>, (u64, u64)> = BTreeMap::new();
    for f in resolved.iter().filter(|f| f.deadline.is_some()) {
        let e = compliance.entry(f.resolver_id).or_default();
        e.0 += 1;
        if f.resolved_on <= f.deadline {
            e.1 += 1;
        }
    }
    let late: Vec<&CaseFact> = facts.iter().filter(|f| f.late_at(as_of)).collect();
    Analytics {
        as_of,
        from,
        to,
        open: facts.iter().filter(|f| f.open_at(as_of)).count() as u64,
        resolved: resolved.len() as u64,
        by_reason: groups(&resolved, |f| Some(f.reason.clone())),
        by_root_cause: groups(&resolved, |f| f.root_cause.clone()),
        settled: Settled {
            paid_amount: sums(resolved.iter().copied(), |a| a.paid),
            credited_amount: sums(resolved.iter().copied(), |a| a.credited),
            written_off_amount: sums(resolved.iter().copied(), |a| a.written_off),
            released_amount: sums(resolved.iter().copied(), |a| a.disputed),
        },
        deadline_compliance: compliance
            .into_iter()
            .map(|(resolver_id, (resolved, on_time))| Compliance {
                resolver_id,
                resolved,
                on_time,
                rate: rate(on_time as i64, resolved as i64),
            })
            .collect(),
        late: Late {
            count: late.len() as u64,
            disputed_amount: sums(late.iter().copied(), |a| a.disputed),
        },
        deductions: Vec::new(),
    }
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
        let r = deductions(
            &facts,
            d("2026-03-31"),
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
}
