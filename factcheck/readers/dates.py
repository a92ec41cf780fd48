"""Machine timestamps -> ISO day, the way publishers write them in metadata.

The day is taken as written, in the timestamp's own UTC offset: "2020-05-02T02:54Z" is
2020-05-02 even if the newsroom's clock said 1 May. Converting to a guessed local time zone
would invent information the file does not hold.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ..documents import parse_date

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d{0,6})?(?:[Z+\-'].*)?$")  # 20200120, PDF D:20200120093000
_EPOCH = re.compile(r"^\s*(\d{9,13})(?:\.\d+)?\s*$")
EARLIEST_YEAR = 1990  # older "publication" dates in page metadata are placeholders (epoch 0, 1970)


def to_day(value: object) -> str | None:
    """Return the ISO day (YYYY-MM-DD) a metadata timestamp names, or None when it names none."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _epoch_day(float(value))
    text = str(value).strip()
    if not text or len(text) > 80:
        return None
    day = None
    if m := _ISO.match(text):
        day = _valid(int(m[1]), int(m[2]), int(m[3]))
    elif m := _EPOCH.match(text):
        day = _epoch_day(float(m[1]))
    elif m := _COMPACT.match(text):
        day = _valid(int(m[1]), int(m[2]), int(m[3]))
    else:
        day = parse_date(text) or _rfc2822_day(text) or _loose_day(text)
    if day and int(day[:4]) < EARLIEST_YEAR:
        return None
    return day


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return datetime(y, m, d).date().isoformat()
    except ValueError:
        return None


def _epoch_day(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _rfc2822_day(text: str) -> str | None:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _loose_day(text: str) -> str | None:
    """Return the day of a free-form timestamp ("Mon Jan 20 09:49:32 UTC 2020") if it is complete."""
    if not re.search(r"\d{4}", text):
        return None
    try:
        from dateutil import parser
    except ImportError:
        return None
    # Parse twice with different defaults: a timestamp missing its day or month would take
    # them from the default, and such a guess is not a date the file gives.
    try:
        a = parser.parse(text, default=datetime(2000, 1, 1))
        b = parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    return a.date().isoformat() if a.date() == b.date() else None
