"""The publication day of a news page, where htmldate alone is wrong.

Rules (measured in benchmarks/metadata.py):

- the article's own JSON-LD datePublished (then <meta>, <time>) wins over dates in the URL
  and over image or related-article dates elsewhere on the page; htmldate is the fallback;
- a UTC stamp is read on the newsroom's clock when the page gives the same instant in local
  time (a <time datetime> without offset: same minute and second, whole hours apart);
- when the metadata cannot tell publication from update (published equals modified) and the
  dateline printed by the headline (a date with a time of day) is up to DATELINE_MAX_SHIFT
  days earlier, the dateline is the publication day.
"""

from __future__ import annotations

import re
from datetime import date as _date
from datetime import datetime

from .dates import to_day
from .htmlmeta import MODIFIED_META, PUBLISHED_META, PageMeta

# A visible dateline belongs to the article when it sits this close to the headline (characters
# of visible text after it); chosen so that bylines and timestamps under a standfirst are in and
# the body's own dates mostly out (dev split of benchmarks/metadata.py).
DATELINE_WINDOW = 700
DATELINE_BEFORE = 250  # some pages print the dateline above the headline
# A visible dateline may move the publication day back by at most this many days: the case it
# fixes is an article re-stamped by an update a day or two later.
DATELINE_MAX_SHIFT = 3


def structured_dates(pm: PageMeta) -> tuple[str | None, str | None]:
    """Return the raw (published, modified) timestamps from JSON-LD, <meta> and <time>."""
    ld = pm.ld_article or {}
    candidates = [ld.get("datePublished"), ld.get("dateCreated")]
    candidates += [pm.meta.get(key) for key in PUBLISHED_META]
    candidates += [pm.time_published, (pm.ld_page or {}).get("datePublished")]
    published = next((str(c) for c in candidates if to_day(c)), None)
    modified = next((str(c) for c in [ld.get("dateModified")] + [pm.meta.get(k) for k in MODIFIED_META] if to_day(c)), None)
    return published, modified


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_VISIBLE_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})\b",
    re.I,
)


_ISO_TIME = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
MAX_UTC_OFFSET_HOURS = 14


def local_twin_day(published: str, timestamps: list[str]) -> str | None:
    """Return the newsroom's local day when the page also gives the UTC publication instant in local time.

    "2023-11-09T01:49:09Z" beside <time datetime="2023-11-08 17:49:09">: the same minute and
    second, a whole number of hours apart, so the same instant on the local clock - which
    puts the article on 8 November, the day its readers saw.
    """
    m = _ISO_TIME.match(published)
    if not m or (m[5] or "Z").replace(":", "") not in ("Z", "+0000", "-0000"):
        return None
    utc = datetime.fromisoformat(f"{m[1]}T{m[2]}:{m[3]}:{m[4]}")
    for raw in timestamps:
        t = _ISO_TIME.match(raw)
        if not t or (t[5] or "").replace(":", "") in ("Z", "+0000", "-0000"):
            continue
        local = datetime.fromisoformat(f"{t[1]}T{t[2]}:{t[3]}:{t[4]}")
        hours, rest = divmod((local - utc).total_seconds(), 3600)
        if rest == 0 and hours != 0 and abs(hours) <= MAX_UTC_OFFSET_HOURS:
            return t[1] if t[1] != m[1] else None
    return None


_TIME_AFTER = re.compile(r"^\s*(?:,|/|\||at|·|•|-|–|—)?\s*\d{1,2}[:.]\d{2}\b")


def dateline_day(visible_text: str, headline: str | None) -> str | None:
    """Return the earliest day of a dateline (a full date followed by a time of day) around the headline.

    Only dates followed by a time count: that is how pages print the publication stamp
    ("January 19, 2020 / 12:25 PM"), while photo captions and the body cite bare dates.
    """
    if not headline:
        return None
    text = " ".join(visible_text.split())
    at = text.find(headline)
    if at < 0:
        return None
    start = max(0, at - DATELINE_BEFORE)
    window = text[start: at + len(headline) + DATELINE_WINDOW + 40]
    limit = at - start + len(headline) + DATELINE_WINDOW
    days = [d for m in _VISIBLE_DATE.finditer(window)
            if m.start() < limit and _TIME_AFTER.match(window[m.end(): m.end() + 16]) and (d := to_day(m.group(0)))]
    return min(days) if days else None


def correct_with_dateline(published: str, modified: str | None, shown: str | None) -> str:
    """Return the publication day, moved back to the visible dateline when metadata cannot tell.

    `published` and `modified` are the raw metadata timestamps. When they are the same
    instant (or there is no modified time), the "published" stamp may be the last update or
    a UTC time past the newsroom's midnight; a dateline shown under the headline with an
    earlier day, at most DATELINE_MAX_SHIFT days before, is then the publication day.
    """
    day = to_day(published)
    assert day is not None
    if not shown or shown >= day:
        return day
    restamped = modified is None or modified.strip() == published.strip()
    shift = (_date.fromisoformat(day) - _date.fromisoformat(shown)).days
    return shown if restamped and shift <= DATELINE_MAX_SHIFT else day
