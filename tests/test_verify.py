"""verify through the library API: verdicts, evidence, reasons, tolerance of what users type."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, judged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import parse_claim, verify
from factcheck.pipeline import Options


def _stances(v):
    return [(e.stance, e.candidate.text) for e in v.evidence]


def _reasons(v):
    """Every reason of every piece of evidence of a verdict."""
    return [r for e in v.evidence for r in e.reasons]


def _judged(claim: str, passage: str):
    return judged(claim, passage)


def test_hegseth_ruled_out(seed_store):
    v = verify(seed_store, "Hegseth ruled out US troops")
    assert v.verdict in ("disputed", "supported")
    supports = [t for s, t in _stances(v) if s == "supports"]
    conflicts = [t for s, t in _stances(v) if s == "conflicts"]
    assert any("explicitly ruling out the deployment of US troops" in t for t in supports)
    assert any("walked back those remarks" in t or "left the door slightly open" in t for t in conflicts)
    for e in v.evidence:
        assert e.reasons and e.candidate.source.date
        if e.candidate.source.path.endswith("004_b0943fd7179c371a.txt"):
            assert "themoscowtimes.com" in e.candidate.source.url


def test_vance_supported(seed_store):
    assert verify(seed_store, "Vance said US troops could be sent to Ukraine").verdict == "supported"


def test_peskov_conflicting_cites_the_quote(seed_store):
    v = verify(seed_store, "Peskov said the Kremlin had already heard such wording")
    assert v.verdict == "conflicting"
    top = [e for e in v.evidence if e.stance == "conflicts"][0]
    assert "We had not heard such wording before" in top.candidate.text
    assert top.candidate.speaker == "Dmitry Peskov"
    assert any("not" in r for r in top.reasons)


def test_unrelated_claim_unverified(seed_store):
    v = verify(seed_store, "Scientists found water on Mars")
    assert v.verdict == "unverified" and v.evidence == ()


def test_misspelt_claim_still_finds_the_passage(seed_store):
    v = verify(seed_store, "Hegsth ruled out US trops")
    assert any("explicitly ruling out" in e.candidate.text for e in v.evidence)
    assert any("'hegsth' as 'hegseth'" in e.reasons[0] for e in v.evidence)


def test_diacritics_fold(seed_store):
    v = verify(seed_store, "Wladyslaw Kosiniak-Kamysz held a joint press conference with Hegseth")
    assert any("Władysław" in e.candidate.text for e in v.evidence)


def test_misquote_gives_word_diff(seed_store):
    v = verify(seed_store, 'Vance said "there are economic tools of pressure"')
    assert v.verdict == "conflicting"
    assert any("economic tools of [-leverage-]{+pressure+}" in r for r in _reasons(v))


def test_misattribution_names_the_speaker(seed_store):
    v = verify(seed_store, 'Peskov said "there are economic tools of leverage"')
    assert v.verdict == "conflicting"
    assert any("J.D. Vance" in r and "Peskov" in r for r in _reasons(v))


def test_antonym_likely_unlikely(seed_store):
    v = verify(seed_store, "Hegseth said deployment of US troops is likely")
    assert v.verdict in ("conflicting", "disputed")
    assert any("unlikely" in r for e in v.evidence if e.stance == "conflicts" for r in e.reasons)


def test_a_figure_the_source_does_not_give_is_not_supported(seed_store):
    v = verify(seed_store, "Vance said Washington could send 5,000 U.S. troops to Ukraine")
    assert v.verdict == "unverified" and not any(e.stance == "supports" for e in v.evidence)
    assert any("does not give the claim's number 5000" in r for r in _reasons(v))


def test_a_number_that_labels_is_no_count():
    from factcheck.figures import conflict

    passage = "under article 4 member countries can bring any issue of concern to the council"
    assert conflict("nato has 32 member countries", passage) is None
    assert conflict("nato has 32 member countries", "nato has 30 member countries") is not None


def test_sort_by_date_and_date_window(seed_store):
    v = verify(seed_store, "Hegseth ruled out US troops", Options(sort="date", top=10))
    dates = [e.candidate.source.date for e in v.evidence]
    assert dates == sorted(dates)
    only = verify(seed_store, "Hegseth ruled out US troops", Options(since="2025-02-15"))
    assert {e.candidate.source.date for e in only.evidence} == {"2025-02-15"}


def test_parse_claim_quotes_and_speaker():
    c = parse_claim('Vance said “there are economic tools of leverage” on Friday')
    assert c.speaker == "Vance" and c.quotes == ("there are economic tools of leverage",)


@pytest.mark.parametrize("claim", ['"', "(", "AND", "OR NOT", "NEAR(a b)", "*", "col:term", "troops:*",
                                   "Hegseth AND (troops OR", "\u202eHegseth", "🙂 troops 🙂", "x" * 5000,
                                   "\x00\x07 control", "   "])
def test_hostile_claims_are_just_text(seed_store, claim):
    v = verify(seed_store, claim)
    assert v.verdict in ("supported", "conflicting", "disputed", "unverified")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_string_is_a_safe_claim(seed_store, text):
    v = verify(seed_store, text)
    for e in v.evidence:
        assert 0 <= e.score <= 100
        assert e.stance in ("supports", "conflicts", "related")


@pytest.fixture(scope="module")
def pages_store(tmp_path_factory):
    """An index of the seven real news pages in fixtures/pages."""
    from factcheck.ingest import index_paths
    from factcheck.store import open_index

    folder = str(tmp_path_factory.mktemp("pages") / "idx")
    pages = [str(p) for p in sorted((FIXTURES / "pages").iterdir()) if ".htm" in p.name]
    index_paths(folder, pages)
    return open_index(folder)


def test_each_sentence_of_a_source_is_supported_by_it(pages_store):
    """A source's own sentences, verified against it: supported, never contradicted. Before the
    rules below, 239 of 263 were supported, 16 disputed and 2 conflicting (a sentence against
    its own copy: "does not ... not" read as one negation)."""
    claims = [t for _, _, _, t in pages_store.passages() if len(t.split()) >= 8]
    verdicts = [verify(pages_store, c).verdict for c in claims]
    assert len(claims) > 250
    assert "conflicting" not in verdicts
    assert verdicts.count("supported") >= 0.95 * len(claims)


def test_a_changed_figure_in_a_sources_sentence_conflicts(pages_store):
    v = verify(pages_store, "Wisconsin was the only one of 14 states with April primaries that moved forward "
                            "with in-person voting")
    assert v.verdict == "conflicting"
    assert any("the claim says 14 states, the source says 11 states" in r for r in _reasons(v))
    v = verify(pages_store, "One week later, Gastelum-Vera, 31, was arrested and sent to Santa Rita jail.")
    assert v.verdict == "conflicting"  # "31, was": no unit word; the same place in the same words
    assert any("the source says 26" in r for r in _reasons(v))


def test_the_sentence_after_the_claim_does_not_judge_it(pages_store):
    """The next sentence matches the claim through its context ("the sentence before"); what it
    denies is something else."""
    claim = ("Martin Scorsese’s $170 million Netflix gangster movie “The Irishman” had another "
             "disappointing night, despite a cast that includes Robert De Niro, Al Pacino, and Joe Pesci.")
    v = verify(pages_store, claim)
    assert v.verdict == "supported"
    after = [e for e in v.evidence if e.candidate.text.startswith("Several of the contenders")]
    assert after and after[0].stance == "related"
    assert any("in the sentence before, not in this passage" in r for r in after[0].reasons)


def test_a_claim_of_several_clauses_is_read_clause_by_clause():
    text = "Bariatric surgery was becoming less common, but weight-loss drugs were more popular than ever."
    assert _judged(text, text).stance == "supports"  # was: "opposite words: more / less"
    denied = "The mayor denied the report, and the council did not comment on it."
    assert _judged(denied, denied).stance == "supports"  # was: "retraction: denied"


def test_a_negated_copy_of_a_sources_sentence_conflicts(pages_store):
    """The claim denies what the source states plainly (no cue word in the passage)."""
    v = verify(pages_store, "Fentanyl is not 50 times stronger than heroin, and experts say it is increasingly "
                            "being sold and used in family homes where infants can be exposed to it.")
    assert v.verdict == "conflicting"
    assert any("negation: the claim says 'is not 50' where the source says 'is 50'" in r for r in _reasons(v))
    # ... but a passage that only mentions the words neither states nor denies it
    v = verify(pages_store, "Biden did not sign the stimulus bill")
    assert v.verdict != "conflicting"


def test_probe_benchmark_runs_on_the_fixture_pages(tmp_path):
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    pages = tmp_path / "data" / "fundus-en-news" / "pages"
    pages.mkdir(parents=True)
    for p in (FIXTURES / "pages").iterdir():
        if ".htm" in p.name:
            shutil.copy(p, pages / p.name)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "probes.py"), str(tmp_path / "data"),
                           "--work", str(tmp_path / "w"), "--limit", "30", "--set", "fundus-en-news"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = {line.split("|")[1].strip(): line for line in done.stdout.splitlines() if line.startswith("| ")}
    assert {"as is", "figure changed", "not inserted", "words dropped", "antonym substituted", "entity swapped",
            "hedged"} <= set(rows)
    right = float(rows["as is"].split("|")[3])
    assert right >= 0.9  # the pages' own sentences, against their own index


def test_no_before_a_figure_is_a_number_sign():
    from factcheck.polarity import polarity

    assert polarity("at no. 7 christian valor, the home team won by two touchdowns")[0] == 1
    assert polarity("there were no 5-star reviews of the hotel")[0] == -1


def test_a_word_the_source_says_otherwise_is_not_confirmed(pages_store):
    v = verify(pages_store, "Wisconsin was the only one of 11 states with April festivals that moved forward "
                            "with in-person voting")
    assert v.verdict == "unverified"
    assert any("the source says 'primaries' where the claim says 'festivals'" in r for r in _reasons(v))
    # a typo, a word order or a synonym is no change
    assert verify(pages_store, "Wisconsin was the only one of 11 states with April primaires that moved forward "
                               "with in-person voting").verdict == "supported"


def test_support_needs_the_claims_own_statement():
    j = _judged("Vance said Washington will send troops to Ukraine",
                "Vance said Washington cares deeply about Ukraine and its sovereignty.")
    assert j.stance == "related" and "the passage does not say send, troops" in j.reasons


def test_a_negation_in_one_clause_of_a_long_claim_conflicts(pages_store):
    claim = ("Wisconsin was not the only one of 11 states with April primaries that moved forward with "
             "in-person voting; the others delayed their primaries or shifted to mail-only voting.")
    assert verify(pages_store, claim).verdict == "conflicting"


def test_whose_statement_a_passage_reports_is_a_name_or_a_subject():
    claim = "Trump said Putin agreed to negotiate a ceasefire"
    # another person's statement: not the claim's speaker's
    j = _judged(claim, "Officials said that Putin agreed to negotiate a ceasefire.")
    assert j.stance == "related" and "the statement in the passage is Officials's, not Trump's" in j.reasons
    j = _judged(claim, "Trump cited Vance's remarks that Putin agreed to negotiate a ceasefire.")
    assert "the statement in the passage is Vance's, not Trump's" in j.reasons
    # an adjective or an adverb before the statement names no one
    for passage in ("Trump claimed in a recent statement that Putin agreed to negotiate a ceasefire.",
                    "Trump spoke on Friday, and he also said that Putin agreed to negotiate a ceasefire."):
        j = _judged(claim, passage)
        assert j.stance == "supports" and not any("statement in the passage" in r for r in j.reasons), passage


def test_a_verb_said_otherwise_after_an_inserted_who_is_not_confirmed():
    j = _judged("Senator Doe praised the minister's plan",
                "The proposal drew fire from Senator Jane Doe, who labeled the minister's plan a costly error.")
    assert j.stance == "related" and "the source says 'labeled' where the claim says 'praised'" in j.reasons
    j = _judged("Senator Doe labeled the minister's plan a costly error",
                "The proposal drew fire from Senator Jane Doe, who labeled the minister's plan a costly error.")
    assert j.stance == "supports"


@pytest.mark.parametrize("claim, stance", [
    ("Lena Ortiz is the finance minister", "related"),  # the title is the next name's
    ("Paul Berg is the finance minister", "supports"),
    ("Lena Ortiz is the foreign minister", "supports"),
    ("Paul Berg was the foreign minister", "related"),
])
def test_a_title_given_to_another_name_does_not_confirm_the_claim(claim, stance):
    passage = ("The delegation included Foreign Minister Lena Ortiz, Finance Minister Paul Berg "
               "and two deputies.")
    j = _judged(claim, passage)
    assert j.stance == stance, j.reasons
    if stance == "related":
        assert any(r.startswith("the source gives '") for r in j.reasons)


def test_a_title_after_a_name_is_that_names():
    from factcheck.roles import other_holder

    passage = "The merger was announced by Dana Whitfield, the chief executive, on Monday."
    assert other_holder("Omar Haddad is the chief executive", passage) == (
        "the source gives 'chief executive' to Dana Whitfield, not to Omar Haddad")
    assert other_holder("Dana Whitfield is the chief executive", passage) is None
    assert other_holder("Omar Haddad said the merger was announced", passage) is None  # no title claimed


def test_a_while_clause_that_denies_the_claim_conflicts():
    j = _judged("The minister said new taxes are coming",
                "The minister promised new money for schools, "
                "while firmly ruling out new taxes.")
    assert j.stance == "conflicts" and any("ruling out" in r for r in j.reasons), j.reasons


def test_a_door_opened_to_something_else_does_not_undo_a_negation():
    claim = "Ruth Kaplan said that she would never close the library"
    passage = "Kaplan left the door open to a new park, stating that she would never close the library."
    j = _judged(claim, passage)
    assert j.stance != "conflicts", j.reasons
    j = _judged("Ruth Kaplan ruled out a new park", passage)  # the door opened to the claim's words
    assert j.stance == "conflicts", j.reasons


def test_the_claims_speaker_and_verb_of_saying_are_no_changed_words():
    from factcheck.alignment import changed_word

    passage = "then she left the door open stating that she would keep the library open"
    assert changed_word("kaplan said that she would keep the library open", passage) is None
    assert changed_word("kaplan hoped that she would keep the library open",
                        "kaplan then stated that she would keep the library open") is not None


def test_may_the_month_is_no_hedge_and_another_month_conflicts():
    passage = "The new tablets go on sale in April, the company said on Tuesday."
    j = _judged("The new tablets go on sale in May", passage)
    assert j.stance == "conflicts" and "dates differ: the claim says May, the source says April" in j.reasons
    assert _judged("The new tablets go on sale in April", passage).stance == "supports"
    j = _judged("The new tablets may go on sale in April", passage)  # the modal: a hedge
    assert j.stance == "related" and any("certainty differs" in r for r in j.reasons)
    from factcheck.polarity import POSSIBLE, polarity

    assert polarity("the vote was held on may 5")[1] != POSSIBLE
    j = _judged("The new tablets went on sale on Monday", "The new tablets went on sale on Friday in Seoul.")
    assert j.stance == "conflicts" and "dates differ: the claim says Monday, the source says Friday" in j.reasons
    assert polarity("sales in 2025 may rise")[1] == POSSIBLE


@pytest.mark.parametrize("passage, stance", [
    ("The museum does not know who painted the portrait, but its curator said it was restored in 1990.", "supports"),
    ("Its curator does not know who painted the portrait restored in 1990.", "not conflicts"),  # knowing is negated
    ("The portrait was not restored in 1990, its curator said.", "conflicts"),
    ("Its curator said the portrait was never restored in 1990.", "conflicts"),
    # not confirming is no support (whether it is a denial, the passage does not say)
    ("The curator did not immediately confirm that the portrait was restored in 1990.", "not supports"),
])
def test_a_bare_negation_counts_against_the_claim_word_it_stands_before(passage, stance):
    j = _judged("The curator said the portrait was restored in 1990", passage)
    if stance.startswith("not "):
        assert j.stance != stance[4:], j.reasons
    else:
        assert j.stance == stance, j.reasons


def test_a_passage_without_the_claims_past_tense_verb_does_not_confirm_it():
    passage = "The bus returned to the depot and mechanics inspected the engine."
    j = _judged("The bus stayed at the depot after mechanics inspected the engine", passage)
    assert j.stance == "related" and any("'stayed" in r for r in j.reasons[1:]), j.reasons
    assert _judged("The bus returned to the depot and mechanics inspected the engine", passage).stance == "supports"


@pytest.mark.parametrize("claim, speaker", [
    ("Alaska Airlines spokesman Cole Cosgrove said the flight was delayed", "Cole Cosgrove"),
    ("US Defense Secretary Pete Hegseth said troops would stay", "Pete Hegseth"),
    ("Oregon State coach Wayne Tinkle said the woman was a real champ", "Wayne Tinkle"),
    ("Vance said troops would stay", "Vance"),
    ("Officials in Kyiv said the talks would go on", None),
    ("The spokesman said the flight was delayed", None),
])
def test_the_speaker_of_a_claim_may_come_after_an_organisation_and_a_title(claim, speaker):
    from factcheck.stance import claim_speaker

    assert claim_speaker(claim) == speaker


@pytest.mark.parametrize("claim, stance", [
    ("Nearly 140 passengers were on the ferry when it ran aground", "supports"),
    ("More than 130 passengers were on the ferry when it ran aground", "supports"),
    ("About 140 passengers were on the ferry when it ran aground", "supports"),
    ("More than 150 passengers were on the ferry when it ran aground", "conflicts"),
    ("Fewer than 100 passengers were on the ferry when it ran aground", "conflicts"),
    ("139 passengers were on the ferry when it ran aground", "supports"),
    ("193 passengers were on the ferry when it ran aground", "conflicts"),
])
def test_a_figure_with_about_or_more_than_is_a_range(claim, stance):
    j = _judged(claim, "The coastguard said 139 passengers were on the ferry when it ran aground on Sunday.")
    assert j.stance == stance, j.reasons


def test_a_source_range_holds_or_contradicts_a_claims_figure():
    passage = "The festival has been held in the town for more than 100 years, its organisers said."
    assert _judged("The festival has been held in the town for 50 years", passage).stance == "conflicts"
    j = _judged("The festival has been held in the town for 150 years", passage)  # not contradicted, not confirmed
    assert j.stance == "related", j.reasons


def test_the_claims_words_around_an_opposite_conflict():
    """The same words around an opposite ("after" / "before", "smaller" / "larger", "valid" /
    "invalid") contradict the claim, though "before" and "after" are stop words and "smaller"
    reads as a misspelling of "small"."""
    j = _judged("Ticket sales collapsed two days before the strike began.",
                "Ticket sales collapsed two days after the strike began.")
    assert j.stance == "conflicts"
    assert "opposite words: the claim says 'before' where the source says 'after'" in j.reasons
    j = _judged("The small club moved into a smaller stadium last summer.",
                "The small club moved into a larger stadium last summer.")
    assert j.stance == "conflicts" and any("'smaller' where the source says 'larger'" in r for r in j.reasons)
    j = _judged("The judge ruled that the contract was valid.", "The judge ruled that the contract was invalid.")
    assert j.stance == "conflicts"
    j = _judged("The minister has never backed the tax.", "The minister has always backed the tax.")
    assert j.stance == "conflicts"


def test_an_opposite_needs_the_same_negations_and_a_real_prefix():
    from factcheck.alignment import opposite_word

    assert opposite_word("sales did not rise after the launch", "sales did rise before the launch") is None
    assert opposite_word("sales did not rise after the launch", "sales did not rise before the launch")
    assert opposite_word("workers stall the line each day", "workers install the line each day") is None
    assert opposite_word("the region is stable again", "the region is unstable again")


def test_a_name_said_as_more_or_fewer_words_is_a_changed_word():
    """One name for another of a different length ("Siemens" / "Acme Holdings") is one change
    between the same words, though the edit script writes it as a replacement and a deletion."""
    from factcheck.alignment import changed_word

    assert changed_word("the council signed the contract with acme holdings in june",
                        "the council signed the contract with siemens in june, officials said") \
        == "the source says 'siemens' where the claim says 'acme holdings'"
    assert changed_word("the council bought two buses with state grants in june",
                        "the council bought two buses with money in june")
    # the passage's other name where the claim has its own, with the same words around it: a conflict
    j = _judged("The council signed the contract with Siemens in June.",
                "The council signed the contract with Acme Holdings in June, officials said.")
    assert j.stance == "conflicts" and "the source says Acme Holdings where the claim says Siemens" in j.reasons


def test_a_name_the_passage_does_not_give_is_not_confirmed():
    """Who or where is part of the fact: a passage that says the rest of the claim but not its
    name does not support it (a sentence's opening capital and a headline's are no names)."""
    j = _judged("Officials said Qatar used drones in the overnight strikes on the border towns.",
                "Officials said the army used drones in the overnight strikes on the border towns.")
    assert j.stance == "related" and "the passage does not mention Qatar" in j.reasons
    same = "Officials said the army used drones in the overnight strikes on the border towns near Mosul."
    assert _judged(same, same).stance == "supports"
    assert _judged("Officials Said Army Used Drones In Overnight Strikes On Border Towns Near Mosul",
                   "Officials said the army used drones in the overnight strikes on the border towns.").stance \
        == "supports"


def test_a_hedge_in_another_clause_of_the_claim_is_read():
    """The clause read against the passage may not be the one that hedges: "It is possible
    that A, and B" is not confirmed by "A, and B", nor "X - a firm - may have ..." by "X - a
    firm - was ..."."""
    j = _judged("It is possible that the mayor signed the emergency order, and the council approved the new budget.",
                "The mayor signed the emergency order, and the council approved the new budget.")
    assert j.stance == "related" and any(r.startswith("certainty differs: the claim is possible") for r in j.reasons)
    j = _judged("The new bridge - a project of the regional council - may have been designed by a Danish firm.",
                "The new bridge - a project of the regional council - was designed by a Danish firm.")
    assert j.stance == "related"
    same = "The new bridge - a project of the regional council - may have been designed by a Danish firm."
    assert _judged(same, same).stance == "supports"


