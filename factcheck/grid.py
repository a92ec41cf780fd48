"""Box-drawn tables for terminals (the layout of tabulate's "simple_grid", without its import cost).

tabulate 0.10 imports importlib.metadata on start-up: 27 ms of a 91 ms `factcheck verify` call.
The tables here need one layout, left-aligned text cells with line breaks, colour codes and
wide characters, which is this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def width(text: str) -> int:
    """Return the columns `text` takes on a terminal: colour codes take none, wide characters two."""
    text = _ANSI.sub("", text)
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Return `rows` under `headers` as a box-drawn grid; cells may hold several lines."""
    grid = [[str(c).split("\n") for c in row] for row in [headers, *rows]]
    cols = [max(width(line) for row in grid for line in row[i]) for i in range(len(headers))]

    def rule(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * (w + 2) for w in cols) + right

    def lines(row: list[list[str]]) -> list[str]:
        height = max(len(cell) for cell in row)
        out = []
        for k in range(height):
            parts = []
            for cell, w in zip(row, cols, strict=True):
                text = cell[k] if k < len(cell) else ""
                parts.append(" " + text + " " * (w - width(text)) + " ")
            out.append("│" + "│".join(parts) + "│")
        return out

    out = [rule("┌", "┬", "┐"), *lines(grid[0])]
    for row in grid[1:]:
        out.append(rule("├", "┼", "┤"))
        out.extend(lines(row))
    out.append(rule("└", "┴", "┘"))
    return "\n".join(out)
