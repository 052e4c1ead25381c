"""Inject the defects of the convention rules into a clean report: punctuation
(RL401–RL403), outline numbering (RL103) and misspelled words (RL501).

A report in, one paragraph per line, and the same report with at most one
defect of each kind below out, together with the line of each defect: the
line where its rule must report it. Injections are kept apart, never two in
one paragraph, so every finding can be matched to one injection by its line.

- punctuation-width: in a report written with full-width marks, one ， in
  Chinese text (after a character, a figure or a closing mark) typed as an ASCII comma; one ： or ； typed as : or ;; one
  （…） pair around Chinese text typed as ASCII ( ).
- unmatched-pair: the closing mark of a “…”, 《…》 or （…） pair deleted, in a
  paragraph whose marks of that kind all pair up.
- repeated-punctuation: a ， 、 or 。 after a Chinese character typed twice; a
  ， left in front of a 。 (发展，。).
- numbering-sequence: in a run of three or more sibling outline numbers
  (一、二、三、 / （一）（二）（三） / 1. 2. 3. / （1）（2）（3）, 1 … n in the clean
  report), the number of one inner sibling deleted (the gap is reported on the
  next sibling's line), or one sibling numbered like the one before it (the
  repeat is reported on its line; a finding on the next sibling's line, which
  now follows a repeat, is true as well).
- placeholder: a template's blank left unfilled: the figure of one amount replaced by
  the marks a template stands in with (5.2万人 → ××万人, 126个 → XX个), one year or date
  of the text replaced by marks (2025年 → 20XX年, 3月5日 → ×月×日), or a drafter's note
  in brackets left after a clause (…增长6.8%（待补充）。).
- serial-number-form: in a report about 2012 or later (GB/T 15834-2011 took effect then), the
  mark after one paragraph's outline number changed to a common wrong one: （一） → （一）、,
  1. → 1、, 一、 → 一., 第一， → 第一、.
- punctuation-usage: in a report about 2012 or later that does not already write the usage
  (GB/T 15834-2011 took effect in 2012), a 顿号 put between two items in quotes or 书名号
  (“A”“B” or “A”和“B” → “A”、“B”); an ellipsis put before the 等 that ends a list (A、B、C等 →
  A、B、C……等); the connector of one number range typed as an ASCII hyphen or tilde (3～5个 →
  3-5个, 2021—2025年 → 2021~2025年).
- redundancy: one word of the text given a neighbour whose meaning it already holds (前景 →
  未来前景, 仍然 → 仍然还, 现状 → 目前现状 …): pairs chosen in the injector from the common 病句
  lists, independently of the rule pack.
- abbreviation-consistency: a 简称 defined at the first mention of a name the report writes
  twice or more (规模以上工业（以下简称“规上工业”）), and then one of: the full name kept at one
  later mention while the others take the 简称 (reported there); the 简称 written at one
  mention before its definition, which goes to a later mention (reported there); or, in a
  report that writes 其他 and never 其它, one 其他 written 其它 (reported on it).
- confusable-word: one occurrence of a correctly written word replaced by a
  well-known misspelling of it. The pairs are chosen here, from published lists
  of common errors, independently of the rule pack: recall measures the pack's
  coverage of them.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import qualitybench
from qualitybench import LineEdits, Where

from reportlint.analysis.dating import PUNCTUATION_STANDARD, predates
from reportlint.text.document import Document
from reportlint.text.parse import parse_text

PUNCTUATION_WIDTH, UNMATCHED_PAIR = "punctuation-width", "unmatched-pair"
REPEATED_PUNCTUATION, NUMBERING, CONFUSABLE = "repeated-punctuation", "numbering-sequence", "confusable-word"
PLACEHOLDER, SERIAL_FORM, PUNCTUATION_USAGE = "placeholder", "serial-number-form", "punctuation-usage"
REDUNDANCY, ABBREVIATION = "redundancy", "abbreviation-consistency"
RULES = (PUNCTUATION_WIDTH, UNMATCHED_PAIR, REPEATED_PUNCTUATION, NUMBERING, CONFUSABLE, PLACEHOLDER, SERIAL_FORM,
         PUNCTUATION_USAGE, REDUNDANCY, ABBREVIATION)

ASCII_COMMA = "ASCII comma (，→,)"
ASCII_COLON = "ASCII colon or semicolon (：→:)"
ASCII_PARENS = "ASCII parentheses (（）→())"
NO_CLOSING_QUOTE = "closing ” deleted"
NO_CLOSING_TITLE = "closing 》 deleted"
NO_CLOSING_PAREN = "closing ） deleted"
MARK_DOUBLED = "mark typed twice (，，)"
COMMA_BEFORE_STOP = "comma left before a full stop (，。)"
NUMBER_SKIPPED = "number left out (（二）（四）)"
NUMBER_REPEATED = "number given twice (（二）（二）)"
MISSPELLED = "known misspelling (部署→布署)"
FIGURE_BLANKED = "figure left as marks (5.2万人→××万人)"
DATE_BLANKED = "year or date left as marks (2025年→20XX年)"
NOTE_LEFT = "drafting note left in brackets (（待补充）)"
WRONG_SERIAL_MARK = "wrong mark after an outline number (（一）→（一）、)"
DUNHAO_BETWEEN_MARKED = "顿号 between marked items (“A”“B”→“A”、“B”)"
ELLIPSIS_WITH_DENG = "ellipsis before 等 (A、B等→A、B……等)"
ASCII_RANGE = "ASCII hyphen or tilde in a range (3～5个→3-5个)"
REDUNDANT_WORD = "redundant word added (前景→未来前景)"
FULL_NAME_AGAIN = "full name again after its 简称 was defined"
SHORT_BEFORE = "简称 used before its definition"
FORM_MIXED = "one 其他 written 其它"
KINDS = {
    PUNCTUATION_WIDTH: (ASCII_COMMA, ASCII_COLON, ASCII_PARENS),
    UNMATCHED_PAIR: (NO_CLOSING_QUOTE, NO_CLOSING_TITLE, NO_CLOSING_PAREN),
    REPEATED_PUNCTUATION: (MARK_DOUBLED, COMMA_BEFORE_STOP),
    NUMBERING: (NUMBER_SKIPPED, NUMBER_REPEATED),
    CONFUSABLE: (MISSPELLED,),
    PLACEHOLDER: (FIGURE_BLANKED, DATE_BLANKED, NOTE_LEFT),
    SERIAL_FORM: (WRONG_SERIAL_MARK,),
    PUNCTUATION_USAGE: (DUNHAO_BETWEEN_MARKED, ELLIPSIS_WITH_DENG, ASCII_RANGE),
    REDUNDANCY: (REDUNDANT_WORD,),
    ABBREVIATION: (FULL_NAME_AGAIN, SHORT_BEFORE, FORM_MIXED),
}
#: the kinds that draw with a generator of their own (added after the others had their figures)
_OWN_RNG_KINDS = (*KINDS[PLACEHOLDER], WRONG_SERIAL_MARK, *KINDS[PUNCTUATION_USAGE], REDUNDANT_WORD,
                  *KINDS[ABBREVIATION])

#: (right, wrong): well-known misspellings of words official reports use, from the published
#: lists of common errors (《咬文嚼字》's annual lists, 常见别字 of idioms, typical 公文 slips).
MISSPELLINGS = (
    ("部署", "布署"), ("作为", "做为"), ("辐射", "幅射"), ("防汛", "防讯"), ("砥砺", "砥励"),
    ("攻坚克难", "攻艰克难"), ("锲而不舍", "契而不舍"), ("座谈会", "坐谈会"), ("竣工", "峻工"),
    ("一如既往", "一如继往"), ("实事求是", "实是求是"), ("震撼", "震憾"), ("陷阱", "陷井"),
    ("追溯", "追朔"), ("再接再厉", "再接再励"), ("兢兢业业", "竞竞业业"), ("与时俱进", "与时具进"),
    ("制高点", "至高点"), ("严峻", "严竣"), ("弘扬", "宏扬"), ("竞争", "竟争"), ("挖掘", "挖崛"),
    ("膨胀", "膨涨"), ("账户", "帐户"), ("过渡期", "过度期"), ("既要", "即要"), ("迫在眉睫", "迫在眉捷"),
    ("按部就班", "按步就班"), ("截至目前", "截止目前"), ("防范", "防犯"), ("账款", "帐款"), ("气候", "气侯"),
    ("蓬勃", "篷勃"), ("家具", "家俱"), ("因地制宜", "因地置宜"), ("全力以赴", "全力以付"),
    ("相辅相成", "相辅相承"), ("循序渐进", "循序渐近"), ("赋予", "赋于"), ("融洽", "融恰"), ("贯彻", "贯澈"),
)

#: (word, the word with a redundant neighbour): from the common 病句 lists of 成分赘余,
#: chosen here independently of the rule pack, so recall measures the pack's coverage of them.
REDUNDANCIES = (
    ("前景", "未来前景"), ("现状", "目前现状"), ("仍然", "仍然还"), ("依然", "依然还"), ("终于", "最后终于"),
    ("赠送", "免费赠送"), ("目睹", "亲眼目睹"), ("陋习", "不良陋习"), ("公认", "一致公认"), ("凯旋", "凯旋归来"),
    ("溺爱", "过分溺爱"), ("公之于众", "公诸于众"),
)

_HAN = "\u4e00-\u9fff"
# after a figure too (增长5.2%,居全国第一), before a quote or bracket (开工,“两新”)
_COMMA_SITE = re.compile(f"(?<=[{_HAN}0-9%”）])，(?=[{_HAN}“（])")
_COLON_SITE = re.compile(f"(?<=[{_HAN}])[：；](?=[{_HAN}“])")
_PARENS_SITE = re.compile(f"（[{_HAN}、，]{{2,20}}）")
_MARK_SITE = re.compile(f"(?<=[{_HAN}])[，、。](?=[{_HAN}])")
_STOP_SITE = re.compile(f"(?<=[{_HAN}]{{4}})。")
_PAIRS = {NO_CLOSING_QUOTE: ("“", "”"), NO_CLOSING_TITLE: ("《", "》"), NO_CLOSING_PAREN: ("（", "）")}
_ASCII = {"，": ",", "：": ":", "；": ";"}
_CN_DIGITS = "零一二三四五六七八九"
_WIDE_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# An amount a template leaves blank: its figure before a measure word or a unit.
_AMOUNT_SITE = re.compile("(?<![0-9.%])[0-9]+(?:\\.[0-9]+)?(?=[万亿]?(?:个|家|项|人|元|吨|亩|公里|所|座|户|名))")
# A year (2025年) or a day of a month (3月5日) of the text.
_YEAR_SITE = re.compile("(?<![0-9])20[0-9]{2}(?=年)")
_DAY_SITE = re.compile(f"(?<![0-9{_CN_DIGITS}])[0-9]{{1,2}}月[0-9]{{1,2}}日")
# The end of a clause after a figure, where a drafter notes that the figure waits for checking.
_NOTE_SITE = re.compile(f"(?<=[0-9%{_HAN}])(?=。)")
#: what templates stand in with, and the notes drafters leave (from common 公文 templates)
BLANK_MARKS = ("××", "XX", "×××", "ＸＸ")
DRAFT_NOTES = ("（待补充）", "【待定】", "（数据待核实）", "（待更新）", "（待确认）")
# The outline number that opens a paragraph, written right, and the wrong form drafters use.
_SERIAL_SITE = re.compile(r"^(?:（[一二三四五六七八九十]{1,3}）(?!、)|[0-9]{1,2}\.(?![0-9])|[一二三四五六七八九十]{1,3}、"
                          r"|第[一二三四五六七八九十]{1,3}，)")
# Two items in quotes or 书名号 side by side, or joined by 和, where a drafter may put a 顿号.
_MARKED_PAIR_SITE = re.compile("(?<=”)(?:和)?(?=“)|(?<=》)(?:和)?(?=《)")
_MARKED_WITH_DUNHAO = re.compile("[”》]、[“《]")
# The 等 that closes a list of items parted by 顿号 (A、B、C等), where a drafter may add an ellipsis.
_LIST_DENG_SITE = re.compile(f"、[^，。；：、]{{1,12}}[{_HAN}](?=等(?:[{_HAN}]))")
# A range of two numbers with its standard connector (3～5个, 2021—2025年), or a whole amount
# that a drafter may give as a range (5家 → 3-5家).
_RANGE_SITE = re.compile(f"(?<![0-9.])[0-9]+(?:\\.[0-9]+)?(?P<connector>[～—])[0-9]+(?:\\.[0-9]+)?(?=[{_HAN}%])"
                         "|(?<![0-9.%])(?P<amount>[2-9]|[1-9][0-9])(?![0-9.%])(?=个|家|项|所|座|名|次|年)")
_ASCII_RANGE_USED = re.compile("[0-9][-~][0-9]")
#: (full name, 简称, whether the 简称 is coined): names reports write in full that documents
#: commonly shorten, chosen here independently of the rule. A coined 简称 (规上工业, 社零总额) means
#: nothing before its definition; an ordinary one (国企, 新能源车, 低保) may be used before it.
NAMES = (
    ("规模以上工业", "规上工业", True), ("社会消费品零售总额", "社零总额", True), ("综合保税区", "综保区", True),
    ("自由贸易试验区", "自贸试验区", True), ("经济技术开发区", "经开区", True), ("高新技术企业", "高企", True),
    ("国有企业", "国企", False), ("民营企业", "民企", False), ("新能源汽车", "新能源车", False),
    ("最低生活保障", "低保", False), ("基本医疗保险", "医保", False), ("全国人民代表大会", "全国人大", False),
    ("高新技术产业开发区", "高新区", False),
)
#: the brackets that define a 简称, in the forms documents write them
DEFINITIONS = ("（以下简称“{}”）", "（以下简称{}）", "（简称“{}”）", "（下称“{}”）")
_QUOTED_OR_TITLE = re.compile("“[^”]*”|《[^》]*》")


@dataclass(frozen=True)
class Injection:
    rule: str  # the rule that must report it
    kind: str
    line: int  # 1-based line of the injected document where the finding belongs
    text: str  # the injected text, as it stands on that line
    original: str  # what stood there in the clean report
    #: (rule, line): findings of the rule on another line that are true as well
    also: tuple[tuple[str, int], ...] = ()
    #: other lines the injection changed, where no finding belongs (a definition, a 简称 put in)
    edited: tuple[int, ...] = ()


@dataclass
class _Body:
    """A paragraph whose prose is its line verbatim, so prose offsets are line offsets."""

    line: int  # 0-based index into the document's lines
    text: str
    kind: str
    numbering: tuple[int, int, str] | None


@dataclass
class _Pending:
    rule: str
    kind: str
    where: Where
    text: str
    original: str
    also: tuple[Where, ...] = ()
    edited: tuple[Where, ...] = ()


class _Draft(LineEdits):
    def __init__(self, text: str, rng: random.Random, avoid_lines: frozenset[int]) -> None:
        super().__init__(text.split("\n"))
        self.rng = rng
        self.bodies = _bodies(text, self.lines)
        self.used: set[int] = {n - 1 for n in avoid_lines}
        self.pending: list[_Pending] = []

    def free_bodies(self) -> list[_Body]:
        bodies = [b for b in self.bodies if b.kind == "text" and b.line not in self.used]
        self.rng.shuffle(bodies)
        return bodies

    def record(self, rule: str, kind: str, body: _Body, new_text: str, at: int, injected: str, original: str,
               also: tuple[int, ...] = ()) -> bool:
        """Replace *body*'s line by *new_text*, where *injected* now stands at offset *at*."""
        assert new_text[at : at + len(injected)] == injected
        self.used.add(body.line)
        self.pending.append(_Pending(rule, kind, self.replace_line(body.line, new_text), injected, original,
                                     tuple(Where(n) for n in also)))
        return True

    def finish(self) -> tuple[str, list[Injection]]:
        out, number = self.numbered()
        injections = [Injection(p.rule, p.kind, number[p.where], p.text, p.original,
                                tuple((p.rule, number[w]) for w in p.also), tuple(number[w] for w in p.edited))
                      for p in self.pending]
        return "\n".join(out), injections


