"""The subject of a speech cue: a name, an organisation, a pronoun or a noun phrase.

`subject_before_verb` reads the words before a cue verb (`…,” Kremlin spokesman Dmitry Peskov
told`, `Tom Brown, the chief executive of Acme, said`), `subject_after_verb` those after an
inverted one (`said Bank of Canada Governor Tiff Macklem`, `said one resident, who …`), and
`classify` tells a name from a noun phrase ("the Kremlin spokesman", "a spokesperson for Apple",
"TNO's report", "police"); `according_subject` reads "according to …" and `coordinated_subject`
the main clause's subject of a coordinated cue verb ("Tom looked up, and said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import DET, NOUNISH, PRONOUN, cut_at_sentence_end
from .names import ORG_WORDS, PLACES, QUALIFIERS, is_place_or_nationality, norm, person_tail
from .speakers import NAME_RUN, NOT_NAME, ROLE_WORDS, looks_like_person, split_name

# Auxiliaries and adverbs between a subject and its cue: "he's going to", "Vance has repeatedly".
_AUX_TAIL = re.compile(
    r"(?:['’]s|\s+(?:is|was|are|were|am|will|would|could|might|must|should|can|may|did|does|do|has|had|have|"
    r"wants?|wanted|going|used|to|not|never|also|then|later|again|once|(?!family|ally|assembly|rally)[a-z]+ly|"
    r"been|being|quoted|as|reportedly|(?:went|goes|go|continued|continues)\s+on(?:\s+to|to)?|onto))+\s*$")
# What a phrase must end with for _AUX_TAIL to match it (checked first: most phrases end otherwise).
_AUX_ENDS = ("'s", "’s", "is", "was", "are", "were", "am", "will", "would", "could", "might", "must", "should", "can",
             "may", "did", "does", "do", "has", "had", "have", "want", "wants", "wanted", "going", "used", "to", "not",
             "never", "also", "then", "later", "again", "once", "ly", "been", "being", "quoted", "as", "onto", "on")
_CLAUSE_STOP = frozenset(
    """and but or while when as because that which who whom whose if though although since until
    after before where so then to for with without from into at in on of by""".split()
)
# The same sets made once, not per word tested (the functions below ask them of every word).
_CLAUSE_STOP_BUT_OF = _CLAUSE_STOP - {"of"}
_CLAUSE_STOP_IN_LEAD = _CLAUSE_STOP - {"and", "then", "so", "but"}
_ROLE_ALT = "|".join(sorted(ROLE_WORDS))  # the title words as one regex alternation
# A title word with the "for"/"of" phrase it holds ("manager for marketing"), compiled once: built
# in the call, the title words were sorted, joined and hashed again each time.
_ROLE_FOR_OF = re.compile(rf"\b((?:{_ROLE_ALT}))\s+(?:for|of)\s+[a-z]+\s*(?=[A-Z]|$)")
NOMINATIVE = frozenset({"he", "she", "i", "we", "they", "you", "it"})
_RELATIVE_STOP = re.compile(r"\s+([a-z]+ly\b|who|that|which|as|when|while|with|in|on|at|to|from|putting|looking|turning|"
                            r"holding|taking|getting|making|pointing|shaking|nodding|smiling|laughing)\b")


@dataclass(frozen=True)
class Subject:
    """The subject of a cue as written, with its offsets."""

    kind: str  # name | pron | np
    text: str
    start: int
    end: int


# ", who was a UK policy adviser," / ", the Kremlin spokesman," / ", 45," / ", D-Mass.,"
_APPOSITIVE = re.compile(r",\s*(?:who\b[^,“”\"]{1,150}|(?:which|a|an|the|his|her|its|their)\b[^,“”\"]{1,90}|"
                         r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s[^,“”\"]{1,90}|"
                         rf"(?:[\w.-]+\s+){{0,2}}(?:{_ROLE_ALT})\s+(?:for|of|at|to)\s[^,“”\"]{{1,90}}|"
                         rf"(?:[\w.&'’-]+\s+){{1,3}}(?:{_ROLE_ALT})(?:\s+(?:and|&)\s[^,“”\"]{{1,60}})?|"
                         r"(?:[a-z]+ly\s+)?(?:after|before|during|in|at|on|of|from|with|without|like|[a-z]{3,}ing|"
                         r"(?:joined|accompanied|flanked|backed|supported|surrounded)\s+by)\s[^,“”\"]{1,80}|"
                         rf"{NAME_RUN.pattern}|"
                         r"[^,“”\"\s]+(?:\s+[^,“”\"\s]+)?),\s*$")
# (the seventh: a name, "One of the prominent tribal figures in Nineveh province, Sheikh Mohammad
# Abu Thayyab, said"; the fifth: "Ralph Whitworth, former HP chairman and founder of Relational Investors LLC, said";
# the third and fourth: "Tom Roe, Paris correspondent for Acme, South Korea's biggest agency, said"; the fourth:
# a parenthetical between a subject and its verb: "My father, after showing a great concern at it,
# said", "Trump, speaking at the White House, said", "Tom Roe, of the Acme Institute, told")
# An appositive giving the name a described person goes by: "who goes by the name Jasmine Tridevil"
_CALLED = re.compile(rf"(?:who\s+(?:goes|went|is|was)\s+(?:by\s+the\s+name(?:\s+of)?|known\s+as|called|named)|"
                     rf"(?:also\s+|better\s+)?known\s+as|named|called)\s+(?P<name>{NAME_RUN.pattern})")
_NAMED_PERSON = re.compile(rf"(?:a|an|the|one)\s+(?:[a-z][\w-]*\s+){{0,2}}(?:named|called)\s+(?P<name>{NAME_RUN.pattern})")
# "Mara Lind, a student at Acme University said": an appositive whose closing comma is missing
_OPEN_APPOSITIVE = re.compile(rf"(?<![\w.’'-])(?P<name>{NAME_RUN.pattern}),\s+(?:a|an)\s[^,;:“”\"]{{1,90}}$")
# "Fellow protester, mechanical engineer Richard Weir, 60, from Tynemouth, North Tyneside,": a
# name with an age in commas, then its appositives up to the verb
_AGED_NAME = re.compile(rf"(?<![\w.’'-])(?P<name>{NAME_RUN.pattern}),\s+\d{{1,3}},[^;:“”\"]{{0,120}}$")
_AGE_MARK = re.compile(r",\s\d{1,3},")
# "John Kerry, who has disputed the term “war,” told": a relative clause whose closing comma is
# missing (or was the quote's) runs up to the verb; the name before it is the subject
_OPEN_WHO = re.compile(rf"(?<![\w.’'-])(?P<name>{NAME_RUN.pattern}),\s+who\s[^,;:“”\"]{{1,150}}$")
# "a nurse who treated the wounded said": a restrictive relative clause after a person
_RESTRICTIVE_WHO = re.compile(r"(?:^|(?<=\s))(?P<np>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*)"
                              r"\s+who\s+[^,;:“”\"]{1,120}$")
# "A man answering the phone at the family home in Miami told": a person described by a participle
# phrase; the name at its end is an object, not the subject
_PARTICIPLE_NP = re.compile(r"(?:^|(?<=[.;:!?”\"]\s)|(?<=,\s))(?P<np>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w'’-]*\s+){0,3}?"
                            r"[a-z][\w'’-]*)\s+(?!(?:during|including|regarding|concerning|according|following|"
                            r"notwithstanding|morning|evening|something|nothing|anything|everything)\b)[a-z]{2,}ing\s"
                            r"[^,;:“”\"]{1,120}$")
_ROLE_QUALIFIERS = frozenset("police party state city team club company government army court campaign".split())
_PRON_END = re.compile(rf"(?<![\w’'])(?P<subj>{PRONOUN})\s*$")
_ONE_OF = r"(?:(?:one|some|each|several|many|two|three|four)\s+of\s+)"  # "one of the boys in the class"
_ONE_OF_END = re.compile(rf"(?<![\w'’-]){_ONE_OF}$", re.I)
# "a spokesperson for Apple", "the head of the agency", "the man in the video": the head noun comes
# before the preposition (and a phrase that ends on "and" is the first of two verbs' objects)
_OF_NP_END = re.compile(rf".*\b(?P<subj>{_ONE_OF}?{DET}\s+(?:[\w'’-]+\s+){{0,2}}?(?P<head>[a-z][\w'’-]*)\s+"
                        rf"(?P<prep>for|of|at|with|from|in)\s+"
                        rf"[^,;:“”\"]{{1,40}}?)(?<!\band)(?<!\bor)(?<!\bbut)\s*$", re.S)
# "Foley’s killer", "Foley’s ISIS killer": a possessor, perhaps a capitalised modifier, a noun
_POSS_END = re.compile(rf"(?<![\w.’'-])(?P<subj>{NAME_RUN.pattern}['’]s?\s+(?:[A-Z][\w-]*\s+)?[a-z][\w-]*)\s*$")
NAME_END = re.compile(rf"(?<![\w.’'-])(?P<subj>(?:(?:von|van|de|der|del|della|den|da|di|du|la|le|al|bin|ibn)\s+){{0,2}}"
                       rf"{NAME_RUN.pattern})\s*$")
# "Rebecca English of the Daily Mail", "Tom Brown at the agency": a person, then where they work
_PERSON_OF_END = re.compile(rf"(?<![\w.’'-])(?P<subj>{NAME_RUN.pattern})\s+(?:of|at|from|with)\s+(?:the\s+)?"
                            rf"(?:{NAME_RUN.pattern}['’]s?\s+)?{NAME_RUN.pattern}"  # "… of Moody’s Analytics"
                            # "Canon Andrew White of the Foundation for Relief and Reconciliation in the Middle East"
                            rf"(?:\s+(?:for|of|and|in|on)\s+(?:the\s+)?{NAME_RUN.pattern}){{0,3}}\s*$")
_NP_END = re.compile(rf".*\b(?P<subj>(?:{DET}|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s*$", re.S)


# "she bowed and said": the subject of the first of two verbs
_COORDINATED = re.compile(rf"(?P<subj>{NAME_RUN.pattern}|\b{PRONOUN})(?:\s+[a-z]+,?){{1,3}}\s+and\s*$")
_PRONOUN_START = re.compile(rf"{PRONOUN}\b")
_NP_WITH_PREPOSITION = re.compile(rf"{_ONE_OF}?{DET}\s+(?:[\w'’-]+\s+){{0,2}}?[a-z][\w'’-]*\s+(?:for|of|at|with|from|to|in)\s+\S")


# A word that makes the name after it an object: "said to Vance", "appears beside Tom Roe saying"
_OBJECT_BEFORE = frozenset("""to by of for with from at about told asked that beside behind alongside near toward
towards against between among upon into onto""".split())
_OPENERS = frozenset("as when but and so then while after before if because though although once".split())
_LAST_WORD_END = re.compile(r"(?P<subj>[A-Z][a-z]+)$")
_INTENSIVE_END = re.compile(r",?\s+(?:him|her|them|it)sel(?:f|ves),?$")
_INTENSIVE_ENDS = ("self", "selves", "self,", "selves,")  # what a text must end with for _INTENSIVE_END to match


def _early_subject(body: str, base: int) -> Subject | None:
    """Return the subject of an open appositive, a restrictive "who" clause or a participle phrase, else None."""
    if "," in body[-100:] and _AGE_MARK.search(body, max(0, len(body) - 160)):
        m = _AGED_NAME.search(body, max(0, len(body) - 220))
        if m is not None:
            tokens = split_name(m.group("name"))[1]
            before = body[:m.start("name")].split()[-1:]
            if looks_like_person(tokens) and len(tokens) >= 2 and not (before and before[0].lower() in _OBJECT_BEFORE):
                # "One of the protesters, Hayley Walsh, 42, a lecturer from Nottingham, said": the
                # name the age follows, not the place the appositives end on
                at = base + m.start("name") + max(m.group("name").find(tokens[0]), 0)
                return Subject("name", " ".join(tokens), at, at + len(" ".join(tokens)))
    if "," in body[-100:]:
        m = _OPEN_APPOSITIVE.search(body, max(0, len(body) - 160))
        if m is not None:
            tokens = split_name(m.group("name"))[1]
            before = body[:m.start("name")].split()[-1:]
            if looks_like_person(tokens) and len(tokens) >= 2 and not (
                    before and before[0][:1].islower() and before[0][-1:].isalpha()):
                # (not "As reported by Pando Daily, a source …": the name there is an object)
                at = base + m.start("name") + max(m.group("name").find(tokens[0]), 0)
                return Subject("name", " ".join(tokens), at, at + len(" ".join(tokens)))
    if ", who " in body[-160:]:
        m = _OPEN_WHO.search(body, max(0, len(body) - 260))
        if m is not None:
            tokens = split_name(m.group("name"))[1]
            if looks_like_person(tokens):
                at = base + m.start("name") + max(m.group("name").find(tokens[0]), 0)
                return Subject("name", " ".join(tokens), at, at + len(" ".join(tokens)))
    if " who " in body[-130:]:
        m = _RESTRICTIVE_WHO.search(body, max(0, len(body) - 180))
        if m is not None:
            return Subject("np", m.group("np"), base + m.start("np"), base + m.end("np"))
    if "ing " in body[-150:]:
        m = _PARTICIPLE_NP.search(body, max(0, len(body) - 200))
        if m is not None:
            return Subject("np", m.group("np"), base + m.start("np"), base + m.end("np"))
    return None


# "Reddit user lerde", "Twitter user @jdoe99", "one commenter, kat_22,": a handle is the one
# speaking, however it is spelt (lower case, digits, underscores), not the platform.
_HANDLE = re.compile(r"(?:(?:[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother)\s+)?(?:[A-Z][\w.]*\s+)?"
                     r"(?:user(?:name)?|commenter|poster|[Rr]edditor|account)\s*,?\s+(?P<h>@?[A-Za-z0-9_][\w.-]*?)[,.]?")


_NOT_HANDLES = frozenset("who which that said says wrote writes posted and or but on in of".split())


def user_handle(phrase: str, base: int) -> Subject | None:
    """Return the handle a phrase names a social-media user by, as a name, else None."""
    m = _HANDLE.fullmatch(phrase.strip())
    if m is None or m.group("h").lower() in _NOT_HANDLES:
        return None
    at = base + (len(phrase) - len(phrase.lstrip())) + m.start("h")
    return Subject("name", m.group("h"), at, at + len(m.group("h")))


# An indefinite description of a person in apposition: "a former Syrian rebel fighter".
_INDEFINITE_PERSON = re.compile(r"(?:a|an)\s+(?:[\w'’-]+\s+){0,4}(?:fighter|source|official|aide|worker|member|"
                                r"resident|witness|spokesman|spokeswoman|spokesperson|employee|diplomat|officer|"
                                r"activist|man|woman|friend|relative|neighbour|neighbor|student|teacher|doctor)")


def subject_before_verb(phrase: str, base: int, whole: bool) -> Subject | None:
    """Return the subject that ends `phrase`, the words right before a cue verb."""
    handle = user_handle(phrase, base)
    if handle is not None:
        return handle
    body = phrase.rstrip()
    if body.endswith(_INTENSIVE_ENDS):
        body = _INTENSIVE_END.sub("", body)  # "As Major himself noted": the subject is Major
    if body.endswith(_AUX_ENDS):
        body = _AUX_TAIL.sub("", body)
    if not body:
        return None
    doc = document_subject(body, base)
    if doc is not None:
        return doc
    body = re.sub(r"\s*\([^()]{1,40}\)$", "", body)  # "Sen. Lindsey Graham (R-S.C.)"
    # "Earlier Tuesday, a report in the Vancouver Province, citing sources …, said": a day that
    # opens the sentence names no one (blanked, offsets kept)
    body = _OPENING_DAY.sub(lambda d: " " * len(d.group(0)), body, count=1)
    early = _early_subject(body, base)
    if early is not None:
        return early
    rel = re.search(r",\s*\bwho\s*$", body)
    named = _named_before_who(body, base, rel.start()) if rel else None
    if named is not None:
        return named
    if rel:
        # "Jean Roe, a former ambassador to Japan, who said": the appositive before "who" goes too
        body, whole = body[:rel.start()] + ",", False
    appos = _APPOSITIVE.search(body)
    if appos and appos.start() > 0:
        inner = appos.group(0).strip(" ,\t")
        head = body[:appos.start()].split()
        described = len(head) >= 2 and head[-1].islower() and (
            head[0].lower() in ("the", "his", "her", "their", "its", "our", "one")
            or any(t.endswith(("’s", "'s")) for t in head[:-1])) \
            or len(head) >= 3 and head[0].lower() in ("the", "a", "an") and head[1].lower() in ROLE_WORDS
        # ("The Commissioner of the League, Gary Bettman,", "A director of Acme, Glenda Paul,")
        if head and (head[-1].lower() in ROLE_WORDS or described) and NAME_RUN.fullmatch(inner) \
                and looks_like_person(split_name(inner)[1]):
            # "the Kremlin's spokesman, Dmitry Peskov," names the spokesman ("the company’s chief
            # executive, Tim Cook,": any described person)
            at = base + appos.start() + appos.group(0).index(inner)
            return Subject("name", " ".join(split_name(inner)[1]), at, at + len(inner))
        if head[:2] and [w.lower() for w in head[:2]] == ["one", "of"] and _INDEFINITE_PERSON.fullmatch(inner):
            # "one of Giglio's sources, a former Syrian rebel fighter, said": the one described
            at = base + appos.start() + appos.group(0).index(inner)
            return Subject("np", inner, at, at + len(inner))
        called = _CALLED.fullmatch(inner)
        if called and looks_like_person(split_name(called.group("name"))[1]) and not NAME_RUN.fullmatch(" ".join(head)):
            # "The woman, who goes by the name Jasmine Tridevil, wrote": the name she goes by
            tokens = split_name(called.group("name"))[1]
            at = base + appos.start() + appos.group(0).index(inner) + called.start("name")
            at += max(called.group("name").find(tokens[0]), 0)
            return Subject("name", " ".join(tokens), at, at + len(" ".join(tokens)))
        body = body[:appos.start()]  # "Mr Cohen, who was a UK policy adviser," / "Peskov, the spokesman,"
        appos = _APPOSITIVE.search(body + ",")
        if appos and appos.start() > 0 and (appos.group(0).lstrip(", ")[:1].islower() or any(
                w.lower() in ROLE_WORDS for w in appos.group(0).split()[:3])):
            # a second one before it: "Tom Brown, the chief executive of Acme, which makes widgets,"
            body = body[:appos.start()]
    rel = rel or re.search(r",?\s*\bwho\s*$", body)
    if rel and body.endswith("who"):
        # "Senator Roger Wicker, who labeled …": the relative pronoun stands for the name before it
        body = body[:rel.start()]
        whole = False
    if rel:
        body = body.rstrip(",")  # the comma put back before "who" to find the appositive
    coord = _COORDINATED.search(body)
    if coord and not rel:
        # "she bowed and said": the subject of the first verb
        body = body[:coord.end("subj")]
    m = (_PRON_END.search(body) or _SOMEONE_END.search(body) or linked_org(body) or _of_np_end(body)
         or _POSS_END.search(body) or _PERSON_OF_END.search(body) or NAME_END.search(body))
    if m is not None and m.re is _PERSON_OF_END and not looks_like_person(split_name(m.group("subj"))[1]):
        m = NAME_END.search(body)
    if m is not None and m.re is NAME_END and not split_name(m.group("subj"))[1]:
        bare = m.group("subj")
        m = _NP_END.match(body)  # "the US President": a role, not a name
        if m is None and bare.istitle() and bare.lower() in ROLE_WORDS \
                and not re.search(r"(?:^|\s)[a-z]+\s*$", body[:body.rfind(bare)]):
            m = NAME_END.search(body)  # …, but a bare "King asked" is the surname of "Gayle King"
        elif m is None and len(bare.split()) == 2 and bare.split()[0].lower() in _OPENERS \
                and bare.split()[1].lower() in ROLE_WORDS:
            m = _LAST_WORD_END.search(body)  # "As Major noted": the opener is no part of the name
    if not m:
        m = _GROUP_END.search(body)
        if m is None or not _GROUP_OPENS.search(body, 0, m.start("subj")):
            m = _NP_END.match(body)  # "the lawmakers" keeps its determiner, "a royal expert" its article
    if not m:
        return None
    start, end = m.start("subj"), m.end("subj")
    one = _ONE_OF_END.search(body, 0, start)  # ("one of Smith's aides said": the aide, not Smith)
    if not (m.re is _POSS_END or m.re in (_OF_NP_END, _NP_END) and (
            not whole or one is not None and not body[:one.start()].strip(" ,"))):
        one = None  # (after a quote only a phrase that is all "one of …": `,” one of the officers said`)
    if one:
        start = one.start()  # "one of the boys in the class had said": the one, not the boys
    lead = body[:start]
    if whole and lead.strip(" ,"):
        # after a quote the subject must be (nearly) the whole phrase: `,” the old man said`,
        # `,” Kremlin spokesman Dmitry Peskov told`, not `,” the crowd cheered and Bill said`
        # "Acme assistant manager for marketing Abdul Rahman": a role's "for" or "of" is part of the title
        lead = _ROLE_FOR_OF.sub(r"\1 ", lead)
        # ("White House Chief of Staff Denis McDonough": an "of" after a title word is the title's)
        parts = lead.split()
        words = [w for i, w in enumerate(parts) if not (w[:1].isupper() or w.lower().strip(",") in ROLE_WORDS or (
            w in ("of", "for") and i > 0 and parts[i - 1].lower() in ROLE_WORDS))]
        if len(words) > 3 or any(w.lower().strip(",") in _CLAUSE_STOP_IN_LEAD for w in words):
            return None
        if any(w.lower() in ("and", "but") for w in words[1:]):
            return None
    if not whole and not rel:
        lead_words = lead.split()
        tail = lead_words[-1:]
        titled = tail in (["of"], ["for"]) and len(lead_words) >= 2 and lead_words[-2][:1].isupper()
        if tail and tail[0].lower() in _OBJECT_BEFORE and not titled:
            return None  # "said to Vance", "asked by reporters" ("Secretary of State Marco Rubio" is a title)
    subj = classify(body[start:end], base + start)
    if subj is not None and subj.kind == "pron" and subj.text.lower() not in NOMINATIVE:
        return None
    return subj



# An organisation named with linking words, ending a phrase: "Institute for the Study of War",
# "Department of Homeland Security", "Committee on Foreign Affairs" (its head an ORG_WORDS word)
_LINKED_ORG = re.compile(r"(?<![\w.'’&-])(?P<subj>(?:[A-Z][\w.'’&-]*\s+){0,3}(?P<head>[A-Z][\w.'’&-]*)\s+(?:for|of|on)\s+"
                         r"(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z][\w.'’&-]*){0,4})\s*$")


def linked_org(text: str) -> re.Match[str] | None:
    """Return the _LINKED_ORG match ending `text` when its head is an organisation word, else None."""
    if " of " not in text and " for " not in text and " on " not in text:
        return None
    m = _LINKED_ORG.search(text)
    return m if m is not None and norm(m.group("head")) in ORG_WORDS else None


_OPENING_DAY = re.compile(
    r"^\s*(?:(?:[Ee]arlier|[Ll]ater|[Ll]ast|[Tt]his|[Nn]ext|[Oo]n|[Bb]y|[Ll]ate|[Ee]arly|[Ss]ince|[Uu]ntil)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:\s+(?:morning|afternoon|"
    r"evening|night))?,\s+(?=\S)")


def _named_before_who(body: str, base: int, at: int) -> Subject | None:
    """Return the person named right before ", who" at body[at] ("… an international outcry,
    including commendation from Pope Francis, who called": "who" stands for Pope Francis,
    whatever comes before), when the name is a person's (two names, or a title and one)."""
    nm = NAME_END.search(body, 0, at)
    if nm is None:
        return None
    titles, tokens, _ = split_name(nm.group("subj"))
    if not tokens or not looks_like_person(tokens) or len(tokens) < 2 and not titles:
        return None
    start = base + nm.start("subj") + max(nm.group("subj").find(tokens[0]), 0)
    return Subject("name", " ".join(tokens), start, start + len(" ".join(tokens)))


