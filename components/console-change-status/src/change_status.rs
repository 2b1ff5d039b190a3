//! Change status, `POST /app/customers/{id}/change-status`, in three steps and one write.
//!
//! 1. status, date, comment, resolver for the ticked items;
//! 2. the email: the template the status proposes (`templates::template_for_status`), its
//!    preview, subject and body editable, send or skip;
//! 3. the next action: let the scenario run, or an action pre-filled from the status's
//!    model with every field editable (`status_change::chosen_next_action`).
//!
//! Every step carries the earlier answers in hidden fields and checks them by running the
//! whole change in a transaction that is rolled back (so step 2 previews the real email and
//! step 3 shows the real suggestion); nothing is kept until "Confirm". The confirmation is
//! one transaction: the status change, and the email queued with its signed links. Its
//! wizard id is an idempotency key: a second confirmation of the same wizard (a double
//! click, a reload) changes nothing and shows the customer again.

mod page;

use minijinja::{Value, context};
use page::Base;
use serde_json::json;
use settle_domain::sessions;
use settle_domain::status_change::{self as rules, ActionFields, StatusChangeIn};
use settle_domain::templates::{self, EmailRequest, Regarding};
use settle_pages::i18n::Messages;
use settle_store::access::{self, StoredResponse};
use settle_store::{Db, SpinDb, config, ledger};
use settle_web::forms::{Field, Form};
use settle_web::settle_usecases::emails;
use settle_web::settle_usecases::status_change::{self, ChangeStatus};
use settle_web::usecase;
use settle_web::{email, link_secret, now, public_base_url, today};
use spin_sdk::http::Response;

use settle_pages::console::{Ctx, Failure, field_errors};

/// What steps 1 to 3 posted, re-read on every step.
struct Wizard {
    items: Vec<String>,
    /// The wizard's idempotency key, made at step 1.
    id: String,
    email: Option<EmailChoice>,
}

#[derive(Clone)]
struct EmailChoice {
    send: bool,
    template: String,
    subject: Option<String>,
    body: Option<String>,
}

impl EmailChoice {
    /// No email chosen (yet).
    fn none(send: bool) -> EmailChoice {
        EmailChoice {
            send,
            template: String::new(),
            subject: None,
            body: None,
        }
    }
}

/// What the form held for `names` ("" for a field not sent), to show it again.
fn fields(f: &Form, names: &[&str]) -> Value {
    let m: serde_json::Map<String, serde_json::Value> = names
        .iter()
        .map(|n| ((*n).to_string(), json!(f.get(n).unwrap_or(""))))
        .collect();
    Value::from_serialize(&m)
}

/// The status change the form describes, as the API's reader reads it.
fn status_change(
    f: &Form,
    m: &Messages,
    next_action: serde_json::Value,
) -> Result<StatusChangeIn, Failure> {
    let mut o = f.to_object(&[
        ("status", Field::Text),
        ("status_date", Field::Text),
        ("comment", Field::Text),
        ("resolver_id", Field::Int),
    ]);
    o.insert("item_ids".into(), json!(f.all("item")));
    let amounts = amount_pairs(f);
    if !amounts.is_empty() {
        let m: serde_json::Map<String, serde_json::Value> = amounts
            .iter()
            // As typed in the user's language (`15,50`); what is no amount goes as typed,
            // for the reader to refuse naming the item.
            .map(|(i, a)| {
                (
                    (*i).to_string(),
                    json!(m.typed_amount(a).unwrap_or(a.to_string())),
                )
            })
            .collect();
        o.insert("amounts".into(), serde_json::Value::Object(m));
    }
    o.insert("next_action".into(), next_action);
    let body = serde_json::Value::Object(o).to_string();
    rules::parse_status_change(body.as_bytes()).map_err(|e| Failure::Invalid(422, e))
}

/// The disputed amounts typed in step 1: each `amount` field follows the `amount_item`
/// naming its item; blank ones (the whole open amount) are left out.
fn amount_pairs(f: &Form) -> Vec<(&str, &str)> {
    f.all("amount_item")
        .into_iter()
        .zip(f.all("amount"))
        .map(|(i, a)| (i, a.trim()))
        .filter(|(_, a)| !a.is_empty())
        .collect()
}

fn action_fields(f: &Form) -> Option<ActionFields> {
    (f.get("next") == Some("action")).then(|| ActionFields {
        action_type: f.get("action_type").unwrap_or("").into(),
        name: f.get("action_name").unwrap_or("").into(),
        date: f.get("action_date").unwrap_or("").into(),
        resolver_id: f.get("action_resolver_id").unwrap_or("").into(),
        comment: f.get("action_comment").unwrap_or("").into(),
    })
}

/// Runs the change (and renders the email) in a transaction that is rolled back.
struct DryRun {
    plan: rules::Plan,
    preview: Option<Result<emails::Preview, Failure>>,
    /// The resolver a routing rule would choose (none was picked), and the rule.
    routed: Option<(i64, i64)>,
}

