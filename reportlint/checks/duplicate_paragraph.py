"""RL202 duplicate-paragraph: one paragraph pasted twice, perhaps edited a little."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..analysis.copy_index import Duplicate, duplicate_paragraphs
from ..model import Edit, Fix, Related, Violation, rule
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern
from ..text.structure import field_share

# A lead sentence this short names a paragraph well (把绿美环境护得更优。).
_MAX_LEAD = 16
_LEAD = LazyPattern(f"[^。！？；]{{1,{_MAX_LEAD - 1}}}[。！？；]")
_OPENING = 12


@dataclass(frozen=True)
class Options:
    """The options of duplicate-paragraph (RL202)."""

    #: the share of the shorter paragraph's text the other one must repeat
    threshold: float = field(default=0.8, metadata={"min": 0.5, "max": 1.0})
    #: paragraphs shorter than this (characters, without whitespace) are left alone
    min_length: int = field(default=30, metadata={"min": 12})


@rule(code="RL202", name="duplicate-paragraph", severity="warning", summary="段落重复",
      rationale="从几处来源拼成的文稿，最常见的疏漏就是同一段粘贴两次；读者一眼就能看出，改过的副本还常说明其中一版已经过时。",
      options=Options, fixable="sometimes", fix_kinds=("unsafe",), supersedes=("duplicate-sentence",),
      reads=("copy-index",))
def duplicate_paragraph(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a paragraph that repeats an earlier one: the same text again
    (ignoring whitespace and the width of punctuation, ，/, ；/; …), or nearly
    the same, as when a paragraph was pasted twice and only its lead sentence
    was rewritten (“把绿美环境护得更优。” / “把生态屏障筑得更牢。” over the same
    body), a sentence was dropped, or a few characters were changed. It also
    finds a paragraph that holds the whole of another one, when that is at
    least half of it.

    Two paragraphs are duplicates when the text they share, counted in
    stretches of 12 characters or more, makes up at least `threshold` of the
    shorter one and at least half of the longer one. Shared phrasing does not
    count: parallel paragraphs (各位代表…, 坚持…坚持…, 深入实施…行动) and the
    formulas every report repeats share stretches far too short or too few.
    A short paragraph that is mostly one sentence of a much longer paragraph
    holds a copied sentence, not a copied paragraph: duplicate-sentence
    reports that. Titles, headings, metadata, list items, table cells (rows
    repeat by design) and short lines are left alone.

    It deliberately does not report
    - parallel provisions that say the same of different subjects, as
      regulations and policy documents write them: “中国人民银行会同国家发展改革委…
      统筹指导各地区开展虚拟货币相关…工作。” and “中国证监会会同国家发展改革委…统筹
      指导各地区开展现实世界资产代币化相关…工作。” (the words before the shared
      predicate differ; a new lead sentence over the same body is still a copy);
    - what one document of a file quotes or sums up from another: a reply that
      carries a ministry's report (附件1 …调研情况的报告) and the experts' opinion
      (附件2 …调查意见), whose findings the report restates; two regulations
      issued together; a news report and the communiqué it carries. A part of
      the file starts at the title of such a document (a short line naming a
      kind of document, set out as a title: …的规定, …公报, 关于…的决议, a title on
      two lines, a title followed by its addressee 国务院：). A paragraph repeated
      whole is reported wherever it stands (a web capture that ends with the
      report's title and 各位代表：现在，我代表省人民政府，向大会报告工作… again);
    - a heading repeated from a table of contents, or a sub-headline: a short
      paragraph that ends without a mark;
    - the lines of a form to fill in, whose labels and blanks repeat under each
      party (身份证号码：______ under 甲方 and under 乙方);
    - a paragraph that stands three times or more: the formula each entry of a
      list repeats (1.立案责任：… in each power of a 权责清单);
    - two citations of one law that name other articles (《…条例》第十一条、第三十六条 /
      《…条例》第十二条、第三十七条);
    - two entries of one register, which share their fields (开庭时间：9:30；地点：
      第二法庭；审判长：郭振宇；书记员：孙雅琪。) and differ in their case or name; an
      exact copy is still reported;
    - the fields a plan sets under each of its items (牵头单位：市住房城乡建设局；
      责任单位：各县（市、区）人民政府。), when one unit leads several items;
    - a note (注：人口概况数据中，出生人口性别比根据住院分娩活产数据计算…) that a
      bulletin repeats among its closing notes;
    - one formula filled in with other figures, as grades and tiers are defined
      (（2）大型地质灾害。灾情：因灾死亡和失踪10人以上、30人以下… / （3）中型地质灾害。
      灾情：因灾死亡和失踪3人以上、10人以下…): most figures of the one (three at
      least) are not in the other. A copy keeps its figures; one with a figure or
      two changed is still reported.

    The later paragraph is reported, with the earlier one as related place;
    an exact copy comes with an (unsafe) fix that deletes it.

    ## Why it matters
    A paragraph pasted twice is the commonest slip of a draft assembled from
    several sources; readers notice it at once, and an edited copy often means
    that one of the two versions is out of date.

    ## Example
    Bad:
        把绿美环境护得更优。推动签署赤水河流域第三轮横向生态保护补偿机制协议，实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。确保51个地表水断面、20个县级以上集中式饮用水水源地水质达标率保持100%。

        把生态屏障筑得更牢。抓牢大气污染防治，实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。确保51个地表水断面、20个县级以上集中式饮用水水源地水质达标率保持100%。
    Good:
        把绿美环境护得更优。推动签署赤水河流域第三轮横向生态保护补偿机制协议，实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。确保51个地表水断面、20个县级以上集中式饮用水水源地水质达标率保持100%。

        把生态屏障筑得更牢。积极推进国家储备林项目建设，大力发展林下经济，挖掘培育森林“四库”功能。深入推进“碳汇”行动，稳步推进碳汇交易，促进碳价值转化。

    ## Options
    - `threshold` (0.8): the share of the shorter paragraph's text, in stretches
      of 12 characters or more, that the other one must repeat (from 0.5 to 1).
    - `min-length` (30): paragraphs shorter than this, in characters without
      whitespace, are never reported nor compared (at least 12).
    """
    # The copies of one paragraph share their message and related place: a report
    # pasted into itself has tens of thousands of them.
    shared: dict = {}
    duplicates = duplicate_paragraphs(doc, opts.threshold, opts.min_length)
    formulas = _formulas(duplicates)
    for later, duplicate in sorted(duplicates.items()):
        if later in formulas:
            continue  # the same paragraph in three places or more: a formula of the document's entries
        first, second = doc.paragraphs[duplicate.earlier], doc.paragraphs[later]
        if _one_formula_other_values(first.text, second.text) or (_is_fields(first.text) and _is_fields(second.text)):
            continue
        if _blank_form(first.text) or _blank_form(second.text):
            continue  # 身份证号码：______ under 甲方 and again under 乙方: a form's fields to fill in
        if duplicate.similarity < 1 and _register_entry(first.text) and _register_entry(second.text):
            continue  # 17.（2025）澜0102刑初437号，…一案。开庭时间：9:30；地点：第二法庭；…: two entries of one form
        yield _violation(doc, first, second, duplicate, shared)


