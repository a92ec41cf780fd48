"""Word lists the relevance and stance stages share: cues of negation, possibility,
certainty and retraction, antonym pairs, and a small thesaurus of news paraphrases.

All entries are in folded form (lower case, ASCII, no apostrophes: "didnt"), matched on
word boundaries. They describe English news prose in general; none is tied to a source.
"""

from __future__ import annotations

from functools import lru_cache

from .text import stem

# Numbers written as words ("three rounds", "dozens of"), with the count each stands for.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "dozens": 24,
}

# Phrases that turn a statement negative, in folded form (matched on word boundaries).
NEGATIVE_PHRASES = (
    "rule out", "ruled out", "rules out", "ruling out", "deny", "denied", "denies", "denying",
    "reject", "rejected", "rejects", "rejecting", "refuse", "refused", "refuses", "refusing",
    "dismiss", "dismissed", "dismisses", "dismissing", "oppose", "opposed", "opposes",
    "decline", "declined", "declines", "halt", "halted", "cancel", "cancelled", "canceled",
    "fail", "failed", "fails", "impossible", "unlikely", "unrealistic", "no longer", "nothing",
    "none", "neither", "nor", "never", "not", "no", "without", "cannot", "lack", "lacks",
    "unable", "ban", "banned", "forbid", "forbade", "forbidden", "refute", "refuted",
    "false", "untrue", "hoax", "fake", "debunk", "debunked", "baseless", "unfounded",
    "give up", "gave up", "given up", "gives up", "giving up", "abandon", "abandoned", "abandons", "abandoning",
    "yet to", "postpone", "postponed", "postpones", "postponing", "called off", "call off", "calls off",
)
# Phrases that open a door: possibility rather than certainty.
POSSIBLE_PHRASES = (
    "could", "may", "might", "possibly", "possible", "consider", "considered",
    "considering", "open to", "door open", "door slightly open", "door is open", "left the door",
    "not rule out", "not ruled out", "not ruling out", "wouldnt rule out", "would not rule out",
    "did not rule out", "didnt rule out", "suggest", "suggested", "suggests", "hint", "hinted",
    "hints", "reportedly", "allegedly", "rumor", "rumour", "rumored", "rumoured", "claims",
    "perhaps", "maybe", "seemed", "seems", "appear", "appeared",
)
PROBABLE_PHRASES = ("likely", "unlikely", "probably", "expected", "expect", "expects")
# A retraction or denial aimed at what the claim reports.
RETRACTION_PHRASES = (
    "walked back", "walk back", "walks back", "walking back", "backtracked", "backtrack",
    "retracted", "retract", "reversed course", "reversed", "u-turn", "recanted", "took back",
    "contradict", "contradicts", "contradicted", "denied", "denies", "deny", "refuted",
    "debunked", "hoax", "fake", "false", "not true", "untrue", "no evidence", "fabricated",
    "misleading", "clarified", "corrected",
)
# The retractions in which speakers take back their own words: they said them.
WALKBACK_PHRASES = frozenset((
    "walked back", "walk back", "walks back", "walking back", "backtracked", "backtrack", "retracted",
    "retract", "reversed course", "u-turn", "recanted", "took back", "clarified", "corrected",
))
# Pairs of words that state opposite things about the same topic.
ANTONYMS = (
    ("increase", "decrease"), ("rise", "fall"), ("raise", "lower"), ("win", "lose"),
    ("won", "lost"), ("accept", "reject"), ("approve", "reject"), ("confirm", "deny"),
    ("alive", "dead"), ("open", "closed"), ("support", "oppose"), ("agree", "disagree"),
    ("allow", "ban"), ("allow", "forbid"), ("allow", "prohibit"), ("true", "false"), ("real", "fake"),
    ("guilty", "innocent"), ("success", "failure"), ("succeed", "fail"), ("start", "end"),
    ("begin", "end"), ("more", "less"), ("higher", "lower"), ("up", "down"), ("strong", "weak"),
    ("likely", "unlikely"), ("possible", "impossible"), ("legal", "illegal"), ("found", "lost"),
    ("arrest", "release"), ("survive", "die"), ("survived", "died"), ("hire", "fire"),
    ("expand", "shrink"), ("gain", "loss"), ("boost", "cut"), ("north", "south"), ("east", "west"),
    ("short", "lengthy"), ("brief", "lengthy"), ("productive", "unproductive"), ("praised", "criticism"),
    ("praise", "criticism"), ("safe", "wounded"), ("safe", "injured"), ("unharmed", "wounded"),
    ("unharmed", "injured"), ("unhurt", "wounded"), ("unhurt", "injured"),
)

