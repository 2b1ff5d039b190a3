//! Email templates written with `#hashtags`, rendered with minijinja.
//!
//! A template has a subject and a body. `#customer_name` inserts a value; `##` is a literal
//! `#`; Jinja syntax (`{% if comment %}...{% endif %}`, `{{ status }}`) works too, over the
//! same names. A body that contains HTML tags is HTML; one without is plain text whose line
//! breaks are kept. Values are HTML-escaped (autoescape); `#items_list_selected` is the one
//! value that is markup (a table built here from escaped cells). The plain-text part is
//! derived from the rendered HTML, so both parts always say the same thing.
//!
//! Saving a template runs [`validate`]: an unknown hashtag, a syntax error or an unknown
//! name is an error that names it (and its line).

use std::collections::BTreeMap;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

use crate::input::{Object, parse_object};
use crate::money::{Currency, amount_string};
use crate::validation::{Invalid, valid_email};

/// Every hashtag a template may use, with what it inserts.
pub const HASHTAGS: &[(&str, &str)] = &[
    ("customer_name", "the customer's name"),
    ("customer_id", "the customer's id in the ERP"),
    ("customer_email", "the customer's email address"),
    ("entity", "the group company the items belong to"),
    (
        "items_list_selected",
        "a table of the selected items (number, type, dates, amounts, status)",
    ),
    ("items_count", "how many items are selected"),
    (
        "total_selected",
        "the open amount of the selected items, per currency",
    ),
    ("status", "the status label"),
    ("status_date", "the status date"),
    ("comment", "the qualification comment"),
    ("resolver_name", "the resolver's name"),
    ("resolver_email", "the resolver's email address"),
    ("resolver_link", "the signed link to the resolver page"),
    ("customer_link", "the signed link to the customer page"),
    ("collector_name", "the collector in charge of the customer"),
    ("action_name", "the follow-up action's name"),
    ("action_type", "the follow-up action's type"),
    ("action_date", "the follow-up action's date"),
    ("today", "today's date"),
];

pub const MAX_SUBJECT: usize = 500;
pub const MAX_BODY: usize = 64 * 1024;
/// Template execution budget (minijinja fuel): bounds loops a template could spin in.
const FUEL: u64 = 200_000;

fn known(name: &str) -> bool {
    HASHTAGS.iter().any(|(n, _)| *n == name)
}

/// A selected item, as the email shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailItem {
    pub number: String,
    pub kind: String,
    pub issue_date: String,
    pub due_date: String,
    pub amount_minor: i64,
    pub open_minor: i64,
    /// What its open dispute case disputes (0: none).
    pub disputed_minor: i64,
    pub currency: Currency,
    pub status: String,
}

/// Everything a template can show. Absent values are empty strings, never `none`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmailData {
    pub language: String,
    pub customer_name: String,
    pub customer_id: String,
    pub customer_email: String,
    pub entity: String,
    pub items: Vec<EmailItem>,
    pub status: String,
    pub status_date: String,
    pub comment: String,
    pub resolver_name: String,
    pub resolver_email: String,
    pub resolver_link: String,
    pub customer_link: String,
    pub collector_name: String,
    pub action_name: String,
    pub action_type: String,
    pub action_date: String,
    pub today: String,
}

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    pub subject: String,
    pub html: String,
    pub text: String,
}

// ---- source translation ----

/// Where Jinja syntax starts in `s` (`{{`, `{%` or `{#`), and its closing delimiter.
fn jinja_open(s: &str) -> Option<(usize, &'static str)> {
    let mut from = 0;
    while let Some(i) = s[from..].find('{') {
        let at = from + i;
        match s.as_bytes().get(at + 1) {
            Some(b'{') => return Some((at, "}}")),
            Some(b'%') => return Some((at, "%}")),
            Some(b'#') => return Some((at, "#}")),
            _ => from = at + 1,
        }
    }
    None
}

/// Turns `#hashtags` into `{{ name }}` outside Jinja blocks; `literal` transforms the text
/// between them. Unknown hashtags are collected with their line.
fn translate(src: &str, literal: impl Fn(&str) -> String, unknown: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(src.len() + 64);
    let mut rest = src;
    let mut line = 1;
    loop {
        let (text, jinja) = match jinja_open(rest) {
            Some((at, close)) => {
                let end = rest[at + 2..]
                    .find(close)
                    .map_or(rest.len(), |e| at + 2 + e + 2);
                (&rest[..at], Some(&rest[at..end]))
            }
            None => (rest, None),
        };
        // Hashtags in the text part.
        let mut chunk = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\n' {
                line += 1;
            }
            if c != '#' {
                chunk.push(c);
                continue;
            }
            if text[i + 1..].starts_with('#') {
                chars.next();
                chunk.push('#');
                continue;
            }
            let name: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                chunk.push('#');
                continue;
            }
            for _ in 0..name.chars().count() {
                chars.next();
            }
            if known(&name) {
                out.push_str(&literal(&chunk));
                chunk.clear();
                out.push_str("{{ ");
                out.push_str(&name);
                out.push_str(" }}");
            } else {
                unknown.push(format!("#{name} (line {line})"));
                chunk.push('#');
                chunk.push_str(&name);
            }
        }
        out.push_str(&literal(&chunk));
        match jinja {
            Some(j) => {
                line += j.matches('\n').count();
                out.push_str(j);
                rest = &rest[text.len() + j.len()..];
            }
            None => break,
        }
    }
    out
}

