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
    /// Index folders or files of articles (.txt, .md, .json, .jsonl, .html);
    /// re-running updates only what changed.
    Index(IndexArgs),
    /// Search the index for ranked passages.
    #[command(after_long_help = QUERY_HELP)]
    Search(SearchArgs),
    /// Search what was said: quotes and reported speech, with speaker, cue and date.
    Quotes(QuotesArgs),
    /// Who speaks about a topic: the speakers of the matching passages, with their best quote.
    Who(WhoArgs),
    /// List who speaks most, overall or in the passages matching a query.
    Speakers(NamesArgs),
    /// List the people, organisations and places named most, overall or for a query.
    Entities(EntitiesArgs),
    /// Print what newsdex extracts from articles (speakers, entities, dates).
    Extract(ExtractArgs),
    /// Measure extraction against gold annotations (precision, recall, F1).
    Eval(EvalArgs),
    /// Serve a search page and a JSON API on this machine (http://127.0.0.1:7700).
    Serve(ServeArgs),
    /// Write articles as documents for Quickwit or Elasticsearch: an index
    /// config or mapping, and NDJSON documents.
    Export(ExportArgs),
    /// Send articles to a Quickwit index (created if missing) over its ingest API.
    Push(PushArgs),
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
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(15..=65536))]
    pub memory: u32,
    /// Print no progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Skip speaker, entity and date extraction (to measure its cost)
    #[arg(long)]
    pub no_extract: bool,
    /// Rebuild the index from scratch instead of updating what changed
    #[arg(long)]
    pub rebuild: bool,
    /// Exit with status 3 when any file or line was skipped (the rest is still indexed)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (words, "phrases", -exclusions, field:value); see below
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Number of hits
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Passages per article at most (0: no cap)
    #[arg(long, default_value_t = 1)]
    pub per_article: usize,
    /// Show every copy of near-duplicate stories instead of one with "+N similar"
    #[arg(long)]
    pub no_collapse: bool,
    /// Also show how many matching articles were published each month (or year)
    #[arg(long)]
    pub timeline: bool,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
    /// When to colour highlights
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub index: IndexDirArg,
    #[command(flatten)]
    pub engine: EngineArg,
}

/// Filters shared by every command that searches.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only articles where this person or organisation speaks: full name or surname, any case (repeat for any of several)
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
}

/// Where searches run: the local index, or a Quickwit index.
#[derive(Debug, Args)]
pub struct EngineArg {
    /// Search a Quickwit index instead of the local one: quickwit=http://HOST:7280/INDEX
    /// (fill it with `newsdex push`)
    #[arg(long, value_name = "ENGINE")]
    pub engine: Option<String>,
}

#[derive(Debug, Args)]
pub struct IndexDirArg {
    /// Index folder [default: index/, built from corpus/ on first use]
    #[arg(long = "index", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Words to find in what was said (may be empty with --speaker)
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only words in quotation marks, not reported speech
    #[arg(long)]
    pub direct: bool,
    /// Order by relevance or by date (newest first)
    #[arg(long, value_enum, default_value_t = QuoteSort::Relevance)]
    pub sort: QuoteSort,
    /// Number of quotes
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Also show how many articles with matching quotes were published each month (or year)
    #[arg(long)]
    pub timeline: bool,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
    /// When to colour highlights
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub index: IndexDirArg,
    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuoteSort {
    Relevance,
    Date,
}

#[derive(Debug, Args)]
pub struct NamesArgs {
    /// Count only in passages matching this query (default: all passages)
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Number of names
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub index: IndexDirArg,
}

#[derive(Debug, Args)]
pub struct WhoArgs {
    #[command(flatten)]
    pub names: NamesArgs,
    /// Also show how many matching articles were published each month (or year)
    #[arg(long)]
    pub timeline: bool,
    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub names: NamesArgs,
    /// Only this kind of entity (repeat for several) [default: all]
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kinds: Vec<EntityType>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EntityType {
    Person,
    Organization,
    Place,
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

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations, one JSON article per line (e.g. tests/gold/extraction.jsonl)
    pub gold: Option<PathBuf>,
    /// Folder the gold paths are relative to [default: $NEWSDEX_CORPORA or ../shared/corpora]
    #[arg(long, value_name = "DIR")]
    pub corpora: Option<PathBuf>,
    /// Also score speakers against PolNeAR attributions (e.g. ../shared/eval/polnear_dev.jsonl)
    #[arg(long, value_name = "FILE")]
    pub polnear: Option<PathBuf>,
    /// Number of worst-scoring articles to list
    #[arg(long, default_value_t = 5)]
    pub worst: usize,
    /// Print one JSON object instead of tables
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port. Other machines can reach
    /// anything but a loopback address.
    #[arg(long, default_value = "127.0.0.1:7700", value_name = "HOST:PORT")]
    pub addr: String,
    #[command(flatten)]
    pub index: IndexDirArg,
    #[command(flatten)]
    pub engine: EngineArg,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Engine to export for
    #[arg(long = "to", value_enum)]
    pub target: ExportTarget,
    /// Folder to write the config and NDJSON into (created if missing)
    pub out_dir: PathBuf,
    /// Folders (searched recursively) or files to export [default: corpus/]
    pub paths: Vec<PathBuf>,
    /// Index id written into the config (and into the `_bulk` actions)
    #[arg(long = "index", default_value = "newsdex", value_name = "NAME")]
    pub index_id: String,
    /// Threads for parsing and extraction [default: number of CPUs]
    #[arg(long)]
    pub threads: Option<usize>,
    /// Print no progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    Quickwit,
    Elasticsearch,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Quickwit node to send to, e.g. http://127.0.0.1:7280
    #[arg(long, value_name = "URL")]
    pub quickwit: String,
    /// Index id (created from the exported config if missing)
    #[arg(long = "index", value_name = "NAME")]
    pub index_id: String,
    /// Folders (searched recursively) or files to push [default: corpus/]
    pub paths: Vec<PathBuf>,
    /// Largest ingest request, in MB (Quickwit accepts at most 10)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=10))]
    pub batch_mb: u32,
    /// Threads for parsing and extraction [default: number of CPUs]
    #[arg(long)]
    pub threads: Option<usize>,
    /// Print no progress bar and no summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as one JSON object
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
