"""Documents: decoding and metadata read from the file itself, never invented."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEEDS

from factcheck.documents import decode, parse_date, parse_text, read_document, site_of
from factcheck.errors import InputError


def test_seed_004_metadata():
    doc = read_document(str(SEEDS / "004_b0943fd7179c371a.txt"))
    assert doc.title == "Vance Threatens Sanctions, U.S. Troops in Ukraine if Putin Rejects Peace Deal"
    assert doc.date == "2025-02-14"
    assert doc.url.startswith("https://www.themoscowtimes.com/2025/02/14/")
    assert doc.site == "themoscowtimes.com"


def test_seed_000_metadata_missing_stays_missing():
    doc = read_document(str(SEEDS / "000_e5fcfa7cbf71c661.txt"))
    assert doc.date == "2025-02-15"
    assert doc.url is None and doc.site is None and doc.title is None


def test_front_matter():
    doc = read_document(str(FIXTURES / "docs" / "frontmatter.md"))
    assert (doc.title, doc.date, doc.url, doc.site, doc.author) == (
        "Council approves new bus lanes", "2024-03-05", "https://example.org/news/bus-lanes",
        "Example Gazette", "Jane Doe")
    assert "title:" not in doc.masked  # front matter is not evidence


def test_published_source_and_by_lines():
    doc = read_document(str(FIXTURES / "docs" / "published_lines.txt"))
    assert doc.title == "Harbour dredging to resume next month"
    assert doc.date == "2023-01-12"
    assert doc.url == "https://www.harbournews.example/2023/01/12/dredging"
    assert doc.author == "Sam Okafor"
    assert "Photo" not in doc.masked and "Related article" not in doc.masked


def test_impossible_date_is_not_invented():
    doc = read_document(str(FIXTURES / "docs" / "bad_date.txt"))
    assert doc.date is None
    assert "2025-13-45" not in doc.masked


@pytest.mark.parametrize("raw,iso", [
    ("2025-02-14", "2025-02-14"), ("February 14, 2025", "2025-02-14"), ("Feb. 14, 2025", "2025-02-14"),
    ("14 February 2025", "2025-02-14"), ("Friday, February 14, 2025", "2025-02-14"),
    ("2025-02-14T10:00:00Z", "2025-02-14"), ("2025/2/14", "2025-02-14"), ("Sept. 3rd, 2024", "2024-09-03"),
    ("2025-13-45", None), ("February 30, 2025", None), ("yesterday", None), ("", None),
])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


def test_decoding_cp1252_bom_crlf():
    cp = read_document(str(FIXTURES / "docs" / "cp1252.txt"))
    assert "Café" in cp.text and "“unfair”" in cp.text and "£200" in cp.text
    bom = read_document(str(FIXTURES / "docs" / "bom_crlf.txt"))
    assert bom.text.startswith("Title with BOM") and "\r" not in bom.text


def test_utf16_and_binary():
    assert decode("Hello world".encode("utf-16")) == "Hello world"
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02binary")


def test_mask_keeps_offsets_and_lines():
    text = "Title of piece here\n\nShe [told](#) **reporters** the plan works.\n"
    doc = parse_text("x.md", text, "0", "markdown")
    assert len(doc.masked) == len(text)
    assert doc.masked.count("\n") == text.count("\n")
    assert "told" in doc.masked and "(#)" not in doc.masked and "**" not in doc.masked


def test_site_of():
    assert site_of("https://www.example.com/a") == "example.com"
    assert site_of(None) is None and site_of("not a url") is None


def test_unreadable_and_oversized(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "missing.txt"))
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    with pytest.raises(InputError, match="over the limit"):
        read_document(str(big), max_bytes=100)
