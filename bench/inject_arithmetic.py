"""Inject the defects of the arithmetic and number-form rules (RL306–RL311) into a clean report.

A report in, one paragraph per line, and the same report with at most one defect of each kind
below out, with the line of each defect. Each defect is made from a real figure of the report,
so it stands among real wording, and each kind has a consistent twin (CONTROLS) made the same
way that its rule must leave alone:

- growth-arithmetic: a growth stated with its figure (…达到B亿元，增长X%) rewritten with the
  base it implies (由A亿元增加到B亿元，增长X%), with X changed by 3 to 9 points; the twin keeps X.
- percentage-point: a rate (…率达到B%) rewritten as a rise from B − d to B, stated as d% (the
  twin: d个百分点); a fall stated in % (下降X%) rewritten as 下降了一倍 or 减少两倍.
- ratio-sum: the three sectors' structure added to a paragraph that speaks of industry, its
  shares off 100 by 0.6 to 3 (the twin adds up).
- quantity-contradiction: a figure with 以上 given a second lower bound before it
  (超过5万人以上, 至少3个以上); the twin: 约…左右, which is not reported.
- number-range-form: a figure in 亿, 万 or % turned into a range that drops the first number's
  magnitude (9～16亿元); the twin keeps it (9亿～16亿元).
- invalid-date: a date of the report (2025年3月5日) given a day its month does not have, or
  a wrong weekday after it; the twin: another real day, or its true weekday.
"""

from __future__ import annotations

import calendar
import datetime
import random
import re
from dataclasses import dataclass, field

import qualitybench
from qualitybench import LineEdits, Where

from reportlint.analysis.dating import document_year
from reportlint.text.parse import parse_text

GROWTH, POINT, RATIO = "growth-arithmetic", "percentage-point", "ratio-sum"
BOUNDS, RANGE, DATE = "quantity-contradiction", "number-range-form", "invalid-date"
RULES = (GROWTH, POINT, RATIO, BOUNDS, RANGE, DATE)

GROWTH_WRONG = "growth not given by its two figures"
POINTS_AS_PERCENT = "a rate's rise in points stated in %"
FALL_IN_MULTIPLES = "a fall stated in 倍"
SHARES_OFF = "three sectors' structure off 100"
BOUND_TWICE = "a lower bound said twice"
RANGE_DROPPED = "range dropping the first magnitude"
DAY_IMPOSSIBLE = "a day its month does not have"
WEEKDAY_WRONG = "a weekday that does not match"
KINDS = {
    GROWTH: (GROWTH_WRONG,),
    POINT: (POINTS_AS_PERCENT, FALL_IN_MULTIPLES),
    RATIO: (SHARES_OFF,),
    BOUNDS: (BOUND_TWICE,),
    RANGE: (RANGE_DROPPED,),
    DATE: (DAY_IMPOSSIBLE, WEEKDAY_WRONG),
}
GROWTH_RIGHT = "growth given by its two figures"
POINTS_RIGHT = "a rate's rise stated in points"
SHARES_FULL = "three sectors' structure adding up"
ESTIMATE_TWICE = "约…左右"
RANGE_KEPT = "range keeping both magnitudes"
DAY_REAL = "another real day"
WEEKDAY_RIGHT = "the true weekday"
CONTROLS = {
    GROWTH: (GROWTH_RIGHT,),
    POINT: (POINTS_RIGHT,),
    RATIO: (SHARES_FULL,),
    BOUNDS: (ESTIMATE_TWICE,),
    RANGE: (RANGE_KEPT,),
    DATE: (DAY_REAL, WEEKDAY_RIGHT),
}

# …达到1.2万亿元，增长5.3%: a figure, then its growth in the next clause.
_STATED_GROWTH = re.compile(r"(?P<verb>达到|达|为|实现|完成|突破)?(?P<value>[0-9]+(?:\.[0-9]+)?)"
                            r"(?P<unit>万亿元|亿元|万元|万人|万吨|亿美元|万千瓦|亿千瓦时)"
                            r"[，、](?:比上年|同比)?(?P<change>增长|增加)(?P<rate>[0-9]+(?:\.[0-9]+)?)%")
