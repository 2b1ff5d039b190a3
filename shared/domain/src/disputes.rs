//! Dispute cases: the amount of one item in dispute over time, and how a case ends.
//!
//! A case opens when an item is qualified with a dispute status. It covers one item (so one
//! currency); the items of one status change open their cases together. Its amounts, in
//! the item's minor units, always add up:
//!
//! `original = disputed + paid + credited + written_off`
//!
//! - `original`: what the customer put in dispute (a reassessment moves it with `disputed`);
//! - `disputed`: what is in dispute now (on a resolved case: what was still in dispute when
//!   it closed, and went back to ordinary collection);
//! - `paid`, `credited`, `written_off`: how the disputed part was settled.
//!
//! Every rule here is pure: the store loads a case, a function here answers the new
//! amounts (or a refusal), the store writes them with a history row.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::money::{Currency, amount_string, parse_amount, to_minor};

/// A resolved case reopens (instead of a new one opening) when the item is disputed again
/// within this many days of its resolution.
pub const REOPEN_DAYS: i64 = 30;

/// A case's amounts, in minor units of its item's currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Amounts {
    pub original: i64,
    pub disputed: i64,
    pub paid: i64,
    pub credited: i64,
    pub written_off: i64,
}

/// Why an amount was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountRefusal {
    /// Zero or less: a dispute is over something.
    NotPositive,
    /// More than the item's open amount.
    AboveOpen { open: i64 },
}

impl AmountRefusal {
    pub fn message(&self, currency: Currency) -> String {
        match self {
            AmountRefusal::NotPositive => "the disputed amount must be more than zero".into(),
            AmountRefusal::AboveOpen { open } => format!(
                "the disputed amount is more than the item's open amount ({} {})",
                amount_string(*open, currency),
                currency
            ),
        }
    }
}

fn check_amount(disputed: i64, open: i64) -> Result<(), AmountRefusal> {
    if disputed <= 0 {
        return Err(AmountRefusal::NotPositive);
    }
    if disputed > open {
        return Err(AmountRefusal::AboveOpen { open });
    }
    Ok(())
}

impl Amounts {
    /// A new case over `disputed` of an item whose open amount is `open`.
    pub fn open(disputed: i64, open: i64) -> Result<Amounts, AmountRefusal> {
        check_amount(disputed, open)?;
        Ok(Amounts {
            original: disputed,
            disputed,
            ..Amounts::default()
        })
    }

    /// The invariant: every amount zero or more, and the settled parts with what is still
    /// disputed make the original.
    pub fn adds_up(&self) -> bool {
        let parts = [self.disputed, self.paid, self.credited, self.written_off];
        parts.iter().all(|p| *p >= 0)
            && parts
                .iter()
                .try_fold(0i64, |s, p| s.checked_add(*p))
                .is_some_and(|s| s == self.original)
    }

    /// The disputed amount set to `disputed` on an open case (the customer widens or
    /// narrows the dispute): the original moves by the same difference, so the amounts
    /// still add up and the history says what changed.
    pub fn reassess(&self, disputed: i64, open: i64) -> Result<Amounts, AmountRefusal> {
        check_amount(disputed, open)?;
        Ok(Amounts {
            original: self.original - self.disputed + disputed,
            disputed,
            ..*self
        })
    }

    /// A resolved case disputed again: `disputed` is in dispute once more; what was still
    /// disputed at its resolution is replaced (it had gone back to collection).
    pub fn reopen(&self, disputed: i64, open: i64) -> Result<Amounts, AmountRefusal> {
        self.reassess(disputed, open)
    }

    /// A payment of `amount` on the item, whose open amount was `open_before`. It settles the
    /// disputed part first only when the ERP says it is for it (`for_disputed`); otherwise
    /// it pays the undisputed part first, and the disputed part only with what is left (the
    /// disputed part can never exceed what is still open).
    pub fn payment(&self, amount: i64, open_before: i64, for_disputed: bool) -> Amounts {
        let amount = amount.max(0);
        let take = if for_disputed {
            amount.min(self.disputed)
        } else {
            let undisputed = (open_before - self.disputed).max(0);
            (amount - undisputed).clamp(0, self.disputed)
        };
        Amounts {
            disputed: self.disputed - take,
            paid: self.paid + take,
            ..*self
        }
    }

