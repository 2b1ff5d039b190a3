//! Action edits: create a specific action, change it (name, date, type, resolver, comment),
//! take items out of it, terminate it. One implementation for the API
//! (`/api/v1/actions`) and the console's action page (`/app/actions/{id}`).
//!
//! Every edit of an existing action names the version it was read at (the API's `ETag`
//! through `If-Match`, the console form's `version`): when someone changed the action
//! meanwhile, nothing is written ([`Refusal::Stale`]).

use serde_json::{Map, Value};
use settle_domain::actions::{self as rules, ActionChanges};
use settle_domain::dates::format_date;
use settle_domain::input::Object;
use settle_domain::status_change::{self as change_rules, ItemState, NewAction};
use settle_domain::validation::Invalid;
use settle_store::actions::{self as store, ActionView, Created, Held, Terminated};
use settle_store::{Db, config};

use crate::webhooks::{self, Before, Emitted, StatusChanged};
use crate::{Done, Refusal, Who};

/// The version an edit was read at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Any version (the API without `If-Match` where it is optional, or `If-Match: *`).
    Any,
    /// This version; another one means someone changed the action meanwhile.
    Version(i64),
    /// A version that cannot be this action's (an `ETag` of another action, a tampered form).
    Unknown,
}

/// The action `id`, as it is now.
pub fn action(db: &impl Db, id: i64) -> Result<ActionView, Refusal> {
    store::action(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no action {id}")))
}

/// Loads the action, checks it was read at `seen` and is still live.
fn editable(db: &impl Db, id: i64, seen: Seen) -> Result<ActionView, Refusal> {
    let a = action(db, id)?;
    let stale = match seen {
        Seen::Any => false,
        Seen::Version(v) => v != a.version,
        Seen::Unknown => true,
    };
    if stale {
        return Err(Refusal::Stale(format!(
            "action {} changed since it was read (it is now at version {}): read it again",
            a.id, a.version
        )));
    }
    rules::check_live(a.id, a.state, a.done_on.as_deref())
        .map_err(|e| Refusal::conflict("action-done", "state", e))?;
    Ok(a)
}

/// The resolver rule (`settle_domain::actions::check_resolver`) on what the store knows.
fn check_resolver(db: &impl Db, id: Option<i64>) -> Result<(), Refusal> {
    let known = config::resolver_states(db, &id.into_iter().collect::<Vec<_>>())?;
    let mut errors = Invalid::default();
    rules::check_resolver("/resolver_id", id, &known, &mut errors);
    Ok(errors.into_result()?)
}

/// Creates a live action on one customer's open items, without a status change (items held
/// by other live actions move into it).
pub fn create(db: &impl Db, input: &NewAction, who: &Who) -> Result<Done<Created>, Refusal> {
    db.transaction(|db| {
        let found = store::load_items(db, &input.item_ids)?;
        let states: Vec<Option<ItemState>> = found
            .iter()
            .map(|f| f.as_ref().map(|f| f.state.clone()))
            .collect();
        let mut errors = Invalid::default();
        change_rules::check_items(&input.item_ids, &states, &mut errors);
        errors.into_result()?;
        check_resolver(db, input.action.resolver_id)?;
        let found: Vec<_> = found.into_iter().flatten().collect();
        let held: Vec<Held> = found.iter().map(Held::from).collect();
        let created = store::create(
            db,
            found[0].customer_key,
            &input.action,
            None,
            &held,
            None,
            &who.actor,
            &who.at,
        )?;
        let mut emitted = Emitted::default();
        webhooks::action_created(db, created.action_id, who, &mut emitted)?;
        Ok(Done {
            value: created,
            after: emitted.after(),
        })
    })
}

/// Reads the changes of an edit: `name`, `date`, `type`, `resolver_id` (`null` removes),
/// `comment` (`null` removes).
fn read_changes(body: &Map<String, Value>) -> Result<ActionChanges, Refusal> {
    let mut errors = Invalid::default();
    let mut o = Object::new(body, "", &mut errors);
    let changes = rules::read_changes(&mut o);
    o.finish(&[]);
    errors.into_result()?;
    Ok(changes)
}

/// Changes a live action read at `seen`. A new resolver must exist and be active; keeping
/// the current one (even one deactivated since) is no change and always allowed.
pub fn update(
    db: &impl Db,
    id: i64,
    seen: Seen,
    body: &Map<String, Value>,
    who: &Who,
) -> Result<Done<ActionView>, Refusal> {
    let changes = read_changes(body)?;
    db.transaction(|db| {
        let a = editable(db, id, seen)?;
        if let Some(Some(r)) = changes.resolver_id
            && a.resolver.as_ref().is_none_or(|x| x.id != r)
        {
            check_resolver(db, Some(r))?;
        }
        if !store::update(db, &a, a.version, &changes, &who.actor, &who.at)? {
            return Err(Refusal::Stale(format!(
                "action {id} changed meanwhile: read it again"
            )));
        }
        Ok(Done::just(action(db, id)?))
    })
}

/// What taking items out left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detached {
    pub item_ids: Vec<String>,
    /// The action holds no item any more (it stays live until terminated).
    pub empty: bool,
}

