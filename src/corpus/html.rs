//! HTML articles (`.html`, `.htm`): a saved news page, reduced to its article.
//!
//! Metadata comes from what publishers put there for search engines and
//! social networks (Open Graph `<meta>`, `<link rel=canonical>`, `<time>`,
//! JSON-LD); the body is the text of the `<p>` elements inside `<article>`,
//! else `<main>`, else the whole `<body>`, never from navigation, headers,
//! footers, asides, forms or scripts. This is not a general boilerplate
//! remover: pages without `<p>` paragraphs are reported as having no text.

use std::path::Path;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::date::parse_published;
use super::draft::{Draft, Place};
use super::{Article, Problem};
use crate::text::normalize_whitespace;

/// Elements whose text is never article text, wherever they are.
const EXCLUDED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figcaption",
    "button",
    "select",
    "textarea",
];

/// Parses the text of an HTML page.
pub(crate) fn parse(path: &Path, html: &str) -> Result<Article, Problem> {
    let doc = Html::parse_document(html);
    let meta = Meta::from_document(&doc);
    let ld = LinkedData::from_document(&doc);
    let container = container(&doc);
    let paragraphs = container.map(paragraphs_in).unwrap_or_default();

    let title = meta
        .og_title
        .clone()
        .or_else(|| first_text(container, &doc, &H1))
        .or_else(|| first_text(None, &doc, &TITLE).map(|t| strip_site_suffix(&t)))
        .or_else(|| ld.headline.clone());
    let published = [meta.published_time.as_deref(), meta.date.as_deref()]
        .into_iter()
        .flatten()
        .find_map(parse_published)
        .or_else(|| time_datetime(container, &doc))
        .or_else(|| ld.published.as_deref().and_then(parse_published));
    let url = canonical(&doc).or_else(|| meta.og_url.clone());
    let source = meta.site_name.clone().or_else(|| ld.publisher.clone());
    let authors = if meta.authors.is_empty() {
        ld.authors
    } else {
        meta.authors
    };

    let draft = Draft {
        title,
        paragraphs,
        published,
        authors,
        url,
        source,
        tags: meta.tags,
    };
    draft.finish(path, Place::File)
}

fn selector(css: &'static str) -> Selector {
    // The selectors are constants of this module, tested below; a typo is a
    // bug to fix here, not something a user can cause.
    Selector::parse(css).unwrap_or_else(|e| panic!("invalid built-in selector {css:?}: {e}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static LINK: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| selector("script[type]"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| selector("main, [role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static P: LazyLock<Selector> = LazyLock::new(|| selector("p"));

/// What the page's `<meta>` elements say.
#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    og_url: Option<String>,
    site_name: Option<String>,
    published_time: Option<String>,
    date: Option<String>,
    authors: Vec<String>,
    tags: Vec<String>,
}

impl Meta {
    fn from_document(doc: &Html) -> Meta {
        let mut meta = Meta::default();
        for el in doc.select(&META) {
            let Some(content) = el.attr("content").map(normalize_whitespace) else {
                continue;
            };
            if content.is_empty() {
                continue;
            }
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))
                .unwrap_or_default()
                .to_ascii_lowercase();
            let first = |slot: &mut Option<String>| {
                slot.get_or_insert_with(|| content.clone());
            };
            match key.as_str() {
                "og:title" => first(&mut meta.og_title),
                "og:url" => first(&mut meta.og_url),
                "og:site_name" => first(&mut meta.site_name),
                "article:published_time" => first(&mut meta.published_time),
                "date" | "pubdate" | "publishdate" | "publish-date" | "datepublished"
                | "dc.date" | "dc.date.issued" => first(&mut meta.date),
                // `article:author` is usually a profile URL, not a name.
                "author" if !content.contains("://") => meta.authors.push(content),
                "article:tag" => meta.tags.push(content),
                "news_keywords" => meta.tags.extend(content.split(',').map(str::to_string)),
                _ => {}
            }
        }
        meta
    }
}

/// What the page's JSON-LD (`<script type="application/ld+json">`) says about
/// its article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

impl LinkedData {
    fn from_document(doc: &Html) -> LinkedData {
        let mut objects = Vec::new();
        for script in doc.select(&LD_JSON) {
            let is_ld = script
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            // Broken JSON-LD is common and not the article's fault: skip it.
            let text: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<Value>(&text) {
                collect_objects(value, &mut objects);
            }
        }
        // Prefer an object typed as an article; else anything with a date.
        let best = objects
            .iter()
            .find(|o| is_article_type(o.get("@type")))
            .or_else(|| objects.iter().find(|o| o.get("datePublished").is_some()));
        let Some(object) = best else {
            return LinkedData::default();
        };
        LinkedData {
            headline: object.get("headline").and_then(ld_name),
            published: object.get("datePublished").and_then(ld_name),
            authors: match object.get("author") {
                Some(Value::Array(items)) => items.iter().filter_map(ld_name).collect(),
                Some(one) => ld_name(one).into_iter().collect(),
                None => Vec::new(),
            },
            publisher: object.get("publisher").and_then(ld_name),
        }
    }
}

/// Flattens top-level arrays and `@graph` lists into their objects.
fn collect_objects(value: Value, out: &mut Vec<serde_json::Map<String, Value>>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| collect_objects(v, out)),
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                collect_objects(graph, out);
            }
            out.push(object);
        }
        _ => {}
    }
}

