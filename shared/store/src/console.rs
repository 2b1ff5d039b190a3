//! What the console reads that no API does: the customers list (outstanding, overdue and
//! disputed per customer and currency, the next live action, searchable, sortable, paged)
//! and the agenda's "Replies and comments" tab (what resolvers and customers wrote since a
//! user last looked). One statement per call.

use chrono::NaiveDate;
use serde::Serialize;
use settle_domain::dates::format_date;
use settle_domain::money::{Currency, amount_string};

use crate::{Db, Result, RowExt, StoreError, Value};

/// How the customers list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    Id,
    Outstanding,
    Overdue,
    Disputed,
    /// The next live action's date, soonest first (customers without one last).
    Next,
}

impl Sort {
    pub const NAMES: &'static [&'static str] =
        &["name", "id", "outstanding", "overdue", "disputed", "next"];

    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "name" => Sort::Name,
            "id" => Sort::Id,
            "outstanding" => Sort::Outstanding,
            "overdue" => Sort::Overdue,
            "disputed" => Sort::Disputed,
            "next" => Sort::Next,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        Sort::NAMES[self as usize]
    }

    /// The ORDER BY of the list (a fixed string per variant: nothing from the request).
    fn order_by(self, descending: bool) -> String {
        let dir = if descending { "DESC" } else { "ASC" };
        match self {
            Sort::Name => format!("c.name {dir}, c.erp_id, currency"),
            Sort::Id => format!("c.erp_id {dir}, currency"),
            Sort::Outstanding => format!("outstanding {dir}, c.erp_id, currency"),
            Sort::Overdue => format!("overdue {dir}, c.erp_id, currency"),
            Sort::Disputed => format!("disputed {dir}, c.erp_id, currency"),
            Sort::Next => format!("next_action IS NULL, next_action {dir}, c.erp_id, currency"),
        }
    }
}

/// The list's query.
#[derive(Debug, Clone)]
pub struct CustomerQuery {
    /// Part of the name or of the ERP id, any case.
    pub search: Option<String>,
    pub collector: Option<String>,
    pub sort: Sort,
    pub descending: bool,
    pub offset: usize,
    pub limit: usize,
    pub today: NaiveDate,
}

/// One customer in one currency (a customer with items in two currencies has two lines;
/// currencies are never added up). A customer without open items has one line, without
/// currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerLine {
    pub id: String,
    pub name: String,
    pub collector: Option<String>,
    pub currency: Option<String>,
    pub outstanding: String,
    pub overdue: String,
    pub disputed: String,
    pub open_items: i64,
    /// The soonest live action's date.
    pub next_action: Option<String>,
}

/// The search and collector filters on customers `c` (parameters 1 and 2).
const WHERE: &str = "(?1 IS NULL OR c.name LIKE ?1 ESCAPE '\\' OR c.erp_id LIKE ?1 ESCAPE '\\')
       AND (?2 IS NULL OR c.collector = ?2)";

/// `%text%` for LIKE, with `%`, `_` and `\` taken literally.
fn like(search: &Option<String>) -> Value {
    search
        .as_deref()
        .map(|s| {
            let escaped = s
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        })
        .into()
}

/// The sums of one customer line (outstanding, overdue, disputed, open items, next action)
/// over the customers of `from` (an SQL source aliased `c`) that pass `filter`.
fn line_sums(from: &str, filter: &str) -> String {
    format!(
        "SELECT c.erp_id, c.name, c.collector, i.currency AS currency,
                coalesce(sum(CASE WHEN i.kind IN ('credit_note', 'payment_on_account')
                                  THEN -i.open_minor ELSE i.open_minor END), 0) AS outstanding,
                coalesce(sum(CASE WHEN i.due_date < ?3 AND i.kind IN ('invoice', 'other')
                                  THEN i.open_minor ELSE 0 END), 0) AS overdue,
                coalesce(sum(CASE WHEN s.kind <> 'dispute' OR s.kind IS NULL THEN 0
                                  WHEN i.kind IN ('credit_note', 'payment_on_account')
                                  THEN -i.open_minor
                                  WHEN i.disputed_minor > 0 THEN i.disputed_minor
                                  ELSE i.open_minor END), 0)
                    AS disputed,
                count(i.id),
                (SELECT min(a.due_date) FROM actions a
                  WHERE a.customer_id = c.id AND a.state = 'live') AS next_action
         FROM {from}
         LEFT JOIN items i ON i.customer_id = c.id AND i.open_minor > 0
         LEFT JOIN statuses s ON s.code = i.status_code
         WHERE {filter}
         GROUP BY c.id, i.currency"
    )
}

