"""Stance accuracy on real news: FNC-1 (headline and topic splits) and Emergent, with the lexical baseline.

    python benchmarks/stance.py [DATA] [--side dev|test|both] [--distractors] [--out DIR] [--timing]

DATA defaults to ../shared/data next to the repository. Each data set's corpus is indexed with
`factcheck.ingest.index_paths` (what `factcheck index` runs); every headline (FNC-1) or claim
(Emergent) is verified with `factcheck.verify(..., Options(documents=True))` (what
`factcheck verify --documents` runs), and each returned document's stance becomes the label of
that (claim, document) pair: supports -> agree, conflicts -> disagree, related -> discuss; a
document not returned -> unrelated. Figures are computed by the data's own `fnc1/score.py`.
The trivial lexical baseline (`fnc1/baseline_lexical.py`, tuned on each dev side) runs in the
same process. `--distractors` also indexes FNC-1's 1,673 extra training bodies (never labelled).
The model was trained on the dev sides only (benchmarks/train_stance.py); the test sides are
what counts.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import stancedata as sd  # noqa: E402

LABEL = {"supports": "agree", "conflicts": "disagree", "related": "discuss"}
FNC_SPLITS = (("FNC-1 topic split", "fnc-topic-dev", "fnc-topic-test"), ("FNC-1 headline split", "fnc-dev", "fnc-test"))
EMERGENT_SPLITS = (("Emergent", "emergent-dev", "emergent-test"),)


def predict(index: str, claims: list[str]) -> tuple[dict[str, dict[str, str]], float]:
    """Return {claim: {body id: label}} for the documents verify returns, and the mean ms per claim."""
    from factcheck import open_index, verify
    from factcheck.pipeline import Options

    store = open_index(index)
    options = Options(documents=True)
    out: dict[str, dict[str, str]] = {}
    started = time.perf_counter()
    for claim in claims:
        v = verify(store, claim, options)
        labels = {}
        for d in v.documents:
            bid = sd.body_id(d.source.path)
            if bid is not None:
                labels[bid] = LABEL[d.stance]
        out[claim] = labels
    elapsed = time.perf_counter() - started
    store.close()
    return out, 1000 * elapsed / max(len(claims), 1)


def time_plain(index: str, claims: list[str]) -> float:
    """Return the mean ms per claim of a plain verify (passage evidence only, as `factcheck verify`)."""
    from factcheck import open_index, verify

    store = open_index(index)
    started = time.perf_counter()
    for claim in claims:
        verify(store, claim)
    elapsed = time.perf_counter() - started
    store.close()
    return 1000 * elapsed / max(len(claims), 1)


def lexical_baseline(data: str, dataset: str, dev: str, others: list[str]) -> dict[str, list[str]]:
    """Return the trivial baseline's labels per split: containment/Jaccard and threshold tuned on `dev`."""
    folder = os.path.join(data, "fnc1")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import baseline_lexical as bl  # type: ignore[import-not-found]

    class Bodies(bl.BodyCache):  # type: ignore[misc,name-defined]
        def get(self, body_id: str):  # type: ignore[no-untyped-def]
            if body_id not in self.cache:
                name = ("body-%s.txt" if dataset == "fnc1" else "article-%s.txt") % body_id
                with open(os.path.join(self.dir, name), encoding="utf-8") as handle:
                    self.cache[body_id] = bl.words(handle.read())
            return self.cache[body_id]

    bodies = Bodies(os.path.join(data, sd.CORPUS[dataset]))
    as_rows = {s: [(p.headline, p.body_id, p.stance) for p in sd.read_pairs(data, s)] for s in [dev, *others]}
    quiet = io.StringIO()
    best = None
    for measure in ("containment", "jaccard"):
        stdout, sys.stdout = sys.stdout, quiet
        try:
            threshold, rel = bl.tune(as_rows[dev], bl.scores_for(as_rows[dev], bodies, measure))
        finally:
            sys.stdout = stdout
        if best is None or rel > best[0]:
            best = (rel, measure, threshold)
    _, measure, threshold = best
    return {s: bl.predict(bl.scores_for(rows, bodies, measure), threshold) for s, rows in as_rows.items()}


