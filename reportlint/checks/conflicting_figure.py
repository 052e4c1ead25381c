"""RL303 conflicting-figure: one statement made twice in one section with two values."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..analysis.figures import Figure, document_figures
from ..analysis.indicators import (
    PLACES,
    beyond_frame,
    chapters_ahead,
    paragraph_frames,
    period_tokens,
    period_words,
    rounding,
    sections,
    strip_leads,
)
from ..model import Related, Violation, rule
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern

# Spans of years and ages say over how long or for whom, not how much (用3年时间, 60岁以上);
# minutes, hours and days can be indicators (课间时长15分钟, 审批时限5天).
_SKIPPED_UNITS = frozenset({"年", "个月", "月", "日", "周", "周年", "岁"})
# Paragraphs that state things: not headings, metadata, page leftovers or the cells of a table,
# whose rows give one measure for many subjects.
_STATING = frozenset({"text", "list-item", "quote"})
# Where a clause ends.
_CLAUSE_BREAK = LazyPattern(r"[，,；;：:。！？!?]")
# A sentence that opens with these leans on the one before it for its subject: 其中国家级12家
# is a part of whichever whole precedes it, 比上年增长5% a change from whatever base was named.
_DEPENDENT = LazyPattern(
    r"[\s“”\"‘’「」『』（）()]*(?:其|这(?![一二三四五六七八九十两0-9０-９]+年)|此|该|上述|以上|同比|同期|环比|分别|比|较|与|相比|占)"
)
# A clause that relates its figure to something else names no indicator of its own: a comparison
# (比上年, 较2020年, 高于全国), a share (占), a part (其中), values shared out (分别), a from-to (由…到).
_RELATION = LazyPattern(
    r"[比较](?!重|例|率)|占|分别|其中|[由从](?!于|而|事|严|业|来|未|不)|相当于|[高低快慢]于|同比|环比"
)
_HAN = LazyPattern(r"[\u4e00-\u9fff]")
_MODIFIERS = LazyPattern(r"年均|累计|平均|同比|新增|净增|增长|增加|提高|提升|上升|下降|减少|降低|扩大|压减|增|降|减")
MIN_NAME = 4  # Chinese characters that name the indicator of a restated clause (新建养老机构)
MIN_CORE = 2  # ... of them besides the words of change (新增绿道: 绿道)
MIN_COPY = 6  # characters of a copied sentence besides its figures: less is a formula
MIN_LONG_COPY = 20  # ... and this many say enough to identify all its figures
_TIME_CLAUSE = 12  # characters of a clause that only says when (截至2024年底) before a paragraph's subject
# Two paragraphs that restate two or more clauses with other values describe two subjects in
# parallel (社区卫生服务中心… / 乡镇卫生院…: 次均住院费用…，日均住院费用…), not one subject twice.
PARALLEL = 2
# Bound words quoted with the figure; longest first (不低于 before 低于).
_BOUND_WORDS = ("不低于", "不少于", "不超过", "不高于", "不多于", "控制在", "超过", "突破", "不足", "低于", "少于",
                "高于", "多于", "大于", "小于", "接近", "将近", "大约", "约", "近", "超", "逾")
_ABOUT = 0.1  # 约/左右 admit this much either side; 近 (nearly) only below


@dataclass(frozen=True)
class Statement:
    """A clause or sentence that states figures, with what identifies what it states."""

    paragraph: Paragraph
    start: int  # the clause or sentence in paragraph.text
    end: int
    figures: tuple[Figure, ...]
    template: str  # the text with each figure masked: the same words state the same thing
    place: str = ""  # the place it speaks for, the last one named before it (全国, 本地), if any

    @property
    def words(self) -> int:
        """Its characters besides its figures."""
        return len(self.template) - self.template.count("#")

    def quoted(self, figure: Figure) -> str:
        """The figure as stated, with its bound word (不低于98%) and qualifier (以上)."""
        text = self.paragraph.text
        bound = next((w for w in _BOUND_WORDS if figure.before.endswith(w)), "")
        return text[figure.start - len(bound) : figure.end + len(figure.after)]

    def span(self, figure: Figure) -> Span:
        bound = next((w for w in _BOUND_WORDS if figure.before.endswith(w)), "")
        return self.paragraph.span(figure.start - len(bound), figure.end + len(figure.after))

    def name(self, figure: Figure) -> str:
        """The words before the figure in its clause, to name it in the message."""
        text = self.paragraph.text
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, self.start, figure.start)),
                           default=self.start)
        words = strip_leads(text[clause_start : figure.start])
        return words[-16:] or text[self.start : figure.start][-16:] or "此句"


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
    if a.unit != b.unit:
        return True  # not comparable: nothing says they disagree
    slack = max(rounding(a), rounding(b))
    if a.bound == b.bound and a.bound != "exact":
        return abs((a.low or 0.0) - (b.low or 0.0)) <= slack and abs((a.high or 0.0) - (b.high or 0.0)) <= slack
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    return a_low <= b_high + slack and b_low <= a_high + slack


Key = tuple[object, ...]


def statements(doc: Document) -> Iterator[tuple[Key, Statement]]:
    """Every self-contained sentence and every sentence-opening clause that states figures,
    with the key of what identifies it: its section, its time and its words (figures masked).

    Its time is the chapter's frame, the time words said before it in its paragraph
    (2024年，… / 过去五年，…) and its own: words said after it speak of something else.
    """
    frames = paragraph_frames(doc)
    previous = ""
    ahead = chapters_ahead(doc)
    for paragraph, found, frame, (section, heading) in zip(doc.paragraphs, document_figures(doc), frames, sections(doc)):
        if paragraph.kind not in _STATING:
            continue
        previous, text_before = paragraph.text, previous
        quantities = [f for f in found if f.kind == "quantity" and f.unit]
        if not quantities:
            continue
        text, i = paragraph.text, 0
        times = _Times(text, frame)
        goals = _states_goals(text, text_before) or _GOALS_HEADING.search(heading) is not None
        for sentence in paragraph.sentences:
            while i < len(quantities) and quantities[i].start < sentence.start:
                i += 1
            j = i
            while j < len(quantities) and quantities[j].end <= sentence.end:
                j += 1
            inside = quantities[i:j]
            i = j
            if not inside or _DEPENDENT.match(text, sentence.start):
                continue
            before, place = times.before(sentence.start)
            copy = _sentence(paragraph, sentence.start, sentence.end, inside, place)
            if copy is not None:
                yield ("sentence", section, (frame, before | times.within(copy)), copy.template), copy
            clause = _opening_clause(paragraph, sentence.start, sentence.end, inside, place)
            if clause is not None:
                yield ("clause", section, (frame, before | times.within(clause)), clause.template,
                       clause.figures[0].unit), clause
            if not goals:
                for rate, name in _named_rates(paragraph, sentence.start, sentence.end, inside, place):
                    # the name identifies the rate across the sections, but a chapter of tasks gives it as a
                    # target, where the review gives it as reached (覆盖率达到72% / 三、主要任务 … 达到95%)
                    yield ("rate", ahead[paragraph.index], (frame, before | times.within(rate)), name, place), rate


class _Times:
    """The time words of a paragraph said before an offset, and the last place named, read
    once in order."""

    def __init__(self, text: str, frame: str) -> None:
        self._text, self._frame = text, frame
        self._tokens = [(offset, word) for offset, word in period_tokens(text)
                        if word in PLACES or beyond_frame((word,), frame)]
        self._next = 0
        self._said: frozenset[str] = frozenset()
        self._place = ""

    def before(self, offset: int) -> tuple[frozenset[str], str]:
        """The time words before *offset* and the last place (offsets asked in increasing order)."""
        new = []
        while self._next < len(self._tokens) and self._tokens[self._next][0] < offset:
            word = self._tokens[self._next][1]
            if word in PLACES:
                self._place = word
            else:
                new.append(word)
            self._next += 1
        if any(word not in self._said for word in new):
            self._said = self._said | frozenset(new)  # a new set only when a new word comes
        return self._said, self._place

    def within(self, statement: Statement) -> frozenset[str]:
        """The time words of the statement's own text."""
        return period_words(self._text[statement.start : statement.end], self._frame) - PLACES


