"""RL404 punctuation-usage: marks used against GB/T 15834-2011 beyond their width."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..analysis.dating import PUNCTUATION_STANDARD, predates
from ..analysis.punctuation import LATIN_SCRIPT, script
from ..model import Edit, Fix, NoOptions, Severity, Violation, rule
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern, opened_by

# 《意见》、《方案》 / “十四五”、“十五五” / ‘…’、‘…’ / 〈…〉、〈…〉: a 顿号 right between two items
# of one kind of mark. A note between them (《意见》（2024年修订）、《方案》) keeps the 顿号.
_MARKED_ITEMS = LazyPattern(r"(?<=[》”’〉])、(?=[《“‘〈])")
_PAIRS = {"》": "《", "”": "“", "’": "‘", "〉": "〈"}
_PAIRS_CLOSING = {opening: closing for closing, opening in _PAIRS.items()}
# “旅游”变“旅居”、“旅居”变“定居”: the 顿号 parts two clauses that each hold marked words, not
# two marked items: a short word joins a marked item to another on both sides of it.
_CLAUSE_AFTER = LazyPattern(r"(?![和与及或等])[\u4e00-\u9fff]{1,3}[《“‘〈]")
_CLAUSE_BEFORE = LazyPattern(r"[》”’〉][\u4e00-\u9fff]{1,3}(?<![和与及或])\Z")
_MARKED_ITEM = LazyPattern(r"[《“‘〈][^《》“”‘’〈〉]*[》”’〉]")
#: the longest item a message quotes whole, and the most items it lists
_QUOTED, _LISTED = 12, 3
# ……等 / ……等等: the ellipsis and 等 both say "and more". 等待, 等于, 等级 … after an ellipsis
# that ends a quotation are words of the next clause.
_ELLIPSIS_AND_DENG = LazyPattern(r"(?P<ellipsis>…{2,}|⋯{2,}|\.{3,6}|。{3,})(?P<deng>等等|等)(?![待候到同于级次额量距效价值比])")
# 2020-2024年, 3~5年, 0.5-1.5米: an ASCII hyphen or tilde between two numbers. Not a code, a
# version or a standard's number (G15-3, ISO 9001-2015, GB/T 9704-2012), a date (2025-03-14),
# a telephone number (0871-6123456), a figure's number (图2-8) or a house number (3-2号楼).
_ASCII_RANGE = LazyPattern(
    r"(?<![A-Za-z0-9_.．/\\:#\-－~])(?P<first>\d{1,4}(?:\.\d+)?)(?P<connector>[-~])"
    r"(?P<second>\d{1,4}(?:\.\d+)?)(?![\d.．\-~A-Za-z/])"
)
_NOT_A_RANGE_BEFORE = LazyPattern(r"(?:[A-Za-z][A-Za-z/]*\s*|[图表式]|附[图表]|编号|代码|电话|热线|传真|比分|以)\Z")
# A range counts something: a Chinese unit or word, a percent or a degree follows it.
_COUNTED_AFTER = LazyPattern(r"[\u4e00-\u9fff%％‰℃]")
_ADDRESS_AFTER = LazyPattern(r"[号栋幢室层]|单元")
# Points in time take the 一字线 (2020—2024年, 1—11月, 9—17时); amounts take the 浪纹线 (3～5年,
# 3～6个月, 2～3小时).
_TIME_POINT_AFTER = LazyPattern(r"[月日时点](?!份额)")
#: how much text on either side of a range tells whether it stands in English
_AROUND = 16
_YEAR = LazyPattern(r"(?:1[89]|20|21)\d\d")
_ANY_MARK = LazyPattern(opened_by(r"》”’〉…⋯.。\d", r"[》”’〉]、|…等|⋯等|\.等|。等|\d[-~]\d"))
#: a usage the document writes this many times is its habit, reported once with one fix for all
_HABIT = 3


@dataclass(frozen=True)
class _Use:
    """A use of a mark to correct: its kind, where it stands, as found and as it should be."""

    kind: str  # "marked-items", "ellipsis", "range", "period"
    span: Span
    found: str
    right: str
    edits: tuple[Edit, ...]


@rule(code="RL404", name="punctuation-usage", severity="warning", summary="标点符号用法不规范",
      rationale="这些标点用法由国家标准GB/T 15834规定，是公文校对在标点全角半角之后最先改正的问题；用法混杂说明文字是从几处拼凑而来。",
      options=NoOptions, fixable="always", fix_kinds=("safe",),
      reads=("document-year",))
def punctuation_usage(doc: Document, _opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Checks three usages that GB/T 15834-2011 (标点符号用法) sets, beyond the
    width of a mark:

    - a 顿号 between items that each stand in 书名号 or in quotation marks:
      《意见》、《方案》 is written 《意见》《方案》, “十四五”、“十五五” is written
      “十四五”“十五五” (4.5.3.5). The standard says such a 顿号 is 通常不用,
      usually left out, so this finding is `info`;
    - an ellipsis together with 等 or 等等 (……等): both say that the list
      goes on, so one of them is dropped;
    - an ASCII hyphen or tilde between two numbers as a range (4.13): a span
      of time takes the 一字线 (2020-2024年 → 2020—2024年, 1-11月 → 1—11月), an
      amount takes the 浪纹线 (3~5年 → 3～5年, 2-3个 → 2～3个, 0-6岁 → 0～6岁).

    The fix drops the 顿号 or the 等, or writes the connector the standard
    gives. A usage the document writes three times or more is its habit: one
    finding on the first, whose fix mends every one.

    It deliberately does not report:
    - a 顿号 after a note that stands between the items, which the standard
      keeps: 《意见》（2024年修订）、《方案》;
    - items of two kinds of mark: 《条例》、“十四五”规划;
    - 等待, 等于, 等级 … after an ellipsis that ends a quotation;
    - a hyphen that is not a range: dates (2025-03-14), codes, versions and
      standards' numbers (G15-3, GB/T 9704-2012), telephone numbers
      (0871-6123456), a figure's or table's number (图2-8), house numbers
      (3-2号楼), scores (以3-1获胜), a pair whose first number is not the
      smaller one;
    - a hyphen in English text (Copyright © 2012-2025);
    - a 顿号 between clauses that each hold marked words: “旅游”变“旅居”、
      “旅居”变“定居”;
    - a document about a year before GB/T 15834-2011 took effect (2012).

    ## Why it matters
    Proofreaders of official documents correct these marks first after the
    width of punctuation: they are set by the national standard, and mixed
    usages show a text was pasted together from several sources.

    ## Example
    Bad:
        认真落实《意见》、《方案》，2021-2025年每年开展培训3~5次，涵盖种植、养殖、加工……等内容。
    Good:
        认真落实《意见》《方案》，2021—2025年每年开展培训3～5次，涵盖种植、养殖、加工等内容。

    ## Options
    None.
    """
    by_kind: dict[str, list[_Use]] = {}
    for paragraph in doc.paragraphs:
        if paragraph.kind == "artifact" or not _ANY_MARK.search(paragraph.text):
            continue
        for use in _uses(paragraph):
            by_kind.setdefault(use.kind, []).append(use)
    if not by_kind:
        return
    if predates(doc, PUNCTUATION_STANDARD):  # read only for a document that has such a form
        return  # the 1998 report's “三讲”、“三个代表”: its time's usage, before GB/T 15834-2011
    for uses in by_kind.values():
        if len(uses) >= _HABIT:
            yield _habit(uses)
        else:
            yield from (_violation(use) for use in uses)


