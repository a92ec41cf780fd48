"""Per-document stance: features, the shipped model, the library function and the CLI flag."""

from __future__ import annotations

import json

import clirun

from factcheck import verify
from factcheck.docfeatures import claim_cues, relevance_features, stance_features
from factcheck.docstance import LinearModel, feature_label, load_models
from factcheck.documents import parse_text
from factcheck.models import Candidate, Source
from factcheck.pipeline import Options
from factcheck.score import ClaimTerms, Match


def test_claim_cues_read_denials_hedges_and_questions():
    assert claim_cues("No, Argentina's president did not adopt a werewolf").negative
    assert claim_cues("Third boob likely a hoax").negative
    assert not claim_cues("Argentina's president adopts Jewish godson").negative
    assert claim_cues("ISIS reportedly beheads a second journalist").hedged
    assert claim_cues("Did Argentina's president adopt a werewolf?").question
    assert claim_cues("Senator: detainees swapped for Bergdahl contacted militants").attributed


def _cand(pid: int, text: str, start: int = 0) -> Candidate:
    return Candidate(pid=pid, text=text, start=start, end=start + len(text), line=1, kind="sentence",
                     speaker=None, source=Source(path="a.txt"))


def test_stance_features_count_cues_against_the_claims_polarity():
    items = [(_cand(1, "The story is a hoax, police said."), Match(60, 0.6, ("story",), (), (), ())),
             (_cand(2, "It was reportedly seen in Florida.", 40), Match(35, 0.4, ("seen",), (), (), ()))]
    affirm, keys = stance_features(claim_cues("A woman was seen in Florida"), items, {1: "conflicts"})
    deny, _ = stance_features(claim_cues("The Florida story is a hoax"), items, {1: "conflicts"})
    assert affirm["refuting_words"] > 0 and affirm["refuting_vs_claim"] == -deny["refuting_vs_claim"]
    assert affirm["conflicting_passages"] == 0.5 and affirm["hedging_words"] > 0
    assert "d:hoax" in keys and "d:was" in keys and not any(k.startswith("n:") for k in keys)
    # the claim's topic words are no keys (they would only teach how often a topic's articles
    # agree), nor are its function words
    assert "c:woman" not in keys and "c:was" not in keys and "d:florida" not in keys and "d:police" in keys
    _, keys = stance_features(claim_cues("The story is a hoax"), items, {})
    assert "c:hoax" in keys


def test_linear_model_margins_and_contributions():
    m = LinearModel(classes=("agree", "disagree"), features=("x",), mean=(0.0,), scale=(1.0,),
                    coef=((1.0,), (-1.0,)), intercept=(0.0, 0.0), vocab={"d:hoax": (-2.0, 2.0)}, offset=(0.0, 0.5))
    assert m.margins({"x": 1.0}) == [1.0, -0.5]
    assert m.margins({"x": 1.0}, frozenset({"d:hoax", "d:unknown"})) == [-1.0, 1.5]
    top = m.contributions({"x": 1.0}, frozenset({"d:hoax"}), 1)
    assert top[0] == ("d:hoax", 4.0) and top[1] == ("x", -2.0)
    assert feature_label("d:hoax") == "the document says 'hoax'"


def test_shipped_model_reads_the_features_the_library_computes(seed_store):
    relevance, stance = load_models()
    assert 0 < relevance.threshold < 1 and stance.classes == ("agree", "disagree", "discuss")
    items = [(_cand(1, "Some text here."), Match(50, 0.5, ("text",), (), (), ()))]
    dense, _ = stance_features(claim_cues("some text"), items, {})
    assert set(stance.features) <= set(dense)
    terms = ClaimTerms(words=("some", "text"), stems=("some", "text"), weights=(1.0, 2.0), normalized="some text")
    assert set(relevance.features) <= set(relevance_features(terms, {"a.txt": items})["a.txt"])


def test_documents_of_a_conflicting_claim(seed_store):
    v = verify(seed_store, "Peskov said the Kremlin had already heard such wording", Options(documents=True))
    assert v.verdict == "conflicting"
    assert v.documents and v.documents[0].stance == "conflicts"
    doc = v.documents[0]
    assert doc.source.path.endswith("004_b0943fd7179c371a.txt") and doc.relevance >= 50
    assert any("We had not heard such wording" in e.candidate.text for e in doc.evidence)
    assert doc.reasons[0].startswith("about the claim") and doc.reasons[1].startswith("document conflicts")


def test_no_documents_for_an_unrelated_claim(seed_store):
    v = verify(seed_store, "Scientists found water on Mars", Options(documents=True))
    assert v.verdict == "unverified" and v.documents == ()