/// Does the body contain HTML tags (outside Jinja blocks)?
fn is_html(src: &str) -> bool {
    let mut rest = src;
    loop {
        let (text, next) = match jinja_open(rest) {
            Some((at, close)) => {
                let end = rest[at + 2..]
                    .find(close)
                    .map_or(rest.len(), |e| at + 2 + e + 2);
                (&rest[..at], Some(end))
            }
            None => (rest, None),
        };
        let b = text.as_bytes();
        if b.windows(2)
            .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        {
            return true;
        }
        match next {
            Some(end) => rest = &rest[end..],
            None => return false,
        }
    }
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

fn plain_to_html(s: &str) -> String {
    escape_html(s).replace('\n', "<br>\n")
}

/// The body as a Jinja HTML template, and the subject as a Jinja text template.
fn sources(subject: &str, body: &str) -> (String, String, Vec<String>, Vec<String>) {
    let mut unknown_subject = Vec::new();
    let mut unknown_body = Vec::new();
    let subject = translate(subject, str::to_string, &mut unknown_subject);
    let body = if is_html(body) {
        translate(body, str::to_string, &mut unknown_body)
    } else {
        translate(body, plain_to_html, &mut unknown_body)
    };
    (subject, body, unknown_subject, unknown_body)
}

// ---- rendering ----

fn environment(escape: AutoEscape) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(move |_| escape);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env
}

/// The column headings of the `#items_list_selected` table, from
/// `emails/<language>/items_table.txt` (one heading a line); English when the language has none.
fn labels(language: &str) -> [String; 8] {
    let file = TABLE_LABELS
        .iter()
        .find(|(l, _)| *l == language)
        .or_else(|| TABLE_LABELS.first())
        .map_or(String::new(), |(_, f)| inflate(f));
    let mut out = [
        "Number",
        "Type",
        "Issue date",
        "Due date",
        "Amount",
        "Open amount",
        "Status",
        "In dispute",
    ]
    .map(String::from);
    for (slot, line) in out.iter_mut().zip(file.lines()) {
        *slot = line.trim().to_string();
    }
    out
}

