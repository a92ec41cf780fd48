"""Person nouns of the narration as antecedents: "the boy", "an old woman", "Lung's 21-year-old lover".

`coref.Resolver` takes its candidates from here: the names the people index found, and these
descriptions, each a `Candidate` with its canonical form, gender and strength.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .nominals import (
    FUNCTION_SET,
    HEAD_SET,
    NEWS_DET_BEFORE,
    PERSON_GENDER,
    PERSON_HEADS,
    apposed_name,
    news_modifiers,
    nominal_canon,
)
from .speakers import PeopleIndex, given_gender

_LOWER_WORD = re.compile(r"[a-z]{3,13}")
# The determiner and up to two modifiers before a person noun: "the old", "a", "his".
_DET_BEFORE = re.compile(r"(?<![\w’'-])(?P<det>[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)"
                         r"(?P<mods>(?:\s+[a-z][a-z-]+){0,2}?)\s+$")
# A named possessor and up to two modifiers before a person noun: "Lung's 21-year-old", "Fan’s"
_NAMED_OWNER_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][a-z]+['’]s(?P<mods>(?:\s+[a-z0-9][a-z0-9-]*){0,2}?)\s+$")
_POSSESSIVE = frozenset("his her their my our your".split())
# A relative clause on an indefinite person noun makes it someone in particular: "a woman who said …"
_WHO_CLAUSE = re.compile(r"[ \t]+who[ \t]+[a-z]")
# An indefinite description that opens a sentence, with an age and capitalised modifiers: "A
# 17-year-old Mpumalanga girl who …", "A Texas man": someone new, and the sentence's subject.
_OPENING_DET = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=\n))(?P<det>A|An)"
                          r"(?P<mods>(?:\s+(?:\d{1,3}-year-old|[A-Z][\w-]+|[a-z][a-z-]+)){0,4}?)\s+$")
# What may follow an opening person noun before its verb: a place or a relative clause.
_OPENING_TAIL = re.compile(r"\s+(?:who\s|in\s|from\s|at\s|with\s|of\s|on\s)")


class Candidate:
    """A person mentioned in the narration, as a pronoun's possible antecedent."""

    __slots__ = ("start", "end", "canon", "gender", "strength", "subject", "spoken")

    def __init__(self, start: int, end: int, canon: str, gender: str, strength: int, subject: bool | None = None,
                 spoken: bool = False):
        self.start, self.end, self.canon, self.gender = start, end, canon, gender
        self.strength = strength  # 2: a known person; 1: a capitalised pair nothing vouches for
        self.subject = subject  # None until asked
        self.spoken = spoken  # the subject of a speech cue


