//! Import profiles (`/api/v1/admin/import-profiles`, the console's *Import*): the built-in
//! ones, read-only, and the ones admins store, each write audited in `config_history`.

use serde_json::{Map, Value};
use settle_domain::import::profile::{self, ImportProfile};
use settle_store::{Db, config, imports};

use crate::config::Saved;
use crate::{Done, Refusal, Who};

/// A stored profile as the domain reads it; one whose body no longer reads (written by an
/// older version) is an error naming it rather than a silent skip.
fn from_stored(s: &imports::StoredProfile) -> Result<ImportProfile, Refusal> {
    let body = s.body.as_object().cloned().unwrap_or_default();
    profile::read_profile(&s.code, &body).map_err(|e| {
        Refusal::conflict_about(
            "bad-profile",
            format!("stored profile {:?} no longer reads: {e}", s.code),
        )
    })
}

/// The profile `code`: built in, or stored.
pub fn profile(db: &impl Db, code: &str) -> Result<Option<ImportProfile>, Refusal> {
    if let Some(p) = profile::built_in().into_iter().find(|p| p.code == code) {
        return Ok(Some(p));
    }
    imports::profile(db, code)?
        .map(|s| from_stored(&s))
        .transpose()
}

/// Every profile: the built-in ones, then the stored ones by code.
pub fn profiles(db: &impl Db) -> Result<Vec<ImportProfile>, Refusal> {
    let mut all = profile::built_in();
    for s in imports::profiles(db)? {
        all.push(from_stored(&s)?);
    }
    Ok(all)
}

fn built_in(code: &str) -> Result<(), Refusal> {
    if profile::built_in().iter().any(|p| p.code == code) {
        return Err(Refusal::conflict_about(
            "built-in",
            format!(
                "{code:?} is a built-in profile and cannot be changed: store a copy under another code"
            ),
        ));
    }
    Ok(())
}

/// `PUT`: creates or replaces the stored profile `code`.
pub fn save_profile(
    db: &impl Db,
    code: &str,
    body: &Map<String, Value>,
    who: &Who,
) -> Result<Done<Saved<ImportProfile>>, Refusal> {
    built_in(code)?;
    let p = profile::read_profile(code, body)?;
    db.transaction(|db| {
        let before = imports::profile(db, code)?;
        imports::save_profile(db, code, &p.body(), &who.actor, &who.at)?;
        config::record(
            db,
            &who.actor,
            &who.at,
            "import_profile",
            code,
            before.as_ref().map(|b| b.body.clone()),
            Some(p.body()),
        )?;
        Ok(Done::just(Saved {
            record: p.clone(),
            created: before.is_none(),
        }))
    })
}

/// `DELETE`: removes a stored profile (the imports made with it keep its code).
pub fn delete_profile(db: &impl Db, code: &str, who: &Who) -> Result<Done<()>, Refusal> {
    built_in(code)?;
    db.transaction(|db| {
        let before = imports::profile(db, code)?
            .ok_or_else(|| Refusal::NotFound(format!("no import profile {code:?}")))?;
        imports::delete_profile(db, code)?;
        config::record(
            db,
            &who.actor,
            &who.at,
            "import_profile",
            code,
            Some(before.body),
            None,
        )?;
        Ok(Done::just(()))
    })
}
