"""RL302 respectively-mismatch: "A、B、C分别增长5%、6%": three subjects, two values."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Paragraph
from ..figures import Figure, Item, Respectively, document_figures, respectively
from ..model import Violation, rule

# Paragraph kinds that hold no prose worth reading for figures.
_SKIPPED_KINDS = ("artifact", "meta")
_OPENERS, _CLOSERS = "“‘「『《（(【[", "”’」』》）)】]"
_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")
# What may stand between two values of one list: a joiner, then the next value's own verb
# (分别增长5%和下降3%: the verb is the second figure's ``before``).
_JOINER = re.compile(r"\s*(?:、|和|及|以及|与)\s*")
# A single value after 分别 is a dropped one only when 分别 leads straight to it through the
# verbs of a figure (分别增长5%); 分别给予最高500万元 gives each the same.
_FIGURE_VERB = re.compile(
    r"\s*(?:达到|达|为|增长|增加到|增加|增至|提高到|提高至|提高|提升到|提升至|提升|上升|下降到|下降|降至|降低到|降低"
    r"|减少|压减|突破|超过|超|高出|高|低|控制在|保持在|稳定在|约|近)*\s*"
)
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
      summary="“分别”前后的主体与数值个数不一致")
def respectively_mismatch(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Reads each "A、B分别达到x、y" and counts the subjects listed before 分别
    and the values after it; reports the sentence when the two counts
    differ: three subjects and two values, or two subjects and three values.

    Subjects are split at 、 and at the 和/及/与 before the last one; a 、
    inside quotes, book-title marks or brackets does not split (“科技、产业”
    is one name), nor a 和 inside an official name (租赁和商务服务业). Values
    are the figures joined by 、/和 right after 分别, each with its own verb
    (分别增长5%和下降3% is two), a unit written once counts for all
    (分别提高15、22个百分点). When the figures before 分别 are starting
    values (从46503元和16935元分别提高到58794元和23184元), they are counted
    instead of the subjects.

    It stays silent whenever the reading is not sure: an open list (A、B等),
    a 、 list closed by 和 that may be two groups sharing a noun (A、B覆盖率和
    C率: two or three values), more figures later in the clause that the
    value list did not take, a single value that is a range, a bound or an
    estimate (分别增长5%左右 may be a target for each) or that 分别 does not
    lead to through a figure's verb (分别给予最高500万元补助 gives each the
    same), or values that are pairs for each subject (4 values for 2
    subjects).

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
        if paragraph.kind in _SKIPPED_KINDS or "分别" not in paragraph.text:
            continue
        for pair in respectively(paragraph.text, found):
            violation = _check(paragraph, found, pair)
            if violation:
                yield violation


def _check(paragraph: Paragraph, found: list[Figure], pair: Respectively) -> Violation | None:
    text = paragraph.text
    if len(pair.subjects) < 2 or not pair.values:
        return None
    subjects = _merge_quoted(text, list(pair.subjects))
    values = _values(text, found, pair)
    if len(subjects) < 2 or values is None:
        return None
    if any("等" in item.text for item in subjects):
        return None
    if _subject_holds_value(found, subjects, values):
        return _from_to(paragraph, found, pair, values)
    fewest, most = _subject_range(text, subjects, pair.last_joiner)
    count = len(values)
    if fewest <= count <= most:
        return None
    if count == 1 and (values[0].is_range or values[0].bound != "exact"
                       or not _FIGURE_VERB.fullmatch(text, pair.end, values[0].start)):
        return None  # 分别储备起一年到两年; 分别给予最高500万元; 分别增长5%左右: the same for each
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


def _values(text: str, found: list[Figure], pair: Respectively) -> list[Figure] | None:
    """The values after 分别, following a list across each value's own verb; None when the
    clause holds more figures than the list took (the reading is not sure)."""
    values = list(pair.values)
    later = [f for f in found if f.start >= values[-1].end and f.kind == "quantity"]
    for figure in later:
        previous = values[-1]
        gap = text[previous.end + len(previous.after) : figure.start]
        if figure.before and gap.endswith(figure.before):
            gap = gap[: -len(figure.before)]
        if not _JOINER.fullmatch(gap):
            break
        values.append(figure)
    clause_end = _CLAUSE_END.search(text, values[-1].end)
    stop = clause_end.start() if clause_end else len(text)
    if any(values[-1].end <= f.start < stop and f.kind == "quantity" for f in found):
        return None
    tail = text[values[-1].end + len(values[-1].after) : values[-1].end + len(values[-1].after) + 2]
    if tail[:1] and not _CLAUSE_END.match(tail) and values[-1].unit == "" and not tail.startswith(("的", "以")):
        return None  # 3分、5分: a unit the extractor does not know
    return values


def _from_to(paragraph: Paragraph, found: list[Figure], pair: Respectively, values: list[Figure]) -> Violation | None:
    """从46503元和16935元分别提高到58794元和23184元: as many values after 分别 as before it."""
    text = paragraph.text
    before = [f for f in found if f.end <= pair.start and f.kind == "quantity"]
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


def _subject_holds_value(found: list[Figure], subjects: list[Item], values: list[Figure]) -> bool:
    """城乡居民收入从46503元和16935元分别提高到…: the subjects are values themselves."""
    units = {v.unit for v in values}
    start, end = subjects[0].start, subjects[-1].end
    return any(start <= f.start < end and f.kind == "quantity" and f.unit in units for f in found)


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
