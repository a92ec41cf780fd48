"""Files -> index: read each file, segment it, store it; skip what is unchanged or unreadable."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .bodies import Packed, pack_ahead
from .documents import DEFAULT_MAX_FILE_SIZE, iter_files, parse_members, read_bytes
from .errors import FactcheckError, InputError
from .models import Document, IndexReport, Passage, Preview, PreviewItem, Quote, SourceInfo
from .readers import Member, ReadOptions, container_of
from .segment import segment
from .store import DB_NAME, IndexStore, open_index
from .text import prepare, strip_controls

if TYPE_CHECKING:
    from concurrent.futures import Future

Progress = Callable[[int, int, str], None]  # (files done, files in all, the file's stored path)


def index_paths(
    index_path: str,
    paths: Iterable[str],
    prune: bool = False,
    max_bytes: int = DEFAULT_MAX_FILE_SIZE,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
) -> IndexReport:
    """Index the files under `paths` into the index folder `index_path`; return what happened."""
    files = _files(paths)
    store = open_index(index_path, create=True)
    try:
        return index_files(store, files, prune=prune, max_bytes=max_bytes, progress=progress, options=options)
    finally:
        store.close()


def _files(paths: Iterable[str]) -> list[tuple[str, str]]:
    paths = list(paths)
    for raw in paths:
        if not os.path.lexists(raw):
            raise InputError(f"{raw}: no such file or folder")
    return [(f, f) for f in iter_files(paths)]


def index_files(
    store: IndexStore,
    files: list[tuple[str, str]],
    prune: bool = False,
    max_bytes: int = DEFAULT_MAX_FILE_SIZE,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
) -> IndexReport:
    """Index (file path, stored path) pairs into `store`; return what happened.

    A file may hold several articles (JSON exports): each is stored as `path#N`, compared
    by its own hash, and articles that disappeared from a re-read file are removed.
    """
    options = options or ReadOptions(max_bytes=max_bytes)
    report = IndexReport()
    counts = {"passages": 0, "quotes": 0}
    files = _once_each(files, store.paths())
    with store.writer(bulk=len(files) >= BULK_MIN_FILES) as writer:
        jobs = ((fs_path, shown, max_bytes, options, {p: store.known(p) for p in store.members(shown)})
                for fs_path, shown in files)
        results = _read_all(jobs, len(files), store.dictionary)
        for n, (shown, error, stale_members, outcomes) in enumerate(results, 1):
            if progress:
                progress(n, len(files), shown)
            if error is not None:
                report.skipped.append((shown, error))
                continue
            for stale in stale_members:
                writer.remove(stale)  # an article that left a re-read export
                report.pruned.append(stale)
            for path, outcome in outcomes:
                if outcome is None:
                    report.unchanged.append(path)
                elif isinstance(outcome, str):
                    report.skipped.append((path, outcome))
                else:
                    doc, passages, quotes, prepared = outcome
                    if isinstance(passages, Packed):
                        writer.add_packed(doc, passages, prepared)
                        counts["passages"] += passages.passages
                        counts["quotes"] += passages.quotes
                    else:
                        writer.add(doc, passages, quotes, prepared)
                        counts["passages"] += len(passages)
                        counts["quotes"] += len(quotes)
                    report.indexed.append(path)
        if prune:
            seen = {shown for _, shown in files}
            for path in store.paths():
                if path not in seen and container_of(path) not in seen and not _on_disk(path):
                    writer.remove(path)
                    report.pruned.append(path)
    return IndexReport(indexed=report.indexed, unchanged=report.unchanged, skipped=report.skipped,
                       pruned=report.pruned, passages=counts["passages"], quotes=counts["quotes"])


# One file's work, done in a worker process for large runs: (file path, stored path, max
# bytes, read options, {stored article path: its stored sha256}).
Job = tuple[str, str, int, ReadOptions, dict[str, str | None]]
# Per article: None = unchanged, str = why it was skipped, else ready to store (the document
# without its text, passages, quotes, and each passage's text.prepare for the search index).
# Once the index has its compression dictionary, the passages and quotes come packed into
# their stored record (and the quote list is empty): a worker's bytes cross to the parent for
# a fraction of what pickling the records cost, and the parent has less to do.
Outcome = tuple[Document, list[Passage] | Packed, list[Quote], list[str]] | str | None
# (stored path, why the file was skipped or None, stored articles gone from it, per article outcome)
FileResult = tuple[str, str | None, list[str], list[tuple[str, Outcome]]]

BULK_MIN_FILES = 500  # runs this large hold the write lock throughout (see store.Writer)
PARALLEL_MIN_FILES = 64  # below this, worker start-up (~0.2 s) costs more than it saves
CHUNK_FILES = 16  # files per task sent to a worker: amortises the inter-process round trip
CHUNK_BYTES = 8 * 1024 * 1024  # ...and at most this much text per task (a file larger goes alone)
IN_FLIGHT = 4  # tasks queued per worker: keeps the workers busy while bounding memory


def _read_all(jobs: Iterable[Job], count: int, dictionary: Callable[[], bytes] = bytes) -> Iterator[FileResult]:
    """Yield each file's result, in order; reads and segments on all cores when it pays.

    Articles are packed in the worker when `dictionary()` (asked as each task is sent) returns
    the index's compression dictionary.

    At most workers x IN_FLIGHT tasks of CHUNK_BYTES are under way, so memory stays bounded
    however large the folder. Where worker processes cannot start (a program whose main
    module cannot be imported again), the rest is read in this process.
    """
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or count < PARALLEL_MIN_FILES:
        for job in jobs:
            yield _read_file(job, dictionary())
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = _batched(jobs)
    pending: deque[tuple[Future[list[FileResult]], list[Job]]] = deque()
    # "spawn": the parent holds SQLite and search-engine handles (and threads) a fork would copy.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            for chunk in chunks:
                pending.append((pool.submit(_read_files, chunk, dictionary()), chunk))
                if len(pending) >= workers * IN_FLIGHT:
                    yield from pending[0][0].result()
                    pending.popleft()
            while pending:
                yield from pending[0][0].result()
                pending.popleft()
        except BrokenProcessPool:
            pass
    for _, chunk in pending:  # only left when the pool broke: finish in this process
        yield from _read_files(chunk, dictionary())
    for chunk in chunks:
        yield from _read_files(chunk, dictionary())


def _read_files(chunk: list[Job], zdict: bytes = b"") -> list[FileResult]:
    return [_read_file(job, zdict) for job in chunk]


def _read_file(job: Job, zdict: bytes = b"") -> FileResult:
    """Return what indexing one file needs: read, compared with what is stored, segmented.

    With the index's compression dictionary `zdict`, each article comes packed (see Outcome).
    """
    fs_path, shown, max_bytes, options, stored = job
    try:
        found = read_members(fs_path, shown, max_bytes, options)
    except FactcheckError as exc:
        return shown, _reason(exc, shown, fs_path), [], []
    stale = sorted(set(stored) - {m.path for m in found})
    outcomes: list[tuple[str, Outcome]] = []
    for member in found:
        key = read_key(member.sha256, options)
        if stored.get(member.path) == key:
            outcomes.append((member.path, None))
            continue
        try:
            doc = load_member(member)
        except FactcheckError as exc:
            outcomes.append((member.path, _reason(exc, member.path, fs_path)))
            continue
        passages, quotes = segment(doc)
        prepared = [prepare(p.text) for p in passages]
        # The writer needs the metadata, not the text: do not ship it back across processes.
        doc = replace(doc, text="", masked=None, sha256=key)
        if zdict:
            outcomes.append((member.path, (doc, pack_ahead(passages, quotes, zdict), [], prepared)))
        else:
            outcomes.append((member.path, (doc, passages, quotes, prepared)))
    return shown, None, stale, outcomes


def read_key(sha256: str, options: ReadOptions) -> str:
    """Return what says a stored article is up to date: its content hash, the code that read it
    and the `--field` mapping. An article read by another factcheck, or with other fields, is
    read again: a fix to reading, segmenting or quote attribution reaches every document."""
    return f"{sha256}+{_code_stamp()}{_fields_stamp(options.fields)}"


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Return a checksum of the package's code (zlib's CRC-32: hashlib's OpenSSL load is ~3 ms)."""
    import zlib

    crc = 0
    root = os.path.dirname(os.path.abspath(__file__))
    for folder, subdirs, names in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        for name in sorted(n for n in names if n.endswith(".py")):
            path = os.path.join(folder, name)
            with open(path, "rb") as fh:
                crc = zlib.crc32(os.path.relpath(path, root).encode() + b"\0" + fh.read(), crc)
    return f"{crc:08x}"


