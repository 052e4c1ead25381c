"""Changes stated with the two figures they are computed from: 由A增加到B，增长X%.

growth-arithmetic checks the arithmetic, percentage-point checks that a change of a rate is
given in points. Each stated number is read with the rounding it is written to, so that a
change is wrong only when no values that round to the written ones can give it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..text.lazy_regex import LazyPattern
from .figures import Figure

Direction = Literal["up", "down"]

_UP = "增加|增长|提高|提升|上升|扩大|上涨|增|升"
_DOWN = "下降|减少|降低|缩小|回落|压减|压降|下跌|降|减"
# 由, 从, 比上年的, 较2020年的, 由2020年的: what opens the first figure.
_ORIGIN_LEAD = LazyPattern(r"(?:由|从|比|较)(?:[^，。；：、,;:\d]{0,8}的|[^，。；：、,;:]{0,8}?年末?的)?\s*\Z")
# 增加到, 降至, 提高到 (2025年的): between the two figures, a verb of change and 到 or 至, and
# the second figure's time.
_TO = LazyPattern(rf"\s*[^，。；：、,;:\d%％]{{0,6}}?(?P<verb>{_UP}|{_DOWN})(?:到|至)"
                 r"(?:[0-9０-９]{4}年(?:末|底)?的?|[^，。；：、,;:\d%％]{0,4}的)?\s*\Z")
# ，增长, （下降, ，同比增长了, ，增加到, ，增幅为: between the second figure and the stated change.
_STATED = LazyPattern(
    rf"\s*[，,（(]?\s*(?:同比|比上年|较上年)?(?:(?P<verb>{_UP}|{_DOWN})(?P<perfect>了)?(?P<to>到|为)?"
    r"|(?P<size>增幅|涨幅|增速|降幅|跌幅)(?:为|达|达到|是)?)\s*\Z"
)
# ，翻了一番 / 翻两番: the second figure is the first doubled once or twice.
# …翻了一番多 (more than doubled), 接近翻一番 (nearly): a bound, not the power of two itself.
_DOUBLED = LazyPattern(r"\s*[，,（(]?\s*(?:实现)?(?P<near>接近|将近|近)?翻了?(?P<times>[一两二三])番(?P<more>多|还多|以上)?")
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3}
_POINTS = ("个百分点", "百分点")
_DOWN_VERBS = frozenset(_DOWN.split("|"))
_NUMBER = LazyPattern(r"[0-9０-９][0-9０-９.．]*")


@dataclass(frozen=True)
class StatedChange:
    """由A增加到B，增长X: *origin* A, *result* B, *change* X (%, 个百分点 or 倍)."""

    start: int  # of the word that opens the first figure (由, 从, 比上年的)
    origin: Figure
    result: Figure
    change: Figure
    direction: Direction  # of the stated change
    to_multiple: bool  # 增加到3倍 (B = 3A) rather than 增加了2倍 (B = A + 2A)

    @property
    def end(self) -> int:
        return self.change.end


def stated_changes(text: str, found: list[Figure]) -> list[StatedChange]:
    """Each 由A…到B，verb X of *text*, with *found* its figures in order: X in %, in points
    or in 倍."""
    changes = []
    for lead, origin, result, after in _from_to(text, found):
        if after is None or not _exact(after) or after.unit not in ("%", "倍", *_POINTS):
            continue
        stated = _STATED.match(text[result.end : after.start])
        if stated is None or (stated.group("to") and after.unit != "倍"):
            continue
        if after.unit in _POINTS and origin.unit != "%":
            continue
        verb = stated.group("verb") or stated.group("size")
        direction: Direction = "down" if verb in _DOWN_VERBS or verb in ("降幅", "跌幅") else "up"
        changes.append(StatedChange(lead, origin, result, after, direction, bool(stated.group("to"))))
    return changes


@dataclass(frozen=True)
class Doubling:
    """由A增加到B，翻了N番: the ratio B/A it claims, as (lowest, highest) allowed."""

    start: int
    end: int
    origin: Figure
    result: Figure
    times: int
    low: float
    high: float


def doublings(text: str, found: list[Figure], slack: float) -> list[Doubling]:
    """Each 由A增加到B，翻了N番 of *text*, with the ratios it allows: 2^N within *slack* (a tenth:
    the words are round), more for 翻一番多 (up to the next doubling), less for 接近翻一番."""
    claims = []
    for lead, origin, result, _ in _from_to(text, found):
        doubled = _DOUBLED.match(text, result.end)
        if doubled:
            times = _DOUBLINGS[doubled.group("times")]
            low, high = 2**times * (1 - slack), 2**times * (1 + slack)
            if doubled.group("more"):
                high = 2 ** (times + 1) * (1 + slack)
            if doubled.group("near"):
                low = 2 ** (times - 1) * (1 + slack)
            claims.append(Doubling(lead, doubled.end(), origin, result, times, low, high))
    return claims


def _from_to(text: str, found: list[Figure]):
    """(start, A, B, the figure after B or None) for each 由A…到B of *text* whose figures are
    exact and of one unit."""
    for position, (origin, result) in enumerate(zip(found, found[1:])):
        if origin.unit != result.unit or not _exact(origin) or not _exact(result):
            continue
        lead = _ORIGIN_LEAD.search(text, max(0, origin.start - 12), origin.start)
        if lead is None or not _TO.match(text[origin.end : result.start]):
            continue
        after = found[position + 2] if position + 2 < len(found) else None
        yield lead.start(), origin, result, after


# the words inside a figure that make it rough (300多家, 5万余人, 约3亿, 近百个)
_ROUGH = frozenset("多余约近")


def _exact(figure: Figure) -> bool:
    return figure.value is not None and figure.bound == "exact" and _ROUGH.isdisjoint(figure.text)


def rounding(figure: Figure) -> float:
    """Half the last written digit's place, in the figure's base units: 1.2亿 is 1.15亿 to
    1.25亿, 3万 is 2.5万 to 3.5万; a Chinese numeral (百分之五十五点三, 两倍) is taken as rounded to
    a whole number. (indicators.rounding takes a one-digit figure as exact, as a target is
    meant; the arithmetic of a change must allow every figure its rounding.)"""
    number = _NUMBER.search(figure.text)
    if number is None:
        return 0.5 * figure.scale
    digits = number.group().translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    decimals = len(digits.partition(".")[2])
    return 0.5 * 10**-decimals * figure.scale


def interval(figure: Figure) -> tuple[float, float]:
    assert figure.value is not None
    half = rounding(figure)
    return figure.value - half, figure.value + half


def relative_change(change: StatedChange) -> tuple[float, float]:
    """The change in % of the origin that the two figures allow, as (lowest, highest), signed
    in the stated direction (a rise for 增长, a fall for 下降)."""
    (a_low, a_high), (b_low, b_high) = interval(change.origin), interval(change.result)
    if a_low <= 0:
        return float("-inf"), float("inf")
    low, high = (b_low / a_high - 1) * 100, (b_high / a_low - 1) * 100
    return (low, high) if change.direction == "up" else (-high, -low)


def point_change(change: StatedChange) -> tuple[float, float]:
    """The change in points (B − A) the two figures allow, signed in the stated direction."""
    (a_low, a_high), (b_low, b_high) = interval(change.origin), interval(change.result)
    low, high = b_low - a_high, b_high - a_low
    return (low, high) if change.direction == "up" else (-high, -low)


def overlaps(first: tuple[float, float], second: tuple[float, float]) -> bool:
    return first[0] <= second[1] + 1e-9 and second[0] <= first[1] + 1e-9
