"""The words that attribute speech.

Speech verbs (`said`, `told`, `was quoted as saying`, `according to`), the patterns a cue
takes next to a quote in either order, where an attribution ends, and the words that make a
quoted span a name rather than speech. Reading the subject of a cue is `subjects`' job.
"""

from __future__ import annotations

import re

from .speakers import NAME_RUN

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
    "arguing declaring noting writing reported reports stating claiming vowing promising urging pledging detailed "
    "highlighted asserted clarified revealed disclosed countered elaborated recounted underscored commented "
    "indicated indicates signalled signaled reminded reminds estimated estimates states pointed points point "
    # verbs of dialogue in fiction: "“Trial heats!” sneered Jock"
    "sneered interposed snarled scoffed chirped wailed moaned grunted panted persisted queried sputtered stammered "
    "stuttered snorted purred mocked scolded chided blurted piped squeaked thundered barked hollered gushed "
    "drawled lisped croaked rasped intoned chanted soothed coaxed urged implored entreated besought "
    # the present of reporting verbs, as essays and analysis use them: "Stiglitz comments that",
    # "he also notes that", "critics argue that this is"
    "comments notes argue claims insist warn contend contends note "
    # what a document says: "“…,” the statement read"
    "read reads "
    # "As Nasa puts it: “…”"
    "puts"
)
# Verbs that cue speech only with a particle: "went on", "broke in", "put in", "Haley shot back".
_PARTICLE_VERBS = {"went": ("on",), "broke": ("in",), "put": ("in", "it"), "puts": ("it",), "cut": ("in",), "chimed": ("in",),
                   "shot": ("back",), "fired": ("back",), "hit": ("back",),
                   "pointed": ("out",), "points": ("out",), "point": ("out",)}  # "As B&P point out, …"
_BACK_VERBS = ("shot", "fired", "hit")  # not in SPEECH_VERBS: alone they are no cue at all
_VERB_SET = frozenset(SPEECH_VERBS.split()) | frozenset(_BACK_VERBS)
# Verbs that say how someone looked, not what they said: a cue only right after the quote.
# Verbs whose object is the one spoken to: "told The Sun:" names the listener, not the speaker.
ADDRESSING = frozenset("told tells telling asked asks asking".split())
_BEAT_VERBS = frozenset("smiled grinned nodded laughed chuckled sighed".split())


def _trie(words: frozenset[str]) -> str:
    """Return a regex alternation of `words` shaped as a trie ("sa(?:id|y(?:s|ing)?)").

    It matches what the flat alternation matches, longest word first, but the regex engine
    reads one branch per letter instead of trying every word at every position (4x faster).
    """
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        if len(kids) == 1 and "" not in node:
            return kids[0]
        return "(?:" + "|".join(kids) + ")" + ("?" if "" in node else "")

    return emit(root)


_VERB_ALT = _trie(_VERB_SET - frozenset(_BACK_VERBS))
# A particle only after the verbs that take one: "said in an interview" is "said", then where.
_TAKES_PARTICLE = "|".join(f"(?<={v})" for v in ("went", "broke", "put", "cut", "chimed", "spoke", "pointed", "points",
                                                  "point"))
CUE = (rf"(?:(?:{'|'.join(_BACK_VERBS)})\s+back|(?:{_VERB_ALT})(?:(?:{_TAKES_PARTICLE})\s+(?:on|in|up|out)"
       r"|(?:(?<=put)|(?<=puts))\s+it)?)")
# Adverbs between subject and verb ("Vance also said"); nouns ending in -ly are not adverbs.
ADV_WORD = (r"(?:(?!family|ally|assembly|supply|rally|bully|belly|jelly|lily|monopoly|anomaly|homily)[a-z]+ly|"
             r"also|then|later|again|further|once|now|still|simply|just|only|even)")
ADV = rf"(?:{ADV_WORD}\s+)"
_AUX = (r"(?:(?:has|had|have|was|were|is|are|would|will|did|does|do|could|might|must|should|can|may)"
        r"\s+(?:[a-z]+ly\s+|also\s+|not\s+|later\s+|since\s+|previously\s+)*(?:been\s+)?)")
_QUOTED_AS = r"(?:quoted\s+as\s+|heard\s+|reported\s+(?:to\s+have\s+|as\s+)?|said\s+to\s+have\s+)"
PRONOUN = r"(?:he|she|I|we|they|you|it|He|She|We|They|You|It)"
DET = r"(?:the|a|an|his|her|my|our|their|your|its|The|A|An|His|Her|My|Our|Their|Your|Its)"
NOUNISH = r"[\w'’-]+"

