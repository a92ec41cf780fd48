"""Text normalisation shared by every stage: folding, words, stems, stop words.

Everything that compares a claim with a source goes through these functions, so that
"U.S." and "US", curly and straight quotes, "Władysław" and "Wladyslaw" compare equal
the same way at index time and at query time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into ASCII + combining mark.
_SPECIAL_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i",
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‹": "'", "›": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
        "\ufeff": "", "\u200e": "", "\u200f": "", "\u00ad": "",
        "…": "...",
    }
)

# C0 controls but tab and newline, DEL and C1 controls: in a source they are noise at best and
# terminal escape sequences at worst (a table would replay them on the user's screen).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Return `text` with control characters (but tab and newline) as spaces: same length, same offsets."""
    return _CONTROL_CHARS.sub(" ", text) if _CONTROL_CHARS.search(text) else text


_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}(?![A-Za-z])")
# What every dotted acronym contains; searching for it is ~40% cheaper than the full pattern's scan.
_DOTTED_PAIR = re.compile(r"[A-Za-z]\.[A-Za-z]\.")
# Each starts with its mark and looks behind from there: the same matches as a leading
# lookbehind ("(?<=\d),"), but the regex engine can jump from mark to mark (3-15x faster).
_POSSESSIVE = re.compile(r"['’](?<=\w['’])s\b")
_APOSTROPHE = re.compile(r"['’](?<=\w['’])(?=\w)")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}\b)")
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
# Sums of money: "£40m", "$5 million", "US$3.2bn", "¥40,000" are read as "40 million pounds",
# "5 million dollars", "3.2 billion dollars", "40,000 yen", as a claim writes them out.
MONEY_MARKS = "$£€¥"
MONEY = re.compile(r"(?<![\w$£€¥])(?:US|A|C|NZ|HK|S)?([$£€¥])\s?(\d[\d,]*(?:\.\d+)?)"
                   r"(?:\s?(mn|m|bn|b|k|million|billion|trillion|thousand)\b)?")
_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
CURRENCY_WORDS = frozenset(_CURRENCY.values())
_SCALE = {"m": "million", "mn": "million", "b": "billion", "bn": "billion", "k": "thousand"}


def money_words(m: re.Match[str]) -> str:
    """Return a MONEY match written out: figure, scale word, currency ("40 million pounds")."""
    scale = m.group(3)
    scale = _SCALE.get(scale, scale) if scale else None
    return " ".join(filter(None, (m.group(2), scale, _CURRENCY[m.group(1)])))


# The table's ASCII keys ("`"): an ASCII text holding none of them is left as it is by the
# table, and a per-character translation is most of fold's cost (3 in 4 news sentences are ASCII).
_ASCII_SPECIAL = tuple(chr(k) for k in _SPECIAL_FOLD if k < 128)


def fold(text: str) -> str:
    """Return `text` case-folded, ASCII-folded, with typographic quotes and dashes made plain."""
    if text.isascii() and not any(ch in text for ch in _ASCII_SPECIAL):
        return text.casefold()
    text = text.translate(_SPECIAL_FOLD)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def prepare(text: str) -> str:
    """Return `text` with acronyms, possessives, contractions and thousands separators unified.

    "U.S." -> "US", "J.D." -> "JD", "Hegseth's" -> "Hegseth", "wasn't" -> "wasnt",
    "2,000" -> "2000", "£40m" -> "40 million pounds". Used before tokenising on both the index
    and the query side.
    """
    # Each pattern needs its punctuation mark: skipping a regex pass over text without it
    # is the same result, and most sentences lack an apostrophe or a dotted acronym.
    if any(mark in text for mark in MONEY_MARKS):
        text = MONEY.sub(money_words, text)
    if "." in text and _DOTTED_PAIR.search(text):
        text = _DOTTED_ACRONYM.sub(_undot, text)
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub("", text)
        text = _APOSTROPHE.sub("", text)
    if "," in text:
        text = _THOUSANDS.sub("", text)
    return text


def _undot(m: re.Match[str]) -> str:
    return m.group(0).replace(".", "")


def normalize(text: str) -> str:
    """Return the comparison form of `text`: prepared, folded, single-spaced."""
    # str.split() and re's \s agree on every code point: the same as squash(), without a regex pass.
    return " ".join(fold(prepare(text)).split())


def words(text: str) -> list[str]:
    """Return the comparison words of `text` (folded, acronyms joined, punctuation dropped)."""
    return _WORD.findall(fold(prepare(text)))


# Passages (and the sentences before them) read per claim: the rerank of verify's 16 or
# --documents' 200, then stance on the best of them, which folds the same texts again.
FOLD_CACHE = 4096


@lru_cache(maxsize=FOLD_CACHE)
def folded(text: str) -> str:
    """Return fold(prepare(text)), cached: the query path reads each candidate's text several times (issue #7)."""
    return fold(prepare(text))


def folded_words(text: str) -> list[str]:
    """Return words(text), reading the cached folded form (for the query path's repeated texts)."""
    return _WORD.findall(folded(text))


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """Return the English Snowball stem of a folded word ("ruled", "ruling" -> "rule").

    The stemmer is tantivy's (Rust), the same one the search index applies, so the words
    that retrieval matches and the words that scoring matches agree.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    found = _stemmer().analyze(word)
    return found[0] if found else word


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import tantivy

    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw()).filter(tantivy.Filter.stemmer("english")).build()


def stems(text: str) -> list[str]:
    """Return the stems of the words of `text`."""
    return [stem(w) for w in words(text)]


def content_stems(text: str) -> list[str]:
    """Return the stems of the non-stop words of `text`, in order, without repeats."""
    seen: dict[str, None] = {}
    for w in words(text):
        if w not in STOP_WORDS:
            seen.setdefault(stem(w), None)
    return list(seen)


# Function words that carry no topic, for retrieval and relevance only: negations are
# stop words here but carry meaning for `stance`. "us" folds "US" with the pronoun; the
# country rarely decides which passage is relevant, so it goes too.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say saying told tell according would also may might must
    shall one two mr mrs ms dr s t us although though whereas""".split()
)

NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor without cannot cant dont doesnt didnt
    isnt wasnt werent arent wont wouldnt couldnt shouldnt hasnt havent hadnt aint nt""".split()
)


def squash(text: str) -> str:
    """Return `text` with runs of whitespace made one space and ends trimmed."""
    # str.split() and re's \s agree on every code point: the regex's result at a quarter of its cost
    return " ".join(text.split())
