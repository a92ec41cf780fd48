"""Formats: real HTML pages, JSON exports, PDFs and text; metadata asserted against gold."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import subprocess
import sys
import unicodedata

import clirun
import pytest
from conftest import FIXTURES, load_json

from factcheck.documents import parse_bytes, parse_members, read_document, supported_suffixes
from factcheck.errors import InputError
from factcheck.segment import segment

PAGES = FIXTURES / "pages"
EXPORTS = FIXTURES / "exports"


def _cli(*args, input=None):
    return clirun.invoke(list(args), input=input)


def _plain(text):
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
    return " ".join(unicodedata.normalize("NFKC", html.unescape(text or "")).translate(table).split()).casefold()


def _words(text):
    return " ".join(re.findall(r"\w+", _plain(text)))


def _url_key(url):
    url = re.sub(r"^https?://(www\.)?", "", url or "").split("#")[0]
    url = re.sub(r"[?&](utm_\w+|cmp)=[^&]*", "", url)
    return url.rstrip("/?")


# ---------------------------------------------------------------------------- HTML


def test_supported_suffixes_cover_every_format():
    assert {".txt", ".md", ".html", ".htm", ".html.gz", ".json", ".jsonl", ".pdf"} <= supported_suffixes()


def test_reuters_visible_dateline_beats_restamped_metadata():
    doc = read_document(str(PAGES / "reuters_parasite.html"))
    # JSON-LD and <meta> say 2020-01-20 (the update); the dateline shows January 19, 2020 / 12:25 PM
    assert doc.date == "2020-01-19"
    assert doc.title == "'Parasite' scores historic upset at SAG awards, boosting Oscar chances"  # no " - Reuters"
    assert doc.site == "reuters.com"  # og:site_name is the section "U.S.", not the outlet
    assert doc.author == "Jill Serjeant" and doc.format == "html"


def test_jsonld_date_beats_url_date_and_image_dates():
    wapo = read_document(str(PAGES / "washingtonpost_federal_workers.html"))
    assert wapo.date == "2020-07-09"  # URL says /2020/07/08/
    cbc = read_document(str(PAGES / "cbc_gaza.html.gz"))
    assert cbc.date == "2024-08-08"  # image datePublished 2024-08-07
    assert cbc.url == "https://www.cbc.ca/news/world/gaza-israel-ceasefire-negotiations-sinwar-1.7287711"
    assert cbc.title == "What's next for Gaza, after Yahya Sinwar's appointment as Hamas political head?"


def test_local_time_twin_gives_the_newsrooms_day():
    doc = read_document(str(PAGES / "mercurynews_fremont.htm"))
    assert doc.date == "2023-11-08"  # 2023-11-09T01:49:09Z is 17:49 on the 8th in the page's own <time>


def test_syndicated_copy_keeps_its_own_url():
    doc = read_document(str(PAGES / "seattletimes_syndicated.html"))
    assert doc.url.startswith("https://www.seattletimes.com/")  # canonical names nytimes.com
    assert doc.site == "The Seattle Times"


def test_syndicated_copy_keeps_its_own_url_when_og_url_names_the_original_too():
    doc = read_document(str(PAGES / "eastbaytimes_syndicated.html"))
    # canonical, og:url and JSON-LD url name mercurynews.com; og:site_name "East Bay Times" and
    # JSON-LD mainEntityOfPage name the copy this file is
    assert doc.url == "http://www.eastbaytimes.com/2020/04/24/joe-biden-predicts-trump-will-try-to-delay-elections/"
    assert doc.site == "East Bay Times"


@pytest.mark.parametrize("site_name,expected", [
    ("Valley Courier", "https://valleycourier.com/2024/05/02/dam-opens/"),  # the copy names itself: its own address
    ("Arizona Daily Star", "https://metro-herald.com/dam-opens"),  # the site name matches no host: the canonical
    ("Metro Herald", "https://metro-herald.com/dam-opens"),  # the canonical is on the site's own host
])
def test_site_name_host_decides_a_syndicated_copys_url(site_name, expected):
    ld = {"@type": "NewsArticle", "headline": "Dam opens after repairs", "url": "https://metro-herald.com/dam-opens",
          "mainEntityOfPage": {"@type": "WebPage", "@id": "https://valleycourier.com/2024/05/02/dam-opens/"}}
    page = (f"<html><head><link rel=canonical href='https://metro-herald.com/dam-opens'>"
            f"<meta property='og:url' content='https://metro-herald.com/dam-opens'>"
            f"<meta property='og:site_name' content='{site_name}'>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>"
            "<body><article><h1>Dam opens after repairs</h1><p>"
            + "The dam reopened on Thursday after two years of repairs, the water board said. " * 5
            + "</p></article></body></html>")
    assert parse_bytes("dam.html", page.encode()).url == expected


def test_html_body_has_no_navigation_or_scripts():
    doc = read_document(str(PAGES / "independent_laos.html.gz"))
    assert doc.title.endswith("as police detain hostel bosses") and "Independent" not in doc.title
    assert "function(" not in doc.text and "Subscribe" not in doc.text.split("\n")[0]
    passages, _ = segment(doc)
    assert passages[0].kind == "headline" and passages[0].text == doc.title
    gold = load_json("pages/expected.json")["pages"]["independent_laos.html.gz"]["paragraphs"]
    body = " ".join(_words(p.text) for p in passages)
    assert all(_words(p) in body for p in gold)


def test_html_never_fetches(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = b"<html><head><link rel=canonical href='https://example.org/a'></head><body><article><p>" + \
        b"Officials said on Friday that the bridge will reopen next week after repairs. " * 5 + \
        b"</p><img src='https://example.org/x.png'><script src='https://example.org/s.js'></script></article></body></html>"
    doc = parse_bytes("https://example.org/a.html", page)
    assert doc.url == "https://example.org/a" and doc.date is None  # "on Friday" is not a date


def test_broken_html_is_a_clear_input_error(tmp_path):
    with pytest.raises(InputError, match="gzip"):
        parse_bytes("page.html.gz", b"not gzip at all")
    with pytest.raises(InputError):
        parse_bytes("page.html", b"   ")


def test_fixture_page_metadata_floor():
    """Accuracy on the fixture pages against the data sets' gold must stay at or above the floors."""
    expected = load_json("pages/expected.json")["pages"]
    floors = load_json("floors.json")["fixture_pages"]
    hits = {"date": [], "url": [], "title": [], "paragraphs": []}
    for name, gold in expected.items():
        doc = read_document(str(PAGES / name))
        hits["date"].append(doc.date == gold["date"])
        hits["url"].append(_url_key(doc.url) == _url_key(gold["url"]))
        if gold["title"]:
            hits["title"].append(_plain(doc.title) == _plain(gold["title"]))
        if gold["paragraphs"]:
            body = " " + " ".join(_words(p.text) for p in segment(doc)[0]) + " "
            hits["paragraphs"] += [f" {_words(p)} " in body for p in gold["paragraphs"]]
    for key, values in hits.items():
        accuracy = sum(values) / len(values)
        assert accuracy >= floors[key], f"{key}: {accuracy:.3f} < floor {floors[key]}"


