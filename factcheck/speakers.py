"""People in a document and the names they go by.

`PeopleIndex` finds the person names a document mentions (with the titles and honorifics
around them), infers gender from honorifics and from the pronouns that follow a name, and
resolves what a quote's subject says ("he", "the spokesman", "Vance") to one canonical name
per person ("J.D. Vance"). `same_person` and `fold_names` compare names across documents,
with the `[aliases]` table of `.factcheck.toml` folded in; other stages (draft checking)
use `same_person` as the one name matcher.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .text import fold

# ---------------------------------------------------------------------------- lexicons

# Honorifics stay part of a name when there is no first name ("Mr. Woodhouse" and
# "Mrs. Woodhouse" are two people); they also give the person's gender.
HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "lord": "m", "monsieur": "m", "herr": "m", "master": "m", "signor": "m",
    "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "madam": "f", "madame": "f", "mme": "f",
    "mlle": "f", "frau": "f", "dame": "f", "signora": "f",
    "dr": "", "prof": "", "rev": "",
}
# Role words that carry a gender ("the spokeswoman", "Queen Anne").
ROLE_GENDER = {
    "king": "m", "prince": "m", "duke": "m", "spokesman": "m", "chairman": "m", "congressman": "m",
    "councilman": "m", "businessman": "m", "father": "m", "uncle": "m", "brother": "m", "son": "m",
    "husband": "m", "boy": "m", "man": "m", "gentleman": "m", "actor": "m", "emperor": "m", "count": "m",
    "queen": "f", "princess": "f", "duchess": "f", "spokeswoman": "f", "chairwoman": "f",
    "congresswoman": "f", "councilwoman": "f", "businesswoman": "f", "mother": "f", "aunt": "f",
    "sister": "f", "daughter": "f", "wife": "f", "girl": "f", "woman": "f", "lady": "f", "actress": "f",
    "empress": "f", "countess": "f",
}
# Abbreviated titles and the role noun a later "the …" uses ("Dr. Archie" ... "the doctor").
TITLE_ALIASES = {
    "dr": "doctor", "gen": "general", "sen": "senator", "rep": "representative", "gov": "governor",
    "prof": "professor", "capt": "captain", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant",
    "rev": "reverend", "pres": "president", "supt": "superintendent", "insp": "inspector",
    "atty": "attorney", "adm": "admiral", "maj": "major", "cmdr": "commander", "gov.": "governor",
}
# Words that name a role: they precede a name without being part of it, and "the <role>"
# later refers to that person.
ROLE_WORDS = frozenset(
    """president vice secretary senator representative minister prime deputy chancellor governor
    mayor general spokesman spokeswoman spokesperson director ambassador envoy chief ceo cfo coo
    chairman chairwoman chair judge justice king queen prince princess duke duchess pope
    professor doctor colonel captain lieutenant sergeant commander officer agent attorney speaker
    congressman congresswoman councilman councilwoman councillor councilor sheriff detective
    inspector commissioner superintendent administrator editor host premier leader founder
    coach manager president-elect advisor adviser analyst economist actor actress singer rapper
    author writer reporter correspondent billionaire cardinal archbishop bishop rabbi imam
    reverend admiral major chancellor emperor empress count countess lawyer spokesperson
    principal dean head owner partner producer director-general secretary-general commandant brigadier
    marshal minister-president chief-executive""".split()
)
# Qualifiers that go with a role but say nothing about who holds it.
_QUALIFIERS = frozenset(
    """the a an u.s us u.s. uk former top senior acting then interim incoming outgoing new
    late current deputy assistant associate executive national foreign defense defence state
    interior finance justice health security special chief of for""".split()
)
# Capitalised words that start sentences or name things, never a person on their own.
NOT_NAME = frozenset(
    """the a an this that these those it its his her their there here but and or so yet if when
    while as after before on in at by for with from of to not no yes oh ah well now then then
    i we you he she they me him us them my our your what who whom which where why how all some
    any every each both either neither one two three first last next many much more most such
    however meanwhile although though because since until unless also still even only just
    perhaps indeed instead already again never always sometimes today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december god lord chapter mr mrs ms dr sir
    madam miss lady saint st""".split()
)
# Words that make a capitalised run an organisation or a place rather than a person.
ORG_WORDS = frozenset(
    """ministry department university college school conference court party council union
    committee commission agency bank company corp corporation inc ltd llc group association
    institute foundation news times journal post herald tribune press house street avenue road
    security office army navy force forces police guard service services government parliament
    congress senate assembly administration republic kingdom states nations church hospital
    airport station club league federation centre center museum city county state province
    district island islands ocean sea river mountain mountains valley lake bay park square
    hotel network agency media radio television tv channel board authority reserve fund
    exchange market street motors airlines railway summit forum alliance treaty act bill
    war day week month year avenue region coast border capital""".split()
)
PLACES = frozenset(
    """washington moscow kyiv kiev london paris berlin munich europe russia ukraine america
    china britain england france germany poland nato un eu us usa uk india japan canada
    australia africa asia israel gaza iran iraq syria mexico brazil beijing brussels tokyo
    delhi ottawa toronto sydney york texas california florida manchester""".split()
)

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PARTICLES = r"(?:de|van|von|der|den|al|el|bin|ibn|la|le|du|da|di|dos|del|della|ter|ten|mac)"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"
_ABBREVIATED = (r"(?:Mr|Mrs|Ms|Messrs|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|Hon|Mt|Ft|"
                r"Mme|Mlle|Supt|Insp|Pres|Atty)\.")
# A name word: initials ("J.D.", "U.S."), an abbreviated title ("Mr."), or a capitalised word.
# A word's own trailing period ends the sentence, so it is never part of the run.
NAME_TOKEN = rf"(?:[{_UPPER}](?:\.[{_UPPER}])*\.(?![\w])|{_ABBREVIATED}|[{_UPPER}][\w'’-]*)"
# A possessive ends a run: "PRC’s Taiwan drills" is "PRC" then "Taiwan".
NAME_RUN = re.compile(rf"{NAME_TOKEN}(?:(?<!['’]s)[ \t]+(?:{_PARTICLES}[ \t]+){{0,2}}{NAME_TOKEN})*")
_TRAILING = re.compile(r"(?:['’]s?|[.,;:])+$")
_TAIL_WORDS = re.compile(r"([A-Za-z][\w.'’-]*)[ \t]*$")

MAX_PRONOUN_DISTANCE = 2500  # chars back to look for a pronoun's antecedent (a few paragraphs)
GENDER_VOTE_WINDOW = 200  # a he/she this close after a lone named person votes for that person's gender


def _personish(m: Mention) -> bool:
    """Return True when a mention can be a person before anything else is known."""
    return bool(m.roles or m.gender) or len(name_key(m.name)[0]) >= 2


def _majority(counter: Counter[str]) -> str:
    """Return the clear winner of a gender vote ("" when the vote is close)."""
    ranked = counter.most_common(2) + [("", 0)]
    (top, n), (_, second) = ranked[0], ranked[1]
    return top if n and n > 2 * second else ""


@lru_cache(maxsize=65536)
def _norm(token: str) -> str:
    """Return the comparison form of a name token: folded, no dots or possessive."""
    return fold(token).replace(".", "").replace("’", "'").removesuffix("'s").strip("'-")


def split_name(run: str) -> tuple[list[str], list[str], str]:
    """Return (role words, name tokens, gender hint) for a capitalised run (see `_split_name`)."""
    roles, tokens, gender = _split_name(run)
    return list(roles), list(tokens), gender


@lru_cache(maxsize=65536)
def _split_name(run: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Return (role words, name tokens, gender hint) for a capitalised run.

    "U.S. Vice President J.D. Vance" -> (["vice", "president"], ["J.D.", "Vance"], "");
    "Mrs. Bennet" -> ([], ["Mrs.", "Bennet"], "f"): an honorific stays when no first name follows.
    """
    tokens = _TRAILING.sub("", run.strip()).split()
    roles: list[str] = []
    gender = ""
    honorific: str | None = None
    # "Indiana Gov. Eric Holcomb", "Apple CEO Tim Cook": what precedes the last title qualifies it
    for i in range(len(tokens) - 2, 0, -1):
        low = _norm(tokens[i])
        if low in ROLE_WORDS or low in TITLE_ALIASES or low in HONORIFIC_GENDER:
            while i > 0 and (_norm(tokens[i - 1]) in ROLE_WORDS or _norm(tokens[i - 1]) in _QUALIFIERS):
                i -= 1  # "U.S. Vice President J.D. Vance": the whole title
            tokens = tokens[i:]
            break
    while tokens:
        low = _norm(tokens[0])
        if low in HONORIFIC_GENDER:
            honorific = tokens.pop(0)
            gender = HONORIFIC_GENDER[low] or gender
            if low in TITLE_ALIASES:
                roles.append(TITLE_ALIASES[low])
        elif low in ROLE_WORDS or low in TITLE_ALIASES:
            roles.append(TITLE_ALIASES.get(low, low))
            gender = ROLE_GENDER.get(low, gender)
            tokens.pop(0)
        elif low in _QUALIFIERS or low in NOT_NAME or low in PLACES and len(tokens) > 1:
            tokens.pop(0)
        else:
            break
    if tokens and honorific and len(tokens) == 1:
        tokens.insert(0, honorific)
    if tokens:
        tokens[-1] = _TRAILING.sub("", tokens[-1]) or tokens[-1]
    return tuple(roles), tuple(tokens), gender


