//! The customer's requests: a comment, a dispute (with files; more on a dispute already
//! open instead of a second one), a promise to pay, a payment notice. Each is checked by the
//! collector's rules and written in one transaction with the collector's notification.

use super::*;

pub(crate) fn form(req: &Request, ctx: &Ctx, max: usize) -> Result<Form, PageError> {
    link::read_form(req, &ctx.secret, &ctx.claims, max)
}

/// The ticked items, each an open item of this customer.
pub(crate) fn selection(
    ctx: &Ctx,
    f: &Form,
    errors: &mut Invalid,
) -> Result<(Vec<String>, Vec<i64>), PageError> {
    let ids = f.item_ids(errors, "item");
    if ids.is_empty() {
        return Ok((ids, Vec::new()));
    }
    let open: Vec<OpenItemRef> = actions::load_items(&ctx.db, &ids)?
        .into_iter()
        .flatten()
        .filter(|i| i.customer_key == ctx.customer.key && i.state.open)
        .map(|i| OpenItemRef {
            id: i.state.id,
            key: i.key,
        })
        .collect();
    match rules::check_selection("item", &ids, &open) {
        Ok(keys) => Ok((ids, keys)),
        Err(e) => {
            errors.0.extend(e.0);
            Ok((ids, Vec::new()))
        }
    }
}

pub(crate) fn done(ctx: &Ctx) -> Response {
    render::redirect(
        &format!("{}?saved=1", ctx.self_path),
        ctx.messages.language.tag,
    )
}

pub(crate) fn comment(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, true);
    let (_, keys) = selection(ctx, &f, &mut errors)?;
    errors.into_result()?;
    let at = now();
    ctx.db.transaction(|db| {
        let actions = store::live_actions_holding(db, &keys)?;
        store::record_reply(
            db,
            &Reply {
                item_keys: &keys,
                action_id: None,
                actor: &ctx.actor,
                event: "comment",
                details: json!({}),
                comment: text.as_deref(),
            },
            &at,
        )?;
        store::mark_answered(db, &actions, &ctx.actor, &at)?;
        if let Some(&a) = actions.first() {
            notify::collector(
                db,
                Regarding::Action(a),
                &ctx.customer.name,
                text.as_deref().unwrap_or(""),
                &ctx.actor,
                &at,
            )?;
        }
        Ok::<_, PageError>(())
    })?;
    Ok(done(ctx))
}

/// Applies a customer's status change with the collector's rules, then what `extra` adds
/// (attachments), and notifies the collector; one transaction.
pub(crate) fn apply_change(
    ctx: &Ctx,
    input: &StatusChangeIn,
    extra: impl FnOnce(&SpinDb, i64, Option<i64>) -> Result<(), PageError>,
) -> Result<(), PageError> {
    let who = settle_web::usecase::who_is(&ctx.actor);
    let at = who.at.clone();
    ctx.db.transaction(|db| {
        // The selection was checked before the transaction: an item moved to another
        // customer since (by the ERP) is refused by the use case.
        let change = ChangeStatus {
            input,
            customer_id: Some(&ctx.customer.id),
        };
        let applied = usecase_change::apply(db, &change, &who)
            .map_err(|r| match r {
                Refusal::Invalid(inv) => {
                    // The page's field is `item`.
                    PageError::Invalid(
                        422,
                        Invalid(
                            inv.0
                                .into_iter()
                                .map(|mut e| {
                                    if e.field.as_deref() == Some("item_ids") {
                                        e.field = Some("item".into());
                                    }
                                    e
                                })
                                .collect(),
                        ),
                    )
                }
                Refusal::Store(e) => PageError::from(e),
                other => PageError::Server(500, format!("{other:?}")),
            })?
            .applied;
        extra(db, applied.status_change_id, applied.action_id)?;
        notify::collector(
            db,
            Regarding::StatusChange(applied.status_change_id),
            &ctx.customer.name,
            input.comment.as_deref().unwrap_or(""),
            &ctx.actor,
            &at,
        )?;
        Ok(())
    })
}