def _fields_stamp(fields: tuple[tuple[str, str], ...]) -> str:
    import zlib

    return f"+{zlib.crc32(repr(fields).encode()):08x}" if fields else ""


def _batched(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    """Yield jobs in chunks of at most CHUNK_FILES files and CHUNK_BYTES of file content."""
    chunk: list[Job] = []
    size = 0
    for job in jobs:
        try:
            job_size = os.stat(job[0]).st_size
        except OSError:
            job_size = 0  # the worker reports why it cannot be read
        if chunk and (len(chunk) == CHUNK_FILES or size + job_size > CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(job)
        size += job_size
    if chunk:
        yield chunk


def _once_each(files: list[tuple[str, str]], stored: list[str]) -> list[tuple[str, str]]:
    """Return `files` with each file once, under the path the index already knows it by.

    "src/a.txt", "./src/a.txt" and "/home/me/src/a.txt" are one file: indexed under a second
    name it would be a second document (every passage and quote twice in the answers).
    """
    known: dict[str, set[str]] = {}
    for path in stored:
        container = container_of(path)
        known.setdefault(os.path.basename(container), set()).add(container)
    out: list[tuple[str, str]] = []
    seen: dict[tuple[int, int], str] = {}
    for fs_path, shown in files:
        identity = _identity(fs_path)
        if identity is not None and identity in seen:
            continue  # given twice in this run ("src" and "./src")
        for other in sorted(known.get(os.path.basename(shown), ())):
            if other != shown and identity is not None and _identity(other) == identity:
                shown = other
                break
        if identity is not None:
            seen[identity] = shown
        out.append((fs_path, shown))
    return out


def _identity(path: str) -> tuple[int, int] | None:
    """Return (device, inode) of the file at `path`, None when it cannot be read."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _on_disk(path: str) -> bool:
    """Return True when the file behind a stored path (or its many-article container) exists."""
    return os.path.exists(path) or os.path.exists(container_of(path))


def _reason(exc: Exception, *prefixes: str) -> str:
    message = str(exc)
    for prefix in prefixes:
        message = message.removeprefix(f"{prefix}: ")
    return message


def read_members(fs_path: str, shown: str, max_bytes: int, options: ReadOptions) -> list[Member]:
    """Return the articles of the file at `fs_path`, named after its stored path `shown`."""
    data = read_bytes(fs_path, max_bytes)
    try:
        return parse_members(shown, data, options)
    except RecursionError:
        raise InputError(f"{shown}: too deeply nested to read") from None


def load_member(member: Member) -> Document:
    """Return the Document of one article; InputError when it cannot be read or holds no text."""
    try:
        doc = member.load()
    except RecursionError:
        raise InputError(f"{member.path}: too deeply nested to read") from None
    if doc.path != member.path:
        doc = replace(doc, path=member.path)
    doc = _without_controls(doc)
    if not (doc.masked or doc.text).strip():
        raise InputError(f"{member.path}: empty - no text to index")
    return doc


def _without_controls(doc: Document) -> Document:
    """Return `doc` with control characters in its text and metadata as spaces (offsets kept)."""
    fields: dict[str, Any] = {}  # str values for str fields; mypy cannot tie keys to field types
    for name in ("text", "masked", "title", "author", "site", "url"):
        value = getattr(doc, name)
        if isinstance(value, str) and (clean := strip_controls(value)) is not value:
            fields[name] = clean
    return replace(doc, **fields) if fields else doc


def preview_paths(index_path: str | None, paths: Iterable[str], max_bytes: int = DEFAULT_MAX_FILE_SIZE,
                  options: ReadOptions | None = None) -> Preview:
    """Return what `index` would read from `paths` and the metadata found, writing nothing.

    With an existing index at `index_path`, each article says whether it is new, changed or
    unchanged there.
    """
    options = options or ReadOptions(max_bytes=max_bytes)
    files = _files(paths)
    store = None
    if index_path and os.path.exists(os.path.join(index_path, DB_NAME)):
        store = open_index(index_path)
    files = _once_each(files, store.paths() if store else [])
    items: list[PreviewItem] = []
    skipped: list[tuple[str, str]] = []
    try:
        for fs_path, shown in files:
            try:
                found = read_members(fs_path, shown, max_bytes, options)
            except FactcheckError as exc:
                skipped.append((shown, _reason(exc, shown, fs_path)))
                continue
            for member in found:
                known = store.known(member.path) if store else None
                status = ("new" if known is None
                          else "unchanged" if known == read_key(member.sha256, options) else "changed")
                try:
                    doc = load_member(member)
                except FactcheckError as exc:
                    skipped.append((member.path, _reason(exc, member.path, fs_path)))
                    continue
                passages, quotes = segment(doc)
                info = SourceInfo(path=doc.path, title=doc.title, date=doc.date, url=doc.url, site=doc.site,
                                  passages=len(passages), quotes=len(quotes), format=doc.format, author=doc.author)
                items.append(PreviewItem(source=info, status=status))
    finally:
        if store is not None:
            store.close()
    return Preview(items=items, skipped=skipped)


def build_index_atomically(target: str, files: list[tuple[str, str]]) -> None:
    """Build an index of `files` in a temporary folder and move it to `target` in one step."""
    parent = os.path.dirname(target) or "."
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".building-", dir=parent)
    try:
        store = open_index(tmp, create=True)
        try:
            report = index_files(store, files)
        finally:
            store.close()
        for path, reason in report.skipped:
            print(f"factcheck: seed {path} skipped: {reason}", file=sys.stderr)
        with open(os.path.join(tmp, "ready"), "w") as fh:
            fh.write("ok\n")
        try:
            os.rename(tmp, target)
        except OSError:
            if not os.path.exists(os.path.join(target, "ready")):
                raise
    finally:
        if os.path.exists(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
