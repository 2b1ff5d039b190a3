//! Dispute cases: what every door's change does to them, and the writes of their own.
//!
//! - A status change opens, updates, reopens or resolves the cases of its items
//!   ([`on_status_change`], called by `status_change::apply`).
//! - Terminating a dispute follow-up resolves the cases of the items it resolves
//!   ([`on_terminated`]).
//! - ERP payments settle the disputed part (first only when the ERP says the payment is for
//!   it), ERP credit notes that apply to an invoice credit it; a case whose disputed amount
//!   reaches zero resolves by itself and its item becomes *Dispute resolved*, back in the
//!   scenario ([`on_payments`], [`on_credit_notes`], [`on_open_amounts`]).
//! - `POST /api/v1/disputes/{id}/write-off` closes a remainder under the entity's tolerance
//!   ([`write_off`]); tolerances are edited with [`put_tolerance`] / [`delete_tolerance`].
//! - `POST /api/v1/disputes/{id}/reopen` (and the console's button) reopens a case resolved
//!   within 30 days, through the status change ([`reopen`]).
//! - `POST /api/v1/disputes/escalate` tells each overdue case's escalation contact, once
//!   ([`escalate`]).
//!
//! The rules are `settle_domain::disputes`; this module loads, asks them, and writes.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use settle_domain::dates::format_date;
use settle_domain::disputes::{self as rules, Amounts, CaseStep, Resolution, Tolerance, case_step};
use settle_domain::input::Object;
use settle_domain::money::{Currency, amount_string};
use settle_domain::status_change::{Plan, StatusChangeIn};
use settle_domain::validation::Invalid;
use settle_store::Db;
use settle_store::disputes::{self as store, CaseRow, CaseUpdate, CaseView, HistoryRow, NewCase};
use settle_store::status_change::Targets;

use crate::webhooks::{self, Before, Emitted, StatusChanged};
use crate::{Done, Refusal, Who};

