//! The search page: one HTML file, its script and its style sheet, compiled
//! into the binary so the page works offline and needs no build step.
//!
//! The script (`assets/app.js`) talks only to the JSON API and builds every
//! piece of article text as DOM text nodes, never as HTML; the
//! Content-Security-Policy sent with the page allows nothing but this
//! server's own script and style sheet, as a second line of defence.

use axum::http::header;
use axum::response::IntoResponse;

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const STYLE_CSS: &str = include_str!("assets/style.css");

/// Scripts, styles, requests and images from this server only; no frames.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// An embedded asset with its type. The binary is the version: no caching
/// beyond one session, so a new build is seen at once.
fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
}

/// `GET /`: the page.
pub async fn index_html() -> impl IntoResponse {
    (
        [(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)],
        asset("text/html; charset=utf-8", INDEX_HTML),
    )
}

/// `GET /app.js`.
pub async fn app_js() -> impl IntoResponse {
    asset("text/javascript; charset=utf-8", APP_JS)
}

/// `GET /style.css`.
pub async fn style_css() -> impl IntoResponse {
    asset("text/css; charset=utf-8", STYLE_CSS)
}
