"""Figures in prose: numbers, their units and qualifiers, with offsets.

The figure rules (count-mismatch, respectively-mismatch, conflicting-figure,
part-exceeds-whole, percent-range) all start from the same reading of a
paragraph's text, so it lives here: ``figures(text)`` returns every figure
with its offsets into *text* (map them with ``Paragraph.span``), and three
small helpers find what a count counts (``enumeration_before``,
``counted_enumerations``) and the two sides of a 分别 sentence
(``respectively``). Everything is regex-driven and linear; no word
segmentation is needed.

What is read:

- Arabic numbers: 3, 1,000, 2.5, full-width ２０００ and ５．５, with a
  magnitude (1.5万, 2800万千瓦, 3000亿元, 1万亿元) and a unit or measure word
  from ``UNITS`` (%, ％, ‰, 个百分点, 倍, 个, 项, 家, 户, 人, 人次, 公里, 亩, 吨,
  元, 千瓦, 千伏, 年, ...). ``value`` is in base units: 1.5万人 is 15000 人 and
  2800万千瓦 is 2.8e7 千瓦, so figures written with different magnitudes
  compare directly when their ``unit`` is the same.
- Ranges: 1—2, 1-2, 3~5, 3至5, 5%—6%, 3—5万人 (``low``/``high``; ``value`` is
  None).
- 百分之五, 百分之五十五点五, 百分之百 (unit "%").
- Chinese numerals: 两个, 十二, 一百零五, 三千四百九十六, 六亿五千万. A
  one-character numeral (一, 两, 三, 八) counts only before a measure word or
  unit (两个, 八项, 三年); alone it is nearly always part of a word (一体化,
  统一, 三农, 两岸), so it is not read. 二 + measure word (二次, 二期) is
  "second", not two (the count is 两), and is not read. 一 is read only before
  a measure word that makes it a count (一个, 一项, 一座); 一批, 一些, 一定,
  一系列, 一揽子, 一步, 一轮 are not counts (one counts only before the measure
  words of ``_ONE_UNITS``).
  Distributive and fixed phrases (一户一策, 一人一档, 一次性, 一条龙, 五位一体,
  一个个) are skipped. A numeral run that is not one well-formed number is
  skipped whole: “十四五”, 十五五, 五一, 一一.
- Qualifiers right before or after the figure (``before``/``after``):
  以上, 超过, 突破, 不低于, 不少于, 多/余 (300多家) make a lower bound; 以下,
  不超过, 不足, 以内 an upper bound; 约, 近, 左右 an approximation (``bound``).
  增长, 提高, 新增 / 下降, 减少, 降低 make the figure a change (``direction``):
  "增长5%" is a rate of change, not a 5% share. Other lead words (力争, 达到,
  同比, 年均, 分别 ...) are kept in ``before`` for the rules to weigh.
- Quoted numbered abbreviations, kind "abbreviation": “两个目标” (2, 个, 目标),
  “四有”, “三张清单”, “三农”, “六上企业”. A bare 三农 outside quotes is a
  label, not a figure. Abbreviations of one (“一网通办”) and compound labels
  with a second numeral (“五个一”, “一带一路”, “两高四着力”) are skipped.

Labels are numbers that name rather than measure, and are returned only with
``figures(text, labels=True)``: kind "ordinal" (第三, （一）, 一、 and 1. at the
start of a clause, 一是, 十四届, 三中全会, 党的二十大, 三次会议 after a 届) and
kind "date" (2025年, 二〇二五年, 3月, 15日; 3年 and 3个月 are durations and stay
quantities).

Not read, on purpose: numbers glued to Latin letters (5G, G20, PM2.5, C919);
codes, ratios and fractions (“1+2+4+N”, 1∶3.4, 1/3, “23·7”, 2026-02-02,
09:02); a number that fills a quotation alone (“141”); versions (3.0版).
近 before a span of time is "the last", not "nearly" (近5年).

Known gaps: 双 as two (双碳), 几/数 estimates (十几个, 数十家), Chinese
fractions (三分之二), a magnitude without a number (突破万亿元), mixed forms
such as 6亿5千万 (read as two figures), compound units with a slash (元/吨:
the unit is 元), and a number whose unit is written once after a list
(15、22个百分点: ``respectively`` shares it, ``figures`` leaves 15 bare).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..text.lazy_regex import LazyPattern, opened_by

if TYPE_CHECKING:
    from ..text.document import Document

Kind = Literal["quantity", "abbreviation", "ordinal", "date"]
Bound = Literal["exact", "min", "max", "about"]

# Measure words and units, as written after a number (and after a magnitude
# 万/亿, which is not part of the unit: 万千瓦 is 千瓦 at scale 1e4).
UNITS = (
    # percentages and ratios
    "%", "％", "‰", "个百分点", "百分点", "倍",
    # counts
    "个", "项", "家", "户", "座", "所", "条", "张", "名", "位", "人次", "人", "件", "台", "套", "辆",
    "艘", "架", "间", "处", "栋", "幢", "种", "类", "份", "场", "起", "例", "只", "头", "支", "部",
    "篇", "册", "床日", "床", "块", "颗", "棵", "株", "对", "次", "届", "大", "方面", "个方面", "批次", "批", "轮", "枚",
    "列", "宗", "笔", "首", "本", "号", "级",
    # time
    "年", "个月", "月", "日", "天", "周年", "周", "小时", "分钟", "岁",
    # money
    "元", "美元", "欧元", "港元",
    # length, area, volume, mass, energy
    "公里", "千米", "平方公里", "平方千米", "平方米", "立方米", "米", "公顷", "亩", "吨", "千克",
    "公斤", "斤", "千瓦时", "千瓦", "兆瓦", "瓦", "千伏", "度", "马力", "标准箱", "标箱", "吨标准煤",
    "微克/立方米",
)
_UNIT_NORMAL = {"％": "%", "平方千米": "平方公里", "千米": "公里", "公斤": "千克", "标箱": "标准箱"}
# Units that make a figure a count of things (what count-mismatch compares with a list).
COUNT_UNITS = frozenset({"个", "项", "家", "户", "座", "所", "条", "张", "名", "位", "件", "台", "套", "种",
                         "类", "份", "场", "大", "方面", "个方面", "支", "部", "批次", "级"})
# One reads as a count only before these (一批, 一些, 一轮, 一线 are not counts).
_ONE_UNITS = frozenset({"个", "项", "家", "座", "所", "条", "张", "名", "位", "件", "台", "套", "年", "个月",
                        "天", "周", "小时", "人", "户", "倍", "次", "元"})

_MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
               "十万": 1e5, "万": 1e4}

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 1e4, "亿": 1e8}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# opened_by: 0.21 s without the lookahead against 0.08 for the paragraphs of corpus x10
_NUMBER = LazyPattern(opened_by(
    "百0-9０-９一二两三四五六七八九十〇零",
    r"(?P<pct>百分之(?P<pctnum>[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?))"
    r"|(?P<ar>(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3}(?![0-9０-９]))+|[0-9０-９]+)(?:[.．][0-9０-９]+)?)"
    r"|(?P<cn>[一二两三四五六七八九十〇零][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?)"
))
# 300多万人: the magnitude may follow 多/余, so it is looked for on both sides of it.
_ARABIC_TAIL = LazyPattern(
    rf"(?P<mag>{_alternation(_MAGNITUDES)})?(?P<approx>多|余)?(?P<mag2>万亿|亿|万)?(?P<unit>{_alternation(UNITS)})?"
)
_CHINESE_TAIL = LazyPattern(rf"(?P<approx>多|余)?(?P<mag2>万亿|亿|万)?(?P<unit>{_alternation(UNITS)})?")
# Units that begin with a magnitude character (两千瓦: the run stops before 千瓦).
_UNIT_AT = LazyPattern(_alternation(u for u in UNITS if u[0] in "十百千万亿"))

_LOWER = ("超过", "超", "突破", "不低于", "不少于", "逾", "高于", "多于", "大于")
_UPPER = ("不超过", "不高于", "不多于", "不足", "低于", "少于", "小于", "控制在")
_ABOUT = ("约", "近", "接近", "将近", "大约", "约为")
_UP = ("增长", "增加", "提高", "提升", "上升", "上涨", "增", "新增", "净增", "扩大")
_DOWN = ("下降", "减少", "降低", "降", "回落", "压减", "压降", "缩小", "减", "净减", "下跌")
_LEAD = ("力争", "确保", "预期", "预计", "达到", "达", "同比", "年均", "平均", "累计", "分别", "比上年",
         "较上年", "比去年", "共", "合计", "总计", "实现", "为")
_BEFORE_BOUND = {**dict.fromkeys(_LOWER, "min"), **dict.fromkeys(_UPPER, "max"), **dict.fromkeys(_ABOUT, "about")}
_DIRECTION = {**dict.fromkeys(_UP, "up"), **dict.fromkeys(_DOWN, "down")}
_BEFORE = LazyPattern(rf"(?:{_alternation((*_BEFORE_BOUND, *_DIRECTION, *_LEAD))})\Z")
_AFTER = LazyPattern(r"以上|以下|左右|上下|以内|之内")
_AFTER_BOUND = {"以上": "min", "以下": "max", "左右": "about", "上下": "about", "以内": "max", "之内": "max"}
# 最近三年 and 近5年 are "the last (three) years", not "nearly three".
_NOT_ABOUT = set("最附邻靠贴")
# 节约, 签约, 制约, 契约, 公约, 条约, 合约, 预约, 履约, 违约, 集约, 简约, 特约: words that end in 约.
_NOT_ABOUT_YUE = set("节签制契公条合预履违集简特")
_TIME_UNITS = frozenset({"年", "个月", "月", "天", "日", "周"})

_RANGE_SEPARATOR = LazyPattern(r"[—–\-~～至到]|——")
# Characters that make a following one-character numeral part of a word: 统一, 唯一, 万一, 之一, 新一轮.
_WORD_BEFORE = set("统唯单同逐划专万之其新另任每不劣")  # 劣五类水体: a grade
_FIXED = ("一次性", "一条龙", "一家亲", "五位一体", "四位一体", "三位一体", "两位一体", "两位数", "三位数")
_ORDINAL_AFTER = LazyPattern(r"中全会|次(?:全体)?会议|次全会")
_CLAUSE_START = set("。；：;:！？!?\n\t 　，,")
_LATIN = LazyPattern(r"[A-Za-z]")
# Numbers that are codes, not quantities: formulas (“1+2+4+N”), ratios (1∶3.4), fractions (1/3),
# labels of events (“23·7”), clock times and dashed dates (2026-02-02 09:02:33).
_CODE = LazyPattern(
    r"[0-9０-９A-Za-z.．]+(?:[+＋·∶:/／][0-9０-９A-Za-z.．]+)+|[0-9]{4}-[0-9]{1,2}(?:-[0-9]{1,2})?(?![0-9])"
)


@dataclass(frozen=True)
class Figure:
    """One figure: offsets [start, end) into the text cover the number and its unit."""

    start: int
    end: int
    text: str
    value: float | None  # number × scale, in base units; None for a range
    low: float | None
    high: float | None
    unit: str  # the measure word or unit after any magnitude, normalised (％ → %); "" when bare
    scale: float  # the magnitude multiplier: 1, 1e4 (万), 1e8 (亿)
    kind: Kind = "quantity"
    before: str = ""  # qualifier words right before the figure (力争增长, 超过)
    after: str = ""  # qualifier word right after it (以上, 左右)
    bound: Bound = "exact"
    direction: Literal["up", "down"] | None = None
    label: str = ""  # the noun of a numbered abbreviation (“两个目标” → 目标)

    @property
    def qualifier(self) -> str:
        return self.before + ("…" if self.before and self.after else "") + self.after

    @property
    def is_range(self) -> bool:
        return self.value is None

    @property
    def is_count(self) -> bool:
        """An exact whole number of things: what a list of items can be compared with."""
        return (self.kind == "abbreviation" or self.unit in COUNT_UNITS) and self.value is not None \
            and self.value == int(self.value)


@dataclass(frozen=True)
class Item:
    """One item of an enumeration, with its offsets in the paragraph's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Enumeration:
    """A list of named items (A、B和C), which a count before it may number."""

    items: tuple[Item, ...]
    open: bool  # the list ends with 等: the count may be larger than the items
    #: what joins the last two items: "、", or 和/及/以及/与, which may also sit inside one
    #: name (信息传输、租赁和商务服务业 is two industries), so the list may be one shorter
    last_joiner: str = "、"


