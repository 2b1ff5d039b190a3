//! The dispute report on a generated ledger (fixed seed): 12 customers, 144 invoices over
//! 2025, with disputes (some back-dated, some re-qualified, resolved and re-opened) and
//! partial and full payments, all pushed through the API. The expected figures are computed
//! here from the generated rows alone, day by day, by the rules of PRODUCT.md (no store or
//! domain code): the report must agree at three dates.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::support::*;

/// xorshift64*: a small deterministic generator, so the ledger is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

struct Invoice {
    id: String,
    customer: String,
    issue: NaiveDate,
    amount: i64,
    /// Status changes in the order they are entered: (status, is a dispute, status date).
    changes: Vec<(&'static str, bool, NaiveDate)>,
    payments: Vec<(NaiveDate, i64)>,
}

impl Invoice {
    fn balance(&self, at: NaiveDate) -> i64 {
        self.amount
            - self
                .payments
                .iter()
                .filter(|(on, _)| *on <= at)
                .map(|(_, a)| a)
                .sum::<i64>()
    }
    fn open(&self, at: NaiveDate) -> bool {
        self.issue <= at && self.balance(at) > 0
    }
    /// The last change entered whose status date is on or before `at`.
    fn status(&self, at: NaiveDate) -> Option<(&'static str, bool)> {
        self.changes.iter().rfind(|c| c.2 <= at).map(|c| (c.0, c.1))
    }
    fn disputed(&self, at: NaiveDate) -> bool {
        self.open(at) && self.status(at).is_some_and(|s| s.1)
    }
    /// The last dispute status in force on `at`.
    fn dispute_status(&self, at: NaiveDate) -> Option<&'static str> {
        self.status(at).filter(|s| s.1).map(|s| s.0)
    }
}

const DISPUTES: [&str; 3] = ["price_dispute", "quality_dispute", "delivery_dispute"];

fn generate() -> Vec<Invoice> {
    let mut rng = Rng(0x5e77_1e00_2025);
    let start = d("2025-01-01");
    let mut v = Vec::new();
    for n in 0..144 {
        let customer = format!("G{:02}", n % 12);
        let issue = start + Duration::days(rng.below(300) as i64);
        let amount = 1_000 + rng.below(900_000) as i64;
        let mut changes = Vec::new();
        let mut at = issue + Duration::days(5 + rng.below(40) as i64);
        for _ in 0..rng.below(4) {
            let dispute = rng.below(3) != 0;
            let status = if dispute {
                DISPUTES[rng.below(3) as usize]
            } else if rng.below(2) == 0 {
                "dispute_resolved"
            } else {
                "promise_to_pay"
            };
            // One change in five is back-dated before the previous one.
            let date = if !changes.is_empty() && rng.below(5) == 0 {
                at - Duration::days(1 + rng.below(10) as i64)
            } else {
                at
            };
            changes.push((status, dispute, date.max(issue).min(d("2025-11-30"))));
            at += Duration::days(3 + rng.below(50) as i64);
        }
        let mut payments = Vec::new();
        match rng.below(3) {
            0 => {}
            1 => {
                let part = amount / (2 + rng.below(3) as i64);
                payments.push((issue + Duration::days(20 + rng.below(150) as i64), part));
            }
            _ => {
                let first = amount / 3;
                let p1 = issue + Duration::days(10 + rng.below(100) as i64);
                payments.push((p1, first));
                payments.push((p1 + Duration::days(rng.below(120) as i64), amount - first));
            }
        }
        v.push(Invoice {
            id: format!("R{n:03}"),
            customer,
            issue,
            amount,
            changes,
            payments,
        });
    }
    v
}