# Opposites read only where the passage says the claim's words around them (`alignment`):
# "three days after the birth" against "three days before the birth", "operating below
# capacity" against "above capacity". The alignment makes a wider list safe than ANTONYMS,
# which are read anywhere in a clause: "before", "many" or "public" are too common for that.
# Regular inflections come from the stem ("started" ~ "start"); irregular ones are listed.
ALIGNED_OPPOSITES = (
    ("before", "after"), ("many", "few"), ("more", "fewer"), ("most", "least"), ("most", "fewest"),
    ("inside", "outside"), ("indoor", "outdoor"), ("internal", "external"), ("public", "private"),
    ("good", "bad"), ("better", "worse"), ("best", "worst"), ("include", "exclude"),
    ("safe", "dangerous"), ("always", "never"), ("easy", "difficult"), ("above", "below"),
    ("over", "under"), ("top", "bottom"), ("upper", "lower"), ("majority", "minority"),
    ("maximum", "minimum"), ("positive", "negative"), ("optimistic", "pessimistic"),
    ("expensive", "cheap"), ("rose", "fell"), ("risen", "fallen"), ("rising", "falling"),
    ("grow", "shrink"), ("grew", "shrank"), ("growth", "decline"), ("gained", "lost"),
    ("winner", "loser"), ("victory", "defeat"), ("profit", "loss"), ("surplus", "deficit"),
    ("import", "export"), ("buy", "sell"), ("bought", "sold"), ("buyer", "seller"),
    ("began", "ended"), ("begun", "ended"), ("start", "finish"), ("first", "last"),
    ("earliest", "latest"), ("sooner", "later"), ("ahead", "behind"), ("forward", "backward"),
    ("for", "against"), ("with", "without"), ("pro", "anti"), ("entrance", "exit"),
    ("arrive", "depart"), ("arrival", "departure"), ("born", "died"), ("birth", "death"),
    ("hired", "fired"), ("join", "leave"), ("joined", "left"), ("add", "remove"),
    ("strengthen", "weaken"), ("tighten", "loosen"), ("tighten", "ease"), ("raise", "cut"),
    ("increase", "reduce"), ("increase", "cut"), ("expand", "contract"), ("acquit", "convict"),
    ("acquitted", "convicted"), ("pass", "fail"), ("passed", "failed"), ("approve", "veto"),
    ("permanent", "temporary"), ("present", "absent"), ("full", "empty"), ("urban", "rural"),
    ("domestic", "foreign"), ("male", "female"), ("men", "women"), ("ancient", "modern"),
    ("same", "different"), ("similar", "different"), ("love", "hate"), ("friend", "enemy"),
    ("rich", "poor"), ("wealthy", "poor"), ("offensive", "defensive"), ("attack", "defend"),
    ("left", "right"), ("minor", "major"), ("on", "off"), ("plus", "minus"), ("near", "far"), ("nearer", "farther"),
    ("nearest", "farthest"), ("start", "stop"), ("continue", "stop"), ("resume", "suspend"),
    ("widespread", "rare"), ("common", "rare"), ("frequent", "rare"), ("often", "rarely"),
    ("sign", "veto"), ("approve", "block"), ("attend", "skip"), ("end", "continue"), ("reopen", "shut"),
    ("hire", "lay"), ("hired", "laid"),
    ("charged", "acquitted"), ("impose", "lift"), ("imposed", "lifted"), ("open", "shut"),
    ("mandatory", "voluntary"), ("required", "optional"), ("praise", "criticise"), ("praise", "criticize"),
    ("praised", "criticised"), ("praised", "criticized"), ("praised", "condemned"), ("uphold", "overturn"),
    ("upheld", "overturned"), ("upheld", "struck"), ("rise", "dip"), ("rose", "dipped"),
    ("against", "favour"), ("against", "favor"), ("beat", "missed"), ("beat", "miss"),
    ("front", "back"), ("front", "rear"),
)
# Gradable adjectives: their comparatives and superlatives are opposed too (strong / weak,
# stronger / weaker, strongest / weakest), formed by the spelling rules of English.
GRADABLE_OPPOSITES = (
    ("strong", "weak"), ("high", "low"), ("big", "small"), ("large", "small"), ("early", "late"),
    ("fast", "slow"), ("young", "old"), ("new", "old"), ("long", "short"), ("wide", "narrow"),
    ("deep", "shallow"), ("hot", "cold"), ("warm", "cool"), ("rich", "poor"), ("easy", "hard"),
    ("thick", "thin"), ("heavy", "light"), ("wet", "dry"), ("soft", "hard"), ("loud", "quiet"),
    ("happy", "sad"), ("tight", "loose"), ("safe", "risky"), ("cheap", "dear"),
    ("tall", "short"), ("bright", "dark"), ("clean", "dirty"),
)
# Prefixes that make an adjective its opposite ("likely" / "unlikely", "legal" / "illegal"),
# with the shortest base they take; "in" only before an adjective ending (see alignment).
NEGATING_PREFIXES = (("un", 4), ("non", 4), ("in", 5), ("im", 5), ("il", 5), ("ir", 5))
ADJECTIVE_ENDINGS = ("able", "ible", "ive", "ent", "ant", "al", "ate", "ect", "ete", "id", "ure", "ous", "ful")

