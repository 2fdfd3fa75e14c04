//! newsdex over a Quickwit cluster: pushing exported documents and searching
//! them with the same answers as a local index.
//!
//! [`client`] speaks HTTP with retries, [`push`] creates the index and
//! ingests documents, [`translate`] turns newsdex queries and filters into
//! Quickwit's query language, and [`search`], [`quotes`] and [`who`] run them
//! and build the local result types. Reading articles is `export`'s job;
//! rendering is `output`'s.

pub mod article;
pub mod client;
pub mod push;
pub mod quotes;
pub mod search;
pub mod translate;
pub mod who;

use crate::search::query::QueryError;
use client::Client;

/// One Quickwit index, as named by `--engine quickwit=http://HOST:7280/INDEX`.
#[derive(Clone, Debug)]
pub struct Quickwit {
    /// The node's REST API.
    pub client: Client,
    /// The index id.
    pub index: String,
}

impl Quickwit {
    /// A Quickwit index at `base` (`http://host:7280`).
    pub fn new(base: &str, index: &str) -> Quickwit {
        Quickwit {
            client: Client::new(base),
            index: index.to_string(),
        }
    }

    /// Parses an `--engine` value: `quickwit=http://HOST:PORT/INDEX`.
    pub fn parse_engine(spec: &str) -> Result<Quickwit, QueryError> {
        let usage = || {
            QueryError(format!(
                "--engine `{spec}` is not understood: give quickwit=http://HOST:7280/INDEX"
            ))
        };
        let url = spec.strip_prefix("quickwit=").ok_or_else(usage)?;
        let rest = url.strip_prefix("http://").ok_or_else(|| {
            QueryError(format!(
                "--engine `{spec}`: only http:// addresses are supported (put TLS in a proxy)"
            ))
        })?;
        let (host, index) = rest.split_once('/').ok_or_else(usage)?;
        let index = index.trim_end_matches('/');
        let valid_index = !index.is_empty()
            && index
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if host.is_empty() || !valid_index {
            return Err(usage());
        }
        Ok(Quickwit::new(&format!("http://{host}"), index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_specs_name_a_node_and_an_index() {
        let engine = Quickwit::parse_engine("quickwit=http://127.0.0.1:7280/news");
        let engine = engine.expect("valid spec");
        assert_eq!(engine.client.base(), "http://127.0.0.1:7280");
        assert_eq!(engine.index, "news");
        for bad in [
            "elastic=http://x/news",
            "quickwit=http://127.0.0.1:7280",
            "quickwit=http://127.0.0.1:7280/",
            "quickwit=https://h/news",
            "quickwit=http://h/a/b",
        ] {
            assert!(Quickwit::parse_engine(bad).is_err(), "{bad}");
        }
    }
}