/// A file of `emails/` as build.rs packed it.
fn inflate(packed: &[u8]) -> String {
    miniz_oxide::inflate::decompress_to_vec(packed)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// How an email writes amounts, dates and item kinds for its recipient. The pages' formatter
/// (`settle_pages`, ICU4X and the catalogues) implements it, so an email reads like the pages
/// in the recipient's language; [`PlainFormat`] is the machine form.
pub trait EmailFormat {
    /// `minor` units of `currency`, signed (a credit is negative).
    fn money(&self, minor: i64, currency: Currency) -> String;
    /// A `YYYY-MM-DD` date; anything else is shown as given.
    fn date(&self, iso: &str) -> String;
    /// An item kind code (`credit_note`).
    fn kind(&self, kind: &str) -> String;
}

/// The machine form: `1234.50 EUR`, ISO dates, kind codes.
pub struct PlainFormat;

impl EmailFormat for PlainFormat {
    fn money(&self, minor: i64, currency: Currency) -> String {
        let sign = if minor < 0 { "-" } else { "" };
        format!(
            "{sign}{} {currency}",
            amount_string(minor.saturating_abs(), currency)
        )
    }
    fn date(&self, iso: &str) -> String {
        iso.to_string()
    }
    fn kind(&self, kind: &str) -> String {
        kind.to_string()
    }
}

/// A credit (credit note, payment on account) counts against the customer.
fn signed(i: &EmailItem, minor: i64) -> i64 {
    let sign = crate::ledger::ItemKind::parse(&i.kind).map_or(1, |k| k.sign());
    minor.saturating_mul(sign)
}

/// The `#items_list_selected` table: every cell escaped here. When an item is disputed in
/// part, a last column says how much of each item is in dispute.
pub fn items_table(items: &[EmailItem], language: &str, fmt: &dyn EmailFormat) -> String {
    let mut t = String::from(
        "<table class=\"items\" border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<thead><tr>",
    );
    let in_part = items
        .iter()
        .any(|i| i.disputed_minor > 0 && i.disputed_minor < i.open_minor);
    let headings = labels(language);
    let shown = if in_part { 8 } else { 7 };
    for h in &headings[..shown] {
        t.push_str(&format!("<th>{}</th>", escape_html(h)));
    }
    t.push_str("</tr></thead>\n<tbody>\n");
    for i in items {
        t.push_str("<tr>");
        let disputed = if i.disputed_minor > 0 {
            fmt.money(signed(i, i.disputed_minor), i.currency)
        } else {
            String::new()
        };
        for cell in [
            i.number.clone(),
            fmt.kind(&i.kind),
            fmt.date(&i.issue_date),
            fmt.date(&i.due_date),
            fmt.money(signed(i, i.amount_minor), i.currency),
            fmt.money(signed(i, i.open_minor), i.currency),
            i.status.clone(),
            disputed,
        ]
        .iter()
        .take(shown)
        {
            t.push_str(&format!("<td>{}</td>", escape_html(cell)));
        }
        t.push_str("</tr>\n");
    }
    t.push_str("</tbody>\n</table>");
    t
}

/// Open amount of the items per currency, credits taken off: `1250.00 EUR + 80.00 USD`.
pub fn total(items: &[EmailItem], fmt: &dyn EmailFormat) -> String {
    let mut sums: BTreeMap<Currency, i64> = BTreeMap::new();
    for i in items {
        let s = sums.entry(i.currency).or_default();
        *s = s.saturating_add(signed(i, i.open_minor));
    }
    sums.iter()
        .map(|(c, m)| fmt.money(*m, *c))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn context(d: &EmailData, fmt: &dyn EmailFormat) -> BTreeMap<&'static str, Value> {
    let s = |v: &str| Value::from(v.to_string());
    BTreeMap::from([
        ("customer_name", s(&d.customer_name)),
        ("customer_id", s(&d.customer_id)),
        ("customer_email", s(&d.customer_email)),
        ("entity", s(&d.entity)),
        (
            "items_list_selected",
            Value::from_safe_string(items_table(&d.items, &d.language, fmt)),
        ),
        ("items_count", Value::from(d.items.len())),
        ("total_selected", s(&total(&d.items, fmt))),
        ("status", s(&d.status)),
        ("status_date", s(&fmt.date(&d.status_date))),
        ("comment", s(&d.comment)),
        ("resolver_name", s(&d.resolver_name)),
        ("resolver_email", s(&d.resolver_email)),
        // Links are ours (base URL + URL-safe token): escaped here, kept readable.
        (
            "resolver_link",
            Value::from_safe_string(escape_html(&d.resolver_link)),
        ),
        (
            "customer_link",
            Value::from_safe_string(escape_html(&d.customer_link)),
        ),
        ("collector_name", s(&d.collector_name)),
        ("action_name", s(&d.action_name)),
        ("action_type", s(&d.action_type)),
        ("action_date", s(&fmt.date(&d.action_date))),
        ("today", s(&fmt.date(&d.today))),
    ])
}

/// Does the template use `name` (as `#name` or in a Jinja block)? Used to create only the
/// links a template shows. A whole-word match: `resolver` does not match `resolver_link`.
pub fn uses(subject: &str, body: &str, name: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    [subject, body].iter().any(|s| {
        s.match_indices(name).any(|(i, _)| {
            !word(s[..i].chars().next_back()) && !word(s[i + name.len()..].chars().next())
        })
    })
}

fn render_with(
    subject: &str,
    body: &str,
    data: &EmailData,
    fmt: &dyn EmailFormat,
) -> Result<Rendered, Invalid> {
    let (subject_src, body_src, unknown_subject, unknown_body) = sources(subject, body);
    let mut errors = Invalid::default();
    for u in unknown_subject {
        errors.push("/subject", Some("subject"), format!("unknown hashtag {u}"));
    }
    for u in unknown_body {
        errors.push("/body", Some("body"), format!("unknown hashtag {u}"));
    }
    errors.clone().into_result()?;
    let ctx = context(data, fmt);
    let text_env = environment(AutoEscape::None);
    let html_env = environment(AutoEscape::Html);
    let subject = text_env
        .template_from_named_str("subject", &subject_src)
        .and_then(|t| t.render(&ctx));
    let html = html_env
        .template_from_named_str("body", &body_src)
        .and_then(|t| t.render(&ctx));
    if let Err(e) = &subject {
        errors.push("/subject", Some("subject"), e.to_string());
    }
    if let Err(e) = &html {
        errors.push("/body", Some("body"), e.to_string());
    }
    errors.into_result()?;
    let subject = subject
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let html = html.unwrap_or_default();
    let text = html_to_text(&html);
    Ok(Rendered {
        subject,
        html,
        text,
    })
}

/// Renders a template for `data`, amounts and dates written by `fmt` (the recipient's);
/// errors name `/subject` or `/body`.
pub fn render(
    subject: &str,
    body: &str,
    data: &EmailData,
    fmt: &dyn EmailFormat,
) -> Result<Rendered, Invalid> {
    render_with(subject, body, data, fmt)
}

/// Checks a template before it is saved: sizes, unknown hashtags, syntax, unknown names
/// (rendered once against sample data, strictly).
pub fn validate(subject: &str, body: &str) -> Result<(), Invalid> {
    let mut errors = Invalid::default();
    if subject.trim().is_empty() {
        errors.push("/subject", Some("subject"), "subject must not be empty");
    }
    if subject.chars().count() > MAX_SUBJECT {
        errors.push(
            "/subject",
            Some("subject"),
            format!("subject is longer than {MAX_SUBJECT} characters"),
        );
    }
    if body.trim().is_empty() {
        errors.push("/body", Some("body"), "body must not be empty");
    }
    if body.len() > MAX_BODY {
        errors.push(
            "/body",
            Some("body"),
            format!("body is longer than {MAX_BODY} bytes"),
        );
    }
    errors.into_result()?;
    render_with(subject, body, &sample(), &PlainFormat).map(|_| ())
}

/// Sample data for validation and for previews of a template alone.
pub fn sample() -> EmailData {
    let eur = Currency::parse("EUR").expect("EUR is ISO 4217");
    EmailData {
        language: "en".into(),
        customer_name: "Sample Customer".into(),
        customer_id: "C-SAMPLE".into(),
        customer_email: "ap@customer.example".into(),
        entity: "FR01".into(),
        items: vec![EmailItem {
            number: "INV-0001".into(),
            kind: "invoice".into(),
            issue_date: "2025-01-01".into(),
            due_date: "2025-01-31".into(),
            amount_minor: 120_000,
            open_minor: 120_000,
            disputed_minor: 0,
            currency: eur,
            status: "Price dispute".into(),
        }],
        status: "Price dispute".into(),
        status_date: "2025-02-15".into(),
        comment: "The unit price is not the one agreed.".into(),
        resolver_name: "Sam Sales".into(),
        resolver_email: "sam@company.example".into(),
        resolver_link: "https://settle.example/r/sample".into(),
        customer_link: "https://settle.example/c/sample".into(),
        collector_name: "Colette Collector".into(),
        action_name: "Dispute follow-up".into(),
        action_type: "dispute".into(),
        action_date: "2025-02-22".into(),
        today: "2025-02-15".into(),
    }
}

// ---- HTML to text ----

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `name` and `href` of a tag's inside (`a href="x"`, `/p`, `br/`).
fn tag_parts(inside: &str) -> (String, bool, Option<String>) {
    let closing = inside.starts_with('/');
    let body = inside.trim_start_matches('/');
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let href = body.find("href=").map(|i| {
        let v = &body[i + 5..];
        let (q, v) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => (q, &v[1..]),
            _ => (' ', v),
        };
        let end = v.find(q).unwrap_or(v.len());
        decode_entities(&v[..end])
    });
    (name, closing, href)
}