@dataclass(frozen=True)
class Respectively:
    """``A、B分别达到x、y``: the subjects before 分别 and the values after it."""

    start: int  # offsets of 分别
    end: int
    subjects: tuple[Item, ...]
    values: tuple[Figure, ...]
    last_joiner: str = "、"  # between the last two subjects, as in ``Enumeration``


def chinese_value(numeral: str) -> float | None:
    """Value of a Chinese numeral (两, 十二, 一百零五, 六亿五千万, 五十五点五, 二〇二五),
    or None when it is not one well-formed number (十四五, 五一, 一一)."""
    whole, _, fraction = numeral.partition("点")
    if fraction:
        if any(c not in _CN_DIGITS or c == "两" for c in fraction):
            return None
        integer = chinese_value(whole)
        digits = "".join(str(_CN_DIGITS[c]) for c in fraction)
        return None if integer is None else integer + float("0." + digits)
    if whole.endswith("万亿"):
        base = chinese_value(whole[:-2])
        return None if base is None else base * 1e12
    total, section, digit, zero = 0.0, 0, None, False
    last_small, last_big = 10**6, 1e13
    for char in whole:
        if char in _CN_DIGITS:
            if _CN_DIGITS[char] == 0:
                if digit is not None:
                    return None
                zero = True
            elif digit is not None:
                return None  # two digits in a row: 十五五, 五一
            else:
                digit = _CN_DIGITS[char]
        elif char in _CN_SMALL:
            unit = _CN_SMALL[char]
            if unit >= last_small or (digit is None and (char != "十" or section or zero or total)):
                return None
            section += (1 if digit is None else digit) * unit
            digit, zero, last_small = None, False, unit
        else:
            unit = _CN_BIG[char]
            section += digit or 0
            if unit >= last_big or not section:
                return None
            total += section * unit
            section, digit, zero, last_small, last_big = 0, None, False, 10**6, unit
    if digit is not None and not zero:
        # 两万三 is 23000, 三百五 350, 一千五 1500: a digit right after a unit counts in the unit
        # below it (after 十 that is one; 一万零三 names its 零 and is 10003)
        if last_small < 10**6:
            return total + section + digit * last_small // 10
        if last_big < 1e13 and not section:
            return total + digit * last_big / 10
    return total + section + (digit or 0)


