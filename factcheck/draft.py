"""Draft -> claims with file lines and columns -> findings: what `factcheck check` does.

A draft (Markdown or plain text) is masked (see `draftmask`): what is not prose becomes spaces
of the same length, so offsets are the file's and lines/columns come straight from them.
Claims are every direct quotation (with the speaker the draft gives it) and every sentence
that asserts something checkable - a named person or organisation, a number, a date, a
reporting verb. Quotations are judged by `quotecheck` across the candidate passages, other
sentences by `pipeline.verify`; `findings` turns each judgement into one Finding.

Library use::

    from factcheck.draft import check_text
    report = check_text(open_index(".factcheck"), open("draft.md").read(), "draft.md")
"""

from __future__ import annotations

import os
import re
import sys
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from . import findings, quotecheck, retrieve
from .config import Settings
from .documents import decode, read_bytes
from .draftmask import ALL_KINDS, cut, mask_draft
from .models import Candidate, Claim, DraftReport, Evidence, Finding, Quote
from .pipeline import Options, verify
from .quotes import CUE_VERBS, extract_quotes, quote_spans
from .segment import clean_sentence, sentence_spans
from .stance import claim_speaker
from .store import Store
from .text import STOP_WORDS, words

STDIN = "-"
STDIN_NAME = "<stdin>"
MAX_DRAFT_BYTES = 20 * 1024 * 1024  # a draft article is a few KB; refuse what cannot be one
MIN_SENTENCE_WORDS = 3  # "Peskov denied it." is a claim; "Vance agreed." too little to look up
# A sentence holding quotes is also checked as a statement when this many content words lie
# outside its quotes and attribution ("Trump, who called it X, announced a team of negotiators").
MIN_OUTSIDE_WORDS = 4
SPLIT_GAP = 80  # characters of attribution between the halves of a split quote: ',” he said, “'


@dataclass(frozen=True)
class DraftText:
    """A draft read and masked: sentence spans, line starts and suppressed lines."""

    path: str
    text: str
    masked: str
    sentences: tuple[tuple[int, int], ...]
    line_starts: tuple[int, ...]
    suppressed: dict[int, frozenset[str] | None] = field(default_factory=dict)  # line -> kinds (None: all)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset (columns count characters)."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def suppresses(self, first_line: int, last_line: int, kind: str | None = None) -> bool:
        """Return True when a directive suppresses `kind` (None: every kind) on a line of the span."""
        for line in range(first_line, last_line + 1):
            kinds = self.suppressed.get(line, frozenset())
            if kinds is ALL_KINDS or (kind is not None and kind in kinds):
                return True
        return False


@dataclass(frozen=True)
class CheckOptions:
    """How a draft is checked: evidence options as for verify, and the quote thresholds."""

    verify: Options = field(default_factory=Options)
    quote_match: float = quotecheck.QUOTE_MATCH
    quote_near: float = quotecheck.QUOTE_NEAR


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


def check_options(settings: Settings) -> CheckOptions:
    """Return the check options a command's settings ask for."""
    return CheckOptions(
        # At least one passage: verify chooses the verdict from the evidence it keeps.
        verify=Options(top=max(settings.top, 1), min_score=settings.min_score, since=settings.since,
                       until=settings.until),
        quote_near=settings.quote_near if settings.quote_near is not None else quotecheck.QUOTE_NEAR,
    )


# ---------------------------------------------------------------------------- reading


def read_draft(path: str, stdin_name: str = STDIN_NAME) -> DraftText:
    """Return the masked draft at `path` ("-" reads stdin); raise InputError if it cannot be read."""
    if path == STDIN:
        stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        return parse_draft(decode(data, stdin_name), stdin_name)
    return parse_draft(decode(read_bytes(path, MAX_DRAFT_BYTES), path), path)


def is_markdown(path: str) -> bool:
    """Return True unless the draft is plain text (.txt), whose indented paragraphs are prose."""
    return os.path.splitext(path.lower())[1] not in (".txt", ".text")


