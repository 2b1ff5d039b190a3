//! Specific actions and action models.
//!
//! A specific action (dispute follow-up, promise follow-up, call, ...) holds items: while it
//! is live they are out of the reminder scenario. An action model is a template of specific
//! action (type, default name, delay in days); a status linked to a model makes qualifying
//! with that status suggest the action and its follow-up date.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::dates::format_date;
use crate::input::Object;
use crate::validation::Invalid;

/// Most items one request may name.
pub const MAX_ITEMS: usize = 5_000;
/// Longest comment (status changes, actions, replies).
pub const MAX_COMMENT: usize = 4_000;
/// Longest action name.
pub const MAX_NAME: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionType {
    Dispute,
    Promise,
    Call,
    Email,
    Letter,
    Task,
}

impl ActionType {
    pub const ALL: [ActionType; 6] = [
        ActionType::Dispute,
        ActionType::Promise,
        ActionType::Call,
        ActionType::Email,
        ActionType::Letter,
        ActionType::Task,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            ActionType::Dispute => "dispute",
            ActionType::Promise => "promise",
            ActionType::Call => "call",
            ActionType::Email => "email",
            ActionType::Letter => "letter",
            ActionType::Task => "task",
        }
    }

    pub fn parse(s: &str) -> Option<ActionType> {
        ActionType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// "dispute, promise, call, email, letter, task" for error messages.
    pub fn names() -> String {
        ActionType::ALL.map(|t| t.as_str()).join(", ")
    }
}

/// Where a specific action stands: `live` holds its items out of the scenario until it is
/// terminated (`done`), which is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionState {
    Live,
    Done,
}

impl ActionState {
    pub fn as_str(&self) -> &'static str {
        match self {
            ActionState::Live => "live",
            ActionState::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<ActionState> {
        [ActionState::Live, ActionState::Done]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// Longest follow-up delay a model may propose (a year and a half).
pub const MAX_DELAY_DAYS: i64 = 550;

/// A template of specific action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionModel {
    pub code: String,
    pub action_type: ActionType,
    pub name: String,
    pub delay_days: i64,
    pub active: bool,
    /// The name in other languages (`{"ja": "係争のフォローアップ"}`), like statuses' labels.
    pub labels: std::collections::BTreeMap<String, String>,
}

/// The name an action shows a reader: its model's label in the reader's language (else the
/// model's name) while the action still bears a name the model gave; a name someone typed
/// stays as typed.
pub fn shown_name(name: &str, model: Option<&ActionModel>, language: &str) -> String {
    let Some(m) = model else {
        return name.to_string();
    };
    let given = name == m.name || m.labels.values().any(|l| l == name);
    if !given {
        return name.to_string();
    }
    let primary = language.split('-').next().unwrap_or(language);
    m.labels
        .get(language)
        .or_else(|| m.labels.get(primary))
        .cloned()
        .unwrap_or_else(|| m.name.clone())
}

/// The seeded models' names in the 15 languages of the pages.
pub fn default_model_labels(code: &str) -> std::collections::BTreeMap<String, String> {
    let names: &[(&str, &str, &str)] = &[
        ("en", "Dispute follow-up", "Promise follow-up"),
        ("fr", "Suivi du litige", "Suivi de la promesse"),
        (
            "de",
            "Reklamation nachverfolgen",
            "Zahlungszusage nachverfolgen",
        ),
        (
            "es",
            "Seguimiento de la incidencia",
            "Seguimiento de la promesa",
        ),
        (
            "it",
            "Seguito della contestazione",
            "Seguito della promessa",
        ),
        ("nl", "Opvolging geschil", "Opvolging betalingsbelofte"),
        (
            "pt",
            "Acompanhamento do litígio",
            "Acompanhamento da promessa",
        ),
        (
            "pt-BR",
            "Acompanhamento da contestação",
            "Acompanhamento da promessa",
        ),
        (
            "pl",
            "Monitorowanie reklamacji",
            "Monitorowanie obietnicy zapłaty",
        ),
        (
            "ro",
            "Urmărirea litigiului",
            "Urmărirea promisiunii de plată",
        ),
        ("hr", "Praćenje reklamacije", "Praćenje obećanja plaćanja"),
        (
            "sv",
            "Uppföljning av reklamation",
            "Uppföljning av betalningslöfte",
        ),
        ("tr", "İtiraz takibi", "Ödeme sözü takibi"),
        ("ja", "係争のフォローアップ", "支払約束のフォローアップ"),
        ("zh-Hans", "争议跟进", "付款承诺跟进"),
    ];
    names
        .iter()
        .filter_map(|(l, dispute, promise)| match code {
            "dispute_follow_up" => Some((l.to_string(), dispute.to_string())),
            "promise_follow_up" => Some((l.to_string(), promise.to_string())),
            _ => None,
        })
        .collect()
}

/// The default models seeded by migration: `dispute_follow_up` is linked to the dispute
/// statuses, `promise_follow_up` to `promise_to_pay`.
pub fn default_models() -> Vec<ActionModel> {
    vec![
        ActionModel {
            code: "dispute_follow_up".into(),
            action_type: ActionType::Dispute,
            name: "Dispute follow-up".into(),
            delay_days: 7,
            active: true,
            labels: default_model_labels("dispute_follow_up"),
        },
        ActionModel {
            code: "promise_follow_up".into(),
            action_type: ActionType::Promise,
            name: "Promise follow-up".into(),
            delay_days: 1,
            active: true,
            labels: default_model_labels("promise_follow_up"),
        },
    ]
}

/// The action a status proposes: its model's type and name, dated status date + delay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub model: String,
    #[serde(rename = "type")]
    pub action_type: ActionType,
    pub name: String,
    #[serde(serialize_with = "ser_date")]
    pub date: NaiveDate,
}

fn ser_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_date(*d))
}

