//! The status change: qualify a customer's items (status, date, comment, resolver) and decide
//! their next action. One implementation for the API (`POST /api/v1/status-changes`), the
//! console's Change status (`console-change-status`) and the customer's page (dispute, promise,
//! payment notice).

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
    /// Delivering the events it wrote, once the caller's transaction committed.
    pub after: Vec<AfterCommit>,
}

/// The rules' plan for the change (status date, suggestion, the action to create), without
/// writing: what the console's step 3 proposes, and what its confirmation decides from.
pub fn plan(db: &impl Db, c: &ChangeStatus, who: &Who) -> Result<Plan, Refusal> {
    Ok(checked(db, c, who)?.0)
}

fn checked(db: &impl Db, c: &ChangeStatus, who: &Who) -> Result<(Plan, store::Targets), Refusal> {
    let targets = store::load_targets(db, c.input)?;
    let states = targets.item_states();
    let plan = rules::check(c.input, &targets.found(&states), who.today)?;
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

/// Checks and applies the change: items updated with history, the status change recorded,
/// the action created (items held by other live actions moved into it), the report
/// histories written. Runs inside the caller's transaction, so what must be written with it
/// (an email, a customer's files) commits or rolls back with it.
pub fn apply(db: &impl Db, c: &ChangeStatus, who: &Who) -> Result<Changed, Refusal> {
    let (plan, targets) = checked(db, c, who)?;
    let applied = store::apply(db, c.input, &plan, &targets, &who.actor, &who.at)?;
    crate::disputes::on_status_change(db, c.input, &plan, &targets, applied.status_change_id, who)?;
    let before: Vec<Before> = targets
        .items
        .iter()
        .flatten()
        .map(|i| Before {
            id: i.state.id.clone(),
            status_code: i.status_code.clone(),
            resolver_id: i.resolver_id,
        })
        .collect();
    let mut emitted = Emitted::default();
    webhooks::status_changed(
        db,
        &StatusChanged {
            before: &before,
            status: &c.input.status,
            comment: c.input.comment.as_deref(),
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
        after: emitted.after(),
    })
}
