//! HTTP trigger routing with Spin's rules: exact routes beat `:param` routes, which beat
//! trailing `/...` wildcards; among wildcards the longest prefix wins.

use anyhow::{Result, bail};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Param(String),
}

/// One `[[trigger.http]] route`.
#[derive(Debug, Clone)]
pub struct Route {
    /// The route as written in the manifest.
    pub raw: String,
    segments: Vec<Segment>,
    wildcard: bool,
}

/// The outcome of matching a path against a route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteMatch {
    /// Everything after the wildcard prefix (`""` for routes without a wildcard).
    pub path_info: String,
    /// `:name` parameters with the path segment they captured.
    pub params: Vec<(String, String)>,
}

impl Route {
    pub fn parse(raw: &str) -> Result<Route> {
        if !raw.starts_with('/') {
            bail!("route {raw:?} must start with '/'");
        }
        let (body, wildcard) = match raw.strip_suffix("/...") {
            Some(prefix) => (prefix, true),
            None if raw == "..." => ("", true),
            None => (raw, false),
        };
        let mut segments = Vec::new();
        for part in body.split('/').filter(|s| !s.is_empty()) {
            if part.contains("...") {
                bail!("route {raw:?}: '...' is only allowed as the last segment");
            }
            if let Some(name) = part.strip_prefix(':') {
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    bail!("route {raw:?}: bad parameter name {part:?}");
                }
                if segments
                    .iter()
                    .any(|s| *s == Segment::Param(name.to_string()))
                {
                    bail!("route {raw:?}: parameter {name:?} appears twice");
                }
                segments.push(Segment::Param(name.to_string()));
            } else {
                segments.push(Segment::Literal(part.to_string()));
            }
        }
        Ok(Route {
            raw: raw.to_string(),
            segments,
            wildcard,
        })
    }

    /// The route without its trailing `/...` (Spin's `spin-component-route`).
    pub fn component_route(&self) -> &str {
        match self.raw.strip_suffix("/...") {
            Some("") => "",
            Some(prefix) => prefix,
            None => &self.raw,
        }
    }

    pub fn matches(&self, path: &str) -> Option<RouteMatch> {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if parts.len() < self.segments.len()
            || (!self.wildcard && parts.len() != self.segments.len())
        {
            return None;
        }
        let mut params = Vec::new();
        for (seg, part) in self.segments.iter().zip(&parts) {
            match seg {
                Segment::Literal(l) if l == part => {}
                Segment::Literal(_) => return None,
                Segment::Param(name) => params.push((name.clone(), part.to_string())),
            }
        }
        let path_info = if self.wildcard {
            // The remainder of the original path after the matched prefix segments.
            let mut rest = path;
            for _ in 0..self.segments.len() {
                let trimmed = rest.trim_start_matches('/');
                rest = &trimmed[trimmed.find('/').unwrap_or(trimmed.len())..];
            }
            rest.to_string()
        } else {
            String::new()
        };
        Some(RouteMatch { path_info, params })
    }

    /// Higher ranks win: exact over parameter over wildcard, then longer over shorter.
    fn rank(&self) -> (u8, usize, usize) {
        let params = self
            .segments
            .iter()
            .filter(|s| matches!(s, Segment::Param(_)))
            .count();
        let kind = match (self.wildcard, params) {
            (false, 0) => 2,
            (false, _) => 1,
            (true, _) => 0,
        };
        (kind, self.segments.len(), self.segments.len() - params)
    }
}

/// The routing table of an application.
#[derive(Debug, Clone, Default)]
pub struct Router<T> {
    routes: Vec<(Route, T)>,
}

impl<T> Router<T> {
    pub fn new(mut routes: Vec<(Route, T)>) -> Router<T> {
        // Stable sort keeps manifest order among equal ranks.
        routes.sort_by_key(|r| std::cmp::Reverse(r.0.rank()));
        Router { routes }
    }

    pub fn route(&self, path: &str) -> Option<(&Route, &T, RouteMatch)> {
        self.routes
            .iter()
            .find_map(|(r, t)| r.matches(path).map(|m| (r, t, m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn router(routes: &[&str]) -> Router<String> {
        Router::new(
            routes
                .iter()
                .map(|r| (Route::parse(r).unwrap(), r.to_string()))
                .collect(),
        )
    }

    fn pick(r: &Router<String>, path: &str) -> Option<String> {
        r.route(path).map(|(_, t, _)| t.clone())
    }

    #[test]
    fn exact_beats_param_beats_wildcard() {
        let r = router(&["/users/...", "/users/:id", "/users/me"]);
        assert_eq!(pick(&r, "/users/me").as_deref(), Some("/users/me"));
        assert_eq!(pick(&r, "/users/42").as_deref(), Some("/users/:id"));
        assert_eq!(pick(&r, "/users/42/orders").as_deref(), Some("/users/..."));
        assert_eq!(pick(&r, "/users").as_deref(), Some("/users/..."));
        assert_eq!(pick(&r, "/users/").as_deref(), Some("/users/..."));
    }

    #[test]
    fn longest_wildcard_prefix_wins() {
        let r = router(&["/...", "/api/...", "/api/v1/..."]);
        assert_eq!(pick(&r, "/api/v1/x").as_deref(), Some("/api/v1/..."));
        assert_eq!(pick(&r, "/api/v2/x").as_deref(), Some("/api/..."));
        assert_eq!(pick(&r, "/other").as_deref(), Some("/..."));
        assert_eq!(pick(&r, "/").as_deref(), Some("/..."));
    }

    #[test]
    fn no_match_is_none() {
        let r = router(&["/a", "/b/:x"]);
        assert_eq!(pick(&r, "/c"), None);
        assert_eq!(pick(&r, "/a/b"), None);
        assert_eq!(pick(&r, "/b"), None);
    }

    #[test]
    fn path_info_and_params() {
        let route = Route::parse("/api/:ver/...").unwrap();
        let m = route.matches("/api/v1/items/7").unwrap();
        assert_eq!(m.path_info, "/items/7");
        assert_eq!(m.params, vec![("ver".to_string(), "v1".to_string())]);
        assert_eq!(route.component_route(), "/api/:ver");
        let exact = Route::parse("/health").unwrap();
        assert_eq!(exact.matches("/health").unwrap().path_info, "");
        let all = Route::parse("/...").unwrap();
        assert_eq!(all.matches("/x/y").unwrap().path_info, "/x/y");
        assert_eq!(all.component_route(), "");
    }

    #[test]
    fn rejects_bad_routes() {
        assert!(Route::parse("api").is_err());
        assert!(Route::parse("/a/.../b").is_err());
        assert!(Route::parse("/a/:").is_err());
        assert!(Route::parse("/a/:x/:x").is_err());
    }
}