def digit_by_digit(numeral: str) -> int | None:
    """二〇二五 → 2025: a year written digit by digit."""
    if len(numeral) == 4 and all(c in _CN_DIGITS and c != "两" for c in numeral):
        return int("".join(str(_CN_DIGITS[c]) for c in numeral))
    return None


def _arabic(number: str) -> float:
    return float(number.translate(_FULL_WIDTH).replace(",", "").replace("，", ""))


def _qualifiers(text: str, start: int, unit: str) -> tuple[str, Bound, str | None]:
    """The chain of qualifier words ending at *start* (力争 + 增长), its bound and direction."""
    words, bound, direction, pos = [], "exact", None, start
    while pos > 0 and text[pos - 1] in " \u3000":  # 分别下降 9.66%
        pos -= 1
    for _ in range(3):
        match = _BEFORE.search(text, max(0, pos - 4), pos)
        if not match:
            break
        word = match.group()
        if word == "近" and ((match.start() > 0 and text[match.start() - 1] in _NOT_ABOUT) or unit in _TIME_UNITS):
            break  # 最近三年, 近5年: the last years, not "nearly"
        if word.startswith("约") and match.start() > 0 and text[match.start() - 1] in _NOT_ABOUT_YUE:
            break  # 节约400亿元, 签约50个: 约 ends a word here, it does not make an estimate
        words.append(word)
        if bound == "exact" and word in _BEFORE_BOUND:
            bound = _BEFORE_BOUND[word]
        direction = direction or _DIRECTION.get(word)
        pos = match.start()
    return "".join(reversed(words)), bound, direction