def looks_like_person(tokens: list[str]) -> bool:
    """Return True when name tokens can be a person ("Dmitry Peskov", not "Munich Security Conference")."""
    if not tokens or len(tokens) > 5:
        return False
    norms = [_norm(t) for t in tokens]
    if any(n in ORG_WORDS for n in norms):
        return False
    if len(norms) == 1 and (norms[0] in PLACES or norms[0] in NOT_NAME or len(norms[0]) < 2):
        return False
    if all(t.isupper() and len(t) > 1 and "." not in t for t in tokens):
        return False  # an acronym: NATO, WSJ, BBC
    return tokens[-1][:1].isupper()


def display(tokens: list[str]) -> str:
    """Return name tokens as one display string."""
    return " ".join(tokens)


# ---------------------------------------------------------------------------- comparing names


@lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[tuple[str, ...], str]:
    """Return (folded name tokens without roles, gender) for comparing names."""
    _, tokens, gender = split_name(name)
    out = []
    for t in tokens:
        n = _norm(t)
        if n in HONORIFIC_GENDER:
            continue
        if n:
            out.append(n)
    return tuple(out), gender


_PARTICLE_SET = frozenset(_PARTICLES.strip("(?:)").split("|"))


def _firsts_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Return True when given names agree: equal, or initials of each other ("JD", "J", "James David")."""
    a = tuple(t for t in a if t not in _PARTICLE_SET)  # "von der Leyen", "Ursula von der Leyen"
    b = tuple(t for t in b if t not in _PARTICLE_SET)
    if not a or not b:
        return True
    if a == b:
        return True
    ia = "".join(t[0] for t in a) if not (len(a) == 1 and len(a[0]) <= 3) else a[0]
    ib = "".join(t[0] for t in b) if not (len(b) == 1 and len(b[0]) <= 3) else b[0]
    full_a = [t for t in a if len(t) > 3 or len(a) > 1]
    full_b = [t for t in b if len(t) > 3 or len(b) > 1]
    if full_a and full_b and len(a[0]) > 3 and len(b[0]) > 3:
        return a[0] == b[0]
    return ia.startswith(ib) or ib.startswith(ia)


def same_person(a: str | None, b: str | None, aliases: Mapping[str, Iterable[str]] | None = None) -> bool:
    """Return True when two names can be the same person ("Vance", "JD Vance", "J.D. Vance").

    Roles and honorifics are ignored except that "Mr." and "Mrs." never match; a surname alone
    matches any full name with that surname; given names must agree (initials count). Names in
    one `aliases` group (canonical name -> aliases) always match.
    """
    if not a or not b:
        return False
    if aliases:
        ga, gb = alias_group(a, aliases), alias_group(b, aliases)
        if ga is not None and ga == gb:
            return True
        if ga is not None:
            a = ga
        if gb is not None:
            b = gb
    (ta, sa), (tb, sb) = name_key(a), name_key(b)
    if not ta or not tb:
        return False
    if sa and sb and sa != sb:
        return False
    if ta[-1] != tb[-1]:
        # "JD Vance" vs "J.D. Vance" fold to the same tokens; "Jd" + "Vance" vs "J D Vance"
        return "".join(ta) == "".join(tb)
    return _firsts_agree(ta[:-1], tb[:-1])


def alias_group(name: str, aliases: Mapping[str, Iterable[str]]) -> str | None:
    """Return the canonical name of the `aliases` group that lists `name`, else None."""
    key = _alias_key(name)
    for canonical, names in aliases.items():
        if key == _alias_key(canonical) or any(key == _alias_key(n) for n in names):
            return canonical
    return None


def _alias_key(name: str) -> str:
    return " ".join(_norm(t) for t in name.split())


def fold_names(names: Iterable[str], aliases: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Return a canonical name for each name, folding names that agree across documents.

    A name joins another when `same_person` says so and the fold is unambiguous: a bare
    surname folds into a full name only when one full name has that surname. The canonical
    form is the `aliases` key when the name is listed, else the fullest, most frequent form.
    """
    counts = Counter(n for n in names if n)
    out: dict[str, str] = {}
    groups: list[list[str]] = []
    for name in sorted(counts, key=lambda n: (-len(name_key(n)[0]), -counts[n], n)):
        if aliases and (canonical := alias_group(name, aliases)) is not None:
            out[name] = canonical
            continue
        matches = [g for g in groups if same_person(name, g[0])]
        if len(matches) == 1:
            matches[0].append(name)
        elif not matches:
            groups.append([name])
        else:
            out[name] = name  # ambiguous ("Trump" with "Donald Trump" and "Melania Trump")
    for group in groups:
        head = group[0]
        canonical = alias_group(head, aliases) if aliases else None
        for name in group:
            out[name] = canonical or head
    return out


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


