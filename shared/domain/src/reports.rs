//! Reports: what was true of an item at a date, and the receivables formulas.
//!
//! # Exact at any date
//!
//! A report at a past date D says what a report would have said on D, given what is known
//! now. Two histories per item make that possible; both are data, written in the same
//! transaction as each change (`settle_store::history` tables `item_status_periods` and
//! `item_balance_moves`):
//!
//! - **Status periods.** Each status change opens a period `[from, to)` starting at its
//!   *status date* (not when it was typed) and cuts every period of the item still in force
//!   at that date ([`apply_change`]). The status at D is the period covering D
//!   ([`status_at`]): the last change entered whose status date ≤ D. A back-dated change
//!   thus takes effect from its date, and the periods it overtakes become empty.
//! - **Balance moves.** Every change of an item's open amount is a dated move of its signed
//!   outstanding (debits +, credits −): the opening at the issue date, each payment at its
//!   payment date, an ERP's own change of the open amount on the day it was received (the
//!   ERP says the amount changed, not when). The open amount at D is the sum of the moves
//!   dated ≤ D ([`ItemFacts::balance_at`]).
//!
//! An item is open at D when it was issued on or before D, not closed on or before D, and
//! its balance at D is not zero ([`ItemFacts::open_at`]). It is disputed at D when its
//! status at D is of kind `dispute`; its dispute date is the date of the change that moved
//! it into the dispute kind (a dispute re-qualified into another dispute status keeps it);
//! the dispute is resolved on the date it left the dispute kind or the item closed,
//! whichever comes first ([`resolutions`]). A dispute re-opened after being resolved is a
//! new dispute with its own date.
//!
//! The store's report queries compute the same thing in SQL over those two tables; the
//! functions here are the reference the unit tests work by hand, and the formulas
//! ([`rate`], [`DelayStats`], [`countback_dso`], [`cei`], ...) that turn the sums into
//! figures.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::StatusKind;

/// A status period of an item: `status` in force from `from` (inclusive) to `to`
/// (exclusive; `None` while in force).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub status: String,
    pub kind: StatusKind,
    pub resolver_id: Option<i64>,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    /// For a dispute period: the date the item entered the dispute kind.
    pub dispute_since: Option<NaiveDate>,
    /// For a dispute period cut by a change to a status of another kind: the dispute ended
    /// at `to`.
    pub ends_dispute: bool,
}

impl Period {
    /// A period in force on no day: overtaken by a back-dated change before it started, or
    /// cut the day it began (a same-day change).
    pub fn is_empty(&self) -> bool {
        self.to.is_some_and(|t| t <= self.from)
    }

    /// A period overtaken by a back-dated change dated before it began: it never happened.
    /// (A period cut the day it began did happen, for less than a day: a dispute qualified
    /// and resolved on the same day is a resolution with a delay of 0 days.)
    pub fn superseded(&self) -> bool {
        self.to.is_some_and(|t| t < self.from)
    }

    /// Is this status in force on `d`?
    pub fn covers(&self, d: NaiveDate) -> bool {
        self.from <= d && self.to.is_none_or(|t| d < t)
    }
}

/// A status change as the periods see it: which status (and its kind when written), the
/// item's resolver after the change, and the status date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusFact {
    pub status: String,
    pub kind: StatusKind,
    pub resolver_id: Option<i64>,
    pub date: NaiveDate,
}

/// The period in force just before `d`, once the periods were cut at `d`: the non-empty one
/// that ends exactly at `d` (or is still open and began before it).
pub fn in_force_before(periods: &[Period], d: NaiveDate) -> Option<&Period> {
    periods
        .iter()
        .find(|p| !p.is_empty() && p.from < d && p.to.is_none_or(|t| t >= d))
}

/// The period a change opens, given the one in force just before its date: a dispute that
/// follows a dispute keeps its dispute date; any other dispute starts one.
pub fn next_period(before: Option<&Period>, change: &StatusFact) -> Period {
    let dispute_since = (change.kind == StatusKind::Dispute).then(|| {
        before
            .filter(|p| p.kind == StatusKind::Dispute)
            .and_then(|p| p.dispute_since)
            .unwrap_or(change.date)
    });
    Period {
        status: change.status.clone(),
        kind: change.kind,
        resolver_id: change.resolver_id,
        from: change.date,
        to: None,
        dispute_since,
        ends_dispute: false,
    }
}

/// Does cutting a dispute period with `change` end the dispute? (Only when the change moves
/// the item out of the dispute kind.)
pub fn cut_ends_dispute(change: &StatusFact) -> bool {
    change.kind != StatusKind::Dispute
}

