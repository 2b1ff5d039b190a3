//! From the bytes of an uploaded file to a table: the text encoding, the separator, the
//! header row and the records, each with the line it starts on.

use serde::{Deserialize, Serialize};

use crate::validation::Invalid;

/// Text encodings an export may come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    /// Either end; the byte order mark says which.
    #[serde(rename = "utf-16")]
    Utf16,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    pub fn parse(s: &str) -> Option<Encoding> {
        match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "utf-16" | "utf16" => Some(Encoding::Utf16),
            "windows-1252" | "cp1252" => Some(Encoding::Windows1252),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// A byte order mark at the start of `bytes`: the encoding it says and its length.
fn bom_of(bytes: &[u8]) -> Option<(Encoding, bool, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((Encoding::Utf8, false, 3)),
        [0xFF, 0xFE, ..] => Some((Encoding::Utf16, false, 2)),
        [0xFE, 0xFF, ..] => Some((Encoding::Utf16, true, 2)),
        _ => None,
    }
}

/// The text of `bytes`: in `given` encoding, or as its byte order mark says, or UTF-8 when
/// it is valid UTF-8 and Windows-1252 when it is not. Returns the text and the encoding
/// read. Decoding is a library's, never a table kept here: UTF-8 and UTF-16 the standard
/// library's (`str::from_utf8`, `char::decode_utf16`), Windows-1252 `yore`'s CP1252 table.
/// (`encoding_rs` did this until its run-time dispatch linked every decoder it has, CJK
/// tables included, into each component that reads a file: the console's Import went over
/// the 2 MB budget.)
pub fn decode(bytes: &[u8], given: Option<Encoding>) -> Result<(String, Encoding), Invalid> {
    let refuse = |m: String| Invalid::one("encoding", Some("encoding"), m);
    let bom = bom_of(bytes);
    let found = bom.map(|(e, _, _)| e);
    if let (Some(g), Some(f)) = (given, found)
        && g != f
    {
        return Err(refuse(format!(
            "the file starts with a {} byte order mark, but the encoding given is {}",
            f.as_str(),
            g.as_str()
        )));
    }
    let encoding = match (given, found) {
        (_, Some(f)) => f,
        (Some(g), None) => g,
        (None, None) if std::str::from_utf8(bytes).is_ok() => Encoding::Utf8,
        (None, None) => Encoding::Windows1252,
    };
    let text = match (encoding, bom) {
        (Encoding::Utf16, Some((_, big_endian, len))) => {
            let body = &bytes[len..];
            if body.len() % 2 == 1 {
                return Err(refuse(
                    "the file is not valid UTF-16: an odd number of bytes".into(),
                ));
            }
            let units = body.chunks_exact(2).map(|p| {
                if big_endian {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            });
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .map_err(|_| refuse("the file is not valid UTF-16".into()))?
        }
        (Encoding::Utf16, None) => {
            return Err(refuse(
                "a UTF-16 file must start with its byte order mark (FF FE or FE FF)".into(),
            ));
        }
        (Encoding::Utf8, bom) => {
            let body = &bytes[bom.map_or(0, |(_, _, l)| l)..];
            std::str::from_utf8(body)
                .map_err(|e| {
                    refuse(format!(
                        "the file is not valid UTF-8 (byte {}): give encoding windows-1252 if it is",
                        e.valid_up_to()
                    ))
                })?
                .to_string()
        }
        // Every byte is a character (the five Microsoft leaves undefined read as the C1
        // controls, as WHATWG's windows-1252 does; a cell holding one is then refused).
        (Encoding::Windows1252, _) => yore::code_pages::CP1252.decode(bytes).into_owned(),
    };
    if bom.is_none() && given.is_none() && text.contains('\0') {
        return Err(refuse(
            "the file holds NUL characters: UTF-16 without a byte order mark? Export it with one, or as UTF-8".into(),
        ));
    }
    Ok((text, encoding))
}

/// The separators a file's columns may be split by.
pub const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

/// A separator as a request names it: `,` `;` `|`, or `tab` (or the tab itself).
pub fn parse_delimiter(s: &str) -> Option<char> {
    match s {
        "," => Some(','),
        ";" => Some(';'),
        "tab" | "\t" => Some('\t'),
        "|" => Some('|'),
        _ => None,
    }
}

/// How a separator is named back (`tab` for the tab).
pub fn delimiter_name(d: char) -> String {
    if d == '\t' {
        "tab".into()
    } else {
        d.to_string()
    }
}

/// The separator of a header row: the candidate found most often outside quotes; a tie is
/// refused (the caller may give it). A header without any is one column (`,`).
pub fn delimiter_of(header: &str) -> Result<char, String> {
    let mut counts = [0usize; DELIMITERS.len()];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = DELIMITERS.iter().position(|d| *d == c) {
            counts[i] += 1;
        }
    }
    let best = *counts.iter().max().unwrap_or(&0);
    let name = |c: char| {
        if c == '\t' {
            "tab".to_string()
        } else {
            format!("{c:?}")
        }
    };
    let top: Vec<char> = DELIMITERS
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n == best && best > 0)
        .map(|(d, _)| *d)
        .collect();
    match top.as_slice() {
        [one] => Ok(*one),
        [] => Ok(','),
        many => Err(format!(
            "the header row has as many {} as separators: give the delimiter",
            many.iter()
                .map(|c| name(*c))
                .collect::<Vec<_>>()
                .join(" and ")
        )),
    }
}

