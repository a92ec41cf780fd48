"""Turn-taking along a run of quotes: who speaks each one in a dialogue.

Quotes that follow one another with nothing but an attribution between them form a chain.
Along a chain the speaker stays the same (`“…,” she said. “…”`) or changes: two quotes side
by side in one paragraph, an answer after a question, and (once a dialogue between two
people is under way) a new paragraph all change the turn; a monologue across paragraphs, as
news prints it, keeps its speaker. Anchors are the quotes with a cue (`attribution`); the
others take the speaker of the nearer anchor or the other participant's, who is known from
another anchor or from being addressed by name (“Oh, Tommy!”). Where two anchors that name
their speakers disagree with the turns between them, the turn after a sentence-ending
attribution (`“…,” he said. “…”`) is the one taken as wrong: a paragraph break may have been
lost there; a "he said" the turns contradict is the other participant. A first-person
narrator's "I" goes by the name the others call them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .attribution import Context, Cue, Who
from .nominals import HEAD_SET
from .quotes import Span
from .speakers import NAME_RUN, given_gender, looks_like_person, name_key, same_person, split_name

OTHER_SPEAKER_CHARS = 3000  # a dialogue partner who last spoke this far back can still be the one answering

_VOCATIVE = re.compile(
    rf"(?:^\W{{0,3}}(?:(?:Oh|O|Ah|Well|Yes|No|Why|Now|Look|Come|Hello|Hallo|Thanks|Thank you|Good night|"
    rf"Good morning|Good-bye|Goodbye|Dear|My dear|Please),?\s+)?(?P<a>{NAME_RUN.pattern})\s*[,!?]"
    rf"|,\s*(?P<b>{NAME_RUN.pattern})\s*[.!?,;—–-]"
    rf"|(?:^|,)\s*(?P<c>(?:my\s+|My\s+)?(?:dear|sir|madam|ma'am|uncle|aunt|mother|father|mamma|papa|mama|boy|lad|"
    rf"child|Uncle|Aunt|Mother|Father|Mamma|Papa|Mama|Sir|Madam)(?:\s+{NAME_RUN.pattern})?)\s*[.!?,;—–-])")


@dataclass
class Item:
    """A quote that is speech, its cue, and (once found) its attribution."""

    span: Span
    cue: Cue | None
    who: Who | None = None


def narrator_name(ctx: Context, tops: list[Item]) -> str | None:
    """Return the name the others call a first-person narrator: whom a quote addresses when "I" answers it.

    `“I think, Watson, that you have put on weight.” “Seven!” I answered.`: the narrator is
    Watson. The name must be given more often than any other.
    """
    counts: Counter[str] = Counter()
    for prev, it in zip(tops, tops[1:]):
        subj = it.cue.subject if it.cue is not None else None
        if subj is None or subj.text != "I" or relation(ctx, prev, it) not in ("change", "asked"):
            continue
        voc = vocative(ctx, prev.span, known=False)
        if voc is not None and voc.speaker:
            counts[voc.speaker] += 1
    best = counts.most_common(2)
    if not best or len(best) > 1 and best[1][1] == best[0][1]:
        return None
    return best[0][0]


# ---------------------------------------------------------------------------- chains


def relation(ctx: Context, prev: Item, cur: Item) -> str:
    """Return how the turn goes from `prev` to `cur`: same, joined (one sentence), change, para (depends), or break."""
    text = ctx.text
    start = prev.span.end
    attributed = prev.cue is not None and prev.cue.end > start
    if attributed:
        start = prev.cue.end  # type: ignore[union-attr]
    # a quoted span between two speech quotes is a title, not narration: `“…,” Graham said on “Fox News Sunday.” “…”`
    rest = _QUOTED_NAME.sub(" ", text[start:cur.span.start])
    if re.search(r"[^\W\d_]", rest):
        inner = text[prev.span.inner[0]:prev.span.inner[1]].rstrip()
        if not attributed and len(rest.split()) <= 4 and not re.search(r"[.!?;:\n]", rest) \
                and not inner.endswith((".", "!", "?", ",")):
            return "joined"  # “…” inside the country “…”, too, says Rhoads: one sentence, a few words between
        return "break"  # narration between the two quotes
    asked = bool(re.search(r"\?\W*$", text[prev.span.inner[0]:prev.span.inner[1]]))
    new_para = ctx.para_bounds(prev.span.start)[0] != ctx.para_bounds(cur.span.start)[0]
    ended = attributed and text[max(prev.span.end, start - 8):start].rstrip()[-1:] in (".", "!", "?")
    if attributed and not new_para and _TO_ONESELF.search(text, prev.span.end, start):
        return "same"  # `“Is the girl mad?” he muttered to himself. “…”`: nobody was asked; he goes on
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


_QUOTED_NAME = re.compile(r"[“\"][^“”\"\n]{1,80}[”\"]")
_TO_ONESELF = re.compile(r"\bto\s+(?:him|her|my|your|them|our)sel(?:f|ves)\b")


def speaker_key(who: Who | None) -> str | None:
    """Return what tells two attributions' speakers apart: the name, else the mention, lower-cased."""
    if who is None:
        return None
    return (who.speaker or who.mention or "").lower() or None


