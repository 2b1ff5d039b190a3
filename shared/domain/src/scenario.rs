//! Reminder scenarios: the progressive ("funnel-shaped") dunning plan of a customer.
//!
//! A scenario is ordered steps `{offset_days, type, template}` relative to the **reference
//! date**: the due date of the customer's oldest open debit item still in the scenario
//! (not held by a live specific action). Negative offsets are preventive reminders.
//!
//! [`next_step`] proposes what comes next from the items, the steps already done for the
//! current reference date, and a date:
//! - items held by a live action never trigger reminders (a customer whose every item is
//!   held has no next step); detached and resolved items count again. A follow-up holds
//!   only the disputed part of an item disputed in part: the undisputed rest stays in the
//!   scenario and is chased as usual ([`hold`]);
//! - the steps after the last one done for this reference date are candidates; when several
//!   are already due, the most advanced due one is proposed (a stale preventive reminder is
//!   not sent for a debt that is already late); otherwise the first upcoming one, with its
//!   date;
//! - the reminder covers the open debit items in the scenario due on or before the step's
//!   cut-off: the reference date for preventive steps, the step's date otherwise.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::catalog::valid_code;
use crate::validation::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepType {
    Email,
    Letter,
    Call,
}

impl StepType {
    pub fn as_str(&self) -> &'static str {
        match self {
            StepType::Email => "email",
            StepType::Letter => "letter",
            StepType::Call => "call",
        }
    }

    pub fn parse(s: &str) -> Option<StepType> {
        match s {
            "email" => Some(StepType::Email),
            "letter" => Some(StepType::Letter),
            "call" => Some(StepType::Call),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub offset_days: i64,
    #[serde(rename = "type")]
    pub step_type: StepType,
    /// The email or letter template the step uses (a code of `email_templates`).
    pub template: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    pub code: String,
    pub name: String,
    pub steps: Vec<Step>,
}

/// The scenario a new installation starts with: a preventive email 10 days before the due
/// date, then +5 (email), +15 (letter), +30 (call).
pub fn default_scenario() -> Scenario {
    let step = |offset_days, step_type, template: Option<&str>| Step {
        offset_days,
        step_type,
        template: template.map(str::to_string),
    };
    Scenario {
        code: "default".into(),
        name: "Standard reminders".into(),
        steps: vec![
            step(-10, StepType::Email, Some("reminder_preventive")),
            step(5, StepType::Email, Some("reminder_first")),
            step(15, StepType::Letter, Some("reminder_second")),
            step(30, StepType::Call, None),
        ],
    }
}

pub const MAX_OFFSET: i64 = 365;
pub const MAX_STEPS: usize = 20;

/// A scenario's rules: a code, 1 to 20 steps in strictly increasing offsets within a year of
/// the due date.
pub fn check(s: &Scenario) -> Invalid {
    let mut e = Invalid::default();
    if !valid_code(&s.code) {
        e.push(
            "/code",
            Some("code"),
            format!("{:?} must be lowercase letters, digits or _", s.code),
        );
    }
    if s.name.trim().is_empty() {
        e.push("/name", Some("name"), "name must not be empty");
    }
    if s.steps.is_empty() || s.steps.len() > MAX_STEPS {
        e.push(
            "/steps",
            Some("steps"),
            format!("a scenario has 1 to {MAX_STEPS} steps"),
        );
    }
    for (i, st) in s.steps.iter().enumerate() {
        if st.offset_days.abs() > MAX_OFFSET {
            e.push(
                format!("/steps/{i}/offset_days"),
                Some("offset_days"),
                format!(
                    "{} is more than {MAX_OFFSET} days from the due date",
                    st.offset_days
                ),
            );
        }
        if i > 0 && st.offset_days <= s.steps[i - 1].offset_days {
            e.push(
                format!("/steps/{i}/offset_days"),
                Some("offset_days"),
                "offsets must increase from one step to the next",
            );
        }
    }
    e
}

/// An open debit item as the scenario sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioItem {
    pub key: i64,
    /// The ERP id.
    pub id: String,
    pub due_date: NaiveDate,
    /// Held in full by a live specific action: out of the scenario ([`hold`]).
    pub held: bool,
    /// What the scenario chases of it, in minor units of `currency`: its open amount, less
    /// the part a follow-up holds in dispute; 0 when held.
    pub to_chase_minor: i64,
    pub currency: String,
}

/// How a live action holds an open item, from the scenario's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hold {
    /// Out of the scenario.
    pub held: bool,
    /// What is still chased (minor units).
    pub to_chase_minor: i64,
}

