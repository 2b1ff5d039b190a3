//! `/api/v1/disputes`: dispute cases (see `settle_usecases::disputes`): the list, one case,
//! `PATCH` its root cause and validity, `POST .../write-off`, `POST .../reopen`.

use serde_json::{Value, json};
use settle_domain::auth::Role;
use settle_domain::dates::format_date;
use settle_domain::money::Currency;
use settle_store::SpinDb;
use settle_store::disputes::{self as store, CaseFilter, CaseView};
use settle_store::ledger;
use settle_web::after_commit::Later;
use settle_web::settle_usecases::disputes as cases;
use settle_web::{
    Answer, Cursor, Query, authenticate, bad_query, json, method_not_allowed, not_found, open_db,
    optional_object_body, today, usecase,
};
use spin_sdk::http::{Method, Request, Response};

pub fn route(req: &Request, path: &[&str], later: &Later) -> Answer<Response> {
    let db = open_db()?;
    let who = authenticate(req, &db, &[Role::Collector], false)?;
    match (path, req.method()) {
        ([], Method::Get) => list(req, &db),
        ([id], Method::Get) => read(&db, id),
        ([id], Method::Patch) => {
            let body = settle_web::object_body(req)?;
            let case = cases::record_finding(&db, id_of(id)?, &body, &usecase::who(&who))?.value;
            Ok(json(200, &detail(&db, &case)?))
        }
        ([id, "write-off"], Method::Post) => {
            let body = optional_object_body(req)?;
            let done = cases::write_off(&db, id_of(id)?, &body, &usecase::who(&who))?;
            later.add(done.after);
            Ok(json(200, &detail(&db, &done.value)?))
        }
        ([id, "reopen"], Method::Post) => {
            let body = settle_web::object_body(req)?;
            let done = cases::reopen(&db, id_of(id)?, &body, &usecase::who(&who))?;
            later.add(done.after);
            let mut v = detail(&db, &done.value.case)?;
            v["status_change_id"] = json!(done.value.status_change_id);
            v["action_id"] = json!(done.value.action_id);
            Ok(json(200, &v))
        }
        ([], _) => Err(method_not_allowed("GET")),
        ([_], _) => Err(method_not_allowed("GET, PATCH")),
        ([_, "write-off" | "reopen"], _) => Err(method_not_allowed("POST")),
        _ => Err(not_found("no such route")),
    }
}

fn id_of(id: &str) -> Answer<i64> {
    id.parse::<i64>()
        .map_err(|_| not_found(&format!("no dispute {id:?}")))
}

fn read(db: &SpinDb, id: &str) -> Answer<Response> {
    let case =
        store::case(db, id_of(id)?)?.ok_or_else(|| not_found(&format!("no dispute {id:?}")))?;
    Ok(json(200, &detail(db, &case)?))
}

/// A case with its item (open amount beside the disputed amount) and amount history.
fn detail(db: &SpinDb, c: &CaseView) -> Answer<Value> {
    let currency = Currency::parse(c.amounts.currency).map_err(settle_store::StoreError)?;
    let history = store::history(db, c.id, currency)?;
    let item: Vec<_> = ledger::item_by_key(db, c.item_key, today())?
        .into_iter()
        .collect();
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    v["late"] = json!(late(c));
    v["items"] = json!(item);
    v["history"] = json!(history);
    Ok(v)
}

fn late(c: &CaseView) -> bool {
    settle_domain::disputes::is_late(
        c.state == "open",
        c.deadline.as_deref(),
        &format_date(today()),
    )
}

fn list(req: &Request, db: &SpinDb) -> Answer<Response> {
    let q = Query::parse(
        req,
        &[
            "item_id",
            "customer_id",
            "status",
            "resolver_id",
            "reason",
            "late",
            "cursor",
            "limit",
        ],
    )?;
    let mut f = CaseFilter {
        limit: q.limit(100, 1000)?,
        resolver_id: q.int("resolver_id")?,
        reason: q.get("reason").map(str::to_string),
        ..Default::default()
    };
    if let Some(i) = q.get("item_id") {
        let found = settle_store::actions::load_items(db, &[i.to_string()])?;
        f.item_key = Some(
            found
                .into_iter()
                .flatten()
                .next()
                .ok_or_else(|| not_found(&format!("item_id: no item {i:?}")))?
                .key,
        );
    }
    if let Some(c) = q.get("customer_id") {
        f.customer_key = Some(
            ledger::customer(db, c)?
                .ok_or_else(|| not_found(&format!("customer_id: no customer {c:?}")))?
                .key,
        );
    }
    if let Some(s) = q.get("status") {
        if s != "open" && s != "resolved" {
            return Err(bad_query(
                "status",
                format!("{s:?} must be open or resolved"),
            ));
        }
        f.state = Some(s.to_string());
    }
    if q.bool("late")? == Some(true) {
        f.late_on = Some(format_date(today()));
    }
    f.before = q.cursor()?.map(|c| (c.date, c.id));
    let list = store::cases(db, &f)?;
    let next = Cursor::next(&list, f.limit, |c| (c.opened_on.as_str(), c.id));
    let rows: Vec<Value> = list
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            v["late"] = json!(late(c));
            v
        })
        .collect();
    Ok(json(200, &json!({"disputes": rows, "next_cursor": next})))
}