pub fn suggest(model: &ActionModel, status_date: NaiveDate) -> Suggestion {
    let delay = Days::new(model.delay_days.clamp(0, MAX_DELAY_DAYS) as u64);
    Suggestion {
        model: model.code.clone(),
        action_type: model.action_type,
        name: model.name.clone(),
        date: status_date.checked_add_days(delay).unwrap_or(status_date),
    }
}

/// A resolver as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolverState {
    pub id: i64,
    pub active: bool,
}

/// The resolver rule of status changes and actions: a resolver named at `pointer` must exist
/// and be active.
pub fn check_resolver(
    pointer: &str,
    id: Option<i64>,
    resolvers: &[ResolverState],
    errors: &mut Invalid,
) {
    let Some(id) = id else { return };
    match resolvers.iter().find(|r| r.id == id) {
        None => errors.push(pointer, Some("resolver_id"), format!("no resolver {id}")),
        Some(r) if !r.active => errors.push(
            pointer,
            Some("resolver_id"),
            format!("resolver {id} is deactivated"),
        ),
        Some(_) => {}
    }
}

/// Why an action refuses a change: it is terminated, which is final.
pub fn check_live(id: i64, state: ActionState, done_on: Option<&str>) -> Result<(), String> {
    match state {
        ActionState::Live => Ok(()),
        ActionState::Done => Err(format!(
            "action {id} is terminated (done on {})",
            done_on.unwrap_or("?")
        )),
    }
}

/// An action can be terminated without losing anything once every item it holds is closed
/// (paid or settled): the agenda shows it as ready.
pub fn ready_to_terminate(state: ActionState, items_closed: &[bool]) -> bool {
    state == ActionState::Live && !items_closed.is_empty() && items_closed.iter().all(|c| *c)
}

/// Terminating a dispute follow-up gives its disputed items a status of kind `resolved`:
/// without an active one the termination cannot say what the items became.
pub fn check_terminate(
    action_type: ActionType,
    resolved_status: Option<&str>,
) -> Result<(), &'static str> {
    if action_type == ActionType::Dispute && resolved_status.is_none() {
        return Err(
            "no active status of kind resolved: reactivate \"dispute_resolved\" or create one",
        );
    }
    Ok(())
}

/// Detaching: every item named must be held by this action. `holders[i]` is, for
/// `ids[i]`, `None` when the item is unknown, else the live action holding it (if any).
pub fn check_detach(
    action_id: i64,
    ids: &[String],
    holders: &[Option<Option<i64>>],
) -> Result<(), Invalid> {
    let mut errors = Invalid::default();
    for (i, (item_id, holder)) in ids.iter().zip(holders).enumerate() {
        let pointer = format!("/item_ids/{i}");
        match holder {
            Some(Some(a)) if *a == action_id => {}
            Some(_) => errors.push(
                pointer,
                Some("item_ids"),
                format!("item {item_id:?} is not attached to action {action_id}"),
            ),
            None => errors.push(
                pointer,
                Some("item_ids"),
                format!("no item with id {item_id:?}"),
            ),
        }
    }
    errors.into_result()
}

/// The editable fields of an action; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionChanges {
    pub name: Option<String>,
    pub date: Option<String>,
    pub action_type: Option<ActionType>,
    /// `Some(None)` removes the resolver.
    pub resolver_id: Option<Option<i64>>,
    /// `Some(None)` removes the comment.
    pub comment: Option<Option<String>>,
}

