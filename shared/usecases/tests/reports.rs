//! The dispute report over dispute cases, natively: what the use cases write (disputes over
//! part of an item, payments for either part, a credit note applying to an invoice, a case
//! requalified and reopened, a write-off) leaves dated parts, and the report's SQL at every
//! date of the story equals the domain rule applied item by item
//! (`settle_domain::reports::disputed_part` of the balance and the part then).
// Amounts are written in cents: 1_000_00 is 1,000.00.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use chrono::NaiveDate;
use common::*;
use serde_json::{Value, json};
use settle_domain::catalog::StatusKind;
use settle_domain::erp::{parse_items_json, parse_payments};
use settle_domain::reports::{self, Filter, ItemFacts};
use settle_store::reports::{Basis, dispute_lines, later_facts, totals, trend, trend_kept};
use settle_store::{Db, NativeDb, RowExt, asof};
use settle_usecases::erp::{Batch, apply as erp};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn change(db: &NativeDb, body: Value) {
    change_status(db, &body, &alice()).unwrap();
}

fn pay(db: &NativeDb, body: Value) {
    let p = parse_payments(body.to_string().as_bytes()).unwrap();
    db.transaction(|db| erp(db, &Batch::Payments(p.clone()), &who("erp")))
        .unwrap();
}

fn sync(db: &NativeDb, body: Value) {
    let b = parse_items_json(body.to_string().as_bytes()).unwrap();
    db.transaction(|db| erp(db, &Batch::Items(b.clone()), &who("erp")))
        .unwrap();
}

fn case_id(db: &NativeDb, item: &str) -> i64 {
    db.query(
        "SELECT d.id FROM disputes d JOIN items i ON i.id = d.item_id WHERE i.erp_id = ?
         ORDER BY d.id DESC LIMIT 1",
        &[item.into()],
    )
    .unwrap()
    .single_int()
    .unwrap()
}

/// The story, today being 2 December 2026 (the ledger: I1 100.00, I2 50.00 of C1, J1
/// 10.00 of C2, all issued 1 October):
/// - I1: 30.00 of it disputed on 10 October; 40.00 paid on 15 October (the undisputed
///   part); 10.00 paid for the dispute on 20 October; the remaining 20.00 written off today;
/// - I2: disputed whole on 12 October; a credit note of 20.00 issued on 5 November credits
///   it;
/// - J1: disputed whole on 5 October, requalified as a promise on 1 November, disputed again
///   for 4.00 on 10 November (the case reopens);
/// - K2: a credit note of C2 (8.00) disputed itself, for 3.00, on 2 November.
fn story() -> NativeDb {
    let db = db();
    for step in story_steps() {
        step(&db);
    }
    db
}

/// One write of the story.
type Step = Box<dyn Fn(&NativeDb)>;

