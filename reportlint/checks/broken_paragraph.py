"""RL101 broken-paragraph: one paragraph cut in two by a page break or a paste."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..analysis.lexicon import lexicon
from ..model import Edit, Fix, Related, Violation, rule
from ..text.artifacts import continuation_markers, photo_credit, web_chrome_flags
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern
from ..text.table_rows import has_wide_gap, table_row_cells

# A paragraph that ends with one of these ends a sentence or introduces what follows.
_CLOSED_END = LazyPattern(r"(?:[。！？；…!?;：:．.]|——)[”’」』）)》】\]]*$")
# Ends in the middle of a sentence: a comma, a 顿号 or an opening mark.
_OPEN_END = LazyPattern(r"[，、,“‘《（(【「『\[]$")
# No paragraph starts with a 点号 or a closing mark (GB/T 15834): it continues the one above.
_CONTINUATION_START = LazyPattern(r"^[，。、；：？！,;:?!”’》）)】」』\]]")
_OPENER_OF = {"”": "“", "’": "‘", "》": "《", "）": "（", ")": "(", "】": "【", "」": "「", "』": "『", "]": "["}
# 深化污染防治攻坚。: the short lead sentence that opens a paragraph of a report.
_LEAD_SENTENCE = LazyPattern(r"[^，。；：、,;:]{6,30}。")
_INNER_PUNCTUATION = LazyPattern(r"[，。；、,;]")
_SENTENCE_MARK = LazyPattern(r"[。！？；!?;]")
_CLAUSE_MARK = LazyPattern(r"[。！？；，：!?;,:]")
_CLAUSE_TAIL = LazyPattern(r"[“‘《（(]?[^，。；：、！？,;:!?“”‘’《》（）()]{1,12}[，、,“‘《（(【「『]?$")

# After the full stop, a bracketed note that belongs to the item (。（农业农村部负责）,
# 。（负责部门：商务部；适用范围：…）) or a footnote marker (。①, 。[2]) ends the paragraph too.
_BRACKET_FAMILY = {"）": "（(", ")": "（(", "】": "【", "〕": "〔", "]": "[［", "］": "[［"}
_FOOTNOTE_MARKS = LazyPattern(r"[\u2460-\u249b\u00b9\u00b2\u00b3\u2070-\u2079]+$")

_ORDINAL = "一二三四五六七八九十"
# 一是 / 二要 / 其三 / 首先: the lead of one point in an enumeration of a paragraph.
_ORDINAL_LEAD = LazyPattern(rf"[{_ORDINAL}]{{1,3}}(?:是|要)|其[{_ORDINAL}]{{1,2}}|首先|其次|再次")
# A paragraph that is nothing but that lead (a bold 一是 split from its sentence).
_BARE_LEAD = LazyPattern(rf"[{_ORDINAL}]{{1,3}}是要?|[{_ORDINAL}]{{1,3}}要")
# 表3  2023年客（货）运量、周转量 / 图7 … / 专栏7 制造业提质升级重大工程: the caption of a
# table, a chart (whose body a text export leaves out) or a plan's box (whose items follow it,
# numbered 01, 02 …); like a page number, it is not part of the prose around it.
_CAPTION = LazyPattern(rf"附?(?:[图表]|专栏|方框)\s*(?:[0-9０-９]{{1,3}}(?:[-－—.．][0-9０-９]{{1,3}})?|[{_ORDINAL}]{{1,3}})[\s\u3000：:]")
# 央视网消息（新闻联播）： / 新华社北京3月5日电 / 本报讯（记者 …）: the dateline that opens a news item.
_DAY = rf"[0-9０-９{_ORDINAL}]{{1,3}}"
_NEWS_LEAD = LazyPattern(
    rf"[^，。；、\s]{{0,16}}?{_DAY}月{_DAY}日电"
    r"|[^，。；、\s]{1,12}?(?:消息|讯)\s*(?:[（(][^（()）]{0,30}[）)])?\s*[：:]"
    r"|[^，。；、\s]{0,12}?讯\s*[（(][^（()）]{0,30}[）)]"
)
# Around a paragraph break, the characters that show whether the sentence runs on.
_AROUND_BREAK = 6
# Words that cannot end a sentence: a conjunction or a preposition waits for what it joins.
_DANGLING = frozenset("和与及或并而且对向从把被将由跟同给让使以")
# …大力支持民营企业和民营 / 经济发展: a word of these kinds (jieba's tags) cannot end a
# sentence either: a conjunction (c), a preposition (p), a non-predicate adjective that
# only modifies the noun after it (b: 民营, 国有, 新型) or an adverb (d: 进一步, 分别).
# Single characters are taken from _DANGLING only (则 ends 总则, 为 ends 乘势而为).
_DANGLING_TAGS = frozenset(("c", "p", "b", "d"))
# Particles that cannot start one: they bind to the words before them.
_BOUND_PARTICLES = frozenset("的地得了着过们")
# …惠民药房 / 和社区诊所: nor with a conjunction that joins two nouns.
_JOINING = frozenset("和与及或")
_FIGURE_END = LazyPattern(r"[0-9０-９][.．]?$")
_LATIN = LazyPattern(r"[A-Za-z0-9]")
# 72个， / 100万千瓦以上: a paragraph does not open with a count; it ends the clause above
# (a year, a span of years, a date or a numbered item opens one: 2026年， / 2025—2027年 / 3月5日 /
# 1. / 30多年来).
_COUNT_START = LazyPattern(r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
                          r"(?![0-9０-９.．、)）]|\s*多?[年月日时号届次]|\s*[—–\-－～~至到]\s*[0-9０-９]+\s*年)")
#: a headline or a caption is a line of a few dozen characters at most
_SHORT_LINE = 60
#: a bold span or a link set on its own line is shorter than a paragraph
_SPAN_LINE = 50
#: this many short lines in a row without a final mark are items set one a line
_ITEM_RUN = 3
#: an item is whole: its quotes and brackets close on its line (挂帅”的简称… is a piece of a sentence)
_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"))
#: the message quotes the last clause of the cut paragraph up to this length
_SHOWN_CLAUSE = 30


@dataclass(frozen=True)
class Options:
    """The options of broken-paragraph (RL101)."""

    #: a paragraph shorter than this (in characters) is not taken for body text
    min_length: int = field(default=15, metadata={"min": 1})


@rule(code="RL101", name="broken-paragraph", severity="warning", summary="段落被分页或粘贴截断",
      rationale="被分页或粘贴截断的句子读来是两截残句，断开处往往还吞掉或重复了旁边的字词。",
      options=Options, fixable="sometimes", fix_kinds=("unsafe",))
def broken_paragraph(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a paragraph that stops in the middle of a sentence (no closing
    punctuation, or a trailing comma or opening quote) and is continued by
    the next paragraph, as when a page break or a copy from a PDF or a
    newspaper cut "…大力支持民营企业和民营" / "经济发展，激发…" in two.

    A paragraph that starts with a closing mark or a 点号 (“》，提出…”) always
    continues the one above, and so does one that ends with a comma or an
    opening mark. Without a mark, the text must show that the sentence runs
    on: a word cut in two (“抓好就业这个民” / “生头等大事”), a word that cannot
    end a sentence (a conjunction, a preposition, 民营, 进一步), a figure without
    its unit (“增加0.49” / “人。”) or a next paragraph that opens with a count
    (“72个，”), a particle (“的代表人物”) or 和/与. A body paragraph of several
    sentences that ends without a mark, with nothing to show either way, is
    reported as such: a full stop is missing, or the cut fell between two
    words (the message says both, and offers no fix). A lead set
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
    - a summary line of one sentence above the finished paragraph it heads:
      “五年来，改革开放取得突破性进展，社会主义市场经济体制初步建立” /
      “所有制结构进一步调整和完善。……” (and, in a document that sets three or
      more such lines, a short summary of several sentences too);
    - a short line (under `min-length`) unless a word, a figure or a count
      runs across the break: “附件1” / “2025年省十件民生实事” (a span of years opens a
      title, it is no count cut off: “附件” / “2025—2027年…任务分解表”);
    - the caption of a table or chart whose body the text lost: “表3  2023年
      客（货）运量、周转量”; rows of a table with spaces, tabs or bars between
      their cells (“序号｜事项名称｜审批部门”); a field line above a field whose value
      is a sentence (“设定依据：《公路法》” / “备注：跨设区的市行驶的，由…实施。”);
    - a poem quoted one line a paragraph, lines of one length (4, 5 or 7
      characters) each with its mark: “千里之行始足下，” / “万山磅礴看主峰。”;
    - the headline lines above a news lead: “中央经济工作会议在北京举行” /
      “习近平发表重要讲话 李强作总结讲话” / “央视网消息（新闻联播）：……”, and a
      headline above its byline or its date (“——访…局长田守仁” / “本报记者 邵晴川”,
      “…的需要” / “（一九七九年八月十二日）”);
    - three or more short lines in a row that end without a mark: items set one
      a line, as a 一图读懂 or a chart turned into text has them (“新建高标准农田
      3.5万亩” / “…获评省级农产品区域公用品牌”), unless the paragraph above them left
      a sentence open (“…持续提升。新建” / “高速铁路” / “投产里程…”);
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
      unless its end or the next paragraph's start proves the cut (at least 1).
    """
    # A page number, a newspaper marker, web-page chrome or a table's caption between the
    # halves is part of the cut.
    chrome = web_chrome_flags([p.text for p in doc.paragraphs], [p.kind for p in doc.paragraphs])
    paragraphs = [p for p, is_chrome in zip(doc.paragraphs, chrome)
                  if p.kind != "artifact" and not is_chrome and p.text.strip() and not _is_caption(p)]
    paragraphs = _bold_spans_as_text(doc, paragraphs, opts)
    starts_anew = _news_item_starts(paragraphs)
    verdicts = [_verdict(first, second, opts) if second.index not in starts_anew else None
                for first, second in zip(paragraphs, paragraphs[1:])]
    if verdicts.count(SUMMARY_LINE) >= _SUMMARY_STYLE:
        # The document sets its summaries as lines without a final mark (五年来，…取得重大
        #进展): a short paragraph of a few sentences without one is such a summary too.
        verdicts = [None if v == UNCLOSED and len(p.text) <= _SUMMARY_BLOCK else v
                    for v, p in zip(verdicts, paragraphs)]
    _follow_cut_spans(paragraphs, verdicts, starts_anew)
    for position in _item_lines(paragraphs):
        if position < len(verdicts) and not _CONTINUATION_START.match(paragraphs[position + 1].text):
            verdicts[position] = None  # 新建高标准农田3.5万亩 / “松阳茶油”获评…: items set one a line
    for position, verdict in enumerate(verdicts):
        if verdict in (CUT, UNCLOSED):
            yield _violation(doc, paragraphs[position], paragraphs[position + 1], verdict)


