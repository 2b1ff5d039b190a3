//! `spin.toml` (manifest version 2): parsing and Spin's validation rules.
//!
//! Unknown fields are errors, as in Spin. Every error names the offending field so a user can
//! fix the manifest without reading this code.

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::outbound::AllowedHost;
use crate::routes::Route;
use crate::template::{check_case, check_variable_name, template_references};

/// A validated application manifest.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// Directory holding `spin.toml`; component sources and build workdirs are relative to it.
    pub root: PathBuf,
    pub name: String,
    pub version: Option<String>,
    pub variables: BTreeMap<String, Variable>,
    pub triggers: Vec<HttpTrigger>,
    pub components: BTreeMap<String, Component>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variable {
    pub default: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub secret: bool,
}

#[derive(Debug, Clone)]
pub struct HttpTrigger {
    pub route: Route,
    pub component: String,
}

#[derive(Debug, Clone)]
pub struct Component {
    pub id: String,
    /// Absolute path of the `.wasm` file.
    pub source: PathBuf,
    pub variables: BTreeMap<String, String>,
    pub environment: BTreeMap<String, String>,
    /// Entries as written; those with `{{ app_var }}` templates are resolved (and parsed) when
    /// the app loads, as Spin does. Literal entries are already checked here.
    pub allowed_outbound_hosts: Vec<String>,
    pub key_value_stores: Vec<String>,
    pub sqlite_databases: Vec<String>,
    pub build: Option<Build>,
}

#[derive(Debug, Clone)]
pub struct Build {
    pub command: Vec<String>,
    pub workdir: PathBuf,
}