def test_even_though_opens_a_clause_like_though():
    """", even though ..." is a clause of its own, as ", though ..." is: the claim's main clause
    is not read against the concession's negation."""
    j = _judged("Fostering unity among staff often leads to better decisions, though it may not be the simplest path.",
                "Fostering unity among staff often leads to better decisions, even though it may not be the simplest path.")
    assert j.stance == "supports"


def test_a_nationality_is_no_subject():
    """"The Indian army says ..." is the army's statement: no one called Indian must own it."""
    from factcheck.stance import claim_subject

    assert claim_subject(parse_claim("The Indian army says in a statement that the border post was shelled.")) is None
    text = "The Indian army says in a statement that the border post was shelled overnight."
    assert _judged(text, text).stance == "supports"


def test_a_name_dense_sentence_is_no_headline_and_a_name_is_no_stem():
    """A sentence full of names still has names to miss; a name scoring "read as" a longer word
    by its stem ("India" / "indicators") is not that word."""
    j = _judged("The Miami Dolphins defeated the Boston Rowing champion Washington Redskins 14-7 in January.",
                "The Miami Dolphins defeated the NFC champion Washington Redskins 14-7 in January.")
    assert j.stance == "conflicts" and "the source says NFC where the claim says Boston Rowing" in j.reasons
    j = _judged("India reports monthly growth figures, and two indicators of consumer spending follow.",
                "Canada reports monthly growth figures, and two indicators of consumer spending follow.")
    assert j.stance == "related" and "the passage does not mention India" in j.reasons
    j = _judged("Each month India reports growth figures, and two indicators of consumer spending follow.",
                "Each month Canada reports growth figures, and two indicators of consumer spending follow.")
    assert j.stance == "conflicts" and "the source says Canada where the claim says India" in j.reasons