    /// A credit note of `amount` applying to the item: it credits the disputed part, never
    /// more than is disputed.
    pub fn credit(&self, amount: i64) -> Amounts {
        let take = amount.clamp(0, self.disputed);
        Amounts {
            disputed: self.disputed - take,
            credited: self.credited + take,
            ..*self
        }
    }

    /// The remainder written off: nothing is disputed any more.
    pub fn write_off(&self) -> Amounts {
        Amounts {
            disputed: 0,
            written_off: self.written_off + self.disputed,
            ..*self
        }
    }

    /// The amounts as the API writes them: decimal strings.
    pub fn strings(&self, currency: Currency) -> AmountStrings {
        AmountStrings {
            original_amount: amount_string(self.original, currency),
            disputed_amount: amount_string(self.disputed, currency),
            paid_amount: amount_string(self.paid, currency),
            credited_amount: amount_string(self.credited, currency),
            written_off_amount: amount_string(self.written_off, currency),
            currency: currency.code(),
        }
    }
}

/// A case's amounts under the names the API uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmountStrings {
    pub original_amount: String,
    pub disputed_amount: String,
    pub paid_amount: String,
    pub credited_amount: String,
    pub written_off_amount: String,
    pub currency: &'static str,
}

/// How a case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Its dispute follow-up was terminated.
    Terminated,
    /// The item was qualified with a status that is not a dispute.
    Requalified,
    /// Payments settled the disputed part.
    Paid,
    /// Credit notes settled it.
    Credited,
    /// The remainder was written off under the tolerance.
    WrittenOff,
    /// The ERP closed the item (open amount zero) with part still disputed.
    ItemClosed,
}