/// How an open item of `open_minor` stands in the scenario when a live action holds it
/// (`attached`) and `disputed_minor` of it is in an open dispute case.
///
/// A live action holds its items out of the scenario, whole, except an item disputed in
/// part (0 < disputed < open): only its disputed part is held, and the undisputed rest is
/// chased as usual. Without an action nothing is held: a status alone does not stop
/// dunning. The SQL that keeps the agenda's columns states the same rule
/// (`settle_store::migrations`, "in the scenario"); a store test checks them equal.
pub fn hold(attached: bool, open_minor: i64, disputed_minor: i64) -> Hold {
    let partly = disputed_minor > 0 && disputed_minor < open_minor;
    match (attached, partly) {
        (false, _) => Hold {
            held: false,
            to_chase_minor: open_minor,
        },
        (true, true) => Hold {
            held: false,
            to_chase_minor: open_minor - disputed_minor,
        },
        (true, false) => Hold {
            held: true,
            to_chase_minor: 0,
        },
    }
}

/// What the scenario chases of `items`, per currency (minor units).
pub fn to_chase(items: &[&ScenarioItem]) -> std::collections::BTreeMap<String, i64> {
    let mut out = std::collections::BTreeMap::new();
    for i in items.iter().filter(|i| !i.held) {
        let sum: &mut i64 = out.entry(i.currency.clone()).or_insert(0);
        *sum = sum.saturating_add(i.to_chase_minor);
    }
    out
}

/// A reminder already done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneStep {
    pub step: usize,
    pub reference_due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextStep {
    /// Index in the scenario's steps.
    pub step: usize,
    pub offset_days: i64,
    #[serde(rename = "type")]
    pub step_type: StepType,
    pub template: Option<String>,
    /// When the step is due.
    #[serde(serialize_with = "ser_date")]
    pub due_on: NaiveDate,
    /// The due date of the oldest item in the scenario.
    #[serde(serialize_with = "ser_date")]
    pub reference_due: NaiveDate,
    /// Items due on or before this date are covered.
    #[serde(serialize_with = "ser_date")]
    pub cutoff: NaiveDate,
    /// Earlier steps that are due but passed over for this one.
    pub skipped: Vec<usize>,
}

fn ser_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::dates::format_date(*d))
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(d)
}

/// The reference date: the oldest due date of the items still in the scenario.
pub fn reference_due(items: &[ScenarioItem]) -> Option<NaiveDate> {
    items.iter().filter(|i| !i.held).map(|i| i.due_date).min()
}

/// The next step of a customer's scenario as of `as_of`, or `None` when no item is in the
/// scenario or every step was done for the current reference date.
pub fn next_step(
    scenario: &Scenario,
    items: &[ScenarioItem],
    done: &[DoneStep],
    as_of: NaiveDate,
) -> Option<NextStep> {
    let reference = reference_due(items)?;
    next_step_for(scenario, reference, done, as_of)
}

/// [`next_step`] when the reference date is already known (the agenda computes it in SQL).
pub fn next_step_for(
    scenario: &Scenario,
    reference: NaiveDate,
    done: &[DoneStep],
    as_of: NaiveDate,
) -> Option<NextStep> {
    let first = done
        .iter()
        .filter(|d| d.reference_due == reference)
        .map(|d| d.step + 1)
        .max()
        .unwrap_or(0);
    let candidates: Vec<usize> = (first..scenario.steps.len()).collect();
    let due: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|i| shift(reference, scenario.steps[*i].offset_days) <= as_of)
        .collect();
    let (index, skipped) = match due.split_last() {
        Some((last, earlier)) => (*last, earlier.to_vec()),
        None => (*candidates.first()?, Vec::new()),
    };
    let step = &scenario.steps[index];
    let due_on = shift(reference, step.offset_days);
    Some(NextStep {
        step: index,
        offset_days: step.offset_days,
        step_type: step.step_type,
        template: step.template.clone(),
        due_on,
        reference_due: reference,
        cutoff: if step.offset_days < 0 {
            reference
        } else {
            due_on
        },
        skipped,
    })
}

/// The reference dates for which step `step` is the one shown as of some date: on or
/// before `through` (the step is reached) and, unless it is the last, after `after` (the
/// next one is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepWindow {
    pub step: usize,
    pub after: Option<NaiveDate>,
    pub through: NaiveDate,
}