def _masked(text: str, start: int, end: int, figures: list[Figure]) -> tuple[str, int]:
    """The text of [start, end) with each figure replaced by #, and its length without them."""
    parts, position = [], start
    for figure in figures:
        parts.append(text[position : figure.start])
        position = figure.end
    parts.append(text[position:end])
    return "#".join(parts), sum(len(p) for p in parts)


def _sentence(paragraph: Paragraph, start: int, end: int, figures: list[Figure], place: str) -> Statement | None:
    template, words = _masked(paragraph.text, start, end, figures)
    if words < MIN_COPY:
        return None
    return Statement(paragraph, start, end, tuple(figures), template, place)


def _opening_clause(paragraph: Paragraph, start: int, end: int, figures: list[Figure],
                    place: str) -> Statement | None:
    """The sentence's first clause when it holds one figure and names what the figure measures
    (新建养老机构17家 out of 新建养老机构17家，服务能力明显提升。)."""
    text = paragraph.text
    stop = _CLAUSE_BREAK.search(text, start, end)
    clause_end = stop.start() if stop else end
    inside = [f for f in figures if f.end <= clause_end]
    if len(inside) != 1 or inside[0].unit in _SKIPPED_UNITS:
        return None
    figure = inside[0]
    if not _names(text, start, figure):
        return None
    template, _ = _masked(text, start, clause_end, inside)
    return Statement(paragraph, start, clause_end, (figure,), template, place)


