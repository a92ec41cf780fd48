"""What a draft asks to be checked: its quotations (with the speaker the draft gives) and its
checkable statements.

A statement is checkable when it names someone or something, gives a number or a date, or
reports speech; questions, the writer's opinion and what "should" happen are not. A plain
statement that does none of these ("The woman stayed on the flight") is checked too, but only
reported when a source confirms or contradicts it: with nothing relevant found it is skipped,
not flagged as unverified. Sentences
inside one quotation are one unit, so a quote keeps its attribution, and the halves of a quote
split by an attribution (`"…," he said, "…"`) are one claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from . import quotecheck
from .cues import CUE
from .models import Quote
from .quotes import extract_quotes, quote_spans
from .segment import clean_sentence
from .text import STOP_WORDS, words

MIN_SENTENCE_WORDS = 3  # "Peskov denied it." is a claim; "Vance agreed." too little to look up
# A sentence holding quotes is also checked as a statement when this many content words lie
# outside its quotes and attribution ("Trump, who called it X, announced a team of negotiators").
MIN_OUTSIDE_WORDS = 4
SPLIT_GAP = 80  # characters of attribution between the halves of a split quote: ',” he said, “'


@dataclass(frozen=True)
class DraftClaim:
    """Something in a draft to check: a quotation (one or more quoted pieces) or a statement."""

    kind: str  # quote | statement
    text: str
    start: int
    end: int
    sentence: int
    speaker: str | None = None
    pieces: tuple[str, ...] = ()
    plain: bool = False  # a statement naming no one and giving no figure: reported only if a source speaks to it
    fallback: bool = False  # a sentence checked whole only when its short quotes find nothing


def join_quoted(text: str, spans: list[tuple[int, int]], breaks: Collection[int]) -> list[tuple[int, int]]:
    """Return the spans with sentences inside one quotation joined: "“We feel good. We feel
    energized,” Blair said." is one sentence, so the quote keeps its attribution."""
    quoted = sorted((span.start, span.end) for span in quote_spans(text) if span.depth == 0)
    if not quoted or not spans:
        return spans
    spans = _claim_openings(spans, quoted)
    starts = [s for s, _ in quoted]
    hard = sorted(breaks)
    out = [spans[0]]
    for s, e in spans[1:]:
        ps, pe = out[-1]
        i = bisect_right(starts, pe) - 1
        inside = i >= 0 and quoted[i][0] < pe and s < quoted[i][1]
        j = bisect_right(hard, pe)
        if inside and not (j < len(hard) and hard[j] <= s):
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def _claim_openings(spans: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans with a quote's opening that fell outside every sentence ("“… Our nation",
    split after the ellipsis and dropped as wordless) given to the sentence that holds the rest."""
    out = list(spans)
    starts = [s for s, _ in out]
    for q_start, q_end in quoted:
        i = bisect_right(starts, q_start) - 1
        if i >= 0 and q_start < out[i][1]:
            continue  # inside a sentence already
        j = i + 1
        if j < len(out) and out[j][0] < q_end:
            out[j] = (q_start, out[j][1])
            starts[j] = q_start
    return out


def find_claims(masked: str, sentences: Sequence[tuple[int, int]], line_starts: Sequence[int]) -> list[DraftClaim]:
    """Return the quotations and checkable statements of a masked draft, in text order."""
    spans = list(sentences)
    quotes = _outer(extract_quotes(masked, spans, list(line_starts))) if spans else []
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault(q.passage_seq, []).append(q)
    claims: list[DraftClaim] = []
    for seq, (start, end) in enumerate(spans):
        inside = by_sentence.get(seq, [])
        quoted = _quote_claims(masked, inside, seq)
        claims.extend(quoted)
        outside = _outside(masked, start, end, inside)
        if inside and _content_outside(outside, inside) < MIN_OUTSIDE_WORDS:
            sentence = masked[start:end]
            if all(len(quotecheck.quote_words(p)) < quotecheck.MIN_FRAGMENT_WORDS for c in quoted for p in c.pieces) \
                    and checkable(sentence):
                # 'Al Saadouni said the appointment was "an internal decision."': a phrase a source
                # may quote with other words around it; if no source quotes it, the sentence is
                # checked whole, and reported only when a source confirms or contradicts it
                claims.append(DraftClaim("statement", clean_sentence(sentence), start, end, seq, plain=True,
                                         fallback=True))
            continue
        if checkable(outside):
            claims.append(DraftClaim("statement", clean_sentence(masked[start:end]), start, end, seq))
        elif not inside and plain_statement(outside):
            claims.append(DraftClaim("statement", clean_sentence(masked[start:end]), start, end, seq, plain=True))
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims


def _outer(quotes: list[Quote]) -> list[Quote]:
    """Return the quotes not nested inside another (the outer quote is checked whole)."""
    out: list[Quote] = []
    outer_end = -1
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if q.end <= outer_end:
            continue  # inside the quote before it
        out.append(q)
        outer_end = q.end
    return out


def _speaker(q: Quote) -> str | None:
    """Return the speaker as the draft names them; an unresolved pronoun is no name."""
    return quotecheck.speaker_name(q.speaker)


_CUE = re.compile(rf"\b(?:{CUE})\b", re.I)


def _quote_claims(masked: str, inside: list[Quote], seq: int) -> list[DraftClaim]:
    """Return one claim per quotation; halves split by an attribution (',” he said, “') are one."""
    groups: list[list[Quote]] = []
    for q in inside:
        if groups and _continues(masked, groups[-1][-1], q):
            groups[-1].append(q)
        else:
            groups.append([q])
    out = []
    for group in groups:
        pieces = tuple(q.text for q in group)
        if not any(len(words(p)) >= quotecheck.MIN_QUOTE_WORDS for p in pieces):
            continue
        speaker = next((s for q in group if (s := _speaker(q))), None)
        start, end = _with_marks(masked, group[0].start, group[-1].end)
        text = pieces[0] if len(group) == 1 else clean_sentence(masked[start:end])
        out.append(DraftClaim("quote", text, start, end, seq, speaker, pieces))
    return out


def _continues(masked: str, first: Quote, second: Quote) -> bool:
    """Return True when `second` is the rest of `first`, split by an attribution in one sentence."""
    raw = masked[first.start:first.end].rstrip()
    gap = masked[first.end:second.start]
    return (raw.endswith((",", "—", "–", "-")) and len(gap) <= SPLIT_GAP and bool(_CUE.search(gap))
            and not re.search(r"[.!?]\s", gap))


def _with_marks(masked: str, start: int, end: int) -> tuple[int, int]:
    """Return the span widened to the quotation marks around it."""
    if start > 0 and masked[start - 1] in "\"“”„«»‘’'":
        start -= 1
    if end < len(masked) and masked[end] in "\"“”„«»‘’'":
        end += 1
    return start, end


def _outside(masked: str, start: int, end: int, quotes: list[Quote]) -> str:
    """Return the sentence with its quotations blanked."""
    chars = list(masked[start:end])
    for q in quotes:
        for i in range(max(q.start - 1, start), min(q.end + 1, end)):
            chars[i - start] = " "
    return "".join(chars)


def _content_outside(outside: str, quotes: list[Quote]) -> int:
    """Return how many content words lie outside the quotes, not counting speakers and cue verbs."""
    names = {w for q in quotes if q.speaker for w in words(q.speaker)}
    text = _CUE.sub(" ", outside)
    return sum(1 for w in words(text) if w not in STOP_WORDS and w not in names)


_MONTH_OR_DAY = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|yesterday|today|tomorrow)\b\.?", re.I)
_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                     r"forty|fifty|hundred|thousand|million|billion|trillion|dozens?|half|percent|per cent)\b", re.I)
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
# Sentences that state the writer's view, not a fact: "I think ...", "In our view ...".
_OPINION = re.compile(r"^\W*(?:(?:I|We)\s+(?:(?:really|strongly|still)\s+)?(?:think|believe|feel|suspect|hope|fear|"
                      r"wonder|doubt|argue|would argue)\b|In\s+(?:my|our)\s+(?:view|opinion)\b|"
                      r"(?:Arguably|Frankly|Honestly|Personally)\b)")
_PRESCRIPTIVE = re.compile(r"\b(?:should|ought to|must)\b", re.I)


MIN_PLAIN_WORDS = 5  # "It was late." says too little to look up; "The plane returned to the gate." does not


def plain_statement(sentence: str) -> bool:
    """Return True for a declarative sentence that names no one and gives no figure, but is no
    question, opinion or prescription and has MIN_PLAIN_WORDS words, MIN_SENTENCE_WORDS of them content words."""
    text = sentence.strip()
    tokens = _TOKEN.findall(text)
    if len(tokens) < MIN_PLAIN_WORDS or text.endswith("?") or _OPINION.search(text) or _PRESCRIPTIVE.search(text):
        return False
    return sum(1 for w in words(text) if w not in STOP_WORDS) >= MIN_SENTENCE_WORDS


def checkable(sentence: str) -> bool:
    """Return True when a sentence asserts something a source could confirm or contradict.

    It must name someone or something (a capitalised word after the first), or give a
    number or a date, or report speech; questions, the writer's opinion and what
    "should" happen are skipped.
    """
    text = sentence.strip()
    tokens = _TOKEN.findall(text)
    if len(tokens) < MIN_SENTENCE_WORDS or text.endswith("?") or _OPINION.search(text):
        return False
    cue = bool(_CUE.search(text))
    if _PRESCRIPTIVE.search(text) and not cue:
        return False
    named = any(t[:1].isupper() and t != "I" for t in tokens[1:])
    return named or cue or bool(_NUMBER.search(text)) or bool(_MONTH_OR_DAY.search(text))
