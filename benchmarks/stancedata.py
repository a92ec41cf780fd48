"""FNC-1 and Emergent as the stance benchmark and the training script read them.

Both data sets live in `../shared/data` (see the READMEs there): FNC-1 pairs article headlines
with article bodies, Emergent pairs rumoured claims with one-line article headlines. Every
headline is verified as a claim through the library API the CLI calls; each returned document
is mapped back to its body id.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
_BODY_ID = re.compile(r"(?:body|article)-([^/\\]+)\.txt$")

# split name -> (data set, file under the data folder)
SPLITS = {
    "fnc-topic-dev": ("fnc1", "fnc1/topic-split/dev.csv"),
    "fnc-topic-test": ("fnc1", "fnc1/topic-split/test.csv"),
    "fnc-dev": ("fnc1", "fnc1/dev.csv"),
    "fnc-test": ("fnc1", "fnc1/test.csv"),
    "emergent-dev": ("emergent", "emergent/dev.csv"),
    "emergent-test": ("emergent", "emergent/test.csv"),
}
CORPUS = {"fnc1": "fnc1/corpus", "emergent": "emergent/corpus"}
DISTRACTORS = "fnc1/extra-corpus"


@dataclass(frozen=True)
class Pair:
    """One labelled (claim, document) pair."""

    headline: str  # whitespace-normalised, as score.py matches it
    body_id: str
    stance: str  # agree | disagree | discuss | unrelated
    group: str  # topic (FNC topic split) or claim id (Emergent); "" when the file has none


def read_pairs(data: str, split: str) -> list[Pair]:
    """Return the labelled pairs of `split` (a key of SPLITS), in file order."""
    path = os.path.join(data, SPLITS[split][1])
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [Pair(" ".join(r["headline"].split()), r["body_id"].strip(), r["stance"].strip().lower(),
                 r.get("topic") or r.get("claim_id") or "") for r in rows]


def body_id(path: str) -> str | None:
    """Return the body/article id of an indexed corpus path (None for distractors)."""
    m = _BODY_ID.search(path)
    if not m or "train-body-" in path:
        return None
    return m.group(1)


def scorer(data: str):  # type: ignore[no-untyped-def]
    """Return the data's own scorer module (fnc1/score.py)."""
    folder = os.path.join(data, "fnc1")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    sys.dont_write_bytecode = True  # keep the read-only data folder free of __pycache__
    import score  # type: ignore[import-not-found]

    return score


def index_for(data: str, dataset: str, work: str, distractors: bool = False) -> str:
    """Index the data set's corpus (plus FNC-1's distractor bodies) with factcheck; return the index folder."""
    from factcheck.ingest import index_paths

    name = dataset + ("-distractors" if distractors else "")
    folder = os.path.join(work, name)
    paths = [os.path.join(data, CORPUS[dataset])]
    if distractors:
        paths.append(os.path.join(data, DISTRACTORS))
    report = index_paths(folder, paths)
    for path, reason in report.skipped:
        print(f"note: {path} not indexed: {reason}", file=sys.stderr)
    return folder


def default_work() -> str:
    """Return the folder that keeps the benchmark indexes between runs of the same code.

    Re-indexing skips unchanged files, so an index built by other code would keep that code's
    passages: the folder is named after a hash of the package's source files.
    """
    digest = hashlib.sha1()
    package = os.path.join(ROOT, "factcheck")
    for name in sorted(os.listdir(package)):
        if name.endswith(".py"):
            with open(os.path.join(package, name), "rb") as fh:
                digest.update(name.encode() + fh.read())
    return os.path.join(tempfile.gettempdir(), "factcheck-stance-bench", digest.hexdigest()[:12])


def headlines(pairs: list[Pair]) -> list[str]:
    """Return the distinct headlines of `pairs`, in first-seen order."""
    return list(dict.fromkeys(p.headline for p in pairs))


def fold_key(text: str) -> str:
    """Return the comparison form used to find the same headline in both data sets."""
    return " ".join(text.casefold().split())


def emergent_headline(data: str, article_id: str) -> str:
    """Return the one-line text of an Emergent article."""
    with open(os.path.join(data, CORPUS["emergent"], f"article-{article_id}.txt"), encoding="utf-8") as fh:
        return fh.read()


def overlap_with_tests(data: str) -> tuple[set[str], set[str]]:
    """Return (FNC-1 headlines, Emergent article ids) of the dev sides that appear in the other set's test side.

    FNC-1 headlines are Emergent article headlines (README of the data); a model trained on one
    data set's dev side must not have seen the other's test side, so training leaves these out.
    """
    emergent_test = {fold_key(emergent_headline(data, p.body_id)) for p in read_pairs(data, "emergent-test")}
    fnc_test = {fold_key(p.headline) for p in read_pairs(data, "fnc-topic-test")}
    fnc_out = {p.headline for p in read_pairs(data, "fnc-topic-dev") if fold_key(p.headline) in emergent_test}
    em_out = {p.body_id for p in read_pairs(data, "emergent-dev")
              if fold_key(emergent_headline(data, p.body_id)) in fnc_test}
    return fnc_out, em_out


def linked_topics(data: str) -> dict[str, str]:
    """Return {Emergent dev claim id: FNC-1 topic-dev topic} for the claims that report a story FNC-1 dev has.

    A claim is linked when one of its articles' headlines is verbatim an FNC-1 topic-dev
    headline: the two are the same story. Cross-validation keeps a linked claim in its topic's
    fold, else the model would learn a topic's words from Emergent and be scored on FNC-1.
    """
    topic_of = {fold_key(p.headline): p.group for p in read_pairs(data, "fnc-topic-dev")}
    out = {}
    for p in read_pairs(data, "emergent-dev"):
        topic = topic_of.get(fold_key(emergent_headline(data, p.body_id)))
        if topic:
            out.setdefault(p.group, topic)
    return out


def stable_fold(key: str, folds: int) -> int:
    """Return a deterministic fold number for a group key."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % folds


def chunks(items: list[str], n: int) -> Iterator[list[str]]:
    """Yield `items` in lists of at most `n`."""
    for i in range(0, len(items), n):
        yield items[i:i + n]
