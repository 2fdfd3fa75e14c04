//! The `newsdex` binary: parses flags, calls the library, maps errors to exit codes.

mod cli;

/// mimalloc instead of glibc's allocator: indexing frees and allocates many
/// small buffers from several threads, and glibc's per-thread arenas kept
/// freed memory that other threads could not reuse (peak RSS well above the
/// writer's budget); mimalloc also makes those allocations cheaper.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Parser;

use cli::{
    Cli, ColorChoice, Command, EntityType, EvalArgs, ExportArgs, ExportTarget, ExtractArgs,
    FilterArgs, IndexArgs, IndexDirArg, NamesArgs, PushArgs, QuoteSort, QuotesArgs, SearchArgs,
    ServeArgs, WhoArgs,
};
use newsdex::corpus::{Found, find_article_files, parse_file};
use newsdex::eval;
use newsdex::export::{self, Target};
use newsdex::extract::extract;
use newsdex::index::writer::{IndexOptions, build_index};
use newsdex::index::{self, NewsIndex};
use newsdex::output::progress::{ExportProgress, IndexProgress, PushBar};
use newsdex::output::{json, terminal};
use newsdex::passages::split_passages;
use newsdex::remote::Quickwit;
use newsdex::search::Matcher;
use newsdex::search::filters::FilterText;
use newsdex::search::names::{NameKind, count_names};
use newsdex::search::quotes::{QuoteOrder, QuoteRequest, search_quotes};
use newsdex::search::timeline::timeline;
use newsdex::search::who::who;
use newsdex::search::{Filters, SearchRequest, search};

/// Exit statuses, as grep and ripgrep use them, plus one for `--strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Something was found (or done).
    Found = 0,
    /// Nothing matched.
    NothingFound = 1,
    /// `index --strict` skipped some input.
    Skipped = 3,
}

impl From<bool> for Status {
    fn from(found: bool) -> Status {
        if found {
            Status::Found
        } else {
            Status::NothingFound
        }
    }
}

/// Turns transparent huge pages off for this process, although mimalloc
/// asks for them. A search lives a few milliseconds and each 2 MiB page it
/// touches is zeroed whole first: a tenth of a one-shot search's time at a
/// million articles. An indexing run gained nothing from them on a quiet
/// machine (BBC 0.31 vs 0.32 s, 100k 15.6 vs 15.3 s), and lost a fifth
/// when other processes had just fragmented memory: each huge page fault
/// then waited for the kernel to compact memory (BBC 0.33 vs 0.40 s right
/// after another indexer, four times the system time).
///
/// It runs as a static initializer, before `main` and before the Rust
/// runtime's first allocation: mimalloc marks its arena for huge pages when
/// it reserves it, so the first allocation already zeroed a whole 2 MiB page,
/// and argument parsing another, before `main` could turn them off.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static WITHOUT_HUGE_PAGES: extern "C" fn() = without_huge_pages;

#[cfg(target_os = "linux")]
extern "C" fn without_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes integers only and reads or writes
    // no memory of this process; a failure leaves the defaults, harmlessly.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Where the index lives unless `--index` says otherwise.
const DEFAULT_INDEX: &str = "index";
/// The bundled corpus, indexed by default.
const DEFAULT_CORPUS: &str = "corpus";

fn main() {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args),
        Command::Quotes(args) => run_quotes(args),
        Command::Who(args) => run_who(args),
        Command::Speakers(args) => run_names(args, &[NameKind::Speaker, NameKind::OrgSpeaker]),
        Command::Entities(args) => {
            let kinds: Vec<NameKind> = if args.kinds.is_empty() {
                vec![NameKind::Person, NameKind::Organization, NameKind::Place]
            } else {
                args.kinds
                    .iter()
                    .map(|kind| match kind {
                        EntityType::Person => NameKind::Person,
                        EntityType::Organization => NameKind::Organization,
                        EntityType::Place => NameKind::Place,
                    })
                    .collect()
            };
            run_names(args.names, &kinds)
        }
        Command::Extract(args) => run_extract(args),
        Command::Eval(args) => run_eval(args),
        Command::Serve(args) => run_serve(args),
        Command::Export(args) => run_export(args),
        Command::Push(args) => run_push(args),
    };
    let code = match outcome {
        Ok(status) => status as u8,
        Err(error) if is_broken_pipe(&error) => 0,
        Err(error) => {
            eprintln!("newsdex: error: {error:#}");
            2
        }
    };
    exit_now(code)
}

