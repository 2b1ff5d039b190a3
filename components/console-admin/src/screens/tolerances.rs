//! Write-off tolerances (issue 24, part 4): per entity and currency, the amount and the
//! percent of the amount disputed under which the rest of a dispute may be written off. Set
//! and removed through the same use cases as `/api/v1/admin/write-off-tolerances`.

use minijinja::{Value, context};
use serde_json::json;
use settle_domain::money::amount_string;
use settle_pages::console::{Ctx, Failure};
use settle_store::disputes as store;
use settle_web::settle_usecases::disputes as uc;
use spin_sdk::http::Response;

use super::write;

pub fn list(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    let tolerances: Vec<Value> = store::tolerances(&ctx.db)?
        .iter()
        .map(|t| {
            context! {
                entity => t.entity.clone(),
                currency => t.currency.code(),
                amount => amount_string(t.amount_minor, t.currency),
                percent => t.percent.to_string(),
            }
        })
        .collect();
    ctx.render(
        status,
        "tolerances.html",
        "admin",
        context! { tolerances => tolerances, errors => errors },
    )
}

/// Sets one: a new one names its entity and currency in the form, an existing one in the
/// path. The amount is read as the user types amounts (decimal comma or point).
pub fn save(ctx: &Ctx, key: Option<(&str, &str)>) -> Result<Response, Failure> {
    let f = ctx.form()?;
    let (entity, currency) = match key {
        Some((e, c)) => (e.to_string(), c.to_string()),
        None => (
            f.get("entity").unwrap_or("").trim().to_string(),
            f.get("currency").unwrap_or("").trim().to_uppercase(),
        ),
    };
    let typed = f.get("amount").unwrap_or("").trim();
    let amount = ctx
        .messages
        .typed_amount(typed)
        .unwrap_or_else(|| typed.to_string());
    let percent = f.get("percent").unwrap_or("").trim().replace(',', ".");
    let body = json!({"amount": amount, "percent": percent}).to_string();
    let r = uc::put_tolerance(&ctx.db, &entity, &currency, body.as_bytes(), &ctx.who()).map(|_| ());
    write(ctx, r, "/app/admin/write-off-tolerances", |s, e| {
        list(ctx, s, e)
    })
}

pub fn delete(ctx: &Ctx, entity: &str, currency: &str) -> Result<Response, Failure> {
    ctx.form()?;
    let r = uc::delete_tolerance(&ctx.db, entity, currency, &ctx.who()).map(|_| ());
    write(ctx, r, "/app/admin/write-off-tolerances", |s, e| {
        list(ctx, s, e)
    })
}
