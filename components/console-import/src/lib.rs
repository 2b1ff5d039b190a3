//! The console's *Import* (`/app/admin/import`, admins only): an ERP export, as the credit
//! manager has it, into Settle.
//!
//! | path | what |
//! |---|---|
//! | `GET /app/admin/import` | the upload form and the import history |
//! | `POST /app/admin/import` | keeps the uploaded file (key-value store, 24 hours), then its preview |
//! | `GET /app/admin/import/{upload}?target=&profile=&...` | the preview: how the file was read, what the import would do, the first 20 rows as Settle reads them, every refused line, and the mapping (the file's own columns for each field) |
//! | `POST /app/admin/import/{upload}/profile` | saves the mapping as an import profile, then previews through it |
//! | `POST /app/admin/import/{upload}/confirm` | imports the file (one transaction, in the history) |
//!
//! Every read and write is the ERP API's (`settle_usecases::erp::{dry_run_file, parse_file,
//! apply_file}`, `settle_usecases::imports::save_profile`), so a file previews, refuses and
//! imports exactly as `POST /api/v1/erp/...` would. Its own component: the file readers
//! beside the console's pages would take `console-admin` over the 2 MB budget.

use minijinja::{Value, context};
use serde_json::json;
use settle_domain::import::profile::{ImportProfile, Target};
use settle_domain::import::text::{Dialect, read_table};
use settle_domain::import::{self, Parsed};
use settle_domain::money::amount_string;
use settle_domain::validation::Invalid;
use settle_pages::blobs;
use settle_pages::console::{Ctx, Failure, failure_page, field_errors};
use settle_store::Db;
use settle_store::imports as history;
use settle_web::settle_usecases::erp::{self, FileOptions};
use settle_web::settle_usecases::imports as profiles;
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

const TEMPLATES: &[(&str, &str)] = &[
    ("import.html", include_str!("../templates/import.html")),
    (
        "import_preview.html",
        include_str!("../templates/import_preview.html"),
    ),
];

/// How long an uploaded file waits for its confirmation.
const UPLOAD_HOURS: i64 = 24;
/// The rows a preview shows.
const PREVIEW_ROWS: usize = 20;
/// The options a preview and a confirmation carry (query string or hidden fields).
const OPTIONS: [&str; 9] = [
    "target",
    "profile",
    "mode",
    "entity",
    "delimiter",
    "decimal",
    "date_format",
    "encoding",
    "skip_rows",
];

#[http_component]
async fn handle(req: Request) -> Response {
    let ctx = match Ctx::open_or_sign_in(&req, TEMPLATES) {
        Ok(ctx) => ctx,
        Err(answer) => return answer,
    };
    let result = if ctx.is_admin() {
        route(&ctx)
    } else {
        Err(Failure::Forbidden)
    };
    let response = match result {
        Ok(r) => r,
        Err(f) => failure_page(&req, Some(&ctx), &f),
    };
    settle_web::after_commit::run(&ctx.db, &ctx.later()).await;
    response
}

fn route(ctx: &Ctx) -> Result<Response, Failure> {
    let path = ctx.req.path().to_string();
    let seg = settle_web::segments(&path, "/app/admin/import").unwrap_or_default();
    match (seg.as_slice(), ctx.req.method()) {
        ([], Method::Get) => index(ctx, 200, Vec::new()),
        ([], Method::Post) => upload(ctx),
        ([key], Method::Get) => {
            let pairs = settle_web::query(ctx.req);
            preview(ctx, key, &pairs, 200, Vec::new())
        }
        ([key, "profile"], Method::Post) => save_profile(ctx, key),
        ([key, "confirm"], Method::Post) => confirm(ctx, key),
        ([], _) => Err(Failure::Method("GET, POST")),
        ([_], _) => Err(Failure::Method("GET")),
        ([_, "profile" | "confirm"], _) => Err(Failure::Method("POST")),
        _ => Err(Failure::NotFound),
    }
}

/// Every profile by target, for the selects.
fn profile_choices(ctx: &Ctx) -> Result<Vec<Value>, Failure> {
    Ok(profiles::profiles(&ctx.db)?
        .into_iter()
        .map(|p| context! { code => p.code, name => p.name, target => p.target.as_str(), built_in => p.built_in })
        .collect())
}

/// The upload form and the history.
fn index(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    let done = settle_web::query(ctx.req)
        .into_iter()
        .any(|(k, v)| k == "done" && v == "1");
    ctx.render(
        status,
        "import.html",
        "admin",
        context! {
            profiles => profile_choices(ctx)?,
            imports => history::imports(&ctx.db, 50)?,
            done => done,
            errors => errors,
        },
    )
}

// ---- the uploaded file ------------------------------------------------------------------

