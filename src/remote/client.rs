//! A small blocking HTTP client for Quickwit's REST API, with retries.
//!
//! Transient failures (the node not listening yet, 429 Too Many Requests, 503
//! while a shard opens) are retried with exponential backoff. Requests that
//! may have been carried out before the failure (a timeout on an ingest) are
//! retried only when idempotent: Quickwit has no upsert, so a resent batch
//! would be indexed twice. It knows nothing of newsdex documents or queries.

use std::thread::sleep;
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use serde_json::Value;

/// Tries per request, the first included.
const ATTEMPTS: u32 = 6;
/// Wait before the first retry; doubled after each.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
/// Largest answer read (a page of hits with their passages is far smaller).
const MAX_RESPONSE_BYTES: u64 = 256 * 1024 * 1024;

/// A Quickwit node's REST API at one base address.
#[derive(Clone, Debug)]
pub struct Client {
    agent: ureq::Agent,
    base: String,
    attempts: u32,
}

/// A request body and its content type.
pub struct Body<'a> {
    /// `Content-Type` header.
    pub content_type: &'a str,
    /// The bytes sent.
    pub bytes: &'a [u8],
}

impl Client {
    /// A client for the node at `base` (`http://host:7280`, no trailing path).
    pub fn new(base: &str) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        Client {
            agent,
            base: base.trim_end_matches('/').to_string(),
            attempts: ATTEMPTS,
        }
    }

    /// The base address, for messages.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Sends a request and returns the status and body of the answer,
    /// retrying transient failures. A 4xx or 5xx answer that is not
    /// transient is returned, not turned into an error: callers decide.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<Body<'_>>,
        idempotent: bool,
    ) -> Result<(u16, String)> {
        let url = format!("{}{path}", self.base);
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 1;
        loop {
            let outcome = self.send_once(method, &url, body.as_ref());
            let retry = match &outcome {
                Ok((status, _)) => matches!(status, 429 | 503),
                Err(error) => match error {
                    ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => true,
                    ureq::Error::Io(io) => {
                        idempotent || io.kind() == std::io::ErrorKind::ConnectionRefused
                    }
                    ureq::Error::Timeout(_) => idempotent,
                    _ => false,
                },
            };
            if !retry || attempt >= self.attempts {
                return match outcome {
                    Ok(answer) => Ok(answer),
                    Err(error) => Err(anyhow!(
                        "cannot reach Quickwit at {} ({method} {path}): {error}",
                        self.base
                    )),
                };
            }
            sleep(backoff);
            backoff *= 2;
            attempt += 1;
        }
    }

    fn send_once(
        &self,
        method: &str,
        url: &str,
        body: Option<&Body<'_>>,
    ) -> Result<(u16, String), ureq::Error> {
        let mut response = match (method, body) {
            ("GET", _) => self.agent.get(url).call()?,
            ("DELETE", _) => self.agent.delete(url).call()?,
            (_, Some(body)) => self
                .agent
                .post(url)
                .header("content-type", body.content_type)
                .send(body.bytes)?,
            (_, None) => self.agent.post(url).send_empty()?,
        };
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES)
            .read_to_string()?;
        Ok((status, text))
    }

    /// Sends a request whose answer must be a 2xx JSON value.
    pub fn json(
        &self,
        method: &str,
        path: &str,
        body: Option<Body<'_>>,
        idempotent: bool,
    ) -> Result<Value> {
        let (status, text) = self.send(method, path, body, idempotent)?;
        if !(200..300).contains(&status) {
            bail!(
                "Quickwit answered {status} to {method} {path}: {}",
                error_message(&text)
            );
        }
        serde_json::from_str(&text).map_err(|error| {
            anyhow!("Quickwit answered {method} {path} with something that is not JSON: {error}")
        })
    }
}

/// The `message` of a Quickwit error body, else the body, on one line.
pub fn error_message(body: &str) -> String {
    let message = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|value| {
            value
                .get("message")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_else(|| body.to_string());
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 300 {
        one_line.chars().take(300).collect::<String>() + "…"
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_are_one_line() {
        assert_eq!(
            error_message(r#"{"message": "index `x`\nnot found"}"#),
            "index `x` not found"
        );
        assert_eq!(error_message("plain\ntext"), "plain text");
    }

    #[test]
    fn an_unreachable_node_is_a_one_line_error() {
        // Port 9 (discard) is closed on loopback in any sane test setup.
        let client = Client {
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into(),
            base: "http://127.0.0.1:9".to_string(),
            attempts: 1,
        };
        let error = client
            .send("GET", "/api/v1/version", None, false)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.starts_with("cannot reach Quickwit at http://127.0.0.1:9"));
        assert!(!error.contains('\n'));
    }
}