/// The story's writes, one by one.
fn story_steps() -> Vec<Step> {
    vec![
        Box::new(|db: &NativeDb| {
            change(
                db,
                json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "Wrong price",
                   "status_date": "2026-10-10", "amounts": {"I1": "30.00"}}),
            );
        }),
        Box::new(|db: &NativeDb| {
            change(
                db,
                json!({"item_ids": ["I2"], "status": "quality_dispute", "comment": "Broken",
                   "status_date": "2026-10-12"}),
            );
        }),
        Box::new(|db: &NativeDb| {
            change(
                db,
                json!({"item_ids": ["J1"], "status": "delivery_dispute", "comment": "Late",
                   "status_date": "2026-10-05"}),
            );
        }),
        Box::new(|db: &NativeDb| {
            pay(
                db,
                json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "40.00", "date": "2026-10-15"}]}),
            );
        }),
        Box::new(|db: &NativeDb| {
            pay(
                db,
                json!({"payments": [{"id": "P2", "item_id": "I1", "amount": "10.00", "date": "2026-10-20",
                                  "for": "disputed"}]}),
            );
        }),
        Box::new(|db: &NativeDb| {
            change(
                db,
                json!({"item_ids": ["J1"], "status": "promise_to_pay", "comment": "Will pay",
                   "status_date": "2026-11-01"}),
            );
        }),
        Box::new(|db: &NativeDb| {
            sync(
                db,
                json!({"mode": "delta", "items": [
                {"id": "K2", "customer_id": "C2", "kind": "credit_note", "number": "AV-2",
                 "issue_date": "2026-10-20", "due_date": "2026-10-20", "amount": "8.00",
                 "open_amount": "8.00", "currency": "EUR"}]}),
            );
        }),
        Box::new(|db: &NativeDb| {
            change(
                db,
                json!({"item_ids": ["K2"], "status": "price_dispute", "comment": "Not ours",
                   "status_date": "2026-11-02", "amounts": {"K2": "3.00"}}),
            );
        }),
        Box::new(|db: &NativeDb| {
            sync(
                db,
                json!({"mode": "delta", "items": [
                {"id": "K1", "customer_id": "C1", "kind": "credit_note", "number": "AV-1",
                 "issue_date": "2026-11-05", "due_date": "2026-11-05", "amount": "20.00",
                 "open_amount": "20.00", "currency": "EUR", "applies_to": "I2"}]}),
            );
        }),
        Box::new(|db: &NativeDb| {
            change(
                db,
                json!({"item_ids": ["J1"], "status": "delivery_dispute", "comment": "Late again",
                   "status_date": "2026-11-10", "amounts": {"J1": "4.00"}}),
            );
        }),
        Box::new(|db: &NativeDb| {
            settle_usecases::disputes::put_tolerance(
                db,
                "FR01",
                "EUR",
                br#"{"amount": "25.00", "percent": "80"}"#,
                &who("token:1:admin"),
            )
            .unwrap();
        }),
        Box::new(|db: &NativeDb| {
            settle_usecases::disputes::write_off(
                db,
                case_id(db, "I1"),
                &obj(json!({"comment": "Small"})),
                &alice(),
            )
            .unwrap();
        }),
    ]
}

struct Item {
    id: i64,
    facts: ItemFacts,
    periods: Vec<reports::Period>,
    parts: Vec<(NaiveDate, i64)>,
}

fn items(db: &NativeDb) -> Vec<Item> {
    db.query(
        "SELECT id, issue_date, closed_on FROM items ORDER BY id",
        &[],
    )
    .unwrap()
    .map(|r| {
        let id = r.int(0)?;
        Ok(Item {
            id,
            facts: ItemFacts {
                issue_date: r.text(1)?.parse().unwrap(),
                closed_on: r.opt_text(2)?.map(|s| s.parse().unwrap()),
                moves: asof::moves_of(db, id)?,
            },
            periods: asof::periods_of(db, id)?,
            parts: asof::parts_of(db, id)?,
        })
    })
    .unwrap()
}

/// Each item's part moves add up to what its open case disputes now (nothing without one).
fn parts_add_up(db: &NativeDb) {
    for i in items(db) {
        let now = db
            .query(
                "SELECT disputed_minor FROM items WHERE id = ?",
                &[i.id.into()],
            )
            .unwrap()
            .single_int()
            .unwrap();
        let sum: i64 = i.parts.iter().map(|p| p.1).sum();
        assert_eq!(sum, now, "item {}", i.id);
    }
}

/// Disputed outstanding and disputed items at `at`, item by item, by the domain's rules.
fn expected(items: &[Item], at: NaiveDate) -> (i64, i64) {
    let mut e = (0, 0);
    for i in items {
        let Some(open) = i.facts.open_at(at) else {
            continue;
        };
        if !reports::status_at(&i.periods, at).is_some_and(|p| p.kind == StatusKind::Dispute) {
            continue;
        }
        let held = reports::disputed_part(open, reports::part_at(&i.parts, at));
        if held != 0 {
            e.0 += held;
            e.1 += 1;
        }
    }
    e
}