def _item_lines(paragraphs: list[Paragraph]) -> set[int]:
    """Positions of the lines of a run of at least three short body lines, none of them
    closed by a mark, left open by a comma or holding a sentence's end: a text that sets its
    items one a line (a chart or 一图读懂 turned into text, a list of contacts) and ends none of
    them. A page break cuts one paragraph, not line after line. A run right after a paragraph
    of prose left unfinished is its sentence's pieces (…持续提升。新建 / 高速铁路 / 投产里程…)."""
    lines: set[int] = set()
    run: list[int] = []
    for position, paragraph in enumerate([*paragraphs, None]):
        if paragraph is not None and _is_item_line(paragraph):
            run.append(position)
            continue
        if len(run) >= _ITEM_RUN and not (run[0] > 0 and _unfinished_prose(paragraphs[run[0] - 1])):
            lines.update(run)
        run = []
    return lines


def _is_item_line(paragraph: Paragraph) -> bool:
    """新建高标准农田3.5万亩: a short body line, whole in itself, that ends without a mark."""
    text = _open_text(paragraph.text)
    return (paragraph.kind == "text" and 0 < len(text) <= _SHORT_LINE and not _CLOSED_END.search(text)
            and not _OPEN_END.search(text) and not _SENTENCE_MARK.search(text)
            and all(text.count(opener) == text.count(closer) for opener, closer in _PAIRS))


