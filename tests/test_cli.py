"""The command line: formats, exit codes, errors on stderr, data on stdout."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import clirun
import pytest


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return clirun.invoke(list(args), input=input)

    return invoke


def _json(result):
    return json.loads(result.stdout)


def test_verify_json_schema_against_bundled_seeds(run):
    r = run("verify", "Hegseth ruled out US troops", "--format", "json")
    assert r.exit_code == 1  # disputed: some conflicting evidence
    [item] = _json(r)
    assert item["claim"] == "Hegseth ruled out US troops"
    assert item["verdict"] in ("disputed", "supported") and item["schema_version"] == 1
    ev = item["evidence"][0]
    assert set(ev) >= {"stance", "score", "kind", "speaker", "text", "reasons", "source", "location"}
    assert set(ev["source"]) >= {"title", "url", "date", "path"}
    assert set(ev["location"]) >= {"line", "start", "end"}
    assert ev["source"]["path"].startswith("seeds/")


def test_exit_0_when_every_claim_supported(run):
    r = run("verify", "Vance said US troops could be sent to Ukraine", "-f", "json")
    assert r.exit_code == 0 and _json(r)[0]["verdict"] == "supported"


def test_exit_1_conflicting(run):
    r = run("verify", "Peskov said the Kremlin had already heard such wording", "-f", "json")
    assert r.exit_code == 1
    [item] = _json(r)
    assert item["verdict"] == "conflicting"
    assert item["evidence"][0]["speaker"] == "Dmitry Peskov"


def test_exit_3_unverified(run):
    r = run("verify", "Scientists found water on Mars")
    assert r.exit_code == 3
    assert "UNVERIFIED" in r.stdout


def test_exit_2_usage_and_input_errors(run, tmp_path):
    assert run("verify").exit_code == 2
    assert run("verify", "x", "--format", "yaml").exit_code == 2
    assert run("verify", "").exit_code == 2
    r = run("verify", "x", "--index", str(tmp_path / "none"))
    assert r.exit_code == 2
    assert "no index at" in r.stderr and r.stdout == ""
    assert "Traceback" not in r.stderr
    assert run("verify", "x", "--since", "not-a-date").exit_code == 2


def test_stdin_jsonl_in_input_order(run):
    r = run("verify", "-", "--format", "jsonl", input="Hegseth ruled out US troops\n\nVance threatened sanctions\n")
    lines = r.stdout.strip().split("\n")
    assert [json.loads(x)["claim"] for x in lines] == ["Hegseth ruled out US troops", "Vance threatened sanctions"]


def test_csv_and_markdown(run):
    r = run("verify", "Vance threatened sanctions", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and rows[0]["verdict"] == "supported" and rows[0]["date"]
    md = run("verify", "Vance threatened sanctions", "--format", "markdown").stdout
    assert md.startswith("### Vance threatened sanctions") and "| stance |" in md


def test_table_shows_missing_metadata(run):
    out = run("verify", "Hegseth ruled out US troops").stdout
    assert out.startswith("DISPUTED") or out.startswith("SUPPORTED")
    assert "(missing) URL" in out and "2025-02-15" in out and "themoscowtimes.com" in out


def test_sources(run):
    r = run("sources", "--format", "json")
    docs = {d["path"]: d for d in _json(r)}
    d4 = docs["seeds/004_b0943fd7179c371a.txt"]
    assert d4["date"] == "2025-02-14" and "themoscowtimes.com" in d4["url"] and d4["quotes"] >= 8
    d0 = docs["seeds/000_e5fcfa7cbf71c661.txt"]
    assert d0["date"] == "2025-02-15" and d0["url"] is None and d0["missing"] == ["title", "url"]


def test_quotes_speaker_filter(run):
    r = run("quotes", "--speaker", "Vance", "--format", "json")
    quotes = _json(r)
    assert quotes and all(q["speaker"] == "J.D. Vance" for q in quotes)
    assert any("economic tools of leverage" in q["text"] for q in quotes)
    assert all(q["source"]["path"].endswith("004_b0943fd7179c371a.txt") for q in quotes)
    assert {"text", "speaker", "cue", "source", "location"} <= set(quotes[0])


def test_index_command_then_verify_against_it(run, sources_dir):
    r = run("index", str(sources_dir), "--format", "json")
    assert r.exit_code == 0, r.stderr
    report = _json(r)
    assert report["indexed"] == 7 and report["skipped"] == 0
    again = _json(run("index", str(sources_dir), "--format", "json"))
    assert again["indexed"] == 0 and again["unchanged"] == 7
    v = _json(run("verify", "Mayor Ana Ruiz said the bus lanes are a win for commuters", "-f", "json"))[0]
    assert any(e["source"]["title"] == "Council approves new bus lanes" for e in v["evidence"])


def test_index_skips_bad_files_with_exit_1(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("A good article\n\nThe council met on Monday to discuss the budget.\n")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    r = run("index", str(folder), "--index", str(tmp_path / "idx"), "-f", "json")
    assert r.exit_code == 1
    assert "skipped" in r.stderr and "empty" in r.stderr and "binary" in r.stderr
    assert _json(r)["indexed"] == 1


def test_index_missing_path_is_usage_error(run, tmp_path):
    r = run("index", str(tmp_path / "nope"), "--index", str(tmp_path / "idx"))
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_environment_and_project_file_settings(run, sources_dir, tmp_path, monkeypatch):
    idx = tmp_path / "envidx"
    assert run("index", str(sources_dir / "docs"), "--index", str(idx)).exit_code == 0
    monkeypatch.setenv("FACTCHECK_INDEX", str(idx))
    docs = _json(run("sources", "-f", "json"))
    assert all(d["path"].startswith(str(sources_dir)) for d in docs)
    monkeypatch.delenv("FACTCHECK_INDEX")
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / ".factcheck.toml").write_text(f'index = "{idx}"\nformat = "json"\n')
    monkeypatch.chdir(tmp_path / "proj")
    docs = json.loads(run("sources").stdout)  # format and index both from the project file
    assert len(docs) == 5


def test_version_and_help(run):
    assert "factcheck" in run("--version").stdout
    for cmd in ("index", "verify", "quotes", "sources"):
        r = run(cmd, "--help")
        assert r.exit_code == 0 and "--index" in r.stdout and "--format" in r.stdout


@pytest.mark.parametrize("xdg", ["/tmp/elsewhere/cache", "", "relative/cache"])
def test_seed_cache_folder_is_where_platformdirs_puts_it(monkeypatch, xdg):
    import platformdirs

    from factcheck.config import cache_root

    monkeypatch.delenv("FACTCHECK_CACHE")  # set for every test by conftest
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    monkeypatch.setenv("HOME", "/home/someone")
    assert cache_root() == platformdirs.user_cache_dir("factcheck", appauthor=False)
    monkeypatch.setenv("FACTCHECK_CACHE", "/srv/cache")
    assert cache_root() == "/srv/cache"


def _options(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", text))


def test_readme_documents_every_option_and_no_option_that_is_gone(run):
    """README usage stays true to --help: each command option is documented, none is stale."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    helped = set().union(*(_options(run(cmd, "--help").stdout) for cmd in ("index", "verify", "check", "quotes", "sources")))
    assert helped - {"--help"} <= _options(readme)
    # benchmark scripts have options of their own; every other option the README names must exist
    named = _options("\n".join(line for line in readme.splitlines() if "benchmarks/" not in line))
    assert named <= helped, named - helped


