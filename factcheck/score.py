"""Relevance of passages to a claim, word alignment and quote comparison: all rapidfuzz calls.

The relevance score (0-100) is the IDF-weighted share of the claim's content words found in
the passage (exactly, as a stem, or as a near spelling), blended with rapidfuzz's
token_set_ratio. Words found only in the sentence before count half: "he left the door
open" is about the person the previous sentence names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from .lexicon import NEGATING_PREFIXES, NEGATIVE_WORDS, NUMBER_WORDS, synonym_stems, verb_form_stems
from .models import Candidate
from .text import MONEY, MONEY_MARKS, STOP_WORDS, fold, folded, folded_words, money_words, prepare, stem, words

# A claim word matches a passage word spelled within this similarity (fuzz.ratio, 0-100):
# "Hegsth"/"hegseth" = 92, "trops"/"troops" = 91, "north"/"south" = 60. Chosen on the seed
# misspelling cases; short words (< 5 letters) must match exactly.
TYPO_SIMILARITY = 80
# A word of up to this many letters (its stem) is a typo of another only one edit away: most
# misspellings are one insertion, deletion, substitution or transposition (Damerau 1964), and
# two edits turn short words into other words ("party" / "apart", "stake" / "steak").
SHORT_TYPO = 6
CONTEXT_WEIGHT = 0.5  # share of a word's weight when only the previous sentence has it
SET_RATIO_WEIGHT = 0.2  # share of token_set_ratio in the final score
SYNONYM_WEIGHT = 0.8  # share of a word's weight when a synonym (or, for a negation, any negation) stands for it
# A passage's words as `words` reads them, with their places: "1.34", "U.S", "2,000" (one
# figure, as `prepare` makes it on the claim's side).
_TOKEN = re.compile(r"[A-Za-z0-9](?:[\w'’]|\.(?=\w)|,(?<=\d,)(?=\d{3}(?!\d)))*")


class ClaimTerms(NamedTuple):
    """A claim's content words with their weights (IDF), computed once per claim."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    weights: tuple[float, ...]
    normalized: str

    @property
    def total(self) -> float:
        return sum(self.weights) or 1.0


class Match(NamedTuple):
    """How a passage matched a claim."""

    score: float
    coverage: float
    matched: tuple[str, ...]  # claim words found
    missing: tuple[str, ...]  # claim words not found
    corrected: tuple[tuple[str, str], ...]  # (claim word, passage word) matched by spelling
    highlights: tuple[tuple[int, int], ...]
    via_context: tuple[str, ...] = ()  # the matched claim words found only in the sentence before


def claim_terms(text: str, doc_freq: dict[str, int] | None = None, total_docs: int = 1) -> ClaimTerms:
    """Return the content words of a claim with IDF weights from `doc_freq` (word -> df)."""
    seen: dict[str, str] = {}
    for w in words(text):
        if w not in STOP_WORDS and w not in seen:
            seen[w] = stem(w)
    ws = tuple(seen)
    weights = []
    for w in ws:
        df = (doc_freq or {}).get(w, 0)
        weights.append(math.log(1.0 + (total_docs + 1) / (df + 0.5)))
    return ClaimTerms(words=ws, stems=tuple(seen[w] for w in ws), weights=tuple(weights),
                      normalized=" ".join(ws))


def rank(terms: ClaimTerms, candidates: Sequence[Candidate]) -> list[Match]:
    """Return a Match for each candidate, in the same order."""
    if not candidates:
        return []
    texts = [" ".join(folded(c.text).split()) for c in candidates]  # normalize(), through the fold cache
    ratios = [0.0] * len(texts)
    for _, ratio, i in process.extract(terms.normalized, texts, scorer=fuzz.token_set_ratio,
                                       processor=None, limit=None, score_cutoff=0):
        ratios[i] = ratio
    parsed = [_parse(c.text) for c in candidates]
    typos = _typo_table(terms, parsed)
    return [_match(terms, c, float(r), p, typos) for c, r, p in zip(candidates, ratios, parsed)]


