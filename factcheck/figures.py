"""Figures in a claim and a passage: the same count told differently is a conflict, a count
the passage does not give is no support.

"12 states" against "11 states" (a number and the word after it), "about $112 an hour"
against "about $35 an hour" (the same words around another figure), "Article 4" (a label,
not a count). Pure functions over folded text; `stance` asks them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .alignment import replacements
from .lexicon import LABEL_NOUNS, NUMBER_WORDS, synonym_stems
from .polarity import MONTH_MAY
from .text import CURRENCY_WORDS, STOP_WORDS, stem, words

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
CLAIM_CACHE = 256  # claims whose figures are kept (stance sees one claim for many passages)


def conflict(claim_text: str, passage: str) -> str | None:
    """Return a reason when claim and passage give different numbers for the same thing."""
    claim_nums = _claim_numbers(claim_text)
    if claim_nums:
        passage_nums = _numbers_with_units(passage)
        for unit, (value, said, qualifier, at) in claim_nums:
            if unit not in passage_nums:
                continue
            other, source_said, source_qualifier, _ = passage_nums[unit]
            a, b = _words(claim_text), _words(passage)  # most passages share no unit: read only now
            if _overlap(value, qualifier, other, source_qualifier) or _gives(b, value, qualifier):
                continue  # the same figure, or the passage gives it elsewhere
            if _same_frame(a, at, b, 2 if unit == "percent" or unit in CURRENCY_WORDS else 1):
                return (f"numbers differ: the claim says {_said(qualifier, value)} {said}, "
                        f"the source says {_said(source_qualifier, other)} {source_said}")
    return _swapped_figure(claim_text, passage) or _swapped_month(claim_text, passage) \
        or _changed_day(claim_text, passage) or _swapped_ordinal(claim_text, passage) \
        or _reversed_range(claim_text, passage)


_FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0}
_FRACTION_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}
FRAME_REACH = 3  # words either side of a figure that say what it counts ("83 people were wounded")


def _same_frame(a: list[str], at: tuple[int, int], b: list[str], need: int = 1) -> bool:
    """Return True when the passage `b` may count what the claim's figure counts (at: where the
    figure is and where the noun it counts ends; see _numbers_with_units): it has
    `need` of the content words around the figure (its unit aside), as such or as synonyms, or
    all of them when there are fewer. "At least 83 people were wounded" is not told otherwise by
    "killed at least two people"; "is nearly five years old" is by "nearly three-year war
    against its neighbor". A percentage or a sum of money needs two ("the jobless rate fell to
    6.6 per cent" is not told otherwise by "keep its policy rate at 2.25 per cent"): an article
    gives many."""
    frame = _frame(a, *at)
    return not frame or _found_in(frame, b) >= min(need, len(frame))


def _found_in(stems: Iterable[str], b: list[str]) -> int:
    """Return how many of `stems` the passage words `b` have, as such or as synonyms."""
    here = {stem(w) for w in b}
    synonyms = synonym_stems()
    return sum(1 for s in stems if s in here or synonyms.get(s, frozenset()) & here)


def _frame(ws: list[str], i: int, end: int) -> set[str]:
    """Return the stems of the content words within FRAME_REACH of the figure at ws[i] and the
    noun it counts (up to ws[end]: "2,000 Boko Haram militants | were killed this month"), other
    figures aside."""
    near = ws[max(0, i - FRAME_REACH):i] + ws[end:end + FRAME_REACH]
    return {stem(w) for w in near if w not in STOP_WORDS and _count(w) is None and w not in QUALIFIER_WORDS
            and w not in _UNIT_WORDS}


_UNIT_WORDS = frozenset(("per", "cent", "percent", "thousand", "million", "billion", "trillion")) | CURRENCY_WORDS


def _swapped_ordinal(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage gives another rank before the claim rank's next word
    ("the fifth person to die" / "the sixth person to die"), and never the claim's rank."""
    a, ranked = _claim_ranks(claim_text)
    # "first" is a rank here only before the word the other side ranks ("first-degree murder"
    # / "second-degree murder"); elsewhere it is "at first", "the first time"
    wanted = [(i, r) for i, _, r in ranked if i + 1 < len(a)] + \
        [(i, 1) for i, w in enumerate(a[:-1]) if w == "first"]
    if not wanted:
        return None
    b = _words(passage)
    ranks = [(j, _ordinal(w) or (1 if w == "first" else None)) for j, w in enumerate(b)]
    have = {r for _, r in ranks if r is not None}
    for i, r in wanted:
        if r in have:
            continue
        for j, other in ranks:
            # (with "first" on either side, two words after it: "first-degree murder" /
            # "second-degree murder", not "the first half" / "the second half" of another game)
            reach = 2 if 1 in (r, other) else 1
            if other is not None and other != r and b[j + 1:j + 1 + reach] == a[i + 1:i + 1 + reach] \
                    and i + reach < len(a):
                return f"ranks differ: the claim says {a[i]} {a[i + 1]}, the source says {b[j]} {b[j + 1]}"
    return None


