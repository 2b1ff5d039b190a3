//! Reminder scenarios, the reminder log, and the collection agenda.
//!
//! The step rules are `settle_domain::scenario`; this module loads their inputs. The agenda
//! computes every customer's next step from aggregates (the reference date per customer in
//! one grouped query over a covering index), so it never reads the items one by one.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use settle_domain::dates::{format_date, parse_date};
use settle_domain::money::{Currency, amount_string};
use settle_domain::scenario::{
    DoneStep, NextStep, Scenario, ScenarioItem, Step, StepWindow, next_step_for, step_due_on,
    step_windows, window_through,
};

use crate::history::{self, insert_item_history};
use crate::migrations::{IN_SCENARIO, TO_CHASE};
use crate::sql::{rows_per_statement, select_in};
use crate::{Db, Result, RowExt, StoreError, Value};

pub use settle_domain::config::ScenarioConfig;

fn scenario_row(r: &[Value]) -> Result<ScenarioConfig> {
    let code = r.text(0)?;
    let steps: Vec<Step> = serde_json::from_str(&r.text(2)?)
        .map_err(|e| StoreError(format!("bad steps of scenario {code}: {e}")))?;
    Ok(ScenarioConfig {
        scenario: Scenario {
            code,
            name: r.text(1)?,
            steps,
        },
        is_default: r.int(3)? != 0,
        active: r.int(4)? != 0,
    })
}

pub fn scenarios(db: &impl Db) -> Result<Vec<ScenarioConfig>> {
    let r = db.query(
        "SELECT code, name, steps, is_default, active FROM scenarios ORDER BY code",
        &[],
    )?;
    r.rows.iter().map(|r| scenario_row(r)).collect()
}

pub fn scenario(db: &impl Db, code: &str) -> Result<Option<ScenarioConfig>> {
    let r = db.query(
        "SELECT code, name, steps, is_default, active FROM scenarios WHERE code = ?",
        &[code.into()],
    )?;
    r.first().map(|r| scenario_row(r)).transpose()
}

/// Inserts or replaces a scenario; making it the default unsets the previous default.
pub fn save_scenario(db: &impl Db, s: &ScenarioConfig, now: &str) -> Result<()> {
    if s.is_default {
        db.query(
            "UPDATE scenarios SET is_default = 0 WHERE is_default = 1 AND code <> ?",
            &[s.scenario.code.as_str().into()],
        )?;
    }
    db.query(
        "INSERT INTO scenarios (code, name, steps, is_default, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, steps = excluded.steps,
             is_default = excluded.is_default, active = excluded.active, updated_at = excluded.updated_at",
        &[
            s.scenario.code.as_str().into(),
            s.scenario.name.as_str().into(),
            serde_json::to_string(&s.scenario.steps)
                .unwrap_or_default()
                .into(),
            s.is_default.into(),
            s.active.into(),
            now.into(),
        ],
    )?;
    Ok(())
}

/// Assigns a scenario to a customer (`None`: back to the default).
pub fn assign(db: &impl Db, customer_key: i64, code: Option<&str>, now: &str) -> Result<()> {
    db.query(
        "UPDATE customers SET scenario = ?, updated_at = ? WHERE id = ?",
        &[code.into(), now.into(), customer_key.into()],
    )?;
    Ok(())
}

/// The customer's scenario: its own when assigned and active, else the default.
pub fn scenario_of(db: &impl Db, customer_key: i64) -> Result<Option<Scenario>> {
    let r = db.query(
        "SELECT s.code, s.name, s.steps, s.is_default, s.active FROM scenarios s
         WHERE s.active = 1 AND (s.code = (SELECT scenario FROM customers WHERE id = ?) OR s.is_default = 1)
         ORDER BY s.is_default LIMIT 1",
        &[customer_key.into()],
    )?;
    Ok(r.first()
        .map(|r| scenario_row(r))
        .transpose()?
        .map(|s| s.scenario))
}

