//! Configuration an administrator edits: statuses, resolvers, action models and email
//! templates. Nothing is deleted: deactivation keeps what items and history refer to, and
//! every change appends a `config_history` row (before and after, actor, time).

use std::collections::BTreeMap;

use serde::Serialize;
use settle_domain::actions::ResolverState;
use settle_domain::actions::{ActionModel, ActionType};
use settle_domain::catalog::{Status, StatusKind};

use crate::{Db, Result, RowExt, StoreError, Value};

/// Appends an audit row for a configuration change.
pub fn record(
    db: &impl Db,
    actor: &str,
    now: &str,
    kind: &str,
    key: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<()> {
    db.query(
        "INSERT INTO config_history (at, actor, kind, key, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        &[
            now.into(),
            actor.into(),
            kind.into(),
            key.into(),
            before.map(|b| b.to_string()).into(),
            after.map(|a| a.to_string()).into(),
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct ConfigChange {
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub key: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// The audit trail of one configuration record, oldest first.
pub fn history(db: &impl Db, kind: &str, key: &str) -> Result<Vec<ConfigChange>> {
    let r = db.query(
        "SELECT at, actor, kind, key, before, after FROM config_history
         WHERE kind = ? AND key = ? ORDER BY id",
        &[kind.into(), key.into()],
    )?;
    let json = |s: Option<String>| {
        s.and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Null)
    };
    r.map(|r| {
        Ok(ConfigChange {
            at: r.text(0)?,
            actor: r.text(1)?,
            kind: r.text(2)?,
            key: r.text(3)?,
            before: json(r.opt_text(4)?),
            after: json(r.opt_text(5)?),
        })
    })
}

// ---- statuses ----

/// A status with its configuration.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatusConfig {
    #[serde(flatten)]
    pub status: Status,
    pub action_model: Option<String>,
    /// How many open items carry it now.
    pub open_items: i64,
}

const STATUS_COLUMNS: &str =
    "s.code, s.kind, s.typology, s.labels, s.active, s.customer_visible, s.action_model,
     (SELECT count(*) FROM items i WHERE i.status_code = s.code AND i.open_minor > 0),
     s.customer_selectable, s.target_days, s.escalation_days";
/// The same without the usage count (which reads every open item carrying the status).
const STATUS_COLUMNS_LIGHT: &str =
    "s.code, s.kind, s.typology, s.labels, s.active, s.customer_visible, s.action_model, 0,
     s.customer_selectable, s.target_days, s.escalation_days";

fn status_row(r: &[Value]) -> Result<StatusConfig> {
    let code = r.text(0)?;
    let labels: BTreeMap<String, String> = serde_json::from_str(&r.text(3)?)
        .map_err(|e| StoreError(format!("bad labels of status {code}: {e}")))?;
    Ok(StatusConfig {
        status: Status {
            code,
            kind: r.parsed(1, "status kind", StatusKind::parse)?,
            typology: r.opt_text(2)?,
            labels,
            active: r.int(4)? != 0,
            customer_visible: r.int(5)? != 0,
            customer_selectable: r.int(8)? != 0,
            target_days: r.opt_int(9)?,
            escalation_days: r.opt_int(10)?,
        },
        action_model: r.opt_text(6)?,
        open_items: r.int(7)?,
    })
}

pub fn statuses(db: &impl Db) -> Result<Vec<StatusConfig>> {
    let r = db.query(
        &format!("SELECT {STATUS_COLUMNS} FROM statuses s ORDER BY s.position, s.code"),
        &[],
    )?;
    r.map(status_row)
}

/// Every status without its usage count (cheap: no scan of the items).
pub fn statuses_light(db: &impl Db) -> Result<Vec<StatusConfig>> {
    let r = db.query(
        &format!("SELECT {STATUS_COLUMNS_LIGHT} FROM statuses s ORDER BY s.position, s.code"),
        &[],
    )?;
    r.map(status_row)
}

/// A status with how many open items carry it (admin reads).
pub fn status(db: &impl Db, code: &str) -> Result<Option<StatusConfig>> {
    let r = db.query(
        &format!("SELECT {STATUS_COLUMNS} FROM statuses s WHERE s.code = ?"),
        &[code.into()],
    )?;
    r.map_first(status_row)
}

/// A status for applying it (`open_items` is not counted: 0).
pub fn status_to_apply(db: &impl Db, code: &str) -> Result<Option<StatusConfig>> {
    let r = db.query(
        &format!("SELECT {STATUS_COLUMNS_LIGHT} FROM statuses s WHERE s.code = ?"),
        &[code.into()],
    )?;
    r.map_first(status_row)
}

/// The status terminating a dispute follow-up applies: the first active one of kind
/// `resolved` ("Dispute resolved").
pub fn resolved_status(db: &impl Db) -> Result<Option<String>> {
    let r = db.query(
        "SELECT code FROM statuses WHERE kind = 'resolved' AND active = 1 ORDER BY position, code LIMIT 1",
        &[],
    )?;
    r.map_first(|r| r.text(0))
}

/// Is there a status with this code (active or not)?
pub fn status_exists(db: &impl Db, code: &str) -> Result<bool> {
    let r = db.query(
        "SELECT EXISTS (SELECT 1 FROM statuses WHERE code = ?)",
        &[code.into()],
    )?;
    Ok(r.single_int()? != 0)
}

/// Has any item ever carried this status (now or in its history)?
pub fn status_in_use(db: &impl Db, code: &str) -> Result<bool> {
    let r = db.query(
        "SELECT EXISTS (SELECT 1 FROM items WHERE status_code = ?)
             OR EXISTS (SELECT 1 FROM status_changes WHERE status_code = ?)",
        &[code.into(), code.into()],
    )?;
    Ok(r.single_int()? != 0)
}

/// Inserts or replaces the stored fields of a status (the caller checked the rules).
pub fn save_status(db: &impl Db, s: &Status, action_model: Option<&str>, new: bool) -> Result<()> {
    let labels = serde_json::to_string(&s.labels).unwrap_or_default();
    let params = vec![
        s.kind.as_str().into(),
        s.typology.as_deref().into(),
        labels.into(),
        s.active.into(),
        s.customer_visible.into(),
        s.customer_selectable.into(),
        action_model.into(),
        s.target_days.into(),
        s.escalation_days.into(),
        s.code.as_str().into(),
    ];
    if new {
        db.query(
            "INSERT INTO statuses (kind, typology, labels, active, customer_visible, customer_selectable,
                                   action_model, target_days, escalation_days, code, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM statuses))",
            &params,
        )?;
    } else {
        db.query(
            "UPDATE statuses SET kind = ?, typology = ?, labels = ?, active = ?, customer_visible = ?,
                 customer_selectable = ?, action_model = ?, target_days = ?, escalation_days = ?
             WHERE code = ?",
            &params,
        )?;
    }
    Ok(())
}

