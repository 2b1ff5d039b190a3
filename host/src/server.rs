//! The HTTP listener: accepts connections and hands each request to the [`App`].

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

use crate::runtime::App;

/// Binds `addr`, explaining the usual failure in words a user can act on.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            anyhow::anyhow!(
                "{addr} is already in use: stop the other server or pass --listen with another port"
            )
        } else {
            anyhow::Error::new(e).context(format!("cannot listen on {addr}"))
        }
    })
}

/// Serves until the listener fails or the task is dropped.
pub async fn serve(app: Arc<App>, listener: TcpListener) -> Result<()> {
    loop {
        let (stream, client) = listener.accept().await.context("accept failed")?;
        let app = app.clone();
        let header_timeout = app.header_timeout();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let app = app.clone();
                async move { Ok::<_, std::convert::Infallible>(app.handle(req, client).await) }
            });
            // Headers must arrive within the header timeout, which also closes a kept-alive
            // connection left idle that long.
            let served = http1::Builder::new()
                .keep_alive(true)
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(e) = served
                && !e.is_incomplete_message()
            {
                eprintln!("settle-host: connection from {client}: {e}");
            }
        });
    }
}