def test_options_must_be_spelled_out(run):
    """No prefix matching (`--ind` for `--index`): a script's option keeps its meaning when options are added."""
    r = run("verify", "--ind", "x", "Hegseth ruled out US troops")
    assert r.exit_code == 2 and "unrecognized arguments: --ind" in r.stderr


def test_pyproject_settings_are_read_only_from_a_factcheck_table(tmp_path, monkeypatch):
    from factcheck.config import load_settings
    from factcheck.errors import InputError

    for name in ("FACTCHECK_FORMAT", "FACTCHECK_TOP", "FACTCHECK_INDEX"):
        monkeypatch.delenv(name, raising=False)
    outer, inner = tmp_path / "outer", tmp_path / "outer" / "inner"
    inner.mkdir(parents=True)
    (outer / "pyproject.toml").write_text('[tool.factcheck]\ntop = 7\nformat = "json"\n')
    # another tool's pyproject, even a broken one, neither stops the search nor fails it
    (inner / "pyproject.toml").write_text('[project]\nname = "draft-site"\nversion = = broken\n')
    settings = load_settings(str(inner))
    assert (settings.top, settings.format) == (7, "json")
    (inner / "pyproject.toml").write_text('[tool]\nfactcheck = { top = 3 }\n')  # a table spelt inline
    assert load_settings(str(inner)).top == 3
    (inner / "pyproject.toml").write_text('[tool.factcheck]\ntop = = 3\n')  # ours, broken: said so
    with pytest.raises(InputError, match="cannot read settings"):
        load_settings(str(inner))


def test_arguments_after_a_double_dash_are_claims_even_when_they_look_like_options(run):
    r = run("verify", "--format", "json", "--", "-5 degrees in Moscow", "--top")
    assert r.exit_code in (0, 1, 3), r.stderr
    claims = [v["claim"] for v in json.loads(r.stdout)]
    assert claims == ["-5 degrees in Moscow", "--top"]
    r = run("verify", "Hegseth ruled out US troops", "--format", "json", "--", "-x")  # options before "--" still count
    assert [v["claim"] for v in json.loads(r.stdout)] == ["Hegseth ruled out US troops", "-x"]
    assert run("sources", "--", "x").exit_code == 2  # a command without arguments says so


def test_the_verdict_does_not_depend_on_how_many_passages_are_shown(run):
    verdicts = []
    for top in ("1", "2", "5", "10"):
        r = run("verify", "Hegseth ruled out US troops", "--top", top, "--format", "json")
        [v] = json.loads(r.stdout)
        verdicts.append(v["verdict"])
        stances = {e["stance"] for e in v["evidence"]}
        assert v["verdict"] != "disputed" or {"supports", "conflicts"} <= stances  # the evidence shows why
    assert len(set(verdicts)) == 1, verdicts
