//! Dispute cases, natively: a status change opens a case over part of an item, updates,
//! reopens or resolves it; payments settle the undisputed part first unless said to be for
//! the dispute; credit notes credit it once; a settled case resolves by itself and its item
//! goes back to the scenario; write-offs under the tolerance and refused above it. Every
//! query of `settle_store::disputes` runs here on SQLite, and every case's amounts add up
//! (the table's CHECK would refuse them otherwise).

mod common;

use common::*;
use serde_json::{Value, json};
use settle_domain::erp::{parse_items_json, parse_payments};
use settle_store::disputes::{self as store, CaseFilter, CaseView};
use settle_store::{Db, NativeDb};
use settle_usecases::disputes as uc;
use settle_usecases::erp::{Batch, apply as erp};
use settle_usecases::{Refusal, Who};

fn change(db: &NativeDb, body: Value, who: &Who) -> Result<i64, Refusal> {
    change_status(db, &body, who).map(|c| c.applied.status_change_id)
}

fn case_of(db: &NativeDb, item: &str) -> CaseView {
    let key = settle_store::actions::load_items(db, &[item.to_string()]).unwrap()[0]
        .as_ref()
        .unwrap()
        .key;
    store::cases(
        db,
        &CaseFilter {
            item_key: Some(key),
            limit: 1,
            ..Default::default()
        },
    )
    .unwrap()
    .remove(0)
}

fn amounts(c: &CaseView) -> [&str; 5] {
    [
        &c.amounts.original_amount,
        &c.amounts.disputed_amount,
        &c.amounts.paid_amount,
        &c.amounts.credited_amount,
        &c.amounts.written_off_amount,
    ]
}

fn events(db: &NativeDb, id: i64) -> Vec<String> {
    store::history(
        db,
        id,
        settle_domain::money::Currency::parse("EUR").unwrap(),
    )
    .unwrap()
    .into_iter()
    .map(|h| h.event)
    .collect()
}

fn pay(db: &NativeDb, body: Value) -> Result<(), Refusal> {
    let p = parse_payments(body.to_string().as_bytes()).unwrap();
    db.transaction(|db| erp(db, &Batch::Payments(p.clone()), &who("erp")))
        .map(|_| ())
}

fn sync(db: &NativeDb, body: Value) -> Result<(), Refusal> {
    let b = parse_items_json(body.to_string().as_bytes()).unwrap();
    db.transaction(|db| erp(db, &Batch::Items(b.clone()), &who("erp")))
        .map(|_| ())
}

/// Terminates a dispute follow-up today, as Alice: its cases resolve `terminated`.
fn terminate(db: &NativeDb, action: i64) {
    settle_usecases::actions::terminate(
        db,
        action,
        settle_usecases::actions::Seen::Any,
        &obj(json!({"comment": "Credit agreed"})),
        &alice(),
    )
    .unwrap();
}

fn item_status(db: &NativeDb, item: &str) -> (Option<String>, Option<i64>) {
    let r = db
        .query(
            "SELECT status_code, action_id FROM items WHERE erp_id = ?",
            &[item.into()],
        )
        .unwrap();
    let row = &r.rows[0];
    (row[0].as_str().map(str::to_string), row[1].as_i64())
}

#[test]
fn a_dispute_over_part_of_an_item_opens_a_case_and_the_amount_is_checked() {
    let db = db();
    // 150.00 of I1 (100.00 open) is too much: refused, naming the item, nothing written.
    let refused = change(
        &db,
        json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "comment": "Wrong price",
               "amounts": {"I1": "150.00", "I9": "1"}}),
        &alice(),
    );
    let Err(Refusal::Invalid(e)) = refused else {
        panic!("{refused:?}")
    };
    let pointers: Vec<&str> = e.0.iter().map(|f| f.pointer.as_str()).collect();
    assert_eq!(pointers, ["/amounts/I9", "/amounts/I1"]);
    assert!(e.0[1].message.contains("100.00 EUR"), "{e:?}");
    assert_eq!(count(&db, "SELECT count(*) FROM disputes"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM status_changes"), 0);
    // Amounts on a status that is not a dispute are refused.
    let refused = change(
        &db,
        json!({"item_ids": ["I1"], "status": "promise_to_pay", "amounts": {"I1": "1.00"}}),
        &alice(),
    );
    let Err(Refusal::Invalid(e)) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(e.0[0].pointer, "/amounts");
    assert!(e.0[0].message.contains("dispute statuses"), "{e:?}");

    let sc = change(
        &db,
        json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": 1, "amounts": {"I1": "15.00"}}),
        &alice(),
    )
    .unwrap();
    let c1 = case_of(&db, "I1");
    assert_eq!(amounts(&c1), ["15.00", "15.00", "0.00", "0.00", "0.00"]);
    assert_eq!(
        (c1.state.as_str(), c1.reason.as_str(), c1.resolver_id),
        ("open", "price_dispute", Some(1))
    );
    assert_eq!(c1.status_change_id, Some(sc));
    assert_eq!(c1.opened_on, "2026-12-02");
    // I2 without an amount: its whole open amount.
    assert_eq!(amounts(&case_of(&db, "I2"))[1], "50.00");
    assert_eq!(events(&db, c1.id), ["opened"]);
    // The statement shows the disputed amount beside the open amount.
    let lines = settle_store::ledger::list_items(
        &db,
        &settle_store::ledger::ItemFilter {
            limit: 10,
            ..Default::default()
        },
        who("x").today,
    )
    .unwrap();
    let i1 = lines.iter().find(|l| l.id == "I1").unwrap();
    assert_eq!(
        (
            i1.open_amount.as_str(),
            i1.disputed_amount.as_deref(),
            i1.dispute_id
        ),
        ("100.00", Some("15.00"), Some(c1.id))
    );
    assert_eq!(
        lines.iter().find(|l| l.id == "J1").unwrap().disputed_amount,
        None
    );

    // Disputed again with another reason and a new amount: the same case, updated.
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "quality_dispute", "comment": "Damaged too",
               "amounts": {"I1": "40.00"}}),
        &alice(),
    )
    .unwrap();
    let again = case_of(&db, "I1");
    assert_eq!(again.id, c1.id);
    assert_eq!(amounts(&again), ["40.00", "40.00", "0.00", "0.00", "0.00"]);
    assert_eq!(again.reason, "quality_dispute");
    assert_eq!(again.resolver_id, Some(1), "the resolver is kept");
    assert_eq!(events(&db, c1.id), ["opened", "updated"]);

    // A promise resolves it (requalified); disputed again within 30 days, it reopens.
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "promise_to_pay"}),
        &alice(),
    )
    .unwrap();
    let resolved = case_of(&db, "I1");
    assert_eq!(
        (resolved.state.as_str(), resolved.resolution.as_deref()),
        ("resolved", Some("requalified"))
    );
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Still wrong",
               "amounts": {"I1": "20.00"}}),
        &alice(),
    )
    .unwrap();
    let reopened = case_of(&db, "I1");
    assert_eq!(reopened.id, c1.id);
    assert_eq!(reopened.state, "open");
    assert_eq!(reopened.resolution, None);
    assert_eq!(amounts(&reopened)[1], "20.00");
    assert_eq!(
        events(&db, c1.id),
        ["opened", "updated", "resolved", "reopened"]
    );
    assert_eq!(count(&db, "SELECT count(*) FROM disputes"), 2);
}

