"""Inject the defects of the figure rules (RL301–RL305) into a clean report.

A report in, one paragraph per line, and the same report with at most one
defect of each kind below out, together with the line of each defect: the line
where its rule must report it. The sites are found with ``reportlint.analysis.figures``
in the clean text, and only where the clean text is consistent (a count equal
to the items it counts, as many values after 分别 as subjects before it), so
that after the change the defect is unambiguous. Injections are kept apart,
never two in one paragraph, so every finding can be matched to one injection
by its line.

- count-mismatch: a count after a list changed (昭阳、镇雄、水富4个; down only
  when 、 joins every item: 租赁和商务服务业 may be one name); an item dropped
  from a counted list of three or more, or one added to a list joined by 、
  (an item of another list of the report: 昭阳、镇雄、陆良、水富3个); a numbered section （一）…（N）
  dropped (the last one) or added (a copy of the last, numbered N+1) after a
  claim "N个方面" that the clean report keeps; the numeral of a quoted
  abbreviation changed when its three or more items are listed right before
  it (企业、产业、就业、创业“五业”). The rule reports on the count, so the line
  recorded for a section is the claim's.
- respectively-mismatch: a value added after 分别 (A、B分别增长5%、6%、7%), or
  one dropped from three or more (A、B、C分别增长5%、6%); two values for three
  subjects, not one for two, which may be one value for both.
- conflicting-figure: an indicator stated twice with the same exact value in
  one section, one statement changed; a sentence with an exact figure copied
  into another paragraph of its section that speaks of the same time, its
  number changed there; or only the clause that opens such a sentence, so the
  indicator stands again among other words. Either statement's line is true.
- part-exceeds-whole: the part after 其中 made larger than the whole right
  before it, in the same unit (rates left out: a part may grow faster than its
  whole); the whole is exact, about or an upper bound, never 以上.
- percent-range: a share (…率, 占比, 比重, 比例, 份额 right before the figure)
  pushed past 100%; rates that may pass 100% (增长率, 贡献率, 自给率, 完成率,
  负债率 …) are left out. Shares of one whole (其中，A占44%，B占16%，C占23%，
  D占14%; 农户占60%、村集体公司占20%、龙头企业占20%: two or more 占x% in one
  sentence that add up to 90-100%, so they partition it) with one raised until
  they sum past 100%.

Sites whose figure, with the words before it, is stated elsewhere in the report
are left out for every kind but conflicting-figure: changing one would be a
conflict too; a copied sentence never changes a count of a list or a share 占x%,
which would be another rule's defect as well.

Each version also gets consistent edits of the same kinds of sites (CONTROLS),
which their rule must leave alone: an item added with its count raised, a
subject added with a value after 分别, a sentence copied with its figure
unchanged, a clause with 以上 stated again with a value the bound allows, a part
after 其中 made smaller, a share set to exactly 100%, a growth past 100%.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import qualitybench
from qualitybench import LineEdits, Where

from reportlint.analysis.figures import Figure, counted_enumerations, figures, respectively
from reportlint.text.parse import parse_text
from reportlint.text.structure import numbering

COUNT, RESPECTIVELY = "count-mismatch", "respectively-mismatch"
CONFLICT, PART, PERCENT = "conflicting-figure", "part-exceeds-whole", "percent-range"
RULES = (COUNT, RESPECTIVELY, CONFLICT, PART, PERCENT)

COUNT_CHANGED = "count after a list changed"
ITEM_DROPPED = "item dropped from a counted list"
ITEM_ADDED = "item added to a counted list"
SECTION_DROPPED = "last section after an N个方面 claim dropped"
SECTION_ADDED = "section added after an N个方面 claim"
ABBREVIATION_CHANGED = "quoted abbreviation's numeral changed"
VALUE_ADDED = "value added after 分别"
VALUE_DROPPED = "value dropped after 分别"
RESTATED_CHANGED = "one of two equal statements changed"
COPY_CHANGED = "sentence copied, its figure changed"
CLAUSE_CHANGED = "clause restated, its figure changed"
PART_LARGER = "part after 其中 larger than the whole"
SHARE_OVER = "share pushed past 100%"
SHARES_OVER = "shares of one whole summed past 100%"
# Consistent edits of the same sites, which their rule must leave alone: precision
# measured where the rules look, not only on the clean text they were tuned on.
LIST_GROWN = "item added, count raised with it"
RESPECTIVELY_GROWN = "subject and value added (分别)"
RESTATED_SAME = "sentence copied, same figure"
PART_SMALLER = "part after 其中 made smaller"
SHARE_FULL = "share set to 100%"
BOUND_MET = "clause restated within its 以上"
GROWTH_OVER = "growth pushed past 100%"
CONTROLS = {
    COUNT: (LIST_GROWN,),
    RESPECTIVELY: (RESPECTIVELY_GROWN,),
    CONFLICT: (RESTATED_SAME, BOUND_MET),
    PART: (PART_SMALLER,),
    PERCENT: (SHARE_FULL, GROWTH_OVER),
}
KINDS = {
    COUNT: (COUNT_CHANGED, ITEM_DROPPED, ITEM_ADDED, SECTION_DROPPED, SECTION_ADDED, ABBREVIATION_CHANGED),
    RESPECTIVELY: (VALUE_ADDED, VALUE_DROPPED),
    CONFLICT: (RESTATED_CHANGED, COPY_CHANGED, CLAUSE_CHANGED),
    PART: (PART_LARGER,),
    PERCENT: (SHARE_OVER, SHARES_OVER),
}

CONTEXT = 6  # characters before a figure that name what it measures, for "stated elsewhere"
MIN_INDICATOR = 4  # Chinese characters of a clause before a restated figure: enough to name it
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END = re.compile(r"[，。；：、,;:！？!?（）()“”]")
_ARABIC = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?")
_CN_NUMERAL = re.compile(r"[一二两三四五六七八九十]+")
_CN_DIGITS = "零一二三四五六七八九"
_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")
_HALF = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
# A claim about the document's own outline: 抓好8个方面工作, 十方面.
_CLAIM = re.compile(r"([0-9]{1,2}|[两三四五六七八九十]{1,3})个?方面")
# A share that cannot pass 100%, right before its figure (with a linking verb between).
_SHARE = re.compile(
    r"(?:率|占比|比重|比例|份额)(?:达到|达|为|超过|超|保持在|稳定在|提高到|提高至|提升到|提升至|增至|升至|不低于|突破)?\Z")
# Rates that may pass 100%: growth, contribution, self-sufficiency, plan fulfilment, debt.
_UNBOUNDED_RATE = re.compile(r"(增长|增|贡献|自给|完成|执行|负债|债务|杠杆|利|汇|税|费|效|回报|收益|产销|达产|到位|"
                             r"超额|溢价|周转|通胀|弹性|速)率")
# A clause opening with these compares or relates (比上年增加…, 占…); it names no indicator.
_COMPARISON = re.compile(r"比|较|同比|环比|增|减|下降|提高|降低|上升|其中|分别|占|达|为|共|累计")
_TIME_WORD = re.compile(r"(?:19|20)[0-9]{2}年|[一二三四五六七八九十两0-9]+年(?:来|间|内)|过去[一二三四五两]?年|五年|"
                        r"十[一二三四五六七]五|今年|明年|去年|上年|全年|年均|累计|“[一二三四五六七八九十]+五”")
# A paragraph that opens a span of time for those after it: a five-year total and last year's
# figure of one measure are two figures (issue 12), though each paragraph may name no year.
_SPAN_OPENER = re.compile(r"(?:过去|这|刚刚过去的)的?[一二三四五两0-9]+年|[一二三四五两0-9]+年来|(?:19|20)[0-9]{2}年[，是]")
# The second half of an outline number a page break cut in two (（ / 三）改革开放…): a heading.
_CUT_NUMBER = re.compile(r"[一二三四五六七八九十]+）")
# A short line without punctuation: an unnumbered heading that .txt parsing reads as text.
_SHORT_LINE = re.compile(r"[^。，；：！？,;:!?]{2,24}")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")
_CLAUSE_BREAK = re.compile(r"[，。；,;：:！？!?]")
_FROM_TO = re.compile(r"由|从|比")
_TIME_UNITS = frozenset({"年", "周年", "个月", "月", "日", "天", "周", "小时", "岁"})
# Sentences that lean on their neighbours for their subject: copied elsewhere they change meaning.
_DEPENDENT = re.compile(r"其中|分别|^[这此其该上同]|以上|以下|比上年|比去年|同比")


@dataclass(frozen=True)
class Injection:
    rule: str  # the rule that must report it
    kind: str
    line: int  # 1-based line of the injected document where the finding belongs
    text: str  # the injected text, as it stands on that line
    original: str = ""  # what stood there in the clean report
    #: (rule, line): findings of the rule on these lines are true as well
    also: tuple[tuple[str, int], ...] = ()
    site: str = ""  # names the site in the clean report, to count distinct sites


@dataclass
class Injected(qualitybench.Injected):
    #: consistent edits (kinds of CONTROLS): their rule must not report on their lines
    controls: list[Injection] = field(default_factory=list)


@dataclass
class _Body:
    """A paragraph whose prose is its line verbatim, so prose offsets are line offsets."""

    line: int  # 0-based index into the document's lines
    text: str
    kind: str
    numbering: tuple[int, int, str] | None
    section: int  # the stretch between headings and outline numbers of levels 0-2
    figures: list[Figure]
    sentences: list[tuple[int, int]]
    #: the span a paragraph opening with 过去五年 / 这一年 … set for the paragraphs after it
    span: str = ""


@dataclass
class _Pending:
    rule: str
    kind: str
    where: Where
    text: str
    original: str
    also: tuple[tuple[str, Where], ...] = ()
    site: str = ""
    control: bool = False


class _Draft(LineEdits):
    """The document's lines, with replacements, insertions and deletions recorded until ``finish``."""

    def __init__(self, text: str, rng: random.Random, avoid_lines: frozenset[int]) -> None:
        super().__init__(text.split("\n"))
        self.text = text
        self.rng = rng
        self.bodies = _bodies(text, self.lines)
        self.by_line = {b.line: b for b in self.bodies}
        self.used: set[int] = {n - 1 for n in avoid_lines}
        self.pending: list[_Pending] = []

    def free(self, lines) -> bool:
        return not any(n in self.used for n in lines)

    def shuffled(self, items: list) -> list:
        items = list(items)
        self.rng.shuffle(items)
        return items

    def replace(self, line: int, text: str) -> Where:
        self.used.add(line)
        return self.replace_line(line, text)

    def insert_after(self, line: int, text: str) -> Where:
        self.used.add(line)
        return self.insert_line_after(line, text)

    def delete(self, line: int) -> None:
        """Delete a paragraph and the blank line that follows it."""
        self.deleted.add(line)
        if line + 1 < len(self.lines) and not self.lines[line + 1].strip():
            self.deleted.add(line + 1)
        self.used.add(line)

    def finish(self) -> tuple[str, list[Injection], list[Injection]]:
        out, number = self.numbered()
        made = [
            (p.control, Injection(p.rule, p.kind, number[p.where], p.text, p.original,
                                  tuple((rule, number[where]) for rule, where in p.also), p.site))
            for p in self.pending
        ]
        return "\n".join(out), [i for c, i in made if not c], [i for c, i in made if c]

    def record(self, rule: str, kind: str, where: Where, text: str, original: str, site: str,
               also: tuple[tuple[str, Where], ...] = ()) -> bool:
        control = any(kind in kinds for kinds in CONTROLS.values())
        self.pending.append(_Pending(rule, kind, where, text, original, also, site, control))
        return True

    def stated_elsewhere(self, body: _Body, figure: Figure) -> bool:
        """Whether the figure with the words before it stands more than once in the report."""
        key = body.text[max(0, figure.start - CONTEXT) : figure.end]
        return self.text.count(key) > 1


