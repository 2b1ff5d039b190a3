//! Specific actions and action models.
//!
//! A specific action (dispute follow-up, promise follow-up, call, ...) holds items: while it
//! is live they are out of the reminder scenario. An action model is a template of specific
//! action (type, default name, delay in days); a status linked to a model makes qualifying
//! with that status suggest the action and its follow-up date.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::dates::format_date;

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
        },
        ActionModel {
            code: "promise_follow_up".into(),
            action_type: ActionType::Promise,
            name: "Promise follow-up".into(),
            delay_days: 1,
            active: true,
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

#[cfg(test)]
mod tests {
    use super::*;

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
