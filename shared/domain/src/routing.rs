//! Routing rules: who resolves a new dispute when the collector names nobody.
//!
//! Rules are ordered by `position`; each may match the dispute status (the reason), the
//! customer's entity, the customer, and an amount range in one currency. The first rule that
//! matches names the resolver; none matching leaves the dispute without one, as before.

use serde::Serialize;

use crate::input::{Object, parse_object};
use crate::money::{Currency, amount_string, parse_amount, to_minor};
use crate::validation::Invalid;

/// A stored rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: i64,
    pub position: i64,
    pub status: Option<String>,
    pub entity: Option<String>,
    pub customer_id: Option<String>,
    pub currency: Option<Currency>,
    /// Bounds of the disputed total in `currency`, minor units, both inclusive.
    #[serde(skip)]
    pub min_minor: Option<i64>,
    #[serde(skip)]
    pub max_minor: Option<i64>,
    pub resolver_id: i64,
}

/// A rule as the API writes it (amounts as decimal strings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleView {
    pub id: i64,
    pub position: i64,
    pub status: Option<String>,
    pub entity: Option<String>,
    pub customer_id: Option<String>,
    pub currency: Option<&'static str>,
    pub min_amount: Option<String>,
    pub max_amount: Option<String>,
    pub resolver_id: i64,
}

impl Rule {
    pub fn view(&self) -> RuleView {
        let amount = |m: Option<i64>| match (m, self.currency) {
            (Some(m), Some(c)) => Some(amount_string(m, c)),
            _ => None,
        };
        RuleView {
            id: self.id,
            position: self.position,
            status: self.status.clone(),
            entity: self.entity.clone(),
            customer_id: self.customer_id.clone(),
            currency: self.currency.map(|c| c.code()),
            min_amount: amount(self.min_minor),
            max_amount: amount(self.max_minor),
            resolver_id: self.resolver_id,
        }
    }
}

/// What a new dispute offers the rules: its status, its customer's entity and id, and its
/// disputed total per currency (minor units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispute<'a> {
    pub status: &'a str,
    pub entity: &'a str,
    pub customer_id: &'a str,
    pub totals: &'a [(String, i64)],
}

impl Rule {
    /// Whether the rule matches: every condition it sets holds. An amount range holds when
    /// the dispute's total in the rule's currency lies within it.
    pub fn matches(&self, d: &Dispute) -> bool {
        let same = |want: &Option<String>, got: &str| want.as_deref().is_none_or(|w| w == got);
        if !(same(&self.status, d.status)
            && same(&self.entity, d.entity)
            && same(&self.customer_id, d.customer_id))
        {
            return false;
        }
        let Some(currency) = self.currency else {
            return true;
        };
        let Some((_, total)) = d.totals.iter().find(|(c, _)| c == currency.code()) else {
            return false;
        };
        self.min_minor.is_none_or(|m| *total >= m) && self.max_minor.is_none_or(|m| *total <= m)
    }
}

/// The first rule (by position, then id) that matches and whose resolver is active.
pub fn route<'r>(rules: &'r [Rule], d: &Dispute, active: impl Fn(i64) -> bool) -> Option<&'r Rule> {
    let mut ordered: Vec<&Rule> = rules.iter().collect();
    ordered.sort_by_key(|r| (r.position, r.id));
    ordered
        .into_iter()
        .find(|r| r.matches(d) && active(r.resolver_id))
}

