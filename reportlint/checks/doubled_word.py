"""RL201 doubled-word: a word or part of a word typed twice in a row."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Edit, Fix, Severity, Violation, rule
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern
from ..text.table_rows import WIDE_GAP

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_HAN_PAIR = LazyPattern(f"([{_HAN}])\\1")
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
_REPEAT = LazyPattern(rf"(?=([{_HAN}0-9]{{1,{_MAX_UNIT}}}?)\1)")
_LATIN_REPEAT = LazyPattern(r"\b([A-Za-z]+)\s+(\1)\b", re.IGNORECASE)
# A letter, looked for first: most paragraphs of a Chinese report have none, and a pattern that
# ignores case is tried at every character (0.05 s in 8.8 MB, 0.016 with this search first).
# İ ı ſ K: the letters beyond ASCII that [A-Za-z] matches when case is ignored.
_LATIN_LETTER = LazyPattern("[A-Za-z\u0130\u0131\u017f\u212a]")
# Doubled on purpose in English.
_LATIN_LEGAL = frozenset({"that", "had", "is"})
_NUMERAL = LazyPattern(r"[0-9零〇一二两三四五六七八九十百千万亿]+")
_HAN_CHAR = LazyPattern(f"[{_HAN}]")
# A clause: the stretch around a candidate that one word can never cross.
_CLAUSE_CHAR = LazyPattern(rf"[{_HAN}A-Za-z0-9.]")
_WINDOW = 16
# Paragraph ends that close a sentence: a doubled word across two paragraphs
# is only looked for when the first one stops mid-sentence.
_CLOSED = LazyPattern(r"[。！？；：…!?;:”’」』）)》】]\s*$")
_CLAUSE_MARK = LazyPattern(r"[，。；、,;]")
# 韩立群：… opening a turn of a transcript, after the line that lists him as the host
_SPEAKER = LazyPattern(r"[\u4e00-\u9fff]{2,4}[：:]")
_QUOTE_REACH = 60
_VERSE_BREAK = LazyPattern("[，。；！？、,;!?]")
_QUOTED = LazyPattern(r"“([^“”]{1,12})”|‘([^‘’]{1,12})’|「([^「」]{1,12})」")


@dataclass(frozen=True)
class Options:
    """The options of doubled-word (RL201)."""

    #: the same doubled form this many times in one document reads as an intended term
    consistent_uses: int = field(default=3, metadata={"min": 2})


@dataclass(frozen=True)
class _Doubling:
    """A word written twice in a row, maybe on either side of a paragraph cut."""

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
      rationale="在各稿之间移动、合并文字，容易留下重复的字词；拼写检查看不出来，因为每一份都是正确的词。",
      options=Options, fixable="sometimes", fix_kinds=("unsafe",))
def doubled_word(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a word or part of a word typed twice in a row: 新增新增装机,
    坚定不移不移走, 500千伏水富富, 港澳侨侨, 的的, 2026年2026年, "the the",
    also when the two copies sit either side of a line break.

    Chinese doubles characters on purpose all the time, so every repeat is
    weighed against jieba's dictionary and its word frequencies: the text
    around it is split into words, and the repeat is a slip only when the
    second copy stands alone where no word explains it. It deliberately does
    not report:

    - reduplicated words: 人人, 常常, 扎扎实实, 方方面面, 家家户户, 一座座, 年年;
    - a unit doubled to mean "every": 市市通高铁, 县县通, 周周有调度, 件件有回音,
      also units doubled alike in parallel clauses (河河有人管、段段有人巡); "the one
      with the other" before a word of mutual action: “老老互助”, 村村相通; 一 with a
      measure word doubled, "one after another": 一步一步, 一个项目一个项目地抓, also
      a noun lent to 一 as a measure (一垄垄茶树, 一畦畦菜地);
    - repeats that straddle two words: 工作|作风, 为了|了解, 归侨|侨眷,
      吉尔吉斯斯坦, also when the second word is one the dictionary lacks:
      火车站|站前广场, 南昌|昌北机场, 安全|全链条, 太湖|湖体, 产业链|链主,
      培育|育繁推, 周至|至乾县, 执行主席|席就座, or the name is one it lacks
      (青湖|湖体), or a name ends inside the first copy (柘城|区|城区); a body's
      name, then an organ named after its kind (审计局|局务会议, 交通运输厅|厅党组);
      a word with its alternative in brackets (扩建|建（构）筑物); a localizer closing
      its frame before a verb (的情况下|下池施救, 在此基础上|上调); a common verb after the noun it
      doubles, marked by 了, 着 or 过 (对明年的经济工作|作了具体安排);
    - a particle after the word it ends with (目的|的实现), and numbers (十五五, 1100);
    - given names in a list of people (胡春华、沈跃跃、王勇) or after a title
      (副委员长沈跃跃);
    - fixed terms and figures of speech: 水水联运 (like 铁水联运), 商商结合 beside
      工商结合, 具体抓抓具体, 很紧很紧, 学习学习再学习, 干部干部，干字当头 (a noun said twice as the
      opening clause and taken up by the next), 纵向向市县延伸、横向向民生保障 (the same
      doubling in parallel clauses), quoted verse (“呦呦鹿鸣，食野之苹”);
    - chains of one-character place names: 荆荆高铁, 广汕汕高铁, “宜荆荆恩”城市群,
      宜荆荆都市圈;
    - list items that share a word (中国通用、中国国新), a word and its longer
      kin side by side (博士博士后, 葡萄酒酒庄酒), 实事求是是;
    - text in traditional characters is read through their simplified forms,
      so 共和國國務院, 千千萬萬, 子子孫孫 are words as 共和国国务院 is.

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
        实现市市通高铁，建成南昌昌北机场三期，强化食品药品安全全链条监管。

    The (unsafe) fix deletes the second copy; the info findings (possibly intended) have none.

    ## Options
    - `consistent-uses` (3): a doubled form found this many times or more in one
      document is reported once, as info, as a possibly intended term (at least 2).
    """
    from ..analysis.lexicon import is_traditional, lexicon, simplified  # read the dictionary only when this rule runs

    words = lexicon()
    # A text in traditional characters (共和國國務院) is read through the simplified forms the
    # dictionary knows (共和国国务院); the offsets stay the same, the messages quote the text.
    read = simplified if is_traditional(doc.source) else _as_is
    source = read(doc.source)
    found: list[_Doubling] = []
    for doubling in _doublings(doc):
        last = found[-1] if found else None
        overlaps = last is not None and last.paragraph is doubling.paragraph and doubling.start < last.end
        if not overlaps and _is_slip(_read_as(doubling, read), source, words):
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
                                 "可能是有意使用的说法；如确属正确用语，请加入配置文件的 allow-words")
        elif _inside_short_quote(doubling):
            yield _violation(doubling, Severity.INFO,
                             f"引号内的“{doubling.context}”中“{doubling.unit}”重复；如是专名或口号的原样写法，"
                             "请加入配置文件的 allow-words")
        else:
            yield _violation(doubling, None, f"“{doubling.doubled}”中“{doubling.unit}”连写了两次，疑为误重复")


