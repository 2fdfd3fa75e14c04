#!/usr/bin/env python3
"""newsdex beside its peers: index throughput, query latency, CLI search time.

    python3 bench/run.py                       # the BBC corpus and 10k generated articles
    python3 bench/run.py --sizes bbc,10k,100k,1m
    python3 bench/run.py --smoke               # 200 articles, 3 queries: a CI check

Builds newsdex, its bench target and the Tantivy peer (bench/peer) in release
mode, installs tantivy-cli into the cache folder, generates the corpora
(bench/scale_corpus.py), then for each corpus size and each system measures:
index wall time, articles/s, peak RSS and size on disk; in-process latency of
every query of bench/queries.txt (top 10 with snippets, p50/p95/max); and the
whole-process time of one CLI search per query class. Prints one Markdown
report and writes it to BENCHMARKS.md (smoke runs write it to the work folder).
Any step that breaks stops the run with a non-zero status.

Systems: newsdex (with and without extraction), tantivy-peer (bench/peer:
plain Tantivy, title + body, no passages), tantivy-cli (indexing only: it
neither ranks nor snippets its search output), SQLite FTS5 (bench/sqlite_peer.py),
Xapian (bench/xapian_peer.py, when python3-xapian is there) and ripgrep (no
index: the brute-force floor, whole-process time only).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
from articles import article_files, load_queries, parse_article, parse_query, percentiles, read_text, tokenize  # noqa: E402

NPROC = os.cpu_count() or 2
MEMORY_MB = 256
SMOKE_ARTICLES = 200
SMOKE_CLASSES = ("word", "speaker", "date")


class StepFailed(Exception):
    pass


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(command, ok=(0,), capture=True, env=None, cwd=REPO):
    """Runs a command; a status outside `ok` is a failed step."""
    shown = " ".join(str(c) for c in command)
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE if capture else None,
                            stderr=subprocess.PIPE if capture else None)
    if result.returncode not in ok:
        tail = (result.stderr or "")[-3000:]
        raise StepFailed(f"`{shown}` exited with {result.returncode}\n{tail}")
    return result


# --- building and installing -------------------------------------------------

def build_newsdex(work):
    """Builds newsdex and its query_latency bench in one cargo run (so both see
    the same sources) and copies them aside, where other builds cannot replace
    them half-way through the run."""
    log("building newsdex (release) and its query_latency bench")
    result = run(["cargo", "build", "--release", "--bin", "newsdex", "--bench", "query_latency",
                  "--message-format=json-render-diagnostics"])
    built = {}
    for line in result.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            built[message["target"]["name"]] = Path(message["executable"])
    if set(built) != {"newsdex", "query_latency"}:
        raise StepFailed(f"cargo built {sorted(built)}, not newsdex and query_latency")
    folder = work / "bin"
    folder.mkdir(exist_ok=True)
    for name, path in built.items():
        shutil.copy2(path, folder / name)
    return folder / "newsdex", folder / "query_latency"


def build_peer(cache):
    log("building the Tantivy peer (release)")
    target = cache / "peer-target"
    run(["cargo", "build", "--release", "--manifest-path", BENCH / "peer" / "Cargo.toml",
         "--target-dir", target], capture=False)
    return target / "release" / "newsdex-bench-peer"


def install_tantivy_cli(cache, smoke):
    """tantivy-cli, installed without --locked (its pinned traitobject 0.1.0 no
    longer builds); None when absent in a smoke run, which would take minutes."""
    root = cache / "tantivy-cli"
    binary = root / "bin" / "tantivy"
    if binary.exists():
        return binary
    if smoke:
        return None
    log("installing tantivy-cli (a few minutes, once)")
    run(["cargo", "install", "tantivy-cli", "--root", root], capture=False)
    return binary


def ensure_tools(notes):
    if not Path("/usr/bin/time").exists():
        log("installing GNU time")
        run(["apt-get", "install", "-y", "time"])
    if not shutil.which("rg"):
        log("installing ripgrep")
        if run(["apt-get", "install", "-y", "ripgrep"], ok=range(256)).returncode != 0:
            run(["cargo", "install", "ripgrep"], capture=False)
    for python in (sys.executable, "/usr/bin/python3"):
        if Path(python).exists() and run([python, "-c", "import xapian"], ok=range(256)).returncode == 0:
            return python
    log("trying Debian's python3-xapian")
    if run(["apt-get", "install", "-y", "python3-xapian"], ok=range(256)).returncode == 0 \
            and run(["/usr/bin/python3", "-c", "import xapian"], ok=range(256)).returncode == 0:
        return "/usr/bin/python3"
    notes.append("Xapian skipped: python3-xapian could not be installed.")
    return None


# --- corpora and queries ------------------------------------------------------

def bbc_corpus():
    corpora = os.environ.get("NEWSDEX_CORPORA")
    folder = Path(corpora) / "bbc" if corpora else REPO.parent / "shared" / "corpora" / "bbc"
    if not folder.is_dir():
        raise StepFailed(f"no BBC corpus at {folder} (set NEWSDEX_CORPORA)")
    return folder


def corpus_for(size, work):
    if size == "bbc":
        return bbc_corpus()
    count = {"smoke": str(SMOKE_ARTICLES)}.get(size, size)
    folder = work / "corpora" / size
    log(f"generating the {size} corpus in {folder}")
    run([sys.executable, BENCH / "scale_corpus.py", count, folder, "--source", bbc_corpus()], capture=False)
    return folder


def smoke_queries(work):
    """The first query of each of SMOKE_CLASSES."""
    chosen = {}
    for cls, line in load_queries(BENCH / "queries.txt"):
        if cls in SMOKE_CLASSES:
            chosen.setdefault(cls, line)
    path = work / "queries-smoke.txt"
    path.write_text("".join(f"{cls}\t{line}\n" for cls, line in chosen.items()))
    return path


def cli_queries(queries_file):
    """One query per class, for the whole-process timings."""
    chosen = {}
    for cls, line in load_queries(queries_file):
        chosen.setdefault(cls, line)
    return list(chosen.items())


def newsdex_argv(line):
    """A query line as `newsdex search` arguments: flags and their values, then
    the query text as one argument (phrase quotes kept)."""
    flags, words = [], []
    tokens = iter(tokenize(line))
    for token in tokens:
        if token.startswith("--"):
            flags += [token, next(tokens).strip('"')]
        else:
            words.append(token)
    return flags + ([" ".join(words)] if words else [])


def ripgrep_command(line, corpus):
    """Brute force: lines (paragraphs) holding every word and phrase, whole
    words, any case, no stemming; a date filter cannot be applied."""
    words, _, _ = parse_query(line)
    stages = [f"rg -i -w -F --no-filename --no-line-number -- {shell_quote(w.strip(chr(34)))}" for w in words]
    stages[0] += f" {shell_quote(str(corpus))}"
    return ["sh", "-c", " | ".join(stages) + " > /dev/null"]


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def tantivy_cli_jsonl(corpus, path):
    """The corpus as tantivy-cli's input, one {"title", "body"} per line (not timed)."""
    with open(path, "w", encoding="utf-8") as out:
        for file in article_files(corpus):
            _, title, paragraphs = parse_article(read_text(file))
            out.write(json.dumps({"title": title, "body": "\n\n".join(paragraphs)}) + "\n")


