"""Cue words of a folded statement: its polarity (negation within reach of the claim's words),
its certainty (possible, probable, certain) and retractions ("walked back", "denied").

Pure functions over folded text, used by `stance`. Cue phrases are matched as whole words,
longest first, each stretch of text counted once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from .lexicon import (
    NEGATIVE_PHRASES,
    NEGATIVE_WORDS,
    OPENING_PHRASES,
    POSSIBLE_PHRASES,
    PROBABLE_PHRASES,
    RETRACTION_PHRASES,
    synonym_stems,
)
from .text import NEGATIONS, STOP_WORDS, stem, words

# Certainty levels of a statement.
CERTAIN, PROBABLE, POSSIBLE = 3, 2, 1

# Content words (stop words not counted) either side: "ruling out the deployment of US troops"
# is 2 apart, "troops to Ukraine is unlikely" 2, "the call, along with Trump's comments that
# Ukraine is unlikely" 5 (out of scope).
NEGATION_SCOPE = 4
NAME_SCOPE = 1  # content words between a negation and a claim name it may deny

_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b[^,;.]*")
# A class of people picked out by what they do or fail to do is a condition too: "workers who
# fail to tell their employers could be fined" = "if workers fail to tell ...".
_WHO_CONDITION = re.compile(r"\b(?:anyone|anybody|everyone|those|people|\w+(?:ers|ees|ants|ents|ists|ians))\s+who\s+"
                            r"(?:[\w-]+\s+){1,14}?(?=(?:could|can|will|would|may|might|must|should|face|faces|risk|risks)\b)")
_WORD_RUN = re.compile(r"\w+")
_NUMBER_SIGN = re.compile(r"\bno\.\s?(?=\d)")
# "May" the month, not the modal: "in May", "on May 5", "3 May" (folded text has no capitals).
MONTH_MAY = re.compile(
    r"\b(?P<pre>(?:in|of|since|until|till|by|from|early|late|mid|during|through|throughout|last|next)[ -])may\b"
    r"|\bmay(?= \d)|(?<=\b\d )may\b|(?<=\b\d\d )may\b"  # "May 5", "3 May" - not "in 2025 may rise"
)
_NT_WORD = re.compile(r"\b\w+nt\b")  # "didnt", "wasnt": the folded negations
_NT_NEGATIONS = frozenset(w for w in NEGATIONS if len(w) > 2 and w.endswith("nt"))  # what _NT_WORD can find


class _Phrases:
    """Cue phrases in the order they are tried, indexed by first word.

    A phrase matched on word boundaries starts with a whole word of the text, so only the
    phrases whose first word the text has can match: ~25 lookups instead of ~70 searches.
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases = tuple(phrases)
        by_first: dict[str, list[int]] = {}
        for i, phrase in enumerate(self.phrases):
            by_first.setdefault(_WORD_RUN.match(phrase).group(0), []).append(i)  # type: ignore[union-attr]
        self.by_first = {w: tuple(at) for w, at in by_first.items()}

    def among(self, present: set[str]) -> list[str]:
        """Return the phrases whose first word is in `present` (the text's words), in order."""
        at = [i for w in present if w in self.by_first for i in self.by_first[w]]
        return [self.phrases[i] for i in sorted(at)]


# Longer phrases first, so that "not ruled out" claims its words before "not" and "ruled out" do.
_POSSIBLE = _Phrases(sorted(POSSIBLE_PHRASES, key=len, reverse=True))
_NEGATIVE = _Phrases(sorted(NEGATIVE_PHRASES, key=len, reverse=True))
_PROBABLE = _Phrases(PROBABLE_PHRASES)
_RETRACTION = _Phrases(RETRACTION_PHRASES)