fn dry_run(
    ctx: &Ctx,
    customer_id: &str,
    input: &StatusChangeIn,
    mail: Option<&EmailChoice>,
) -> Result<DryRun, Failure> {
    ctx.db.rolled_back(|db| {
        let changed = apply(db, input, customer_id, &ctx.actor())?;
        let (plan, applied) = (changed.plan, changed.applied);
        let routed = changed
            .routing_rule_id
            .zip(changed.resolver_id)
            .map(|(rule, r)| (r, rule));
        let preview = mail.map(|m| {
            let base = public_base_url();
            let site = email::site(&base, "", &settle_pages::EmailFormats);
            emails::preview(
                db,
                &email_request(m, applied.status_change_id),
                &ctx.me.user.name,
                &site,
                today(),
            )
            .map_err(Failure::from)
        });
        Ok(DryRun {
            plan,
            preview,
            routed,
        })
    })
}

/// The status change, through its one implementation (`settle_usecases::status_change`),
/// about this page's customer only: a hidden field edited to another customer's item is
/// refused, not applied under this one's page.
fn apply(
    db: &SpinDb,
    input: &StatusChangeIn,
    customer_id: &str,
    actor: &str,
) -> Result<status_change::Changed, Failure> {
    let change = ChangeStatus {
        input,
        customer_id: Some(customer_id),
    };
    Ok(status_change::apply(db, &change, &usecase::who_is(actor))?)
}

/// The rules' plan for the change (its suggestion), without writing.
fn plan(db: &SpinDb, input: &StatusChangeIn, customer_id: &str) -> Result<rules::Plan, Failure> {
    let change = ChangeStatus {
        input,
        customer_id: Some(customer_id),
    };
    Ok(status_change::plan(db, &change, &usecase::who_is(""))?)
}

/// The fields a step-3 page previewed (the items, step 1's answers, step 2's email), as the
/// form holds them: what its seal covers.
fn previewed(f: &Form) -> Vec<(&'static str, Vec<&str>)> {
    let one = |k: &str| -> Vec<&str> {
        match f.get(k) {
            Some(v) if !v.trim().is_empty() => vec![v],
            _ => Vec::new(),
        }
    };
    let template = one("template");
    let email = match (template.is_empty(), f.get("email")) {
        (true, _) => Vec::new(),
        (false, Some("skip")) => vec!["skip"],
        (false, _) => vec!["send"],
    };
    let amounts = amount_pairs(f);
    vec![
        ("item", f.all("item")),
        ("amount_item", amounts.iter().map(|p| p.0).collect()),
        ("amount", amounts.iter().map(|p| p.1).collect()),
        ("status", one("status")),
        ("status_date", one("status_date")),
        ("comment", one("comment")),
        ("resolver_id", one("resolver_id")),
        ("template", template),
        ("email", email),
        ("subject", one("subject")),
        ("body", one("body")),
    ]
}

fn email_request(m: &EmailChoice, status_change_id: i64) -> EmailRequest {
    EmailRequest {
        template: m.template.clone(),
        regarding: Regarding::StatusChange(status_change_id),
        to: None,
        language: None,
        subject_override: m.subject.clone(),
        body_override: m.body.clone(),
    }
}

fn read_wizard(f: &Form) -> Result<Wizard, Failure> {
    let id = f
        .get("wizard")
        .filter(|w| settle_domain::sessions::well_formed(w))
        .map(str::to_string)
        .unwrap_or_else(|| settle_domain::sessions::new_id(&settle_web::random_bytes()));
    let email = f.get("template").map(|t| EmailChoice {
        send: f.get("email") != Some("skip"),
        template: t.to_string(),
        subject: f
            .get("subject")
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string),
        body: f
            .get("body")
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string),
    });
    Ok(Wizard {
        items: f.all("item").into_iter().map(str::to_string).collect(),
        id,
        email,
    })
}