def evaluate(score, pairs: list[sd.Pair], labels: list[str]) -> dict:  # type: ignore[no-untyped-def]
    """Return score.py's figures for gold pairs and predicted labels."""
    return score.evaluate([(p.stance, score._label(lab, "prediction")) for p, lab in zip(pairs, labels)])


def write_predictions(folder: str, name: str, pairs: list[sd.Pair], labels: list[str]) -> None:
    """Write headline,body_id,stance for score.py."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{name}.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["headline", "body_id", "stance"])
        for p, lab in zip(pairs, labels):
            w.writerow([p.headline, p.body_id, lab])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=sd.DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--work", default=sd.default_work(), help="where the indexes are kept between runs")
    ap.add_argument("--distractors", action="store_true", help="also index FNC-1's extra-corpus bodies")
    ap.add_argument("--out", help="write prediction CSVs (for score.py) into this folder")
    ap.add_argument("--timing", action="store_true", help="also time plain verify (without per-document stance)")
    ap.add_argument("--only", choices=("fnc1", "emergent"), help="run one data set")
    ap.add_argument("--side", choices=("dev", "test", "both"), default="both",
                    help="which side of each split to verify and score (dev: for tuning, no test figure is computed)")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.data, "fnc1")):
        print(f"error: no FNC-1 data under {args.data} (give the shared data folder)", file=sys.stderr)
        return 2
    score = sd.scorer(args.data)
    summary = []
    for dataset, groups in (("fnc1", FNC_SPLITS), ("emergent", EMERGENT_SPLITS)):
        if args.only and args.only != dataset:
            continue
        index = sd.index_for(args.data, dataset, args.work, args.distractors and dataset == "fnc1")
        splits = [s for _, dev, test in groups for s in _sides(dev, test, args.side)]
        pairs = {s: sd.read_pairs(args.data, s) for s in splits}
        claims = sd.headlines([p for s in splits for p in pairs[s]])
        predicted, ms = predict(index, claims)
        line = f"{dataset}: {len(claims)} claims, {ms:.1f} ms per claim (verify with per-document stance)"
        if args.timing:
            line += f"; plain verify {time_plain(index, claims):.1f} ms per claim"
        print(line)
        for title, dev, test in groups:
            baseline = lexical_baseline(args.data, dataset, dev, [s for s in _sides(dev, test, args.side) if s != dev])
            for split in _sides(dev, test, args.side):
                ours = [predicted[p.headline].get(p.body_id, "unrelated") for p in pairs[split]]
                for system, labels in (("factcheck", ours), ("lexical baseline", baseline[split])):
                    res = evaluate(score, pairs[split], labels)
                    print(f"\n=== {title} {split} - {system} ===")
                    score.report(res)
                    missing = sum(1 for p, lab in zip(pairs[split], labels) if lab == "unrelated" and p.stance != "unrelated")
                    summary.append((split, system, res, missing))
                    if args.out:
                        write_predictions(args.out, f"{split}.{system.split()[0]}", pairs[split], labels)
    print("\n" + markdown_table(summary))
    return 0


def _sides(dev: str, test: str, side: str) -> tuple[str, ...]:
    """Return the splits to run of a (dev, test) pair for --side."""
    return {"dev": (dev,), "test": (test,), "both": (dev, test)}[side]


def markdown_table(summary) -> str:  # type: ignore[no-untyped-def]
    """Return the figures as the README's Markdown table."""
    head = ("| split | system | FNC % | macro-F1 | accuracy | F1 agree | F1 disagree | F1 discuss | F1 unrelated "
            "| related pairs not returned |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for split, system, res, missing in summary:
        f1 = {k: v[2] for k, v in res["per_class"].items()}
        rows.append(f"| {split} | {system} | {res['fnc']:.2f} | {res['f1m']:.4f} | {res['accuracy']:.4f} | "
                    f"{f1['agree']:.4f} | {f1['disagree']:.4f} | {f1['discuss']:.4f} | {f1['unrelated']:.4f} | {missing} |")
    return head + "\n" + "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
