//! Reading JSON request objects field by field, collecting every error with its JSON pointer.
//!
//! `serde`'s derive stops at the first error and names no pointer; API clients want the whole
//! list (`/item_ids/2: unknown item`, `/comment: required`). [`Object`] reads one JSON object,
//! refuses fields it was not asked about, and pushes errors into an [`Invalid`].

use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

use crate::dates::parse_date;
use crate::validation::Invalid;

/// Parses a body that must be a JSON object; a malformed body is one error at pointer `""`.
pub fn parse_object(body: &[u8]) -> Result<Map<String, Value>, Invalid> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(Invalid::one("", None, "the body must be a JSON object")),
        Err(e) => Err(Invalid::one(
            "",
            None,
            format!(
                "the body is not valid JSON: {e} (line {}, column {})",
                e.line(),
                e.column()
            ),
        )),
    }
}

/// A JSON number as an integer when it has no fractional part: `3` and `3.0` alike (JSON
/// Schema's `integer`, which is what the OpenAPI document promises clients).
pub fn integer(n: &serde_json::Number) -> Option<i64> {
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    // Exactly representable floats only: |x| <= 2^53.
    let f = n.as_f64()?;
    (f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0).then_some(f as i64)
}

/// Does `s` hold a control character (C0, DEL, C1)? Line breaks and tabs are allowed in
/// multi-line text only.
pub fn has_control(s: &str, multiline: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

fn control_message(field: &str, multiline: bool) -> String {
    if multiline {
        format!("{field} must not contain control characters (line breaks and tabs are fine)")
    } else {
        format!("{field} must not contain control characters (line breaks, tabs, U+0000-U+001F)")
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One JSON object being read; `at` is its pointer (`""` for the body itself).
pub struct Object<'a> {
    map: &'a Map<String, Value>,
    at: String,
    read: BTreeSet<&'static str>,
    pub errors: &'a mut Invalid,
}

impl<'a> Object<'a> {
    pub fn new(map: &'a Map<String, Value>, at: &str, errors: &'a mut Invalid) -> Object<'a> {
        Object {
            map,
            at: at.to_string(),
            read: BTreeSet::new(),
            errors,
        }
    }

    pub fn pointer(&self, field: &str) -> String {
        format!("{}/{field}", self.at)
    }

    pub fn err(&mut self, field: &str, message: impl Into<String>) {
        let p = self.pointer(field);
        self.errors.push(p, Some(field), message);
    }

    /// The raw value, `None` when absent or null.
    pub fn raw(&mut self, field: &'static str) -> Option<&'a Value> {
        self.read.insert(field);
        self.map.get(field).filter(|v| !v.is_null())
    }

    pub fn has(&self, field: &str) -> bool {
        self.map.contains_key(field)
    }

    /// Whether the field is present with the value `null`.
    pub fn raw_is_null(&self, field: &str) -> bool {
        self.map.get(field).is_some_and(Value::is_null)
    }

    fn wrong(&mut self, field: &str, expected: &str, v: &Value) {
        self.err(
            field,
            format!("{field} must be {expected}, not {}", type_name(v)),
        );
    }

    /// An optional one-line string, trimmed; empty counts as absent. Longer than `max`, or
    /// holding a control character (line breaks and tabs included), is an error.
    pub fn opt_text(&mut self, field: &'static str, max: usize) -> Option<String> {
        self.read_text(field, max, false)
    }

    /// An optional multi-line string (a comment): as [`Object::opt_text`], but line breaks
    /// and tabs are allowed; other control characters are not.
    pub fn opt_multiline(&mut self, field: &'static str, max: usize) -> Option<String> {
        self.read_text(field, max, true)
    }

    /// An optional keyword (an enum value, a code): absent or null is "not given", but a
    /// blank string is an error, never a silent "unchanged".
    pub fn opt_choice(&mut self, field: &'static str, max: usize) -> Option<String> {
        if matches!(self.map.get(field), Some(Value::String(s)) if s.trim().is_empty()) {
            self.read.insert(field);
            self.err(field, format!("{field} must not be blank"));
            return None;
        }
        self.opt_text(field, max)
    }

    fn read_text(&mut self, field: &'static str, max: usize, multiline: bool) -> Option<String> {
        match self.raw(field)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) if s.chars().count() > max => {
                self.err(field, format!("{field} is longer than {max} characters"));
                None
            }
            Value::String(s) if has_control(s, multiline) => {
                self.err(field, control_message(field, multiline));
                None
            }
            Value::String(s) => Some(s.trim().to_string()),
            v => {
                self.wrong(field, "a string", v);
                None
            }
        }
    }

    /// A required, non-empty one-line string.
    pub fn text(&mut self, field: &'static str, max: usize) -> Option<String> {
        self.required(field, max, false)
    }

    /// A required, non-empty multi-line string.
    pub fn multiline(&mut self, field: &'static str, max: usize) -> Option<String> {
        self.required(field, max, true)
    }

    fn required(&mut self, field: &'static str, max: usize, multiline: bool) -> Option<String> {
        let present = self.map.get(field).is_some_and(|v| !v.is_null());
        let v = self.read_text(field, max, multiline);
        if v.is_none()
            && !self
                .errors
                .0
                .iter()
                .any(|e| e.pointer == self.pointer(field))
        {
            let msg = if present {
                format!("{field} must not be empty")
            } else {
                format!("{field} is required")
            };
            self.err(field, msg);
        }
        v
    }

    /// A string kept exactly as sent (templates: whitespace matters).
    pub fn raw_text(&mut self, field: &'static str, max: usize, required: bool) -> Option<String> {
        match self.raw(field) {
            None if required => {
                self.err(field, format!("{field} is required"));
                None
            }
            None => None,
            Some(Value::String(s)) if s.len() > max => {
                self.err(field, format!("{field} is longer than {max} bytes"));
                None
            }
            Some(Value::String(s)) if has_control(s, true) => {
                self.err(field, control_message(field, true));
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(v) => {
                self.wrong(field, "a string", v);
                None
            }
        }
    }

    pub fn opt_int(&mut self, field: &'static str) -> Option<i64> {
        match self.raw(field)? {
            Value::Number(n) if integer(n).is_some() => integer(n),
            v => {
                self.wrong(field, "an integer", v);
                None
            }
        }
    }

    pub fn opt_bool(&mut self, field: &'static str) -> Option<bool> {
        match self.raw(field)? {
            Value::Bool(b) => Some(*b),
            v => {
                self.wrong(field, "true or false", v);
                None
            }
        }
    }

    pub fn opt_date(&mut self, field: &'static str) -> Option<NaiveDate> {
        let s = self.opt_text(field, 40)?;
        match parse_date(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(field, e);
                None
            }
        }
    }

    /// A required date: absent, null or blank is an error naming the field.
    pub fn date(&mut self, field: &'static str) -> Option<NaiveDate> {
        let before = self.errors.0.len();
        let d = self.opt_date(field);
        if d.is_none() && self.errors.0.len() == before {
            let present = self.map.get(field).is_some_and(|v| !v.is_null());
            let msg = if present {
                format!("{field} must not be empty")
            } else {
                format!("{field} is required")
            };
            self.err(field, msg);
        }
        d
    }

    /// An object of string values (labels per language).
    pub fn opt_string_map(
        &mut self,
        field: &'static str,
        max: usize,
    ) -> Option<Vec<(String, String)>> {
        match self.raw(field)? {
            Value::Object(m) => {
                let mut out = Vec::new();
                for (k, v) in m {
                    match v {
                        Value::String(s) if has_control(s, false) => {
                            let p = format!("{}/{k}", self.pointer(field));
                            self.errors
                                .push(p, Some(field), control_message(field, false));
                        }
                        Value::String(s) if !s.trim().is_empty() && s.chars().count() <= max => {
                            out.push((k.clone(), s.trim().to_string()))
                        }
                        Value::String(_) => {
                            let p = format!("{}/{k}", self.pointer(field));
                            self.errors.push(
                                p,
                                Some(field),
                                format!("must be 1 to {max} characters"),
                            );
                        }
                        v => {
                            let p = format!("{}/{k}", self.pointer(field));
                            self.errors.push(
                                p,
                                Some(field),
                                format!("must be a string, not {}", type_name(v)),
                            );
                        }
                    }
                }
                Some(out)
            }
            v => {
                self.wrong(field, "an object", v);
                None
            }
        }
    }

    /// Identifiers: strings, or integers (ERP ids are often numbers). Each element is
    /// reported at its own pointer.
    pub fn id_list(&mut self, field: &'static str, max_len: usize) -> Option<Vec<String>> {
        let Some(v) = self.raw(field) else {
            self.err(field, format!("{field} is required"));
            return None;
        };
        let Value::Array(a) = v else {
            self.wrong(field, "an array", v);
            return None;
        };
        if a.is_empty() {
            self.err(field, format!("{field} must hold at least one id"));
            return None;
        }
        if a.len() > max_len {
            self.err(
                field,
                format!("{field} holds {} ids; at most {max_len}", a.len()),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        let before = self.errors.0.len();
        for (i, v) in a.iter().enumerate() {
            let p = format!("{}/{i}", self.pointer(field));
            let id = match v {
                Value::String(s) if !s.trim().is_empty() => s.trim().to_string(),
                Value::Number(n) if integer(n).is_some() => {
                    integer(n).unwrap_or_default().to_string()
                }
                v => {
                    self.errors.push(
                        p,
                        Some(field),
                        format!("must be an id, not {}", type_name(v)),
                    );
                    continue;
                }
            };
            if !seen.insert(id.clone()) {
                self.errors
                    .push(p, Some(field), format!("{id:?} appears more than once"));
                continue;
            }
            out.push(id);
        }
        (self.errors.0.len() == before).then_some(out)
    }

    /// Reports every field of the object that nobody read (typos must not pass silently).
    pub fn finish(self, known_extra: &[&str]) {
        let mut unknown: Vec<&String> = self
            .map
            .keys()
            .filter(|k| !self.read.contains(k.as_str()) && !known_extra.contains(&k.as_str()))
            .collect();
        unknown.sort();
        let known: Vec<&str> = self
            .read
            .iter()
            .copied()
            .chain(known_extra.iter().copied())
            .collect();
        for k in unknown {
            let p = format!("{}/{k}", self.at);
            self.errors.push(
                p,
                Some(k),
                format!("unknown field {k:?}; known: {}", known.join(", ")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str, f: impl FnOnce(&mut Object)) -> Invalid {
        let map = parse_object(body.as_bytes()).unwrap();
        let mut errors = Invalid::default();
        let mut o = Object::new(&map, "", &mut errors);
        f(&mut o);
        o.finish(&[]);
        errors
    }

    #[test]
    fn control_characters_are_refused_except_line_breaks_in_multi_line_text() {
        let e = read(
            "{\"name\": \"A\\u001dB\", \"tab\": \"a\\tb\", \"comment\": \"line 1\\nline 2\\tx\", \"bad\": \"x\\u0013\", \"c1\": \"x\\u0085\", \"tpl\": \"<p>\\n\\u0000\"}",
            |o| {
                assert_eq!(o.opt_text("name", 50), None);
                assert_eq!(o.text("tab", 50), None);
                assert_eq!(
                    o.opt_multiline("comment", 50).as_deref(),
                    Some("line 1\nline 2\tx")
                );
                assert_eq!(o.opt_multiline("bad", 50), None);
                assert_eq!(o.opt_text("c1", 50), None);
                assert_eq!(o.raw_text("tpl", 50, true), None);
            },
        );
        let got: Vec<&str> = e.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(got, ["/name", "/tab", "/bad", "/c1", "/tpl"], "{e:?}");
        assert!(e.0[0].message.contains("control characters"));
        // A rejected required field is not also reported as missing.
        assert_eq!(e.0.iter().filter(|x| x.pointer == "/tab").count(), 1);
    }

    #[test]
    fn a_blank_choice_is_an_error_not_unchanged() {
        let e = read(r#"{"type": "", "kind": "   ", "role": null}"#, |o| {
            assert_eq!(o.opt_choice("type", 20), None);
            assert_eq!(o.opt_choice("kind", 20), None);
            assert_eq!(o.opt_choice("role", 20), None);
            assert_eq!(o.opt_choice("absent", 20), None);
        });
        let got: Vec<(&str, &str)> =
            e.0.iter()
                .map(|e| (e.pointer.as_str(), e.message.as_str()))
                .collect();
        assert_eq!(
            got,
            [
                ("/type", "type must not be blank"),
                ("/kind", "kind must not be blank")
            ]
        );
    }

    #[test]
    fn a_blank_required_date_is_an_error_naming_it() {
        let e = read(r#"{"a": "  ", "b": null}"#, |o| {
            assert_eq!(o.date("a"), None);
            assert_eq!(o.date("b"), None);
            assert_eq!(o.date("c"), None);
        });
        let got: Vec<(&str, &str)> =
            e.0.iter()
                .map(|e| (e.pointer.as_str(), e.message.as_str()))
                .collect();
        assert_eq!(
            got,
            [
                ("/a", "a must not be empty"),
                ("/b", "b is required"),
                ("/c", "c is required")
            ]
        );
    }

    #[test]
    fn integral_numbers_are_integers_as_json_schema_says() {
        let map = parse_object(br#"{"a": 538.0, "b": 7, "c": 1.5, "d": 1e300, "ids": [3.0, "x"]}"#)
            .unwrap();
        let mut errors = Invalid::default();
        let mut o = Object::new(&map, "", &mut errors);
        assert_eq!(o.opt_int("a"), Some(538));
        assert_eq!(o.opt_int("b"), Some(7));
        assert_eq!(o.opt_int("c"), None);
        assert_eq!(o.opt_int("d"), None);
        assert_eq!(
            o.id_list("ids", 10),
            Some(vec!["3".to_string(), "x".to_string()])
        );
        o.finish(&[]);
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/c", "/d"]);
    }

    #[test]
    fn malformed_and_non_object_bodies_are_one_error_at_the_root() {
        assert_eq!(parse_object(b"{").unwrap_err().0[0].pointer, "");
        assert!(
            parse_object(b"[1]").unwrap_err().0[0]
                .message
                .contains("object")
        );
    }

    #[test]
    fn every_error_names_its_pointer() {
        let e = read(
            r#"{"name": 3, "date": "2025-02-30", "ids": ["a", "a", {}], "typo": 1}"#,
            |o| {
                assert_eq!(o.text("name", 10), None);
                assert_eq!(o.date("date"), None);
                assert_eq!(o.id_list("ids", 10), None);
                assert_eq!(o.text("missing", 10), None);
            },
        );
        let pointers: Vec<&str> = e.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/name", "/date", "/ids/1", "/ids/2", "/missing", "/typo"]
        );
        assert!(e.0[0].message.contains("must be a string, not a number"));
        assert!(e.0[1].message.contains("not a real calendar date"));
        assert!(e.0[4].message.contains("required"));
        assert!(e.0[5].message.contains("unknown field"));
    }

    #[test]
    fn good_values_read_back() {
        let e = read(
            r#"{"name": " Bob ", "n": 4, "b": true, "ids": [1, "x"], "labels": {"en": "A"}}"#,
            |o| {
                assert_eq!(o.text("name", 10).as_deref(), Some("Bob"));
                assert_eq!(o.opt_int("n"), Some(4));
                assert_eq!(o.opt_bool("b"), Some(true));
                assert_eq!(o.id_list("ids", 5), Some(vec!["1".into(), "x".into()]));
                assert_eq!(
                    o.opt_string_map("labels", 50),
                    Some(vec![("en".into(), "A".into())])
                );
            },
        );
        assert!(e.is_empty(), "{e}");
    }

    #[test]
    fn empty_strings_and_oversized_lists_are_errors() {
        let e = read(r#"{"name": "  ", "ids": [1, 2, 3]}"#, |o| {
            o.text("name", 10);
            o.id_list("ids", 2);
        });
        assert!(e.0[0].message.contains("must not be empty"), "{e}");
        assert!(e.0[1].message.contains("at most 2"), "{e}");
    }
}
