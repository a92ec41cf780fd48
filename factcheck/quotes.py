"""Direct quotations and who said them.

Quote spans come from the quotation marks (curly or straight, double or single, nested);
the speaker from a cue verb and its subject in the same sentence ("…,” Vance was quoted as
saying", "Kremlin spokesman Dmitry Peskov told reporters"), else the speaker of the quote
just before. Names are resolved to the fullest form the document gives ("Vance" ->
"J.D. Vance"), pronouns to the nearest person, titles ("the president") to the person the
document introduced with that title.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .models import Quote
from .text import fold

CUE_VERBS = (
    "said|says|say|saying|told|tells|telling|added|adds|adding|stated|states|stating|asked|asks|"
    "wrote|writes|writing|noted|notes|explained|explains|argued|argues|warned|warns|insisted|"
    "insists|claimed|claims|declared|declares|announced|announces|tweeted|posted|replied|"
    "replies|responded|continued|continues|labeled|labelled|called|calls|described|describes|"
    "admitted|admits|acknowledged|conceded|stressed|emphasized|emphasised|assured|assures|"
    "recalled|recalls|suggested|predicted|vowed|pledged|promised|confirmed|denied|joked|"
    "quipped|remarked|observed|shouted|whispered|cried|answered|testified|urged|boasted|"
    "complained|agreed|concluded|maintained|contended|reiterated|cautioned|"
    "was quoted as saying|is quoted as saying|was quoted as|according to"
)
_CUE = re.compile(rf"\b({CUE_VERBS})\b", re.I)
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|[A-Z]\.(?:[A-Z]\.)*)"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|der|al|bin|la|le|du|da)\s+)?{_NAME_TOKEN})*")
PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "who": "r"}

# Words that introduce a person but are not part of the name.
TITLE_WORDS = frozenset(
    """president vice secretary senator sen rep representative minister prime deputy defense
    defence state foreign interior chancellor governor gov mayor general gen spokesman
    spokeswoman spokesperson director ambassador special envoy chief ceo chairman chairwoman
    chair judge justice mr mrs ms dr prof professor king queen prince princess pope lord sir
    dame u.s us u.s. uk british russian ukrainian american french german chinese israeli
    kremlin white house national security advisor adviser leader commander officer colonel
    captain lieutenant sergeant agent attorney speaker congressman congresswoman
    councilman councilwoman democratic republican polish former acting assistant
    executive press analyst economist professor coach manager founder president-elect
    sheriff detective inspector councillor councilor alderman superintendent commissioner administrator editor host
    actor actress singer rapper star author writer reporter correspondent colleague
    billionaire cardinal archbishop bishop rabbi imam the a an top senior
    """.split()
)
_TITLE_QUALIFIERS = frozenset("the a an u.s us u.s. former top senior".split())
NOT_PERSON = frozenset(
    """the a an this that these those it its his her their there here but and or so yet
    if when while as after before on in at by for with from of to monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december washington moscow kyiv kiev europe russia ukraine
    america china britain france germany nato un eu""".split()
)

_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "'": "'", "«": "»", "„": "“"}


def extract_quotes(text: str, sentences: list[tuple[int, int]], line_starts: list[int]) -> list[Quote]:
    """Return the quotes in `text` with speakers, each tied to the sentence that holds it."""
    spans = quote_spans(text)
    if not spans:
        return []
    sent_starts = [s for s, _ in sentences]
    people = PeopleIndex(text)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end, depth in spans:
        inner = text[start + 1:end - 1] if end - start >= 2 else ""
        body = _clean(inner)
        if not body or len(body) < 2:
            continue
        seq = bisect_right(sent_starts, start) - 1
        if seq < 0 or seq >= len(sentences):
            continue
        s_start, s_end = sentences[seq]
        speaker, cue = _attribute(text, start, end, s_start, s_end, spans, people, depth)
        if speaker is None and previous is not None and _continues(text, previous, start, depth):
            speaker, cue = previous.speaker, previous.cue
        q = Quote(text=body, start=start + 1, end=end - 1, line=bisect_right(line_starts, start),
                  speaker=speaker, cue=cue, passage_seq=seq)
        if depth == 0:
            previous = q
        quotes.append(q)
    return [replace(q, speaker=people.canonical(q.speaker)) if q.speaker else q for q in quotes]


def _clean(inner: str) -> str:
    return re.sub(r"\s+", " ", inner).strip(" ,")


# ---------------------------------------------------------------------------- spans


def quote_spans(text: str) -> list[tuple[int, int, int]]:
    """Return (start, end, depth) of quotations, marks included; depth 1 = nested."""
    out: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and i + 1 < n and text[i + 1] == "\n" or (ch == "\n" and text[i + 1:i + 2].isspace()):
            # A paragraph ends: an unclosed double quote continues only if the next paragraph
            # reopens it (multi-paragraph quote); close it here either way.
            if stack:
                for mark, pos in stack:
                    if mark in "“\"«„":
                        out.append((pos, _trim_end(text, i), len([1 for m, _ in stack if m in "“\"«„"]) - 1))
                stack = []
            i += 1
            continue
        if ch in "“«„" or (ch == '"' and not _closes(stack, '"')):
            if ch == '"' and not _can_open(text, i):
                i += 1
                continue
            stack.append((ch, i))
        elif ch in "”»" or (ch == '"' and _closes(stack, '"')):
            opener = _pop_until(stack, ("“", '"', "„", "«"))
            if opener is not None:
                out.append((opener, i + 1, _depth(stack)))
        elif ch in "‘'":
            if _can_open(text, i) and any(m in "“\"«„" for m, _ in stack) or (ch == "‘" and _can_open(text, i)) or (ch == "'" and _can_open(text, i) and _has_single_close(text, i)):
                stack.append((ch, i))
        if ch in "’'" and stack and stack[-1][0] in "‘'" and _can_close(text, i):
            opener_mark, pos = stack.pop()
            out.append((pos, i + 1, _depth(stack)))
        i += 1
    for mark, pos in stack:
        if mark in "“\"«„":
            out.append((pos, _trim_end(text, n), 0))
    out.sort()
    return [(s, e, d) for s, e, d in out if e - s > 2]


def _trim_end(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _depth(stack: list[tuple[str, int]]) -> int:
    return sum(1 for m, _ in stack if m in "“\"«„‘'")


def _closes(stack: list[tuple[str, int]], mark: str) -> bool:
    return any(m == mark for m, _ in stack)


def _pop_until(stack: list[tuple[str, int]], openers: tuple[str, ...]) -> int | None:
    while stack:
        mark, pos = stack.pop()
        if mark in openers:
            return pos
    return None


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/“\"‘") and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    return not after.isalnum()


def _has_single_close(text: str, i: int) -> bool:
    """Return True when a straight single quote opening at i is closed in the same sentence."""
    tail = text[i + 1:i + 400]
    for m in re.finditer(r"'", tail):
        j = i + 1 + m.start()
        if _can_close(text, j):
            return True
        if text[j - 1:j].isalpha() and text[j + 1:j + 2].isalpha():
            continue  # an apostrophe inside a word
    return False


# ---------------------------------------------------------------------------- speakers


class PeopleIndex:
    """The person names a document mentions, for resolving surnames, pronouns and titles."""

    def __init__(self, text: str) -> None:
        self.mentions: list[tuple[int, str]] = []  # (offset, full name as written)
        self.titles: dict[str, list[tuple[int, str]]] = {}  # "president" -> [(offset, "Donald Trump")]
        for m in _NAME_RUN.finditer(text):
            tokens = m.group(0).split()
            title_tokens: list[str] = []
            while tokens and (tokens[0].lower().rstrip(".,") in TITLE_WORDS or tokens[0].lower() in TITLE_WORDS):
                title_tokens.append(tokens.pop(0).lower().rstrip(".,"))
            name = " ".join(tokens).rstrip(".,;:’'")
            name = re.sub(r"['’]s$", "", name)
            if not name or not _looks_like_name(name):
                continue
            self.mentions.append((m.start() + m.group(0).find(name), name))
            # lower-case titles just before the run: "spokesman Dmitry Peskov"
            before = text[max(0, m.start() - 40):m.start()].lower().split()
            lower_titles = [w.strip(",.") for w in before[-2:] if w.strip(",.") in TITLE_WORDS]
            keys = [t for t in title_tokens + lower_titles if t not in _TITLE_QUALIFIERS]
            if len(keys) >= 2:
                keys.append(" ".join(keys))
            for t in keys:
                self.titles.setdefault(t, []).append((m.start(), name))
        self._full: dict[str, str] = {}
        for _, name in self.mentions:
            parts = name.split()
            if len(parts) >= 2:
                key = _key(parts[-1])
                current = self._full.get(key)
                if current is None or len(name) > len(current):
                    self._full[key] = name

    def canonical(self, name: str | None) -> str | None:
        """Return the fullest form of `name` in the document ("Vance" -> "J.D. Vance")."""
        if not name:
            return name
        parts = name.split()
        full = self._full.get(_key(parts[-1]))
        if full and (len(parts) == 1 or _key(parts[0]) == _key(full.split()[0]) or len(full) >= len(name)):
            return full
        return name

    def nearest_before(self, offset: int) -> str | None:
        """Return the last person named before `offset`."""
        i = bisect_right([o for o, _ in self.mentions], offset) - 1
        while i >= 0:
            name = self.mentions[i][1]
            if name.split()[0].lower() not in NOT_PERSON:
                return name
            i -= 1
        return None

    def by_title(self, title: str, offset: int) -> str | None:
        """Return the person last introduced with `title` ("the senator") before `offset`."""
        title = title.lower().strip()
        words = title.split()
        for key in (title, words[-1] if words else ""):
            before = [name for at, name in self.titles.get(key, []) if at < offset]
            if before:
                return before[-1]
        return None


def _key(token: str) -> str:
    return fold(token).replace(".", "").replace("’", "").replace("'", "")


def _looks_like_name(name: str) -> bool:
    parts = name.split()
    if not parts or len(parts) > 5:
        return False
    if parts[0].lower().strip(".,") in NOT_PERSON:
        return False
    return all(p[:1].isupper() for p in parts)


_TITLE_NP = re.compile(r"\b(?:the|a|an)\s+((?:[a-z]+\s+){0,2}(?:" + "|".join(
    sorted(t for t in TITLE_WORDS if len(t) > 3 and t.isalpha())) + r"))\b\s*$", re.I)


def _attribute(text: str, q_start: int, q_end: int, s_start: int, s_end: int,
               spans: list[tuple[int, int, int]], people: PeopleIndex, depth: int) -> tuple[str | None, str | None]:
    """Return (speaker, cue) for the quote at [q_start, q_end) from its sentence."""
    # After the quote: ',” Vance was quoted as saying' / ',” said Vance' / ',” he said'
    after = _outside_quotes(text, q_end, s_end, spans, stop_at_quote=True)
    m = re.match(rf"\s*[,.!?—–-]*\s*(?P<subj>[^,.;!?“”\"]{{0,80}}?)\s*\b(?P<cue>{CUE_VERBS})\b(?P<rest>[^,.;!?“”\"]{{0,60}})", after, re.I)
    if m and len(m.group("subj").split()) <= 8:
        who = _resolve(m.group("subj"), q_start, people) or _resolve(_subject_after(m.group("rest")), q_start, people)
        if who:
            return who, _cue_text(m)
    # Before the quote, in the same sentence: 'Trump said he held a “…”', 'Peskov told: “…”'
    before = _outside_quotes(text, s_start, q_start, spans)
    cues = list(_CUE.finditer(before))
    for cm in reversed(cues):
        subj = before[:cm.start()]
        clause = re.split(r"[;:]|,\s+(?:but|and|while)\s+", subj)[-1]
        who = _resolve_subject(clause, q_start, people)
        if who is None:
            rest = before[cm.end():]
            who = _resolve(_subject_after(rest), q_start, people)
        if who:
            return who, cm.group(0).lower()
    # "Hegseth's statements that … it was “unrealistic”"
    pm = None
    for pm in re.finditer(rf"({_NAME_RUN.pattern})['’]s\s+(?:\w+\s+)?(?:statements?|comments?|remarks?|words|claims?|assertions?|argument|message|warning|promise|pledge|view)\b", before):
        pass
    if pm:
        who = _resolve(pm.group(1), q_start, people)
        if who:
            return who, None
    if depth > 0:
        # A nested quote: "He's going to say, ‘…’" inside the outer quote
        inner = text[max(s_start, q_start - 120):q_start]
        nm = re.search(rf"\b(he|she|they|[A-Z]\w+)\b[’']?\w*\s+(?:is\s+|was\s+|’s\s+|'s\s+)?(?:going to\s+)?({CUE_VERBS}|say)\b[^‘“]*$", inner)
        if nm:
            who = _resolve(nm.group(1), q_start, people, prefer_title=True, context=text[max(0, q_start - 400):q_start])
            if who:
                return who, nm.group(2).lower()
    return None, None


def _cue_text(m: re.Match[str]) -> str:
    cue = m.group("cue").lower()
    rest = m.group("rest").strip()
    nxt = rest.split()[:1]
    if nxt and nxt[0].lower() in {"reporters", "journalists", "the", "cnn", "bbc", "wsj"}:
        cue = f"{cue} {' '.join(rest.split()[:3]) if nxt[0].lower() == 'the' else nxt[0]}"
    return cue


def _subject_after(rest: str) -> str:
    """Return the name after an inverted cue: ',” said Vance' -> 'Vance'."""
    m = _NAME_RUN.match(rest.strip())
    return m.group(0) if m else ""


def _outside_quotes(text: str, a: int, b: int, spans: list[tuple[int, int, int]], stop_at_quote: bool = False) -> str:
    """Return text[a:b] with quoted stretches blanked (or cut at the next quote)."""
    chars = list(text[a:b])
    for s, e, _ in spans:
        if e <= a or s >= b:
            continue
        if stop_at_quote and s >= a:
            return "".join(chars[: s - a])
        for i in range(max(s, a), min(e, b)):
            chars[i - a] = " "
    return "".join(chars)


def _resolve_subject(clause: str, offset: int, people: PeopleIndex) -> str | None:
    """Return the speaker named at the end of the clause before a cue verb."""
    clause = clause.rstrip()
    words = clause.split()
    if not words:
        return None
    # "… Senator Roger Wicker, who labeled …" -> "who" resolves to the name before it
    if words[-1].lower() in PRONOUNS:
        if words[-1].lower() == "who":
            names = list(_NAME_RUN.finditer(clause[: clause.rfind(words[-1])]))
            return _strip_titles(names[-1].group(0)) if names else None
        return _resolve(words[-1], offset, people)
    tail = re.search(rf"({_NAME_RUN.pattern})\s*(?:,[^,]{{0,60}},)?(?:\s*\b(?:also|later|then|has|had|was|is|once|further|again|repeatedly|previously)\b)*$", clause)
    if tail:
        return _resolve(tail.group(1), offset, people)
    tm = _TITLE_NP.search(clause)
    if tm:
        return people.by_title(tm.group(1), offset)
    return None


def _resolve(phrase: str, offset: int, people: PeopleIndex, prefer_title: bool = False,
             context: str = "") -> str | None:
    """Return the person a subject phrase names: a name, a pronoun, or a title."""
    phrase = phrase.strip().strip(",")
    if not phrase:
        return None
    low = phrase.lower()
    if low in PRONOUNS:
        if prefer_title and context:
            tm = re.findall(r"\bthe\s+((?:vice\s+)?president|senator|spokesman|minister|secretary|chancellor|governor|mayor)\b", context, re.I)
            if tm:
                return people.by_title(tm[-1], offset)
        return people.nearest_before(offset)
    tm = _TITLE_NP.search(phrase)
    if tm and not _NAME_RUN.search(phrase[tm.end(1):]):
        return people.by_title(tm.group(1), offset)
    runs = [r.group(0) for r in _NAME_RUN.finditer(phrase)]
    if not runs:
        return None
    name = _strip_titles(runs[-1])
    if not name or not _looks_like_name(name):
        return None
    return name


def _strip_titles(run: str) -> str:
    tokens = run.split()
    while len(tokens) > 1 and tokens[0].lower().rstrip(".,") in TITLE_WORDS | {"u.s"}:
        tokens.pop(0)
    name = " ".join(tokens).rstrip(".,;:")
    return re.sub(r"['’]s$", "", name)


def _continues(text: str, previous: Quote, start: int, depth: int) -> bool:
    """Return True when a quote with no cue of its own continues the quote before it.

    It must open its sentence (or paragraph) and follow the previous quote with no more
    than that quote's attribution in between.
    """
    if depth > 0:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start].strip()
    opens_sentence = not lead or bool(re.search(r"[.!?]\W*$", lead))
    gap = text[previous.end + 1:start]
    return opens_sentence and len(gap) < 200 and not re.search(r"[“\"]", gap)