def test_a_hedge_opening_the_sentence_frames_all_its_clauses():
    """"It is possible that A: B" hedges B too, where the clause read against the passage is B."""
    from factcheck.polarity import POSSIBLE, PROBABLE, frame_certainty

    assert frame_certainty("it is possible that the vote: a close result") == (POSSIBLE, "possible")
    assert frame_certainty("it is likely that turnout rose") == (PROBABLE, "likely")
    assert frame_certainty("itineraries are set") == (3, None)
    j = _judged("It is possible that the turnout rose: more than half of the voters in the northern districts came out.",
                "The turnout rose: more than half of the voters in the northern districts came out.")
    assert j.stance == "related" and any("the claim is possible ('possible')" in r for r in j.reasons)


def test_an_opposite_outside_the_clause_read_still_conflicts():
    """The clause read against the passage may hold no opposite; a passage saying most of the
    claim, with the same words around the opposite word elsewhere, still contradicts it."""
    j = _judged("The new campus is much smaller than the old one, but since the war ended, most lectures are held online.",
                "The new campus is much smaller than the old one, but since the war started, most lectures are held online.")
    assert j.stance == "conflicts"
    assert "opposite words: the claim says 'ended' where the source says 'started'" in j.reasons



def test_a_title_case_headline_has_no_subject_from_its_capitals():
    from factcheck.stance import claim_subject

    assert claim_subject(parse_claim("Argentina's President Adopts Boy to End Werewolf Curse")) is None
    assert claim_subject(parse_claim("Argentina's president adopts a boy to end a werewolf curse")) == "Argentina's"
    j = _judged("Argentina's President Adopts Boy to End Werewolf Curse",
                "The president of Argentina adopts a boy to end a werewolf curse, reports say.")
    assert not any("does not mention" in r for r in j.reasons), j.reasons