# a role with no article, up to its preposition: "chief commercial officer at", "head of", "former HP
# chairman and founder of"
_BARE_ROLE = (r"(?:[a-z][\w'’-]*(?:[ \t]+(?:[a-z][\w'’-]*|[A-Z][A-Za-z&.]*)){0,5}"
              # a field before the role: "Ocean and Earth Science researcher at Southampton University"
              r"|(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){1,4}[a-z][\w'’-]*)[ \t]+(?:of|at|for)")
# `…,” he said` / `…,” Vance was quoted as saying` / `…,” Peskov, the spokesman, said` / `…,” Dr. Sobhi
# Skaik, the director of the … Hospital in the … area in the central Gaza Strip, said` (an appositive too
# long for the subject's nine words)
AFTER_SUBJ_CUE = re.compile(
    rf"^[\s,.;:!?—–\-)\]*_]*(?:and\s+|then\s+|so\s+|as\s+)?"
    rf"(?P<subj>(?:[\w.'’-]+(?:(?=,[ \t]+(?:who|the|a|an|of|{_BARE_ROLE})\b)|,?[ \t]+)){{0,9}}?)"
    rf"(?P<appos>(?:,[ \t]+(?:who|which|the|a|an|of|{_BARE_ROLE})\b(?:(?![.!?]\s)[^,“”\"\n]){{1,150}}){{1,2}},[ \t]+)?"
    rf"{ADV}{{0,2}}{_AUX}{{0,2}}{_QUOTED_AS}?"
    rf"(?P<cue>{CUE})\b"
    rf"(?P<obj>[ \t]+[^,.;:!?“”\"—\n]{{1,40}})?"
)
# `…,” said Vance` / `…!” cried the old man` / `…,” broke in a thin, elderly gentleman`
AFTER_CUE_SUBJ = re.compile(
    rf"^[\s,.;:!?—–\-)\]*_]*{ADV}{{0,1}}(?P<cue>{CUE})\b[ \t]+{ADV}{{0,1}}"
    rf"(?P<subj>{PRONOUN}\b|{DET}\b(?:,?[ \t]+{NOUNISH}){{1,6}}|another\b|[^\s,;:!?“”\"]+(?:[ \t]+[^\s,;:!?“”\"]+){{0,6}})"
)
# After a quote that ends in a comma, any verb can be the cue: `…,” fleered Happy Jack`, `…,” he grinned`
AFTER_ANY_VERB = re.compile(
    rf"^[\s,]*(?:(?P<verb1>[a-z]{{3,}}(?:ed|s))[ \t]+(?P<subj1>{NAME_RUN.pattern}|he\b|she\b|I\b)"
    rf"|(?P<subj2>he|she|I|{NAME_RUN.pattern})[ \t]+(?P<verb2>[a-z]{{3,}}(?:ed|s))\b)")
ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<subj>[^,.;:!?“”\"\n]{2,80})")
POSSESSIVE_WORDS = re.compile(
    rf"(?P<who>{NAME_RUN.pattern})['’]s?\s+(?:[a-z]+\s+)?(?:statements?|comments?|remarks?|words|claims?|assertions?|"
    r"arguments?|message|warnings?|promises?|pledges?|views?|descriptions?|answers?|replies|reply|response|tweets?|posts?)\b")
# Words that name a title or a name, a comma allowed before the marks: `a story headlined, “…”`,
# `goes by the name “…”` (a comma after "called" is a speech verb's: `she called, “Wait!”`)
TITLE_WORDS = (r"(?:entitled|titled|headlined|the\s+(?:headline|title|name|slogan|hashtag|caption))[ \t]*,?[ \t]*")
# Words right before a short quoted span that make it a name, title or scare quote.
NAMING = re.compile(
    r"(?:(?:so-called|so called|called|calling|call|calls|known\s+as|named|naming|dubbed|dubbing|termed|nicknamed|"
    r"marked|the\s+words?|the\s+phrase|the\s+term|the\s+expression|labelled|labeled|read|reading|"
    r"word|words|phrase|term)\s*|" + TITLE_WORDS + r")$", re.I)
SPEECH_WORD = re.compile(rf"\b(?:{_VERB_ALT}|answer|statement|words|lines|message|post|reply|remarks|"
                          r"speech|interview|tweet|voice|addressed|remarking|replying|intoned|aloud|exclaiming)\b", re.I)
FUNCTION_WORDS = frozenset(
    """with to for and or but as in on at of from by is was are were be been that which who because if when
    after before over during into than about against since until while so nor yet also not has have had
    will would could should may might must can do does did it its this these those they he she we you i
    said says told added according""".split())
PREP_BEFORE = re.compile(r"\b(?:to|of|in|on|at|from|with|for|by|into|the|a|an|as|than|about|like|his|her|their|"
                          r"our|my|its)\s*$", re.I)