/// Ends the process with `code` once standard output is flushed, without
/// the teardown a return from `main` runs: mimalloc returning its memory to
/// the system and the loader's finalisers, a twentieth of a one-shot search.
/// Everything a command writes is flushed or closed before it returns.
fn exit_now(code: u8) -> ! {
    let _ = io::stdout().flush();
    let _ = io::stderr().flush();
    #[cfg(unix)]
    {
        // SAFETY: `_exit` ends the process at once; nothing after it runs,
        // and the buffered output has been flushed above.
        unsafe { libc::_exit(i32::from(code)) }
    }
    #[cfg(not(unix))]
    std::process::exit(i32::from(code))
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io_error| io_error.kind() == io::ErrorKind::BrokenPipe)
}

/// The bundled corpus: `corpus/` here, else the one beside the sources this
/// binary was built from (so `cargo install --path .` still finds it).
fn default_corpus() -> PathBuf {
    let here = PathBuf::from(DEFAULT_CORPUS);
    if here.is_dir() {
        return here;
    }
    let beside_sources = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_CORPUS);
    if beside_sources.is_dir() {
        beside_sources
    } else {
        here
    }
}

fn run_index(args: IndexArgs) -> Result<Status> {
    let roots = if args.paths.is_empty() {
        vec![default_corpus()]
    } else {
        args.paths
    };
    let defaults = IndexOptions::new(roots, args.index);
    let options = IndexOptions {
        threads: args.threads.unwrap_or(defaults.threads).max(1),
        memory_mb: args.memory as usize,
        extract: !args.no_extract,
        rebuild: args.rebuild,
        ..defaults
    };
    let progress = IndexProgress::new(!args.quiet && io::stderr().is_terminal());
    let summary = build_index(&options, &progress)?;
    if !args.quiet {
        terminal::write_index_summary(&mut io::stderr(), &summary)?;
    }
    if args.strict && !summary.skipped.is_empty() {
        if args.quiet {
            for problem in &summary.skipped {
                eprintln!("newsdex: skipped {problem}");
            }
        }
        return Ok(Status::Skipped);
    }
    Ok(Status::Found)
}

/// Turns the filter flags into [`Filters`], checking the dates.
fn filters_from(args: FilterArgs) -> Result<Filters> {
    let text = FilterText {
        speakers: args.speaker,
        entities: args.entity,
        sources: args.source,
        since: args.since,
        until: args.until,
        mentions: args.mentions,
    };
    Ok(text.parse()?)
}

/// Opens the index named by `--index`, or the default one, building it from
/// the bundled corpus on first use.
fn open_index(arg: IndexDirArg) -> Result<NewsIndex> {
    let index_dir = match arg.dir {
        Some(dir) => dir,
        None => {
            let dir = PathBuf::from(DEFAULT_INDEX);
            if !index::is_current(&dir) {
                build_default_index(&dir)?;
            }
            dir
        }
    };
    NewsIndex::open(&index_dir)
}

/// [`open_index`] for a command that uses the index once and ends.
///
/// The index is never closed: the process ends right after (see
/// [`exit_now`]), and unmapping its files one by one, with the search
/// threads' TLBs shot down each time, was a tenth of a search of a million
/// articles.
fn open_index_once(arg: IndexDirArg) -> Result<&'static NewsIndex> {
    Ok(Box::leak(Box::new(open_index(arg)?)))
}

fn run_search(args: SearchArgs) -> Result<Status> {
    let filters = filters_from(args.filters)?;
    let engine = engine_from(args.engine.engine.as_deref())?;
    let request = SearchRequest {
        query: args.query.join(" "),
        filters,
        limit: args.limit,
        per_article: args.per_article,
        collapse_duplicates: !args.no_collapse,
        timeline: args.timeline,
        ..SearchRequest::new("")
    };
    let results = match &engine {
        Some(engine) => newsdex::remote::search::search(engine, &request)?,
        None => search(open_index_once(args.index)?, &request)?,
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        writeln!(out, "{}", json::search_results(&results)?)?;
    } else {
        terminal::write_search_results(&mut out, &results, style_for(args.color))?;
    }
    out.flush()?;
    if let Some(undated) = results.undated_excluded.filter(|&n| n > 0) {
        eprintln!(
            "note: {undated} matching article{} left out: no published date",
            if undated == 1 { " was" } else { "s were" }
        );
    }
    Ok((!results.hits.is_empty()).into())
}

fn run_names(args: NamesArgs, kinds: &[NameKind]) -> Result<Status> {
    let filters = filters_from(args.filters)?;
    let index = open_index_once(args.index)?;
    let query = args.query.join(" ");
    let counts = count_names(index, &query, &filters, kinds, args.limit)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        writeln!(out, "{}", json::name_counts(&query, &counts)?)?;
    } else {
        terminal::write_name_counts(&mut out, &counts)?;
    }
    out.flush()?;
    Ok((!counts.is_empty()).into())
}