fn cents(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

fn load(s: &settle_host::testing::TestServer, invoices: &[Invoice]) {
    let customers: Vec<Value> = (0..12)
        .map(|n| {
            json!({"id": format!("G{n:02}"), "name": format!("Generated {n}"), "entity": "FR01",
                   "language": "en", "currency": "EUR", "collector": "alice"})
        })
        .collect();
    let r = call(
        s,
        "POST",
        "/api/v1/erp/customers",
        ADMIN_TOKEN,
        &json!({"customers": customers}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let items: Vec<Value> = invoices
        .iter()
        .map(|i| {
            json!({"id": i.id, "customer_id": i.customer, "kind": "invoice", "number": i.id,
                   "issue_date": i.issue.to_string(),
                   "due_date": (i.issue + Duration::days(30)).to_string(),
                   "amount": cents(i.amount), "open_amount": cents(i.amount), "currency": "EUR"})
        })
        .collect();
    let r = push_items(s, ADMIN_TOKEN, "delta", items);
    assert_eq!(r.status, 200, "{}", r.text());
    // Every status change while the items are open, then the payments.
    for i in invoices {
        for (status, dispute, date) in &i.changes {
            let mut body =
                json!({"item_ids": [i.id], "status": status, "status_date": date.to_string()});
            if *dispute {
                body["comment"] = json!("generated");
            }
            let r = call(s, "POST", "/api/v1/status-changes", ADMIN_TOKEN, &body);
            assert_eq!(r.status, 201, "{}: {}", i.id, r.text());
        }
    }
    let payments: Vec<Value> = invoices
        .iter()
        .flat_map(|i| {
            i.payments.iter().enumerate().map(move |(k, (on, amount))| {
                json!({"id": format!("{}-{k}", i.id), "item_id": i.id, "amount": cents(*amount),
                       "date": on.to_string()})
            })
        })
        .collect();
    let r = call(
        s,
        "POST",
        "/api/v1/erp/payments",
        ADMIN_TOKEN,
        &json!({"payments": payments}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

/// Resolution delays of the disputes that ended from `from` to `to`, walking each invoice day
/// by day: a dispute starts the first day it is disputed and ends the first day it is not
/// (its status left the dispute kind, or it was paid).
fn resolutions(invoices: &[Invoice], from: NaiveDate, to: NaiveDate) -> Vec<(&'static str, i64)> {
    let mut v = Vec::new();
    for i in invoices {
        let mut since: Option<(NaiveDate, &'static str)> = None;
        let mut day = i.issue;
        while day <= to {
            let disputed = i.disputed(day);
            match (since, disputed) {
                (None, true) => since = Some((day, i.dispute_status(day).unwrap())),
                (Some((start, _)), true) => since = Some((start, i.dispute_status(day).unwrap())),
                (Some((start, status)), false) => {
                    if day >= from {
                        v.push((status, (day - start).num_days()));
                    }
                    since = None;
                }
                (None, false) => {}
            }
            day += Duration::days(1);
        }
    }
    v
}

#[test]
fn the_dispute_report_matches_figures_computed_from_the_input_rows() {
    let s = start();
    let invoices = generate();
    load(&s, &invoices);
    let disputes_seen: usize = invoices.iter().map(|i| i.changes.len()).sum();
    assert!(
        disputes_seen > 100,
        "the generator makes a real history: {disputes_seen}"
    );
    for day in ["2025-04-30", "2025-08-31", "2025-11-30"] {
        let at = d(day);
        let open: Vec<&Invoice> = invoices.iter().filter(|i| i.open(at)).collect();
        let outstanding: i64 = open.iter().map(|i| i.balance(at)).sum();
        let disputed: Vec<&&Invoice> = open.iter().filter(|i| i.disputed(at)).collect();
        let disputed_sum: i64 = disputed.iter().map(|i| i.balance(at)).sum();
        let mut by_status: BTreeMap<&str, i64> = BTreeMap::new();
        let mut by_customer: BTreeMap<&str, i64> = BTreeMap::new();
        for i in &disputed {
            *by_status.entry(i.dispute_status(at).unwrap()).or_default() += i.balance(at);
            *by_customer.entry(i.customer.as_str()).or_default() += i.balance(at);
        }
        let r = get(
            &s,
            &format!("/api/v1/reports/disputes?as_of={day}&from=2025-01-01"),
            ADMIN_TOKEN,
        );
        assert_eq!(r.status, 200, "{}", r.text());
        let v = r.json();
        let b = &v["currencies"][0];
        assert_eq!(b["outstanding"], cents(outstanding), "{day}");
        assert_eq!(b["open_items"], open.len(), "{day}");
        assert_eq!(b["disputed_outstanding"], cents(disputed_sum), "{day}");
        assert_eq!(b["disputed_items"], disputed.len(), "{day}");
        let got = |list: &str| -> BTreeMap<String, String> {
            b[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        p["key"].as_str().unwrap().to_string(),
                        p["amount"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        };
        let want = |m: &BTreeMap<&str, i64>| -> BTreeMap<String, String> {
            m.iter().map(|(k, v)| (k.to_string(), cents(*v))).collect()
        };
        assert_eq!(got("by_status"), want(&by_status), "{day}");
        assert_eq!(got("by_customer"), want(&by_customer), "{day}");
        let ended = resolutions(&invoices, d("2025-01-01"), at);
        let res = &v["resolution"];
        assert_eq!(res["count"], ended.len(), "{day}");
        if !ended.is_empty() {
            let total: i64 = ended.iter().map(|e| e.1).sum();
            let average = (Decimal::from(total) / Decimal::from(ended.len())).round_dp(1);
            assert_eq!(res["average_days"], average.to_string(), "{day}");
        }
    }
}
