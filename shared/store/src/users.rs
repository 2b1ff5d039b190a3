//! Console users: create, read, list, update, find by email for sign-in. The password hash
//! is read only by [`password_hash`]; nothing else returns it.

use settle_domain::users::{User, UserRole};

use crate::{Db, Result, RowExt, StoreError, Value};

const COLUMNS: &str =
    "id, name, email, role, language, active, created_at, updated_at, credentials";

fn row(r: &[Value]) -> Result<User> {
    Ok(User {
        id: r.int(0)?,
        name: r.text(1)?,
        email: r.text(2)?,
        role: r.parsed(3, "user role", UserRole::parse)?,
        language: r.text(4)?,
        active: r.int(5)? != 0,
        created_at: r.text(6)?,
        updated_at: r.text(7)?,
        credentials: r.int(8)?,
    })
}

/// Is this email (normalized) taken, by another user than `except`?
pub fn email_taken(db: &impl Db, email: &str, except: Option<i64>) -> Result<bool> {
    Ok(!db
        .query(
            "SELECT 1 FROM users WHERE email = ? AND id IS NOT ?",
            &[email.into(), except.into()],
        )?
        .rows
        .is_empty())
}

/// Creates a user with its password hash.
pub fn create_user(db: &impl Db, u: &User, password_hash: &str, now: &str) -> Result<User> {
    db.query(
        &format!(
            "INSERT INTO users (name, email, role, language, active, password_hash, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {COLUMNS}"
        ),
        &[
            u.name.as_str().into(),
            u.email.as_str().into(),
            u.role.as_str().into(),
            u.language.as_str().into(),
            u.active.into(),
            password_hash.into(),
            now.into(),
            now.into(),
        ],
    )?
    .map_first(row)?
    .ok_or_else(|| StoreError("insert returned nothing".into()))
}

/// Writes a user's fields, and its password hash when given: a new hash bumps `credentials`,
/// which ends the sessions opened before it.
pub fn update_user(db: &impl Db, u: &User, password_hash: Option<&str>, now: &str) -> Result<()> {
    db.query(
        "UPDATE users SET name = ?1, email = ?2, role = ?3, language = ?4, active = ?5,
                credentials = credentials + (?6 IS NOT NULL),
                password_hash = coalesce(?6, password_hash), updated_at = ?7
         WHERE id = ?8",
        &[
            u.name.as_str().into(),
            u.email.as_str().into(),
            u.role.as_str().into(),
            u.language.as_str().into(),
            u.active.into(),
            password_hash.into(),
            now.into(),
            u.id.into(),
        ],
    )?;
    Ok(())
}

pub fn user(db: &impl Db, id: i64) -> Result<Option<User>> {
    db.query(
        &format!("SELECT {COLUMNS} FROM users WHERE id = ?"),
        &[id.into()],
    )?
    .map_first(row)
}

/// Every user, by name.
pub fn users(db: &impl Db) -> Result<Vec<User>> {
    db.query(
        &format!("SELECT {COLUMNS} FROM users ORDER BY name, id"),
        &[],
    )?
    .map(row)
}

/// The user with this (normalized) email and its password hash, for signing in.
pub fn password_hash(db: &impl Db, email: &str) -> Result<Option<(User, String)>> {
    db.query(
        &format!("SELECT {COLUMNS}, password_hash FROM users WHERE email = ?"),
        &[email.into()],
    )?
    .map_first(|r| Ok((row(r)?, r.text(9)?)))
}

/// How many users exist (none: the install's first admin is still to be made).
pub fn count(db: &impl Db) -> Result<i64> {
    db.query("SELECT count(*) FROM users", &[])?.single_int()
}
