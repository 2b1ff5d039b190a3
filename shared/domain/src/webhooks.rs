//! Outbound webhooks: the events Settle sends back to the ERP, who subscribes to them, how a
//! delivery is signed (Standard Webhooks) and when a failed one is tried again.
//!
//! Pure rules only: the store keeps endpoints, events and deliveries
//! (`settle_store::webhooks`), the use cases write an event in the transaction of the change
//! that caused it (`settle_usecases::webhooks`), and `settle_web::webhooks` delivers after
//! the commit.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;

use crate::input::Object;
use crate::validation::Invalid;

/// What happened, as the `type` of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventType {
    DisputeOpened,
    DisputeUpdated,
    DisputeResolved,
    ItemStatusChanged,
    ActionCreated,
    ActionTerminated,
    ResolverReplied,
    CustomerReplied,
    PromiseCreated,
}

impl EventType {
    pub const ALL: [EventType; 9] = [
        EventType::DisputeOpened,
        EventType::DisputeUpdated,
        EventType::DisputeResolved,
        EventType::ItemStatusChanged,
        EventType::ActionCreated,
        EventType::ActionTerminated,
        EventType::ResolverReplied,
        EventType::CustomerReplied,
        EventType::PromiseCreated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::DisputeOpened => "dispute.opened",
            EventType::DisputeUpdated => "dispute.updated",
            EventType::DisputeResolved => "dispute.resolved",
            EventType::ItemStatusChanged => "item.status_changed",
            EventType::ActionCreated => "action.created",
            EventType::ActionTerminated => "action.terminated",
            EventType::ResolverReplied => "resolver.replied",
            EventType::CustomerReplied => "customer.replied",
            EventType::PromiseCreated => "promise.created",
        }
    }

    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Subscribing to this receives every event type, including those added later.
pub const ALL_EVENTS: &str = "*";

/// Longest endpoint URL accepted.
pub const MAX_URL: usize = 2000;
/// Longest description.
pub const MAX_DESCRIPTION: usize = 500;

