"""Passage stance probes on real news: a source's own sentences, and the same with a change.

    python benchmarks/probes.py [DATA] [--work DIR] [--limit N] [--errors N]

DATA defaults to ../shared/data. The HTML pages of `fundus-en-news` and `htmldate-en-news`
(108 real articles) are indexed with `factcheck.ingest.index_paths`; then their sentences
(8-35 words, no quotation marks) are verified against that index with `factcheck.verify`,
the same call the CLI makes, three ways:

- as they are: each should be `supported` (it is in the index word for word);
- with its first figure of two or more digits changed (n -> 3n + 7): `conflicting`
  (or `disputed`: another source may say the new figure);
- with "not" put after its first auxiliary verb (is, was, has, will, ...), for sentences
  that hold no negation: `conflicting` or `disputed`;
- with two of its words (5+ letters, no stop words) swapped for words of other sentences:
  anything but `supported` (the source does not say that).

then four ways a reporter gets a sentence wrong (or right) when writing it up, each built from
up to --limit sentences tried in a shuffled order of its own (a sentence the change cannot be
made in is skipped, and counted in the table's last column):

- words dropped: a shortened claim, either a trailing adjunct (", according to ...", a final
  phrase opened by a preposition such as "in", "on", "during", "after") cut off, or 1-3
  non-content words ("the", "also", "very", ...) left out: `supported` (the source says more);
- antonym substituted: one word of a small general list of opposites (ANTONYMS below:
  increase/decrease, won/lost, rose/fell, before/after, more/less, ...) replaced by its
  opposite: `conflicting` or `disputed`;
- entity swapped: a person (a given name and a surname), an organisation (an acronym, or a
  name ending in "Party", "Ministry", "University", ...) or a place (PLACES below) replaced by
  another name of the same kind from another page's sentences, one its own page never names:
  anything but `supported`;
- hedged: the first auxiliary turned into "may" ("will sign" -> "may sign", "was found" ->
  "may have been found", "has said" -> "may have said"), or the sentence prefixed with "It
  is possible that", for sentences with no hedge or negation of their own: `unverified`.
  The product's certainty rule (README, `factcheck.polarity`): a possible claim against a
  certain source differs in certainty, so the passage only relates to it; it is neither
  confirmed (the source says more than "may") nor contradicted (the source does not say
  "not"). `supported` would be right only against a passage that hedges too;

and two ways a reporter drops a word that changes what the source says:

- negation removed: the one negation of a sentence left out ("did not sign" -> "did sign",
  "has never been" -> "has been", "won't" -> "will"), for sentences that negate once and make
  no condition or question: `conflicting` or `disputed`;
- hedge removed: the one hedge of a sentence made certain ("may sign" -> "will sign", "is
  expected to win" -> "will win", "reportedly paid" -> "paid"), for sentences with no other
  hedge, denial or condition: anything but `supported` (a certain claim against a hedged
  source is not confirmed by it);

and one way a reporter gets a date wrong:

- date changed: the one weekday or month name of a sentence replaced by the one two places on
  ("Tuesday" -> "Thursday", "March" -> "June"): anything but `supported`.

The answers are known by construction, so no labels are needed; the texts are real. Sampling
is deterministic (random.Random(4) over the sorted sentences for the first four probes,
random.Random(5)-(11) for the other seven). Prints the verdict counts
per probe and, with --errors, examples of the misses.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does)\b")
_NEGATED = re.compile(r"\b(not|no|never|n't)\b|n’t")
_FIGURE = re.compile(r"\b\d{2,}\b")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
WANTED = {"as is": ("supported",), "figure changed": ("conflicting", "disputed"),
          "not inserted": ("conflicting", "disputed"), "two words swapped": ("conflicting", "disputed", "unverified"),
          "words dropped": ("supported",), "antonym substituted": ("conflicting", "disputed"),
          "entity swapped": ("conflicting", "disputed", "unverified"), "hedged": ("unverified",),
          "negation removed": ("conflicting", "disputed"), "hedge removed": ("conflicting", "disputed", "unverified"),
          "date changed": ("conflicting", "disputed", "unverified")}

# Opposites, as a reporter would write them: words (not stems), each pair both ways. Left out:
# words whose other senses are common ("last week", "the late", "long-term", "left", "support"
# as a noun) and pairs that need a change of article or verb form.
ANTONYMS = (
    ("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"),
    ("increasing", "decreasing"), ("rise", "fall"), ("rose", "fell"), ("rises", "falls"),
    ("rising", "falling"), ("risen", "fallen"), ("win", "lose"), ("won", "lost"), ("wins", "loses"),
    ("winning", "losing"), ("before", "after"), ("more", "less"), ("most", "least"),
    ("accept", "reject"), ("accepted", "rejected"), ("accepts", "rejects"), ("allow", "ban"),
    ("allowed", "banned"), ("allows", "bans"), ("higher", "lower"), ("highest", "lowest"),
    ("larger", "smaller"), ("largest", "smallest"), ("bigger", "smaller"), ("biggest", "smallest"),
    ("better", "worse"), ("best", "worst"), ("stronger", "weaker"), ("strong", "weak"),
    ("approved", "rejected"), ("supported", "opposed"), ("supports", "opposes"),
    ("began", "ended"), ("start", "end"), ("started", "ended"), ("opened", "closed"),
    ("always", "never"), ("many", "few"), ("positive", "negative"), ("legal", "illegal"),
    ("guilty", "innocent"), ("gained", "lost"), ("rich", "poor"), ("cheap", "expensive"),
    ("easy", "difficult"), ("success", "failure"), ("public", "private"), ("above", "below"),
    ("inside", "outside"), ("dead", "alive"), ("majority", "minority"), ("maximum", "minimum"),
    ("good", "bad"), ("agreed", "disagreed"), ("included", "excluded"), ("earlier", "later"),
    ("increasingly", "decreasingly"), ("wealthy", "poor"), ("safe", "dangerous"),
)
_OPPOSITE: dict[str, str] = {}
for _a, _b in ANTONYMS:
    _OPPOSITE.setdefault(_a, _b)
    _OPPOSITE.setdefault(_b, _a)
_OPPOSITE_WORD = re.compile(r"(?<![\w'’-])(" + "|".join(sorted(_OPPOSITE, key=len, reverse=True)) + r")(?![\w'’-])")

_UNASSERTED = re.compile(r"\b(?:if|unless|whether|unclear)\b|\?")

# Words a shortened claim leaves out, and the words that open a trailing adjunct it cuts off.
_DROPPABLE = frozenset("the a an also just still very really already currently recently now then even".split())
_ADJUNCT_OPENERS = frozenset("according in on at during after since amid across around near over through "
                             "throughout including which who where as with from by".split())
_CUT_BLOCKERS = re.compile(r"\b(?:not|no|never|n't|only|except|unless|until|if|than|without|nor)\b|n’t", re.I)
_SUBORDINATE = frozenset("if when unless although though while as because since before after once whether".split())

# Names for the entity probe: places from a small gazetteer (names that are also people's or
# ordinary words, such as Georgia, Jordan, Washington or Turkey, left out), organisations by an
# acronym or a head word, people by a given name followed by a capitalised surname.
PLACES = frozenset("""
    Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bangladesh Belarus Belgium
    Bolivia Brazil Britain Bulgaria Cambodia Canada Chile China Colombia Croatia Cuba Cyprus Denmark Ecuador
    Egypt England Estonia Ethiopia Europe Finland France Germany Ghana Greece Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Kazakhstan Kenya Kosovo Kuwait Latvia Lebanon
    Libya Lithuania Malaysia Mexico Moldova Morocco Nepal Netherlands Nigeria Norway Pakistan Peru
    Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Serbia Singapore Slovakia Somalia Spain
    Sudan Sweden Switzerland Syria Taiwan Thailand Tunisia Uganda Ukraine Venezuela Vietnam Wales Yemen
    Zimbabwe Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
    Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
    Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
    Vermont Wisconsin Wyoming London Paris Berlin Moscow Kyiv Beijing Tokyo Delhi Sydney Melbourne Toronto
    Ottawa Chicago Boston Dublin Madrid Rome Brussels Vienna Warsaw Istanbul Cairo Jerusalem Gaza Tehran
    Baghdad Kabul Seoul Manila Mumbai Johannesburg Nairobi Lagos Dallas Houston Atlanta Miami Seattle
    Denver Philadelphia Detroit Brisbane Perth Adelaide Auckland Vancouver Montreal Calgary Edinburgh
    Glasgow Manchester Liverpool Birmingham Leeds Bristol Belfast Cardiff Ontario Quebec Queensland
