//! Report queries: sums over what was true at a date, in SQL, one statement per call.
//!
//! The as-of rules of `settle_domain::reports`, in SQL: an item is open at D when issued on
//! or before D, not closed by then, with a non-zero balance (its moves dated up to D); its
//! status is the period covering D. When nothing is dated after D ([`later_facts`] is false)
//! the items' current columns say the same thing and are read instead (`Basis::Current`:
//! covering partial indexes on open items and on the disputes in force); otherwise
//! `Basis::AsOf` reads the histories. Both read as little as they can at a million items:
//! the population's outstanding from the daily sums (`balance_days`), counts from the
//! issue-date index, the disputed side from the dispute periods' covering index (which
//! skips items closed by D through `effective_end`), one balance lookup per disputed or
//! overdue item. An item in dispute counts its part in dispute, no more than its balance:
//! today the open case's disputed amount, at a past date the sum of its dated part moves
//! (`dispute_part_moves`, one index lookup per disputed item). Native tests check both bases
//! against the domain rules item by item.
//!
//! Amounts stay in minor units per currency; `settle_domain::report_views` turns them into
//! figures with the domain's formulas.

use chrono::NaiveDate;
use settle_domain::dates::format_date;
use settle_domain::reports::Filter;
pub use settle_domain::reports::{Line, Resolved, Totals, TrendPoint};

use crate::{Db, Result, RowExt, Value};

/// Which columns say what was open at the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The items' current open amount and status: exact when nothing is dated later.
    Current,
    /// The balance moves and status periods dated up to the date.
    AsOf,
}

/// Is anything (an item issued, a balance move, a status, a move of a disputed part) dated
/// after `d`? If not, the current columns are the state at `d`.
pub fn later_facts(db: &impl Db, d: NaiveDate) -> Result<bool> {
    let d = format_date(d);
    let r = db.query(
        "SELECT EXISTS (SELECT 1 FROM balance_days WHERE on_date > ?1)
             OR EXISTS (SELECT 1 FROM item_status_periods WHERE valid_from > ?1)
             OR EXISTS (SELECT 1 FROM items WHERE issue_date > ?1)
             OR EXISTS (SELECT 1 FROM dispute_part_moves WHERE on_date > ?1)",
        &[d.into()],
    )?;
    Ok(r.single_int()? != 0)
}

/// The basis a report at `d` reads.
pub fn basis(db: &impl Db, d: NaiveDate) -> Result<Basis> {
    Ok(if later_facts(db, d)? {
        Basis::AsOf
    } else {
        Basis::Current
    })
}

/// A statement being built: its numbered parameters.
struct Sql {
    params: Vec<Value>,
}

impl Sql {
    fn new() -> Sql {
        Sql { params: Vec::new() }
    }

    /// Binds `v`; returns its placeholder.
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    /// `AND ...` clauses on the items table `i` choosing the population (entity, collector,
    /// customer); customers are looked up by subquery, so no join widens the scan.
    fn population(&mut self, f: &Filter) -> String {
        let mut w = String::new();
        if let Some(e) = &f.entity {
            w += &format!(" AND i.entity = {}", self.bind(e.as_str()));
        }
        if let Some(c) = &f.collector {
            w += &format!(
                " AND i.customer_id IN (SELECT id FROM customers WHERE collector = {})",
                self.bind(c.as_str())
            );
        }
        if let Some(c) = &f.customer_id {
            w += &format!(
                " AND i.customer_id IN (SELECT id FROM customers WHERE erp_id = {})",
                self.bind(c.as_str())
            );
        }
        w
    }

    /// `AND ...` on a status period's columns (`status_code`, `resolver_id` of `p`): the
    /// qualified items a report is about.
    fn qualified(&mut self, f: &Filter, p: &str) -> String {
        let mut w = String::new();
        if let Some(s) = &f.status {
            w += &format!(" AND {p}.status_code = {}", self.bind(s.as_str()));
        }
        if let Some(r) = f.resolver_id {
            w += &format!(" AND {p}.resolver_id = {}", self.bind(r));
        }
        w
    }
}