impl Resolution {
    pub const ALL: [Resolution; 6] = [
        Resolution::Terminated,
        Resolution::Requalified,
        Resolution::Paid,
        Resolution::Credited,
        Resolution::WrittenOff,
        Resolution::ItemClosed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Terminated => "terminated",
            Resolution::Requalified => "requalified",
            Resolution::Paid => "paid",
            Resolution::Credited => "credited",
            Resolution::WrittenOff => "written_off",
            Resolution::ItemClosed => "item_closed",
        }
    }

    pub fn parse(s: &str) -> Option<Resolution> {
        Resolution::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Whether a case is late on `today`: open and past its deadline (the deadline day itself is
/// still on time). ISO dates compare as text.
pub fn is_late(open: bool, deadline: Option<&str>, today: &str) -> bool {
    open && deadline.is_some_and(|d| d < today)
}

/// How many days a case is past its deadline on `today` (0 on the deadline or before).
pub fn days_late(deadline: chrono::NaiveDate, today: chrono::NaiveDate) -> i64 {
    (today - deadline).num_days().max(0)
}

/// Whether an open case is due for escalation on `today`: more than `escalation_days` past
/// its deadline (a deadline of the 10th and 2 days: from the 12th). ISO dates.
pub fn escalation_due(
    deadline: chrono::NaiveDate,
    escalation_days: i64,
    today: chrono::NaiveDate,
) -> bool {
    deadline
        .checked_add_days(chrono::Days::new(escalation_days.max(0) as u64))
        .is_some_and(|due| today >= due)
}

/// The day a settlement resolves a case: its own date, but never before the case opened
/// (an ERP may send a payment dated before the dispute it settles). ISO dates.
pub fn resolution_date<'a>(settled_on: &'a str, opened_on: &'a str) -> &'a str {
    settled_on.max(opened_on)
}

/// What a settlement did to an open case: when nothing is disputed any more the case
/// resolves by itself, the way the settlement says.
pub fn settled(after: &Amounts, how: Resolution) -> Option<Resolution> {
    (after.disputed == 0).then_some(how)
}

/// How much an event of a case's history moves the part of its item in dispute: what the
/// reports count at a date (`settle_domain::reports::disputed_part`). An open case holds its
/// disputed amount; a resolved one holds nothing. So opening (`before` is `None`) adds the
/// disputed amount, resolving takes what is left away, reopening brings it back, and any
/// other event moves it by the change of the disputed amount. The moves of an item, summed to
/// a date, are the disputed part of its case open then.
pub fn part_change(event: &str, before: Option<&Amounts>, after: &Amounts) -> i64 {
    match event {
        "resolved" => -after.disputed,
        "reopened" => after.disputed,
        _ => after.disputed - before.map_or(0, |b| b.disputed),
    }
}

/// A write-off tolerance of one entity and currency: the remainder of a case may be written
/// off when it is at most `amount_minor` and at most `percent` % of the case's original
/// amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tolerance {
    pub entity: String,
    pub currency: Currency,
    pub amount_minor: i64,
    pub percent: Decimal,
}

/// Reads a tolerance body `{"amount": "25.00", "percent": "2.5"}` for `entity`/`currency`
/// (from the path). Errors name the field.
pub fn parse_tolerance(
    entity: &str,
    currency: &str,
    body: &[u8],
) -> Result<Tolerance, crate::validation::Invalid> {
    use crate::input::{Object, parse_object};
    use crate::validation::Invalid;
    let map = parse_object(body)?;
    let mut errors = Invalid::default();
    let currency = match Currency::parse(currency) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.push("/currency", Some("currency"), e);
            None
        }
    };
    if entity.is_empty() || entity.chars().count() > 64 || crate::input::has_control(entity, false)
    {
        errors.push(
            "/entity",
            Some("entity"),
            "the entity must be 1 to 64 characters",
        );
    }
    let mut o = Object::new(&map, "", &mut errors);
    let amount = o.text("amount", 32);
    let percent = o.text("percent", 16);
    o.finish(&[]);
    let amount_minor = match (&amount, currency) {
        (Some(a), Some(c)) => match parse_amount(a, c).and_then(|d| to_minor(d, c)) {
            Ok(m) => Some(m),
            Err(e) => {
                errors.push("/amount", Some("amount"), e);
                None
            }
        },
        _ => None,
    };
    let percent = percent.and_then(|p| match parse_percent(&p) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.push("/percent", Some("percent"), e);
            None
        }
    });
    match (currency, amount_minor, percent) {
        (Some(currency), Some(amount_minor), Some(percent)) if errors.is_empty() => Ok(Tolerance {
            entity: entity.to_string(),
            currency,
            amount_minor,
            percent,
        }),
        _ => Err(errors),
    }
}

/// A percentage from 0 to 100 with at most 4 decimals, as a decimal string.
fn parse_percent(s: &str) -> Result<Decimal, String> {
    let bad = || format!("{s:?} is not a percentage from 0 to 100 like \"2.5\"");
    let ok_chars = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().filter(|b| *b == b'.').count() <= 1
        && !s.starts_with('.')
        && !s.ends_with('.');
    if !ok_chars {
        return Err(bad());
    }
    let d: Decimal = s.parse().map_err(|_| bad())?;
    if d > Decimal::from(100) || d.scale() > 4 {
        return Err(bad());
    }
    Ok(d.normalize())
}

impl Tolerance {
    /// Whether `amounts`' remainder may be written off: something disputed, at most the
    /// amount and at most the percentage of the original. The refusal names the tolerance.
    pub fn allows(&self, amounts: &Amounts) -> Result<(), String> {
        let c = self.currency;
        if amounts.disputed <= 0 {
            return Err("nothing is left in dispute to write off".into());
        }
        let remainder = Decimal::from(amounts.disputed);
        let by_percent = Decimal::from(amounts.original) * self.percent / Decimal::from(100);
        if amounts.disputed > self.amount_minor || remainder > by_percent {
            return Err(format!(
                "the remainder {} {c} is above the write-off tolerance of {} {c}: at most {} {c} and at most {} % of the original {} {c}",
                amount_string(amounts.disputed, c),
                self.entity,
                amount_string(self.amount_minor, c),
                self.percent,
                amount_string(amounts.original, c),
            ));
        }
        Ok(())
    }

    pub fn amount(&self) -> String {
        amount_string(self.amount_minor, self.currency)
    }
}