class PeopleIndex:
    """The people a document names, for resolving surnames, pronouns and roles to one name."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] | None = None, speakers: Iterable[str] = ()) -> None:
        """Index `text`; `quoted` spans hold speech; `speakers` are names a cue made subjects of speech."""
        self.text = text
        quoted = sorted(quoted or [])
        q_starts = [s for s, _ in quoted]
        self.mentions: list[Mention] = []
        for m in NAME_RUN.finditer(text):
            mention = self._mention(m, quoted, q_starts)
            if mention is not None:
                self.mentions.append(mention)
        self.offsets = [m.start for m in self.mentions]
        self._cluster(self._votes(quoted, q_starts))
        for name in speakers:
            self.mark_person(name)

    def _mention(self, m: re.Match[str], quoted: list[tuple[int, int]], q_starts: list[int]) -> Mention | None:
        run = m.group(0)
        roles, tokens, gender = split_name(run)
        if not tokens:
            return None
        bare = [t for t in tokens if _norm(t) not in HONORIFIC_GENDER] or tokens
        maybe_person = looks_like_person(bare)
        if not maybe_person and (len(bare) < 2 or len(bare) > 4 or _norm(bare[0]) in ORG_WORDS):
            return None  # kept only as a possible person a cue may vouch for ("Serhii Radio")
        start = m.start() + max(run.find(tokens[0]), 0)
        if tokens[0].endswith(".") and _norm(tokens[0]) in HONORIFIC_GENDER:
            start = m.start() + max(run.find(tokens[0]), 0)
        # lower-case roles just before the run: "spokesman Dmitry Peskov", "the senator from Ohio"
        before = self.text[max(0, m.start() - 60):m.start()].split()
        for word in reversed(before[-3:]):
            low = _norm(word.strip(",;:()"))
            if low in ROLE_WORDS:
                roles.insert(0, low)
                gender = gender or ROLE_GENDER.get(low, "")
            elif low not in _QUALIFIERS and not word[:1].isupper():
                break
        i = bisect_right(q_starts, start) - 1
        inside = i >= 0 and quoted[i][0] < start < quoted[i][1]
        name = display(tokens)
        # a full name alone is not yet a person ("Truth Social", "Etlaq Fan Experience"): a
        # title, an honorific, a later bare surname, a he/she or a speech cue must say so
        person = bool(roles or gender) and maybe_person
        mention = Mention(start, start + len(name), name, roles, gender, inside, person)
        mention.maybe = maybe_person and len(bare) >= 2
        return mention

    def _cluster(self, votes: dict[str, Counter[str]]) -> None:
        """Give every mention the fullest name of its person ("Vance" -> "J.D. Vance").

        A bare surname (or "Mr. Linden") goes to the full name with that surname mentioned
        last before it whose gender fits; a first name alone to the one full name it starts.
        """
        raw_gender: dict[str, str] = {}
        for m in self.mentions:
            if m.gender:
                raw_gender.setdefault(m.name, m.gender)
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
        assigned: dict[str, Counter[str]] = {}
        for m in self.mentions:
            tokens, _ = name_key(m.name)
            if len(tokens) >= 2:
                canon = fulls[" ".join(tokens)]
                # "JD Vance" and "J.D. Vance", "James Vance" and "James D. Vance": one person
                for other in by_surname.get(tokens[-1], []):
                    if other != canon and same_person(other, canon) and len(other) > len(canon):
                        canon = other
            else:
                gender = raw_gender.get(m.name, "")
                options = [f for f in by_surname.get(tokens[0], []) if same_person(m.name, f)
                           and (not gender or raw_gender.get(f, "") in ("", gender))] if tokens else []
                if not options and tokens and len(by_first.get(tokens[0], ())) == 1:
                    options = list(by_first[tokens[0]])
                if options:
                    seen = [f for f in options if f in last_seen]
                    canon = max(seen, key=lambda f: last_seen[f]) if seen else options[0]
                else:
                    canon = m.name
            m.canon = canon
            last_seen[canon] = m.start
            assigned.setdefault(m.name, Counter())[canon] += 1
        self.canonical_of = {name: c.most_common(1)[0][0] for name, c in assigned.items()}
        self.full_people = list(fulls.values())
        gender_votes: dict[str, Counter[str]] = {}
        for m in self.mentions:
            g = m.gender or raw_gender.get(m.name, "")
            if g:
                gender_votes.setdefault(m.canon, Counter())[g] += 3 if m.gender else 1
        self.gender_of = {name: g for name, c in gender_votes.items() if (g := _majority(c))}
        # a full name later cut to its surname ("Trump"), or a two-word name to its first ("Jock")
        shortened = {m.canon for m in self.mentions if m.canon != m.name and len(name_key(m.name)[0]) == 1
                     and (name_key(m.name)[0][0] == name_key(m.canon)[0][-1] or len(name_key(m.canon)[0]) == 2)}
        self._people = {m.canon for m in self.mentions if m.person} | shortened
        self._vouched = {m.canon for m in self.mentions if m.roles or m.gender} | shortened
        for m in self.mentions:
            m.person = m.person or m.canon in self._people

    def _votes(self, quoted: list[tuple[int, int]], q_starts: list[int]) -> dict[str, Counter[str]]:
        """Return he/she votes per name: a pronoun soon after a lone mention of someone."""
        votes: dict[str, Counter[str]] = {}
        for m in re.finditer(r"\b(he|she|his|her|him|himself|herself)\b", self.text, re.I):
            pos = m.start()
            i = bisect_right(q_starts, pos) - 1
            if i >= 0 and quoted[i][0] < pos < quoted[i][1]:
                continue
            j = bisect_left(self.offsets, pos) - 1
            if j < 0:
                continue
            near = self.mentions[j]
            if pos - near.end > GENDER_VOTE_WINDOW or near.inside or "\n" in self.text[near.end:pos]:
                continue  # too far, or in another paragraph (news: often someone else)
            # another name close before makes the vote unsafe ("Curtis and Florence ... she")
            before = self.mentions[j - 1] if j >= 1 else None
            if before is not None and near.start - before.end < GENDER_VOTE_WINDOW and _personish(before) \
                    and name_key(before.name)[0][-1:] != name_key(near.name)[0][-1:] \
                    and not re.search(r"[.!?]\s", self.text[before.end:near.start]):
                continue  # two people in one sentence: whose pronoun is it?
            votes.setdefault(near.name, Counter())[PRONOUN_GENDER[m.group(1).lower()]] += 1
        return votes

    # ------------------------------------------------------------------ queries

    def canonical(self, name: str | None) -> str | None:
        """Return the fullest form of `name` in the document ("Vance" -> "J.D. Vance")."""
        if not name:
            return name
        if name in self.canonical_of:
            return self.canonical_of[name]
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
        self._people.add(canonical)
        self._vouched.add(canonical)
        for m in self.mentions:
            if m.canon == canonical:
                m.person = True

    def is_person(self, name: str | None) -> bool:
        """Return True when the document gives evidence that `name` is a person."""
        return bool(name) and self.canonical(name) in self._people

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
        words = [TITLE_ALIASES.get(w, w) for w in _norm(role).split() if w not in ("the", "a", "an")]
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