/// Takes `item_ids` (`{"item_ids": [...]}`) out of a live action: they return to the
/// reminder scenario.
pub fn detach(
    db: &impl Db,
    id: i64,
    seen: Seen,
    body: &Map<String, Value>,
    who: &Who,
) -> Result<Done<Detached>, Refusal> {
    let mut errors = Invalid::default();
    let mut o = Object::new(body, "", &mut errors);
    let ids = o.id_list("item_ids", rules::MAX_ITEMS);
    o.finish(&[]);
    errors.into_result()?;
    let ids = ids.unwrap_or_default();
    db.transaction(|db| {
        let a = editable(db, id, seen)?;
        let found = store::load_items(db, &ids)?;
        let holders: Vec<Option<Option<i64>>> = found
            .iter()
            .map(|f| f.as_ref().map(|f| f.action_id))
            .collect();
        rules::check_detach(a.id, &ids, &holders)?;
        let items: Vec<(i64, String)> = found
            .into_iter()
            .flatten()
            .map(|f| (f.key, f.state.id))
            .collect();
        let left = store::detach(db, a.id, &items, &who.actor, &who.at)?;
        Ok(Done::just(Detached {
            item_ids: ids.clone(),
            empty: left == 0,
        }))
    })
}

/// Terminates a live action (`{"date"?, "comment"?}`; today by default): a dispute
/// follow-up's disputed items become the resolved status, with their resolution delays;
/// every item returns to the scenario.
pub fn terminate(
    db: &impl Db,
    id: i64,
    seen: Seen,
    body: &Map<String, Value>,
    who: &Who,
) -> Result<Done<Terminated>, Refusal> {
    let mut errors = Invalid::default();
    let mut o = Object::new(body, "", &mut errors);
    let (date, comment) = rules::read_termination(&mut o);
    o.finish(&[]);
    errors.into_result()?;
    let date = format_date(date.unwrap_or(who.today));
    db.transaction(|db| {
        let a = editable(db, id, seen)?;
        let resolved = config::resolved_status(db)?;
        rules::check_terminate(a.action_type, resolved.as_deref())
            .map_err(|e| Refusal::conflict("no-resolved-status", "type", e))?;
        let before = settle_store::webhooks::event_items(db, &a.item_ids)?;
        let done = store::terminate(
            db,
            &a,
            &date,
            comment.as_deref(),
            resolved.as_deref(),
            &who.actor,
            &who.at,
        )?;
        crate::disputes::on_terminated(
            db,
            &done.resolved_item_ids,
            &date,
            comment.as_deref(),
            who,
        )?;
        let mut emitted = Emitted::default();
        if let Some(status) = resolved
            .as_deref()
            .filter(|_| !done.resolved_item_ids.is_empty())
        {
            let before: Vec<Before> = before
                .into_iter()
                .filter(|i| done.resolved_item_ids.contains(&i.id))
                .map(|i| Before {
                    id: i.id,
                    status_code: i.status_code,
                    resolver_id: i.resolver_id,
                    disputed_minor: None,
                })
                .collect();
            webhooks::status_changed(
                db,
                &StatusChanged {
                    before: &before,
                    status,
                    comment: comment.as_deref(),
                    status_change_id: None,
                    status_date: Some(&date),
                    reason: Some("action_terminated"),
                },
                who,
                &mut emitted,
            )?;
        }
        webhooks::action_terminated(
            db,
            a.id,
            &done.resolved_item_ids,
            &done.released_item_ids,
            who,
            &mut emitted,
        )?;
        Ok(Done {
            value: done,
            after: emitted.after(),
        })
    })
}

/// A promise a check ended.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct EndedPromise {
    pub action_id: i64,
    pub due_date: String,
    pub outcome: rules::PromiseOutcome,
    /// The items it released (a broken promise's are chased again).
    pub item_ids: Vec<String>,
}

/// Ends the live promises to pay whose fate is known today: kept when every item they
/// held is paid, broken the day after their date with items still open; their items go
/// back to the reminder scenario. One transaction; run it daily (`POST
/// /api/v1/promises/check`, from cron as the webhook flush is).
pub fn check_promises(db: &impl Db, who: &Who) -> Result<Done<Vec<EndedPromise>>, Refusal> {
    let today = format_date(who.today);
    db.transaction(|db| {
        let mut ended = Vec::new();
        for p in store::promises_to_check(db, &today)? {
            let due =
                settle_domain::dates::parse_date(&p.due_date).map_err(settle_store::StoreError)?;
            let Some(outcome) = rules::promise_outcome(due, who.today, p.open_items) else {
                continue;
            };
            let item_ids = store::end_promise(db, p.id, outcome, &today, &who.actor, &who.at)?;
            ended.push(EndedPromise {
                action_id: p.id,
                due_date: p.due_date,
                outcome,
                item_ids,
            });
        }
        Ok(Done::just(ended))
    })
}
