"""Metadata of a news page: title, publication day, canonical URL, site and authors.

Sources, most trusted first: the page's JSON-LD article object (the publisher's declared
headline and datePublished), Open Graph and other <meta> tags, <time> elements and the
canonical link; htmldate's search is the fallback for the date. Where htmldate is wrong
the page itself says so, and these rules read it (measured in benchmarks/metadata.py):

- titles lose a trailing site name ("... | The Independent", "... - Reuters");
- a syndicated copy keeps its own address, not the canonical link to the original elsewhere:
  its og:url when that is on another host than the canonical link, or the page's own
  JSON-LD address when both name the original and only that one is on the host the site
  serving the page (og:site_name) is named for.

Choosing the publication day is in `pagedates`.
"""

from __future__ import annotations

import html as _html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from ..text import fold

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
    "scholarlyarticle", "techarticle", "satiricalarticle", "socialmediaposting", "medicalscholarlyarticle",
})
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage", "profilepage"})

# <meta> names that carry the first publication time, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published", "article.published",
    "datepublished", "og:published_time", "published_time", "publish-date", "publish_date", "publishdate",
    "pubdate", "pub_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "citation_publication_date",
    "citation_date", "original-publish-date", "article_date_original", "date", "publication_date",
)
MODIFIED_META = ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
                 "last-modified", "lastmod", "dcterms.modified")
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|/|:)\s+")
# Query parameters that track a visit rather than name a page.
TRACKING_PARAMS = re.compile(r"^(?:utm_\w+|cmp|ocid|fbclid|gclid|mc_cid|mc_eid|smid|rss|rssfeed|ref|src|"
                             r"cmpid|ncid|taid|mbid|ito|__twitter_impression|at_medium|at_campaign|sr_share)$", re.I)


@dataclass
class PageMeta:
    """What a page says about itself, before the choices below are made."""

    meta: dict[str, str] = field(default_factory=dict)  # lower-case name/property -> first content
    ld_article: dict | None = None
    ld_page: dict | None = None
    ld_publisher: str | None = None
    h1: str | None = None
    title_tag: str | None = None
    canonical: str | None = None
    base: str | None = None
    time_published: str | None = None  # <time itemprop=datePublished> / <time pubdate>
    timestamps: list[str] = field(default_factory=list)  # every machine timestamp of the article


# ---------------------------------------------------------------------------- collecting


def collect(tree) -> PageMeta:  # type: ignore[no-untyped-def]
    """Return the raw metadata of the parsed page `tree` (lxml)."""
    pm = PageMeta()
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            pm.meta.setdefault(key.strip().lower(), _clean(content))
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href") and pm.canonical is None:
            pm.canonical = el.get("href").strip()
    for el in tree.iter("base"):
        if el.get("href"):
            pm.base = el.get("href").strip()
            break
    titles = [el for el in tree.iter("title") if el.getparent() is not None and el.getparent().tag == "head"]
    if titles:
        pm.title_tag = _clean(titles[0].text_content()) or None
    pm.h1 = _main_h1(tree)
    for el in tree.iter("time"):
        if (el.get("itemprop") or "").lower() == "datepublished" or el.get("pubdate") is not None:
            pm.time_published = el.get("datetime") or _clean(el.text_content())
            break
    pm.timestamps = [el.get("datetime") for el in tree.iter("time") if el.get("datetime")]
    objects = list(_ld_objects(tree))
    pm.timestamps += [str(o[k]) for _, o in objects if _types(o) & ARTICLE_TYPES
                      for k in ("datePublished", "dateCreated") if isinstance(o.get(k), str)]
    articles = [(depth, o) for depth, o in objects if _types(o) & ARTICLE_TYPES]
    pm.ld_article = _main_article(articles, pm)
    pages = [o for depth, o in objects if _types(o) & PAGE_TYPES and depth == 0]
    pm.ld_page = pages[0] if pages else None
    source = pm.ld_article or {}
    pm.ld_publisher = _name(source.get("publisher")) or next(
        (_name(o) for _, o in objects if _types(o) & {"newsmediaorganization", "organization"} and _name(o)), None)
    return pm


def _clean(text: str | None) -> str:
    return " ".join(_html.unescape(text or "").split())


def _main_h1(tree) -> str | None:  # type: ignore[no-untyped-def]
    """Return the article's visible headline: the first <h1> inside <article>/<main>, else the first."""
    found: list[tuple[bool, int, str]] = []
    for el in tree.iter("h1"):
        text = _clean(el.text_content())
        if 2 <= len(text.split()) <= 40:
            inside = any(a.tag in ("article", "main") for a in el.iterancestors())
            found.append((not inside, len(found), text))
    return min(found)[2] if found else None


