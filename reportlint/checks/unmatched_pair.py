"""RL402 unmatched-pair: a quotation mark, bracket or 书名号 left without its partner."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import NoOptions, Related, Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

_CLOSER_OF = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "「": "」", "『": "』",
              "[": "]", "〔": "〕", "〈": "〉", "［": "］"}
_OPENER_OF = {closer: opener for opener, closer in _CLOSER_OF.items()}
# What a message calls each mark: a bare “ inside a message reads as a quotation of its own.
_KIND_OF = {"“": "双引号", "‘": "单引号", "《": "书名号", "（": "括号", "(": "半角括号", "【": "方头括号",
            "「": "直角引号", "『": "双直角引号", "[": "方括号", "〔": "六角括号", "〈": "单书名号", "［": "方括号"}


def _name(mark: str) -> str:
    """左双引号 for “, 右书名号 for 》: the mark named, with its side."""
    return ("左" + _KIND_OF[mark]) if mark in _KIND_OF else ("右" + _KIND_OF[_OPENER_OF[mark]])
# （…) pairs: a half-width parenthesis in Chinese text is punctuation-width's
# finding, not a second one here.
_FAMILY = {"(": "（", ")": "）"}
_QUOTES = "“‘「『"
_MARK = LazyPattern("[" + re.escape("".join(_CLOSER_OF) + "".join(_OPENER_OF)) + '"]')
_ASCII_BRACKET = LazyPattern(r"[()\[\]]")
_LATIN = LazyPattern("[A-Za-z]")
# ’99, ’08: an apostrophe that stands for the century of a year
_YEAR_APOSTROPHE = LazyPattern(r"[‘’][0-9０-９]{2}(?![0-9０-９])")
_CLOSING_SINGLE_QUOTE = LazyPattern(r"’(?![0-9０-９]{2}(?![0-9０-９]))")
_LATIN_LETTERS = LazyPattern("[A-Za-z]+")
_CJK = LazyPattern("[\u4e00-\u9fff]")
# A URL's brackets are part of the address (…/wiki/Foo_(bar)), not prose.
_URL = LazyPattern(r"(?:https?|ftp)://[^\s<>\"“”‘’（）《》【】，。；、！？]+|www\.[^\s<>\"“”‘’（）《》【】，。；、！？]+")
_LINK_DESTINATION = LazyPattern(r"\]\([^\s()]*\([^\s()]*\)\Z")
# 1） / a) / 一）: an enumeration marker written with its closing half only.
_MARKER_TOKEN = LazyPattern(r"(?:[0-9]{1,3}|[A-Za-z]|[ivxIVX]{2,4}|[一二三四五六七八九十]{1,3})\Z")
_MARKER_BOUNDARY = " \t\u3000，；：。、,;:！？!?“「『\"'"
# A quotation that runs over several paragraphs quotes whole sentences.
_SENTENCE_END = LazyPattern("[。！？!?…]")
# A paragraph that ends with a colon or a semicolon introduces or goes on with a list of items.
_INTRODUCES_ITEMS = LazyPattern(r"[：；:;]\s*\Z")
# A paragraph that ends like this ends a sentence: no page break cut it.
_CLOSED_END = LazyPattern(r"[。！？；…!?;][”’」』）)》】\]〕〉］\s]*\Z")
# A cut inside a numbering leaves its opening half this close to the paragraph's end.
_MARKER_CUT = 4
# How many following paragraphs may close a mark left open by a page break.
_CUT_WINDOW = 2


@dataclass
class _Open:
    """An opening mark left open at the end of its paragraph."""

    paragraph: Paragraph
    position: int  # index among the non-artifact paragraphs
    index: int  # offset in paragraph.text
    char: str
    #: it may open a quotation that goes on in the next paragraph (GB/T 15834)
    continuable: bool = False
    #: its paragraph stops in mid-sentence, as a page break leaves it
    cut: bool = False


@dataclass(frozen=True)
class _Finding:
    """A finding inside one paragraph, in offsets of its text."""

    index: int
    message: str
    related: int | None = None
    related_message: str = ""

    def violation(self, paragraph: Paragraph) -> Violation:
        related = ()
        if self.related is not None:
            related = (Related(paragraph.span(self.related, self.related + 1), self.related_message),)
        return Violation(paragraph.span(self.index, self.index + 1), self.message, related=related)


class _OpenMarks(list):
    """The opening marks still open, in order (offsets into the text), with how many of each
    family are open: whether a closing mark has a partner further down is answered at once,
    so a paragraph of many unpaired marks is read in linear time."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.open: Counter[str] = Counter()

    def append(self, index: int) -> None:
        super().append(index)
        self.open[_family(self.text[index])] += 1

    def pop(self, position: int = -1) -> int:
        index = super().pop(position)
        self.open[_family(self.text[index])] -= 1
        return index

    def truncate(self, depth: int) -> None:
        while len(self) > depth:
            self.pop()

    def depth_of(self, family: str) -> int | None:
        """The depth of the innermost open mark of *family*, if any is open."""
        if not self.open[family]:
            return None
        return next(d for d in range(len(self) - 1, -1, -1) if _family(self.text[self[d]]) == family)


