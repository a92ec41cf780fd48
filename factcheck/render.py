"""Every output format; the only module that writes results to stdout.

Machine formats (json, jsonl, csv) never change shape on a terminal. Colour is used only
on a TTY and never when NO_COLOR is set.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from .models import SCHEMA_VERSION

if TYPE_CHECKING:  # annotations only: the records of `index` and `check` stay unbuilt in `verify`
    from .models import (
        DocumentStance,
        DraftReport,
        Evidence,
        Finding,
        IndexReport,
        Preview,
        QuoteRecord,
        Source,
        SourceInfo,
        Verdict,
    )

MISSING = "(missing)"
WRAP = 60


def use_colour(stream: IO[str]) -> bool:
    """Return True when `stream` is a terminal and NO_COLOR is unset."""
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


# ---------------------------------------------------------------------------- dictionaries


def source_dict(source: Source) -> dict[str, Any]:
    """Return the JSON form of a citation."""
    return {"title": source.title, "url": source.url, "date": source.date, "path": source.path, "site": source.site}


def evidence_dict(e: Evidence) -> dict[str, Any]:
    """Return the JSON form of one piece of evidence (DESIGN.md)."""
    c = e.candidate
    location: dict[str, Any] = {"line": c.line, "start": c.start, "end": c.end}
    if c.page is not None:
        location["page"] = c.page
    out: dict[str, Any] = {
        "stance": e.stance,
        "score": e.score,
        "kind": c.kind,
        "speaker": (e.quote.speaker if e.quote else None) or c.speaker,
        "text": c.text,
        "reasons": list(e.reasons),
        "source": source_dict(c.source),
        "location": location,
        "highlights": [list(h) for h in e.highlights],
    }
    if e.quote is not None:
        out["quote"] = {"text": e.quote.text, "speaker": e.quote.speaker, "cue": e.quote.cue,
                        "line": e.quote.line, "start": e.quote.start, "end": e.quote.end}
    return out


def verdict_dict(v: Verdict, documents: bool = False) -> dict[str, Any]:
    """Return the JSON form of a verdict (DESIGN.md); with `documents`, also the per-document stances."""
    out = {
        "schema_version": SCHEMA_VERSION,
        "claim": v.claim.text,
        "verdict": v.verdict,
        "reasons": list(v.reasons),
        "evidence": [evidence_dict(e) for e in v.evidence],
    }
    if documents:
        out["documents"] = [document_dict(d) for d in v.documents]
    return out


def document_dict(d: DocumentStance) -> dict[str, Any]:
    """Return the JSON form of one document's stance (the passages as in `evidence`)."""
    return {"stance": d.stance, "relevance": d.relevance, "confidence": d.confidence, "reasons": list(d.reasons),
            "source": source_dict(d.source), "evidence": [evidence_dict(e) for e in d.evidence]}


def source_info_dict(s: SourceInfo) -> dict[str, Any]:
    """Return the JSON form of an indexed document."""
    return {"path": s.path, "title": s.title, "date": s.date, "url": s.url, "site": s.site, "author": s.author,
            "passages": s.passages, "quotes": s.quotes, "format": s.format, "missing": s.missing}


def quote_dict(q: QuoteRecord) -> dict[str, Any]:
    """Return the JSON form of a stored quote."""
    return {"text": q.text, "speaker": q.speaker, "cue": q.cue, "source": source_dict(q.source),
            "location": {"line": q.line, "start": q.start, "end": q.end},
            "speaker_in_source": q.speaker_in_source}


# ---------------------------------------------------------------------------- verify


