//! `settle-host build` and `up --build`: run each component's `[component.X.build] command`
//! in its workdir, as `spin build` does.

use anyhow::{Context, Result, bail};

use crate::manifest::Manifest;

/// Runs every build command in manifest order, stopping at the first failure.
pub fn build_all(manifest: &Manifest) -> Result<()> {
    for c in manifest.components.values() {
        let Some(build) = &c.build else {
            eprintln!(
                "settle-host: component {:?} has no build command, skipping",
                c.id
            );
            continue;
        };
        for command in &build.command {
            eprintln!("settle-host: building {:?}: {command}", c.id);
            let status = std::process::Command::new("sh")
                .arg("-c")
                .arg(command)
                .current_dir(&build.workdir)
                .status()
                .with_context(|| {
                    format!("component {:?}: cannot run build command {command:?}", c.id)
                })?;
            if !status.success() {
                bail!(
                    "component {:?}: build command {command:?} failed ({status})",
                    c.id
                );
            }
        }
    }
    Ok(())
}
