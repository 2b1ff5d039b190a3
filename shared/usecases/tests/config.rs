//! The configuration use case against rusqlite: what the admin API and the console's admin
//! screens both call.

use serde_json::{Map, Value, json};
use settle_store::{Db, NativeDb, migrations};
use settle_usecases::config::{delete_model, save_model, save_resolver};
use settle_usecases::{Refusal, Who};

const NOW: &str = "2026-12-02T10:00:00.000Z";

fn who() -> Who {
    Who {
        actor: "token:1:admin".into(),
        at: NOW.into(),
        today: "2026-12-02".parse().unwrap(),
    }
}

fn obj(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn db() -> NativeDb {
    let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
    migrations::migrate(&db, NOW).unwrap();
    db
}

fn audit_rows(db: &NativeDb) -> i64 {
    db.query("SELECT count(*) FROM config_history", &[])
        .unwrap()
        .single_int()
        .unwrap()
}

#[test]
fn a_model_is_created_edited_with_labels_and_deleted_with_audit_rows() {
    let db = db();
    let b = obj(
        json!({"code": "call_back", "type": "call", "name": "Call back", "delay_days": 2,
                       "labels": {"ja": "折り返し電話"}}),
    );
    let s = save_model(&db, &b, &who(), None).unwrap().value;
    assert!(s.created);
    assert_eq!(s.record.labels["ja"], "折り返し電話");
    // An edit merges labels and keeps the rest.
    let b = obj(json!({"labels": {"fr": "Rappeler"}}));
    let s = save_model(&db, &b, &who(), Some("call_back"))
        .unwrap()
        .value;
    assert!(!s.created);
    assert_eq!(s.record.labels.len(), 2);
    assert_eq!(s.record.delay_days, 2);
    // The same code again: a conflict saying so, nothing written.
    let before = audit_rows(&db);
    let b = obj(json!({"code": "call_back", "type": "call", "name": "Again", "delay_days": 1}));
    match save_model(&db, &b, &who(), None) {
        Err(Refusal::Conflict { code, message, .. }) => {
            assert_eq!(code, "conflict");
            assert!(message.contains("already exists"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(audit_rows(&db), before);
    // Unused: deleted, with an audit row of what it was; then unknown.
    delete_model(&db, &who(), "call_back").unwrap();
    assert_eq!(audit_rows(&db), before + 1);
    assert!(matches!(
        delete_model(&db, &who(), "call_back"),
        Err(Refusal::NotFound(_))
    ));
    // In use (the dispute statuses' model): 409 in-use.
    match delete_model(&db, &who(), "dispute_follow_up") {
        Err(Refusal::Conflict { code, .. }) => assert_eq!(code, "in-use"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_bodies_name_every_field_and_unknown_records_are_not_found() {
    let db = db();
    let b = obj(json!({"name": "", "email": "nope", "role": "sales", "extra": 1}));
    match save_resolver(&db, &b, &who(), None) {
        Err(Refusal::Invalid(inv)) => {
            let p: Vec<&str> = inv.0.iter().map(|e| e.pointer.as_str()).collect();
            assert_eq!(p, ["/name", "/email", "/extra"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        save_resolver(&db, &obj(json!({"name": "X"})), &who(), Some("999")),
        Err(Refusal::NotFound(_))
    ));
    assert_eq!(audit_rows(&db), 0);
}
