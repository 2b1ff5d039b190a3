//! ERP sync, emails and links against rusqlite: the writes behind `/api/v1/erp/...`,
//! `/api/v1/emails` and `/api/v1/links` (and the console's Change status email step and
//! *Links* screen).

mod common;

use common::*;
use settle_domain::links::{self, Audience, LinkRequest};
use settle_domain::templates::parse_email_request;
use settle_usecases::emails::{self, Site};
use settle_usecases::erp::{self, Synced};
use settle_usecases::{AfterCommit, Refusal, links as link_uc};

#[test]
fn a_payment_closes_its_item_and_resolves_the_dispute_holding_it() {
    let db = db();
    let (_, action) = dispute(&db, &["I1"], 1);
    let batch = erp::parse_json(
        "payments",
        br#"{"payments":[{"id":"PAY-1","item_id":"I1","amount":"100.00","date":"2026-12-01","reference":"wire"}]}"#,
    )
    .unwrap();
    let done =
        settle_store::Db::transaction(&db, |db| erp::apply(db, &batch, &who("erp"))).unwrap();
    match done.value {
        Synced::Payments { payments } => assert_eq!(payments.closed_items.len(), 1),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM items WHERE erp_id = 'I1' AND open_minor = 0"
        ),
        1
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM resolutions"),
        1,
        "the dispute's resolution is recorded (paid)"
    );
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT count(*) FROM action_history WHERE action_id = {action} AND event = 'item_paid'"
            )
        ),
        1
    );
    // The same payment again is applied once.
    settle_store::Db::transaction(&db, |db| erp::apply(db, &batch, &who("erp"))).unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM payments"), 1);
}

#[test]
fn a_batch_with_a_bad_row_writes_nothing_and_names_the_row() {
    let db = db();
    let before = count(&db, "SELECT count(*) FROM payments");
    let batch = erp::parse_json(
        "payments",
        br#"{"payments":[{"id":"P1","item_id":"I1","amount":"1.00","date":"2026-12-01"},
                         {"id":"P2","item_id":"NOPE","amount":"1.00","date":"2026-12-01"}]}"#,
    )
    .unwrap();
    match settle_store::Db::transaction(&db, |db| erp::apply(db, &batch, &who("erp"))) {
        Err(Refusal::Invalid(inv)) => assert!(inv.0[0].pointer.starts_with("/payments/1"), "{inv}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&db, "SELECT count(*) FROM payments"), before);
    assert_eq!(
        count(&db, "SELECT count(*) FROM items WHERE open_minor = 9900"),
        0
    );
    let sideways = erp::FileOptions {
        mode: Some("sideways".into()),
        ..Default::default()
    };
    match erp::parse_file(&db, "items", b"id,customer_id\n", &sideways) {
        Err(Refusal::Invalid(inv)) => assert!(!inv.0.is_empty()),
        other => panic!("{other:?}"),
    }
}

/// A file's dry run says what the real import then does, writes nothing, and lists the
/// refused rows; the real import is recorded in the history in its own transaction.
#[test]
fn a_files_dry_run_is_what_its_import_then_does() {
    let db = db();
    let file = "Zahlung|Rechnung|Betrag|Datum\nZ1|I1|40,00|20261201\nZ2|I2|50,00|20261201\n";
    let profile = serde_json::json!({"name": "Bank", "target": "payments",
        "columns": {"id": "Zahlung", "item_id": "Rechnung", "amount": "Betrag", "date": "Datum"}});
    settle_usecases::imports::save_profile(
        &db,
        "bank",
        profile.as_object().unwrap(),
        &who("admin"),
    )
    .unwrap();
    let options = erp::FileOptions {
        profile: Some("bank".into()),
        file_name: Some("bank.txt".into()),
        ..Default::default()
    };
    let before = count(&db, "SELECT count(*) FROM payments");
    let dry = erp::dry_run_file(&db, "payments", file.as_bytes(), &options, &who("erp")).unwrap();
    assert!(dry.would_apply, "{:?}", dry.refused);
    assert_eq!(dry.rows, 2);
    assert_eq!(
        count(&db, "SELECT count(*) FROM payments"),
        before,
        "a dry run writes nothing"
    );
    let batch = erp::parse_file(&db, "payments", file.as_bytes(), &options).unwrap();
    let done =
        settle_store::Db::transaction(&db, |db| erp::apply_file(db, &batch, &who("erp"))).unwrap();
    assert_eq!(
        serde_json::to_value(&done.value).unwrap(),
        serde_json::to_value(dry.result.as_ref().unwrap()).unwrap(),
        "the same figures"
    );
    let history = settle_store::imports::imports(&db, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].file_name.as_deref(), history[0].rows),
        (Some("bank.txt"), 2)
    );
    // A refused row: the dry run lists it and counts the others; the import refuses all.
    let bad = "Zahlung|Rechnung|Betrag|Datum\nZ3|I1|1,00|20261201\nZ4|I1|zwei|20261201\n";
    let dry = erp::dry_run_file(&db, "payments", bad.as_bytes(), &options, &who("erp")).unwrap();
    assert!(!dry.would_apply);
    assert_eq!(
        (
            dry.refused[0].pointer.as_str(),
            dry.refused[0].field.as_deref()
        ),
        ("line 3", Some("Betrag"))
    );
    assert!(dry.result.is_some(), "the good row's effect");
    // What the store refuses is said in the file's terms too.
    let over = "Zahlung|Rechnung|Betrag|Datum\nZ5|I1|1.000,00|20261201\n";
    let dry = erp::dry_run_file(&db, "payments", over.as_bytes(), &options, &who("erp")).unwrap();
    assert_eq!(
        (
            dry.refused[0].pointer.as_str(),
            dry.refused[0].field.as_deref()
        ),
        ("line 2", Some("Betrag")),
        "{:?}",
        dry.refused
    );
    assert!(matches!(
        erp::parse_file(&db, "payments", bad.as_bytes(), &options),
        Err(Refusal::Invalid(_))
    ));
    // An unknown profile, or one for other records, is refused naming `profile`.
    for code in ["nope", "sap-fbl5n"] {
        let o = erp::FileOptions {
            profile: Some(code.into()),
            ..Default::default()
        };
        match erp::parse_file(&db, "payments", file.as_bytes(), &o) {
            Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "profile"),
            other => panic!("{code}: {other:?}"),
        }
    }
    // Built-in profiles are not stored over, nor deleted; stored ones are audited.
    assert!(matches!(
        settle_usecases::imports::save_profile(
            &db,
            "sap-fbl5n",
            profile.as_object().unwrap(),
            &who("admin")
        ),
        Err(Refusal::Conflict {
            code: "built-in",
            ..
        })
    ));
    settle_usecases::imports::delete_profile(&db, "bank", &who("admin")).unwrap();
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM config_history WHERE kind = 'import_profile' AND key = 'bank'"
        ),
        2
    );
    assert!(matches!(
        settle_usecases::imports::delete_profile(&db, "bank", &who("admin")),
        Err(Refusal::NotFound(_))
    ));
}

