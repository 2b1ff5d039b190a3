//! HTML form bodies, the wire format of every page: `application/x-www-form-urlencoded` and
//! `multipart/form-data` (file uploads), parsed into named fields and files, and read with
//! the domain's rules (free text without control characters, item selections, dates), or
//! turned into the API's JSON object for a use case ([`Form::to_object`]).
//!
//! Errors name the form field, as [`Invalid`] does for JSON (`pointer` is the field name).

pub use settle_domain::pages::{Upload, safe_filename};
use settle_domain::validation::Invalid;

/// A field longer than this is refused (comments are further bounded by their rule).
pub const MAX_FIELD: usize = 16 * 1024;
/// How many fields and files one form may carry.
pub const MAX_PARTS: usize = 2_000;

/// A parsed form: fields in order (a name may repeat, as checkboxes do) and files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

fn bad(field: &str, message: impl Into<String>) -> Invalid {
    Invalid::one(field, Some(field), message)
}

impl Form {
    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name` (ticked checkboxes), in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The files of field `name` that were actually chosen (browsers send an empty part for
    /// a file input left empty).
    pub fn files(&self, name: &str) -> Vec<&Upload> {
        self.files
            .iter()
            .filter(|f| f.field == name && !(f.filename.is_empty() && f.bytes.is_empty()))
            .collect()
    }

    /// Free text of at most `max` characters, trimmed; line breaks and tabs are kept, other
    /// control characters refused. `None` (and an error when `required`) when empty.
    pub fn text(
        &self,
        errors: &mut Invalid,
        name: &str,
        max: usize,
        required: bool,
    ) -> Option<String> {
        let v = self.get(name).unwrap_or("").trim();
        if v.is_empty() {
            if required {
                errors.push(name, Some(name), "must not be empty");
            }
            return None;
        }
        if v.chars().count() > max {
            errors.push(
                name,
                Some(name),
                format!("must be at most {max} characters"),
            );
            return None;
        }
        if v.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            errors.push(name, Some(name), "must not contain control characters");
            return None;
        }
        Some(v.replace("\r\n", "\n"))
    }

    /// A date `YYYY-MM-DD` (what `<input type="date">` sends).
    pub fn date(&self, errors: &mut Invalid, name: &str) -> Option<chrono::NaiveDate> {
        match self.get(name).map(str::trim).filter(|v| !v.is_empty()) {
            None => {
                errors.push(name, Some(name), "a date is required");
                None
            }
            Some(v) => match settle_domain::dates::parse_date(v) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(name, Some(name), e);
                    None
                }
            },
        }
    }

    /// The ticked item ids (`name` repeated), at least one, each a plausible id.
    pub fn item_ids(&self, errors: &mut Invalid, name: &str) -> Vec<String> {
        let ids: Vec<String> = self.all(name).iter().map(|s| s.to_string()).collect();
        if ids.is_empty() {
            errors.push(name, Some(name), "select at least one item");
        } else if ids
            .iter()
            .any(|i| i.is_empty() || i.len() > 128 || i.chars().any(char::is_control))
        {
            errors.push(name, Some(name), "an item id is not valid");
        }
        ids
    }
}

/// Parses a form body by its content type.
pub fn parse(content_type: &str, body: &[u8]) -> Result<Form, Invalid> {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/x-www-form-urlencoded" => parse_urlencoded(body),
        "multipart/form-data" => parse_multipart(content_type, body),
        _ => Err(bad(
            "content-type",
            "a form must be sent as application/x-www-form-urlencoded or multipart/form-data",
        )),
    }
}

/// `a=1&b=two+words&c=%C3%A9`: names and values must decode to UTF-8.
pub fn parse_urlencoded(body: &[u8]) -> Result<Form, Invalid> {
    let decode = |raw: &[u8]| -> Option<String> {
        let plus: Vec<u8> = raw
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        percent_encoding::percent_decode(&plus)
            .decode_utf8()
            .ok()
            .map(|s| s.into_owned())
    };
    let mut form = Form::default();
    for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        if form.fields.len() >= MAX_PARTS {
            return Err(bad("form", format!("at most {MAX_PARTS} fields")));
        }
        let (k, v) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &b""[..]),
        };
        let k = decode(k).ok_or_else(|| bad("form", "a field name is not UTF-8"))?;
        let v = decode(v).ok_or_else(|| bad(&k, "must be UTF-8 text"))?;
        if v.len() > MAX_FIELD {
            return Err(bad(&k, format!("must be at most {MAX_FIELD} bytes")));
        }
        form.fields.push((k, v));
    }
    Ok(form)
}

/// The `boundary` parameter of a multipart content type.
fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        if k.trim().eq_ignore_ascii_case("boundary") {
            let v = v.trim().trim_matches('"');
            (!v.is_empty() && v.len() <= 70).then(|| v.to_string())
        } else {
            None
        }
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// A `name="value"` parameter of a `Content-Disposition` header.
fn disposition_param(header: &str, name: &str) -> Option<String> {
    let mut rest = header;
    while let Some(i) = rest.find(';') {
        rest = &rest[i + 1..];
        let p = rest.trim_start();
        if let Some(v) = p.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            if let Some(q) = v.strip_prefix('"') {
                let end = q.find('"')?;
                return Some(q[..end].to_string());
            }
            return Some(v.split(';').next().unwrap_or("").trim().to_string());
        }
    }
    None
}

/// `multipart/form-data` (RFC 7578): parts separated by `--boundary`, each with a
/// `Content-Disposition: form-data; name="…"[; filename="…"]` header.
pub fn parse_multipart(content_type: &str, body: &[u8]) -> Result<Form, Invalid> {
    let b = boundary(content_type)
        .ok_or_else(|| bad("content-type", "multipart/form-data needs a boundary"))?;
    let delim = format!("--{b}").into_bytes();
    let broken = || bad("form", "the multipart body is malformed");
    let mut at = find(body, &delim, 0).ok_or_else(broken)? + delim.len();
    let mut form = Form::default();
    loop {
        if body[at..].starts_with(b"--") {
            return Ok(form);
        }
        if !body[at..].starts_with(b"\r\n") {
            return Err(broken());
        }
        at += 2;
        let head_end = find(body, b"\r\n\r\n", at).ok_or_else(broken)?;
        let head = std::str::from_utf8(&body[at..head_end]).map_err(|_| broken())?;
        let content = head_end + 4;
        let mut next_delim = b"\r\n".to_vec();
        next_delim.extend_from_slice(&delim);
        let end = find(body, &next_delim, content).ok_or_else(broken)?;
        let data = &body[content..end];
        at = end + next_delim.len();
        let disposition = head
            .split("\r\n")
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case("content-disposition")
                    .then_some(v.trim())
            })
            .ok_or_else(broken)?;
        let name = disposition_param(disposition, "name").ok_or_else(broken)?;
        if form.fields.len() + form.files.len() >= MAX_PARTS {
            return Err(bad("form", format!("at most {MAX_PARTS} fields")));
        }
        match disposition_param(disposition, "filename") {
            Some(filename) => form.files.push(Upload {
                field: name,
                filename,
                bytes: data.to_vec(),
            }),
            None => {
                if data.len() > MAX_FIELD {
                    return Err(bad(&name, format!("must be at most {MAX_FIELD} bytes")));
                }
                let v =
                    String::from_utf8(data.to_vec()).map_err(|_| bad(&name, "must be UTF-8"))?;
                form.fields.push((name, v));
            }
        }
    }
}

/// How a form field becomes a JSON value for the API's body readers ([`Form::to_object`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A string; left out when blank.
    Text,
    /// A string kept exactly, blank included (passwords).
    Raw,
    /// An integer when it reads as one, else the text (which the reader then refuses
    /// with its own words); left out when blank.
    Int,
    /// A checkbox: `true` when present with any value.
    Check,
    /// A checkbox with a hidden companion: `true`/`false` from the last value given.
    Bool,
    /// Every value of a repeated field (ticked items), an array.
    List,
}

impl Form {
    /// The form as the JSON object an API body would be, so a page reuses the API's
    /// readers (and their rules and error pointers) instead of writing its own. Only the
    /// `fields` named are taken; the rest (the anti-forgery token, the step) stay out.
    pub fn to_object(
        &self,
        fields: &[(&str, Field)],
    ) -> serde_json::Map<String, serde_json::Value> {
        use serde_json::Value;
        let mut m = serde_json::Map::new();
        for (name, kind) in fields {
            let value = match kind {
                Field::List => Some(Value::from(
                    self.all(name)
                        .into_iter()
                        .map(Value::from)
                        .collect::<Vec<_>>(),
                )),
                Field::Check => Some(Value::Bool(self.get(name).is_some())),
                Field::Bool => self
                    .all(name)
                    .last()
                    .map(|v| Value::Bool(matches!(*v, "true" | "on" | "1"))),
                Field::Raw => self.get(name).map(Value::from),
                Field::Text => self
                    .get(name)
                    .filter(|v| !v.trim().is_empty())
                    .map(Value::from),
                Field::Int => self
                    .get(name)
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(|v| {
                        v.parse::<i64>()
                            .map_or_else(|_| Value::from(v), Value::from)
                    }),
            };
            if let Some(v) = value {
                m.insert((*name).to_string(), v);
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded_fields_repeat_and_decode() {
        let f = parse(
            "application/x-www-form-urlencoded; charset=UTF-8",
            b"item=A1&item=A2&comment=le+prix+%C3%A9tait+faux&empty=",
        )
        .unwrap();
        assert_eq!(f.all("item"), vec!["A1", "A2"]);
        assert_eq!(f.get("comment"), Some("le prix était faux"));
        let mut e = Invalid::default();
        assert_eq!(f.text(&mut e, "empty", 10, false), None);
        assert!(e.is_empty());
        assert_eq!(f.text(&mut e, "empty", 10, true), None);
        assert_eq!(e.0[0].pointer, "empty");
        assert_eq!(f.item_ids(&mut e, "item"), vec!["A1", "A2"]);
    }

    #[test]
    fn other_content_types_are_refused() {
        let e = parse("application/json", b"{}").unwrap_err();
        assert_eq!(e.0[0].pointer, "content-type");
    }

    #[test]
    fn text_refuses_control_characters_and_long_values() {
        let f = parse_urlencoded(b"a=x%00y&b=line1%0D%0Aline2&c=abcdef").unwrap();
        let mut e = Invalid::default();
        assert_eq!(f.text(&mut e, "a", 100, true), None);
        assert_eq!(e.0[0].message, "must not contain control characters");
        assert_eq!(f.text(&mut e, "b", 100, true).unwrap(), "line1\nline2");
        assert_eq!(f.text(&mut e, "c", 5, true), None);
        assert_eq!(e.0.len(), 2);
        assert_eq!(parse_urlencoded(b"a=%FF").unwrap_err().0[0].pointer, "a");
    }

    #[test]
    fn dates_and_selections_name_their_field() {
        let f = parse_urlencoded(b"d=2026-02-30&ok=2026-12-01").unwrap();
        let mut e = Invalid::default();
        assert_eq!(f.date(&mut e, "d"), None);
        assert_eq!(f.date(&mut e, "missing"), None);
        assert_eq!(
            f.date(&mut e, "ok"),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        assert!(f.item_ids(&mut e, "item").is_empty());
        let fields: Vec<_> = e.0.iter().map(|x| x.pointer.as_str()).collect();
        assert_eq!(fields, vec!["d", "missing", "item"]);
    }

    fn multipart_body(b: &str) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(
            format!("--{b}\r\nContent-Disposition: form-data; name=\"form_token\"\r\n\r\ntok\r\n")
                .as_bytes(),
        );
        v.extend_from_slice(format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\docs\\\\proof.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes());
        v.extend_from_slice(b"%PDF-1.4\r\n--not-the-boundary\r\n\x00\xff");
        v.extend_from_slice(format!("\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--{b}--\r\n").as_bytes());
        v
    }

    #[test]
    fn multipart_fields_and_files() {
        let body = multipart_body("XyZ123");
        let f = parse("multipart/form-data; boundary=XyZ123", &body).unwrap();
        assert_eq!(f.get("form_token"), Some("tok"));
        let files = f.files("file");
        assert_eq!(files.len(), 1, "the empty file input is skipped");
        assert_eq!(
            files[0].bytes,
            b"%PDF-1.4\r\n--not-the-boundary\r\n\x00\xff"
        );
        assert_eq!(safe_filename(&files[0].filename), "proof.pdf");
        // Quoted boundary.
        assert!(parse("multipart/form-data; boundary=\"XyZ123\"", &body).is_ok());
    }

    #[test]
    fn malformed_multipart_is_refused() {
        let body = multipart_body("XyZ123");
        for (ct, b) in [
            ("multipart/form-data", body.clone()),
            ("multipart/form-data; boundary=other", body.clone()),
            ("multipart/form-data; boundary=XyZ123", body[..40].to_vec()),
            (
                "multipart/form-data; boundary=XyZ123",
                b"--XyZ123\r\nX: y\r\n\r\nz\r\n--XyZ123--".to_vec(),
            ),
        ] {
            assert!(
                parse(ct, &b).is_err(),
                "{ct} {:?}",
                String::from_utf8_lossy(&b)
            );
        }
    }

    #[test]
    fn a_form_becomes_the_object_an_api_reader_takes() {
        let f = parse_urlencoded(
            b"item=I1&item=I2&status=price_dispute&resolver_id=3&comment=&password=+x+&active=false&active=true&bad=x&n=abc&form_token=t",
        )
        .unwrap();
        let o = f.to_object(&[
            ("item", Field::List),
            ("status", Field::Text),
            ("resolver_id", Field::Int),
            ("comment", Field::Text),
            ("password", Field::Raw),
            ("active", Field::Bool),
            ("notify", Field::Check),
            ("n", Field::Int),
            ("missing", Field::Int),
        ]);
        assert_eq!(
            serde_json::Value::Object(o),
            serde_json::json!({
                "item": ["I1", "I2"], "status": "price_dispute", "resolver_id": 3,
                "password": " x ", "active": true, "notify": false, "n": "abc",
            })
        );
    }
}
