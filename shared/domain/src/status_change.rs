//! The status change (qualifying items): the "Change status" call (step 1: status, date, comment, resolver;
//! step 3: the next action), its input and its rules.
//!
//! Parsing checks the shape of the request; [`check`] checks it against what the store found
//! (the items, the status, the resolvers), so the rules are tested without a database.

use chrono::NaiveDate;
use serde_json::Value;

use crate::actions::{ActionModel, ActionType, Suggestion, check_resolver, suggest};
use crate::catalog::{Status, StatusKind};
use crate::dates::format_date;
use crate::input::{Object, parse_object};
use crate::validation::Invalid;

/// At most this many items per status change.
pub use crate::actions::{MAX_COMMENT, MAX_ITEMS, MAX_NAME, ResolverState};

/// What happens after the status: step 3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextAction {
    /// The items stay in the reminder scenario.
    Scenario,
    /// Create the action the status's model proposes.
    Suggested,
    /// Create this action.
    Explicit(ExplicitAction),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplicitAction {
    pub action_type: ActionType,
    pub name: String,
    pub date: NaiveDate,
    pub resolver_id: Option<i64>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChangeIn {
    pub item_ids: Vec<String>,
    pub status: String,
    pub status_date: Option<NaiveDate>,
    pub comment: Option<String>,
    pub resolver_id: Option<i64>,
    pub next_action: NextAction,
    /// The disputed amount of some items (`"amounts": {"INV-1": "150.00"}`), as given;
    /// checked by [`check`] once the items' currencies are known. Dispute statuses only.
    pub amounts: Vec<(String, String)>,
}

pub fn parse_status_change(body: &[u8]) -> Result<StatusChangeIn, Invalid> {
    let map = parse_object(body)?;
    let mut errors = Invalid::default();
    let mut o = Object::new(&map, "", &mut errors);
    let item_ids = o.id_list("item_ids", MAX_ITEMS);
    let status = o.text("status", 64);
    let status_date = o.opt_date("status_date");
    let comment = o.opt_multiline("comment", MAX_COMMENT);
    let resolver_id = o.opt_int("resolver_id");
    let amounts = o.opt_string_map("amounts", 32).unwrap_or_default();
    let next_action = match o.raw("next_action") {
        None => Some(NextAction::Scenario),
        Some(Value::String(s)) if s == "scenario" => Some(NextAction::Scenario),
        Some(Value::String(s)) if s == "suggested" => Some(NextAction::Suggested),
        Some(Value::Object(m)) => {
            let mut a = Object::new(m, "/next_action", o.errors);
            let action = read_action(&mut a);
            a.finish(&[]);
            action.map(NextAction::Explicit)
        }
        Some(_) => {
            o.err(
                "next_action",
                "next_action must be \"scenario\", \"suggested\" or an object {type, name, date, resolver_id?, comment?}",
            );
            None
        }
    };
    o.finish(&[]);
    match (item_ids, status, next_action) {
        (Some(item_ids), Some(status), Some(next_action)) if errors.is_empty() => {
            Ok(StatusChangeIn {
                item_ids,
                status,
                status_date,
                comment,
                resolver_id,
                next_action,
                amounts,
            })
        }
        _ => Err(errors),
    }
}

/// An item as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemState {
    pub id: String,
    pub customer_id: String,
    pub open: bool,
    /// The open amount in minor units of `currency`.
    pub open_minor: i64,
    pub currency: String,
}

/// What the store found for a status change.
pub struct Found<'a> {
    /// One entry per `item_ids` entry, in order; `None` for an unknown id.
    pub items: &'a [Option<ItemState>],
    pub status: Option<&'a Status>,
    /// The status's action model, when it has an active one.
    pub model: Option<&'a ActionModel>,
    /// Every resolver the request names (status change and explicit action).
    pub resolvers: &'a [ResolverState],
}

/// The item rules of qualifying and of specific actions: every id known, every item open,
/// all of one customer (whose id is returned). Errors point at `/item_ids/<n>`.
pub fn check_items(
    ids: &[String],
    items: &[Option<ItemState>],
    errors: &mut Invalid,
) -> Option<String> {
    let mut customers: Vec<&str> = Vec::new();
    for (i, (id, item)) in ids.iter().zip(items).enumerate() {
        let p = format!("/item_ids/{i}");
        match item {
            None => errors.push(p, Some("item_ids"), format!("no item with id {id:?}")),
            Some(it) if !it.open => errors.push(
                p,
                Some("item_ids"),
                format!("item {id:?} is closed (open amount 0); only open items can be qualified"),
            ),
            Some(it) => {
                if !customers.contains(&it.customer_id.as_str()) {
                    customers.push(&it.customer_id);
                }
            }
        }
    }
    if customers.len() > 1 {
        errors.push(
            "/item_ids",
            Some("item_ids"),
            format!(
                "the items belong to several customers ({}); a status change or action covers one customer's items",
                customers.join(", ")
            ),
        );
    }
    customers.first().map(|c| c.to_string())
}

