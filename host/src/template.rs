//! Names and `{{ name }}` templates shared by the manifest (which checks them) and the
//! variables (which expand them): Spin's lower_snake_case variable names, kebab-case
//! component ids, and template references.

use anyhow::{Result, anyhow, bail};
use std::collections::HashMap;

/// Names of the application variables a template refers to, in order.
pub fn template_references(template: &str) -> Result<Vec<String>> {
    let mut refs = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            bail!("unclosed '{{{{' in {template:?}");
        };
        let name = after[..end].trim();
        check_variable_name(name)?;
        refs.push(name.to_string());
        rest = &after[end + 2..];
    }
    Ok(refs)
}

/// `template` with each `{{ name }}` replaced by its value.
pub fn expand(template: &str, values: &HashMap<String, String>) -> Result<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").unwrap_or(after.len());
        let name = after[..end].trim();
        match values.get(name) {
            Some(v) => out.push_str(v),
            None => bail!("application variable {name:?} has no value"),
        }
        rest = after.get(end + 2..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}

/// Spin variable names are lower_snake_case: start with a letter, letters/digits/underscores,
/// no `__`, end with a letter or digit.
pub fn check_variable_name(name: &str) -> Result<()> {
    check_case(name, '_')
        .map_err(|why| anyhow!("variable name {name:?} is not lower_snake_case: {why}"))
}

pub(crate) fn check_case(s: &str, sep: char) -> std::result::Result<(), &'static str> {
    let first = s.chars().next().ok_or("it is empty")?;
    if !first.is_ascii_lowercase() {
        return Err("it must start with a lowercase letter");
    }
    if s.chars()
        .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == sep))
    {
        return Err("only lowercase letters, digits and the separator are allowed");
    }
    if s.contains(&format!("{sep}{sep}")) {
        return Err("the separator must not be doubled");
    }
    if s.ends_with(sep) {
        return Err("it must end with a letter or digit");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parsing() {
        assert_eq!(
            template_references("a {{ b }} c {{d}}").unwrap(),
            vec!["b", "d"]
        );
        assert!(template_references("{{ open").is_err());
        assert!(template_references("{{ Bad }}").is_err());
    }

    #[test]
    fn expansion_needs_every_value() {
        let mut values = HashMap::new();
        values.insert("origin".to_string(), "https://mail.example.com".to_string());
        assert_eq!(
            expand("{{ origin }}/send", &values).unwrap(),
            "https://mail.example.com/send"
        );
        assert!(expand("{{ other }}", &values).is_err());
    }
}
