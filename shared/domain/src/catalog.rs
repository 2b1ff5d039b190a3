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
    /// A reason the customer may pick on their page to dispute items (dispute kind only).
    pub customer_selectable: bool,
    /// Dispute kind only: the target resolution time in days. A case of this reason is due
    /// this many days after it opened, and *late* after that.
    pub target_days: Option<i64>,
    /// Dispute kind only: days past the deadline before a late case is escalated.
    pub escalation_days: Option<i64>,
}

impl Status {
    /// The label in `language` (`pt-BR`), else its primary language (`pt`), else English,
    /// else the code.
    pub fn label(&self, language: &str) -> &str {
        label_in(&self.labels, language).unwrap_or(&self.code)
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
        customer_selectable: kind == StatusKind::Dispute && typology != Some("administrative"),
        target_days: None,
        escalation_days: None,
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

/// The primary language of a tag: `pt` for `pt-BR`, `zh` for `zh-Hans`.
pub fn primary_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// A label from a language → label map: `language` (`pt-BR`), else its primary language
/// (`pt`), else English.
pub fn label_in<'a, M>(labels: &'a M, language: &str) -> Option<&'a str>
where
    M: LabelMap,
{
    let primary = primary_language(language);
    labels
        .label(language)
        .or_else(|| labels.label(primary))
        .or_else(|| labels.label("en"))
}

/// What [`label_in`] reads: any map from language tag to label.
pub trait LabelMap {
    fn label(&self, language: &str) -> Option<&str>;
}

impl LabelMap for std::collections::BTreeMap<String, String> {
    fn label(&self, language: &str) -> Option<&str> {
        self.get(language).map(String::as_str)
    }
}

impl LabelMap for std::collections::HashMap<String, String> {
    fn label(&self, language: &str) -> Option<&str> {
        self.get(language).map(String::as_str)
    }
}

/// The languages of the pages and of the default email templates: the 15 of the seeds'
/// site, English first (the fallback).
pub const PAGE_LANGUAGES: [&str; 15] = [
    "en", "fr", "de", "es", "it", "nl", "pt", "pt-BR", "pl", "ro", "hr", "sv", "tr", "ja",
    "zh-Hans",
];

/// A language tag as Settle stores it: a two-letter ISO 639-1 code (`en`), optionally with
/// a region (`pt-BR`) or a script (`zh-Hans`), in BCP 47's canonical case.
pub fn valid_language(l: &str) -> bool {
    let mut parts = l.split('-');
    let primary = parts.next().unwrap_or("");
    let ok_primary = primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase());
    let ok_rest = match (parts.next(), parts.next()) {
        (None, _) => true,
        (Some(r), None) if r.len() == 2 => r.bytes().all(|b| b.is_ascii_uppercase()),
        (Some(s), None) if s.len() == 4 => {
            let b = s.as_bytes();
            b[0].is_ascii_uppercase() && b[1..].iter().all(|b| b.is_ascii_lowercase())
        }
        _ => false,
    };
    ok_primary && ok_rest
}

/// The rules a status must keep, whoever edits it: a code of lowercase words, a typology
/// exactly when it is a dispute, an English label and only valid language codes.
/// At most ten years of target or escalation time.
pub const MAX_TARGET_DAYS: i64 = 3650;

/// The deadline of a case of a status with `target_days`, opened on `opened`.
pub fn deadline(opened: chrono::NaiveDate, target_days: Option<i64>) -> Option<chrono::NaiveDate> {
    target_days.and_then(|d| opened.checked_add_days(chrono::Days::new(d.max(0) as u64)))
}

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
            format!("{l:?} is not a language tag such as \"en\" or \"pt-BR\""),
        );
    }
    for (field, v) in [
        ("target_days", s.target_days),
        ("escalation_days", s.escalation_days),
    ] {
        match v {
            Some(_) if s.kind != StatusKind::Dispute => e.push(
                format!("/{field}"),
                Some(field),
                format!("only dispute statuses have {field}"),
            ),
            Some(d) if !(1..=MAX_TARGET_DAYS).contains(&d) => e.push(
                format!("/{field}"),
                Some(field),
                format!("{field} must be 1 to {MAX_TARGET_DAYS} days"),
            ),
            _ => {}
        }
    }
    if s.escalation_days.is_some() && s.target_days.is_none() {
        e.push(
            "/escalation_days",
            Some("escalation_days"),
            "escalation_days counts from the deadline: set target_days too",
        );
    }
    if s.customer_selectable && s.kind != StatusKind::Dispute {
        e.push(
            "/customer_selectable",
            Some("customer_selectable"),
            "only dispute statuses can be reasons a customer picks",
        );
    }
    e
}

