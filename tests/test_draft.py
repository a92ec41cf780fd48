"""Reading drafts: masking keeps file positions; what is prose, what is skipped; claims; never raising."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.draft import check_text, draft_claims, parse_draft
from factcheck.draftclaims import checkable, plain_statement


def _sentences(draft):
    return [draft.masked[s:e] for s, e in draft.sentences]


def test_masking_keeps_length_lines_and_skips_markup():
    text = ("---\ntitle: Draft\nauthor: Vance said so\n---\n# Heading says Vance\n\n"
            "Text with a [link](https://x.example/said-Vance \"title Trump\") and **bold** and `code`.\n\n"
            "```\nVance said \"x y z\"\n```\n\n    indented code Trump said\n\n"
            "<!-- a comment Vance said -->\n<b>Tagged</b> text here by Putin.\n\n"
            "| Head one | Head two |\n|---|:---:|\n| Cell by Trump | Another cell here |\n\n"
            "> Quoted paragraph by Peskov.\n\n- Item one by Rubio\n- Item two by Waltz\n\n"
            "Setext title by Kellogg\n----\n\n***\n\nA bare URL https://example.com/path here.\n")
    d = parse_draft(text, "d.md")
    assert len(d.masked) == len(text) and d.masked.count("\n") == text.count("\n")
    got = _sentences(d)
    assert "Heading says Vance" in got
    assert any(s.startswith("Text with a  link") and "bold" in s and "https" not in s and "Trump" not in s for s in got)
    assert not any("author" in s or "x y z" in s or "indented" in s or "comment" in s for s in got)
    assert any("Tagged" in s and "<b>" not in s for s in got)
    assert "Cell by Trump" in got and "Another cell here" in got and not any("Head one" in s for s in got)
    assert "Quoted paragraph by Peskov." in got
    assert "Item one by Rubio" in got and "Item two by Waltz" in got
    assert "Setext title by Kellogg" in got
    assert any("bare URL" in s and "example.com" not in s for s in got)


def test_positions_are_one_based_lines_and_character_columns():
    text = "# Title here\r\n\r\nFirst one is here. Second “one” by Vance.\r\n"
    d = parse_draft(text, "d.md")
    spans = {d.masked[s:e]: (d.position(s), d.position(e)) for s, e in d.sentences}
    assert spans["Title here"] == ((1, 3), (1, 13))
    assert spans["First one is here."] == ((3, 1), (3, 19))
    assert spans["Second “one” by Vance."] == ((3, 20), (3, 42))


def test_plain_text_keeps_indented_paragraphs():
    text = "    Vance threatened sanctions on Friday.\n\n    Trump said he spoke with Putin.\n"
    assert len(parse_draft(text, "d.txt").sentences) == 2
    assert parse_draft(text, "d.md").sentences == ()


def test_list_continuation_is_not_code():
    text = "- Vance threatened sanctions.\n\n    Trump said he spoke with Putin.\n"
    assert "Trump said he spoke with Putin." in _sentences(parse_draft(text, "d.md"))


def test_directives_ignore_next_line_and_regions():
    text = ("<!-- factcheck: ignore -->\n\nline three\nline four\n<!-- factcheck: off -->\nline six\n"
            "<!-- factcheck: on -->\nline eight\n<!-- factcheck: ignore misquote, unverified -->\nline ten\n"
            "```\n<!-- factcheck: off -->\n```\nline fourteen\n")
    d = parse_draft(text, "d.md")
    assert d.suppresses(3, 3) and not d.suppresses(4, 4)
    assert d.suppresses(6, 6) and not d.suppresses(8, 8)
    assert not d.suppresses(10, 10) and d.suppresses(10, 10, "misquote") and not d.suppresses(10, 10, "conflicting")
    assert not d.suppresses(14, 14)  # a directive inside a code block is code


def test_unclosed_off_region_runs_to_the_end():
    d = parse_draft("a line\n<!-- factcheck: off -->\nVance said so.\nTrump too.\n", "d.md")
    assert not d.suppresses(1, 1) and d.suppresses(3, 4)


def test_claims_quotes_with_speakers_and_split_quotes():
    text = ("“There are economic tools of leverage,” Vance said, “there are of course military tools of leverage.”\n\n"
            "Kremlin spokesman Dmitry Peskov told reporters: \"We had not heard such wording before.\"\n\n"
            "He called it a \"deal\" in passing.\n")
    claims = draft_claims(parse_draft(text, "d.md"))
    quotes = [c for c in claims if c.kind == "quote"]
    assert [(c.speaker, len(c.pieces)) for c in quotes] == [("Vance", 2), ("Dmitry Peskov", 1)]
    assert quotes[0].start == 0 and text[quotes[0].end - 1] == "”"


def test_checkable_sentences():
    assert checkable("Vance threatened sanctions on Moscow.")
    assert checkable("Russia's war is nearly three years old.")
    assert checkable("The talks began on Friday.")
    assert checkable("officials said the talks would go on.")
    assert not checkable("Moreover, this matters a great deal.")
    assert not checkable("Will the talks succeed?")
    assert not checkable("I think Vance is wrong about Ukraine.")
    assert not checkable("Europe should respond with Washington.")
    assert not checkable("Vance agreed.")


def test_plain_statements_are_checked_but_reported_only_when_a_source_speaks_to_them(seed_store):
    assert plain_statement("The troops stayed in their barracks all winter.")
    assert not plain_statement("It was late.")  # too short to look up
    assert not plain_statement("The talks should go on for weeks.")  # what should happen
    assert not plain_statement("Was the deployment ever likely to happen?")
    draft = ("A deployment of troops to the war is likely.\n\n"
             "The weather in the hall was pleasant and the coffee was very good.\n")
    report = check_text(seed_store, draft, "draft.md")
    # the first names no one and gives no figure, and the seeds contradict it: reported;
    # the second no source speaks to: skipped, not flagged as unverified
    assert [f.kind for f in report.findings] == ["conflicting"]
    assert (report.checked, report.skipped) == (1, 1)


def test_check_text_library_call(seed_store):
    report = check_text(seed_store, 'Vance said "there are economic tools of pressure."\n', "draft.md")
    assert [f.kind for f in report.findings] == ["misquote"]
    assert report.path == "draft.md" and report.checked == 1 and report.quotes == 1


_MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab Vance said“”\"'‘’…[]()|-#>*_`~\n\t:<!->factcheck:ignoreoff.,?0123")),
                       max_size=300)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=300), _MARKDOWNISH))
def test_any_text_is_a_safe_draft(seed_store, text):
    d = parse_draft(text, "d.md")
    assert len(d.masked) == len(d.text)
    report = check_text(seed_store, text, "d.md")
    assert report.checked + report.skipped + report.ignored == report.sentences
    for f in report.findings:
        assert 1 <= f.line <= f.end_line and f.column >= 1 and f.end_column >= 1
