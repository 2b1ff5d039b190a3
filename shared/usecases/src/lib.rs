//! The use cases: each write Settle offers is one function here, called by every adapter that
//! offers it (the API components, the console, the link pages).
//!
//! A use case takes typed input (the request body as the API's JSON object, which the domain's
//! reader checks, or a struct), runs its rule and its writes in **one transaction**, and
//! returns a typed result or a typed [`Refusal`] (field, code, message). It never speaks HTTP:
//! the adapters turn requests and forms into its input, and render its answer, with one
//! function per medium (`settle_web::refusal::problem` for problem+json,
//! `settle_pages::console::Failure::from` for pages). Side effects that must wait for the
//! commit (delivering an email, sending the outbound events) are returned as [`AfterCommit`]
//! steps, which one shared function runs (`settle_web::after_commit::run`).
//!
//! Use cases are generic over [`settle_store::Db`], so they are tested natively here
//! (`tests/`) and run unchanged inside components.

pub mod actions;
pub mod answers;
pub mod config;
pub mod disputes;
pub mod emails;
pub mod erp;
pub mod imports;
pub mod links;
pub mod routing;
pub mod status_change;
pub mod users;
pub mod webhooks;

use settle_domain::validation::Invalid;
use settle_store::StoreError;

/// Why a use case wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Bad input, every field in error with its JSON pointer (422; 400 when the body itself
    /// is malformed).
    Invalid(Invalid),
    /// The record the request names does not exist (404).
    NotFound(String),
    /// The request conflicts with what is stored (409): `code` is the problem type,
    /// `message` says what, `fields` the fields it is about when it is about some (each shown
    /// beside its field on a page).
    Conflict {
        code: &'static str,
        message: String,
        fields: Invalid,
    },
    /// The record changed since the caller read it (412): nothing was written; read it
    /// again.
    Stale(String),
    /// Over a size quota (413), with the field and the quota in the message.
    TooLarge(Invalid),
    /// Not allowed for this caller, or no longer possible through this door (403).
    Forbidden(String),
    /// The store failed (500, or 503 when it stayed busy); nothing was written.
    Store(StoreError),
}

impl settle_store::Busy for Refusal {
    fn is_busy(&self) -> bool {
        matches!(self, Refusal::Store(e) if e.is_busy())
    }
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Refusal {
        Refusal::Store(e)
    }
}

impl From<Invalid> for Refusal {
    fn from(e: Invalid) -> Refusal {
        Refusal::Invalid(e)
    }
}

impl Refusal {
    /// A conflict about one field.
    pub fn conflict(code: &'static str, field: &'static str, message: impl Into<String>) -> Self {
        let message = message.into();
        Refusal::Conflict {
            code,
            fields: Invalid::one(format!("/{field}"), Some(field), message.clone()),
            message,
        }
    }

    /// A conflict about the request as a whole (a record that exists already, one in use).
    pub fn conflict_about(code: &'static str, message: impl Into<String>) -> Self {
        Refusal::Conflict {
            code,
            message: message.into(),
            fields: Invalid::default(),
        }
    }

    /// The HTTP status every medium answers with.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Invalid(inv) if inv.0.len() == 1 && inv.0[0].pointer.is_empty() => 400,
            Refusal::Invalid(_) => 422,
            Refusal::NotFound(_) => 404,
            Refusal::Conflict { .. } => 409,
            Refusal::Stale(_) => 412,
            Refusal::TooLarge(_) => 413,
            Refusal::Forbidden(_) => 403,
            Refusal::Store(e) if e.is_busy() => 503,
            Refusal::Store(_) => 500,
        }
    }
}

/// A side effect to run once the transaction committed (never inside it: a rolled-back write
/// must not have sent anything).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterCommit {
    /// Deliver the queued outbox message with this id (when delivery is configured).
    DeliverEmail(i64),
    /// Attempt these webhook deliveries (their events were written with the change).
    DeliverWebhooks(Vec<i64>),
}

/// What a use case did: its result, and the steps to run after the commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done<T> {
    pub value: T,
    pub after: Vec<AfterCommit>,
}

impl<T> Done<T> {
    /// A result with nothing to do after the commit.
    pub fn just(value: T) -> Done<T> {
        Done {
            value,
            after: Vec::new(),
        }
    }
}

/// Who acts and when: the actor written in history rows, and the clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// `token:<id>:<name>`, `user:<id>:<email>`, `resolver:<id>`, `customer:<id>`, `erp`...
    pub actor: String,
    /// The UTC timestamp written with every row (`dates::timestamp`).
    pub at: String,
    /// Today's date (UTC).
    pub today: chrono::NaiveDate,
}

impl Who {
    /// `at` as a time (now, should it not read as one).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        settle_domain::dates::parse_timestamp(&self.at).unwrap_or_else(|_| chrono::Utc::now())
    }

    /// One clock reading for `actor`.
    pub fn at(actor: impl Into<String>, now: chrono::DateTime<chrono::Utc>) -> Who {
        Who {
            actor: actor.into(),
            at: settle_domain::dates::format_timestamp(now),
            today: now.date_naive(),
        }
    }
}