# 三大队: 大 opens the name of a numbered brigade, not a count of big ones (三大队伍 is a count)
_UNIT_AFTER_BIG = LazyPattern(r"队(?!伍)")


def _ordinal_context(text: str, start: int, end: int, numeral: str, unit: str, value: float) -> bool:
    """Whether the number at [start, end) names a position rather than a quantity."""
    if (start and text[start - 1] == "第") or unit == "号":
        return True
    if unit == "届" or _ORDINAL_AFTER.match(text, end - len(unit) if unit == "次" else end):
        return unit != "次" or "届" in text[max(0, start - 12) : start]
    if unit == "大" and (value > 10 or _UNIT_AFTER_BIG.match(text, end)):
        return True  # 党的二十大; 交警支队三大队 (the third brigade), 三大队大队长
    at_clause_start = start == 0 or text[start - 1] in _CLAUSE_START
    following = text[end : end + 1]
    if not unit and at_clause_start and following and following in "、.．":
        return following != "." or not text[end + 1 : end + 2].isdigit()
    if not unit and text[end : end + 1] == "是" and at_clause_start and numeral:
        return True  # 一是 / 二是
    if not unit and start and text[start - 1] in "（(" and text[end : end + 1] in "）)":
        return True
    return start > 0 and text[start - 1] == "其" and not unit


