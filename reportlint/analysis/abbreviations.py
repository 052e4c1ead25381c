"""Where a document defines a 简称, and where it writes the full name or the 简称 again.

A definition is a bracket after a name: 国家发展和改革委员会（以下简称“国家发展改革委”）,
《中华人民共和国政府采购法》（以下简称《政府采购法》）, 网络预约出租汽车（以下简称网约车）, with
以下简称, 简称, 下称, 以下称, in brackets and quotes of either width. 统称 and 合称 name a group
(政府责任人、技术责任人和巡查责任人（以下统称“三个责任人”）), whose members are named again on
purpose: no abbreviation of one name, so not read.

The full name's extent is the hard part, and a wrong one makes false alarms: it is taken only
where it is certain. A title in 书名号 or a quotation right before the bracket is the name.
Otherwise the name ends with the *core*: the shortest stretch of the clause before the bracket
that holds the 简称's characters in order (国家发展和改革委员会 for 国家发展改革委, 网络预约出租汽车
for 网约车), from the start of its word. Where it starts is read from two places at once: a later
stretch of text counts as the name written again only where the words before the core are the
same as at the definition, back to a point where both texts show a boundary (a mark, a
preposition, a conjunction, 的, an adverb, a verb: 决定成立|溪源县城市更新工作领导小组 and
，|溪源县城市更新工作领导小组要…). 全省|市场监督管理总局 or 中国（上海）|自由贸易试验区 end a
longer name, and are not read as the name of the definition. A 简称 that is the end of its name
(领导小组 of 溪源县城市更新工作领导小组) is read only where words before it match too. A contraction
that keeps its name's first word (县防指, 国企, 低保) marks where the name starts: a common word
before a later mention is a modifier (中央|国有企业) or a verb the dictionary tags as a noun
(严格规范|国有企业), while a place's name before it (苍屿|省人民政府) makes another, full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern
from .copy_index import document_parts, is_title_line
from .lexicon import Token, lexicon

# The words that introduce a 简称 in a bracket: 以下简称, 下文简称, 简称, 下称, 以下称.
_VERB = r"(?:(?:以下|下文)\s*(?:简称|称)|下称|简称)"
_QUOTED = r"《[^《》\n]{1,40}》|“[^“”\n]{1,30}”|\"[^\"\n]{1,30}\"|「[^「」\n]{1,30}」|‘[^‘’\n]{1,30}’"
# （澜政发〔2024〕15号，以下简称《若干措施》）, （设在市生态环境局，以下简称…）: a note may come first
_NOTE_FIRST = r"(?:[^（()）\n]{1,30}?[，,；;]\s*)?"
# （简称“三农”，下同）: the note that the 简称 holds in what follows
_SAME_BELOW = r"(?:\s*[，,；;]\s*下同)?"
_DEFINITION = LazyPattern(rf"[（(]{_NOTE_FIRST}\s*{_VERB}\s*为?\s*[:：]?\s*"
                         rf"(?P<shorts>(?:{_QUOTED}|[^（()）《》“”\"\n]){{1,40}}?){_SAME_BELOW}\s*[）)]")
_SHORT_ITEM = LazyPattern(_QUOTED)
# 简称“集团”或“公司”: two 简称 of one name, joined by 或 or a mark
_JOINER = LazyPattern(r"[\s或、，,和及]*")
_BARE_SHORT = LazyPattern(r"[\u4e00-\u9fffA-Za-z0-9０-９]{2,15}")
# What ends the clause a full name stands in.
_CLAUSE_BREAK = LazyPattern(r"[，,。；;：:！!？?、“”\"《》（）()【】\[\]\n\t\u3000 ]")
_HAN = LazyPattern(r"[\u4e00-\u9fff]")
#: the longest core read from a clause, in characters
_NAME_MAX = 32
#: a 简称 that opens thus refers to the document itself or to something named just before
_REFERENCE = ("本", "该", "此", "上述", "前述")
_TITLE_MARKS = "《》"
# The dictionary's tags of proper names: of places, people, bodies, other names, and abbreviations.
_PROPER_TAGS = ("ns", "nr", "nt", "nz", "j")
# 全省, 各级, 本市, 我县: a determiner before a name, not a word of it (the dictionary tags 全省 and
# 本市 as nouns)
_DETERMINER = LazyPattern(r"[全各本我该此这][省市县区国州盟旗镇乡村级地]?")
# The last words of the name of a body: a name followed by more words that end so is a word of
# the body's name (粤港澳大湾区建设领导小组), which keeps it whole.
_BODY_HEAD = LazyPattern(r"(?:委员会|领导小组|工作组|小组|办公室|联席会议|指挥部|中心|管委会|委|局|厅|署|公司|集团|协会|"
                        r"学会|联合会|基金会|研究院|研究所|大学|学院|学校|医院|银行|法院|检察院)$")
#: how many characters after a name are read for the body it may name
_BODY_REACH = 12
# The distribution lines of GB/T 9704's 版记 (抄送：…), which name the bodies in full
_DISTRIBUTION = LazyPattern(r"\s*(?:抄送|主送|分送|报送|抄报|报|送|发)[：:]")
# A paragraph that gives a body's registration names it by its full registered name.
_REGISTRATION = LazyPattern(r"统一社会信用代码|法定代表人|注册资本|注册地址")
#: how many characters before a use are segmented to see which word ends there
_CONTEXT = 6
# Marks that close a part of a name: 中国（上海）自由贸易试验区, “十四五”规划纲要
_NAME_CLOSERS = "）)”》"
# The kinds of words, weakest boundary first: a word of a name, a verb (which may be a word of a
# name, 寄递物流, or the predicate before it, 设立县防汛抗旱指挥部), anything else.
NAME, VERB, STOP = 0, 1, 2


@dataclass(frozen=True)
class Definition:
    """A full name defined with its 简称 in brackets (网络预约出租汽车（以下简称网约车）), and
    where each stands."""

    paragraph: int  # index of its paragraph
    part: int  # the document of the file it belongs to (an attachment is another)
    full: str  # the title or quotation (《中华人民共和国政府采购法》), or the core (网络预约出租汽车)
    full_start: int  # offsets in the paragraph's text
    full_end: int
    titled: bool  # the full name is a title in 书名号 or a quotation, marks included
    short: str  # as written in the bracket: “国家发展改革委”, 《政府采购法》, 网约车
    bare: str  # as the text writes it afterwards: 国家发展改革委, 《政府采购法》, 网约车
    short_start: int  # offset of *bare* inside the bracket
    close: int  # offset just after the bracket
    #: the words of the clause before the core, nearest first: (word, kind, whether a proper name's)
    before: tuple[tuple[str, int, bool], ...]
    #: a contraction that keeps the first word of its name (县防指 of 县防汛抗旱指挥部, 低保 of
    #: 最低生活保障): the name may well start where the core does
    anchored: bool
    full_span: Span
    short_span: Span

    @property
    def contraction(self) -> bool:
        """Whether the 简称 leaves out characters inside the name (网约车, 国家发展改革委), not only
        words before its end (维修资金 of 住宅专项维修资金): a coined form the text must define."""
        return self.bare not in self.full

    @property
    def name(self) -> str:
        """The full name as a message shows it: the core with the words of a name before it
        (粤港澳大湾区 for 大湾区, whose core is the 简称 itself)."""
        name = self.full
        for word, _, proper in self.before:
            if not proper or len(name) + len(word) > _NAME_MAX:
                break
            name = word + name
        return name


def definitions(doc: Document) -> list[Definition]:
    """Every definition of a 简称 whose name can be read, in document order (memoised)."""
    return doc.analysis("abbreviations.definitions", _definitions)


def _definitions(doc: Document) -> list[Definition]:
    if not any(verb in doc.source for verb in ("简称", "下称", "以下称", "下文称")):
        return []  # most documents define none: one look at the source instead of a parse
    found: list[Definition] = []
    parts = document_parts(doc)
    for paragraph in doc.paragraphs:
        text = paragraph.text
        if not paragraph.is_body or "称" not in text:
            continue
        for match in _DEFINITION.finditer(text):
            for bare, short, at in _shorts(match):
                extent = _full_extent(text, match.start(), bare)
                if extent is None:
                    continue
                start, end, titled, before, anchored = extent
                found.append(Definition(paragraph.index, parts[paragraph.index], text[start:end], start, end, titled,
                                        short, bare, at, match.end(), before, anchored and bare not in text[start:end],
                                        paragraph.span(start, end), paragraph.span(at, at + len(bare))))
    return found


def _shorts(match: re.Match) -> list[tuple[str, str, int]]:
    """The 简称 a bracket gives: (as written afterwards, as written in it, offset of the first)."""
    shorts, text, start = match.group("shorts"), match.string, match.start("shorts")
    items = list(_SHORT_ITEM.finditer(shorts))
    if not items:
        bare = shorts.strip()
        if not _BARE_SHORT.fullmatch(bare) or bare.startswith(_REFERENCE):
            return []  # （以下简称：略）, a sentence, or 本规划 (the document itself)
        return [(bare, bare, start + shorts.index(bare))]
    position, result = 0, []
    for item in items:
        if not _JOINER.fullmatch(shorts, position, item.start()):
            return []  # words outside the quotes: not a plain list of 简称
        quoted = item.group()
        bare = quoted if quoted[0] == "《" else quoted[1:-1]
        at = start + item.start() + (0 if quoted[0] == "《" else 1)
        if bare.strip(_TITLE_MARKS) and not bare.startswith(_REFERENCE) and text[at : at + len(bare)] == bare:
            result.append((bare, quoted, at))
        position = item.end()
    return result if _JOINER.fullmatch(shorts, position) else []


def _full_extent(text: str, bracket: int, short: str):
    """(start, end, titled, words before, anchored) of the full name the bracket at *bracket*
    abbreviates: a title or quotation right before it, or the core; None when there is none."""
    end = bracket
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    last = text[end - 1]
    if last in "》”":  # a title or a quotation right before: certainly the name
        opening = text.rfind("《" if last == "》" else "“", 0, end - 1)
        if opening < 0 or end - opening <= 2 or not _in_order(short.strip(_TITLE_MARKS), text, opening, end):
            return None  # 《…安全法》和《…条例》（以下简称“一法一条例”）: the 简称 of both, not of the last
        return opening, end, True, (), False
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, end - 3 * _NAME_MAX), end)),
                 default=max(0, end - 3 * _NAME_MAX))
    at = end
    for char in reversed(short.strip(_TITLE_MARKS)):  # the shortest stretch holding them in order
        at = text.rfind(char, clause, at)
        if at < 0:
            return None
    tokens = _tokens(text, clause, end)
    index = next(i for i, token in enumerate(tokens) if token.start <= at < token.end)
    start = tokens[index].start  # from the start of its word
    if end - start > _NAME_MAX or "的" in text[start:end]:
        return None  # 从事电梯维护保养活动的单位（以下简称维保单位）: a description, not a name
    before = tuple((token.text, word_kind(token.text, token.entry.tag if token.entry else None),
                    token.entry is None or token.entry.tag in _PROPER_TAGS) for token in reversed(tokens[:index]))
    # the 简称's first character opens the core, or stands in its first word and nowhere before
    # it in the clause (低保 of 最低生活保障; not 市供水主管部门 of 市人民政府城市供水主管部门)
    first = short.strip(_TITLE_MARKS)[0]
    anchored = text[start] == first or first not in text[clause:start]
    return start, end, False, before, anchored


def _in_order(chars: str, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds *chars* in their order."""
    for char in chars:
        start = text.find(char, start, end)
        if start < 0:
            return False
        start += 1
    return True