def find_chains(ctx: Context, tops: list[Item]) -> list[tuple[list[Item], list[str]]]:
    """Return the chains of quotes with the turn relation between neighbours."""
    chains: list[tuple[list[Item], list[str]]] = []
    chain: list[Item] = []
    links: list[str] = []
    for it in tops:
        if chain:
            rel = relation(ctx, chain[-1], it)
            if rel == "break":
                chains.append((chain, links))
                chain, links = [], []
            else:
                links.append(rel)
        chain.append(it)
    if chain:
        chains.append((chain, links))
    return chains


def resolve_chain(ctx: Context, chain: list[Item], links: list[str]) -> None:
    """Attribute the chain's cue-less quotes from its anchors and the turns between them."""
    anchors = [i for i, it in enumerate(chain) if speaker_key(it.who)]
    if len(chain) < 2 or not anchors:
        return
    keys = {speaker_key(chain[i].who) for i in anchors}
    dialogue = len(keys) >= 2
    changes = [rel in ("change", "asked") or (rel == "para" and dialogue) for rel in links]
    _reconcile(chain, anchors, links, changes)
    # turn[i]: parity of speaker changes from the chain's start
    turn = [0]
    for changed in changes:
        turn.append(turn[-1] ^ int(changed))
    _settle_pronouns(ctx, chain, anchors, turn)
    for i, it in enumerate(chain):
        if it.who is not None and speaker_key(it.who):
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
            it.who = copy_who(anchor, how, it.who)
            other = _other(ctx, chain, anchors, turn, i, anchor)
            if other is not None and addressed(ctx, it, it.who):
                it.who = copy_who(other, "alternation", it.who)
        else:
            # the one the previous quote spoke to answers: “Isn't it strange, mamma?” “Strange!…”
            voc = vocative(ctx, chain[i - 1].span) if i > 0 and changes[i - 1] else None
            other = voc if voc is not None and speaker_key(voc) != speaker_key(chain[i - 1].who) else \
                _other(ctx, chain, anchors, turn, i, anchor)
            if other is not None and addressed(ctx, it, other):
                it.who = copy_who(anchor, "alternation", it.who)  # it speaks to the other: the anchor's turn
            elif other is not None:
                it.who = copy_who(other, "alternation" if other is not voc else "addressed", it.who)


def _reconcile(chain: list[Item], anchors: list[int], links: list[str], changes: list[bool]) -> None:
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


def _settle_pronouns(ctx: Context, chain: list[Item], anchors: list[int], turn: list[int]) -> None:
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


def _other_of_gender(ctx: Context, chain: list[Item], anchors: list[int], ref: Who, gender: str) -> str | None:
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


def _named(it: Item) -> bool:
    """Return True when a cue names the quote's speaker outright: a name, or the narrator's "I"."""
    subj = it.cue.subject if it.cue is not None else None
    return subj is not None and (subj.kind == "name" or subj.text == "I")


def _other(ctx: Context, chain: list[Item], anchors: list[int], turn: list[int], i: int, anchor: Who) -> Who | None:
    """Return the other participant of a dialogue, seen from quote `i`, else None."""
    key = speaker_key(anchor)
    mine = turn[i]
    for j in sorted(anchors, key=lambda j: abs(j - i)):
        who = chain[j].who
        if speaker_key(who) != key and turn[j] == mine:
            return who
    for j in sorted(anchors, key=lambda j: abs(j - i)):
        who = chain[j].who
        if speaker_key(who) != key:
            return who
    # someone addressed by a quote of the anchor's turn is the one who answers
    for j in sorted(range(len(chain)), key=lambda j: abs(j - i)):
        if turn[j] != mine:
            voc = vocative(ctx, chain[j].span)
            if voc is not None:
                return voc
    # else the last other person who spoke before this chain
    first = chain[0].span.start
    for at, spoke in reversed(ctx.spoken):
        if at < first and speaker_key(spoke) != key and first - at <= OTHER_SPEAKER_CHARS:
            return spoke
    return None


def addressed(ctx: Context, it: Item, who: Who | None) -> bool:
    """Return True when the quote speaks to the person it was about to be given to (“Oh, Tommy!”)."""
    voc = vocative(ctx, it.span)
    return voc is not None and who is not None and _same_speaker(voc, who)


def _same_speaker(a: Who, b: Who) -> bool:
    """Return True when two attributions name one person ("Beatrice" and "Beatrice O'Hara")."""
    if speaker_key(a) == speaker_key(b):
        return True
    if not a.speaker or not b.speaker:
        return False
    ta, tb = name_key(a.speaker)[0], name_key(b.speaker)[0]
    short, long = sorted((ta, tb), key=len)
    return same_person(a.speaker, b.speaker) or bool(short) and len(short) < len(long) and short == long[:len(short)]


def vocative(ctx: Context, span: Span, known: bool = True) -> Who | None:
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


def copy_who(src: Who, how: str, current: Who | None) -> Who:
    """Return `src`'s speaker for another quote; a continuation keeps the cue it continues."""
    cue = current.cue if current is not None and current.cue else (src.cue if how == "continuation" else None)
    return replace(src, how=how, cue=cue)