def _one_number(text: str, match: re.Match[str]) -> Figure | None:
    """The figure at a number match, with its unit and qualifiers; None when it is not one."""
    start = match.start()
    if match.group("ar") and (_in_code(text, match) or _quoted_alone(text, match.start(), match.end())
                              or text.startswith("版", match.end())):
        return None  # “141”, 3.0版, 1+2+4+N, 1∶3.4: names and ratios, not quantities
    if match.group("pct"):
        value = 100.0 if match.group("pctnum") == "百" else chinese_value(match.group("pctnum"))
        if value is None:
            return None
        end, unit, scale, approx, numeral = match.end(), "%", 1.0, "", ""
    elif match.group("ar"):
        if start and _LATIN.match(text[start - 1]):
            return None  # G20, PM2.5
        value = _arabic(match.group("ar"))
        tail = _ARABIC_TAIL.match(text, match.end())
        if _LATIN.match(text, tail.end() if tail.group("unit") else match.end()):
            return None  # 5G, 3D
        scale = _MAGNITUDES.get(tail.group("mag") or "", 1.0) * _MAGNITUDES.get(tail.group("mag2") or "", 1.0)
        unit, approx, end, numeral = tail.group("unit") or "", tail.group("approx") or "", tail.end(), ""
    else:
        numeral = match.group("cn")
        for i in range(1, len(numeral)):
            if _UNIT_AT.match(text, start + i):  # 六十万千瓦: the run ran into the unit
                numeral = numeral[:i]
                break
        value = chinese_value(numeral)
        year = digit_by_digit(numeral)
        if year is not None and (text.startswith("年", start + len(numeral)) or "〇" in numeral or "零" in numeral):
            end = start + len(numeral) + text.startswith("年", start + len(numeral))
            return _figure(text, start, end, float(year), "年", 1.0, "date")
        if value is None or not value:
            return None
        tail = _CHINESE_TAIL.match(text, start + len(numeral))
        unit, approx, end = tail.group("unit") or "", tail.group("approx") or "", tail.end()
        scale = 1e12 if numeral.endswith("万亿") else _CN_BIG.get(numeral[-1], 1.0)
        value /= scale  # the number as written before its magnitude
        scale *= _MAGNITUDES.get(tail.group("mag2") or "", 1.0)
        if not _chinese_is_figure(text, start, end, numeral, unit):
            if not unit and not approx and _ordinal_context(text, start, end, numeral, unit, value):
                return _figure(text, start, end, value, "", 1.0, "ordinal")
            return None
    unit = _UNIT_NORMAL.get(unit, unit)
    kind: Kind = "quantity"
    if _ordinal_context(text, start, end, numeral, unit, value * scale):
        kind = "ordinal"
    elif unit in ("月", "日") or (unit == "年" and scale == 1 and 1000 <= value < 3000 and value == int(value)
                                  and match.group("ar") and "," not in match.group("ar")):
        kind = "date"
    figure = _figure(text, start, end, value, unit, scale, kind)
    return _replace(figure, bound="min") if approx else figure


# the marks a code joins its parts with (_CODE), one beside a number or inside it
_CODE_MARKS = frozenset("+＋·∶:/／-")


def _in_code(text: str, match: re.Match[str]) -> bool:
    start, end = match.start(), match.end()
    if _CODE_MARKS.isdisjoint(text[max(0, start - 1) : end + 1]):
        return False
    for code in _CODE.finditer(text, max(0, start - 24), min(len(text), end + 24)):
        if code.start() <= start and end <= code.end():
            return True
    return False


def _quoted_alone(text: str, start: int, end: int) -> bool:
    return 0 < start and text[start - 1] in _QUOTE_OPEN and text[end : end + 1] in tuple(_QUOTE_CLOSE)


