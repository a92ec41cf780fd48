"""Accuracy floor on the labelled seed claims: regressions fail CI."""

from __future__ import annotations

from collections import Counter

from conftest import load_json

from factcheck import verify


def test_seed_claim_accuracy_floor(seed_store):
    cases = load_json("seed_claims.json")["cases"]
    floor = load_json("floors.json")["seed_claims_accuracy"]
    assert len(cases) >= 20
    assert {c["kind"] for c in cases} >= {"paraphrase", "negation", "misquote", "misattribution", "unrelated"}
    wrong = []
    for case in cases:
        got = verify(seed_store, case["claim"]).verdict
        if got not in case["expect"]:
            wrong.append(f"{case['claim']!r}: {got}, expected {case['expect']}")
    accuracy = 1 - len(wrong) / len(cases)
    assert accuracy >= floor, f"accuracy {accuracy:.3f} < floor {floor}: " + "; ".join(wrong)


def test_fixture_covers_every_verdict():
    cases = load_json("seed_claims.json")["cases"]
    firsts = Counter(c["expect"][0] for c in cases)
    assert firsts["supported"] and firsts["conflicting"] and firsts["unverified"]