def _as_is(text: str) -> str:
    return text


def _read_as(doubling: _Doubling, read) -> _Doubling:
    if read is _as_is:
        return doubling
    return dataclasses.replace(doubling, text=read(doubling.text), unit=read(doubling.unit))


def _doublings(doc: Document) -> Iterator[_Doubling]:
    """Every stretch repeated right after itself, within a paragraph or across a cut."""
    body = [p for p in doc.paragraphs if p.kind != "artifact"]
    for paragraph in body:
        yield from _in_text(paragraph, paragraph.text)
    # A line break between the copies: "…新增" / "新增装机…" in two paragraphs of a .txt file.
    for first, second in zip(body, body[1:]):
        if first.kind in ("text", "quote") and second.kind == first.kind and _cut_mid_sentence(first.text) \
                and not _SPEAKER.match(second.text):
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
    if start == 0 and _LATIN_LETTER.search(text):
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
    if WIDE_GAP.search(unit):
        return False  # 11月　1—11月　1—11月比上年…: cells of a table's header row, not words typed twice
    if not _HAN_CHAR.search(unit):
        return True  # "the the"
    a, b, c, k = doubling.start, doubling.middle, doubling.end, len(unit)
    if _written_on_purpose(text, a, c, unit, words):
        return False
    offset, window_end = _clause(text, a, c)
    segmented = words.segment(text[offset:window_end])
    tokens = [(t.start + offset, t.end + offset) for t in segmented]
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
    if k == 1 and _one_character_term(text, a, b, c, left):
        return False
    if k == 1 and _given_name_after_title(segmented, a - offset, offset == 0 or not _CLAUSE_CHAR.match(text[offset - 1])):
        return False
    split_inside = any(a < start < b for start in starts)
    if k > 1 and split_inside and (a not in starts and unit not in words or _name_ends_inside(segmented, offset, a, b)):
        # 高校|一|校|一|策: the "unit" 校一 is no word, just a pattern of 一X一Y; 柘城|区|城区: a place's
        # name ends inside the first copy, and the second is a word
        return False
    if right > c and (k == 1 or split_inside):
        return False  # the second copy opens a longer word: 工作|作风, 中国|国际, 要|要素
    if right == c + 1 and _ends_cleanly(text, c, right, window_end, words):
        return False  # 博士|博士后|创新: 博士、博士后 without their comma (not 污染|污染源|头)
    if right < c:
        return True  # the second copy falls apart: 坚定不移|不|移走
    if k > 1 and left < a and _tag(next(t for t in segmented if t.end + offset == b))[:1] == "n" \
            and _verb_after_its_subject(unit, following, c, segmented, offset, words):
        return False  # 各级党组织|组织党员参观: a body ending in the word, then the word as the verb
    if k == 1 and _place_chain(text, a, c, segmented, offset, words):
        return False
    if k == 1 and _parallel_items(text, a, b, c, left):
        return False
    if k == 1 and left < a and _second_copy_explained(text, a, b, c, following, segmented, offset, source, words):
        return False
    if k == 1 and left == a and _unknown_place_name(text, a, segmented, offset) and _opens_unknown_word(
            unit, [t for t in segmented if t.start + offset >= c], next(t for t in segmented if t.start + offset == a), words):
        return False  # 青湖|湖体: a name the dictionary lacks, ending in its generic head (湖, 江), then a term
    if _opens_set_term(text, a, b):
        return False  # 经营主体|主体责任: a set term of official writing after a word that ends in its head
    return not (k == 1 and (_doubled_on_purpose(text, a, c, left, words) or left == a and right == c
                            and _name_syllables(segmented, a - offset, unit, words)))


def _name_syllables(segmented, a: int, char: str, words) -> bool:
    """洛洛村, 坨坨肉, 卡莎莎: a name's or a loanword's doubled syllable, no word's copy.

    瓦吉木乡|洛|洛|村, 木|嘎|坨|坨|肉, “卡|莎|莎”: a rare character doubled alone inside a run of
    single characters the dictionary cannot join into words, or before a place's generic head
    (支持|洛|洛|村), as the syllables of a name or a loanword are; a slip copies a character of a word (港澳侨|侨, 水富|富) or a common one (的的),
    or stands after a word or a mark (、沈沈跃, ，企企推进)."""
    entry = words.get(char)
    if entry is not None and (entry.freq >= _NAME_SYLLABLE or entry.tag[0] in "ucpdrye"):
        return False
    before = next((t for t in segmented if t.end == a), None)
    after = next((t for t in segmented if t.start == a + 2), None)
    if after is not None and after.text in _NAME_HEADS:
        return True  # 支持|洛|洛|村: a village's name before its generic head
    # the character before is one of the name's too: a noun's or a sound's, not 上 in 在树木上钉钉
    return (before is not None and len(before.text) == 1 and _HAN_CHAR.match(before.text) is not None
            and (before.entry is None or before.entry.tag[0] in "noj"))


def _name_ends_inside(segmented, offset: int, a: int, b: int) -> bool:
    """A name (of a place, a person or a body) that starts before the first copy and ends inside
    it: the copy's characters only meet by chance (柘城区城区: 柘城 + 区, then 城区)."""
    return any(t.start + offset < a < t.end + offset < b and _tag(t) in _NAME_TAGS for t in segmented)


