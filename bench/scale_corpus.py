#!/usr/bin/env python3
"""Write N synthetic news articles in newsdex's .txt format, from real BBC text.

Each article takes a real title and real paragraphs sampled (with a fixed seed)
from one topic folder of the BBC corpus, and a published date between 2004 and
2026. Files are written one at a time, so memory stays flat whatever N is:

    OUT/b0000/business/0000000.txt ... OUT/b0999/tech/0999999.txt

A bucket folder holds 1,000 consecutive articles split by topic, so no folder
holds more than 1,000 files and newsdex still sees the topic as the category.
A hidden `.scale-done` stamp records the parameters; a second run with the same
ones does nothing, one with others starts the folder afresh.

    python3 bench/scale_corpus.py 10k /tmp/newsdex-bench/corpora/10k
"""

import argparse
import datetime
import os
import random
import shutil
import sys
from pathlib import Path

FIRST_DAY = datetime.date(2004, 1, 1)
LAST_DAY = datetime.date(2026, 10, 31)
BUCKET = 1000


def parse_count(text):
    """`10k`, `100k`, `1m` or a plain number."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(text[:-1] if scale > 1 else text) * scale


def default_source():
    corpora = os.environ.get("NEWSDEX_CORPORA")
    if corpora:
        return Path(corpora) / "bbc"
    return Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bbc"


def load_topics(source):
    """Topic name -> (titles, paragraphs, paragraph counts), in a stable order."""
    topics = {}
    for path in sorted(source.rglob("*.txt")):
        if path.name.lower().startswith(("readme", "license", ".")):
            continue
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")  # one BBC file has a stray byte
        blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
        if len(blocks) < 2:
            continue
        titles, paragraphs, counts = topics.setdefault(path.parent.name, ([], [], []))
        titles.append(blocks[0].splitlines()[0].strip())
        paragraphs.extend(" ".join(b.split()) for b in blocks[1:])
        counts.append(len(blocks) - 1)
    if not topics:
        sys.exit(f"scale_corpus: no articles under {source}")
    return dict(sorted(topics.items()))


def generate(count, out, source, seed):
    stamp = out / ".scale-done"
    params = f"count={count} seed={seed} source={source.resolve()}\n"
    if stamp.exists() and stamp.read_text() == params:
        print(f"{out}: {count} articles already there", file=sys.stderr)
        return
    if out.exists() and any(out.iterdir()):
        if not (out / ".scale-started").exists():
            sys.exit(f"scale_corpus: {out} holds other files; give an empty or new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / ".scale-started").write_text(params)
    topics = load_topics(source)
    names = list(topics)
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    made = set()
    for number in range(count):
        topic = names[rng.randrange(len(names))]
        titles, paragraphs, counts = topics[topic]
        title = titles[rng.randrange(len(titles))]
        length = counts[rng.randrange(len(counts))]
        body = [paragraphs[rng.randrange(len(paragraphs))] for _ in range(length)]
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(span + 1))
        folder = out / f"b{number // BUCKET:04d}" / topic
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
            if len(made) > 4 * len(names):
                made.clear()
        text = f"Date: {day.isoformat()}\n\n{title}\n\n" + "\n\n".join(body) + "\n"
        (folder / f"{number:07d}.txt").write_text(text, encoding="utf-8")
        if number and number % 100_000 == 0:
            print(f"{out}: {number} articles", file=sys.stderr)
    stamp.write_text(params)
    print(f"{out}: wrote {count} articles", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", help="articles to write: 10k, 100k, 1m or a number")
    parser.add_argument("out", type=Path, help="folder to write them into")
    parser.add_argument("--source", type=Path, default=default_source(),
                        help="BBC corpus folder (default: $NEWSDEX_CORPORA/bbc or ../shared/corpora/bbc)")
    parser.add_argument("--seed", type=int, default=2004)
    args = parser.parse_args()
    generate(parse_count(args.count), args.out, args.source, args.seed)


if __name__ == "__main__":
    main()
