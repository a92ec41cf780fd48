"""Turn-taking in fiction dialogue: who speaks a quote that no cue of its own attributes."""

from __future__ import annotations

from factcheck.documents import parse_text
from factcheck.segment import segment


def _said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in segment(parse_text("t.txt", text, "0"))[1]}


def test_a_lost_paragraph_break_after_an_attribution_is_a_new_turn_when_the_anchors_say_so():
    # Martha speaks before and after "Then pour the tea": with a turn change before her second
    # line, the line between is not hers but George's
    text = ("“Good morning,” said George, putting down his paper. “The kettle is boiling,” said Martha. "
            "“Then pour the tea.” “I am not your servant,” said Martha.")
    assert _said(text)["Then pour the tea."] == "George"


def test_an_attribution_then_more_words_is_still_one_speaker():
    text = "“Good morning,” said George. “The kettle is boiling,” said Martha. “It has been for a while.”"
    assert _said(text)["It has been for a while."] == "Martha"


def test_a_speaker_who_asks_on_after_her_own_question_keeps_the_turn():
    # George answers the second question, so the first question's asker asked it too
    text = "“Is it late?” asked Martha. “Must I go alone?” “Yes, you must,” said George."
    assert _said(text)["Must I go alone?"] == "Martha"


def test_the_narrators_i_goes_by_the_name_the_others_call_them():
    text = ("“You look tired, Gregory. Did you walk all the way from the station?” “Every step,” I answered. "
            "“Then sit down,” said Helen.")
    said = _said(text)
    assert said["Every step"] == "Gregory"
    assert said["Then sit down"] == "Helen"


def test_a_narrator_nobody_names_stays_unnamed():
    text = "“Did you walk all the way from the station?” “Every step,” I answered."
    assert _said(text)["Every step"] is None


def test_a_question_whose_attribution_goes_on_the_sentence_keeps_its_speaker():
    text = "“Good night,” said Helen. “Why must I go?” asked Tom; “the others are staying.”"
    assert _said(text)["the others are staying."] == "Tom"


def test_a_quote_between_two_anchors_takes_its_turn_from_the_nearer_one():
    # "she said." may hide a paragraph break, so the turns from the first anchor are doubtful;
    # the line right before George's answer is Martha's
    text = ("Martha Hale stood at the gate with George. “It will rain,” she said. “Let it.” “You will get wet.” "
            "“I do not mind,” said George.")
    assert _said(text)["You will get wet."] == "Martha Hale"


def test_a_he_said_in_a_dialogue_of_two_men_is_the_one_whose_turn_it_is():
    # the narration between names Tom last, but the turns make the he the doctor: Tom, named,
    # answers him two quotes on
    text = ("“Good evening,” said the doctor. “Evening,” said Tom. The doctor had known Tom's father "
            "well, and he remembered Tom as a boy. “You have grown,” said he. “You are taller than your father.” "
            "“Am I?” “Indeed you are.” “So they tell me,” said Tom.")
    said = _said(text)
    assert said["You have grown"] == "the doctor"
    assert said["You are taller than your father."] == "the doctor"
    assert said["Am I?"] == "Tom"


def test_a_question_then_her_own_words_in_one_news_paragraph_are_hers():
    text = ("Carla Ruiz runs the shelter.\n\n“Why would anyone close it?” said Maria Lopez, its director. "
            "“We have nowhere else to go,” she said.\n")
    assert _said(text)["We have nowhere else to go"] == "Maria Lopez"


def test_a_quote_after_a_complete_question_is_an_answer_not_the_askers_second_fragment():
    text = "Tom looked up from his book, and Anna asked him: “Where are you from?” “Leeds.”"
    assert _said(text)["Leeds."] != "Anna"


def test_a_second_fragment_of_one_sentence_keeps_the_sentences_speaker():
    said = _said("The minister said the plan was “too slow” and “far too costly” for the town.")
    assert said["far too costly"] == said["too slow"]


def test_words_muttered_to_oneself_go_on_in_the_same_voice():
    text = ("“You may sit,” said Helen. “Why does she always refuse me?” Arthur muttered to himself. "
            "“Will she never listen?”")
    assert _said(text)["Will she never listen?"] == "Arthur"


def test_when_the_narrator_watches_someone_the_one_watched_speaks():
    text = ("Henry Vane had been quiet all evening. I saw Henry Vane lean back in his chair. "
            "“Nobody believes that story.”")
    assert _said(text)["Nobody believes that story."] == "Henry Vane"


def test_the_narrators_own_action_is_still_the_narrators():
    text = "I put down my glass. “Nobody believes that story.”"
    assert _said(text)["Nobody believes that story."] is None


def test_a_subject_then_a_parenthetical_then_coordinated_verbs_said_it():
    text = ("Everyone turned to the aunt. Mrs. Fenwick, in her turn, folded her napkin with great care, and said "
            "“I shall not stay another night in this house.”")
    (quote,) = segment(parse_text("t.txt", text, "0"))[1]
    assert (quote.speaker, quote.cue) == ("Mrs. Fenwick", "said")


def test_the_one_the_narrator_overhears_is_the_speaker():
    said = _said("The children were sent out. “She is chasing us out,” I heard one small boy grumbling.")
    assert said["She is chasing us out"] == "one small boy"
