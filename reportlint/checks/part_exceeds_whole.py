"""RL304 part-exceeds-whole: a part given after 其中 larger than the whole before it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ..analysis.figures import Figure, document_figures
from ..analysis.indicators import rounding
from ..model import Related, Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

_OF_WHICH = LazyPattern(r"其中(?!的)[，,：:]?")
# The clause of the parts ends at a comma: what follows is a new statement
# (完成营造林40万亩以上、其中南北山绿化工程20万亩，修复治理退化草原220万亩), and so
# does a parenthesis: 300人（其中…100人）左右、银龄技师1000人左右.
_CLAUSE_END = LazyPattern(r"[，,。；;！？!?）)]")
_SENTENCE_START = LazyPattern(r"[。；;！？!?]")
# Rates and multiples of a part are not shares of the whole: exports may grow faster than trade.
_NOT_AMOUNTS = frozenset({"%", "‰", "个百分点", "百分点", "倍"})
# Between the whole and 其中 there may be a rate or a change of the whole (688.3万户、增长5.9%，其中…).
MAX_GAP = 16
# How far a sentence is read back from 其中, and its parts forward: the paragraph's length
# must not multiply the work of each 其中.
LOOK = 300
# An average or a rate per unit is no sum of its parts: 人均3万元，其中城镇居民4.5万元;
# 年均超收2040亿元，其中去年2573亿元 (one year may pass the yearly average). 均 makes the
# average in every compound (人均, 年均, 日均, 户均, 生均, 次均, 平均, 均价) and means "each" as an
# adverb (均突破500亿元), where no sum is meant either; 均衡, 均等 and 均匀 are not averages.
_AVERAGE = LazyPattern(r"均(?![衡等匀])|每|单价|价格|房价")
# A change against another period or a difference between two amounts is no whole either: the
# parts of a net change may each be larger than it (财政收入比上年增加500亿元，其中税收增加800亿元,
# 超收800亿元，其中中央超收900亿元). Additions of the period (新增, 新建) are sums of their parts.
_DIFFERENCE = LazyPattern(r"(?<![占])比(?![重例率])|较|同比|环比|超收|超支|减收|增收|节支|节约|节省|净增|净减|净流|顺差|逆差|差额|缺口|"
                         r"多收|少收|多支|少支|高出|低于|高于")
# 约 and 左右 admit this much.
_ABOUT = 0.1
_ADDITIONS = ("新增", "新建", "新开工", "新设", "新引进")
_BOUND_WORDS = ("不低于", "不少于", "不超过", "控制在", "超过", "突破", "大约", "约", "近", "超", "逾")


@dataclass(frozen=True)
class Part:
    """A figure that a clause gives as part of a whole, and where its quotation starts."""

    figure: Figure
    start: int  # with the bound word before the number, as quoted

    @property
    def end(self) -> int:
        return self.figure.end + len(self.figure.after)


def _quoted(figure: Figure) -> Part:
    bound = next((w for w in _BOUND_WORDS if figure.before.endswith(w)), "")
    return Part(figure, figure.start - len(bound))


def _is_amount(figure: Figure) -> bool:
    return figure.kind == "quantity" and figure.value is not None and bool(figure.unit) \
        and figure.unit not in _NOT_AMOUNTS


def _whole_before(text: str, at: int, found: list[Figure], starts: list[int]) -> Figure | None:
    """The amount 其中 at *at* divides: the nearest one before it in the sentence."""
    sentence_start = _sentence_start(text, at)
    # 共达十亿零七千万亩。其中有六亿一千万亩: a sentence that opens with 其中 divides the one before.
    opens_sentence = bool(sentence_start) and not text[sentence_start:at].strip()
    if opens_sentence:
        # …营业总收入412.36亿元，增长9.6%；利润总额18.74亿元；上缴税费23.58亿元。其中，市属企业营业总
        # 收入286.47亿元: it may divide any clause of the sentence before, read to its full stop
        sentence_start = _sentence_start(text, sentence_start - 1, _FULL_STOP)
    before = [f for f in found[bisect_left(starts, sentence_start) : bisect_left(starts, at)] if f.end <= at]
    amounts = [f for f in before if _is_amount(f) and not _attributive(text, f)]
    if not amounts or at - (amounts[-1].end + len(amounts[-1].after)) > MAX_GAP:
        return None
    whole = amounts[-1]
    if (len(amounts) >= 2 and amounts[-2].unit == whole.unit and "、" in text[amounts[-2].end : whole.start]
            and any(mark in text[whole.end : at] for mark in "，,")):
        return None  # 19件，已办结16件、正在办理3件，其中…: after a breakdown and a comma, 其中 may divide the total
    if opens_sentence and sum(f.unit == whole.unit for f in amounts) >= 2:
        # 新增债券182.2亿元，按领域分：交通46.8亿元，…其他领域8.8亿元。其中，…18.6亿元: after a
        # sentence of several amounts, 其中 may divide any of them, most often the first.
        return None
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, sentence_start, whole.start)), default=sentence_start)
    if _AVERAGE.search(text, clause_start, whole.start) or text.startswith(("/", "／"), whole.end):
        return None  # 人均3万元，其中城镇居民4.5万元: parts of an average or a price may exceed it
    if _is_change(whole) or _DIFFERENCE.search(text, clause_start, whole.start):
        return None  # 比上年增加500亿元, 超收800亿元: a change or a difference, not a whole
    if _EACH.search(text, clause_start, whole.start):
        return None  # 16个村集体经济收入全部超过10万元: a floor each one passes, not an amount of all
    if _ASIDE.match(text, clause_start):
        return None  # …58件，另有上年结转申请4件。其中…: an aside; 其中 divides the sentence's subject
    # Only rates and changes of the whole may stand between it and 其中, never another amount.
    if any(f.start > whole.start and f.unit not in _NOT_AMOUNTS for f in before):
        return None
    return whole


# 全部, 均, 都, 每个: the figure is said of each of them, not of their sum
_EACH = LazyPattern(r"(?:全部|均|都)(?=超过|达到|突破|高于|在|为|不低于|不少于)|每[个家户人所项村]")
# 另有上年结转申请4件, 此外还有…: a clause added beside the sentence's own amount
_ASIDE = LazyPattern(r"\s*(?:另有|另外|此外|还有|加上|外加)")


_FULL_STOP = LazyPattern(r"[。！？!?]")


def _sentence_start(text: str, at: int, ends_at: re.Pattern[str] = _SENTENCE_START) -> int:
    """Where the sentence holding *at* starts, looking back at most ``LOOK`` characters (the
    whole stands right before 其中, so a longer sentence is read from there)."""
    window = max(0, at - LOOK)
    ends = [m.end() for m in ends_at.finditer(text, window, at)]
    return ends[-1] if ends else window


def _is_change(figure: Figure) -> bool:
    """增加500亿元, 下降3万吨: a change of an amount (新增, 新建 and 净增 are judged by their words)."""
    return figure.direction is not None and not figure.before.endswith(_ADDITIONS)


def _parts_after(text: str, start: int, found: list[Figure], starts: list[int], unit: str) -> list[Figure]:
    """The amounts of the 其中 clause, in the whole's unit (a list joined by 、 counts)."""
    end_match = _CLAUSE_END.search(text, start, start + LOOK)
    end = end_match.start() if end_match else min(len(text), start + LOOK)
    return [f for f in found[bisect_left(starts, start) : bisect_left(starts, end)]
            if f.end <= end and f.kind == "quantity" and f.unit == unit and not _attributive(text, f)]


