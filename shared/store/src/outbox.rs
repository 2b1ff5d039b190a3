//! Emails: what a template is rendered from ([`email_source`]), the signed links stored for
//! revocation, and the outbox of queued, sent and failed messages.

use serde::Serialize;
use settle_domain::links::Audience;
use settle_domain::money::Currency;
use settle_domain::templates::{EmailData, EmailItem};

use crate::{Db, Result, RowExt, StoreError, Value};

pub use settle_domain::templates::Regarding;

/// Everything an email about a dispute can show, as stored.
#[derive(Debug, Clone, Default)]
pub struct EmailSource {
    pub customer_key: i64,
    pub customer_id: String,
    pub customer_name: String,
    pub customer_email: Option<String>,
    pub customer_language: String,
    pub collector: Option<String>,
    pub entity: String,
    pub status_change_id: Option<i64>,
    pub action_id: Option<i64>,
    pub status_code: Option<String>,
    pub status_labels: String,
    pub status_date: Option<String>,
    pub comment: Option<String>,
    pub resolver: Option<crate::config::Resolver>,
    pub action_name: Option<String>,
    pub action_type: Option<String>,
    pub action_date: Option<String>,
    /// The items with their status label as JSON labels (resolved per language later).
    pub items: Vec<(EmailItem, String)>,
}

impl EmailSource {
    /// A status label in `language` from stored JSON labels.
    pub fn label(labels: &str, code: &str, language: &str) -> String {
        let map: std::collections::HashMap<String, String> =
            serde_json::from_str(labels).unwrap_or_default();
        settle_domain::catalog::label_in(&map, language)
            .unwrap_or(code)
            .to_string()
    }
}

impl EmailSource {
    /// What a template shows, in `language`: labels resolved, absent values empty.
    /// `collector` names the collector when the customer has none.
    pub fn email_data(
        &self,
        language: &str,
        collector: &str,
        today: chrono::NaiveDate,
    ) -> EmailData {
        let s = self;
        let lang = language;
        let label = |code: &str, labels: &str| EmailSource::label(labels, code, lang);
        EmailData {
            language: lang.to_string(),
            customer_name: s.customer_name.clone(),
            customer_id: s.customer_id.clone(),
            customer_email: s.customer_email.clone().unwrap_or_default(),
            entity: s.entity.clone(),
            items: s
                .items
                .iter()
                .map(|(item, labels)| {
                    let mut item = item.clone();
                    if !item.status.is_empty() {
                        item.status = label(&item.status, labels);
                    }
                    item
                })
                .collect(),
            status: s
                .status_code
                .as_deref()
                .map(|code| label(code, &s.status_labels))
                .unwrap_or_default(),
            status_date: s.status_date.clone().unwrap_or_default(),
            comment: s.comment.clone().unwrap_or_default(),
            resolver_name: s
                .resolver
                .as_ref()
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            resolver_email: s
                .resolver
                .as_ref()
                .map(|r| r.email.clone())
                .unwrap_or_default(),
            resolver_link: String::new(),
            customer_link: String::new(),
            collector_name: s.collector.clone().unwrap_or_else(|| collector.to_string()),
            action_name: s.action_name.clone().unwrap_or_default(),
            action_type: s.action_type.clone().unwrap_or_default(),
            action_date: s.action_date.clone().unwrap_or_default(),
            today: settle_domain::dates::format_date(today),
        }
    }
}

