"""The document model every rule works on.

All offsets are code-point indices into ``Document.source``: the decoded text
exactly as read (BOM removed, CRLF kept). Rules work on the *prose* of each
paragraph (Markdown markup removed, soft-wrapped lines joined) and hand back
offsets into that prose; ``Paragraph.span`` maps them to the source, so rules
never compute lines or columns themselves.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import PurePath
from typing import Any, Literal, TypeVar

from .lazy_regex import LazyPattern, opened_by

T = TypeVar("T")

ParagraphKind = Literal["title", "heading", "text", "list-item", "table-cell", "quote", "meta", "artifact"]
#: paragraph kinds that are not the document's own text
NOT_BODY = ("artifact", "meta")


# Slots: a large report has hundreds of thousands of spans, pieces, paragraphs
# and sentences, and a __dict__ costs each of them 40 bytes more.
@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A half-open range [start, end) of offsets into ``Document.source``."""

    start: int
    end: int


class LineIndex:
    """Offsets to 1-based (line, column) by bisecting line starts.

    Only "\\n" ends a line (``str.splitlines`` would also split on \\x0c, \\u2028
    and others, which editors do not count). Columns count code points.
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        # an array: 8 bytes a line instead of a list's 40 (pointer and int object)
        self._starts = array("q", [0])
        self._starts.extend(m.end() for m in re.finditer("\n", text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass(frozen=True, slots=True)
class Piece:
    """One stretch of prose and the source text it came from.

    When ``text_len == src_len`` the stretch is a verbatim copy and offsets map
    one to one; otherwise it is synthetic (a joiner for a soft line break, a
    placeholder for inline code) and maps as a whole.
    """

    text_start: int
    text_len: int
    src_start: int
    src_len: int

    @property
    def verbatim(self) -> bool:
        return self.text_len == self.src_len


_text_start = attrgetter("text_start")


class SourceMap:
    """Piecewise map from offsets in a paragraph's prose to offsets in the source."""

    __slots__ = ("_pieces",)

    def __init__(self, pieces: Sequence[Piece]) -> None:
        # Most paragraphs are one stretch of the source copied as it is (a line of a text
        # file): their map keeps that Piece alone, not a list of one (88 bytes a paragraph).
        self._pieces: Piece | tuple[Piece, ...] = pieces[0] if len(pieces) == 1 else tuple(pieces)

    @property
    def pieces(self) -> tuple[Piece, ...]:
        return (self._pieces,) if isinstance(self._pieces, Piece) else self._pieces

    def _piece(self, offset: int) -> Piece:
        pieces = self._pieces
        if isinstance(pieces, Piece):
            return pieces
        # bisected by key: a list of starts beside the pieces cost every paragraph 45 bytes
        return pieces[max(bisect.bisect_right(pieces, offset, key=_text_start) - 1, 0)]

    def start(self, offset: int) -> int:
        piece = self._piece(offset)
        if piece.verbatim:
            return piece.src_start + min(offset - piece.text_start, piece.src_len)
        return piece.src_start

    def end(self, offset: int) -> int:
        """Source offset just after prose character ``offset - 1``."""
        if offset <= 0:
            return self.start(0)
        piece = self._piece(offset - 1)
        if piece.verbatim:
            return piece.src_start + (offset - piece.text_start)
        return piece.src_start + piece.src_len


# A sentence ends at 。！？； or a run of …, with the closing marks after it. ASCII
# ! ? ; end one only inside Chinese text (not "Q&A?" in English): right after a
# Chinese character or a closing mark. The marks are found by one character class
# (which the regex engine scans for quickly) and the ASCII ones checked by hand.
_SENTENCE_MARK = LazyPattern(opened_by("。！？；!?;…", r"[。！？；!?;]|…+"))
_ASCII_ENDS_AFTER = LazyPattern(r"[\u4e00-\u9fff”’」』）]")
_CLOSING = LazyPattern(r"[”’」』）)》]*")


def sentence_ends(text: str) -> list[int]:
    """The offsets just after each sentence break of *text* (its closing marks included)."""
    ends = []
    for mark in _SENTENCE_MARK.finditer(text):
        start = mark.start()
        if text[start] in "!?;" and not (start and _ASCII_ENDS_AFTER.match(text, start - 1)):
            continue
        ends.append(_CLOSING.match(text, mark.end()).end())
    return ends


@dataclass(slots=True)
class Sentence:
    """A sentence of a paragraph: its text and its offsets in the paragraph's text."""

    paragraph: Paragraph
    start: int  # offset in paragraph.text
    end: int
    text: str

    def span(self, i: int = 0, j: int | None = None) -> Span:
        """Source span of sentence-relative offsets [i, j)."""
        j = len(self.text) if j is None else j
        return self.paragraph.span(self.start + i, self.start + j)


