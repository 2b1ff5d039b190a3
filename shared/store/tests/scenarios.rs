//! Reminder scenarios, assignment, the step log and the agenda against rusqlite.

mod common;

use common::*;
use settle_domain::config::ScenarioConfig;
use settle_domain::disputes::Amounts;
use settle_domain::scenario::{Scenario, Step, StepType};
use settle_store::disputes;
use settle_store::scenarios::{self, AgendaFilter, NewReminder};

fn strict() -> ScenarioConfig {
    ScenarioConfig {
        scenario: Scenario {
            code: "strict".into(),
            name: "Strict".into(),
            steps: vec![Step {
                offset_days: 1,
                step_type: StepType::Call,
                template: None,
            }],
        },
        is_default: false,
        active: true,
    }
}

#[test]
fn scenarios_save_read_and_assign() {
    let db = db();
    let all = scenarios::scenarios(&db).unwrap();
    assert_eq!(all.len(), 1);
    assert!(all[0].is_default, "the default scenario is seeded");
    scenarios::save_scenario(&db, &strict(), NOW).unwrap();
    assert_eq!(
        scenarios::scenario(&db, "strict").unwrap().unwrap(),
        strict()
    );
    assert!(scenarios::scenario(&db, "nope").unwrap().is_none());
    let c1 = customer_key(&db, "C1");
    assert_eq!(
        scenarios::scenario_of(&db, c1).unwrap().unwrap().code,
        "default"
    );
    scenarios::assign(&db, c1, Some("strict"), NOW).unwrap();
    assert_eq!(
        scenarios::scenario_of(&db, c1).unwrap().unwrap().code,
        "strict"
    );
    scenarios::assign(&db, c1, None, NOW).unwrap();
    assert_eq!(
        scenarios::scenario_of(&db, c1).unwrap().unwrap().code,
        "default"
    );
}

#[test]
fn scenario_items_mark_held_ones_and_steps_are_logged() {
    let db = db();
    price_dispute(&db);
    let c1 = customer_key(&db, "C1");
    let items = scenarios::scenario_items(&db, c1).unwrap();
    let view: Vec<(&str, bool)> = items.iter().map(|i| (i.id.as_str(), i.held)).collect();
    assert_eq!(view, [("I1", true), ("I2", true), ("I3", false)]);
    // The reference date read in SQL is the domain rule's, on the same items.
    assert_eq!(
        scenarios::reference_due(&db, c1).unwrap(),
        settle_domain::scenario::reference_due(&items)
    );
    assert_eq!(
        scenarios::reference_due(&db, c1).unwrap(),
        Some(d("2025-04-01"))
    );
    assert_eq!(
        scenarios::reference_due(&db, customer_key(&db, "C2")).unwrap(),
        Some(d("2025-02-01"))
    );
    let reminder = scenarios::record_reminder(
        &db,
        &NewReminder {
            customer_key: c1,
            customer_id: "C1",
            scenario: "default",
            step: 0,
            step_type: "email",
            reference_due: d("2025-04-01"),
            done_on: today(),
            items: &[(key(&db, "I3"), "I3".into())],
            comment: Some("sent"),
        },
        "alice",
        NOW,
    )
    .unwrap();
    assert_eq!(reminder.item_ids, ["I3"]);
    let done = scenarios::done_steps(&db, c1, "default").unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!((done[0].step, done[0].reference_due), (0, d("2025-04-01")));
    assert!(scenarios::done_steps(&db, c1, "strict").unwrap().is_empty());
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM item_history WHERE event = 'reminder'"
        ),
        1
    );
}

#[test]
fn the_agenda_lists_actions_due_and_scenario_steps() {
    let db = db();
    price_dispute(&db); // action due 2025-03-08 holding I1, I2
    let (entries, total) =
        scenarios::agenda(&db, d("2025-03-10"), &AgendaFilter::default(), 0, 50).unwrap();
    assert_eq!(total, entries.len());
    let kinds: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.kind, e.customer.id.as_str()))
        .collect();
    assert!(kinds.contains(&("action", "C1")), "{kinds:?}");
    assert!(kinds.contains(&("scenario_step", "C2")), "{kinds:?}");
    let action = entries.iter().find(|e| e.kind == "action").unwrap();
    assert_eq!(action.amounts[0].open_amount, "150.00");
    let (by_resolver, _) = scenarios::agenda(
        &db,
        d("2025-03-10"),
        &AgendaFilter {
            resolver_id: Some(1),
            ..Default::default()
        },
        0,
        50,
    )
    .unwrap();
    assert!(by_resolver.iter().all(|e| e.kind == "action"));
    let (none, _) =
        scenarios::agenda(&db, d("2025-03-01"), &AgendaFilter::default(), 0, 50).unwrap();
    assert!(none.iter().all(|e| e.kind != "action"), "not due yet");
}

