"""RL101 broken-paragraph: one paragraph cut in two by a page break or a paste."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..artifacts import CONTINUATION
from ..document import Document, Paragraph, Span
from ..model import Edit, Fix, Related, Violation, rule

# A paragraph that ends with one of these ends a sentence or introduces what follows.
_CLOSED_END = re.compile(r"(?:[。！？；…!?;：:．.]|——)[”’」』）)》】\]]*$")
# Ends in the middle of a sentence: a comma, a 顿号 or an opening mark.
_OPEN_END = re.compile(r"[，、,“‘《（(【「『\[]$")
# No paragraph starts with a 点号 or a closing mark (GB/T 15834): it continues the one above.
_CONTINUATION_START = re.compile(r"^[，。、；：？！,;:?!”’》）)】」』\]]")
_OPENER_OF = {"”": "“", "’": "‘", "》": "《", "）": "（", ")": "(", "】": "【", "」": "「", "』": "『", "]": "["}
# 深化污染防治攻坚。: the short lead sentence that opens a paragraph of a report.
_LEAD_SENTENCE = re.compile(r"[^，。；：、,;:]{6,30}。")
_INNER_PUNCTUATION = re.compile(r"[，。；、,;]")
_SENTENCE_MARK = re.compile(r"[。！？；!?;]")
_CLAUSE_TAIL = re.compile(r"[“‘《（(]?[^，。；：、！？,;:!?“”‘’《》（）()]{1,12}[，、,“‘《（(【「『]?$")

# After the full stop, a bracketed note that belongs to the item (。（农业农村部负责）,
# 。（负责部门：商务部；适用范围：…）) or a footnote marker (。①, 。[2]) ends the paragraph too.
_BRACKET_FAMILY = {"）": "（(", ")": "（(", "】": "【", "〕": "〔", "]": "[［", "］": "[［"}
_FOOTNOTE_MARKS = re.compile(r"[\u2460-\u249b\u00b9\u00b2\u00b3\u2070-\u2079]+$")

_ORDINAL = "一二三四五六七八九十"
# 一是 / 二要 / 其三 / 首先: the lead of one point in an enumeration of a paragraph.
_ORDINAL_LEAD = re.compile(rf"[{_ORDINAL}]{{1,3}}(?:是|要)|其[{_ORDINAL}]{{1,2}}|首先|其次|再次")
# A paragraph that is nothing but that lead (a bold 一是 split from its sentence).
_BARE_LEAD = re.compile(rf"[{_ORDINAL}]{{1,3}}是要?|[{_ORDINAL}]{{1,3}}要")
# 表3  2023年客（货）运量、周转量 / 图7 …: the caption of a table or chart (whose body
# a text export leaves out); like a page number, it is not part of the prose around it.
_CAPTION = re.compile(rf"附?[图表]\s*(?:[0-9０-９]{{1,3}}(?:[-－—.．][0-9０-９]{{1,3}})?|[{_ORDINAL}]{{1,3}})[\s\u3000：:]")
# 央视网消息（新闻联播）： / 新华社北京3月5日电 / 本报讯（记者 …）: the dateline that opens a news item.
_DAY = rf"[0-9０-９{_ORDINAL}]{{1,3}}"
_NEWS_LEAD = re.compile(
    rf"[^，。；、\s]{{0,16}}?{_DAY}月{_DAY}日电"
    r"|[^，。；、\s]{1,12}?(?:消息|讯)\s*(?:[（(][^（()）]{0,30}[）)])?\s*[：:]"
    r"|[^，。；、\s]{0,12}?讯\s*[（(][^（()）]{0,30}[）)]"
)
#: a headline or a caption is a line of a few dozen characters at most
_SHORT_LINE = 60
#: a bold span or a link set on its own line is shorter than a paragraph
_SPAN_LINE = 50
#: the message quotes the last clause of the cut paragraph up to this length
_SHOWN_CLAUSE = 30


@dataclass(frozen=True)
class Options:
    #: a paragraph shorter than this (in characters) is not taken for body text
    min_length: int = 15


@rule(code="RL101", name="broken-paragraph", severity="warning", summary="段落被分页或粘贴截断",
      options=Options, fixable="sometimes")
def broken_paragraph(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a paragraph that stops in the middle of a sentence (no closing
    punctuation, or a trailing comma or opening quote) and is continued by
    the next paragraph, as when a page break or a copy from a PDF or a
    newspaper cut "…大力支持民营企业和民营" / "经济发展，激发…" in two.

    A paragraph ending without punctuation is only taken for a cut one when
    it reads as body text (long enough, with punctuation inside), and the
    next paragraph is body text too. A paragraph that starts with a closing
    mark or a 点号 (“》，提出…”) always continues the one above. A lead set
    apart from its sentence (“一是” / “按照法制统一……”) is a cut, and a link or
    bold span on a line of its own (“认真贯彻” / “人口与计划生育法” / “的各项规
    定……”) cuts the sentence twice: both breaks are reported. A page number, a
    form feed or a table's caption between the halves does not hide the cut.

    It deliberately does not report:
    - titles, headings (一、 / （一） / Markdown #), list items, table cells,
      salutations, signature and date lines;
    - a note or a footnote marker after the full stop: “……优先支持自贸试验区
      建设。（负责部门：自然资源部）”, “……并经人大常委会审议批准。（⑵⑶）”;
    - a numbered item after a paragraph that only lacks its final mark:
      “……抓好工作落实” / “（二）强化政策支持。……”;
    - a point's lead set as a sub-heading above its paragraph: “一是聚焦全方位
      扩大内需，着力提消费促投资” / “坚持惠民生和促消费……”;
    - the caption of a table or chart whose body the text lost: “表3  2023年
      客（货）运量、周转量”;
    - the headline lines above a news lead: “中央经济工作会议在北京举行” /
      “习近平发表重要讲话 李强作总结讲话” / “央视网消息（新闻联播）：……”;
    - the lines of a hard-wrapped .txt (every line cut near one width): they
      are read as one paragraph, and a note on stderr says so.

    ## Why it matters
    A split sentence reads as two broken fragments, and the page-break cut
    usually also swallowed or duplicated words next to it.

    ## Example
    Bad:
        培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营

        经济发展，激发各类经营主体内生动力和发展活力。
    Good:
        培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营经济发展，激发各类经营主体内生动力和发展活力。

    The (unsafe) fix joins the two paragraphs.

    ## Options
    - `min-length` (15): a paragraph shorter than this is not taken for body text
      unless its end or the next paragraph's start proves the cut.
    """
    # A page number, a newspaper marker or a table's caption between the halves is part of the cut.
    paragraphs = [p for p in doc.paragraphs if p.kind != "artifact" and p.text.strip() and not _is_caption(p)]
    paragraphs = _bold_spans_as_text(doc, paragraphs)
    starts_anew = _news_item_starts(paragraphs)
    cuts = [_is_cut(first, second, opts) and second.index not in starts_anew
            for first, second in zip(paragraphs, paragraphs[1:])]
    _follow_cut_spans(paragraphs, cuts, starts_anew)
    for position, cut in enumerate(cuts):
        if cut:
            yield _violation(doc, paragraphs[position], paragraphs[position + 1])


