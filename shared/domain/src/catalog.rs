//! The status catalog: how an item is qualified after customer feedback.
//!
//! The catalog is customizable; each status has a kind. `dispute` statuses carry a typology
//! (price, quality, delivery, administrative, ...). The default catalog below is seeded by
//! the first migration.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// The customer refuses to pay for a reason (a typology says which).
    Dispute,
    /// The customer promised to pay by a date.
    Promise,
    /// Information such as "payment in progress".
    Info,
    /// "Dispute resolved": the item is collectable again.
    Resolved,
}

impl StatusKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            StatusKind::Dispute => "dispute",
            StatusKind::Promise => "promise",
            StatusKind::Info => "info",
            StatusKind::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<StatusKind> {
        Some(match s {
            "dispute" => StatusKind::Dispute,
            "promise" => StatusKind::Promise,
            "info" => StatusKind::Info,
            "resolved" => StatusKind::Resolved,
            _ => return None,
        })
    }
}

/// One status of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    pub code: String,
    pub kind: StatusKind,
    /// For `dispute` statuses: price, quality, delivery, administrative, ...
    pub typology: Option<String>,
    /// Label per language (`en`, `fr`, ...).
    pub labels: BTreeMap<String, String>,
    pub active: bool,
    pub customer_visible: bool,
}

impl Status {
    /// The label in `language`, else English, else the code.
    pub fn label(&self, language: &str) -> &str {
        self.labels
            .get(language)
            .or_else(|| self.labels.get("en"))
            .map(String::as_str)
            .unwrap_or(&self.code)
    }
}

fn status(
    code: &str,
    kind: StatusKind,
    typology: Option<&str>,
    en: &str,
    fr: &str,
    visible: bool,
) -> Status {
    Status {
        code: code.to_string(),
        kind,
        typology: typology.map(str::to_string),
        labels: BTreeMap::from([
            ("en".to_string(), en.to_string()),
            ("fr".to_string(), fr.to_string()),
        ]),
        active: true,
        customer_visible: visible,
    }
}

/// The catalog a new installation starts with.
pub fn default_catalog() -> Vec<Status> {
    use StatusKind::*;
    vec![
        status(
            "price_dispute",
            Dispute,
            Some("price"),
            "Price dispute",
            "Litige prix",
            true,
        ),
        status(
            "quality_dispute",
            Dispute,
            Some("quality"),
            "Quality dispute",
            "Litige qualité",
            true,
        ),
        status(
            "delivery_dispute",
            Dispute,
            Some("delivery"),
            "Delivery dispute",
            "Litige livraison",
            true,
        ),
        status(
            "administrative_dispute",
            Dispute,
            Some("administrative"),
            "Administrative dispute",
            "Litige administratif",
            true,
        ),
        status(
            "promise_to_pay",
            Promise,
            None,
            "Promise to pay",
            "Promesse de paiement",
            true,
        ),
        status(
            "payment_in_progress",
            Info,
            None,
            "Payment in progress",
            "Paiement en cours",
            true,
        ),
        status(
            "dispute_resolved",
            Resolved,
            None,
            "Dispute resolved",
            "Litige résolu",
            true,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_catalog_has_every_kind_and_both_languages() {
        let c = default_catalog();
        assert_eq!(
            c.iter().filter(|s| s.kind == StatusKind::Dispute).count(),
            4
        );
        for kind in [StatusKind::Promise, StatusKind::Info, StatusKind::Resolved] {
            assert!(c.iter().any(|s| s.kind == kind));
        }
        for s in &c {
            assert!(
                s.labels.contains_key("en") && s.labels.contains_key("fr"),
                "{}",
                s.code
            );
            assert_eq!(
                s.typology.is_some(),
                s.kind == StatusKind::Dispute,
                "{}",
                s.code
            );
        }
        let resolved = c.iter().find(|s| s.code == "dispute_resolved").unwrap();
        assert_eq!(resolved.label("fr"), "Litige résolu");
        assert_eq!(resolved.label("de"), "Dispute resolved");
    }

    #[test]
    fn kinds_parse_and_print() {
        for k in [
            StatusKind::Dispute,
            StatusKind::Promise,
            StatusKind::Info,
            StatusKind::Resolved,
        ] {
            assert_eq!(StatusKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(StatusKind::parse("other"), None);
    }
}