def inject(text: str, rng: random.Random, avoid_lines: frozenset[int] = frozenset(),
           kinds: tuple[str, ...] | None = None) -> Injected:
    """At most one defect of each kind in KINDS and one consistent edit of each kind in
    CONTROLS (or only of *kinds*), placed with *rng*; *avoid_lines* (1-based) are lines
    already reported on the clean text, left alone so those findings stay put."""
    draft = _Draft(text, rng, avoid_lines)
    result = Injected("", [])
    # The kinds with the fewest sites first, while there is room.
    sections = [
        (SECTION_DROPPED, lambda: _change_sections(draft, drop=True)),
        (SECTION_ADDED, lambda: _change_sections(draft, drop=False)),
    ]
    rng.shuffle(sections)  # most reports have one claim: either change takes it
    lists = [
        (ITEM_DROPPED, lambda: _drop_item(draft)),
        (ITEM_ADDED, lambda: _add_item(draft)),
        (COUNT_CHANGED, lambda: _change_count(draft, abbreviation=False)),
        (LIST_GROWN, lambda: _add_item(draft, consistent=True)),
    ]
    rng.shuffle(lists)  # a report has a few counted lists: each change gets its turn first
    steps = [
        *sections,
        (ABBREVIATION_CHANGED, lambda: _change_count(draft, abbreviation=True)),
        (VALUE_DROPPED, lambda: _change_values(draft, add=False)),
        (PART_LARGER, lambda: _enlarge_part(draft)),
        (RESTATED_CHANGED, lambda: _change_restated(draft)),
        *lists,
        (VALUE_ADDED, lambda: _change_values(draft, add=True)),
        (SHARES_OVER, lambda: _push_shares(draft)),
        (SHARE_OVER, lambda: _push_share(draft)),
        (COPY_CHANGED, lambda: _copy_and_change(draft, clause=False)),
        (CLAUSE_CHANGED, lambda: _copy_and_change(draft, clause=True)),
        # The consistent edits take what room is left.
        (RESPECTIVELY_GROWN, lambda: _grow_respectively(draft)),
        (RESTATED_SAME, lambda: _copy_and_change(draft, clause=False, consistent=True)),
        (PART_SMALLER, lambda: _enlarge_part(draft, consistent=True)),
        (SHARE_FULL, lambda: _push_share(draft, consistent=True)),
        (BOUND_MET, lambda: _restate_within_bound(draft)),
        (GROWTH_OVER, lambda: _push_growth(draft)),
    ]
    for kind, step in steps:
        if kinds is not None and kind not in kinds:
            continue
        if not step():
            result.unplaced.append(kind)
    result.text, result.injections, result.controls = draft.finish()
    return result


