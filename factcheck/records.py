"""Frozen dataclasses that only indexing and draft checking use (re-exported by `models`).

Kept apart so that `verify`, which needs none of them, does not build them at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Evidence, SourceInfo


@dataclass(frozen=True)
class Document:
    """A source file read into text plus the metadata found in it (None when absent)."""

    path: str
    sha256: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    site: str | None = None
    author: str | None = None
    format: str = "text"
    # Spans of `text` that are not evidence (metadata lines, captions, link targets...).
    # Same length as text after masking; see documents.mask().
    masked: str | None = None
    pages: tuple[tuple[int, int], ...] = ()  # (start offset, page number) for paged formats


@dataclass(frozen=True)
class IndexReport:
    """What an `index` run did, file by file."""

    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    pruned: list[str] = field(default_factory=list)
    passages: int = 0
    quotes: int = 0


@dataclass(frozen=True)
class PreviewItem:
    """One article `index --dry-run` would read, with the metadata found and its state in the index."""

    source: SourceInfo
    status: str  # new | changed | unchanged (against the existing index; "new" when there is none)


@dataclass(frozen=True)
class Preview:
    """What `index --dry-run` found: the articles it would read and the files it would skip."""

    items: list[PreviewItem] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    """One checked claim of a draft: what was found, where (1-based; end_column exclusive), and why."""

    kind: str  # exact-quote | misquote | misattributed | paraphrase-quoted | supported | disputed | conflicting | unverified
    severity: str  # error | warning | note
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    claim: str
    speaker: str | None = None  # who the draft says spoke (quotes)
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftReport:
    """The outcome of checking one draft file."""

    path: str
    findings: tuple[Finding, ...] = ()
    sentences: int = 0  # sentences read
    checked: int = 0  # sentences with something checkable (a quote or a factual statement)
    skipped: int = 0  # sentences with nothing checkable (transitions, opinion, questions)
    ignored: int = 0  # checkable sentences left out: suppressed, or on lines not changed
    quotes: int = 0  # quotations checked
    suppressed: int = 0  # findings a directive suppressed