def verdicts(items: Iterable[Verdict], fmt: str, out: IO[str] | None = None, documents: bool = False) -> None:
    """Write verdicts in `fmt` (table, json, jsonl, csv, markdown), streaming where the format allows.

    With `documents`, the per-document stances are written too (json/jsonl key "documents",
    a second table / list); csv keeps one row per passage.
    """
    out = out or sys.stdout
    if fmt == "jsonl":
        for v in items:
            out.write(json.dumps(verdict_dict(v, documents), ensure_ascii=False) + "\n")
            out.flush()
    elif fmt == "json":
        json.dump([verdict_dict(v, documents) for v in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        _verdicts_csv(items, out)
    elif fmt == "markdown":
        for v in items:
            out.write(_verdict_markdown(v) + "\n")
            if documents:
                out.write(_documents_markdown(v) + "\n")
    else:
        colour = use_colour(out)
        first = True
        for v in items:
            if not first:
                out.write("\n")
            first = False
            out.write(_verdict_table(v, colour) + "\n")
            if documents:
                out.write(_documents_table(v, colour) + "\n")
            out.flush()


_VERDICT_COLOUR = {"supported": "32", "conflicting": "31", "disputed": "33", "unverified": "90"}
_STANCE_COLOUR = {"supports": "32", "conflicts": "31", "related": "90"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour and code else text


def _highlight(e: Evidence, colour: bool) -> str:
    text = e.candidate.text
    if not colour or not e.highlights:
        return text
    out, pos = [], 0
    for start, end in e.highlights:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f"\x1b[1m{text[start:end]}\x1b[22m")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _wrap(text: str, width: int = WRAP) -> str:
    import textwrap  # tables only: csv/textwrap stay out of the start-up of machine formats

    return "\n".join(textwrap.wrap(text, width)) or text


CLAIM_SHOWN = 300  # characters of a claim the table's heading shows (JSON keeps it whole)


def _verdict_table(v: Verdict, colour: bool) -> str:
    import textwrap

    from .grid import table as grid_table

    claim = v.claim.text if len(v.claim.text) <= CLAIM_SHOWN else v.claim.text[:CLAIM_SHOWN].rstrip() + "…"
    head = f"{_paint(v.verdict.upper(), _VERDICT_COLOUR.get(v.verdict, ''), colour)}  {claim}"
    if v.reasons:
        head += f"  ({'; '.join(v.reasons)})"
    if not v.evidence:
        return head
    rows = []
    for e in v.evidence:
        src = e.candidate.source
        passage = _wrap(e.candidate.text)
        if colour and e.highlights:
            # wrap first, then bold the matched words line by line (offsets no longer hold)
            passage = _bold_words(passage, {e.candidate.text[s:t].lower() for s, t in e.highlights})
        reasons = "\n".join(textwrap.fill("- " + r, 36) for r in e.reasons[1:]) or "-"
        cite = [
            "\n".join(textwrap.wrap(src.title, 32)) if src.title else f"{MISSING} title",
            src.date or f"{MISSING} date",
            "\n".join(src.url[i:i + 32] for i in range(0, len(src.url), 32)) if src.url else f"{MISSING} URL",
            f"{src.path}, p. {e.candidate.page}" if e.candidate.page is not None else f"{src.path}:{e.candidate.line}",
        ]
        rows.append([
            _paint(e.stance, _STANCE_COLOUR.get(e.stance, ""), colour),
            f"{e.score:.0f}",
            (e.quote.speaker if e.quote else None) or e.candidate.speaker or "-",
            passage,
            reasons,
            "\n".join(cite),
        ])
    table = grid_table(rows, ["stance", "score", "speaker", "passage", "why", "source"])
    return head + "\n" + table


DOCUMENT_ROWS = 10  # documents shown in a table; json has them all


def _documents_table(v: Verdict, colour: bool) -> str:
    import textwrap

    from .grid import table as grid_table

    if not v.documents:
        return "documents: none relevant enough"
    rows = []
    for d in v.documents[:DOCUMENT_ROWS]:
        why = "\n".join(textwrap.fill("- " + r, 56) for r in d.reasons)
        src = d.source
        cite = "\n".join(textwrap.wrap(src.title, 32)) if src.title else f"{MISSING} title"
        rows.append([_paint(d.stance, _STANCE_COLOUR.get(d.stance, ""), colour), f"{d.relevance:.0f}", why,
                     f"{cite}\n{src.date or MISSING + ' date'}\n{src.path}"])
    more = len(v.documents) - DOCUMENT_ROWS
    table = grid_table(rows, ["document", "relevance", "why", "source"])
    return "documents:\n" + table + (f"\n({more} more documents; --format json lists them all)" if more > 0 else "")


def _documents_markdown(v: Verdict) -> str:
    lines = ["| document stance | relevance | why | source |", "|---|---:|---|---|"]
    for d in v.documents:
        src = d.source
        title = _md(src.title or src.path)
        link = f"[{title}]({src.url})" if src.url else title
        lines.append(f"| {d.stance} | {d.relevance:.0f} | {_md('; '.join(d.reasons))} | {link} |")
    return "\n".join(lines) + "\n" if v.documents else "No document is relevant enough.\n"


def _bold_words(text: str, targets: set[str]) -> str:
    import re

    return re.sub(r"[\w’'.-]+", lambda m: f"\x1b[1m{m.group(0)}\x1b[22m" if m.group(0).lower() in targets else m.group(0), text)


def _verdicts_csv(items: Iterable[Verdict], out: IO[str]) -> None:
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["claim", "verdict", "stance", "score", "speaker", "text", "reasons", "title", "date", "url", "path", "line"])
    for v in items:
        if not v.evidence:
            writer.writerow([v.claim.text, v.verdict, "", "", "", "", "; ".join(v.reasons), "", "", "", "", ""])
        for e in v.evidence:
            c = e.candidate
            writer.writerow([v.claim.text, v.verdict, e.stance, f"{e.score:.1f}",
                             (e.quote.speaker if e.quote else None) or c.speaker or "", c.text,
                             "; ".join(e.reasons), c.source.title or "", c.source.date or "",
                             c.source.url or "", c.source.path, c.line])


def _md(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _verdict_markdown(v: Verdict) -> str:
    reasons = f" ({_md('; '.join(v.reasons))})" if v.reasons else ""
    lines = [f"### {_md(v.claim.text)}", "", f"**Verdict:** {v.verdict}{reasons}", ""]
    if v.evidence:
        lines += ["| stance | score | speaker | passage | why | source | date |", "|---|---:|---|---|---|---|---|"]
        for e in v.evidence:
            src = e.candidate.source
            title = _md(src.title or src.path)
            link = f"[{title}]({src.url})" if src.url else f"{title} ({MISSING} URL)"
            lines.append(
                f"| {e.stance} | {e.score:.0f} | {_md((e.quote.speaker if e.quote else None) or e.candidate.speaker or '')} "
                f"| {_md(e.candidate.text)} | {_md('; '.join(e.reasons))} | {link} | {src.date or MISSING} |"
            )
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- other commands


SOURCE_KEYS = ["path", "title", "date", "url", "site", "author", "passages", "quotes", "missing"]


def sources(items: list[SourceInfo], fmt: str, out: IO[str] | None = None) -> None:
    """Write the indexed documents in `fmt`; `missing` names the citation fields a document lacks."""
    out = out or sys.stdout
    _records([source_info_dict(s) for s in items], SOURCE_KEYS, fmt, out)


def missing_summary(items: list[SourceInfo], err: IO[str] | None = None) -> None:
    """Write one stderr line counting documents without a date or URL (nothing when none lack them)."""
    err = err or sys.stderr
    no_date = sum(1 for s in items if s.date is None)
    no_url = sum(1 for s in items if s.url is None)
    if no_date or no_url:
        err.write(f"factcheck: of {len(items)} document(s), {no_date} have no date and {no_url} no URL; "
                  f"citations from them show {MISSING} (list them with `factcheck sources --missing`)\n")


def preview(result: Preview, fmt: str, out: IO[str] | None = None) -> None:
    """Write what `index --dry-run` would read: each article's metadata and its state in the index."""
    out = out or sys.stdout
    dicts = [{**source_info_dict(i.source), "status": i.status} for i in result.items]
    if fmt == "json":
        data = {"dry_run": True, "documents": dicts,
                "skipped_files": [{"path": p, "reason": r} for p, r in result.skipped]}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    keys = ["path", "status", "format", "title", "date", "url", "author", "passages", "missing"]
    _records(dicts, keys, fmt, out)


def quotes(items: list[QuoteRecord], fmt: str, out: IO[str] | None = None) -> None:
    """Write quotes with speaker and citation in `fmt`."""
    out = out or sys.stdout
    if fmt in ("json", "jsonl"):
        _records([quote_dict(q) for q in items], [], fmt, out)
        return
    flat = [{"speaker": q.speaker, "quote": q.text, "cue": q.cue, "title": q.source.title, "date": q.source.date,
             "url": q.source.url, "where": f"{q.source.path}:{q.line}"} for q in items]
    _records(flat, ["speaker", "quote", "cue", "title", "date", "url", "where"], fmt, out)


def index_report(report: IndexReport, fmt: str, index_path: str, out: IO[str] | None = None) -> None:
    """Write what an `index` run did."""
    out = out or sys.stdout
    data = {"index": index_path, "indexed": len(report.indexed), "unchanged": len(report.unchanged),
            "skipped": len(report.skipped), "pruned": len(report.pruned), "passages": report.passages,
            "quotes": report.quotes, "skipped_files": [{"path": p, "reason": r} for p, r in report.skipped]}
    if fmt in ("json", "jsonl"):
        out.write(json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
        return
    out.write(
        f"indexed {data['indexed']}, unchanged {data['unchanged']}, skipped {data['skipped']}"
        + (f", pruned {data['pruned']}" if report.pruned else "")
        + f" ({report.passages} passages, {report.quotes} quotes) into {index_path}\n"
    )


def _records(dicts: list[dict[str, Any]], keys: list[str], fmt: str, out: IO[str]) -> None:
    if fmt == "json":
        json.dump(dicts, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for d in dicts:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        import csv

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(keys)
        for d in dicts:
            writer.writerow([_cell(d.get(k)) for k in keys])
        out.write(buf.getvalue())
    elif fmt == "markdown":
        out.write("| " + " | ".join(keys) + " |\n|" + "---|" * len(keys) + "\n")
        for d in dicts:
            out.write("| " + " | ".join(_md(_cell(d.get(k)) or _empty(k)) for k in keys) + " |\n")
    else:
        from .grid import table as grid_table

        rows = [[_wrap(_cell(d.get(k)) or _empty(k), 50) for k in keys] for d in dicts]
        out.write(grid_table(rows, keys) + "\n")


def _empty(key: str) -> str:
    """Return what an empty cell shows: "-" for an empty list (nothing missing), else (missing)."""
    return "-" if key == "missing" else MISSING


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def error(message: str) -> None:
    """Write one error line to stderr."""
    sys.stderr.write(f"factcheck: error: {message}\n")


def warning(message: str) -> None:
    """Write one warning line to stderr."""
    sys.stderr.write(f"factcheck: {message}\n")


# ---------------------------------------------------------------------------- check

_SEVERITY_COLOUR = {"error": "31", "warning": "33", "note": "90"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}
def finding_dict(f: Finding) -> dict[str, Any]:
    """Return the JSON form of a finding (DESIGN.md); end_column is one past the last character."""
    return {"line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
            "kind": f.kind, "severity": f.severity, "claim": f.claim, "speaker": f.speaker,
            "message": f.message, "reasons": list(f.reasons), "evidence": [evidence_dict(e) for e in f.evidence]}


def draft_report_dict(r: DraftReport) -> dict[str, Any]:
    """Return the JSON form of one checked draft (DESIGN.md)."""
    return {"schema_version": SCHEMA_VERSION, "file": r.path, "sentences": r.sentences, "checked": r.checked,
            "skipped": r.skipped, "ignored": r.ignored, "quotes": r.quotes, "suppressed": r.suppressed,
            "findings": [finding_dict(f) for f in r.findings]}


def check_reports(reports: list[DraftReport], fmt: str, out: IO[str] | None = None) -> None:
    """Write the findings of checked drafts in `fmt` (text, json, jsonl, csv, markdown, github, sarif, table)."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump([draft_report_dict(r) for r in reports], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for r in reports:
            for f in r.findings:
                out.write(json.dumps({"schema_version": SCHEMA_VERSION, "file": r.path, **finding_dict(f)},
                                     ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _findings_csv(reports, out)
    elif fmt == "markdown":
        out.write("\n".join(_report_markdown(r) for r in reports))
    elif fmt == "github":
        for r in reports:
            for f in r.findings:
                out.write(github_command(r.path, f) + "\n")
    elif fmt == "sarif":
        from .sarif import sarif_log

        json.dump(sarif_log(reports, evidence_text=evidence_line), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "table":
        _findings_table(reports, out)
    else:
        colour = use_colour(out)
        for r in reports:
            for f in r.findings:
                sev = _paint(f.severity, _SEVERITY_COLOUR.get(f.severity, ""), colour)
                out.write(f"{r.path}:{f.line}:{f.column}: {sev} {f.kind}: {_one_line(f.message)}\n")


def check_summary(r: DraftReport) -> str:
    """Return the one-line count of what a draft check did, for stderr."""
    counts: dict[str, int] = {}
    for f in r.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    found = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "note") if s in counts)
    extra = f", {r.ignored} ignored" if r.ignored else ""
    extra += f", {r.suppressed} findings suppressed" if r.suppressed else ""
    return (f"{r.path}: {r.sentences} sentences: {r.checked} checked ({r.quotes} quotes), {r.skipped} skipped{extra}; "
            f"{found or 'no findings'}")


def check_diagnostics(reports: list[DraftReport], errors: list[tuple[str, str]], quiet: bool, strict: bool) -> None:
    """Write to stderr: unreadable files, drafts with nothing checkable (an error when strict), and
    (unless quiet) a summary per draft."""
    from .findings import nothing_checkable

    for path, message in errors:
        error(message if message.startswith(path) else f"{path}: {message}")
    for r in reports:
        if nothing_checkable(r):
            (error if strict else warning)(f"{r.path}: nothing could be checked (no quotation or factual sentence found)")
        elif not quiet:
            warning(check_summary(r))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(path: str, f: Finding) -> str:
    """Return a GitHub Actions workflow command that annotates the finding on its draft line."""
    props = {"file": path, "line": f.line, "col": f.column, "endLine": f.end_line, "endColumn": f.end_column,
             "title": f"factcheck {f.kind}"}
    joined = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items())
    return f"::{_GITHUB_LEVEL[f.severity]} {joined}::{_escape_data(f.message)}"


def evidence_line(e: Evidence) -> str:
    """Return one line citing a piece of evidence: stance, score, speaker, passage, title, date, URL."""
    src = e.candidate.source
    speaker = (e.quote.speaker if e.quote else None) or e.candidate.speaker
    who = f" {speaker}:" if speaker else ""
    return (f"{e.stance} ({e.score:.0f}){who} {_one_line(e.candidate.text)} — {src.title or src.path}, "
            f"{src.date or MISSING + ' date'}, {src.url or MISSING + ' URL'}")


def _findings_csv(reports: list[DraftReport], out: IO[str]) -> None:
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "line", "column", "end_line", "end_column", "severity", "kind", "speaker", "claim",
                     "message", "source_title", "source_date", "source_url", "source_path", "source_line"])
    for r in reports:
        for f in r.findings:
            e = f.evidence[0] if f.evidence else None
            src = e.candidate.source if e else None
            writer.writerow([r.path, f.line, f.column, f.end_line, f.end_column, f.severity, f.kind, f.speaker or "",
                             f.claim, _one_line(f.message), (src.title or "") if src else "",
                             (src.date or "") if src else "", (src.url or "") if src else "",
                             src.path if src else "", e.candidate.line if e else ""])


def _report_markdown(r: DraftReport) -> str:
    lines = [f"### {_md(r.path)}", "", f"{_md(check_summary(r))}", ""]
    if r.findings:
        lines += ["| line | severity | kind | claim | finding | source |", "|---:|---|---|---|---|---|"]
        for f in r.findings:
            source = "-"
            if f.evidence:
                src = f.evidence[0].candidate.source
                title = _md(src.title or src.path)
                source = (f"[{title}]({src.url})" if src.url else title) + f", {src.date or MISSING + ' date'}"
            lines.append(f"| {f.line} | {f.severity} | {f.kind} | {_md(f.claim)} | {_md(f.message)} | {source} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def _findings_table(reports: list[DraftReport], out: IO[str]) -> None:
    from .grid import table as grid_table

    colour = use_colour(out)
    for r in reports:
        out.write(check_summary(r) + "\n")
        if not r.findings:
            continue
        rows = [[f"{f.line}:{f.column}", _paint(f.severity, _SEVERITY_COLOUR.get(f.severity, ""), colour), f.kind,
                 _wrap(f.claim, 40), _wrap(f.message, 50)] for f in r.findings]
        out.write(grid_table(rows, ["where", "severity", "kind", "claim", "finding"]) + "\n")