fn run_serve(args: ServeArgs) -> Result<Status> {
    if let Some(engine) = engine_from(args.engine.engine.as_deref())? {
        newsdex::serve::remote::serve(engine, &args.addr)?;
        return Ok(Status::Found);
    }
    let index = open_index(args.index)?;
    newsdex::serve::serve(index, &args.addr)?;
    Ok(Status::Found)
}

fn run_eval(args: EvalArgs) -> Result<Status> {
    if args.gold.is_none() && args.polnear.is_none() {
        anyhow::bail!(
            "give a gold file (e.g. tests/gold/extraction.jsonl), --polnear FILE, or both"
        );
    }
    let gold = match &args.gold {
        Some(path) => {
            let corpora = args
                .corpora
                .clone()
                .or_else(|| std::env::var_os("NEWSDEX_CORPORA").map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from("../shared/corpora"));
            let answers = eval::gold::load(path)?;
            Some(eval::gold::evaluate(&answers, &corpora)?)
        }
        None => None,
    };
    let polnear = args
        .polnear
        .as_deref()
        .map(eval::polnear::evaluate)
        .transpose()?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let report = serde_json::json!({ "gold": gold, "polnear": polnear });
        writeln!(out, "{report}")?;
    } else {
        if let Some(report) = &gold {
            terminal::write_gold_report(&mut out, report, args.worst)?;
        }
        if let Some(report) = &polnear {
            terminal::write_polnear_report(&mut out, report, args.worst)?;
        }
    }
    out.flush()?;
    Ok(Status::Found)
}

/// Terminal styles for `--color`: `auto` colours a terminal unless NO_COLOR is set.
fn style_for(choice: ColorChoice) -> terminal::Style {
    terminal::Style::new(match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    })
}

fn run_quotes(args: QuotesArgs) -> Result<Status> {
    let filters = filters_from(args.filters)?;
    let engine = engine_from(args.engine.engine.as_deref())?;
    let request = QuoteRequest {
        query: args.query.join(" "),
        filters,
        direct_only: args.direct,
        order: match args.sort {
            QuoteSort::Relevance => QuoteOrder::Relevance,
            QuoteSort::Date => QuoteOrder::Date,
        },
        limit: args.limit,
        timeline: args.timeline,
        ..QuoteRequest::new("")
    };
    let results = match &engine {
        Some(engine) => newsdex::remote::quotes::search_quotes(engine, &request)?,
        None => search_quotes(open_index_once(args.index)?, &request)?,
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&results)?)?;
    } else {
        terminal::write_quotes(&mut out, &results, style_for(args.color))?;
    }
    out.flush()?;
    Ok((!results.hits.is_empty()).into())
}

fn run_who(args: WhoArgs) -> Result<Status> {
    let WhoArgs {
        names: args,
        timeline: with_timeline,
        engine,
    } = args;
    let filters = filters_from(args.filters)?;
    let engine = engine_from(engine.engine.as_deref())?;
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        anyhow::bail!("who needs a topic: e.g. `newsdex who Putin`");
    }
    let (voices, timeline) = match &engine {
        Some(engine) => remote_who(engine, &query, &filters, args.limit, with_timeline)?,
        None => {
            let index = open_index_once(args.index)?;
            let voices = who(index, &query, &filters, args.limit)?;
            let timeline = if with_timeline {
                let matcher = Matcher::new(index, &query, &filters, false)?;
                Some(timeline(index, &matcher.full)?)
            } else {
                None
            };
            (voices, timeline)
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        writeln!(out, "{}", json::voices(&query, &voices, timeline.as_ref())?)?;
    } else {
        let style = style_for(ColorChoice::Auto);
        terminal::write_voices(&mut out, &voices, style)?;
        if let Some(timeline) = &timeline {
            writeln!(out)?;
            terminal::write_timeline(&mut out, timeline, style)?;
        }
    }
    out.flush()?;
    Ok((!voices.is_empty()).into())
}

/// First use: build the default index from the bundled corpus.
fn build_default_index(dir: &Path) -> Result<()> {
    let corpus = default_corpus();
    let why = if index::exists(dir) {
        "it was built by another version of newsdex"
    } else {
        "there is none yet"
    };
    eprintln!(
        "note: building the default index in {}/ from the bundled corpus {}/ ({why})",
        dir.display(),
        corpus.display()
    );
    let options = IndexOptions {
        memory_mb: 256,
        ..IndexOptions::new(vec![corpus], dir.to_path_buf())
    };
    let progress = IndexProgress::new(io::stderr().is_terminal());
    let summary = build_index(&options, &progress).context("cannot build the default index")?;
    terminal::write_index_summary(&mut io::stderr(), &summary)?;
    Ok(())
}

