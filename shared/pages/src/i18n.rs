//! The pages' languages: which one a reader gets, their messages (Project Fluent catalogues
//! in `locales/<tag>/pages.ftl`, plain files a translator edits), and amounts and dates in
//! their conventions (ICU4X).
//!
//! A message missing from a catalogue is a test failure (`every_catalogue_has_every_message`),
//! never a blank on a page.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Mutex;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_calendar::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use settle_domain::money::Currency;

/// A language of the pages: its tag (BCP 47), its name in itself, and its catalogues
/// (DEFLATE-compressed by build.rs from `locales/<tag>/*.ftl`).
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    pub tag: &'static str,
    pub name: &'static str,
    pages: &'static [u8],
}

/// Which catalogue: every page's, or the console's (loaded beside the pages').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalogue {
    Pages,
    Console,
}

macro_rules! lang {
    ($tag:literal, $name:literal) => {
        Language {
            tag: $tag,
            name: $name,
            pages: include_bytes!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/pages.ftl.z")),
        }
    };
}

macro_rules! catalogues {
    ($file:literal) => {
        catalogues!(
            $file;
            "en", "fr", "de", "es", "it", "nl", "pt", "pt-BR", "pl", "ro", "hr", "sv", "tr", "ja",
            "zh-Hans"
        )
    };
    ($file:literal; $($tag:literal),*) => {
        [$((
            $tag,
            include_bytes!(concat!(env!("OUT_DIR"), "/locales/", $tag, "/", $file))
                as &[u8],
        )),*]
    };
}

/// The console's catalogues, apart from [`LANGUAGES`] so that only the console's components
/// carry them.
static CONSOLE: [(&str, &[u8]); 15] = catalogues!("console.ftl.z");

/// The dispute case pages' catalogue (`locales/<tag>/cases.ftl`) in `tag`'s language, or
/// an empty one. Only the components that show cases call it (the console's through
/// [`Messages::console_with`], the reports' through [`Messages::pages_with`]), so only they
/// carry these texts: every console component
/// carries the console's catalogue, and the largest is within a few kilobytes of the 2 MB
/// budget (BENCHMARKS.md).
pub fn cases_catalogue(tag: &str) -> String {
    static CASES: [(&str, &[u8]); 15] = catalogues!("cases.ftl.z");
    in_language(&CASES, tag)
}

/// The admin screens' catalogue (`locales/<tag>/admin.ftl`) in `tag`'s language, or an
/// empty one: only `console-admin` carries it ([`Messages::console_with`]), not the other
/// console components, which carry the console's catalogue (BENCHMARKS.md, sizes).
pub fn admin_catalogue(tag: &str) -> String {
    static ADMIN: [(&str, &[u8]); 15] = catalogues!("admin.ftl.z");
    in_language(&ADMIN, tag)
}

/// One language's text of a catalogue, or an empty one.
fn in_language(catalogue: &[(&str, &[u8])], tag: &str) -> String {
    inflate(
        catalogue
            .iter()
            .find(|(t, _)| *t == tag)
            .map_or(&[][..], |(_, c)| *c),
    )
}

fn inflate(packed: &[u8]) -> String {
    miniz_oxide::inflate::decompress_to_vec(packed)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

impl Language {
    /// The text of one of the language's catalogues.
    pub fn catalogue(&self, which: Catalogue) -> String {
        let packed = match which {
            Catalogue::Pages => self.pages,
            Catalogue::Console => CONSOLE
                .iter()
                .find(|(t, _)| *t == self.tag)
                .map_or(&[][..], |(_, c)| *c),
        };
        inflate(packed)
    }
}

/// The 15 languages of the seeds' site, English first (the fallback), in the switcher's
/// order.
pub static LANGUAGES: [Language; 15] = [
    lang!("en", "English"),
    lang!("fr", "Français"),
    lang!("de", "Deutsch"),
    lang!("es", "Español"),
    lang!("it", "Italiano"),
    lang!("nl", "Nederlands"),
    lang!("pt", "Português"),
    lang!("pt-BR", "Português (Brasil)"),
    lang!("pl", "Polski"),
    lang!("ro", "Română"),
    lang!("hr", "Hrvatski"),
    lang!("sv", "Svenska"),
    lang!("tr", "Türkçe"),
    lang!("ja", "日本語"),
    lang!("zh-Hans", "简体中文"),
];

/// The language for a tag as people write it: `fr`, `FR-be`, `pt_BR`, `zh`, `zh-CN`.
pub fn language(tag: &str) -> Option<&'static Language> {
    let t = tag.trim().replace('_', "-").to_ascii_lowercase();
    if t.is_empty() {
        return None;
    }
    if let Some(l) = LANGUAGES.iter().find(|l| l.tag.to_ascii_lowercase() == t) {
        return Some(l);
    }
    let primary = t.split('-').next().unwrap_or("");
    match (primary, t.as_str()) {
        ("pt", "pt-br") => LANGUAGES.iter().find(|l| l.tag == "pt-BR"),
        ("zh", _) => LANGUAGES.iter().find(|l| l.tag == "zh-Hans"),
        _ => LANGUAGES.iter().find(|l| l.tag == primary),
    }
}

