//! The administrator's configuration bodies: statuses, resolvers, action models and reminder
//! scenarios. Each `read_*` reads a JSON object field by field (creating: the required
//! fields; editing: only the fields given, onto the existing record) and applies the rules of
//! that record, so the admin component only loads, calls and saves.

use serde::Serialize;
use serde_json::Value;

use crate::actions::{ActionModel, ActionType, MAX_DELAY_DAYS};
use crate::catalog::{Status, StatusKind, check_status, valid_code, valid_language};
use crate::input::Object;
use crate::pages::Outcome;
use crate::scenario::{self, Scenario, Step, StepType};
use crate::validation::valid_email;

/// A resolver: the salesperson or technician who can fix a dispute.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Resolver {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub language: String,
    pub active: bool,
    /// Who hears of this resolver's disputes once they are overdue past their status's
    /// escalation days (another resolver; `null`: nobody).
    pub escalation_id: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// A reminder scenario with its place in the configuration.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ScenarioConfig {
    #[serde(flatten)]
    pub scenario: Scenario,
    pub is_default: bool,
    pub active: bool,
}

/// Reads a field that is required when creating and optional when editing.
fn field(o: &mut Object, name: &'static str, max: usize, creating: bool) -> Option<String> {
    if creating {
        o.text(name, max)
    } else {
        o.opt_text(name, max)
    }
}

/// An enum field: required to create; when editing, absent or null leaves it unchanged and
/// blank is an error (a blank is no value of the enum).
fn choice(o: &mut Object, name: &'static str, max: usize, creating: bool) -> Option<String> {
    if creating {
        o.text(name, max)
    } else {
        o.opt_choice(name, max)
    }
}

/// A status body: `code` and `kind` to create; `typology`, `labels` (merged when editing),
/// `customer_visible`, `customer_selectable` (dispute statuses a customer may pick as their
/// reason), `active`, `action_model` (`null` unlinks). Returns the status and its
/// action model code.
pub fn read_status(
    o: &mut Object,
    existing: Option<(&Status, Option<&str>)>,
) -> (Status, Option<String>) {
    let creating = existing.is_none();
    let mut st = existing.map(|(s, _)| s.clone()).unwrap_or(Status {
        code: String::new(),
        kind: StatusKind::Info,
        typology: None,
        labels: Default::default(),
        active: true,
        customer_visible: true,
        customer_selectable: false,
        target_days: None,
        escalation_days: None,
    });
    let mut model = existing.and_then(|(_, m)| m.map(str::to_string));
    if creating {
        st.code = o.text("code", 64).unwrap_or_default();
    }
    if let Some(k) = choice(o, "kind", 20, creating) {
        match StatusKind::parse(&k) {
            Some(k) => st.kind = k,
            None => o.err(
                "kind",
                format!("{k:?} is not one of dispute, promise, info, resolved"),
            ),
        }
    }
    if o.has("typology") {
        st.typology = o.opt_text("typology", 64);
    }
    if let Some(labels) = o.opt_string_map("labels", 100) {
        st.labels.extend(labels);
    }
    if let Some(v) = o.opt_bool("customer_visible") {
        st.customer_visible = v;
    }
    if let Some(v) = o.opt_bool("active") {
        st.active = v;
    }
    let selectable = o.opt_bool("customer_selectable");
    if let Some(v) = selectable {
        st.customer_selectable = v;
    }
    // A status leaving the dispute kind stops being a customer's reason, unless asked for
    // (which check_status then refuses).
    if st.kind != StatusKind::Dispute && selectable != Some(true) {
        st.customer_selectable = false;
    }
    if o.has("action_model") {
        model = o.opt_text("action_model", 64);
    }
    if o.has("target_days") {
        st.target_days = o.opt_int("target_days");
    }
    if o.has("escalation_days") {
        st.escalation_days = o.opt_int("escalation_days");
    }
    // A status leaving the dispute kind has no deadline, unless asked for (refused below).
    if st.kind != StatusKind::Dispute {
        if !o.has("target_days") {
            st.target_days = None;
        }
        if !o.has("escalation_days") {
            st.escalation_days = None;
        }
    }
    o.errors.0.append(&mut check_status(&st).0);
    (st, model)
}

