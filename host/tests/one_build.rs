//! The README's two commands share one build of the dependencies: `cargo run -p settle-host`
//! must resolve, for every crate the host depends on, the features `cargo test --workspace`
//! resolves, or cargo compiles those crates (and wasmtime above them) a second time.
//! `host/Cargo.toml` ("One build") asks for them; this test fails when they drift apart
//! (a new dev-dependency, a feature added elsewhere), naming the crates and features.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

fn features(args: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let root = settle_host::testing::workspace_root();
    let host = std::env::var("TARGET").unwrap_or_else(|_| "x86_64-unknown-linux-gnu".into());
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(&root)
        .args([
            "tree",
            "--offline",
            "--prefix",
            "none",
            "-f",
            "{p} [{f}]",
            "--target",
        ])
        .arg(&host)
        .args(args)
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let line = line.trim_end_matches(" (*)");
        let Some((package, rest)) = line.split_once(" [") else {
            continue;
        };
        // "name vX.Y.Z" (path dependencies add their path, proc-macros a marker).
        let mut words = package.split_whitespace();
        let key = format!(
            "{} {}",
            words.next().unwrap_or(""),
            words.next().unwrap_or("")
        );
        let feats = rest.trim_end_matches(']');
        map.entry(key).or_default().extend(
            feats
                .split(',')
                .filter(|f| !f.is_empty())
                .map(str::to_string),
        );
    }
    map
}

#[test]
fn the_host_alone_resolves_the_features_the_workspace_test_build_does() {
    let host = features(&["-p", "settle-host"]);
    let workspace = features(&["--workspace"]);
    let drift: Vec<String> = host
        .iter()
        .filter_map(|(package, f)| {
            let w = workspace.get(package)?;
            (w != f).then(|| {
                format!(
                    "{package}: the workspace adds {:?}",
                    w.difference(f).collect::<Vec<_>>()
                )
            })
        })
        .collect();
    assert!(
        drift.is_empty(),
        "add these features to host/Cargo.toml (\"One build\"):\n{}",
        drift.join("\n")
    );
    assert!(
        host.len() > 100,
        "cargo tree listed the host's dependencies"
    );
}
