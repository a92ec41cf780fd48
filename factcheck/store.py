"""The index: all SQL and all search-engine access live here.

An index is a folder holding one SQLite database (documents, metadata, passages, quotes;
the source of truth) and one tantivy index over the passages (candidate retrieval; derived,
rebuilt from SQLite whenever the two disagree). Writers take an exclusive file lock per
batch, so concurrent `factcheck index` runs queue instead of failing; readers never block.

Why tantivy: measured on this machine at 1 M passages, SQLite FTS5 takes 87 ms per claim
and tantivy 3.9 ms (issue #7); SQLite remains the home for everything else.

Crash safety: a batch is committed to SQLite first (with the stamp set to "pending" in the
same transaction), then to tantivy, then tantivy's commit stamp is recorded in SQLite. A
crash anywhere in between leaves SQLite consistent (one transaction) and the stamps unequal:
readers warn that answers may miss documents, and the next writer - even one with nothing
new to add - rebuilds tantivy from SQLite.
A bulk run (many files) keeps the lock for the whole run and commits tantivy once at the
end, into one large segment; until then the stamp says "pending" (see Writer).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from .errors import StoreError
from .models import Candidate, Document, Passage, Quote, QuoteRecord, Source, SourceInfo
from .text import prepare

SCHEMA_VERSION = 1
DB_NAME = "factcheck.db"
TANTIVY_DIR = "tantivy"
LOCK_NAME = "write.lock"
BUSY_TIMEOUT_MS = 60_000
CONTEXT_BOOST = 0.35  # weight of the previous sentence's words ("he" -> the person named before)
WRITER_HEAP = 64 * 1024 * 1024
# A bulk run's search-index writer: the engine flushes a segment whenever this fills, so it
# bounds both memory and the number of segments (1 M passages took ~200 MB: one segment).
BULK_WRITER_HEAP = 512 * 1024 * 1024
PENDING = "pending"  # the stamp while a bulk run has committed SQLite but not yet the search index
_REPAIR_HINT = ("run `factcheck index --index {index} SOURCES...` again (any of its sources will do: "
                "the search index is rebuilt from the database)")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    title TEXT, date TEXT, url TEXT, site TEXT, author TEXT,
    format TEXT NOT NULL DEFAULT 'text',
    passages INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    line INTEGER NOT NULL,
    speaker TEXT,
    page INTEGER
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, seq);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id INTEGER,
    text TEXT NOT NULL,
    speaker TEXT,
    cue TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    line INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS quotes_passage ON quotes(passage_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
"""


class Store(Protocol):
    """What the other stages need from an index; a server backend implements the same."""

    def known(self, path: str) -> str | None: ...
    def paths(self) -> list[str]: ...
    def members(self, path: str) -> list[str]: ...
    def search(self, terms: Sequence[str], limit: int,
               context_terms: Sequence[str] | None = None) -> list[tuple[int, float]]: ...
    def fuzzy_search(self, term: str, distance: int, limit: int) -> list[tuple[int, float]]: ...
    def health(self) -> str | None: ...
    def doc_freq(self, term: str) -> int: ...
    def passage_count(self) -> int: ...
    def analyze(self, text: str) -> list[str]: ...
    def candidates(self, pids: Sequence[int]) -> list[Candidate]: ...
    def sources(self) -> list[SourceInfo]: ...
    def quotes(self) -> list[QuoteRecord]: ...
    def close(self) -> None: ...


# ---------------------------------------------------------------------------- opening


