"""Does a passage support a claim, conflict with it, or merely relate to it? With reasons.

Pure functions over text. String similarity finds the passage; this stage reads it:
quotations (same words, same speaker?), who the passage is about, negation and antonyms
("ruled out" vs "left the door open", "had heard" vs "had not heard"), certainty
("unlikely" vs "ruled out"), retractions ("walked back"), and numbers. The cue words of
polarity, certainty and retraction are read by `polarity`, the numbers by `figures`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from . import alignment, figures, roles
from .lexicon import (
    ATTRIBUTION_WORDS,
    IRREGULAR_PAST,
    LIGHT_VERBS,
    NEGATING_PREFIXES,
    NEGATIVE_WORDS,
    NUMBER_WORDS,
    POSSIBLE_PHRASES,
    PROBABLE_PHRASES,
    WALKBACK_PHRASES,
    antonym_stems,
    synonym_stems,
)
from .models import Candidate, Claim, Quote
from .polarity import CERTAIN as CERTAIN  # re-exported, with polarity: callers use stance.polarity
from .polarity import NEGATION_SCOPE as NEGATION_SCOPE
from .polarity import POSSIBLE as POSSIBLE
from .polarity import PROBABLE as PROBABLE
from .polarity import frame_certainty, retraction_in
from .polarity import polarity as polarity
from .quotecheck import MIN_FRAGMENT_WORDS, quote_words
from .quotecheck import QUOTE_MATCH as QUOTE_MATCH  # re-exported: callers use stance.QUOTE_*
from .quotecheck import QUOTE_NEAR as QUOTE_NEAR
from .quotecheck import judge_quotes as _judge_quotes
from .quotecheck import same_person as same_person
from .score import Match, has_word
from .text import MONEY_MARKS, STOP_WORDS, fold, folded, folded_words, stem, words

# Thresholds on the 0-100 relevance score, chosen on the seed claim fixture
# (fixtures/seed_claims.json) so that every labelled case there is right.
RELATED_MIN = 38  # below this a passage is not evidence at all
SUPPORT_MIN = 55  # a passage this relevant, with nothing against it, supports the claim
CONFLICT_MIN = 50  # a contradiction counts only on a passage at least this relevant
# Claims whose derived forms are kept: judge() sees the same claim for each of its passages
# (16 in verify, up to 200 with --documents), and a batch moves on claim by claim.
CLAIM_CACHE = 256

_CONTRAST = re.compile(r"\b(?:but|however|yet|although|though|whereas|while|nevertheless|instead|later)\b")
# (", however," set off by commas is an aside, not a new clause: "A user was, however, able to …")
_CLAUSE_SPLIT = re.compile(
    r"[;:]|,\s+(?=(?:but|while|whereas|although|and|even\s+though)\b|(?:though|however)\b(?!,))|\s+-\s+|"
    r"\s+but\s+|\s+(?=and\s+that\b)"
)
# "<name> stated that ...", "<name>'s statements this week that ...": the proposition after
# "that" is <name>'s.
# Whose statement a passage reports: "officials said that ...", "Vance's remarks that ...".
# Folded text has lost the possessive 's, so the word before a noun of statement is its owner
# only when the source spells it with a capital (a name: not "a recent statement that").
_ATTRIBUTED = re.compile(
    r"\b([a-z][\w.]*)\s+(?:(?:also|later|then|again|\w+ly)\s+)?(?:(?P<noun>statements?|comments?|remarks?|"
    r"claims?|words|view|position)|said|says|told\s+\w+|argued|insisted|stated|suggested|warned|claimed|"
    r"added|noted|announced|believes?|thinks?|indicated|emphasized|stressed)\s+(?:\w+\s+){0,3}?that\b"
)


class Judgement(NamedTuple):
    """The stance of one passage towards a claim, with the reasons and the quote compared."""

    stance: str
    reasons: tuple[str, ...]
    quote: Quote | None = None


def judge(claim: Claim, cand: Candidate, match: Match) -> Judgement:
    """Return supports / conflicts / related for `cand` against `claim`, with reasons."""
    reasons = [_match_reason(match)]
    if claim.quotes:
        verdict = _judge_quotes(claim, cand)
        if verdict is not None and verdict.stance == "supports" and match.score < SUPPORT_MIN \
                and all(len(quote_words(q)) < MIN_FRAGMENT_WORDS for q in claim.quotes):
            # a title or a phrase quoted ("Rapper's Delight") supports only in a passage this relevant
            verdict = None
        if verdict is not None:
            number = figures.conflict(_respell(folded(claim.text), match), folded(cand.text)) \
                if verdict.stance == "supports" else None
            if number:  # the words quoted right, a date or figure of the claim's around them wrong
                return Judgement("conflicts", tuple(reasons + list(verdict.reasons) + [number]), verdict.quote)
            return Judgement(verdict.stance, tuple(reasons + list(verdict.reasons)), verdict.quote)
    if match.score < CONFLICT_MIN:
        return Judgement("related", tuple(reasons))
    if len(match.matched) + len(match.missing) < 2:
        # "NOT Hegseth", "word word word": a name or a topic, not a statement to confirm or deny
        reasons.append("the claim has one content word: nothing to confirm or contradict")
        return Judgement("related", tuple(reasons))

    subject = _spelled_as_source(_subject_of(claim.text, claim.speaker), match)
    about = _about(subject, cand) or _subject_referred_to(claim.text, subject, cand.text)
    if subject and not about:
        reasons.append(f"the passage does not mention {subject}")

    passage = folded(cand.text)
    claim_text = _respell(folded(claim.text), match)
    retraction = retraction_in(passage, subject)
    if retraction and about and not retraction_in(claim_text, None):  # "X denied ..." vs a denial: no conflict
        reported = bool(claim.speaker) and not alignment.REPORTING_VERBS.isdisjoint(words(claim_text))
        if reported and retraction.split("'")[1] in WALKBACK_PHRASES:
            # "Hegseth said it was unrealistic ..." (a report of a statement, not the act:
            # "Hegseth ruled out ...") against "Hegseth later walked back those remarks":
            # taking words back is having said them; what they said is another passage's
            reasons.append(f"{retraction} (later), which does not deny that {claim.speaker} said it")
            return Judgement("related", tuple(reasons))
        return Judgement("conflicts", tuple(reasons + [retraction]))

    focus = _focus_clause(passage, folded(cand.context), claim_text, subject, cand.text)
    if 2 * len(match.via_context) > len(match.matched) and not _ANAPHORIC_LEAD.search(passage):
        # The claim is the sentence before; this one goes on to something else ("However, ...
        # may not be reliable"): what it affirms or denies is not the claim.
        reasons.append("most of the claim's words are in the sentence before, not in this passage")
        return Judgement("related", tuple(reasons))
    if focus.owner:
        reasons.append(f"the statement in the passage is {focus.owner}'s, not {subject}'s")
        return Judgement("related", tuple(reasons))
    # A claim of several clauses is read where it says what the passage's clause says: "X is
    # less common, but Y is more popular" holds "less" and "more", its first clause only "less".
    said = _claim_clause(claim_text, focus.text)
    said_plain, focus_text = _drop_shared_without(said, focus.text)
    c_pol, c_cert, c_cues = _claim_polarity(said_plain)
    if c_cues and set(c_cues) <= _named_negations(claim.text):
        c_pol, c_cues = 1, ()  # "her Never Seconds blog": a name, no negation
    if c_cues and set(c_cues) <= _stands_for(match, passage):
        # "Mothers without college degrees are ..." against "... . They are ...": the negation
        # is in the words the passage's pronoun stands for, not in what the passage says
        c_pol, c_cues = 1, ()
    anchors = None if focus.anaphoric else _anchors(claim_text, subject)
    p_pol, p_cert, p_cues = polarity(_factual(focus_text, claim_text), anchors, _name_stems(claim.text))
    if c_pol != p_pol and p_cues and _says_it_too(claim_text, p_pol, p_cues):
        c_pol, c_cues = p_pol, tuple(p_cues)  # the claim says the passage's negation in another clause
    elif c_pol != p_pol and _cue_words_shared(claim_text, c_cues, p_cues):
        c_pol, c_cues = p_pol, tuple(p_cues)
    elif c_pol != p_pol and _coordinated_denials(c_cues, p_cues):
        c_pol, c_cues = p_pol, tuple(p_cues)
    if about and focus.topical:
        number = figures.conflict(claim_text, passage)
        if number:
            return Judgement("conflicts", tuple(reasons + [number]))
        swap = roles.swapped(claim.text, cand.text)
        if swap:
            return Judgement("conflicts", tuple(reasons + [swap]))
        # An opposite word or a negation contradicts the claim only in a clause that says much
        # of what the claim says: "Scroll down to see ..." does not deny "worth up to thousands".
        need = max(1.0, SHARED_SHARE * len(_claim_stems(claim_text, subject)))
        shared = focus.anaphoric or focus.shared >= need
        # an opposite word also where a passage's opening pronoun stands for the rest of the
        # claim: "Mothers without college degrees are more likely to ..." / "... . They are less likely to ..."
        opposable = shared or focus.shared + len(_stands_for(match, passage)) >= need
        antonym = (_antonym(said, focus.text) or alignment.reversed_comparison(said, focus.text)
                   or alignment.outside_for_in(said, focus.text)
                   or alignment.rejected_alternative(said, focus.text)
                   or alignment.reversed_direction(said, focus.text)
                   or alignment.exception_reversed(said, focus.text)) if opposable else None
        if not antonym and (shared or (match.coverage >= STATES_COVERAGE and not match.via_context)):
            # the claim's words around the opposite of one ("after" / "before"), read on the
            # claim as written (a comparative is no misspelling of its adjective: "smaller" /
            # "small"); the alignment is of the whole texts, so a passage that says most of the
            # claim will do where the clause read is another ("..., but since the war ended, ...")
            antonym = alignment.opposite_word(folded(claim.text), passage)
        if antonym:
            return Judgement("conflicts", tuple(reasons + [antonym]))
        if shared or (match.coverage >= STATES_COVERAGE and not match.via_context):
            # the claim's own words with a negation only one side has: "she did not deny sending
            # the messages" against "she did deny sending the messages"
            negation = alignment.negation_only(folded(claim.text), passage)
            if negation:
                return Judgement("conflicts", tuple(reasons + [negation]))
        # a negation in a passage without the claim's verb denies something else: "it wasn't
        # stated previously" does not deny "the Kremlin was surprised by Vance's remarks"
        unsaid = c_pol > 0 and p_pol < 0 and _missing_verb(match, subject, passage, claim.text)
        # a hedged statement does not deny a negative claim: "Apple might strike a deal with
        # Samsung" against "the two companies failed to agree"; "(Rumor)" against "declined to comment"
        # (a claim that calls the story itself false — "fake", "didn't actually" — is still
        # denied by a passage that leaves it possible)
        hedged_only = c_pol < 0 < p_pol and set(p_cues) <= _HEDGE_CUES and _DEBUNKING.isdisjoint(words(claim_text))
        if c_pol != p_pol and p_cues and shared and not unsaid and not hedged_only:
            reasons.append(_polarity_reason(c_pol, c_cues, p_pol, p_cues))
            return Judgement("conflicts", tuple(reasons))
        other = _other_clause_conflict(claim_text, said, passage, match)
        if other:
            return Judgement("conflicts", tuple(reasons + [other]))
    if subject and not about and match.score >= SUPPORT_MIN and focus.topical:
        replaced = roles.replaced_name(claim.text, cand.text, [subject]) or _other_speaker(claim, cand)
        if replaced:  # "Kandhamal district topped the list" against "Khurda district topping the list"
            return Judgement("conflicts", tuple(r for r in reasons if "does not mention" not in r) + (replaced,))
    if match.score < SUPPORT_MIN or not about or not focus.topical:
        return Judgement("related", tuple(reasons))
    if not _holds_enough(match, subject, _stands_for(match, passage)):
        # "Vance said Washington cares about Ukraine" for "Vance said Washington will send
        # troops to Ukraine": the claim's own statement (send troops) is not there
        absent = [w for w in match.missing if w not in _subject_words(subject)]
        before = [w for w in match.via_context if w not in _subject_words(subject)]
        reasons.append(f"the passage does not say {', '.join(absent[:4])}" if absent else
                       f"only the sentence before says {', '.join(before[:4])}")
        return Judgement("related", tuple(reasons))
    unnamed = _missing_names(claim.text, match, cand)
    if unnamed and about and subject and " " in subject:
        # "Boko Haram leader Abubakar Shekau" in a passage that says "Mr. Shekau": the subject's
        # other words are no fact the passage must state
        unnamed = [n for n in unnamed if not set(words(n)) <= _subject_words(subject)]
    replaced = roles.replaced_name(claim.text, cand.text, unnamed) if unnamed else None
    if replaced:  # "held in Berlin on August 11-21" against "take place in Munich on August 11-21"
        return Judgement("conflicts", tuple(reasons + [replaced]))
    if unnamed:
        # "Officials say Qatar used precision strike weapons" against "Indian officials say
        # troops used precision strike weapons": who or where is the claim's fact too.
        reasons.append(f"the passage does not mention {', '.join(unnamed[:3])}")
        return Judgement("related", tuple(reasons))
    rank = figures.missing_ordinal(claim_text, passage)
    if rank:  # "the fifth person to die" against "the sixth person to die"
        reasons.append(rank)
        return Judgement("related", tuple(reasons))
    missing = figures.missing(claim_text, passage)
    if missing:
        reasons.append(f"the source does not give the claim's number{'s' if ' ' in missing else ''} {missing}")
        return Judgement("related", tuple(reasons))
    changed = (alignment.changed_word(claim_text, passage, _subject_words(subject), _name_stems(claim.text))
               if match.missing or match.via_context else None)
    if changed:
        return Judgement("related", tuple(reasons + [changed]))
    verb = _missing_verb(match, subject, passage, claim.text) or _missing_comparison(match, claim.text)
    if verb:  # "The woman stayed on the flight" against "medics checked the woman on the plane"
        reasons.append(f"the passage does not say '{verb}'")
        return Judgement("related", tuple(reasons))
    elsewhere = _verb_elsewhere(match, subject, claim.text, said, focus.text, passage, c_pol)
    if elsewhere:  # "Police charged the owner" against "police have detained the owner ..., however no one has been charged"
        return Judgement(elsewhere[0], tuple(reasons + [elsewhere[1]]))
    flipped = _voice_flipped(claim_text, passage)
    if flipped:  # "X had sideswiped a Chinese vessel" against "X was sideswiped by a Chinese vessel"
        return Judgement("conflicts", tuple(reasons + [flipped]))
    holder = roles.other_holder(claim.text, cand.text)
    if holder:  # "Rubio is the CIA director" against "..., CIA Director John Ratcliffe"
        return Judgement("related", tuple(reasons + [holder]))
    if c_pol != p_pol:
        if c_pol < 0 and not p_cues and _states_it(match, len(_claim_stems(said, subject) - _NEGATIVE_STEMS), focus):
            # "X was not caught" against "X was caught ...": the source says what the claim denies.
            reasons.append(f"the source states it without the claim's {_cue_words(c_cues)}")
            return Judgement("conflicts", tuple(reasons))
        reasons.append(f"the source neither states nor denies {_cue_words(c_cues) or 'it'}")
        return Judgement("related", tuple(reasons))
    c_sure, p_sure, c_said, p_said = c_cert, p_cert, tuple(c_cues), tuple(p_cues)
    if c_cert == p_cert:
        # "It is possible that A, and B" against "A, and B"; "X - a firm - may have been
        # founded by Y" against "X - a firm - was founded by Y": the hedge is in a clause of
        # the claim other than the one read, and the passage says that clause plainly.
        c_sure, p_sure, c_said, p_said = _other_clause_certainty(said, c_cert, c_said, p_cert, p_said,
                                                                 claim_text, passage, match)
    # a hedge opening the sentence frames every clause of it: "It is possible that A: B"
    framed, frame = frame_certainty(claim_text)
    if frame and framed < c_sure:
        c_sure, c_said = framed, tuple(dict.fromkeys(c_said + (frame,)))
    framed, frame = frame_certainty(passage)
    if frame and framed < p_sure:
        p_sure, p_said = framed, tuple(dict.fromkeys(p_said + (frame,)))
    if c_sure != p_sure and p_said and set(p_said) <= _CLAIMING and claim.speaker and about \
            and not alignment.REPORTING_VERBS.isdisjoint(words(claim_text)):
        # "Chandler said she met him on Tinder" against "Chandler … claims … that she met him on
        # Tinder": the claim reports her statement, which "claims" reports too
        c_sure, p_sure = p_sure, p_sure
    if c_sure != p_sure and not _same_cue_words(claim_text, passage):
        reasons.append(
            f"certainty differs: the claim is {_CERT_NAME[c_sure]} ({_cue_words(c_said) or 'a plain statement'}), "
            f"the source is {_CERT_NAME[p_sure]} ({_cue_words(p_said) or 'a plain statement'})"
        )
        return Judgement("related", tuple(reasons))
    modal = alignment.modal_changed(claim_text, passage)
    if modal:  # "this could be because of" against "this will be because of"
        return Judgement("related", tuple(reasons + [modal]))
    unquoted = [q for q in claim.quotes if len(quote_words(q)) >= MIN_FRAGMENT_WORDS]
    if unquoted:
        # the claim quotes words (judge_quotes found them in no quote or narration of this passage):
        # what it says around them may be here, the words themselves are not
        reasons.append(f"the passage does not have the quoted words \"{_clip(unquoted[0])}\"")
        return Judgement("related", tuple(reasons))
    if c_cues or p_cues:
        reasons.append(f"same polarity ({_cue_words(p_cues) or 'affirmative'})")
    return Judgement("supports", tuple(reasons))


_NAME_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*")
_OPENS_SENTENCE = frozenset(".!?:;\"“‘'([-–—")


@lru_cache(maxsize=CLAIM_CACHE)
def _title_case(text: str) -> bool:
    """Return True for a headline in title case: every word but the stop words capitalised."""
    tokens = [m.group() for m in _NAME_TOKEN.finditer(text)]
    content = [t for t in tokens if fold(t) not in STOP_WORDS]
    return len(content) >= 3 and all(t[0].isupper() for t in content)


# A negation word capitalised inside a sentence, before another capital, opens a name: "the
# Never Seconds blog", "the No Labels group"
_NAMED_NEGATION = re.compile(r"(?<=[\w,;:] )(?:Never|No|Not|Nothing|Nobody|None|Without)(?= [A-Z])")


def _named_negations(text: str) -> set[str]:
    """Return the negation words of `text` that are words of a name (folded)."""
    return {m.group().lower() for m in _NAMED_NEGATION.finditer(text)}


def _given_name_alone(given: str, passage: str) -> bool:
    """Return True when the passage has the capitalised word `given` with no other name after it."""
    return given[:1].isupper() and fold(given) not in STOP_WORDS and fold(given) not in _CALENDAR and \
        re.search(rf"(?<![\w'’-]){re.escape(given)}\b(?!\s+[A-Z])", passage) is not None


def _missing_names(text: str, match: Match, cand: Candidate) -> list[str]:
    """Return the claim's names (capitalised words not opening a sentence) that scoring found
    missing and that neither the passage, the sentence before nor its speakers have."""
    # a name "read as" a word it is no spelling of ("India" as "indicators", by its stem) is missing too
    missing = set(match.missing) | {w for w, said in match.corrected if not alignment.spelt_alike(w, said)}
    # "S$83.7 million", "US$5": a currency's letters name no one (text.MONEY reads them)
    tokens = [m for m in _NAME_TOKEN.finditer(text) if (text[m.end():m.end() + 1] or " ") not in MONEY_MARKS]
    # "US" folds to the stop word "us", which scoring does not read: a name all the same
    missing |= {fold(m.group()) for m in tokens if m.group().isupper() and m.group().isalpha()
                and fold(m.group()) in STOP_WORDS}
    if not missing:
        return []
    capitalised = [m for m in tokens if m.group()[0].isupper()]
    # A title-case headline ("Officials Say Qatar Used Drones") capitalises every content word,
    # and its capitals name nothing; a sentence dense with names ("Zelensky will meet with
    # Hegseth at the Munich Security Conference") still has a lowercase one.
    if not capitalised or _title_case(text):
        return []
    around: set[str] | None = None
    out: list[str] = []
    previous = None
    for m in capitalised:
        lead = text[:m.start()].rstrip()
        given, previous = previous, m
        if not lead or lead[-1] in _OPENS_SENTENCE:
            continue  # "The", "After ...": a capital because a sentence (or a quotation) starts
        name = [w for w in words(m.group()) if w in missing]
        if not name:
            continue
        if around is None:  # the passage's words as the claim's are read ("D.C.", "WIRED.com")
            around = set(folded_words(cand.text)) | set(folded_words(cand.context)) \
                | {w for q in cand.quotes for w in words(q.speaker or "")} | set(words(cand.speaker or "")) \
                | _abbreviated(text, cand.text + " " + cand.context)
        if given is not None and given.end() + 1 == m.start() and _given_name_alone(given.group(), cand.text):
            continue  # the passage calls "Bruno Mars" by his given name
        surname = _FOLLOWING_NAME.match(text, m.end())
        if surname and fold(surname.group(1)) in around and fold(surname.group(1)) not in missing \
                and _person_surname(surname.group(1)) \
                and not _other_given_name(m.group(), surname.group(1), cand.text + " " + cand.context):
            continue  # the passage calls "James Foley", "Officer Wilson" by the surname
        if not any(w in around for w in name) and m.group().rstrip(".") not in out \
                and not (_referred_to(text, m, cand.text) and not _other_names(cand.text, text)):
            out.append(m.group().rstrip("."))
    return out


_FOLLOWING_NAME = re.compile(r" ([A-Z][\w'’-]+)")


def _other_given_name(given: str, surname: str, passage: str) -> bool:
    """Return True when the passage gives the surname another first name ("Mary Foley" / "James Foley")."""
    for m in re.finditer(rf"([A-Z][\w'’-]*)\.? {re.escape(surname)}\b", passage):
        if m.group(1) != given and fold(m.group(1)) not in _TITLE_PREFIX:
            return True
    return False


def _person_surname(word: str) -> bool:
    """Return False for the head word of an organisation's or a place's name ("Harvard University",
    "Islamic State"), whose first word is no given name; read only here, so verify's start-up skips `names`."""
    from .names import ORG_WORDS

    return fold(word) not in ORG_WORDS
