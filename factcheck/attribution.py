"""The cue next to a quote, whether a quoted span is speech, and whom a cue's subject means.

A cue is a speech verb and its subject in the quote's sentence, in either order: `…,” Vance
said`, `…,” said Vance`, `Vance was quoted as saying`, `he told reporters: “…`, `according to
X`, a colon after a name (`Peskov: “…`), or for a fragment a cue earlier in the sentence
(`Trump said he held a “lengthy … call”`). The subject is a name, a pronoun or a noun phrase
("the spokesman"); `Context.name_of` turns it into a canonical name through `speakers`.
What to do for a quote with no cue is `turns`' job.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .quotes import Span
from .speakers import NAME_RUN, NOT_NAME, ROLE_WORDS, PeopleIndex, looks_like_person, split_name

SPEECH_VERBS = (
    "said says say saying told tells telling added adds adding asked asks asking answered answers "
    "replied replies replying responded responds returned rejoined retorted cried cries exclaimed "
    "exclaims shouted shouts yelled screamed whispered whispers murmured murmurs muttered mutters "
    "continued continues resumed pursued repeated repeats observed observes remarked remarks noted "
    "explained explains insisted insists argued argues claimed declared declares stated announced "
    "announces warned warns wrote writes tweeted posted admitted admits acknowledged acknowledges "
    "conceded concedes stressed stresses emphasized emphasised emphasizes assured assures recalled "
    "recalls suggested suggests predicted predicts vowed pledged promised confirmed confirms denied "
    "joked jokes quipped testified urged urges boasted complained complains agreed agrees concluded "
    "maintained maintains contended reiterated cautioned interrupted demanded inquired enquired "
    "protested objected sighed laughed groaned gasped stammered hissed growled snapped roared "
    "grumbled faltered breathed bellowed drawled sobbed thought wondered mused ventured hinted "
    "teased pleaded begged commanded ordered instructed echoed corrected opined lamented laments "
    "began begins called shrieked chuckled smiled grinned nodded went broke put cut chimed spoke "
    "uttered describes described labelled labeled confessed cries sang screamed explained requested alleged alleges "
    "characterized characterised characterizing denounced denouncing describing calling praised accused hailed "
    "slammed dismissed condemned branded criticized criticised criticizing criticising warning insisting "
    "arguing declaring noting writing reported reports stating claiming vowing promising urging"
)
_VERB_SET = frozenset(SPEECH_VERBS.split())
# Verbs that cue speech only with a particle: "went on", "broke in", "put in", "spoke up".
_PARTICLE_VERBS = {"went": "on", "broke": "in", "put": "in", "cut": "in", "chimed": "in"}
# Verbs that say how someone looked, not what they said: a cue only right after the quote.
# Verbs whose object is the one spoken to: "told The Sun:" names the listener, not the speaker.
_ADDRESSING = frozenset("told tells telling asked asks asking".split())
_BEAT_VERBS = frozenset("smiled grinned nodded laughed chuckled sighed".split())
_VERB_ALT = "|".join(sorted(_VERB_SET, key=len, reverse=True))
_CUE = rf"(?:{_VERB_ALT})(?:\s+(?:on|in|up|out))?"
# Adverbs between subject and verb ("Vance also said"); nouns ending in -ly are not adverbs.
_ADV_WORD = (r"(?:(?!family|ally|assembly|supply|rally|bully|belly|jelly|lily|monopoly|anomaly|homily)[a-z]+ly|"
             r"also|then|later|again|further|once|now|still|simply|just|only|even)")
_ADV = rf"(?:{_ADV_WORD}\s+)"
_AUX = (r"(?:(?:has|had|have|was|were|is|are|would|will|did|does|do|could|might|must|should|can|may)"
        r"\s+(?:[a-z]+ly\s+|also\s+|not\s+|later\s+|since\s+|previously\s+)*(?:been\s+)?)")
_QUOTED_AS = r"(?:quoted\s+as\s+|heard\s+|reported\s+(?:to\s+have\s+|as\s+)?|said\s+to\s+have\s+)"
_PRONOUN = r"(?:he|she|I|we|they|you|it|He|She|We|They|You|It)"
_DET = r"(?:the|a|an|his|her|my|our|their|your|its|The|A|An|His|Her|My|Our|Their|Your|Its)"
_NOUNISH = r"[\w'’-]+"
# Auxiliaries and adverbs between a subject and its cue: "he's going to", "Vance has repeatedly".
_AUX_TAIL = re.compile(
    r"(?:['’]s|\s+(?:is|was|are|were|am|will|would|could|might|must|should|can|may|did|does|do|has|had|have|"
    r"wants?|wanted|going|used|to|not|never|also|then|later|again|once|(?!family|ally|assembly|rally)[a-z]+ly|"
    r"been|being|quoted|as|reportedly))+\s*$")

# `…,” he said` / `…,” Vance was quoted as saying` / `…,” Peskov, the spokesman, said`
_AFTER_SUBJ_CUE = re.compile(
    rf"^[\s,.;:!?—–\-)\]*_]*(?:and\s+|then\s+|so\s+)?(?P<subj>(?:[\w.'’-]+,?[ \t]+){{0,9}}?)"
    rf"(?P<appos>,[^,“”\"]{{1,80}},[ \t]+)?{_ADV}{{0,2}}{_AUX}{{0,2}}{_QUOTED_AS}?(?P<cue>{_CUE})\b"
    rf"(?P<obj>[ \t]+[^,.;:!?“”\"—\n]{{1,40}})?"
)
# `…,” said Vance` / `…!” cried the old man` / `…,” broke in a thin, elderly gentleman`
_AFTER_CUE_SUBJ = re.compile(
    rf"^[\s,.;:!?—–\-)\]*_]*{_ADV}{{0,1}}(?P<cue>{_CUE})\b[ \t]+{_ADV}{{0,1}}"
    rf"(?P<subj>{_PRONOUN}\b|{_DET}\b(?:,?[ \t]+{_NOUNISH}){{1,6}}|another\b|[^\s,;:!?“”\"]+(?:[ \t]+[^\s,;:!?“”\"]+){{0,6}})"
)
# After a quote that ends in a comma, any verb can be the cue: `…,” fleered Happy Jack`, `…,” he grinned`
_AFTER_ANY_VERB = re.compile(
    rf"^[\s,]*(?:(?P<verb1>[a-z]{{3,}}(?:ed|s))[ \t]+(?P<subj1>{NAME_RUN.pattern}|he\b|she\b|I\b)"
    rf"|(?P<subj2>he|she|I|{NAME_RUN.pattern})[ \t]+(?P<verb2>[a-z]{{3,}}(?:ed|s))\b)")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<subj>[^,.;:!?“”\"\n]{2,80})")
_POSSESSIVE_WORDS = re.compile(
    rf"(?P<who>{NAME_RUN.pattern})['’]s?\s+(?:[a-z]+\s+)?(?:statements?|comments?|remarks?|words|claims?|assertions?|"
    r"arguments?|message|warnings?|promises?|pledges?|views?|descriptions?|answers?|replies|reply|response|tweets?|posts?)\b")
# Words right before a short quoted span that make it a name, title or scare quote.
_NAMING = re.compile(
    r"(?:so-called|so called|called|calling|call|calls|known\s+as|named|naming|dubbed|dubbing|termed|nicknamed|"
    r"entitled|titled|marked|"
    r"the\s+words?|the\s+phrase|the\s+term|the\s+expression|the\s+title|labelled|labeled|read|reading|"
    r"word|words|phrase|term)\s*$", re.I)
_SPEECH_WORD = re.compile(rf"\b(?:{_VERB_ALT}|answer|statement|words|lines|message|post|reply|remarks|"
                          r"speech|interview|tweet|voice|addressed|remarking|replying|intoned|aloud|exclaiming)\b", re.I)
_FUNCTION_WORDS = frozenset(
    """with to for and or but as in on at of from by is was are were be been that which who because if when
    after before over during into than about against since until while so nor yet also not has have had
    will would could should may might must can do does did it its this these those they he she we you i
    said says told added according""".split())
_PREP_BEFORE = re.compile(r"\b(?:to|of|in|on|at|from|with|for|by|into|the|a|an|as|than|about|like|his|her|their|"
                          r"our|my|its)\s*$", re.I)
_CLAUSE_STOP = frozenset(
    """and but or while when as because that which who whom whose if though although since until
    after before where so then to for with without from into at in on of by""".split()
)
_NOMINATIVE = frozenset({"he", "she", "i", "we", "they", "you", "it"})
_RELATIVE_STOP = re.compile(r"\s+(?:[a-z]+ly\b|who|that|which|as|when|while|with|in|at|to|from|putting|looking|turning|"
                            r"holding|taking|getting|making|pointing|shaking|nodding|smiling|laughing)\b.*$")

MAX_BEFORE = 240  # chars of the sentence before a quote searched for its cue
MAX_AFTER = 160  # chars after a quote searched for its cue
IN_SPEECH_WINDOW = 400  # chars before a pronoun inside a quote searched for whom it means
SCARE_MAX_WORDS = 6  # a quoted span this short after "so-called", "titled" ... is a name, not speech
ORG_LOOKBACK = 2000  # chars back to find the organisation "the bank" means
_ORG_HEADS = frozenset("""bank company firm ministry department agency group organisation organization institute
party government court committee council union university police army military embassy commission office
campaign network newspaper airline regulator authority board foundation""".split())
RECENT_SPEAKER_CHARS = 2000  # a pronoun's speaker may be one who spoke this recently


@dataclass(frozen=True)
class Who:
    """The attribution of one quote."""

    speaker: str | None = None
    cue: str | None = None
    mention: str | None = None  # the subject as written: "he", "the spokesman", "Vance"
    mention_span: tuple[int, int] | None = None
    how: str | None = None  # which rule found it (cue-after, cue-before, continuation, ...)


@dataclass(frozen=True)
class Subject:
    """The subject of a cue as written, with its offsets."""

    kind: str  # name | pron | np
    text: str
    start: int
    end: int


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


def paragraph_starts(text: str) -> list[int]:
    """Return the offsets where paragraphs start (blank lines; single lines when there are none)."""
    blank = re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n\s*")
    return [0] + [m.end() for m in blank.finditer(text)]


class Context:
    """One document's text, paragraphs, sentences, quotes and people, for attribution."""

    def __init__(self, text: str, spans: list[Span], sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.paras = paragraph_starts(text)
        self.sentences = sentences
        self.sent_starts = [s for s, _ in sentences]
        self.tops = [s for s in spans if s.depth == 0]
        self.top_starts = [s.start for s in self.tops]
        self.people: PeopleIndex = _NO_PEOPLE  # set by `index_people` once the cues are known
        self.spoken: list[tuple[int, Who]] = []  # (offset, attribution) of the quotes a cue attributes

    def index_people(self, speakers: list[str]) -> None:
        """Index the document's people, knowing which names a cue (or reported speech) made speakers."""
        reported = []
        for vm in _REPORTED_VERB.finditer(self.text):
            before = self.text[max(0, vm.start() - 140):vm.start()].rstrip()
            before = re.sub(rf"(?:,[^,“”\"\n]{{1,80}},|\s+{_ADV_WORD})$", "", before)
            nm = _NAME_END.search(before)
            if nm:
                reported.append(nm.group("subj"))
        self.people = PeopleIndex(self.text, [(s.start, s.end) for s in self.tops], speakers + reported)

    # ------------------------------------------------------------------ windows

    def para_bounds(self, pos: int) -> tuple[int, int]:
        """Return (start, end) of the paragraph holding `pos`."""
        i = bisect_right(self.paras, pos) - 1
        start = self.paras[max(i, 0)]
        end = self.paras[i + 1] if i + 1 < len(self.paras) else len(self.text)
        return start, end

    def sentence_index(self, pos: int) -> int:
        """Return the index of the sentence holding `pos` (-1 before the first)."""
        return bisect_right(self.sent_starts, pos) - 1

    def prev_top(self, span: Span) -> Span | None:
        """Return the top-level quote that ends before `span` starts."""
        i = bisect_left(self.top_starts, span.start) - 1
        while i >= 0:
            if self.tops[i].end <= span.start:
                return self.tops[i]
            i -= 1
        return None

    def next_top(self, span: Span) -> Span | None:
        """Return the top-level quote that starts after `span` starts."""
        i = bisect_right(self.top_starts, span.start)
        return self.tops[i] if i < len(self.tops) else None

    def inside_top(self, pos: int) -> bool:
        """Return True when `pos` lies inside a top-level quote."""
        i = bisect_right(self.top_starts, pos) - 1
        return i >= 0 and self.tops[i].start < pos < self.tops[i].end

    def outer_of(self, span: Span) -> Span | None:
        """Return the top-level quote a nested quote sits in."""
        i = bisect_right(self.top_starts, span.start) - 1
        if i >= 0 and self.tops[i].start < span.start and self.tops[i].end >= span.end:
            return self.tops[i]
        return None

    def before_window(self, span: Span) -> tuple[int, str]:
        """Return (offset, text) of the sentence before the quote, back to the previous quote."""
        i = self.sentence_index(span.start)
        start = self.sentences[i][0] if i >= 0 else 0
        start = max(start, self.para_bounds(span.start)[0], span.start - MAX_BEFORE)
        if span.depth > 0 and (outer := self.outer_of(span)) is not None:
            start = max(start, outer.start + 1)
        prev = self.prev_top(span)
        if prev is not None and prev.end > start:
            start = prev.end
        return start, self.text[start:span.start]

    def after_window(self, span: Span) -> tuple[int, str]:
        """Return (offset, text) after the quote, up to the next quote or the paragraph's end."""
        end = min(self.para_bounds(span.end - 1)[1], span.end + MAX_AFTER)
        nxt = self.next_top(span)
        if nxt is not None and span.end <= nxt.start < end:
            end = nxt.start
        if span.depth > 0 and (outer := self.outer_of(span)) is not None:
            end = min(end, outer.inner[1])
        return span.end, self.text[span.end:max(end, span.end)]

    # ------------------------------------------------------------------ cues

    def find_cue(self, span: Span) -> Cue | None:
        """Return the cue that attributes this quote, if its sentence has one."""
        after = None if span.unclosed else self._cue_after(span)
        return after if after is not None else self._cue_before(span)

    def _cue_after(self, span: Span) -> Cue | None:
        base, window = self.after_window(span)
        if not window.strip():
            return None
        m = _AFTER_CUE_SUBJ.match(window)
        if m and _verb_ok(m.group("cue")) and m.group("cue").split()[0] not in ("told", "tells", "telling"):
            subj = _subject_after_verb(m.group("subj"), base + m.start("subj"))
            if subj is not None and not (subj.kind == "pron" and subj.text.lower() == "it"):
                return Cue("inverted", subj, m.group("cue"), True, base + _clause_end(window, m.end("subj")))
        inner = self.text[span.inner[0]:span.inner[1]].rstrip()
        m = _AFTER_SUBJ_CUE.match(window)
        if m and self._new_sentence(inner, window) and len(window[m.end("cue"):_clause_end(window, m.end("cue"))].split()) > 4:
            m = None  # `….” Downing Street said the sovereignty …`: a new sentence about something else
        if m and _verb_ok(m.group("cue"), beat_ok=inner.endswith(",")):
            subj = _subject_before_verb(m.group("subj"), base + m.start("subj"), whole=True)
            if subj is not None:
                verb = m.group("cue")
                if "quoted as" in m.group(0):
                    verb = "was quoted as " + verb
                obj = (m.group("obj") or "").strip()
                if obj and len(obj.split()) <= 3 and verb.split()[-1] in ("told", "tells", "wrote", "writes", "said",
                                                                          "says", "posted", "tweeted"):
                    verb = f"{verb} {obj}"
                return Cue("after", subj, verb, True, base + _clause_end(window, m.end("cue")))
        if inner.endswith((",", "—", "–", "-")):
            m = _AFTER_ANY_VERB.match(window)
            if m:
                raw = m.group("subj1") or m.group("subj2")
                subj = _classify(raw, base + (m.start("subj1") if m.group("subj1") else m.start("subj2")))
                verb = m.group("verb1") or m.group("verb2")
                if subj is not None and verb not in _NOT_SPEECH_ED:
                    return Cue("after", subj, verb, True, base + _clause_end(window, m.end()))
        m = _ACCORDING.search(window[:80])
        if m and not window[:m.start()].strip(" ,.;:—–-"):
            subj = _subject_after_verb(m.group("subj"), base + m.start("subj"))
            if subj is not None:
                return Cue("according", subj, "according to", True, base + _clause_end(window, m.end()))
        return self._cue_sentence_end(span, base, window)

    @staticmethod
    def _new_sentence(inner: str, window: str) -> bool:
        """Return True when the quote ended its sentence and the text after it starts a new one."""
        return bool(re.match(r"\s*\.", window)) or (bool(re.search(r"[.!?…]$", inner))
                                                     and bool(re.match(r"\s+[A-Z]", window)))

    def _cue_sentence_end(self, span: Span, base: int, window: str) -> Cue | None:
        """Return an attribution closing the quote's sentence: `… a “bad idea” for Mexico, Ebrard said.`"""
        end = _clause_end(window, 0)
        if end >= len(window) and not re.search(r"[.!?]\s*$", window):
            return None
        sentence = window[:end]
        for cm in reversed(list(re.finditer(r",\s+", sentence))):
            rest = sentence[cm.end():]
            for pattern, where in ((_AFTER_CUE_SUBJ, "inverted"), (_AFTER_SUBJ_CUE, "after")):
                m = pattern.match(rest)
                if not m or not _verb_ok(m.group("cue")) or m.group("cue").split()[0] in _ADDRESSING and where == "inverted":
                    continue
                if re.search(r"[\w)]", rest[m.end():].rstrip(" .!?")) and len(rest[m.end():].split()) > 4:
                    continue  # more clause follows: not a closing attribution
                at = base + cm.end() + m.start("subj")
                subj = _subject_after_verb(m.group("subj"), at) if where == "inverted" else \
                    _subject_before_verb(m.group("subj"), at, whole=True)
                if subj is not None and not (subj.kind == "pron" and subj.text.lower() == "it"):
                    return Cue("partial", subj, m.group("cue"), False)
            break
        return None

    def _cue_before(self, span: Span) -> Cue | None:
        base, window = self.before_window(span)
        stripped = window.rstrip()
        cue = self._cue_in(window, base)
        if cue is None and span.depth == 0:
            # a second fragment in one sentence: "Starmer said that “…” and “…”"
            i = self.sentence_index(span.start)
            s_start = max(self.sentences[i][0] if i >= 0 else 0, self.para_bounds(span.start)[0])
            if s_start < base:
                whole = self._blank_quotes(s_start, span.start)
                cue = self._cue_in(whole, s_start)
                if cue is not None:
                    cue = Cue("partial", cue.subject, cue.verb, False)
        if cue is not None:
            return cue
        pm = None
        for pm in _POSSESSIVE_WORDS.finditer(window):
            pass
        if pm is not None:
            # "Hegseth’s statements this week that … it was “unrealistic”"
            subj = _classify(pm.group("who"), base + pm.start("who"))
            if subj is not None and subj.kind == "name":
                return Cue("partial", subj, None, False)
        am = None
        for am in _ACCORDING.finditer(window):
            pass
        if am is not None:
            subj = _subject_after_verb(am.group("subj"), base + am.start("subj"))
            if subj is not None:
                return Cue("according", subj, "according to", not window[am.end():].strip(" ,"))
        if stripped.endswith(":"):
            # `Peskov: “…”` names the speaker; `His answer: “…”` does not
            nm = re.search(rf"(?:{NAME_RUN.pattern})$", stripped[:-1].rstrip())
            subj = None
            if nm:
                _, tokens, _ = split_name(nm.group(0))
                if looks_like_person(tokens):
                    subj = Subject("name", " ".join(tokens), base + nm.start(), base + nm.start() + len(nm.group(0)))
            return Cue("colon", subj, None, True)
        if not stripped.strip(" “\"‘'(—–-"):
            return self._cue_previous_sentence(span)
        return None

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

    def _cue_in(self, window: str, base: int) -> Cue | None:
        """Return the last speech verb in `window` (text before a quote) that has a subject."""
        stripped = window.rstrip()
        participle: str | None = None
        for m in reversed(list(re.finditer(rf"(?<![\w-])(?P<cue>{_CUE})\b", window))):
            verb = m.group("cue")
            if not _verb_ok(verb):
                continue
            tail = window[m.end():]
            adjacent = bool(re.fullmatch(r"(?:[ \t]+(?:to[ \t]+)?[^,.;:!?“”\"\n]{0,45}?)?[ \t]*[,:—–-]?[ \t]*", tail)) \
                and len(tail.split()) <= 7
            subj = _subject_before_verb(window[:m.start()], base, whole=False)
            where = "before"
            if subj is None and adjacent:
                # `said Tommy, “where …`: the subject follows the verb, then a comma and the quote
                inv = re.match(rf"[ \t]+{_ADV}?(?P<subj>{_PRONOUN}\b|{_DET}\b(?:[ \t]+{_NOUNISH}){{1,4}}|another\b|"
                               rf"[^\s,;:!?“”\"]+(?:[ \t]+[^\s,;:!?“”\"]+){{0,5}})", tail)
                if inv and verb.split()[0] not in _ADDRESSING and re.fullmatch(r"[^,;:]*[,:—–-]\s*", tail[inv.start("subj"):]):
                    subj = _subject_after_verb(inv.group("subj"), base + m.end() + inv.start("subj"))
                    where = "before-inverted"
            if subj is None:
                if verb.endswith("ing") and participle is None:
                    participle = verb  # "…, adding that": the subject is the main clause's
                continue
            adjacent = adjacent or participle is not None and stripped.endswith((",", ":"))
            return Cue(where if adjacent else "partial", subj, participle or verb, adjacent)
        if participle is not None:
            mm = _MAIN_SUBJECT.match(window)
            if mm:
                subj = _classify(mm.group("subj"), base + mm.start("subj"))
                if subj is not None and (subj.kind != "pron" or subj.text.lower() in _NOMINATIVE):
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
        if (s_start < p_start and not colon_before) or span.start - s_end > 3 and not colon_before:
            return None
        prev = self.prev_top(span)
        if prev is not None and prev.end > s_start:
            return None
        sentence = self.text[s_start:s_end]
        m = re.search(rf"(?P<subj>{NAME_RUN.pattern}|\b{_PRONOUN}|\b{_DET}\s+(?:{_NOUNISH}\s+){{0,3}}?{_NOUNISH})\s+"
                      rf"(?:{_ADV})?(?P<cue>said|spoke|began|asked|answered|replied|cried|called|whispered|added|"
                      rf"continued|went on|exclaimed|shouted|wrote|declared|remarked|reported|stated|posted|tweeted|"
                      rf"announced|explained|noted|warned|insisted|added)\b[^.!?]{{0,60}}[.:]\s*$", sentence)
        if not m:
            return None
        subj = _classify(m.group("subj"), s_start + m.start("subj"))
        if subj is None or subj.kind == "pron" and subj.text.lower() not in _NOMINATIVE:
            return None
        return Cue("previous-sentence", subj, m.group("cue"), False)

    # ------------------------------------------------------------------ speech or not

    def is_speech(self, span: Span, cue: Cue | None) -> bool:
        """Return True when the quoted span is something someone said, not a title or scare quote."""
        a, b = span.inner
        inner = self.text[a:b].strip()
        words = inner.split()
        if not words:
            return False
        start, window = self.before_window(span)
        lead = window.strip()
        if cue is not None and cue.where == "colon" and cue.subject is None:
            # "Trump wrote on Truth Social:" is a cue; "the plaque honours the opening:" is not
            return len(words) >= 2 and bool(_SPEECH_WORD.search(window) or re.search(r"\b(?:he|she|I|we|they)\b", window))
        if cue is not None and cue.adjacent:
            return True
        if span.depth > 0:
            return False
        prev = self.prev_top(span)
        if (prev is not None and start == prev.end and lead[-1:] in (",", ";", ":", "—", "–") and len(window) <= MAX_AFTER
                and not re.search(r"[.!?]\s+[A-Z]", window)):
            return True  # the rest of a quote its attribution interrupted: `“…,” said X; “…”`
        if _NAMING.search(window) and len(words) <= SCARE_MAX_WORDS:
            return False
        opens_sentence = (not lead or lead[-1] in ".!?—–-" and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|St)\.$", lead)
                          or lead[-1] in "”\"’'" and start > 0)
        first = inner.lstrip("‘'“\"—–-.…(").strip()[:1]
        if opens_sentence and (first.isupper() or first.isdigit() or len(words) >= 3 or span.unclosed):
            return True
        if span.unclosed:
            return False
        after = self.text[span.end:span.end + 30]
        am = re.match(r" ([a-z][\w-]*)", after)
        if len(words) <= 3 and am and am.group(1) not in _FUNCTION_WORDS:
            return False  # used as a modifier: Labor’s “pragmatic” climate policies
        if cue is not None and cue.where in ("partial", "according"):
            return True
        ends_sentence = bool(re.search(r"[.!?…—–-][’'\"”]?$", inner))
        if first.isupper() and ends_sentence and len(words) >= 4 and not _PREP_BEFORE.search(window):
            return True
        return (lead.endswith(",") and first.isupper() and (ends_sentence or len(words) >= 4)
                and not _PREP_BEFORE.search(window.rstrip(" ,")))

    # ------------------------------------------------------------------ names

    def name_of(self, subj: Subject, span: Span, speaker: str | None = None) -> str | None:
        """Return the canonical name a cue's subject refers to (None for "I" or an unknown).

        `speaker` is the speaker of the quote that holds `span` (for nested quotes): a pronoun
        inside someone's speech never means that someone.
        """
        people = self.people
        if subj.kind == "name":
            return people.canonical(subj.text)
        if subj.kind == "org":
            return subj.text
        if subj.kind == "np":
            role = role_head(subj.text)
            found = people.by_role(role, subj.start) if role else None
            return found or self._organisation(subj) or subj.text
        low = subj.text.lower()
        if low not in ("he", "she"):
            return None
        gender = "m" if low == "he" else "f"
        if span.depth > 0:
            found = self._in_speech_antecedent(subj.start, gender, speaker)
            if found:
                return found
        # someone named earlier in the same sentence ("When Carl turned away he said")
        i = self.sentence_index(subj.start)
        s_start = self.sentences[i][0] if i >= 0 else 0
        m = people.nearest(subj.start, gender, limit=subj.start - s_start)
        if m is not None:
            return m.canon
        # else a recent speaker of that gender: "he said" in a dialogue means one of its people
        for at, who in reversed(self.spoken):
            if subj.start - at > RECENT_SPEAKER_CHARS:
                break
            if who.speaker and people.gender(who.speaker) == gender:
                return who.speaker
        m = people.nearest(subj.start, gender)
        return m.canon if m else None

    def _organisation(self, subj: Subject) -> str | None:
        """Return the organisation "the bank" / "the ministry" refers to: the last one named as such."""
        m = re.fullmatch(r"(?:the|The|its|Its)\s+(?:\w+\s+)?(?P<head>[a-z]+)", subj.text)
        if not m or m.group("head") not in _ORG_HEADS:
            return None
        head = m.group("head")
        stem = head[:4]
        lo = max(0, subj.start - ORG_LOOKBACK)
        found = None
        for run in NAME_RUN.finditer(self.text, lo, subj.start):
            if self.inside_top(run.start()):
                continue
            tokens = run.group(0).split()
            # "Russia’s Defense Ministry" names itself; "investment banking giant Goldman Sachs" is described
            described = re.search(rf"\b{stem}\w*(?:\s+[a-z]+)?\s*$", self.text[max(0, run.start() - 40):run.start()])
            if any(t.lower().startswith(stem) for t in tokens) or described:
                found = run.group(0)
        return found

    def _in_speech_antecedent(self, at: int, gender: str, speaker: str | None) -> str | None:
        """Return whom a pronoun inside a quote means: the last person the speech named before it."""
        lo = max(0, at - IN_SPEECH_WINDOW)
        role_at, role_name = -1, None
        for rm in re.finditer(r"\b[Tt]he\s+((?:[a-z]+\s+)?[a-z]+)\b", self.text[lo:at]):
            head = role_head(rm.group(0))
            found = self.people.by_role(head, lo + rm.start()) if head else None
            if found and found != speaker and (not gender or self.people.gender(found) in ("", gender)):
                role_at, role_name = lo + rm.start(), found
        m = self.people.nearest(at, gender, skip=[speaker] if speaker else [], limit=IN_SPEECH_WINDOW,
                                outside_quotes=False)
        if m is not None and m.start > role_at:
            return m.canon
        return role_name

    def who(self, cue: Cue, span: Span, speaker: str | None = None) -> Who:
        """Return the attribution a cue with a subject gives."""
        assert cue.subject is not None
        s = cue.subject
        return Who(self.name_of(s, span, speaker), cue.verb, s.text, (s.start, s.end), cue.how)