# 信访事项一次性化解率达到96.4%: a rate named at length, then the verb that gives its value.
_RATE_NAME = LazyPattern(r"(?:率|比重|占比|满意度)(?P<verb>达到|达|为|是|保持在|稳定在|提高到|提升到|提高至|提升至)\Z")
MIN_RATE_NAME = 8  # Chinese characters that name a rate alone, wherever it is said (信访事项一次性化解率)
_TARGET = LazyPattern(r"力争|预期|目标|确保|到\d{4}年|——")
# （三）规划目标, 主要预期目标: a section of goals, whose paragraphs state targets
_GOALS_HEADING = LazyPattern(r"目标")


def _states_goals(text: str, before: str) -> bool:
    """A paragraph of goals: a —— line, or one under an opening that announces goals
    (到2030年，主要目标是：), or one that says 目标 or 力争 itself: its rates are targets,
    which the review may give as achieved with other values."""
    return text.lstrip().startswith("——") or _TARGET.search(text) is not None or (
        before.rstrip().endswith(("：", ":")) and _TARGET.search(before) is not None)


def _named_rates(paragraph: Paragraph, start: int, end: int, figures: list[Figure],
                 place: str) -> Iterator[tuple[Statement, str]]:
    """Each clause of the sentence that gives one rate by a long name of its own (全年信访事项
    一次性化解率达到96.4%): the name identifies the indicator across the sections of the document."""
    text = paragraph.text
    for figure in figures:
        if figure.unit != "%" or figure.bound != "exact" or figure.direction:
            continue
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, start, figure.start)), default=start)
        words = text[clause_start : figure.start]
        link = _RATE_NAME.search(words)
        if link is None or _RELATION.search(words) or _DEPENDENT.match(text, clause_start):
            continue
        name = strip_leads(words[: link.start("verb")])
        if len(_HAN.findall(name)) < MIN_RATE_NAME:
            continue
        yield Statement(paragraph, clause_start, figure.end, (figure,), name + "#", place), name


def _names(text: str, start: int, figure: Figure) -> bool:
    """Whether the words from *start* to *figure* name what it measures: enough words besides
    the lead words and words of change, and no relation to something else (比上年, 占, 其中)."""
    if _DEPENDENT.match(text, start) or _RELATION.search(text, start, figure.start - len(figure.before)):
        return False
    name = strip_leads(text[start : figure.start])
    return len(_HAN.findall(name)) >= MIN_NAME and len(_HAN.findall(_MODIFIERS.sub("", name))) >= MIN_CORE


@rule(code="RL303", name="conflicting-figure", severity="warning", summary="同一指标前后数值矛盾",
      rationale="同一指标前后给出两个数值，是读者最先注意到的矛盾；其中一个往往是旧稿的遗留。",
      reads=("figures", "indicators"))
