#!/usr/bin/env python3
"""Sanity checks for tests/gold/extraction.jsonl, second.jsonl, third.jsonl, fourth.jsonl, fifth.jsonl, sixth.jsonl, seventh.jsonl, eighth.jsonl, ninth.jsonl and tenth.jsonl (see README.md).

Usage: python3 tests/gold/validate.py [CORPUS_ROOT]   (default /work/shared/corpora)
Errors: unparsable line, missing path, duplicate path, missing/extra keys, duplicate
entries in a list (case-insensitive), speaker not in persons, org speaker not in
organizations, date text not found verbatim in the article, malformed ISO date.
Warnings (expected for canonicalised names): a name that does not occur verbatim.
"""
import json, os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
here = os.path.dirname(os.path.abspath(__file__))
KEYS = {"path", "speakers", "org_speakers", "persons", "organizations", "places", "dates"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")
errors, warnings, seen = [], [], set()
lines = []
for gold_file in ("extraction.jsonl", "second.jsonl", "third.jsonl", "fourth.jsonl", "fifth.jsonl", "sixth.jsonl", "seventh.jsonl", "eighth.jsonl", "ninth.jsonl", "tenth.jsonl"):
    with open(os.path.join(here, gold_file), encoding="utf-8") as f:
        lines += [(f"{gold_file}:{n}", line) for n, line in enumerate(f, 1)]
for n, line in lines:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"line {n}: {e}"); continue
    p = rec.get("path")
    if set(rec) != KEYS:
        errors.append(f"line {n}: keys {sorted(rec)}")
    full = os.path.join(root, p or "")
    if not p or not os.path.isfile(full):
        errors.append(f"line {n}: missing file {p}"); continue
    if p in seen:
        errors.append(f"line {n}: duplicate path {p}")
    seen.add(p)
    text = open(full, encoding="utf-8").read()
    for k in ("speakers", "org_speakers", "persons", "organizations", "places"):
        low = [x.lower() for x in rec[k]]
        if len(set(low)) != len(low):
            errors.append(f"{p}: duplicate in {k}")
        for x in rec[k]:
            if x not in text:
                warnings.append(f"{p}: {k} '{x}' not verbatim (canonicalised?)")
    for s in rec["speakers"]:
        if s not in rec["persons"]:
            errors.append(f"{p}: speaker {s} not in persons")
    for s in rec["org_speakers"]:
        if s not in rec["organizations"]:
            errors.append(f"{p}: org speaker {s} not in organizations")
    dl = [d["text"].lower() for d in rec["dates"]]
    if len(set(dl)) != len(dl):
        errors.append(f"{p}: duplicate date text")
    for d in rec["dates"]:
        if set(d) != {"text", "date"}:
            errors.append(f"{p}: date keys {sorted(d)}")
        if d["text"] not in text:
            errors.append(f"{p}: date text '{d['text']}' not in article")
        if d["date"] is not None and not ISO.match(d["date"]):
            errors.append(f"{p}: bad ISO date {d['date']}")
        if p.startswith("bbc/") and d["date"] is not None and not re.search(r"\d{4}", d["text"]):
            errors.append(f"{p}: BBC date without a year resolved: {d}")
for w in warnings:
    print("warning:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(seen)} articles, {len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