/// Applies a status change to an item's periods: every period still in force at the change's
/// date ends there, then the new period begins. (The store does the same with one `UPDATE`
/// and one `INSERT`.)
pub fn apply_change(periods: &mut Vec<Period>, change: &StatusFact) {
    for p in periods.iter_mut() {
        if p.to.is_none_or(|t| t > change.date) {
            p.to = Some(change.date);
            p.ends_dispute = p.kind == StatusKind::Dispute && cut_ends_dispute(change);
        }
    }
    let next = next_period(in_force_before(periods, change.date), change);
    periods.push(next);
}

/// The periods a sequence of changes leaves, in the order they were entered.
pub fn replay(changes: &[StatusFact]) -> Vec<Period> {
    let mut periods = Vec::new();
    for c in changes {
        apply_change(&mut periods, c);
    }
    periods
}

/// The status in force on `d`, if any.
pub fn status_at(periods: &[Period], d: NaiveDate) -> Option<&Period> {
    periods.iter().find(|p| !p.is_empty() && p.covers(d))
}

/// What decides whether an item is open at a date and for how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFacts {
    pub issue_date: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// Dated moves of the signed outstanding, in minor units.
    pub moves: Vec<(NaiveDate, i64)>,
}

impl ItemFacts {
    /// The signed outstanding on `d`: the moves dated on or before it.
    pub fn balance_at(&self, d: NaiveDate) -> i64 {
        self.moves
            .iter()
            .filter(|(on, _)| *on <= d)
            .map(|(_, m)| m)
            .sum()
    }

    /// The signed outstanding when the item is open on `d`.
    pub fn open_at(&self, d: NaiveDate) -> Option<i64> {
        if self.issue_date > d || self.closed_on.is_some_and(|c| c <= d) {
            return None;
        }
        Some(self.balance_at(d)).filter(|b| *b != 0)
    }
}

/// The part of an item in dispute on `d`: its dated part moves
/// (`settle_domain::disputes::part_change`) up to then, or `None` when it has none yet (a
/// dispute older than cases, held whole).
pub fn part_at(parts: &[(NaiveDate, i64)], d: NaiveDate) -> Option<i64> {
    let mut dated = parts.iter().filter(|(on, _)| *on <= d).peekable();
    dated.peek()?;
    Some(dated.map(|(_, m)| m).sum())
}

/// What an item in dispute on a date counts in the reports: its signed outstanding `open`
/// then, but no more than the part in dispute (a credit note's negative outstanding is held
/// the same way); all of it when no part is known. An invoice of 1,000.00 disputed for
/// 150.00 counts 150.00, and 100.00 once 900.00 of it is paid.
pub fn disputed_part(open: i64, part: Option<i64>) -> i64 {
    match part {
        None => open,
        Some(p) if open < 0 => open.max(-p.max(0)),
        Some(p) => open.min(p.max(0)),
    }
}

/// The date a move counts from: never before the item existed (a payment dated before the
/// invoice counts on its issue date).
pub fn move_date(on: NaiveDate, issue_date: NaiveDate) -> NaiveDate {
    on.max(issue_date)
}

/// A dispute that ended: when it began and ended, and the last dispute status and resolver
/// it had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolution {
    pub disputed_on: NaiveDate,
    pub resolved_on: NaiveDate,
    pub status: String,
    pub resolver_id: Option<i64>,
}

impl Resolution {
    /// Resolution delay in days (resolution date − dispute date).
    pub fn delay_days(&self) -> i64 {
        (self.resolved_on - self.disputed_on).num_days()
    }
}

/// The date a dispute period ended its dispute, if it did: the closing date when the item
/// closed while it was in force, else its end when the next status is not a dispute. `None`
/// for a dispute still running or continued by another dispute status, and for a period that
/// began after the item closed.
pub fn resolved_on(p: &Period, closed_on: Option<NaiveDate>) -> Option<NaiveDate> {
    if p.kind != StatusKind::Dispute || p.superseded() {
        return None;
    }
    match closed_on {
        Some(c) if c < p.from => None,
        Some(c) if p.covers(c) => Some(c),
        _ => p.to.filter(|_| p.ends_dispute),
    }
}

