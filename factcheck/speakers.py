"""The people a document names, and whom a pronoun, a role or a surname means there.

`PeopleIndex` finds the person names a document mentions (with the titles and honorifics
around them), infers gender from honorifics and from the pronouns that follow a name, and
resolves "he", "the spokesman" and "Vance" to one canonical name per person ("J.D. Vance").
The name matcher itself (`same_person`, `fold_names`, aliases) lives in `names` and is
re-exported here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .givennames import GIVEN_NAME_GENDER
from .names import (
    DEMONYMS,
    HONORIFIC_GENDER,
    NAME_RUN,
    NOT_NAME,
    ORG_WORDS,
    PRONOUN_GENDER,
    QUALIFIERS,
    ROLE_GENDER,
    ROLE_WORDS,
    TITLE_ALIASES,
    alias_group,
    display,
    fold_names,
    looks_like_person,
    name_key,
    norm,
    person_tail,
    same_person,
    split_name,
)

__all__ = ["NAME_RUN", "NOT_NAME", "ROLE_WORDS", "Mention", "PeopleIndex", "alias_group", "fold_names",
           "looks_like_person", "name_key", "same_person", "split_name"]

def given_gender(token: str) -> str:
    """Return the gender a given name usually has ("Emma" -> "f"), else "" (also for an acronym:
    "ISIS" is no Isis)."""
    return "" if len(token) > 1 and token.isupper() else GIVEN_NAME_GENDER.get(norm(token), "")


@lru_cache(maxsize=65536)
def _read_run(run: str) -> tuple[str, int, tuple[str, ...], str, bool, bool] | None:
    """Return (name, its offset in the run, roles, gender, maybe a person, maybe a person of 2+ words) for a run.

    None when the run cannot name a person. The same run ("Mr. Bennet") recurs all through a
    document, so this is worked out once per spelling.
    """
    roles, tokens, gender = split_name(run)
    if not tokens:
        return None
    bare = [t for t in tokens if norm(t) not in HONORIFIC_GENDER] or tokens
    maybe_person = looks_like_person(bare)
    if not maybe_person and (tail := person_tail(tokens)):
        tokens = bare = tail  # "Secretary of State Marco Rubio": the run reads "State Marco Rubio"
        maybe_person = True
    if not maybe_person and (len(bare) < 2 or len(bare) > 4 or norm(bare[0]) in ORG_WORDS):
        return None  # kept only as a possible person a cue may vouch for ("Serhii Radio")
    # a full name alone is not yet a person ("Truth Social", "Etlaq Fan Experience"): a
    # title, an honorific, a given name, a later bare surname, a he/she or a speech cue must say so
    if not gender and maybe_person and len(bare) >= 2:
        gender = given_gender(bare[0])
    return display(tokens), max(run.find(tokens[0]), 0), tuple(roles), gender, maybe_person, \
        maybe_person and len(bare) >= 2


@lru_cache(maxsize=65536)
def _word_before(word: str) -> tuple[str, bool, bool]:
    """Return (folded word, a role word?, may a title go on before it?) for a word before a name run."""
    low = norm(word.strip(",;:()"))
    return low, low in ROLE_WORDS, low in QUALIFIERS or word[:1].isupper()


_APPOSITIVE_WORDS = re.compile(r",[ \t]+(?:(?:the|a|an)[ \t]+)?([^,;:.!?“”\"()\n]{1,80})")
_APPOSITIVE_STOP = frozenset("of for at in on with from to and or who which whose that since".split())


def _appositive_roles(text: str, at: int) -> list[str]:
    """Return the role words of an appositive after a name (", Al Jazeera's manager of …" -> ["manager"])."""
    m = _APPOSITIVE_WORDS.match(text, at)
    if m is None:
        return []
    roles = []
    for word in m.group(1).split()[:6]:
        low = norm(word)
        if low in _APPOSITIVE_STOP:
            break
        if low in _SPEECH_AFTER:
            return []  # "According to The Mirror, a hospital spokesman said": a new sentence's subject
        if low in ROLE_WORDS:
            roles.append(low)
    return roles


_SPEECH_AFTER = frozenset("said says told added explained insisted stated confirmed".split())


MAX_PRONOUN_DISTANCE = 2500  # chars back to look for a pronoun's antecedent (a few paragraphs)
GENDER_VOTE_WINDOW = 200  # a he/she this close after a lone named person votes for that person's gender
# he she his her him himself herself; the lookahead and the shared prefixes let the regex engine
# skip non-candidates at C speed (3.5x faster than the plain alternation, same matches)
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an)\s+$", re.I)
_PRONOUNS = re.compile(r"(?=[hs])\b(?:h(?:e(?:r(?:self)?)?|i(?:s|m(?:self)?))|she)\b", re.I)


# Organisation words that are also surnames ("Serhii Radio", "Rosa Parks", "Doris Day"): no
# evidence alone that a name is no person's.
_SURNAME_LIKE_ORG = frozenset("radio park house street lake day bay church coast river island summit hotel".split())


def _org_like(name: str) -> bool:
    """Return True for a name an organisation's word ends or fills ("Virgin Media", "Nicaraguan
    Army", "Seismic Institute"): no he or she stands for it."""
    words = name.split()
    return len(words) > 1 and (norm(words[0]) in DEMONYMS or any(
        norm(w) in ORG_WORDS and norm(w) not in _SURNAME_LIKE_ORG for w in words[1:]))


