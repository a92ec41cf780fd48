"""Speakers for quotes without a cue of their own, from the quotes around them.

Quotes that follow one another with nothing but an attribution between them form a chain.
Along a chain the speaker stays the same (`“…,” she said. “…”`) or changes: two quotes side
by side in one paragraph, an answer after a question, and (once a dialogue between two
people is under way) a new paragraph all change the turn; a monologue across paragraphs, as
news prints it, keeps its speaker. Where the anchors on either side disagree with the turns
between them, the turn after a sentence-ending attribution (`“…,” he said. “…”`) is the one
taken as wrong: a paragraph break may have been lost there. Anchors are the quotes with a cue (`attribution`); the
others take the anchor's speaker or the other participant's, who is known from another
anchor or from being addressed by name (“Oh, Tommy!”). Quotes outside any chain fall back
on the person whose action opens the sentence (`Tommy nodded. “Two months ago.”`), then on
the speaker of the quote just before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .attribution import Context, Cue, Who
from .cues import DET, NOUNISH, PRONOUN
from .nominals import HEAD_SET
from .quotes import Span, is_speech
from .speakers import NAME_RUN, given_gender, looks_like_person, name_key, same_person, split_name
from .subjects import Subject, classify, role_head

PREVIOUS_GAP = 640  # a cue-less quote this close after an attributed one, with narration between, takes its speaker
ACTION_BEAT_CHARS = 200  # the sentence before a cue-less quote names its speaker only if this close
NEAREST_CHARS = 600  # how far back the narration may have named a cue-less quote's speaker
OTHER_SPEAKER_CHARS = 3000  # a dialogue partner who last spoke this far back can still be the one answering

# Verbs that report what someone said (not "dismissed", "called"): the words may follow as a paragraph.
_REPORTING = frozenset("""said says told tells added adds wrote writes explained explains argued argues insisted
insists recalled recalls warned warns confirmed confirms stated states noted notes stressed stresses emphasised
emphasized urged urges announced announces claimed claims declared declares revealed reveals""".split())
_VOCATIVE = re.compile(
    rf"(?:^\W{{0,3}}(?:(?:Oh|O|Ah|Well|Yes|No|Why|Now|Look|Come|Hello|Hallo|Thanks|Thank you|Good night|"
    rf"Good morning|Good-bye|Goodbye|Dear|My dear|Please),?\s+)?(?P<a>{NAME_RUN.pattern})\s*[,!?]"
    rf"|,\s*(?P<b>{NAME_RUN.pattern})\s*[.!?,;—–-]"
    rf"|(?:^|,)\s*(?P<c>(?:my\s+|My\s+)?(?:dear|sir|madam|ma'am|uncle|aunt|mother|father|mamma|papa|mama|boy|lad|"
    rf"child|Uncle|Aunt|Mother|Father|Mamma|Papa|Mama|Sir|Madam)(?:\s+{NAME_RUN.pattern})?)\s*[.!?,;—–-])")


@dataclass
class _Item:
    span: Span
    cue: Cue | None
    who: Who | None = None


def attribute_all(text: str, spans: list[Span], sentences: list[tuple[int, int]]) -> list[tuple[Span, Who]]:
    """Return the spans that are speech, each with its attribution, in text order."""
    ctx = Context(text, spans, sentences)
    items: list[_Item] = []
    for span in spans:
        cue = ctx.find_cue(span)
        if is_speech(ctx, span, cue):
            items.append(_Item(span, cue))
    if not items:
        return []  # only titles and scare quotes: no speaker to find, so no people to index (1 document in 9)
    tops = [it for it in items if it.span.depth == 0]
    ctx.index_people([it.cue.subject.text for it in items
                      if it.cue is not None and it.cue.subject is not None and it.cue.subject.kind in ("name", "org")])
    ctx.narrator = _narrator_name(ctx, tops)
    prev: _Item | None = None
    for it in tops:
        if it.cue is not None and it.cue.subject is not None:
            # “Where do we lie?” “At Kingsbere,” he said: the answer's he is not the one who asked
            asked = prev.who.speaker if prev is not None and prev.who is not None and it.cue.subject.kind == "pron" \
                and _relation(ctx, prev, it) in ("change", "asked") else None
            it.who = ctx.who(it.cue, it.span, asked)
            if _key(it.who):
                ctx.spoken.append((it.span.start, it.who))
                if it.who.mention_span and it.who.mention != "I":  # a he/she never means the narrator
                    ctx.resolver.add_speaker(*it.who.mention_span, it.who.speaker)
        prev = it
    chains = _chains(ctx, tops)
    for chain, links in chains:
        _resolve_chain(ctx, chain, links)
    # a chain no cue reaches: guess its first quote's speaker, then let the turns follow
    last: _Item | None = None
    for chain, links in chains:
        head = chain[0]
        if not any(_key(it.who) for it in chain):
            answer = _vocative(ctx, chain[1].span) if len(chain) > 1 and links[0] == "change" else None
            if answer is not None and answer.speaker:
                head.who = answer  # “TOMMY, old thing!” “Tuppence, old bean!”: each speaks to the other
            else:
                _guess(ctx, head, last)
            _resolve_chain(ctx, chain, links)
        for it in chain:
            if not _key(it.who):
                _guess(ctx, it, last)
            if _key(it.who):
                last = it
    outer_speaker: str | None = None
    out: list[tuple[Span, Who]] = []
    for it in items:
        if it.span.depth == 0:
            outer_speaker = it.who.speaker if it.who else None
        elif it.cue is not None and it.cue.subject is not None:
            it.who = ctx.who(it.cue, it.span, outer_speaker)
        out.append((it.span, it.who or Who(cue=it.cue.verb if it.cue else None)))
    return out


def _narrator_name(ctx: Context, tops: list[_Item]) -> str | None:
    """Return the name the others call a first-person narrator: whom a quote addresses when "I" answers it.

    `“I think, Watson, that you have put on weight.” “Seven!” I answered.`: the narrator is
    Watson. The name must be given more often than any other.
    """
    counts: Counter[str] = Counter()
    for prev, it in zip(tops, tops[1:]):
        subj = it.cue.subject if it.cue is not None else None
        if subj is None or subj.text != "I" or _relation(ctx, prev, it) not in ("change", "asked"):
            continue
        voc = _vocative(ctx, prev.span, known=False)
        if voc is not None and voc.speaker:
            counts[voc.speaker] += 1
    best = counts.most_common(2)
    if not best or len(best) > 1 and best[1][1] == best[0][1]:
        return None
    return best[0][0]


# ---------------------------------------------------------------------------- chains


def _relation(ctx: Context, prev: _Item, cur: _Item) -> str:
    """Return how the turn goes from `prev` to `cur`: same, joined (one sentence), change, para (depends), or break."""
    text = ctx.text
    start = prev.span.end
    attributed = prev.cue is not None and prev.cue.end > start
    if attributed:
        start = prev.cue.end  # type: ignore[union-attr]
    rest = text[start:cur.span.start]
    if re.search(r"[^\W\d_]", rest):
        inner = text[prev.span.inner[0]:prev.span.inner[1]].rstrip()
        if not attributed and len(rest.split()) <= 4 and not re.search(r"[.!?;:\n]", rest) \
                and not inner.endswith((".", "!", "?", ",")):
            return "joined"  # “…” inside the country “…”, too, says Rhoads: one sentence, a few words between
        return "break"  # narration between the two quotes
    asked = bool(re.search(r"\?\W*$", text[prev.span.inner[0]:prev.span.inner[1]]))
    new_para = ctx.para_bounds(prev.span.start)[0] != ctx.para_bounds(cur.span.start)[0]
    ended = attributed and text[max(prev.span.end, start - 8):start].rstrip()[-1:] in (".", "!", "?")
    if attributed and not ended and not new_para:
        return "same"  # `“…,” she said, “…”`, `“Why?” he asked; “…”`: one sentence goes on
    if asked and attributed and not new_para and len(ctx.paras) > 1:
        return "same"  # `“…?” she asked. “…”` in one paragraph of a text that has paragraphs: she goes on
    if asked:
        # an answer; after `“…?” he asked.` a paragraph break may have been lost, or not
        return "asked" if attributed else "change"
    if new_para:
        return "para"
    if attributed:
        return "said"  # `“…,” she said. “…”`: the same speaker, unless a paragraph break was lost there
    return "change"  # two quotes side by side: two speakers (a lost paragraph break)


def _key(who: Who | None) -> str | None:
    if who is None:
        return None
    return (who.speaker or who.mention or "").lower() or None


def _chains(ctx: Context, tops: list[_Item]) -> list[tuple[list[_Item], list[str]]]:
    """Return the chains of quotes with the turn relation between neighbours."""
    chains: list[tuple[list[_Item], list[str]]] = []
    chain: list[_Item] = []
    links: list[str] = []
    for it in tops:
        if chain:
            rel = _relation(ctx, chain[-1], it)
            if rel == "break":
                chains.append((chain, links))
                chain, links = [], []
            else:
                links.append(rel)
        chain.append(it)
    if chain:
        chains.append((chain, links))
    return chains


def _resolve_chain(ctx: Context, chain: list[_Item], links: list[str]) -> None:
    anchors = [i for i, it in enumerate(chain) if _key(it.who)]
    if len(chain) < 2 or not anchors:
        return
    keys = {_key(chain[i].who) for i in anchors}
    dialogue = len(keys) >= 2
    changes = [rel in ("change", "asked") or (rel == "para" and dialogue) for rel in links]
    _reconcile(chain, anchors, links, changes)
    # turn[i]: parity of speaker changes from the chain's start
    turn = [0]
    for changed in changes:
        turn.append(turn[-1] ^ int(changed))
    _settle_pronouns(ctx, chain, anchors, turn)
    for i, it in enumerate(chain):
        if it.who is not None and _key(it.who):
            continue
        before = [j for j in anchors if j < i]
        after = [j for j in anchors if j > i]
        j = before[-1] if before else after[0]
        if before and after and after[0] - i < i - before[-1]:
            j = after[0]  # the nearer anchor: fewer turns that can be wrong between
        if after and all(rel == "joined" for rel in links[i:after[0]]):
            j = after[0]  # the same sentence goes on to the cue: its speaker, not an earlier one's
        anchor = chain[j].who
        assert anchor is not None
        if turn[i] == turn[j]:
            how = "continuation" if all(not c for c in changes[min(i, j):max(i, j)]) else "alternation"
            it.who = _copy(anchor, how, it.who)
            other = _other(ctx, chain, anchors, turn, i, anchor)
            if other is not None and _addressed(ctx, it, it.who):
                it.who = _copy(other, "alternation", it.who)
        else:
            # the one the previous quote spoke to answers: “Isn't it strange, mamma?” “Strange!…”
            voc = _vocative(ctx, chain[i - 1].span) if i > 0 and changes[i - 1] else None
            other = voc if voc is not None and _key(voc) != _key(chain[i - 1].who) else \
                _other(ctx, chain, anchors, turn, i, anchor)
            if other is not None and _addressed(ctx, it, other):
                it.who = _copy(anchor, "alternation", it.who)  # it speaks to the other: the anchor's turn
            elif other is not None:
                it.who = _copy(other, "alternation" if other is not voc else "addressed", it.who)


def _reconcile(chain: list[_Item], anchors: list[int], links: list[str], changes: list[bool]) -> None:
    """Make the turns agree with the anchors where an attribution ends its sentence.

    Between two anchors the number of speaker changes is even for one speaker and odd for two.
    When it is not, a link is wrong; the weak ones follow a sentence-ending attribution
    (`“…,” he said. “…”`, `“…?” he asked. “…”`), where a paragraph break may or may not have
    been lost (fiction starts a paragraph for each new speaker): the first of them flips.
    """
    for a, b in zip(anchors, anchors[1:]):
        if not (_named(chain[a]) and _named(chain[b])):
            continue  # a "he said" or "the man said" may be the one that is wrong
        flips = sum(changes[a:b]) % 2
        same = _same_speaker(chain[a].who, chain[b].who)  # type: ignore[arg-type]
        if flips == int(not same):
            continue
        weak = [k for k in range(a, b) if links[k] in ("said", "asked")]
        if weak:
            changes[weak[0]] = not changes[weak[0]]


def _settle_pronouns(ctx: Context, chain: list[_Item], anchors: list[int], turn: list[int]) -> None:
    """Give a "he said" in a dialogue the person the turns make it, when that person can be a he.

    The pronoun may mean either of two men talking; the nearest anchor that names its speaker
    says which one has this turn: the same person on the same turn, else the other one.
    """
    named = [k for k in anchors if _named(chain[k])]
    if not named:
        return
    for i in anchors:
        it = chain[i]
        subj = it.cue.subject if it.cue is not None else None
        if subj is None or subj.kind != "pron" or subj.text.lower() not in ("he", "she") or it.who is None:
            continue
        k = min(named, key=lambda k: abs(k - i))
        ref = chain[k].who
        assert ref is not None
        gender = "m" if subj.text.lower() == "he" else "f"
        if turn[i] == turn[k]:
            want: str | None = ref.speaker
        elif _same_speaker(it.who, ref):
            want = _other_of_gender(ctx, chain, anchors, ref, gender)
        else:
            continue
        if want and want != it.who.speaker and _can_be(ctx, want, gender):
            it.who = replace(it.who, speaker=want)


def _other_of_gender(ctx: Context, chain: list[_Item], anchors: list[int], ref: Who, gender: str) -> str | None:
    """Return a named speaker who can be of `gender`, other than `ref`: in the chain, else the last one before it."""
    for j in anchors:
        who = chain[j].who
        if who is not None and who.speaker and not _same_speaker(who, ref) and _can_be(ctx, who.speaker, gender):
            return who.speaker
    first = chain[0].span.start
    for at, spoke in reversed(ctx.spoken):
        if first - at > OTHER_SPEAKER_CHARS:
            break
        if at < first and spoke.speaker and not _same_speaker(spoke, ref) and _can_be(ctx, spoke.speaker, gender):
            return spoke.speaker
    return None


def _can_be(ctx: Context, name: str, gender: str) -> bool:
    """Return True when a he/she of `gender` can mean `name`: that gender, or a person of unknown gender ("the parson")."""
    known = ctx.resolver.gender(name)
    if known:
        return known == gender
    words = name.split()
    return words[0].lower() in ("the", "a", "an") and words[-1].lower() in HEAD_SET


def _named(it: _Item) -> bool:
    """Return True when a cue names the quote's speaker outright: a name, or the narrator's "I"."""
    subj = it.cue.subject if it.cue is not None else None
    return subj is not None and (subj.kind == "name" or subj.text == "I")


def _other(ctx: Context, chain: list[_Item], anchors: list[int], turn: list[int], i: int, anchor: Who) -> Who | None:
    """Return the other participant of a dialogue, seen from quote `i`, else None."""
    key = _key(anchor)
    mine = turn[i]
    for j in sorted(anchors, key=lambda j: abs(j - i)):
        who = chain[j].who
        if _key(who) != key and turn[j] == mine:
            return who
    for j in sorted(anchors, key=lambda j: abs(j - i)):
        who = chain[j].who
        if _key(who) != key:
            return who
    # someone addressed by a quote of the anchor's turn is the one who answers
    for j in sorted(range(len(chain)), key=lambda j: abs(j - i)):
        if turn[j] != mine:
            voc = _vocative(ctx, chain[j].span)
            if voc is not None:
                return voc
    # else the last other person who spoke before this chain
    first = chain[0].span.start
    for at, spoke in reversed(ctx.spoken):
        if at < first and _key(spoke) != key and first - at <= OTHER_SPEAKER_CHARS:
            return spoke
    return None


def _addressed(ctx: Context, it: _Item, who: Who | None) -> bool:
    """Return True when the quote speaks to the person it was about to be given to (“Oh, Tommy!”)."""
    voc = _vocative(ctx, it.span)
    return voc is not None and who is not None and _same_speaker(voc, who)


def _same_speaker(a: Who, b: Who) -> bool:
    """Return True when two attributions name one person ("Beatrice" and "Beatrice O'Hara")."""
    if _key(a) == _key(b):
        return True
    if not a.speaker or not b.speaker:
        return False
    ta, tb = name_key(a.speaker)[0], name_key(b.speaker)[0]
    short, long = sorted((ta, tb), key=len)
    return same_person(a.speaker, b.speaker) or bool(short) and len(short) < len(long) and short == long[:len(short)]


def _vocative(ctx: Context, span: Span, known: bool = True) -> Who | None:
    """Return the person a quote addresses by name (“Oh, Tommy!”, “I'm not well, Florence.”).

    With `known` the name must be a person the narration names or a given name.
    """
    a, b = span.inner
    inner = ctx.text[a:b]
    for m in _VOCATIVE.finditer(inner):
        group = next(g for g in ("a", "b", "c") if m.group(g))
        raw = m.group(group)
        start = a + m.start(group)
        if group == "c":
            return Who(None, None, raw, (start, start + len(raw)), "addressed")
        _, tokens, _ = split_name(raw)
        if tokens and looks_like_person(tokens) and (not known or ctx.people.is_person(" ".join(tokens))
                                                     or given_gender(tokens[0])):
            name = " ".join(tokens)
            at = a + inner.find(tokens[0], m.start(group))
            return Who(ctx.people.canonical(name) or name, None, name, (at, at + len(name)), "addressed")
    return None


def _copy(src: Who, how: str, current: Who | None) -> Who:
    """Return `src`'s speaker for another quote; a continuation keeps the cue it continues."""
    cue = current.cue if current is not None and current.cue else (src.cue if how == "continuation" else None)
    return replace(src, how=how, cue=cue)


# ---------------------------------------------------------------------------- fallbacks


def _guess(ctx: Context, it: _Item, last: _Item | None) -> None:
    """Attribute a quote nothing else reaches: an action beat, the last speaker, the nearest person."""
    cue = it.who.cue if it.who else None
    beat = _action_beat(ctx, it.span) or _reported(ctx, it.span)
    if beat is not None:
        it.who = replace(beat, cue=cue or beat.cue)
    elif last is not None and last.who is not None and it.span.start - last.span.end <= PREVIOUS_GAP:
        it.who = _copy(last.who, "previous", it.who)
    else:
        near = _nearest(ctx, it.span)
        if near is not None:
            it.who = replace(near, cue=cue)
    if it.who is not None and _addressed(ctx, it, it.who):
        it.who = Who(cue=cue)


def _reported(ctx: Context, span: Span) -> Who | None:
    """Return whom the paragraph before a quote that opens its own paragraph reports as saying something.

    News runs `Mamabolo confirmed that … .` and then the words themselves as the next paragraph.
    """
    p_start, _ = ctx.para_bounds(span.start)
    if p_start == 0 or ctx.text[p_start:span.start].strip():
        return None
    i = ctx.sentence_index(p_start - 1)
    s_start = max(ctx.sentences[i][0] if i >= 0 else 0, ctx.para_bounds(p_start - 1)[0])
    prev = ctx.prev_top(span)
    if prev is not None and prev.end > s_start:
        return None  # the paragraph before holds a quote: the turn rules decide
    cue = ctx.cue_in(ctx.text[s_start:p_start].rstrip(), s_start)
    if cue is None or cue.subject is None or cue.verb not in _REPORTING:
        return None
    who = ctx.who(cue, span)
    return replace(who, how="reported") if who.speaker else None


_PERSON_WORD = re.compile(rf"{NAME_RUN.pattern}|\b(?:he|she|He|She|I)\b")


def _nearest(ctx: Context, span: Span) -> Who | None:
    """Return the person the narration named last before the quote (outside quotes), if close."""
    text = ctx.text
    lo = max(ctx.para_bounds(span.start)[0], span.start - NEAREST_CHARS)
    window = text[lo:span.start]
    found: Who | None = None
    for m in _PERSON_WORD.finditer(window):
        at = lo + m.start()
        if ctx.inside_top(at):
            continue
        raw = m.group(0)
        if raw.lower() in ("he", "she", "i"):
            subj = Subject("pron", raw, at, at + len(raw))
        else:
            _, tokens, _ = split_name(raw)
            if not tokens or not ctx.people.is_person(" ".join(tokens)):
                continue
            at = lo + window.find(tokens[0], m.start())
            subj = Subject("name", " ".join(tokens), at, at + len(" ".join(tokens)))
        found = Who(ctx.name_of(subj, span), None, subj.text, (subj.start, subj.end), "nearest")
    return found


_BEAT = re.compile(
    rf"\s*(?:(?:Then|And|But|So|Now|Here|At last|Finally|Presently|Suddenly),?\s+)?"
    # a place or time before the subject: "In the hall the doctor stopped."
    rf"(?:(?:In|At|On|From|Across|Through|Near|Outside|Inside|Behind|Beside|Under|By|After|Before|During)\s+"
    rf"(?:the|a|an|his|her|their|this|that)\s+(?:[a-z]+\s+)?[a-z]+,?\s+)?"
    rf"(?P<subj>{DET}\s+(?:{NOUNISH}\s+){{0,2}}?{NOUNISH}|{NAME_RUN.pattern}|{PRONOUN}\b)"
    rf"(?:\s*,[^,]{{1,60}},)?\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")
_BEAT_PRONOUN = re.compile(r"(?:^\W*|[,;]\s+|\b(?:[Aa]s|[Ww]hen|[Ww]hile|[Tt]hen|and|but)\s+)(?P<p>[Hh]e|[Ss]he)\s+"
                           r"(?:[a-z]+ly\s+)?[a-z]{2,}")
_PERSON_NOUN = re.compile(r"\b(?:man|woman|boy|girl|lady|gentleman|fellow|doctor|nurse|captain|child|voice|stranger)\b")


def _action_beat(ctx: Context, span: Span) -> Who | None:
    """Return the person whose action opens the sentence holding (or just before) the quote."""
    text = ctx.text
    p_start, _ = ctx.para_bounds(span.start)
    i = ctx.sentence_index(span.start)
    s_start = ctx.sentences[i][0] if i >= 0 else p_start
    lead_at = max(s_start, p_start)
    lead = text[lead_at:span.start]
    if not lead.strip(" \t\n“\"‘'—–-("):
        if i >= 0 and ctx.sentences[i][0] >= span.start - 2:
            i -= 1
        if i < 0:
            return None
        s_start, s_end = ctx.sentences[i]
        if s_start < p_start or span.start - s_end > ACTION_BEAT_CHARS:
            return None
        prev = ctx.prev_top(span)
        if prev is not None and prev.end > s_start:
            return None
        lead_at, lead = s_start, text[s_start:s_end]
    m = _BEAT.match(lead)
    subj = classify(m.group("subj"), lead_at + m.start("subj")) if m else None
    if subj is not None and subj.kind == "pron" and subj.text.lower() not in ("he", "she", "i"):
        return None
    if subj is not None and subj.kind == "name" and " " not in subj.text and not ctx.people.is_person(subj.text) \
            and not given_gender(subj.text):
        subj = None  # "Altogether there was …", "Immediately she …": a capitalised word opening the sentence
    if subj is None or subj.kind == "np" and not role_head(subj.text) and not _PERSON_NOUN.search(subj.text):
        # "As the lad stood there, Durbeyfield put his hand in his pocket": the main clause's subject
        c = ctx.resolver.main_subject(lead_at, lead_at + len(lead))
        if c is not None:
            return Who(c.canon, None, text[c.start:c.end], (c.start, c.end), "action")
        pm = _BEAT_PRONOUN.search(lead)
        if pm is None:
            return None
        # "Then as he faced us again: “…”": the he/she who acts
        subj = Subject("pron", pm.group("p"), lead_at + pm.start("p"), lead_at + pm.end("p"))
    return Who(ctx.name_of(subj, span), None, subj.text, (subj.start, subj.end), "action")


__all__ = ["attribute_all", "Subject"]
