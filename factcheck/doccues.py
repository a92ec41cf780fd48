"""Cue words of a claim and of one passage, as the per-document stance model reads them.

A claim (often an article headline) can itself deny, hedge, ask or pass on what someone
says. A passage can refute, hedge, confirm or report; what counts most is whether that cue
stands next to the claim's own words ("the photo of the shark is a hoax") rather than
anywhere in the sentence, and whether the passage states the claim's words plainly, as a
fact, or frames them as someone's report ("..., officials say", "Report: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    ATTRIBUTION_WORDS,
    CONFIRMING_WORDS,
    HEDGING_WORDS,
    MODAL_WORDS,
    NEGATIVE_WORDS,
    REFUTING_PHRASES,
    REFUTING_WORDS,
    antonym_stems,
    synonym_stems,
)
from .text import NEGATIONS, STOP_WORDS, stem, words

NEGATION_WINDOW = 4  # content words either side of a claim word within which a cue counts (as stance.NEGATION_SCOPE)
CUE_WORDS = NEGATIONS | REFUTING_WORDS | HEDGING_WORDS | CONFIRMING_WORDS | ATTRIBUTION_WORDS | MODAL_WORDS
_FRAMING = HEDGING_WORDS | ATTRIBUTION_WORDS | MODAL_WORDS  # words that report or qualify rather than state


@dataclass(frozen=True)
class ClaimCues:
    """The cue words of the claim itself (a headline can be a denial or a question)."""

    negative: bool
    hedged: bool
    question: bool
    attributed: bool  # "X says ...", "Report: ...": the claim passes on what someone said
    anchors: frozenset[str]  # stems of the claim's content words, cue words left out
    words: frozenset[str]
    numbers: frozenset[str] = frozenset()  # the claim's numbers, as written in digits


def claim_cues(text: str, speaker: str | None = None) -> ClaimCues:
    """Return whether the claim denies, hedges, asks or passes on what someone says, and its content stems.

    A claim whose subject is a speaker ("Peskov said ...", `speaker` from parse_claim) is a
    claim about that statement, not a hedged one: it does not count as attributed.
    """
    ws = words(text)
    refutes, _, _, negations = cue_counts(ws)
    hedges = sum(1 for w in ws if w in HEDGING_WORDS)
    anchors = frozenset(stem(w) for w in ws if w not in STOP_WORDS and w not in NEGATIVE_WORDS
                        and w not in REFUTING_WORDS and w not in HEDGING_WORDS)
    attributed = not speaker and (any(w in ATTRIBUTION_WORDS for w in ws) or bool(LABEL_PREFIX.match(text)))
    return ClaimCues(negative=bool(refutes or negations), hedged=bool(hedges or "?" in text),
                     question="?" in text, attributed=attributed, anchors=anchors, words=frozenset(ws),
                     numbers=frozenset(w for w in ws if w[:1].isdigit()))


# "Senator: detainees swapped ...", "Report: ...": a headline that opens with who says it.
LABEL_PREFIX = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*:\s+\S")
# "..., officials say", "... - report", "... source says": a sentence whose last word is a
# reporting word (or that ends "according to X"), whatever precedes it.
_TAIL_SOURCE = re.compile(r"\b(?:says?|said|reports?|claims?|sources?|suggests?|alleges?|according\s+to\s+[\w.'’-]+)\W*$",
                          re.IGNORECASE)
# "...: CNN", "... -CNBC": a headline that closes with the outlet or person it comes from.
_TAIL_LABEL = re.compile(r"(?::|\s[–—-])\s*(?:[A-Z][\w.'’&-]*\s*){1,3}$")


def cue_counts(ws: list[str]) -> tuple[int, int, int, int]:
    """Return counts of refuting, hedging, confirming and negation words in `ws`."""
    refute = hedge = confirm = negate = 0
    for w in ws:
        if w in REFUTING_WORDS:
            refute += 1
        elif w in HEDGING_WORDS:
            hedge += 1
        elif w in CONFIRMING_WORDS:
            confirm += 1
        if w in NEGATIONS:
            negate += 1
    if refute or negate:
        joined = " " + " ".join(ws) + " "
        refute += sum(joined.count(f" {p} ") for p in REFUTING_PHRASES)
    return refute, hedge, confirm, negate


@dataclass(frozen=True)
class Wording:
    """The cue words of a passage, counted without regard to the claim."""

    refute: int
    hedge: int
    confirm: int
    negate: int
    attributed: int  # reported-speech words, plus one for a "Who: ..." opening
    modal: int
    question: bool
    framed: bool  # opens or closes with who says it ("Report: ...", "..., officials say")


def wording(text: str, ws: list[str]) -> Wording:
    """Return the cue-word counts of a passage (`ws` = words(text))."""
    refute, hedge, confirm, negate = cue_counts(ws)
    labelled = bool(LABEL_PREFIX.match(text))
    return Wording(refute=refute, hedge=hedge, confirm=confirm, negate=negate,
                   attributed=sum(1 for w in ws if w in ATTRIBUTION_WORDS) + labelled,
                   modal=sum(1 for w in ws if w in MODAL_WORDS), question="?" in text,
                   framed=labelled or _tail_framed(text.rstrip(" .!\"'”’")))


TAIL_CHARS = 200  # both tail patterns match within a sentence's last few words: search only there


def _tail_framed(text: str) -> bool:
    """Return True when a passage closes with who says it ("..., officials say", "...: CNN")."""
    at = max(len(text) - TAIL_CHARS, 0)
    return bool(_TAIL_SOURCE.search(text, at) or _TAIL_LABEL.search(text, at))


@dataclass(frozen=True)
class PassageCues(Wording):
    """What one passage's wording says about its stance towards the claim."""

    negated_near: bool = False  # a negation or refuting word next to a claim word
    refuted_near: bool = False  # a refuting word ("hoax", "denied") next to a claim word
    hedged_near: bool = False  # a hedging, reporting or modal word next to a claim word
    antonym: bool = False  # the opposite of a claim word ("dead" for "alive") where the claim word is absent
    asserted: bool = False  # shares claim words and has no cue above: states them as a fact
    novel: float = 0.0  # share of its content words that are neither the claim's nor their synonyms


