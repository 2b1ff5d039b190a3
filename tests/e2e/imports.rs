//! ERP exports in the files companies really have: import profiles (built in and stored),
//! dialects read strictly, dry runs, and the import history, through the host.

use serde_json::{Value, json};

use crate::support::*;

fn upload(
    s: &settle_host::testing::TestServer,
    path: &str,
    bytes: &[u8],
) -> settle_host::testing::TestResponse {
    let auth = bearer(ADMIN_TOKEN);
    s.request(
        "POST",
        path,
        &[
            ("authorization", &auth),
            ("content-type", "application/octet-stream"),
        ],
        bytes,
    )
}

fn windows_1252(s: &str) -> Vec<u8> {
    // The few non-ASCII letters of these files, by their Windows-1252 bytes.
    s.chars()
        .flat_map(|c| match c {
            'ä' => vec![0xE4],
            'ü' => vec![0xFC],
            'é' => vec![0xE9],
            c if c.is_ascii() => vec![c as u8],
            c => panic!("no Windows-1252 byte for {c}"),
        })
        .collect()
}

/// An item as the ledger's list shows it.
fn item_of(s: &settle_host::testing::TestServer, id: &str) -> Value {
    let r = get(s, "/api/v1/items?limit=1000&as_of=2026-12-02", ADMIN_TOKEN);
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no item {id}"))
}

