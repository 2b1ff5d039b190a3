//! The resolver's answers (comment, proposed outcome, files, hand-over) and attachment
//! downloads. Each write checks the link still may write (`Dispute::writable`), then appends
//! history, marks the action answered and tells the collector, in one transaction.

use super::*;

pub(crate) fn form(req: &Request, ctx: &Ctx, max: usize) -> Result<Form, PageError> {
    link::read_form(req, &ctx.secret, &ctx.claims, max)
}

/// Applies one answer: history on items and action, answered mark, collector email.
pub(crate) fn answer(
    ctx: &Ctx,
    d: &Dispute,
    event: &str,
    details: serde_json::Value,
    comment: Option<&str>,
    extra: impl FnOnce(&SpinDb, &str) -> Result<(), PageError>,
) -> Result<Response, PageError> {
    let actor = rules::resolver_actor(ctx.resolver_id);
    let at = now();
    let regarding = match (&d.change, &d.action) {
        (Some(c), _) => Some(Regarding::StatusChange(c.id)),
        (None, Some(a)) => Some(Regarding::Action(a.id)),
        _ => None,
    };
    ctx.db.transaction(|db| {
        extra(db, &at)?;
        store::record_reply(
            db,
            &Reply {
                item_keys: &d.item_keys,
                action_id: d
                    .action
                    .as_ref()
                    .filter(|a| a.state == settle_domain::actions::ActionState::Live)
                    .map(|a| a.id),
                actor: &actor,
                event,
                details: details.clone(),
                comment,
            },
            &at,
        )?;
        if let Some(r) = regarding {
            notify::collector(
                db,
                r,
                &ctx.resolver_name,
                comment.unwrap_or(event),
                &actor,
                &at,
            )?;
        }
        Ok::<_, PageError>(())
    })?;
    Ok(render::redirect(
        &format!("{}?saved=1", ctx.self_path),
        ctx.messages.language.tag,
    ))
}

pub(crate) fn comment(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, true);
    errors.into_result()?;
    let d = dispute(ctx)?;
    d.writable()?;
    answer(
        ctx,
        &d,
        "comment",
        json!({}),
        text.as_deref(),
        |_, _| Ok(()),
    )
}

pub(crate) fn outcome(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, false);
    errors.into_result()?;
    let d = dispute(ctx)?;
    d.writable()?;
    let outcomes = store::outcomes(&ctx.db)?;
    let chosen = rules::check_outcome(f.get("outcome").unwrap_or(""), &outcomes)
        .map_err(|e| PageError::Invalid(422, e))?;
    let label = chosen.label.clone();
    let said = match &text {
        Some(t) => format!("{label}: {t}"),
        None => label,
    };
    answer(
        ctx,
        &d,
        "outcome",
        json!({"outcome": chosen.code}),
        Some(&said),
        |_, _| Ok(()),
    )
}

pub(crate) fn handover(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let note = f.text(&mut errors, "comment", MAX_COMMENT, false);
    let to = f
        .get("resolver_id")
        .and_then(|v| v.trim().parse::<i64>().ok());
    errors.into_result()?;
    let d = dispute(ctx)?;
    d.writable()?;
    let resolvers = config::resolvers(&ctx.db)?;
    let states: Vec<ResolverState> = resolvers
        .iter()
        .map(|r| ResolverState {
            id: r.id,
            active: r.active,
        })
        .collect();
    let to = rules::check_handover(to, ctx.resolver_id, &states)
        .map_err(|e| PageError::Invalid(422, e))?;
    let to_name = resolvers
        .iter()
        .find(|r| r.id == to)
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let said = match &note {
        Some(n) => format!("→ {to_name}: {n}"),
        None => format!("→ {to_name}"),
    };
    let action_id = d.action.as_ref().map(|a| a.id);
    let keys = d.item_keys.clone();
    answer(
        ctx,
        &d,
        "handover",
        json!({"from": ctx.resolver_id, "to": to}),
        Some(&said),
        move |db, _| Ok(store::handover(db, action_id, &keys, to)?),
    )
}

pub(crate) fn attach(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let link_id = ctx.claims.link_id;
    blobs::upload_allowed(link_id)?;
    let f = form(req, ctx, MAX_UPLOAD)?;
    let d = dispute(ctx)?;
    d.writable()?;
    let checked = rules::check_uploads("file", &f.files("file"), true)?;
    let actor = rules::resolver_actor(ctx.resolver_id);
    let mut stored = blobs::store_uploads(&checked, ctx.customer.key, &actor, &now())?;
    let (change_id, action_id) = (
        d.change.as_ref().map(|c| c.id),
        d.action.as_ref().map(|x| x.id),
    );
    for a in &mut stored {
        a.status_change_id = change_id;
        a.action_id = action_id;
        a.link_id = Some(link_id);
    }
    let names: Vec<String> = stored.iter().map(|a| a.filename.clone()).collect();
    let result = answer(
        ctx,
        &d,
        "attachment",
        json!({"files": names}),
        Some(&names.join(", ")),
        |db, _| {
            blobs::check_quota(db, &stored, link_id, change_id, action_id)?;
            for a in &stored {
                store::save_attachment(db, a)?;
            }
            Ok(())
        },
    );
    match &result {
        Ok(_) => blobs::count_upload(link_id),
        Err(_) => blobs::discard(&stored),
    }
    result
}

pub(crate) fn download(ctx: &Ctx, id: &str) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::NotFound)?;
    let a = store::attachment(&ctx.db, id)?.ok_or(PageError::NotFound)?;
    let d = dispute(ctx)?;
    let of_dispute = a.customer_key == ctx.customer.key
        && ((a.status_change_id.is_some()
            && a.status_change_id == d.change.as_ref().map(|c| c.id))
            || (a.action_id.is_some() && a.action_id == d.action.as_ref().map(|x| x.id)));
    if !of_dispute {
        return Err(PageError::NotFound);
    }
    let bytes = blobs::get(&a.blob_key)?.ok_or(PageError::NotFound)?;
    // Named by what its bytes are (names stored before that rule included).
    let name = rules::FileType::from_content_type(&a.content_type)
        .map_or_else(|| a.filename.clone(), |t| t.file_name(&a.filename));
    Ok(render::download(&a.content_type, &name, bytes))
}