/// Where deliveries may go: one entry of Spin's `allowed_outbound_hosts` grammar (the
/// local host parses the manifest's entries with it too)
/// (`scheme://host[:port]`; scheme `http`, `https` or `*`; host a name, `*` or `*.suffix`;
/// port a number, `a..b` (end excluded), or `*`). The `webhook_origins` variable holds it, and
/// the manifest gives it to the components that deliver, so Spin itself enforces it too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginPattern {
    scheme: Option<String>,
    host: HostPattern,
    port: PortPattern,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum HostPattern {
    Any,
    Suffix(String),
    Exact(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PortPattern {
    Any,
    SchemeDefault,
    Range(u16, u16),
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

impl OriginPattern {
    /// The pattern `webhook_origins` holds; `Ok(None)` when it is empty (no endpoint is
    /// reachable: Spin skips an empty entry too).
    pub fn parse(s: &str) -> Result<Option<OriginPattern>, String> {
        let s = s.trim();
        if s.is_empty() || s == "http://" || s == "https://" {
            return Ok(None);
        }
        let Some((scheme, rest)) = s.split_once("://") else {
            return Err(format!("{s:?} is not scheme://host[:port]"));
        };
        let scheme = match scheme {
            "*" => None,
            "http" | "https" => Some(scheme.to_string()),
            other => return Err(format!("unsupported scheme {other:?} (http, https or *)")),
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains('/') {
            return Err(format!("{s:?} has a path: only scheme://host[:port]"));
        }
        let (host, port) = match rest.rsplit_once(':') {
            Some((h, p)) if !h.is_empty() && !p.contains(']') => (h, Some(p)),
            _ => (rest, None),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(format!("{s:?} has no host"));
        }
        let host = if host == "*" {
            HostPattern::Any
        } else if let Some(suffix) = host.strip_prefix("*.") {
            HostPattern::Suffix(format!(".{}", suffix.to_ascii_lowercase()))
        } else if host.contains('*') {
            return Err(format!(
                "{s:?}: a wildcard host is \"*\" or starts with \"*.\""
            ));
        } else {
            HostPattern::Exact(host.to_ascii_lowercase())
        };
        let port_number = |p: &str| {
            p.parse::<u16>()
                .map_err(|_| format!("{s:?}: bad port {p:?}"))
        };
        let port = match port {
            None if scheme.is_none() => {
                return Err(format!("{s:?}: a port is required when the scheme is *"));
            }
            None => PortPattern::SchemeDefault,
            Some("*") => PortPattern::Any,
            Some(p) => match p.split_once("..") {
                Some((a, b)) => {
                    let (a, b) = (port_number(a)?, port_number(b)?);
                    if a >= b {
                        return Err(format!("{s:?}: empty port range"));
                    }
                    PortPattern::Range(a, b - 1)
                }
                None => {
                    let n = port_number(p)?;
                    PortPattern::Range(n, n)
                }
            },
        };
        Ok(Some(OriginPattern { scheme, host, port }))
    }

    /// Whether a URL's origin matches.
    pub fn allows(&self, url: &EndpointUrl) -> bool {
        self.allows_parts(&url.scheme, &url.host, url.port)
    }

    /// Whether a scheme, host (without IPv6 brackets) and port match; without a port, the
    /// scheme's default one.
    pub fn allows_parts(&self, scheme: &str, host: &str, port: Option<u16>) -> bool {
        if self.scheme.as_deref().is_some_and(|s| s != scheme) {
            return false;
        }
        let host = host.to_ascii_lowercase();
        let host_ok = match &self.host {
            HostPattern::Any => true,
            HostPattern::Suffix(s) => host.ends_with(s.as_str()),
            HostPattern::Exact(h) => *h == host,
        };
        let port_ok = match (&self.port, port.or_else(|| default_port(scheme))) {
            (_, None) => false,
            (PortPattern::Any, _) => true,
            (PortPattern::SchemeDefault, Some(p)) => Some(p) == default_port(scheme),
            (PortPattern::Range(a, b), Some(p)) => (*a..=*b).contains(&p),
        };
        host_ok && port_ok
    }
}

/// An endpoint's URL, checked: `http` or `https`, a host, no credentials, no fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointUrl {
    pub url: String,
    pub scheme: String,
    /// Lower case, without IPv6 brackets.
    pub host: String,
    pub port: Option<u16>,
}

impl EndpointUrl {
    pub fn parse(url: &str) -> Result<EndpointUrl, String> {
        if url.len() > MAX_URL {
            return Err(format!("at most {MAX_URL} characters"));
        }
        if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err("holds a space or a control character".into());
        }
        let Some((scheme, rest)) = url.split_once("://") else {
            return Err("must be an absolute http or https URL".into());
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(format!("scheme {scheme:?}: http or https only"));
        }
        if url.contains('#') {
            return Err("a fragment (#...) is never sent: remove it".into());
        }
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let authority = &rest[..end];
        if authority.contains('@') {
            return Err("credentials in the URL would show in every listing: put a token in the path or query instead".into());
        }
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let Some((h, after)) = v6.split_once(']') else {
                return Err("an IPv6 host needs its closing ]".into());
            };
            match after {
                "" => (h, None),
                p => match p.strip_prefix(':') {
                    Some(p) => (h, Some(p)),
                    None => return Err(format!("unexpected {after:?} after the host")),
                },
            }
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (authority, None),
            }
        };
        if host.is_empty() {
            return Err("has no host".into());
        }
        if !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_'))
        {
            return Err(format!("host {host:?} is not a valid host name"));
        }
        let port = match port {
            None => None,
            Some(p) => match p.parse::<u16>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err(format!("port {p:?} is not a port number")),
            },
        };
        Ok(EndpointUrl {
            url: url.to_string(),
            scheme,
            host: host.to_ascii_lowercase(),
            port,
        })
    }

    /// `scheme://host[:port]`, as an error message shows it.
    pub fn origin(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        match self.port {
            Some(p) => format!("{}://{host}:{p}", self.scheme),
            None => format!("{}://{host}", self.scheme),
        }
    }
}