def parse_draft(text: str, path: str = STDIN_NAME, markdown: bool | None = None) -> DraftText:
    """Return the DraftText for decoded `text` (Markdown unless `path` says .txt); never raises."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    m = mask_draft(text, is_markdown(path) if markdown is None else markdown)
    spans = _join_quoted(m.text, cut(m.text, sentence_spans(m.text), set(m.breaks)), m.breaks)
    return DraftText(path=path, text=text, masked=m.text, sentences=tuple(spans),
                     line_starts=tuple(s for s, _ in m.lines), suppressed=m.suppressed)


def _join_quoted(text: str, spans: list[tuple[int, int]], breaks: Collection[int]) -> list[tuple[int, int]]:
    """Return the spans with sentences inside one quotation joined: "“We feel good. We feel
    energized,” Blair said." is one sentence, so the quote keeps its attribution."""
    quoted = sorted((s, e) for s, e, depth in quote_spans(text) if depth == 0)
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


# ---------------------------------------------------------------------------- claims


def draft_claims(draft: DraftText) -> list[DraftClaim]:
    """Return the quotations and checkable statements of a draft, in text order."""
    masked = draft.masked
    spans = list(draft.sentences)
    quotes = _outer(extract_quotes(masked, spans, list(draft.line_starts))) if spans else []
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault(q.passage_seq, []).append(q)
    claims: list[DraftClaim] = []
    for seq, (start, end) in enumerate(spans):
        inside = by_sentence.get(seq, [])
        claims.extend(_quote_claims(masked, inside, seq))
        outside = _outside(masked, start, end, inside)
        if inside and _content_outside(outside, inside) < MIN_OUTSIDE_WORDS:
            continue
        if checkable(outside):
            claims.append(DraftClaim("statement", clean_sentence(masked[start:end]), start, end, seq))
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


_CUE = re.compile(rf"\b(?:{CUE_VERBS})\b", re.I)


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


# ---------------------------------------------------------------------------- checking


def check_text(store: Store, text: str, path: str = STDIN_NAME, options: CheckOptions | None = None,
               lines: Collection[int] | None = None, markdown: bool | None = None) -> DraftReport:
    """Return the findings for a draft's text; `lines` limits them to those lines. Never raises on text."""
    return check_draft(store, parse_draft(text, path, markdown), options, lines)


def check_file(store: Store, path: str, options: CheckOptions | None = None,
               lines: Collection[int] | None = None, stdin_name: str = STDIN_NAME) -> DraftReport:
    """Return the findings for the draft at `path` ("-": stdin); raise InputError if unreadable."""
    return check_draft(store, read_draft(path, stdin_name), options, lines)


def check_draft(store: Store, draft: DraftText, options: CheckOptions | None = None,
                lines: Collection[int] | None = None) -> DraftReport:
    """Return the report for a read draft: one finding per claim, suppressed ones counted."""
    options = options or CheckOptions()
    claims = draft_claims(draft)
    wanted = set(lines) if lines is not None else None
    out: list[Finding] = []
    checked: set[int] = set()
    ignored: set[int] = set()
    suppressed = 0
    quotes = 0
    cache: dict[tuple[str, str | None, str], Finding | None] = {}
    for claim in claims:
        (line, column), (end_line, end_column) = draft.position(claim.start), draft.position(claim.end)
        if wanted is not None and not wanted.intersection(range(line, end_line + 1)):
            ignored.add(claim.sentence)
            continue
        if draft.suppresses(line, end_line):
            ignored.add(claim.sentence)
            suppressed += 1
            continue
        where = (line, column, end_line, end_column)
        key = (claim.kind, claim.speaker, claim.text)
        if key not in cache:
            cache[key] = _judge(store, claim, options, where)
        found = cache[key]
        if found is None:
            continue
        found = replace(found, line=line, column=column, end_line=end_line, end_column=end_column)
        checked.add(claim.sentence)
        quotes += claim.kind == "quote"
        if draft.suppresses(line, end_line, found.kind):
            suppressed += 1
            continue
        out.append(found)
    ignored -= checked
    return DraftReport(path=draft.path, findings=tuple(out), sentences=len(draft.sentences), checked=len(checked),
                       skipped=len(draft.sentences) - len(checked) - len(ignored), ignored=len(ignored),
                       quotes=quotes, suppressed=suppressed)