_Parsed = tuple[list[tuple[tuple[int, int], str]], list[str], dict[str, list[int]]]


def _tokens(text: str) -> list[tuple[tuple[int, int], str]]:
    """Return the passage's (span, token)s; a sum of money ("£40m") is its words written out
    (text.MONEY: "40", "million", "pounds"), each with the span of the whole sum."""
    if not any(mark in text for mark in MONEY_MARKS):
        return [(m.span(), m.group()) for m in _TOKEN.finditer(text)]
    out: list[tuple[tuple[int, int], str]] = []
    at = 0
    for money in MONEY.finditer(text):
        out += [(m.span(), m.group()) for m in _TOKEN.finditer(text, at, money.start())]
        out += [(money.span(), w) for w in money_words(money).split()]
        at = money.end()
    return out + [(m.span(), m.group()) for m in _TOKEN.finditer(text, at)]


def _parse(text: str) -> _Parsed:
    """Return a passage's tokens (their spans), their folded words, and stem -> positions."""
    tokens = _tokens(text)
    folded_tokens = []
    stem_pos: dict[str, list[int]] = {}
    for i, (_, token) in enumerate(tokens):
        w, s = _word_stem(token)
        folded_tokens.append(w)
        if w:
            at = stem_pos.get(s)
            if at is None:
                stem_pos[s] = [i]
            else:
                at.append(i)
    return tokens, folded_tokens, stem_pos


def _typo_table(terms: ClaimTerms, parsed: Sequence[_Parsed]) -> dict[str, dict[str, float]]:
    """Return claim word -> {passage stem spelled within TYPO_SIMILARITY: similarity}, for all candidates.

    One rapidfuzz call per claim word over the candidates' joint vocabulary instead of one per
    (word, candidate): the same similarities, a fraction of the calls (issue #7).
    """
    vocab = list(dict.fromkeys(s for _, _, stem_pos in parsed for s in stem_pos))
    table: dict[str, dict[str, float]] = {}
    for w, s in zip(terms.words, terms.stems):
        if len(w) >= 5 and not w.isdigit() and w not in table:
            table[w] = _spelt_near(w, s, vocab)
    return table


def _spelt_near(word: str, word_stem: str, vocab: Sequence[str]) -> dict[str, float]:
    """Return {stem of `vocab` the claim word may be a misspelling of: similarity}. The word with
    a negating prefix ("irresponsible" for "responsible", "unlikely" for "likely") is its
    opposite, not a misspelling of it; nor is a number word."""
    return {choice: sim for choice, sim, _ in process.extract(
        word, vocab, scorer=fuzz.ratio, processor=None, limit=None, score_cutoff=TYPO_SIMILARITY)
        if (len(word_stem) > SHORT_TYPO or OSA.distance(word_stem, choice, score_cutoff=1) <= 1)
        and not _prefixed(word_stem, choice) and not _prefixed(choice, word_stem)
        and not (word_stem in _NAMED_APART and choice in _NAMED_APART)
        and word_stem not in _NUMBER_STEMS and choice not in _NUMBER_STEMS}


# Words of a closed set spelt alike but never one for another: "Tuesday" / "Thursday",
# "June" / "July", "million" / "billion".
_NAMED_APART = frozenset(stem(w) for w in """monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    million billion trillion""".split())
# A number word is no misspelling of another word, nor another word of one: "three" / "there",
# "seven" / "even".
_NUMBER_STEMS = frozenset(stem(w) for w in NUMBER_WORDS)


def _prefixed(base: str, other: str) -> bool:
    """Return True when the stem `other` is the stem `base` with a negating prefix ("irrespons" / "respons")."""
    for p, _ in NEGATING_PREFIXES:
        if other.startswith(p) and not base.startswith(p):
            rest = other[len(p):]
            return len(rest) >= 3 and (base.startswith(rest) or rest.startswith(base))
    return False


