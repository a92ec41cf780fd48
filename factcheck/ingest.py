"""Files -> index: read each file, segment it, store it; skip what is unchanged or unreadable."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace

from .documents import DEFAULT_MAX_FILE_SIZE, iter_files, parse_bytes, read_bytes, sha256
from .errors import FactcheckError, InputError
from .models import Document, IndexReport
from .segment import segment
from .store import IndexStore, open_index

Progress = Callable[[int, str], None]


def index_paths(
    index_path: str,
    paths: Iterable[str],
    prune: bool = False,
    max_bytes: int = DEFAULT_MAX_FILE_SIZE,
    progress: Progress | None = None,
) -> IndexReport:
    """Index the files under `paths` into the index folder `index_path`; return what happened."""
    paths = list(paths)
    for raw in paths:
        if not os.path.lexists(raw):
            raise InputError(f"{raw}: no such file or folder")
    files = [(f, f) for f in iter_files(paths)]
    store = open_index(index_path, create=True)
    try:
        return index_files(store, files, prune=prune, max_bytes=max_bytes, progress=progress)
    finally:
        store.close()


def index_files(
    store: IndexStore,
    files: list[tuple[str, str]],
    prune: bool = False,
    max_bytes: int = DEFAULT_MAX_FILE_SIZE,
    progress: Progress | None = None,
) -> IndexReport:
    """Index (file path, stored path) pairs into `store`; return what happened."""
    report = IndexReport()
    counts = {"passages": 0, "quotes": 0}
    with store.writer() as writer:
        for n, (fs_path, shown) in enumerate(files, 1):
            if progress:
                progress(n, shown)
            try:
                doc = load(fs_path, shown, store, max_bytes)
            except FactcheckError as exc:
                report.skipped.append((shown, str(exc).removeprefix(f"{fs_path}: ")))
                continue
            if doc is None:
                report.unchanged.append(shown)
                continue
            passages, quotes = segment(doc)
            writer.add(doc, passages, quotes)
            report.indexed.append(shown)
            counts["passages"] += len(passages)
            counts["quotes"] += len(quotes)
        if prune:
            seen = {shown for _, shown in files}
            for path in store.paths():
                if path not in seen and not os.path.exists(path):
                    writer.remove(path)
                    report.pruned.append(path)
    return IndexReport(indexed=report.indexed, unchanged=report.unchanged, skipped=report.skipped,
                       pruned=report.pruned, passages=counts["passages"], quotes=counts["quotes"])


def load(fs_path: str, shown: str, store: IndexStore, max_bytes: int) -> Document | None:
    """Return the Document for `fs_path`, or None when the index already has this content."""
    data = read_bytes(fs_path, max_bytes)
    if store.known(shown) == sha256(data):
        return None
    try:
        doc = parse_bytes(fs_path, data)
    except RecursionError:
        raise InputError(f"{fs_path}: too deeply nested to read") from None
    if doc.path != shown:
        doc = replace(doc, path=shown)
    if not (doc.masked or doc.text).strip():
        raise InputError(f"{fs_path}: empty - no text to index")
    return doc


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
