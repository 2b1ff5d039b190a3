//! Email delivery, the one side effect that waits for a commit: what the use cases queue
//! (`settle_usecases::emails`) is POSTed to the email API by `crate::after_commit::run`, when delivery
//! is configured.

use serde_json::json;
use settle_store::{SpinDb, outbox};
use settle_usecases::emails::{Formats, Site};
use spin_sdk::http::{Method, Request, Response};

use crate::problem::Answer;
use crate::{now, variable};

/// Where links point and what signs them, with the pages' formatter for figures.
pub fn site<'a>(base_url: &'a str, secret: &'a str, formats: &'a dyn Formats) -> Site<'a> {
    Site {
        base_url,
        secret,
        formats,
    }
}

/// The email API: JSON POSTed to `email_api_url` with `Authorization: Bearer
/// email_api_token`. Its host must be in the component's `allowed_outbound_hosts`.
pub struct Delivery {
    url: String,
    token: String,
}

impl Delivery {
    /// `None` while `email_api_url` or `email_api_token` is unset: messages stay queued.
    pub fn configured() -> Option<Delivery> {
        Some(Delivery {
            url: variable("email_api_url")?,
            token: variable("email_api_token")?,
        })
    }

    /// One attempt; the outcome is recorded on the message (sent, or failed with why).
    pub async fn deliver(&self, db: &SpinDb, id: i64) -> Answer<bool> {
        let Some(m) = outbox::message(db, id)? else {
            return Ok(false);
        };
        let payload = json!({
            "message_id": format!("settle-{}", m.id),
            "to": m.to, "subject": m.subject, "html": m.html, "text": m.text,
            "tags": {"template": m.template, "customer_id": m.customer_id},
        });
        let request = Request::builder()
            .method(Method::Post)
            .uri(&self.url)
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {}", self.token))
            .body(payload.to_string())
            .build();
        let error = match spin_sdk::http::send::<_, Response>(request).await {
            Ok(resp) if (200..300).contains(resp.status()) => None,
            Ok(resp) => {
                let body = String::from_utf8_lossy(resp.body());
                let excerpt: String = body.chars().take(300).collect();
                Some(format!(
                    "the email API answered {}: {excerpt}",
                    resp.status()
                ))
            }
            Err(e) => Some(format!("the email API could not be reached: {e}")),
        };
        outbox::record_attempt(db, id, error.as_deref(), &now())?;
        Ok(error.is_none())
    }
}
