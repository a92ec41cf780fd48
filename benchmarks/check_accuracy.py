"""How right `factcheck check` is on news it has never seen: false alarms and quote faults.

    python benchmarks/check_accuracy.py [DATA]      (DATA defaults to ../shared/data)

Uses fundus-en-news (58 English news articles by 58 publishers; gold body paragraphs; see its
README). The articles' title and paragraphs are indexed as the sources, then:

1. Self-check: each article is checked as a draft against the index. Every sentence is in the
   sources word for word, so every error-severity finding is a false alarm. Reported per 100
   sentences, with the kinds.
2. Quote faults: for each stored quote of 5+ words with a named speaker, four one-line drafts:
   the quote as said (expect exact-quote), with "…" for a middle stretch (exact-quote), with one
   content word replaced (misquote), and attributed to a speaker from another article
   (misattributed). Reported as the share of each that gets the expected kind.

The articles are split by publisher name (sorted; even positions dev, odd positions test).
Nothing in factcheck was tuned on this data; both splits are shown.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPLACEMENTS = ["banana", "purple", "seventeen", "violin", "glacier", "lantern", "velvet", "orchard"]


def load(data: Path) -> list[dict]:
    rows = [json.loads(line) for line in (data / "fundus-en-news" / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted(rows, key=lambda r: r["publisher_id"])


def write_sources(rows: list[dict], folder: Path) -> dict[str, str]:
    """Write each article as a text file (title, blank line, paragraphs); return path -> split."""
    split = {}
    for i, row in enumerate(rows):
        gold = row["gold"]
        path = folder / f"{row['publisher_id']}.txt"
        path.write_text(f"{gold['title']}\n\n" + "\n\n".join(gold["paragraphs"]) + "\n", encoding="utf-8")
        split[str(path)] = "dev" if i % 2 == 0 else "test"
    return split


def self_check(store, split: dict[str, str]) -> None:
    from factcheck.draft import check_file

    print("1. self-check (every sentence is in the sources word for word)")
    print("| split | articles | sentences | checked | errors | errors / 100 sentences | error kinds | warnings |")
    print("|---|---:|---:|---:|---:|---:|---|---:|")
    examples = []
    for part in ("dev", "test"):
        n = sentences = checked = warnings = 0
        kinds: Counter[str] = Counter()
        for path, s in split.items():
            if s != part:
                continue
            report = check_file(store, path)
            n += 1
            sentences += report.sentences
            checked += report.checked
            for f in report.findings:
                if f.severity == "error":
                    kinds[f.kind] += 1
                    if part == "dev" and len(examples) < 6:
                        examples.append(f"{os.path.basename(path)}:{f.line}: {f.kind}: {f.message[:150]}")
                warnings += f.severity == "warning"
        errors = sum(kinds.values())
        print(f"| {part} | {n} | {sentences} | {checked} | {errors} | {100 * errors / max(sentences, 1):.2f} | "
              f"{', '.join(f'{k} {v}' for k, v in kinds.most_common()) or '-'} | {warnings} |")
    if examples:
        print("\nexamples (dev):\n" + "\n".join("  " + e for e in examples))


def quote_faults(store, split: dict[str, str], seed: int) -> None:
    from factcheck.draft import check_text
    from factcheck.quotecheck import same_person
    from factcheck.text import STOP_WORDS, words

    rng = random.Random(seed)
    quotes = [q for q in store.quotes() if q.speaker and len(q.text.split()) >= 5 and len(q.speaker.split()) >= 2]
    # Names to misattribute to: clean two- or three-word names (some stored speakers are not).
    speakers = sorted({q.speaker for q in quotes if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", q.speaker)})
    results: dict[tuple[str, str], Counter[str]] = {}
    for q in quotes:
        part = split.get(q.source.path)
        if part is None:
            continue
        body = q.text.rstrip(" ,.;:")
        tokens = body.split()
        cases = [("as said", body, q.speaker, "exact-quote")]
        if len(tokens) >= 8:
            cases.append(("with …", " ".join(tokens[:3]) + " … " + " ".join(tokens[-3:]), q.speaker, "exact-quote"))
        content = [i for i, t in enumerate(tokens) if len(words(t)) == 1 and words(t)[0] not in STOP_WORDS
                   and len(words(t)[0]) >= 4]
        if content:
            changed = list(tokens)
            changed[rng.choice(content)] = rng.choice(REPLACEMENTS)
            cases.append(("word changed", " ".join(changed), q.speaker, "misquote"))
        others = [s for s in speakers if not same_person(s, q.speaker)]
        if others:
            cases.append(("wrong speaker", body, rng.choice(others), "misattributed"))
        for label, text, speaker, expected in cases:
            report = check_text(store, f"“{text},” {speaker} said.\n", "draft.md")
            kinds = [f.kind for f in report.findings if f.kind in
                     ("exact-quote", "misquote", "misattributed", "paraphrase-quoted", "unverified")]
            got = kinds[0] if kinds else "(none)"
            results.setdefault((part, label), Counter())[got == expected] += 1
            results.setdefault((part, label + " kinds"), Counter())[got] += 1
    print("\n2. quote faults (drafts made from the sources' own quotes)")
    print("| split | case | drafts | expected kind found | share | what it said otherwise |")
    print("|---|---|---:|---:|---:|---|")
    for part in ("dev", "test"):
        for label, expected in (("as said", "exact-quote"), ("with …", "exact-quote"), ("word changed", "misquote"),
                                ("wrong speaker", "misattributed")):
            c = results.get((part, label), Counter())
            total = c[True] + c[False]
            other = results.get((part, label + " kinds"), Counter())
            rest = ", ".join(f"{k} {v}" for k, v in other.most_common() if k != expected) or "-"
            print(f"| {part} | {label} (→ {expected}) | {total} | {c[True]} | {c[True] / max(total, 1):.3f} | {rest} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    data = Path(args.data)
    if not (data / "fundus-en-news" / "pages.jsonl").is_file():
        sys.exit(f"no fundus-en-news/pages.jsonl under {data}")

    from factcheck.ingest import index_paths
    from factcheck.store import open_index

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sources"
        folder.mkdir()
        split = write_sources(load(data), folder)
        report = index_paths(str(Path(tmp) / "idx"), [str(folder)])
        print(f"indexed {len(report.indexed)} articles: {report.passages} passages, {report.quotes} quotes\n")
        store = open_index(str(Path(tmp) / "idx"))
        self_check(store, split)
        quote_faults(store, split, args.seed)


if __name__ == "__main__":
    main()
