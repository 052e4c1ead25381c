"""RL308 ratio-sum: the shares of every part of one whole, which do not make the whole."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import islice

from ..analysis.changes import rounding
from ..analysis.figures import Figure, document_figures, respectively
from ..analysis.shares import SECTORS_NAME, listed_after, names_the_whole, partition_of
from ..model import Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern, opened_by

_TOLERANCE = 0.2  # shares rounded to tenths may miss 100 by a few hundredths each
_RATIO_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
# 三次产业结构为7.1∶38.3∶55.6 / 由8.5:40.2:51.3调整为7.1:38.3:54.6: a structure set as a ratio.
_RATIO = LazyPattern(opened_by(
    "0-9０-９", rf"(?<![0-9０-９.．:：∶]){_RATIO_NUMBER}(?:\s*[∶:：]\s*{_RATIO_NUMBER}){{2,4}}(?![0-9０-９.．:：∶])"))
# The whole a ratio divides, named in its clause before it: the sectors' structure.
_STRUCTURE = LazyPattern(r"(?:三次产业|一二三产业|一、二、三产业|三次产业增加值|产业)(?:增加值)?(?:结构|构成|比例|比重|之比|比)")
_CLAUSE_MARK = LazyPattern(r"[，。；！？,;!?]")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


@rule(code="RL308", name="ratio-sum", severity="warning", summary="组成同一整体的各部分占比合计不等于100%",
      rationale="各部分占比加起来不等于整体，说明其中一项录错了，或取自另一年份。",
      supersedes=("percent-range",),
      reads=("figures",))
def ratio_sum(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Adds up the shares of a whole whose every part is named, and reports a
    total that is not 100% beyond the rounding of the shares (0.2 points, or
    more when the shares are rounded coarser):

    - the three sectors' structure as a ratio: 三次产业结构为7.1∶38.3∶55.6
      (101.0);
    - the shares of all three sectors, of town and country, of both sexes or
      of the four regions: 第一、二、三产业增加值占比分别为8.2%、40.5%、49.1%
      (97.8%); 三次产业结构为10.5%、40.2%、49.3%.

    A total past 100% of such a whole is reported here rather than by
    percent-range, which keeps the wholes whose parts are not all named.

    It deliberately does not report:

    - partial lists: 其中农户占30%，龙头企业占40% (other owners hold the
      rest), 城镇居民人均可支配收入和农村居民人均可支配收入分别增长5%、6%;
    - ratios that are not shares of a whole: 按1∶1配套, 师生比1∶13.9,
      研究与试验发展经费内部支出中基础研究、应用研究和试验发展之比为6.5∶11.2∶82.3
      unless its whole is a structure named before it;
    - a structure given as a ratio of small whole numbers (1∶4∶5): it is
      not in percent.

    ## Why it matters
    Shares that do not add up to the whole show that one of them was mistyped
    or taken from another year.

    ## Example
    Bad:
        全年三次产业结构为7.1∶38.3∶55.6，服务业增加值占比提高0.8个百分点。
    Good:
        全年三次产业结构为7.1∶38.3∶54.6，服务业增加值占比提高0.8个百分点。

    ## Options
    None.
    """
    for paragraph, found in zip(doc.paragraphs, document_figures(doc)):
        if not paragraph.is_body:
            continue
        yield from _shares_of_named_parts(paragraph, found)
        yield from _structure_ratios(paragraph)


def _shares_of_named_parts(paragraph: Paragraph, found: list[Figure]) -> Iterator[Violation]:
    text = paragraph.text
    if not any(f.unit == "%" for f in found):
        return
    for pair in respectively(text, found):
        if len(pair.subjects) < 2 or len(pair.values) != len(pair.subjects):
            continue
        partition = partition_of(text, pair)
        names = [s.text for s in pair.subjects]
        if partition is not None and names_the_whole(partition, names):
            yield from _off_the_whole(paragraph, pair.values, "、".join(names))
    starts = [f.start for f in found]
    for match in SECTORS_NAME.finditer(text):
        values = listed_after(text, islice(found, bisect_left(starts, match.end()), None), match.start(), match.end())
        if len(values) == 3:
            yield from _off_the_whole(paragraph, values, "第一、二、三产业")


def _off_the_whole(paragraph: Paragraph, values: Sequence[Figure], names: str) -> Iterator[Violation]:
    total = sum(v.value or 0 for v in values)
    slack = max(_TOLERANCE, sum(rounding(v) for v in values))
    if abs(total - 100) <= slack + 1e-9:
        return
    numbers = "、".join(v.text for v in values)
    message = (f"“{names}”是同一整体的全部组成部分，占比{numbers}合计{total:.4g}%，"
               f"与100%相差{abs(total - 100):.2g}个百分点，疑为数字录入错误")
    yield Violation(paragraph.span(values[0].start, values[-1].end), message)


def _structure_ratios(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    for match in _RATIO.finditer(text):
        clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, match.start())), default=0)
        if not _STRUCTURE.search(text, clause_start, match.start()):
            continue
        numbers = re.split(r"\s*[∶:：]\s*", match.group().translate(_FULL_WIDTH))
        values = [float(n) for n in numbers]
        total = sum(values)
        if not any("." in n for n in numbers) and not 90 <= total <= 110:
            continue  # 1∶4∶5: a ratio of small numbers, not shares in percent
        slack = max(_TOLERANCE, sum(0.5 * 10 ** -len(n.partition(".")[2]) for n in numbers))
        if abs(total - 100) <= slack + 1e-9:
            continue
        message = (f"“{match.group()}”：结构比例的各项之和为{total:.4g}，与100相差{abs(total - 100):.2g}，"
                   "疑为数字录入错误")
        yield Violation(paragraph.span(match.start(), match.end()), message)