/// The `amounts` of a status change, `{"INV-1": "150.00"}`, checked against the items once
/// their currency and open amount are known: every key one of the change's items, every
/// amount a positive decimal in the item's currency, at most its open amount. Answers the
/// disputed amount per item (in `item_ids` order; the whole open amount when not given).
pub fn disputed_amounts(
    item_ids: &[String],
    items: &[Option<crate::status_change::ItemState>],
    amounts: &[(String, String)],
    errors: &mut crate::validation::Invalid,
) -> Vec<i64> {
    for (id, _) in amounts {
        if !item_ids.contains(id) {
            errors.push(
                format!("/amounts/{}", pointer_escape(id)),
                Some("amounts"),
                format!("{id:?} is not one of the status change's item_ids"),
            );
        }
    }
    item_ids
        .iter()
        .zip(items)
        .map(|(id, item)| {
            let Some(item) = item else { return 0 };
            let Some((_, given)) = amounts.iter().find(|(k, _)| k == id) else {
                return item.open_minor;
            };
            let pointer = format!("/amounts/{}", pointer_escape(id));
            let Ok(currency) = Currency::parse(&item.currency) else {
                return item.open_minor;
            };
            let minor = parse_amount(given, currency).and_then(|d| to_minor(d, currency));
            match minor {
                Err(e) => {
                    errors.push(pointer, Some("amounts"), e);
                    0
                }
                Ok(m) => match check_amount(m, item.open_minor) {
                    Ok(()) => m,
                    Err(r) => {
                        errors.push(pointer, Some("amounts"), r.message(currency));
                        0
                    }
                },
            }
        })
        .collect()
}

/// What the store knows of an item's latest case, for a status change to decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestCase {
    pub id: i64,
    pub open: bool,
    pub reason: String,
    pub resolver_id: Option<i64>,
    pub amounts: Amounts,
    /// The resolution date of a resolved case.
    pub resolved_on: Option<chrono::NaiveDate>,
}

/// Why a case cannot be reopened by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReopenRefusal {
    /// It is open.
    Open,
    /// The item has a newer case: that one is the dispute now.
    NotLatest,
    /// Resolved more than [`REOPEN_DAYS`] ago (or on no known day): a new dispute opens a
    /// new case instead.
    TooOld,
    /// Its item is paid or otherwise closed: nothing is left to dispute.
    ItemClosed,
}

impl ReopenRefusal {
    /// The problem type the adapters answer.
    pub fn code(self) -> &'static str {
        match self {
            ReopenRefusal::Open => "dispute-open",
            ReopenRefusal::NotLatest => "dispute-superseded",
            ReopenRefusal::TooOld => "reopen-window-passed",
            ReopenRefusal::ItemClosed => "item-closed",
        }
    }
}

/// Whether a case may be reopened by hand on `today` (the collector's one click, the same
/// window as a new dispute within [`REOPEN_DAYS`] of the resolution): resolved, the item's
/// latest case, resolved at most [`REOPEN_DAYS`] ago, its item still open.
pub fn may_reopen(
    open: bool,
    latest: bool,
    resolved_on: Option<chrono::NaiveDate>,
    item_open: bool,
    today: chrono::NaiveDate,
) -> Result<(), ReopenRefusal> {
    if open {
        return Err(ReopenRefusal::Open);
    }
    if !latest {
        return Err(ReopenRefusal::NotLatest);
    }
    match resolved_on {
        Some(r) if today >= r && (today - r).num_days() <= REOPEN_DAYS => {}
        _ => return Err(ReopenRefusal::TooOld),
    }
    if !item_open {
        return Err(ReopenRefusal::ItemClosed);
    }
    Ok(())
}

/// What a status change does to one item's case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseStep {
    /// Nothing: not a dispute and no case open.
    None,
    /// A new case.
    Open { amounts: Amounts },
    /// The open case takes the new reason, resolver or amount.
    Update {
        id: i64,
        before: Amounts,
        after: Amounts,
    },
    /// A case resolved within [`REOPEN_DAYS`] opens again, keeping its history.
    Reopen {
        id: i64,
        before: Amounts,
        after: Amounts,
    },
    /// The item left dispute for another status: its open case resolves.
    Resolve { id: i64, how: Resolution },
}

