"""Nouns that name people ("the boy", "his wife", "the ministry") and whom they mean.

The lexicon of person nouns with their gender, the kin nouns whose referent shares the
possessor's surname ("his wife" of Mr. Bennet is Mrs. Bennet), and the organisation a "the bank"
or "the ministry" refers to. `coref` finds these nouns in the narration and decides between
them and the names around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .names import DEMONYMS, NAME_RUN, PLACES, ROLE_GENDER, ROLE_WORDS, name_key
from .speakers import PeopleIndex, looks_like_person, split_name
from .subjects import DOCUMENT_NOUNS

ORG_LOOKBACK = 2000  # chars back to find the organisation "the bank" means
_ORG_HEADS = frozenset("""bank company firm ministry department agency group organisation organization institute
party government court committee council union university police army military embassy commission office
campaign network newspaper airline regulator authority board foundation""".split())

# Person nouns with the gender they carry, beyond the role words of `names`.
PERSON_GENDER = {**ROLE_GENDER, **{
    "lad": "m", "fellow": "m", "chap": "m", "youth": "m", "gentleman": "m", "landlord": "m", "waiter": "m",
    "grandfather": "m", "nephew": "m", "widower": "m", "bridegroom": "m", "stepfather": "m", "priest": "m",
    "lass": "f", "maid": "f", "maiden": "f", "landlady": "f", "waitress": "f", "grandmother": "f", "niece": "f",
    "widow": "f", "bride": "f", "stepmother": "f", "governess": "f", "housekeeper": "f", "mistress": "f",
    "hostess": "f", "nun": "f",
}}
# Person nouns that say nothing of gender: a candidate for "he" or "she" only when nothing else fits.
_NEUTRAL_PERSONS = frozenset("""doctor nurse captain stranger child kid servant clerk driver officer soldier porter
judge colonel major professor teacher parson vicar rector curate visitor guest cousin friend""".split())
# Who speaks in news without a name ("a former rebel fighter said he …", "an official said"): candidates
# for a later he/she, but never linked to the person named just before, as "the youth" is in fiction
# ("the diplomatic source" is nobody the story has named).
NEWS_PERSONS = frozenset("""fighter source intermediary middleman official diplomat defector journalist witness
resident student employee passenger activist protester expert analyst victim survivor militant rebel hostage
prisoner inmate suspect researcher scientist engineer pilot farmer worker lover""".split())
# News descriptions carry more, and capitalised, modifiers: "a former Syrian rebel fighter", "a senior US
# diplomat" (each capitalised one a nationality, a place or an acronym).
NEWS_DET_BEFORE = re.compile(r"(?<![\w’'-])(?P<det>[Tt]he|[Aa]n?)(?P<mods>(?:\s+(?:[a-z][a-z-]+|[A-Z][\w-]+)){0,3}?)\s+$")


def news_modifiers(dm: re.Match) -> bool:
    """Return True when every capitalised modifier of a news description is a nationality, a place or an acronym."""
    return all(w[:1].islower() or w.lower().strip(".") in DEMONYMS or w.lower().strip(".") in PLACES
               or w.isupper() and len(w) <= 4 for w in dm.group("mods").split())


# Kin nouns after a possessive: the relative shares the possessor's surname.
_KIN = frozenset("""wife husband mother father son daughter brother sister uncle aunt grandmother grandfather
nephew niece cousin""".split()) | {"lady"}
_KIN_GENDER = {"lady": "f", "cousin": ""}
_SPOUSE_HONORIFIC = {"wife": "mrs", "lady": "mrs", "husband": "mr"}
FUNCTION_SET = frozenset("""the a an and or but of to in on at by for with from as his her my our their your its this
that was is""".split()) | frozenset(PERSON_GENDER) | _NEUTRAL_PERSONS
HEAD_SET = frozenset(PERSON_GENDER) | _NEUTRAL_PERSONS
PERSON_HEADS = HEAD_SET | NEWS_PERSONS  # every noun the narration is scanned for


_DOCUMENT_FROM = re.compile(rf"(?:a|an|the|A|An|The)\s+(?:[a-z]+\s+)?(?:{'|'.join(sorted(DOCUMENT_NOUNS))})\s+"
                            r"(?:from|by|issued\s+by)\s+(?P<who>.+)")


def document_source(np: str) -> tuple[str, int] | None:
    """Return (text, offset in `np`) of whom "a statement from the White House" is from, else None."""
    m = _DOCUMENT_FROM.fullmatch(np)
    return (m.group("who"), m.start("who")) if m else None


def is_thing(written: str, canon: str) -> bool:
    """Return True when a speaker as written is no person: "the letter", "World Athletics"."""
    words = written.split()
    if not words:
        return False
    if words[0].lower() in ("the", "a", "an", "its"):
        head = words[-1].lower()
        return len(words) >= 2 and head not in HEAD_SET and head not in ROLE_WORDS and head not in NEWS_PERSONS \
            and not head.endswith("s")
    return not looks_like_person(split_name(canon)[1])


def nominal_canon(words: list[str]) -> str:
    """Return one display form for a person noun phrase ("a little girl" -> "the little girl")."""
    return " ".join(["the", *(w if w[:1].isupper() and w[1:2].islower() else w.lower() for w in words[1:])])


def relative_of(people: PeopleIndex, kin: str, possessor: str | None) -> str | None:
    """Return the person a kin noun of `possessor` names ("his wife" of Mr. Bennet -> Mrs. Bennet)."""
    if not possessor or kin not in _KIN:
        return None
    tokens = name_key(possessor)[0]
    if not tokens:
        return None
    want = _KIN_GENDER.get(kin, PERSON_GENDER.get(kin, ""))
    options = [c for c in people.people_named(tokens[-1])
               if c != possessor and (not want or people.gender(c) == want)]
    if kin in _SPOUSE_HONORIFIC and len(options) > 1:
        # "his wife" among Mrs. Bennet, Miss Bennet and Elizabeth Bennet is Mrs. Bennet
        honorific = _SPOUSE_HONORIFIC[kin]
        options = [c for c in options if c.split()[0].rstrip(".").lower() == honorific]
    return options[0] if len(options) == 1 else None


def organisation(text: str, np: str, at: int, inside: Callable[[int], bool]) -> str | None:
    """Return the organisation "the bank" / "the ministry" refers to: the last one named as such."""
    m = re.fullmatch(r"(?:the|The|its|Its)\s+(?:\w+\s+)?(?P<head>[a-z]+)", np)
    if not m or m.group("head") not in _ORG_HEADS:
        return None
    stem = m.group("head")[:4]
    found = None
    for run in NAME_RUN.finditer(text, max(0, at - ORG_LOOKBACK), at):
        if inside(run.start()):
            continue
        tokens = run.group(0).split()
        # "Russia’s Defense Ministry" names itself; "investment banking giant Goldman Sachs" is described
        described = re.search(rf"\b{stem}\w*(?:\s+[a-z]+)?\s*$", text[max(0, run.start() - 40):run.start()])
        # a title is no organisation: "Prime Minister Anthony Albanese" is not "the ministry"
        if any(t.lower().startswith(stem) and t.lower() not in ROLE_WORDS for t in tokens) or described:
            found = run.group(0)
    return found


# What "the site" or "the paper" means: the outlet the story last cited ("…, reports PandoDaily. … the site notes")
PUBLICATION_NOUNS = frozenset("site website paper newspaper publication magazine outlet blog broadcaster dictionary".split())
_PERSON_NP_HEAD = re.compile(r"(?:a|an|the|one)\s+(?:[\w'’-]+\s+){0,3}?(?P<head>[a-z]+)(?:\s+(?:at|of|for|from|with|in)\s.*)?",
                             re.I | re.S)


def person_np(np: str) -> bool:
    """Return True for a news description of a person ("a head teacher at the La Villette school", "an official")."""
    m = _PERSON_NP_HEAD.fullmatch(np)
    if m is None or m.end("head") == len(np) and m.group("head") not in NEWS_PERSONS:
        return False  # fiction's "the old man" stays as it was: only a news description qualifies
    return m.group("head") in PERSON_HEADS or m.group("head") in ROLE_WORDS


@lru_cache(maxsize=1024)
def _introduced_pattern(np: str) -> re.Pattern[str]:
    """Return the pattern of `np` before a name (a) or after one and its comma (b): no name pattern in it.

    The name pattern is long; compiling it into one pattern per phrase cost more than the search.
    """
    desc = re.sub(r"['’]", "['’]", re.escape(np[1:]))  # "the boy’s father" is "the boy's father"
    first = f"[{np[0].upper()}{np[0].lower()}]"
    return re.compile(rf"(?P<a>(?<![\w’']){first}{desc},?\s+)|(?P<b>,\s+{first}{desc}[,.])")


_QUOTE_MARKS = re.compile(r"['’]")


def _may_occur(np: str, window: str) -> bool:
    """Return False when `_introduced_pattern(np)` cannot match in `window`: a piece of `np` is missing.

    Both alternatives of the pattern hold `np` after its first letter literally, but for the
    apostrophes (either kind); so each apostrophe-free piece of it must be in the window.
    """
    return all(piece in window for piece in _QUOTE_MARKS.split(np[1:]) if piece)


_NAME_RUN_AT = re.compile(NAME_RUN.pattern)
_NAME_RUN_ENDING = re.compile(rf"(?:{NAME_RUN.pattern})$")


def introduced_name(text: str, np: str, at: int, people: PeopleIndex) -> str | None:
    """Return the person a description introduced by name before `at` ("the boy's father, Jason Steward,"), else None."""
    if len(np.split()) < 2:
        return None
    found = None
    window = text[max(0, at - 3000):at]
    if not _may_occur(np, window):
        return None  # 4 calls in 5 on news text: the pattern (and its compiling) would find nothing
    for m in _introduced_pattern(np).finditer(window):
        if m.group("a"):
            nm = _NAME_RUN_AT.match(window, m.end())
        else:
            nm = _NAME_RUN_ENDING.search(window, max(0, m.start() - 120), m.start())
        if nm is None:
            continue
        tokens = split_name(nm.group(0))[1]
        if looks_like_person(tokens):
            found = people.canonical(" ".join(tokens)) or " ".join(tokens)
    return found


_NAME_AFTER = re.compile(rf"(?:\s+(?:of|at|for|from)\s+[^,;:.“”\"]{{1,60}})?,[ \t]+(?P<name>{NAME_RUN.pattern}),")


def name_after(text: str, np: str, end: int, people: PeopleIndex) -> str | None:
    """Return the name in apposition after a person noun phrase ("A director of Acme, Glenda Paul, said"), else None."""
    head = np.split()[-1].lower() if np.split() else ""
    if head not in PERSON_HEADS and head not in ROLE_WORDS:
        return None
    m = _NAME_AFTER.match(text, end)
    if m is None:
        return None
    tokens = split_name(m.group("name"))[1]
    return (people.canonical(" ".join(tokens)) or " ".join(tokens)) if looks_like_person(tokens) else None


def apposed_name(text: str, start: int, people: PeopleIndex) -> str | None:
    """Return the name a person noun stands in apposition to ("Mr. R., a primary school teacher,"), else None."""
    m = _APPOSED.search(text, max(0, start - 60), start)
    if m is None:
        return None
    tokens = split_name(m.group("name"))[1]
    return (people.canonical(" ".join(tokens)) or " ".join(tokens)) if looks_like_person(tokens) else None


_APPOSED = re.compile(rf"(?<![\w.’'-])(?P<name>{NAME_RUN.pattern}),[ \t]+$")


_CITED = re.compile(rf"\b(?:reports|reported\s+by|according\s+to|via|cites|cited)\s+(?:the\s+)?(?P<a>{NAME_RUN.pattern})"
                    rf"|(?P<b>{NAME_RUN.pattern})\s+(?:reports|reported|says|said|writes|wrote|notes|noted)\b")


def cited_outlet(text: str, at: int, people: PeopleIndex, spoken: list[tuple[int, str]]) -> str | None:
    """Return the outlet the story last cited or quoted before `at` ("…, reports PandoDaily"), else None."""
    found = next(((start, canon) for start, canon in reversed(spoken) if start < at and canon[:1].isupper()
                  and not people.is_person(canon) and not person_np(canon)), None)
    for m in _CITED.finditer(text, max(0, at - 1500), at):
        name = m.group("a") or m.group("b")
        start = m.start("a") if m.group("a") else m.start("b")
        if not people.is_person(name) and name.split()[0].lower() not in ("he", "she", "it", "they") \
                and (found is None or start > found[0]):
            found = (start, name)
    return found[1] if found else None


_NAMED_KIN = re.compile(r"(?P<who>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*)['’]s?\s+(?P<kin>[a-z]+)")


def named_relative(people: PeopleIndex, np: str) -> str | None:
    """Return the relative a named possessor's kin noun means ("Sotloff's mother" -> Shirley Sotloff), else None."""
    m = _NAMED_KIN.fullmatch(np)
    if m is None:
        return None
    return relative_of(people, m.group("kin"), people.canonical(m.group("who")) or m.group("who"))
