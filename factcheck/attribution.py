"""The cue next to a quote.

A cue is a speech verb and its subject in the quote's sentence, in either order: `…,” Vance
said`, `…,” said Vance`, `Vance was quoted as saying`, `he told reporters: “…`, `according to
X`, a colon after a name (`Peskov: “…`), or for a fragment a cue earlier in the sentence
(`Trump said he held a “lengthy … call”`). The subject is a name, a pronoun or a noun phrase
("the spokesman"); `Context.name_of` turns it into a canonical name through `coref`.
Whether a quoted span is speech at all is `quotes.is_speech`; what to do for a quote with no
cue is `turns`' job.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from .coref import Resolver
from .cues import (
    ACCORDING,
    ADDRESSING,
    ADV,
    ADV_WORD,
    AFTER_ANY_VERB,
    AFTER_CUE_SUBJ,
    AFTER_SUBJ_CUE,
    CUE,
    DET,
    HEARD,
    INVERTED_BEFORE_COLON,
    MAIN_SUBJECT,
    NOT_SPEECH_ED,
    NOUNISH,
    OBJECT_PRONOUN,
    PERSON_OPENS,
    POSSESSIVE_WORDS,
    PREPOSITION_END,
    PRONOUN,
    QUOTED_OBJECT,
    TITLED_NAME,
    TRAILING_SIDE_SUBJECT,
    WITH_SPEAKER,
    clause_end,
    ends_sentence,
    in_side_clause,
    main_subject_of_last_sentence,
    reported_verb_starts,
    verb_ok,
)
from .names import norm, person_tail
from .nominals import PERSON_HEADS
from .quotes import Span
from .speakers import NAME_RUN, ROLE_WORDS, PeopleIndex, looks_like_person, split_name
from .subjects import (
    CLAUSE_AFTER_VERB,
    ISSUED,
    NAME_END,
    NOMINATIVE,
    Subject,
    according_subject,
    appositive_name,
    classify,
    coordinated_subject,
    is_document,
    issuer_subject,
    subject_after_verb,
    subject_before_verb,
)
from .windows import Windows


@dataclass(frozen=True)
class Who:
    """The attribution of one quote."""

    speaker: str | None = None
    cue: str | None = None
    mention: str | None = None  # the subject as written: "he", "the spokesman", "Vance"
    mention_span: tuple[int, int] | None = None
    how: str | None = None  # which rule found it (cue-after, cue-before, continuation, ...)


@dataclass(frozen=True)
class Cue:
    """A speech cue found next to (or in the sentence of) a quote."""

    where: str  # after | inverted | before | before-inverted | according | colon | partial | previous-sentence
    subject: Subject | None
    verb: str | None
    adjacent: bool  # next to the quote: strong evidence that the quote is speech
    end: int = -1  # where an attribution after the quote ends

    @property
    def how(self) -> str:
        """Return the rule name shown with the quote."""
        return {"after": "cue-after", "inverted": "cue-after", "before": "cue-before",
                "before-inverted": "cue-before", "partial": "cue-in-sentence"}.get(self.where, self.where)


_NO_PEOPLE = PeopleIndex("")
_NAME_AT_END = re.compile(rf"(?:{NAME_RUN.pattern})$")
# An inverted cue after a quote: "…,” said rear admiral John Kirby, the Pentagon press secretary,"
# (the window starts after the quote, or has it blanked)
_INVERTED_BEFORE = re.compile(r"(?:^|[”\"]|\s\s)[ \t]*,?[ \t]*(?:said|says|added|adds)\s+(?P<subj>[^,;:.!?“”\"]{2,60}?)\s*,")
_CUE_WORD = re.compile(rf"(?<![\w-])(?P<cue>{CUE})\b")
# After a cue verb before a quote: a few words ("told reporters", "said in a statement") and a comma or colon.
# Possessive runs: on text whose inner quotes are blanked to long runs of spaces, giving spaces
# back can never help the match, and trying it was polynomial (one file took 8.6 s).
_CUE_TAIL = re.compile(r"(?:[ \t]++(?:to[ \t]+)?[^,.;:!?“”\"\n]{0,45}?)?[ \t]*+[,:—–-]?[ \t]*+")
_INVERTED_SUBJECT = re.compile(rf"[ \t]+{ADV}?(?P<subj>{PRONOUN}\b|{DET}\b(?:[ \t]+{NOUNISH}){{1,4}}|another\b|"
                               rf"[^\s,;:!?“”\"]+(?:[ \t]+[^\s,;:!?“”\"]+){{0,5}})")
# A sentence that ends by announcing speech: "whereupon Mrs. Griffin spoke."
_ENDS_WITH_CUE = re.compile(rf"(?P<subj>{NAME_RUN.pattern}|\b{PRONOUN}|\b{DET}\s+(?:{NOUNISH}\s+){{0,3}}?{NOUNISH})\s+"
                            rf"(?:{ADV})?(?P<cue>said|spoke|began|asked|answered|replied|cried|called|whispered|added|"
                            rf"continued|went on|exclaimed|shouted|wrote|declared|remarked|reported|stated|posted|tweeted|"
                            rf"announced|explained|noted|warned|insisted|added)\b[^.!?]{{0,60}}[.:]\s*$")
# A sentence that hands over to a document it introduces: "The society released a statement to ABC, explaining …:"
_ISSUED_BEFORE_COLON = re.compile(ISSUED.pattern + r"[^.!?“”\"]{0,160}:\s*$")
# A colon after nothing but a scene: "In the segment:", "During the interview:"
_SCENE_BEFORE_COLON = re.compile(r"\s*(?:In|During|On)\s+(?:the|his|her|their|that|this)\s+(?:[a-z-]+\s+)?"
                                 r"(?:segment|interview|broadcast|clip|video|show|speech|programme|program|call|podcast)"
                                 r"\s*:\s*$")
# "Her first response to the vet's news was, “…”": the words are hers
_OWN_ANSWER = re.compile(r"(?:^|(?<=[\s,;]))(?P<who>[Hh]is|[Hh]er)\s+(?:[a-z]+\s+)?(?:response|reaction|reply|answer|"
                         r"words|question|message)\b[^.!?“”\"]{0,60}\b(?:was|were|is)[ \t]*[,:]?[ \t]*$")
_SAYS_THIS = re.compile(r"\b(?P<cue>had\s+(?:this|these\s+words)\s+to\s+say|said\s+(?:this|the\s+following))\b")
# A sentence ending in a colon that introduces someone's own document: "parts of her note are as follows:"
_OWN_DOCUMENT_BEFORE_COLON = re.compile(
    rf"(?:^|\s)(?P<who>[Hh]is|[Hh]er|{NAME_RUN.pattern}['’]s?|[Tt]he\s+[a-z]+['’]s)\s+(?:[a-z-]+\s+)?(?:note|letter|"
    r"statement|post|message|tweet|email|e-mail|blog|diary|will|essay|column)\b(?![’'-])[^.!?“”\"]{0,60}:\s*$")
# A determiner or possessive right before a cue word makes it a noun: "Hegseth’s comments", "his claims".
# "her claims that", "Hegseth’s remarks about": whose words a fragment after them quotes
_CLAIM_OF = re.compile(rf"(?P<who>\b[Hh]is|\b[Hh]er|{NAME_RUN.pattern}['’]s?)\s+(?:[a-z]+\s+)?(?:claims?|assertions?|"
                       r"remarks?|comments?|statements?|words|insistence|description|suggestion|allegations?)\b")
_PARTY_TAG = re.compile(r"^([^()“”\"\n]{2,60}?[a-z])[ \t]+\([A-Z]{1,3}-[A-Z][\w. ]{0,20}\)(?=[ \t]+[a-z])")
_DETERMINED = re.compile(r"(?:['’]s|\b(?:his|her|their|its|our|my|your|the|a|an|His|Her|Their|Its|The))\s+$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?$")
_COLON_QUOTE = re.compile(r"[ \t]*:[ \t]*[“\"]")
# A quote signed after a dash, the name ending its line: `“…”- The Foreign Office`, `“…” — Keegan Stephan (@KeeganNYC)`
_SIGNED = re.compile(rf"[ \t]*[-—–]{{1,2}}[ \t]*(?P<subj>(?:The[ \t]+)?{NAME_RUN.pattern})[ \t]*(?=$|\n|\(|,)")
# `- Vatican's deputy spokesman, Father Ciro Benedettini`: the title first, then the name ending the line
_SIGNED_TITLE_FIRST = re.compile(rf"[ \t]*[-—–]{{1,2}}[ \t]*(?P<title>[^,\n]{{3,80}}),[ \t]*"
                                 rf"(?P<subj>{NAME_RUN.pattern})[ \t.]*(?=$|\n)")
SIGNATURE_CHARS = 120  # a signature line is a name and a title, no longer
_AND_END = re.compile(r"\S\s+and\s*$")


def _new_sentence_start(text: str, span: Span) -> bool:
    """Return True when the quote opens its sentence (nothing but an opening before it)."""
    before = text[max(0, span.start - 3):span.start].strip()
    return not before or before[-1] in ".!?:\n"
_BARE_TITLE_NAME = re.compile(rf"(?P<title>(?:[a-z][\w'’-]*[ \t]+){{0,3}}[a-z][\w'’-]*),[ \t]+(?P<name>{NAME_RUN.pattern})"
                              r"(?=\s*[,.;]|\s*$)")
# "As reported by Quartz, “…”", "As the Guardian noted, “…”": the outlet's or writer's words
_AS_REPORTED = re.compile(r"(?:^|[.!?]\s+|,\s+|\n)[Aa]s\s+(?:(?:first\s+)?(?:reported|noted|written)\s+(?:by|in)\s+"
                          r"(?P<agent>[^,.;:!?“”\"\n]{2,60})|(?P<subj>[^,.;:!?“”\"\n]{2,60}?)\s+(?:reported|reports|notes|"
                          r"noted|wrote|writes|explained|explains|put\s+it|puts\s+it))\s*,\s*$")
_BY_AGENT = re.compile(r"[^.;:!?“”\"\n]{0,60}?\bby\s+(?P<agent>[^,.;:!?“”\"\n]{2,80})")
# Between a name and its verb: an appositive (", a chemistry researcher,") or an adverb ("also").
_REPORTED_TAIL = re.compile(rf"(?:,[^,“”\"\n]{{1,80}},|\s+{ADV_WORD})$")
# What a text must end with for _REPORTED_TAIL to match it (checked first: most texts end otherwise).
_REPORTED_TAIL_ENDS = (",", "ly", "also", "then", "later", "again", "further", "once", "now", "still", "just", "even")
# A full stop, "!" or "?" inside the words taken for a subject after a quote (followed by a space)
_SENTENCE_STOP = re.compile(r"(?<=\w)[.!?](?=\s)")
# Nouns of a speech act, whose participle ("an ultimatum telling him", "a warning saying") is the
# act of whoever made it, never a speaker of its own.
_SPEECH_ACTS = frozenset("""ultimatum warning threat promise plea apology request demand appeal interview speech
order instruction reminder offer vow pledge""".split())
# The rest of a quotation cut off by a stray paragraph break: lower-case words up to a closing mark.
_BROKEN_PARAGRAPH = re.compile(r"\s*\n\s*[a-z][^“”\"\n]{0,200}?[,.!?]?[”\"]")


class Context(Windows):
    """One document's text, paragraphs, sentences, quotes and people, for attribution."""

    def __init__(self, text: str, spans: list[Span], sentences: list[tuple[int, int]]) -> None:
        super().__init__(text, spans, sentences)
        self.people: PeopleIndex = _NO_PEOPLE  # set by `index_people` once the cues are known
        self.spoken: list[tuple[int, Who]] = []  # (offset, attribution) of the quotes a cue attributes
        self.narrator: str | None = None  # the name a first-person narrator's "I" goes by, once known

    def index_people(self, speakers: list[str]) -> None:
        """Index the document's people, knowing which names a cue (or reported speech) made speakers."""
        reported = []
        text = self.text
        for start in reported_verb_starts(text):
            before = text[max(0, start - 140):start].rstrip()
            if before.endswith(_REPORTED_TAIL_ENDS):
                before = _REPORTED_TAIL.sub("", before)
            # a name is a few words: its run ends the text before the verb
            nm = NAME_END.search(before, max(0, len(before) - 80))
            if nm:
                reported.append(nm.group("subj"))
        quoted = [(s.start, s.end) for s in self.tops]
        self.people = PeopleIndex(self.text, quoted, speakers + reported, speakers)
        self.resolver = Resolver(self.text, self.people, quoted, self.sent_starts)

    # ------------------------------------------------------------------ cues

    def find_cue(self, span: Span) -> Cue | None:
        """Return the cue that attributes this quote, if its sentence has one."""
        after = self._cue_after(self._rejoined(span) if span.unclosed else span)
        if after is None:
            return self._cue_before(span)
        if after.where in ("after", "inverted") and self._ends_sentence(span):
            # `Plouffe said: “There’s not a scenario here that’s easy.” Trump declared that ...`:
            # a quote that ends its sentence, introduced by a cue of its own, is not the next
            # sentence's
            before = self._cue_before(span)
            if before is not None and before.where == "before" and before.subject is not None \
                    and self.text[max(0, span.start - 3):span.start].rstrip().endswith(":"):
                return before
        if after.where == "after" and (after.verb or "").startswith("report") and span.depth == 0:
            # `Ban Ki-moon called the murder a “despicable crime,” the BBC reported`: the outlet
            # reports the sentence; the one its own cue names said the words
            before = self._cue_before(span)
            if before is not None and before.where in ("before", "partial") and before.subject is not None \
                    and before.subject.kind == "name":
                return before
        return after

    def _signature_line(self, span: Span) -> Cue | None:
        """Return the cue of a paragraph that only signs the quote ending the one before:
        `“My investigation … shows …”` then `- Rod Wheeler, former DC homicide investigator`."""
        start, end = self.para_bounds(span.start)[0], self.para_bounds(span.end - 1)[1]
        if span.depth or end >= len(self.text) or self.text[span.end:end].strip() or self.text[start:span.start].strip():
            return None  # (a quote inside the paragraph signed is not the signer's: "… movie is “American Sniper.”")
        line = self.text[end:self.para_bounds(end)[1]]
        sm = _SIGNED.match(line.lstrip("\n"))
        if sm is None:
            sm = _SIGNED_TITLE_FIRST.match(line.lstrip("\n"))
            if sm is not None and not any(norm(w) in ROLE_WORDS for w in sm.group("title").split()):
                sm = None
        if sm is None or len(line.strip()) > SIGNATURE_CHARS:
            return None
        at = end + (len(line) - len(line.lstrip("\n")))
        subj = classify(sm.group("subj"), at + sm.start("subj"))
        return Cue("after", subj, None, True, at + sm.end()) if subj is not None else None

    def _ends_sentence(self, span: Span) -> bool:
        """Return True when the quote's last words close its sentence: `easy.” Trump ...`."""
        text = self.text
        return text[span.end - 2:span.end - 1] in (".", "!", "?") and text[span.end:span.end + 1].isspace()

    def _rejoined(self, span: Span) -> Span:
        """Return an unclosed quote closed where a broken paragraph goes on: `“… conditions\n\ndeteriorate,” he said`."""
        m = _BROKEN_PARAGRAPH.match(self.text, span.end)
        nxt = self.next_top(span)
        if m is None or nxt is not None and nxt.start < m.end():
            return replace(span, end=span.end)
        return replace(span, end=m.end(), unclosed=False)

    def _cue_after(self, span: Span) -> Cue | None:
        if span.unclosed:
            return None
        base, window = self.after_window(span)
        if not window.strip():
            return self._signature_line(span)
        m = AFTER_CUE_SUBJ.match(window)
        if m and CLAUSE_AFTER_VERB.match(window, m.start("subj")):
            m = None  # `… – said a man named Paul Horner from Liverpool had been nicked`: what was said, no speaker
        if m and verb_ok(m.group("cue")) and m.group("cue").split()[0] not in ("told", "tells", "telling"):
            subj = subject_after_verb(m.group("subj"), base + m.start("subj"))
            if subj is None:
                tm = TITLED_NAME.match(window, m.start("subj"))
                if tm and any(w.lower() in ROLE_WORDS for w in tm.group("title").split()):
                    # `said the inspector viral communications director for Eastern Canada Jason
                    # Patuano`: a long title, then the person
                    tokens = split_name(tm.group("name"))[1]
                    tokens = person_tail(tokens) or tokens  # "Eastern Canada Jason Patuano": the person ends it
                    at = base + tm.start("name") + max(tm.group("name").rfind(tokens[0]), 0) if tokens else 0
                    subj = Subject("name", " ".join(tokens), at, at + len(" ".join(tokens))) \
                        if tokens and looks_like_person(tokens) else None
            if subj is None and (bm := _BARE_TITLE_NAME.match(window, m.start("subj"))) \
                    and any(norm(w) in ROLE_WORDS for w in bm.group("title").split()):
                # `says coast guard commander, James Fitzgerald.`: a title without an article, then the name
                tokens = split_name(bm.group("name"))[1]
                at = base + bm.start("name") + max(bm.group("name").find(tokens[0]), 0) if tokens else 0
                subj = Subject("name", " ".join(tokens), at, at + len(" ".join(tokens))) \
                    if len(tokens) >= 2 and looks_like_person(tokens) else None
            if subj is not None and subj.kind == "np":
                named = appositive_name(window, m.start("subj"), subj)
                subj = replace(named, start=named.start + base, end=named.end + base) if named else subj
            if subj is not None and not (subj.kind == "pron" and subj.text.lower() == "it"):
                # the clause ends after the subject found, not after all the words the pattern took
                # (`said Tom. The doctor knew …`: "Tom", then a new sentence)
                end = clause_end(window, max(subj.end - base, m.start("subj")))
                return Cue("inverted", subj, m.group("cue"), True, base + end)
        sm = _SIGNED.match(window)
        if sm and (subj := classify(sm.group("subj"), base + sm.start("subj"))) is not None:
            return Cue("after", subj, None, True, base + sm.end())
        qm = QUOTED_OBJECT.match(window)
        if qm:
            raw = qm.group("subj")
            at = base + qm.start("subj")
            subj = Subject("pron", OBJECT_PRONOUN[raw], at, at + len(raw)) if raw in OBJECT_PRONOUN else classify(raw, at)
            if subj is not None:
                return Cue("after", subj, "quoted", True, base + clause_end(window, qm.end()))
        inner = self.text[span.inner[0]:span.inner[1]].rstrip()
        # `,” Sen. Lindsey Graham (R-S.C.) said`: the party tag is blanked (offsets kept)
        window = _PARTY_TAG.sub(lambda t: t.group(1) + " " * (len(t.group(0)) - len(t.group(1))), window, count=1)
        m = AFTER_SUBJ_CUE.match(window)
        if m and any(ends_sentence(m.group("subj"), d.start()) for d in _SENTENCE_STOP.finditer(m.group("subj"))) \
                and not self._new_sentence(inner, window):
            m = None  # `a “nipple” implant. She claims …`: the cue is the next sentence's, the quote is in this one
        if m and self._new_sentence(inner, window) and len(window[m.end("cue"):clause_end(window, m.end("cue"))].split()) > 4:
            m = None  # `….” Downing Street said the sovereignty …`: a new sentence about something else
        if m and self._new_sentence(inner, window) and _COLON_QUOTE.match(self.text, base + m.end()):
            return None  # `“….” Jack Keane added: “…”`: the colon gives the cue to the quote after it
        if m and span.depth == 0 and _AND_END.search(m.group("subj")) and not _new_sentence_start(self.text, span):
            # `Obama vowed to “destroy” the Islamic State militants and said …`: the words after
            # the quote are its verb's object, and "and said" goes on the sentence's subject
            before = self._cue_before(span)
            if before is not None and before.subject is not None:
                return before
        if m and verb_ok(m.group("cue"), beat_ok=inner.endswith(",")):
            subj = subject_before_verb(m.group("subj"), base + m.start("subj"), whole=True)
            if subj is not None and subj.kind == "pron" and "," in m.group("subj") and self._new_sentence(inner, window):
                subj = None  # `….” The pupils are watched, she told …`: a new sentence's clause, then its own cue
            if subj is not None:
                verb = m.group("cue")
                if "quoted as" in m.group(0):
                    verb = "was quoted as " + verb
                obj = (m.group("obj") or "").strip()
                if obj and len(obj.split()) <= 3 and verb.split()[-1] in ("told", "tells", "wrote", "writes", "said",
                                                                          "says", "posted", "tweeted"):
                    verb = f"{verb} {obj}"
                return Cue("after", subj, verb, True, base + clause_end(window, m.end("cue")))
        # after a question or an exclamation only a lower-case "he"/"she" goes on the sentence:
        # `“Why?” he challenged, sturdily.` (`“Why?” Tom looked up.` may start a new one)
        lower_pronoun = inner.endswith(("?", "!")) and re.match(r"[ \t]+(?:he|she)[ \t]", window) is not None
        if inner.endswith((",", "—", "–", "-")):
            hm = HEARD.match(window)
            if hm:
                # `“…,” I heard one small urchin grumbling`: the one heard speaks, not the hearer
                subj = classify(hm.group("subj"), base + hm.start("subj"))
                if subj is not None and subj.kind in ("name", "np"):
                    return Cue("after", subj, hm.group("verb"), True, base + clause_end(window, hm.end()))
        if inner.endswith((",", "—", "–", "-")) or lower_pronoun:
            m = AFTER_ANY_VERB.match(window)
            if m:
                raw = m.group("subj1") or m.group("subj2")
                subj = classify(raw, base + (m.start("subj1") if m.group("subj1") else m.start("subj2")))
                verb = m.group("verb1") or m.group("verb2")
                if subj is not None and verb not in NOT_SPEECH_ED:
                    return Cue("after", subj, verb, True, base + clause_end(window, m.end()))
        m = ACCORDING.search(window[:80])
        if m and not window[:m.start()].strip(" ,.;:—–-"):
            subj = according_subject(m.group("subj"), base + m.start("subj"))
            if subj is not None:
                return Cue("according", subj, "according to", True, base + clause_end(window, m.end()))
        if self._new_sentence(inner, window) and not inner.endswith(("?", "!")):
            return None  # `said: “….” The pupils are watched, she told …`: that sentence is about something else
        return self._cue_sentence_end(span, base, window)

    @staticmethod
    def _new_sentence(inner: str, window: str) -> bool:
        """Return True when the quote ended its sentence and the text after it starts a new one."""
        return bool(re.match(r"\s*\.", window)) or (bool(re.search(r"[.!?…]$", inner))
                                                     and bool(re.match(r"\s+[A-Z]", window)))

    def _cue_sentence_end(self, span: Span, base: int, window: str) -> Cue | None:
        """Return an attribution closing the quote's sentence: `… a “bad idea” for Mexico, Ebrard said.`"""
        end = clause_end(window, 0)
        if end >= len(window) and not re.search(r"[.!?]\s*$", window):
            return None
        sentence = window[:end]
        for cm in reversed(list(re.finditer(r",\s+", sentence))):
            rest = sentence[cm.end():]
            for pattern, where in ((AFTER_CUE_SUBJ, "inverted"), (AFTER_SUBJ_CUE, "after")):
                m = pattern.match(rest)
                if not m or not verb_ok(m.group("cue")) or m.group("cue").split()[0] in ADDRESSING and where == "inverted":
                    continue
                if re.search(r"[\w)]", rest[m.end():].rstrip(" .!?")) and len(rest[m.end():].split()) > 4:
                    continue  # more clause follows: not a closing attribution
                at = base + cm.end() + m.start("subj")
                subj = subject_after_verb(m.group("subj"), at) if where == "inverted" else \
                    subject_before_verb(m.group("subj"), at, whole=True)
                if subj is not None and not (subj.kind == "pron" and subj.text.lower() == "it"):
                    return Cue("partial", subj, m.group("cue"), False)
            break
        return None

    def _cue_before(self, span: Span) -> Cue | None:
        base, window = self.before_window(span)
        stripped = window.rstrip()
        cue = self.cue_in(window, base, span)
        if cue is None and span.depth == 0:
            # a second fragment in one sentence: "Starmer said that “…” and “…”"
            i = self.sentence_index(span.start)
            s_start = max(self.sentences[i][0] if i >= 0 else 0, self.para_bounds(span.start)[0])
            prev = self.prev_top(span)
            # after a quote that ends its own sentence (`asked: “Where from?” “Georgia.”`) this one
            # is another utterance, not the sentence's second fragment
            done = prev is not None and prev.start >= s_start and \
                re.search(r"[.!?…][’'\"”]?$", self.text[prev.inner[0]:prev.inner[1]].rstrip()) is not None
            if s_start < base and not done:
                whole = self._blank_quotes(s_start, span.start)
                cue = self.cue_in(whole, s_start)
                if cue is not None:
                    cue = Cue("partial", cue.subject, cue.verb, False)
        owner = self._claim_owner(window, base, cue)
        if owner is not None:
            return owner
        if cue is not None:
            return cue
        pm = None
        for pm in POSSESSIVE_WORDS.finditer(window):
            pass
        if pm is not None:
            # "Hegseth’s statements this week that … it was “unrealistic”"
            subj = classify(pm.group("who"), base + pm.start("who"))
            if subj is not None and subj.kind == "name":
                return Cue("partial", subj, None, False)
        rm = _OWN_ANSWER.search(window, max(0, len(window) - 160))
        if rm is not None:
            # "Her first response to the vet's news was, “Did I just hear you right?”"
            at = base + rm.start("who")
            return Cue("partial", Subject("pron", "he" if rm.group("who").lower() == "his" else "she", at, at + 3),
                       None, False)
        am = None
        for am in ACCORDING.finditer(window):
            pass
        if am is not None:
            subj = according_subject(am.group("subj"), base + am.start("subj"))
            if subj is not None:
                return Cue("according", subj, "according to", not window[am.end():].strip(" ,"))
        rm = _AS_REPORTED.search(window, max(0, len(window) - 120))
        if rm:
            raw = rm.group("agent") or rm.group("subj")
            subj = classify(raw, base + rm.start("agent" if rm.group("agent") else "subj"))
            if subj is not None and subj.kind in ("name", "org", "np"):
                return Cue("before", subj, "reported", True)
        if stripped.endswith(":"):
            im = INVERTED_BEFORE_COLON.search(stripped, max(0, len(stripped) - 240))
            if im and verb_ok(im.group("cue")):
                # `wrote Theodore Karasik, senior adviser to the company, Acme Risk Management: “…”`:
                # the one the cue names, not the employer in the appositive
                named = classify(im.group("subj"), base + im.start("subj"))
                if named is not None and named.kind == "name":
                    return Cue("before-inverted", named, im.group("cue"), True)
            # `Peskov: “…”` names the speaker; `His answer: “…”` does not
            nm = _NAME_AT_END.search(stripped[:-1].rstrip())
            subj = None
            if nm:
                _, tokens, _ = split_name(nm.group(0))
                if looks_like_person(tokens):
                    subj = Subject("name", " ".join(tokens), base + nm.start(), base + nm.start() + len(nm.group(0)))
            return Cue("colon", subj, None, True)
        if not stripped.strip(" “\"‘'(—–-"):
            return self._cue_previous_sentence(span)
        return None

    def _claim_owner(self, window: str, base: int, cue: Cue | None) -> Cue | None:
        """Return the owner of a claim whose that-clause a fragment quotes, when it follows the cue.

        "a royal expert who countered her claims that she had a “rotten time”": the claims, and
        the quoted words, are hers; the one countering them is not their speaker.
        """
        if cue is None or cue.subject is None:
            return None
        pm = None
        for pm in _CLAIM_OF.finditer(window):
            pass
        # the quote must be in the claim's own that-clause: "labeled Hegseth's comments a “rookie
        # mistake”" quotes the labeller
        if pm is None or base + pm.start() <= cue.subject.end or not window.startswith(" that ", pm.end()) \
                or _CUE_WORD.search(window, pm.end()) or re.search(r"[.!?;]", window[pm.end():]):
            return None
        who, at = pm.group("who"), base + pm.start("who")
        if who.lower() in ("his", "her"):
            subj: Subject | None = Subject("pron", "he" if who.lower() == "his" else "she", at, at + len(who))
        else:
            subj = classify(who, at)
            if subj is None or subj.kind != "name":
                return None
        return Cue("partial", subj, None, False)

    def _agent(self, span: Span) -> Subject | None:
        """Return the agent of a passive cue, named after the quote in its clause ("… by the prosecutor")."""
        base, window = self.after_window(span)
        m = _BY_AGENT.match(window)
        return subject_after_verb(m.group("agent"), base + m.start("agent")) if m else None

    def _blank_quotes(self, a: int, b: int) -> str:
        """Return text[a:b] with the top-level quotes in it blanked (offsets kept)."""
        chars = list(self.text[a:b])
        i = bisect_left(self.top_starts, a)
        while i < len(self.tops) and self.tops[i].start < b:
            q = self.tops[i]
            for k in range(max(q.start, a), min(q.end, b)):
                chars[k - a] = " "
            i += 1
        return "".join(chars)

    def cue_in(self, window: str, base: int, span: Span | None = None) -> Cue | None:
        """Return the last speech verb in `window` (text before a quote) that has a subject.

        `span` is the quote, after which a passive cue names its agent.
        """
        stripped = window.rstrip()
        participle: str | None = None
        participle_at = 0
        for m in reversed(list(_CUE_WORD.finditer(window))):
            verb = m.group("cue")
            if not verb_ok(verb) or _DETERMINED.search(window, max(0, m.start() - 30), m.start()):
                continue  # "Hegseth's comments": a noun
            reads = verb in ("read", "reads")
            tail = window[m.end():]
            adjacent = bool(_CUE_TAIL.fullmatch(tail)) \
                and len(tail.split()) <= 7
            if _PASSIVE_BEFORE.search(window, max(0, m.start() - 24), m.start()):
                # "Bard College was declared an “undesirable” organization by …": the agent speaks;
                # with no agent named the verb names no speaker
                agent = self._agent(span) if span is not None else None
                if agent is None:
                    continue
                return Cue("before" if adjacent else "partial", agent, verb, adjacent)
            if participle is not None and in_side_clause(window, m.start()):
                continue  # `When the reporter asked …, Roe declined, telling`: the participle's subject is Roe
            if verb.endswith("ing") and participle is None and (window[:m.start()].rstrip().endswith(",") or (
                    self.text[base:base + m.start()].rstrip().rstrip("\"”’'").endswith(","))):
                # "Roe declined, telling the reporter", "X called it “a surprise,” adding:" (the quote
                # blanked in `window`): the main clause's subject
                participle = verb
                participle_at = m.start()
                continue
            wm = WITH_SPEAKER.search(window, max(0, m.start() - 80), m.start()) if verb.endswith("ing") else None
            if wm:
                # "users praised the letter, with one user writing:": the one the absolute clause names
                subj = classify(wm.group("np"), base + wm.start("np"))
            else:
                subj = coordinated_subject(window[:m.start()], base) or \
                    subject_before_verb(window[:m.start()], base, whole=False)
                if subj is not None and verb.endswith("ing") and PREPOSITION_END.search(window, 0, subj.start - base):
                    # "The worker posted a sign on the fridge saying": not the fridge; the one posting
                    opens = [b.end() for b in re.finditer(r"[.!?]\s+", window)]
                    mm = PERSON_OPENS.match(window, opens[-1] if opens else 0)
                    if mm and mm.group("head") in PERSON_HEADS and base + mm.end("subj") <= subj.start:
                        subj = Subject("np", mm.group("subj"), base + mm.start("subj"), base + mm.end("subj"))
            if subj is not None and verb.endswith("ing") and subj.kind == "np" and (
                    subj.text.split()[-1].lower() in _SPEECH_ACTS
                    or subj.text.split()[0].lower() in ("a", "an") and is_document(subj.text)):
                # "she offered her attacker an ultimatum telling him": the ultimatum is what she
                # said, so the participle's subject is the main clause's ("The Pentagon has
                # released a statement saying": the Pentagon's words)
                participle = participle or verb
                continue
            if reads and (subj is None or subj.kind != "np" or not is_document(subj.text)):
                continue  # "the plaque reads “…”": a sign, not speech; "the statement read:" is
            where = "before"
            if subj is None and adjacent:
                # `said Tommy, “where …`: the subject follows the verb, then a comma and the quote
                inv = _INVERTED_SUBJECT.match(tail)
                if inv and verb.split()[0] not in ADDRESSING and re.fullmatch(r"[^,;:]*[,:—–-]\s*", tail[inv.start("subj"):]):
                    subj = subject_after_verb(inv.group("subj"), base + m.end() + inv.start("subj"))
                    where = "before-inverted"
            if subj is None:
                if verb.endswith("ing") and participle is None:
                    participle = verb  # "…, adding that": the subject is the main clause's
                continue
            adjacent = adjacent or participle is not None and stripped.endswith((",", ":"))
            return Cue(where if adjacent else "partial", subj, participle or verb, adjacent)
        if participle is not None:
            # "Hachette cancelled it, although Stephen King was among those questioning the
            # decision, writing:": the participle goes with the clause it ends, the "although" one
            sm = TRAILING_SIDE_SUBJECT.search(window, 0, participle_at)
            side = classify(sm.group("subj"), base + sm.start("subj")) if sm else None
            if side is not None and side.kind == "name":
                return Cue("partial", side, participle, stripped.endswith((",", ":")))
            im = None
            for im in _INVERTED_BEFORE.finditer(window, 0, participle_at):
                pass
            if im is not None and not re.search(r"[.!?]\s", window[im.end():participle_at]):
                # "“…,” said rear admiral John Kirby, the Pentagon press secretary, describing it
                # as a “…”": the participle goes on the inverted cue's speaker
                subj = subject_after_verb(im.group("subj"), base + im.start("subj"))
                if subj is not None and subj.kind in ("name", "np"):
                    return Cue("partial", subj, participle, stripped.endswith((",", ":")))
            mm = main_subject_of_last_sentence(window)
            if mm:
                # "the president’s short letter …, saying": the letter's owner writes it
                subj = classify(re.sub(r"['’]s$", "", mm.group("subj")), base + mm.start("subj"))
                if subj is not None and (subj.kind != "pron" or subj.text.lower() in NOMINATIVE):
                    return Cue("partial", subj, participle, stripped.endswith((",", ":")))
        return None

    def _cue_previous_sentence(self, span: Span) -> Cue | None:
        """Return a cue that ends the sentence before a quote: `whereupon Mrs. Griffin spoke. “…`."""
        i = self.sentence_index(span.start)
        if i >= 0 and self.sentences[i][0] >= span.start - 2:
            i -= 1
        if i < 0:
            return None
        s_start, s_end = self.sentences[i]
        p_start = self.para_bounds(span.start)[0]
        colon_before = self.text[s_start:s_end].rstrip().endswith(":") and span.start - s_end < 6
        if s_start < p_start and not colon_before and span.start == p_start and span.start - s_end < 6:
            # "…, although she did post an online message thanking friends and fans." then a
            # paragraph that is the message: the one who posted it
            return self._issued_before(span, s_start, s_end)
        if (s_start < p_start and not colon_before) or span.start - s_end > 3 and not colon_before:
            return None
        prev = self.prev_top(span)
        if prev is not None and prev.end > s_start:
            return None
        sentence = self.text[s_start:s_end]
        if colon_before and _SCENE_BEFORE_COLON.match(sentence) and i >= 1:
            # "Fowler reported a series of wrong facts about … . In the segment:" then the words:
            # the one the sentence before opens on
            b_start, b_end = self.sentences[i - 1]
            mm = MAIN_SUBJECT.match(self.text, b_start, b_end)
            opener = classify(mm.group("subj"), mm.start("subj")) if mm else None
            return Cue("previous-sentence", opener, None, False) if opener is not None and opener.kind == "name" else None
        if colon_before and (dm := _OWN_DOCUMENT_BEFORE_COLON.search(sentence)):
            # "Some of the more gut-wrenching parts of her note are as follows:", "His letter reads:":
            # the words are the writer's
            who, at = dm.group("who"), s_start + dm.start("who")
            if who.lower() in ("his", "her"):
                subj: Subject | None = Subject("pron", "he" if who.lower() == "his" else "she", at, at + len(who))
            else:
                subj = classify(re.sub(r"['’]s?$", "", who), at)
            person = subj is not None and subj.kind == "np" and subj.text.split()[-1] in PERSON_HEADS  # "the girl's"
            if subj is not None and (subj.kind in ("pron", "name") or person):
                return Cue("previous-sentence", subj, None, False)
        im = _ISSUED_BEFORE_COLON.search(sentence) if colon_before else None
        # ("released a statement that said in part:": the one who released it, not "a statement that")
        m = None if im else _ENDS_WITH_CUE.search(sentence)
        if not m and colon_before:
            # "According to a copy of the filing obtained by the Daily Haymaker:" then the quote
            am = ACCORDING.match(sentence.lstrip())
            if am:
                at = s_start + len(sentence) - len(sentence.lstrip())
                subj = according_subject(am.group("subj"), at + am.start("subj"))
                if subj is not None:
                    return Cue("according", subj, "according to", False)
        if im:
            # "The Humane Society released a statement to ABC, explaining what happened:" then the quote
            subj = issuer_subject(sentence[:im.start("cue")], s_start)
            if subj is not None and (subj.kind != "pron" or subj.text.lower() in NOMINATIVE):
                return Cue("previous-sentence", subj, im.group("cue"), False)
            return None
        if not m and colon_before and (mm := MAIN_SUBJECT.match(sentence)) and mm.group("subj")[:1].isupper() \
                and re.fullmatch(CUE, verb := mm.group(0).rsplit(None, 1)[-1]):
            # "Business Insider predicts that the service will be absorbed into iTunes:" then the
            # quote: the words of the one whose speech verb the sentence opens with
            subj = classify(mm.group("subj"), s_start + mm.start("subj"))
            if subj is not None and subj.kind == "name":
                return Cue("previous-sentence", subj, verb, False)
        if not m:
            return None
        subj = classify(m.group("subj"), s_start + m.start("subj"))
        if subj is None or subj.kind == "pron" and subj.text.lower() not in NOMINATIVE:
            return None
        return Cue("previous-sentence", subj, m.group("cue"), False)

    def _issued_before(self, span: Span, s_start: int, s_end: int) -> Cue | None:
        """Return the cue of a sentence, ending the paragraph before a quote's, that says someone
        released a document (subjects.ISSUED) or announces their words ("President Obama had this
        to say about ISIS"), when no quote of that sentence is the one it means."""
        sentence = self.text[s_start:s_end]
        im = ISSUED.search(sentence) or _SAYS_THIS.search(sentence)
        prev = self.prev_top(span)
        if im is None or prev is not None and prev.end > s_start:
            return None
        subj = issuer_subject(sentence[:im.start("cue")], s_start)
        if subj is None or subj.kind == "pron" and subj.text.lower() not in NOMINATIVE:
            return None
        return Cue("previous-sentence", subj, im.group("cue"), False)

    # ------------------------------------------------------------------ names

    def name_of(self, subj: Subject, span: Span, speaker: str | None = None) -> str | None:
        """Return the canonical name a cue's subject refers to (the narrator's for "I", None for an unknown); see `coref`."""
        if subj.text == "I" and span.depth == 0:
            return self.narrator
        return self.resolver.name_of(subj, span.depth, speaker)

    def who(self, cue: Cue, span: Span, speaker: str | None = None) -> Who:
        """Return the attribution a cue with a subject gives."""
        assert cue.subject is not None
        s = cue.subject
        return Who(self.name_of(s, span, speaker), cue.verb, s.text, (s.start, s.end), cue.how)
