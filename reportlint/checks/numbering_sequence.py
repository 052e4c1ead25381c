"""RL103 numbering-sequence: outline numbers that skip, repeat or fail to restart."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..model import Related, Violation, rule
from ..text.artifacts import CONTINUATION
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern, opened_by
from ..text.structure import SENTENCE_PUNCTUATION, chinese_number, list_label_end, numbering

# Paragraphs whose leading number is the author's: Markdown ordered-list markers
# never reach the prose (Markdown numbers those items itself), table cells and
# quoted text restate other documents' numbers.
_COUNTED = ("title", "heading", "text", "list-item")
# Ranks of the outline levels of structure.numbering; lower ranks are parents.
# 第X篇/部分 → 第X章 → 第X节 → 第X条 → 一、 → （一） → 1. → （1）.
_PART_RANK = {"篇": -3, "部": -3, "章": -2, "节": -1}
_ARTICLE_RANK = 0
# 第一条　根据…: the articles of a regulation, set off from their text by a space or a colon
# (第五条规定… at a paragraph's start cites an article, it does not number one).
_ARTICLE = LazyPattern(r"第(?P<n>[一二三四五六七八九十百零〇]+)条(?=[ \t\u3000：:])")
# Chapters run on through the parts of a plan (第一篇 第一章 第二章 第二篇 第三章), and the
# articles of a regulation through its parts, chapters and sections: by definition, not by habit.
_RUNS_ON_THROUGH = {-2: frozenset({-3}), _ARTICLE_RANK: frozenset({-3, -2, -1})}
_SPACES = " \t\u3000"
# 一、二线城市 / 1、2月份: two numerals joined by a 顿号 are a range, not an outline number
# (三、二〇二五年工作 and 1、2025年工作回顾 are).
_NUMERAL_AFTER_DUNHAO = LazyPattern(
    r"[一二三四五六七八九十]{1,3}(?![〇零○一二三四五六七八九十百])|[0-9０-９]{1,2}(?![0-9０-９])"
)
# A number cut off its opening bracket by a page break: "（" / "三）改革开放…".
_OPEN_BRACKET_END = LazyPattern(r"[（(]\s*$")
_BRACKET_REST = LazyPattern(r"[一二三四五六七八九十百0-9０-９]{1,3}[）)]")
# "（十一注重能力建设": a number that lost its closing bracket (unmatched-pair reports it).
_UNCLOSED = LazyPattern(r"[（(](?P<n>[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})(?![）)一二三四五六七八九十百0-9０-９])")
# "3．10种有色金属：…": structure.numbering leaves a dot before a digit to decimals (3.5%).
_NUMBER_BEFORE_DIGIT = LazyPattern(r"([0-9０-９]{1,3})[.．](?=[0-9０-９])")
# Ordinals inside prose: 一是…二是…, 第一，…第二，…; at a paragraph's start or after
# a 点号 (统一是, 全国第一， are words, 第一、第三产业 names industries).
_INLINE = {
    "是": LazyPattern(opened_by("一二三四五六七八九十", r"(?<![^。；：，！？;:,!?\s])(?P<n>[一二三四五六七八九十]{1,3})是(?!否)")),
    "第": LazyPattern(opened_by("第", r"(?<![^。；：，！？;:,!?\s])第(?P<n>[一二三四五六七八九十]{1,3})(?=[，,：:]|、(?!第))")),
}
# An inline list's items follow each other closely; a later 二是 belongs to another list.
# Items that open paragraphs (第一，… / 第二，…) may have a few paragraphs each.
_INLINE_REACH = 3  # paragraphs
_LEADING_REACH = 8
# 政府工作报告（摘要） / 讲话（节选） / a title line ending in 摘编: the document leaves out
# what it does not quote, so its numbers may start anywhere and leave gaps.
_SELECTION = LazyPattern(r"[（(【\[]\s*(?:节选|摘要|摘编|摘登|摘录|摘)\s*[）)】\]]|(?:节选|摘要|摘编|摘登|摘录)[：:]?\s*$")
_TITLE_AREA = 10  # paragraphs
# An appendix's label on a line of its own (附：名词解释, 附件, 附录, 注释), and a box's title (专栏3　…)
_APPENDIX = LazyPattern(r"(?:附[：:]?\s*)?(?:名词解释|名词注释|术语解释|附件[0-9０-９一二三四五六七八九十]*|附录|附表|注释|注解)[：:]?"
                       r"|专栏\s*[0-9０-９一二三四五六七八九十]+.*")
# 附件：1.…: a list of attachments whose first item follows its label on the same line
_APPENDIX_LEAD = LazyPattern(r"(?:附件|附表|附录)[0-9０-９]*[：:]")
# A group's heading that counts its members: （二）建议给予党纪政务处分的人员（3人）
_GROUP_COUNT = LazyPattern(r"[（(][0-9０-９一二三四五六七八九十]+[人名个家项][）)]\s*$")
_BOX = LazyPattern(r"专栏\s*[0-9０-９一二三四五六七八九十]+")
# 附件：1.…… / 注：（1）……: a number written after a label's colon
_LABELLED = LazyPattern(r"[：:][ \t\u3000]*(\S{2,6})")
_NUMERAL = LazyPattern(r"[一二三四五六七八九十百零〇两]+|[0-9０-９]+")
_CHINESE_DIGITS = "零一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Options:
    """The options of numbering-sequence (RL103)."""

    #: also check 一是…二是… and 第一，…第二，… lists written inside paragraphs
    inline_lists: bool = True


@dataclass
class _Mark:
    """A numbering marker as written (（三）, 3., 三、, 三是): its level, its ordinal and where."""

    paragraph: Paragraph
    rank: int
    ordinal: int
    start: int  # offsets in paragraph.text of the marker as written
    end: int
    shown: str  # the marker as quoted in a message: （三）, 3., 三、, 三是
    tentative: bool = False  # only a number if it continues its run
    heads_run: bool = False  # (tentative) or if a heading starts a run with it

    def span(self) -> Span:
        return self.paragraph.span(self.start, self.end)

    def with_ordinal(self, ordinal: int) -> str:
        """This marker written with another number, in the same style."""
        numeral = _NUMERAL.search(self.shown)
        if not numeral:
            return self.shown
        digits = numeral.group()
        if digits.isdigit():
            written = str(ordinal)
            if digits != digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")):
                written = written.translate(_FULL_WIDTH)
        else:
            written = _chinese(ordinal)
        return self.shown[: numeral.start()] + written + self.shown[numeral.end() :]


@rule(code="RL103", name="numbering-sequence", severity="warning", summary="序号跳号、重号或未重新编号",
      rationale="跳号、重号是起草时删节、重复粘贴或挪动章节留下的痕迹，而序号恰在报告最醒目的位置。",
      options=Options)
def numbering_sequence(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Checks that the outline numbers of a document run in order (GB/T 9704-2012:
    一、 → （一） → 1. → （1）; 第X篇/部分 → 第X章 → 第X节 → 第X条 above them):
    一、二、三、 / （一）（二） / 1. 2. / （1）（2） / 第一条 第二条 run without gaps
    or repeats. It reports the number that breaks the run — “（四）” after
    “（二）”, a second “（二）” — and names the previous number of the same level,
    pointing at it.

    How a level goes on under a new parent is the document's own habit, read from
    the whole document (one level at a time, and anew for each document in the
    file): a report starts （一） again under each 一、; Central and State Council
    documents count their items （一）…（三十） or （1）…（61） on through their
    parts 一、二、三、; regulations count 第X条 through their chapters, and the
    国务院工作规则 counts 一、…四十七、 through its 第X章. Continuity is checked in
    that habit: where the document counts on, a number left out, given twice or
    started again where the parts meet is reported (“（七）” after “（五）” of the
    part before); where it starts again, a part whose items go on counting from
    the part before is reported, naming a part that starts again.

    What it deliberately does not report:
    - Items counted on through the parts: “二、加快推动农机装备产业高质量发展” followed
      by “（三）完善农机装备创新体系” after （一）（二） under 一、, when that is how
      the document numbers (its other parts go on counting, none starts again).
    - A run that starts again at its first number (an annex 附件, a glossary
      名词解释, a table of contents followed by the text, the next of several
      bulletins in one file, a quoted list), except right after its first item:
      （一）（一） is a repeat. A number lower than the one before (（三） then （二））
      is reported, unless an unnumbered heading comes between them.
    - An excerpt: a document whose first number is not its level's first and that
      has no body text before it (a newspaper page that starts after “上接第3版”
      with “（五）”), or that says so before its first number (“（上接第二版）”,
      “政府工作报告（摘要）”, “讲话（节选）”), may start each level anywhere until a
      parent is seen; a declared selection (摘要, 节选, 摘编) may also leave items
      out. Repeats are still reported.
    - A list inside an item numbered with a higher level's marks, as older reports
      write: 一、二、三、 inside （一）'s text or inside 四、, after which the outer count
      goes on (（二）, 五、 written like （一）, 四、). That holds under the first part too:
      “一、一九五七年计划的执行结果” / “一、重工业生产增长较快。…” / “二、…” / “三、…” /
      “二、一九五八年计划草案”. A list of one item is no list, and an outer count that
      does not go on after it is none either: 一、 given twice is then reported.
    - Paragraphs numbered 1. 2. … through the whole document, as a policy address or a
      white paper numbers them across its parts 一、 and sections （一）: “（二）國際航運
      中心” / “7.香港港口是…”; a number left out or given twice in that count is reported.
    - 一是…，一是…: “坚持两个基本点：一是坚持四项基本原则，一是坚持改革开放” pairs “the
      one… the other…”; a repeated 一是 is reported only when the list goes on
      (一是…；一是…；三是…).
    - A first item written after a label in the paragraph before: “附件：1.国土资源部
      关于…的报告” followed by “2.湖北省巴东县…专家组意见”, “注：1.本公报中数据均为初步
      统计数。” followed by “2.…”; and items that ran inline before one that opens a
      paragraph: “实施就业优先行动。（1）……。（2）……。” / “（3）……”.
    - Measures numbered as articles on through the parts that hold them: “一、…”
      / “第一条”…“第四条” / “二、…” / “第五条”….
    - A count that runs on through the sections of one part and starts again
      in the next part: “二、重点任务” / “（一）…” “1.” “2.” / “（二）…” “3.” …
      after “一、” had its own “1.”–“4.”.
    - Ranges: 一、二线城市, 1、2月份, 三、四季度 (two consecutive numbers) are not
      outline numbers unless the outline expects that number there; “一、一年来工作回顾”,
      “二、2025年工作安排”, “（三）三大攻坚战…” are numbered 一、 / 二、 / （三）.
    - The markers of Markdown ordered lists (Markdown numbers them, so lazy
      “1. 1. 1.” is fine), table cells and quotes. Counted: headings and body
      paragraphs that start with a number (“1.坚持……。”), list items whose text
      starts with one, and 第X条 followed by a space or a colon (“第五条规定…” cites).

    Also: a level restarts under every paragraph numbered at a higher level, even
    when a level is skipped (一、 followed directly by 1.). Half-width (一) counts
    as （一） (punctuation-width reports the brackets); a number cut from its
    bracket by a page break (“（” / “三）…”) or that lost its closing bracket
    (“（十一注重能力建设”, unmatched-pair reports it) still counts when it continues
    its run, and so does “3．10种…” when it follows 2. (elsewhere a number before
    a digit is a decimal).
    Lists inside paragraphs, 一是…二是…三是… and 第一，…第二，…, are checked when
    their items follow each other closely (within three paragraphs, or eight when
    each item opens a paragraph): a skipped or repeated item is reported, a list
    that starts afresh at 一是 is not, and a list whose first item is not written
    一是 / 第一 is not checked; 全国第一，, 统一是 and 第一、第三产业 are words, not
    items. A list inside an item of a list (“一是聚焦扩大内需” / “…。一是提高居民收入；
    二是扩大服务消费。” / “二是聚焦科技创新”) is its own list; the outer one goes on
    with the items that open paragraphs. The levels are taken to nest in the order
    of GB/T 9704; a document that nests 1. above （一） is understood only as far as
    the lists inside items above explain it.

    ## Why it matters
    A skipped or doubled number is the trace of a section deleted, pasted twice
    or moved while drafting, and it is printed in the report's most visible place.

    ## Example
    Bad:
        （一）坚持稳中求进，推动经济持续回升向好。

        （二）坚持创新驱动，加快发展新质生产力。

        （四）坚持以人民为中心，切实保障和改善民生。
    Good:
        （一）坚持稳中求进，推动经济持续回升向好。

        （二）坚持创新驱动，加快发展新质生产力。

        （三）坚持以人民为中心，切实保障和改善民生。

    ## Options
    - `inline-lists` (true): also check 一是…二是… and 第一，…第二，… lists
      inside paragraphs.
    """
    yield from _Outline(doc).check(list(_outline_marks(doc)))
    if opts.inline_lists:
        yield from _check_inline(doc)