def sites(text: str) -> dict[str, int]:
    """How many distinct sites of each kind the clean report offers (what the versions draw from)."""
    draft = _Draft(text, random.Random(0), frozenset())
    return {
        SECTION_DROPPED: len(_claims(draft)),
        SECTION_ADDED: len(_claims(draft)),
        ABBREVIATION_CHANGED: len(_count_sites(draft, abbreviation=True)),
        COUNT_CHANGED: len(_count_sites(draft, abbreviation=False)),
        ITEM_DROPPED: sum(len(e.items) >= 3 for _, e, _ in _count_sites(draft, abbreviation=False)),
        ITEM_ADDED: sum(e.last_joiner == "、" for _, e, _ in _count_sites(draft, abbreviation=False))
        if _donor_items(draft) else 0,
        VALUE_ADDED: len(_respectively_sites(draft, add=True)),
        VALUE_DROPPED: len(_respectively_sites(draft, add=False)),
        RESTATED_CHANGED: len(_restated_pairs(draft)),
        COPY_CHANGED: len(_copyable(draft)),
        CLAUSE_CHANGED: sum(len(_clauses(body, span, found)) > 0 for body, span, found in _copyable(draft)),
        PART_LARGER: len(_part_sites(draft)),
        SHARE_OVER: len(_share_sites(draft)),
        SHARES_OVER: len(_partition_sites(draft)),
    }


# -- the document's paragraphs ---------------------------------------------------


def _bodies(text: str, lines: list[str]) -> list[_Body]:
    doc = parse_text(text, "report.txt")
    bodies, section, span = [], 0, ""
    for paragraph in doc.paragraphs:
        number = paragraph.numbering
        if number or paragraph.kind == "heading" or _SHORT_LINE.fullmatch(paragraph.text) \
                or _CUT_NUMBER.match(paragraph.text):
            # 2024年工作回顾 / 2025年工作安排: unnumbered chapters count too; so does a numbered
            # item of any level, whose subject is its own (tiers, projects: issue 12)
            section += 1
            if (number and number[0] <= 1) or paragraph.kind == "heading":
                span = ""
        opener = _SPAN_OPENER.match(paragraph.text)
        if opener:
            span = opener.group()  # 过去五年… speaks for the paragraphs after it, until another span opens
        line = doc.lines.position(paragraph.span().start)[0] - 1
        if lines[line] != paragraph.text:
            continue  # offsets would need the source map
        sentences = [(s.start, s.end) for s in paragraph.sentences]
        found = figures(paragraph.text) if paragraph.kind == "text" else []
        bodies.append(_Body(line, paragraph.text, paragraph.kind, number, section, found, sentences, span))
    return bodies


