//! Request bodies: size limits (413), content types (415), and JSON objects read field by
//! field with every bad field named (422).

use settle_domain::input::{Object, parse_object};
use settle_domain::validation::Invalid;
use spin_sdk::http::Request;

use crate::problem::{Answer, invalid, problem};

/// Bodies above this size are refused with 413 (ERP batches; 100,000 items fit easily).
pub const MAX_BATCH_BODY: usize = 48 * 1024 * 1024;
/// Bodies above this size are refused with 413 (everything else).
pub const MAX_BODY: usize = 1024 * 1024;

/// The body, refused with 413 above `max` bytes (declared or received).
pub fn body(req: &Request, max: usize) -> Answer<&[u8]> {
    let declared = req
        .header("content-length")
        .and_then(|h| h.as_str())
        .and_then(|s| s.parse::<usize>().ok());
    check_size(declared.unwrap_or(0).max(req.body().len()), max)?;
    Ok(req.body())
}

fn check_size(len: usize, max: usize) -> Answer<()> {
    if len > max {
        return Err(problem(
            413,
            "body-too-large",
            "Request body too large",
            format!("the body is {len} bytes; the limit is {max} bytes"),
        ));
    }
    Ok(())
}

/// The request's content type, without parameters, lowercased.
pub fn content_type(req: &Request) -> String {
    media_type(req.header("content-type").and_then(|h| h.as_str()))
}

fn media_type(header: Option<&str>) -> String {
    header
        .map(|s| {
            s.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

/// A JSON body (up to [`MAX_BODY`]), refused with 415 when not sent as JSON.
pub fn json_body(req: &Request) -> Answer<&[u8]> {
    check_json(&content_type(req))?;
    body(req, MAX_BODY)
}

/// The JSON body of an operation whose body is optional (terminate): no body at all (no
/// content type, nothing sent) is an empty body, which object readers take as `{}`; a body
/// sent as anything but JSON is still 415.
pub fn optional_json_body(req: &Request) -> Answer<&[u8]> {
    let body = body(req, MAX_BODY)?;
    let ct = content_type(req);
    if !(body.is_empty() && ct.is_empty()) {
        check_json(&ct)?;
    }
    Ok(body)
}

fn check_json(ct: &str) -> Answer<()> {
    if ct != "application/json" {
        return Err(problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            format!("send application/json, not {ct:?}"),
        ));
    }
    Ok(())
}

/// Reads a JSON object body with `read` (an empty body is `{}`), refusing fields `read` did
/// not ask about; 422 lists every bad field.
pub fn parse_object_with<T>(
    req: &Request,
    read: impl FnOnce(&mut Object) -> Option<T>,
) -> Answer<T> {
    read_object(json_body(req)?, read)
}

/// A JSON body as an object (empty is `{}`), for a use case to read with the domain's
/// rules: 415 when not JSON, 400 when not an object.
pub fn object_body(req: &Request) -> Answer<serde_json::Map<String, serde_json::Value>> {
    let body: &[u8] = json_body(req)?;
    let body: &[u8] = if body.is_empty() { b"{}" } else { body };
    parse_object(body).map_err(|e| invalid(&e))
}

/// As [`object_body`], for a body that may be left out entirely (no `Content-Type` either).
pub fn optional_object_body(req: &Request) -> Answer<serde_json::Map<String, serde_json::Value>> {
    let body: &[u8] = optional_json_body(req)?;
    let body: &[u8] = if body.is_empty() { b"{}" } else { body };
    parse_object(body).map_err(|e| invalid(&e))
}

/// A JSON object body (empty is `{}`) read field by field; errors name the fields.
pub fn read_object<T>(body: &[u8], read: impl FnOnce(&mut Object) -> Option<T>) -> Answer<T> {
    let body: &[u8] = if body.is_empty() { b"{}" } else { body };
    let map = parse_object(body).map_err(|e| invalid(&e))?;
    let mut errors = Invalid::default();
    let mut o = Object::new(&map, "", &mut errors);
    let t = read(&mut o);
    o.finish(&[]);
    match t {
        Some(t) if errors.is_empty() => Ok(t),
        _ => Err(invalid(&errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_over_the_limit_are_413() {
        assert!(check_size(10, 10).is_ok());
        let e = check_size(11, 10).unwrap_err();
        assert_eq!(e.status(), 413);
        assert!(e.body()["detail"].as_str().unwrap().contains("11 bytes"));
    }

    #[test]
    fn media_types_drop_parameters_and_case() {
        assert_eq!(
            media_type(Some("Application/JSON; charset=utf-8")),
            "application/json"
        );
        assert_eq!(media_type(None), "");
        assert!(check_json("application/json").is_ok());
        assert_eq!(check_json("text/plain").unwrap_err().status(), 415);
        assert_eq!(check_json("").unwrap_err().status(), 415);
        // An optional body may be left out; a required one may not; a body without its
        // content type is 415 either way.
        let empty = Request::builder()
            .method(spin_sdk::http::Method::Post)
            .uri("/x")
            .build();
        assert_eq!(optional_json_body(&empty).unwrap(), b"");
        assert_eq!(json_body(&empty).unwrap_err().status(), 415);
        let text = Request::builder()
            .method(spin_sdk::http::Method::Post)
            .uri("/x")
            .body(b"{}".to_vec())
            .build();
        assert_eq!(optional_json_body(&text).unwrap_err().status(), 415);
    }

    #[test]
    fn objects_refuse_unknown_fields_and_name_bad_ones() {
        let read = |o: &mut Object| Some((o.text("name", 10), o.opt_int("n")));
        let (name, n) = read_object(br#"{"name":"x","n":3}"#, read).unwrap();
        assert_eq!((name.as_deref(), n), (Some("x"), Some(3)));
        let e = read_object(br#"{"name":"x","extra":1}"#, read).unwrap_err();
        assert_eq!(e.status(), 422);
        assert_eq!(e.body()["errors"][0]["pointer"], "/extra");
        let e = read_object(br#"{"n":"three"}"#, read).unwrap_err();
        let pointers: Vec<String> = e.body()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["pointer"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(pointers, ["/name", "/n"]);
        assert_eq!(read_object(b"[1]", read).unwrap_err().status(), 400);
        // An empty body is an empty object: here, a missing required name.
        assert_eq!(read_object(b"", read).unwrap_err().status(), 422);
    }
}