/// Every dispute of an item that ended, oldest first.
pub fn resolutions(periods: &[Period], closed_on: Option<NaiveDate>) -> Vec<Resolution> {
    let mut v: Vec<Resolution> = periods
        .iter()
        .filter_map(|p| {
            Some(Resolution {
                disputed_on: p.dispute_since?,
                resolved_on: resolved_on(p, closed_on)?,
                status: p.status.clone(),
                resolver_id: p.resolver_id,
            })
        })
        .collect();
    v.sort_by_key(|r| r.resolved_on);
    v
}

// ---- figures ----

/// `part ÷ whole × 100`, to two decimals; `None` when `whole` is zero.
pub fn rate(part: i64, whole: i64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let r = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
    Some(r.round_dp(2))
}

/// The aging buckets of open disputes, by days since the item entered dispute.
pub const AGING_BUCKETS: [&str; 4] = ["0-30", "31-60", "61-90", "90+"];

/// The bucket of a dispute `days` old (0–30, 31–60, 61–90, more than 90).
pub fn aging_bucket(days: i64) -> &'static str {
    match days {
        ..=30 => AGING_BUCKETS[0],
        31..=60 => AGING_BUCKETS[1],
        61..=90 => AGING_BUCKETS[2],
        _ => AGING_BUCKETS[3],
    }
}

/// Count, average, median and 90th percentile of resolution delays, from a histogram of
/// `(delay in days, number of disputes)`. Percentiles interpolate linearly between the two
/// nearest ranks (a spreadsheet's `PERCENTILE.INC`); figures have one decimal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelayStats {
    pub count: u64,
    pub average_days: Option<Decimal>,
    pub median_days: Option<Decimal>,
    pub p90_days: Option<Decimal>,
}

impl DelayStats {
    pub fn from_histogram(hist: &[(i64, u64)]) -> DelayStats {
        let mut h: Vec<(i64, u64)> = hist.iter().copied().filter(|(_, n)| *n > 0).collect();
        h.sort_unstable();
        let count: u64 = h.iter().map(|(_, n)| n).sum();
        if count == 0 {
            return DelayStats {
                count,
                average_days: None,
                median_days: None,
                p90_days: None,
            };
        }
        let total: i128 = h.iter().map(|(d, n)| *d as i128 * *n as i128).sum();
        let average = Decimal::from_i128_with_scale(total, 0) / Decimal::from(count);
        DelayStats {
            count,
            average_days: Some(average.round_dp(1)),
            median_days: Some(percentile(&h, count, 50).round_dp(1)),
            p90_days: Some(percentile(&h, count, 90).round_dp(1)),
        }
    }
}

/// The value at 0-based rank `k` of the sorted histogram.
fn at_rank(h: &[(i64, u64)], k: u64) -> i64 {
    let mut seen = 0;
    for (d, n) in h {
        seen += n;
        if k < seen {
            return *d;
        }
    }
    h.last().map_or(0, |(d, _)| *d)
}

/// The `p`th percentile (0–100) of `count` values, interpolating between ranks.
fn percentile(h: &[(i64, u64)], count: u64, p: u64) -> Decimal {
    // Rank (count - 1) × p / 100, split into whole and fraction exactly.
    let scaled = (count - 1) * p;
    let (lo, frac) = (scaled / 100, scaled % 100);
    let a = Decimal::from(at_rank(h, lo));
    if frac == 0 {
        return a;
    }
    let b = Decimal::from(at_rank(h, lo + 1));
    a + (b - a) * Decimal::from(frac) / Decimal::ONE_HUNDRED
}

