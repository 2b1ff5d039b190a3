//! Reminder scenarios, assignment, the step log and the agenda against rusqlite.

mod common;

use common::*;
use settle_domain::config::ScenarioConfig;
use settle_domain::scenario::{Scenario, Step, StepType};
use settle_store::scenarios::{self, AgendaFilter, NewReminder};

fn strict() -> ScenarioConfig {
    ScenarioConfig {
        scenario: Scenario {
            code: "strict".into(),
            name: "Strict".into(),
            steps: vec![Step {
                offset_days: 1,
                step_type: StepType::Call,
                template: None,
            }],
        },
        is_default: false,
        active: true,
    }
}

#[test]
fn scenarios_save_read_and_assign() {
    let db = db();
    let all = scenarios::scenarios(&db).unwrap();
    assert_eq!(all.len(), 1);
    assert!(all[0].is_default, "the default scenario is seeded");
    scenarios::save_scenario(&db, &strict(), NOW).unwrap();
    assert_eq!(
        scenarios::scenario(&db, "strict").unwrap().unwrap(),
        strict()
    );
    assert!(scenarios::scenario(&db, "nope").unwrap().is_none());
    let c1 = customer_key(&db, "C1");
    assert_eq!(
        scenarios::scenario_of(&db, c1).unwrap().unwrap().code,
        "default"
    );
    scenarios::assign(&db, c1, Some("strict"), NOW).unwrap();
    assert_eq!(
        scenarios::scenario_of(&db, c1).unwrap().unwrap().code,
        "strict"
    );
    scenarios::assign(&db, c1, None, NOW).unwrap();
    assert_eq!(
        scenarios::scenario_of(&db, c1).unwrap().unwrap().code,
        "default"
    );
}

#[test]
fn scenario_items_mark_held_ones_and_steps_are_logged() {
    let db = db();
    price_dispute(&db);
    let c1 = customer_key(&db, "C1");
    let items = scenarios::scenario_items(&db, c1).unwrap();
    let view: Vec<(&str, bool)> = items.iter().map(|i| (i.id.as_str(), i.held)).collect();
    assert_eq!(view, [("I1", true), ("I2", true), ("I3", false)]);
    // The reference date read in SQL is the domain rule's, on the same items.
    assert_eq!(
        scenarios::reference_due(&db, c1).unwrap(),
        settle_domain::scenario::reference_due(&items)
    );
    assert_eq!(
        scenarios::reference_due(&db, c1).unwrap(),
        Some(d("2025-04-01"))
    );
    assert_eq!(
        scenarios::reference_due(&db, customer_key(&db, "C2")).unwrap(),
        Some(d("2025-02-01"))
    );
    let reminder = scenarios::record_reminder(
        &db,
        &NewReminder {
            customer_key: c1,
            customer_id: "C1",
            scenario: "default",
            step: 0,
            step_type: "email",
            reference_due: d("2025-04-01"),
            done_on: today(),
            items: &[(key(&db, "I3"), "I3".into())],
            comment: Some("sent"),
        },
        "alice",
        NOW,
    )
    .unwrap();
    assert_eq!(reminder.item_ids, ["I3"]);
    let done = scenarios::done_steps(&db, c1, "default").unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!((done[0].step, done[0].reference_due), (0, d("2025-04-01")));
    assert!(scenarios::done_steps(&db, c1, "strict").unwrap().is_empty());
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM item_history WHERE event = 'reminder'"
        ),
        1
    );
}

#[test]
fn the_agenda_lists_actions_due_and_scenario_steps() {
    let db = db();
    price_dispute(&db); // action due 2025-03-08 holding I1, I2
    let (entries, total) =
        scenarios::agenda(&db, d("2025-03-10"), &AgendaFilter::default(), 0, 50).unwrap();
    assert_eq!(total, entries.len());
    let kinds: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.kind, e.customer.id.as_str()))
        .collect();
    assert!(kinds.contains(&("action", "C1")), "{kinds:?}");
    assert!(kinds.contains(&("scenario_step", "C2")), "{kinds:?}");
    let action = entries.iter().find(|e| e.kind == "action").unwrap();
    assert_eq!(action.amounts[0].open_amount, "150.00");
    let (by_resolver, _) = scenarios::agenda(
        &db,
        d("2025-03-10"),
        &AgendaFilter {
            resolver_id: Some(1),
            ..Default::default()
        },
        0,
        50,
    )
    .unwrap();
    assert!(by_resolver.iter().all(|e| e.kind == "action"));
    let (none, _) =
        scenarios::agenda(&db, d("2025-03-01"), &AgendaFilter::default(), 0, 50).unwrap();
    assert!(none.iter().all(|e| e.kind != "action"), "not due yet");
}