#[test]
fn payments_pay_the_undisputed_part_first_unless_they_are_for_the_dispute() {
    let db = db();
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "amounts": {"I1": "30.00"}, "next_action": "suggested"}),
        &alice(),
    )
    .unwrap();
    // 60.00 of the 70.00 undisputed: the case is untouched.
    pay(
        &db,
        json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "60.00", "date": "2026-12-01"}]}),
    )
    .unwrap();
    let c = case_of(&db, "I1");
    assert_eq!(amounts(&c), ["30.00", "30.00", "0.00", "0.00", "0.00"]);
    // 20.00 without saying: 10.00 undisputed, then 10.00 of the dispute.
    pay(
        &db,
        json!({"payments": [{"id": "P2", "item_id": "I1", "amount": "20.00", "date": "2026-12-01"}]}),
    )
    .unwrap();
    assert_eq!(
        amounts(&case_of(&db, "I1")),
        ["30.00", "20.00", "10.00", "0.00", "0.00"]
    );
    // Sent again: applied once.
    pay(
        &db,
        json!({"payments": [{"id": "P2", "item_id": "I1", "amount": "20.00", "date": "2026-12-01"}]}),
    )
    .unwrap();
    assert_eq!(amounts(&case_of(&db, "I1"))[1], "20.00");
    // A bad "for" is refused naming the field.
    let bad = parse_payments(
        br#"{"payments": [{"id": "P9", "item_id": "I1", "amount": "1", "date": "2026-12-01", "for": "both"}]}"#,
    )
    .unwrap_err();
    assert_eq!(bad.0[0].pointer, "/payments/0/for");

    // I2 disputed in full, paid 20.00 for the dispute of its 50.00, then the rest: the
    // case resolves by itself, paid.
    change(
        &db,
        json!({"item_ids": ["I2"], "status": "price_dispute", "comment": "x",
               "amounts": {"I2": "25.00"}, "next_action": "suggested"}),
        &alice(),
    )
    .unwrap();
    pay(
        &db,
        json!({"payments": [{"id": "P3", "item_id": "I2", "amount": "25.00", "date": "2026-12-02", "for": "disputed"}]}),
    )
    .unwrap();
    let c2 = case_of(&db, "I2");
    assert_eq!(amounts(&c2), ["25.00", "0.00", "25.00", "0.00", "0.00"]);
    assert_eq!(
        (
            c2.state.as_str(),
            c2.resolution.as_deref(),
            c2.resolved_on.as_deref()
        ),
        ("resolved", Some("paid"), Some("2026-12-02"))
    );
    assert_eq!(events(&db, c2.id), ["opened", "paid", "resolved"]);
    // The item stays open (25.00 undisputed), resolved and back in the scenario.
    assert_eq!(
        item_status(&db, "I2"),
        (Some("dispute_resolved".into()), None)
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM resolutions WHERE how = 'paid' AND item_id = (SELECT id FROM items WHERE erp_id = 'I2')"
        ),
        1
    );
    let actor = db
        .query(
            "SELECT actor FROM dispute_history WHERE event = 'paid' ORDER BY id DESC LIMIT 1",
            &[],
        )
        .unwrap()
        .rows[0][0]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(actor, "erp");
}

#[test]
fn credit_notes_that_apply_to_an_invoice_credit_its_case_once() {
    let db = db();
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "amounts": {"I1": "40.00"}, "next_action": "suggested"}),
        &alice(),
    )
    .unwrap();
    let cn = |id: &str, amount: &str, applies: &str| {
        json!({"id": id, "customer_id": "C1", "kind": "credit_note", "number": id,
               "issue_date": "2026-12-01", "due_date": "2026-12-01", "amount": amount,
               "open_amount": amount, "currency": "EUR", "applies_to": applies})
    };
    // To an unknown invoice: refused, nothing written.
    let refused = sync(
        &db,
        json!({"mode": "delta", "items": [cn("CN0", "10.00", "I9")]}),
    );
    let Err(Refusal::Invalid(e)) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(e.0[0].pointer, "/items/0/applies_to");
    assert_eq!(
        count(&db, "SELECT count(*) FROM items WHERE erp_id = 'CN0'"),
        0
    );

    sync(
        &db,
        json!({"mode": "delta", "items": [cn("CN1", "15.00", "I1")]}),
    )
    .unwrap();
    let c = case_of(&db, "I1");
    assert_eq!(amounts(&c), ["40.00", "25.00", "0.00", "15.00", "0.00"]);
    // Sent again (a stock snapshot sends everything every day): credited once.
    sync(
        &db,
        json!({"mode": "delta", "items": [cn("CN1", "15.00", "I1")]}),
    )
    .unwrap();
    assert_eq!(amounts(&case_of(&db, "I1"))[1], "25.00");
    // A bigger credit note settles the rest: the case resolves by itself.
    sync(
        &db,
        json!({"mode": "delta", "items": [cn("CN2", "30.00", "I1")]}),
    )
    .unwrap();
    let c = case_of(&db, "I1");
    assert_eq!(amounts(&c), ["40.00", "0.00", "0.00", "40.00", "0.00"]);
    assert_eq!(c.resolution.as_deref(), Some("credited"));
    assert_eq!(
        events(&db, c.id),
        ["opened", "credited", "credited", "resolved"]
    );
    assert_eq!(
        item_status(&db, "I1"),
        (Some("dispute_resolved".into()), None)
    );
    // applies_to on an invoice is refused by the reader.
    let e = parse_items_json(
        json!({"items": [{"id": "X", "customer_id": "C1", "kind": "invoice", "number": "X",
               "issue_date": "2026-12-01", "due_date": "2026-12-01", "amount": "1",
               "open_amount": "1", "currency": "EUR", "applies_to": "I1"}]})
        .to_string()
        .as_bytes(),
    )
    .unwrap_err();
    assert_eq!(e.0[0].pointer, "/items/0/applies_to");
}