def conflicting_figure(doc: Document, _opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Finds a statement made twice in one section of a document with two
    values that cannot both hold: a sentence pasted into another paragraph
    and edited there, or the clause that opens a sentence (新建养老机构17家，…)
    said again in another paragraph of the section with another figure.

    Two statements are compared only when the text says they are the same
    indicator, and the message names that evidence:

    - the same words: the clause or the whole sentence is identical but for
      its figures, so the same subject owns the same measure, in the same
      scope and with the same time words (按可比价格, 全国, 年均, 累计, 力争
      included);
    - the same section: between the same two headings or outline numbers
      (（一）, 1., a short line without punctuation);
    - the same time: the chapter's frame (its heading's years, a paragraph
      that opens a span: 过去五年… / 这一年…) and the time words said before
      the statement in its paragraph (2025年, 一九五二年, 过去五年, 今年, 上半年,
      1—11月 ...) are the same; 去年 in a review of 2025 is 2025;
    - the same place, when both name one: the last of 全国 / 全省, 本市 … said
      before it.

    It deliberately does not report:

    - the same measure for another period: 城镇新增就业603.7万人 after 过去的五年
      and 城镇新增就业121.7万人 after 刚刚过去的2025年; last year's result in the
      review and this year's target in the plan; a rate given as a target under a
      heading of goals or in a chapter of tasks (（三）规划目标, 三、主要任务:
      覆盖率达到95%) and as reached in the review (覆盖率达到72%);
    - another scope: 按当年价格 and 按可比价格; 全国…城镇新增就业1256万人 and
      全省…城镇新增就业60万人;
    - sub-sections with their own figures: （四）…全年计划投资3.7亿元 and
      （五）…全年计划投资12.8亿元; a short statement that names no more than its
      measure (全年计划投资15亿元。, 完成投资85亿元。: whose, the paragraph says);
      the targets of 主要预期目标 restated in a task section;
    - parallel descriptions of several subjects: paragraphs that open with the
      same measure of two subjects (全国消毒产品被监督单位37079个…依法查处案件2224件 /
      全国餐具饮具集中消毒服务单位3916个…依法查处案件980件), that restate two or more
      clauses with their own values (次均住院费用…，日均住院费用…), whose sentences
      go on with other values (人均可支配收入52000元，增长5.1% / 人均可支配收入
      23000元，增长6.5%), or one wording with three values in a section (每人每月
      1500元 / 1100元 / 800元);
    - a sentence that leans on the one before it: 其中国家级12家, 比上年增长5%,
      分别增长6.8%、7%; and two statements in one paragraph;
    - other words: 力争城镇新增就业5万人 and 城镇新增就业4.5万人; values that agree
      within their bounds (3万人以上 and 3.2万人, 5%左右 and 5.2%, 6.66万亿元 and
      66562亿元).

    ## Why it matters
    A figure given two values is the inconsistency a reader notices first;
    one of them is a leftover of an earlier draft.

    ## Example
    Bad:
        二、2026年工作安排

        稳就业。城镇新增就业3万人以上，城镇调查失业率控制在5.5%以内。

        促增收。城镇新增就业4万人以上，实施城乡居民增收计划。
    Good:
        二、2026年工作安排

        稳就业。城镇新增就业3万人以上，城镇调查失业率控制在5.5%以内。

        促增收。城镇新增就业3.2万人，实施城乡居民增收计划。

    The finding is on the statement that differs from the others, with the
    other statement as related information.

    ## Options
    None.
    """
    groups: dict[Key, list[Statement]] = defaultdict(list)
    for key, statement in statements(doc):
        groups[key].append(statement)
    clauses = doc.analysis("conflicting-figure.clauses", _Clauses)
    reported: set[tuple[int, int]] = set()
    for key, group in groups.items():
        if len(group) < 2 or len({_values(s) for s in group}) > 2:
            continue  # the same words with three values in one section: a measure of several subjects
        for statement, figure, reference, other in _conflicts(group):
            if _parallel(clauses, statement, reference) \
                    or _parallel_openings(doc, statement.paragraph.index, reference.paragraph.index):
                continue
            if (statement.paragraph.index, figure.start) not in reported:
                reported.add((statement.paragraph.index, figure.start))
                yield _violation(doc, key, statement, figure, reference, other)


def _conflicts(group: list[Statement]) -> Iterator[tuple[Statement, Figure, Statement, Figure]]:
    """Each statement of the group whose figures differ from the reference in exactly one place.

    The values most statements give are taken for the intended ones (the first on a tie).
    """
    counts = Counter(_values(s) for s in group)
    reference = max(group, key=lambda s: counts[_values(s)])
    for statement in group:
        if statement.paragraph.index == reference.paragraph.index:
            continue  # one paragraph speaks of several subjects (投资完成率129.6% … 投资完成率119.7%)
        if statement.place and reference.place and statement.place != reference.place:
            continue  # 全国…。城镇新增就业1256万人 / 全省…。城镇新增就业60万人
        differing = [k for k, (a, b) in enumerate(zip(statement.figures, reference.figures)) if not consistent(a, b)]
        if len(differing) == 1 and _identified(statement, statement.figures[differing[0]]):
            k = differing[0]
            yield statement, statement.figures[k], reference, reference.figures[k]


def _identified(statement: Statement, figure: Figure) -> bool:
    """Whether the statement's words identify what *figure* measures: a long sentence does by
    itself; a short one only when the clause of the figure names it (全年计划投资15亿元。 names
    no more than 投资: whose investment, the paragraph's topic says)."""
    if statement.words >= MIN_LONG_COPY:
        return True
    text = statement.paragraph.text
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, statement.start, figure.start)),
                       default=statement.start)
    return _names(text, clause_start, figure)