def _uses(paragraph: Paragraph) -> Iterator[_Use]:
    text = paragraph.text
    yield from _marked_item_runs(paragraph)
    for match in _ELLIPSIS_AND_DENG.finditer(text):
        span = paragraph.span(match.start(), match.end())
        deng = paragraph.span(match.start("deng"), match.end("deng"))
        yield _Use("ellipsis", span, match.group(), match.group("ellipsis"), (Edit(deng, ""),))
    for match in _ASCII_RANGE.finditer(text):
        right = _range_connector(text, match)
        if right is not None:
            connector = paragraph.span(match.start("connector"), match.end("connector"))
            kind = "period" if right == "—" else "range"
            found = match.group() + text[match.end() : match.end() + 1]
            yield _Use(kind, paragraph.span(match.start(), match.end()), found, right, (Edit(connector, right),))


def _marked_item_runs(paragraph: Paragraph) -> Iterator[_Use]:
    """Each list of marked items with 顿号 between them (“一国两制”、“港人治港”、“澳人治澳”):
    one usage, whatever the number of its items."""
    text = paragraph.text
    run: list[re.Match[str]] = []
    for match in _MARKED_ITEMS.finditer(text):
        if _PAIRS[text[match.start() - 1]] != text[match.end()] or _joins_clauses(text, match):
            continue
        if run and not _one_item(text[run[-1].end() : match.start()]):
            yield _item_run(paragraph, run)
            run = []
        run.append(match)
    if run:
        yield _item_run(paragraph, run)


def _joins_clauses(text: str, match: re.Match[str]) -> bool:
    """Whether the 顿号 parts clauses that hold marked words (“旅游”变“旅居”、“旅居”变“定居”)."""
    left, right = _items_bounds(text, match.start(), match.end())
    return (left >= 0 and _CLAUSE_BEFORE.search(text, max(0, left - 4), left) is not None) and (
        right >= 0 and _CLAUSE_AFTER.match(text, right + 1) is not None)


