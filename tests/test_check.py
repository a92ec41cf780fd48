"""`factcheck check`: golden findings for the fixture drafts, exit codes, fail-on, suppression, git, config.

Golden files: fixtures/drafts/NAME.md -> fixtures/expected/NAME.json. They change only on
purpose: FACTCHECK_REGENERATE_GOLDEN=1 pytest tests/test_check.py rewrites them; review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import clirun
import pytest
from conftest import FIXTURES

from factcheck.findings import KINDS

DRAFTS = FIXTURES / "drafts"
EXPECTED = FIXTURES / "expected"
REGENERATE = bool(os.environ.get("FACTCHECK_REGENERATE_GOLDEN"))


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return clirun.invoke(list(args), input=input)

    return invoke


def _draft(name: str) -> str:
    """Copy a fixture draft into the test's working folder; return its relative path."""
    shutil.copy(DRAFTS / name, name)
    return name


def _golden_view(report: dict) -> dict:
    """Return what the golden file pins: counts, and each finding without scores and reasons."""
    keep = ("line", "column", "end_line", "end_column", "kind", "severity", "claim", "speaker", "message")
    view = {k: report[k] for k in ("file", "sentences", "checked", "skipped", "ignored", "quotes", "suppressed")}
    view["findings"] = [
        {**{k: f[k] for k in keep},
         "source": (f"{f['evidence'][0]['source']['path']}:{f['evidence'][0]['location']['line']}"
                    if f["evidence"] else None)}
        for f in report["findings"]
    ]
    return view


@pytest.mark.parametrize("name, exit_code", [("every_kind.md", 1), ("correct_quotes.md", 0)])
def test_fixture_drafts_match_golden_findings(run, name, exit_code):
    r = run("check", _draft(name), "--format", "json")
    [report] = json.loads(r.stdout)
    got = _golden_view(report)
    golden = EXPECTED / name.replace(".md", ".json")
    if REGENERATE:
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
    assert r.exit_code == exit_code
    assert report["schema_version"] == 1


def test_every_kind_fixture_has_every_kind():
    golden = json.loads((EXPECTED / "every_kind.json").read_text(encoding="utf-8"))
    assert {f["kind"] for f in golden["findings"]} == set(KINDS)
    assert golden["suppressed"] == 2


def test_correct_quotes_only_exact_quote():
    golden = json.loads((EXPECTED / "correct_quotes.json").read_text(encoding="utf-8"))
    kinds = [f["kind"] for f in golden["findings"]]
    assert kinds and set(kinds) == {"exact-quote"}
    claims = " ".join(f["claim"] for f in golden["findings"])
    assert "…" in claims and "[Trump]" in claims  # the ellipsis and the bracketed insertion are accepted


def test_findings_point_at_the_draft_text(run):
    path = _draft("every_kind.md")
    lines = open(path, encoding="utf-8").read().split("\n")
    report = json.loads(run("check", path, "-f", "json").stdout)[0]
    for f in report["findings"]:
        assert f["line"] == f["end_line"]  # every fixture claim sits on one line
        text = lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
        if f["kind"] in ("exact-quote", "misquote", "misattributed", "paraphrase-quoted"):
            assert text[0] in "\"“‘'" and text[-1] in "\"”’'"
        assert text.strip("\"“”‘’'").startswith(f["claim"].strip("\"“”‘’'")[:20])


def test_text_format_one_line_per_finding(run):
    path = _draft("every_kind.md")
    r = run("check", path)
    lines = r.stdout.strip().split("\n")
    report = json.loads(run("check", path, "-f", "json").stdout)[0]
    assert len(lines) == len(report["findings"])
    first = report["findings"][0]
    assert lines[0] == f"{path}:{first['line']}:{first['column']}: {first['severity']} {first['kind']}: {first['message']}"
    assert "misquote" in r.stdout and "[-leverage-]{+pressure+}" in r.stdout
    assert "12 checked" not in r.stdout and "sentences" in r.stderr  # the summary goes to stderr


# ---------------------------------------------------------------------------- exit codes