# Words before a figure that make it a range: "about 140", "more than 130", "up to 50".
QUALIFIERS = {
    ("about",): "~", ("around",): "~", ("approximately",): "~", ("roughly",): "~", ("some",): "~",
    ("an", "estimated"): "~", ("estimated",): "~", ("close", "to"): "<~", ("nearly",): "<~", ("almost",): "<~",
    ("more", "than"): ">", ("over",): ">", ("upwards", "of"): ">", ("at", "least"): ">=",
    ("less", "than"): "<", ("fewer", "than"): "<", ("under",): "<", ("up", "to"): "<=", ("at", "most"): "<=",
    ("including",): ">=",  # "several Indian aircraft, including three fighter jets": three of them at least
}
QUALIFIER_WORDS = frozenset(w for q in QUALIFIERS for w in q)
_PERCENT_SIGN = re.compile(r"(?<=\d)\s?%")


def _words(text: str) -> list[str]:
    """Return words(text) with a percent sign as the word "percent" ("40%" counts percent, as
    "40 per cent" does), which the figure rules compare."""
    return words(_PERCENT_SIGN.sub(" percent", text)) if "%" in text else words(text)
APPROXIMATE = 0.1  # "about 140" is 126-154; "nearly 140" 126-140


def qualifies_figure(text: str) -> bool:
    """Return True when `text` opens on a figure's qualifier ("Nearly 140 ...", "More than 50 ...")."""
    toks = _words(text[:40])
    for n in (2, 1):
        if len(toks) > n and tuple(toks[:n]) in QUALIFIERS and _NUMBER.fullmatch(toks[n]):
            return True
    return False


def _qualifier(toks: list[str], i: int) -> str:
    """Return how the figure at toks[i] is meant: "=" exactly, else a QUALIFIERS range sign."""
    for n in (2, 1):
        if i >= n and tuple(toks[i - n:i]) in QUALIFIERS:
            if toks[i - 1] == "over" and i + 1 < len(toks) and toks[i + 1] in _SPANS:
                return ">="  # "crossed into Egypt over two days" is during them, not more than two
            return QUALIFIERS[tuple(toks[i - n:i])]
    return "="


_MEASURES = frozenset("""mm cm km kg mg lb lbs oz inch inches ft foot feet metre metres meter meters mile miles
mph kph calibre caliber gauge degree degrees percent volt volts watt watts gb mb tb""".split())
_SPANS = frozenset("minutes hours days nights weeks months years decades".split())


def _interval(value: float, qualifier: str) -> tuple[float, float, bool, bool]:
    """Return (low, high, low open, high open) of a figure read with its qualifier."""
    inf = float("inf")
    return {
        "=": (value, value, False, False),
        "~": (value * (1 - APPROXIMATE), value * (1 + APPROXIMATE), False, False),
        "<~": (value * (1 - APPROXIMATE), value, False, False),
        ">": (value, inf, True, False), ">=": (value, inf, False, False),
        "<": (-inf, value, False, True), "<=": (-inf, value, False, False),
    }[qualifier]