# Irregular past tenses and their verbs: with the -ed forms, what a claim says happened
# ("Parasite lost"); a passage with the verb in another form ("to win") still says it.
_PAST_FORMS = """arose:arise awoke:awake became:become began:begin
    bent:bend bit:bite bled:bleed blew:blow broke:break brought:bring built:build bought:buy caught:catch
    chose:choose clung:cling came:come crept:creep dealt:deal dug:dig drew:draw drank:drink drove:drive
    ate:eat fell:fall fed:feed felt:feel fought:fight found:find fled:flee flew:fly forbade:forbid
    forgot:forget forgave:forgive froze:freeze got:get gave:give went:go grew:grow hung:hang heard:hear
    hid:hide held:hold kept:keep knelt:kneel knew:know laid:lay led:lead leapt:leap left:leave lent:lend
    lost:lose made:make meant:mean met:meet paid:pay ran:run rang:ring rose:rise sang:sing sank:sink
    sat:sit saw:see sought:seek sold:sell sent:send shook:shake shone:shine shot:shoot shrank:shrink
    slept:sleep slid:slide spoke:speak sped:speed spent:spend spun:spin sprang:spring stood:stand
    stole:steal stuck:stick stung:sting struck:strike swore:swear swept:sweep swam:swim swung:swing
    took:take taught:teach tore:tear thought:think threw:throw understood:understand woke:wake wore:wear
    wove:weave wept:weep won:win wound:wind withdrew:withdraw wrote:write"""
# Light verbs carry little of their own: "held a press conference" is said by "during a press
# conference, X addressed ...", so their absence does not block support.
_LIGHT_PAST = frozenset("became brought came gave got went held kept laid led made meant met saw took".split())
IRREGULAR_PAST = {past: verb for past, verb in (pair.split(":") for pair in _PAST_FORMS.split())
                  if past not in _LIGHT_PAST}
LIGHT_VERBS = _LIGHT_PAST | frozenset("""
    become becomes bring brings come comes give gives get gets go goes hold holds keep keeps lay
    lays lead leads make makes mean means meet meets see sees take takes have has had do does did
""".split())

# Cues that open a door: they make a statement positive whatever negation sits inside them.
OPENING_PHRASES = frozenset((
    "door open", "door slightly open", "door is open", "left the door", "open to", "not rule out",
    "not ruled out", "not ruling out", "wouldnt rule out", "would not rule out", "did not rule out",
    "didnt rule out",
))

