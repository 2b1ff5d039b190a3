//! Append-only history rows: `item_history` and `action_history` share one shape (subject
//! id, when, who, event, JSON details, optional comment). Nothing here updates or deletes.

use crate::sql::insert_many;
use crate::{Db, Result, Value};

/// One history row for `insert_item_history` or `insert_action_history`.
pub fn row(
    subject_id: i64,
    at: &str,
    actor: &str,
    event: &str,
    details: serde_json::Value,
    comment: Option<&str>,
) -> Vec<Value> {
    vec![
        subject_id.into(),
        at.into(),
        actor.into(),
        event.into(),
        details.to_string().into(),
        comment.map(str::to_string).into(),
    ]
}

/// Appends rows made by [`row`] to `item_history`, each with its item's customer (the
/// console reads a customer's history by it).
pub fn insert_item_history(db: &impl Db, rows: &[Vec<Value>]) -> Result<()> {
    insert_many(
        db,
        "INSERT INTO item_history (item_id, at, actor, event, details, comment, customer_id)
         SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6,
                (SELECT customer_id FROM items WHERE items.id = v.column1)
         FROM (",
        ") v",
        6,
        rows,
    )?;
    Ok(())
}

/// Appends rows made by [`row`] to `action_history`.
pub fn insert_action_history(db: &impl Db, rows: &[Vec<Value>]) -> Result<()> {
    insert_many(
        db,
        "INSERT INTO action_history (action_id, at, actor, event, details, comment)",
        "",
        6,
        rows,
    )?;
    Ok(())
}
