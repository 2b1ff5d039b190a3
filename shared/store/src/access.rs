//! API tokens (stored hashed, shown once, revocable) and idempotency keys.

use serde::Serialize;
use settle_domain::auth::{Principal, Role};

use crate::{Db, Result, RowExt, StoreError, Value};

#[derive(Debug, Clone, Serialize)]
pub struct Token {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub created_at: String,
    pub created_by: String,
    pub revoked_at: Option<String>,
}

fn role(s: &str) -> Result<Role> {
    Role::parse(s).ok_or_else(|| StoreError(format!("bad role {s:?}")))
}

fn token(r: &[Value]) -> Result<Token> {
    Ok(Token {
        id: r.int(0)?,
        name: r.text(1)?,
        role: role(&r.text(2)?)?,
        created_at: r.text(3)?,
        created_by: r.text(4)?,
        revoked_at: r.opt_text(5)?,
    })
}

const TOKEN_COLUMNS: &str = "id, name, role, created_at, created_by, revoked_at";

/// Stores a token by its hash; the caller shows the token itself once.
pub fn create_token(
    db: &impl Db,
    name: &str,
    role: Role,
    token_hash: &str,
    by: &str,
    now: &str,
) -> Result<Token> {
    let r = db.query(
        &format!(
            "INSERT INTO api_tokens (name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)
             RETURNING {TOKEN_COLUMNS}"
        ),
        &[name.into(), role.as_str().into(), token_hash.into(), now.into(), by.into()],
    )?;
    token(
        r.first()
            .ok_or_else(|| StoreError("insert returned nothing".into()))?,
    )
}

pub fn list_tokens(db: &impl Db) -> Result<Vec<Token>> {
    let r = db.query(
        &format!("SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY id"),
        &[],
    )?;
    r.rows.iter().map(|r| token(r)).collect()
}

/// Revokes a live token; `Ok(None)` when no such token, `Ok(Some(false))` when already revoked.
pub fn revoke_token(db: &impl Db, id: i64, by: &str, now: &str) -> Result<Option<bool>> {
    let r = db.query(
        "SELECT revoked_at FROM api_tokens WHERE id = ?",
        &[id.into()],
    )?;
    let Some(row) = r.first() else {
        return Ok(None);
    };
    if row.opt_text(0)?.is_some() {
        return Ok(Some(false));
    }
    db.query(
        "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?",
        &[now.into(), by.into(), id.into()],
    )?;
    Ok(Some(true))
}

/// The principal of a live (not revoked) token, by its hash.
pub fn principal_for_token(db: &impl Db, token_hash: &str) -> Result<Option<Principal>> {
    let r = db.query(
        "SELECT id, name, role FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
        &[token_hash.into()],
    )?;
    r.first()
        .map(|r| {
            Ok(Principal {
                actor: format!("token:{}:{}", r.int(0)?, r.text(1)?),
                role: role(&r.text(2)?)?,
            })
        })
        .transpose()
}

/// A stored answer to a request made with an `Idempotency-Key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

pub fn idempotent_response(db: &impl Db, scope: &str, key: &str) -> Result<Option<StoredResponse>> {
    let r = db.query(
        "SELECT request_hash, status, response FROM idempotency_keys WHERE scope = ? AND key = ?",
        &[scope.into(), key.into()],
    )?;
    r.first()
        .map(|r| {
            Ok(StoredResponse {
                request_hash: r.text(0)?,
                status: u16::try_from(r.int(1)?).map_err(|e| StoreError(e.to_string()))?,
                body: r.text(2)?,
            })
        })
        .transpose()
}

pub fn save_idempotent_response(
    db: &impl Db,
    scope: &str,
    key: &str,
    stored: &StoredResponse,
    now: &str,
) -> Result<()> {
    db.query(
        "INSERT INTO idempotency_keys (scope, key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        &[
            scope.into(),
            key.into(),
            stored.request_hash.as_str().into(),
            (stored.status as i64).into(),
            stored.body.as_str().into(),
            now.into(),
        ],
    )?;
    Ok(())
}
