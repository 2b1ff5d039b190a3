//! Input errors that name where they are: a JSON pointer (`/items/3/due_date`) or a CSV
//! position (`line 4, field due_date`).

use serde::Serialize;

/// One problem with one field of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// JSON pointer into the request body, or `line N` for CSV.
    pub pointer: String,
    /// The field name, when the error is about one field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
}

impl FieldError {
    pub fn new(
        pointer: impl Into<String>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> FieldError {
        FieldError {
            pointer: pointer.into(),
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

/// A rejected input: every error found, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    pub fn one(
        pointer: impl Into<String>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Invalid {
        Invalid(vec![FieldError::new(pointer, field, message)])
    }

    pub fn push(
        &mut self,
        pointer: impl Into<String>,
        field: Option<&str>,
        message: impl Into<String>,
    ) {
        self.0.push(FieldError::new(pointer, field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was found.
    pub fn into_result(self) -> Result<(), Invalid> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.pointer, e.message))
            .collect();
        write!(f, "{}", parts.join("; "))
    }
}

/// A light shape check: one `@`, something before, a dot in the domain, no spaces.
pub fn valid_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !e.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Characters that show nothing (Unicode's Default_Ignorable_Code_Point: zero-width spaces
/// and joiners, bidirectional marks, variation selectors, the BOM, tags...): a name or an
/// email holding one looks like another that does not.
pub fn invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// An email as Settle compares and stores it: compatibility-normalized (NFKC: a fullwidth
/// `ｇ` is `g`), without invisible characters, trimmed and lowercase. Two emails a person
/// cannot tell apart are the same email.
pub fn normalize_email(email: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    email
        .nfkc()
        .filter(|c| !invisible(*c))
        .collect::<String>()
        .trim()
        .to_lowercase()
}

#[cfg(test)]
mod email_tests {
    use super::*;

    #[test]
    fn look_alike_emails_normalize_to_one() {
        for look_alike in [
            "gina@corp.test",
            " Gina@Corp.Test ",
            "gina@corp.test\u{200B}",
            "\u{FEFF}gi\u{200D}na@corp.test",
            "\u{FF47}ina@corp.test",
            "ＧＩＮＡ＠ｃｏｒｐ．ｔｅｓｔ",
            "gina@corp.test\u{E0041}",
        ] {
            assert_eq!(
                normalize_email(look_alike),
                "gina@corp.test",
                "{look_alike:?}"
            );
        }
        assert_ne!(normalize_email("gina2@corp.test"), "gina@corp.test");
    }

    #[test]
    fn emails() {
        assert!(valid_email("a@b.co"));
        for bad in ["a", "@b.co", "a@b", "a@.b", "a b@c.d", "a@b.c@d"] {
            assert!(!valid_email(bad), "{bad}");
        }
    }
}
