//! Access rules: API token roles, token hashing, and ERP webhook signatures.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// What a token may do. `admin` may do everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// ERP integrations: push customers, items and payments; read items back.
    Erp,
    /// Collectors and credit managers: read accounts, qualify items, follow actions.
    Collector,
    /// Administrators: configuration and tokens, and everything else.
    Admin,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Erp => "erp",
            Role::Collector => "collector",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "erp" => Role::Erp,
            "collector" => Role::Collector,
            "admin" => Role::Admin,
            _ => return None,
        })
    }

    /// Whether this role may call an endpoint open to `allowed`.
    pub fn may(&self, allowed: &[Role]) -> bool {
        *self == Role::Admin || allowed.contains(self)
    }
}

/// Who is calling: from a bearer token, the bootstrap admin token, or an ERP signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Principal {
    /// Recorded as the actor of history rows: `token:<id>:<name>`, `admin-bootstrap`, `erp-webhook`.
    pub actor: String,
    pub role: Role,
}

/// Prefix of the tokens Settle issues, so a leaked one is recognisable.
pub const TOKEN_PREFIX: &str = "stl_";

/// A new token from 32 random bytes: `stl_` + 64 hex digits.
pub fn new_token(random: [u8; 32]) -> String {
    format!("{TOKEN_PREFIX}{}", hex(&random))
}

/// The hash stored for a token (the token itself is shown once and never stored).
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// SHA-256 of arbitrary bytes, hex (used for idempotency request fingerprints).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Constant-time equality for secrets.
pub fn secret_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// HMAC-SHA256 of `message` with `secret`, hex.
pub fn hmac_hex(secret: &[u8], message: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(message);
    hex(&mac.finalize().into_bytes())
}

/// Checks an HMAC in constant time.
pub fn hmac_verify(secret: &[u8], message: &[u8], signature_hex: &str) -> bool {
    let Some(sig) = unhex(signature_hex) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(message);
    mac.verify_slice(&sig).is_ok()
}

/// How far a webhook timestamp may be from now, either way.
pub const SIGNATURE_TOLERANCE_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    Malformed,
    Stale,
    Mismatch,
}

impl std::fmt::Display for SignatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SignatureError::Malformed => "X-Settle-Signature must look like t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">",
            SignatureError::Stale => "X-Settle-Signature timestamp is more than 5 minutes away from now",
            SignatureError::Mismatch => "X-Settle-Signature does not match the body",
        })
    }
}

/// The `X-Settle-Signature` header value for `body` at `t` (what an ERP sends).
pub fn sign_webhook(secret: &[u8], t: i64, body: &[u8]) -> String {
    let mut msg = format!("{t}.").into_bytes();
    msg.extend_from_slice(body);
    format!("t={t},v1={}", hmac_hex(secret, &msg))
}

/// Verifies `X-Settle-Signature: t=<unix>,v1=<hex>` over `"t.body"`, within the window.
/// A signature that verified: its timestamp and the `v1` value that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedSignature {
    pub timestamp: i64,
    pub signature: String,
}

impl VerifiedSignature {
    /// The key-value key remembering this signature until it expires: however the header
    /// is rewritten (order, spaces, extra `v1`s), the same delivery has the same key.
    pub fn replay_key(&self) -> String {
        format!("webhook-signature:{}:{}", self.timestamp, self.signature)
    }

    /// When the signature stops being accepted anyway (Unix seconds).
    pub fn expires_at(&self) -> i64 {
        self.timestamp + SIGNATURE_TOLERANCE_SECS
    }
}

/// The key listing the replay keys that expire within one tolerance window, so expired ones
/// can be deleted without scanning the store.
pub fn replay_bucket_key(expires_at: i64) -> String {
    format!(
        "webhook-signatures:{}",
        expires_at.div_euclid(SIGNATURE_TOLERANCE_SECS)
    )
}

/// The buckets whose every signature has expired at `now` and that a write may delete: the
/// few windows before the last one that can still hold live signatures.
pub fn expired_replay_buckets(now: i64) -> Vec<String> {
    let current = now.div_euclid(SIGNATURE_TOLERANCE_SECS);
    (2..=5)
        .map(|back| replay_bucket_key((current - back) * SIGNATURE_TOLERANCE_SECS))
        .collect()
}

pub fn verify_webhook(
    secret: &[u8],
    header: &str,
    body: &[u8],
    now: i64,
) -> Result<VerifiedSignature, SignatureError> {
    let mut t = None;
    let mut sigs = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = v.parse::<i64>().ok(),
            Some(("v1", v)) => sigs.push(v.to_string()),
            _ => {}
        }
    }
    let t = t.ok_or(SignatureError::Malformed)?;
    if sigs.is_empty() {
        return Err(SignatureError::Malformed);
    }
    if (now - t).abs() > SIGNATURE_TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    let mut msg = format!("{t}.").into_bytes();
    msg.extend_from_slice(body);
    match sigs.into_iter().find(|s| hmac_verify(secret, &msg, s)) {
        Some(signature) => Ok(VerifiedSignature {
            timestamp: t,
            signature,
        }),
        None => Err(SignatureError::Mismatch),
    }
}

/// The development defaults shipped in `spin.toml`: anyone who read the README knows them.
pub const DEV_ADMIN_TOKEN: &str = "dev-admin-token-change-me";
pub const DEV_LINK_SECRET: &str = "dev-link-secret-change-me";