def _chinese_is_figure(text: str, start: int, end: int, numeral: str, unit: str) -> bool:
    """A Chinese numeral reads as a figure when it is a whole number, not part of a word."""
    if len(numeral) > 1:
        return True
    if not unit or (start and text[start - 1] in _WORD_BEFORE):
        return False
    if numeral == "二" or (numeral == "一" and unit not in _ONE_UNITS):
        return False  # 二次, 二期: "second"; 一批, 一轮: not counts
    if text[end : end + 1] == unit[-1] or (numeral == "一" and "一" in (text[end : end + 1], text[max(0, start - 2) : start - 1])):
        return False  # 一个个, 一户一策, 一中一台
    return not any(text.startswith(phrase, start) for phrase in _FIXED)


def _figure(text: str, start: int, end: int, number: float, unit: str, scale: float, kind: Kind) -> Figure:
    value = number * scale
    return Figure(start, end, text[start:end], value, value, value, unit, scale, kind)


def _replace(figure: Figure, **changes: object) -> Figure:
    return Figure(**{**figure.__dict__, **changes})


def _merge_range(text: str, low: Figure, high: Figure) -> Figure | None:
    """3—5万人, 5%—6%, 1—11月: two figures joined by a range separator."""
    between = text[low.end : high.start]
    if not _RANGE_SEPARATOR.fullmatch(between) or "ordinal" in (low.kind, high.kind) or low.value is None:
        return None
    if low.unit and (low.unit != high.unit or (low.scale != 1 and low.scale != high.scale)):
        return None
    scale = low.scale if low.scale != 1 else high.scale
    low_value = (low.value or 0) / low.scale * scale
    kind = high.kind
    return Figure(low.start, high.end, text[low.start : high.end], None, low_value, high.value, high.unit, scale, kind)