def open_index(path: str, create: bool = False) -> IndexStore:
    """Return the index at folder `path`; create it when `create`, else require it to exist."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise StoreError(
            f"{path} is not a factcheck index (a folder made by `factcheck index`); "
            "choose another --index path"
        )
    db_path = os.path.join(path, DB_NAME)
    if not os.path.exists(db_path):
        if not create:
            raise StoreError(f"no index at {path} - run `factcheck index --index {path} SOURCES...` first")
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create index folder {path}: {exc.strerror}") from None
    return IndexStore(path, create=create)


@dataclass
class _Engine:
    """The tantivy side: schema, analyzer and index handle."""

    index: object
    schema: object
    analyzer: object


def _open_engine(folder: str, create: bool) -> _Engine:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("t", tokenizer_name="fc", index_option="freq")
    builder.add_text_field("c", tokenizer_name="fc", index_option="freq")
    builder.add_integer_field("pid", indexed=True, fast=True)
    builder.add_integer_field("doc", indexed=True)
    schema = builder.build()
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )
    where = os.path.dirname(folder)
    if create:
        os.makedirs(folder, exist_ok=True)
    elif not os.path.isdir(folder):
        raise StoreError(f"the search index in {where} is missing; {_REPAIR_HINT.format(index=where)}")
    try:
        index = tantivy.Index(schema, path=folder, reuse=True)
    except ValueError as exc:
        if create:
            raise  # a writer replaces it (see Writer._engine_writer_for)
        raise StoreError(f"the search index in {where} is unreadable ({exc}); "
                         f"{_REPAIR_HINT.format(index=where)}") from None
    index.register_tokenizer("fc", analyzer)
    return _Engine(index=index, schema=schema, analyzer=analyzer)


class IndexStore:
    """SQLite + tantivy index in one folder."""

    def __init__(self, path: str, create: bool = False) -> None:
        self.path = path
        self.db_path = os.path.join(path, DB_NAME)
        try:
            self.db = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            version = self._schema_version(create)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.db_path} is not a readable factcheck index ({exc}); "
                "delete the folder and run `factcheck index` again"
            ) from None
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the index at {path} was written by a newer factcheck (schema {version}, this one "
                f"reads {SCHEMA_VERSION}); upgrade factcheck or index into a new folder"
            )
        self._engine: _Engine | None = None
        self._searcher = None
        if create:
            with contextlib.suppress(ValueError):  # unreadable: the first writer replaces it
                self._engine = _open_engine(os.path.join(path, TANTIVY_DIR), create=True)

    def _schema_version(self, create: bool) -> int:
        has_meta = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if not has_meta:
            if not create:
                raise sqlite3.DatabaseError("no factcheck tables")
            self.db.execute("PRAGMA journal_mode = WAL")
            with self._transaction():
                for stmt in _SCHEMA.split(";"):
                    if stmt.strip():
                        self.db.execute(stmt)
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            return SCHEMA_VERSION
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @property
    def engine(self) -> _Engine:
        if self._engine is None:
            self._engine = _open_engine(os.path.join(self.path, TANTIVY_DIR), create=False)
        return self._engine

    def _get_searcher(self):  # type: ignore[no-untyped-def]
        if self._searcher is None:
            self._searcher = self.engine.index.searcher()  # type: ignore[attr-defined]
        return self._searcher

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    # ------------------------------------------------------------------ reading

    def known(self, path: str) -> str | None:
        """Return the stored content hash of `path`, or None when it is not indexed."""
        row = self.db.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def paths(self) -> list[str]:
        """Return every indexed path."""
        return [r[0] for r in self.db.execute("SELECT path FROM documents ORDER BY path")]

    def members(self, path: str) -> list[str]:
        """Return the stored paths that come from the file `path`: itself and its articles `path#N`."""
        return [r[0] for r in self.db.execute(
            "SELECT path FROM documents WHERE path = ? OR (path > ? AND path < ?) ORDER BY path",
            (path, path + "#", path + "$"),  # "$" sorts right after "#": the range is exactly path#...
        ) if r[0] == path or r[0][len(path) + 1:].isdigit()]

    def passage_count(self) -> int:
        """Return the number of searchable passages."""
        return int(self._get_searcher().num_docs)

    def analyze(self, text: str) -> list[str]:
        """Return the index terms of `text` (same analysis as at index time)."""
        return list(self.engine.analyzer.analyze(prepare(text)))  # type: ignore[attr-defined]

    def doc_freq(self, term: str) -> int:
        """Return how many passages contain the index term `term`."""
        return int(self._get_searcher().doc_freq("t", term))

    def search(self, terms: Sequence[str], limit: int,
               context_terms: Sequence[str] | None = None) -> list[tuple[int, float]]:
        """Return (passage id, BM25 score) of the best passages for any of the index `terms`.

        `context_terms` (default: all of `terms`) are also matched, at CONTEXT_BOOST, in the
        sentence before each passage.
        """
        import tantivy

        if not terms:
            return []
        schema = self.engine.schema
        clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "t", term)) for term in terms]
        for term in terms if context_terms is None else context_terms:
            clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(
                tantivy.Query.term_query(schema, "c", term), CONTEXT_BOOST)))
        return self._run(tantivy.Query.boolean_query(clauses), limit)

    def fuzzy_search(self, term: str, distance: int, limit: int) -> list[tuple[int, float]]:
        """Return passages holding a word within `distance` edits of the index term `term`."""
        import tantivy

        query = tantivy.Query.fuzzy_term_query(self.engine.schema, "t", term, distance=distance,
                                               transposition_cost_one=True, prefix=False)
        return self._run(query, limit)

    def _run(self, query, limit: int) -> list[tuple[int, float]]:  # type: ignore[no-untyped-def]
        searcher = self._get_searcher()
        hits = searcher.search(query, limit, count=False).hits
        if not hits:
            return []
        pids = searcher.fast_field_values("pid", [addr for _, addr in hits])
        return [(int(pid), float(score)) for (score, _), pid in zip(hits, pids) if pid is not None]

    def candidates(self, pids: Sequence[int]) -> list[Candidate]:
        """Return the stored passages `pids` (in that order) with source and context."""
        if not pids:
            return []
        rows = {}
        for chunk in _chunks(list(pids), 900):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"""SELECT p.id, p.text, p.start, p."end", p.line, p.kind, p.speaker, p.page,
                           d.path, d.title, d.date, d.url, d.site,
                           (SELECT q.text FROM passages q WHERE q.id = p.id - 1 AND q.doc_id = p.doc_id)
                    FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.id IN ({marks})""",
                chunk,
            ):
                rows[row[0]] = row
        quotes = self._quotes_of([p for p in pids if p in rows])
        out = []
        for pid in pids:
            row = rows.get(pid)
            if row is None:
                continue  # a stale search hit (the passage was replaced); rebuilt on next write
            source = Source(path=row[8], title=row[9], date=row[10], url=row[11], site=row[12])
            out.append(Candidate(pid=pid, text=row[1], start=row[2], end=row[3], line=row[4], kind=row[5],
                                 speaker=row[6], page=row[7], source=source, context=row[13] or "",
                                 quotes=tuple(quotes.get(pid, ()))))
        return out

    def _quotes_of(self, pids: list[int]) -> dict[int, list[Quote]]:
        out: dict[int, list[Quote]] = {}
        for chunk in _chunks(pids, 900):
            marks = ",".join("?" * len(chunk))
            for pid, text, speaker, cue, start, end, line in self.db.execute(
                f'SELECT passage_id, text, speaker, cue, start, "end", line FROM quotes '
                f"WHERE passage_id IN ({marks}) ORDER BY start", chunk,
            ):
                out.setdefault(pid, []).append(Quote(text=text, start=start, end=end, line=line,
                                                     speaker=speaker, cue=cue))
        return out

    def sources(self) -> list[SourceInfo]:
        """Return every indexed document with its metadata and counts, by path."""
        return [
            SourceInfo(path=r[0], title=r[1], date=r[2], url=r[3], site=r[4], passages=r[5], quotes=r[6], format=r[7])
            for r in self.db.execute(
                "SELECT path, title, date, url, site, passages, quotes, format FROM documents ORDER BY path"
            )
        ]

    def quotes(self) -> list[QuoteRecord]:
        """Return every stored quote with its source, in document order."""
        return [
            QuoteRecord(text=r[0], speaker=r[1], cue=r[2], start=r[3], end=r[4], line=r[5],
                        source=Source(path=r[6], title=r[7], date=r[8], url=r[9], site=r[10]))
            for r in self.db.execute(
                """SELECT q.text, q.speaker, q.cue, q.start, q."end", q.line, d.path, d.title, d.date,
                          d.url, d.site
                   FROM quotes q JOIN documents d ON d.id = q.doc_id ORDER BY d.path, q.start"""
            )
        ]

    def health(self) -> str | None:
        """Return a warning when searches may miss documents (the search index is behind), else None.

        Raise StoreError when there is no usable search index at all.
        """
        state = self._engine_state()
        if state is None:
            return None
        if state != "behind":
            raise StoreError(f"the search index in {self.path} is {state}; {_REPAIR_HINT.format(index=self.path)}")
        if _lock_held(os.path.join(self.path, LOCK_NAME)):
            return (f"the index at {self.path} is being written by another `factcheck index` run; "
                    "its newest documents may not be searchable yet")
        return (f"the search index at {self.path} is behind its database (an indexing run was interrupted), "
                f"so answers may miss documents; {_REPAIR_HINT.format(index=self.path)}")

    def _engine_state(self) -> str | None:
        """Return None when the search index holds what SQLite does, else "missing", "unreadable" or "behind".

        Compares the stamp SQLite recorded at the last search-index commit with the commit
        stamp in the engine's own meta file: cheap enough to run on every command.
        """
        stamp = _read_stamp(self.db)
        try:
            with open(os.path.join(self.path, TANTIVY_DIR, "meta.json"), encoding="utf-8") as fh:
                opstamp: str | None = str(json.load(fh)["opstamp"])
        except FileNotFoundError:
            opstamp = None
        except (OSError, ValueError, KeyError, TypeError):
            return "unreadable"
        if stamp is None:  # no search-index commit recorded: sound only while SQLite holds no passage
            empty = self.db.execute("SELECT 1 FROM passages LIMIT 1").fetchone() is None
            return None if empty else ("missing" if opstamp is None else "behind")
        if opstamp is None:
            return "missing"
        return None if stamp == opstamp else "behind"

    def integrity(self) -> str:
        """Return SQLite's integrity check verdict ("ok" when sound)."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def writer(self, bulk: bool = False) -> Iterator[Writer]:
        """Yield a Writer holding the index's write lock; commits on exit (see Writer for `bulk`)."""
        w = Writer(self, bulk=bulk)
        try:
            if self._engine_state() is not None:
                w.repair()  # even a run with nothing new repairs what an interrupted run left
            yield w
            w.flush()
            w.finish()
        finally:
            w.release()
            self._searcher = None
            self._engine = None  # reopened on next read, so it sees this commit


