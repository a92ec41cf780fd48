"""Whom a "he", "the spokesman" or "his wife" means at one point of a document.

Candidates are the people the narration mentions — names (`speakers.PeopleIndex`) and person
nouns ("the boy", "an old woman", "the doctor") — and the speakers that cues have named so far.
A he/she goes to the latest candidate of its gender in its own sentence, else to the latest one
in subject position (`Tom looked at Bill. “…,” he said` → Tom), else to the latest one at all.
What lies inside quotation marks is neither a candidate nor distance: a dialogue between two
people can run for pages after the narration last named them. A kin noun ("his wife", "her
father") is the person of that surname and gender when the document names one; a role noun
("the senator") the person introduced with that role; a definite person noun ("the gentleman",
"the youth") the named person of its gender the narration mentioned just before, when nobody
else fits in between; "they" the group that last spoke, "it" the document or organisation that
last spoke ("the letter stated … It described …"). The lexicon of person nouns, kin and
organisations is in `nominals`, the scan of the narration for person nouns in `personnouns`.
`Resolver.name_of` is the one entry point for a cue's subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from operator import attrgetter

from .names import QUALIFIERS, ROLE_WORDS
from .nominals import (
    HEAD_SET,
    NEWS_PERSONS,
    PERSON_GENDER,
    PUBLICATION_NOUNS,
    cited_outlet,
    document_source,
    introduced_name,
    is_thing,
    name_after,
    named_relative,
    nominal_canon,
    organisation,
    person_np,
    relative_of,
)
from .personnouns import Candidate, lede_name, person_nouns
from .speakers import PeopleIndex
from .subjects import DOCUMENT_NOUNS, ISSUED, Subject, classify, issuer_subject, role_head

NARRATION_LIMIT = 2500  # narration chars (quotes not counted) back to look for a pronoun's antecedent
SUBJECT_LIMIT = 1200  # a subject this close beats a nearer mention in another role
GROUP_CHARS = 2000  # a "they" may mean a group that spoke this recently
IN_SPEECH_WINDOW = 400  # chars before a pronoun inside a quote searched for whom it means
# A definite person noun ("the gentleman", "the youth") is the named person of its gender the
# narration mentioned last, this close (narration chars; 300 and 600 measured alike on the dev
# books and pages, the shorter is the safer)
NAMED_NP_CHARS = 400
LABEL_WORDS = 12  # a line this short with no sentence end is a caption or a label, not narration
_LINE = re.compile(r"[^\n]+")
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", "'", ":", ";", ",", ")", "…")

_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording\s+to\s+(?:[\w.’'-]+\s+){0,4}$")
# Before a subject: a sentence or clause start.
_CLAUSE_START = re.compile(
    r"(?:^|[.!?;:—–(]\s*|[”\"’]\s+|,\s+|\b(?:and|but|then|when|while|as|so|till|until|after|before|because|if|"
    r"though|that|where|whereupon|And|But|Then|When|While|As|So|Till|Until|After|Before|Because|If|Though|"
    r"Where|Whereupon|Now|Here|At\s+last|Presently|Suddenly|Meanwhile)\s+)$")
# After a subject: a verb, perhaps after appositives or an adverb; not a preposition or "'s".
_VERB_AFTER = re.compile(
    r"(?:\s*,[^,.;:“”\"]{1,60}){0,2},?\s+(?:[a-z]+ly\s+)?(?!(?:of|and|or|to|in|into|on|onto|at|with|without|for|"
    r"from|by|as|the|a|an|his|her|its|their|who|whom|which|that|than|nor|over|under|through|after|before|about|"
    r"against|among|between|behind|beside|near|across|along|around|toward|towards|upon|within|like)\b)[a-z]{2,}")
# Lower-case words inside a title before a name ("Secretary of State", "spokesman Dmitry Peskov").
# A subject after one of these belongs to a subordinate clause ("As the lad stood there, …").
_SUBORDINATE = re.compile(r"\b(?:[Aa]s|[Ww]hen|[Ww]hile|[Ii]f|[Tt]hough|[Aa]lthough|[Bb]ecause|[Ss]ince|[Aa]fter|[Bb]efore|"
                          r"[Uu]ntil|[Tt]ill|[Uu]nless|[Ww]hereas|[Tt]hat)\s+$")
# (kin nouns too: "Last week, Sotloff’s mother Shirley Sotloff released a video" opens on her)
_TITLE_WORDS = ROLE_WORDS | {"of", "for", "and", "the"} | frozenset(
    "mother father son daughter wife husband brother sister widow grandmother grandfather".split())
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St)\.")


def _in_title(word: str) -> bool:
    """Return True for a word that can stand in a title before a name ("Director", "Sen.", "of")."""
    if word in _TITLE_WORDS or "-" in word and word.islower():
        return True  # "of", "spokesman", "vice-rector"
    if not word[:1].isupper():
        return False
    return word[-1:].isalnum() or bool(_ABBREVIATION.fullmatch(word))  # "London." ends a sentence


_START = attrgetter("start")
# A sentence about a thing: "The charter was …", "This rule has …" (is_thing then rules out people)
_OPENING_VERB = r"\s+(?:was|is|has|had|will|would|can|could|must|[a-z]+ed)\b"
_THING_OPENS = re.compile(r"(?P<np>(?:The|This)\s+(?:[a-z][a-z-]+\s+){0,2}?[a-z][a-z-]+)" + _OPENING_VERB)
# ... or an organisation by its name ("The Commissioners' Union of the National Police confirmed …")
_ORG_OPENS = re.compile(r"(?P<np>The\s+[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+)?[A-Z][\w'’-]*){0,6})"
                        + _OPENING_VERB)
# Nouns for a firm that a one-word name before may be ("Strava … the company")
_FIRM_NOUNS = frozenset("company firm startup group bank airline carrier retailer platform app".split())
_ORG_NP = re.compile(r"(?:the|The)\s+(?P<head>[a-z]+)")
# A sentence opened by a one-word name and its verb: "Strava wouldn’t confirm …", "Acme said …"
_NAME_OPENS = re.compile(r"(?P<name>[A-Z][\w&-]+)\s+(?:[a-z]+n[’']t|was|is|has|had|will|would|did|does|"
                         r"[a-z]+ed|[a-z]+s)\b")
CHAIN_STEPS = 3  # sentences back a chain of he/she subjects is followed
# A sentence opened by a he/she subject, perhaps after a short opening phrase: "In his case, he …"
_PRONOUN_OPENS = re.compile(r"(?:[^,.;:!?“”\"\n]{1,60},[ \t]+)?(?P<p>[Hh]e|[Ss]he)[ \t]+[a-z]")
# The verb of a reported account: "Tom Brown said the lease went to one Mr Green"
_REPORTING_VERB = re.compile(r"\b(?:said|says|told|tells|added|explained|recalled|claimed|alleged|insisted)\b")
# The writer putting a question in an interview: "I ask if …", "when I asked him whether …"
_WRITER_ASKS = re.compile(r"\b(?:I|we)\b[^.!?“”\n]{0,80}?\bask(?:ed)?\b(?:\s+(?:him|her|them))?\s+"
                          r"(?:if|whether|about|why|how|what|when)\b")
# "Asked whether he would take gifts from Lord Ames, he said": the participle's subject is the
# main clause's, so nobody named inside the opener is the he/she after it
_ASKED_OPENER = re.compile(r"(?:When\s+|After\s+being\s+|Once\s+)?(?:Asked|Pressed|Questioned|Quizzed|Challenged)\b"
                           r"[^.!?;“”\"]{1,200},\s*$")
_OTHER_PRONOUN = {"m": re.compile(r"\b(?:she|She|her|Her|herself)\b"), "f": re.compile(r"\b(?:he|He|him|his|His|himself)\b")}
ISSUER_CHARS = 1200  # how far back "the statement" looks for the one who released it
_DESCRIBED = re.compile(r"[Tt]he\s+(?:\d{1,3}-year-old|(?P<kin>[a-z]+)-of-(?:one|two|three|four|five|six|seven|eight|nine|ten))")
# A name used as the modifier of a person noun that a name follows: "(Tampa) resident Ellis Hutson".
_MODIFIES_PERSON = re.compile(r"[ \t]+(?:resident|native|man|woman|teen|teacher|student|doctor|officer|mother|father)"
                              r"[ \t]+[A-Z]")
_THE_NOUN = re.compile(r"\b[Tt]he\s+((?:[a-z]+\s+)?[a-z]+)\b")


def _label_lines(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each short line with no sentence end: a caption or a video label.

    "New photo of ISIS leader Abu Bakr al-Baghdadi" between two paragraphs is no one's he. A
    text of one line has none.
    """
    if "\n" not in text:
        return []
    found = []
    for m in _LINE.finditer(text):
        line = m.group(0).strip()
        if line and len(line.split()) <= LABEL_WORDS and not line.endswith(_SENTENCE_ENDS):
            found.append((m.start(), m.end()))
    return found


