//! The console's follow-up: actions (`/app/actions/{id}`: modify, detach, terminate) and
//! the collection agenda (`/app/agenda`, its "Replies and comments" tab, recording a
//! reminder step). The frame, the session and the anti-forgery token are
//! `settle_pages::console`'s; the console's own component serves the rest of `/app`.

mod actions;
mod agenda;

use settle_pages::console::{Ctx, Failure, failure_page};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

const TEMPLATES: &[(&str, &str)] = &[
    ("action.html", include_str!("../templates/action.html")),
    ("agenda.html", include_str!("../templates/agenda.html")),
];

#[http_component]
async fn handle(req: Request) -> Response {
    let method = req.method();
    let ctx = match Ctx::open_or_sign_in(&req, TEMPLATES) {
        Ok(ctx) => ctx,
        Err(answer) => return answer,
    };
    let path = req.path().to_string();
    let segments = settle_web::segments(&path, "/app").unwrap_or_default();
    let result = match (segments.as_slice(), method) {
        (["actions", id], Method::Get) => actions::view(&ctx, id),
        (["actions", id], Method::Post) => actions::modify(&ctx, id),
        (["actions", id, "detach"], Method::Post) => actions::detach(&ctx, id),
        (["actions", id, "terminate"], Method::Post) => actions::terminate(&ctx, id),
        (["agenda"], Method::Get) => agenda::agenda(&ctx),
        (["agenda", "replies"], Method::Get) => agenda::replies(&ctx),
        (["agenda", "late"], Method::Get) => agenda::late(&ctx),
        (["agenda", "broken"], Method::Get) => agenda::broken(&ctx),
        (["agenda", "reminders"], Method::Post) => agenda::record_reminder(&ctx),
        (["agenda"] | ["agenda", "replies" | "late" | "broken"], _) => Err(Failure::Method("GET")),
        (["actions", _], _) => Err(Failure::Method("GET, POST")),
        (["actions", _, "detach" | "terminate"] | ["agenda", "reminders"], _) => {
            Err(Failure::Method("POST"))
        }
        _ => Err(Failure::NotFound),
    };
    let response = match result {
        Ok(r) => r,
        Err(f) => failure_page(&req, Some(&ctx), &f),
    };
    // The events of a terminated action, once it committed.
    settle_web::after_commit::run(&ctx.db, &ctx.later()).await;
    response
}