def person_nouns(text: str, people: PeopleIndex, q_starts: list[int], q_ends: list[int], inside: Callable[[int], bool],
                 is_subject: Callable[[Candidate], bool]) -> list[Candidate]:
    """Return the person nouns of the narration ("the boy", "an old woman", "the doctor"), in text order.

    `inside` says whether an offset is inside a quote, `is_subject` whether a candidate opens a
    clause with its verb after it (an indefinite "a man" names someone only there).
    """
    found: list[Candidate] = []
    # a plain scan of the narration for the nouns, then a look at the words before each: far
    # cheaper than one regex over the whole text
    bounds = [0, *(x for pair in zip(q_starts, q_ends) for x in pair), len(text)]
    words = (wm for lo, hi in zip(bounds[::2], bounds[1::2]) for wm in _LOWER_WORD.finditer(text, lo, hi))
    for wm in words:
        head = wm.group(0)
        if head not in PERSON_HEADS or wm.start() and text[wm.start() - 1] in "-’'" or text[wm.end():wm.end() + 1] in \
                ("-", "’", "'") or text.startswith(" of ", wm.end()):
            continue
        news = head not in HEAD_SET
        dm = (NEWS_DET_BEFORE if news else _DET_BEFORE).search(text, max(0, wm.start() - 50), wm.start())
        opening = _OPENING_DET.search(text, max(0, wm.start() - 60), wm.start())
        if opening is not None and not any(w.lower() in FUNCTION_SET for w in opening.group("mods").split()):
            dm = opening  # a sentence opens on this person: whatever describes them, they are its subject
        else:
            opening = None
        if dm is None:
            owned = _owned_noun(text, wm, inside, is_subject)
            if owned is not None:
                found.append(owned)
            continue
        if opening is None and (any(w in FUNCTION_SET for w in dm.group("mods").split()) or news and not news_modifiers(dm)):
            continue
        det = dm.group("det").lower()
        start = dm.start()
        if det in _POSSESSIVE or inside(start):
            continue
        found_role = people.by_role(head, start) if head in people.role_heads else None
        canon = found_role or apposed_name(text, start, people) or nominal_canon(text[start:wm.end()].split())
        gender = people.gender(found_role) if found_role else PERSON_GENDER.get(head, "")
        c = Candidate(start, wm.end(), canon, gender, 2)  # a person, whatever the gender
        if opening is not None and _OPENING_TAIL.match(text, wm.end()):
            c.subject = True
        if det in ("a", "an") and not is_subject(c):
            if not _WHO_CLAUSE.match(text, wm.end()):
                continue  # "in want of a wife" names nobody; "A man came in" does
            # "I spoke with a woman who said …": someone in particular, but outside subject position
            # only as good as the gender its noun gives ("a royal expert who countered her claims
            # that she …" is no she)
            c.strength = 1
        if news and det == "the":
            # "A former rebel fighter said … The anonymous fighter claimed": the one described before
            same = [f for f in found if f.canon.rsplit(" ", 1)[-1] == head]
            if same:
                c.canon = same[-1].canon
        found.append(c)
    return found


def _owned_noun(text: str, wm: re.Match, inside: Callable[[int], bool],
                is_subject: Callable[[Candidate], bool]) -> Candidate | None:
    """Return a named possessor's person noun in subject position ("Lung's 21-year-old lover plans"), else None."""
    pm = _NAMED_OWNER_BEFORE.search(text, max(0, wm.start() - 40), wm.start())
    if pm is None or inside(pm.start()) or any(w in FUNCTION_SET for w in pm.group("mods").split()):
        return None
    c = Candidate(pm.start(), wm.end(), text[pm.start():wm.end()], PERSON_GENDER.get(wm.group(0), ""), 2)
    return c if is_subject(c) else None


# Who a news story may open on before it names them: "A pregnant St. Louis woman was blinded …"
_LEDE = re.compile(r"(?:^|(?<=[—–-] )|(?<=\) ))(?:A|An)\s+(?:[\w.’'-]+\s+){0,4}?"
                   r"(?P<head>man|woman|girl|boy|teen|teenager|youth|child|toddler|student|passenger)\s+[a-z]")
_LEDE_SENTENCES = 4  # the name must come this soon: the lede's sentence and the next three


def lede_name(text: str, names: list[Candidate], people: PeopleIndex, sentence_starts: list[int],
              is_subject: Callable[[Candidate], bool]) -> tuple[str, str] | None:
    """Return (head noun, name) when a story opens on an unnamed person whom its next sentences name, else None.

    "A pregnant St. Louis woman was blinded … The woman claimed … Dornnella Conner was sitting in
    the car": the woman is Dornnella Conner. The name is the first full name after the lede in
    subject position, with no title (not "Police Chief Tom Brown said") and no other gender.
    """
    if len(sentence_starts) < 2:
        return None
    m = _LEDE.search(text, 0, sentence_starts[1])
    if m is None:
        return None
    head = m.group("head")
    limit = sentence_starts[min(_LEDE_SENTENCES, len(sentence_starts) - 1)]
    for c in names:
        if c.start < m.end() or c.strength < 2 and " " not in c.canon:
            continue
        if c.start >= limit:
            return None
        if not is_subject(c):
            continue
        mention = people.mention_at(c.start)
        if mention is None or mention.roles or " " not in mention.name:
            return None  # "Officer Tom Brown"; "Christmas" of "a Merry Christmas"
        # a title or a given name may say the gender; a he/she nearby may be someone else's
        known = mention.gender or given_gender(mention.name.split()[0])
        if known and known != PERSON_GENDER.get(head, known):
            return None
        return head, c.canon
    return None