# …覆盖率达到95.2%: a rate and its value.
_RATE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,8}率)(?P<verb>达到|达|为|提高到|提升至)(?P<value>[0-9]{2}\.[0-9])%")
_FALL = re.compile(r"(?P<verb>下降|减少)(?P<value>[0-9]+(?:\.[0-9]+)?)%")
_INDUSTRY = re.compile(r"产业|工业|服务业|农业")
_AT_LEAST = re.compile(r"(?<![超过至少达以])(?P<number>[0-9]+(?:\.[0-9]+)?)(?P<unit>万人|万户|个|家|亿元|万元|万吨|公里)以上")
_MAGNITUDE = re.compile(r"(?<![0-9.～~—\-])(?P<number>[0-9]+(?:\.[0-9]+)?)(?P<mark>亿|万)(?P<unit>元|人|吨|千瓦|平方米)")
_DATE = re.compile(r"(?P<year>20[0-9]{2})年(?P<month>[0-9]{1,2})月(?P<day>[0-9]{1,2})日(?![（(])")
_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Injection:
    rule: str
    kind: str
    line: int
    text: str
    original: str = ""
    also: tuple[tuple[str, int], ...] = ()
    site: str = ""


@dataclass
class Injected(qualitybench.Injected):
    controls: list[Injection] = field(default_factory=list)


class _Draft(LineEdits):
    def __init__(self, text: str, rng: random.Random, avoid_lines: frozenset[int]) -> None:
        super().__init__(text.split("\n"))
        self.rng = rng
        doc = parse_text(text, "report.txt")
        # body paragraphs whose prose is their line verbatim, so that offsets are line offsets
        self.bodies = []
        for paragraph in doc.paragraphs:
            line = doc.lines.position(paragraph.span().start)[0] - 1
            if paragraph.kind == "text" and len(paragraph.text) > 40 and self.lines[line] == paragraph.text:
                self.bodies.append(line)
        self.used: set[int] = {n - 1 for n in avoid_lines}
        self.year = document_year(doc)
        self.made: list[tuple[bool, str, str, int, str, str]] = []  # control, rule, kind, line, text, original

    def sites(self, pattern: re.Pattern[str]) -> list[tuple[int, re.Match[str]]]:
        found = [(n, m) for n in self.bodies if n not in self.used for m in pattern.finditer(self.lines[n])]
        self.rng.shuffle(found)
        return found

    def edit(self, line: int, start: int, end: int, new: str, rule: str, kind: str, control: bool) -> bool:
        old = self.lines[line]
        self.replace_line(line, old[:start] + new + old[end:])
        self.used.add(line)
        self.made.append((control, rule, kind, line, new, old[start:end]))
        return True

    def append(self, line: int, sentence: str, rule: str, kind: str, control: bool) -> bool:
        end = len(self.lines[line])
        return self.edit(line, end, end, sentence, rule, kind, control)

    def finish(self) -> tuple[str, list[Injection], list[Injection]]:
        out, number = self.numbered()
        made = [(c, Injection(rule, kind, number[Where(line)], text, original, (), f"{line}"))
                for c, rule, kind, line, text, original in self.made]
        return "\n".join(out), [i for c, i in made if not c], [i for c, i in made if c]


def inject(text: str, rng: random.Random, avoid_lines: frozenset[int] = frozenset()) -> Injected:
    draft = _Draft(text, rng, avoid_lines)
    result = Injected("", [])
    steps = [
        (GROWTH_WRONG, lambda: _growth(draft, control=False)),
        (POINTS_AS_PERCENT, lambda: _points(draft, control=False)),
        (FALL_IN_MULTIPLES, lambda: _fall(draft)),
        (SHARES_OFF, lambda: _structure(draft, control=False)),
        (BOUND_TWICE, lambda: _bounds(draft, control=False)),
        (RANGE_DROPPED, lambda: _range(draft, control=False)),
        (DAY_IMPOSSIBLE, lambda: _day(draft, control=False)),
        (WEEKDAY_WRONG, lambda: _weekday(draft, control=False)),
        (GROWTH_RIGHT, lambda: _growth(draft, control=True)),
        (POINTS_RIGHT, lambda: _points(draft, control=True)),
        (SHARES_FULL, lambda: _structure(draft, control=True)),
        (ESTIMATE_TWICE, lambda: _bounds(draft, control=True)),
        (RANGE_KEPT, lambda: _range(draft, control=True)),
        (DAY_REAL, lambda: _day(draft, control=True)),
        (WEEKDAY_RIGHT, lambda: _weekday(draft, control=True)),
    ]
    for kind, step in steps:
        if not step():
            result.unplaced.append(kind)
    result.text, result.injections, result.controls = draft.finish()
    return result