pub(crate) fn dispute(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let link_id = ctx.claims.link_id;
    let f = form(req, ctx, MAX_UPLOAD)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, true);
    let (ids, keys) = selection(ctx, &f, &mut errors)?;
    let reasons: Vec<_> = store::reasons(&ctx.db)?
        .into_iter()
        .map(|r| r.state)
        .collect();
    let reason = match rules::check_reason(f.get("reason"), &reasons) {
        Ok(r) => Some(r),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    let files = f.files("file");
    let checked = match rules::check_uploads("file", &files, false) {
        Ok(c) => c,
        Err(e) => {
            errors.0.extend(e.0);
            Vec::new()
        }
    };
    errors.into_result()?;
    if !checked.is_empty() {
        blobs::upload_allowed(link_id)?;
    }
    let mut stored = blobs::store_uploads(&checked, ctx.customer.key, &ctx.actor, &now())?;
    for a in &mut stored {
        a.link_id = Some(link_id);
    }
    let save_files = |db: &SpinDb, change: Option<i64>, action: Option<i64>| {
        blobs::check_quota(db, &stored, link_id, change, action)?;
        for a in &stored {
            store::save_attachment(
                db,
                &Attachment {
                    status_change_id: change,
                    action_id: action,
                    ..a.clone()
                },
            )?;
        }
        Ok::<_, PageError>(())
    };
    let holds: Vec<(Option<i64>, bool)> = store::dispute_holds(&ctx.db, &keys)?
        .into_iter()
        .map(|(_, action, disputed)| (action, disputed))
        .collect();
    let result = match rules::customer_dispute(&holds) {
        // The same items again: more words and files on the dispute already open.
        CustomerDispute::Existing(action) => {
            let at = now();
            ctx.db.transaction(|db| {
                save_files(db, None, Some(action))?;
                store::record_reply(
                    db,
                    &Reply {
                        item_keys: &keys,
                        action_id: Some(action),
                        actor: &ctx.actor,
                        event: "dispute",
                        details: json!({"files": stored.iter().map(|a| a.filename.clone()).collect::<Vec<_>>()}),
                        comment: text.as_deref(),
                    },
                    &at,
                )?;
                store::mark_answered(db, &[action], &ctx.actor, &at)?;
                notify::collector(
                    db,
                    Regarding::Action(action),
                    &ctx.customer.name,
                    text.as_deref().unwrap_or(""),
                    &ctx.actor,
                    &at,
                )?;
                Ok::<_, PageError>(())
            })
        }
        CustomerDispute::New => {
            let input = rules::dispute_change(ids, reason.unwrap_or_default(), text, today());
            apply_change(ctx, &input, |db, change, action| {
                save_files(db, Some(change), action)
            })
        }
    };
    match &result {
        Ok(_) if !stored.is_empty() => blobs::count_upload(link_id),
        Ok(_) => {}
        Err(_) => blobs::discard(&stored),
    }
    result?;
    Ok(done(ctx))
}

pub(crate) fn promise(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, false);
    let date = f.date(&mut errors, "date");
    let (ids, _) = selection(ctx, &f, &mut errors)?;
    if let Some(d) = date
        && let Err(e) = rules::check_promise_date(d, today())
    {
        errors.0.extend(e.0);
    }
    errors.into_result()?;
    let status = store::status_of_kind(&ctx.db, "promise_to_pay", StatusKind::Promise)?
        .ok_or_else(|| PageError::Server(500, "no active promise status".into()))?;
    let date = date.unwrap_or_else(today);
    let input = rules::promise_change(ids, status, date, text, today());
    apply_change(ctx, &input, |_, _, _| Ok(()))?;
    Ok(done(ctx))
}

pub(crate) fn payment(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let reference = f.text(&mut errors, "reference", MAX_REFERENCE, false);
    let date = f.date(&mut errors, "date");
    let (ids, _) = selection(ctx, &f, &mut errors)?;
    if let Some(d) = date
        && let Err(e) = rules::check_payment_date(d, today())
    {
        errors.0.extend(e.0);
    }
    errors.into_result()?;
    let status = store::status_of_kind(&ctx.db, "payment_in_progress", StatusKind::Info)?
        .ok_or_else(|| PageError::Server(500, "no active information status".into()))?;
    let input = rules::payment_notice_change(
        ids,
        status,
        date.unwrap_or_else(today),
        reference.as_deref(),
        today(),
    );
    apply_change(ctx, &input, |_, _, _| Ok(()))?;
    Ok(done(ctx))
}
