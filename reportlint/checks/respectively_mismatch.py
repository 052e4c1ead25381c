"""RL302 respectively-mismatch: "A、B、C分别增长5%、6%": three subjects, two values."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ..analysis.figures import Figure, Item, Respectively, document_figures, respectively
from ..model import Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

# Paragraph kinds that hold no prose worth reading for figures.
_OPENERS, _CLOSERS = "“‘「『《（(【[", "”’」』》）)】]"
_CLAUSE_END = LazyPattern(r"[，。；！？,;!?\n]")
# How far the rest of a clause is read after the values, and the start values before 分别.
_LOOK = 300
# What may stand between two values of one list: a joiner, then the next value's own verb
# (分别增长5%和下降3%: the verb is the second figure's ``before``).
_JOINER = LazyPattern(r"\s*(?:、|和|及|以及|与)\s*")
# Official names with 和/及 inside (the national classification of industries, ministries):
# 租赁和商务服务业 is one subject, not two.
_COMPOUND_NAMES = (
    "租赁和商务服务", "住宿和餐饮", "批发和零售", "交通运输、仓储和邮政", "仓储和邮政", "软件和信息技术",
    "科学研究和技术服务", "水利、环境和公共设施管理", "环境和公共设施管理", "居民服务、修理和其他服务",
    "修理和其他服务", "卫生和社会工作", "文化、体育和娱乐", "体育和娱乐", "社会保障和社会组织",
    "燃气及水生产和供应", "水生产和供应", "生产和供应", "工业和信息化", "住房和城乡建设",
    "人力资源和社会保障", "文化和旅游", "自然资源和规划", "教育和体育", "港口和航道",
)


@rule(code="RL302", name="respectively-mismatch", severity="warning",
      summary="“分别”前后的主体与数值个数不一致",
      rationale="改数字时多了或少了一个数值，句子就无法读懂：每个数值属于哪个主体？这种不一致是确定的，没有原始数据读者无法自行更正。",
      reads=("figures",))
def respectively_mismatch(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Reads each "A、B分别达到x、y" and counts the subjects listed before 分别
    and the values after it; reports the sentence when the two counts
    differ: three subjects and two values, or two subjects and three values.

    Subjects are split at 、 and at the 和/及/与 before the last one; a 、
    inside quotes, book-title marks or brackets does not split (“科技、产业”
    is one name), nor a 和 or a 、 inside an official name (租赁和商务服务业,
    居民服务、修理和其他服务业). Values
    are the figures joined by 、/和 right after 分别, each with its own verb
    (分别增长5%和下降3% is two), a unit written once counts for all
    (分别提高15、22个百分点). When the figures before 分别 are starting
    values (从46503元和16935元分别提高到58794元和23184元), they are counted
    instead of the subjects.

    It deliberately does not report:

    - one value after 分别, which applies to each subject: A、B、C分别增加2个
      (each by the same amount), 二氧化硫、氮氧化物排放量要分别减少3%,
      分别给予最高500万元补助, and 从46503元和16935元分别提高到58794元 (both to
      the same value);
    - an open list (交通、水利等领域投资和民间投资分别增长5%、6%、7%);
    - grades after a count that closes the list of subjects (电子信息、新能源汽车、
      先进材料、现代纺织4个万亿级、千亿级产业集群: four subjects, counted);
    - a 、 list closed by 和 that may be two groups sharing a noun (农村卫生户厕、
      生活垃圾处理设施覆盖率和生活污水治理（管控）率: two or three values), or a 和
      inside an official name (信息传输、租赁和商务服务业);
    - more figures later in the clause that the value list did not take, and
      values that are pairs for each subject (4 values for 2 subjects).

    ## Why it matters
    A value dropped or added while editing the figures leaves a sentence
    that cannot be read: which subject does each number belong to? The
    mismatch is certain, and the reader cannot repair it without the data.

    ## Example
    Bad:
        规模以上工业发电量、全社会用电量、西电东送电量分别增长10.6%、22.9%。
    Good:
        规模以上工业发电量、全社会用电量、西电东送电量分别增长10.6%、10.9%、22.9%。

    ## Options
    None.
    """
    all_figures = document_figures(doc)
    for paragraph, found in zip(doc.paragraphs, all_figures):
        if not paragraph.is_body or "分别" not in paragraph.text:
            continue
        figures = _Figures(found)
        for pair in respectively(paragraph.text, found):
            violation = _check(paragraph, figures, pair)
            if violation:
                yield violation


