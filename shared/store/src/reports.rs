//! Report queries: sums over the items open at a date, in SQL, one statement per call.
//!
//! Every query starts from the same set, [`open_at`]: the items open at the date with their
//! signed open amount and the status period in force (the as-of rules of
//! `settle_domain::reports`, in SQL). When nothing is dated after the report's date
//! ([`later_facts`] is false), the items' current columns say the same thing and the set is
//! read from them (`Basis::Current`, the partial index on open items); otherwise the open
//! amount sums the balance moves dated up to then (`Basis::AsOf`). A native test checks both
//! against the domain functions.
//!
//! Amounts stay in minor units per currency; the component turns them into figures with the
//! domain's formulas.

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

/// Is anything (an item issued, a balance move, a status) dated after `d`? If not, the
/// current columns are the state at `d`.
pub fn later_facts(db: &impl Db, d: NaiveDate) -> Result<bool> {
    let d = format_date(d);
    let r = db.query(
        "SELECT EXISTS (SELECT 1 FROM item_balance_moves WHERE on_date > ?1)
             OR EXISTS (SELECT 1 FROM item_status_periods WHERE valid_from > ?1)
             OR EXISTS (SELECT 1 FROM items WHERE issue_date > ?1)",
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

/// A statement being built: text and its numbered parameters.
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

    /// `AND ...` clauses choosing the population (entity, collector, customer); `i` is the
    /// items table, `c` the customers table.
    fn population(&mut self, f: &Filter) -> String {
        let mut w = String::new();
        if let Some(e) = &f.entity {
            w += &format!(" AND i.entity = {}", self.bind(e.as_str()));
        }
        if let Some(c) = &f.collector {
            w += &format!(" AND c.collector = {}", self.bind(c.as_str()));
        }
        if let Some(c) = &f.customer_id {
            w += &format!(" AND c.erp_id = {}", self.bind(c.as_str()));
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

const SIGN: &str = "CASE WHEN i.kind IN ('credit_note', 'payment_on_account') THEN -1 ELSE 1 END";

/// The items open at `d` (bound as `day`): columns id, currency, customer (ERP id),
/// customer_name, collector, entity, kind, due_date, open (signed), status_code, skind,
/// resolver_id, dispute_since.
fn open_at(q: &mut Sql, day: &str, f: &Filter, basis: Basis) -> String {
    let population = q.population(f);
    match basis {
        Basis::Current => format!(
            "SELECT i.id, i.currency, c.erp_id AS customer, c.name AS customer_name, c.collector,
                    i.entity, i.kind, i.due_date, {SIGN} * i.open_minor AS open,
                    p.status_code, p.kind AS skind, p.resolver_id, p.dispute_since
             FROM items i JOIN customers c ON c.id = i.customer_id
             LEFT JOIN item_status_periods p ON p.item_id = i.id AND p.valid_to IS NULL
             WHERE i.open_minor > 0{population}"
        ),
        Basis::AsOf => format!(
            "SELECT * FROM (
               SELECT i.id, i.currency, c.erp_id AS customer, c.name AS customer_name, c.collector,
                      i.entity, i.kind, i.due_date,
                      (SELECT sum(m.delta_minor) FROM item_balance_moves m
                       WHERE m.item_id = i.id AND m.on_date <= {day}) AS open,
                      p.status_code, p.kind AS skind, p.resolver_id, p.dispute_since
               FROM items i JOIN customers c ON c.id = i.customer_id
               LEFT JOIN item_status_periods p ON p.item_id = i.id AND p.valid_from <= {day}
                    AND (p.valid_to IS NULL OR p.valid_to > {day})
               WHERE i.issue_date <= {day} AND (i.closed_on IS NULL OR i.closed_on > {day}){population}
             ) WHERE open <> 0"
        ),
    }
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

/// The dispute report's sums at `d`, in one statement over the open items:
/// - `total`: outstanding and open items (amount, count), disputed (part);
/// - `customer`, `status`, `resolver`, `entity`: disputed amount and count per key;
/// - `age`: disputed amount and count per whole days since the dispute date (key).
pub fn dispute_lines(db: &impl Db, d: NaiveDate, f: &Filter, basis: Basis) -> Result<Vec<Line>> {
    let mut q = Sql::new();
    let day = q.bind(format_date(d));
    let base = open_at(&mut q, &day, f, basis);
    let qualified = q.qualified(f, "b");
    let sql = format!(
        "WITH b AS MATERIALIZED ({base}),
         o AS MATERIALIZED (SELECT b.*, (b.skind IS 'dispute'{qualified}) AS disputed FROM b)
         SELECT 'total', NULL, NULL, currency, sum(open), count(*),
                coalesce(sum(CASE WHEN disputed THEN open END), 0), sum(disputed)
           FROM o GROUP BY currency
         UNION ALL
         SELECT 'customer', customer, max(customer_name), currency, sum(open), count(*), 0, 0
           FROM o WHERE disputed GROUP BY customer, currency
         UNION ALL
         SELECT 'status', status_code, NULL, currency, sum(open), count(*), 0, 0
           FROM o WHERE disputed GROUP BY status_code, currency
         UNION ALL
         SELECT 'resolver', resolver_id, NULL, currency, sum(open), count(*), 0, 0
           FROM o WHERE disputed GROUP BY resolver_id, currency
         UNION ALL
         SELECT 'entity', entity, NULL, currency, sum(open), count(*), 0, 0
           FROM o WHERE disputed GROUP BY entity, currency
         UNION ALL
         SELECT 'age', CAST(julianday({day}) - julianday(dispute_since) AS INTEGER), NULL, currency,
                sum(open), count(*), 0, 0
           FROM o WHERE disputed GROUP BY 2, currency"
    );
    lines(db, &sql, &q.params)
}

/// The item status report's sums at `d` over the overdue open items (debits due before `d`):
/// - `total`: overdue amount and count, qualified (carrying a status) as the part;
/// - `status`: per status at `d` (key `NULL`: no status), overdue amount and count;
/// - `collector`, `resolver`, `customer`: overdue amount and count, qualified part.
pub fn item_status_lines(
    db: &impl Db,
    d: NaiveDate,
    f: &Filter,
    basis: Basis,
) -> Result<Vec<Line>> {
    let mut q = Sql::new();
    let day = q.bind(format_date(d));
    let base = open_at(&mut q, &day, f, basis);
    let qualified = q.qualified(f, "b");
    let sql = format!(
        "WITH b AS MATERIALIZED ({base}),
         o AS MATERIALIZED (
           SELECT b.*, (b.status_code IS NOT NULL{qualified}) AS q FROM b
           WHERE b.kind IN ('invoice', 'other') AND b.due_date < {day})
         SELECT 'total', NULL, NULL, currency, sum(open), count(*),
                coalesce(sum(CASE WHEN q THEN open END), 0), sum(q)
           FROM o GROUP BY currency
         UNION ALL
         SELECT 'status', status_code, NULL, currency, sum(open), count(*),
                coalesce(sum(CASE WHEN q THEN open END), 0), sum(q)
           FROM o WHERE q OR status_code IS NULL GROUP BY status_code, currency
         UNION ALL
         SELECT 'collector', collector, NULL, currency, sum(open), count(*),
                coalesce(sum(CASE WHEN q THEN open END), 0), sum(q)
           FROM o GROUP BY collector, currency
         UNION ALL
         SELECT 'resolver', resolver_id, NULL, currency, sum(open), count(*),
                coalesce(sum(CASE WHEN q THEN open END), 0), sum(q)
           FROM o GROUP BY resolver_id, currency
         UNION ALL
         SELECT 'customer', customer, max(customer_name), currency, sum(open), count(*),
                coalesce(sum(CASE WHEN q THEN open END), 0), sum(q)
           FROM o GROUP BY customer, currency"
    );
    lines(db, &sql, &q.params)
}

pub fn totals(db: &impl Db, d: NaiveDate, f: &Filter, basis: Basis) -> Result<Vec<Totals>> {
    let mut q = Sql::new();
    let day = q.bind(format_date(d));
    let base = open_at(&mut q, &day, f, basis);
    let qualified = q.qualified(f, "b");
    let sql = format!(
        "SELECT currency, sum(open),
                coalesce(sum(CASE WHEN kind IN ('invoice', 'other') AND due_date < {day} THEN open END), 0),
                coalesce(sum(CASE WHEN NOT (kind IN ('invoice', 'other') AND due_date < {day}) THEN open END), 0),
                coalesce(sum(CASE WHEN skind IS 'dispute'{qualified} THEN open END), 0),
                count(*)
         FROM ({base}) b GROUP BY currency ORDER BY currency"
    );
    db.query(&sql, &q.params)?.map(|r| {
        Ok(Totals {
            currency: r.text(0)?,
            outstanding: r.int(1)?,
            overdue: r.int(2)?,
            current: r.int(3)?,
            disputed: r.int(4)?,
            open_items: r.int(5)?,
        })
    })
}

pub fn resolved(db: &impl Db, from: NaiveDate, to: NaiveDate, f: &Filter) -> Result<Vec<Resolved>> {
    let mut q = Sql::new();
    let from = q.bind(format_date(from));
    let to = q.bind(format_date(to));
    let population = q.population(f);
    let qualified = q.qualified(f, "p");
    // `reports::resolved_on`: the closing date when the item closed while the dispute
    // period was in force, else the period's end when the next status is not a dispute.
    let sql = format!(
        "SELECT status_code, resolver_id, CAST(julianday(resolved) - julianday(dispute_since) AS INTEGER), count(*)
         FROM (
           SELECT p.status_code, p.resolver_id, p.dispute_since,
                  CASE WHEN i.closed_on IS NOT NULL AND i.closed_on >= p.valid_from
                            AND (p.valid_to IS NULL OR i.closed_on < p.valid_to) THEN i.closed_on
                       WHEN p.ends_dispute AND (i.closed_on IS NULL OR i.closed_on >= p.valid_to)
                            THEN p.valid_to END AS resolved
           FROM item_status_periods p JOIN items i ON i.id = p.item_id
           JOIN customers c ON c.id = i.customer_id
           WHERE p.kind = 'dispute' AND (p.valid_to IS NULL OR p.valid_to > p.valid_from)
                 AND p.valid_from <= {to}{population}{qualified}
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

/// The trend at `points` (ascending): outstanding from one pass over the balance moves
/// (cumulated per point), disputed from the dispute periods in force at each point.
pub fn trend(db: &impl Db, points: &[NaiveDate], f: &Filter) -> Result<Vec<TrendPoint>> {
    let Some(last) = points.last() else {
        return Ok(Vec::new());
    };
    // Outstanding: moves bucketed by the first point on or after their date.
    let mut q = Sql::new();
    let mut case = String::from("CASE");
    for (k, p) in points.iter().enumerate() {
        case += &format!(" WHEN m.on_date <= {} THEN {k}", q.bind(format_date(*p)));
    }
    case += " END";
    let last_p = q.bind(format_date(*last));
    let population = q.population(f);
    let restrict = if population.is_empty() {
        String::new()
    } else {
        format!(
            " AND m.item_id IN (SELECT i.id FROM items i JOIN customers c ON c.id = i.customer_id WHERE 1{population})"
        )
    };
    let sql = format!(
        "SELECT m.currency, {case} AS k, sum(m.delta_minor) FROM item_balance_moves m
         WHERE m.on_date <= {last_p}{restrict} GROUP BY 1, 2 ORDER BY 1, 2"
    );
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
    // Disputed: per point, the dispute periods in force and the balance then.
    let mut q = Sql::new();
    let values: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(k, p)| format!("({k}, {})", q.bind(format_date(*p))))
        .collect();
    let population = q.population(f);
    let qualified = q.qualified(f, "p");
    let sql = format!(
        "WITH pts(k, d) AS (VALUES {})
         SELECT k, currency, sum(open), count(*) FROM (
           SELECT pts.k, i.currency,
                  (SELECT sum(m.delta_minor) FROM item_balance_moves m
                   WHERE m.item_id = i.id AND m.on_date <= pts.d) AS open
           FROM pts JOIN item_status_periods p ON p.kind = 'dispute' AND p.valid_from <= pts.d
                AND (p.valid_to IS NULL OR p.valid_to > pts.d)
           JOIN items i ON i.id = p.item_id AND i.issue_date <= pts.d
                AND (i.closed_on IS NULL OR i.closed_on > pts.d)
           JOIN customers c ON c.id = i.customer_id
           WHERE 1{population}{qualified}
         ) WHERE open <> 0 GROUP BY 1, 2",
        values.join(", ")
    );
    for r in &db.query(&sql, &q.params)?.rows {
        let (k, currency) = (r.int(0)? as usize, r.text(1)?);
        let date = points.get(k).copied().unwrap_or(*last);
        match out
            .iter_mut()
            .find(|t| t.date == date && t.currency == currency)
        {
            Some(t) => {
                t.disputed = r.int(2)?;
                t.disputed_items = r.int(3)?;
            }
            None => out.push(TrendPoint {
                date,
                currency,
                outstanding: 0,
                disputed: r.int(2)?,
                disputed_items: r.int(3)?,
            }),
        }
    }
    out.sort_by(|a, b| (&a.currency, a.date).cmp(&(&b.currency, b.date)));
    Ok(out)
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
         FROM items i JOIN customers c ON c.id = i.customer_id
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
