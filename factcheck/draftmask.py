"""Mask a Markdown or plain-text draft: what is not prose becomes spaces of the same length.

YAML/TOML front matter, fenced and indented code, HTML comments and tags, bare URLs, table
pipes and delimiter rows, link targets, images, footnote marks, emphasis marks, heading,
blockquote and list markers, and top-of-draft bylines. Offsets in the masked text are the
file's, so lines and columns come straight from it. Also returns the hard sentence breaks
(headings, list items, table cells) and the lines that `<!-- factcheck: ... -->` directives
suppress.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

ALL_KINDS = None  # a directive without kinds suppresses every kind


@dataclass(frozen=True)
class Masked:
    """A masked draft: text, sentence break offsets, line spans and suppressed lines."""

    text: str
    breaks: frozenset[int]
    lines: tuple[tuple[int, int], ...]  # (start, end) of each line
    suppressed: dict[int, frozenset[str] | None]


def mask_draft(text: str, markdown: bool = True) -> Masked:
    """Return the masked form of a draft's text (newlines already "\\n"); never raises."""
    chars = list(text)
    breaks: set[int] = set()
    lines = _lines(text)
    _mask_front_matter(text, chars)
    code = _mask_code(lines, chars, markdown)
    work = "".join(chars)
    suppressed = _directives(work, lines)
    _mask_inline_html(work, chars)
    work = "".join(chars)
    if markdown:
        _mask_blocks(lines, work, chars, breaks, code)
        _mask_tables(lines, "".join(chars), chars, breaks, code)
    if markdown or "](" in work:
        # Inline links in a .txt draft too (pasted from a CMS), as `documents` does for sources.
        _mask_inline(work, chars)
    return Masked("".join(chars), frozenset(breaks), tuple((s, e) for s, e, _ in lines), suppressed)




def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(max(start, 0), min(end, len(chars))):
        if chars[i] != "\n":
            chars[i] = " "


_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.S)


def _mask_front_matter(text: str, chars: list[str]) -> None:
    m = _FRONT_MATTER.match(text)
    if m:
        _blank(chars, 0, m.end())


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


def _mask_code(lines: list[tuple[int, int, str]], chars: list[str], markdown: bool) -> set[int]:
    """Blank fenced code (and, in Markdown, indented code); return the code line numbers."""
    code: set[int] = set()
    fence: str | None = None
    in_list = False
    prev_blank = True
    for n, (start, end, line) in enumerate(lines, 1):
        if fence is not None:
            code.add(n)
            _blank(chars, start, end)
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        m = _FENCE.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
            fence = m.group(1)
            code.add(n)
            _blank(chars, start, end)
            continue
        blank = not line.strip()
        if markdown and not blank and _INDENTED.match(line) and not in_list and (prev_blank or n - 1 in code):
            code.add(n)
            _blank(chars, start, end)
            continue
        if not blank:
            if _LIST_ITEM.match(line):
                in_list = True
            elif not _INDENTED.match(line) and not line.startswith((" ", "\t")):
                in_list = False
        prev_blank = blank
    return code


_DIRECTIVE = re.compile(r"<!--\s*factcheck\s*:\s*(ignore|off|on)\b(.*?)-->", re.I | re.S)


def _directives(work: str, lines: list[tuple[int, int, str]]) -> dict[int, frozenset[str] | None]:
    """Return the suppressed lines: the line after each `ignore`, the lines from `off` to `on`."""
    starts = [s for s, _, _ in lines]
    found = []
    for m in _DIRECTIVE.finditer(work):
        kinds = frozenset(k.lower() for k in re.findall(r"[A-Za-z][\w-]*", m.group(2))) or ALL_KINDS
        found.append((bisect_right(starts, m.start()), bisect_right(starts, m.end() - 1), m.group(1).lower(), kinds))
    if not found:
        return {}
    comment_only = {n for n, (_, _, line) in enumerate(lines, 1) if _is_comment_line(line)}
    out: dict[int, frozenset[str] | None] = {}

    def add(line: int, kinds: frozenset[str] | None) -> None:
        current = out.get(line, frozenset())
        out[line] = ALL_KINDS if kinds is ALL_KINDS or current is ALL_KINDS else current | kinds

    off_from: tuple[int, frozenset[str] | None] | None = None
    for first, last, verb, kinds in found:
        if verb == "ignore":
            target = last + 1
            while target <= len(lines) and (not lines[target - 1][2].strip() or target in comment_only):
                target += 1
            if target <= len(lines):
                add(target, kinds)
        elif verb == "off" and off_from is None:
            off_from = (last, kinds)
        elif verb == "on" and off_from is not None:
            for line in range(off_from[0], first + 1):
                add(line, off_from[1])
            off_from = None
    if off_from is not None:
        for line in range(off_from[0], len(lines) + 1):
            add(line, off_from[1])
    return out


def _is_comment_line(line: str) -> bool:
    return bool(re.fullmatch(r"\s*<!--.*?-->\s*", line))


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]*>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"“”]*[^\s<>()\[\]\"“”.,;:!?'’]")