/// Why a status edit is refused: changing the kind of a status items carry (or carried)
/// would rewrite the dispute figures.
pub fn check_kind_change(before: &Status, after: &Status, in_use: bool) -> Result<(), String> {
    if before.kind != after.kind && in_use {
        return Err(format!(
            "status {:?} is in use: its kind cannot change from {} to {} (it would rewrite the dispute figures); create a new status instead",
            after.code,
            before.kind.as_str(),
            after.kind.as_str()
        ));
    }
    Ok(())
}

/// A resolver body: `name`, `email`, `role` to create; `language` (two letters, default
/// `en`) and `active` optional.
pub fn read_resolver(o: &mut Object, existing: Option<&Resolver>) -> Resolver {
    let creating = existing.is_none();
    let mut r = existing.cloned().unwrap_or(Resolver {
        id: 0,
        name: String::new(),
        email: String::new(),
        role: String::new(),
        language: "en".into(),
        active: true,
        escalation_id: None,
        created_at: String::new(),
        updated_at: String::new(),
    });
    if let Some(v) = field(o, "name", 200, creating) {
        r.name = v;
    }
    if let Some(v) = field(o, "email", 254, creating) {
        if !valid_email(&v) {
            o.err("email", format!("{v:?} is not an email address"));
        }
        r.email = v;
    }
    if let Some(v) = field(o, "role", 50, creating) {
        r.role = v;
    }
    if let Some(v) = read_language(o) {
        r.language = v;
    }
    if let Some(v) = o.opt_bool("active") {
        r.active = v;
    }
    // A resolver's id, or null for nobody; that it exists, and is not this one, is checked
    // against the store by the use case.
    let given = o.opt_int("escalation_id");
    if o.raw_is_null("escalation_id") {
        r.escalation_id = None;
    } else if let Some(v) = given {
        if v < 1 {
            o.err("escalation_id", format!("{v} is not a resolver id"));
        }
        r.escalation_id = Some(v);
    }
    r
}

/// An optional `language` field: a tag such as `en`, `pt-BR` or `zh-Hans`, surrounding
/// whitespace trimmed (line breaks and tabs included, as the document's `OptionalLanguage`
/// says: what is left must be a tag, so no control character gets through).
pub fn read_language(o: &mut Object) -> Option<String> {
    let v = match o.raw("language")? {
        serde_json::Value::String(s) if s.trim().is_empty() => return None,
        serde_json::Value::String(s) if s.chars().count() > 8 => {
            o.err("language", "language is longer than 8 characters");
            return None;
        }
        serde_json::Value::String(s) => s.trim().to_string(),
        _ => {
            o.err("language", "language must be a string");
            return None;
        }
    };
    if !valid_language(&v) {
        o.err(
            "language",
            format!("{v:?} is not a language tag such as \"en\", \"pt-BR\" or \"zh-Hans\""),
        );
    }
    Some(v)
}

/// An action model body: `code`, `type`, `name`, `delay_days` to create; each but `code`
/// editable, with `active`.
/// The required `code` of a new record: lowercase words (`write_off`).
fn read_code(o: &mut Object) -> String {
    let code = o.text("code", 64).unwrap_or_default();
    if !code.is_empty() && !valid_code(&code) {
        o.err(
            "code",
            format!(
                "{code:?} must be 2 to 64 lowercase letters, digits or _, starting with a letter"
            ),
        );
    }
    code
}