#[test]
fn an_open_amount_lowered_by_the_erp_below_the_dispute_settles_it_down() {
    let db = db();
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "amounts": {"I1": "80.00"}}),
        &alice(),
    )
    .unwrap();
    let row = |open: &str| {
        json!({"mode": "delta", "items": [{"id": "I1", "customer_id": "C1", "kind": "invoice",
               "number": "N-I1", "issue_date": "2026-10-01", "due_date": "2026-11-01",
               "amount": "100.00", "open_amount": open, "currency": "EUR"}]})
    };
    sync(&db, row("50.00")).unwrap();
    assert_eq!(
        amounts(&case_of(&db, "I1")),
        ["80.00", "50.00", "30.00", "0.00", "0.00"]
    );
    sync(&db, row("0.00")).unwrap();
    let c = case_of(&db, "I1");
    assert_eq!(amounts(&c), ["80.00", "0.00", "80.00", "0.00", "0.00"]);
    assert_eq!(c.resolution.as_deref(), Some("item_closed"));
    // A stock snapshot that leaves I2 out closes it: its case settles too.
    change(
        &db,
        json!({"item_ids": ["I2"], "status": "price_dispute", "comment": "x"}),
        &alice(),
    )
    .unwrap();
    sync(
        &db,
        json!({"mode": "stock", "entity": "FR01", "items": [{"id": "I9", "customer_id": "C1",
               "kind": "invoice", "number": "N-I9", "issue_date": "2026-10-01", "due_date": "2026-11-01",
               "amount": "1.00", "open_amount": "1.00", "currency": "EUR"}]}),
    )
    .unwrap();
    let c = case_of(&db, "I2");
    assert_eq!(amounts(&c), ["50.00", "0.00", "50.00", "0.00", "0.00"]);
    assert_eq!(c.resolution.as_deref(), Some("item_closed"));
}

#[test]
fn write_offs_close_a_remainder_under_the_tolerance_and_are_refused_above_it() {
    let db = db();
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
               "next_action": "suggested"}),
        &alice(),
    )
    .unwrap();
    let id = case_of(&db, "I1").id;
    let admin = who("token:1:admin");
    // No tolerance for FR01 EUR yet.
    let r = uc::write_off(&db, id, &obj(json!({})), &alice());
    assert!(
        matches!(
            &r,
            Err(Refusal::Conflict {
                code: "no-write-off-tolerance",
                ..
            })
        ),
        "{r:?}"
    );
    // Bad tolerances are refused naming the field.
    let bad = uc::put_tolerance(
        &db,
        "FR01",
        "EUR",
        br#"{"amount": "5.001", "percent": "5"}"#,
        &admin,
    );
    let Err(Refusal::Invalid(e)) = bad else {
        panic!("{bad:?}")
    };
    assert_eq!(e.0[0].field.as_deref(), Some("amount"));
    uc::put_tolerance(
        &db,
        "FR01",
        "EUR",
        br#"{"amount": "5.00", "percent": "5"}"#,
        &admin,
    )
    .unwrap();
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM config_history WHERE kind = 'write_off_tolerance'"
        ),
        1
    );
    // 100.00 disputed: above 5.00 and 5 %.
    let r = uc::write_off(&db, id, &obj(json!({})), &alice());
    let Err(Refusal::Conflict { code, message, .. }) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(*code, "above-write-off-tolerance");
    assert!(message.contains("FR01 EUR"), "{message}");
    // A credit note of 96.00 leaves 4.00: written off.
    sync(
        &db,
        json!({"mode": "delta", "items": [{"id": "CN1", "customer_id": "C1", "kind": "credit_note",
               "number": "CN1", "issue_date": "2026-12-01", "due_date": "2026-12-01",
               "amount": "96.00", "open_amount": "96.00", "currency": "EUR", "applies_to": "I1"}]}),
    )
    .unwrap();
    let done = uc::write_off(
        &db,
        id,
        &obj(json!({"comment": "Not worth chasing"})),
        &alice(),
    )
    .unwrap();
    assert_eq!(
        amounts(&done.value),
        ["100.00", "0.00", "0.00", "96.00", "4.00"]
    );
    assert_eq!(done.value.resolution.as_deref(), Some("written_off"));
    assert_eq!(
        item_status(&db, "I1"),
        (Some("dispute_resolved".into()), None)
    );
    // Twice: refused, the case is resolved.
    let r = uc::write_off(&db, id, &obj(json!({})), &alice());
    assert!(
        matches!(
            &r,
            Err(Refusal::Conflict {
                code: "dispute-resolved",
                ..
            })
        ),
        "{r:?}"
    );
    let r = uc::write_off(&db, 999, &obj(json!({})), &alice());
    assert!(matches!(&r, Err(Refusal::NotFound(_))), "{r:?}");
    // The tolerance is removed, audited.
    uc::delete_tolerance(&db, "FR01", "EUR", &admin).unwrap();
    assert!(store::tolerances(&db).unwrap().is_empty());
    assert!(matches!(
        uc::delete_tolerance(&db, "FR01", "EUR", &admin),
        Err(Refusal::NotFound(_))
    ));
}

#[test]
fn terminating_the_follow_up_resolves_the_case_and_the_list_filters() {
    let db = db();
    let (_, action) = dispute(&db, &["I1", "I2"], 1);
    change(
        &db,
        json!({"item_ids": ["J1"], "status": "quality_dispute", "comment": "Broken",
               "resolver_id": 2}),
        &alice(),
    )
    .unwrap();
    let list = |f: CaseFilter| -> Vec<String> {
        store::cases(&db, &CaseFilter { limit: 10, ..f })
            .unwrap()
            .into_iter()
            .map(|c| c.item_id)
            .collect()
    };
    assert_eq!(list(CaseFilter::default()), ["J1", "I2", "I1"]);
    assert_eq!(
        list(CaseFilter {
            resolver_id: Some(2),
            ..Default::default()
        }),
        ["J1"]
    );
    assert_eq!(
        list(CaseFilter {
            reason: Some("price_dispute".into()),
            ..Default::default()
        }),
        ["I2", "I1"]
    );
    let page = store::cases(
        &db,
        &CaseFilter {
            limit: 2,
            ..Default::default()
        },
    )
    .unwrap();
    let last = page.last().unwrap();
    assert_eq!(
        list(CaseFilter {
            before: Some((last.opened_on.clone(), last.id)),
            ..Default::default()
        }),
        ["I1"]
    );
    terminate(&db, action);
    let c = case_of(&db, "I1");
    assert_eq!(
        (c.state.as_str(), c.resolution.as_deref()),
        ("resolved", Some("terminated"))
    );
    assert_eq!(
        list(CaseFilter {
            state: Some("open".into()),
            ..Default::default()
        }),
        ["J1"]
    );
    // Late: no deadline yet, so none is late.
    assert!(
        list(CaseFilter {
            late_on: Some("2027-01-01".into()),
            ..Default::default()
        })
        .is_empty()
    );
    // Every case's amounts add up in the table.
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM disputes WHERE original_minor <> disputed_minor + paid_minor + credited_minor + written_off_minor"
        ),
        0
    );
}

