"""JSON and JSON Lines exports -> one Document per article object.

Layouts read: one article object; an array of them; an object holding such an array
(`{"articles": [...]}`, `{"response": {"results": [...]}}`); a JSON-LD NewsArticle (also inside
`@graph`); JSON Lines / NDJSON with one article per line. The usual keys are recognised
(title/headline, date/datePublished/published_at, url/link, body/text/content, author);
`--field NAME=KEY` names others (`--field body=story.text`).

Stored paths: a file holding one article keeps its path; a many-article file stores
`path#N` - N the line number in JSON Lines, the 1-based position in a JSON array - so every
article's citation points into the file. Each article's hash covers its own record (and the
--field options), so a re-index re-reads only the articles that changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from ..documents import decode, parse_text, sha256, site_of, suffix_of
from ..errors import InputError
from ..models import Document
from . import MEMBER_SEP, Member, ReadOptions
from .dates import to_day

# Keys tried for each field, in order (compared case-insensitively, "_" and "-" ignored).
KEYS = {
    "title": ("title", "headline", "webtitle", "name", "subject"),
    "date": ("datepublished", "publishedat", "published", "publicationdate", "publishdate", "pubdate",
             "webpublicationdate", "firstpublished", "firstpublishedat", "date", "createdat", "created",
             "datecreated", "time", "timestamp"),
    "url": ("url", "link", "canonicalurl", "canonical", "weburl", "permalink", "shareurl", "sourceurl", "href"),
    "body": ("body", "articlebody", "text", "content", "bodytext", "fulltext", "story", "articletext",
             "description", "summary", "abstract", "leadparagraph"),
    "author": ("author", "authors", "byline", "creator", "writer", "by"),
    "site": ("site", "sitename", "publisher", "source", "outlet", "publication", "domain"),
}
LIST_KEYS = ("articles", "items", "results", "data", "docs", "documents", "entries", "stories", "posts",
             "response", "hits", "records", "@graph")
ARTICLE_LD_TYPES = ("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                    "opinionnewsarticle", "blogposting", "liveblogposting", "report")
_HTML_TAG = re.compile(r"<(?:p|br|div|span|a|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|figure)\b[^>]*>", re.I)


def members(path: str, data: bytes, options: ReadOptions) -> list[Member]:
    """Return the articles of a JSON or JSON Lines file (InputError when it is not readable JSON)."""
    text = decode(data, path)
    fields = options.field_map()
    salt = repr(options.fields).encode()
    if suffix_of(path) in (".jsonl", ".ndjson"):
        return _lines(path, text, fields, salt)
    try:
        data_obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{path}: too deeply nested to read") from None
    records = _records(data_obj)
    if records is None:
        raise InputError(f"{path}: no article found (expected an object with keys such as title and "
                         "body/text/content, or a list of them; name other keys with --field body=KEY)")
    if len(records) == 1 and records[0][0] is None:
        obj = records[0][1]
        digest = sha256(data) if not options.fields else sha256(data + salt)
        return [Member(path=path, sha256=digest, load=lambda: article(path, obj, fields, digest))]
    out = []
    for pos, (_, obj) in enumerate(records, 1):
        member = f"{path}{MEMBER_SEP}{pos}"
        digest = hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode() + salt).hexdigest()
        out.append(Member(path=member, sha256=digest, load=_loader(member, obj, fields, digest)))
    return out


def _lines(path: str, text: str, fields: dict[str, str], salt: bytes) -> list[Member]:
    out = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        member = f"{path}{MEMBER_SEP}{lineno}"
        digest = hashlib.sha256(line.encode("utf-8", "surrogatepass") + salt).hexdigest()
        out.append(Member(path=member, sha256=digest, load=_line_loader(member, line, fields, digest)))
    if not out:
        raise InputError(f"{path}: empty - no text to index")
    return out


def _line_loader(member: str, line: str, fields: dict[str, str], digest: str):  # type: ignore[no-untyped-def]
    def load() -> Document:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{member}: not valid JSON ({exc.msg}, column {exc.colno})") from None
        except RecursionError:
            raise InputError(f"{member}: too deeply nested to read") from None
        if not isinstance(obj, dict):
            raise InputError(f"{member}: not an article object")
        return article(member, _unwrap_ld(obj), fields, digest)

    return load


def _loader(member: str, obj: dict, fields: dict[str, str], digest: str):  # type: ignore[no-untyped-def]
    return lambda: article(member, obj, fields, digest)


def _records(data: Any) -> list[tuple[int | None, dict]] | None:
    """Return the article objects in parsed JSON: [(None, obj)] for a single article."""
    if isinstance(data, dict):
        data = _unwrap_ld(data)
        if _looks_like_article(data):
            return [(None, data)]
        for key, value in _keyed(data).items():
            if key in LIST_KEYS and isinstance(value, list | dict):
                found = _records(value)
                if found:
                    return [(i, obj) for i, (_, obj) in enumerate(found)] if isinstance(value, list) else found
        return None
    if isinstance(data, list):
        objs = [_unwrap_ld(x) for x in data if isinstance(x, dict)]
        if objs and any(_looks_like_article(o) for o in objs):
            return list(enumerate(objs))
    return None


def _unwrap_ld(obj: dict) -> dict:
    """Return the article inside a JSON-LD document (@graph, mainEntity), else `obj`."""
    graph = obj.get("@graph")
    if isinstance(graph, list):
        arts = [g for g in graph if isinstance(g, dict) and _ld_type(g) & set(ARTICLE_LD_TYPES)]
        if len(arts) == 1:
            return arts[0]
    entity = obj.get("mainEntity")
    if isinstance(entity, dict) and _ld_type(entity) & set(ARTICLE_LD_TYPES):
        return entity
    return obj


def _ld_type(obj: dict) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].lower() for v in values if v}


def _keyed(obj: dict) -> dict[str, Any]:
    return {re.sub(r"[_\-\s]", "", str(k)).lower(): v for k, v in obj.items()}


def _looks_like_article(obj: dict) -> bool:
    keys = _keyed(obj)
    return any(k in keys for k in KEYS["body"]) or (bool(_ld_type(obj) & set(ARTICLE_LD_TYPES)))


def _lookup(obj: dict, path: str) -> Any:
    """Return the value at a dotted key path ("story.body", "authors.0.name"), or None."""
    value: Any = obj
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part, _keyed(value).get(re.sub(r"[_\-\s]", "", part).lower()))
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _field(obj: dict, name: str, fields: dict[str, str]) -> Any:
    if name in fields:
        return _lookup(obj, fields[name])
    keys = _keyed(obj)
    for key in KEYS[name]:
        value = keys.get(key)
        if value not in (None, "", [], {}):
            return value
    if name == "body":  # NYT/Guardian APIs keep the text one level down: {"fields": {"bodyText": ...}}
        for nest in ("fields", "content", "blocks"):
            inner = keys.get(nest)
            if isinstance(inner, dict) and (found := _field(inner, "body", {})):
                return found
    return None


def _string(value: Any) -> str | None:
    """Return a display string for a JSON value: a name inside objects, items joined by commas."""
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, dict):
        for key in ("name", "main", "value", "text", "title", "@id", "url", "href"):
            if isinstance(value.get(key), str):
                return _string(value[key])
        return None
    if isinstance(value, list):
        parts = [s for v in value if (s := _string(v))]
        return ", ".join(dict.fromkeys(parts)) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _body(value: Any) -> str | None:
    """Return article text from a body value: a string (plain or HTML), or a list of paragraphs."""
    if isinstance(value, list):
        parts = [b for v in value if (b := _body(v))]
        return "\n\n".join(parts) or None
    if isinstance(value, dict):
        for key in ("text", "body", "value", "html", "content", "paragraphs"):
            if key in value:
                return _body(value[key])
        return None
    if not isinstance(value, str) or not value.strip():
        return None
    if _HTML_TAG.search(value):
        return html_fragment_text(value)
    return value.replace("\r\n", "\n").strip()


def html_fragment_text(fragment: str) -> str:
    """Return the text of an HTML fragment, one paragraph per block element (no scripts, no links followed)."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, TypeError, lxml.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in root.xpath(".//script|.//style|.//noscript|.//template"):
        bad.drop_tree()
    blocks = []
    block_tags = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "figcaption", "pre"}
    for el in root.iter():
        if el.tag in block_tags and not any(c.tag in block_tags for c in el):
            blocks.append(" ".join(el.text_content().split()))
    if not blocks:
        blocks = [" ".join(root.text_content().split())]
    return "\n\n".join(b for b in blocks if b)