/// A page of the customers list.
///
/// By name or id, a page is `limit` customers (each with its line per currency), read from
/// the customers' indexes before their open items are summed: the page costs the same on
/// 200,000 customers as on 20. By an amount or the next action, every customer is summed
/// before the order is known, and `offset`/`limit` count lines.
pub fn customers(db: &impl Db, q: &CustomerQuery) -> Result<Vec<CustomerLine>> {
    let dir = if q.descending { "DESC" } else { "ASC" };
    let by_key = match q.sort {
        Sort::Name => Some(format!("c.name {dir}, c.erp_id {dir}")),
        Sort::Id => Some(format!("c.erp_id {dir}")),
        _ => None,
    };
    let sql = match by_key {
        Some(order) => format!(
            "{} ORDER BY {order}, currency",
            line_sums(
                &format!(
                    "(SELECT c.id, c.erp_id, c.name, c.collector FROM customers c WHERE {WHERE}
                  ORDER BY {order} LIMIT ?4 OFFSET ?5) c"
                ),
                "1"
            )
        ),
        None => format!(
            "{} ORDER BY {} LIMIT ?4 OFFSET ?5",
            line_sums("customers c", WHERE),
            q.sort.order_by(q.descending)
        ),
    };
    let r = db.query(
        &sql,
        &[
            like(&q.search),
            q.collector.as_deref().into(),
            format_date(q.today).into(),
            (q.limit as i64).into(),
            (q.offset as i64).into(),
        ],
    )?;
    r.rows
        .iter()
        .map(|row| {
            let currency = row.opt_text(3)?;
            let amount = |i: usize| -> Result<String> {
                let minor = row.int(i)?;
                Ok(match &currency {
                    Some(c) => amount_string(minor, Currency::parse(c).map_err(StoreError)?),
                    None => "0".into(),
                })
            };
            Ok(CustomerLine {
                id: row.text(0)?,
                name: row.text(1)?,
                collector: row.opt_text(2)?,
                outstanding: amount(4)?,
                overdue: amount(5)?,
                disputed: amount(6)?,
                open_items: row.int(7)?,
                next_action: row.opt_text(8)?,
                currency,
            })
        })
        .collect()
}

/// How many entries [`customers`] pages over for this search: customers when sorted by name
/// or id (from the customers alone), lines otherwise.
pub fn customer_line_count(db: &impl Db, q: &CustomerQuery) -> Result<i64> {
    let params = [like(&q.search), q.collector.as_deref().into()];
    match q.sort {
        Sort::Name | Sort::Id => db
            .query(
                &format!("SELECT count(*) FROM customers c WHERE {WHERE}"),
                &params,
            )?
            .single_int(),
        _ => db
            .query(
                &format!(
                    "SELECT count(*) FROM (SELECT 1 FROM customers c
                     LEFT JOIN items i ON i.customer_id = c.id AND i.open_minor > 0
                     WHERE {WHERE} GROUP BY c.id, i.currency)"
                ),
                &params,
            )?
            .single_int(),
    }
}

/// Something a resolver or a customer wrote, as the replies tab lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyLine {
    pub at: String,
    /// `resolver:<id>` or `customer:<id>`.
    pub actor: String,
    /// The resolver's name, or the customer's.
    pub by: String,
    pub event: String,
    pub comment: String,
    pub customer_id: String,
    pub customer_name: String,
    /// The items it was said on, by number.
    pub item_numbers: Vec<String>,
    /// Written after the user last looked.
    pub new: bool,
}

