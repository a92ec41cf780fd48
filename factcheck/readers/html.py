"""HTML pages (.html, .htm, .html.gz) -> Document: the article body and the page's metadata.

The body comes from trafilatura (navigation, ads, scripts and comment sections left out),
the metadata from `htmlmeta` with htmldate as the date fallback. Nothing is fetched: the
page is parsed from the bytes given, links are never followed, scripts never run (both
libraries are handed a parsed tree, never a string that could be taken for a URL).

The Document's text is the headline, a blank line, then the body's paragraphs separated by
blank lines, so passages' line numbers count lines of that extracted text.
"""

from __future__ import annotations

import gzip
import io
import logging
import re
import zlib

from ..documents import mask_noise, sha256
from ..errors import InputError
from ..models import Document
from . import Member, ReadOptions, htmlmeta, pagedates

# Block elements of trafilatura's output that hold text, and how each is read.
_LIST_TAGS = ("list",)
_SKIP_TAGS = ("graphic", "ref", "fn")
MIN_BODY_CHARS = 40  # below this trafilatura found no article; its baseline extractor is tried


def members(path: str, data: bytes, options: ReadOptions) -> list[Member]:
    """Return the one article of an HTML page."""
    return [Member(path=path, sha256=sha256(data), load=lambda: read_html(path, data, options))]


def read_html(path: str, data: bytes, options: ReadOptions | None = None) -> Document:
    """Return the Document for the HTML page `data`; InputError when it holds no readable page."""
    options = options or ReadOptions()
    raw = gunzip(path, data, options.max_bytes) if path.lower().endswith(".gz") else data
    tree = parse(path, raw)
    pm = htmlmeta.collect(tree)
    url = htmlmeta.canonical_url(pm)
    site = htmlmeta.site(pm, url)
    title = htmlmeta.title(pm, site, url)
    blocks = body_blocks(tree) or fallback_blocks(pm)
    date = publication_day(tree, pm, title)
    if blocks and title and _same(blocks[0], title):
        blocks = blocks[1:]
    if not blocks:
        raise InputError(f"{path}: no article text found in the page")
    head = [title] if title else []
    text = "\n\n".join(head + blocks) + "\n"
    if site is None and url:
        from ..documents import site_of

        site = site_of(url)
    return Document(path=path, sha256=sha256(data), text=text, title=title, date=date, url=url, site=site,
                    author=htmlmeta.authors(pm), format="html", masked=mask_noise(text, skip_first=bool(head)))


def gunzip(path: str, data: bytes, limit: int) -> bytes:
    """Return the unpacked bytes of a gzip file, refusing more than `limit` bytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{path}: not a readable gzip file ({exc})") from None
    if len(out) > limit:
        raise InputError(f"{path}: unpacks to over {limit / 1e6:.1f} MB (raise the limit with --max-file-size)")
    return out


def parse(path: str, raw: bytes):  # type: ignore[no-untyped-def]
    """Return the lxml tree of the page bytes `raw` (encoding from the page or detected)."""
    from trafilatura.utils import load_html

    _quiet_libraries()
    if not raw.strip():
        raise InputError(f"{path}: empty - no text to index")
    try:
        tree = load_html(raw)
    except (ValueError, TypeError) as exc:
        raise InputError(f"{path}: not a readable HTML page ({exc})") from None
    if tree is None or tree.find(".//body") is None and len(tree) < 1:
        raise InputError(f"{path}: not a readable HTML page")
    return tree


def body_blocks(tree) -> list[str]:  # type: ignore[no-untyped-def]
    """Return the article's paragraphs, headings, list items and quotes, in page order."""
    import trafilatura

    doc = trafilatura.bare_extraction(tree, with_metadata=False, include_comments=False, include_tables=True,
                                      include_images=False, include_links=False, deduplicate=False)
    body = getattr(doc, "body", None) if doc is not None else None
    blocks = _blocks(body) if body is not None else []
    if sum(len(b) for b in blocks) < MIN_BODY_CHARS:
        # Short pages (a press notice, a brief) fall under trafilatura's size threshold.
        _, text, _ = trafilatura.baseline(tree)
        blocks = [b for b in (" ".join(line.split()) for line in (text or "").split("\n")) if b]
    return blocks


def fallback_blocks(pm: htmlmeta.PageMeta) -> list[str]:
    """Return the article text the page declares in metadata, for pages whose body is built by scripts.

    The JSON-LD articleBody when present, else the publisher's description: never run the
    scripts, but do not lose a page whose metadata says what it is about.
    """
    ld = pm.ld_article or {}
    body = ld.get("articleBody") or ld.get("text")
    if isinstance(body, str) and body.strip():
        return [b for b in (" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", body)) if b]
    for desc in (ld.get("description"), pm.meta.get("og:description"), pm.meta.get("description")):
        if isinstance(desc, str) and len(desc.split()) >= 5:
            return [" ".join(desc.split())]
    return []


def _blocks(body) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for el in body:
        if el.tag in _SKIP_TAGS:
            continue
        if el.tag in _LIST_TAGS:
            out.extend(t for item in el.iter("item") if (t := _text(item)))
        elif el.tag == "table":
            for row in el.iter("row"):
                cells = [t for cell in row.iter("cell") if (t := _text(cell))]
                if cells:
                    out.append(" | ".join(cells))
        elif text := _text(el):
            out.append(text)
    return out


def _text(el) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(el.itertext()).split()) if el is not None else ""


def _same(a: str, b: str) -> bool:
    from ..text import normalize

    return normalize(a) == normalize(b)


def publication_day(tree, pm: htmlmeta.PageMeta, title: str | None) -> str | None:  # type: ignore[no-untyped-def]
    """Return the day the article was first published, as the page gives it."""
    published, modified = pagedates.structured_dates(pm)
    if published is None:
        published, modified = _htmldate(tree), None
    if published is None:
        return None
    twin = pagedates.local_twin_day(published, pm.timestamps)
    if twin:
        return twin
    headline = pm.h1 or title
    shown = pagedates.dateline_day(visible_text(tree), headline) if headline else None
    return pagedates.correct_with_dateline(published, modified, shown)


def _htmldate(tree) -> str | None:  # type: ignore[no-untyped-def]
    from htmldate import find_date

    try:
        found = find_date(tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    from .dates import to_day

    return to_day(found) if found else None


_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")


def visible_text(tree) -> str:  # type: ignore[no-untyped-def]
    """Return the page's visible text (no scripts, styles or <head>), one space between pieces."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    parts: list[str] = []

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(el.tag, str) or el.tag in _INVISIBLE:
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    try:
        walk(root)
    except RecursionError:
        return " ".join(root.itertext())
    return re.sub(r"\s+", " ", " ".join(parts))


def _quiet_libraries() -> None:
    # trafilatura and htmldate log parse problems at WARNING/ERROR; a skipped or odd page is
    # reported by factcheck itself in one line, so their log records would only be noise.
    for name in ("trafilatura", "htmldate", "charset_normalizer", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
