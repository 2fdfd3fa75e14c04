//! `newsdex serve`: the search page in headless Chromium, driven over
//! WebDriver (chromedriver) by fantoccini.
//!
//! Without `chromium` and `chromedriver` the test prints a note and passes,
//! except in CI (`CI=true`), where their absence is a failure
//! (`.ci/browser-deps` installs them). Screenshots of each state go to
//! `target/screenshots/` (or `$NEWSDEX_SCREENSHOTS`).

mod common;

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use common::server::Server;
use common::*;

/// An article whose text holds markup, which the page must show as text.
const MARKUP_ARTICLE: &str = "Date: 2025-06-01\nSource: Test Gazette\n\n\
Markup in the council minutes\n\n\
The published minutes quoted a snippet: <script>document.title='pwned'</script> \
and a tag <img src=x onerror=\"document.title='pwned'\"> beside it.\n\n\
\"We will publish <b>everything</b> as it was written,\" said Mayor Elena Varga.\n";

/// Chromium and chromedriver, when installed.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let find = |names: &[&str]| -> Option<PathBuf> {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .chain([
                PathBuf::from("/usr/bin"),
                PathBuf::from("/usr/lib/chromium"),
            ])
            .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    };
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| find(&["chromium", "chromium-browser"]));
    let driver = find(&["chromedriver"]);
    match (chromium, driver) {
        (Some(chromium), Some(driver)) => Some((chromium, driver)),
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI=true but chromium or chromedriver is missing: run .ci/browser-deps");
            }
            eprintln!(
                "note: skipping the browser test: chromium and chromedriver not found \
                 (on Debian: apt-get install chromium chromium-driver)"
            );
            None
        }
    }
}

/// A chromedriver process on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(binary: &Path) -> Result<Driver> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("chromedriver starts")?;
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            ensure!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where screenshots go.
fn screenshot_dir() -> PathBuf {
    std::env::var_os("NEWSDEX_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/screenshots"))
}

/// The page under test, with helpers for waiting on its state.
struct Page<'a> {
    client: &'a Client,
    base: String,
    shots: PathBuf,
}