/// The latest replies from resolvers and customers (written at most `days` days before
/// `now`), newest first, `limit` at most; `seen` marks those written after it as new.
/// `collector` keeps that collector's customers.
pub fn replies(
    db: &impl Db,
    since: &str,
    seen: Option<&str>,
    collector: Option<&str>,
    limit: usize,
) -> Result<Vec<ReplyLine>> {
    let r = db.query(
        "SELECT h.at, h.actor, h.event, h.comment, c.erp_id, c.name,
                group_concat(i.number, char(31)),
                CASE WHEN substr(h.actor, 1, 9) = 'resolver:'
                     THEN (SELECT name FROM resolvers WHERE id = CAST(substr(h.actor, 10) AS INTEGER))
                     ELSE c.name END
         FROM item_history h
         JOIN items i ON i.id = h.item_id
         JOIN customers c ON c.id = i.customer_id
         WHERE substr(h.actor, 1, 9) IN ('resolver:', 'customer:') AND h.at > ?1
           AND h.comment IS NOT NULL AND h.comment <> ''
           AND (?2 IS NULL OR c.collector = ?2)
         GROUP BY h.at, h.actor, h.event, h.comment, c.id
         ORDER BY h.at DESC, max(h.id) DESC
         LIMIT ?3",
        &[since.into(), collector.into(), (limit as i64).into()],
    )?;
    r.rows
        .iter()
        .map(|row| {
            let at = row.text(0)?;
            Ok(ReplyLine {
                new: seen.is_none_or(|s| at.as_str() > s),
                actor: row.text(1)?,
                event: row.text(2)?,
                comment: row.text(3)?,
                customer_id: row.text(4)?,
                customer_name: row.text(5)?,
                item_numbers: row.text(6)?.split('\u{1f}').map(str::to_string).collect(),
                by: row.opt_text(7)?.unwrap_or_default(),
                at,
            })
        })
        .collect()
}

/// When the user last opened the replies tab.
pub fn replies_seen_at(db: &impl Db, user_id: i64) -> Result<Option<String>> {
    db.query(
        "SELECT replies_seen_at FROM users WHERE id = ?",
        &[user_id.into()],
    )?
    .map_first(|r| r.opt_text(0))
    .map(Option::flatten)
}

/// Remembers that the user has seen the replies up to `at`.
pub fn mark_replies_seen(db: &impl Db, user_id: i64, at: &str) -> Result<()> {
    db.query(
        "UPDATE users SET replies_seen_at = ?1 WHERE id = ?2",
        &[at.into(), user_id.into()],
    )?;
    Ok(())
}

/// How many replies arrived after `seen` (the tab's badge).
pub fn new_reply_count(db: &impl Db, seen: &str, collector: Option<&str>) -> Result<i64> {
    db.query(
        "SELECT count(DISTINCT h.at || h.actor || h.event)
         FROM item_history h
         JOIN items i ON i.id = h.item_id
         JOIN customers c ON c.id = i.customer_id
         WHERE substr(h.actor, 1, 9) IN ('resolver:', 'customer:') AND h.at > ?1
           AND h.comment IS NOT NULL AND h.comment <> ''
           AND (?2 IS NULL OR c.collector = ?2)",
        &[seen.into(), collector.into()],
    )?
    .single_int()
}

/// One event of a customer's history: the same event on several items at once is one
/// entry listing them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryLine {
    pub at: String,
    pub actor: String,
    pub event: String,
    pub comment: Option<String>,
    pub item_numbers: Vec<String>,
}