# Past-tense verbs after a comma-ended quote that are actions, not speech.
NOT_SPEECH_ED = frozenset("""walked turned looked stopped opened closed entered left stood sat rose
passed moved followed watched seemed appeared reached handed pulled pushed""".split())


# Abbreviated titles whose period ends no sentence: "said California Sen. Dianne Feinstein".
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt",
                       "Capt", "Cmdr", "Adm", "Maj", "Prof", "Rev", "Hon", "Supt", "Insp", "Atty", "Pres", "Messrs")
_ABBREVIATION_SET = frozenset(TITLE_ABBREVIATIONS)
# The punctuation is found first and the word before it checked in Python: a lookbehind per
# title in the pattern would be tried at every character (ten times slower).
_CLAUSE_PUNCT = re.compile(r"[.;!?](?=\s|$)")
_SENTENCE_DOT = re.compile(r"\.(?=\s|$)")


def ends_sentence(text: str, i: int) -> bool:
    """Return False for punctuation at `i` after a capital ("J.", "U.S.") or a title's period ("Sen.")."""
    if i and text[i - 1].isupper():
        return False
    if text[i] != ".":
        return True
    j = i
    while j and text[j - 1].isalpha():
        j -= 1
    return not (text[j:i] in _ABBREVIATION_SET and (j == 0 or not text[j - 1].isalnum()))


def clause_end(window: str, pos: int) -> int:
    """Return where the attribution that starts a window ends: its sentence's end (`, recoiling.`)."""
    for m in _CLAUSE_PUNCT.finditer(window, pos):
        if ends_sentence(window, m.start()):
            return m.end()
    return len(window)


def cut_at_sentence_end(phrase: str) -> str:
    """Return `phrase` up to its first sentence-ending period (titles' and initials' periods aside)."""
    for m in _SENTENCE_DOT.finditer(phrase):
        if ends_sentence(phrase, m.start()):
            return phrase[:m.start()]
    return phrase


def verb_ok(verb: str, beat_ok: bool = False) -> bool:
    """Return True when `verb` (with its particle) cues speech; a beat ("smiled") only when `beat_ok`."""
    parts = verb.split()
    if parts[0] not in _VERB_SET or (parts[0] in _BEAT_VERBS and not beat_ok):
        return False
    need = _PARTICLE_VERBS.get(parts[0])
    return need is None or (len(parts) > 1 and parts[1] in need)


# The patterns of a cue next to a quote that name someone other than the subject before the verb.
# `“…,” I heard one small urchin grumbling`, `“…,” we heard the old man say`
HEARD = re.compile(rf"[ \t]+(?:I|we)[ \t]+(?:heard|overheard)[ \t]+"
                    rf"(?P<subj>{NAME_RUN.pattern}|(?:{DET}|one)(?:[ \t]+{NOUNISH}){{1,3}})"
                    r"[ \t]+(?P<verb>[a-z]+ing|say|mutter|whisper|call|cry|ask|grumble|shout)\b")
# `…,” the Jerusalem Post quoted him saying`: the one quoted speaks, not the outlet quoting
# (`…,” the Al-Ahad news website quoted Head of Al-Anbar Provincial Council Khalaf Tarmouz as saying`)
_TITLE_WORDS_BEFORE = r"(?:[A-Z][\w'’.-]*[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?){0,6}?"  # "Head of Al-Anbar Provincial Council"
QUOTED_OBJECT = re.compile(rf"[ \t]+(?:{DET}[ \t]+)?(?:[\w'’.-]+[ \t]+){{0,3}}?(?:{NAME_RUN.pattern}|[a-z]+)[ \t]+"
                            rf"(?:quoted|cited)[ \t]+"
                            rf"(?P<subj>him|her|them|{_TITLE_WORDS_BEFORE}{NAME_RUN.pattern}|{DET}(?:[ \t]+{NOUNISH}){{1,3}}?)"
                            r"[ \t]+(?:as[ \t]+)?(?:saying|telling|writing|having\s+said)\b")
# An absolute clause naming who speaks: "…, with one user writing:", "with a spokesman saying"
WITH_SPEAKER = re.compile(rf"\bwith[ \t]+(?P<np>(?:{DET}|one|another|some|many|several)(?:[ \t]+[a-z][\w'’-]*){{1,3}}?)[ \t]+$")
PREPOSITION_END = re.compile(r"\b(?:on|in|at|into|onto|under|over|inside|outside|near|beside|from)[ \t]+$")
# A sentence opened by a described person and a past-tense verb: "The frustrated worker posted …"
PERSON_OPENS = re.compile(rf"\W*(?P<subj>{DET}[ \t]+(?:[a-z][\w'’-]*[ \t]+){{0,3}}?(?P<head>[a-z][\w'’-]*))[ \t]+[a-z]+ed\b")
# An inverted cue, its name and up to two appositives, then the colon before the quote
INVERTED_BEFORE_COLON = re.compile(rf"\b(?P<cue>{CUE})[ \t]+(?P<subj>{NAME_RUN.pattern})(?:,[ \t]+[^,:;“”\"]{{1,80}}){{1,2}}:$")
# A determiner, a title of lower-case words (and a capitalised place or body), then a full name
TITLED_NAME = re.compile(rf"(?P<title>{DET}(?:[ \t]+[a-z][\w'’-]*){{1,8}}"
                          rf"(?:[ \t]+(?:for|of|at)(?:[ \t]+[A-Z][\w.'’-]*){{1,3}})?)"
                          rf"[ \t]+(?P<name>{NAME_RUN.pattern})(?=\s*[,.;]|\s*$)")
