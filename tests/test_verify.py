"""verify through the library API: verdicts, evidence, reasons, tolerance of what users type."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import parse_claim, verify
from factcheck.pipeline import Options


def _stances(v):
    return [(e.stance, e.candidate.text) for e in v.evidence]


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
    assert any("economic tools of [-leverage-]{+pressure+}" in r for e in v.evidence for r in e.reasons)


def test_misattribution_names_the_speaker(seed_store):
    v = verify(seed_store, 'Peskov said "there are economic tools of leverage"')
    assert v.verdict == "conflicting"
    assert any("J.D. Vance" in r and "Peskov" in r for e in v.evidence for r in e.reasons)


def test_antonym_likely_unlikely(seed_store):
    v = verify(seed_store, "Hegseth said deployment of US troops is likely")
    assert v.verdict in ("conflicting", "disputed")
    assert any("unlikely" in r for e in v.evidence if e.stance == "conflicts" for r in e.reasons)


def test_a_figure_the_source_does_not_give_is_not_supported(seed_store):
    v = verify(seed_store, "Vance said Washington could send 5,000 U.S. troops to Ukraine")
    assert v.verdict == "unverified" and not any(e.stance == "supports" for e in v.evidence)
    assert any("does not give the claim's number 5000" in r for e in v.evidence for r in e.reasons)


def test_a_number_that_labels_is_no_count():
    from factcheck.stance import _number_conflict

    passage = "under article 4 member countries can bring any issue of concern to the council"
    assert _number_conflict("nato has 32 member countries", passage) is None
    assert _number_conflict("nato has 32 member countries", "nato has 30 member countries") is not None


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