def _personish(m: Mention) -> bool:
    """Return True when a mention can be a person before anything else is known."""
    return bool(m.roles or m.gender) or len(name_key(m.name)[0]) >= 2


def _majority(counter: Counter[str]) -> str:
    """Return the clear winner of a gender vote ("" when the vote is close)."""
    ranked = counter.most_common(2) + [("", 0)]
    (top, n), (_, second) = ranked[0], ranked[1]
    return top if n and n > 2 * second else ""


# ---------------------------------------------------------------------------- one document


class Mention:
    """A person named in the text: where, as what, and who it resolves to."""

    __slots__ = ("start", "end", "name", "roles", "gender", "inside", "person", "canon", "maybe")

    def __init__(self, start: int, end: int, name: str, roles: list[str], gender: str, inside: bool,
                 person: bool) -> None:
        self.start, self.end, self.name, self.roles = start, end, name, roles
        self.gender, self.inside, self.person = gender, inside, person
        self.canon = name  # the person's fullest name in the document
        self.maybe = person  # could be a person (a name of two or more words), even without evidence


def _namesake(options: list[str], last_seen: dict[str, int], speakers: frozenset[str], at: int, name: str) -> str:
    """Return which of the full names a bare surname at `at` means, given those seen so far (`last_seen`).

    Of two namesakes already named, the one a cue made a speaker ("the boy, Aiden Steward … his
    father, Jason Steward, told … “…,” Steward said"), else the one named last; one named only
    later ("Leelah Alcorn … Alcorn wrote … her mother Carla Alcorn") is not yet a choice.
    """
    seen = [f for f in options if f in last_seen]
    spoke = [f for f in seen if f in speakers]
    if len(spoke) == 1 and len(seen) > 1:
        return spoke[0]
    return max(seen, key=lambda f: last_seen[f]) if seen else options[0] if options else name


_HELD_AT = frozenset(("of", "at", "for"))  # "<role> of the <name>": the name is the place or body, not the person
_IN_BEFORE = re.compile(r"(?<![\w’'-])(?:in|In|into|Into)[ \t]+$")


# The last words of publications' and programmes' names: "BuzzFeed News", "Daily Mirror".
_OUTLET_HEADS = frozenset("""news times post press mail mirror telegraph gazette chronicle magazine
    show express journal herald tribune globe inquirer examiner bulletin""".split())


