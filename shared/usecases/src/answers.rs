//! What resolvers and customers write on their link pages: the resolver's comment, proposed
//! outcome, files and hand-over (`/r/{token}`); the customer's comment, dispute (with
//! files), promise to pay and payment notice (`/c/{token}`).
//!
//! Each answer is checked against what the store holds *inside* its transaction (a link
//! whose dispute was resolved or handed over meanwhile writes nothing), appends history with
//! the link's actor, marks the live action answered, and queues the collector's notice,
//! whose delivery is the answer's [`AfterCommit`](crate::AfterCommit) step.
//!
//! Files are bytes in the key-value store, put there by the adapter before the transaction
//! (and deleted by it when the answer is refused); the use case checks the quotas and saves
//! their records with the answer.

use serde_json::{Value, json};
use settle_domain::actions::{ActionState, ResolverState};
use settle_domain::pages::{self as rules, CustomerDispute, DisputeHold, ResolverAccess};
use settle_domain::status_change::StatusChangeIn;
use settle_domain::templates::Regarding;
use settle_domain::validation::Invalid;
use settle_store::actions::{self, ActionView};
use settle_store::ledger::{self, ItemFilter, ItemView};
use settle_store::pages::{self as store, Attachment, Reply};
use settle_store::status_change::{self as changes, StatusChangeView};
use settle_store::{Db, config};

use crate::emails::{Formats, notify_collector};
use crate::status_change::{self, ChangeStatus};
use crate::webhooks::{self, Emitted};
use crate::{AfterCommit, Done, Refusal, Who};
use settle_domain::webhooks::EventType;

/// How the collector hears of an answer: where a notice goes when the customer's collector
/// is not an email address (`collector_email`), and how figures are written.
pub struct Notice<'a> {
    pub fallback: Option<String>,
    pub formats: &'a dyn Formats,
}

/// What a resolver link was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolverLink {
    pub link_id: i64,
    pub resolver_id: i64,
    pub customer_key: i64,
    pub status_change_id: Option<i64>,
    pub action_id: Option<i64>,
}

/// The dispute a resolver link opens, and what the link may still do on it.
#[derive(Debug, Clone)]
pub struct ResolverDispute {
    pub change: Option<StatusChangeView>,
    pub action: Option<ActionView>,
    pub item_keys: Vec<i64>,
    /// Its items, closed ones included.
    pub items: Vec<ItemView>,
    pub access: ResolverAccess,
}

impl ResolverDispute {
    /// Writes only while the dispute is open and this link's resolver holds it: a 409
    /// `closed-resolved` or `closed-handed-over` otherwise.
    pub fn writable(&self) -> Result<(), Refusal> {
        let code = match self.access {
            ResolverAccess::Open => return Ok(()),
            ResolverAccess::Resolved => "closed-resolved",
            ResolverAccess::HandedOver => "closed-handed-over",
        };
        Err(Refusal::conflict_about(
            code,
            "this dispute's page is read-only now",
        ))
    }

    /// Where the collector's notice is about.
    fn regarding(&self) -> Option<Regarding> {
        match (&self.change, &self.action) {
            (Some(c), _) => Some(Regarding::StatusChange(c.id)),
            (None, Some(a)) => Some(Regarding::Action(a.id)),
            _ => None,
        }
    }
}

/// Loads the dispute of a resolver link: its status change, action and items. A dispute of
/// another customer than the link's is refused (403), whatever the link says.
pub fn resolver_dispute(
    db: &impl Db,
    link: &ResolverLink,
    today: chrono::NaiveDate,
) -> Result<ResolverDispute, Refusal> {
    let change = match link.status_change_id {
        Some(id) => changes::read(db, id)?,
        None => None,
    };
    let action_id = link.action_id.or(change.as_ref().and_then(|c| c.action_id));
    let action = match action_id {
        Some(id) => actions::action(db, id)?,
        None => None,
    };
    if change
        .as_ref()
        .is_some_and(|c| c.customer_key != link.customer_key)
        || action
            .as_ref()
            .is_some_and(|a| a.customer_key != link.customer_key)
    {
        return Err(Refusal::Forbidden(
            "this link is for another customer".into(),
        ));
    }
    let item_keys: Vec<i64> = match (&change, action_id) {
        (Some(c), _) => c.item_keys.clone(),
        (None, Some(id)) => actions::action_items(db, id, today)?
            .iter()
            .map(|i| i.key)
            .collect(),
        (None, None) => Vec::new(),
    };
    let items = if item_keys.is_empty() {
        Vec::new()
    } else {
        ledger::list_items(
            db,
            &ItemFilter {
                keys: Some(item_keys.clone()),
                include_closed: true,
                limit: item_keys.len(),
                ..Default::default()
            },
            today,
        )?
    };
    let mut hold = DisputeHold {
        action: action.as_ref().map(|a| {
            (
                a.state == ActionState::Live,
                a.resolver.as_ref().map(|r| r.id),
            )
        }),
        disputed: items
            .iter()
            .filter(|i| i.closed_on.is_none())
            .filter(|i| i.status.as_ref().is_some_and(|s| s.kind == "dispute"))
            .map(|i| i.resolver.as_ref().map(|r| r.id))
            .collect(),
        escalations: Vec::new(),
    };
    // The escalation contacts of the resolvers who could hold it (the rule picks the holder).
    let mut named: Vec<i64> = hold.disputed.iter().flatten().copied().collect();
    named.extend(hold.action.and_then(|(_, r)| r));
    named.sort_unstable();
    named.dedup();
    for id in named {
        if let Some(contact) = settle_store::config::resolver(db, id)?.and_then(|r| r.escalation_id)
        {
            hold.escalations.push((id, contact));
        }
    }
    Ok(ResolverDispute {
        access: rules::resolver_access(link.resolver_id, &hold),
        change,
        action,
        item_keys,
        items,
    })
}

