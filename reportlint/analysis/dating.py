"""The year a document is about, for rules whose standard came later than some documents."""

from __future__ import annotations

from ..text.document import Document
from ..text.lazy_regex import LazyPattern, opened_by

# 2025年, １９８１年, 一九五五年, and 1 9 9 3 年 as a PDF capture spaces its digits out
_YEAR = LazyPattern(opened_by("12１２〇零○一二三四五六七八九",
                              r"(?<![0-9０-９])([12１２](?: ?[0-9０-９]){3}) ?年|([〇零○一二三四五六七八九]{4})年"))
_CHINESE_DIGITS = str.maketrans("〇零○一二三四五六七八九０１２３４５６７８９", "000123456789" + "0123456789")


#: GB/T 15834-2011 (标点符号用法), which sets the punctuation rules hold documents to, took effect in 2012
PUNCTUATION_STANDARD = 2012


def predates(doc: Document, standard: int) -> bool:
    """Whether *doc* is about a year before *standard* (the year a standard took effect): it
    keeps its time's usage. A document that names no year is held to the standard."""
    year = document_year(doc)
    return year is not None and year < standard


def document_year(doc: Document) -> int | None:
    """The year a document is about: the year it names most often (a report on 1955 names
    一九五五年 more than any other; a 2025 report 2024年 and 2025年), the later on a tie;
    None when it names none. Cached on the document: several rules ask."""
    return doc.analysis("document-year", _count_years)


def _count_years(doc: Document) -> int | None:
    counts: dict[int, int] = {}
    for match in _YEAR.finditer(doc.source):
        year = int((match.group(1) or match.group(2)).replace(" ", "").translate(_CHINESE_DIGITS))
        if 1900 <= year <= 2100:
            counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None
