//! Paths and query strings: route segments, known query parameters with typed readers (an
//! unknown or bad parameter is a 400 naming it), and the keyset cursors lists page with.

use chrono::NaiveDate;
use settle_domain::dates::parse_date;
use spin_sdk::http::Request;

use crate::problem::{Answer, Problem, problem};

/// Path segments after a prefix: `segments("/api/v1/items/7/history", "/api/v1/items")` is
/// `["7", "history"]`.
pub fn segments<'a>(path: &'a str, prefix: &str) -> Option<Vec<&'a str>> {
    let rest = path.strip_prefix(prefix)?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    Some(rest.split('/').filter(|s| !s.is_empty()).collect())
}

/// Decoded query parameters, in order.
pub fn query(req: &Request) -> Vec<(String, String)> {
    parse_query(req.query())
}

fn parse_query(q: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(q.as_bytes()).into_owned().collect()
}

/// A query string of `pairs`, percent-encoded as a form would send it (no leading `?`).
pub fn encode_query(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// 400 for a query parameter: `name: why`.
pub fn bad_query(name: &str, why: impl Into<String>) -> Problem {
    problem(
        400,
        "invalid-query",
        "Invalid query",
        format!("{name}: {}", why.into()),
    )
}

/// Query parameters checked against the names an endpoint knows; an unknown one is a 400
/// naming it (a typo must not silently widen a filter).
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(req: &Request, known: &[&str]) -> Answer<Query> {
        Query::from_str(req.query(), known)
    }

    fn from_str(q: &str, known: &[&str]) -> Answer<Query> {
        let q = parse_query(q);
        if let Some((k, _)) = q.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(problem(
                400,
                "invalid-query",
                "Invalid query",
                format!("unknown query parameter {k:?}; known: {}", known.join(", ")),
            ));
        }
        Ok(Query(q))
    }

    /// The same query without its empty parameters (an HTML form sends its blank fields).
    pub fn without_empty(self) -> Query {
        Query(self.0.into_iter().filter(|(_, v)| !v.is_empty()).collect())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// An optional text parameter: not blank, no control characters, at most `max`
    /// characters (a filter value such as a collector's name).
    pub fn text(&self, name: &str, max: usize) -> Answer<Option<String>> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        if v.trim().is_empty() {
            return Err(bad_query(name, "must not be empty"));
        }
        if v.chars().any(char::is_control) {
            return Err(bad_query(name, "control characters are not allowed"));
        }
        if v.chars().count() > max {
            return Err(bad_query(name, format!("at most {max} characters")));
        }
        Ok(Some(v.to_string()))
    }

    /// A required parameter.
    pub fn required(&self, name: &str) -> Answer<&str> {
        self.get(name).ok_or_else(|| bad_query(name, "required"))
    }

    pub fn date(&self, name: &str) -> Answer<Option<NaiveDate>> {
        self.get(name)
            .map(|v| parse_date(v).map_err(|e| bad_query(name, e)))
            .transpose()
    }

    pub fn bool(&self, name: &str) -> Answer<Option<bool>> {
        self.get(name)
            .map(|v| match v {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(bad_query(name, format!("{v:?} must be true or false"))),
            })
            .transpose()
    }

    pub fn int(&self, name: &str) -> Answer<Option<i64>> {
        self.get(name)
            .map(|v| {
                v.parse::<i64>()
                    .map_err(|_| bad_query(name, format!("{v:?} is not an integer")))
            })
            .transpose()
    }

    /// `limit`, between 1 and `max`, `default` when absent.
    pub fn limit(&self, default: usize, max: usize) -> Answer<usize> {
        match self.int("limit")? {
            None => Ok(default),
            Some(n) if n >= 1 && n as usize <= max => Ok(n as usize),
            Some(n) => Err(bad_query(
                "limit",
                format!("{n} must be between 1 and {max}"),
            )),
        }
    }

    /// `cursor` as a [`Cursor`] this API returned.
    pub fn cursor(&self) -> Answer<Option<Cursor>> {
        self.get("cursor")
            .map(|c| {
                Cursor::decode(c)
                    .ok_or_else(|| bad_query("cursor", "not a cursor this API returned"))
            })
            .transpose()
    }
}

/// A keyset cursor, opaque to clients: `<date>~<id>` of the last row of a page, for lists
/// sorted by a date then an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub date: String,
    pub id: i64,
}

impl Cursor {
    pub fn encode(date: &str, id: i64) -> String {
        format!("{date}~{id}")
    }

    /// A cursor of the shape this API returns (`dddd-dd-dd~` and 1 to 18 digits, the shape
    /// the OpenAPI document states). The date part is only a sort key compared as text, so
    /// its shape is all that matters: a client holding a well-formed cursor gets a page.
    pub fn decode(s: &str) -> Option<Cursor> {
        let (date, id) = s.split_once('~')?;
        let date_shape = date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        let id_shape = (1..=18).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
        if !(date_shape && id_shape) {
            return None;
        }
        Some(Cursor {
            date: date.to_string(),
            id: id.parse().ok()?,
        })
    }

