//! Report queries against rusqlite: the histories the write paths leave, and the SQL sums at
//! several dates equal to the domain's as-of rules applied item by item.
// Amounts are written in cents: 1_000_00 is 1,000.00.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use chrono::NaiveDate;
use common::*;
use settle_domain::catalog::StatusKind;
use settle_domain::erp::{parse_items_json, parse_payments};
use settle_domain::reports::{self, Filter, ItemFacts};
use settle_store::reports::{
    Basis, dispute_lines, item_status_lines, later_facts, resolved, totals, trend,
};
use settle_store::{Db, NativeDb, RowExt, asof, ledger, migrations};

fn pay(db: &NativeDb, id: &str, item: &str, amount: &str, date: &str) {
    let p = parse_payments(
        format!(r#"{{"payments":[{{"id":"{id}","item_id":"{item}","amount":"{amount}","date":"{date}"}}]}}"#)
            .as_bytes(),
    )
    .unwrap();
    db.transaction(|db| ledger::apply_payments(db, &p, "erp", NOW))
        .unwrap();
}

/// The story: I1 disputed (price) from 10 Feb, typed on 1 March; I2 promised, then found to
/// have been disputed (quality) since 20 Feb; J1 disputed on 1 March and paid on 3 March;
/// I3 partly paid on 15 March (dated after "today"). A credit note K1 on C2.
fn story() -> NativeDb {
    let db = db();
    qualify(
        &db,
        r#"{"item_ids":["I1"],"status":"price_dispute","comment":"price","resolver_id":1,"status_date":"2025-02-10"}"#,
    );
    qualify(
        &db,
        r#"{"item_ids":["I2"],"status":"promise_to_pay","status_date":"2025-02-25"}"#,
    );
    qualify(
        &db,
        r#"{"item_ids":["I2"],"status":"quality_dispute","comment":"broken","status_date":"2025-02-20"}"#,
    );
    qualify(
        &db,
        r#"{"item_ids":["J1"],"status":"delivery_dispute","comment":"late","resolver_id":1}"#,
    );
    pay(&db, "P1", "J1", "10.00", "2025-03-03");
    pay(&db, "P2", "I3", "5.00", "2025-03-15");
    pay(&db, "P3", "I1", "40.00", "2025-02-20");
    let credit = parse_items_json(
        br#"{"mode":"delta","items":[{"id":"K1","customer_id":"C2","kind":"credit_note","number":"AV-1","issue_date":"2025-02-01","due_date":"2025-02-01","amount":"4.00","open_amount":"4.00","currency":"EUR"}]}"#,
    )
    .unwrap();
    ledger::sync_items(&db, &credit, "erp", NOW, today()).unwrap();
    db
}

fn items(db: &NativeDb) -> Vec<(i64, String, String, ItemFacts)> {
    db.query(
        "SELECT id, currency, kind, issue_date, closed_on FROM items ORDER BY id",
        &[],
    )
    .unwrap()
    .map(|r| {
        let id = r.int(0)?;
        Ok((
            id,
            r.text(1)?,
            r.text(2)?,
            ItemFacts {
                issue_date: r.text(3)?.parse().unwrap(),
                closed_on: r.opt_text(4)?.map(|s| s.parse().unwrap()),
                moves: asof::moves_of(db, id)?,
            },
        ))
    })
    .unwrap()
}

/// Outstanding, open items, disputed outstanding, disputed items at `d`, item by item.
fn expected(db: &NativeDb, at: NaiveDate) -> (i64, i64, i64, i64) {
    let mut e = (0, 0, 0, 0);
    for (id, _, _, facts) in items(db) {
        let Some(open) = facts.open_at(at) else {
            continue;
        };
        e.0 += open;
        e.1 += 1;
        let periods = asof::periods_of(db, id).unwrap();
        if reports::status_at(&periods, at).is_some_and(|p| p.kind == StatusKind::Dispute) {
            e.2 += open;
            e.3 += 1;
        }
    }
    e
}

fn total(db: &NativeDb, at: NaiveDate, basis: Basis) -> (i64, i64, i64, i64) {
    let lines = dispute_lines(db, at, &Filter::default(), basis).unwrap();
    let t = lines.iter().find(|l| l.section == "total").unwrap();
    (t.amount, t.count, t.part_amount, t.part_count)
}

#[test]
fn status_periods_follow_status_dates_not_typing_order() {
    let db = story();
    let i2 = asof::periods_of(&db, key(&db, "I2")).unwrap();
    assert_eq!(i2.len(), 2);
    assert!(
        i2[0].is_empty(),
        "the promise was overtaken by the back-dated dispute"
    );
    assert_eq!(i2[1].dispute_since, Some(d("2025-02-20")));
    // J1 was paid while disputed: its period knows the closing date, and forgets it when the
    // ERP reopens the item.
    let closed = |db: &NativeDb| {
        db.query(
            "SELECT item_closed_on FROM item_status_periods WHERE item_id = ?",
            &[key(db, "J1").into()],
        )
        .unwrap()
        .rows[0][0]
            .clone()
    };
    assert_eq!(closed(&db), "2025-03-03".into());
    let reopen = parse_items_json(
        br#"{"mode":"delta","items":[{"id":"J1","customer_id":"C2","kind":"invoice","number":"N-J1","issue_date":"2025-01-01","due_date":"2025-02-01","amount":"10.00","open_amount":"10.00","currency":"EUR"}]}"#,
    )
    .unwrap();
    ledger::sync_items(&db, &reopen, "erp", LATER, today()).unwrap();
    assert_eq!(closed(&db), settle_store::Value::Null);
    let i1 = asof::periods_of(&db, key(&db, "I1")).unwrap();
    assert_eq!((i1[0].from, i1[0].resolver_id), (d("2025-02-10"), Some(1)));
}

#[test]
fn balance_moves_add_up_to_the_current_open_amounts() {
    let db = story();
    let far = d("2099-01-01");
    for (id, _, kind, facts) in items(&db) {
        let open = db
            .query("SELECT open_minor FROM items WHERE id = ?", &[id.into()])
            .unwrap()
            .single_int()
            .unwrap();
        let sign = if kind == "credit_note" { -1 } else { 1 };
        assert_eq!(facts.balance_at(far), sign * open, "item {id}");
    }
    let j1 = items(&db)
        .into_iter()
        .find(|i| i.0 == key(&db, "J1"))
        .unwrap();
    assert_eq!(j1.3.closed_on, Some(d("2025-03-03")));
}

#[test]
fn dispute_sums_match_the_domain_rules_at_every_date() {
    let db = story();
    for day in [
        "2025-01-01",
        "2025-02-09",
        "2025-02-10",
        "2025-02-19",
        "2025-02-20",
        "2025-02-25",
        "2025-03-01",
        "2025-03-02",
        "2025-03-03",
        "2025-03-14",
        "2025-03-15",
        "2025-06-01",
    ] {
        let at = d(day);
        assert_eq!(
            total(&db, at, Basis::AsOf),
            expected(&db, at),
            "as of {day}"
        );
    }
    // Hand-checked at 1 March: I1 100 − 40, I2 50, I3 20, J1 10, K1 −4; disputed I1, I2, J1.
    assert_eq!(
        total(&db, d("2025-03-01"), Basis::AsOf),
        (
            60_00 + 50_00 + 20_00 + 10_00 - 4_00,
            5,
            60_00 + 50_00 + 10_00,
            3
        )
    );
    // A payment dated 15 March exists: the current columns are not the state on 1 March...
    assert!(later_facts(&db, d("2025-03-01")).unwrap());
    // ... but they are from the 15th on, and both bases then agree.
    assert!(!later_facts(&db, d("2025-03-15")).unwrap());
    let sorted = |mut v: Vec<settle_store::reports::Line>| {
        v.sort_by(|a, b| (&a.section, &a.key, &a.currency).cmp(&(&b.section, &b.key, &b.currency)));
        v
    };
    let f = Filter::default();
    let at = d("2025-03-15");
    assert_eq!(
        sorted(dispute_lines(&db, at, &f, Basis::Current).unwrap()),
        sorted(dispute_lines(&db, at, &f, Basis::AsOf).unwrap())
    );
    assert_eq!(
        sorted(item_status_lines(&db, at, &f, Basis::Current).unwrap()),
        sorted(item_status_lines(&db, at, &f, Basis::AsOf).unwrap())
    );
    assert_eq!(
        totals(&db, at, &f, Basis::Current).unwrap(),
        totals(&db, at, &f, Basis::AsOf).unwrap()
    );
}

#[test]
fn breakdowns_ages_and_filters() {
    let db = story();
    let at = d("2025-03-02");
    let lines = dispute_lines(&db, at, &Filter::default(), Basis::AsOf).unwrap();
    let get = |section: &str, key: &str| {
        lines
            .iter()
            .find(|l| l.section == section && l.key.as_deref() == Some(key))
            .map(|l| (l.amount, l.count))
    };
    assert_eq!(get("customer", "C1"), Some((110_00, 2)));
    assert_eq!(get("customer", "C2"), Some((10_00, 1)));
    assert_eq!(get("status", "price_dispute"), Some((60_00, 1)));
    assert_eq!(get("resolver", "1"), Some((70_00, 2)));
    assert_eq!(get("entity", "DE01"), Some((10_00, 1)));
    // I1 disputed since 10 Feb (20 days), I2 since 20 Feb (10 days), J1 since 1 March.
    assert_eq!(get("age", "20"), Some((60_00, 1)));
    assert_eq!(get("age", "10"), Some((50_00, 1)));
    assert_eq!(get("age", "1"), Some((10_00, 1)));
    // Population filter: C1 only. Qualification filter: resolver 1 (the disputed side).
    let f = Filter {
        customer_id: Some("C1".into()),
        resolver_id: Some(1),
        ..Default::default()
    };
    let lines = dispute_lines(&db, at, &f, Basis::AsOf).unwrap();
    let t = lines.iter().find(|l| l.section == "total").unwrap();
    assert_eq!(
        (t.amount, t.count, t.part_amount, t.part_count),
        (130_00, 3, 60_00, 1)
    );
}

#[test]
fn item_status_lines_split_overdue_by_status() {
    let db = story();
    let at = d("2025-03-02");
    let lines = item_status_lines(&db, at, &Filter::default(), Basis::AsOf).unwrap();
    let get = |section: &str, key: Option<&str>| {
        lines
            .iter()
            .find(|l| l.section == section && l.key.as_deref() == key)
            .map(|l| (l.amount, l.count, l.part_amount))
    };
    // Overdue on 2 March: I1 (due 1 Feb) 60, I2 (15 Feb) 50, J1 (1 Feb) 10; not I3 (April),
    // nor the credit note.
    assert_eq!(get("total", None), Some((120_00, 3, 120_00)));
    assert_eq!(
        get("status", Some("quality_dispute")),
        Some((50_00, 1, 50_00))
    );
    assert_eq!(get("collector", Some("alice")), Some((110_00, 2, 110_00)));
    // Before any status: nothing qualified, all on the "no status" line.
    let lines = item_status_lines(&db, d("2025-02-05"), &Filter::default(), Basis::AsOf).unwrap();
    let none = lines
        .iter()
        .find(|l| l.section == "status" && l.key.is_none())
        .unwrap();
    assert_eq!((none.amount, none.part_amount), (110_00, 0));
}

#[test]
fn resolutions_trend_and_totals() {
    let db = story();
    // J1 was disputed on 1 March and paid on 3 March: resolved in 2 days.
    let r = resolved(&db, d("2025-01-01"), d("2025-12-31"), &Filter::default()).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].status.as_str(), r[0].delay_days, r[0].count),
        ("delivery_dispute", 2, 1)
    );
    assert!(
        resolved(&db, d("2025-01-01"), d("2025-03-02"), &Filter::default())
            .unwrap()
            .is_empty()
    );
    let points = [d("2025-01-31"), d("2025-02-28"), d("2025-03-31")];
    let t = trend(&db, &points, &Filter::default()).unwrap();
    for p in &t {
        let e = expected(&db, p.date);
        assert_eq!(
            (p.outstanding, p.disputed, p.disputed_items),
            (e.0, e.2, e.3),
            "{p:?}"
        );
    }
    assert_eq!(t.len(), 3);
    let tot = totals(&db, d("2025-03-02"), &Filter::default(), Basis::AsOf).unwrap();
    // J1 is still open on 2 March (paid on the 3rd).
    assert_eq!(tot[0].outstanding, 60_00 + 50_00 + 20_00 + 10_00 - 4_00);
    assert_eq!(tot[0].overdue, 120_00);
    assert_eq!(tot[0].disputed, 120_00);
    assert_eq!(tot[0].current, 20_00 - 4_00);
}