# 60岁及以上人口, 5000万元以下项目: a bound that a noun follows names a class (not 以上、 or 以上，)
_CLASS_BOUND = LazyPattern(r"及?以[上下](?=[\u4e00-\u9fff])")


def _attributive(text: str, figure: Figure) -> bool:
    """超过30万元的村, 年收入10万元以上的企业, 60岁及以上人口: a figure before 的, or a bound before a
    noun, names a class of the whole or the part (villages above a threshold, people of an age),
    not its amount: the amount is what is counted after it."""
    tail = text[figure.end : figure.end + 4]
    return tail.startswith("的") or tail.startswith(("以上的", "以下的")) or _CLASS_BOUND.match(tail) is not None


def _exceeds(part: Figure, whole: Figure) -> bool:
    part_value, whole_value = part.value or 0.0, whole.value or 0.0
    if "about" in (part.bound, whole.bound):
        return part_value > whole_value * (1 + _ABOUT)
    return part_value > whole_value + rounding(whole)  # 新增12万人，其中12.3万人: 12万 may be rounded


@rule(code="RL304", name="part-exceeds-whole", severity="warning", summary="部分大于整体",
      rationale="部分大于整体，不是录入错误就是沿用了旧稿的数字，会让读者怀疑周围的每一个数字。",
      reads=("figures",))