def test_exit_0_no_failing_finding(run):
    r = run("check", _draft("correct_quotes.md"))
    assert r.exit_code == 0 and "exact-quote" in r.stdout


def test_exit_1_failing_findings_and_no_fail(run):
    path = _draft("every_kind.md")
    assert run("check", path).exit_code == 1
    r = run("check", path, "--no-fail")
    assert r.exit_code == 0 and "misquote" in r.stdout


def test_fail_on_kinds_severity_and_none(run):
    path = _draft("correct_quotes.md")
    assert run("check", path, "--fail-on", "exact-quote").exit_code == 1
    assert run("check", path, "--fail-on", "note").exit_code == 1
    assert run("check", path, "--fail-on", "warning").exit_code == 0
    every = _draft("every_kind.md")
    assert run("check", every, "--fail-on", "none").exit_code == 0
    assert run("check", every, "--fail-on", "unverified").exit_code == 1
    assert run("check", every, "--fail-on", "supported,exact-quote", "--fail-on", "misquote").exit_code == 1


def test_exit_2_usage_and_input_errors(run, tmp_path):
    path = _draft("correct_quotes.md")
    r = run("check", path, "--fail-on", "typo")
    assert r.exit_code == 2 and "--fail-on" in r.stderr and "misquote" in r.stderr
    assert run("check").exit_code == 2
    assert run("check", path, "--format", "yaml").exit_code == 2
    r = run("check", "missing.md")
    assert r.exit_code == 2 and "missing.md: no such file" in r.stderr and "Traceback" not in r.stderr
    r = run("check", path, "missing.md", "-f", "json")  # the readable draft is still reported
    assert r.exit_code == 2 and json.loads(r.stdout)[0]["file"] == path
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02" * 20)
    assert run("check", str(tmp_path / "bin.md")).exit_code == 2
    assert run("check", "-", "other.md", input="x").exit_code == 2
    assert run("check", path, "--index", str(tmp_path / "none")).exit_code == 2


def test_a_folder_checks_the_drafts_in_it(run, tmp_path):
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(DRAFTS / "correct_quotes.md", folder / "a.md")
    shutil.copy(DRAFTS / "every_kind.md", folder / "sub" / "b.md")
    (folder / "notes.json").write_text("{}")
    r = run("check", str(folder), "-f", "json")
    assert [os.path.relpath(x["file"], folder) for x in json.loads(r.stdout)] == ["a.md", os.path.join("sub", "b.md")]
    assert r.exit_code == 1


def test_nothing_checkable_warns_and_fails_under_strict(run):
    text = "Some thoughts.\n\nIs this the end?\n\n```\nVance said \"x y z\"\n```\n"
    r = run("check", "-", input=text)
    assert r.exit_code == 0 and "nothing could be checked" in r.stderr and r.stdout == ""
    r = run("check", "-", "--strict", "-q", input=text)
    assert r.exit_code == 1 and "nothing could be checked" in r.stderr
    r = run("check", "-", "--strict", input="")
    assert r.exit_code == 1


def test_stdin_with_a_name(run):
    text = (DRAFTS / "correct_quotes.md").read_text(encoding="utf-8")
    r = run("check", "-", "--stdin-filename", "news/draft.md", "-f", "json", input=text)
    [report] = json.loads(r.stdout)
    assert report["file"] == "news/draft.md" and r.exit_code == 0 and report["quotes"] == 5


def test_min_severity_hides_notes_but_never_failing_findings(run):
    path = _draft("every_kind.md")
    report = json.loads(run("check", path, "-f", "json", "--min-severity", "error").stdout)[0]
    assert {f["severity"] for f in report["findings"]} == {"error"}
    report = json.loads(run("check", path, "-f", "json", "--min-severity", "error", "--fail-on", "unverified").stdout)[0]
    assert {f["kind"] for f in report["findings"]} >= {"unverified", "misquote"}


# ---------------------------------------------------------------------------- suppression, git, config