def _one_character_term(text: str, a: int, b: int, c: int, left: int) -> bool:
    """A character doubled where official writing puts a term that opens with it."""
    unit = text[a:b]
    if unit == "任" and _POST.match(text, c):
        return True  # 管委会主任|任常务副组长: the verb 任 (serve as) and the post after a title ending in 任
    if unit in _BODY_KINDS and text.startswith(_BODY_ORGANS, c) and left < a:
        return True  # 审计局|局务会议, 交通运输厅|厅党组: a body's name, then one of its own organs
    if text[c : c + 2] == "长制":
        return True  # 公路|路长制, 产业链|链长制: a chief system named after what the chief keeps, as 河长制
    # 全市|市、县、乡、村四级: the second copy opens a list of levels, a character each
    return _ONE_CHARACTER_ITEMS.match(text, b) is not None


def _verb_after_its_subject(unit: str, following: int | None, c: int, segmented, offset: int, words) -> bool:
    """各级党组织组织党员参观学习: the first copy ends a noun (党组织), the second is the verb of the
    sentence (组织) with its object right after it (党员); a slip would leave no object."""
    entry = words.get(unit)
    if entry is None or entry.tag not in ("v", "vn") or following is None:
        return False
    object_ = next((t for t in segmented if t.start + offset == c), None)
    return object_ is not None and _tag(object_)[:1] == "n"


_COMPOUND = 4  # characters of a dictionary word that the second copy opens (党和国家): a compound, not chance


def _second_copy_explained(text: str, a: int, b: int, c: int, following: int | None, segmented, offset: int,
                           source: str, words) -> bool:
    """After a word that ends in the character (left < a), the second copy of it is a word of
    its own, or opens one, as the sentence shows."""
    unit = text[a:b]
    if _function_word(unit, words):
        return True  # a particle after the word it ends with: 目的|的
    if following is not None and following - c > 1 and _prefix(unit, text[b:following], source, words):
        return True  # 安全|全链条: the second copy opens a compound of its own
    if following == c + 1 and _prefix(unit, text[b : c + 1], source, words, clause_start=True):
        return True  # 监管|管出公平、管出效率: the paragraph starts clauses with 管出
    if following == c + 1 and _noun(unit, words) and _noun(text[c], words):
        return True  # 城市|市|城|一体化: 市城 may be a compound of two nouns the dictionary lacks
    if any(text[b : b + n] in words for n in range(_COMPOUND, 7)):
        return True  # 中国共产党|党和国家机关: the second copy opens a compound the dictionary knows
    after = [t for t in segmented if t.start + offset >= c]
    word_before = next(t for t in segmented if t.end + offset == b)
    if _opens_unknown_word(unit, after, word_before, words):
        return True  # 太湖|湖体|蓝藻, 南昌|昌北机场, 周至|至乾县: the second copy opens a word of its own
    if unit == "是" and _tag(word_before)[0] in "inl":
        return True  # 实事求是|是我们党的思想路线: the copula after its subject
    if unit in _FACILITY_OF_PLACE and len(word_before.text) >= 2 and (_tag(word_before) in _NAME_TAGS or (
            unit == "站" and _tag(word_before).startswith("n") and _LINE.search(text, max(0, b - _LINE_REACH), b))):
        # 连云港|港, 临港|港货物吞吐量: a place's port named after it, the name ending in 港; 地铁4号线
        # 东站|站: a line's stop named after the station it serves
        return True
    if _verb_with_aspect(text, c, unit, word_before, words):
        return True  # 对明年的经济工作|作了具体安排: the verb after its object, marked 了
    if _kind_of_the_same(text, a, c, words):
        return True  # 葡萄酒|酒庄酒、: two kinds of wine side by side; 试点县|县中。
    return False


# Set terms of official writing that the general dictionary lacks, by their head: the duty a
# body bears (压实主体责任, 落实属地责任) follows the body's name, which may end in the same word
# (部分经营主体主体责任意识淡薄); 和美乡村 (宜居宜业和美乡村, since 2022) after the conjunction 和
# (产业发展和和美乡村建设).
_SET_TERMS = {
    "和": ("和美",),
    "主体": ("主体责任", "主体地位"),
    "属地": ("属地责任", "属地管理"),
    "监管": ("监管责任",),
    "监督": ("监督责任",),
    "产业": ("产业活动单位",),  # a census's establishment: 第二产业产业活动单位2.36万个
}


def _opens_set_term(text: str, a: int, b: int) -> bool:
    """The second copy opens a set term (主体责任) and the first ends the word before it (经营主体)."""
    terms = _SET_TERMS.get(text[a:b])
    return bool(terms) and a > 0 and _HAN_CHAR.match(text[a - 1]) is not None and text.startswith(terms, b)


# The kinds of body a name ends in (审计局, 交通运输厅, 人民法院), and its organs named after the
# kind (局务会议, 厅党组, 院机关, 局属单位): a body's name, then one of its organs
_BODY_KINDS = frozenset("局厅院部委校处科室所司署办")
_BODY_ORGANS = ("务会", "党组", "机关", "属", "直属", "领导班子", "班子成员")


# A post one is named to (X任组长, 主任任常务副组长)
_POST = LazyPattern(r"(?:常务|执行)?副?(?:组长|主任|指挥长|总指挥|书记|委员|成员|召集人|队长|局长|秘书长|主席|总召集人)")

# A list of three items or more of one character each (市、县、乡、村; 省、市、县).
_ONE_CHARACTER_ITEMS = LazyPattern(f"[{_HAN}](?:、[{_HAN}](?=[、{_HAN}])){{2,}}")

# A verb this common (作 28,016, 做, 办, 干) is a word of its own after a noun.
_COMMON_VERB = 10_000


# After a one-character verb: an aspect particle, or a complement of direction or result
# (是实干|干出来的, 把工作|做好).
_ASPECT_OR_COMPLEMENT = LazyPattern(r"[了着过]|出来|起来|下去|上来|出|成|好|完|得")
# What 作 makes in the formula 就…工作作具体安排: an arrangement, a plan, a report, a decision
_OBJECT_OF_MAKE = LazyPattern(r"(?:具体|全面|专题|进一步|统一|重要|详细)?的?(?:安排|部署|说明|报告|决定|调整|规定|答复|批示|指示|汇报|发言|讲话)")


