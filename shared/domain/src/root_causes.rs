//! Root causes: why a dispute really happened, recorded on its case when it is resolved
//! (beside the reason the customer gave, its dispute status), with whether the dispute was
//! valid. A configurable list with labels in the pages' languages, like statuses.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{label_in, valid_code, valid_language};
use crate::input::Object;
use crate::validation::Invalid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RootCause {
    pub code: String,
    pub labels: BTreeMap<String, String>,
    pub active: bool,
}

impl RootCause {
    /// The label in `language`, else its primary language, else English, else the code.
    pub fn label(&self, language: &str) -> &str {
        label_in(&self.labels, language).unwrap_or(&self.code)
    }
}

/// A root cause body: `code` to create; `labels` (merged when editing; English required),
/// `active`.
pub fn read_root_cause(o: &mut Object, existing: Option<&RootCause>) -> RootCause {
    let mut rc = existing.cloned().unwrap_or(RootCause {
        code: String::new(),
        labels: BTreeMap::new(),
        active: true,
    });
    if let Some(e) = existing {
        // The code is the key: an edit may repeat it, never change it (nor blank it).
        if let Some(v) = o.raw("code")
            && v.as_str() != Some(e.code.as_str())
        {
            o.err(
                "code",
                format!(
                    "the code is the key: an edit cannot change it from {:?}",
                    e.code
                ),
            );
        }
    } else {
        rc.code = o.text("code", 64).unwrap_or_default();
        if !rc.code.is_empty() && !valid_code(&rc.code) {
            o.err(
                "code",
                format!(
                    "{:?} must be 2 to 64 lowercase letters, digits or _, starting with a letter",
                    rc.code
                ),
            );
        }
    }
    if let Some(labels) = o.opt_string_map("labels", 100) {
        rc.labels.extend(labels);
    }
    if let Some(a) = o.opt_bool("active") {
        rc.active = a;
    }
    if !rc.labels.contains_key("en") {
        o.err("labels", "an English label is required");
    }
    let bad: Vec<String> = rc
        .labels
        .keys()
        .filter(|l| !valid_language(l))
        .cloned()
        .collect();
    for l in bad {
        o.err(
            "labels",
            format!("{l:?} is not a language tag such as \"en\" or \"pt-BR\""),
        );
    }
    rc
}

/// What a case records when it is resolved: `{"root_cause": code | null, "valid": bool |
/// null}`; a field left out is unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finding {
    pub root_cause: Option<Option<String>>,
    pub valid: Option<Option<bool>>,
}

impl Finding {
    pub fn is_empty(&self) -> bool {
        self.root_cause.is_none() && self.valid.is_none()
    }
}

/// Reads the finding fields of a body (`root_cause`, `valid`).
pub fn read_finding(o: &mut Object) -> Finding {
    let root_cause = o.has("root_cause").then(|| o.opt_text("root_cause", 64));
    let valid = o.has("valid").then(|| o.opt_bool("valid"));
    Finding { root_cause, valid }
}

/// The root cause a finding names must be one of the list, and active.
pub fn check_root_cause(code: &str, found: Option<&RootCause>) -> Result<(), Invalid> {
    match found {
        Some(rc) if rc.active => Ok(()),
        Some(_) => Err(Invalid::one(
            "/root_cause",
            Some("root_cause"),
            format!("root cause {code:?} is deactivated"),
        )),
        None => Err(Invalid::one(
            "/root_cause",
            Some("root_cause"),
            format!("unknown root cause {code:?}"),
        )),
    }
}

