//! The entry of both page components: route the stylesheet, verify the link, load its
//! customer, hand the route a [`Visit`], and turn any [`PageError`] into an error page in
//! the reader's language (with a way back to the page when the link was good).

use std::cell::RefCell;
use std::sync::Arc;

use settle_domain::links::{Audience, Claims};
use settle_store::{SpinDb, ledger};
use settle_web::settle_usecases::AfterCommit;
use settle_web::{link_secret, open_db, segments};
use spin_sdk::http::{Request, Response};

use crate::i18n::{Language, Messages};
use crate::reader::{Reader, reader};
use crate::render::{PageError, css, error_page};

/// A request on a verified link.
pub struct Visit<'a> {
    pub db: SpinDb,
    pub secret: String,
    pub claims: Claims,
    /// The customer the link opens.
    pub customer: ledger::Customer,
    /// The path after the token (`["comments"]`).
    pub rest: Vec<&'a str>,
    /// `/r/{token}` or `/c/{token}`: where forms post and redirects go.
    pub self_path: String,
    pub reader: Reader,
    /// The after-commit steps of this request's writes (run by [`serve`] once answered).
    later: RefCell<Vec<AfterCommit>>,
}

impl Visit<'_> {
    /// Steps to run once the write that returned them has committed.
    pub fn after_commit(&self, steps: Vec<AfterCommit>) {
        self.later.borrow_mut().extend(steps);
    }
}

/// Serves `/r/...` or `/c/...`. `route` picks the reader's language (from what is stored
/// for them) with `language`, then answers; the steps its writes left for after their
/// commit (the collector's notice) run last (`settle_web::after_commit::run`).
pub async fn serve(
    req: &Request,
    audience: Audience,
    route: impl FnOnce(&Visit, &mut &'static Language) -> Result<Response, PageError>,
) -> Response {
    let base = audience.path().trim_end_matches('/');
    let who = reader(req);
    let mut language = who.language(None);
    let Some(path) = segments(req.path(), base) else {
        return error_page(
            Arc::new(Messages::new(language)),
            &PageError::NotFound,
            base,
            None,
        );
    };
    if path == ["assets", "pages.css"] {
        return css();
    }
    let mut back = None;
    let mut later = Vec::new();
    let mut db = None;
    let result = open(req, audience, path, who).and_then(|visit| {
        back = Some(visit.self_path.clone());
        let answer = route(&visit, &mut language);
        later = visit.later.take();
        db = Some(visit.db);
        answer
    });
    let response = match result {
        Ok(r) => r,
        Err(e) => error_page(Arc::new(Messages::new(language)), &e, base, back.as_deref()),
    };
    if let Some(db) = db {
        settle_web::after_commit::run(&db, &later).await;
    }
    response
}

fn open<'a>(
    req: &Request,
    audience: Audience,
    path: Vec<&'a str>,
    reader: Reader,
) -> Result<Visit<'a>, PageError> {
    let Some((token, rest)) = path.split_first() else {
        return Err(PageError::NotFound);
    };
    let db = open_db()?;
    let secret = link_secret()?;
    let claims = crate::link::verify(req, &db, &secret, audience, token)?;
    // A link whose customer is gone opens nothing (and says nothing about why).
    let customer = ledger::customer(&db, &claims.customer_id)?.ok_or(PageError::Forbidden)?;
    Ok(Visit {
        self_path: format!("{}{token}", audience.path()),
        rest: rest.to_vec(),
        db,
        secret,
        claims,
        customer,
        reader,
        later: RefCell::new(Vec::new()),
    })
}