# Groups of words that news prose uses for the same thing. A claim word matches a passage
# word of its group (at a discount), so "troops" finds "soldiers" and "peacekeepers".
SYNONYM_GROUPS = (
    "troops soldiers forces peacekeepers servicemen personnel army",
    "killed dead died slain death",
    "arrested detained held custody",
    "said stated told claimed remarked declared",
    "warned threatened",
    "called labeled labelled described branded dubbed termed",
    "ruled dismissed rejected excluded",
    "sanctions penalties",
    "president leader head",
    "talks negotiations",
    "deal agreement accord",
    "ceasefire truce",
    "attack strike assault raid",
    "bomb explosive device",
    "missing disappeared vanished",
    "company firm business",
    "car vehicle",
    "plane aircraft jet airliner flight",
    "ship vessel boat",
    "phone smartphone handset",
    "child kid children kids",
    "man guy",
    "woman lady",
    "police officers cops",
    "doctor physician",
    "hospital clinic",
    "money cash funds",
    "buy purchase acquire",
    "use employ utilize utilise",
    "help assist",
    "show reveal demonstrate",
    "need require",
    "try attempt",
    "get obtain receive",
    "build construct",
    "allow permit",
    "choose select pick",
    "hurt injure injured wound wounded",
    "criticise criticize condemn condemned slam slammed",
    "praise praised commend commended hail hailed",
    "investigate investigation probe",
    "regain reclaim recover retake",
    "worried concerned",
    "sell sold",
    "start begin launch",
    "end finish stop halt",
    "big large huge massive",
    "small tiny little",
    "fake hoax false bogus",
    "photo picture image",
    "video footage clip",
    "law legislation bill",
    "vote ballot election",
    "lawmakers legislators congressmen",
    "spokesman spokeswoman spokesperson",
    "fighters militants insurgents rebels jihadists",
    "hostage captive",
    "behead beheaded beheading",
    "capture captured seize seized",
    "claim claims allegation allegations",
    "report reports reported",
    "war conflict",
    "send deploy dispatch",
    "increase rise rose risen climb jump surge soar",
    "decline decrease drop fall fell fallen plunge plummet slump tumble",
    "aid assistance",
    "country nation",
    "plan proposal",
    "main primary principal",
    "tally count",
    "lone only sole",
    "grew grown raised",
    "gadget device",
    "put placed",
    "thought believed assumed supposed",
    "feared afraid",
    "tv television",
    "owned belonging",
    "disclose reveal unveil",
    "joined participated",
    "loaded laden",
    "visit trip",
    "linked associated",
    "saw witnessed",
)


@lru_cache(maxsize=1)
def verb_form_stems() -> dict[str, frozenset[str]]:
    """Return stem -> the stems of the same verb's other forms ("shoot" -> "shot", "shot" ->
    "shoot"): "denied shooting down" is said by "shot down". Past forms that are also other
    words ("found" a firm, "left" the party, a "wound") are left out."""
    out: dict[str, set[str]] = {}
    for past, verb in IRREGULAR_PAST.items():
        if past in _AMBIGUOUS_PAST:
            continue
        a, b = stem(past), stem(verb)
        if a != b:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


_AMBIGUOUS_PAST = frozenset("wound left found rose saw bit felt fell lay stuck ground paid".split())


@lru_cache(maxsize=1)
def synonym_stems() -> dict[str, frozenset[str]]:
    """Return stem -> the stems of its synonyms (itself excluded), the same verb's other
    forms among them, and the other forms of its synonyms ("climbed" -> "rose")."""
    forms = verb_form_stems()
    out: dict[str, set[str]] = {k: set(v) for k, v in forms.items()}
    for group in SYNONYM_GROUPS:
        stems = {stem(w) for w in group.split()}
        stems |= {f for s in list(stems) for f in forms.get(s, ())}
        for s in stems:
            out.setdefault(s, set()).update(stems - {s})
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def antonym_stems() -> dict[str, frozenset[str]]:
    """Return stem -> the stems of its opposites."""
    out: dict[str, set[str]] = {}
    for a, b in ANTONYMS:
        out.setdefault(stem(a), set()).add(stem(b))
        out.setdefault(stem(b), set()).add(stem(a))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def opposite_stems() -> dict[str, frozenset[str]]:
    """Return stem -> the stems of its opposites in aligned text: ANTONYMS, ALIGNED_OPPOSITES and
    the comparative and superlative forms of GRADABLE_OPPOSITES."""
    pairs = list(ANTONYMS) + list(ALIGNED_OPPOSITES)
    for a, b in GRADABLE_OPPOSITES:
        pairs += [(a, b), (graded(a, "er"), graded(b, "er")), (graded(a, "est"), graded(b, "est"))]
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(stem(a), set()).add(stem(b))
        out.setdefault(stem(b), set()).add(stem(a))
    return {k: frozenset(v) for k, v in out.items()}


