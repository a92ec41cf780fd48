"""Per-document stance on a slice of real news (FNC-1 and Emergent test sides): regressions fail CI.

The slice (fixtures/stance/, see PROVENANCE.md there) is indexed as users index files, every
claim is verified with per-document stance, and the labels are compared pair by pair:
supports -> agree, conflicts -> disagree, related -> discuss, not returned -> unrelated.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import FIXTURES, load_json

from factcheck import index_paths, open_index, verify
from factcheck.pipeline import Options

SLICE = FIXTURES / "stance"
LABEL = {"supports": "agree", "conflicts": "disagree", "related": "discuss"}


def _pairs(name: str) -> list[tuple[str, str, str]]:
    with open(SLICE / name / "pairs.csv", encoding="utf-8", newline="") as fh:
        return [(r["headline"], r["body_id"], r["stance"]) for r in csv.DictReader(fh)]


def _predict(tmp_path: Path, name: str) -> dict[str, dict[str, str]]:
    index = str(tmp_path / name)
    index_paths(index, [str(SLICE / name / "corpus")])
    store = open_index(index)
    out = {}
    for claim in dict.fromkeys(h for h, _, _ in _pairs(name)):
        v = verify(store, claim, Options(documents=True))
        out[claim] = {Path(d.source.path).stem.split("-", 1)[1]: LABEL[d.stance] for d in v.documents}
    store.close()
    return out


@pytest.fixture(scope="module")
def predictions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stance-slice")
    return {name: _predict(folder, name) for name in ("fnc1", "emergent")}


@pytest.mark.parametrize("name", ["fnc1", "emergent"])
def test_slice_accuracy_floor(predictions, name):
    pairs = _pairs(name)
    floor = load_json("floors.json")[f"stance_{name}_slice_accuracy"]
    got = [predictions[name][h].get(b, "unrelated") for h, b, _ in pairs]
    right = sum(1 for (_, _, gold), p in zip(pairs, got) if gold == p)
    accuracy = right / len(pairs)
    assert accuracy >= floor, f"{name}: accuracy {accuracy:.3f} < floor {floor} on {len(pairs)} pairs"


def test_slice_separates_related_from_unrelated(predictions):
    pairs = _pairs("fnc1")
    related = [(h, b) for h, b, s in pairs if s != "unrelated"]
    unrelated = [(h, b) for h, b, s in pairs if s == "unrelated"]
    found = sum(1 for h, b in related if b in predictions["fnc1"][h])
    kept_out = sum(1 for h, b in unrelated if b not in predictions["fnc1"][h])
    assert found / len(related) >= 0.9 and kept_out / len(unrelated) >= 0.7


def test_every_stance_label_occurs(predictions):
    labels = {lab for name in predictions for docs in predictions[name].values() for lab in docs.values()}
    assert labels == {"agree", "disagree", "discuss"}
