"""Speakers for quotes without a cue of their own, from the quotes around them.

The turns along a run of dialogue are `dialogue`'s; this module runs the stages. Quotes no
chain reaches fall back on the person whose action opens the sentence (`Tommy nodded. “Two
months ago.”`), then on the speaker of the quote just before, then on the person the
narration named last.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import Context, Who
from .cues import DET, NOUNISH, PRONOUN
from .dialogue import (
    Item,
    addressed,
    copy_who,
    find_chains,
    narrator_name,
    relation,
    resolve_chain,
    speaker_key,
    vocative,
)
from .names import ORG_WORDS, is_place_or_nationality
from .quotes import Span, is_speech
from .speakers import NAME_RUN, given_gender, split_name
from .subjects import Subject, classify, role_head

PREVIOUS_GAP = 640  # a cue-less quote this close after an attributed one, with narration between, takes its speaker
ACTION_BEAT_CHARS = 200  # the sentence before a cue-less quote names its speaker only if this close
NEAREST_CHARS = 600  # how far back the narration may have named a cue-less quote's speaker

# Verbs that report what someone said (not "dismissed", "called"): the words may follow as a paragraph.
_REPORTING = frozenset("""said says told tells added adds wrote writes explained explains argued argues insisted
insists recalled recalls warned warns confirmed confirms stated states noted notes stressed stresses emphasised
emphasized urged urges announced announces claimed claims declared declares revealed reveals
saying claiming adding insisting arguing explaining warning stating noting""".split())
# (the participles: "Burton's mother disputes the report, claiming that her daughter …" and then the words)


def attribute_all(text: str, spans: list[Span], sentences: list[tuple[int, int]]) -> list[tuple[Span, Who]]:
    """Return the spans that are speech, each with its attribution, in text order."""
    ctx = Context(text, spans, sentences)
    items: list[Item] = []
    for span in spans:
        cue = ctx.find_cue(span)
        if is_speech(ctx, span, cue):
            items.append(Item(span, cue))
    if not items:
        return []  # only titles and scare quotes: no speaker to find, so no people to index (1 document in 9)
    tops = [it for it in items if it.span.depth == 0]
    ctx.index_people([it.cue.subject.text for it in items
                      if it.cue is not None and it.cue.subject is not None and it.cue.subject.kind in ("name", "org")])
    ctx.narrator = narrator_name(ctx, tops)
    prev: Item | None = None
    for it in tops:
        if it.cue is not None and it.cue.subject is not None:
            # “Where do we lie?” “At Kingsbere,” he said: the answer's he is not the one who asked
            asked = prev.who.speaker if prev is not None and prev.who is not None and it.cue.subject.kind == "pron" \
                and relation(ctx, prev, it) in ("change", "asked") else None
            it.who = _self_named(ctx, it.span, ctx.who(it.cue, it.span, asked))
            if speaker_key(it.who):
                ctx.spoken.append((it.span.start, it.who))
                if it.who.mention_span and it.who.mention != "I":  # a he/she never means the narrator
                    ctx.resolver.add_speaker(*it.who.mention_span, it.who.speaker)
        prev = it
    chains = find_chains(ctx, tops)
    for chain, links in chains:
        resolve_chain(ctx, chain, links)
    # a chain no cue reaches: guess its first quote's speaker, then let the turns follow
    last: Item | None = None
    for chain, links in chains:
        head = chain[0]
        if not any(speaker_key(it.who) for it in chain):
            answer = vocative(ctx, chain[1].span) if len(chain) > 1 and links[0] == "change" else None
            if answer is not None and answer.speaker:
                head.who = answer  # “TOMMY, old thing!” “Tuppence, old bean!”: each speaks to the other
            else:
                _guess(ctx, head, last)
            resolve_chain(ctx, chain, links)
        for it in chain:
            if not speaker_key(it.who):
                _guess(ctx, it, last)
            if speaker_key(it.who):
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


# "My name is Luke Somers. I'm 33 years old": the words of the one they name.
_SELF_NAMED = re.compile(rf"\W{{0,2}}[Mm]y\s+name\s+is\s+(?P<name>{NAME_RUN.pattern})")
_PRONOUNS = frozenset(("he", "she", "they", "it", "i", "we", "you"))


def _self_named(ctx: Context, span: Span, who: Who) -> Who:
    """Return `who`, or the person a quote opening "My name is …" names when its cue named no one
    but a pronoun ("He said: “My name is Luke Somers …”" after a paragraph about two men)."""
    a, b = span.inner
    m = _SELF_NAMED.match(ctx.text, a, b)
    if m is None or who.mention is not None and who.mention.lower() not in _PRONOUNS:
        return who
    name = " ".join(split_name(m.group("name"))[1])
    return replace(who, speaker=name, how="self-named") if name else who


# ---------------------------------------------------------------------------- fallbacks


def _guess(ctx: Context, it: Item, last: Item | None) -> None:
    """Attribute a quote nothing else reaches: an action beat, the last speaker, the nearest person."""
    cue = it.who.cue if it.who else None
    beat = _action_beat(ctx, it.span) or _reported(ctx, it.span)
    if beat is not None:
        it.who = replace(beat, cue=cue or beat.cue)
    elif last is not None and last.who is not None and it.span.start - last.span.end <= PREVIOUS_GAP:
        it.who = copy_who(last.who, "previous", it.who)
    else:
        near = _nearest(ctx, it.span)
        if near is not None:
            it.who = replace(near, cue=cue)
    if it.who is not None and addressed(ctx, it, it.who):
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
# The narrator watching someone: "I can see Douglas there", "I saw the old man turn"
_SEEN = re.compile(rf"\s+(?:can\s+|could\s+)?(?:see|saw|watched|heard|noticed|observed)\s+"
                   rf"(?P<who>{DET}\s+(?:{NOUNISH}\s+){{0,2}}?{NOUNISH}|{NAME_RUN.pattern})")
_PERSON_NOUN = re.compile(r"\b(?:man|woman|boy|girl|lady|gentleman|fellow|doctor|nurse|captain|child|voice|stranger)\b")


_PLACE_HEADS = frozenset("""area zone city county state province district island islands coast valley bay
    region border capital street avenue road square park lake river sea ocean mountain mountains""".split())


def _org_or_place(name: str) -> bool:
    """Return True when a capitalised run names an organisation or a place ("Bay Area", "Kyiv")."""
    tokens = name.lower().replace("’", "'").split()
    return tokens[-1] in ORG_WORDS or is_place_or_nationality(tokens)


def _place(name: str) -> bool:
    """Return True when a capitalised run names a place ("Bay Area", "Kyiv", "Oklahoma City")."""
    tokens = name.lower().replace("’", "'").split()
    return tokens[-1] in _PLACE_HEADS or is_place_or_nationality(tokens)


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
    if subj is not None and subj.text == "I":
        seen = _SEEN.match(lead, m.end("subj")) if m else None
        other = classify(seen.group("who"), lead_at + seen.start("who")) if seen else None
        if other is not None and other.kind in ("name", "np") and (other.kind == "np" or ctx.people.is_person(other.text)):
            subj = other  # "I can see Douglas there before the fire. “…”": the one the narrator watches acts
    if subj is not None and subj.kind == "name" and not ctx.people.is_person(subj.text) \
            and not given_gender(subj.text) and (" " not in subj.text or _org_or_place(subj.text)):
        # "Altogether there was …", "Immediately she …": a capitalised word opening the sentence
        subj = None
    if subj is not None and subj.kind in ("name", "org") and _place(subj.text):
        subj = None  # "Another Bay Area child dead from fentanyl. ‘…’": a place does not act a quote
    if subj is None or subj.kind == "np" and not role_head(subj.text) and not _PERSON_NOUN.search(subj.text):
        # "As the lad stood there, Durbeyfield put his hand in his pocket": the main clause's subject
        c = ctx.resolver.main_subject(lead_at, lead_at + len(lead))
        if c is not None and not _place(c.canon):
            named = _apposed_name(text, c.end)
            if named is not None:
                return Who(ctx.name_of(named, span), None, named.text, (named.start, named.end), "action")
            return Who(c.canon, None, text[c.start:c.end], (c.start, c.end), "action")
        pm = _BEAT_PRONOUN.search(lead)
        if pm is None:
            return None
        # "Then as he faced us again: “…”": the he/she who acts
        subj = Subject("pron", pm.group("p"), lead_at + pm.start("p"), lead_at + pm.end("p"))
    if subj.kind in ("np", "name"):
        subj = _apposed_name(text, subj.end) or subj
    return Who(ctx.name_of(subj, span), None, subj.text, (subj.start, subj.end), "action")


# After a description ("Foley’s mother", or "Mr. Foley" + "’s mother"): the name set off by commas
_APPOSED_NAME = re.compile(rf"(?:['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)?,\s+(?P<name>{NAME_RUN.pattern}),\s+[a-z]")


def _apposed_name(text: str, end: int) -> Subject | None:
    """Return the person a description ending at `end` names in an appositive ("Mr. Foley’s
    mother, Diane Foley, issued a statement …: “…”": Diane Foley), else None."""
    am = _APPOSED_NAME.match(text, end)
    named = classify(am.group("name"), am.start("name")) if am else None
    return named if named is not None and named.kind == "name" else None


__all__ = ["attribute_all", "Subject"]
