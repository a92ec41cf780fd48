"""The claim's words aligned with a passage's: a word of the claim that the passage replaces.

"The council voted to approve the budget" against "The council voted to delay the budget":
the same words around one that differs. Such a passage does not confirm the claim, whatever
its other words share. A word the passage has elsewhere, a synonym, another spelling of the
same word (a typo), a figure (see `figures`) or a stop word is no change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .lexicon import synonym_stems
from .text import STOP_WORDS, stem, words

SPELLING = 80  # fuzz.ratio at or above which two words are one word spelt two ways
MAX_RUN = 2  # words a change may span on either side
INSERTED = 2  # stop words the passage may add between a change and the same word next to it ("Wicker, who labeled")


class Replacement(NamedTuple):
    """Claim words a[i:i2] said as passage words b[j:j2], and whether the words next to them agree."""

    i: int
    i2: int
    j: int
    j2: int
    before: bool  # the word before is the same on both sides
    after: bool  # the word after is the same on both sides


def replacements(a: list[str], b: list[str], max_run: int = MAX_RUN) -> Iterator[Replacement]:
    """Yield the places where the aligned word lists `a` (claim) and `b` (passage) say up to
    `max_run` words differently."""
    for op in Levenshtein.opcodes(a, b):
        if op.tag != "replace":
            continue
        i, i2, j, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if i2 - i > max_run or j2 - j > max_run:
            continue
        yield Replacement(i, i2, j, j2, before=i > 0 and j > 0 and a[i - 1] == b[j - 1],
                          after=i2 < len(a) and j2 < len(b) and a[i2] == b[j2])


def changed_word(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's words around another word, else None."""
    a, b = words(claim_text), words(passage)
    here: set[str] | None = None  # the passage's stems, once a change is in sight
    synonyms = synonym_stems()
    for r in replacements(a, b):
        if not _flanked(a, b, r) or (r.i == 0 and r.i2 == len(a)):
            continue  # the same words on both sides (or the claim's edge): one thing said otherwise
        said, source = a[r.i:r.i2], b[r.j:r.j2]
        if r.i == 0 and any(w in _REPORTING for w in said):
            continue  # "Hegseth said that ..." for "..., stating that ...": who said it is judged apart
        if not all(_content(y) for y in source) or not any(_content(w) for w in said):
            continue
        if here is None:
            here = {stem(w) for w in b}
        new = [w for w in said if _content(w) and stem(w) not in here
               and not (synonyms.get(stem(w), frozenset()) & here)
               and not any(fuzz.ratio(w, y) >= SPELLING for y in b)]  # a typo of a word it has
        if new:
            return f"the source says '{' '.join(source)}' where the claim says '{' '.join(said)}'"
    return None


def _flanked(a: list[str], b: list[str], r: Replacement) -> bool:
    """Return True when the claim's words next to the change (or its edges) are the passage's
    words next to it, up to INSERTED stop words apart ("Wicker praised" / "Wicker, who labeled")."""
    before = r.before or r.i == 0
    if not before and r.j > 0:
        gap = b[max(0, r.j - 1 - INSERTED):r.j]  # the passage's words before the change
        before = a[r.i - 1] in gap[:-1] and all(w in STOP_WORDS for w in gap[gap.index(a[r.i - 1]) + 1:])
    after = r.after or r.i2 == len(a)
    if not after:
        gap = b[r.j2:r.j2 + 1 + INSERTED]  # the passage's words after it
        after = a[r.i2] in gap[1:] and all(w in STOP_WORDS for w in gap[:gap.index(a[r.i2])])
    return before and after


# Verbs of saying: at the claim's start they introduce its speaker, whom stance judges apart.
_REPORTING = frozenset(("said", "says", "say", "stated", "states", "told", "tells", "claimed", "claims",
                        "added", "noted", "insisted", "argued", "wrote", "announced", "explained"))


def _content(word: str) -> bool:
    return word not in STOP_WORDS and not word[:1].isdigit()