def part_exceeds_whole(doc: Document, _opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Finds a part given after 其中 that is larger than the whole it divides,
    in the same unit: “新增营造林148万亩、其中南北山绿化工程430万亩”. Figures
    compare after their magnitude (1.2万人 is more than 9000人). The whole
    is the amount right before 其中 in the same sentence, or at the end of
    the sentence before when 其中 opens one (a rate or a change of it may
    stand between: 688.3万户、增长5.9%，其中企业162.5万户); the parts are the
    amounts of the 其中 clause, up to the next comma or closing parenthesis.

    With a colon (其中：A 1550名、B 1000名…) the list is read as a
    breakdown of the whole, and parts that add up to more than an exact
    whole are reported too. Without one, parts may overlap (高新技术企业 and
    专精特新企业 can be the same firms), so only each part alone is compared.

    It deliberately does not report what is not a whole of its parts:

    - rates and multiples (%, 个百分点, 倍): a part may grow faster than its
      whole (工农业总产值增长5.5％，其中，工业总产值增长6％);
    - averages and prices (人均, 年均, 日均, 生均, 平均, 元/吨), where one part or one
      year may lie above the whole's figure: 年均超收2040亿元，其中去年2573亿元;
      医院医师日均担负住院2.1床日，其中：公立医院医师日均担负住院2.2床日;
    - a change against another period or a difference between two amounts: the
      change of one part may pass the net change (财政收入比上年增加500亿元，其中
      税收收入增加800亿元; 超收800亿元，其中中央财政超收900亿元). What the period
      added (新增, 新建) is a whole and is compared;
    - a figure that names a class, before 的 or a bound before a noun (超过30万元的村,
      60岁及以上人口占比达到24.6%，其中65岁及以上人口…): the amount is what follows;
    - parts in another unit, or parts of a clause after the next comma
      (完成营造林40万亩以上、其中南北山绿化工程20万亩，修复治理退化草原220万亩);
    - a sentence opening with 其中 after one of several amounts, even in clauses
      apart by semicolons: it may divide any of them (营业总收入412.36亿元，…；上缴税费
      23.58亿元。其中，市属企业营业总收入286.47亿元).

    ## Why it matters
    A part larger than its whole is a typing slip or a figure left from an
    older draft, and it makes the reader doubt every number around it.

    ## Example
    Bad:
        科学实施重大生态修复工程，新增营造林148万亩、其中南北山绿化工程430万亩。
    Good:
        奖补支持经营主体上规上限提质发展，净增“六上企业”700户以上，其中净增“四上企业”400户以上。

    ## Options
    None.
    """
    for paragraph, found in zip(doc.paragraphs, document_figures(doc)):
        if "其中" not in paragraph.text or not paragraph.is_body or paragraph.kind == "title":
            continue
        starts = [f.start for f in found]
        for match in _OF_WHICH.finditer(paragraph.text):
            yield from _check(paragraph, match, found, starts)


# 其中1984年…: a year of the period the sentence covers, whose level may pass the period's last
_YEAR_AFTER = LazyPattern(r"[，,\s]*(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年")


def _check(paragraph: Paragraph, match: re.Match[str], found: list[Figure], starts: list[int]) -> Iterator[Violation]:
    text = paragraph.text
    if _YEAR_AFTER.match(text, match.end()):
        return  # 由1982年的…增加到1987年的8050亿斤，其中1984年达到8130亿斤: a year inside the span
    whole = _whole_before(text, match.start(), found, starts)
    if whole is None:
        return
    parts = [f for f in _parts_after(text, match.end(), found, starts, whole.unit) if f.direction == whole.direction]
    if not parts:
        return
    whole_quote = _quoted(whole)
    whole_text = text[whole_quote.start : whole_quote.end]
    related = (Related(paragraph.span(whole_quote.start, whole_quote.end), f"总数：“{whole_text}”"),)
    for figure in parts:
        if _exceeds(figure, whole):
            part = _quoted(figure)
            part_text = text[part.start : part.end]
            yield Violation(paragraph.span(part.start, part.end),
                            f"“其中”的部分“{part_text}”大于总数“{whole_text}”：部分不应超过整体", related=related)
            return
    if match.group().endswith(("：", ":")) and len(parts) >= 2 and whole.bound == "exact" \
            and all(p.bound == "exact" for p in parts):
        total = sum(p.value or 0.0 for p in parts)
        if total > (whole.value or 0.0) + rounding(whole) + sum(rounding(p) for p in parts):
            last = _quoted(parts[-1])
            listed = "、".join(p.text for p in parts)
            yield Violation(paragraph.span(match.end(), last.end),
                            f"“其中”所列各部分（{listed}）合计{_number(total, whole)}，大于总数“{whole_text}”",
                            related=related)


def _number(total: float, whole: Figure) -> str:
    value = total / whole.scale
    written = f"{value:.4f}".rstrip("0").rstrip(".")
    magnitude = {1e4: "万", 1e8: "亿", 1e12: "万亿"}.get(whole.scale, "")
    return f"{written}{magnitude}{whole.unit}"