# A capitalised name of two or more words ("Islamic State", "Federal Bureau of Investigation")
_MULTIWORD_NAME = re.compile(r"[A-Z][a-z]+(?:\s+(?:of\s+|and\s+|the\s+)*[A-Z][a-z]+)+")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _abbreviated(claim: str, passage: str) -> set[str]:
    """Return the claim's name words the passage writes as initials ("Islamic State" / "IS") and
    the claim's initials the passage writes out ("WHO" / "the World Health Organization")."""
    out = {fold(a) for a in _ACRONYM.findall(claim) if _spelled_out(a, passage)}
    acronyms = set(_ACRONYM.findall(passage))
    if not acronyms:
        return out
    for m in _MULTIWORD_NAME.finditer(claim):
        if _initials(m.group()) in acronyms:
            out.update(fold(w) for w in m.group().split() if w[0].isupper())
    return out


def _spelled_out(acronym: str, passage: str) -> bool:
    """Return True when the passage writes out a name whose initials are `acronym` ("World Health Organization")."""
    # ("The Ministry of Health and the World Health Organization": a run of several names, one of them)
    return any(acronym in _initials(m.group()) for m in _MULTIWORD_NAME.finditer(passage))


def _initials(name: str) -> str:
    """Return the initials of a name's capitalised words ("Federal Bureau of Investigation" -> "FBI")."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _referred_to(claim: str, name: re.Match[str], passage: str) -> bool:
    """Return True when the passage names what the claim's name qualifies by its noun alone:
    "the UCU report" / "The report explores data ...", "Biden's support" / "his support among
    the state's black voters" (the name is in the sentences around it), not "Kandhamal
    district" / "Khurda district" (and only where the passage names nobody else: `_other_names`)."""
    if fold(name.group()) in STOP_WORDS:
        return False  # "any US state" is more than "the state" (Washington's)
    end = name.end()
    while (more := _NAME_AFTER.match(claim, end)) is not None:
        end = more.end()  # the whole name: "South Carolina's black voters"
    nm = _NEXT_NOUN.match(claim, end)
    if nm is None or nm.group(1).lower() in STOP_WORDS:
        return False
    # "UCU report" is "the report"; only a possessive may have a word between ("South Carolina's
    # black voters" / "the state's black voters"): "Qatar used drones" is not "the army used drones"
    owned = claim[end - 2:end] in ("'s", "’s") or nm.group(0).lstrip()[:1] in "'’"
    between = r"(?:[a-z][\w'’-]*\s+)?" if owned else ""
    return re.search(rf"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his)\s+{between}"
                     rf"{re.escape(nm.group(1).lower())}\b", passage) is not None