# -- numbers, written as the report writes them ------------------------------------


def _number_text(figure: Figure) -> str:
    match = _ARABIC.match(figure.text) or _CN_NUMERAL.match(figure.text)
    return match.group() if match else ""


def chinese_numeral(n: int) -> str:
    """2 → 两, 10 → 十, 12 → 十二, 20 → 二十 (whole numbers below 100)."""
    if n == 2:
        return "两"
    tens, ones = divmod(n, 10)
    if not tens:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def format_like(value: float, like: str) -> str:
    """*value* written as the number *like* is: decimals, thousands commas, full-width digits."""
    half = like.translate(_HALF)
    decimals = len(half.split(".")[1]) if "." in half else 0
    text = f"{value:,.{decimals}f}" if "," in half else f"{value:.{decimals}f}"
    if "，" in like:
        text = text.replace(",", "，")
    if any("０" <= c <= "９" for c in like):
        text = text.translate(_FULL)
    return text


def _renumbered(figure: Figure, value: float) -> str:
    """The figure's text with its number replaced by *value* (in the figure's own scale)."""
    number = _number_text(figure)
    if _ARABIC.fullmatch(number):
        new = format_like(value, number)
    else:
        new = chinese_numeral(int(value))
    return new + figure.text[len(number):]


def _arabic_exact(figure: Figure) -> bool:
    """A plain Arabic quantity: one exact number, written with digits."""
    return (figure.kind == "quantity" and figure.value is not None and figure.text[:1].translate(_HALF).isdigit()
            and bool(_ARABIC.match(figure.text)))


def _different(figure: Figure, rng: random.Random, low: float = 0.6, high: float = 0.85) -> float:
    """A number clearly different from the figure's (by 15-40%), written with its decimals,
    in its own magnitude; a percentage stays at 100% or below (past it is another rule's defect)."""
    like = _number_text(figure)
    value = figure.value / figure.scale
    for _ in range(20):
        larger = rng.random() < 0.5
        factor = rng.uniform(1 / high, 1 / low) if larger else rng.uniform(low, high)
        new = float(format_like(value * factor, like).translate(_HALF).replace(",", ""))
        if 0 < new != value and not (figure.unit in ("%", "‰") and new > 100):
            return new
    return value / 2


# -- count-mismatch ------------------------------------------------------------------


def _count_sites(draft: _Draft, abbreviation: bool) -> list[tuple[_Body, object, Figure]]:
    """Counts equal to the closed list right before them."""
    found = []
    for body in draft.bodies:
        for enumeration, figure in counted_enumerations(body.text, body.figures):
            if enumeration.open or len(enumeration.items) != figure.value:
                continue
            if any("等" in item.text for item in enumeration.items):
                continue  # A、B等国家级集群4个: not every item is named
            if (figure.kind == "abbreviation") != abbreviation or draft.stated_elsewhere(body, figure):
                continue
            if abbreviation and (len(enumeration.items) < 3 or enumeration.items[-1].text[-1:] in "和及与"):
                continue  # 纳入“两新”, 邓小平理论和“三个代表”: the quote names something else
            if not _number_text(figure):
                continue
            found.append((body, enumeration, figure))
    return found


def _change_count(draft: _Draft, abbreviation: bool) -> bool:
    kind = ABBREVIATION_CHANGED if abbreviation else COUNT_CHANGED
    for body, enumeration, figure in draft.shuffled(_count_sites(draft, abbreviation)):
        if not draft.free([body.line]):
            continue
        n = len(enumeration.items)
        # With 和 before the last item the list may be one shorter (租赁和商务服务业): only more is sure.
        choices = [n + 1] + ([n - 1] if n > 2 and enumeration.last_joiner == "、" else [])
        new = _renumbered(figure, draft.rng.choice(choices))
        where = draft.replace(body.line, body.text[: figure.start] + new + body.text[figure.end :])
        return draft.record(COUNT, kind, where, new, figure.text, f"{body.line}:{figure.start}")
    return False


def _drop_item(draft: _Draft) -> bool:
    for body, enumeration, figure in draft.shuffled(_count_sites(draft, abbreviation=False)):
        items = enumeration.items
        if len(items) < 3 or not draft.free([body.line]):
            continue
        # Not the first item, which carries the clause's verb; the last only after a 、. What is
        # left keeps a 、, so it still reads as a list (A和C三大 is no list to count).
        choices = list(range(1, len(items) - 1)) + ([len(items) - 1] if enumeration.last_joiner == "、" else [])
        if enumeration.last_joiner != "、" and len(items) < 4:
            continue
        i = draft.rng.choice(choices)
        cut = (items[i - 1].end, items[i].end)
        text = body.text[: cut[0]] + body.text[cut[1] :]
        where = draft.replace(body.line, text)
        shown = text[items[0].start : figure.end - (cut[1] - cut[0])]
        return draft.record(COUNT, ITEM_DROPPED, where, shown, body.text[items[0].start : figure.end],
                            f"{body.line}:{figure.start}")
    return False