def _judge(store: Store, claim: DraftClaim, options: CheckOptions, where: tuple[int, int, int, int]) -> Finding | None:
    """Return the finding for one claim (None for a short quote that matches nothing)."""
    if claim.kind == "statement":
        parsed = Claim(text=claim.text, speaker=claim_speaker(claim.text), line=where[0], column=where[1],
                       end_line=where[2], end_column=where[3])
        return findings.statement_finding(verify(store, parsed, options.verify), claim.text, where)
    results = []
    for piece in claim.pieces:
        if len(words(piece)) < quotecheck.MIN_QUOTE_WORDS:
            continue
        judged = quotecheck.judge_across(piece, claim.speaker, _candidates(store, piece, options),
                                         options.quote_match, options.quote_near)
        if judged is None and len(quotecheck.quote_words(piece)) < quotecheck.MIN_FRAGMENT_WORDS:
            continue  # a short phrase in quotation marks that no source quotes: a scare quote
        results.append(judged)
    if not results:
        return None
    decisive = min(results, key=_severity_rank)
    evidence = tuple(dict.fromkeys(_evidence(j, c) for j, c in (r for r in results if r is not None)))
    if decisive is not None:
        first = _evidence(*decisive)
        evidence = (first,) + tuple(e for e in evidence if e != first)
    return findings.quote_finding(decisive[0] if decisive else None, evidence[: max(options.verify.top, 1)],
                                  claim.speaker, claim.text, where)


# Which piece of a split quote decides the finding: a fault in either half outranks a match.
_PIECE_ORDER = {quotecheck.MISATTRIBUTED: 0, quotecheck.MISQUOTE: 1, quotecheck.NARRATION: 2, None: 3,
                quotecheck.UNCLEAR: 3, quotecheck.EXACT: 4}


def _severity_rank(result: tuple[quotecheck.QuoteJudgement, Candidate] | None) -> int:
    return _PIECE_ORDER[result[0].kind if result is not None else None]


def _evidence(j: quotecheck.QuoteJudgement, cand: Candidate) -> Evidence:
    return Evidence(stance=j.stance, score=round(j.similarity, 1), candidate=cand, reasons=j.reasons, quote=j.quote)


def _candidates(store: Store, quoted: str, options: CheckOptions) -> list[Candidate]:
    """Return the passages that may hold the quoted words, within the date window."""
    _, cands = retrieve.candidates(store, Claim(text=quoted))
    since, until = options.verify.since, options.verify.until
    return [c for c in cands
            if not (since and (c.source.date is None or c.source.date < since))
            and not (until and (c.source.date is None or c.source.date > until))]


# ---------------------------------------------------------------------------- several files


@dataclass(frozen=True)
class CheckRun:
    """The reports of a `check` run, and the files that could not be read (path, message)."""

    reports: tuple[DraftReport, ...]
    errors: tuple[tuple[str, str], ...] = ()


def check_paths(store: Store, paths: Collection[str], options: CheckOptions | None = None,
                changed_since: str | None = None, stdin_name: str = STDIN_NAME) -> CheckRun:
    """Return the reports for each draft (a folder: its drafts); unreadable files are errors, not raised.

    With `changed_since` (a git revision), only findings on lines changed since then are kept.
    """
    from .errors import InputError
    from .gitdiff import changed_lines

    if STDIN in paths and len(paths) > 1:
        raise InputError('"-" (read the draft from stdin) must be the only file')
    if changed_since and STDIN in paths:
        raise InputError("--changed-since compares files with git; it cannot be used with stdin")
    reports: list[DraftReport] = []
    errors: list[tuple[str, str]] = []
    for path in _expand(paths):
        # Outside a repository or with a bad revision no file can be checked: that error ends the run.
        lines = changed_lines(path, changed_since) if changed_since and os.path.isfile(path) else None
        try:
            reports.append(check_file(store, path, options, lines, stdin_name))
        except InputError as exc:
            errors.append((path, str(exc)))
    return CheckRun(tuple(reports), tuple(errors))


DRAFT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text")


def _expand(paths: Collection[str]) -> list[str]:
    """Return the paths with each folder replaced by the drafts under it, sorted."""
    from .documents import iter_files

    out: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            out.extend(iter_files([path], DRAFT_SUFFIXES))
        else:
            out.append(path)
    return out
