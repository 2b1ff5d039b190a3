//! The customer's requests: a comment, a dispute (with files; more on a dispute already
//! open instead of a second one), a promise to pay, a payment notice. Each is one call of
//! `settle_usecases::answers`, checked by the collector's rules and written in one
//! transaction with the collector's notice (delivered after the commit).

use super::*;

pub(crate) fn form(req: &Request, ctx: &Ctx, max: usize) -> Result<Form, PageError> {
    link::read_form(req, &ctx.secret, &ctx.claims, max)
}

pub(crate) fn done(ctx: &Ctx) -> Response {
    render::redirect(
        &format!("{}?saved=1", ctx.self_path),
        ctx.messages.language.tag,
    )
}

/// The ticked items, each an open item of this customer (checked again by the use case,
/// inside its transaction).
fn ticked(ctx: &Ctx, f: &Form, errors: &mut Invalid) -> Result<Vec<String>, PageError> {
    let ids = f.item_ids(errors, "item");
    if let Err(Refusal::Invalid(e)) = uc::selection(&ctx.db, &ctx.link(), &ids) {
        errors.0.extend(e.0);
    }
    Ok(ids)
}

fn who(ctx: &Ctx) -> Who {
    usecase::who_is(&ctx.actor)
}

pub(crate) fn comment(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, true);
    let ids = ticked(ctx, &f, &mut errors)?;
    errors.into_result()?;
    let done_ = uc::customer_comment(
        &ctx.db,
        &ctx.link(),
        &ids,
        text.as_deref().unwrap_or(""),
        &notify::notice(),
        &who(ctx),
    )?;
    ctx.after_commit(done_.after);
    Ok(done(ctx))
}

pub(crate) fn dispute(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let link_id = ctx.claims.link_id;
    let f = form(req, ctx, MAX_UPLOAD)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, true);
    let ids = ticked(ctx, &f, &mut errors)?;
    // The part in dispute, as the customer types numbers in their language.
    let amount = f
        .get("amount")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| {
            ctx.messages
                .typed_amount(a)
                .unwrap_or_else(|| a.to_string())
        });
    let amounts = match rules::customer_disputed_part(amount, &ids) {
        Ok(a) => a,
        Err(e) => {
            errors.0.extend(e.0);
            Vec::new()
        }
    };
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
    let stored = blobs::store_uploads(&checked, ctx.customer.key, &ctx.actor, &now())?;
    let result = uc::customer_dispute(
        &ctx.db,
        &ctx.link(),
        &ids,
        &reason.unwrap_or_default(),
        &amounts,
        text.as_deref(),
        &stored,
        &notify::notice(),
        &who(ctx),
    );
    match &result {
        Ok(_) if !stored.is_empty() => blobs::count_upload(link_id),
        Ok(_) => {}
        Err(_) => blobs::discard(&stored),
    }
    ctx.after_commit(result?.after);
    Ok(done(ctx))
}

/// A promise or a payment notice: a status change through the collector's rules.
fn change(ctx: &Ctx, input: &StatusChangeIn) -> Result<Response, PageError> {
    let done_ = uc::customer_change(
        &ctx.db,
        &ctx.link(),
        input,
        &[],
        &notify::notice(),
        &who(ctx),
    )?;
    ctx.after_commit(done_.after);
    Ok(done(ctx))
}

pub(crate) fn promise(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let text = f.text(&mut errors, "comment", MAX_COMMENT, false);
    let date = f.date(&mut errors, "date");
    let ids = ticked(ctx, &f, &mut errors)?;
    if let Some(d) = date
        && let Err(e) = rules::check_promise_date(d, today())
    {
        errors.0.extend(e.0);
    }
    errors.into_result()?;
    let status = store::status_of_kind(&ctx.db, "promise_to_pay", StatusKind::Promise)?
        .ok_or_else(|| PageError::Server(500, "no active promise status".into()))?;
    let date = date.unwrap_or_else(today);
    change(
        ctx,
        &rules::promise_change(ids, status, date, text, today()),
    )
}

pub(crate) fn payment(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let reference = f.text(&mut errors, "reference", MAX_REFERENCE, false);
    let date = f.date(&mut errors, "date");
    let ids = ticked(ctx, &f, &mut errors)?;
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
    change(ctx, &input)
}