/// The default statuses' labels in the other page languages (collectors and resolvers read
/// them; migration 6 adds them where an admin has not set that language).
pub const DEFAULT_LABELS_MORE: &[(&str, &[(&str, &str)])] = &[
    (
        "price_dispute",
        &[
            ("de", "Preisreklamation"),
            ("es", "Incidencia de precio"),
            ("it", "Contestazione prezzo"),
            ("nl", "Prijsgeschil"),
            ("pt", "Litígio de preço"),
            ("pt-BR", "Contestação de preço"),
            ("pl", "Reklamacja ceny"),
            ("ro", "Litigiu de preț"),
            ("hr", "Reklamacija cijene"),
            ("sv", "Prisreklamation"),
            ("tr", "Fiyat itirazı"),
            ("ja", "価格に関する係争"),
            ("zh-Hans", "价格争议"),
        ],
    ),
    (
        "quality_dispute",
        &[
            ("de", "Qualitätsreklamation"),
            ("es", "Incidencia de calidad"),
            ("it", "Contestazione qualità"),
            ("nl", "Kwaliteitsgeschil"),
            ("pt", "Litígio de qualidade"),
            ("pt-BR", "Contestação de qualidade"),
            ("pl", "Reklamacja jakości"),
            ("ro", "Litigiu de calitate"),
            ("hr", "Reklamacija kvalitete"),
            ("sv", "Kvalitetsreklamation"),
            ("tr", "Kalite itirazı"),
            ("ja", "品質に関する係争"),
            ("zh-Hans", "质量争议"),
        ],
    ),
    (
        "delivery_dispute",
        &[
            ("de", "Lieferreklamation"),
            ("es", "Incidencia de entrega"),
            ("it", "Contestazione consegna"),
            ("nl", "Leveringsgeschil"),
            ("pt", "Litígio de entrega"),
            ("pt-BR", "Contestação de entrega"),
            ("pl", "Reklamacja dostawy"),
            ("ro", "Litigiu de livrare"),
            ("hr", "Reklamacija isporuke"),
            ("sv", "Leveransreklamation"),
            ("tr", "Teslimat itirazı"),
            ("ja", "納品に関する係争"),
            ("zh-Hans", "交货争议"),
        ],
    ),
    (
        "administrative_dispute",
        &[
            ("de", "Administrative Reklamation"),
            ("es", "Incidencia administrativa"),
            ("it", "Contestazione amministrativa"),
            ("nl", "Administratief geschil"),
            ("pt", "Litígio administrativo"),
            ("pt-BR", "Contestação administrativa"),
            ("pl", "Reklamacja administracyjna"),
            ("ro", "Litigiu administrativ"),
            ("hr", "Administrativna reklamacija"),
            ("sv", "Administrativ reklamation"),
            ("tr", "İdari itiraz"),
            ("ja", "事務上の係争"),
            ("zh-Hans", "行政争议"),
        ],
    ),
    (
        "promise_to_pay",
        &[
            ("de", "Zahlungszusage"),
            ("es", "Promesa de pago"),
            ("it", "Promessa di pagamento"),
            ("nl", "Betalingsbelofte"),
            ("pt", "Promessa de pagamento"),
            ("pt-BR", "Promessa de pagamento"),
            ("pl", "Deklaracja zapłaty"),
            ("ro", "Promisiune de plată"),
            ("hr", "Obećanje plaćanja"),
            ("sv", "Betalningslöfte"),
            ("tr", "Ödeme sözü"),
            ("ja", "支払約束"),
            ("zh-Hans", "付款承诺"),
        ],
    ),
    (
        "payment_in_progress",
        &[
            ("de", "Zahlung in Bearbeitung"),
            ("es", "Pago en curso"),
            ("it", "Pagamento in corso"),
            ("nl", "Betaling in behandeling"),
            ("pt", "Pagamento em curso"),
            ("pt-BR", "Pagamento em andamento"),
            ("pl", "Płatność w toku"),
            ("ro", "Plată în curs"),
            ("hr", "Plaćanje u tijeku"),
            ("sv", "Betalning pågår"),
            ("tr", "Ödeme sürecinde"),
            ("ja", "支払手続中"),
            ("zh-Hans", "付款处理中"),
        ],
    ),
    (
        "dispute_resolved",
        &[
            ("de", "Reklamation geklärt"),
            ("es", "Incidencia resuelta"),
            ("it", "Contestazione risolta"),
            ("nl", "Geschil opgelost"),
            ("pt", "Litígio resolvido"),
            ("pt-BR", "Contestação resolvida"),
            ("pl", "Reklamacja rozwiązana"),
            ("ro", "Litigiu rezolvat"),
            ("hr", "Reklamacija riješena"),
            ("sv", "Reklamation löst"),
            ("tr", "İtiraz çözüldü"),
            ("ja", "係争解決済み"),
            ("zh-Hans", "争议已解决"),
        ],
    ),
];

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
    fn language_tags_are_two_letters_with_an_optional_region_or_script() {
        for ok in ["en", "fr", "pt-BR", "zh-Hans", "ja"] {
            assert!(valid_language(ok), "{ok}");
        }
        for bad in [
            "", "e", "EN", "eng", "pt-br", "pt_BR", "zh-hans", "zh-HANS", "en-", "en-US-x", "fr\n",
        ] {
            assert!(!valid_language(bad), "{bad:?}");
        }
        assert!(PAGE_LANGUAGES.iter().all(|l| valid_language(l)));
    }

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
        for (code, labels) in DEFAULT_LABELS_MORE {
            assert!(c.iter().any(|s| s.code == *code), "{code}");
            let tags: Vec<&str> = labels.iter().map(|(l, _)| *l).collect();
            let expected: Vec<&str> = PAGE_LANGUAGES[2..].to_vec();
            assert_eq!(tags, expected, "{code}");
        }
        assert_eq!(DEFAULT_LABELS_MORE.len(), c.len());
        let resolved = c.iter().find(|s| s.code == "dispute_resolved").unwrap();
        assert_eq!(resolved.label("fr"), "Litige résolu");
        assert_eq!(resolved.label("de"), "Dispute resolved");
        assert_eq!(resolved.label("fr-CA"), "Litige résolu");
        let mut m = std::collections::BTreeMap::new();
        m.insert("pt".to_string(), "PT".to_string());
        m.insert("pt-BR".to_string(), "BR".to_string());
        m.insert("en".to_string(), "EN".to_string());
        assert_eq!(label_in(&m, "pt-BR"), Some("BR"));
        assert_eq!(label_in(&m, "pt"), Some("PT"));
        assert_eq!(label_in(&m, "pt-AO"), Some("PT"));
        assert_eq!(label_in(&m, "zh-Hans"), Some("EN"));
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
