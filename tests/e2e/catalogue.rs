//! The bad-input catalogue: one table of refused requests across every endpoint family.
//! Each must answer its status as `application/problem+json`, name what was wrong (a field's
//! pointer, or the parameter or header in the detail), and leave the database exactly as
//! it was (a checksum of every table before and after).

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::disputes::{World, price_dispute, world};
use crate::support::*;

/// A digest of every row of every table: equal before and after means nothing changed.
fn checksum(w: &World) -> String {
    let db = rusqlite::Connection::open(w.s.state_dir.join("sqlite_db.db")).unwrap();
    let mut tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.retain(|t| t != "sqlite_sequence");
    let mut h = Sha256::new();
    for t in tables {
        let mut stmt = db.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut lines = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            lines.push(cells.join("|"));
        }
        // Some tables are WITHOUT ROWID: order the rows themselves.
        lines.sort();
        h.update(t.as_bytes());
        for l in lines {
            h.update(l.as_bytes());
            h.update(b"\n");
        }
    }
    format!("{:x}", h.finalize())
}

enum Auth {
    Admin,
    Collector,
    Erp,
    None,
    Wrong,
}

struct Case {
    method: &'static str,
    path: &'static str,
    auth: Auth,
    content_type: &'static str,
    body: String,
    status: u16,
    /// A pointer the problem must list, or (starting with `~`) text its detail must hold.
    names: &'static str,
}

fn case(
    method: &'static str,
    path: &'static str,
    body: Value,
    status: u16,
    names: &'static str,
) -> Case {
    Case {
        method,
        path,
        auth: Auth::Collector,
        content_type: "application/json",
        body: if body.is_null() {
            String::new()
        } else {
            body.to_string()
        },
        status,
        names,
    }
}

fn raw(
    method: &'static str,
    path: &'static str,
    ct: &'static str,
    body: &str,
    status: u16,
    names: &'static str,
) -> Case {
    Case {
        content_type: ct,
        body: body.to_string(),
        ..case(method, path, Value::Null, status, names)
    }
}

fn as_(auth: Auth, c: Case) -> Case {
    Case { auth, ..c }
}

