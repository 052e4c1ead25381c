"""RL304 part-exceeds-whole: a part given after 其中 larger than the whole before it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, Paragraph
from ..figures import Figure, document_figures
from ..indicators import rounding
from ..model import Related, Violation, rule

_OF_WHICH = re.compile(r"其中(?!的)[，,：:]?")
# The clause of the parts ends at a comma: what follows is a new statement
# (完成营造林40万亩以上、其中南北山绿化工程20万亩，修复治理退化草原220万亩), and so
# does a parenthesis: 300人（其中…100人）左右、银龄技师1000人左右.
_CLAUSE_END = re.compile(r"[，,。；;！？!?）)]")
_SENTENCE_START = re.compile(r"[。；;！？!?]")
# Rates and multiples of a part are not shares of the whole: exports may grow faster than trade.
_NOT_AMOUNTS = frozenset({"%", "‰", "个百分点", "百分点", "倍"})
# Between the whole and 其中 there may be a rate or a change of the whole (688.3万户、增长5.9%，其中…).
MAX_GAP = 16
# An average or a rate per unit is no sum of its parts.
_AVERAGE = re.compile(r"人均|平均|均价|均值|每|单价|价格|房价")
# 约 and 左右 admit this much.
_ABOUT = 0.1
_BOUND_WORDS = ("不低于", "不少于", "不超过", "控制在", "超过", "突破", "大约", "约", "近", "超", "逾")


@dataclass(frozen=True)
class Part:
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


def _whole_before(text: str, at: int, found: list[Figure]) -> Figure | None:
    """The amount 其中 at *at* divides: the nearest one before it in the sentence."""
    starts = [0] + [m.end() for m in _SENTENCE_START.finditer(text, 0, at)]
    # 共达十亿零七千万亩。其中有六亿一千万亩: a sentence that opens with 其中 divides the one before.
    sentence_start = starts[-2] if len(starts) > 1 and not text[starts[-1] : at].strip() else starts[-1]
    before = [f for f in found if sentence_start <= f.start and f.end <= at]
    amounts = [f for f in before if _is_amount(f)]
    if not amounts or at - (amounts[-1].end + len(amounts[-1].after)) > MAX_GAP:
        return None
    whole = amounts[-1]
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, sentence_start, whole.start)), default=sentence_start)
    if _AVERAGE.search(text, clause_start, whole.start) or text.startswith(("/", "／"), whole.end):
        return None  # 人均3万元，其中城镇居民4.5万元: parts of an average or a price may exceed it
    # Only rates and changes of the whole may stand between it and 其中, never another amount.
    if any(f.start > whole.start and f.unit not in _NOT_AMOUNTS for f in before):
        return None
    return whole


def _parts_after(text: str, start: int, found: list[Figure], unit: str) -> list[Figure]:
    """The amounts of the 其中 clause, in the whole's unit (a list joined by 、 counts)."""
    end_match = _CLAUSE_END.search(text, start)
    end = end_match.start() if end_match else len(text)
    return [f for f in found if start <= f.start and f.end <= end and f.kind == "quantity" and f.unit == unit]


def _exceeds(part: Figure, whole: Figure) -> bool:
    part_value, whole_value = part.value or 0.0, whole.value or 0.0
    if "about" in (part.bound, whole.bound):
        return part_value > whole_value * (1 + _ABOUT)
    return part_value > whole_value + rounding(whole)  # 新增12万人，其中12.3万人: 12万 may be rounded


@rule(code="RL304", name="part-exceeds-whole", severity="warning", summary="部分大于整体")
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

    Rates and multiples (%, 个百分点, 倍) are not compared: a part may grow
    faster than its whole; nor are averages and prices (人均, 平均, 元/吨),
    where a part may lie above the whole's figure. A change of the part (增加110万套) is compared
    only with a change of the whole.

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
        if "其中" not in paragraph.text or paragraph.kind in ("title", "meta", "artifact"):
            continue
        for match in _OF_WHICH.finditer(paragraph.text):
            yield from _check(paragraph, match, found)


def _check(paragraph: Paragraph, match: re.Match[str], found: list[Figure]) -> Iterator[Violation]:
    text = paragraph.text
    whole = _whole_before(text, match.start(), found)
    if whole is None:
        return
    parts = [f for f in _parts_after(text, match.end(), found, whole.unit) if f.direction == whole.direction]
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
