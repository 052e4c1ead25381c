"""RL303 conflicting-figure: one indicator given two different values in one document."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, Paragraph, Span
from ..figures import Figure, document_figures
from ..indicators import indicator, paragraph_frames, rounding, sentence_time
from ..model import Related, Violation, rule

# Spans of years and ages say over how long or for whom, not how much (用3年时间, 60岁以上);
# minutes, hours and days can be indicators (课间时长15分钟, 审批时限5天).
_SKIPPED_UNITS = frozenset({"年", "个月", "月", "日", "周", "周年", "岁"})
# 由35元提高到40元, 从75.6%提升至76.5%: the second figure is the first one's indicator, reached.
_FROM = re.compile(r"[由从](?:…|$)")
_TO = re.compile(r"(?:提高|提升|降低|下降|降|增加|增长|减少|扩大|缩小|压缩|调整)?(?:到|至)")
# 约/左右 admit this much either side; 近 (nearly) only below.
_ABOUT = 0.1
# A copied sentence needs this many characters besides its figures to be told from a formula.
_MIN_COPY = 6
# ... and this many to be the same statement in two time frames: a short sentence may state
# last year's result in the review and this year's target in the plan.
_MIN_COPY_ACROSS = 20
# Bound words quoted with the figure; longest first (不低于 before 低于).
_BOUND_WORDS = ("不低于", "不少于", "不超过", "不高于", "不多于", "控制在", "超过", "突破", "不足", "低于", "少于",
                "高于", "多于", "大于", "小于", "接近", "将近", "大约", "约", "近", "超", "逾")


@dataclass(frozen=True)
class Statement:
    paragraph: Paragraph
    figure: Figure
    name: str

    @property
    def signature(self) -> tuple[object, ...]:
        f = self.figure
        return (f.low, f.high, f.bound)

    @property
    def start(self) -> int:
        """Where the quoted statement starts: at its bound word (不低于98%), if any."""
        bound = next((w for w in _BOUND_WORDS if self.figure.before.endswith(w)), "")
        return self.figure.start - len(bound)

    @property
    def end(self) -> int:
        return self.figure.end + len(self.figure.after)

    @property
    def quoted(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def span(self) -> Span:
        return self.paragraph.span(self.start, self.end)


def _interval(figure: Figure) -> tuple[float, float]:
    low = figure.low if figure.low is not None else 0.0
    high = figure.high if figure.high is not None else low
    if figure.bound == "min":
        return low, math.inf
    if figure.bound == "max":
        return -math.inf, high
    if figure.bound == "about":
        return low * (1 - _ABOUT), high * (1 if figure.before.endswith("近") else 1 + _ABOUT)
    return low, high


def consistent(a: Figure, b: Figure) -> bool:
    """Whether two statements of one indicator can both be true and say the same.

    3万人以上 and 3.2万人 agree; 3万人以上 and 4万人以上 do not: the same
    target is stated twice with two different floors. A figure rounded in a
    summary agrees with the precise one (6.66万亿元 and 66562亿元).
    """
    slack = max(rounding(a), rounding(b))
    if a.bound == b.bound and a.bound != "exact":
        return abs((a.low or 0.0) - (b.low or 0.0)) <= slack and abs((a.high or 0.0) - (b.high or 0.0)) <= slack
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    return a_low <= b_high + slack and b_low <= a_high + slack


def statements(doc: Document) -> list[tuple[tuple[str, ...], Statement]]:
    """Every figure that names its indicator, with the key of what it measures and when."""
    frames = paragraph_frames(doc)
    found = []
    for paragraph, figures, frame in zip(doc.paragraphs, document_figures(doc), frames):
        if paragraph.kind in ("title", "heading", "meta", "artifact"):
            continue
        previous_end, previous_name = 0, None
        # The time words of each sentence, read once (figures come in order).
        sentences = paragraph.sentences
        texts = [s.text for s in sentences] or [paragraph.text]
        ends = [s.end for s in sentences] or [len(paragraph.text)]
        times: list[str | None] = [None] * len(texts)
        sentence = 0
        for figure in figures:
            name = None
            if figure.kind != "quantity":
                continue  # “六上企业” is part of the name of what follows it
            if figure.unit and figure.unit not in _SKIPPED_UNITS:
                name = indicator(paragraph.text, figure, previous_end)
                if name is None and previous_name and _FROM.search(previous_name) \
                        and _TO.fullmatch(paragraph.text, previous_end, figure.start):
                    name = previous_name + "→"  # 标准由35元提高到40元: the value reached
            previous_end, previous_name = figure.end + len(figure.after), name
            if name is None:
                continue
            while sentence < len(ends) - 1 and ends[sentence] <= figure.start:
                sentence += 1
            if times[sentence] is None:
                times[sentence] = sentence_time(texts[sentence], frame)
            found.append(((name, figure.unit, frame, times[sentence]), Statement(paragraph, figure, name)))
    return found


@rule(code="RL303", name="conflicting-figure", severity="warning", summary="同一指标前后数值矛盾")
def conflicting_figure(doc: Document, _opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Finds an indicator stated twice in one document with two values that
    cannot both hold: “城镇新增就业3万人以上” in the targets and “城镇新增就业
    4万人以上” in the tasks. The indicator is the phrase right before the
    figure (from the previous punctuation, without lead words such as 力争 or
    达到, but with 增长, 新增, 年均, 累计 or 其中, which change what is
    measured), and the noun right after it (培育20个省级先导区: a verb alone
    names nothing). In 由35元提高到40元 the second figure is the value reached.

    Only statements of the exact same indicator, in the same unit and the
    same time frame, are compared: the review chapter's figures for last
    year and the plan chapter's targets for this year are different
    indicators (the chapter heading's years and 回顾 make the frame; a
    chapter reviewing five years and the last one is split where a
    paragraph opens with its span, 过去五年… / 这一年…; time words in the
    sentence such as 五年来 or 2030年 narrow it). Bounds are read: 3万人以上
    and 3.2万人 agree, 5%左右 and 5.2% agree; two different floors of one
    target (3万人以上 / 4万人以上) do not. Two statements in one paragraph are
    not compared (they usually speak of different subjects), nor figures
    after 分别, shares (占…), comparisons (比上年增长), spans of years and
    ages.

    A sentence pasted to a second place and edited there (identical but
    for one figure) is the same statement in any chapter, if it is long
    enough (20 characters besides its figures) not to be a short formula
    that the review and the plan both use (城镇新增就业1244万人。).

    ## Why it matters
    A target or result given two values is the inconsistency a reader
    notices first; one of them is a leftover of an earlier draft.

    ## Example
    Bad:
        二、2026年工作安排

        主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人以上。

        （一）稳就业。城镇新增就业4万人以上，城镇调查失业率控制在5.5%以内。
    Good:
        一、2025年工作回顾

        全年地区生产总值增长5.4%，城镇新增就业3.2万人。

        二、2026年工作安排

        主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人以上。

        （一）稳就业。城镇新增就业3万人以上，城镇调查失业率控制在5.5%以内。

    The finding is on the statement that differs from the others, with the
    other statement as related information.

    ## Options
    None.
    """
    groups: dict[tuple[str, ...], list[Statement]] = defaultdict(list)
    for key, statement in statements(doc):
        groups[key].append(statement)
    reported: set[tuple[int, int]] = set()
    for group in groups.values():
        if len(group) < 2 or len({s.paragraph.index for s in group}) < 2:
            continue
        for violation, statement in _conflicts(group):
            reported.add((statement.paragraph.index, statement.figure.start))
            yield violation
    for violation, statement in _edited_copies(doc):
        if (statement.paragraph.index, statement.figure.start) not in reported:
            reported.add((statement.paragraph.index, statement.figure.start))
            yield violation