fn is_article_type(value: Option<&Value>) -> bool {
    let is_article = |t: &str| {
        t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
    };
    match value {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// A string, or the `name` of a JSON-LD object (`{"@type": "Person", "name": ..}`).
fn ld_name(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(object) => object.get("name").and_then(ld_name),
        Value::Array(items) => items.iter().find_map(ld_name),
        _ => None,
    }
}

/// The element holding the article text: the `<article>` with the most
/// paragraph text, else `<main>`, else `<body>`.
fn container(doc: &Html) -> Option<ElementRef<'_>> {
    let text_len = |el: &ElementRef| -> usize { paragraphs_in(*el).iter().map(String::len).sum() };
    let best_article = doc
        .select(&ARTICLE)
        .map(|el| (text_len(&el), el))
        .filter(|(len, _)| *len > 0)
        // max_by_key keeps the last of equals; the first is the likelier article.
        .fold(None::<(usize, ElementRef)>, |best, (len, el)| match best {
            Some((best_len, _)) if best_len >= len => best,
            _ => Some((len, el)),
        })
        .map(|(_, el)| el);
    best_article
        .or_else(|| doc.select(&MAIN).find(|el| text_len(el) > 0))
        .or_else(|| doc.select(&BODY).next())
}

/// The text of every `<p>` inside `container` that is not in an excluded
/// element.
fn paragraphs_in(container: ElementRef) -> Vec<String> {
    container
        .select(&P)
        .filter(|p| !is_excluded(*p))
        .map(paragraph_text)
        .filter(|text| !text.is_empty())
        .collect()
}

/// True when the element or one of its ancestors is never article text.
fn is_excluded(el: ElementRef) -> bool {
    el.ancestors()
        .chain(std::iter::once(*el))
        .filter_map(|node| node.value().as_element())
        .any(|e| EXCLUDED.contains(&e.name()))
}

/// The visible text of one paragraph; `<br>` counts as a space.
fn paragraph_text(p: ElementRef) -> String {
    let mut out = String::new();
    for node in p.descendants() {
        match node.value() {
            Node::Text(text) => {
                let hidden = node
                    .ancestors()
                    .take_while(|a| a.id() != p.id())
                    .filter_map(|a| a.value().as_element())
                    .any(|e| EXCLUDED.contains(&e.name()));
                if !hidden {
                    out.push_str(text);
                }
            }
            Node::Element(e) if e.name() == "br" => out.push(' '),
            _ => {}
        }
    }
    normalize_whitespace(&out)
}

/// The text of the first element matching `selector`, looked for inside
/// `within` first and then in the whole document.
fn first_text(within: Option<ElementRef>, doc: &Html, selector: &Selector) -> Option<String> {
    let text = |el: ElementRef| normalize_whitespace(&el.text().collect::<String>());
    within
        .and_then(|c| c.select(selector).map(text).find(|t| !t.is_empty()))
        .or_else(|| doc.select(selector).map(text).find(|t| !t.is_empty()))
}

/// The first `<time datetime>` that parses, inside `within` first.
fn time_datetime(within: Option<ElementRef>, doc: &Html) -> Option<chrono::NaiveDate> {
    let parse = |el: ElementRef| el.attr("datetime").and_then(parse_published);
    within
        .and_then(|c| c.select(&TIME).find_map(parse))
        .or_else(|| doc.select(&TIME).find_map(parse))
}