def _unfinished_prose(paragraph: Paragraph) -> bool:
    """…持续提升。新建 or …成果找市场“双向: a sentence left open above the next line."""
    text = _open_text(paragraph.text)
    return bool(_OPEN_END.search(text)) or (
        paragraph.kind == "text" and bool(_SENTENCE_MARK.search(text)) and not _CLOSED_END.search(text))


def _bold_spans_as_text(doc: Document, paragraphs: list[Paragraph], opts: Options) -> list[Paragraph]:
    """A Markdown line that is all bold reads as a heading; but a bold 一是, or a bold
    span between a paragraph left open (…，) and one that goes on (，…, or a word cut
    in two: **政府工作报** / 告), is a piece of the sentence set on a line of its own."""
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
                    or below is not None and (_CONTINUATION_START.match(below.text) or _runs_on(text, below.text, opts.min_length)))):
            result[position] = dataclasses.replace(paragraph, kind="text")
    return result


def _is_bold_line(doc: Document, paragraph: Paragraph) -> bool:
    """Is the paragraph a line of Markdown that only bold markup wraps (not a # heading)?"""
    span = paragraph.span()
    line_start = doc.source.rfind("\n", 0, span.start) + 1
    return doc.markdown and doc.source[line_start : span.start].strip() in ("**", "__")