def _of_np_end(body: str) -> re.Match[str] | None:
    """Return the _OF_NP_END match of `body`; an "in" phrase only after a person ("the man in the
    video"), not after an occasion ("Vikram Misri in a news briefing in New Delhi accused")."""
    m = _OF_NP_END.match(body)
    if m is None or m.group("prep") != "in":
        return m
    from .nominals import PERSON_HEADS  # nominals reads this module's nouns

    head = m.group("head").lower()
    return m if head in PERSON_HEADS or head.removesuffix("s") in PERSON_HEADS or head in ROLE_WORDS else None


# `said the former editor of the paper, Jane Roe.`: a role, then the name in apposition
_ROLE_THEN_NAME = re.compile(rf"(?P<np>{DET}\s[^,;:!?“”\"\n]{{1,80}}?),[ \t]+(?P<name>{NAME_RUN.pattern})"
                             r"(?=\s*(?:[.,;:!?—–]|$))")


def appositive_name(text: str, at: int, subj: Subject) -> Subject | None:
    """Return the name in apposition to an inverted cue's role subject (`says the editor, Jo Roe`), else None."""
    if subj.kind != "np":
        return None
    m = _ROLE_THEN_NAME.match(text, at)
    if m is None or not any(re.sub(r"['’]s$", "", w.lower()) in ROLE_WORDS
                                 for w in m.group("np").split()[1:]):
        return None
    tokens = split_name(m.group("name"))[1]
    if not looks_like_person(tokens):
        return None
    start = m.start("name") + max(m.group("name").find(tokens[0]), 0)
    return Subject("name", " ".join(tokens), start, m.end("name"))