/// The customer's open debit items, held or not (`settle_domain::scenario::hold`: a
/// follow-up holds only the disputed part of an item disputed in part).
pub fn scenario_items(db: &impl Db, customer_key: i64) -> Result<Vec<ScenarioItem>> {
    let r = db.query(
        "SELECT id, due_date, action_id IS NOT NULL, erp_id, open_minor, disputed_minor, currency
         FROM items
         WHERE customer_id = ? AND open_minor > 0 AND kind IN ('invoice', 'other')
         ORDER BY due_date, id",
        &[customer_key.into()],
    )?;
    r.map(|r| {
        let hold = settle_domain::scenario::hold(r.int(2)? != 0, r.int(4)?, r.int(5)?);
        Ok(ScenarioItem {
            key: r.int(0)?,
            id: r.text(3)?,
            due_date: parse_date(&r.text(1)?).map_err(StoreError)?,
            held: hold.held,
            to_chase_minor: hold.to_chase_minor,
            currency: r.text(6)?,
        })
    })
}

/// [`IN_SCENARIO`] and [`TO_CHASE`] for items aliased `i`.
fn in_scenario_i() -> String {
    IN_SCENARIO.replace("items.", "i.")
}

/// The reference date of a customer's scenario (`settle_domain::scenario::reference_due`:
/// the earliest due date of its open debit items not held by an action), read with one
/// index seek instead of loading every item.
pub fn reference_due(db: &impl Db, customer_key: i64) -> Result<Option<chrono::NaiveDate>> {
    db.query(
        &format!(
            "SELECT due_date FROM items WHERE customer_id = ? AND open_minor > 0
               AND {IN_SCENARIO} AND kind IN ('invoice', 'other')
             ORDER BY due_date LIMIT 1"
        ),
        &[customer_key.into()],
    )?
    .map_first(|r| parse_date(&r.text(0)?).map_err(StoreError))
}

/// The last step done per customer, scenario and reference date, for customers `keys`.
fn done_steps_of(db: &impl Db, keys: &[Value]) -> Result<HashMap<(i64, String), Vec<DoneStep>>> {
    let mut done: HashMap<(i64, String), Vec<DoneStep>> = HashMap::new();
    if keys.is_empty() {
        return Ok(done);
    }
    let sql = format!(
        "SELECT customer_id, scenario, reference_due, max(step) FROM reminders
         WHERE customer_id IN ({}) GROUP BY customer_id, scenario, reference_due",
        crate::sql::in_list(keys.len())
    );
    for r in &db.query(&sql, keys)?.rows {
        done.entry((r.int(0)?, r.text(1)?))
            .or_default()
            .push(DoneStep {
                step: usize::try_from(r.int(3)?).map_err(|e| StoreError(e.to_string()))?,
                reference_due: parse_date(&r.text(2)?).map_err(StoreError)?,
            });
    }
    Ok(done)
}

