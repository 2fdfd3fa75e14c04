#!/usr/bin/env python3
"""Builds first_names_census.txt: given names from the 1990 US Census.

Source: the name-frequency files of the US Census Bureau (1990), public
domain, as shipped in the PyPI package `names` 0.3.0 (MIT, Trey Hunner):
`names/dist.male.first`, `names/dist.female.first` and `names/dist.all.last`.

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 src/extract/data/first_names_census.py /tmp/names/names-0.3.0/names \
        ../shared/corpora/bbc > src/extract/data/first_names_census.txt

A census name is kept when it is
- given to at least 0.007% of men or of women (rarer ones are mostly words
  and places: Delta, Santa, Roma, Venice);
- not more frequent as a surname than as a given name (Williams, Johnson);
- not on another of the extractor's lists (places, organisations, demonyms,
  months, days, titles, organisation and place words, words that are never
  names, sentence starters), parsed from `places.txt`, `organizations.txt`,
  `demonyms.txt` and `lexicon.rs`;
- not written in lower case twice or more in the corpus given as the second
  argument (a word before it is a name: May, Hope, Grant, Will);
- not already in the hand-written `first_names.txt`, which takes precedence.

Gender is the list the name is at least four times as frequent in, else `u`.
Only names are written out, never text from the corpus.
"""

import collections
import os
import re
import sys

import lists

MIN_PERCENT = 0.007
HERE = os.path.dirname(os.path.abspath(__file__))


def frequencies(path):
    table = {}
    with open(path, encoding="ascii") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) >= 2:
                table[fields[0].capitalize()] = float(fields[1])
    return table


def listed_words():
    words = set()
    for name in ("places.txt", "organizations.txt", "demonyms.txt"):
        for entry in lists.entries(name):
            words.update(entry.split())
    with open(os.path.join(HERE, "..", "lexicon.rs"), encoding="utf-8") as source:
        rust = source.read()
    for const in (
        "HONORIFICS",
        "ROLE_TITLES",
        "ROLE_NOUNS",
        "ORG_WORDS",
        "PLACE_WORDS",
        "NOT_NAMES",
        "SENTENCE_STARTERS",
        "MONTHS",
        "WEEKDAYS",
    ):
        match = re.search(r"const " + const + r"\b[^=]*=\s*&\[(.*?)\];", rust, re.S)
        if match is None:
            sys.exit(f"lexicon.rs has no list {const}")
        for word in re.findall(r'"([^"]+)"', match.group(1)):
            words.update((word, word.capitalize()))
    return words


def lower_case_counts(corpus):
    counts = collections.Counter()
    for root, _, files in os.walk(corpus):
        for name in files:
            with open(os.path.join(root, name), encoding="utf-8", errors="replace") as text:
                counts.update(w for w in re.findall(r"[a-z]+", text.read()))
    return counts


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    census, corpus = sys.argv[1], sys.argv[2]
    male = frequencies(os.path.join(census, "dist.male.first"))
    female = frequencies(os.path.join(census, "dist.female.first"))
    surnames = frequencies(os.path.join(census, "dist.all.last"))
    with open(os.path.join(HERE, "first_names.txt"), encoding="utf-8") as lines:
        hand = {l.split()[0] for l in lines if l.strip() and not l.startswith("#")}
    listed = listed_words()
    lower = lower_case_counts(corpus)
    print("# Given names from the 1990 US Census (public domain), via the PyPI")
    print("# package `names` 0.3.0 (MIT); built by first_names_census.py, which")
    print("# says how they were chosen. Name m|f|u, as in first_names.txt.")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < MIN_PERCENT or surnames.get(name, 0.0) > max(m, f):
            continue
        if name in hand or name in listed or lower[name.lower()] >= 2:
            continue
        gender = "m" if m >= 4 * f else "f" if f >= 4 * m else "u"
        print(f"{name} {gender}")


if __name__ == "__main__":
    main()
