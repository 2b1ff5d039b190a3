//! Spin variables: application `[variables]` with defaults, overridden by
//! `SPIN_VARIABLE_<NAME>` environment variables, exposed to a component through its own
//! `variables = { name = "template {{ app_var }}" }` table.

use anyhow::{Result, bail};
use std::collections::{BTreeMap, HashMap};

use crate::manifest::Manifest;
use crate::template::{check_variable_name, expand};

/// Resolves the application variables from defaults and the environment
/// (`SPIN_VARIABLE_ADMIN_TOKEN` overrides `admin_token`). Missing required ones are an error
/// naming the environment variable to set.
pub fn resolve_app_variables(
    manifest: &Manifest,
    env: &BTreeMap<String, String>,
) -> Result<HashMap<String, String>> {
    let mut values = HashMap::new();
    let mut missing = Vec::new();
    for (name, var) in &manifest.variables {
        let key = format!("SPIN_VARIABLE_{}", name.to_ascii_uppercase());
        match env.get(&key).cloned().or_else(|| var.default.clone()) {
            Some(v) => {
                values.insert(name.clone(), v);
            }
            None => missing.push(format!("{name} (set {key})")),
        }
    }
    if !missing.is_empty() {
        bail!("required variables have no value: {}", missing.join(", "));
    }
    Ok(values)
}

/// A component's resolved variables: what `fermyon:spin/variables.get` returns.
#[derive(Debug, Clone, Default)]
pub struct ComponentVariables {
    values: HashMap<String, String>,
}

/// Errors with the shape of `fermyon:spin/variables.error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VariableError {
    InvalidName(String),
    Undefined(String),
}

impl ComponentVariables {
    pub fn resolve(
        templates: &BTreeMap<String, String>,
        app: &HashMap<String, String>,
    ) -> Result<ComponentVariables> {
        let mut values = HashMap::new();
        for (name, template) in templates {
            values.insert(name.clone(), expand(template, app)?);
        }
        Ok(ComponentVariables { values })
    }

    pub fn get(&self, name: &str) -> Result<String, VariableError> {
        if let Err(e) = check_variable_name(name) {
            return Err(VariableError::InvalidName(e.to_string()));
        }
        self.values
            .get(name)
            .cloned()
            .ok_or_else(|| VariableError::Undefined(format!("no variable for {name:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest::parse(
            r#"
spin_manifest_version = 2
[application]
name = "v"
[variables]
token = { required = true }
greeting = { default = "hello" }
[[trigger.http]]
route = "/..."
component = "c"
[component.c]
source = "c.wasm"
variables = { message = "{{ greeting }}, {{token}}!", plain = "x" }
"#,
            std::path::Path::new("/"),
        )
        .unwrap()
    }

    #[test]
    fn env_overrides_and_templates() {
        let m = manifest();
        let env = BTreeMap::from([
            ("SPIN_VARIABLE_TOKEN".to_string(), "t0k".to_string()),
            ("SPIN_VARIABLE_GREETING".to_string(), "bonjour".to_string()),
        ]);
        let app = resolve_app_variables(&m, &env).unwrap();
        let vars = ComponentVariables::resolve(&m.components["c"].variables, &app).unwrap();
        assert_eq!(vars.get("message").unwrap(), "bonjour, t0k!");
        assert_eq!(vars.get("plain").unwrap(), "x");
    }

    #[test]
    fn missing_required_names_the_env_var() {
        let e = resolve_app_variables(&manifest(), &BTreeMap::new())
            .unwrap_err()
            .to_string();
        assert!(e.contains("SPIN_VARIABLE_TOKEN"), "{e}");
    }

    #[test]
    fn get_errors_follow_spin() {
        let vars = ComponentVariables::default();
        assert!(matches!(
            vars.get("Bad-Name"),
            Err(VariableError::InvalidName(_))
        ));
        assert!(matches!(
            vars.get("not_there"),
            Err(VariableError::Undefined(_))
        ));
    }
}
