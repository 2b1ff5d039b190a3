//! The pages' queries against rusqlite: the thread of a dispute, replies and the answered
//! mark (seen in the agenda), handover, outcomes and reasons, attachments, the tracker.

mod common;

use common::*;
use serde_json::json;
use settle_domain::catalog::StatusKind;
use settle_store::pages::{self, Attachment, Reply};
use settle_store::scenarios::{AgendaFilter, agenda};
use settle_store::{Db, actions, config};

#[test]
fn a_reply_is_in_the_thread_on_every_item_and_marks_the_action_answered() {
    let db = db();
    let applied = price_dispute(&db);
    let action = applied.action_id.unwrap();
    let thread = pages::thread(&db, &applied.item_keys, Some(action)).unwrap();
    assert_eq!(thread.len(), 1, "the collector's comment, once: {thread:?}");
    assert_eq!(thread[0].comment, "Unit price is wrong");
    assert_eq!(thread[0].actor, "alice");
    assert_eq!(thread[0].item_numbers, ["N-I1", "N-I2"]);

    db.transaction(|db| {
        pages::record_reply(
            db,
            &Reply {
                item_keys: &applied.item_keys,
                action_id: Some(action),
                actor: "resolver:1",
                event: "comment",
                details: json!({}),
                comment: Some("A credit note is on its way"),
            },
            LATER,
        )
    })
    .unwrap();
    let thread = pages::thread(&db, &applied.item_keys, Some(action)).unwrap();
    assert_eq!(thread.len(), 2);
    assert_eq!(thread[1].actor, "resolver:1");
    assert_eq!(thread[1].item_numbers.len(), 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM action_history WHERE actor = 'resolver:1'"
        ),
        1
    );
    // The agenda shows who answered.
    let (entries, _) = agenda(&db, d("2025-12-31"), &AgendaFilter::default(), 0, 100).unwrap();
    let e = entries
        .iter()
        .find(|e| e.action.as_ref().is_some_and(|a| a["id"] == action))
        .unwrap();
    assert_eq!(
        e.last_reply.as_ref().unwrap(),
        &json!({"at": LATER, "by": "resolver:1"})
    );
    // A reply on the action alone (no items) is in the thread too.
    db.transaction(|db| {
        pages::record_reply(
            db,
            &Reply {
                item_keys: &[],
                action_id: Some(action),
                actor: "resolver:1",
                event: "outcome",
                details: json!({"outcome": "credit_note"}),
                comment: Some("Outcome: credit note"),
            },
            "2025-03-06T10:00:00.000Z",
        )
    })
    .unwrap();
    let thread = pages::thread(&db, &applied.item_keys, Some(action)).unwrap();
    assert_eq!(thread.len(), 3);
    assert!(thread[2].item_numbers.is_empty());
    assert_eq!(thread[2].details["outcome"], "credit_note");
}

#[test]
fn answered_marks_only_live_actions_and_live_actions_are_found_from_items() {
    let db = db();
    let applied = price_dispute(&db);
    let action = applied.action_id.unwrap();
    assert_eq!(
        pages::live_actions_holding(&db, &[key(&db, "I1"), key(&db, "I3")]).unwrap(),
        [action]
    );
    assert!(
        pages::live_actions_holding(&db, &[key(&db, "I3")])
            .unwrap()
            .is_empty()
    );
    db.query("UPDATE actions SET state = 'done'", &[]).unwrap();
    pages::mark_answered(&db, &[action], "customer:C1", LATER).unwrap();
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM actions WHERE last_reply_at IS NOT NULL"
        ),
        0
    );
    pages::mark_answered(&db, &[], "customer:C1", LATER).unwrap();
}

#[test]
fn handover_moves_the_action_and_its_open_items() {
    let db = db();
    let applied = price_dispute(&db);
    let action = applied.action_id.unwrap();
    config::create_resolver(&db, "Tia", "tia@example.com", "tech", "ja", NOW).unwrap();
    pages::handover(&db, Some(action), &applied.item_keys, 2).unwrap();
    let a = actions::action(&db, action).unwrap().unwrap();
    assert_eq!(a.resolver.unwrap().name, "Tia");
    assert_eq!(a.version, 2, "the ETag changes");
    assert_eq!(
        count(&db, "SELECT count(*) FROM items WHERE resolver_id = 2"),
        2
    );
    // Items no longer in dispute keep the resolver they had.
    qualify(
        &db,
        r#"{"item_ids":["I1"],"status":"dispute_resolved","status_date":"2025-03-01"}"#,
    );
    config::create_resolver(&db, "Uma", "uma@example.com", "sales", "en", NOW).unwrap();
    pages::handover(&db, None, &applied.item_keys, 3).unwrap();
    assert_eq!(
        count(&db, "SELECT count(*) FROM items WHERE resolver_id = 3"),
        1,
        "only I2, still disputed"
    );
}

