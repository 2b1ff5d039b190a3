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
    pub amount: String,
    pub open_amount: String,
    pub overdue: bool,
    /// "12 days overdue", in the reader's language, when overdue.
    pub days_overdue: Option<String>,
    /// The status label as given (the caller picks the wording for its reader).
    pub status: Option<String>,
}

pub fn item_rows(m: &Messages, items: &[ItemView]) -> Vec<ItemRow> {
    items
        .iter()
        .map(|i| ItemRow {
            id: i.id.clone(),
            number: i.number.clone(),
            issue_date: m.date_str(&i.issue_date),
            due_date: m.date_str(&i.due_date),
            amount: m.money_str(&i.amount, &i.currency),
            open_amount: m.money_str(&i.open_amount, &i.currency),
            overdue: i.overdue,
            days_overdue: i
                .overdue
                .then(|| m.get("days-overdue", &[("days", Arg::Int(i.days_overdue))])),
            status: i.status.as_ref().map(|s| s.label.clone()),
        })
        .collect()
}
