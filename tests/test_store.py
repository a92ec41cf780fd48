"""The index: incremental, crash-safe, with clear errors for unusable index folders."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import bodies, verify
from factcheck.documents import read_document
from factcheck.errors import StoreError
from factcheck.ingest import index_paths
from factcheck.models import Passage, Quote
from factcheck.segment import segment
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


def test_files_read_by_other_code_or_fields_are_read_again(sources_dir, tmp_path, monkeypatch):
    """An unchanged file is read again when the code that reads it changed (an upgrade that fixes
    quote attribution reaches old documents) or when the --field mapping changed."""
    from factcheck import ingest
    from factcheck.readers import ReadOptions

    idx = str(tmp_path / "idx")
    first = index_paths(idx, [str(sources_dir)])
    monkeypatch.setattr(ingest, "_code_stamp", lambda: "0123abcd")
    upgraded = index_paths(idx, [str(sources_dir)])
    assert len(upgraded.indexed) == len(first.indexed) and upgraded.unchanged == []
    assert index_paths(idx, [str(sources_dir)]).indexed == []
    fields = index_paths(idx, [str(sources_dir)], options=ReadOptions(fields=(("title", "headline"),)))
    assert len(fields.indexed) == len(first.indexed)
    assert open_index(idx).passage_count() == first.passages


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


# ---------------------------------------------------------------------------- storage format

_PASSAGES = st.lists(st.tuples(st.text(max_size=60), st.integers(0, 50), st.integers(0, 400), st.integers(0, 3),
                               st.sampled_from(["sentence", "quote", "headline"]), st.none() | st.text(max_size=12),
                               st.none() | st.integers(1, 40)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(_PASSAGES, st.data(), st.booleans())
def test_a_stored_record_reads_back_as_written(rows, data, with_dictionary):
    passages, start, line = [], 0, 1
    for i, (text, gap, length, dline, kind, speaker, page) in enumerate(rows):
        start += gap
        line += dline
        passages.append(Passage(seq=i, text=text, start=start, end=start + length, line=line, kind=kind,
                                speaker=speaker, page=page))
        start += length
    quotes = []
    for i, p in enumerate(passages):
        if data.draw(st.booleans()):  # a substring of its passage, or any text (a quote across sentences)
            a = data.draw(st.integers(0, len(p.text)))
            text = p.text[a:a + data.draw(st.integers(0, 20))] if data.draw(st.booleans()) else data.draw(st.text(max_size=9))
            quotes.append(Quote(text=text, start=p.start + i, end=p.end, line=p.line, speaker=p.speaker, cue="said",
                                passage_seq=p.seq if data.draw(st.booleans()) else 999))
    zdict = bodies.make_dictionary([p.text for p in passages]) if with_dictionary else b""
    body = bodies.unpack(bodies.pack(passages, quotes, zdict), zdict)
    assert body.passages == tuple(passages)
    expected = [(q.passage_seq if q.passage_seq < len(passages) else -1, q.text, q.start, q.speaker)
                for q in sorted(quotes, key=lambda q: q.start)]
    assert [(pos, q.text, q.start, q.speaker) for pos, q in body.quotes] == expected


def test_passage_ids_name_document_and_position():
    assert bodies.split_id(bodies.passage_id(123_456, 789)) == (123_456, 789)
    assert bodies.passage_id(2, 0) > bodies.passage_id(1, (1 << bodies.PID_SHIFT) - 1)  # document order


def test_replaced_document_leaves_no_stale_passage(sources_dir, tmp_path):
    idx = str(tmp_path / "idx")
    index_paths(idx, [str(sources_dir)])
    store = open_index(idx)
    old = [pid for pid, _, path, _ in store.passages() if path.endswith("bad_date.txt")]
    store.close()
    (sources_dir / "docs" / "bad_date.txt").write_text("Rewritten\n\nThe ferry ran late on Tuesday.\n")
    index_paths(idx, [str(sources_dir)])
    store = open_index(idx)
    assert old and store.candidates(old) == []  # the old ids find nothing, not the new text
    assert store.passage_count() == store.stored_passages()


# An index as factcheck 0.1 (schema 1) wrote it: a row per passage and per quote.
_SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
    title TEXT, date TEXT, url TEXT, site TEXT, author TEXT, format TEXT NOT NULL DEFAULT 'text',
    passages INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0, indexed_at TEXT NOT NULL);
CREATE TABLE passages (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id INTEGER NOT NULL, seq INTEGER NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL,
    speaker TEXT, page INTEGER);
CREATE TABLE quotes (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id INTEGER NOT NULL, passage_id INTEGER,
    text TEXT NOT NULL, speaker TEXT, cue TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL);
"""


