//! People who sign in to the console: collectors and admins, with a password hashed by
//! Argon2id. (Machines keep API tokens, `auth`.)
//!
//! Rules: an email is unique, compared without case; a password has 12 to 128 characters,
//! is not one character repeated and is not the email; a user's body is read field by field
//! like every admin body, and the password never leaves the store.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::Serialize;

use crate::input::Object;
use crate::validation::valid_email;

/// What a user may do in the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UserRole {
    Collector,
    Admin,
}

impl UserRole {
    pub fn as_str(&self) -> &'static str {
        match self {
            UserRole::Collector => "collector",
            UserRole::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<UserRole> {
        match s {
            "collector" => Some(UserRole::Collector),
            "admin" => Some(UserRole::Admin),
            _ => None,
        }
    }
}

/// A user as the API shows it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: UserRole,
    pub language: String,
    pub active: bool,
    pub created_at: String,
    pub updated_at: String,
    /// Bumped by every password change; a session opened with an older value is over.
    #[serde(skip)]
    pub credentials: i64,
}

/// A user body, read: the user as it will be, and a new password if one was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserChange {
    pub user: User,
    pub password: Option<String>,
}

/// A real Argon2id hash (of a password nobody has) that sign-in checks when no user has the
/// email, so an unknown email takes as long to refuse as a wrong password.
pub const NO_USER_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$KioqKioqKioqKioqKioqKg$9+HuYJcqxf5alTNe0p/qPeek+ye5rRDIBLUwIM7MIyY";

pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 128;

/// Why a password is refused, if it is.
pub fn check_password(password: &str, email: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_PASSWORD {
        return Err(format!("at least {MIN_PASSWORD} characters"));
    }
    if n > MAX_PASSWORD {
        return Err(format!("at most {MAX_PASSWORD} characters"));
    }
    let mut chars = password.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return Err("not one character repeated".into());
    }
    if password.eq_ignore_ascii_case(email) {
        return Err("not the email address".into());
    }
    Ok(())
}

/// An email as stored and compared: trimmed, lowercase.
pub fn normalize_email(email: &str) -> String {
    crate::validation::normalize_email(email)
}

/// A user body: `name`, `email`, `role` (`collector` or `admin`) and `password` to create;
/// `language` (default `en`) and `active` optional; on an update every field is optional and
/// a `password` replaces the old one.
pub fn read_user(o: &mut Object, existing: Option<&User>) -> UserChange {
    let creating = existing.is_none();
    let mut u = existing.cloned().unwrap_or(User {
        id: 0,
        name: String::new(),
        email: String::new(),
        role: UserRole::Collector,
        language: "en".into(),
        active: true,
        created_at: String::new(),
        updated_at: String::new(),
        credentials: 0,
    });
    let required = |o: &mut Object, name: &'static str, max: usize| {
        if creating {
            o.text(name, max)
        } else {
            o.opt_text(name, max)
        }
    };
    if let Some(v) = required(o, "name", 200) {
        u.name = v;
    }
    if let Some(v) = required(o, "email", 254) {
        if !valid_email(&v) {
            o.err("email", format!("{v:?} is not an email address"));
        }
        u.email = normalize_email(&v);
    }
    let role = if creating {
        o.text("role", 20)
    } else {
        o.opt_choice("role", 20)
    };
    if let Some(v) = role {
        match UserRole::parse(&v) {
            Some(r) => u.role = r,
            None => o.err("role", format!("{v:?} is not a role: collector or admin")),
        }
    }
    if let Some(v) = crate::config::read_language(o) {
        u.language = v;
    }
    if let Some(v) = o.opt_bool("active") {
        u.active = v;
    }
    // Kept exactly as typed: spaces are part of a passphrase.
    let password = o.raw_text("password", 512, creating);
    if let Some(p) = &password
        && let Err(why) = check_password(p, &u.email)
    {
        o.err("password", format!("the password needs {why}"));
    }
    UserChange { user: u, password }
}

/// Argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane).
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string of `password` with a random 16-byte `salt` (from the caller: the domain
/// has no randomness).
pub fn hash_password(password: &str, salt: &[u8; 16]) -> Result<String, String> {
    let salt = SaltString::encode_b64(salt).map_err(|e| e.to_string())?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Does `password` match the stored PHC string? A malformed hash never matches.
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(h) => argon2().verify_password(password.as_bytes(), &h).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_object;
    use crate::validation::Invalid;

    fn read(body: &str, existing: Option<&User>) -> Result<UserChange, Invalid> {
        let map = parse_object(body.as_bytes()).unwrap();
        let mut errors = Invalid::default();
        let mut o = Object::new(&map, "", &mut errors);
        let u = read_user(&mut o, existing);
        o.finish(&[]);
        errors.into_result().map(|_| u)
    }

    fn fields(e: Invalid) -> Vec<String> {
        e.0.into_iter().filter_map(|f| f.field).collect()
    }

    #[test]
    fn a_new_user_needs_name_email_role_and_a_good_password() {
        let u = read(
            r#"{"name":"Alice","email":" Alice@Corp.Example ","role":"admin","password":"correct horse battery"}"#,
            None,
        )
        .unwrap();
        assert_eq!(u.user.email, "alice@corp.example");
        assert_eq!(u.user.role, UserRole::Admin);
        assert_eq!(u.user.language, "en");
        assert!(u.user.active);
        let e = read(r#"{"name":"","role":"boss","password":"short"}"#, None).unwrap_err();
        let f = fields(e);
        for name in ["name", "email", "role", "password"] {
            assert!(f.contains(&name.to_string()), "{name}: {f:?}");
        }
        let e = read(
            r#"{"name":"A","email":"a@b.example","role":"collector","password":"x","extra":1}"#,
            None,
        )
        .unwrap_err();
        assert!(fields(e).contains(&"extra".to_string()));
    }

    #[test]
    fn an_update_changes_only_what_it_names() {
        let alice = read(
            r#"{"name":"Alice","email":"alice@corp.example","role":"collector","password":"correct horse battery"}"#,
            None,
        )
        .unwrap()
        .user;
        let u = read(r#"{"active":false,"language":"ja"}"#, Some(&alice)).unwrap();
        assert!(!u.user.active);
        assert_eq!(u.user.language, "ja");
        assert_eq!(u.user.name, "Alice");
        assert_eq!(u.password, None);
        assert!(read(r#"{"password":"aaaaaaaaaaaaaaaa"}"#, Some(&alice)).is_err());
        assert!(read(r#"{"language":"klingon"}"#, Some(&alice)).is_err());
    }

    #[test]
    fn passwords_are_checked() {
        assert!(check_password("correct horse battery", "a@b.example").is_ok());
        assert!(check_password("short", "a@b.example").is_err());
        assert!(check_password(&"x".repeat(129), "a@b.example").is_err());
        assert!(check_password("zzzzzzzzzzzzzz", "a@b.example").is_err());
        assert!(check_password("Alice@Corp.Example", "alice@corp.example").is_err());
    }

    #[test]
    fn argon2id_hashes_verify_and_differ_by_salt() {
        let h1 = hash_password("correct horse battery", &[1; 16]).unwrap();
        let h2 = hash_password("correct horse battery", &[2; 16]).unwrap();
        assert!(h1.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h1}");
        assert_ne!(h1, h2);
        assert!(verify_password("correct horse battery", &h1));
        assert!(!verify_password("correct horse batterY", &h1));
        assert!(!verify_password("correct horse battery", "not a hash"));
        assert!(!h1.contains("correct"));
    }

    #[test]
    fn the_no_user_hash_costs_what_a_real_one_does() {
        // It is a hash with the same parameters as hash_password's, so verifying it does
        // the same work; and no password a visitor types is known to match it.
        assert!(verify_password("settle-no-such-user-0", NO_USER_HASH));
        assert!(!verify_password("admin", NO_USER_HASH));
        let fresh = hash_password("x".repeat(12).as_str(), &[1; 16]).unwrap();
        assert_eq!(fresh.split('$').nth(3), NO_USER_HASH.split('$').nth(3));
    }
}