/// `AND p.item_id IN (…)` restricting a scan of status periods `p` to the population, or
/// nothing without population filters.
fn restrict_items(population: &str) -> String {
    if population.is_empty() {
        String::new()
    } else {
        format!(" AND p.item_id IN (SELECT i.id FROM items i WHERE 1{population})")
    }
}

fn has_population(f: &Filter) -> bool {
    f.entity.is_some() || f.collector.is_some() || f.customer_id.is_some()
}

const SIGN: &str = "CASE WHEN i.kind IN ('credit_note', 'payment_on_account') THEN -1 ELSE 1 END";
const DEBIT: &str = "i.kind IN ('invoice', 'other')";

/// The signed balance of item `i` on `day`: its moves dated up to then.
fn balance(day: &str) -> String {
    format!(
        "(SELECT sum(m.delta_minor) FROM item_balance_moves m WHERE m.item_id = i.id AND m.on_date <= {day})"
    )
}

/// The part of the item whose key is `item` in dispute on `day`: its part moves up to then,
/// `NULL` without any (`settle_domain::reports::part_at`).
fn part(item: &str, day: &str) -> String {
    format!(
        "(SELECT sum(pm.delta_minor) FROM dispute_part_moves pm WHERE pm.item_id = {item} AND pm.on_date <= {day})"
    )
}

/// What an item in dispute counts, from its signed balance `bal` and its part `part`
/// (`settle_domain::reports::disputed_part`): the balance, but no more than the part.
const HELD: &str = "CASE WHEN part IS NULL THEN bal WHEN bal < 0 THEN max(bal, -max(part, 0))
                         ELSE min(bal, max(part, 0)) END";

/// ... and whether it counts at all: something open, and a part of it in dispute.
const HOLDS: &str = "bal <> 0 AND (part IS NULL OR part > 0)";

/// "Item `i` was open on `day`" before its balance is looked at: issued, not yet closed.
fn issued_not_closed(day: &str) -> String {
    format!("i.issue_date <= {day} AND (i.closed_on IS NULL OR i.closed_on > {day})")
}

fn lines(db: &impl Db, sql: &str, params: &[Value]) -> Result<Vec<Line>> {
    db.query(sql, params)?.map(|r| {
        Ok(Line {
            section: r.text(0)?,
            key: match r.get(1) {
                Some(Value::Integer(n)) => Some(n.to_string()),
                _ => r.opt_text(1)?,
            },
            name: r.opt_text(2)?,
            currency: r.text(3)?,
            amount: r.int(4)?,
            count: r.int(5)?,
            part_amount: r.int(6)?,
            part_count: r.int(7)?,
        })
    })
}

