//! Routing rules: the admin's writes (`/api/v1/admin/routing-rules`), audited in
//! `config_history`, and [`route`], which the status change asks for the resolver of a new
//! dispute when none is given.

use serde_json::json;
use settle_domain::routing::{self as rules, Dispute, Rule, RuleView};
use settle_domain::validation::Invalid;
use settle_store::Db;
use settle_store::routing as store;

use crate::{Done, Refusal, Who};

fn check_resolver(db: &impl Db, r: &Rule) -> Result<(), Refusal> {
    match settle_store::config::resolver(db, r.resolver_id)? {
        Some(res) if res.active => Ok(()),
        Some(_) => Err(Refusal::Invalid(Invalid::one(
            "/resolver_id",
            Some("resolver_id"),
            format!("resolver {} is deactivated", r.resolver_id),
        ))),
        None => Err(Refusal::Invalid(Invalid::one(
            "/resolver_id",
            Some("resolver_id"),
            format!("no resolver {}", r.resolver_id),
        ))),
    }
}

fn audit(
    db: &impl Db,
    who: &Who,
    id: i64,
    before: Option<&Rule>,
    after: Option<&Rule>,
) -> Result<(), Refusal> {
    settle_store::config::record(
        db,
        &who.actor,
        &who.at,
        "routing_rule",
        &id.to_string(),
        before.map(|b| json!(b.view())),
        after.map(|a| json!(a.view())),
    )?;
    Ok(())
}

/// Creates a rule.
pub fn create(db: &impl Db, body: &[u8], who: &Who) -> Result<Done<RuleView>, Refusal> {
    let parsed = rules::parse_rule(0, body)?;
    db.transaction(|db| {
        check_resolver(db, &parsed)?;
        let id = store::insert_rule(db, &parsed, &who.at)?;
        let rule = Rule {
            id,
            ..parsed.clone()
        };
        audit(db, who, id, None, Some(&rule))?;
        Ok(Done::just(rule.view()))
    })
}

/// Replaces a rule (the whole body, as on creation).
pub fn update(db: &impl Db, id: i64, body: &[u8], who: &Who) -> Result<Done<RuleView>, Refusal> {
    let parsed = rules::parse_rule(id, body)?;
    db.transaction(|db| {
        let before = store::rule(db, id)?
            .ok_or_else(|| Refusal::NotFound(format!("no routing rule {id}")))?;
        check_resolver(db, &parsed)?;
        store::update_rule(db, &parsed, &who.at)?;
        audit(db, who, id, Some(&before), Some(&parsed))?;
        Ok(Done::just(parsed.view()))
    })
}

/// Deletes a rule.
pub fn delete(db: &impl Db, id: i64, who: &Who) -> Result<Done<()>, Refusal> {
    db.transaction(|db| {
        let before = store::rule(db, id)?
            .ok_or_else(|| Refusal::NotFound(format!("no routing rule {id}")))?;
        store::delete_rule(db, id)?;
        audit(db, who, id, Some(&before), None)?;
        Ok(Done::just(()))
    })
}

/// The rule of `all` (the stored rules) that names the resolver of this dispute, if any
/// (its resolver active).
pub fn route(db: &impl Db, all: &[Rule], d: &Dispute) -> Result<Option<Rule>, Refusal> {
    if all.is_empty() {
        return Ok(None);
    }
    let ids: Vec<i64> = all.iter().map(|r| r.resolver_id).collect();
    let states = settle_store::config::resolver_states(db, &ids)?;
    let active = |id: i64| states.iter().any(|s| s.id == id && s.active);
    Ok(rules::route(all, d, active).cloned())
}
