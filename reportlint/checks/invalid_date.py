"""RL311 invalid-date: a date that no calendar has, or a weekday that does not match its date."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..analysis.figures import chinese_value, digit_by_digit
from ..model import Violation, rule
from ..text.document import Document
from ..text.lazy_regex import LazyPattern

_CN = "〇零一二两三四五六七八九十"
# 2月29日, 二月二十九日: a month and its day, the day optional. A digit or a decimal point before
# the month belongs to another number (1.3月 is no date).
_MONTH_DAY = LazyPattern(
    rf"(?<![\d.{_CN}第])(?P<month>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*"
    rf"(?:(?P<day>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号](?![\d{_CN}]))?"
)
# …and the year right before it: 2025年, 二〇二五年.
_YEAR_BEFORE = LazyPattern(r"(?<![\d.〇零一二三四五六七八九])(?P<year>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\Z")
# 2025-02-29 in tables and forms; dots are left alone (version numbers, 1.2.3 items).
_ISO_DATE = LazyPattern(r"(?<![\d\-./])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\d\-./])")
# A weekday written right after its date: （星期三）, (周三), 星期三, 礼拜三.
_WEEKDAY = LazyPattern(r"\s*[（(]?\s*(?:星期|礼拜|周)(?P<weekday>[一二三四五六日天])\s*[)）]?")
_WEEKDAYS = "一二三四五六日"
# A lunar date (农历二月三十, 夏历八月十五) counts its months in another calendar.
_LUNAR = LazyPattern(r"(?:农历|阴历|夏历|旧历|正月|腊月|闰\S?月)[^，。；]{0,4}\Z")
# 连续13月, 每13月: a number of months, not the name of a month.
_NOT_A_MONTH_NAME = LazyPattern(r"(?:连续|每|近|逾|超过|个|半)\Z")


@dataclass(frozen=True, slots=True)
class _Date:
    """A date as written: its offsets, and its year and day when it gives them."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None


@rule(code="RL311", name="invalid-date", severity="warning", summary="日期不存在或星期与日期不符",
      rationale="期限、会议或时段落在不存在的日子或错误的星期，会把读者引向错误的日期；这类日期多来自沿用往年的模板。")
