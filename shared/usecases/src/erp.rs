//! ERP sync: a batch of customers, open items (delta or stock snapshot) or payments pushed
//! by an ERP (`/api/v1/erp/...`). A batch is one transaction: every bad row is refused
//! (by pointer or CSV line) and nothing is written. Payments close items, and closed items
//! leave the actions holding them (a dispute follow-up's disputed items resolve).

use serde::Serialize;
use settle_domain::erp::{self, CustomerIn, ItemBatch, PaymentIn, SyncMode};
use settle_store::ledger::{self, PaymentCounts, SyncCounts, WriteError};
use settle_store::{Db, actions};

use crate::{Done, Refusal, Who};

/// A parsed batch (`settle_domain::erp::parse_*`).
#[derive(Debug, Clone)]
pub enum Batch {
    Customers(Vec<CustomerIn>),
    Items(ItemBatch),
    Payments(Vec<PaymentIn>),
}

/// What a batch did, as the API answers it.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Synced {
    Customers {
        customers: SyncCounts,
    },
    Items {
        mode: &'static str,
        entity: Option<String>,
        items: SyncCounts,
    },
    Payments {
        payments: PaymentCounts,
    },
}

impl From<WriteError> for Refusal {
    fn from(e: WriteError) -> Refusal {
        match e {
            WriteError::Invalid(inv) => Refusal::Invalid(inv),
            WriteError::Conflict(inv) => Refusal::Conflict {
                code: "erp-conflict",
                message: inv.to_string(),
                fields: inv,
            },
            WriteError::Store(e) => Refusal::Store(e),
        }
    }
}

/// Applies `batch` inside the caller's transaction (the API writes its idempotency record
/// in the same one).
pub fn apply(db: &impl Db, batch: &Batch, who: &Who) -> Result<Done<Synced>, Refusal> {
    let (actor, now) = (who.actor.as_str(), who.at.as_str());
    Ok(Done::just(match batch {
        Batch::Customers(c) => Synced::Customers {
            customers: ledger::upsert_customers(db, c, now)?,
        },
        Batch::Items(b) => Synced::Items {
            mode: match b.mode {
                SyncMode::Delta => "delta",
                SyncMode::Stock => "stock",
            },
            entity: b.entity.clone(),
            items: ledger::sync_items(db, b, actor, now, who.today)?,
        },
        Batch::Payments(p) => {
            let counts = ledger::apply_payments(db, p, actor, now)?;
            // Closed items leave the actions holding them (and resolve their disputes).
            actions::items_paid(db, &counts.closed_items, actor, now)?;
            Synced::Payments { payments: counts }
        }
    }))
}

/// Reads a batch: `resource` is `customers`, `items` or `payments`; items may be CSV
/// (`mode`, `entity` from the query).
pub fn parse(
    resource: &str,
    raw: &[u8],
    csv: bool,
    mode: Option<&str>,
    entity: Option<&str>,
) -> Result<Batch, Refusal> {
    Ok(match resource {
        "customers" => Batch::Customers(erp::parse_customers(raw)?),
        "payments" => Batch::Payments(erp::parse_payments(raw)?),
        _ if csv => Batch::Items(erp::parse_items_csv(raw, mode, entity)?),
        _ => Batch::Items(erp::parse_items_json(raw)?),
    })
}
