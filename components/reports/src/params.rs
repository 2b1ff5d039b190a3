//! A report's query string, checked: dates, period, filters naming stored records, format
//! and section, language.

use super::*;

/// A report's query, checked.
pub struct Params {
    pub report: Report,
    pub as_of: NaiveDate,
    pub filter: Filter,
    pub format: Format,
    pub section: String,
    pub lang: Option<String>,
    pub accept_language: Option<String>,
    pub period: (NaiveDate, NaiveDate),
    pub months: u32,
    /// The query as given, for the page's links.
    pub query: Vec<(String, String)>,
}

/// The longest filter value (entity, collector, customer, status).
pub(crate) const MAX_FILTER: usize = 200;

/// What a report is available as, by media type.
pub(crate) const OFFERS: [(&str, Format); 5] = [
    ("application/json", Format::Json),
    ("application/problem+json", Format::Json),
    ("text/csv", Format::Csv),
    ("text/html", Format::Html),
    ("application/xhtml+xml", Format::Html),
];

impl Params {
    pub(crate) fn parse(req: &Request, db: &SpinDb, report: Report) -> Answer<Params> {
        let mut known = vec![
            "as_of",
            "entity",
            "collector",
            "customer_id",
            "status",
            "resolver_id",
            "format",
            "section",
            "lang",
        ];
        match report {
            Report::Disputes => known.extend(["from", "to", "months"]),
            Report::Kpis | Report::DisputeCases => known.extend(["from", "to"]),
            Report::ItemStatuses => {}
        }
        let q = Query::parse(req, &known)?;
        let format = match q.get("format") {
            Some("json") => Format::Json,
            Some("csv") => Format::Csv,
            Some("html") => Format::Html,
            Some(other) => {
                return Err(bad_query(
                    "format",
                    format!("{other:?} is not a format: json, csv or html"),
                ));
            }
            None => {
                let accept = req
                    .header("accept")
                    .and_then(|h| h.as_str())
                    .unwrap_or("")
                    .trim();
                if accept.is_empty() {
                    Format::Json
                } else {
                    settle_web::accept::preferred(accept, &OFFERS).ok_or_else(|| {
                        problem(
                            406,
                            "not-acceptable",
                            "Not acceptable",
                            "Accept: this report is available as application/json, text/csv or text/html (or ?format=json|csv|html)",
                        )
                    })?
                }
            }
        };
        // The page's filter form sends its blank fields: there, blank means "any".
        let q = if format == Format::Html {
            q.without_empty()
        } else {
            q
        };
        let today = today();
        let as_of = q.date("as_of")?.unwrap_or(today);
        let reports::Checked { period, months } = reports::check_request(
            as_of,
            today,
            q.date("from")?,
            q.date("to")?,
            q.int("months")?,
        )
        .map_err(|(field, why)| bad_query(field, why))?;
        let section = match q.get("section") {
            None => "summary".to_string(),
            Some(s) if report.sections().contains(&s) => s.to_string(),
            Some(s) => {
                return Err(bad_query(
                    "section",
                    format!(
                        "{s:?} is not a section of this report: {}",
                        report.sections().join(", ")
                    ),
                ));
            }
        };
        let lang = match q.get("lang") {
            Some(l) if settle_pages::i18n::language(l).is_none() => {
                return Err(bad_query(
                    "lang",
                    format!("{l:?} is not one of the page languages"),
                ));
            }
            l => l.map(str::to_string),
        };
        let filter = Filter {
            entity: q.text("entity", MAX_FILTER)?,
            collector: q.text("collector", MAX_FILTER)?,
            customer_id: q.text("customer_id", MAX_FILTER)?,
            status: q.text("status", MAX_FILTER)?,
            resolver_id: q.int("resolver_id")?,
        };
        if let Some(e) = &filter.entity
            && !store::entity_exists(db, e)?
        {
            return Err(bad_query("entity", format!("no entity {e:?}")));
        }
        if let Some(c) = &filter.customer_id
            && !store::customer_exists(db, c)?
        {
            return Err(bad_query("customer_id", format!("no customer {c:?}")));
        }
        if let Some(s) = &filter.status
            && config::status(db, s)?.is_none()
        {
            return Err(bad_query("status", format!("no status {s:?}")));
        }
        if let Some(r) = filter.resolver_id
            && !store::resolver_exists(db, r)?
        {
            return Err(bad_query("resolver_id", format!("no resolver {r}")));
        }
        Ok(Params {
            report,
            as_of,
            filter,
            format,
            section,
            lang,
            accept_language: req
                .header("accept-language")
                .and_then(|h| h.as_str())
                .map(str::to_string),
            period,
            months,
            query: settle_web::query(req),
        })
    }
}