def _chinese(number: int) -> str:
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
    return head + (_CHINESE_DIGITS[ones] if ones else "")


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip(_SPACES))


def _outline_marks(doc: Document) -> Iterator[_Mark]:
    previous: Paragraph | None = None
    for paragraph in doc.paragraphs:
        if paragraph.kind in _COUNTED:
            mark = _outline_mark(paragraph, previous)
            if mark is not None:
                yield mark
                inner = _next_cell_mark(paragraph, mark)
                if inner is not None:
                    yield inner
            elif "\t" in paragraph.text:
                labelled = _labelled_row_mark(paragraph)
                if labelled is not None:
                    yield labelled
        if paragraph.kind != "artifact":
            previous = paragraph


# Where a row of a table set as text starts its next cell: a tab, or a wide gap.
_CELL_GAP = LazyPattern(r"\t+|\u3000+| {2,}")
_TABS = LazyPattern(r"\t+")


def _next_cell_mark(paragraph: Paragraph, mark: _Mark) -> _Mark | None:
    """（三）不予公开<tab>1.属于国家秘密<tab>0…: in a table set as text, a group's first item
    shares the group's row, in its next cell; the rows below start with 2., 3. …"""
    gap = _CELL_GAP.search(paragraph.text, mark.end)
    return _cell_mark(paragraph, gap.end(), mark.rank + 1) if gap else None


