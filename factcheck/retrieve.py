"""Claim -> candidate passages from the index (BM25 over the claim's rarest content words).

The claim is reduced to index terms before it reaches the search engine, so any string -
quotes, parentheses, AND, NEAR(...), *, field:term - is just text. Words the index has
never seen are looked up by spelling (edit distance 1-2) so that "Hegsth ruled out US
trops" still finds the passage.

Speed (issue #7, benchmarks/speed.py): the search engine ranks by BM25 in Rust and skips
postings that cannot reach the top (block-max WAND), so the query keeps the claim's rarest
terms and asks for few hits; the rapidfuzz rerank and the stance stage, in Python, then see
only RERANK passages.
"""

from __future__ import annotations

from .models import Candidate, Claim
from .score import ClaimTerms, claim_terms
from .store import Store
from .text import STOP_WORDS, words

# Passages reranked per claim. Measured at 1 M passages (200 perturbed-sentence claims,
# 100 FNC-1 headlines): reranking the BM25 top 16 / 32 / 64 / 200 gives recall@10 0.995 /
# 0.995 / 1.000 / 1.000 and headline hits@10 0.79 / 0.80 / 0.77 / 0.75, while the rerank
# costs ~0.1 ms per passage (and stance ~0.3 ms per relevant one), so 16.
RERANK = 16
MAX_TERMS = 16  # the rarest claim terms searched; very long claims keep their distinctive words
CONTEXT_TERMS = 4  # of those, the rarest also searched in the sentence before (a name "he" stands for)
# A term in more passages than COMMON_SHARE of the index (and than COMMON_MIN_DF: a short
# posting list costs nothing) is left out of the search while MIN_TERMS rarer ones remain;
# the rerank still counts it. At 1 M passages it cut the search time by a third.
COMMON_SHARE = 0.05
COMMON_MIN_DF = 5_000
MIN_TERMS = 3
FUZZY_POOL = 16  # candidates per misspelt word
MAX_FUZZY = 4  # misspelt words looked up per claim
# Misspelt words are looked up only while fewer known terms than this are searched: longer
# claims find their passages through the other words (at 1 M passages recall@10 0.995 and
# headline hits 0.79 with and without the lookups, which cost ~0.8 ms a claim); the rerank
# still reads the misspelling.
FUZZY_BELOW_TERMS = 6


def candidates(store: Store, claim: Claim, limit: int = RERANK) -> tuple[ClaimTerms, list[Candidate]]:
    """Return the claim's weighted terms and the `limit` best candidate passages to score."""
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
    known = sorted(set(known))
    rare = [t for df, t in known if df <= max(COMMON_SHARE * total, COMMON_MIN_DF)]
    searched = (rare if len(rare) >= MIN_TERMS else [t for _, t in known[:MIN_TERMS]])[:MAX_TERMS]
    hits: dict[int, float] = {}
    for pid, bm25 in store.search(searched, limit, context_terms=searched[:CONTEXT_TERMS]):
        hits[pid] = max(hits.get(pid, 0.0), bm25)
    for term in unknown[:MAX_FUZZY] if len(searched) < FUZZY_BELOW_TERMS else ():
        distance = 1 if len(term) < 7 else 2
        for pid, bm25 in store.fuzzy_search(term, distance, FUZZY_POOL):
            hits[pid] = hits.get(pid, 0.0) + bm25
    ranked = sorted(hits, key=lambda pid: (-hits[pid], pid))[:limit]
    return terms, store.candidates(ranked)
