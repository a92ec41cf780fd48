"""Is a quotation faithful? Compare quoted words with the quotes (and narration) of the sources.

One implementation for both commands: `stance` asks it about one passage (for `verify`), and
`draft` asks it across every candidate passage (for `check`). The verdicts:

- exact-quote: the words are in a source quote from that speaker (or one the source leaves
  unattributed). Curly/straight quotes, dashes, case, spacing, punctuation and "U.S."/"US"
  are normalised; a fragment of a longer quote counts, "…"/"..." may stand for omitted words
  when the pieces appear in order, and "[bracketed]" words are editorial insertions.
- misattributed: the same words, in a source quote from somebody else.
- paraphrase-quoted: the words are the reporter's narration in the source, not anybody's quote.
- misquote: a near match with words changed, added or dropped (with a word-level diff).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from rapidfuzz import fuzz

from .models import Candidate, Claim, Quote
from .score import quote_similarity, quote_words, word_diff
from .text import words

QUOTE_MATCH = 92  # quote_similarity at or above: the same words (chosen on fixtures/seed_claims.json)
QUOTE_NEAR = 70  # between QUOTE_NEAR and QUOTE_MATCH: the same quote with words changed
# Quotes shorter than this (in words) are not compared as fragments: "a deal" or "rookie
# mistake" occur in many sentences, so a short quote counts only when it is a whole source
# quote, and is never called a misquote or narration.
MIN_FRAGMENT_WORDS = 4
MIN_QUOTE_WORDS = 2  # a one-word quote is a scare quote, not a quotation to check
BRACKET_GAP = 4  # source words a "[bracketed]" insertion may stand for ("[Trump]" for "The president")
# Surnames this similar (fuzz.ratio) name the same person when both are long ("Zelensky" /
# "Zelenskyy" = 94); shorter ones must match exactly ("Wicker"/"Walker" = 83 stays apart).
SURNAME_SIMILARITY = 90
SURNAME_FUZZY_MIN = 7

Aliases = Mapping[str, Iterable[str]]  # canonical name -> other names of that person (.factcheck.toml)

EXACT, MISATTRIBUTED, NARRATION, MISQUOTE = "exact-quote", "misattributed", "paraphrase-quoted", "misquote"
UNCLEAR = "attribution-unclear"  # the words match; the source's speaker differs but the passage names the claimed one


class QuoteJudgement(NamedTuple):
    """How quoted words compare with one passage: a kind, the stance verify shows, and why."""

    stance: str  # supports | conflicts | related
    reasons: tuple[str, ...]
    quote: Quote | None  # the source quote compared (None for narration)
    kind: str  # exact-quote | misattributed | paraphrase-quoted | misquote
    similarity: float  # 0-100
    claimed: str  # the quoted words as the claim gives them
    diff: str | None = None  # word-level diff for a misquote
    speaker_known: bool = True  # False when the source quote has no speaker


def judge_quotes(claim: Claim, cand: Candidate) -> QuoteJudgement | None:
    """Return the judgement of the claim's quoted words against one passage, or None if unrelated."""
    found = [j for claimed in claim.quotes if (j := compare_quote(claimed, claim.speaker, cand)) is not None]
    return best(found)


def best(judgements: Iterable[QuoteJudgement]) -> QuoteJudgement | None:
    """Return the judgement that decides (see `_rank`), the most similar first."""
    ranked = sorted(judgements, key=lambda j: (_rank(j), -j.similarity))
    return ranked[0] if ranked else None


def judge_across(claimed: str, speaker: str | None, candidates: Iterable[Candidate],
                 match: float = QUOTE_MATCH, near: float = QUOTE_NEAR,
                 aliases: Aliases | None = None) -> tuple[QuoteJudgement, Candidate] | None:
    """Return the deciding judgement of `claimed` over all candidate passages, with its passage
    (`aliases`: the [aliases] table, names listed together are one person)."""
    found = [(j, c) for c in candidates
             if (j := compare_quote(claimed, speaker, c, match, near, aliases)) is not None]
    if not found:
        return None
    return min(found, key=lambda jc: (_rank(jc[0]), -jc[0].similarity, jc[1].source.path, jc[1].start))


def _rank(j: QuoteJudgement) -> int:
    """Which outcome wins across passages: the words from that speaker; else from a named other
    speaker; else from an unnamed one; else an unclear attribution; else narration; else a near miss."""
    if j.kind == EXACT:
        return 0 if j.speaker_known else 2
    return {MISATTRIBUTED: 1, UNCLEAR: 3, NARRATION: 4, MISQUOTE: 5}[j.kind]