def _labelled_row_mark(paragraph: Paragraph) -> _Mark | None:
    """环境质量改善（40分）<tab>1.空气质量<tab>15: a table's group label in the first cell of the
    row that holds the group's first item; the item's number starts the second cell."""
    text = paragraph.text
    gap = _TABS.search(text)
    label = text[: gap.start()].strip() if gap else ""
    if not label or len(label) > _ROW_LABEL or numbering(label):
        return None
    return _cell_mark(paragraph, gap.end(), 3)


def _cell_mark(paragraph: Paragraph, start: int, least_rank: int) -> _Mark | None:
    """The outline number that opens the cell at *start*, at rank *least_rank* or below."""
    text = paragraph.text
    number = numbering(text[start:])
    if number is None or number[0] < least_rank or not text.startswith(number[2], start):
        return None
    level, ordinal, marker = number
    shown = marker.rstrip(_SPACES)
    return _Mark(paragraph, level, ordinal, start, start + len(shown), shown)


_ROW_LABEL = 20  # characters of a group's label in a table's first cell


def _outline_mark(paragraph: Paragraph, previous: Paragraph | None) -> _Mark | None:
    text, lead = paragraph.text, _lead(paragraph.text)
    if paragraph.numbering is not None:
        lead = list_label_end(text, lead)  # 附件：1.参会回执: the list's first item after its label
        level, ordinal, marker = paragraph.numbering
        if not text.startswith(marker, lead):
            return None
        if level == 0:
            kind = text[lead + len(marker) : lead + len(marker) + 1]
            if kind not in _PART_RANK or not marker[-1:].isalnum():
                return None  # 第一，…, 第二，部门监管…: an ordinal lead, checked with the inline lists
            if kind == "部" and not text.startswith("部分", lead + len(marker)):
                return None  # 第二部门: no part of the document
            shown = marker + ("部分" if kind == "部" else kind)
            return _Mark(paragraph, _PART_RANK[kind], ordinal, lead, lead + len(shown), shown)
        shown = marker.rstrip(_SPACES)
        range_end = shown.endswith("、") and _NUMERAL_AFTER_DUNHAO.match(text, lead + len(marker))
        if range_end and chinese_number(range_end.group()) == ordinal + 1:
            # 一、二线城市 / 1、2月份 / 三、四季度: a range of two consecutive numbers, unless the
            # outline expects this number here (二、三农工作 after 一、)
            return _Mark(paragraph, level, ordinal, lead, lead + len(shown), shown, tentative=True, heads_run=True)
        return _Mark(paragraph, level, ordinal, lead, lead + len(shown), shown)
    article = _ARTICLE.match(text, lead)
    if article:
        ordinal = chinese_number(article.group("n"))
        if ordinal:
            return _Mark(paragraph, _ARTICLE_RANK, ordinal, lead, article.end(), article.group())
    rest = _BRACKET_REST.match(text, lead)
    if rest and previous is not None and _OPEN_BRACKET_END.search(previous.text):
        number = numbering("（" + rest.group())
        if number is not None:
            level, ordinal, marker = number
            return _Mark(paragraph, level, ordinal, lead, rest.end(), marker)
    unclosed = _UNCLOSED.match(text, lead)
    if unclosed:
        ordinal = chinese_number(unclosed.group("n"))
        if ordinal:
            level = 4 if unclosed.group("n")[0] in "0123456789０１２３４５６７８９" else 2
            return _Mark(paragraph, level, ordinal, lead, unclosed.end(), unclosed.group(), tentative=True)
    decimal = _NUMBER_BEFORE_DIGIT.match(text, lead)
    if decimal:
        ordinal = chinese_number(decimal.group(1))
        if ordinal:
            return _Mark(paragraph, 3, ordinal, lead, decimal.end(), decimal.group(), tentative=True)
    return None