/// Where a user's upload is kept: the file, and what is known of it.
fn keys(ctx: &Ctx, upload: &str) -> Result<(String, String), Failure> {
    if upload.len() != 64 || !upload.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Failure::NotFound);
    }
    let base = format!("import-upload:{}:{upload}", ctx.me.user.id);
    Ok((format!("{base}:file"), format!("{base}:meta")))
}

/// A key-value failure, as the console shows it (logged, not shown).
fn kv<T>(r: Result<T, settle_pages::PageError>) -> Result<T, Failure> {
    r.map_err(|e| match e {
        settle_pages::PageError::Server(status, why) => Failure::Server(status, why),
        other => Failure::Server(500, format!("key-value store: {other:?}")),
    })
}

struct Upload {
    bytes: Vec<u8>,
    file_name: String,
}

/// The upload, if it is this user's and not older than [`UPLOAD_HOURS`].
fn load(ctx: &Ctx, upload: &str) -> Result<Upload, Failure> {
    let (file, meta) = keys(ctx, upload)?;
    let meta: serde_json::Value = match kv(blobs::get(&meta))? {
        Some(m) => serde_json::from_slice(&m).unwrap_or_default(),
        None => return Err(Failure::NotFound),
    };
    let fresh = meta["at"]
        .as_str()
        .and_then(|at| settle_domain::dates::parse_timestamp(at).ok())
        .is_some_and(|at| chrono::Utc::now() - at < chrono::Duration::hours(UPLOAD_HOURS));
    if !fresh {
        forget(ctx, upload);
        return Err(Failure::NotFound);
    }
    let bytes = kv(blobs::get(&file))?.ok_or(Failure::NotFound)?;
    Ok(Upload {
        bytes,
        file_name: meta["file_name"].as_str().unwrap_or_default().to_string(),
    })
}

fn forget(ctx: &Ctx, upload: &str) {
    if let Ok((file, meta)) = keys(ctx, upload) {
        blobs::delete(&file);
        blobs::delete(&meta);
    }
}

/// The multipart upload, its anti-forgery token checked before anything else is read.
fn upload(ctx: &Ctx) -> Result<Response, Failure> {
    let bytes = settle_web::body(ctx.req, settle_web::MAX_BATCH_BODY)?;
    let form = settle_web::forms::parse(&settle_pages::render::content_type(ctx.req), bytes)
        .map_err(|e| Failure::Invalid(400, e))?;
    if !ctx.me.session.form_token_ok(form.get("form_token")) {
        return Err(Failure::Forbidden);
    }
    let Some(file) = form.files("file").into_iter().next() else {
        let e = Invalid::one("file", Some("file"), "choose the file to import");
        return index(ctx, 422, field_errors(&ctx.messages, &e));
    };
    // The options are checked now, so a typo is shown with the form.
    let pairs: Vec<(String, String)> = OPTIONS
        .iter()
        .filter_map(|k| {
            form.get(k)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (k.to_string(), v.to_string()))
        })
        .collect();
    if let Err(e) = options(&pairs) {
        return index(ctx, 422, field_errors(&ctx.messages, &e));
    }
    let upload: String = blobs::new_key()
        .trim_start_matches("attachment:")
        .to_string();
    let (file_key, meta_key) = keys(ctx, &upload)?;
    kv(blobs::put(&file_key, &file.bytes))?;
    let meta =
        json!({"file_name": file.filename, "size": file.bytes.len(), "at": settle_web::now()});
    kv(blobs::put(&meta_key, meta.to_string().as_bytes()))?;
    ctx.redirect(&format!(
        "/app/admin/import/{upload}?{}",
        settle_web::encode_query(&pairs)
    ))
}

// ---- options ------------------------------------------------------------------------------

/// The target and the reading options, as the ERP API reads them.
fn options(pairs: &[(String, String)]) -> Result<(Target, FileOptions), Invalid> {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
    };
    let target = match get("target") {
        None => Target::Items,
        Some(t) => Target::parse(&t).ok_or_else(|| {
            Invalid::one("target", Some("target"), "items, payments or customers")
        })?,
    };
    let o = FileOptions::read(&get)?;
    if let Some(m) = &o.mode
        && m != "delta"
        && m != "stock"
    {
        return Err(Invalid::one("mode", Some("mode"), "mode: delta or stock"));
    }
    Ok((target, o))
}

fn option_list(pairs: &[(String, String)]) -> Vec<Value> {
    pairs
        .iter()
        .filter(|(k, v)| OPTIONS.contains(&k.as_str()) && !v.trim().is_empty())
        .map(|(k, v)| context! { name => k, value => v })
        .collect()
}

// ---- the preview ------------------------------------------------------------------------