def _verb_with_aspect(text: str, c: int, unit: str, word_before, words) -> bool:
    """对明年的经济工作作了具体安排: after a noun that ends in the same character, a common
    one-character verb that takes an aspect particle or a complement is the verb of the
    sentence (工作|作了部署, 实干|干出来的), not a copy (发展|展了 is one: 展 is no verb of
    its own)."""
    if not (_ASPECT_OR_COMPLEMENT.match(text, c) or unit in "作做" and _OBJECT_OF_MAKE.match(text, c)) \
            or len(word_before.text) < 2:
        return False
    entry = words.get(unit)
    # a noun, or a set phrase used as one (苦干实干|干出来的)
    noun_before = _tag(word_before)[0] == "n" or _tag(word_before) in ("vn", "l")
    return noun_before and entry is not None and entry.tag == "v" and entry.freq >= _COMMON_VERB


def _kind_of_the_same(text: str, a: int, c: int, words) -> bool:
    """The second copy opens a short noun that ends an item of a list or the sentence and
    names a kind of the same thing: a compound ending in the same character (葡萄酒|酒庄酒、,
    two kinds of wine), or one character after a unit of administration (试点县|县中。, the
    county high school)."""
    char = text[a]
    for length in (1, 2):
        end = c + length
        if not _HAN_ONLY.fullmatch(text[c:end]) or text[end : end + 1] not in ("、", "，", "。", "；"):
            continue
        if length == 2 and text[end - 1] == char:
            return True
        if length == 1 and _distributive(text, a, words, predicate=False):
            return True
    return False


def _ends_cleanly(text: str, c: int, right: int, window_end: int, words) -> bool:
    """博士|博士后: the second copy of a word opens the same word with one character more,
    which ends where a word of the text after it would start; 污染|污染源|头 takes 源 from
    源头 (and 工作|工作人员 is the slip of a whole word before its compound)."""
    rest = words.segment(text[c:window_end])
    return bool(rest) and c + rest[0].end <= right


_CLAUSE_CLOSERS = frozenset("，。；！？、：")
# What "every X" goes on with: 件件有回复, 户户都通, 村村通 (每件都有, 每户都通)
_EVERY_PREDICATES = frozenset("有都通皆必")
_GLUE = 100  # a word the first copy ends that the dictionary has seen less often is no firm word


def _loosely_glued(text: str, a: int, words) -> bool:
    """信访|件: the first copy ends only a rare compound (信访件), so it may open the doubling;
    in 关系|系有 it ends a common word, and the doubling is a slip."""
    return not any(words.freq(text[a - j : a + 1]) >= _GLUE for j in (1, 2) if a >= j)


def _doubled_on_purpose(text: str, a: int, c: int, left: int, words) -> bool:
    """A single character doubled as Chinese doubles it: 一座座, 年年, 市市通, 团团伙伙,
    三百六十行|行行, 壮壮的, 实事|件件有着落."""
    if _aabb(text, a, words):
        return True  # 团团伙伙: the segmenter may join the middle pair (团|团伙|伙)
    if text[c : c + 1] == text[a] and (text[a] * 2 in words or _distributive(text, a + 1, words)):
        return True  # 三百六十行|行行: the second and third copies are the reduplication
    if (left == a or _ends_word(text, a, words)) and _distributive(text, a, words):
        return True  # 实事|件件: the first copy need not belong to the word before it
    if text[c : c + 1] in _EVERY_PREDICATES and _distributive(text, a, words) and _loosely_glued(text, a, words):
        return True  # 群众信访件|件有回复: "every X has …", though the segmenter glued the first copy to a noun
    if left == a and text[c : c + 1] in ("的", "地") and _descriptive(text[a], words):
        return True  # 长得壮壮的: an adjective doubled before 的
    if left == a and _reciprocal(text, c, words):
        return True  # 老老互助, 村村相通: the one with the other
    if _parallel_reduplication(text, a, c, words):
        return True  # 河河有人管、段段有人巡: "every river, every stretch"; also after 要件|件: 要件件有回音、事事有着落
    if text[a] * 2 in words and text[c : c + 1] in _CLAUSE_CLOSERS:
        return True  # 竹涛声声。: a reduplicated word of the dictionary that closes its clause
    return _reduplicated(text, a, left == a, words)


def _parallel_reduplication(text: str, a: int, c: int, words) -> bool:
    """河河有人管、段段有人巡, 人人有事做、户户有收入: in one sentence, another character
    doubled before the same word (有) in a parallel clause; the doubling is the construction
    of both clauses ("every X"), which the dictionary need not know for each unit."""
    if not _HAN_CHAR.match(text[c : c + 1]):
        return False
    low = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, a - _LIST_REACH), a)), default=0)
    end = _SENTENCE_END.search(text, c, c + _LIST_REACH)
    high = end.start() if end else min(len(text), c + _LIST_REACH)
    # another character doubled before the same one (事事有 beside 件件有): compiled once, the
    # character after is checked (a pattern per call costs more than the search)
    if any(m.start() != a and m.group(1) != text[a] and text.startswith(text[c], m.end())
           and _CLAUSE_MARK.search(text, min(a, m.start()), max(a, m.start()))
           for m in _HAN_PAIR.finditer(text, low, high)):
        return True
    return _parallel_clauses(text, a, low, high, words)


def _parallel_clauses(text: str, a: int, low: int, high: int, words) -> bool:
    """人人关注转型、企企推进转型: the doubling opens a clause as long as its neighbour, which
    opens with a reduplication the dictionary knows (人人, 户户): one "every X" after another."""
    if a > low and text[a - 1] not in _CLAUSE_OPENERS:
        return False
    length = _clause_length(text, a, high)
    for clause in _CLAUSE_OPENER.finditer(text, low, high):
        start = clause.end()
        if start == a or start + 2 > high:
            continue
        pair = text[start : start + 2]
        if (pair[0] == pair[1] != text[a] and pair in words
                and abs(_clause_length(text, start, high) - length) <= 1):
            return True
    return False


_CLAUSE_OPENERS = "，、；：“‘（"
_CLAUSE_OPENER = LazyPattern(f"[{_CLAUSE_OPENERS}]")


