//! Statuses, resolvers, action models, email templates and the configuration history
//! against rusqlite.

mod common;

use common::*;
use serde_json::json;
use settle_domain::actions::{ActionModel, ActionType, ResolverState};
use settle_domain::catalog::StatusKind;
use settle_store::config::{self, EmailTemplate};

#[test]
fn the_default_catalog_is_seeded() {
    let db = db();
    let statuses = config::statuses(&db).unwrap();
    assert!(statuses.iter().any(|s| s.status.code == "price_dispute"
        && s.status.kind == StatusKind::Dispute
        && s.action_model.as_deref() == Some("dispute_follow_up")));
    assert_eq!(
        config::resolved_status(&db).unwrap().as_deref(),
        Some("dispute_resolved")
    );
    assert!(config::status_exists(&db, "price_dispute").unwrap());
    assert!(!config::status_exists(&db, "nope").unwrap());
    assert!(config::status(&db, "nope").unwrap().is_none());
}

#[test]
fn statuses_save_count_their_use_and_know_when_they_were_used() {
    let db = db();
    let mut s = config::status(&db, "price_dispute").unwrap().unwrap();
    assert_eq!(s.open_items, 0);
    assert!(!config::status_in_use(&db, "price_dispute").unwrap());
    price_dispute(&db);
    s = config::status(&db, "price_dispute").unwrap().unwrap();
    assert_eq!(s.open_items, 2);
    assert!(config::status_in_use(&db, "price_dispute").unwrap());
    let mut edited = s.status.clone();
    edited.active = false;
    config::save_status(&db, &edited, None, false).unwrap();
    let after = config::status(&db, "price_dispute").unwrap().unwrap();
    assert!(!after.status.active);
    assert_eq!(after.action_model, None);
    assert!(
        config::status_to_apply(&db, "price_dispute")
            .unwrap()
            .is_some(),
        "an inactive status is still found (the rules refuse it)"
    );
    let mut resolved = config::status(&db, "dispute_resolved")
        .unwrap()
        .unwrap()
        .status;
    resolved.active = false;
    config::save_status(&db, &resolved, None, false).unwrap();
    assert_eq!(config::resolved_status(&db).unwrap(), None);
}

#[test]
fn resolvers_create_update_and_report_their_state() {
    let db = db();
    let r = config::create_resolver(&db, "Tia", "tia@example.com", "tech", "de", NOW).unwrap();
    assert_eq!(r.id, 2);
    let mut off = r.clone();
    off.active = false;
    config::update_resolver(&db, &off, LATER).unwrap();
    assert!(!config::resolver(&db, 2).unwrap().unwrap().active);
    assert_eq!(config::resolvers(&db).unwrap().len(), 2);
    assert_eq!(
        config::resolver_states(&db, &[1, 2, 9]).unwrap(),
        [
            ResolverState {
                id: 1,
                active: true
            },
            ResolverState {
                id: 2,
                active: false
            }
        ]
    );
}

#[test]
fn action_models_and_templates_save_and_read() {
    let db = db();
    let m = ActionModel {
        code: "call_back".into(),
        action_type: ActionType::Call,
        name: "Call back".into(),
        delay_days: 3,
        active: true,
        labels: [("ja".to_string(), "折り返し電話".to_string())].into(),
    };
    config::save_action_model(&db, &m, true, NOW).unwrap();
    assert_eq!(config::action_model(&db, "call_back").unwrap(), Some(m));
    assert_eq!(config::action_models(&db).unwrap().len(), 3);
    // The seeded models carry their names in the 15 languages (migration 10).
    let seeded = config::action_model(&db, "dispute_follow_up")
        .unwrap()
        .unwrap();
    assert_eq!(seeded.labels["ja"], "係争のフォローアップ");
    assert_eq!(seeded.labels.len(), 15);
    let t = EmailTemplate {
        code: "resolver_dispute".into(),
        language: "de".into(),
        audience: "resolver".into(),
        subject: "Streitfall #customer_name".into(),
        body: "<p>#comment</p>".into(),
        updated_at: NOW.into(),
        updated_by: "admin".into(),
    };
    config::save_template(&db, &t).unwrap();
    assert_eq!(
        config::template(&db, "resolver_dispute", "de").unwrap(),
        Some(t)
    );
    let fallback = config::template_for(&db, "resolver_dispute", "ko")
        .unwrap()
        .unwrap();
    assert_eq!(
        fallback.language, "en",
        "a missing language falls back to English"
    );
    let pt = config::template_for(&db, "resolver_dispute", "pt-AO")
        .unwrap()
        .unwrap();
    assert_eq!(pt.language, "pt", "then to its primary language");
    let br = config::template_for(&db, "resolver_dispute", "pt-BR")
        .unwrap()
        .unwrap();
    assert_eq!(br.language, "pt-BR");
    assert!(config::template(&db, "nope", "en").unwrap().is_none());
}

#[test]
fn every_configuration_change_is_kept() {
    let db = db();
    config::record(
        &db,
        "admin",
        NOW,
        "resolver",
        "1",
        None,
        Some(json!({"name": "Sam"})),
    )
    .unwrap();
    config::record(
        &db,
        "admin",
        LATER,
        "resolver",
        "1",
        Some(json!({"name": "Sam"})),
        Some(json!({"name": "Samuel"})),
    )
    .unwrap();
    let h = config::history(&db, "resolver", "1").unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].before, serde_json::Value::Null);
    assert_eq!(h[1].after["name"], "Samuel");
    assert!(config::history(&db, "resolver", "2").unwrap().is_empty());
}

#[test]
fn only_what_nothing_refers_to_can_be_deleted() {
    let db = db();
    price_dispute(&db);
    // Statuses: price_dispute is carried; a new one is not.
    assert!(config::status_referenced(&db, "price_dispute").unwrap());
    let unused = settle_domain::catalog::Status {
        code: "spare".into(),
        kind: settle_domain::catalog::StatusKind::Info,
        typology: None,
        labels: [("en".to_string(), "Spare".to_string())].into(),
        active: true,
        customer_visible: true,
        customer_selectable: false,
        target_days: None,
        escalation_days: None,
    };
    config::save_status(&db, &unused, None, true).unwrap();
    assert!(!config::status_referenced(&db, "spare").unwrap());
    assert!(config::delete_status(&db, "spare").unwrap());
    assert!(config::status(&db, "spare").unwrap().is_none());
    assert!(
        !config::delete_status(&db, "spare").unwrap(),
        "already gone"
    );
    // Resolvers: Sam (1) is on the dispute; a new one is not.
    assert!(config::resolver_referenced(&db, 1).unwrap());
    let r = config::create_resolver(&db, "Nobody", "n@example.com", "sales", "en", NOW).unwrap();
    assert!(!config::resolver_referenced(&db, r.id).unwrap());
    assert!(config::delete_resolver(&db, r.id).unwrap());
    assert!(config::resolver(&db, r.id).unwrap().is_none());
    // Action models: the dispute follow-up is a status's model and an action's.
    assert!(config::model_referenced(&db, "dispute_follow_up").unwrap());
    let m = settle_domain::actions::ActionModel {
        code: "spare_model".into(),
        action_type: settle_domain::actions::ActionType::parse("call").unwrap(),
        name: "Spare".into(),
        delay_days: 3,
        active: true,
        labels: Default::default(),
    };
    config::save_action_model(&db, &m, true, NOW).unwrap();
    assert!(!config::model_referenced(&db, "spare_model").unwrap());
    assert!(config::delete_action_model(&db, "spare_model").unwrap());
    assert!(config::action_model(&db, "spare_model").unwrap().is_none());
}