def _other_speaker(claim: Claim, cand: Candidate) -> str | None:
    """Return a reason when the passage opens on someone else saying what the claim has its
    speaker say, with the claim's verb: "Chuck Schumer called the documents 'incriminating'"
    against "Adam Schiff (D-Calif.), meanwhile, called the documents 'incriminating'"; or
    quotes someone else saying it: "Hayley Walsh said she began her career in the shipyards"
    against "… engineer Richard Weir, 60, said: “I started my career in the shipyards …”"."""
    if not claim.speaker:
        return None
    passage = cand.text
    verb = _SPEECH.search(claim.text)
    if verb is None:
        return None
    other = claim_speaker(passage) or _quoted_saying(claim.text[verb.end():], cand.quotes)
    if not other or same_person(other, claim.speaker):
        return None
    if verb.group(0).split()[-1] not in words(passage):
        return None
    return f"the source gives this to {other}, not to {claim.speaker}"


REPORTED_WORDS_MIN = 4  # content words of what the claim reports before a quote can be its source
REPORTED_SHARE = 0.75


def _quoted_saying(reported: str, quotes: Sequence[Quote]) -> str | None:
    """Return the speaker of the quote that holds most of what the claim reports (4 content
    words and three quarters of them): "she began her career in the shipyards of Tyneside ..."
    is in “I started my career in the shipyards of Tyneside ...”; "it does not target
    journalists" is not told by a lawyer's quote that has two of its words."""
    wanted = {stem(w) for w in words(reported) if w not in STOP_WORDS}
    if len(wanted) < REPORTED_WORDS_MIN:
        return None
    for q in quotes:
        have = {stem(w) for w in words(q.text)}
        if q.speaker and len(wanted & have) >= REPORTED_SHARE * len(wanted):
            return q.speaker
    return None


def _subject_referred_to(claim: str, subject: str | None, passage: str) -> bool:
    """Return True when the passage gives the claim's subject by its noun alone ("The FDA's ban
    ..." / "..., under the ban, which goes into effect in 30 days") and names no one else."""
    m = re.search(rf"(?<![\w'’]){re.escape(subject)}(?:['’]s)?", claim) if subject else None
    return m is not None and _referred_to(claim, m, passage) and not _other_names(passage, claim)


def _other_names(passage: str, claim: str) -> bool:
    """Return True when the passage has a capitalised word (a sentence's first aside) the claim lacks."""
    have = set(folded_words(claim))
    for m in _NAME_TOKEN.finditer(passage):
        lead = passage[:m.start()].rstrip()
        if m.group()[0].isupper() and lead and lead[-1] not in _OPENS_SENTENCE \
                and not any(w in have or w in STOP_WORDS or w in _CALENDAR for w in words(m.group())):
            return True  # (a weekday or a month names no one: "was held Wednesday")
    return False


_CALENDAR = figures.MONTHS | figures.WEEKDAYS
_NEXT_NOUN = re.compile(r"(?:['’]s)?\s+([a-z][a-z-]{2,})\b")
_NAME_AFTER = re.compile(r"\s+[A-Z][\w'’.-]*")


