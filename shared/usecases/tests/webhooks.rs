//! Outbound webhooks, natively: which events each change writes (and a refused one does
//! not), fan-out to subscribed endpoints, the back-off schedule, claims, delivery order per
//! customer, secret rotation, and the endpoints' audit trail. Every store query of
//! `settle_store::webhooks` runs here on SQLite.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::*;
use serde_json::{Value, json};
use settle_domain::webhooks::OriginPattern;
use settle_store::webhooks::{self as store, DeliveryFilter, Outcome};
use settle_store::{Db, NativeDb};
use settle_usecases::webhooks as uc;
use settle_usecases::{AfterCommit, Refusal};

fn origins() -> Option<OriginPattern> {
    OriginPattern::parse("https://*.example.com").unwrap()
}

fn subscribe(db: &NativeDb, events: Value) -> uc::WithSecret {
    uc::create(
        db,
        &obj(json!({"url": "https://erp.example.com/in", "events": events})),
        origins().as_ref(),
        [1; 32],
        &who("token:1:admin"),
    )
    .unwrap()
    .value
}

fn types(db: &NativeDb) -> Vec<String> {
    store::events(db, 0, None, 100)
        .unwrap()
        .into_iter()
        .map(|e| e.event["type"].as_str().unwrap().to_string())
        .collect()
}

fn change(db: &NativeDb, body: Value) -> Result<Vec<AfterCommit>, Refusal> {
    change_status(db, &body, &alice()).map(|c| c.after)
}

fn now() -> DateTime<Utc> {
    settle_domain::dates::parse_timestamp(NOW).unwrap()
}

fn at(t: DateTime<Utc>) -> String {
    settle_domain::dates::format_timestamp(t)
}

#[test]
fn each_change_writes_its_events_and_a_refused_one_none() {
    let db = db();
    // Nobody listens: a change writes no event at all (one read of the subscriptions).
    let after = change(
        &db,
        json!({"item_ids": ["J1"], "status": "price_dispute", "comment": "Beta disputes"}),
    )
    .unwrap();
    assert!(after.is_empty());
    assert!(types(&db).is_empty());
    let all = subscribe(&db, json!(["*"]));
    let after = change(
        &db,
        json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": 1, "next_action": "suggested"}),
    )
    .unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(
        types(&db),
        ["item.status_changed", "dispute.opened", "action.created"]
    );
    let opened = &store::events(&db, 0, Some("dispute.opened"), 10).unwrap()[0].event;
    assert!(opened["id"].as_str().unwrap().starts_with("evt_"));
    assert_eq!(opened["timestamp"], NOW);
    assert_eq!(
        opened["data"]["customer"],
        json!({"id": "C1", "entity": "FR01"})
    );
    assert_eq!(opened["data"]["items"][0]["amount"], "100.00");
    assert_eq!(opened["data"]["items"][0]["disputed_amount"], "100.00");
    assert_eq!(opened["data"]["items"][1]["id"], "I2");
    assert_eq!(opened["data"]["actor"], alice().actor);

    subscribe(&db, json!(["dispute.updated"]));
    let off = subscribe(&db, json!(["*"]));
    uc::update(
        &db,
        off.endpoint.id,
        &obj(json!({"enabled": false})),
        None,
        &alice(),
    )
    .unwrap();

    // A refused change (another customer's item mixed in) writes no event.
    let before = types(&db).len();
    let refused = change(
        &db,
        json!({"item_ids": ["I1", "J1"], "status": "quality_dispute", "comment": "x"}),
    );
    assert!(matches!(refused, Err(Refusal::Invalid(_))), "{refused:?}");
    assert_eq!(types(&db).len(), before);

    // Still in dispute, another resolver: dispute.updated, naming what changed.
    let after = change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Handed to Sam",
               "resolver_id": 2, "amounts": {"I1": "40.00"}}),
    )
    .unwrap();
    let updated = &store::events(&db, 0, Some("dispute.updated"), 10).unwrap()[0].event;
    assert_eq!(
        updated["data"]["items"][0]["changed"],
        json!(["resolver", "comment", "amount"])
    );
    assert_eq!(updated["data"]["items"][0]["disputed_amount"], "40.00");
    // Two events for the "*" endpoint, one for the dispute.updated one, none for the disabled.
    let AfterCommit::DeliverWebhooks(ids) = &after[0] else {
        panic!("{after:?}")
    };
    assert_eq!(ids.len(), 3);
    let page = store::deliveries(
        &db,
        &DeliveryFilter {
            endpoint: Some(all.endpoint.id),
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        page.len(),
        5,
        "three for the first change, two for this one"
    );
    assert_eq!(page[0].event_type, "dispute.updated", "newest first");

    // A promise on a disputed item: the dispute ends, the promise starts.
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "promise_to_pay", "status_date": "2026-12-20",
               "comment": "Pays on the 20th"}),
    )
    .unwrap();
    let last: Vec<String> = types(&db).into_iter().rev().take(3).collect();
    assert_eq!(
        last,
        ["dispute.resolved", "promise.created", "item.status_changed"]
    );
    let promise = &store::events(&db, 0, Some("promise.created"), 10).unwrap()[0].event;
    assert_eq!(promise["data"]["status_date"], "2026-12-20");
    assert_eq!(
        promise["data"]["items"][0]["previous_status"],
        "price_dispute"
    );
}