#[test]
fn same_day_resolutions_count_with_a_delay_of_0_days() {
    let db = db();
    // I1 disputed and resolved on 1 March; J1 disputed and paid on 1 March; I2 disputed on
    // 1 March and resolved by a change back-dated to the day before (erased: no dispute).
    for body in [
        r#"{"item_ids":["I1"],"status":"price_dispute","comment":"p","status_date":"2025-03-01"}"#,
        r#"{"item_ids":["I1"],"status":"dispute_resolved","status_date":"2025-03-01"}"#,
        r#"{"item_ids":["J1"],"status":"delivery_dispute","comment":"d","status_date":"2025-03-01"}"#,
        r#"{"item_ids":["I2"],"status":"quality_dispute","comment":"q","status_date":"2025-03-01"}"#,
        r#"{"item_ids":["I2"],"status":"dispute_resolved","status_date":"2025-02-28"}"#,
    ] {
        qualify(&db, body);
    }
    pay(&db, "P1", "J1", "10.00", "2025-03-01");
    let day = d("2025-03-01");
    let r = resolved(&db, day, day, &Filter::default()).unwrap();
    let got: Vec<(&str, i64, u64)> = r
        .iter()
        .map(|r| (r.status.as_str(), r.delay_days, r.count))
        .collect();
    assert_eq!(
        got,
        vec![("delivery_dispute", 0, 1), ("price_dispute", 0, 1)]
    );
    // The same as the domain's rule, item by item.
    let mut expected = 0;
    for (id, _, _, facts) in items(&db) {
        let periods = asof::periods_of(&db, id).unwrap();
        expected += reports::resolutions(&periods, facts.closed_on)
            .iter()
            .filter(|r| r.resolved_on == day)
            .count();
    }
    assert_eq!(expected, 2);
    // Not disputed at the end of the day.
    let tot = totals(&db, day, &Filter::default(), Basis::AsOf).unwrap();
    assert_eq!(tot[0].disputed, 0);
}

