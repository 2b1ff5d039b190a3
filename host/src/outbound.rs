//! `allowed_outbound_hosts`: which URLs a component may call with `wasi:http/outgoing-handler`.
//!
//! Entries have Spin's shape `scheme://host[:port]`: scheme `http`, `https` or `*`; host a
//! name, an IP, `*` or `*.suffix`; port a number, a range `a..b` (exclusive end, as in Spin),
//! or `*`. Without a port the scheme's default port applies.

use anyhow::{Result, bail};
use settle_domain::webhooks::OriginPattern;

/// One `allowed_outbound_hosts` entry. The grammar is implemented once, in the domain
/// (`settle_domain::webhooks::OriginPattern`), where the app checks a webhook endpoint
/// against the same `webhook_origins` entry Spin enforces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedHost(OriginPattern);

impl AllowedHost {
    pub fn parse(entry: &str) -> Result<AllowedHost> {
        if entry.contains("{{") {
            bail!("templated hosts are not supported by settle-host");
        }
        match OriginPattern::parse(entry) {
            Ok(Some(p)) => Ok(AllowedHost(p)),
            Ok(None) => bail!("an empty entry allows nothing: remove it"),
            Err(e) => bail!("{e}"),
        }
    }

    pub fn allows(&self, scheme: &str, host: &str, port: Option<u16>) -> bool {
        self.0.allows_parts(scheme, host, port)
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
