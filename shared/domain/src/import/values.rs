//! Amounts and dates as exports write them, read strictly: every accepted spelling has one
//! meaning, and a value that could mean two things is refused, never guessed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which character separates the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecimalMark {
    #[serde(rename = ".")]
    Point,
    #[serde(rename = ",")]
    Comma,
}

impl DecimalMark {
    pub fn parse(s: &str) -> Option<DecimalMark> {
        match s {
            "." => Some(DecimalMark::Point),
            "," => Some(DecimalMark::Comma),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DecimalMark::Point => ".",
            DecimalMark::Comma => ",",
        }
    }

    fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }
}

/// Characters that group thousands besides the other mark: spaces (plain, no-break, narrow
/// no-break) and the Swiss apostrophe.
const GROUPING: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\''];

/// An amount's text split from its sign: `-1`, `+1`, `1-` (SAP's trailing minus), `(1)`
/// (accountants' parentheses) and `−1` (U+2212).
fn split_sign(s: &str) -> Result<(bool, &str), String> {
    let t = s.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    let (negative, body) =
        if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            (true, inner)
        } else if let Some(r) = t.strip_prefix(['-', '\u{2212}']) {
            (true, r)
        } else if let Some(r) = t.strip_suffix('-') {
            (true, r)
        } else if let Some(r) = t.strip_prefix('+') {
            (false, r)
        } else {
            (false, t)
        };
    let body = body.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    if body.is_empty() || body.contains(['-', '+', '(', ')', '\u{2212}']) {
        return Err(format!("{s:?} is not an amount"));
    }
    Ok((negative, body))
}

/// `body` (no sign) read with decimal mark `mark`: `1234.56` as a plain decimal, or `None`
/// when it is not a well-formed amount with that mark (groups of three after the first
/// group of one to three digits, one kind of grouping character, at most one mark).
fn with_mark(body: &str, mark: DecimalMark) -> Option<String> {
    let (int, frac) = match body.split_once(mark.char()) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let other = match mark {
        DecimalMark::Point => ',',
        DecimalMark::Comma => '.',
    };
    let is_group = |c: char| c == other || GROUPING.contains(&c);
    let mut separators = int.chars().filter(|c| is_group(*c));
    let digits: String = match separators.next() {
        None => int.to_string(),
        Some(first) => {
            if separators.any(|c| c != first) {
                return None;
            }
            let groups: Vec<&str> = int.split(first).collect();
            let well_formed = groups.iter().enumerate().all(|(i, g)| {
                g.bytes().all(|b| b.is_ascii_digit())
                    && if i == 0 {
                        (1..=3).contains(&g.len())
                    } else {
                        g.len() == 3
                    }
            });
            if !well_formed {
                return None;
            }
            groups.concat()
        }
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    })
}

/// What one amount's text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountReading {
    /// One meaning whatever the mark (`1234.5` with a point only reads with a point).
    Plain {
        negative: bool,
        value: String,
        /// The mark this spelling proves the file uses, if it proves one.
        proves: Option<DecimalMark>,
    },
    /// Reads two ways (`1.234`: one thousand two hundred thirty-four, or one point two three
    /// four).
    TwoWays {
        negative: bool,
        point: String,
        comma: String,
    },
}

/// Reads an amount without knowing the decimal mark.
pub fn read_amount(s: &str) -> Result<AmountReading, String> {
    let (negative, body) = split_sign(s)?;
    match (
        with_mark(body, DecimalMark::Point),
        with_mark(body, DecimalMark::Comma),
    ) {
        (Some(point), Some(comma)) if point == comma => Ok(AmountReading::Plain {
            negative,
            value: point,
            proves: None,
        }),
        (Some(point), Some(comma)) => Ok(AmountReading::TwoWays {
            negative,
            point,
            comma,
        }),
        (Some(value), None) => Ok(AmountReading::Plain {
            negative,
            value,
            proves: Some(DecimalMark::Point),
        }),
        (None, Some(value)) => Ok(AmountReading::Plain {
            negative,
            value,
            proves: Some(DecimalMark::Comma),
        }),
        (None, None) => Err(format!(
            "{s:?} is not an amount (such as 1234.56, 1.234,56, 1 234,56 or 155,22-)"
        )),
    }
}

/// Reads an amount with a known decimal mark: `(negative, plain decimal such as "1234.56")`.
pub fn read_amount_with(s: &str, mark: DecimalMark) -> Result<(bool, String), String> {
    let (negative, body) = split_sign(s)?;
    with_mark(body, mark).map(|v| (negative, v)).ok_or_else(|| {
        format!(
            "{s:?} is not an amount with {} as decimal mark",
            match mark {
                DecimalMark::Point => "a point",
                DecimalMark::Comma => "a comma",
            }
        )
    })
}

