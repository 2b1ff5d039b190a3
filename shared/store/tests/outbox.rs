//! Email sources, signed links' records and the outbox against rusqlite.

mod common;

use common::*;
use settle_domain::links::Audience;
use settle_store::outbox::{self, NewMessage, Regarding};

fn message(customer_key: i64, change: i64) -> NewMessage<'static> {
    NewMessage {
        template: "resolver_dispute",
        language: "en",
        audience: "resolver",
        to: "sam@example.com",
        subject: "Dispute: Acme",
        html: "<p>Hi</p>",
        text: "Hi",
        customer_key,
        status_change_id: Some(change),
        action_id: None,
    }
}

#[test]
fn the_source_of_an_email_is_the_dispute_it_is_about() {
    let db = db();
    let applied = price_dispute(&db);
    let s = outbox::email_source(&db, Regarding::StatusChange(applied.status_change_id))
        .unwrap()
        .unwrap();
    assert_eq!(s.customer_id, "C1");
    assert_eq!(s.customer_email.as_deref(), Some("ap@acme.example"));
    assert_eq!(s.status_code.as_deref(), Some("price_dispute"));
    assert!(s.status_labels.contains("Price dispute"));
    assert_eq!(s.resolver.as_ref().unwrap().name, "Sam");
    assert_eq!(s.items.len(), 2);
    assert_eq!(s.action_id, applied.action_id);
    let by_action = outbox::email_source(&db, Regarding::Action(applied.action_id.unwrap()))
        .unwrap()
        .unwrap();
    assert_eq!(by_action.action_type.as_deref(), Some("dispute"));
    assert!(
        outbox::email_source(&db, Regarding::StatusChange(999))
            .unwrap()
            .is_none()
    );
    assert!(
        outbox::email_source(&db, Regarding::Action(999))
            .unwrap()
            .is_none()
    );
}

#[test]
fn links_are_recorded_and_revoked_once() {
    let db = db();
    let c1 = customer_key(&db, "C1");
    let id = outbox::create_link(
        &db,
        Audience::Customer,
        "C1",
        c1,
        None,
        None,
        "2025-03-31T10:00:00.000Z",
        "alice",
        NOW,
    )
    .unwrap();
    let l = outbox::link(&db, id).unwrap().unwrap();
    assert_eq!(
        (l.audience.as_str(), l.customer_id.as_str()),
        ("customer", "C1")
    );
    assert!(!outbox::link_revoked(&db, id).unwrap());
    assert_eq!(
        outbox::revoke_link(&db, id, "alice", LATER).unwrap(),
        Some(true)
    );
    assert_eq!(
        outbox::revoke_link(&db, id, "alice", LATER).unwrap(),
        Some(false)
    );
    assert!(outbox::link_revoked(&db, id).unwrap());
    assert_eq!(outbox::revoke_link(&db, 999, "alice", LATER).unwrap(), None);
    assert!(outbox::link(&db, 999).unwrap().is_none());
}

#[test]
fn messages_queue_page_and_record_attempts() {
    let db = db();
    let c1 = customer_key(&db, "C1");
    let change = price_dispute(&db).status_change_id;
    let a = outbox::enqueue(&db, &message(c1, change), "alice", NOW).unwrap();
    let b = outbox::enqueue(&db, &message(c1, change), "alice", NOW).unwrap();
    let m = outbox::message(&db, a).unwrap().unwrap();
    assert_eq!((m.state.as_str(), m.attempts), ("queued", 0));
    assert_eq!(m.html.as_deref(), Some("<p>Hi</p>"));
    assert_eq!(outbox::unsent(&db, 10).unwrap(), [a, b]);
    outbox::record_attempt(&db, a, Some("the email API answered 500"), LATER).unwrap();
    outbox::record_attempt(&db, b, None, LATER).unwrap();
    let m = outbox::message(&db, a).unwrap().unwrap();
    assert_eq!((m.state.as_str(), m.attempts), ("failed", 1));
    assert_eq!(m.last_error.as_deref(), Some("the email API answered 500"));
    assert_eq!(outbox::message(&db, b).unwrap().unwrap().state, "sent");
    assert_eq!(
        outbox::unsent(&db, 10).unwrap(),
        [a],
        "failed ones are retried"
    );
    let newest_first = outbox::messages(&db, None, None, 10).unwrap();
    assert_eq!(
        newest_first.iter().map(|m| m.id).collect::<Vec<_>>(),
        [b, a]
    );
    assert!(newest_first[0].html.is_none(), "lists leave the bodies out");
    let page2 = outbox::messages(&db, None, Some(b), 10).unwrap();
    assert_eq!(page2.iter().map(|m| m.id).collect::<Vec<_>>(), [a]);
    let sent = outbox::messages(&db, Some("sent"), None, 10).unwrap();
    assert_eq!(sent.len(), 1);
}
