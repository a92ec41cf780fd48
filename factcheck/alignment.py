"""The claim's words aligned with a passage's: a word of the claim that the passage replaces.

"The council voted to approve the budget" against "The council voted to delay the budget":
the same words around one that differs. Such a passage does not confirm the claim, whatever
its other words share. A word the passage has elsewhere, a synonym, another spelling of the
same word (a typo), a figure (see `figures`) or a stop word is no change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .lexicon import ADJECTIVE_ENDINGS, NEGATING_PREFIXES, NEGATIVE_WORDS, opposite_stems, synonym_stems
from .text import NEGATIONS, STOP_WORDS, stem, words

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


def replacements(a: list[str], b: list[str], max_run: int = MAX_RUN, joined: bool = False) -> Iterator[Replacement]:
    """Yield the places where the aligned word lists `a` (claim) and `b` (passage) say up to
    `max_run` words differently: each replacement step of the edit script, or with `joined`
    each stretch between equal words."""
    if joined:
        steps: Iterator[tuple[int, int, int, int]] = _changes(a, b)
    else:
        steps = ((op.src_start, op.src_end, op.dest_start, op.dest_end)
                 for op in Levenshtein.opcodes(a, b) if op.tag == "replace")
    for i, i2, j, j2 in steps:
        if i2 == i or j2 == j or i2 - i > max_run or j2 - j > max_run:
            continue  # words only added or only left out: nothing said otherwise
        yield Replacement(i, i2, j, j2, before=i > 0 and j > 0 and a[i - 1] == b[j - 1],
                          after=i2 < len(a) and j2 < len(b) and a[i2] == b[j2])


def _changes(a: list[str], b: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """Yield the stretches (i, i2, j, j2) between the aligned equal words of `a` and `b`: the
    edit script's adjacent steps taken as one ("joined NATO in" / "joined Durham Ltd in" is a
    replacement and a deletion, one name said as two words)."""
    run: list[int] | None = None
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            if run:
                yield run[0], run[1], run[2], run[3]
            run = None
        elif run is None:
            run = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            run[1], run[3] = op.src_end, op.dest_end
    if run:
        yield run[0], run[1], run[2], run[3]


def changed_word(claim_text: str, passage: str, name: frozenset[str] = frozenset(),
                 proper: frozenset[str] = frozenset()) -> str | None:
    """Return a reason when the passage says the claim's words around another word, else None.
    Words of the claim's subject `name` are no change: "Hollywood legend Weaver" tells of
    "Sigourney Weaver" (whether the passage names the subject is judged apart); nor is a name
    of the claim (stems in `proper`) the passage calls "the state", "the company" ("South
    Carolina's black voters" / "the state's black voters")."""
    a, b = words(claim_text), words(passage)
    here: set[str] | None = None  # the passage's stems, once a change is in sight
    synonyms = synonym_stems()
    # "joined NATO in" / "joined Durham Ltd in": a replacement and a deletion, one change
    for r in replacements(a, b, joined=True):
        if not _flanked(a, b, r) or (r.i == 0 and r.i2 == len(a)):
            continue  # the same words on both sides (or the claim's edge): one thing said otherwise
        said, source = a[r.i:r.i2], _trimmed(b[r.j:r.j2])
        if r.i == 0 and any(w in REPORTING_VERBS for w in said):
            continue  # "Hegseth said that ..." for "..., stating that ...": who said it is judged apart
        if not source or not all(_content(y) for y in source) or not any(_content(w) for w in said):
            continue
        if all(w in name for w in said if _content(w)):
            continue
        if all(w in _NEGATORS or w in NEGATIONS for w in said):
            continue  # "never walked back" / "later walked back": the negation is read by polarity
        if len(source) == 1 and source[0] in GENERIC_NOUNS and _DEFINITE & set(b[max(0, r.j - 1):r.j2]) \
                and all(stem(w) in proper for w in said if _content(w)):
            continue
        if here is None:
            here = {stem(w) for w in b}
        new = [w for w in said if _content(w) and stem(w) not in here
               and not (synonyms.get(stem(w), frozenset()) & here)
               and not any(fuzz.ratio(w, y) >= SPELLING for y in b)]  # a typo of a word it has
        if new:
            return f"the source says '{' '.join(source)}' where the claim says '{' '.join(said)}'"
    return None


# What a story calls a place, an organisation or a product it has named: "the state", "the
# company", "the tablet" (the iPad Pro).
GENERIC_NOUNS = frozenset("""state city country county nation capital region province island town village company
firm agency department ministry party group organisation organization government team club union league
airline carrier network newspaper broadcaster channel website site platform app service product brand
device tablet phone smartphone handset computer laptop smartwatch car vehicle aircraft plane ship""".split())
_DEFINITE = frozenset(("the", "its", "this"))


def _trimmed(ws: list[str]) -> list[str]:
    """Return `ws` without the stop words at its ends ("who labeled" -> "labeled")."""
    i, j = 0, len(ws)
    while i < j and ws[i] in STOP_WORDS:
        i += 1
    while j > i and ws[j - 1] in STOP_WORDS:
        j -= 1
    return ws[i:j]


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
REPORTING_VERBS = frozenset(("said", "says", "say", "stated", "states", "told", "tells", "claimed", "claims",
                             "added", "noted", "insisted", "argued", "wrote", "announced", "explained"))


def opposite_word(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's words around the opposite of one of
    them ("three days after the birth" / "three days before the birth", "likely" / "unlikely"),
    else None."""
    a, b = words(claim_text), words(passage)
    table = opposite_stems()
    here = set(b)
    # Most claims and passages hold no opposed pair at all: look before aligning.
    if not _may_oppose(set(a), here, table):
        return None
    # one word for one, stop words with either ("were acquitted over" / "charged for")
    for r in replacements(a, b, max_run=3, joined=True):
        if not ((r.before or r.i == 0) and (r.after or r.i2 == len(a))) or (r.i == 0 and r.i2 == len(a)):
            continue
        xs = [k for k in range(r.i, r.i2) if r.i2 - r.i == 1 or a[k] not in STOP_WORDS]
        ys = [k for k in range(r.j, r.j2) if r.j2 - r.j == 1 or b[k] not in STOP_WORDS]
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = a[xs[0]], b[ys[0]]
        # A negation elsewhere that only one side has turns the pair round again: "has not
        # risen" says what "has fallen" says. ("never" / "always" is itself the pair.)
        if _opposed(x, y, table) and _negations(a, xs[0]) == _negations(b, ys[0]):
            return f"opposite words: the claim says '{x}' where the source says '{y}'"
    return _opposite_after_same_word(a, b, table)


# Opposites that relate two things: with the things swapped they say the same ("Jones died a
# day before Bowles" / "Bowles's death comes a day after Jones died"), so one neighbour word
# in common is not enough to read them as opposed.
_CONVERSE = frozenset("""before after more less fewer higher lower above below over under ahead behind
    earlier later older younger bigger smaller larger greater longer shorter""".split())


def _opposite_after_same_word(a: list[str], b: list[str], table: dict[str, frozenset[str]]) -> str | None:
    """Return a reason when the passage has the opposite of a claim word next to the content
    word the claim has next to it, before or after (up to INSERTED stop words between): "ruled
    against the traders" / "... the Gauteng High Court ruled in favour of traders who took the
    City to court", "lost 88,000 jobs" / "the economy gains 88,000 jobs", where the whole-text
    alignment pairs the words apart."""
    pairs = set(zip(b, b[1:]))
    for i, x in enumerate(a):
        if (not _content(x) and stem(x) not in table) or x in _CONVERSE:
            continue  # ("against" is a stop word with opposites)
        before = a[i - 1] if i > 0 and a[i - 1] not in STOP_WORDS else None
        after = a[i + 1] if i + 1 < len(a) and a[i + 1] not in STOP_WORDS else None
        if before is None and after is None or (before, x) in pairs or (x, after) in pairs:
            continue  # the passage says the claim's words too: "far less fruit and far more vegetables"
        for j, y in enumerate(b):
            if not _opposed(x, y, table) or _negations(a, i) != _negations(b, j):
                continue
            k = j - 1
            while k >= 0 and j - k <= INSERTED and b[k] in STOP_WORDS:
                k -= 1
            if before is not None and k >= 0 and b[k] == before:
                return f"opposite words: the claim says '{before} {x}' where the source says '{' '.join(b[k:j + 1])}'"
            n = j + 1
            while n < len(b) and n - j <= INSERTED and b[n] in STOP_WORDS:
                n += 1
            if after is not None and n < len(b) and b[n] == after:
                return f"opposite words: the claim says '{x} {after}' where the source says '{' '.join(b[j:n + 1])}'"
    return None


NEGATION_REACH = 4  # words either side of an opposite word where a negation turns it round


def _negations(ws: list[str], skip: int) -> int:
    """Return how many negation words `ws` holds near `skip` (that word not counted): "has not
    risen", not "hail was widespread ..., tornadoes largely failed to materialize"."""
    return sum(1 for k in range(max(0, skip - NEGATION_REACH), min(len(ws), skip + NEGATION_REACH + 1))
               if ws[k] in NEGATIVE_WORDS and k != skip)


def _may_oppose(claim_words: set[str], here: set[str], table: dict[str, frozenset[str]]) -> bool:
    """Return True when some claim word and some passage word are `_opposed` (a cheap filter:
    a listed pair by stem, or the one word the other with a negating prefix)."""
    opposites, variants = _claim_opposites(frozenset(claim_words))
    if opposites and not opposites.isdisjoint({stem(y) for y in here}):
        return True
    return any(_opposed(x, y, table) for y, xs in variants.items() if y in here for x in xs)


@lru_cache(maxsize=256)
def _claim_opposites(claim_words: frozenset[str]) -> tuple[frozenset[str], dict[str, list[str]]]:
    """Return the stems opposed to a claim's words and its words' negating-prefix variants
    (variant -> the claim words it varies), once per claim."""
    table = opposite_stems()
    opposites: set[str] = set()
    variants: dict[str, list[str]] = {}
    for x in sorted(claim_words):
        opposites |= table.get(stem(x), frozenset())
        for prefix, _ in NEGATING_PREFIXES:
            variants.setdefault(prefix + x, []).append(x)
            if x.startswith(prefix) and len(x) > len(prefix):
                variants.setdefault(x[len(prefix):], []).append(x)
    return frozenset(opposites), variants


def _opposed(x: str, y: str, table: dict[str, frozenset[str]]) -> bool:
    """Return True when words x and y are opposites: a listed pair (by stem), or one the other
    with a negating prefix ("likely" / "unlikely", "legal" / "illegal", "valid" / "invalid")."""
    if x == y:
        return False
    if stem(y) in table.get(stem(x), ()):
        return True
    return prefix_opposed(x, y)


def prefix_opposed(x: str, y: str) -> bool:
    """Return True when one of the words x and y is the other with a negating prefix
    ("likely" / "unlikely", "responsible" / "irresponsible"; not "install" / "stall")."""
    short, long = sorted((x, y), key=len)
    for prefix, base in NEGATING_PREFIXES:
        if long == prefix + short and len(short) >= base:
            if prefix == "in" and not short.endswith(ADJECTIVE_ENDINGS):
                return False  # "install", "inside", "income": no negation
            if prefix in ("il", "ir", "im") and short[0] not in {"il": "l", "ir": "r", "im": "mpb"}[prefix]:
                return False
            return True
    return False


def spelt_alike(a: str, b: str) -> bool:
    """Return True when words `a` and `b` are one word spelt two ways (a typo, a variant)."""
    return fuzz.ratio(a, b, processor=None, score_cutoff=SPELLING) > 0


def _content(word: str) -> bool:
    return word not in STOP_WORDS and not word[:1].isdigit()


def _content_stems(ws: list[str]) -> set[str]:
    """Return the stems of the content words among `ws`."""
    return {stem(w) for w in ws if _content(w)}


# ---------------------------------------------------------------------------- a negation only one side has

_NEGATORS = frozenset(("not", "never", "no"))
_NOT_FORMS = {"wont": "will", "cant": "can", "cannot": "can", "shant": "shall", "dont": "do"}
# "not only X but Y", "no longer", "never before": a phrase, not the denial of the words around it
_NOT_DENIALS = frozenset(("only", "just", "merely", "simply", "least", "longer", "before", "less", "more"))
FLANK = 3  # equal words around a negation, at least one on each side, for it to be the claim's own words


def _expanded(ws: list[str]) -> list[str]:
    """Return folded words with the negated auxiliaries split: "didnt" -> "did not", "wont" -> "will not"."""
    out: list[str] = []
    for w in ws:
        if w in _NOT_FORMS:
            out += (_NOT_FORMS[w], "not")
        elif len(w) > 3 and w.endswith("nt") and w in NEGATIONS:
            out += (w[:-2], "not")
        else:
            out.append(w)
    return out


def negation_only(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's very words with a negation the claim
    lacks, or without the claim's own ("did not deny sending" / "did deny sending", "was never
    what they were about" / "was what they were about", "shouldnt have happened" / "should
    have happened"), else None. The words either side must be the same on both sides (FLANK
    of them, one at least on each side), so the negation is of the claim's statement itself."""
    a, b = words(claim_text), words(passage)
    if _NEGATORS.isdisjoint(a) and _NEGATORS.isdisjoint(b) and NEGATIONS.isdisjoint(a) and NEGATIONS.isdisjoint(b):
        return None
    a, b = _expanded(a), _expanded(b)
    for op in Indel.opcodes(a, b):  # inserts and deletes only: a negation is one word more or less
        if op.tag == "delete" and op.src_end - op.src_start == 1 and a[op.src_start] in _NEGATORS:
            side, k, other, at = a, op.src_start, b, op.dest_start  # the claim denies; the source does not
        elif op.tag == "insert" and op.dest_end - op.dest_start == 1 and b[op.dest_start] in _NEGATORS:
            side, k, other, at = b, op.dest_start, a, op.src_start  # the source denies; the claim does not
        else:
            continue
        if k + 1 < len(side) and side[k + 1] in _NOT_DENIALS:
            continue
        left = _same_run(side, k - 1, other, at - 1, -1)
        right = _same_run(side, k + 1, other, at, 1)
        if left and right and left + right >= FLANK:
            said = " ".join(side[max(0, k - 1):k + 2])
            if side is b:
                return f"negation: the source says '{said}' where the claim says '{side[k - 1]} {side[k + 1]}'"
            return f"negation: the claim says '{said}' where the source says '{side[k - 1]} {side[k + 1]}'"
    return None


def _same_run(x: list[str], i: int, y: list[str], j: int, step: int) -> int:
    """Return how many words (up to FLANK) from x[i] and y[j] on, going `step`, are equal."""
    n = 0
    while n < FLANK and 0 <= i < len(x) and 0 <= j < len(y) and x[i] == y[j]:
        n, i, j = n + 1, i + step, j + step
    return n


_MAYBE = frozenset(("may", "might", "could"))
_SURELY = frozenset(("will", "would", "shall", "must"))
# Words that make what follows them less than certain, where one side has them and the other not
_HEDGES = _MAYBE | frozenset((
    "probably", "possibly", "likely", "perhaps", "maybe", "reportedly", "allegedly", "apparently",
    "supposedly", "purportedly", "seemingly", "expected"))
_COPULAS = frozenset(("is", "are", "was", "were", "be", "been", "being", "to", "have", "has"))
HEDGE_RUN = 3  # words a hedged stretch may span on either side ("is likely to" / "will")


def modal_changed(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage says the claim's words with a hedge in a place where
    the claim has none, or the other way round: a modal of another certainty ("this could be"
    / "this will be"), a hedge of a few words for a plain one ("researchers say is likely to
    be" / "researchers say will be"), or a hedging adverb only one side has ("it probably
    reinforces" / "it reinforces"). The stretch must lie between equal words, so it is the
    claim's own statement that is hedged; else None."""
    a, b = words(claim_text), words(passage)
    if _HEDGES.isdisjoint(a) and _HEDGES.isdisjoint(b):
        return None
    for i, i2, j, j2 in _changes(a, b):
        x, y = a[i:i2], b[j:j2]
        if len(x) > HEDGE_RUN or len(y) > HEDGE_RUN or not (i and j and i2 < len(a) and j2 < len(b)):
            continue
        if a[i - 1] != b[j - 1] or a[i2] != b[j2]:
            continue
        x_hedged, y_hedged = not _HEDGES.isdisjoint(x), not _HEDGES.isdisjoint(y)
        if x_hedged == y_hedged or not _NEGATORS.isdisjoint(x + y) or not NEGATIONS.isdisjoint(x + y):
            continue
        if not x or not y:  # a hedge only one side has: quote it with the word it hedges
            x, y = a[i - 1:i2 + 1], b[j - 1:j2 + 1]
        elif not (set(x) | set(y)) <= _HEDGES | _SURELY | _COPULAS:
            continue  # other words changed too: not the same statement hedged
        return f"certainty differs: the source says '{' '.join(y)}' where the claim says '{' '.join(x)}'"
    return None


# ---------------------------------------------------------------------------- a comparison turned round

COMPARED_REACH = 3  # content words read on either side of "than" / "instead of"
_COMPARATIVES = frozenset(("more", "less", "rather", "far", "much"))


def reversed_comparison(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage compares the claim's two things the other way round:
    "his background is more political than military" against "his background leans more in
    military rather than in politics" (what the claim puts before "than" the passage puts
    after it, and the other way round), else None."""
    a = words(claim_text)
    claim_sides = _compared(a)
    if not claim_sides:
        return None
    b = words(passage)
    passage_sides = _compared(b)
    for before, after in claim_sides:
        for there_before, there_after in passage_sides:
            x = _same_stem(before, there_after)
            y = _same_stem(after, there_before)
            if x and y and not _same_stem(before, there_before):
                return (f"comparison reversed: the claim puts '{x[0]}' before '{y[0]}', "
                        f"the source '{y[1]}' before '{x[1]}'")
    return None


def _compared(ws: list[str]) -> list[tuple[list[str], list[str]]]:
    """Return the content words before and after each "than" / "instead of" of `ws`."""
    out = []
    for i, w in enumerate(ws):
        n = 2 if w == "instead" and i + 1 < len(ws) and ws[i + 1] == "of" else 1 if w == "than" else 0
        if n:
            before = [x for x in ws[max(0, i - COMPARED_REACH - 2):i] if _content(x) and x not in _COMPARATIVES][-COMPARED_REACH:]
            after = [x for x in ws[i + n:i + n + COMPARED_REACH + 2] if _content(x) and x not in _COMPARATIVES][:COMPARED_REACH]
            if before and after:
                out.append((before, after))
    return out


def _same_stem(xs: list[str], ys: list[str]) -> tuple[str, str] | None:
    """Return the first (x, y) of the two word lists with one stem ("political" / "politics")."""
    for x in xs:
        for y in ys:
            if stem(x) == stem(y):
                return x, y
    return None


# ---------------------------------------------------------------------------- in / outside

_WHERE = re.compile(r"\b(?P<prep>outside(?:\s+of)?|in|inside|within)\s+(?:the\s+)?(?P<place>(?:[\w.,-]+\s+){0,3}?[\w.,-]+)"
                    r"(?=\s+(?:area|region|city|country|state|county|district|zone|metro)\b)")
_OUTSIDE = re.compile(r"\boutside\b")


def outside_for_in(claim_text: str, passage: str) -> str | None:
    """Return a reason when one side puts the claim's place "outside" and the other "in" it:
    "work in the Washington, D.C., metro area" against "work outside of the D.C. metro area"."""
    if bool(_OUTSIDE.search(claim_text)) == bool(_OUTSIDE.search(passage)):
        return None
    claim = {(m.group("prep").startswith("outside"), w) for m in _WHERE.finditer(claim_text)
             for w in words(m.group("place")) if _content(w)}
    there = {(m.group("prep").startswith("outside"), w) for m in _WHERE.finditer(passage)
             for w in words(m.group("place")) if _content(w)}
    for out, w in claim:
        if (not out, w) in there and (out, w) not in there:
            said, other = ("outside", "in") if out else ("in", "outside")
            return f"the claim puts it {said} the {w} area, the source {other} it"
    return None


# "chose Airbus rather than Boeing", "took the southern route instead of the northern route"
_ALTERNATIVE = re.compile(r"\b(?:instead\s+of|rather\s+than)\s+")
DETERMINERS = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your"))  # articles, possessives


def rejected_alternative(claim_text: str, passage: str) -> str | None:
    """Return a reason when the claim says what the passage says was passed over for something
    else: "The agency chose Boeing" against "The agency chose Airbus rather than Boeing"."""
    if "instead" not in passage and "rather" not in passage:
        return None
    have = _content_stems(words(claim_text))
    for m in _ALTERNATIVE.finditer(passage):
        after = words(passage[m.end():m.end() + 80])
        while after and after[0] in DETERMINERS:
            after = after[1:]
        rejected_phrase = []
        for w in after[:3]:
            if w in STOP_WORDS:
                break
            rejected_phrase.append(w)
        before = words(passage[max(0, m.start() - 80):m.start()])[-len(rejected_phrase):] if rejected_phrase else []
        chosen = _content_stems(before) - {stem(w) for w in rejected_phrase}
        rejected = _content_stems(rejected_phrase) - {stem(w) for w in before}
        if rejected and chosen and rejected <= have and not chosen & have:
            return f"the source says {' '.join(before)} {m.group(0).strip()} {' '.join(rejected_phrase)}"
    return None


# "relocated from Times Square to One World Trade Center": the two ends of a move or a change
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>[^,.;:]{1,60}?)\s+to\s+(?P<b>[^,.;:]{1,60})")


def reversed_direction(claim_text: str, passage: str) -> str | None:
    """Return a reason when the claim has the passage's "from A to B" the other way round:
    "relocated from One World Trade Center to Times Square" against "from Times Square to One
    World Trade Center"."""
    if "from" not in passage or "from" not in claim_text:
        return None
    for cm in _FROM_TO.finditer(claim_text):
        ca, cb = _content_stems(words(cm.group("a"))), _content_stems(words(cm.group("b")))
        for pm in _FROM_TO.finditer(passage):
            pa, pb = _content_stems(words(pm.group("a"))), _content_stems(words(pm.group("b")))
            if ca & pb and cb & pa and not ca & pa and not cb & pb:
                return (f"the claim has it from {cm.group('a')} to {cm.group('b')}, "
                        f"the source from {pm.group('a')} to {pm.group('b')}")
    return None


# "unless they are close relatives" / "even when they are close relatives": an exception one side
# makes and the other rules out
_UNLESS = re.compile(r"\b(?:unless|except\s+(?:when|if|for))\s+(?P<rest>[^,.;:]{3,60})")
_EVEN_WHEN = re.compile(r"\beven\s+(?:when|if|though)\s+(?P<rest>[^,.;:]{3,60})")


def exception_reversed(claim_text: str, passage: str) -> str | None:
    """Return a reason when one side makes an exception ("unless …") that the other rules out
    ("even when …") for the same words: "seat men and women separately even when they are close
    relatives" against "separate seating for men and women, unless they are closely related"."""
    for a, b, claim_is_a in ((claim_text, passage, True), (passage, claim_text, False)):
        for em in _EVEN_WHEN.finditer(a):
            kept = _content_stems(words(em.group("rest")))
            for um in _UNLESS.finditer(b):
                if kept & _content_stems(words(um.group("rest"))):
                    mine, theirs = (em, um) if claim_is_a else (um, em)
                    return f"the claim says '{mine.group(0)}', the source '{theirs.group(0)}'"
    return None
