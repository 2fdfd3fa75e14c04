"""What the Python peers share: reading the bundled .txt articles, reading the
query list, and timing queries the same way the Rust programs do."""

import json
import math
import os
import time
from pathlib import Path

HEADER_KEYS = {"date", "published", "author", "url", "source"}


def article_files(corpus):
    """`.txt` files under `corpus`, sorted, skipping what newsdex skips."""
    found = []
    for folder, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            lower = name.lower()
            if lower.startswith((".", "readme", "license", "licence")) or not lower.endswith(".txt"):
                continue
            found.append(Path(folder) / name)
    return sorted(found)


def read_text(path):
    """A file's text: UTF-8, else Latin-1 (one BBC file has a stray byte)."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_article(text):
    """(published `YYYY-MM-DD` or None, title, paragraphs) of the bundled .txt format."""
    lines = text.replace("\r\n", "\n").lstrip().split("\n")
    published = None
    while lines and ":" in lines[0]:
        key, value = lines[0].split(":", 1)
        if key.strip().lower() not in HEADER_KEYS:
            break
        if key.strip().lower() in ("date", "published"):
            span = day_span(value.strip()[:10])
            published = span[0] if span else None
        lines.pop(0)
    blocks = [" ".join(b.split()) for b in "\n".join(lines).split("\n\n")]
    blocks = [b for b in blocks if b]
    if not blocks:
        return published, "", []
    return published, blocks[0], blocks[1:]


def day_span(text):
    """`2005`, `2005-11` or `2005-11-26` as its first and last day, ISO strings."""
    parts = text.split("-")
    if not all(p.isdigit() for p in parts):
        return None
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-01", f"{parts[0]}-{parts[1]}-31"
    if len(parts) == 3:
        return text, text
    return None


def tokenize(line):
    """Splits on spaces, keeping `"quoted phrases"` whole with their quotes."""
    tokens, current, quoted = [], "", False
    for c in line:
        if c == '"':
            quoted = not quoted
        if c.isspace() and not quoted:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += c
    if current:
        tokens.append(current)
    return tokens


def parse_query(line):
    """A query line as a plain engine can take it: the words and phrases (a
    `--speaker` or `--entity` name becomes one more required word) and the
    published-date bounds."""
    words, since, until = [], None, None
    tokens = iter(tokenize(line))
    for token in tokens:
        if not token.startswith("--"):
            words.append(token)
            continue
        value = next(tokens).strip('"')
        if token in ("--speaker", "--entity"):
            words.append(value)
        elif token == "--since":
            since = day_span(value)[0]
        elif token == "--until":
            until = day_span(value)[1]
        else:
            raise ValueError(f"unknown flag {token} in query line {line!r}")
    return words, since, until


def load_queries(path):
    """(class, query line) pairs of a query list file."""
    queries = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, _, query = line.partition("\t") if "\t" in line else ("other", "", line)
        queries.append((cls, query.strip()))
    return queries


def percentiles(samples):
    """Median, 95th percentile (nearest rank) and maximum."""
    ordered = sorted(samples)
    rank = lambda p: ordered[min(max(math.ceil(p * len(ordered)), 1), len(ordered)) - 1]
    return rank(0.5), rank(0.95), ordered[-1]


def time_queries(system, queries, run, repeat, warmup):
    """Runs each query `repeat` times after `warmup` passes over the list and
    prints one JSON line per query; `run(line)` returns (hits, total)."""
    for _ in range(warmup):
        for _, line in queries:
            run(line)
    for cls, line in queries:
        samples, counts = [], (0, 0)
        for _ in range(max(repeat, 1)):
            started = time.perf_counter()
            counts = run(line)
            samples.append(int((time.perf_counter() - started) * 1e6))
        p50, p95, top = percentiles(samples)
        print(json.dumps({"system": system, "class": cls, "query": line, "hits": counts[0],
                          "total": counts[1], "samples_us": samples,
                          "p50_us": p50, "p95_us": p95, "max_us": top}), flush=True)
