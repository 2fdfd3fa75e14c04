#!/usr/bin/env python3
"""SQLite FTS5 as a peer: article rows and passage rows, bm25 and snippet().

    sqlite_peer.py index CORPUS DB
    sqlite_peer.py query DB QUERIES [REPEAT] [WARMUP]   # one JSON line per query
    sqlite_peer.py search DB [--since D] [--speaker NAME] WORDS...

`articles` is a plain table (path, title, published); `passages` is an FTS5
table (title, body) with the Porter stemmer, one row per paragraph, as newsdex
ranks paragraphs. A query is the top 10 passages by bm25 (title weighted 3)
with a snippet of the body, and the count of all matching passages.
"""

import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import article_files, read_text, load_queries, parse_article, parse_query, time_queries  # noqa: E402


def index(corpus, db):
    started = time.perf_counter()
    Path(db).unlink(missing_ok=True)
    con = sqlite3.connect(db)
    con.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT, title TEXT, published TEXT);
        CREATE INDEX articles_published ON articles (published);
        CREATE VIRTUAL TABLE passages USING fts5 (title, body, article UNINDEXED, tokenize = 'porter unicode61');
    """)
    count = 0
    with con:
        for number, path in enumerate(article_files(corpus)):
            try:
                text = read_text(path)
            except OSError:
                continue
            published, title, paragraphs = parse_article(text)
            con.execute("INSERT INTO articles VALUES (?, ?, ?, ?)", (number, str(path), title, published))
            con.executemany("INSERT INTO passages (title, body, article) VALUES (?, ?, ?)",
                            [(title, p, number) for p in paragraphs])
            count += 1
        con.execute("INSERT INTO passages (passages) VALUES ('optimize')")
    con.close()
    print(f"indexed {count} articles in {time.perf_counter() - started:.2f} s", file=sys.stderr)


def fts_query(words):
    """FTS5 syntax for the words: every word and phrase quoted, all required."""
    return " ".join('"' + w.strip('"').replace('"', '""') + '"' for w in words)


def searcher(db):
    con = sqlite3.connect(db)

    def run(line, show=False):
        words, since, until = parse_query(line)
        where, params = "passages MATCH ?", [fts_query(words)]
        if since:
            where, params = where + " AND a.published >= ?", params + [since]
        if until:
            where, params = where + " AND a.published <= ?", params + [until]
        rows = con.execute(
            "SELECT a.title, a.published, snippet(passages, 1, '[', ']', '…', 48), bm25(passages, 3.0, 1.0) AS score "
            f"FROM passages JOIN articles a ON a.id = passages.article WHERE {where} ORDER BY score LIMIT 10",
            params).fetchall()
        total = con.execute(
            f"SELECT count(*) FROM passages JOIN articles a ON a.id = passages.article WHERE {where}",
            params).fetchone()[0]
        if show:
            print(f"{total} matching passages")
            for title, published, snippet, score in rows:
                print(f"{-score:.3f}  {published or '-'}  {title}\n    {snippet}")
        return len(rows), total

    return run


def main():
    args = sys.argv[1:]
    if args[:1] == ["index"] and len(args) == 3:
        index(args[1], args[2])
    elif args[:1] == ["query"] and len(args) >= 3:
        repeat, warmup = (int(a) for a in (args[3:] + ["30", "3"])[:2])
        time_queries("sqlite-fts5", load_queries(args[2]), searcher(args[1]), repeat, warmup)
    elif args[:1] == ["search"] and len(args) >= 3:
        searcher(args[1])(" ".join(args[2:]), show=True)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
