"""Per-document stance: the scored passages of each document -> one stance, with reasons.

Evidence is per passage; a fact-checker also asks of each article "does it back the claim, deny
it, or only report it?". The features of each retrieved document (`docfeatures`: how much of
the claim it covers; the claim's and the document's cue words, negation near the claim's
words, the stances of its passages, the cue words of its opening, its words) are read by two
small logistic models: relevance (is the document about the claim at all?) and stance
(supports / conflicts / related). Their weights ship as JSON in
`factcheck/data/stance_model.json`, written by `benchmarks/train_stance.py` from the dev splits
only; inference is plain Python. Reasons name the features that weighed most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .docfeatures import (
    CUE_WORDS,
    Fetch,
    Judge,
    claim_cues,
    group_by_document,
    opening_pids,
    openings,
    relevance_features,
    stance_features,
)
from .models import Candidate, Claim, DocumentStance, Evidence
from .score import ClaimTerms, Match
from .stance import CONFLICT_MIN
from .text import STOP_WORDS

MODEL_FILE = "stance_model.json"
STANCES = ("supports", "conflicts", "related")
RELEVANT = 50.0  # document relevance (0-100) at which a document counts as about the claim; the
# relevance model's threshold, tuned on dev (benchmarks/train_stance.py), is mapped to this point


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
    # each class's margin over the others per feature / word key, worked out once (__post_init__)
    _edges: list[list[float]] = field(init=False, repr=False, compare=False, default_factory=list)
    _vocab_edges: dict[str, list[float]] = field(init=False, repr=False, compare=False, default_factory=dict)

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

    def below_mean(self, dense: dict[str, float]) -> dict[str, bool]:
        """Return, per dense feature below its training mean, whether it is 0 (absent) rather than low."""
        return {f: dense.get(f, 0.0) == 0 for f, x in zip(self.features, self._standardised(dense)) if x < 0}

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

def judge_documents(claim: Claim, terms: ClaimTerms, candidates: Sequence[Candidate], matches: Sequence[Match],
                    judge: Judge, evidence: dict[int, Evidence] | None = None,
                    models: tuple[LinearModel, LinearModel] | None = None,
                    fetch: Fetch | None = None) -> list[DocumentStance]:
    """Return the stance of every document the models find relevant, most relevant first.

    `judge` gives a passage's stance (the pipeline passes stance.judge); `evidence` holds the
    passages already judged by verify (pid -> Evidence), so none is judged twice; `fetch`
    (Store.candidates) reads the openings of the relevant documents, in one call.
    """
    relevance_model, stance_model = models or load_models()
    groups = group_by_document(candidates, matches)
    rel = relevance_features(terms, groups)
    cues = claim_cues(claim.text, claim.speaker)
    evidence = dict(evidence or {})
    out = []
    shift = _logit(relevance_model.threshold)
    # Scaled so that RELEVANT (50) is the model's tuned threshold: a score, not a probability.
    scored = {path: 100 * _sigmoid(relevance_model.margins(rel[path])[0] - shift) for path in groups}
    relevant = {path: items for path, items in groups.items() if scored[path] >= RELEVANT}
    opened = openings(relevant, fetch(opening_pids(relevant)) if fetch and relevant else [])
    for path, items in relevant.items():
        relevance = scored[path]
        for cand, match in items:
            # Below CONFLICT_MIN the passage judge answers "related" whatever the text says, so
            # only passages above it that verify did not judge (a raised --min-score) need it.
            if cand.pid not in evidence and match.score >= CONFLICT_MIN:
                j = judge(cand, match)
                evidence[cand.pid] = Evidence(stance=j.stance, score=match.score, candidate=cand, reasons=j.reasons,
                                              highlights=match.highlights, quote=j.quote)
        judged = {c.pid: evidence[c.pid].stance for c, _ in items if c.pid in evidence}
        dense, keys = stance_features(cues, items, judged, opened[path])
        probs = _softmax(stance_model.margins(dense, keys))
        k = max(range(len(probs)), key=lambda i: probs[i])
        stance = _STANCE_OF.get(stance_model.classes[k], stance_model.classes[k])
        passages = sorted((evidence[c.pid] for c, _ in items if c.pid in evidence),
                          key=lambda e: (-e.score, e.candidate.start))
        reasons = (_relevance_reason(rel[path], relevance, len(items)),
                   _stance_reason(stance, probs[k], stance_model.contributions(dense, keys, k),
                                  stance_model.below_mean(dense)))
        out.append(DocumentStance(source=items[0][0].source, stance=stance, relevance=round(relevance, 1),
                                  confidence=round(probs[k], 3), reasons=reasons, evidence=tuple(passages)))
    out.sort(key=lambda d: (-d.relevance, d.source.path))
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
    "claim_words": "length of the claim", "lead_coverage": "coverage of the document's opening",
    "document_words": "share of the claim's words in the document",
    "best_passage_at": "how deep in the document the best passage sits",
    "refuted_near": "refuting words next to the claim's words",
    "refuted_near_vs_claim": "refuting words next to the claim's words, against the claim's polarity",
    "hedged_near": "hedging or reported speech next to the claim's words",
    "framed_passages": "passages framed as someone's report ('..., officials say')",
    "asserted_passages": "passages that state the claim's words as fact",
    "antonym_passages": "opposites of the claim's words",
    "antonym_vs_claim": "opposites of the claim's words, against the claim's polarity",
    "best_framed": "the best passage is framed as someone's report", "best_asserted": "the best passage states it as fact",
    "best_novel": "words of the best passage the claim does not have", "best_question": "the best passage is a question",
    "claim_numbers_missing": "the claim's numbers missing from the document",
    "best_supports": "the best passage supports", "best_conflicts": "the best passage conflicts",
    "any_supports": "a relevant passage supports", "any_conflicts": "a relevant passage conflicts",
    "opening_refuting": "refuting words in the document's opening",
    "opening_refuting_vs_claim": "refuting words in the document's opening, against the claim's polarity",
    "opening_hedging": "hedging words in the document's opening",
    "opening_attribution": "reported speech in the document's opening",
    "opening_modal": "words of possibility in the document's opening",
    "opening_confirming": "confirming words in the document's opening",
    "opening_framed": "the document's opening is framed as someone's report",
    "opening_question": "questions in the document's opening",
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


def _stance_reason(stance: str, p: float, pushes: list[tuple[str, float]], low: dict[str, bool] | None = None) -> str:
    """Return the stance, its probability and the features that pushed hardest for and against it.

    Function words ("the", "and") are weighed like any word but named together: one by one
    they explain nothing to a reader, their sum can still matter. A feature that pushes by
    being absent or lower than usual (`low`: feature -> absent) says so: "... (none)", "(low)".
    """
    low = low or {}
    pro: list[str] = []
    con: list[str] = []
    style = 0.0
    for n, w in pushes:  # largest push first: only the first few of each side are named
        if _function_word(n):
            style += w
            continue
        side = pro if w > 0 else con if w < 0 else None
        if side is not None and len(side) < REASON_FEATURES:
            mark = "" if n not in low else " (none)" if low[n] else " (low)"
            side.append(f"{feature_label(n)}{mark} ({w:+.1f})")
    text = f"document {stance} (p {p:.2f})"
    if pro:
        text += f": for '{stance}': " + "; ".join(pro)
    if con:
        text += f"{';' if pro else ':'} against '{stance}': " + "; ".join(con)
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