def _boxes(doc: Document) -> dict[int, int]:
    """Paragraph index -> the number of the box (专栏N) it is in: from the box's title to the
    next numbered heading of the top levels (一、) around it."""
    boxes: dict[int, int] = {}
    box = None
    for paragraph in doc.paragraphs:
        if paragraph.numbering is None and _BOX.match(paragraph.text.strip()):
            box = paragraph.index
        elif box is not None and paragraph.numbering is not None and paragraph.numbering[0] <= 1 \
                and paragraph.kind == "heading":
            box = None
        if box is not None:
            boxes[paragraph.index] = box
    return boxes


def _runs_on_through(rank: int, parent_rank: int) -> bool:
    return parent_rank in _RUNS_ON_THROUGH.get(rank, ())


def _segments(marks: list[_Mark]) -> list[int]:
    """Which part of the file each number belongs to: a file may hold several documents
    (a notice and the plan it issues, bulletins of several years, a table of contents and
    the text), each starting its top level again at 一、 / 第一章; each has its own habits."""
    ranks = [m.rank for m in marks if not m.tentative]
    top = min(ranks, default=0)
    segments, segment, seen_top = [], 0, False
    for mark in marks:
        if mark.rank == top and not mark.tentative:
            if mark.ordinal == 1 and seen_top:
                segment += 1
            seen_top = True
        segments.append(segment)
    return segments


@dataclass
class _Habit:
    """How one level of one document numbers its items under each new parent."""

    restarts: int = 0  # parents under which it starts again at （一）
    continues: int = 0  # parents under which it goes on from the previous parent's last item
    #: the first parent under which it starts again, for the message: (parent, its first child)
    restart: tuple[_Mark, _Mark] | None = None

    @property
    def continuous(self) -> bool:
        # （一）…（三十） across 一、二、三、 in Central and State Council documents: a convention,
        # recognised from the document itself; with as many restarts, the restarts are the habit
        return self.continues > self.restarts


def _habits(marks: list[_Mark], segments: list[int]) -> dict[tuple[int, int], _Habit]:
    """(segment, rank) -> habit: at each new parent, does the level's first item start
    again at 1, or go on from the last item under the parent before?"""
    habits: dict[tuple[int, int], _Habit] = {}
    runs: dict[int, _Mark] = {}  # rank -> last item of the current run
    ended: dict[int, _Mark] = {}  # rank -> last item under the previous parent
    for mark, segment in zip(marks, segments):
        if mark.tentative:
            continue
        if mark.rank not in runs and mark.rank in ended:
            habit = habits.setdefault((segment, mark.rank), _Habit())
            parent = _parent_of(runs, mark.rank)
            if mark.ordinal == 1:
                habit.restarts += 1
                if habit.restart is None and parent is not None:
                    habit.restart = (parent, mark)
            elif mark.ordinal == ended[mark.rank].ordinal + 1:
                habit.continues += 1
        for rank in [r for r in runs if r > mark.rank and not _runs_on_through(r, mark.rank)]:
            child = runs.pop(rank)
            if mark.ordinal == 1:
                ended.pop(rank, None)  # a new parent run (another document): no evidence
            else:
                ended[rank] = child
        runs[mark.rank] = mark
    return habits