def test_short_against_lengthy_is_an_opposite():
    passage = "The minister said she had a lengthy and highly productive meeting with the union."
    j = _judged("The minister said she had a short meeting with the union", passage)
    assert j.stance == "conflicts" and any("'short'" in r and "'lengthy'" in r for r in j.reasons), j.reasons
    assert _judged("The minister said she had a lengthy meeting with the union", passage).stance == "supports"


def test_another_rank_conflicts_and_a_missing_rank_does_not_confirm():
    passage = "The climber became the sixth person to reach the summit this year, officials said."
    j = _judged("The climber became the fifth person to reach the summit this year", passage)
    assert j.stance == "conflicts" and "ranks differ: the claim says fifth person, the source says sixth person" in j.reasons
    assert _judged("The climber became the sixth person to reach the summit this year", passage).stance == "supports"
    j = _judged("The climber became the 5th to reach the summit this year", passage)
    assert j.stance == "related" and any("rank" in r for r in j.reasons), j.reasons


def test_an_irregular_past_tense_the_passage_lacks_blocks_support():
    passage = "The film was the upset winner at the awards on Sunday and went on to win the top prize."
    j = _judged("The film lost at the awards on Sunday", passage)
    assert j.stance == "related" and "the passage does not say 'lost'" in j.reasons
    assert _judged("The film won the top prize at the awards", passage).stance == "supports"  # "to win"


