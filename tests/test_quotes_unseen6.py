"""Speakers in news prose of many outlets (issue #5, round 6: rules for errors seen on FNC-1 bodies).

Every sentence here is invented; each test is one general rule of English news prose.
"""

from __future__ import annotations

from factcheck.documents import parse_text
from factcheck.segment import segment


def _said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in segment(parse_text("t.txt", text, "0"))[1]}


def test_a_given_name_that_is_also_an_organisation_word_opens_a_person():
    text = 'Bill Roe of the League said the plan is "not in" its budget.'
    assert _said(text) == {"not in": "Bill Roe"}


def test_a_person_described_by_a_participle_phrase_is_the_subject_not_the_place_at_its_end():
    text = "A woman answering the door at the family home in Leeds told reporters: “We have nothing to say.”"
    assert _said(text) == {"We have nothing to say.": "the woman"}


def test_two_single_marks_close_a_double_quote():
    text = "“I cannot talk now, I am sorry,’’ Tom Roe said before hanging up. “Call back later.”"
    assert _said(text) == {"I cannot talk now, I am sorry": "Tom Roe", "Call back later.": "Tom Roe"}


def test_a_relative_clause_whose_closing_comma_is_inside_a_quote_leaves_the_name_before_it():
    text = 'Senator Ann Roe, who has avoided the word "crisis," told the paper that "we are in deep trouble."'
    assert _said(text)["we are in deep trouble."] == "Ann Roe"


def test_an_arabic_article_joined_to_a_name_keeps_the_name_whole_and_abu_is_a_man():
    from factcheck.speakers import PeopleIndex

    text = "Abu Omar al-Tikriti, the group's spokesman, spoke on Sunday. Officials said al-Tikriti left; Tikriti was seen."
    people = PeopleIndex(text)
    assert {m.canon for m in people.mentions if m.canon.endswith("Tikriti")} == {"Abu Omar al-Tikriti"}
    assert people.gender("Abu Omar al-Tikriti") == "m"


def test_the_one_an_outlet_quoted_as_saying_is_the_speaker():
    text = ("Then Abu Omar al-Tikriti, said to be the group's spokesman, sent his own message. "
            "“You thought it was over,” the Daily Star quoted him saying. “It is not.”")
    assert _said(text) == {"You thought it was over": "Abu Omar al-Tikriti", "It is not.": "Abu Omar al-Tikriti"}


def test_the_definite_description_of_an_unnamed_speaker_is_that_speaker_not_a_named_man_between():
    text = ("A hospital spokesman said: “The patient was brought in at noon.”\n\n"
            "Doctors said Tom Roe, 32, had lost a lot of blood.\n\n"
            "The hospital spokesman added: “He is now stable.”")
    assert _said(text) == {"The patient was brought in at noon.": "the hospital spokesman",
                           "He is now stable.": "the hospital spokesman"}


def test_a_bare_surname_is_not_a_namesake_named_only_later():
    text = ("Ann Roe left a note on her blog before she died.\n\n"
            "In a second post, Roe wrote: “You cannot control people like that.”\n\n"
            "Her mother Carla Roe posted a tribute, but called her “son” and used her birth name.")
    assert _said(text)["You cannot control people like that."] == "Ann Roe"


def test_a_country_of_two_words_speaks_whole_and_a_particle_is_a_whole_word():
    text = "Saudi Arabia has announced that it may cover women’s eyes, ‘especially the tempting ones.’"
    assert _said(text) == {"especially the tempting ones.": "Saudi Arabia"}


def test_a_possessor_with_a_capitalised_modifier_before_the_noun_is_a_noun_phrase_subject():
    text = "Tom Roe was seen in the video.\n\n“Your next decision decides it,” Roe’s ISIS captor hissed at the time."
    assert _said(text) == {"Your next decision decides it": "Roe’s ISIS captor"}


def test_an_inverted_subject_ends_before_on_and_a_proper_noun():
    assert _said("“You look great,” said one follower on her Facebook page.") == {"You look great": "one follower"}


def test_an_absolute_with_clause_names_the_one_writing():
    text = "Online, readers praised the letter, with one reader writing: “What a lovely thing to say.”"
    assert _said(text) == {"What a lovely thing to say.": "one reader"}


def test_a_name_things_are_in_is_a_place_not_an_antecedent_for_he():
    from factcheck.speakers import PeopleIndex

    text = ("Tom Roe said the league is coming to Las Vegas. Fans in Vegas cheered when he wrote it. "
            "Vegas is ready, he said.")
    people = PeopleIndex(text)
    assert not people.is_person("Las Vegas") and people.gender("Las Vegas") == ""
    text = ("Tom Roe wrote that the league is coming to Las Vegas, and a team in Vegas would sell out. "
            "Las Vegas has a new arena, and he writes “the deal is done.”")
    assert _said(text) == {"the deal is done.": "Tom Roe"}