/// A subscription as a request gives it (absent fields are `None`: a PATCH keeps them).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EndpointIn {
    pub url: Option<String>,
    /// Event type names, or `["*"]`.
    pub events: Option<Vec<String>>,
    pub description: Option<String>,
    pub enabled: Option<bool>,
}

/// Reads a subscription: `url` and `events` required when `creating`; the URL's origin must
/// be one `origins` allows (`webhook_origins`), so no endpoint is stored that Spin would
/// never let Settle call.
pub fn read_endpoint(
    map: &Map<String, Value>,
    creating: bool,
    origins: Option<&OriginPattern>,
) -> Result<EndpointIn, Invalid> {
    let mut errors = Invalid::default();
    let mut o = Object::new(map, "", &mut errors);
    let url = if creating {
        o.text("url", MAX_URL)
    } else {
        o.opt_text("url", MAX_URL)
    };
    let url = url.and_then(|u| match EndpointUrl::parse(&u) {
        Err(e) => {
            o.err("url", format!("url {e}"));
            None
        }
        Ok(parsed) => match origins {
            None => {
                o.err(
                    "url",
                    "no endpoint can be reached: the webhook_origins variable is empty (set it to the origin of your receiver, such as https://erp.example.com)",
                );
                None
            }
            Some(p) if !p.allows(&parsed) => {
                o.err(
                    "url",
                    format!(
                        "{} is not allowed by the webhook_origins variable; add it there (Spin's allowed_outbound_hosts uses it)",
                        parsed.origin()
                    ),
                );
                None
            }
            Some(_) => Some(u),
        },
    });
    let events = match o.raw("events") {
        None if creating => {
            o.err(
                "events",
                "events is required: event types, or [\"*\"] for all",
            );
            None
        }
        None => None,
        Some(Value::Array(a)) if a.is_empty() => {
            o.err("events", "events must name at least one event type");
            None
        }
        Some(Value::Array(a)) => {
            let mut out: Vec<String> = Vec::new();
            for (i, v) in a.iter().enumerate() {
                let name = v.as_str().unwrap_or_default();
                let known = name == ALL_EVENTS || EventType::parse(name).is_some();
                if !known {
                    let all: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
                    o.errors.push(
                        format!("/events/{i}"),
                        Some("events"),
                        format!("unknown event type {v}; known: *, {}", all.join(", ")),
                    );
                } else if out.iter().any(|e| e == name) {
                    o.errors.push(
                        format!("/events/{i}"),
                        Some("events"),
                        format!("{name:?} appears more than once"),
                    );
                } else {
                    out.push(name.to_string());
                }
            }
            if out.len() > 1 && out.iter().any(|e| e == ALL_EVENTS) {
                o.err("events", "\"*\" already means every event: give it alone");
            }
            Some(out)
        }
        Some(v) => {
            o.err(
                "events",
                format!("events must be an array of event types, not {v}"),
            );
            None
        }
    };
    let description = o.opt_text("description", MAX_DESCRIPTION);
    let enabled = o.opt_bool("enabled");
    o.finish(&[]);
    errors.into_result()?;
    Ok(EndpointIn {
        url,
        events,
        description,
        enabled,
    })
}

/// Whether an endpoint subscribed to `events` receives an event of type `t`.
pub fn subscribed(events: &[String], t: EventType) -> bool {
    events.iter().any(|e| e == ALL_EVENTS || e == t.as_str())
}

/// Prefix of endpoint secrets, as the Standard Webhooks libraries expect it.
pub const SECRET_PREFIX: &str = "whsec_";

/// A new secret from random bytes: `whsec_` + base64 of 32 bytes (what Standard Webhooks
/// libraries take).
pub fn new_secret(random: [u8; 32]) -> String {
    format!("{SECRET_PREFIX}{}", B64.encode(random))
}

/// The key bytes of a `whsec_` secret; `None` when it is not one.
pub fn secret_key(secret: &str) -> Option<Vec<u8>> {
    B64.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()
}

