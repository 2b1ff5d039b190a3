//! `allowed_outbound_hosts`: which URLs a component may call with `wasi:http/outgoing-handler`.
//!
//! Entries have Spin's shape `scheme://host[:port]`: scheme `http`, `https` or `*`; host a
//! name, an IP, `*` or `*.suffix`; port a number, a range `a..b` (exclusive end, as in Spin),
//! or `*`. Without a port the scheme's default port applies.

use anyhow::{Result, bail};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedHost {
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

impl AllowedHost {
    pub fn parse(entry: &str) -> Result<AllowedHost> {
        let Some((scheme, rest)) = entry.split_once("://") else {
            bail!("expected scheme://host[:port], such as \"https://api.example.com\"");
        };
        let scheme = match scheme {
            "*" => None,
            "http" | "https" => Some(scheme.to_string()),
            other => bail!("unsupported scheme {other:?} (use http, https or *)"),
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains('/') {
            bail!("a path is not allowed, only scheme://host[:port]");
        }
        if rest.contains("{{") {
            bail!("templated hosts are not supported by settle-host");
        }
        let (host, port) = match rest.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || rest.starts_with('[') => (h, Some(p)),
            _ => (rest, None),
        };
        if host.is_empty() {
            bail!("the host is empty");
        }
        let host = if host == "*" {
            HostPattern::Any
        } else if let Some(suffix) = host.strip_prefix("*.") {
            HostPattern::Suffix(format!(".{}", suffix.to_ascii_lowercase()))
        } else if host.contains('*') {
            bail!("a wildcard host must be \"*\" or start with \"*.\"");
        } else {
            HostPattern::Exact(host.to_ascii_lowercase())
        };
        let port = match port {
            None => {
                if scheme.is_none() {
                    bail!("a port is required when the scheme is *");
                }
                PortPattern::SchemeDefault
            }
            Some("*") => PortPattern::Any,
            Some(p) => match p.split_once("..") {
                Some((a, b)) => {
                    let (a, b): (u16, u16) = (parse_port(a)?, parse_port(b)?);
                    if a >= b {
                        bail!("empty port range {p}");
                    }
                    PortPattern::Range(a, b - 1)
                }
                None => {
                    let n = parse_port(p)?;
                    PortPattern::Range(n, n)
                }
            },
        };
        Ok(AllowedHost { scheme, host, port })
    }

    pub fn allows(&self, scheme: &str, host: &str, port: Option<u16>) -> bool {
        if self.scheme.as_deref().is_some_and(|s| s != scheme) {
            return false;
        }
        let host = host.to_ascii_lowercase();
        let host_ok = match &self.host {
            HostPattern::Any => true,
            HostPattern::Suffix(s) => host.ends_with(s.as_str()),
            HostPattern::Exact(h) => *h == host,
        };
        let Some(port) = port.or_else(|| default_port(scheme)) else {
            return false;
        };
        let port_ok = match self.port {
            PortPattern::Any => true,
            PortPattern::SchemeDefault => Some(port) == default_port(scheme),
            PortPattern::Range(a, b) => (a..=b).contains(&port),
        };
        host_ok && port_ok
    }
}

fn parse_port(p: &str) -> Result<u16> {
    match p.parse::<u16>() {
        Ok(n) => Ok(n),
        Err(_) => bail!("bad port {p:?}"),
    }
}

/// Whether any entry allows the URL's scheme, host and port.
pub fn is_allowed(allowed: &[AllowedHost], uri: &http::Uri) -> bool {
    let (Some(scheme), Some(host)) = (uri.scheme_str(), uri.host()) else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    allowed
        .iter()
        .any(|a| a.allows(scheme, host, uri.port_u16()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(entries: &[&str], url: &str) -> bool {
        let list: Vec<_> = entries
            .iter()
            .map(|e| AllowedHost::parse(e).unwrap())
            .collect();
        is_allowed(&list, &url.parse().unwrap())
    }

    #[test]
    fn exact_host_with_default_port() {
        assert!(allowed(
            &["https://api.example.com"],
            "https://api.example.com/x"
        ));
        assert!(!allowed(
            &["https://api.example.com"],
            "http://api.example.com/x"
        ));
        assert!(!allowed(
            &["https://api.example.com"],
            "https://api.example.com:8443/x"
        ));
        assert!(!allowed(&["https://api.example.com"], "https://evil.com/x"));
    }

    #[test]
    fn wildcards_and_ranges() {
        assert!(allowed(&["http://127.0.0.1:*"], "http://127.0.0.1:4567/"));
        assert!(allowed(
            &["*://*.example.com:443"],
            "https://a.example.com/"
        ));
        assert!(!allowed(&["*://*.example.com:443"], "https://example.org/"));
        assert!(allowed(
            &["http://localhost:8000..8002"],
            "http://localhost:8001/"
        ));
        assert!(!allowed(
            &["http://localhost:8000..8002"],
            "http://localhost:8002/"
        ));
        assert!(allowed(&["http://*:80"], "http://anything/"));
    }

    #[test]
    fn nothing_allowed_by_default() {
        assert!(!allowed(&[], "https://example.com/"));
    }

    #[test]
    fn rejects_malformed_entries() {
        for bad in [
            "example.com",
            "ftp://x",
            "https://x/path",
            "*://x",
            "https://a*b.com",
            "http://x:99999",
            "http://x:5..5",
        ] {
            assert!(AllowedHost::parse(bad).is_err(), "{bad}");
        }
    }
}
