"""The immutable records (NamedTuples) that flow between the pipeline stages.

NamedTuple, not frozen dataclasses: `dataclasses` imports `inspect` (~11 ms of a ~100 ms
`factcheck verify`) and compiles six methods per class (~0.9 ms each class); a NamedTuple
class costs ~0.4 ms and its instances are cheaper to make. Use `record._replace(...)`.

The records only indexing and `check` use (Document, IndexReport, Preview, PreviewItem,
Finding, DraftReport) live in `records` and are importable from here all the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .records import Document as Document
    from .records import DraftReport as DraftReport
    from .records import Finding as Finding
    from .records import IndexReport as IndexReport
    from .records import Preview as Preview
    from .records import PreviewItem as PreviewItem

SCHEMA_VERSION = 1  # of the JSON output; bumped when a key is renamed or removed


class Quote(NamedTuple):
    """A direct quotation inside a document, with the speaker it is attributed to."""

    text: str
    start: int
    end: int
    line: int
    speaker: str | None = None
    cue: str | None = None  # the attribution words, e.g. "told reporters"
    passage_seq: int = -1  # index of the passage (sentence) that holds it
    span_start: int | None = None  # the quotation with its marks: text[span_start:span_end]
    span_end: int | None = None
    depth: int = 0  # 1 = a quote inside another quote
    mention: str | None = None  # the speaker as the text names them here: "he", "the spokesman"
    mention_start: int | None = None
    mention_end: int | None = None
    how: str | None = None  # which rule attributed it: cue-after, cue-before, continuation, ...


class Passage(NamedTuple):
    """A sentence of a document with its position; the unit of evidence."""

    seq: int
    text: str
    start: int
    end: int
    line: int
    kind: str = "sentence"  # sentence | quote | headline
    speaker: str | None = None
    page: int | None = None


class Source(NamedTuple):
    """Where a piece of evidence comes from, as a citation needs it."""

    path: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    site: str | None = None


class Candidate(NamedTuple):
    """A stored passage returned by retrieval, with its neighbour and citation data."""

    pid: int
    text: str
    start: int
    end: int
    line: int
    kind: str
    speaker: str | None
    source: Source
    context: str = ""  # the sentence before, for pronouns ("he left the door open")
    quotes: tuple[Quote, ...] = ()
    page: int | None = None
    retrieval_score: float = 0.0


class Claim(NamedTuple):
    """A claim as typed by the user, with the parts the stance stage looks at."""

    text: str
    speaker: str | None = None  # "Vance said ..." -> "Vance"
    quotes: tuple[str, ...] = ()  # quoted words inside the claim
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


class Evidence(NamedTuple):
    """A passage judged against a claim."""

    stance: str  # supports | conflicts | related
    score: float  # 0-100 relevance
    candidate: Candidate
    reasons: tuple[str, ...] = ()
    highlights: tuple[tuple[int, int], ...] = ()  # matched word spans inside candidate.text
    quote: Quote | None = None  # the quote the claim was compared with, if any


class DocumentStance(NamedTuple):
    """One document judged as a whole against a claim: the stance of the article, not of a sentence."""

    source: Source
    stance: str  # supports | conflicts | related
    relevance: float  # 0-100: how surely the document is about the claim
    confidence: float  # 0-1: the stance model's probability for `stance`
    reasons: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()  # the document's judged passages, most relevant first


class Verdict(NamedTuple):
    """The outcome for one claim: supported | conflicting | disputed | unverified."""

    claim: Claim
    verdict: str
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[str, ...] = ()
    documents: tuple[DocumentStance, ...] = ()  # per-document stance (pipeline.Options(documents=True))


class SourceInfo(NamedTuple):
    """A stored document as `factcheck sources` lists it."""

    path: str
    title: str | None
    date: str | None
    url: str | None
    site: str | None
    passages: int
    quotes: int
    format: str = "text"
    author: str | None = None

    @property
    def missing(self) -> list[str]:
        """Return the names of the citation fields this document lacks."""
        return [name for name in ("title", "date", "url") if getattr(self, name) is None]


class QuoteRecord(NamedTuple):
    """A stored quote as `factcheck quotes` lists it."""

    text: str
    speaker: str | None
    cue: str | None
    source: Source
    start: int
    end: int
    line: int
    speaker_in_source: str | None = None  # the name as its document gave it, before folding across documents


_RECORDS = frozenset({"Document", "IndexReport", "Preview", "PreviewItem", "Finding", "DraftReport"})


def __getattr__(name: str) -> Any:
    """Return a record class of `records` (PEP 562): built when first asked for, not at import."""
    # Indexing and `check` records stay dataclasses (mutable defaults, `replace`); verify needs
    # none of these six, nor the dataclasses import (issue #7: start-up).
    if name in _RECORDS:
        from . import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