def _overlap(a: float, qa: str, b: float, qb: str) -> bool:
    """Return True when the two figures, with their qualifiers, can be the same number.

    Two bounds the same way ("more than 20" / "more than 67") always overlap as ranges, but a
    writer gives the bound nearest the count: they are read as two figures about the bound.
    """
    if qa[0] == qb[0] and qa[0] in "<>":
        qa = qb = "~"
    lo1, hi1, lo1_open, hi1_open = _interval(a, qa)
    lo2, hi2, lo2_open, hi2_open = _interval(b, qb)
    low, low_open = max((lo1, lo1_open), (lo2, lo2_open))
    high, high_open = min((hi1, not hi1_open), (hi2, not hi2_open))
    return low < high or (low == high and not low_open and high_open)


def _within(a: float, qa: str, b: float, qb: str) -> bool:
    """Return True when figure b (as the source gives it) lies inside figure a's range (the claim's)."""
    lo1, hi1, lo1_open, hi1_open = _interval(a, qa)
    lo2, hi2, lo2_open, hi2_open = _interval(b, qb)
    return ((lo2 > lo1 or (lo2 == lo1 and (lo2_open or not lo1_open)))
            and (hi2 < hi1 or (hi2 == hi1 and (hi2_open or not hi1_open))))


_SAID = {"~": "about ", "<~": "nearly ", ">": "more than ", ">=": "at least ", "<": "less than ", "<=": "up to "}


def _said(qualifier: str, value: float) -> str:
    return _SAID.get(qualifier, "") + _figure(value)


def _figure(value: float) -> str:
    """Return a number as a reader writes it: 120,000,000 and 1.45, not 1.2e+08; a whole number
    that may be a year without a comma ("his 1865 inaugural address", not "1,865")."""
    if value == int(value):
        return f"{int(value)}" if 1000 <= value < 2100 else f"{int(value):,}"
    return f"{value:,.6g}"