def _parent_of(runs: dict[int, _Mark], rank: int) -> _Mark | None:
    above = [r for r in runs if r < rank and not _runs_on_through(rank, r)]
    return runs[max(above)] if above else None


@dataclass
class _Counts:
    """Where each level's count stands."""

    #: rank -> the last number of the current run at that rank
    runs: dict[int, _Mark] = field(default_factory=dict)
    #: rank -> the last number of the run at that rank under the previous parent
    ended: dict[int, _Mark] = field(default_factory=dict)
    #: ranks whose last number repeated the one before: it may stand for the next
    #: one (（二）（二）（四）), which is one finding, not two
    slack: set[int] = field(default_factory=set)
    #: ranks whose run went on through a new parent since its last number
    crossed: set[int] = field(default_factory=set)
    #: rank -> the number a reported restart should have had: the next number may go
    #: on from either (a part that starts again at （一） in a document that counts on)
    instead: dict[int, _Mark] = field(default_factory=dict)
    #: ranks whose run went on through a new grandparent (一、 → 二、 over 1. that counts on through
    #: （一）（二）): the next number may go on or start again, as plans number their parts either way
    free: set[int] = field(default_factory=set)

    def copy(self) -> _Counts:
        return _Counts(dict(self.runs), dict(self.ended), set(self.slack), set(self.crossed), dict(self.instead),
                       set(self.free))


@dataclass
class _Inner:
    """A run that starts again at its first number while another count is open: a new part
    (an annex, the next document) or a list inside an item, as older reports write
    一、二、三、 inside （一）'s text or inside 四、. Which one it is shows when the open
    count goes on after it (（二） after the list, 五、 after 四、's list)."""

    rank: int  # the level of the run that started again
    before: _Counts  # the counts as they stood before the run started again
    held: Violation | None  # the finding at its first number, void if it is a list inside
    #: the levels numbered since: a count goes on after the list only at a level the list
    #: did not use (（六） after a new 一、's own （一）…（四） is that 一、's)
    seen: set[int] = field(default_factory=set)
    #: how far the run that started again got: one item is no list (一、 given twice
    #: over items that go on counting is a repeated heading)
    reached: int = 1

    def note(self, mark: _Mark) -> None:
        self.seen.add(mark.rank)
        if mark.rank == self.rank:
            self.reached = max(self.reached, mark.ordinal)

    def resumed_by(self, mark: _Mark) -> bool:
        before = self.before.runs.get(mark.rank)
        if before is None or mark.ordinal != before.ordinal + 1 or self.reached < 2:
            return False
        # the count that goes on is written as it was (a heading after a heading), and
        # the list did not use its level
        return mark.paragraph.kind == before.paragraph.kind and not any(
            self.rank < rank <= mark.rank for rank in self.seen)


# Inner lists kept open at once; older ones are taken to be new parts.
_INNER_DEPTH = 8


