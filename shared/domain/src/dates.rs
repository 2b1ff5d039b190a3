//! Calendar dates (ISO 8601 `YYYY-MM-DD`) and UTC timestamps.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// The first and last years a date may fall in: business dates outside them are typing
/// mistakes (`0000-01-01`, `9999-12-31` as "never"), refused rather than stored.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2999;

/// Parses a strict `YYYY-MM-DD` date between [`FIRST_YEAR`] and [`LAST_YEAR`]; impossible
/// dates (`2025-02-30`, `0000-01-01`) are errors.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let bytes = s.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(format!("{s:?} is not a date in the form YYYY-MM-DD"));
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a real calendar date"))?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&d)) {
        return Err(format!(
            "{s:?} is out of range: dates run from {FIRST_YEAR} to {LAST_YEAR}"
        ));
    }
    Ok(d)
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A UTC timestamp as stored: RFC 3339 with millisecond precision and `Z`.
pub fn format_timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads a timestamp written by [`format_timestamp`] (any RFC 3339 offset, kept as UTC).
pub fn parse_timestamp(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{s:?} is not an RFC 3339 timestamp: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_out_of_range_are_refused() {
        for bad in [
            "0000-01-01",
            "0001-01-01",
            "1899-12-31",
            "3000-01-01",
            "9999-12-31",
        ] {
            assert!(
                parse_date(bad).unwrap_err().contains("out of range"),
                "{bad}"
            );
        }
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("2999-12-31").is_ok());
    }

    #[test]
    fn timestamps_round_trip() {
        let t = parse_timestamp("2025-03-01T12:30:00.250Z").unwrap();
        assert_eq!(format_timestamp(t), "2025-03-01T12:30:00.250Z");
        let t = parse_timestamp("2025-03-01T13:30:00+01:00").unwrap();
        assert_eq!(format_timestamp(t), "2025-03-01T12:30:00.000Z");
        assert!(parse_timestamp("2025-03-01").is_err());
    }

    #[test]
    fn strict_dates() {
        assert_eq!(
            parse_date("2025-03-31").unwrap(),
            NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()
        );
        assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-1-01",
            "25-01-01",
            "2025/01/01",
            "2025-01-01T00:00:00Z",
            "",
            "abcd-ef-gh",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timestamps_are_utc_z() {
        let t = DateTime::parse_from_rfc3339("2025-01-02T03:04:05.678+02:00")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(format_timestamp(t), "2025-01-02T01:04:05.678Z");
    }
}