fn cases() -> Vec<Case> {
    use Auth::*;
    let n = Value::Null;
    let long = "x".repeat(5_000);
    let mut v = vec![
        // ---- authentication and roles ----
        as_(
            None,
            case("GET", "/api/v1/items", n.clone(), 401, "~Authorization"),
        ),
        as_(
            Wrong,
            case(
                "GET",
                "/api/v1/items",
                n.clone(),
                401,
                "~unknown or revoked token",
            ),
        ),
        as_(
            Wrong,
            case("POST", "/api/v1/status-changes", json!({}), 401, "~token"),
        ),
        as_(
            Collector,
            case(
                "GET",
                "/api/v1/admin/tokens",
                n.clone(),
                403,
                "~role collector",
            ),
        ),
        as_(
            Collector,
            case(
                "POST",
                "/api/v1/admin/statuses",
                json!({}),
                403,
                "~role collector",
            ),
        ),
        as_(
            Erp,
            case(
                "POST",
                "/api/v1/status-changes",
                json!({}),
                403,
                "~role erp",
            ),
        ),
        as_(
            Collector,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({}),
                403,
                "~role collector",
            ),
        ),
        // ---- ERP customers ----
        as_(
            Admin,
            raw(
                "POST",
                "/api/v1/erp/customers",
                "application/json",
                "{not json",
                400,
                "~not valid JSON",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/customers",
                json!({"customers": []}),
                422,
                "/customers",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/customers",
                json!({"customers": [{"id": "C9", "name": "X", "entity": "FR01", "currency": "EURO"}]}),
                422,
                "/customers/0/currency",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/customers",
                json!({"customers": [{"id": "C9", "name": "X", "entity": "FR01", "currency": "EUR", "fax": "1"}]}),
                422,
                "/customers/0/fax",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/customers",
                json!({"customers": [{"id": "C\u{1}9", "name": "X", "entity": "FR01", "currency": "EUR"}]}),
                422,
                "/customers/0/id",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/customers",
                json!({"customers": [{"id": "C9", "name": "X", "entity": "FR01", "currency": "EUR", "email": "nope"}]}),
                422,
                "/customers/0/email",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/customers",
                json!({"customers": [{"id": "C9", "name": 5, "entity": "FR01", "currency": "EUR"}]}),
                422,
                "/customers/0/name",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/customers",
                json!({"customers": [{"id": "C9", "name": long, "entity": "FR01", "currency": "EUR"}]}),
                422,
                "/customers/0/name",
            ),
        ),
        as_(
            Admin,
            raw(
                "POST",
                "/api/v1/erp/customers",
                "text/plain",
                "{}",
                415,
                "~application/json",
            ),
        ),
        // ---- ERP items ----
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("X1", "C1", "2025-02-30", "1.00", "1.00")]}),
                422,
                "/items/0/due_date",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("X1", "C1", "0000-01-01", "1.00", "1.00")]}),
                422,
                "/items/0/due_date",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("X1", "C1", "2025-02-01", "1.001", "1.00")]}),
                422,
                "/items/0/amount",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("X1", "C1", "2025-02-01", "abc", "1.00")]}),
                422,
                "/items/0/amount",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("X1", "C1", "2025-02-01", "999999999999999.99", "1.00")]}),
                422,
                "/items/0/amount",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("X1", "C1", "2025-02-01", "1.00", "2.00")]}),
                422,
                "/items/0/open_amount",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("X1", "NOPE", "2025-02-01", "1.00", "1.00")]}),
                422,
                "/items/0/customer_id",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [{"id": "X1", "amount": 1.5}]}),
                422,
                "/items/0/amount",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"mode": "sometimes", "items": [item("X1", "C1", "2025-02-01", "1.00", "1.00")]}),
                422,
                "/mode",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/items",
                json!({"items": [item("I1", "C2", "2025-01-31", "100.00", "100.00")]}),
                200,
                "",
            ),
        ),
        as_(
            Admin,
            raw(
                "POST",
                "/api/v1/erp/items?mode=delta",
                "text/csv",
                "id,customer_id\nX1,C1\n",
                422,
                "~header",
            ),
        ),
        as_(
            Admin,
            raw(
                "POST",
                "/api/v1/erp/items",
                "application/xml",
                "<items/>",
                415,
                "~application/json, or an export as text/csv",
            ),
        ),
        // ---- ERP payments ----
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({"payments": [{"item_id": "I1", "amount": "1.00", "date": "2025-02-01"}]}),
                422,
                "/payments/0/id",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({"payments": [{"id": "P1", "item_id": "NOPE", "amount": "1.00", "date": "2025-02-01"}]}),
                422,
                "/payments/0/item_id",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "-1.00", "date": "2025-02-01"}]}),
                422,
                "/payments/0/amount",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "1000.00", "date": "2025-02-01"}]}),
                422,
                "/payments/0/amount",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "1.00", "date": "2025-13-01"}]}),
                422,
                "/payments/0/date",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({"payments": [{"id": "P1", "item_id": "I1", "amount": "1.00", "date": "2025-02-01", "memo": "x"}]}),
                422,
                "/payments/0/memo",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/erp/payments",
                json!({"payments": "all"}),
                400,
                "~not valid JSON",
            ),
        ),
        // ---- accounts ----
        case("GET", "/api/v1/customers/NOPE", n.clone(), 404, "~NOPE"),
        case(
            "GET",
            "/api/v1/customers/NOPE/statement",
            n.clone(),
            404,
            "~NOPE",
        ),
        case(
            "GET",
            "/api/v1/customers/C1?as_of=2025-02-30",
            n.clone(),
            400,
            "~as_of",
        ),
        case(
            "GET",
            "/api/v1/customers/C1/statement?overdue=maybe",
            n.clone(),
            400,
            "~overdue",
        ),
        case(
            "GET",
            "/api/v1/customers/C1/statement?limit=0",
            n.clone(),
            400,
            "~limit",
        ),
        case(
            "GET",
            "/api/v1/customers/C1/statement?limit=abc",
            n.clone(),
            400,
            "~limit",
        ),
        case(
            "GET",
            "/api/v1/customers/C1/statement?cursor=forged",
            n.clone(),
            400,
            "~cursor",
        ),
        case(
            "GET",
            "/api/v1/customers/C1/statement?status=nope",
            n.clone(),
            404,
            "~status",
        ),
        case(
            "GET",
            "/api/v1/customers/C1/statement?kind=loan",
            n.clone(),
            400,
            "~kind",
        ),
        case(
            "GET",
            "/api/v1/customers/C1/statement?colour=red",
            n.clone(),
            400,
            "~colour",
        ),
        case(
            "GET",
            "/api/v1/items?customer_id=NOPE",
            n.clone(),
            404,
            "~NOPE",
        ),
        case("GET", "/api/v1/items/NOPE/history", n.clone(), 404, "~NOPE"),
        // ---- status changes ----
        raw(
            "POST",
            "/api/v1/status-changes",
            "application/json",
            "[1,2",
            400,
            "~",
        ),
        raw(
            "POST",
            "/api/v1/status-changes",
            "text/plain",
            "{}",
            415,
            "~application/json",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({}),
            422,
            "/item_ids",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": [], "status": "price_dispute"}),
            422,
            "/item_ids",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["NOPE"], "status": "price_dispute", "comment": "x"}),
            422,
            "/item_ids/0",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1", "I4"], "status": "price_dispute", "comment": "x"}),
            422,
            "/item_ids",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "nope"}),
            422,
            "/status",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "price_dispute"}),
            422,
            "/comment",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "resolver_id": 999}),
            422,
            "/resolver_id",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "resolver_id": "one"}),
            422,
            "/resolver_id",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "status_date": "2025-02-29"}),
            422,
            "/status_date",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "next_action": "later"}),
            422,
            "/next_action",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": "x", "colour": 1}),
            422,
            "/colour",
        ),
        case(
            "POST",
            "/api/v1/status-changes",
            json!({"item_ids": ["I1"], "status": "price_dispute", "comment": long}),
            422,
            "/comment",
        ),
        case(
            "POST",
            "/api/v1/status-changes?dry_run=perhaps",
            json!({}),
            400,
            "~dry_run",
        ),
        case("GET", "/api/v1/status-changes/999", n.clone(), 404, "~999"),
        case("GET", "/api/v1/status-changes/abc", n.clone(), 404, "~abc"),
        // ---- actions ----
        case("GET", "/api/v1/actions/999", n.clone(), 404, "~999"),
        case(
            "GET",
            "/api/v1/actions?state=open",
            n.clone(),
            400,
            "~state",
        ),
        case(
            "GET",
            "/api/v1/actions?customer_id=NOPE",
            n.clone(),
            404,
            "~customer_id",
        ),
        case(
            "GET",
            "/api/v1/actions?cursor=2025-01-01",
            n.clone(),
            400,
            "~cursor",
        ),
        case(
            "POST",
            "/api/v1/actions",
            json!({"item_ids": ["I3"], "type": "visit", "name": "x", "date": "2025-03-01"}),
            422,
            "/type",
        ),
        case(
            "POST",
            "/api/v1/actions",
            json!({"item_ids": ["I3"], "type": "call", "name": "x", "date": "soon"}),
            422,
            "/date",
        ),
        case(
            "POST",
            "/api/v1/actions",
            json!({"item_ids": ["I3"], "type": "call", "name": "x", "date": "2025-03-01", "resolver_id": 999}),
            422,
            "/resolver_id",
        ),
        case(
            "PATCH",
            "/api/v1/actions/1",
            json!({"date": "2025-03-20"}),
            428,
            "~If-Match",
        ),
        case(
            "POST",
            "/api/v1/actions/1/detach",
            json!({"item_ids": ["I4"]}),
            422,
            "/item_ids/0",
        ),
        case(
            "POST",
            "/api/v1/actions/1/detach",
            json!({"item_ids": ["NOPE"]}),
            422,
            "/item_ids/0",
        ),
        case(
            "POST",
            "/api/v1/actions/1/terminate",
            json!({"date": "2025-02-30"}),
            422,
            "/date",
        ),
        case(
            "POST",
            "/api/v1/actions/1/terminate",
            json!({"comment": 5}),
            422,
            "/comment",
        ),
        case(
            "POST",
            "/api/v1/actions/999/terminate",
            json!({}),
            404,
            "~999",
        ),
        // ---- agenda and reminders ----
        case(
            "GET",
            "/api/v1/agenda?date=tomorrow",
            n.clone(),
            400,
            "~date",
        ),
        case("GET", "/api/v1/agenda?limit=501", n.clone(), 400, "~limit"),
        case(
            "GET",
            "/api/v1/agenda?resolver_id=x",
            n.clone(),
            400,
            "~resolver_id",
        ),
        case(
            "GET",
            "/api/v1/reminders/next",
            n.clone(),
            400,
            "~customer_id",
        ),
        case(
            "POST",
            "/api/v1/reminders",
            json!({"customer_id": "NOPE"}),
            422,
            "/customer_id",
        ),
        case(
            "POST",
            "/api/v1/reminders",
            json!({"customer_id": "C1", "step": 9}),
            422,
            "/step",
        ),
        case(
            "POST",
            "/api/v1/reminders",
            json!({"customer_id": "C1", "item_ids": ["I1"]}),
            422,
            "/item_ids/0",
        ),
        // ---- emails, outbox, links ----
        case(
            "POST",
            "/api/v1/emails",
            json!({"template": "resolver_dispute"}),
            422,
            "/status_change_id",
        ),
        case(
            "POST",
            "/api/v1/emails",
            json!({"template": "resolver_dispute", "status_change_id": 999}),
            422,
            "/status_change_id",
        ),
        case(
            "POST",
            "/api/v1/emails",
            json!({"template": "nope", "status_change_id": 1}),
            422,
            "/template",
        ),
        case(
            "POST",
            "/api/v1/emails",
            json!({"template": "resolver_dispute", "status_change_id": 1, "to": "not-an-email"}),
            422,
            "/to",
        ),
        case(
            "POST",
            "/api/v1/emails/preview",
            json!({"template": "resolver_dispute", "status_change_id": 1, "action_id": 1}),
            422,
            "/action_id",
        ),
        case(
            "POST",
            "/api/v1/emails/preview",
            json!({"template": "resolver_dispute", "status_change_id": 1, "body": "#nope"}),
            422,
            "~nope",
        ),
        case("GET", "/api/v1/outbox?state=lost", n.clone(), 400, "~state"),
        case("GET", "/api/v1/outbox/999", n.clone(), 404, "~999"),
        case("GET", "/api/v1/links/999", n.clone(), 404, "~999"),
        case("DELETE", "/api/v1/links/abc", n.clone(), 404, "~abc"),
        // ---- admin ----
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/admin/tokens",
                json!({"name": "x", "role": "root"}),
                422,
                "~role",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/admin/statuses",
                json!({"code": "Bad Code", "kind": "dispute"}),
                422,
                "/code",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/admin/statuses",
                json!({"code": "price_dispute", "kind": "dispute", "typology": "price", "labels": {"en": "x"}}),
                409,
                "~already exists",
            ),
        ),
        as_(
            Admin,
            case(
                "PATCH",
                "/api/v1/admin/statuses/nope",
                json!({}),
                404,
                "~nope",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/admin/resolvers",
                json!({"name": "R", "email": "bad", "role": "sales"}),
                422,
                "/email",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/admin/resolvers",
                json!({"name": "R", "email": "r@x.example", "role": "sales", "language": "klingon"}),
                422,
                "/language",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/admin/action-models",
                json!({"code": "m1", "type": "call", "name": "M", "delay_days": 9999}),
                422,
                "/delay_days",
            ),
        ),
        as_(
            Admin,
            case(
                "PUT",
                "/api/v1/admin/email-templates/resolver_dispute/en",
                json!({"audience": "resolver", "subject": "x", "body": "#unknown_tag"}),
                422,
                "~unknown_tag",
            ),
        ),
        as_(
            Admin,
            case(
                "PUT",
                "/api/v1/admin/email-templates/resolver_dispute/english",
                json!({}),
                422,
                "/language",
            ),
        ),
        as_(
            Admin,
            case(
                "POST",
                "/api/v1/admin/scenarios",
                json!({"code": "s1", "name": "S", "steps": [{"offset_days": 1, "type": "fax"}]}),
                422,
                "/steps/0/type",
            ),
        ),
        as_(
            Admin,
            case(
                "PUT",
                "/api/v1/admin/customers/C1/scenario",
                json!({"scenario": "nope"}),
                422,
                "/scenario",
            ),
        ),
        as_(
            Admin,
            case(
                "PUT",
                "/api/v1/admin/customers/NOPE/scenario",
                json!({"scenario": null}),
                404,
                "~NOPE",
            ),
        ),
    ];
    // The ERP case above that is valid is a control: it must change the database. Drop it
    // from the catalogue but keep the count honest.
    v.retain(|c| c.status != 200);
    v
}