def _swapped_figure(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's words with another figure in the same
    place ("about $112 an hour" / "about $35 an hour", "defeated the Chiefs, 35-10"), else None."""
    if not _claim_figures(claim_text) or not _DIGIT.search(passage):
        return None
    a, b = _words(claim_text), _words(passage)
    for r in replacements(a, b, max_run=1):
        x, y = a[r.i], b[r.j]
        # a count in words too, flanked as it is: "three 120 mm rounds" / "two 120 mm rounds"
        cx, cy = _count(x), _count(y)
        if cx is None or cy is None:
            continue
        if _overlap(cx, _qualifier(a, r.i), cy, _qualifier(b, r.j)):
            continue  # "nearly 140" / "139"
        if _unit_after(a, r.i) or _unit_after(b, r.j):
            after = _next_word(a, r.i)
            same_place = after is not None and after == _next_word(b, r.j)
        else:
            same_place = r.before or r.after
        if same_place:  # the same words around it: the same figure, told differently
            context = " ".join(a[max(r.i - 2, 0):r.i])
            return f"numbers differ: the claim says {context + ' ' if context else ''}{x}, the source says {y}"
    return _figure_after_same_words(a, b)


def _unit_after(ws: list[str], i: int) -> bool:
    """Return True when a scale or currency word follows the figure ws[i] ("66 billion pounds")."""
    return i + 1 < len(ws) and ws[i + 1] in _UNIT_WORDS


def _next_word(ws: list[str], i: int) -> str | None:
    """Return the word after the figure ws[i] and its units ("an" in "112 dollars an hour"):
    "about £66bn" and "about $980bn" share "about" and "billion", not what they count."""
    j = i + 1
    while j < len(ws) and ws[j] in _UNIT_WORDS:
        j += 1
    return ws[j] if j < len(ws) else None


def _count(word: str) -> float | None:
    """Return the count a word gives: a figure, or a number word other than "one" (as often
    a pronoun, "the one who", as a count)."""
    if _NUMBER.fullmatch(word):
        return float(word)
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS and word != "one" else None


def _gives(b: list[str], value: float, qualifier: str) -> bool:
    """Return True when the passage's words `b` give the figure somewhere ("... 42.6 per cent ...
    just shy of Labor's 43 per cent target" gives 43): another one next to the same unit is then
    about something else."""
    return any(_overlap(value, qualifier, count, _qualifier(b, j)) for j, y in enumerate(b)
               if (count := _count(y)) is not None)


def _figure_after_same_words(a: list[str], b: list[str]) -> str | None:
    """Return a reason when the passage gives, after the claim's two words before a figure
    (one of them a content word), another figure and never the claim's: "the death toll ...
    rose to 12" against "the death toll from a fire that ... rose to 10", where the passage's
    other words put the two figures apart for a whole-text alignment."""
    for i, x in enumerate(a):
        if i < 2 or not _NUMBER.fullmatch(x) or all(w in STOP_WORDS for w in a[i - 2:i]):
            continue
        if _gives(b, float(x), _qualifier(a, i)):
            continue  # the passage gives the claim's figure somewhere
        for j, y in enumerate(b):
            if j >= 2 and _NUMBER.fullmatch(y) and b[j - 2:j] == a[i - 2:i]:
                return f"numbers differ: the claim says {' '.join(a[i - 2:i])} {x}, the source says {y}"
    return None


MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"))
WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


def _swapped_month(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's two words before a month or a weekday
    before another one ("go on sale in May" / "go on sale in April", "a stance on Friday" / "a
    stance on Thursday"), and never the claim's, else None. When each side names one day (or
    one month) of its kind, the same word before it will do ("confirmed the county's first
    death on Friday" / "confirmed by the medical examiner on Saturday")."""
    a = _words(claim_text)
    if MONTHS.isdisjoint(a) and WEEKDAYS.isdisjoint(a):
        return None
    b = _words(passage)
    for i, x in enumerate(a):
        kind = MONTHS if x in MONTHS else WEEKDAYS if x in WEEKDAYS else None
        if kind is None or i < 1 or x in b or (x == "may" and not MONTH_MAY.search(claim_text)):
            continue
        alone = len(kind.intersection(a)) == 1 and len(kind.intersection(b)) == 1 and _says_most(a, b)
        for j, y in enumerate(b):
            if y not in kind or j < 1 or (y == "may" and not MONTH_MAY.search(passage)):
                continue
            # (a month opening the sentence, "In May, the lab …" / "In July, the lab …", when each
            # side names one and the rest says the same)
            if i >= 2 and j >= 2 and b[j - 2:j] == a[i - 2:i] or (alone and b[j - 1] == a[i - 1]):
                return f"dates differ: the claim says {x.capitalize()}, the source says {y.capitalize()}"
    return None


def _month_days(ws: list[str]) -> dict[str, set[int]]:
    """Return month -> the days of it the words give ("february 25", "25 february")."""
    out: dict[str, set[int]] = {}
    for i, w in enumerate(ws):
        if w in MONTHS and (w != "may" or i + 1 < len(ws) and ws[i + 1].isdigit()):
            for k in (i + 1, i - 1):
                if 0 <= k < len(ws) and ws[k].isdigit() and 1 <= int(ws[k]) <= 31:
                    out.setdefault(w, set()).add(int(ws[k]))
                    break
    return out


def _changed_day(claim_text: str, passage: str) -> str | None:
    """Return a reason when claim and passage each give one day of the same month, different
    ones, and the passage says most of the rest of the claim ("confirmed that the singer was not
    dead on Wednesday, February 25" / "On Monday (February 23) the reps officially confirmed that
    Willie Nelson is not dead"), else None."""
    a = _words(claim_text)
    if MONTHS.isdisjoint(a):
        return None
    b = _words(passage)
    theirs = _month_days(b)
    for month, days in _month_days(a).items():
        there = theirs.get(month)
        if len(days) == 1 and there and len(there) == 1 and days != there and _says_most(a, b, DAY_SHARE):
            return (f"dates differ: the claim says {month.capitalize()} {next(iter(days))}, "
                    f"the source says {month.capitalize()} {next(iter(there))}")
    return None


DAY_SHARE = 0.6  # of the claim's content words a passage giving another day must say


RANGE_REACH = 4  # words between "from" and "to" in "from 5.8 per cent to 3.9 per cent"


def _ranges(ws: list[str]) -> list[tuple[list[str], list[str]]]:
    """Return the (start, rest of the text after "to") of each "from X to ..." in `ws`."""
    out = []
    for i, w in enumerate(ws):
        if w != "from":
            continue
        k = next((k for k in range(i + 2, min(len(ws) - 1, i + 2 + RANGE_REACH)) if ws[k] == "to"), None)
        if k is not None:
            out.append((ws[i + 1:k], ws[k + 1:]))
    return out


def _reversed_range(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage turns the claim's "from X to Y" round ("moved from
    January to September" / "moved from September to January"), else None."""
    a = _words(claim_text)
    if "from" not in a or "to" not in a:
        return None
    b = _words(passage)
    for start, rest in _ranges(a):
        if start[0] == rest[0]:
            continue
        for other, tail in _ranges(b):
            if other[0] == rest[0] and tail[:len(start)] == start:
                return (f"the order differs: the claim says from {' '.join(start)} to {rest[0]}, "
                        f"the source says from {' '.join(other)} to {' '.join(start)}")
    return None


def _says_most(a: list[str], b: list[str], share: float = 0.75) -> bool:
    """Return True when the passage words `b` hold `share` of the claim's content words (stems or synonyms)."""
    content = [stem(w) for w in a if w not in STOP_WORDS and w not in MONTHS and w not in WEEKDAYS]
    return bool(content) and _found_in(content, b) >= share * len(content)


# Ordinals a claim's count can hang on ("the sixth person to die"); "first" is left out, as
# often an adverb ("first said") as a rank.
ORDINALS = {w: i for i, w in enumerate(
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=2)}
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")


def _ordinal(word: str) -> int | None:
    """Return the rank an ordinal word gives ("sixth", "6th"), else None."""
    if word in ORDINALS:
        return ORDINALS[word]
    m = _ORDINAL_DIGITS.fullmatch(word)
    return int(m.group(1)) if m and m.group(1) != "1" else None


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_ranks(claim_text: str) -> tuple[list[str], tuple[tuple[int, str, int], ...]]:
    """Return the claim's words and its (position, ordinal word, rank)s, once per claim."""
    a = _words(claim_text)
    return a, tuple((i, w, r) for i, w in enumerate(a) if (r := _ordinal(w)) is not None)


def missing_ordinal(claim_text: str, passage: str) -> str | None:
    """Return a reason when the claim ranks something ("the fifth person to die") and the
    passage gives another rank and never the claim's, else None."""
    wanted = [(w, r) for _, w, r in _claim_ranks(claim_text)[1]]
    if not wanted:
        return None
    have = {r for r in map(_ordinal, _words(passage)) if r is not None}
    for w, r in wanted:
        if r not in have:
            other = sorted(have)
            return (f"the source gives another rank ({', '.join(map(str, other))}) where the claim says '{w}'"
                    if other else f"the source does not give the claim's rank '{w}'")
    return None


def missing(claim_text: str, passage: str) -> str | None:
    """Return the claim's figures the passage does not give ("20"), else None: a passage that
    says nothing of the number does not confirm "NATO has 20 members"."""
    wanted = _claim_figures(claim_text)
    if not wanted:
        return None
    b = _words(passage)
    have = [(float(t) if _NUMBER.fullmatch(t) else float(NUMBER_WORDS[t]), _qualifier(b, i))
            for i, t in enumerate(b) if _NUMBER.fullmatch(t) or t in NUMBER_WORDS]
    # a passage figure that is another of the claim's figures answers that one: "2025" gives the
    # year of "spent more than 4% … in 2025", not the "more than 4"
    exact = {value for _, value, qualifier in wanted if qualifier == "="}
    missing = [t for t, value, qualifier in wanted
               if not any(_within(value, qualifier, v, q) and (v not in exact or v == value) for v, q in have)]
    return " ".join(missing) if missing else None


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_figures(claim_text: str) -> tuple[tuple[str, float, str], ...]:
    """Return the figures the claim writes in digits (number words such as "one" are too often no
    count), with their qualifiers ("more than 130": ">")."""
    toks = _words(claim_text)
    return tuple((t, float(t), _qualifier(toks, i)) for i, t in enumerate(toks) if _NUMBER.fullmatch(t))


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_numbers(claim_text: str) -> tuple[tuple[str, tuple[float, str, str, tuple[int, int]]], ...]:
    """Return the claim's (unit stem, (value, unit word, qualifier)) pairs, computed once per claim."""
    return tuple(_numbers_with_units(claim_text).items())


def _numbers_with_units(text: str) -> dict[str, tuple[float, str, str, tuple[int, int]]]:
    """Return {unit stem: (value, the unit word as written, qualifier, (the figure's position,
    the end of the noun it counts))} for each "<number> <word>" of `text` ("200 of the
    militants": militants), and for the next two words of the noun the figure counts ("2,000
    Boko Haram militants", "33 Turkish soldiers"), unless the unit measures the thing ("0.50
    calibre rounds" counts no rounds)."""
    toks = _words(text)
    out: dict[str, tuple[float, str, str, tuple[int, int]]] = {}
    for i, t in enumerate(toks[:-1]):
        value: float | None = None
        if t in _FRACTIONS and toks[i + 1] in ("the", "of") and (t == "half" or i and toks[i - 1] in _FRACTION_COUNTS):
            # "half the time", "two thirds of the voters": a share, as a percentage ("80 percent of the time")
            share = round(_FRACTIONS[t] * (1 if t == "half" else _FRACTION_COUNTS[toks[i - 1]]), 1)
            out.setdefault("percent", (share, "percent", _qualifier(toks, i), (i, i + 2)))
            continue
        if _NUMBER.fullmatch(t):
            value = float(t)
        elif t in NUMBER_WORDS:
            value = float(NUMBER_WORDS[t])
        if value is None or (i and toks[i - 1] in LABEL_NOUNS):
            continue  # "Article 4 member countries": a label, not four of anything
        at = i + 1  # where the unit is
        unit = toks[at]
        if unit == "per" and at + 1 < len(toks) and toks[at + 1] == "cent":
            unit, at = "percent", at + 1  # "42.6 per cent" is "42.6 percent"
        if unit in ("million", "billion", "thousand", "hundred") and at + 1 < len(toks):
            value *= {"million": 1e6, "billion": 1e9, "thousand": 1e3, "hundred": 100}[unit]
            at += 1
            unit = toks[at]
        partitive = unit == "of" and at + 2 < len(toks) and toks[at + 1] in ("the", "its", "their")
        if partitive:
            # "about 200 of the militants" counts militants ("nine of these pairs", a part of a
            # set named before, is not compared with a figure for the set)
            at += 2
            unit = toks[at]
        if unit in STOP_WORDS or _NUMBER.fullmatch(unit):
            continue
        noun = [unit]
        for more in toks[at + 1:at + 3] if unit not in _MEASURES else ():
            if more in STOP_WORDS or _count(more) is not None:
                break
            noun.append(more)
        # the frame is read after the noun; after the word next to the figure for a one-word unit
        qualifier, span = _qualifier(toks, i), (i, at + len(noun) if partitive or len(noun) > 1 else i + 2)
        for word in noun:
            out.setdefault(stem(word), (value, word, qualifier, span))
    return out
