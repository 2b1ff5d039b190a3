//! Specific actions against rusqlite: create, read, list, edit with versions, detach,
//! terminate with dispute resolution, and what payments do to them.

mod common;

use common::*;
use settle_domain::actions::{ActionChanges, ActionState, ActionType};
use settle_domain::erp::parse_payments;
use settle_domain::status_change::ExplicitAction;
use settle_store::actions::{self, ActionFilter, Held};
use settle_store::{Db, config, ledger};

fn terminate(db: &settle_store::NativeDb, id: i64) -> actions::Terminated {
    let a = actions::action(db, id).unwrap().unwrap();
    let resolved = config::resolved_status(db).unwrap();
    db.transaction(|db| {
        actions::terminate(
            db,
            &a,
            "2025-03-05",
            Some("credit note issued"),
            resolved.as_deref(),
            "alice",
            LATER,
        )
    })
    .unwrap()
}

#[test]
fn create_holds_items_and_reads_back() {
    let db = db();
    let c1 = customer_key(&db, "C1");
    let held = vec![Held {
        key: key(&db, "I3"),
        id: "I3".into(),
        action_id: None,
    }];
    let a = ExplicitAction {
        action_type: ActionType::Call,
        name: "Call the buyer".into(),
        date: d("2025-03-10"),
        resolver_id: Some(1),
        comment: Some("ask for the PO".into()),
    };
    let created = actions::create(&db, c1, &a, None, &held, None, "alice", NOW).unwrap();
    assert!(created.moved.is_empty());
    let v = actions::action(&db, created.action_id).unwrap().unwrap();
    assert_eq!(v.action_type, ActionType::Call);
    assert_eq!(v.state, ActionState::Live);
    assert_eq!(v.item_ids, ["I3"]);
    assert_eq!(v.resolver.as_ref().unwrap().name, "Sam");
    assert_eq!(v.version, 1);
    let history = actions::history(&db, v.id).unwrap();
    assert_eq!(history[0].event, "created");
    assert!(actions::action(&db, 999).unwrap().is_none());
}

#[test]
fn lists_filter_and_page_by_date_then_id() {
    let db = db();
    price_dispute(&db);
    qualify(
        &db,
        r#"{"item_ids":["J1"],"status":"price_dispute","comment":"x","next_action":"suggested","status_date":"2025-02-20"}"#,
    );
    let all = actions::actions(
        &db,
        &ActionFilter {
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    let dates: Vec<&str> = all.iter().map(|a| a.date.as_str()).collect();
    assert_eq!(dates, ["2025-02-27", "2025-03-08"]);
    let page2 = actions::actions(
        &db,
        &ActionFilter {
            limit: 10,
            after: Some((all[0].date.clone(), all[0].id)),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page2.len(), 1);
    assert_eq!(page2[0].id, all[1].id);
    let c2 = actions::actions(
        &db,
        &ActionFilter {
            limit: 10,
            customer_key: Some(customer_key(&db, "C2")),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(c2.len(), 1);
    let done = actions::actions(
        &db,
        &ActionFilter {
            limit: 10,
            state: Some(ActionState::Done),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(done.is_empty());
    let due = actions::actions(
        &db,
        &ActionFilter {
            limit: 10,
            due_before: Some("2025-03-01".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(due.len(), 1);
}

#[test]
fn an_update_needs_the_current_version() {
    let db = db();
    let id = price_dispute(&db).action_id.unwrap();
    let a = actions::action(&db, id).unwrap().unwrap();
    let changes = ActionChanges {
        date: Some("2025-03-20".into()),
        resolver_id: Some(None),
        ..Default::default()
    };
    assert!(actions::update(&db, &a, a.version, &changes, "alice", LATER).unwrap());
    let after = actions::action(&db, id).unwrap().unwrap();
    assert_eq!((after.date.as_str(), after.version), ("2025-03-20", 2));
    assert!(after.resolver.is_none());
    assert!(
        !actions::update(&db, &a, a.version, &changes, "bob", LATER).unwrap(),
        "a stale version changes nothing"
    );
    assert_eq!(actions::action(&db, id).unwrap().unwrap().version, 2);
    let events: Vec<String> = actions::history(&db, id)
        .unwrap()
        .into_iter()
        .map(|h| h.event)
        .collect();
    assert!(events.contains(&"updated".to_string()), "{events:?}");
}

#[test]
fn detach_returns_items_to_the_scenario() {
    let db = db();
    let id = price_dispute(&db).action_id.unwrap();
    let left = actions::detach(&db, id, &[(key(&db, "I1"), "I1".into())], "alice", LATER).unwrap();
    assert_eq!(left, 1);
    let a = actions::action(&db, id).unwrap().unwrap();
    assert_eq!(a.item_ids, ["I2"]);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM items WHERE erp_id = 'I1' AND action_id IS NULL"
        ),
        1
    );
    let loaded = actions::load_items(&db, &["I1".into(), "I2".into(), "X".into()]).unwrap();
    assert_eq!(loaded[0].as_ref().unwrap().action_id, None);
    assert_eq!(loaded[1].as_ref().unwrap().action_id, Some(id));
    assert!(loaded[2].is_none());
}

#[test]
fn terminating_a_dispute_resolves_its_disputed_items_and_records_delays() {
    let db = db();
    let id = price_dispute(&db).action_id.unwrap();
    let done = terminate(&db, id);
    assert_eq!(done.resolved_item_ids, ["I1", "I2"]);
    assert_eq!(done.released_item_ids, ["I1", "I2"]);
    let a = actions::action(&db, id).unwrap().unwrap();
    assert_eq!(a.state, ActionState::Done);
    assert_eq!(a.done_on.as_deref(), Some("2025-03-05"));
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM items WHERE status_code = 'dispute_resolved' AND action_id IS NULL"
        ),
        2
    );
    let r = actions::resolutions(&db, id).unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].delay_days, r[0].how.as_str()), (4, "terminated"));
    let items = actions::action_items(&db, id, today()).unwrap();
    assert_eq!(items.len(), 2, "a done action still shows what it held");
    assert!(items.iter().all(|i| i.in_scenario && i.action_id.is_none()));
    assert!(
        items
            .iter()
            .all(|i| i.status.as_ref().unwrap().code == "dispute_resolved")
    );
}

#[test]
fn payments_closing_held_items_are_recorded_on_the_action() {
    let db = db();
    let id = price_dispute(&db).action_id.unwrap();
    let p = parse_payments(
        br#"{"payments":[{"id":"P1","item_id":"I1","amount":"100.00","date":"2025-03-03"}]}"#,
    )
    .unwrap();
    db.transaction(|db| {
        let counts = ledger::apply_payments(db, &p, "erp", LATER).map_err(|e| match e {
            ledger::WriteError::Store(e) => e,
            ledger::WriteError::Invalid(i) | ledger::WriteError::Conflict(i) => {
                settle_store::StoreError(i.to_string())
            }
        })?;
        assert_eq!(counts.closed_items.len(), 1);
        assert_eq!(counts.closed_items[0].closed_on, "2025-03-03");
        actions::items_paid(db, &counts.closed_items, "erp", LATER)
    })
    .unwrap();
    let events: Vec<String> = actions::history(&db, id)
        .unwrap()
        .into_iter()
        .map(|h| h.event)
        .collect();
    assert!(events.contains(&"item_paid".to_string()), "{events:?}");
    let r = actions::resolutions(&db, id).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].item_id.as_str(), r[0].how.as_str()), ("I1", "paid"));
    assert_eq!(r[0].delay_days, 2);
}