# A noun phrase and its own finite verb: the clause a cue reports, not the cue's subject
_NP_WORD = r"(?!who\b|that\b|which\b)[a-z][\w'’-]*"  # (not "the man who had sent him")
# (the noun phrase may hold a name and where the one named is from: "said a man named Paul Horner
# from Liverpool had been nicked")
CLAUSE_AFTER_VERB = re.compile(rf"{DET}\s+(?:{_NP_WORD}\s+){{0,2}}?{_NP_WORD}\s+"
                                r"(?:(?:named|called)\s+(?:[A-Z][\w'’.-]*\s+){1,3})?(?:(?:from|of|in)\s+(?:[A-Z][\w'’.-]*\s+){1,3})?"
                                r"(?:may|might|will|would|could|can|should|must|is|are|was|were|has|have|had)\s+[a-z]")
_SOMEONE = frozenset("another somebody someone everybody everyone nobody".split())
_SOMEONE_END = re.compile(r"(?<![\w’'])(?P<subj>[Ss]omebody|[Ss]omeone|[Ee]verybody|[Ee]veryone|[Nn]obody)\s*$")


def subject_after_verb(phrase: str, base: int) -> Subject | None:
    """Return the subject that follows an inverted cue: `said Vance`, `cried the old man`."""
    if CLAUSE_AFTER_VERB.match(phrase):
        return None  # `…,” said the split may be made public`: a reported clause, not an inverted subject
    for stop in _RELATIVE_STOP.finditer(phrase):
        # "Ambassador to NATO Kurt Volker": a role's "to" is part of the title
        before = phrase[:stop.start()].split()[-1:]
        if stop.group(1) == "to" and before and before[0].lower() in ROLE_WORDS:
            continue
        if stop.group(1) == "from" and before and before[0].lower() in DOCUMENT_NOUNS:
            continue  # "according to a statement from the White House": whom it is from
        if stop.group(1) == "on" and not re.match(r"(?:\s+[a-z]+){0,2}\s+[A-Z]", phrase[stop.end():]):
            continue  # "said one follower on her Facebook page", "on Tuesday"; not "a man on his way home"
        phrase = phrase[:stop.start()]
        break
    handle = user_handle(cut_at_sentence_end(re.split(r"[;:!?()“”\"—]", phrase, maxsplit=1)[0]), base)
    if handle is not None:
        return handle
    phrase = re.split(r"[,;:!?()“”\"—]", phrase, maxsplit=1)[0]
    phrase = cut_at_sentence_end(phrase).rstrip(" .")
    # "said the man a little impatiently", "cried the girl rather sharply": the adverb's degree
    # word is no part of the subject
    phrase = re.sub(r"\s+(?:a\s+(?:little|bit|trifle)|rather|very|quite|somewhat|more|most|less|so|too|almost)$", "", phrase)
    if not phrase:
        return None
    m = _PRONOUN_START.match(phrase)
    if m:
        return Subject("pron", m.group(0), base, base + m.end())
    if phrase.lower() in _SOMEONE:
        return Subject("np", phrase, base, base + len(phrase))  # "somebody exclaimed", "said another"
    lead = re.match(r"(?:[a-z]+\s+){1,3}(?=[A-Z])", phrase)
    if lead and all(w in ROLE_WORDS or w in _ROLE_QUALIFIERS or w in QUALIFIERS for w in lead.group(0).split()) \
            and not _PERSON_HEAD_END.search(phrase):
        # ... but "said an Iraqi intelligence official" ends in a person noun: a noun phrase
        # "says coach Andy Reid", "according to police spokesman Tom Brown"
        base += lead.end()
        phrase = phrase[lead.end():]
    words = phrase.split()
    if words[0][:1].isupper() and words[-1][:1].isupper() and all(
            w[:1].isupper() or w in _TITLE_LINKS or w.lower() in ROLE_WORDS for w in words):
        # "said Bank of Canada Governor Tiff Macklem", "warned Bank of England governor Andrew
        # Bailey": the person ends the title
        subj = classify(phrase, base)
        link = re.search(r"\s(?:of|at|from|for)\s", phrase)
        if subj is not None and link and " " not in subj.text:
            # "said Mark Zandi of Moody’s Analytics", "said Tom Brown of the University of
            # Chicago", "writes Gordon Kelley for Forbes": a full name first, then where the person works
            first = classify(phrase, base, leading=True)
            if first is not None and first.kind == "name" and " " in first.text and first.end <= base + link.start():
                return first
        if subj is not None:
            return subj
    om = _ORG_TITLE_NAME.fullmatch(phrase)
    if om is not None and len(tokens := split_name(om.group("name"))[1]) >= 2 and looks_like_person(tokens):
        # "said 350.org executive director Mary Boeve", "said Greenpeace spokeswoman Ana Ruiz":
        # an organisation, a title in lower case, then the person
        at = base + om.start("name") + max(om.group("name").find(tokens[0]), 0)
        return Subject("name", " ".join(tokens), at, at + len(" ".join(tokens)))
    return classify(phrase, base, leading=True)


