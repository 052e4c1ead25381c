"""Rows of a table set as text: cells parted by wide spaces, short, with no sentence in them."""

from __future__ import annotations

from .lazy_regex import LazyPattern

# Cells of a table row set as text: runs of spaces (half or full width) or tabs between them.
_CELL_GAP = LazyPattern(r"[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]+")  # or a bar: 指标｜2025年｜属性
_ROW_CELL = 40  # a cell of a table is short (a list of units at most); a sentence with spaces is no row
_FULL_STOP = LazyPattern(r"[。！？；!?;]")
#: space that sets fields apart inside a line: a full-width space, a tab, two spaces or more (running
#: Chinese prose has none; a single space may part Latin words or figures), or a bar between cells
#: (序号｜事项名称｜审批部门)
WIDE_GAP = LazyPattern(r"\u3000|\t| {2,}|[|｜]")


# 第三条　政府投资资金…: an article's number is set apart from its text by a space, by the
# layout of regulations, which makes no fields of it.
_ARTICLE_NUMBER = LazyPattern(r"第[一二三四五六七八九十百零〇两0-9０-９]{1,6}[条章节编](?:\u3000|\t| {1,2})")


def has_wide_gap(text: str) -> bool:
    """Whether fields are set apart inside *text* (not counting its indent, an article's
    number or trailing space)."""
    text = text.strip()
    label = _ARTICLE_NUMBER.match(text)
    return WIDE_GAP.search(text, label.end() if label else 0) is not None


def table_row_cells(text: str) -> int:
    """How many cells *text* has as a row of a table set as text (指标　年末数（万人）　比重（%）,
    16—59岁 85210 60.6), 0 when it is no row: one cell, a cell too long, or a full stop inside."""
    if _FULL_STOP.search(text):
        return 0  # looked for first: it ends the question at the first sentence of a long paragraph
    if "，" in text and not has_wide_gap(text):
        return 0  # 新一代 AI 芯片和…，: single spaces in a clause of prose part words, not cells
    cells = [cell for cell in _CELL_GAP.split(text.strip()) if cell]
    if len(cells) < 2 or any(len(cell) > _ROW_CELL for cell in cells[1:]):
        return 0
    return len(cells)