_WITHOUT = re.compile(r"\bwithout\s+(\w+)")


def _drop_shared_without(claim_text: str, passage: str) -> tuple[str, str]:
    """Return both texts without the "without X" phrases they share: "mothers without college
    degrees" on both sides names the same people, and denies nothing either side says; the
    passage's other "without"s ("a day without pay") still count."""
    if "without" not in claim_text or "without" not in passage:
        return claim_text, passage
    shared = {m.group(1) for m in _WITHOUT.finditer(claim_text)} & {m.group(1) for m in _WITHOUT.finditer(passage)}
    if not shared:
        return claim_text, passage
    drop = lambda m: m.group(1) if m.group(1) in shared else m.group(0)  # noqa: E731
    return _WITHOUT.sub(drop, claim_text), _WITHOUT.sub(drop, passage)


_NORMATIVE_NOT = re.compile(r"\b(?:shouldnt|should\s+not|ought\s+not|oughtnt)\b")
_NORMATIVE = re.compile(r"\b(?:should|shouldnt|ought|oughtnt|must)\b")


def _factual(passage: str, claim_text: str) -> str:
    """Return the passage with "should not" read as "should" when the claim states a fact: "Some
    members of Congress say they shouldn't be" is a view on "Federal workers are returning to
    the office", not a denial of it. A claim about what should be keeps the negation."""
    if ("should" not in passage and "ought" not in passage) or _NORMATIVE.search(claim_text):
        return passage
    return _NORMATIVE_NOT.sub("should", passage)


def _spelled_as_source(subject: str | None, match: Match) -> str | None:
    """Return the subject with misspelt words replaced by the source's spelling ("Hegsth")."""
    return _respell(subject, match) if subject else subject


def _respell(text: str, match: Match) -> str:
    """Return `text` with the words scoring read as misspellings replaced by the source's words."""
    if not match.corrected:
        return text
    # only a spelling of the same word: scoring compares with the passage's stems, and "India"
    # is within reach of "indicators" by its stem "indic" but is no spelling of it; and "at
    # least 86 days" stays "at least" (a figure's qualifier read as "last" would be no qualifier)
    fixes = {w: said for w, said in match.corrected
             if alignment.spelt_alike(w, said) and w not in figures.QUALIFIER_WORDS}
    return re.sub(r"[\w']+", lambda m: fixes.get(fold(m.group(0)), m.group(0)), text)


def _polarity_reason(c_pol: int, c_cues: Sequence[str], p_pol: int, p_cues: Sequence[str]) -> str:
    claim_side = f"the claim says {_cue_words(c_cues)}" if c_cues else "the claim affirms it"
    if p_pol < 0:
        return f"negation: the source says {_cue_words(p_cues)}; {claim_side}"
    return f"opposite stance: the source says {_cue_words(p_cues)}; {claim_side}"


_CERT_NAME = {CERTAIN: "certain", PROBABLE: "probable", POSSIBLE: "possible"}
_CLAIMING = frozenset(("claims", "claimed"))  # a hedge that is a reporting verb: "X claims that …"


def _match_reason(match: Match) -> str:
    text = f"matches {len(match.matched)} of {len(match.matched) + len(match.missing)} claim words"
    if match.matched:
        text += f" ({', '.join(match.matched[:8])})"
    if match.via_context:
        text += f", {len(match.via_context)} of them in the sentence before"
    if match.corrected:
        text += "; read " + ", ".join(f"{a!r} as {b!r}" for a, b in match.corrected)
    return text


def _cue_words(cues: Sequence[str]) -> str:
    return ", ".join(f"'{c}'" for c in cues)


# ---------------------------------------------------------------------------- subject


_SPEECH_VERB = (r"\s+(?:has\s+|had\s+)?(?:said|says|told|claimed|claims|"
                r"stated|states|warned|warns|threatened|threatens|announced|insisted|argued|admitted|denied|"
                r"suggested|called|described|labeled|labelled|wrote|tweeted|ruled|promised|vowed)\b")
_SPEECH = re.compile(_SPEECH_VERB)
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"  # up to four capitalised words
_CLAIM_SPEAKER = re.compile(rf"^\s*(?P<who>{_NAME})" + _SPEECH_VERB)
# A claim led by its quotation: '"I'm sick of Republicans losing," Haley said at the debate',
# '"We will not back down," said Defense Minister Hulusi Akar'.
_QUOTE_CUE = r"(?:said|says|told|added|adds|wrote|tweeted|insisted|argued|warned|declared|asked|replied|explained)"
# (up to six capitalised words there: "…," Pakistani Defence Minister Khawaja Mohammad Asif said)
_QUOTE_LED_SPEAKER = re.compile(rf"^\s*[\"“][^\"“”]{{2,}}[\"”]\s*,?\s*(?:(?P<who>(?:[A-Z][\w.'’-]*\s+){{0,5}}[A-Z][\w.'’-]*)"
                                rf"\s+(?:has\s+)?{_QUOTE_CUE}|{_QUOTE_CUE}\s+(?P<after>{_NAME}))\b")

# "Luke Somers' father Michael described him as ...", "Tom Roe's lawyer Ann Lee said": a relative or
# a representative named after the one they belong to
_RELATIONS = ("father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|cousin|nephew|niece|grandfather|"
              "grandmother|grandson|granddaughter|friend|girlfriend|boyfriend|partner|fiancee?|lawyer|attorney|"
              "spokesman|spokeswoman|spokesperson|agent|manager|publicist|coach|boss")
_RELATIVE_SPEAKER = re.compile(rf"^\s*{_NAME}['’]s?\s+(?:{_RELATIONS})\s*,?\s+(?P<who>{_NAME})\s*,?" + _SPEECH_VERB)
# "Elisabeth Hasselbeck reacted to the reports by saying, "..."": a participle of speech before the
# claim's quotation goes with the name that opens the claim
_PARTICIPLE_CUE = re.compile(r"(?:\bby|,)\s+(?:saying|adding|writing|declaring|insisting|noting|tweeting|telling\s+\w+)"
                             r"\b[^\"“”.;]{0,40}[\"“]")
_OPENING_NAME = re.compile(rf"^\s*(?P<who>{_NAME})\s+(?:has\s+|had\s+)?[a-z]+(?:ed|s)\b")
# An appositive between the name and its verb: "Carol Hefner, who helped organize the protest,
# said ...", "Hank Sheinkopf, a former adviser to Bloomberg, said ...", "Peter Westmacott,
# Britain's ambassador to the U.S., told ...", "Michael McCaul, chairman of the House Homeland
# Security Committee, warned ..."
_APPOSED_SPEAKER = re.compile(rf"^\s*(?P<who>{_NAME}),\s+(?:(?:who|a|an|the|his|her)\b|[A-Z][\w.-]*['’]s\s|"
                              r"[a-z]+\s+(?:of|at|for|to)\s)[^\"“”,]{0,120},(?:\s+(?:also|later))?" + _SPEECH_VERB)
# A name, then where the person works, then the verb: "Commander Richard Walton of the Met's
# Counter Terrorism Command said ...", "Tom Roe of Acme told ..." (the person speaks, not the body)
_OF_SPEAKER = re.compile(rf"^\s*(?P<who>{_NAME})\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][^\"“”,;]{{0,80}}?" + _SPEECH_VERB)
# A participle that reports what the sentence's subject said: "Ronan Farrow criticised the
# decision, writing on Twitter: "...""
_PARTICIPLE_SPEAKER = re.compile(rf"^\s*(?P<who>{_NAME})\s+[a-z]+(?:ed|s)\b[^\"“”]{{0,150}}?,\s+"
                                 r"(?:saying|writing|adding|telling|tweeting|declaring|insisting|warning)\b")


# A name and its speech verb on the way to the claim's quotation, anywhere in the sentence:
# "After Haley brought up his daughter, Ramaswamy shot back, "...""; "San Diego engineer Bill
# Powers warned that ..., saying, "...""
_NAME_CUE = re.compile(rf"(?<![\w'’-])(?P<who>{_NAME})(?:\s+(?:also|then|later))?\s+(?:has\s+)?"
                       r"(?:said|says|told|wrote|added|warned|argued|insisted|declared|replied|responded|tweeted|"
                       r"(?:shot|fired|hit)\s+back|snapped|quipped|explained)\b")


def _speaker_before_quote(text: str) -> re.Match[str] | None:
    """Return the last name-and-speech-verb before the claim's first quotation mark, if it leads there."""
    first = min((i for i in (text.find('"'), text.find("“")) if i >= 0), default=-1)
    found = [m for m in _NAME_CUE.finditer(text, 0, first) if m.start()] if first > 0 else []
    if not found or len(text[found[-1].end():first]) > 160 or _SPEECH.search(text, found[-1].end(), first):
        return None  # ("The report, which Vance said was wrong, called it "...": the report's words)
    return found[-1]


@lru_cache(maxsize=1)
def _titled_speaker() -> re.Pattern[str]:
    """Return the pattern of "Alaska Airlines spokesman Cole Cosgrove said ...", "US Defense
    Secretary Pete Hegseth said ...", "Chief product officer Matt Salazar said ...": an
    organisation and a title (names.ROLE_WORDS, any case, after up to two other words) before
    the name. Built on first use: `names` stays out of verify's start-up."""
    from .names import ROLE_WORDS

    roles = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
    return re.compile(rf"^\s*(?:[A-Z][\w.'’&-]*\s+){{0,4}}(?:[a-z][\w-]*\s+){{0,2}}(?:(?i:{roles})\s+){{1,2}}"
                      rf"(?P<who>(?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w.'’-]*)" + _SPEECH_VERB)