_ORG_TITLE_NAME = re.compile(rf"[A-Z0-9][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,3}}\s+(?:[a-z][\w'’-]*\s+){{1,4}}"
                             rf"(?P<name>{NAME_RUN.pattern})")


# Groups that speak with no determiner in news: "police said", "two people familiar with the matter
# said", "said one resident".
_GROUP_NOUNS = ("police|officials|authorities|prosecutors|investigators|witnesses|residents|analysts|experts|critics|"
                "sources|organisers|organizers|officers|protesters|protestors|lawmakers|activists|scientists|"
                "researchers|economists|campaigners|diplomats|villagers|doctors|people|person|resident|source|"
                "official|witness|analyst|expert")
_PERSON_HEAD_END = re.compile(rf"\s(?:{_ROLE_ALT}|{_GROUP_NOUNS})$")
_QUANTITY = r"(?:one|two|three|four|five|six|several|some|many|most|few|other|\d+)"
_GROUP_BODY = (rf"(?:(?:{_QUANTITY}|[Ss]enior|[Ll]ocal|[Ss]tate|[Ff]ederal|[Ff]oreign|[Mm]ilitary|[Pp]olice|"
               rf"[Hh]ealth|[Ii]sraeli|[Rr]ussian|[Uu]\.?[Ss]\.?|[Uu]\.?[Kk]\.?)\s+){{0,3}}(?:{_GROUP_NOUNS})"
               r"(?:\s+(?:familiar\s+with|close\s+to|briefed\s+on|involved\s+in|with\s+knowledge\s+of)"
               r"(?:\s+[a-z]+){1,3})?")
