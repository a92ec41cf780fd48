"""Where things are around a quote: its paragraph, its sentence, the quotes before and after it.

`Windows` holds one document's text, paragraph starts, sentence spans and top-level quotes,
and answers the positional questions attribution asks: which paragraph or sentence holds an
offset, which quote comes before or after, and the stretch of text before and after a quote
where its cue may stand.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .quotes import Span

MAX_BEFORE = 240  # chars of the sentence before a quote searched for its cue
MAX_AFTER = 160  # chars after a quote searched for its cue


def paragraph_starts(text: str) -> list[int]:
    """Return the offsets where paragraphs start (blank lines; single lines when there are none)."""
    blank = re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n\s*")
    return [0] + [m.end() for m in blank.finditer(text)]


class Windows:
    """One document's text, paragraphs, sentences and top-level quotes, for positional lookups."""

    def __init__(self, text: str, spans: list[Span], sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.paras = paragraph_starts(text)
        self.sentences = sentences
        self.sent_starts = [s for s, _ in sentences]
        self.tops = [s for s in spans if s.depth == 0]
        self.top_starts = [s.start for s in self.tops]

    def para_bounds(self, pos: int) -> tuple[int, int]:
        """Return (start, end) of the paragraph holding `pos`."""
        i = bisect_right(self.paras, pos) - 1
        start = self.paras[max(i, 0)]
        end = self.paras[i + 1] if i + 1 < len(self.paras) else len(self.text)
        return start, end

    def sentence_index(self, pos: int) -> int:
        """Return the index of the sentence holding `pos` (-1 before the first)."""
        return bisect_right(self.sent_starts, pos) - 1

    def prev_top(self, span: Span) -> Span | None:
        """Return the top-level quote that ends before `span` starts."""
        i = bisect_left(self.top_starts, span.start) - 1
        while i >= 0:
            if self.tops[i].end <= span.start:
                return self.tops[i]
            i -= 1
        return None

    def next_top(self, span: Span) -> Span | None:
        """Return the top-level quote that starts after `span` starts."""
        i = bisect_right(self.top_starts, span.start)
        return self.tops[i] if i < len(self.tops) else None

    def inside_top(self, pos: int) -> bool:
        """Return True when `pos` lies inside a top-level quote."""
        i = bisect_right(self.top_starts, pos) - 1
        return i >= 0 and self.tops[i].start < pos < self.tops[i].end

    def outer_of(self, span: Span) -> Span | None:
        """Return the top-level quote a nested quote sits in."""
        i = bisect_right(self.top_starts, span.start) - 1
        if i >= 0 and self.tops[i].start < span.start and self.tops[i].end >= span.end:
            return self.tops[i]
        return None

    def before_window(self, span: Span) -> tuple[int, str]:
        """Return (offset, text) of the sentence before the quote, back to the previous quote."""
        i = self.sentence_index(span.start)
        start = self.sentences[i][0] if i >= 0 else 0
        start = max(start, self.para_bounds(span.start)[0], span.start - MAX_BEFORE)
        if span.depth > 0 and (outer := self.outer_of(span)) is not None:
            start = max(start, outer.start + 1)
        prev = self.prev_top(span)
        if prev is not None and prev.end > start:
            start = prev.end
        return start, self.text[start:span.start]

    def after_window(self, span: Span) -> tuple[int, str]:
        """Return (offset, text) after the quote, up to the next quote or the paragraph's end."""
        end = min(self.para_bounds(span.end - 1)[1], span.end + MAX_AFTER)
        nxt = self.next_top(span)
        if nxt is not None and span.end <= nxt.start < end:
            end = nxt.start
        if span.depth > 0 and (outer := self.outer_of(span)) is not None:
            end = min(end, outer.inner[1])
        return span.end, self.text[span.end:max(end, span.end)]
