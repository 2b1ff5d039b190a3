use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
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
        } => {
            let manifest = Manifest::load(&from)?;
            if build {
                build::build_all(&manifest)?;
            }
            let state_dir = state_dir.unwrap_or_else(|| manifest.root.join(".spin"));
            let mut config = HostConfig::new(state_dir);
            config.request_timeout = std::time::Duration::from_secs(request_timeout);
            config.memory_limit = memory_limit_mb * 1024 * 1024;
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .context("cannot start the async runtime")?;
            runtime.block_on(async move {
                let listener = server::bind(listen).await?;
                let app = App::load(manifest, config)?;
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