// ---- resolvers ----

pub use settle_domain::config::Resolver;

const RESOLVER_COLUMNS: &str =
    "id, name, email, role, language, active, created_at, updated_at, escalation_id";

fn resolver_row(r: &[Value]) -> Result<Resolver> {
    Ok(Resolver {
        id: r.int(0)?,
        name: r.text(1)?,
        email: r.text(2)?,
        role: r.text(3)?,
        language: r.text(4)?,
        active: r.int(5)? != 0,
        escalation_id: r.opt_int(8)?,
        created_at: r.text(6)?,
        updated_at: r.text(7)?,
    })
}

pub fn resolvers(db: &impl Db) -> Result<Vec<Resolver>> {
    let r = db.query(
        &format!("SELECT {RESOLVER_COLUMNS} FROM resolvers ORDER BY name, id"),
        &[],
    )?;
    r.map(resolver_row)
}

pub fn resolver(db: &impl Db, id: i64) -> Result<Option<Resolver>> {
    let r = db.query(
        &format!("SELECT {RESOLVER_COLUMNS} FROM resolvers WHERE id = ?"),
        &[id.into()],
    )?;
    r.map_first(resolver_row)
}

pub fn create_resolver(
    db: &impl Db,
    name: &str,
    email: &str,
    role: &str,
    language: &str,
    now: &str,
) -> Result<Resolver> {
    let r = db.query(
        &format!(
            "INSERT INTO resolvers (name, email, role, language, active, created_at, updated_at)
             VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING {RESOLVER_COLUMNS}"
        ),
        &[
            name.into(),
            email.into(),
            role.into(),
            language.into(),
            now.into(),
            now.into(),
        ],
    )?;
    r.map_first(resolver_row)?
        .ok_or_else(|| StoreError("insert returned nothing".into()))
}