# ---------------------------------------------------------------------------- subjects

# Past-tense verbs after a comma-ended quote that are actions, not speech.
_NOT_SPEECH_ED = frozenset("""walked turned looked stopped opened closed entered left stood sat rose
passed moved followed watched seemed appeared reached handed pulled pushed""".split())


_CLAUSE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<![A-Z])[.;!?](?=\s|$)")


def _clause_end(window: str, pos: int) -> int:
    """Return where the attribution that starts a window ends: its sentence's end (`, recoiling.`)."""
    m = _CLAUSE_END.search(window, pos)
    return m.end() if m else len(window)


def _verb_ok(verb: str, beat_ok: bool = False) -> bool:
    parts = verb.split()
    if parts[0] not in _VERB_SET or (parts[0] in _BEAT_VERBS and not beat_ok):
        return False
    need = _PARTICLE_VERBS.get(parts[0])
    return need is None or (len(parts) > 1 and parts[1] == need)


# The subject that opens a sentence: "On Friday, Beijing, which …, has vowed …, calling it …"
_MAIN_SUBJECT = re.compile(
    rf"\W*(?:(?:On|In|At|After|Before|During|Earlier|Later|Meanwhile|However|But|And|Yet|Still|Now|Then)\b[^,]{{0,40}},\s*)?"
    rf"(?P<subj>{NAME_RUN.pattern}|{_PRONOUN}\b|{_DET}\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+?)"
    rf"(?:\s*,[^,]{{1,80}},)?\s+(?:has\s+|had\s+|was\s+|is\s+|also\s+|later\s+|then\s+)*[a-z]+")
