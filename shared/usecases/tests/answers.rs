//! The link pages' answers against rusqlite: the resolver's and the customer's writes, each
//! checked inside its transaction, with the collector's notice as the after-commit step.

mod common;

use common::*;
use settle_store::pages::Attachment;
use settle_usecases::answers::{
    CustomerLink, ResolverAnswer, ResolverLink, customer_comment, customer_dispute,
    resolver_answer, resolver_dispute,
};
use settle_usecases::{AfterCommit, Refusal};

/// A stored link (attachments name the link they came through).
fn stored_link(db: &settle_store::NativeDb, audience: settle_domain::links::Audience) -> i64 {
    settle_store::outbox::create_link(
        db,
        audience,
        "1",
        1,
        None,
        None,
        "2027-01-01T00:00:00.000Z",
        "user:1:alice@corp.example",
        NOW,
    )
    .unwrap()
}

fn link(resolver_id: i64, change: i64) -> ResolverLink {
    ResolverLink {
        link_id: 1,
        resolver_id,
        customer_key: 1,
        status_change_id: Some(change),
        action_id: None,
    }
}

fn file(name: &str, size: i64) -> Attachment {
    Attachment {
        id: 0,
        blob_key: format!("blob-{name}"),
        customer_key: 1,
        status_change_id: None,
        action_id: None,
        filename: name.into(),
        content_type: "application/pdf".into(),
        size,
        sha256: "00".into(),
        uploaded_by: "resolver:1".into(),
        at: NOW.into(),
        link_id: None,
    }
}

#[test]
fn a_resolver_comment_appends_history_marks_the_action_and_queues_the_notice() {
    let db = db();
    let (change, action) = dispute(&db, &["I1"], 1);
    let done = resolver_answer(
        &db,
        &link(1, change),
        "Rita",
        &ResolverAnswer::Comment("Price confirmed wrong".into()),
        &notice(),
        &who("resolver:1"),
    )
    .unwrap();
    let queued = count(
        &db,
        "SELECT max(id) FROM outbox WHERE template = 'collector_reply' AND to_addr = 'carl@corp.example'",
    );
    assert_eq!(done.after, vec![AfterCommit::DeliverEmail(queued)]);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM item_history WHERE actor = 'resolver:1' AND event = 'comment'"
        ),
        1
    );
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT count(*) FROM actions WHERE id = {action} AND last_reply_at IS NOT NULL"
            )
        ),
        1
    );
}

#[test]
fn a_handed_over_or_resolved_dispute_refuses_writes_and_writes_nothing() {
    let db = db();
    let (change, action) = dispute(&db, &["I1"], 1);
    resolver_answer(
        &db,
        &link(1, change),
        "Rita",
        &ResolverAnswer::Handover {
            to: Some(2),
            note: None,
        },
        &notice(),
        &who("resolver:1"),
    )
    .unwrap();
    let history = count(&db, "SELECT count(*) FROM item_history");
    match resolver_answer(
        &db,
        &link(1, change),
        "Rita",
        &ResolverAnswer::Handover {
            to: Some(1),
            note: None,
        },
        &notice(),
        &who("resolver:1"),
    ) {
        Err(Refusal::Conflict { code, .. }) => assert_eq!(code, "closed-handed-over"),
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&db, "SELECT count(*) FROM item_history"), history);
    // Sam now holds it; once terminated, his link is read-only too.
    settle_usecases::actions::terminate(
        &db,
        action,
        settle_usecases::actions::Seen::Any,
        &obj(serde_json::json!({})),
        &alice(),
    )
    .unwrap();
    let d = resolver_dispute(&db, &link(2, change), who("x").today).unwrap();
    assert!(matches!(
        d.writable(),
        Err(Refusal::Conflict {
            code: "closed-resolved",
            ..
        })
    ));
    // Another customer's dispute never opens through this customer's link.
    let other = ResolverLink {
        customer_key: 2,
        ..link(2, change)
    };
    assert!(matches!(
        resolver_dispute(&db, &other, who("x").today),
        Err(Refusal::Forbidden(_))
    ));
}

#[test]
fn files_over_the_link_quota_are_refused_and_no_record_is_kept() {
    let db = db();
    let (change, _) = dispute(&db, &["I1"], 1);
    assert_eq!(
        stored_link(&db, settle_domain::links::Audience::Resolver),
        1
    );
    let big = settle_domain::pages::MAX_BYTES_PER_LINK / 2 + 1;
    let send = |name: &str| {
        resolver_answer(
            &db,
            &link(1, change),
            "Rita",
            &ResolverAnswer::Files(&[file(name, big)]),
            &notice(),
            &who("resolver:1"),
        )
    };
    send("a.pdf").unwrap();
    match send("b.pdf") {
        Err(r @ Refusal::TooLarge(_)) => assert_eq!(r.status(), 413),
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&db, "SELECT count(*) FROM attachments"), 1);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM attachments WHERE link_id = 1 AND status_change_id IS NOT NULL"
        ),
        1
    );
}

#[test]
fn a_customer_disputes_once_then_adds_to_the_same_dispute() {
    let db = db();
    let c = CustomerLink {
        link_id: stored_link(&db, settle_domain::links::Audience::Customer),
        customer_key: 1,
        customer_id: "C1",
        name: "Acme",
    };
    let ids = vec!["I1".to_string()];
    // More than I2's open amount: refused, nothing written.
    let too_much = customer_dispute(
        &db,
        &c,
        &["I2".to_string()],
        "price_dispute",
        &[("I2".to_string(), "50.01".to_string())],
        Some("Wrong price"),
        &[],
        &notice(),
        &who("customer:C1"),
    );
    match too_much {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/amounts/I2"),
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&db, "SELECT count(*) FROM disputes"), 0);
    // 30.00 of I1 in dispute.
    let first = customer_dispute(
        &db,
        &c,
        &ids,
        "price_dispute",
        &[("I1".to_string(), "30.00".to_string())],
        Some("Wrong price"),
        &[],
        &notice(),
        &who("customer:C1"),
    )
    .unwrap();
    assert!(first.value.is_some());
    assert_eq!(
        count(
            &db,
            "SELECT disputed_minor FROM disputes WHERE state = 'open'"
        ),
        3000
    );
    let actions = count(&db, "SELECT count(*) FROM actions");
    let again = customer_dispute(
        &db,
        &c,
        &ids,
        "price_dispute",
        &[("I1".to_string(), "10.00".to_string())],
        Some("Here is the contract"),
        &[file("contract.pdf", 10)],
        &notice(),
        &who("customer:C1"),
    )
    .unwrap();
    assert_eq!(again.value, None, "no second status change");
    // The amount the customer now gives is shown to the collector; the case keeps its own.
    assert_eq!(
        count(
            &db,
            "SELECT disputed_minor FROM disputes WHERE state = 'open'"
        ),
        3000
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM item_history WHERE event = 'dispute'
               AND json_extract(details, '$.amounts.I1') = '10.00'"
        ),
        1
    );
    assert_eq!(count(&db, "SELECT count(*) FROM actions"), actions);
    assert_eq!(
        count(&db, "SELECT count(*) FROM attachments WHERE link_id = 1"),
        1
    );
    // Another customer's item is refused on the page's field, and nothing is written.
    let history = count(&db, "SELECT count(*) FROM item_history");
    match customer_comment(
        &db,
        &c,
        &["J1".to_string()],
        "hello",
        &notice(),
        &who("customer:C1"),
    ) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].field.as_deref(), Some("item")),
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&db, "SELECT count(*) FROM item_history"), history);
}