def test_a_modal_hedges_the_words_of_its_own_clause():
    passage = ("The senators sent a letter on Thursday warning that the plan could put thousands of "
               "workers at risk.")
    assert _judged("The senators sent a letter on Thursday", passage).stance == "supports"
    j = _judged("The plan will put thousands of workers at risk", passage)
    assert j.stance == "related" and any("certainty differs" in r for r in j.reasons), j.reasons


def test_a_view_on_what_should_be_does_not_deny_a_fact():
    passage = "Schools are reopening this week. Some parents say they shouldn't be."
    assert _judged("Schools are reopening this week", passage).stance == "supports"
    j = _judged("Some parents say schools should reopen this week", passage)
    assert j.stance != "supports", j.reasons  # a claim about what should be keeps the negation


def test_a_negation_only_one_side_has_around_the_claims_own_words_conflicts():
    # the source denies what the claim states, in the claim's own words, with no content word
    # after the negation for the polarity scope to find
    j = _judged("The mayor promised to reply to the letter but did do so.",
                "The mayor promised to reply to the letter but did not do so.")
    assert j.stance == "conflicts"
    assert any("negation: the source says 'did not do'" in r for r in j.reasons)
    # a double negative read as one: "did not deny" is no denial
    j = _judged("At the hearing, the witness did deny writing some of the emails.",
                "At the hearing, the witness did not deny writing some of the emails, calling them petty.")
    assert j.stance == "conflicts"
    # a contracted normative negation against the same words without it
    j = _judged("Someone had a spare tyre, but that should have happened on the road.",
                "Someone had a spare tyre, but that shouldn’t have happened on the road.")
    assert j.stance == "conflicts"
    # the claim's negation, the source's plain statement
    j = _judged("The clinic was never inspected by the state board last year.",
                "The clinic was inspected by the state board last year.")
    assert j.stance == "conflicts"