/// Loads what a template needs; `None` when the status change or action does not exist.
pub fn email_source(db: &impl Db, regarding: Regarding) -> Result<Option<EmailSource>> {
    let (customer_key, change, action_id) = match regarding {
        Regarding::StatusChange(id) => match crate::status_change::read(db, id)? {
            Some(c) => (c.customer_key, Some(c), None),
            None => return Ok(None),
        },
        Regarding::Action(id) => {
            let r = db.query("SELECT customer_id FROM actions WHERE id = ?", &[id.into()])?;
            match r.first() {
                Some(r) => (r.int(0)?, None, Some(id)),
                None => return Ok(None),
            }
        }
    };
    let action_id = action_id.or(change.as_ref().and_then(|c| c.action_id));
    let c = db.query(
        "SELECT erp_id, name, email, language, collector, entity FROM customers WHERE id = ?",
        &[customer_key.into()],
    )?;
    let c = c
        .first()
        .ok_or_else(|| StoreError(format!("customer {customer_key} is missing")))?;
    let mut src = EmailSource {
        customer_key,
        customer_id: c.text(0)?,
        customer_name: c.text(1)?,
        customer_email: c.opt_text(2)?,
        customer_language: c.text(3)?,
        collector: c.opt_text(4)?,
        entity: c.text(5)?,
        status_change_id: change.as_ref().map(|c| c.id),
        action_id,
        ..Default::default()
    };
    let mut resolver_id = change.as_ref().and_then(|c| c.resolver_id);
    if let Some(id) = action_id {
        let a = db.query(
            "SELECT name, type, due_date, resolver_id, comment, state FROM actions WHERE id = ?",
            &[id.into()],
        )?;
        if let Some(a) = a.first() {
            src.action_name = a.opt_text(0)?;
            src.action_type = a.opt_text(1)?;
            src.action_date = a.opt_text(2)?;
            // Whoever holds the live follow-up now (after a hand-over, not the resolver
            // first named) is who the email goes to.
            resolver_id = if a.text(5)? == "live" {
                a.opt_int(3)?.or(resolver_id)
            } else {
                resolver_id.or(a.opt_int(3)?)
            };
            if change.is_none() {
                src.comment = a.opt_text(4)?;
            }
        }
    }
    let (item_filter, item_param): (&str, Value) = match &change {
        Some(c) => (
            "i.id IN (SELECT item_id FROM status_change_items WHERE status_change_id = ?)",
            c.id.into(),
        ),
        None => ("i.action_id = ?", action_id.into()),
    };
    let rows = db.query(
        &format!(
            "SELECT i.number, i.kind, i.issue_date, i.due_date, i.amount_minor, i.open_minor, i.currency,
                    i.status_code, s.labels, i.status_date, i.status_comment, i.resolver_id,
                    i.disputed_minor
             FROM items i LEFT JOIN statuses s ON s.code = i.status_code
             WHERE {item_filter} ORDER BY i.due_date, i.id"
        ),
        &[item_param],
    )?;
    for r in &rows.rows {
        let currency = Currency::parse(&r.text(6)?).map_err(StoreError)?;
        src.items.push((
            EmailItem {
                number: r.text(0)?,
                kind: r.text(1)?,
                issue_date: r.text(2)?,
                due_date: r.text(3)?,
                amount_minor: r.int(4)?,
                open_minor: r.int(5)?,
                disputed_minor: r.int(12)?,
                currency,
                status: r.text(7)?,
            },
            r.text(8)?,
        ));
    }
    match &change {
        Some(c) => {
            src.status_code = Some(c.status.clone());
            src.status_date = Some(c.status_date.clone());
            src.comment = c.comment.clone();
        }
        None => {
            // An action's items share the status they were qualified with; take the first.
            if let Some(r) = rows.rows.first() {
                src.status_code = r.opt_text(7)?;
                src.status_date = r.opt_text(9)?;
                src.comment = src.comment.take().or(r.opt_text(10)?);
                resolver_id = resolver_id.or(r.opt_int(11)?);
            }
        }
    }
    if let Some(code) = &src.status_code {
        let s = db.query("SELECT labels FROM statuses WHERE code = ?", &[code.into()])?;
        src.status_labels = s.map_first(|r| r.text(0))?.unwrap_or_default();
    }
    if let Some(id) = resolver_id {
        src.resolver = crate::config::resolver(db, id)?;
    }
    Ok(Some(src))
}