class _Figures:
    """A paragraph's figures with their starts, to take those of a stretch of text by bisection
    (a long paragraph holds thousands of them, and many 分别)."""

    def __init__(self, found: list[Figure]) -> None:
        self.found = found
        self.starts = [f.start for f in found]

    def index(self, offset: int) -> int:
        """The index of the first figure starting at or after *offset*."""
        return bisect_left(self.starts, offset)

    def between(self, start: int, end: int) -> list[Figure]:
        return self.found[self.index(start) : self.index(end)]


def _check(paragraph: Paragraph, figures: _Figures, pair: Respectively) -> Violation | None:
    text = paragraph.text
    if len(pair.subjects) < 2 or not pair.values:
        return None
    quoted = _merge_quoted(text, list(pair.subjects))
    subjects = _merge_names(text, quoted)
    values = _values(text, figures, pair)
    if len(subjects) < 2 or values is None or len(values) == 1:
        return None  # A、B、C分别增加2个: one value after 分别 is given to each subject
    # a 和 inside a name no longer joins the last two subjects once the name is one of them
    joiner = pair.last_joiner if len(subjects) == len(quoted) else text[subjects[-2].end : subjects[-1].start]
    if any("等" in item.text for item in subjects):
        return None
    if _subject_holds_value(figures, subjects, values):
        return _from_to(paragraph, figures, pair, values)
    subjects = _counted_subjects(text, figures, subjects)
    fewest, most = _subject_range(text, subjects, joiner)
    count = len(values)
    if fewest <= count <= most:
        return None
    if count > most and count % len(subjects) == 0:
        return None  # 分别增长5%和6%、7%和8%: a pair for each subject
    start, end = subjects[0].start, values[-1].end + len(values[-1].after)
    names = "、".join(item.text for item in subjects)
    numbers = "、".join(v.text for v in values)
    expected = str(fewest) if fewest == most else f"{fewest}或{most}"
    message = (f"“分别”前列出{len(subjects)}项（{names}），后面却有{count}个数值（{numbers}）："
               f"应有{expected}个数值，主体与数值个数不一致")
    return Violation(paragraph.span(start, end), message)


def _merge_quoted(text: str, items: list[Item]) -> list[Item]:
    """Join items split at a 、 or 和 that sits inside quotes or brackets (“科技、产业”融合)."""
    merged = [items[0]]
    for item in items[1:]:
        prefix = text[merged[0].start : merged[-1].end]
        depth = sum(c in _OPENERS for c in prefix) - sum(c in _CLOSERS for c in prefix)
        if depth > 0 or prefix.count('"') % 2:
            last = merged.pop()
            merged.append(Item(last.start, item.end, text[last.start : item.end]))
        else:
            merged.append(item)
    return merged


def _merge_names(text: str, items: list[Item]) -> list[Item]:
    """Join the items an official name with a 、 inside holds (居民服务、修理和其他服务业 is one
    industry; a list of such names is parted by ，, which the subjects do not cross)."""
    for name in _COMPOUND_NAMES:
        if "、" not in name:
            continue
        at = text.find(name, items[0].start, items[-1].end)
        if at < 0:
            continue
        inside = [n for n, item in enumerate(items) if item.start < at + len(name) and item.end > at]
        if len(inside) > 1:
            first, last = items[inside[0]], items[inside[-1]]
            merged = Item(first.start, last.end, text[first.start : last.end])
            items = [*items[: inside[0]], merged, *items[inside[-1] + 1 :]]
    return items


