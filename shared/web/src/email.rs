//! Emails about a dispute, as both the emails API (`/api/v1/emails`) and the console's
//! Change status send them: compose (template, recipient, language), preview (links as
//! placeholders, nothing written), queue (signed links and the outbox row, inside the
//! caller's transaction), and deliver to the email API once committed.

use chrono::Utc;
use serde::Serialize;
use serde_json::json;
use settle_domain::dates::format_timestamp;
use settle_domain::links::{self, Audience, Claims};
use settle_domain::templates::{self, EmailData, EmailFormat, EmailRequest, Regarding, Rendered};
use settle_store::config::{self, EmailTemplate};
use settle_store::outbox::{self, EmailSource, NewMessage};
use settle_store::{Db, SpinDb};
use spin_sdk::http::{Method, Request, Response};

use crate::problem::{Answer, invalid, store_error, unprocessable};
use crate::{now, public_base_url, today, variable};

/// Everything needed to render: the template, the dispute, the recipient.
pub struct Composed {
    pub template: EmailTemplate,
    pub audience: Audience,
    pub source: EmailSource,
    pub to: String,
    pub language: String,
}

/// What a preview shows.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub template: String,
    pub language: String,
    pub audience: &'static str,
    pub to: String,
    pub subject: String,
    pub html: String,
    pub text: String,
}

/// The template in the recipient's language (or the one asked), and the recipient.
pub fn compose(db: &impl Db, r: &EmailRequest) -> Answer<Composed> {
    let source = outbox::email_source(db, r.regarding)?.ok_or_else(|| match r.regarding {
        Regarding::StatusChange(id) => {
            unprocessable("/status_change_id", format!("no status change {id}"))
        }
        Regarding::Action(id) => unprocessable("/action_id", format!("no action {id}")),
    })?;
    let any = config::template_for(db, &r.template, "en")?
        .ok_or_else(|| unprocessable("/template", format!("no email template {:?}", r.template)))?;
    let audience = Audience::parse(&any.audience).unwrap_or(Audience::Customer);
    let recipient_language = match audience {
        Audience::Resolver => source.resolver.as_ref().map(|r| r.language.clone()),
        Audience::Customer => Some(source.customer_language.clone()),
    }
    .unwrap_or_else(|| "en".into());
    let template = match &r.language {
        Some(l) => config::template(db, &r.template, l)?.ok_or_else(|| {
            unprocessable(
                "/language",
                format!("template {:?} has no {l:?} version", r.template),
            )
        })?,
        None => config::template_for(db, &r.template, &recipient_language)?.unwrap_or(any),
    };
    let to = match (&r.to, audience) {
        (Some(to), _) => to.clone(),
        (None, Audience::Resolver) => match &source.resolver {
            Some(res) => res.email.clone(),
            None => {
                return Err(unprocessable(
                    "/to",
                    "this dispute has no resolver: qualify it with a resolver_id, or give to",
                ));
            }
        },
        (None, Audience::Customer) => source.customer_email.clone().ok_or_else(|| {
            unprocessable(
                "/to",
                format!(
                    "customer {:?} has no email address: give to",
                    source.customer_id
                ),
            )
        })?,
    };
    Ok(Composed {
        language: template.language.clone(),
        template,
        audience,
        source,
        to,
    })
}

fn data(c: &Composed, collector: &str) -> EmailData {
    c.source.email_data(&c.language, collector, today())
}

/// Picks how an email writes amounts, dates and kinds for a recipient's language: the
/// pages' formatter (`settle_pages::EmailFormats`) in every component that sends email.
pub trait Formats {
    fn format(&self, language: &str) -> Box<dyn EmailFormat>;
}

fn render(
    r: &EmailRequest,
    c: &Composed,
    d: &EmailData,
    formats: &dyn Formats,
) -> Answer<Rendered> {
    let subject = r.subject_override.as_deref().unwrap_or(&c.template.subject);
    let body = r.body_override.as_deref().unwrap_or(&c.template.body);
    let fmt = formats.format(&c.language);
    templates::render(subject, body, d, fmt.as_ref()).map_err(|e| invalid(&e))
}

/// The email as it would be sent by `sender`, with placeholders for the links (none is
/// created).
pub fn preview(
    db: &impl Db,
    r: &EmailRequest,
    sender: &str,
    formats: &dyn Formats,
) -> Answer<Preview> {
    let c = compose(db, r)?;
    let mut d = data(&c, sender);
    let base = public_base_url();
    d.resolver_link = links::url(&base, Audience::Resolver, "link-created-when-sent");
    d.customer_link = links::url(&base, Audience::Customer, "link-created-when-sent");
    let rendered = render(r, &c, &d, formats)?;
    Ok(Preview {
        template: c.template.code.clone(),
        language: c.language.clone(),
        audience: c.audience.as_str(),
        to: c.to,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
    })
}

/// Creates the signed links the template uses, renders, and queues the message in the
/// outbox; call it inside the transaction that must hold it. `actor` is recorded as who did
/// it; `sender` signs the email when the customer has no collector. Answers the message id.
pub fn queue(
    db: &impl Db,
    r: &EmailRequest,
    actor: &str,
    sender: &str,
    secret: &str,
    formats: &dyn Formats,
) -> Answer<i64> {
    let c = compose(db, r)?;
    let mut d = data(&c, sender);
    let now_s = now();
    let expires = links::expiry(Utc::now());
    let subject_src = r.subject_override.as_deref().unwrap_or(&c.template.subject);
    let body_src = r.body_override.as_deref().unwrap_or(&c.template.body);
    let s = &c.source;
    for audience in [Audience::Resolver, Audience::Customer] {
        if !templates::uses(subject_src, body_src, audience.hashtag()) {
            continue;
        }
        let resolver_id = s.resolver.as_ref().map(|r| r.id);
        let subject = audience
            .subject(resolver_id, &s.customer_id)
            .ok_or_else(|| {
                unprocessable(
                    "/template",
                    "the template shows #resolver_link but this dispute has no resolver",
                )
            })?;
        let link_id = outbox::create_link(
            db,
            audience,
            &subject,
            s.customer_key,
            s.status_change_id,
            s.action_id,
            &format_timestamp(expires),
            actor,
            &now_s,
        )?;
        let token = links::sign(
            secret.as_bytes(),
            &Claims {
                link_id,
                audience,
                subject,
                customer_id: s.customer_id.clone(),
                status_change_id: s.status_change_id,
                action_id: s.action_id,
                expires_at: expires.timestamp(),
            },
        );
        let url = links::url(&public_base_url(), audience, &token);
        match audience {
            Audience::Resolver => d.resolver_link = url,
            Audience::Customer => d.customer_link = url,
        }
    }
    let rendered = render(r, &c, &d, formats)?;
    outbox::enqueue(
        db,
        &NewMessage {
            template: &c.template.code,
            language: &c.language,
            audience: c.audience.as_str(),
            to: &c.to,
            subject: &rendered.subject,
            html: &rendered.html,
            text: &rendered.text,
            customer_key: s.customer_key,
            status_change_id: s.status_change_id,
            action_id: s.action_id,
        },
        actor,
        &now_s,
    )
    .map_err(store_error)
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
