//! The OpenAPI document and the code stay in step: every documented operation is routed to
//! a component that knows it (no "no such route" 404, no 405).

use crate::support::*;

fn documented_operations() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(settle_host::testing::workspace_root().join("docs/openapi.yaml"))
            .unwrap();
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
    let text =
        std::fs::read_to_string(settle_host::testing::workspace_root().join("docs/openapi.yaml"))
            .unwrap();
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
