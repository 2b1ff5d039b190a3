//! The status change: qualify a customer's items (status, date, comment, resolver) and decide
//! their next action. One implementation for the API (`POST /api/v1/status-changes`), the
//! console's Change status (`console-change-status`) and the customer's page (dispute, promise,
//! payment notice).

use settle_domain::catalog::StatusKind;
use settle_domain::status_change::{self as rules, Plan, StatusChangeIn};
use settle_domain::validation::Invalid;
use settle_store::Db;
use settle_store::status_change::{self as store, Applied};

use crate::webhooks::{self, Before, Emitted, StatusChanged};
use crate::{AfterCommit, Refusal, Who};

/// A status change to make.
#[derive(Debug, Clone)]
pub struct ChangeStatus<'a> {
    /// The request, as the domain's reader reads a body (`parse_status_change`), or as the
    /// customer's page builds it (`settle_domain::pages::dispute_change`...).
    pub input: &'a StatusChangeIn,
    /// The customer whose page the change comes from (the console's sheet, the customer's
    /// own link): items of anyone else are refused, whatever the form was made to say.
    pub customer_id: Option<&'a str>,
}

/// What the change did.
#[derive(Debug, Clone)]
pub struct Changed {
    pub plan: Plan,
    pub applied: Applied,
    /// The resolver the items got: the one given, or the one a routing rule chose.
    pub resolver_id: Option<i64>,
    /// The routing rule that chose it, when one did.
    pub routing_rule_id: Option<i64>,
    /// Delivering the events it wrote, once the caller's transaction committed.
    pub after: Vec<AfterCommit>,
}

/// The rules' plan for the change (status date, suggestion, the action to create), without
/// writing: what the console's step 3 proposes, and what its confirmation decides from.
pub fn plan(db: &impl Db, c: &ChangeStatus, who: &Who) -> Result<Plan, Refusal> {
    Ok(checked(db, c, who)?.plan)
}

/// What the rules checked: the plan, what the store loaded for it, and the request as
/// applied: with the resolver a routing rule chose, when one did.
struct Checked {
    plan: Plan,
    targets: store::Targets,
    routed: Option<(StatusChangeIn, i64)>,
}

fn checked(db: &impl Db, c: &ChangeStatus, who: &Who) -> Result<Checked, Refusal> {
    let (plan, targets) = check_once(db, c.input, c, who)?;
    if let Some((input, rule)) = routed(db, c.input, &plan, &targets)? {
        let (plan, targets) = check_once(db, &input, c, who)?;
        return Ok(Checked {
            plan,
            targets,
            routed: Some((input, rule)),
        });
    }
    Ok(Checked {
        plan,
        targets,
        routed: None,
    })
}

fn check_once(
    db: &impl Db,
    input: &StatusChangeIn,
    c: &ChangeStatus,
    who: &Who,
) -> Result<(Plan, store::Targets), Refusal> {
    let targets = store::load_targets(db, input)?;
    let states = targets.item_states();
    let plan = rules::check(input, &targets.found(&states), who.today)?;
    if let Some(customer) = c.customer_id
        && plan.customer_id != customer
    {
        return Err(Refusal::Invalid(Invalid::one(
            "/item_ids",
            Some("item_ids"),
            format!("the items must be customer {customer}'s"),
        )));
    }
    Ok((plan, targets))
}

/// A new dispute without a resolver (none given, none on its items): the first routing rule
/// that matches names one. Answers the request with it, and the rule.
fn routed(
    db: &impl Db,
    input: &StatusChangeIn,
    plan: &Plan,
    targets: &store::Targets,
) -> Result<Option<(StatusChangeIn, i64)>, Refusal> {
    let items: Vec<&store::TargetItem> = targets.items.iter().flatten().collect();
    if input.resolver_id.is_some()
        || plan.kind != StatusKind::Dispute
        || items.iter().any(|i| i.resolver_id.is_some())
    {
        return Ok(None);
    }
    // Read inside the change's write transaction: nothing more while no rule exists.
    let rules = settle_store::routing::rules(db)?;
    if rules.is_empty() {
        return Ok(None);
    }
    let Some(customer) = settle_store::ledger::customer(db, &plan.customer_id)? else {
        return Ok(None);
    };
    let mut totals: Vec<(String, i64)> = Vec::new();
    for (n, item) in targets.items.iter().enumerate() {
        let Some(item) = item else { continue };
        let amount = plan.disputed_of(n, item.state.open_minor);
        match totals.iter_mut().find(|(c, _)| *c == item.state.currency) {
            Some((_, t)) => *t = t.saturating_add(amount),
            None => totals.push((item.state.currency.clone(), amount)),
        }
    }
    let dispute = settle_domain::routing::Dispute {
        status: &input.status,
        entity: &customer.entity,
        customer_id: &plan.customer_id,
        totals: &totals,
    };
    Ok(crate::routing::route(db, &rules, &dispute)?.map(|rule| {
        (
            StatusChangeIn {
                resolver_id: Some(rule.resolver_id),
                ..input.clone()
            },
            rule.id,
        )
    }))
}

/// Checks and applies the change: items updated with history, the status change recorded,
/// the action created (items held by other live actions moved into it), the report
/// histories written. Runs inside the caller's transaction, so what must be written with it
/// (an email, a customer's files) commits or rolls back with it.
pub fn apply(db: &impl Db, c: &ChangeStatus, who: &Who) -> Result<Changed, Refusal> {
    let Checked {
        plan,
        targets,
        routed,
    } = checked(db, c, who)?;
    let input = routed.as_ref().map_or(c.input, |r| &r.0);
    let routing_rule_id = routed.as_ref().map(|r| r.1);
    let applied = store::apply(db, input, &plan, &targets, &who.actor, &who.at)?;
    crate::disputes::on_status_change(
        db,
        input,
        &plan,
        &targets,
        applied.status_change_id,
        routing_rule_id,
        who,
    )?;
    let before: Vec<Before> = targets
        .items
        .iter()
        .flatten()
        .map(|i| Before {
            id: i.state.id.clone(),
            status_code: i.status_code.clone(),
            resolver_id: i.resolver_id,
            disputed_minor: Some(i.disputed_minor),
        })
        .collect();
    let mut emitted = Emitted::default();
    webhooks::status_changed(
        db,
        &StatusChanged {
            before: &before,
            status: &input.status,
            comment: input.comment.as_deref(),
            status_change_id: Some(applied.status_change_id),
            status_date: Some(&settle_domain::dates::format_date(plan.status_date)),
            reason: None,
        },
        who,
        &mut emitted,
    )?;
    if let Some(action) = applied.action_id {
        webhooks::action_created(db, action, who, &mut emitted)?;
    }
    Ok(Changed {
        plan,
        applied,
        resolver_id: input.resolver_id,
        routing_rule_id,
        after: emitted.after(),
    })
}