# "Serhii Radio, a chemistry researcher, says that …": whoever says something is a person.
_REPORTED_VERB = re.compile(r"\b(?:said|says|told|tells|added|adds|asked|wrote|explained|argued|insisted|recalled|warned)\b")
# ", who was a UK policy adviser," / ", the Kremlin spokesman," / ", 45," / ", D-Mass.,"
_APPOSITIVE = re.compile(r",\s*(?:(?:who|which|a|an|the|his|her|its|their)\b[^,“”\"]{1,90}|[^,“”\"\s]+(?:\s+[^,“”\"\s]+)?),\s*$")
_ROLE_QUALIFIERS = frozenset("police party state city team club company government army court campaign".split())
_PRON_END = re.compile(rf"(?<![\w’'])(?P<subj>{_PRONOUN})\s*$")
# "a spokesperson for Apple", "the head of the agency": the head noun comes before the preposition
_OF_NP_END = re.compile(rf".*\b(?P<subj>{_DET}\s+(?:[\w'’-]+\s+){{0,2}}?[a-z][\w'’-]*\s+(?:for|of|at|with|from)\s+"
                        rf"[^,;:“”\"]{{1,40}}?)\s*$", re.S)
_POSS_END = re.compile(rf"(?<![\w.’'-])(?P<subj>{NAME_RUN.pattern}['’]s?\s+[a-z][\w-]*)\s*$")
_NAME_END = re.compile(rf"(?<![\w.’'-])(?P<subj>(?:(?:von|van|de|der|del|della|den|da|di|du|la|le|al|bin|ibn)\s+){{0,2}}"
                       rf"{NAME_RUN.pattern})\s*$")