/// Receivables of the population at `d` per currency: outstanding and open items, and, when
/// `split` is asked, overdue (debits due before `d`) and not yet due. `disputed` stays 0
/// (see [`disputed_lines`]).
///
/// Today (`Basis::Current`) reads the covering partial index on open items. At a past date
/// without population filters, the outstanding sums the daily balances (`balance_days`), the
/// count reads the issue-date index and the overdue part sums the balance of each overdue
/// candidate; with a population filter, each item issued and not yet closed then is summed.
pub fn population_totals(
    db: &impl Db,
    d: NaiveDate,
    f: &Filter,
    basis: Basis,
    split: bool,
) -> Result<Vec<Totals>> {
    let mut q = Sql::new();
    let day = q.bind(format_date(d));
    let population = q.population(f);
    let sql = match basis {
        Basis::Current => format!(
            "SELECT i.currency, sum({SIGN} * i.open_minor), count(*),
                    coalesce(sum(CASE WHEN {DEBIT} AND i.due_date < {day} THEN i.open_minor END), 0)
             FROM items i WHERE i.open_minor > 0{population} GROUP BY 1 ORDER BY 1"
        ),
        Basis::AsOf if population.is_empty() => {
            // Overdue needs the balance of each overdue candidate only.
            let overdue = if split {
                format!(
                    "SELECT i.currency, sum({}) AS total FROM items i
                     WHERE {} AND {DEBIT} AND i.due_date < {day} GROUP BY 1",
                    balance(&day),
                    issued_not_closed(&day)
                )
            } else {
                "SELECT NULL AS currency, 0 AS total WHERE 0".to_string()
            };
            format!(
                "SELECT c.currency, coalesce(b.total, 0), c.n, coalesce(o.total, 0) FROM
                   (SELECT i.currency, count(*) AS n FROM items i WHERE {} GROUP BY 1) c
                 LEFT JOIN (SELECT currency, sum(delta_minor) AS total FROM balance_days
                            WHERE on_date <= {day} GROUP BY 1) b ON b.currency = c.currency
                 LEFT JOIN ({overdue}) o ON o.currency = c.currency
                 ORDER BY 1",
                issued_not_closed(&day)
            )
        }
        Basis::AsOf => format!(
            "SELECT currency, sum(open), count(*),
                    coalesce(sum(CASE WHEN overdue THEN open END), 0)
             FROM (SELECT i.currency, {} AS open, ({DEBIT} AND i.due_date < {day}) AS overdue
                   FROM items i WHERE {}{population})
             WHERE open <> 0 GROUP BY 1 ORDER BY 1",
            balance(&day),
            issued_not_closed(&day)
        ),
    };
    db.query(&sql, &q.params)?.map(|r| {
        let (outstanding, overdue) = (r.int(1)?, r.int(3)?);
        Ok(Totals {
            currency: r.text(0)?,
            outstanding,
            open_items: r.int(2)?,
            overdue,
            current: outstanding - overdue,
            disputed: 0,
        })
    })
}

/// The items disputed at `d` (status period of kind `dispute` in force, item open), with
/// columns currency, customer_id, entity, open (signed: the part in dispute then, no more
/// than the balance), status_code, resolver_id, dispute_since.
///
/// Today the part is the open case's disputed amount (`items.disputed_minor`); an item in a
/// dispute status without an open case counts whole when it never had one, nothing when its
/// cases all ended (its part moves add up to zero), as at a past date.
fn disputed_at(q: &mut Sql, day: &str, f: &Filter, basis: Basis) -> String {
    let population = q.population(f);
    let qualified = q.qualified(f, "p");
    match basis {
        Basis::Current => format!(
            "SELECT i.currency, i.customer_id, i.entity,
                    {SIGN} * CASE WHEN i.disputed_minor > 0 THEN min(i.open_minor, i.disputed_minor)
                                  ELSE i.open_minor END AS open,
                    p.status_code, p.resolver_id, p.dispute_since
             FROM item_status_periods p JOIN items i ON i.id = p.item_id
             WHERE p.kind = 'dispute' AND p.valid_to IS NULL AND i.open_minor > 0{population}{qualified}
                   AND (i.disputed_minor > 0
                        OR NOT EXISTS (SELECT 1 FROM dispute_part_moves pm WHERE pm.item_id = i.id))"
        ),
        Basis::AsOf => format!(
            "SELECT currency, customer_id, entity, {HELD} AS open, status_code, resolver_id, dispute_since
             FROM (
               SELECT i.currency, i.customer_id, i.entity, {} AS bal, {} AS part,
                      p.status_code, p.resolver_id, p.dispute_since
               FROM item_status_periods p JOIN items i ON i.id = p.item_id
               WHERE p.kind = 'dispute' AND p.effective_end > {day} AND p.valid_from <= {day}
                     AND {}{population}{qualified}
             ) WHERE {HOLDS}",
            balance(day),
            part("i.id", day),
            issued_not_closed(day)
        ),
    }
}

/// The disputed side of the dispute report at `d`, in one statement: `disputed` per
/// currency, then `customer`, `status`, `resolver`, `entity` and `age` (whole days since the
/// dispute date) with amount and count.
pub fn disputed_lines(db: &impl Db, d: NaiveDate, f: &Filter, basis: Basis) -> Result<Vec<Line>> {
    disputed(db, d, f, basis, true)
}

