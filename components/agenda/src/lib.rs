//! The collection agenda and the reminder scenario in use.
//!
//! - `GET /api/v1/agenda?date=&collector=&resolver_id=`: live specific actions due on or
//!   before the date and scenario steps due, with customer, amounts and items; by due date
//!   then the largest amount; paginated.
//! - `GET /api/v1/reminders/next?customer_id=&date=`: a customer's next scenario step.
//! - `POST /api/v1/reminders`: record that a step was done, so the next one follows it.

use serde_json::json;
use settle_domain::auth::{Principal, Role};
use settle_domain::dates::format_date;
use settle_domain::input::{Object, parse_object};
use settle_domain::scenario::{self, NextStep, Scenario, ScenarioItem};
use settle_domain::validation::Invalid;
use settle_store::SpinDb;
use settle_store::ledger::{self, Customer};
use settle_store::scenarios::{self, AgendaFilter, NewReminder};
use settle_web::{
    Answer, Query, authenticate, bad_query, in_transaction, invalid, json, json_body,
    method_not_allowed, not_found, now, open_db, problem, respond, segments, store_error, today,
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
        Some(c) => c
            .parse::<usize>()
            .map_err(|_| bad_query("cursor", "not a cursor this API returned".into()))?,
    };
    let filter = AgendaFilter {
        collector: q.get("collector").map(str::to_string),
        resolver_id: q.int("resolver_id")?,
    };
    let (entries, total) =
        scenarios::agenda(db, date, &filter, offset, limit).map_err(store_error)?;
    let next = (offset + entries.len() < total).then(|| (offset + entries.len()).to_string());
    Ok(json(
        200,
        &json!({"date": format_date(date), "total": total, "entries": entries, "next_cursor": next}),
    ))
}

/// A customer's scenario, its items (held or not, with ids) and next step as of `date`.
struct State {
    customer: Customer,
    scenario: Scenario,
    items: Vec<(ScenarioItem, String)>,
    next: Option<NextStep>,
}

fn state(db: &SpinDb, customer_id: &str, date: chrono::NaiveDate, pointer: &str) -> Answer<State> {
    let customer = ledger::customer(db, customer_id)
        .map_err(store_error)?
        .ok_or_else(|| {
            invalid(&Invalid::one(
                pointer,
                Some("customer_id"),
                format!("no customer {customer_id:?}"),
            ))
        })?;
    let scenario = scenarios::scenario_of(db, customer.key)
        .map_err(store_error)?
        .ok_or_else(|| {
            problem(
                409,
                "no-scenario",
                "Conflict",
                "no active scenario applies: set a default scenario",
            )
        })?;
    let items = scenarios::scenario_items(db, customer.key).map_err(store_error)?;
    let done = scenarios::done_steps(db, customer.key, &scenario.code).map_err(store_error)?;
    let plain: Vec<ScenarioItem> = items.iter().map(|(i, _)| i.clone()).collect();
    let next = scenario::next_step(&scenario, &plain, &done, date);
    Ok(State {
        customer,
        scenario,
        items,
        next,
    })
}

fn covered(s: &State, next: &NextStep) -> Vec<(i64, String)> {
    s.items
        .iter()
        .filter(|(i, _)| !i.held && i.due_date <= next.cutoff)
        .map(|(i, id)| (i.key, id.clone()))
        .collect()
}

fn next(req: &Request, db: &SpinDb) -> Answer<Response> {
    let q = Query::parse(req, &["customer_id", "date"])?;
    let date = q.date("date")?.unwrap_or_else(today);
    let Some(c) = q.get("customer_id") else {
        return Err(bad_query("customer_id", "required".into()));
    };
    let s =
        state(db, c, date, "/customer_id").map_err(|_| not_found(&format!("no customer {c:?}")))?;
    let items: Vec<String> = s
        .next
        .as_ref()
        .map(|n| covered(&s, n).into_iter().map(|(_, id)| id).collect())
        .unwrap_or_default();
    Ok(json(
        200,
        &json!({
            "customer_id": s.customer.id, "date": format_date(date), "scenario": s.scenario.code,
            "next": s.next, "item_ids": items,
            "held_item_ids": s.items.iter().filter(|(i, _)| i.held).map(|(_, id)| id).collect::<Vec<_>>(),
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
    let comment = o.opt_text("comment", 4_000);
    o.finish(&[]);
    errors.clone().into_result().map_err(|e| invalid(&e))?;
    let customer_id = customer_id.unwrap_or_default();
    let done_on = done_on.unwrap_or_else(today);
    in_transaction(db, |db| {
        let s = state(db, &customer_id, done_on, "/customer_id")?;
        let Some(next) = s.next.clone() else {
            return Err(invalid(&Invalid::one(
                "/customer_id",
                Some("customer_id"),
                format!(
                    "customer {customer_id:?} has no scenario step to do: no open item is in the scenario, or every step was done"
                ),
            )));
        };
        let index = match step {
            None => next.step,
            Some(i) if i >= 0 && (i as usize) < s.scenario.steps.len() => i as usize,
            Some(i) => {
                return Err(invalid(&Invalid::one(
                    "/step",
                    Some("step"),
                    format!(
                        "scenario {:?} has steps 0 to {}, not {i}",
                        s.scenario.code,
                        s.scenario.steps.len() - 1
                    ),
                )));
            }
        };
        let items = match &item_ids {
            None => covered(&s, &next),
            Some(ids) => {
                let mut errors = Invalid::default();
                let mut out = Vec::new();
                for (n, id) in ids.iter().enumerate() {
                    match s.items.iter().find(|(_, i)| i == id) {
                        Some((it, _)) if !it.held => out.push((it.key, id.clone())),
                        Some(_) => errors.push(
                            format!("/item_ids/{n}"),
                            Some("item_ids"),
                            format!(
                                "item {id:?} is held by a live action: it is out of the scenario"
                            ),
                        ),
                        None => errors.push(
                            format!("/item_ids/{n}"),
                            Some("item_ids"),
                            format!(
                                "item {id:?} is not an open debit item of customer {customer_id:?}"
                            ),
                        ),
                    }
                }
                errors.into_result().map_err(|e| invalid(&e))?;
                out
            }
        };
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
        .map_err(store_error)?;
        let after = state(db, &customer_id, done_on, "/customer_id")?;
        let mut r = json(201, &json!({"reminder": reminder, "next": after.next}));
        r.set_header(
            "location",
            format!("/api/v1/reminders/next?customer_id={}", s.customer.id),
        );
        Ok(r)
    })
}