/// `Accept-Language: fr-CH, fr;q=0.9, en;q=0.8` → the best language we have.
pub fn from_accept_language(header: &str) -> Option<&'static Language> {
    let mut ranges: Vec<(&str, u32)> = header
        .split(',')
        .filter_map(|part| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q = bits
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u32)
                })?;
            (q > 0 && tag != "*").then_some((tag, q))
        })
        .collect();
    ranges.sort_by_key(|r| std::cmp::Reverse(r.1));
    ranges.into_iter().find_map(|(tag, _)| language(tag))
}

/// Who decides, in order: the reader's explicit choice (the switcher), the language stored
/// for them (the customer's or the resolver's), their browser, then English.
pub fn negotiate(
    chosen: Option<&str>,
    stored: Option<&str>,
    accept_language: Option<&str>,
) -> &'static Language {
    chosen
        .and_then(language)
        .or_else(|| stored.and_then(language))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or(&LANGUAGES[0])
}

/// One reader's messages and formats.
pub struct Messages {
    pub language: &'static Language,
    bundle: FluentBundle<FluentResource>,
    decimals: DecimalFormatter,
    dates: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    /// What this request already formatted: a statement repeats the same dates, amounts and
    /// badges on hundreds of rows, and each costs a Fluent or ICU4X call.
    memo: Mutex<HashMap<String, String>>,
}

/// A value passed to a message.
pub enum Arg<'a> {
    Str(&'a str),
    Int(i64),
}

impl Messages {
    pub fn new(language: &'static Language) -> Messages {
        Messages::with(language, &[Catalogue::Pages])
    }

    /// The console's: the pages' messages and the console's own.
    pub fn console(language: &'static Language) -> Messages {
        Messages::with(language, &[Catalogue::Pages, Catalogue::Console])
    }

    /// The console's, and a component's own catalogue (`extra` gives its text for a
    /// language tag: [`cases_catalogue`]).
    pub fn console_with(language: &'static Language, extra: fn(&str) -> String) -> Messages {
        Messages::build(
            language,
            &[Catalogue::Pages, Catalogue::Console],
            Some(extra),
        )
    }

    /// The pages' messages and a component's own catalogue (the report pages' case
    /// analytics read [`cases_catalogue`]).
    pub fn pages_with(language: &'static Language, extra: fn(&str) -> String) -> Messages {
        Messages::build(language, &[Catalogue::Pages], Some(extra))
    }

    fn with(language: &'static Language, catalogues: &[Catalogue]) -> Messages {
        Messages::build(language, catalogues, None)
    }

