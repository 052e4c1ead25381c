"""Split source text into paragraphs of prose, keeping a map back to the source.

Two modes share one builder:
- Markdown (.md, and a .txt that evidently is Markdown): headings, emphasis
  markers, HTML comments, code spans and fenced code are not prose; list items
  and table cells are paragraphs of their own; soft-wrapped lines are joined.
- plain text: every non-blank line is a paragraph (the common .txt export);
  only HTML comments (reportlint's suppression directives) are removed. A
  hard-wrapped text (every line cut near one width) says which lines its
  wrapping cut (``joins_next``): those run on into the next line's paragraph.

A .txt file is read as Markdown line by line: each non-blank line is still a
paragraph, but its markup is stripped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Piece, SourceMap
from .lazy_regex import LazyPattern
from .markdown_blocks import not_prose

PLACEHOLDER = "\ufffc"  # stands for inline code, images and autolinks: not prose
# \x0b and \x0c: a vertical tab or form feed (pdftotext's page break) is blank space, not text
_SPACES = " \t\u3000\xa0\x0b\x0c"

_HEADING = LazyPattern(r"[ ]{0,3}(#{1,6})(?:[ \t]+|$)")
_FENCE = LazyPattern(r"[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM = LazyPattern(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = LazyPattern(r"(?:[ ]{0,3}>[ ]?)+")  # > > > 引用: nested quotes are quotes too
# [^1]: 本报告所称…: a footnote's definition (its label is markup, its text prose);
# [报告]: https://… "标题": a link reference definition (markup only, no prose at all).
_FOOTNOTE_DEFINITION = LazyPattern(r"[ ]{0,3}\[\^[^\]\s]+\]:[ \t]*")
_LINK_DEFINITION = LazyPattern(r"[ ]{0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$")
_TABLE_DELIMITER = LazyPattern(r"\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_THEMATIC_BREAK = LazyPattern(r"[ ]{0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_WHOLE_BOLD = LazyPattern(r"\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*$")
_INLINE = LazyPattern(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<label>[^\]]+)\]\([^)]*\))"
    r"|(?P<footnote>\[\^[^\]\s]+\])"  # a footnote's reference: 企业[^1]
    r"|(?P<reference>\[(?P<reflabel>[^\]]+)\]\[[^\]]*\])"  # a reference-style link: [报告][r]
    r"|(?P<autolink><(?:https?|mailto|ftp):[^>\s]+>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    # a lone * is emphasis only next to text on one side and not between digits (5*2)
    r"|(?P<marker>\*\*|__|~~|(?<![0-9\s])\*(?=\S)|(?<=\S)\*(?![0-9]))"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
)
_COMMENT_ONLY = LazyPattern(r"<!--.*?-->")
#: the characters every match of _INLINE starts with: a line with none holds no markup, and is
#: not searched for it (the alternation is tried at every character; a report's lines are long)
_INLINE_STARTS = LazyPattern(r"[<`!\[*_~\\]")


@dataclass
class RawParagraph:
    """A paragraph before classification: its prose, map and what markup said."""

    hint: str  # text | heading | list-item | table-cell | quote | title (Word's Title style)
    text: str = ""
    pieces: list[Piece] = field(default_factory=list)
    whole_bold: bool = False

    def add(self, text: str, src_start: int, src_len: int | None = None) -> None:
        if not text:
            return
        src_len = len(text) if src_len is None else src_len
        self.pieces.append(Piece(len(self.text), len(text), src_start, src_len))
        self.text += text

    def source_map(self) -> SourceMap:
        return SourceMap(self.pieces)


def looks_like_markdown(source: str) -> bool:
    """A .txt with ATX headings or several **bold** spans is Markdown in disguise."""
    headings = len(re.findall(r"(?m)^#{1,6}[ \t]+\S", source))
    bold = len(re.findall(r"\*\*[^*\n]+\*\*", source))
    return headings >= 1 and headings + bold >= 2 or bold >= 3


def split_paragraphs(source: str, markdown: bool, one_per_line: bool,
                     joins_next: frozenset[int] = frozenset(), blocks: dict[int, str] | None = None) -> list[RawParagraph]:
    """Paragraphs of *source*. ``one_per_line``: every non-blank line is a paragraph,
    except that a line whose number (0-based) is in *joins_next* goes on in the next
    line (a hard wrap: the two are one paragraph, joined as soft-wrapped lines are).
    *blocks*: the lines that hold no prose (``markdown_blocks``), when the caller has them."""
    return _Splitter(source, markdown, one_per_line, joins_next, blocks).run()


class _Splitter:
    def __init__(self, source: str, markdown: bool, one_per_line: bool, joins_next: frozenset[int],
                 blocks: dict[int, str] | None = None) -> None:
        self.source = source
        self.blocks = blocks
        self.markdown = markdown
        self.one_per_line = one_per_line
        self.joins_next = joins_next
        self.paragraphs: list[RawParagraph] = []
        self.current: RawParagraph | None = None

    def run(self) -> list[RawParagraph]:
        fence: str | None = None
        in_comment = False
        position = 0
        lines = self.source.split("\n")
        blocks = self.blocks if self.blocks is not None else markdown_blocks(self.source, self.markdown,
                                                                             self.one_per_line, lines)
        for number, line in enumerate(lines):
            start, position = position, position + len(line) + 1
            if line.endswith("\r"):
                line = line[:-1]
            if number in blocks and not (in_comment or fence):
                self._close()
                continue
            if in_comment:
                close = line.find("-->")
                if close < 0:
                    continue
                in_comment = False
                line, start = line[close + 3 :], start + close + 3
            opened = _open_comment(line)
            if opened >= 0:
                in_comment = True
                line = line[:opened]
            if self.markdown:
                if number == 0 and line.strip() == "---" and _front_matter_end(lines) > 0:
                    fence = "front-matter"
                    continue
                if fence == "front-matter":
                    if line.strip() in ("---", "..."):
                        fence = None
                    continue
                fence_match = _FENCE.match(line)
                if fence_match:
                    marker = fence_match.group(1)
                    if fence is None:
                        fence = marker
                        self._close()
                    elif marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip(_SPACES)[len(marker):]:
                        fence = None
                    continue
                if fence is not None:
                    continue
            if not line.strip(_SPACES) or not _COMMENT_ONLY.sub("", line).strip(_SPACES):
                self._close()
                continue
            if self.markdown:
                self._markdown_line(line, start)
            elif self.current is not None and number - 1 in self.joins_next:
                self._continue(line, start, markup=False)
            else:
                self._close()
                self.current = RawParagraph("text")
                self._inline(line, start, markup=False)
            if self.one_per_line and number not in self.joins_next:
                self._close()
        self._close()
        # a line of only control or other white space (\u2028, \x1c…) is no paragraph either
        return [p for p in self.paragraphs if p.text.strip().strip(_SPACES + PLACEHOLDER)]

    def _close(self) -> None:
        if self.current is not None:
            self._trim(self.current)
            self.paragraphs.append(self.current)
            self.current = None

    def _markdown_line(self, line: str, start: int) -> None:
        heading = _HEADING.match(line)
        if heading:
            self._close()
            body = re.sub(r"[ \t]+#+[ \t]*$", "", line[heading.end() :])
            self.current = RawParagraph("heading")
            self._inline(body, start + heading.end())
            self._close()
            return
        if _THEMATIC_BREAK.match(line):
            if line.strip()[0] in "=-" and self.current is not None and self.current.hint == "text":
                self.current.hint = "heading"  # setext heading underline
            self._close()
            return
        if line.lstrip().startswith("|"):
            self._close()
            if not _TABLE_DELIMITER.match(line):
                self._table_row(line, start)
            return
        quote = _QUOTE.match(line)
        if quote:
            if self.current is None or self.current.hint != "quote":
                self._close()
                self.current = RawParagraph("quote")
            line, start = line[quote.end() :], start + quote.end()
            if not line.strip(_SPACES):
                self._close()
                return
            self._continue(line, start)
            return
        if _LINK_DEFINITION.match(line):
            self._close()
            return
        note = _FOOTNOTE_DEFINITION.match(line)
        if note:
            self._close()
            self.current = RawParagraph("text")
            self._inline(line[note.end() :], start + note.end())
            return
        item = _LIST_ITEM.match(line)
        if item:
            self._close()
            self.current = RawParagraph("list-item")
            self._inline(line[item.end() :], start + item.end())
            return
        if self.current is None or self.current.hint in ("heading", "table-cell"):
            self._close()
            self.current = RawParagraph("text")
            self.current.whole_bold = bool(_WHOLE_BOLD.match(line))
        else:
            self.current.whole_bold = False
        self._continue(line, start)

    def _continue(self, line: str, start: int, markup: bool = True) -> None:
        """Append a (possibly soft-wrapped) line to the current paragraph."""
        paragraph = self.current
        assert paragraph is not None
        if paragraph.text:
            self._trim(paragraph)
            line_break = start - 1
            # CRLF: the joiner stands for both characters, so that a fix deleting it leaves no lone CR
            break_length = 2 if line_break > 0 and self.source[line_break - 1] == "\r" else 1
            line_break -= break_length - 1
            stripped = line.lstrip(_SPACES)
            start += len(line) - len(stripped)
            line = stripped
            # Chinese lines join with nothing (a space would split 民营|经济);
            # Latin words keep a space, mapped to the line break itself. A hard
            # wrap (plain text) cuts anywhere: only two letters are two words (5.|2%).
            last, first = paragraph.text[-1:], line[:1]
            if (last.isascii() and last.isalnum() and first.isascii() and (markup or last.isalpha() and first.isalpha())):
                paragraph.add(" ", line_break, break_length)
        self._inline(line, start, markup)

    def _table_row(self, line: str, start: int) -> None:
        for match in re.finditer(r"[^|]+", line):
            cell = match.group()
            if cell.strip(_SPACES) and not cell.strip(_SPACES + "-:"):
                continue
            if cell.strip(_SPACES):
                self.current = RawParagraph("table-cell")
                self._inline(cell, start + match.start())
                self._close()

    def _inline(self, line: str, start: int, markup: bool = True) -> None:
        paragraph = self.current
        assert paragraph is not None
        if not paragraph.text:
            stripped = line.lstrip(_SPACES)
            start += len(line) - len(stripped)
            line = stripped
        if not markup:
            position = 0
            for match in _COMMENT_ONLY.finditer(line):
                paragraph.add(line[position : match.start()], start + position)
                position = match.end()
            paragraph.add(line[position:], start + position)
            return
        if not _INLINE_STARTS.search(line):
            paragraph.add(line, start)
            return
        position = 0
        for match in _INLINE.finditer(line):
            paragraph.add(line[position : match.start()], start + position)
            if match.group("code") or match.group("image") or match.group("autolink") or match.group("footnote"):
                paragraph.add(PLACEHOLDER, start + match.start(), match.end() - match.start())
            elif match.group("link"):
                paragraph.add(match.group("label"), start + match.start("label"))
            elif match.group("reference"):
                paragraph.add(match.group("reflabel"), start + match.start("reflabel"))
            elif match.group("escape"):
                paragraph.add(match.group()[1], start + match.start() + 1)
            position = match.end()
        paragraph.add(line[position:], start + position)

    @staticmethod
    def _trim(paragraph: RawParagraph) -> None:
        """Drop trailing spaces (Markdown hard breaks, full-width indents)."""
        while paragraph.text and paragraph.pieces and paragraph.text[-1] in _SPACES:
            last = paragraph.pieces[-1]
            if not last.verbatim or last.text_len == 1:
                paragraph.pieces.pop()
            else:
                paragraph.pieces[-1] = Piece(last.text_start, last.text_len - 1, last.src_start, last.src_len - 1)
            paragraph.text = paragraph.text[:-1]


def markdown_blocks(source: str, markdown: bool, one_per_line: bool, lines: list[str] | None = None) -> dict[int, str]:
    """The lines of a Markdown file that hold no prose, 0-based, with why (markdown_blocks.not_prose):
    code, raw HTML, link definitions. None in a .txt read as Markdown: there an indented line
    is an indented paragraph, not code."""
    if not markdown or one_per_line:
        return {}
    lines = source.split("\n") if lines is None else lines
    front = _front_matter_end(lines) if lines and lines[0].strip() == "---" else -1
    return not_prose(lines, frozenset(range(front + 1)) if front > 0 else frozenset())


def _open_comment(line: str) -> int:
    """Index of an HTML comment opened on *line* and not closed there, or -1."""
    position = 0
    while True:
        opened = line.find("<!--", position)
        if opened < 0:
            return -1
        closed = line.find("-->", opened + 4)
        if closed < 0:
            return opened
        position = closed + 3


def _front_matter_end(lines: list[str]) -> int:
    for number, line in enumerate(lines[1:50], start=1):
        if line.rstrip("\r").strip() in ("---", "..."):
            return number
    return -1