def inject(text: str, rng: random.Random, avoid_lines: frozenset[int] = frozenset(),
           kinds: tuple[str, ...] | None = None) -> qualitybench.Injected:
    """At most one defect of each kind in KINDS (or only of *kinds*), placed with *rng*;
    *avoid_lines* (1-based) are lines already reported on the clean text, left alone."""
    draft = _Draft(text, rng, avoid_lines)
    result = qualitybench.Injected("", [])
    steps = [  # the scarcest sites first
        (NUMBER_SKIPPED, lambda: _renumber(draft, skip=True)),
        (NUMBER_REPEATED, lambda: _renumber(draft, skip=False)),
        (MISSPELLED, lambda: _misspell(draft)),
        (ASCII_PARENS, lambda: _ascii_parens(draft)),
        *((kind, lambda kind=kind: _drop_closing(draft, kind)) for kind in _PAIRS),
        (ASCII_COLON, lambda: _ascii_mark(draft, _COLON_SITE, ASCII_COLON)),
        (ASCII_COMMA, lambda: _ascii_mark(draft, _COMMA_SITE, ASCII_COMMA)),
        (MARK_DOUBLED, lambda: _double_mark(draft)),
        (COMMA_BEFORE_STOP, lambda: _comma_before_stop(draft)),
        # last, and with a generator of their own seeded by the report: the kinds above draw the
        # places they drew before placeholder had any
        (DATE_BLANKED, lambda: _blank_date(draft)),
        (FIGURE_BLANKED, lambda: _blank_figure(draft)),
        (NOTE_LEFT, lambda: _leave_note(draft)),
        (WRONG_SERIAL_MARK, lambda: _wrong_serial_mark(draft, text)),
        (DUNHAO_BETWEEN_MARKED, lambda: _dunhao_between_marked(draft, text)),
        (ELLIPSIS_WITH_DENG, lambda: _ellipsis_with_deng(draft, text)),
        (ASCII_RANGE, lambda: _ascii_range(draft, text)),
        (REDUNDANT_WORD, lambda: _add_redundancy(draft)),
        (FULL_NAME_AGAIN, lambda: _full_name_again(draft)),
        (SHORT_BEFORE, lambda: _short_before(draft)),
        (FORM_MIXED, lambda: _form_mixed(draft)),
    ]
    own_rng = random.Random(zlib.crc32(text.encode("utf-8")))
    for kind, step in steps:
        if kinds is not None and kind not in kinds:
            continue
        if kind in _OWN_RNG_KINDS:
            draft.rng = own_rng
        if not step():
            result.unplaced.append(kind)
    result.text, result.injections = draft.finish()
    return result


