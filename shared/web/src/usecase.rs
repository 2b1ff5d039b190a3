//! The API's side of the use cases (`settle_usecases`): who acts, and a [`Refusal`] as a
//! problem document. (The console renders the same refusal as a page:
//! `settle_pages::console::Failure::from`.)

use settle_domain::auth::Principal;
use settle_usecases::{Refusal, Who};

use crate::problem::{
    Problem, conflict, conflict_fields, invalid, not_found, problem, store_error,
};

/// The caller as use cases record it, with the clock read once.
pub fn who(p: &Principal) -> Who {
    who_is(&p.actor)
}

/// An actor by name (`erp`, `resolver:3`, `customer:7`...), with the clock read once.
pub fn who_is(actor: &str) -> Who {
    Who {
        actor: actor.to_string(),
        at: crate::now(),
        today: crate::today(),
    }
}

/// 16 random bytes for a password's salt.
pub fn salt() -> [u8; 16] {
    let bytes = crate::random_bytes();
    let mut salt = [0u8; 16];
    salt.copy_from_slice(&bytes[..16]);
    salt
}

/// A refusal as problem+json: 422/400 with every field, 404, 409 with its problem type and
/// fields, 403, 500/503 (the store's detail is logged, never sent).
pub fn refused(r: Refusal) -> Problem {
    match r {
        Refusal::Invalid(inv) => invalid(&inv),
        Refusal::NotFound(what) => not_found(&what),
        Refusal::Conflict {
            code,
            message,
            fields,
        } if fields.is_empty() => conflict(code, message),
        Refusal::Conflict { code, fields, .. } => conflict_fields(code, &fields),
        Refusal::TooLarge(inv) => crate::problem::problem_with(
            413,
            "too-large",
            "Payload too large",
            inv.to_string(),
            serde_json::to_value(&inv.0).unwrap_or_default(),
        ),
        Refusal::Stale(why) => problem(412, "precondition-failed", "Precondition failed", why),
        Refusal::Forbidden(why) => problem(403, "forbidden", "Forbidden", why),
        Refusal::Store(e) => store_error(e),
    }
}

impl From<Refusal> for Problem {
    fn from(r: Refusal) -> Problem {
        refused(r)
    }
}