_GROUP = re.compile(_GROUP_BODY)
_GROUP_OPENS = re.compile(r"(?:^|[,;:.!?”\"—–]\s*|\b(?:and|but|that|while|as|when|after|before|because|until|since|if|"
                          r"where)\s+)$")  # a clause starts there
_GROUP_END = re.compile(rf"(?<![\w’'-])(?P<subj>{_GROUP_BODY})\s*$")
# What people speak through: "a statement from the White House said", "the letter stated".
DOCUMENT_NOUNS = frozenset("statement letter release report post message filing memo note email e-mail tweet video".split())
_TITLE_LINKS = frozenset("of the for and to de la".split())
_NP_START = re.compile(rf"(?:{DET}|[Tt]his|[Oo]ne|[Aa]nother|one\s+of|some\s+of|each\s+of|several\s+of|two\s+of|"
                       r"both\s+of)\b")
_POSSESSOR = re.compile(rf"(?P<who>{NAME_RUN.pattern})['’]s?\s+(?:[A-Z][\w-]*\s+)?[a-z][\w-]*$")


_PRONOUN_ONLY = re.compile(PRONOUN)


def classify(phrase: str, base: int, leading: bool = False) -> Subject | None:
    """Return the phrase as a name, a pronoun or a noun phrase (org names count as names), else None.

    The head is the last word: "the Kremlin spokesman" is a noun phrase (resolved through
    its role), "Kremlin spokesman Dmitry Peskov" a name, "TNO's report" a noun phrase.
    """
    stripped = phrase.strip().rstrip(",")
    off = base + (len(phrase) - len(phrase.lstrip()))
    if not stripped:
        return None
    if _PRONOUN_ONLY.fullmatch(stripped):
        return Subject("pron", stripped, off, off + len(stripped))
    if stripped.lower() in _SOMEONE or _GROUP.fullmatch(stripped):
        return Subject("np", stripped, off, off + len(stripped))  # "said another", "said police"
    words = stripped.split()
    nm = _NAMED_PERSON.fullmatch(stripped)
    if nm is not None and looks_like_person(split_name(nm.group("name"))[1]):
        # "a man named Paul Horner", "a woman called Ann Lee": the one named
        at = off + nm.start("name")
        return Subject("name", nm.group("name"), at, at + len(nm.group("name")))
    lm = linked_org(stripped)
    if lm is not None and (lm.start("subj") == 0 or _NP_START.match(stripped)):
        # "the Washington-based nonprofit Institute for the Study of War": the organisation whole
        return Subject("org", lm.group("subj"), off + lm.start("subj"), off + lm.end("subj"))
    np_like = bool(_NP_START.match(stripped)) or bool(_POSSESSOR.fullmatch(stripped))
    pm = _NP_WITH_PREPOSITION.match(stripped)
    if pm and len(words) <= 8:
        return Subject("np", stripped, off, off + len(stripped))  # "a spokesperson for Apple"
    if np_like and words[-1][:1].islower():
        if 2 <= len(words) <= 7 and not any(w.lower() in _CLAUSE_STOP_BUT_OF for w in words[1:]):
            return Subject("np", stripped, off, off + len(stripped))
        return None
    if len(words) == 1 and stripped.istitle() and stripped.lower() in ROLE_WORDS:
        # a bare capitalised title with no article is a surname: "…?” King asked Scott
        return Subject("name", stripped, off, off + len(stripped))
    runs = list(NAME_RUN.finditer(stripped))
    if leading and runs and runs[0].start() != 0:
        runs = []
    for run in runs if leading else reversed(runs):
        found = _name_in_run(run.group(0))
        if found is not None:
            kind, name = found
            at = stripped.find(name.split()[0], run.start())
            particles = re.search(r"(?<!\S)(?:(?:von|van|de|der|del|della|den|da|di|du|la|le|al|bin|ibn)\s+){1,2}$",
                                  stripped[:at])
            if particles and len(name.split()) == 1:
                at, name = particles.start(), stripped[particles.start():at] + name  # "von der Leyen"
            return Subject(kind, name, off + at, off + at + len(name))
        if leading:
            break
    if np_like and 2 <= len(words) <= 7 and not any(w.lower() in _CLAUSE_STOP_BUT_OF for w in words[1:]):
        return Subject("np", stripped, off, off + len(stripped))
    return None