/// How dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateFormat {
    #[serde(rename = "yyyy-mm-dd")]
    Iso,
    #[serde(rename = "dd.mm.yyyy")]
    DayDot,
    #[serde(rename = "dd/mm/yyyy")]
    DaySlash,
    #[serde(rename = "mm/dd/yyyy")]
    MonthSlash,
    #[serde(rename = "yyyymmdd")]
    Compact,
}

impl DateFormat {
    pub const ALL: [DateFormat; 5] = [
        DateFormat::Iso,
        DateFormat::DayDot,
        DateFormat::DaySlash,
        DateFormat::MonthSlash,
        DateFormat::Compact,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DateFormat::Iso => "yyyy-mm-dd",
            DateFormat::DayDot => "dd.mm.yyyy",
            DateFormat::DaySlash => "dd/mm/yyyy",
            DateFormat::MonthSlash => "mm/dd/yyyy",
            DateFormat::Compact => "yyyymmdd",
        }
    }

    pub fn parse(s: &str) -> Option<DateFormat> {
        DateFormat::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// `s` read in this format, or `None`.
    pub fn read(self, s: &str) -> Option<NaiveDate> {
        let s = s.trim();
        let number = |p: &str, len: std::ops::RangeInclusive<usize>| -> Option<u32> {
            (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let three = |sep: char| -> Option<(&str, &str, &str)> {
            let mut parts = s.split(sep);
            let t = (parts.next()?, parts.next()?, parts.next()?);
            parts.next().is_none().then_some(t)
        };
        let (y, m, d) = match self {
            DateFormat::Iso => {
                let (y, m, d) = three('-')?;
                (number(y, 4..=4)?, number(m, 2..=2)?, number(d, 2..=2)?)
            }
            DateFormat::DayDot => {
                let (d, m, y) = three('.')?;
                (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?)
            }
            DateFormat::DaySlash => {
                let (d, m, y) = three('/')?;
                (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?)
            }
            DateFormat::MonthSlash => {
                let (m, d, y) = three('/')?;
                (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?)
            }
            DateFormat::Compact => {
                if s.len() != 8 {
                    return None;
                }
                (
                    number(&s[..4], 4..=4)?,
                    number(&s[4..6], 2..=2)?,
                    number(&s[6..], 2..=2)?,
                )
            }
        };
        NaiveDate::from_ymd_opt(y as i32, m, d)
    }
}

/// The one format that reads every date of a file, when the file does not say: `Ok(None)`
/// when no value is a date in any format (each is then refused with its row); an error with
/// the index of the date it names when several formats read them all (`03/04/2026` and
/// `05/06/2026`: day or month first?) or the dates are written in different formats.
pub fn date_format_of<'a>(
    dates: impl Iterator<Item = &'a str> + Clone,
) -> Result<Option<DateFormat>, (usize, String)> {
    let mut fits: Vec<DateFormat> = DateFormat::ALL.to_vec();
    let mut first: Option<&str> = None;
    // A value no format reads is its row's problem, not the file's.
    let readable = |s: &&str| DateFormat::ALL.iter().any(|f| f.read(s).is_some());
    for s in dates.clone().filter(readable) {
        first.get_or_insert(s);
        fits.retain(|f| f.read(s).is_some());
        if fits.is_empty() {
            break;
        }
    }
    let Some(first) = first else { return Ok(None) };
    match fits.as_slice() {
        [one] => Ok(Some(*one)),
        [] => {
            // The file mixes formats: name the first date not written like the first.
            let formats: Vec<DateFormat> = DateFormat::ALL
                .into_iter()
                .filter(|f| f.read(first).is_some())
                .collect();
            let (i, odd) = dates
                .clone()
                .enumerate()
                .find(|(_, s)| readable(s) && formats.iter().all(|f| f.read(s).is_none()))
                .unwrap_or((0, first));
            Err((
                i,
                format!(
                    "{odd:?} is not written like {first:?}: the file's dates must share one format"
                ),
            ))
        }
        _ => Err((
            0,
            format!(
                "dates such as {first:?} read both day-first and month-first: give the date format (dd/mm/yyyy or mm/dd/yyyy)"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> (bool, String, Option<DecimalMark>) {
        match read_amount(s).unwrap() {
            AmountReading::Plain {
                negative,
                value,
                proves,
            } => (negative, value, proves),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn every_spelling_of_the_issue_reads_one_way() {
        use DecimalMark::*;
        assert_eq!(plain("1234.56"), (false, "1234.56".into(), Some(Point)));
        assert_eq!(plain("1,234.56"), (false, "1234.56".into(), Some(Point)));
        assert_eq!(plain("1.234,56"), (false, "1234.56".into(), Some(Comma)));
        assert_eq!(plain("1 234,56"), (false, "1234.56".into(), Some(Comma)));
        assert_eq!(
            plain("1\u{a0}234,56"),
            (false, "1234.56".into(), Some(Comma))
        );
        assert_eq!(plain("1'234.56"), (false, "1234.56".into(), Some(Point)));
        assert_eq!(plain("155,22-"), (true, "155.22".into(), Some(Comma)));
        assert_eq!(plain("(155.22)"), (true, "155.22".into(), Some(Point)));
        assert_eq!(plain("-12"), (true, "12".into(), None));
        assert_eq!(plain("1 234 567"), (false, "1234567".into(), None));
        assert_eq!(
            plain("1.234.567,5"),
            (false, "1234567.5".into(), Some(Comma))
        );
        assert_eq!(plain("1,234,567"), (false, "1234567".into(), Some(Point)));
    }

    #[test]
    fn two_readings_are_reported_not_chosen() {
        assert_eq!(
            read_amount("1.234").unwrap(),
            AmountReading::TwoWays {
                negative: false,
                point: "1.234".into(),
                comma: "1234".into()
            }
        );
        assert!(matches!(
            read_amount("12,500-").unwrap(),
            AmountReading::TwoWays { negative: true, .. }
        ));
        assert_eq!(
            read_amount_with("1.234", DecimalMark::Comma).unwrap(),
            (false, "1234".into())
        );
        assert_eq!(
            read_amount_with("1.234", DecimalMark::Point).unwrap(),
            (false, "1.234".into())
        );
    }

    #[test]
    fn malformed_amounts_are_refused() {
        for bad in [
            "",
            "-",
            "abc",
            "1.2.3,4,5",
            "12,34,567.00",
            "1,2345.00",
            "1 234,567,8",
            "--5",
            "5--",
            "(5",
            "-(5)",
            "1e5",
            "0x10",
            "1,234 567.00",
            "12.",
            ",5",
            "1.234,56-7",
        ] {
            assert!(read_amount(bad).is_err(), "{bad:?} was read");
        }
        assert!(read_amount_with("1.234,56", DecimalMark::Point).is_err());
    }

    #[test]
    fn dates_in_every_format_and_impossible_ones_refused() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(DateFormat::Iso.read("2026-12-31"), Some(d("2026-12-31")));
        assert_eq!(DateFormat::DayDot.read("31.12.2026"), Some(d("2026-12-31")));
        assert_eq!(
            DateFormat::DaySlash.read("31/12/2026"),
            Some(d("2026-12-31"))
        );
        assert_eq!(
            DateFormat::MonthSlash.read("12/31/2026"),
            Some(d("2026-12-31"))
        );
        assert_eq!(DateFormat::Compact.read("20261231"), Some(d("2026-12-31")));
        assert_eq!(DateFormat::DayDot.read("1.2.2026"), Some(d("2026-02-01")));
        for (f, bad) in [
            (DateFormat::DayDot, "31.02.2026"),
            (DateFormat::Iso, "2026-13-01"),
            (DateFormat::Compact, "20260230"),
            (DateFormat::MonthSlash, "31/12/2026"),
            (DateFormat::DaySlash, "12/31/2026"),
            (DateFormat::DayDot, "31.12.26"),
            (DateFormat::Iso, "2026-1-01"),
        ] {
            assert_eq!(f.read(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_files_date_format_is_the_only_one_that_reads_every_date() {
        let of =
            |v: &[&str]| date_format_of(v.iter().copied()).map_err(|(i, m)| format!("{i}: {m}"));
        assert_eq!(of(&[]), Ok(None));
        assert_eq!(
            of(&["31.12.2026", "01.01.2027"]),
            Ok(Some(DateFormat::DayDot))
        );
        assert_eq!(
            of(&["03/04/2026", "25/04/2026"]),
            Ok(Some(DateFormat::DaySlash))
        );
        assert_eq!(
            of(&["03/04/2026", "04/25/2026"]),
            Ok(Some(DateFormat::MonthSlash))
        );
        assert!(
            of(&["03/04/2026", "05/06/2026"])
                .unwrap_err()
                .contains("day-first and month-first")
        );
        assert!(
            of(&["2026-01-01", "31.12.2026"])
                .unwrap_err()
                .starts_with("1: \"31.12.2026\" is not written like")
        );
        // A value that is no date at all is left to its row.
        assert_eq!(of(&["2026-01-01", "tomorrow"]), Ok(Some(DateFormat::Iso)));
        assert_eq!(of(&["31/04/2026"]), Ok(None), "April has 30 days");
    }
}