/// The case step of one item of a checked status change: `dispute` when the new status is
/// of kind dispute; `amount` the disputed amount read by [`disputed_amounts`] (the whole
/// open amount when none was given); `given` whether the request named it; `open` the
/// item's open amount.
pub fn case_step(
    dispute: bool,
    latest: Option<&LatestCase>,
    amount: i64,
    given: bool,
    open: i64,
    on: chrono::NaiveDate,
) -> Result<CaseStep, AmountRefusal> {
    Ok(match (dispute, latest) {
        (false, Some(c)) if c.open => CaseStep::Resolve {
            id: c.id,
            how: Resolution::Requalified,
        },
        (false, _) => CaseStep::None,
        (true, Some(c)) if c.open => {
            // A new reason or resolver keeps the amount unless one is given.
            let disputed = if given { amount } else { c.amounts.disputed };
            let after = c.amounts.reassess(disputed.min(open), open)?;
            CaseStep::Update {
                id: c.id,
                before: c.amounts,
                after,
            }
        }
        (true, Some(c))
            if c.resolved_on
                .is_some_and(|r| (on - r).num_days() <= REOPEN_DAYS && on >= r) =>
        {
            CaseStep::Reopen {
                id: c.id,
                before: c.amounts,
                after: c.amounts.reopen(amount, open)?,
            }
        }
        (true, _) => CaseStep::Open {
            amounts: Amounts::open(amount, open)?,
        },
    })
}