/// The latest `limit` events on a customer's items, newest first. Read from the history's
/// customer index, and only from the `limit` latest moments (each event has at least one,
/// so the latest `limit` events are among them), however long the customer's history is.
pub fn customer_history(db: &impl Db, customer_key: i64, limit: usize) -> Result<Vec<HistoryLine>> {
    let r = db.query(
        "SELECT h.at, h.actor, h.event, h.comment, group_concat(i.number, char(31))
         FROM item_history h JOIN items i ON i.id = h.item_id
         WHERE h.customer_id = ?1
           AND h.at >= coalesce((SELECT min(at) FROM (SELECT DISTINCT at FROM item_history
                                 WHERE customer_id = ?1 ORDER BY at DESC LIMIT ?2)), '')
         GROUP BY h.at, h.actor, h.event, h.comment
         ORDER BY h.at DESC, max(h.id) DESC
         LIMIT ?2",
        &[customer_key.into(), (limit as i64).into()],
    )?;
    r.rows
        .iter()
        .map(|row| {
            Ok(HistoryLine {
                at: row.text(0)?,
                actor: row.text(1)?,
                event: row.text(2)?,
                comment: row.opt_text(3)?,
                item_numbers: row.text(4)?.split('\u{1f}').map(str::to_string).collect(),
            })
        })
        .collect()
}

/// One customer's totals per currency (outstanding, overdue, disputed, open items), the
/// same sums as the list's lines, for the statement's header.
pub fn customer_totals(
    db: &impl Db,
    customer_key: i64,
    today: NaiveDate,
) -> Result<Vec<CustomerLine>> {
    let r = db.query(
        "SELECT c.erp_id, c.name, c.collector, i.currency,
                sum(CASE WHEN i.kind IN ('credit_note', 'payment_on_account')
                         THEN -i.open_minor ELSE i.open_minor END),
                sum(CASE WHEN i.due_date < ?2 AND i.kind IN ('invoice', 'other')
                         THEN i.open_minor ELSE 0 END),
                sum(CASE WHEN s.kind <> 'dispute' OR s.kind IS NULL THEN 0
                         WHEN i.kind IN ('credit_note', 'payment_on_account')
                         THEN -i.open_minor
                         WHEN i.disputed_minor > 0 THEN i.disputed_minor
                         ELSE i.open_minor END),
                count(*)
         FROM items i JOIN customers c ON c.id = i.customer_id
         LEFT JOIN statuses s ON s.code = i.status_code
         WHERE i.customer_id = ?1 AND i.open_minor > 0
         GROUP BY i.currency ORDER BY i.currency",
        &[customer_key.into(), format_date(today).into()],
    )?;
    r.rows
        .iter()
        .map(|row| {
            let c = row.text(3)?;
            let currency = Currency::parse(&c).map_err(StoreError)?;
            Ok(CustomerLine {
                id: row.text(0)?,
                name: row.text(1)?,
                collector: row.opt_text(2)?,
                outstanding: amount_string(row.int(4)?, currency),
                overdue: amount_string(row.int(5)?, currency),
                disputed: amount_string(row.int(6)?, currency),
                open_items: row.int(7)?,
                next_action: None,
                currency: Some(c),
            })
        })
        .collect()
}

// ---- the agenda's late disputes and broken promises ----

/// Who the agenda's late disputes and broken promises are for.
#[derive(Debug, Clone, Default)]
pub struct LateFilter {
    pub collector: Option<String>,
    pub resolver_id: Option<i64>,
}

/// An open dispute case past its deadline, as the agenda's *Late disputes* tab lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LateCase {
    pub id: i64,
    pub customer_id: String,
    pub customer_name: String,
    pub item_id: String,
    pub item_number: String,
    /// The dispute status (its code; the page shows its label).
    pub reason: String,
    pub resolver: Option<String>,
    pub deadline: String,
    pub disputed_amount: String,
    pub currency: String,
    pub escalated_on: Option<String>,
}