_DOC_WORD = re.compile(rf"\b(?:{'|'.join(sorted(DOCUMENT_NOUNS))})\b")
# "The Greens’ letter to the regulator, Anna Holt,", "a statement by a spokesperson confirming the
# move": a document and whom it is from, then whom it went to or what it was about
_DOC_SUBJECT = re.compile(
    rf"(?P<subj>(?:{DET}\s+(?:{NAME_RUN.pattern}['’]s?\s+)?|{NAME_RUN.pattern}['’]s?\s+)(?:[a-z][\w-]*\s+)?"
    rf"(?:{'|'.join(sorted(DOCUMENT_NOUNS))})(?:\s+(?:from|by)\s+[^,;:“”\"]{{1,60}}?)?)"
    r"(?:\s+(?:to|for|on|about|over|confirming|announcing|addressed\s+to|sent\s+to)\s[^“”\".;:!?]{1,120}?)?,?\s*$")
_DOC_OPENS = re.compile(r"(?:^|[,;:.!?”\"—–]\s*|\b(?:and|but|that|while|as|when)\s+)$")


def document_subject(body: str, base: int) -> Subject | None:
    """Return a document subject with what follows its head (`the letter to Jo Roe, the regulator,`), else None.

    The words after the head name whom the document went to or what it was about, so no name
    among them is the speaker: the document (and through it its author) is.
    """
    tail = body[-240:]
    if not _DOC_WORD.search(tail):
        return None  # the common case, decided without the long pattern
    off = len(body) - len(tail)
    m = _DOC_SUBJECT.search(tail)
    if m is None or not _DOC_OPENS.search(tail, 0, m.start()):
        return None
    at = base + off + m.start("subj")
    return Subject("np", m.group("subj"), at, at + len(m.group("subj")))