_NP_END = re.compile(rf".*\b(?P<subj>{_DET}\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s*$", re.S)


def _subject_before_verb(phrase: str, base: int, whole: bool) -> Subject | None:
    """Return the subject that ends `phrase`, the words right before a cue verb."""
    body = _AUX_TAIL.sub("", phrase.rstrip())
    if not body:
        return None
    body = re.sub(r"\s*\([^()]{1,40}\)$", "", body)  # "Sen. Lindsey Graham (R-S.C.)"
    appos = _APPOSITIVE.search(body)
    if appos and appos.start() > 0:
        body = body[:appos.start()]  # "Mr Cohen, who was a UK policy adviser," / "Peskov, the spokesman,"
    rel = re.search(r",?\s*\bwho\s*$", body)
    if rel:
        # "Senator Roger Wicker, who labeled …": the relative pronoun stands for the name before it
        body = body[:rel.start()]
        whole = False
    coord = re.search(rf"(?P<subj>{NAME_RUN.pattern}|\b{_PRONOUN})(?:\s+[a-z]+,?){{1,3}}\s+and\s*$", body)
    if coord and not rel:
        # "she bowed and said": the subject of the first verb
        body = body[:coord.end("subj")]
    m = _PRON_END.search(body) or _OF_NP_END.match(body) or _POSS_END.search(body) or _NAME_END.search(body)
    if m is not None and m.re is _NAME_END and not split_name(m.group("subj"))[1]:
        m = _NP_END.match(body)  # "the US President": a role, not a name
    if not m:
        m = _NP_END.match(body)
    if not m:
        return None
    lead = body[:m.start("subj")]
    if whole and lead.strip(" ,"):
        # after a quote the subject must be (nearly) the whole phrase: `,” the old man said`,
        # `,” Kremlin spokesman Dmitry Peskov told`, not `,” the crowd cheered and Bill said`
        words = [w for w in lead.split() if not (w[:1].isupper() or w.lower().strip(",") in ROLE_WORDS)]
        if len(words) > 3 or any(w.lower().strip(",") in _CLAUSE_STOP - {"and", "then", "so", "but"} for w in words):
            return None
        if any(w.lower() in ("and", "but") for w in words[1:]):
            return None
    if not whole and not rel:
        tail = lead.split()[-1:]
        if tail and tail[0].lower() in ("to", "by", "of", "for", "with", "from", "at", "about", "told", "asked", "that"):
            return None  # "said to Vance", "asked by reporters"
    subj = _classify(m.group("subj"), base + m.start("subj"))
    if subj is not None and subj.kind == "pron" and subj.text.lower() not in _NOMINATIVE:
        return None
    return subj