_CLAUSE_CLOSE = LazyPattern(r"[，。；、,;：”’）]")


def _clause_length(text: str, start: int, high: int) -> int:
    end = _CLAUSE_CLOSE.search(text, start, high)
    return (end.start() if end else high) - start


def _reciprocal(text: str, c: int, words) -> bool:
    """老老互助 (the old helping the old), 村村相通, 校校互联: a one-character noun doubled
    before a word of mutual action (互助, 互通, 相通, 相连) names both sides of it."""
    return text[c : c + 1] in ("互", "相") and text[c : c + 2] in words


def _ends_word(text: str, a: int, words) -> bool:
    """The text before position a ends with a word of two or three characters (实事|件件), and
    the character at a completes no longer one (中西部|部 is a slip)."""
    return (any(text[a - j : a] in words for j in (2, 3) if a >= j)
            and not any(text[a - j : a + 1] in words for j in (2, 3) if a >= j))


def _descriptive(char: str, words) -> bool:
    entry = words.get(char)
    return entry is not None and entry.tag[0] not in "ucpdrmq" and entry.freq < _FREE_WORD


# Heads of names that link places by their one-character abbreviations: 荆荆高铁 (荆州-荆门),
# 广汕汕高铁 (广州-汕尾-汕头), 龙龙铁路, “宜荆荆恩”城市群.
_ROUTE_HEADS = ("铁路", "高铁", "城际", "高速", "公路", "城市群", "都市圈", "经济圈", "走廊", "通道")


def _place_chain(text: str, a: int, c: int, segmented, offset: int, words) -> bool:
    """The doubled character is one of a chain of one-character place abbreviations: the
    chain runs before a route or region (荆荆高铁, 广汕汕高铁), or fills a quotation whose
    characters are mostly place abbreviations (“宜荆荆襄”; not “通办办”)."""
    i = next((i for i, t in enumerate(segmented) if t.start + offset == a), None)
    if i is None or i + 1 >= len(segmented) or len(segmented[i].text) != 1 or len(segmented[i + 1].text) != 1:
        return False
    first = i
    while first > 0 and len(segmented[first - 1].text) == 1 and _HAN_CHAR.match(segmented[first - 1].text):
        first -= 1
    last = i + 1
    while last + 1 < len(segmented) and len(segmented[last + 1].text) == 1 and _HAN_CHAR.match(segmented[last + 1].text):
        last += 1
    start, end = segmented[first].start + offset, segmented[last].end + offset
    if text.startswith(_ROUTE_HEADS, end):
        return True  # the head as written: the segmenter may cut it (宜荆荆|都市|圈)
    if text[start - 1 : start] != "“" or text[end : end + 1] != "”":
        return False
    places = sum((words.tag(t.text) or "x") in ("ns", "j") for t in segmented[first : last + 1])
    return 2 * places >= last + 1 - first


_ITEM_MARK = LazyPattern(r"[、，,；;：:。]")


def _parallel_items(text: str, a: int, b: int, c: int, left: int) -> bool:
    """A list whose items share their first word or their end: 中国通用、中国国新 (中国 then a
    name, so 中国|国新 is no slip), 新建复线、延长车站站线、工业专用线 (站线 is a kind of 线)."""
    start = max((m.end() for m in _ITEM_MARK.finditer(text, max(0, a - _LIST_REACH), a)), default=0)
    stop = _ITEM_MARK.search(text, c, c + _LIST_REACH)
    end = stop.start() if stop else min(len(text), c + _LIST_REACH)
    if not (stop and stop.group() == "、" or text[start - 1 : start] == "、"):
        return False  # not in a 、 list
    neighbours = _neighbour_items(text, start, end)
    head = text[left:b]  # the word the first copy ends
    if left == start and len(head) >= 2 and any(item.startswith(head) for item in neighbours):
        return True
    tail = text[c:end]
    return 1 <= len(tail) <= 2 and any(item.endswith(tail) and len(item) > len(tail) for item in neighbours)


def _neighbour_items(text: str, start: int, end: int) -> list[str]:
    """The items of the 、 list either side of text[start:end], one each way."""
    items = []
    if text[start - 1 : start] == "、":
        before = max((m.end() for m in _ITEM_MARK.finditer(text, max(0, start - 1 - _LIST_REACH), start - 1)),
                     default=max(0, start - 1 - _LIST_REACH))
        items.append(text[before : start - 1])
    if text[end : end + 1] == "、":
        after = _ITEM_MARK.search(text, end + 1, end + 1 + _LIST_REACH)
        items.append(text[end + 1 : after.start() if after else min(len(text), end + 1 + _LIST_REACH)])
    return items


def _written_on_purpose(text: str, a: int, c: int, unit: str, words) -> bool:
    """Doublings that a construction of the sentence explains, whatever the dictionary says."""
    k = len(unit)
    return (
        _in_list_of_names(text, a, c, words)
        or _chiasmus(text, a, c)
        or _one_by_one(text, unit, c, words)
        or _word_glossed(text, a, c, unit, words)
        or (k == 2 and _degree_repeated(unit, words))
        or _said_again_after_zai(text, c, unit)
        or (k == 1 and _same_kind_compound(text, a, c, words))
        or (k == 1 and not (words.tag(unit) or "x").startswith("u") and _parallel_doubling(text, a, c))
        or (k == 1 and _opens_word_with_alternative(text, a, c, words))
        or (k == 1 and _localizer_then_verb(text, a, c))
    )


# 建（构）筑物: a word written with its alternative character in brackets (建筑物 / 构筑物)
_ALTERNATIVE = LazyPattern(r"[（(][\u4e00-\u9fff][）)]")


def _opens_word_with_alternative(text: str, a: int, c: int, words) -> bool:
    """扩建|建（构）筑物: the second copy opens a word whose next character has its alternative in
    brackets; without them it is a word of the dictionary (建筑物)."""
    alternative = _ALTERNATIVE.match(text, c)
    if alternative is None:
        return False
    rest = text[alternative.end() : alternative.end() + 3]
    return any(text[a] + rest[:n] in words for n in range(1, len(rest) + 1))


# 在…下 / 的情况下 / 在此基础上: a localizer that closes a frame opened by 在 or 的 shortly before
_FRAME_OPENER = LazyPattern(r"[在的][^，。；：、,;:]{0,8}$")