pub fn done_steps(db: &impl Db, customer_key: i64, scenario: &str) -> Result<Vec<DoneStep>> {
    let r = db.query(
        "SELECT step, reference_due FROM reminders WHERE customer_id = ? AND scenario = ?",
        &[customer_key.into(), scenario.into()],
    )?;
    r.map(|r| {
        Ok(DoneStep {
            step: usize::try_from(r.int(0)?).map_err(|e| StoreError(e.to_string()))?,
            reference_due: parse_date(&r.text(1)?).map_err(StoreError)?,
        })
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct Reminder {
    pub id: i64,
    pub customer_id: String,
    pub scenario: String,
    pub step: i64,
    #[serde(rename = "type")]
    pub step_type: String,
    pub reference_due: String,
    pub done_on: String,
    pub item_ids: Vec<String>,
    pub comment: Option<String>,
    pub actor: String,
    pub at: String,
}

pub struct NewReminder<'a> {
    pub customer_key: i64,
    pub customer_id: &'a str,
    pub scenario: &'a str,
    pub step: usize,
    pub step_type: &'a str,
    pub reference_due: NaiveDate,
    pub done_on: NaiveDate,
    pub items: &'a [(i64, String)],
    pub comment: Option<&'a str>,
}

pub fn record_reminder(db: &impl Db, r: &NewReminder, actor: &str, now: &str) -> Result<Reminder> {
    let ids: Vec<&String> = r.items.iter().map(|i| &i.1).collect();
    let row = db.query(
        "INSERT INTO reminders (customer_id, scenario, step, type, reference_due, done_on, item_ids,
                                comment, actor, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            r.customer_key.into(),
            r.scenario.into(),
            (r.step as i64).into(),
            r.step_type.into(),
            format_date(r.reference_due).into(),
            format_date(r.done_on).into(),
            json!(ids).to_string().into(),
            r.comment.into(),
            actor.into(),
            now.into(),
        ],
    )?;
    let id = row.single_int()?;
    insert_item_history(
        db,
        &r.items
            .iter()
            .map(|(k, _)| {
                history::row(
                    *k,
                    now,
                    actor,
                    "reminder",
                    json!({"reminder_id": id, "scenario": r.scenario, "step": r.step,
                           "type": r.step_type, "done_on": format_date(r.done_on)}),
                    r.comment,
                )
            })
            .collect::<Vec<_>>(),
    )?;
    Ok(Reminder {
        id,
        customer_id: r.customer_id.to_string(),
        scenario: r.scenario.to_string(),
        step: r.step as i64,
        step_type: r.step_type.to_string(),
        reference_due: format_date(r.reference_due),
        done_on: format_date(r.done_on),
        item_ids: ids.into_iter().cloned().collect(),
        comment: r.comment.map(str::to_string),
        actor: actor.to_string(),
        at: now.to_string(),
    })
}

// ---- the agenda ----

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgendaCustomer {
    pub id: String,
    pub name: String,
    pub collector: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AmountView {
    pub currency: String,
    pub open_amount: String,
}

/// One thing to do.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaEntry {
    /// `action` or `scenario_step`.
    pub kind: &'static str,
    pub due_on: String,
    pub customer: AgendaCustomer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<NextStep>,
    pub amounts: Vec<AmountView>,
    pub item_ids: Vec<String>,
    /// When a resolver or the customer last wrote on the action, and who (`null` when
    /// nobody has, or for a scenario step).
    pub last_reply: Option<serde_json::Value>,
    #[serde(skip)]
    pub sort_minor: i64,
    #[serde(skip)]
    customer_key: i64,
    #[serde(skip)]
    action_id: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct AgendaFilter {
    pub collector: Option<String>,
    pub resolver_id: Option<i64>,
}

fn amounts(sums: &BTreeMap<String, i64>) -> Result<(Vec<AmountView>, i64)> {
    let mut out = Vec::new();
    let mut biggest = 0;
    for (c, m) in sums {
        let currency = Currency::parse(c).map_err(StoreError)?;
        out.push(AmountView {
            currency: c.clone(),
            open_amount: amount_string(*m, currency),
        });
        biggest = biggest.max(*m);
    }
    Ok((out, biggest))
}

/// One range of the `customers_by_step` index: the customers of scenario `code` whose first
/// step left is `first`, shown step `window.step` as of the agenda's date.
struct StepRange<'a> {
    scenario: &'a ScenarioConfig,
    first: usize,
    window: StepWindow,
}

impl StepRange<'_> {
    /// The range's customers due by `by`, in the agenda's order, at most `limit`:
    /// `(customer key, reference date)`.
    fn read(
        &self,
        db: &impl Db,
        f: &AgendaFilter,
        by: NaiveDate,
        limit: Option<usize>,
    ) -> Result<Vec<(i64, NaiveDate)>> {
        let through = self.window.through.min(window_through(
            &self.scenario.scenario,
            self.window.step,
            by,
        ));
        let mut sql =
            String::from("SELECT id, reference_due FROM customers WHERE step_due IS NOT NULL");
        let mut params: Vec<Value> = Vec::new();
        if let Some(c) = &f.collector {
            sql += " AND collector = ?";
            params.push(c.as_str().into());
        }
        sql += " AND step_scenario = ? AND step_first = ? AND reference_due <= ?";
        params.push(self.scenario.scenario.code.as_str().into());
        params.push((self.first as i64).into());
        params.push(format_date(through).into());
        if let Some(after) = self.window.after {
            sql += " AND reference_due > ?";
            params.push(format_date(after).into());
        }
        sql += " ORDER BY reference_due, id";
        if let Some(limit) = limit {
            sql += " LIMIT ?";
            params.push((limit as i64).into());
        }
        db.query(&sql, &params)?
            .map(|r| Ok((r.int(0)?, parse_date(&r.text(1)?).map_err(StoreError)?)))
    }
}