#[test]
fn the_migration_opens_a_case_for_every_item_in_dispute() {
    // A ledger written at version 17, I1 in dispute, I2 resolved, then migrated to 18 and on.
    let db = NativeDb(rusqlite::Connection::open_in_memory().unwrap());
    settle_store::migrations::migrate_to(&db, NOW, 17).unwrap();
    let c = settle_domain::erp::parse_customers(
        br#"{"customers":[{"id":"C1","name":"Acme","entity":"FR01","currency":"EUR"}]}"#,
    )
    .unwrap();
    settle_store::ledger::upsert_customers(&db, &c, NOW).unwrap();
    let items = json!({"mode": "delta", "items": [
        {"id": "I1", "customer_id": "C1", "kind": "invoice", "number": "N-I1", "issue_date": "2026-10-01",
         "due_date": "2026-11-01", "amount": "100.00", "open_amount": "60.00", "currency": "EUR"},
        {"id": "I2", "customer_id": "C1", "kind": "invoice", "number": "N-I2", "issue_date": "2026-10-01",
         "due_date": "2026-11-01", "amount": "50.00", "open_amount": "50.00", "currency": "EUR"}]});
    let batch = parse_items_json(items.to_string().as_bytes()).unwrap();
    settle_store::ledger::sync_items(&db, &batch, "erp", NOW, who("erp").today).unwrap();
    db.query(
        "UPDATE items SET status_code = 'price_dispute', disputed_since = '2026-11-20', resolver_id = NULL
         WHERE erp_id = 'I1'",
        &[],
    )
    .unwrap();
    db.query(
        "UPDATE items SET status_code = 'dispute_resolved' WHERE erp_id = 'I2'",
        &[],
    )
    .unwrap();
    assert_eq!(
        settle_store::migrations::migrate_to(&db, NOW, 18).unwrap(),
        18
    );
    // Versions 19 (each item keeps what its open case disputes) and on.
    assert_eq!(
        settle_store::migrations::migrate(&db, NOW).unwrap(),
        settle_store::migrations::latest_version()
    );
    let c = case_of(&db, "I1");
    assert_eq!(amounts(&c), ["60.00", "60.00", "0.00", "0.00", "0.00"]);
    assert_eq!(
        (c.state.as_str(), c.opened_on.as_str()),
        ("open", "2026-11-20")
    );
    assert_eq!(events(&db, c.id), ["opened"]);
    assert_eq!(count(&db, "SELECT count(*) FROM disputes"), 1);
    let kept = db
        .query(
            "SELECT erp_id, disputed_minor FROM items ORDER BY erp_id",
            &[],
        )
        .unwrap();
    let kept: Vec<(String, i64)> = kept
        .rows
        .iter()
        .map(|r| {
            use settle_store::RowExt;
            (r.text(0).unwrap(), r.int(1).unwrap())
        })
        .collect();
    assert_eq!(kept, [("I1".to_string(), 6000), ("I2".to_string(), 0)]);
}

#[test]
fn routing_rules_name_the_resolver_of_a_new_dispute_given_none() {
    let db = db();
    let admin = who("token:1:admin");
    let rule = |body: Value| {
        settle_usecases::routing::create(&db, body.to_string().as_bytes(), &admin)
            .unwrap()
            .value
            .id
    };
    // Overlapping: anything in FR01 to Rita (1) last; price disputes of 60.00 or more in EUR
    // to Sam (2) first.
    let fr = rule(json!({"position": 20, "entity": "FR01", "resolver_id": 1}));
    let big = rule(
        json!({"position": 10, "status": "price_dispute", "currency": "EUR",
                          "min_amount": "60.00", "resolver_id": 2}),
    );
    // Refusals name the field and write nothing.
    for (body, field) in [
        (json!({"position": 1, "resolver_id": 9}), "resolver_id"),
        (
            json!({"position": 1, "resolver_id": 1, "max_amount": "5"}),
            "max_amount",
        ),
    ] {
        let r = settle_usecases::routing::create(&db, body.to_string().as_bytes(), &admin);
        let Err(Refusal::Invalid(e)) = r else {
            panic!("{r:?}")
        };
        assert_eq!(e.0[0].field.as_deref(), Some(field));
    }
    assert_eq!(settle_store::routing::rules(&db).unwrap().len(), 2);
    // A resolver a rule names cannot be deleted (409, not a foreign-key failure).
    let r = settle_usecases::config::delete_resolver(&db, &admin, "2");
    assert!(matches!(r, Err(Refusal::Conflict { .. })), "{r:?}");

    let changed = |body: Value| {
        let input =
            settle_domain::status_change::parse_status_change(body.to_string().as_bytes()).unwrap();
        let c = settle_usecases::status_change::ChangeStatus {
            input: &input,
            customer_id: None,
        };
        db.transaction(|db| settle_usecases::status_change::apply(db, &c, &alice()))
            .unwrap()
    };
    // I1 + I2 disputed for 100.00 + 20.00: the big-price rule, Sam.
    let c = changed(
        json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "comment": "x",
                           "amounts": {"I2": "20.00"}, "next_action": "suggested"}),
    );
    assert_eq!((c.resolver_id, c.routing_rule_id), (Some(2), Some(big)));
    let case = case_of(&db, "I1");
    assert_eq!(
        (case.resolver_id, case.routing_rule_id),
        (Some(2), Some(big))
    );
    // The follow-up action got the routed resolver too.
    let action = settle_store::actions::action(&db, c.applied.action_id.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(action.resolver.as_ref().map(|r| r.id), Some(2));
    // Already with a resolver: the rules do not move it.
    let c = changed(json!({"item_ids": ["I1"], "status": "quality_dispute", "comment": "y"}));
    assert_eq!((c.resolver_id, c.routing_rule_id), (None, None));
    assert_eq!(case_of(&db, "I1").resolver_id, Some(2));
    // C2's disputes: two overlapping rules; Sam deactivated, the first is passed over.
    let c2_sam = rule(json!({"position": 1, "customer_id": "C2", "resolver_id": 2}));
    let c2_rita = rule(json!({"position": 2, "customer_id": "C2", "resolver_id": 1}));
    db.query("UPDATE resolvers SET active = 0 WHERE id = 2", &[])
        .unwrap();
    let c = changed(json!({"item_ids": ["J1"], "status": "price_dispute", "comment": "w"}));
    assert_eq!((c.resolver_id, c.routing_rule_id), (Some(1), Some(c2_rita)));
    assert_ne!(c2_sam, c2_rita);
    settle_usecases::routing::delete(&db, fr, &admin).unwrap();
    assert!(matches!(
        settle_usecases::routing::delete(&db, fr, &admin),
        Err(Refusal::NotFound(_))
    ));
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM config_history WHERE kind = 'routing_rule'"
        ),
        5
    );
}

#[test]
fn without_a_matching_rule_a_new_dispute_keeps_no_resolver() {
    let db = db();
    settle_usecases::routing::create(
        &db,
        br#"{"position": 1, "entity": "DE01", "resolver_id": 1}"#,
        &who("token:1:admin"),
    )
    .unwrap();
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x"}),
        &alice(),
    )
    .unwrap();
    let c = case_of(&db, "I1");
    assert_eq!((c.resolver_id, c.routing_rule_id), (None, None));
}