def _localizer_then_verb(text: str, a: int, c: int) -> bool:
    """在未采取防护措施的情况下|下池施救, 在此基础上|上调5%: the first copy closes a frame (在…下,
    …的情况下) as its localizer, the second is a verb that opens what follows."""
    return (text[a] in "上下" and _FRAME_OPENER.search(text, max(0, a - 9), a) is not None
            and c < len(text) and _HAN_CHAR.match(text[c]) is not None)


_SENTENCE_END = LazyPattern(r"[。！？；!?;\n]")


def _parallel_doubling(text: str, a: int, c: int) -> bool:
    """纵向向市县延伸、横向向民生保障等领域拓展: the same character doubled after two
    different words in one sentence is a parallel construction, not two slips."""
    low = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, a - _LIST_REACH), a)), default=0)
    end = _SENTENCE_END.search(text, c, c + _LIST_REACH)
    high = end.start() if end else min(len(text), c + _LIST_REACH)
    pair = text[a:c]
    for i in _occurrences(text[low:high], pair):
        j = low + i
        if j not in (a - 1, a, a + 1) and j > 0 and _HAN_CHAR.match(text[j - 1]) and text[j - 1] != text[a - 1]:
            return True
    return False


def _same_kind_compound(text: str, a: int, c: int, words) -> bool:
    """水水联运 beside 铁水联运, 商商结合 beside 工商结合、农商结合: a compound of two
    one-character kinds before a head, the same kind twice."""
    if text.startswith(_SAME_MODE_HEADS, c):
        return True
    head = text[c : c + 2]
    if len(head) < 2 or not _HAN_ONLY.fullmatch(head):
        return False
    char = text[a]
    # another kind before or after the same character, before the same head: 工商结合, 水陆联运;
    # but not the word that ends in the first copy here (保护护利用 beside 保护利用 is a slip)
    low, high = max(0, a - _LIST_REACH), min(len(text), c + _LIST_REACH)
    ours = text[a - 1 : a]
    for at in _occurrences(text[low + 2 : high], head):
        pair = text[low + at : low + at + 2]  # X char or char X, before the head
        kind = pair.replace(char, "", 1)
        if char in pair and len(kind) == 1 and _HAN_ONLY.fullmatch(kind) and kind not in (char, ours) \
                and _opens_word(text, low + at, char, words):
            return True
    return False


# The commonest Chinese surnames (over 95% of the population), and the compound ones.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
    "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但"
    "尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
    "令狐", "端木", "澹台", "申屠", "呼延", "独孤", "南宫", "轩辕", "万俟", "闻人", "公羊", "西门",
})
# Where a list of names ends: a sentence or a clause of another kind, a bracket, a quotation.
_LIST_END = LazyPattern(r"[。；;：:！？!?（）()“”《》【】\n]")
_LIST_ITEM = LazyPattern(r"[^、，,\s\u3000]+")
_NAME_DOT = LazyPattern(r"[·•・]")
_LIST_REACH = 400  # characters either side: a list of names is read only this far


def _in_list_of_names(text: str, a: int, c: int, words) -> bool:
    """沈跃跃 in 胡春华、沈跃跃、王勇、周强: a given name that doubles a character is still a
    name. The doubling must lie in the given name of an item that reads as a personal name
    (a surname and one or two characters, or a transcribed name with ·), in a list of three
    or more such names that make at least half of its items."""
    low = max(0, a - _LIST_REACH)
    ends = [m.end() for m in _LIST_END.finditer(text, low, a)]
    start = ends[-1] if ends else low
    stop = _LIST_END.search(text, c, min(len(text), c + _LIST_REACH))
    items = list(_LIST_ITEM.finditer(text, start, stop.start() if stop else min(len(text), c + _LIST_REACH)))
    mine = next((m for m in items if m.start() <= a and c <= m.end()), None)
    if mine is None or not _personal_name(mine.group(), words):
        return False
    if not _NAME_DOT.search(mine.group()) and a - mine.start() < _surname_length(mine.group()):
        return False  # 王王勇: the surname itself is doubled
    names = sum(_personal_name(m.group(), words) for m in items)
    return names >= 3 and 2 * names >= len(items)


def _surname_length(item: str) -> int:
    if item[:2] in _COMPOUND_SURNAMES:
        return 2
    return 1 if item[0] in _SURNAMES else 0


def _personal_name(item: str, words) -> bool:
    """王勇, 沈跃跃, 欧阳明高, 帕巴拉·格列朗杰: not a word the dictionary knows as anything but a name."""
    if _NAME_DOT.search(item):
        parts = _NAME_DOT.split(item)
        return 2 <= len(parts) <= 4 and all(part and _HAN_ONLY.fullmatch(part) for part in parts)
    surname = _surname_length(item)
    if not surname or not 1 <= len(item) - surname <= 2 or not _HAN_ONLY.fullmatch(item):
        return False
    tag = words.tag(item)
    return tag is None or tag.startswith("nr")


_HAN_ONLY = LazyPattern(f"[{_HAN}]+")


# Forms of address and posts that follow a person's name (孙晓晓代表, 王丽丽同志, 李明明局长).
_FORMS_OF_ADDRESS = frozenset({
    "同志", "代表", "委员", "先生", "女士", "老师", "同学", "师傅", "教授", "院士", "专家", "书记", "主席",
    "主任", "部长", "厅长", "局长", "处长", "科长", "省长", "市长", "县长", "区长", "镇长", "乡长", "村长",
    "厂长", "校长", "院长", "所长", "站长", "队长", "组长", "经理", "董事长", "总经理", "会长", "秘书长",
})


def _given_name_after_title(tokens, a: int, at_clause_start: bool) -> bool:
    """副委员长沈跃跃出席会议, 尊敬的孙晓晓代表: a surname standing alone, after a title, at
    the start of a clause or before a form of address, a given name of one character doubled
    (跃跃, 欢欢, 丹丹), and the name ends there (the next word is no single character: not
    文|旅旅|商)."""
    i = next((i for i, t in enumerate(tokens) if t.start == a - 1 and t.end == a), None)
    if i is None or tokens[i].text not in _SURNAMES:
        return False
    rest = tokens[i + 3 : i + 4]
    if rest and len(rest[0].text) == 1 and _HAN_CHAR.match(rest[0].text):
        return False
    if rest and rest[0].text in _FORMS_OF_ADDRESS:
        return True
    if i == 0:
        return at_clause_start
    return _tag(tokens[i - 1]).startswith("n") and len(tokens[i - 1].text) >= 2