def test_a_negation_away_from_the_claims_words_or_in_a_set_phrase_is_no_conflict():
    from factcheck.alignment import negation_only

    # "not only": a phrase, not a denial of the words around it
    assert negation_only("the bridge is the longest in the region", "the bridge is not only the longest in the region") is None
    # a negation of other words: the claim's words are not on both sides of it
    assert negation_only("federal workers are returning to the office",
                         "federal workers are returning to the office. some say they shouldnt be.") is None
    assert negation_only("the company was fined on monday", "the company was fined on monday, not tuesday") is None
    j = _judged("The council approved the new budget on Monday.",
                "The council approved the new budget on Monday, and did not discuss the park.")
    assert j.stance == "supports"


def test_a_modal_of_another_certainty_is_no_support():
    j = _judged("The researchers suggested the change will be because of weight loss in the feet.",
                "The researchers suggested the change could be because of weight loss in the feet.")
    assert j.stance == "related"
    assert any("certainty differs: the source says 'could' where the claim says 'will'" in r for r in j.reasons)
    assert _judged("The researchers suggested the change could be because of weight loss in the feet.",
                   "The researchers suggested the change could be because of weight loss in the feet.").stance == "supports"
    # a hedge of a few words for a plain "will", and a hedging adverb only the source has
    j = _judged("The new analysis allows for what researchers say will be the most complete look yet at the damage.",
                "The new analysis allows for what researchers say is likely to be the most complete look yet at the damage.")
    assert j.stance == "related"
    assert any("the source says 'is likely to' where the claim says 'will'" in r for r in j.reasons)
    # (the hedge of the relative clause, "has suggested", makes both sides read as possible)
    j = _judged("Secondly, the vote reinforces the argument of the senator, who has suggested that the caucus is too diverse.",
                "Secondly, the vote probably reinforces the argument of the senator, who has suggested that the caucus "
                "is too diverse.")
    assert j.stance == "related"
    assert any("the source says 'vote probably reinforces'" in r for r in j.reasons)
    # other words changed besides the hedge: not read as the same statement hedged
    from factcheck.alignment import modal_changed
    assert modal_changed("the council will approve the budget", "the council is likely to reject the budget") is None


