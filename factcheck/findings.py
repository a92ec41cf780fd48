"""Judgements -> Findings (kind, severity, message), and the exit code a check run ends with.

Finding kinds and their severities: the default `--fail-on` set (misquote, misattributed,
paraphrase-quoted, conflicting) is exactly the `error` severity, so `--fail-on error` is the
default and `--fail-on warning` adds disputed and unverified claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .errors import ExitCode, InputError
from .models import DraftReport, Evidence, Finding, Source, Verdict
from .quotecheck import (
    EXACT,
    MISATTRIBUTED,
    MISQUOTE,
    NARRATION,
    UNCLEAR,
    Aliases,
    QuoteJudgement,
    same_person,
    speaker_name,
)
from .text import words

SEVERITY = {
    "misquote": "error", "misattributed": "error", "paraphrase-quoted": "error", "conflicting": "error",
    "disputed": "warning", "unverified": "warning",
    "exact-quote": "note", "supported": "note",
}
KINDS = tuple(SEVERITY)
LEVELS = ("note", "warning", "error")  # as in SARIF; GitHub calls a note a "notice"
CITE_TITLE = 60  # characters of a source title shown in a one-line message
_CERTAINTY = {"possible": 1, "probable": 2, "certain": 3}


def parse_fail_on(values: Iterable[str]) -> frozenset[str]:
    """Return the finding kinds that fail a run: kinds as given, a severity and all above it, or none."""
    kinds: set[str] = set()
    for raw in values:
        for value in (v.strip().lower() for v in str(raw).split(",")):
            if not value:
                continue
            if value == "none":
                continue
            value = "note" if value == "notice" else value
            if value in LEVELS:
                floor = LEVELS.index(value)
                kinds.update(k for k, sev in SEVERITY.items() if LEVELS.index(sev) >= floor)
            elif value in SEVERITY:
                kinds.add(value)
            else:
                raise InputError(f"--fail-on: unknown {value!r}; use kinds ({', '.join(KINDS)}), "
                                 f"a severity ({', '.join(LEVELS)}) or none")
    return frozenset(kinds)


def parse_level(value: str) -> str:
    """Return a severity name ("notice" is GitHub's word for note); raise InputError if unknown."""
    level = "note" if value.strip().lower() == "notice" else value.strip().lower()
    if level not in LEVELS:
        raise InputError(f"--min-severity: unknown {value!r}; use one of {', '.join(LEVELS)}")
    return level


def at_least(finding: Finding, level: str) -> bool:
    """Return True when the finding's severity is `level` or above."""
    return LEVELS.index(finding.severity) >= LEVELS.index(level)


def visible(reports: Sequence[DraftReport], level: str, fail_on: frozenset[str]) -> list[DraftReport]:
    """Return the reports with only the findings at `level` or above, and every failing one."""
    return [replace(r, findings=tuple(f for f in r.findings if at_least(f, level) or f.kind in fail_on))
            for r in reports]


def outcome(reports: Sequence[DraftReport], fail_on: frozenset[str], *, no_fail: bool = False,
            strict: bool = False, errors: int = 0) -> ExitCode:
    """Return the exit code of a check run (DESIGN.md): 2 input errors, 1 failing findings, else 0."""
    if errors:
        return ExitCode.USAGE
    if no_fail:
        return ExitCode.OK
    if any(f.kind in fail_on for r in reports for f in r.findings):
        return ExitCode.FINDINGS
    if strict and any(nothing_checkable(r) for r in reports):
        return ExitCode.FINDINGS
    return ExitCode.OK


def nothing_checkable(report: DraftReport) -> bool:
    """Return True when the draft held nothing to check (not even suppressed or unchanged claims)."""
    return report.checked == 0 and report.ignored == 0


# ---------------------------------------------------------------------------- quotes


def quote_finding(found: QuoteJudgement | None, evidence: tuple[Evidence, ...], speaker: str | None,
                  claim: str, where: tuple[int, int, int, int], aliases: Aliases | None = None) -> Finding:
    """Return the finding for a quotation from its decisive judgement (None: found nowhere)."""
    if found is None:
        who = f" attributed to {speaker}" if speaker else ""
        return _finding("unverified", where, claim, f"quote{who} not found in any source", speaker, evidence,
                        ("no source quote or passage has these words",))
    cite = _cite(evidence[0].candidate.source) if evidence else "the sources"
    q = found.quote
    src_speaker = speaker_name(q.speaker) if q else None
    if found.kind == EXACT:
        if src_speaker and speaker:
            message = f"quote matches {src_speaker} in {cite}"
        elif src_speaker:
            message = f"quote matches {src_speaker}'s words in {cite}"
        else:
            message = f"quoted words found in {cite} (the source does not say who spoke)"
        return _finding(EXACT, where, claim, message, speaker, evidence, found.reasons)
    if found.kind == UNCLEAR:
        message = f"the quoted words are in {cite}, attributed to {src_speaker}; the passage also names {speaker}"
        return _finding("unverified", where, claim, message, speaker, evidence, found.reasons)
    if found.kind == MISATTRIBUTED:
        message = f"the draft gives these words to {speaker}; {cite} quotes {src_speaker}"
        return _finding(MISATTRIBUTED, where, claim, message, speaker, evidence, found.reasons)
    if found.kind == NARRATION:
        message = f"in {cite} these words are the reporter's narration, not a quote"
        if speaker:
            message += f" from {speaker}"
        return _finding(NARRATION, where, claim, message, speaker, evidence, found.reasons)
    whose = f"{src_speaker}'s words" if src_speaker else "the source quote"
    message = f"{whose} changed: {found.diff} ({cite})"
    if speaker and src_speaker and not same_person(speaker, src_speaker, aliases):
        message += f"; the draft gives it to {speaker}"
    return _finding(MISQUOTE, where, claim, message, speaker, evidence, found.reasons)


# ---------------------------------------------------------------------------- statements


def statement_finding(v: Verdict, claim: str, where: tuple[int, int, int, int]) -> Finding:
    """Return the finding for a factual sentence from its verdict; certainty drift is a conflict."""
    evidence, verdict = _verbatim(v, claim)
    if verdict == "unverified":
        drift = _certainty_drift(evidence)
        if drift is not None:
            e = drift._replace(stance="conflicts")
            evidence = tuple(e if x is drift else x for x in evidence)
            reason = next(r for r in e.reasons if r.startswith("certainty differs"))
            return _finding("conflicting", where, claim, f"{reason} ({_cite(e.candidate.source)})", None,
                            evidence, e.reasons)
    supports = [e for e in evidence if e.stance == "supports"]
    conflicts = [e for e in evidence if e.stance == "conflicts"]
    if verdict == "supported" and supports:
        e = supports[0]
        return _finding("supported", where, claim, f"supported by {_cite(e.candidate.source)}", None, evidence,
                        e.reasons)
    if verdict == "conflicting" and conflicts:
        e = conflicts[0]
        return _finding("conflicting", where, claim, f"{_why(e)} ({_cite(e.candidate.source)})", None, evidence,
                        e.reasons)
    if verdict == "disputed" and supports and conflicts:
        s, c = supports[0], conflicts[0]
        message = (f"sources disagree: {_cite(s.candidate.source)} supports it; "
                   f"{_cite(c.candidate.source)}: {_why(c)}")
        return _finding("disputed", where, claim, message, None, evidence, c.reasons)
    if evidence:
        e = evidence[0]
        message = f"not confirmed: the closest passage ({_cite(e.candidate.source)}, score {e.score:.0f})"
        if len(e.reasons) > 1:
            message += f": {e.reasons[-1]}"
        return _finding("unverified", where, claim, message, None, evidence, e.reasons)
    return _finding("unverified", where, claim, "no source passage is relevant enough", None, evidence, v.reasons)


def _verbatim(v: Verdict, claim: str) -> tuple[tuple[Evidence, ...], str]:
    """Return the evidence and verdict with any passage that says the claim word for word counted
    as support: a sentence copied from a source is never contradicted by that very sentence."""
    said = words(claim)
    if not said:
        return v.evidence, v.verdict
    evidence = tuple(e._replace(stance="supports", reasons=e.reasons[:1] + ("the source says this word for word",))
                     if e.stance != "supports" and words(e.candidate.text) == said else e for e in v.evidence)
    if evidence == v.evidence:
        return evidence, v.verdict
    stances = {e.stance for e in evidence}
    return evidence, "disputed" if "conflicts" in stances else "supported"


_DRIFT = re.compile(r"certainty differs: the claim is (\w+).*the source is (\w+)")


def _certainty_drift(evidence: Sequence[Evidence]) -> Evidence | None:
    """Return the evidence on which the claim states more certainty than the source ("ruled out"
    for "unlikely", "said" for "suggested"), if any."""
    for e in evidence:
        for r in e.reasons:
            if not r.startswith("certainty differs"):
                continue
            m = _DRIFT.search(r)
            if m is None or _CERTAINTY.get(m.group(1), 3) > _CERTAINTY.get(m.group(2), 0):
                return e
    return None


def _why(e: Evidence) -> str:
    """Return the reason that decided a piece of evidence (the first reason says how it matched)."""
    return e.reasons[-1] if len(e.reasons) > 1 else (e.reasons[0] if e.reasons else e.stance)


def _cite(source: Source) -> str:
    """Return a short citation: the title (or path) and the date."""
    title = source.title or source.path
    if len(title) > CITE_TITLE:
        title = title[: CITE_TITLE - 1].rstrip() + "…"
    return f"\"{title}\", {source.date or 'undated'}"


def _finding(kind: str, where: tuple[int, int, int, int], claim: str, message: str, speaker: str | None,
             evidence: tuple[Evidence, ...], reasons: tuple[str, ...]) -> Finding:
    line, column, end_line, end_column = where
    return Finding(kind=kind, severity=SEVERITY[kind], line=line, column=column, end_line=end_line,
                   end_column=end_column, message=message, claim=claim, speaker=speaker,
                   evidence=evidence, reasons=reasons)