@dataclass
class _Pairs:
    """How the marks of one paragraph pair up, on their own."""

    left_open: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    #: closing marks taken for enumeration markers (1）) near the paragraph's start
    markers: list[int] = field(default_factory=list)
    findings: list[_Finding] = field(default_factory=list)
    #: where the quotation that opens the paragraph closes (-1: never; None: no quotation there)
    lead_close: int | None = None
    #: family -> (offsets of its opening marks, of its closing marks), built when first needed
    positions: dict[str, tuple[list[int], list[int]]] | None = None

    def closed_later(self, text: str, index: int, opener: str) -> bool:
        """Does a closing mark after *index* close *opener*: are there more closing marks
        of its family after *index* than opening ones (“六五’… “五五” has none left)?"""
        if self.positions is None:
            self.positions = {}
            for match in _MARK.finditer(text):
                char = match.group()
                if char == '"':
                    continue
                family = _family(char if char in _CLOSER_OF else _OPENER_OF[char])
                openers, closers = self.positions.setdefault(family, ([], []))
                (openers if char in _CLOSER_OF else closers).append(match.start())
        openers, closers = self.positions.get(_family(opener), ([], []))
        return len(closers) - bisect.bisect_right(closers, index) > len(openers) - bisect.bisect_right(openers, index)


@rule(code="RL402", name="unmatched-pair", severity="warning", summary="成对标点不配对",
      rationale="删掉了后引号或后书名号，引用或标题的范围就变了，读者无法判断引文或书名在哪里结束。")