def _ld_objects(tree):  # type: ignore[no-untyped-def]
    """Yield (depth, object) for every JSON-LD object with a @type on the page."""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _load_json(script.text or "")
        if data is None:
            continue
        stack = [(0, data)]
        while stack:
            depth, item = stack.pop(0)
            if isinstance(item, list):
                stack.extend((depth, x) for x in item)
            elif isinstance(item, dict):
                if "@type" in item:
                    yield depth, item
                for key, value in item.items():
                    if isinstance(value, dict | list):
                        # @graph members and a page's mainEntity are top-level objects too.
                        stack.append((depth if key in ("@graph", "mainEntity") else depth + 1, value))


def _load_json(raw: str) -> object | None:
    raw = raw.strip()
    raw = re.sub(r"^(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)$", "", raw).strip()
    for attempt in (raw, re.sub(r",\s*([}\]])", r"\1", raw)):  # trailing commas are common
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _types(obj: dict) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if v}


def _main_article(articles: list[tuple[int, dict]], pm: PageMeta) -> dict | None:
    """Return the page's own article object, not a related story listed beside it."""
    if not articles:
        return None
    shown = {fold(t) for t in (pm.h1, pm.meta.get("og:title"), pm.title_tag) if t}

    def rank(item: tuple[int, int, dict]) -> tuple[int, int, int, int]:
        depth, pos, obj = item
        headline = fold(_clean(str(obj.get("headline") or obj.get("name") or "")))
        matches = bool(headline) and any(headline in s or s in headline for s in shown)
        dated = bool(obj.get("datePublished"))
        return (not matches, depth, not dated, pos)

    return min(((d, i, o) for i, (d, o) in enumerate(articles)), key=rank)[2]


def _name(value: object) -> str | None:
    """Return the name in a JSON-LD person/organisation value (string, object or list)."""
    if isinstance(value, list):
        names = [n for v in value if (n := _name(v))]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        value = value.get("name")
        if isinstance(value, list):
            value = value[0] if value else None
    if isinstance(value, str) and value.strip().startswith(("{", "[")):
        parsed = _load_json(value)
        return _name(parsed) if isinstance(parsed, dict | list) else None
    if isinstance(value, str) and value.strip() and not value.strip().startswith(("http://", "https://")):
        return _clean(value)
    return None


# ---------------------------------------------------------------------------- choosing


def title(pm: PageMeta, site: str | None, url: str | None) -> str | None:
    """Return the headline: JSON-LD headline, else og:title, else <h1>, else <title>; no site name."""
    ld = pm.ld_article or {}
    names = [site, pm.ld_publisher, pm.meta.get("og:site_name"), pm.meta.get("application-name"),
             pm.meta.get("twitter:site", "").lstrip("@"), _host_word(url)]
    for candidate in (ld.get("headline"), pm.meta.get("og:title"), pm.meta.get("twitter:title"), pm.h1,
                      ld.get("name"), pm.title_tag):
        if isinstance(candidate, str) and (text := _clean(candidate)):
            stripped = strip_site_name(text, names)
            if len(stripped.split()) >= 2 or not pm.h1:
                return stripped
    return None


