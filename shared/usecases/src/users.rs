//! Console users: create and edit (the admin API, the console's *Users* screen and the
//! first-admin page all call [`save`]).

use serde_json::{Map, Value, json};
use settle_domain::input::Object;
use settle_domain::users::{self, User};
use settle_domain::validation::Invalid;
use settle_store::{Db, config as audit, users as store};

use crate::{Done, Refusal, Who};

/// Longest password hashed before its rule is checked (the rule's own maximum is 128
/// characters, 512 bytes at most).
const MAX_PASSWORD_BYTES: usize = 512;

/// What to save.
#[derive(Debug, Clone)]
pub struct SaveUser<'a> {
    /// The user to edit; `None` creates one.
    pub id: Option<i64>,
    /// The body as the API's JSON object (a form is turned into the same object):
    /// `name`, `email`, `role`, `language`, `active`, `password`.
    pub body: &'a Map<String, Value>,
    /// Only while no user exists: the installation's first admin. Checked inside the
    /// transaction, so five such requests at once create one user.
    pub first_admin: bool,
    /// 16 random bytes: the salt of a new password's hash.
    pub salt: [u8; 16],
}

/// A saved user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub user: User,
    pub created: bool,
    /// A new password was set: every session opened before it is over.
    pub password_changed: bool,
}

/// Reads the body with the domain's rules, hashes a new password (Argon2id, before the
/// transaction: it takes tens of milliseconds), then in one transaction checks the email is
/// free (409 `email-taken`, on the `email` field), saves and appends the audit row (the hash
/// is never in it).
pub fn save(db: &impl Db, input: &SaveUser, who: &Who) -> Result<Done<Saved>, Refusal> {
    let hash = match input.body.get("password") {
        Some(Value::String(p)) if !p.is_empty() && p.len() <= MAX_PASSWORD_BYTES => Some(
            users::hash_password(p, &input.salt)
                .map_err(|e| Refusal::Store(settle_store::StoreError(e)))?,
        ),
        _ => None,
    };
    db.transaction(|db| {
        if input.first_admin && store::count(db)? > 0 {
            return Err(Refusal::Forbidden(
                "the first administrator exists already: sign in".into(),
            ));
        }
        let existing = match input.id {
            Some(id) => Some(
                store::user(db, id)?.ok_or_else(|| Refusal::NotFound(format!("no user {id}")))?,
            ),
            None => None,
        };
        let mut errors = Invalid::default();
        let mut o = Object::new(input.body, "", &mut errors);
        let change = users::read_user(&mut o, existing.as_ref());
        o.finish(&[]);
        errors.into_result()?;
        if input.first_admin && change.user.role != users::UserRole::Admin {
            return Err(Refusal::Forbidden(
                "the first user is an administrator".into(),
            ));
        }
        let except = existing.as_ref().map(|u| u.id);
        if store::email_taken(db, &change.user.email, except)? {
            return Err(Refusal::conflict(
                "email-taken",
                "email",
                format!("{:?} is another user's email", change.user.email),
            ));
        }
        let hash = change.password.as_ref().and(hash.as_deref());
        let saved = match (&existing, hash) {
            (None, Some(h)) => store::create_user(db, &change.user, h, &who.at)?,
            (None, None) => {
                return Err(Refusal::Invalid(Invalid::one(
                    "/password",
                    Some("password"),
                    "password is required",
                )));
            }
            (Some(_), h) => {
                store::update_user(db, &change.user, h, &who.at)?;
                store::user(db, change.user.id)?.unwrap_or(change.user.clone())
            }
        };
        let mut after = serde_json::to_value(&saved).unwrap_or_default();
        if hash.is_some() {
            after["password"] = json!("(changed)");
        }
        audit::record(
            db,
            &who.actor,
            &who.at,
            "user",
            &saved.id.to_string(),
            existing.as_ref().and_then(|e| serde_json::to_value(e).ok()),
            Some(after),
        )?;
        Ok(Done::just(Saved {
            user: saved,
            created: existing.is_none(),
            password_changed: hash.is_some(),
        }))
    })
}