def _donor_items(draft: _Draft) -> list[str]:
    """Short names listed in the report's own lists (not their first items, which carry a verb)."""
    names = set()
    for body in draft.bodies:
        lists = [e for e, _ in counted_enumerations(body.text, body.figures)]
        lists += [r for r in respectively(body.text, body.figures)]
        for found in lists:
            items = found.items if hasattr(found, "items") else found.subjects
            names |= {item.text for item in items[1:] if _NAME.fullmatch(item.text) and item.text[-1] not in "和及与"}
    return sorted(names)


def _add_item(draft: _Draft, consistent: bool = False) -> bool:
    """An item added to a counted list; with *consistent*, the count raised with it."""
    donors = _donor_items(draft)
    for body, enumeration, figure in draft.shuffled(_count_sites(draft, abbreviation=False)):
        items = enumeration.items
        if enumeration.last_joiner != "、":
            continue  # A、B、X和C may be three (和 inside one name): one more is no proof
        listed = body.text[items[0].start : figure.start]
        # A name as long as the list's own (黄河、淮河 take 包头, not 新能源汽车).
        lengths = [len(item.text) for item in items[1:]]
        choices = [name for name in donors if name not in listed and name not in items[0].text
                   and min(lengths) <= len(name) <= max(lengths)]
        if not choices or not draft.free([body.line]):
            continue
        # After any item but the last: the new one stands inside the list, before its count.
        at = items[draft.rng.randrange(len(items) - 1)].end
        count = _renumbered(figure, len(items) + 1) if consistent else figure.text
        text = (body.text[:at] + "、" + draft.rng.choice(choices) + body.text[at : figure.start] + count
                + body.text[figure.end :])
        where = draft.replace(body.line, text)
        shown = text[items[0].start : figure.end + len(text) - len(body.text)]
        return draft.record(COUNT, LIST_GROWN if consistent else ITEM_ADDED, where, shown,
                            body.text[items[0].start : figure.end], f"{body.line}:{figure.start}")
    return False


@dataclass(frozen=True)
class _Claim:
    body: _Body
    figure: Figure
    sections: tuple[int, ...]  # 0-based lines of the numbered sections it announces


def _claims(draft: _Draft) -> list[_Claim]:
    """Claims "N个方面" followed, in the claim's own part of the outline, by exactly N
    numbered sections 1…N at the next level."""
    found = []
    outline = [b for b in draft.bodies if b.numbering]
    for body in draft.bodies:
        if body.kind != "text" or not _CLAIM.search(body.text):
            continue
        claims = [f for f in body.figures if f.unit in ("方面", "个方面") and f.is_count and f.bound == "exact"]
        if len(claims) != 1 or draft.stated_elsewhere(body, claims[0]):
            continue
        above = [b.numbering[0] for b in outline if b.line < body.line]
        level = above[-1] if above else 0
        after = [b for b in outline if b.line > body.line]
        if not after or after[0].numbering[0] <= level or after[0].numbering[1] != 1:
            continue
        sub = after[0].numbering[0]
        sections = []
        for b in after:
            if b.numbering[0] < sub or (b.numbering[0] == sub and b.numbering[1] != len(sections) + 1):
                break
            if b.numbering[0] == sub:
                sections.append(b.line)
        if len(sections) == claims[0].value and len(sections) >= 2:
            found.append(_Claim(body, claims[0], tuple(sections)))
    return found


def _change_sections(draft: _Draft, drop: bool) -> bool:
    for claim in draft.shuffled(_claims(draft)):
        last = claim.sections[-1]
        if not draft.free([claim.body.line, last]):
            continue
        draft.used |= {claim.body.line, *claim.sections}
        where = Where(claim.body.line)
        site = f"{claim.body.line}:{claim.figure.start}"
        if drop:
            draft.delete(last)
            return draft.record(COUNT, SECTION_DROPPED, where, claim.figure.text, claim.figure.text, site)
        # A copy of the last section numbered N+1, right after it (a draft merged twice).
        heading = draft.lines[last]
        _, ordinal, marker = numbering(heading)
        draft.insert_after(last, _next_marker(marker, ordinal) + heading[len(marker):])
        return draft.record(COUNT, SECTION_ADDED, where, claim.figure.text, claim.figure.text, site)
    return False


def _next_marker(marker: str, ordinal: int) -> str:
    """（八） → （九）, 8. → 9."""
    digits = re.search(r"[0-9０-９]+", marker)
    if digits:
        return marker.replace(digits.group(), str(ordinal + 1), 1)
    numeral = re.search(r"[一二三四五六七八九十百]+", marker).group()
    return marker.replace(numeral, chinese_numeral(ordinal + 1).replace("两", "二"), 1)


# -- respectively-mismatch ---------------------------------------------------------------

_SEPARATOR = "、"


def _respectively_sites(draft: _Draft, add: bool):
    found = []
    for body in draft.bodies:
        for r in respectively(body.text, body.figures):
            values = r.values
            if len(r.subjects) != len(values) or len(values) < (2 if add else 3):
                continue
            if not add and r.last_joiner != "、":
                continue  # A、B和C may be two subjects (租赁和商务服务业): one value fewer is no proof
            # Each value written whole with its unit, one unit and one joiner throughout.
            if len({v.unit for v in values}) != 1 or not all(
                    _arabic_exact(v) and len(v.text) > len(_number_text(v)) for v in values):
                continue
            joiners = {body.text[a.end + len(a.after) : b.start] for a, b in zip(values, values[1:])}
            if not joiners <= {"、", "和"} or any(v.after for v in values[:-1]) or any(
                    draft.stated_elsewhere(body, v) for v in values):
                continue
            found.append((body, r))
    return found