fn disputed(db: &NativeDb, at: NaiveDate, basis: Basis) -> (i64, i64) {
    let lines = dispute_lines(db, at, &Filter::default(), basis).unwrap();
    lines
        .iter()
        .find(|l| l.section == "total")
        .map_or((0, 0), |t| (t.part_amount, t.part_count))
}

#[test]
fn the_dispute_report_counts_the_disputed_parts_at_every_date() {
    let db = story();
    let all = items(&db);
    let mut day = d("2026-09-25");
    let mut points = Vec::new();
    while day <= d("2026-12-10") {
        let e = expected(&all, day);
        assert_eq!(disputed(&db, day, Basis::AsOf), e, "as of {day}");
        let t = totals(&db, day, &Filter::default(), Basis::AsOf).unwrap();
        assert_eq!(
            t.iter().map(|t| t.disputed).sum::<i64>(),
            e.0,
            "totals as of {day}"
        );
        points.push(day);
        day = day.succ_opt().unwrap();
    }
    // The trend, at every one of those days in one statement, says the same.
    let tr = trend(&db, &points, &Filter::default()).unwrap();
    for p in &points {
        let at: (i64, i64) = tr
            .iter()
            .filter(|t| t.date == *p)
            .fold((0, 0), |a, t| (a.0 + t.disputed, a.1 + t.disputed_items));
        assert_eq!(at, expected(&all, *p), "trend at {p}");
    }
    // Hand-checked.
    // 16 October: I1 30.00 of 60.00 open, I2 50.00, J1 10.00.
    assert_eq!(disputed(&db, d("2026-10-16"), Basis::AsOf), (90_00, 3));
    // 21 October: I1 20.00 (10.00 paid for the dispute), I2 50.00, J1 10.00.
    assert_eq!(disputed(&db, d("2026-10-21"), Basis::AsOf), (80_00, 3));
    // 3 November: I1 20.00, I2 50.00, J1 a promise, K2 -3.00 of -8.00.
    assert_eq!(disputed(&db, d("2026-11-03"), Basis::AsOf), (67_00, 3));
    // 6 November: I2 credited 20.00 on the 5th: 30.00.
    assert_eq!(disputed(&db, d("2026-11-06"), Basis::AsOf), (47_00, 3));
    // 10 November: J1 again, for 4.00.
    assert_eq!(disputed(&db, d("2026-11-10"), Basis::AsOf), (51_00, 4));
    // Today: I1 written off (resolved), I2 30.00, J1 4.00, K2 -3.00.
    assert_eq!(disputed(&db, d("2026-12-02"), Basis::AsOf), (31_00, 3));
    // Nothing is dated after today: the current columns say the same, breakdowns included.
    assert!(!later_facts(&db, d("2026-12-02")).unwrap());
    assert!(later_facts(&db, d("2026-11-30")).unwrap());
    let sorted = |mut v: Vec<settle_store::reports::Line>| {
        v.sort_by(|a, b| (&a.section, &a.key, &a.currency).cmp(&(&b.section, &b.key, &b.currency)));
        v
    };
    let today = d("2026-12-02");
    let f = Filter::default();
    assert_eq!(
        sorted(dispute_lines(&db, today, &f, Basis::Current).unwrap()),
        sorted(dispute_lines(&db, today, &f, Basis::AsOf).unwrap())
    );
    assert_eq!(
        totals(&db, today, &f, Basis::Current).unwrap(),
        totals(&db, today, &f, Basis::AsOf).unwrap()
    );
    parts_add_up(&db);
}

