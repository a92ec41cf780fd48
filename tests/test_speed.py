"""Speed work (issue #7) changes no answer: shortcuts equal the exhaustive paths they replace.

Timings live in benchmarks/speed.py, never here; these tests check behaviour only.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, load_json
from rapidfuzz import fuzz

from factcheck import ingest, pipeline, retrieve, score, store, storewrite
from factcheck.ingest import index_paths
from factcheck.pipeline import Options, parse_claim, verify
from factcheck.readers import ReadOptions
from factcheck.store import open_index
from factcheck.text import normalize, prepare

MISSPELT = ["Hegsth ruled out US trops", "Peskov sayd the talks were productve", "Vanse threatened sanctoins"]


def _claims() -> list[str]:
    return [c["claim"] for c in load_json("seed_claims.json")["cases"]] + MISSPELT


@pytest.mark.parametrize("top", [1, 3, 5])
def test_judging_a_prefix_gives_the_exhaustive_output(seed_store, monkeypatch, top):
    fast = [verify(seed_store, c, Options(top=top)) for c in _claims()]
    monkeypatch.setattr(pipeline, "_judge", functools.partial(pipeline._judge, exhaustive=True))
    slow = [verify(seed_store, c, Options(top=top)) for c in _claims()]
    assert fast == slow


def test_rank_equals_one_typo_lookup_per_candidate(seed_store):
    """The joint typo table gives what rapidfuzz extractOne per (word, passage) gave."""
    checked = 0
    for text in _claims():
        terms, cands = retrieve.candidates(seed_store, parse_claim(text))
        texts = [normalize(c.text) for c in cands]
        ratios = [fuzz.token_set_ratio(terms.normalized, t, processor=None) for t in texts]
        reference = [score._match(terms, c, float(r)) for c, r in zip(cands, ratios)]
        assert score.rank(terms, cands) == reference
        checked += sum(bool(m.corrected) for m in reference)
    assert checked, "some claim exercised the typo path"


def test_prepare_shortcuts_match_the_full_substitutions():
    samples = ["U.S. troops", "Hegseth's 2,000 troops", "wasn't it", "no marks here", "J.D. Vance’s view, 1,500"]
    for text in samples:
        full = text
        for pattern, repl in ((r"\b(?:[A-Za-z]\.){2,}(?![A-Za-z])", None), (r"(?<=\w)['’]s\b", ""),
                              (r"(?<=\w)['’](?=\w)", ""), (r"(?<=\d),(?=\d{3}\b)", "")):

            full = re.sub(pattern, (lambda m: m.group(0).replace(".", "")) if repl is None else repl, full)
        assert prepare(text) == full


def _rows(idx: str) -> list[tuple]:
    s = open_index(idx)
    pids = [pid for pid, *_ in s.passages()]
    rows = [(c.pid, c.text, c.start, c.end, c.line, c.kind, c.speaker, c.source, c.context, c.quotes)
            for c in s.candidates(pids)]
    rows += [(q.text, q.speaker, q.cue, q.start, q.end, q.line, q.source) for q in s.quotes()]
    s.close()
    return rows


def test_parallel_bulk_ingest_stores_what_serial_ingest_does(sources_dir, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "fixtures" / "exports", sources_dir / "exports")  # many-article files too
    serial = str(tmp_path / "serial")
    index_paths(serial, [str(sources_dir)])
    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(ingest, "BULK_MIN_FILES", 1)
    monkeypatch.setattr(ingest, "CHUNK_FILES", 2)
    parallel = str(tmp_path / "parallel")
    report = index_paths(parallel, [str(sources_dir)])
    assert len(report.indexed) > 7 and any("#" in p for p in report.indexed)
    assert _rows(parallel) == _rows(serial)
    s = open_index(parallel)
    assert s.passage_count() == report.passages
    assert s.db.execute("SELECT value FROM meta WHERE key='engine_stamp'").fetchone()[0] != store.PENDING
    assert verify(s, "Hegseth ruled out US troops").evidence


def test_bulk_run_that_dies_before_finish_is_rebuilt(sources_dir, tmp_path):
    """A bulk writer commits SQLite per batch with a "pending" stamp; the next writer rebuilds."""
    idx = str(tmp_path / "idx")
    s = open_index(idx, create=True)
    files = [(str(p), f"seeds/{p.name}") for p in sorted(SEEDS.iterdir())]
    w = storewrite.Writer(s, bulk=True)
    for job in [(fs_path, shown, 10**7, ReadOptions(), {}) for fs_path, shown in files]:
        for _, (doc, passages, quotes, prepared) in ingest._read_file(job)[3]:
            w.add(doc, passages, quotes, prepared)
    w.flush()
    w.release()  # dies here: no finish(), the search index never committed
    assert s.db.execute("SELECT value FROM meta WHERE key='engine_stamp'").fetchone()[0] == store.PENDING
    s.close()
    index_paths(idx, [str(sources_dir / "docs")])  # any later writer repairs the index
    s = open_index(idx)
    assert s.passage_count() == s.stored_passages()
    assert verify(s, "Hegseth ruled out US troops").verdict != "unverified"


def test_speed_benchmark_runs_on_a_tiny_corpus(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for p in SEEDS.iterdir():
        (data / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "figures.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--data", str(data), "--work", str(tmp_path / "w"),
         "--sizes", "200", "--claims", "8", "--headlines", "0", "--scan-claims", "2", "--cli-calls", "1",
         "--batch", "5", "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "verify in-process p50 ms" in done.stdout
    figures = json.loads(Path(out).read_text())["sizes"][0]
    assert figures["passages"] >= 100 and figures["claims"] == 8
    assert 0 <= figures["recall10"] <= 1 and figures["scan_claims"] == 2
