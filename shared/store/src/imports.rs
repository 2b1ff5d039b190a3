//! Import profiles (stored as their JSON body, read back through the domain's reader) and
//! the history of file imports: who imported which file through which profile, and what it
//! did.

use serde::Serialize;

use crate::{Db, Result, RowExt, Value};

/// A stored profile: its code and body (`settle_domain::import::profile::read_profile` reads
/// it back; a body stored by an older version that no longer reads is shown as refused).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProfile {
    pub code: String,
    pub body: serde_json::Value,
    pub updated_at: String,
    pub updated_by: String,
}

fn stored(r: &[Value]) -> Result<StoredProfile> {
    Ok(StoredProfile {
        code: r.text(0)?,
        body: serde_json::from_str(&r.text(1)?).unwrap_or(serde_json::Value::Null),
        updated_at: r.text(2)?,
        updated_by: r.text(3)?,
    })
}

pub fn profile(db: &impl Db, code: &str) -> Result<Option<StoredProfile>> {
    db.query(
        "SELECT code, body, updated_at, updated_by FROM import_profiles WHERE code = ?",
        &[code.into()],
    )?
    .map_first(stored)
}

/// Every stored profile, by code.
pub fn profiles(db: &impl Db) -> Result<Vec<StoredProfile>> {
    db.query(
        "SELECT code, body, updated_at, updated_by FROM import_profiles ORDER BY code",
        &[],
    )?
    .map(stored)
}

/// Creates or replaces a profile.
pub fn save_profile(
    db: &impl Db,
    code: &str,
    body: &serde_json::Value,
    actor: &str,
    now: &str,
) -> Result<()> {
    db.query(
        "INSERT INTO import_profiles (code, body, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by",
        &[
            code.into(),
            body.to_string().into(),
            now.into(),
            now.into(),
            actor.into(),
        ],
    )?;
    Ok(())
}

/// Removes a profile; false when there was none.
pub fn delete_profile(db: &impl Db, code: &str) -> Result<bool> {
    Ok(db
        .query(
            "DELETE FROM import_profiles WHERE code = ? RETURNING code",
            &[code.into()],
        )?
        .rows
        .len()
        == 1)
}

/// One file import, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub target: String,
    /// The profile's code; `None` for Settle's own columns.
    pub profile: Option<String>,
    pub file_name: Option<String>,
    pub bytes: i64,
    pub rows: i64,
    /// What the import did (the API's answer: created, updated, unchanged, closed, ...).
    pub counts: serde_json::Value,
}

/// What [`record_import`] writes.
pub struct NewImport<'a> {
    pub actor: &'a str,
    pub at: &'a str,
    pub target: &'a str,
    pub profile: Option<&'a str>,
    pub file_name: Option<&'a str>,
    pub bytes: i64,
    pub rows: i64,
    pub counts: &'a serde_json::Value,
}

/// Appends a file import to the history (in the import's own transaction).
pub fn record_import(db: &impl Db, i: &NewImport) -> Result<i64> {
    db.query(
        "INSERT INTO imports (at, actor, target, profile, file_name, bytes, rows, counts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            i.at.into(),
            i.actor.into(),
            i.target.into(),
            i.profile.into(),
            i.file_name.into(),
            i.bytes.into(),
            i.rows.into(),
            i.counts.to_string().into(),
        ],
    )?
    .single_int()
}

/// The latest imports, newest first.
pub fn imports(db: &impl Db, limit: usize) -> Result<Vec<ImportRecord>> {
    db.query(
        "SELECT id, at, actor, target, profile, file_name, bytes, rows, counts FROM imports
         ORDER BY id DESC LIMIT ?",
        &[(limit as i64).into()],
    )?
    .map(|r| {
        Ok(ImportRecord {
            id: r.int(0)?,
            at: r.text(1)?,
            actor: r.text(2)?,
            target: r.text(3)?,
            profile: r.opt_text(4)?,
            file_name: r.opt_text(5)?,
            bytes: r.int(6)?,
            rows: r.int(7)?,
            counts: serde_json::from_str(&r.text(8)?).unwrap_or(serde_json::Value::Null),
        })
    })
}