fn update_of(
    c: &CaseRow,
    amounts: Amounts,
    resolved: Option<(String, &'static str)>,
) -> CaseUpdate {
    CaseUpdate {
        id: c.id,
        amounts,
        reason: c.reason.clone(),
        resolver_id: c.resolver_id,
        deadline: c.deadline.clone(),
        resolved,
    }
}

/// The cases of a status change's items, after `settle_store::status_change::apply` wrote
/// the items: a dispute status opens a case over the disputed amount (the whole open amount
/// unless `amounts` says less), updates the open one (reason, resolver, amount), or reopens
/// one resolved within 30 days; any other status resolves the open case (`requalified`).
pub fn on_status_change(
    db: &impl Db,
    input: &StatusChangeIn,
    plan: &Plan,
    targets: &Targets,
    status_change_id: i64,
    routing_rule_id: Option<i64>,
    who: &Who,
) -> Result<(), Refusal> {
    let items: Vec<_> = targets.items.iter().flatten().collect();
    let keys: Vec<i64> = items.iter().map(|i| i.key).collect();
    let rows = store::latest_cases(db, &keys)?;
    let dispute = plan.kind == settle_domain::catalog::StatusKind::Dispute;
    let on = format_date(plan.status_date);
    // The reason's target resolution time: a case is due that many days after it opened.
    let target_days = targets.status.as_ref().and_then(|s| s.status.target_days);
    let due = |opened: chrono::NaiveDate| {
        settle_domain::catalog::deadline(opened, target_days).map(format_date)
    };
    let mut new = Vec::new();
    let mut updates = Vec::new();
    let mut history = Vec::new();
    let mut errors = Invalid::default();
    for (n, item) in targets.items.iter().enumerate() {
        let Some(item) = item else { continue };
        let amount = plan.disputed_of(n, item.state.open_minor);
        let given = input.amounts.iter().any(|(k, _)| *k == item.state.id);
        let latest = match rows.get(&item.key) {
            Some(c) => Some(c.latest()?),
            None => None,
        };
        let step = case_step(
            dispute,
            latest.as_ref(),
            amount,
            given,
            item.state.open_minor,
            plan.status_date,
        );
        let step = match step {
            Ok(s) => s,
            Err(r) => {
                let c = Currency::parse(&item.state.currency).map_err(settle_store::StoreError)?;
                errors.push(
                    format!("/amounts/{}", item.state.id),
                    Some("amounts"),
                    r.message(c),
                );
                continue;
            }
        };
        let resolver = input.resolver_id;
        let comment = input.comment.clone();
        match step {
            CaseStep::None => {}
            CaseStep::Open { amounts } => new.push((
                NewCase {
                    item_key: item.key,
                    customer_key: item.customer_key,
                    currency: item.state.currency.clone(),
                    reason: input.status.clone(),
                    resolver_id: resolver.or(item.resolver_id),
                    status_change_id: Some(status_change_id),
                    amounts,
                    opened_on: on.clone(),
                    deadline: due(plan.status_date),
                    routing_rule_id,
                },
                comment,
            )),
            CaseStep::Update { id, before, after } | CaseStep::Reopen { id, before, after } => {
                let reopened = latest.as_ref().is_some_and(|l| !l.open);
                let prior = latest.as_ref().map(|l| (l.reason.clone(), l.resolver_id));
                let (old_reason, old_resolver) = prior.unwrap_or_default();
                let new_resolver = resolver.or(old_resolver);
                // The same dispute qualified again (same reason, resolver and amount):
                // nothing of the case changes, so nothing is written.
                if !reopened
                    && after == before
                    && old_reason == input.status
                    && new_resolver == old_resolver
                {
                    continue;
                }
                let row = rows.get(&item.key);
                // Reopened: due from today; another reason: due from the opening by the new
                // reason's target; otherwise the deadline stands.
                let deadline = if reopened {
                    due(plan.status_date)
                } else if old_reason != input.status {
                    row.and_then(|r| r.opened_on.parse().ok()).and_then(due)
                } else {
                    row.and_then(|r| r.deadline.clone())
                };
                updates.push(CaseUpdate {
                    id,
                    amounts: after,
                    reason: input.status.clone(),
                    resolver_id: resolver.or(old_resolver),
                    deadline,
                    resolved: None,
                });
                history.push(HistoryRow {
                    dispute_id: id,
                    event: if reopened { "reopened" } else { "updated" },
                    on: on.clone(),
                    amount_minor: (after.disputed != before.disputed)
                        .then_some(after.disputed - before.disputed),
                    before: Some(before),
                    after,
                    details: json!({
                        "status_change_id": status_change_id,
                        "reason": {"from": old_reason, "to": input.status},
                        "resolver_id": {"from": old_resolver, "to": resolver.or(old_resolver)},
                    }),
                    comment,
                });
            }
            CaseStep::Resolve { id, how } => {
                let Some(c) = rows.get(&item.key) else {
                    continue;
                };
                updates.push(update_of(c, c.amounts, Some((on.clone(), how.as_str()))));
                history.push(HistoryRow::unchanged(
                    id,
                    "resolved",
                    &on,
                    c.amounts,
                    json!({"resolution": how.as_str(), "status": input.status,
                           "status_change_id": status_change_id}),
                    comment,
                ));
            }
        }
    }
    errors.into_result()?;
    let opened: Vec<NewCase> = new.iter().map(|(c, _)| c.clone()).collect();
    let ids = store::insert_cases(db, &opened, &who.at)?;
    for ((c, comment), id) in new.into_iter().zip(ids) {
        history.push(HistoryRow {
            dispute_id: id,
            event: "opened",
            on: c.opened_on.clone(),
            amount_minor: Some(c.amounts.original),
            before: None,
            after: c.amounts,
            details: json!({"status_change_id": status_change_id, "reason": c.reason}),
            comment,
        });
    }
    store::update_cases(db, &updates, &who.at)?;
    store::insert_history(db, &history, &who.actor, &who.at)?;
    Ok(())
}

/// Resolves the open cases of the items a terminated dispute follow-up resolved.
pub fn on_terminated(
    db: &impl Db,
    item_ids: &[String],
    date: &str,
    comment: Option<&str>,
    who: &Who,
) -> Result<(), Refusal> {
    if item_ids.is_empty() {
        return Ok(());
    }
    let cases = store::open_cases_of(db, item_ids)?;
    let updates: Vec<CaseUpdate> = cases
        .iter()
        .map(|c| update_of(c, c.amounts, Some((date.to_string(), "terminated"))))
        .collect();
    let history: Vec<HistoryRow> = cases
        .iter()
        .map(|c| {
            HistoryRow::unchanged(
                c.id,
                "resolved",
                date,
                c.amounts,
                json!({"resolution": "terminated"}),
                comment.map(str::to_string),
            )
        })
        .collect();
    store::update_cases(db, &updates, &who.at)?;
    store::insert_history(db, &history, &who.actor, &who.at)?;
    Ok(())
}

/// A settlement of one case (a payment, a credit note, the open amount lowered by the
/// ERP), in the order they were applied.
#[derive(Debug, Clone)]
pub struct Settlement {
    pub item_key: i64,
    pub event: &'static str,
    pub how: Resolution,
    /// Applies the settlement to the case's amounts.
    pub apply: SettlementKind,
    pub date: String,
    pub details: Value,
}

#[derive(Debug, Clone, Copy)]
pub enum SettlementKind {
    Payment {
        amount: i64,
        open_before: i64,
        for_disputed: bool,
    },
    Credit {
        amount: i64,
    },
}

/// Applies settlements to the open cases of their items: amounts and history written; a
/// case left with nothing disputed resolves, and its item (when still open) becomes the
/// resolved status and leaves its follow-up, back in the scenario. Subscribers hear
/// `dispute.resolved` with the settlement as reason.
pub fn settle(
    db: &impl Db,
    settlements: &[Settlement],
    who: &Who,
    emitted: &mut Emitted,
) -> Result<(), Refusal> {
    if settlements.is_empty() {
        return Ok(());
    }
    let keys: Vec<i64> = settlements.iter().map(|s| s.item_key).collect();
    let mut cases = store::open_cases(db, &keys)?;
    if cases.is_empty() {
        return Ok(());
    }
    let mut history = Vec::new();
    let mut resolved: BTreeMap<i64, (String, Resolution)> = BTreeMap::new();
    let mut touched: BTreeMap<i64, ()> = BTreeMap::new();
    for s in settlements {
        let Some(c) = cases.get_mut(&s.item_key) else {
            continue;
        };
        if resolved.contains_key(&c.item_key) {
            continue;
        }
        let before = c.amounts;
        let after = match s.apply {
            SettlementKind::Payment {
                amount,
                open_before,
                for_disputed,
            } => before.payment(amount, open_before, for_disputed),
            SettlementKind::Credit { amount } => before.credit(amount),
        };
        if after == before {
            continue;
        }
        c.amounts = after;
        touched.insert(c.item_key, ());
        history.push(HistoryRow {
            dispute_id: c.id,
            event: s.event,
            on: s.date.clone(),
            amount_minor: Some(before.disputed - after.disputed),
            before: Some(before),
            after,
            details: s.details.clone(),
            comment: None,
        });
        if let Some(how) = rules::settled(&after, s.how) {
            let on = rules::resolution_date(&s.date, &c.opened_on).to_string();
            history.push(HistoryRow::unchanged(
                c.id,
                "resolved",
                &on,
                after,
                json!({"resolution": how.as_str()}),
                None,
            ));
            resolved.insert(c.item_key, (on, how));
        }
    }
    let updates: Vec<CaseUpdate> = touched
        .keys()
        .filter_map(|k| cases.get(k))
        .map(|c| {
            update_of(
                c,
                c.amounts,
                resolved
                    .get(&c.item_key)
                    .map(|(d, h)| (d.clone(), h.as_str())),
            )
        })
        .collect();
    store::update_cases(db, &updates, &who.at)?;
    store::insert_history(db, &history, &who.actor, &who.at)?;
    let mut by_how: BTreeMap<(String, &'static str), Vec<i64>> = BTreeMap::new();
    for (k, (date, how)) in &resolved {
        by_how
            .entry((date.clone(), how.as_str()))
            .or_default()
            .push(*k);
    }
    for ((date, how), keys) in by_how {
        resolve_items(db, &keys, &date, how, None, who, emitted)?;
    }
    Ok(())
}

/// Items whose case resolved while they are still open: the resolved status (with the
/// resolution delay recorded), out of their follow-up and back in the scenario, and
/// `dispute.resolved` for subscribers.
fn resolve_items(
    db: &impl Db,
    keys: &[i64],
    date: &str,
    how: &'static str,
    comment: Option<&str>,
    who: &Who,
    emitted: &mut Emitted,
) -> Result<(), Refusal> {
    let status = settle_store::config::resolved_status(db)?;
    let before = settle_store::actions::resolve_items(
        db,
        keys,
        date,
        how,
        status.as_deref(),
        comment,
        &who.actor,
        &who.at,
    )?;
    if let Some(status) = status.as_deref()
        && !before.is_empty()
    {
        let before: Vec<Before> = before
            .into_iter()
            .map(|p| Before {
                id: p.id,
                status_code: p.status_code,
                resolver_id: p.resolver_id,
                disputed_minor: None,
            })
            .collect();
        webhooks::status_changed(
            db,
            &StatusChanged {
                before: &before,
                status,
                comment,
                status_change_id: None,
                status_date: Some(date),
                reason: Some(how),
            },
            who,
            emitted,
        )?;
    }
    Ok(())
}

/// Writes off the remainder of an open case under its entity's tolerance
/// (`{"comment"?}`): the case resolves `written_off`, its item becomes the resolved status.
pub fn write_off(
    db: &impl Db,
    id: i64,
    body: &Map<String, Value>,
    who: &Who,
) -> Result<Done<CaseView>, Refusal> {
    let mut errors = Invalid::default();
    let mut o = Object::new(body, "", &mut errors);
    let comment = o.opt_multiline("comment", settle_domain::status_change::MAX_COMMENT);
    let finding = settle_domain::root_causes::read_finding(&mut o);
    o.finish(&[]);
    errors.into_result()?;
    db.transaction(|db| {
        let case = store::case(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no dispute {id}")))?;
        if case.state != "open" {
            return Err(Refusal::conflict_about(
                "dispute-resolved",
                format!("dispute {id} is already resolved"),
            ));
        }
        let currency = Currency::parse(case.amounts.currency).map_err(settle_store::StoreError)?;
        let tolerance = store::tolerance(db, &case.entity, currency)?.ok_or_else(|| {
            Refusal::conflict_about(
                "no-write-off-tolerance",
                format!(
                    "no write-off tolerance is set for {} {currency}: an administrator sets one at /api/v1/admin/write-off-tolerances/{}/{currency}",
                    case.entity, case.entity
                ),
            )
        })?;
        tolerance
            .allows(&case.raw)
            .map_err(|e| Refusal::conflict_about("above-write-off-tolerance", e))?;
        apply_finding(db, &case, &finding, None, who)?;
        let after = case.raw.write_off();
        let today = format_date(who.today);
        store::update_cases(
            db,
            &[CaseUpdate {
                id,
                amounts: after,
                reason: case.reason.clone(),
                resolver_id: case.resolver_id,
                deadline: case.deadline.clone(),
                resolved: Some((today.clone(), "written_off")),
            }],
            &who.at,
        )?;
        store::insert_history(
            db,
            &[HistoryRow {
                dispute_id: id,
                event: "written_off",
                on: today.clone(),
                amount_minor: Some(case.raw.disputed),
                before: Some(case.raw),
                after,
                details: json!({"resolution": "written_off",
                                "tolerance": {"amount": tolerance.amount(), "percent": tolerance.percent.to_string()}}),
                comment: comment.clone(),
            }],
            &who.actor,
            &who.at,
        )?;
        let mut emitted = Emitted::default();
        resolve_items(
            db,
            &[case.item_key],
            &today,
            "written_off",
            comment.as_deref(),
            who,
            &mut emitted,
        )?;
        let view = store::case(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no dispute {id}")))?;
        Ok(Done {
            value: view,
            after: emitted.after(),
        })
    })
}

/// Reopens a resolved case by hand (`{"comment"}`, required): the collector's one click when
/// the customer disputes again within [`rules::REOPEN_DAYS`] of the resolution
/// ([`rules::may_reopen`]). It is the status change a new dispute would be, dated today: the
/// item back to the case's reason and resolver, out of the scenario with the reason's
/// suggested action when it has one, so the case reopens through the one status change rule
/// and its history gains `reopened` with the comment. Answers the case as it is now and the
/// action the item went into.
pub fn reopen(
    db: &impl Db,
    id: i64,
    body: &Map<String, Value>,
    who: &Who,
) -> Result<Done<Reopened>, Refusal> {
    let mut errors = Invalid::default();
    let mut o = Object::new(body, "", &mut errors);
    let comment = o.multiline("comment", settle_domain::status_change::MAX_COMMENT);
    o.finish(&[]);
    errors.into_result()?;
    let comment = comment.unwrap_or_default();
    db.transaction(|db| {
        let case =
            store::case(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no dispute {id}")))?;
        let latest = store::latest_cases(db, &[case.item_key])?;
        let item = settle_store::actions::load_items(db, std::slice::from_ref(&case.item_id))?
            .into_iter()
            .flatten()
            .next();
        let resolved_on = case
            .resolved_on
            .as_deref()
            .and_then(|d| d.parse::<chrono::NaiveDate>().ok());
        rules::may_reopen(
            case.state == "open",
            latest.get(&case.item_key).is_some_and(|l| l.id == case.id),
            resolved_on,
            item.as_ref().is_some_and(|i| i.state.open),
            who.today,
        )
        .map_err(|r| {
            let message = match r {
                rules::ReopenRefusal::Open => format!("dispute {id} is open"),
                rules::ReopenRefusal::NotLatest => {
                    format!("item {} has a newer dispute than {id}", case.item_id)
                }
                rules::ReopenRefusal::TooOld => format!(
                    "dispute {id} was resolved more than {} days ago: dispute the item again to open a new case",
                    rules::REOPEN_DAYS
                ),
                rules::ReopenRefusal::ItemClosed => {
                    format!("item {} is closed: nothing is left to dispute", case.item_id)
                }
            };
            Refusal::conflict_about(r.code(), message)
        })?;
        let status = settle_store::config::status_to_apply(db, &case.reason)?
            .filter(|s| s.status.active)
            .ok_or_else(|| {
            Refusal::conflict_about(
                "reason-inactive",
                format!(
                    "the dispute's reason {} is no longer an active status: dispute the item again with another",
                    case.reason
                ),
            )
        })?;
        let mut input = json!({
            "item_ids": [case.item_id],
            "status": case.reason,
            "comment": comment,
        });
        if let Some(r) = case.resolver_id {
            input["resolver_id"] = json!(r);
        }
        if status.action_model.is_some() {
            input["next_action"] = json!("suggested");
        }
        let input = settle_domain::status_change::parse_status_change(input.to_string().as_bytes())?;
        let changed = crate::status_change::apply(
            db,
            &crate::status_change::ChangeStatus {
                input: &input,
                customer_id: Some(&case.customer_id),
            },
            who,
        )?;
        let view =
            store::case(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no dispute {id}")))?;
        Ok(Done {
            value: Reopened {
                case: view,
                status_change_id: changed.applied.status_change_id,
                action_id: changed.applied.action_id,
            },
            after: changed.after,
        })
    })
}

/// A case reopened by hand.
#[derive(Debug, Clone)]
pub struct Reopened {
    pub case: CaseView,
    pub status_change_id: i64,
    /// The follow-up action the item went into (the reason's suggested one), if any.
    pub action_id: Option<i64>,
}

/// Sets the write-off tolerance of an entity and currency (`{"amount", "percent"}`),
/// audited.
pub fn put_tolerance(
    db: &impl Db,
    entity: &str,
    currency: &str,
    body: &[u8],
    who: &Who,
) -> Result<Done<Tolerance>, Refusal> {
    let t = rules::parse_tolerance(entity, currency, body)?;
    db.transaction(|db| {
        let before = store::tolerance(db, &t.entity, t.currency)?;
        store::put_tolerance(db, &t, &who.actor, &who.at)?;
        settle_store::config::record(
            db,
            &who.actor,
            &who.at,
            "write_off_tolerance",
            &format!("{}/{}", t.entity, t.currency),
            before.map(|b| tolerance_json(&b)),
            Some(tolerance_json(&t)),
        )?;
        Ok(Done::just(t.clone()))
    })
}

/// Removes a tolerance (write-offs in that entity and currency are refused again), audited.
pub fn delete_tolerance(
    db: &impl Db,
    entity: &str,
    currency: &str,
    who: &Who,
) -> Result<Done<()>, Refusal> {
    let c = Currency::parse(currency)
        .map_err(|e| Refusal::NotFound(format!("no tolerance for {entity}/{currency}: {e}")))?;
    db.transaction(|db| {
        let before = store::tolerance(db, entity, c)?
            .ok_or_else(|| Refusal::NotFound(format!("no tolerance for {entity} {c}")))?;
        store::delete_tolerance(db, entity, c)?;
        settle_store::config::record(
            db,
            &who.actor,
            &who.at,
            "write_off_tolerance",
            &format!("{entity}/{c}"),
            Some(tolerance_json(&before)),
            None,
        )?;
        Ok(Done::just(()))
    })
}

pub fn tolerance_json(t: &Tolerance) -> Value {
    json!({"entity": t.entity, "currency": t.currency.code(),
           "amount": amount_string(t.amount_minor, t.currency), "percent": t.percent.to_string()})
}

/// Applied ERP payments settle the open cases of their items.
pub fn on_payments(
    db: &impl Db,
    payments: &[settle_store::ledger::AppliedPayment],
    who: &Who,
    emitted: &mut Emitted,
) -> Result<(), Refusal> {
    let settlements: Vec<Settlement> = payments
        .iter()
        .map(|p| Settlement {
            item_key: p.item_key,
            event: "paid",
            how: Resolution::Paid,
            apply: SettlementKind::Payment {
                amount: p.amount_minor,
                open_before: p.open_before,
                for_disputed: p.for_disputed,
            },
            date: p.paid_on.clone(),
            details: json!({"payment_id": p.erp_id, "for": if p.for_disputed { "disputed" } else { "undisputed" }}),
        })
        .collect();
    settle(db, &settlements, who, emitted)
}

/// After an item batch: credit notes that apply to an invoice credit its open case (each
/// credit note once; an unknown invoice or another currency is refused, and the batch with
/// it), and open amounts the ERP lowered below a case's disputed amount settle it down to
/// what is open (`paid`; `item_closed` when nothing is).
pub fn on_items_synced(
    db: &impl Db,
    batch: &settle_domain::erp::ItemBatch,
    who: &Who,
    emitted: &mut Emitted,
) -> Result<(), Refusal> {
    let today = format_date(who.today);
    let pairs: Vec<(String, String)> = batch
        .items
        .iter()
        .filter_map(|i| i.applies_to.clone().map(|a| (i.erp_id.clone(), a)))
        .collect();
    let mut settlements = Vec::new();
    let mut credits = Vec::new();
    if !pairs.is_empty() {
        let targets = store::credit_targets(db, &pairs)?;
        let mut errors = Invalid::default();
        for (t, (_, invoice)) in targets.iter().zip(&pairs) {
            let credit = batch.items.iter().find(|i| i.erp_id == t.credit_id);
            let at = credit.map(|i| i.at.clone()).unwrap_or_default();
            // A credit note credits the case on its issue date (never later than today), the
            // date it lowers the customer's outstanding.
            let on = credit
                .map(|i| format_date(i.issue_date.min(who.today)))
                .unwrap_or_else(|| today.clone());
            let field = settle_store::ledger::field_pointer(&at, "applies_to");
            match &t.invoice {
                None => errors.push(
                    field,
                    Some("applies_to"),
                    format!(
                        "credit note {:?} applies to {invoice:?}, which is not an item",
                        t.credit_id
                    ),
                ),
                Some((_, currency)) if *currency != t.currency => errors.push(
                    field,
                    Some("applies_to"),
                    format!(
                        "credit note {:?} is in {}, invoice {invoice:?} in {currency}",
                        t.credit_id, t.currency
                    ),
                ),
                Some((key, _)) if !t.applied => {
                    credits.push((t.credit_key, *key, t.amount_minor));
                    settlements.push(Settlement {
                        item_key: *key,
                        event: "credited",
                        how: Resolution::Credited,
                        apply: SettlementKind::Credit {
                            amount: t.amount_minor,
                        },
                        date: on,
                        details: json!({"credit_note_id": t.credit_id}),
                    });
                }
                Some(_) => {}
            }
        }
        errors.into_result()?;
    }
    let keys: Vec<i64> = credits.iter().map(|c| c.1).collect();
    let open = store::open_cases(db, &keys)?;
    let recorded: Vec<(i64, Option<i64>, i64)> = credits
        .iter()
        .map(|(credit, invoice, amount)| match open.get(invoice) {
            Some(c) => (*credit, Some(c.id), (*amount).min(c.amounts.disputed)),
            None => (*credit, None, 0),
        })
        .collect();
    settle(db, &settlements, who, emitted)?;
    store::record_credits(db, &recorded, &who.at)?;
    // A delta batch lowers only the items it lists; a stock snapshot also closes the ones
    // it leaves out.
    let listed: Vec<String> = batch.items.iter().map(|i| i.erp_id.clone()).collect();
    let scope = match batch.mode {
        settle_domain::erp::SyncMode::Delta => Some(listed.as_slice()),
        settle_domain::erp::SyncMode::Stock => None,
    };
    let lowered: Vec<Settlement> = store::overdisputed(db, scope)?
        .into_iter()
        .map(|(c, open)| Settlement {
            item_key: c.item_key,
            event: "open_amount_lowered",
            how: if open == 0 {
                Resolution::ItemClosed
            } else {
                Resolution::Paid
            },
            apply: SettlementKind::Payment {
                amount: c.amounts.disputed - open,
                open_before: c.amounts.disputed,
                for_disputed: false,
            },
            date: today.clone(),
            details: json!({"open_amount": open}),
        })
        .collect();
    settle(db, &lowered, who, emitted)
}

/// Records on a case why the dispute really happened and whether it was valid
/// (`{"root_cause"?: code | null, "valid"?: bool | null, "comment"?}`), with a history row.
/// Open or resolved: a root cause is often known only once the case is settled.
pub fn record_finding(
    db: &impl Db,
    id: i64,
    body: &Map<String, Value>,
    who: &Who,
) -> Result<Done<CaseView>, Refusal> {
    let mut errors = Invalid::default();
    let mut o = Object::new(body, "", &mut errors);
    let finding = settle_domain::root_causes::read_finding(&mut o);
    let comment = o.opt_multiline("comment", settle_domain::status_change::MAX_COMMENT);
    o.finish(&[]);
    if finding.is_empty() && errors.is_empty() {
        errors.push(
            "/root_cause",
            Some("root_cause"),
            "give root_cause or valid (or both): what the case records",
        );
    }
    errors.into_result()?;
    db.transaction(|db| {
        let case =
            store::case(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no dispute {id}")))?;
        apply_finding(db, &case, &finding, comment.clone(), who)?;
        let view =
            store::case(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no dispute {id}")))?;
        Ok(Done::just(view))
    })
}

/// Writes a finding on a loaded case (checked against the root-cause list), with history.
fn apply_finding(
    db: &impl Db,
    case: &CaseView,
    finding: &settle_domain::root_causes::Finding,
    comment: Option<String>,
    who: &Who,
) -> Result<(), Refusal> {
    if finding.is_empty() {
        return Ok(());
    }
    let root_cause = match &finding.root_cause {
        Some(Some(code)) => {
            let found = store::root_cause(db, code)?;
            settle_domain::root_causes::check_root_cause(code, found.as_ref())?;
            Some(code.clone())
        }
        Some(None) => None,
        None => case.root_cause.clone(),
    };
    let valid = match finding.valid {
        Some(v) => v,
        None => case.valid,
    };
    store::set_finding(db, case.id, root_cause.as_deref(), valid, &who.at)?;
    store::insert_history(
        db,
        &[HistoryRow::unchanged(
            case.id,
            "finding",
            &format_date(who.today),
            case.raw,
            json!({
                "root_cause": {"from": case.root_cause, "to": root_cause},
                "valid": {"from": case.valid, "to": valid},
            }),
            comment,
        )],
        &who.actor,
        &who.at,
    )?;
    Ok(())
}

/// Adds or edits a root cause of the list (`{"code", "labels", "active"?}`), audited.
pub fn save_root_cause(
    db: &impl Db,
    body: &Map<String, Value>,
    who: &Who,
    code: Option<&str>,
) -> Result<Done<settle_domain::root_causes::RootCause>, Refusal> {
    db.transaction(|db| {
        let existing = match code {
            Some(c) => Some(
                store::root_cause(db, c)?
                    .ok_or_else(|| Refusal::NotFound(format!("no root cause {c:?}")))?,
            ),
            None => None,
        };
        let mut errors = Invalid::default();
        let mut o = Object::new(body, "", &mut errors);
        let rc = settle_domain::root_causes::read_root_cause(&mut o, existing.as_ref());
        o.finish(if existing.is_some() { &["code"] } else { &[] });
        errors.into_result()?;
        if existing.is_none() && store::root_cause(db, &rc.code)?.is_some() {
            return Err(Refusal::conflict(
                "root-cause-exists",
                "code",
                format!("root cause {:?} exists already", rc.code),
            ));
        }
        store::save_root_cause(db, &rc, existing.is_none(), &who.at)?;
        settle_store::config::record(
            db,
            &who.actor,
            &who.at,
            "root_cause",
            &rc.code,
            existing.map(|e| json!(e)),
            Some(json!(rc)),
        )?;
        Ok(Done::just(rc.clone()))
    })
}

/// Deletes a root cause no case recorded (409 otherwise: deactivate it instead), audited.
pub fn delete_root_cause(db: &impl Db, code: &str, who: &Who) -> Result<Done<()>, Refusal> {
    db.transaction(|db| {
        let existing = store::root_cause(db, code)?
            .ok_or_else(|| Refusal::NotFound(format!("no root cause {code:?}")))?;
        if store::root_cause_used(db, code)? {
            return Err(Refusal::conflict(
                "root-cause-in-use",
                "code",
                format!("cases record root cause {code:?}: deactivate it instead"),
            ));
        }
        store::delete_root_cause(db, code)?;
        settle_store::config::record(
            db,
            &who.actor,
            &who.at,
            "root_cause",
            code,
            Some(json!(existing)),
            None,
        )?;
        Ok(Done::just(()))
    })
}

/// Cases escalated together: one email to one escalation contact about one dispute.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct Escalated {
    pub dispute_ids: Vec<i64>,
    pub item_ids: Vec<String>,
    /// The resolver holding the cases, and the contact told.
    pub resolver_id: i64,
    pub escalation_id: i64,
    /// The queued email (`dispute_escalation`, with a resolver link of the contact's own).
    pub message_id: i64,
}

/// Tells the escalation contact of each overdue case's resolver, once: the open cases more
/// than their status's escalation days past their deadline
/// (`settle_domain::disputes::escalation_due`), whose resolver names an escalation contact.
/// One email per contact and dispute (its status change, else its item's follow-up), with
/// a link to the resolver page; each case records `escalated` in its history and is never
/// escalated again. One transaction; the emails are delivered after it (run it daily, as
/// `POST /api/v1/promises/check`). A case with neither a status change nor a follow-up to
/// write about (opened by migration 18 and since detached) is left out.
pub fn escalate(
    db: &impl Db,
    who: &Who,
    sender: &str,
    site: &crate::emails::Site,
) -> Result<Done<Vec<Escalated>>, Refusal> {
    use settle_domain::templates::{EmailRequest, Regarding};
    let today = format_date(who.today);
    db.transaction(|db| {
        // (contact, (0 status change | 1 action, its id)) -> cases, in deadline order.
        let mut groups: BTreeMap<(i64, (u8, i64)), Vec<store::EscalationCandidate>> =
            BTreeMap::new();
        for c in store::escalation_candidates(db, &today)? {
            let deadline =
                settle_domain::dates::parse_date(&c.deadline).map_err(settle_store::StoreError)?;
            if !rules::escalation_due(deadline, c.escalation_days, who.today) {
                continue;
            }
            let about = match (c.status_change_id, c.action_id) {
                (Some(id), _) => (0, id),
                (None, Some(id)) => (1, id),
                (None, None) => continue,
            };
            groups.entry((c.escalation_id, about)).or_default().push(c);
        }
        let mut out = Vec::new();
        let mut after = Vec::new();
        for ((to, (kind, id)), cases) in groups {
            let request = EmailRequest {
                template: "dispute_escalation".into(),
                regarding: if kind == 0 {
                    Regarding::StatusChange(id)
                } else {
                    Regarding::Action(id)
                },
                to: None,
                language: None,
                subject_override: None,
                body_override: None,
            };
            let sent = crate::emails::queue_for(db, &request, Some(to), who, sender, site)?;
            let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
            store::mark_escalated(db, &ids, &today, &who.at)?;
            let history: Vec<HistoryRow> = cases
                .iter()
                .map(|c| {
                    HistoryRow::unchanged(
                        c.id,
                        "escalated",
                        &today,
                        c.amounts,
                        json!({"deadline": c.deadline, "resolver_id": c.resolver_id,
                               "escalation_id": to, "message_id": sent.value}),
                        None,
                    )
                })
                .collect();
            store::insert_history(db, &history, &who.actor, &who.at)?;
            after.extend(sent.after);
            out.push(Escalated {
                dispute_ids: ids,
                item_ids: cases.iter().map(|c| c.item_id.clone()).collect(),
                resolver_id: cases[0].resolver_id,
                escalation_id: to,
                message_id: sent.value,
            });
        }
        Ok(Done { value: out, after })
    })
}