/// A small deterministic generator (xorshift), so a failure names its case.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// 1 to 12 distinct days of `days`, ascending.
    fn points(&mut self, days: &[NaiveDate]) -> Vec<NaiveDate> {
        let mut v: Vec<NaiveDate> = (0..1 + self.below(12))
            .map(|_| days[self.below(days.len())])
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

/// `trend_kept` beside `trend` at `rounds` random sets of points: the kept figures must be
/// what the history says.
fn kept_equals_history(db: &NativeDb, dice: &mut Dice, days: &[NaiveDate], when: &str) {
    let f = Filter::default();
    for round in 0..6 {
        let points = dice.points(days);
        let kept = trend_kept(db, &points, &f).unwrap();
        assert_eq!(
            kept,
            trend(db, &points, &f).unwrap(),
            "{when}, round {round}, at {points:?}"
        );
    }
}

/// The dispute trend's points kept between reports (migration 24) stay equal to the figures
/// recomputed from the history, at random dates, after every write of the story: each write
/// (dated in the past or today, a payment, a credit note, a part, a requalification, a
/// write-off) deletes the points it moves, in its own statement.
#[test]
fn the_kept_trend_equals_the_history_at_random_dates_after_every_write() {
    let db = db();
    let mut dice = Dice(0x2545_F491_4F6C_DD1D);
    let mut days = Vec::new();
    let mut day = d("2026-09-25");
    while day <= d("2026-12-10") {
        days.push(day);
        day = day.succ_opt().unwrap();
    }
    let kept_points = |db: &NativeDb| {
        db.query(
            "SELECT count(*) FROM trend_disputed WHERE currency = ''",
            &[],
        )
        .unwrap()
        .single_int()
        .unwrap()
    };
    kept_equals_history(&db, &mut dice, &days, "before any write");
    for (n, step) in story_steps().iter().enumerate() {
        assert!(kept_points(&db) > 0, "points are kept before step {n}");
        step(&db);
        kept_equals_history(&db, &mut dice, &days, &format!("after step {n}"));
    }
    // Every day at once, against the rule applied item by item.
    let all = items(&db);
    let tr = trend_kept(&db, &days, &Filter::default()).unwrap();
    for p in &days {
        let at: (i64, i64) = tr
            .iter()
            .filter(|t| t.date == *p)
            .fold((0, 0), |a, t| (a.0 + t.disputed, a.1 + t.disputed_items));
        assert_eq!(at, expected(&all, *p), "kept trend at {p}");
    }
    // The check sees a point that a write should have deleted and did not: without the
    // trigger on balance moves, a payment dated 16 October leaves the kept figures of the
    // days after it as they were.
    let disputed = |t: Vec<settle_domain::reports::TrendPoint>| {
        t.into_iter()
            .map(|t| (t.date, t.disputed, t.disputed_items))
            .collect::<Vec<_>>()
    };
    let before = disputed(trend_kept(&db, &days, &Filter::default()).unwrap());
    db.query("DROP TRIGGER trend_moves_added", &[]).unwrap();
    pay(
        &db,
        json!({"payments": [{"id": "P9", "item_id": "I2", "amount": "5.00", "date": "2026-10-16"}]}),
    );
    let stale = disputed(trend_kept(&db, &days, &Filter::default()).unwrap());
    assert_eq!(stale, before, "kept, not recomputed");
    assert_ne!(
        stale,
        disputed(trend(&db, &days, &Filter::default()).unwrap()),
        "the history moved"
    );
}

#[test]
fn history_lines_carry_their_business_date_and_part() {
    let db = story();
    let rows = db
        .query(
            "SELECT h.event, h.on_date, h.part_delta FROM dispute_history h
             JOIN disputes d ON d.id = h.dispute_id JOIN items i ON i.id = d.item_id
             WHERE i.erp_id = 'J1' ORDER BY h.id",
            &[],
        )
        .unwrap()
        .map(|r| Ok((r.text(0)?, r.text(1)?, r.int(2)?)))
        .unwrap();
    let rows: Vec<(&str, &str, i64)> = rows
        .iter()
        .map(|(e, o, p)| (e.as_str(), o.as_str(), *p))
        .collect();
    assert_eq!(
        rows,
        [
            ("opened", "2026-10-05", 10_00),
            ("resolved", "2026-11-01", -10_00),
            ("reopened", "2026-11-10", 4_00),
        ]
    );
    // I2's credit is dated on the credit note's issue date, and so is its move.
    let credit = db
        .query(
            "SELECT h.on_date, h.part_delta FROM dispute_history h WHERE h.event = 'credited'",
            &[],
        )
        .unwrap();
    assert_eq!(
        credit.rows,
        vec![vec![
            "2026-11-05".into(),
            settle_store::Value::Integer(-20_00)
        ]]
    );
}

#[test]
fn version_22_dates_the_history_it_finds_and_backfills_the_parts() {
    let db = story();
    // I2 requalified on 20 November: its case resolves then.
    change(
        &db,
        json!({"item_ids": ["I2"], "status": "promise_to_pay", "comment": "Will pay",
               "status_date": "2026-11-20"}),
    );
    let lines = |db: &NativeDb| {
        db.query(
            "SELECT id, event, on_date, part_delta FROM dispute_history ORDER BY id",
            &[],
        )
        .unwrap()
        .map(|r| Ok((r.int(0)?, r.text(1)?, r.text(2)?, r.int(3)?)))
        .unwrap()
    };
    let before = lines(&db);
    // The database as version 21 left it: history without dates or parts.
    for sql in [
        "DROP TABLE dispute_part_moves",
        "DROP TRIGGER IF EXISTS dispute_history_part",
        "ALTER TABLE dispute_history DROP COLUMN on_date",
        "ALTER TABLE dispute_history DROP COLUMN part_delta",
        // And what came after it.
        "DROP TRIGGER balance_moves_days",
        "DROP TRIGGER items_closing_periods",
        "DROP TABLE trend_disputed",
        "DROP TRIGGER trend_moves_added",
        "DROP TRIGGER trend_moves_changed",
        "DROP TRIGGER trend_moves_removed",
        "DROP TRIGGER trend_periods_added",
        "DROP TRIGGER trend_periods_changed",
        "DROP TRIGGER trend_periods_removed",
        "DELETE FROM schema_migrations WHERE version >= 22",
    ] {
        db.query(sql, &[]).unwrap();
    }
    settle_store::migrations::migrate(&db, NOW).unwrap();
    let after = lines(&db);
    // Every line moves the part as it did when written; openings keep their date, and the
    // last resolution of a resolved case its resolution date. The rest were recorded today.
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((b.0, &b.1, b.3), (a.0, &a.1, a.3));
        match a.1.as_str() {
            "opened" => assert_eq!(a.2, b.2, "{a:?}"),
            _ => assert!(a.2 == b.2 || a.2 == "2026-12-02", "{a:?} was {b:?}"),
        }
    }
    // I2's case keeps its resolution date; J1's resolution, reopened since, is dated the day
    // it was recorded.
    let resolved: Vec<&str> = after
        .iter()
        .filter(|l| l.1 == "resolved")
        .map(|l| l.2.as_str())
        .collect();
    assert_eq!(resolved, ["2026-12-02", "2026-11-20"]);
    // The parts add up to what the open cases dispute, and the trigger is back.
    parts_add_up(&db);
    change(
        &db,
        json!({"item_ids": ["J1"], "status": "delivery_dispute", "comment": "More",
               "amounts": {"J1": "6.00"}}),
    );
    assert_eq!(
        asof::parts_of(&db, i_key(&db, "J1"))
            .unwrap()
            .iter()
            .map(|p| p.1)
            .sum::<i64>(),
        6_00
    );
}

fn i_key(db: &NativeDb, erp_id: &str) -> i64 {
    db.query("SELECT id FROM items WHERE erp_id = ?", &[erp_id.into()])
        .unwrap()
        .single_int()
        .unwrap()
}