/// The `disputed` lines alone (no breakdown), or with every breakdown.
fn disputed(
    db: &impl Db,
    d: NaiveDate,
    f: &Filter,
    basis: Basis,
    breakdowns: bool,
) -> Result<Vec<Line>> {
    let mut q = Sql::new();
    // Bound only where a clause reads it (every parameter must be used).
    let day = if basis == Basis::AsOf || breakdowns {
        q.bind(format_date(d))
    } else {
        String::new()
    };
    let base = disputed_at(&mut q, &day, f, basis);
    let more = if breakdowns {
        format!(
            "
         UNION ALL
         SELECT 'customer', c.erp_id, c.name, g.currency, g.amount, g.n, 0, 0
           FROM (SELECT customer_id, currency, sum(open) AS amount, count(*) AS n FROM o GROUP BY 1, 2) g
           JOIN customers c ON c.id = g.customer_id
         UNION ALL
         SELECT 'status', status_code, NULL, currency, sum(open), count(*), 0, 0
           FROM o GROUP BY status_code, currency
         UNION ALL
         SELECT 'resolver', resolver_id, NULL, currency, sum(open), count(*), 0, 0
           FROM o GROUP BY resolver_id, currency
         UNION ALL
         SELECT 'entity', entity, NULL, currency, sum(open), count(*), 0, 0
           FROM o GROUP BY entity, currency
         UNION ALL
         SELECT 'age', CAST(julianday({day}) - julianday(dispute_since) AS INTEGER), NULL, currency,
                sum(open), count(*), 0, 0
           FROM o GROUP BY 2, currency"
        )
    } else {
        String::new()
    };
    let sql = format!(
        "WITH o AS MATERIALIZED ({base})
         SELECT 'disputed', NULL, NULL, currency, sum(open), count(*), 0, 0 FROM o GROUP BY currency{more}"
    );
    lines(db, &sql, &q.params)
}

/// The dispute report's sums at `d`: `total` per currency (outstanding and open items of the
/// population; disputed amount and count as the part), then the disputed breakdowns of
/// [`disputed_lines`].
pub fn dispute_lines(db: &impl Db, d: NaiveDate, f: &Filter, basis: Basis) -> Result<Vec<Line>> {
    let totals = population_totals(db, d, f, basis, false)?;
    let disputed = disputed_lines(db, d, f, basis)?;
    Ok(merge_totals(totals, disputed))
}

/// `total` lines from the population totals, with the disputed sums as their part.
fn merge_totals(totals: Vec<Totals>, disputed: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = totals
        .into_iter()
        .map(|t| Line {
            section: "total".into(),
            key: None,
            name: None,
            currency: t.currency,
            amount: t.outstanding,
            count: t.open_items,
            part_amount: 0,
            part_count: 0,
        })
        .collect();
    for l in disputed {
        if l.section != "disputed" {
            out.push(l);
            continue;
        }
        match out
            .iter_mut()
            .find(|t| t.section == "total" && t.currency == l.currency)
        {
            Some(t) => {
                t.part_amount = l.amount;
                t.part_count = l.count;
            }
            None => out.push(Line {
                section: "total".into(),
                part_amount: l.amount,
                part_count: l.count,
                amount: 0,
                count: 0,
                ..l
            }),
        }
    }
    out
}