@dataclass
class _Outline:
    """The walk over a document's numbered headings: the counts at each level and the habits
    seen so far."""

    doc: Document
    at: _Counts = field(default_factory=_Counts)
    #: the document begins in the middle of a run (an excerpt)
    excerpt: bool = False
    #: the document says it is a selection (节选, 摘要): numbers it left out are not gaps
    selection: bool = False
    started: bool = False
    #: (segment, rank) -> how that level numbers under a new parent
    habits: dict[tuple[int, int], _Habit] = field(default_factory=dict)
    segment: int = 0
    inner: list[_Inner] = field(default_factory=list)

    @property
    def runs(self) -> dict[int, _Mark]:
        return self.at.runs

    @property
    def ended(self) -> dict[int, _Mark]:
        return self.at.ended

    @property
    def slack(self) -> set[int]:
        return self.at.slack

    @property
    def crossed(self) -> set[int]:
        return self.at.crossed

    def check(self, marks: list[_Mark]) -> Iterator[Violation]:
        # a box (专栏3　重点建设项目: 1.…12. through its own （一）…（四）) numbers in its own habit,
        # which says nothing of how the document numbers its parts: a part of its own
        boxes = _boxes(self.doc)
        segments = [-1 - boxes[mark.paragraph.index] if mark.paragraph.index in boxes else segment
                    for mark, segment in zip(marks, _segments(marks))]
        self.habits = _habits(marks, segments)
        for mark, self.segment in zip(marks, segments):
            previous = self.runs.get(mark.rank)
            instead = self.at.instead.pop(mark.rank, None)
            if instead is not None and mark.ordinal == instead.ordinal + 1:
                previous = instead
            if mark.tentative and not self._counts(mark, previous):
                continue
            if not self.started:
                self.started = True
                opening = self.doc.paragraphs[: mark.paragraph.index]
                self.selection = any(_SELECTION.search(p.text) for p in opening[:_TITLE_AREA])
                declared = self.selection or any(CONTINUATION.search(p.text) for p in opening)
                self.excerpt = mark.ordinal > 1 and (declared or not self._body_before(mark.paragraph))
            # a higher level ends a list inside an item: that was a new part
            for inner in [i for i in self.inner if i.rank > mark.rank]:
                self.inner.remove(inner)
                yield from self._close(inner)
            opens_inner = self._opens_inner(mark, previous)
            before = self.at.copy() if opens_inner else None
            violation = self._first_of_run(mark) if previous is None else self._next_in_run(mark, previous)
            if violation is not None and self._resume(mark):
                violation = self._next_in_run(mark, self.runs[mark.rank])  # it continues: None
            for inner in self.inner:
                inner.note(mark)
            if before is not None:
                self.inner.append(_Inner(mark.rank, before, violation))
                if len(self.inner) > _INNER_DEPTH:
                    yield from self._close(self.inner.pop(0))
            elif violation is not None:
                yield violation
            self._advance(mark, fresh=self._starts_anew(mark, previous))
        for inner in self.inner:
            yield from self._close(inner)

    def _opens_inner(self, mark: _Mark, previous: _Mark | None) -> bool:
        """A first number while a count at its level or below it is open: also 一、 right
        after 一、, as older reports start the list inside their first part (一、一九五七年
        计划的执行结果 / 一、重工业生产增长较快。… / 二、… / 二、一九五八年计划草案). Its
        repeat is held, and reported unless the outer count goes on after the list."""
        if mark.ordinal != 1 or mark.rank == _ARTICLE_RANK:
            return False  # (articles are never a list inside an item: 一、… 第一条… 二、… 第五条… count on)
        return previous is not None or any(r > mark.rank for r in self.runs)

    def _starts_anew(self, mark: _Mark, previous: _Mark | None) -> bool:
        """A first number that starts its level again by itself (一、 after 三、: an annex, the
        next bulletin), not the first child of a new parent (（一） under 二、): only the former
        voids the count of the levels below it. A count that runs on through the parts
        (paragraphs 1. 2. … 30. through 一、（一）（二） 二、（一）… in a policy address) goes on
        under a new （一）."""
        if mark.ordinal != 1 or mark.rank == _ARTICLE_RANK and previous is None:
            return False  # (a first article may stand under a part: 一、… 第一条…; the parts go on)
        if previous is not None:
            return previous.ordinal > 1
        return self._parent(mark.rank) is None

    def _resume(self, mark: _Mark) -> bool:
        """A number that breaks its run but continues a count open before a run started
        again: that run was a list inside an item; the counts go back to where they stood."""
        for depth in range(len(self.inner) - 1, -1, -1):
            if self.inner[depth].resumed_by(mark):
                self.at = self.inner[depth].before
                del self.inner[depth:]
                return True
        return False

    @staticmethod
    def _close(inner: _Inner) -> Iterator[Violation]:
        if inner.held is not None:
            yield inner.held

    def _counts(self, tentative: _Mark, previous: _Mark | None) -> bool:
        """A number that may be something else (3．10种, 一、二线城市) counts when it continues
        its run, or when a heading starts a run with it (一、二季度经济运行情况)."""
        if previous is not None:
            return self._continues(tentative, previous)
        return tentative.heads_run and tentative.ordinal == 1 and tentative.paragraph.kind in ("heading", "title")

    def _habit(self, rank: int) -> _Habit:
        return self.habits.get((self.segment, rank)) or _Habit()

    def _body_before(self, paragraph: Paragraph) -> bool:
        """Running text before *paragraph*: a title block above a chapter published on its own
        (《澄川的节水型社会建设》白皮书 / 2025年3月 / 三、…) has no sentence, so the chapter is an excerpt."""
        return any(p.kind in ("text", "list-item") and any(c in SENTENCE_PUNCTUATION for c in p.text)
                   for p in self.doc.paragraphs[: paragraph.index])

    def _parent(self, rank: int) -> _Mark | None:
        return _parent_of(self.runs, rank)

    def _continues(self, mark: _Mark, previous: _Mark) -> bool:
        expected = previous.ordinal + 1
        return mark.ordinal == expected or (mark.rank in self.slack and mark.ordinal == expected + 1)

    def _first_of_run(self, mark: _Mark) -> Violation | None:
        if mark.ordinal == 1 or self._written_before(mark):
            return None
        parent = self._parent(mark.rank)
        if self._written_inline(mark, 1, parent):
            return None
        if parent is None:
            if self.excerpt or self.selection:
                return None
            return Violation(mark.span(), f"序号“{mark.shown}”前缺少{_missing(mark, 1)}：本级编号应从“{mark.with_ordinal(1)}”开始")
        before = self.ended.get(mark.rank)
        restart = self._habit(mark.rank).restart
        if before is not None and before.ordinal + 1 == mark.ordinal and _GROUP_COUNT.search(parent.paragraph.text):
            return None  # （二）建议给予处分的人员（3人） / 3.… 4.… 5.…: a roster numbered on through its groups
        if before is not None and before.ordinal + 1 == mark.ordinal and parent.rank == _ARTICLE_RANK:
            return None  # 一、… 第一条…第四条 二、… 第五条: parts that hold the measures count on across them
        if before is not None and before.ordinal + 1 == mark.ordinal and restart is not None:
            example_parent, example = restart
            return Violation(
                mark.span(),
                f"序号“{mark.shown}”接着上一部分的“{before.shown}”编号：本文件在新的上级标题下重新编号"
                f"（“{example_parent.shown}”下从“{example.shown}”开始），“{parent.shown}”下也应从“{mark.with_ordinal(1)}”开始",
                related=(Related(before.span(), f"上一部分的“{before.shown}”"),
                         Related(example.span(), f"“{example_parent.shown}”下重新编号的“{example.shown}”")),
            )
        if self.selection:
            return None  # a selection leaves out items
        return Violation(
            mark.span(),
            f"序号“{mark.shown}”前缺少{_missing(mark, 1)}：上级标题“{parent.shown}”下的编号应从“{mark.with_ordinal(1)}”开始",
            related=(Related(parent.span(), f"上级标题“{parent.shown}”"),),
        )

    def _written_before(self, mark: _Mark) -> bool:
        """附件：1.…… / 注：1.…… and then 2.……: the first item written after a label in the
        paragraph before."""
        index = mark.paragraph.index
        if index == 0:
            return False
        label = _LABELLED.search(self.doc.paragraphs[index - 1].text)
        number = numbering(label.group(1)) if label else None
        # ranks 1–4 are structure.numbering's levels
        return number is not None and number[0] == mark.rank and number[1] == mark.ordinal - 1

    def _next_in_run(self, mark: _Mark, previous: _Mark) -> Violation | None:
        continues = self._continues(mark, previous)
        crossed = mark.rank in self.crossed and mark.rank not in self.at.free
        self.slack.discard(mark.rank)
        self.crossed.discard(mark.rank)
        self.at.free.discard(mark.rank)
        if continues:
            return None
        related = (Related(previous.span(), f"上一个同级序号“{previous.shown}”"),)
        # the items go on counting through the parts: say so, the reader expects a restart
        habit = f"：本文件各部分的“{mark.with_ordinal(1)}”级序号连续编号，上一部分止于“{previous.shown}”" if crossed else ""
        if mark.ordinal == 1 and previous.ordinal > 1:
            if crossed and not self._appendix_between(previous, mark) \
                    and not _APPENDIX_LEAD.match(mark.paragraph.text.lstrip()):  # one part restarts where the others go on
                self.at.instead[mark.rank] = replace(mark, ordinal=previous.ordinal + 1)
                return Violation(mark.span(), f"序号“{mark.shown}”重新编号{habit}，此处应为“{mark.with_ordinal(previous.ordinal + 1)}”",
                                 related=related)
            return None  # a new run: an annex, a glossary, a quoted list
        if mark.ordinal == previous.ordinal:  # （一）（一）: no list restarts after one item
            self.slack.add(mark.rank)
            return Violation(mark.span(), f"序号“{mark.shown}”重复{habit}", related=related)
        expected = previous.ordinal + 1
        if mark.ordinal > expected and self.selection:
            return None  # a selection leaves out items
        if mark.ordinal > expected and self._written_inline(mark, expected, previous):
            return None
        if mark.ordinal > expected:
            where = habit or f"：“{previous.shown}”之后直接出现“{mark.shown}”"
            return Violation(mark.span(), f"序号“{mark.shown}”前缺少{_missing(mark, expected)}{where}", related=related)
        if self._heading_between(previous, mark):
            return None  # counting down under an unnumbered heading: another section's list
        return Violation(mark.span(), f"序号“{mark.shown}”排在“{previous.shown}”之后：顺序颠倒或重复", related=related)

    def _written_inline(self, mark: _Mark, first: int, since: _Mark | None) -> bool:
        """实施就业行动。（1）……。（2）……。 / （3）……: the numbers *mark* skips, written in order
        inside the text since *since* (the item before, or the parent), each opening a
        sentence: the items ran inline and this one opens a paragraph of its own."""
        start = since.paragraph.index if since is not None else max(0, mark.paragraph.index - _INLINE_REACH)
        between = self.doc.paragraphs[start : mark.paragraph.index]
        text = "\n".join(p.text[since.end:] if since is not None and p is since.paragraph else p.text
                         for p in between)
        at = 0
        for ordinal in range(first, mark.ordinal):
            found = _opening_sentence(text, mark.with_ordinal(ordinal), at)
            if found < 0:
                return False
            at = found + 1
        return True

    def _appendix_between(self, first: _Mark, second: _Mark) -> bool:
        """名词解释, 附件, 附录 on a line of their own: what follows is an appendix, whose items
        start at 1 whatever the body's habit."""
        between = self.doc.paragraphs[first.paragraph.index + 1 : second.paragraph.index]
        return any(p.numbering is None and _APPENDIX.fullmatch(p.text.strip()) for p in between)

    def _heading_between(self, first: _Mark, second: _Mark) -> bool:
        between = self.doc.paragraphs[first.paragraph.index + 1 : second.paragraph.index]
        return any(p.kind in ("heading", "title") and p.numbering is None for p in between)

    def _advance(self, mark: _Mark, fresh: bool) -> None:
        """*mark* counts now; *fresh*: it starts its level again (not 一、 given twice)."""
        for rank in [r for r in self.runs if r > mark.rank and not _runs_on_through(r, mark.rank)]:
            if fresh:
                # a parent that starts again (an annex, the next bulletin, the text after a
                # table of contents): its items start afresh, whatever the habit
                del self.runs[rank]
                self.ended.pop(rank, None)
            elif self._habit(rank).continuous:
                self.crossed.add(rank)  # the count goes on under the new parent
                if rank > mark.rank + 1:
                    self.at.free.add(rank)
                continue
            else:
                self.ended[rank] = self.runs.pop(rank)
            self.slack.discard(rank)
            self.crossed.discard(rank)
        for rank in [r for r in self.ended if r > mark.rank + 1 and not _runs_on_through(r, mark.rank)]:
            del self.ended[rank]  # a grandchild does not continue across two parents
        self.runs[mark.rank] = mark