def sites(text: str) -> dict[str, int]:
    """How many paragraphs (runs, for numbering) of the clean report could take each kind."""
    bodies = [b for b in _bodies(text, text.split("\n")) if b.kind == "text"]
    runs = _runs(_bodies(text, text.split("\n")))
    return {
        ASCII_COMMA: sum(bool(_COMMA_SITE.search(b.text)) for b in bodies),
        ASCII_COLON: sum(bool(_COLON_SITE.search(b.text)) for b in bodies),
        ASCII_PARENS: sum(bool(_PARENS_SITE.search(b.text)) for b in bodies),
        **{kind: sum(bool(_closed_pairs(b.text, *pair)) for b in bodies) for kind, pair in _PAIRS.items()},
        MARK_DOUBLED: sum(bool(_MARK_SITE.search(b.text)) for b in bodies),
        COMMA_BEFORE_STOP: sum(bool(_STOP_SITE.search(b.text)) for b in bodies),
        NUMBER_SKIPPED: len(runs),
        NUMBER_REPEATED: len(runs),
        MISSPELLED: sum(any(right in b.text for right, _ in MISSPELLINGS) for b in bodies),
        FIGURE_BLANKED: sum(bool(_AMOUNT_SITE.search(b.text)) for b in bodies),
        DATE_BLANKED: sum(bool(_YEAR_SITE.search(b.text) or _DAY_SITE.search(b.text)) for b in bodies),
        NOTE_LEFT: sum(bool(_NOTE_SITE.search(b.text)) for b in bodies),
        WRONG_SERIAL_MARK: sum(bool(_SERIAL_SITE.match(b.text)) for b in _serial_bodies(text)),
        **{kind: sum(bool(site.search(b.text)) for b in _usage_bodies(text, kind)) for kind, site in _USAGE_SITES.items()},
        REDUNDANT_WORD: sum(any(word in b.text for word, _ in REDUNDANCIES) for b in bodies),
        FULL_NAME_AGAIN: len(_names(bodies, text, coined=False)),
        SHORT_BEFORE: len(_names(bodies, text, coined=True)),
        FORM_MIXED: int(len(_mentions(bodies, "其他")) >= 3 and "其它" not in text),
    }


