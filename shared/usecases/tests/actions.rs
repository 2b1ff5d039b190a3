//! Action edits against rusqlite: what `PATCH/POST /api/v1/actions/...` and the console's
//! action page both call.

mod common;

use common::*;
use serde_json::json;
use settle_domain::status_change::parse_new_action;
use settle_store::Db;
use settle_usecases::Refusal;
use settle_usecases::actions::{self, Seen};

#[test]
fn an_action_is_created_edited_at_its_version_and_a_stale_edit_writes_nothing() {
    let db = db();
    let input = parse_new_action(
        br#"{"item_ids":["I1"],"type":"call","name":"Call Acme","date":"2026-12-10"}"#,
    )
    .unwrap();
    let id = actions::create(&db, &input, &alice())
        .unwrap()
        .value
        .action_id;
    let a = actions::action(&db, id).unwrap();
    let v = a.version;
    let edited = actions::update(
        &db,
        id,
        Seen::Version(v),
        &obj(json!({"name": "Call Acme again", "resolver_id": 1})),
        &alice(),
    )
    .unwrap()
    .value;
    assert_eq!(edited.name, "Call Acme again");
    assert_eq!(edited.resolver.as_ref().map(|r| r.id), Some(1));
    assert_eq!(edited.version, v + 1);
    // The same form again, read before that edit: refused, nothing written.
    let history = count(&db, "SELECT count(*) FROM action_history");
    match actions::update(
        &db,
        id,
        Seen::Version(v),
        &obj(json!({"name": "Lost update"})),
        &alice(),
    ) {
        Err(r @ Refusal::Stale(_)) => assert_eq!(r.status(), 412),
        other => panic!("{other:?}"),
    }
    assert_eq!(actions::action(&db, id).unwrap().name, "Call Acme again");
    assert_eq!(count(&db, "SELECT count(*) FROM action_history"), history);
    assert!(matches!(
        actions::update(&db, id, Seen::Unknown, &obj(json!({"name": "x"})), &alice()),
        Err(Refusal::Stale(_))
    ));
    assert!(matches!(
        actions::update(&db, 999, Seen::Any, &obj(json!({"name": "x"})), &alice()),
        Err(Refusal::NotFound(_))
    ));
}

