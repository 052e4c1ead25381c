"""RL201 doubled-word: a word or part of a word typed twice in a row."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, Paragraph, Span
from ..model import Edit, Fix, Severity, Violation, rule

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# At each position, the shortest stretch (up to 8 characters) that is repeated
# right after itself: 新增新增, 不移不移, 富富, 2026年2026年.
_MAX_UNIT = 8
# A doubled character that the dictionary knows as a word only this rarely (区区 299,
# 展展 2) reads as a slip after a word ending in it that is this many times as common;
# 家家 279 is the commonest legitimate one that a preceding word (国家) can end in.
_RARE_REDUPLICATION = 300
_MORE_COMMON = 20
# 一X this common is a quantifier word in its own right (一些 33,468), not 一 + a measure word
_QUANTIFIER_WORD = 20_000
_REPEAT = re.compile(rf"(?=([{_HAN}0-9]{{1,{_MAX_UNIT}}}?)\1)")
_LATIN_REPEAT = re.compile(r"\b([A-Za-z]+)\s+(\1)\b", re.IGNORECASE)
# Doubled on purpose in English.
_LATIN_LEGAL = frozenset({"that", "had", "is"})
_NUMERAL = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿]+")
_HAN_CHAR = re.compile(f"[{_HAN}]")
# A clause: the stretch around a candidate that one word can never cross.
_CLAUSE_CHAR = re.compile(rf"[{_HAN}A-Za-z0-9.]")
_WINDOW = 16
# Paragraph ends that close a sentence: a doubled word across two paragraphs
# is only looked for when the first one stops mid-sentence.
_CLOSED = re.compile(r"[。！？；：…!?;:”’」』）)》】]\s*$")
_CLAUSE_MARK = re.compile(r"[，。；、,;]")
_QUOTED = re.compile(r"“([^“”]{1,12})”|‘([^‘’]{1,12})’|「([^「」]{1,12})」")


@dataclass(frozen=True)
class Options:
    #: the same doubled form this many times in one document reads as an intended term
    consistent_uses: int = 3


@dataclass(frozen=True)
class _Doubling:
    paragraph: Paragraph
    text: str  # the paragraph's text, joined with the next one's when the copies sit either side of a cut
    start: int  # offsets in text: the first copy, the second copy, the end of the second copy
    middle: int
    end: int
    unit: str
    following: Paragraph | None = None  # the next paragraph, for a doubling across a cut

    @property
    def doubled(self) -> str:
        return self.text[self.start : self.end]

    @property
    def context(self) -> str:
        """The doubled text with a Chinese character either side: what is shown and compared."""
        before = self.text[self.start - 1] if self.start > 0 and _HAN_CHAR.match(self.text[self.start - 1]) else ""
        after = self.text[self.end] if self.end < len(self.text) and _HAN_CHAR.match(self.text[self.end]) else ""
        return before + self.text[self.start : self.end] + after


@rule(code="RL201", name="doubled-word", severity="warning", summary="字词误重复",
      options=Options, fixable="sometimes")
def doubled_word(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a word or part of a word typed twice in a row: 新增新增装机,
    坚定不移不移走, 500千伏水富富, 港澳侨侨, 的的, 2026年2026年, "the the",
    also when the two copies sit either side of a line break.

    Chinese doubles characters on purpose all the time, so every repeat is
    weighed against jieba's dictionary and its word frequencies: the text
    around it is split into words, and the repeat is a slip only when the
    second copy stands alone where no word explains it. It stays silent on
    reduplicated words (人人, 常常, 扎扎实实, 方方面面, 家家户户, 一座座, 年年),
    on repeats that straddle two words (工作|作风, 为了|了解, 财政|政策,
    归侨|侨眷, 吉尔吉斯斯坦), on a particle after the word it ends with
    (目的|的实现), and on numbers (十五五, 1100).

    The same doubled form used consistently several times (文旅旅商 three
    times) may be an intended local term, and so may a doubled form inside a
    short quoted name (“通办办”): these are reported once, as info. If the
    form is right, add it to `allow-words` in the configuration.

    ## Why it matters
    Text moved or merged between drafts leaves doubled words behind, and a
    spelling checker does not see them: each copy is a correct word.

    ## Example
    Bad:
        今年新增新增装机容量120万千瓦，坚定不移不移走生态优先、绿色发展之路。
    Good:
        今年新增装机容量120万千瓦，坚定不移走生态优先、绿色发展之路。人人都是参与者，扎扎实实转变工作作风。

    The (unsafe) fix deletes the second copy; the info findings (possibly intended) have none.

    ## Options
    - `consistent-uses` (3): a doubled form found this many times or more in one
      document is reported once, as info, as a possibly intended term.
    """
    from ..lexicon import lexicon  # read the dictionary only when this rule runs

    words = lexicon()
    found: list[_Doubling] = []
    for doubling in _doublings(doc):
        last = found[-1] if found else None
        overlaps = last is not None and last.paragraph is doubling.paragraph and doubling.start < last.end
        if not overlaps and _is_slip(doubling, doc.source, words):
            found.append(doubling)
    uses: dict[str, list[_Doubling]] = defaultdict(list)
    for doubling in found:
        uses[doubling.context].append(doubling)
    for doubling in found:
        same = uses[doubling.context]
        if len(same) >= opts.consistent_uses:
            if doubling is same[0]:
                yield _violation(doubling, Severity.INFO,
                                 f"“{doubling.context}”中“{doubling.unit}”重复，但全文{len(same)}处写法一致，"
                                 "可能是有意使用的说法；如确属正确用语，请加入 allow-words")
        elif _inside_short_quote(doubling):
            yield _violation(doubling, Severity.INFO,
                             f"引号内的“{doubling.context}”中“{doubling.unit}”重复；如是专名或口号的原样写法，"
                             "请加入 allow-words")
        else:
            yield _violation(doubling, None, f"“{doubling.doubled}”中“{doubling.unit}”连写了两次，疑为误重复")