#[test]
fn outcomes_and_reasons_are_seeded() {
    let db = db();
    let outcomes = pages::outcomes(&db).unwrap();
    let codes: Vec<_> = outcomes.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(
        codes,
        ["credit_note", "not_justified", "need_info", "resolved"]
    );
    let reasons = pages::reasons(&db).unwrap();
    let selectable: Vec<_> = reasons
        .iter()
        .filter(|r| r.state.customer_selectable)
        .map(|r| r.state.code.as_str())
        .collect();
    assert_eq!(
        selectable,
        ["price_dispute", "quality_dispute", "delivery_dispute"]
    );
    assert!(reasons[0].labels.contains("\"en\""));
    assert_eq!(
        pages::status_of_kind(&db, "promise_to_pay", StatusKind::Promise)
            .unwrap()
            .as_deref(),
        Some("promise_to_pay")
    );
    assert_eq!(
        pages::status_of_kind(&db, "missing", StatusKind::Info)
            .unwrap()
            .as_deref(),
        Some("payment_in_progress"),
        "falls back to the first status of the kind"
    );
    db.query("UPDATE statuses SET active = 0 WHERE kind = 'info'", &[])
        .unwrap();
    assert_eq!(
        pages::status_of_kind(&db, "payment_in_progress", StatusKind::Info).unwrap(),
        None
    );
}

fn attachment(customer_key: i64, change: Option<i64>, by: &str, blob: &str) -> Attachment {
    Attachment {
        id: 0,
        blob_key: blob.into(),
        customer_key,
        status_change_id: change,
        action_id: None,
        filename: "proof.pdf".into(),
        content_type: "application/pdf".into(),
        size: 9,
        sha256: "ab".into(),
        uploaded_by: by.into(),
        at: NOW.into(),
        link_id: None,
    }
}

#[test]
fn attachments_are_scoped_to_their_dispute_or_uploader() {
    let db = db();
    let applied = price_dispute(&db);
    let c1 = customer_key(&db, "C1");
    let a = pages::save_attachment(
        &db,
        &attachment(c1, Some(applied.status_change_id), "resolver:1", "att:1"),
    )
    .unwrap();
    let b = pages::save_attachment(&db, &attachment(c1, None, "customer:C1", "att:2")).unwrap();
    let read = pages::attachment(&db, a).unwrap().unwrap();
    assert_eq!(read.blob_key, "att:1");
    assert_eq!(read.customer_key, c1);
    assert!(pages::attachment(&db, 999).unwrap().is_none());
    let of_dispute =
        pages::attachments(&db, c1, Some(applied.status_change_id), None, None).unwrap();
    assert_eq!(of_dispute.iter().map(|a| a.id).collect::<Vec<_>>(), [a]);
    let of_customer = pages::attachments(&db, c1, None, None, Some("customer:C1")).unwrap();
    assert_eq!(of_customer.iter().map(|a| a.id).collect::<Vec<_>>(), [b]);
    let c2 = customer_key(&db, "C2");
    assert!(
        pages::attachments(&db, c2, Some(applied.status_change_id), None, None)
            .unwrap()
            .is_empty()
    );
    // The blob key is unique: the same blob is never recorded twice.
    assert!(pages::save_attachment(&db, &attachment(c1, None, "x", "att:1")).is_err());
}

#[test]
fn uploaded_bytes_add_up_per_link_and_per_dispute() {
    let db = db();
    let applied = price_dispute(&db);
    let c1 = customer_key(&db, "C1");
    let link = outbox_link(&db, c1);
    assert_eq!(pages::bytes_by_link(&db, link).unwrap(), 0);
    for (blob, change, action, link_id) in [
        ("b1", Some(applied.status_change_id), None, Some(link)),
        ("b2", None, applied.action_id, Some(link)),
        ("b3", Some(applied.status_change_id), None, None),
        ("b4", None, None, Some(link)),
    ] {
        let mut a = attachment(c1, change, "resolver:1", blob);
        a.action_id = action;
        a.link_id = link_id;
        pages::save_attachment(&db, &a).unwrap();
    }
    // Each attachment is 9 bytes: three through the link; three on the dispute (by its
    // status change or its action).
    assert_eq!(pages::bytes_by_link(&db, link).unwrap(), 27);
    assert_eq!(
        pages::bytes_by_dispute(&db, Some(applied.status_change_id), applied.action_id).unwrap(),
        27
    );
    assert_eq!(
        pages::bytes_by_dispute(&db, None, applied.action_id).unwrap(),
        9
    );
    assert_eq!(pages::bytes_by_dispute(&db, None, None).unwrap(), 0);
    assert_eq!(
        pages::attachment(&db, 1).unwrap().unwrap().link_id,
        Some(link)
    );
}

