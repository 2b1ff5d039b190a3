//! The OpenAPI document and the code stay in step: every documented operation is routed to
//! a component that knows it (no "no such route" 404, no 405).

use crate::support::*;

/// The OpenAPI document's text.
fn document() -> String {
    std::fs::read_to_string(settle_host::testing::workspace_root().join("docs/openapi.yaml"))
        .unwrap()
}

fn documented_operations() -> Vec<(String, String)> {
    let text = document();
    let mut ops = Vec::new();
    let mut path = None;
    for line in text.lines() {
        if let Some(p) = line.strip_prefix("  /").and_then(|l| l.strip_suffix(':')) {
            path = Some(format!("/{p}"));
        } else if !line.starts_with("   ") && !line.trim().is_empty() && !line.starts_with("  /") {
            path = None;
        } else if let (Some(p), Some(m)) = (
            &path,
            line.strip_prefix("    ").and_then(|l| l.strip_suffix(':')),
        ) && ["get", "post", "put", "patch", "delete"].contains(&m)
        {
            ops.push((m.to_uppercase(), p.clone()));
        }
    }
    ops
}

#[test]
fn every_documented_operation_is_routed() {
    let ops = documented_operations();
    assert!(ops.len() >= 52, "{ops:?}");
    let s = start();
    for (method, template) in ops {
        // Every path parameter becomes "1": unknown ids must still reach their component.
        let path: String = template
            .split('/')
            .map(|seg| if seg.starts_with('{') { "1" } else { seg })
            .collect::<Vec<_>>()
            .join("/");
        let r = call(&s, &method, &path, ADMIN_TOKEN, &serde_json::Value::Null);
        let body = r.text();
        assert_ne!(r.status, 405, "{method} {path}: {body}");
        assert!(
            !(r.status == 404 && (body.contains("no such route") || body == "Not Found")),
            "{method} {path} is documented but not routed: {body}"
        );
    }
}

/// Each documented operation with the lines of its block (its responses among them).
fn operation_blocks() -> Vec<(String, String, String)> {
    let text = document();
    let mut ops: Vec<(String, String, String)> = Vec::new();
    let mut path = None;
    for line in text.lines() {
        if let Some(p) = line.strip_prefix("  /").and_then(|l| l.strip_suffix(':')) {
            path = Some(format!("/{p}"));
            continue;
        }
        if !line.starts_with("   ") && !line.trim().is_empty() {
            path = None;
            continue;
        }
        let method = line.strip_prefix("    ").and_then(|l| l.strip_suffix(':'));
        match (&path, method) {
            (Some(p), Some(m)) if ["get", "post", "put", "patch", "delete"].contains(&m) => {
                ops.push((m.to_uppercase(), p.clone(), String::new()));
            }
            _ => {
                if path.is_some()
                    && line.starts_with("      ")
                    && let Some(last) = ops.last_mut()
                {
                    last.2.push_str(line);
                    last.2.push('\n');
                }
            }
        }
    }
    ops
}

/// Without a token every operation but the public ones answers 401, and says so in the
/// document (a generated client must know to expect it).
#[test]
fn every_operation_documents_the_401_it_answers() {
    let ops = operation_blocks();
    assert!(ops.len() >= 60, "{}", ops.len());
    let s = start();
    for (method, template, block) in ops {
        let public = block.contains("security: []");
        let path: String = template
            .split('/')
            .map(|seg| if seg.starts_with('{') { "1" } else { seg })
            .collect::<Vec<_>>()
            .join("/");
        let r = s.request(
            &method,
            &path,
            &[("content-type", "application/json")],
            b"{}",
        );
        if public {
            assert_ne!(r.status, 401, "{method} {path} is public");
            continue;
        }
        assert_eq!(r.status, 401, "{method} {path}: {}", r.text());
        assert!(
            block.contains("\"401\""),
            "{method} {template} answers 401 without a token but does not document it"
        );
    }
}

/// A method a path does not document answers 405 with `Allow` naming the documented ones
/// (what a generated client and schemathesis' unsupported_method check expect), never a 404
/// that would read as "no such resource".
#[test]
fn undocumented_methods_answer_405_with_allow() {
    let ops = documented_operations();
    let s = start();
    let mut paths: Vec<&String> = ops.iter().map(|(_, p)| p).collect();
    paths.dedup();
    for template in paths {
        let documented: Vec<&str> = ops
            .iter()
            .filter(|(_, p)| p == template)
            .map(|(m, _)| m.as_str())
            .collect();
        let path: String = template
            .split('/')
            .map(|seg| if seg.starts_with('{') { "1" } else { seg })
            .collect::<Vec<_>>()
            .join("/");
        for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
            if documented.contains(&method) {
                continue;
            }
            let r = call(&s, method, &path, ADMIN_TOKEN, &serde_json::Value::Null);
            assert_eq!(r.status, 405, "{method} {path}: {}", r.text());
            let allow = r.header("allow").unwrap_or_default().to_string();
            for m in &documented {
                assert!(
                    allow.contains(m),
                    "{method} {path}: Allow {allow:?} lacks {m}"
                );
            }
        }
    }
}

