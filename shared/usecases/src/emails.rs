//! Emails about a dispute, as both the emails API (`/api/v1/emails`) and the console's
//! Change status send them: compose (template, recipient, language), preview (links as
//! placeholders, nothing written), queue (signed links and the outbox row, inside the
//! caller's transaction, with the delivery as an [`AfterCommit`] step), and the collector's
//! notice of what resolvers and customers write on their pages.

use chrono::NaiveDate;
use serde::Serialize;
use settle_domain::dates::format_timestamp;
use settle_domain::links::{self, Audience, Claims};
use settle_domain::templates::{self, EmailData, EmailFormat, EmailRequest, Regarding, Rendered};
use settle_domain::validation::{Invalid, valid_email};
use settle_store::Db;
use settle_store::config::{self, EmailTemplate};
use settle_store::outbox::{self, EmailSource, NewMessage};

use crate::{AfterCommit, Done, Refusal, Who};

/// Picks how an email writes amounts, dates and kinds for a recipient's language: the
/// pages' formatter (`settle_pages::EmailFormats`) in every component that sends email.
pub trait Formats {
    fn format(&self, language: &str) -> Box<dyn EmailFormat>;
}

/// Where the links an email carries point, what signs them, and how it writes figures.
pub struct Site<'a> {
    /// The app's public address (`public_base_url`).
    pub base_url: &'a str,
    /// The links' HMAC secret (`link_secret`); unused by previews.
    pub secret: &'a str,
    pub formats: &'a dyn Formats,
}

fn field_error(pointer: &str, message: impl Into<String>) -> Refusal {
    let field = pointer.rsplit('/').next().unwrap_or_default().to_string();
    Refusal::Invalid(Invalid::one(pointer, Some(field.as_str()), message.into()))
}

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
pub fn compose(db: &impl Db, r: &EmailRequest) -> Result<Composed, Refusal> {
    compose_for(db, r, None)
}