def _opening_sentence(text: str, marker: str, start: int) -> int:
    """Where *marker* opens a line or a sentence of *text* from *start* on, or -1."""
    at = text.find(marker, start)
    while at > 0 and text[at - 1] not in "\n" + _SPACES + SENTENCE_PUNCTUATION + "：:":
        at = text.find(marker, at + 1)
    return at


def _missing(mark: _Mark, first: int) -> str:
    last = mark.ordinal - 1
    if last == first:
        return f"“{mark.with_ordinal(first)}”"
    if last == first + 1:
        return f"“{mark.with_ordinal(first)}”“{mark.with_ordinal(last)}”"
    return f"“{mark.with_ordinal(first)}”至“{mark.with_ordinal(last)}”"


def _check_inline(doc: Document) -> Iterator[Violation]:
    """一是…二是… and 第一，…第二，…: a list starts at its first item; each item follows the one before."""
    lists = {family: _InlineList(pairs=family == "是") for family in _INLINE}
    for paragraph in doc.paragraphs:
        if paragraph.kind not in _COUNTED:
            continue
        if _opens_section(paragraph):
            for inline in lists.values():
                inline.end()  # a new section: its lists are its own
        lead = _lead(paragraph.text)
        for family, pattern in _INLINE.items():
            for match in pattern.finditer(paragraph.text):
                ordinal = chinese_number(match.group("n"))
                shown = match.group().lstrip(_SPACES)
                if ordinal is not None:
                    mark = _Mark(paragraph, 0, ordinal, match.end() - len(shown), match.end(), shown)
                    yield from lists[family].add(mark, leading=mark.start == lead)


