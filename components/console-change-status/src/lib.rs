//! The console's Change status, `POST /app/customers/{id}/change-status` (Spin routes the
//! parameter route here, ahead of the console's `/app/...`): three steps on the ticked
//! items of the statement, and one status change on confirmation ([`change_status`]). The
//! frame, the session and the anti-forgery token are `settle_pages::console`'s.
//!
//! The email a confirmation queues is delivered after the transaction commits, by the one
//! after-commit step every adapter runs (`settle_web::after_commit::run`).

mod change_status;

use settle_pages::console::{Ctx, Failure, failure_page};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

const TEMPLATES: &[(&str, &str)] = &[(
    "change_status.html",
    include_str!("../templates/change_status.html"),
)];

#[http_component]
async fn handle(req: Request) -> Response {
    let ctx = match Ctx::open_or_sign_in(&req, TEMPLATES) {
        Ok(ctx) => ctx,
        Err(answer) => return answer,
    };
    let path = req.path().to_string();
    let result = match (
        settle_web::segments(&path, "/app/customers").as_deref(),
        req.method(),
    ) {
        (Some([id, "change-status"]), Method::Post) => change_status::step(&ctx, id),
        (Some([_, "change-status"]), _) => Err(Failure::Method("POST")),
        _ => Err(Failure::NotFound),
    };
    let response = match result {
        Ok(r) => r,
        Err(f) => failure_page(&req, Some(&ctx), &f),
    };
    settle_web::after_commit::run(&ctx.db, &ctx.later()).await;
    response
}