def _is_outlet(name: str, text: str) -> bool:
    """Return True when a speaker's name is a publication's or an organisation's, not a person's:
    it takes an article ("The Daily Mail reports", "told the Austrian Times") or ends in a
    publication's head word ("BuzzFeed News")."""
    words = name.split()
    if words[0] in ("The", "the") or norm(words[-1]) in _OUTLET_HEADS and len(words) > 1:
        return True
    return re.search(rf"(?<![\w])[Tt]he\s+{re.escape(name)}(?![\w])", text) is not None


class PeopleIndex:
    """The people a document names, for resolving surnames, pronouns and roles to one name."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] | None = None, speakers: Iterable[str] = (),
                 quoting: Iterable[str] = ()) -> None:
        """Index `text`; `quoted` spans hold speech; `speakers` are names a cue made subjects of speech.

        `quoting` are those of them a cue gives a direct quote.
        """
        self.text = text
        quoted = sorted(quoted or [])
        q_starts = [s for s, _ in quoted]
        self.mentions: list[Mention] = []
        for m in NAME_RUN.finditer(text):
            found = _read_run(m.group(0))
            if found is not None:  # most runs that name no one stop here, without a method call
                self.mentions.append(self._mention(m, found, quoted, q_starts))
        self.offsets = [m.start for m in self.mentions]
        self._cluster(self._votes(quoted, q_starts), frozenset(quoting))
        for name in speakers:
            self.mark_person(name)

    def _mention(self, m: re.Match[str], found: tuple[str, int, tuple[str, ...], str, bool, bool],
                 quoted: list[tuple[int, int]], q_starts: list[int]) -> Mention:
        name, offset, run_roles, gender, maybe_person, maybe = found
        roles = list(run_roles)
        run_start = m.start()
        start = run_start + offset
        # lower-case roles just before the run: "spokesman Dmitry Peskov", "the senator from Ohio"
        # (rsplit stops after the last three words: the same three as split()[-3:])
        before = self.text[max(0, run_start - 60):run_start].rsplit(None, 3)
        words = before[-3:]
        if len(words) >= 2 and words[-1].lower() == "the" and words[-2].lower() in _HELD_AT:
            words = []  # "Manager of the Plymouth ski centre", "a spokesman for the Pentagon": the run is where the role is held
        for word in reversed(words):
            if word[-1:] in ".!?":
                break  # "… dismissed by the president. Defending that decision": a sentence ended there
            low, is_role, goes_on = _word_before(word)
            if is_role:
                roles.insert(0, low)
                gender = gender or ROLE_GENDER.get(low, "")
            elif not goes_on:
                break
        if not gender and before and (kin := norm(before[-1].strip(",;:"))) in ROLE_GENDER and maybe_person:
            # "Conner's father Donnell", "the boy's father, Jason Steward": the kin noun says the gender
            gender = ROLE_GENDER[kin]
        i = bisect_right(q_starts, start) - 1
        inside = i >= 0 and quoted[i][0] < start < quoted[i][1]
        if maybe_person and not inside and self.text.startswith(",", m.end()):
            # "Ihtisham Hibatullah, Al Jazeera's manager of …": a person, and "the manager" later
            # (not in speech, where "Good-evening, doctor" speaks to someone)
            for low in _appositive_roles(self.text, m.end()):
                roles.append(low)
                gender = gender or ROLE_GENDER.get(low, "")
        if not gender and maybe_person and not maybe and (hint := given_gender(name)) and not inside:
            # a capitalised given name inside a sentence ("… looked at Philip.") is that person;
            # at a sentence start it may be a word ("Will you …", "Grace was said")
            lead = self.text[max(0, run_start - 6):run_start].rstrip()
            if lead and lead[-1] not in ".!?:;”\"’'—–-(" and not lead.lower().endswith("the"):
                gender = hint
        person = bool(roles or gender) and maybe_person
        mention = Mention(start, start + len(name), name, roles, gender, inside, person)
        mention.maybe = maybe
        return mention

    def _cluster(self, votes: dict[str, Counter[str]], speakers: frozenset[str] = frozenset()) -> None:
        """Give every mention the fullest name of its person ("Vance" -> "J.D. Vance").

        A bare surname (or "Mr. Linden") goes to the full name with that surname mentioned
        last before it whose gender fits; a first name alone to the one full name it starts.
        """
        raw_gender: dict[str, str] = {}
        for m in self.mentions:
            if m.gender:
                raw_gender.setdefault(m.name, m.gender)
        for m in self.mentions:
            if m.name not in raw_gender and (hint := given_gender(m.name.split()[0])):
                # a lone given name ("Kitty") leans to its usual gender; the he/she around it may overrule
                votes.setdefault(m.name, Counter())[hint] += 2
        for name, counter in votes.items():
            if name not in raw_gender:
                raw_gender[name] = _majority(counter)
        fulls: dict[str, str] = {}  # key -> display form of each full name
        for m in self.mentions:
            tokens, _ = name_key(m.name)
            if len(tokens) >= 2:
                key = " ".join(tokens)
                if key not in fulls or len(m.name) > len(fulls[key]):
                    fulls[key] = m.name
        by_surname: dict[str, list[str]] = {}
        by_first: dict[str, set[str]] = {}
        for full in fulls.values():
            tokens = name_key(full)[0]
            by_surname.setdefault(tokens[-1], []).append(full)
            by_first.setdefault(tokens[0], set()).add(full)
        last_seen: dict[str, int] = {}
        assigned: dict[str, dict[str, int]] = {}  # name -> {canonical form: mentions}, in first-seen order
        fixed: dict[str, str] = {}  # a full name's canonical form does not depend on where it stands
        choices: dict[str, list[str]] = {}  # the full names a surname or first name alone can be
        for m in self.mentions:
            name = m.name
            if name in fixed:
                canon = fixed[name]
            elif name in choices:
                canon = _namesake(choices[name], last_seen, speakers, m.start, name)
            else:
                tokens, _ = name_key(name)
                if len(tokens) >= 2:
                    canon = fulls[" ".join(tokens)]
                    # "JD Vance" and "J.D. Vance", "James Vance" and "James D. Vance": one person
                    for other in by_surname.get(tokens[-1], []):
                        if other != canon and same_person(other, canon) and len(other) > len(canon):
                            canon = other
                    fixed[name] = canon
                else:
                    gender = raw_gender.get(name, "")
                    options = [f for f in by_surname.get(tokens[0], []) if same_person(name, f)
                               and (not gender or raw_gender.get(f, "") in ("", gender))] if tokens else []
                    if gender and any(raw_gender.get(f, "") == gender for f in options):
                        # "Mr. Pett" is "Mr. Peter Pett", not "Nesta Ford Pett" whose gender no one gave
                        options = [f for f in options if raw_gender.get(f, "") == gender]
                    if not options and tokens and len(by_first.get(tokens[0], ())) == 1:
                        options = list(by_first[tokens[0]])
                    choices[name] = options
                    canon = _namesake(options, last_seen, speakers, m.start, name)
            m.canon = canon
            last_seen[canon] = m.start
            counts = assigned.get(name)
            if counts is None:
                assigned[name] = {canon: 1}
            else:
                counts[canon] = counts.get(canon, 0) + 1
        # the commonest form, the first seen on a tie (what Counter.most_common(1) gives, without a
        # Counter built per mention)
        self.canonical_of = {name: max(c, key=c.__getitem__) for name, c in assigned.items()}
        self.full_people = list(fulls.values())
        gender_votes: dict[str, Counter[str]] = {}
        for m in self.mentions:
            g = m.gender or raw_gender.get(m.name, "")
            if g:
                gender_votes.setdefault(m.canon, Counter())[g] += 3 if m.gender else 1
        self.gender_of = {name: g for name, c in gender_votes.items() if (g := _majority(c))}
        # a full name later cut to its surname ("Trump"), or a two-word name to its first ("Jock")
        # (an organisation's name cut short is no person: "Virgin Media … Virgin is planning")
        shortened = {m.canon for m in self.mentions if m.canon != m.name and len(name_key(m.name)[0]) == 1
                     and (name_key(m.name)[0][0] == name_key(m.canon)[0][-1] or len(name_key(m.canon)[0]) == 2)
                     and not _org_like(m.canon)}
        self._people = {m.canon for m in self.mentions if m.person} | shortened
        self._vouched = {m.canon for m in self.mentions if m.roles or m.gender} | shortened
        places = self._places()
        if places:
            # "to Las Vegas … a team in Vegas": a place, whatever he/she follows it and however short
            self._people -= places
            self._vouched -= places
            self.gender_of = {k: g for k, g in self.gender_of.items() if k not in places}
            for m in self.mentions:
                if m.canon in places:
                    m.person = False
        for m in self.mentions:
            m.person = m.person or m.canon in self._people
        self.role_heads = {r for m in self.mentions for r in m.roles}
        self._by_surname: dict[str, set[str]] = {}
        for m in self.mentions:
            tokens = name_key(m.canon)[0]
            if tokens:
                self._by_surname.setdefault(tokens[-1], set()).add(m.canon)

    def _places(self) -> set[str]:
        """Return the canonical names the text puts a thing in ("a team in Vegas"): places, not people.

        A name that a title, an honorific or a given name makes a person is never one.
        """
        found = set()
        for m in self.mentions:
            if m.roles or m.gender or m.inside or self.text[m.end:m.end + 1] in ("’", "'"):
                continue
            if _IN_BEFORE.search(self.text, max(0, m.start - 6), m.start):
                found.add(m.canon)
        return {c for c in found if not given_gender(c.split()[0]) and not any(
            n.roles or n.gender for n in self.mentions if n.canon == c)}

    def _votes(self, quoted: list[tuple[int, int]], q_starts: list[int]) -> dict[str, Counter[str]]:
        """Return he/she votes per name: a pronoun soon after a lone mention of someone."""
        votes: dict[str, Counter[str]] = {}
        gendered = {m.name for m in self.mentions if m.gender}  # an honorific or a title already says
        text, mentions = self.text, self.mentions
        for j, near in enumerate(mentions):
            if near.inside or near.name in gendered:
                continue
            if _DETERMINER_BEFORE.search(text, max(0, near.start - 5), near.start):
                continue  # a name as a noun's modifier ("the Las Vegas debate") is nobody's he or she
            if _org_like(near.name):
                continue  # "an upgrade … by Virgin Media wiped the greeting he had kept": his, not the firm's
            # the pronouns that follow this mention before the next one, this close and in its paragraph
            end = min(near.end + GENDER_VOTE_WINDOW + 1, mentions[j + 1].start if j + 1 < len(mentions) else len(text))
            newline = text.find("\n", near.end, end)
            if newline != -1:
                end = newline
            found = [p for p in _PRONOUNS.finditer(text, near.end, min(len(text), end + 12)) if p.start() < end]
            if not found:
                continue
            # another name close before makes the vote unsafe ("Curtis and Florence ... she")
            before = mentions[j - 1] if j >= 1 else None
            if before is not None and near.start - before.end < GENDER_VOTE_WINDOW and _personish(before) \
                    and name_key(before.name)[0][-1:] != name_key(near.name)[0][-1:] \
                    and not re.search(r"[.!?]\s", text[before.end:near.start]):
                continue  # two people in one sentence: whose pronoun is it?
            for p in found:
                pos = p.start()
                i = bisect_right(q_starts, pos) - 1
                if i >= 0 and quoted[i][0] < pos < quoted[i][1]:
                    continue
                if p.group(0).lower() in ("him", "her") and len(text[near.end:pos].split()) == 1:
                    break  # the object of the person's own verb is someone else: "Ramaswamy comparing her"
                votes.setdefault(near.name, Counter())[PRONOUN_GENDER[p.group(0).lower()]] += 1
        return votes

    # ------------------------------------------------------------------ queries

    def canonical(self, name: str | None) -> str | None:
        """Return the fullest form of `name` in the document ("Vance" -> "J.D. Vance")."""
        if not name:
            return name
        if name in self.canonical_of:
            return self.canonical_of[name]
        if " " not in name and name.lower() in ROLE_WORDS:
            # "King asked" after "co-host Gayle King": a surname that is also a title
            matches = self.people_named(name.lower())
        else:
            matches = [f for f in self.full_people if same_person(name, f)]
        if len(matches) == 1:
            return matches[0]
        return name

    def gender(self, name: str | None) -> str:
        """Return "m", "f" or "" (unknown) for a canonical name."""
        return self.gender_of.get(name or "", "")

    def mark_person(self, name: str) -> None:
        """Record that `name` is a person (it is the subject of a speech cue)."""
        canonical = self.canonical(name) or name
        if canonical in self._vouched:
            return
        if _is_outlet(canonical, self.text):
            return  # "The Daily Mail reports that …": a speaker, but no he or she
        self._people.add(canonical)
        self._vouched.add(canonical)
        for m in self.mentions:
            if m.canon == canonical:
                m.person = True

    def vouched(self, name: str | None) -> bool:
        """Return True when a title, an honorific, a shortened form or a speech cue says `name` is a person."""
        return bool(name) and name in self._vouched

    def people_named(self, surname: str) -> list[str]:
        """Return the canonical names whose last name word is `surname` (folded), in a stable order."""
        return sorted(self._by_surname.get(surname, ()))

    def is_person(self, name: str | None) -> bool:
        """Return True when the document gives evidence that `name` is a person."""
        return bool(name) and self.canonical(name) in self._people

    def mention_at(self, offset: int) -> Mention | None:
        """Return the mention that starts at `offset`, else None."""
        i = bisect_left(self.offsets, offset)
        return self.mentions[i] if i < len(self.mentions) and self.offsets[i] == offset else None

    def nearest(self, offset: int, gender: str = "", skip: Iterable[str] = (), limit: int = MAX_PRONOUN_DISTANCE,
                outside_quotes: bool = True) -> Mention | None:
        """Return the closest person mention before `offset` whose gender fits, or None.

        A person of unknown gender counts when something vouches for them (a title, a speech
        cue, a bare surname); a merely capitalised pair of words only when nobody else fits.
        """
        skip = set(skip)
        weak: Mention | None = None
        i = bisect_left(self.offsets, offset) - 1
        while i >= 0:
            m = self.mentions[i]
            if offset - m.end > limit:
                break
            if (m.person or m.maybe) and not (outside_quotes and m.inside) and m.canon not in skip:
                g = self.gender(m.canon)
                if g and (g == gender or not gender):
                    return m
                if not g:
                    if m.person and m.canon in self._vouched:
                        return m
                    if weak is None:
                        weak = m
            i -= 1
        return weak

    def by_role(self, role: str, offset: int) -> str | None:
        """Return the person last introduced with `role` ("the senator") before `offset`."""
        words = [TITLE_ALIASES.get(w, w) for w in norm(role).split() if w not in ("the", "a", "an")]
        if not words or words[-1] not in ROLE_WORDS:
            return None
        head = words[-1]
        mods = [w for w in words[:-1] if w in ROLE_WORDS]
        i = bisect_left(self.offsets, offset) - 1
        fallback = None
        while i >= 0:
            m = self.mentions[i]
            if head in m.roles:
                at = m.roles.index(head)
                held = m.roles[max(0, at - 1):at]
                # "the president" is not the vice president; "the vice president" must say "vice"
                if mods == held or (not mods and not held):
                    return m.canon
                if fallback is None and not mods and held and held[0] not in ("vice", "deputy"):
                    fallback = m.canon
            i -= 1
        return fallback