def _values(statement: Statement) -> tuple[object, ...]:
    return tuple((f.low, f.high, f.bound, f.unit) for f in statement.figures)


@dataclass(frozen=True)
class _Clause:
    """A clause that states figures: its offsets, its words with the figures masked, and its
    figures."""

    start: int
    end: int
    template: str  # its words, figures masked
    figures: tuple[Figure, ...]


class _ParagraphClauses(NamedTuple):
    clauses: list[_Clause]
    named: dict[str, list[Figure]]  # the clauses of one named figure, by their words
    starts: list[int]  # where the clauses start


class _Clauses:
    """The clauses of each paragraph that state figures, read for a paragraph when a possible
    conflict first asks for them: most documents have none, and reading them for every paragraph
    took a quarter of the rule's time."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._read: dict[int, _ParagraphClauses] = {}  # by paragraph index
        self._pairs: dict[tuple[int, int], bool] = {}

    def _of(self, index: int) -> _ParagraphClauses:
        found = self._read.get(index)
        if found is None:
            text, figures = self._doc.paragraphs[index].text, document_figures(self._doc)[index]
            clauses = list(_clauses(text, [f for f in figures if f.kind == "quantity" and f.unit]))
            named: dict[str, list[Figure]] = defaultdict(list)
            for clause in clauses:
                if len(clause.figures) == 1 and _names(text, clause.start, clause.figures[0]):
                    named[clause.template].append(clause.figures[0])
            found = self._read[index] = _ParagraphClauses(clauses, named, [clause.start for clause in clauses])
        return found

    def restate_others(self, a: int, b: int) -> bool:
        """Whether paragraphs *a* and *b* restate PARALLEL or more named clauses with other
        values (read over the smaller paragraph, once per pair)."""
        pair = (min(a, b), max(a, b))
        if pair not in self._pairs:
            small, large = sorted((self._of(a).named, self._of(b).named), key=len)
            shared = 0
            for template, ours in small.items():
                theirs = large.get(template)
                if theirs and not any(consistent(x, y) for x in ours[:8] for y in theirs[:8]):
                    shared += 1
                    if shared >= PARALLEL:
                        break
            self._pairs[pair] = shared >= PARALLEL
        return self._pairs[pair]

    def continuation(self, statement: Statement) -> _Clause | None:
        """The clause right after a clause *statement*, in its sentence, when it states figures."""
        text = statement.paragraph.text
        if text[statement.end : statement.end + 1] not in ("，", ","):
            return None  # the sentence ends there (or the statement is the whole sentence)
        clauses, _, starts = self._of(statement.paragraph.index)
        j = bisect_left(starts, statement.end + 1)
        return clauses[j] if j < len(clauses) and clauses[j].start == statement.end + 1 else None


def _clauses(text: str, quantities: list[Figure]) -> Iterator[_Clause]:
    """The clauses of *text* that hold figures, in order."""
    clause_start, k = 0, 0
    for stop in [*_CLAUSE_BREAK.finditer(text), None]:
        clause_end = stop.start() if stop else len(text)
        inside = []
        while k < len(quantities) and quantities[k].start < clause_end:
            if quantities[k].start >= clause_start:
                inside.append(quantities[k])
            k += 1
        if inside:
            yield _Clause(clause_start, clause_end, _masked(text, clause_start, clause_end, inside)[0], tuple(inside))
        clause_start = stop.end() if stop else len(text)


def _parallel(clauses: _Clauses, statement: Statement, reference: Statement) -> bool:
    """Whether the two statements sit in parallel descriptions of two subjects rather than
    state one thing twice:

    - their paragraphs restate PARALLEL or more named clauses with other values (社区卫生服务中心
      …次均住院费用3193.9元…日均住院费用362.8元 / 乡镇卫生院…次均住院费用2095.8元…日均住院费用328.4元);
    - or the clause that goes on each sentence says the same words with other values
      (人均可支配收入52000元，增长5.1% / 人均可支配收入23000元，增长6.5%): rows of a table.
    """
    ours, theirs = clauses.continuation(statement), clauses.continuation(reference)
    if ours is not None and theirs is not None and ours.template == theirs.template \
            and any(not consistent(x, y) for x, y in zip(ours.figures, theirs.figures)):
        return True
    return clauses.restate_others(statement.paragraph.index, reference.paragraph.index)


def _parallel_openings(doc: Document, a: int, b: int) -> bool:
    """Whether paragraphs *a* and *b* open with the same measure of two different subjects
    (全国消毒产品被监督单位37079个… / 全国餐具饮具集中消毒服务单位3916个…): whatever they say
    next, without a subject of its own, is said of their subjects (依法查处案件2224件 / 980件)."""
    openings = _openings(doc)
    first, second = openings[a], openings[b]
    if first is None or second is None or first[1] != second[1] or first[0] == second[0]:
        return False
    shared = 0
    while shared < min(len(first[0]), len(second[0])) and first[0][-1 - shared] == second[0][-1 - shared]:
        shared += 1
    return shared >= MIN_CORE


def _openings(doc: Document) -> list[tuple[str, str] | None]:
    """For each paragraph that opens by stating a figure, the name and unit of that figure: the
    subject the paragraph speaks of (全国消毒产品被监督单位37079个…; 2024年，乡镇卫生院次均门诊
    费用87.6元…: a time may come first)."""
    def compute(document: Document) -> list[tuple[str, str] | None]:
        result: list[tuple[str, str] | None] = []
        for paragraph, figures in zip(document.paragraphs, document_figures(document)):
            text = paragraph.text
            start = 0
            first = _CLAUSE_BREAK.search(text)
            if first and first.start() <= _TIME_CLAUSE and period_words(text[: first.start()]) \
                    and not any(f.start < first.start() for f in figures):
                start = first.end()  # 2024年，… / 截至2024年底，…
            stop = _CLAUSE_BREAK.search(text, start)
            end = stop.start() if stop else len(text)
            inside = [f for f in figures if start <= f.start and f.end <= end and f.kind == "quantity" and f.unit]
            opening = None
            if inside and _names(text, start, inside[0]):
                opening = (strip_leads(text[start : inside[0].start - len(inside[0].before)]), inside[0].unit)
            result.append(opening)
        return result

    return doc.analysis("conflicting-figure.openings", compute)


def _violation(doc: Document, key: Key, statement: Statement, figure: Figure, reference: Statement,
               other: Figure) -> Violation:
    line = doc.lines.position(reference.paragraph.span(reference.start).start)[0]
    section = sections(doc)[statement.paragraph.index][1]
    where = f"同在“{_short(section)}”一节" if section else "同在文首一节"
    frame, words = key[2]  # type: ignore[misc]
    when = _time(frame, words)
    when = f"，时间同为{when}" if when else "，均未另注时间"
    if statement.place and statement.place == reference.place:
        when += "，范围同为全国" if statement.place == "全国" else "，范围同为本地区"
    same = "除数字外一字不差"
    if key[0] == "rate":  # named at length, the rate is one indicator wherever it is said
        where, same = "指标名称一字不差", "且都是实际值"
    return Violation(
        statement.span(figure),
        f"“{statement.name(figure)}”在此为“{statement.quoted(figure)}”，第{line}行同样的表述为"
        f"“{reference.quoted(other)}”：两处{where}{when}，{same}，是同一指标，数值却不一致",
        related=(Related(reference.span(other),
                         f"另一处：“{_short(reference.paragraph.text[reference.start : reference.end], 40)}”"),),
    )


def _time(frame: str, words: frozenset[str]) -> str:
    """The time two statements share, in words: the chapter's years and plan, and what their
    paragraphs add (2026年, “十四五”时期, 2025年、上半年)."""
    said = []
    heading, _, opening = frame.partition("#")  # a span the paragraphs opened is the time they speak of
    for token in dict.fromkeys((opening or heading).split("|")):
        if token.isdigit():
            said.append(token + "年")
        elif token.startswith("十") and len(token) == 3:
            said.append(f"“{token}”时期")
        elif token and token != "回顾" and not token.startswith(("一", "二", "三", "四", "五", "六", "七", "八", "九")):
            said.append(token)
    return "、".join(dict.fromkeys([*said, *sorted(words)]))


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
