//! The collector hears about what resolvers and customers write on the pages: a
//! `collector_reply` email queued in the outbox, in the same transaction as the reply.

use settle_domain::templates::{self, Regarding};
use settle_domain::validation::valid_email;
use settle_store::{SpinDb, config, outbox};

use crate::render::PageError;

/// Queues the notification about `regarding`: `who` wrote `what`. The address is the
/// customer's collector when it is an email address, else the `collector_email` variable;
/// with neither, nothing is queued (the agenda still shows the reply).
pub fn collector(
    db: &SpinDb,
    regarding: Regarding,
    who: &str,
    what: &str,
    actor: &str,
    now: &str,
) -> Result<Option<i64>, PageError> {
    let Some(source) = outbox::email_source(db, regarding)? else {
        return Ok(None);
    };
    let to = source
        .collector
        .clone()
        .filter(|c| valid_email(c))
        .or_else(|| settle_web::variable("collector_email"));
    let Some(to) = to else {
        return Ok(None);
    };
    let Some(template) = config::template_for(db, "collector_reply", "en")? else {
        return Ok(None);
    };
    let mut data = source.email_data(&template.language, "", settle_web::today());
    data.resolver_name = who.to_string();
    data.comment = what.to_string();
    let fmt = settle_web::email::Formats::format(&crate::EmailFormats, &template.language);
    let rendered = templates::render(&template.subject, &template.body, &data, fmt.as_ref())
        .map_err(|e| PageError::Server(500, format!("collector_reply template: {e}")))?;
    let id = outbox::enqueue(
        db,
        &outbox::NewMessage {
            template: "collector_reply",
            language: &template.language,
            audience: "collector",
            to: &to,
            subject: &rendered.subject,
            html: &rendered.html,
            text: &rendered.text,
            customer_key: source.customer_key,
            status_change_id: source.status_change_id,
            action_id: source.action_id,
        },
        actor,
        now,
    )?;
    Ok(Some(id))
}
