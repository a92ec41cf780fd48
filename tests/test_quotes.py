"""Quote spans in real typography, and who said them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cues import _trie
from factcheck.documents import parse_text
from factcheck.quotes import quote_spans
from factcheck.segment import segment
from factcheck.speakers import fold_names, same_person


def _quotes(text: str) -> list:
    return segment(parse_text("t.txt", text, "0"))[1]


def _said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in _quotes(text)}


# ---------------------------------------------------------------------------- spans


def test_straight_and_curly_marks():
    assert list(_said('"We will win," Vance said. “We won’t stop,” Rubio said.')) == ["We will win", "We won’t stop"]


def test_single_quotes_inside_double_are_nested():
    quotes = _quotes("“He’s going to say, ‘Everything is on the table,’” Vance told WSJ.")
    assert [(q.text, q.depth) for q in quotes] == [
        ("He’s going to say, ‘Everything is on the table,’", 0), ("Everything is on the table", 1)]


def test_british_single_quotes_with_apostrophes_inside():
    quotes = _quotes("‘You don’t say so!’ I said. ‘I can’t help the boys’ games,’ she replied.")
    assert [q.text for q in quotes] == ["You don’t say so!", "I can’t help the boys’ games"]


def test_apostrophes_and_elisions_are_not_quotes():
    assert _quotes("The boys' room was full of 'em, and rock 'n' roll played in the '90s.") == []


def test_quote_introduced_by_a_colon():
    assert _said("In a post, the president wrote: “NATO wasn’t there when we needed them.”") == {
        "NATO wasn’t there when we needed them.": None} or \
        list(_said("In a post, the president wrote: “NATO wasn’t there when we needed them.”")) == [
            "NATO wasn’t there when we needed them."]


def test_quote_interrupted_by_its_attribution():
    said = _said("“Now then,” said Tommy, taking a bite of bun, “let’s get up-to-date.”")
    assert said == {"Now then": "Tommy", "let’s get up-to-date.": "Tommy"}


def test_multi_paragraph_quote_repeats_only_its_opening_mark():
    text = ("Lacerda told the paper: “A lot of things happened in that bedroom.\n\n"
            "“I remember the white sheets.\n\n“But I know they played with us.” She stopped.\n")
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text == ("A lot of things happened in that bedroom. I remember the white sheets. "
                              "But I know they played with us.")
    assert quotes[0].speaker == "Lacerda"


@pytest.mark.parametrize("text", [
    "He said “this never closes and the paragraph ends",
    "Stray ” closing mark and “ an opening one",
    "“”“”‘’‘’\"\"''",
    "“Nested ‘deeply “very” deep’ quote” and ‘unbalanced",
])
def test_unbalanced_marks_recover(text):
    for q in _quotes(text):
        assert 0 <= q.start <= q.end <= len(text)


def test_unclosed_quote_ends_with_its_paragraph():
    spans = quote_spans("She said, “I will go home\n\nThe next paragraph is narration.")
    assert [(s.start, s.unclosed) for s in spans] == [(10, True)]
    assert spans[0].end == len("She said, “I will go home")


def test_scare_quotes_and_titles_are_not_speech():
    text = ("The so-called “deal” fell through. They watched “The Silence of the Lambs” on Friday. "
            "Labor’s “pragmatic” climate policies were announced.")
    assert _quotes(text) == []


@pytest.mark.parametrize("text", [
    "The colleagues printed the remarks in a booklet titled “The Collected Sayings of Our Great Mayor.”",
    "At 6:36 p.m. the operator ordered its “Stage 3” action across the grid.",
    "Asked about the name, Scott told “Morning Show” co-host Ann Fox that it was old.",
])
def test_titles_after_naming_words_and_names_inside_noun_phrases_are_not_speech(text):
    assert _quotes(text) == []


def test_fragment_attributed_in_its_sentence_is_a_quote():
    said = _said("On Wednesday, U.S. President Donald Trump said he held a “lengthy and highly productive "
                 "phone call” with Putin.")
    assert said == {"lengthy and highly productive phone call": "Donald Trump"}


def test_quote_offsets_cover_the_marks():
    text = "“Hello there,” she said."
    q = _quotes(text)[0]
    assert text[q.span_start:q.span_end] == "“Hello there,”"
    assert text[q.start:q.end] == "Hello there,"


# ---------------------------------------------------------------------------- news syntax

# The attributions English news uses, written for this test (not taken from any data set).
NEWS_SYNTAX = [
    ("As one commentator has argued, “Identity has become an agenda of inclusion.”", "one commentator"),
    ("“We will appeal,” said Jane Smith, a spokeswoman for the agency.", "Jane Smith"),
    ("The Finance Ministry released figures on Monday.\n\n“Growth will slow,” the"
     " ministry said in a statement.", "Finance Ministry"),
    ("Tom Brown, 45, said: “It was terrible.”", "Tom Brown"),
    ("“It was terrible”, says Tom Brown.", "Tom Brown"),
    ("In a statement, the company said: “We regret the error.”", "the company"),
    ("“The talks were useful,” according to a statement from the White House.", "White House"),
    ("A spokesperson for Apple said: “We do not comment on rumours.”", "Apple"),
    ("“We are ready,” Maria Lopez told CNN on Sunday.", "Maria Lopez"),
    ("“This is fake news,” Donald Trump wrote on X, formerly Twitter.", "Donald Trump"),
    ("Speaking to reporters, Keir Starmer said: “We will act.”", "Keir Starmer"),
    ("“It is a disgrace.” Tom Brown said.", "Tom Brown"),
    ("“We will act,” Mr. Smith said.", "Smith"),
    ("“We will act,” said Sen. Chuck Schumer, D-N.Y.", "Chuck Schumer"),
    ("“We will act,” said Rep. Alexandria Ocasio-Cortez (D-N.Y.).", "Alexandria Ocasio-Cortez"),
    ("“The West is to blame,” Vladimir Putin said, according to Interfax.", "Vladimir Putin"),
    ("Asked whether he would resign, Tom Brown replied: “Absolutely not.”", "Tom Brown"),
    ("“We will not back down,” the statement read.", "the statement"),
    ("Smith's spokesman, John Doe, said: “No comment.”", "John Doe"),
    ("“No comment,” Senator Smith's office said.", "office"),
    ("“It has been a nightmare,” said one resident, who asked not to be named.", "resident"),
    ("Maria Lopez, the mayor, said the city was ready.\n\n“We have prepared for"
     " months.”\n\n“Nobody will be left behind.”", "Maria Lopez"),
    ("“We have a plan,” said Health Minister Anna Berg. “It will work.”", "Anna Berg"),
    ("“Prices will rise,” warned Bank of England governor Andrew Bailey.", "Andrew Bailey"),
    ("Tom Brown, the chief executive of Acme, which makes widgets, told shareholders: “We grew.”", "Tom Brown"),
    ("“We grew,” Tom Brown, the chief executive of Acme, which makes widgets in Ohio, told shareholders.", "Tom Brown"),
    ("The union's leader, Sara Kim, said it was “a historic day.”", "Sara Kim"),
    ("Police said the man was “known to officers.”", "Police"),
    ("“We will find them,” police said.", "police"),
    ("Officials said the storm was “unprecedented.”", "Officials"),
    ("“It was unprecedented,” officials said.", "officials"),
    ("“I'm thrilled,” Smith, who won in 2019, said on Tuesday.", "Smith"),
    ("Jane Smith was elected in 2019. “I'm thrilled,” she said after the count.", "Jane Smith"),
    ("“We lost,” admitted coach Andy Reid.", "Andy Reid"),
    ("“Vote,” urged former President Barack Obama in a video.", "Barack Obama"),
    ("According to Tom Brown, the deal was “almost done.”", "Tom Brown"),
    ("The deal was “almost done,” according to Tom Brown.", "Tom Brown"),
    ("“The deal is done,” a source familiar with the talks told Reuters.", "source"),
    ("“The deal is done,” two people familiar with the matter said.", "people"),
]


@pytest.mark.parametrize("text, speaker", NEWS_SYNTAX)
def test_news_attribution_syntax(text, speaker):
    got = _quotes(text)[-1].speaker
    assert got and speaker.lower() in got.lower()


# ---------------------------------------------------------------------------- speakers


@pytest.mark.parametrize("text, speaker, cue", [
    ("“We will act,” Vance said.", "Vance", "said"),
    ("“We will act,” said Vance.", "Vance", "said"),
    ("“We will act,” Vance was quoted as saying.", "Vance", "was quoted as saying"),
    ("“We had not heard it,” Kremlin spokesman Dmitry Peskov told reporters.", "Dmitry Peskov", "told reporters"),
    ("Kremlin spokesman Dmitry Peskov told reporters: “We had not heard it.”", "Dmitry Peskov", "told"),
    ("“The plan is sound,” according to Marco Rubio.", "Marco Rubio", "according to"),
    ("“It is done,” Peskov, the Kremlin spokesman, said.", "Peskov", "said"),
])
def test_cue_and_subject_in_either_order(text, speaker, cue):
    q = _quotes(text)[0]
    assert (q.speaker, q.cue) == (speaker, cue)


@pytest.mark.parametrize("text, speaker", [
    ("“We will do it,” said former U.S. Ambassador to NATO Kurt Volker.", "Kurt Volker"),
    ("U.S. Secretary of State Marco Rubio said: “We will do it.”", "Marco Rubio"),
    ("“We will do it,” Reuters Editor-in-Chief Alessandra Galloni said.", "Alessandra Galloni"),
    ("“We will do it,” United States President Donald Trump said on Friday.", "Donald Trump"),
    ("“We will do it,” Russian President Vladimir Putin told reporters.", "Vladimir Putin"),
    ("Rebecca English of the Daily Mail recalled: “I was there at the time.”", "Rebecca English"),
    ("“It is done,” the Kremlin’s spokesman, Dmitry Peskov, said.", "Dmitry Peskov"),
    ("“The lower your latitude, the better,” Jim Cantrell, who worked at SpaceX in its earliest days and is "
     "now CEO of launch startup Phantom Space, told Rest of World.", "Jim Cantrell"),
    ("“The plan is late,” said Maine Sen. Angus King, a member of the committee.", "Angus King"),
    ("“The roads are shut,” Dr. Helen Marsh, the head of the county clinic in the north of the valley near the "
     "old mill, said in an interview.", "Helen Marsh"),
    ("“Leave him out of this,” Moreno shot back.", "Moreno"),
    # iNews (fundus-en-news): a name with its age, then appositives ending on a place
    ("One of the protesters, Hayley Walsh, 42, a lecturer from Nottingham, said: “Years of writing to MPs "
     "hasn’t seen the urgent change needed.”", "Hayley Walsh"),
    ("Fellow protester, mechanical engineer Richard Weir, 60, from Tynemouth, North Tyneside, said: “I started "
     "my career in the shipyards of Tyneside.”", "Richard Weir"),
    # "went on to say": the subject is before "went" (FNC-1 body 1824, "went onto say")
    ("The unnamed journalist went onto say, \"It's so stupid. I don't know what to say.\"", "The unnamed journalist"),
    ("Mayor Jane Roe went on to say: “We will rebuild.”", "Jane Roe"),
])
def test_name_spans_around_titles_and_appositives(text, speaker):
    assert _quotes(text)[0].speaker == speaker


def test_pronoun_goes_to_the_subject_named_last_not_an_earlier_speaker():
    text = ("“We condemn the attack,” Editor-in-Chief Alessandra Galloni said.\n\n"
            "AFP Global News Director Phil Chetwynd reiterated his call for an investigation.\n\n"
            "“This would add more weight to the theory,” he said.\n")
    assert _said(text)["This would add more weight to the theory"] == "Phil Chetwynd"


def test_a_role_in_an_appositive_makes_a_person():
    text = ("“We condemn the attack,” Carl Olsen said.\n\n"
            "Ihtiram Bakshi, the network's manager of international communications, urged restraint.\n\n"
            "“This was deliberate,” he said.\n")
    assert _said(text)["This was deliberate"] == "Ihtiram Bakshi"


def test_a_pronoun_skips_the_person_another_pronoun_went_to():
    text = ("“Your record is weak,” Vikram Okonjo said.\n\n“Leave my family out of this,” Maria Lopez said. "
            "As Okonjo played down the boos he faced, she added: “You are a disgrace.”")
    assert _said(text)["You are a disgrace."] == "Maria Lopez"


def test_a_pronoun_opening_a_sentence_goes_on_with_the_main_clause_subject():
    text = ("Governor John Hale said in his statement that his aide, Tom Reyes, had told him that the budget was short."
            "\n\nHe also said that the plan would “save the town from ruin.”\n")
    assert _said(text) == {"save the town from ruin.": "John Hale"}


def test_a_definite_person_noun_is_the_person_just_named():
    text = ("Mr. Ashby came up the steps with his hat in his hand. “Good evening,” said the gentleman.\n\n"
            "Ravi Menon paints murals in the villages. The youth pays for the paint himself. “I will paint more,” he "
            "said.\n")
    assert _said(text) == {"Good evening": "Mr. Ashby", "I will paint more": "Ravi Menon"}


@pytest.mark.parametrize("text, speaker", [
    ("The reform was a war on “the collective society,” as Margaret Thatcher put it, and it failed.", "Margaret Thatcher"),
    ("The economist Joseph Stiglitz comments that “rapid liberalization was the cause.”", "Joseph Stiglitz"),
    ("Senator Ann Ray, who labeled Hegseth’s comments a “rookie mistake”, spoke first.", "Ann Ray"),
])
def test_reporting_verbs_of_essays_and_a_noun_that_is_no_verb(text, speaker):
    assert _quotes(text)[0].speaker == speaker


def test_given_names_carry_a_gender():
    text = "Emma looked across the table at Philip. “Come here at once,” he said."
    assert _said(text) == {"Come here at once": "Philip"}


def test_kin_noun_resolves_through_the_possessor():
    text = ("Mr. Bennet made no answer. “Do you not want to know who has taken it?” cried his wife impatiently. "
            "Mrs. Bennet was a woman of mean understanding.")
    assert _said(text) == {"Do you not want to know who has taken it?": "Mrs. Bennet"}


def test_a_passive_cue_is_its_agents():
    text = "In June the college was declared an “undesirable” organization by the national prosecutor’s office."
    assert _said(text) == {"undesirable": "the national prosecutor’s office"}


def test_it_is_the_document_that_spoke_last():
    text = ("“The FBI failed to act,” the letter stated.\n\n"
            "It described the stations as part of “a campaign to undermine the nation.”\n")
    assert set(_said(text).values()) == {"the letter"}


def test_they_is_the_group_that_spoke_last():
    text = "“We seek answers,” the lawmakers wrote in a letter.\n\n“The threat is real and growing,” they wrote.\n"
    assert set(_said(text).values()) == {"the lawmakers"}


def test_a_quote_paragraph_after_reported_speech_is_that_persons():
    text = ("MEC Jacob Mamabolo said on Thursday that the centre had met.\n\n"
            "Mamabolo confirmed that all teams remain on full alert.\n\n“The storms are unpredictable and fast-moving.”\n")
    assert _said(text) == {"The storms are unpredictable and fast-moving.": "Jacob Mamabolo"}


def test_a_quote_broken_by_a_stray_paragraph_break_finds_its_cue():
    text = ("MEC Jacob Mamabolo spoke on Thursday.\n\n“The session reviewed early impacts as weather conditions\n\n"
            "deteriorate,” he stated.\n")
    assert [q.speaker for q in _quotes(text)] == ["Jacob Mamabolo"]


def test_continuation_takes_the_previous_speaker():
    said = _said("“There are tools of leverage,” Vance said. “I think there is a deal.”\n\n“It will shock people.”")
    assert set(said.values()) == {"Vance"}


def test_pronoun_resolves_to_the_nearest_person_of_that_gender():
    text = ("Senator Maria Lopez met Governor John Smith on Friday. Lopez spoke first, and her aides nodded.\n\n"
            "“We need the bridge,” she said.\n\n“We cannot pay for it,” he said.")
    assert _said(text) == {"We need the bridge": "Maria Lopez", "We cannot pay for it": "John Smith"}


def test_role_resolves_to_the_person_introduced_with_it():
    text = ("Kremlin spokesman Dmitry Peskov spoke on Friday. Russian President Vladimir Putin was silent.\n\n"
            "“We expect clarification,” the spokesman said.\n\n“No comment,” the president said.")
    assert _said(text) == {"We expect clarification": "Dmitry Peskov", "No comment": "Vladimir Putin"}


def test_one_canonical_name_per_person_in_a_document():
    text = ("U.S. Vice President J.D. Vance spoke in Munich. “There are tools,” Vance said.\n\n"
            "Later, JD Vance added: “We will see.”\n\n“It is early,” the vice president said.")
    assert set(_said(text).values()) == {"J.D. Vance"}


def test_each_greeting_is_spoken_to_the_other():
    text = "The two young people met on the corner. “Tom, old thing!” “Anne, old bean!”"
    assert _said(text) == {"Tom, old thing!": "Anne", "Anne, old bean!": "Tom"}


@given(st.lists(st.text(alphabet="abcdes", min_size=1, max_size=6), min_size=1, max_size=12),
       st.text(alphabet="abcdes ", max_size=10))
def test_trie_alternation_matches_like_the_flat_one(words, probe):
    flat = re.compile("(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + r")\b")
    trie = re.compile("(?:" + _trie(frozenset(words)) + r")\b")
    assert [m.span() for m in flat.finditer(probe)] == [m.span() for m in trie.finditer(probe)]


def test_an_answers_pronoun_is_not_the_one_who_asked():
    text = ("The parson met the old haggler on the road. “Then where do we lie?” said Durbeyfield. "
            "“At Kingsbere, under the church,” he said.")
    assert _said(text)["At Kingsbere, under the church"] == "the parson"


def test_an_action_beat_after_a_place_names_the_speaker():
    text = ("“I will show you out, sir,” said the maid. They went down in silence. In the hall the doctor stopped. "
            "“You have sent for her brother, have you not?”")
    assert _said(text)["You have sent for her brother, have you not?"] == "the doctor"


@pytest.mark.parametrize("text, speaker", [
    ("Douglas Reed turned round to the fire and watched it. Then as he faced us again: “I cannot begin.”",
     "Douglas Reed"),
    ("Another footstep entered the cabin. “We should have brought a pack,” drawled this newcomer.", "this newcomer"),
])
def test_beats_and_noun_phrases_around_a_quote(text, speaker):
    assert _quotes(text)[0].speaker == speaker


def test_dialogue_alternates_between_two_speakers():
    text = "“Ready?” “Yes.” “Then go!” said Tommy. “Wait!” cried Tuppence."
    assert _said(text) == {"Ready?": "Tommy", "Yes.": "Tuppence", "Then go!": "Tommy", "Wait!": "Tuppence"}


def test_seed_speakers_fold_across_documents():
    folded = fold_names(["J.D. Vance", "JD Vance", "Vance", "Donald Trump", "Trump"])
    assert folded == {"J.D. Vance": "J.D. Vance", "JD Vance": "J.D. Vance", "Vance": "J.D. Vance",
                      "Donald Trump": "Donald Trump", "Trump": "Donald Trump"}


def test_ambiguous_surname_is_not_folded():
    folded = fold_names(["Donald Trump", "Melania Trump", "Trump"])
    assert folded["Trump"] == "Trump"


def test_aliases_fold_names_that_do_not_agree():
    aliases = {"J.D. Vance": ["James David Vance", "the vice president"]}
    assert fold_names(["the vice president", "JD Vance"], aliases) == {
        "the vice president": "J.D. Vance", "JD Vance": "J.D. Vance"}
    assert same_person("the vice president", "J.D. Vance", aliases)


@pytest.mark.parametrize("a, b, same", [
    ("Vance", "J.D. Vance", True), ("JD Vance", "J.D. Vance", True), ("James David Vance", "J.D. Vance", True),
    ("Mr. Bennet", "Mrs. Bennet", False), ("Donald Trump", "Eric Trump", False), ("Władysław Kosiniak-Kamysz",
                                                                                   "Wladyslaw Kosiniak-Kamysz", True),
    ("President Trump", "Donald Trump", True), ("Vance", "Peskov", False), ("", "Vance", False),
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab C.,:;!?\n \"'“”‘’«»„—-")), max_size=300))
def test_any_punctuation_soup_yields_valid_quotes(text):
    for q in _quotes(text):
        assert 0 <= q.span_start <= q.start <= q.end <= q.span_end <= len(text)
        assert q.mention_start is None or 0 <= q.mention_start <= q.mention_end <= len(text)


def test_a_fragment_in_a_claims_that_clause_is_the_claimants():
    said = _said('Meghan Markle has been torn apart by a royal expert who countered her claims that she had a '
                 '"rotten time" when she moved to the UK.')
    assert said["rotten time"] == "Meghan Markle"


def test_a_label_put_on_someones_comments_is_the_labellers():
    said = _said("This stance sparked criticism from Senator Roger Wicker, who labeled Hegseth's comments a "
                 "'rookie mistake' for outlining agreements before talks.")
    assert said["rookie mistake"] == "Roger Wicker"


def test_according_to_with_a_colon_attributes_the_next_paragraphs_quote():
    said = _said("He says that he has footage of this individual on his own security cameras.\n\n"
                 "According to a copy of the filing obtained by the Daily Haymaker:\n\n"
                 "“At approximately 3:18 a.m. on June 1, 2023, Defendant John Doe unlawfully and without "
                 "authorization entered upon the property.”\n")
    assert [s for s in said.values()] == ["the filing"]


def test_according_to_a_document_seen_by_a_news_agency_is_the_document():
    assert _said("The talks were “useful,” according to a memo seen by Reuters.") == {"useful": "a memo"}


def test_a_surname_that_is_also_a_title_is_the_person():
    said = _said("Asked why she called the group the Reckoning Crew, Scott told co-host Gayle King, "
                 "\"Because if you don't do what's right by the people, you have to reckon with us.\"\n\n"
                 "\"What is it about Joe Biden that you feel a personal connection to?\" King asked Scott.\n\n"
                 "\"Because our country is so far back now,\" Scott said.\n\n"
                 "\"Are you concerned about your candidate?\" King asked.\n")
    assert said["What is it about Joe Biden that you feel a personal connection to?"] == "Gayle King"
    assert said["Are you concerned about your candidate?"] == "Gayle King"
    assert said["Because our country is so far back now"] == "Scott"



def test_a_cue_verb_coordinated_with_the_main_clause_takes_its_subject():
    quotes = _quotes("So she assumed a dazed expression when Mr. Eager spoke to her, and then said: “A view? Oh, a view!”")
    assert [q.mention for q in quotes] == ["she"]
    quotes = _quotes("As the young woman spoke, he rose, and advancing to the bed's head, said, with more "
                     "kindness than might have been expected of him: ‘Oh, you must not talk about dying yet.’")
    assert [q.mention for q in quotes] == ["he"]
    assert _said("Tom looked at the door when Bill came in, and said: “Hello.”") == {"Hello.": "Tom"}


def test_a_degree_word_before_an_adverb_is_not_part_of_an_inverted_subject():
    said = _said("“Wake up, you young vagabond!” said the man a little impatiently; “I suppose you'd lay there all day.”")
    assert set(said.values()) == {"the man"}
    assert _said("“No,” said the girl rather sharply.") == {"No": "the girl"}


def test_a_step_son_is_the_boy_just_named_when_the_surname_does_not_tell():
    said = _said("Mrs. Pett had brought with her to her new home her only son, Ogden Ford, a fourteen-year-old boy. "
                 "Mr. Peter Pett grunted, but made no verbal comment. Ogden celebrated his victory by putting "
                 "another piece of candy in his mouth. \"I will not be spoken to like that!\" cried Mr. Pett. "
                 "\"I thought you had,\" said his step-son complacently.")
    assert said["I thought you had"] == "Ogden Ford"


def test_a_lower_case_pronoun_after_a_question_takes_any_verb_as_the_cue():
    quotes = _quotes("\"I knows,\" Mary said, with impish glee. \"Why?\" he challenged, sturdily.")
    assert [(q.text, q.mention, q.cue) for q in quotes][1] == ("Why?", "he", "challenged")


# ---------------------------------------------------------------------------- news shapes (no dev change measured)


def test_an_inverted_subject_with_where_they_work_is_the_person():
    assert _said("“The numbers don’t lie,” said Mark Zandi of Moody’s Analytics.") == {
        "The numbers don’t lie": "Mark Zandi"}
    assert _said("“There is no evidence,” said Tom Brown of the University of Chicago.") == {
        "There is no evidence": "Tom Brown"}
    assert _said("“Rates will fall,” said Bank of England governor Andrew Bailey.") == {"Rates will fall": "Andrew Bailey"}


def test_the_ministry_is_not_the_prime_minister():
    said = _said("Prime Minister Anthony Albanese spoke to reporters. The ministry said in a statement that "
                 "the strike was “a grave violation of international law.”")
    assert said["a grave violation of international law."] != "Prime Minister Anthony Albanese"


def test_a_parenthetical_between_subject_and_verb():
    quotes = _quotes("My father, after showing a great concern at it, said to her: “That boy might be happy.”")
    assert [(q.mention, q.how) for q in quotes] == [("My father", "cue-before")]


def test_mr_with_a_surname_is_the_man_of_that_surname():
    from factcheck.speakers import PeopleIndex
    text = ("The residence of Mr. Peter Pett, the financier, was large. There was a literary virus in "
            "Mrs. Pett's system; the name Nesta Ford Pett is familiar to all. Mr. Pett resumed his journey.")
    people = PeopleIndex(text, [])
    assert [m.canon for m in people.mentions if m.name == "Mr. Pett"] == ["Peter Pett"]


def test_the_45_year_old_is_the_person_just_named():
    said = _said("Maria Lopez, 45, has lived in the town for decades. “We have nowhere else to go,” the 45-year-old said.")
    assert said == {"We have nowhere else to go": "Maria Lopez"}


def test_a_party_tag_between_name_and_verb():
    assert _said("“We are ready,” Sen. Lindsey Graham (R-S.C.) said.") == {"We are ready": "Lindsey Graham"}
    assert _said("“We are ready,” Rep. Nancy Pelosi (D-Calif.) told reporters.") == {"We are ready": "Nancy Pelosi"}


def test_a_described_person_then_their_name_in_apposition_is_the_name():
    assert _said("“We are ready,” the company’s chief executive, Tim Cook, said.") == {"We are ready": "Tim Cook"}
    assert _said("“We are ready,” her younger brother, John Smith, said.") == {"We are ready": "John Smith"}


# ---------------------------------------------------------------------------- round 3 (issue #5)
# Patterns the third round of labelled news paragraphs showed the rules missing; each sentence
# is written for the test in the same shape, not taken from the data.


def test_an_inverted_role_then_the_name_in_apposition_is_the_name():
    said = _said("The plan won support. “It is a sound plan,” says the former head of the council, Mara Lind. "
                 "“It will last.”")
    assert said == {"It is a sound plan": "Mara Lind", "It will last.": "Mara Lind"}
    assert _said("“We will appeal,” said a spokesman for the firm, Tom Brand.") == {"We will appeal": "Tom Brand"}
    assert _said("“We will appeal,” said the lawyer, Monday.") == {"We will appeal": "the lawyer"}


def test_a_document_with_whom_it_went_to_speaks_not_the_addressee():
    text = ("Tom Brown said he would go.\n\nThe Greens’ letter to Anna Holt, the regulator, said: "
            "“The scheme was never reviewed.”")
    assert _said(text) == {"The scheme was never reviewed.": "The Greens’ letter"}
    said = _said("The Greens’ letter to the regulator, Anna Holt, said: “The scheme was never reviewed.”")
    assert said == {"The scheme was never reviewed.": "The Greens’ letter"}


def test_a_statement_by_someone_read_names_its_author_and_a_plaque_names_nobody():
    said = _said("Critics called it a mistake.\n\nA statement by a company spokesperson confirming the move "
                 "read: “We can confirm the plant will close.”")
    assert said == {"We can confirm the plant will close.": "a company spokesperson"}
    assert _said("The plaque reads: “Here stood the mill.”") == {"Here stood the mill.": None}


def test_a_group_after_when_is_the_subject_of_its_cue():
    said = _said("Tom Brown said he was there when doctors told the family: “She is stable.”")
    assert said == {"She is stable.": "doctors"}


def test_nobody_named_inside_an_asked_opener_is_the_pronoun_after_it():
    said = _said("Tom Brown spoke first. Asked whether he would take money from Lord Ames, he said: “No, never.”")
    assert said == {"No, never.": "Tom Brown"}
    said = _said("Tom Brown spoke first.\n\n“We will see.”\n\nAsked again about the gifts from Lord Ames, he went on: "
                 "“No, never.”")
    assert said["No, never."] == "Tom Brown"


def test_a_person_introduced_in_the_sentence_before_is_the_pronoun_not_an_older_subject():
    text = ("Jo Park, a nurse, said the clinic had closed. Most families left on foot.\n\n"
            "Among those who fled was Mara Lind, 25, who was expecting a child. “We walked for two days,” she said.")
    assert _said(text)["We walked for two days"] == "Mara Lind"


def test_a_name_right_after_called_is_not_speech_even_though_called_can_be_a_cue():
    assert _quotes("They joined a coalition called “Save Our Town,” which was formed last year.") == []
    assert "Come in, Tom!" in _said("She called, “Come in, Tom!”")


def test_a_pronoun_goes_on_with_the_pronoun_that_opened_the_sentence_before():
    text = ("Mara Lind walked south for days.\n\nDr. Sara Abed explained that there were 22 infants in the ward. "
            "“Families have many difficulties,” she said.\n\nIn Lind’s case, she decided to stay at the hospital "
            "to be near her child. “I am worried about him,” she continued.")
    assert _said(text)["I am worried about him"] == "Mara Lind"


def test_a_subject_joined_by_others_and_an_indicating_verb_attribute_a_fragment():
    said = _said("Judge Tom Brown, joined by two other judges, said the law and its history make clear that "
                 "such children “are citizens from birth”.")
    assert said == {"are citizens from birth": "Tom Brown"}
    assert _said("The mayor indicated earlier this week that “temporary shelters” might be needed.") == {
        "temporary shelters": "The mayor"}


def test_it_with_no_thing_that_spoke_is_the_thing_the_sentence_before_is_about():
    said = _said("The charter was signed in 1950, though its first article is written broadly. "
                 "“All members are equal,” it reads.")
    assert said == {"All members are equal": "the charter"}
    assert _said("The old man was tired. “Go away,” it said.") == {"Go away": None}


def test_reminded_is_a_cue_for_a_quote_inside_a_quote_and_in_narration():
    quotes = _quotes("“I grew up poor, and as my mother reminded me often ‘we owe nothing,’” Mara Lind said.")
    assert [(q.speaker, q.depth) for q in quotes] == [("Mara Lind", 0), ("my mother", 1)]
    assert _said("The mayor reminded reporters that the plan was “never final.”") == {"never final.": "The mayor"}


def test_a_fragment_after_would_be_or_a_modal_is_no_noun_modifier():
    said = _said("Tom Brown said that the new levy would be “highly irregular” given that trade is balanced.")
    assert said == {"highly irregular": "Tom Brown"}
    assert _said("Jane Smith said she would “happily” sign the bill.") == {"happily": "Jane Smith"}
    assert _said("Labor’s “pragmatic” climate policies won.") == {}


def test_a_place_named_as_a_noun_modifier_gets_no_gender_from_the_she_after_it():
    text = ("Mary Smith makes an exception for John. She compares him to Trump. John’s presence in the "
            "Las Vegas debate will give voters “a live demonstration,” she said Tuesday.")
    assert _said(text) == {"a live demonstration": "Mary Smith"}


def test_a_rhetorical_question_s_speaker_is_the_she_after_it_when_no_other_she_is_near():
    text = ("“The question is — what is the best way forward?” said Emily Stone, chief executive of "
            "Friends of Parks. “We don’t see protests as the way,” she said.")
    assert _said(text)["We don’t see protests as the way"] == "Emily Stone"


def test_a_role_with_no_article_between_name_and_cue_is_an_appositive():
    assert _said("“Yes, we are late,” Tom Brown, chief executive of Acme, said on Monday.") == {
        "Yes, we are late": "Tom Brown"}
    text = ("“We are late,” Mara Lind, chief commercial officer at the satellite company Orbitco, "
            "said of the country’s entry into the space industry.")
    assert _said(text) == {"We are late": "Mara Lind"}


def test_a_quote_broken_by_a_few_narrator_words_takes_the_speaker_of_its_second_part():
    text = ("“Fine,” said Tom Brown. The group met again in May. “We have a mixture of professors” inside "
            "the country “that are doing supervision”, too, says Mary Rhoads.")
    assert _said(text)["We have a mixture of professors"] == "Mary Rhoads"


def test_i_inside_a_quote_is_the_one_speaking_the_quote_around_it():
    quotes = _quotes("“No, but it was obvious. I said, ‘I’ve never seen it.’ I do not,” said Tom Brown.")
    assert [(q.speaker, q.depth) for q in quotes] == [("Tom Brown", 0), ("Tom Brown", 1)]


def test_an_intensive_reflexive_and_an_opener_before_a_title_like_surname_leave_the_subject():
    text = "The Tories replaced her with John Major. As Major himself noted, “Our win meant that Labour had to change.”"
    assert _said(text) == {"Our win meant that Labour had to change.": "John Major"}
    text = "The board met. As Tom Brown himself noted, “We had to change.”"
    assert _said(text) == {"We had to change.": "Tom Brown"}


def test_the_he_answering_the_writer_s_question_is_the_one_interviewed_not_its_topic():
    text = ("As I sit opposite Tom Brown in his office, near John Smith’s shop, I ask if Sir Bill Jones is "
            "good enough to last two terms. “Yes, of course,” he snaps. The look he gives me when I ask about "
            "Jones is the one he gave me when I asked him if he’d read Piers Morgan’s diaries. “How on earth?” "
            "he said. Tom Brown is 71.")
    assert _said(text) == {"Yes, of course": "Tom Brown", "How on earth?": "Tom Brown"}


def test_he_said_after_a_report_about_another_man_is_the_reporter():
    text = ("Tom Brown, who worked for the firm before, said the lease was issued in 2014 to one Mr Green of "
            "Leeds, on condition that he would develop the area. He said Mr Green later subleased it. Mr Green "
            "then sold the lease to Acme. “Four years have passed without any development,” he said.")
    assert _said(text) == {"Four years have passed without any development": "Tom Brown"}


def test_the_company_is_the_one_word_firm_that_opens_the_sentence_before():
    text = ("Acme wouldn’t confirm how many users it has. But the company previously reported that women are "
            "“23% less likely to record activity.”")
    assert _said(text) == {"23% less likely to record activity.": "Acme"}
    text = ("Matt Salazar joined in May. Salazar wouldn’t confirm the plan. But the company previously "
            "reported that women are “less likely to run.”")
    assert _said(text) != {"less likely to run.": "Matt Salazar"}


def test_the_former_role_is_the_person_the_story_names_most():
    text = ("Mike Brown ran the city. Brown has tried to apologise. But Brown hit a hurdle when audio surfaced. "
            "In the speech, the former mayor argued that 95% of “murders and murderers” were young.")
    assert _said(text) == {"murders and murderers": "Mike Brown"}


def test_a_title_with_of_before_the_name_is_no_preposition_before_the_subject():
    said = _said("Secretary of State Mara Lind suggested a policy of “oil quarantine” for the new leadership.")
    assert said == {"oil quarantine": "Mara Lind"}
    assert _said("The cable was sent to Mara Lind suggested “more talks” soon.") != {"more talks": "Mara Lind"}


def test_estimated_is_a_cue_for_a_figure_in_quotes():
    assert _said("In late March, Dr Mara Lind estimated “between 1,000 and 2,000” could die.") == {
        "between 1,000 and 2,000": "Mara Lind"}


def test_a_short_quote_modifying_the_noun_before_a_comma_and_an_attribution_is_no_speech():
    text = "In a sign of how loath they are to be seen as “astroturf” creations, the group said it had dropped the plan."
    assert _said(text) == {}
    assert _said("“Stop” shouted the man.") == {"Stop": "the man"}


def test_a_title_after_a_plural_possessive_and_before_a_noun_is_a_name():
    text = "1981: The Rolling Stones (a late start). The Rolling Stones’ “Tattoo You” tour made a stop at the stadium."
    assert _said(text) == {}


def test_according_is_no_name():
    """`According to reports, the officer recalled: "…"`: the officer speaks, not "According"."""
    from factcheck.documents import parse_text
    from factcheck.segment import segment

    text = ('Title: x\n\nWhen a police officer first called, the owner shrugged off the smell and “the officer '
            'left”. According to reports, the officer recalled: “I knocked on the door for ten minutes.”\n')
    quotes = segment(parse_text("t.txt", text, "0", "text"))[1]
    assert [q.speaker for q in quotes if q.text.startswith("I knocked")] == ["the officer"]
    assert "According" not in {q.speaker for q in quotes}


def test_a_pronoun_with_a_contraction_is_the_pronoun():
    said = _said("John Smith arrived late. “We are ready,” he’d said. Mary Jones nodded. "
                 "She's told the BBC: \"Nothing has changed.\"")
    assert said == {"We are ready": "John Smith", "Nothing has changed.": "Mary Jones"}
    # "I'd asked" inside a quote is the quote's speaker asking, not someone named "I'd"
    quotes = _quotes("The teacher said: \"As part of the week, I'd asked who had heard 'gay' used as an "
                     "insult. Almost all of them had.\"")
    assert all(q.speaker != "I'd" for q in quotes)


def test_a_user_handle_is_the_speaker_not_the_platform():
    said = _said("“The hold music was awful,” Reddit user lerde writes. “I waited an hour,” wrote Twitter "
                 "user @jdoe99. One commenter, kat_22, wrote: “Same here.”")
    assert said == {"The hold music was awful": "lerde", "I waited an hour": "@jdoe99", "Same here.": "kat_22"}


def test_a_place_opening_the_sentence_before_a_quote_is_not_its_speaker():
    from pathlib import Path

    from factcheck.documents import read_document

    # the Mercury News fixture page: its headline ends with a quote, and "Another Bay Area
    # child dead from fentanyl" names a place, not someone acting
    page = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "mercurynews_fremont.htm"
    _, quotes = segment(read_document(str(page)))
    headline = next(q for q in quotes if q.text.startswith("They don’t mean for their kid to die"))
    grieving = next(q for q in quotes if q.text.startswith("Everyone is grieving"))
    assert headline.speaker is None and grieving.speaker != "Bay Area"
    assert "Bay Area" not in {q.speaker for q in quotes}


def test_a_quote_introduced_by_its_own_colon_cue_is_not_the_next_sentences():
    # a draft's two sentences on consecutive lines: the second's subject is no cue-after of the first quote
    text = ("Harris senior adviser David Plouffe said: \"There's not a scenario here that's easy.\"\n"
            "Trump declared that \"our country is finished\" if Harris wins.\n")
    assert _said(text) == {"There's not a scenario here that's easy.": "David Plouffe",
                           "our country is finished": "Trump"}
    assert _said('Vance said: "We will win." Rubio said nothing.') == {"We will win.": "Vance"}
    # a quote ending on a comma is the words' after it, as before
    assert _said('Vance said he would go. "We will win," Rubio said.') == {"We will win": "Rubio"}