class Writer:
    """Buffers documents and commits them in batches under the index's write lock.

    By default each batch takes the lock, commits SQLite, then the search index, then the
    stamp, and lets the lock go, so that concurrent runs interleave. A `bulk` writer (a run
    that loads many files) keeps the lock and one search-index writer for the whole run:
    each batch still commits SQLite - with the stamp set to "pending" in the same
    transaction - and the search index is committed once, at `finish`, into few large
    segments. Searching 1 M passages in 12 segments (one commit per batch) took 3x as long
    as in one. A crash before `finish` leaves the stamp "pending", and the next writer
    rebuilds the search index from SQLite, as after any crash between the two commits.
    """

    BATCH_DOCS = 500
    BATCH_PASSAGES = 50_000
    BATCH_SECONDS = 5.0

    def __init__(self, store: IndexStore, bulk: bool = False) -> None:
        self.store = store
        self.bulk = bulk
        self._engine_writer = None  # bulk: the search-index writer kept until finish()
        self.pending: list[tuple[Document, list[Passage], list[Quote], list[str] | None]] = []
        self.pending_removals: list[str] = []
        self.pending_passages = 0
        self.started = time.monotonic()
        self._lock_fd: int | None = None

    def add(self, doc: Document, passages: list[Passage], quotes: list[Quote],
            prepared: list[str] | None = None) -> None:
        """Queue `doc` to replace whatever is stored under its path.

        `prepared` is `text.prepare` of each passage's text when the caller computed it already
        (ingest does, in its worker processes).
        """
        self.pending.append((doc, passages, quotes, prepared))
        self.pending_passages += len(passages)
        if (len(self.pending) >= self.BATCH_DOCS or self.pending_passages >= self.BATCH_PASSAGES
                or time.monotonic() - self.started > self.BATCH_SECONDS):
            self.flush()

    def remove(self, path: str) -> None:
        """Queue the removal of the document stored under `path`."""
        self.pending_removals.append(path)

    def flush(self) -> None:
        """Commit queued work: SQLite first, then the search index, then the stamp."""
        if not self.pending and not self.pending_removals:
            return
        self._lock()
        try:
            self._commit_batch()
        finally:
            if not self.bulk:
                self._unlock()
        self.pending, self.pending_removals, self.pending_passages = [], [], 0
        self.started = time.monotonic()

    def repair(self) -> None:
        """Rebuild the search index from SQLite if it is missing, unreadable or behind (under the lock)."""
        self._lock()
        try:
            writer = self._engine_writer if self._engine_writer is not None else self._open_engine_writer()
            if self.bulk:
                self._engine_writer = writer
            del writer
        finally:
            if not self.bulk:
                self._unlock()

    def _open_engine_writer(self):  # type: ignore[no-untyped-def]
        """Return a search-index writer over an engine that agrees with SQLite (rebuilt if not).

        Called with the write lock held. The search index is derived data: one that cannot be
        opened is replaced, one whose commit stamp differs from SQLite's is refilled.
        """
        store = self.store
        folder = os.path.join(store.path, TANTIVY_DIR)
        try:
            engine = _open_engine(folder, create=True)
        except ValueError:
            shutil.rmtree(folder, ignore_errors=True)
            engine = _open_engine(folder, create=True)
        writer = _tantivy_writer(engine, BULK_WRITER_HEAP if self.bulk else WRITER_HEAP)
        stamp = _read_stamp(store.db)
        has_passages = store.db.execute("SELECT 1 FROM passages LIMIT 1").fetchone() is not None
        if stamp != str(writer.commit_opstamp) and (stamp is not None or has_passages):
            _rebuild_engine(store.db, engine, writer)
        return writer

    def _commit_batch(self) -> None:
        store = self.store
        db = store.db
        writer = self._engine_writer if self._engine_writer is not None else self._open_engine_writer()
        try:
            removed_docs: list[int] = []
            added: list[tuple[int, list[int], list[str]]] = []
            with store._transaction():
                # until the search index has these rows too: a crash before then shows as "pending"
                _write_stamp(db, PENDING)
                for path in self.pending_removals:
                    removed_docs.extend(_delete_path(db, path))
                next_id = _next_passage_id(db)
                for doc, passages, quotes, prepared in self.pending:
                    removed_docs.extend(_delete_path(db, doc.path))
                    doc_id, ids = _insert(db, doc, passages, quotes, next_id)
                    next_id += len(ids)
                    added.append((doc_id, ids, prepared or [prepare(p.text) for p in passages]))
            import tantivy

            for doc_id in removed_docs:
                writer.delete_documents_by_term("doc", doc_id)
            for doc_id, ids, texts in added:
                previous = ""
                for pid, text in zip(ids, texts):
                    writer.add_document(tantivy.Document(t=text, c=previous, pid=pid, doc=doc_id))
                    previous = text
            if self.bulk:
                self._engine_writer = writer
                return
            stamp = writer.commit()
            writer.wait_merging_threads()
            with store._transaction():
                _write_stamp(db, stamp)
        finally:
            del writer

    def _lock(self) -> None:
        import fcntl

        if self._lock_fd is not None:
            return  # a bulk writer holds it from batch to batch

        path = os.path.join(self.store.path, LOCK_NAME)
        self._lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            import fcntl

            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def finish(self) -> None:
        """Bulk: commit the search index once, record its stamp and let the lock go."""
        writer = self._engine_writer
        if writer is None:
            return
        stamp = writer.commit()
        writer.wait_merging_threads()
        self._engine_writer = None
        with self.store._transaction():
            _write_stamp(self.store.db, stamp)
        self._unlock()

    def release(self) -> None:
        """Drop the write lock if it is still held (a bulk run's uncommitted search index too)."""
        self._engine_writer = None  # dropped uncommitted: the "pending" stamp forces a rebuild
        self._unlock()