/// The scenario steps of the agenda's first `wanted` entries and of every entry due on the
/// same day as the last of them, with `boundary` (the date of the `wanted`-th action) moved
/// back to the date of the `wanted`-th entry of all.
///
/// A page reads index ranges, never every customer due: for each active scenario, each
/// step `k` and each first step left `f <= k`, the customers showing step `k` are one range of
/// reference dates in `customers_by_step` (`settle_domain::scenario::step_windows`), in the
/// agenda's order. The first `wanted` of each range give the boundary; then each range is
/// read up to it. The steps themselves come from the domain rule (`next_step_for`) for those
/// customers only.
fn due_steps(
    db: &impl Db,
    date: NaiveDate,
    f: &AgendaFilter,
    wanted: usize,
    mut dates: Vec<NaiveDate>,
    boundary: &mut NaiveDate,
) -> Result<Vec<(i64, NextStep)>> {
    let all = scenarios(db)?;
    let ranges: Vec<StepRange> = all
        .iter()
        .filter(|s| s.active)
        .flat_map(|s| {
            step_windows(&s.scenario, date)
                .into_iter()
                .flat_map(move |window| {
                    (0..=window.step).map(move |first| StepRange {
                        scenario: s,
                        first,
                        window,
                    })
                })
        })
        .collect();
    // The boundary: the `wanted`-th date among the actions' and the ranges' first entries.
    for range in &ranges {
        let first = range.read(db, f, *boundary, Some(wanted))?;
        let step = range.window.step;
        dates.extend(
            first
                .iter()
                .map(|(_, r)| step_due_on(&range.scenario.scenario, step, *r)),
        );
    }
    dates.sort();
    if let Some(d) = dates.get(wanted - 1) {
        *boundary = (*boundary).min(*d);
    }
    // Every customer due by the boundary, and the step the domain rule shows it.
    let mut found: Vec<(i64, NaiveDate, &ScenarioConfig)> = Vec::new();
    for range in &ranges {
        for (key, reference) in range.read(db, f, *boundary, None)? {
            found.push((key, reference, range.scenario));
        }
    }
    let keys: Vec<Value> = found.iter().map(|(k, _, _)| Value::from(*k)).collect();
    let mut done = HashMap::new();
    for chunk in keys.chunks(rows_per_statement(1)) {
        done.extend(done_steps_of(db, chunk)?);
    }
    let mut due = Vec::new();
    for (key, reference, s) in found {
        let history = done
            .get(&(key, s.scenario.code.clone()))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if let Some(next) = next_step_for(&s.scenario, reference, history, date)
            && next.due_on <= *boundary
        {
            due.push((key, next));
        }
    }
    Ok(due)
}