def claim_speaker(text: str) -> str | None:
    """Return the person a claim says spoke or acted ("Vance said ..." -> "Vance")."""
    if "(" in text or ", " in text:
        # "Adam Schiff (D-Calif.), meanwhile, called ...": a party tag and an aside are no part of it
        text = _SPEAKER_ASIDE.sub("", text)
    m = _CLAIM_SPEAKER.match(_without_opening(text)) or (_titled_speaker().match(text) if _SPEECH.search(text) else None)
    if not m and ("'" in text or "’" in text) and _SPEECH.search(text):
        m = _RELATIVE_SPEAKER.match(text)
    if not m and ('"' in text or "“" in text) and _PARTICIPLE_CUE.search(text):
        m = _OPENING_NAME.match(text)
    if not m and text.lstrip()[:1] in "\"“":
        m = _QUOTE_LED_SPEAKER.match(text)
    if not m and "," in text:
        m = _APPOSED_SPEAKER.match(text) or _PARTICIPLE_SPEAKER.match(text)
    if not m and (" of " in text or " at " in text or " from " in text):
        m = _OF_SPEAKER.match(text)
        if m and (len(m.group("who").split()) < 2 or m.group("who").split()[-1].lower() in _TITLE_PREFIX):
            m = None  # "Secretary of State …", "Vance of Ohio said": a title's "of", or a bare surname
    if not m and ('"' in text or "“" in text):
        m = _speaker_before_quote(text)
    if not m:
        return None
    who = (m.groupdict().get("who") or m.group("after")).strip()
    tokens = [t for t in who.split() if t.lower().strip(".") not in _TITLE_PREFIX]
    if len(tokens) > 2:
        from .names import DEMONYMS  # a long name only: verify's start-up reads no names

        tokens = [t for k, t in enumerate(tokens) if k or t.lower() not in DEMONYMS]  # "French Nicolas Sarkozy"
    return " ".join(tokens) or None


# A sentence's opening adverbial, up to its comma: "In October, Bloomberg reported ...",
# "Unlike optical zoom, the digital zoom ...", "Back in October, The Wall Street Journal said
# ...": a capital there opens the sentence and names no one ("According to X, ..." does: kept).
_OPENING_ADVERBIAL = re.compile(
    r"^\s*(?:In|On|At|By|Since|After|Before|During|Until|Unlike|Despite|Like|Under|Amid|Following|Last|"
    r"Earlier|Later|Back|Over|Within|Without|With|From|Yesterday|Today|Meanwhile|Once|When|While|"
    r"Although|Though|If)\b[^,;:\"“”()]{0,60},\s+(?=\S)")


def _without_opening(text: str) -> str:
    """Return the claim after its opening adverbial, if it has one (see _OPENING_ADVERBIAL)."""
    return text[m.end():] if (m := _OPENING_ADVERBIAL.match(text)) else text


_SPEAKER_ASIDE = re.compile(r"\s*\([A-Z]-[A-Za-z. ]{2,12}\)|,\s+(?:meanwhile|however|though|too|also|in turn),(?=\s)")
_TITLE_PREFIX = {"president", "vice", "senator", "sen", "secretary", "defense", "defence", "minister",
                 "prime", "spokesman", "spokeswoman", "kremlin", "us", "u.s", "the", "mr", "mrs", "ms", "dr"}


@lru_cache(maxsize=CLAIM_CACHE)
def _subject_of(text: str, speaker: str | None) -> str | None:
    """Return claim_subject of a claim with this text and speaker, once per claim."""
    return claim_subject(Claim(text=text, speaker=speaker))


# A name opening the claim: capitalised words, one of them perhaps after a particle
# ("Sheikh Mohammed Saleh al-Munajjid", "Osama bin Laden"; "eBay", "iPad": brands).
_NAME_WORD = r"(?:(?:al|el|bin|ibn|de|van|von|da|di|du|der|del|dos)[-\s])?(?:[A-Z]|[a-z][A-Z])[\w.'’-]+"
_NAME_OPENING = re.compile(rf"\s*((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})")


def claim_subject(claim: Claim) -> str | None:
    """Return who the claim is about: its speaker, else a capitalised name at its start."""
    if claim.speaker:
        return claim.speaker
    # a brand spelt in camel case is a name too: "The iPad Pro ...", "eBay ..."
    opening = _without_opening(claim.text)
    m = _NAME_OPENING.match(opening)
    if not m or _title_case(claim.text):
        # "Argentina's President Adopts Boy to End Werewolf Curse": a headline capitalises
        # its verbs too, so its capitals do not say where a name ends
        return None
    name = m.group(1)
    tokens = [t for t in name.split() if t.lower().strip(".") not in _TITLE_PREFIX]
    if not tokens:
        return None
    first = words(tokens[-1])
    # A capitalised first word that is an ordinary word ("Scientists found ...") is no name.
    if first and (first[0] in STOP_WORDS or first[0] in _COMMON_SUBJECTS or first[0] in NUMBER_WORDS):
        return None
    if figures.qualifies_figure(claim.text):
        return None  # "Nearly 140 passengers ...", "Fewer than 100 ..."
    from .names import DEMONYMS, ROLE_WORDS  # here: most claims have no capitalised subject, and verify needs no names
    from .nominals import PERSON_HEADS

    held = _HELD_BY.match(opening, m.end())
    if held and (held.group("role") in ROLE_WORDS or held.group("role") in PERSON_HEADS or held.group("role") in _TITLES):
        # "Boko Haram leader Abubakar Shekau mentioned …", "Nobel laureate Malala Yousafzai
        # visited …": the organisation or prize is the title's, the person is its holder (the
        # whole phrase is the subject: its words are no statement a passage must hold)
        return " ".join(tokens) + held.group(0).rstrip()
    if first and first[0] in DEMONYMS:
        return None  # "The Indian army says ...": the army says it, not someone called Indian
    if len(tokens) == 1 and first and (first[0].removesuffix("s") in PERSON_HEADS or first[0].removesuffix("s") in ROLE_WORDS):
        return None  # "Workers who fail to ...", "Senators said": people the claim describes, not names
    return " ".join(tokens)


# A title held at what a name opening the claim names, then the holder's name ("Boko Haram
# leader Abubakar Shekau"): the role, and the name of two or more capitalised words.
_HELD_BY = re.compile(r"\s+(?P<role>[a-z]+)\s+(?P<name>(?:[A-Z][\w.'’-]+\s+){1,2}[A-Z][\w.'’-]+)(?=\s+[a-z])")
_TITLES = frozenset(("laureate", "expert", "chief", "boss", "star", "legend", "veteran"))
_COMMON_SUBJECTS = {"scientists", "researchers", "officials", "police", "experts", "people", "report",
                    "reports", "study", "studies", "government", "court", "doctors", "residents"}


def _about(subject: str | None, cand: Candidate) -> bool:
    """Return True when the passage (its speaker, text or, for "he ...", the sentence before) names `subject`."""
    if not subject:
        return True
    key = words(subject)
    if not key:
        return True
    surname = key[0] if _EAST_ASIAN_GIVEN.search(subject) else key[-1]
    speakers = [cand.speaker or ""] + [q.speaker or "" for q in cand.quotes]
    if any(surname in words(s) for s in speakers if s):
        return True
    if has_word(surname, folded_words(cand.text)):
        return True
    if len(key) == 2 and _given_name_alone(subject.split()[0], cand.text):
        return True  # "Bruno Mars" as "According to Bruno’s Wikipedia page, …" (not "Bruno Smith")
    if surname in _abbreviated(subject, cand.text):
        return True  # "Islamic State" as "IS", "WHO" as "the World Health Organization"
    if cand.context and has_word(surname, folded_words(cand.context)):
        if subject.endswith(("'s", "’s")):
            return True  # "Strava's new family plan can cover …": the plan, its owner named just before
        lead = fold(cand.text)
        return bool(_ANAPHORIC_LEAD.search(lead) or _GENERIC_LEAD.search(lead))
    return False


# A given name of two syllables joined by a hyphen after the family name: "Kim Jong-un", "Moon
# Jae-in" ("Mr Kim"); not a Western double name ("Karine Jean-Pierre").
_EAST_ASIAN_GIVEN = re.compile(r"^[A-Z][a-z]+\s+[A-Z][a-z]+-[a-z]+$")


# "The tablet is expected to measure ..." after a sentence naming the iPad Pro: a passage
# opening on what a story calls a thing it has named (alignment.GENERIC_NOUNS).
_GENERIC_NOUN = "|".join(sorted(alignment.GENERIC_NOUNS))
_GENERIC_LEAD = re.compile(rf"^\W*(?:\w+,\s+)?(?:the|its)\s+(?:[a-z-]+\s+)?(?:{_GENERIC_NOUN})\b")


# ---------------------------------------------------------------------------- polarity


class _Focus(NamedTuple):
    text: str
    topical: bool  # shares a claim word besides the subject (here or, for "he ...", before)
    owner: str | None = None  # the statement is attributed to someone other than the subject
    anaphoric: bool = False  # matched through the sentence before ("he left the door open")
    shared: int = 0  # how many of the claim's content stems (besides its subject) the clause has