def _chiasmus(text: str, a: int, c: int) -> bool:
    """具体抓抓具体 ("grasp the concrete, concretely"): the same word before and after the
    doubled part, a figure of speech written without its comma."""
    return any(
        a >= j and text[a - j : a] == text[c : c + j] and _HAN_ONLY.fullmatch(text[c : c + j])
        for j in (2, 3, 4)
    )


def _one_by_one(text: str, unit: str, c: int, words) -> bool:
    """一步一步, 一个一个, 一个项目一个项目地抓, 一家企业一家企业地帮: 一 with a measure word
    (and its noun) doubled means "one after another"; a phrase longer than 一X does so
    before the verb it modifies (地, or a verb)."""
    if len(unit) < 2 or unit[0] != "一":
        return False
    if len(unit) == 2:
        return True  # 一步一步, 一天一天
    if not (words.tag(unit[:2]) == "m" or words.tag(unit[1]) == "q"):
        return False
    if text[c : c + 1] == "地":
        return True
    following = words.segment(text[c : c + 4])
    return bool(following) and _tag(following[0]).startswith("v")


_SENTENCE_START = frozenset("。！？；：“\n")


def _word_glossed(text: str, a: int, c: int, unit: str, words) -> bool:
    """干部干部，干字当头 / 改革改革，改字当头: a noun said twice as a clause of its own at
    the start of a sentence, and taken up by the clause after it (干字), is a figure of speech."""
    tag = words.tag(unit) or "x"
    if len(unit) < 2 or not (tag.startswith("n") or tag == "vn"):
        return False
    if a > 0 and text[a - 1] not in _SENTENCE_START or text[c : c + 1] not in ("，", ","):
        return False
    after = _CLAUSE_MARK.search(text, c + 1)
    return any(char in text[c + 1 : after.start() if after else len(text)] for char in unit)


def _said_again_after_zai(text: str, c: int, unit: str) -> bool:
    """学习学习再学习, 调研调研再调研, 实践、实践、再实践: a word said twice and a third time after
    再, the stock figure of "again and again"."""
    return text.startswith(("再" + unit, "、再" + unit), c)


# Degree adverbs whose phrase is repeated for emphasis: 很紧很紧, 太难太难.
_DEGREE = frozenset("很太真挺好")


def _degree_repeated(unit: str, words) -> bool:
    return unit[0] in _DEGREE and (words.tag(unit[1]) or "").startswith("a")


# Heads of compounds that join two transport modes by their one-character abbreviations
# (公铁联运, 铁水联运, 江海联运): the same mode twice, 水水联运 (water-to-water), is a term.
_SAME_MODE_HEADS = ("联运", "中转")


# Generic heads of place and facility names: 昌北|机场, 站前|广场 name one place; 段 names the
# stretch of a river or road through a place (长江|江澜段, 淮河|河澜段, like 长江江苏段).
_PLACE_HEADS = frozenset({
    "机场", "广场", "车站", "码头", "大道", "大街", "公园", "大桥", "口岸", "新区", "园区", "景区", "水库",
    "县", "区", "镇", "乡", "村", "路", "街", "桥", "港", "湖", "山", "岛", "湾", "段",
})
# The port or station a place has, which takes its name: after a name that ends in the same
# character (连云港港, 临港港) it is the place's port, not a slip (太湖湖 is one: a lake is no facility).
_FACILITY_OF_PLACE = frozenset("港站")
# 地铁4号线东站|站: a line named just before the station whose stop takes its name
_LINE = LazyPattern(r"号线|地铁|轻轨|轨道交通|城际|铁路|线路")
_LINE_REACH = 12
# Proper names in the dictionary: places (ns), people (nr), bodies (nt), others (nz).
_NAME_TAGS = frozenset({"ns", "nr", "nt", "nz"})
# Prefixes that make a noun phrase of scope or rank (类前缀): 全链条, 总规划, 副中心, 超大城市.
_SCOPE_PREFIXES = frozenset("全总副超非反准亚泛半")
# Verbs of taking one's seat: the noun before them is the seat (执行主席|席|就座, 嘉宾席).
_SEATING = frozenset({"就座", "就坐", "入座", "落座", "就位"})
# A single character this common (是, 有, 要, 就) is a word of its own, never the second
# half of a compound the dictionary lacks.
_FREE_WORD = 50_000
#: a character rarer than this, alone where it is doubled, is read as a name's syllable (洛, 坨, 莎)
_NAME_SYLLABLE = 2_000


def _opens_unknown_word(char: str, after, word_before, words) -> bool:
    """The second copy of a character, after a word ending in it, begins a word the
    dictionary does not know but the sentence shows: a place name before its generic head
    (南昌|昌北机场, 火车站|站前广场), a preposition before its object after a place (周至|至乾县),
    a prefix of scope before a noun (安全|全链条), a compound with the next character before
    a noun (太湖|湖体蓝藻, 产业链|链主企业), a noun counted by a figure (集装箱|箱位1.36万), an abbreviation of one-character verbs
    (培育|育繁推一体化), or the seat before a verb of sitting (执行主席|席就座)."""
    if not after:
        return False
    first = after[0]
    tag = words.tag(char) or "x"
    before_tag = word_before.entry.tag if word_before.entry else "x"
    if tag == "p":
        return before_tag[0] in "nst" and _tag(first)[0] in "nsrt"
    if first.text in _SEATING:
        return _tag(word_before).startswith("n")
    if char in _SCOPE_PREFIXES and len(first.text) >= 2 and _tag(first).startswith("n"):
        return True
    if len(after) >= 2 and len(first.text) == 1 and after[1].text[:1].isdigit() and _tag(word_before).startswith("n"):
        return True  # 集装箱|箱位|1.36万标准箱: a noun of two characters, counted by the figure after it
    for bound in (1, 2):  # characters the dictionary leaves single after the second copy
        if len(after) <= bound:
            break
        head = after[bound]
        if head.text in _PLACE_HEADS and all(_name_character(t) for t in after[:bound]):
            return True  # 昌北|机场, 站前|广场
        if not all(_bound_character(t) for t in after[:bound]):
            continue
        if len(head.text) >= 2 and head.entry is not None:
            return True  # 湖体|蓝藻, 湖体|保护, 链主|企业, 育繁推|一体化
    return False


