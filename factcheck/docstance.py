"""Per-document stance: the scored passages of each document -> one stance, with reasons.

Evidence is per passage; a fact-checker also asks of each article "does it back the claim, deny
it, or only report it?". This stage groups the retrieved passages by document and computes a
few explainable features per document: how much of the claim it covers and how that compares
with the other documents (relevance); the claim's and the document's refuting, hedging and
confirming cue words, the stances of its passages, and negation near the claim's words (stance).
Two small logistic models read them: relevance (is the document about the claim at all?) and
stance (supports / conflicts / related). Their weights ship as JSON in
`factcheck/data/stance_model.json`, written by `benchmarks/train_stance.py` from the dev splits
only; inference is plain Python. Reasons name the features that weighed most.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import (
    ATTRIBUTION_WORDS,
    CONFIRMING_WORDS,
    HEDGING_WORDS,
    MODAL_WORDS,
    NEGATIVE_WORDS,
    REFUTING_PHRASES,
    REFUTING_WORDS,
)
from .models import Candidate, Claim, DocumentStance, Evidence
from .score import ClaimTerms, Match
from .stance import CONFLICT_MIN, Judgement
from .text import NEGATIONS, STOP_WORDS, stem, words

MODEL_FILE = "stance_model.json"
# Passages below this relevance are not judged one by one for the document's stance (the
# judge needs a passage that is about the claim); chosen with RELATED_MIN on the dev splits.
JUDGE_MIN = 30.0
NEGATION_WINDOW = 4  # words either side of a claim word within which a negation counts
RARE_WORDS = 3  # the claim's rarest words, whose presence says most about relevance
STANCES = ("supports", "conflicts", "related")
RELEVANT = 50.0  # document relevance (0-100) at which a document counts as about the claim; the
# relevance model's threshold, tuned on dev (benchmarks/train_stance.py), is mapped to this point


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


# ---------------------------------------------------------------------------- model


@dataclass(frozen=True)
class LinearModel:
    """A (multinomial) logistic regression over named, standardised features plus word keys."""

    classes: tuple[str, ...]
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]  # per class, per feature
    intercept: tuple[float, ...]
    vocab: dict[str, tuple[float, ...]]  # word key -> per-class weight
    offset: tuple[float, ...] = ()  # per-class decision offsets tuned on dev
    threshold: float = 0.5  # binary models: probability at or above which the answer is yes

    def margins(self, dense: dict[str, float], keys: frozenset[str] = frozenset()) -> list[float]:
        """Return the per-class linear scores (with offsets)."""
        x = self._standardised(dense)
        present = keys & self.vocab.keys()
        out = []
        for k, (row, b) in enumerate(zip(self.coef, self.intercept)):
            s = b + sum(w * v for w, v in zip(row, x)) + sum(self.vocab[key][k] for key in present)
            out.append(s + (self.offset[k] if self.offset else 0.0))
        return out

    def contributions(self, dense: dict[str, float], keys: frozenset[str], k: int) -> list[tuple[str, float]]:
        """Return (feature, how much it pushed class k over the others), largest first."""
        out = [(f, x * e) for f, x, e in zip(self.features, self._standardised(dense), self._edges[k])]
        out += [(key, self._vocab_edges[key][k]) for key in keys & self._vocab_edges.keys()]
        return sorted(out, key=lambda fw: -abs(fw[1]))

    def _standardised(self, dense: dict[str, float]) -> list[float]:
        return [(dense.get(f, 0.0) - mu) / sd for f, mu, sd in zip(self.features, self.mean, self.scale)]

    def __post_init__(self) -> None:
        # Each class's weights minus the mean of the other classes': what `contributions` reads.
        by_feature = [_edge(list(col)) for col in zip(*self.coef)]
        object.__setattr__(self, "_edges", [list(row) for row in zip(*by_feature)] if by_feature else [[] for _ in self.coef])
        object.__setattr__(self, "_vocab_edges", {key: _edge(list(w)) for key, w in self.vocab.items()})


def _edge(w: list[float]) -> list[float]:
    """Return, per class, its weight minus the mean weight of the other classes."""
    if len(w) == 1:
        return w
    return [w[k] - (sum(w) - w[k]) / (len(w) - 1) for k in range(len(w))]


def _linear(spec: dict) -> LinearModel:  # type: ignore[type-arg]
    return LinearModel(
        classes=tuple(spec["classes"]), features=tuple(spec["features"]), mean=tuple(spec["mean"]),
        scale=tuple(spec["scale"]), coef=tuple(tuple(r) for r in spec["coef"]), intercept=tuple(spec["intercept"]),
        vocab={k: tuple(v) for k, v in spec.get("vocab", {}).items()}, offset=tuple(spec.get("offset", ())),
        threshold=float(spec.get("threshold", 0.5)),
    )


@lru_cache(maxsize=1)
def load_models() -> tuple[LinearModel, LinearModel]:
    """Return the shipped (relevance, stance) models."""
    text = resources.files("factcheck").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    spec = json.loads(text)
    return _linear(spec["relevance"]), _linear(spec["stance"])


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x > -60 else 0.0


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def _softmax(xs: list[float]) -> list[float]:
    top = max(xs)
    es = [math.exp(x - top) for x in xs]
    total = sum(es)
    return [e / total for e in es]


# ---------------------------------------------------------------------------- judging documents

Judge = Callable[[Candidate, Match], Judgement]


def judge_documents(claim: Claim, terms: ClaimTerms, candidates: Sequence[Candidate], matches: Sequence[Match],
                    judge: Judge, evidence: dict[int, Evidence] | None = None,
                    models: tuple[LinearModel, LinearModel] | None = None) -> list[DocumentStance]:
    """Return the stance of every document the models find relevant, most relevant first.

    `judge` gives a passage's stance (the pipeline passes stance.judge); `evidence` holds the
    passages already judged by verify (pid -> Evidence), so none is judged twice.
    """
    relevance_model, stance_model = models or load_models()
    groups = group_by_document(candidates, matches)
    rel = relevance_features(terms, groups)
    cues = claim_cues(claim.text, claim.speaker)
    evidence = dict(evidence or {})
    out = []
    shift = _logit(relevance_model.threshold)
    for path, items in groups.items():
        # Scaled so that RELEVANT (50) is the model's tuned threshold: a score, not a probability.
        relevance = 100 * _sigmoid(relevance_model.margins(rel[path])[0] - shift)
        if relevance < RELEVANT:
            continue
        for cand, match in items:
            # Below CONFLICT_MIN the passage judge answers "related" whatever the text says, so
            # only passages above it that verify did not judge (a raised --min-score) need it.
            if cand.pid not in evidence and match.score >= CONFLICT_MIN:
                j = judge(cand, match)
                evidence[cand.pid] = Evidence(stance=j.stance, score=match.score, candidate=cand, reasons=j.reasons,
                                              highlights=match.highlights, quote=j.quote)
        judged = {c.pid: evidence[c.pid].stance for c, _ in items if c.pid in evidence}
        dense, keys = stance_features(cues, items, rel[path], judged)
        probs = _softmax(stance_model.margins(dense, keys))
        k = max(range(len(probs)), key=lambda i: probs[i])
        stance = _STANCE_OF.get(stance_model.classes[k], stance_model.classes[k])
        passages = sorted((evidence[c.pid] for c, _ in items if c.pid in evidence),
                          key=lambda e: (-e.score, e.candidate.start))
        reasons = (_relevance_reason(rel[path], relevance, len(items)),
                   _stance_reason(stance, probs[k], stance_model.contributions(dense, keys, k)))
        out.append(DocumentStance(source=items[0][0].source, stance=stance, relevance=round(relevance, 1),
                                  confidence=round(probs[k], 3), reasons=reasons, evidence=tuple(passages)))
    out.sort(key=lambda d: (-d.relevance, d.source.path))
    return out


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


# The training labels (FNC-1 names) and the product's names for the same stances.
_STANCE_OF = {"agree": "supports", "disagree": "conflicts", "discuss": "related"}


def _relevance_reason(f: dict[str, float], relevance: float, passages: int) -> str:
    return (f"about the claim ({relevance:.0f}/100): {100 * f['document_coverage']:.0f}% of the claim's weighted words "
            f"across {passages} passage{'s' if passages != 1 else ''}, best passage {100 * f['best_passage']:.0f}")


_LABELS = {
    "claim_negative": "the claim is a denial", "claim_hedged": "the claim is hedged", "claim_question": "the claim is a question",
    "supporting_passages": "passages that support", "conflicting_passages": "passages that conflict",
    "refuting_words": "refuting words", "hedging_words": "hedging words", "confirming_words": "confirming words",
    "document_question": "a question in the document", "negated_passages": "negation near the claim's words",
    "best_refutes": "refuting words in the best passage", "best_hedges": "hedging in the best passage",
    "best_negated": "negation in the best passage", "refuting_vs_claim": "refuting words against the claim's polarity",
    "negated_vs_claim": "negation against the claim's polarity",
    "conflicting_vs_claim": "conflicting passages against the claim's polarity",
    "supporting_vs_claim": "supporting passages against the claim's polarity",
    "best_negated_vs_claim": "negation in the best passage against the claim's polarity",
    "best_refutes_vs_claim": "refuting words in the best passage against the claim's polarity",
    "hedged_claim_hedging_words": "hedging in both claim and document",
    "claim_attributed": "the claim reports what someone says", "attribution_words": "reported speech",
    "modal_words": "words of possibility or plans", "lead_refutes": "refuting words in the first matching passage",
    "lead_hedges": "hedging in the first matching passage", "lead_negated": "negation in the first matching passage",
    "lead_refutes_vs_claim": "refuting words in the first matching passage against the claim's polarity",
    "best_passage": "relevance of the best passage", "best_coverage": "coverage of the best passage",
    "document_coverage": "coverage of the document", "rarest_words": "the claim's rarest words",
    "passages": "number of matching passages", "judged_passages": "number of relevant passages",
    "claim_words": "length of the claim",
}


def feature_label(name: str) -> str:
    """Return a reader's name for a model feature ("d:hoax" -> "the document says 'hoax'")."""
    if name.startswith("d:"):
        return f"the document says '{name[2:]}'"
    if name.startswith("c:"):
        return f"the claim says '{name[2:]}'"
    if name.startswith("n:"):
        return f"the document says '{name[2:]}' to a negative claim"
    return _LABELS.get(name, name)


