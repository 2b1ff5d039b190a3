//! An ERP export as it really comes (issue 23, part 5): 100,000 rows of an SAP FBL5N-shaped
//! file (semicolons, decimal comma with trailing minus for credit memos, dd.mm.yyyy, German
//! headings, Windows-1252) through settle-host in one request with the built-in
//! `sap-fbl5n` profile, beside the native `csv` crate reading the same file and inserting
//! the same rows into the same schema with rusqlite (one prepared statement, one
//! transaction), in the same run. Target: the host at least 0.5× the native rate.
//!
//!     cargo bench -p settle-bench --bench import

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use settle_bench::ms;
use settle_host::testing::{TestServer, workspace_root};
use settle_store::{NativeDb, migrations};

const TOKEN: &str = "bench-admin";
const N: usize = 100_000;
const CUSTOMERS: usize = 100;

/// The file: German FBL5N headings, every 10th row a credit memo (DG, trailing minus).
fn fbl5n() -> Vec<u8> {
    let mut s = String::from(
        "Konto;Belegart;Belegnummer;Referenz;Belegdatum;Nettofälligkeit;Betrag in Hauswährung;Hauswährung\r\n",
    );
    for i in 0..N {
        let (kind, sign) = if i % 10 == 9 { ("DG", "-") } else { ("RV", "") };
        s.push_str(&format!(
            "{};{kind};{};F-{i};01.{:02}.2026;{:02}.{:02}.2026;{}.{:03},{:02}{sign};EUR\r\n",
            100_000 + i % CUSTOMERS,
            1_800_000_000 + i,
            1 + i % 12,
            1 + i % 28,
            1 + i % 12,
            1 + i % 7,
            i % 1000,
            i % 100
        ));
    }
    // Windows-1252, as SAP GUI writes a spreadsheet export: only the headings' ä and ü differ.
    s.chars()
        .flat_map(|c| match c {
            'ä' => vec![0xE4],
            'ü' => vec![0xFC],
            c => c.to_string().into_bytes(),
        })
        .collect()
}

fn customers_body() -> String {
    let customers: Vec<Value> = (0..CUSTOMERS)
        .map(|c| json!({"id": format!("{}", 100_000 + c), "name": format!("Kunde {c}"), "entity": "DE01", "currency": "EUR"}))
        .collect();
    json!({"customers": customers}).to_string()
}

/// The baseline: the `csv` crate reads the file (the layout known in advance), the amounts
/// and dates converted by hand, rows inserted with one prepared statement.
fn native(file: &[u8]) -> Duration {
    let dir = std::env::temp_dir().join(format!("settle-bench-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = NativeDb(rusqlite::Connection::open(dir.join("db.sqlite")).unwrap());
    migrations::migrate(&db, "2026-12-01T00:00:00Z").unwrap();
    db.0.execute(
        "INSERT INTO entities (code, name, created_at) VALUES ('DE01', 'DE01', 'x')",
        [],
    )
    .unwrap();
    for c in 0..CUSTOMERS {
        db.0.execute(
            "INSERT INTO customers (erp_id, name, entity, language, currency, created_at, updated_at)
             VALUES (?, 'k', 'DE01', 'de', 'EUR', 'x', 'x')",
            [format!("{}", 100_000 + c)],
        )
        .unwrap();
    }
    let t = Instant::now();
    let date = |d: &str| format!("{}-{}-{}", &d[6..10], &d[3..5], &d[0..2]);
    let tx = db.0.unchecked_transaction().unwrap();
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO items (erp_id, customer_id, entity, kind, number, issue_date, due_date, currency,
                 amount_minor, open_minor, created_at, updated_at)
                 VALUES (?, (SELECT id FROM customers WHERE erp_id = ?), 'DE01', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .unwrap();
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(file);
        for r in reader.byte_records() {
            let r = r.unwrap();
            let text = |i: usize| std::str::from_utf8(&r[i]).unwrap();
            let amount = text(6).trim_end_matches('-').replace(['.', ','], "");
            let minor: i64 = amount.parse().unwrap();
            let kind = if text(1) == "DG" {
                "credit_note"
            } else {
                "invoice"
            };
            stmt.execute(rusqlite::params![
                text(2),
                text(0),
                kind,
                text(3),
                date(text(4)),
                date(text(5)),
                text(7),
                minor,
                minor,
                "2026-12-01T00:00:00Z",
                "2026-12-01T00:00:00Z"
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    let took = t.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    took
}

fn rate(d: Duration) -> f64 {
    N as f64 / d.as_secs_f64()
}

fn main() {
    let file = fbl5n();
    let server = TestServer::start(&workspace_root().join("spin.toml"), |c| {
        c.env
            .insert("SPIN_VARIABLE_ADMIN_TOKEN".into(), TOKEN.into());
        c.log_requests = false;
    });
    let r = settle_bench::post_json(&server, TOKEN, "/api/v1/erp/customers", &customers_body());
    assert_eq!(r.status, 200, "{}", r.text());
    println!(
        "an FBL5N export of {N} rows ({:.1} MB, Windows-1252, ';', decimal comma)",
        file.len() as f64 / 1e6
    );
    let base = native(&file);
    let auth = format!("Bearer {TOKEN}");
    let upload = |dry: bool| {
        let t = Instant::now();
        let r = server.request(
            "POST",
            &format!("/api/v1/erp/items?profile=sap-fbl5n&mode=stock&entity=DE01&dry_run={dry}"),
            &[
                ("authorization", &auth),
                ("content-type", "application/octet-stream"),
            ],
            &file,
        );
        let took = t.elapsed();
        assert_eq!(r.status, 200, "{}", r.text());
        (took, r.json())
    };
    let (dry, preview) = upload(true);
    assert_eq!(preview["rows"], N);
    assert_eq!(preview["result"]["items"]["created"], N);
    let (host, done) = upload(false);
    assert_eq!(done["items"]["created"], N, "{done}");
    let row = |name: &str, d: Duration| {
        println!("{name:<58} {:>10.0} rows/s  ({:.0} ms)", rate(d), ms(d));
    };
    row("native: csv crate + rusqlite insert (baseline)", base);
    row("dry run through settle-host (read, check, roll back)", dry);
    row("import through settle-host (sap-fbl5n profile)", host);
    println!(
        "{:<58} {:>10.2}x (target >= 0.5x)",
        "host / native",
        rate(host) / rate(base)
    );
}