#[test]
fn a_reasons_target_time_gives_its_cases_a_deadline_and_late_ones_are_listed() {
    let db = db();
    let admin = who("token:1:admin");
    let save = |code: &str, body: Value| {
        settle_usecases::config::save_status(&db, &obj(body), &admin, Some(code))
    };
    // Refused: on a status that is not a dispute, out of range, escalation without a target.
    for (code, body, field) in [
        ("promise_to_pay", json!({"target_days": 5}), "target_days"),
        ("price_dispute", json!({"target_days": 0}), "target_days"),
        ("price_dispute", json!({"target_days": 3651}), "target_days"),
        (
            "price_dispute",
            json!({"escalation_days": 3}),
            "escalation_days",
        ),
        (
            "price_dispute",
            json!({"target_days": "ten"}),
            "target_days",
        ),
    ] {
        let r = save(code, body.clone());
        let Err(Refusal::Invalid(e)) = r else {
            panic!("{body}: {r:?}")
        };
        assert_eq!(e.0[0].field.as_deref(), Some(field), "{body}");
    }
    save(
        "price_dispute",
        json!({"target_days": 10, "escalation_days": 5}),
    )
    .unwrap();
    save("quality_dispute", json!({"target_days": 20})).unwrap();
    let s = settle_store::config::status(&db, "price_dispute")
        .unwrap()
        .unwrap();
    assert_eq!(
        (s.status.target_days, s.status.escalation_days),
        (Some(10), Some(5))
    );

    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x"}),
        &alice(),
    )
    .unwrap();
    change(
        &db,
        json!({"item_ids": ["J1"], "status": "delivery_dispute", "comment": "y"}),
        &alice(),
    )
    .unwrap();
    assert_eq!(case_of(&db, "I1").deadline.as_deref(), Some("2026-12-12"));
    assert_eq!(case_of(&db, "J1").deadline, None, "no target: no deadline");
    let late = |on: &str| -> Vec<String> {
        store::cases(
            &db,
            &CaseFilter {
                late_on: Some(on.into()),
                limit: 10,
                ..Default::default()
            },
        )
        .unwrap()
        .into_iter()
        .map(|c| c.item_id)
        .collect()
    };
    assert!(late("2026-12-12").is_empty(), "due that day: not late yet");
    assert_eq!(late("2026-12-13"), ["I1"]);
    // Another reason: due from the opening by the new reason's target.
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "quality_dispute", "comment": "z"}),
        &alice(),
    )
    .unwrap();
    assert_eq!(case_of(&db, "I1").deadline.as_deref(), Some("2026-12-22"));
    // Resolved cases are never late.
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "promise_to_pay"}),
        &alice(),
    )
    .unwrap();
    assert!(late("2027-06-01").is_empty());
}

#[test]
fn a_case_records_its_root_cause_and_whether_it_was_valid() {
    let db = db();
    let admin = who("token:1:admin");
    // The seeded list, in 15 languages.
    let list = store::root_causes(&db).unwrap();
    assert_eq!(list.len(), 6);
    assert_eq!(list[0].code, "pricing_error");
    assert_eq!(list[0].label("ja"), "価格の誤り");
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price"}),
        &alice(),
    )
    .unwrap();
    let id = case_of(&db, "I1").id;
    // Nothing said, an unknown cause, a wrong type: refused, nothing written.
    for (body, field) in [
        (json!({}), "root_cause"),
        (json!({"root_cause": "bad_luck"}), "root_cause"),
        (json!({"valid": "yes"}), "valid"),
    ] {
        let r = uc::record_finding(&db, id, &obj(body.clone()), &alice());
        let Err(Refusal::Invalid(e)) = r else {
            panic!("{body}: {r:?}")
        };
        assert_eq!(e.0[0].field.as_deref(), Some(field), "{body}");
    }
    let done = uc::record_finding(
        &db,
        id,
        &obj(json!({"root_cause": "pricing_error", "valid": true, "comment": "Old price list"})),
        &alice(),
    )
    .unwrap()
    .value;
    assert_eq!(
        (done.root_cause.as_deref(), done.valid),
        (Some("pricing_error"), Some(true))
    );
    // Only validity changes: the root cause stays.
    let done = uc::record_finding(&db, id, &obj(json!({"valid": false})), &alice())
        .unwrap()
        .value;
    assert_eq!(
        (done.root_cause.as_deref(), done.valid),
        (Some("pricing_error"), Some(false))
    );
    assert_eq!(events(&db, id), ["opened", "finding", "finding"]);
    // A deactivated cause cannot be recorded; one in use cannot be deleted.
    uc::save_root_cause(
        &db,
        &obj(json!({"active": false})),
        &admin,
        Some("customer_error"),
    )
    .unwrap();
    assert!(matches!(
        uc::record_finding(
            &db,
            id,
            &obj(json!({"root_cause": "customer_error"})),
            &alice()
        ),
        Err(Refusal::Invalid(_))
    ));
    assert!(matches!(
        uc::delete_root_cause(&db, "pricing_error", &admin),
        Err(Refusal::Conflict {
            code: "root-cause-in-use",
            ..
        })
    ));
    // A new one, then a duplicate; an unused one is deleted.
    uc::save_root_cause(
        &db,
        &obj(json!({"code": "wrong_vat", "labels": {"en": "Wrong VAT rate", "fr": "Mauvais taux de TVA"}})),
        &admin,
        None,
    )
    .unwrap();
    assert!(matches!(
        uc::save_root_cause(
            &db,
            &obj(json!({"code": "wrong_vat", "labels": {"en": "x"}})),
            &admin,
            None
        ),
        Err(Refusal::Conflict {
            code: "root-cause-exists",
            ..
        })
    ));
    uc::delete_root_cause(&db, "wrong_vat", &admin).unwrap();
    assert_eq!(store::root_causes(&db).unwrap().len(), 6);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM config_history WHERE kind = 'root_cause'"
        ),
        3
    );
}

