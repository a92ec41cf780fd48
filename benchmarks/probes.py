"""Passage stance probes on real news: a source's own sentences, and the same with a change.

    python benchmarks/probes.py [DATA] [--work DIR] [--limit N] [--errors N]

DATA defaults to ../shared/data. The HTML pages of `fundus-en-news` and `htmldate-en-news`
(108 real articles) are indexed with `factcheck.ingest.index_paths`; then their sentences
(8-35 words, no quotation marks) are verified against that index with `factcheck.verify`,
the same call the CLI makes, three ways:

- as they are: each should be `supported` (it is in the index word for word);
- with its first figure of two or more digits changed (n -> 3n + 7): `conflicting`
  (or `disputed`: another source may say the new figure);
- with "not" put after its first auxiliary verb (is, was, has, will, ...), for sentences
  that hold no negation: `conflicting` or `disputed`;
- with two of its words (5+ letters, no stop words) swapped for words of other sentences:
  anything but `supported` (the source does not say that).

The answers are known by construction, so no labels are needed; the texts are real. Sampling
is deterministic (random.Random(4) over the sorted sentences). Prints the verdict counts
per probe and, with --errors, examples of the misses.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does)\b")
_NEGATED = re.compile(r"\b(not|no|never|n't)\b|n’t")
_FIGURE = re.compile(r"\b\d{2,}\b")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
WANTED = {"as is": ("supported",), "figure changed": ("conflicting", "disputed"),
          "not inserted": ("conflicting", "disputed"), "two words swapped": ("conflicting", "disputed", "unverified")}


SETS = ("fundus-en-news", "htmldate-en-news")


def pages(data: str, sets: tuple[str, ...] = SETS) -> list[str]:
    out = []
    for name in sets:
        for root, _, files in os.walk(os.path.join(data, name, "pages")):
            out += [os.path.join(root, f) for f in files if ".htm" in f]
    return sorted(out)


def probes(texts: list[str], limit: int) -> dict[str, list[str]]:
    from factcheck.text import STOP_WORDS

    rng = random.Random(4)
    plain = [t for t in texts if 8 <= len(t.split()) <= 35 and not re.search(r"[\"“”]", t)]
    figures = [t for t in plain if _FIGURE.search(t) and not _YEAR.search(t)]
    negatable = [t for t in plain if _AUX.search(t) and not _NEGATED.search(t)]
    changed = []
    for t in rng.sample(figures, min(limit, len(figures))):
        m = _FIGURE.search(t)
        assert m is not None
        changed.append(t[:m.start()] + str(3 * int(m.group()) + 7) + t[m.end():])
    negated = []
    for t in rng.sample(negatable, min(limit, len(negatable))):
        m = _AUX.search(t)
        assert m is not None
        negated.append(t[:m.end()] + " not" + t[m.end():])
    as_is = rng.sample(plain, min(limit, len(plain)))
    vocab = sorted({w for t in plain for w in re.findall(r"\b[a-z]{6,}\b", t)})
    swapped = []
    for t in rng.sample(plain, min(limit, len(plain))):
        ws = t.split()
        slots = [i for i, w in enumerate(ws) if re.fullmatch(r"[a-z]{5,}", w) and w not in STOP_WORDS]
        for i in rng.sample(slots, min(2, len(slots))):
            ws[i] = rng.choice(vocab)
        swapped.append(" ".join(ws))
    return {"as is": as_is, "figure changed": changed, "not inserted": negated, "two words swapped": swapped}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--work", default=None, help="index folder (default: a temporary one)")
    ap.add_argument("--limit", type=int, default=400, help="sentences per probe")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses per probe")
    ap.add_argument("--set", choices=SETS, action="append", help="only these page sets (default: both)")
    args = ap.parse_args()
    from factcheck import open_index, verify
    from factcheck.ingest import index_paths
    from factcheck.models import Verdict

    files = pages(args.data, tuple(args.set or SETS))
    if not files:
        print(f"no news pages under {args.data}", file=sys.stderr)
        return 2
    work = args.work or tempfile.mkdtemp(prefix="factcheck-probes-")
    index_paths(work, files)
    store = open_index(work)
    texts = sorted({t for _, _, _, t in store.passages()})
    print(f"# Passage stance probes: {len(files)} pages, {len(texts):,} distinct passages\n")
    print("| probe | sentences | right | " + " | ".join(("supported", "conflicting", "disputed", "unverified")) + " |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    misses: dict[str, list[tuple[str, Verdict]]] = {}
    start = time.perf_counter()
    n = 0
    for probe, claims in probes(texts, args.limit).items():
        counts: Counter[str] = Counter()
        for claim in claims:
            v = verify(store, claim)
            counts[v.verdict] += 1
            n += 1
            if v.verdict not in WANTED[probe]:
                misses.setdefault(probe, []).append((claim, v))
        right = sum(counts[k] for k in WANTED[probe])
        print(f"| {probe} | {len(claims)} | {right / max(len(claims), 1):.3f} | "
              + " | ".join(str(counts[k]) for k in ("supported", "conflicting", "disputed", "unverified")) + " |")
    rule = ", ".join(f"{k}: {' or '.join(v)}" for k, v in WANTED.items())
    print(f"\nright = {rule}; {n} claims in {time.perf_counter() - start:.1f} s")
    for probe, items in misses.items():
        for claim, v in items[:args.errors]:
            against = "conflicts" if probe == "as is" else "supports"  # the evidence that made it a miss
            top = next((e for e in v.evidence if e.stance == against), v.evidence[0] if v.evidence else None)
            why = f"{top.stance}: {top.reasons[-1]}" if top else "no evidence"
            print(f"MISS [{probe}] {v.verdict}: {claim[:100]} | {why[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