def _schema_1_index(folder, files):
    folder.mkdir()
    db = sqlite3.connect(folder / "factcheck.db")
    db.executescript(_SCHEMA_1)
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    next_pid = 1
    for fs_path, shown in files:
        doc = read_document(fs_path)
        passages, quotes = segment(doc)
        cur = db.execute("INSERT INTO documents (path, sha256, title, date, url, site, passages, quotes, indexed_at) "
                         "VALUES (?,?,?,?,?,?,?,?, 'then')", (shown, doc.sha256, doc.title, doc.date, doc.url, doc.site,
                                                              len(passages), len(quotes)))
        by_seq = {}
        for p in passages:
            db.execute('INSERT INTO passages (id, doc_id, seq, kind, text, start, "end", line, speaker, page) '
                       "VALUES (?,?,?,?,?,?,?,?,?,?)", (next_pid, cur.lastrowid, p.seq, p.kind, p.text, p.start,
                                                        p.end, p.line, p.speaker, p.page))
            by_seq[p.seq] = next_pid
            next_pid += 1
        for q in quotes:
            db.execute('INSERT INTO quotes (doc_id, passage_id, text, speaker, cue, start, "end", line) '
                       "VALUES (?,?,?,?,?,?,?,?)", (cur.lastrowid, by_seq.get(q.passage_seq), q.text, q.speaker,
                                                    q.cue, q.start, q.end, q.line))
    db.commit()
    db.close()


def test_an_index_of_the_older_schema_is_upgraded_in_place(seed_store, tmp_path):

    files = [(str(p), str(p)) for p in sorted(SEEDS.iterdir())]  # stored as index_paths stores them
    old = tmp_path / "old"
    _schema_1_index(old, files)
    with pytest.raises(StoreError, match="older factcheck.*factcheck index --index"):
        open_index(str(old))  # reading never rewrites it
    index_paths(str(old), [str(SEEDS)])  # nothing changed on disk: the run upgrades the index
    upgraded = open_index(str(old))
    assert upgraded.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert upgraded.health() is None and upgraded.integrity() == "ok"
    assert [(q.text, q.speaker, q.start) for q in upgraded.quotes()] == \
           [(q.text, q.speaker, q.start) for q in seed_store.quotes()]
    for claim in ("Hegseth ruled out US troops", "Peskov said the Kremlin had already heard such wording"):
        a, b = verify(upgraded, claim), verify(seed_store, claim)
        assert a.verdict == b.verdict
        assert [(e.stance, e.candidate.text, e.candidate.context, e.candidate.quotes) for e in a.evidence] == \
               [(e.stance, e.candidate.text, e.candidate.context, e.candidate.quotes) for e in b.evidence]


def test_one_file_under_two_names_is_one_document(tmp_path, monkeypatch):
    """"src/a.txt", "./src/a.txt" and the absolute path are one file: one document, first name kept."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    shutil.copy(SEEDS / "004_b0943fd7179c371a.txt", tmp_path / "src" / "a.txt")
    first = index_paths("idx", ["src"])
    assert first.indexed == [os.path.join("src", "a.txt")]
    again = index_paths("idx", ["./src", str(tmp_path / "src" / "a.txt")])
    assert again.indexed == [] and again.unchanged == [os.path.join("src", "a.txt")]
    assert open_index("idx").paths() == [os.path.join("src", "a.txt")]
    fresh = index_paths("idx2", [str(tmp_path / "src"), "src", "./src/a.txt"])  # given three times in one run
    assert len(fresh.indexed) == 1 and open_index("idx2").passage_count() == first.passages


def test_the_same_files_give_the_same_bytes_however_slow_the_machine(sources_dir, tmp_path, monkeypatch):
    """The compression dictionary comes from the first documents, not from what a timer let
    into the first batch: a machine where every add outlasts the batch timer writes the same."""
    from factcheck.storewrite import Writer

    def dump(idx):
        db = sqlite3.connect(os.path.join(idx, "factcheck.db"))
        rows = db.execute("SELECT d.path, b.body FROM documents d JOIN bodies b ON b.doc_id = d.id ORDER BY d.path")
        out = (list(rows), db.execute("SELECT value FROM meta WHERE key = 'zdict'").fetchone())
        db.close()
        return out

    index_paths(str(tmp_path / "a"), [str(sources_dir)])
    monkeypatch.setattr(Writer, "BATCH_SECONDS", -1.0)  # the timer has always run out
    index_paths(str(tmp_path / "b"), [str(sources_dir)])
    assert dump(str(tmp_path / "a")) == dump(str(tmp_path / "b"))