def test_html_readers_are_imported_lazily():
    code = ("import sys, factcheck.cli, factcheck.documents; "
            "print(sorted(m for m in ('trafilatura', 'htmldate', 'lxml', 'pypdf') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------------------- JSON


def test_jsonl_export_one_article_per_line():
    found = parse_members("articles.jsonl", (EXPORTS / "articles.jsonl").read_bytes())
    assert [m.path for m in found] == ["articles.jsonl#1", "articles.jsonl#2", "articles.jsonl#4"]  # line numbers
    docs = {m.path: m.load() for m in found}
    one, two, four = docs["articles.jsonl#1"], docs["articles.jsonl#2"], docs["articles.jsonl#4"]
    assert one.title.startswith("Death toll in Valencia fire") and one.date == "2024-02-24"
    assert one.url.startswith("https://www.theguardian.com/world/2024/feb/24/") and one.author == "Guardian staff reporter"
    assert two.date == "2024-11-26" and two.author == "Dan Jervis-Bardy" and two.site == "thewest.com.au"
    assert "<p>" not in two.text and "track()" not in two.text  # HTML body read as text, scripts dropped
    assert four.date == "2024-11-22" and four.url is None  # nothing invented
    assert all(d.format == "json" for d in docs.values())


def test_jsonld_newsarticle_is_read_as_such():
    doc = parse_bytes("story.json", (EXPORTS / "newsarticle.jsonld.json").read_bytes())
    assert doc.title.startswith("Two arrested after Just Stop Oil protest")
    assert doc.date == "2025-01-28" and doc.author == "Jacqui Housden" and doc.site == "inews.co.uk"
    assert doc.url.startswith("https://inews.co.uk/news/environment/")


def test_field_option_reads_other_layouts(tmp_path):
    shutil.copy(EXPORTS / "cms_custom.json", tmp_path / "cms.json")
    plain = _cli("index", "--index", str(tmp_path / "idx"), str(tmp_path / "cms.json"), "-f", "json")
    assert plain.exit_code == 1 and "--field" in plain.stderr  # no known keys: says how to fix it
    r = _cli("index", "--index", str(tmp_path / "idx"), str(tmp_path / "cms.json"), "--field", "title=hed",
             "--field", "date=meta.first_pub", "--field", "url=meta.permalink", "--field", "body=story.paras")
    assert r.exit_code == 0, r.stderr
    [src] = json.loads(_cli("sources", "--index", str(tmp_path / "idx"), "-f", "json").stdout)
    assert src["path"].endswith("cms.json#1") and src["date"] == "2024-02-24"
    assert src["title"].startswith("Death toll in Valencia") and src["missing"] == []
    bad = _cli("index", "--index", str(tmp_path / "idx"), str(tmp_path / "cms.json"), "--field", "colour=x")
    assert bad.exit_code == 2 and "NAME=KEY" in bad.stderr


def test_malformed_json_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "cut.json").write_text('{"title": "A", "body": "Some text that is cut')
    (tmp_path / "mixed.jsonl").write_text('{"title": "Fine", "text": "The council met on Tuesday."}\n{"title": oops\n')
    r = _cli("index", "--index", str(tmp_path / "idx"), str(tmp_path), "-f", "json")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    report = json.loads(r.stdout)
    reasons = {s["path"].rsplit("/", 1)[-1]: s["reason"] for s in report["skipped_files"]}
    assert "not valid JSON" in reasons["cut.json"] and "not valid JSON" in reasons["mixed.jsonl#2"]
    assert report["indexed"] == 1


