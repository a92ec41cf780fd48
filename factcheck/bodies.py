"""How a document's passages and quotes are stored: one compressed record per document.

Passage text is most of an index. Stored row by row it cost 2.3x the source text (issue #7:
each row's overhead, three indexes, quote texts). Here each document is one record: its
passages column by column (offsets as gaps and lengths, columns that hold nothing left out,
a quote's text as its place in its passage when it is a substring of it) as a small JSON
header, then the passage texts as one string; zlib-compressed with a preset dictionary of the
index's commonest words. News articles are short (~2 KB): the dictionary lets the first
sentence of each compress as well as the last.

A passage's id says where it lives: the document's row id shifted left by PID_SHIFT, plus
the passage's position in the document. Document ids are never reused, so a search hit left
over from a replaced document finds nothing rather than the wrong text.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, chain
from operator import add
from typing import Any, NamedTuple

from .models import Passage, Quote

PID_SHIFT = 24  # up to 16.7 M passages per document, 2**39 documents
_LEVEL = 6  # zlib level 9 gained 0.1 % on FNC-1 text, at twice the time
DICT_BYTES = 32 * 1024  # zlib's window: a longer preset dictionary is never read
# First byte of a record: how it was compressed. With a dictionary the stream is raw deflate:
# the zlib wrapper's check of the dictionary (an Adler-32 of its 32 KB) took 9 of the 23 us
# that decompressing a record cost; the records are checked by SQLite's own pages anyway.
_PLAIN, _WITH_DICT = b"\x00", b"\x02"
_RAW = -15  # zlib's wbits for a raw deflate stream
_KINDS = ("sentence", "quote", "headline")
# Between passage texts in a record: the texts as one string split in one call, where a JSON
# list of strings took most of a record's decoding time. Control characters are not in
# indexed text (ingest makes them spaces); a text that holds one anyway goes in the header.
_SEP = "\x1e"
_DICT_WORD = re.compile(r"[A-Za-z][A-Za-z'’]* ?")


def passage_id(doc_id: int, position: int) -> int:
    """Return the search-index id of the passage at `position` in document `doc_id`."""
    return (doc_id << PID_SHIFT) | position


def split_id(pid: int) -> tuple[int, int]:
    """Return (document id, position) of a passage id."""
    return pid >> PID_SHIFT, pid & ((1 << PID_SHIFT) - 1)


def make_dictionary(texts: Iterable[str]) -> bytes:
    """Return a zlib preset dictionary: the commonest words of `texts`, commonest last (zlib reaches those best).

    On 100 k FNC-1 passages, one made from the first 50 documents took the stored text from
    6.26 to 5.29 MB (per-document compression alone).
    """
    counts = Counter(w for t in texts for w in _DICT_WORD.findall(t))
    out, size = [], 0
    for word, _ in counts.most_common():
        b = word.encode("utf-8")
        if size + len(b) > DICT_BYTES:
            break
        out.append(b)
        size += len(b)
    return b"".join(reversed(out))


class Packed(NamedTuple):
    """A document's record packed before it reaches the writer (in an indexing worker)."""

    data: bytes
    zdict: bytes  # the dictionary it was packed with: the writer checks that it is the index's
    passages: int
    quotes: int


def pack_ahead(passages: list[Passage], quotes: list[Quote], zdict: bytes) -> Packed:
    """Return the stored form of a document's passages and quotes with their counts."""
    return Packed(pack(passages, quotes, zdict), zdict, len(passages), len(quotes))


def repack(packed: Packed, zdict: bytes) -> bytes:
    """Return `packed`'s record packed with the dictionary `zdict` instead."""
    body = unpack(packed.data, packed.zdict)
    return pack(list(body.passages), [q for _, q in body.quotes], zdict)


