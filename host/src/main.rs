use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use settle_domain::auth::{development_secrets, is_loopback_url};
use settle_host::{App, HostConfig, Manifest, build, server};

/// Runs Spin applications (spin.toml, manifest v2) locally, the way `spin` does.
#[derive(Parser)]
#[command(name = "settle-host", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the application.
    Up {
        /// The application manifest.
        #[arg(short = 'f', long = "from", default_value = "spin.toml")]
        from: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:3000")]
        listen: SocketAddr,
        /// Run each component's build command first.
        #[arg(long)]
        build: bool,
        /// Where the SQLite database, key-value store and compile cache live
        /// (default: .spin next to the manifest).
        #[arg(long)]
        state_dir: Option<PathBuf>,
        /// Seconds a request may run before it is interrupted.
        #[arg(long, default_value_t = 30)]
        request_timeout: u64,
        /// Linear memory (MiB) one request may use.
        #[arg(long, default_value_t = 256)]
        memory_limit_mb: usize,
        /// Where compiled components are cached (default: <state-dir>/cache).
        #[arg(long)]
        cache_dir: Option<PathBuf>,
        /// Largest request body (MiB); larger ones get 413 before they are read.
        #[arg(long, default_value_t = 50)]
        max_body_mb: usize,
        /// How SQLite is opened: `spin` (exactly as Spin does: rusqlite's defaults, no
        /// gate) or `gated` (the host's tuned mode, a baseline for the load bench).
        #[arg(long, default_value = "spin")]
        sqlite_mode: settle_host::sqlite::SqliteMode,
        /// Spin's runtime config: where each key-value store (`spin`, `redis`) and SQLite
        /// database (`spin`, `libsql`) label lives.
        #[arg(long)]
        runtime_config_file: Option<PathBuf>,
    },
    /// Run each component's build command.
    Build {
        #[arg(short = 'f', long = "from", default_value = "spin.toml")]
        from: PathBuf,
    },
}

fn main() {
    if let Err(e) = run() {
        eprintln!("Error: {e:#}");
        std::process::exit(1);
    }
}

/// Settle's development secrets (`admin_token`, `link_secret` at their `spin.toml`
/// defaults) let anyone who read the README in: refuse to serve with them unless the app's
/// `public_base_url` is a loopback address, and say so loudly there.
fn check_development_secrets(manifest: &Manifest, config: &HostConfig) -> Result<()> {
    let vars = settle_host::variables::resolve_app_variables(manifest, &config.env)?;
    let get = |name: &str| vars.get(name).map(String::as_str);
    if get("admin_token").is_none() && get("link_secret").is_none() {
        return Ok(()); // not Settle's manifest
    }
    let weak = development_secrets(get("admin_token"), get("link_secret"));
    if weak.is_empty() {
        return Ok(());
    }
    let base = get("public_base_url").unwrap_or("");
    let names: Vec<String> = weak
        .iter()
        .map(|n| format!("SPIN_VARIABLE_{}", n.to_ascii_uppercase()))
        .collect();
    if !is_loopback_url(base) {
        bail!(
            "{} still at the development default while public_base_url is {base:?}: set {}",
            weak.join(" and "),
            names.join(" and ")
        );
    }
    eprintln!(
        "WARNING: {} at the development default: fine on {base}, never anywhere else; set {}",
        weak.join(" and "),
        names.join(" and ")
    );
    Ok(())
}

fn run() -> Result<()> {
    match Cli::parse().command {
        Command::Build { from } => {
            let manifest = Manifest::load(&from)?;
            build::build_all(&manifest)
        }
        Command::Up {
            from,
            listen,
            build,
            state_dir,
            request_timeout,
            memory_limit_mb,
            max_body_mb,
            cache_dir,
            sqlite_mode,
            runtime_config_file,
        } => {
            let manifest = Manifest::load(&from)?;
            if build {
                build::build_all(&manifest)?;
            }
            let state_dir = state_dir.unwrap_or_else(|| manifest.root.join(".spin"));
            let mut config = HostConfig::new(state_dir);
            config.request_timeout = std::time::Duration::from_secs(request_timeout);
            config.memory_limit = memory_limit_mb * 1024 * 1024;
            config.max_body = max_body_mb * 1024 * 1024;
            config.cache_dir = cache_dir;
            config.sqlite_mode = sqlite_mode;
            config.runtime_config_file = runtime_config_file;
            check_development_secrets(&manifest, &config)?;
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .context("cannot start the async runtime")?;
            runtime.block_on(async move {
                // Load (and compile) first: a client connecting early waits for a ready app
                // instead of being reset.
                let app = App::load(manifest, config)?;
                let listener = server::bind(listen).await?;
                eprintln!("Serving http://{listen}");
                for t in &app.manifest.triggers {
                    eprintln!("  {}: http://{listen}{}", t.component, t.route.raw);
                }
                tokio::select! {
                    r = server::serve(app, listener) => r,
                    _ = tokio::signal::ctrl_c() => Ok(()),
                }
            })
        }
    }
}
