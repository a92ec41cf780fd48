"""`check` output formats: SARIF 2.1.0 (schema-valid), GitHub workflow commands, markdown, csv, jsonl, table."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import clirun
import pytest
from conftest import FIXTURES

from factcheck.models import Finding
from factcheck.render import github_command


@pytest.fixture
def every_kind():
    shutil.copy(FIXTURES / "drafts" / "every_kind.md", "every_kind.md")
    return "every_kind.md"


def _run(*args, input=None):
    return clirun.invoke(list(args), input=input)


def _findings(path):
    return json.loads(_run("check", path, "-f", "json").stdout)[0]["findings"]


def test_sarif_validates_against_the_2_1_0_schema(every_kind):
    from jsonschema import Draft4Validator

    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    r = _run("check", every_kind, "--format", "sarif")
    assert r.exit_code == 1
    log = json.loads(r.stdout)
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    run = log["runs"][0]
    findings = _findings(every_kind)
    assert len(run["results"]) == len(findings)
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result, f in zip(run["results"], findings):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "every_kind.md"
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
            (f["line"], f["column"], f["end_line"], f["end_column"])
        assert rule_ids[result["ruleIndex"]] == result["ruleId"] == f["kind"]
        assert result["level"] == ("none" if f["severity"] == "note" else f["severity"])
        if f["evidence"]:
            assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/")


_COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def test_github_lines_follow_the_workflow_command_syntax(every_kind):
    r = _run("check", every_kind, "--format", "github")
    lines = r.stdout.strip().split("\n")
    findings = _findings(every_kind)
    assert len(lines) == len(findings) and r.exit_code == 1
    for line, f in zip(lines, findings):
        m = _COMMAND.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        assert set(props) == {"file", "line", "col", "endLine", "endColumn", "title"}
        assert props["file"] == "every_kind.md" and int(props["line"]) == f["line"] and int(props["col"]) == f["column"]
        assert m.group(1) == {"error": "error", "warning": "warning", "note": "notice"}[f["severity"]]
        assert "\n" not in m.group(3) and "\r" not in m.group(3)


def test_github_escaping():
    f = Finding(kind="misquote", severity="error", line=3, column=1, end_line=4, end_column=2,
                message="50% changed:\nline two\r", claim="x")
    line = github_command("drafts/a, b:c.md", f)
    assert line == ("::error file=drafts/a%2C b%3Ac.md,line=3,col=1,endLine=4,endColumn=2,"
                    "title=factcheck misquote::50%25 changed:%0Aline two%0D")


def test_markdown_review_table(every_kind):
    out = _run("check", every_kind, "--format", "markdown").stdout
    assert out.startswith("### every_kind.md")
    assert "| line | severity | kind | claim | finding | source |" in out
    rows = [ln for ln in out.split("\n") if ln.startswith("| ") and not ln.startswith("| line")]
    assert len(rows) == len(_findings(every_kind))
    assert "themoscowtimes.com" in out  # sources link to their URL


def test_csv_jsonl_and_table(every_kind):
    findings = _findings(every_kind)
    rows = list(csv.DictReader(io.StringIO(_run("check", every_kind, "-f", "csv").stdout)))
    assert [(int(r["line"]), r["kind"]) for r in rows] == [(f["line"], f["kind"]) for f in findings]
    lines = _run("check", every_kind, "-f", "jsonl").stdout.strip().split("\n")
    assert [json.loads(x)["kind"] for x in lines] == [f["kind"] for f in findings]
    assert all(json.loads(x)["file"] == "every_kind.md" and json.loads(x)["schema_version"] == 1 for x in lines)
    table = _run("check", every_kind, "-f", "table").stdout
    assert "misattributed" in table and "sentences" in table


def test_check_help_lists_formats_and_options():
    r = _run("check", "--help")
    assert r.exit_code == 0
    for word in ("--fail-on", "--no-fail", "--strict", "--changed-since", "--index", "--top", "--since", "sarif", "github"):
        assert word in r.stdout