/// For each step of `scenario`, the reference dates for which [`next_step_for`] as of
/// `as_of` shows that step, for a customer whose first step left is at most that step
/// (a customer whose first step left is later shows nothing as of `as_of`). A customer shown
/// step `k` is due on its reference date plus `k`'s offset, so within one window the agenda's
/// order is the reference dates' order, and `through` moved back to an earlier date `B`
/// (`window_through(.., B)`) keeps the customers due by `B`.
pub fn step_windows(scenario: &Scenario, as_of: NaiveDate) -> Vec<StepWindow> {
    let steps = &scenario.steps;
    (0..steps.len())
        .map(|k| StepWindow {
            step: k,
            after: steps.get(k + 1).map(|n| shift(as_of, -n.offset_days)),
            through: shift(as_of, -steps[k].offset_days),
        })
        .collect()
}

/// The latest reference date whose step `step` is due on or before `by`.
pub fn window_through(scenario: &Scenario, step: usize, by: NaiveDate) -> NaiveDate {
    shift(by, -scenario.steps[step].offset_days)
}

/// When step `step` is due for reference date `reference`.
pub fn step_due_on(scenario: &Scenario, step: usize, reference: NaiveDate) -> NaiveDate {
    shift(reference, scenario.steps[step].offset_days)
}

/// The items a step covers: in the scenario and due on or before its cut-off.
pub fn covered<'a>(items: &'a [ScenarioItem], next: &NextStep) -> Vec<&'a ScenarioItem> {
    items
        .iter()
        .filter(|i| !i.held && i.due_date <= next.cutoff)
        .collect()
}

/// The step a collector records: the next one by default, or the one named by its index.
pub fn choose_step(s: &Scenario, next: &NextStep, step: Option<i64>) -> Result<usize, Invalid> {
    match step {
        None => Ok(next.step),
        Some(i) if i >= 0 && (i as usize) < s.steps.len() => Ok(i as usize),
        Some(i) => Err(Invalid::one(
            "/step",
            Some("step"),
            format!(
                "scenario {:?} has steps 0 to {}, not {i}",
                s.code,
                s.steps.len().saturating_sub(1)
            ),
        )),
    }
}