ISSUED_NOUNS = DOCUMENT_NOUNS | {"response", "reply"}
# Releasing a document: "The clinic sent CNN a statement", "they sent us this statement", "she did post an online message",
# "The department released a statement on the case" (read by coref for "the statement", and by
# attribution for a paragraph that is the message itself)
ISSUED = re.compile(
    r"(?<![\w-])(?P<cue>releas(?:ed|e)|issued?|publish(?:ed)?|put\s+out|sen[td]|post(?:ed)?|shared?|tweet(?:ed)?|"
    r"wrote|gave|provided|e-?mailed)\s+(?:(?:[A-Z][\w.'’-]*\s+){1,3}|(?:us|me|him|them|reporters|journalists|the\s+media)\s+)?"
    rf"(?:a|an|the|this|its|his|her|their)\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>{'|'.join(sorted(ISSUED_NOUNS))})\b")


def issuer_subject(phrase: str, base: int) -> Subject | None:
    """Return who ends `phrase` before a verb of releasing a document: the whole subject ("The
    clinic sent …", not "China" of "The new House committee on China sent …"), or a pronoun
    after a clause's opening ("…, although she did post …")."""
    who = subject_before_verb(phrase, base, whole=True)
    if who is None:
        who = subject_before_verb(phrase, base, whole=False)
        return who if who is not None and who.kind == "pron" else None
    return who


