"""Readers for formats other than plain text: HTML pages, JSON exports, PDFs.

Each reader turns a file's bytes into one or more `Member`s. A member is one article: most
files hold one, stored under the path as given to `index`; a JSON array or a JSON Lines
export holds many, stored as `export.jsonl#3` (the line number in a JSON Lines file, the
1-based position in a JSON array). A member carries its own content hash, so re-indexing a
changed export re-reads only the articles that changed.

Reader modules are imported only when a file of their kind is read: HTML extraction pulls
in lxml and trafilatura, which the CLI must not pay for at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import Document

MEMBER_SEP = "#"  # export.jsonl#3: article 3 of a many-article file

# suffix -> reader module (inside this package); each module has `members(path, data, options)`.
READERS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".html.gz": "html", ".htm.gz": "html",
    ".json": "json", ".jsonl": "json", ".ndjson": "json",
    ".pdf": "pdf",
}

# What `--field NAME=KEY` may name, and the Document field each fills.
FIELD_NAMES = ("title", "date", "url", "body", "author", "site")
FIELD_ALIASES = {"text": "body", "content": "body", "headline": "title", "link": "url", "byline": "author",
                 "published": "date"}


@dataclass(frozen=True)
class ReadOptions:
    """How to read files: JSON key overrides and the size limit for unpacked data."""

    fields: tuple[tuple[str, str], ...] = ()  # (field name, JSON key path such as "story.text")
    max_bytes: int = 50 * 1024 * 1024

    def field_map(self) -> dict[str, str]:
        """Return the JSON key overrides as {field name: key path}."""
        return dict(self.fields)


@dataclass(frozen=True)
class Member:
    """One article of a file: its stored path, content hash, and how to read it."""

    path: str
    sha256: str
    load: Callable[[], Document] = field(repr=False, compare=False)


def members(path: str, data: bytes, options: ReadOptions | None = None) -> list[Member]:
    """Return the articles in `data` (a file of a READERS suffix), unread until `load()`."""
    from ..documents import suffix_of

    module = importlib.import_module(f"{__name__}.{READERS[suffix_of(path)]}")
    return module.members(path, data, options or ReadOptions())


def parse_field_specs(specs: tuple[str, ...] | list[str]) -> tuple[tuple[str, str], ...]:
    """Return `--field NAME=KEY` options as (field name, key path) pairs; ValueError if malformed."""
    out: dict[str, str] = {}
    for spec in specs:
        name, sep, key = spec.partition("=")
        name = name.strip().lower()
        name = FIELD_ALIASES.get(name, name)
        if not sep or not key.strip() or name not in FIELD_NAMES:
            raise ValueError(f"{spec!r}: use NAME=KEY with NAME one of {', '.join(FIELD_NAMES)} "
                             "(KEY may be a dotted path such as story.body)")
        out[name] = key.strip()
    return tuple(sorted(out.items()))


def container_of(path: str) -> str:
    """Return the file a stored path belongs to ("export.jsonl#3" -> "export.jsonl")."""
    head, sep, tail = path.rpartition(MEMBER_SEP)
    return head if sep and tail.isdigit() else path