def test_suppression_directives(run):
    text = ('Vance said "there are economic tools of pressure."\n\n'
            '<!-- factcheck: ignore -->\nVance said "there are economic tools of pressure."\n\n'
            '<!-- factcheck: ignore unverified -->\nVance said "there are economic tools of pressure."\n\n'
            '<!-- factcheck: off -->\nVance said "there are economic tools of pressure."\n\n'
            'Peskov said "there are economic tools of leverage."\n<!-- factcheck: on -->\n'
            'Vance said "there are economic tools of pressure."\n')
    report = json.loads(run("check", "-", "-f", "json", input=text).stdout)[0]
    assert [(f["line"], f["kind"]) for f in report["findings"]] == [(1, "misquote"), (7, "misquote"), (14, "misquote")]
    assert report["suppressed"] == 3


def _git(folder, *args):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_reports_only_changed_lines(run, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    draft = repo / "draft.md"
    draft.write_text('Vance said "there are economic tools of pressure."\n\nHegseth ruled out US troops.\n')
    _git(repo, "add", "draft.md")
    _git(repo, "commit", "-q", "-m", "first")
    draft.write_text('Vance said "there are economic tools of pressure."\n\nHegseth ruled out US troops.\n\n'
                     'Peskov said "there are economic tools of leverage."\n')
    report = json.loads(run("check", str(draft), "--changed-since", "HEAD", "-f", "json").stdout)[0]
    assert [(f["line"], f["kind"]) for f in report["findings"]] == [(5, "misattributed")]
    assert report["ignored"] == 2
    new = repo / "new.md"  # not in HEAD: every line is new
    new.write_text('Vance said "there are economic tools of pressure."\n')
    r = run("check", str(new), "--changed-since", "HEAD", "-f", "json")
    assert [f["kind"] for f in json.loads(r.stdout)[0]["findings"]] == ["misquote"] and r.exit_code == 1
    r = run("check", str(draft), "--changed-since", "no-such-rev")
    assert r.exit_code == 2 and "unknown git revision" in r.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_outside_a_repository(run, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "d.md").write_text("Vance threatened sanctions.\n")
    r = run("check", str(tmp_path / "d.md"), "--changed-since", "HEAD")
    assert r.exit_code == 2 and "needs a git repository" in r.stderr and "Traceback" not in r.stderr
    assert run("check", "-", "--changed-since", "HEAD", input="x").exit_code == 2


def test_project_settings_fail_on_and_thresholds(run, isolated):
    path = _draft("every_kind.md")
    (isolated / ".factcheck.toml").write_text('fail-on = ["none"]\nmin-severity = "error"\n')
    r = run("check", path)
    assert r.exit_code == 0 and "note" not in r.stdout and "misquote" in r.stdout
    # A stricter near-match threshold: the one-word misquote is no longer near enough to call.
    (isolated / ".factcheck.toml").write_text("quote-near = 99\n")
    report = json.loads(run("check", path, "-f", "json").stdout)[0]
    [pressure] = [f for f in report["findings"] if "tools of pressure" in f["claim"]]
    assert pressure["kind"] == "unverified"
    (isolated / ".factcheck.toml").write_text("quote-near = 200\n")
    assert run("check", path).exit_code == 2


def test_project_sources_are_indexed_before_checking(run, isolated, sources_dir):
    shutil.copy(DRAFTS / "correct_quotes.md", "draft.md")
    (isolated / ".factcheck.toml").write_text(f'sources = ["{sources_dir / "seeds"}"]\nindex = "idx"\n')
    r = run("check", "draft.md", "-f", "json")
    assert r.exit_code == 0 and (isolated / "idx").is_dir()
    paths = {f["evidence"][0]["source"]["path"] for f in json.loads(r.stdout)[0]["findings"]}
    assert paths and all(p.startswith(str(sources_dir)) for p in paths)


def test_pre_commit_hook_runs_check():
    text = (FIXTURES.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: factcheck-check" in text and "entry: factcheck check" in text and "markdown" in text


@pytest.mark.parametrize("seed", ["004_b0943fd7179c371a.txt", "000_e5fcfa7cbf71c661.txt"])
def test_a_source_checked_against_itself_raises_no_error(run, seed):
    """False alarms are the worst failure of a CI gate: a sentence copied from a source is never an error."""
    shutil.copy(FIXTURES.parent / "seeds" / seed, seed)
    r = run("check", seed, "-f", "json")
    report = json.loads(r.stdout)[0]
    assert r.exit_code == 0, [f["message"] for f in report["findings"] if f["severity"] == "error"]
    assert all(f["kind"] == "exact-quote" for f in report["findings"] if f["claim"] and f["kind"].endswith("quote"))
    assert report["checked"] >= 10


def test_a_sentence_quoted_from_inside_a_longer_quote(run, tmp_path):
    """Real pages: the later sentences of a quote are the speaker's words, not the reporter's."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("reuters_parasite.html", "eastbaytimes_syndicated.html", "seattletimes_syndicated.html"):
        shutil.copy(FIXTURES / "pages" / name, pages / name)
    assert run("index", str(pages), "--index", "idx").exit_code == 0
    draft = tmp_path / "draft.md"
    draft.write_text(
        'Bong Joon Ho said: "What\'s truly important is that these actors were acknowledged by fellow peers '
        'as the best ensemble cast of this year."\n\n'
        'Biden said: "No one should have to risk their lives to cast a ballot."\n\n'
        'Biden said: "No one should have to risk their jobs to cast a ballot."\n\n'
        'Brad Pitt said: "We have to figure out how we are going to conduct a full and fair and safe election '
        'in November."\n\n'
        'Waller-Bridge said: "It\'s been the most beautiful dream."\n\n'
        'Vuillemont-Smith said: "We assume personal responsibility for the decisions that we make."\n',
        encoding="utf-8")
    r = run("check", str(draft), "--index", "idx", "--format", "json")
    [report] = json.loads(r.stdout)
    assert [(f["line"], f["kind"]) for f in report["findings"]] == [
        (1, "exact-quote"), (3, "exact-quote"), (5, "misquote"), (7, "misattributed"), (9, "exact-quote"),
        (11, "exact-quote")]


def test_aliases_from_the_settings_are_one_person_in_check(run, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text('Veep said: "I think there is a deal that is going to come out of this that’s going to '
                     'shock a lot of people."\n', encoding="utf-8")
    plain = json.loads(run("check", str(draft), "--format", "json").stdout)[0]["findings"]
    assert [f["kind"] for f in plain] == ["misattributed"]
    r = clirun.invoke(["check", str(draft), "--format", "json"], env={"FACTCHECK_ALIASES": "J.D. Vance=Veep"})
    assert [f["kind"] for f in json.loads(r.stdout)[0]["findings"]] == ["exact-quote"] and r.exit_code == 0


def test_a_sentence_whose_short_quote_no_source_quotes_is_checked_whole(run, tmp_path):
    """A phrase in quotation marks too short to check as a quote is part of the sentence's claim."""
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(FIXTURES / "pages" / "cbc_gaza.html.gz", pages / "cbc_gaza.html.gz")
    assert run("index", str(pages), "--index", "idx").exit_code == 0
    draft = tmp_path / "draft.md"
    draft.write_text(
        'Jamil Al Saadouni said the appointment was "an external decision."\n\n'   # the page: "an internal decision."
        'Jamil Al Saadouni said the appointment was "an internal decision."\n\n'
        'Matthew Levitt said Sinwar "understands Israelis."\n', encoding="utf-8")
    r = run("check", str(draft), "--index", "idx", "--format", "json")
    [report] = json.loads(r.stdout)
    kinds = [(f["line"], f["kind"]) for f in report["findings"]]
    assert kinds[0] == (1, "conflicting"), kinds
    assert all(kind != "conflicting" for line, kind in kinds[1:]), kinds
    assert (5, "exact-quote") in kinds  # a short quote a source does quote is checked as a quote, once
    assert len([k for k in kinds if k[0] == 5]) == 1
