"""Speakers in news prose of many outlets (issue #5, round 7: rules for errors seen on FNC-1 bodies).

Each test is one general rule of English news prose, on a short fragment of the kind of text
that showed the error (FNC-1 bodies, trimmed; internal testing only).
"""

from __future__ import annotations

from factcheck.documents import parse_text
from factcheck.segment import segment
from factcheck.speakers import PeopleIndex


def _said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in segment(parse_text("t.txt", text, "0"))[1]}


def test_a_role_held_at_the_named_place_is_not_that_names_role():
    text = ("Manager of the Plymouth ski and snowboard centre, Louisa Duggan, said they would never send "
            "invoices to individuals.\n\nShe said: “This is nothing to do with us.”")
    assert _said(text) == {"This is nothing to do with us.": "Louisa Duggan"}
    people = PeopleIndex("A spokesman for the Pentagon declined to comment.")
    assert not any(m.person for m in people.mentions if m.name == "Pentagon")


def test_a_sentence_opening_conjunction_is_no_part_of_a_name():
    people = PeopleIndex("Once MailOnline had it, the story was off and running. Whether Tom Roe knew is unclear.")
    assert [m.name for m in people.mentions] == ["MailOnline", "Tom Roe"]


def test_an_indefinite_person_with_a_who_clause_is_someone_a_she_can_mean():
    text = ("I spoke with a woman who said Rogers was not in the office.\n\n"
            "“A lot of stories are found on the wire,” she said.")
    assert _said(text) == {"A lot of stories are found on the wire": "the woman"}
    # outside subject position, a noun that gives no gender is no she
    text = "Meghan Markle was torn apart by a royal expert who countered her claims that she had a “rotten time” in London."
    assert _said(text) == {"rotten time": "Meghan Markle"}


def test_a_title_case_name_after_a_preposition_is_a_programme_not_speech():
    text = ('On CBS\' "Face the Nation," Kerry said the terminology does not matter. '
            '"We are at war with ISIL in that sense," Kerry said on "State of the Union."')
    assert _said(text) == {"We are at war with ISIL in that sense": "Kerry"}


def test_a_title_between_two_quotes_does_not_break_the_speakers_turn():
    text = ('"It is our fight," Graham said on "Fox News Sunday." "It\'s not just their fight."\n\n'
            '"We did not threaten anybody," McDonough said.')
    assert _said(text) == {"It is our fight": "Graham", "It's not just their fight.": "Graham",
                           "We did not threaten anybody": "McDonough"}


def test_a_trade_noun_before_a_name_is_that_persons_role_and_gender():
    text = ("Justin Bieber may not have been able to take on Orlando Bloom, but he sure was able to take on a bear.\n\n"
            "It all went down when 42-year-old fisherman Igor Vorozhbitsyn’s attack by a brown bear was "
            "interrupted by a Justin Bieber ringtone.\n\nThe fisherman explains:\n\n"
            "\"I had parked my car when the bear was on top of me.\"\n\n"
            "He also justified his ringtone: \"I know that sort of ringtone isn't to everyone's taste,\" he said.")
    assert set(_said(text).values()) == {"Igor Vorozhbitsyn"}
    people = PeopleIndex("A gunman, Tom Roe, fired. Policewoman Ann Lee said so.")
    assert people.gender("Ann Lee") == "f"


def test_an_outlet_that_reports_a_sentence_is_not_the_speaker_its_own_cue_names():
    text = "UN Secretary General Ban Ki-moon called Sotloff's murder a \"despicable crime,\" the BBC News reported."
    assert _said(text) == {"despicable crime": "Ban Ki-moon"}
    assert _said("\"It was a despicable crime,\" the BBC reported.") == {"It was a despicable crime": "BBC"}