/// A resolver's answer.
#[derive(Debug, Clone)]
pub enum ResolverAnswer<'a> {
    Comment(String),
    /// One of the configured outcomes (`code`), with an optional comment.
    Outcome {
        code: String,
        comment: Option<String>,
    },
    /// The dispute goes to another active resolver (`to` as the form gave it).
    Handover {
        to: Option<i64>,
        note: Option<String>,
    },
    /// Files already in the key-value store (their records are saved here).
    Files(&'a [Attachment]),
}

/// Records a resolver's answer on the dispute of `link`.
pub fn resolver_answer(
    db: &impl Db,
    link: &ResolverLink,
    name: &str,
    answer: &ResolverAnswer,
    notice: &Notice,
    who: &Who,
) -> Result<Done<()>, Refusal> {
    db.transaction(|db| {
        let d = resolver_dispute(db, link, who.today)?;
        d.writable()?;
        let change_id = d.change.as_ref().map(|c| c.id);
        let action_id = d.action.as_ref().map(|a| a.id);
        let (event, details, said) = match answer {
            ResolverAnswer::Comment(text) => ("comment", json!({}), text.clone()),
            ResolverAnswer::Outcome { code, comment } => {
                let outcomes = store::outcomes(db)?;
                let chosen = rules::check_outcome(code, &outcomes)?;
                let said = match comment {
                    Some(t) => format!("{}: {t}", chosen.label),
                    None => chosen.label.clone(),
                };
                ("outcome", json!({"outcome": chosen.code}), said)
            }
            ResolverAnswer::Handover { to, note } => {
                let resolvers = config::resolvers(db)?;
                let states: Vec<ResolverState> = resolvers
                    .iter()
                    .map(|r| ResolverState {
                        id: r.id,
                        active: r.active,
                    })
                    .collect();
                let to = rules::check_handover(*to, link.resolver_id, &states)?;
                let to_name = resolvers
                    .iter()
                    .find(|r| r.id == to)
                    .map(|r| r.name.clone())
                    .unwrap_or_default();
                store::handover(db, action_id, &d.item_keys, to)?;
                let said = match note {
                    Some(n) => format!("→ {to_name}: {n}"),
                    None => format!("→ {to_name}"),
                };
                (
                    "handover",
                    json!({"from": link.resolver_id, "to": to}),
                    said,
                )
            }
            ResolverAnswer::Files(files) => {
                let files = filed(files, link.link_id, change_id, action_id);
                save_files(db, &files, link.link_id, change_id, action_id)?;
                let names: Vec<String> = files.iter().map(|a| a.filename.clone()).collect();
                ("attachment", json!({"files": names}), names.join(", "))
            }
        };
        let live_action = d
            .action
            .as_ref()
            .filter(|a| a.state == ActionState::Live)
            .map(|a| a.id);
        store::record_reply(
            db,
            &Reply {
                item_keys: &d.item_keys,
                action_id: live_action,
                actor: &who.actor,
                event,
                details: details.clone(),
                comment: Some(&said),
            },
            &who.at,
        )?;
        let mut emitted = Emitted::default();
        let item_ids: Vec<String> = d.items.iter().map(|i| i.id.clone()).collect();
        webhooks::replied(
            db,
            EventType::ResolverReplied,
            link.customer_key,
            &item_ids,
            json!({"reply": event, "details": details, "comment": said,
                   "resolver_id": link.resolver_id, "status_change_id": change_id,
                   "action_id": action_id}),
            who,
            &mut emitted,
        )?;
        let mut after = match d.regarding() {
            Some(r) => notify(db, r, name, &said, notice, who)?,
            None => Vec::new(),
        };
        after.extend(emitted.after());
        Ok(Done { value: (), after })
    })
}