@dataclass(slots=True)
class Paragraph:
    """A paragraph as the rules read it: its kind, its text, and where each of its characters
    stands in the source."""

    index: int  # position among the document's paragraphs
    kind: ParagraphKind
    text: str
    source_map: SourceMap = field(repr=False)
    #: (level, ordinal, marker) for numbered headings such as 一、 / （一） / 1. / （1）
    numbering: tuple[int, int, str] | None = None

    @property
    def is_body(self) -> bool:
        """The document's own text: not a layout leftover (artifact) nor its metadata (a date,
        a byline, a signature), whose figures and words say nothing the rules judge."""
        return self.kind not in NOT_BODY

    def span(self, i: int = 0, j: int | None = None) -> Span:
        """Source span of the prose offsets [i, j)."""
        j = len(self.text) if j is None else j
        return Span(self.source_map.start(i), self.source_map.end(j))

    @property
    def sentences(self) -> list[Sentence]:
        """The paragraph's sentences, split anew on each use: kept for every paragraph,
        they held as much memory as the document's text (read them once per use)."""
        text, result, start = self.text, [], 0
        for end in sentence_ends(text):
            if end > start:
                result.append(Sentence(self, start, end, text[start:end]))
                start = end
        if start < len(text) and text[start:].strip():
            result.append(Sentence(self, start, len(text), text[start:]))
        return result


#: The encoding a Word file's document records: it was read from XML, and is never written back.
WORD_ENCODING = "docx"


@dataclass
class Document:
    """A file as the rules read it: its source, its paragraphs, and what reading it found."""

    path: str
    source: str
    encoding: str = "utf-8"
    paragraphs: list[Paragraph] = field(default_factory=list)
    #: the file's line end; *source* always has "\n" (a CR-only file's CRs are turned into it)
    newline: str = "\n"
    #: the lines (1-based) of a Markdown file that are code: what they show is not the text's
    code_lines: frozenset[int] = frozenset()
    markdown: bool = False
    #: words the user declared correct (config ``allow-words``)
    allow_words: frozenset[str] = frozenset()
    #: what reading the file had to assume, said once on stderr (not a finding):
    #: e.g. that a hard-wrapped text's lines were joined into paragraphs
    notes: tuple[str, ...] = ()
    _analyses: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    #: while a rule runs under REPORTLINT_CHECK_READS=1 (the tests), the analyses it declared it
    #: reads (see analysis_name): reading another is an error, so that none is forgotten too soon
    declared_reads: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    @cached_property
    def prose_spans(self) -> tuple[list[int], list[int]]:
        """The starts and ends, in the source, of the stretches copied verbatim into the
        paragraphs' prose, merged where they touch: where a fix may edit (not markup)."""
        spans: list[tuple[int, int]] = []
        for paragraph in self.paragraphs:
            text = paragraph.text
            for piece in paragraph.source_map.pieces:
                end = piece.src_start + piece.src_len
                # "verbatim" only says the lengths agree: the joiner of a soft line break is " " for "\n"
                if piece.verbatim and self.source[piece.src_start : end] == text[piece.text_start : piece.text_start + piece.text_len]:
                    spans.append((piece.src_start, end))
        spans.sort()
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [s for s, _ in merged], [e for _, e in merged]

    def text_only(self) -> Document:
        """This document without its paragraphs and analyses: what showing its findings
        needs (the text, its lines, how it was read, where fixes may edit), at about a
        third of the memory."""
        slim = Document(self.path, self.source, self.encoding, markdown=self.markdown, newline=self.newline,
                        allow_words=self.allow_words, notes=self.notes)
        slim.__dict__["prose_spans"] = self.prose_spans  # computed from the paragraphs it drops
        return slim

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def body_paragraphs(self) -> list[Paragraph]:
        """The paragraphs of the document's own text (see Paragraph.is_body)."""
        return [paragraph for paragraph in self.paragraphs if paragraph.is_body]

    @property
    def is_word(self) -> bool:
        """Read from a Word file (.docx): located by paragraph, never written back."""
        return self.encoding == WORD_ENCODING

    @property
    def suffix(self) -> str:
        return PurePath(self.path).suffix.lower()

    def text(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def analysis(self, key: str, compute: Callable[[Document], T]) -> T:
        """The result of ``compute(self)``, computed once per document: several
        rules share one analysis (the index of copied text, the topic model)."""
        if self.declared_reads is not None and analysis_name(key) not in self.declared_reads:
            raise UndeclaredAnalysis(f"analysis {key!r} read by a rule that does not declare {analysis_name(key)!r}")
        if key not in self._analyses:
            self._analyses[key] = compute(self)
        return self._analyses[key]

    def release_analyses(self, name: str | None = None) -> None:
        """Forget the shared analyses (computed again if asked for): once the rules
        are done nothing needs them, and on a large report they take as much memory
        as the document itself while the findings are written out. With *name*, only
        that analysis and its parts (see analysis_name), once its last reader is done."""
        for key in [key for key in self._analyses if name is None or analysis_name(key) == name]:
            del self._analyses[key]


class UndeclaredAnalysis(AssertionError):
    """A rule read a shared analysis it does not declare (RuleMeta.reads)."""


def analysis_name(key: str) -> str:
    """The analysis a key belongs to, which rules declare they read: the key up to its first
    dot or colon ("copy-index.copies:20" is part of "copy-index")."""
    return key.split(".", 1)[0].split(":", 1)[0]