#[test]
fn terminating_a_dispute_follow_up_resolves_it() {
    let db = db();
    subscribe(&db, json!(["*"]));
    let (_, action) = dispute(&db, &["I1", "I2"], 1);
    let done = settle_usecases::actions::terminate(
        &db,
        action,
        settle_usecases::actions::Seen::Any,
        &obj(json!({"comment": "Credit note 7"})),
        &alice(),
    )
    .unwrap();
    assert_eq!(done.after.len(), 1, "one step delivers both events");
    let last: Vec<String> = types(&db).into_iter().rev().take(3).collect();
    assert_eq!(
        last,
        [
            "action.terminated",
            "dispute.resolved",
            "item.status_changed"
        ]
    );
    let resolved = &store::events(&db, 0, Some("dispute.resolved"), 10).unwrap()[0].event;
    assert_eq!(resolved["data"]["reason"], "action_terminated");
    assert_eq!(resolved["data"]["status"], "dispute_resolved");
    assert_eq!(resolved["data"]["items"].as_array().unwrap().len(), 2);
    let terminated = &store::events(&db, 0, Some("action.terminated"), 10).unwrap()[0].event;
    assert_eq!(terminated["data"]["action"]["id"], action);
    assert_eq!(terminated["data"]["resolved_item_ids"], json!(["I1", "I2"]));
}

fn one_delivery(db: &NativeDb) -> i64 {
    subscribe(db, json!(["dispute.opened"]));
    dispute(db, &["I1"], 1);
    store::due(db, NOW, 10).unwrap()[0]
}

#[test]
fn failed_attempts_back_off_then_fail_and_a_replay_makes_it_due() {
    let db = db();
    let d = one_delivery(&db);
    let mut t = now();
    let mut waits = Vec::new();
    for _ in 0..7 {
        let o = uc::claim(&db, d, t).unwrap().expect("due");
        // Claimed: no other attempt until the claim runs out.
        assert!(uc::claim(&db, d, t).unwrap().is_none());
        match uc::finish(&db, &o, Some(503), Some("the endpoint answered 503"), 12, t).unwrap() {
            Outcome::RetryAt(next) => {
                let next = settle_domain::dates::parse_timestamp(&next).unwrap();
                waits.push((next - t).num_seconds());
                // Not due a second early.
                assert!(
                    uc::claim(&db, d, next - Duration::seconds(1))
                        .unwrap()
                        .is_none()
                );
                t = next;
            }
            Outcome::Failed => waits.push(-1),
            Outcome::Delivered => panic!("a 503 is no delivery"),
        }
    }
    assert_eq!(waits, [5, 300, 1800, 7200, 18000, 36000, -1]);
    let failed = store::delivery(&db, d).unwrap().unwrap();
    assert_eq!((failed.state.as_str(), failed.attempts), ("failed", 7));
    assert_eq!(failed.last_status, Some(503));
    assert!(
        store::due(&db, &at(t + Duration::days(30)), 10)
            .unwrap()
            .is_empty()
    );
    assert_eq!(store::attempts(&db, d).unwrap().len(), 7);

    uc::retry(&db, d, &who("token:1:admin")).unwrap();
    let o = uc::claim(&db, d, now())
        .unwrap()
        .expect("due after a replay");
    assert_eq!(
        uc::finish(&db, &o, Some(204), None, 3, now()).unwrap(),
        Outcome::Delivered
    );
    let delivered = store::delivery(&db, d).unwrap().unwrap();
    assert_eq!(delivered.state, "delivered");
    assert_eq!(delivered.next_attempt_at, None);
    assert!(matches!(
        uc::retry(&db, 999, &alice()),
        Err(Refusal::NotFound(_))
    ));
}