def _lock_held(path: str) -> bool:
    """Return True when some process holds the write lock at `path` (without waiting for it)."""
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops a lock we got
    return False


def _tantivy_writer(engine: _Engine, heap: int = 0):  # type: ignore[no-untyped-def]
    # The file lock above serialises writers; the loop only covers a writer of another
    # process that is still shutting down.
    for attempt in range(100):
        try:
            return engine.index.writer(heap_size=heap or WRITER_HEAP, num_threads=1)  # type: ignore[attr-defined]
        except ValueError as exc:
            if "LockBusy" not in str(exc) or attempt == 99:
                raise StoreError(f"cannot write the search index: {exc}") from None
            time.sleep(0.05)
    raise AssertionError("unreachable")


def _read_stamp(db: sqlite3.Connection) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key='engine_stamp'").fetchone()
    return row[0] if row else None


def _write_stamp(db: sqlite3.Connection, stamp: int | str) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES ('engine_stamp', ?)", (str(stamp),))


def _rebuild_engine(db: sqlite3.Connection, engine: _Engine, writer) -> None:  # type: ignore[no-untyped-def]
    """Refill the search index from SQLite (after a crash between the two commits)."""
    import tantivy

    writer.delete_all_documents()
    previous_doc, previous = None, ""
    for pid, doc_id, text in db.execute("SELECT id, doc_id, text FROM passages ORDER BY doc_id, seq"):
        if doc_id != previous_doc:
            previous_doc, previous = doc_id, ""
        prepared = prepare(text)
        writer.add_document(tantivy.Document(t=prepared, c=previous, pid=pid, doc=doc_id))
        previous = prepared
    stamp = writer.commit()
    db.execute("BEGIN IMMEDIATE")
    _write_stamp(db, stamp)
    db.execute("COMMIT")