def _items_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the marked item before the 顿号 at text[start:end] opens and the one after it
    closes (-1 when a mark is missing)."""
    left = text.rfind(_PAIRS[text[start - 1]], 0, start - 1)
    right = text.find(_PAIRS_CLOSING[text[end]], end + 1)
    return left, right


def _one_item(between: str) -> bool:
    """Whether *between* is one marked item alone (“港人治港”), so that the 顿号 on either side
    of it belong to one list."""
    return len(between) >= 2 and _PAIRS.get(between[-1]) == between[0] and between[-1] not in between[1:-1]


def _item_run(paragraph: Paragraph, run: list[re.Match[str]]) -> _Use:
    text = paragraph.text
    found = _items_around(text, run[0].start(), run[-1].end())
    span = paragraph.span(run[0].start(), run[0].end())
    edits = tuple(Edit(paragraph.span(m.start(), m.end()), "") for m in run)
    return _Use("marked-items", span, found, found.replace("、", ""), edits)


def _items_around(text: str, start: int, end: int) -> str:
    """The marked items a run of 顿号 at text[start:end] stands between, a long one shortened
    and a long list cut: 《内地与香港关于建立…》、…、《海峡两岸经济合作框…》."""
    left, right = _items_bounds(text, start, end)
    if left < 0 or right < 0:
        return text[start - 1 : end + 1]
    items = [item if len(item) <= _QUOTED else item[: _QUOTED - 2] + "…" + item[-1]
             for item in _MARKED_ITEM.findall(text, left, right + 1)]
    if len(items) > _LISTED:
        items = [*items[: _LISTED - 1], "…", items[-1]]
    return "、".join(items)


def _range_connector(text: str, match: re.Match[str]) -> str | None:
    """The connector a range of two numbers takes (— for a span of time, ～ for an amount),
    or None when the two numbers are not a range."""
    first, second = match.group("first"), match.group("second")
    if float(first) >= float(second) or _NOT_A_RANGE_BEFORE.search(text, 0, match.start()):
        return None
    if script(text[max(0, match.start() - _AROUND) : match.end() + _AROUND]) == LATIN_SCRIPT:
        return None  # Copyright © 2012-2025 www.…: English keeps its hyphen
    after = text[match.end() : match.end() + 2]
    years = _YEAR.fullmatch(first) and _YEAR.fullmatch(second)
    if years:
        return "—"
    if len(first) == 4 and "." not in first:
        return None  # 2025-3: a date, or a code
    if not _COUNTED_AFTER.match(after) or _ADDRESS_AFTER.match(after):
        return None
    return "—" if _TIME_POINT_AFTER.match(after) else "～"


def _describe(use: _Use) -> str:
    if use.kind == "marked-items":
        # the items carry their own marks: quoted once more they would read ““十四五”、“十五五””
        return (f"{use.found}：标有书名号或引号的并列成分之间通常不用顿号，宜写作{use.right}"
                "（GB/T 15834-2011 4.5.3.5）")
    if use.kind == "ellipsis":
        return f"“{use.found}”：省略号与“等”“等等”不同时使用，宜删去“{use.found[len(use.right):]}”（GB/T 15834-2011）"
    connector = use.edits[0].content
    what = "起止时间用一字线“—”" if connector == "—" else "数值范围用浪纹线“～”"
    mark = "“~”" if "~" in use.found else "短横线“-”"
    return f"“{use.found}”：{what}，不用{mark}（GB/T 15834-2011 4.13）"


def _severity(use: _Use) -> Severity | None:
    return Severity.INFO if use.kind == "marked-items" else None  # 通常不用: usage varies


def _violation(use: _Use) -> Violation:
    fix = Fix(use.edits, "safe", _fix_title(use))
    return Violation(use.span, _describe(use), fix=fix, severity=_severity(use))


def _fix_title(use: _Use) -> str:
    if use.kind == "marked-items":
        return "删去顿号"
    if use.kind == "ellipsis":
        return "删去“等”"
    return f"改为“{use.edits[0].content}”"


def _habit(uses: list[_Use]) -> Violation:
    """The first of many uses of one kind, with a fix for every one of them."""
    first = uses[0]
    message = f"全文{len(uses)}处同类用法，只在第一处报告：{_describe(first)}"
    fix = Fix(tuple(edit for use in uses for edit in use.edits), "safe", f"{len(uses)}处都{_fix_title(first)}")
    return Violation(first.span, message, fix=fix, severity=_severity(first))