// ---- raw serde shapes (Spin's field names) ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    spin_manifest_version: toml::Value,
    application: RawApplication,
    #[serde(default)]
    variables: BTreeMap<String, Variable>,
    #[serde(default)]
    trigger: BTreeMap<String, Vec<RawHttpTrigger>>,
    #[serde(default)]
    component: BTreeMap<String, RawComponent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApplication {
    name: String,
    version: Option<String>,
    description: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    targets: Vec<String>,
    #[serde(default)]
    trigger: BTreeMap<String, toml::Table>,
    #[serde(default)]
    tool: BTreeMap<String, toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHttpTrigger {
    id: Option<String>,
    route: toml::Value,
    component: toml::Value,
    executor: Option<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponent {
    description: Option<String>,
    source: toml::Value,
    #[serde(default)]
    variables: BTreeMap<String, String>,
    #[serde(default)]
    environment: BTreeMap<String, String>,
    #[serde(default)]
    files: Vec<toml::Value>,
    #[serde(default)]
    exclude_files: Vec<String>,
    #[serde(default)]
    allowed_outbound_hosts: Vec<String>,
    #[serde(default)]
    key_value_stores: Vec<String>,
    #[serde(default)]
    sqlite_databases: Vec<String>,
    #[serde(default)]
    ai_models: Vec<String>,
    build: Option<RawBuild>,
    #[serde(default)]
    tool: BTreeMap<String, toml::Table>,
    #[serde(default)]
    dependencies_inherit_configuration: bool,
    #[serde(default)]
    dependencies: toml::Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBuild {
    command: toml::Value,
    workdir: Option<String>,
    #[serde(default)]
    watch: Vec<String>,
}

impl Manifest {
    /// Reads and validates the manifest at `path`.
    pub fn load(path: &Path) -> Result<Manifest> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read manifest {}", path.display()))?;
        let root = path
            .canonicalize()
            .with_context(|| format!("cannot resolve {}", path.display()))?
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Self::parse(&text, &root).with_context(|| format!("invalid manifest {}", path.display()))
    }

    /// Parses manifest text; `root` is the directory relative paths resolve against.
    pub fn parse(text: &str, root: &Path) -> Result<Manifest> {
        let raw: RawManifest =
            toml::from_str(text).map_err(|e| anyhow!("{}", e.to_string().trim_end()))?;
        match raw.spin_manifest_version.as_integer() {
            Some(2) => {}
            _ => bail!(
                "spin_manifest_version: expected 2, got {} (settle-host reads manifest version 2 only)",
                raw.spin_manifest_version
            ),
        }
        let app = raw.application;
        if app.name.trim().is_empty() {
            bail!("application.name: must not be empty");
        }
        let _ = (&app.description, &app.authors, &app.targets, &app.tool);
        for key in app.trigger.keys() {
            if key != "http" {
                bail!("application.trigger.{key}: only the http trigger is supported");
            }
        }
        if let Some(http) = app.trigger.get("http") {
            for (k, v) in http {
                match (k.as_str(), v.as_str()) {
                    ("base", Some("/")) => {}
                    ("base", _) => bail!("application.trigger.http.base: only \"/\" is supported"),
                    _ => bail!("application.trigger.http.{k}: unknown field"),
                }
            }
        }

        for (name, var) in &raw.variables {
            check_variable_name(name).with_context(|| format!("variables.{name}"))?;
            if var.required && var.default.is_some() {
                bail!(
                    "variables.{name}: a variable cannot be both `required` and have a `default`"
                );
            }
            if !var.required && var.default.is_none() {
                bail!("variables.{name}: give it a `default` or set `required = true`");
            }
        }

        let mut components = BTreeMap::new();
        for (id, rc) in raw.component {
            let c = parse_component(&id, rc, root, &raw.variables)
                .with_context(|| format!("component.{id}"))?;
            components.insert(id, c);
        }

        let mut triggers = Vec::new();
        for (kind, list) in raw.trigger {
            if kind != "http" {
                bail!("trigger.{kind}: only [[trigger.http]] is supported by settle-host");
            }
            for (i, t) in list.into_iter().enumerate() {
                let where_ = format!("trigger.http[{i}]");
                let _ = &t.id;
                if let Some(exec) = &t.executor {
                    match exec.get("type").and_then(|v| v.as_str()) {
                        Some("spin") | None => {}
                        Some(other) => {
                            bail!("{where_}.executor: unsupported executor type {other:?}")
                        }
                    }
                }
                let route = match &t.route {
                    toml::Value::String(s) => {
                        Route::parse(s).with_context(|| format!("{where_}.route"))?
                    }
                    _ => bail!("{where_}.route: expected a string such as \"/api/...\""),
                };
                let component = match &t.component {
                    toml::Value::String(s) => s.clone(),
                    _ => bail!(
                        "{where_}.component: inline components are not supported; name a [component.<id>]"
                    ),
                };
                if !components.contains_key(&component) {
                    bail!("{where_}.component: no [component.{component}] in the manifest");
                }
                if let Some(dup) = triggers
                    .iter()
                    .find(|x: &&HttpTrigger| x.route.raw == route.raw)
                {
                    bail!(
                        "{where_}.route: duplicate route {:?} (already used by component {:?})",
                        route.raw,
                        dup.component
                    );
                }
                triggers.push(HttpTrigger { route, component });
            }
        }

        Ok(Manifest {
            root: root.to_path_buf(),
            name: app.name,
            version: app.version,
            variables: raw.variables,
            triggers,
            components,
        })
    }

    /// Components that at least one trigger routes to, in id order.
    pub fn routed_components(&self) -> impl Iterator<Item = &Component> {
        self.components
            .values()
            .filter(|c| self.triggers.iter().any(|t| t.component == c.id))
    }
}

fn parse_component(
    id: &str,
    rc: RawComponent,
    root: &Path,
    app_vars: &BTreeMap<String, Variable>,
) -> Result<Component> {
    check_component_id(id)?;
    let _ = (&rc.description, &rc.exclude_files, &rc.tool);
    let source = match &rc.source {
        toml::Value::String(s) => root.join(s),
        toml::Value::Table(_) => bail!(
            "source: remote sources ({{ url, digest }}) are not supported; build the component locally"
        ),
        _ => bail!("source: expected a path to a .wasm file"),
    };
    if !rc.files.is_empty() {
        bail!("files: mounting files is not supported by settle-host");
    }
    if !rc.ai_models.is_empty() {
        bail!("ai_models: LLM inferencing is not supported by settle-host");
    }
    if rc.dependencies_inherit_configuration || !rc.dependencies.is_empty() {
        bail!("dependencies: component dependencies are not supported by settle-host");
    }
    for (name, template) in &rc.variables {
        check_variable_name(name).with_context(|| format!("variables.{name}"))?;
        for reference in
            template_references(template).with_context(|| format!("variables.{name}"))?
        {
            if !app_vars.contains_key(&reference) {
                bail!(
                    "variables.{name}: refers to {{{{ {reference} }}}}, which is not in [variables]"
                );
            }
        }
    }
    for label in rc.key_value_stores.iter() {
        if label != "default" {
            bail!(
                "key_value_stores: unknown store {label:?}; without a runtime config only \"default\" exists"
            );
        }
    }
    for label in rc.sqlite_databases.iter() {
        if label != "default" {
            bail!(
                "sqlite_databases: unknown database {label:?}; without a runtime config only \"default\" exists"
            );
        }
    }
    for h in &rc.allowed_outbound_hosts {
        let references =
            template_references(h).with_context(|| format!("allowed_outbound_hosts: {h:?}"))?;
        if references.is_empty() {
            AllowedHost::parse(h).with_context(|| format!("allowed_outbound_hosts: {h:?}"))?;
        }
        if let Some(r) = references.iter().find(|r| !app_vars.contains_key(*r)) {
            bail!(
                "allowed_outbound_hosts: {h:?} refers to {{{{ {r} }}}}, which is not in [variables]"
            );
        }
    }
    let allowed_outbound_hosts = rc.allowed_outbound_hosts;
    let build = match rc.build {
        None => None,
        Some(b) => {
            let _ = &b.watch;
            let command = match b.command {
                toml::Value::String(s) => vec![s],
                toml::Value::Array(items) => items
                    .into_iter()
                    .map(|v| {
                        v.as_str()
                            .map(str::to_string)
                            .ok_or_else(|| anyhow!("build.command: expected strings"))
                    })
                    .collect::<Result<Vec<_>>>()?,
                _ => bail!("build.command: expected a string or an array of strings"),
            };
            if command.iter().any(|c| c.trim().is_empty()) || command.is_empty() {
                bail!("build.command: must not be empty");
            }
            Some(Build {
                command,
                workdir: root.join(b.workdir.unwrap_or_default()),
            })
        }
    };
    Ok(Component {
        id: id.to_string(),
        source,
        variables: rc.variables,
        environment: rc.environment,
        allowed_outbound_hosts,
        key_value_stores: rc.key_value_stores,
        sqlite_databases: rc.sqlite_databases,
        build,
    })
}

/// Spin component ids are kebab-case: lowercase words of letters and digits joined by single
/// hyphens, starting with a letter.
pub fn check_component_id(id: &str) -> Result<()> {
    check_case(id, '-').map_err(|why| anyhow!("component id {id:?} is not kebab-case: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Manifest> {
        Manifest::parse(text, Path::new("/app"))
    }

    const OK: &str = r#"
spin_manifest_version = 2
[application]
name = "demo"
[variables]
secret_key = { required = true, secret = true }
greeting = { default = "hi" }
[[trigger.http]]
route = "/api/..."
component = "api"
[component.api]
source = "target/api.wasm"
variables = { greet = "{{ greeting }} there" }
sqlite_databases = ["default"]
allowed_outbound_hosts = ["http://127.0.0.1:*"]
[component.api.build]
command = "cargo build"
workdir = "api"
"#;

    #[test]
    fn parses_a_valid_manifest() {
        let m = parse(OK).unwrap();
        assert_eq!(m.name, "demo");
        assert_eq!(m.triggers.len(), 1);
        let c = &m.components["api"];
        assert_eq!(c.source, Path::new("/app/target/api.wasm"));
        assert_eq!(c.build.as_ref().unwrap().workdir, Path::new("/app/api"));
        assert_eq!(c.sqlite_databases, vec!["default"]);
    }

    fn err(text: &str) -> String {
        format!("{:#}", parse(text).unwrap_err())
    }

    #[test]
    fn unknown_fields_are_named() {
        let e = err(&OK.replace("name = \"demo\"", "name = \"demo\"\ncolour = \"red\""));
        assert!(e.contains("colour"), "{e}");
        let e = err(&OK.replace("source = ", "sauce = 1\nsource = "));
        assert!(e.contains("sauce"), "{e}");
    }

    #[test]
    fn wrong_manifest_version() {
        let e = err(&OK.replace("spin_manifest_version = 2", "spin_manifest_version = 1"));
        assert!(e.contains("spin_manifest_version"), "{e}");
    }

    #[test]
    fn bad_component_ids() {
        for bad in ["Api", "api_", "api--x", "1api", "api-"] {
            let text = OK
                .replace("[component.api]", &format!("[component.\"{bad}\"]"))
                .replace("component = \"api\"", &format!("component = \"{bad}\""))
                .replace(
                    "[component.api.build]\ncommand = \"cargo build\"\nworkdir = \"api\"",
                    "",
                );
            let e = err(&text);
            assert!(e.contains("kebab-case"), "{bad}: {e}");
        }
        assert!(check_component_id("erp-sync").is_ok());
        assert!(check_component_id("a1-b2").is_ok());
    }

    #[test]
    fn bad_variable_names_and_shapes() {
        for bad in [
            "Greeting",
            "greet__ing",
            "greeting_",
            "_greeting",
            "greet-ing",
        ] {
            assert!(check_variable_name(bad).is_err(), "{bad}");
        }
        assert!(check_variable_name("admin_token").is_ok());
        let e = err(&OK.replace("greeting = { default = \"hi\" }", "greeting = { }"));
        assert!(e.contains("variables.greeting"), "{e}");
        let e = err(&OK.replace(
            "greeting = { default = \"hi\" }",
            "greeting = { default = \"x\", required = true }",
        ));
        assert!(e.contains("required"), "{e}");
    }

    #[test]
    fn component_variable_must_reference_known_app_variable() {
        let e = err(&OK.replace("{{ greeting }}", "{{ nope }}"));
        assert!(e.contains("nope"), "{e}");
    }

    #[test]
    fn trigger_must_name_a_component() {
        let e = err(&OK.replace("component = \"api\"", "component = \"missing\""));
        assert!(e.contains("trigger.http[0].component"), "{e}");
    }

    #[test]
    fn duplicate_routes_are_rejected() {
        let text = OK.replace(
            "[component.api]",
            "[[trigger.http]]\nroute = \"/api/...\"\ncomponent = \"api\"\n[component.api]",
        );
        assert!(err(&text).contains("duplicate route"));
    }

    #[test]
    fn unknown_store_labels_are_rejected() {
        let e = err(&OK.replace(
            "sqlite_databases = [\"default\"]",
            "sqlite_databases = [\"other\"]",
        ));
        assert!(e.contains("sqlite_databases"), "{e}");
    }

    #[test]
    fn templated_outbound_hosts_must_name_app_variables() {
        let ok = OK.replace("http://127.0.0.1:*", "{{ greeting }}");
        parse(&ok).unwrap();
        let e = err(&OK.replace("http://127.0.0.1:*", "https://{{ nope }}"));
        assert!(
            e.contains("allowed_outbound_hosts") && e.contains("nope"),
            "{e}"
        );
    }

    #[test]
    fn bad_outbound_host() {
        let e = err(&OK.replace("http://127.0.0.1:*", "127.0.0.1"));
        assert!(e.contains("allowed_outbound_hosts"), "{e}");
    }
}