/// A specific action created on its own (without a status change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    pub item_ids: Vec<String>,
    pub action: ExplicitAction,
}

/// Reads `{"item_ids", "type", "name", "date", "resolver_id"?, "comment"?}`.
pub fn parse_new_action(body: &[u8]) -> Result<NewAction, Invalid> {
    let map = parse_object(body)?;
    let mut errors = Invalid::default();
    let mut o = Object::new(&map, "", &mut errors);
    let item_ids = o.id_list("item_ids", MAX_ITEMS);
    let action = read_action(&mut o);
    o.finish(&[]);
    match (item_ids, action) {
        (Some(item_ids), Some(action)) if errors.is_empty() => Ok(NewAction { item_ids, action }),
        _ => Err(errors),
    }
}

/// The fields of an explicit action (`type`, `name`, `date`, `resolver_id`?, `comment`?).
fn read_action(a: &mut Object) -> Option<ExplicitAction> {
    let t = a.text("type", 20);
    let action_type = t.as_deref().and_then(|t| {
        let parsed = ActionType::parse(t);
        if parsed.is_none() {
            a.err(
                "type",
                format!("{t:?} is not one of {}", ActionType::names()),
            );
        }
        parsed
    });
    let name = a.text("name", MAX_NAME);
    let date = a.date("date");
    let resolver_id = a.opt_int("resolver_id");
    let comment = a.opt_multiline("comment", MAX_COMMENT);
    Some(ExplicitAction {
        action_type: action_type?,
        name: name?,
        date: date?,
        resolver_id,
        comment,
    })
}

/// The checked plan of a status change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub customer_id: String,
    pub status_date: NaiveDate,
    pub kind: StatusKind,
    /// What the status proposes, even when not applied.
    pub suggestion: Option<Suggestion>,
    /// The action to create, if any.
    pub action: Option<ExplicitAction>,
    /// For a dispute status: the disputed amount of each item, in `item_ids` order (the
    /// whole open amount unless `amounts` says less). Empty otherwise.
    pub disputed: Vec<i64>,
}

impl Plan {
    /// The disputed amount of the `n`th item of the change, whose open amount is `open`.
    pub fn disputed_of(&self, n: usize, open: i64) -> i64 {
        self.disputed.get(n).copied().unwrap_or(open)
    }
}

/// Step 1 and step 3 rules: items known, open and of one customer; the status known and
/// active; a comment for dispute kinds; resolvers known and active; `suggested` only for a
/// status with an action model. Every violation is reported.
pub fn check(input: &StatusChangeIn, found: &Found, today: NaiveDate) -> Result<Plan, Invalid> {
    let mut errors = Invalid::default();
    let customer = check_items(&input.item_ids, found.items, &mut errors);
    let status_date = input.status_date.unwrap_or(today);
    let mut kind = StatusKind::Info;
    match found.status {
        None => errors.push(
            "/status",
            Some("status"),
            format!("unknown status {:?}", input.status),
        ),
        Some(s) if !s.active => errors.push(
            "/status",
            Some("status"),
            format!("status {:?} is deactivated", s.code),
        ),
        Some(s) => {
            kind = s.kind;
            if s.kind == StatusKind::Dispute && input.comment.is_none() {
                errors.push(
                    "/comment",
                    Some("comment"),
                    format!(
                        "a comment is required for the dispute status {:?}: describe the customer's words",
                        s.code
                    ),
                );
            }
        }
    }
    check_resolver(
        "/resolver_id",
        input.resolver_id,
        found.resolvers,
        &mut errors,
    );
    if let NextAction::Explicit(a) = &input.next_action {
        check_resolver(
            "/next_action/resolver_id",
            a.resolver_id,
            found.resolvers,
            &mut errors,
        );
    }
    let disputed = if kind == StatusKind::Dispute {
        crate::disputes::disputed_amounts(&input.item_ids, found.items, &input.amounts, &mut errors)
    } else {
        if !input.amounts.is_empty() && found.status.is_some() {
            errors.push(
                "/amounts",
                Some("amounts"),
                format!(
                    "amounts are for dispute statuses; {:?} is not one",
                    input.status
                ),
            );
        }
        Vec::new()
    };
    let suggestion = found.model.map(|m| suggest(m, status_date));
    let action = match &input.next_action {
        NextAction::Scenario => None,
        NextAction::Suggested => match &suggestion {
            Some(s) => Some(ExplicitAction {
                action_type: s.action_type,
                name: s.name.clone(),
                date: s.date,
                resolver_id: input.resolver_id,
                comment: input.comment.clone(),
            }),
            None => {
                if found.status.is_some() {
                    errors.push(
                        "/next_action",
                        Some("next_action"),
                        format!(
                            "status {:?} has no linked action model to suggest; give an explicit action or \"scenario\"",
                            input.status
                        ),
                    );
                }
                None
            }
        },
        NextAction::Explicit(a) => Some(ExplicitAction {
            resolver_id: a.resolver_id.or(input.resolver_id),
            comment: a.comment.clone().or_else(|| input.comment.clone()),
            ..a.clone()
        }),
    };
    errors.into_result()?;
    Ok(Plan {
        customer_id: customer.unwrap_or_default(),
        status_date,
        kind,
        suggestion,
        action,
        disputed,
    })
}