# What a pair of paragraphs is: the second goes on with the first's sentence (CUT); the
# first is body text that ends without a final mark and the second starts anew, which
# is a missing full stop or a cut at a word boundary (UNCLOSED); the first is a summary
# or heading line of one sentence, set without a final mark (SUMMARY_LINE); or nothing.
CUT, UNCLOSED, SUMMARY_LINE = "cut", "unclosed", "summary line"
#: this many summary lines make the document's style (see broken_paragraph)
_SUMMARY_STYLE = 3
_SUMMARY_BLOCK = 80


def _verdict(first: Paragraph, second: Paragraph, opts: Options) -> str | None:
    if first.kind in ("heading", "list-item", "table-cell", "artifact") or second.kind not in ("text", "quote"):
        return None
    text = _open_text(first.text)
    if not text:
        return None
    closed = bool(_CLOSED_END.search(text))
    start = _CONTINUATION_START.match(second.text)
    if start:
        # No paragraph starts with a 点号 or a closing mark: it continues the one
        # above, if that one left a sentence or a pair open.
        closer = start.group()
        opener = _OPENER_OF.get(closer)
        return CUT if not closed or (opener is not None and text.count(opener) > text.count(closer)) else None
    if first.kind != second.kind:
        return None  # titles, salutations, signature and date lines end without punctuation
    if closed or second.numbering is not None:
        return None  # （二）… / 3. …: a numbered item starts anew, whatever ended the one before
    if table_row_cells(second.text) >= 3:
        return None  # 1　生态保护红线面积　平方千米　—　≥1846.52: a row of a table goes on no sentence
    if has_wide_gap(text) or has_wide_gap(second.text):
        return None  # 李秀兰　龙潭乡党委委员、副乡长, 10:20—10:30　会间休息: fields set apart by spaces, not prose
    if _aside(text):
        return None  # （本列数据的勾稽关系为：…）: a note in brackets is whole in itself
    if _verse_lines(text, second.text):
        return None  # 千里之行始足下， / 万山磅礴看主峰。: a poem set one line a paragraph
    if _BRACKETED_LABEL.fullmatch(text) or _GROUP_LABEL.fullmatch(text):
        return None  # 【本期要目】, 白沙区（7个）: a label heads what follows, it starts no sentence
    if _items_line(text) and not _SENTENCE_MARK.search(second.text):
        return None  # 市统计局综合统计科、…、数据共享科 or 青柳街道（8个）：青柳社区、… above the next group
    if _OPEN_END.search(text) or _BARE_LEAD.fullmatch(text):
        return CUT  # …， / 一是: the sentence goes on below
    if (_HEADER_FIELD.fullmatch(text) and not _ANY_MARK.search(second.text)) or (
            _SALUTATION.fullmatch(second.text.strip()) and not _INNER_PUNCTUATION.search(text)):
        return None  # 签发人：郑国安 above a title, a title above 黄明远委员：: a letter's header
    if not _ANY_MARK.search(text) and _TIME_LEAD.match(second.text.lstrip()):
        return None  # 2025年1—8月全市工业经济运行情况 / 1—8月，全市…: a title, then the body opens with its period
    if _form_line(text, second.text) or _byline_or_date(text, second.text):
        return None
    if _is_sub_heading(text):
        return None
    if _is_field(text) and (_is_field(second.text) or _FIELD_LABEL.match(second.text.lstrip())
                            or _could_be_headline(second)):
        # 责任单位：县教育局、县住建局 / 完成时限：8月底: a form's fields take no full stop, also
        # above a field whose value is a sentence (备注：跨设区的市行驶的，由…实施。)
        return None
    if _table_rows(text, second.text):
        return None  # 16—59岁 85210 60.6 / 60周岁及以上 31720 22.6: rows of a table set as text
    if text[-1] in "”’》）)" and _LEAD_SENTENCE.match(second.text):
        # “…确保“一清水永续北上”” then “深化污染防治攻坚。…”: the quote closed the
        # sentence and a new paragraph opens with its lead; only the 。 is missing.
        return None
    if _runs_on(text, second.text, opts.min_length):
        return CUT if not _is_bare_numeral(text) else None
    if len(text) < opts.min_length or not _INNER_PUNCTUATION.search(_outside_quotes(text)):
        return None  # a title: its only marks inside a name or slogan (“三证合一、一照一码”, 各县（市、区）)
    if len(text) <= _SHORT_LINE and not _SENTENCE_MARK.search(text) and _CLOSED_END.search(_open_text(second.text)):
        # 五年来，改革开放取得突破性进展 / 经济持续较快增长。…: a line of one sentence
        # above a finished paragraph heads it (a cut leaves the rest of a sentence below)
        return SUMMARY_LINE
    return UNCLOSED


