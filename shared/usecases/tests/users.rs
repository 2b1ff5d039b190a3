//! The users use case against rusqlite: the rules every door (API, console, first-admin
//! page) gets.

use serde_json::{Map, Value, json};
use settle_domain::users::{UserRole, verify_password};
use settle_store::{NativeDb, migrations, users as store};
use settle_usecases::users::{SaveUser, save};
use settle_usecases::{Refusal, Who};

const NOW: &str = "2026-12-02T10:00:00.000Z";

fn db() -> NativeDb {
    let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
    migrations::migrate(&db, NOW).unwrap();
    db
}

fn who() -> Who {
    Who {
        actor: "token:1:installer".into(),
        at: NOW.into(),
        today: "2026-12-02".parse().unwrap(),
    }
}

fn body(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn run(
    db: &NativeDb,
    id: Option<i64>,
    b: Value,
    first_admin: bool,
) -> Result<settle_usecases::users::Saved, Refusal> {
    let b = body(b);
    save(
        db,
        &SaveUser {
            id,
            body: &b,
            first_admin,
            salt: [3; 16],
        },
        &who(),
    )
    .map(|d| d.value)
}

fn gina() -> Value {
    json!({"name": "Gina", "email": "gina@corp.test", "role": "collector",
           "password": "correct horse battery"})
}

#[test]
fn a_user_is_created_with_a_hashed_password_and_an_audit_row() {
    let db = db();
    let saved = run(&db, None, gina(), false).unwrap();
    assert!(saved.created && saved.password_changed);
    assert_eq!(saved.user.role, UserRole::Collector);
    let (_, hash) = store::password_hash(&db, "gina@corp.test")
        .unwrap()
        .unwrap();
    assert!(verify_password("correct horse battery", &hash));
    let audit = settle_store::config::history(&db, "user", &saved.user.id.to_string()).unwrap();
    assert_eq!(audit.len(), 1);
    assert!(!serde_json::to_string(&audit).unwrap().contains(&hash));
}

#[test]
fn look_alike_emails_are_the_same_email() {
    let db = db();
    run(&db, None, gina(), false).unwrap();
    for look_alike in [
        "gina@corp.test\u{200B}",
        "\u{FF47}ina@corp.test",
        "GINA@corp.test",
    ] {
        let mut b = gina();
        b["email"] = json!(look_alike);
        match run(&db, None, b, false) {
            Err(Refusal::Conflict { code, fields, .. }) => {
                assert_eq!(code, "email-taken");
                assert_eq!(fields.0[0].pointer, "/email");
            }
            other => panic!("{look_alike:?}: {other:?}"),
        }
    }
    assert_eq!(store::count(&db).unwrap(), 1);
}

#[test]
fn a_new_password_bumps_the_credentials_other_edits_do_not() {
    let db = db();
    let id = run(&db, None, gina(), false).unwrap().user.id;
    let s = run(&db, Some(id), json!({"language": "ja"}), false).unwrap();
    assert!(!s.password_changed);
    assert_eq!((s.user.language.as_str(), s.user.credentials), ("ja", 0));
    let s = run(
        &db,
        Some(id),
        json!({"password": "another long passphrase"}),
        false,
    )
    .unwrap();
    assert!(s.password_changed && !s.created);
    assert_eq!(s.user.credentials, 1);
}

#[test]
fn the_first_admin_is_made_once_and_is_an_admin() {
    let db = db();
    let mut b = gina();
    b["role"] = json!("collector");
    assert!(matches!(
        run(&db, None, b, true),
        Err(Refusal::Forbidden(_))
    ));
    let mut b = gina();
    b["role"] = json!("admin");
    assert!(run(&db, None, b.clone(), true).is_ok());
    b["email"] = json!("second@corp.test");
    assert!(matches!(
        run(&db, None, b, true),
        Err(Refusal::Forbidden(_))
    ));
    assert_eq!(store::count(&db).unwrap(), 1);
}

#[test]
fn bad_input_and_unknown_ids_write_nothing() {
    let db = db();
    let r = run(
        &db,
        None,
        json!({"name": "Eve\u{7f}", "email": "eve", "role": "", "password": "short", "x": 1}),
        false,
    );
    let Err(Refusal::Invalid(inv)) = r else {
        panic!("{r:?}")
    };
    let pointers: Vec<&str> = inv.0.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, ["/name", "/email", "/role", "/password", "/x"]);
    assert!(matches!(
        run(&db, Some(42), json!({"language": "en"}), false),
        Err(Refusal::NotFound(_))
    ));
    assert_eq!(store::count(&db).unwrap(), 0);
}