# A period that ends a sentence: not after an initial or an abbreviated title ("Mr. Pett").
_SENTENCE_DOT = re.compile(r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)\.(?:\s|$)")


def _subject_after_verb(phrase: str, base: int) -> Subject | None:
    """Return the subject that follows an inverted cue: `said Vance`, `cried the old man`."""
    phrase = _RELATIVE_STOP.sub("", phrase)
    phrase = re.split(r"[,;:!?()“”\"—]", phrase, maxsplit=1)[0]
    phrase = _SENTENCE_DOT.split(phrase, maxsplit=1)[0].rstrip(" .")
    if not phrase:
        return None
    m = re.match(rf"{_PRONOUN}\b", phrase)
    if m:
        return Subject("pron", m.group(0), base, base + m.end())
    if phrase.lower() == "another":
        return Subject("np", phrase, base, base + len(phrase))
    lead = re.match(r"(?:[a-z]+\s+){1,3}(?=[A-Z])", phrase)
    if lead and all(w in ROLE_WORDS or w in _ROLE_QUALIFIERS for w in lead.group(0).split()):
        # "says coach Andy Reid", "according to police spokesman Tom Brown"
        base += lead.end()
        phrase = phrase[lead.end():]
    if re.fullmatch(r"(?:[A-Z][\w.'’-]*|of|the|for|and|de|la)(?:\s+(?:[A-Z][\w.'’-]*|of|the|for|and|de|la))*", phrase):
        # "said Bank of Canada Governor Tiff Macklem": the person ends the title
        subj = _classify(phrase, base)
        if subj is not None:
            return subj
    return _classify(phrase, base, leading=True)