#[test]
fn the_analytics_read_the_cases_as_of_a_date() {
    let db = db();
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "amounts": {"I1": "40.00"}}),
        &alice(),
    )
    .unwrap();
    change(
        &db,
        json!({"item_ids": ["J1"], "status": "quality_dispute", "comment": "y"}),
        &alice(),
    )
    .unwrap();
    // I1 credited in full: resolved today; J1 still open.
    sync(
        &db,
        json!({"mode": "delta", "items": [{"id": "CN1", "customer_id": "C1", "kind": "credit_note",
               "number": "CN1", "issue_date": "2026-12-01", "due_date": "2026-12-01",
               "amount": "40.00", "open_amount": "40.00", "currency": "EUR", "applies_to": "I1"}]}),
    )
    .unwrap();
    let facts = store::case_facts(&db, "2026-12-02", "2026-12-01").unwrap();
    assert_eq!(facts.len(), 2);
    assert!(
        store::case_facts(&db, "2026-12-01", "2026-12-01")
            .unwrap()
            .is_empty()
    );
    // A case resolved before the period is not read (I1 resolved today; the period after).
    let later = store::case_facts(&db, "2026-12-05", "2026-12-03").unwrap();
    assert_eq!(later.len(), 1, "only J1, still open");
    // What is not read changes no figure: the period's analytics on every case and on those
    // read are the same.
    let all = store::case_facts(&db, "2026-12-05", "0000-01-01").unwrap();
    let dd = |s: &str| s.parse().unwrap();
    assert_eq!(
        settle_domain::case_analytics::analyse(
            &all,
            dd("2026-12-03"),
            dd("2026-12-05"),
            dd("2026-12-05")
        ),
        settle_domain::case_analytics::analyse(
            &later,
            dd("2026-12-03"),
            dd("2026-12-05"),
            dd("2026-12-05")
        ),
    );
    let d = |s: &str| s.parse().unwrap();
    let a = settle_domain::case_analytics::analyse(
        &facts,
        d("2026-12-01"),
        d("2026-12-02"),
        d("2026-12-02"),
    );
    assert_eq!((a.open, a.resolved), (1, 1));
    assert_eq!(a.by_reason[0].key.as_deref(), Some("price_dispute"));
    assert_eq!(a.settled.credited_amount.0["EUR"], "40.00");
}

/// The case sums the reports read are computed in SQL (`resolved_case_sums`,
/// `case_compliance`, `open_case_sums`): at random periods and dates, over cases of every
/// shape (with and without deadline, root cause, validity, resolver; resolved the day they
/// opened, on the period's bounds, since), they equal the domain's rule
/// (`case_analytics::summarise`) over every case.
#[test]
fn the_case_sums_in_sql_equal_the_domain_rule_at_random_dates() {
    use settle_domain::case_analytics::{CaseFact, CaseSums, summarise};
    use settle_domain::disputes::Amounts;
    use settle_domain::money::Currency;
    use settle_domain::reports::Filter;
    let db = db();
    // Each item with its customer's key and id, its entity and the customer's collector.
    type Owner = (i64, String, String, Option<String>);
    let items: Vec<(i64, Owner)> = db
        .query(
            "SELECT i.id, i.customer_id, c.erp_id, i.entity, c.collector
             FROM items i JOIN customers c ON c.id = i.customer_id ORDER BY i.id",
            &[],
        )
        .unwrap()
        .rows
        .iter()
        .map(|r| {
            (
                r[0].as_i64().unwrap(),
                (
                    r[1].as_i64().unwrap(),
                    r[2].as_str().unwrap().to_string(),
                    r[3].as_str().unwrap().to_string(),
                    r[4].as_str().map(str::to_string),
                ),
            )
        })
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let base: chrono::NaiveDate = "2026-01-01".parse().unwrap();
    let day = |n: u64| base + chrono::Days::new(n);
    let mut facts: Vec<(CaseFact, Owner)> = Vec::new();
    for n in 0..300 {
        let (item, owner) = items[n % items.len()].clone();
        // One open case per item at most: the first few stay open.
        let open = n < items.len();
        let opened = next(120);
        let resolved = (!open).then(|| opened + next(50));
        let deadline = (next(4) != 0).then(|| opened + next(40));
        let original = 1 + next(100_000) as i64;
        let (paid, credited) = if open {
            (next(2) as i64 * original / 3, 0)
        } else {
            (original / (2 + next(3) as i64), original / 5)
        };
        let written_off = if open { 0 } else { next(2) as i64 };
        let amounts = Amounts {
            original,
            disputed: original - paid - credited - written_off,
            paid,
            credited,
            written_off,
        };
        let fact = CaseFact {
            reason: ["price_dispute", "quality_dispute"][next(2) as usize].into(),
            root_cause: [None, Some("pricing_error"), Some("customer_error")][next(3) as usize]
                .map(str::to_string),
            valid: [None, Some(false), Some(true)][next(3) as usize],
            resolver_id: [None, Some(1), Some(2)][next(3) as usize],
            currency: Currency::parse(["EUR", "USD", "JPY"][next(3) as usize]).unwrap(),
            opened_on: day(opened),
            resolved_on: resolved.map(day),
            deadline: deadline.map(day),
            amounts,
        };
        db.query(
            "INSERT INTO disputes (item_id, customer_id, currency, state, reason, resolver_id,
               original_minor, disputed_minor, paid_minor, credited_minor, written_off_minor,
               opened_on, deadline, resolved_on, resolution, root_cause, valid, opened_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                item.into(),
                owner.0.into(),
                fact.currency.code().into(),
                if open { "open" } else { "resolved" }.into(),
                fact.reason.as_str().into(),
                fact.resolver_id.into(),
                amounts.original.into(),
                amounts.disputed.into(),
                amounts.paid.into(),
                amounts.credited.into(),
                amounts.written_off.into(),
                fact.opened_on.to_string().into(),
                fact.deadline.map(|d| d.to_string()).into(),
                fact.resolved_on.map(|d| d.to_string()).into(),
                (!open).then_some("credited").into(),
                fact.root_cause.clone().into(),
                fact.valid.map(i64::from).into(),
                NOW.into(),
                NOW.into(),
            ],
        )
        .unwrap();
        facts.push((fact, owner));
    }
    // The test-only reader of every case reads them all back.
    let every = store::case_facts(&db, "9999-12-31", "0000-01-01").unwrap();
    assert_eq!(every.len(), 300);
    let filters = [
        Filter::default(),
        Filter {
            status: Some("quality_dispute".into()),
            ..Default::default()
        },
        Filter {
            resolver_id: Some(2),
            ..Default::default()
        },
        Filter {
            customer_id: Some("C2".into()),
            ..Default::default()
        },
        Filter {
            entity: Some("FR01".into()),
            status: Some("price_dispute".into()),
            ..Default::default()
        },
        Filter {
            collector: Some("carl@corp.example".into()),
            ..Default::default()
        },
    ];
    let chosen = |f: &Filter, fact: &CaseFact, o: &Owner| {
        f.status.as_ref().is_none_or(|s| *s == fact.reason)
            && f.resolver_id.is_none_or(|r| Some(r) == fact.resolver_id)
            && f.customer_id.as_ref().is_none_or(|c| *c == o.1)
            && f.entity.as_ref().is_none_or(|e| *e == o.2)
            && f.collector.as_ref().is_none_or(|c| Some(c) == o.3.as_ref())
    };
    for n in 0..60 {
        let f = &filters[n % filters.len()];
        let from = base + chrono::Days::new(next(150));
        let to = from + chrono::Days::new(next(60));
        let as_of = to + chrono::Days::new(next(3) * next(30));
        let (fr, t, a) = (from.to_string(), to.to_string(), as_of.to_string());
        let sql = CaseSums {
            resolved: store::resolved_case_sums(&db, &fr, &t, f).unwrap(),
            compliance: store::case_compliance(&db, &fr, &t, f).unwrap(),
            open: store::open_case_sums(&db, &a, f).unwrap(),
        };
        let mine: Vec<CaseFact> = facts
            .iter()
            .filter(|(fact, o)| chosen(f, fact, o))
            .map(|(fact, _)| fact.clone())
            .collect();
        assert_eq!(
            sql,
            summarise(&mine, from, to, as_of),
            "{fr}..{t} at {a}, {f:?}"
        );
        if n % filters.len() == 0 {
            assert!(
                !sql.resolved.is_empty() || !sql.open.is_empty(),
                "{fr}..{t} at {a}"
            );
        }
    }
}