# ---------------------------------------------------------------------------- PDF


def _release_pdf():
    from pdfmaker import make_pdf

    return make_pdf(
        [["Ministry of Transport", "PRESS RELEASE", "March 3, 2025", "Rail fares to rise by 3 per cent in April",
          "The minister said on Friday that regulated rail fares will rise by 3 per cent.", "Page 1 of 3"],
         ["Ministry of Transport", "Season tickets are included in the increase, officials said.", "Page 2 of 3"],
         ["Ministry of Transport", "The extra money will pay for forty new trains on the coast line.", "Page 3 of 3"]],
        info={"Title": "Microsoft Word - release.docx", "Author": "Press Office"})


def test_pdf_pages_and_metadata():
    pytest.importorskip("pypdf", reason="PDF support is the [pdf] extra; pip install '.[test]' includes it")
    doc = parse_bytes("release.pdf", _release_pdf())
    assert doc.title == "Rail fares to rise by 3 per cent in April"  # not the running header, not the Word file name
    assert doc.date == "2025-03-03" and doc.author == "Press Office" and doc.format == "pdf"
    passages, _ = segment(doc)
    pages = {p.text: p.page for p in passages}
    assert pages["The extra money will pay for forty new trains on the coast line."] == 3
    assert all("Ministry of Transport" not in p.text and "Page" not in p.text for p in passages)