def unmatched_pair(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Finds quotation marks, brackets and 书名号 (“” ‘’ 《》 （） 【】 「」 『』 〔〕
    〈〉 () []) that do not pair up within a paragraph: a mark left open
    (左双引号没有对应的右双引号), a closing mark without an opening one (多出的右括号), and two
    halves of different pairs (“六五’时期: 左双引号与右单引号不配对, even when quotes
    later in the paragraph pair up among themselves). A quote turned the
    wrong way around a short term (一个”五讲四美三热爱”的活动) is one finding
    at the turned quote, not two. An inner ‘ closed by the outer ” is
    reported at the ‘, with the ” as the related place. An odd number of
    non-directional ASCII quotes " in a Chinese paragraph is reported at the
    last one. A bracket pair whose halves differ in width, （…), is a pair:
    punctuation-width reports its ASCII half.

    What stays silent:
    - a quotation over several paragraphs that reopens its “ at the start of
      each paragraph and closes it only in the last (GB/T 15834): the quote
      left open must quote whole sentences, or items of a list, as an amended
      article quotes them (将第二十八条修改为：“…包括： / “（一）…； / “（二）…。”);
    - a mark left open at a page break and closed in one of the next two
      paragraphs (…国务院发出《 / …通知》，提出…): broken-paragraph reports that cut;
    - enumeration markers with only a closing half (1）, a), 一）), apostrophes
      (China’s, Xi’an), brackets inside URLs, inches (12"), web-page leftovers;
    - the apostrophe of a two-digit year: ’99昆明世界园艺博览会, also when typed
      as ‘98抗洪 (unless a ’ later closes it as a quote).

    ## Why it matters
    A deleted closing quote or 书名号 changes what is quoted or titled, and
    the reader cannot tell where the quotation or the title ends.

    ## Example
    Bad:
        培育国家级专精特新“小巨人企业414家，制造业“单项冠军”企业43家。
    Good:
        培育国家级专精特新“小巨人”企业414家，制造业“单项冠军”企业43家。

    There is no fix: where the missing half belongs is for the author to decide.

    ## Options
    None.
    """
    paragraphs = [p for p in doc.paragraphs if p.kind != "artifact"]
    pending: list[_Open] = []  # marks left open by the paragraphs just before, oldest first
    for position, paragraph in enumerate(paragraphs):
        pairs = _pair_up(paragraph.text)
        if pending:
            _continue_quotation(pending, position, paragraph.text, pairs)
        for index in pairs.extra:
            partner = _carried_partner(pending, paragraph.text[index], index, position)
            if partner is not None:
                pending.remove(partner)  # the other half of a cut paragraph
            elif not (doc.markdown and _in_link_destination(doc, paragraph, index)):
                char = paragraph.text[index]
                yield _Finding(index, f"多出的{_name(char)}：前面没有与之配对的{_name(_OPENER_OF[char])}"
                               ).violation(paragraph)
        for index in pairs.markers:
            # （ / 三）…: a heading's numbering cut in two is a cut, not a marker.
            partner = _carried_partner(pending, paragraph.text[index], index, position)
            if partner is not None and len(partner.paragraph.text) - partner.index <= _MARKER_CUT:
                pending.remove(partner)
        for mark in pending[:]:
            if position - mark.position >= _CUT_WINDOW:
                pending.remove(mark)
                yield _left_open(mark.paragraph.text, mark.index).violation(mark.paragraph)
        for finding in pairs.findings:
            yield finding.violation(paragraph)
        text = paragraph.text
        cut = not _CLOSED_END.search(text)
        last_end = _last_sentence_end(text) if pairs.left_open else -1
        # a quotation of an article that lists its items, a paragraph each: 修改为：“…包括： / “（一）…；
        introduces = _INTRODUCES_ITEMS.search(text) is not None
        pending.extend(
            _Open(paragraph, position, index, text[index],
                  continuable=text[index] in _QUOTES and (last_end >= index or introduces), cut=cut)
            for index in pairs.left_open
        )
    for mark in pending:
        yield _left_open(mark.paragraph.text, mark.index).violation(mark.paragraph)


def _last_sentence_end(text: str) -> int:
    """The offset of the paragraph's last sentence end, -1 if it has none."""
    last = -1
    for last_match in _SENTENCE_END.finditer(text):
        last = last_match.start()
    return last


def _pair_up(text: str) -> _Pairs:
    pairs = _Pairs()
    if not _MARK.search(text):
        return pairs
    # In an English paragraph the Chinese marks are quoted material (「《」 is how
    # one writes about a 书名号), not the paragraph's own punctuation.
    # (A Chinese word is about two characters.)
    english = bool(_LATIN.search(text)) and 2 * len(_LATIN_LETTERS.findall(text)) > len(_CJK.findall(text))
    marks = _ASCII_BRACKET if english else _MARK
    urls = [m.span() for m in _URL.finditer(text)] if "://" in text or "www." in text else []
    stack = _OpenMarks(text)
    ascii_quotes: list[int] = []
    for match in marks.finditer(text):
        index, char = match.start(), match.group()
        if urls and any(start <= index < end for start, end in urls) or _is_named(text, index):
            continue
        if char == '"':
            if not text[index - 1 : index].isdigit():  # 12": inches
                ascii_quotes.append(index)
        elif char in _CLOSER_OF:
            if not _is_apostrophe(text, index, stack):
                stack.append(index)
        elif not _is_apostrophe(text, index, stack):
            _close(text, index, stack, pairs)
    pairs.extra = _turned_quotes(text, pairs.extra, pairs.findings, first=True)
    pairs.left_open = _turned_quotes(text, list(stack), pairs.findings, first=False)
    if len(ascii_quotes) % 2:
        pairs.findings.append(_Finding(ascii_quotes[-1], "英文双引号没有配对：本段英文双引号的个数是奇数"))
    if text[0] in _QUOTES and pairs.lead_close is None:
        pairs.lead_close = -1
    return pairs


def _close(text: str, index: int, stack: _OpenMarks, pairs: _Pairs) -> None:
    char = text[index]
    opener = _FAMILY.get(_OPENER_OF[char], _OPENER_OF[char])
    if stack and _family(text[stack[-1]]) == opener:
        _pop(stack, index, pairs)
        return
    if char in "）)" and _looks_like_marker(text, index):
        if index < _MARKER_CUT:
            pairs.markers.append(index)
        return
    depth = stack.depth_of(opener)
    if depth is not None:
        # “…‘…”: the outer closing mark ends what the inner mark left open.
        for inner in _turned_quotes(text, stack[depth + 1 :], pairs.findings, first=False):
            pairs.findings.append(_Finding(
                inner, _left_open_message(text[inner]), index, f"外层的{_name(char)}在{_name(text[inner])}闭合之前出现"
            ))
        stack.truncate(depth + 1)
        _pop(stack, index, pairs)
    elif stack and not pairs.closed_later(text, index, text[stack[-1]]):
        # 《…）: the halves of two different pairs, and no 》 left for the 《 later.
        top = stack.pop()
        pairs.findings.append(_Finding(
            index, f"{_name(text[top])}与{_name(char)}不配对", top,
            f"与之不配对的{_name(text[top])}，应以{_name(_CLOSER_OF[text[top]])}闭合"
        ))
    else:
        pairs.extra.append(index)


# A quoted term is short and within one sentence.
_QUOTED_TERM = 20


def _turned_quotes(text: str, unpaired: list[int], findings: list[_Finding], first: bool) -> list[int]:
    """”五讲四美三热爱” or “十五五“: two quotes of the same direction around a short term,
    nothing else of their kind between them, are one quotation with one quote turned the
    wrong way (the first of two closing quotes, the second of two opening ones): one finding,
    not two. Returns the marks that stay unpaired."""
    kept: list[int] = []
    k = 0
    while k < len(unpaired):
        i = unpaired[k]
        j = unpaired[k + 1] if k + 1 < len(unpaired) else -1
        if j > 0 and text[i] == text[j] in "”’“‘" and _quoted_term(text, i, j):
            turned, partner = (i, j) if first else (j, i)
            right = _OPENER_OF.get(text[turned]) or _CLOSER_OF[text[turned]]
            findings.append(_Finding(turned, f"这个{_name(text[turned])}应为{_name(right)}："
                                             f"{text[i : j + 1]}的引号方向不对", partner, f"与之配对的{_name(text[partner])}"))
            k += 2
            continue
        kept.append(i)
        k += 1
    return kept


def _quoted_term(text: str, i: int, j: int) -> bool:
    inside = text[i + 1 : j]
    family = _family(text[i] if text[i] in _CLOSER_OF else _OPENER_OF[text[i]])
    return (i > 0 and 0 < len(inside) <= _QUOTED_TERM and not _SENTENCE_END.search(inside)
            and not any(c in inside for c in (family, _CLOSER_OF[family])))


def _pop(stack: _OpenMarks, index: int, pairs: _Pairs) -> None:
    if stack.pop() == 0:
        pairs.lead_close = index


def _family(opener: str) -> str:
    return _FAMILY.get(opener, opener)


def _is_apostrophe(text: str, index: int, stack: _OpenMarks) -> bool:
    """China’s, Xi’an, the students’ (no ‘ open): a Latin apostrophe, not a quote;
    ’99昆明世博会: the apostrophe of a two-digit year."""
    char = text[index]
    if char not in "‘’":
        return False
    if _YEAR_APOSTROPHE.match(text, index) and not text[index - 1 : index].isdigit():
        # ‘98抗洪 (the opening quote typed for the apostrophe) is one too, unless a ’ closes it
        return char == "’" or not _CLOSING_SINGLE_QUOTE.search(text, index + 1)
    before = bool(_LATIN.match(text[index - 1 : index])) if index else False
    after = bool(_LATIN.match(text[index + 1 : index + 2]))
    if before and after:
        return True
    return char == "’" and before and not stack.open["‘"]


def _is_named(text: str, index: int) -> bool:
    """「（」, “》”: a mark quoted on its own is talked about, not used."""
    if index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    if before in "\"'":
        return after == before
    return before in _QUOTES and _CLOSER_OF[before] == after


def _looks_like_marker(text: str, index: int) -> bool:
    """1） a) 一）: an enumeration marker at the start of the text or after a space or 点号."""
    window = text[max(0, index - 5) : index]
    token = _MARKER_TOKEN.search(window)
    if not token:
        return False
    start = index - len(token.group())
    # 包括1）…2）…: a number needs no boundary; a letter or 一 could end a word (统一）).
    return start == 0 or text[start - 1] in _MARKER_BOUNDARY or token.group().isdigit()


def _continue_quotation(pending: list[_Open], position: int, text: str, pairs: _Pairs) -> None:
    """A paragraph that reopens the quotation the one before left open continues it."""
    if not text.startswith(tuple(_QUOTES)):
        return
    mark = next((m for m in reversed(pending)
                 if m.char == text[0] and m.continuable and m.position == position - 1), None)
    if mark is None:
        return
    close = pairs.lead_close
    # “十五五”时期…: a short quote that opens the paragraph does not continue a quotation.
    if close == -1 or (close is not None and _SENTENCE_END.search(text, 0, close)):
        pending.remove(mark)


def _in_link_destination(doc: Document, paragraph: Paragraph, index: int) -> bool:
    """[文字](https://…/(2024)): Markdown ends the link at the first ), the rest of
    the address reads as prose."""
    end = paragraph.span(index, index + 1).start
    line_start = doc.source.rfind("\n", 0, end) + 1
    return bool(_LINK_DESTINATION.search(doc.source, max(line_start, end - 300), end))


def _carried_partner(pending: list[_Open], closer: str, index: int, position: int) -> _Open | None:
    """The mark left open by a cut paragraph that this closing mark closes: the cut
    paragraph stops in mid-sentence, or this paragraph starts with the closing mark."""
    family = _family(_OPENER_OF[closer])
    return next((m for m in reversed(pending) if _family(m.char) == family
                 and (m.cut or index == 0 and m.position == position - 1)), None)


def _left_open_message(char: str) -> str:
    return f"{_name(char)}没有对应的{_name(_CLOSER_OF[char])}"


def _left_open(text: str, index: int) -> _Finding:
    char = text[index]
    following = text.find(char, index + 1)
    if following < 0:
        return _Finding(index, _left_open_message(char))
    return _Finding(index, _left_open_message(char), following, f"下一个 {char} 出现时，前一个还没有闭合")