#[test]
fn every_bad_request_is_refused_by_name_and_changes_nothing() {
    let w = world();
    let change = price_dispute(&w);
    assert_eq!(change["status_change_id"], 1);
    assert_eq!(change["action"]["id"], 1);
    let erp = token(&w.s, "erp");
    let cases = cases();
    assert!(cases.len() >= 80, "{} cases", cases.len());
    let before = checksum(&w);
    for c in &cases {
        let token = match c.auth {
            Auth::Admin => Some(ADMIN_TOKEN),
            Auth::Collector => Some(w.collector.as_str()),
            Auth::Erp => Some(erp.as_str()),
            Auth::Wrong => Some("not-a-token"),
            Auth::None => None,
        };
        let auth = token.map(bearer);
        let mut headers = vec![("content-type", c.content_type)];
        if let Some(a) = &auth {
            headers.push(("authorization", a));
        }
        let r = w.s.request(c.method, c.path, &headers, c.body.as_bytes());
        let label = format!(
            "{} {} {}",
            c.method,
            c.path,
            c.body.chars().take(120).collect::<String>()
        );
        assert_eq!(r.status, c.status, "{label}: {}", r.text());
        let v = problem(&r, c.status);
        if let Some(needle) = c.names.strip_prefix('~') {
            let text = v.to_string();
            assert!(text.contains(needle), "{label}: {needle:?} not in {text}");
        } else {
            let ps = pointers(&v);
            assert!(
                ps.iter().any(|p| p == c.names),
                "{label}: {} not in {ps:?}",
                c.names
            );
        }
        assert_eq!(checksum(&w), before, "{label} changed the database");
    }
}