def _tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of text[start:end], with offsets into *text*."""
    return [Token(t.start + start, t.end + start, t.text, t.entry) for t in lexicon().segment(text[start:end])]


def word_kind(word: str, tag: str | None) -> int:
    """NAME: a word that may be part of a name (nouns, names, 区别词, numerals, words the
    dictionary lacks, a closing mark: 中国（上海）自由贸易试验区); VERB: a verb; STOP: any other
    word (a preposition, a conjunction, 的, an adverb, a pronoun, a time word, a word of place
    after a noun: 企业中|高新技术企业) or a mark."""
    if word[-1] in _NAME_CLOSERS or word.isascii() and word.isalnum():
        return NAME
    if not _HAN.match(word) or _DETERMINER.fullmatch(word):
        return STOP
    tag = tag or "x"
    if tag[0] in "upcdryeoft":
        return STOP
    if tag[0] == "v" and tag != "vn":
        return VERB
    return NAME


# --- uses --------------------------------------------------------------------------------


def full_name_uses(doc: Document, definition: Definition) -> list[tuple[Span, str]]:
    """Where the body text writes the full name again after its 简称 was defined, in the same
    document of the file, outside the conventions that keep a full name (a cited title, a
    quotation, a heading, a label, a longer name that holds it): each place and the name."""
    if not definition.titled and not definition.contraction and _common_noun(definition.bare):
        return []  # 项目, 集团, 领导小组: where the word alone could mean another of its kind, the name comes back
    found = []
    others = [d for d in definitions(doc) if d is not definition and d.part == definition.part]
    for paragraph, start, limit in _after(doc, definition):
        text = paragraph.text
        if _REGISTRATION.search(text) or _DISTRIBUTION.match(text):
            continue  # a body's legal identity (成立于…，统一社会信用代码…) or a distribution line (抄送：…): full names
        at = text.find(definition.full, start, limit)
        while at >= 0:
            end = at + len(definition.full)
            name_start = _name_written_again(text, at, definition)
            if name_start is not None and not _kept_full(paragraph, name_start, end, definition, others):
                found.append((paragraph.span(name_start, end), text[name_start:end]))
            at = text.find(definition.full, end, limit)
    return found


def _common_noun(word: str) -> bool:
    """A word of the dictionary that is no proper name (项目, 集团, 领导小组; not 人民银行)."""
    entry = lexicon().get(word)
    return entry is not None and entry.tag not in _PROPER_TAGS


def _after(doc: Document, definition: Definition):
    """(paragraph, start, end) of the text after the definition, to the end of its document or
    to a new definition of the same 简称 or name."""
    parts = document_parts(doc)
    later = [d for d in definitions(doc) if d.part == definition.part and (d.bare == definition.bare or
             d.full == definition.full) and (d.paragraph, d.close) > (definition.paragraph, definition.close)]
    stop = (later[0].paragraph, later[0].full_start) if later else (len(doc.paragraphs), 0)
    for paragraph in doc.paragraphs[definition.paragraph : stop[0] + 1]:
        if parts[paragraph.index] != definition.part:
            break
        if _body_text(paragraph):
            start = definition.close if paragraph.index == definition.paragraph else 0
            yield paragraph, start, stop[1] if paragraph.index == stop[0] else len(paragraph.text)


def _body_text(paragraph: Paragraph) -> bool:
    """Running text: not a title, a heading, a table cell or a quotation set apart, and not a
    short line without a mark (a label, a signature, a list of issuing bodies)."""
    return paragraph.kind in ("text", "list-item") and not is_title_line(paragraph.text)


def _name_written_again(text: str, at: int, definition: Definition) -> int | None:
    """Where the name starts whose core (or title) stands at *at*, when it is the definition's
    name: the same words before the core as at the definition, back to a point where both texts
    show a boundary (the furthest such point); None when there is none: the words differ where
    the definition's name goes on (全省|市场监督管理总局), or a boundary is doubtful."""
    if definition.titled:
        return at
    found, start = None, at
    for index in range(len(definition.before) + 1):
        word, kind, _ = definition.before[index] if index < len(definition.before) else ("", STOP, False)
        # 县防指 of 县防汛抗旱指挥部: a name starts with the core whose first character its 简称 keeps,
        # and a common word before it there is the name's modifier, with which the 简称 goes as well
        # (中央|国有企业 → 中央国企), or a verb the dictionary tags as a noun (严格规范|国有企业)
        anchor = index == 0 and definition.anchored
        boundary = STOP if anchor else kind
        bare = start == at and definition.full == definition.bare  # the 简称 itself (领导小组), not its name
        if boundary != NAME and not bare and (_kind_before(text, start) != NAME or anchor and _modifier_before(text, start)):
            found = start
        if kind == STOP or not text.endswith(word, 0, start):
            break
        start -= len(word)
    return found