def compare_quote(claimed: str, speaker: str | None, cand: Candidate, match: float = QUOTE_MATCH,
                  near: float = QUOTE_NEAR, aliases: Aliases | None = None) -> QuoteJudgement | None:
    """Return how `claimed` (attributed to `speaker`) compares with the passage, or None."""
    n_words = len(quote_words(claimed))
    if n_words < MIN_QUOTE_WORDS:
        return None
    short = n_words < MIN_FRAGMENT_WORDS
    speaker = speaker_name(speaker)
    scored: list[tuple[float, bool, bool, Quote]] = []  # (similarity, speaker matches, speaker known, quote)
    for q in cand.quotes:
        source_speaker = speaker_name(q.speaker)
        sim = quote_match(claimed, q.text, whole=short)
        if sim < near:
            continue
        if match <= sim < 100 and _changes_words(q.text, claimed):
            # Similar as strings, but a word differs: one changed word in a long quote still
            # scores 95+, and a changed word is what a misquote is.
            sim = min(sim, match - 0.1)
        known = source_speaker is not None and speaker is not None
        same = not known or same_person(speaker or "", source_speaker or "", aliases)
        scored.append((sim, same, source_speaker is not None, q))
    exact = [s for s in scored if s[0] >= match]
    if exact:
        # Same speaker first, then a named other speaker, then a quote the source leaves unattributed.
        sim, same, known, q = max(exact, key=lambda s: (s[1] and s[2], not s[1], s[0]))
        said_by = speaker_name(q.speaker)
        if not same and _names(cand, speaker or "", said_by):
            # The passage names the draft's speaker too ("Vance, answering Peskov, said"): who said
            # it is a matter of reading the attribution, not a proven misattribution.
            return QuoteJudgement("related", (f"the source gives these words to {said_by}, but the passage also "
                                              f"names {speaker}",), q, UNCLEAR, sim, claimed)
        if not same and _given_against_surname(speaker or "", said_by or ""):
            # "daughter Sarah told the court" / "Ms Corbett told the court": a given name alone and
            # an honorific with a surname may be one person
            return QuoteJudgement("related", (f"the source gives these words to {said_by}, who may be {speaker}",),
                                  q, UNCLEAR, sim, claimed)
        if not same:
            return QuoteJudgement("conflicts", (f"misattributed: these words are {said_by}'s, not {speaker}'s",),
                                  q, MISATTRIBUTED, sim, claimed)
        who = f" from {said_by}" if said_by else " (the source does not say who spoke)"
        return QuoteJudgement("supports", (f"the quoted words appear in the source{who}",), q, EXACT, sim,
                              claimed, speaker_known=known)
    if short:
        return None
    narration = narration_of(cand)
    if narration and quote_match(claimed, narration) >= match:
        return QuoteJudgement("related", (f"the words \"{claimed}\" are the reporter's narration here, not a quote",),
                              None, NARRATION, 100.0, claimed)
    if not scored:
        return None
    sim, same, known, q = max(scored, key=lambda s: (s[0], s[1]))
    diff = word_diff(q.text, claimed)
    reason = f"misquote: {diff}"
    if not same:
        reason += f" (and the source quote is {speaker_name(q.speaker)}'s, not {speaker}'s)"
    return QuoteJudgement("conflicts", (reason,), q, MISQUOTE, sim, claimed, diff=diff, speaker_known=known)


def quote_match(claimed: str, source: str, whole: bool = False) -> float:
    """Return 0-100: 100 when the claimed words are in `source` in order, else fuzzy similarity.

    With `whole`, the claimed words must be the whole of `source` (for short quotes).
    """
    if whole:
        a, b = quote_words(_unbracket(claimed)), quote_words(source)
        return 100.0 if a and a == b else 0.0
    if in_order(claimed, source):
        return 100.0
    return quote_similarity(_unbracket(claimed), source)


_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")
_BRACKET = re.compile(r"\[[^\]]*\]")


def in_order(claimed: str, source: str) -> bool:
    """Return True when the claimed words occur in `source`: pieces split at "…" in order, with
    each "[insertion]" standing for up to BRACKET_GAP source words."""
    hay = quote_words(source)
    pos = 0
    found_any = False
    for piece in _ELLIPSIS.split(claimed):
        parts = [quote_words(p) for p in _BRACKET.split(piece)]
        if not any(parts):
            continue
        at = _find_with_gaps(hay, parts, pos)
        if at < 0:
            return False
        pos = at
        found_any = True
    return found_any


def _find_with_gaps(hay: list[str], parts: list[list[str]], start: int) -> int:
    """Return the index after the first occurrence of `parts` (gaps of 0..BRACKET_GAP words between)."""
    parts_ne = [p for p in parts if p]  # a leading or trailing "[insertion]" needs no source words
    first = parts_ne[0]
    for i in range(start, len(hay) - len(first) + 1):
        if hay[i:i + len(first)] != first:
            continue
        end = _rest_fits(hay, parts_ne[1:], i + len(first))
        if end >= 0:
            return end
    return -1