/// An outcome body (what a resolver may propose): `code` and `label` to create; `label`,
/// `active` to edit.
pub fn read_outcome(o: &mut Object, existing: Option<&Outcome>) -> Outcome {
    let creating = existing.is_none();
    let mut out = existing.cloned().unwrap_or(Outcome {
        code: String::new(),
        label: String::new(),
        active: true,
    });
    if creating {
        out.code = read_code(o);
    }
    if let Some(l) = field(o, "label", 200, creating) {
        out.label = l;
    }
    if let Some(v) = o.opt_bool("active") {
        out.active = v;
    }
    out
}

pub fn read_action_model(o: &mut Object, existing: Option<&ActionModel>) -> ActionModel {
    let creating = existing.is_none();
    let mut m = existing.cloned().unwrap_or(ActionModel {
        code: String::new(),
        action_type: ActionType::Task,
        name: String::new(),
        delay_days: 0,
        active: true,
        labels: Default::default(),
    });
    if creating {
        m.code = read_code(o);
    }
    if let Some(t) = choice(o, "type", 20, creating) {
        match ActionType::parse(&t) {
            Some(t) => m.action_type = t,
            None => o.err(
                "type",
                format!("{t:?} is not one of {}", ActionType::names()),
            ),
        }
    }
    if let Some(n) = field(o, "name", 200, creating) {
        m.name = n;
    }
    // Names per language, merged when editing (as a status's labels).
    if let Some(labels) = o.opt_string_map("labels", 200) {
        for (language, label) in labels {
            if !valid_language(&language) {
                o.err(
                    "labels",
                    format!("{language:?} is not a language tag such as \"ja\" or \"pt-BR\""),
                );
            }
            m.labels.insert(language, label);
        }
    }
    let has_delay = o.has("delay_days");
    match o.opt_int("delay_days") {
        Some(d) if (0..=MAX_DELAY_DAYS).contains(&d) => m.delay_days = d,
        Some(d) => o.err(
            "delay_days",
            format!("{d} must be between 0 and {MAX_DELAY_DAYS}"),
        ),
        // Absent or null: a new model needs its delay (a wrong type was named already).
        None if creating && (!has_delay || o.raw_is_null("delay_days")) => {
            o.err("delay_days", "delay_days is required")
        }
        None => {}
    }
    if let Some(v) = o.opt_bool("active") {
        m.active = v;
    }
    m
}

/// A scenario body: `code` (when not in the path), `name`, `steps` (each `{offset_days,
/// type, template?}`, templates among `templates`), `default`, `active`. `was_default`
/// is whether the stored scenario is the default (its default when `default` is absent).
pub fn read_scenario(
    o: &mut Object,
    code: Option<&str>,
    was_default: bool,
    templates: &[String],
) -> ScenarioConfig {
    let code = match code {
        Some(c) => c.to_string(),
        None => o.text("code", 64).unwrap_or_default(),
    };
    let name = o.text("name", 200).unwrap_or_default();
    let mut steps = Vec::new();
    match o.raw("steps") {
        Some(Value::Array(a)) => {
            for (i, v) in a.iter().enumerate() {
                if let Some(step) = read_step(o, i, v, templates) {
                    steps.push(step);
                }
            }
        }
        Some(_) => o.err("steps", "steps must be an array"),
        None => o.err("steps", "steps is required"),
    }
    let is_default = o.opt_bool("default").unwrap_or(was_default);
    let active = o.opt_bool("active").unwrap_or(true);
    if is_default && !active {
        o.err("active", "the default scenario must be active");
    }
    let sc = Scenario { code, name, steps };
    if o.errors.is_empty() {
        o.errors.0.append(&mut scenario::check(&sc).0);
    }
    ScenarioConfig {
        scenario: sc,
        is_default,
        active,
    }
}