# "He ...", "Still, she ...", "But his ...": a passage opening on a word for what the sentence before named.
# Also a definite description of a person: "The 12-year-old launched the blog …", "According to
# his page, the half-Filipino singer was born …" (the one the sentence before names); a few
# common person nouns, not nominals.HEAD_SET, which would load the speaker modules into verify.
_ANAPHORIC_LEAD = re.compile(
    r"^\W*(?:(?:\w+\s+)?\w+,\s+|(?:but|and|yet|so)\s+|according\s+to\s+[^,]{1,40},\s+)?(?:he|she|they|it|this|that|his|her|"
    r"their|the idea|the\s+\d{1,3}[ -]year[ -]old|the\s+(?:[a-z-]+\s+){0,2}?(?:man|woman|boy|girl|teenager|singer|"
    r"actor|actress|star|student|schoolgirl|schoolboy|pupil|mother|father|couple|victim|suspect))\b")


def _focus_clause(passage: str, context: str, claim_text: str, subject: str | None, source: str = "") -> _Focus:
    """Return the part of the passage (folded; `source`: as written) the claim is about, and whose statement it is."""
    subject_words = set(words(subject)) if subject else set()
    claim_stems = _claim_stems(claim_text, subject)
    # (a passage's opening concession is a clause apart unless the claim opens on one too:
    # "While … hail was common, tornadoes were not" is read whole against its own words)
    clauses = _clauses(passage, concession=not _OPENING_CONCESSION.match(claim_text)) or [passage]
    scored = [(_overlap(claim_stems, c), i, c) for i, c in enumerate(clauses)]
    best = max(s[0] for s in scored)
    if best == 0:
        topical = bool(_ANAPHORIC_LEAD.search(passage)) and _overlap(claim_stems, context) > 0
        # Nothing in particular matches: after a contrast ("but then ...") the later part counts.
        last = None
        for last in _CONTRAST.finditer(passage):
            pass
        return _Focus(passage[last.start():] if last else passage, topical, anaphoric=True)
    # Ties go to the earlier clause, except after a contrast ("..., but then he left the door open").
    later_wins = bool(_CONTRAST.search(passage))
    focus = max(scored, key=lambda s: (s[0], s[1] if later_wins else -s[1]))[2]
    focus_at = passage.find(focus)
    owner = None
    for m in _ATTRIBUTED.finditer(passage) if "that" in passage else ():  # the pattern ends in "that"
        if focus_at <= m.start() and m.end() <= focus_at + len(focus):
            word = m.group(1)
            if word in STOP_WORDS or (m.group("noun") and not _capitalised(word, source)):
                continue  # "it is also said that", "in a recent statement that": no one named
            if subject_words and not subject_words.isdisjoint(words(passage[m.end():focus_at + len(focus)])):
                continue  # "The source told Fox News that the FBI had opened …": the subject's act, reported
            owner = word
    if owner and subject_words and owner not in subject_words and owner not in _PRONOUNS \
            and not re.search(rf"\b{re.escape(owner)}\s+(?:said|says|told|claimed|stated)\b", claim_text):
        # ("Gruber said Apple told him that …" against "Gruber claims that Apple told him that …":
        # the claim gives Apple's statement to Apple too)
        return _Focus(focus, True, owner=owner.capitalize(), shared=best)
    return _Focus(focus, True, shared=best)


def _capitalised(word: str, source: str) -> bool:
    """Return True when the folded `word` is written with a capital in `source` (a name, not "recent")."""
    return any(w[:1].isupper() for w in re.findall(r"\w+", source) if fold(w) == word)




@lru_cache(maxsize=CLAIM_CACHE)
def _claim_stems(claim_text: str, subject: str | None) -> frozenset[str]:
    """Return the claim's content stems other than its subject's words: what a clause must share."""
    subject_words = set(words(subject)) if subject else set()
    return frozenset(stem(w) for w in words(claim_text) if w not in STOP_WORDS and w not in subject_words)


@lru_cache(maxsize=CLAIM_CACHE)
def _anchors(claim_text: str, subject: str | None) -> frozenset[str]:
    """Return the claim's content stems other than its subject: what a negation must be near;
    an irregular past with its verb ("paid" is denied by "did not pay")."""
    subject_words = set(words(subject)) if subject else set()
    content = [w for w in words(claim_text) if w not in STOP_WORDS and w not in subject_words and w not in NEGATIVE_WORDS]
    return frozenset([stem(w) for w in content] + [stem(IRREGULAR_PAST[w]) for w in content if w in IRREGULAR_PAST])


@lru_cache(maxsize=CLAIM_CACHE)
def _name_stems(claim: str) -> frozenset[str]:
    """Return the stems of the claim's (as written) words capitalised after its first word, and
    its figures: a negation must stand next to one to deny it ("Bushnell, 25, ... would 'no
    longer be complicit'" does not deny "Bushnell was 25")."""
    tokens = _NAME_TOKEN.findall(claim)
    return frozenset([stem(fold(t)) for k, t in enumerate(tokens) if k and (t[:1].isupper() or t[1:2].isupper())]
                     + [w for w in words(claim) if w[:1].isdigit()])


SHARED_SHARE = 0.5  # of the claim's content stems (besides its subject) a contradicting clause must have


STATES_COVERAGE = 0.8  # of the claim's weighted words a plain passage must have to state what a negative claim denies


def _states_it(match: Match, claim_stems: int, focus: _Focus) -> bool:
    """Return True when a plain (affirmative) passage says what the claim says, bar its negation:
    most of the claim's words in the passage itself, and of its `claim_stems` (its negations
    aside) in the clause read, not a question. The claim's negation, which a plain passage
    lacks, may be matched by a negation in the sentence before: that is no claim word the
    passage leaves to it."""
    if not NEGATIVE_WORDS.issuperset(match.via_context):
        return False
    said = [w for w in match.matched + match.missing if w not in NEGATIVE_WORDS]
    found = [w for w in match.matched if w not in NEGATIVE_WORDS and w not in match.via_context]
    own = len(found) / len(said) if said else 0.0
    return (own >= STATES_COVERAGE and claim_stems > 0 and focus.shared >= STATES_COVERAGE * claim_stems
            and not focus.text.rstrip().endswith("?"))


SUPPORT_SHARE = 2 / 3  # of the claim's words besides its subject a supporting passage must match itself


def _holds_enough(match: Match, subject: str | None, stands_for: AbstractSet[str] = frozenset()) -> bool:
    """Return True when the passage itself (not the sentence before) matches SUPPORT_SHARE of
    the claim's words other than its subject's and those its pronoun `stands_for`, as such,
    misspelt or as a synonym."""
    own = _subject_words(subject) | stands_for
    wanted = [w for w in match.matched + match.missing if w not in own]
    found = [w for w in match.matched if w not in own and w not in match.via_context]
    return not wanted or len(found) >= SUPPORT_SHARE * len(wanted)


def _cue_words_shared(claim_text: str, c_cues: Sequence[str], p_cues: Sequence[str]) -> bool:
    """Return True when the passage's negative words are words of the claim that its polarity
    did not read as negations: "The FDA's ban on flavored e-cigarette cartridges spares ..."
    against "... exempt under the ban" is about the ban on both sides, not a denial."""
    if not p_cues or set(p_cues) & set(c_cues):
        return False
    have = words(claim_text)
    return all(" " not in c and c in have for c in p_cues)


def _coordinated_denials(c_cues: Sequence[str], p_cues: Sequence[str]) -> bool:
    """Return True when both sides deny several things with plain negations: "had no direct
    links …, was not at any of the crime scenes and … did not fund the unrest" against "having
    no direct links …, had not been at any of the crime scenes, and … had not been involved in
    funding": denials joined together, each its own, whose count says nothing of the sign."""
    return len(c_cues) >= 2 and len(p_cues) >= 2 and set(c_cues) <= _PLAIN_NEGATIONS and set(p_cues) <= _PLAIN_NEGATIONS


_PLAIN_NEGATIONS = frozenset(("not", "no", "never", "none", "nor", "neither"))


def _says_it_too(claim_text: str, p_pol: int, p_cues: Sequence[str]) -> bool:
    """Return True when the whole claim, read past the clause compared, says the passage's
    negations with its polarity: "Hail was widespread ..., but tornadoes largely failed to
    materialize" against "While hail was widespread ..., tornadoes largely failed to materialize"."""
    whole, _, cues = _claim_polarity(claim_text)
    return whole == p_pol and set(p_cues) <= set(cues)


def _same_cue_words(claim_text: str, passage: str) -> bool:
    """Return True when claim and passage hold the same words of certainty, by stem: "the
    Kremlin expects further clarification" against "We expect to receive further
    clarification" (where "expect to receive" was read as hedging another verb) is one verb
    said by both, not a difference in certainty."""
    mine = {stem(w) for w in words(claim_text) if w in _CERTAINTY_VERBS}
    return bool(mine) and mine == {stem(w) for w in words(passage) if w in _CERTAINTY_VERBS}


# One-word cues of certainty ("expects", "likely", "may"), the words _same_cue_words compares.
_CERTAINTY_VERBS = frozenset(p for p in POSSIBLE_PHRASES + PROBABLE_PHRASES if " " not in p)
_DEBUNKING = frozenset(("fake", "false", "hoax", "untrue", "actually", "debunked", "myth", "bogus"))
# Hedges that only report or weaken a statement: no door opened ("left the door open", "considering"
# do deny a claim that something was ruled out)
_HEDGE_CUES = frozenset(("might", "may", "rumor", "rumored", "rumour", "rumoured",
                         "seems", "seemed", "appear", "appeared", "perhaps", "maybe"))


