//! The collector's console, `/app/...` (and `/`, which leads to it): the seeds' screens as
//! server-rendered pages with plain forms, on the same domain rules and store queries as
//! the API. This component serves the entry and the accounts:
//!
//! | path | module |
//! |---|---|
//! | `/app/sign-in`, `/app/sign-out`, `/app/first-admin` | [`sign_in`] |
//! | `/app/customers`, `/app/customers/{id}` (the statement) | [`customers`] |
//! | `/app/admin/users` | [`admin`] |
//!
//! Three more components serve the rest of `/app` with the same frame
//! (`settle_pages::console`): `console-change-status` (Change status, three steps, one write),
//! `console-follow-up` (actions, the agenda and its replies) and `console-admin` (the
//! configuration screens). One component would be over the 2 MB edge budget.
//!
//! Every page but the sign-in needs a session (`settle_web::session`): a GET without one
//! goes to the sign-in page, anything else is refused. Every form carries the session's
//! anti-forgery token, checked before anything is read (`Ctx::form`); every write is one
//! transaction and answers with a redirect (POST/redirect/GET).

mod admin;
mod customers;
mod sign_in;

use settle_pages::console::{self, Ctx, Failure, failure_page};
use spin_sdk::http::{Method, Request, Response};
use spin_sdk::http_component;

/// This component's pages.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("sign_in.html", include_str!("../templates/sign_in.html")),
    (
        "first_admin.html",
        include_str!("../templates/first_admin.html"),
    ),
    (
        "customers.html",
        include_str!("../templates/customers.html"),
    ),
    ("sheet.html", include_str!("../templates/sheet.html")),
    ("users.html", include_str!("../templates/users.html")),
];

#[http_component]
fn handle(req: Request) -> Response {
    let path = req.path().to_string();
    if path == "/" {
        return settle_pages::redirect("/app", "en");
    }
    let Some(segments) = settle_web::segments(&path, "/app") else {
        return failure_page(&req, None, &Failure::NotFound);
    };
    let method = req.method();
    match (segments.as_slice(), method) {
        (["assets", "console.css"], Method::Get) => return console::stylesheet(),
        (["sign-in"], Method::Get) => return sign_in::form(&req),
        (["sign-in"], Method::Post) => return sign_in::submit(&req),
        (["first-admin"], Method::Get) => return sign_in::first_admin_form(&req),
        (["first-admin"], Method::Post) => return sign_in::first_admin(&req),
        (["sign-in"] | ["first-admin"], _) => {
            return failure_page(&req, None, &Failure::Method("GET, POST"));
        }
        _ => {}
    }
    let ctx = match Ctx::open_or_sign_in(&req, TEMPLATES) {
        Ok(ctx) => ctx,
        Err(answer) => return answer,
    };
    let result = match (segments.as_slice(), method) {
        ([], Method::Get) => ctx.redirect("/app/customers"),
        (["sign-out"], Method::Post) => sign_in::sign_out(&ctx),
        (["sign-in", "device"], Method::Get) => sign_in::device(&ctx),
        (["customers"], Method::Get) => customers::list(&ctx),
        (["customers", id], Method::Get) => customers::sheet(&ctx, id),
        (["admin", rest @ ..], _) => admin::route(&ctx, rest),
        ([] | ["customers"] | ["customers", _], _) => Err(Failure::Method("GET")),
        (["sign-out"], _) => Err(Failure::Method("POST")),
        _ => Err(Failure::NotFound),
    };
    match result {
        Ok(r) => r,
        Err(f) => failure_page(&req, Some(&ctx), &f),
    }
}
