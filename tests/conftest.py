"""Shared fixtures: every test runs in an empty folder with no FACTCHECK_* settings leaking in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory, monkeypatch):
    """Run in a fresh folder with a private cache and no FACTCHECK_* environment."""
    for key in list(os.environ):
        if key.startswith("FACTCHECK_") or key == "NO_COLOR":
            monkeypatch.delenv(key, raising=False)
    cache = tmp_path_factory.getbasetemp() / "cache"  # shared: the seed index is built once per run
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache))
    work = tmp_path_factory.mktemp("work")
    monkeypatch.chdir(work)
    return work


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """An index over the bundled seeds, opened once per test session."""
    from factcheck.ingest import index_files
    from factcheck.store import open_index

    folder = tmp_path_factory.mktemp("seedindex") / "idx"
    store = open_index(str(folder), create=True)
    files = [(str(p), f"seeds/{p.name}") for p in sorted(SEEDS.iterdir())]
    index_files(store, files)
    return store


@pytest.fixture
def sources_dir(tmp_path):
    """A folder holding copies of the seeds and the small document fixtures."""
    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(FIXTURES / "docs", folder / "docs")
    return folder


def load_json(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def passage_candidate(passage: str, context: str = ""):
    """Return one passage (and the sentence before it) as retrieval hands it to scoring."""
    from factcheck.models import Candidate, Source

    return Candidate(pid=1, text=passage, start=0, end=len(passage), line=1, kind="sentence", speaker=None,
                     source=Source(path="a.txt"), context=context)


def scored(claim: str, passage: str, context: str = ""):
    """Return the claim's match against one passage, scored as verify scores it."""
    from factcheck.score import claim_terms, rank

    [match] = rank(claim_terms(claim), [passage_candidate(passage, context)])
    return match


def judged(claim: str, passage: str, context: str = ""):
    """Return stance.judge of a claim against one passage, scored as verify scores it."""
    from factcheck import parse_claim
    from factcheck.stance import judge

    return judge(parse_claim(claim), passage_candidate(passage, context), scored(claim, passage, context))