def _mask_inline_html(work: str, chars: list[str]) -> None:
    for pattern in (_COMMENT, _TAG, _AUTOLINK, _BARE_URL):
        for m in pattern.finditer(work):
            _blank(chars, m.start(), m.end())


_ATX = re.compile(r"^( {0,3}#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE_MARKER = re.compile(r"^((?: {0,3}>[ \t]?)+)")
_LIST_MARKER = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)")
_REF_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:\s*\S+.*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:")
_BYLINE = re.compile(r"^\s*(?:by|written by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*$|"
                     r"^\s*(?:published|updated|date)\s*:.*$", re.I)
BYLINE_LINES = 6  # a byline or date line counts only among the first lines of a draft


def _mask_blocks(lines: list[tuple[int, int, str]], work: str, chars: list[str], breaks: set[int],
                 code: set[int]) -> None:
    """Blank heading, quote, list and rule markers; every such line is a sentence boundary."""
    seen_text = 0
    for n, (start, end, _) in enumerate(lines, 1):
        if n in code:
            continue
        line = work[start:end]
        if not line.strip():
            continue
        seen_text += 1
        offset = 0
        qm = _QUOTE_MARKER.match(line)
        if qm:
            _blank(chars, start, start + qm.end())
            offset = qm.end()
        rest = line[offset:]
        if seen_text <= BYLINE_LINES and _BYLINE.match(rest):
            _blank(chars, start, end)
            continue
        if _REF_DEF.match(rest) or _RULE.match(rest):
            _blank(chars, start, end)
            breaks.update((start, end))
            continue
        if _SETEXT.match(rest) and n > 1 and lines[n - 2][2].strip():
            _blank(chars, start, end)
            breaks.update((lines[n - 2][0], start))
            continue
        m = _ATX.match(rest)
        if m:
            _blank(chars, start + offset, start + offset + m.end(1))
            close = _ATX_CLOSE.search(rest)
            if close:
                _blank(chars, start + offset + close.start(), end)
            breaks.update((start, end))
            continue
        m = _LIST_MARKER.match(rest) or _FOOTNOTE_DEF.match(rest)
        if m:
            _blank(chars, start + offset, start + offset + m.end())
            breaks.add(start)


_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def _mask_tables(lines: list[tuple[int, int, str]], work: str, chars: list[str], breaks: set[int],
                 code: set[int]) -> None:
    """Blank table header and delimiter rows and the pipes; each cell is a sentence of its own."""
    n = 1
    while n < len(lines):
        start, end, _ = lines[n]
        row = work[start:end]
        head_start, head_end, _ = lines[n - 1]
        head = work[head_start:head_end]
        if (n + 1 not in code and "|" in row and _DELIMITER_ROW.match(row) and "-" in row
                and _PIPE.search(head) and n not in code):
            _blank(chars, start, end)
            _blank(chars, head_start, head_end)  # column labels, not claims
            table_rows = []
            k = n + 1
            while k < len(lines) and lines[k][2].strip() and _PIPE.search(work[lines[k][0]:lines[k][1]]):
                table_rows.append(lines[k][:2])
                k += 1
            for rs, re_ in table_rows:
                breaks.update((rs, re_))
                for m in _PIPE.finditer(work, rs, re_):
                    _blank(chars, m.start(), m.end())
                    breaks.add(m.start())
            n = k
            continue
        n += 1


_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\n]*)\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]+\]")
_EMPHASIS = re.compile(r"\*\*|__(?=\S)|(?<=\S)__|~~|(?<![\w*\\])\*(?=\S)|(?<=\S)\*(?![\w*])|"
                       r"(?<![\w\\])_(?=[^\s_])|(?<=[^\s_])_(?!\w)|`+|\\(?=[^\w\s])")


def _mask_inline(work: str, chars: list[str]) -> None:
    """Blank images, link targets, footnote references, emphasis marks and code ticks."""
    for m in _IMAGE.finditer(work):
        _blank(chars, m.start(), m.end())
    for pattern in (_LINK, _REF_LINK):
        for m in pattern.finditer(work):
            _blank(chars, m.start(), m.start(1))
            _blank(chars, m.end(1), m.end())
    for pattern in (_FOOTNOTE_REF, _EMPHASIS):
        for m in pattern.finditer(work):
            _blank(chars, m.start(), m.end())


def cut(text: str, spans: list[tuple[int, int]], breaks: set[int]) -> list[tuple[int, int]]:
    """Return the sentence spans cut at the hard breaks (headings, list items, table cells)."""
    if not breaks:
        return spans
    ordered = sorted(breaks)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        i = bisect_right(ordered, s)
        points = [s]
        while i < len(ordered) and ordered[i] < e:
            points.append(ordered[i])
            i += 1
        points.append(e)
        for a, b in zip(points, points[1:]):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if len(re.findall(r"\w+", text[a:b])) >= 2:
                out.append((a, b))
    return out