fn read_step(o: &mut Object, i: usize, v: &Value, templates: &[String]) -> Option<Step> {
    let pointer = format!("/steps/{i}");
    let Value::Object(m) = v else {
        o.errors.push(
            pointer,
            Some("steps"),
            "a step is an object {offset_days, type, template?}",
        );
        return None;
    };
    let mut st = Object::new(m, &pointer, o.errors);
    let offset = st.opt_int("offset_days");
    if offset.is_none() {
        st.err(
            "offset_days",
            "offset_days is required (days from the due date; negative = preventive)",
        );
    }
    let step_type = st.text("type", 20).and_then(|t| {
        let parsed = StepType::parse(&t);
        if parsed.is_none() {
            st.err("type", format!("{t:?} is not one of email, letter, call"));
        }
        parsed
    });
    let template = st.opt_text("template", 64);
    if let Some(t) = &template
        && !templates.contains(t)
    {
        st.err("template", format!("no email template {t:?}"));
    }
    st.finish(&[]);
    Some(Step {
        offset_days: offset?,
        step_type: step_type?,
        template,
    })
}

/// Why a scenario edit is refused: the default can only move, by making another one default.
pub fn check_default_kept(was_default: bool, cfg: &ScenarioConfig) -> Result<(), &'static str> {
    if was_default && !cfg.is_default {
        return Err("make another scenario the default instead of unsetting this one");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_object;
    use crate::validation::Invalid;

    fn read<T>(body: &str, f: impl FnOnce(&mut Object) -> T) -> (T, Vec<String>) {
        let map = parse_object(body.as_bytes()).unwrap();
        let mut errors = Invalid::default();
        let mut o = Object::new(&map, "", &mut errors);
        let t = f(&mut o);
        o.finish(&[]);
        let pointers = errors.0.iter().map(|e| e.pointer.clone()).collect();
        (t, pointers)
    }

    #[test]
    fn a_new_status_needs_code_and_kind_and_an_edit_merges_labels() {
        let (_, e) = read(r#"{}"#, |o| read_status(o, None));
        assert!(e.contains(&"/code".to_string()) && e.contains(&"/kind".to_string()));
        let (s, e) = read(
            r#"{"code":"quality_dispute","kind":"dispute","typology":"quality","labels":{"en":"Quality","fr":"Qualité"},"action_model":"dispute_follow_up"}"#,
            |o| read_status(o, None),
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s.0.kind, StatusKind::Dispute);
        assert_eq!(s.1.as_deref(), Some("dispute_follow_up"));
        let (edited, e) = read(
            r#"{"labels":{"de":"Qualität"},"action_model":null}"#,
            |o| read_status(o, Some((&s.0, s.1.as_deref()))),
        );
        assert!(e.is_empty());
        assert_eq!(edited.0.labels.len(), 3, "labels merge");
        assert_eq!(edited.0.code, "quality_dispute", "the code stays");
        assert_eq!(edited.1, None, "null unlinks the model");
        let (_, e) = read(r#"{"kind":"angry"}"#, |o| {
            read_status(o, Some((&s.0, None)))
        });
        assert_eq!(e, ["/kind"]);
    }

    #[test]
    fn only_disputes_are_reasons_a_customer_picks() {
        let (s, e) = read(
            r#"{"code":"vat_dispute","kind":"dispute","typology":"administrative","labels":{"en":"VAT"},"customer_selectable":true}"#,
            |o| read_status(o, None),
        );
        assert!(e.is_empty(), "{e:?}");
        assert!(s.0.customer_selectable);
        // Leaving the dispute kind drops it from the customer's reasons...
        let (info, e) = read(r#"{"kind":"info","typology":null}"#, |o| {
            read_status(o, Some((&s.0, None)))
        });
        assert!(e.is_empty(), "{e:?}");
        assert!(!info.0.customer_selectable);
        // ...and asking for a non-dispute reason is refused.
        let (_, e) = read(
            r#"{"kind":"info","typology":null,"customer_selectable":true}"#,
            |o| read_status(o, Some((&s.0, None))),
        );
        assert_eq!(e, ["/customer_selectable"]);
        let (_, e) = read(r#"{"customer_selectable":"yes"}"#, |o| {
            read_status(o, Some((&s.0, None)))
        });
        assert_eq!(e, ["/customer_selectable"]);
    }

    #[test]
    fn the_kind_of_a_status_in_use_cannot_change() {
        let (a, _) = read(
            r#"{"code":"x_dispute","kind":"dispute","labels":{"en":"X"}}"#,
            |o| read_status(o, None),
        );
        let mut b = a.0.clone();
        b.kind = StatusKind::Info;
        assert!(check_kind_change(&a.0, &b, true).is_err());
        assert!(check_kind_change(&a.0, &b, false).is_ok());
        assert!(check_kind_change(&a.0, &a.0, true).is_ok());
    }

    #[test]
    fn outcomes_need_a_code_and_a_label_and_edit_label_and_active() {
        let read = |body: &str, existing: Option<&Outcome>| {
            let map = crate::input::parse_object(body.as_bytes()).unwrap();
            let mut errors = Invalid::default();
            let mut o = Object::new(&map, "", &mut errors);
            let out = read_outcome(&mut o, existing);
            o.finish(&[]);
            (
                out,
                errors.0.into_iter().map(|e| e.pointer).collect::<Vec<_>>(),
            )
        };
        let (o, e) = read(r#"{"code":"write_off","label":"Write off"}"#, None);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(
            (o.code.as_str(), o.label.as_str(), o.active),
            ("write_off", "Write off", true)
        );
        assert_eq!(read(r#"{"label":"x"}"#, None).1, ["/code"]);
        assert_eq!(
            read(r#"{"code":"Bad Code","label":"x"}"#, None).1,
            ["/code"]
        );
        assert_eq!(read(r#"{"code":"ok_code"}"#, None).1, ["/label"]);
        assert_eq!(
            read("{\"code\":\"ok_code\",\"label\":\"a\\u0007\"}", None).1,
            ["/label"]
        );
        assert_eq!(
            read(r#"{"code":"ok_code","label":"x","colour":1}"#, None).1,
            ["/colour"]
        );
        let (edited, e) = read(r#"{"active":false}"#, Some(&o));
        assert!(e.is_empty());
        assert_eq!((edited.code.as_str(), edited.active), ("write_off", false));
        // The code is the key: an edit cannot change it.
        assert_eq!(read(r#"{"code":"other"}"#, Some(&o)).1, ["/code"]);
        assert_eq!(read(r#"{"active":"no"}"#, Some(&o)).1, ["/active"]);
    }

    #[test]
    fn resolvers_need_name_email_role_and_a_valid_language() {
        let (_, e) = read(r#"{}"#, |o| read_resolver(o, None));
        assert_eq!(e, ["/name", "/email", "/role"]);
        let (r, e) = read(
            r#"{"name":"Sam","email":"sam@example.com","role":"sales","language":"fr"}"#,
            |o| read_resolver(o, None),
        );
        assert!(e.is_empty());
        assert_eq!((r.language.as_str(), r.active), ("fr", true));
        // Whitespace around a tag is trimmed, line breaks included.
        let (r3, e3) = read("{\"language\": \" \\u000bja\\r\"}", |o| {
            read_resolver(o, Some(&r))
        });
        assert!(e3.is_empty(), "{e3:?}");
        assert_eq!(r3.language, "ja");
        let (r2, e) = read(r#"{"email":"nope","language":"french"}"#, |o| {
            read_resolver(o, Some(&r))
        });
        assert_eq!(e, ["/email", "/language"]);
        assert_eq!(r2.name, "Sam", "an edit keeps the fields it does not give");
        // The escalation contact: an id, kept when not given, cleared by null.
        let (with, e) = read(r#"{"escalation_id":2}"#, |o| read_resolver(o, Some(&r)));
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(with.escalation_id, Some(2));
        let (kept, _) = read(r#"{"role":"buyer"}"#, |o| read_resolver(o, Some(&with)));
        assert_eq!(kept.escalation_id, Some(2));
        let (cleared, e) = read(r#"{"escalation_id":null}"#, |o| {
            read_resolver(o, Some(&with))
        });
        assert!(e.is_empty(), "null is known: {e:?}");
        assert_eq!(cleared.escalation_id, None);
        for bad in [r#"{"escalation_id":"2"}"#, r#"{"escalation_id":0}"#] {
            assert_eq!(
                read(bad, |o| read_resolver(o, Some(&r))).1,
                ["/escalation_id"]
            );
        }
    }

    #[test]
    fn action_models_check_code_type_and_delay() {
        let (_, e) = read(
            r#"{"code":"null_delay","type":"task","name":"N","delay_days":null}"#,
            |o| read_action_model(o, None),
        );
        assert_eq!(e, ["/delay_days"], "null is no delay");
        let (_, e) = read(r#"{"code":"Bad Code","type":"visit","name":"N"}"#, |o| {
            read_action_model(o, None)
        });
        assert_eq!(e, ["/code", "/type", "/delay_days"]);
        let (m, e) = read(
            r#"{"code":"call_back","type":"call","name":"Call back","delay_days":3}"#,
            |o| read_action_model(o, None),
        );
        assert!(e.is_empty());
        assert_eq!((m.action_type, m.delay_days), (ActionType::Call, 3));
        let (_, e) = read(r#"{"delay_days":551}"#, |o| read_action_model(o, Some(&m)));
        assert_eq!(e, ["/delay_days"]);
        let (m2, e) = read(r#"{"active":false}"#, |o| read_action_model(o, Some(&m)));
        assert!(e.is_empty());
        assert!(!m2.active && m2.delay_days == 3);
    }

    #[test]
    fn scenarios_read_their_steps_and_name_each_bad_one() {
        let templates = vec!["reminder_1".to_string()];
        let (sc, e) = read(
            r#"{"code":"strict","name":"Strict","steps":[{"offset_days":-5,"type":"email","template":"reminder_1"},{"offset_days":10,"type":"call"}]}"#,
            |o| read_scenario(o, None, false, &templates),
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(sc.scenario.steps.len(), 2);
        assert!(sc.active && !sc.is_default);
        let (_, e) = read(
            r#"{"code":"x1","name":"X","steps":[3,{"type":"fax"},{"offset_days":1,"type":"email","template":"nope","extra":1}]}"#,
            |o| read_scenario(o, None, false, &templates),
        );
        assert_eq!(
            e,
            [
                "/steps/0",
                "/steps/1/offset_days",
                "/steps/1/type",
                "/steps/2/template",
                "/steps/2/extra"
            ]
        );
        let (_, e) = read(r#"{"name":"X","steps":{}}"#, |o| {
            read_scenario(o, Some("x1"), false, &templates)
        });
        assert_eq!(e, ["/steps"]);
        let (_, e) = read(
            r#"{"name":"X","steps":[],"default":true,"active":false}"#,
            |o| read_scenario(o, Some("x1"), false, &templates),
        );
        assert!(e.contains(&"/active".to_string()));
    }

    #[test]
    fn the_default_scenario_only_moves() {
        let (sc, _) = read(r#"{"name":"X","steps":[]}"#, |o| {
            read_scenario(o, Some("x1"), true, &[])
        });
        assert!(sc.is_default, "absent default keeps the stored one");
        assert!(check_default_kept(true, &sc).is_ok());
        let (sc, _) = read(r#"{"name":"X","steps":[],"default":false}"#, |o| {
            read_scenario(o, Some("x1"), true, &[])
        });
        assert!(check_default_kept(true, &sc).is_err());
        assert!(check_default_kept(false, &sc).is_ok());
    }
}
