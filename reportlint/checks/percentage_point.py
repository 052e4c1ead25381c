"""RL307 percentage-point: a rate's change given in % where it is in points, and 倍 for a fall."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.changes import interval, overlaps, point_change, relative_change, stated_changes
from ..analysis.figures import document_figures
from ..model import Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

# 减少了一倍, 降低两倍, 下降3倍: a multiple of a fall, which cannot go below nothing.
_FALL_IN_MULTIPLES = LazyPattern(
    r"(?P<verb>下降|减少|降低|缩小|减小|压缩|下跌|回落|缩减)了?\s*(?:约|近)?"
    r"(?P<number>[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十]+(?:点[一二三四五六七八九〇零]+)?)\s*倍"
)


@rule(code="RL307", name="percentage-point", severity="warning", summary="比率的变化应以百分点表示，倍数不能用于减少",
      rationale="从62.1%提高2.2%是63.5%，而不是64.3%：把百分点写成%，变化的大小就差了一个比率的倍数；“减少一倍”则是减到了零以下。",
      reads=("figures",))
def percentage_point(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Follows the statistical usage of 百分点 and 倍 on two forms:

    - a rate, share, ratio or index that changes from one percentage to
      another, with the change given in % although it is the difference in
      points: 城镇化率由62.1%提高到64.3%，提高2.2% (2.2个百分点; a rise of
      2.2% would reach 63.5%), 占比由20.8%降至18.2%，下降2.6%;
    - 倍 for a fall, which cannot be a multiple: 减少了一倍, 降低两倍, 下降3倍
      (a fall is given as a fraction: 减少一半, 降低50%, 下降到三分之一).

    It deliberately does not report:

    - 增长2.2% of a quantity (元, 吨, 人), and a rate's change in %
      when it is the relative change the two rates give (由60%提高到66%，提高10%);
    - a change in points: 提高2.2个百分点;
    - a fall given as a fraction: 减少一半, 降低到原来的三分之一;
    - a rate's change in % whose base is not in the sentence (失业率下降0.2%):
      without both rates it may be either.

    ## Why it matters
    From 62.1% a rise of 2.2% reaches 63.5%, not 64.3%: stating points as %
    misstates the change by the size of the rate. "减少一倍" would leave less
    than nothing.

    ## Example
    Bad:
        全省常住人口城镇化率由62.1%提高到64.3%，提高2.2%。
    Good:
        全省常住人口城镇化率由62.1%提高到64.3%，提高2.2个百分点。

    ## Options
    None.
    """
    for paragraph, found in zip(doc.paragraphs, document_figures(doc)):
        if not paragraph.is_body:
            continue
        yield from _points_given_as_percent(paragraph, found)
        yield from _falls_in_multiples(paragraph)


def _points_given_as_percent(paragraph: Paragraph, found: list) -> Iterator[Violation]:
    text = paragraph.text
    for change in stated_changes(text, found):
        if change.origin.unit != "%" or change.change.unit != "%":
            continue
        stated = interval(change.change)
        if not overlaps(point_change(change), stated) or overlaps(relative_change(change), stated):
            continue
        number = change.change.text.rstrip("%％")
        message = (f"“{text[change.start : change.end]}”：{change.origin.text}与{change.result.text}相差的是"
                   f"{number}个百分点，写作“{change.change.text}”会读成相对变化，应为“{number}个百分点”")
        yield Violation(paragraph.span(change.change.start, change.change.end), message)


def _falls_in_multiples(paragraph: Paragraph) -> Iterator[Violation]:
    for match in _FALL_IN_MULTIPLES.finditer(paragraph.text):
        message = (f"“{match.group()}”：减少不能用倍数表示（减少一倍即减为零），"
                   "应改用分数或百分数，如“减少一半”“降低50%”")
        yield Violation(paragraph.span(match.start(), match.end()), message)