/// A follow-up holds only the disputed part of an item disputed in part: the rest stays in
/// the reminder scenario (its reference date, what a step covers and chases) until the
/// undisputed part is paid; an item disputed whole is held whole. The customer's disputed
/// total is the disputed parts.
#[test]
fn an_item_disputed_in_part_is_chased_for_the_rest() {
    use settle_domain::scenario;
    use settle_store::scenarios;
    let db = db();
    change(
        &db,
        json!({"item_ids": ["I1", "I2"], "status": "price_dispute", "comment": "Wrong price",
               "resolver_id": 1, "next_action": "suggested", "amounts": {"I1": "30.00"}}),
        &alice(),
    )
    .unwrap();
    assert!(item_status(&db, "I1").1.is_some() && item_status(&db, "I2").1.is_some());
    let c1 = count(&db, "SELECT id FROM customers WHERE erp_id = 'C1'");
    let seen = |db: &NativeDb| {
        let items = scenarios::scenario_items(db, c1).unwrap();
        let held: Vec<(String, bool, i64)> = items
            .iter()
            .map(|i| (i.id.clone(), i.held, i.to_chase_minor))
            .collect();
        let reference = scenarios::reference_due(db, c1).unwrap();
        assert_eq!(reference, scenario::reference_due(&items));
        let kept = db
            .query(
                "SELECT reference_due FROM customers WHERE id = ?",
                &[c1.into()],
            )
            .unwrap()
            .rows[0][0]
            .as_str()
            .map(str::to_string);
        assert_eq!(kept, reference.map(|d| d.to_string()));
        let disputed = settle_store::console::customer_totals(db, c1, who("erp").today).unwrap()[0]
            .disputed
            .clone();
        (held, reference.map(|d| d.to_string()), disputed)
    };
    assert_eq!(
        seen(&db),
        (
            vec![("I1".into(), false, 7000), ("I2".into(), true, 0)],
            Some("2026-11-01".into()),
            "80.00".into()
        )
    );
    // The undisputed 70.00 paid: what is left is all in dispute, so held.
    pay(
        &db,
        json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "70.00", "date": "2026-12-01"}]}),
    )
    .unwrap();
    assert_eq!(
        seen(&db),
        (
            vec![("I1".into(), true, 0), ("I2".into(), true, 0)],
            None,
            "80.00".into()
        )
    );
    // Disputed again for 10.00 of the 30.00 left: 20.00 is chased again.
    change(
        &db,
        json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Only the freight",
               "resolver_id": 1, "amounts": {"I1": "10.00"}}),
        &alice(),
    )
    .unwrap();
    assert_eq!(
        seen(&db),
        (
            vec![("I1".into(), false, 2000), ("I2".into(), true, 0)],
            Some("2026-11-01".into()),
            "60.00".into()
        )
    );
}

/// An overdue case is escalated once to its resolver's escalation contact, by email with a
/// resolver link of the contact's own, and says so in its history; a case not yet due, or
/// whose resolver names nobody, is not; the contact must be another known resolver.
#[test]
fn an_overdue_case_is_escalated_once_to_the_escalation_contact() {
    use settle_usecases::emails::Site;
    let db = db();
    let admin = who("token:1:admin");
    let site = Site {
        base_url: "https://settle.example",
        secret: "s3cret",
        formats: &Plain,
    };
    // Rita (1) escalates to Sam (2); herself or nobody known is refused.
    for (to, field_message) in [(1, "its own escalation contact"), (99, "no resolver 99")] {
        let r = settle_usecases::config::save_resolver(
            &db,
            &obj(json!({"escalation_id": to})),
            &admin,
            Some("1"),
        );
        let Err(Refusal::Invalid(e)) = r else {
            panic!("{r:?}")
        };
        assert_eq!(e.0[0].pointer, "/escalation_id");
        assert!(e.0[0].message.contains(field_message), "{e:?}");
    }
    let saved = settle_usecases::config::save_resolver(
        &db,
        &obj(json!({"escalation_id": 2})),
        &admin,
        Some("1"),
    )
    .unwrap();
    assert_eq!(saved.value.record.escalation_id, Some(2));
    // Price disputes: 10 days to resolve, escalated 3 days after. I1 opened on 2026-11-15
    // (deadline 11-25, escalation from 11-28); I2 on 11-22 (deadline 12-02, escalation from
    // 12-05); J1 held by Sam, who names nobody.
    three_disputes_with_deadlines(&db, Some(3), json!({"next_action": "suggested"}));
    assert_eq!(case_of(&db, "I1").deadline.as_deref(), Some("2026-11-25"));
    let today = who("cron"); // 2026-12-02
    let done = uc::escalate(&db, &today, "Settle", &site).unwrap();
    assert_eq!(done.value.len(), 1, "{:?}", done.value);
    let e = &done.value[0];
    assert_eq!(
        (e.item_ids.clone(), e.resolver_id, e.escalation_id),
        (vec!["I1".to_string()], 1, 2)
    );
    assert_eq!(
        done.after,
        vec![settle_usecases::AfterCommit::DeliverEmail(e.message_id)]
    );
    // The email: to Sam, in his words, with a link signed for him.
    let m = db
        .query(
            "SELECT template, to_addr, audience FROM outbox WHERE id = ?",
            &[e.message_id.into()],
        )
        .unwrap();
    assert_eq!(
        m.rows[0],
        vec![
            "dispute_escalation".into(),
            "sam@corp.example".into(),
            "resolver".into()
        ]
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM links WHERE audience = 'resolver' AND subject = '2'"
        ),
        1
    );
    let c = case_of(&db, "I1");
    assert_eq!(c.escalated_on.as_deref(), Some("2026-12-02"));
    assert_eq!(events(&db, c.id), ["opened", "escalated"]);
    assert_eq!(case_of(&db, "I2").escalated_on, None);
    // Once: the next run finds nothing; three days later I2 is due.
    assert!(
        uc::escalate(&db, &today, "Settle", &site)
            .unwrap()
            .value
            .is_empty()
    );
    let mut later = who("cron");
    later.today = "2026-12-05".parse().unwrap();
    let done = uc::escalate(&db, &later, "Settle", &site).unwrap();
    assert_eq!(done.value[0].item_ids, ["I2"]);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM outbox WHERE template = 'dispute_escalation'"
        ),
        2
    );
}

