"""The one place that knows the stage order: claim -> retrieve -> score -> stance -> verdict.

(Named `pipeline` rather than `verify` so that `from factcheck import verify` is the function.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from . import retrieve, score, stance
from .errors import ExitCode
from .models import Candidate, Claim, Evidence, Verdict
from .text import STOP_WORDS, words

if TYPE_CHECKING:
    from .models import DocumentStance, QuoteRecord
    from .store import Store

DEFAULT_TOP = 5


class Options(NamedTuple):
    """How much evidence to return and which."""

    top: int = DEFAULT_TOP
    min_score: float | None = None
    since: str | None = None
    until: str | None = None
    sort: str = "score"  # score | date
    documents: bool = False  # also judge each returned document as a whole (Verdict.documents)


_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{2,}?)[\"“”„«»]|(?:^|[\s(])[‘']([^‘’']{3,}?)[’'](?=[\s.,;:!?)]|$)")


def parse_claim(text: str, **position: int | None) -> Claim:
    """Return the Claim for a line of user text: its quoted words and who it says spoke."""
    text = " ".join(text.split())
    quotes = tuple(q.strip(" ,.") for m in _QUOTED.finditer(text) for q in m.groups() if q and q.strip(" ,."))
    return Claim(text=text, speaker=stance.claim_speaker(text), quotes=quotes, **position)  # type: ignore[arg-type]


def verify(store: Store, claim: Claim | str, options: Options | None = None, whole: bool = True) -> Verdict:
    """Return the verdict and evidence for one claim against the index `store` (`whole` False:
    a part of a claim, not cut again)."""
    options = options or Options()
    if isinstance(claim, str):
        claim = parse_claim(claim)
    if not claim.text.strip():
        return Verdict(claim=claim, verdict="unverified", reasons=("the claim is empty",))
    terms, candidates = retrieve.candidates(store, claim)
    candidates = [c for c in candidates if _in_window(c, options)]
    matches = score.rank(terms, candidates)
    floor = stance.RELATED_MIN if options.min_score is None else options.min_score
    relevant = []
    for cand, match in zip(candidates, matches):
        if match.score >= floor or (claim.quotes and any(_quote_hit(q, cand) for q in claim.quotes)):
            relevant.append((cand, match))
    judged = _judge(claim, relevant, options)
    documents = tuple(_documents(store, claim, options, judged)) if options.documents else ()
    evidence = _select(judged, options)
    verdict = Verdict(claim=claim, verdict=_verdict(evidence), evidence=tuple(evidence),
                      reasons=_verdict_reasons(evidence), documents=documents)
    if verdict.verdict == "unverified" and not claim.quotes and whole:
        return _by_parts(store, claim, options, verdict)
    return verdict


# Where a claim of two statements may be cut: ", and the ...", "; coal generation ...", ", but
# Smith ...": before a word that opens a statement of its own, not a verb that goes on the
# first one's subject (", and has reached ...") nor a pronoun whose referent the part would lose.
_PART_BREAK = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?!(?:has|have|had|is|are|was|were|will|would|can|"
                         r"could|may|might|must|should|did|does|do|then|also|not|never|he|she|it|they|him|her|them|"
                         r"so|as|to|in|on|at|by|for|with|from|of)\b|[a-z]+ed\b|[a-z]+ing\b)(?=[\w$£€])")
MIN_PART_WORDS = 4  # content words (stop words aside) each part must have
# A second predicate of the same subject: "The photograph ... was first published by The Times
# on 23 November 2012 and was taken by Jack Hill in Sevare" (the subject goes with both parts)
_AUXILIARY = r"(?:was|were|is|are|has|have|had)"
_SECOND_PREDICATE = re.compile(rf"\s+and\s+(?=(?:{_AUXILIARY}\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)|"
                               r"[a-z]{3,}ed|grew|went|became|won|lost|left|made|took|gave|told|said|met)\s)")
_SUBJECT_THEN_VERB = re.compile(rf"^(?P<subj>[^,;:“”\"]{{3,90}}?)\s+{_AUXILIARY}\s")


def _claim_parts(text: str) -> list[str]:
    """Return the statements a claim may be cut into: at `_PART_BREAK`, else at a second
    predicate of its subject, the subject given to both."""
    texts = [t.strip(" ,;.") for t in _PART_BREAK.split(text)]
    if len(texts) == 1:
        halves = _SECOND_PREDICATE.split(text, maxsplit=1)
        subject = _SUBJECT_THEN_VERB.match(halves[0]) if len(halves) == 2 else None
        if subject is not None:
            texts = [halves[0].strip(" ,;."), f"{subject.group('subj')} {halves[1].strip(' ,;.')}"]
    return texts


def _by_parts(store: Store, claim: Claim, options: Options, whole: Verdict) -> Verdict:
    """Return the verdict of a claim of two statements from its parts, when the claim as a whole
    finds no passage that says it all ("The U.S. now generates half as much coal-fired power as
    in 2009, and coal generation slid 18 percent last year": two sentences of the source say one
    each): supported when every part is, conflicting when a part is contradicted (the rest's
    support shown as related), else the whole claim's verdict."""
    texts = _claim_parts(claim.text)
    if len(texts) < 2 or any(sum(1 for w in words(t) if w not in STOP_WORDS) < MIN_PART_WORDS for t in texts):
        return whole
    # A part is read in the documents where the whole claim was found, and decided by its most
    # relevant passage there: a short part on its own ("now growing protests force him to fire
    # the other") finds loose support anywhere, while the sentence that says it hedges it.
    found_in = {e.candidate.source.path for e in whole.evidence}
    parts = []
    for t in texts:
        mine = [e for e in verify(store, parse_claim(t), options, whole=False).evidence if e.candidate.source.path in found_in]
        best = max(mine, key=lambda e: e.score, default=None)
        parts.append((t, _verdict([best]) if best is not None else "unverified", mine))
    if any(v == "conflicting" for _, v, _ in parts) and not any(v == "disputed" for _, v, _ in parts):
        evidence = [e for t, v, mine in parts for e in _for_part(t, mine, keep=v == "conflicting")]
    elif all(v == "supported" for _, v, _ in parts):
        evidence = [e for t, _, mine in parts for e in _for_part(t, mine, keep=True)]
    else:
        return whole
    said = "; ".join(f"'{t}' {v}" for t, v, _ in parts)
    return whole._replace(verdict=_verdict(evidence), evidence=tuple(evidence),
                          reasons=(f"no passage says it all; read in {len(parts)} parts: {said}",))