#[test]
fn a_killed_attempt_is_due_again_once_its_claim_runs_out() {
    let db = db();
    let d = one_delivery(&db);
    assert!(uc::claim(&db, d, now()).unwrap().is_some());
    // Nothing recorded: the instance died mid-attempt.
    let later = now() + Duration::seconds(settle_domain::webhooks::CLAIM_SECS);
    assert!(
        store::due(&db, &at(later - Duration::seconds(1)), 10)
            .unwrap()
            .is_empty()
    );
    assert_eq!(store::due(&db, &at(later), 10).unwrap(), [d]);
}

#[test]
fn events_of_one_customer_are_delivered_in_order() {
    let db = db();
    subscribe(&db, json!(["dispute.opened", "dispute.updated"]));
    dispute(&db, &["I1"], 1);
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "More", "resolver_id": 2}),
    )
    .unwrap();
    let j1 = change(
        &db,
        json!({"item_ids": ["J1"], "status": "price_dispute", "comment": "Beta disputes"}),
    )
    .unwrap();
    let AfterCommit::DeliverWebhooks(j1) = &j1[0] else {
        panic!()
    };
    // C1's second event waits behind its first; C2's does not.
    let due = store::due(&db, NOW, 10).unwrap();
    assert_eq!(due.len(), 2, "{due:?}");
    assert_eq!(due[1], j1[0]);
    let first = due[0];
    let o = uc::claim(&db, first, now()).unwrap().unwrap();
    uc::finish(&db, &o, Some(500), None, 1, now()).unwrap();
    // Retrying, so still holding the next one back.
    assert_eq!(store::due(&db, NOW, 10).unwrap(), [j1[0]]);
    let o = uc::claim(&db, first, now() + Duration::seconds(5))
        .unwrap()
        .unwrap();
    uc::finish(&db, &o, Some(200), None, 1, now()).unwrap();
    let due = store::due(&db, NOW, 10).unwrap();
    assert_eq!(due.len(), 2);
    assert!(due[0] > first && due[0] < j1[0], "{due:?}");
    assert_eq!(
        store::due_among(&db, &[due[0], 777], NOW).unwrap(),
        [due[0]]
    );
}

#[test]
fn rotation_signs_with_both_secrets_for_a_day() {
    let db = db();
    let e = subscribe(&db, json!(["*"]));
    dispute(&db, &["I1"], 1);
    let d = store::due(&db, NOW, 1).unwrap()[0];
    let rotated = uc::rotate(&db, e.endpoint.id, [2; 32], &alice())
        .unwrap()
        .value;
    assert_ne!(rotated.secret, e.secret);
    let o = uc::claim(&db, d, now()).unwrap().unwrap();
    assert_eq!(
        uc::signing_secrets(&o, now()),
        [rotated.secret.as_str(), e.secret.as_str()]
    );
    assert_eq!(
        uc::signing_secrets(&o, now() + Duration::hours(24)),
        [rotated.secret.as_str()]
    );
    assert_eq!(
        rotated.endpoint.previous_secret_until.as_deref(),
        Some("2026-12-03T10:00:00.000Z")
    );
}