/// Reads the body of an action edit: `name`, `date`, `type`, `resolver_id` and `comment`,
/// each optional (`null` removes a resolver or a comment).
pub fn read_changes(o: &mut Object) -> ActionChanges {
    let mut c = ActionChanges {
        name: o.opt_text("name", MAX_NAME),
        date: o.opt_date("date").map(format_date),
        ..Default::default()
    };
    if let Some(t) = o.opt_choice("type", 20) {
        match ActionType::parse(&t) {
            Some(t) => c.action_type = Some(t),
            None => o.err(
                "type",
                format!("{t:?} is not one of {}", ActionType::names()),
            ),
        }
    }
    if o.has("resolver_id") {
        c.resolver_id = Some(o.opt_int("resolver_id"));
    }
    if o.has("comment") {
        c.comment = Some(o.opt_multiline("comment", MAX_COMMENT));
    }
    c
}

/// Reads the body of a termination: an optional `date` (default today) and `comment`.
pub fn read_termination(o: &mut Object) -> (Option<NaiveDate>, Option<String>) {
    (o.opt_date("date"), o.opt_multiline("comment", MAX_COMMENT))
}

/// How a promise to pay ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseOutcome {
    /// Every item it held was paid.
    Kept,
    /// Its date passed with items still open: they go back to the reminder scenario.
    Broken,
}

impl PromiseOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            PromiseOutcome::Kept => "kept",
            PromiseOutcome::Broken => "broken",
        }
    }
}