/// The item status report's sums at `d` over the overdue open items (debits due before `d`):
/// - `total`: overdue amount and count, qualified (carrying a status) as the part;
/// - `status`: per status at `d` (key `NULL`: no status), overdue amount and count;
/// - `collector`, `resolver`, `customer`: overdue amount and count, qualified part.
///
/// The overdue items are first summed per customer, status and resolver (index-only today),
/// then those groups per breakdown.
pub fn item_status_lines(
    db: &impl Db,
    d: NaiveDate,
    f: &Filter,
    basis: Basis,
) -> Result<Vec<Line>> {
    let mut q = Sql::new();
    let day = q.bind(format_date(d));
    let population = q.population(f);
    let overdue = match basis {
        Basis::Current => format!(
            "SELECT i.customer_id, i.currency, i.status_code, i.resolver_id, i.open_minor AS open
             FROM items i WHERE i.open_minor > 0 AND {DEBIT} AND i.due_date < {day}{population}"
        ),
        Basis::AsOf => format!(
            "SELECT * FROM (
               SELECT i.customer_id, i.currency, p.status_code, p.resolver_id, {} AS open
               FROM items i LEFT JOIN item_status_periods p ON p.item_id = i.id AND p.valid_from <= {day}
                    AND (p.valid_to IS NULL OR p.valid_to > {day})
               WHERE {DEBIT} AND i.due_date < {day} AND {}{population}
             ) WHERE open <> 0",
            balance(&day),
            issued_not_closed(&day)
        ),
    };
    let qualified = q.qualified(f, "o");
    let sql = format!(
        "WITH o AS MATERIALIZED ({overdue}),
         g AS MATERIALIZED (
           SELECT customer_id, currency, status_code, resolver_id, sum(open) AS amount, count(*) AS n,
                  (status_code IS NOT NULL{qualified}) AS q
           FROM o GROUP BY 1, 2, 3, 4),
         gc AS MATERIALIZED (
           SELECT g.*, c.erp_id, c.name, c.collector FROM g JOIN customers c ON c.id = g.customer_id)
         SELECT 'total', NULL, NULL, currency, sum(amount), sum(n),
                coalesce(sum(CASE WHEN q THEN amount END), 0), coalesce(sum(CASE WHEN q THEN n END), 0)
           FROM g GROUP BY currency
         UNION ALL
         SELECT 'status', status_code, NULL, currency, sum(amount), sum(n),
                coalesce(sum(CASE WHEN q THEN amount END), 0), coalesce(sum(CASE WHEN q THEN n END), 0)
           FROM g WHERE q OR status_code IS NULL GROUP BY status_code, currency
         UNION ALL
         SELECT 'resolver', resolver_id, NULL, currency, sum(amount), sum(n),
                coalesce(sum(CASE WHEN q THEN amount END), 0), coalesce(sum(CASE WHEN q THEN n END), 0)
           FROM g GROUP BY resolver_id, currency
         UNION ALL
         SELECT 'collector', collector, NULL, currency, sum(amount), sum(n),
                coalesce(sum(CASE WHEN q THEN amount END), 0), coalesce(sum(CASE WHEN q THEN n END), 0)
           FROM gc GROUP BY collector, currency
         UNION ALL
         SELECT 'customer', erp_id, max(name), currency, sum(amount), sum(n),
                coalesce(sum(CASE WHEN q THEN amount END), 0), coalesce(sum(CASE WHEN q THEN n END), 0)
           FROM gc GROUP BY erp_id, currency"
    );
    lines(db, &sql, &q.params)
}

/// Receivables at `d` per currency: outstanding, overdue, not yet due, and disputed (the
/// `status` and `resolver_id` filters choose which disputes).
pub fn totals(db: &impl Db, d: NaiveDate, f: &Filter, basis: Basis) -> Result<Vec<Totals>> {
    let mut totals = population_totals(db, d, f, basis, true)?;
    for l in disputed(db, d, f, basis, false)? {
        match totals.iter_mut().find(|t| t.currency == l.currency) {
            Some(t) => t.disputed = l.amount,
            None => totals.push(Totals {
                currency: l.currency,
                disputed: l.amount,
                ..Default::default()
            }),
        }
    }
    Ok(totals)
}