_NP_START = re.compile(rf"(?:{_DET}|one\s+of|some\s+of|each\s+of|several\s+of|two\s+of|both\s+of)\b")
_POSSESSOR = re.compile(rf"(?P<who>{NAME_RUN.pattern})['’]s?\s+[a-z][\w-]*$")


def _classify(phrase: str, base: int, leading: bool = False) -> Subject | None:
    """Return the phrase as a name, a pronoun or a noun phrase (org names count as names), else None.

    The head is the last word: "the Kremlin spokesman" is a noun phrase (resolved through
    its role), "Kremlin spokesman Dmitry Peskov" a name, "TNO's report" a noun phrase.
    """
    stripped = phrase.strip().rstrip(",")
    off = base + (len(phrase) - len(phrase.lstrip()))
    if not stripped:
        return None
    if re.fullmatch(_PRONOUN, stripped):
        return Subject("pron", stripped, off, off + len(stripped))
    words = stripped.split()
    np_like = bool(_NP_START.match(stripped)) or bool(_POSSESSOR.fullmatch(stripped))
    pm = re.match(rf"{_DET}\s+(?:[\w'’-]+\s+){{0,2}}?[a-z][\w'’-]*\s+(?:for|of|at|with|from|to)\s+\S", stripped)
    if pm and len(words) <= 8:
        return Subject("np", stripped, off, off + len(stripped))  # "a spokesperson for Apple"
    if np_like and words[-1][:1].islower():
        if 2 <= len(words) <= 7 and not any(w.lower() in _CLAUSE_STOP - {"of"} for w in words[1:]):
            return Subject("np", stripped, off, off + len(stripped))
        return None
    runs = list(NAME_RUN.finditer(stripped))
    if leading and runs and runs[0].start() != 0:
        runs = []
    for run in runs if leading else reversed(runs):
        found = _name_in_run(run.group(0))
        if found is not None:
            kind, name = found
            at = stripped.find(name.split()[0], run.start())
            particles = re.search(r"(?:(?:von|van|de|der|del|della|den|da|di|du|la|le|al|bin|ibn)\s+){1,2}$", stripped[:at])
            if particles and len(name.split()) == 1:
                at, name = particles.start(), stripped[particles.start():at] + name  # "von der Leyen"
            return Subject(kind, name, off + at, off + at + len(name))
        if leading:
            break
    if np_like and 2 <= len(words) <= 7 and not any(w.lower() in _CLAUSE_STOP - {"of"} for w in words[1:]):
        return Subject("np", stripped, off, off + len(stripped))
    return None


def _name_in_run(run: str) -> tuple[str, str] | None:
    """Return ("name", person) or ("org", organisation) for a capitalised run, else None.

    A long run ("Philippine Marine Corps Commandant Major General Arturo Rojas") yields the
    person at its end.
    """
    _, tokens, _ = split_name(run)
    if not tokens:
        return None
    if looks_like_person(tokens):
        return "name", " ".join(tokens)
    for size in (3, 2):
        if len(tokens) > size:
            _, tail, _ = split_name(" ".join(tokens[-size - 1:]))
            if 2 <= len(tail) <= size and looks_like_person(tail):
                return "name", " ".join(tail)
    if all(t.lower().strip(".") in NOT_NAME for t in tokens):
        return None
    return "org", " ".join(tokens)


def role_head(np: str) -> str | None:
    """Return the role words of a noun phrase ("the Kremlin spokesman" -> "spokesman")."""
    words = [w.strip(",").lower() for w in np.split()]
    if not words or words[-1] not in ROLE_WORDS:
        return None
    keep = [w for w in words[1:] if w in ROLE_WORDS]
    return " ".join(keep) or words[-1]