impl Page<'_> {
    /// Evaluates a JavaScript expression.
    async fn eval(&self, expression: &str) -> Result<Value> {
        Ok(self
            .client
            .execute(&format!("return ({expression});"), vec![])
            .await?)
    }

    /// Waits (up to 10 s) until a JavaScript expression is truthy.
    async fn wait_for(&self, expression: &str) -> Result<()> {
        let started = Instant::now();
        loop {
            let value = self.eval(&format!("!!({expression})")).await?;
            if value == json!(true) {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(10) {
                let status = self.text("#status").await.unwrap_or_default();
                bail!("timed out waiting for `{expression}` (status: {status:?})");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn text(&self, selector: &str) -> Result<String> {
        let value = self
            .eval(&format!(
                "(document.querySelector({}) || {{}}).textContent || ''",
                json!(selector)
            ))
            .await?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    async fn texts(&self, selector: &str) -> Result<Vec<String>> {
        let value = self
            .eval(&format!(
                "Array.from(document.querySelectorAll({})).map(e => e.textContent)",
                json!(selector)
            ))
            .await?;
        Ok(serde_json::from_value(value)?)
    }

    async fn click(&self, selector: &str) -> Result<()> {
        self.client
            .find(Locator::Css(selector))
            .await
            .with_context(|| format!("no {selector}"))?
            .click()
            .await
            .with_context(|| format!("cannot click {selector}"))?;
        Ok(())
    }

    async fn url(&self) -> Result<String> {
        Ok(self.client.current_url().await?.to_string())
    }

    /// The number of matching passages the status line reports.
    async fn total(&self) -> Result<u64> {
        let text = self.text("#status strong").await?;
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        digits
            .parse()
            .with_context(|| format!("no total in {text:?}"))
    }

    async fn screenshot(&self, name: &str) -> Result<()> {
        // Let transitions settle.
        tokio::time::sleep(Duration::from_millis(250)).await;
        let png = self.client.screenshot().await?;
        fs::write(self.shots.join(format!("{name}.png")), png)?;
        Ok(())
    }
}

#[tokio::test]
async fn the_search_page_works_in_a_real_browser() -> Result<()> {
    let Some((chromium, driver_binary)) = browser() else {
        return Ok(());
    };
    let extra = tempfile::tempdir()?;
    fs::write(extra.path().join("markup-minutes.txt"), MARKUP_ARTICLE)?;
    let index_dir = build_index(&[&bundled_corpus(), extra.path()]);
    let server = Server::start(&index_dir.path().join("index"));
    let driver = Driver::start(&driver_binary)?;
    let profile = tempfile::tempdir()?;
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_string(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=1280,900",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .context("a WebDriver session")?;
    let shots = screenshot_dir();
    fs::create_dir_all(&shots)?;
    let page = Page {
        client: &client,
        base: server.url.clone(),
        shots,
    };
    // Close the browser whatever happens, then report.
    let outcome = scenarios(&page).await;
    let _ = client.close().await;
    drop(driver);
    outcome
}

async fn scenarios(page: &Page<'_>) -> Result<()> {
    overview_then_typing_shows_highlighted_hits(page).await?;
    a_speaker_facet_narrows_the_results_and_shows_a_chip(page).await?;
    a_hit_opens_the_whole_article_with_its_speakers(page).await?;
    a_bookmarked_url_restores_the_search(page).await?;
    markup_in_articles_is_shown_as_text(page).await?;
    Ok(())
}

async fn overview_then_typing_shows_highlighted_hits(page: &Page<'_>) -> Result<()> {
    page.client.goto(&format!("{}/", page.base)).await?;
    page.wait_for("document.querySelectorAll('.facet-speakers .facet').length > 0")
        .await?;
    page.wait_for("document.querySelector('#stats').textContent.includes('articles')")
        .await?;
    page.screenshot("01-overview").await?;

    page.client
        .find(Locator::Id("q"))
        .await?
        .send_keys("tram")
        .await?;
    page.wait_for("document.querySelectorAll('#hits .hit mark').length > 0")
        .await?;
    let marks = page.texts("#hits .snippet mark").await?;
    ensure!(
        !marks.is_empty() && marks.iter().all(|m| m.to_lowercase().starts_with("tram")),
        "highlights: {marks:?}"
    );
    ensure!(
        page.url().await?.contains("q=tram"),
        "the URL holds the query"
    );
    ensure!(page.total().await? > 0);
    page.screenshot("02-results").await?;
    Ok(())
}

async fn a_speaker_facet_narrows_the_results_and_shows_a_chip(page: &Page<'_>) -> Result<()> {
    let before = page.total().await?;
    page.click(".facet-speakers .facet[data-name='Elena Varga']")
        .await?;
    page.wait_for(
        "Array.from(document.querySelectorAll('#chips .chip')).some(c => c.textContent.includes('Elena Varga'))",
    )
    .await?;
    page.wait_for(&format!(
        "(() => {{ const s = document.querySelector('#status strong'); \
         return s && parseInt(s.textContent.replace(/\\D/g, ''), 10) < {before}; }})()"
    ))
    .await?;
    let url = page.url().await?;
    ensure!(url.contains("speaker=Elena+Varga"), "{url}");
    let speakers = page.texts("#hits .hit-footer .name.speaker").await?;
    ensure!(
        speakers.iter().any(|s| s == "Elena Varga"),
        "speakers shown on passages: {speakers:?}"
    );
    ensure!(
        page.eval("document.querySelector(\".facet-speakers .facet[data-name='Elena Varga']\").classList.contains('active')")
            .await?
            == json!(true),
        "the chosen facet is marked"
    );
    page.screenshot("03-speaker-filter").await?;
    Ok(())
}

async fn a_hit_opens_the_whole_article_with_its_speakers(page: &Page<'_>) -> Result<()> {
    let title = page.text("#hits .hit-title").await?;
    page.click("#hits .hit-title").await?;
    page.wait_for("document.querySelector('#article h1')")
        .await?;
    ensure!(
        page.text("#article h1").await? == title,
        "the article opened"
    );
    ensure!(page.url().await?.contains("article="));
    let tags = page.texts("#article .speaker-tag").await?;
    ensure!(
        tags.iter().any(|t| t == "Elena Varga"),
        "speaker names beside passages: {tags:?}"
    );
    page.wait_for("document.querySelector('#article .passage.focus')")
        .await?;
    page.screenshot("04-article").await?;

    page.click("#back").await?;
    page.wait_for("!document.querySelector('#search-view').hidden && document.querySelectorAll('#hits .hit').length > 0")
        .await?;
    ensure!(!page.url().await?.contains("article="));
    Ok(())
}

async fn a_bookmarked_url_restores_the_search(page: &Page<'_>) -> Result<()> {
    let url = format!(
        "{}/?q=harbour&speaker=Tomas+Reyne&since=2024&until=2026-06",
        page.base
    );
    page.client.goto(&url).await?;
    page.wait_for("document.querySelectorAll('#hits .hit').length > 0")
        .await?;
    let restored = page
        .eval("[document.querySelector('#q').value, document.querySelector('#since').value, document.querySelector('#until').value]")
        .await?;
    ensure!(
        restored == json!(["harbour", "2024", "2026-06"]),
        "{restored}"
    );
    let chips = page.texts("#chips .chip").await?;
    ensure!(
        chips.iter().any(|c| c.contains("Tomas Reyne")) && chips.iter().any(|c| c.contains("2024")),
        "chips: {chips:?}"
    );
    page.screenshot("05-bookmarked").await?;

    // A later page, then back to the first.
    page.client.goto(&format!("{}/?q=the", page.base)).await?;
    page.wait_for("document.querySelectorAll('#hits .hit').length === 10")
        .await?;
    page.click("#next").await?;
    page.wait_for("document.querySelector('#status').textContent.includes('showing 11')")
        .await?;
    ensure!(page.url().await?.contains("offset=10"));
    page.client.back().await?;
    page.wait_for("document.querySelector('#status').textContent.includes('showing 1–')")
        .await?;
    Ok(())
}

async fn markup_in_articles_is_shown_as_text(page: &Page<'_>) -> Result<()> {
    page.client
        .goto(&format!("{}/?q=minutes+snippet", page.base))
        .await?;
    page.wait_for("document.querySelectorAll('#hits .hit').length > 0")
        .await?;
    let snippet = page.text("#hits .snippet").await?;
    ensure!(snippet.contains("<script>"), "shown as text: {snippet:?}");
    ensure!(
        page.eval("document.querySelectorAll('#hits script, #hits img').length")
            .await?
            == json!(0),
        "no element was made from article text"
    );
    page.screenshot("06-markup-as-text").await?;
    page.click("#hits .hit-title").await?;
    page.wait_for("document.querySelector('#article .passage')")
        .await?;
    let text = page.text("#article .passages").await?;
    ensure!(
        text.contains("<script>document.title='pwned'</script>")
            && text.contains("<b>everything</b>"),
        "{text:?}"
    );
    ensure!(
        page.eval("document.querySelectorAll('#article script, #article img, #article b').length")
            .await?
            == json!(0)
    );
    ensure!(page.eval("document.title").await? != json!("pwned"));
    page.screenshot("07-markup-article").await?;
    Ok(())
}