def test_a_short_word_is_a_misspelling_only_one_edit_away():
    from factcheck.models import Candidate, Source
    from factcheck.score import claim_terms, rank

    def corrected(claim: str, passage: str):
        cand = Candidate(pid=1, text=passage, start=0, end=len(passage), line=1, kind="sentence", speaker=None,
                         source=Source(path="a.txt"))
        return rank(claim_terms(claim), [cand])[0].corrected

    assert corrected("the party was renewed", "the country was tearing itself apart") == ()  # party / apart: 2 edits
    assert corrected("the leders met on friday", "the leaders met on friday") == (("leders", "leaders"),)
    assert corrected("Hegsth ruled out troops", "Hegseth ruled out troops") == (("hegsth", "hegseth"),)
    assert corrected("the goverment said", "the government said") == (("goverment", "government"),)


def test_a_passage_without_the_claims_verb_does_not_support_it(seed_store):
    # the seed passage names Hegseth, troops and Ukraine, but says he "addressed the
    # possibility"; only the sentence before speaks of deployment
    v = verify(seed_store, "Hegseth said US troops will deploy to Ukraine")
    assert v.verdict == "conflicting"
    assert not [e for e in v.evidence if e.stance == "supports"]
    assert any("the passage does not say 'deploy'" in r for r in _reasons(v))
    # the verb after a subject of two names: "no disagreement" denies it, and a passage
    # naming both men without "disagree" does not confirm it
    v = verify(seed_store, "Hegseth and Vance disagree about troops")
    assert v.verdict == "conflicting"
    assert any("the passage does not say 'disagree'" in r for r in _reasons(v))


def test_the_verb_of_a_claim_is_read_after_its_subject_or_a_modal():
    from factcheck.stance import _after_modal, _after_subject

    assert _after_subject("Vance, Rubio and Hegseth visited Zelensky in Munich", "Vance") == {"visited"}
    assert _after_subject("Hegseth held a press conference in Warsaw", "Hegseth") == frozenset()  # a light verb
    assert _after_subject("President Trump also signed the bill", "Trump") == {"signed"}
    assert _after_subject("Hegseth said US troops will deploy", "Hegseth") == frozenset()  # attribution: no verb of its own
    assert _after_subject("Musk of Tesla wants a base on Mars", "Musk") == frozenset()
    assert _after_subject("Troops will deploy", None) == frozenset()
    assert _after_modal("troops could soon deploy to the border") == {"deploy"}


def test_an_opposite_word_contradicts_only_what_it_is_said_of(seed_store):
    # "advocated for ending the war" is no opposite of "agreed to begin ceasefire negotiations"
    v = verify(seed_store, "Trump and Putin agreed to begin ceasefire negotiations")
    assert not any("opposite words" in r for r in _reasons(v))
    assert any(e.stance == "supports" for e in v.evidence)
    # ... while the same opposite next to the claim's own words still contradicts it
    j = _judged("The number of visitors to the park increased last year.",
                "Last year the park saw a sharp decrease in the number of visitors.")
    assert j.stance == "conflicts", j.reasons


def test_a_negation_said_otherwise_by_an_adverb_is_a_plain_statement_against_it(seed_store):
    # "never walked back" / "later walked back": the negation is no changed word, and the
    # negation of the sentence before is no claim word the passage leaves to it
    v = verify(seed_store, "Hegseth never walked back his remarks")
    assert v.verdict == "conflicting"
    assert any("the source states it without the claim's 'never'" in r for r in _reasons(v))


def test_a_word_with_a_negating_prefix_is_its_opposite_not_a_misspelling(pages_store):
    from factcheck.score import _spelt_near

    assert _spelt_near("responsible", "respons", ["irrespons", "respond"]) == {}
    assert "irrespons" in _spelt_near("irresponsable", "irrespons", ["irrespons"])  # a typo is still one
    # the Washington Post page: Van Hollen called it "grossly irresponsible" to bring workers back
    v = verify(pages_store, "Van Hollen said it is responsible to bring back federal employees now")
    assert v.verdict == "conflicting"
    assert any("the claim says 'responsible', the source says 'irresponsible'" in r for r in _reasons(v))
    assert verify(pages_store, "Van Hollen said it is irresponsible to bring back federal employees now").verdict == "supported"


def test_the_claims_verb_in_another_clause_of_the_passage_is_read_there(pages_store):
    # the Independent page: "Thai police have detained the owner and the manager of Nana
    # Backpacker Hostel, ..., however no one has been charged over the incident"
    v = verify(pages_store, "Police charged the owner of Nana Backpacker Hostel")
    assert v.verdict == "conflicting"
    assert any("of 'charged'" in r for r in _reasons(v))
    assert verify(pages_store, "Police detained the owner of Nana Backpacker Hostel").verdict == "supported"
    # a claim of two clauses: each verb is read against its own clause
    j = _judged("The council approved the budget, but the mayor vetoed it.",
                "The council approved the budget, but the mayor vetoed it.")
    assert j.stance == "supports", j.reasons


def test_a_hedge_or_negation_of_other_words_does_not_judge_the_claim(seed_store):
    # "raised concerns that Kyiv may be sidelined": the "may" hedges the sidelining, not the
    # officials being stunned (a three-letter modal was not read as one)
    v = verify(seed_store, "European officials were stunned by the phone call")
    assert v.verdict == "supported"
    # "it wasn't stated previously" in a passage without "surprised" denies something else
    v = verify(seed_store, "The Kremlin was surprised by Vance's remarks")
    assert v.verdict != "conflicting"
    assert not any(e.stance == "conflicts" for e in v.evidence)


