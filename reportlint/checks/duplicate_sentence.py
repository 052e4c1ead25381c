"""RL203 duplicate-sentence: a sentence pasted into a second paragraph."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..analysis.copy_index import (
    Copy,
    between_articles,
    copies,
    duplicate_paragraphs,
    earlier_range,
    filled_formula,
    in_brackets,
    in_dialogue,
    in_overview,
    in_quoted_wording,
    in_review,
    is_enumeration,
    is_field,
    is_prose,
    is_title_line,
    mirrored,
    normalise,
    recurring,
    restated_task,
    same_part,
    sentence_so_far,
)
from ..analysis.indicators import period_words
from ..engine import superseded_by
from ..model import Related, Violation, rule
from ..text.document import Document, Sentence
from ..text.lazy_regex import LazyPattern
from .duplicate_paragraph import Options as ParagraphOptions
from .duplicate_paragraph import opening_words

_HAN = LazyPattern(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# What may end a sentence in one place and be a clause mark in the other (。 / ，).
_TRAILING_MARKS = "。！？；…!?;，,”’」』）)》"
_QUOTED = 20


@dataclass(frozen=True)
class Options:
    """The options of duplicate-sentence (RL203)."""

    #: a sentence with fewer Chinese characters than this is a formula (各位代表！), not a copy
    min_chars: int = field(default=12, metadata={"min": 6})


@rule(code="RL203", name="duplicate-sentence", severity="warning", summary="句子重复",
      rationale="剪切粘贴后留在两处的句子把同一件事说了两遍，而且常常出现在不该出现的段落里。",
      options=Options,
      reads=("copy-index", "misplaced-copies", "topics"))
def duplicate_sentence(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a sentence of at least `min-chars` Chinese characters that stands
    word for word (ignoring whitespace and the width of punctuation) in an
    earlier paragraph too, as when a sentence was copied into a second
    paragraph and left in the first. The later copy is reported, with the
    earlier one as related place; consecutive copied sentences are one finding.

    It stays silent on
    - short formulas (各位代表！ 请予审议。), below `min-chars`, and the addressees a
      report names again before its close (主任、各位副主任、秘书长、各位委员：);
    - wording quoted after a colon, whose formulas recur by design: an amending
      decision's new provisions (将第十七条修改为：“……；构成犯罪的，依法追究刑事责任。”);
    - the formulas reports repeat inside longer sentences (坚持以习近平新时代中国
      特色社会主义思想为指导，…): only a whole sentence of the later paragraph counts;
    - a sentence repeated inside one paragraph (人民城市人民建，人民城市为人民):
      a refrain, not a paste;
    - list items and table cells, whose rows repeat by design;
    - the bracketed note that closes item after item of a policy document
      (（人力资源社会保障部、财政部负责）, （负责部门：人民银行、银保监会、外汇局）)
      or the labelled field that does (责任单位：市发展改革委、市财政局、市商务局。),
      and any short sentence (30 Chinese characters at most) that stands in three
      paragraphs or more, the document's own formula (所需资金由失业保险基金列支。),
      also when the document fills it with other figures in the other paragraphs
      (审计反映该方面问题5个，已完成整改4个，正在整改1个。 opening each section);
    - titles, headings, signatures and entries of a table of contents on lines
      of their own (国家中长期科学和技术发展规划纲要), and a short paragraph that ends
      without a mark: a sub-headline whose sentences the text below it repeats
      (…但是，绝不能说资本主义复辟是不可避免的);
    - what one document of a file quotes from another: two regulations issued
      together (不符合《划拨用地目录》的，应当依法实行有偿使用。), a report and the
      opinion attached to it, a communiqué and the news report that sums it up
      (see duplicate-paragraph);
    - a task named without figures both in the review of past work and among
      the tasks ahead (推动国有企业改革，探索发展混合所有制经济。), when it leads a
      paragraph, the two paragraphs are written on one model (they share other
      text) or their lead sentences name one subject ((五)民族团结进步事业巩固发展。 /
      (六)持续深化民族团结进步。); with figures (削减审批事项62项) it is a result or a target, and reported;
    - two paragraphs that are duplicates as a whole: duplicate-paragraph
      reports those, with the same decision (its default options), when it runs;
    - a copied fragment that is out of place in one of its two paragraphs:
      misplaced-fragment reports it, once, when it runs.

    With duplicate-paragraph or misplaced-fragment not selected, the sentences
    of a pasted paragraph and a misplaced copy are reported here.

    ## Why it matters
    A sentence left in two places after cutting and pasting says the same
    thing twice, and often in a paragraph where it does not belong.

    ## Example
    Bad:
        持续推进市场化改革。推动国家改革举措落地见效。高质量完成国企改革深化提升行动。宣传贯彻民营经济促进法。深化零基预算改革，强化重大战略和基本民生保障。加大培育力度，推动企业高质量上市。

        持续扩大高水平开放。推动稳外贸稳外资。深化零基预算改革，强化重大战略和基本民生保障。实施冀货出海拓市场等行动，培育跨境电商、海外仓等新业态，拓宽中间品出口渠道。
    Good:
        持续推进市场化改革。推动国家改革举措落地见效。高质量完成国企改革深化提升行动。宣传贯彻民营经济促进法。深化零基预算改革，强化重大战略和基本民生保障。加大培育力度，推动企业高质量上市。

        持续扩大高水平开放。推动稳外贸稳外资。实施冀货出海拓市场等行动，培育跨境电商、海外仓等新业态，拓宽中间品出口渠道。

    ## Options
    - `min-chars` (12): the fewest Chinese characters of a sentence worth
      reporting (at least 6).
    """
    superseding = superseded_by(doc, "duplicate-sentence")
    duplicates: dict = {}
    if superseding is None or "duplicate-paragraph" in superseding:
        paragraph_opts = ParagraphOptions()
        duplicates = duplicate_paragraphs(doc, paragraph_opts.threshold, paragraph_opts.min_length)
    misplaced = _misplaced(doc) if superseding is None or "misplaced-fragment" in superseding else {}
    found = copies(doc, opts.min_chars)
    runs = Counter((copy.earlier, copy.later) for copy in found)
    sentences = _Sentences(doc)
    candidates = []
    for copy in found:
        if copy in misplaced or not (_sentences_in(doc, copy.earlier) and _sentences_in(doc, copy.later)):
            continue
        if not same_part(doc, copy.earlier, copy.later) and not _whole_paragraph(doc, copy):
            continue  # quoted from another document of the file (a regulation, an attached report)
        if duplicates.get(copy.later) is not None and duplicates[copy.later].earlier == copy.earlier:
            continue
        copied = [s for s in sentences.around(copy.later, copy.later_start, copy.later_end)
                  if _within(s, copy, opts.min_chars) and not _is_note(s)]
        text = "".join(s.text for s in copied)
        if copied and _restated_indicator(doc, copy, copied):
            continue  # …达到4.6%左右；… in last year's results and in this year's targets
        if in_overview(doc, copy.earlier) and not in_overview(doc, copy.later):
            continue  # 一、综述 sums up each chapter after it in the chapter's own headline sentence
        if copied and _item_of_lists_for_other_periods(doc, copy, copied):
            continue  # …；人口自然增长率控制在6‰以内。 among the goals to 2012 and this year's targets
        if copied and _whole_sentences(doc, copy, copied[0], copied[-1], sentences) and not _restated(doc, copy, copied, runs) \
                and not between_articles(doc, copy.earlier, copy.later, text) \
                and not in_dialogue(doc, copy.earlier, copy.later):
            candidates.append((copy, copied, text))
    # A short sentence that stands in three paragraphs or more is a formula of the document.
    formulas = recurring((text, copy.earlier, copy.later) for copy, _, text in candidates)
    for copy, copied, text in candidates:
        # 3.甘立新，… 4.邵俊杰，…: two items of one list that follow each other end alike, as the genre
        # words a penalty (judged after the formulas, which count every place a sentence stands)
        if normalise(text).text not in formulas and not _sibling_items(doc, copy.earlier, copy.later) \
                and not filled_formula(doc, text):
            yield _violation(doc, copy, copied)