def _modifier_before(text: str, at: int) -> bool:
    """Whether the word that ends at *at* is a common word of two characters or more that may
    modify a name (规范, 力争, 中央): not a place's, a person's or a body's name, nor a
    character of a name the dictionary lacks (苍屿|省人民政府 is that province's government,
    by its full name), nor a closing mark (中国（上海）自由贸易试验区)."""
    if at == 0 or text[at - 1] in _NAME_CLOSERS:
        return False
    words = _tokens(text, max(0, at - _CONTEXT), min(len(text), at + _CONTEXT))
    word = next((word for word in words if word.end == at), None)
    return (word is not None and len(word.text) >= 2 and word.entry is not None
            and word.entry.tag not in ("ns", "nr", "nt"))


def _kind_before(text: str, at: int) -> int:
    """The kind of the word that ends at *at* (STOP at the start of the text); NAME where no
    word ends there (全国人民代表大会 holds no 人民代表大会 of its own)."""
    if at == 0:
        return STOP
    if text[at - 1] in _NAME_CLOSERS:
        return NAME
    start = max(0, at - _CONTEXT)
    words = _tokens(text, start, min(len(text), at + _CONTEXT))
    last = next((word for word in reversed(words) if word.end == at), None)
    return NAME if last is None else word_kind(last.text, last.entry.tag if last.entry else None)