/// Reads a rule body `{"position", "status"?, "entity"?, "customer_id"?, "currency"?,
/// "min_amount"?, "max_amount"?, "resolver_id"}`. An amount bound needs the currency it is
/// in; `min_amount` may not exceed `max_amount`. (`id` is the caller's.)
pub fn parse_rule(id: i64, body: &[u8]) -> Result<Rule, Invalid> {
    let map = parse_object(body)?;
    let mut errors = Invalid::default();
    let mut o = Object::new(&map, "", &mut errors);
    let position = o.opt_int("position");
    if !o.has("position") {
        o.err("position", "position is required: rules apply in its order");
    }
    let status = o.opt_text("status", 64);
    let entity = o.opt_text("entity", 64);
    let customer_id = o.opt_text("customer_id", 128);
    let currency_text = o.opt_text("currency", 3);
    // A bound is an amount or null; a blank one is refused, not read as "no bound".
    for field in ["min_amount", "max_amount"] {
        if matches!(o.raw(field), Some(serde_json::Value::String(s)) if s.trim().is_empty()) {
            o.err(
                field,
                format!("{field} must be an amount such as \"1000.00\", or null"),
            );
        }
    }
    let min = o.opt_text("min_amount", 32);
    let max = o.opt_text("max_amount", 32);
    let resolver_id = o.opt_int("resolver_id");
    if !o.has("resolver_id") {
        o.err(
            "resolver_id",
            "resolver_id is required: the resolver the rule names",
        );
    }
    o.finish(&[]);
    let currency = currency_text
        .as_deref()
        .and_then(|c| match Currency::parse(c) {
            Ok(c) => Some(c),
            Err(e) => {
                errors.push("/currency", Some("currency"), e);
                None
            }
        });
    let mut bound = |field: &'static str, v: &Option<String>| -> Option<i64> {
        let v = v.as_deref()?;
        let Some(c) = currency else {
            if currency_text.is_none() {
                errors.push(
                    format!("/{field}"),
                    Some(field),
                    format!("{field} needs the currency it is in"),
                );
            }
            return None;
        };
        match parse_amount(v, c).and_then(|d| to_minor(d, c)) {
            Ok(m) => Some(m),
            Err(e) => {
                errors.push(format!("/{field}"), Some(field), e);
                None
            }
        }
    };
    let min_minor = bound("min_amount", &min);
    let max_minor = bound("max_amount", &max);
    if let (Some(a), Some(b)) = (min_minor, max_minor)
        && a > b
    {
        errors.push(
            "/min_amount",
            Some("min_amount"),
            "min_amount is more than max_amount",
        );
    }
    for (field, v) in [("position", position), ("resolver_id", resolver_id)] {
        if v.is_none() && !errors.0.iter().any(|e| e.field.as_deref() == Some(field)) {
            errors.push(
                format!("/{field}"),
                Some(field),
                format!("{field} must be an integer"),
            );
        }
    }
    match (position, resolver_id) {
        (Some(position), Some(resolver_id)) if errors.is_empty() => Ok(Rule {
            id,
            position,
            status,
            entity,
            customer_id,
            currency,
            min_minor,
            max_minor,
            resolver_id,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: i64, position: i64, body: &str) -> Rule {
        parse_rule(
            id,
            format!(r#"{{"position": {position}, {body}}}"#).as_bytes(),
        )
        .unwrap()
    }

    fn dispute<'a>(status: &'a str, totals: &'a [(String, i64)]) -> Dispute<'a> {
        Dispute {
            status,
            entity: "FR01",
            customer_id: "C1",
            totals,
        }
    }

    #[test]
    fn the_first_matching_rule_with_an_active_resolver_names_the_resolver() {
        let rules = vec![
            // Overlapping: big price disputes in EUR go to 3, other price disputes to 2,
            // anything in FR01 to 1; C2's to 4 first of all.
            rule(10, 30, r#""entity": "FR01", "resolver_id": 1"#),
            rule(11, 20, r#""status": "price_dispute", "resolver_id": 2"#),
            rule(
                12,
                10,
                r#""status": "price_dispute", "currency": "EUR", "min_amount": "1000", "resolver_id": 3"#,
            ),
            rule(13, 0, r#""customer_id": "C2", "resolver_id": 4"#),
        ];
        let all = |_| true;
        let big = [("EUR".to_string(), 150_000)];
        let small = [("EUR".to_string(), 15_000)];
        let usd = [("USD".to_string(), 150_000)];
        let id = |d: &Dispute, active: &dyn Fn(i64) -> bool| route(&rules, d, active).map(|r| r.id);
        assert_eq!(id(&dispute("price_dispute", &big), &all), Some(12));
        assert_eq!(id(&dispute("price_dispute", &small), &all), Some(11));
        // The amount range is in EUR: a USD total does not match it.
        assert_eq!(id(&dispute("price_dispute", &usd), &all), Some(11));
        assert_eq!(id(&dispute("quality_dispute", &big), &all), Some(10));
        let c2 = Dispute {
            customer_id: "C2",
            ..dispute("price_dispute", &big)
        };
        assert_eq!(id(&c2, &all), Some(13));
        // Resolver 3 deactivated: the next rule.
        assert_eq!(id(&dispute("price_dispute", &big), &|r| r != 3), Some(11));
        // Elsewhere, nothing matches: no resolver, as before rules existed.
        let de = Dispute {
            entity: "DE01",
            ..dispute("quality_dispute", &big)
        };
        assert_eq!(id(&de, &all), None);
        // Bounds are inclusive.
        let r = rule(
            1,
            0,
            r#""currency": "EUR", "min_amount": "10", "max_amount": "20", "resolver_id": 1"#,
        );
        for (total, hit) in [(999, false), (1_000, true), (2_000, true), (2_001, false)] {
            let t = [("EUR".to_string(), total)];
            assert_eq!(r.matches(&dispute("x", &t)), hit, "{total}");
        }
        assert_eq!(r.view().min_amount.as_deref(), Some("10.00"));
    }

    #[test]
    fn rule_bodies_are_read_strictly() {
        for (body, field) in [
            (r#"{"resolver_id": 1}"#, "position"),
            (r#"{"position": 1}"#, "resolver_id"),
            (
                r#"{"position": 1, "resolver_id": 1, "min_amount": "10"}"#,
                "min_amount",
            ),
            (
                r#"{"position": 1, "resolver_id": 1, "currency": "EUR", "min_amount": "10.001"}"#,
                "min_amount",
            ),
            (
                r#"{"position": 1, "resolver_id": 1, "currency": "EUR", "min_amount": "20", "max_amount": "10"}"#,
                "min_amount",
            ),
            (
                r#"{"position": 1, "resolver_id": 1, "currency": "EURO"}"#,
                "currency",
            ),
            (r#"{"position": "1", "resolver_id": 1}"#, "position"),
            (
                r#"{"position": 1, "resolver_id": 1, "colour": "red"}"#,
                "colour",
            ),
            (r#"{"position": null, "resolver_id": 1}"#, "position"),
            (
                r#"{"position": 1, "resolver_id": 1, "currency": "EUR", "max_amount": ""}"#,
                "max_amount",
            ),
        ] {
            let e = parse_rule(0, body.as_bytes()).unwrap_err();
            assert!(
                e.0.iter().any(|f| f.field.as_deref() == Some(field)),
                "{body}: {e:?}"
            );
        }
    }
}