TANTIVY_CLI_META = {
    "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
    "segments": [],
    "schema": [
        {"name": name, "type": "text", "options": {
            "indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"},
            "stored": True, "fast": False}}
        for name in ("title", "body")
    ],
    "opstamp": 0,
}


# --- measuring ----------------------------------------------------------------

def timed_index(command, index_path, prepare=None, *, time_file):
    """Runs an indexing command under /usr/bin/time -v into a fresh `index_path`
    (made ready by `prepare`, untimed): wall s, peak RSS MB, size MB."""
    remove_index(index_path)
    if prepare:
        prepare()
    # Write back what earlier systems left in the page cache now, untimed:
    # otherwise the next system's fsyncs wait for it (on ext4 a commit
    # flushes every file's pending data), and whoever runs after Xapian
    # pays for Xapian's writes.
    os.sync()
    started = time.perf_counter()
    shown = " ".join(str(c) for c in command)
    timer = subprocess.Popen([str(c) for c in ["/usr/bin/time", "-v", "-o", time_file] + command],
                             cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Sampled beside the process: a sampling loop that noticed the exit only
    # at its next tick added up to its 50 ms period to every wall time.
    peak_anon = []
    finished = threading.Event()
    sampler = threading.Thread(target=lambda: peak_anon.append(watch_anonymous_memory(timer, finished)))
    sampler.start()
    out, err = timer.communicate()
    wall = time.perf_counter() - started
    finished.set()
    sampler.join()
    anon_kb = peak_anon[0] if peak_anon else 0
    if timer.returncode != 0:
        raise StepFailed(f"`{shown}` exited {timer.returncode}: {(err or out).strip()[-2000:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_file.read_text()).group(1))
    return {"index_s": wall, "rss_mb": rss_kb / 1024, "anon_mb": anon_kb / 1024 if anon_kb else None,
            "size_mb": disk_size(index_path) / 2**20}


def remove_index(index_path):
    """Deletes an index folder or file, if there is one."""
    if index_path.is_dir():
        shutil.rmtree(index_path)
    elif index_path.exists():
        index_path.unlink()


def watch_anonymous_memory(timer, finished):
    """Peak anonymous memory (kB) of the process `/usr/bin/time` runs, sampled
    every 50 ms until `finished` is set. Peak RSS also counts the pages of memory-mapped
    index files the process has read, which the kernel can drop at will (Tantivy
    maps its segments, and a merge reads whole segments); anonymous memory is
    what the process itself allocated."""
    peak = 0
    while not finished.is_set():
        try:
            children = Path(f"/proc/{timer.pid}/task/{timer.pid}/children").read_text().split()
            for child in children:
                status = Path(f"/proc/{child}/status").read_text()
                found = re.search(r"RssAnon:\s+(\d+) kB", status)
                if found:
                    peak = max(peak, int(found.group(1)))
        except OSError:
            pass
        finished.wait(0.05)
    return peak


def disk_size(path):
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def latency(command, env=None):
    """Runs a query-list timer; its JSON lines, all samples and per-class samples."""
    result = run(command, env=env)
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if not rows:
        raise StepFailed(f"`{' '.join(map(str, command))}` printed no timings")
    return rows


def cli_times(make_command, queries, runs):
    """Whole-process wall times (ms) of each query's command, after one untimed run."""
    samples = []
    for _, line in queries:
        command = make_command(line)
        run(command, ok=(0, 1))
        for _ in range(runs):
            started = time.perf_counter()
            run(command, ok=(0, 1))
            samples.append((time.perf_counter() - started) * 1000)
    return samples


# Small corpora index in under a few seconds, where one run is mostly noise:
# each system indexes this many times, the systems taking turns so that a
# slow spell of the machine falls on all of them, and the median counts.
SMALL_CORPUS_ROUNDS = 7
SMALL_CORPUS = 20_000


def measure_systems(size, systems, articles, args, time_file, cli):
    """Times each system's indexing (in turns, several rounds on a small
    corpus; the index of the last round stays), then its queries and CLI."""
    rounds = SMALL_CORPUS_ROUNDS if articles < SMALL_CORPUS and not args.smoke else 1
    index_runs = {name: [] for name, index, _, _ in systems if index}
    for round_number in range(rounds):
        for name, index, queries, cli_command in systems:
            if index:
                log(f"{size}: {name} index{f' (round {round_number + 1} of {rounds})' if rounds > 1 else ''}")
                index_runs[name].append(timed_index(*index, time_file=time_file))
                if round_number == rounds - 1 and not queries and not cli_command:
                    # Measured, and read by nothing else: at 1M such an index is
                    # gigabytes, and a run once filled the disk before its last system.
                    remove_index(index[1])
    results = {}
    for name, index, queries, cli_command in systems:
        log(f"{size}: {name}")
        row = {"articles": articles}
        if index:
            runs = sorted(index_runs[name], key=lambda measured: measured["index_s"])
            row.update(runs[len(runs) // 2])
            row["articles_s"] = articles / row["index_s"]
        if queries:
            row["queries"] = latency(*queries)
        if cli_command:
            row["cli_ms"] = cli_times(cli_command, cli, args.cli_runs)
        results[name] = row
    return results


def measure_size(size, args, tools, work, queries_file, notes):
    corpus = corpus_for(size, work)
    articles = len(article_files(corpus))
    indexes = work / "indexes" / size
    indexes.mkdir(parents=True, exist_ok=True)
    time_file = work / "time.txt"
    repeat, warmup = str(args.repeat), str(args.warmup)
    cli = cli_queries(queries_file)
    systems = []

    def system(name, index=None, queries=None, cli_command=None):
        systems.append((name, index, queries, cli_command))

    newsdex, bench_exe = tools["newsdex"], tools["bench"]
    idx = indexes / "newsdex"
    system("newsdex",
           index=([newsdex, "index", corpus, "--index", idx, "--rebuild", "--quiet", "--threads", NPROC,
                   "--memory", MEMORY_MB], idx),
           queries=([bench_exe, idx, queries_file, repeat, warmup],),
           cli_command=lambda line: [newsdex, "search", "--index", idx] + newsdex_argv(line))
    idx_plain = indexes / "newsdex-no-extract"
    system("newsdex --no-extract",
           index=([newsdex, "index", corpus, "--index", idx_plain, "--rebuild", "--quiet", "--no-extract",
                   "--threads", NPROC, "--memory", MEMORY_MB], idx_plain))
    peer, idx_peer = tools["peer"], indexes / "tantivy-peer"
    system("tantivy-peer",
           index=([peer, "index", corpus, idx_peer, NPROC, MEMORY_MB], idx_peer),
           queries=([peer, "query", idx_peer, queries_file, repeat, warmup],),
           cli_command=lambda line: [peer, "search", idx_peer, line])
    if tools["tantivy-cli"]:
        jsonl, idx_cli = work / f"{size}.jsonl", indexes / "tantivy-cli"
        tantivy_cli_jsonl(corpus, jsonl)

        def create_cli_index():
            idx_cli.mkdir()
            (idx_cli / "meta.json").write_text(json.dumps(TANTIVY_CLI_META))

        system("tantivy-cli",
               index=([tools["tantivy-cli"], "index", "-i", idx_cli, "-f", jsonl, "-t", NPROC,
                       "-m", MEMORY_MB << 20], idx_cli, create_cli_index))
    db = indexes / "sqlite.db"
    script = BENCH / "sqlite_peer.py"
    system("sqlite-fts5",
           index=([sys.executable, script, "index", corpus, db], db),
           queries=([sys.executable, script, "query", db, queries_file, repeat, warmup],),
           cli_command=lambda line: [sys.executable, script, "search", db, line])
    if tools["xapian"] and articles > args.xapian_max:
        notes.append(f"Xapian skipped at {size} ({articles:,} articles, over --xapian-max "
                     f"{args.xapian_max:,}): it indexes about 700 articles/s here.")
    elif tools["xapian"]:
        xdb, script_x, py = indexes / "xapian", BENCH / "xapian_peer.py", tools["xapian"]
        system("xapian",
               index=([py, script_x, "index", corpus, xdb], xdb),
               queries=([py, script_x, "query", xdb, queries_file, repeat, warmup],),
               cli_command=lambda line: [py, script_x, "search", xdb, line])
    system("ripgrep", cli_command=lambda line: ripgrep_command(line, corpus))
    results = measure_systems(size, systems, articles, args, time_file, cli)
    if tools["tantivy-cli"]:
        (work / f"{size}.jsonl").unlink(missing_ok=True)
    # A million articles and their indexes fill tens of GB: keep none of it.
    shutil.rmtree(indexes, ignore_errors=True)
    if size != "bbc":
        shutil.rmtree(corpus, ignore_errors=True)
    return results


# --- reporting ----------------------------------------------------------------

def machine():
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return f"{NPROC} CPUs ({model}), {mem / 2**20:.1f} GiB memory, {platform.system()} {platform.release()}"


def lock_version(lock, name):
    text = lock.read_text() if lock.exists() else ""
    found = re.search(rf'name = "{re.escape(name)}"\nversion = "([^"]+)"', text)
    return found.group(1) if found else "?"


def versions(tools, cache):
    def output(command):
        try:
            return run(command).stdout.strip().splitlines()[0]
        except (StepFailed, OSError, IndexError):
            return "?"
    commit = output(["git", "rev-parse", "--short", "HEAD"])
    dirty = run(["git", "status", "--porcelain", "--", "src", "Cargo.toml"]).stdout.strip()
    items = [
        ("newsdex", f"{commit}{' + uncommitted changes in src/' if dirty else ''}"),
        ("rustc", output(["rustc", "--version"])),
        ("tantivy (newsdex)", lock_version(REPO / "Cargo.lock", "tantivy")),
        ("tantivy (peer)", lock_version(BENCH / "peer" / "Cargo.lock", "tantivy")),
        ("SQLite", f"{sqlite3.sqlite_version} (Python {platform.python_version()})"),
        ("ripgrep", output(["rg", "--version"])),
    ]
    crates = cache / "tantivy-cli" / ".crates.toml"
    if tools["tantivy-cli"] and crates.exists():
        found = re.search(r'"tantivy-cli ([^ ]+)', crates.read_text())
        items.append(("tantivy-cli", found.group(1) if found else "?"))
    if tools["xapian"]:
        items.append(("Xapian", output([tools["xapian"], "-c", "import xapian; print(xapian.version_string())"])))
    return items


def ms(us):
    return us / 1000


def query_stats(rows, cls=None):
    samples = [s for r in rows if cls is None or r["class"] == cls for s in r["samples_us"]]
    return percentiles(samples) if samples else None


def fmt(value, digits=1):
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def ratio(ours, theirs):
    if ours is None or theirs is None or theirs == 0:
        return "—"
    return f"{ours / theirs:.2f}×"


def targets(all_results):
    """The targets of issues #4 and #5, checked against this run's figures."""
    rows = []

    def check(target, shown, met):
        rows.append(f"| {target} | {shown} | {'yes' if met else 'no'} |")

    def get(size, system, key):
        return all_results.get(size, {}).get(system, {}).get(key)

    def p50_p95(size, system):
        row = all_results.get(size, {}).get(system, {})
        return query_stats(row["queries"]) if "queries" in row else None

    for size in all_results:
        ours, plain = get(size, "newsdex", "index_s"), get(size, "newsdex --no-extract", "index_s")
        if ours and plain:
            check(f"{size}: extraction slows indexing ≤ 1.5× (#4)", f"{ours:.2f} s vs {plain:.2f} s "
                  f"`--no-extract` = {ours / plain:.2f}×", ours <= 1.5 * plain)
    if "bbc" in all_results:
        ours, peer, fts = (get("bbc", s, "index_s") for s in ("newsdex", "tantivy-peer", "sqlite-fts5"))
        if ours and peer:
            check("bbc: index with extraction ≤ 1.5× the Tantivy peer", f"{ours:.2f} s vs {peer:.2f} s = "
                  f"{ours / peer:.2f}×", ours <= 1.5 * peer)
        if ours and fts:
            check("bbc: index faster than SQLite FTS5", f"{ours:.2f} s vs {fts:.2f} s", ours < fts)
    if "1m" in all_results:
        ours, cli = get("1m", "newsdex", "index_s"), get("1m", "tantivy-cli", "index_s")
        if ours and cli:
            check("1m: indexing within 1.5× of tantivy-cli", f"{ours:.0f} s vs {cli:.0f} s = {ours / cli:.2f}×",
                  ours <= 1.5 * cli)
        rss, anon = get("1m", "newsdex", "rss_mb"), get("1m", "newsdex", "anon_mb")
        if rss:
            check("1m: peak RSS ≤ 1 GiB", f"{rss:,.0f} MB (anonymous memory {anon or 0:,.0f} MB)", rss <= 1024)
    rates = [(size, get(size, "newsdex", "articles_s")) for size in ("10k", "100k", "1m")]
    rates = [(size, rate) for size, rate in rates if rate]
    if len(rates) >= 2:
        values = [rate for _, rate in rates]
        check("articles/s flat from 10k to 1M (no quadratic step)",
              " / ".join(f"{size} {rate:,.0f}" for size, rate in rates), min(values) >= 0.6 * max(values))
    limits = {"bbc": 0.2, "100k": 0.6, "1m": 2.0}
    for size in all_results:
        stats = p50_p95(size, "newsdex")
        if not stats:
            continue
        p50, p95 = ms(stats[0]), ms(stats[1])
        peers = [(name, p50_p95(size, name)) for name in all_results[size] if name != "newsdex"]
        peers = [(name, ms(q[0])) for name, q in peers if q]
        fastest = min(peers, key=lambda peer: peer[1]) if peers else None
        below = fastest is None or p50 < fastest[1]
        if size in limits:
            shown = f"{p50:.2f} ms" + (f" (fastest peer: {fastest[0]} {fastest[1]:.2f})" if fastest else "")
            check(f"{size}: query p50 ≤ {limits[size]} ms and below every peer", shown,
                  p50 <= limits[size] and below)
        check(f"{size}: query p95 ≤ 3× p50", f"{p95:.2f} / {p50:.2f} ms = {p95 / p50:.1f}×", p95 <= 3 * p50)
    for size, limit in (("bbc", 4.0), ("1m", 8.0)):
        cli = get(size, "newsdex", "cli_ms")
        if cli:
            check(f"{size}: CLI search ≤ {limit:g} ms", f"{statistics.median(cli):.1f} ms", statistics.median(cli) <= limit)
    if not rows:
        return []
    return ["## Targets against this run", "",
            "Checked by the script from the tables below (issue #5, and #4's extraction overhead).", "",
            "| target | this run | met? |", "|---|---|---|"] + rows + [""]


def report(all_results, args, tools, cache, notes, queries_file):
    lines = ["# Benchmarks", ""]
    lines += [f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by "
              f"`python3 bench/run.py {'--smoke' if args.smoke else '--sizes ' + args.sizes}`.", ""]
    lines += [f"- Machine: {machine()}"]
    lines += [f"- {name}: {value}" for name, value in versions(tools, cache)]
    lines += [f"- Queries: {len(load_queries(queries_file))} from `bench/queries.txt`"
              f"{' (smoke subset)' if args.smoke else ''}, each run {args.repeat} times in-process after "
              f"{args.warmup} warm-up pass{'es' if args.warmup != 1 else ''} over the list; CLI: one query per class, {args.cli_runs} runs each.",
              f"- Indexing: {NPROC} threads and a {MEMORY_MB} MB writer budget wherever the system takes them; "
              f"on corpora under {SMALL_CORPUS:,} articles each system indexes {SMALL_CORPUS_ROUNDS} times, "
              "the systems taking turns, and the median run is shown.", ""]
    if not args.smoke:
        lines += targets(all_results)
    for size, results in all_results.items():
        ours = results["newsdex"]
        articles = ours["articles"]
        lines += [f"## {size}: {articles:,} articles", "", "### newsdex / other (below 1× newsdex is faster, smaller or leaner)", ""]
        lines += ["| peer | index time | peak RSS | index size | query p50 | query p95 | CLI search p50 |",
                  "|---|---|---|---|---|---|---|"]
        our_q = query_stats(ours["queries"])
        our_cli = statistics.median(ours["cli_ms"])
        for name, row in results.items():
            if name == "newsdex":
                continue
            q = query_stats(row["queries"]) if "queries" in row else None
            cli = statistics.median(row["cli_ms"]) if "cli_ms" in row else None
            lines.append(f"| {name} | {ratio(ours['index_s'], row.get('index_s'))} "
                         f"| {ratio(ours['rss_mb'], row.get('rss_mb'))} | {ratio(ours['size_mb'], row.get('size_mb'))} "
                         f"| {ratio(our_q[0], q[0] if q else None)} | {ratio(our_q[1], q[1] if q else None)} "
                         f"| {ratio(our_cli, cli)} |")
        lines += ["", "### Figures", ""]
        lines += ["| system | index s | articles/s | peak RSS MB | peak anon MB | index MB | query p50 ms "
                  "| query p95 ms | query max ms | CLI search p50 ms |", "|---|---|---|---|---|---|---|---|---|---|"]
        for name, row in results.items():
            q = query_stats(row["queries"]) if "queries" in row else (None, None, None)
            cli = statistics.median(row["cli_ms"]) if "cli_ms" in row else None
            lines.append(f"| {name} | {fmt(row.get('index_s'), 2)} | {fmt(row.get('articles_s'))} "
                         f"| {fmt(row.get('rss_mb'))} | {fmt(row.get('anon_mb'))} | {fmt(row.get('size_mb'))} "
                         f"| {fmt(q[0] and ms(q[0]), 2)} | {fmt(q[1] and ms(q[1]), 2)} | {fmt(q[2] and ms(q[2]), 2)} "
                         f"| {fmt(cli)} |")
        with_queries = [(n, r) for n, r in results.items() if "queries" in r]
        classes = list(dict.fromkeys(r["class"] for r in ours["queries"]))
        lines += ["", "### Query p50 / p95 by class (ms, in-process)", ""]
        lines += ["| class | " + " | ".join(n for n, _ in with_queries) + " |",
                  "|---|" + "---|" * len(with_queries)]
        for cls in classes:
            cells = []
            for _, row in with_queries:
                stats = query_stats(row["queries"], cls)
                cells.append(f"{ms(stats[0]):.2f} / {ms(stats[1]):.2f}" if stats else "—")
            lines.append(f"| {cls} | " + " | ".join(cells) + " |")
        lines += ["", "### Hits (mean top-10 hits per query; total matches, summed)", ""]
        lines += ["| system | hits | matches |", "|---|---|---|"]
        for name, row in with_queries:
            hits = statistics.mean(r["hits"] for r in row["queries"])
            lines.append(f"| {name} | {hits:.1f} | {sum(r['total'] for r in row['queries']):,} |")
        lines.append("")
    lines += ["## What each system does", "",
              "- **newsdex**: passages (paragraphs) ranked in tiers with speaker, entity and date filters; "
              "extraction at index time. `--no-extract` shows what extraction costs.",
              "- **tantivy-peer** (`bench/peer`): the same Tantivy, one document per article (title, body, "
              "`en_stem`, a published-day number), BM25 top 10 with a `SnippetGenerator` snippet and a count. "
              "A `--speaker` name becomes one more required word.",
              "- **tantivy-cli**: indexing only (its search prints every match unranked, without snippets); "
              "the JSON it reads is written beforehand, untimed.",
              "- **sqlite-fts5** (`bench/sqlite_peer.py`): an article table and an FTS5 passage table "
              "(Porter stemmer), bm25 top 10 with `snippet()` and a count; Python's sqlite3.",
              "- **xapian** (`bench/xapian_peer.py`): one document per article, English stemmer, BM25 top 10 "
              "with Xapian's snippets; Python bindings.",
              "- **ripgrep**: no index; per query a pipeline of `rg -i -w -F` keeping paragraphs with every word "
              "(no stemming, date filters ignored). Whole-process time only.",
              "",
              "The BBC corpus has no published dates, so date-filtered queries match nothing on it; "
              "generated corpora date every article.",
              "",
              "In-process latency covers parsing the query, ranking, counting matches and building the "
              "snippets; CLI time is a whole process as a user runs it (Python start-up included for the "
              "Python peers). The machine was shared with other builds, so absolute timings are noisy.", ""]
    if notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bbc,10k", help="comma-separated: bbc, 10k, 100k, 1m (default bbc,10k)")
    parser.add_argument("--smoke", action="store_true", help=f"{SMOKE_ARTICLES} generated articles, 3 queries")
    parser.add_argument("--repeat", type=int, help="timed runs per query (default 30, smoke 5)")
    parser.add_argument("--warmup", type=int, help="warm-up passes over the query list (default 3, smoke 1)")
    parser.add_argument("--cli-runs", type=int, help="runs per CLI query (default 20, smoke 3)")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "newsdex-bench",
                        help="corpora and indexes (default /tmp/newsdex-bench)")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "newsdex-bench",
                        help="peer builds (default ~/.cache/newsdex-bench)")
    parser.add_argument("--xapian-max", type=int, default=100_000,
                        help="largest corpus Xapian is run on (default 100000; it is slow to index)")
    parser.add_argument("--out", type=Path, help="Markdown report (default BENCHMARKS.md; smoke: in --work)")
    args = parser.parse_args()
    if args.smoke:
        args.sizes = "smoke"
    args.repeat = args.repeat or (5 if args.smoke else 30)
    args.warmup = args.warmup if args.warmup is not None else (1 if args.smoke else 3)
    args.cli_runs = args.cli_runs or (3 if args.smoke else 20)
    args.out = args.out or (args.work / "BENCHMARKS.md" if args.smoke else REPO / "BENCHMARKS.md")
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    for size in sizes:
        if size not in ("bbc", "smoke") and not re.fullmatch(r"\d+[km]?", size):
            parser.error(f"unknown size {size!r}: use bbc, 10k, 100k, 1m or a number")
    args.work.mkdir(parents=True, exist_ok=True)
    args.cache.mkdir(parents=True, exist_ok=True)

    notes = []
    try:
        tools = {"xapian": ensure_tools(notes)}
        tools["newsdex"], tools["bench"] = build_newsdex(args.work)
        tools["peer"] = build_peer(args.cache)
        tools["tantivy-cli"] = install_tantivy_cli(args.cache, args.smoke)
        if not tools["tantivy-cli"]:
            notes.append("tantivy-cli skipped in smoke mode: it is not built yet and takes minutes to build.")
        queries_file = smoke_queries(args.work) if args.smoke else BENCH / "queries.txt"
        results = {size: measure_size(size, args, tools, args.work, queries_file, notes) for size in sizes}
    except StepFailed as failure:
        print(f"bench: a step failed: {failure}", file=sys.stderr)
        return 1
    text = report(results, args, tools, args.cache, notes, queries_file)
    print(text)
    args.out.write_text(text)
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