/// A file read as a table: its header's column names and its records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub delimiter: char,
    pub encoding: Encoding,
    pub header: Vec<String>,
    /// Each record with the line (1-based, in the file) it starts on.
    pub records: Vec<(usize, Vec<String>)>,
    /// Lines that are not records (wrong number of cells, a control character), by line.
    pub refused: Invalid,
}

/// How to read a file; what is `None` is found from the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: Option<char>,
    pub encoding: Option<Encoding>,
    /// Lines before the header row (report titles some ERPs write).
    pub skip_rows: usize,
}

/// Reads `bytes` as a table. Records must have as many cells as the header; blank lines
/// are skipped; a cell holding a control character other than a tab is refused (in
/// `refused`, by line: the other lines are still read, so every bad line is reported).
pub fn read_table(bytes: &[u8], dialect: &Dialect) -> Result<Table, Invalid> {
    let (text, encoding) = decode(bytes, dialect.encoding)?;
    // The lines before the header row.
    let mut start = 0;
    for n in 0..dialect.skip_rows {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => {
                return Err(Invalid::one(
                    "skip_rows",
                    Some("skip_rows"),
                    format!(
                        "the file has {n} lines: it cannot skip {}",
                        dialect.skip_rows
                    ),
                ));
            }
        }
    }
    let body = &text[start..];
    let header_line = body.lines().next().unwrap_or("");
    if header_line.trim().is_empty() {
        return Err(Invalid::one(
            format!("line {}", dialect.skip_rows + 1),
            None,
            "the file is empty: the first line must be the header row",
        ));
    }
    let delimiter = match dialect.delimiter {
        Some(d) => d,
        None => delimiter_of(header_line).map_err(|m| {
            Invalid::one(
                format!("line {}", dialect.skip_rows + 1),
                Some("delimiter"),
                m,
            )
        })?,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(true)
        .flexible(false)
        .from_reader(body.as_bytes());
    // Lines by byte offset (the csv crate does not count the blank lines it skips).
    let breaks: Vec<usize> = body
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_of = |p: Option<&csv::Position>| {
        let start = p.map_or(0, |p| p.byte() as usize);
        // A record's position is where the reader started, before the blank lines it skipped.
        let skipped = body.as_bytes()[start.min(body.len())..]
            .iter()
            .take_while(|b| **b == b'\n' || **b == b'\r')
            .count();
        breaks.partition_point(|b| *b < start + skipped) + 1 + dialect.skip_rows
    };
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|c| c.trim().trim_start_matches('\u{feff}').to_string())
            .collect(),
        Err(e) => {
            return Err(Invalid::one(
                format!("line {}", dialect.skip_rows + 1),
                None,
                format!("cannot read the header row: {e}"),
            ));
        }
    };
    let mut errors = Invalid::default();
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = line_of(r.position());
                if r.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if let Some((i, _)) = r
                    .iter()
                    .enumerate()
                    .find(|(_, c)| c.chars().any(|ch| ch.is_control() && ch != '\t'))
                {
                    errors.push(
                        format!("line {line}"),
                        Some(header.get(i).map_or("", String::as_str)),
                        "the cell holds a control character (a line break or NUL)",
                    );
                    continue;
                }
                records.push((line, r.iter().map(str::to_string).collect()));
            }
            Err(e) => {
                let line = line_of(e.position());
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!(
                        "the line has {len} cells where the header row has {expected_len} (separator {})",
                        if delimiter == '\t' {
                            "tab".to_string()
                        } else {
                            format!("{delimiter:?}")
                        }
                    ),
                    _ => format!("malformed CSV: {e}"),
                };
                errors.push(format!("line {line}"), None, message);
            }
        }
        if errors.0.len() > crate::erp::MAX_REPORTED_ERRORS {
            break;
        }
    }
    Ok(Table {
        delimiter,
        encoding,
        header,
        records,
        refused: errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut out = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            out.extend(u.to_be_bytes());
        }
        out
    }

    #[test]
    fn encodings_by_mark_by_validity_or_as_given() {
        let text = "Kunde;Betrag\nMüller GmbH;1.234,56\n";
        assert_eq!(
            decode(text.as_bytes(), None).unwrap(),
            (text.into(), Encoding::Utf8)
        );
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(
            decode(&with_bom, None).unwrap(),
            (text.into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(&utf16le(text), None).unwrap(),
            (text.into(), Encoding::Utf16)
        );
        assert_eq!(
            decode(&utf16be(text), Some(Encoding::Utf16)).unwrap().0,
            text
        );
        // ü is 0xFC and € 0x80 in Windows-1252: not UTF-8, so read as Windows-1252.
        let ansi = b"Kunde;Betrag\nM\xFCller \x80;1\n";
        assert_eq!(
            decode(ansi, None).unwrap(),
            ("Kunde;Betrag\nMüller €;1\n".into(), Encoding::Windows1252)
        );
        assert!(
            decode(ansi, Some(Encoding::Utf8))
                .unwrap_err()
                .to_string()
                .contains("not valid UTF-8")
        );
        assert!(decode(&utf16le(text), Some(Encoding::Windows1252)).is_err());
        assert!(
            decode(text.as_bytes(), Some(Encoding::Utf16)).is_err(),
            "UTF-16 needs its mark"
        );
        let no_bom: Vec<u8> = utf16le(text)[2..].to_vec();
        assert!(
            decode(&no_bom, None)
                .unwrap_err()
                .to_string()
                .contains("NUL")
        );
        assert!(
            decode(&[0xFF, 0xFE, 0x00], None)
                .unwrap_err()
                .to_string()
                .contains("not valid UTF-16")
        );
    }

    #[test]
    fn separators_are_found_in_the_header_or_refused() {
        assert_eq!(delimiter_of("a;b;c"), Ok(';'));
        assert_eq!(delimiter_of("a\tb\tc"), Ok('\t'));
        assert_eq!(delimiter_of("a|b"), Ok('|'));
        assert_eq!(delimiter_of("\"x;y\",b,c"), Ok(','));
        assert!(delimiter_of("a;b,c").unwrap_err().contains("as many"));
        assert_eq!(delimiter_of("only"), Ok(','), "one column");
    }

    #[test]
    fn a_table_keeps_its_lines_and_refuses_bad_rows() {
        let t = read_table(
            b"Report title\n\nA;B\n1;\"x\ny\"\n\n2;z\n",
            &Dialect {
                skip_rows: 2,
                ..Default::default()
            },
        );
        // A cell with a line break is refused, naming its line and column.
        let e = t.unwrap().refused;
        assert_eq!(e.0[0].pointer, "line 4");
        assert_eq!(e.0[0].field.as_deref(), Some("B"));
        let t = read_table(
            b"Report title\n\nA;B\n1;x\n\n2;z\n",
            &Dialect {
                skip_rows: 2,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(t.header, ["A", "B"]);
        assert_eq!(
            t.records,
            [
                (4, vec!["1".into(), "x".into()]),
                (6, vec!["2".into(), "z".into()])
            ]
        );
        assert!(t.refused.is_empty());
        let e = read_table(b"A;B\n1;2;3\n", &Dialect::default())
            .unwrap()
            .refused;
        assert_eq!(e.0[0].pointer, "line 2");
        assert!(
            e.0[0]
                .message
                .contains("3 cells where the header row has 2"),
            "{e}"
        );
        assert!(read_table(b"", &Dialect::default()).is_err());
        assert!(
            read_table(
                b"A;B\n",
                &Dialect {
                    skip_rows: 5,
                    ..Default::default()
                }
            )
            .is_err()
        );
    }
}

#[cfg(test)]
mod decoding {
    use super::*;

    #[test]
    fn each_encoding_decodes_as_its_standard_says() {
        // Windows-1252 (not UTF-8): the euro at 0x80, 0x81 as WHATWG reads it, ä.
        assert_eq!(
            decode(&[b'a', 0x80, 0x81, 0xE4], None).unwrap(),
            ("a€\u{81}ä".to_string(), Encoding::Windows1252)
        );
        // UTF-16 by its byte order mark, either end, with a character outside the BMP.
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("K;€😀".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("K;€😀".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [&le, &be] {
            assert_eq!(
                decode(bytes, None).unwrap(),
                ("K;€😀".to_string(), Encoding::Utf16)
            );
        }
        // An odd byte count, an unpaired surrogate: refused, never guessed.
        assert!(decode(&le[..le.len() - 1], None).is_err());
        assert!(decode(&[0xFF, 0xFE, 0x00, 0xD8, b'a', 0], None).is_err());
        // UTF-8 with its BOM; a BOM that contradicts the encoding given.
        assert_eq!(
            decode(&[0xEF, 0xBB, 0xBF, b'x'], None).unwrap(),
            ("x".to_string(), Encoding::Utf8)
        );
        assert!(decode(&le, Some(Encoding::Utf8)).is_err());
    }
}