#[test]
fn a_new_resolver_must_be_active_but_keeping_a_deactivated_one_is_no_change() {
    let db = db();
    let (_, action) = dispute(&db, &["I1"], 1);
    settle_usecases::config::save_resolver(
        &db,
        &obj(json!({"active": false})),
        &who("token:1:admin"),
        Some("1"),
    )
    .unwrap();
    // Renaming while the (now inactive) resolver stays: allowed.
    actions::update(
        &db,
        action,
        Seen::Any,
        &obj(json!({"name": "Renamed", "resolver_id": 1})),
        &alice(),
    )
    .unwrap();
    // Handing to an inactive or unknown resolver: refused on the field.
    actions::update(
        &db,
        action,
        Seen::Any,
        &obj(json!({"resolver_id": 2})),
        &alice(),
    )
    .unwrap();
    match actions::update(
        &db,
        action,
        Seen::Any,
        &obj(json!({"resolver_id": 1})),
        &alice(),
    ) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/resolver_id"),
        other => panic!("{other:?}"),
    }
    match actions::update(&db, action, Seen::Any, &obj(json!({"type": ""})), &alice()) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/type"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn detach_returns_items_and_terminate_resolves_the_dispute_once() {
    let db = db();
    let (_, action) = dispute(&db, &["I1", "I2"], 1);
    let d = actions::detach(
        &db,
        action,
        Seen::Any,
        &obj(json!({"item_ids": ["I2"]})),
        &alice(),
    )
    .unwrap()
    .value;
    assert!(!d.empty);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM items WHERE erp_id = 'I2' AND action_id IS NULL"
        ),
        1
    );
    // An item the action does not hold is refused by name.
    match actions::detach(
        &db,
        action,
        Seen::Any,
        &obj(json!({"item_ids": ["J1"]})),
        &alice(),
    ) {
        Err(Refusal::Invalid(inv)) => assert!(inv.to_string().contains("J1"), "{inv}"),
        other => panic!("{other:?}"),
    }
    let t = actions::terminate(
        &db,
        action,
        Seen::Any,
        &obj(json!({"comment": "Credit note agreed"})),
        &alice(),
    )
    .unwrap()
    .value;
    assert_eq!(t.resolved_item_ids, vec!["I1".to_string()]);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM items WHERE erp_id = 'I1' AND status_code = 'dispute_resolved'"
        ),
        1
    );
    // Terminating again: the action is done, 409 on its state; nothing more is resolved.
    let resolutions = count(&db, "SELECT count(*) FROM resolutions");
    match actions::terminate(&db, action, Seen::Any, &obj(json!({})), &alice()) {
        Err(Refusal::Conflict { code, fields, .. }) => {
            assert_eq!(code, "action-done");
            assert_eq!(fields.0[0].pointer, "/state");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&db, "SELECT count(*) FROM resolutions"), resolutions);
    match actions::terminate(
        &db,
        action,
        Seen::Any,
        &obj(json!({"date": "2026-02-30"})),
        &alice(),
    ) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/date"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn promises_are_kept_when_paid_and_broken_the_day_after_their_date() {
    let db = db();
    let promise = |ids: &[&str], date: &str| {
        let body = json!({"item_ids": ids, "status": "promise_to_pay",
                          "next_action": {"type": "promise", "name": "Promise", "date": date}});
        change_status(&db, &body, &alice())
            .unwrap()
            .applied
            .action_id
            .unwrap()
    };
    // Today is 2026-12-02 (common::NOW).
    let broken = promise(&["I1"], "2026-12-01");
    let today = promise(&["I2"], "2026-12-02");
    let kept = promise(&["J1"], "2026-12-20");
    let p = settle_domain::erp::parse_payments(
        br#"{"payments": [{"id": "P1", "item_id": "J1", "amount": "10.00", "date": "2026-12-02"}]}"#,
    )
    .unwrap();
    db.transaction(|db| {
        settle_usecases::erp::apply(
            db,
            &settle_usecases::erp::Batch::Payments(p.clone()),
            &who("erp"),
        )
    })
    .unwrap();
    let ended = settle_usecases::actions::check_promises(&db, &who("token:1:cron"))
        .unwrap()
        .value;
    let got: Vec<(i64, &str, Vec<String>)> = ended
        .iter()
        .map(|e| (e.action_id, e.outcome.as_str(), e.item_ids.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (broken, "broken", vec!["I1".to_string()]),
            (kept, "kept", vec!["J1".to_string()])
        ]
    );
    // I1 is back in the scenario; I2's promise runs until its day is over.
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM items WHERE erp_id = 'I1' AND action_id IS NULL"
        ),
        1
    );
    assert_eq!(
        count(
            &db,
            &format!("SELECT count(*) FROM actions WHERE id = {today} AND state = 'live'")
        ),
        1
    );
    // Checked again: nothing more.
    assert!(
        settle_usecases::actions::check_promises(&db, &who("token:1:cron"))
            .unwrap()
            .value
            .is_empty()
    );
    // The agenda's broken promises: since a date, by collector.
    use settle_store::console::broken_promises;
    let listed = broken_promises(&db, "2026-11-01", None, 10).unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|b| (
                b.action_id,
                b.customer_id.as_str(),
                b.promised_on.as_str(),
                b.items
            ))
            .collect::<Vec<_>>(),
        [(broken, "C1", "2026-12-01", 1)]
    );
    assert_eq!(listed[0].broken_on, who("x").today.to_string());
    assert_eq!(
        broken_promises(&db, "2026-11-01", Some("carl@corp.example"), 10)
            .unwrap()
            .len(),
        1
    );
    assert!(
        broken_promises(&db, "2026-11-01", Some("nobody"), 10)
            .unwrap()
            .is_empty()
    );
    assert!(
        broken_promises(&db, "2099-01-01", None, 10)
            .unwrap()
            .is_empty()
    );
    // The analytics' outcomes in a period: one broken, one kept, both found today.
    use settle_domain::reports::Filter;
    let outcomes = |from: &str, to: &str, f: &Filter| {
        settle_store::actions::promise_outcomes(&db, from, to, f).unwrap()
    };
    let today = who("x").today.to_string();
    let all = Filter::default();
    assert_eq!(outcomes("2026-11-01", &today, &all), (1, 1));
    assert_eq!(outcomes(&today, &today, &all), (1, 1));
    assert_eq!(outcomes("2026-11-01", "2026-12-01", &all), (0, 0));
    // Of a population: C1's broken one (its entity, its collector), C2's kept one.
    let of = |entity: Option<&str>, collector: Option<&str>, customer: Option<&str>| Filter {
        entity: entity.map(str::to_string),
        collector: collector.map(str::to_string),
        customer_id: customer.map(str::to_string),
        ..Default::default()
    };
    assert_eq!(
        outcomes(&today, &today, &of(Some("FR01"), None, None)),
        (0, 1)
    );
    assert_eq!(
        outcomes(&today, &today, &of(None, Some("carl@corp.example"), None)),
        (0, 1)
    );
    assert_eq!(
        outcomes(&today, &today, &of(None, None, Some("C2"))),
        (1, 0)
    );
    assert_eq!(
        outcomes(&today, &today, &of(Some("DE01"), None, Some("C1"))),
        (0, 0)
    );
    let c1 = settle_store::ledger::customer(&db, "C1").unwrap().unwrap();
    assert_eq!(
        settle_store::actions::promise_counts(&db, c1.key).unwrap(),
        settle_store::actions::PromiseCounts {
            kept: 0,
            broken: 1,
            live: 1
        }
    );
    let c2 = settle_store::ledger::customer(&db, "C2").unwrap().unwrap();
    assert_eq!(
        settle_store::actions::promise_counts(&db, c2.key)
            .unwrap()
            .kept,
        1
    );
}