    /// The cursor of the next page: the last row's, when the page is full.
    pub fn next<T>(page: &[T], limit: usize, key: impl Fn(&T) -> (&str, i64)) -> Option<String> {
        if page.len() < limit {
            return None;
        }
        page.last().map(|row| {
            let (date, id) = key(row);
            Cursor::encode(date, id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_parameters_are_checked_and_queries_encoded() {
        let q = Query::from_str("c=alice&e=&k=a%07b&l=abcd", &["c", "e", "k", "l"]).unwrap();
        assert_eq!(q.text("c", 10).unwrap().as_deref(), Some("alice"));
        assert_eq!(q.text("absent", 10).unwrap(), None);
        for (name, max) in [("e", 10), ("k", 10), ("l", 3)] {
            assert_eq!(q.text(name, max).unwrap_err().status(), 400, "{name}");
        }
        let pairs = vec![
            ("as_of".to_string(), "2025-02-15".to_string()),
            ("collector".to_string(), "Zoé & co".to_string()),
        ];
        assert_eq!(
            encode_query(&pairs),
            "as_of=2025-02-15&collector=Zo%C3%A9+%26+co"
        );
    }

    #[test]
    fn segments_split_after_the_prefix_only() {
        assert_eq!(
            segments("/api/v1/items/7/history", "/api/v1/items"),
            Some(vec!["7", "history"])
        );
        assert_eq!(segments("/api/v1/items", "/api/v1/items"), Some(vec![]));
        assert_eq!(segments("/api/v1/itemsX", "/api/v1/items"), None);
        assert_eq!(segments("/other", "/api/v1/items"), None);
    }

    #[test]
    fn unknown_parameters_are_refused_by_name() {
        let e = Query::from_str("limit=5&overdeu=true", &["limit", "overdue"])
            .err()
            .unwrap();
        assert_eq!(e.status(), 400);
        assert!(e.body()["detail"].as_str().unwrap().contains("\"overdeu\""));
    }

    #[test]
    fn typed_readers_name_the_bad_parameter() {
        let q = Query::from_str(
            "d=2025-02-30&b=yes&i=1.5&ok=2025-02-28&limit=0&t=true&n=-3",
            &["d", "b", "i", "ok", "limit", "t", "n"],
        )
        .unwrap();
        for (e, name) in [
            (q.date("d").unwrap_err(), "d:"),
            (q.bool("b").unwrap_err(), "b:"),
            (q.int("i").unwrap_err(), "i:"),
            (q.limit(10, 100).unwrap_err(), "limit:"),
            (q.required("missing").unwrap_err(), "missing:"),
        ] {
            assert_eq!(e.status(), 400);
            assert!(e.body()["detail"].as_str().unwrap().starts_with(name));
        }
        assert_eq!(
            q.date("ok").unwrap(),
            Some(NaiveDate::from_ymd_opt(2025, 2, 28).unwrap())
        );
        assert_eq!(q.bool("t").unwrap(), Some(true));
        assert_eq!(q.int("n").unwrap(), Some(-3));
        assert_eq!(q.date("absent").unwrap(), None);
    }

    #[test]
    fn limits_default_and_bound() {
        let q = Query::from_str("", &["limit"]).unwrap();
        assert_eq!(q.limit(50, 500).unwrap(), 50);
        let q = Query::from_str("limit=500", &["limit"]).unwrap();
        assert_eq!(q.limit(50, 500).unwrap(), 500);
        let q = Query::from_str("limit=501", &["limit"]).unwrap();
        assert!(q.limit(50, 500).is_err());
    }

    #[test]
    fn cursors_round_trip_and_forged_ones_are_refused() {
        let c = Cursor::encode("2025-03-01", 42);
        assert_eq!(
            Cursor::decode(&c),
            Some(Cursor {
                date: "2025-03-01".into(),
                id: 42
            })
        );
        // Well-formed is enough: the date part is a sort key.
        assert!(Cursor::decode("2025-13-01~4").is_some());
        for bad in [
            "",
            "42",
            "2025-03-01~x",
            "2025-03-01",
            "2025-03-01~+4",
            "2025-03-01~-4",
            "2025/03/01~4",
            "2025-03-01~1234567890123456789",
        ] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
        let q = Query::from_str("cursor=nope", &["cursor"]).unwrap();
        assert_eq!(q.cursor().unwrap_err().status(), 400);
        let rows = [("2025-01-01", 1), ("2025-01-02", 2)];
        assert_eq!(
            Cursor::next(&rows, 2, |r| (r.0, r.1)),
            Some("2025-01-02~2".into())
        );
        assert_eq!(Cursor::next(&rows, 3, |r| (r.0, r.1)), None);
    }
}