def _doublings(doc: Document) -> Iterator[_Doubling]:
    """Every stretch repeated right after itself, within a paragraph or across a cut."""
    body = [p for p in doc.paragraphs if p.kind != "artifact"]
    for paragraph in body:
        yield from _in_text(paragraph, paragraph.text)
    # A line break between the copies: "…新增" / "新增装机…" in two paragraphs of a .txt file.
    for first, second in zip(body, body[1:]):
        if first.kind in ("text", "quote") and second.kind == first.kind and _cut_mid_sentence(first.text):
            joint = len(first.text)
            for doubling in _in_text(first, first.text + second.text, joint - 8, joint):
                if doubling.middle == joint:
                    yield dataclasses.replace(doubling, following=second)


def _cut_mid_sentence(text: str) -> bool:
    """Body text (a clause mark inside) that stops without closing its sentence."""
    return len(text) >= 10 and bool(_CLAUSE_MARK.search(text)) and not _CLOSED.search(text)


def _in_text(paragraph: Paragraph, text: str, start: int = 0, stop: int | None = None) -> Iterator[_Doubling]:
    stop = len(text) if stop is None else stop
    for match in _REPEAT.finditer(text, max(start, 0)):
        position = match.start()
        if position >= stop:
            break
        unit = _longest_repeat(text, position, match.group(1))
        if not _HAN_CHAR.search(unit) or (len(unit) == 1 or unit.isdigit()) and _NUMERAL.fullmatch(unit):
            continue  # 1100, 十五五: numbers
        if unit[0].isdigit() and position > 0 and text[position - 1].isdigit():
            continue  # inside a longer number
        k = len(unit)
        yield _Doubling(paragraph, text, position, position + k, position + 2 * k, unit)
    if start == 0:
        for match in _LATIN_REPEAT.finditer(text):
            if match.group(1).lower() not in _LATIN_LEGAL:
                yield _Doubling(paragraph, text, match.start(), match.start(2), match.end(), match.group(1))


def _longest_repeat(text: str, position: int, shortest: str) -> str:
    """紧紧围绕紧紧围绕: the shortest repeat here is 紧紧, a word; the slip is the longer one."""
    for k in range(_MAX_UNIT, len(shortest), -1):
        if text[position : position + k] == text[position + k : position + 2 * k]:
            return text[position : position + k]
    return shortest


def _is_slip(doubling: _Doubling, source: str, words) -> bool:
    unit, text = doubling.unit, doubling.text
    if not _HAN_CHAR.search(unit):
        return True  # "the the"
    a, b, c, k = doubling.start, doubling.middle, doubling.end, len(unit)
    offset, window_end = _clause(text, a, c)
    tokens = [(t.start + offset, t.end + offset) for t in words.segment(text[offset:window_end])]
    starts = {start for start, _ in tokens}
    left = right = following = None
    for start, end in tokens:
        if start < b < end:
            # One word spans both copies: 人人, 扎扎实实, 工作作风, 吉尔吉斯斯坦; but a
            # repeated word is not explained by a word across the joint: 应|对应|对.
            if k == 1 and (start, end) == (a, c):
                return _rare_reduplication(text, a, words)
            return k > 1 and unit in words and not start <= a < c <= end
        if end == b:
            left = start
        elif start == b:
            right = end
        elif start == c:
            following = end
    if right is None or left is None:
        return False
    split_inside = any(a < start < b for start in starts)
    if k > 1 and a not in starts and split_inside and unit not in words:
        return False  # 高校|一|校|一|策: the "unit" 校一 is no word, just a pattern of 一X一Y
    if right > c and (k == 1 or split_inside):
        return False  # the second copy opens a longer word: 工作|作风, 中国|国际, 要|要素
    if right < c:
        return True  # the second copy falls apart: 坚定不移|不|移走
    if k == 1 and left < a:
        if _function_word(unit, words):
            return False  # a particle after the word it ends with: 目的|的
        if following is not None and following - c > 1 and _prefix(unit, text[b:following], source, words):
            return False  # 安全|全链条: the second copy opens a compound of its own
        if following == c + 1 and _noun(unit, words) and _noun(text[c], words):
            return False  # 城市|市|城|一体化: 市城 may be a compound of two nouns the dictionary lacks
    if k == 1 and _reduplicated(text, a, left == a, words):
        return False
    if k == 2 and unit[0] == "一":
        return False  # 一步一步, 一个一个: "one by one"
    return True


