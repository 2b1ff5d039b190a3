//! CSV the app writes (exports, reports): RFC 4180 quoting, and cells neutralised so a
//! spreadsheet never runs them as formulas (CWE-1236).

/// One cell. A text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// prefixed with `'` so spreadsheets show it as text; a number (`-12.50`) is left as it is so
/// amounts stay numbers. Cells holding `,`, `"` or line breaks are quoted.
pub fn cell(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(s);
    let text = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A plain decimal number such as `-12.50` or `+3`: safe, and must stay a number.
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
        && digits.bytes().any(|b| b.is_ascii_digit())
}

/// One line: the cells joined by commas, ended by CRLF.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells
        .iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+33 1 23"), "'+33 1 23");
        assert_eq!(cell("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("-12.50"), "-12.50");
        assert_eq!(cell("+3"), "+3");
        assert_eq!(cell("-"), "'-");
        assert_eq!(cell("Acme SA"), "Acme SA");
    }

    #[test]
    fn rows_quote_what_needs_it() {
        assert_eq!(
            row(&["Acme, SA", "say \"hi\"", "a\nb", "10.00"]),
            "\"Acme, SA\",\"say \"\"hi\"\"\",\"a\nb\",10.00\r\n"
        );
    }
}