def _for_part(text: str, evidence: list[Evidence], keep: bool) -> list[Evidence]:
    """Return a part's evidence, each piece saying which part it is about; a supported part's
    support is shown as related beside another part's contradiction (`keep` False)."""
    out = []
    for e in evidence:
        stance = e.stance if keep or e.stance != "supports" else "related"
        out.append(e._replace(stance=stance, reasons=e.reasons + (f"for the part '{text}'",)))
    return out


# Passages retrieved when documents are judged as a whole: the question "which documents are
# about this claim?" needs a wider net than the few best passages (the FNC-1 dev side has ~8
# related bodies per headline, each with several matching passages): 3175 of the 3319 related
# pairs of the FNC-1 topic dev side are in the top 200 passages. Adding the best passage of
# each further document among the top 400 finds 77 more, but brings more unrelated ones along:
# cross-validated on dev, FNC score 81.9 against 82.3. The stance model is trained on this pool.
DOCUMENT_POOL = 200


def document_pool(store: Store, claim: Claim, options: Options | None = None
                  ) -> tuple[score.ClaimTerms, list[Candidate], list[score.Match]]:
    """Return the claim's terms and the scored passages documents are judged from (also for training)."""
    terms, candidates = retrieve.candidates(store, claim, limit=DOCUMENT_POOL)
    candidates = [c for c in candidates if _in_window(c, options or Options())]
    return terms, candidates, score.rank(terms, candidates)


def _documents(store: Store, claim: Claim, options: Options, judged: list[Evidence]) -> list[DocumentStance]:
    """Return the stance of each relevant document, from a wider retrieval than the evidence's."""
    from . import docstance  # only --documents reads documents as a whole: its model stays out of start-up

    terms, candidates, matches = document_pool(store, claim, options)
    return docstance.judge_documents(claim, terms, candidates, matches, partial(stance.judge, claim),
                                     {e.candidate.pid: e for e in judged}, fetch=store.candidates)


def _judge(claim: Claim, relevant: list[tuple[Candidate, score.Match]], options: Options,
           exhaustive: bool = False) -> list[Evidence]:
    """Return the judged evidence `_select` needs: a prefix of the relevant passages, best first.

    `_select` keeps the first `top` passages plus the best supporting and the best conflicting
    one, so judging can stop after `top` passages once a supporting and a conflicting one have
    been seen, or once scores fall below the least a decisive stance needs (without a quotation
    in the claim, `stance.judge` calls a passage below CONFLICT_MIN / SUPPORT_MIN related).
    tests/test_speed.py checks that the output equals judging every relevant passage.
    """
    ranked = sorted(relevant, key=lambda cm: (-cm[1].score, cm[0].source.path, cm[0].start))
    decisive = min(stance.CONFLICT_MIN, stance.SUPPORT_MIN)
    evidence: list[Evidence] = []
    seen: set[str] = set()
    for n, (cand, match) in enumerate(ranked):
        if n >= options.top and not exhaustive and not claim.quotes:
            if {"supports", "conflicts"} <= seen or match.score < decisive:
                break
        j = stance.judge(claim, cand, match)
        seen.add(j.stance)
        evidence.append(Evidence(stance=j.stance, score=match.score, candidate=cand, reasons=j.reasons,
                                 highlights=match.highlights, quote=j.quote))
    return _misquotes_of_said_words(evidence) if len(claim.quotes) == 1 else evidence


