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

use minijinja::{Value, context};
use serde_json::json;
use settle_domain::forms::{Field, Form};
use settle_domain::status_change::{self as rules, ActionFields, StatusChangeIn};
use settle_domain::templates::{self, EmailRequest, Regarding};
use settle_store::access::{self, StoredResponse};
use settle_store::status_change::{self as store, Applied};
use settle_store::{Db, SpinDb, config, ledger};
use settle_web::{email, link_secret, now, today};
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
fn status_change(f: &Form, next_action: serde_json::Value) -> Result<StatusChangeIn, Failure> {
    let mut o = f.to_object(&[
        ("status", Field::Text),
        ("status_date", Field::Text),
        ("comment", Field::Text),
        ("resolver_id", Field::Int),
    ]);
    o.insert("item_ids".into(), json!(f.all("item")));
    o.insert("next_action".into(), next_action);
    let body = serde_json::Value::Object(o).to_string();
    rules::parse_status_change(body.as_bytes()).map_err(|e| Failure::Invalid(422, e))
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
    preview: Option<Result<email::Preview, Failure>>,
}

fn dry_run(
    ctx: &Ctx,
    input: &StatusChangeIn,
    mail: Option<&EmailChoice>,
) -> Result<DryRun, Failure> {
    ctx.db.rolled_back(|db| {
        let (plan, applied) = apply(db, input, &ctx.actor())?;
        let preview = mail.map(|m| {
            email::preview(
                db,
                &email_request(m, applied.status_change_id),
                &ctx.me.user.name,
            )
            .map_err(Failure::from)
        });
        Ok(DryRun { plan, preview })
    })
}

fn apply(
    db: &SpinDb,
    input: &StatusChangeIn,
    actor: &str,
) -> Result<(rules::Plan, Applied), Failure> {
    let targets = store::load_targets(db, input)?;
    let states = targets.item_states();
    let plan = rules::check(input, &targets.found(&states), today())
        .map_err(|e| Failure::Invalid(422, e))?;
    let applied = store::apply(db, input, &plan, &targets, actor, &now())?;
    Ok((plan, applied))
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
            let input = match status_change(&f, json!("scenario")) {
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
            match dry_run(ctx, &input, Some(&mail)) {
                Ok(run) => base.show(2, 200, Some((&run, &mail)), Vec::new()),
                Err(Failure::Invalid(s, inv)) => {
                    base.show(1, s, None, field_errors(&ctx.messages, &inv))
                }
                Err(e) => Err(e),
            }
        }
        "3" | "confirm" => {
            let suggestion_probe = status_change(&f, json!("scenario"));
            let input0 = match suggestion_probe {
                Ok(i) => i,
                Err(Failure::Invalid(s, inv)) => {
                    return base.show(1, s, None, field_errors(&ctx.messages, &inv));
                }
                Err(e) => return Err(e),
            };
            let mail = w.email.clone().filter(|m| m.send);
            let run0 = match dry_run(ctx, &input0, mail.as_ref()) {
                Ok(r) => r,
                Err(Failure::Invalid(s, inv)) => {
                    return base.show(1, s, None, field_errors(&ctx.messages, &inv));
                }
                Err(e) => return Err(e),
            };
            if let Some(Err(Failure::Invalid(s, inv))) = &run0.preview {
                let m = w.email.clone().unwrap_or(EmailChoice::none(true));
                return base.show(
                    2,
                    *s,
                    Some((
                        &DryRun {
                            plan: run0.plan.clone(),
                            preview: None,
                        },
                        &m,
                    )),
                    field_errors(&ctx.messages, inv),
                );
            }
            if step == "3" {
                return base.show(
                    3,
                    200,
                    Some((&run0, &w.email.clone().unwrap_or(EmailChoice::none(false)))),
                    Vec::new(),
                );
            }
            let next = rules::chosen_next_action(
                action_fields(&f).as_ref(),
                run0.plan.suggestion.as_ref(),
                input0.resolver_id,
            );
            let input = match status_change(&f, next) {
                Ok(i) => i,
                Err(Failure::Invalid(s, inv)) => {
                    return base.show(
                        3,
                        s,
                        Some((&run0, &w.email.clone().unwrap_or(EmailChoice::none(false)))),
                        field_errors(&ctx.messages, &inv),
                    );
                }
                Err(e) => return Err(e),
            };
            confirm(&base, &input, mail.as_ref(), &run0)
        }
        _ => Err(Failure::Invalid(
            400,
            settle_domain::validation::Invalid::one("step", Some("step"), "1, 2, 3 or confirm"),
        )),
    }
}