""".split()) | {"New York", "Los Angeles", "San Francisco", "New Zealand", "South Africa", "Hong Kong",
                "North Korea", "South Korea", "Saudi Arabia", "United States", "United Kingdom", "New Jersey",
                "New South Wales", "British Columbia", "North Carolina", "South Carolina", "New Delhi"}
_ORG_HEADS = frozenset("""Party Ministry Department University College Council Committee Commission Agency
    Bank Corporation Company Institute Foundation Association Union Court Police Office Authority Board
    Service Group Inc Ltd Federation League Club Trust Network""".split())
_NOT_SURNAMES = frozenset("Park Street Road Avenue Square Bridge Lake River Island Hall House Centre Center "
                           "National International Airport Station Hospital School Church Museum Hotel Stadium".split())
_NOT_ACRONYMS = frozenset("US UK USA UAE TV CEO CFO COO AI GDP CPI COVID HIV AIDS IVF AM PM ID DNA OK MP MPS "
                          "PHD SUV ATM DIY LGBT LGBTQ IQ PR VAR CCTV GP RSS PDF URL".split())
_LEADING = frozenset("The A An In On At But And When After Before As For From With By If While This That "
                     "Former Then New".split())
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*)*")

# A sentence that already hedges (or denies) is no case for the hedged probe.
_HEDGED = re.compile(r"\b(?:may|might|could|possibly|possible|perhaps|maybe|likely|unlikely|probably|reportedly|"
                     r"allegedly|appears?|appeared|seems?|seemed|suggests?|suggested|expected|consider\w*|"
                     r"not|no|never|without)\b|n['’]t\b|\?")
_HEDGE_AUX = re.compile(r"\b(will|would|can|should|is|are|was|were|has|have)\b(?= [a-z])")
_LOWER_LEAD = frozenset("The A An This That These Those It Its He She They We Our His Her Their There In On "
                        "At After Before Some Many Most Another One Two Three Several Each Every".split())
_HEDGE_AS = {"will": "may", "would": "may", "can": "may", "should": "may", "is": "may be", "are": "may be",
             "was": "may have been", "were": "may have been", "has": "may have", "have": "may have"}


SETS = ("fundus-en-news", "htmldate-en-news")


def pages(data: str, sets: tuple[str, ...] = SETS) -> list[str]:
    out = []
    for name in sets:
        for root, _, files in os.walk(os.path.join(data, name, "pages")):
            out += [os.path.join(root, f) for f in files if ".htm" in f]
    return sorted(out)


def probes(texts: list[str], limit: int, page_of: dict[str, frozenset[int]] | None = None) -> dict[str, list[str]]:
    """Return probe name -> claims; `page_of` (sentence -> the pages holding it) is for the entity probe."""
    from factcheck.text import STOP_WORDS

    rng = random.Random(4)
    plain = [t for t in texts if 8 <= len(t.split()) <= 35 and not re.search(r"[\"“”]", t)]
    figures = [t for t in plain if _FIGURE.search(t) and not _YEAR.search(t)]
    negatable = [t for t in plain if _AUX.search(t) and not _NEGATED.search(t)]
    changed = []
    for t in rng.sample(figures, min(limit, len(figures))):
        m = _FIGURE.search(t)
        assert m is not None
        changed.append(t[:m.start()] + str(3 * int(m.group()) + 7) + t[m.end():])
    negated = []
    for t in rng.sample(negatable, min(limit, len(negatable))):
        m = _AUX.search(t)
        assert m is not None
        negated.append(t[:m.end()] + " not" + t[m.end():])
    as_is = rng.sample(plain, min(limit, len(plain)))
    vocab = sorted({w for t in plain for w in re.findall(r"\b[a-z]{6,}\b", t)})
    swapped = []
    for t in rng.sample(plain, min(limit, len(plain))):
        ws = t.split()
        slots = [i for i, w in enumerate(ws) if re.fullmatch(r"[a-z]{5,}", w) and w not in STOP_WORDS]
        for i in rng.sample(slots, min(2, len(slots))):
            ws[i] = rng.choice(vocab)
        swapped.append(" ".join(ws))
    out = {"as is": as_is, "figure changed": changed, "not inserted": negated, "two words swapped": swapped}
    out["words dropped"] = _built(plain, limit, 5, _dropped)
    out["antonym substituted"] = _built(plain, limit, 6, _antonymised)
    kinds = _names_by_kind(page_of or {})
    out["entity swapped"] = _built(plain, limit, 7, lambda t, r: _entity_swapped(t, r, page_of or {}, kinds))
    out["hedged"] = _built(plain, limit, 8, _hedged)
    out["negation removed"] = _built(plain, limit, 9, _unnegated)
    out["hedge removed"] = _built(plain, limit, 10, _unhedged)
    out["date changed"] = _built(plain, limit, 11, _redated)
    return out


class Built(list[str]):
    """The claims of one probe, how many sampled sentences it could not be built from, and the
    sentence each claim was made from."""

    skipped = 0

    def __init__(self) -> None:
        super().__init__()
        self.origin: dict[str, str] = {}


def _built(plain: list[str], limit: int, seed: int, make: Callable[[str, random.Random], str | None]) -> Built:
    """Return up to `limit` claims `make(sentence, rng)` builds, trying the sentences of `plain`
    in a shuffled order (a sentence it returns None for is skipped and counted)."""
    rng = random.Random(seed)
    out = Built()
    for t in rng.sample(plain, len(plain)):
        if len(out) >= limit:
            break
        claim = make(t, rng)
        if claim is None or claim == t:
            out.skipped += 1
        else:
            out.append(claim)
            out.origin[claim] = t
    return out


def _dropped(t: str, rng: random.Random) -> str | None:
    """Return `t` shortened: a trailing adjunct cut off, or 1-3 non-content words left out."""
    from factcheck.text import STOP_WORDS

    ws = t.split()
    cuts = []
    # "did not vote in 2020" does not say "did not vote"; "If you camp, take two bags" does
    # not say "If you camp"
    if not _CUT_BLOCKERS.search(t) and ws[0].lower().strip(",") not in _SUBORDINATE:
        end = t.rstrip(".!")
        comma = end.rfind(", ")
        if comma > 0:
            tail = end[comma + 2:].split()
            if 2 <= len(tail) <= 12 and tail[0].lower() in _ADJUNCT_OPENERS and len(end[:comma].split()) >= 6:
                cuts.append(end[:comma] + ".")
        for i in range(len(ws) - 2, 5, -1):  # a final phrase of 2-8 words opened by a preposition
            if len(ws) - i > 8:
                break
            # after a content word: "should be on ...", "cut back on ..." need their phrase
            if ws[i] in _ADJUNCT_OPENERS and ws[i] not in ("which", "who", "where", "as") and \
                    not ws[i - 1].endswith(",") and re.sub(r"\W", "", ws[i - 1].lower()) not in STOP_WORDS:
                cuts.append(" ".join(ws[:i]).rstrip(",") + ".")
                break
    quoted = _quoted_words(ws)  # a word left out of a quotation makes a misquote
    slots = [i for i, w in enumerate(ws) if w.lower() in _DROPPABLE and i < len(ws) - 1 and i not in quoted]
    dropped = None
    if slots:
        gone = set(rng.sample(slots, rng.randint(1, min(3, len(slots)))))
        kept = [w for i, w in enumerate(ws) if i not in gone]
        if 0 in gone:
            kept[0] = kept[0][:1].upper() + kept[0][1:]
        dropped = " ".join(kept)
    if cuts and (dropped is None or rng.random() < 0.5):
        return cuts[0]
    return dropped


def _quoted_words(ws: list[str]) -> set[int]:
    """Return the positions of the words inside single quotation marks (‘...’ or '...')."""
    inside, out = False, set()
    for i, w in enumerate(ws):
        opens = w[:1] in "‘'"
        if opens:
            inside = True
        if inside:
            out.add(i)
        if w.rstrip(".,;:!?")[-1:] in "’'" and (opens or not w.rstrip(".,;:!?").endswith(("’s", "'s"))):
            inside = False
    return out


def _antonymised(t: str, rng: random.Random) -> str | None:
    """Return `t` with one word of ANTONYMS replaced by its opposite."""
    if _UNASSERTED.search(t):
        return None  # "it is unclear whether it broke after falling": no statement to turn round
    # "the most comfortable" / "the least comfortable", not "most people" / "least people"
    found = [m for m in _OPPOSITE_WORD.finditer(t) if m.group() not in ("most", "least") or t[:m.start()].endswith("the ")]
    if not found:
        return None
    m = rng.choice(found)
    return t[:m.start()] + _OPPOSITE[m.group()] + t[m.end():]


def _mentions(t: str) -> list[tuple[str, int, int, str]]:
    """Return (kind, start, end, name) of the people, organisations and places `t` names."""
    from factcheck.givennames import GIVEN_NAME_GENDER

    out = []
    for m in _CAPITALISED_RUN.finditer(t):
        run = re.sub(r"(?:['’]s?|[.,;:])+$", "", m.group())
        tokens = run.split()
        start = m.start()
        while tokens and tokens[0] in _LEADING:
            start += len(tokens[0]) + 1
            tokens = tokens[1:]
        if not tokens:
            continue
        name = " ".join(tokens)
        end = start + len(name)
        if name in PLACES:
            out.append(("place", start, end, name))
        elif len(tokens) == 1 and re.fullmatch(r"[A-Z]{3,5}", name) and name not in _NOT_ACRONYMS:
            out.append(("organisation", start, end, name))
        elif 2 <= len(tokens) <= 5 and tokens[-1] in _ORG_HEADS and all(x.isalpha() for x in tokens):
            out.append(("organisation", start, end, name))
        elif 2 <= len(tokens) <= 3 and tokens[0].lower() in GIVEN_NAME_GENDER and \
                all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", x) for x in tokens) and \
                not any(x in _ORG_HEADS or x in _NOT_SURNAMES for x in tokens) and " ".join(tokens[1:]) not in PLACES:
            out.append(("person", start, end, name))
    return out


def _names_by_kind(page_of: dict[str, frozenset[int]]) -> dict[str, list[tuple[str, frozenset[int]]]]:
    """Return kind -> sorted (name, the pages naming it) over every passage."""
    seen: dict[tuple[str, str], set[int]] = {}
    for text, docs in page_of.items():
        for kind, _, _, name in _mentions(text):
            seen.setdefault((kind, name), set()).update(docs)
    out: dict[str, list[tuple[str, frozenset[int]]]] = {}
    for (kind, name), pages_naming in sorted(seen.items()):
        out.setdefault(kind, []).append((name, frozenset(pages_naming)))
    return out


def _entity_swapped(t: str, rng: random.Random, page_of: dict[str, frozenset[int]],
                    kinds: dict[str, list[tuple[str, frozenset[int]]]]) -> str | None:
    """Return `t` with one name replaced by a name of the same kind its own pages never name."""
    mentions = _mentions(t)
    if not mentions:
        return None
    kind, start, end, name = rng.choice(mentions)
    if t[:start].endswith(("the ", "The ")) and kind == "place":
        return None  # "the United States" would become "the Qatar"
    own = page_of.get(t, frozenset())
    own_text = _page_texts(page_of).get(own, "")
    others = [n for n, docs in kinds.get(kind, ()) if not (docs & own) and n.split()[-1] not in own_text]
    if not others:
        return None
    return t[:start] + rng.choice(others) + t[end:]


_PAGE_TEXTS: dict[int, dict[frozenset[int], str]] = {}


def _page_texts(page_of: dict[str, frozenset[int]]) -> dict[frozenset[int], str]:
    """Return, for each set of pages a sentence is on, the text of those pages (built once)."""
    key = id(page_of)
    if key not in _PAGE_TEXTS:
        by_doc: dict[int, list[str]] = {}
        for text, docs in page_of.items():
            for d in docs:
                by_doc.setdefault(d, []).append(text)
        _PAGE_TEXTS[key] = {docs: " ".join(x for d in docs for x in by_doc[d]) for docs in set(page_of.values())}
    return _PAGE_TEXTS[key]


def _hedged(t: str, rng: random.Random) -> str | None:
    """Return `t` with its first auxiliary made "may ...", or prefixed "It is possible that"."""
    if _HEDGED.search(t.lower()):
        return None
    m = _HEDGE_AUX.search(t)
    if m and rng.random() < 0.5:
        return t[:m.start()] + _HEDGE_AS[m.group()] + t[m.end():]
    first = t.split()[0]
    if first in ("But", "And", "Yet", "So") and len(t.split()) > 1:  # "It is possible that but ...": no
        t = t[len(first):].lstrip()
        t = t[:1].upper() + t[1:]
    lead = t[:1].lower() + t[1:] if t.split()[0] in _LOWER_LEAD else t
    return "It is possible that " + lead


# A negation a reporter drops: "did not", "has never", "wasn't". Sentences with a second
# negation, a condition, a question or a fixed phrase ("not only", "whether or not") are skipped.
_NEGATION = re.compile(r"\b(?P<aux>is|are|was|were|has|have|had|will|would|could|can|should|did|does|do)"
                       r"(?: not|n['’]t)\b(?! (?:only|just|yet|even|necessarily|always|all|every|least)\b)"
                       r"|\b(?P<never>has|have|had|is|was|were|will|would) never\b(?! (?:before|again)\b)"
                       r"|\b(?P<irregular>won['’]t|can['’]t|cannot)\b(?! (?:only|just|yet|even|necessarily|always)\b)")
_IRREGULAR = {"won't": "will", "won’t": "will", "can't": "can", "can’t": "can", "cannot": "can"}
_OTHER_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|unless|whether|if)\b"
                             r"|n['’]t\b|\?", re.I)
# A hedge a reporter drops: "may sign" becomes "will sign", "is expected to win" becomes "will win".
_HEDGE = re.compile(r"\b(?:may|might|could) (?!(?:have|not|also|well|soon|never|even)\b)(?=[a-z]+\b)"
                    r"|\b(?:is|are|was|were) (?:expected|likely) to (?!have\b)(?=[a-z]+\b)"
                    r"|\b(?P<adverb>reportedly|allegedly|possibly|probably|likely) (?=[a-z]+\b)")
_OTHER_HEDGE = re.compile(r"\b(?:may|might|could|possibly|possible|perhaps|maybe|likely|unlikely|probably|"
                          r"reportedly|allegedly|expected|not|no|never|if|unless|whether|would)\b|n['’]t\b|\?", re.I)


def _unnegated(t: str, rng: random.Random) -> str | None:
    """Return `t` with its one negation left out ("did not sign" -> "did sign", "has never been"
    -> "has been", "won't" -> "will"), for sentences that negate once and make no condition."""
    found = list(_NEGATION.finditer(t))
    if len(found) != 1:
        return None
    m = found[0]
    rest = t[:m.start()] + t[m.end():]
    if _OTHER_NEGATION.search(rest) or re.search(r"\bwon['’]t\b|\bcan['’]t\b", rest):
        return None
    aux = m.group("aux") or m.group("never") or _IRREGULAR[m.group("irregular").lower()]
    return t[:m.start()] + aux + t[m.end():]


def _unhedged(t: str, rng: random.Random) -> str | None:
    """Return `t` with its one hedge made certain ("may sign" -> "will sign", "is expected to
    win" -> "will win", "reportedly paid" -> "paid"), for sentences that hedge once and make no condition or denial."""
    found = list(_HEDGE.finditer(t))
    if len(found) != 1:
        return None
    m = found[0]
    rest = t[:m.start()] + t[m.end():]
    if _OTHER_HEDGE.search(rest):
        return None
    return t[:m.start()] + ("" if m.group("adverb") else "will ") + t[m.end():]


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
           "November", "December")  # not May: a modal as often as a month