def test_documents_are_off_by_default_and_sorted(seed_store):
    assert verify(seed_store, "Hegseth ruled out US troops").documents == ()
    docs = verify(seed_store, "Hegseth ruled out US troops", Options(documents=True)).documents
    assert [d.relevance for d in docs] == sorted((d.relevance for d in docs), reverse=True)
    assert all(d.stance in ("supports", "conflicts", "related") and 0 <= d.confidence <= 1 for d in docs)


def test_cli_documents_flag():
    claim = "Peskov said the Kremlin had already heard such wording"
    plain = json.loads(clirun.invoke(["verify", "--format", "json", claim]).output)
    assert "documents" not in plain[0]
    result = clirun.invoke(["verify", "--documents", "--format", "json", claim])
    assert result.exit_code == 1
    doc = json.loads(result.output)[0]["documents"][0]
    assert doc["stance"] == "conflicts" and doc["source"]["path"].endswith("004_b0943fd7179c371a.txt")
    assert set(doc) >= {"stance", "relevance", "confidence", "reasons", "source", "evidence"}
    table = clirun.invoke(["verify", "--documents", claim])
    assert "documents:" in table.output and "conflicts" in table.output


def test_one_line_document_is_its_own_content():
    for line in ("Video: Marine survives Taliban sniper headshot thanks to helmet",
                 "Source: Apple set to acquire Path in an attempt to bolster iOS social cred"):
        doc = parse_text("article.txt", line, "0")
        assert doc.masked == line and doc.site is None
    bare = parse_text("link.txt", "Source: https://example.com/story", "0")
    assert not bare.masked.strip() and bare.url == "https://example.com/story"


def test_every_model_feature_has_a_readers_name():
    relevance, stance = load_models()
    for name in relevance.features + stance.features:
        assert feature_label(name) != name, f"no reader's name for {name}"


def test_passage_cues_read_scope_framing_and_assertion():
    from factcheck.doccues import passage_cues
    from factcheck.text import words

    claim = claim_cues("Apple will shut down Beats Music")

    def read(text):
        return passage_cues(text, words(text), claim)

    framed = read("Apple to shut down Beats Music, report says")
    assert framed.framed and framed.attributed and not framed.asserted
    assert read("Apple shuts down Beats Music: CNBC").framed
    plain = read("Apple shuts down Beats Music")
    assert plain.asserted and not plain.framed and plain.novel == 0.0
    denied = read("The Beats Music shutdown story is a hoax")
    assert denied.refuted_near and denied.negated_near and not denied.asserted
    assert read("Apple may shut down Beats Music").hedged_near
    alive = claim_cues("The singer is alive")
    assert passage_cues("The singer is dead", words("The singer is dead"), alive).antonym


def test_openings_read_the_first_passages_of_each_document():
    from factcheck.docfeatures import OPENING_PASSAGES, opening_pids, openings

    def cand(pid, start, path):
        return Candidate(pid=pid, text=f"passage {pid}", start=start, end=start + 9, line=1, kind="sentence",
                         speaker=None, source=Source(path=path))

    m = Match(60, 0.6, ("passage",), (), (), ())
    groups = {"a.txt": [(cand(12, 300, "a.txt"), m)], "b.txt": [(cand(40, 0, "b.txt"), m), (cand(45, 500, "b.txt"), m)]}
    pids = opening_pids(groups)
    # a.txt's first retrieved passage is not its first: look back and ahead; b.txt starts at 40.
    assert set(range(12 - OPENING_PASSAGES + 1, 12)) <= set(pids) and 12 not in pids
    assert min(p for p in pids if p >= 40) == 41 and 39 not in pids and 45 not in pids
    fetched = [cand(10, 0, "a.txt"), cand(11, 150, "a.txt"), cand(9, 900, "other.txt"), cand(41, 60, "b.txt")]
    got = openings(groups, fetched)
    assert [c.pid for c in got["a.txt"]] == [10, 11, 12]
    assert [c.pid for c in got["b.txt"]] == [40, 41, 45]


def test_a_documents_passages_are_numbered_consecutively(seed_store):
    # opening_pids relies on it (as the store's own "sentence before" does).
    hits = seed_store.search(["hegseth"], 5)
    pid = hits[0][0]
    run = seed_store.candidates(list(range(pid, pid + 4)))
    same = [c for c in run if c.source.path == run[0].source.path]
    assert len(same) >= 2 and [c.pid for c in same] == list(range(pid, pid + len(same)))
    assert all(a.start < b.start for a, b in zip(same, same[1:]))
    assert same[1].context == same[0].text