def graded(adjective: str, ending: str) -> str:
    """Return the comparative ("er") or superlative ("est") of a short adjective:
    large -> larger, early -> earlier, big -> bigger, weak -> weaker."""
    vowels = "aeiou"
    if adjective.endswith("e"):
        return adjective + ending[1:]
    if adjective.endswith("y") and adjective[-2] not in vowels:
        return adjective[:-1] + "i" + ending
    if len(adjective) >= 3 and adjective[-1] not in vowels + "wxy" and adjective[-2] in vowels \
            and adjective[-3] not in vowels:
        return adjective + adjective[-1] + ending  # one vowel before one consonant: big -> bigger
    return adjective + ending


NEGATIVE_WORDS = frozenset(p for p in NEGATIVE_PHRASES if " " not in p) | {
    p.split()[0] for p in NEGATIVE_PHRASES if " " in p and p.split()[1] == "out"}


# ---------------------------------------------------------------------------- document stance cues
# Words with which news prose reports a claim as false, as unconfirmed, or as confirmed. They
# are counted over a whole document (docstance), not scoped to a clause like the phrases above.
REFUTING_WORDS = frozenset("""
    hoax hoaxes fake faked false falsely bogus debunk debunked debunks debunking myth fabricated
    fabrication satire satirical parody prank pranks untrue baseless unfounded misleading lie lies
    lied lying scam doctored photoshopped fraud fraudulent nonsense nope deny denies denied denial
    denying refute refuted refutes retract retracted spoof phony fictional doubt doubts doubtful dubious
""".split())
REFUTING_PHRASES = (
    "not true", "no evidence", "not real", "turns out", "turned out", "made up", "no truth",
    "never happened", "no such", "too good to be true", "fell for", "no proof", "not actually",
    "didnt actually", "did not actually", "isnt real", "is not real",
)
HEDGING_WORDS = frozenset("""
    reportedly allegedly purportedly apparently supposedly claims claimed claiming rumor rumors
    rumour rumours rumored rumoured unconfirmed unverified speculation speculate speculated may
    might could possibly perhaps appears appear appeared seems seem reports according believed
    suspected alleged unclear whether purported possible probable probably seemingly maybe
    suggests suggested hints hinted
""".split())
# Reported speech: the document passes on what someone says rather than stating it.
ATTRIBUTION_WORDS = frozenset("""
    says said say saying told tells according report reports reported reportedly source sources
    statement tweeted wrote posted claims claimed spokesman spokeswoman spokesperson
""".split())
# Modality: what may, will or is planned to happen, not what happened.
MODAL_WORDS = frozenset("""
    could may might would will should possibly likely unlikely expected expects plans planning
    planned set poised considering consider mulling rumored rumoured
""".split())
CONFIRMING_WORDS = frozenset("""
    confirmed confirms confirm official officially announced revealed verified proof proves proven
    definitely indeed
""".split())
# Nouns a number names rather than counts: "Article 4", "Chapter 11", "Flight 370", "Route 66".
LABEL_NOUNS = frozenset("""
    article articles section sections chapter chapters clause clauses paragraph rule rules
    resolution proposition amendment act bill title part flight route highway interstate room
    gate terminal platform phase stage level tier grade category type class model version series
    season episode volume issue page pages figure table item district ward precinct unit lane
    line bus train track game round match week day year covid
""".split())