_DATE_WORD = re.compile(r"\b(?:" + "|".join(_WEEKDAYS + _MONTHS) + r")\b")


def _redated(t: str, rng: random.Random) -> str | None:
    """Return `t` with its one weekday or month name replaced by another (the next but one:
    "Tuesday" -> "Thursday", "March" -> "May" is skipped), for sentences naming one."""
    found = list(_DATE_WORD.finditer(t))
    if len(found) != 1:
        return None
    m = found[0]
    names = _WEEKDAYS if m.group() in _WEEKDAYS else _MONTHS
    other = names[(names.index(m.group()) + 2) % len(names)]
    return t[:m.start()] + other + t[m.end():]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--work", default=None, help="index folder (default: a temporary one)")
    ap.add_argument("--limit", type=int, default=400, help="sentences per probe")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses per probe")
    ap.add_argument("--errors-full", action="store_true", help="with --errors: the sentence, source and reasons")
    ap.add_argument("--set", choices=SETS, action="append", help="only these page sets (default: both)")
    args = ap.parse_args()
    from factcheck import open_index, verify
    from factcheck.ingest import index_paths
    from factcheck.models import Verdict

    files = pages(args.data, tuple(args.set or SETS))
    if not files:
        print(f"no news pages under {args.data}", file=sys.stderr)
        return 2
    work = args.work or tempfile.mkdtemp(prefix="factcheck-probes-")
    index_paths(work, files)
    store = open_index(work)
    where: dict[str, set[int]] = {}
    for _, doc, _, t in store.passages():
        where.setdefault(t, set()).add(doc)
    page_of = {t: frozenset(d) for t, d in where.items()}
    texts = sorted(page_of)
    print(f"# Passage stance probes: {len(files)} pages, {len(texts):,} distinct passages\n")
    print("| probe | sentences | right | " + " | ".join(("supported", "conflicting", "disputed", "unverified"))
          + " | skipped |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    misses: dict[str, list[tuple[str, Verdict]]] = {}
    start = time.perf_counter()
    n = 0
    claims_of = probes(texts, args.limit, page_of)
    for probe, claims in claims_of.items():
        counts: Counter[str] = Counter()
        for claim in claims:
            v = verify(store, claim)
            counts[v.verdict] += 1
            n += 1
            if v.verdict not in WANTED[probe]:
                misses.setdefault(probe, []).append((claim, v))
        right = sum(counts[k] for k in WANTED[probe])
        print(f"| {probe} | {len(claims)} | {right / max(len(claims), 1):.3f} | "
              + " | ".join(str(counts[k]) for k in ("supported", "conflicting", "disputed", "unverified"))
              + f" | {getattr(claims, 'skipped', 0)} |")
    rule = ", ".join(f"{k}: {' or '.join(v)}" for k, v in WANTED.items())
    print(f"\nright = {rule}; {n} claims in {time.perf_counter() - start:.1f} s")
    for probe, items in misses.items():
        # the evidence that made it a miss: a conflict where support was wanted, else support
        against = ("conflicts",) if "supported" in WANTED[probe] else \
            ("supports",) if "conflicting" in WANTED[probe] else ("supports", "conflicts")
        for claim, v in items[:args.errors]:
            top = next((e for e in v.evidence if e.stance in against), v.evidence[0] if v.evidence else None)
            why = f"{top.stance}: {top.reasons[-1]}" if top else "no evidence"
            print(f"MISS [{probe}] {v.verdict}: {claim[:100]} | {why[:140]}")
            origin: dict[str, str] = getattr(claims_of[probe], "origin", {})
            if args.errors_full and claim in origin:
                print(f"    from: {origin[claim][:200]}\n    claim: {claim[:200]}\n    "
                      + (f"source: {top.candidate.text[:200]}\n    reasons: {'; '.join(top.reasons)[:300]}"
                         if top else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
