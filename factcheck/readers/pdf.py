"""PDF press releases and reports -> Document with page numbers (needs the [pdf] extra: pypdf).

Text is extracted page by page; `Document.pages` records where each page starts, so every
passage carries its page and a citation can say "p. 3" (the printed page label when the PDF
defines numeric labels, else the page's position). Lines repeated on most pages (running
headers and footers) and "Page 3 of 5" lines are masked: they are not evidence.
Metadata: the text's own dateline, "Published:"/"By"/URL lines first; the PDF's Title,
Author and CreationDate fields fill what the text does not say.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from ..documents import parse_text, sha256
from ..errors import InputError
from ..models import Document
from . import Member, ReadOptions
from .dates import to_day

INSTALL_HINT = "PDF support is not installed; run: pip install 'factcheck-sources[pdf]'"
REPEATED_SHARE = 0.5  # a line on at least half the pages (and 3+) is a running header/footer
_PAGE_LINE = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)
_BAD_TITLE = re.compile(r"^(?:untitled|microsoft word|document\d*|press release|slide \d+)\b|\.(?:docx?|pdf|indd|pages)$", re.I)
_LABEL_LINE = re.compile(r"^(?:for immediate release|(?:press|news|media)\s+(?:release|statement|advisory)|"
                         r"embargoed?(?: until)?[^a-z]*)[\s:.-]*$", re.I)
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")


def members(path: str, data: bytes, options: ReadOptions) -> list[Member]:
    """Return the one document of a PDF file."""
    return [Member(path=path, sha256=sha256(data), load=lambda: read_pdf(path, data))]


def read_pdf(path: str, data: bytes) -> Document:
    """Return the Document for a PDF; InputError when pypdf is missing or the file is unreadable."""
    try:
        import pypdf
        from pypdf.errors import PyPdfError
    except ImportError:
        raise InputError(f"{path}: {INSTALL_HINT}") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # factcheck reports problems itself
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is password-protected")
        texts = [_page_text(page) for page in reader.pages]
        labels = _labels(reader, len(texts))
        info: Any = reader.metadata or {}
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    if not any(t.strip() for t in texts):
        raise InputError(f"{path}: the PDF has no text layer (a scan?) - nothing to index")
    text, pages = _join(texts, labels)
    # Running headers, page numbers and "PRESS RELEASE" labels are blanked before the text
    # parser looks for the headline and the dateline, so none of them is taken for a title.
    doc = parse_text(path, _mask_running_lines(text, texts), sha256(data), "pdf")
    masked = doc.masked
    title = doc.title or _info_title(info.get("/Title"))
    date = doc.date or to_day(_info_date(info.get("/CreationDate")))
    author = doc.author or _clean(info.get("/Author"))
    return Document(path=path, sha256=doc.sha256, text=text, title=title, date=date, url=doc.url, site=doc.site,
                    author=author, format="pdf", masked=masked, pages=tuple(pages))


def _page_text(page) -> str:  # type: ignore[no-untyped-def]
    text = (page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n")
    return _HYPHEN_BREAK.sub("", text.replace("\x00", " ")).strip("\n")


def _labels(reader, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    """Return the number to cite for each page: its printed label when numeric, else its position."""
    try:
        labels = list(reader.page_labels)
    except Exception:  # noqa: BLE001 - a broken label tree only costs the printed numbers
        labels = []
    if len(labels) == count and all(str(x).isdigit() for x in labels):
        return [int(x) for x in labels]
    return list(range(1, count + 1))


def _join(texts: list[str], labels: list[int]) -> tuple[str, list[tuple[int, int]]]:
    parts, pages, pos = [], [], 0
    for text, label in zip(texts, labels):
        pages.append((pos, label))
        chunk = text + "\n\n"
        parts.append(chunk)
        pos += len(chunk)
    return "".join(parts), pages


def _mask_running_lines(masked: str, texts: list[str]) -> str:
    """Blank running headers/footers, page-number lines and document labels (offsets unchanged)."""
    counts = Counter(line.strip() for t in texts for line in set(t.split("\n")) if line.strip())
    repeated = {line for line, n in counts.items()
                if len(texts) >= 3 and n >= max(3, REPEATED_SHARE * len(texts))}
    chars = list(masked)
    pos = 0
    for line in masked.split("\n"):
        stripped = line.strip()
        if stripped and (stripped in repeated or _PAGE_LINE.match(stripped) or _LABEL_LINE.match(stripped)):
            for i in range(pos, pos + len(line)):
                chars[i] = " "
        pos += len(line) + 1
    return "".join(chars)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _info_title(value: object) -> str | None:
    title = _clean(value)
    if not title or len(title.split()) < 2 or _BAD_TITLE.search(title):
        return None
    return title


def _info_date(value: object) -> str | None:
    text = _clean(value)
    return text.removeprefix("D:") if text else None