/// Everything due on or before `date`: live actions and scenario steps, by due date then
/// the largest amount first; `offset`/`limit` page it. Returns the page and the total.
///
/// Read by index, whatever the ledger's size: the total counts live actions due (index on
/// `actions.due_date`) and adds the customers due per date (`agenda_step_counts`, kept by
/// triggers, see migrations 14 and 15). A page needs only the entries due on or before its
/// last entry's date `B`: the actions due by `B`, and the customers whose step is, read as
/// ranges of `customers_by_step` in the agenda's order ([`due_steps`]). Amounts, which
/// order entries of the same day, are summed for those entries only.
pub fn agenda(
    db: &impl Db,
    date: NaiveDate,
    f: &AgendaFilter,
    offset: usize,
    limit: usize,
) -> Result<(Vec<AgendaEntry>, usize)> {
    let date_s = format_date(date);
    let wanted = offset + limit;
    let collector: Value = f.collector.as_deref().into();
    let action_filter =
        "a.state = 'live' AND a.due_date <= ?1 AND (?2 IS NULL OR a.resolver_id = ?2)
         AND (?3 IS NULL OR a.customer_id IN (SELECT id FROM customers WHERE collector = ?3))";
    let action_params = [
        Value::from(date_s.as_str()),
        f.resolver_id.into(),
        collector.clone(),
    ];
    let mut total = db
        .query(
            &format!("SELECT count(*) FROM actions a WHERE {action_filter}"),
            &action_params,
        )?
        .single_int()? as usize;
    // The date of the `wanted`-th action: no later action can be on the page.
    let mut boundary: NaiveDate = match wanted {
        0 => date,
        _ => db
            .query(
                &format!(
                    "SELECT a.due_date FROM actions a WHERE {action_filter}
                     ORDER BY a.due_date LIMIT 1 OFFSET ?4"
                ),
                &[
                    action_params[0].clone(),
                    action_params[1].clone(),
                    action_params[2].clone(),
                    ((wanted - 1) as i64).into(),
                ],
            )?
            .map_first(|r| parse_date(&r.text(0)?).map_err(StoreError))?
            .unwrap_or(date),
    };
    // Scenario steps (they have no resolver: a resolver filter shows actions only).
    let mut due: Vec<(i64, NextStep)> = Vec::new();
    if f.resolver_id.is_none() {
        total += db
            .query(
                "SELECT coalesce(sum(customers), 0) FROM agenda_step_counts
                 WHERE step_due <= ?1 AND (?2 IS NULL OR collector = ?2)",
                &[date_s.as_str().into(), collector.clone()],
            )?
            .single_int()? as usize;
        if wanted > 0 {
            // The dates of the first `wanted` actions, to find the page's last date.
            let action_dates: Vec<NaiveDate> = db
                .query(
                    &format!(
                        "SELECT a.due_date FROM actions a WHERE {action_filter} AND a.due_date <= ?4
                         ORDER BY a.due_date LIMIT ?5"
                    ),
                    &[
                        action_params[0].clone(),
                        action_params[1].clone(),
                        action_params[2].clone(),
                        format_date(boundary).into(),
                        (wanted as i64).into(),
                    ],
                )?
                .map(|r| parse_date(&r.text(0)?).map_err(StoreError))?;
            due = due_steps(db, date, f, wanted, action_dates, &mut boundary)?;
        }
    }

    // Live actions due by the boundary, with their open amounts and customers: found by the
    // due-date index (`IN`), not by scanning every action in id order for the grouping.
    let mut entries = Vec::new();
    let r = db.query(
        &format!(
            "SELECT a.id, a.customer_id, a.due_date, a.type, a.name, a.resolver_id, rs.name,
                    i.currency, sum(i.open_minor), a.last_reply_at, a.last_reply_by, a.model,
                    c.erp_id, c.name, c.collector
             FROM actions a JOIN customers c ON c.id = a.customer_id
             LEFT JOIN resolvers rs ON rs.id = a.resolver_id
             LEFT JOIN items i ON i.action_id = a.id AND i.open_minor > 0
             WHERE a.id IN (SELECT a.id FROM actions a WHERE {action_filter} AND a.due_date <= ?4)
             GROUP BY a.id, i.currency ORDER BY a.id"
        ),
        &[
            action_params[0].clone(),
            action_params[1].clone(),
            action_params[2].clone(),
            format_date(boundary).into(),
        ],
    )?;
    let mut by_action: BTreeMap<i64, (Vec<Value>, BTreeMap<String, i64>)> = BTreeMap::new();
    for row in &r.rows {
        let e = by_action
            .entry(row.int(0)?)
            .or_insert_with(|| (row.clone(), BTreeMap::new()));
        if let Some(c) = row.opt_text(7)? {
            *e.1.entry(c).or_default() += row.int(8)?;
        }
    }
    for (id, (row, sums)) in by_action {
        let (amounts, biggest) = amounts(&sums)?;
        let resolver = match row.opt_int(5)? {
            Some(rid) => Some(json!({"id": rid, "name": row.text(6)?})),
            None => None,
        };
        entries.push(AgendaEntry {
            kind: "action",
            due_on: row.text(2)?,
            customer: AgendaCustomer {
                id: row.text(12)?,
                name: row.text(13)?,
                collector: row.opt_text(14)?,
            },
            action: Some(json!({
                "id": id, "type": row.text(3)?, "name": row.text(4)?,
                "model": row.opt_text(11)?, "resolver": resolver,
            })),
            last_reply: match row.opt_text(9)? {
                Some(at) => Some(json!({"at": at, "by": row.text(10)?})),
                None => None,
            },
            step: None,
            amounts,
            item_ids: Vec::new(),
            sort_minor: biggest,
            customer_key: row.int(1)?,
            action_id: Some(id),
        });
    }

    // The steps' amounts: their customers' items in the scenario due by each cut-off.
    let mut sums: HashMap<i64, BTreeMap<String, i64>> = HashMap::new();
    for chunk in due.chunks(rows_per_statement(2) / 2) {
        let values = vec!["(?, ?)"; chunk.len()].join(", ");
        let params: Vec<Value> = chunk
            .iter()
            .flat_map(|(k, n)| [Value::from(*k), format_date(n.cutoff).into()])
            .collect();
        let r = db.query(
            &format!(
                "WITH cut(customer_id, cutoff) AS (VALUES {values})
                 SELECT i.customer_id, i.currency, sum({to_chase}) FROM cut
                 JOIN items i ON i.customer_id = cut.customer_id AND i.due_date <= cut.cutoff
                 WHERE i.open_minor > 0 AND {in_scenario} AND i.kind IN ('invoice', 'other')
                 GROUP BY i.customer_id, i.currency",
                to_chase = TO_CHASE.replace("items.", "i."),
                in_scenario = in_scenario_i(),
            ),
            &params,
        )?;
        for row in &r.rows {
            sums.entry(row.int(0)?)
                .or_default()
                .insert(row.text(1)?, row.int(2)?);
        }
    }
    // Who the steps' customers are (read for the steps kept only).
    let keys: Vec<Value> = due.iter().map(|(k, _)| Value::from(*k)).collect();
    let mut who: HashMap<i64, AgendaCustomer> = HashMap::new();
    for r in select_in(
        db,
        "SELECT id, erp_id, name, collector FROM customers WHERE id",
        &keys,
    )? {
        who.insert(
            r.int(0)?,
            AgendaCustomer {
                id: r.text(1)?,
                name: r.text(2)?,
                collector: r.opt_text(3)?,
            },
        );
    }
    for (key, next) in due {
        let (amounts, biggest) = amounts(sums.get(&key).unwrap_or(&BTreeMap::new()))?;
        let customer = who
            .remove(&key)
            .ok_or_else(|| StoreError(format!("customer {key} vanished")))?;
        entries.push(AgendaEntry {
            kind: "scenario_step",
            due_on: format_date(next.due_on),
            customer,
            action: None,
            step: Some(next),
            amounts,
            item_ids: Vec::new(),
            last_reply: None,
            sort_minor: biggest,
            customer_key: key,
            action_id: None,
        });
    }

    entries.sort_by(|a, b| {
        a.due_on
            .cmp(&b.due_on)
            .then(b.sort_minor.cmp(&a.sort_minor))
            .then(a.customer.id.cmp(&b.customer.id))
            .then(a.action_id.cmp(&b.action_id))
    });
    let mut page: Vec<AgendaEntry> = entries.into_iter().skip(offset).take(limit).collect();
    // The items of the page's entries only: one query for the actions, one for the steps.
    let action_ids: Vec<Value> = page
        .iter()
        .filter_map(|e| e.action_id)
        .map(Value::from)
        .collect();
    let mut by_action: HashMap<i64, Vec<String>> = HashMap::new();
    if !action_ids.is_empty() {
        let r = db.query(
            &format!(
                "SELECT action_id, erp_id FROM items WHERE open_minor > 0 AND action_id IN ({})
                 ORDER BY due_date, id",
                vec!["?"; action_ids.len()].join(", ")
            ),
            &action_ids,
        )?;
        for row in &r.rows {
            by_action.entry(row.int(0)?).or_default().push(row.text(1)?);
        }
    }
    let cuts: Vec<Value> = page
        .iter()
        .filter_map(|e| e.step.as_ref().map(|s| (e.customer_key, s.cutoff)))
        .flat_map(|(k, c)| [Value::from(k), format_date(c).into()])
        .collect();
    let mut by_customer: HashMap<i64, Vec<String>> = HashMap::new();
    if !cuts.is_empty() {
        let r = db.query(
            &format!(
                "WITH cut(customer_id, cutoff) AS (VALUES {})
                 SELECT i.customer_id, i.erp_id FROM cut
                 JOIN items i ON i.customer_id = cut.customer_id AND i.due_date <= cut.cutoff
                 WHERE i.open_minor > 0 AND {} AND i.kind IN ('invoice', 'other')
                 ORDER BY i.customer_id, i.due_date, i.id",
                vec!["(?, ?)"; cuts.len() / 2].join(", "),
                in_scenario_i()
            ),
            &cuts,
        )?;
        for row in &r.rows {
            by_customer
                .entry(row.int(0)?)
                .or_default()
                .push(row.text(1)?);
        }
    }
    for e in &mut page {
        e.item_ids = match e.action_id {
            Some(id) => by_action.remove(&id).unwrap_or_default(),
            None => by_customer.remove(&e.customer_key).unwrap_or_default(),
        };
    }
    Ok((page, total))
}
