//! Item rows as the pages show them: every cell already in the reader's format. A statement
//! has hundreds of rows; formatting them here, once each, instead of through template
//! filters on a serialized `ItemView`, halves the render time of a 1,000-item page
//! (BENCHMARKS.md, "Pages").

use serde::Serialize;
use settle_store::ledger::ItemView;

use crate::i18n::{Arg, Messages};

/// One item of a table on a page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ItemRow {
    /// The ERP id (what the forms post back).
    pub id: String,
    pub number: String,
    pub issue_date: String,
    pub due_date: String,
    /// Amounts as the reader writes them; a credit (credit note, payment on account) with a
    /// minus sign, so it never reads as a debt.
    pub amount: String,
    pub open_amount: String,
    /// A credit: the row is marked with its kind.
    pub credit: bool,
    /// The item's kind in the reader's language (`Credit note`, `Avoir`).
    pub kind: String,
    pub overdue: bool,
    /// "12 days overdue", in the reader's language, when overdue.
    pub days_overdue: Option<String>,
    /// The status label as given (the caller picks the wording for its reader).
    pub status: Option<String>,
    /// The part of the open amount in dispute, while a dispute case is open.
    pub disputed_amount: Option<String>,
}

/// Is an item of this kind a credit (it counts against the customer)?
pub fn is_credit(kind: &str) -> bool {
    settle_domain::ledger::ItemKind::parse(kind).is_some_and(|k| k.sign() < 0)
}

/// Does an amount of an item of this kind show a minus sign? A credit that is not zero.
pub fn shows_minus(amount: &str, kind: &str) -> bool {
    is_credit(kind) && amount.chars().any(|c| ('1'..='9').contains(&c))
}

pub fn item_rows(m: &Messages, items: &[ItemView]) -> Vec<ItemRow> {
    items
        .iter()
        .map(|i| ItemRow {
            id: i.id.clone(),
            number: i.number.clone(),
            issue_date: m.date_str(&i.issue_date),
            due_date: m.date_str(&i.due_date),
            amount: m.item_money(&i.amount, &i.currency, &i.kind),
            open_amount: m.item_money(&i.open_amount, &i.currency, &i.kind),
            credit: is_credit(&i.kind),
            kind: m.kind_label(&i.kind),
            overdue: i.overdue,
            days_overdue: i
                .overdue
                .then(|| m.get("days-overdue", &[("days", Arg::Int(i.days_overdue))])),
            status: i.status.as_ref().map(|s| s.label.clone()),
            disputed_amount: i
                .disputed_amount
                .as_ref()
                .map(|d| m.item_money(d, &i.currency, &i.kind)),
        })
        .collect()
}

/// Action names as a reader reads them (`settle_domain::actions::shown_name`): the model's
/// label in the reader's language unless someone renamed the action; models read once.
pub struct ActionNames {
    models: std::collections::HashMap<String, settle_domain::actions::ActionModel>,
    language: String,
}

impl ActionNames {
    pub fn load(db: &impl settle_store::Db, language: &str) -> settle_store::Result<ActionNames> {
        Ok(ActionNames {
            models: settle_store::config::action_models(db)?
                .into_iter()
                .map(|m| (m.code.clone(), m))
                .collect(),
            language: language.to_string(),
        })
    }

    pub fn shown(&self, name: &str, model: Option<&str>) -> String {
        settle_domain::actions::shown_name(
            name,
            model.and_then(|m| self.models.get(m)),
            &self.language,
        )
    }
}
