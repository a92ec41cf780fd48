"""`factcheck quotes`: JSON with offsets, speakers folded across documents, aliases."""

from __future__ import annotations

import json

import clirun


def _run(*args, env=None):
    return clirun.invoke(list(args), env=env)


def _index(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("“We will not back down,” Vice President J.D. Vance told reporters.\n", encoding="utf-8")
    (src / "b.txt").write_text("“There is a deal to be made,” JD Vance said on Friday.\n\n"
                               "“Not yet,” said Dmitry Peskov.\n", encoding="utf-8")
    (src / "c.txt").write_text("“A plan is coming,” the vice president said in Munich.\n", encoding="utf-8")
    index = str(tmp_path / "idx")
    assert _run("index", str(src), "--index", index, "--quiet").exit_code == 0
    return index


def test_quotes_json_has_text_speaker_cue_offsets_and_source(tmp_path):
    index = _index(tmp_path)
    quotes = json.loads(_run("quotes", "--index", index, "--format", "json").stdout)
    first = next(q for q in quotes if q["text"] == "We will not back down")
    assert first["speaker"] == "J.D. Vance" and first["cue"] == "told reporters"
    text = (tmp_path / "src" / "a.txt").read_text(encoding="utf-8")
    assert text[first["location"]["start"]:first["location"]["end"]] == "We will not back down,"
    assert first["source"]["path"].endswith("a.txt") and first["location"]["line"] == 1


def test_names_that_agree_fold_across_documents(tmp_path):
    index = _index(tmp_path)
    quotes = json.loads(_run("quotes", "--index", index, "--format", "json", "--speaker", "Vance").stdout)
    assert {q["text"] for q in quotes} == {"We will not back down", "There is a deal to be made"}
    assert {q["speaker"] for q in quotes} == {"J.D. Vance"}
    assert {q["speaker_in_source"] for q in quotes} == {"J.D. Vance", "JD Vance"}


def test_speaker_matches_an_alias_from_the_project_file(tmp_path, monkeypatch):
    index = _index(tmp_path)
    (tmp_path / ".factcheck.toml").write_text(
        '[aliases]\n"J.D. Vance" = ["James David Vance", "the vice president"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    quotes = json.loads(_run("quotes", "--index", index, "-f", "json", "--speaker", "James David Vance").stdout)
    assert {q["text"] for q in quotes} == {"We will not back down", "There is a deal to be made", "A plan is coming"}
    assert {q["speaker"] for q in quotes} == {"J.D. Vance"}


def test_aliases_from_the_environment(tmp_path):
    index = _index(tmp_path)
    env = {"FACTCHECK_ALIASES": "J.D. Vance=the vice president|James David Vance"}
    quotes = json.loads(_run("quotes", "--index", index, "-f", "json", "--speaker", "JD Vance", env=env).stdout)
    assert len(quotes) == 3


def test_bad_alias_setting_is_a_usage_error(tmp_path):
    r = _run("quotes", "--index", _index(tmp_path), env={"FACTCHECK_ALIASES": "no equals sign here"})
    assert r.exit_code == 2 and "aliases" in r.stderr and "Traceback" not in r.stderr