Copy = tuple[Paragraph, int, list[Figure]]  # a sentence: its paragraph, start and figures


def _edited_copies(doc: Document) -> Iterator[tuple[Violation, Statement]]:
    """Sentences that are copies of each other but for one figure.

    A sentence pasted to a second place and edited there is the same
    statement whatever chapter it landed in, unless it is short. Real reports hardly ever repeat
    a sentence with one number changed; table-like rows that share their
    words (八十斤到九十九斤的有五十五个县… / 六十斤到七十九斤的有一百零四个县…)
    differ in several figures and are left alone.
    """
    frames = paragraph_frames(doc)
    for words, copies in _sentence_copies(doc):
        counts = Counter(tuple((f.low, f.high, f.bound) for f in figures) for _, _, figures in copies)
        reference = max(copies, key=lambda c: counts[tuple((f.low, f.high, f.bound) for f in c[2])])
        for copy in copies:
            if copy is reference:
                continue
            if words < _MIN_COPY_ACROSS and frames[copy[0].index] != frames[reference[0].index]:
                continue  # 城镇新增就业1244万人。 in the review, 城镇新增就业1200万人。 in the plan
            differing = [i for i, (a, b) in enumerate(zip(copy[2], reference[2])) if not consistent(a, b)]
            if len(differing) == 1:
                statement = _statement(copy, differing[0])
                yield _violation(statement, _statement(reference, differing[0])), statement


