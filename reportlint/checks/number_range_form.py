"""RL310 number-range-form: a range that drops the first number's magnitude or %, and an
approximate number of two neighbouring numerals parted by a 顿号 (GB/T 15835-2011)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from ..analysis.dating import predates
from ..analysis.figures import chinese_value
from ..model import Edit, Fix, Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern, opened_by

# 9～16亿, 15～30%, 13～17万元: the first number lacks what the second carries, so that it reads
# as 9, 15 and 13. Units without a magnitude (3～5年, 100～150千米) are read with both numbers.
_RANGE = LazyPattern(opened_by(
    r"\d",
    r"(?<![A-Za-z0-9_.．/:：\-－])(?P<first>\d+(?:\.\d+)?)(?P<separator>～|~|〜|—|–|－|-|至)"
    r"(?P<second>\d+(?:\.\d+)?)(?P<mark>万亿|千亿|百亿|亿|千万|百万|万|%|％|‰)"
))
_MONEY = LazyPattern(r"美元|欧元|港元|元")
# A hyphen between two numbers is a range only in running text: not in a code, a date or a
# telephone number (G15-3, 2025-03, 0871-6).
_NOT_A_RANGE_AFTER = LazyPattern(r"[-－]\d")
_NUMERAL = "一二两三四五六七八九"
# 三、四个月, 五、六十家: two neighbouring numerals that make one estimate (三四个月), followed by
# what counts it. 月 alone is left out (三、四月 are March and April), and so are ordinals:
# 一、二级, 三、四季度, 一、二年级, 二、三产业, 第三、四批.
_APPROXIMATE = LazyPattern(
    rf"(?P<first>[{_NUMERAL}])、(?P<second>[{_NUMERAL}])"
    r"(?=十|百|千|万|亿|个|天|人|家|次|名|位|岁|倍|成|小时|分钟|公里|里|米|斤|亩|户|所|座|件|遍|趟|周(?!年)|年(?![级度代]))"
)
# Where a 一、 or 三、 numbers a heading or an item, or a list of numerals goes on (一、二、三).
_NOT_AN_ESTIMATE_BEFORE = LazyPattern(r"(?:^|[第、。；！？：\s]|[一二两三四五六七八九十])\Z")
# Both forms were usual before the first rules on numbers in print (出版物上数字用法的试行规定,
# 1987): a document about an earlier year keeps its time's usage (四、五十年, 5—6%).
_STANDARD_SINCE = 1987


@rule(code="RL310", name="number-range-form", severity="warning", summary="数值范围或概数的写法不规范",
      rationale="“9～16亿”既可理解为9亿至16亿，也可能被理解为9至16亿（前一个数不带单位）；规划或预算中的范围不能让读者去猜第一个数值的单位。",
      fixable="always", fix_kinds=("safe",),
      reads=("document-year",))
def number_range_form(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Follows GB/T 15835-2011 (出版物上数字用法) on two forms:

    - a range that leaves out the first number's magnitude or percent sign,
      so that the first number reads as another value: 9～16亿 (nine, or
      nine hundred million?) is written 9亿～16亿, 15～30% is written
      15%～30%, 13～17万元 is written 13万元～17万元; also with a dash, a
      hyphen or 至 between the numbers;
    - an estimate of two neighbouring numerals with a 顿号 between them,
      which makes it read as a list: 三、四个月 is written 三四个月, 五、六十家
      is written 五六十家.

    The fix adds the magnitude or the sign to the first number, or drops the
    顿号.

    It deliberately does not report:

    - a unit that both numbers share without ambiguity: 3～5年, 100～150千米,
      12500～20000元, 1～2个百分点;
    - numerals that are a list, which takes the 顿号: 一、二级, 第三、四季度,
      三、四月 (March and April), 一、二年级, 二、三产业, and a heading's number
      before a numeral (三、四个着力点 as 三、 and its heading);
    - hyphens in codes, dates and telephone numbers: G15-3, 2025-03-05;
    - a document about a year before the first rules on numbers in print
      (1987), which keeps its time's usage: 四、五十年的时间 and 增长5—6% in
      the 1957 report.

    ## Why it matters
    9～16亿 can be read as "from 9 to 1.6 billion"; a range in a plan or a
    budget must not leave its reader to guess the first value.

    ## Example
    Bad:
        预计带动社会投资9～16亿元，新增就业岗位3～5千个。
    Good:
        预计带动社会投资9亿～16亿元，项目建设周期3～5年。

    ## Options
    None.
    """
    found = (v for p in doc.paragraphs if p.is_body for v in chain(_ranges(p), _estimates(p)))
    first = next(found, None)
    if first is None:
        return
    if predates(doc, _STANDARD_SINCE):  # read only for a document that has such a form
        return
    yield first
    yield from found


def _ranges(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    for match in _RANGE.finditer(text):
        if match.group("separator") in "-－" and _NOT_A_RANGE_AFTER.match(text, match.end("second")):
            continue
        mark = match.group("mark")
        # 13～17万元 is written 13万元～17万元: the currency goes with the magnitude
        money = _MONEY.match(text, match.end()) if mark not in "%％‰" else None
        added = mark + (money.group() if money else "")
        stated = text[match.start() : match.end() + len(added) - len(mark)]
        corrected = match.group("first") + added + text[match.end("first") : match.end() + len(added) - len(mark)]
        fix = Fix((Edit(paragraph.span(match.end("first"), match.end("first")), added),), "safe",
                  f"写为“{corrected}”")
        message = (f"“{stated}”：前一个数省略了“{mark}”，会读作{match.group('first')}；"
                   f"按GB/T 15835应写为“{corrected}”")
        yield Violation(paragraph.span(match.start(), match.end()), message, fix=fix)


def _estimates(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    for match in _APPROXIMATE.finditer(text):
        if chinese_value(match.group("second")) != (chinese_value(match.group("first")) or 0) + 1:
            continue
        if _NOT_AN_ESTIMATE_BEFORE.search(text, 0, match.start()):
            continue
        stated = text[match.start() : match.end() + 1]
        corrected = match.group("first") + match.group("second") + text[match.end() : match.end() + 1]
        comma = match.start() + 1
        fix = Fix((Edit(paragraph.span(comma, comma + 1), ""),), "safe", f"写为“{corrected}”")
        message = f"“{stated}”：相邻的两个数字连用表示概数，中间不用顿号，应写为“{corrected}”"
        yield Violation(paragraph.span(match.start(), match.end() + 1), message, fix=fix)
