//! The Change status wizard's page: each step rendered with what the earlier ones chose.

use super::*;

pub(crate) struct Base<'a> {
    pub(crate) ctx: &'a Ctx<'a>,
    pub(crate) customer: &'a ledger::Customer,
    pub(crate) form: &'a Form,
    pub(crate) wizard: &'a Wizard,
}

impl Base<'_> {
    pub(crate) fn show(
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
        let all_resolvers = config::resolvers(db)?;
        let resolver_name = |id: i64| {
            all_resolvers
                .iter()
                .find(|r| r.id == id)
                .map_or_else(|| id.to_string(), |r| r.name.clone())
        };
        let resolvers: Vec<Value> = all_resolvers
            .iter()
            .filter(|r| r.active)
            .map(|r| context! { id => r.id, name => r.name.clone(), role => r.role.clone() })
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
                    routed => r.routed.map(|(resolver, rule)| context! {
                        resolver_id => resolver,
                        rule => rule,
                        name => resolver_name(resolver),
                    }),
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
        // The templates by name, in the user's language (the code when it has no name).
        let template_name = |code: &str| {
            let id = format!("email-template-name-{code}");
            if ctx.messages.has(&id) {
                ctx.messages.get(&id, &[])
            } else {
                code.to_string()
            }
        };
        let email_templates: Vec<Value> = {
            let mut codes: Vec<String> = config::templates(db)?
                .into_iter()
                .filter(|t| t.audience != "collector" && !t.code.starts_with("reminder_"))
                .map(|t| t.code)
                .collect();
            codes.dedup();
            codes
                .iter()
                .map(|c| context! { code => c.clone(), name => template_name(c) })
                .collect()
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
                amounts => amount_pairs(self.form)
                    .into_iter()
                    .map(|(i, a)| context! { item => i, amount => a })
                    .collect::<Vec<_>>(),
                typed_amounts => amount_pairs(self.form)
                    .into_iter()
                    .collect::<std::collections::BTreeMap<_, _>>(),
                values => fields(self.form, &["status", "status_date", "comment", "resolver_id", "next", "action_type", "action_name", "action_date", "action_resolver_id", "action_comment"]),
                today => settle_domain::dates::format_date(today()),
                statuses => statuses,
                resolvers => resolvers,
                errors => errors,
                preview => preview,
                plan => plan,
                mail => mail,
                templates => email_templates,
                template_name => run.map(|(_, m)| template_name(&m.template)),
                template_source => template_source,
                action_types => settle_domain::actions::ActionType::ALL.map(|t| t.as_str()).to_vec(),
                seal => (step == 3).then(|| sessions::preview_seal(
                    ctx.me.session.form_secret.as_bytes(),
                    &self.wizard.id,
                    &previewed(self.form),
                )),
            },
        )
    }
}