fn notify(
    db: &impl Db,
    regarding: Regarding,
    name: &str,
    said: &str,
    notice: &Notice,
    who: &Who,
) -> Result<Vec<AfterCommit>, Refusal> {
    Ok(notify_collector(
        db,
        regarding,
        name,
        said,
        notice.fallback.clone(),
        who,
        notice.formats,
    )?
    .after)
}

/// The files' records, on the dispute and the link they came through.
fn filed(
    files: &[Attachment],
    link_id: i64,
    change_id: Option<i64>,
    action_id: Option<i64>,
) -> Vec<Attachment> {
    files
        .iter()
        .map(|a| Attachment {
            status_change_id: change_id,
            action_id,
            link_id: Some(link_id),
            ..a.clone()
        })
        .collect()
}

/// The quota check (inside the transaction, so two uploads at once cannot both pass: the
/// link's and the dispute's bytes so far plus these; 413), then the files' records.
fn save_files(
    db: &impl Db,
    files: &[Attachment],
    link_id: i64,
    change_id: Option<i64>,
    action_id: Option<i64>,
) -> Result<(), Refusal> {
    let incoming: i64 = files.iter().map(|a| a.size).sum();
    if incoming > 0 {
        let by_link = store::bytes_by_link(db, link_id)?;
        let by_dispute = store::bytes_by_dispute(db, change_id, action_id)?;
        rules::check_upload_quota(by_link, by_dispute, incoming).map_err(Refusal::TooLarge)?;
    }
    for a in files {
        store::save_attachment(db, a)?;
    }
    Ok(())
}

/// A customer link's customer, as its page writes on their behalf.
#[derive(Debug, Clone, Copy)]
pub struct CustomerLink<'a> {
    pub link_id: i64,
    pub customer_key: i64,
    pub customer_id: &'a str,
    /// The customer's name, as the collector's notice shows who wrote.
    pub name: &'a str,
}

/// The customer's ticked items: each must be one of their open items (422 on `item`). No
/// item ticked is no item.
pub fn selection(db: &impl Db, link: &CustomerLink, ids: &[String]) -> Result<Vec<i64>, Refusal> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let open: Vec<rules::OpenItemRef> = actions::load_items(db, ids)?
        .into_iter()
        .flatten()
        .filter(|i| i.customer_key == link.customer_key && i.state.open)
        .map(|i| rules::OpenItemRef {
            id: i.state.id,
            key: i.key,
        })
        .collect();
    Ok(rules::check_selection("item", ids, &open)?)
}

/// A comment from the customer, on the ticked items (or none): the live actions holding
/// them are marked answered, and the first one's collector hears of it.
pub fn customer_comment(
    db: &impl Db,
    link: &CustomerLink,
    item_ids: &[String],
    text: &str,
    notice: &Notice,
    who: &Who,
) -> Result<Done<()>, Refusal> {
    db.transaction(|db| {
        let keys = selection(db, link, item_ids)?;
        let actions = store::live_actions_holding(db, &keys)?;
        store::record_reply(
            db,
            &Reply {
                item_keys: &keys,
                action_id: None,
                actor: &who.actor,
                event: "comment",
                details: json!({}),
                comment: Some(text),
            },
            &who.at,
        )?;
        store::mark_answered(db, &actions, &who.actor, &who.at)?;
        let mut emitted = Emitted::default();
        webhooks::replied(
            db,
            EventType::CustomerReplied,
            link.customer_key,
            item_ids,
            json!({"reply": "comment", "comment": text}),
            who,
            &mut emitted,
        )?;
        let mut after = match actions.first() {
            Some(&a) => notify(db, Regarding::Action(a), link.name, text, notice, who)?,
            None => Vec::new(),
        };
        after.extend(emitted.after());
        Ok(Done { value: (), after })
    })
}

/// A status change the customer asks for (a promise to pay, a payment notice, a new
/// dispute), through the collector's rules (`status_change::apply`) for this customer's
/// items only, with `files` saved on it.
pub fn customer_change(
    db: &impl Db,
    link: &CustomerLink,
    input: &StatusChangeIn,
    files: &[Attachment],
    notice: &Notice,
    who: &Who,
) -> Result<Done<i64>, Refusal> {
    db.transaction(|db| change_in(db, link, input, files, notice, who))
}