def _nearest(similar: dict[str, float], stem_pos: dict[str, list[int]]) -> tuple[str, float] | None:
    """Return the passage stem most similar to a claim word; on a tie the first in the passage."""
    best: tuple[str, float, int] | None = None
    for s, sim in similar.items():
        at = stem_pos.get(s)
        if at is not None and (best is None or sim > best[1] or (sim == best[1] and at[0] < best[2])):
            best = (s, sim, at[0])
    return (best[0], best[1]) if best else None


def _match(terms: ClaimTerms, cand: Candidate, set_ratio: float, parsed: _Parsed | None = None,
           typos: dict[str, dict[str, float]] | None = None) -> Match:
    tokens, folded_tokens, stem_pos = parsed or _parse(cand.text)
    # The sentence before and the passage's negations are read only for a claim word not found otherwise.
    context: tuple[set[str], bool] | None = None
    negative_at: list[int] | None = None
    synonyms = synonym_stems()
    forms = verb_form_stems()
    got = 0.0
    matched: list[str] = []
    missing: list[str] = []
    corrected: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []
    via_context: list[str] = []
    taken: set[int] = set()  # the passage's negations a negative claim word already stands on
    for w, s, weight in zip(terms.words, terms.stems, terms.weights):
        if s in stem_pos:
            got += weight
            matched.append(w)
            spans.extend(tokens[i][0] for i in stem_pos[s])
            if w in NEGATIVE_WORDS:
                taken.update(stem_pos[s])
            continue
        other_form = next((f for f in forms.get(s, ()) if f in stem_pos), None)
        if other_form:  # "shooting" / "shot": the same verb
            got += weight
            matched.append(w)
            spans.extend(tokens[i][0] for i in stem_pos[other_form])
            continue
        near: tuple[str, float] | tuple[str, float, int] | None = None
        if len(w) >= 5 and not w.isdigit():
            similar = typos[w] if typos is not None else _spelt_near(w, s, list(stem_pos))
            near = _nearest(similar, stem_pos) if similar else None
        if near:
            got += weight * near[1] / 100
            matched.append(w)
            corrected.append((w, folded_tokens[stem_pos[near[0]][0]]))
            spans.extend(tokens[i][0] for i in stem_pos[near[0]])
            continue
        group = synonyms.get(s)  # most words have none
        same = [t for t in group if t in stem_pos] if group else []
        if same:
            got += weight * SYNONYM_WEIGHT
            matched.append(w)
            spans.extend(tokens[i][0] for t in same for i in stem_pos[t])
            continue
        if w in NEGATIVE_WORDS:
            if negative_at is None:
                negative_at = [i for i, f in enumerate(folded_tokens) if f in NEGATIVE_WORDS]
            free = [i for i in negative_at if i not in taken]
            if free:
                # "ruled out" is answered by any negation ("no ... would"), but the passage's
                # negations answer one such word, not two: "refuse … will be denied boarding" is
                # not said by "passengers who refused" (an exact negative word takes its own)
                got += weight * SYNONYM_WEIGHT
                matched.append(w)
                spans.extend(tokens[i][0] for i in free)
                taken.update(free)
                continue
        if context is None:
            context = _context_of(cand.context)
        context_stems, context_negative = context
        if (s in context_stems or (group and group & context_stems)
                or (w in NEGATIVE_WORDS and context_negative)):
            got += weight * CONTEXT_WEIGHT
            matched.append(w)
            via_context.append(w)
        else:
            missing.append(w)
    coverage = got / terms.total if terms.words else 0.0
    score = 100 * ((1 - SET_RATIO_WEIGHT) * coverage) + SET_RATIO_WEIGHT * set_ratio
    return Match(score=round(min(100.0, score), 1), coverage=coverage, matched=tuple(matched),
                 missing=tuple(missing), corrected=tuple(corrected), highlights=tuple(sorted(set(spans))),
                 via_context=tuple(via_context))


def _context_of(context: str) -> tuple[set[str], bool]:
    """Return the stems of the sentence before a passage, and whether it holds a negative word."""
    context_words = folded_words(context) if context else []
    return set(map(stem, context_words)), not NEGATIVE_WORDS.isdisjoint(context_words)