pub fn resolved(db: &impl Db, from: NaiveDate, to: NaiveDate, f: &Filter) -> Result<Vec<Resolved>> {
    let mut q = Sql::new();
    let from = q.bind(format_date(from));
    let to = q.bind(format_date(to));
    let population = q.population(f);
    let qualified = q.qualified(f, "p");
    // `reports::resolved_on`: the closing date when the item closed while the dispute
    // period was in force, else the period's end when the next status is not a dispute.
    // Either is the period's `effective_end`, so the index range on it finds them. A period
    // that ends the day it began (qualified and resolved, or paid, the same day) counts; one
    // overtaken by a change dated before it began (`valid_to < valid_from`) does not.
    let restrict = restrict_items(&population);
    let sql = format!(
        "SELECT status_code, resolver_id, CAST(julianday(resolved) - julianday(dispute_since) AS INTEGER), count(*)
         FROM (
           SELECT p.status_code, p.resolver_id, p.dispute_since,
                  CASE WHEN p.item_closed_on IS NOT NULL AND p.item_closed_on >= p.valid_from
                            AND (p.valid_to IS NULL OR p.item_closed_on < p.valid_to) THEN p.item_closed_on
                       WHEN p.ends_dispute AND (p.item_closed_on IS NULL OR p.item_closed_on >= p.valid_to)
                            THEN p.valid_to END AS resolved
           FROM item_status_periods p
           WHERE p.kind = 'dispute' AND p.effective_end >= {from} AND p.effective_end <= {to}
                 AND p.effective_end >= p.valid_from{restrict}{qualified}
         ) WHERE resolved >= {from} AND resolved <= {to}
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    );
    db.query(&sql, &q.params)?.map(|r| {
        Ok(Resolved {
            status: r.text(0)?,
            resolver_id: r.opt_int(1)?,
            delay_days: r.int(2)?,
            count: r.int(3)?.max(0) as u64,
        })
    })
}

/// The trend at `points` (ascending): outstanding cumulated per point from the daily balances
/// (or, with a population filter, the population's moves), disputed from the dispute periods
/// in force at each point.
pub fn trend(db: &impl Db, points: &[NaiveDate], f: &Filter) -> Result<Vec<TrendPoint>> {
    let mut out = outstanding_trend(db, points, f)?;
    let disputed = disputed_trend(db, points, f)?;
    add_disputed(&mut out, points, disputed);
    Ok(out)
}

/// [`trend`], with the disputed figures of the whole ledger (no filter) kept between calls in
/// `trend_disputed` (migration 24): a point computed once is read back until a change that
/// could move it (a balance move, a disputed part or a dispute period dated on or before it)
/// deletes it, in the change's own statement (triggers). The points it lacks are computed as
/// [`trend`] does and kept.
///
/// All of it runs in one read transaction (`BEGIN`, deferred), and what it computed is kept
/// in the same transaction: in write-ahead-log mode SQLite refuses that write (busy, at once,
/// without waiting) when another writer holds the lock or has committed since the reads
/// began, so nothing computed from an older state is ever kept. The figures are answered
/// either way. With a filter, [`trend`].
pub fn trend_kept(db: &impl Db, points: &[NaiveDate], f: &Filter) -> Result<Vec<TrendPoint>> {
    if *f != Filter::default() || points.is_empty() {
        return trend(db, points, f);
    }
    db.query("BEGIN", &[])?;
    let r = kept_trend(db, points);
    let ended = match &r {
        Ok((_, fresh)) if !fresh.is_empty() => {
            keep_trend(db, points, fresh).and_then(|()| db.query("COMMIT", &[]).map(drop))
        }
        Ok(_) => db.query("COMMIT", &[]).map(drop),
        Err(e) => Err(e.clone()),
    };
    if ended.is_err() {
        let _ = db.query("ROLLBACK", &[]);
    }
    r.map(|(out, _)| out)
}

/// Disputed figures at point `k`: (k, currency, amount, items).
type Disputed = (usize, String, i64, i64);

/// Inside [`trend_kept`]'s transaction: the trend, and the disputed figures it computed (not
/// read back), by point.
fn kept_trend(db: &impl Db, points: &[NaiveDate]) -> Result<(Vec<TrendPoint>, Vec<Disputed>)> {
    let f = Filter::default();
    let mut out = outstanding_trend(db, points, &f)?;
    let mut q = Sql::new();
    let wanted: Vec<String> = points.iter().map(|p| q.bind(format_date(*p))).collect();
    let kept = db.query(
        &format!(
            "SELECT point, currency, disputed_minor, items FROM trend_disputed WHERE point IN ({})",
            wanted.join(", ")
        ),
        &q.params,
    )?;
    let mut found = vec![false; points.len()];
    let mut disputed = Vec::new();
    for r in &kept.rows {
        let point = r.text(0)?;
        let Some(k) = points.iter().position(|p| format_date(*p) == point) else {
            continue;
        };
        found[k] = true;
        // The point's marker (no currency): computed, even when nothing was in dispute.
        if !r.text(1)?.is_empty() {
            disputed.push((k, r.text(1)?, r.int(2)?, r.int(3)?));
        }
    }
    // The points not found, by their index in `points`.
    let missing: Vec<usize> = (0..points.len()).filter(|k| !found[*k]).collect();
    let dates: Vec<NaiveDate> = missing.iter().map(|k| points[*k]).collect();
    let mut fresh = Vec::new();
    for (j, currency, amount, items) in disputed_trend(db, &dates, &f)? {
        fresh.push((missing[j], currency, amount, items));
    }
    disputed.extend(fresh.iter().cloned());
    add_disputed(&mut out, points, disputed);
    // Every point computed is kept with its marker, even when nothing was in dispute then.
    fresh.extend(missing.iter().map(|k| (*k, String::new(), 0, 0)));
    Ok((out, fresh))
}

