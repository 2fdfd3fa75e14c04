#!/usr/bin/env python3
"""Xapian (Debian's python3-xapian) as a peer: one document per article.

    xapian_peer.py index CORPUS DB
    xapian_peer.py query DB QUERIES [REPEAT] [WARMUP]   # one JSON line per query
    xapian_peer.py search DB [--since D] [--speaker NAME] WORDS...

Title (weight 3) and body are indexed with the English stemmer; the published
day is value 0 (`YYYY-MM-DD`). A query is every word required (phrases kept),
the top 10 articles by BM25 with Xapian's own snippet of the body.
"""

import json
import sys
import time
from pathlib import Path

import xapian

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import article_files, read_text, load_queries, parse_article, parse_query, time_queries  # noqa: E402

PUBLISHED = 0


def index(corpus, db):
    started = time.perf_counter()
    database = xapian.WritableDatabase(db, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("english"))
    count = 0
    for path in article_files(corpus):
        try:
            text = read_text(path)
        except OSError:
            continue
        published, title, paragraphs = parse_article(text)
        body = "\n\n".join(paragraphs)
        document = xapian.Document()
        generator.set_document(document)
        generator.index_text(title, 3)
        generator.increase_termpos()
        generator.index_text(body)
        document.set_data(json.dumps({"path": str(path), "title": title, "body": body}))
        if published:
            document.add_value(PUBLISHED, published)
        database.add_document(document)
        count += 1
    database.commit()
    database.close()
    print(f"indexed {count} articles in {time.perf_counter() - started:.2f} s", file=sys.stderr)


def searcher(db):
    database = xapian.Database(db)
    stemmer = xapian.Stem("english")
    parser = xapian.QueryParser()
    parser.set_stemmer(stemmer)
    parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    parser.set_default_op(xapian.Query.OP_AND)
    parser.set_database(database)

    def run(line, show=False):
        words, since, until = parse_query(line)
        query = parser.parse_query(" ".join(words), xapian.QueryParser.FLAG_PHRASE)
        if since or until:
            dates = xapian.Query(xapian.Query.OP_VALUE_RANGE, PUBLISHED, since or "0000", until or "9999")
            query = xapian.Query(xapian.Query.OP_FILTER, query, dates)
        enquire = xapian.Enquire(database)
        enquire.set_query(query)
        matches = enquire.get_mset(0, 10)
        hits = 0
        for match in matches:
            data = json.loads(match.document.get_data())
            snippet = matches.snippet(data["body"], 320, stemmer).decode("utf-8", "replace")
            hits += 1
            if show:
                print(f"{match.weight:.3f}  {data['title']}\n    {snippet}")
        return hits, matches.get_matches_estimated()

    return run


def main():
    args = sys.argv[1:]
    if args[:1] == ["index"] and len(args) == 3:
        index(args[1], args[2])
    elif args[:1] == ["query"] and len(args) >= 3:
        repeat, warmup = (int(a) for a in (args[3:] + ["30", "3"])[:2])
        time_queries("xapian", load_queries(args[2]), searcher(args[1]), repeat, warmup)
    elif args[:1] == ["search"] and len(args) >= 3:
        searcher(args[1])(" ".join(args[2:]), show=True)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