/// The condition and parameters of the late cases of `today` for `f` (cases `d`,
/// customers `c`): open cases whose deadline is before today, read from the open cases'
/// deadline index.
fn late_where(today: &str, f: &LateFilter) -> (String, Vec<Value>) {
    let mut sql = "d.state = 'open' AND d.deadline < ?".to_string();
    let mut params: Vec<Value> = vec![today.into()];
    if let Some(c) = &f.collector {
        sql.push_str(" AND c.collector = ?");
        params.push(c.as_str().into());
    }
    if let Some(r) = f.resolver_id {
        sql.push_str(" AND d.resolver_id = ?");
        params.push(r.into());
    }
    (sql, params)
}

/// A page of the late cases, the most overdue first.
pub fn late_cases(
    db: &impl Db,
    today: &str,
    f: &LateFilter,
    offset: usize,
    limit: usize,
) -> Result<Vec<LateCase>> {
    let (filter, mut params) = late_where(today, f);
    params.extend([(limit as i64).into(), (offset as i64).into()]);
    let r = db.query(
        &format!(
            "SELECT d.id, c.erp_id, c.name, i.erp_id, i.number, d.reason, r.name, d.deadline,
                    d.disputed_minor, d.currency, d.escalated_on
             FROM disputes d JOIN customers c ON c.id = d.customer_id
             JOIN items i ON i.id = d.item_id
             LEFT JOIN resolvers r ON r.id = d.resolver_id
             WHERE {filter} ORDER BY d.deadline, d.id LIMIT ? OFFSET ?"
        ),
        &params,
    )?;
    r.map(|row| {
        let currency = Currency::parse(&row.text(9)?).map_err(StoreError)?;
        Ok(LateCase {
            id: row.int(0)?,
            customer_id: row.text(1)?,
            customer_name: row.text(2)?,
            item_id: row.text(3)?,
            item_number: row.text(4)?,
            reason: row.text(5)?,
            resolver: row.opt_text(6)?,
            deadline: row.text(7)?,
            disputed_amount: amount_string(row.int(8)?, currency),
            currency: currency.code().to_string(),
            escalated_on: row.opt_text(10)?,
        })
    })
}

/// How many cases are late (the tab's count).
pub fn late_count(db: &impl Db, today: &str, f: &LateFilter) -> Result<i64> {
    let (filter, params) = late_where(today, f);
    db.query(
        &format!(
            "SELECT count(*) FROM disputes d JOIN customers c ON c.id = d.customer_id
             WHERE {filter}"
        ),
        &params,
    )?
    .single_int()
}

/// A promise to pay that was broken (its date passed with items unpaid), as the agenda's
/// *Broken promises* tab lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BrokenPromise {
    pub action_id: i64,
    pub customer_id: String,
    pub customer_name: String,
    pub name: String,
    /// The date promised.
    pub promised_on: String,
    /// When it was found broken.
    pub broken_on: String,
    pub items: i64,
}

/// The promises found broken on or after `since`, the latest first.
pub fn broken_promises(
    db: &impl Db,
    since: &str,
    collector: Option<&str>,
    limit: usize,
) -> Result<Vec<BrokenPromise>> {
    let mut params: Vec<Value> = vec![since.into()];
    let by_collector = match collector {
        Some(c) => {
            params.push(c.into());
            " AND c.collector = ?"
        }
        None => "",
    };
    params.push((limit as i64).into());
    let r = db.query(
        &format!(
            "SELECT a.id, c.erp_id, c.name, a.name, a.due_date, a.done_on,
                    (SELECT count(*) FROM action_items ai WHERE ai.action_id = a.id)
             FROM actions a JOIN customers c ON c.id = a.customer_id
             WHERE a.promise_outcome = 'broken' AND a.done_on >= ?{by_collector}
             ORDER BY a.done_on DESC, a.id DESC LIMIT ?"
        ),
        &params,
    )?;
    r.map(|row| {
        Ok(BrokenPromise {
            action_id: row.int(0)?,
            customer_id: row.text(1)?,
            customer_name: row.text(2)?,
            name: row.text(3)?,
            promised_on: row.text(4)?,
            broken_on: row.text(5)?,
            items: row.int(6)?,
        })
    })
}
