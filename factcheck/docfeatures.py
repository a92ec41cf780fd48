"""Per-document features: what the relevance and stance models read of a document.

The retrieved passages are grouped by document. Relevance: how much of the claim (weighted by
rarity) the document covers, in its best passage and across its passages, and whether it has
the claim's rarest words. Stance: the claim's own cues (a denial, a hedge, a question, reported
speech); the document's refuting, hedging, confirming, attribution and modal words, negation
near the claim's words, the passage judge's stances, its first and best passages' cues; the
polarity-dependent ones also multiplied by the claim's sign (a headline that says "hoax" agrees
with an article that debunks); and the document's words as keys ("d:hoax", "c:" for the
claim's, "n:" when the claim is negative). Everything is cheap to compute per claim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lexicon import (
    ATTRIBUTION_WORDS,
    CONFIRMING_WORDS,
    HEDGING_WORDS,
    MODAL_WORDS,
    NEGATIVE_WORDS,
    REFUTING_PHRASES,
    REFUTING_WORDS,
)
from .models import Candidate, Claim
from .score import ClaimTerms, Match
from .stance import CONFLICT_MIN, Judgement
from .text import NEGATIONS, STOP_WORDS, stem, words

# Passages at or above this relevance are a document's "relevant passages" (their share that
# supports or conflicts, negation near the claim's words). Set by hand somewhat below
# stance.RELATED_MIN (38) so that loosely matching documents still have passages to read; not tuned.
JUDGE_MIN = 30.0
NEGATION_WINDOW = 4  # words either side of a claim word within which a negation counts
RARE_WORDS = 3  # the claim's rarest words, whose presence says most about relevance


@dataclass(frozen=True)
class Features:
    """What the models see of one document: named numbers and the words it uses."""

    path: str
    relevance: dict[str, float]
    stance: dict[str, float]
    words: frozenset[str]


# ---------------------------------------------------------------------------- grouping


def group_by_document(candidates: Sequence[Candidate], matches: Sequence[Match]) -> dict[str, list[tuple[Candidate, Match]]]:
    """Return the (candidate, match) pairs of each document path, in retrieval order."""
    groups: dict[str, list[tuple[Candidate, Match]]] = {}
    for cand, match in zip(candidates, matches):
        groups.setdefault(cand.source.path, []).append((cand, match))
    return groups


# ---------------------------------------------------------------------------- relevance features


def relevance_features(terms: ClaimTerms, groups: dict[str, list[tuple[Candidate, Match]]]) -> dict[str, dict[str, float]]:
    """Return, per document path, the numbers the relevance model reads."""
    if not groups:
        return {}
    # Only absolute figures: a document's rank among the retrieved ones says nothing when the
    # index holds nothing about the claim at all.
    best = {path: max(m.score for _, m in items) for path, items in groups.items()}
    weight = dict(zip(terms.words, terms.weights))
    rare = sorted(terms.words, key=lambda w: -weight[w])[:RARE_WORDS]
    out = {}
    for path, items in groups.items():
        found = {w for _, m in items for w in m.matched}
        out[path] = {
            "best_passage": best[path] / 100,
            "best_coverage": max(m.coverage for _, m in items),
            "document_coverage": sum(weight.get(w, 0.0) for w in found) / terms.total,
            "rarest_words": sum(1 for w in rare if w in found) / max(len(rare), 1),
            "passages": math.log1p(len(items)),
            "judged_passages": math.log1p(sum(1 for _, m in items if m.score >= JUDGE_MIN)),
            "claim_words": len(terms.words) / 10,
        }
    return out


# ---------------------------------------------------------------------------- stance features


@dataclass(frozen=True)
class ClaimCues:
    """The cue words of the claim itself (a headline can be a denial or a question)."""

    negative: bool
    hedged: bool
    question: bool
    attributed: bool  # "X says ...", "Report: ...": the claim passes on what someone said
    anchors: frozenset[str]  # stems of the claim's content words, cue words left out
    words: frozenset[str]


def claim_cues(text: str, speaker: str | None = None) -> ClaimCues:
    """Return whether the claim denies, hedges, asks or passes on what someone says, and its content stems.

    A claim whose subject is a speaker ("Peskov said ...", `speaker` from parse_claim) is a
    claim about that statement, not a hedged one: it does not count as attributed.
    """
    ws = words(text)
    refutes, _, _, negations = _cue_counts(ws)
    hedges = sum(1 for w in ws if w in HEDGING_WORDS)
    anchors = frozenset(stem(w) for w in ws if w not in STOP_WORDS and w not in NEGATIVE_WORDS
                        and w not in REFUTING_WORDS and w not in HEDGING_WORDS)
    attributed = not speaker and (any(w in ATTRIBUTION_WORDS for w in ws) or bool(_LABEL_PREFIX.match(text)))
    return ClaimCues(negative=bool(refutes or negations), hedged=bool(hedges or "?" in text),
                     question="?" in text, attributed=attributed, anchors=anchors, words=frozenset(ws))


# "Senator: detainees swapped ...", "Report: ...": a headline that opens with who says it.
_LABEL_PREFIX = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*:\s+\S")


def _cue_counts(ws: list[str]) -> tuple[int, int, int, int]:
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


def _negated_near(ws: list[str], anchors: frozenset[str]) -> bool:
    """Return True when a negation or refuting word stands within NEGATION_WINDOW words of a claim word."""
    content = [w for w in ws if w not in STOP_WORDS or w in NEGATIONS]
    neg_at = [i for i, w in enumerate(content) if w in NEGATIONS or w in REFUTING_WORDS]
    if not neg_at:
        return False
    anchor_at = [i for i, w in enumerate(content) if stem(w) in anchors]
    return any(abs(i - j) <= NEGATION_WINDOW for i in neg_at for j in anchor_at)


CUE_WORDS = NEGATIONS | REFUTING_WORDS | HEDGING_WORDS | CONFIRMING_WORDS | ATTRIBUTION_WORDS | MODAL_WORDS


def stance_features(cues: ClaimCues, items: Sequence[tuple[Candidate, Match]], relevance: dict[str, float],
                    judged: dict[int, str]) -> tuple[dict[str, float], frozenset[str]]:
    """Return the named numbers and the word keys the stance model reads for one document."""
    sign = -1.0 if cues.negative else 1.0
    good = [(c, m) for c, m in items if m.score >= JUDGE_MIN] or [max(items, key=lambda cm: cm[1].score)]
    n = len(good)
    stances = [judged.get(c.pid, "related") for c, _ in good]
    supports = stances.count("supports") / n
    conflicts = stances.count("conflicts") / n
    refute = hedge = confirm = attributed = modal = 0
    question = False
    doc_words: set[str] = set()
    tokens = {c.pid: words(c.text) for c, _ in items}
    for cand, _ in items:
        ws = tokens[cand.pid]
        doc_words.update(ws)
        r, h, c, _ = _cue_counts(ws)
        refute, hedge, confirm = refute + r, hedge + h, confirm + c
        attributed += sum(1 for w in ws if w in ATTRIBUTION_WORDS) + bool(_LABEL_PREFIX.match(cand.text))
        modal += sum(1 for w in ws if w in MODAL_WORDS)
        question = question or "?" in cand.text
    lead = min(items, key=lambda cm: cm[0].start)[0]
    lw = tokens[lead.pid]
    l_refute, l_hedge, _, l_negate = _cue_counts(lw)
    negated = sum(1 for c, _ in good if _negated_near(tokens[c.pid], cues.anchors)) / n
    best = max(items, key=lambda cm: cm[1].score)[0]
    bw = tokens[best.pid]
    b_refute, b_hedge, _, _ = _cue_counts(bw)
    b_negated = float(_negated_near(bw, cues.anchors))
    per = len(items)
    dense = {
        **relevance,
        "claim_negative": float(cues.negative),
        "claim_hedged": float(cues.hedged),
        "claim_question": float(cues.question),
        "supporting_passages": supports,
        "conflicting_passages": conflicts,
        "refuting_words": math.log1p(refute),
        "hedging_words": hedge / per,
        "confirming_words": confirm / per,
        "document_question": float(question),
        "negated_passages": negated,
        "best_refutes": float(b_refute > 0),
        "best_hedges": float(b_hedge > 0),
        "best_negated": b_negated,
        "refuting_vs_claim": sign * math.log1p(refute),
        "negated_vs_claim": sign * negated,
        "conflicting_vs_claim": sign * conflicts,
        "supporting_vs_claim": sign * supports,
        "best_negated_vs_claim": sign * b_negated,
        "best_refutes_vs_claim": sign * float(b_refute > 0),
        "hedged_claim_hedging_words": float(cues.hedged) * hedge / per,
        "claim_attributed": float(cues.attributed),
        "attribution_words": attributed / per,
        "modal_words": modal / per,
        "lead_refutes": float(l_refute > 0),
        "lead_hedges": float(l_hedge > 0),
        "lead_negated": float(l_negate > 0),
        "lead_refutes_vs_claim": sign * float(l_refute > 0),
    }
    keys = {"d:" + w for w in doc_words} | {"c:" + w for w in cues.words}
    if cues.negative:
        keys |= {"n:" + w for w in doc_words}
    return dense, frozenset(keys)

Judge = Callable[[Candidate, Match], Judgement]


# ---------------------------------------------------------------------------- all at once


def document_features(claim: Claim, terms: ClaimTerms, candidates: Sequence[Candidate], matches: Sequence[Match],
                      judge: Judge) -> list[Features]:
    """Return the features of every retrieved document, as the models read them (for training)."""
    groups = group_by_document(candidates, matches)
    rel = relevance_features(terms, groups)
    cues = claim_cues(claim.text, claim.speaker)
    out = []
    for path, items in groups.items():
        judged = {c.pid: judge(c, m).stance for c, m in items if m.score >= CONFLICT_MIN}
        dense, keys = stance_features(cues, items, rel[path], judged)
        out.append(Features(path=path, relevance=rel[path], stance=dense, words=keys))
    return out