def sites(text: str) -> dict[str, int]:
    draft = _Draft(text, random.Random(0), frozenset())
    industry = sum(bool(_INDUSTRY.search(draft.lines[n])) for n in draft.bodies)
    return {
        GROWTH_WRONG: len(draft.sites(_STATED_GROWTH)),
        POINTS_AS_PERCENT: len(draft.sites(_RATE)),
        FALL_IN_MULTIPLES: len(draft.sites(_FALL)),
        SHARES_OFF: industry,
        BOUND_TWICE: len(draft.sites(_AT_LEAST)),
        RANGE_DROPPED: len(draft.sites(_MAGNITUDE)),
        DAY_IMPOSSIBLE: len(draft.sites(_DATE)),
        WEEKDAY_WRONG: len(draft.sites(_DATE)),
    }


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


def _growth(draft: _Draft, control: bool) -> bool:
    """…达到B亿元，增长X% → …由A亿元增加到B亿元，增长X%(±d)."""
    for line, match in draft.sites(_STATED_GROWTH):
        value, rate = float(match.group("value")), float(match.group("rate"))
        if rate <= 0 or rate > 200:
            continue
        places = max(_decimals(match.group("value")), 1)
        base = round(value / (1 + rate / 100), places)
        # what the two figures allow, read with their rounding: a wrong growth lies outside it
        half_value, half_base = 0.5 * 10 ** -_decimals(match.group("value")), 0.5 * 10 ** -places
        low = ((value - half_value) / (base + half_base) - 1) * 100
        high = ((value + half_value) / (base - half_base) - 1) * 100
        wrong = (high + draft.rng.randint(3, 9), low - draft.rng.randint(3, 9))
        stated = rate if control else draft.rng.choice([w for w in wrong if w > 0])
        unit = match.group("unit")
        new = (f"由{base:.{places}f}{unit}增加到{match.group('value')}{unit}，{match.group('change')}"
               f"{stated:.{_decimals(match.group('rate'))}f}%")
        kind = GROWTH_RIGHT if control else GROWTH_WRONG
        start = match.start("verb") if match.group("verb") else match.start("value")
        return draft.edit(line, start, match.end(), new, GROWTH, kind, control)
    return False


def _points(draft: _Draft, control: bool) -> bool:
    """…覆盖率达到95.2% → …覆盖率由93.4%提高到95.2%，提高1.8%(个百分点)."""
    for line, match in draft.sites(_RATE):
        value = float(match.group("value"))
        rise = draft.rng.choice((0.6, 1.1, 1.8, 2.4, 3.2))
        if value - rise <= 5 or rise * 100 / (value - rise) - rise < 0.3:
            continue  # near 100% a rise in points is also the relative rise: either reading holds
        unit = "个百分点" if control else "%"
        new = f"由{value - rise:.1f}%提高到{value:.1f}%，提高{rise:.1f}{unit}"
        kind = POINTS_RIGHT if control else POINTS_AS_PERCENT
        return draft.edit(line, match.start("verb"), match.end(), new, POINT, kind, control)
    return False


def _fall(draft: _Draft) -> bool:
    for line, match in draft.sites(_FALL):
        new = draft.rng.choice(("下降了一倍", "减少两倍", "降低一倍"))
        return draft.edit(line, match.start(), match.end(), new, POINT, FALL_IN_MULTIPLES, False)
    return False