/// `<link rel="canonical" href="...">`.
fn canonical(doc: &Html) -> Option<String> {
    doc.select(&LINK)
        .find(|el| {
            el.attr("rel").is_some_and(|rel| {
                rel.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|el| el.attr("href"))
        .map(str::trim)
        .filter(|href| !href.is_empty())
        .map(str::to_string)
}

/// "Headline | Site" → "Headline" (also " - ", " – ", " — "), when the part
/// cut off is short enough to be a site name.
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
            if !head.is_empty() && tail.split_whitespace().count() <= 5 {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn parse_ok(html: &str) -> Article {
        parse(Path::new("pages/a.html"), html).expect("article")
    }

    #[test]
    fn built_in_selectors_are_valid() {
        for s in [
            &META, &LINK, &H1, &TITLE, &TIME, &LD_JSON, &ARTICLE, &MAIN, &BODY, &P,
        ] {
            LazyLock::force(s);
        }
    }

    const PAGE: &str = r#"<!doctype html><html><head>
        <title>Page title | The Daily</title>
        <meta property="og:title" content="OG &amp; title">
        <meta property="og:site_name" content="The Daily">
        <meta property="og:url" content="https://www.daily.example/og">
        <link rel="canonical" href="https://www.daily.example/a">
        <meta property="article:published_time" content="2025-03-14T10:00:00+01:00">
        <meta name="author" content="Jane Doe">
        <meta property="article:tag" content="Politics">
        <style>p { color: red }</style>
        </head><body>
        <nav><p>Home</p><p>World</p></nav>
        <header><p>Site banner</p></header>
        <article>
          <header><h1>H1 title</h1><p>By Jane Doe</p></header>
          <p>First &ldquo;quoted&rdquo; paragraph<br>continues.</p>
          <aside><p>Related: other story</p></aside>
          <p>Second <b>bold</b> <script>var x = 1;</script>paragraph.</p>
          <figure><img src="x.png"><figcaption><p>Caption</p></figcaption></figure>
          <form><p>Sign up</p></form>
          <p>   </p>
        </article>
        <footer><p>Copyright</p></footer>
        </body></html>"#;

    #[test]
    fn full_page() {
        let a = parse_ok(PAGE);
        assert_eq!(a.title, "OG & title");
        assert_eq!(
            a.paragraphs,
            vec![
                "First “quoted” paragraph continues.",
                "Second bold paragraph."
            ]
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(a.url.as_deref(), Some("https://www.daily.example/a"));
        assert_eq!(a.source.as_deref(), Some("The Daily"));
        assert_eq!(a.authors, vec!["Jane Doe"]);
        assert_eq!(a.tags, vec!["Politics"]);
        assert_eq!(a.category.as_deref(), Some("pages"));
    }

    #[test]
    fn title_falls_back_to_h1_then_title_tag() {
        let a = parse_ok("<title>Tag title - Site</title><h1>Heading</h1><p>Body.</p>");
        assert_eq!(a.title, "Heading");
        let a = parse_ok("<title>Tag title - The Site</title><p>Body.</p>");
        assert_eq!(a.title, "Tag title");
        let a = parse_ok("<title>Tag title | A | B</title><p>Body.</p>");
        assert_eq!(a.title, "Tag title | A");
        let a = parse_ok("<p>Body sentence here. More.</p>");
        assert_eq!(a.title, "Body sentence here");
    }

    #[test]
    fn main_then_body() {
        let a = parse_ok("<body><p>Outside.</p><main><p>Inside main.</p></main></body>");
        assert_eq!(a.paragraphs, vec!["Inside main."]);
        let a = parse_ok("<body><div><p>One.</p></div><p>Two.</p><footer><p>F</p></footer></body>");
        assert_eq!(a.paragraphs, vec!["One.", "Two."]);
        // An empty <article> (a teaser) does not hide the text elsewhere.
        let a =
            parse_ok("<body><article><h2>Teaser</h2></article><main><p>Text.</p></main></body>");
        assert_eq!(a.paragraphs, vec!["Text."]);
    }

    #[test]
    fn picks_the_article_with_most_text() {
        let a = parse_ok(
            "<article><p>Short.</p></article><article><p>The real article text is longer.</p></article>",
        );
        assert_eq!(a.paragraphs, vec!["The real article text is longer."]);
    }

    #[test]
    fn dates_from_meta_time_and_json_ld() {
        let a = parse_ok(r#"<meta name="pubdate" content="March 14, 2025"><p>x</p>"#);
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        let a = parse_ok(r#"<article><time datetime="2025-03-14">Friday</time><p>x</p></article>"#);
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        let a = parse_ok(
            r#"<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
                {"@type": "WebPage", "name": "page"},
                {"@type": ["NewsArticle"], "headline": "LD headline",
                 "datePublished": "2025-03-14T08:00:00Z",
                 "author": [{"@type": "Person", "name": "Ann"}, "Bob"],
                 "publisher": {"@type": "Organization", "name": "LD News"}}]}</script>
               <p>Body.</p>"#,
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(a.title, "LD headline");
        assert_eq!(a.authors, vec!["Ann", "Bob"]);
        assert_eq!(a.source.as_deref(), Some("LD News"));
        let a = parse_ok(
            r#"<script type="application/ld+json">[{"datePublished": "2024-01-02"}]</script>
               <script type="application/ld+json">{not json</script><p>Body.</p>"#,
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 1, 2));
    }

    #[test]
    fn url_from_og_and_source_from_host() {
        let a =
            parse_ok(r#"<meta property="og:url" content="https://www.news.example/x"><p>x</p>"#);
        assert_eq!(a.url.as_deref(), Some("https://www.news.example/x"));
        assert_eq!(a.source.as_deref(), Some("news.example"));
    }

    #[test]
    fn no_paragraphs_is_a_problem() {
        let p = parse(
            Path::new("a.html"),
            "<html><head><title>T</title></head><body><nav><p>Menu</p></nav><div>loose text</div></body></html>",
        )
        .expect_err("problem");
        assert_eq!(p.to_string(), "a.html: no article text");
    }
}