/// A readable plain-text version of an HTML email: block tags become line breaks, table
/// cells are separated, links keep their address, entities are decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut links: Vec<(String, usize)> = Vec::new();
    let mut skip_until: Option<String> = None;
    let mut rest = html;
    let mut pending_space = false;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..lt];
        if skip_until.is_none() {
            for word_or_space in text.split_inclusive(char::is_whitespace) {
                let word = word_or_space.trim_end();
                if !word.is_empty() {
                    if pending_space && !out.ends_with([' ', '\n']) && !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&decode_entities(word));
                    pending_space = false;
                }
                if word_or_space.ends_with(char::is_whitespace) {
                    pending_space = true;
                }
            }
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').unwrap_or(rest.len() - 1);
        let (name, closing, href) = tag_parts(&rest[1..gt]);
        rest = &rest[gt + 1..];
        if let Some(until) = &skip_until {
            if closing && &name == until {
                skip_until = None;
            }
            continue;
        }
        match (name.as_str(), closing) {
            ("style" | "script" | "head" | "title", false) => skip_until = Some(name.clone()),
            ("br", _) => {
                out.push('\n');
                pending_space = false;
            }
            (
                "p" | "div" | "table" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" | "h4"
                | "h5" | "h6",
                _,
            ) => {
                let trimmed = out.trim_end_matches(' ').len();
                out.truncate(trimmed);
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                pending_space = false;
            }
            ("tr", true) | ("li", true) => {
                out.push('\n');
                pending_space = false;
            }
            ("li", false) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("- ");
                pending_space = false;
            }
            ("td" | "th", true) => {
                out.push_str(" | ");
                pending_space = false;
            }
            ("a", false) => links.push((href.unwrap_or_default(), out.len())),
            ("a", true) => {
                if let Some((href, start)) = links.pop() {
                    let label = out[start.min(out.len())..].trim();
                    if !href.is_empty() && label != href {
                        out.push_str(&format!(" ({href})"));
                    }
                }
            }
            _ => {}
        }
    }
    // Tidy: no trailing spaces or cell separators, at most one blank line in a row.
    let mut tidy = String::new();
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim_end().trim_end_matches(" |").trim_end();
        let line = line.trim_start();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || tidy.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        tidy.push_str(line);
        tidy.push('\n');
    }
    tidy.trim_end().to_string()
}

// ---- defaults ----

/// A default template seeded by migration.
pub struct DefaultTemplate {
    pub code: &'static str,
    pub audience: &'static str,
    pub language: &'static str,
    pub subject: String,
    pub body: String,
}

/// The default templates of the pages' three emails in every page language, from the plain
/// files `emails/<language>/<code>.html` a translator edits: the first line is
/// `Subject: ...`, the body follows a blank line. They are compressed by build.rs.
macro_rules! packed {
    ($lang:literal, $file:literal) => {
        include_bytes!(concat!(
            env!("OUT_DIR"),
            "/emails/",
            $lang,
            "/",
            $file,
            ".z"
        ))
    };
}
macro_rules! email_files {
    ($($lang:literal),*) => {
        &[$(
            ($lang, "resolver_dispute", packed!($lang, "resolver_dispute.html")),
            ($lang, "customer_confirmation", packed!($lang, "customer_confirmation.html")),
            ($lang, "collector_reply", packed!($lang, "collector_reply.html")),
            ($lang, "dispute_escalation", packed!($lang, "dispute_escalation.html")),
        )*]
    };
}
macro_rules! table_files {
    ($($lang:literal),*) => {
        &[$(($lang, packed!($lang, "items_table.txt")),)*]
    };
}
const EMAIL_FILES: &[(&str, &str, &[u8])] = email_files!(
    "en", "fr", "de", "es", "it", "nl", "pt", "pt-BR", "pl", "ro", "hr", "sv", "tr", "ja",
    "zh-Hans"
);
const TABLE_LABELS: &[(&str, &[u8])] = table_files!(
    "en", "fr", "de", "es", "it", "nl", "pt", "pt-BR", "pl", "ro", "hr", "sv", "tr", "ja",
    "zh-Hans"
);

