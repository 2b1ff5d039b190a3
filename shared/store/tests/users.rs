//! Console users against rusqlite.

mod common;

use common::*;
use settle_domain::users::{User, UserRole, hash_password, verify_password};
use settle_store::users;

fn alice() -> User {
    User {
        id: 0,
        name: "Alice".into(),
        email: "alice@corp.example".into(),
        role: UserRole::Collector,
        language: "fr".into(),
        active: true,
        created_at: String::new(),
        updated_at: String::new(),
        credentials: 0,
    }
}

#[test]
fn users_are_created_found_by_email_and_updated() {
    let db = db();
    assert_eq!(users::count(&db).unwrap(), 0);
    let hash = hash_password("correct horse battery", &[7; 16]).unwrap();
    let a = users::create_user(&db, &alice(), &hash, NOW).unwrap();
    assert_eq!(
        (a.email.as_str(), a.created_at.as_str()),
        ("alice@corp.example", NOW)
    );
    assert_eq!(users::count(&db).unwrap(), 1);
    assert!(users::email_taken(&db, "alice@corp.example", None).unwrap());
    assert!(!users::email_taken(&db, "alice@corp.example", Some(a.id)).unwrap());
    assert!(!users::email_taken(&db, "bob@corp.example", None).unwrap());
    let (found, stored) = users::password_hash(&db, "alice@corp.example")
        .unwrap()
        .unwrap();
    assert_eq!(found, a);
    assert!(verify_password("correct horse battery", &stored));
    assert!(
        users::password_hash(&db, "nobody@corp.example")
            .unwrap()
            .is_none()
    );

    // An update without a password keeps the hash; with one, replaces it.
    let changed = User {
        role: UserRole::Admin,
        active: false,
        ..a.clone()
    };
    users::update_user(&db, &changed, None, LATER).unwrap();
    let (unchanged, kept) = users::password_hash(&db, "alice@corp.example")
        .unwrap()
        .unwrap();
    assert_eq!(kept, stored);
    assert_eq!(unchanged.credentials, 0, "no new password: sessions stay");
    let other = hash_password("another passphrase", &[8; 16]).unwrap();
    users::update_user(&db, &changed, Some(&other), LATER).unwrap();
    let (now_user, replaced) = users::password_hash(&db, "alice@corp.example")
        .unwrap()
        .unwrap();
    assert!(verify_password("another passphrase", &replaced));
    assert_eq!(
        now_user.credentials, 1,
        "a new password ends older sessions"
    );
    assert_eq!(
        (now_user.role, now_user.active, now_user.updated_at.as_str()),
        (UserRole::Admin, false, LATER)
    );
    assert_eq!(users::user(&db, a.id).unwrap(), Some(now_user.clone()));
    assert_eq!(users::users(&db).unwrap(), vec![now_user]);
    assert!(users::user(&db, 999).unwrap().is_none());
    // The email is unique in the table too.
    assert!(users::create_user(&db, &alice(), &hash, NOW).is_err());
}