def _rest_fits(hay: list[str], parts: list[list[str]], at: int) -> int:
    if not parts:
        return at
    head = parts[0]
    for gap in range(0, BRACKET_GAP + 1):
        j = at + gap
        if hay[j:j + len(head)] == head:
            end = _rest_fits(hay, parts[1:], j + len(head))
            if end >= 0:
                return end
    return -1


def _changes_words(source: str, claimed: str) -> bool:
    """Return True when the word diff of the claimed quote against the source shows a change."""
    diff = word_diff(source, _unbracket(claimed))
    return "[-" in diff or "{+" in diff


def _unbracket(text: str) -> str:
    return _ELLIPSIS.sub(" ", _BRACKET.sub(" ", text))


def narration_of(cand: Candidate) -> str:
    """Return the passage text with its quotations cut out (" | " keeps pieces apart).

    A quote several sentences long is only partly in the passage: the part from where it
    opens, or the part up to where it closes, or all of it.
    """
    text = cand.text
    for q in sorted(cand.quotes, key=lambda q: -len(q.text)):
        if not q.text:
            continue
        if q.text in text:
            text = text.replace(q.text, " | ")
        elif q.start <= cand.start and q.end >= cand.end:
            return ""
        elif q.start > cand.start:  # opens here, closes in a later passage
            at = text.find(q.text[:_EDGE])
            text = text[:at] + " | " if at >= 0 else text
        else:  # opened in an earlier passage, closes here
            at = text.rfind(q.text[-_EDGE:])
            text = " | " + text[at + _EDGE:] if at >= 0 else text
    return text


_EDGE = 12  # characters of a quote's first (last) words looked for where a long quote opens (closes)


_NOT_NAMES = frozenset("he she they i we you it who one someone somebody".split())


def speaker_name(name: str | None) -> str | None:
    """Return a speaker's name fit to compare, or None for no name: an unresolved pronoun ("She", "Usually I"),
    or the part after a sentence end in a name run that crossed one ("Putin. Hegseth" -> "Hegseth")."""
    if not name:
        return None
    name = re.split(r"(?<=[a-z]{2})[.!?]\s+", name)[-1].strip()
    if not name or name.split()[-1].lower() in _NOT_NAMES:  # "She", "Usually I"
        return None
    return name


def _given_against_surname(speaker: str, said_by: str) -> bool:
    """Return True for a one-word speaker against "Ms Corbett": a given name and a surname (of
    the same gender: "Michael" is not "Miss Somers")."""
    from .givennames import GIVEN_NAME_GENDER
    from .names import HONORIFIC_GENDER

    a, b = speaker.split(), said_by.replace(".", "").split()
    if not (len(a) == 1 and len(b) == 2 and b[0].lower() in HONORIFIC_GENDER and a[0].lower() != b[1].lower()):
        return False
    given, honorific = GIVEN_NAME_GENDER.get(a[0].lower()), HONORIFIC_GENDER[b[0].lower()]
    return not given or not honorific or given == honorific


def _names(cand: Candidate, speaker: str, said_by: str | None) -> bool:
    """Return True when the passage names `speaker` by surname, or the sentence before does and
    the passage does not name the one it gives the words to ("he said", "the spokesman said")."""
    key = words(speaker)
    if not key:
        return False
    passage = words(cand.text)
    if key[-1] in passage:
        return True
    by = words(said_by or "")
    return not (by and by[-1] in passage) and key[-1] in words(cand.context)


def same_person(a: str, b: str, aliases: Aliases | None = None) -> bool:
    """Return True when two names can be the same person (`names.same_person`: "Vance" and
    "J.D. Vance", "Waller-Bridge" and "Phoebe Waller-Bridge", names one `aliases` group lists),
    also when a long surname is spelt another way ("Zelensky" and "Volodymyr Zelenskyy")."""
    from .names import name_key
    from .names import same_person as same

    if same(a, b, aliases):
        return True
    (ta, ga), (tb, gb) = name_key(a), name_key(b)
    if not ta or not tb or (ga and gb and ga != gb):
        return False
    if _given_name_of(ta, tb) or _given_name_of(tb, ta):
        return True
    if not _same_surname(ta[-1], tb[-1]):
        return False
    return same(" ".join(ta[:-1] + tb[-1:]), b)


def _given_name_of(one: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Return True when a one-word name is the given name of a full one: a reporter calls a child
    or a celebrity by the first name ("Nikolai said" for "Nikolai Kryaglyachenko")."""
    return len(one) == 1 and len(full) >= 2 and len(one[0]) > 2 and one[0] == full[0]


def _same_surname(a: str, b: str) -> bool:
    if min(len(a), len(b)) < SURNAME_FUZZY_MIN:
        return False
    return fuzz.ratio(a, b, processor=None, score_cutoff=SURNAME_SIMILARITY) > 0