fn email_file(language: &'static str, code: &'static str, packed: &[u8]) -> DefaultTemplate {
    let file = inflate(packed);
    let (first, rest) = file.split_once('\n').unwrap_or((&file, ""));
    DefaultTemplate {
        code,
        audience: match code {
            "resolver_dispute" | "dispute_escalation" => "resolver",
            "collector_reply" => "collector",
            _ => "customer",
        },
        language,
        subject: first
            .strip_prefix("Subject:")
            .unwrap_or(first)
            .trim()
            .to_string(),
        body: rest.trim().to_string(),
    }
}

/// The pages' three emails (`resolver_dispute`, `customer_confirmation`, `collector_reply`)
/// in all 15 page languages (seeded by migration 6 where missing).
pub fn page_language_templates() -> Vec<DefaultTemplate> {
    EMAIL_FILES
        .iter()
        .filter(|(_, c, _)| *c != "dispute_escalation")
        .map(|(l, c, f)| email_file(l, c, f))
        .collect()
}

/// The email to a resolver's escalation contact about an overdue dispute
/// (`dispute_escalation`), in all 15 page languages (seeded by migration 20 where missing).
pub fn escalation_templates() -> Vec<DefaultTemplate> {
    EMAIL_FILES
        .iter()
        .filter(|(_, c, _)| *c == "dispute_escalation")
        .map(|(l, c, f)| email_file(l, c, f))
        .collect()
}

/// The templates migration 2 seeded: the resolver and customer emails in English and French.
pub fn default_templates() -> Vec<DefaultTemplate> {
    page_language_templates()
        .into_iter()
        .filter(|t| t.code != "collector_reply" && ["en", "fr"].contains(&t.language))
        .collect()
}

/// Reminder templates used by the default scenario's steps (seeded by migration 3).
pub fn reminder_templates() -> Vec<DefaultTemplate> {
    let t = |code, language, subject: &str, body: &str| DefaultTemplate {
        code,
        audience: "customer",
        language,
        subject: subject.to_string(),
        body: body.to_string(),
    };
    vec![
        t(
            "reminder_preventive",
            "en",
            "#customer_name: invoices falling due soon",
            "<p>Dear customer,</p>\n<p>The following items fall due soon:</p>\n#items_list_selected\n<p>Total: #total_selected</p>\n<p>Your account: <a href=\"#customer_link\">your customer page</a>.</p>\n<p>Kind regards,<br>#collector_name</p>",
        ),
        t(
            "reminder_preventive",
            "fr",
            "#customer_name : échéances à venir",
            "<p>Madame, Monsieur,</p>\n<p>Les pièces suivantes arrivent à échéance :</p>\n#items_list_selected\n<p>Total : #total_selected</p>\n<p>Votre compte : <a href=\"#customer_link\">votre espace client</a>.</p>\n<p>Cordialement,<br>#collector_name</p>",
        ),
        t(
            "reminder_first",
            "en",
            "#customer_name: overdue invoices",
            "<p>Dear customer,</p>\n<p>Unless we are mistaken, the following items are still unpaid:</p>\n#items_list_selected\n<p>Total: #total_selected</p>\n<p>If something prevents payment, tell us on <a href=\"#customer_link\">your customer page</a>.</p>\n<p>Kind regards,<br>#collector_name</p>",
        ),
        t(
            "reminder_first",
            "fr",
            "#customer_name : pièces échues",
            "<p>Madame, Monsieur,</p>\n<p>Sauf erreur de notre part, les pièces suivantes restent impayées :</p>\n#items_list_selected\n<p>Total : #total_selected</p>\n<p>Si un problème bloque le paiement, dites-le-nous sur <a href=\"#customer_link\">votre espace client</a>.</p>\n<p>Cordialement,<br>#collector_name</p>",
        ),
        t(
            "reminder_second",
            "en",
            "#customer_name: second reminder",
            "<p>Dear customer,</p>\n<p>Despite our first reminder, the following items are still unpaid:</p>\n#items_list_selected\n<p>Total: #total_selected</p>\n<p>Please pay them without delay.</p>\n<p>#collector_name</p>",
        ),
        t(
            "reminder_second",
            "fr",
            "#customer_name : deuxième relance",
            "<p>Madame, Monsieur,</p>\n<p>Malgré notre première relance, les pièces suivantes restent impayées :</p>\n#items_list_selected\n<p>Total : #total_selected</p>\n<p>Merci de les régler sans délai.</p>\n<p>#collector_name</p>",
        ),
    ]
}