/// The resolvers among `ids` that exist, as the rules check them (known, active).
pub fn resolver_states(db: &impl Db, ids: &[i64]) -> Result<Vec<ResolverState>> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(r) = resolver(db, *id)? {
            out.push(ResolverState {
                id: r.id,
                active: r.active,
            });
        }
    }
    Ok(out)
}

pub fn update_resolver(db: &impl Db, r: &Resolver, now: &str) -> Result<()> {
    db.query(
        "UPDATE resolvers SET name = ?, email = ?, role = ?, language = ?, active = ?,
             escalation_id = ?, updated_at = ?
         WHERE id = ?",
        &[
            r.name.as_str().into(),
            r.email.as_str().into(),
            r.role.as_str().into(),
            r.language.as_str().into(),
            r.active.into(),
            r.escalation_id.into(),
            now.into(),
            r.id.into(),
        ],
    )?;
    Ok(())
}

// ---- action models ----

const MODEL_COLUMNS: &str = "code, type, name, delay_days, active, labels";

fn model_row(r: &[Value]) -> Result<ActionModel> {
    Ok(ActionModel {
        code: r.text(0)?,
        action_type: r.parsed(1, "action type", ActionType::parse)?,
        name: r.text(2)?,
        delay_days: r.int(3)?,
        active: r.int(4)? != 0,
        labels: serde_json::from_str(&r.text(5)?)
            .map_err(|e| StoreError(format!("action model labels: {e}")))?,
    })
}

pub fn action_models(db: &impl Db) -> Result<Vec<ActionModel>> {
    let r = db.query(
        &format!("SELECT {MODEL_COLUMNS} FROM action_models ORDER BY code"),
        &[],
    )?;
    r.map(model_row)
}

pub fn action_model(db: &impl Db, code: &str) -> Result<Option<ActionModel>> {
    let r = db.query(
        &format!("SELECT {MODEL_COLUMNS} FROM action_models WHERE code = ?"),
        &[code.into()],
    )?;
    r.map_first(model_row)
}

pub fn save_action_model(db: &impl Db, m: &ActionModel, new: bool, now: &str) -> Result<()> {
    let params = vec![
        m.action_type.as_str().into(),
        m.name.as_str().into(),
        m.delay_days.into(),
        m.active.into(),
        now.into(),
        m.code.as_str().into(),
        serde_json::to_string(&m.labels)
            .unwrap_or_else(|_| "{}".into())
            .into(),
    ];
    if new {
        db.query(
            "INSERT INTO action_models (type, name, delay_days, active, updated_at, code, labels, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5)",
            &params,
        )?;
    } else {
        db.query(
            "UPDATE action_models SET type = ?1, name = ?2, delay_days = ?3, active = ?4, updated_at = ?5,
                    labels = ?7
             WHERE code = ?6",
            &params,
        )?;
    }
    Ok(())
}

// ---- email templates ----

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EmailTemplate {
    pub code: String,
    pub language: String,
    pub audience: String,
    pub subject: String,
    pub body: String,
    pub updated_at: String,
    pub updated_by: String,
}

const TEMPLATE_COLUMNS: &str = "code, language, audience, subject, body, updated_at, updated_by";

fn template_row(r: &[Value]) -> Result<EmailTemplate> {
    Ok(EmailTemplate {
        code: r.text(0)?,
        language: r.text(1)?,
        audience: r.text(2)?,
        subject: r.text(3)?,
        body: r.text(4)?,
        updated_at: r.text(5)?,
        updated_by: r.text(6)?,
    })
}

pub fn templates(db: &impl Db) -> Result<Vec<EmailTemplate>> {
    let r = db.query(
        &format!("SELECT {TEMPLATE_COLUMNS} FROM email_templates ORDER BY code, language"),
        &[],
    )?;
    r.map(template_row)
}

pub fn template(db: &impl Db, code: &str, language: &str) -> Result<Option<EmailTemplate>> {
    let r = db.query(
        &format!("SELECT {TEMPLATE_COLUMNS} FROM email_templates WHERE code = ? AND language = ?"),
        &[code.into(), language.into()],
    )?;
    r.map_first(template_row)
}

/// The template in `language`, else English, else any language it exists in.
pub fn template_for(db: &impl Db, code: &str, language: &str) -> Result<Option<EmailTemplate>> {
    let r = db.query(
        &format!(
            "SELECT {TEMPLATE_COLUMNS} FROM email_templates WHERE code = ?
             ORDER BY language = ? DESC, language = ? DESC, language = 'en' DESC, language LIMIT 1"
        ),
        &[
            code.into(),
            language.into(),
            settle_domain::catalog::primary_language(language).into(),
        ],
    )?;
    r.map_first(template_row)
}