def invalid_date(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Reports a date that no calendar has, by the Gregorian calendar of
    Python's standard library: 2025年2月29日 (2025 is no leap year),
    2024年4月31日 (April has 30 days), 2025年13月, 3月32日, and the same in
    Chinese numerals (二〇二五年二月二十九日) or as 2025-02-29. It also
    reports a weekday that does not match its date: 2025年3月5日（星期二）,
    which was a Wednesday. A weekday after a date without its year
    (3月5日（星期二）) is checked against the year of the paragraph's last full
    date, and otherwise against every year the document dates itself in
    and the year after each: it is reported only when it fits none of them.

    It deliberately does not report:

    - lunar dates, which have months of 30 days and a 闰月 of their own:
      农历二月三十, 正月初一, 腊月二十三;
    - 2月29日 without its year, which is right in a leap year;
    - ranges written correctly: 3月5日至7日, 1—2月, 2025年12月31日—2026年1月2日;
    - a number of months that is no month's name: 连续13个月, 1.3月 in a
      list of figures.

    ## Why it matters
    A deadline, a meeting or a period on a day that does not exist, or on
    the wrong weekday, sends readers to the wrong day; such dates come from
    templates reused from another year.

    ## Example
    Bad:
        会议定于2025年3月5日（星期二）上午9时在市政府第一会议室召开。
    Good:
        会议定于2025年3月5日（星期三）上午9时在市政府第一会议室召开。

    ## Options
    None.
    """
    for paragraph in doc.paragraphs:
        if paragraph.kind == "artifact":
            continue
        text = paragraph.text  # \d and int() read full-width digits as they are
        last: tuple[int, int] | None = None
        for date in _dates(text):
            message = _impossible(date)
            if message is None and _WEEKDAY.match(text, date.end):  # the document's dates only when needed
                message = _wrong_weekday(text, date, [last] if last else _document_dates(doc))
            if date.year is not None and 1 <= date.month <= 12:
                last = (date.year, date.month)
            if message:
                end = _weekday_end(text, date.end) if "星期" in message else date.end
                stated = paragraph.text[date.start : end].strip()
                yield Violation(paragraph.span(date.start, end), f"“{stated}”{message}")


def _dates(text: str) -> Iterator[_Date]:
    if "月" in text:
        yield from _month_dates(text)
    if "-" in text:
        for match in _ISO_DATE.finditer(text):
            yield _Date(match.start(), match.end(), int(match.group("year")), int(match.group("month")),
                        int(match.group("day")))


def _month_dates(text: str) -> Iterator[_Date]:
    """Each 月 of *text* read back to its month and on to its day, and back from the month to
    its year: a scan that starts at every 月, not at every character."""
    for match in _MONTH_DAY.finditer(text):
        year_match = _YEAR_BEFORE.search(text, max(0, match.start() - 8), match.start())
        start = year_match.start() if year_match else match.start()
        if _LUNAR.search(text, max(0, start - 8), start):
            continue
        if year_match is None and match.group("day") is None:
            continue  # a month alone (13月) may be a count of months
        if _NOT_A_MONTH_NAME.search(text, max(0, start - 2), start):
            continue
        month, day = _number(match.group("month")), _number(match.group("day"))
        year = _number(year_match.group("year")) if year_match else None
        if month is None or (match.group("day") and day is None):
            continue
        yield _Date(start, match.end(), year, month, day)


def _number(numeral: str | None) -> int | None:
    if numeral is None:
        return None
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 4:  # 二〇二五: a year read digit by digit
        return digit_by_digit(numeral)
    value = chinese_value(numeral)
    return int(value) if value is not None and value == int(value) else None


def _impossible(date: _Date) -> str | None:
    """Why *date* is not in the calendar, or None when it is."""
    if not 1 <= date.month <= 12:
        return f"不存在：一年只有12个月，没有{date.month}月"
    if date.day is None:
        return None
    # Without its year, February may have 29 days.
    year = date.year if date.year is not None else 2024
    length = calendar.monthrange(year, date.month)[1]
    if 1 <= date.day <= length:
        return None
    if date.month == 2 and date.day == 29:
        return f"不存在：{date.year}年不是闰年，2月只有28天"
    return f"不存在：{date.month}月只有{length}天"


def _wrong_weekday(text: str, date: _Date, anchors: Iterable[tuple[int, int]]) -> str | None:
    """Why the weekday written after *date* is wrong, or None when it is right or absent.
    A date without its year is in the year of a full date it is read with (*anchors*: the
    paragraph's last one, else the document's), or in the next when its month comes earlier
    (报名截至12月20日，1月8日开班)."""
    found = _WEEKDAY.match(text, date.end)
    if found is None or date.day is None:
        return None
    stated = _WEEKDAYS.index("日" if found.group("weekday") == "天" else found.group("weekday"))
    if date.year is not None:
        candidates = [date.year]
    else:
        candidates = sorted({year + (date.month < month) for year, month in anchors} | {year for year, _ in anchors})
    if not candidates or any(_weekday(y, date.month, date.day) == stated for y in candidates):
        return None
    if len(candidates) == 1:
        actual = _weekday(candidates[0], date.month, date.day)
        if actual is None:
            return None
        return (f"：{candidates[0]}年{date.month}月{date.day}日是星期{_WEEKDAYS[actual]}，"
                f"不是星期{_WEEKDAYS[stated]}")
    named = "、".join(f"{y}年" for y in candidates)
    return f"：无论在{named}，{date.month}月{date.day}日都不是星期{_WEEKDAYS[stated]}"


def _weekday(year: int, month: int, day: int) -> int | None:
    """Monday 0 to Sunday 6, or None when the day is not in that year's month (2月29日)."""
    if day > calendar.monthrange(year, month)[1]:
        return None
    return datetime.date(year, month, day).weekday()


def _weekday_end(text: str, end: int) -> int:
    found = _WEEKDAY.match(text, end)
    return found.end() if found else end


_FULL_DATE = LazyPattern(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月")


def _document_dates(doc: Document) -> set[tuple[int, int]]:
    """(year, month) of every full date the document gives (2025年3月…), read once and only
    for a document that writes a weekday after a date without its year."""
    return doc.analysis("invalid-date.dates", _read_document_dates)


def _read_document_dates(doc: Document) -> set[tuple[int, int]]:
    return {(int(match.group(1)), int(match.group(2)))
            for paragraph in doc.paragraphs
            for match in _FULL_DATE.finditer(paragraph.text)
            if 1 <= int(match.group(2)) <= 12 and 1900 <= int(match.group(1)) <= 2100}
