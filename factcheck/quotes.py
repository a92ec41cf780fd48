"""Direct quotations: where they are in the text, and which quoted spans are not speech.

Spans come from the quotation marks, read the way typesetters use them: curly or straight,
double or single, one kind nested in the other; an apostrophe is not a quote ("don't", "the
boys' room", "'em"); a quote that runs over several paragraphs repeats its opening mark at the
start of each one and closes only at the end; a mark left open ends with its paragraph. Scare
quotes and titles (`the so-called "deal"`, a film title) are left out: a quoted span counts as
speech when a cue says so ("…,” Vance said), when it opens its sentence, or when it reads as
a full sentence; a fragment inside a sentence counts only when the sentence attributes it
("Trump said he held a “lengthy … call”"). Speakers come from `attribution`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .cues import FUNCTION_WORDS, NAMING, PREP_BEFORE, SPEECH_WORD, TITLE_WORDS
from .models import Quote
from .windows import MAX_AFTER

_DOUBLE_OPEN = "“„«\""
_SINGLE_OPEN = "‘‚'"
# Every quotation-mark event in one pass: paragraph breaks and marks. An apostrophe with a
# letter on both sides ("don't", "Peskov’s") is never a mark, so the regex skips it.
# (The leading lookahead lets the regex engine skip to the next candidate character at C speed.)
_EVENTS_BLANK = re.compile(r"(?=[\n“”„«»\"‘‚'’])(?:(?P<para>\n[ \t]*\n\s*)|(?P<mark>[“”„«»\"‘‚]|(?<!\w)['’]|['’](?!\w)))")
_EVENTS_LINES = re.compile(r"(?=[\n“”„«»\"‘‚'’])(?:(?P<para>\n\s*)|(?P<mark>[“”„«»\"‘‚]|(?<!\w)['’]|['’](?!\w)))")
_HAS_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A single mark before these is an elision, not a quote: 'em, 'tis, 'cause, rock 'n' roll, '90s.
_ELISION = re.compile(
    r"(?:[Tt]is|[Tt]was|[Tt]were|[Tt]will|[Tt]would|em|til|cause|cos|bout|n|nuff|ere|neath|gainst|"
    r"e|is|im|er|ad|ave|ow|alf|un|ud|ee|at|ome|ope|ouse)(?![\w’'])|\d\d"
)
_OPEN_BEFORE = frozenset(" \t\n\r\f\v\u00a0([{<—–-/“‘«„‚\"'")
_CLOSE_AFTER = frozenset(" \t\n\r\f\v\u00a0.,;:!?)]}>—–-…/”’»\"'*_")
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Span:
    """A quoted stretch of text: marks at `start` and `end - 1` (no closing mark when `unclosed`)."""

    start: int
    end: int
    depth: int  # 0 = top level; 1 = inside another quote
    unclosed: bool = False
    reopens: tuple[int, ...] = ()  # opening marks repeated at the start of later paragraphs

    @property
    def inner(self) -> tuple[int, int]:
        """Return the offsets of the quoted words, marks left out."""
        return self.start + 1, self.end - (0 if self.unclosed else 1)


def quote_spans(text: str) -> list[Span]:
    """Return every quoted stretch of `text` (speech or not), in text order."""
    events = _EVENTS_BLANK if _HAS_BLANK_LINE.search(text) else _EVENTS_LINES
    n = len(text)
    found = list(events.finditer(text))
    out: list[Span] = []
    stack: list[list] = []  # [kind "d"/"s", position, reopens]
    skip: set[int] = set()
    for idx, ev in enumerate(found):
        if ev.lastgroup == "para":
            _paragraph_end(text, ev, stack, out, skip)
            continue
        pos = ev.start()
        if pos in skip:
            continue
        ch = text[pos]
        before = text[pos - 1] if pos else "\n"
        after = text[pos + 1] if pos + 1 < n else "\n"
        opens = before in _OPEN_BEFORE and not after.isspace()
        closes = not before.isspace() and after in _CLOSE_AFTER
        if ch in "“„«”»\"":
            if ch in "“„«":
                role = "close" if closes and not opens and ch == "“" else "open"
            elif ch in "”»":
                role = "open" if opens and not closes else "close"
            else:
                role = "open" if opens and not closes else "close" if closes and not opens else "either"
            if role == "either":
                role = "close" if any(e[0] == "d" for e in stack) else "open"
            if role == "open":
                if stack and stack[-1][0] == "d":
                    _emit_unclosed(text, stack.pop(), pos, len(stack), out)
                stack.append(["d", pos, []])
            else:
                _close(stack, "d", pos, out)
        else:
            if opens and not closes:
                if ch in "’'" and _ELISION.match(text, pos + 1):
                    continue
                if ch == "‘" and _ELISION.match(text, pos + 1) and not _single_closes_later(text, found, idx):
                    continue
                if stack and stack[-1][0] == "s":
                    stack.pop()  # the earlier one was an apostrophe after all
                stack.append(["s", pos, []])
            elif closes and not opens or ch == "’" and closes:
                if after == ch and stack and stack[-1][0] == "d" and not before.isspace():
                    # `“I’m sorry,’’ he said`: two single marks typed for a double one close it
                    skip.add(pos + 1)
                    _close(stack, "d", pos, out)
                    continue
                if not stack or stack[-1][0] != "s":
                    continue  # an apostrophe: "the boys’ room", "goin’"
                if _weak_close(text, pos) and _strong_single_close_ahead(text, found, idx):
                    continue
                _close(stack, "s", pos, out)
    _paragraph_end(text, None, stack, out, skip)
    out.sort(key=lambda s: (s.start, -s.end))
    return [s for s in out if _LETTERS.search(text, s.inner[0], max(s.inner[0], s.inner[1]))]


def _close(stack: list[list], kind: str, pos: int, out: list[Span]) -> None:
    """Close the innermost open quote of `kind` at `pos` (opens above it were apostrophes)."""
    for i in range(len(stack) - 1, -1, -1):
        if stack[i][0] == kind:
            entry = stack[i]
            del stack[i:]
            out.append(Span(entry[1], pos + 1, i, reopens=tuple(entry[2])))
            return


def _emit_unclosed(text: str, entry: list, at: int, depth: int, out: list[Span]) -> None:
    end = at
    while end > entry[1] + 1 and text[end - 1].isspace():
        end -= 1
    missing = _MISSING_CLOSE.search(text, entry[1] + 1, end) if entry[0] == "d" and not entry[2] else None
    if missing is not None:
        # `“I think it’s a good idea, said Washington DC shop owner Vonda Miller. “I spend …`,
        # `“Chivalry is dead, he added.`: the closing mark left out before the cue; the quote
        # ends at the comma (or a single mark closing there), which stands for it
        out.append(Span(entry[1], missing.end(), depth))
        return
    out.append(Span(entry[1], end, depth, unclosed=True, reopens=tuple(entry[2])))


# A comma, then a speech cue that runs to the end of the stretch, in a double quote left open
# until the next quote opens or the paragraph ends: `, said Vonda Miller.`, `, he added.`,
# `,’ Winter said.`
_CUE_VERB = r"(?:said|says|added|adds|told|asked|explained|continued|wrote|tweeted)"
_MISSING_CLOSE = re.compile(
    rf",[’']?(?=[ \t]+(?:{_CUE_VERB}[ \t]+[^.!?“”\"\n]{{2,80}}|(?:he|she|they|[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,2}})"
    rf"[ \t]+{_CUE_VERB}\b[^.!?“”\"\n]{{0,60}})[.!?]\s*$)")


def _paragraph_end(text: str, ev: re.Match[str] | None, stack: list[list], out: list[Span], skip: set[int]) -> None:
    """At a paragraph break, carry an open quote into a paragraph that reopens it, else end it here."""
    if not stack:
        return
    bottom = stack[0]
    del stack[:]
    if ev is not None:
        nxt = ev.end()
        reopen = text[nxt:nxt + 1]
        if reopen and ((bottom[0] == "d" and reopen in _DOUBLE_OPEN) or (bottom[0] == "s" and reopen in "‘'")):
            bottom[2].append(nxt)
            skip.add(nxt)
            stack.append(bottom)
            return
    _emit_unclosed(text, bottom, ev.start() if ev is not None else len(text), 0, out)


def _weak_close(text: str, pos: int) -> bool:
    """Return True for a ’ that may be an apostrophe: a letter before, a space and a word after."""
    before = text[pos - 1] if pos else ""
    return before.isalpha() and text[pos + 1:pos + 2] == " " and text[pos + 2:pos + 3].isalpha()


def _strong_single_close_ahead(text: str, found: list[re.Match[str]], idx: int) -> bool:
    """Return True when a clear closing single mark follows before the next opening mark."""
    for ev in found[idx + 1:idx + 12]:
        if ev.lastgroup == "para":
            return False
        p = ev.start()
        ch = text[p]
        if ch in "“„«‘":
            return False
        if ch in "’'" and not text[p - 1:p].isspace() and not _weak_close(text, p):
            return True
    return False


def _single_closes_later(text: str, found: list[re.Match[str]], idx: int) -> bool:
    return _strong_single_close_ahead(text, found, idx)


# ---------------------------------------------------------------------------- speech or not

SCARE_MAX_WORDS = 6  # a quoted span this short after "so-called", "titled" ... is a name, not speech


# A quoted key with its colon and a quoted value after it, or a value closed by a comma or a
# brace after such a key: script literals left in a page's text
_SCRIPT_KEY = re.compile(r"[ \t]*:[ \t]*[\"'{\[\d]")
_SCRIPT_VALUE = re.compile(r"[ \t]*[,}\]]")
_SCRIPT_KEY_BEFORE = re.compile(r"[\"'][ \t]*:[ \t]*$")


def is_speech(ctx, span: Span, cue) -> bool:
    """Return True when the quoted span is something someone said, not a title or scare quote.

    `ctx` is the document's `attribution.Context`; `cue` the attribution its sentence gives.
    """

    a, b = span.inner
    inner = ctx.text[a:b].strip()
    words = inner.split()
    if not words:
        return False
    if _SCRIPT_KEY.match(ctx.text, span.end) or _SCRIPT_VALUE.match(ctx.text, span.end) and \
            _SCRIPT_KEY_BEFORE.search(ctx.text, max(0, span.start - 40), span.start):
        return False  # a page script's literals: `"interval" : "10000", "liveNowId" : "5235081"`
    start, window = ctx.before_window(span)
    lead = window.strip()
    if cue is not None and cue.where == "colon" and cue.subject is None:
        # "Trump wrote on Truth Social:" is a cue; "the plaque honours the opening:" is not
        return len(words) >= 2 and bool(SPEECH_WORD.search(window) or re.search(r"\b(?:he|she|I|we|they)\b", window))
    if len(words) <= 3 and _title_case(words) and not span.unclosed and _NAME_WORD_BEFORE.search(ctx.text, 0, span.start) \
            and _NAME_WORD_AFTER.match(ctx.text, span.end):
        return False  # a nickname inside a name: Craig "Gray Wolf" Hammond, Afton "Star" Elaine Burton
    if 2 <= len(words) <= SCARE_MAX_WORDS and _title_case(words) and not span.unclosed and _PROGRAMME_LEAD.search(lead):
        # "Graham said on “Fox News Sunday.”", "On CBS' “Face the Nation,” Kerry said", "wrote in
        # “The Atlantic”": a title-case name after a preposition is a programme or a publication
        return False
    if len(words) <= 4 and _title_case(words) and not span.unclosed and not inner.endswith(("!", "?")) and (
            (not lead or lead[-1] in ".!?") and _modifies_noun(ctx.text, span.end) and not inner.endswith((",", "."))
            and not (cue is not None and cue.where == "inverted")  # (“Stop” shouted the man: the verb follows)
            or re.search(r"(?<![\w-])the$", lead) and not _modifies_noun(ctx.text, span.end)):
        # "“Cosby Show” star Lisa Bonet", "“Total” cholesterol is …": a name opening its sentence
        # before the noun it modifies; "should be called the “First Woman,” not the “First Lady.”":
        # a title-case name after "the" (before a noun, the rule below)
        return False
    if (len(words) <= 4 and _title_case(words) and _MODIFIER_LEAD.search(lead) and not span.unclosed
            and _modifies_noun(ctx.text, span.end)):
        # "ordered its “Stage 3” action", "told “CBS This Morning” co-host Gayle King": a name
        # inside a noun phrase, even right after a cue verb (a “much broader” group is words)
        return False
    if (cue is not None and cue.where in ("after", "inverted") and len(words) <= 3 and not inner.endswith((",", ".", "!", "?"))
            and _NOUN_THEN_COMMA.match(ctx.text, span.end) and _modifies_noun(ctx.text, span.end)):
        # "viewed as “astroturf” creations, the group said": the words modify a noun; the
        # attribution after them is the sentence's, not the quote's
        return False
    if cue is not None and cue.adjacent:
        # "a coalition called “Save Our Town,”": a naming verb right before the marks, with no
        # comma or colon between, names something even though "called" can be a cue
        return not (_NAMED_RIGHT_BEFORE.search(window) and (len(words) <= SCARE_MAX_WORDS or _title_case(words)))
    if span.depth > 0:
        return False
    prev = ctx.prev_top(span)
    if (prev is not None and start == prev.end and lead[-1:] in (",", ";", ":", "—", "–") and len(window) <= MAX_AFTER
            and not re.search(r"[.!?]\s+[A-Z]", window)):
        return True  # the rest of a quote its attribution interrupted: `“…,” said X; “…”`
    if _names_something(window) and (len(words) <= SCARE_MAX_WORDS or _title_case(words)
                                     or _TITLED_RIGHT_BEFORE.search(window, max(0, len(window) - 40))):
        # "a booklet titled “The Wit and Wisdom of Michael Bloomberg.”", "a story headlined, “Hong
        # Kong’s protesters are using the same gesture”" (a headline at any length)
        return False
    opens_sentence = (not lead or lead[-1] in ".!?—–-" and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|St)\.$", lead)
                      or lead[-1] in "”\"’'" and start > 0)
    first = inner.lstrip("‘'“\"—–-.…(").strip()[:1]
    if opens_sentence and (first.isupper() or first.isdigit() or len(words) >= 3 or span.unclosed):
        return True
    if span.unclosed:
        return False
    if len(words) <= 3 and _modifies_noun(ctx.text, span.end) and not _AFTER_VERB.search(lead) \
            and not inner.endswith((",", ";")):
        # used as a modifier: Labor’s “pragmatic” climate policies (after "would be" or "will"
        # the word is a predicate or an adverb: would be “very unusual” given that …, would
        # “gladly” sign; a comma inside the marks ends a clause: her vocal cords “began to
        # swell,” cutting off oxygen)
        return False
    if cue is not None and cue.where in ("partial", "according"):
        return True
    ends_sentence = bool(re.search(r"[.!?…—–-][’'\"”]?$", inner))
    if first.isupper() and ends_sentence and len(words) >= 4 and not PREP_BEFORE.search(window):
        return True
    return (lead.endswith(",") and first.isupper() and (ends_sentence or len(words) >= 4)
            and not PREP_BEFORE.search(window.rstrip(" ,")))


# The last word of every NAMING alternative ("so-called" -> "called", "known as" -> "as"), at most 10 letters
# and a comma.
_NAMING_LAST_WORD = re.compile(r"(?:called|calling|call|calls|as|named|naming|dubbed|dubbing|termed|entitled|titled|"
                               r"marked|words?|phrase|term|expression|title|labelled|labeled|read|reading|headlined|"
                               r"headline|name|slogan|hashtag|caption),?\s*$", re.I)


_TITLED_RIGHT_BEFORE = re.compile(r"\b" + TITLE_WORDS + "$")
_NAMED_RIGHT_BEFORE = re.compile(r"\b(?:(?:called|named|dubbed|termed|nicknamed)[ \t]*|the\s+words?[ \t]*|" + TITLE_WORDS + ")$")


def _names_something(window: str) -> bool:
    """Return NAMING.search(window) is not None, ruling most windows out first at the cost of a few characters.

    A NAMING match ends with its last word right before the window's trailing space, so that
    word starts in the last 10 characters; the full pattern tries every position of the window.
    """
    if _NAMING_LAST_WORD.search(window, max(0, len(window.rstrip()) - 12)) is None:
        return False
    return NAMING.search(window) is not None


# Before a quoted name inside a noun phrase: a determiner, a possessive, or the listener of "told".
_MODIFIER_LEAD = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|your|my|told|tells|asked|asks)|['’]s|\ws['’])$", re.I)


_NOUN_THEN_COMMA = re.compile(r" [a-z][\w-]*,")
# A capitalised word right before and right after a quote (no sentence end between): the quote is inside a name
_NAME_WORD_BEFORE = re.compile(r"(?<![\w.’'-])[A-Z][a-z][\w’'-]*[ \t]$")
_NAME_WORD_AFTER = re.compile(r"[ \t][A-Z][a-z][\w’'-]*")
# A preposition right before a quote, perhaps with a network's possessive: "on", "on CBS'", "in NBC's"
_PROGRAMME_LEAD = re.compile(r"(?:^|\s)(?:[Oo]n|[Ii]n|at|to|from|via|of)(?:\s+[A-Z][\w&.-]*(?:['’]s|['’]))?$")
_AFTER_VERB = re.compile(r"\b(?:would|will|could|should|might|must|can|may|be|been|being|is|was|are|were)$")
# Words after a quote that open a clause or a phrase, not a noun the quote modifies
_NOT_NOUN_AFTER = frozenset("given despite amid unless although though whereas".split())


def _modifies_noun(text: str, end: int) -> bool:
    """Return True when a lower-case content word follows the quote: it modifies that noun."""
    am = re.match(r" ([a-z][\w-]*)", text[end:end + 30])
    return am is not None and am.group(1) not in FUNCTION_WORDS and am.group(1) not in _NOT_NOUN_AFTER


_MINOR_WORDS = frozenset("a an the of and or in on at to for with from by as".split())


def _title_case(words: list[str]) -> bool:
    """Return True when every word but the short function words is capitalised, as in a title."""
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR_WORDS for w in words)


# ---------------------------------------------------------------------------- extraction


def extract_quotes(text: str, sentences: list[tuple[int, int]], line_starts: list[int]) -> list[Quote]:
    """Return the quotes in `text` with speakers, each tied to the sentence that holds it."""
    from .turns import attribute_all

    spans = quote_spans(text)
    if not spans:
        return []
    found = attribute_all(_uncontracted(text), spans, sentences)
    quotes: list[Quote] = []
    sent_starts = [s for s, _ in sentences]
    for span, who in found:
        a, b = span.inner
        body = _body(text, span)
        if not body:
            continue
        seq = max(bisect_right(sent_starts, span.start) - 1, 0) if sentences else 0
        quotes.append(Quote(text=body, start=a, end=b, line=bisect_right(line_starts, span.start),
                            speaker=who.speaker, cue=who.cue, passage_seq=seq, span_start=span.start,
                            span_end=span.end, depth=span.depth, mention=who.mention,
                            mention_start=who.mention_span[0] if who.mention_span else None,
                            mention_end=who.mention_span[1] if who.mention_span else None,
                            how=who.how))
    return quotes


# "he'd said", "She's told reporters", "I'd asked": a pronoun with had/has/would run on to it.
# The match is the contraction alone, the pronoun a look-behind, and the leading look-ahead
# lets the regex engine skip to the next apostrophe at C speed: half the cost of matching
# from the pronoun (`\b(I|[Hh]e|…)['’](?:d|s|ve)\b`), the same contractions blanked.
_CONTRACTED = re.compile(r"(?=['’])(?:(?<=\bI)|(?<=\b[Hh]e)|(?<=\b[Ss]he)|(?<=\b[Ww]e)|(?<=\b[Tt]hey)|(?<=\b[Yy]ou))"
                         r"['’](?:d|s|ve)\b")


def _uncontracted(text: str) -> str:
    """Return `text` with the contraction after a pronoun blanked out, offsets kept: the cues
    then see "he said", and the subject is the pronoun, not a name "He'd"."""
    if "'" not in text and "’" not in text:
        return text
    return _CONTRACTED.sub(_blank, text)


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _body(text: str, span: Span) -> str:
    """Return the quoted words on one line, repeated paragraph-opening marks left out."""
    a, b = span.inner
    if span.reopens:
        parts, pos = [], a
        for r in span.reopens:
            parts.append(text[pos:r])
            pos = r + 1
        parts.append(text[pos:b])
        raw = " ".join(parts)
    else:
        raw = text[a:b]
    # split/join is the whitespace runs made one space, the ends trimmed: what strip(" ,") does to them anyway
    return " ".join(raw.split()).strip(" ,")