/// One Standard Webhooks signature: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`.
pub fn signature(key: &[u8], id: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    format!("v1,{}", B64.encode(mac.finalize().into_bytes()))
}

/// The `webhook-signature` header: one signature per valid secret, space separated (during
/// a rotation, the new secret's and the old one's).
pub fn signature_header(secrets: &[&str], id: &str, timestamp: i64, body: &str) -> String {
    secrets
        .iter()
        .filter_map(|s| secret_key(s))
        .map(|k| signature(&k, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How long a rotated-out secret still signs, in seconds (24 h).
pub const ROTATION_GRACE_SECS: i64 = 24 * 3600;

/// Waits between attempts, in seconds: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h. Seven
/// attempts in all; after the last failure the delivery is failed (replayable by hand).
pub const RETRY_DELAYS: [i64; 6] = [5, 300, 1800, 7200, 18000, 36000];

/// After `attempts` failed attempts: seconds until the next one, or `None` when the
/// delivery has failed for good.
pub fn next_attempt_in(attempts: u32) -> Option<i64> {
    let i = usize::try_from(attempts).ok()?.checked_sub(1)?;
    RETRY_DELAYS.get(i).copied()
}

/// Whether an HTTP status accepts a delivery (any 2xx; a redirect is not followed).
pub fn accepted(status: u16) -> bool {
    (200..300).contains(&status)
}

/// The body of an event: `{"id", "type", "timestamp", "data"}`.
pub fn event_body(id: &str, t: EventType, timestamp: &str, data: &Value) -> Value {
    serde_json::json!({"id": id, "type": t.as_str(), "timestamp": timestamp, "data": data})
}

/// How long one delivery attempt may take before it counts as a failure (a timeout), in
/// seconds; a claimed delivery is left alone this long plus a margin.
pub const ATTEMPT_TIMEOUT_SECS: u64 = 10;
/// How long a delivery being attempted stays claimed (no other instance attempts it).
pub const CLAIM_SECS: i64 = ATTEMPT_TIMEOUT_SECS as i64 + 5;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn origin(s: &str) -> OriginPattern {
        OriginPattern::parse(s).unwrap().unwrap()
    }

    fn url(s: &str) -> EndpointUrl {
        EndpointUrl::parse(s).unwrap()
    }

    #[test]
    fn event_types_read_back() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
        assert_eq!(EventType::parse("dispute.closed"), None);
    }

    #[test]
    fn origins_match_like_spin() {
        assert!(origin("https://erp.example.com").allows(&url("https://erp.example.com/hook")));
        assert!(origin("https://erp.example.com").allows(&url("https://ERP.example.com:443/h")));
        assert!(!origin("https://erp.example.com").allows(&url("http://erp.example.com/h")));
        assert!(!origin("https://erp.example.com").allows(&url("https://erp.example.com:8443/")));
        assert!(
            !origin("https://erp.example.com").allows(&url("https://evil.com/erp.example.com"))
        );
        assert!(origin("https://*.example.com").allows(&url("https://a.b.example.com/")));
        assert!(!origin("https://*.example.com").allows(&url("https://example.com.evil/")));
        assert!(origin("http://127.0.0.1:*").allows(&url("http://127.0.0.1:41234/x")));
        assert!(origin("http://127.0.0.1:8000..8002").allows(&url("http://127.0.0.1:8001/")));
        assert!(!origin("http://127.0.0.1:8000..8002").allows(&url("http://127.0.0.1:8002/")));
        assert!(origin("*://*:*").allows(&url("http://[::1]:9/x")));
        assert_eq!(OriginPattern::parse("").unwrap(), None);
        assert!(OriginPattern::parse("erp.example.com").is_err());
        assert!(OriginPattern::parse("ftp://x").is_err());
        assert!(OriginPattern::parse("https://x/path").is_err());
        assert!(OriginPattern::parse("*://x").is_err());
        assert!(OriginPattern::parse("https://a*b").is_err());
        assert!(OriginPattern::parse("https://x:9..9").is_err());
    }

    #[test]
    fn urls_are_checked() {
        let u = url("https://[::1]:8443/in?x=1");
        assert_eq!((u.host.as_str(), u.port), ("::1", Some(8443)));
        assert_eq!(u.origin(), "https://[::1]:8443");
        for bad in [
            "erp.example.com/hook",
            "ftp://erp.example.com/",
            "https://user:pw@erp.example.com/",
            "https:///path",
            "https://erp.example.com:0/",
            "https://erp.example.com:99999/",
            "https://erp.example.com/a b",
            "https://erp.example.com/#frag",
            "https://erp.exa<mple.com/",
        ] {
            assert!(EndpointUrl::parse(bad).is_err(), "{bad}");
        }
    }

    fn read(v: Value, creating: bool, origins: &str) -> Result<EndpointIn, Invalid> {
        let o = OriginPattern::parse(origins).unwrap();
        read_endpoint(v.as_object().unwrap(), creating, o.as_ref())
    }

    fn fields(e: Invalid) -> Vec<String> {
        e.0.into_iter().map(|f| f.pointer).collect()
    }

    #[test]
    fn subscriptions_are_read_strictly() {
        let ok = read(
            json!({"url": "http://127.0.0.1:9000/in", "events": ["dispute.opened", "action.created"],
                   "description": "SAP"}),
            true,
            "http://127.0.0.1:*",
        )
        .unwrap();
        assert_eq!(ok.events.unwrap(), vec!["dispute.opened", "action.created"]);
        assert_eq!(ok.enabled, None);
        let e = read(json!({}), true, "http://127.0.0.1:*").unwrap_err();
        assert_eq!(fields(e), vec!["/url", "/events"]);
        let e = read(
            json!({"url": "https://elsewhere.com/", "events": ["dispute.nope", "*", "*"], "x": 1}),
            true,
            "http://127.0.0.1:*",
        )
        .unwrap_err();
        assert_eq!(fields(e), vec!["/url", "/events/0", "/events/2", "/x"]);
        let e = read(json!({"url": "http://127.0.0.1:1/"}), true, "").unwrap_err();
        assert!(e.0[0].message.contains("webhook_origins"), "{e}");
        let e = read(json!({"events": ["*", "dispute.opened"]}), false, "").unwrap_err();
        assert_eq!(fields(e), vec!["/events"]);
        let e = read(json!({"events": "*", "enabled": "yes"}), false, "").unwrap_err();
        assert_eq!(fields(e), vec!["/events", "/enabled"]);
        assert_eq!(
            read(json!({"enabled": false}), false, "").unwrap().enabled,
            Some(false)
        );
    }

    #[test]
    fn subscription_matches_types_or_all() {
        let some = vec!["dispute.opened".to_string()];
        assert!(subscribed(&some, EventType::DisputeOpened));
        assert!(!subscribed(&some, EventType::DisputeResolved));
        assert!(subscribed(&["*".to_string()], EventType::PromiseCreated));
    }

    #[test]
    fn signatures_follow_standard_webhooks() {
        // The Standard Webhooks specification's own example.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            signature_header(&[secret], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        let other = new_secret([7; 32]);
        assert!(other.starts_with("whsec_"));
        assert_eq!(secret_key(&other).unwrap(), vec![7; 32]);
        let both = signature_header(&[secret, &other], "m", 1, "{}");
        assert_eq!(both.split(' ').count(), 2);
        assert_eq!(secret_key("sk_live"), None);
    }

    #[test]
    fn retries_back_off_then_fail() {
        let waits: Vec<Option<i64>> = (1..=7).map(next_attempt_in).collect();
        assert_eq!(
            waits,
            vec![
                Some(5),
                Some(300),
                Some(1800),
                Some(7200),
                Some(18000),
                Some(36000),
                None
            ]
        );
        assert_eq!(next_attempt_in(0), None);
        assert!(accepted(200) && accepted(204) && !accepted(301) && !accepted(500));
    }
}
