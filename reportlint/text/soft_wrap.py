"""Paragraphs apart by blank lines whose lines break anywhere: text copied from a PDF viewer.

A PDF viewer copies a page's lines as they were set, at no one width (a column's width
changes with the font and the marks in it), so detect_hard_wrap finds no wrap. But the
paragraphs still stand apart by blank lines, and inside them the lines end in the middle of
a sentence (召开座谈会9 / 场，听取…). Such a file's lines are read as the paragraphs' pieces,
not as paragraphs of their own.
"""

from __future__ import annotations

from .artifacts import is_artifact
from .line_cuts import ParagraphSoFar, opens_item
from .structure import SENTENCE_PUNCTUATION
from .table_rows import has_wide_gap, table_row_cells

#: a line that ends with one of these ends its sentence, or a label (a closing quote or bracket
#: may stand mid-sentence: 推广“家庭医生+家庭病床” / 服务模式)
_ENDS = SENTENCE_PUNCTUATION + "：:"
#: a line of this many cells is a row of a table, not a piece of prose
_ROW_CELLS = 3
#: below this many breaks inside blocks, a file says nothing of how it was copied
_MIN_BREAKS = 8
#: and at least this share of them cut a sentence
_MIN_CUT_SHARE = 0.7
#: with at least this many blocks apart by blank lines
_MIN_BLOCKS = 3
#: a file whose blocks of several lines end with a sentence's mark less often than this, and
#: whose cut lines run to their block's width (_FULL_LINE of its longest line) less often too,
#: sets items one a line
_MIN_SHARE = 0.5
_FULL_LINE = 0.8


def detect_soft_wrap(text: str) -> frozenset[int] | None:
    """The 0-based numbers of the lines that go on in the next one, when the file's paragraphs
    stand apart by blank lines and most lines inside them break mid-sentence; else None."""
    lines = [line.rstrip() for line in text.split("\n")]
    blocks = sum(1 for n in range(1, len(lines)) if not lines[n - 1].strip() and lines[n].strip())
    if blocks < _MIN_BLOCKS:
        return None
    # each line weighed once, not as either end of a break, and only a line beside another that
    # is not blank: a file of paragraphs apart by blank lines has few (199 of 40,301 lines in
    # the 20 reports ten times over, where weighing every line took a quarter of the reading)
    beside = [n for n in range(len(lines) - 1) if lines[n] and lines[n + 1]]
    prose = {at: _prose(lines[at]) for at in {*beside, *(n + 1 for n in beside)}}
    breaks = [n for n in beside if prose[n] and prose[n + 1]]
    if len(breaks) < _MIN_BREAKS:
        return None
    cut = [n for n in breaks if lines[n].strip()[-1] not in _ENDS]
    if len(cut) < _MIN_CUT_SHARE * len(breaks) or _items_one_a_line(lines, cut):
        return None
    return _joins(lines, frozenset(cut))


def _items_one_a_line(lines: list[str], cut: list[int]) -> bool:
    """A chart turned into text (教育支出 / 13.52亿元 / 增长5.1%) sets its items one a line: its
    blocks end without a mark as every line does, and its lines are of any length. A wrapped
    paragraph ends with its sentence's mark, and its lines but the last run to the width of
    the page (a page break may end a block mid-sentence, but the lines stay full)."""
    blocks: list[list[int]] = []
    block: list[int] = []
    for number, line in enumerate([*lines, ""]):
        if line.strip():
            block.append(number)
        elif block:
            blocks.append(block)
            block = []
    longest: dict[int, int] = {}
    closed = several = 0
    for block in blocks:
        width = max(len(lines[n].strip()) for n in block)
        longest.update((n, width) for n in block)
        if len(block) >= 2:
            several += 1
            closed += lines[block[-1]].strip()[-1] in _ENDS
    full = sum(1 for n in cut if len(lines[n].strip()) >= _FULL_LINE * longest[n])
    return closed < _MIN_SHARE * several and full < _MIN_SHARE * len(cut)


def _joins(lines: list[str], cut: frozenset[int]) -> frozenset[int]:
    """The cut lines that go on in the next one: not when that one is indented, or opens with an
    outline number after a line that did not cut a number or a sentence of prose (一、总体要求 /
    （一）指导思想, but 精简、统 / 一、效能的原则)."""
    joins: set[int] = set()
    paragraph = ParagraphSoFar()
    for number, line in enumerate(lines[:-1]):
        if not line.strip():
            continue
        paragraph.add(line, opens=number - 1 not in joins)
        following = lines[number + 1]
        if number in cut and not _indented(following) and (
                paragraph.cut_before(line, following) or not opens_item(following)):
            joins.add(number)
    return frozenset(joins)


def _prose(line: str) -> bool:
    """A line of running text: not blank, not a page leftover, no row of a table."""
    stripped = line.strip()
    # (has_wide_gap: fields or cells apart by spaces or bars, 指标｜2025年｜2030年｜属性; a row of cells
    # apart by single spaces, 东盟 1865.32 12.6 652.18 6.5)
    return (bool(stripped) and not is_artifact(stripped) and not has_wide_gap(stripped) and "\t" not in stripped
            and table_row_cells(stripped) < _ROW_CELLS)


def _indented(line: str) -> bool:
    return line[:1] in (" ", "\u3000")