// ---- links ----

/// A stored link (the token itself is never stored).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub id: i64,
    pub audience: String,
    pub subject: String,
    pub customer_id: String,
    pub status_change_id: Option<i64>,
    pub action_id: Option<i64>,
    pub expires_at: String,
    pub created_at: String,
    pub created_by: String,
    pub revoked_at: Option<String>,
    pub revoked_by: Option<String>,
}

#[allow(clippy::too_many_arguments)]
pub fn create_link(
    db: &impl Db,
    audience: Audience,
    subject: &str,
    customer_key: i64,
    status_change_id: Option<i64>,
    action_id: Option<i64>,
    expires_at: &str,
    actor: &str,
    now: &str,
) -> Result<i64> {
    let r = db.query(
        "INSERT INTO links (audience, subject, customer_id, status_change_id, action_id, expires_at,
                            created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &[
            audience.as_str().into(),
            subject.into(),
            customer_key.into(),
            status_change_id.into(),
            action_id.into(),
            expires_at.into(),
            now.into(),
            actor.into(),
        ],
    )?;
    r.single_int()
}

const LINK_COLUMNS: &str = "l.id, l.audience, l.subject, c.erp_id, l.status_change_id, l.action_id,
     l.expires_at, l.created_at, l.created_by, l.revoked_at, l.revoked_by";

fn link_row(r: &[Value]) -> Result<Link> {
    Ok(Link {
        id: r.int(0)?,
        audience: r.text(1)?,
        subject: r.text(2)?,
        customer_id: r.text(3)?,
        status_change_id: r.opt_int(4)?,
        action_id: r.opt_int(5)?,
        expires_at: r.text(6)?,
        created_at: r.text(7)?,
        created_by: r.text(8)?,
        revoked_at: r.opt_text(9)?,
        revoked_by: r.opt_text(10)?,
    })
}

pub fn link(db: &impl Db, id: i64) -> Result<Option<Link>> {
    let r = db.query(
        &format!(
            "SELECT {LINK_COLUMNS} FROM links l JOIN customers c ON c.id = l.customer_id
             WHERE l.id = ?"
        ),
        &[id.into()],
    )?;
    r.map_first(link_row)
}

/// The latest links, newest first (the admin screen that revokes them).
pub fn links(db: &impl Db, limit: usize) -> Result<Vec<Link>> {
    let r = db.query(
        &format!(
            "SELECT {LINK_COLUMNS} FROM links l JOIN customers c ON c.id = l.customer_id
             ORDER BY l.id DESC LIMIT ?"
        ),
        &[(limit as i64).into()],
    )?;
    r.map(link_row)
}

/// Revokes a link; `None` when unknown, `Some(false)` when already revoked.
pub fn revoke_link(db: &impl Db, id: i64, actor: &str, now: &str) -> Result<Option<bool>> {
    let r = db.query(
        "UPDATE links SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL
         RETURNING id",
        &[now.into(), actor.into(), id.into()],
    )?;
    if !r.rows.is_empty() {
        return Ok(Some(true));
    }
    Ok(link(db, id)?.map(|_| false))
}

/// Is the link revoked (or unknown, which is treated the same)?
pub fn link_revoked(db: &impl Db, id: i64) -> Result<bool> {
    Ok(link(db, id)?.is_none_or(|l| l.revoked_at.is_some()))
}

// ---- outbox ----

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Message {
    pub id: i64,
    pub template: String,
    pub language: String,
    pub audience: String,
    pub to: String,
    pub subject: String,
    pub customer_id: String,
    pub status_change_id: Option<i64>,
    pub action_id: Option<i64>,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: String,
    pub created_by: String,
    pub sent_at: Option<String>,
    pub updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A message to queue.
pub struct NewMessage<'a> {
    pub template: &'a str,
    pub language: &'a str,
    /// `resolver`, `customer` or `collector` (replies from the pages).
    pub audience: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub html: &'a str,
    pub text: &'a str,
    pub customer_key: i64,
    pub status_change_id: Option<i64>,
    pub action_id: Option<i64>,
}