def _bold_spans_as_text(doc: Document, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A Markdown line that is all bold reads as a heading; but a bold 一是, or a bold
    span between a paragraph left open (…，) and one that goes on (，…), is a piece of
    the sentence set on a line of its own."""
    result = list(paragraphs)
    for position, paragraph in enumerate(paragraphs):
        if paragraph.kind != "heading" or paragraph.numbering is not None or not _is_bold_line(doc, paragraph):
            continue
        above = paragraphs[position - 1] if position else None
        below = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
        text = paragraph.text.strip()
        if (_BARE_LEAD.fullmatch(text)
                or len(text) <= _SPAN_LINE and not _SENTENCE_MARK.search(text) and (
                    above is not None and above.kind == "text" and _OPEN_END.search(_open_text(above.text))
                    or below is not None and _CONTINUATION_START.match(below.text))):
            result[position] = dataclasses.replace(paragraph, kind="text")
    return result


def _is_bold_line(doc: Document, paragraph: Paragraph) -> bool:
    """Is the paragraph a line of Markdown that only bold markup wraps (not a # heading)?"""
    span = paragraph.span()
    line_start = doc.source.rfind("\n", 0, span.start) + 1
    return doc.markdown and doc.source[line_start : span.start].strip() in ("**", "__")


def _is_cut(first: Paragraph, second: Paragraph, opts: Options) -> bool:
    if first.kind in ("heading", "list-item", "table-cell", "artifact") or second.kind not in ("text", "quote"):
        return False
    text = _open_text(first.text)
    if not text:
        return False
    closed = bool(_CLOSED_END.search(text))
    start = _CONTINUATION_START.match(second.text)
    if start:
        # No paragraph starts with a 点号 or a closing mark: it continues the one
        # above, if that one left a sentence or a pair open.
        closer = start.group()
        opener = _OPENER_OF.get(closer)
        return not closed or (opener is not None and text.count(opener) > text.count(closer))
    if first.kind != second.kind:
        return False  # titles, salutations, signature and date lines end without punctuation
    if closed or second.numbering is not None:
        return False  # （二）… / 3. …: a numbered item starts anew, whatever ended the one before
    if _OPEN_END.search(text):
        return True
    if _BARE_LEAD.fullmatch(text):
        return True  # 一是 / 按照法制统一…: the lead of a point, set apart from its sentence
    if _is_sub_heading(text):
        return False
    if text[-1] in "”’》）)" and _LEAD_SENTENCE.match(second.text):
        # “…确保“一清水永续北上”” then “深化污染防治攻坚。…”: the quote closed the
        # sentence and a new paragraph opens with its lead; only the 。 is missing.
        return False
    return len(text) >= opts.min_length and bool(_INNER_PUNCTUATION.search(text))


def _open_text(text: str) -> str:
    """The paragraph's text as far as its last sentence goes: without a newspaper
    marker at its end (layout-artifact reports that one; a soft-wrapped "上接第3版"
    line must not read as a cut) and without the notes that follow a full stop."""
    text = text.rstrip()
    marker = CONTINUATION.search(text)
    while marker and marker.end() == len(text) and marker.start() > 0:
        text = text[: marker.start()].rstrip()
        marker = CONTINUATION.search(text)
    return _without_trailing_notes(text)


def _without_trailing_notes(text: str) -> str:
    """"…实施。（农业农村部负责）" without the note, "…增长。①" without the footnote marker:
    only when what precedes them ends a sentence (a bracket inside a sentence is kept)."""
    while text:
        footnote = _FOOTNOTE_MARKS.search(text)
        if footnote:
            before = text[: footnote.start()].rstrip()
        else:
            opener = _bracket_opening(text)
            if opener < 0:
                return text
            before = text[:opener].rstrip()
        if not before or not _CLOSED_END.search(before):
            return text
        text = before
    return text


def _bracket_opening(text: str) -> int:
    """Where the bracket that closes *text* opens (full or half width alike), or -1."""
    openers = _BRACKET_FAMILY.get(text[-1])
    if openers is None:
        return -1
    closers = "".join(c for c, family in _BRACKET_FAMILY.items() if family == openers)
    depth = 0
    for position in range(len(text) - 1, -1, -1):
        char = text[position]
        if char in closers:
            depth += 1
        elif char in openers:
            depth -= 1
            if depth == 0:
                return position
    return -1


def _is_sub_heading(text: str) -> bool:
    """一是聚焦全方位扩大内需，着力提消费促投资: the lead of a point set as a line of
    its own, without a final mark, above the paragraph that explains it."""
    return bool(_ORDINAL_LEAD.match(text)) and len(text) <= _SHORT_LINE and not _SENTENCE_MARK.search(text)


def _is_caption(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    return bool(_CAPTION.match(text)) and len(text) <= _SHORT_LINE and not _SENTENCE_MARK.search(text)


def _could_be_headline(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    return (len(text) <= _SHORT_LINE and not _SENTENCE_MARK.search(text) and not _OPEN_END.search(text)
            and not _CONTINUATION_START.match(text))


def _news_item_starts(paragraphs: list[Paragraph]) -> set[int]:
    """Indexes of the paragraphs that start a news item: its dateline lead
    (央视网消息（新闻联播）：…) and the headline lines just above it, which end
    without punctuation and are not the first half of a cut sentence."""
    starts: set[int] = set()
    for position, paragraph in enumerate(paragraphs):
        if not _NEWS_LEAD.match(paragraph.text):
            continue
        starts.add(paragraph.index)
        above = position - 1
        while above >= 0 and paragraphs[above].index not in starts and _could_be_headline(paragraphs[above]):
            starts.add(paragraphs[above].index)
            above -= 1
    return starts


def _is_span_line(paragraph: Paragraph) -> bool:
    """A short piece of a sentence on a line of its own: what a wiki link or a bold
    span becomes in a capture (…贯彻 / 《公民道德建设实施纲要》 / ，在全社会…)."""
    text = _open_text(paragraph.text)
    return (paragraph.kind == "text" and 0 < len(text) <= _SPAN_LINE and not _SENTENCE_MARK.search(text)
            and not _CLOSED_END.search(text))


def _follow_cut_spans(paragraphs: list[Paragraph], cuts: list[bool], starts_anew: set[int]) -> None:
    """A sentence cut around a span set on its own line is cut twice: report both breaks.

    The span continues a cut sentence and does not end it, so the next body
    paragraph continues it too; and a span that a cut continues was itself
    the continuation of the unfinished paragraph above it.
    """
    for position in range(len(cuts) - 1):  # forward: A | span | C
        span, following = paragraphs[position + 1], paragraphs[position + 2]
        if (cuts[position] and not cuts[position + 1] and _is_span_line(span)
                and following.kind == "text" and following.numbering is None
                and following.index not in starts_anew):
            cuts[position + 1] = True
    for position in range(len(cuts) - 1, 0, -1):  # backward: A | span | C
        above, span = paragraphs[position - 1], paragraphs[position]
        if (cuts[position] and not cuts[position - 1] and _is_span_line(span) and above.kind == "text"
                and span.index not in starts_anew and _unfinished(above)):
            cuts[position - 1] = True


def _unfinished(paragraph: Paragraph) -> bool:
    text = _open_text(paragraph.text)
    return bool(text) and not _CLOSED_END.search(text) and not _is_sub_heading(text)


def _last_clause_start(text: str) -> int:
    """Where the paragraph's last clause starts (《关于进一步做好就业工作的通知》 whole),
    or its last 12 characters when that clause is long."""
    mark = max(text.rfind(c) for c in "，。；：、！？,;:!?")
    return mark + 1 if len(text) - mark - 1 <= _SHOWN_CLAUSE else len(text) - 12


def _violation(doc: Document, first: Paragraph, second: Paragraph) -> Violation:
    text = _open_text(first.text)
    tail = _CLAUSE_TAIL.search(text)
    tail_start = tail.start() if tail else _last_clause_start(text)
    head = second.text[:12]
    span = first.span(tail_start, len(text))
    next_span = second.span(0, len(head))
    message = (
        f"段落在“{text[tail_start:]}”处中断，下一段“{head}…”接续同一句："
        "疑为分页或复制粘贴把一段拆成了两段"
    )
    gap = Span(first.source_map.end(len(first.text.rstrip())), second.source_map.start(0))
    fix = None
    if doc.text(gap).strip() == "":  # only blank lines between: join (never delete a marker here)
        fix = Fix((Edit(gap, ""),), "unsafe", "合并为一段")
    return Violation(span, message, related=(Related(next_span, "接续的下一段从这里开始"),), fix=fix)