def is_document(np: str) -> bool:
    """Return True for a noun phrase that names a document ("the statement", "Acme's letter")."""
    return bool(_DOC_WORD.search(np))


def _name_in_run(run: str) -> tuple[str, str] | None:
    """Return ("name", person) or ("org", organisation) for a capitalised run, else None.

    A long run ("Philippine Marine Corps Commandant Major General Arturo Rojas") yields the
    person at its end.
    """
    words = run.split()
    if len(words) >= 2 and is_place_or_nationality([norm(w) for w in words]) and norm(words[-1]) in PLACES:
        return "org", run  # "Saudi Arabia", "New Zealand": the country whole, not its last word
    _, tokens, _ = split_name(run)
    if not tokens:
        return None
    if looks_like_person(tokens):
        return "name", " ".join(tokens)
    tail = person_tail(tokens)
    if tail:
        return "name", " ".join(tail)
    if all(t.lower().strip(".") in NOT_NAME for t in tokens) or is_place_or_nationality([norm(t) for t in tokens]) and \
            not any(norm(t) in PLACES for t in tokens):
        return None  # "Iraqi", "North Korean": an adjective, neither a person nor an organisation
    if norm(words[-1]) in ORG_WORDS:
        return "org", run  # "Foreign Office", "Interior Ministry": the organisation whole, titles and all
    return "org", " ".join(tokens)


def role_head(np: str) -> str | None:
    """Return the role words of a noun phrase ("the Kremlin spokesman" -> "spokesman")."""
    words = [w.strip(",").lower() for w in np.split()]
    if not words or words[-1] not in ROLE_WORDS:
        return None
    keep = [w for w in words[1:] if w in ROLE_WORDS]
    return " ".join(keep) or words[-1]


# "according to a copy of the filing obtained by …", "according to a memo seen by Reuters":
# the document speaks; who obtained or saw it does not
_ACCORDING_COPY = re.compile(r"(?:an?|the)\s+(?:copy|draft|transcript|version)\s+of\s+(?=(?:an?|the|his|her|their|its)\s)")
_ACCORDING_SEEN = re.compile(r"\s+(?:obtained|seen|reviewed|viewed|published|released|filed|issued|shared)"
                             r"\s+(?:by|with|on|in|to)\b.*$")


def according_subject(phrase: str, at: int) -> Subject | None:
    """Return the subject of "according to <phrase>", `at` being the phrase's offset."""
    m = _ACCORDING_COPY.match(phrase)
    if m:
        phrase, at = phrase[m.end():], at + m.end()
    return subject_after_verb(_ACCORDING_SEEN.sub("", phrase), at)


# "…, and then said", "…, and advancing to the bed's head, said": a verb that goes on a clause
# (or a time between: "…, but a few days ago added")
_COORDINATED_VERB = re.compile(r",\s+(?:and|but)\s+(?:then\s+|[a-z]+ly\s+|(?:(?:a\s+few|two|three|several|\d+)\s+"
                               r"(?:hours|days|weeks|months|years)\s+(?:ago|later)|last\s+[a-z]+|on\s+[A-Z][a-z]+day)\s+)?$"
                               r"|,\s+and,?\s+[a-z]+ing\b[^,.;:!?“”\"]{0,60},\s*$")
_SUBORDINATOR = re.compile(r"(?:[Aa]s|[Ww]hen|[Ww]hile|[Ii]f|[Tt]hough|[Aa]lthough|[Bb]ecause|[Ss]ince|[Aa]fter|[Bb]efore|"
                           r"[Uu]ntil|[Tt]ill|[Uu]nless|[Ww]hereas|[Ww]ho|[Ww]hich|[Ww]here|[Ww]ith|[Ii]n|[Oo]n|[Aa]t)\b")
_SUBJECT_ALONE = re.compile(rf"(?P<subj>{PRONOUN}|{NAME_RUN.pattern}|{DET}\s+(?:[\w'’-]+\s+){{0,2}}?{NOUNISH})")
_CLAUSE_SUBJECT = re.compile(rf"(?:(?:[Ss]o|[Aa]nd|[Bb]ut|[Tt]hen|[Yy]et|[Nn]ow)\s+)?(?P<subj>{PRONOUN}\b|{NAME_RUN.pattern}|"
                             rf"{DET}\s+(?:[\w'’-]+\s+){{0,2}}?{NOUNISH})\s+(?:[a-z]+ly\s+)?[a-z]+")


def coordinated_subject(before: str, base: int) -> Subject | None:
    """Return the main clause's subject for a cue verb coordinated with it, else None.

    "Tom looked at the door when Bill came in, and said: “…”": Tom said it, not Bill;
    "As the young woman spoke, he rose, and advancing …, said": he did.
    """
    cm = _COORDINATED_VERB.search(before)
    if cm is None:
        return None
    pos = 0
    for part in re.split(r"(,\s*)", before[:cm.start()]):
        if part.strip(" ,") and not part.startswith(","):
            lead = part.lstrip(" “”\"‘’—–-")
            at = pos + len(part) - len(lead)
            if not _SUBORDINATOR.match(lead):
                # "Miss Bartlett, in reply, opened her mouth …, and said": a subject alone, then
                # a parenthetical before its verb
                m = _CLAUSE_SUBJECT.match(lead) or _SUBJECT_ALONE.fullmatch(lead.rstrip())
                if m is None:
                    return None
                subj = classify(m.group("subj"), base + at + m.start("subj"))
                if subj is None or subj.kind == "pron" and subj.text.lower() not in NOMINATIVE:
                    return None
                return subj
        pos += len(part)
    return None