class Body:
    """A document's stored passages and quotes, built only as they are asked for."""

    def __init__(self, header: dict, texts: list[str]) -> None:  # type: ignore[type-arg]
        self._r = header
        self.texts = texts
        self._starts: list[int] | None = None
        self._lines: list[int] = []
        self._quotes: tuple[tuple[int, Quote], ...] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def passage(self, i: int) -> Passage:
        """Return the passage at position `i`."""
        r = self._r
        if self._starts is None:
            # start_i = sum of gaps up to i + sum of lengths before i (map/add: no Python loop
            # per passage, ~5x faster for the one or two passages a query reads per document)
            self._starts = list(accumulate(map(add, r["gap"], chain((0,), r["len"]))))
            self._lines = list(accumulate(r["dline"]))
        start = self._starts[i]
        kind = r["kind"][i] if "kind" in r else "sentence"
        return Passage(seq=i, text=self.texts[i], start=start, end=start + r["len"][i], line=self._lines[i],
                       kind=kind if isinstance(kind, str) else _KINDS[kind],
                       speaker=r["speaker"][i] if "speaker" in r else None,
                       page=r["page"][i] if "page" in r else None)

    @property
    def passages(self) -> tuple[Passage, ...]:
        """Return every passage, in document order."""
        return tuple(self.passage(i) for i in range(len(self.texts)))

    @property
    def quotes(self) -> tuple[tuple[int, Quote], ...]:
        """Return (passage position or -1, quote) for every quote, in document order."""
        if self._quotes is None:
            self._quotes = tuple((row[0], self._quote(row)) for row in self._r.get("quotes", ()))
        return self._quotes

    def quotes_at(self, position: int) -> tuple[Quote, ...]:
        """Return the quotes in the passage at `position`: those that begin in it, and those begun
        before it that run on into it (the later sentences of a long quote), by start offset."""
        rows = self._r.get("quotes")
        if not rows:
            return ()
        p = self.passage(position)
        return tuple(self._quote(row) for row in rows
                     if row[0] == position or (row[0] < position and row[4] < p.end and row[5] > p.start))

    def _quote(self, row: list) -> Quote:  # type: ignore[type-arg]
        pos, text, speaker, cue, start, end, line = row
        if isinstance(text, list):
            at, length = text
            text = self.texts[pos][at:at + length]
        return Quote(text=text, start=start, end=end, line=line, speaker=speaker, cue=cue, passage_seq=pos)


def pack(passages: list[Passage], quotes: list[Quote], zdict: bytes = b"") -> bytes:
    """Return the stored form of a document's passages and quotes."""
    if len(passages) >= 1 << PID_SHIFT:
        raise ValueError(f"{len(passages)} passages in one document: more than an index can address")
    position = {p.seq: i for i, p in enumerate(passages)}
    texts = [p.text for p in passages]
    joined = _SEP.join(texts)
    record: dict[str, object] = {
        "gap": [p.start - (passages[i - 1].end if i else 0) for i, p in enumerate(passages)],
        "len": [p.end - p.start for p in passages],
        "dline": [p.line - (passages[i - 1].line if i else 0) for i, p in enumerate(passages)],
    }
    if any(p.kind != "sentence" for p in passages):
        record["kind"] = [_KINDS.index(p.kind) if p.kind in _KINDS else p.kind for p in passages]
    if any(p.speaker is not None for p in passages):
        record["speaker"] = [p.speaker for p in passages]
    if any(p.page is not None for p in passages):
        record["page"] = [p.page for p in passages]
    if quotes:
        rows = []
        for q in sorted(quotes, key=lambda q: q.start):
            pos = position.get(q.passage_seq, -1)
            at = passages[pos].text.find(q.text) if pos >= 0 and q.text else -1
            # the quote's text as (offset, length) in its passage when it is a substring of it
            rows.append([pos, [at, len(q.text)] if at >= 0 else q.text, q.speaker, q.cue, q.start, q.end, q.line])
        record["quotes"] = rows
    if joined.count(_SEP) != max(len(texts) - 1, 0):
        record["text"] = texts  # a passage holds the separator itself: keep the texts in the header
        joined = ""
    header = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    data = len(header).to_bytes(4, "little") + header + joined.encode("utf-8")
    if zdict:
        c = _compressor(zdict)
        return _WITH_DICT + c.compress(data) + c.flush()
    return _PLAIN + zlib.compress(data, _LEVEL)


# zdict -> a compressor that has read it. Reading a 32 KB dictionary anew for each record
# cost as much as compressing a short article; a copy of a primed compressor is the same
# state for less (same output bytes).
_PRIMED: dict[bytes, Any] = {}


def _compressor(zdict: bytes) -> Any:  # zlib's Compress type is not importable for annotations
    base = _PRIMED.get(zdict)
    if base is None:
        _PRIMED.clear()  # one index's dictionary at a time
        base = _PRIMED[zdict] = zlib.compressobj(_LEVEL, zlib.DEFLATED, _RAW, zdict=zdict)
    return base.copy()


def unpack(data: bytes, zdict: bytes = b"") -> Body:
    """Return the passages and quotes of a stored record (`zdict`: the dictionary it was packed with)."""
    if data[:1] == _WITH_DICT:
        d = zlib.decompressobj(_RAW, zdict=zdict)
        raw = d.decompress(data[1:]) + d.flush()
    else:
        raw = zlib.decompress(data[1:])
    size = int.from_bytes(raw[:4], "little")
    header = json.loads(raw[4:4 + size])
    texts = header.pop("text", None)
    if texts is None:
        texts = raw[4 + size:].decode("utf-8").split(_SEP) if header["len"] else []
    return Body(header, texts)