def _sentences_in(doc: Document, index: int) -> bool:
    """Whether a paragraph is running text with sentences: not a list item, a table
    cell, a note, nor a line without a full stop (a title on a line of its own, a
    heading, a signature, an entry of a table of contents)."""
    return is_prose(doc, index) and not is_title_line(doc.paragraphs[index].text)


def _whole_paragraph(doc: Document, copy: Copy) -> bool:
    """Whether the copy is the whole of one of its paragraphs: a paragraph repeated whole
    is a repeat even in another part of the file (a capture that repeats its opening)."""
    return any(not text[:start].strip(_TRAILING_MARKS + " \u3000") and not text[end:].strip(_TRAILING_MARKS + " \u3000")
               for text, start, end in ((doc.paragraphs[copy.earlier].text, copy.earlier_start, copy.earlier_end),
                                        (doc.paragraphs[copy.later].text, copy.later_start, copy.later_end)))


def _is_note(sentence: Sentence) -> bool:
    """（农业农村部、工业和信息化部等负责）, （负责部门：人民银行、银保监会、外汇局）,
    责任单位：市发展改革委、市财政局。: a bracketed note or a labelled field after the
    full stop, which policy documents and plans put after item after item, is the
    document's convention, not a sentence pasted twice."""
    return (in_brackets(sentence.paragraph.text, *_bounds(sentence)) or is_field(sentence.text)
            or is_enumeration(sentence.text) or in_quoted_wording(sentence.paragraph.text, *_bounds(sentence)))