@lru_cache(maxsize=4096)
def _word_re(phrase: str) -> re.Pattern[str]:
    """Return the compiled pattern of `phrase` as whole words (compiled once; issue #7)."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


def polarity(text: str, anchors: AbstractSet[str] | None = None,
             names: AbstractSet[str] = frozenset()) -> tuple[int, int, list[str]]:
    """Return (+1/-1, certainty, cue words) of a folded statement; if-clauses are left out.

    With `anchors` (claim stems), a negation counts only when a claim word (or a synonym)
    stands within NEGATION_SCOPE words of it: in "the call, along with comments that
    Ukraine is unlikely to reclaim territory" the "unlikely" is not about the call. An anchor
    among `names` (the claim's names and figures) must stand next to it (NAME_SCOPE): "rejects any
    indicators that suggest Harris is ahead" denies something else of Harris than the claim
    "Trump said our country is finished if Harris wins", where "Never Trump" is a name.
    """
    if "if" in text or "unless" in text or "whether" in text:  # the pattern's words; most texts lack them
        text = _CONDITIONAL.sub(" ", text)
    if "who" in text:
        text = _WHO_CONDITION.sub(lambda m: m.group(0).split()[0] + " ", text)
    if "no" in text:
        text = _NUMBER_SIGN.sub("number ", text)  # "No. 7", "No.10": a number sign, no negation
    if "may" in text:
        text = MONTH_MAY.sub(lambda m: (m.group("pre") or "") + "month", text)
    present = set(_WORD_RUN.findall(text))
    sign = 1
    cues: list[str] = []
    certainty = CERTAIN
    consumed: list[tuple[int, int]] = []
    # Word positions are needed only once a negation turns up, which most statements lack.
    scope: tuple[list[int], list[int], list[int]] | None = None
    far = frozenset(anchors) - frozenset(names) if anchors is not None else None
    plain = (far or anchors) if anchors is not None else None  # what a hedge must hedge

    def in_scope(start: int, forward: bool = False) -> bool:
        nonlocal scope
        if anchors is None or far is None:
            return True
        if scope is None:
            token_starts = [m.start() for m in _WORD_RUN.finditer(text) if m.group(0) not in STOP_WORDS]
            scope = token_starts, _anchor_positions(text, far), _anchor_positions(text, anchors)
        token_starts, anchored, named = scope
        i = max(bisect_right(token_starts, start) - 1, 0)
        # the cue's own word is no anchor of it: "ground the industries to a historic halt"
        # does not deny "the strike ended" because "halt" is a synonym of "end"
        own = token_starts[i] == start if token_starts else False  # the cue is that content word
        if forward:
            return (any(own <= j - i <= NEGATION_SCOPE for j in anchored)
                    or any(own <= j - i <= NAME_SCOPE for j in named))
        return (any(own <= abs(i - j) <= NEGATION_SCOPE for j in anchored)
                or any(own <= abs(i - j) <= NAME_SCOPE for j in named))

    def scan(phrases: _Phrases, scoped: bool) -> list[tuple[str, int]]:
        found = []
        for phrase in phrases.among(present):
            for m in _word_re(phrase).finditer(text) if phrase in text else ():
                if any(s <= m.start() < e for s, e in consumed):
                    continue
                consumed.append((m.start(), m.end()))
                if scoped and not in_scope(m.start(), forward_only(text, m.start(), phrase)):
                    continue
                found.append((phrase, m.end()))
        return found

    possible = [phrase for phrase, end in scan(_POSSIBLE, scoped=False)
                if plain is None or not _hedges_other_verb(text, end, plain)]
    if possible:
        certainty = POSSIBLE
        cues.extend(possible)
    if any(p in text and any(anchors is None or not _hedges_other_verb(text, m.end(), anchors)
                             for m in _word_re(p).finditer(text)) for p in _PROBABLE.among(present)):
        certainty = min(certainty, PROBABLE)
    for phrase, end in scan(_NEGATIVE, scoped=True):
        if phrase in NEGATIONS and (_NOT_ONLY.match(text, end) or anchors is not None
                                    and not _negates_claim_word(text, end, anchors, phrase == "no")):
            continue  # ("not only …, but …": an addition, no denial)
        sign = -sign
        cues.append(phrase)
    for m in _NT_WORD.finditer(text) if not present.isdisjoint(_NT_NEGATIONS) else ():
        w = m.group(0)
        if w in NEGATIONS and w not in cues and in_scope(m.start()) and (
                anchors is None or _negates_claim_word(text, m.end(), anchors)):
            sign = -sign
            cues.append(w)
    opened = [c for c in possible if c in OPENING_PHRASES]
    if opened and (anchors is None or not _anchor_positions(text, anchors)
                   or any(in_scope(_word_re(c).search(text).start()) for c in opened)):  # type: ignore[union-attr]
        # "did not rule out", "left the door open": a door opened, whatever else - when it
        # is opened to the claim's words (or the text has none: "he left the door open" after
        # a sentence about troops), not in "left the door open, stating that he would never
        # limit the options" for a claim about limiting the options
        sign = 1
    return sign, certainty, cues


_CLAUSE_END = re.compile(r"[.;:!?,]")
# Verbs that report a statement: "did not confirm that ..." negates what follows.
_SAYING = frozenset("""say said says saying confirm confirmed confirms confirming state stated states announce
    announced report reported claim claimed claims acknowledge acknowledged admit admitted""".split())
# Words a negation may stand before that say how sure a statement is: "is not likely".
_CERTAINTY_WORDS = frozenset(w for p in POSSIBLE_PHRASES + PROBABLE_PHRASES for w in p.split())


_TO_VERB = re.compile(r"\s+to\s+(\w+)(?:\s+(\w+))?")
_MODALS = frozenset(("could", "may", "might"))
# Verbs a bare negation may stand before while denying their object: "do not see any roadblocks".
# Nouns after "no" that deny what follows them: "no evidence that", "no link between"
_EVIDENCE_NOUNS = frozenset("evidence link links connection sign signs indication proof record trace suggestion".split())
_SEEING = frozenset("see sees saw find finds found expect expects foresee foresees detect detects notice".split())
_CLAUSE_HEDGES = frozenset(("suggest", "suggests", "suggested", "hint", "hints", "hinted"))
_APPEAR = frozenset(("appear", "appears", "appeared"))
_APPEARED_AT = re.compile(r"\s+(?:before|in|at|on|alongside|with|outside|inside|for|via|by)\b")


_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$")


def forward_only(text: str, start: int, phrase: str) -> bool:
    """Return True when a one-word negative cue is in the active voice ("courts halted efforts
    to delay the primary", "regulations ..., which also ban pubs from playing loud music"): it
    denies what follows it, not the words before it: "the primary, which went ahead ... after
    courts halted ..." does not deny that it went ahead, nor "coming into force today, which
    also ban ..." the force. A passive one ("the rally was halted"), or one that ends its
    clause ("Lacerda refused."), denies the words before it too."""
    if " " in phrase or phrase in NEGATIONS:
        return False  # "not", "cannot": _negates_claim_word reads what they stand before
    end = start + len(phrase)
    if not _WORD_AFTER.match(text, end):
        return False  # "... Lacerda refused.": nothing after it to deny, so it denies its sentence
    return not _PASSIVE_BEFORE.search(text, max(0, start - 24), start)


_WORD_AFTER = re.compile(r"[ \t]+\w")


def _hedges_other_verb(text: str, end: int, anchors: AbstractSet[str]) -> bool:
    """Return True when a hedge ending at `end` is "... to VERB" or a modal before a VERB that
    is no claim word: "the war is expected to dominate discussions at the conference, where
    Zelensky will meet Hegseth" hedges the discussions, not the meeting ("is expected to meet"
    hedges it); "sent a letter warning that the return could put workers at risk" hedges the
    risk, not the letter."""
    word = text[max(0, end - 10):end].rsplit(" ", 1)[-1]
    if word in _APPEAR and _APPEARED_AT.match(text, end):
        return True  # "she appeared before judge Mathenjwa": she came to court, nothing hedged
    m = _TO_VERB.match(text, end)
    if m:
        verb = m.group(2) if m.group(1) in STOP_WORDS and m.group(2) else m.group(1)  # "to be deployed"
        return not _anchored(verb, anchors)
    # the word ending there ("kyiv may")
    if word not in _MODALS and word not in _CLAUSE_HEDGES:
        return False
    # a modal hedges what follows it in its clause: "could impose sanctions and send troops";
    # so does "suggest": "rejects any indicators that suggest Harris is ahead" hedges the lead
    clause = _CLAUSE_END.split(text[end:end + 160], maxsplit=1)[0]
    return not any(_anchored(w, anchors) for w in _WORD_RUN.findall(clause) if w not in STOP_WORDS)


def _anchored(word: str, anchors: AbstractSet[str]) -> bool:
    s = stem(word)
    return s in anchors or bool(synonym_stems().get(s, frozenset()) & anchors)


def _negates_claim_word(text: str, end: int, anchors: AbstractSet[str], determiner: bool = False) -> bool:
    """Return True when the word a bare negation ("not", "never", "didnt") stands before - the
    next word that is no stop word or -ly adverb - is a claim word, a synonym or a certainty word.

    "The airline doesnt know where the scorpion came from" negates knowing, not the claim's
    "a scorpion stung a woman"; "did not stay on the flight", "did not immediately confirm
    the arrest" and "is not likely" negate what they are next to.
    """
    seen, having = False, determiner  # "no immediate threat": a determiner's noun comes after its adjective
    for m in _WORD_RUN.finditer(text, end):
        if _CLAUSE_END.search(text, end, m.start()):
            return True  # "some say they shouldnt be.": what it negates is left out, so the claim's
        w = m.group(0)
        if w in STOP_WORDS or (w.endswith("ly") and len(w) > 4 and w not in _CERTAINTY_WORDS):
            having = having or w in _HAVING
            end = m.end()
            continue
        if w in _SEEING and not seen:
            seen, end = True, m.end()  # "we do not see any roadblocks": it is the roadblocks denied
            continue
        if w in _CERTAINTY_WORDS or w in _SAYING or _anchored(w, anchors) or determiner and w in _EVIDENCE_NOUNS \
                or w in NEGATIVE_WORDS:
            # ("found no link between coffee and cancer": no evidence of what follows; "should not
            # be postponed": a negation of a negative word, which the claim reads as two as well)
            return True
        if having:
            # "do not have the necessary capabilities", "posed no immediate threat": what is not had
            # (or is none) is the noun the adjective goes with
            nxt = _WORD_RUN.search(text, m.end())
            return nxt is not None and not _CLAUSE_END.search(text, m.end(), nxt.start()) and _anchored(nxt.group(0), anchors)
        return False
    return True


_HAVING = frozenset(("have", "has", "had", "having"))
_NOT_ONLY = re.compile(r"\s+(?:only|merely)\b")


def _anchor_positions(text: str, anchors: AbstractSet[str]) -> list[int]:
    """Return the content-word positions of `text` holding a claim stem (or a synonym of one)."""
    content = (m.group(0) for m in _WORD_RUN.finditer(text) if m.group(0) not in STOP_WORDS)
    return [i for i, w in enumerate(content) if _anchored(w, anchors)]


def retraction_in(passage: str, subject: str | None) -> str | None:
    """Return a reason when the passage retracts or denies, said by or about the subject."""
    for phrase in _RETRACTION.among(set(_WORD_RUN.findall(passage))):
        m = _word_re(phrase).search(passage) if phrase in passage else None
        if not m:
            continue
        if subject:
            # The one who walks back must be the subject (or "he"/"she" right before the cue).
            lead = re.split(r"[,;:]", passage[max(0, m.start() - 80):m.start()])[-1]
            surname = words(subject)[-1] if words(subject) else ""
            if surname not in words(lead) and not re.search(r"\b(?:he|she|they)\b", lead):
                continue
        return f"retraction: the source says '{phrase}'"
    return None


# A hedge that opens a sentence frames all of it, whatever clauses follow: "It is possible
# that A: B", "Perhaps A, and B".
_FRAME = re.compile(r"^\W*(?:it\s+(?:is|was|seems|appears)\s+(?:quite\s+|entirely\s+)?(possible|likely|probable|conceivable|"
                    r"plausible)\s+that|(perhaps|maybe|possibly|probably|reportedly|allegedly))\b")
_FRAME_FIRST = ("it", "perhaps", "maybe", "possibly", "probably", "reportedly", "allegedly")  # most texts: no match
_FRAME_CERTAINTY = {"likely": PROBABLE, "probable": PROBABLE, "probably": PROBABLE}


def frame_certainty(text: str) -> tuple[int, str | None]:
    """Return the certainty of the hedge opening a folded statement, and its word (CERTAIN, None: none)."""
    m = _FRAME.match(text) if text[:16].lstrip(" \"'(").startswith(_FRAME_FIRST) else None
    if not m:
        return CERTAIN, None
    word = m.group(1) or m.group(2)
    return _FRAME_CERTAINTY.get(word, POSSIBLE), word

