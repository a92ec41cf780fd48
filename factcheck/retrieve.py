"""Claim -> candidate passages from the index (BM25 over the claim's content words).

The claim is reduced to index terms before it reaches the search engine, so any string -
quotes, parentheses, AND, NEAR(...), *, field:term - is just text. Words the index has
never seen are looked up by spelling (edit distance 1-2) so that "Hegsth ruled out US
trops" still finds the passage.
"""

from __future__ import annotations

from .models import Candidate, Claim
from .score import ClaimTerms, claim_terms
from .store import Store
from .text import STOP_WORDS, words

POOL = 200  # candidates reranked per claim; recall@10 on perturbed claims is flat above ~100
MAX_TERMS = 16  # the rarest claim terms searched; very long claims keep their distinctive words
FUZZY_POOL = 50  # candidates per misspelt word


def candidates(store: Store, claim: Claim) -> tuple[ClaimTerms, list[Candidate]]:
    """Return the claim's weighted terms and the candidate passages to score."""
    content = [w for w in dict.fromkeys(words(claim.text)) if w not in STOP_WORDS][:200]
    total = max(store.passage_count(), 1)
    doc_freq: dict[str, int] = {}
    known: list[tuple[int, str]] = []
    unknown: list[str] = []
    for word in content:
        analysed = store.analyze(word)
        if not analysed:
            continue
        term = analysed[0]
        df = store.doc_freq(term)
        doc_freq[word] = df
        if df:
            known.append((df, term))
        elif len(term) >= 4 and not term.isdigit():
            unknown.append(term)
    terms = claim_terms(claim.text, doc_freq, total)
    known.sort()
    hits: dict[int, float] = {}
    for pid, bm25 in store.search([t for _, t in known[:MAX_TERMS]], POOL):
        hits[pid] = max(hits.get(pid, 0.0), bm25)
    for term in unknown[:4]:
        distance = 1 if len(term) < 7 else 2
        for pid, bm25 in store.fuzzy_search(term, distance, FUZZY_POOL):
            hits[pid] = hits.get(pid, 0.0) + bm25
    ranked = sorted(hits, key=lambda pid: (-hits[pid], pid))[:POOL]
    return terms, store.candidates(ranked)
