//! The console's admin screens, `/app/admin/...` (users are the `console` component's, at
//! `/app/admin/users`): for users whose role is admin, a collector gets 403.
//!
//! | path | what |
//! |---|---|
//! | `GET /app/admin` | the index |
//! | `/app/admin/statuses[/{code}]` | statuses: kind, typology, labels in the 15 languages, action model, shown to and selectable by customers |
//! | `/app/admin/resolvers[/{id}]` | resolvers: name, email, role, language, active |
//! | `/app/admin/action-models[/{code}]` | action models: type, name, delay |
//! | `/app/admin/templates[/{code}/{language}]` | email templates: the editor, a preview on sample data, the hashtags |
//! | `GET /app/admin/scenarios` | the reminder scenarios and their steps (edited by API) |
//! | `/app/admin/tokens[/{id}/revoke]` | API tokens: created (shown once), revoked |
//! | `/app/admin/links[/{id}/revoke]` | signed links: the latest, revoked |
//! | `/app/admin/webhooks[...]` | outbound webhooks: endpoints (secret shown once, rotated, enabled, deleted), the latest deliveries with *Retry* |
//!
//! Every write goes through the same function as the admin API (`settle_web::config`), fed
//! the JSON object the form stands for, so the rules, the audit rows and the refusals are
//! the API's. `GET` lists, `POST` creates or edits, then redirects.

mod screens;

use settle_pages::console::{Ctx, Failure, failure_page};
use spin_sdk::http::{Request, Response};
use spin_sdk::http_component;

const TEMPLATES: &[(&str, &str)] = &[
    ("admin.html", include_str!("../templates/admin.html")),
    ("statuses.html", include_str!("../templates/statuses.html")),
    (
        "root_causes.html",
        include_str!("../templates/root_causes.html"),
    ),
    (
        "tolerances.html",
        include_str!("../templates/tolerances.html"),
    ),
    ("routing.html", include_str!("../templates/routing.html")),
    (
        "resolvers.html",
        include_str!("../templates/resolvers.html"),
    ),
    ("models.html", include_str!("../templates/models.html")),
    (
        "templates.html",
        include_str!("../templates/templates.html"),
    ),
    ("template.html", include_str!("../templates/template.html")),
    (
        "scenarios.html",
        include_str!("../templates/scenarios.html"),
    ),
    ("tokens.html", include_str!("../templates/tokens.html")),
    ("links.html", include_str!("../templates/links.html")),
    ("webhooks.html", include_str!("../templates/webhooks.html")),
];

#[http_component]
fn handle(req: Request) -> Response {
    // The admin screens' own texts load beside the console's (only this component has them).
    let ctx =
        match Ctx::open_or_sign_in_with(&req, TEMPLATES, Some(settle_pages::i18n::admin_catalogue))
        {
            Ok(ctx) => ctx,
            Err(answer) => return answer,
        };
    let result = if ctx.is_admin() {
        let path = req.path().to_string();
        let segments = settle_web::segments(&path, "/app/admin").unwrap_or_default();
        screens::route(&ctx, &segments)
    } else {
        Err(Failure::Forbidden)
    };
    match result {
        Ok(r) => r,
        Err(f) => failure_page(&req, Some(&ctx), &f),
    }
}
