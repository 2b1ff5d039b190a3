//! Money: `rust_decimal` amounts with an ISO 4217 currency, never floats.
//!
//! Amounts travel as decimal strings (`"120.50"`) and are stored as integer minor units
//! (cents for EUR, yen for JPY, fils for KWD) so sums in the database stay exact.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::str::FromStr;

/// An active ISO 4217 currency and its number of decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: &'static str,
    exponent: u32,
}

impl Currency {
    /// Accepts an active, uppercase ISO 4217 code with minor units (`EUR`, `JPY`, `KWD`);
    /// superseded (`HRK`), special (`XAU`, `XXX`) and fund codes are refused.
    pub fn parse(code: &str) -> Result<Currency, String> {
        let bad = || format!("{code:?} is not an active ISO 4217 currency code");
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad());
        }
        let c = iso_currency::Currency::from_code(code).ok_or_else(bad)?;
        if c.is_special() || c.is_fund() || c.is_superseded().is_some() {
            return Err(bad());
        }
        let exponent = c.exponent().ok_or_else(bad)? as u32;
        Ok(Currency {
            code: c.code(),
            exponent,
        })
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The currency's symbol (`€`, `$`, `¥`, `zł`), or its code when it has none.
    pub fn symbol(&self) -> String {
        iso_currency::Currency::from_code(self.code)
            .map(|c| c.symbol().symbol)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| self.code.to_string())
    }

    /// Decimals of the minor unit: 2 for EUR, 0 for JPY, 3 for KWD.
    pub fn exponent(&self) -> u32 {
        self.exponent
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

/// Parses a non-negative decimal string with at most the currency's decimals.
/// Accepts `"120"`, `"120.5"`, `"120.50"`; refuses `"-1"`, `"1e3"`, `"1,5"`, `" 1"`, `"1.005"`
/// for EUR.
pub fn parse_amount(s: &str, currency: Currency) -> Result<Decimal, String> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if s.starts_with('-') {
        return Err(format!("{s:?} is negative; amounts must be zero or more"));
    }
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(format!("{s:?} is not a decimal number like \"120.50\""));
    }
    if int.len() > 15 {
        return Err(format!("{s:?} is too large"));
    }
    let decimals = frac.map_or(0, str::len) as u32;
    if decimals > currency.exponent() {
        return Err(format!(
            "{s:?} has {decimals} decimals; {} allows {}",
            currency.code(),
            currency.exponent()
        ));
    }
    Decimal::from_str(s).map_err(|e| format!("{s:?}: {e}"))
}

/// The largest amount one item or payment may carry, in minor units (a hundred trillion:
/// 1,000,000,000,000.00 EUR). With [`MAX_CUSTOMER_MINOR`] it keeps every per-customer sum
/// far inside `i64`.
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000_000_000;

/// The largest total of a customer's open amounts, in minor units (a thousand times
/// [`MAX_AMOUNT_MINOR`]). Sums over several customers, or over closed items, are made in
/// `i128`.
pub const MAX_CUSTOMER_MINOR: i64 = 1_000 * MAX_AMOUNT_MINOR;

/// The amount in minor units (`12.34 EUR` → `1234`), at most [`MAX_AMOUNT_MINOR`] either way.
pub fn to_minor(amount: Decimal, currency: Currency) -> Result<i64, String> {
    let scaled = amount * Decimal::from(10i64.pow(currency.exponent()));
    if scaled.fract() != Decimal::ZERO {
        return Err(format!(
            "{amount} has more decimals than {} allows",
            currency.code()
        ));
    }
    i64::try_from(scaled)
        .ok()
        .filter(|m| m.abs() <= MAX_AMOUNT_MINOR)
        .ok_or_else(|| {
            format!(
                "{amount} is too large: at most {} {}",
                from_minor(MAX_AMOUNT_MINOR, currency),
                currency.code()
            )
        })
}

/// Minor units back to a decimal with exactly the currency's decimals (`1234` → `12.34`).
pub fn from_minor(minor: i64, currency: Currency) -> Decimal {
    Decimal::new(minor, currency.exponent())
}

/// An amount with its currency; serializes the amount as a string with the currency's
/// decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub fn amount(&self) -> Decimal {
        from_minor(self.minor, self.currency)
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount(), self.currency)
    }
}

/// Serializes minor units as a decimal string with the currency's scale.
pub fn amount_string(minor: i64, currency: Currency) -> String {
    from_minor(minor, currency).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_bounded() {
        let eur = Currency::parse("EUR").unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(
            to_minor("1000000000000.00".parse().unwrap(), eur).unwrap(),
            MAX_AMOUNT_MINOR
        );
        let e = to_minor("1000000000000.01".parse().unwrap(), eur).unwrap_err();
        assert_eq!(
            e,
            "1000000000000.01 is too large: at most 1000000000000.00 EUR"
        );
        assert!(to_minor("999999999999999.99".parse().unwrap(), eur).is_err());
        assert!(to_minor("-1000000000000.01".parse().unwrap(), eur).is_err());
        assert!(to_minor("100000000000000".parse().unwrap(), jpy).is_ok());
        // A customer at the limit still sums far inside i64.
        assert!(MAX_CUSTOMER_MINOR.checked_mul(9).is_some());
    }
    use proptest::prelude::*;

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    #[test]
    fn currencies_and_minor_units() {
        assert_eq!(eur().exponent(), 2);
        assert_eq!(Currency::parse("JPY").unwrap().exponent(), 0);
        assert_eq!(Currency::parse("KWD").unwrap().exponent(), 3);
        for bad in ["eur", "EURO", "EU", "XXX", "XAU", "HRK", "ABC", ""] {
            assert!(Currency::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn amounts_are_strict() {
        assert_eq!(parse_amount("120.50", eur()).unwrap().to_string(), "120.50");
        assert_eq!(parse_amount("0", eur()).unwrap(), Decimal::ZERO);
        for bad in [
            "-1",
            "1e3",
            "1,5",
            " 1",
            "1.",
            ".5",
            "1.005",
            "+1",
            "",
            "abc",
            "1234567890123456",
        ] {
            assert!(parse_amount(bad, eur()).is_err(), "{bad}");
        }
        let jpy = Currency::parse("JPY").unwrap();
        assert!(parse_amount("100.5", jpy).is_err());
        assert!(parse_amount("100", jpy).is_ok());
    }

    #[test]
    fn minor_units_round_trip() {
        let a = parse_amount("12.3", eur()).unwrap();
        assert_eq!(to_minor(a, eur()).unwrap(), 1230);
        assert_eq!(from_minor(1230, eur()).to_string(), "12.30");
        assert_eq!(amount_string(-5, eur()), "-0.05");
        assert_eq!(amount_string(7, Currency::parse("KWD").unwrap()), "0.007");
    }

    proptest! {
        #[test]
        fn any_valid_amount_round_trips(minor in 0i64..=MAX_AMOUNT_MINOR) {
            let s = amount_string(minor, eur());
            let parsed = parse_amount(&s, eur()).unwrap();
            prop_assert_eq!(to_minor(parsed, eur()).unwrap(), minor);
        }
    }
}