/// The agenda's late disputes: open cases past their deadline, the most overdue first,
/// counted, paged and filtered by collector and resolver; resolved or on-time ones are not.
#[test]
fn the_agenda_lists_late_cases_most_overdue_first() {
    use settle_store::console::{LateFilter, late_cases, late_count};
    let db = db();
    // Deadlines: J1 11-11 (C2, Sam), I1 11-25 (C1, Rita), I2 12-02 (today: on time).
    three_disputes_with_deadlines(&db, None, json!({"amounts": "5.00"}));
    let today = "2026-12-02";
    let all = LateFilter::default();
    let seen = |f: &LateFilter, offset, limit| -> Vec<(String, String, String, Option<String>)> {
        late_cases(&db, today, f, offset, limit)
            .unwrap()
            .into_iter()
            .map(|c| (c.item_id, c.deadline, c.disputed_amount, c.resolver))
            .collect()
    };
    assert_eq!(
        seen(&all, 0, 10),
        [
            (
                "J1".into(),
                "2026-11-11".into(),
                "5.00".into(),
                Some("Sam".into())
            ),
            (
                "I1".into(),
                "2026-11-25".into(),
                "5.00".into(),
                Some("Rita".into())
            )
        ]
    );
    assert_eq!(late_count(&db, today, &all).unwrap(), 2);
    assert_eq!(seen(&all, 1, 1)[0].0, "I1");
    let carl = LateFilter {
        collector: Some("carl@corp.example".into()),
        resolver_id: None,
    };
    assert_eq!(seen(&carl, 0, 10)[0].0, "I1");
    assert_eq!(late_count(&db, today, &carl).unwrap(), 1);
    let sam = LateFilter {
        collector: None,
        resolver_id: Some(2),
    };
    assert_eq!(seen(&sam, 0, 10)[0].0, "J1");
    // Resolved: no longer late.
    change(
        &db,
        json!({"item_ids": ["J1"], "status": "dispute_resolved", "comment": "Credit note sent"}),
        &alice(),
    )
    .unwrap();
    assert_eq!(late_count(&db, today, &all).unwrap(), 1);
    assert_eq!(
        late_count(&db, "2026-12-03", &all).unwrap(),
        2,
        "I2 late tomorrow"
    );
}

/// Price disputes resolved in 10 days (escalated `escalation_days` after): I1 (Rita) opened
/// on 2026-11-15, I2 (Rita) on 11-22, J1 (Sam) on 11-01, each with `extra` in its body
/// (`"amounts": "5.00"` disputes 5.00 of each).
fn three_disputes_with_deadlines(db: &NativeDb, escalation_days: Option<i64>, extra: Value) {
    db.query(
        "UPDATE statuses SET target_days = 10, escalation_days = ? WHERE code = 'price_dispute'",
        &[escalation_days.into()],
    )
    .unwrap();
    for (item, date, resolver) in [
        ("I1", "2026-11-15", 1),
        ("I2", "2026-11-22", 1),
        ("J1", "2026-11-01", 2),
    ] {
        let mut body = json!({"item_ids": [item], "status": "price_dispute", "comment": "Wrong price",
                              "resolver_id": resolver, "status_date": date});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = match (k.as_str(), v) {
                ("amounts", Value::String(a)) => json!({item: a}),
                _ => v.clone(),
            };
        }
        change(db, body, &alice()).unwrap();
    }
}

#[test]
fn a_resolved_case_reopens_by_hand_within_thirty_days_with_its_history() {
    let db = db();
    let (_, action) = dispute(&db, &["I1", "I2"], 1);
    let id = case_of(&db, "I1").id;
    // Open: nothing to reopen.
    let refused = uc::reopen(&db, id, &obj(json!({"comment": "Again"})), &alice());
    assert!(
        matches!(
            refused,
            Err(Refusal::Conflict {
                code: "dispute-open",
                ..
            })
        ),
        "{refused:?}"
    );
    terminate(&db, action);
    assert_eq!(case_of(&db, "I1").state, "resolved");
    // The comment is required, and nothing else is read.
    for body in [
        json!({}),
        json!({"comment": "  "}),
        json!({"comment": "x", "amount": "1"}),
    ] {
        let r = uc::reopen(&db, id, &obj(body.clone()), &alice());
        assert!(matches!(r, Err(Refusal::Invalid(_))), "{body}: {r:?}");
    }
    assert!(matches!(
        uc::reopen(&db, 999_999, &obj(json!({"comment": "x"})), &alice()),
        Err(Refusal::NotFound(_))
    ));
    // 31 days after the resolution: too late (a new dispute would open a new case).
    let mut later = alice();
    later.today += chrono::Duration::days(31);
    let r = uc::reopen(&db, id, &obj(json!({"comment": "Again"})), &later);
    assert!(
        matches!(
            r,
            Err(Refusal::Conflict {
                code: "reopen-window-passed",
                ..
            })
        ),
        "{r:?}"
    );
    assert_eq!(case_of(&db, "I1").state, "resolved", "nothing written");

    let done = uc::reopen(
        &db,
        id,
        &obj(json!({"comment": "Customer called again"})),
        &alice(),
    )
    .unwrap();
    let c = done.value.case;
    assert_eq!(
        (c.id, c.state.as_str()),
        (id, "open"),
        "the same case, open"
    );
    assert_eq!(c.resolver_id, Some(1), "with its resolver");
    assert_eq!(c.reason, "price_dispute");
    // Out of the scenario again: the reason's suggested follow-up holds the item.
    let (status, held_by) = item_status(&db, "I1");
    assert_eq!(status.as_deref(), Some("price_dispute"));
    assert_eq!(held_by, done.value.action_id);
    assert!(held_by.is_some());
    let history = events(&db, id);
    assert_eq!(
        history.last().map(String::as_str),
        Some("reopened"),
        "{history:?}"
    );
    assert!(
        history.contains(&"resolved".to_string()),
        "kept: {history:?}"
    );
    let comment: String = db
        .query(
            "SELECT comment FROM dispute_history WHERE dispute_id = ? ORDER BY id DESC LIMIT 1",
            &[id.into()],
        )
        .unwrap()
        .rows[0][0]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(comment, "Customer called again");
    // Twice: it is open now.
    let again = uc::reopen(&db, id, &obj(json!({"comment": "Again"})), &alice());
    assert!(matches!(
        again,
        Err(Refusal::Conflict {
            code: "dispute-open",
            ..
        })
    ));
    // The list's labels: customer, item number and open amount, by case.
    let labels = store::case_labels(&db, &[id, 999_999]).unwrap();
    assert_eq!(
        labels.into_iter().collect::<Vec<_>>(),
        [(
            id,
            store::CaseLabels {
                customer_name: "Acme".into(),
                item_number: "N-I1".into(),
                open_amount: "100.00".into(),
            }
        )]
    );
}