pub fn enqueue(db: &impl Db, m: &NewMessage, actor: &str, now: &str) -> Result<i64> {
    let r = db.query(
        "INSERT INTO outbox (template, language, audience, to_addr, subject, html, text, customer_id,
                             status_change_id, action_id, state, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING id",
        &[
            m.template.into(),
            m.language.into(),
            m.audience.into(),
            m.to.into(),
            m.subject.into(),
            m.html.into(),
            m.text.into(),
            m.customer_key.into(),
            m.status_change_id.into(),
            m.action_id.into(),
            now.into(),
            actor.into(),
            now.into(),
        ],
    )?;
    r.single_int()
}

const MESSAGE_COLUMNS: &str =
    "o.id, o.template, o.language, o.audience, o.to_addr, o.subject, c.erp_id,
     o.status_change_id, o.action_id, o.state, o.attempts, o.last_error, o.created_at, o.created_by,
     o.sent_at, o.updated_at, o.html, o.text";

fn message_row(r: &[Value], with_body: bool) -> Result<Message> {
    Ok(Message {
        id: r.int(0)?,
        template: r.text(1)?,
        language: r.text(2)?,
        audience: r.text(3)?,
        to: r.text(4)?,
        subject: r.text(5)?,
        customer_id: r.text(6)?,
        status_change_id: r.opt_int(7)?,
        action_id: r.opt_int(8)?,
        state: r.text(9)?,
        attempts: r.int(10)?,
        last_error: r.opt_text(11)?,
        created_at: r.text(12)?,
        created_by: r.text(13)?,
        sent_at: r.opt_text(14)?,
        updated_at: r.text(15)?,
        html: if with_body { Some(r.text(16)?) } else { None },
        text: if with_body { Some(r.text(17)?) } else { None },
    })
}

pub fn message(db: &impl Db, id: i64) -> Result<Option<Message>> {
    let r = db.query(
        &format!(
            "SELECT {MESSAGE_COLUMNS} FROM outbox o JOIN customers c ON c.id = o.customer_id
             WHERE o.id = ?"
        ),
        &[id.into()],
    )?;
    r.map_first(|r| message_row(r, true))
}

/// Messages, newest first, optionally of one state, before a cursor id.
pub fn messages(
    db: &impl Db,
    state: Option<&str>,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<Message>> {
    let r = db.query(
        &format!(
            "SELECT {MESSAGE_COLUMNS} FROM outbox o JOIN customers c ON c.id = o.customer_id
             WHERE (?1 IS NULL OR o.state = ?1) AND (?2 IS NULL OR o.id < ?2)
             ORDER BY o.id DESC LIMIT ?3"
        ),
        &[state.into(), before.into(), (limit as i64).into()],
    )?;
    r.map(|r| message_row(r, false))
}

/// Ids of messages not sent yet (queued or failed), oldest first.
pub fn unsent(db: &impl Db, limit: usize) -> Result<Vec<i64>> {
    let r = db.query(
        "SELECT id FROM outbox WHERE state IN ('queued', 'failed') ORDER BY id LIMIT ?",
        &[(limit as i64).into()],
    )?;
    r.ints(0)
}

/// Records a delivery attempt: sent, or failed with the error.
pub fn record_attempt(db: &impl Db, id: i64, error: Option<&str>, now: &str) -> Result<()> {
    match error {
        None => db.query(
            "UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL,
                 sent_at = ?1, updated_at = ?1 WHERE id = ?2",
            &[now.into(), id.into()],
        )?,
        Some(e) => db.query(
            "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?1,
                 updated_at = ?2 WHERE id = ?3",
            &[e.into(), now.into(), id.into()],
        )?,
    };
    Ok(())
}