_EXACT_QUOTE = "the quoted words appear in the source"


def _misquotes_of_said_words(evidence: list[Evidence]) -> list[Evidence]:
    """Return the evidence with a misquote turned related when another passage has the claim's
    one quotation as it is: "We don't target journalists" is the IDF's word for word, so a loosely
    similar quote of someone else's ("intentional targeting of journalists") does not make
    the claim disputed."""
    if not any(e.stance == "supports" and any(r.startswith(_EXACT_QUOTE) for r in e.reasons) for e in evidence):
        return evidence
    return [e._replace(stance="related", reasons=e.reasons + ("another passage has the quoted words as they are",))
            if e.stance == "conflicts" and any(r.startswith("misquote:") for r in e.reasons) else e
            for e in evidence]


def verify_all(store: Store, claims: Iterable[str], options: Options | None = None) -> Iterator[Verdict]:
    """Yield a verdict per claim, in input order."""
    for text in claims:
        yield verify(store, text, options)


def _quote_hit(quoted: str, cand: Candidate) -> bool:
    return any(score.quote_similarity(quoted, q.text) >= stance.QUOTE_NEAR for q in cand.quotes)


def _in_window(cand: Candidate, options: Options) -> bool:
    date = cand.source.date
    if options.since and (date is None or date < options.since):
        return False
    return not (options.until and (date is None or date > options.until))


def _select(evidence: list[Evidence], options: Options) -> list[Evidence]:
    """Return the top evidence, keeping the best supporting and conflicting passage in view: the
    verdict rests on them, so they are shown even when `top` is smaller ("--top 1" on a disputed
    claim shows both, and the verdict does not depend on how many passages are shown)."""
    ranked = sorted(evidence, key=lambda e: (-e.score, e.candidate.source.path, e.candidate.start))
    must = [best for wanted in ("conflicts", "supports")
            if (best := next((e for e in ranked if e.stance == wanted), None)) is not None]
    rest = [e for e in ranked if e not in must][: max(options.top - len(must), 0)]
    chosen = sorted(must + rest, key=lambda e: (-e.score, e.candidate.source.path, e.candidate.start))
    if options.sort == "date":
        chosen.sort(key=lambda e: (e.candidate.source.date or "9999", e.candidate.source.path, e.candidate.start))
    return chosen


def _verdict(evidence: list[Evidence]) -> str:
    stances = {e.stance for e in evidence}
    if "supports" in stances and "conflicts" in stances:
        return "disputed"
    if "supports" in stances:
        return "supported"
    if "conflicts" in stances:
        return "conflicting"
    return "unverified"


def _verdict_reasons(evidence: list[Evidence]) -> tuple[str, ...]:
    counts = {s: sum(1 for e in evidence if e.stance == s) for s in ("supports", "conflicts", "related")}
    if not evidence:
        return ("no passage in the index is relevant enough",)
    parts = [f"{n} {s}" for s, n in counts.items() if n]
    return (", ".join(parts),)


def exit_code(verdicts: Iterable[str]) -> ExitCode:
    """Return the process outcome for a run's verdicts (DESIGN.md: like grep)."""
    seen = set(verdicts)
    if seen & {"conflicting", "disputed"}:
        return ExitCode.FINDINGS
    if "unverified" in seen:
        return ExitCode.UNVERIFIED
    return ExitCode.OK


def list_quotes(store: Store, speaker: str | None = None,
                aliases: Mapping[str, Iterable[str]] | None = None) -> list[QuoteRecord]:
    """Return the stored quotes with one name per person across documents, only `speaker`'s when given.

    Names that agree ("JD Vance", "J.D. Vance", a bare "Vance" when only one Vance is quoted)
    and names listed together in `aliases` fold to one canonical name; `speaker` matches
    any of them.
    """
    from .speakers import alias_group, fold_names, same_person

    found = store.quotes()
    canonical = fold_names((q.speaker for q in found if q.speaker), aliases)
    out = [q._replace(speaker=canonical.get(q.speaker, q.speaker), speaker_in_source=q.speaker) if q.speaker else q
           for q in found]
    if not speaker:
        return out
    wanted = alias_group(speaker, aliases) if aliases else None
    return [q for q in out if q.speaker and (
        same_person(speaker, q.speaker, aliases) or same_person(speaker, q.speaker_in_source, aliases)
        or (wanted is not None and wanted == q.speaker))]