def passage_cues(text: str, ws: list[str], claim: ClaimCues) -> PassageCues:
    """Return the cues of a passage (`ws` = words(text)) towards `claim`."""
    base = wording(text, ws)
    content = [w for w in ws if w not in STOP_WORDS or w in NEGATIONS or w in _FRAMING]
    stems_ = [stem(w) for w in content]
    anchor_at = [i for i, s in enumerate(stems_) if s in claim.anchors]

    def near(test) -> bool:  # type: ignore[no-untyped-def]
        at = [i for i, w in enumerate(content) if test(w)]
        return any(abs(i - j) <= NEGATION_WINDOW for i in at for j in anchor_at)

    present = set(stems_)
    opposites = antonym_stems()
    synonyms = synonym_stems()
    topical = [s for s, w in zip(stems_, content) if w not in STOP_WORDS and w not in CUE_WORDS]
    known = claim.anchors | {t for s in claim.anchors for t in synonyms.get(s, ())}
    cued = base.hedge or base.attributed or base.modal or base.question or base.refute or base.negate
    return PassageCues(
        **vars(base),
        negated_near=bool(anchor_at) and near(lambda w: w in NEGATIONS or w in REFUTING_WORDS),
        refuted_near=bool(anchor_at) and near(lambda w: w in REFUTING_WORDS),
        hedged_near=bool(anchor_at) and near(lambda w: w in _FRAMING),
        antonym=any(a in present for s in claim.anchors - present for a in opposites.get(s, ())),
        asserted=bool(anchor_at) and not cued,
        novel=sum(1 for s in topical if s not in known) / len(topical) if topical else 0.0,
    )