def test_pdf_page_reaches_the_evidence_location(tmp_path):
    pytest.importorskip("pypdf", reason="PDF support is the [pdf] extra; pip install '.[test]' includes it")
    (tmp_path / "release.pdf").write_bytes(_release_pdf())
    assert _cli("index", "--index", str(tmp_path / "idx"), str(tmp_path / "release.pdf")).exit_code == 0
    r = _cli("verify", "--index", str(tmp_path / "idx"), "new trains on the coast line", "-f", "json")
    [item] = json.loads(r.stdout)
    ev = item["evidence"][0]
    assert ev["location"]["page"] == 3 and ev["source"]["date"] == "2025-03-03"
    table = _cli("verify", "--index", str(tmp_path / "idx"), "new trains on the coast line").stdout
    assert "p. 3" in table


def test_pdf_without_the_extra_names_it(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pypdf(name, *args, **kwargs):
        if name == "pypdf" or name.startswith("pypdf."):
            raise ImportError("No module named 'pypdf'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    with pytest.raises(InputError, match=r"pip install 'factcheck-sources\[pdf\]'"):
        parse_bytes("release.pdf", b"%PDF-1.4\n")


# ---------------------------------------------------------------------------- text


def test_text_metadata_lines_and_relative_dates(tmp_path):
    text = ("Port strike ends after two weeks\n\nBy Maria Lopez\nPublished: 12 March 2024\nSource: Harbour Gazette\n\n"
            "Dock workers returned on Friday, the union said. Talks resume next Tuesday.\n")
    doc = parse_bytes("strike.txt", text.encode())
    assert (doc.title, doc.author, doc.date, doc.site) == ("Port strike ends after two weeks", "Maria Lopez",
                                                          "2024-03-12", "Harbour Gazette")
    undated = parse_bytes("note.txt", b"Council news in brief\n\nThe council met on Friday and will meet again on Monday.\n")
    assert undated.date is None  # "on Friday" is relative: left alone, not turned into a date


# ---------------------------------------------------------------------------- index, sources, dry run


@pytest.fixture
def mixed(tmp_path):
    """A folder with one file of every format: txt, md, html, html.gz, json, jsonl and (with pypdf) pdf."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(FIXTURES / "docs" / "published_lines.txt", folder)
    shutil.copy(FIXTURES / "docs" / "frontmatter.md", folder)
    shutil.copy(PAGES / "reuters_parasite.html", folder)
    shutil.copy(PAGES / "cbc_gaza.html.gz", folder)
    shutil.copy(EXPORTS / "newsarticle.jsonld.json", folder / "story.json")
    shutil.copy(EXPORTS / "articles.jsonl", folder)
    try:
        import pypdf  # noqa: F401

        (folder / "release.pdf").write_bytes(_release_pdf())
    except ImportError:
        pass
    return folder


def test_index_mixed_folder_reads_every_format(mixed, tmp_path):
    idx = str(tmp_path / "idx")
    r = _cli("index", "--index", idx, str(mixed), "-f", "json")
    assert r.exit_code == 0, r.stderr
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(_cli("sources", "--index", idx, "-f", "json").stdout)}
    formats = {d["format"] for d in docs.values()}
    assert formats >= {"text", "markdown", "html", "json"}
    assert docs["cbc_gaza.html.gz"]["date"] == "2024-08-08" and docs["reuters_parasite.html"]["date"] == "2020-01-19"
    assert docs["articles.jsonl#4"]["missing"] == ["url"] and docs["story.json"]["missing"] == []
    assert all(d["passages"] > 0 for d in docs.values())
    if (mixed / "release.pdf").exists():
        assert docs["release.pdf"]["format"] == "pdf" and docs["release.pdf"]["date"] == "2025-03-03"
    again = json.loads(_cli("index", "--index", idx, str(mixed), "-f", "json").stdout)
    assert again["indexed"] == 0 and again["unchanged"] == len(docs)


def test_jsonl_reindex_is_per_article_and_prunes(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    lines = (EXPORTS / "articles.jsonl").read_text().splitlines()
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n")
    idx = str(tmp_path / "idx")
    assert json.loads(_cli("index", "--index", idx, str(folder), "-f", "json").stdout)["indexed"] == 3
    changed = json.loads(lines[3])
    changed["title"] = "All paid their own way, minister says"
    (folder / "a.jsonl").write_text("\n".join([lines[0], lines[1], "", json.dumps(changed)]) + "\n")
    r = json.loads(_cli("index", "--index", idx, str(folder), "-f", "json").stdout)
    assert (r["indexed"], r["unchanged"]) == (1, 2)  # only the edited article is read again
    (folder / "a.jsonl").write_text(lines[0] + "\n")
    r = json.loads(_cli("index", "--index", idx, str(folder), "-f", "json").stdout)
    assert r["pruned"] == 2  # articles that left the export leave the index
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text("A headline here\n\nThe mayor opened the new bridge on Monday.\n")
    r = json.loads(_cli("index", "--index", idx, str(other), "--prune", "-f", "json").stdout)
    assert r["pruned"] == 0  # a.jsonl#1 still exists inside a.jsonl
    (folder / "a.jsonl").unlink()
    r = json.loads(_cli("index", "--index", idx, str(other), "--prune", "-f", "json").stdout)
    assert r["pruned"] == 1
    paths = [d["path"] for d in json.loads(_cli("sources", "--index", idx, "-f", "json").stdout)]
    assert paths == [str(other / "b.txt")]


def test_dry_run_writes_nothing_and_shows_metadata(mixed, tmp_path):
    idx = tmp_path / "idx"
    r = _cli("index", "--index", str(idx), str(mixed), "--dry-run", "-f", "json")
    assert r.exit_code == 0 and not idx.exists()
    out = json.loads(r.stdout)
    assert out["dry_run"] is True and out["skipped_files"] == []
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in out["documents"]}
    assert docs["reuters_parasite.html"]["status"] == "new" and docs["reuters_parasite.html"]["author"] == "Jill Serjeant"
    assert docs["articles.jsonl#2"]["date"] == "2024-11-26"
    _cli("index", "--index", str(idx), str(mixed))
    again = json.loads(_cli("index", "--index", str(idx), str(mixed), "--dry-run", "-f", "json").stdout)
    assert {d["status"] for d in again["documents"]} == {"unchanged"}
    table = _cli("index", "--index", str(idx), str(mixed), "--dry-run").stdout
    assert "2020-01-19" in table and "unchanged" in table


def test_sources_flags_missing_date_or_url(mixed, tmp_path):
    idx = str(tmp_path / "idx")
    _cli("index", "--index", idx, str(mixed))
    everything = json.loads(_cli("sources", "--index", idx, "-f", "json").stdout)
    flagged = [d["path"] for d in everything if d["date"] is None or d["url"] is None]
    [reuters] = [d for d in everything if d["path"].endswith("reuters_parasite.html")]
    assert reuters["author"] == "Jill Serjeant"  # the byline is listed, as `index --dry-run` shows it
    assert flagged and all(("date" in d["missing"]) == (d["date"] is None) for d in everything)
    r = _cli("sources", "--index", idx, "--missing", "-f", "json")
    assert [d["path"] for d in json.loads(r.stdout)] == flagged
    assert "no URL" in r.stderr
    table = _cli("sources", "--index", idx, "--missing").stdout
    assert "(missing)" in table and "url" in table


def test_since_until_filter_html_and_json_sources(mixed, tmp_path):
    (mixed / "undated.txt").write_text("Awards notes\n\nParasite won the top prize at the SAG awards, a reader wrote.\n")
    idx = str(tmp_path / "idx")
    _cli("index", "--index", idx, str(mixed))
    claim = "Parasite won the top prize at the SAG awards"
    found = json.loads(_cli("verify", "--index", idx, claim, "-f", "json").stdout)[0]["evidence"]
    assert any(e["source"]["date"] == "2020-01-19" for e in found)
    windowed = _cli("verify", "--index", idx, claim, "--since", "2024-01-01", "-f", "json")
    later = json.loads(windowed.stdout)[0]["evidence"]
    undated = sum(d["date"] is None for d in json.loads(_cli("sources", "--index", idx, "-f", "json").stdout))
    assert undated and f"{undated} undated document(s) are left out" in windowed.stderr
    assert "undated" not in _cli("verify", "--index", idx, claim, "-f", "json").stderr
    assert all(e["source"]["date"] >= "2024-01-01" for e in later)
    window = json.loads(_cli("verify", "--index", idx, "death toll in Valencia fire", "--since", "2024-02-24",
                             "--until", "2024-02-24", "-f", "json").stdout)[0]["evidence"]
    assert window and all(e["source"]["date"] == "2024-02-24" for e in window)


def test_since_until_filter_check_findings(mixed, tmp_path):
    idx = str(tmp_path / "idx")
    _cli("index", "--index", idx, str(mixed))
    draft = tmp_path / "draft.md"
    draft.write_text("“There are rules to resistance, rules to war and rules to peace,” said Amer.\n", encoding="utf-8")

    def findings(*options):
        r = _cli("check", "--index", idx, str(draft), "-f", "json", *options)
        assert r.exit_code == 0, r.stderr
        return json.loads(r.stdout)[0]["findings"]

    [inside] = findings("--since", "2024-08-08", "--until", "2024-08-08")  # the CBC page's day (an .html.gz source)
    assert inside["kind"] == "exact-quote" and {e["source"]["date"] for e in inside["evidence"]} == {"2024-08-08"}
    [before] = findings("--until", "2024-08-07")
    assert before["kind"] == "unverified" and all(e["source"]["date"] <= "2024-08-07" for e in before["evidence"])
    assert _cli("check", "--index", idx, str(draft), "--since", "2024-13-01").exit_code == 2


def test_gz_html_fixture_is_really_gzip():
    assert gzip.decompress((PAGES / "cbc_gaza.html.gz").read_bytes()).lstrip().lower().startswith(b"<!doctype html")


@pytest.mark.parametrize("raw,day", [
    ("2020-01-20T09:49:32+0000", "2020-01-20"), ("2024-10-16 00:00:00+08:00", "2024-10-16"),
    ("Fri, 01 May 2020 23:00:00 -0400", "2020-05-01"), ("Mon Jan 20 09:49:32 UTC 2020", "2020-01-20"),
    (1709400000, "2024-03-02"), ("1709400000000", "2024-03-02"), ("D:20250303120000Z", "2025-03-03"),
    ("20200120", "2020-01-20"), ("March 2024", None), ("1970-01-01T00:00:00Z", None), ("soon", None), (None, None),
])
def test_metadata_timestamps_to_day(raw, day):
    from factcheck.readers.dates import to_day

    assert to_day(raw) == day


def test_site_name_stripping():
    from factcheck.readers.htmlmeta import strip_site_name

    names = ["The Independent", "Metro News"]
    assert strip_site_name("Laos poisonings: teenager dies | The Independent", names) == "Laos poisonings: teenager dies"
    assert strip_site_name("Sweden tells households how to survive | World News | Metro News", names) == \
        "Sweden tells households how to survive"
    assert strip_site_name("Your $1 bill could be worth THOUSANDS - here's how to check", names) == \
        "Your $1 bill could be worth THOUSANDS - here's how to check"