/// A live promise due on `due` holding `open_items` still open, seen on `today`: kept once
/// nothing it holds is open; broken the day after its date with something still open
/// (the promised day itself is the customer's); otherwise still running.
pub fn promise_outcome(
    due: NaiveDate,
    today: NaiveDate,
    open_items: i64,
) -> Option<PromiseOutcome> {
    if open_items == 0 {
        Some(PromiseOutcome::Kept)
    } else if today > due {
        Some(PromiseOutcome::Broken)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_promise_is_kept_when_paid_and_broken_the_day_after_its_date() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let due = d("2026-12-10");
        assert_eq!(
            promise_outcome(due, d("2026-12-10"), 2),
            None,
            "the day itself"
        );
        assert_eq!(
            promise_outcome(due, d("2026-12-11"), 2),
            Some(PromiseOutcome::Broken)
        );
        assert_eq!(
            promise_outcome(due, d("2026-12-11"), 0),
            Some(PromiseOutcome::Kept)
        );
        assert_eq!(
            promise_outcome(due, d("2026-12-01"), 0),
            Some(PromiseOutcome::Kept),
            "paid early"
        );
    }

    use super::*;

    #[test]
    fn an_action_shows_its_models_label_in_the_readers_language_unless_renamed() {
        let m = &default_models()[0];
        assert_eq!(
            shown_name("Dispute follow-up", Some(m), "ja"),
            "係争のフォローアップ"
        );
        assert_eq!(
            shown_name("Dispute follow-up", Some(m), "pt-BR"),
            "Acompanhamento da contestação"
        );
        assert_eq!(
            shown_name("Suivi du litige", Some(m), "de"),
            "Reklamation nachverfolgen"
        );
        assert_eq!(
            shown_name("Dispute follow-up", Some(m), "xx"),
            "Dispute follow-up"
        );
        // Renamed by hand: shown as typed, whatever the language.
        assert_eq!(
            shown_name("Call Sam on Monday", Some(m), "ja"),
            "Call Sam on Monday"
        );
        assert_eq!(
            shown_name("Dispute follow-up", None, "ja"),
            "Dispute follow-up"
        );
        assert_eq!(default_model_labels("dispute_follow_up").len(), 15);
    }
    use crate::input::parse_object;

    fn read<T>(body: &str, f: impl FnOnce(&mut Object) -> T) -> (T, Invalid) {
        let map = parse_object(body.as_bytes()).unwrap();
        let mut errors = Invalid::default();
        let mut o = Object::new(&map, "", &mut errors);
        let t = f(&mut o);
        o.finish(&[]);
        (t, errors)
    }

    #[test]
    fn states_parse_and_print() {
        for s in [ActionState::Live, ActionState::Done] {
            assert_eq!(ActionState::parse(s.as_str()), Some(s));
        }
        assert_eq!(ActionState::parse("open"), None);
        assert_eq!(serde_json::to_value(ActionState::Done).unwrap(), "done");
    }

    #[test]
    fn resolvers_must_exist_and_be_active() {
        let known = [
            ResolverState {
                id: 1,
                active: true,
            },
            ResolverState {
                id: 2,
                active: false,
            },
        ];
        let mut e = Invalid::default();
        check_resolver("/resolver_id", None, &known, &mut e);
        check_resolver("/resolver_id", Some(1), &known, &mut e);
        assert!(e.is_empty());
        check_resolver("/resolver_id", Some(2), &known, &mut e);
        check_resolver("/next_action/resolver_id", Some(9), &known, &mut e);
        assert_eq!(e.0[0].message, "resolver 2 is deactivated");
        assert_eq!(e.0[1].pointer, "/next_action/resolver_id");
        assert_eq!(e.0[1].message, "no resolver 9");
    }

    #[test]
    fn only_live_actions_change() {
        assert!(check_live(3, ActionState::Live, None).is_ok());
        assert_eq!(
            check_live(3, ActionState::Done, Some("2025-03-01")).unwrap_err(),
            "action 3 is terminated (done on 2025-03-01)"
        );
    }

    #[test]
    fn ready_to_terminate_when_every_item_is_closed() {
        assert!(ready_to_terminate(ActionState::Live, &[true, true]));
        assert!(!ready_to_terminate(ActionState::Live, &[true, false]));
        assert!(
            !ready_to_terminate(ActionState::Live, &[]),
            "an empty action"
        );
        assert!(!ready_to_terminate(ActionState::Done, &[true]));
    }

    #[test]
    fn a_dispute_follow_up_needs_a_resolved_status_to_terminate() {
        assert!(check_terminate(ActionType::Dispute, Some("dispute_resolved")).is_ok());
        assert!(check_terminate(ActionType::Dispute, None).is_err());
        assert!(check_terminate(ActionType::Call, None).is_ok());
    }

    #[test]
    fn detach_names_unknown_items_and_items_of_other_actions() {
        let ids = [
            "A".to_string(),
            "B".to_string(),
            "C".to_string(),
            "D".to_string(),
        ];
        let holders = [Some(Some(7)), Some(Some(8)), Some(None), None];
        let e = check_detach(7, &ids, &holders).unwrap_err();
        let got: Vec<(&str, &str)> =
            e.0.iter()
                .map(|f| (f.pointer.as_str(), f.message.as_str()))
                .collect();
        assert_eq!(
            got,
            [
                ("/item_ids/1", "item \"B\" is not attached to action 7"),
                ("/item_ids/2", "item \"C\" is not attached to action 7"),
                ("/item_ids/3", "no item with id \"D\""),
            ]
        );
        assert!(check_detach(7, &ids[..1], &holders[..1]).is_ok());
    }

    #[test]
    fn changes_read_each_field_and_refuse_bad_ones() {
        let (c, e) = read(
            r#"{"name":"Call back","date":"2025-03-10","type":"call","resolver_id":null,"comment":"x"}"#,
            read_changes,
        );
        assert!(e.is_empty(), "{e}");
        assert_eq!(c.name.as_deref(), Some("Call back"));
        assert_eq!(c.date.as_deref(), Some("2025-03-10"));
        assert_eq!(c.action_type, Some(ActionType::Call));
        assert_eq!(c.resolver_id, Some(None));
        assert_eq!(c.comment, Some(Some("x".into())));
        let (c, e) = read(r#"{}"#, read_changes);
        assert_eq!(c, ActionChanges::default());
        assert!(e.is_empty());
        let (_, e) = read(
            r#"{"type":"visit","date":"2025-02-30","colour":"red"}"#,
            read_changes,
        );
        let pointers: Vec<&str> = e.0.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(pointers, ["/date", "/type", "/colour"]);
    }

    #[test]
    fn a_termination_reads_an_optional_date_and_comment() {
        let ((d, c), e) = read(
            r#"{"date":"2025-03-01","comment":"paid"}"#,
            read_termination,
        );
        assert!(e.is_empty());
        assert_eq!(d, "2025-03-01".parse().ok());
        assert_eq!(c.as_deref(), Some("paid"));
        let (_, e) = read(r#"{"date":"soon"}"#, read_termination);
        assert_eq!(e.0[0].pointer, "/date");
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn types_parse_and_print() {
        for t in ActionType::ALL {
            assert_eq!(ActionType::parse(t.as_str()), Some(t));
        }
        assert_eq!(ActionType::parse("visit"), None);
        assert!(ActionType::names().starts_with("dispute, promise"));
    }

    #[test]
    fn suggestion_is_status_date_plus_delay() {
        let m = &default_models()[0];
        let s = suggest(m, d("2025-02-25"));
        assert_eq!(s.date, d("2025-03-04"));
        assert_eq!(s.action_type, ActionType::Dispute);
        assert_eq!(s.name, "Dispute follow-up");
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["date"], "2025-03-04");
        assert_eq!(json["type"], "dispute");
    }

    #[test]
    fn delays_are_bounded() {
        let mut m = default_models()[1].clone();
        m.delay_days = -4;
        assert_eq!(suggest(&m, d("2025-01-01")).date, d("2025-01-01"));
        m.delay_days = 10_000;
        assert_eq!(
            suggest(&m, d("2025-01-01")).date,
            d("2025-01-01") + Days::new(MAX_DELAY_DAYS as u64)
        );
    }
}
