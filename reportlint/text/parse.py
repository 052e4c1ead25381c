"""Build a Document from text or from a file on disk."""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from . import decoding
from .artifacts import HEADER_MARKS, is_artifact, running_headers
from .decoding import decode, lines_of
from .document import WORD_ENCODING, Document, Paragraph
from .markdown import RawParagraph, looks_like_markdown, markdown_blocks, split_paragraphs
from .markdown_blocks import CODE
from .soft_wrap import detect_soft_wrap
from .structure import classify, numbering
from .table_rows import has_wide_gap

MARKDOWN_SUFFIXES = (".md", ".markdown")
#: read by reportlint.text.docx_reader; .doc is there only to be refused with a useful message
WORD_SUFFIXES = (".docx", ".doc")


def parse_text(text: str, path: str = "<text>", encoding: str = "utf-8",
               allow_words: frozenset[str] = frozenset()) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    suffix = Path(path).suffix.lower()
    is_md_file = suffix in MARKDOWN_SUFFIXES
    markdown = is_md_file or looks_like_markdown(text)
    # A Markdown file wraps as it likes (its paragraphs end at blank lines); a text
    # file is one paragraph a line, unless its line lengths show a hard wrap.
    wrap = None if is_md_file else detect_hard_wrap(text)
    # …or, copied from a PDF viewer, paragraphs apart by blank lines whose lines break anywhere
    soft = None if is_md_file or markdown or wrap else detect_soft_wrap(text)
    blocks = markdown_blocks(text, markdown, one_per_line=not is_md_file)
    joins = wrap.joins_next if wrap else soft or frozenset()
    raws = split_paragraphs(text, markdown=markdown, one_per_line=not is_md_file, joins_next=joins, blocks=blocks)
    doc = build_document(raws, text, path, encoding, markdown, allow_words)
    doc.code_lines = frozenset(number + 1 for number, kind in blocks.items() if kind == CODE)
    if wrap:
        doc.notes = (f"按固定行宽（约{wrap.width}字）折行的文本，已将折行合并为段落",)
    elif soft:
        doc.notes = ("段落以空行分隔、段内在句中任意换行的文本（如从 PDF 阅读器复制），已将段内各行合并为段落",)
    return doc


@dataclass(frozen=True)
class HardWrap:
    """A text whose lines were cut at one width: a paragraph runs over several lines."""

    width: int  # in characters (a Chinese character, however wide it is shown)
    #: 0-based numbers of the lines that the wrap cut (they go on in the next line)
    joins_next: frozenset[int]


#: below this, line lengths say nothing
_MIN_WRAPPED_LINES = 8
_MIN_WIDTH = 16
_MAX_WIDTH = 300
#: at least this share of the lines is cut at the width (a paragraph's last line is shorter)
_MIN_FULL_SHARE = 0.5
#: …or this share of them, and at least _MIN_SPIKE lines, have one length
_MIN_SPIKE_SHARE = 0.25
_MIN_SPIKE = 20
#: and almost none is longer than it
_MAX_LONGER_SHARE = 0.02
#: a wrap cuts lines anywhere, mostly inside a sentence: few full lines end one
_MAX_FULL_ENDED_SHARE = 0.4
_SENTENCE_ENDS = "。！？；：!?;:”’）)》"
#: a line without punctuation (artifacts.HEADER_MARKS) found this often is a running header or footer
_RUNNING = 3
#: and the last line of a paragraph is shorter
_MIN_SHORT_SHARE = 0.05


def _columns(line: str) -> int:
    """The width of *line* as a Chinese page shows it: a Chinese character takes two columns, and
    so do the marks of ambiguous width (“ ” ‘ ’ … — ·), which Chinese fonts set full width."""
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in line)