#[test]
fn version_7_replays_the_status_history_into_periods() {
    let db = story();
    let before: Vec<_> = ["I1", "I2", "J1"]
        .iter()
        .map(|i| asof::periods_of(&db, key(&db, i)).unwrap())
        .collect();
    let moves_before = items(&db);
    // Undo version 7 and apply it again, as on an install upgraded from version 6.
    for sql in [
        "DROP TRIGGER items_closing_periods",
        "DROP TABLE item_status_periods",
        "DROP TABLE item_balance_moves",
        "DROP TABLE balance_days",
        "DROP INDEX items_by_issue",
        "DROP INDEX items_open_cover",
        // (and what came after it)
        "DROP INDEX item_history_replies",
        "DROP TABLE users",
        "DROP INDEX attachments_by_link",
        "ALTER TABLE attachments DROP COLUMN link_id",
        "ALTER TABLE action_models DROP COLUMN labels",
        "DROP INDEX customers_by_name",
        "DROP INDEX item_history_by_customer",
        "ALTER TABLE item_history DROP COLUMN customer_id",
        "DROP INDEX items_open_by_customer",
        "CREATE INDEX items_open_by_customer ON items(customer_id, due_date, id) WHERE open_minor > 0",
        "DROP TRIGGER items_inserted_reference",
        "DROP TRIGGER items_deleted_reference",
        "DROP TRIGGER items_updated_reference",
        "DROP TRIGGER customers_step_due",
        "DROP TRIGGER reminders_step_due",
        "DROP TRIGGER scenarios_inserted_step_due",
        "DROP TRIGGER scenarios_updated_step_due",
        "DROP TRIGGER scenarios_deleted_step_due",
        "DROP TABLE import_profiles",
        "DROP TABLE imports",
        "DROP TRIGGER customers_step_counted",
        "DROP TRIGGER customers_inserted_step_counted",
        "DROP TABLE agenda_step_counts",
        "DROP INDEX customers_by_step",
        "DROP INDEX customers_by_collector_step",
        "ALTER TABLE customers DROP COLUMN step_first",
        "ALTER TABLE customers DROP COLUMN step_scenario",
        "ALTER TABLE customers DROP COLUMN step_due",
        "ALTER TABLE customers DROP COLUMN reference_due",
        "DROP TABLE webhook_attempts",
        "DROP TABLE webhook_deliveries",
        "DROP TABLE webhook_events",
        "DROP TABLE webhook_endpoints",
        "DROP TABLE dispute_credits",
        "DROP TABLE dispute_part_moves",
        "DROP TABLE trend_disputed",
        "DROP TABLE dispute_history",
        "DROP TABLE disputes",
        "DROP TABLE write_off_tolerances",
        "DROP TABLE routing_rules",
        "DROP TABLE root_causes",
        "DROP INDEX actions_broken_promises",
        "DROP INDEX items_sales_by_issue",
        "ALTER TABLE actions DROP COLUMN promise_outcome",
        "ALTER TABLE statuses DROP COLUMN target_days",
        "ALTER TABLE statuses DROP COLUMN escalation_days",
        "ALTER TABLE items DROP COLUMN disputed_minor",
        "ALTER TABLE resolvers DROP COLUMN escalation_id",
        "DELETE FROM schema_migrations WHERE version >= 7",
    ] {
        db.query(sql, &[]).unwrap();
    }
    migrations::migrate(&db, LATER).unwrap();
    let after: Vec<_> = ["I1", "I2", "J1"]
        .iter()
        .map(|i| asof::periods_of(&db, key(&db, i)).unwrap())
        .collect();
    assert_eq!(before, after);
    // Balances: the same on every date but the ERP-settled part of items first seen partly
    // paid (none here), so the totals agree throughout.
    for day in ["2025-02-01", "2025-02-20", "2025-03-03", "2025-03-15"] {
        let at = d(day);
        let sum = |v: &[(i64, String, String, ItemFacts)]| -> i64 {
            v.iter().filter_map(|i| i.3.open_at(at)).sum()
        };
        assert_eq!(sum(&moves_before), sum(&items(&db)), "{day}");
    }
    // The daily sums were rebuilt from the moves.
    let days = db
        .query(
            "SELECT coalesce(sum(delta_minor), 0) FROM balance_days",
            &[],
        )
        .unwrap()
        .single_int()
        .unwrap();
    let moves = db
        .query(
            "SELECT coalesce(sum(delta_minor), 0) FROM item_balance_moves",
            &[],
        )
        .unwrap()
        .single_int()
        .unwrap();
    // I1 100 − 40, I2 50, I3 20 − 5, J1 paid, the credit note −4.
    assert_eq!((days, moves), (moves, 60_00 + 50_00 + 15_00 - 4_00));
}