def _change_values(draft: _Draft, add: bool) -> bool:
    for body, r in draft.shuffled(_respectively_sites(draft, add)):
        if not draft.free([body.line]):
            continue
        values = r.values
        start, end = values[0].start, values[-1].end
        if add:
            last = values[-1]
            number = _number_text(last)
            new_value = _different(last, draft.rng, 0.5, 0.9)
            if new_value * last.scale in {v.value for v in values}:
                continue
            new = format_like(new_value, number) + last.text[len(number):]
            # 5%和6% → 5%、6%和7%: the new value last, after the list's own last joiner.
            joiner = body.text[values[-2].end : last.start]
            if joiner == "和":
                replaced = body.text[start : values[-2].end] + _SEPARATOR + last.text + "和" + new
            else:
                replaced = body.text[start:end] + joiner + new
        else:
            i = draft.rng.randrange(len(values))
            kept = [v.text for k, v in enumerate(values) if k != i]
            joiner = body.text[values[-2].end : values[-1].start]
            replaced = _SEPARATOR.join(kept[:-1]) + joiner + kept[-1]
        where = draft.replace(body.line, body.text[:start] + replaced + body.text[end:])
        return draft.record(RESPECTIVELY, VALUE_ADDED if add else VALUE_DROPPED, where, replaced,
                            body.text[start:end], f"{body.line}:{r.start}")
    return False


def _grow_respectively(draft: _Draft) -> bool:
    """A subject and a value added after 分别 together: as many of each again."""
    donors = _donor_items(draft)
    for body, r in draft.shuffled(_respectively_sites(draft, add=True)):
        subjects, values = r.subjects, r.values
        listed = body.text[subjects[0].start : r.start]
        choices = [name for name in donors if name not in listed]
        if not choices or not draft.free([body.line]) or subjects[-1].end > r.start:
            continue
        last = values[-1]
        new_value = _different(last, draft.rng, 0.5, 0.9)
        if new_value * last.scale in {v.value for v in values}:
            continue
        new = format_like(new_value, _number_text(last)) + last.text[len(_number_text(last)):]
        joiner = body.text[values[-2].end : last.start]
        # The new subject before the last one (A、X和B), the new value after the last (x、y和z).
        at = subjects[-2].end
        head = body.text[:at] + _SEPARATOR + draft.rng.choice(choices) + body.text[at : values[0].start]
        if joiner == "和":
            replaced = body.text[values[0].start : values[-2].end] + _SEPARATOR + last.text + "和" + new
        else:
            replaced = body.text[values[0].start : last.end] + joiner + new
        where = draft.replace(body.line, head + replaced + body.text[last.end :])
        return draft.record(RESPECTIVELY, RESPECTIVELY_GROWN, where, replaced, body.text[values[0].start : last.end],
                            f"{body.line}:{r.start}")
    return False


# -- conflicting-figure ------------------------------------------------------------------