def _narrow_columns(line: str) -> int:
    """The width of *line* with the marks of ambiguous width set narrow, as some tools count
    them: a line full of quotation marks may look that much longer than the others."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


# A number or a Latin word at the start of a line: the wrap could not break it, so the line
# above ended early when it did not fit (…全县民生支出 / 42.7亿元，…).
_UNBREAKABLE = re.compile(r"[0-9A-Za-z.,%:/+-]+")


def _cut_before_word(line: str, following: str, measure, threshold: int) -> bool:
    word = _UNBREAKABLE.match(following.lstrip())
    return word is not None and measure(line) + measure(word.group()) >= threshold


def detect_hard_wrap(text: str) -> HardWrap | None:
    """A hard wrap, when most lines end within a character or two of one width and none
    goes past it (an editor or pdftotext cut them; a line may run one over, when a closing
    mark may not start the next). The width is counted in characters and in columns, as
    wrapping tools count either. A text with a paragraph a line has lengths all over."""
    lines = [line.rstrip() for line in text.split("\n")]
    # Page numbers and running headers are no wrapped text: counted with it, they would hide
    # the wrap of a file of short paragraphs (a regulation's articles, a notice's cover page).
    repeated = Counter(line.strip() for line in lines if line.strip() and not HEADER_MARKS.search(line))
    filled = [number for number, line in enumerate(lines)
              if line.strip() and not is_artifact(line.strip()) and repeated[line.strip()] < _RUNNING]
    if len(filled) < _MIN_WRAPPED_LINES:
        return None
    if sum(len(lines[number]) > _MAX_WIDTH for number in filled) > _MAX_LONGER_SHARE * len(filled):
        return None  # paragraphs a line (no wrap is that wide): spare measuring the columns
    # (measure, columns of one character, how much shorter a cut line may be)
    # (pdftotext drops a paragraph's two-character indent: its first line is two characters short)
    for measure, least, unit, slack in ((len, len, 1, 2), (_columns, _narrow_columns, 2, 4)):
        lengths = {number: measure(lines[number]) for number in filled}
        counts = Counter(lengths.values())
        shortest = Counter(least(lines[number]) for number in filled)
        width = _wrap_width(counts, shortest, _MIN_WIDTH * unit, slack, unit, len(filled))
        if width is None:
            continue
        full = [number for number in filled if lengths[number] >= width - slack
                or number + 1 in lengths and _cut_before_word(lines[number], lines[number + 1], measure, width - slack)]
        if sum(lines[number][-1] in _SENTENCE_ENDS for number in full) > _MAX_FULL_ENDED_SHARE * len(full):
            continue  # lines of one length that end their sentences are paragraphs, not cuts
        if len(filled) - len(full) < max(2, _MIN_SHORT_SHARE * len(filled)):
            continue  # no paragraph ends in a shorter line: every line is one item of one size
        margin = min(len(lines[n]) - len(lines[n].lstrip()) for n in filled)
        joins = _joins(lines, frozenset(full), frozenset(lengths), margin)
        usual = max(range(width - slack, width + unit + 1), key=lambda n: (counts[n], n))
        return HardWrap(round(usual / unit), joins)
    return None


def _wrap_width(counts: Counter[int], shortest: Counter[int], least: int, slack: int, over: int,
                lines: int) -> int | None:
    """The width most lines are cut at (the band [width - slack, width + over] that
    holds the most lines), if it holds enough of them and almost none is longer, even
    measured at its narrowest (*shortest*: the lengths with ambiguous marks narrow). Of two
    bands that hold enough, the one no line passes: lines a character short of the width
    (a mark kept off the next line's start) would draw the band below the real width."""
    bands = sorted(((sum(counts[n] for n in range(length - slack, length + over + 1)), length)
                    for length in counts if length >= least), reverse=True)
    for held, best in bands:  # on a tie the wider band's width: the lines above it are the cut ones
        # (or a spike at one length: a file of tables and headings has fewer full lines, but a file of
        # a paragraph a line never has this many of one length)
        if held < max(_MIN_FULL_SHARE * lines, 6) and counts[best] < max(_MIN_SPIKE_SHARE * lines, _MIN_SPIKE):
            continue
        longer = sum(count for length, count in shortest.items() if length > best + over)
        if longer <= _MAX_LONGER_SHARE * lines:
            return best
    return None


def _joins(lines: list[str], full: frozenset[int], filled: frozenset[int], margin: int) -> frozenset[int]:
    """The full lines whose paragraph goes on in the next line."""
    joins: set[int] = set()
    # the paragraph so far is prose, which ends in a mark, not at a heading's last word: it holds
    # a sentence, or a clause without an outline number or a field's label before it (这次机构改革，…)
    prose = False
    paragraph = ""
    for number in sorted(full):
        line = lines[number].strip()
        opens = number - 1 not in joins
        clause = opens and "，" in line and "：" not in line and not (numbering(line) or _ARTICLE_START.match(line))
        prose = (prose and not opens) or clause or bool(_PROSE_MARKS.search(line))
        paragraph = line if opens else paragraph + line
        if number + 1 not in filled or _opens_after_sentence(line, lines[number + 1].strip(), number + 1 in full):
            continue
        if _runs_on(lines[number], lines[number + 1], margin, prose) or _next_inline_item(paragraph, lines[number + 1]):
            joins.add(number)
    return frozenset(joins)


def _opens_after_sentence(line: str, following: str, following_full: bool) -> bool:
    """After a full line that ends its sentence, a line that opens with a dash (——区域发展更趋协调。)
    or a short one without a final mark (2024年工作回顾: a heading) is a paragraph of its own."""
    if line[-1] not in _FULL_STOPS or not following:
        return False
    return following.startswith("——") or not following_full and following[-1] not in _SENTENCE_ENDS


_FULL_STOPS = "。！？；!?;"


def _next_inline_item(paragraph: str, following: str) -> bool:
    """（一）……；（二）……； / （三）……: the next line opens with the item after one written inside
    the paragraph, past its start: the items run inline, the wrap cut before one of them."""
    number = numbering(following.strip())
    if number is None or number[1] < 2:
        return False
    for mark in _INLINE_ITEM_START.finditer(paragraph):
        inside = numbering(paragraph[mark.end():])
        if inside is not None and inside[:2] == (number[0], number[1] - 1):
            return True
    return False


_INLINE_ITEM_START = re.compile(r"[。；;，,]")  # not after a label: 附件：1.… then 2.… a line each


def _runs_on(line: str, following: str, margin: int, prose: bool) -> bool:
    """Does the paragraph of a full *line* go on in the *following* line? Not when that
    one is indented (a new paragraph), numbered (（二）…) or a page leftover (— 3 —),
    unless the line cut a sentence of prose, which ends in a mark (统 / 一、效能的原则)."""
    if len(following) - len(following.lstrip()) > margin:
        return False
    stripped = following.strip()
    if is_artifact(stripped) or is_artifact(line.strip()) or has_wide_gap(line):
        return False  # a page leftover, or fields set apart by spaces (主持人：…副主任　韩立群 / 韩立群：)
    if _CUT_NUMBER.search(line[-2:] + stripped[:1]) or prose and line[-1] not in _SENTENCE_ENDS:
        return True  # G219、G / 318、G695: the wrap cut a number or a sentence, not before an item
    return not (numbering(stripped) or _ARTICLE_START.match(stripped))


_PROSE_MARKS = re.compile(r"[。；;！？!?]")
# 第十二条　… / 第三章　…: a regulation's article or chapter opens a paragraph
_ARTICLE_START = re.compile(r"第[一二三四五六七八九十百零〇0-9０-９]{1,6}[条章节](?:[\u3000\t ：:]|$)")
# the characters either side of a line break inside a number or a list of numbers: 一九|八一, 第|一、,
# G|318, 2|0, 110、|119、120, 5:|30、5:40
_CUT_NUMBER = re.compile(r"(?:[第〇零一二三四五六七八九十百][〇零一二三四五六七八九十百]|[0-9０-９A-Za-z][0-9０-９]"
                         r"|[0-9０-９][、:：][0-9０-９])$")


def build_document(raws: list[RawParagraph], source: str, path: str, encoding: str, markdown: bool,
                   allow_words: frozenset[str] = frozenset()) -> Document:
    """Classify split paragraphs (from text or from a Word file) into a Document."""
    kinds = [classify(raw, index) for index, raw in enumerate(raws)]
    # A line repeated on every page is a running header or footer, not prose.
    eligible = [kind in ("text", "meta", "title") for kind, _ in kinds]
    for copies in running_headers([raw.text for raw in raws], eligible=eligible).values():
        for index in copies:
            kinds[index] = ("artifact", None)
    paragraphs = [
        Paragraph(index, kind, raw.text, raw.source_map(), number)  # type: ignore[arg-type]
        for index, (raw, (kind, number)) in enumerate(zip(raws, kinds))
    ]
    return Document(path=path, source=source, encoding=encoding, paragraphs=paragraphs,
                    markdown=markdown, allow_words=allow_words)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InputError that says in one line what is wrong."""
    with decoding.reading():
        decoding.check_regular(path)
        size = path.stat().st_size
        if size > decoding.MAX_FILE_BYTES:
            raise InputError(decoding.too_large(size))
        with path.open("rb") as file:
            # the size said may be wrong (/proc files, a file growing meanwhile): read no more
            return decoding.read_limited(file)


def read_document(path: Path, display_path: str | None = None, encoding: str | None = None,
                  allow_words: frozenset[str] = frozenset(), data: bytes | None = None) -> Document:
    """A file as a Document: Word files (.docx) by their paragraphs, anything else as text.

    *data*: the file's bytes when they come from elsewhere (stdin), *path* then giving only
    the name. *encoding* names the text encoding; a Word file carries its own and ignores it.
    """
    suffix = path.suffix.lower()
    display = display_path or os.fspath(path)
    if suffix in WORD_SUFFIXES:
        # imported here: reading text files never pays for zipfile, lxml and python-docx
        from .docx_reader import read_word_file

        # a .doc may be text or HTML saved under that name: read it as text then
        word = read_word_file(path, strict=suffix == ".docx", data=data)
        if word is not None:
            source, raws = word
            return build_document(raws, source, display, WORD_ENCODING, False, allow_words)
    text, used = decode(read_bytes(path) if data is None else data, encoding)
    return parse_lines(text, display, used, allow_words)


def parse_lines(text: str, path: str = "<text>", encoding: str = "utf-8",
                allow_words: frozenset[str] = frozenset()) -> Document:
    """parse_text for the text of a file as it was read: lines that end in a lone CR (classic
    Mac OS) are read as lines, and the document remembers its line end for the fixes. (The
    texts fixes produce are parsed as they are: a CR they leave is no line end.)"""
    text, newline = lines_of(text.removeprefix("\ufeff"))
    doc = parse_text(text, path, encoding, allow_words)
    doc.newline = newline
    return doc