/// Writes the disputed figures [`kept_trend`] computed (markers included), one statement.
fn keep_trend(db: &impl Db, points: &[NaiveDate], fresh: &[Disputed]) -> Result<()> {
    let mut q = Sql::new();
    let rows: Vec<String> = fresh
        .iter()
        .map(|(k, currency, amount, items)| {
            format!(
                "({}, {}, {}, {})",
                q.bind(format_date(points[*k])),
                q.bind(currency.as_str()),
                q.bind(*amount),
                q.bind(*items)
            )
        })
        .collect();
    db.query(
        &format!(
            "INSERT INTO trend_disputed (point, currency, disputed_minor, items) VALUES {}",
            rows.join(", ")
        ),
        &q.params,
    )?;
    Ok(())
}

/// The outstanding side of the trend: sums bucketed by the first point on or after their
/// date, cumulated, one line per currency and point.
fn outstanding_trend(db: &impl Db, points: &[NaiveDate], f: &Filter) -> Result<Vec<TrendPoint>> {
    let Some(last) = points.last() else {
        return Ok(Vec::new());
    };
    let mut q = Sql::new();
    let mut case = String::from("CASE");
    for (k, p) in points.iter().enumerate() {
        case += &format!(" WHEN on_date <= {} THEN {k}", q.bind(format_date(*p)));
    }
    case += " END";
    let last_p = q.bind(format_date(*last));
    let sql = if has_population(f) {
        let population = q.population(f);
        format!(
            "SELECT currency, {case} AS k, sum(delta_minor) FROM item_balance_moves
             WHERE on_date <= {last_p} AND item_id IN (SELECT i.id FROM items i WHERE 1{population})
             GROUP BY 1, 2 ORDER BY 1, 2"
        )
    } else {
        format!(
            "SELECT currency, {case} AS k, sum(delta_minor) FROM balance_days
             WHERE on_date <= {last_p} GROUP BY 1, 2 ORDER BY 1, 2"
        )
    };
    let mut out: Vec<TrendPoint> = Vec::new();
    let moved = db.query(&sql, &q.params)?;
    let mut currencies: Vec<String> = moved.map(|r| r.text(0))?;
    currencies.dedup();
    for currency in &currencies {
        let mut running = 0i64;
        for (k, p) in points.iter().enumerate() {
            for r in &moved.rows {
                if r.text(0)? == *currency && r.int(1)? == k as i64 {
                    running = running.saturating_add(r.int(2)?);
                }
            }
            out.push(TrendPoint {
                date: *p,
                currency: currency.clone(),
                outstanding: running,
                ..Default::default()
            });
        }
    }
    Ok(out)
}

