"""Who holds a title: "Rubio is the CIA director" against "Secretary of State Marco Rubio, CIA
Director John Ratcliffe".

Every word of that claim is in the passage, but the title belongs to the next name. A claim
that gives someone a title (`NAME is / was / became (the) TITLE`) is not confirmed by a passage
that gives the same title to another name (`TITLE Other Name`, `Other Name, (the) TITLE`) and
never to the claim's. Only the passage's own words are read: titles held at different times are
not told apart, so this blocks support and asserts no conflict.

Also who did what to whom: "the judge gave Beblawi until July 28 to respond to Soltan's bid"
against "... gave Soltan until July 28 to respond to Beblawi's bid" (`swapped`).
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    c_words, p_words = _plain_words(claim), _plain_words(passage)
    names = [n for n in dict.fromkeys(_plain(m.group()) for m in _NAME_WORD.finditer(claim) if m.start())
             if n not in STOP_WORDS and c_words.count(n) == 1 and p_words.count(n) == 1]
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
            same = sum(1 for x, y in zip(between, other) if x == y)
            if same >= SWAP_SIMILAR * max(len(between), len(other)):
                first, second = (a, b) if ca < cb else (b, a)
                return (f"roles swapped: the source has {second.title()} where the claim has {first.title()}, "
                        f"and {first.title()} where it has {second.title()}")
    return None


def _plain(word: str) -> str:
    return re.sub(r"['’]s$", "", fold(word))


def _plain_words(text: str) -> list[str]:
    return [_plain(w) for w in re.findall(r"[\w'’-]+", text)]
