"""Where a wrap cut a paragraph: whether a line goes on in the next one although that one opens
like a new paragraph (with an outline number), read from what the two lines and the paragraph so
far show. Shared by the hard wrap (lines cut at one width) and the soft wrap (lines copied from a
PDF viewer) of a text file.
"""

from __future__ import annotations

from .lazy_regex import LazyPattern
from .structure import SENTENCE_PUNCTUATION, numbering

# 第十二条　… / 第三章　…: a regulation's article or chapter opens a paragraph
ARTICLE_START = LazyPattern(r"第[一二三四五六七八九十百零〇0-9０-９]{1,6}[条章节](?:[\u3000\t ：:]|$)")
#: a line that ends with one of these ends its sentence or a label
SENTENCE_ENDS = "。！？；：!?;:”’）)》"
_PROSE_MARKS = LazyPattern(f"[{SENTENCE_PUNCTUATION}]")
_SENTENCE_MARKS = LazyPattern(r"[。！？!?]")
#: the label that opens a field (牵头单位：…, 备注：…)
FIELD_LABEL = LazyPattern(r"[\u4e00-\u9fff]{2,8}[：:]")
# the characters either side of a line break inside a number or a list of numbers: 一九|八一, 第|一、,
# G|318, 2|0, 110、|119、120, 5:|30、5:40
_CUT_NUMBER = LazyPattern(r"(?:[第〇零一二三四五六七八九十百][〇零一二三四五六七八九十百]|[0-9０-９A-Za-z][0-9０-９]"
                         r"|[0-9０-９][、:：][0-9０-９])$")
_INLINE_ITEM_START = LazyPattern(r"[。；;，,]")  # not after a label: 附件：1.… then 2.… a line each


def opens_item(line: str) -> bool:
    """（二）… / 3. … / 第十二条　…: the line opens with an outline number or an article's."""
    stripped = line.strip()
    return numbering(stripped) is not None or ARTICLE_START.match(stripped) is not None


class ParagraphSoFar:
    """The lines of one paragraph read so far, and whether it is prose: prose ends in a mark, not
    at a heading's last word, so a line of it that ends without one was cut mid-sentence. It is
    prose once it holds a sentence, or a clause without an outline number or a field's label
    before it (这次机构改革，…)."""

    def __init__(self) -> None:
        self.text = ""
        self.prose = False
        self.fields = False  # it opens with a label (牵头单位：…；配合单位：…): its semicolons part fields

    def add(self, line: str, opens: bool) -> None:
        """Read *line*, which *opens* a new paragraph or goes on with this one."""
        line = line.strip()
        if opens:
            self.fields = FIELD_LABEL.match(line) is not None
        clause = opens and "，" in line and "：" not in line and not opens_item(line)
        marks = _SENTENCE_MARKS if self.fields else _PROSE_MARKS
        self.prose = (self.prose and not opens) or clause or bool(marks.search(line))
        self.text = line if opens else self.text + line

    def cut_before(self, line: str, following: str) -> bool:
        """The break after *line* (the last read) cut a number, a sentence of prose or a list of
        items written inline, however *following* opens (统 / 一、效能的原则, G219、G / 318、G695,
        （一）……；（二）……； / （三）……)."""
        line, following = line.rstrip(), following.strip()
        if not line or not following:
            return False
        if _CUT_NUMBER.search(line[-2:] + following[:1]) or self.prose and line[-1] not in SENTENCE_ENDS:
            return True
        return self._next_inline_item(following)

    def _next_inline_item(self, following: str) -> bool:
        """The next line opens with the item after one written inside the paragraph, past its start."""
        number = numbering(following)
        if number is None or number[1] < 2:
            return False
        for mark in _INLINE_ITEM_START.finditer(self.text):
            inside = numbering(self.text[mark.end():])
            if inside is not None and inside[:2] == (number[0], number[1] - 1):
                return True
        return False