def _opens_section(paragraph: Paragraph) -> bool:
    """A heading or an outline number, but not a 第一，… lead (national_1980 writes
    them as headings) or a 一是… sub-heading, which are items of the list itself."""
    if paragraph.numbering is not None and paragraph.numbering[0] == 0:
        return paragraph.numbering[2][-1] not in "，,、：:"
    if _INLINE["是"].match(paragraph.text, _lead(paragraph.text)):
        return False
    return paragraph.kind in ("title", "heading") or paragraph.numbering is not None


@dataclass
class _InlineList:
    """A list inside paragraphs (一是…二是…) while the walk goes through it."""

    #: 一是…，一是…: "the one…, the other…", a pair, not a list that repeats its first
    #: item; it is one only when the list goes on (二是, 三是)
    pairs: bool = False
    last: _Mark | None = None
    last_leading: bool = False
    slack: bool = False  # the last item repeated the one before (see _Outline.slack)
    pending: Violation | None = None  # a repeated 一是, reported if the list goes on
    #: the list whose items open paragraphs, while a list inside one of its items runs:
    #: “一是聚焦扩大内需” / “…。一是提高居民收入；二是扩大服务消费。” / “二是聚焦科技创新”
    outer: _Mark | None = None

    def end(self) -> None:
        self.last, self.pending, self.outer = None, None, None

    def _within_reach(self, previous: _Mark | None, mark: _Mark, reach: int) -> _Mark | None:
        if previous is not None and mark.paragraph.index - previous.paragraph.index > reach:
            return None
        return previous

    def add(self, mark: _Mark, leading: bool) -> Iterator[Violation]:
        reach = _LEADING_REACH if leading and self.last_leading else _INLINE_REACH
        previous = self._within_reach(self.last, mark, reach)
        outer = self._within_reach(self.outer, mark, _LEADING_REACH)
        if previous is not None and self.last_leading and not leading and mark.ordinal == 1:
            # 一是 inside the text of an item that opens its paragraph: a list inside the item
            self.outer, previous = previous, None
        elif leading and outer is not None and (previous is None or mark.ordinal != previous.ordinal + 1):
            previous, self.outer = outer, None  # the outer list goes on: 二是 after 一是's own list
        pending, self.pending = self.pending, None
        self.last, self.last_leading = mark, leading
        slack, self.slack = self.slack, False
        if pending is not None and mark.ordinal == 1:
            previous = None  # 一是…，一是… was a pair; this 一是 starts a list
        if previous is None or (mark.ordinal == 1 and previous.ordinal > 1):
            if mark.ordinal > 1:
                self.last = None  # a list whose start is not written 一是 / 第一
            return  # a new list
        expected = previous.ordinal + 1
        if mark.ordinal == expected or (slack and mark.ordinal == expected + 1):
            if pending is not None:
                yield pending  # 一是…一是…三是: the list goes on, the second 一是 was its 二是
            return
        related = (Related(previous.span(), f"上一项“{previous.shown}”"),)
        if mark.ordinal == previous.ordinal:  # 一是…一是: no list starts again after one item
            self.slack = True
            repeat = Violation(mark.span(), f"“{mark.shown}”重复", related=related)
            if self.pairs and mark.ordinal == 1:
                self.pending = repeat
            else:
                yield repeat
            return
        if mark.ordinal > expected:
            yield Violation(mark.span(), f"“{mark.shown}”前缺少{_missing(mark, expected)}", related=related)
            return
        self.last = None  # counts backwards: another list, begun without 一是