/// The notification queued for the collector when a resolver or the customer writes on a
/// page, as migration 5 seeded it (English, French, Japanese). `#resolver_name` is who wrote,
/// `#comment` what they wrote.
pub fn collector_templates() -> Vec<DefaultTemplate> {
    page_language_templates()
        .into_iter()
        .filter(|t| t.code == "collector_reply" && ["en", "fr", "ja"].contains(&t.language))
        .collect()
}

/// The dispute an email is about: a status change or an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regarding {
    StatusChange(i64),
    Action(i64),
}

/// A request to email about a dispute: `template`, one of `status_change_id` or
/// `action_id`, and optionally `to`, `language`, and `subject`/`body` overriding the
/// template's (validated as templates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailRequest {
    pub template: String,
    pub regarding: Regarding,
    pub to: Option<String>,
    pub language: Option<String>,
    pub subject_override: Option<String>,
    pub body_override: Option<String>,
}

pub fn parse_email_request(body: &[u8]) -> Result<EmailRequest, Invalid> {
    let map = parse_object(body)?;
    let mut errors = Invalid::default();
    let mut o = Object::new(&map, "", &mut errors);
    let template = o.text("template", 64);
    // Exactly one of the two ids, each a number when given (null is no way to give one).
    for id in ["status_change_id", "action_id"] {
        if o.raw_is_null(id) {
            o.err(
                id,
                format!("{id} must be an integer, not null; leave it out instead"),
            );
        }
    }
    let change = o.opt_int("status_change_id");
    let action = o.opt_int("action_id");
    let to = o.opt_text("to", 254);
    let language = o.opt_text("language", 8);
    let subject_override = o.raw_text("subject", MAX_SUBJECT * 4, false);
    let body_override = o.raw_text("body", MAX_BODY, false);
    if let Some(to) = &to
        && !valid_email(to)
    {
        o.err("to", format!("{to:?} is not an email address"));
    }
    let regarding = match (change, action) {
        (Some(c), None) => Some(Regarding::StatusChange(c)),
        (None, Some(a)) => Some(Regarding::Action(a)),
        (None, None) => {
            if !o.errors.0.iter().any(|e| e.pointer.ends_with("_id")) {
                o.err(
                    "status_change_id",
                    "give status_change_id or action_id: the dispute the email is about",
                );
            }
            None
        }
        (Some(_), Some(_)) => {
            o.err("action_id", "give status_change_id or action_id, not both");
            None
        }
    };
    o.finish(&[]);
    if subject_override.is_some() || body_override.is_some() {
        let s = subject_override.as_deref().unwrap_or("-");
        let b = body_override.as_deref().unwrap_or("-");
        if let Err(e) = validate(s, b) {
            errors.0.extend(e.0);
        }
    }
    match (template, regarding) {
        (Some(template), Some(regarding)) if errors.is_empty() => Ok(EmailRequest {
            template,
            regarding,
            to,
            language,
            subject_override,
            body_override,
        }),
        _ => Err(errors),
    }
}