def _kept_full(paragraph: Paragraph, at: int, end: int, definition: Definition, others: list[Definition]) -> bool:
    """Whether the full name at text[at:end] is written out by a convention: inside a cited title
    or a quotation, as a word of a longer name (政府投资项目储备库, 永盛食品有限公司“8·3”…事故),
    as the label a numbered item opens with (4.沣源县永盛食品有限公司，未落实…), inside a longer
    name another definition gives, or in a new definition."""
    text = paragraph.text
    if _DEFINITION.match(text, end):
        return True  # defined anew
    if not definition.titled:
        if _inside(text, at, "《", "》") or _inside(text, at, "“", "”") or _in_body_name(text, end):
            return True
        if paragraph.numbering and _opens_item(text, paragraph.numbering[2], at):
            return True
    return any(len(o.full) > end - at and text[at:end] in o.full and _within(text, at, end, o.full) for o in others)


def _opens_item(text: str, marker: str, at: int) -> bool:
    """Whether *at* is right after the outline number *marker* that opens the paragraph."""
    number = text.find(marker)
    return number >= 0 and not text[:number].strip() and not text[number + len(marker) : at].strip()


def _in_body_name(text: str, end: int) -> bool:
    """Whether the name that ends at *end* is a word of a longer name: of a body that its words
    go on to name (粤港澳大湾区建设领导小组, 国家发展和改革委员会价格监测中心), or before a
    quotation that goes on with it (永盛食品有限公司“8·3”有限空间中毒窒息一般事故)."""
    if text[end : end + 1] in ("“", "《"):
        return True
    stop = _CLAUSE_BREAK.search(text, end, end + _BODY_REACH)
    words = lexicon().segment(text[end : stop.start() if stop else end + _BODY_REACH])
    run = ""
    for word in words:
        kind = word_kind(word.text, word.entry.tag if word.entry else None)
        if kind == STOP or kind == VERB and not run:
            break  # 国家发展和改革委员会会同省财政厅: a verb right after the name is its predicate
        run += word.text
        if _BODY_HEAD.search(run):
            return True
    return False