def _restated(doc: Document, copy: Copy, sentences: list[Sentence], runs: Counter) -> bool:
    """A task named both in the review and among the tasks, on purpose (``restated_task``)."""
    start, end = _bounds(sentences[0])[0], _bounds(sentences[-1])[1]
    earlier_start, earlier_end = earlier_range(doc, copy, start, min(end, copy.later_end))
    places = [(copy.earlier, earlier_start, earlier_end), (copy.later, start, end)]
    text = doc.paragraphs[copy.later].text[start:end]
    return restated_task(doc, places, text, mirrored(runs[copy.earlier, copy.later]), one_subject=True)


def _misplaced(doc: Document) -> dict[Copy, str]:
    """The copies misplaced-fragment reports (the topic model is paid for only here)."""
    from ..analysis.misplacement import misplaced_copies  # noqa: PLC0415

    return misplaced_copies(doc)


class _Sentences:
    """The sentences of the paragraphs that hold copies, split once per run: a long
    paragraph can hold hundreds of copies, each asking for the sentences it covers."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._split: dict[int, tuple[list[Sentence], list[int]]] = {}

    def around(self, index: int, start: int, end: int) -> list[Sentence]:
        """The sentences of paragraph *index* that overlap text[start:end] or touch it."""
        if index not in self._split:
            found = self._doc.paragraphs[index].sentences
            self._split[index] = (found, [sentence.start for sentence in found])
        found, starts = self._split[index]
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        return found[first:bisect.bisect_right(starts, end)]


def _bounds(sentence: Sentence) -> tuple[int, int]:
    """The sentence's offsets in its paragraph without surrounding whitespace."""
    text = sentence.text
    return sentence.start + len(text) - len(text.lstrip()), sentence.end - (len(text) - len(text.rstrip()))


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING_MARKS:
        end -= 1
    return end


