"""RL105 serial-number-form: the wrong mark after an outline number."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.dating import PUNCTUATION_STANDARD, predates
from ..model import Edit, Fix, NoOptions, Violation, rule
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern, opened_by

_CN = "一二三四五六七八九十百"
# Where an outline number stands: at the start of a paragraph, or of an item run inline after
# a colon, a semicolon or a full stop (主要有：1、…；2、…).
_ITEM_START = r"(?:^|(?<=[：；;。]))\s*"
# （一）、 / (一)、 / （1）、 / (1)、: a number in brackets takes no mark after it.
_BRACKETED = LazyPattern(rf"{_ITEM_START}(?P<number>[（(](?:[{_CN}]{{1,3}}|[0-9０-９]{{1,2}})[）)])(?P<mark>[、，,．.])")
# 1、: an Arabic number takes a full stop on the line (1.), not a 顿号; 1、2月份 is a list of numbers.
_ARABIC = LazyPattern(rf"{_ITEM_START}(?P<number>[0-9０-９]{{1,2}})(?P<mark>、)(?![0-9０-９{_CN}])")
# 一. / 一．: a Chinese number takes a 顿号 (一、).
_CHINESE = LazyPattern(rf"{_ITEM_START}(?P<number>[{_CN}]{{1,3}})(?P<mark>[.．])")
# 第一、 in a sentence: an ordinal word takes a comma (第一，…), as 首先， does.
# (第一、第二产业 and 第一、二批 are lists of ordinals, not a lead)
_ORDINAL = LazyPattern(rf"{_ITEM_START}(?P<number>第[{_CN}]{{1,3}})(?P<mark>、)(?!第|[{_CN}]{{1,3}}[、和及批类级产])")
_SENTENCE_END = LazyPattern(r"[。！？；]")
# What any of the four forms holds: a closing bracket or a number before its wrong mark.
_ANY_FORM = LazyPattern(opened_by(f"）)0-9０-９{_CN}第", rf"[）)][、，,．.]|[0-9０-９]、|[{_CN}][.．]|第[{_CN}]{{1,3}}、"))
#: a form written this many times is the document's habit, reported once
_HABIT = 3


@rule(code="RL105", name="serial-number-form", severity="warning", summary="序号后的标点不规范",
      rationale="序号后标点混用是公文校对最先改正的问题之一：层次难以分辨，也暴露出文字是拼凑而成。",
      options=NoOptions, fixable="always", fix_kinds=("safe",),
      reads=("document-year",))
def serial_number_form(doc: Document, _opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Checks the mark after an outline number, as GB/T 15834-2011 and the
    practice of GB/T 9704 documents set it: a Chinese number takes a 顿号
    (一、), a number in brackets takes no mark ((一), (1)), an Arabic number
    takes a full stop on the line (1.), and an ordinal word that opens a
    sentence takes a comma (第一，). It reports （一）、 → （一）, (1)、 → （1）,
    1、 → 1., 一. → 一、 and 第一、 → 第一，, where the number opens a paragraph
    or an item run inline after a colon, a semicolon or a full stop. The fix
    writes the form the standard gives.

    It deliberately does not report:
    - numbers inside a sentence: 1、2月份, 一、二级医院, 第一、二批, 3、5号线;
    - 第一、 that heads a section on its own line or as a title without a full
      stop, as the reports of the 1950s to 1980s set their parts (第一、关于基本
      建设; 第一、大力提高经济效益，积极扩大财源): the form of a heading, used
      throughout the document;
    - decimal section numbers (1.1, 2.3.1), dates (2025.3) and times (8:30—11:30、下午…);
    - lists of ordinals: 第一、第二产业, 第一、二批;
    - a document about a year before GB/T 15834-2011 took effect (2012), whose
      Appendix B sets these marks: the 1983 report's 第一、改革计划体制，… keeps
      its time's usage.

    A form the document writes three times or more is its habit: one finding
    on the first, whose fix mends every one.

    ## Why it matters
    Mixed marks after outline numbers are among the first things a
    proofreader of official documents corrects: they make the levels of the
    outline hard to tell apart and show the text was pasted together.

    ## Example
    Bad:
        （一）、加快建设现代化产业体系。1、推动传统产业转型升级。
    Good:
        （一）加快建设现代化产业体系。1.推动传统产业转型升级。

    ## Options
    None.
    """
    by_form: dict[str, list[tuple[Span, str, str]]] = {}
    for paragraph in doc.paragraphs:
        if paragraph.kind in ("artifact", "table-cell"):
            continue
        for form, span, stated, right in _forms(paragraph):
            by_form.setdefault(form, []).append((span, stated, right))
    if not by_form:
        return
    if predates(doc, PUNCTUATION_STANDARD):  # read only for a document that has such a form
        return  # 第一、改革计划体制 in the 1983 report: its time's usage, before GB/T 15834-2011
    for places in by_form.values():
        if len(places) >= _HABIT:
            yield _habit(places)  # a document that writes every such number so: one finding, one fix
            continue
        for span, stated, right in places:
            fix = Fix((Edit(span, right),), "safe", f"改为“{right}”")
            yield Violation(span, f"序号“{stated}”的写法不规范，应为“{right}”（GB/T 15834）", fix=fix)


def _forms(paragraph: Paragraph) -> Iterator[tuple[str, Span, str, str]]:
    """Each outline number written with the wrong mark: its form, where it is, as written and right."""
    text = paragraph.text
    if not _ANY_FORM.search(text):
        return  # most paragraphs hold none of the forms: one search instead of four
    for form, pattern, corrected in (("bracketed", _BRACKETED, _bracketed), ("arabic", _ARABIC, _arabic),
                                     ("chinese", _CHINESE, _chinese), ("ordinal", _ORDINAL, _ordinal)):
        for match in pattern.finditer(text):
            if pattern is _ORDINAL and not _SENTENCE_END.search(text, match.end()):
                continue  # 第一、关于基本建设: the heading form of a document's parts, not a sentence
            number = match.group("number")
            yield (form, paragraph.span(match.start("number"), match.end("mark")), number + match.group("mark"),
                   corrected(number))


def _habit(places: list[tuple[Span, str, str]]) -> Violation:
    """The first of many numbers written in one wrong form, with a fix for every one of them."""
    span, stated, right = places[0]
    edits = tuple(Edit(place, corrected) for place, _, corrected in places)
    message = (f"全文{len(places)}处序号写作“{stated}”这一形式，不规范，应为“{right}”这一形式（GB/T 15834）；"
               "只在第一处报告")
    return Violation(span, message, fix=Fix(edits, "safe", f"{len(places)}处都改为“{right}”的形式"))


def _bracketed(number: str) -> str:
    """（一）、 → （一）, (1)、 → （1）: full-width brackets and no mark."""
    return "（" + number[1:-1] + "）"


def _arabic(number: str) -> str:
    return number + "."


def _chinese(number: str) -> str:
    return number + "、"


def _ordinal(number: str) -> str:
    return number + "，"
