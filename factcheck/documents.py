"""Files -> Document: decoding, metadata (title, date, URL, site) and what is not evidence.

Metadata comes from the file itself and is never invented: what is absent stays None.
Markup and non-evidence lines (front matter, datelines, photo credits, "Related article:"
lines, the URL footer, Markdown link targets) are *masked* - replaced by spaces of the same
length - so every offset and line number in the masked text is the offset and line in the file.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date as _date
from datetime import datetime
from itertools import islice
from urllib.parse import urlsplit

from .errors import InputError
from .models import Document
from .readers import READERS, Member, ReadOptions
from .text import squash

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024  # bytes; a news article is rarely over 1 MB

# ---------------------------------------------------------------------------- discovery


def iter_files(paths: Iterable[str], suffixes: Iterable[str] | None = None) -> Iterator[str]:
    """Yield the readable-looking files under `paths` (files as given, folders recursively).

    Paths keep the form the user gave ("sources/a.txt" stays relative). Hidden folders
    (".git", ".factcheck") are not entered. Order is sorted, so runs are deterministic.
    """
    wanted = set(suffixes or supported_suffixes())
    for raw in paths:
        if os.path.isdir(raw):
            for root, dirs, files in os.walk(raw):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and suffix_of(name) in wanted:
                        yield os.path.join(root, name)
        else:
            yield raw


def suffix_of(name: str) -> str:
    """Return the lower-case suffix that decides the reader (".html.gz" counts as one)."""
    lower = name.lower()
    for double in (".html.gz", ".htm.gz"):
        if lower.endswith(double):
            return double
    return os.path.splitext(lower)[1]


def supported_suffixes() -> set[str]:
    """Return every file suffix some reader accepts."""
    return set(TEXT_SUFFIXES) | set(READERS)


# ---------------------------------------------------------------------------- reading


def read_document(path: str, max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Return the Document stored at `path`; raise InputError with a reason if it cannot be read."""
    return parse_bytes(path, read_bytes(path, max_bytes))


def parse_bytes(path: str, data: bytes) -> Document:
    """Return the Document for the file content `data`; the suffix of `path` picks the reader.

    A file holding several articles (a JSON array, JSON Lines) is refused here: read it
    with `parse_members`, which names each article `path#N`.
    """
    found = parse_members(path, data)
    if len(found) != 1:
        raise InputError(f"{path}: holds {len(found)} articles, not one (read it with parse_members)")
    return found[0].load()


def parse_members(path: str, data: bytes, options: ReadOptions | None = None) -> list[Member]:
    """Return the articles in the file content `data`, each read only when its `load()` is called."""
    suffix = suffix_of(path)
    if suffix in READERS:
        from .readers import members

        return members(path, data, options)
    digest = sha256(data)
    fmt = TEXT_SUFFIXES.get(suffix, "text")
    return [Member(path=path, sha256=digest, load=lambda: parse_text(path, decode(data, path), digest, fmt))]