def _whole_sentences(doc: Document, copy: Copy, first: Sentence, last: Sentence, sentences: _Sentences) -> bool:
    """Whether the copied sentences are whole sentences in the earlier paragraph too: the
    same words as a clause there (…，高标准高质量建设雄安新区，…) are a lead that names a
    task the earlier paragraph lists, not a paste."""
    start, end = _bounds(first)[0], _bounds(last)[1]
    text = doc.paragraphs[copy.later].text
    earlier = doc.paragraphs[copy.earlier]
    earlier_start, earlier_end = earlier_range(doc, copy, start, min(_trimmed_end(text, start, end), copy.later_end))
    bounds = [_bounds(s) for s in sentences.around(copy.earlier, earlier_start, earlier_end)]
    return (any(s == earlier_start for s, _ in bounds)
            and any(_trimmed_end(earlier.text, s, e) == earlier_end for s, e in bounds))


def _restated_indicator(doc: Document, copy: Copy, sentences: list[Sentence]) -> bool:
    """An indicator, with its figure, as an item of a list (ended by ；) both among the results of
    the review and among the targets that follow: a level reached and to be held is named in the
    same words (研发经费支出相当于地区生产总值的比例达到4.6%左右；). A sentence pasted twice ends with
    its full stop, or stays within one chapter."""
    review = in_review(doc)
    return (review[copy.earlier] != review[copy.later]
            and all(sentence.text.rstrip().endswith(("；", ";")) for sentence in sentences)
            and any(char.isdigit() for sentence in sentences for char in sentence.text))


def _sibling_items(doc: Document, earlier: int, later: int) -> bool:
    """Two items of one numbered list that follow each other (3.…, 4.…): what they say alike in
    the same place is the list's wording. (A sentence pasted two items further on is reported.)"""
    first, second = doc.paragraphs[earlier].numbering, doc.paragraphs[later].numbering
    return (first is not None and second is not None and first[0] == second[0] and second[1] == first[1] + 1
            and not any(p.text.strip() for p in doc.paragraphs[earlier + 1 : later]))


def _item_of_lists_for_other_periods(doc: Document, copy: Copy, sentences: list[Sentence]) -> bool:
    """An item of two lists (items set apart by ；) that speak of different periods: the goals to
    2012 and this year's targets both hold 人口自然增长率控制在6‰以内。 A level to be held in each
    period is named in the same words; the lists around it differ."""
    start, end = _bounds(sentences[0])[0], _bounds(sentences[-1])[1]
    earlier_start, _ = earlier_range(doc, copy, start, min(end, copy.later_end))
    periods = []
    for index, at in ((copy.earlier, earlier_start), (copy.later, start)):
        items_before = sentence_so_far(doc.paragraphs[index].text, at)
        if not items_before.rstrip().endswith(("；", ";")):
            return False  # not an item after another item of a list
        periods.append(period_words(items_before))
    return all(periods) and periods[0] != periods[1]


def _within(sentence: Sentence, copy: Copy, min_chars: int) -> bool:
    """Whether the whole sentence lies in the copy, but for its closing marks, which may
    differ (a sentence of the later paragraph can be a clause of the earlier one)."""
    start, end = _bounds(sentence)
    text = sentence.paragraph.text
    if end > copy.later_end:
        end = _trimmed_end(text, start, end)
    return (copy.later_start <= start and end <= copy.later_end
            and len(_HAN.findall(text[start:end])) >= min_chars)


def _violation(doc: Document, copy: Copy, sentences: list[Sentence]) -> Violation:
    first, last = sentences[0], sentences[-1]
    paragraph = doc.paragraphs[copy.later]
    start, end = _bounds(first)[0], _bounds(last)[1]
    copied = paragraph.text[start:end]
    quoted = copied if len(copied) <= _QUOTED else copied[:_QUOTED] + "…"
    earlier = doc.paragraphs[copy.earlier]
    earlier_start, earlier_end = earlier_range(doc, copy, start, min(end, copy.later_end))
    what = f"“{quoted}”" if len(sentences) == 1 else f"连续{len(sentences)}句“{quoted}”"
    message = f"{what}已见于前文段落“{opening_words(earlier.text)}”：疑为复制粘贴时重复的句子"
    place = "前文的同一句" if len(sentences) == 1 else "前文的相同几句"
    related = Related(earlier.span(earlier_start, earlier_end), place)
    return Violation(paragraph.span(start, end), message, related=(related,))
