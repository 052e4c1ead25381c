"""What a figure measures and when: indicator names and time frames.

conflicting-figure compares statements of the same indicator, so it needs two
readings that ``figures`` does not give:

- ``indicator(text, figure, previous_end)``: the noun phrase right before a
  figure, from the previous punctuation (or the previous figure) to the
  number, with lead words that do not change what is measured removed (力争,
  确保, 达到, 超过, 约, 全市, 今年 ...). Words that do change it are kept:
  增长 and 新增 (a change, not a level), 年均, 累计, 平均. “城镇新增就业3万人以上”
  → 城镇新增就业; “地区生产总值增长5%左右” → 地区生产总值增长. Quotes and spaces
  are dropped. The noun right after the figure, if any, is part of the name
  (培育20个省级先导区 → 培育…省级先导区). None when the words name nothing
  (“增长5%” after a comma) or a relation (比上年增长, 占全国, 分别).
- ``rounding(figure)``: how far a figure as written may be from the true
  value (6.66万亿元 agrees with 66562亿元).
- ``paragraph_frames(document)``: the time frame of each paragraph, from the
  chapter it sits in. A report reviews last year and plans this one in
  different chapters (一、2025年工作回顾 / 二、2026年重点工作), and the same
  indicator has a different value in each. A chapter heading's years and
  five-year plans (“十四五”) make its frame, with 回顾 marking a review; a
  chapter whose heading names no time inherits the frame of the one before
  (三、把改革开放扎实推向纵深 still plans the year of 二、2015年工作总体部署).
- ``sentence_time(text, frame)``: the time words of one sentence (过去一年, 五年来,
  今年, 2026年, “十五五”), which narrow the frame further: “五年来” inside a
  review of the last year speaks of five years.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..text.document import Document
from ..text.lazy_regex import LazyPattern, opened_by
from .figures import Figure

# Where an indicator's phrase starts: the previous clause punctuation.
_CLAUSE_BREAK = LazyPattern(r"[，。；：、,;:！？!?\n]")
# Lead words before a figure that say how it is reached or bounded, not what it measures.
_TRAILING_LEADS = (
    "力争", "确保", "预期", "预计", "达到", "达", "实现", "为", "分别", "共", "合计", "总计", "超过", "超",
    "突破", "不低于", "不少于", "逾", "高于", "多于", "大于", "不超过", "不高于", "不多于", "不足", "低于",
    "少于", "小于", "控制在", "稳定在", "保持在", "保持", "约", "近", "接近", "将近", "大约", "约为", "在",
    "到", "至", "是", "有", "同比", "比上年", "较上年", "比去年", "以上", "左右", "了", "已", "已经", "均",
)
# Words at the start of a clause that frame it rather than name the indicator
# (其中 stays: 其中城镇新增就业 is a part, not the whole's indicator).
_LEADING_WORDS = (
    "力争", "确保", "预期", "预计", "全年", "今年", "去年", "全市", "全省", "全区", "全州", "全县", "全国",
    "实现", "同时", "并", "和", "与", "及", "使", "推动", "带动", "促进", "完成", "累计完成", "年内",
    "目前", "当年", "初步", "基本", "努力", "争取", "力求", "进一步", "比上年", "较上年", "比去年", "同比",
    "计划", "年末", "年底",
)
# A figure compared with something else (比上年增长, 比1978年增加) or a share of it (占全国): a relation.
_RELATION = LazyPattern(r"[比较](?:上|去|前|同期|[0-9０-９])|占|分别")
_LEADING_YEAR = LazyPattern(r"(?:[0-9０-９]{4}|[一二三四五六七八九〇零○]{4})年(?:底|末|初)?")
# Words that say the figure is a change or an aggregate: kept, but they name nothing alone.
_MODIFIERS = LazyPattern(r"年均|累计|平均|同比|新增|净增|增长|增加|提高|提升|上升|下降|减少|降低|扩大|压减|增|降|减")
_DROPPED = LazyPattern(r"[“”‘’\"「」『』《》（）()\s\u3000*]")
_CJK = LazyPattern(r"[\u4e00-\u9fff]")
MIN_NAME = 2  # characters the indicator keeps besides its modifiers (新增绿道: 绿道)
MIN_WORDS = 4  # characters of the whole name (完成投资 → 投资 is too generic: many projects 完成投资)
MAX_NAME = 24  # a longer phrase is a description, not the name of an indicator
MAX_TAIL = 10  # characters of the noun after a figure kept in its name
_TAIL_END = LazyPattern(r"[，。；：、,;:！？!?（）()\n0-9０-９]")
_DIGIT = LazyPattern(r"[0-9０-９]")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TRAILING = LazyPattern(rf"(?:{_alternation(_TRAILING_LEADS)})$")
_LEADING = LazyPattern(rf"(?:{_alternation(_LEADING_WORDS)})|{_LEADING_YEAR.pattern}")


def _strip(phrase: str) -> str:
    """The phrase without lead words at either end (never down to nothing)."""
    while True:
        trailing = _TRAILING.search(phrase)
        if trailing and trailing.start() > 0:
            phrase = phrase[: trailing.start()]
            continue
        leading = _LEADING.match(phrase)
        if leading and 0 < leading.end() < len(phrase):
            phrase = phrase[leading.end() :]
            continue
        return phrase


def strip_leads(phrase: str) -> str:
    """*phrase* without the lead words that frame a figure rather than name what it measures
    (力争, 确保, 全年, 达到, 不低于 ...), and without quotes and spaces."""
    return _strip(_DROPPED.sub("", phrase))


def indicator(text: str, figure: Figure, previous_end: int = 0) -> str | None:
    """The normalised name of what *figure* measures, or None when the text around it names nothing.

    The name is the phrase before the figure, and the noun right after it when
    there is one (培育20个省级先导区 → 培育…省级先导区): a count's noun often
    follows it, and a verb alone (培育, 建成) names nothing.
    """
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(previous_end, figure.start - 40), figure.start)]
    start = breaks[-1] if breaks else max(previous_end, figure.start - 40)
    if not breaks and start > previous_end:
        return None  # the clause runs back further than we look: not a short name
    raw = _DROPPED.sub("", text[start : figure.start])
    phrase = _strip(raw)
    core = _MODIFIERS.sub("", phrase)
    tail = _tail(text, figure.end + len(figure.after))
    if (not _CJK.search(core) or len(core) < MIN_NAME or len(phrase) + len(tail) < MIN_WORDS
            or len(phrase) > MAX_NAME or _DIGIT.search(phrase) or _RELATION.search(raw)):
        return None
    return f"{phrase}…{tail}" if tail else phrase


def _tail(text: str, start: int) -> str:
    """The words right after a figure, up to the next punctuation or figure (at most MAX_TAIL)."""
    end = _TAIL_END.search(text, start)
    tail = _DROPPED.sub("", text[start : end.start() if end else len(text)])
    return tail[:MAX_TAIL]


_WRITTEN = LazyPattern(r"[0-9０-９][0-9０-９,，]*(?:[.．]([0-9０-９]+))?")


def rounding(figure: Figure) -> float:
    """How far the true value may lie from a figure as written: half the unit of
    its last digit when it has at least two significant digits (6.66万亿 is
    6.655万亿 to 6.665万亿, 12万 may be 12.3万), else only float noise (3万 is
    taken as written: one digit is a round target, not a rounded count)."""
    noise = 1e-9 * max(abs(figure.low or 0.0), abs(figure.high or 0.0), 1.0)
    written = _WRITTEN.match(figure.text)
    if figure.value is None or not written:
        return noise
    digits = re.sub(r"[^0-9０-９]", "", written.group()).lstrip("0０")
    if len(digits) < 2:
        return noise
    decimals = len(written.group(1) or "")
    return max(noise, 0.5 * 10.0 ** -decimals * figure.scale)


# -- time frames -----------------------------------------------------------------

_YEAR = LazyPattern(r"(?:[0-9０-９]{4}|[一二三四五六七八九〇零○]{4})(?=\s*年)")
_PLAN = LazyPattern(r"十[一二三四五六七八九]五")
# Years in full-width digits (２０２５) or written digit by digit (二〇二五, 一九五二).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９〇零○一二三四五六七八九", "0123456789" "000123456789")
_SENTENCE_TIME = LazyPattern(
    r"(?P<last>过去一年|过去的一年|刚刚过去的一年|这一年|一年来|去年|上一年)|"
    r"(?P<five>过去五年|过去的五年|这五年|五年来)|(?P<next>今后五年|未来五年)|(?P<this>今年)|明年|"
    r"(?P<year>(?:[0-9０-９]{4}|[一二三四五六七八九〇零○]{4})(?=\s*年))|(?P<plan>十[一二三四五六七八九]五)|"
    r"(?P<scope>[0-9一二三四五六七八九十]{1,2}年(?:时间|内|间)|每年|年度)"
)
_COMPARISON = LazyPattern(r"[比较](?:上年|去年|上年同期|(?:[0-9０-９]{4}|[一二三四五六七八九〇零○]{4})年)|同比")


def _years(text: str) -> list[str]:
    return [y.translate(_FULL_WIDTH) for y in _YEAR.findall(text)]


def heading_frame(text: str) -> str | None:
    """The time a chapter heading names (“2025年|十四五|回顾”), or None when it names none."""
    tokens = sorted(set(_years(text)) | set(_PLAN.findall(text)))
    if not tokens:
        return None
    return "|".join(tokens) + ("|回顾" if "回顾" in text else "")


def paragraph_frames(document: Document) -> list[str]:
    """The frame of each paragraph: that of the top-level chapter it belongs to.

    A chapter that reviews two spans at once (“十四五”时期和2025年工作回顾), or
    text under no chapter heading, is split further where a paragraph opens
    with a time (过去的五年…, 刚刚过去的2025年…): what follows speaks of that span.
    """
    def compute(doc: Document) -> list[str]:
        frames, frame, section = [], "", ""
        for paragraph in doc.paragraphs:
            level = paragraph.numbering[0] if paragraph.numbering else None
            if _is_chapter_heading(paragraph.kind, paragraph.text, level):
                named = heading_frame(paragraph.text)
                if named is not None or level == 1:
                    frame, section = named if named is not None else (frame or paragraph.text), ""
            elif (not frame or frame.count("|") >= 1 + ("回顾" in frame)) and (sentences := paragraph.sentences):
                # 过去的五年极不寻常… / 刚刚过去的2025年很不平凡…: the opening says which span follows,
                # in a chapter of two spans or where no chapter heading said any.
                opening = sentence_time(sentences[0].text, frame, spans_only=True)
                section = f"#{opening}" if opening else section
            frames.append(frame + section)
        return frames

    return document.analysis("indicators.frames", compute)


# 三、主要任务 / 二、2026年重点工作 / 三、保障措施: a chapter that says what is to be done
_AHEAD_CHAPTER = LazyPattern(r"任务|目标|举措|措施|安排|重点工作|工作建议|部署")


def chapters_ahead(document: Document) -> list[bool]:
    """Whether each paragraph lies in a chapter whose heading names tasks or goals (三、主要任务),
    as against one that states what is (一、规划背景, 2025年工作回顾). A top-level heading (一、)
    or an unnumbered heading starts a chapter."""
    def compute(doc: Document) -> list[bool]:
        found, ahead = [], False
        for paragraph in doc.paragraphs:
            if paragraph.kind == "heading" and (paragraph.numbering is None or paragraph.numbering[0] == 1):
                ahead = _AHEAD_CHAPTER.search(paragraph.text) is not None
            found.append(ahead)
        return found

    return document.analysis("indicators.chapters-ahead", compute)


def _is_chapter_heading(kind: str, text: str, level: int | None) -> bool:
    """一、2025年工作回顾, or an unnumbered short line such as 2025年工作安排 (some
    reports mark their chapters only by such lines)."""
    if kind == "heading" and level == 1:
        return True
    return kind in ("heading", "text") and level is None and len(text) <= 30 and not re.search(r"[。；，：]", text)


def sentence_time(text: str, frame: str, *, spans_only: bool = False) -> str:
    """The time words of a sentence that the chapter's frame does not already say.

    过去一年, 这一年 and 一年来 in a review of 2025 are 2025, and 五年来 in a
    review of the “十四五” are 十四五: they say nothing new there. With
    *spans_only*, only the spans of time are read (not 每年, 年度, 3年内), and
    the frame's own are kept: what a paragraph's opening says it speaks of.
    """
    said = set(frame.split("|"))
    review = "回顾" in said
    years = sorted(t for t in said if t.isdigit())
    plans = sorted(t for t in said if t.startswith("十"))
    tokens = set()
    for match in _SENTENCE_TIME.finditer(_COMPARISON.sub("", text)):
        kind, word = match.lastgroup, match.group()
        if kind == "year":
            word = word.translate(_FULL_WIDTH)
        elif kind == "last":
            word = years[-1] if review and years else "过去一年"
        elif kind == "five":
            word = plans[-1] if review and plans else "过去五年"
        elif kind == "this":
            word = years[-1] if not review and years else "今年"
        elif kind == "next":
            word = plans[-1] if not review and plans else "未来五年"
        elif kind == "scope" and spans_only:
            continue
        if spans_only or word not in said:
            tokens.add(word)
    return "|".join(sorted(tokens))


# -- sections and the time a paragraph speaks of -----------------------------------

# Words that date what is said: years (2025年, 一九五二年), plan periods (“十四五”, “七五”时期,
# 第一个五年计划), the year
# relative to the report (今年, 去年, 上年), spans back or ahead (过去五年, 这五年, 五年来 are one
# span; 今后五年 another; 3年内), averages and totals over a span (年均, 累计), parts of a year
# (上半年, 一季度, 1—11月). Not a bare count of years (连续9年), nor 全年 and 当年, which say
# "in the year spoken of" (按当年价格 is a price basis), nor 年均 and 累计, which belong to the
# clause they open; nor the base of a comparison (比上年, 较2020年, 与去年相比, 上年同期, 近两年的水平).
# The characters a time word can begin with, looked for first: without them re tries each of the
# alternatives below at every character of a report, 7 times as slow (tests/test_indicators.py
# checks them against the alternatives).
_PERIOD_STARTS = "0-9０-９一二三四五六七八九十两〇零○第今去明上下前本过最近这未当现可不全我"
_PERIOD_WORD = LazyPattern(opened_by(
    _PERIOD_STARTS,
    r"(?P<year>(?:[0-9０-９]{4}|[一二三四五六七八九〇零○]{4}))\s*年"
    r"|(?P<plan>十[一二三四五六七八九]五)|第(?P<nth>[一二三四五六七八九十]{1,3})个五年(?:计划|规划)"
    r"|(?P<early>[一二三四五六七八九十])五(?=”|计划|时期|期间)"
    r"|(?P<relative>[今去明上前本])年"
    r"|(?:过去|最近|近|这)的?(?P<back>[0-9０-９一二三四五六七八九十两]{1,2})年|(?P<since>[0-9０-９一二三四五六七八九十两]{1,2})年(?:来|以来)"
    r"|(?:今后|未来)的?(?P<ahead>[0-9０-９一二三四五六七八九十两]{1,2})年"
    r"|(?P<within>[0-9０-９一二三四五六七八九十两]{1,2})年(?:内|间|时间)"
    r"|(?P<word>[上下]半年|[一二三四1-4１-４]季度)"
    r"|(?P<month>[0-9０-９一二三四五六七八九十]{1,2}(?:[—–\-~～至到][0-9０-９一二三四五六七八九十]{1,2})?)月"
    # the scope: a price basis, the country or the region the report speaks for
    r"|(?P<current>(?:当年|现行)价格?|现价)|(?P<comparable>(?:可比|不变)价格?|可比口径)"
    r"|(?P<country>全国|我国)|(?P<region>[全本我][省市区县州盟旗])"
))
_SCOPE = {"current": "按当年价格", "comparable": "按可比价格", "country": "全国", "region": "本地"}
PLACES = frozenset({"全国", "本地"})  # the place a statement speaks for: the last one named before it
# What a place word follows when it opens a clause: punctuation, or a time (2024年全国…).
_CLAUSE_OPENING = frozenset("，。；：、！？,;:!? \u3000“年月底末")
_BASE_AFTER = LazyPattern(r"同期|的?(?:水平|基础|基数)")
_DIGITS = str.maketrans("０１２３４５６７８９〇零○一二两三四五六七八九", "0123456789000122345678" "9")


def _count(numeral: str) -> str:
    """五 → 5, 两 → 2, 十二 → 12, 2 → 2: the number of a span of years or months, as digits."""
    numeral = numeral.translate(_DIGITS)
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return str(int(tens or 1) * 10 + int(units or 0))
    return numeral


def period_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, word) for each time word of text[start:end], normalised: 过去五年, 这五年 and
    五年来 are 过去5年; 二〇二五年 and ２０２５年 are 2025年."""
    for match in _PERIOD_WORD.finditer(text, start, len(text) if end is None else end):
        if (match.start() and text[match.start() - 1] in "比较与于居占") or _BASE_AFTER.match(text, match.end()):
            continue  # 比上年, 与去年相比, 上年同期, 保持近两年的水平, 高于全国: the base of a comparison
        kind, value = match.lastgroup, match.group(match.lastgroup or 0)
        if kind in ("country", "region") and match.start() and text[match.start() - 1] not in _CLAUSE_OPENING:
            continue  # 居全国首位, 建成全省首个: a ranking, not the place a clause speaks for
        if kind == "year":
            word = value.translate(_DIGITS) + "年"
        elif kind in ("back", "since"):
            word = f"过去{_count(value)}年"
        elif kind == "ahead":
            word = f"今后{_count(value)}年"
        elif kind == "within":
            word = f"{_count(value)}年内"
        elif kind == "month":
            word = re.sub(r"[0-9一二三四五六七八九十]+", lambda m: _count(m.group()), value.translate(_DIGITS)) + "月"
        elif kind in ("nth", "early"):
            word = value + "五"  # 第七个五年计划, “七五”时期: the plan period 七五
        elif kind == "relative":
            word = value + "年"
        elif kind in _SCOPE:
            word = _SCOPE[kind]
        else:
            word = value
        yield match.start(), word