def _delete_path(db: sqlite3.Connection, path: str) -> list[int]:
    ids = [r[0] for r in db.execute("SELECT id FROM documents WHERE path = ?", (path,))]
    for doc_id in ids:
        db.execute("DELETE FROM quotes WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM passages WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    return ids


def _next_passage_id(db: sqlite3.Connection) -> int:
    """Return the first passage id never used (ids are not reused: stale search hits stay stale)."""
    row = db.execute("SELECT max(id) FROM passages").fetchone()
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'passages'").fetchone()
    return max(row[0] or 0, seq[0] if seq else 0) + 1


def _insert(db: sqlite3.Connection, doc: Document, passages: list[Passage], quotes: list[Quote],
            first_id: int) -> tuple[int, list[int]]:
    cur = db.execute(
        """INSERT INTO documents (path, sha256, title, date, url, site, author, format, passages, quotes, indexed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (doc.path, doc.sha256, doc.title, doc.date, doc.url, doc.site, doc.author, doc.format,
         len(passages), len(quotes), time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
    )
    doc_id = int(cur.lastrowid or 0)
    # Explicit ids (we hold the write lock inside one transaction): one executemany per document.
    ids = list(range(first_id, first_id + len(passages)))
    db.executemany(
        'INSERT INTO passages (id, doc_id, seq, kind, text, start, "end", line, speaker, page) VALUES (?,?,?,?,?,?,?,?,?,?)',
        [(pid, doc_id, p.seq, p.kind, p.text, p.start, p.end, p.line, p.speaker, p.page) for pid, p in zip(ids, passages)],
    )
    by_seq = {p.seq: pid for p, pid in zip(passages, ids)}
    db.executemany(
        'INSERT INTO quotes (doc_id, passage_id, text, speaker, cue, start, "end", line) VALUES (?,?,?,?,?,?,?,?)',
        [(doc_id, by_seq.get(q.passage_seq), q.text, q.speaker, q.cue, q.start, q.end, q.line) for q in quotes],
    )
    return doc_id, ids


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