    fn build(
        language: &'static Language,
        catalogues: &[Catalogue],
        extra: Option<fn(&str) -> String>,
    ) -> Messages {
        let langid = unic_langid::LanguageIdentifier::from_str(language.tag).unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Pages are HTML: no invisible isolation marks around values.
        bundle.set_use_isolating(false);
        let texts = catalogues
            .iter()
            .map(|c| language.catalogue(*c))
            .chain(extra.map(|f| f(language.tag)));
        for text in texts {
            let resource = FluentResource::try_new(text).unwrap_or_else(|(r, _)| r);
            // An id in both keeps the first wording (the catalogue test forbids that).
            let _ = bundle.add_resource(resource);
        }
        let icu_tag = match language.tag {
            "pt" => "pt-PT",
            t => t,
        };
        let locale = Locale::from_str(icu_tag).unwrap_or(Locale::UNKNOWN);
        Messages {
            language,
            bundle,
            decimals: DecimalFormatter::try_new(locale.clone().into(), Default::default())
                .expect("compiled data has every locale"),
            dates: FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::medium())
                .expect("compiled data has every locale"),
            memo: Mutex::new(HashMap::new()),
        }
    }

    /// `make()`'s answer for `key`, computed once per reader.
    fn memo(&self, key: String, make: impl FnOnce() -> String) -> String {
        if let Some(v) = self.memo.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return v;
        }
        let v = make();
        if let Ok(mut m) = self.memo.lock() {
            m.insert(key, v.clone());
        }
        v
    }

    /// Does the catalogue define `id`?
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` (or `id.attribute`) with its arguments; the id itself when missing,
    /// so a gap shows and the catalogue test catches it.
    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut key = format!("t\u{1}{id}");
        for (k, v) in args {
            match v {
                Arg::Str(s) => key.push_str(&format!("\u{1}{k}\u{2}{s}")),
                Arg::Int(n) => key.push_str(&format!("\u{1}{k}\u{3}{n}")),
            }
        }
        self.memo(key, || self.format(id, args))
    }

    fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let Some(msg) = self.bundle.get_message(msg_id) else {
            return id.to_string();
        };
        let pattern = match attr {
            Some(a) => msg.get_attribute(a).map(|a| a.value()),
            None => msg.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(*s)),
                Arg::Int(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// A plain number in the language's conventions (`1 234`, `1.234`, `1,234`).
    pub fn number(&self, n: i64) -> String {
        self.decimals.format(&Decimal::from(n)).to_string()
    }

    /// Whether the language writes decimals with a comma (`1,5`) rather than a point.
    pub fn decimal_comma(&self) -> bool {
        self.decimals
            .format(&Decimal::try_from_str("1.5").unwrap_or_default())
            .to_string()
            .contains(',')
    }

    /// An amount as a person typed it in this language (`1 234,56`, `1,234.56`, `15`) as
    /// a plain decimal (`1234.56`); what reads only one way is read that way, what reads
    /// two ways (`1.500`) the language's way. `None` when it is no amount at all.
    pub fn typed_amount(&self, s: &str) -> Option<String> {
        use settle_domain::import::values::{AmountReading, read_amount};
        match read_amount(s.trim()).ok()? {
            AmountReading::Plain {
                negative: false,
                value,
                ..
            } => Some(value),
            AmountReading::TwoWays {
                negative: false,
                point,
                comma,
            } => Some(if self.decimal_comma() { comma } else { point }),
            _ => None,
        }
    }

    /// A decimal figure as the store or a report gives it (`"25.5"`, `"-3"`) in the
    /// language's conventions (`25,5`); the text itself when it is not a number.
    pub fn decimal_str(&self, s: &str) -> String {
        self.memo(format!("n\u{1}{s}"), || {
            Decimal::try_from_str(s)
                .map(|d| self.decimals.format(&d).to_string())
                .unwrap_or_else(|_| s.to_string())
        })
    }

    /// An amount of minor units with its currency: `1 234,56 €`, `€1,234.56`, `¥1,235`;
    /// the placement of the symbol is the catalogue's `money` message.
    pub fn money(&self, minor: i64, currency: Currency) -> String {
        let mut d = Decimal::from(minor);
        d.multiply_pow10(-(currency.exponent() as i16));
        d.pad_end(-(currency.exponent() as i16));
        let amount = self.decimals.format(&d).to_string();
        let symbol = currency.symbol();
        self.get(
            "money",
            &[("amount", Arg::Str(&amount)), ("symbol", Arg::Str(&symbol))],
        )
    }

    /// A decimal amount string (`"1234.50"`, as the store gives it) with its currency.
    pub fn money_str(&self, amount: &str, currency: &str) -> String {
        self.memo(format!("m\u{1}{amount}\u{1}{currency}"), || {
            self.format_money_str(amount, currency)
        })
    }

    /// An item's amount as the reader writes it: a credit (credit note, payment on account)
    /// with a minus sign (U+2212), the same on every page and in every language.
    pub fn item_money(&self, amount: &str, currency: &str, kind: &str) -> String {
        let shown = self.money_str(amount, currency);
        if crate::rows::shows_minus(amount, kind) {
            format!("\u{2212}{shown}")
        } else {
            shown
        }
    }

    /// An item kind in the reader's language (`kind-credit_note`), the code if unknown.
    pub fn kind_label(&self, kind: &str) -> String {
        let id = format!("kind-{kind}");
        if self.has(&id) {
            self.get(&id, &[])
        } else {
            kind.to_string()
        }
    }

    fn format_money_str(&self, amount: &str, currency: &str) -> String {
        let minor = Currency::parse(currency).ok().and_then(|c| {
            let d = settle_domain::money::parse_amount(amount, c).ok()?;
            Some((settle_domain::money::to_minor(d, c).ok()?, c))
        });
        match minor {
            Some((m, c)) => self.money(m, c),
            None => format!("{amount} {currency}"),
        }
    }

    /// A date in the language's medium form (`24 nov. 2026`, `2026/11/24`).
    pub fn date(&self, d: NaiveDate) -> String {
        match Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8) {
            Ok(date) => self.dates.format(&date).to_string(),
            Err(_) => settle_domain::dates::format_date(d),
        }
    }

    /// A stored date or timestamp (`2026-11-24`, `2026-11-24T10:00:00.000Z`) as [`date`].
    pub fn date_str(&self, s: &str) -> String {
        self.memo(format!("d\u{1}{s}"), || self.format_date_str(s))
    }

    fn format_date_str(&self, s: &str) -> String {
        s.get(..10)
            .and_then(|d| settle_domain::dates::parse_date(d).ok())
            .map(|d| self.date(d))
            .unwrap_or_else(|| s.to_string())
    }
}

/// Every message id of the English catalogue (the reference).
pub fn message_ids(catalogue: &str) -> Vec<String> {
    let resource = FluentResource::try_new(catalogue.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Emails written like the pages: amounts, dates and item kinds in the recipient's language,
/// with the same formatter (ICU4X and the catalogues). Languages without a catalogue get
/// English.
pub struct EmailFormats;

impl settle_web::settle_usecases::emails::Formats for EmailFormats {
    fn format(&self, tag: &str) -> Box<dyn settle_domain::templates::EmailFormat> {
        let lang = language(tag)
            .or_else(|| language(tag.split('-').next().unwrap_or(tag)))
            .or_else(|| language("en"))
            .expect("English is always there");
        Box::new(Messages::new(lang))
    }
}

impl settle_domain::templates::EmailFormat for Messages {
    fn money(&self, minor: i64, currency: Currency) -> String {
        let shown = Messages::money(self, minor.saturating_abs(), currency);
        if minor < 0 {
            format!("\u{2212}{shown}")
        } else {
            shown
        }
    }
    fn date(&self, iso: &str) -> String {
        self.date_str(iso)
    }
    fn kind(&self, kind: &str) -> String {
        self.kind_label(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_the_reader_types_them() {
        let fr = Messages::new(language("fr").unwrap());
        let en = Messages::new(language("en").unwrap());
        assert!(fr.decimal_comma() && !en.decimal_comma());
        for (typed, in_fr, in_en) in [
            ("15,50", Some("15.50"), Some("15.50")),
            ("15.50", Some("15.50"), Some("15.50")),
            ("1 234,56", Some("1234.56"), Some("1234.56")),
            ("1.500", Some("1500"), Some("1.500")),
            ("1,500", Some("1.500"), Some("1500")),
            ("15", Some("15"), Some("15")),
            ("-5", None, None),
            ("abc", None, None),
        ] {
            assert_eq!(fr.typed_amount(typed).as_deref(), in_fr, "fr {typed}");
            assert_eq!(en.typed_amount(typed).as_deref(), in_en, "en {typed}");
        }
    }

    #[test]
    fn every_catalogue_parses_and_has_every_message() {
        for which in [Catalogue::Pages, Catalogue::Console] {
            check_catalogue(which);
        }
        // No id is in both: the console's would be shadowed.
        let pages = message_ids(&LANGUAGES[0].catalogue(Catalogue::Pages));
        let console = message_ids(&LANGUAGES[0].catalogue(Catalogue::Console));
        let both: Vec<_> = console.iter().filter(|id| pages.contains(id)).collect();
        assert!(both.is_empty(), "in both catalogues: {both:?}");
    }

    #[test]
    fn the_cases_catalogue_is_complete_and_translated_in_every_language() {
        check_extra(cases_catalogue);
        // The console's messages are there too.
        let en = Messages::console_with(&LANGUAGES[0], cases_catalogue);
        assert_eq!(en.get("nav-disputes", &[]), "Disputes");
    }

    #[test]
    fn the_admin_catalogue_is_complete_and_translated_in_every_language() {
        check_extra(admin_catalogue);
        let ja = Messages::console_with(&LANGUAGES[13], admin_catalogue);
        assert_eq!(ja.get("admin-routing", &[]), "振り分けルール");
        assert_eq!(ja.get("admin-title", &[]), "管理");
    }

    /// A catalogue some components load beside the console's: parses in every language,
    /// with the same ids in the same order, none shadowing another catalogue's, each
    /// formatting without error, translated rather than copied from English.
    fn check_extra(extra: fn(&str) -> String) {
        let reference = message_ids(&extra("en"));
        assert!(reference.len() > 40, "{}", reference.len());
        // No id shadows, or is shadowed by, the console's or the pages' own.
        for which in [Catalogue::Pages, Catalogue::Console] {
            let other = message_ids(&LANGUAGES[0].catalogue(which));
            let both: Vec<_> = reference.iter().filter(|id| other.contains(id)).collect();
            assert!(both.is_empty(), "also in {which:?}: {both:?}");
        }
        let en = Messages::console_with(&LANGUAGES[0], extra);
        for l in &LANGUAGES {
            let text = extra(l.tag);
            if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
                panic!("{}: syntax errors {errors:?}", l.tag);
            }
            assert_eq!(
                message_ids(&text),
                reference,
                "{}: the same ids, in order",
                l.tag
            );
            let m = Messages::console_with(l, extra);
            let mut same = 0;
            for id in &reference {
                let msg = m.bundle.get_message(id).unwrap();
                let mut args = FluentArgs::new();
                for a in [
                    "number", "days", "rule", "amount", "percent", "entity", "currency", "reason",
                    "date", "from", "to", "kept", "broken", "valid", "said", "count", "name",
                    "url", "value", "n", "language", "max", "minutes", "symbol",
                ] {
                    args.set(a, FluentValue::from(2));
                }
                let mut errors = Vec::new();
                m.bundle
                    .format_pattern(msg.value().unwrap(), Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} {id}: {errors:?}", l.tag);
                same += usize::from(m.get(id, &[]) == en.get(id, &[]));
            }
            if l.tag != "en" {
                assert!(same * 4 < reference.len(), "{}: {same} English", l.tag);
            }
        }
    }

    #[test]
    fn every_language_is_translated_not_copied() {
        // A catalogue copied from English would pass the id checks and show English.
        for which in [Catalogue::Pages, Catalogue::Console] {
            let en = Messages::console(&LANGUAGES[0]);
            let ids = message_ids(&LANGUAGES[0].catalogue(which));
            for l in &LANGUAGES[1..] {
                let m = Messages::console(l);
                let same = ids
                    .iter()
                    .filter(|id| m.get(id, &[]) == en.get(id, &[]))
                    .count();
                assert!(
                    same * 4 < ids.len(),
                    "{} {which:?}: {same} of {} messages are the English ones",
                    l.tag,
                    ids.len()
                );
            }
        }
    }

    fn check_catalogue(which: Catalogue) {
        let reference = message_ids(&LANGUAGES[0].catalogue(which));
        assert!(reference.len() > 40, "{}", reference.len());
        for l in &LANGUAGES {
            let text = l.catalogue(which);
            if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
                panic!("{} {which:?}: syntax errors {errors:?}", l.tag);
            }
            let ids = message_ids(&text);
            let missing: Vec<_> = reference.iter().filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", l.tag);
            let extra: Vec<_> = ids.iter().filter(|id| !reference.contains(id)).collect();
            assert!(extra.is_empty(), "{} has unknown {extra:?}", l.tag);
            // Every message formats without an error.
            let m = Messages::console(l);
            for id in &reference {
                let msg = m.bundle.get_message(id).unwrap();
                if let Some(p) = msg.value() {
                    let mut args = FluentArgs::new();
                    for a in [
                        "count",
                        "amount",
                        "symbol",
                        "date",
                        "name",
                        "days",
                        "number",
                        "max",
                        "language",
                        "minutes",
                        "value",
                        "n",
                        "from",
                        "to",
                        "template",
                        "url",
                        "encoding",
                        "delimiter",
                        "resolver",
                        "rule",
                    ] {
                        args.set(a, FluentValue::from(1));
                    }
                    let mut errors = Vec::new();
                    m.bundle.format_pattern(p, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{} {id}: {errors:?}", l.tag);
                }
            }
        }
    }

    #[test]
    fn negotiation_order() {
        assert_eq!(negotiate(Some("ja"), Some("fr"), Some("de")).tag, "ja");
        assert_eq!(negotiate(Some("xx"), Some("fr"), Some("de")).tag, "fr");
        assert_eq!(negotiate(None, None, Some("de-CH, fr;q=0.9")).tag, "de");
        assert_eq!(negotiate(None, None, Some("ko-KR, fr;q=0.9")).tag, "fr");
        assert_eq!(
            negotiate(None, None, Some("xx, fr;q=0.2, ja;q=0.5")).tag,
            "ja"
        );
        assert_eq!(negotiate(None, Some("zz"), Some("*")).tag, "en");
        assert_eq!(language("FR-be").unwrap().tag, "fr");
        assert_eq!(language("ja_JP").unwrap().tag, "ja");
        assert_eq!(language("pt_BR").unwrap().tag, "pt-BR");
        assert_eq!(language("pt-PT").unwrap().tag, "pt");
        assert_eq!(language("zh-CN").unwrap().tag, "zh-Hans");
        assert_eq!(language("TR").unwrap().tag, "tr");
        assert_eq!(LANGUAGES.len(), 15);
        assert!(language("").is_none());
    }

    #[test]
    fn amounts_and_dates_follow_the_language() {
        let eur = Currency::parse("EUR").unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        let fr = Messages::new(language("fr").unwrap());
        assert_eq!(fr.money(123456, eur), "1\u{202f}234,56\u{a0}€");
        let en = Messages::new(language("en").unwrap());
        assert_eq!(en.money(123456, eur), "€1,234.56");
        assert_eq!(en.money(100, eur), "€1.00");
        let ja = Messages::new(language("ja").unwrap());
        assert_eq!(ja.money(1235, jpy), "¥1,235");
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(en.date(d), "Nov 24, 2026");
        assert_eq!(ja.date(d), "2026/11/24");
        assert_eq!(fr.date_str("2026-11-24T10:00:00.000Z"), "24 nov. 2026");
        let fmt = |tag: &str| {
            let m = Messages::new(language(tag).unwrap());
            (m.money(123456, eur), m.date(d))
        };
        assert_eq!(fmt("de"), ("1.234,56\u{a0}€".into(), "24.11.2026".into()));
        assert_eq!(fmt("tr"), ("€1.234,56".into(), "24 Kas 2026".into()));
        assert_eq!(fmt("nl").0, "€\u{a0}1.234,56");
        assert_eq!(fmt("pt-BR").0, "€\u{a0}1.234,56");
        assert_eq!(fmt("sv").0, "1\u{a0}234,56\u{a0}€");
        assert_eq!(
            fmt("zh-Hans"),
            ("€1,234.56".into(), "2026年11月24日".into())
        );
        // Every language has its own number conventions loaded (not English's by default).
        for l in &LANGUAGES {
            let m = Messages::new(l);
            assert!(m.money(123456, eur).contains("234"), "{}", l.tag);
        }
        assert_eq!(en.money_str("1234.5", "EUR"), "€1,234.50");
        assert_eq!(en.money_str("bad", "EUR"), "bad EUR");
        // Remembered answers are the same answers, per argument.
        assert_eq!(en.money_str("1234.5", "EUR"), "€1,234.50");
        assert_eq!(en.money_str("1234.5", "USD"), "$1,234.50");
        assert_eq!(
            en.get("days-overdue", &[("days", Arg::Int(1))]),
            "1 day overdue"
        );
        assert_eq!(
            en.get("days-overdue", &[("days", Arg::Int(2))]),
            "2 days overdue"
        );
        assert_eq!(
            en.get("days-overdue", &[("days", Arg::Int(1))]),
            "1 day overdue"
        );
    }
}