/// The root causes a new database starts with, labelled in the pages' 15 languages.
pub fn default_root_causes() -> Vec<RootCause> {
    const LANGS: [&str; 15] = [
        "en", "fr", "de", "es", "it", "nl", "pt", "pt-BR", "pl", "ro", "hr", "sv", "tr", "ja",
        "zh-Hans",
    ];
    let rows: [(&str, [&str; 15]); 6] = [
        (
            "pricing_error",
            [
                "Pricing error",
                "Erreur de prix",
                "Preisfehler",
                "Error de precio",
                "Errore di prezzo",
                "Prijsfout",
                "Erro de preço",
                "Erro de preço",
                "Błąd ceny",
                "Eroare de preț",
                "Pogreška u cijeni",
                "Prisfel",
                "Fiyat hatası",
                "価格の誤り",
                "价格错误",
            ],
        ),
        (
            "delivery_damaged",
            [
                "Goods damaged in delivery",
                "Marchandise endommagée à la livraison",
                "Ware beim Transport beschädigt",
                "Mercancía dañada en la entrega",
                "Merce danneggiata durante la consegna",
                "Goederen beschadigd bij levering",
                "Mercadoria danificada na entrega",
                "Mercadoria danificada na entrega",
                "Towar uszkodzony w dostawie",
                "Marfă deteriorată la livrare",
                "Roba oštećena u isporuci",
                "Varor skadade vid leverans",
                "Teslimatta hasar görmüş ürün",
                "配送中の破損",
                "运输途中货物损坏",
            ],
        ),
        (
            "duplicate_billing",
            [
                "Duplicate billing",
                "Double facturation",
                "Doppelte Rechnungsstellung",
                "Facturación duplicada",
                "Fatturazione doppia",
                "Dubbele facturering",
                "Faturação duplicada",
                "Faturamento duplicado",
                "Podwójne fakturowanie",
                "Facturare dublă",
                "Dvostruko fakturiranje",
                "Dubbelfakturering",
                "Mükerrer faturalama",
                "二重請求",
                "重复开票",
            ],
        ),
        (
            "quantity_error",
            [
                "Wrong quantity delivered",
                "Erreur de quantité livrée",
                "Falsche Liefermenge",
                "Cantidad entregada errónea",
                "Quantità consegnata errata",
                "Verkeerde hoeveelheid geleverd",
                "Quantidade entregue errada",
                "Quantidade entregue errada",
                "Błędna ilość w dostawie",
                "Cantitate livrată greșită",
                "Pogrešna isporučena količina",
                "Fel levererad kvantitet",
                "Yanlış teslim miktarı",
                "納品数量の誤り",
                "交付数量错误",
            ],
        ),
        (
            "service_issue",
            [
                "Service not as agreed",
                "Prestation non conforme",
                "Leistung nicht wie vereinbart",
                "Servicio no conforme a lo acordado",
                "Servizio non conforme",
                "Dienst niet volgens afspraak",
                "Serviço não conforme o acordado",
                "Serviço não conforme o combinado",
                "Usługa niezgodna z umową",
                "Serviciu neconform",
                "Usluga nije kako je dogovoreno",
                "Tjänsten inte enligt avtal",
                "Hizmet anlaşmaya uygun değil",
                "合意と異なるサービス",
                "服务与约定不符",
            ],
        ),
        (
            "customer_error",
            [
                "Customer error",
                "Erreur du client",
                "Fehler des Kunden",
                "Error del cliente",
                "Errore del cliente",
                "Fout van de klant",
                "Erro do cliente",
                "Erro do cliente",
                "Błąd klienta",
                "Eroarea clientului",
                "Pogreška kupca",
                "Kundens misstag",
                "Müşteri hatası",
                "顧客側の誤り",
                "客户错误",
            ],
        ),
    ];
    rows.iter()
        .map(|(code, labels)| RootCause {
            code: code.to_string(),
            labels: LANGS
                .iter()
                .zip(labels)
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect(),
            active: true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_object;

    fn read(body: &str, existing: Option<&RootCause>) -> (RootCause, Invalid) {
        let map = parse_object(body.as_bytes()).unwrap();
        let mut e = Invalid::default();
        let mut o = Object::new(&map, "", &mut e);
        let rc = read_root_cause(&mut o, existing);
        o.finish(&[]);
        (rc, e)
    }

    #[test]
    fn the_defaults_are_labelled_in_every_language_and_valid() {
        let all = default_root_causes();
        assert_eq!(all.len(), 6);
        for rc in &all {
            assert_eq!(rc.labels.len(), 15, "{}", rc.code);
            assert!(valid_code(&rc.code));
            let distinct: std::collections::BTreeSet<&String> = rc.labels.values().collect();
            assert!(distinct.len() >= 13, "{}: translated, not copied", rc.code);
        }
        let damaged = &all[1];
        assert_eq!(damaged.label("tr"), "Teslimatta hasar görmüş ürün");
        assert_eq!(damaged.label("pt-BR"), "Mercadoria danificada na entrega");
        assert_eq!(damaged.label("xx"), "Goods damaged in delivery");
    }

    #[test]
    fn bodies_are_read_strictly() {
        let (rc, e) = read(
            r#"{"code": "wrong_vat", "labels": {"en": "Wrong VAT rate"}}"#,
            None,
        );
        assert!(e.is_empty(), "{e:?}");
        assert!(rc.active);
        for (body, field) in [
            (r#"{"code": "Wrong VAT", "labels": {"en": "x"}}"#, "code"),
            (
                r#"{"code": "wrong_vat", "labels": {"fr": "TVA"}}"#,
                "labels",
            ),
            (
                r#"{"code": "wrong_vat", "labels": {"english": "x", "en": "x"}}"#,
                "labels",
            ),
            (
                r#"{"code": "wrong_vat", "labels": {"en": "x"}, "active": "yes"}"#,
                "active",
            ),
            (
                r#"{"code": "wrong_vat", "labels": {"en": "x"}, "colour": 1}"#,
                "colour",
            ),
        ] {
            let (_, e) = read(body, None);
            assert!(
                e.0.iter().any(|f| f.field.as_deref() == Some(field)),
                "{body}: {e:?}"
            );
        }
        // Editing merges labels and keeps the code.
        let (edited, e) = read(
            r#"{"labels": {"fr": "Mauvais taux de TVA"}, "active": false}"#,
            Some(&rc),
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(edited.code, "wrong_vat");
        assert_eq!(edited.labels.len(), 2);
        // An edit may repeat its code, never change or blank it.
        assert!(read(r#"{"code": "wrong_vat"}"#, Some(&rc)).1.is_empty());
        for body in [r#"{"code": ""}"#, r#"{"code": "other"}"#, r#"{"code": 1}"#] {
            let (_, e) = read(body, Some(&rc));
            assert_eq!(e.0[0].pointer, "/code", "{body}");
        }
        assert!(!edited.active);
    }

    #[test]
    fn a_finding_names_an_active_root_cause() {
        let list = default_root_causes();
        assert!(check_root_cause("pricing_error", list.first()).is_ok());
        let off = RootCause {
            active: false,
            ..list[0].clone()
        };
        assert!(check_root_cause("pricing_error", Some(&off)).is_err());
        assert_eq!(
            check_root_cause("nope", None).unwrap_err().0[0].pointer,
            "/root_cause"
        );
        let map = parse_object(br#"{"root_cause": null, "valid": true}"#).unwrap();
        let mut e = Invalid::default();
        let mut o = Object::new(&map, "", &mut e);
        let f = read_finding(&mut o);
        assert_eq!(
            f,
            Finding {
                root_cause: Some(None),
                valid: Some(Some(true))
            }
        );
        assert!(Finding::default().is_empty());
    }
}