/// The items a recorded step covers: those the step covers by default, or the ids named,
/// each of which must be an open debit item of the customer still in the scenario.
pub fn chosen_items<'a>(
    items: &'a [ScenarioItem],
    next: &NextStep,
    ids: Option<&[String]>,
    customer_id: &str,
) -> Result<Vec<&'a ScenarioItem>, Invalid> {
    let Some(ids) = ids else {
        return Ok(covered(items, next));
    };
    let mut errors = Invalid::default();
    let mut out = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        let pointer = format!("/item_ids/{n}");
        match items.iter().find(|i| &i.id == id) {
            Some(it) if !it.held => out.push(it),
            Some(_) => errors.push(
                pointer,
                Some("item_ids"),
                format!("item {id:?} is held by a live action: it is out of the scenario"),
            ),
            None => errors.push(
                pointer,
                Some("item_ids"),
                format!("item {id:?} is not an open debit item of customer {customer_id:?}"),
            ),
        }
    }
    errors.into_result().map(|()| out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(key: i64, due: &str, held: bool) -> ScenarioItem {
        ScenarioItem {
            to_chase_minor: if held { 0 } else { 1000 },
            currency: "EUR".into(),
            key,
            id: format!("I{key}"),
            due_date: d(due),
            held,
        }
    }

    /// A follow-up holds its items whole, except the undisputed rest of an item disputed in
    /// part; without an action nothing is held.
    #[test]
    fn a_follow_up_holds_only_the_disputed_part_of_an_item_disputed_in_part() {
        let h = |held, to_chase_minor| Hold {
            held,
            to_chase_minor,
        };
        // No action: chased in full, disputed or not.
        assert_eq!(hold(false, 100_000, 0), h(false, 100_000));
        assert_eq!(hold(false, 100_000, 15_000), h(false, 100_000));
        // A follow-up on an item disputed in part: the rest is chased.
        assert_eq!(hold(true, 100_000, 15_000), h(false, 85_000));
        assert_eq!(hold(true, 100_000, 99_999), h(false, 1));
        // Disputed in full (or paid down to its disputed part), or no case: held.
        assert_eq!(hold(true, 100_000, 100_000), h(true, 0));
        assert_eq!(hold(true, 15_000, 15_000), h(true, 0));
        assert_eq!(hold(true, 100_000, 0), h(true, 0));
    }

    /// The amount chased adds what is not held, per currency.
    #[test]
    fn what_is_chased_adds_up_per_currency() {
        let mut a = item(1, "2025-01-31", false);
        a.to_chase_minor = 85_000;
        let b = item(2, "2025-02-28", true);
        let mut c = item(3, "2025-03-31", false);
        c.currency = "USD".into();
        c.to_chase_minor = 500;
        let chased = to_chase(&[&a, &b, &c]);
        assert_eq!(
            chased.into_iter().collect::<Vec<_>>(),
            vec![("EUR".to_string(), 85_000), ("USD".to_string(), 500)]
        );
    }

    fn done(step: usize, reference: &str) -> DoneStep {
        DoneStep {
            step,
            reference_due: d(reference),
        }
    }

    /// The windows are exactly where `next_step_for` lands: for every reference date over
    /// four months and every first step left, the step shown (if any) is the one whose window
    /// holds the reference date, at the date `step_due_on` says; `window_through` keeps
    /// exactly the customers due by an earlier date.
    #[test]
    fn step_windows_are_where_the_next_step_lands() {
        let s = default_scenario();
        let as_of = d("2025-04-15");
        let windows = step_windows(&s, as_of);
        assert_eq!(windows.len(), s.steps.len());
        let mut shown = 0;
        for r in 0..120 {
            let reference = d("2025-01-15") + Days::new(r);
            for first in 0..=s.steps.len() {
                let done: Vec<DoneStep> = (0..first)
                    .map(|k| DoneStep {
                        step: k,
                        reference_due: reference,
                    })
                    .collect();
                let next = next_step_for(&s, reference, &done, as_of).filter(|n| n.due_on <= as_of);
                let inside: Vec<usize> = windows
                    .iter()
                    .filter(|w| {
                        w.step >= first
                            && reference <= w.through
                            && w.after.is_none_or(|a| reference > a)
                    })
                    .map(|w| w.step)
                    .collect();
                assert_eq!(
                    next.as_ref().map(|n| n.step),
                    inside.first().copied(),
                    "{reference} first {first}"
                );
                assert!(inside.len() <= 1, "windows overlap at {reference}");
                if let Some(n) = next {
                    shown += 1;
                    assert_eq!(n.due_on, step_due_on(&s, n.step, reference));
                    let by = d("2025-03-20");
                    assert_eq!(reference <= window_through(&s, n.step, by), n.due_on <= by);
                }
            }
        }
        assert!(shown > 200, "the dates cover every window: {shown}");
    }

    #[test]
    fn the_default_scenario_starts_with_a_preventive_reminder() {
        let s = default_scenario();
        assert!(check(&s).is_empty());
        let items = [item(1, "2025-03-31", false), item(2, "2025-04-30", false)];
        // Long before: the preventive step is upcoming, 10 days before the due date.
        let n = next_step(&s, &items, &[], d("2025-03-01")).unwrap();
        assert_eq!((n.step, n.due_on), (0, d("2025-03-21")));
        assert_eq!(n.step_type, StepType::Email);
        assert_eq!(n.cutoff, d("2025-03-31"));
        let keys: Vec<i64> = covered(&items, &n).iter().map(|i| i.key).collect();
        assert_eq!(keys, [1]);
        // Once done, the next is +5 after the due date.
        let n = next_step(&s, &items, &[done(0, "2025-03-31")], d("2025-03-25")).unwrap();
        assert_eq!((n.step, n.due_on), (1, d("2025-04-05")));
        assert!(n.skipped.is_empty());
    }

    #[test]
    fn several_due_steps_propose_the_most_advanced_one() {
        let s = default_scenario();
        let items = [item(1, "2025-01-31", false), item(2, "2025-02-20", false)];
        let n = next_step(&s, &items, &[], d("2025-02-20")).unwrap();
        // -10 (Jan 21) and +5 (Feb 5) and +15 (Feb 15) are due: the letter, Jan 21/Feb 5 skipped.
        assert_eq!((n.step, n.due_on), (2, d("2025-02-15")));
        assert_eq!(n.step_type, StepType::Letter);
        assert_eq!(n.skipped, [0, 1]);
        let keys: Vec<i64> = covered(&items, &n).iter().map(|i| i.key).collect();
        assert_eq!(keys, [1]);
        // Every step done: nothing more for this reference date.
        let all: Vec<DoneStep> = (0..4).map(|i| done(i, "2025-01-31")).collect();
        assert_eq!(next_step(&s, &items, &all, d("2025-06-01")), None);
    }

    #[test]
    fn held_items_never_trigger_reminders() {
        let s = default_scenario();
        let items = [item(1, "2025-01-31", true), item(2, "2025-03-31", false)];
        let n = next_step(&s, &items, &[], d("2025-02-10")).unwrap();
        // The disputed oldest item is out: the reference is the next one.
        assert_eq!(n.reference_due, d("2025-03-31"));
        assert_eq!((n.step, n.due_on), (0, d("2025-03-21")));
        assert_eq!(covered(&items, &n).len(), 1);
    }

    #[test]
    fn a_customer_whose_every_item_is_disputed_has_no_next_step() {
        let s = default_scenario();
        let items = [item(1, "2025-01-31", true), item(2, "2025-02-28", true)];
        assert_eq!(next_step(&s, &items, &[], d("2025-06-01")), None);
        assert_eq!(next_step(&s, &[], &[], d("2025-06-01")), None);
    }

    #[test]
    fn detached_or_resolved_items_come_back_and_the_funnel_follows_the_reference() {
        let s = default_scenario();
        // Steps done for a newer reference; the old item is back (detached): new reference.
        let history = [done(0, "2025-03-31"), done(1, "2025-03-31")];
        let items = [item(1, "2025-01-31", false), item(2, "2025-03-31", false)];
        let n = next_step(&s, &items, &history, d("2025-02-10")).unwrap();
        assert_eq!(n.reference_due, d("2025-01-31"));
        assert_eq!((n.step, n.due_on), (1, d("2025-02-05")));
        assert_eq!(n.skipped, [0]);
        // Held again: back to the newer reference, whose funnel continues at step 2.
        let held = [item(1, "2025-01-31", true), item(2, "2025-03-31", false)];
        let n = next_step(&s, &held, &history, d("2025-02-10")).unwrap();
        assert_eq!((n.step, n.due_on), (2, d("2025-04-15")));
    }

    #[test]
    fn scenario_rules() {
        let mut s = default_scenario();
        s.steps[2].offset_days = 5;
        s.steps[3].offset_days = 400;
        let e = check(&s);
        let pointers: Vec<&str> = e.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/steps/2/offset_days", "/steps/3/offset_days"]);
        s.steps.clear();
        s.code = "X".into();
        assert_eq!(check(&s).0.len(), 2);
        assert_eq!(StepType::parse("call"), Some(StepType::Call));
        assert_eq!(StepType::parse("fax"), None);
    }

    fn scenario_and_next(items: &[ScenarioItem]) -> (Scenario, NextStep) {
        let s = default_scenario();
        let next = next_step(&s, items, &[], d("2025-03-20")).unwrap();
        (s, next)
    }

    #[test]
    fn a_recorded_step_is_the_next_one_or_one_that_exists() {
        let items = [item(1, "2025-03-01", false)];
        let (s, next) = scenario_and_next(&items);
        assert_eq!(choose_step(&s, &next, None).unwrap(), next.step);
        assert_eq!(choose_step(&s, &next, Some(0)).unwrap(), 0);
        let e = choose_step(&s, &next, Some(4)).unwrap_err();
        assert_eq!(e.0[0].pointer, "/step");
        assert_eq!(
            e.0[0].message,
            "scenario \"default\" has steps 0 to 3, not 4"
        );
        assert!(choose_step(&s, &next, Some(-1)).is_err());
    }

    #[test]
    fn recorded_items_must_be_in_the_scenario() {
        let items = [
            item(1, "2025-03-01", false),
            item(2, "2025-03-02", true),
            item(3, "2099-01-01", false),
        ];
        let (_, next) = scenario_and_next(&items);
        let keys = |v: Vec<&ScenarioItem>| v.iter().map(|i| i.key).collect::<Vec<_>>();
        assert_eq!(
            keys(chosen_items(&items, &next, None, "C1").unwrap()),
            [1],
            "by default: the covered items"
        );
        let named = ["I3".to_string()];
        assert_eq!(
            keys(chosen_items(&items, &next, Some(&named), "C1").unwrap()),
            [3],
            "a named item not yet due may be reminded"
        );
        let bad = ["I2".to_string(), "X".to_string()];
        let e = chosen_items(&items, &next, Some(&bad), "C1").unwrap_err();
        assert!(e.0[0].message.contains("held by a live action"));
        assert_eq!(e.0[1].pointer, "/item_ids/1");
        assert!(e.0[1].message.contains("customer \"C1\""));
    }
}