pub fn step(ctx: &Ctx, customer_id: &str) -> Result<Response, Failure> {
    let customer = ledger::customer(&ctx.db, customer_id)?.ok_or(Failure::NotFound)?;
    let f = ctx.form()?;
    let w = read_wizard(&f)?;
    let step = f.get("step").unwrap_or("1");
    let base = Base {
        ctx,
        customer: &customer,
        form: &f,
        wizard: &w,
    };
    match step {
        "1" => base.show(1, 200, None, Vec::new()),
        "2" => {
            let input = match status_change(&f, &ctx.messages, json!("scenario")) {
                Ok(i) => i,
                Err(Failure::Invalid(s, inv)) => {
                    return base.show(1, s, None, field_errors(&ctx.messages, &inv));
                }
                Err(e) => return Err(e),
            };
            // The template: the one chosen, else the one the status proposes.
            let template = match &w.email {
                Some(m) => m.template.clone(),
                None => {
                    let kind = config::status(&ctx.db, &input.status)?
                        .map(|s| s.status.kind)
                        .unwrap_or(settle_domain::catalog::StatusKind::Info);
                    templates::template_for_status(kind, input.resolver_id.is_some()).to_string()
                }
            };
            let mail = EmailChoice {
                send: true,
                template,
                ..w.email.clone().unwrap_or(EmailChoice::none(true))
            };
            match dry_run(ctx, &customer.id, &input, Some(&mail)) {
                Ok(run) => base.show(2, 200, Some((&run, &mail)), Vec::new()),
                Err(Failure::Invalid(s, inv)) => {
                    base.show(1, s, None, field_errors(&ctx.messages, &inv))
                }
                Err(e) => Err(e),
            }
        }
        "3" => {
            let input = match status_change(&f, &ctx.messages, json!("scenario")) {
                Ok(i) => i,
                Err(Failure::Invalid(s, inv)) => {
                    return base.show(1, s, None, field_errors(&ctx.messages, &inv));
                }
                Err(e) => return Err(e),
            };
            let mail = w.email.clone().filter(|m| m.send);
            let run = match dry_run(ctx, &customer.id, &input, mail.as_ref()) {
                Ok(r) => r,
                Err(Failure::Invalid(s, inv)) => {
                    return base.show(1, s, None, field_errors(&ctx.messages, &inv));
                }
                Err(e) => return Err(e),
            };
            let m = w.email.clone().unwrap_or(EmailChoice::none(false));
            if let Some(Err(Failure::Invalid(s, inv))) = &run.preview {
                let m = w.email.clone().unwrap_or(EmailChoice::none(true));
                let shown = DryRun {
                    plan: run.plan.clone(),
                    preview: None,
                    routed: run.routed,
                };
                return base.show(2, *s, Some((&shown, &m)), field_errors(&ctx.messages, inv));
            }
            base.show(3, 200, Some((&run, &m)), Vec::new())
        }
        "confirm" => {
            // Only what step 3 showed is applied: its seal covers the items, step 1's
            // answers and the email; the action fields are this step's own.
            let sealed = sessions::preview_seal_ok(
                ctx.me.session.form_secret.as_bytes(),
                &w.id,
                &previewed(&f),
                f.get("seal"),
            );
            if !sealed {
                return Err(Failure::Invalid(
                    409,
                    settle_domain::validation::Invalid::one(
                        "/seal",
                        Some("seal"),
                        "the form changed after its preview: start the change again",
                    ),
                ));
            }
            let input0 = match status_change(&f, &ctx.messages, json!("scenario")) {
                Ok(i) => i,
                Err(Failure::Invalid(s, inv)) => {
                    return base.show(1, s, None, field_errors(&ctx.messages, &inv));
                }
                Err(e) => return Err(e),
            };
            confirm(&base, &input0, w.email.clone().filter(|m| m.send).as_ref())
        }
        _ => Err(Failure::Invalid(
            400,
            settle_domain::validation::Invalid::one("step", Some("step"), "1, 2, 3 or confirm"),
        )),
    }
}

/// Applies the change once, in one transaction with its email: the suggestion the rules
/// make for it decides whether step 3's action is the suggested one (`chosen_next_action`),
/// then the change with that next action is checked and written.
fn confirm(
    base: &Base,
    input0: &StatusChangeIn,
    mail: Option<&EmailChoice>,
) -> Result<Response, Failure> {
    let ctx = base.ctx;
    let (secret, base_url) = (link_secret()?, public_base_url());
    let site = email::site(&base_url, &secret, &settle_pages::EmailFormats);
    let scope = format!("console change-status {}", ctx.actor());
    let sheet = format!("/app/customers/{}", encode(&base.customer.id));
    let outcome = ctx.db.transaction(|db| {
        if access::idempotent_response(db, &scope, &base.wizard.id)?.is_some() {
            return Ok(None);
        }
        let suggested = plan(db, input0, &base.customer.id)?.suggestion;
        let next = rules::chosen_next_action(
            action_fields(base.form).as_ref(),
            suggested.as_ref(),
            input0.resolver_id,
        );
        let input = status_change(base.form, &ctx.messages, next)?;
        let changed = apply(db, &input, &base.customer.id, &ctx.actor())?;
        let (applied, events) = (changed.applied, changed.after);
        let message = match mail {
            Some(m) => Some(emails::queue(
                db,
                &email_request(m, applied.status_change_id),
                &ctx.who(),
                &ctx.me.user.name,
                &site,
            )?),
            None => None,
        };
        access::save_idempotent_response(
            db,
            &scope,
            &base.wizard.id,
            &StoredResponse {
                request_hash: String::new(),
                status: 303,
                body: json!({"status_change_id": applied.status_change_id}).to_string(),
            },
            &now(),
        )?;
        Ok::<_, Failure>(Some((message, events)))
    });
    match outcome {
        Ok(Some((message, events))) => {
            ctx.after_commit(events);
            if let Some(done) = message {
                ctx.after_commit(done.after);
            }
        }
        Ok(None) => {}
        Err(Failure::Invalid(s, inv)) => {
            // Refused: step 3 again, with what it showed and the fields in error.
            let m = mail.cloned().unwrap_or(EmailChoice::none(false));
            let run = dry_run(ctx, &base.customer.id, input0, mail)?;
            return base.show(3, s, Some((&run, &m)), field_errors(&ctx.messages, &inv));
        }
        Err(e) => return Err(e),
    }
    ctx.redirect(&sheet)
}

fn encode(s: &str) -> String {
    settle_pages::console::path_segment(s)
}