OBJECT_PRONOUN = {"him": "he", "her": "she", "them": "they"}


# The subject that opens a sentence: "On Friday, Beijing, which …, has vowed …, calling it …"
MAIN_SUBJECT = re.compile(
    rf"\W*(?P<opener>(?:On|In|At|After|Before|During|Earlier|Later|Meanwhile|However|But|And|Yet|Still|Now|Then|Plus|Also|"
    rf"Moreover|Furthermore|Besides|Instead|Indeed|Finally|Separately|Likewise|Similarly)\b"
    rf"[^,]{{0,40}},\s*|[A-Z][a-z]+ly,\s*|[A-Z][a-z]{{3,}}ing,\s*|(?:When|While|As|If|Although|Though|Because|Since|Once|Until)\s[^,“”\"]{{0,60}}"
    rf"(?:,[^,“”\"]{{1,30}})?,\s*)?"
    rf"(?:(?:though|however|too|then|still|again|instead|meanwhile),\s*)?"  # "On Twitter, though, he was …"
    rf"(?P<subj>{DET}\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+?|[A-Z][\w-]*['’]s\s+[a-z][\w-]*|{NAME_RUN.pattern}|{PRONOUN}\b)"
    rf"(?P<paren>\s*,[^,]{{1,80}},)?\s+(?:has\s+|had\s+|was\s+|is\s+|also\s+|later\s+|then\s+)*[a-z]+\b"
    r"(?!,\s+(?:the|a|an)\s[^,]{1,60},)")
# A subordinate clause after the main one, with its own named subject, running on to a
# participle: "…, although Stephen King was among those questioning the decision, writing"
TRAILING_SIDE_SUBJECT = re.compile(
    rf",\s+(?:although|though|while|whereas|because|since|after|when)\s+(?P<subj>{NAME_RUN.pattern})\s+"
    r"(?:has\s+|had\s+|was\s+|is\s+|were\s+|also\s+)*[a-z]+\b[^.;:!?“”\"]*,\s*$")
# (a subordinate opener and a parenthetical are no main clause: "When the reporter asked, Ann Roe
# declined, telling her …", "A masked fighter, the Times reports, appears … saying")
# "Serhii Radio, a chemistry researcher, says that …": whoever says something is a person.
REPORTED_VERB = re.compile(r"\b(?:said|says|told|tells|added|adds|asked|wrote|explained|argued|insisted|recalled|warned)\b")
_REPORTED_WORDS = REPORTED_VERB.pattern[5:-3].split("|")


def reported_verb_starts(text: str) -> list[int]:
    """Return where REPORTED_VERB matches in `text`, in order, found word by word with str.find.

    The regex tried its 13 alternatives at every position of the document; a whole word cannot
    overlap another, so the matches are the occurrences of each word with a word boundary
    (re's: a letter, digit or "_" on one side only) at both ends.
    """
    starts = []
    n = len(text)
    for word in _REPORTED_WORDS:
        size = len(word)
        at = text.find(word)
        while at != -1:
            end = at + size
            if (at == 0 or not _word_char(text[at - 1])) and (end == n or not _word_char(text[end])):
                starts.append(at)
            at = text.find(word, at + 1)
    starts.sort()
    return starts


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"

_SENTENCE_BREAK = re.compile(r"[.!?][’'\"”]?\s+(?=[A-Z“\"‘])")


def main_subject_of_last_sentence(window: str, before: int | None = None) -> re.Match[str] | None:
    """Return the MAIN_SUBJECT match of the last sentence that starts in `window` (before `before`), else None."""
    opens = [m.end() for m in _SENTENCE_BREAK.finditer(window, 0, len(window) if before is None else before)]
    return MAIN_SUBJECT.match(window, opens[-1] if opens else 0)


def in_side_clause(window: str, at: int) -> bool:
    """Return True when `at` lies in the opening subordinate clause or a parenthetical of its sentence."""
    mm = main_subject_of_last_sentence(window, at)
    return mm is not None and any(mm.start(g) <= at < mm.end(g) for g in ("opener", "paren") if mm.group(g))
