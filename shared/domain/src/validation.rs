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

#[cfg(test)]
mod email_tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(valid_email("a@b.co"));
        for bad in ["a", "@b.co", "a@b", "a@.b", "a b@c.d", "a@b.c@d"] {
            assert!(!valid_email(bad), "{bad}");
        }
    }
}
