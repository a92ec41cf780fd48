"""Who holds a title: "Rubio is the CIA director" against "Secretary of State Marco Rubio, CIA
Director John Ratcliffe".

Every word of that claim is in the passage, but the title belongs to the next name. A claim
that gives someone a title (`NAME is / was / became (the) TITLE`) is not confirmed by a passage
that gives the same title to another name (`TITLE Other Name`, `Other Name, (the) TITLE`) and
never to the claim's. Only the passage's own words are read: titles held at different times are
not told apart, so this blocks support and asserts no conflict.

Also who did what to whom: "the judge gave Beblawi until July 28 to respond to Soltan's bid"
against "... gave Soltan until July 28 to respond to Beblawi's bid" (`swapped`); and another
name in the claim's name's place: "held in Berlin on August 11-21" against "in Munich on August
11-21" (`replaced_name`). Both assert a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import LCSseq

from .text import STOP_WORDS, fold, words

_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
_CLAIM = re.compile(
    rf"^\s*(?P<name>{_NAME})\s+(?:is|was|has\s+been|had\s+been|became|becomes|serves\s+as|served\s+as)\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?:new|acting|current)\s+)?(?P<title>[\w.'’ -]+?)\s*[.!?]?\s*$"
)
MAX_TITLE_WORDS = 5
# A capitalised word that starts no name after a title ("CIA Director Said ...", a headline).
_NOT_NAMES = frozenset({"on", "in", "and", "the", "said", "says", "told", "of", "for", "at", "to"})


def other_holder(claim: str, passage: str) -> str | None:
    """Return a reason when `passage` gives the title the claim gives its subject to someone else only."""
    given = _title_claim(claim)
    if given is None:
        return None
    name, said_title, title = given
    holders = [h for h in _holders(list(title), passage) if h]
    if not holders or any(set(words(name)) & set(words(h)) for h in holders):
        return None  # no one, or the claim's subject among them
    return f"the source gives '{said_title}' to {holders[0]}, not to {name}"


@lru_cache(maxsize=256)
def _title_claim(claim: str) -> tuple[str, str, tuple[str, ...]] | None:
    """Return (name, title as written, title words) of "NAME is (the) TITLE", once per claim."""
    m = _CLAIM.match(claim)
    if not m:
        return None
    title = words(m.group("title"))
    if not title or len(title) > MAX_TITLE_WORDS or all(w in STOP_WORDS for w in title):
        return None
    return m.group("name").strip(), m.group("title"), tuple(title)


def _holders(title: list[str], passage: str) -> list[str]:
    """Return the names the passage attaches `title` to: the name after it, or before ", (the)"."""
    tokens = [(t.group(0), t.start()) for t in re.finditer(r"[\w.'’-]+", passage)]
    folded = [fold(t).strip(".").removesuffix("’s").removesuffix("'s") for t, _ in tokens]
    out = []
    n = len(title)
    for i in range(len(tokens) - n + 1):
        if folded[i:i + n] != title:
            continue
        # "CIA Director John Ratcliffe": the name after; else "John Ratcliffe, the CIA director"
        holder = _name_at(passage, tokens, i + n, +1) or _name_before_apposition(passage, tokens, i)
        if holder:
            out.append(holder)
    return out


def _name_at(passage: str, tokens: list[tuple[str, int]], i: int, step: int) -> str | None:
    """Return the run of capitalised words from token `i` on (1-4 of them, no punctuation between)."""
    run: list[str] = []
    while 0 <= i < len(tokens) and len(run) < 4:
        word = tokens[i][0]
        if not word[:1].isupper() or fold(word) in _NOT_NAMES:
            break
        if run:
            left, right = (tokens[i - step], tokens[i]) if step > 0 else (tokens[i], tokens[i - step])
            if passage[left[1] + len(left[0]):right[1]].strip():
                break  # a comma or a dash: the next item of a list
        run.append(word)
        i += step
    return " ".join(run if step > 0 else reversed(run)) or None


def _name_before_apposition(passage: str, tokens: list[tuple[str, int]], i: int) -> str | None:
    """Return the name before `NAME, (the) TITLE` when the title at token `i` follows one."""
    j = i - 1
    if j >= 0 and fold(tokens[j][0]) in ("the", "a", "an"):
        j -= 1
    if j < 0:
        return None
    between = passage[tokens[j][1] + len(tokens[j][0]):tokens[j + 1][1]]
    if between.strip() != ",":
        return None
    return _name_at(passage, tokens, j, -1)


# Words between two names that make them interchangeable: "Trump met Xi" is "Xi met Trump".
_SYMMETRIC = frozenset("""and or with met meet meets meeting against versus vs between beside alongside plus nor
both talked spoke""".split())
_NAME_WORD = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*[a-z][\w'’-]*")
SWAP_SIMILAR = 0.8  # share of the words between the names that must be the same in both orders
MIN_BETWEEN = 3  # content and function words between the names, at least


def swapped(claim: str, passage: str) -> str | None:
    """Return a reason when the passage has two of the claim's names the other way round, with
    the same words between them ("gave Beblawi until July 28 to respond to Soltan's bid" /
    "gave Soltan until July 28 to respond to Beblawi's bid"), else None."""
    c_words, once, first = _claim_names(claim)
    folded_passage = fold(passage)
    if sum(1 for n in once if n in folded_passage) < 2:
        return None  # (most passages: no need to read their words)
    p_words = _plain_words(passage)
    # the claim's first word only when the passage capitalises it inside a sentence too: "Harris's
    # side is outspending Trump's" / "Trump’s side is outspending Harris’"
    inside = {_plain(m.group()) for m in _NAME_WORD.finditer(passage) if m.start()} if first else set()
    names = [n for n in once if (n != first or n in inside) and p_words.count(n) == 1]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ca, cb = c_words.index(a), c_words.index(b)
            pa, pb = p_words.index(a), p_words.index(b)
            if (ca < cb) == (pa < pb):
                continue
            between = c_words[min(ca, cb) + 1:max(ca, cb)]
            other = p_words[min(pa, pb) + 1:max(pa, pb)]
            if len(between) < MIN_BETWEEN or _SYMMETRIC & (set(between) | set(other)):
                continue
            # the same words between them, in order, a word inserted allowed ("is actually narrowly")
            same = LCSseq.similarity(between, other)
            if same >= SWAP_SIMILAR * max(len(between), len(other)):
                first, second = (a, b) if ca < cb else (b, a)
                return (f"roles swapped: the source has {second.title()} where the claim has {first.title()}, "
                        f"and {first.title()} where it has {second.title()}")
    return None


@lru_cache(maxsize=256)
def _claim_names(claim: str) -> tuple[list[str], tuple[str, ...], str | None]:
    """Return the claim's plain words, its names said once (in order), and which of them is
    only its first word (a capital that may just open the sentence), once per claim."""
    c_words = _plain_words(claim)
    found = [(_plain(m.group()), m.start() == 0) for m in _NAME_WORD.finditer(claim)]
    once = tuple(n for n in dict.fromkeys(n for n, _ in found) if n not in STOP_WORDS and c_words.count(n) == 1)
    at_start = {n for n, opening in found if opening} - {n for n, opening in found if not opening}
    first = next((n for n in once if n in at_start), None)
    return c_words, once, first


_POSSESSIVE_END = re.compile(r"['’]s?$")
_WORD_RUN = re.compile(r"[\w'’-]+")


def _plain(word: str) -> str:
    return _POSSESSIVE_END.sub("", fold(word))  # "Harris’s", "Harris’": Harris


def _plain_words(text: str) -> list[str]:
    return [_plain(w) for w in _WORD_RUN.findall(text)]


_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")
_WORD_AT = re.compile(r"[^\s]+")


def replaced_name(claim: str, passage: str, missing: list[str]) -> str | None:
    """Return a reason when the passage has another name where the claim has one it lacks, with
    the same words on either side: "held in Berlin on August 11-21" against "take place in
    Munich on August 11-21", "a lecture at Harvard University" against "at Georgetown
    University", "Kandhamal district topped the list" against "Khurda district topping"; at
    either end of the claim one side will do ("in his native Portland." / "his native Seattle and")."""
    gone = {_plain(x) for m in missing for x in m.split()}
    have = set(_plain_words(claim))
    claimed = [(span, _neighbours(claim, *span)) for span in _name_parts(claim, lambda w: w in gone)]
    if not claimed:
        return None
    for span, (before, after) in claimed:
        for other in _name_parts(passage, lambda w: w not in have and w not in STOP_WORDS, skip_first=True):
            there = _neighbours(passage, *other)
            same_before = before is not None and before == there[0]
            same_after = after is not None and after == there[1]
            if same_before and same_after or (before is None and same_after and after not in STOP_WORDS) \
                    or (after is None and same_before and (before not in STOP_WORDS  # "... in his native Portland."
                                                           or _word_before(claim, span[0]) == _word_before(passage, other[0])
                                                           not in (None, ""))):  # "vice president at Samsung."
                return f"the source says {passage[other[0]:other[1]]} where the claim says {claim[span[0]:span[1]]}"
    return None


def _word_before(text: str, start: int) -> str | None:
    """Return the content word (folded) before the word that precedes text[start:] ("president" in "president at X")."""
    m = re.search(r"([\w'’-]+)[ \t,]+[\w'’-]+[ \t,]*$", text[max(0, start - 60):start])
    word = _plain(m.group(1)) if m else None
    return None if word is None or word in STOP_WORDS else word


def _name_parts(text: str, wanted: Callable[[str], bool], skip_first: bool = False) -> list[tuple[int, int]]:
    """Return the spans of the longest runs of `wanted` words inside the text's capitalised names
    (a name ending its sentence without the period: "... his native Portland.")."""
    out: list[tuple[int, int]] = []
    for m in _RUN.finditer(text):
        if skip_first and not text[:m.start()].strip():
            continue  # the passage's opening capital may be no name
        run: list[tuple[int, int]] = []
        for w in [*_WORD_AT.finditer(m.group()), None]:
            start, end = (m.start() + w.start(), m.start() + w.end()) if w is not None else (0, 0)
            if w is not None and w.group().count(".") == 1 and text[end - 1] == "." and _SENTENCE_END.match(text, end):
                end -= 1  # "Portland." closing a sentence; "Feb. 9" and "U.S." keep their periods
            if w is not None and wanted(_plain(text[start:end])):
                run.append((start, end))
            elif run:
                out.append((run[0][0], run[-1][1]))
                run = []
    return out


_SENTENCE_END = re.compile(r"[\"”’')\]]*(?:\s+[A-Z\"“‘'(]|\s*$)")


def _neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """Return the words (folded) just before and just after text[start:end] (None at an edge)."""
    left = re.search(r"([\w'’-]+)[ \t,]*$", text[max(0, start - 40):start])
    right = re.match(r"[ \t,]*([\w'’-]+)", text[end:end + 40])
    return (_plain(left.group(1)) if left else None, _plain(right.group(1)) if right else None)