# One line of regular verse: four, five or seven characters and the mark that ends it.
_VERSE_LINE = LazyPattern(r"([\u4e00-\u9fff]{4,7})([，。；！？、])")


def _byline_or_date(text: str, following: str) -> bool:
    """A headline above its byline (本报记者 邵晴川) or its date (（一九七九年八月十二日）), and the
    byline above the story: neither is half of a sentence."""
    following = following.strip()
    return bool(_BYLINE.fullmatch(text) or _BYLINE.fullmatch(following) or _DATE_NOTE.fullmatch(following))


def _verse_lines(text: str, following: str) -> bool:
    """Two lines of a poem, each a paragraph of its own (“千里之行始足下，” / “万山磅礴看
    主峰。”): lines of one length, four, five or seven characters, each with its mark. A page
    break does not cut a paragraph into two such lines."""
    first, second = _VERSE_LINE.fullmatch(text), _VERSE_LINE.fullmatch(following.strip())
    return bool(first and second and len(first.group(1)) == len(second.group(1)) != 6
                and first.group(2) in "，；、")


def _runs_on(text: str, following: str, min_length: int = 0) -> bool:
    """Evidence that the sentence runs on into the next paragraph: a word cut in two
    (民|生, 乡|村), a figure without its unit (…增加0.49 / 人。), a next paragraph that
    opens with a count that ends a clause (72个，…) or a bound particle (的代表人物…);
    and, for a paragraph of at least *min_length* characters (a short line may be a
    label), a word that cannot end a sentence (…传销和, …民营) or a next paragraph that
    opens with 和/与."""
    tail, head = text[-_AROUND_BREAK:], following[:_AROUND_BREAK]
    if not head:
        return False
    figure_cut = _FIGURE_END.search(tail) and _INNER_PUNCTUATION.search(text)  # not the 1 of 附件1
    latin_cut = _LATIN.match(tail[-1]) and _LATIN.match(head[0]) and (tail[-1].isalpha() or head[0].isalpha())
    if figure_cut or latin_cut or _COUNT_START.match(following):
        return True  # 0.49 / 人。, 72个，, M / 2: a figure or a Latin word cut off
    words = lexicon()
    tokens = words.segment(tail + head)
    if any(t.start < len(tail) < t.end and t.entry is not None and not _two_words(t.text, len(tail) - t.start, words)
           for t in tokens):
        return True
    first = next((t for t in tokens if t.start >= len(tail)), None)
    if first is not None and first.text in _BOUND_PARTICLES:
        return True
    if len(text) < min_length:
        return False
    last = next((t for t in reversed(tokens) if t.end <= len(tail)), None)
    return bool(last and (last.text in _DANGLING or len(last.text) > 1 and last.entry and last.entry.tag in _DANGLING_TAGS)
                or first and first.text in _JOINING)