def test_the_participle_of_a_speech_act_noun_is_the_act_of_the_one_who_made_it():
    text = ("But instead of pressing charges Ann Roe offered her attacker an ultimatum telling him, "
            "“I can either press charges or have you sit outside.”")
    assert _said(text) == {"I can either press charges or have you sit outside.": "Ann Roe"}
    assert _said("Tom Roe issued a warning saying “stay indoors.”") == {"stay indoors.": "Tom Roe"}


def test_a_sentence_that_releases_a_statement_before_a_colon_gives_the_next_paragraph_its_speaker():
    text = ("The Humane Society released a statement to ABC, explaining what happened to Bart after his owner "
            "discovered that he had been hit by a car:\n\n\"The cat appeared to be lifeless and the owner buried him.\"")
    assert _said(text) == {"The cat appeared to be lifeless and the owner buried him.": "Humane Society"}
    text = "The owner released a photo of the cat:\n\n\"Five days later, the cat showed up alive!\""
    assert _said(text) == {"Five days later, the cat showed up alive!": None}  # a photo is no statement


def test_a_subordinate_clauses_subject_does_not_take_the_last_speakers_he():
    text = ("Derek Nash found the invoice in their son Alex's school bag. He then asked Alex if he wished to go.\n\n"
            "Mr Nash said: \"She saw me and asked if Alex was coming to the party.\"\n\n"
            "However, after Alex had changed his mind about the party, Ms Nash realised he had no way of "
            "contacting the boy's mother.\n\n"
            "\"So on the day of the party we asked Alex what he wanted to do,\" he said.")
    assert _said(text)["So on the day of the party we asked Alex what he wanted to do"] == "Derek Nash"


def test_a_nickname_inside_a_name_is_not_speech():
    text = 'Daniel Simone told Page Six that her associate, Craig "Gray Wolf" Hammond, had schemed for years.'
    assert _said(text) == {}


def test_a_title_case_name_opening_its_sentence_before_a_noun_or_after_the_is_not_speech():
    assert _said("“Cosby Show” star Lisa Bonet may have posted a cryptic tweet.") == {}
    assert _said('Mitt Romney said Michelle Obama should be called the "First Woman," not the "First Lady."') == {}
    assert _said('The hackers praised the decision to cancel the release of "The Interview," CNN reported.') == {}
    assert _said("“Stop,” he said.") == {"Stop": None}


def test_a_colon_after_someones_own_note_or_letter_gives_the_quote_to_its_writer():
    text = ("Leelah Alcorn detailed why in a note posted to her tumblr page.\n\n"
            "Some of the more gut-wrenching parts of her note are as follows:\n\n"
            "\"When I was 14, I learned what transgender meant.\"")
    assert _said(text) == {"When I was 14, I learned what transgender meant.": "Leelah Alcorn"}
    text = "The mayor wrote to the council.\n\nTom Roe's letter reads in part:\n\n\"We cannot pay.\""
    assert _said(text) == {"We cannot pay.": "Tom Roe"}


def test_as_someone_puts_it_is_a_cue():
    text = "As Nasa puts it: “There is no question that greenhouse gases must cause the Earth to warm.”"
    assert _said(text) == {"There is no question that greenhouse gases must cause the Earth to warm.": "Nasa"}
    assert _said("“We are done,” as Tom Roe puts it.") == {"We are done": "Tom Roe"}


def test_a_short_fragment_closed_by_a_comma_is_a_clause_not_a_modifier():
    text = 'During that procedure, CNN says, her vocal cords "began to swell," cutting off oxygen to her lungs.'
    assert _said(text) == {"began to swell": "CNN"}
    assert _said("Labor’s “pragmatic” climate policies were praised.") == {}


def test_a_cue_in_the_next_sentence_does_not_make_a_modifier_inside_this_one_speech():
    text = "Tridevil says the surgery cost $20,000 and that included a “nipple” implant. She claims it is real."
    assert _said(text) == {}
    assert _said("“We are done,” Dr. Nye said.") == {"We are done": "Dr. Nye"}