/// What a row of the preview shows, field by field as Settle reads it.
fn rows_of(parsed: &Parsed) -> (Vec<&'static str>, Vec<Vec<String>>) {
    match parsed {
        Parsed::Items(b) => (
            vec![
                "line",
                "id",
                "customer_id",
                "kind",
                "number",
                "issue_date",
                "due_date",
                "amount",
                "open_amount",
                "currency",
            ],
            b.items
                .iter()
                .take(PREVIEW_ROWS)
                .map(|i| {
                    vec![
                        i.at.trim_start_matches("line ").to_string(),
                        i.erp_id.clone(),
                        i.customer_erp_id.clone(),
                        i.kind.as_str().to_string(),
                        i.number.clone(),
                        i.issue_date.to_string(),
                        i.due_date.to_string(),
                        amount_string(i.amount_minor, i.currency),
                        amount_string(i.open_minor, i.currency),
                        i.currency.code().to_string(),
                    ]
                })
                .collect(),
        ),
        Parsed::Payments(p) => (
            vec!["line", "id", "item_id", "amount", "date", "reference"],
            p.iter()
                .take(PREVIEW_ROWS)
                .map(|p| {
                    vec![
                        p.at.trim_start_matches("line ").to_string(),
                        p.erp_id.clone(),
                        p.item_erp_id.clone(),
                        p.amount.clone(),
                        p.date.to_string(),
                        p.reference.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
        Parsed::Customers(c) => (
            vec![
                "id",
                "name",
                "entity",
                "language",
                "currency",
                "email",
                "collector",
            ],
            c.iter()
                .take(PREVIEW_ROWS)
                .map(|c| {
                    vec![
                        c.erp_id.clone(),
                        c.name.clone(),
                        c.entity.clone(),
                        c.language.clone(),
                        c.currency.code().to_string(),
                        c.email.clone().unwrap_or_default(),
                        c.collector.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
    }
}

/// The preview of an upload read with the options in `pairs`. A file that cannot be read at
/// all (its encoding, a missing column) shows why, with the options to change.
fn preview(
    ctx: &Ctx,
    upload: &str,
    pairs: &[(String, String)],
    status: u16,
    mut errors: Vec<Value>,
) -> Result<Response, Failure> {
    let file = load(ctx, upload)?;
    let mut shown = context! {};
    let mut status = status;
    match options(pairs) {
        Err(e) => {
            status = 422;
            errors.extend(field_errors(&ctx.messages, &e));
        }
        Ok((target, o)) => match read(ctx, target, &o, &file) {
            Ok(v) => shown = v,
            Err(Failure::Invalid(s, inv)) => {
                status = s;
                errors.extend(field_errors(&ctx.messages, &inv));
                shown = header_only(ctx, target, &o, &file);
            }
            Err(e) => return Err(e),
        },
    }
    let target = pairs
        .iter()
        .find(|(k, _)| k == "target")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| "items".into());
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    ctx.render(
        status,
        "import_preview.html",
        "admin",
        context! {
            upload => upload,
            file_name => file.file_name,
            size => file.bytes.len(),
            target => target,
            chosen => context! {
                profile => get("profile"), mode => get("mode"), entity => get("entity"),
                delimiter => get("delimiter"), decimal => get("decimal"),
                date_format => get("date_format"), encoding => get("encoding"),
                skip_rows => get("skip_rows"),
            },
            options => option_list(pairs),
            profiles => profile_choices(ctx)?,
            shown => shown,
            errors => errors,
        },
    )
}

/// Reads the file as the API's dry run does: the reading, the counts, the first rows and
/// every refused line, and the mapping form's columns.
fn read(ctx: &Ctx, target: Target, o: &FileOptions, file: &Upload) -> Result<Value, Failure> {
    let profile = erp::file_profile(&ctx.db, target.as_str(), o)?;
    let preview = import::preview_file(
        &file.bytes,
        &profile,
        o.mode.as_deref(),
        o.entity.as_deref(),
    )
    .map_err(|e| Failure::Invalid(422, e))?;
    let run = erp::dry_run_file(&ctx.db, target.as_str(), &file.bytes, o, &ctx.who())?;
    let (fields, rows) = rows_of(&preview.parsed);
    let reading = &preview.reading;
    let mapping: Vec<Value> = target
        .fields()
        .iter()
        .map(|f| context! { field => f, column => reading.columns.get(f).cloned().unwrap_or_default() })
        .collect();
    // What the import would do, count by count (`created`, `closed`, `applied`...).
    let counts: Vec<Value> = serde_json::to_value(&run.result)
        .ok()
        .and_then(|v| {
            ["items", "payments", "customers"]
                .iter()
                .find_map(|k| v.get(*k).and_then(|c| c.as_object()).cloned())
        })
        .map(|m| {
            m.into_iter()
                .map(|(k, n)| context! { key => k, n => n.as_u64().unwrap_or(0) })
                .collect()
        })
        .unwrap_or_default();
    Ok(context! {
        counts => counts,
        profile => profile_view(&profile),
        reading => reading,
        rows_read => preview.rows_read,
        fields => fields,
        rows => rows,
        more => preview.rows_read > rows.len() + run.refused.len(),
        refused => run.refused,
        would_apply => run.would_apply,
        header => reading.header,
        mapping => mapping,
    })
}

/// When the file cannot be read through the profile (a column it lacks), its header row
/// still can: the mapping form, to choose the file's own columns.
fn header_only(ctx: &Ctx, target: Target, o: &FileOptions, file: &Upload) -> Value {
    let Ok(profile) = erp::file_profile(&ctx.db, target.as_str(), o) else {
        return context! {};
    };
    let dialect = Dialect {
        delimiter: profile.format.delimiter,
        encoding: profile.format.encoding,
        skip_rows: profile.format.skip_rows,
    };
    let Ok(table) = read_table(&file.bytes, &dialect) else {
        return context! {};
    };
    let mapping: Vec<Value> = target
        .fields()
        .iter()
        .map(|f| {
            let column = profile
                .columns
                .get(f)
                .and_then(|names| names.iter().find(|n| table.header.contains(n)))
                .cloned()
                .unwrap_or_default();
            context! { field => f, column => column }
        })
        .collect();
    context! { profile => profile_view(&profile), header => table.header, mapping => mapping }
}

fn profile_view(p: &ImportProfile) -> Value {
    context! { code => p.code, name => p.name, built_in => p.built_in }
}

// ---- writes -----------------------------------------------------------------------------

/// The options a posted form carries (hidden fields of the preview).
fn posted_options(f: &settle_web::forms::Form) -> Vec<(String, String)> {
    OPTIONS
        .iter()
        .filter_map(|k| {
            f.get(k)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (k.to_string(), v.to_string()))
        })
        .collect()
}

/// Saves the mapping (`column-<field>`: a column of the file's header, or none) over the
/// profile the preview used, under `code` and `name`, then previews through it.
fn save_profile(ctx: &Ctx, upload: &str) -> Result<Response, Failure> {
    let f = ctx.form()?;
    load(ctx, upload)?;
    let mut pairs = posted_options(&f);
    let (target, o) = options(&pairs)?;
    let base = erp::file_profile(&ctx.db, target.as_str(), &o)?;
    let mut body = base.body();
    body["name"] = json!(f.get("name").unwrap_or_default().trim());
    let columns: serde_json::Map<String, serde_json::Value> = target
        .fields()
        .iter()
        .filter_map(|field| {
            f.get(&format!("column-{field}"))
                .filter(|c| !c.trim().is_empty())
                .map(|c| (field.to_string(), json!(c)))
        })
        .collect();
    body["columns"] = serde_json::Value::Object(columns);
    // Settle's own columns name kinds as Settle does: a mapped file names them its way.
    if base.code.is_empty() && body.get("kinds").is_none() && target == Target::Items {
        body["kinds"] = json!("by_sign");
    }
    let code = f.get("code").unwrap_or_default().trim().to_string();
    let saved = profiles::save_profile(
        &ctx.db,
        &code,
        body.as_object()
            .cloned()
            .as_ref()
            .unwrap_or(&Default::default()),
        &ctx.who(),
    );
    match saved.map_err(Failure::from) {
        Ok(_) => {
            pairs.retain(|(k, _)| k != "profile");
            pairs.push(("profile".into(), code));
            ctx.redirect(&format!(
                "/app/admin/import/{upload}?{}",
                settle_web::encode_query(&pairs)
            ))
        }
        Err(Failure::Invalid(s, inv)) => {
            preview(ctx, upload, &pairs, s, field_errors(&ctx.messages, &inv))
        }
        Err(e) => Err(e),
    }
}

/// Imports the file: read and checked, then written in one transaction with its history
/// row; refused (every bad line listed) when anything is wrong, nothing written.
fn confirm(ctx: &Ctx, upload: &str) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let file = load(ctx, upload)?;
    let pairs = posted_options(&f);
    let (target, mut o) = options(&pairs)?;
    o.file_name = Some(file.file_name.clone()).filter(|n| !n.is_empty());
    let who = ctx.who();
    let written = erp::parse_file(&ctx.db, target.as_str(), &file.bytes, &o)
        .and_then(|batch| ctx.db.transaction(|db| erp::apply_file(db, &batch, &who)));
    match written.map_err(Failure::from) {
        Ok(done) => {
            ctx.after_commit(done.after);
            forget(ctx, upload);
            ctx.redirect("/app/admin/import?done=1#history")
        }
        Err(Failure::Invalid(s, inv)) => {
            preview(ctx, upload, &pairs, s, field_errors(&ctx.messages, &inv))
        }
        Err(e) => Err(e),
    }
}