class Resolver:
    """Resolve pronouns, role nouns and kin nouns of one document to canonical names."""

    def __init__(self, text: str, people: PeopleIndex, quoted: list[tuple[int, int]], sentence_starts: list[int]) -> None:
        self.text = text
        self.people = people
        self.sentence_starts = sentence_starts
        self.q_starts = [s for s, _ in quoted]
        self.q_ends = [e for _, e in quoted]
        self.q_cum = [0]
        for s, e in quoted:
            self.q_cum.append(self.q_cum[-1] + e - s)
        cands: list[Candidate] = []
        labels = _label_lines(text)
        label_starts = [a for a, _ in labels]
        for m in people.mentions:
            k = bisect_right(label_starts, m.start) - 1
            if k >= 0 and m.start < labels[k][1]:
                continue  # a name on a caption line
            if (m.person or m.maybe) and not m.inside:
                if _MODIFIES_PERSON.match(text, m.end):
                    continue  # "Tampa resident Ellis Hutson", "Texas teacher Ann Roe": a place, then the person
                strength = 2 if m.person and people.vouched(m.canon) or people.gender(m.canon) else 1
                cands.append(Candidate(m.start, m.end, m.canon, people.gender(m.canon), strength))
        names = list(cands)
        definite: list[Candidate] = []
        nouns: list[Candidate] = []
        if quoted:
            nouns = self._person_nouns()
            definite = [c for c in nouns if c.canon.startswith("the ") and text[c.start:c.start + 3].lower() == "the"
                        and c.canon.rsplit(" ", 1)[-1] not in NEWS_PERSONS]
            cands = sorted(cands + nouns, key=_START)
        self.cands = cands
        self.first_at: dict[str, int] = {}  # where the narration first names each candidate
        for c in cands:
            self.first_at.setdefault(c.canon, c.start)
        self.starts = [c.start for c in cands]
        self.spoken: list[Candidate] = []  # subjects of speech cues, in text order
        self.spoken_starts: list[int] = []
        self.first_spoken: dict[str, int] = {}  # where each speaker first spoke
        for c in definite:
            # "Pramod Dandia … The youth spends around Rs 500 …": the youth is Dandia
            named = self.named_referent(c.start, c.gender, set())
            if named:
                c.canon = named
        self.lede = lede_name(text, names, people, sentence_starts, self._is_subject) if quoted else None
        if self.lede is not None:
            for c in nouns:
                if c.canon.startswith("the ") and c.canon.rsplit(" ", 1)[-1] == self.lede[0]:
                    c.canon = self.lede[1]  # "A pregnant woman was blinded … Dornnella Conner was sitting …"

    def _person_nouns(self) -> list[Candidate]:
        """Return the person nouns of the narration ("the boy", "an old woman", "the doctor"), in text order."""
        return person_nouns(self.text, self.people, self.q_starts, self.q_ends, self._inside, self._is_subject)

    # ------------------------------------------------------------------ helpers

    def _inside(self, pos: int) -> bool:
        i = bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.q_starts[i] < pos < self.q_ends[i]

    def _quoted_before(self, pos: int) -> int:
        """Return how many quoted characters lie before `pos`."""
        i = bisect_right(self.q_starts, pos)
        if i == 0:
            return 0
        return self.q_cum[i] - max(0, self.q_ends[i - 1] - pos)

    def narration(self, a: int, b: int) -> int:
        """Return the length of text[a:b] outside quotes."""
        return (b - a) - (self._quoted_before(b) - self._quoted_before(a)) if b > a else 0

    def gender(self, canon: str | None) -> str:
        """Return "m", "f" or "" for a canonical name or person noun phrase."""
        if not canon:
            return ""
        g = self.people.gender(canon)
        if g or not canon.startswith("the "):
            return g
        return PERSON_GENDER.get(canon.rsplit(" ", 1)[-1], "")

    def _is_subject(self, c: Candidate) -> bool:
        """Return True when the mention opens a clause and a verb follows it (titles and appositives aside)."""
        if c.subject is None:
            words = self.text[max(0, c.start - 80):c.start].split()
            # "AFP Global News Director Phil Chetwynd", "spokesman Dmitry Peskov": look before the title
            # (all of it when the title opens the text: "Governor John Hale said …")
            keep = 0 if c.start <= 80 else 1
            while len(words) > keep and _in_title(words[-1]):
                words.pop()
            before = " ".join(words) + " " if words else ""
            c.subject = bool(_CLAUSE_START.search(before[-30:])) and bool(_VERB_AFTER.match(self.text, c.end)) \
                or bool(_ACCORDING_BEFORE.search(before[-60:]))  # "according to expert Tom Roe": its source
        return c.subject

    def add_speaker(self, start: int, end: int, canon: str | None) -> None:
        """Record the subject of a speech cue (a speaker is always a subject)."""
        if canon and (not self.spoken or start >= self.spoken[-1].start):
            gender = self.gender(canon)
            strength = 2 if gender or self.people.is_person(canon) or person_np(canon) else 1
            self.spoken.append(Candidate(start, end, canon, gender, strength, True, True))
            self.spoken_starts.append(start)
            self.first_spoken.setdefault(canon, start)

    def _backwards(self, pos: int) -> Iterator[Candidate]:
        """Yield the candidates before `pos`, latest first: mentions and speakers merged."""
        cands, spoken = self.cands, self.spoken
        i = bisect_left(self.starts, pos) - 1
        j = bisect_left(self.spoken_starts, pos) - 1
        while i >= 0 or j >= 0:
            if i >= 0 and j >= 0 and cands[i].start == spoken[j].start:
                i -= 1  # "A head teacher at the school said": the speaker as the cue named them, once
            elif j < 0 or i >= 0 and cands[i].start > spoken[j].start:
                yield cands[i]
                i -= 1
            else:
                yield spoken[j]
                j -= 1

    # ------------------------------------------------------------------ queries

    def name_of(self, subj: Subject, depth: int = 0, speaker: str | None = None) -> str | None:
        """Return the canonical name a cue's subject refers to (None for "I" or an unknown).

        `speaker` is someone a pronoun cannot mean: for a subject inside a quote (`depth` > 0) the
        one speaking it, else the one whose turn this quote answers.
        """
        if subj.kind == "name":
            return self.people.canonical(subj.text)
        if subj.kind == "org":
            return subj.text
        if subj.kind == "np":
            return self._noun_phrase(subj)
        low = subj.text.lower()
        if low == "they":
            return self._group(subj.start)
        if low == "it":
            return self._thing(subj.start)
        if low == "i" and depth > 0:
            return speaker  # “… I said, ‘I’ve never seen it.’”: the one speaking the outer quote
        if low not in ("he", "she"):
            return None
        gender = "m" if low == "he" else "f"
        if depth > 0:
            found = self._in_speech_antecedent(subj.start, gender, speaker)
            if found:
                return found
        skip = frozenset((speaker,)) if speaker and depth == 0 else frozenset()
        s0 = self._sentence_start(subj.start)
        if depth:
            return self.antecedent(subj.start, gender, s0, skip)
        if _ASKED_OPENER.match(self.text, s0, subj.start):
            return self.antecedent(s0, gender, s0, skip)
        answerer = self._interviewee(subj.start, s0, gender, skip)
        if answerer:
            return answerer
        found = self._chained(subj.start, gender, s0, skip, CHAIN_STEPS)
        if skip and speaker and self.gender(found) != gender and self.gender(speaker) == gender:
            # "“The question is — what is the best way …?” said Emily Seidel, chief executive of
            # Americans for Prosperity. “…,” she said": the asker is the only she; no answer here
            return speaker
        return found

    def _interviewee(self, pos: int, s0: int, gender: str, skip: frozenset[str]) -> str | None:
        """Return who answers the writer's question ("I ask if Tom Brown … “…,” he snaps"), else None.

        The he/she is the one interviewed, not someone the question is about: of the people of
        that gender named before, outside the question, the one the document names most.
        """
        prev = self._sentence_start(max(0, s0 - 1)) if s0 else s0
        if not any(not self._inside(m.start()) for m in _WRITER_ASKS.finditer(self.text, prev, pos)):
            return None
        lo = max(0, pos - NARRATION_LIMIT)
        # every question the writer put before is about its topic, not the one answering
        asked = [m for m in _WRITER_ASKS.finditer(self.text, lo, pos) if not self._inside(m.start())]
        counts: dict[str, int] = {}
        for c in self._backwards(pos):
            if c.start < lo:
                break
            if c.spoken or c.canon in skip or c.gender != gender or c.strength < 2:
                continue
            if any(m.end() <= c.start and not re.search(r"[.!?]\s", self.text[m.end():c.start]) for m in asked):
                continue  # named in the question: what it is about, not who answers
            counts[c.canon] = 0
        if not counts:
            return None
        for m in self.people.mentions:
            if m.canon in counts and not m.inside:
                counts[m.canon] += 1
        return max(counts, key=counts.__getitem__)  # on a tie the latest named (max keeps the first)

    def _chained(self, pos: int, gender: str, s0: int, skip: frozenset[str], steps: int) -> str | None:
        """Return whom a he/she means when the sentence before opens with a he/she of its gender: that one's referent.

        `In Lind’s case, she chose to stay. “…,” she went on.`: the second "she" goes on with the
        first, whose own sentence says who she is, not with an older sentence's subject.
        """
        if steps and s0 > 0 and not self._fits_in(s0, pos, gender):
            prev = self._sentence_start(s0 - 1)
            m = _PRONOUN_OPENS.match(self.text, prev, s0)
            if m and (m.group("p").lower() == "he") == (gender == "m") and not self._inside(m.start("p")):
                return self._chained(m.start("p"), gender, prev, skip, steps - 1)
        return self.antecedent(pos, gender, s0, skip)

    def _fits_in(self, lo: int, hi: int, gender: str) -> bool:
        """Return True when a candidate a he/she of `gender` can mean stands in text[lo:hi]."""
        for k in range(bisect_left(self.starts, lo), bisect_left(self.starts, hi)):
            c = self.cands[k]
            if c.gender == gender or not c.gender and c.strength == 2:
                return True
        return False

    def _sentence_start(self, pos: int) -> int:
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[i] if i >= 0 else 0

    def _group(self, at: int) -> str | None:
        """Return the group a "they said" means: the last speaker named as several ("the lawmakers")."""
        for c in reversed(self.spoken):
            if at - c.start > GROUP_CHARS:
                break
            words = self.text[c.start:c.end].split()
            plural = words and words[-1].endswith("s") and not words[-1].endswith(("ss", "’s", "'s"))
            if c.start < at and plural and (len(words) >= 2 and words[0].lower() in ("the", "its", "their")
                                            or words[0].islower()):
                return c.canon  # "the lawmakers", "officials", "two people familiar with the talks"
        return None

    def _thing(self, at: int) -> str | None:
        """Return what an "it said" means: the last speaker that is no person ("the letter", "World Athletics")."""
        for c in reversed(self.spoken):
            if at - c.start > GROUP_CHARS:
                break
            if c.start >= at or c.gender:
                continue
            # "the letter stated … It described …", "World Athletics said … It added …"; if the
            # last speaker was a person, an "it" is not them
            return c.canon if is_thing(self.text[c.start:c.end], c.canon) else None
        # nobody spoke: the thing the sentence before is about ("The charter was signed in 1950.
        # “…,” it reads")
        s0 = self._sentence_start(at)
        if s0 == 0:
            return None
        s1 = self._sentence_start(s0 - 1)
        org = _ORG_OPENS.match(self.text, s1, s0)
        if org is not None and is_thing(org.group("np"), org.group("np")):
            return org.group("np")
        m = _THING_OPENS.match(self.text, s1, s0)
        if m is None or not is_thing(m.group("np"), m.group("np")):
            return None
        return "the " + m.group("np").split(None, 1)[1]

    def _noun_phrase(self, subj: Subject) -> str:
        """Return whom a noun phrase subject means: a role's holder, a relative, an organisation, else itself."""
        words = subj.text.split()
        role = role_head(subj.text)
        # (an indefinite one is someone new: "According to The Mirror, a hospital spokesman said")
        found = self.people.by_role(role, subj.start) if role and words[0].lower() not in ("a", "an") else None
        if found:
            return found
        named = name_after(self.text, subj.text, subj.end, self.people) or \
            introduced_name(self.text, subj.text, subj.start, self.people)
        if named:
            return named  # "the boy's father, Jason Steward, … the boy's father wrote"
        head = words[-1].lower()
        if head in PUBLICATION_NOUNS and words[0].lower() in ("the", "its", "their"):
            outlet = cited_outlet(self.text, subj.start, self.people, [(c.start, c.canon) for c in self.spoken])
            if outlet:
                return outlet  # "…, reports PandoDaily. … the site notes": the outlet last cited
        if len(words) == 2 and words[0].lower() in ("his", "her"):
            # "his wife": the possessor's relative, when the document names one
            owner = self.antecedent(subj.start, "m" if words[0].lower() == "his" else "f",
                                    self._sentence_start(subj.start))
            relative = relative_of(self.people, head, owner)
            if relative:
                return relative
            kin = head.removeprefix("step-").removeprefix("step")
            if kin in PERSON_GENDER:
                # "Ogden celebrated his victory … “…,” said his step-son": the one just named, when
                # the surname does not tell (a step-son, a son-in-law, a married daughter)
                named = self.named_referent(subj.start, PERSON_GENDER[kin], {owner} if owner else set())
                if named:
                    return named
        relative = named_relative(self.people, subj.text)  # "Sotloff's mother said"
        if relative:
            return relative
        source = document_source(subj.text)
        if source is not None:
            # "a statement from the White House": whoever it is from
            who = classify(source[0], subj.start + source[1])
            named = self.name_of(who) if who is not None and who.kind != "pron" else None
            if named:
                return named
        if head in DOCUMENT_NOUNS and words[0].lower() in ("the", "that", "this") and len(words) <= 3:
            issuer = self._issuer(subj.start, head)
            if issuer:
                return issuer  # "The clinic sent CNN a statement … “…,” the statement said": the clinic
        if words[0].lower() == "the" and head in HEAD_SET and any(
                c.canon == nominal_canon(words) for c in self.spoken if c.start < subj.start):
            # "A hospital spokesman said … The hospital spokesman added": the one who spoke, not a
            # named person mentioned in between
            return nominal_canon(words)
        if len(words) >= 3 and words[0].lower() == "the" and words[1].lower() in ("former", "ex-", "late") and role:
            named = self._most_named_before(subj.start)
            if named:
                return named  # "the former mayor argued": someone the story is about, not a newcomer
        if words[0].lower() == "the" and head in HEAD_SET:
            named = self.named_referent(subj.start, PERSON_GENDER.get(head, ""), set())
            if named:
                return named
        am = _DESCRIBED.fullmatch(subj.text)
        if am:
            # "Maria Lopez, 45, … the 45-year-old said", "the mother-of-two said": the one just named
            named = self.named_referent(subj.start, PERSON_GENDER.get(am.group("kin") or "", ""), set())
            if named:
                return named
        if self.lede is not None and words[0].lower() == "the" and head == self.lede[0]:
            return self.lede[1]  # the woman the story opened on, named in its next sentences
        if words[0].lower() in ("the", "a", "an") and head in PERSON_GENDER:
            return nominal_canon(words)
        return organisation(self.text, subj.text, subj.start, self._inside) or self._org_opening(subj) or subj.text

    def _issuer(self, at: int, noun: str) -> str | None:
        """Return who released the document "the <noun>" at `at` means: the subject of the last
        "<someone> released / sent / posted … a <noun>" before it ("The department released a
        statement on the case … “…,” read the statement"), resolved; else None."""
        found = [m for m in ISSUED.finditer(self.text, max(0, at - ISSUER_CHARS), at)
                 if m.group("noun") == noun and not self._inside(m.start())]
        if not found:
            return None
        s0 = self._sentence_start(found[-1].start())
        who = issuer_subject(self.text[s0:found[-1].start()], s0)
        return self.name_of(who) if who is not None else None

    def _org_opening(self, subj: Subject) -> str | None:
        """Return the organisation "the company" means when the sentence before opens with it, else None.

        "Acme wouldn’t confirm how many users it has. But the company previously reported …":
        Acme, a one-word name that is no one's surname and has no he or she.
        """
        m = _ORG_NP.fullmatch(subj.text)
        if m is None or m.group("head") not in _FIRM_NOUNS:
            return None
        s0 = self._sentence_start(subj.start)
        if s0 == 0:
            return None
        opens = _NAME_OPENS.match(self.text, self._sentence_start(s0 - 1), s0)
        if opens is None:
            return None
        name = opens.group("name")
        canon = self.people.canonical(name) or name
        if self.people.gender(canon) or canon.split()[-1] == name != canon:
            return None  # a person: "Salazar" is Matt Salazar
        return name

    def _most_named_before(self, pos: int) -> str | None:
        """Return the person the narration before `pos` names most often (at least 3 times, by a full name), else None."""
        counts: dict[str, int] = {}
        for m in self.people.mentions:
            if m.start >= pos:
                break
            if not m.inside and m.person:
                counts[m.canon] = counts.get(m.canon, 0) + 1
        best = max(counts, key=lambda k: counts[k], default=None)
        if best is None or counts[best] < 3 or " " not in best:
            return None
        return best

    def named_referent(self, pos: int, gender: str, exclude: set, depth: int = 0) -> str | None:
        """Return the named person a definite person noun before `pos` most likely means, else None.

        The nearest fitting person decides: another unnamed one ("a porter") means no name. Two
        mentions do not: a definite description ("Garth Brooks … the self-effacing
        singer-songwriter … the 52-year-old joked"), which means whom it means, and a possessive
        ("Bieber’s melody scared the bear. … The man said"), which names an owner, not the one the
        story follows — taken only when no one else fits.
        """
        owner = None
        for c in self._backwards(pos):
            if self.narration(c.end, pos) > NAMED_NP_CHARS:
                break
            if c.strength < 2 or c.canon in exclude:
                continue
            if gender and c.gender != gender:
                continue
            if not c.canon[:1].isupper():
                if c.canon.startswith("the "):
                    named = self.named_referent(c.start, gender, exclude, depth + 1) if depth < 2 else None
                    if named:
                        return named
                    continue
                return None
            if self.text.startswith(("’s", "'s"), c.end):
                owner = owner or c.canon
                continue
            return c.canon
        return owner

    def _in_speech_antecedent(self, at: int, gender: str, speaker: str | None) -> str | None:
        """Return whom a pronoun inside a quote means: the last person the speech named before it."""
        lo = max(0, at - IN_SPEECH_WINDOW)
        role_at, role_name = -1, None
        for rm in _THE_NOUN.finditer(self.text, lo, at):
            head = role_head(rm.group(0))
            found = self.people.by_role(head, rm.start()) if head else None
            if found and found != speaker and (not gender or self.people.gender(found) in ("", gender)):
                role_at, role_name = rm.start(), found
        m = self.people.nearest(at, gender, skip=[speaker] if speaker else [], limit=IN_SPEECH_WINDOW,
                                outside_quotes=False)
        if m is not None and m.start > role_at:
            return m.canon
        return role_name

    def antecedent(self, pos: int, gender: str, sentence_start: int, skip: frozenset[str] = frozenset()) -> str | None:
        """Return whom a he/she at `pos` means: see the module docstring for the order."""
        subject: Candidate | None = None
        latest: Candidate | None = None
        weak: Candidate | None = None
        for c in self._backwards(pos):
            if c.end > pos or c.canon in skip:
                continue
            far = self.narration(c.end, pos)
            if far > NARRATION_LIMIT or far > SUBJECT_LIMIT and latest is not None:
                break  # nothing further back can change the answer
            fits = c.gender == gender or not c.gender and c.strength == 2
            if not fits:
                if weak is None and not c.gender:
                    weak = c
                continue
            if c.start >= sentence_start:
                if c.gender or not self._other_pronoun_between(c.end, pos, gender):
                    return c.canon
                # "As Ramaswamy played down the boos he faced, she added": the "he" was his
                continue
            if latest is None:
                latest = c
            if far <= SUBJECT_LIMIT and self._is_subject(c):
                subject = self._main_subject_of_sentence(c, gender, skip)
                if subject is c and not c.spoken and self._subordinate(c):
                    # "“…,” he said. However, after Alex had changed his mind, Ms Nash realised …
                    # “…,” he said": a subordinate clause's subject is no new topic; the last
                    # speaker of the gender goes on
                    subject = self._last_speaker(c.start, pos, gender, skip) or c
                break
        if subject is not None and latest is not None and latest is not subject and self._introduced_just_before(
                latest, subject, sentence_start):
            # "Among those who fled was Mara Lind, 25. “…,” she said": a person introduced by
            # full name in the sentence just before speaks, not an older sentence's subject
            return latest.canon
        best = subject or latest or weak
        if best is not None and best.gender == gender and not best.spoken:
            reporter = self._reporter_of(best, pos)
            if reporter is not None:
                return reporter.canon
        return best.canon if best else None

    def _reporter_of(self, c: Candidate, pos: int) -> Candidate | None:
        """Return who introduced `c` in their own reported account, when a he/she at `pos` should mean them.

        "Tom Brown said the lease went in 2014 to one Mr Green … Mr Green then sold it. “…,” he
        said.": Green is what Brown's account is about; the one speaking is Brown.
        """
        first = self.first_at.get(c.canon, c.start)
        s = self._sentence_start(first)
        verb = None
        for verb in _REPORTING_VERB.finditer(self.text, s, first):
            pass
        if verb is None or self._inside(verb.start()):
            return None
        reporter = self.main_subject(s, verb.start())
        if reporter is None or reporter.canon == c.canon or self.gender(reporter.canon) != c.gender \
                or self.narration(reporter.end, pos) > SUBJECT_LIMIT:
            return None
        if self.first_spoken.get(c.canon, pos) < pos:
            return None  # Green has spoken himself since
        return reporter

    def _introduced_just_before(self, latest: Candidate, subject: Candidate, sentence_start: int) -> bool:
        """Return True when `latest` is first named, by a full name, in the sentence before `sentence_start`."""
        prev_start = self._sentence_start(max(0, sentence_start - 1))
        while prev_start > 0 and self._inside(prev_start + 1):
            # "Dr Aseem Malhotra questioned … “…. People exercise …,” he said": the sentence
            # before is the narration's, not one inside the quote
            prev_start = self._sentence_start(prev_start - 1)
        return (latest.start >= prev_start > subject.start and latest.strength == 2 and latest.canon[:1].isupper()
                and " " in latest.canon
                and self.first_at.get(latest.canon) == latest.start and not latest.spoken
                and self.text[latest.end:latest.end + 1] not in ("’", "'"))

    def _main_subject_of_sentence(self, c: Candidate, gender: str, skip: frozenset[str]) -> Candidate:
        """Return the first fitting subject of `c`'s sentence outside a subordinate clause, else `c`.

        "Trump said in his proclamation that his nominee, Howard Lutnick, had informed him …
        He also said …": the next sentence's "he" goes on with the main clause's subject.
        """
        if c.spoken:
            return c  # a cue's subject heads its own clause: "…,” Philippine exercise director … Blanco told reporters"
        s0 = self._sentence_start(c.start)
        best = c
        for other in self._backwards(c.start):
            if other.start < s0:
                break
            if other.canon in skip or not (other.gender == gender or not other.gender and other.strength == 2):
                continue
            between = self.text[other.end:best.start].replace(",", " ").split()
            if all(_in_title(w) or w in QUALIFIERS for w in between):
                continue  # a title or appositive of the same person: "MEC for … Traditional Affairs, Jacob Mamabolo"
            if self._is_subject(other) and not _SUBORDINATE.search(self.text, max(s0, other.start - 12), other.start):
                best = other
        return best

    def _subordinate(self, c: Candidate) -> bool:
        """Return True when the candidate is the subject of a subordinate clause ("after Alex had …")."""
        s0 = self._sentence_start(c.start)
        return _SUBORDINATE.search(self.text, max(s0, c.start - 12), c.start) is not None

    def _last_speaker(self, before: int, pos: int, gender: str, skip: frozenset[str]) -> Candidate | None:
        """Return the latest speaker of `gender` before `before`, when close enough to `pos` (narration chars)."""
        j = bisect_left(self.spoken_starts, before) - 1
        while j >= 0:
            sp = self.spoken[j]
            if self.narration(sp.end, pos) > SUBJECT_LIMIT:
                return None
            if sp.gender == gender and sp.canon not in skip:
                return sp
            j -= 1
        return None

    def _other_pronoun_between(self, a: int, b: int, gender: str) -> bool:
        """Return True when a he/she of the other gender stands in the narration between `a` and `b`."""
        other = _OTHER_PRONOUN[gender]
        return any(not self._inside(m.start()) for m in other.finditer(self.text, a, b))

    def main_subject(self, lo: int, hi: int) -> Candidate | None:
        """Return the person in subject position in text[lo:hi], a main clause's before a subordinate one's."""
        found = None
        for k in range(bisect_left(self.starts, lo), bisect_left(self.starts, hi)):
            c = self.cands[k]
            if c.strength < 2 or not self._is_subject(c):
                continue
            if not _SUBORDINATE.search(self.text, max(lo, c.start - 12), c.start):
                return c
            found = found or c
        return found