def test_common_verb_synonyms_and_on_off_the_table(seed_store):
    # the seed: "President Trump would employ a wide range of tools, including economic and
    # military leverage"
    assert verify(seed_store, "Vance said Trump would use economic and military leverage").verdict == "supported"
    # the seed: "He's going to say, 'Everything is on the table, let's make a deal.'"
    v = verify(seed_store, "Vance said everything is off the table")
    assert v.verdict == "conflicting"
    assert any("'off'" in r and "'on'" in r for r in _reasons(v))


def test_weekdays_months_and_large_numbers_are_no_misspellings_of_each_other(pages_store):
    from factcheck.score import _spelt_near
    from factcheck.text import stem

    assert _spelt_near("thursday", stem("thursday"), [stem("tuesday")]) == {}
    assert _spelt_near("billion", stem("billion"), [stem("million")]) == {}
    assert _spelt_near("thrusday", stem("thrusday"), [stem("thursday")])  # a typo of one still is one
    # the CBC page: Sinwar was named "on Tuesday"
    claim = "Yahya Sinwar was named the new leader of Hamas's political bureau on Thursday"
    v = verify(pages_store, claim)
    assert v.verdict != "supported"
    assert verify(pages_store, claim.replace("Thursday", "Tuesday")).verdict == "supported"


def test_an_active_negative_verb_denies_what_follows_it_not_what_precedes(pages_store):
    # the East Bay Times page: "the Wisconsin primary, which went ahead with in-person voting
    # this month after courts halted Democratic efforts to delay the primary"
    assert verify(pages_store, "Wisconsin went ahead with in-person voting").verdict == "supported"
    from factcheck.polarity import polarity
    from factcheck.text import stem

    anchors = frozenset(stem(w) for w in ("rally", "went", "ahead"))
    assert polarity("the rally was halted by the police", anchors)[0] < 0  # passive: its subject is denied
    assert polarity("the rally went ahead, and police refused", anchors)[0] < 0  # ends its clause
    assert polarity("the rally went ahead after police halted a march", anchors)[0] > 0


def test_words_taken_back_later_were_still_said(seed_store):
    # "Hegseth later walked back those remarks": a report of what he said stands; the act does not
    said = verify(seed_store, "Hegseth said it was unrealistic for Kyiv to seek NATO membership")
    assert said.verdict == "supported"
    assert any("walked back" in r and "does not deny that Hegseth said it" in r for r in _reasons(said))
    assert verify(seed_store, "Hegseth ruled out US troops").verdict == "disputed"


def test_the_same_verb_of_certainty_on_both_sides_is_no_difference(seed_store):
    # "“We expect to receive further clarification.”" (Peskov): "expects" is the claim's verb too
    v = verify(seed_store, "Peskov said the Kremlin expects further clarification")
    assert v.verdict == "supported"
    assert not any("certainty differs" in r for e in v.evidence if e.stance == "supports" for r in e.reasons)
    assert verify(seed_store, "Peskov said the Kremlin may get further clarification").verdict != "supported"


def test_praise_against_criticism_conflicts(seed_store):
    # "This stance sparked criticism from Senator Roger Wicker, who labeled Hegseth's comments ..."
    v = verify(seed_store, "Senator Roger Wicker praised Hegseth's comments")
    assert v.verdict == "conflicting"
    assert verify(seed_store, "Senator Roger Wicker criticised Hegseth's comments").verdict != "conflicting"


@pytest.mark.parametrize("claim, speaker", [
    # htmldate-en-news claims (benchmarks/reporter_claims.tsv, batch 10)
    ("Carol Hefner, who helped organize last week's protest in Oklahoma City, said she saw \"absolutely no risks "
     "whatsoever\" in open-air protests.", "Carol Hefner"),
    ("Paul Begala, a longtime adviser to Bill and Hillary Clinton, said \"It is a big risk for Bloomberg to debate.\"",
     "Paul Begala"),
    ("Ronan Farrow criticised Hachette's cancellation of the book, writing on Twitter: \"It's who gets muzzled next "
     "that worries me.\"", "Ronan Farrow"),
    ("Hachette, the publisher, dropped the book", None),
    # batch 12: a name and its speech verb on the way to the quotation, wherever the sentence starts
    ("After Haley brought up Ramaswamy's daughter and her use of TikTok, Ramaswamy shot back, \"You're just scum.\"",
     "Ramaswamy"),
    ("San Diego engineer Bill Powers warned that Monday would be the real test for the grid, saying, \"Tomorrow "
     "evening, the wolf arrives.\"", "Bill Powers"),
    ("After the 2008 crash, French President Nicolas Sarkozy declared that \"laissez-faire is finished.\"",
     "Nicolas Sarkozy"),
    ("The report, which Vance said was wrong, called it \"a bad idea\"", None),
])
def test_the_speaker_of_a_claim_may_stand_before_an_appositive_or_a_participle(claim, speaker):
    from factcheck.stance import claim_speaker

    assert claim_speaker(claim) == speaker