def _stands_for(match: Match, passage: str) -> frozenset[str]:
    """Return the claim's words a passage opening on a pronoun stands for: those only the
    sentence before has, when they all come before the words the passage has ("Mothers without
    college degrees are less likely to have paid leave" against "For mothers without college
    degrees, ... . They are less likely to have paid leave.")."""
    if not match.via_context or not _ANAPHORIC_LEAD.search(passage):
        return frozenset()
    here = [k for k, w in enumerate(match.matched) if w not in match.via_context]
    last = max(k for k, w in enumerate(match.matched) if w in match.via_context)
    return frozenset(match.via_context) if here and last < min(here) else frozenset()


_MODALS = frozenset(("will", "would", "can", "could", "may", "might", "must", "shall", "should"))
_AUXILIARIES = frozenset(("has", "have", "had", "did", "does", "do", "is", "are", "was", "were"))


def _missing_verb(match: Match, subject: str | None, passage: str, claim_text: str) -> str | None:
    """Return a verb of the claim (`_claim_verbs`) that the passage itself lacks (it is missing,
    or only the sentence before has it), if any: what the claim says happened is its verb, and
    a passage without it does not confirm it."""
    stands_for = _stands_for(match, passage)  # what "This ..." stands for is no verb it lacks
    absent = [w for w in match.missing + match.via_context if w not in stands_for]
    if not absent:
        return None
    verbs = _claim_verbs(claim_text, subject)  # claim_text as written: capitals mark the subject
    here: set[str] | None = None  # the passage's stems, once an irregular form is missing
    for w in absent:
        if w not in verbs or w in NEGATIVE_WORDS:
            continue  # a denial ("denied shooting down") is the polarity's to read, not a verb to find
        if w in _SOURCE_VERBS and "according to" in passage:
            continue  # "a CBS News poll found that ..." is "according to a new CBS News poll, ..."
        if w in _SOURCE_VERBS and _framed_by_opening(claim_text, w, passage):
            continue  # "Testing by the site found that ..." is "In our own testing, ..."
        if w in IRREGULAR_PAST:
            if here is None:
                here = {stem(t) for t in words(passage)}
            if stem(IRREGULAR_PAST[w]) in here:
                continue  # "won" is said by "to win", "sent" by "send"
        return w
    return None


# What a source does with what it reports: said by "according to" it.
_SOURCE_VERBS = alignment.REPORTING_VERBS | frozenset(("found", "finds", "showed", "shows", "revealed", "reveals",
                                                       "reported", "reports", "estimated", "estimates", "quoted"))


_FRAMING_OPENING = re.compile(r"\W*(?:in|by|from|during|after)\b([^,;:]{0,60}),\s")


def _framed_by_opening(claim_text: str, verb: str, passage: str) -> bool:
    """Return True when the claim opens "<source> <verb> that …" and the passage opens with a
    phrase naming that source ("Testing by the site found that …" / "In our own testing, …")."""
    m = re.match(rf"\W*(?P<source>[^,;:]{{3,60}}?)\s+{verb}\s+that\s", claim_text, re.IGNORECASE)
    opening = _FRAMING_OPENING.match(passage)
    if m is None or opening is None:
        return False
    source = {stem(w) for w in words(m.group("source")) if w not in STOP_WORDS}
    return bool(source & {stem(w) for w in words(opening.group(1))})


_PASSIVE_AUX = frozenset(("was", "were", "been", "being", "is", "are", "be", "got", "gets", "get"))
VOICE_OBJECT_WORDS = 2  # content words of the claim's object the passage's agent must hold


def _voice_flipped(claim_text: str, passage: str) -> str | None:
    """Return a reason when the claim's verb is active and the passage has it passive with the
    claim's object as its agent: "the BRP Datu Cabaylo had sideswiped a Chinese maritime militia
    vessel" against "the BRP Datu Cabaylo … was “deliberately sideswiped” by a “Chinese maritime
    militia” vessel" (the one acting and the one acted on swapped)."""
    cw, pw = words(claim_text), words(passage)
    for k, w in enumerate(cw):
        if len(w) < 5 or not w.endswith("ed") or w not in pw:
            continue
        if _aux_before(cw, k) in _PASSIVE_AUX or cw[k + 1:k + 2] == ["by"]:
            continue  # passive in the claim too: "were recently fined by …", "a health visitor asked by …"
        j = pw.index(w)
        aux = _aux_before(pw, j)
        if aux not in _PASSIVE_AUX or "by" not in pw[j + 1:j + 3]:
            continue
        by = pw.index("by", j)
        agent = set(pw[by + 1:by + 8])
        obj = [x for x in cw[k + 1:k + 6] if x not in STOP_WORDS]
        if len(obj) >= VOICE_OBJECT_WORDS and sum(1 for x in obj if x in agent) >= VOICE_OBJECT_WORDS:
            said = " ".join(obj[:3])
            return f"roles the other way round: the claim says '{w} {said}', the source '{aux} {w} by {said}'"
    return None


def _aux_before(ws: list[str], k: int) -> str:
    """Return the word before ws[k] within three, adverbs aside ("were recently fined": "were"), else ""."""
    before = [x for x in ws[max(0, k - 3):k] if not x.endswith("ly")]
    return before[-1] if before else ""


def _missing_comparison(match: Match, claim_text: str) -> str | None:
    """Return the word a claim compares by ("narrower" in "... is narrower than his lead over
    DeSantis") when the passage lacks it: a comparison is what such a claim says."""
    if not match.missing:
        return None
    ws = words(claim_text)
    return next((w for w, after in zip(ws, ws[1:]) if after == "than" and w in match.missing), None)


_ANOTHER_NAME = re.compile(r"(?:\s*,\s*(?:[A-Z][\w.'’-]*\s*){1,3})*\s*,?\s*and\s+(?:[A-Z][\w.'’-]*\s+){1,3}")
_VERB_LEADS = frozenset(("also", "never", "not", "still", "just", "now", "already", "then", "later", "soon"))
# Prepositions that carry on the subject's noun phrase ("Mothers without college degrees are ..."):
# the word after the subject is then no verb.
_PREPOSITIONS = frozenset(("without", "within", "among", "amid", "despite", "across", "against", "behind",
                           "beyond", "near", "toward", "towards", "under", "inside", "outside", "unlike",
                           "like", "via", "per", "including"))


@lru_cache(maxsize=CLAIM_CACHE)
def _after_subject(claim_text: str, subject: str | None) -> frozenset[str]:
    """Return the word after the subject opening a claim (as written: capitals kept), one
    more name ("Hegseth and Vance"), auxiliaries and adverbs aside, when it is no word of
    attribution or a light verb ("held a press conference": the noun says it): the claim's
    verb ("Hegseth and Vance disagree about troops")."""
    at = claim_text.find(subject) if subject else -1
    if at < 0 or any(t[:1].islower() for t in claim_text[:at].split()):
        return frozenset()  # no subject, or not the one opening the claim
    after = claim_text[at + len(subject or ""):]
    m = _ANOTHER_NAME.match(after)
    rest = words(after[m.end():] if m else after)
    for w in rest[:3]:
        if w in _MODALS or w in _AUXILIARIES or w in _VERB_LEADS or w.endswith("ly"):
            continue
        if w in STOP_WORDS or w in ATTRIBUTION_WORDS or w in LIGHT_VERBS or w in _PREPOSITIONS:
            break  # "Musk of Tesla ...", "Hegseth said ...", "Hegseth held a press conference ..."
        return frozenset((w,))
    return frozenset()


def _verb_elsewhere(match: Match, subject: str | None, claim_text: str, said: str, focus: str, passage: str,
                    c_pol: int) -> tuple[str, str] | None:
    """Return (stance, reason) when a verb of the claim's clause `said` is in the passage but
    not in the clause read against it (`focus`, the one saying most of it): that clause does
    not say it, and when the clause that has the verb denies it, the passage contradicts the
    claim ("Thai police have detained the owner ..., however no one has been charged" against
    "Police charged the owner")."""
    verbs = _claim_verbs(claim_text, subject)
    if not verbs:
        return None
    in_said = set(words(said))
    corrected = {w for w, _ in match.corrected}
    focus_stems = {stem(t) for t in words(focus)}
    for v in verbs:
        s = stem(v)
        if v not in in_said or v not in match.matched or v in match.via_context or v in corrected or s in focus_stems:
            continue
        clause = next((c for c in _clauses(passage) if s in {stem(t) for t in words(c)}), None)
        if clause is None:
            continue  # matched through a synonym or another form: not this rule's to read
        if _overlap(_claim_stems(said, subject), clause) >= OTHER_CLAUSE_SAID:
            continue  # the claim says that clause too: "X visited Nigeria and urged …" / "X visited Nigeria, and urged …"
        c_sign, _, cues = polarity(clause, frozenset((s,)))
        if c_pol > 0 > c_sign and cues:
            return "conflicts", f"negation: the source says {_cue_words(tuple(cues))} of '{v}' ('{_clip(clause)}')"
        return "related", f"the passage says '{v}' only in another clause ('{_clip(clause)}')"
    return None


OTHER_CLAUSE_SAID = 3  # claim words besides its subject in the passage's other clause that make the claim say it too


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_verbs(claim_text: str, subject: str | None) -> tuple[str, ...]:
    """Return the claim's verbs, as _missing_verb reads them: past-tense words, words after a
    modal, the word after the subject opening the claim (light verbs aside)."""
    own = _subject_words(subject)
    after = _after_modal(claim_text) | _after_subject(claim_text, subject)
    ws = words(claim_text)
    return tuple(dict.fromkeys(
        w for k, w in enumerate(ws)
        if w not in own and w not in STOP_WORDS and w not in LIGHT_VERBS
        and ((len(w) >= 5 and w.endswith("ed")) or w in IRREGULAR_PAST or w in after)
        and not (k and ws[k - 1] in _DETERMINERS)))  # "the burned remains": an adjective, not the claim's verb