/// The email Change status proposes at step 2 for a status of `kind`: a dispute with a
/// resolver asks the resolver (`resolver_dispute`, the internal interactive email); anything
/// else confirms to the customer (`customer_confirmation`). The collector may choose another.
pub fn template_for_status(kind: crate::catalog::StatusKind, has_resolver: bool) -> &'static str {
    match kind {
        crate::catalog::StatusKind::Dispute if has_resolver => "resolver_dispute",
        _ => "customer_confirmation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_templates_are_valid() {
        for t in reminder_templates() {
            validate(&t.subject, &t.body)
                .unwrap_or_else(|e| panic!("{} {}: {e}", t.code, t.language));
        }
    }

    fn pointers(e: &Invalid) -> Vec<(&str, &str)> {
        e.0.iter()
            .map(|e| (e.pointer.as_str(), e.message.as_str()))
            .collect()
    }

    /// The items table shows the disputed part when an item is disputed in part only.
    #[test]
    fn the_items_table_shows_a_disputed_part() {
        let mut d = sample();
        let whole = items_table(&d.items, "en", &PlainFormat);
        assert!(!whole.contains("In dispute"), "{whole}");
        d.items[0].disputed_minor = 15_000;
        d.items.push(EmailItem {
            number: "INV-0002".into(),
            disputed_minor: 0,
            ..d.items[0].clone()
        });
        let t = items_table(&d.items, "fr", &PlainFormat);
        assert_eq!(t.matches("<th>").count(), 8, "{t}");
        assert!(t.contains("<th>En litige</th>"), "{t}");
        assert!(t.contains("<td>150.00 EUR</td></tr>"), "{t}");
        assert!(
            t.contains("<td></td></tr>"),
            "INV-0002 has no disputed part: {t}"
        );
        for l in crate::catalog::PAGE_LANGUAGES {
            assert_ne!(labels(l)[7], "", "{l}");
            assert!(l == "en" || labels(l)[7] != "In dispute", "{l}");
        }
    }

    #[test]
    fn the_pages_emails_exist_in_every_page_language_and_render() {
        let mut all = page_language_templates();
        assert!(all.iter().all(|t| t.code != "dispute_escalation"));
        all.extend(escalation_templates());
        for code in [
            "resolver_dispute",
            "customer_confirmation",
            "collector_reply",
            "dispute_escalation",
        ] {
            for l in crate::catalog::PAGE_LANGUAGES {
                let t = all
                    .iter()
                    .find(|t| t.code == code && t.language == l)
                    .unwrap_or_else(|| panic!("{code} has no {l} version"));
                validate(&t.subject, &t.body).unwrap_or_else(|e| panic!("{code} {l}: {e}"));
                assert!(!t.subject.is_empty() && !t.subject.starts_with("Subject"));
                let mut d = sample();
                d.language = l.to_string();
                let r = render(&t.subject, &t.body, &d, &PlainFormat)
                    .unwrap_or_else(|e| panic!("{code} {l}: {e}"));
                assert!(r.html.contains("INV-0001"), "{code} {l}");
                assert!(!r.text.is_empty());
                // Each language's own words, not English left in place.
                if l != "en" {
                    let en = all
                        .iter()
                        .find(|t| t.code == code && t.language == "en")
                        .unwrap();
                    assert_ne!(t.body, en.body, "{code} {l}");
                }
            }
        }
        // The links the pages live on are in the emails that need them.
        for t in &all {
            match t.code {
                "resolver_dispute" | "dispute_escalation" => {
                    assert!(t.body.contains("#resolver_link"), "{}", t.language);
                    assert_eq!(t.audience, "resolver");
                }
                "customer_confirmation" => {
                    assert!(t.body.contains("#customer_link"), "{}", t.language)
                }
                _ => {}
            }
        }
        assert_eq!(labels("de")[3], "Fälligkeit");
        assert_eq!(labels("zh-Hans")[0], "单号");
        assert_eq!(labels("xx")[0], "Number");
        for l in crate::catalog::PAGE_LANGUAGES {
            assert!(
                TABLE_LABELS
                    .iter()
                    .any(|(t, f)| *t == l && inflate(f).lines().count() == 8),
                "{l}"
            );
        }
    }

    #[test]
    fn default_templates_are_valid_and_render_every_value() {
        for t in default_templates() {
            validate(&t.subject, &t.body)
                .unwrap_or_else(|e| panic!("{} {}: {e}", t.code, t.language));
        }
        let t = &default_templates()[0];
        let r = render(&t.subject, &t.body, &sample(), &PlainFormat).unwrap();
        assert_eq!(
            r.subject,
            "Price dispute: Sample Customer disputes 1 item(s), 1200.00 EUR"
        );
        assert!(r.html.contains("<td>INV-0001</td>"), "{}", r.html);
        assert!(r.html.contains("href=\"https://settle.example/r/sample\""));
        assert!(r.html.contains("We will follow up on 2025-02-22."));
        assert!(
            r.text.contains("INV-0001 | invoice | 2025-01-01"),
            "{}",
            r.text
        );
        assert!(
            r.text
                .contains("Open the dispute page (https://settle.example/r/sample)"),
            "{}",
            r.text
        );
        assert!(!r.text.contains('<'), "{}", r.text);
    }

    /// A recipient's format, as the pages' formatter would give it.
    struct Dotted;
    impl EmailFormat for Dotted {
        fn money(&self, minor: i64, c: Currency) -> String {
            format!("{c}:{minor}")
        }
        fn date(&self, iso: &str) -> String {
            iso.replace('-', ".")
        }
        fn kind(&self, kind: &str) -> String {
            kind.to_uppercase()
        }
    }

    #[test]
    fn amounts_dates_and_kinds_are_the_recipients_and_credits_count_against() {
        let mut d = sample();
        d.status_date = "2026-09-10".into();
        let mut credit = d.items[0].clone();
        credit.kind = "credit_note".into();
        credit.open_minor = 20_000;
        credit.amount_minor = 20_000;
        d.items.push(credit);
        let r = render(
            "#total_selected",
            "<p>#status_date</p>#items_list_selected",
            &d,
            &Dotted,
        )
        .unwrap();
        assert!(r.html.contains("<p>2026.09.10</p>"), "{}", r.html);
        assert!(r.html.contains("<td>CREDIT_NOTE</td>"), "{}", r.html);
        assert!(r.html.contains("<td>EUR:-20000</td>"), "{}", r.html);
        assert!(!r.html.contains("2026-09-10"));
        let plain = total(&d.items, &PlainFormat);
        assert!(plain.contains("EUR"), "{plain}");
        // The credit is taken off the total.
        let expected: i64 = d
            .items
            .iter()
            .filter(|i| i.currency.code() == "EUR")
            .map(|i| {
                if i.kind == "credit_note" {
                    -i.open_minor
                } else {
                    i.open_minor
                }
            })
            .sum();
        assert!(
            r.subject.contains(&format!("EUR:{expected}")),
            "{}",
            r.subject
        );
    }

    #[test]
    fn values_are_html_escaped_but_the_items_table_is_markup() {
        let mut d = sample();
        d.comment = "<script>alert('x')</script> & co".into();
        d.items[0].number = "<b>INV</b>".into();
        let r = render(
            "#comment",
            "<p>#comment</p>#items_list_selected",
            &d,
            &PlainFormat,
        )
        .unwrap();
        assert!(
            r.html
                .contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; co"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<script>"));
        assert!(
            r.html.contains("<td>&lt;b&gt;INV&lt;/b&gt;</td>"),
            "{}",
            r.html
        );
        // The text part shows the words as typed; the subject is not HTML.
        assert!(
            r.text.starts_with("<script>alert('x')</script> & co"),
            "{}",
            r.text
        );
        assert_eq!(r.subject, "<script>alert('x')</script> & co");
    }

    #[test]
    fn unknown_hashtags_are_named_with_their_line() {
        let e = validate("Hi #custmer_name", "<p>ok</p>\n<p>#items_list #status</p>").unwrap_err();
        assert_eq!(
            pointers(&e),
            [
                ("/subject", "unknown hashtag #custmer_name (line 1)"),
                ("/body", "unknown hashtag #items_list (line 2)")
            ]
        );
    }

    #[test]
    fn syntax_errors_and_unknown_names_are_refused() {
        let e = validate("s", "<p>{% if comment %}never closed</p>").unwrap_err();
        assert_eq!(e.0[0].pointer, "/body");
        assert!(e.0[0].message.contains("syntax error"), "{e}");
        let e = validate("s", "line 1\n{{ customer_nme }}").unwrap_err();
        assert!(e.0[0].message.contains("undefined"), "{e}");
        assert!(e.0[0].message.contains("body:2"), "{e}");
        let e = validate(" ", "").unwrap_err();
        assert_eq!(e.0.len(), 2);
    }

    #[test]
    fn plain_bodies_keep_their_lines_and_escape_their_text() {
        let r = render(
            "x",
            "Hello #resolver_name,\n\nA < B & C.\n##1 priority",
            &sample(),
            &PlainFormat,
        )
        .unwrap();
        assert_eq!(
            r.html,
            "Hello Sam Sales,<br>\n<br>\nA &lt; B &amp; C.<br>\n#1 priority"
        );
        assert_eq!(r.text, "Hello Sam Sales,\n\nA < B & C.\n#1 priority");
    }

    #[test]
    fn numbers_after_a_hash_and_entities_are_not_hashtags() {
        let r = render(
            "Invoice #123",
            "<p>Invoice #123 &#39;x&#39;</p>",
            &sample(),
            &PlainFormat,
        )
        .unwrap();
        assert_eq!(r.subject, "Invoice #123");
        assert_eq!(r.text, "Invoice #123 'x'");
    }

    #[test]
    fn runaway_templates_run_out_of_fuel() {
        let e = render(
            "s",
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            &sample(),
            &PlainFormat,
        )
        .unwrap_err();
        assert!(e.0[0].message.contains("fuel"), "{e}");
    }

    #[test]
    fn totals_are_per_currency() {
        let mut d = sample();
        let mut usd = d.items[0].clone();
        usd.currency = Currency::parse("USD").unwrap();
        usd.open_minor = 5;
        d.items.push(usd.clone());
        d.items.push(usd);
        assert_eq!(total(&d.items, &PlainFormat), "1200.00 EUR + 0.10 USD");
    }

    #[test]
    fn template_uses_knows_hashtags_and_jinja_names() {
        assert!(uses(
            "",
            "<a href=\"#resolver_link\">x</a>",
            "resolver_link"
        ));
        assert!(uses("{{ customer_link }}", "", "customer_link"));
        assert!(!uses(
            "#customer_name",
            "resolver resolver_links",
            "resolver_link"
        ));
    }

    #[test]
    fn an_email_request_names_its_dispute_once() {
        let r = parse_email_request(
            br#"{"template":"resolver_dispute","status_change_id":4,"to":"sam@example.com"}"#,
        )
        .unwrap();
        assert_eq!(r.regarding, Regarding::StatusChange(4));
        assert_eq!(r.to.as_deref(), Some("sam@example.com"));
        let r = parse_email_request(br#"{"template":"x","action_id":2,"language":"fr"}"#).unwrap();
        assert_eq!(r.regarding, Regarding::Action(2));
        let pointers = |body: &str| -> Vec<String> {
            parse_email_request(body.as_bytes())
                .unwrap_err()
                .0
                .into_iter()
                .map(|e| e.pointer)
                .collect()
        };
        assert_eq!(pointers(r#"{"template":"x"}"#), ["/status_change_id"]);
        assert_eq!(
            pointers(r#"{"template":"x","status_change_id":1,"action_id":2}"#),
            ["/action_id"]
        );
        assert_eq!(
            pointers(r#"{"status_change_id":"one","to":"nope"}"#),
            ["/template", "/status_change_id", "/to"]
        );
        // null is no way to give an id: it is refused, not read as absent.
        assert_eq!(
            pointers(r#"{"template":"x","status_change_id":null,"action_id":2}"#),
            ["/status_change_id"]
        );
        assert_eq!(
            pointers(r#"{"template":"x","action_id":1,"body":"{{ oops"}"#).len(),
            1,
            "an override is checked as a template"
        );
    }

    #[test]
    fn the_template_follows_the_status() {
        use crate::catalog::StatusKind;
        assert_eq!(
            template_for_status(StatusKind::Dispute, true),
            "resolver_dispute"
        );
        assert_eq!(
            template_for_status(StatusKind::Dispute, false),
            "customer_confirmation"
        );
        assert_eq!(
            template_for_status(StatusKind::Promise, true),
            "customer_confirmation"
        );
        assert_eq!(
            template_for_status(StatusKind::Info, false),
            "customer_confirmation"
        );
    }
}
