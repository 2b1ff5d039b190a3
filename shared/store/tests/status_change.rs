//! Status changes against rusqlite: what `load_targets` finds and what `apply` writes.

mod common;

use common::*;
use settle_domain::status_change::parse_status_change;
use settle_store::status_change::{load_targets, read};
use settle_store::{Db, actions, ledger};

#[test]
fn load_targets_finds_items_in_order_status_model_and_resolvers() {
    let db = db();
    let input = parse_status_change(
        br#"{"item_ids":["I2","NOPE","J1"],"status":"price_dispute","comment":"x","resolver_id":1}"#,
    )
    .unwrap();
    let t = load_targets(&db, &input).unwrap();
    let ids: Vec<Option<&str>> = t
        .items
        .iter()
        .map(|i| i.as_ref().map(|i| i.state.id.as_str()))
        .collect();
    assert_eq!(ids, [Some("I2"), None, Some("J1")]);
    assert_eq!(t.items[2].as_ref().unwrap().state.customer_id, "C2");
    assert_eq!(t.status.as_ref().unwrap().status.code, "price_dispute");
    assert_eq!(t.model.as_ref().unwrap().code, "dispute_follow_up");
    assert_eq!(t.resolvers.len(), 1);
    assert!(t.resolvers[0].active);
    let input =
        parse_status_change(br#"{"item_ids":["I1"],"status":"no_such_status","resolver_id":99}"#)
            .unwrap();
    let t = load_targets(&db, &input).unwrap();
    assert!(t.status.is_none());
    assert!(t.resolvers.is_empty(), "an unknown resolver is not found");
}

#[test]
fn apply_writes_items_history_the_change_and_its_action() {
    let db = db();
    let applied = price_dispute(&db);
    assert_eq!(applied.item_keys, [key(&db, "I1"), key(&db, "I2")]);
    let action_id = applied.action_id.expect("the suggested action");
    let rows = db
        .query(
            "SELECT status_code, status_date, resolver_id, action_id, disputed_since FROM items
             WHERE erp_id IN ('I1', 'I2') ORDER BY erp_id",
            &[],
        )
        .unwrap();
    for r in &rows.rows {
        assert_eq!(r[0], "price_dispute".into());
        assert_eq!(r[1], "2025-03-01".into());
        assert_eq!(r[2], 1i64.into());
        assert_eq!(r[3], action_id.into());
        assert_eq!(r[4], "2025-03-01".into(), "the dispute date is recorded");
    }
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM item_history WHERE event = 'status_changed'"
        ),
        2
    );
    let change = read(&db, applied.status_change_id).unwrap().unwrap();
    assert_eq!(change.item_ids, ["I1", "I2"]);
    assert_eq!(change.actor, "alice");
    assert_eq!(change.action_id, Some(action_id));
    let a = actions::action(&db, action_id).unwrap().unwrap();
    assert_eq!(a.date, "2025-03-08", "status date + the model's 7 days");
    assert_eq!(a.item_ids, ["I1", "I2"]);
    assert!(read(&db, 999).unwrap().is_none());
}

#[test]
fn a_second_change_moves_held_items_and_reports_emptied_actions() {
    let db = db();
    let first = price_dispute(&db);
    let second = qualify(
        &db,
        r#"{"item_ids":["I1","I2"],"status":"promise_to_pay","next_action":"suggested"}"#,
    );
    assert_eq!(second.moved.len(), 2);
    assert!(
        second
            .moved
            .iter()
            .all(|m| Some(m.from_action_id) == first.action_id)
    );
    assert_eq!(second.emptied_actions, [first.action_id.unwrap()]);
    let old = actions::action(&db, first.action_id.unwrap())
        .unwrap()
        .unwrap();
    assert!(old.item_ids.is_empty());
    let items = ledger::list_items(
        &db,
        &ledger::ItemFilter {
            keys: Some(second.item_keys.clone()),
            limit: 10,
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    assert!(items.iter().all(|i| i.action_id == second.action_id));
}

#[test]
fn scenario_next_action_creates_no_action_and_keeps_items_in_the_scenario() {
    let db = db();
    let applied = qualify(
        &db,
        r#"{"item_ids":["I3"],"status":"price_dispute","comment":"later","next_action":"scenario"}"#,
    );
    assert_eq!(applied.action_id, None);
    assert_eq!(count(&db, "SELECT count(*) FROM actions"), 0);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM items WHERE action_id IS NOT NULL"
        ),
        0
    );
}
