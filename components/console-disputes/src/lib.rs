//! The console's dispute cases: `/app/disputes` lists them (open, resolved or all; late
//! only; by reason, resolver and customer), `/app/disputes/{id}` shows one (its item, the
//! five amounts, reason, root cause, deadline, resolver, the amount history) with what can
//! be done to it: write off the remainder under the entity's tolerance, record the root
//! cause and whether the dispute was valid, reopen it (one click, with a comment) when the
//! customer disputes again within 30 days. Every write is the API's use case
//! (`settle_usecases::disputes`); the frame, the session and the anti-forgery token are
//! `settle_pages::console`'s. Its words are in its own catalogue (`cases.ftl`), so the
//! other console components do not carry them.

mod cases;

use settle_pages::console::{Ctx, Failure, failure_page};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

const TEMPLATES: &[(&str, &str)] = &[
    ("cases.html", include_str!("../templates/cases.html")),
    ("case.html", include_str!("../templates/case.html")),
];

#[http_component]
async fn handle(req: Request) -> Response {
    let method = req.method();
    let ctx =
        match Ctx::open_or_sign_in_with(&req, TEMPLATES, Some(settle_pages::i18n::cases_catalogue))
        {
            Ok(ctx) => ctx,
            Err(answer) => return answer,
        };
    let path = req.path().to_string();
    let segments = settle_web::segments(&path, "/app").unwrap_or_default();
    let result = match (segments.as_slice(), method) {
        (["disputes"], Method::Get) => cases::list(&ctx),
        (["disputes", id], Method::Get) => cases::view(&ctx, id),
        (["disputes", id, "write-off"], Method::Post) => cases::write_off(&ctx, id),
        (["disputes", id, "finding"], Method::Post) => cases::finding(&ctx, id),
        (["disputes", id, "reopen"], Method::Post) => cases::reopen(&ctx, id),
        (["disputes"] | ["disputes", _], _) => Err(Failure::Method("GET")),
        (["disputes", _, "write-off" | "finding" | "reopen"], _) => Err(Failure::Method("POST")),
        _ => Err(Failure::NotFound),
    };
    let response = match result {
        Ok(r) => r,
        Err(f) => failure_page(&req, Some(&ctx), &f),
    };
    // The events of a write-off or a reopening, once it committed.
    settle_web::after_commit::run(&ctx.db, &ctx.later()).await;
    response
}