def _inside(text: str, at: int, opening: str, closing: str) -> bool:
    """Whether *at* lies inside a pair of the marks."""
    before = text.rfind(opening, 0, at)
    return before >= 0 and text.rfind(closing, before, at) < 0 and text.find(closing, at) >= 0


def _within(text: str, at: int, end: int, longer: str) -> bool:
    """Whether text[at:end] lies inside an occurrence of *longer*."""
    start = text.find(longer, max(0, end - len(longer)))
    while 0 <= start <= at:
        if end <= start + len(longer):
            return True
        start = text.find(longer, start + 1)
    return False


def _coined(definition: Definition) -> bool:
    """Whether the 简称 is a form only its definition explains: not a short title in 书名号 any
    document cites (《条例》, 《意见》), not a word (省政府, 流感, 国企), and either a contraction
    (网约车, 县防指) or the end of a proper name that holds a word of it (大湾区 of 粤港澳大湾区);
    the last words of a common phrase (维修资金, 规范性文件, 事故调查组) are ordinary language."""
    bare = definition.bare
    if bare[0] in _TITLE_MARKS or bare in lexicon():
        return False
    if definition.contraction:
        return True
    return any(token.entry and token.entry.tag in _PROPER_TAGS for token in lexicon().segment(bare))


def uses_before(doc: Document, definition: Definition) -> list[Span]:
    """Where the body text uses a coined 简称 before the place that defines it, as a word of its
    own; a 简称 that is the end of its name, not as the end of a longer name (大湾区 inside
    粤港澳大湾区 is the name itself), while a contraction may follow any word (国家|高企)."""
    bare = definition.bare
    if not _coined(definition):
        return []
    if any(d.bare == bare and d.part == definition.part and (d.paragraph, d.close) < (definition.paragraph,
                                                                                      definition.close)
           for d in definitions(doc)):
        return []  # defined twice: the first definition is the one
    parts = document_parts(doc)
    found = []
    for paragraph in doc.paragraphs[: definition.paragraph + 1]:
        if parts[paragraph.index] != definition.part or not _body_text(paragraph):
            continue
        text = paragraph.text
        limit = definition.full_start if paragraph.index == definition.paragraph else len(text)
        at = text.find(bare, 0, limit)
        while at >= 0:
            if (not _inside(text, at, "《", "》") and _stands_alone(text, at, at + len(bare))
                    and (definition.contraction or _kind_before(text, at) != NAME)):
                found.append(paragraph.span(at, at + len(bare)))
            at = text.find(bare, at + len(bare), limit)
    return found


def _stands_alone(text: str, at: int, end: int) -> bool:
    """Whether text[at:end] is a word of its own in its context, not the end of a longer word."""
    tokens = _tokens(text, max(0, at - _CONTEXT), min(len(text), end + _CONTEXT))
    return any(t.start == at for t in tokens) and any(t.end == end for t in tokens)
