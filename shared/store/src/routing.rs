//! Routing rules (`settle_domain::routing`): stored in position order, each naming a
//! resolver.

use settle_domain::money::Currency;
use settle_domain::routing::Rule;

use crate::{Db, Result, RowExt, StoreError, Value};

const COLUMNS: &str =
    "id, position, status, entity, customer_id, currency, min_minor, max_minor, resolver_id";

fn rule_row(r: &[Value]) -> Result<Rule> {
    Ok(Rule {
        id: r.int(0)?,
        position: r.int(1)?,
        status: r.opt_text(2)?,
        entity: r.opt_text(3)?,
        customer_id: r.opt_text(4)?,
        currency: r
            .opt_text(5)?
            .map(|c| Currency::parse(&c))
            .transpose()
            .map_err(StoreError)?,
        min_minor: r.opt_int(6)?,
        max_minor: r.opt_int(7)?,
        resolver_id: r.int(8)?,
    })
}

/// Every rule, in the order they apply.
pub fn rules(db: &impl Db) -> Result<Vec<Rule>> {
    db.query(
        &format!("SELECT {COLUMNS} FROM routing_rules ORDER BY position, id"),
        &[],
    )?
    .map(rule_row)
}

pub fn rule(db: &impl Db, id: i64) -> Result<Option<Rule>> {
    db.query(
        &format!("SELECT {COLUMNS} FROM routing_rules WHERE id = ?"),
        &[id.into()],
    )?
    .map_first(rule_row)
}

fn values(r: &Rule) -> Vec<Value> {
    vec![
        r.position.into(),
        r.status.clone().into(),
        r.entity.clone().into(),
        r.customer_id.clone().into(),
        r.currency.map(|c| c.code()).into(),
        r.min_minor.into(),
        r.max_minor.into(),
        r.resolver_id.into(),
    ]
}

/// Stores a new rule; answers its id.
pub fn insert_rule(db: &impl Db, r: &Rule, now: &str) -> Result<i64> {
    let mut p = values(r);
    p.extend([now.into(), now.into()]);
    db.query(
        "INSERT INTO routing_rules (position, status, entity, customer_id, currency, min_minor,
             max_minor, resolver_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &p,
    )?
    .single_int()
}

/// Replaces a rule; answers whether it existed.
pub fn update_rule(db: &impl Db, r: &Rule, now: &str) -> Result<bool> {
    let mut p = values(r);
    p.extend([now.into(), r.id.into()]);
    let out = db.query(
        "UPDATE routing_rules SET position = ?, status = ?, entity = ?, customer_id = ?, currency = ?,
             min_minor = ?, max_minor = ?, resolver_id = ?, updated_at = ?
         WHERE id = ? RETURNING id",
        &p,
    )?;
    Ok(!out.rows.is_empty())
}

/// Deletes a rule; answers whether it existed. The cases it routed keep its id.
pub fn delete_rule(db: &impl Db, id: i64) -> Result<bool> {
    let out = db.query(
        "DELETE FROM routing_rules WHERE id = ? RETURNING id",
        &[id.into()],
    )?;
    Ok(!out.rows.is_empty())
}
