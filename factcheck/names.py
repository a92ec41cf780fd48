"""Person names: how they are written, and when two of them are the same person.

Lexicons of titles, honorifics and words that are never names; `NAME_RUN` (capitalised runs
with initials and particles); `split_name` ("U.S. Vice President J.D. Vance" -> role words
and name); `same_person` (the one name matcher: "Vance", "JD Vance", "J.D. Vance", with the
`[aliases]` table folded in) and `fold_names` (one canonical name per person across documents).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .givennames import GIVEN_NAME_GENDER
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
# The -man and -woman nouns of trades ("fisherman Igor Vorozhbitsyn … the fisherman explains"):
# roles like "spokesman", with the gender in the word.
TRADES_MAN = ("fisherman", "gunman", "policeman", "fireman", "cameraman", "doorman", "postman", "salesman",
              "serviceman", "sportsman", "craftsman", "repairman", "handyman", "patrolman", "assemblyman",
              "alderman", "frontman", "lineman", "businessman", "congressman", "councilman", "chairman")
TRADES_WOMAN = ("fisherwoman", "policewoman", "servicewoman", "sportswoman", "saleswoman", "assemblywoman",
                "camerawoman", "businesswoman", "congresswoman", "councilwoman", "chairwoman")
# Role words that carry a gender ("the spokeswoman", "Queen Anne").
ROLE_GENDER = {
    "king": "m", "prince": "m", "duke": "m", "spokesman": "m", "chairman": "m", "congressman": "m",
    "councilman": "m", "businessman": "m", "father": "m", "uncle": "m", "brother": "m", "son": "m",
    "husband": "m", "boy": "m", "man": "m", "gentleman": "m", "actor": "m", "emperor": "m", "count": "m",
    "queen": "f", "princess": "f", "duchess": "f", "spokeswoman": "f", "chairwoman": "f",
    "congresswoman": "f", "councilwoman": "f", "businesswoman": "f", "mother": "f", "aunt": "f",
    "sister": "f", "daughter": "f", "wife": "f", "girl": "f", "woman": "f", "lady": "f", "actress": "f",
    "empress": "f", "countess": "f", "boyfriend": "m", "girlfriend": "f", "grandson": "m", "granddaughter": "f",
    **{w: "m" for w in TRADES_MAN}, **{w: "f" for w in TRADES_WOMAN},
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
    author writer reporter correspondent journalist defector billionaire cardinal archbishop bishop rabbi imam
    reverend admiral major chancellor emperor empress count countess lawyer spokesperson
    principal dean head owner partner producer director-general secretary-general commandant brigadier
    marshal minister-president chief-executive editor-in-chief commander-in-chief
    artist designer photographer researcher scientist historian engineer activist blogger columnist
    curator filmmaker novelist lecturer co-star costar pundit commentator presenter broadcaster anchor
    anchorman anchorwoman newscaster""".split()
) | frozenset(TRADES_MAN) | frozenset(TRADES_WOMAN)
# Qualifiers that go with a role but say nothing about who holds it.
QUALIFIERS = frozenset(
    """the a an u.s us u.s. uk former top senior acting then interim incoming outgoing new
    late current deputy assistant associate executive national foreign defense defence state
    interior finance justice health security special chief of for staff rear""".split()
)
# Capitalised words that start sentences or name things, never a person on their own.
NOT_NAME = frozenset(
    """the a an this that these those it its his her their there here but and or so yet if when
    while as after before on in at by for with from of to not no yes oh ah well now then then
    i we you he she they me him us them my our your what who whom which where why how all some
    any every each both either neither one two three first last next many much more most such another other
    however meanwhile although though because since until unless also still even only just plus
    moreover furthermore besides likewise similarly separately finally
    perhaps indeed instead already again never always sometimes today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december god lord chapter mr mrs ms dr sir
    madam miss lady saint st do does did can could would should shall might must like according
    once whenever whether whereas wherever during despite amid among upon without within throughout
    earlier later recent previous initial early late thus hence therefore nevertheless nonetheless
    otherwise accordingly consequently nearly almost roughly approximately jan feb mar apr jun jul aug
    sep sept oct nov dec
    don't won't can't isn't aren't wasn't weren't didn't doesn't haven't hasn't hadn't couldn't wouldn't""".split()
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
    war day week month year avenue region coast border capital area zone mail mirror telegraph
    gazette chronicle magazine show daily express globe inquirer examiner bulletin""".split()
)
PLACES = frozenset(
    """washington moscow kyiv kiev london paris berlin munich europe russia ukraine america
    china britain england france germany poland nato un eu us usa uk india japan canada
    australia africa asia israel gaza iran iraq syria mexico brazil beijing brussels tokyo
    delhi ottawa toronto sydney york texas california florida manchester saudi arabia korea yemen
    afghanistan pakistan egypt lebanon libya cuba venezuela switzerland sweden norway spain italy
    turkey greece ireland scotland netherlands belgium austria hungary qatar kuwait taiwan vietnam
    indonesia nigeria kenya ethiopia somalia sudan argentina colombia chile peru pyongyang seoul
    baghdad tehran damascus kabul cairo beirut mosul aleppo raqqa jerusalem""".split()
)
# Nationality and regional adjectives: capitalised, and never a person on their own ("an Iraqi
# intelligence official" is not a man called Iraqi; "the French suggested" is no Mr French).
DEMONYMS = frozenset(
    """american british french german russian ukrainian chinese japanese iraqi iranian syrian saudi
    israeli palestinian afghan pakistani indian mexican canadian australian korean european african
    arab arabian kurdish turkish egyptian lebanese yemeni libyan nigerian spanish italian dutch swiss
    swedish norwegian danish polish greek irish scottish welsh asian western eastern islamic jihadist
    shiite sunni soviet qatari emirati argentine argentinian
    brazilian cuban venezuelan colombian""".split()
)

_COMPASS = frozenset("north south east west northern southern eastern western new".split())


def is_place_or_nationality(norms: list[str]) -> bool:
    """Return True when normalised name tokens are a place or a nationality ("north korean")."""
    return bool(norms) and all(n in PLACES or n in DEMONYMS or n in _COMPASS for n in norms) and \
        any(n in PLACES or n in DEMONYMS for n in norms)


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PARTICLES = r"(?:de|van|von|der|den|al|el|bin|ibn|la|le|du|da|di|dos|del|della|ter|ten|mac)"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"
_ABBREVIATED = (r"(?:Mr|Mrs|Ms|Messrs|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|Hon|Mt|Ft|"
                r"Mme|Mlle|Supt|Insp|Pres|Atty)\.")
# A name word: initials ("J.D.", "U.S."), an abbreviated title ("Mr."), or a capitalised word.
# A word's own trailing period ends the sentence, so it is never part of the run.
NAME_TOKEN = rf"(?:[{_UPPER}](?:\.[{_UPPER}])*\.(?![\w])|{_ABBREVIATED}|[A-Z]{{1,4}}&[A-Z]{{1,4}}\b|[{_UPPER}][\w'’-]*)"
# (the third: an acronym joined by an ampersand, "B&P", "AT&T", "S&P")
# A possessive ends a run: "PRC’s Taiwan drills" is "PRC" then "Taiwan".
# (The leading lookahead is redundant but lets the regex engine skip to the next capital at C speed.)
# An Arabic article joined to a later name word: "Abu Muhammad al-Adnani", "Bashar al-Assad"
_JOINED_ARTICLE = r"(?:al|el|ad|as|ash|at|az|an|ar)-"
NAME_RUN = re.compile(rf"(?=[{_UPPER}])(?:{NAME_TOKEN}(?:(?<!['’]s)[ \t]+(?:{_PARTICLES}[ \t]+){{0,2}}"
                      rf"(?:{_JOINED_ARTICLE})?{NAME_TOKEN})*)")
_ARTICLE_PREFIX = re.compile(_JOINED_ARTICLE)
_TRAILING = re.compile(r"(?:['’]s?|[.,;:])+$")



@lru_cache(maxsize=65536)
def norm(token: str) -> str:
    """Return the comparison form of a name token: folded, no dots or possessive."""
    folded = fold(token).replace(".", "").replace("’", "'").removesuffix("'s").strip("'-")
    m = _ARTICLE_PREFIX.match(folded)
    return folded[m.end():] if m and folded[m.end():m.end() + 1].isalpha() else folded  # "al-Adnani" is "Adnani"


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
        low = norm(tokens[i])
        if low in ROLE_WORDS or low in TITLE_ALIASES or low in HONORIFIC_GENDER:
            while i > 0 and (norm(tokens[i - 1]) in ROLE_WORDS or norm(tokens[i - 1]) in QUALIFIERS):
                i -= 1  # "U.S. Vice President J.D. Vance": the whole title
            tokens = tokens[i:]
            break
    while tokens:
        low = norm(tokens[0])
        if low in HONORIFIC_GENDER:
            honorific = tokens.pop(0)
            gender = HONORIFIC_GENDER[low] or gender
            if low in TITLE_ALIASES:
                roles.append(TITLE_ALIASES[low])
        elif low in ROLE_WORDS or low in TITLE_ALIASES:
            roles.append(TITLE_ALIASES.get(low, low))
            gender = ROLE_GENDER.get(low, gender)
            tokens.pop(0)
        elif low in QUALIFIERS or low in NOT_NAME or low in PLACES and len(tokens) > 1:
            tokens.pop(0)
        elif len(tokens) > 2 and len(tokens[0]) > 1 and tokens[0].isalpha() and tokens[0].isupper():
            tokens.pop(0)  # an acronym before a full name: "MEC Jacob Mamabolo", "AFP Phil Chetwynd"
        elif len(tokens) > 2 and len(low) > 6 and low.endswith("ing") and tokens[0][1:].islower():
            tokens.pop(0)  # a participle opening the sentence before a full name: "Praising James Foley as …"
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
    norms = [norm(t) for t in tokens]
    # a given name opening a longer run is a first name, whatever else the word means: "Bill Daly"
    # (not a bill), "Senate Bill" still an organisation word
    checked = norms[1:] if len(norms) > 1 and norms[0] in GIVEN_NAME_GENDER else norms
    if any(n in ORG_WORDS for n in checked):
        return False
    if len(norms) == 1 and (norms[0] in PLACES or norms[0] in NOT_NAME or len(norms[0]) < 2):
        return False
    if len(norms) == 1 and norms[0].endswith("ly") and norms[0] not in GIVEN_NAME_GENDER:
        return False  # "Immediately", "Suddenly" open a sentence; "Emily" and "Molly" are names
    if all(t.isupper() and len(t) > 1 and "." not in t for t in tokens):
        return False  # an acronym: NATO, WSJ, BBC
    last = tokens[-1]
    m = _ARTICLE_PREFIX.match(last)
    return (last[m.end():] if m else last)[:1].isupper()


def person_tail(tokens: list[str]) -> list[str]:
    """Return the person that ends a longer run ("State Marco Rubio" -> Marco Rubio), else []."""
    for size in (3, 2):
        if len(tokens) > size:
            _, tail, _ = split_name(" ".join(tokens[-size:]))
            if len(tail) >= 2 and looks_like_person(tail) and norm(tail[0]) not in PLACES:
                return tail
    return []


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
        n = norm(t)
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
    return " ".join(norm(t) for t in name.split())


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