/// A JSON pointer segment (RFC 6901).
fn pointer_escape(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(clippy::inconsistent_digit_grouping)]
    fn the_part_in_dispute_follows_the_case_through_its_life() {
        use super::{Amounts, part_change};
        let opened = Amounts::open(150_00, 1_000_00).unwrap();
        let mut part = part_change("opened", None, &opened);
        assert_eq!(part, 150_00);
        // A payment for the undisputed part leaves it; one for the disputed part lowers it.
        let paid = opened.payment(100_00, 1_000_00, false);
        part += part_change("paid", Some(&opened), &paid);
        assert_eq!(part, 150_00);
        let paid2 = paid.payment(50_00, 900_00, true);
        part += part_change("paid", Some(&paid), &paid2);
        assert_eq!(part, 100_00);
        let credited = paid2.credit(30_00);
        part += part_change("credited", Some(&paid2), &credited);
        assert_eq!(part, 70_00);
        // Events that move no amount move nothing.
        part += part_change("escalated", Some(&credited), &credited);
        assert_eq!(part, 70_00);
        // Terminated with 70.00 still disputed: nothing is held any more.
        part += part_change("resolved", Some(&credited), &credited);
        assert_eq!(part, 0);
        let reopened = credited.reopen(70_00, 850_00).unwrap();
        part += part_change("reopened", Some(&credited), &reopened);
        assert_eq!(part, reopened.disputed);
        // Written off: the remainder leaves with the event itself.
        let off = reopened.write_off();
        part += part_change("written_off", Some(&reopened), &off);
        assert_eq!(part, 0);
        part += part_change("resolved", Some(&off), &off);
        assert_eq!(part, 0);
    }

    #[test]
    fn a_case_reopens_by_hand_within_the_window_only() {
        use super::{ReopenRefusal, may_reopen};
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let today = d("2026-03-31");
        assert_eq!(
            may_reopen(false, true, Some(d("2026-03-01")), true, today),
            Ok(())
        );
        assert_eq!(may_reopen(false, true, Some(today), true, today), Ok(()));
        assert_eq!(
            may_reopen(false, true, Some(d("2026-02-28")), true, today),
            Err(ReopenRefusal::TooOld),
            "31 days"
        );
        assert_eq!(
            may_reopen(false, true, Some(d("2026-04-01")), true, today),
            Err(ReopenRefusal::TooOld),
            "resolved after today: not a date to trust"
        );
        assert_eq!(
            may_reopen(false, true, None, true, today),
            Err(ReopenRefusal::TooOld)
        );
        assert_eq!(
            may_reopen(true, true, Some(today), true, today),
            Err(ReopenRefusal::Open)
        );
        assert_eq!(
            may_reopen(false, false, Some(today), true, today),
            Err(ReopenRefusal::NotLatest)
        );
        assert_eq!(
            may_reopen(false, true, Some(today), false, today),
            Err(ReopenRefusal::ItemClosed)
        );
        assert_eq!(ReopenRefusal::TooOld.code(), "reopen-window-passed");
    }

    #[test]
    fn days_late_count_from_the_day_after_the_deadline() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        assert_eq!(days_late(d("2026-03-10"), d("2026-03-09")), 0);
        assert_eq!(days_late(d("2026-03-10"), d("2026-03-10")), 0);
        assert_eq!(days_late(d("2026-03-10"), d("2026-03-11")), 1);
        assert_eq!(days_late(d("2026-02-27"), d("2026-03-02")), 3);
    }

    #[test]
    fn a_case_escalates_its_escalation_days_after_its_deadline() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        assert!(!escalation_due(d("2026-03-10"), 2, d("2026-03-10")));
        assert!(!escalation_due(d("2026-03-10"), 2, d("2026-03-11")));
        assert!(escalation_due(d("2026-03-10"), 2, d("2026-03-12")));
        assert!(escalation_due(d("2026-03-10"), 2, d("2027-01-01")));
        // Across a month end.
        assert!(!escalation_due(d("2026-02-27"), 3, d("2026-03-01")));
        assert!(escalation_due(d("2026-02-27"), 3, d("2026-03-02")));
    }

    use super::*;
    use proptest::prelude::*;

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    #[test]
    fn a_case_opens_over_part_of_the_open_amount_and_never_more() {
        let a = Amounts::open(15_000, 100_000).unwrap();
        assert_eq!((a.original, a.disputed), (15_000, 15_000));
        assert!(a.adds_up());
        assert_eq!(
            Amounts::open(100_001, 100_000),
            Err(AmountRefusal::AboveOpen { open: 100_000 })
        );
        assert_eq!(Amounts::open(0, 100), Err(AmountRefusal::NotPositive));
        assert_eq!(
            AmountRefusal::AboveOpen { open: 100_000 }.message(eur()),
            "the disputed amount is more than the item's open amount (1000.00 EUR)"
        );
    }

    #[test]
    fn a_payment_pays_the_undisputed_part_first_unless_it_is_for_the_dispute() {
        // 1,000.00 open, 150.00 disputed.
        let a = Amounts::open(15_000, 100_000).unwrap();
        // 900.00 paid without saying: 850.00 undisputed, then 50.00 of the dispute.
        let b = a.payment(90_000, 100_000, false);
        assert_eq!((b.disputed, b.paid), (10_000, 5_000));
        // 100.00 said to be for the dispute: all of it settles the dispute.
        let c = a.payment(10_000, 100_000, true);
        assert_eq!((c.disputed, c.paid), (5_000, 10_000));
        // More than disputed, for the dispute: the dispute is settled, no more.
        let d = a.payment(20_000, 100_000, true);
        assert_eq!((d.disputed, d.paid), (0, 15_000));
        assert_eq!(settled(&d, Resolution::Paid), Some(Resolution::Paid));
        assert_eq!(settled(&c, Resolution::Paid), None);
        // A small payment not for the dispute leaves it whole.
        assert_eq!(a.payment(100, 100_000, false), a);
    }

    #[test]
    fn credits_settle_the_disputed_part_and_a_reassessment_moves_the_original() {
        let a = Amounts::open(15_000, 100_000).unwrap();
        let b = a.credit(7_500);
        assert_eq!((b.disputed, b.credited), (7_500, 7_500));
        let c = b.credit(10_000);
        assert_eq!((c.disputed, c.credited), (0, 15_000));
        let r = b.reassess(20_000, 100_000).unwrap();
        assert_eq!(
            (r.original, r.disputed, r.credited),
            (27_500, 20_000, 7_500)
        );
        assert!(r.adds_up());
        assert!(b.reassess(100_001, 100_000).is_err());
    }

    #[test]
    fn write_offs_are_allowed_under_both_limits_and_refused_naming_the_tolerance() {
        let t = Tolerance {
            entity: "FR01".into(),
            currency: eur(),
            amount_minor: 2_500,
            percent: "5".parse().unwrap(),
        };
        // 1,000.00 disputed, 980.00 credited: 20.00 left, 2 % of the original.
        let a = Amounts::open(100_000, 100_000).unwrap().credit(98_000);
        assert_eq!(t.allows(&a), Ok(()));
        let w = a.write_off();
        assert_eq!((w.disputed, w.written_off), (0, 2_000));
        assert!(w.adds_up());
        // 20.00 left of 200.00: 10 %, above 5 %.
        let b = Amounts::open(20_000, 20_000).unwrap().credit(18_000);
        assert_eq!(
            t.allows(&b).unwrap_err(),
            "the remainder 20.00 EUR is above the write-off tolerance of FR01 EUR: at most 25.00 EUR and at most 5 % of the original 200.00 EUR"
        );
        // 30.00 left: above 25.00.
        let c = Amounts::open(100_000, 100_000).unwrap().credit(97_000);
        assert!(t.allows(&c).is_err());
        assert!(t.allows(&w).is_err(), "nothing left");
    }

    #[test]
    fn tolerances_read_strictly() {
        let t =
            parse_tolerance("FR01", "EUR", br#"{"amount": "25.00", "percent": "2.50"}"#).unwrap();
        assert_eq!(t.amount(), "25.00");
        assert_eq!(t.percent.to_string(), "2.5");
        for (cur, body, field) in [
            ("EUR", r#"{"amount": "25.001", "percent": "2"}"#, "amount"),
            ("EUR", r#"{"amount": "-1", "percent": "2"}"#, "amount"),
            ("EUR", r#"{"amount": "1", "percent": "101"}"#, "percent"),
            ("EUR", r#"{"amount": "1", "percent": "1e2"}"#, "percent"),
            ("EUR", r#"{"amount": "1", "percent": 2}"#, "percent"),
            ("EUR", r#"{"amount": "1"}"#, "percent"),
            ("EUR", r#"{"amount": "1", "percent": "2", "x": 1}"#, "x"),
            ("EURO", r#"{"amount": "1", "percent": "2"}"#, "currency"),
        ] {
            let e = parse_tolerance("FR01", cur, body.as_bytes()).unwrap_err();
            assert!(
                e.0.iter().any(|f| f.field.as_deref() == Some(field)),
                "{body}: {e:?}"
            );
        }
    }

    fn item(id: &str, open: i64) -> Option<crate::status_change::ItemState> {
        Some(crate::status_change::ItemState {
            id: id.into(),
            customer_id: "C1".into(),
            open: open > 0,
            open_minor: open,
            currency: "EUR".into(),
        })
    }

    #[test]
    fn status_change_amounts_default_to_the_open_amount_and_are_checked_per_item() {
        let ids = vec!["INV-1".to_string(), "INV-2".to_string()];
        let items = [item("INV-1", 100_000), item("INV-2", 5_000)];
        let mut e = crate::validation::Invalid::default();
        let got = disputed_amounts(&ids, &items, &[("INV-1".into(), "150.00".into())], &mut e);
        assert!(e.is_empty());
        assert_eq!(got, vec![15_000, 5_000]);
        let mut e = crate::validation::Invalid::default();
        disputed_amounts(
            &ids,
            &items,
            &[
                ("INV-1".into(), "1000.01".into()),
                ("INV-2".into(), "0".into()),
                ("INV/3".into(), "1".into()),
                ("INV-1x".into(), "1,5".into()),
            ],
            &mut e,
        );
        let pointers: Vec<&str> = e.0.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/amounts/INV~13",
                "/amounts/INV-1x",
                "/amounts/INV-1",
                "/amounts/INV-2"
            ]
        );
    }

    fn latest(open: bool, resolved_on: Option<&str>) -> LatestCase {
        LatestCase {
            id: 7,
            open,
            reason: "price_dispute".into(),
            resolver_id: None,
            amounts: Amounts::open(15_000, 100_000).unwrap().credit(5_000),
            resolved_on: resolved_on.map(|d| d.parse().unwrap()),
        }
    }

    #[test]
    fn a_status_change_opens_updates_reopens_or_resolves_the_case() {
        let on: chrono::NaiveDate = "2026-03-31".parse().unwrap();
        let open = latest(true, None);
        // No case yet: a dispute opens one; another status does nothing.
        assert_eq!(
            case_step(true, None, 15_000, true, 100_000, on),
            Ok(CaseStep::Open {
                amounts: Amounts::open(15_000, 100_000).unwrap()
            })
        );
        assert_eq!(
            case_step(false, None, 0, false, 100_000, on),
            Ok(CaseStep::None)
        );
        // An open case: another reason without an amount keeps the disputed amount.
        let CaseStep::Update { after, .. } =
            case_step(true, Some(&open), 100_000, false, 100_000, on).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            (after.original, after.disputed, after.credited),
            (15_000, 10_000, 5_000)
        );
        // With an amount, the disputed amount changes.
        let CaseStep::Update { after, .. } =
            case_step(true, Some(&open), 30_000, true, 100_000, on).unwrap()
        else {
            panic!()
        };
        assert_eq!((after.original, after.disputed), (35_000, 30_000));
        // A promise resolves it.
        assert_eq!(
            case_step(false, Some(&open), 0, false, 100_000, on),
            Ok(CaseStep::Resolve {
                id: 7,
                how: Resolution::Requalified
            })
        );
        // Resolved 30 days ago: reopens; 31 days ago: a new case.
        let recent = latest(false, Some("2026-03-01"));
        assert!(matches!(
            case_step(true, Some(&recent), 20_000, true, 100_000, on),
            Ok(CaseStep::Reopen { id: 7, .. })
        ));
        let old = latest(false, Some("2026-02-28"));
        assert!(matches!(
            case_step(true, Some(&old), 20_000, true, 100_000, on),
            Ok(CaseStep::Open { .. })
        ));
        // Another status on a resolved case: nothing.
        assert_eq!(
            case_step(false, Some(&recent), 0, false, 100_000, on),
            Ok(CaseStep::None)
        );
        // Too much, however the case stands.
        assert!(case_step(true, Some(&recent), 100_001, true, 100_000, on).is_err());
    }

    #[test]
    fn a_case_never_resolves_before_it_opened() {
        assert_eq!(resolution_date("2026-03-22", "2026-03-01"), "2026-03-22");
        assert_eq!(resolution_date("2025-03-22", "2026-12-03"), "2026-12-03");
    }

    #[test]
    fn a_case_is_late_the_day_after_its_deadline_while_open() {
        assert!(!is_late(true, Some("2026-12-12"), "2026-12-12"));
        assert!(is_late(true, Some("2026-12-12"), "2026-12-13"));
        assert!(!is_late(false, Some("2026-12-12"), "2026-12-13"));
        assert!(!is_late(true, None, "2026-12-13"));
    }

    fn op() -> impl Strategy<Value = (u8, i64, bool)> {
        (0u8..5, 0i64..200_000, any::<bool>())
    }

    proptest! {
        /// Whatever happens to a case, its amounts add up and none goes below zero, and the
        /// disputed part never exceeds what is open.
        #[test]
        fn the_amounts_always_add_up(
            open in 1i64..1_000_000,
            share in 1i64..=100,
            ops in proptest::collection::vec(op(), 0..40),
        ) {
            let mut open = open;
            let mut a = Amounts::open((open * share / 100).max(1), open).unwrap();
            for (kind, n, flag) in ops {
                a = match kind {
                    0 => {
                        let paid = n.min(open);
                        let next = a.payment(paid, open, flag);
                        open -= paid;
                        next
                    }
                    1 => a.credit(n),
                    2 => a.write_off(),
                    3 => a.reassess(n, open).unwrap_or(a),
                    _ => a.reopen(n, open).unwrap_or(a),
                };
                prop_assert!(a.adds_up(), "{a:?}");
                prop_assert!(a.disputed <= open, "{a:?} open {open}");
            }
        }
    }
}