/// A small deterministic generator for the randomized agenda test.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Every customer's scenario reference date and step date, kept by triggers through any
/// sequence of writes (items opened, paid, moved, held by a follow-up action; reminders
/// recorded; scenarios edited and assigned), equal the domain rule computed from the
/// customer's items; and the agenda read by index (pages of three, the total) equals the
/// whole agenda computed customer by customer.
#[test]
fn the_agenda_by_index_is_the_agenda_computed_for_every_customer() {
    use settle_domain::scenario::{next_step, next_step_for};
    use settle_store::{Db, RowExt, ledger};
    let db = db();
    let mut rng = Rng(0x5e77_1e00_2026);
    let customers: Vec<String> = (0..8).map(|c| format!("R{c}")).collect();
    let body = customers
        .iter()
        .enumerate()
        .map(|(i, c)| format!(r#"{{"id":"{c}","name":"Customer {c}","entity":"FR01","currency":"EUR","collector":"col{}"}}"#, i % 2))
        .collect::<Vec<_>>()
        .join(",");
    let parsed =
        settle_domain::erp::parse_customers(format!(r#"{{"customers":[{body}]}}"#).as_bytes())
            .unwrap();
    ledger::upsert_customers(&db, &parsed, NOW).unwrap();
    scenarios::save_scenario(&db, &strict(), NOW).unwrap();
    let mut item_no = 0;
    for round in 0..60 {
        let c = &customers[rng.below(customers.len() as u64) as usize];
        match rng.below(7) {
            0 | 1 => {
                // New or changed invoices: due dates around today, some paid off.
                let items: Vec<String> = (0..1 + rng.below(3))
                    .map(|_| {
                        let id = if item_no > 0 && rng.below(3) == 0 {
                            format!("X{}", rng.below(item_no))
                        } else {
                            item_no += 1;
                            format!("X{}", item_no - 1)
                        };
                        let due = d("2025-03-01") + chrono::Days::new(rng.below(90)) - chrono::Days::new(60);
                        // Paid off, paid down to a case's part, or open in full.
                        let open = ["0.00", "4.00", "10.00", "10.00"][rng.below(4) as usize];
                        format!(r#"{{"id":"{id}","customer_id":"{c}","kind":"invoice","number":"N-{id}","issue_date":"2024-12-01","due_date":"{due}","amount":"10.00","open_amount":"{open}","currency":"EUR"}}"#)
                    })
                    .collect();
                let Ok(batch) = settle_domain::erp::parse_items_json(
                    format!(r#"{{"mode":"delta","items":[{}]}}"#, items.join(",")).as_bytes(),
                ) else {
                    continue; // the same id twice in a batch: refused, nothing to check
                };
                // An item already known under another customer stays where it is.
                let _ = db.transaction(|db| ledger::sync_items(db, &batch, "erp", NOW, today()));
            }
            2 => {
                // A dispute with a follow-up action holds some of the customer's open items.
                let key = customer_key(&db, c);
                let open = scenarios::scenario_items(&db, key).unwrap();
                let free: Vec<String> = open
                    .iter()
                    .filter(|i| !i.held)
                    .map(|i| i.id.clone())
                    .take(2)
                    .collect();
                if !free.is_empty() {
                    qualify(
                        &db,
                        &format!(
                            r#"{{"item_ids":{},"status":"price_dispute","comment":"r{round}","resolver_id":1,"next_action":"suggested"}}"#,
                            serde_json::to_string(&free).unwrap()
                        ),
                    );
                    // Their cases: some disputed in part (chased for the rest), some whole.
                    let mut cases: Vec<disputes::NewCase> = Vec::new();
                    let keys: Vec<i64> = open.iter().map(|i| i.key).collect();
                    let open_cases = disputes::open_cases(&db, &keys).unwrap();
                    for i in open.iter().filter(|i| free.contains(&i.id)) {
                        if rng.below(3) == 0 || open_cases.contains_key(&i.key) {
                            continue;
                        }
                        // Free and without a case before: what was chased is its open amount.
                        let open = i.to_chase_minor;
                        let disputed = [400, 1000][rng.below(2) as usize].min(open);
                        cases.push(disputes::NewCase {
                            item_key: i.key,
                            customer_key: key,
                            currency: "EUR".into(),
                            reason: "price_dispute".into(),
                            resolver_id: Some(1),
                            status_change_id: None,
                            amounts: Amounts::open(disputed, open).unwrap(),
                            opened_on: "2025-03-01".into(),
                            deadline: None,
                            routing_rule_id: None,
                        });
                    }
                    disputes::insert_cases(&db, &cases, NOW).unwrap();
                }
            }
            3 => {
                // The next step of the customer's scenario is done.
                let key = customer_key(&db, c);
                let Some(s) = scenarios::scenario_of(&db, key).unwrap() else {
                    continue;
                };
                let items = scenarios::scenario_items(&db, key).unwrap();
                let done = scenarios::done_steps(&db, key, &s.code).unwrap();
                if let Some(n) = next_step(&s, &items, &done, d("2025-06-01")) {
                    scenarios::record_reminder(
                        &db,
                        &NewReminder {
                            customer_key: key,
                            customer_id: c,
                            scenario: &s.code,
                            step: n.step,
                            step_type: n.step_type.as_str(),
                            reference_due: n.reference_due,
                            done_on: today(),
                            items: &[],
                            comment: None,
                        },
                        "alice",
                        NOW,
                    )
                    .unwrap();
                }
            }
            4 => {
                let key = customer_key(&db, c);
                let to = ["strict", "default"][rng.below(2) as usize];
                scenarios::assign(&db, key, (to != "default").then_some(to), NOW).unwrap();
            }
            6 => {
                // An open case moves: disputed in part or whole, or resolved.
                let all: Vec<String> = (0..item_no).map(|n| format!("X{n}")).collect();
                let open = disputes::open_cases_of(&db, &all).unwrap();
                if open.is_empty() {
                    continue;
                }
                let case = &open[rng.below(open.len() as u64) as usize];
                let original = case.amounts.original;
                let disputed = [0, 400, 700, 1000][rng.below(4) as usize].min(original);
                let resolved = (disputed == 0 || rng.below(4) == 0)
                    .then(|| ("2025-04-01".to_string(), "paid"));
                let amounts = Amounts {
                    original,
                    disputed: if resolved.is_some() { 0 } else { disputed },
                    paid: original - disputed,
                    credited: 0,
                    written_off: if resolved.is_some() { disputed } else { 0 },
                };
                disputes::update_cases(
                    &db,
                    &[disputes::CaseUpdate {
                        id: case.id,
                        amounts,
                        reason: case.reason.clone(),
                        resolver_id: case.resolver_id,
                        deadline: None,
                        resolved,
                    }],
                    NOW,
                )
                .unwrap();
            }
            5 if rng.below(2) == 0 => {
                // The customer changes collector (the agenda's counts move with it).
                let collector = ["col0", "col1", "col2"][rng.below(3) as usize];
                let parsed = settle_domain::erp::parse_customers(
                    format!(r#"{{"customers":[{{"id":"{c}","name":"Customer {c}","entity":"FR01","currency":"EUR","collector":"{collector}"}}]}}"#)
                        .as_bytes(),
                )
                .unwrap();
                ledger::upsert_customers(&db, &parsed, NOW).unwrap();
            }
            _ => {
                // The strict scenario gets one to three steps, some before the due date.
                let mut s = strict();
                let mut offset = rng.below(20) as i64 - 10;
                s.scenario.steps = (0..1 + rng.below(3))
                    .map(|_| {
                        let step = Step {
                            offset_days: offset,
                            step_type: StepType::Call,
                            template: None,
                        };
                        offset += 1 + rng.below(15) as i64;
                        step
                    })
                    .collect();
                s.active = rng.below(4) != 0;
                scenarios::save_scenario(&db, &s, NOW).unwrap();
            }
        }
        // The agenda's counts: customers due per collector and date.
        let counts = db
            .query(
                "SELECT collector, step_due, customers FROM agenda_step_counts ORDER BY 1, 2",
                &[],
            )
            .unwrap();
        let recounted = db
            .query(
                "SELECT coalesce(collector, ''), step_due, count(*) FROM customers
                 WHERE step_due IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
                &[],
            )
            .unwrap();
        assert_eq!(counts.rows, recounted.rows, "round {round}");
        // The kept columns equal the domain rule, for every customer.
        for c in customers
            .iter()
            .chain(["C1".to_string(), "C2".to_string()].iter())
        {
            let key = customer_key(&db, c);
            let items = scenarios::scenario_items(&db, key).unwrap();
            let kept = db
                .query(
                    "SELECT reference_due, step_due, step_scenario, step_first FROM customers WHERE id = ?",
                    &[key.into()],
                )
                .unwrap();
            let row = &kept.rows[0];
            let reference = settle_domain::scenario::reference_due(&items);
            assert_eq!(
                row.opt_text(0).unwrap(),
                reference.map(|r| r.to_string()),
                "round {round}, {c}"
            );
            // The first step left: its date as of the reference date's own past.
            let expected = match (scenarios::scenario_of(&db, key).unwrap(), reference) {
                (Some(s), Some(r)) => {
                    let done = scenarios::done_steps(&db, key, &s.code).unwrap();
                    next_step_for(&s, r, &done, d("1900-01-01"))
                        .map(|n| (n.due_on.to_string(), s.code.clone(), n.step as i64))
                }
                _ => None,
            };
            let kept_step = row
                .opt_text(1)
                .unwrap()
                .map(|due| (due, row.text(2).unwrap(), row.int(3).unwrap()));
            assert_eq!(kept_step, expected, "round {round}, {c}");
        }
        // The agenda: pages of three add up to the whole, which lists every due entry.
        for date in [d("2025-02-01"), d("2025-03-01"), d("2025-04-15")] {
            for filter in [
                AgendaFilter::default(),
                AgendaFilter {
                    collector: Some("col0".into()),
                    ..Default::default()
                },
                AgendaFilter {
                    resolver_id: Some(1),
                    ..Default::default()
                },
            ] {
                let key_of = |e: &scenarios::AgendaEntry| {
                    (
                        e.kind,
                        e.due_on.clone(),
                        e.customer.id.clone(),
                        e.action.as_ref().map(|a| a["id"].clone()),
                    )
                };
                let (all, total) = scenarios::agenda(&db, date, &filter, 0, 1000).unwrap();
                assert_eq!(total, all.len());
                let mut paged = Vec::new();
                for page in 0.. {
                    let (entries, t) = scenarios::agenda(&db, date, &filter, page * 3, 3).unwrap();
                    assert_eq!(t, total);
                    if entries.is_empty() {
                        break;
                    }
                    paged.extend(entries.iter().map(key_of));
                }
                assert_eq!(
                    paged,
                    all.iter().map(key_of).collect::<Vec<_>>(),
                    "round {round}, {date}"
                );
                // Every customer whose step is due by the domain rule is listed, at its date.
                // With the items it covers and what it chases of them (an item disputed in
                // part under a follow-up: its undisputed rest).
                type Step = (String, String, Vec<String>, Vec<(String, String)>);
                let mut steps: Vec<Step> = all
                    .iter()
                    .filter(|e| e.kind == "scenario_step")
                    .map(|e| {
                        (
                            e.customer.id.clone(),
                            e.due_on.clone(),
                            e.item_ids.clone(),
                            e.amounts
                                .iter()
                                .map(|a| (a.currency.clone(), a.open_amount.clone()))
                                .collect(),
                        )
                    })
                    .collect();
                steps.sort();
                let mut expected = Vec::new();
                if filter.resolver_id.is_none() {
                    let everyone = db
                        .query("SELECT erp_id, collector FROM customers", &[])
                        .unwrap();
                    for row in &everyone.rows {
                        let c = &row.text(0).unwrap();
                        let key = customer_key(&db, c);
                        if filter.collector.is_some()
                            && row.opt_text(1).unwrap() != filter.collector
                        {
                            continue;
                        }
                        let Some(s) = scenarios::scenario_of(&db, key).unwrap() else {
                            continue;
                        };
                        let items = scenarios::scenario_items(&db, key).unwrap();
                        let done = scenarios::done_steps(&db, key, &s.code).unwrap();
                        if let Some(n) = next_step(&s, &items, &done, date)
                            && n.due_on <= date
                        {
                            let covered = settle_domain::scenario::covered(&items, &n);
                            let chased = settle_domain::scenario::to_chase(&covered)
                                .into_iter()
                                .map(|(c, m)| {
                                    let currency =
                                        settle_domain::money::Currency::parse(&c).unwrap();
                                    (c, settle_domain::money::amount_string(m, currency))
                                })
                                .collect();
                            expected.push((
                                c.clone(),
                                n.due_on.to_string(),
                                covered.iter().map(|i| i.id.clone()).collect(),
                                chased,
                            ));
                        }
                    }
                }
                expected.sort();
                assert_eq!(steps, expected, "round {round}, {date}");
            }
        }
    }
}
