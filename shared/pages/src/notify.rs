//! How the collector hears about what resolvers and customers write on the pages: the
//! `collector_reply` notice the answers' use cases queue (`settle_usecases::answers`).

use settle_web::settle_usecases::answers::Notice;

/// Notices go to the customer's collector when it is an email address, else to the
/// `collector_email` variable; with neither, replies show in the agenda only. Figures are
/// written by the pages' formatter.
pub fn notice() -> Notice<'static> {
    Notice {
        fallback: settle_web::variable("collector_email").filter(|v| !v.trim().is_empty()),
        formats: &crate::EmailFormats,
    }
}