def _values(text: str, figures: _Figures, pair: Respectively) -> list[Figure] | None:
    """The values after 分别, following a list across each value's own verb; None when the
    clause holds more figures than the list took (the reading is not sure)."""
    values = list(pair.values)
    found = figures.found
    for index in range(figures.index(values[-1].end), len(found)):
        figure = found[index]
        if figure.kind != "quantity":
            continue
        previous = values[-1]
        gap = text[previous.end + len(previous.after) : figure.start]
        if figure.before and gap.endswith(figure.before):
            gap = gap[: -len(figure.before)]
        if not _JOINER.fullmatch(gap):
            break
        values.append(figure)
    clause_end = _CLAUSE_END.search(text, values[-1].end, values[-1].end + _LOOK)
    stop = clause_end.start() if clause_end else min(len(text), values[-1].end + _LOOK)
    if any(f.kind == "quantity" for f in figures.between(values[-1].end, stop)):
        return None
    tail = text[values[-1].end + len(values[-1].after) : values[-1].end + len(values[-1].after) + 2]
    if tail[:1] and not _CLAUSE_END.match(tail) and values[-1].unit == "" and not tail.startswith(("的", "以")):
        return None  # 3分、5分: a unit the extractor does not know
    return values


def _from_to(paragraph: Paragraph, figures: _Figures, pair: Respectively, values: list[Figure]) -> Violation | None:
    """从46503元和16935元分别提高到58794元和23184元: as many values after 分别 as before it."""
    text = paragraph.text
    before = [f for f in figures.between(max(0, pair.start - _LOOK), pair.start)
              if f.end <= pair.start and f.kind == "quantity"]
    if not before or text[before[-1].end + len(before[-1].after) : pair.start].strip():
        return None
    starts = [before[-1]]
    for figure in reversed(before[:-1]):
        if not _JOINER.fullmatch(text, figure.end + len(figure.after), starts[0].start):
            break
        starts.insert(0, figure)
    if len(starts) < 2 or len(starts) == len(values) or {f.unit for f in starts} != {v.unit for v in values}:
        return None
    if len(values) % len(starts) == 0:
        return None
    olds = "、".join(f.text for f in starts)
    news = "、".join(v.text for v in values)
    message = (f"“分别”前有{len(starts)}个起始数值（{olds}），后面却有{len(values)}个数值（{news}）："
               "前后个数不一致")
    return Violation(paragraph.span(starts[0].start, values[-1].end + len(values[-1].after)), message)


def _subject_holds_value(figures: _Figures, subjects: list[Item], values: list[Figure]) -> bool:
    """城乡居民收入从46503元和16935元分别提高到…: the subjects are values themselves."""
    units = {v.unit for v in values}
    return any(f.kind == "quantity" and f.unit in units for f in figures.between(subjects[0].start, subjects[-1].end))


def _counted_subjects(text: str, figures: _Figures, subjects: list[Item]) -> list[Item]:
    """电子信息、新能源汽车、先进材料、现代纺织4个万亿级、千亿级产业集群…分别: a count among the
    subjects closes their list when it counts the items before it; the 、 after it parts the
    grades that qualify them."""
    for count in figures.between(subjects[0].start, subjects[-1].end):
        if not count.is_count or count.bound != "exact" or count.direction:
            continue
        holder = next((n for n, item in enumerate(subjects) if item.start < count.start <= item.end), None)
        if holder is not None and holder + 1 == count.value and holder < len(subjects) - 1:
            last = subjects[holder]
            return [*subjects[:holder], Item(last.start, count.start, text[last.start : count.start])]
    return subjects


def _subject_range(text: str, subjects: list[Item], joiner: str) -> tuple[int, int]:
    """How many subjects the list may name (fewest, most).

    A 、 list closed by 和 may be two groups, the first sharing its noun (农村卫生户厕、
    生活垃圾处理设施覆盖率和生活污水治理率: two or three rates), and a 和 may sit inside
    one name (信息传输、租赁和商务服务业): then the list may name fewer subjects.
    """
    count = len(subjects)
    if joiner in ("、", ""):
        return count, count
    if count >= 3:
        return 2, count
    inside_name = any(_covers(text, subjects[-2].end, name) for name in _COMPOUND_NAMES)
    return (count - 1, count) if inside_name else (count, count)


def _covers(text: str, position: int, name: str) -> bool:
    """Whether an occurrence of *name* in *text* spans *position*."""
    start = text.find(name, max(0, position - len(name) + 1))
    return 0 <= start <= position
