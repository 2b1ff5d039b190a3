//! The collection agenda and the reminder scenario in use.
//!
//! - `GET /api/v1/agenda?date=&collector=&resolver_id=`: live specific actions due on or
//!   before the date and scenario steps due, with customer, amounts and items; by due date
//!   then the largest amount; paginated.
//! - `GET /api/v1/reminders/next?customer_id=&date=`: a customer's next scenario step.
//! - `POST /api/v1/reminders`: record that a step was done, so the next one follows it.

use chrono::NaiveDate;
use serde_json::json;
use settle_domain::auth::{Principal, Role};
use settle_domain::dates::format_date;
use settle_domain::input::{Object, parse_object};
use settle_domain::money::{Currency, amount_string};
use settle_domain::scenario::{self, NextStep, Scenario, ScenarioItem};
use settle_domain::validation::Invalid;
use settle_store::SpinDb;
use settle_store::ledger::{self, Customer};
use settle_store::scenarios::{self, AgendaFilter, NewReminder};
use settle_store::{Db, StoreError};
use settle_web::{
    Answer, Query, authenticate, bad_query, conflict, invalid, json, json_body, method_not_allowed,
    not_found, now, open_db, respond, segments, today, unprocessable,
};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

#[http_component]
fn handle(req: Request) -> Response {
    respond(route(&req))
}

fn route(req: &Request) -> Answer<Response> {
    let db = open_db()?;
    let who = authenticate(req, &db, &[Role::Collector], false)?;
    if let Some(p) = segments(req.path(), "/api/v1/agenda") {
        return match (p.as_slice(), req.method()) {
            ([], Method::Get) => agenda(req, &db),
            ([], _) => Err(method_not_allowed("GET")),
            _ => Err(not_found("no such route")),
        };
    }
    if let Some(p) = segments(req.path(), "/api/v1/reminders") {
        return match (p.as_slice(), req.method()) {
            ([], Method::Post) => record(req, &db, &who),
            (["next"], Method::Get) => next(req, &db),
            ([], _) => Err(method_not_allowed("POST")),
            (["next"], _) => Err(method_not_allowed("GET")),
            _ => Err(not_found("no such route")),
        };
    }
    Err(not_found("no such route"))
}

fn agenda(req: &Request, db: &SpinDb) -> Answer<Response> {
    let q = Query::parse(
        req,
        &["date", "collector", "resolver_id", "cursor", "limit"],
    )?;
    let date = q.date("date")?.unwrap_or_else(today);
    let limit = q.limit(50, 500)?;
    let offset = match q.get("cursor") {
        None => 0,
        // Up to 18 digits, as the document says; past the end is an empty page (usize is
        // 32 bits in wasm, so the offset saturates rather than fails).
        Some(c) if (1..=18).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) => c
            .parse::<u64>()
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
            .map_err(|_| bad_query("cursor", "not a cursor this API returned"))?,
        Some(_) => return Err(bad_query("cursor", "not a cursor this API returned")),
    };
    let filter = AgendaFilter {
        collector: q.get("collector").map(str::to_string),
        resolver_id: q.int("resolver_id")?,
    };
    let (entries, total) = scenarios::agenda(db, date, &filter, offset, limit)?;
    let next = (offset + entries.len() < total).then(|| (offset + entries.len()).to_string());
    Ok(json(
        200,
        &json!({"date": format_date(date), "total": total, "entries": entries, "next_cursor": next}),
    ))
}

/// A customer's scenario, its items (held or not) and next step as of `date`.
struct State {
    customer: Customer,
    scenario: Scenario,
    items: Vec<ScenarioItem>,
    next: Option<NextStep>,
}

/// 409 when no active scenario applies; a store failure stays a 500.
fn state(db: &SpinDb, customer: Customer, date: NaiveDate) -> Answer<State> {
    let scenario = scenarios::scenario_of(db, customer.key)?.ok_or_else(|| {
        conflict(
            "no-scenario",
            "no active scenario applies: set a default scenario",
        )
    })?;
    let items = scenarios::scenario_items(db, customer.key)?;
    let done = scenarios::done_steps(db, customer.key, &scenario.code)?;
    let next = scenario::next_step(&scenario, &items, &done, date);
    Ok(State {
        customer,
        scenario,
        items,
        next,
    })
}

