"""Copy a small, deterministic slice of FNC-1 and Emergent (test sides) into fixtures/stance/ for the floor test.

    python benchmarks/make_stance_fixture.py [DATA]

The slice: the FNC-1 topic-split test topics whose names sort first by SHA-1, until about
MAX_BODIES related bodies are in, with their headlines and every labelled pair among them,
plus a few of those headlines' unrelated bodies; and the first Emergent test claims (by
SHA-1) with all their articles. Files keep their names; PROVENANCE.md says where they come from.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import stancedata as sd  # noqa: E402

OUT = os.path.join(sd.ROOT, "fixtures", "stance")
MAX_BODIES = 20  # related FNC-1 bodies
MAX_HEADLINES = 40
UNRELATED_BODIES = 4
HEADLINES_PER_TOPIC = 10
EMERGENT_CLAIMS = 8


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def fnc_slice(data: str) -> tuple[list[sd.Pair], set[str]]:
    """Return the chosen FNC-1 pairs and the bodies they need."""
    pairs = sd.read_pairs(data, "fnc-topic-test")
    related: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, list[str]] = defaultdict(list)
    for p in pairs:
        if p.stance != "unrelated":
            related[p.group].add(p.body_id)
        if p.headline not in heads[p.group]:
            heads[p.group].append(p.headline)
    bodies: set[str] = set()
    headlines: list[str] = []
    for topic in sorted(related, key=_sha):
        if len(bodies) + len(related[topic]) > MAX_BODIES:
            continue
        bodies |= related[topic]
        headlines += sorted(heads[topic], key=_sha)[:HEADLINES_PER_TOPIC]
        if len(bodies) >= MAX_BODIES - 2 or len(headlines) >= MAX_HEADLINES:
            break
    chosen = set(headlines)
    others = sorted({p.body_id for p in pairs if p.headline in chosen and p.stance == "unrelated"}, key=_sha)
    bodies |= set(others[:UNRELATED_BODIES])
    return [p for p in pairs if p.headline in chosen and p.body_id in bodies], bodies


def emergent_slice(data: str) -> list[sd.Pair]:
    """Return the pairs of the chosen Emergent test claims."""
    pairs = sd.read_pairs(data, "emergent-test")
    claims = sorted({p.group for p in pairs}, key=_sha)[:EMERGENT_CLAIMS]
    return [p for p in pairs if p.group in claims]


def write(folder: str, pairs: list[sd.Pair], corpus: str, names: list[str]) -> None:
    os.makedirs(os.path.join(folder, "corpus"), exist_ok=True)
    for name in names:
        shutil.copyfile(os.path.join(corpus, name), os.path.join(folder, "corpus", name))
    with open(os.path.join(folder, "pairs.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["headline", "body_id", "stance"])
        for p in pairs:
            w.writerow([p.headline, p.body_id, p.stance])


def main() -> int:
    data = sys.argv[1] if len(sys.argv) > 1 else sd.DEFAULT_DATA
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    fnc, bodies = fnc_slice(data)
    write(os.path.join(OUT, "fnc1"), fnc, os.path.join(data, sd.CORPUS["fnc1"]), [f"body-{b}.txt" for b in sorted(bodies)])
    em = emergent_slice(data)
    write(os.path.join(OUT, "emergent"), em, os.path.join(data, sd.CORPUS["emergent"]),
          sorted({f"article-{p.body_id}.txt" for p in em}))
    print(f"FNC-1: {len(fnc)} pairs, {len({p.headline for p in fnc})} headlines, {len(bodies)} bodies; "
          f"Emergent: {len(em)} pairs, {len({p.headline for p in em})} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())
