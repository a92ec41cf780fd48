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
import sys
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from . import findings, quotecheck, retrieve
from .config import Settings
from .documents import decode, read_bytes
from .draftclaims import DraftClaim, find_claims, join_quoted
from .draftmask import ALL_KINDS, cut, mask_draft
from .models import Candidate, Claim, DraftReport, Evidence, Finding
from .pipeline import Options, verify
from .segment import sentence_spans
from .stance import claim_speaker
from .store import Store
from .text import words

STDIN = "-"
STDIN_NAME = "<stdin>"
MAX_DRAFT_BYTES = 20 * 1024 * 1024  # a draft article is a few KB; refuse what cannot be one


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
    aliases: quotecheck.Aliases = field(default_factory=dict)  # [aliases]: one person's names


def check_options(settings: Settings) -> CheckOptions:
    """Return the check options a command's settings ask for."""
    return CheckOptions(
        # At least one passage: verify chooses the verdict from the evidence it keeps.
        verify=Options(top=max(settings.top, 1), min_score=settings.min_score, since=settings.since,
                       until=settings.until),
        quote_near=settings.quote_near if settings.quote_near is not None else quotecheck.QUOTE_NEAR,
        aliases=settings.aliases,
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
    spans = join_quoted(m.text, cut(m.text, sentence_spans(m.text), set(m.breaks)), m.breaks)
    return DraftText(path=path, text=text, masked=m.text, sentences=tuple(spans),
                     line_starts=tuple(s for s, _ in m.lines), suppressed=m.suppressed)


# ---------------------------------------------------------------------------- claims


def draft_claims(draft: DraftText) -> list[DraftClaim]:
    """Return the quotations and checkable statements of a draft, in text order."""
    return find_claims(draft.masked, draft.sentences, draft.line_starts)


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
    fallbacks = [c for c in claims if c.fallback]
    for claim in [c for c in claims if not c.fallback] + fallbacks:
        if claim.fallback and claim.sentence in checked:
            continue  # its short quotes were found: the sentence is not checked again whole
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
    if fallbacks:
        out.sort(key=lambda f: (f.line, f.column))
    return DraftReport(path=draft.path, findings=tuple(out), sentences=len(draft.sentences), checked=len(checked),
                       skipped=len(draft.sentences) - len(checked) - len(ignored), ignored=len(ignored),
                       quotes=quotes, suppressed=suppressed)


def _judge(store: Store, claim: DraftClaim, options: CheckOptions, where: tuple[int, int, int, int]) -> Finding | None:
    """Return the finding for one claim (None for a short quote, or a plain statement, that matches nothing)."""
    if claim.kind == "statement":
        parsed = Claim(text=claim.text, speaker=claim_speaker(claim.text), line=where[0], column=where[1],
                       end_line=where[2], end_column=where[3])
        verdict = verify(store, parsed, options.verify)
        if claim.plain and verdict.verdict == "unverified":
            return None  # a plain sentence no source speaks to: nothing to report (counted as skipped)
        return findings.statement_finding(verdict, claim.text, where)
    results = []
    for piece in claim.pieces:
        if len(words(piece)) < quotecheck.MIN_QUOTE_WORDS:
            continue
        judged = quotecheck.judge_across(piece, claim.speaker, _candidates(store, piece, options),
                                         options.quote_match, options.quote_near, options.aliases)
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
                                  claim.speaker, claim.text, where, options.aliases)


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