#[test]
fn an_email_is_queued_with_a_signed_link_and_its_delivery_waits_for_the_commit() {
    let db = db();
    let (change, _) = dispute(&db, &["I1"], 1);
    let site = Site {
        base_url: "https://settle.example",
        secret: "s3cret",
        formats: &Plain,
    };
    let r = parse_email_request(
        format!(r#"{{"template":"resolver_dispute","status_change_id":{change}}}"#).as_bytes(),
    )
    .unwrap();
    let preview = emails::preview(&db, &r, "Alice", &site, alice().today).unwrap();
    assert_eq!(preview.to, "rita@corp.example");
    assert!(preview.text.contains("link-created-when-sent"));
    assert_eq!(
        count(&db, "SELECT count(*) FROM links"),
        0,
        "a preview writes nothing"
    );
    let done = emails::send(&db, &r, &alice(), "Alice", &site).unwrap();
    assert_eq!(done.after, vec![AfterCommit::DeliverEmail(done.value)]);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM links WHERE audience = 'resolver'"
        ),
        1
    );
    let text: String = db_text(&db, done.value);
    let token = text
        .split("https://settle.example/r/")
        .nth(1)
        .map(|t| {
            t.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))
                .next()
                .unwrap_or_default()
        })
        .expect("the resolver's link is in the text");
    let claims = links::verify(b"s3cret", token, alice().now().timestamp(), |_| false).unwrap();
    assert_eq!(claims.status_change_id, Some(change));
    // A template naming no recipient for a dispute without a resolver: refused on `to`.
    let (bare, _) = {
        let input = settle_domain::status_change::parse_status_change(
            br#"{"item_ids":["I2"],"status":"price_dispute","comment":"x","next_action":"scenario"}"#,
        )
        .unwrap();
        let c = settle_usecases::status_change::ChangeStatus {
            input: &input,
            customer_id: None,
        };
        let a = settle_store::Db::transaction(&db, |db| {
            settle_usecases::status_change::apply(db, &c, &alice())
        })
        .unwrap();
        (a.applied.status_change_id, ())
    };
    let r = parse_email_request(
        format!(r#"{{"template":"resolver_dispute","status_change_id":{bare}}}"#).as_bytes(),
    )
    .unwrap();
    match emails::send(&db, &r, &alice(), "Alice", &site) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/to"),
        other => panic!("{other:?}"),
    }
}

fn db_text(db: &settle_store::NativeDb, id: i64) -> String {
    settle_store::Db::query(db, "SELECT text FROM outbox WHERE id = ?", &[id.into()])
        .unwrap()
        .rows[0][0]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_customer_link_signs_again_the_same_and_is_revoked_once() {
    let db = db();
    let l = settle_store::Db::transaction(&db, |db| {
        link_uc::create_customer_link(
            db,
            &LinkRequest {
                customer_id: "C1".into(),
                ttl_days: 30,
            },
            &alice(),
        )
    })
    .unwrap()
    .value;
    let a = link_uc::url_of(&l, "k", "https://s.example").unwrap();
    let b = link_uc::url_of(&link_uc::link(&db, l.id).unwrap(), "k", "https://s.example").unwrap();
    assert_eq!(a, b);
    assert!(a.starts_with(&links::url("https://s.example", Audience::Customer, "")));
    link_uc::revoke(&db, l.id, &alice()).unwrap();
    assert!(matches!(
        link_uc::revoke(&db, l.id, &alice()),
        Err(Refusal::Conflict {
            code: "already-revoked",
            ..
        })
    ));
    assert!(matches!(
        link_uc::revoke(&db, 999, &alice()),
        Err(Refusal::NotFound(_))
    ));
    match link_uc::create_customer_link(
        &db,
        &LinkRequest {
            customer_id: "NOPE".into(),
            ttl_days: 1,
        },
        &alice(),
    ) {
        Err(Refusal::Invalid(inv)) => assert_eq!(inv.0[0].pointer, "/customer_id"),
        other => panic!("{other:?}"),
    }
}