def _two_words(text: str, cut: int, words) -> bool:
    """回顾|过去, 贯彻|执行: a phrase of two words that the break leaves whole is no
    evidence (a heading may end with the one and the paragraph start with the other)."""
    left, right = text[:cut], text[cut:]
    return len(left) > 1 and len(right) > 1 and left in words and right in words


# A document number on a line of its own (GB/T 9704's 发文字号): 澜公交通〔2025〕9号
_DOCUMENT_NUMBER = LazyPattern(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（][0-9０-９]{4}[〕\]］】)）][0-9０-９]{1,4}号")
# An empty row of a form's table: only its number
_BLANK_ROW = LazyPattern(r"[0-9０-９]{1,3}")
# 5月15日（星期四）：全天报到；下午青年学者论坛: a day of a programme and its sessions
_DAY_ENTRY = LazyPattern(r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:[（(][^）)]{1,4}[）)])?[：:]")
# …手机：13851127746, 电话：0736-3312605: a contact ends with its number
_PHONE_END = LazyPattern(r"(?:1[3-9][0-9]{9}|[0-9]{3,4}[-－][0-9]{7,8})\s*$")
# A value on a line of its own that a field above it names: a telephone number first
_VALUE_LINE = LazyPattern(r"[0-9０-９]{3,4}[-－—][0-9０-９]{7,8}")


def _form_line(text: str, following: str) -> bool:
    """A line of a notice or a form that is whole without a final mark: 澜公交通〔2025〕9号 under
    the title, a form's empty numbered row (1 / 2 / 3), a day of a programme with its sessions
    (5月15日（星期四）：全天报到；…), a contact ending in its telephone number, or a field's second
    value on a line of its own (监督电话：0736-3312605（…） / 0736-3315012（…））."""
    if _DOCUMENT_NUMBER.fullmatch(text) or _BLANK_ROW.fullmatch(text) or _DAY_ENTRY.match(text):
        return True
    if _PHONE_END.search(text):
        return True
    if _VALUE_LINE.match(following) and (_is_field(text) or _VALUE_LINE.match(text)):
        return True
    return bool(_VALUE_LINE.match(text) and _is_field(following))


def _is_bare_numeral(text: str) -> bool:
    """一 / 二: the section number of an old report, not the first character of 一九五六年."""
    return all(char in _ORDINAL + "〇零" for char in text)


_QUOTED_OR_BRACKETED = LazyPattern(r"“[^“”]*”|‘[^‘’]*’|《[^《》]*》|（[^（）]*）|\([^()]*\)|【[^【】]*】")


def _outside_quotes(text: str) -> str:
    """*text* without what it quotes or brackets: the marks of a name or slogan are not the line's."""
    return _QUOTED_OR_BRACKETED.sub("", text)


def _aside(text: str) -> bool:
    """A paragraph that is one bracketed note from end to end."""
    return text[:1] in "（(" and _bracket_opening(text) == 0


def _open_text(text: str) -> str:
    """The paragraph's text as far as its last sentence goes: without a newspaper
    marker at its end (layout-artifact reports that one; a soft-wrapped "上接第3版"
    line must not read as a cut) and without the notes that follow a full stop."""
    text = text.rstrip()
    marker = next(continuation_markers(text), None)
    while marker and marker.end() == len(text) and marker.start() > 0:
        text = text[: marker.start()].rstrip()
        marker = next(continuation_markers(text), None)
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


# 责任单位：… / 完成时限：… / 联系人：… / 发布人：…: a label of a few characters, a colon, a value
# with no sentence of its own. A label that introduces content (主要目标是：, 具体如下：) is no field.
# 责任单位：…, 附件3：…, and the one-character labels of a bulletin's distribution (报：送：发：抄：)
# (a label may hold a bracketed alternative: 中标（成交）金额：)
_FIELD_LABEL = LazyPattern(r"(?:[\u4e00-\u9fff][\u4e00-\u9fff0-9０-９（）]{1,13}(?<![是为下括有即])|[报送发抄印附])[：:]")
_FIELD = LazyPattern(_FIELD_LABEL.pattern + r"[^。！？!?]*")


_CELL_CLAUSE_MARK = LazyPattern(r"[，：；,:;]")


