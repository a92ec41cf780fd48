"""The terminal table layout: every line of a table is as wide as its frame, whatever the cells hold."""

from __future__ import annotations

from factcheck.grid import table, width


def test_width_counts_terminal_columns():
    assert width("plain") == 5
    assert width("\x1b[1;32msupports\x1b[0m") == 8  # colour codes take no columns
    assert width("日本語") == 6  # wide characters take two
    assert width("e\u0301te") == 3  # a combining accent takes none


def test_table_lines_line_up_with_colour_wide_text_and_line_breaks():
    rows = [["\x1b[32msupports\x1b[0m", "89", "Zelensky said\nsecond line"],
            ["conflicts", "", "東京 reported"],
            ["-", "7", ""]]
    out = table(rows, ["stance", "score", "passage"])
    lines = out.split("\n")
    assert {width(line) for line in lines} == {width(lines[0])}
    assert lines[0].startswith("┌") and lines[-1].startswith("└")
    assert sum(line.startswith("├") for line in lines) == 3  # under the header and between rows
    assert "│           │       │ second line   │" in lines  # a cell's second line under its first
    assert lines[1] == "│ stance    │ score │ passage       │"