def read_bytes(path: str, max_bytes: int) -> bytes:
    """Return the bytes of `path`, refusing missing, special, unreadable or oversized files."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (or a dangling link)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not os.path.isfile(path):
        raise InputError(f"{path}: not a regular file")
    if st.st_size > max_bytes:
        raise InputError(
            f"{path}: {st.st_size / 1e6:.1f} MB is over the limit of {max_bytes / 1e6:.1f} MB "
            "(raise it with --max-file-size)"
        )
    try:
        with open(path, "rb") as fh:
            # read(n) allocates n bytes up front: ask for the stated size (+1 to see growth),
            # and only then for the rest of the limit - the same bytes as read(max_bytes + 1).
            data = fh.read(min(st.st_size, max_bytes) + 1)
            if len(data) > st.st_size and len(data) <= max_bytes:
                data += fh.read(max_bytes + 1 - len(data))
            return data
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def sha256(data: bytes) -> str:
    """Return the hex SHA-256 of `data` (the content hash that detects unchanged files)."""
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, path: str = "<input>") -> str:
    """Return `data` as text: BOMs honoured, UTF-8 preferred, cp1252 as the fallback.

    Binary data (NUL bytes outside UTF-16) is refused. Newlines become "\\n".
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        if _looks_binary(data):
            raise InputError(f"{path}: looks binary (NUL and control bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_mixed(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", " ")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _decode_mixed(data: bytes) -> str:
    """Return text that is not clean UTF-8: UTF-8 with a few bad bytes replaced, else cp1252.

    A UTF-8 file with one stray byte keeps its other characters (rather than turning every
    curly quote into mojibake); a cp1252 file has high bytes that seldom form UTF-8 sequences.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if len(_UTF8_SEQUENCE.findall(data)) > bad:
        return text
    return data.decode("cp1252", errors="replace")


# Bytes that text files do not hold (C0 controls but tab, newline, VT, FF, CR, ESC).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20)])
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _looks_binary(data: bytes) -> bool:
    """Return True when `data` is not text: control bytes in over 1 % of its first 8 KB.

    Trailing NUL padding (a file preallocated or cut short by a crash) is left out, and a
    stray NUL in real text does not make it binary: random bytes hold ~10 % control bytes.
    """
    sample = data[:8192].rstrip(b"\x00")
    controls = len(sample.translate(None, _TEXT_BYTES))
    return controls > max(1, len(sample) // 100)


# ---------------------------------------------------------------------------- metadata

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_WORDY = (
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})"
)
_DATE_ISO = r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DATE_ANY = rf"(?:{_DATE_ISO}|{_DATE_WORDY}|\d{{4}}/\d{{1,2}}/\d{{1,2}})"
_DATE_LINE = re.compile(rf"^\s*(?:updated|published|posted)?[:\s]*({_DATE_ANY})\b[^\n]{{0,30}}$", re.I)
_DATE_PREFIX = re.compile(rf"\A\s*date[:\s]+({_DATE_ISO})\s*", re.I)
_META_LINE = re.compile(
    r"^\s*(?:\*\*|__)?(published|publication date|date|updated|posted|source|original url|"
    r"url|link|canonical|by|author|byline|title|headline)(?:\*\*|__)?\s*:\s*(.*)$"
    r"|^\s*(date)\s+(\d{4}-\d{1,2}-\d{1,2})\s*$",
    re.I,
)
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}"
_BY_LINE = re.compile(rf"^\s*(?:[Bb]y|BY)\s+({_NAME}(?:\s*(?:,|and)\s*{_NAME})*)\s*$")
_URL = re.compile(r"<?(https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?])>?")
_URL_LINE = re.compile(r"^\s*<?https?://[^\s<>]+>?\s*$")
_RELATED = re.compile(
    r"^\s*(?:\*\*)?(?:related(?: article| story| stories| reading| content)?|read more|see also|more on this|"
    r"recommended|also read)\s*:",
    re.I,
)
# (The leading lookahead, every alternative's possible first character, lets the regex engine skip
# to the next candidate at C speed: half the cost on news lines, the same matches.)
_CREDIT = re.compile(
    r"(?=[(/acgikpstvw])(?:\(CC BY[^)]*\)|\b(?:photo|image|picture|illustration|video)\s*(?:credit)?\s*(?:by|:)|"
    r"\bcredit\s*:|getty images|\bAP photo\b|/\s*(?:reuters|afp|ap|epa|getty)\b|\bcourtesy of\b|"
    r"\bshutterstock\b|\bwikimedia commons\b|\bTASS\b\s*$|\bkremlin\.ru\b)",
    re.I,
)
# A word of each _CREDIT alternative: an ASCII line (where the case-blind regex is lower-casing) with none is no credit.
_CREDIT_WORDS = ("(cc by", "photo", "image", "picture", "illustration", "video", "credit", "getty", "/", "courtesy",
                 "shutterstock", "wikimedia", "tass", "kremlin")
# The only non-ASCII characters a case-blind ASCII letter matches (İ ı ſ and the Kelvin sign): a line
# without them matches _CREDIT's letters with ASCII letters, so the words test holds for it too
# (news lines are rarely ASCII: curly quotes and dashes).
_CASE_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _is_credit(line: str) -> bool:
    """Return True when `line` holds a photo credit or licence (what _CREDIT.search finds), most lines without the regex."""
    low = line.lower() if line.isascii() or not any(twin in line for twin in _CASE_TWINS) else None
    return (low is None or any(word in low for word in _CREDIT_WORDS)) and _CREDIT.search(line) is not None


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")

_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("date", "published", "published_at", "publishdate", "pubdate", "datepublished",
              "publication_date", "created", "created_at")
_URL_KEYS = ("url", "link", "canonical", "canonical_url", "source_url", "original_url", "permalink")
_SITE_KEYS = ("site", "site_name", "publisher", "outlet", "source", "publication")
_AUTHOR_KEYS = ("author", "authors", "by", "byline")


def parse_date(value: str | None) -> str | None:
    """Return `value` as an ISO date (YYYY-MM-DD), or None when it is not a real date."""
    if not value:
        return None
    value = squash(str(value)).strip(" \"'")
    m = re.match(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", value)
    if m:
        try:
            return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value, flags=re.I)
    cleaned = re.sub(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", "", cleaned, flags=re.I)
    cleaned = cleaned.replace(",", " ").replace(".", " ")
    cleaned = squash(re.sub(r"\bsept\b", "sep", cleaned, flags=re.I))
    words = cleaned.split()
    for n in (3,):
        candidate = " ".join(words[:n])
        for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"):
            try:
                return datetime.strptime(candidate, fmt).date().isoformat()
            except ValueError:
                continue
    return None


def site_of(url: str | None) -> str | None:
    """Return the host of `url` without "www." (the outlet's site), or None."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Return the simple `key: value` pairs of a YAML front matter block and its length."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    pairs: dict[str, str] = {}
    for line in m.group(1).splitlines():
        km = _FM_KEY.match(line)
        if km and km.group(2).strip():
            value = km.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            pairs.setdefault(km.group(1).lower().replace("-", "_"), value)
    return pairs, m.end()


def _first(pairs: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if pairs.get(key):
            return pairs[key]
    return None


def parse_text(path: str, text: str, digest: str, fmt: str = "text") -> Document:
    """Return the Document for the decoded text of a .txt/.md file, with metadata and mask."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    pairs, fm_end = _front_matter(text)
    blank(0, fm_end)
    title = _first(pairs, _TITLE_KEYS)
    date = parse_date(_first(pairs, _DATE_KEYS))
    url = _first(pairs, _URL_KEYS)
    url = url if url and _URL.fullmatch(url) else None
    site = _first(pairs, _SITE_KEYS)
    site = None if site and _URL.fullmatch(site) else site
    author = _first(pairs, _AUTHOR_KEYS)

    m = _DATE_PREFIX.match(text, fm_end)
    if m:
        date = date or parse_date(m.group(1))
        blank(m.start(), m.end())

    lines = _lines(text, fm_end)
    top = [ln for ln in lines if ln[2].strip()][:12]
    pending_url_label = False
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        is_top = (start, end, line) in top
        meta = _META_LINE.match(line)
        if pending_url_label and _URL_LINE.match(line):
            url = url or _URL.search(line).group(1)  # type: ignore[union-attr]
            blank(start, end)
            pending_url_label = False
            continue
        pending_url_label = False
        if meta and (is_top or (meta.group(1) or "").lower() in ("original url", "source", "url", "link", "canonical")):
            key = (meta.group(1) or meta.group(3)).lower()
            value = (meta.group(2) if meta.group(1) else meta.group(4)).strip()
            found_url = _URL.search(value)
            if key in ("published", "publication date", "date", "updated", "posted"):
                if key != "updated" or date is None:
                    date = date or parse_date(value)
            elif key in ("original url", "url", "link", "canonical"):
                if found_url:
                    url = url or found_url.group(1)
                else:
                    pending_url_label = True
            elif key == "source":
                if found_url:
                    url = url or found_url.group(1)
                elif value:
                    site = site or value
            elif key in ("by", "author", "byline"):
                author = author or value or None
            elif key in ("title", "headline"):
                title = title or value or None
            blank(start, end)
            continue
        if is_top and (bm := _BY_LINE.match(line)):
            author = author or bm.group(1)
            blank(start, end)
            continue
        if is_top and (dm := _DATE_LINE.match(line)):
            parsed = parse_date(dm.group(1))
            if parsed:
                date = date or parsed
                blank(start, end)
                continue
        if _URL_LINE.match(line):
            found = _URL.search(line)
            if found and end >= len(text.rstrip()) - 1:
                url = url or found.group(1)  # the URL footer names the original
            blank(start, end)
            continue
        if _RELATED.match(line) or (len(stripped.split()) <= 25 and _is_credit(line)):
            blank(start, end)
            continue

    if title is None:
        title = _title_line(lines, chars)
    if fmt == "markdown" or "](" in text:
        _mask_markdown(text, chars)
    masked = "".join(chars)
    if not masked.strip() and _is_one_line_of_prose(text):
        # A file that is a single line ("Video: Marine survives ...", "Source: Apple set to buy
        # Path") is that line's content, not the caption or metadata of a body that is missing.
        masked, site, title = text, None, None
    site = site or site_of(url)
    return Document(
        path=path, sha256=digest, text=text, title=squash(title) if title else None, date=date,
        url=url, site=site, author=author, format=fmt, masked=masked,
    )


def _is_one_line_of_prose(text: str) -> bool:
    """Return True when `text` is one non-empty line of at least two words outside any URL."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return len(lines) == 1 and len(_URL.sub(" ", lines[0]).split()) >= 2


def _lines(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Return (start, end, line) for each line of `text` from `offset`."""
    out = []
    pos = offset
    for line in text[offset:].split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def mask_noise(text: str, skip_first: bool = False) -> str:
    """Return `text` with photo credits and "Related article:" lines blanked (same length)."""
    chars = list(text)
    seen_first = False
    for start, end, line in _lines(text):
        if not line.strip():
            continue
        if skip_first and not seen_first:
            seen_first = True
            continue
        if _RELATED.match(line) or (len(line.split()) <= 25 and _is_credit(line)):
            for i in range(start, end):
                chars[i] = " "
    return "".join(chars)


def _title_line(lines: list[tuple[int, int, str]], chars: list[str]) -> str | None:
    """Return the headline: the first unmasked line when it looks like one and body follows."""
    # the first two lines with unmasked text: all that is read
    visible = list(islice(((s, e) for s, e, _ in lines if "".join(chars[s:e]).strip()), 2))
    if len(visible) < 2:
        return None
    s, e = visible[0]
    line = "".join(chars[s:e]).strip()
    line = re.sub(r"^#{1,6}\s+", "", line).strip("*_ ")
    words = line.split()
    if not (2 <= len(words) <= 30) or len(line) > 250:
        return None
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return None
    if line[0] in "\"“‘'" or not (line[0].isupper() or line[0].isdigit()):
        return None
    s2, e2 = visible[1]
    if "".join(chars[s2:e2]).strip()[:1].islower():
        return None  # a sentence broken by a blank line, not a headline
    return line


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\n]*)\)")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`)")
_MD_HEADING = re.compile(r"^(#{1,6})\s", re.M)
_MD_QUOTE = re.compile(r"^(\s*>+)", re.M)
_MD_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MD_REF_DEF = re.compile(r"^\s*\[[^\]\n]+\]:\s*\S+.*$", re.M)


def _mask_markdown(text: str, chars: list[str]) -> None:
    """Blank Markdown syntax in `chars`, keeping link and emphasis text in place."""

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    for pattern in (_MD_IMAGE, _MD_COMMENT, _MD_REF_DEF):
        for m in pattern.finditer(text):
            blank(m.start(), m.end())
    for m in _MD_LINK.finditer(text):
        blank(m.start(), m.start(1))  # "["
        blank(m.end(1), m.end())  # "](target)"
    for m in _MD_REF_LINK.finditer(text):
        blank(m.start(), m.start(1))
        blank(m.end(1), m.end())
    for pattern in (_MD_EMPHASIS, _MD_HEADING, _MD_QUOTE):
        for m in pattern.finditer(text):
            blank(m.start(1), m.end(1))