/// The secrets left at their development default (or empty): `admin_token`, `link_secret`.
pub fn development_secrets(
    admin_token: Option<&str>,
    link_secret: Option<&str>,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    if admin_token.is_none_or(|t| t.is_empty() || t == DEV_ADMIN_TOKEN) {
        out.push("admin_token");
    }
    if link_secret.is_none_or(|t| t.is_empty() || t == DEV_LINK_SECRET) {
        out.push("link_secret");
    }
    out
}

/// Is this base URL only reachable from this machine (`localhost`, `127.0.0.0/8`, `[::1]`)?
/// Development defaults are tolerated there and nowhere else.
pub fn is_loopback_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A new API token's name (1 to 100 characters once trimmed, no control characters) and
/// role, or why not, by field.
pub fn check_new_token(name: &str, role: &str) -> Result<(String, Role), crate::Invalid> {
    let mut errors = crate::Invalid::default();
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        errors.push("/name", Some("name"), "must be 1 to 100 characters");
    }
    let role_parsed = Role::parse(role);
    if role_parsed.is_none() {
        errors.push(
            "/role",
            Some("role"),
            format!("{role:?} must be erp, collector or admin"),
        );
    }
    errors.into_result()?;
    Ok((name.to_string(), role_parsed.expect("checked above")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert!(Role::Admin.may(&[Role::Erp]));
        assert!(Role::Erp.may(&[Role::Erp, Role::Collector]));
        assert!(!Role::Collector.may(&[Role::Erp]));
        assert!(!Role::Erp.may(&[Role::Admin]));
        assert_eq!(Role::parse("collector"), Some(Role::Collector));
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn tokens_are_prefixed_and_hashed() {
        let t = new_token([7; 32]);
        assert!(t.starts_with("stl_") && t.len() == 4 + 64);
        assert_eq!(hash_token(&t), hash_token(&t));
        assert_ne!(hash_token(&t), hash_token(&new_token([8; 32])));
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn secret_comparison() {
        assert!(secret_eq("abc", "abc"));
        assert!(!secret_eq("abc", "abd"));
        assert!(!secret_eq("abc", "abcd"));
    }

    #[test]
    fn webhook_signatures() {
        let secret = b"whsec";
        let body = br#"{"customers":[]}"#;
        let header = sign_webhook(secret, 1_700_000_000, body);
        let v = verify_webhook(secret, &header, body, 1_700_000_100).unwrap();
        assert_eq!(v.timestamp, 1_700_000_000);
        assert_eq!(v.expires_at(), 1_700_000_300);
        // The same delivery, its header rewritten, is the same replay key.
        let (t, v1) = header.split_once(',').unwrap();
        let rewritten = format!("{v1} , {t},v1=00");
        assert_eq!(
            verify_webhook(secret, &rewritten, body, 1_700_000_100)
                .unwrap()
                .replay_key(),
            v.replay_key()
        );
        assert_eq!(
            verify_webhook(secret, &header, body, 1_700_000_301),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify_webhook(secret, &header, body, 1_699_999_699),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify_webhook(secret, &header, b"{}", 1_700_000_000),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_webhook(b"other", &header, body, 1_700_000_000),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_webhook(secret, "v1=abcd", body, 0),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify_webhook(secret, "t=5", body, 5),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify_webhook(secret, "t=5,v1=zz", body, 5),
            Err(SignatureError::Mismatch)
        );
        // HMAC-SHA256 test vector (RFC 4231 case 2).
        assert_eq!(
            hmac_hex(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn replay_buckets_cover_a_window_and_old_ones_expire() {
        let v = VerifiedSignature {
            timestamp: 1_000,
            signature: "ab".into(),
        };
        assert_eq!(replay_bucket_key(v.expires_at()), "webhook-signatures:4");
        // At 1,900 every signature expiring before 1,500 is dead: buckets 0 to 4 may go.
        let old = expired_replay_buckets(1_900);
        assert!(old.contains(&"webhook-signatures:4".to_string()));
        assert!(!old.contains(&"webhook-signatures:5".to_string()));
        assert!(!old.contains(&replay_bucket_key(1_900)));
    }

    #[test]
    fn development_defaults_and_loopback_addresses() {
        assert_eq!(
            development_secrets(Some(DEV_ADMIN_TOKEN), None),
            ["admin_token", "link_secret"]
        );
        assert!(development_secrets(Some("s3cret-a"), Some("s3cret-b")).is_empty());
        assert_eq!(development_secrets(Some(""), Some("x")), ["admin_token"]);
        for url in [
            "http://127.0.0.1:3000",
            "http://localhost",
            "https://LOCALHOST:8443/app",
            "http://[::1]:3000/",
            "http://127.10.0.1",
        ] {
            assert!(is_loopback_url(url), "{url}");
        }
        for url in [
            "https://settle.example.com",
            "http://10.0.0.5:3000",
            "http://127.0.0.1.example.com",
            "http://0.0.0.0:3000",
            "http://[::2]",
        ] {
            assert!(!is_loopback_url(url), "{url}");
        }
    }

    #[test]
    fn new_tokens_need_a_name_and_a_role() {
        assert_eq!(
            check_new_token(" SAP ", "erp").unwrap(),
            ("SAP".into(), Role::Erp)
        );
        let e = check_new_token("", "root").unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field.clone().unwrap()).collect();
        assert_eq!(fields, ["name", "role"]);
        assert!(check_new_token(&"x".repeat(101), "admin").is_err());
        assert!(check_new_token("a\u{7}b", "admin").is_err());
    }
}