fn outbox_link(db: &settle_store::NativeDb, customer_key: i64) -> i64 {
    settle_store::outbox::create_link(
        db,
        settle_domain::links::Audience::Resolver,
        "1",
        customer_key,
        None,
        None,
        "2025-04-01T00:00:00.000Z",
        "alice",
        NOW,
    )
    .unwrap()
}

#[test]
fn dispute_holds_say_which_live_dispute_action_holds_each_item() {
    let db = db();
    let applied = price_dispute(&db);
    let keys = [key(&db, "I1"), key(&db, "I3")];
    let holds = pages::dispute_holds(&db, &keys).unwrap();
    let mut holds: Vec<(i64, Option<i64>, bool)> = holds;
    holds.sort();
    assert_eq!(
        holds,
        vec![(keys[0], applied.action_id, true), (keys[1], None, false)]
    );
}

#[test]
fn the_tracker_follows_a_dispute_from_open_to_resolved() {
    let db = db();
    let c1 = customer_key(&db, "C1");
    let applied = price_dispute(&db);
    let t = pages::tracker(&db, c1).unwrap();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].item_numbers, ["N-I1", "N-I2"]);
    assert_eq!(t[0].still_disputed, 2);
    assert!(!t[0].replied);
    assert_eq!(t[0].opened_on, "2025-03-01");
    pages::mark_answered(&db, &[applied.action_id.unwrap()], "resolver:1", LATER).unwrap();
    assert!(pages::tracker(&db, c1).unwrap()[0].replied);
    // Terminating the action resolves both items.
    let a = actions::action(&db, applied.action_id.unwrap())
        .unwrap()
        .unwrap();
    let resolved = config::resolved_status(&db).unwrap();
    db.transaction(|db| {
        actions::terminate(
            db,
            &a,
            "2025-03-05",
            None,
            resolved.as_deref(),
            "alice",
            LATER,
        )
    })
    .unwrap();
    let t = pages::tracker(&db, c1).unwrap();
    assert_eq!(t[0].still_disputed, 0);
    assert_eq!(t[0].resolved_on.as_deref(), Some("2025-03-05"));
    // Another customer sees nothing; a promise is not a dispute.
    assert!(
        pages::tracker(&db, customer_key(&db, "C2"))
            .unwrap()
            .is_empty()
    );
    qualify(&db, r#"{"item_ids":["I3"],"status":"promise_to_pay"}"#);
    assert_eq!(pages::tracker(&db, c1).unwrap().len(), 1);
}

#[test]
fn a_customer_reads_only_their_own_words() {
    let db = db();
    let c1 = customer_key(&db, "C1");
    price_dispute(&db);
    let keys = [key(&db, "I1"), key(&db, "I3")];
    db.transaction(|db| {
        pages::record_reply(
            db,
            &Reply {
                item_keys: &keys,
                action_id: None,
                actor: "customer:C1",
                event: "comment",
                details: json!({}),
                comment: Some("We never received I3"),
            },
            LATER,
        )
    })
    .unwrap();
    let mine = pages::customer_messages(&db, c1, "customer:C1").unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].comment, "We never received I3");
    assert_eq!(mine[0].item_numbers.len(), 2);
    assert!(
        pages::customer_messages(&db, c1, "customer:C2")
            .unwrap()
            .is_empty()
    );
}

#[test]
fn outcomes_are_created_at_the_end_and_edited_in_place() {
    let db = db();
    assert!(pages::outcome(&db, "write_off").unwrap().is_none());
    let mut o = settle_domain::pages::Outcome {
        code: "write_off".into(),
        label: "Write off".into(),
        active: true,
    };
    pages::save_outcome(&db, &o).unwrap();
    assert_eq!(pages::outcome(&db, "write_off").unwrap().unwrap(), o);
    let codes: Vec<_> = pages::outcomes(&db)
        .unwrap()
        .into_iter()
        .map(|o| o.code)
        .collect();
    assert_eq!(codes.last().map(String::as_str), Some("write_off"));
    o.active = false;
    o.label = "Write the balance off".into();
    pages::save_outcome(&db, &o).unwrap();
    let all = pages::outcomes(&db).unwrap();
    assert_eq!(all.len(), 5, "edited in place, not added again");
    assert_eq!(all.last().unwrap(), &o);
}

#[test]
fn a_status_saves_whether_customers_may_pick_it() {
    let db = db();
    let mut s = config::status(&db, "administrative_dispute")
        .unwrap()
        .unwrap()
        .status;
    assert!(!s.customer_selectable);
    s.customer_selectable = true;
    config::save_status(&db, &s, None, false).unwrap();
    assert!(
        config::status(&db, "administrative_dispute")
            .unwrap()
            .unwrap()
            .status
            .customer_selectable
    );
    let selectable: Vec<_> = pages::reasons(&db)
        .unwrap()
        .into_iter()
        .filter(|r| r.state.customer_selectable)
        .map(|r| r.state.code)
        .collect();
    assert!(selectable.contains(&"administrative_dispute".to_string()));
}
