"""The index: incremental, crash-safe, with clear errors for unusable index folders."""

from __future__ import annotations

import sqlite3

import pytest

from factcheck.errors import StoreError
from factcheck.ingest import index_paths
from factcheck.store import SCHEMA_VERSION, open_index


def test_index_then_unchanged_is_noop(sources_dir, tmp_path):
    idx = str(tmp_path / "idx")
    first = index_paths(idx, [str(sources_dir)])
    assert len(first.indexed) == 7 and not first.skipped
    again = index_paths(idx, [str(sources_dir)])
    assert again.indexed == [] and len(again.unchanged) == 7
    store = open_index(idx)
    assert len(store.paths()) == 7
    assert store.passage_count() == first.passages  # one copy of each passage in the search index


def test_changed_file_replaces_its_rows(sources_dir, tmp_path):
    idx = str(tmp_path / "idx")
    index_paths(idx, [str(sources_dir)])
    target = sources_dir / "docs" / "bad_date.txt"
    target.write_text("Updated piece\n\nThe harbour master resigned on Monday after the storm.\n")
    report = index_paths(idx, [str(sources_dir)])
    assert report.indexed == [str(target)]
    store = open_index(idx)
    texts = [c.text for c in store.candidates([pid for pid, _ in store.search(["harbour"], 10)])]
    assert any("harbour master resigned" in t for t in texts)
    assert not any("impossible" in t for t in texts)
    assert store.search(store.analyze("impossible"), 10) == []


def test_prune_removes_files_gone_from_disk(sources_dir, tmp_path):
    idx = str(tmp_path / "idx")
    index_paths(idx, [str(sources_dir)])
    gone = sources_dir / "docs" / "cp1252.txt"
    gone.unlink()
    report = index_paths(idx, [str(sources_dir)], prune=True)
    assert report.pruned == [str(gone)]
    store = open_index(idx)
    assert str(gone) not in store.paths()
    assert store.search(store.analyze("Café"), 10) == []


def test_paths_stay_as_given(sources_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(sources_dir)
    index_paths(str(tmp_path / "idx"), ["docs"])
    assert "docs/frontmatter.md" in open_index(str(tmp_path / "idx")).paths()


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no index at .* run `factcheck index"):
        open_index(str(tmp_path / "nowhere"))


def test_file_instead_of_index(tmp_path):
    f = tmp_path / "notanindex"
    f.write_text("hello")
    with pytest.raises(StoreError, match="not a factcheck index"):
        open_index(str(f))


def test_corrupt_database(tmp_path):
    folder = tmp_path / "idx"
    folder.mkdir()
    (folder / "factcheck.db").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a readable factcheck index"):
        open_index(str(folder))


def test_newer_schema_is_refused(sources_dir, tmp_path):
    idx = tmp_path / "idx"
    index_paths(str(idx), [str(sources_dir / "docs")])
    db = sqlite3.connect(idx / "factcheck.db")
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer factcheck"):
        open_index(str(idx))


def test_search_engine_rebuilt_after_crash_between_commits(sources_dir, tmp_path):
    idx = tmp_path / "idx"
    index_paths(str(idx), [str(sources_dir / "docs")])
    db = sqlite3.connect(idx / "factcheck.db")
    db.execute("UPDATE meta SET value = 'stale' WHERE key = 'engine_stamp'")  # as if killed mid-batch
    db.commit()
    db.close()
    report = index_paths(str(idx), [str(sources_dir)])
    store = open_index(str(idx))
    total = sum(s.passages for s in store.sources())
    assert store.passage_count() == total
    assert store.integrity() == "ok"
    assert len(report.indexed) == 2


def test_quotes_and_sources_listing(seed_store):
    sources = {s.path: s for s in seed_store.sources()}
    assert sources["seeds/000_e5fcfa7cbf71c661.txt"].missing == ["title", "url"]
    assert sources["seeds/004_b0943fd7179c371a.txt"].missing == []
    speakers = {q.speaker for q in seed_store.quotes()}
    assert {"J.D. Vance", "Dmitry Peskov", "Donald Trump", "Roger Wicker"} <= speakers