def test_a_named_possessors_person_noun_in_subject_position_is_the_she_that_follows():
    text = ("Tom Roe used his wife's phone to write to his lover. His wife, Ann Roe, saw the message.\n\n"
            "Ann Roe is now under arrest.\n\n"
            "Meanwhile, Roe's 21-year-old lover plans to marry him.\n\n"
            "“It does not matter,” she said.")
    assert _said(text) == {"It does not matter": "Roe's 21-year-old lover"}


def test_the_unnamed_person_a_story_opens_on_is_the_one_its_next_sentences_name():
    text = ("A pregnant Leeds woman lost an eye after police fired at her car. The woman said on Facebook that "
            "her eye was removed.\n\nDornella Roe was sitting in the passenger seat when it happened.\n\n"
            "Her boyfriend was driving.\n\n“I had no weapons,” she told a local paper.")
    assert _said(text) == {"I had no weapons": "Dornella Roe"}
    # not a name that no one in subject position bears: "a Merry Christmas"
    text = ("A man was thrown off a flight after workers wished him a Merry Christmas. Christmas envy is real.\n\n"
            "The man replied, “Not everyone celebrates it.”")
    assert _said(text) == {"Not everyone celebrates it.": "the man"}


def test_a_participle_cue_after_a_prepositional_object_is_the_main_subjects():
    text = "The angry resident posted a note on the door saying, “Whoever took my bike, bring it back.”"
    assert _said(text) == {"Whoever took my bike, bring it back.": "The angry resident"}


def test_the_name_a_described_person_goes_by_in_an_appositive_is_the_speaker():
    text = "The woman, who goes by the name Ann Tridevil, wrote on Facebook: “I am flying to New York.”"
    assert _said(text) == {"I am flying to New York.": "Ann Tridevil"}
    text = "The rapper, who is known as Tom Roe, told fans: “The tour is off.”"
    assert _said(text) == {"The tour is off.": "Tom Roe"}


def test_a_noun_phrase_with_its_own_verb_after_said_is_a_reported_clause_not_an_inverted_subject():
    text = "The paper, citing “two people close to the talks,” said the deal may be signed on Friday."
    assert "the deal may be signed" not in (_said(text).get("two people close to the talks") or "")
    assert _said("“We have finished,” said the man who had led the team.") == {"We have finished": "the man"}


def test_a_name_on_a_caption_line_is_no_antecedent():
    text = ("Ambassador Tom Roe told reporters that bodies had been found.\n\n“We have bodies,” he said.\n\n"
            "Play VIDEO\n\nNew photo of rebel leader Abu Omar al-Tikriti\n\n"
            "He also said a dozen doctors have been “executed” in the city.")
    assert _said(text)["executed"] == "Tom Roe"


def test_states_and_point_out_are_speech_verbs():
    text = "The report states that the firm is making a smaller phone “for the convenience of one-handed use.”"
    assert _said(text) == {"for the convenience of one-handed use.": "The report"}
    text = "As Roe points out, the findings are “consistent with the gains measured in several surveys.”"
    assert _said(text) == {"consistent with the gains measured in several surveys.": "Roe"}


def test_an_acronym_joined_by_an_ampersand_is_one_name():
    assert _said("“We are done,” said AT&T.") == {"We are done": "AT&T"}


def test_a_paragraph_of_words_after_a_reporting_participle_is_its_subjects():
    text = ("In a separate report, Roe’s mother disputes the whole story, claiming that her daughter is not "
            "marrying him for money.\n\n“She is my daughter no matter what.”")
    assert _said(text) == {"She is my daughter no matter what.": "Roe’s mother"}


def test_a_title_with_of_before_the_name_after_the_quote_and_staff_is_no_name_word():
    assert _said("“We did not threaten anybody,” White House Chief of Staff Tom Roe said on Sunday.") == \
        {"We did not threaten anybody": "Tom Roe"}


def test_an_inverted_cue_with_appositives_before_a_colon_names_the_speaker_not_the_employer():
    text = "The loss may matter more, wrote Tom Roe, senior adviser to the company, Acme Risk Management: “He must be whole.”"
    assert _said(text) == {"He must be whole.": "Tom Roe"}


def test_an_inverted_cue_with_a_long_title_before_the_name_names_the_person():
    text = ("Except that “this is not the pizza people remember,” said the viral inspector communications "
            "director for Eastern Canada Tom Roe, reached by telephone.")
    assert _said(text) == {"this is not the pizza people remember": "Tom Roe"}