_DETERMINERS = alignment.DETERMINERS | {"this", "that", "these", "those"}


@lru_cache(maxsize=CLAIM_CACHE)
def _after_modal(claim_text: str) -> frozenset[str]:
    """Return the words of a claim that follow a modal, adverbs aside: its verbs ("will deploy",
    "could soon face")."""
    ws = words(claim_text)
    out = set()
    for k, w in enumerate(ws[:-1]):
        if w in _MODALS:
            nxt = next((x for x in ws[k + 1:k + 3]
                        if x not in STOP_WORDS and x not in _VERB_LEADS and not x.endswith("ly")), None)
            if nxt and nxt not in LIGHT_VERBS:
                out.add(nxt)
    return frozenset(out)


@lru_cache(maxsize=CLAIM_CACHE)
def _subject_words(subject: str | None) -> frozenset[str]:
    return frozenset(words(subject)) if subject else frozenset()


def _other_clause_conflict(claim_text: str, said: str, passage: str, match: Match) -> str | None:
    """Return a reason when a clause of the claim other than `said` (the one read against the
    passage's focus) is denied by the passage clause that says most of it: "Fentanyl is not 50
    times stronger than heroin, and experts say ..." against "Fentanyl is 50 times stronger
    than heroin, and experts say ...", whose focus is the clause about the experts."""
    clauses = _claim_clauses(claim_text)
    if len(clauses) < 2 or match.via_context:
        return None
    pieces = _clauses(passage)
    for text, stems in clauses:
        if text == said or not stems:
            continue
        best = max(pieces, key=lambda p: _overlap(stems, p))
        have = _overlap(stems, best)
        if have < max(2.0, SHARED_SHARE * len(stems)):
            continue
        c_pol, _, c_cues = _claim_polarity(text)
        p_pol, _, p_cues = polarity(best, stems)
        if c_pol != p_pol and p_cues and not _cue_words_shared(claim_text, c_cues, p_cues):
            return _polarity_reason(c_pol, c_cues, p_pol, p_cues)
        if c_pol < 0 < p_pol and have >= STATES_COVERAGE * len(stems) and not best.endswith("?"):
            return f"the source states it without the claim's {_cue_words(c_cues)}"
    return None


def _other_clause_certainty(said: str, c_cert: int, c_cues: tuple[str, ...], p_cert: int, p_cues: tuple[str, ...],
                            claim_text: str, passage: str, match: Match
                            ) -> tuple[int, int, tuple[str, ...], tuple[str, ...]]:
    """Return the certainties (and cues) to compare: those of the first other clause of the
    claim whose certainty differs from that of the passage clause saying most of it, else the
    ones given."""
    clauses = _claim_clauses(claim_text)
    if len(clauses) < 2 or match.via_context:
        return c_cert, p_cert, c_cues, p_cues
    pieces = _clauses(passage)
    for text, stems in clauses:
        if text == said or not stems:
            continue
        best = max(pieces, key=lambda p: _overlap(stems, p))
        if _overlap(stems, best) < max(2.0, SHARED_SHARE * len(stems)):
            continue
        _, cert, cues = _claim_polarity(text)
        _, there, there_cues = polarity(best, stems)
        if cert != there:
            return cert, there, tuple(cues), tuple(there_cues)
    return c_cert, p_cert, c_cues, p_cues


def _claim_clause(claim_text: str, focus: str) -> str:
    """Return the claim's clause that shares most words with the passage's `focus` (the whole
    claim when it has one clause; on a tie the earlier clause)."""
    clauses = _claim_clauses(claim_text)
    if len(clauses) < 2:
        return claim_text
    here = {stem(w) for w in words(focus)}
    return max(clauses, key=lambda c: len(c[1] & here))[0]


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_clauses(claim_text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Return the claim's clauses (split as passages are) with their content stems."""
    return tuple((c, frozenset(stem(w) for w in words(c) if w not in STOP_WORDS)) for c in _clauses(claim_text))


# A concession opening a sentence is a clause of its own: "though the next phone isn't expected
# for another eight months, sources have detailed a dual-lens camera module"
_OPENING_CONCESSION = re.compile(r"^\W*(?:though|although|even\s+though|while|whereas|despite)\b[^,;:]{3,150},\s+")


def _clauses(text: str, concession: bool = False) -> list[str]:
    """Return the clauses of a folded text (split at ";", ":", ", but", " - ", and with
    `concession` after an opening "though …,")."""
    m = _OPENING_CONCESSION.match(text) if concession else None
    parts = [text[:m.end()], text[m.end():]] if m else [text]
    return [c.strip() for part in parts for c in _CLAUSE_SPLIT.split(part) if c and c.strip()]


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_polarity(claim_text: str) -> tuple[int, int, tuple[str, ...]]:
    """Return polarity(claim_text), computed once per claim."""
    sign, certainty, cues = polarity(claim_text)
    return sign, certainty, tuple(cues)


def _overlap(claim_stems: AbstractSet[str], text: str) -> int:
    """Return how many claim stems the text has: as such, as a synonym, or (negations) as any negation."""
    ws = words(text)
    here = {stem(w) for w in ws}
    synonyms = synonym_stems()
    negated = any(w in NEGATIVE_WORDS for w in ws)
    return sum(1 for s in claim_stems
               if s in here or synonyms.get(s, frozenset()) & here or (negated and s in _NEGATIVE_STEMS))


_NEGATIVE_STEMS = frozenset(stem(w) for w in NEGATIVE_WORDS)
_PRONOUNS = {"his", "her", "their", "its", "he", "she", "they", "it", "who", "which", "that"}


OPPOSITE_REACH = 2  # content words either side of an opposite word that say what it is about


def _antonym(claim_text: str, passage: str) -> str | None:
    """Return a reason when the passage has the opposite of a claim word (and not the word
    itself) said of what the claim says it of: a content word near the opposite (OPPOSITE_REACH
    either side) is one near the claim's word, so "ending the war" does not contradict "agreed
    to begin ceasefire negotiations"."""
    opposed = _claim_opposites(claim_text)
    ws = words(passage)
    prefixed = _claim_prefixed(claim_text)
    if not opposed and (not prefixed or prefixed.keys().isdisjoint(ws)):
        return None
    stems = [stem(w) for w in ws]
    p = dict(zip(stems, ws))
    for s, word, opposites in opposed:
        for opposite in opposites:
            if opposite in p and s not in p and _near(stems, stems.index(opposite)) & _claim_near(claim_text, s):
                return f"opposite words: the claim says '{word}', the source says '{p[opposite]}'"
    for k, y in enumerate(ws):  # "responsible" / "irresponsible": the opposite by its prefix
        base = prefixed.get(y)
        if base and stem(base) not in p and not negated_before(ws, k) \
                and _near(stems, k) & _claim_near(claim_text, stem(base)):
            # ("were not able to pay" says "unable to pay")
            return f"opposite words: the claim says '{base}', the source says '{y}'"
    return None


_NEGATORS_BEFORE = frozenset(("not", "never", "no", "cannot", "nor"))


def negated_before(ws: Sequence[str], k: int) -> bool:
    """Return True when ws[k] follows a negation: "not able", "never been able", "no longer able"."""
    prev = ws[k - 1] if k >= 1 else ""
    if prev in ("be", "been", "being", "longer", "yet", "really") and k >= 2:
        prev = ws[k - 2]
    return prev in _NEGATORS_BEFORE


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_prefixed(claim_text: str) -> dict[str, str]:
    """Return {the word with a negating prefix added or taken off: the claim's content word}
    ("irresponsible": "responsible", "likely": "unlikely")."""
    out: dict[str, str] = {}
    for x in words(claim_text):
        if x in STOP_WORDS:
            continue
        for prefix, _ in NEGATING_PREFIXES:
            for y in (prefix + x, x[len(prefix):] if x.startswith(prefix) else ""):
                if y and alignment.prefix_opposed(x, y):
                    out.setdefault(y, x)
    return out


def _near(stems: list[str], k: int) -> set[str]:
    """Return the content stems within OPPOSITE_REACH content words of stems[k], and their synonyms."""
    synonyms = synonym_stems()
    out: set[str] = set()
    for step in (-1, 1):
        i, n = k + step, 0
        while 0 <= i < len(stems) and n < OPPOSITE_REACH:
            if stems[i] not in _STOP_STEMS:
                out.add(stems[i])
                out |= synonyms.get(stems[i], frozenset())
                n += 1
            i += step
    return out


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_near(claim_text: str, s: str) -> frozenset[str]:
    """Return the content stems near the claim's word of stem `s` (see _near)."""
    stems = [stem(w) for w in words(claim_text)]
    return frozenset(_near(stems, stems.index(s)))


_STOP_STEMS = frozenset(stem(w) for w in STOP_WORDS)


@lru_cache(maxsize=CLAIM_CACHE)
def _claim_opposites(claim_text: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Return (stem, word, opposite stems) for the claim's words that have opposites, in claim order."""
    c = {stem(w): w for w in words(claim_text)}
    table = antonym_stems()
    return tuple((s, word, table[s]) for s, word in c.items() if s in table)
