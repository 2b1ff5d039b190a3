//! Who is reading: their chosen language (the switcher's `?lang=`, remembered in a cookie),
//! else the language stored for them, else their browser's, else English.

use spin_sdk::http::Request;

use crate::i18n::{Language, language, negotiate};

pub const COOKIE: &str = "settle_lang";

#[derive(Debug, Clone)]
pub struct Reader {
    /// `?lang=` on this request.
    pub chosen: Option<&'static Language>,
    /// The cookie a previous choice left.
    pub remembered: Option<&'static Language>,
    pub accept_language: Option<String>,
}

fn header(req: &Request, name: &str) -> Option<String> {
    req.header(name)
        .and_then(|h| h.as_str())
        .map(str::to_string)
}

pub fn reader(req: &Request) -> Reader {
    let chosen = settle_web::query(req)
        .into_iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| language(&v));
    let remembered = settle_web::session::cookie(req, COOKIE).and_then(language);
    Reader {
        chosen,
        remembered,
        accept_language: header(req, "accept-language"),
    }
}

impl Reader {
    pub fn language(&self, stored: Option<&str>) -> &'static Language {
        let chosen = self.chosen.or(self.remembered).map(|l| l.tag);
        negotiate(chosen, stored, self.accept_language.as_deref())
    }

    /// The cookie remembering a choice made on this request.
    pub fn set_cookie(&self) -> Option<String> {
        self.chosen.map(|l| {
            format!(
                "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
                l.tag
            )
        })
    }
}