/// The last day of `d`'s month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
    first
        .checked_add_months(Months::new(1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

/// The points of a monthly trend ending at `as_of`: the last `months` month ends, the last
/// being `as_of` itself when it is not a month end (the month so far), oldest first.
pub fn trend_points(as_of: NaiveDate, months: u32) -> Vec<NaiveDate> {
    let mut v = vec![as_of];
    let mut d = as_of;
    while v.len() < months as usize {
        let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
        match first.pred_opt() {
            Some(prev) => {
                v.push(prev);
                d = prev;
            }
            None => break,
        }
    }
    v.reverse();
    v
}

/// Most months a trend or a countback may span.
pub const MAX_MONTHS: u32 = 36;

/// Sales of one month of a countback: its length in days and the sales invoiced in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthSales {
    pub days: i64,
    pub sales: i64,
}

/// The rolling months a countback walks, most recent first: month `k` covers the dates
/// after `as_of − (k+1) months` up to `as_of − k months`. Returns `(after, up_to)` pairs.
pub fn countback_months(as_of: NaiveDate, months: u32) -> Vec<(NaiveDate, NaiveDate)> {
    (0..months)
        .filter_map(|k| {
            let up_to = as_of.checked_sub_months(Months::new(k))?;
            let after = as_of.checked_sub_months(Months::new(k + 1))?;
            Some((after, up_to))
        })
        .collect()
}

/// DSO by the count-back method: walk back month by month from the period end, taking each
/// month's sales off the receivable and adding its days while the receivable lasts; the last
/// month counts pro rata. `None` when there is no receivable to explain, or the months given
/// do not explain it all (the answer would be a lower bound).
pub fn countback_dso(receivable: i64, months: &[MonthSales]) -> Option<Decimal> {
    if receivable <= 0 {
        return Some(Decimal::ZERO);
    }
    let mut left = Decimal::from(receivable);
    let mut days = Decimal::ZERO;
    for m in months {
        let sales = Decimal::from(m.sales.max(0));
        if sales >= left {
            days += Decimal::from(m.days) * left / sales;
            return Some(days.round_dp(1));
        }
        left -= sales;
        days += Decimal::from(m.days);
    }
    None
}

/// Simple DSO: receivable ÷ sales × days.
pub fn simple_dso(receivable: i64, sales: i64, days: i64) -> Option<Decimal> {
    (sales > 0).then(|| {
        (Decimal::from(receivable) * Decimal::from(days) / Decimal::from(sales)).round_dp(1)
    })
}

/// Collection effectiveness index: (opening AR + sales − closing AR) ÷ (opening AR + sales −
/// closing current AR) × 100, to two decimals.
pub fn cei(opening: i64, sales: i64, closing: i64, closing_current: i64) -> Option<Decimal> {
    let collected = opening as i128 + sales as i128 - closing as i128;
    let collectable = opening as i128 + sales as i128 - closing_current as i128;
    if collectable == 0 {
        return None;
    }
    let r = Decimal::from_i128_with_scale(collected, 0) * Decimal::ONE_HUNDRED
        / Decimal::from_i128_with_scale(collectable, 0);
    Some(r.round_dp(2))
}

/// Disputed DSO: disputed outstanding ÷ average daily sales (sales ÷ days).
pub fn disputed_dso(disputed: i64, sales: i64, days: i64) -> Option<Decimal> {
    simple_dso(disputed, sales, days)
}

/// Average days delinquent: DSO − best possible DSO (the countback of the receivable not yet
/// due), to one decimal.
pub fn average_days_delinquent(dso: Decimal, best_possible: Decimal) -> Decimal {
    (dso - best_possible).round_dp(1)
}

/// Who a report looks at. `entity`, `collector` and `customer_id` choose the population
/// (totals and rates count only its items); `status` and `resolver_id` choose which of its
/// qualified items the figures are about (the disputed side of the dispute report, the
/// status lines of the item status report), so a rate keeps the population as denominator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collector: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolver_id: Option<i64>,
}

/// A period of a report (`from`..=`to`), checked: `from` not after `to`, at most ten years.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), (&'static str, String)> {
    if from > to {
        return Err(("from", format!("{from} is after to ({to})")));
    }
    if (to - from).num_days() > 3_660 {
        return Err(("from", "a period spans at most ten years".into()));
    }
    Ok(())
}

/// The date and period of a report request, checked: `as_of` not after `today` (a report says
/// what is known), the period (`from`..`to`, default the twelve months up to `as_of`) not
/// ending after `as_of` and checked by [`check_period`], `months` of trend (default 12)
/// between 1 and [`MAX_MONTHS`]. Errors name the parameter.
pub fn check_request(
    as_of: NaiveDate,
    today: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    months: Option<i64>,
) -> Result<Checked, (&'static str, String)> {
    if as_of > today {
        return Err((
            "as_of",
            format!("{as_of} is after today ({today}): a report says what is known"),
        ));
    }
    let (default_from, default_to) = default_period(as_of);
    let (from, to) = (from.unwrap_or(default_from), to.unwrap_or(default_to));
    if to > as_of {
        return Err((
            "to",
            format!("{to} is after as_of ({as_of}): a report knows nothing later"),
        ));
    }
    check_period(from, to)?;
    let months = match months {
        None => 12,
        Some(m) if (1..=MAX_MONTHS as i64).contains(&m) => m as u32,
        Some(m) => {
            return Err(("months", format!("{m} must be between 1 and {MAX_MONTHS}")));
        }
    };
    Ok(Checked {
        period: (from, to),
        months,
    })
}

/// A report request's period and months of trend, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub period: (NaiveDate, NaiveDate),
    pub months: u32,
}

