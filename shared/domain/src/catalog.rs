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

/// A code for configuration records: `price_dispute`, `dispute_follow_up`, `resolver_dispute`.
pub fn valid_code(code: &str) -> bool {
    (2..=64).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A two-letter ISO 639-1 language code such as `en`.
pub fn valid_language(l: &str) -> bool {
    l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase())
}

/// The rules a status must keep, whoever edits it: a code of lowercase words, a typology
/// exactly when it is a dispute, an English label and only valid language codes.
pub fn check_status(s: &Status) -> crate::Invalid {
    let mut e = crate::Invalid::default();
    if !valid_code(&s.code) {
        e.push(
            "/code",
            Some("code"),
            format!(
                "{:?} must be 2 to 64 lowercase letters, digits or _, starting with a letter",
                s.code
            ),
        );
    }
    match (s.kind, &s.typology) {
        (StatusKind::Dispute, None) => e.push(
            "/typology",
            Some("typology"),
            "a dispute status needs a typology (price, quality, delivery, administrative, ...)",
        ),
        (k, Some(_)) if k != StatusKind::Dispute => e.push(
            "/typology",
            Some("typology"),
            format!("only dispute statuses have a typology, not {}", k.as_str()),
        ),
        _ => {}
    }
    if !s.labels.contains_key("en") {
        e.push("/labels/en", Some("labels"), "an English label is required");
    }
    for l in s.labels.keys().filter(|l| !valid_language(l)) {
        e.push(
            format!("/labels/{l}"),
            Some("labels"),
            format!("{l:?} is not a two-letter language code"),
        );
    }
    e
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
    fn status_rules() {
        for s in default_catalog() {
            assert!(check_status(&s).is_empty(), "{}", s.code);
        }
        let mut s = default_catalog()[0].clone();
        s.code = "Price Dispute".into();
        s.typology = None;
        s.labels.remove("en");
        s.labels.insert("french".into(), "x".into());
        let e = check_status(&s);
        let pointers: Vec<&str> = e.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/code", "/typology", "/labels/en", "/labels/french"]
        );
        let mut info = default_catalog()[5].clone();
        info.typology = Some("price".into());
        assert_eq!(check_status(&info).0[0].pointer, "/typology");
        assert!(valid_code("ab_1") && !valid_code("a") && !valid_code("1a"));
        assert!(valid_language("fr") && !valid_language("FR") && !valid_language("fra"));
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