def article(path: str, obj: dict, fields: dict[str, str], digest: str) -> Document:
    """Return the Document for one article object of a JSON export."""
    body = _body(_field(obj, "body", fields))
    if not body:
        keys = ", ".join(list(obj)[:8])
        raise InputError(f"{path}: no article text (keys: {keys}); name the text's key with --field body=KEY")
    title = _string(_field(obj, "title", fields))
    url = _string(_field(obj, "url", fields))
    url = url if url and re.match(r"https?://\S+$", url) else None
    date = to_day(_raw_date(_field(obj, "date", fields)))
    author = _string(_field(obj, "author", fields))
    site = _string(_field(obj, "site", fields))
    site = None if site and site.startswith(("http://", "https://")) else site
    text = (f"{title}\n\n" if title else "") + body.strip() + "\n"
    # The text's own metadata lines (a "By ..." or "Published:" line heading the body) fill gaps.
    doc = parse_text(path, text, digest, "json")
    return Document(path=path, sha256=digest, text=text, title=title or doc.title, date=date or doc.date,
                    url=url or doc.url, site=site or doc.site or site_of(url), author=author or doc.author,
                    format="json", masked=doc.masked)


def _raw_date(value: Any) -> Any:
    if isinstance(value, dict):
        for key in ("$date", "date", "value", "iso", "datetime"):
            if key in value:
                return value[key]
    return value