#[test]
fn endpoints_are_audited_and_disabling_or_deleting_fails_what_was_pending() {
    let db = db();
    let e = subscribe(&db, json!(["dispute.opened"]));
    let id = e.endpoint.id;
    assert_eq!(e.endpoint.created_by, "token:1:admin");
    dispute(&db, &["I1"], 1);
    let refused = uc::update(
        &db,
        id,
        &obj(json!({"url": "https://erp.elsewhere.org/in"})),
        origins().as_ref(),
        &alice(),
    );
    assert!(matches!(refused, Err(Refusal::Invalid(_))));
    let e2 = uc::update(
        &db,
        id,
        &obj(json!({"enabled": false, "description": "paused"})),
        origins().as_ref(),
        &alice(),
    )
    .unwrap()
    .value;
    assert!(!e2.enabled);
    assert_eq!(e2.description.as_deref(), Some("paused"));
    let failed = store::deliveries(
        &db,
        &DeliveryFilter {
            state: Some("failed"),
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0].last_error.as_deref(),
        Some("the endpoint was disabled")
    );
    // Disabled: no replay to it, and a new dispute delivers nothing to it.
    assert!(matches!(
        uc::retry(&db, failed[0].id, &alice()),
        Err(Refusal::Conflict {
            code: "endpoint-disabled",
            ..
        })
    ));
    dispute(&db, &["I2"], 1);
    assert_eq!(count(&db, "SELECT count(*) FROM webhook_deliveries"), 1);
    uc::delete(&db, id, &alice()).unwrap();
    assert!(matches!(
        uc::retry(&db, failed[0].id, &alice()),
        Err(Refusal::Conflict {
            code: "endpoint-deleted",
            ..
        })
    ));
    assert_eq!(
        store::delivery(&db, failed[0].id).unwrap().unwrap().state,
        "failed"
    );
    assert!(matches!(uc::endpoint(&db, id), Err(Refusal::NotFound(_))));
    assert!(store::endpoints(&db).unwrap().is_empty());
    assert!(matches!(
        uc::delete(&db, id, &alice()),
        Err(Refusal::NotFound(_))
    ));
    let history = settle_store::config::history(&db, "webhook_endpoint", &id.to_string()).unwrap();
    assert_eq!(history.len(), 3);
    let text = serde_json::to_string(&history).unwrap();
    assert!(!text.contains(&e.secret), "the secret is never audited");
    // An endpoint's URL must be allowed by webhook_origins; none at all when it is empty.
    let none = uc::create(
        &db,
        &obj(json!({"url": "https://erp.example.com/in", "events": ["*"]})),
        None,
        [3; 32],
        &alice(),
    );
    assert!(matches!(none, Err(Refusal::Invalid(_))));
    // The event of a delivery, as sent.
    let first = store::event_of(&db, failed[0].id).unwrap().unwrap();
    assert_eq!(first["type"], "dispute.opened");
}

#[test]
fn a_disputed_item_paid_off_is_a_resolved_dispute() {
    let db = db();
    let e = subscribe(&db, json!(["dispute.resolved"]));
    dispute(&db, &["I1"], 1);
    let payments = json!({"payments": [
        {"id": "P1", "item_id": "I1", "amount": "100.00", "date": "2026-12-01"},
        {"id": "P2", "item_id": "J1", "amount": "10.00", "date": "2026-12-01"}]});
    let batch =
        settle_usecases::erp::parse_json("payments", payments.to_string().as_bytes()).unwrap();
    let done = db
        .transaction(|db| settle_usecases::erp::apply(db, &batch, &who("erp")))
        .unwrap();
    // J1 was not in dispute: only I1's dispute resolves, for the subscribed endpoint.
    let AfterCommit::DeliverWebhooks(ids) = &done.after[0] else {
        panic!("{:?}", done.after)
    };
    assert_eq!(ids.len(), 1);
    let resolved = store::events(&db, 0, Some("dispute.resolved"), 10).unwrap();
    assert_eq!(resolved.len(), 1);
    let data = &resolved[0].event["data"];
    assert_eq!(data["reason"], "paid");
    assert_eq!(data["actor"], "erp");
    assert_eq!(data["customer"]["id"], "C1");
    assert_eq!(data["items"][0]["id"], "I1");
    assert_eq!(data["items"][0]["open_amount"], "0.00");
    assert_eq!(data["items"][0]["previous_status"], "price_dispute");
    assert_eq!(
        store::deliveries(
            &db,
            &DeliveryFilter {
                endpoint: Some(e.endpoint.id),
                limit: 9,
                ..Default::default()
            }
        )
        .unwrap()
        .len(),
        1
    );
}
