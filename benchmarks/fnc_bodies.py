"""The FNC-1 article bodies of a speaker-labelling round (issue #5), chosen by one fixed rule.

    python benchmarks/fnc_bodies.py [--data ../shared/data] --round 7 [--out skeleton.json]

The rule of rounds 5, 6 and 7 (`fixtures/quotes/news_fnc*.json`): the files of
`<data>/fnc1/corpus/body-<ID>.txt` sorted by the sha256 of the file name, a body whose text
repeats an earlier one exactly skipped, those holding at least one double quotation mark
(`"`, `“` or `”`) kept; round 5 is the first 60, each later round the next 50. That list ends
in round 18 (4 bodies); from round 19 on the rule runs over the FNC-1 training bodies of
`<data>/fnc1/extra-corpus/train-body-<ID>.txt` instead (round 19: the first 50, then 50 a
round; ids `fncx/<ID>`). Each body's
lines are stripped and empty lines dropped (its paragraphs). Without --out the ids are
printed; with it, a fixture skeleton (paragraphs, no labels) is written for labelling by hand.
No factcheck rule is run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTE_MARKS = ('"', "“", "”")


EXTRA_FROM = 19  # the first round drawn from the extra corpus


def quoted_bodies(corpus: Path, pattern: str = "body-*.txt") -> list[Path]:
    """Return the corpus files in the rule's order: sha256 of the name, repeats out, quote marks in."""
    seen: set[str] = set()
    kept = []
    for path in sorted(corpus.glob(pattern), key=lambda p: hashlib.sha256(p.name.encode()).hexdigest()):
        text = path.read_text(encoding="utf-8")
        if text in seen:
            continue
        seen.add(text)
        if any(mark in text for mark in QUOTE_MARKS):
            kept.append(path)
    return kept


def round_bodies(corpus: Path, rnd: int) -> list[Path]:
    """Return the bodies of round `rnd` (5 → the first 60, then 50 a round)."""
    if rnd < 5:
        raise ValueError("FNC-1 rounds start at 5")
    if rnd >= EXTRA_FROM:
        start = 50 * (rnd - EXTRA_FROM)
        return quoted_bodies(corpus.parent / "extra-corpus", "train-body-*.txt")[start:start + 50]
    start = 0 if rnd == 5 else 60 + 50 * (rnd - 6)
    return quoted_bodies(corpus)[start:start + (60 if rnd == 5 else 50)]


def paragraphs(path: Path) -> list[str]:
    """Return a body's lines, stripped, empty ones dropped."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def skeleton(path: Path) -> dict:
    """Return one fixture document with no labels yet."""
    body_id = path.stem.split("-", 2)[-1]
    extra = path.name.startswith("train-")
    return {"id": f"fncx/{body_id}" if extra else f"fnc/{body_id}",
            "source": f"fnc1/{'extra-corpus' if extra else 'corpus'}/{path.name}", "title": None,
            "paragraphs": paragraphs(path), "quotes": [], "not_quotes": []}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--round", type=int, required=True)
    ap.add_argument("--out", help="write a fixture skeleton here")
    args = ap.parse_args(argv)
    bodies = round_bodies(Path(args.data) / "fnc1" / "corpus", args.round)
    if args.out:
        docs = [skeleton(p) for p in bodies]
        Path(args.out).write_text(json.dumps({"documents": docs}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        print(" ".join(p.stem.split("-", 2)[-1] for p in bodies))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
