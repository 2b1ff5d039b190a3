//! A synthetic accounts-receivable ledger written natively into the app's SQLite file, after
//! the app's own migrations: customers, invoices over two years, their balance moves and
//! status periods (the histories the reports read), the daily balance sums the write paths
//! keep, and the live follow-up actions of the disputes still open. Deterministic: the same
//! shape gives the same rows.
//!
//! Shape of the data: issue dates uniform over two years; 90% paid 20–120 days after issue;
//! 10% disputed 5–35 days after issue, 70% of those resolved 5–85 days later. With
//! `key_accounts`, 5% of the invoices go to that many large customers (the accounts a
//! collector opens most), the rest round-robin over the others.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Duration as Days, NaiveDate};
use rusqlite::{Connection, params};
use settle_store::{NativeDb, migrations};

pub const STATUSES: [&str; 4] = [
    "price_dispute",
    "quality_dispute",
    "delivery_dispute",
    "administrative_dispute",
];

/// How big a ledger is.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub items: usize,
    pub customers: usize,
    /// Large customers (ids `C00000`.. up to this count) receiving 5% of the invoices.
    pub key_accounts: usize,
    /// One live dispute action per customer over its open disputed items.
    pub actions: bool,
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub disputed_ever: usize,
    pub open_now: usize,
    pub disputed_open_now: usize,
    pub live_actions: usize,
}

/// A xorshift generator: fast, deterministic, good enough for synthetic data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> i64 {
        (self.next_u64() % n) as i64
    }
}

/// The customer's key (1-based row id) of invoice `n`.
fn customer_of(n: usize, shape: &Shape, rng: &mut Rng) -> i64 {
    if shape.key_accounts > 0 && rng.below(100) < 5 {
        return rng.below(shape.key_accounts as u64) + 1;
    }
    let others = shape.customers - shape.key_accounts;
    (shape.key_accounts + n % others) as i64 + 1
}