/// [`compose`], addressed to resolver `to_resolver` instead of the dispute's own (an
/// escalation goes to the resolver's escalation contact, with a link of their own).
fn compose_for(
    db: &impl Db,
    r: &EmailRequest,
    to_resolver: Option<i64>,
) -> Result<Composed, Refusal> {
    let mut source = outbox::email_source(db, r.regarding)?.ok_or_else(|| match r.regarding {
        Regarding::StatusChange(id) => {
            field_error("/status_change_id", format!("no status change {id}"))
        }
        Regarding::Action(id) => field_error("/action_id", format!("no action {id}")),
    })?;
    if let Some(id) = to_resolver {
        source.resolver = Some(
            config::resolver(db, id)?
                .ok_or_else(|| field_error("/resolver_id", format!("no resolver {id}")))?,
        );
    }
    let any = config::template_for(db, &r.template, "en")?
        .ok_or_else(|| field_error("/template", format!("no email template {:?}", r.template)))?;
    let audience = Audience::parse(&any.audience).unwrap_or(Audience::Customer);
    let recipient_language = match audience {
        Audience::Resolver => source.resolver.as_ref().map(|r| r.language.clone()),
        Audience::Customer => Some(source.customer_language.clone()),
    }
    .unwrap_or_else(|| "en".into());
    let template = match &r.language {
        Some(l) => config::template(db, &r.template, l)?.ok_or_else(|| {
            field_error(
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
                return Err(field_error(
                    "/to",
                    "this dispute has no resolver: qualify it with a resolver_id, or give to",
                ));
            }
        },
        (None, Audience::Customer) => source.customer_email.clone().ok_or_else(|| {
            field_error(
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

fn data(c: &Composed, collector: &str, today: NaiveDate) -> EmailData {
    c.source.email_data(&c.language, collector, today)
}

fn render(
    r: &EmailRequest,
    c: &Composed,
    d: &EmailData,
    formats: &dyn Formats,
) -> Result<Rendered, Refusal> {
    let subject = r.subject_override.as_deref().unwrap_or(&c.template.subject);
    let body = r.body_override.as_deref().unwrap_or(&c.template.body);
    let fmt = formats.format(&c.language);
    templates::render(subject, body, d, fmt.as_ref()).map_err(Refusal::Invalid)
}

/// The email as it would be sent by `sender`, with placeholders for the links (none is
/// created).
pub fn preview(
    db: &impl Db,
    r: &EmailRequest,
    sender: &str,
    site: &Site,
    today: NaiveDate,
) -> Result<Preview, Refusal> {
    let formats = site.formats;
    let c = compose(db, r)?;
    let mut d = data(&c, sender, today);
    let base = site.base_url;
    d.resolver_link = links::url(base, Audience::Resolver, "link-created-when-sent");
    d.customer_link = links::url(base, Audience::Customer, "link-created-when-sent");
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
/// outbox; call it inside the transaction that must hold it. `who` is recorded as who did it;
/// `sender` signs the email when the customer has no collector. Answers the message id, and
/// its delivery as the step to run once committed.
pub fn queue(
    db: &impl Db,
    r: &EmailRequest,
    who: &Who,
    sender: &str,
    site: &Site,
) -> Result<Done<i64>, Refusal> {
    queue_for(db, r, None, who, sender, site)
}

/// [`queue`], to resolver `to_resolver` instead of the dispute's own, the link theirs.
pub fn queue_for(
    db: &impl Db,
    r: &EmailRequest,
    to_resolver: Option<i64>,
    who: &Who,
    sender: &str,
    site: &Site,
) -> Result<Done<i64>, Refusal> {
    let formats = site.formats;
    let c = compose_for(db, r, to_resolver)?;
    let mut d = data(&c, sender, who.today);
    let now_s = &who.at;
    let expires = links::expiry(who.now());
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
                field_error(
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
            &who.actor,
            now_s,
        )?;
        let token = links::sign(
            site.secret.as_bytes(),
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
        let url = links::url(site.base_url, audience, &token);
        match audience {
            Audience::Resolver => d.resolver_link = url,
            Audience::Customer => d.customer_link = url,
        }
    }
    let rendered = render(r, &c, &d, formats)?;
    let id = outbox::enqueue(
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
        &who.actor,
        now_s,
    )?;
    Ok(Done {
        value: id,
        after: vec![AfterCommit::DeliverEmail(id)],
    })
}

/// Queues the collector's notice about `regarding`: `name` wrote `what` on a page. The address
/// is the customer's collector when it is an email address, else `fallback` (the
/// `collector_email` variable); with neither, or without the `collector_reply` template,
/// nothing is queued (the agenda still shows the reply). Call it inside the transaction
/// that writes the reply.
pub fn notify_collector(
    db: &impl Db,
    regarding: Regarding,
    name: &str,
    what: &str,
    fallback: Option<String>,
    who: &Who,
    formats: &dyn Formats,
) -> Result<Done<Option<i64>>, Refusal> {
    let Some(source) = outbox::email_source(db, regarding)? else {
        return Ok(Done::just(None));
    };
    let to = source
        .collector
        .clone()
        .filter(|c| valid_email(c))
        .or(fallback);
    let Some(to) = to else {
        return Ok(Done::just(None));
    };
    let Some(template) = config::template_for(db, "collector_reply", "en")? else {
        return Ok(Done::just(None));
    };
    let mut data = source.email_data(&template.language, "", who.today);
    data.resolver_name = name.to_string();
    data.comment = what.to_string();
    let fmt = formats.format(&template.language);
    let rendered = templates::render(&template.subject, &template.body, &data, fmt.as_ref())
        .map_err(|e| {
            Refusal::Store(settle_store::StoreError(format!(
                "collector_reply template: {e}"
            )))
        })?;
    let id = outbox::enqueue(
        db,
        &NewMessage {
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
        &who.actor,
        &who.at,
    )?;
    Ok(Done {
        value: Some(id),
        after: vec![AfterCommit::DeliverEmail(id)],
    })
}

/// Sends an email on its own (the emails API): [`queue`] in its own transaction.
pub fn send(
    db: &impl Db,
    r: &EmailRequest,
    who: &Who,
    sender: &str,
    site: &Site,
) -> Result<Done<i64>, Refusal> {
    db.transaction(|db| queue(db, r, who, sender, site))
}
