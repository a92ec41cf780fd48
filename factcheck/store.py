"""The index: all SQL and all search-engine access live here (writing: `storewrite`).

An index is a folder holding one SQLite database (documents with their metadata, and each
document's passages and quotes as one compressed record - see `bodies`; the source of truth)
and one tantivy index over the passages (candidate retrieval; derived, rebuilt from SQLite
whenever the two disagree). Writers take an exclusive file lock per batch, so concurrent
`factcheck index` runs queue instead of failing; readers never block.

Why tantivy: measured on this machine at 1 M passages, SQLite FTS5 takes 87 ms per claim
and tantivy 3.9 ms (issue #7); SQLite remains the home for everything else.

Crash safety: a batch is committed to SQLite first (with the stamp set to "pending" in the
same transaction), then to tantivy, then tantivy's commit stamp is recorded in SQLite. A
crash anywhere in between leaves SQLite consistent (one transaction) and the stamps unequal:
readers warn that answers may miss documents, and the next writer - even one with nothing
new to add - rebuilds tantivy from SQLite. A bulk run (many files) keeps the lock for the
whole run and commits tantivy once at the end, into one large segment; until then the stamp
says "pending" (see storewrite.Writer).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from .bodies import Body, passage_id, split_id, unpack
from .errors import StoreError
from .models import Candidate, QuoteRecord, Source, SourceInfo
from .text import prepare

if TYPE_CHECKING:
    from .storewrite import Writer

SCHEMA_VERSION = 2  # 2: passages and quotes in one compressed record per document (was: a row each)
DB_NAME = "factcheck.db"
TANTIVY_DIR = "tantivy"
LOCK_NAME = "write.lock"
BUSY_TIMEOUT_MS = 60_000
MMAP_BYTES = 256 * 1024 * 1024  # address space, not memory: the OS pages the file in as it is read
CONTEXT_BOOST = 0.35  # weight of the previous sentence's words ("he" -> the person named before)
PENDING = "pending"  # the stamp while SQLite holds rows the search index does not have yet
BODY_CACHE = 256  # unpacked documents kept per open index: claims in a batch keep hitting the same ones
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
CREATE TABLE IF NOT EXISTS bodies (doc_id INTEGER PRIMARY KEY, body BLOB NOT NULL);
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
    def undated_count(self) -> int: ...
    def analyze(self, text: str) -> list[str]: ...
    def candidates(self, pids: Sequence[int]) -> list[Candidate]: ...
    def passages(self) -> Iterator[tuple[int, int, str, str]]: ...
    def dictionary(self) -> bytes: ...
    def stored_passages(self) -> int: ...
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


class _Engine(NamedTuple):
    """The tantivy side: schema, analyzer and index handle (tantivy is imported lazily, so Any)."""

    index: Any  # type: ignore[assignment]  # a field named like tuple.index, which it shadows; nothing calls that
    schema: Any
    analyzer: Any


def _schema(pid_indexed: bool = False):  # type: ignore[no-untyped-def]
    """Return the search index's schema (tantivy is imported lazily, so untyped).

    Passage ids are read from the fast field only: indexing them as terms too (a term per
    passage, never searched) was ~10% of the engine's indexing time and 0.4 of 16 MB at
    100 k passages. Indexes made before (`pid_indexed`) are read and written as they are.
    """
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("t", tokenizer_name="fc", index_option="freq")
    builder.add_text_field("c", tokenizer_name="fc", index_option="freq")
    builder.add_integer_field("pid", indexed=pid_indexed, fast=True)
    builder.add_integer_field("doc", indexed=True)
    return builder.build()


def _open_engine(folder: str, create: bool) -> _Engine:
    import tantivy

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
        schema = _schema()
        try:
            index = tantivy.Index(schema, path=folder, reuse=True)
        except ValueError as exc:
            if "schema does not match" not in str(exc):
                raise
            schema = _schema(pid_indexed=True)  # an index of an earlier factcheck: same fields, same search
            index = tantivy.Index(schema, path=folder, reuse=True)
    except ValueError as exc:
        if create:
            raise  # a writer replaces it (see storewrite.Writer._open_engine_writer)
        raise StoreError(f"the search index in {where} is unreadable ({exc}); "
                         f"{_REPAIR_HINT.format(index=where)}") from None
    index.register_tokenizer("fc", analyzer)
    return _Engine(index=index, schema=schema, analyzer=analyzer)


def acquire_write_lock(folder: str) -> int:
    """Return a descriptor holding the index's exclusive write lock (waits for other writers)."""
    import fcntl

    fd = os.open(os.path.join(folder, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


class IndexStore:
    """SQLite + tantivy index in one folder."""

    def __init__(self, path: str, create: bool = False) -> None:
        self.path = path
        self.db_path = os.path.join(path, DB_NAME)
        self._engine: _Engine | None = None
        self._searcher = None
        self._bodies: OrderedDict[int, Body | None] = OrderedDict()
        self._zdict: bytes | None = None
        try:
            self.db = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Records are read straight from the mapped file, not copied in by read() calls:
            # 15% of a claim's fetch at 1 M passages (0.80 -> 0.68 ms).
            self.db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self.db.execute("PRAGMA foreign_keys = ON")
            version = self._schema_version(create)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
                raise StoreError(f"the index at {path} is busy ({exc}): another process is writing it; "
                                 "try again") from None
            raise StoreError(
                f"{self.db_path} is not a readable factcheck index ({exc}); "
                "delete the folder and run `factcheck index` again"
            ) from None
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the index at {path} was written by a newer factcheck (schema {version}, this one "
                f"reads {SCHEMA_VERSION}); upgrade factcheck or index into a new folder"
            )
        if version < SCHEMA_VERSION:
            if not create:
                raise StoreError(
                    f"the index at {path} was written by an older factcheck (schema {version}); "
                    f"run `factcheck index --index {path} SOURCES...` once to upgrade it in place"
                )
            from .storewrite import upgrade

            upgrade(self, version)
        if create:
            with contextlib.suppress(ValueError):  # unreadable: the first writer replaces it
                self._engine = _open_engine(os.path.join(path, TANTIVY_DIR), create=True)

    def _schema_version(self, create: bool) -> int:
        if not self._has_meta():
            if not create:
                raise sqlite3.DatabaseError("no factcheck tables")
            return self._create_schema()
        return self._stored_version()

    def _has_meta(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone() is not None

    def _stored_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _create_schema(self) -> int:
        """Lay out a new index, under the write lock: writers started together race to create it."""
        fd = acquire_write_lock(self.path)
        try:
            if self._has_meta():  # another writer laid it out while this one waited
                return self._stored_version()
            # 16 KB pages: a document's record (~1.5 KB compressed) rarely spills over a page
            # boundary; with 4 KB pages a fifth of the file was the unused ends of overflow pages.
            self.db.execute("PRAGMA page_size = 16384")
            self.db.execute("PRAGMA journal_mode = WAL")
            with self._transaction():
                for stmt in _SCHEMA.split(";"):
                    if stmt.strip():
                        self.db.execute(stmt)
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            return SCHEMA_VERSION
        finally:
            os.close(fd)

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

    def undated_count(self) -> int:
        """Return how many documents have no publication date (a --since/--until window leaves them out)."""
        return int(self.db.execute("SELECT count(*) FROM documents WHERE date IS NULL").fetchone()[0])

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
        where = [split_id(pid) for pid in pids]
        sources = self._sources_of({doc_id for doc_id, _ in where})
        self._load_bodies([doc_id for doc_id in sources if doc_id not in self._bodies])
        out = []
        for pid, (doc_id, pos) in zip(pids, where):
            body = self._body(doc_id)
            if body is None or pos >= len(body) or doc_id not in sources:
                continue  # a stale search hit (the document was replaced); rebuilt on next write
            p = body.passage(pos)
            out.append(Candidate(pid=pid, text=p.text, start=p.start, end=p.end, line=p.line, kind=p.kind,
                                 speaker=p.speaker, page=p.page, source=sources[doc_id],
                                 context=body.texts[pos - 1] if pos else "", quotes=body.quotes_at(pos)))
        return out

    def _sources_of(self, doc_ids: set[int]) -> dict[int, Source]:
        return {doc_id: Source(path=path, title=title, date=date, url=url, site=site)
                for doc_id, path, title, date, url, site in self._rows_in(
                    "SELECT id, path, title, date, url, site FROM documents WHERE id IN ({})", sorted(doc_ids))}

    def _load_bodies(self, doc_ids: list[int]) -> None:
        """Read the records of `doc_ids` into the cache, in one query."""
        for doc_id, data in self._rows_in("SELECT doc_id, body FROM bodies WHERE doc_id IN ({})", doc_ids):
            self._cache_body(doc_id, unpack(data, self.dictionary()))

    def _rows_in(self, sql: str, ids: Sequence[int]) -> Iterator[tuple]:  # type: ignore[type-arg]
        """Yield the rows of `sql` with its "IN ({})" filled by `ids` (900 at a time: SQLite's limit)."""
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            yield from self.db.execute(sql.format(",".join("?" * len(chunk))), chunk)

    def _cache_body(self, doc_id: int, body: Body | None) -> None:
        self._bodies[doc_id] = body
        if len(self._bodies) > BODY_CACHE:
            self._bodies.popitem(last=False)

    def _body(self, doc_id: int) -> Body | None:
        """Return a document's unpacked passages and quotes (None when gone), through a small cache."""
        if doc_id in self._bodies:
            self._bodies.move_to_end(doc_id)
            return self._bodies[doc_id]
        row = self.db.execute("SELECT body FROM bodies WHERE doc_id = ?", (doc_id,)).fetchone()
        body = unpack(row[0], self.dictionary()) if row else None
        self._cache_body(doc_id, body)
        return body

    def passages(self) -> Iterator[tuple[int, int, str, str]]:
        """Yield (passage id, document id, document path, text) of every stored passage, in document order."""
        for doc_id, path, data in self.db.execute(
                "SELECT d.id, d.path, b.body FROM documents d JOIN bodies b ON b.doc_id = d.id ORDER BY d.id"):
            for pos, text in enumerate(unpack(data, self.dictionary()).texts):
                yield passage_id(doc_id, pos), doc_id, path, text

    def dictionary(self) -> bytes:
        """Return the preset compression dictionary of this index's records (b"" before the first write)."""
        if self._zdict is None:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'zdict'").fetchone()
            self._zdict = bytes(row[0]) if row else b""
        return self._zdict

    def stored_passages(self) -> int:
        """Return how many passages SQLite holds (the search index should hold as many)."""
        return int(self.db.execute("SELECT coalesce(sum(passages), 0) FROM documents").fetchone()[0])

    def sources(self) -> list[SourceInfo]:
        """Return every indexed document with its metadata and counts, by path."""
        return [
            SourceInfo(path=r[0], title=r[1], date=r[2], url=r[3], site=r[4], passages=r[5], quotes=r[6], format=r[7],
                       author=r[8])
            for r in self.db.execute(
                "SELECT path, title, date, url, site, passages, quotes, format, author FROM documents ORDER BY path"
            )
        ]

    def quotes(self) -> list[QuoteRecord]:
        """Return every stored quote with its source, in document order."""
        out: list[QuoteRecord] = []
        for path, title, date, url, site, data in self.db.execute(
                """SELECT d.path, d.title, d.date, d.url, d.site, b.body FROM documents d
                   JOIN bodies b ON b.doc_id = d.id WHERE d.quotes > 0 ORDER BY d.path"""):
            source = Source(path=path, title=title, date=date, url=url, site=site)
            out.extend(QuoteRecord(text=q.text, speaker=q.speaker, cue=q.cue, start=q.start, end=q.end, line=q.line,
                                   source=source) for _, q in unpack(data, self.dictionary()).quotes)
        return out

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
        stamp = read_stamp(self.db)
        try:
            with open(os.path.join(self.path, TANTIVY_DIR, "meta.json"), encoding="utf-8") as fh:
                opstamp: str | None = str(json.load(fh)["opstamp"])
        except FileNotFoundError:
            opstamp = None
        except (OSError, ValueError, KeyError, TypeError):
            return "unreadable"
        if stamp is None:  # no search-index commit recorded: sound only while SQLite holds no passage
            empty = self.stored_passages() == 0
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
        """Yield a Writer holding the index's write lock; commits on exit (see storewrite.Writer for `bulk`)."""
        from .storewrite import Writer

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
            self._bodies.clear()


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


def read_stamp(db: sqlite3.Connection) -> str | None:
    """Return the search-index commit stamp SQLite recorded (PENDING while rows wait for it)."""
    row = db.execute("SELECT value FROM meta WHERE key='engine_stamp'").fetchone()
    return row[0] if row else None