/// The disputed side of the trend: per point, the dispute periods in force and the balance
/// then; (index in `points`, currency, amount, items).
fn disputed_trend(db: &impl Db, points: &[NaiveDate], f: &Filter) -> Result<Vec<Disputed>> {
    if points.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = Sql::new();
    let values: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(k, p)| format!("({k}, {})", q.bind(format_date(*p))))
        .collect();
    let population = q.population(f);
    let qualified = q.qualified(f, "p");
    let restrict = restrict_items(&population);
    // Balances from the moves alone: a point before the issue date has no move yet, and the
    // index skips items closed by then. Then the part in dispute of each, as in
    // [`disputed_at`].
    let sql = format!(
        "WITH pts(k, d) AS (VALUES {}),
         b AS MATERIALIZED (
           SELECT pts.k, pts.d, p.item_id, m.currency, sum(m.delta_minor) AS bal
           FROM pts JOIN item_status_periods p ON p.kind = 'dispute' AND p.effective_end > pts.d
                AND p.valid_from <= pts.d
           JOIN item_balance_moves m ON m.item_id = p.item_id AND m.on_date <= pts.d
           WHERE 1{restrict}{qualified}
           GROUP BY pts.k, p.item_id, m.currency),
         h AS MATERIALIZED (SELECT k, currency, bal, {} AS part FROM b WHERE bal <> 0)
         SELECT k, currency, sum({HELD}), count(*) FROM h WHERE {HOLDS} GROUP BY 1, 2",
        values.join(", "),
        part("b.item_id", "b.d")
    );
    db.query(&sql, &q.params)?
        .map(|r| Ok((r.int(0)? as usize, r.text(1)?, r.int(2)?, r.int(3)?)))
}

/// Puts the disputed figures on the trend's lines (a line of its own for a currency with
/// nothing outstanding); sorts by currency and date.
fn add_disputed(out: &mut Vec<TrendPoint>, points: &[NaiveDate], disputed: Vec<Disputed>) {
    for (k, currency, amount, items) in disputed {
        let Some(date) = points.get(k).copied() else {
            continue;
        };
        match out
            .iter_mut()
            .find(|t| t.date == date && t.currency == currency)
        {
            Some(t) => {
                t.disputed = amount;
                t.disputed_items = items;
            }
            None => out.push(TrendPoint {
                date,
                currency,
                outstanding: 0,
                disputed: amount,
                disputed_items: items,
            }),
        }
    }
    out.sort_by(|a, b| (&a.currency, a.date).cmp(&(&b.currency, b.date)));
}

/// Sales invoiced per day from after `after` up to `up_to`: (currency, date, amount) for
/// invoices and other debits of the population.
pub fn sales_by_day(
    db: &impl Db,
    after: NaiveDate,
    up_to: NaiveDate,
    f: &Filter,
) -> Result<Vec<(String, NaiveDate, i64)>> {
    let mut q = Sql::new();
    let a = q.bind(format_date(after));
    let b = q.bind(format_date(up_to));
    let population = q.population(f);
    let sql = format!(
        "SELECT i.currency, i.issue_date, sum(i.amount_minor)
         FROM items i
         WHERE i.kind IN ('invoice', 'other') AND i.issue_date > {a} AND i.issue_date <= {b}{population}
         GROUP BY 1, 2 ORDER BY 1, 2"
    );
    db.query(&sql, &q.params)?.map(|r| {
        let d = settle_domain::dates::parse_date(&r.text(1)?).map_err(crate::StoreError)?;
        Ok((r.text(0)?, d, r.int(2)?))
    })
}

/// Names for the keys of a report: resolvers by id.
pub fn resolver_names(db: &impl Db) -> Result<Vec<(i64, String)>> {
    db.query("SELECT id, name FROM resolvers ORDER BY id", &[])?
        .map(|r| Ok((r.int(0)?, r.text(1)?)))
}

/// Does an entity with this code exist?
pub fn entity_exists(db: &impl Db, code: &str) -> Result<bool> {
    Ok(!db
        .query("SELECT 1 FROM entities WHERE code = ?", &[code.into()])?
        .rows
        .is_empty())
}

/// Does a customer with this ERP id exist?
pub fn customer_exists(db: &impl Db, erp_id: &str) -> Result<bool> {
    Ok(!db
        .query("SELECT 1 FROM customers WHERE erp_id = ?", &[erp_id.into()])?
        .rows
        .is_empty())
}

/// Does a resolver with this id exist?
pub fn resolver_exists(db: &impl Db, id: i64) -> Result<bool> {
    Ok(!db
        .query("SELECT 1 FROM resolvers WHERE id = ?", &[id.into()])?
        .rows
        .is_empty())
}
