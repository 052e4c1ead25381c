"""Places in an editor's document: reportlint's offsets (code points into the text as reportlint
reads it) to LSP positions and back.

An LSP position is a line and a character counted in the code units of the encoding the client and
server agreed on: UTF-16 unless the client offered UTF-8 or UTF-32. A character outside the Basic
Multilingual Plane (the CJK Extension B 𠮷) is one code point, two UTF-16 units and four UTF-8
bytes. Lines end at "\\r\\n", "\\r" or "\\n", as the protocol says, and at nothing else: pygls's
``str.splitlines`` would also break at a form feed or U+2028, which Chinese texts copied from PDFs
and web pages carry, and every later line would be off by one.
"""

from __future__ import annotations

import bisect

from lsprotocol import types

from ..text.lazy_regex import LazyPattern

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = LazyPattern(r"\r\n|\r|\n")
BOM = "\ufeff"


def code_units(text: str, encoding: str) -> int:
    """How many code units of *encoding* *text* takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineMap:
    """Positions in one text of a document, as the client counts them.

    *text* is the editor's text; reportlint reads it without a leading byte-order mark, so its
    offsets are one less than the editor's when there is one."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        self._shift = 1 if text.startswith(BOM) else 0
        self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> types.Position:
        """The LSP position of reportlint's *offset*."""
        offset = min(max(offset + self._shift, 0), len(self.text))
        if 0 < offset < len(self.text) and self.text[offset - 1] == "\r" and self.text[offset] == "\n":
            offset -= 1  # inside a CRLF: the end of its line
        line = bisect.bisect_right(self._starts, offset) - 1
        return types.Position(line=line, character=code_units(self.text[self._starts[line]:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """reportlint's offset of an LSP *position*; a place past a line's end is its end, as the
        protocol asks, and a character cut in two (half a surrogate pair) counts as after it."""
        if position.line >= len(self._starts):
            return len(self.text) - self._shift
        start = self._starts[max(position.line, 0)]
        end = self.line_end(max(position.line, 0))
        offset, counted = start, 0
        while offset < end and counted < position.character:
            counted += code_units(self.text[offset], self.encoding)
            offset += 1
        return max(offset - self._shift, 0)

    def line_end(self, line: int) -> int:
        """The offset in the editor's text where *line* ends, before its line break."""
        if line + 1 < len(self._starts):
            end = self._starts[line + 1]
            return end - (2 if self.text[end - 2:end] == "\r\n" else 1)
        return len(self.text)

    def line_start(self, line: int) -> int:
        """reportlint's offset of the start of *line* (0-based)."""
        return max(self._starts[min(line, len(self._starts) - 1)] - self._shift, 0)

    def line_text(self, line: int) -> str:
        """*line* (0-based) without its line break."""
        return self.text[self._starts[line]:self.line_end(line)] if 0 <= line < len(self._starts) else ""

    @property
    def line_count(self) -> int:
        return len(self._starts)


__all__ = ["UTF8", "UTF16", "UTF32", "LineMap", "code_units"]