def period_words(text: str, frame: str = "") -> frozenset[str]:
    """The time words of *text*, normalised, without those the chapter's *frame* already says."""
    return beyond_frame((word for _, word in period_tokens(text)), frame)


@lru_cache(maxsize=256)
def _read_frame(frame: str) -> tuple[frozenset[str], bool, tuple[str, ...], tuple[str, ...]]:
    """What a chapter's *frame* says: its words, whether it reviews, its years and its plan
    periods in order. Read once a frame: a report has a few, and a rule asks for each of its
    thousands of statements (parsing it every time was a fifth of RL303's time words)."""
    said = frozenset(re.split(r"[|#]", frame)) - {""}
    return (said, "回顾" in said, tuple(sorted(t for t in said if t.isdigit())),
            tuple(sorted(t for t in said if t.startswith("十"))))


def beyond_frame(words: Iterable[str], frame: str) -> frozenset[str]:
    """The time *words* that say more than the *frame* of their chapter (from ``paragraph_frames``).

    In a review of 2025, 去年, 过去一年 and 2025年 are the year the chapter speaks of, and
    过去五年 is its “十四五”; in a plan for 2026, 今年 and 2026年 are: they add nothing.
    """
    said, review, years, plans = _read_frame(frame)
    result = set()
    for word in words:
        if years and ((review and word in ("去年", "过去1年")) or (not review and word == "今年")):
            word = years[-1] + "年"
        elif plans and ((review and word == "过去5年") or (not review and word == "今后5年")):
            word = plans[-1]
        if word.removesuffix("年") not in said:
            result.add(word)
    return frozenset(result)


_HEADING_END = LazyPattern(r"[。；：:！？!?]")
# A short line without sentence punctuation reads as an unnumbered heading (2025年工作安排).
_BARE_HEADING = LazyPattern(r"[^。；，：！？,;:!?]{1,30}")


def sections(document: Document) -> list[tuple[int, str]]:
    """The section of each paragraph: its number and the text of the heading that opens it.

    A section is the stretch between two headings: a heading paragraph, a paragraph that
    starts with an outline number at any level (（四）以园区建设为引领…), or a short line without
    punctuation. Sub-sections of one chapter often speak of different subjects (（四）农牧业 and
    （五）城市建设 each 全年计划投资…), so they are not one section.
    """
    def compute(doc: Document) -> list[tuple[int, str]]:
        found, number, heading = [], 0, ""
        for paragraph in doc.paragraphs:
            text = paragraph.text.strip()
            if paragraph.kind in ("heading", "title") or paragraph.numbering or _BARE_HEADING.fullmatch(text):
                number, heading = number + 1, _HEADING_END.split(text, 1)[0]
            found.append((number, heading))
        return found

    return document.analysis("indicators.sections", compute)