def _quoted_labels(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names built from two numerals (“五个一”, “两高四着力”): labels."""
    return [m.span() for m in _QUOTED_NAME.finditer(text) if len(_CN_RUN.findall(m.group())) > 1]


def _abbreviations(text: str) -> list[Figure]:
    found = []
    for match in _QUOTED.finditer(text):
        value = chinese_value(match.group("num"))
        if value is None or value < 2 or match.group("num") == "二" or _AFTER.match(match.group("noun")):
            continue  # “一网通办”, “二次创业”: labels, not counts; “两个以上…”: a bound
        start, end = match.start("num"), match.end("noun")
        found.append(Figure(start, end, text[start:end], value, value, value, match.group("measure") or "", 1.0,
                            "abbreviation", label=match.group("noun")))
    return found


_QUOTE_OPEN, _QUOTE_CLOSE = "“\"「『‘", "”\"」』’"
_QUOTED = LazyPattern(
    rf"[{_QUOTE_OPEN}](?P<num>[二两三四五六七八九十百千]+)(?P<measure>个|项|张|条|种|类|件|大|位|支|本|份)?"
    rf"(?P<noun>[^{_QUOTE_OPEN}{_QUOTE_CLOSE}0-9０-９零〇一二两三四五六七八九十百千万亿、，。；：,;:\s]{{1,8}})"
    rf"[{_QUOTE_CLOSE}]"
)


_CN_RUN = LazyPattern(r"[零〇一二两三四五六七八九十百千万亿]+")
_QUOTED_NAME = LazyPattern(rf"[{_QUOTE_OPEN}][一二两三四五六七八九十][^{_QUOTE_OPEN}{_QUOTE_CLOSE}]{{1,10}}[{_QUOTE_CLOSE}]")


def figures(text: str, *, labels: bool = False) -> list[Figure]:
    """Every figure in *text*, in order of position.

    Labels (kind "ordinal" and "date") only when *labels* is true: they name a
    position or a day rather than measure something.
    """
    abbreviations = _abbreviations(text)
    # Spans already read as labels, in order: the matches come in order too, so one pointer
    # walks both (a long paragraph has thousands of each).
    taken = sorted([(f.start, f.end) for f in abbreviations] + _quoted_labels(text))
    next_taken, reach = 0, -1  # reach: the furthest end of the spans starting at or before a match
    found: list[Figure] = []
    for match in _NUMBER.finditer(text):
        while next_taken < len(taken) and taken[next_taken][0] <= match.start():
            reach = max(reach, taken[next_taken][1])
            next_taken += 1
        if match.start() < reach:
            continue
        figure = _one_number(text, match)
        if figure is None:
            continue
        if found and (merged := _merge_range(text, found[-1], figure)):
            found[-1] = merged
            continue
        found.append(figure)
    result = []
    for figure in found:
        if figure.kind in ("ordinal", "date"):
            if labels:
                result.append(figure)
            continue
        before, bound, direction = _qualifiers(text, figure.start, figure.unit)
        after = _AFTER.match(text, figure.end)
        if after:
            bound = _AFTER_BOUND[after.group()]
        elif figure.bound != "exact":
            bound = figure.bound  # 300多家: 多 inside the figure
        after_word = after.group() if after else ""
        # most figures have no qualifier: kept as made
        if (before, after_word, bound, direction) != (figure.before, figure.after, figure.bound, figure.direction):
            figure = _replace(figure, before=before, after=after_word, bound=bound, direction=direction)
        result.append(figure)
    result.extend(abbreviations)
    result.sort(key=lambda f: f.start)
    return result


# -- what a count counts -------------------------------------------------------

# Parentheses do not end an item: 污水治理（管控）率 is one.
_ITEM_BOUNDARY = LazyPattern(r"[，。；：,;:！？!?\n]")
# Items after the first are names, not clauses (the first one may carry its clause's verb).
MAX_ITEM = 20
_LAST_JOINER = LazyPattern(r"以及|和|及|与")
# Words that hold a joiner character without joining two items.
_JOINER_WORDS = frozenset({"和谐", "和平", "共和", "温和", "缓和", "饱和", "调和", "和美", "和睦", "中和", "总和", "柔和",
                           "祥和", "平和", "和解", "和合", "及时", "普及", "涉及", "及早", "危及", "波及", "惠及", "企及",
                           "参与", "与会", "给与", "与其", "以及"})
#: Words that hold 和/及/与 without joining two items (和平, 普及, 参与).
JOINER_WORDS = _JOINER_WORDS
_OPENERS, _CLOSERS = "（(《“‘「『【", "）)》”’」』】"
_OUTLINE_MARKER = LazyPattern(r"[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2}")
_OPEN_MARKERS = ("等", "等共", "共", "合计", "总计", "这", "这些")


def _split_last(text: str, start: int, end: int) -> list[Item]:
    """Split the last part of a list at its joiner (A、B和C → B, C)."""
    for match in reversed(list(_LAST_JOINER.finditer(text, start, end))):
        i, j = match.start(), match.end()
        if i == start or j == end:
            continue
        if match.group() != "以及" and (text[i - 1 : j] in _JOINER_WORDS or text[i : j + 1] in _JOINER_WORDS):
            continue
        if _inside_brackets(text, start, i):
            continue  # 水富（含盐津和绥江）: a 和 inside a bracket joins nothing of the list
        return [Item(start, i, text[start:i]), Item(j, end, text[j:end])]
    return [Item(start, end, text[start:end])]


def _split_items(text: str, start: int, end: int) -> list[Item]:
    """Split at each 、 outside brackets and quotes: 昭阳（鲁甸、巧家）、镇雄 is two items."""
    items, pos, depth = [], start, 0
    for i in range(start, end):
        char = text[i]
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif char == "、" and not depth:
            items.append(Item(pos, i, text[pos:i]))
            pos = i + 1
    return items + _split_last(text, pos, end)


def _inside_brackets(text: str, start: int, position: int) -> bool:
    depth = 0
    for char in text[start:position]:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
    return depth > 0


# 等 that closes a list (A、B等地区), not the 等 of 平等, 同等, 等级, 等待, 等于.
_CLOSING_DENG = LazyPattern(r"(?<![平同相对均优中高上初超次])等(?![级待于同值额效])")


def enumeration_before(text: str, end: int, *, joined: bool = True) -> Enumeration | None:
    """The list of items ending at *end* (the start of a count): 昭阳、镇雄、水富 before
    3个省级物流枢纽, or the quoted “正面、负面、倡导” before 3张清单.

    The first item runs back to the start of its clause, so it may carry a
    verb (打造昭阳); the number of items is what the count is compared with.
    Items are split at 、 and the last one at 和/及/以及/与; with *joined* false a
    list needs at least one 、 (坚持和落实 is not a list of two). An outline number
    that opens the clause (二、城镇、农村…) is not an item.
    """
    is_open = False
    for marker in sorted(_OPEN_MARKERS, key=len, reverse=True):
        if text.endswith(marker, 0, end):
            end -= len(marker)
            is_open = marker.startswith("等")
            break
    if end > 0 and text[end - 1] in _QUOTE_CLOSE:
        opening = max(text.rfind(q, max(0, end - 60), end - 1) for q in _QUOTE_OPEN)
        if opening < 0:
            return None
        items = _split_items(text, opening + 1, end - 1)
    else:
        window = max(0, end - 120)
        boundaries = [m.end() for m in _ITEM_BOUNDARY.finditer(text, window, end)]
        start = boundaries[-1] if boundaries else window
        items = _split_items(text, start, end)
    if len(items) > 1 and _OUTLINE_MARKER.fullmatch(items[0].text.strip()) \
            and not _OUTLINE_MARKER.match(items[1].text.strip()):
        items = items[1:]  # 二、城镇、农村居民收入: an outline number, not 一、二、三产业
    if len(items) < 2 or any(not item.text.strip() for item in items):
        return None
    if any(len(item.text) > MAX_ITEM for item in items[1:]) or (not joined and "、" not in text[items[0].end : end]):
        return None
    if _CLOSING_DENG.search(items[-1].text):
        # …、丹溪市河西区等民族地区持续深化“三交”: 等 closed the list inside the last "item";
        # what follows is a sentence of its own, and the count after it counts something else
        return None
    return Enumeration(tuple(items), is_open, text[items[-2].end : items[-1].start])


def counted_enumerations(text: str, found: list[Figure] | None = None) -> list[tuple[Enumeration, Figure]]:
    """Each count (3个, “四业”) that directly follows a list of at least two items, with that list.

    Only exact counts of two or more, and only lists whose items hold no figure
    of their own: in 新增公园35个、全市公园总数达1100个 the 、 separates two
    statements, not the items of one count.
    """
    found = figures(text) if found is None else found
    starts = [f.start for f in found if f.kind in ("quantity", "abbreviation")]
    pairs = []
    for figure in found:
        if not figure.is_count or figure.value < 2 or figure.bound != "exact" or figure.direction:
            continue
        end = figure.start
        if figure.kind == "abbreviation" and end and text[end - 1] in _QUOTE_OPEN:
            end -= 1
        enumeration = enumeration_before(text, end, joined=False)
        if enumeration and "分别" in text[enumeration.items[-1].start : end]:
            continue  # 县人民医院、县中医院分别成功创建三级综合医院: what follows 分别 is each one's
        if enumeration and bisect_left(starts, enumeration.items[0].start) == bisect_left(starts, end):
            pairs.append((enumeration, figure))  # no figure among the items
    return pairs


_RESPECTIVELY = LazyPattern("分别")
_VALUE_JOINER = LazyPattern(r"、|和|及|以及|与")
_LEAD_GAP = LazyPattern(r"[^，。；：,;:！？!?、（）()“”\n]{0,8}")


def respectively(text: str, found: list[Figure] | None = None) -> list[Respectively]:
    """Each ``A、B分别…x、y``: the subjects listed before 分别 and the figures after it."""
    if "分别" not in text:
        return []
    found = figures(text) if found is None else found
    starts = [f.start for f in found]
    result = []
    for match in _RESPECTIVELY.finditer(text):
        enumeration = enumeration_before(text, match.start())
        subjects, joiner = (enumeration.items, enumeration.last_joiner) if enumeration else ((), "")
        values: list[Figure] = []
        gap = _LEAD_GAP.match(text, match.end())
        for index in range(bisect_left(starts, match.end()), len(found)):
            figure = found[index]
            if not values:
                if figure.start > gap.end():
                    break
            elif not _VALUE_JOINER.fullmatch(text[values[-1].end + len(values[-1].after) : figure.start]):
                break
            values.append(figure)
        result.append(Respectively(match.start(), match.end(), subjects, _share_unit(values), joiner))
    return result


def _share_unit(values: list[Figure]) -> tuple[Figure, ...]:
    """分别提高15、22个百分点: a bare value takes the unit written once after the last one."""
    if not values or not values[-1].unit:
        return tuple(values)
    last = values[-1]
    return tuple(
        _replace(v, unit=last.unit, scale=last.scale, value=v.value * last.scale, low=v.low * last.scale,
                 high=v.high * last.scale)
        if not v.unit and v.scale == 1 and v.value is not None else v
        for v in values
    )


def document_figures(document: Document) -> list[list[Figure]]:
    """``figures`` of every paragraph of *document*, computed once and shared by the rules."""
    return document.analysis("figures", lambda doc: [figures(p.text) for p in doc.paragraphs])