def _indicator(body: _Body, figure: Figure) -> str:
    """The clause before the figure, from the last punctuation: what it measures."""
    head = body.text[: figure.start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    return head[cut:]


def _names_indicator(indicator: str) -> bool:
    """Whether a clause names what its figure measures: enough words, and not a comparison
    (…万吨，比上年增加1000万吨 names nothing; the indicator is in the clause before)."""
    return len(_HAN.findall(indicator)) >= MIN_INDICATOR and not _COMPARISON.match(indicator)


def _restated_pairs(draft: _Draft) -> list[tuple[_Body, Figure, _Body]]:
    """(body, figure, other): an exact figure stated with the same words in another
    paragraph of the same section."""
    seen: dict[tuple[int, str], list[tuple[_Body, Figure]]] = {}
    for body in draft.bodies:
        for figure in body.figures:
            indicator = _indicator(body, figure)
            if (_arabic_exact(figure) and figure.bound == "exact" and not figure.after
                    and _names_indicator(indicator)):
                seen.setdefault((body.section, indicator + figure.text), []).append((body, figure))
    pairs = []
    for statements in seen.values():
        lines = {b.line for b, _ in statements}
        if len(statements) == 2 and len(lines) == 2:
            (a, fa), (b, fb) = statements
            pairs += [(a, fa, b), (b, fb, a)]
    return pairs


def _change_restated(draft: _Draft) -> bool:
    for body, figure, other in draft.shuffled(_restated_pairs(draft)):
        if not draft.free([body.line, other.line]):
            continue
        new = _renumbered(figure, _different(figure, draft.rng))
        where = draft.replace(body.line, body.text[: figure.start] + new + body.text[figure.end :])
        draft.used.add(other.line)
        return draft.record(CONFLICT, RESTATED_CHANGED, where, new, figure.text, f"{body.line}:{figure.start}",
                            also=((CONFLICT, Where(other.line)),))
    return False


def _copyable(draft: _Draft) -> list[tuple[_Body, tuple[int, int], list[Figure]]]:
    """(body, sentence, figures): a self-contained sentence naming exact figures."""
    found = []
    for body in draft.bodies:
        if body.kind != "text":
            continue
        for start, end in body.sentences:
            sentence = body.text[start:end]
            if not 10 <= len(sentence) <= 80 or not sentence.endswith("。") or _DEPENDENT.search(sentence):
                continue
            inside = [f for f in body.figures if start <= f.start and f.end <= end]
            # Not a count of a list or of sections, nor a share of a whole: changed, those are
            # another rule's defect as well (水富4个, 农户占60%、村集体公司占28%…).
            counts = {f.start for _, f in counted_enumerations(body.text, body.figures)}
            good = [f for f in inside if _arabic_exact(f) and f.bound == "exact" and not f.after
                    and f.unit and f.unit not in _TIME_UNITS and f.unit not in ("方面", "个方面")
                    and f.start not in counts and body.text[f.start - 1 : f.start] != "占"
                    and _names_indicator(_indicator(body, f))]
            if good and draft.text.count(sentence) == 1:
                found.append((body, (start, end), good))
    return found


def _clauses(body: _Body, span: tuple[int, int], found: list[Figure]) -> list[tuple[int, int, Figure]]:
    """(start, end, figure): the clause of each figure, when it opens its sentence and is only
    part of it (新建改造燃气管线1000公里 out of 新建改造燃气管线1000公里，城市生命线更加安全。)."""
    clauses = []
    for figure in found:
        start = figure.start - len(_indicator(body, figure))
        end = next((m.start() for m in _CLAUSE_BREAK.finditer(body.text, figure.end, span[1])), span[1])
        clause = body.text[start:end]
        # The sentence's first clause, so no clause before it holds its subject; one figure,
        # no 由…到 or 比: a from-to or a comparison changed in one place is no restatement;
        # nothing quoted or in brackets, which would be cut off (3个“三年行动”).
        if start != span[0] or body.text[end : end + 1] not in "，；" or _FROM_TO.search(clause) \
                or re.search(r"[“”（）()、]", clause):
            continue
        if sum(start <= f.start < end for f in body.figures) == 1:
            clauses.append((start, end, figure))
    return clauses


def _frame(body: _Body) -> frozenset[str]:
    """The time words of a paragraph: years, spans and plan periods it speaks of, and the
    span an earlier paragraph opened for it."""
    return frozenset(m.group() for m in _TIME_WORD.finditer(body.text)) | {body.span}


def _targets(draft: _Draft, body: _Body) -> list[_Body]:
    """Other paragraphs of the section that speak of the same time: 十四五 and 2025年 in one
    review chapter are two frames, and a figure of each may differ."""
    frame = _frame(body)
    return [b for b in draft.bodies if b.kind == "text" and b.section == body.section and b.line != body.line
            and draft.free([b.line]) and len(b.sentences) >= 2 and _frame(b) == frame]


def _restate_within_bound(draft: _Draft) -> bool:
    """新增就业5万人以上 stated again elsewhere as 新增就业5.6万人: a value the bound allows."""
    sites = []
    for body in draft.bodies:
        for figure in body.figures:
            if figure.after != "以上" or not _arabic_exact(figure) or figure.unit in ("%", "‰", *_TIME_UNITS):
                continue
            indicator = _indicator(body, figure)
            end = next((m.start() for m in _CLAUSE_BREAK.finditer(body.text, figure.end)), len(body.text))
            clause = body.text[figure.start - len(indicator) : end]
            if _names_indicator(indicator) and not re.search(r"[“”（）()、]", clause) and not _FROM_TO.search(clause):
                sites.append((body, figure, indicator, end))
    for body, figure, indicator, end in draft.shuffled(sites):
        targets = _targets(draft, body)
        if not targets or not draft.free([body.line]):
            continue
        number = _number_text(figure)
        value = figure.value / figure.scale
        new_value = float(format_like(value * draft.rng.uniform(1.05, 1.3), number).translate(_HALF).replace(",", ""))
        if new_value <= value:
            continue
        tail = body.text[figure.end + len(figure.after) : end]
        sentence = indicator + _renumbered(figure, new_value) + tail + "。"
        target = draft.rng.choice(targets)
        at = draft.rng.choice([e for _, e in target.sentences])
        where = draft.replace(target.line, target.text[:at] + sentence + target.text[at:])
        draft.used.add(body.line)
        return draft.record(CONFLICT, BOUND_MET, where, sentence, body.text[figure.start - len(indicator) : end],
                            f"{body.line}:{figure.start}", also=((CONFLICT, Where(body.line)),))
    return False


def _copy_and_change(draft: _Draft, clause: bool, consistent: bool = False) -> bool:
    """A sentence (or only the clause of its figure, as a sentence of its own) stated again
    in another paragraph of its section, with another number (with *consistent*, the same)."""
    for body, (start, end), found in draft.shuffled(_copyable(draft)):
        if not draft.free([body.line]):
            continue
        if clause:
            choices = [c for c in _clauses(body, (start, end), found) if draft.text.count(body.text[c[0] : c[1]]) == 1]
            if not choices:
                continue
            start, end, figure = draft.rng.choice(choices)
        else:
            figure = draft.rng.choice(found)
        targets = _targets(draft, body)
        if not targets:
            continue
        target = draft.rng.choice(targets)
        new = figure.text if consistent else _renumbered(figure, _different(figure, draft.rng))
        sentence = body.text[start : figure.start] + new + body.text[figure.end : end] + ("。" if clause else "")
        at = draft.rng.choice([e for _, e in target.sentences])
        where = draft.replace(target.line, target.text[:at] + sentence + target.text[at:])
        draft.used.add(body.line)
        kind = RESTATED_SAME if consistent else CLAUSE_CHANGED if clause else COPY_CHANGED
        return draft.record(CONFLICT, kind, where, sentence,
                            body.text[start:end], f"{body.line}:{figure.start}", also=((CONFLICT, Where(body.line)),))
    return False


# -- part-exceeds-whole ----------------------------------------------------------------------

_NOT_ADDITIVE = frozenset({"%", "‰", "个百分点", "百分点", "倍", "年", "个月", "月", "天", "日", "周", "小时", "岁"})


def _part_sites(draft: _Draft) -> list[tuple[_Body, Figure, Figure]]:
    """(body, whole, part): 其中 between two figures of one unit in one sentence, the
    part smaller, the whole nothing like a lower bound."""
    found = []
    for body in draft.bodies:
        for match in re.finditer("其中", body.text):
            before = [f for f in body.figures if f.end <= match.start()]
            after = [f for f in body.figures if f.start >= match.end()]
            if not before or not after:
                continue
            whole, part = before[-1], after[0]
            between = body.text[whole.end : part.start]
            if re.search(r"[。；;！？]", between) or len(between) > 30 or re.search(r"[。；;]", body.text[match.end():part.start]):
                continue
            if (whole.unit != part.unit or whole.unit in _NOT_ADDITIVE or not whole.unit
                    or whole.value is None or part.value is None or part.value >= whole.value):
                continue
            if whole.bound == "min" or not _arabic_exact(part) or draft.stated_elsewhere(body, part):
                continue
            found.append((body, whole, part))
    return found


def _enlarge_part(draft: _Draft, consistent: bool = False) -> bool:
    """The part made 1.2-1.8 times its whole; with *consistent*, made smaller than it was
    (0.5-0.9 times), so that parts listed after it cannot add up past the whole either."""
    for body, whole, part in draft.shuffled(_part_sites(draft)):
        if not draft.free([body.line]):
            continue
        # In the part's own magnitude: 1.2万 against 9000 is the same comparison.
        target = part.value * draft.rng.uniform(0.5, 0.9) if consistent else whole.value * draft.rng.uniform(1.2, 1.8)
        number = _number_text(part)
        new_value = float(format_like(target / part.scale, number).translate(_HALF).replace(",", ""))
        larger = new_value * part.scale > whole.value * 1.1
        smaller = 0 < new_value * part.scale < part.value
        if not (smaller if consistent else larger):
            continue
        new = _renumbered(part, new_value)
        where = draft.replace(body.line, body.text[: part.start] + new + body.text[part.end :])
        return draft.record(PART, PART_SMALLER if consistent else PART_LARGER, where, new, part.text,
                            f"{body.line}:{part.start}")
    return False


# -- percent-range ----------------------------------------------------------------------------


def _share_sites(draft: _Draft) -> list[tuple[_Body, Figure]]:
    found = []
    for body in draft.bodies:
        for figure in body.figures:
            if figure.unit != "%" or not _arabic_exact(figure) or figure.direction or figure.bound == "max":
                continue
            head = body.text[max(0, figure.start - 12) : figure.start - len(figure.before)] + figure.before
            share = _SHARE.search(head)
            if not share or _UNBOUNDED_RATE.search(head[: share.end()]) or not 0 < figure.value <= 100:
                continue
            if draft.stated_elsewhere(body, figure) or "分别" in body.text[max(0, figure.start - 20) : figure.start]:
                continue
            found.append((body, figure))
    return found


def _push_share(draft: _Draft, consistent: bool = False) -> bool:
    """A share pushed to 102-130%; with *consistent*, to exactly 100% (覆盖率达到100%)."""
    for body, figure in draft.shuffled(_share_sites(draft)):
        if not draft.free([body.line]) or (consistent and (figure.value == 100 or figure.bound != "exact")):
            continue
        new_value = 100.0 if consistent else 100 + draft.rng.randint(2, 30) + figure.value % 1
        new = _renumbered(figure, new_value)
        where = draft.replace(body.line, body.text[: figure.start] + new + body.text[figure.end :])
        return draft.record(PERCENT, SHARE_FULL if consistent else SHARE_OVER, where, new, figure.text,
                            f"{body.line}:{figure.start}")
    return False


def _partition_sites(draft: _Draft) -> list[tuple[_Body, list[Figure]]]:
    """Shares 占x% of one sentence that add up to 90-100%: parts of one whole."""
    found = []
    for body in draft.bodies:
        for start, end in body.sentences:
            shares = [f for f in body.figures if start <= f.start < end and f.unit == "%" and _arabic_exact(f)
                      and body.text[f.start - 1 : f.start] == "占" and f.bound == "exact" and not f.direction]
            if len(shares) >= 2 and 90 <= sum(f.value for f in shares) <= 100 and not any(
                    draft.stated_elsewhere(body, f) for f in shares):
                found.append((body, shares))
    return found


def _push_shares(draft: _Draft) -> bool:
    for body, shares in draft.shuffled(_partition_sites(draft)):
        if not draft.free([body.line]):
            continue
        share = draft.rng.choice(shares)
        total = sum(f.value for f in shares)
        new = _renumbered(share, share.value + (100 - total) + draft.rng.randint(5, 25))
        where = draft.replace(body.line, body.text[: share.start] + new + body.text[share.end :])
        return draft.record(PERCENT, SHARES_OVER, where, new, share.text, f"{body.line}:{shares[0].start}")
    return False


def _push_growth(draft: _Draft) -> bool:
    """增长15% → 增长115%: a change may pass 100%, a share may not."""
    sites = [(body, f) for body in draft.bodies for f in body.figures
             if f.unit == "%" and f.direction == "up" and _arabic_exact(f) and f.bound == "exact"
             and f.value < 100 and not draft.stated_elsewhere(body, f)]
    for body, figure in draft.shuffled(sites):
        if not draft.free([body.line]):
            continue
        new = _renumbered(figure, 100 + draft.rng.randint(5, 80) + figure.value % 1)
        where = draft.replace(body.line, body.text[: figure.start] + new + body.text[figure.end :])
        return draft.record(PERCENT, GROWTH_OVER, where, new, figure.text, f"{body.line}:{figure.start}")
    return False
