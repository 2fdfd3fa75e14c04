//! Command-line flags. Doc comments here become `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Full-text search for news: ranked, highlighted passages, filterable by who
/// speaks, who is named, and when.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index folders or files of articles (.txt, .md, .json, .jsonl, .html).
    Index(IndexArgs),
    /// Search the index for ranked passages.
    #[command(after_long_help = QUERY_HELP)]
    Search(SearchArgs),
    /// Print what newsdex extracts from articles (speakers, entities, dates).
    Extract(ExtractArgs),
}

const QUERY_HELP: &str = "\
Query syntax:
  peace plan              passages with both words (stemmed: plans, planned…)
  \"peace plan\"            the exact phrase
  \"peace -russia\"         exclude a word (quote the query, or put -- before it,
                          so -russia is not read as a flag)
  peace OR ceasefire      either word
  title:envoy             a word in the headline
  speaker:witkoff         a passage where Witkoff speaks
  org_speaker:union       a passage where an organisation speaks
  entity:kyiv             a passage naming a person, organisation or place
  category:politics       articles in a topic folder
  source:bbc              articles from an outlet
When too few passages have every word, passages with most of them follow,
marked with the words they miss.

Exit status: 0 when something was found, 1 when nothing was, 2 on error.";

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders (searched recursively) or files to index [default: corpus/]
    pub paths: Vec<PathBuf>,
    /// Index folder
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Threads for parsing and indexing [default: number of CPUs]
    #[arg(long)]
    pub threads: Option<usize>,
    /// Memory budget for the index writer, in MB
    #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u32).range(15..=65536))]
    pub memory: u32,
    /// Print no progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Skip speaker, entity and date extraction (to measure its cost)
    #[arg(long)]
    pub no_extract: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (words, "phrases", -exclusions, field:value); see below
    pub query: Vec<String>,
    /// Only articles where this person or organisation speaks (repeat for any of several)
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only articles naming this person, organisation or place (repeat: all must be named)
    #[arg(long, value_name = "NAME")]
    pub entity: Vec<String>,
    /// Only articles from this outlet (repeat for any of several)
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Published on or after: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Published on or before: YYYY, YYYY-MM or YYYY-MM-DD (the whole year or month counts)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Passages mentioning a date in this span: DATE or DATE..DATE
    #[arg(long, value_name = "RANGE")]
    pub mentions: Option<String>,
    /// Number of hits
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Passages per article at most (0: no cap)
    #[arg(long, default_value_t = 1)]
    pub per_article: usize,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
    /// When to colour highlights
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Index folder [default: index/, built from corpus/ on first use]
    #[arg(long)]
    pub index: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files or folders
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// One JSON line per article (the only format for now, kept for clarity)
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
