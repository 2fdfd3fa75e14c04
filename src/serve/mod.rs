//! `newsdex serve`: a local search page and a JSON API over one index.
//!
//! The server is [axum] on a multi-threaded tokio runtime. It answers from the
//! library's own data: [`crate::search`] runs the searches and its types are
//! the JSON shapes, so a hit here is the same object as in `search --json`.
//! Searching is CPU-bound and runs on tokio's blocking pool.
//!
//! The index is opened once and swapped for a freshly opened one when another
//! process commits to it (see [`live`]), so `newsdex index` can run while the
//! page stays open. The page itself is one HTML file with its script and style
//! sheet, compiled into the binary (see [`page`]); it needs no network.
//!
//! Nothing in `search` or `index` depends on this module: data flows from
//! search to here.

pub mod api;
pub mod live;
pub mod page;
pub mod remote;

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::Router;
use axum::routing::get;

use crate::index::NewsIndex;
use live::LiveIndex;

/// Starts serving `index` on `addr` (such as `127.0.0.1:7700`; port 0 picks a
/// free one) and runs until interrupted. Once the socket is bound, one line
/// naming the address goes to stderr: `newsdex: serving on http://ADDR`.
pub fn serve(index: NewsIndex, addr: &str) -> Result<()> {
    let what = index.dir.display().to_string();
    listen(addr, &what, router(Arc::new(LiveIndex::new(index))))
}

/// Serves `app` on `addr` until interrupted, announcing `what` is served.
pub(crate) fn listen(addr: &str, what: &str, app: Router) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(run(addr, what, app))
}

async fn run(addr: &str, what: &str, app: Router) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let bound = listener
        .local_addr()
        .with_context(|| format!("cannot read the address bound for {addr}"))?;
    announce(bound, what);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            // Without a signal handler, Ctrl-C still ends the process.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")
}

/// Tells where the page is, and warns when the address is not loopback.
fn announce(bound: SocketAddr, what: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "newsdex: serving {what} on http://{bound} (Ctrl-C to stop)"
    );
    if !bound.ip().is_loopback() {
        let _ = writeln!(
            err,
            "newsdex: note: {} is not a loopback address: anyone who can reach it can search this index",
            bound.ip()
        );
    }
    let _ = err.flush();
}

/// Every route: the page and its assets, and the API under `/api/`.
pub fn router(index: Arc<LiveIndex>) -> Router {
    Router::new()
        .route("/", get(page::index_html))
        .route("/app.js", get(page::app_js))
        .route("/style.css", get(page::style_css))
        .route("/api/search", get(api::search))
        .route("/api/article", get(api::article))
        .route("/api/stats", get(api::stats))
        .fallback(api::not_found)
        .with_state(index)
}