/// Customers 100234 and 100877 of entity DE01.
fn sap_customers(s: &settle_host::testing::TestServer) {
    let r = call(
        s,
        "POST",
        "/api/v1/erp/customers",
        ADMIN_TOKEN,
        &json!({"customers": [
            {"id": "100234", "name": "Müller Anlagenbau GmbH", "entity": "DE01", "language": "de", "currency": "EUR"},
            {"id": "100877", "name": "Société Générale d'Équipement", "entity": "DE01", "language": "fr", "currency": "EUR"}
        ]}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

const FBL5N: &str = "Konto;Belegart;Belegnummer;Referenz;Belegdatum;Nettofälligkeit;Betrag in Hauswährung;Hauswährung\r\n\
    100234;RV;1800001234;F-2026-1;01.11.2026;01.12.2026;1.234,56;EUR\r\n\
    100234;DG;1700000088;GS-88;05.11.2026;05.11.2026;155,22-;EUR\r\n\
    100877;DR;1800001299;F-2026-9;15.11.2026;15.01.2027;12.000,00;EUR\r\n";

#[test]
fn an_sap_export_is_previewed_then_imported_and_kept_in_the_history() {
    let s = start();
    sap_customers(&s);
    let file = windows_1252(FBL5N);
    let path =
        "/api/v1/erp/items?profile=sap-fbl5n&mode=stock&entity=DE01&file_name=FBL5N_2026-12.csv";
    // A dry run: what would happen, and nothing written.
    let r = upload(&s, &format!("{path}&dry_run=true"), &file);
    assert_eq!(r.status, 200, "{}", r.text());
    let dry = r.json();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["would_apply"], true);
    assert_eq!(dry["rows"], 3);
    assert_eq!(dry["refused"], json!([]));
    assert_eq!(
        dry["result"]["items"],
        json!({"created": 3, "updated": 0, "unchanged": 0, "closed": 0})
    );
    assert_eq!(dry["reading"]["encoding"], "windows-1252");
    assert_eq!(dry["reading"]["delimiter"], ";");
    assert_eq!(dry["reading"]["columns"]["due_date"], "Nettofälligkeit");
    assert_eq!(
        get(&s, "/api/v1/customers/100234/statement", ADMIN_TOKEN).json()["items"],
        json!([])
    );
    assert_eq!(
        get(&s, "/api/v1/admin/imports", ADMIN_TOKEN).json()["imports"],
        json!([])
    );
    // The real run does what the dry run said.
    let r = upload(&s, path, &file);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["items"], dry["result"]["items"]);
    let st = get(
        &s,
        "/api/v1/customers/100234/statement?as_of=2026-12-02",
        ADMIN_TOKEN,
    )
    .json();
    let items = st["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let credit = items.iter().find(|i| i["id"] == "1700000088").unwrap();
    assert_eq!(
        (credit["kind"].as_str(), credit["open_amount"].as_str()),
        (Some("credit_note"), Some("155.22"))
    );
    let invoice = items.iter().find(|i| i["id"] == "1800001234").unwrap();
    assert_eq!(
        (
            invoice["number"].as_str(),
            invoice["open_amount"].as_str(),
            invoice["due_date"].as_str()
        ),
        (Some("F-2026-1"), Some("1234.56"), Some("2026-12-01"))
    );
    // The history: who, when, which file and profile, what it did.
    let h = get(&s, "/api/v1/admin/imports", ADMIN_TOKEN).json();
    let last = &h["imports"][0];
    assert_eq!(last["file_name"], "FBL5N_2026-12.csv");
    assert_eq!(last["profile"], "sap-fbl5n");
    assert_eq!(last["target"], "items");
    assert_eq!(last["rows"], 3);
    assert_eq!(last["counts"]["items"]["created"], 3);
    assert!(!last["actor"].as_str().unwrap().is_empty(), "{last}");
    // The same file again: a dry run says nothing would change.
    let again = upload(&s, &format!("{path}&dry_run=true"), &file).json();
    assert_eq!(
        again["result"]["items"],
        json!({"created": 0, "updated": 0, "unchanged": 3, "closed": 0})
    );
}

#[test]
fn bad_files_are_refused_naming_line_column_and_value_and_change_nothing() {
    let s = start();
    sap_customers(&s);
    let bad = FBL5N.to_string()
        + "100234;ZZ;1800009999;X;01.11.2026;01.12.2026;10,00;EUR\r\n"
        + "100234;RV;1800001235;X;31.11.2026;01.12.2026;10,00;EUR\r\n"
        + "999999;RV;1800001236;X;01.11.2026;01.12.2026;10,00;EUR\r\n";
    let r = upload(&s, "/api/v1/erp/items?profile=sap-fbl5n", bad.as_bytes());
    let v = problem(&r, 422);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(
        (errors[0]["pointer"].as_str(), errors[0]["field"].as_str()),
        (Some("line 5"), Some("Belegart"))
    );
    assert!(errors[0]["message"].as_str().unwrap().contains("\"ZZ\""));
    assert_eq!(
        (errors[1]["pointer"].as_str(), errors[1]["field"].as_str()),
        (Some("line 6"), Some("Belegdatum"))
    );
    assert!(
        errors[1]["message"]
            .as_str()
            .unwrap()
            .contains("31.11.2026")
    );
    assert!(open_ids(&s).is_empty(), "nothing written");
    // The dry run lists the same refusals, and the unknown customer the store finds too.
    let dry = upload(
        &s,
        "/api/v1/erp/items?profile=sap-fbl5n&dry_run=true",
        bad.as_bytes(),
    )
    .json();
    assert_eq!(dry["would_apply"], false);
    assert_eq!(dry["rows"], 6);
    let refused: Vec<&str> = dry["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(refused[..2], ["line 5", "line 6"]);
    assert!(refused.contains(&"line 7"), "the unknown customer: {dry}");
    // Dates that read two ways, amounts that read two ways: refused unless the format is given.
    let head = "id;customer_id;kind;number;issue_date;due_date;amount;open_amount;currency\n";
    let two_dates = format!("{head}I1;100234;invoice;F1;03/04/2026;05/06/2026;10,00;10,00;EUR\n");
    let v = problem(&upload(&s, "/api/v1/erp/items", two_dates.as_bytes()), 422);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("day-first and month-first"),
        "{v}"
    );
    let r = upload(
        &s,
        "/api/v1/erp/items?date_format=mm/dd/yyyy",
        two_dates.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(item_of(&s, "I1")["due_date"], "2026-05-06");
    let two_amounts = format!("{head}I2;100234;invoice;F2;2026-04-03;2026-04-30;1.234;1.234;EUR\n");
    let v = problem(
        &upload(&s, "/api/v1/erp/items", two_amounts.as_bytes()),
        422,
    );
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("reads as"),
        "{v}"
    );
    assert_eq!(
        upload(&s, "/api/v1/erp/items?decimal=,", two_amounts.as_bytes()).status,
        200
    );
    assert_eq!(item_of(&s, "I2")["amount"], "1234.00");
    // Bad parameters and profiles are named.
    for (query, name) in [
        ("profile=nope", "profile"),
        ("profile=sap-fbl5n&decimal=;", "decimal"),
        ("delimiter=x", "delimiter"),
        ("encoding=latin9", "encoding"),
        ("date_format=dd-mm-yy", "date_format"),
        ("skip_rows=-1", "skip_rows"),
        ("colour=red", "colour"),
    ] {
        let r = upload(
            &s,
            &format!("/api/v1/erp/items?{query}"),
            two_dates.as_bytes(),
        );
        assert!(matches!(r.status, 400 | 422), "{query}: {}", r.status);
        assert!(r.text().contains(name), "{query}: {}", r.text());
    }
    // A profile for other records is refused; JSON batches take no file parameters.
    let v = problem(
        &upload(
            &s,
            "/api/v1/erp/payments?profile=sap-fbl5n",
            FBL5N.as_bytes(),
        ),
        422,
    );
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("reads items"),
        "{v}"
    );
    let r = call(
        &s,
        "POST",
        "/api/v1/erp/items?profile=sap-fbl5n",
        ADMIN_TOKEN,
        &json!({"items": []}),
    );
    let v = problem(&r, 422);
    assert_eq!(v["errors"][0]["pointer"], "profile", "{v}");
    // A dry run stores no answer, but its Idempotency-Key must still be well formed.
    let long = "k".repeat(201);
    let auth = bearer(ADMIN_TOKEN);
    let r = s.request(
        "POST",
        "/api/v1/erp/items?dry_run=true",
        &[
            ("authorization", auth.as_str()),
            ("content-type", "application/octet-stream"),
            ("idempotency-key", long.as_str()),
        ],
        two_dates.as_bytes(),
    );
    assert!(
        problem(&r, 400)["detail"]
            .as_str()
            .unwrap()
            .contains("Idempotency-Key")
    );
    // UTF-16 without its byte order mark is refused, not read as garbage.
    let mut no_bom = Vec::new();
    for u in FBL5N.encode_utf16() {
        no_bom.extend(u.to_le_bytes());
    }
    let v = problem(
        &upload(&s, "/api/v1/erp/items?profile=sap-fbl5n", &no_bom),
        422,
    );
    assert!(v.to_string().contains("byte order mark"), "{v}");
    assert_eq!(open_ids(&s).len(), 2, "only the two good files wrote");
}

#[test]
fn import_profiles_are_stored_audited_and_used() {
    let s = start();
    sap_customers(&s);
    let body = json!({
        "name": "Bank statement lines", "target": "payments",
        "format": {"delimiter": "|", "decimal": ",", "date_format": "yyyymmdd", "skip_rows": 1},
        "columns": {"id": "Ref", "item_id": ["Rechnung", "Invoice"], "amount": "Betrag", "date": "Datum"}
    });
    let r = s.request(
        "PUT",
        "/api/v1/admin/import-profiles/bank-lines",
        &[
            ("authorization", &bearer(ADMIN_TOKEN)),
            ("content-type", "application/json"),
        ],
        body.to_string().as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(
        r.json()["columns"]["item_id"],
        json!(["Rechnung", "Invoice"])
    );
    let listed = get(&s, "/api/v1/admin/import-profiles", ADMIN_TOKEN).json();
    let codes: Vec<&str> = listed["import_profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "sap-fbl5n",
            "sage50-aged-debtors",
            "dynamics-bc-customer-ledger",
            "odoo-journal-items",
            "bank-lines"
        ]
    );
    // Used for payments.
    let items = FBL5N.to_string();
    assert_eq!(
        upload(&s, "/api/v1/erp/items?profile=sap-fbl5n", items.as_bytes()).status,
        200
    );
    let pay = "Kontoauszug 2026-11\nRef|Invoice|Betrag|Datum\nZ-1|1800001234|234,56|20261130\n";
    let r = upload(
        &s,
        "/api/v1/erp/payments?profile=bank-lines",
        pay.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["payments"]["applied"], 1);
    assert_eq!(item_of(&s, "1800001234")["open_amount"], "1000.00");
    // Edited: the history says who changed what.
    let mut edited = body.clone();
    edited["name"] = json!("Bank lines (SEPA)");
    let r = s.request(
        "PUT",
        "/api/v1/admin/import-profiles/bank-lines",
        &[
            ("authorization", &bearer(ADMIN_TOKEN)),
            ("content-type", "application/json"),
        ],
        edited.to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let one = get(&s, "/api/v1/admin/import-profiles/bank-lines", ADMIN_TOKEN).json();
    assert_eq!(one["history"].as_array().unwrap().len(), 2);
    assert_eq!(one["history"][1]["before"]["name"], "Bank statement lines");
    // Bad bodies name their fields; built-ins cannot be changed; unknown ones are 404.
    let bad = json!({"name": "x", "target": "payments", "format": {"decimal": ";"}, "columns": {"id": "A", "colour": "B"}});
    let r = s.request(
        "PUT",
        "/api/v1/admin/import-profiles/bad",
        &[
            ("authorization", &bearer(ADMIN_TOKEN)),
            ("content-type", "application/json"),
        ],
        bad.to_string().as_bytes(),
    );
    let v = problem(&r, 422);
    let p = pointers(&v);
    assert!(
        p.contains(&"/format/decimal".to_string())
            && p.contains(&"/columns/colour".to_string())
            && p.contains(&"/columns/item_id".to_string()),
        "{p:?}"
    );
    let r = s.request(
        "PUT",
        "/api/v1/admin/import-profiles/sap-fbl5n",
        &[
            ("authorization", &bearer(ADMIN_TOKEN)),
            ("content-type", "application/json"),
        ],
        body.to_string().as_bytes(),
    );
    problem(&r, 409);
    let auth = bearer(ADMIN_TOKEN);
    problem(
        &s.request(
            "DELETE",
            "/api/v1/admin/import-profiles/sap-fbl5n",
            &[("authorization", &auth)],
            b"",
        ),
        409,
    );
    problem(
        &get(&s, "/api/v1/admin/import-profiles/nope", ADMIN_TOKEN),
        404,
    );
    // Deleted: gone, audited, and the history of imports keeps its code.
    assert_eq!(
        s.request(
            "DELETE",
            "/api/v1/admin/import-profiles/bank-lines",
            &[("authorization", &auth)],
            b""
        )
        .status,
        204
    );
    problem(
        &get(&s, "/api/v1/admin/import-profiles/bank-lines", ADMIN_TOKEN),
        404,
    );
    problem(
        &s.request(
            "DELETE",
            "/api/v1/admin/import-profiles/bank-lines",
            &[("authorization", &auth)],
            b"",
        ),
        404,
    );
    let h = get(&s, "/api/v1/admin/imports", ADMIN_TOKEN).json();
    assert_eq!(h["imports"][0]["profile"], "bank-lines");
    // Only admins.
    let v: Value = problem(&get(&s, "/api/v1/admin/import-profiles", "nobody"), 401);
    assert!(v["detail"].is_string());
}

/// Posts a multipart form (fields, then one file) with the visitor's cookies.
fn post_file(
    v: &crate::console::Visitor,
    s: &settle_host::testing::TestServer,
    path: &str,
    fields: &[(&str, &str)],
    file_name: &str,
    bytes: &[u8],
) -> settle_host::testing::TestResponse {
    let boundary = "settle-e2e-boundary-7d3f";
    let mut body = Vec::new();
    for (k, val) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\ncontent-disposition: form-data; name=\"{k}\"\r\n\r\n{val}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\ncontent-type: text/csv\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let cookie: String = v
        .cookies
        .borrow()
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    s.request(
        "POST",
        path,
        &[
            ("cookie", &cookie),
            (
                "content-type",
                &format!("multipart/form-data; boundary={boundary}"),
            ),
        ],
        &body,
    )
}

#[test]
fn the_console_previews_maps_and_imports_a_file_then_shows_it_in_the_history() {
    use crate::console::{PASSWORD, Visitor, field, user};
    let s = start();
    sap_customers(&s);
    user(&s, "ada@corp.example", "admin", "en");
    user(&s, "deniz@corp.example", "admin", "tr");
    user(&s, "carl@corp.example", "collector", "en");
    let v = Visitor::new(&s);
    assert_eq!(v.sign_in("ada@corp.example", PASSWORD).status, 303);
    let page = v.get("/app/admin/import");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("SAP FBL5N") && page.text().contains("No file imported yet."));
    let token = field(&page.text(), "form_token");

    // No anti-forgery token: refused before the file is kept.
    let r = post_file(
        &v,
        &s,
        "/app/admin/import",
        &[("target", "items")],
        "x.csv",
        b"a;b\n",
    );
    assert_eq!(r.status, 403);
    // A bad option: the form again, naming it.
    let r = post_file(
        &v,
        &s,
        "/app/admin/import",
        &[("form_token", &token), ("delimiter", "#")],
        "x.csv",
        b"a;b\n",
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("delimiter"), "{}", r.text());

    // The SAP export with one bad line: previewed, the line named, nothing importable.
    let bad = FBL5N.replace("15.01.2027", "31.02.2027");
    let r = post_file(
        &v,
        &s,
        "/app/admin/import",
        &[
            ("form_token", &token),
            ("target", "items"),
            ("profile", "sap-fbl5n"),
            ("mode", "delta"),
        ],
        "FBL5N_bad.csv",
        &windows_1252(&bad),
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let preview_path = r.header("location").unwrap().to_string();
    assert!(
        preview_path.starts_with("/app/admin/import/"),
        "{preview_path}"
    );
    let p = v.get(&preview_path);
    assert_eq!(p.status, 200, "{}", p.text());
    let html = p.text();
    assert!(
        html.contains("Rows read: 3") && html.contains("Rows refused: 1"),
        "{html}"
    );
    assert!(
        html.contains("line 4") && html.contains("Nettofälligkeit"),
        "{html}"
    );
    assert!(
        html.contains("1800001234") && html.contains("1234.56"),
        "{html}"
    );
    assert!(
        !html.contains("/confirm"),
        "no import while a line is refused"
    );
    // Another admin cannot open it.
    let d = Visitor::new(&s);
    assert_eq!(d.sign_in("deniz@corp.example", PASSWORD).status, 303);
    assert_eq!(d.get(&preview_path).status, 404);
    // A confirmation forced anyway writes nothing.
    let upload_id = preview_path
        .trim_start_matches("/app/admin/import/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let r = v.post(
        &format!("/app/admin/import/{upload_id}/confirm"),
        &[
            ("form_token", &token),
            ("target", "items"),
            ("profile", "sap-fbl5n"),
        ],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        get(&s, "/api/v1/admin/imports", ADMIN_TOKEN).json()["imports"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // A file with columns of its own: mapped from its header, saved as a profile.
    let own = "Invoice|Client|Issued|Due|Total|Open|Cur\n\
               INV-9|100234|2026-11-02|2026-12-02|99.50|99.50|EUR\n\
               INV-10|100877|2026-11-03|2026-12-03|10.00|10.00|EUR\n";
    let r = post_file(
        &v,
        &s,
        "/app/admin/import",
        &[("form_token", &token), ("target", "items")],
        "own.txt",
        own.as_bytes(),
    );
    let path = r.header("location").unwrap().to_string();
    let p = v.get(&path);
    assert_eq!(
        p.status,
        422,
        "Settle's own columns are not there: {}",
        p.text()
    );
    assert!(
        p.text().contains("name=\"column-customer_id\""),
        "{}",
        p.text()
    );
    let own_id = path
        .trim_start_matches("/app/admin/import/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let r = v.post(
        &format!("/app/admin/import/{own_id}/profile"),
        &[
            ("form_token", &token),
            ("target", "items"),
            ("code", "pipe-invoices"),
            ("name", "Pipe-separated invoices"),
            ("column-id", "Invoice"),
            ("column-customer_id", "Client"),
            ("column-issue_date", "Issued"),
            ("column-due_date", "Due"),
            ("column-amount", "Total"),
            ("column-open_amount", "Open"),
            ("column-currency", "Cur"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let path = r.header("location").unwrap().to_string();
    assert!(path.contains("profile=pipe-invoices"), "{path}");
    let p = v.get(&path);
    assert_eq!(p.status, 200, "{}", p.text());
    assert!(p.text().contains("Rows read: 2") && p.text().contains("INV-10"));
    let stored = get(
        &s,
        "/api/v1/admin/import-profiles/pipe-invoices",
        ADMIN_TOKEN,
    );
    assert_eq!(stored.status, 200, "{}", stored.text());
    assert_eq!(stored.json()["columns"]["customer_id"], "Client");
    // Confirmed: imported once, in the history, the upload gone.
    let r = v.post(
        &format!("/app/admin/import/{own_id}/confirm"),
        &[
            ("form_token", &token),
            ("target", "items"),
            ("profile", "pipe-invoices"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some("/app/admin/import?done=1#history")
    );
    assert_eq!(item_of(&s, "INV-9")["open_amount"], "99.50");
    let h = get(&s, "/api/v1/admin/imports", ADMIN_TOKEN).json();
    assert_eq!(h["imports"].as_array().unwrap().len(), 1);
    assert_eq!(h["imports"][0]["file_name"], "own.txt");
    assert_eq!(h["imports"][0]["profile"], "pipe-invoices");
    let page = v.get("/app/admin/import?done=1").text();
    assert!(
        page.contains("The file was imported.") && page.contains("own.txt"),
        "{page}"
    );
    assert_eq!(v.get(&path).status, 404, "the upload is gone once imported");
    let r = v.post(
        &format!("/app/admin/import/{own_id}/confirm"),
        &[
            ("form_token", &token),
            ("target", "items"),
            ("profile", "pipe-invoices"),
        ],
    );
    assert_eq!(r.status, 404, "no second import");
    assert_eq!(
        get(&s, "/api/v1/admin/imports", ADMIN_TOKEN).json()["imports"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // In Turkish; not for collectors; a forged upload id is no page.
    assert!(
        d.get("/app/admin/import")
            .text()
            .contains("İçe aktarma geçmişi")
    );
    assert_eq!(v.get("/app/admin/import/not-an-upload").status, 404);
    let c = Visitor::new(&s);
    assert_eq!(c.sign_in("carl@corp.example", PASSWORD).status, 303);
    assert_eq!(c.get("/app/admin/import").status, 403);
}