def has_word(word: str, vocabulary: Sequence[str]) -> bool:
    """Return True when `word` is in `vocabulary`, or (5+ letters) spelled within TYPO_SIMILARITY."""
    if word in vocabulary:
        return True
    if len(word) < 5 or not vocabulary:
        return False
    return process.extractOne(word, vocabulary, scorer=fuzz.ratio, processor=None,
                              score_cutoff=TYPO_SIMILARITY) is not None


@lru_cache(maxsize=262_144)
def _word_stem(token: str) -> tuple[str, str]:
    """Return a token's folded word ("" for none) and its stem, cached per token."""
    # Cached: news vocabulary is Zipfian, so a rerank meets few new tokens (issue #7).
    if token.isascii() and token.isalnum():
        word = token.lower()  # what words() gives a plain ASCII word: nothing to unify or fold but case
    else:
        found = words(token)
        word = found[0] if found else ""
    return word, stem(word) if word else ""


# ---------------------------------------------------------------------------- quotes


def quote_words(text: str) -> list[str]:
    """Return the words of a quotation as compared: folded, acronyms joined, no punctuation."""
    text = re.sub(r"\[[^\]]*\]", " ", text)  # [bracketed] editorial insertions
    return words(text)


def quote_similarity(claimed: str, source: str) -> float:
    """Return how well the claimed quote matches the best stretch of the source quote (0-100)."""
    a, b = " ".join(quote_words(claimed)), " ".join(quote_words(source))
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        return float(fuzz.ratio(a, b, processor=None))
    return float(fuzz.partial_ratio(a, b, processor=None))


def contains_in_order(claimed: str, source: str) -> bool:
    """Return True when every piece of `claimed` (split at ellipses) occurs in `source`, in order."""
    pieces = [p for p in re.split(r"\.\.\.|…", claimed) if quote_words(p)]
    hay = " " + " ".join(quote_words(source)) + " "
    pos = 0
    for piece in pieces:
        needle = " " + " ".join(quote_words(piece)) + " "
        found = hay.find(needle, pos)
        if found < 0:
            return False
        pos = found + len(needle) - 1
    return bool(pieces)


def word_diff(source: str, claimed: str) -> str:
    """Return a word-level diff of the best-matching stretch: `tools of [-leverage-]{+pressure+}`."""
    src = _display_words(source)
    got = _display_words(claimed)
    key_src = [fold(prepare(w)).strip(".,;:!?\"'") for w in src]
    key_got = [fold(prepare(w)).strip(".,;:!?\"'") for w in got]
    # Align the claim against the closest window of the source, of about its length: a word
    # added or dropped ("that is" -> "that's") must not shift the window off the claim's start.
    # The fewest word edits win; of equals, the window covering more of the source.
    if len(key_src) > len(key_got):
        best, best_at, best_width = len(key_src) + len(key_got), 0, len(key_got)
        for width in range(min(len(key_got) + _DIFF_SLACK, len(key_src)), max(len(key_got) - _DIFF_SLACK, 1) - 1, -1):
            for i in range(0, len(key_src) - width + 1):
                edits = Levenshtein.distance(key_src[i:i + width], key_got, score_cutoff=max(best - 1, 0))
                if edits < best:
                    best, best_at, best_width = edits, i, width
        src, key_src = src[best_at:best_at + best_width], key_src[best_at:best_at + best_width]
    out: list[str] = []
    for op in Levenshtein.opcodes(key_src, key_got):
        tag, s1, e1, s2, e2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            out.extend(got[s2:e2])
            continue
        change = ""
        if e1 > s1:
            change += "[-" + " ".join(_bare(w) for w in src[s1:e1]) + "-]"
        if e2 > s2:
            change += "{+" + " ".join(_bare(w) for w in got[s2:e2]) + "+}"
        out.append(change)
    return " ".join(out)


_DIFF_SLACK = 3  # words the claimed stretch may be longer or shorter than the source's


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'“”‘’")


def _display_words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.strip()) if w]
