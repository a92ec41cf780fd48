"""Claims a reporter might write, against real pages: how many verdicts are right.

    python benchmarks/reporter_claims.py [DATA] [--errors]

`reporter_claims.tsv` (next to this script) holds 1,232 claims written on 2026-12-03, 2026-12-04 and 2026-12-08,
in thirty batches, each with the verdict a careful reader gives them against their sources, written
before the claim was run (batches 9 to 30 by helpers who read only the articles and never ran
the tool): true paraphrases (supported), changed figures, negations, opposites,
wrong speakers and misquotes (conflicting), and claims the sources do not address
(unverified). Their sources: the 58 `fundus-en-news` pages (batches 1-3, 6, 7; batches 15 to 19
from the later paragraphs of ten pages each), the bundled
seeds (batch 4) and the 50 `htmldate-en-news` pages (batch 5, claims from their headlines;
batch 8, from the bodies of four of them; batch 9, from the bodies of twelve others; batches
10 and 11, from the bodies of twelve more each; batch 12, from seven more) and the FNC-1
article bodies (batch 13: claims on twelve bodies found only on the dev side of both FNC-1
splits, checked against an index of all 904 bodies of `fnc1/corpus`; batch 14: on the nine
other such bodies) and twelve FNC-1 training bodies of `fnc1/extra-corpus` (batch 20, checked
against an index of those twelve; batches 21 to 30, the next twelve each by the same rule).
The rules written after each batch were written for that batch's wrong verdicts, so a
batch's first run (README, Accuracy) is the estimate for claims the tool has not seen; this
script prints the figures of the code it runs. A "disputed" verdict counts as right for no
claim (each claim has one expected verdict).

Every claim is verified with `factcheck.verify`, the call the CLI makes, against an index of
its batch's sources built with `factcheck.ingest.index_paths`.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import verify  # noqa: E402
from factcheck.ingest import index_paths  # noqa: E402
from factcheck.store import open_index  # noqa: E402

CLAIMS = Path(__file__).with_name("reporter_claims.tsv")
SHORT = {"supported": "S", "conflicting": "C", "disputed": "D", "unverified": "U"}


def load_claims(path: Path = CLAIMS) -> list[tuple[int, str, str, str]]:
    """Return (batch, sources, expected letter, claim) rows of the claims file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        batch, sources, expected, claim = line.split("\t", 3)
        rows.append((int(batch), sources, expected, claim))
    return rows


def source_folders(data: Path) -> dict[str, list[str]]:
    return {"fundus": [str(data / "fundus-en-news" / "pages")], "htmldate": [str(data / "htmldate-en-news" / "pages")],
            "seeds": [str(ROOT / "seeds")], "fnc": [str(data / "fnc1" / "corpus")],
            "fncextra": extra_bodies(data / "fnc1" / "extra-corpus"),
            "fncextra2": extra_bodies(data / "fnc1" / "extra-corpus", start=12),
            "fncextra3": extra_bodies(data / "fnc1" / "extra-corpus", start=24),
            "fncextra4": extra_bodies(data / "fnc1" / "extra-corpus", start=36),
            "fncextra5": extra_bodies(data / "fnc1" / "extra-corpus", start=48),
            "fncextra6": extra_bodies(data / "fnc1" / "extra-corpus", start=60),
            "fncextra7": extra_bodies(data / "fnc1" / "extra-corpus", start=72),
            "fncextra8": extra_bodies(data / "fnc1" / "extra-corpus", start=84),
            "fncextra9": extra_bodies(data / "fnc1" / "extra-corpus", start=96),
            "fncextra10": extra_bodies(data / "fnc1" / "extra-corpus", start=108),
            "fncextra11": extra_bodies(data / "fnc1" / "extra-corpus", start=120)}


def extra_bodies(corpus: Path, n: int = 12, start: int = 0) -> list[str]:
    """Return batch 20's sources (batch 21's with `start=12`, 22's with 24, ... 30's with 120): `n`
    FNC-1 training bodies (`extra-corpus`, which no label of the stance benchmark refers to) from
    the `start`-th on in the order of the sha256 of their file names, exact repeats skipped, those
    of at least six non-empty lines and 2,000 characters."""
    seen: set[str] = set()
    kept: list[str] = []
    for path in sorted(corpus.glob("train-body-*.txt"), key=lambda p: hashlib.sha256(p.name.encode()).hexdigest()):
        text = path.read_text(encoding="utf-8")
        if text in seen:
            continue
        seen.add(text)
        if len(text) >= 2000 and sum(1 for line in text.splitlines() if line.strip()) >= 6:
            kept.append(str(path))
            if len(kept) == start + n:
                break
    return kept[start:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--errors", action="store_true", help="list the wrong verdicts")
    args = ap.parse_args()
    data = Path(args.data)
    rows = load_claims()
    folders = source_folders(data)
    started = time.perf_counter()
    results: list[tuple[int, str, str, str]] = []  # batch, expected, got, claim
    with tempfile.TemporaryDirectory() as tmp:
        stores = {}
        for name in sorted({s for _, s, _, _ in rows}):
            index_paths(str(Path(tmp) / name), folders[name])
            stores[name] = open_index(str(Path(tmp) / name))
        for batch, sources, expected, claim in rows:
            got = SHORT[verify(stores[sources], claim).verdict]
            results.append((batch, expected, got, claim))
    print("# Reporter-style claims against their sources\n")
    print("| batch | sources | claims | right | share | wrong: unverified / conflict or dispute / support |")
    print("|---:|---|---:|---:|---:|---|")
    for batch in sorted({b for b, *_ in results}):
        mine = [r for r in results if r[0] == batch]
        print(_row(str(batch), next(s for b, s, _, _ in rows if b == batch), mine))
    print(_row("all", "", results))
    print(f"\n{len(results)} claims in {time.perf_counter() - started:.1f} s")
    if args.errors:
        for batch, expected, got, claim in results:
            if expected != got:
                print(f"WRONG [{batch}] expected {expected}, got {got}: {claim}")
    return 0


def _row(label: str, sources: str, rows: list[tuple[int, str, str, str]]) -> str:
    wrong = Counter(_kind(got) for _, expected, got, _ in rows if expected != got)
    right = sum(1 for _, expected, got, _ in rows if expected == got)
    return (f"| {label} | {sources} | {len(rows)} | {right} | {right / len(rows):.3f} | "
            f"{wrong['unverified']} / {wrong['conflict']} / {wrong['support']} |")


def _kind(got: str) -> str:
    return {"U": "unverified", "S": "support"}.get(got, "conflict")


if __name__ == "__main__":
    raise SystemExit(main())
