//! The resolver's answers (comment, proposed outcome, files, hand-over) and attachment
//! downloads. Each answer is one call of `settle_usecases::answers::resolver_answer`, which
//! checks the link may still write, appends history, marks the action answered and queues
//! the collector's notice, in one transaction; its delivery runs after the commit.

use super::*;

pub(crate) fn form(req: &Request, ctx: &Ctx, max: usize) -> Result<Form, PageError> {
    link::read_form(req, &ctx.secret, &ctx.claims, max)
}

/// Records `answer`, delivers the notice, and shows the page again (POST/redirect/GET).
fn answer(ctx: &Ctx, answer: &ResolverAnswer) -> Result<Response, PageError> {
    let who = usecase::who_is(&rules::resolver_actor(ctx.resolver_id));
    let done = uc::resolver_answer(
        &ctx.db,
        &ctx.link(),
        &ctx.resolver_name,
        answer,
        &notify::notice(),
        &who,
    )?;
    ctx.after_commit(done.after);
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
    answer(ctx, &ResolverAnswer::Comment(text.unwrap_or_default()))
}

pub(crate) fn outcome(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let f = form(req, ctx, MAX_FORM)?;
    let mut errors = Invalid::default();
    let comment = f.text(&mut errors, "comment", MAX_COMMENT, false);
    errors.into_result()?;
    answer(
        ctx,
        &ResolverAnswer::Outcome {
            code: f.get("outcome").unwrap_or("").to_string(),
            comment,
        },
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
    answer(ctx, &ResolverAnswer::Handover { to, note })
}

pub(crate) fn attach(req: &Request, ctx: &Ctx) -> Result<Response, PageError> {
    let link_id = ctx.claims.link_id;
    blobs::upload_allowed(link_id)?;
    let f = form(req, ctx, MAX_UPLOAD)?;
    // A closed dispute takes no file: refused before any byte is stored.
    uc::resolver_dispute(&ctx.db, &ctx.link(), today())?.writable()?;
    let checked = rules::check_uploads("file", &f.files("file"), true)?;
    let actor = rules::resolver_actor(ctx.resolver_id);
    let stored = blobs::store_uploads(&checked, ctx.customer.key, &actor, &now())?;
    let result = answer(ctx, &ResolverAnswer::Files(&stored));
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