@lru_cache(maxsize=2)
def _document(text: str) -> Document:
    """The report parsed once for the sites, the draft and the year it is about."""
    return parse_text(text, "report.txt")


def _bodies(text: str, lines: list[str]) -> list[_Body]:
    doc = _document(text)
    bodies = []
    for paragraph in doc.paragraphs:
        line = doc.lines.position(paragraph.span().start)[0] - 1
        if lines[line] == paragraph.text:  # else offsets would need the source map
            bodies.append(_Body(line, paragraph.text, paragraph.kind, paragraph.numbering))
    return bodies


# -- punctuation ---------------------------------------------------------------------


def _ascii_mark(draft: _Draft, site: re.Pattern, kind: str) -> bool:
    for body in draft.free_bodies():
        matches = list(site.finditer(body.text))
        if matches:
            at = draft.rng.choice(matches).start()
            mark = _ASCII[body.text[at]]
            new = body.text[:at] + mark + body.text[at + 1 :]
            return draft.record(PUNCTUATION_WIDTH, kind, body, new, at - 1, new[at - 1 : at + 2],
                                body.text[at - 1 : at + 2])
    return False


def _ascii_parens(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        matches = list(_PARENS_SITE.finditer(body.text))
        if matches:
            match = draft.rng.choice(matches)
            ascii_pair = "(" + match.group()[1:-1] + ")"
            new = body.text[: match.start()] + ascii_pair + body.text[match.end() :]
            return draft.record(PUNCTUATION_WIDTH, ASCII_PARENS, body, new, match.start(), ascii_pair, match.group())
    return False


def _closed_pairs(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """The (open, close) offsets of the pairs of a paragraph whose marks of this kind all
    pair up without nesting; [] when they do not."""
    pairs, start = [], None
    for at, char in enumerate(text):
        if char == opening:
            if start is not None:
                return []
            start = at
        elif char == closing:
            if start is None:
                return []
            pairs.append((start, at))
            start = None
    return [] if start is not None else pairs


def _drop_closing(draft: _Draft, kind: str) -> bool:
    opening, closing = _PAIRS[kind]
    for body in draft.free_bodies():
        pairs = [(o, c) for o, c in _closed_pairs(body.text, opening, closing) if c - o >= 3]
        if pairs:
            start, end = draft.rng.choice(pairs)
            new = body.text[:end] + body.text[end + 1 :]
            shown = new[start : min(end, start + 12)]
            return draft.record(UNMATCHED_PAIR, kind, body, new, start, shown, body.text[start : end + 1])
    return False


def _double_mark(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        matches = list(_MARK_SITE.finditer(body.text))
        if matches:
            at = draft.rng.choice(matches).start()
            mark = body.text[at]
            new = body.text[:at] + mark + body.text[at:]
            return draft.record(REPEATED_PUNCTUATION, MARK_DOUBLED, body, new, at, mark * 2, mark)
    return False


def _comma_before_stop(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        matches = list(_STOP_SITE.finditer(body.text))
        if matches:
            at = draft.rng.choice(matches).start()
            new = body.text[:at] + "，" + body.text[at:]
            return draft.record(REPEATED_PUNCTUATION, COMMA_BEFORE_STOP, body, new, at, "，。", "。")
    return False


# -- outline numbering -----------------------------------------------------------------


def _runs(bodies: list[_Body]) -> list[list[_Body]]:
    """Runs of three or more siblings numbered 1 … n in order: the numbered paragraphs of one
    level between two paragraphs of a higher level (a lower number)."""
    numbered = [b for b in bodies if b.numbering and b.numbering[0] >= 1]
    runs, open_runs = [], {}  # level -> the run being collected
    for body in numbered:
        level, ordinal, _ = body.numbering
        for deeper in [lv for lv in open_runs if lv > level]:
            runs.append(open_runs.pop(deeper))  # a parent closes its children's runs
        open_runs.setdefault(level, []).append(body)
    runs += open_runs.values()
    return [run for run in runs if len(run) >= 3 and [b.numbering[1] for b in run] == list(range(1, len(run) + 1))]


def chinese_numeral(n: int) -> str:
    tens, ones = divmod(n, 10)
    if not tens:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _with_ordinal(marker: str, ordinal: int) -> str:
    digits = re.search(r"[0-9]+", marker)
    if digits:
        return marker.replace(digits.group(), str(ordinal), 1)
    wide = re.search(r"[０-９]+", marker)  # a full-width number (１．), as older reports write it
    if wide:
        return marker.replace(wide.group(), str(ordinal).translate(_WIDE_DIGITS), 1)
    numeral = re.search(r"[一二三四五六七八九十百]+", marker).group()
    return marker.replace(numeral, chinese_numeral(ordinal), 1)


def _renumber(draft: _Draft, skip: bool) -> bool:
    runs = [r for r in _runs(draft.bodies) if not any(b.line in draft.used for b in r)]
    draft.rng.shuffle(runs)
    for run in runs:
        # skip: an inner sibling, so that one follows the gap; repeat: any but the first
        index = draft.rng.randrange(1, len(run) - 1) if skip else draft.rng.randrange(1, len(run))
        body, marker = run[index], run[index].numbering[2]
        if not body.text.startswith(marker):
            continue
        rest = body.text[len(marker) :]
        if skip:
            follower = run[index + 1]
            draft.used.add(body.line)
            draft.replace_line(body.line, rest)
            draft.used.add(follower.line)
            draft.pending.append(_Pending(NUMBERING, NUMBER_SKIPPED, Where(follower.line), follower.numbering[2],
                                          marker))
            return True
        repeated = _with_ordinal(marker, index)  # the previous sibling's ordinal (1-based index)
        also = (run[index + 1].line,) if index + 1 < len(run) else ()
        for n in also:
            draft.used.add(n)
        return draft.record(NUMBERING, NUMBER_REPEATED, body, repeated + rest, 0, repeated, marker, also)
    return False


# -- misspellings ----------------------------------------------------------------------


def _misspell(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        found = [(right, wrong) for right, wrong in MISSPELLINGS if right in body.text]
        if found:
            right, wrong = draft.rng.choice(found)
            starts = [m.start() for m in re.finditer(re.escape(right), body.text)]
            at = draft.rng.choice(starts)
            new = body.text[:at] + wrong + body.text[at + len(right) :]
            return draft.record(CONFUSABLE, MISSPELLED, body, new, at, wrong, right)
    return False


def _add_redundancy(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        found = [(word, redundant) for word, redundant in REDUNDANCIES
                 if word in body.text and redundant not in body.text]
        if found:
            word, redundant = draft.rng.choice(found)
            at = draft.rng.choice([m.start() for m in re.finditer(re.escape(word), body.text)])
            new = body.text[:at] + redundant + body.text[at + len(word) :]
            return draft.record(REDUNDANCY, REDUNDANT_WORD, body, new, at, redundant, word)
    return False


# -- placeholders ----------------------------------------------------------------------


def _blank_figure(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        found = list(_AMOUNT_SITE.finditer(body.text))
        if found:
            site = draft.rng.choice(found)
            marks = draft.rng.choice(BLANK_MARKS)
            new = body.text[: site.start()] + marks + body.text[site.end() :]
            return draft.record(PLACEHOLDER, FIGURE_BLANKED, body, new, site.start(), marks, site.group())
    return False


def _blank_date(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        found = [(m, "20XX") for m in _YEAR_SITE.finditer(body.text)]
        found += [(m, "×月×日") for m in _DAY_SITE.finditer(body.text)]
        if found:
            site, marks = draft.rng.choice(found)
            new = body.text[: site.start()] + marks + body.text[site.end() :]
            return draft.record(PLACEHOLDER, DATE_BLANKED, body, new, site.start(), marks, site.group())
    return False


def _leave_note(draft: _Draft) -> bool:
    for body in draft.free_bodies():
        found = list(_NOTE_SITE.finditer(body.text))
        if found:
            at = draft.rng.choice(found).start()
            note = draft.rng.choice(DRAFT_NOTES)
            return draft.record(PLACEHOLDER, NOTE_LEFT, body, body.text[:at] + note + body.text[at:], at, note, "")
    return False


# -- the mark after an outline number ----------------------------------------------------


def _serial_bodies(text: str) -> list[_Body]:
    """The paragraphs that may take a wrong mark: all of a report about 2012 or later, none before."""
    if not _held_to_the_standard(text):
        return []
    return [b for b in _bodies(text, text.split("\n")) if b.kind in ("text", "heading")]


def _held_to_the_standard(text: str) -> bool:
    return not predates(_document(text), PUNCTUATION_STANDARD)


def _wrong_serial_mark(draft: _Draft, text: str) -> bool:
    if not _held_to_the_standard(text):
        return False
    free = [b for b in draft.bodies if b.kind in ("text", "heading") and b.line not in draft.used]
    draft.rng.shuffle(free)
    for body in free:
        site = _SERIAL_SITE.match(body.text)
        if site:
            right = site.group()
            wrong = _WRONG_FORM[right[0]](right) if right[0] in _WRONG_FORM else right[:-1] + "."
            new = wrong + body.text[site.end() :]
            return draft.record(SERIAL_FORM, WRONG_SERIAL_MARK, body, new, 0, wrong, right)
    return False


# （一） → （一）、, 1. → 1、, 第一， → 第一、 (and 一、 → 一. for the Chinese numbers)
_WRONG_FORM = {"（": lambda right: right + "、", "第": lambda right: right[:-1] + "、",
               **{digit: (lambda right: right[:-1] + "、") for digit in "0123456789"}}


# -- punctuation usage -------------------------------------------------------------------


def _usage_bodies(text: str, kind: str) -> list[_Body]:
    """The paragraphs that may take *kind*: none in a report before GB/T 15834-2011, or in one
    that writes the usage already (its habit: the rule reports it once, on its first place)."""
    writes_it = {DUNHAO_BETWEEN_MARKED: _MARKED_WITH_DUNHAO, ASCII_RANGE: _ASCII_RANGE_USED}.get(kind)
    if not _held_to_the_standard(text) or (writes_it is not None and writes_it.search(text)):
        return []
    return [b for b in _bodies(text, text.split("\n")) if b.kind == "text"]


def _usage_site(draft: _Draft, text: str, kind: str) -> tuple[_Body, re.Match[str]] | None:
    usable = {b.line for b in _usage_bodies(text, kind)}
    for body in draft.free_bodies():
        found = list(_USAGE_SITES[kind].finditer(body.text)) if body.line in usable else []
        if found:
            return body, draft.rng.choice(found)
    return None


def _dunhao_between_marked(draft: _Draft, text: str) -> bool:
    placed = _usage_site(draft, text, DUNHAO_BETWEEN_MARKED)
    if placed is None:
        return False
    body, site = placed
    new = body.text[: site.start()] + "、" + body.text[site.end() :]
    # recorded with the marks around it, so that the bench can tell this 顿号 from the others
    injected = new[site.start() - 1 : site.start() + 2]
    return draft.record(PUNCTUATION_USAGE, DUNHAO_BETWEEN_MARKED, body, new, site.start() - 1, injected,
                        body.text[site.start() - 1 : site.end() + 1])


def _ellipsis_with_deng(draft: _Draft, text: str) -> bool:
    placed = _usage_site(draft, text, ELLIPSIS_WITH_DENG)
    if placed is None:
        return False
    body, site = placed
    new = body.text[: site.end()] + "……" + body.text[site.end() :]
    return draft.record(PUNCTUATION_USAGE, ELLIPSIS_WITH_DENG, body, new, site.end(), "……等", "等")


def _ascii_range(draft: _Draft, text: str) -> bool:
    placed = _usage_site(draft, text, ASCII_RANGE)
    if placed is None:
        return False
    body, site = placed
    typed = draft.rng.choice("-~")
    if site.group("amount"):  # 5家 → 3-5家
        amount = site.group("amount")
        injected = f"{int(amount) // 2 or 1}{typed}{amount}"
    else:
        injected = site.group().replace(site.group("connector"), typed)
    new = body.text[: site.start()] + injected + body.text[site.end() :]
    return draft.record(PUNCTUATION_USAGE, ASCII_RANGE, body, new, site.start(), injected, site.group())


_USAGE_SITES = {DUNHAO_BETWEEN_MARKED: _MARKED_PAIR_SITE, ELLIPSIS_WITH_DENG: _LIST_DENG_SITE,
                ASCII_RANGE: _RANGE_SITE}


# -- a 简称 and its full name, two forms of one word ----------------------------------


def _mentions(bodies: list[_Body], name: str) -> list[tuple[_Body, int]]:
    """Each mention of *name* in running text, outside a quotation or a title, in order."""
    found = []
    for body in bodies:
        if body.kind != "text":
            continue
        cited = [m.span() for m in _QUOTED_OR_TITLE.finditer(body.text)]
        for match in re.finditer(re.escape(name), body.text):
            if not any(a < match.start() < b for a, b in cited):
                found.append((body, match.start()))
    return found


def _names(bodies: list[_Body], text: str, coined: bool) -> list[tuple[str, str]]:
    """The names of NAMES the report mentions twice or more in running text and never shortens
    (only those with a coined 简称 when *coined*)."""
    return [(full, short) for full, short, is_coined in NAMES if (is_coined or not coined)
            and short not in text and len({b.line for b, _ in _mentions(bodies, full)}) >= 2]


def _sites_of(draft: _Draft, coined: bool) -> list[tuple[str, str, list[tuple[_Body, int]]]]:
    """The names the report could take the injection on, each with its mentions, in random order."""
    found = [(full, short, _mentions(draft.bodies, full))
             for full, short in _names(draft.bodies, "\n".join(draft.lines), coined)]
    draft.rng.shuffle(found)
    return found


def _rewrite(full: str, mentions: list[tuple[_Body, int]],
             edits: dict[tuple[int, int], str]) -> dict[int, str]:
    """The new text of each line that holds an edited mention, where the mention at (line,
    offset) becomes edits[(line, offset)] (the definition appends its bracket to the name)."""
    lines: dict[int, str] = {}
    bodies = {body.line: body for body, offset in mentions if (body.line, offset) in edits}
    for body in bodies.values():
        new, last = "", 0
        for at in sorted(o for b, o in mentions if b.line == body.line):
            new += body.text[last:at] + edits.get((body.line, at), full)
            last = at + len(full)
        lines[body.line] = new + body.text[last:]
    return lines


def _full_name_again(draft: _Draft) -> bool:
    """A 简称 defined at one mention, the full name kept at a later one on another line, every
    other mention after the definition shortened (all on free lines)."""
    for full, short, mentions in _sites_of(draft, coined=False):
        pairs = [(d, k) for d in range(len(mentions)) for k in range(d + 1, len(mentions))
                 if mentions[k][0].line != mentions[d][0].line
                 and not {b.line for b, _ in mentions[d:]} & draft.used]
        if not pairs:
            continue
        d, k = draft.rng.choice(pairs)
        edits = {(b.line, o): short for b, o in mentions[d + 1 :]}
        edits[(mentions[d][0].line, mentions[d][1])] = full + draft.rng.choice(DEFINITIONS).format(short)
        edits[(mentions[k][0].line, mentions[k][1])] = full
        return _record_rewrite(draft, FULL_NAME_AGAIN, full, mentions, edits, mentions[k], full, full)
    return False


def _short_before(draft: _Draft) -> bool:
    """A coined 简称 defined at one mention and written at an earlier one on another line, every
    mention after the definition shortened (all on free lines)."""
    for full, short, mentions in _sites_of(draft, coined=True):
        pairs = [(d, e) for d in range(1, len(mentions)) for e in range(d)
                 if mentions[e][0].line != mentions[d][0].line
                 and not ({b.line for b, _ in mentions[d:]} | {mentions[e][0].line}) & draft.used]
        if not pairs:
            continue
        d, e = draft.rng.choice(pairs)
        edits = {(b.line, o): short for b, o in mentions[d + 1 :]}
        edits[(mentions[d][0].line, mentions[d][1])] = full + draft.rng.choice(DEFINITIONS).format(short)
        edits[(mentions[e][0].line, mentions[e][1])] = short
        return _record_rewrite(draft, SHORT_BEFORE, full, mentions, edits, mentions[e], short, full)
    return False


def _record_rewrite(draft: _Draft, kind: str, full: str, mentions: list[tuple[_Body, int]],
                    edits: dict[tuple[int, int], str], defect: tuple[_Body, int], text: str, original: str) -> bool:
    """Rewrite the lines of the edited mentions; the defect's line is where the finding belongs."""
    lines = _rewrite(full, mentions, edits)
    for line, new in lines.items():
        draft.used.add(line)
        if line != defect[0].line:
            draft.replace_line(line, new)
    where = draft.replace_line(defect[0].line, lines[defect[0].line])
    edited = tuple(Where(line) for line in lines if line != defect[0].line)
    draft.pending.append(_Pending(ABBREVIATION, kind, where, text, original, edited=edited))
    return True


def _form_mixed(draft: _Draft) -> bool:
    if any("其它" in line for line in draft.lines):
        return False
    mentions = _mentions(draft.bodies, "其他")
    free = [(b, o) for b, o in mentions if b.line not in draft.used]
    if len(mentions) < 3 or not free:
        return False
    body, at = draft.rng.choice(free)
    return draft.record(ABBREVIATION, FORM_MIXED, body, body.text[:at] + "其它" + body.text[at + 2 :], at, "其它", "其他")