def _structure(draft: _Draft, control: bool) -> bool:
    lines = [n for n in draft.bodies if n not in draft.used and _INDUSTRY.search(draft.lines[n])]
    if not lines:
        return False
    line = draft.rng.choice(lines)
    first = round(draft.rng.uniform(3, 12), 1)
    second = round(draft.rng.uniform(30, 45), 1)
    third = round(100 - first - second, 1)
    if not control:
        third = round(third + draft.rng.choice((-1, 1)) * draft.rng.choice((0.6, 1.0, 1.5, 2.0, 3.0)), 1)
    if draft.rng.random() < 0.5:
        sentence = f"全年三次产业结构为{first}∶{second}∶{third}。"
    else:
        sentence = f"第一、二、三产业增加值占比分别为{first}%、{second}%、{third}%。"
    return draft.append(line, sentence, RATIO, SHARES_FULL if control else SHARES_OFF, control)


def _bounds(draft: _Draft, control: bool) -> bool:
    for line, match in draft.sites(_AT_LEAST):
        number, unit = match.group("number"), match.group("unit")
        if control:
            new = f"约{number}{unit}左右"
        else:
            new = f"{draft.rng.choice(('超过', '至少', '不少于', '多达'))}{number}{unit}以上"
        return draft.edit(line, match.start(), match.end(), new, BOUNDS, ESTIMATE_TWICE if control else BOUND_TWICE,
                          control)
    return False


def _range(draft: _Draft, control: bool) -> bool:
    if draft.year is not None and draft.year < 1987:
        return False  # before the first rules on numbers in print, the rule keeps the usage of the time
    for line, match in draft.sites(_MAGNITUDE):
        number, mark, unit = match.group("number"), match.group("mark"), match.group("unit")
        high = float(number)
        low = round(high * draft.rng.uniform(0.5, 0.85), _decimals(number))
        low_text = f"{low:.{_decimals(number)}f}"
        if float(low_text) <= 0 or low_text == number:
            continue
        new = f"{low_text}{mark if control else ''}～{number}{mark}{unit}"
        return draft.edit(line, match.start(), match.end(), new, RANGE, RANGE_KEPT if control else RANGE_DROPPED,
                          control)
    return False


def _day(draft: _Draft, control: bool) -> bool:
    for line, match in draft.sites(_DATE):
        year, month = int(match.group("year")), int(match.group("month"))
        if not 1 <= month <= 12:
            continue
        length = calendar.monthrange(year, month)[1]
        day = draft.rng.randint(1, 28) if control else draft.rng.randint(length + 1, 32) if length < 31 else 32
        new = f"{year}年{month}月{day}日"
        return draft.edit(line, match.start(), match.end(), new, DATE, DAY_REAL if control else DAY_IMPOSSIBLE,
                          control)
    return _dated_sentence(draft, DAY_REAL if control else DAY_IMPOSSIBLE, control)


def _weekday(draft: _Draft, control: bool) -> bool:
    for line, match in draft.sites(_DATE):
        year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
        try:
            actual = datetime.date(year, month, day).weekday()
        except ValueError:
            continue
        stated = actual if control else (actual + draft.rng.randint(1, 6)) % 7
        new = f"{match.group()}（星期{_WEEKDAYS[stated]}）"
        return draft.edit(line, match.start(), match.end(), new, DATE, WEEKDAY_RIGHT if control else WEEKDAY_WRONG,
                          control)
    return _dated_sentence(draft, WEEKDAY_RIGHT if control else WEEKDAY_WRONG, control)


def _dated_sentence(draft: _Draft, kind: str, control: bool) -> bool:
    """Reports date few days in their text: a sentence with a date of the report's year added
    to a paragraph (省政府常务会议于2025年3月5日审议通过), made as the kind asks."""
    lines = [n for n in draft.bodies if n not in draft.used]
    if not lines or draft.year is None:
        return False
    year, month = draft.year, draft.rng.randint(1, 12)
    length = calendar.monthrange(year, month)[1]
    day = draft.rng.randint(1, length)
    weekday = ""
    if kind == DAY_IMPOSSIBLE:
        day = draft.rng.randint(length + 1, 32) if length < 31 else 32
    elif kind in (WEEKDAY_WRONG, WEEKDAY_RIGHT):
        actual = datetime.date(year, month, day).weekday()
        weekday = f"（星期{_WEEKDAYS[actual if control else (actual + draft.rng.randint(1, 6)) % 7]}）"
    sentence = f"有关工作安排已于{year}年{month}月{day}日{weekday}部署。"
    return draft.append(draft.rng.choice(lines), sentence, DATE, kind, control)