fn confirm(
    base: &Base,
    input: &StatusChangeIn,
    mail: Option<&EmailChoice>,
    run0: &DryRun,
) -> Result<Response, Failure> {
    let ctx = base.ctx;
    let secret = link_secret()?;
    let scope = format!("console change-status {}", ctx.actor());
    let sheet = format!("/app/customers/{}", encode(&base.customer.id));
    let outcome = ctx.db.transaction(|db| {
        if access::idempotent_response(db, &scope, &base.wizard.id)?.is_some() {
            return Ok(None);
        }
        let (_, applied) = apply(db, input, &ctx.actor())?;
        let message = match mail {
            Some(m) => Some(email::queue(
                db,
                &email_request(m, applied.status_change_id),
                &ctx.actor(),
                &ctx.me.user.name,
                &secret,
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
        Ok::<_, Failure>(Some(message))
    });
    match outcome {
        Ok(Some(Some(id))) => ctx.deliver_later(id),
        Ok(_) => {}
        Err(Failure::Invalid(s, inv)) => {
            let m = mail.cloned().unwrap_or(EmailChoice::none(false));
            return base.show(3, s, Some((run0, &m)), field_errors(&ctx.messages, &inv));
        }
        Err(e) => return Err(e),
    }
    ctx.redirect(&sheet)
}

fn encode(s: &str) -> String {
    settle_pages::console::path_segment(s)
}

struct Base<'a> {
    ctx: &'a Ctx<'a>,
    customer: &'a ledger::Customer,
    form: &'a Form,
    wizard: &'a Wizard,
}

impl Base<'_> {
    fn show(
        &self,
        step: u8,
        status: u16,
        run: Option<(&DryRun, &EmailChoice)>,
        errors: Vec<Value>,
    ) -> Result<Response, Failure> {
        let ctx = self.ctx;
        let db = &ctx.db;
        let lang = ctx.lang();
        let statuses: Vec<Value> = config::statuses_light(db)?
            .into_iter()
            .filter(|s| s.status.active)
            .map(|s| {
                context! {
                    code => s.status.code.clone(),
                    label => s.status.label(lang).to_string(),
                    kind => s.status.kind.as_str(),
                }
            })
            .collect();
        let resolvers: Vec<Value> = config::resolvers(db)?
            .into_iter()
            .filter(|r| r.active)
            .map(|r| context! { id => r.id, name => r.name, role => r.role })
            .collect();
        let items = ledger::list_items(
            db,
            &ledger::ItemFilter {
                customer_key: Some(self.customer.key),
                limit: settle_domain::actions::MAX_ITEMS,
                ..Default::default()
            },
            today(),
        )?;
        let chosen: Vec<Value> = settle_pages::rows::item_rows(
            &ctx.messages,
            &items
                .into_iter()
                .filter(|i| self.wizard.items.contains(&i.id))
                .collect::<Vec<_>>(),
        )
        .into_iter()
        .map(Value::from_serialize)
        .collect();
        let (preview, plan, mail) = match run {
            Some((r, m)) => (
                r.preview
                    .as_ref()
                    .and_then(|p| p.as_ref().ok())
                    .map(Value::from_serialize),
                Some(context! {
                    kind => r.plan.kind.as_str(),
                    suggestion => r.plan.suggestion.as_ref().map(Value::from_serialize),
                }),
                Some(context! {
                    send => m.send,
                    template => m.template.clone(),
                    subject => m.subject.clone(),
                    body => m.body.clone(),
                }),
            ),
            None => (None, None, None),
        };
        let email_templates: Vec<String> = {
            let mut codes: Vec<String> = config::templates(db)?
                .into_iter()
                .filter(|t| t.audience != "collector" && !t.code.starts_with("reminder_"))
                .map(|t| t.code)
                .collect();
            codes.dedup();
            codes
        };
        // The template's own text, to edit (in the recipient's language when it exists).
        let template_source = match &mail {
            Some(_) => run
                .and_then(|(_, m)| config::template_for(db, &m.template, "en").ok().flatten())
                .map(|t| context! { subject => t.subject, body => t.body }),
            None => None,
        };
        ctx.render(
            status,
            "change_status.html",
            "customers",
            context! {
                step => step,
                customer => self.customer,
                items => chosen,
                item_ids => self.wizard.items.clone(),
                wizard => self.wizard.id.clone(),
                values => fields(self.form, &["status", "status_date", "comment", "resolver_id", "next", "action_type", "action_name", "action_date", "action_resolver_id", "action_comment"]),
                today => settle_domain::dates::format_date(today()),
                statuses => statuses,
                resolvers => resolvers,
                errors => errors,
                preview => preview,
                plan => plan,
                mail => mail,
                templates => email_templates,
                template_source => template_source,
                action_types => settle_domain::actions::ActionType::ALL.map(|t| t.as_str()).to_vec(),
            },
        )
    }
}