/// [`customer_change`] inside the caller's transaction.
fn change_in(
    db: &impl Db,
    link: &CustomerLink,
    input: &StatusChangeIn,
    files: &[Attachment],
    notice: &Notice,
    who: &Who,
) -> Result<Done<i64>, Refusal> {
    selection(db, link, &input.item_ids)?;
    let change = ChangeStatus {
        input,
        customer_id: Some(link.customer_id),
    };
    let changed = status_change::apply(db, &change, who).map_err(item_field)?;
    let applied = changed.applied;
    let change_id = applied.status_change_id;
    let mut emitted = Emitted::default();
    webhooks::replied(
        db,
        EventType::CustomerReplied,
        link.customer_key,
        &input.item_ids,
        json!({"reply": changed.plan.kind.as_str(), "status": input.status,
               "comment": input.comment, "status_change_id": change_id}),
        who,
        &mut emitted,
    )?;
    let files = filed(files, link.link_id, Some(change_id), applied.action_id);
    save_files(db, &files, link.link_id, Some(change_id), applied.action_id)?;
    let said = input.comment.as_deref().unwrap_or("");
    let mut after = changed.after;
    after.extend(emitted.after());
    after.extend(notify(
        db,
        Regarding::StatusChange(change_id),
        link.name,
        said,
        notice,
        who,
    )?);
    Ok(Done {
        value: change_id,
        after,
    })
}

/// The status change's `item_ids` is the page's `item`.
fn item_field(r: Refusal) -> Refusal {
    match r {
        Refusal::Invalid(inv) => Refusal::Invalid(Invalid(
            inv.0
                .into_iter()
                .map(|mut e| {
                    if e.field.as_deref() == Some("item_ids") {
                        e.field = Some("item".into());
                    }
                    e
                })
                .collect(),
        )),
        other => other,
    }
}

/// A dispute from the customer's page: on items already disputed under one live action,
/// more words and files on that dispute; otherwise a new dispute (`reason`, today).
#[allow(clippy::too_many_arguments)]
/// The amounts a customer gave, by item id.
fn amounts_json(amounts: &[(String, String)]) -> Value {
    Value::Object(
        amounts
            .iter()
            .map(|(id, a)| (id.clone(), Value::from(a.as_str())))
            .collect(),
    )
}

#[allow(clippy::too_many_arguments)]
pub fn customer_dispute(
    db: &impl Db,
    link: &CustomerLink,
    item_ids: &[String],
    reason: &str,
    amounts: &[(String, String)],
    text: Option<&str>,
    files: &[Attachment],
    notice: &Notice,
    who: &Who,
) -> Result<Done<Option<i64>>, Refusal> {
    db.transaction(|db| {
        let keys = selection(db, link, item_ids)?;
        let holds: Vec<(Option<i64>, bool)> = store::dispute_holds(db, &keys)?
            .into_iter()
            .map(|(_, action, disputed)| (action, disputed))
            .collect();
        match rules::customer_dispute(&holds) {
            CustomerDispute::Existing(action) => {
                let files = filed(files, link.link_id, None, Some(action));
                save_files(db, &files, link.link_id, None, Some(action))?;
                let names: Vec<Value> = files.iter().map(|a| json!(a.filename)).collect();
                store::record_reply(
                    db,
                    &Reply {
                        item_keys: &keys,
                        action_id: Some(action),
                        actor: &who.actor,
                        event: "dispute",
                        // The part the customer says is in dispute, for the collector to
                        // see: the case's amount is the collector's to change.
                        details: json!({ "files": names.clone(), "amounts": amounts_json(amounts) }),
                        comment: text,
                    },
                    &who.at,
                )?;
                store::mark_answered(db, &[action], &who.actor, &who.at)?;
                let mut emitted = Emitted::default();
                webhooks::replied(
                    db,
                    EventType::CustomerReplied,
                    link.customer_key,
                    item_ids,
                    json!({"reply": "dispute", "comment": text, "files": names,
                           "action_id": action}),
                    who,
                    &mut emitted,
                )?;
                let mut after = notify(
                    db,
                    Regarding::Action(action),
                    link.name,
                    text.unwrap_or(""),
                    notice,
                    who,
                )?;
                after.extend(emitted.after());
                Ok(Done { value: None, after })
            }
            CustomerDispute::New => {
                let input = rules::dispute_change(
                    item_ids.to_vec(),
                    reason.to_string(),
                    text.map(str::to_string),
                    amounts.to_vec(),
                    who.today,
                );
                let done = change_in(db, link, &input, files, notice, who)?;
                Ok(Done {
                    value: Some(done.value),
                    after: done.after,
                })
            }
        }
    })
}
