//! Calendar dates (ISO 8601 `YYYY-MM-DD`) and UTC timestamps.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// Parses a strict `YYYY-MM-DD` date; impossible dates (`2025-02-30`) are errors.
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
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a real calendar date"))
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