def _clause(text: str, a: int, c: int) -> tuple[int, int]:
    start = a
    while start > max(0, a - _WINDOW) and _CLAUSE_CHAR.match(text[start - 1]):
        start -= 1
    end = c
    while end < min(len(text), c + _WINDOW) and _CLAUSE_CHAR.match(text[end]):
        end += 1
    return start, end


def _function_word(char: str, words) -> bool:
    """的, 了, 地, 和, 与: particles and conjunctions stand alone after any word."""
    return (words.tag(char) or "x")[0] in "uc"


def _noun(char: str, words) -> bool:
    return words.tag(char) in ("n", "ng")


def _prefix(char: str, compound: str, source: str, words) -> bool:
    """全 in 安全|全链条: the document also uses the compound on its own (完善全链条监管),
    not only as the tail of another word (有力|有效 does not make 力有效 a compound)."""
    return any(_opens_word(source, i, char, words) for i in _occurrences(source, compound))


def _opens_word(source: str, i: int, char: str, words) -> bool:
    """Whether the compound at source[i] starts a word: not after its own first
    character (the doubling itself), a number (2025年以来) or a character it forms
    a word with (有力|有效 does not make 力有效 a compound)."""
    before = source[i - 1] if i > 0 else ""
    if before == char or before.isdigit():
        return False
    return not any(source[i - j : i + 1] in words for j in range(1, min(i, 3) + 1))  # 残疾人|两项, 习近平|同志


def _occurrences(text: str, part: str) -> Iterator[int]:
    i = text.find(part)
    while i >= 0:
        yield i
        i = text.find(part, i + 1)


def _rare_reduplication(text: str, a: int, words) -> bool:
    """发展展中: the dictionary knows 展展 (twice in its whole corpus), but the
    first 展 ends 发展, a word ten thousand times as common. A reduplication as
    rare as that, after a common word ending in its character, is a slip;
    人人, 天天, 层层 are far too common to be read that way."""
    doubled = words.freq(text[a : a + 2])
    if doubled >= _RARE_REDUPLICATION:
        return False
    return any(words.freq(text[a - j : a + 1]) >= _MORE_COMMON * max(doubled, 1) for j in range(1, min(a, 3) + 1))


def _reduplicated(text: str, a: int, standalone: bool, words) -> bool:
    """一座座, 一个个, 年年, 家家, 扎扎实实: a character doubled on purpose."""
    if a > 0 and text[a - 1] == "一":
        # 一座座, 一个个, 一张张: "one X after another", as the dictionary knows it or
        # with a measure word; but 一定|定 has none, and 一些 is a word of its own
        # ("some", far commoner than 一张 or 一位), never doubled.
        one_x = text[a - 1 : a + 1]
        return text[a - 1 : a + 2] in words or (
            (words.tag(text[a]) or "x") == "q" and words.freq(one_x) < _QUANTIFIER_WORD)
    if not standalone:
        return False  # 单位|位, 去年|年: the first copy ends another word
    return (words.tag(text[a]) or "") in ("q", "m") or _aabb(text, a, words)


def _aabb(text: str, a: int, words) -> bool:
    """扎扎实实 from 扎实, 干干净净 from 干净: AABB from a word AB."""
    after = text[a + 2 : a + 4]
    if len(after) == 2 and after[0] == after[1] and text[a] + after[0] in words:
        return True
    before = text[max(0, a - 2) : a]
    return len(before) == 2 and before[0] == before[1] and before[0] + text[a] in words


def _inside_short_quote(doubling: _Doubling) -> bool:
    return any(m.start() < doubling.start and doubling.end < m.end() for m in _QUOTED.finditer(doubling.text))


def _violation(doubling: _Doubling, severity: Severity | None, message: str) -> Violation:
    first, second = doubling.paragraph, doubling.following
    if second is None:
        span = first.span(doubling.start, doubling.end)
        removed = first.span(doubling.start + len(doubling.unit), doubling.end)  # "the the": the space too
    else:
        joint = len(first.text)
        removed = second.span(0, doubling.end - joint)
        span = Span(first.span(doubling.start).start, removed.end)
    # A doubling that may be intended (info: a consistent local term, a quoted brand such as
    # “通办办” for 通通办) has no fix: deleting the copy could make it wrong another way.
    fix = None if severity is Severity.INFO else Fix((Edit(removed, ""),), "unsafe", f"删除重复的“{doubling.unit}”")
    return Violation(span, message, fix=fix, severity=severity)
