"""RL306 growth-arithmetic: a stated growth or decline that its own two figures contradict."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.changes import (
    StatedChange,
    doublings,
    interval,
    overlaps,
    point_change,
    relative_change,
    stated_changes,
)
from ..analysis.figures import document_figures
from ..model import Violation, rule
from ..text.document import Document

# 翻一番 says "doubled" in round words: a ratio within a tenth of the power of two passes.
_DOUBLING_SLACK = 0.1


@rule(code="RL306", name="growth-arithmetic", severity="warning", summary="增减幅度与前后两个数值不符",
      rationale="读者和审稿人恰恰会复算这类数字；增幅与前后两个数值对不上，两者的可信度都会受损。",
      reads=("figures",))
def growth_arithmetic(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Reports a growth or a decline stated with the two figures it is computed
    from, in one sentence, when the figures do not give it:

    - 由8000万元增加到1.2亿元，增长40% (the figures give 50%);
    - 从1200家降至900家，下降30% (25%);
    - 比上年的3.2万人增加到4.1万人，增长18.1% (28.1%);
    - 由100亿元增加到300亿元，增加了三倍 (three times as much is 增加了两倍,
      or 增加到三倍), 由100亿元增加到300亿元，翻了一番 (a doubling, within a tenth);
    - a rate's change in points: 城镇化率由62.1%提高到64.3%，提高2.5个百分点 (2.2);
    - a change in the wrong direction: 由5.2万人降至4.8万人，增长8.3%.

    Each number is read with the rounding it is written to: 1.2亿 may be
    anything from 1.15亿 to 1.25亿, so 由8000万元增加到1.2亿元，增长48% is
    accepted. Magnitudes (万, 亿), units (元 and 万元) and full-width digits
    are read as written.

    It deliberately does not report:

    - a change whose base is not in the sentence: 增长6.5% against last year
      when last year's figure is not given, 年均增长 (a yearly average over
      several years);
    - estimates: 约, 近, 多, 余 on either figure;
    - a rate's change stated in %, which percentage-point checks when it is
      the difference in points and which is right when it is the relative
      change (城镇化率由60%提高到66%，提高10%).

    ## Why it matters
    Readers and reviewers recompute exactly these figures; a growth rate
    that does not follow from the numbers beside it discredits both.

    ## Example
    Bad:
        全市地区生产总值由8000万元增加到1.2亿元，增长40%。
    Good:
        全市地区生产总值由8000万元增加到1.2亿元，增长50%。

    ## Options
    None.
    """
    for paragraph, found in zip(doc.paragraphs, document_figures(doc)):
        if not paragraph.is_body or len(found) < 2:
            continue
        text = paragraph.text
        for change in stated_changes(text, found):
            message = _contradiction(change)
            if message:
                yield Violation(paragraph.span(change.start, change.end), f"“{text[change.start : change.end]}”：{message}")
        for claim in doublings(text, found, _DOUBLING_SLACK):
            if not claim.origin.value:
                continue
            ratio = claim.result.value / claim.origin.value  # type: ignore[operator]
            if not claim.low <= ratio <= claim.high:
                phrase = text[claim.result.end : claim.end].lstrip("，,（( ")
                message = f"按前后两数计算为原来的{ratio:.2f}倍，与“{phrase}”不符"
                yield Violation(paragraph.span(claim.start, claim.end), f"“{text[claim.start : claim.end]}”：{message}")


def _contradiction(change: StatedChange) -> str | None:
    """What the two figures give instead of the stated change, or None when they allow it."""
    allowed = relative_change(change)
    stated = interval(change.change)
    if change.change.unit == "倍":
        if change.direction == "down":
            return None  # 减少一倍: percentage-point reports 倍 for a fall
        ratio = tuple(1 + r / 100 for r in allowed)
        multiple = ratio if change.to_multiple else tuple(r - 1 for r in ratio)
        if overlaps(multiple, stated):
            return None
        times = change.result.value / change.origin.value  # type: ignore[operator]
        return f"按前后两数计算为原来的{times:.2f}倍（增加了{times - 1:.2f}倍），与所写“{change.change.text}”不符"
    if change.change.unit in ("个百分点", "百分点"):
        points = point_change(change)
        if overlaps(points, stated):
            return None
        actual = change.result.value - change.origin.value  # type: ignore[operator]
        verb = "提高" if actual > 0 else "下降"
        return f"按前后两数计算{verb}{abs(actual):.1f}个百分点，与所写{change.change.text}不符"
    if change.origin.unit == "%" and overlaps(point_change(change), stated):
        return None  # a rate's change in points written with %: percentage-point's case
    if overlaps(allowed, stated):
        return None
    actual = (change.result.value / change.origin.value - 1) * 100  # type: ignore[operator]
    if (actual > 0) != (change.direction == "up") and abs(actual) >= 0.05:
        moved = "增加" if actual > 0 else "减少"
        return f"前后两数是{moved}，所写却是{'增长' if change.direction == 'up' else '下降'}"
    verb = "增长" if actual > 0 else "下降"
    return f"按前后两数计算{verb}{abs(actual):.1f}%，与所写{change.change.text}不符"