/// Step 3 as a person fills it in a form: the fields of the proposed action, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFields {
    pub action_type: String,
    pub name: String,
    pub date: String,
    pub resolver_id: String,
    pub comment: String,
}

/// The `next_action` of a status change from step 3: `None` lets the scenario run; an
/// action left exactly as suggested (type, name, date, and the step-1 resolver) is the
/// suggested action, so it keeps its model; anything edited is an explicit action with the
/// fields as typed (the body reader then checks them).
pub fn chosen_next_action(
    action: Option<&ActionFields>,
    suggestion: Option<&crate::actions::Suggestion>,
    resolver_id: Option<i64>,
) -> Value {
    let Some(a) = action else {
        return Value::from("scenario");
    };
    let resolver = a.resolver_id.trim();
    let same_resolver = match resolver_id {
        Some(r) => resolver == r.to_string(),
        None => resolver.is_empty(),
    };
    if let Some(s) = suggestion
        && a.action_type == s.action_type.as_str()
        && a.name.trim() == s.name
        && a.date == format_date(s.date)
        && same_resolver
        && a.comment.trim().is_empty()
    {
        return Value::from("suggested");
    }
    let mut m = serde_json::Map::new();
    m.insert("type".into(), a.action_type.clone().into());
    m.insert("name".into(), a.name.trim().into());
    m.insert("date".into(), a.date.clone().into());
    if !resolver.is_empty() {
        m.insert(
            "resolver_id".into(),
            resolver
                .parse::<i64>()
                .map_or_else(|_| Value::from(resolver), Value::from),
        );
    }
    if !a.comment.trim().is_empty() {
        m.insert("comment".into(), a.comment.trim().into());
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::default_models;
    use crate::catalog::default_catalog;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(id: &str, customer: &str, open: bool) -> Option<ItemState> {
        Some(ItemState {
            id: id.into(),
            customer_id: customer.into(),
            open,
            open_minor: if open { 100_000 } else { 0 },
            currency: "EUR".into(),
        })
    }

    fn input(body: &str) -> StatusChangeIn {
        parse_status_change(body.as_bytes()).unwrap()
    }

    const PRICE: &str = r#"{"item_ids": ["F1", "F2"], "status": "price_dispute", "comment": "Unit price is wrong", "resolver_id": 3, "next_action": "suggested"}"#;

    fn run(inp: &StatusChangeIn, items: &[Option<ItemState>]) -> Result<Plan, Invalid> {
        let catalog = default_catalog();
        let models = default_models();
        let status = catalog.iter().find(|s| s.code == inp.status);
        let model = status
            .filter(|s| s.kind == StatusKind::Dispute)
            .map(|_| &models[0]);
        check(
            inp,
            &Found {
                items,
                status,
                model,
                resolvers: &[
                    ResolverState {
                        id: 3,
                        active: true,
                    },
                    ResolverState {
                        id: 4,
                        active: false,
                    },
                ],
            },
            d("2025-03-10"),
        )
    }

    fn pointers(e: &Invalid) -> Vec<&str> {
        e.0.iter().map(|e| e.pointer.as_str()).collect()
    }

    #[test]
    fn suggested_action_is_dated_from_the_status_date() {
        let plan = run(
            &input(PRICE),
            &[item("F1", "C1", true), item("F2", "C1", true)],
        )
        .unwrap();
        assert_eq!(plan.customer_id, "C1");
        assert_eq!(plan.status_date, d("2025-03-10"));
        let a = plan.action.unwrap();
        assert_eq!(a.action_type, ActionType::Dispute);
        assert_eq!(a.date, d("2025-03-17"));
        assert_eq!(a.resolver_id, Some(3));
        assert_eq!(a.comment.as_deref(), Some("Unit price is wrong"));
    }

    #[test]
    fn scenario_keeps_the_suggestion_for_display_but_creates_nothing() {
        let inp = input(&PRICE.replace("\"suggested\"", "\"scenario\""));
        let plan = run(&inp, &[item("F1", "C1", true), item("F2", "C1", true)]).unwrap();
        assert!(plan.action.is_none());
        assert_eq!(plan.suggestion.unwrap().date, d("2025-03-17"));
    }

    #[test]
    fn explicit_action_inherits_resolver_and_comment() {
        let inp = input(
            r#"{"item_ids": ["F1"], "status": "price_dispute", "comment": "c", "resolver_id": 3,
                "status_date": "2025-03-01",
                "next_action": {"type": "call", "name": "Call buyer", "date": "2025-03-05"}}"#,
        );
        let plan = run(&inp, &[item("F1", "C1", true)]).unwrap();
        let a = plan.action.unwrap();
        assert_eq!(
            (a.action_type, a.date, a.resolver_id),
            (ActionType::Call, d("2025-03-05"), Some(3))
        );
        assert_eq!(plan.suggestion.unwrap().date, d("2025-03-08"));
    }

    #[test]
    fn items_of_two_customers_unknown_and_closed_items_are_refused() {
        let inp = input(
            r#"{"item_ids": ["F1", "F2", "F3", "F4"], "status": "price_dispute", "comment": "x"}"#,
        );
        let e = run(
            &inp,
            &[
                item("F1", "C1", true),
                item("F2", "C2", true),
                None,
                item("F4", "C1", false),
            ],
        )
        .unwrap_err();
        assert_eq!(pointers(&e), ["/item_ids/2", "/item_ids/3", "/item_ids"]);
        assert!(e.0[2].message.contains("C1, C2"), "{e}");
        assert!(e.0[1].message.contains("closed"), "{e}");
    }

    #[test]
    fn dispute_needs_a_comment_but_other_kinds_do_not() {
        let e = run(
            &input(r#"{"item_ids": ["F1"], "status": "quality_dispute"}"#),
            &[item("F1", "C1", true)],
        )
        .unwrap_err();
        assert_eq!(pointers(&e), ["/comment"]);
        run(
            &input(r#"{"item_ids": ["F1"], "status": "payment_in_progress"}"#),
            &[item("F1", "C1", true)],
        )
        .unwrap();
    }

    #[test]
    fn unknown_or_inactive_status_and_resolvers_are_refused() {
        let e = run(
            &input(r#"{"item_ids": ["F1"], "status": "nope", "resolver_id": 9}"#),
            &[item("F1", "C1", true)],
        )
        .unwrap_err();
        assert_eq!(pointers(&e), ["/status", "/resolver_id"]);
        let e = run(
            &input(
                r#"{"item_ids": ["F1"], "status": "payment_in_progress",
                    "next_action": {"type": "task", "name": "n", "date": "2025-04-01", "resolver_id": 4}}"#,
            ),
            &[item("F1", "C1", true)],
        )
        .unwrap_err();
        assert_eq!(pointers(&e), ["/next_action/resolver_id"]);
        assert!(e.0[0].message.contains("deactivated"));

        let mut catalog = default_catalog();
        catalog[5].active = false;
        let e = check(
            &input(r#"{"item_ids": ["F1"], "status": "payment_in_progress"}"#),
            &Found {
                items: &[item("F1", "C1", true)],
                status: Some(&catalog[5]),
                model: None,
                resolvers: &[],
            },
            d("2025-01-01"),
        )
        .unwrap_err();
        assert!(e.0[0].message.contains("deactivated"), "{e}");
    }

    #[test]
    fn suggested_without_a_model_is_refused() {
        let e = run(
            &input(r#"{"item_ids": ["F1"], "status": "payment_in_progress", "next_action": "suggested"}"#),
            &[item("F1", "C1", true)],
        )
        .unwrap_err();
        assert_eq!(pointers(&e), ["/next_action"]);
    }

    #[test]
    fn a_new_action_reads_its_fields_and_names_bad_ones() {
        let a = parse_new_action(
            br#"{"item_ids": ["F1", 7], "type": "call", "name": "Call", "date": "2025-04-01", "resolver_id": 2}"#,
        )
        .unwrap();
        assert_eq!(a.item_ids, ["F1", "7"]);
        assert_eq!(a.action.action_type, ActionType::Call);
        assert_eq!(a.action.resolver_id, Some(2));
        let e =
            parse_new_action(br#"{"item_ids": [], "type": "fax", "date": "2025-04-31", "x": 1}"#)
                .unwrap_err();
        assert_eq!(pointers(&e), ["/item_ids", "/type", "/name", "/date", "/x"]);
        let mut errors = Invalid::default();
        let customer = check_items(
            &["A".into(), "B".into()],
            &[item("A", "C1", true), item("B", "C1", true)],
            &mut errors,
        );
        assert_eq!((customer.as_deref(), errors.is_empty()), (Some("C1"), true));
    }

    #[test]
    fn parse_errors_name_their_fields() {
        let e = parse_status_change(
            br#"{"item_ids": [], "status": 5, "status_date": "2025-13-01",
                 "next_action": {"type": "fax", "date": "tomorrow"}, "extra": 1}"#,
        )
        .unwrap_err();
        assert_eq!(
            pointers(&e),
            [
                "/item_ids",
                "/status",
                "/status_date",
                "/next_action/type",
                "/next_action/name",
                "/next_action/date",
                "/extra"
            ]
        );
        let e = parse_status_change(br#"{"item_ids": ["a"], "status": "s", "next_action": 3}"#)
            .unwrap_err();
        assert_eq!(pointers(&e), ["/next_action"]);
        assert_eq!(parse_status_change(b"nope").unwrap_err().0[0].pointer, "");
    }

    #[test]
    fn step_three_keeps_the_suggestion_unless_edited() {
        use crate::actions::{ActionType, Suggestion};
        let s = Suggestion {
            model: "follow_up".into(),
            action_type: ActionType::parse("call").unwrap(),
            name: "Follow up".into(),
            date: NaiveDate::from_ymd_opt(2025, 3, 11).unwrap(),
        };
        let fields = ActionFields {
            action_type: "call".into(),
            name: "Follow up".into(),
            date: "2025-03-11".into(),
            resolver_id: "1".into(),
            comment: String::new(),
        };
        assert_eq!(chosen_next_action(None, Some(&s), Some(1)), "scenario");
        assert_eq!(
            chosen_next_action(Some(&fields), Some(&s), Some(1)),
            "suggested"
        );
        let moved = ActionFields {
            date: "2025-03-20".into(),
            ..fields.clone()
        };
        assert_eq!(
            chosen_next_action(Some(&moved), Some(&s), Some(1)),
            serde_json::json!({"type": "call", "name": "Follow up", "date": "2025-03-20", "resolver_id": 1})
        );
        // Another resolver, or a comment, is an edit too.
        assert!(chosen_next_action(Some(&fields), Some(&s), Some(2)).is_object());
        let noted = ActionFields {
            comment: " call after 2pm ".into(),
            ..fields.clone()
        };
        assert_eq!(
            chosen_next_action(Some(&noted), Some(&s), Some(1))["comment"],
            "call after 2pm"
        );
        // No suggestion: what was typed, even wrong, for the reader to refuse.
        let typed = ActionFields {
            resolver_id: "x".into(),
            ..fields
        };
        assert_eq!(
            chosen_next_action(Some(&typed), None, None)["resolver_id"],
            "x"
        );
    }

    #[test]
    fn disputed_amounts_are_read_for_dispute_statuses_only() {
        let items = [item("F1", "C1", true), item("F2", "C1", true)];
        let with = |status: &str, amounts: &str| {
            input(&format!(
                r#"{{"item_ids": ["F1", "F2"], "status": "{status}", "comment": "c", "amounts": {amounts}}}"#
            ))
        };
        let plan = run(&with("price_dispute", r#"{"F2": "150.50"}"#), &items).unwrap();
        assert_eq!(plan.disputed, vec![100_000, 15_050]);
        let e = run(&with("price_dispute", r#"{"F2": "1000.01"}"#), &items).unwrap_err();
        assert_eq!(pointers(&e), ["/amounts/F2"]);
        let e = run(&with("promise_to_pay", r#"{"F2": "1.00"}"#), &items).unwrap_err();
        assert_eq!(pointers(&e), ["/amounts"]);
        let plan = run(&with("promise_to_pay", "{}"), &items).unwrap();
        assert!(plan.disputed.is_empty());
        // Not an object, or not strings: the reader refuses.
        for bad in [r#""150""#, r#"{"F2": 150}"#] {
            let body = format!(
                r#"{{"item_ids": ["F2"], "status": "price_dispute", "comment": "c", "amounts": {bad}}}"#
            );
            assert!(parse_status_change(body.as_bytes()).is_err(), "{bad}");
        }
    }
}