/// The default resolution period: the twelve months up to `as_of`.
pub fn default_period(as_of: NaiveDate) -> (NaiveDate, NaiveDate) {
    let from = as_of
        .checked_sub_months(Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(as_of);
    (from, as_of)
}

// ---- sums the store computes ----

/// One aggregate line: `section` and its `key` (and `name`), per currency, an amount and a
/// count, and the part of them a report is about (disputed, qualified).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub section: String,
    pub key: Option<String>,
    pub name: Option<String>,
    pub currency: String,
    pub amount: i64,
    pub count: i64,
    pub part_amount: i64,
    pub part_count: i64,
}

/// Receivables at `d` per currency: outstanding, overdue (debits due before `d`), not yet due,
/// disputed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub currency: String,
    pub outstanding: i64,
    pub overdue: i64,
    pub current: i64,
    pub disputed: i64,
    pub open_items: i64,
}

/// Disputes resolved from `from` to `to` (inclusive), as a histogram: the last dispute
/// status, its resolver, the delay in days, how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub status: String,
    pub resolver_id: Option<i64>,
    pub delay_days: i64,
    pub count: u64,
}

/// One point of a trend, per currency: outstanding, disputed outstanding and disputed items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrendPoint {
    pub date: NaiveDate,
    pub currency: String,
    pub outstanding: i64,
    pub disputed: i64,
    pub disputed_items: i64,
}