# The generic heads that end the names of waters and landforms (青湖, 柘江, 鹤川, 苍山)
_PLACE_GENERICS = frozenset("湖江河川溪海湾港岛山峰岭泉池塘库")
# the generic heads of a place's name, settlements too: 洛洛村, 拉拉屯
_NAME_HEADS = _PLACE_GENERICS | frozenset("村寨乡镇屯庄堡坝坪沟")


def _unknown_place_name(text: str, a: int, segmented, offset: int) -> bool:
    """A place's name the dictionary does not know: a single name character before the generic
    head that the doubled character is (青|湖 in 青湖湖体)."""
    if text[a] not in _PLACE_GENERICS:
        return False
    before = next((t for t in segmented if t.end + offset == a), None)
    return before is not None and _name_character(before)


def _name_character(token) -> bool:
    """北 in 昌北机场, 前 in 站前广场: a single character that can be part of a name."""
    return len(token.text) == 1 and token.entry is not None and token.entry.tag[0] not in "ucpdrye"


def _tag(token) -> str:
    return token.entry.tag if token.entry else "x"


def _bound_character(token) -> bool:
    """体, 主, 北, 繁: a single character the dictionary leaves alone, of a kind that makes
    compounds (a noun, a distinguishing word, a verb, an adjective), not a function word."""
    return (len(token.text) == 1 and token.entry is not None and token.entry.tag[0] in "nbva"
            and token.entry.freq < _FREE_WORD)


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


def _prefix(char: str, compound: str, source: str, words, clause_start: bool = False) -> bool:
    """全 in 安全|全链条: the document also uses the compound on its own (完善全链条监管),
    not only as the tail of another word (有力|有效 does not make 力有效 a compound). A
    compound of two characters counts only where it starts a clause (、管出效率) or stands as
    a noun after a numeral, a measure or a determiner (公路|路长制 beside 三级路长, 各级路长)."""
    return any(_opens_word(source, i, char, words)
               and (not clause_start or _starts_clause(source, i) or _after_determiner(source, i, words))
               for i in _occurrences(source, compound))


def _starts_clause(source: str, i: int) -> bool:
    return i == 0 or source[i - 1] in "、，；：。！？\n“"


def _after_determiner(source: str, i: int, words) -> bool:
    """三级|路长, 各级|河长, 每个|站长: a word of number, measure, rank or determination right before."""
    return any(i >= n and (words.tag(source[i - n : i]) or "x")[0] in "mqrb" for n in (1, 2))


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
    if doubled >= _RARE_REDUPLICATION or a > 0 and text[a - 1] == "一" and _reduplicated(text, a, False, words):
        return False  # common, or 一抹抹 (one stroke after another) after 一
    return any(words.freq(text[a - j : a + 1]) >= _MORE_COMMON * max(doubled, 1) for j in range(1, min(a, 3) + 1))


def _reduplicated(text: str, a: int, standalone: bool, words) -> bool:
    """一座座, 一个个, 年年, 家家, 扎扎实实: a character doubled on purpose."""
    if a > 0 and text[a - 1] == "一":
        # 一座座, 一个个, 一张张, 一抹抹: "one X after another", as the dictionary knows it or
        # with a measure word; but 一定|定 has none, and 一些 is a word of its own
        # ("some", far commoner than 一张 or 一位), never doubled.
        one_x = text[a - 1 : a + 1]
        measure = (words.tag(text[a]) or "x") == "q" or words.tag(one_x) == "m"  # 一张, 一抹 (a stroke of)
        return (text[a - 1 : a + 2] in words or (measure and words.freq(one_x) < _QUANTIFIER_WORD)
                or _noun_as_measure(text, a, words))
    if not standalone:
        return False  # 单位|位, 去年|年: the first copy ends another word
    return ((words.tag(text[a]) or "") in ("q", "m") or _aabb(text, a, words)
            or _distributive(text, a, words) or _inside_quotation(text, a, a + 2))


def _noun_as_measure(text: str, a: int, words) -> bool:
    """一垄垄茶树, 一畦畦菜地: a noun lent to 一 as a measure and doubled before what it counts.
    一 and the character make no word of the dictionary (一定, 一般 do), 一 is no word's end
    (统一, 唯一), and a noun follows."""
    return (not words.freq(text[a - 1 : a + 1]) and not (a >= 2 and text[a - 2 : a] in words)
            and _HAN_CHAR.match(text[a + 2 : a + 3]) is not None)


def _distributive(text: str, a: int, words, predicate: bool = True) -> bool:
    """市市通高铁, 县县通, 周周有调度, 件件有回音: a unit doubled before what it does means
    "every" (每市都通). A unit is a noun the dictionary knows after 每, 各 or 逐 (各市, 每周,
    逐件), not a particle (各地 does not make 的地地 a unit)."""
    char = text[a]
    if (words.tag(char) or "x")[0] in "ucp" or predicate and not _HAN_CHAR.match(text[a + 2 : a + 3]):
        return False
    # …or the text counts it as one just before: 一岛一品、岛岛有特色
    return any(determiner + char in words for determiner in "每各逐") or f"一{char}一" in text[max(0, a - 8) : a]


def _inside_quotation(text: str, a: int, c: int) -> bool:
    """呦呦鹿鸣 in “呦呦鹿鸣，食野之苹”: quoted verse (two or more lines of four, five or
    seven characters, all of one length) doubles characters as poets do."""
    opening = text.rfind("“", max(0, a - _QUOTE_REACH), a)
    closing = text.find("”", c, c + _QUOTE_REACH)
    if opening < 0 or closing < 0 or "”" in text[opening:a]:
        return False
    lines = [len(line) for line in _VERSE_BREAK.split(text[opening + 1 : closing]) if line]
    return len(lines) >= 2 and len(set(lines)) == 1 and lines[0] in (4, 5, 7)


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
