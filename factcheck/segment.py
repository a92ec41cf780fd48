"""Document -> Passages (sentences with offsets and lines) and Quotes with speakers.

Works on the document's masked text (see `documents`), where markup and non-evidence lines
are already spaces, so offsets and line numbers are those of the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .models import Document, Passage, Quote
from .quotes import extract_quotes
from .text import squash

MAX_PASSAGE_CHARS = 1500  # longer "sentences" (tables, run-on dumps) are cut on spaces
MIN_PASSAGE_WORDS = 2

# Words that end with a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj st jr sr inc corp co ltd
    vs etc no nos vol fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon gov
    dept univ assn bros approx est pres supt atty u.s u.k e.g i.e a.m p.m""".split()
)

_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")
_END = re.compile(
    r"""(?P<punct>[.!?…]+)(?P<close>["”’')\]]*)(?=(?P<space>\s+)(?P<next>["“‘'(\[]?[A-Z0-9])|(?P<glued>[A-Z][a-z])|\s*$)"""
)
_TERMINAL = re.compile(r"""[.!?…]["”’')\]]*\s*$""")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])(?=\s|$)")
_SPACED_MARK = re.compile(r" [.,;:!?]")


def segment(doc: Document) -> tuple[list[Passage], list[Quote]]:
    """Return the evidence passages and the quotes of `doc`, in text order."""
    masked = doc.masked if doc.masked is not None else doc.text
    line_starts = _line_starts(masked)
    spans = list(sentence_spans(masked, _title_span(doc, masked)))
    quotes = extract_quotes(masked, spans, line_starts)
    # Each quote belongs to every sentence it overlaps: the later sentences of a quote several
    # sentences long are quoted words too, from the same speaker.
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        seq = q.passage_seq
        while 0 <= seq < len(spans) and (seq == q.passage_seq or spans[seq][0] < q.end):
            by_sentence.setdefault(seq, []).append(q)
            seq += 1
    passages: list[Passage] = []
    title_norm = squash(doc.title).casefold() if doc.title else None
    for seq, (start, end) in enumerate(spans):
        text = clean_sentence(masked[start:end])
        kind, speaker = "sentence", None
        if title_norm and seq == 0 and text.casefold().strip("# ") == title_norm:
            kind = "headline"
        inside = by_sentence.get(seq, [])
        if inside:
            attributed = [q for q in inside if q.speaker]
            speaker = attributed[0].speaker if attributed else None
            quoted = sum(min(q.end, end) - max(q.start, start) for q in inside)
            if quoted >= 0.4 * (end - start):
                kind = "quote"
        passages.append(
            Passage(seq=seq, text=text, start=start, end=end, line=bisect_right(line_starts, start),
                    kind=kind, speaker=speaker, page=page_of(doc, start))
        )
    return passages, quotes


def page_of(doc: Document, offset: int) -> int | None:
    """Return the page number holding `offset` for paged documents (PDF), else None."""
    if not doc.pages:
        return None
    starts = [s for s, _ in doc.pages]
    i = bisect_right(starts, offset) - 1
    return doc.pages[max(i, 0)][1]


def clean_sentence(raw: str) -> str:
    """Return the display form of a sentence slice: one line, no space before punctuation."""
    line = squash(raw)
    # the one space left before a mark is all the regex can match: most sentences have none
    if _SPACED_MARK.search(line):
        return _SPACE_BEFORE_PUNCT.sub(r"\1", line)
    return line


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def _title_span(doc: Document, masked: str) -> tuple[int, int] | None:
    """Return the span of the headline line when the document's title is its first line."""
    if not doc.title:
        return None
    m = re.search(r"\S[^\n]*", masked)
    if m and squash(m.group(0)).strip("# ").casefold() == squash(doc.title).casefold():
        return m.start(), m.end()
    return None


def sentence_spans(text: str, title: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of `text`, trimmed of surrounding space.

    `title` is the span of a headline line: always a sentence of its own.
    """
    spans: list[tuple[int, int]] = []
    body = text
    if title:
        spans.append(title)
        body = text[: title[0]] + " " * (title[1] - title[0]) + text[title[1]:]
    for p_start, p_end in _paragraphs(body):
        spans.extend(_split_paragraph(body, p_start, p_end))
    return sorted(s for s in spans if _enough_words(text[s[0]:s[1]]))


def _enough_words(raw: str) -> bool:
    """Return True when the span has at least MIN_PASSAGE_WORDS words (stops counting there)."""
    return _ENOUGH_WORDS.match(raw) is not None


_ENOUGH_WORDS = re.compile(rf"\W*\w+(?:\W+\w+){{{MIN_PASSAGE_WORDS - 1}}}")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Return paragraph spans; a paragraph broken mid-sentence by a blank line is rejoined."""
    paras: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        paras.append((pos, m.start()))
        pos = m.end()
    paras.append((pos, len(text)))
    paras = [(s, e) for s, e in paras if text[s:e].strip()]
    merged: list[tuple[int, int]] = []
    for s, e in paras:
        if merged:
            ps, pe = merged[-1]
            head = text[s:e].lstrip()
            if head[:1].islower() and not _TERMINAL.search(text[ps:pe]):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans at sentence-ending punctuation."""
    spans: list[tuple[int, int]] = []
    sent_start = start
    segment_text = text[start:end]
    for m in _END.finditer(segment_text):
        cut = start + m.end("close") if m.group("close") else start + m.end("punct")
        if not _is_boundary(text, start + m.start("punct"), m):
            continue
        spans.append((sent_start, cut))
        sent_start = cut
    spans.append((sent_start, end))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        out.extend(_cap_length(text, s, e))
    return out


def _is_boundary(text: str, punct_at: int, m: re.Match[str]) -> bool:
    """Return False for periods after abbreviations and initials, and for glued decimals."""
    if m.group("punct") != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, punct_at - 12), punct_at)
    if before:
        word = before.group(1).lower()
        if word in ABBREVIATIONS:
            return False
        if len(word) == 1 and word.isalpha() and text[punct_at - 1].isupper():
            return False  # an initial: "J. Vance", also the "D" of "J.D."
        if "." in word:  # a dotted acronym "U.S." followed by a capital: usually a name follows
            return False
    if m.group("glued"):
        prev = text[punct_at - 1] if punct_at else ""
        return prev.islower() or prev in "”’\")"
    return True


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _cap_length(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a span longer than MAX_PASSAGE_CHARS into pieces at spaces."""
    out = []
    while e - s > MAX_PASSAGE_CHARS:
        cut = text.rfind(" ", s + MAX_PASSAGE_CHARS // 2, s + MAX_PASSAGE_CHARS)
        if cut <= s:
            cut = s + MAX_PASSAGE_CHARS
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out