def strip_site_name(text: str, names: list[str | None]) -> str:
    """Return `text` without a leading or trailing site name ("Story | Site" -> "Story")."""
    keys = {_alnum(n) for n in names if n and len(_alnum(n)) >= 2}
    if not keys:
        return text
    parts = TITLE_SEPARATORS.split(text)
    seps = TITLE_SEPARATORS.findall(text)
    if len(parts) < 2:
        return text

    def is_site(segment: str) -> bool:
        a = _alnum(segment)
        return bool(a) and any(a == k or (len(a) >= 4 and (a in k or k in a)) for k in keys)

    words = lambda segs: sum(len(x.split()) for x in segs)  # noqa: E731
    end = len(parts)
    while end > 1 and is_site(parts[end - 1]):
        end -= 1
    if end < len(parts):
        # "Story | World News | Metro News": pipe-separated section names before the site name go too.
        while end > 1 and seps[end - 2].strip() == "|" and len(parts[end - 1].split()) <= 3 and words(parts[: end - 1]) >= 4:
            end -= 1
    start = 0
    if end == len(parts):
        while start < end - 1 and is_site(parts[start]):
            start += 1
    if start == 0 and end == len(parts):
        return text
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out.strip()


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _host_word(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    parts = [p for p in host.split(".") if p not in ("www", "com", "co", "org", "net", "uk", "au", "ca", "news")]
    return parts[0] if parts else None


def canonical_url(pm: PageMeta) -> str | None:
    """Return the page's own URL: canonical link, else og:url, else JSON-LD's; a syndicated copy's own address."""
    ld = pm.ld_article or {}
    entity = ld.get("mainEntityOfPage")
    if isinstance(entity, dict):
        entity = entity.get("@id") or entity.get("url")
    candidates = [pm.canonical, pm.meta.get("og:url"), ld.get("url"), entity, pm.meta.get("twitter:url"),
                  (pm.ld_page or {}).get("url")]
    absolute = [c for c in candidates if isinstance(c, str) and c.strip().lower().startswith(("http://", "https://"))]
    own = pm.meta.get("og:url")
    if pm.canonical and own and _host(own) and _host(pm.canonical) and _host(own) != _host(pm.canonical):
        # A syndicated copy's canonical link names the original on another site; the page
        # itself (and its title, date and outlet) is the copy at og:url.
        candidates.insert(0, own)
    base = pm.base if pm.base and pm.base.lower().startswith("http") else (absolute[0] if absolute else None)
    urls = [u for c in candidates if (u := _article_url(c, base))]
    if not urls:
        return None
    outlet = pm.meta.get("og:site_name") or pm.meta.get("application-name")
    if outlet and not _host_is(outlet, urls[0]):
        # A syndicated copy whose canonical link and og:url both name the original: the
        # site serving the page names itself, and one of the page's own addresses (JSON-LD
        # url / mainEntityOfPage) is on that site's host - the copy the user holds.
        urls.sort(key=lambda u: not _host_is(outlet, u))
    return clean_url(urls[0])


def _article_url(raw: object, base: str | None) -> str | None:
    """Return `raw` as an absolute article URL, or None (not a string, no base, a home page)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    url = raw.strip()
    if url.startswith("//"):
        url = "https:" + url
    elif not url.lower().startswith(("http://", "https://")):
        if not base:
            return None
        url = urljoin(base, url)
    parts = urlsplit(url)
    if not parts.hostname or parts.path in ("", "/"):
        return None  # a home page is the site, not the article
    return url


def _host_is(outlet: str, url: str) -> bool:
    """Return True when a label of the URL's host is the outlet's name as one word (East Bay Times: eastbaytimes.com)."""
    key = _alnum(re.sub(r"^the\s+", "", outlet, flags=re.I))
    labels = (urlsplit(url).hostname or "").lower().split(".")
    return len(key) >= 3 and key not in _GENERIC_LABELS and any(label.replace("-", "") == key for label in labels)


_GENERIC_LABELS = frozenset({"www", "com", "co", "org", "net", "news", "amp", "mobile", "edition"})


def _host(url: str) -> str | None:
    if not url.lower().startswith(("http://", "https://")):
        return None
    return urlsplit(url).hostname


def clean_url(url: str) -> str:
    """Return `url` without fragment and tracking parameters (utm_*, cmp, ...)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), ""))


def site(pm: PageMeta, url: str | None = None) -> str | None:
    """Return the outlet's name as the page gives it (JSON-LD publisher, og:site_name).

    og:site_name is sometimes a section ("U.S." on a Reuters page); a name is kept only when
    it matches the page's host (a word of it, or its initials) if the host is known.
    """
    host = _alnum(urlsplit(url).hostname or "") if url else ""
    for candidate in (pm.ld_publisher, pm.meta.get("og:site_name"), pm.meta.get("application-name")):
        if candidate and 2 <= len(candidate) <= 80 and "://" not in candidate and (not host or _names_host(candidate, host)):
            return candidate
    return None


def _names_host(name: str, host: str) -> bool:
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if len(w) >= 3 and w not in ("the", "news", "com")]
    initials = "".join(w[0] for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in ("the", "of"))
    whole = _alnum(re.sub(r"^the\s+", "", name, flags=re.I))
    return (len(whole) >= 3 and whole in host) or any(w in host for w in words) or (len(initials) >= 3 and initials in host)


_PLACEHOLDER_AUTHOR = re.compile(r"^(?:no author|unknown|none|null|n/?a|admin(?:istrator)?|anonymous)$", re.I)


def authors(pm: PageMeta) -> str | None:
    """Return the article's authors, comma-separated (JSON-LD author, else <meta name=author>)."""
    ld = pm.ld_article or {}
    found = _name(ld.get("author")) or _name(ld.get("creator"))
    if found and not _PLACEHOLDER_AUTHOR.match(found):
        return found
    for key in ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"):
        value = pm.meta.get(key)
        if value and not value.startswith(("http://", "https://")) and not _PLACEHOLDER_AUTHOR.match(value):
            return re.sub(r"^by\s+", "", value, flags=re.I)
    return None