/// Writes the ledger into `path` (a new file), ending with `ANALYZE` and a checkpoint so the
/// file stands alone (no `-wal` beside it).
pub fn generate(path: &Path, today: NaiveDate, shape: Shape) -> Summary {
    migrations::migrate(
        &NativeDb(Connection::open(path).unwrap()),
        "2026-01-01T00:00:00Z",
    )
    .unwrap();
    let mut c = Connection::open(path).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    c.pragma_update(None, "synchronous", "OFF").unwrap();
    c.pragma_update(None, "cache_size", -2_000_000).unwrap();
    // Bulk load: each item's moves and periods are written before its row.
    c.pragma_update(None, "foreign_keys", "OFF").unwrap();
    let t = c.transaction().unwrap();
    let now = "2026-01-01T00:00:00Z";
    t.execute(
        "INSERT INTO entities (code, name, created_at) VALUES ('FR01', 'FR01', ?1), ('DE01', 'DE01', ?1)",
        [now],
    )
    .unwrap();
    {
        let mut s = t
            .prepare("INSERT INTO customers (id, erp_id, name, entity, language, currency, collector, created_at, updated_at)
                      VALUES (?, ?, ?, ?, 'en', 'EUR', ?, ?, ?)")
            .unwrap();
        for n in 0..shape.customers {
            let entity = if n % 2 == 0 { "FR01" } else { "DE01" };
            let name = if n < shape.key_accounts {
                format!("Key Account {n} Industrial Holdings International")
            } else {
                format!("Customer {n}")
            };
            s.execute(params![
                n as i64 + 1,
                format!("C{n:05}"),
                name,
                entity,
                format!("collector{}", n % 20),
                now,
                now
            ])
            .unwrap();
        }
        let mut s = t
            .prepare("INSERT INTO resolvers (id, name, email, role, created_at, updated_at) VALUES (?, ?, ?, 'sales', ?, ?)")
            .unwrap();
        for r in 1..=20 {
            s.execute(params![
                r,
                format!("Resolver {r}"),
                format!("r{r}@corp.example"),
                now,
                now
            ])
            .unwrap();
        }
    }
    let mut rng = Rng(0x00be_4c11_2026);
    let mut summary = Summary::default();
    // The customer's live action: (id, due date).
    let mut actions: HashMap<i64, (i64, NaiveDate)> = HashMap::new();
    {
        let mut item = t
            .prepare("INSERT INTO items (id, erp_id, customer_id, entity, kind, number, issue_date, due_date, currency,
                                         amount_minor, open_minor, closed_on, status_code, status_date, resolver_id,
                                         disputed_since, action_id, created_at, updated_at)
                      VALUES (?, ?, ?, ?, 'invoice', ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .unwrap();
        let mut mv = t
            .prepare("INSERT INTO item_balance_moves (item_id, on_date, currency, delta_minor, reason, at)
                      VALUES (?, ?, 'EUR', ?, ?, ?)")
            .unwrap();
        let mut period = t
            .prepare("INSERT INTO item_status_periods (item_id, status_code, kind, resolver_id, valid_from, valid_to,
                                                       dispute_since, ends_dispute, item_closed_on, at)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .unwrap();
        let mut action = t
            .prepare("INSERT INTO actions (id, customer_id, type, name, due_date, resolver_id, comment, state,
                                           created_at, created_by, updated_at)
                      VALUES (?, ?, 'dispute', 'Dispute follow-up', ?, ?, 'Waiting for the resolver', 'live', ?, 'bench', ?)")
            .unwrap();
        let mut held = t
            .prepare("INSERT INTO action_items (action_id, item_id, attached_at) VALUES (?, ?, ?)")
            .unwrap();
        for n in 0..shape.items {
            let id = n as i64 + 1;
            let customer = customer_of(n, &shape, &mut rng);
            let entity = if customer % 2 == 1 { "FR01" } else { "DE01" };
            let issue = today - Days::days(rng.below(730));
            let amount = 10_000 + rng.below(990_000);
            let paid_on = issue + Days::days(20 + rng.below(100));
            let paid = paid_on <= today && rng.below(10) < 9;
            let mut status: Option<(&str, NaiveDate, Option<i64>, Option<NaiveDate>)> = None;
            mv.execute(params![id, issue.to_string(), amount, "opened", now])
                .unwrap();
            if paid {
                mv.execute(params![id, paid_on.to_string(), -amount, "payment", now])
                    .unwrap();
            }
            if rng.below(10) == 0 {
                let since = issue + Days::days(5 + rng.below(30));
                if since <= today {
                    summary.disputed_ever += 1;
                    let code = STATUSES[rng.below(4) as usize];
                    let resolver = Some(1 + rng.below(20));
                    let resolved = since + Days::days(5 + rng.below(80));
                    let resolves = resolved <= today && rng.below(10) < 7;
                    period
                        .execute(params![
                            id,
                            code,
                            "dispute",
                            resolver,
                            since.to_string(),
                            resolves.then(|| resolved.to_string()),
                            since.to_string(),
                            resolves,
                            paid.then(|| paid_on.to_string()),
                            now
                        ])
                        .unwrap();
                    if resolves {
                        period
                            .execute(params![
                                id,
                                "dispute_resolved",
                                "resolved",
                                resolver,
                                resolved.to_string(),
                                None::<String>,
                                None::<String>,
                                false,
                                paid.then(|| paid_on.to_string()),
                                now
                            ])
                            .unwrap();
                        status = Some(("dispute_resolved", resolved, resolver, None));
                    } else {
                        status = Some((code, since, resolver, Some(since)));
                    }
                }
            }
            let open = if paid { 0 } else { amount };
            if open > 0 {
                summary.open_now += 1;
            }
            let disputed_open = open > 0 && status.is_some_and(|s| s.3.is_some());
            let mut action_id = None;
            if disputed_open {
                summary.disputed_open_now += 1;
                if shape.actions {
                    let since = status.and_then(|s| s.3).unwrap_or(today);
                    let resolver = status.and_then(|s| s.2);
                    let next = actions.len() as i64 + 1;
                    let (aid, _) = *actions.entry(customer).or_insert_with(|| {
                        let due = since + Days::days(15);
                        action
                            .execute(params![next, customer, due.to_string(), resolver, now, now])
                            .unwrap();
                        (next, due)
                    });
                    held.execute(params![aid, id, now]).unwrap();
                    action_id = Some(aid);
                }
            }
            item.execute(params![
                id,
                format!("I{n:08}"),
                customer,
                entity,
                format!("F-{n}"),
                issue.to_string(),
                (issue + Days::days(30)).to_string(),
                amount,
                open,
                paid.then(|| paid_on.to_string()),
                status.map(|s| s.0),
                status.map(|s| s.1.to_string()),
                status.and_then(|s| s.2),
                status
                    .and_then(|s| s.3)
                    .filter(|_| open > 0)
                    .map(|d| d.to_string()),
                action_id,
                now,
                now
            ])
            .unwrap();
        }
    }
    summary.live_actions = actions.len();
    // `balance_days` was kept by its trigger as the moves went in (migration 23).
    t.commit().unwrap();
    c.execute_batch("ANALYZE").unwrap();
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    summary
}