pub fn save_template(db: &impl Db, t: &EmailTemplate) -> Result<()> {
    db.query(
        "INSERT INTO email_templates (code, language, audience, subject, body, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (code, language) DO UPDATE SET audience = excluded.audience,
             subject = excluded.subject, body = excluded.body,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        &[
            t.code.as_str().into(),
            t.language.as_str().into(),
            t.audience.as_str().into(),
            t.subject.as_str().into(),
            t.body.as_str().into(),
            t.updated_at.as_str().into(),
            t.updated_by.as_str().into(),
        ],
    )?;
    Ok(())
}

// ---- deleting what nothing refers to ----

/// Does anything refer to the status: an item (now or in its periods), a status change, a
/// resolution? Then it can only be deactivated.
pub fn status_referenced(db: &impl Db, code: &str) -> Result<bool> {
    let r = db.query(
        "SELECT EXISTS (SELECT 1 FROM items WHERE status_code = ?1)
             OR EXISTS (SELECT 1 FROM status_changes WHERE status_code = ?1)
             OR EXISTS (SELECT 1 FROM item_status_periods WHERE status_code = ?1)
             OR EXISTS (SELECT 1 FROM resolutions WHERE status_code = ?1)",
        &[code.into()],
    )?;
    Ok(r.single_int()? != 0)
}

/// Does anything refer to the resolver: an item, an action, a status change, a status
/// period, a resolution, a link, a case, a routing rule, another resolver escalating to it,
/// or something the resolver wrote?
pub fn resolver_referenced(db: &impl Db, id: i64) -> Result<bool> {
    let r = db.query(
        "SELECT EXISTS (SELECT 1 FROM items WHERE resolver_id = ?1)
             OR EXISTS (SELECT 1 FROM actions WHERE resolver_id = ?1)
             OR EXISTS (SELECT 1 FROM status_changes WHERE resolver_id = ?1)
             OR EXISTS (SELECT 1 FROM item_status_periods WHERE resolver_id = ?1)
             OR EXISTS (SELECT 1 FROM resolutions WHERE resolver_id = ?1)
             OR EXISTS (SELECT 1 FROM links WHERE audience = 'resolver' AND subject = CAST(?1 AS TEXT))
             OR EXISTS (SELECT 1 FROM item_history WHERE actor = 'resolver:' || ?1)
             OR EXISTS (SELECT 1 FROM action_history WHERE actor = 'resolver:' || ?1)
             OR EXISTS (SELECT 1 FROM disputes WHERE resolver_id = ?1)
             OR EXISTS (SELECT 1 FROM routing_rules WHERE resolver_id = ?1)
             OR EXISTS (SELECT 1 FROM resolvers WHERE escalation_id = ?1)",
        &[id.into()],
    )?;
    Ok(r.single_int()? != 0)
}

/// Does a status or an action refer to the action model?
pub fn model_referenced(db: &impl Db, code: &str) -> Result<bool> {
    let r = db.query(
        "SELECT EXISTS (SELECT 1 FROM statuses WHERE action_model = ?1)
             OR EXISTS (SELECT 1 FROM actions WHERE model = ?1)",
        &[code.into()],
    )?;
    Ok(r.single_int()? != 0)
}

/// Deletes a status nothing refers to ([`status_referenced`]); false when there was none.
pub fn delete_status(db: &impl Db, code: &str) -> Result<bool> {
    let r = db.query(
        "DELETE FROM statuses WHERE code = ? RETURNING code",
        &[code.into()],
    )?;
    Ok(!r.rows.is_empty())
}

/// Deletes a resolver nothing refers to ([`resolver_referenced`]).
pub fn delete_resolver(db: &impl Db, id: i64) -> Result<bool> {
    let r = db.query(
        "DELETE FROM resolvers WHERE id = ? RETURNING id",
        &[id.into()],
    )?;
    Ok(!r.rows.is_empty())
}

/// Deletes an action model nothing refers to ([`model_referenced`]).
pub fn delete_action_model(db: &impl Db, code: &str) -> Result<bool> {
    let r = db.query(
        "DELETE FROM action_models WHERE code = ? RETURNING code",
        &[code.into()],
    )?;
    Ok(!r.rows.is_empty())
}