fn run_extract(args: ExtractArgs) -> Result<Status> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut any = false;
    let mut failure: Option<io::Error> = None;
    for found in find_article_files(&args.paths) {
        match found {
            Found::Article { path, format } => {
                parse_file(&path, format, &mut |parsed| match parsed {
                    Ok(article) => {
                        let passages = split_passages(&article.paragraphs);
                        let extraction = extract(&article, &passages);
                        let line = json::extraction_line(&article, &passages, &extraction);
                        let written = match line {
                            Ok(line) => writeln!(out, "{line}"),
                            Err(error) => Err(io::Error::other(error)),
                        };
                        if let Err(error) = written {
                            failure.get_or_insert(error);
                        }
                        any = true;
                    }
                    Err(problem) => eprintln!("newsdex: skipped {problem}"),
                })
            }
            Found::Skipped(problem) => eprintln!("newsdex: skipped {problem}"),
        }
        if let Some(error) = failure.take() {
            return Err(error.into());
        }
    }
    out.flush()?;
    Ok(any.into())
}

/// `who` through Quickwit: the voices, and the passage timeline when asked for.
fn remote_who(
    engine: &Quickwit,
    query: &str,
    filters: &newsdex::search::Filters,
    limit: usize,
    with_timeline: bool,
) -> Result<(
    Vec<newsdex::search::who::Voice>,
    Option<newsdex::search::timeline::Timeline>,
)> {
    let voices = newsdex::remote::who::who(engine, query, filters, limit)?;
    let timeline = if with_timeline {
        let request = SearchRequest {
            timeline: true,
            limit: 1,
            filters: filters.clone(),
            ..SearchRequest::new(query)
        };
        newsdex::remote::search::search(engine, &request)?.timeline
    } else {
        None
    };
    Ok((voices, timeline))
}

/// The Quickwit index named by `--engine`, if any.
fn engine_from(spec: Option<&str>) -> Result<Option<Quickwit>> {
    Ok(spec.map(Quickwit::parse_engine).transpose()?)
}

/// The folders to export or push: those given, else the bundled corpus.
fn roots_or_default(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![default_corpus()]
    } else {
        paths
    }
}

/// Reads and extracts the articles to export or push, reporting what was skipped.
fn collect_for_export(
    paths: Vec<PathBuf>,
    threads: Option<usize>,
    quiet: bool,
) -> Result<export::Exported> {
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
        .max(1);
    let progress = ExportProgress::new(!quiet && io::stderr().is_terminal());
    let exported =
        export::collect_documents(&roots_or_default(paths), threads, &|n| progress.articles(n))?;
    progress.finish();
    for problem in &exported.skipped {
        eprintln!("newsdex: skipped {problem}");
    }
    Ok(exported)
}

fn run_export(args: ExportArgs) -> Result<Status> {
    let exported = collect_for_export(args.paths, args.threads, args.quiet)?;
    let target = match args.target {
        ExportTarget::Quickwit => Target::Quickwit,
        ExportTarget::Elasticsearch => Target::Elasticsearch,
    };
    let written = export::write_export(target, &args.out_dir, &args.index_id, &exported.documents)?;
    if !args.quiet {
        let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "newsdex: exported {} articles as {} documents: {}",
            exported.articles,
            exported.documents.len(),
            files.join(", ")
        );
    }
    Ok((!exported.documents.is_empty()).into())
}

fn run_push(args: PushArgs) -> Result<Status> {
    let engine = Quickwit::parse_engine(&format!(
        "quickwit={}/{}",
        args.quickwit.trim_end_matches('/'),
        args.index_id
    ))?;
    let exported = collect_for_export(args.paths, args.threads, args.quiet)?;
    let bar = PushBar::new(!args.quiet && io::stderr().is_terminal());
    let summary = newsdex::remote::push::push(
        &engine.client,
        &engine.index,
        &exported.documents,
        args.batch_mb as usize * 1024 * 1024,
        &bar,
    )?;
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else if !args.quiet {
        eprintln!(
            "newsdex: pushed {} documents from {} articles to {} in {} batches ({:.1} s, {:.0} docs/s){}: {} accepted, {} rejected",
            summary.documents,
            exported.articles,
            engine.index,
            summary.batches,
            summary.seconds,
            summary.documents as f64 / summary.seconds.max(0.001),
            if summary.created_index {
                ", index created"
            } else {
                ""
            },
            summary.accepted,
            summary.rejected
        );
    }
    for reason in &summary.reasons {
        eprintln!("newsdex: rejected {reason}");
    }
    if summary.rejected > 0 {
        return Ok(Status::Skipped);
    }
    Ok(Status::Found)
}