fn next(req: &Request, db: &SpinDb) -> Answer<Response> {
    let q = Query::parse(req, &["customer_id", "date"])?;
    let date = q.date("date")?.unwrap_or_else(today);
    let c = q.required("customer_id")?;
    let customer =
        ledger::customer(db, c)?.ok_or_else(|| not_found(&format!("no customer {c:?}")))?;
    let s = state(db, customer, date)?;
    let ids = |items: &[&ScenarioItem]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    let covered: Vec<&ScenarioItem> = s
        .next
        .as_ref()
        .map(|n| scenario::covered(&s.items, n))
        .unwrap_or_default();
    let held: Vec<&ScenarioItem> = s.items.iter().filter(|i| i.held).collect();
    // What the reminder asks for: an item disputed in part only for its undisputed rest.
    let mut to_chase = serde_json::Map::new();
    for (currency, minor) in scenario::to_chase(&covered) {
        let c = Currency::parse(&currency).map_err(StoreError)?;
        to_chase.insert(currency, amount_string(minor, c).into());
    }
    Ok(json(
        200,
        &json!({
            "customer_id": s.customer.id, "date": format_date(date), "scenario": s.scenario.code,
            "next": s.next, "item_ids": ids(&covered), "held_item_ids": ids(&held),
            "to_chase": to_chase,
        }),
    ))
}

fn record(req: &Request, db: &SpinDb, who: &Principal) -> Answer<Response> {
    let map = parse_object(json_body(req)?).map_err(|e| invalid(&e))?;
    let mut errors = Invalid::default();
    let mut o = Object::new(&map, "", &mut errors);
    let customer_id = o.text("customer_id", 64);
    let step = o.opt_int("step");
    let done_on = o.opt_date("done_on");
    let item_ids = if o.has("item_ids") {
        o.id_list("item_ids", 5_000)
    } else {
        None
    };
    let comment = o.opt_multiline("comment", 4_000);
    o.finish(&[]);
    errors.clone().into_result().map_err(|e| invalid(&e))?;
    let customer_id = customer_id.unwrap_or_default();
    let done_on = done_on.unwrap_or_else(today);
    db.transaction(|db| {
        let customer = ledger::customer(db, &customer_id)?.ok_or_else(|| {
            unprocessable("/customer_id", format!("no customer {customer_id:?}"))
        })?;
        let s = state(db, customer, done_on)?;
        let Some(next) = s.next.clone() else {
            return Err(unprocessable(
                "/customer_id",
                format!(
                    "customer {customer_id:?} has no scenario step to do: no open item is in the scenario, or every step was done"
                ),
            ));
        };
        let index = scenario::choose_step(&s.scenario, &next, step).map_err(|e| invalid(&e))?;
        let items: Vec<(i64, String)> =
            scenario::chosen_items(&s.items, &next, item_ids.as_deref(), &customer_id)
                .map_err(|e| invalid(&e))?
                .into_iter()
                .map(|i| (i.key, i.id.clone()))
                .collect();
        let step_type = s.scenario.steps[index].step_type.as_str();
        let reminder = scenarios::record_reminder(
            db,
            &NewReminder {
                customer_key: s.customer.key,
                customer_id: &s.customer.id,
                scenario: &s.scenario.code,
                step: index,
                step_type,
                reference_due: next.reference_due,
                done_on,
                items: &items,
                comment: comment.as_deref(),
            },
            &who.actor,
            &now(),
        )
        ?;
        let after = state(db, s.customer.clone(), done_on)?;
        let mut r = json(201, &json!({"reminder": reminder, "next": after.next}));
        r.set_header(
            "location",
            format!("/api/v1/reminders/next?customer_id={}", s.customer.id),
        );
        Ok(r)
    })
}