# 牵头单位：市住房城乡建设局；责任单位：各县（市、区）人民政府。: two fields or more of a form,
# which each item of a plan carries under it; one unit may lead several items.
def _is_fields(text: str) -> bool:
    """Nothing but two labelled fields or more (structure.field_share)."""
    count, share = field_share(text)
    return count >= 2 and share >= _ALL_FIELDS


_ALL_FIELDS = 0.95  # of the paragraph's characters: a closing mark or a space may stand outside


# A blank to fill in: a run of underscores, boxes or wide spaces.
_BLANK = LazyPattern(r"_{3,}|＿{2,}|□|[\u3000 ]{3,}")
_FORM_WORDS = 24  # characters a form line has besides its blanks, at most


def _blank_form(text: str) -> bool:
    """A line of a form to fill in (身份证号码：______, 工作单位及职务：____　联系电话：____): its
    labels repeat under each party or entry by design, and its blanks look alike."""
    return _BLANK.search(text) is not None and len(_BLANK.sub("", text).strip()) <= _FORM_WORDS


_ENTRY_FIELDS = 3  # labelled fields at least
_ENTRY_SHARE = 0.4  # of its characters: the case and its parties take the rest


def _register_entry(text: str) -> bool:
    """An entry of a register whose fields fill most of it (a court's hearing: its case, then
    开庭时间：…；地点：…；审判长：…；书记员：…。): entries share their fields by form, and what
    sets them apart, the case number and the parties, is short."""
    count, share = field_share(text)
    return count >= _ENTRY_FIELDS and share >= _ENTRY_SHARE


_FORMULA_COPIES = 3  # paragraphs that share one text: a paste is made once, a formula again and again


def _formulas(duplicates: dict) -> set[int]:
    """The paragraphs of texts that stand three times or more (1.立案责任：… in each entry of a
    权责清单): the copies chained to one first paragraph, counted together."""
    root = {later: duplicate.earlier for later, duplicate in duplicates.items()}

    def first_of(index: int) -> int:
        while index in root:
            index = root[index]
        return index

    groups: dict[int, list[int]] = {}
    for later in duplicates:
        groups.setdefault(first_of(later), []).append(later)
    return {later for copies in groups.values() if len(copies) + 1 >= _FORMULA_COPIES for later in copies}


