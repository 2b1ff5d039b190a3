//! API tokens (shown once, revoked) and signed links (latest, revoked).

use super::*;

pub(super) fn tokens(
    ctx: &Ctx,
    status: u16,
    created: Option<Value>,
    errors: Vec<Value>,
) -> Result<Response, Failure> {
    ctx.render(
        status,
        "tokens.html",
        "admin",
        context! {
            tokens => access::list_tokens(&ctx.db)?,
            created => created,
            errors => errors,
        },
    )
}

/// The new token is shown on this answer only (not a redirect): it is stored hashed.
pub(super) fn create_token(ctx: &Ctx) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let (name, role) =
        match check_new_token(f.get("name").unwrap_or(""), f.get("role").unwrap_or("")) {
            Ok(v) => v,
            Err(e) => return tokens(ctx, 422, None, field_errors(&ctx.messages, &e)),
        };
    let token = new_token(settle_web::random_bytes());
    let stored = ctx.db.transaction(|db| {
        access::create_token(db, &name, role, &hash_token(&token), &ctx.actor(), &now())
    })?;
    tokens(
        ctx,
        201,
        Some(context! { name => stored.name, token => token }),
        Vec::new(),
    )
}

pub(super) fn revoke_token(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    ctx.form()?;
    let id = id.parse::<i64>().map_err(|_| Failure::NotFound)?;
    match ctx
        .db
        .transaction(|db| access::revoke_token(db, id, &ctx.actor(), &now()))?
    {
        None => Err(Failure::NotFound),
        Some(_) => ctx.redirect("/app/admin/tokens"),
    }
}

// ---- signed links ----

pub(super) fn links(ctx: &Ctx) -> Result<Response, Failure> {
    ctx.render(
        200,
        "links.html",
        "admin",
        context! { links => outbox::links(&ctx.db, 200)?, now => now() },
    )
}

pub(super) fn revoke_link(ctx: &Ctx, id: &str) -> Result<Response, Failure> {
    ctx.form()?;
    let id = id.parse::<i64>().map_err(|_| Failure::NotFound)?;
    // Revoking twice is no error on this screen: the link is revoked either way.
    use settle_web::settle_usecases::{Refusal, links as uc};
    match uc::revoke(&ctx.db, id, &ctx.who()) {
        Ok(_) | Err(Refusal::Conflict { .. }) => ctx.redirect("/app/admin/links"),
        Err(r) => Err(r.into()),
    }
}