// Amounts in tests are written in cents: 1_000_00 is 1,000.00.
#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn change(status: &str, kind: StatusKind, date: &str) -> StatusFact {
        StatusFact {
            status: status.into(),
            kind,
            resolver_id: Some(7),
            date: d(date),
        }
    }

    use StatusKind::{Dispute, Promise, Resolved};

    #[test]
    fn an_item_in_dispute_counts_the_part_in_dispute_at_the_date() {
        // 150.00 of 1,000.00 disputed on 1 March; 50.00 credited on 10 March; terminated on
        // 20 March; disputed again in full (1,000.00 - 900.00 paid = 100.00) on 1 April.
        let parts = [
            (d("2026-03-01"), 150_00),
            (d("2026-03-10"), -50_00),
            (d("2026-03-20"), -100_00),
            (d("2026-04-01"), 100_00),
        ];
        assert_eq!(part_at(&parts, d("2026-02-28")), None);
        assert_eq!(part_at(&parts, d("2026-03-01")), Some(150_00));
        assert_eq!(part_at(&parts, d("2026-03-15")), Some(100_00));
        assert_eq!(part_at(&parts, d("2026-03-25")), Some(0));
        assert_eq!(part_at(&parts, d("2026-04-01")), Some(100_00));
        assert_eq!(part_at(&[], d("2026-04-01")), None);
        // Never more than what is open, whichever is smaller; all of it without a part.
        assert_eq!(disputed_part(1_000_00, Some(150_00)), 150_00);
        assert_eq!(disputed_part(100_00, Some(150_00)), 100_00);
        assert_eq!(disputed_part(1_000_00, None), 1_000_00);
        assert_eq!(disputed_part(1_000_00, Some(0)), 0);
        // A credit note in dispute: its negative outstanding, held the same way.
        assert_eq!(disputed_part(-80_00, Some(30_00)), -30_00);
        assert_eq!(disputed_part(-20_00, Some(30_00)), -20_00);
        assert_eq!(disputed_part(-20_00, None), -20_00);
        // A part gone below zero (moves dated out of order) holds nothing.
        assert_eq!(disputed_part(500, Some(-100)), 0);
        assert_eq!(disputed_part(-500, Some(-100)), 0);
    }

    #[test]
    fn the_status_at_a_date_is_the_last_change_dated_on_or_before_it() {
        let p = replay(&[
            change("price_dispute", Dispute, "2026-03-01"),
            change("dispute_resolved", Resolved, "2026-03-20"),
        ]);
        assert_eq!(status_at(&p, d("2026-02-28")), None);
        assert_eq!(
            status_at(&p, d("2026-03-01")).unwrap().status,
            "price_dispute"
        );
        assert_eq!(
            status_at(&p, d("2026-03-19")).unwrap().status,
            "price_dispute"
        );
        assert_eq!(
            status_at(&p, d("2026-03-20")).unwrap().status,
            "dispute_resolved"
        );
        assert_eq!(
            resolutions(&p, None),
            vec![Resolution {
                disputed_on: d("2026-03-01"),
                resolved_on: d("2026-03-20"),
                status: "price_dispute".into(),
                resolver_id: Some(7),
            }]
        );
        assert_eq!(resolutions(&p, None)[0].delay_days(), 19);
    }

    #[test]
    fn a_back_dated_change_takes_effect_from_its_date() {
        // Qualified "promise" on 10 March; on 15 March the collector records that the
        // customer had in fact disputed the price on 5 March.
        let p = replay(&[
            change("promise_to_pay", Promise, "2026-03-10"),
            change("price_dispute", Dispute, "2026-03-05"),
        ]);
        assert_eq!(status_at(&p, d("2026-03-04")), None);
        assert_eq!(
            status_at(&p, d("2026-03-05")).unwrap().status,
            "price_dispute"
        );
        // The promise was overtaken: the dispute is the status from the 5th on.
        assert_eq!(
            status_at(&p, d("2026-03-12")).unwrap().status,
            "price_dispute"
        );
        assert!(p[0].is_empty());
        assert_eq!(p[1].dispute_since, Some(d("2026-03-05")));
    }

    #[test]
    fn a_back_dated_change_inside_a_dispute_cuts_it_where_it_says() {
        let p = replay(&[
            change("price_dispute", Dispute, "2026-03-01"),
            change("quality_dispute", Dispute, "2026-03-10"),
            // Resolution recorded late: it happened on the 8th.
            change("dispute_resolved", Resolved, "2026-03-08"),
        ]);
        assert_eq!(
            status_at(&p, d("2026-03-07")).unwrap().status,
            "price_dispute"
        );
        assert_eq!(
            status_at(&p, d("2026-03-11")).unwrap().status,
            "dispute_resolved"
        );
        let r = resolutions(&p, None);
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].disputed_on, r[0].resolved_on),
            (d("2026-03-01"), d("2026-03-08"))
        );
        assert_eq!(r[0].status, "price_dispute");
    }

    #[test]
    fn a_dispute_requalified_into_another_dispute_keeps_its_date() {
        let p = replay(&[
            change("price_dispute", Dispute, "2026-01-10"),
            change("quality_dispute", Dispute, "2026-02-01"),
            change("dispute_resolved", Resolved, "2026-02-20"),
        ]);
        assert_eq!(p[1].dispute_since, Some(d("2026-01-10")));
        let r = resolutions(&p, None);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].status, "quality_dispute");
        assert_eq!(r[0].delay_days(), 41);
    }

    #[test]
    fn a_dispute_reopened_after_being_resolved_is_a_new_dispute() {
        let p = replay(&[
            change("price_dispute", Dispute, "2026-01-10"),
            change("dispute_resolved", Resolved, "2026-01-20"),
            change("delivery_dispute", Dispute, "2026-02-01"),
        ]);
        assert_eq!(p[2].dispute_since, Some(d("2026-02-01")));
        assert_eq!(resolutions(&p, None).len(), 1);
        assert!(status_at(&p, d("2026-01-25")).unwrap().kind == Resolved);
        assert_eq!(
            status_at(&p, d("2026-02-02")).unwrap().dispute_since,
            Some(d("2026-02-01"))
        );
        // Paid on 1 March while disputed: the second dispute ends that day.
        let r = resolutions(&p, Some(d("2026-03-01")));
        assert_eq!(r.len(), 2);
        assert_eq!(
            (r[1].disputed_on, r[1].resolved_on),
            (d("2026-02-01"), d("2026-03-01"))
        );
    }

    #[test]
    fn an_item_paid_while_in_dispute_resolves_it_on_the_payment_date() {
        let p = replay(&[change("price_dispute", Dispute, "2026-04-01")]);
        let item = ItemFacts {
            issue_date: d("2026-03-15"),
            closed_on: Some(d("2026-04-30")),
            moves: vec![(d("2026-03-15"), 1_000_00), (d("2026-04-30"), -1_000_00)],
        };
        assert_eq!(item.open_at(d("2026-04-29")), Some(1_000_00));
        assert_eq!(item.open_at(d("2026-04-30")), None);
        let r = resolutions(&p, item.closed_on);
        assert_eq!(r[0].resolved_on, d("2026-04-30"));
        assert_eq!(r[0].delay_days(), 29);
        // A later "resolved" status does not resolve it a second time.
        let mut later = p.clone();
        apply_change(
            &mut later,
            &change("dispute_resolved", Resolved, "2026-05-10"),
        );
        assert_eq!(resolutions(&later, item.closed_on).len(), 1);
    }

    #[test]
    fn a_partial_payment_counts_only_from_its_date() {
        let item = ItemFacts {
            issue_date: d("2026-01-31"),
            closed_on: None,
            moves: vec![(d("2026-01-31"), 500_00), (d("2026-03-10"), -120_00)],
        };
        assert_eq!(item.open_at(d("2026-01-30")), None);
        assert_eq!(item.open_at(d("2026-01-31")), Some(500_00));
        assert_eq!(item.open_at(d("2026-03-09")), Some(500_00));
        assert_eq!(item.open_at(d("2026-03-10")), Some(380_00));
        // A payment dated before the invoice counts from the invoice's date.
        assert_eq!(move_date(d("2026-01-02"), d("2026-01-31")), d("2026-01-31"));
    }

    #[test]
    fn a_credit_note_is_negative_outstanding() {
        let item = ItemFacts {
            issue_date: d("2026-01-01"),
            closed_on: None,
            moves: vec![(d("2026-01-01"), -40_00)],
        };
        assert_eq!(item.open_at(d("2026-02-01")), Some(-40_00));
    }

    #[test]
    fn a_dispute_resolved_the_day_it_was_raised_is_a_resolution_of_0_days() {
        let p = replay(&[
            change("price_dispute", Dispute, "2026-06-10"),
            change("dispute_resolved", Resolved, "2026-06-10"),
        ]);
        // Resolved at the end of the day: not disputed on the 10th, but resolved then.
        assert_eq!(status_at(&p, d("2026-06-10")).unwrap().kind, Resolved);
        let r = resolutions(&p, None);
        assert_eq!(r.len(), 1, "{p:?}");
        assert_eq!(r[0].resolved_on, d("2026-06-10"));
        assert_eq!(r[0].delay_days(), 0);
        // Re-qualified into another dispute and resolved, all on the same day: one resolution,
        // under the last dispute status, dated from the first dispute.
        let p = replay(&[
            change("price_dispute", Dispute, "2026-06-01"),
            change("quality_dispute", Dispute, "2026-06-10"),
            change("dispute_resolved", Resolved, "2026-06-10"),
        ]);
        let r = resolutions(&p, None);
        assert_eq!(r.len(), 1, "{p:?}");
        assert_eq!(r[0].status, "quality_dispute");
        assert_eq!(r[0].delay_days(), 9);
        // Qualified and paid the same day.
        let p = replay(&[change("price_dispute", Dispute, "2026-06-10")]);
        let r = resolutions(&p, Some(d("2026-06-10")));
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].delay_days(), 0);
        // A resolution back-dated before the dispute began erases it: no resolution.
        let p = replay(&[
            change("price_dispute", Dispute, "2026-06-10"),
            change("dispute_resolved", Resolved, "2026-06-09"),
        ]);
        assert!(p[0].superseded());
        assert!(resolutions(&p, None).is_empty());
    }

    #[test]
    fn a_status_after_the_item_closed_resolves_nothing() {
        let p = replay(&[change("price_dispute", Dispute, "2026-05-01")]);
        assert!(resolutions(&p, Some(d("2026-04-01"))).is_empty());
    }

    #[test]
    fn rates_round_to_two_decimals_and_need_a_denominator() {
        assert_eq!(rate(1, 3), Some(dec("33.33")));
        assert_eq!(rate(2, 3), Some(dec("66.67")));
        assert_eq!(rate(0, 5), Some(dec("0")));
        assert_eq!(rate(5, 0), None);
        assert_eq!(rate(i64::MAX, i64::MAX), Some(dec("100")));
    }

    #[test]
    fn aging_buckets_are_inclusive_at_their_upper_bound() {
        assert_eq!(aging_bucket(0), "0-30");
        assert_eq!(aging_bucket(30), "0-30");
        assert_eq!(aging_bucket(31), "31-60");
        assert_eq!(aging_bucket(60), "31-60");
        assert_eq!(aging_bucket(61), "61-90");
        assert_eq!(aging_bucket(90), "61-90");
        assert_eq!(aging_bucket(91), "90+");
    }

    #[test]
    fn delay_statistics_interpolate_like_a_spreadsheet() {
        // Delays 10, 20, 30, 40 days: mean 25, median 25, P90 = 30 + 0.7 × 10 = 37.
        let s = DelayStats::from_histogram(&[(40, 1), (10, 1), (30, 1), (20, 1)]);
        assert_eq!(s.count, 4);
        assert_eq!(s.average_days, Some(dec("25")));
        assert_eq!(s.median_days, Some(dec("25")));
        assert_eq!(s.p90_days, Some(dec("37")));
        // 5 × 3 days and 1 × 100 days: the mean sees the outlier, the median does not.
        let s = DelayStats::from_histogram(&[(3, 5), (100, 1)]);
        assert_eq!(s.average_days, Some(dec("19.2")));
        assert_eq!(s.median_days, Some(dec("3")));
        assert_eq!(s.p90_days, Some(dec("51.5")));
        let s = DelayStats::from_histogram(&[(12, 1)]);
        assert_eq!(s.median_days, Some(dec("12")));
        assert_eq!(s.p90_days, Some(dec("12")));
        assert_eq!(DelayStats::from_histogram(&[]).average_days, None);
    }

    #[test]
    fn trend_points_are_month_ends_and_the_month_so_far() {
        assert_eq!(
            trend_points(d("2026-03-15"), 3),
            vec![d("2026-01-31"), d("2026-02-28"), d("2026-03-15")]
        );
        assert_eq!(
            trend_points(d("2024-03-31"), 2),
            vec![d("2024-02-29"), d("2024-03-31")]
        );
        assert_eq!(month_end(d("2024-02-10")), d("2024-02-29"));
        assert_eq!(month_end(d("2026-12-31")), d("2026-12-31"));
    }

    #[test]
    fn countback_dso_walks_back_month_by_month() {
        // Receivable 1,500; sales 1,000 in the last month (30 days), 1,000 the month before
        // (31 days): 30 + 31 × 500 / 1,000 = 45.5 days.
        let m = [
            MonthSales {
                days: 30,
                sales: 1_000,
            },
            MonthSales {
                days: 31,
                sales: 1_000,
            },
        ];
        assert_eq!(countback_dso(1_500, &m), Some(dec("45.5")));
        assert_eq!(countback_dso(600, &m), Some(dec("18")));
        assert_eq!(countback_dso(0, &m), Some(dec("0")));
        // More receivable than two months of sales explain.
        assert_eq!(countback_dso(2_500, &m), None);
        assert_eq!(
            countback_months(d("2026-03-31"), 2),
            vec![
                (d("2026-02-28"), d("2026-03-31")),
                (d("2026-01-31"), d("2026-02-28"))
            ]
        );
    }

    #[test]
    fn cei_dso_and_delinquency_follow_their_formulas() {
        // Opening 1,000 + sales 2,000 − closing 1,200 = 1,800 collected, of 1,000 + 2,000 −
        // closing current 400 = 2,600 collectable: 69.23 %.
        assert_eq!(cei(1_000, 2_000, 1_200, 400), Some(dec("69.23")));
        assert_eq!(cei(0, 0, 0, 0), None);
        assert_eq!(simple_dso(1_000, 3_000, 90), Some(dec("30")));
        assert_eq!(simple_dso(1_000, 0, 90), None);
        assert_eq!(disputed_dso(150, 3_000, 90), Some(dec("4.5")));
        assert_eq!(average_days_delinquent(dec("45.5"), dec("18")), dec("27.5"));
    }

    #[test]
    fn report_requests_are_checked_naming_the_parameter() {
        let today = d("2026-12-01");
        let ok = check_request(d("2026-11-30"), today, None, None, None).unwrap();
        assert_eq!(ok.period, (d("2025-12-01"), d("2026-11-30")));
        assert_eq!(ok.months, 12);
        let err = |as_of, from, to, months| {
            check_request(d(as_of), today, from, to, months)
                .unwrap_err()
                .0
        };
        assert_eq!(err("2026-12-02", None, None, None), "as_of");
        assert_eq!(err("2026-06-30", None, Some(d("2026-07-01")), None), "to");
        assert_eq!(
            err(
                "2026-06-30",
                Some(d("2026-06-01")),
                Some(d("2026-05-01")),
                None
            ),
            "from"
        );
        assert_eq!(err("2026-06-30", None, None, Some(0)), "months");
        assert_eq!(err("2026-06-30", None, None, Some(37)), "months");
        assert!(check_request(d("2026-06-30"), today, None, None, Some(36)).is_ok());
    }

    #[test]
    fn periods_are_checked() {
        assert!(check_period(d("2026-01-01"), d("2026-01-01")).is_ok());
        assert_eq!(
            check_period(d("2026-02-01"), d("2026-01-01"))
                .unwrap_err()
                .0,
            "from"
        );
        assert_eq!(
            default_period(d("2026-11-30")),
            (d("2025-12-01"), d("2026-11-30"))
        );
    }
}