def _table_rows(text: str, following: str) -> bool:
    """Whether two lines are rows of a table, or of a list, set as text: three cells or more
    (16—59岁 85210 60.6), or two cells each with no clause mark (a 、 may list posts), as a
    list of people gives a name and a post a line (曹远航　中华全国供销合作总社理事会副主任,
    李秀兰　龙潭乡党委委员、副乡长). A sentence cut at a page break leaves no gap of spaces
    in both its halves."""
    first, second = table_row_cells(text), table_row_cells(following)
    if first >= 3 or second >= 3 and first >= 2:
        return True
    return first == second == 2 and not _CELL_CLAUSE_MARK.search(text) and not _CELL_CLAUSE_MARK.search(following)


# A field of a document's header: a short label and a short value, no clause (签发人：郑国安, 类别：A).
_HEADER_FIELD = LazyPattern(r"[\u4e00-\u9fff]{2,6}(?<![是为下括有即])[：:]\s*[^，。；：、,;:!?！？]{1,15}")
_ANY_MARK = LazyPattern(r"[，。；：、！？,;:!?]")
# 本报记者 邵晴川 / 记者 孙一帆 通讯员 李青: a news item's byline under its headline.
# (a bare 记者 takes a space before the name: 记者从市获悉 opens a sentence)
_BYLINE = LazyPattern(r"(?:(?:本报|新华社|本台)(?:特约)?(?:记者|通讯员)[\s\u3000：:]*|(?:记者|通讯员|实习生)[\s\u3000：:]+)"
                     r"[\u4e00-\u9fff]{2,4}(?:[\s\u3000、]+(?:(?:记者|通讯员|实习生)[\s\u3000]*)?[\u4e00-\u9fff]{2,4})*")
# （一九七九年八月十二日） / （2025年1月17日在…会议上）: the date under a title.
_DATE_NOTE = LazyPattern(r"[（(](?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年[^（）()]{1,40}[）)]")
# A label in brackets on a line of its own (【本期要目】), and a group's name with its count
# (白沙区（7个）, 先进个人（30名）) heading the list below it
_BRACKETED_LABEL = LazyPattern(r"【[^【】]{1,20}】|〔[^〔〕]{1,20}〕")
_GROUP_LABEL = LazyPattern(r"[^，。；：、,;:!?！？（()）]{1,24}[（(][0-9０-９]+[个名人项家所户件][）)]")
# A line of names or units set apart by 、 alone: three items or more, none a clause
_ITEMS_LINE = LazyPattern(r"[^，。；：、,;:!?！？]{2,40}(?:、[^，。；：、,;:!?！？]{2,40}){2,}")
# A body paragraph that opens with its period: 1—8月，… / 今年以来，… / 2025年，…
_TIME_LEAD = LazyPattern(r"(?:(?:[0-9]{4}年)?[0-9]{1,2}(?:[—–\-~～至][0-9]{1,2})?月份?|[0-9]{4}年|今年以来|今年|去年|"
                        r"[上下]半年|前三季度|[一二三四]季度)，")
# A label that counts its group (（9人）：, （2个）：), and a short list of names after it.
_COUNTED_LABEL = LazyPattern(r"[（(][0-9０-９一二两三四五六七八九十]{1,3}[个人家名项所][）)][：:]\Z")
_FEW_ITEMS = LazyPattern(r"[^，。；：、,;:!?！？]{2,40}(?:、[^，。；：、,;:!?！？]{2,40})*")
# A group's label before its list on one line: 柏川城建集团有限公司（9人）：, 青柳街道（8个）：
_ITEMS_LABEL = LazyPattern(r"[^，。；：、,;:!?！？]{1,30}[：:]")


def _items_line(text: str) -> bool:
    """A line of names or units set apart by 、, with its group's label before a colon or not;
    under a label that counts them (一般等次（2个）：长坪镇、高桥镇), two or one will do."""
    label = _ITEMS_LABEL.match(text)
    rest = text[label.end() :] if label else text
    if label and _COUNTED_LABEL.search(label.group()):
        return _FEW_ITEMS.fullmatch(rest) is not None
    return _ITEMS_LINE.fullmatch(rest) is not None


# An addressee on a line of its own: 黄明远委员：, 各区县人民政府：, 国务院：
_SALUTATION = LazyPattern(r"[^，。；：、,;:!?！？\s]{2,24}(?<![是为下括有即如])[：:]")