# A figure and the bound after its unit (10人以下, 135米): grades share their figures, one
# grade's upper bound being the next one's lower bound, but not the figures with their bounds.
_FIGURE = LazyPattern(r"(\d+(?:[.,]\d+)*)[^\d\s，。；、,;：:（）()]{0,4}")
_BOUNDS = ("以上", "以下", "以内")


def _one_formula_other_values(first: str, second: str) -> bool:
    """（2）大型地质灾害。…10人以上、30人以下… / （3）中型地质灾害。…3人以上、10人以下…: one
    formula filled in with other figures, as grades, tiers and categories are defined. A copy
    keeps its figures (an edited one changes one or two), so most of them missing from the other
    paragraph, each with its bound, means the wording was repeated on purpose to say
    something else."""
    figures = sorted((_bounded_figures(first), _bounded_figures(second)), key=lambda c: c.total())
    if figures[0].total() < _FORMULA_FIGURES:
        return False
    kept = (figures[0] & figures[1]).total()
    return kept * 2 < figures[0].total()


_FORMULA_FIGURES = 3  # fewer figures say too little of how a paragraph was made


# 第十一条, 第三十六条: the article a citation names, which two citations of one law change
_ARTICLE_REFERENCE = LazyPattern(r"第[一二三四五六七八九十百零〇0-9０-９]+条")


def _bounded_figures(text: str) -> Counter:
    """Each figure of *text* with its bound (10人以下 → ("10", "以下")); a unit may be respelled
    (135米, 135m) in a copy, so it is left out."""
    figures = Counter((m.group(1), next((b for b in _BOUNDS if b in m.group(0)), "")) for m in _FIGURE.finditer(text))
    figures.update((m.group(), "") for m in _ARTICLE_REFERENCE.finditer(text))
    return figures


def _violation(doc: Document, first: Paragraph, second: Paragraph, duplicate: Duplicate, shared: dict) -> Violation:
    opening = opening_words(first.text)
    percent = int(duplicate.similarity * 100)
    if duplicate.exact:
        what, place = f"本段与前文段落“{opening}”完全相同（100%，不计空白和标点全半角）", "前文的相同段落"
    elif percent == 100:
        what = (f"本段文字已全部出现在前文段落“{opening}”中（100%）" if len(second.text) < len(first.text)
                else f"本段重复了前文段落“{opening}”的全部文字（100%）")
        place = "前文的相似段落"
    else:
        what, place = f"本段与前文段落“{opening}”雷同，相同文字占较短一段的{percent}%", "前文的相似段落"
    message = f"{what}：疑为重复粘贴的段落"
    message = shared.setdefault(message, message)
    if (first.index, place) not in shared:
        shared[first.index, place] = (Related(_whole(first), place),)
    span = _whole(second)
    fix = _deletion(doc, second.kind, span) if duplicate.exact else None
    return Violation(span, message, related=shared[first.index, place], fix=fix)


def opening_words(text: str) -> str:
    """How a message names a paragraph: its short lead sentence, or its first words."""
    head = text[: 3 * _MAX_LEAD].strip()
    lead = _LEAD.match(head)
    if lead:
        return lead.group()
    return head[:_OPENING] + "…" if len(head) > _OPENING else head


def _whole(paragraph: Paragraph) -> Span:
    text = paragraph.text
    return paragraph.span(len(text) - len(text.lstrip()), len(text.rstrip()))


def _deletion(doc: Document, kind: str, span: Span) -> Fix | None:
    """Delete the paragraph's lines and the blank lines after them, when nothing
    but markup shares those lines (a list item or table cell is left to the editor)."""
    if kind != "text":
        return None
    source = doc.source
    start = source.rfind("\n", 0, span.start) + 1
    end = source.find("\n", span.end)
    end = len(source) if end < 0 else end + 1
    if (source[start : span.start] + source[span.end : end]).strip(" \t\r\n*_#>\u3000"):
        return None
    while end < len(source):  # and the blank lines that separated it from the next one
        next_end = source.find("\n", end)
        next_end = len(source) if next_end < 0 else next_end + 1
        if source[end:next_end].strip():
            break
        end = next_end
    if end == len(source) and start > 0:
        # The last paragraph: delete the line break before it instead, so the file keeps its end.
        line_end = source.find("\n", span.end)
        end = len(source) if line_end < 0 else line_end - source[:line_end].endswith("\r")
        start = len(source[:start].rstrip("\r\n"))
    return Fix((Edit(Span(start, end), ""),), "unsafe", "删除重复的段落")