REASON_FEATURES = 3  # how many deciding features a reason names


def _stance_reason(stance: str, p: float, pushes: list[tuple[str, float]]) -> str:
    """Return the stance, its probability and the features that pushed hardest for and against it.

    Function words ("the", "and") are weighed like any word but named together: one by one
    they explain nothing to a reader, their sum can still matter.
    """
    named = [(n, w) for n, w in pushes if not _function_word(n)]
    style = sum(w for n, w in pushes if _function_word(n))
    pro = [f"{feature_label(n)} ({w:+.1f})" for n, w in named if w > 0][:REASON_FEATURES]
    con = [f"{feature_label(n)} ({w:+.1f})" for n, w in named if w < 0][:REASON_FEATURES]
    text = f"document {stance} (p {p:.2f})"
    if pro:
        text += ": for it " + "; ".join(pro)
    if con:
        text += "; against it " + "; ".join(con)
    if abs(style) >= STYLE_REASON:
        text += f"; function words together ({style:+.1f})"
    return text


STYLE_REASON = 0.3  # the summed push of function words is named when at least this large


def _function_word(key: str) -> bool:
    """Return True for a word key that is a stop word and no cue word ("d:the", not "d:not")."""
    if key[1:2] != ":":
        return False
    word = key[2:]
    return word in STOP_WORDS and word not in CUE_WORDS