def _is_field(text: str) -> bool:
    return _FIELD.fullmatch(text.strip()) is not None


def _is_caption(paragraph: Paragraph) -> bool:
    """表3　2023年客（货）运量 whose table was lost, or a photo's caption with its credit (图为…。记者 沈若溪摄)."""
    text = paragraph.text.strip()
    return (bool(_CAPTION.match(text)) and len(text) <= _SHORT_LINE and not _SENTENCE_MARK.search(text)
            or photo_credit(text) is not None)


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
    span becomes in a capture (…贯彻 / 人口与计划生育法 / 的各项规定…): a name or a
    phrase, without the commas of a clause."""
    text = _open_text(paragraph.text)
    return (paragraph.kind == "text" and 0 < len(text) <= _SPAN_LINE and not _CLAUSE_MARK.search(text)
            and not _CLOSED_END.search(text))


def _follow_cut_spans(paragraphs: list[Paragraph], verdicts: list[str | None], starts_anew: set[int]) -> None:
    """A sentence cut around a span set on its own line is cut twice: report both breaks.

    The span continues a cut sentence and does not end it, so the next body
    paragraph continues it too (unless the span itself closed what was open:
    》的说明 ends a title); and a span that a cut continues was itself the
    continuation of the unfinished paragraph above it.
    """
    broken = (CUT, UNCLOSED)
    found = list(verdicts)  # one step from a break the text itself shows, never a chain of them
    for position in range(len(found) - 1):  # forward: A | span | C
        span, following = paragraphs[position + 1], paragraphs[position + 2]
        if (found[position] in broken and found[position + 1] not in broken and _is_span_line(span)
                and not _CONTINUATION_START.match(span.text)
                and following.kind == "text" and following.numbering is None
                and following.index not in starts_anew and table_row_cells(following.text) < 3):
            verdicts[position + 1] = CUT
    for position in range(len(found) - 1, 0, -1):  # backward: A | span | ，C
        above, span, following = paragraphs[position - 1], paragraphs[position], paragraphs[position + 1]
        if (found[position] == CUT and _CONTINUATION_START.match(following.text)
                and found[position - 1] not in broken and _is_span_line(span)
                and above.kind == "text" and span.index not in starts_anew and _unfinished(above)):
            verdicts[position - 1] = CUT


def _unfinished(paragraph: Paragraph) -> bool:
    text = _open_text(paragraph.text)
    return bool(text) and not _CLOSED_END.search(text) and not _is_sub_heading(text)


def _last_clause_start(text: str) -> int:
    """Where the paragraph's last clause starts (《关于进一步做好就业工作的通知》 whole),
    or its last 12 characters when that clause is long."""
    mark = max(text.rfind(c) for c in "，。；：、！？,;:!?")
    return mark + 1 if len(text) - mark - 1 <= _SHOWN_CLAUSE else len(text) - 12


def _violation(doc: Document, first: Paragraph, second: Paragraph, verdict: str) -> Violation:
    text = _open_text(first.text)
    tail = _CLAUSE_TAIL.search(text)
    tail_start = tail.start() if tail else _last_clause_start(text)
    head = second.text[:12]
    span = first.span(tail_start, len(text))
    next_span = second.span(0, len(head))
    if verdict == UNCLOSED:
        # Nothing shows whether the sentence goes on: say both readings, and join nothing.
        message = (
            f"段落在“{text[tail_start:]}”处没有句末标点就结束了，下一段从“{head}…”另起："
            "疑为漏了句末标点，或分页、复制粘贴把一段拆成了两段"
        )
        return Violation(span, message, related=(Related(next_span, "下一段从这里开始"),))
    message = (
        f"段落在“{text[tail_start:]}”处中断，下一段“{head}…”接续同一句："
        "疑为分页或复制粘贴把一段拆成了两段"
    )
    gap = Span(first.source_map.end(len(first.text.rstrip())), second.source_map.start(0))
    fix = None
    if doc.text(gap).strip() == "":  # only blank lines between: join (never delete a marker here)
        fix = Fix((Edit(gap, ""),), "unsafe", "合并为一段")
    return Violation(span, message, related=(Related(next_span, "接续的下一段从这里开始"),), fix=fix)