/// What every operation can answer whatever its data is documented with the problem schema:
/// a JSON body can be malformed (400), too large (413), of another type (415) or invalid
/// (422); a path id can name nothing (404); a query can be bad (400).
#[test]
fn every_operation_documents_its_generic_refusals() {
    for (method, template, block) in operation_blocks() {
        let mut want = Vec::new();
        if block.contains("requestBody") {
            want.extend(["\"400\"", "\"413\"", "\"415\"", "\"422\""]);
        }
        if template.contains('{') {
            want.push("\"404\"");
        }
        if block.contains("in: query") || block.contains("parameters/") {
            want.push("\"400\"");
        }
        for code in want {
            assert!(
                block.contains(code),
                "{method} {template} does not document {code}"
            );
        }
    }
}

/// The document's `Date` pattern accepts exactly the dates `dates::parse_date` accepts: every
/// day from 1899-12-01 to 3000-01-31 and a few impossible ones, so a generated client and the
/// API agree on February 29th.
#[test]
fn the_date_pattern_is_the_codes_calendar() {
    let text = document();
    let at = text.find("\n    Date:\n").expect("a Date schema");
    let line = text[at..]
        .lines()
        .find_map(|l| l.trim().strip_prefix("pattern: "))
        .expect("a pattern");
    let pattern = line.trim_matches('"').replace("\\\\", "\\");
    let re = regex::Regex::new(&pattern).unwrap();
    let mut day = chrono::NaiveDate::from_ymd_opt(1899, 12, 1).unwrap();
    let last = chrono::NaiveDate::from_ymd_opt(3000, 1, 31).unwrap();
    while day <= last {
        let s = day.format("%Y-%m-%d").to_string();
        assert_eq!(
            re.is_match(&s),
            settle_domain::dates::parse_date(&s).is_ok(),
            "{s}"
        );
        day = day.succ_opt().unwrap();
    }
    for s in [
        "1900-02-29",
        "2100-02-29",
        "2025-02-30",
        "2025-04-31",
        "2025-13-01",
        "2025-00-10",
        "2025-1-01",
        "02025-01-01",
        "2025-01-01 ",
    ] {
        assert!(!re.is_match(s), "{s}");
        assert!(settle_domain::dates::parse_date(s).is_err(), "{s}");
    }
}

/// An email's `subject` and `body` overrides may be left out or null, but one given blank is
/// refused, not taken as "the template's". The document says so with `pattern: "\S"` on
/// both, and agrees with `parse_email_request` on every sample: a schema that let blank
/// through had a fuzzer read the API's "body must not be empty" as "body is required" and then
/// expect a request without one to be refused (contract seed 1298058963).
#[test]
fn the_email_overrides_refuse_blank_as_the_document_says() {
    let text = document();
    let at = text.find("\n    EmailIn:\n").expect("an EmailIn schema");
    let schema: Vec<&str> = text[at + 1..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("      "))
        .collect();
    for field in ["subject", "body"] {
        let line = schema
            .iter()
            .find(|l| l.trim_start().starts_with(&format!("{field}: ")))
            .unwrap_or_else(|| panic!("EmailIn documents {field}"));
        let pattern = line
            .split("pattern: \"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("EmailIn's {field} has a pattern: {line}"))
            .replace("\\\\", "\\");
        let re = regex::Regex::new(&pattern).unwrap();
        for sample in ["", " ", "\n\t ", "Re: the invoice", " x "] {
            let request =
                serde_json::json!({"template": "resolver_dispute", "action_id": 1, field: sample});
            let parsed =
                settle_domain::templates::parse_email_request(request.to_string().as_bytes());
            let refused_for_field = parsed
                .as_ref()
                .err()
                .is_some_and(|e| e.0.iter().any(|e| e.pointer == format!("/{field}")));
            assert_eq!(
                re.is_match(sample),
                !refused_for_field,
                "{field} = {sample:?}: document {}, code {parsed:?}",
                re.is_match(sample)
            );
        }
    }
}
