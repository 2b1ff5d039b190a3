//! Root causes (issue 24, part 3): the list admins keep of why disputes really happen, with
//! their labels in the page languages; added, relabelled and deactivated through the same
//! use cases as `/api/v1/admin/root-causes`.

use minijinja::{Value, context};
use settle_pages::console::{Ctx, Failure};
use settle_store::disputes as store;
use settle_web::forms::{Field, Form};
use settle_web::settle_usecases::disputes as uc;
use spin_sdk::http::Response;

use super::{labels_into, write};

pub fn list(ctx: &Ctx, status: u16, errors: Vec<Value>) -> Result<Response, Failure> {
    ctx.render(
        status,
        "root_causes.html",
        "admin",
        context! {
            root_causes => store::root_causes(&ctx.db)?,
            languages_all => settle_pages::console::language_options(),
            errors => errors,
        },
    )
}

pub fn save(ctx: &Ctx, code: Option<&str>) -> Result<Response, Failure> {
    let f: Form = ctx.form()?;
    let mut o = f.to_object(&[("active", Field::Bool)]);
    if code.is_none() {
        o.extend(f.to_object(&[("code", Field::Text)]));
    }
    labels_into(&mut o, &f);
    let r = uc::save_root_cause(&ctx.db, &o, &ctx.who(), code).map(|_| ());
    write(ctx, r, "/app/admin/root-causes", |s, e| list(ctx, s, e))
}