def _statement(copy: Copy, i: int) -> Statement:
    paragraph, start, figures = copy
    previous_end = figures[i - 1].end + len(figures[i - 1].after) if i else start
    name = indicator(paragraph.text, figures[i], previous_end) or _clause_before(paragraph.text, figures[i], start)
    return Statement(paragraph, figures[i], name)


def _sentence_copies(doc: Document) -> list[tuple[int, list[Copy]]]:
    """Groups of two or more sentences identical once their figures are masked, with
    the number of characters they share."""
    by_text: dict[str, list[Copy]] = defaultdict(list)
    for paragraph, figures in zip(doc.paragraphs, document_figures(doc)):
        if paragraph.kind in ("title", "heading", "meta", "artifact") or not figures:
            continue
        for sentence in paragraph.sentences:
            inside = [f for f in figures if sentence.start <= f.start and f.end <= sentence.end
                      and f.kind == "quantity" and f.unit]
            if not inside:
                continue
            masked, position = [], sentence.start
            for figure in inside:
                masked.append(paragraph.text[position : figure.start])
                position = figure.end + len(figure.after)
            masked.append(paragraph.text[position : sentence.end])
            if sum(len(part) for part in masked) >= _MIN_COPY:
                by_text["#".join(masked)].append((paragraph, sentence.start, inside))
    return [(len(text) - text.count("#"), copies) for text, copies in by_text.items() if len(copies) > 1]


def _clause_before(text: str, figure: Figure, start: int) -> str:
    """The words of the clause before *figure*, to name it in the message (三个…)."""
    clause = re.split(r"[，。；：、,;:！？!?]", text[start : figure.start])[-1]
    return clause[-12:] or "此句"


def _conflicts(group: list[Statement]) -> Iterator[tuple[Violation, Statement]]:
    # The value most statements give is taken for the intended one (the first on a tie).
    counts = Counter(s.signature for s in group)
    reference = max(group, key=lambda s: counts[s.signature])
    for statement in group:
        if statement.paragraph.index == reference.paragraph.index:
            continue  # one paragraph speaks of several subjects (投资完成率129.6% … 投资完成率119.7%)
        if consistent(statement.figure, reference.figure):
            continue
        yield _violation(statement, reference), statement


def _violation(statement: Statement, reference: Statement) -> Violation:
    return Violation(
        statement.span,
        f"“{statement.name}”在此为“{statement.quoted}”，另一处为“{reference.quoted}”：同一指标前后数值不一致",
        related=(Related(reference.span, f"另一处：“{reference.name}{reference.quoted}”"),),
    )
