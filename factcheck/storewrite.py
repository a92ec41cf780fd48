"""Writing the index: batches under the write lock, crash repair, schema upgrades (reading: `store`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator

from .bodies import Packed, make_dictionary, pack, passage_id, repack
from .errors import StoreError
from .models import Document, Passage, Quote
from .store import (
    PENDING,
    SCHEMA_VERSION,
    TANTIVY_DIR,
    IndexStore,
    _Engine,
    _open_engine,
    acquire_write_lock,
    read_stamp,
)
from .text import prepare

WRITER_HEAP = 64 * 1024 * 1024
# A bulk run's search-index writer: the engine flushes a segment whenever this fills, so it
# bounds both memory and the number of segments (1 M passages took ~200 MB: one segment).
BULK_WRITER_HEAP = 512 * 1024 * 1024


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
        # (document, passages, quotes, prepared texts, the record when packed ahead - then no passages/quotes)
        self.pending: list[tuple[Document, list[Passage], list[Quote], list[str] | None, Packed | None]] = []
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
        self.pending.append((doc, passages, quotes, prepared, None))
        self._added(len(passages))

    def add_packed(self, doc: Document, packed: Packed, prepared: list[str]) -> None:
        """Queue `doc`, whose record a worker packed already (with the index's dictionary), like `add`."""
        self.pending.append((doc, [], [], prepared, packed))
        self._added(packed.passages)

    def _added(self, passages: int) -> None:
        self.pending_passages += passages
        if (len(self.pending) >= self.BATCH_DOCS or self.pending_passages >= self.BATCH_PASSAGES
                or (time.monotonic() - self.started > self.BATCH_SECONDS
                    and (len(self.pending) >= DICT_DOCS or self.store.dictionary()))):
            # Not by the clock before the index has its dictionary: it is made from the first
            # DICT_DOCS documents, whatever the machine's speed, so the same files give the same bytes.
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
        stamp = read_stamp(store.db)
        has_passages = store.stored_passages() > 0
        if stamp != str(writer.commit_opstamp) and (stamp is not None or has_passages):
            _rebuild_engine(store, engine, writer)
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
                zdict = _dictionary(store, (p.text for _, passages, _, _, _ in self.pending[:DICT_DOCS]
                                            for p in passages))
                for doc, passages, quotes, prepared, packed in self.pending:
                    removed_docs.extend(_delete_path(db, doc.path))
                    if packed is None:
                        packed = Packed(pack(passages, quotes, zdict), zdict, len(passages), len(quotes))
                    elif packed.zdict != zdict:  # packed before this index had (this) dictionary
                        packed = packed._replace(data=repack(packed, zdict), zdict=zdict)
                    doc_id, ids = _insert(db, doc, packed)
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
        if self._lock_fd is None:  # a bulk writer holds it from batch to batch
            self._lock_fd = acquire_write_lock(self.store.path)

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor lets the lock go
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


def _write_stamp(db: sqlite3.Connection, stamp: int | str) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES ('engine_stamp', ?)", (str(stamp),))


def _rebuild_engine(store: IndexStore, engine: _Engine, writer) -> None:  # type: ignore[no-untyped-def]
    """Refill the search index from SQLite (after a crash between the two commits)."""
    import tantivy

    writer.delete_all_documents()
    previous_doc, previous = None, ""
    for pid, doc_id, _, text in store.passages():
        if doc_id != previous_doc:
            previous_doc, previous = doc_id, ""
        prepared = prepare(text)
        writer.add_document(tantivy.Document(t=prepared, c=previous, pid=pid, doc=doc_id))
        previous = prepared
    stamp = writer.commit()
    store.db.execute("BEGIN IMMEDIATE")
    _write_stamp(store.db, stamp)
    store.db.execute("COMMIT")


def _delete_path(db: sqlite3.Connection, path: str) -> list[int]:
    ids = [r[0] for r in db.execute("SELECT id FROM documents WHERE path = ?", (path,))]
    for doc_id in ids:
        db.execute("DELETE FROM bodies WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    return ids


# The documents a new index's compression dictionary is made from: the first ones written, as
# many as a batch holds (from 50 the 100 k benchmark index came out 0.8% larger).
DICT_DOCS = 500


def _dictionary(store: IndexStore, texts: Iterable[str]) -> bytes:
    """Return the index's compression dictionary, made from `texts` if the index has none yet.

    Made once, from the first DICT_DOCS documents written, and kept: every record is read with it. The
    commonest words of a newsroom's first few hundred articles stay its commonest words.
    Read again in the batch's transaction: another writer may have made it since this
    store last looked (an empty answer is cached too), and replacing it would make that
    writer's records unreadable.
    """
    store._zdict = None
    zdict = store.dictionary()
    if not zdict:
        zdict = make_dictionary(texts)
        store.db.execute("INSERT OR REPLACE INTO meta VALUES ('zdict', ?)", (zdict,))
        store._zdict = zdict
    return zdict


def _insert(db: sqlite3.Connection, doc: Document, packed: Packed) -> tuple[int, list[int]]:
    """Store one document; return its id and its passages' ids (document ids are never reused)."""
    cur = db.execute(
        """INSERT INTO documents (path, sha256, title, date, url, site, author, format, passages, quotes, indexed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (doc.path, doc.sha256, doc.title, doc.date, doc.url, doc.site, doc.author, doc.format,
         packed.passages, packed.quotes, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
    )
    doc_id = int(cur.lastrowid or 0)
    db.execute("INSERT INTO bodies (doc_id, body) VALUES (?, ?)", (doc_id, packed.data))
    return doc_id, [passage_id(doc_id, i) for i in range(packed.passages)]


def upgrade(store: IndexStore, version: int) -> None:
    """Rewrite an index of an older schema in the current one, in place (the search index is rebuilt)."""
    if version != 1:
        raise StoreError(f"the index at {store.path} has schema {version}, which this factcheck cannot upgrade; "
                         "delete the folder and run `factcheck index` again")
    from .models import Quote as _Quote

    db = store.db
    with _locked(store):
        if int(db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]) != 1:
            return  # another process upgraded it while this one waited for the lock
        with store._transaction():
            db.execute("CREATE TABLE IF NOT EXISTS bodies (doc_id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
            zdict = _dictionary(store, (t for (t,) in db.execute(
                "SELECT text FROM passages WHERE doc_id IN (SELECT id FROM documents ORDER BY id LIMIT 500)")))
            for (doc_id,) in db.execute("SELECT id FROM documents").fetchall():
                rows = db.execute('SELECT id, seq, kind, text, start, "end", line, speaker, page FROM passages '
                                  "WHERE doc_id = ? ORDER BY seq", (doc_id,)).fetchall()
                passages = [Passage(seq=seq, text=text, start=start, end=end, line=line, kind=kind, speaker=speaker,
                                    page=page) for _, seq, kind, text, start, end, line, speaker, page in rows]
                seq_of = {pid: seq for pid, seq, *_ in rows}
                quotes = [_Quote(text=text, start=start, end=end, line=line, speaker=speaker, cue=cue,
                                 passage_seq=seq_of.get(pid, -1))
                          for pid, text, speaker, cue, start, end, line in db.execute(
                              'SELECT passage_id, text, speaker, cue, start, "end", line FROM quotes WHERE doc_id = ?',
                              (doc_id,))]
                db.execute("INSERT INTO bodies (doc_id, body) VALUES (?, ?)", (doc_id, pack(passages, quotes, zdict)))
            db.execute("DROP TABLE quotes")
            db.execute("DROP TABLE passages")
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
            _write_stamp(db, PENDING)  # passage ids changed: the next writer rebuilds the search index
        db.execute("VACUUM")


@contextlib.contextmanager
def _locked(store: IndexStore) -> Iterator[None]:
    """Hold the index's write lock (the one Writer batches take) for the duration."""
    fd = acquire_write_lock(store.path)
    try:
        yield
    finally:
        os.close(fd)
