"""Figures in a claim and a passage: the same count told differently is a conflict, a count
the passage does not give is no support.

"12 states" against "11 states" (a number and the word after it), "about $112 an hour"
against "about $35 an hour" (the same words around another figure), "Article 4" (a label,
not a count). Pure functions over folded text; `stance` asks them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .alignment import replacements
from .lexicon import LABEL_NOUNS
from .polarity import MONTH_MAY
from .text import STOP_WORDS, stem, words

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12, "dozens": 24,
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
CLAIM_CACHE = 256  # claims whose figures are kept (stance sees one claim for many passages)


def conflict(claim_text: str, passage: str) -> str | None:
    """Return a reason when claim and passage give different numbers for the same thing."""
    claim_nums = _claim_numbers(claim_text)
    if claim_nums:
        passage_nums = _numbers_with_units(passage)
        for unit, (value, said) in claim_nums:
            if unit in passage_nums and passage_nums[unit][0] != value:
                other, source_said = passage_nums[unit]
                return (f"numbers differ: the claim says {_figure(value)} {said}, "
                        f"the source says {_figure(other)} {source_said}")
    return _swapped_figure(claim_text, passage) or _swapped_month(claim_text, passage)


def _figure(value: float) -> str:
    """Return a number as a reader writes it: 120,000,000 and 1.45, not 1.2e+08."""
    return f"{int(value):,}" if value == int(value) else f"{value:,.6g}"


def _swapped_figure(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's words with another figure in the same
    place ("about $112 an hour" / "about $35 an hour", "defeated the Chiefs, 35-10"), else None."""
    if not _claim_figures(claim_text) or not _DIGIT.search(passage):
        return None
    a, b = words(claim_text), words(passage)
    for r in replacements(a, b, max_run=1):
        x, y = a[r.i], b[r.j]
        if not (_NUMBER.fullmatch(x) and _NUMBER.fullmatch(y)) or float(x) == float(y):
            continue
        if r.before or r.after:  # the same words around it: the same figure, told differently
            context = " ".join(a[max(r.i - 2, 0):r.i])
            return f"numbers differ: the claim says {context + ' ' if context else ''}{x}, the source says {y}"
    return None


MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"))


def _swapped_month(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's words before a month before another
    month ("go on sale in May" / "go on sale in April"), and never the claim's month, else None."""
    a = words(claim_text)
    if MONTHS.isdisjoint(a):
        return None
    b = words(passage)
    for i, x in enumerate(a):
        if x not in MONTHS or i < 2 or x in b or (x == "may" and not MONTH_MAY.search(claim_text)):
            continue
        for j, y in enumerate(b):
            if y in MONTHS and j >= 2 and b[j - 2:j] == a[i - 2:i] and (y != "may" or MONTH_MAY.search(passage)):
                return f"dates differ: the claim says {x.capitalize()}, the source says {y.capitalize()}"
    return None


def missing(claim_text: str, passage: str) -> str | None:
    """Return the claim's figures the passage does not give ("20"), else None: a passage that
    says nothing of the number does not confirm "NATO has 20 members"."""
    wanted = _claim_figures(claim_text)
    if not wanted:
        return None
    have = {float(t) if _NUMBER.fullmatch(t) else float(NUMBER_WORDS[t])
            for t in words(passage) if _NUMBER.fullmatch(t) or t in NUMBER_WORDS}
    missing = [t for t, value in wanted if value not in have]
    return " ".join(missing) if missing else None


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_figures(claim_text: str) -> tuple[tuple[str, float], ...]:
    """Return the figures the claim writes in digits (number words such as "one" are too often no count)."""
    return tuple((t, float(t)) for t in words(claim_text) if _NUMBER.fullmatch(t))


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_numbers(claim_text: str) -> tuple[tuple[str, tuple[float, str]], ...]:
    """Return the claim's (unit stem, (value, unit word)) pairs, computed once per claim."""
    return tuple(_numbers_with_units(claim_text).items())


def _numbers_with_units(text: str) -> dict[str, tuple[float, str]]:
    """Return {unit stem: (value, the unit word as written)} for each "<number> <word>" of `text`."""
    toks = words(text)
    out: dict[str, tuple[float, str]] = {}
    for i, t in enumerate(toks[:-1]):
        value: float | None = None
        if _NUMBER.fullmatch(t):
            value = float(t)
        elif t in NUMBER_WORDS:
            value = float(NUMBER_WORDS[t])
        if value is None or (i and toks[i - 1] in LABEL_NOUNS):
            continue  # "Article 4 member countries": a label, not four of anything
        unit = toks[i + 1]
        if unit in ("million", "billion", "thousand", "hundred", "percent") and i + 2 < len(toks):
            mult = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "hundred": 100}.get(unit)
            if mult:
                value *= mult
                unit = toks[i + 2]
        if unit in STOP_WORDS or _NUMBER.fullmatch(unit):
            continue
        out.setdefault(stem(unit), (value, unit))
    return out
