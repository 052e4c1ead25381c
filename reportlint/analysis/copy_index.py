"""Text that occurs in two different paragraphs: the copy index the repetition rules share.

Paragraphs are compared *normalised*: without whitespace, and with ASCII
punctuation read as its full-width form (，/, ；/; ：/: （/( ）/) ！/! ？/?), so
a copy pasted from a web page with half-width commas still matches.

Finding the copies never compares pairs of paragraphs. The paragraphs are read
in order; every ``stride``-th character shingle (k-gram) of each one goes into a
hash index, and every shingle of the next paragraphs is looked up in it. A run
of ``min_chars`` characters shared with an earlier paragraph always contains one
of that paragraph's indexed shingles (k + stride - 1 = min_chars), so each hit
is extended by plain string comparison to the maximal run on its diagonal.

A shingle's posting list keeps only its first ``MAX_POSTINGS`` places: the
formulas every report repeats (坚持以人民为中心的发展思想) and a document pasted
into itself many times stay linear. Each stretch of a later paragraph is
reported once, against the first earlier paragraph that holds it (the longest
run wins; a run inside a reported one adds nothing), so a candidate that cannot
pass the longest run found at the same place is not even extended.

A file can hold several documents (``document_parts``: a notice and the reports
attached to it, two regulations issued together, a communiqué and the news report
that sums it up): what one of them shares with another is quoted or summarised,
and the rules judge copies within a part, but for a paragraph repeated whole. A
short line that ends without a mark (``is_title_line``: a title, a heading, a
sub-headline that quotes the text below it) is never looked up nor indexed: only
an exact copy of it is found.

``duplicate_paragraphs`` decides which pairs of paragraphs are one paragraph
pasted twice, for duplicate-paragraph to report and duplicate-sentence to leave
alone: it adds up each pair's runs, and asks difflib only about the pairs whose
runs leave the answer in doubt (and whether they are parallel provisions for
different subjects, ``parallel_subjects``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress

from ..text.document import Document
from ..text.lazy_regex import LazyPattern
from ..text.table_rows import table_row_cells

#: paragraphs whose text can be copied (not titles, headings, metadata, leftovers)
BODY_KINDS = ("text", "list-item", "table-cell", "quote")
#: places kept per shingle; a shingle seen more often is a formula
MAX_POSTINGS = 8
_MAX_SHINGLE = 8
#: a matching block shorter than this is shared phrasing (3+4 / 3+2 中本/高本 贯通), not copied text
MIN_BLOCK = 12
#: paragraphs that can be duplicates; list items and table cells repeat by design (templated rows)
PROSE_KINDS = ("text", "quote")
#: duplicates share at least this much of the longer paragraph too: a short paragraph made
#: mostly of one sentence of a long one holds a copied sentence, not a copied paragraph
MIN_SHARE_OF_LONGER = 0.5
_HALF_WIDTH = tuple(zip(",;:()!?", "，；：（）！？"))
_NOTE = LazyPattern(r"注[0-9０-９①-⑳]*\s*[：:]")
_SPACE = LazyPattern(r"\s")
_HAN = LazyPattern(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_DIGIT = LazyPattern(r"[0-9０-９]")


@dataclass(frozen=True)
class Copy:
    """The same stretch of text in two different paragraphs, compared modulo whitespace
    and punctuation width (，/, ；/; ：/: （/( ！/! ？/?)."""

    earlier: int  # index into doc.paragraphs
    earlier_start: int  # offsets into doc.paragraphs[earlier].text
    earlier_end: int
    later: int
    later_start: int
    later_end: int
    length: int  # characters shared, after normalisation


@dataclass(frozen=True)
class NormalText:
    """A paragraph's text normalised for comparison, and the way back to its offsets."""

    text: str
    #: offsets[n]: the offset in the original text of normalised character n (None: the same)
    offsets: tuple[int, ...] | None = None

    def start(self, n: int) -> int:
        """Original offset of normalised offset *n*, as the start of a range."""
        if self.offsets is None:
            return n
        return self.offsets[n] if n < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)

    def end(self, n: int) -> int:
        """Original offset just after normalised character ``n - 1``, as the end of a range."""
        if self.offsets is None or n == 0:
            return n if self.offsets is None else self.start(0)
        return self.offsets[n - 1] + 1


    def normal(self, offset: int) -> int:
        """Normalised offset of original offset *offset* (the next kept character)."""
        return offset if self.offsets is None else bisect.bisect_left(self.offsets, offset)


def normalise(text: str) -> NormalText:
    """*text* without whitespace and with half-width punctuation made full-width."""
    if not _SPACE.search(text):
        return NormalText(_full_width(text))
    kept = tuple(i for i, char in enumerate(text) if not char.isspace())
    return NormalText(_full_width("".join(text[i] for i in kept)), kept)


def _full_width(text: str) -> str:
    # str.replace per mark: str.translate looks every character up in a dict, ten times slower
    for half, full in _HALF_WIDTH:
        if half in text:
            text = text.replace(half, full)
    return text


def normal_texts(doc: Document) -> dict[int, NormalText]:
    """The normalised text of every body paragraph, by paragraph index (memoised)."""
    return doc.analysis("copy-index.normal-texts", _normal_texts)


def _normal_texts(doc: Document) -> dict[int, NormalText]:
    return {p.index: normalise(p.text) for p in doc.paragraphs if p.kind in BODY_KINDS}


def copies(doc: Document, min_chars: int = 12) -> list[Copy]:
    """Maximal shared runs of at least min_chars characters between two different
    paragraphs (body text: not headings/titles/artifacts), memoised with doc.analysis."""
    if min_chars < 2:
        raise ValueError(f"min_chars must be at least 2, got {min_chars}")
    return doc.analysis(f"copy-index.copies:{min_chars}", lambda d: _find_copies(d, min_chars))


def _find_copies(doc: Document, min_chars: int) -> list[Copy]:
    k = max(1, min(_MAX_SHINGLE, min_chars - 4))
    stride = min_chars - k + 1
    texts = normal_texts(doc)
    index: dict[str, list[tuple[int, int]]] = {}
    first_with_text: dict[str, int] = {}
    found: list[Copy] = []
    for later, normal in texts.items():
        text = normal.text
        if len(text) < min_chars:
            continue  # too short to hold a run, nor to give one
        same = first_with_text.setdefault(text, later)
        if same != later:
            # A paragraph seen before, whole: the longest run there is, with the first
            # paragraph that holds it; nothing to look up, and nothing new to index.
            found.append(_copy(texts, later, (same, 0, len(text), 0, len(text))))
            continue
        if is_title_line(doc.paragraphs[later].text):
            continue  # a title or a headline quotes the text; it is not text that is copied
        shingles = [text[j : j + k] for j in range(len(text) - k + 1)]
        if index:
            runs = _runs(text, list(map(index.get, shingles)), texts, min_chars)
            found.extend(_copy(texts, later, run) for run in _uncovered(runs))
        for i in range(0, len(shingles), stride):
            postings = index.get(shingles[i])
            if postings is None:
                index[shingles[i]] = [(later, i)]
            elif len(postings) < MAX_POSTINGS:
                postings.append((later, i))
    found.sort(key=lambda c: (c.later, c.later_start, c.earlier, c.earlier_start))
    return found


# (earlier, earlier_start, earlier_end, later_start, later_end), normalised offsets
_Run = tuple[int, int, int, int, int]


def _runs(text: str, hits: list[list[tuple[int, int]] | None], texts: dict[int, NormalText],
          min_chars: int) -> set[_Run]:
    """The maximal runs that the shingle hits of one paragraph lead to."""
    runs: set[_Run] = set()
    reach = 0  # positions before this lie inside the longest run found so far
    for j in compress(range(len(hits)), hits):
        if j < reach:
            continue
        start, end = j, j  # the longest run through j so far
        for earlier, i in hits[j]:  # type: ignore[union-attr]
            other = texts[earlier].text
            if end > start and not _reaches_beyond(other, i, text, j, start, end):
                continue  # inside the run of an earlier paragraph: it adds nothing
            back = _common_suffix(other, i, text, j)
            ahead = _common_prefix(other, i, text, j)
            if back + ahead >= min_chars:
                runs.add((earlier, i - back, i + ahead, j - back, j + ahead))
                reach = max(reach, j + ahead)
            if ahead + back > end - start:
                start, end = j - back, j + ahead
    return runs


def _reaches_beyond(other: str, i: int, text: str, j: int, start: int, end: int) -> bool:
    """Whether the run through other[i] and text[j] may pass text[start:end] at either
    end: one character each side decides it (a run is contiguous)."""
    right, left = i + end - j, i - (j - start) - 1
    return ((end < len(text) and right < len(other) and other[right] == text[end])
            or (start > 0 and left >= 0 and other[left] == text[start - 1]))


def _uncovered(runs: set[_Run]) -> list[_Run]:
    """Longest runs first (the first earlier paragraph on a tie), without those that
    lie inside a kept one's stretch of the later paragraph."""
    kept: list[_Run] = []
    for run in sorted(runs, key=lambda r: (r[3] - r[4], r[0], r[1])):
        if not any(k[3] <= run[3] and run[4] <= k[4] for k in kept):
            kept.append(run)
    return kept


def _copy(texts: dict[int, NormalText], later: int, run: _Run) -> Copy:
    earlier, earlier_start, earlier_end, later_start, later_end = run
    a, b = texts[earlier], texts[later]
    return Copy(earlier, a.start(earlier_start), a.end(earlier_end),
                later, b.start(later_start), b.end(later_end), later_end - later_start)


def _common_prefix(a: str, i: int, b: str, j: int) -> int:
    """Length of the longest common prefix of a[i:] and b[j:] (galloping, then bisecting:
    slices compare in C)."""
    limit = min(len(a) - i, len(b) - j)
    if a[i : i + limit] == b[j : j + limit]:
        return limit  # the rest of a copied paragraph: one comparison
    low, high = 0, 8
    while high < limit and a[i : i + high] == b[j : j + high]:
        low, high = high, high * 2
    high = min(high, limit)
    if a[i : i + high] == b[j : j + high]:
        return high
    while high - low > 1:  # a[i:i+low] matches, a[i:i+high] does not
        middle = (low + high) // 2
        if a[i : i + middle] == b[j : j + middle]:
            low = middle
        else:
            high = middle
    return low


def _common_suffix(a: str, i: int, b: str, j: int) -> int:
    """Length of the longest common suffix of a[:i] and b[:j]."""
    limit = min(i, j)
    if a[i - limit : i] == b[j - limit : j]:
        return limit
    low, high = 0, 8
    while high < limit and a[i - high : i] == b[j - high : j]:
        low, high = high, high * 2
    high = min(high, limit)
    if a[i - high : i] == b[j - high : j]:
        return high
    while high - low > 1:
        middle = (low + high) // 2
        if a[i - middle : i] == b[j - middle : j]:
            low = middle
        else:
            high = middle
    return low


@dataclass(frozen=True)
class Duplicate:
    """Two paragraphs that are one paragraph pasted twice, perhaps edited a little."""

    earlier: int  # indexes into doc.paragraphs
    later: int
    #: the share of the shorter paragraph's text that the other one repeats
    similarity: float
    #: the same text, modulo whitespace and punctuation width
    exact: bool


def duplicate_paragraphs(doc: Document, threshold: float, min_length: int) -> dict[int, Duplicate]:
    """Later paragraph index -> the earlier paragraph it duplicates (the most similar one,
    the first on a tie): the decision that duplicate-paragraph reports and that
    duplicate-sentence leaves to it. Memoised per document and arguments."""
    key = f"copy-index.duplicates:{threshold}:{min_length}"
    return doc.analysis(key, lambda d: _find_duplicates(d, threshold, min_length))


def is_prose(doc: Document, index: int) -> bool:
    """Running text, where a repeat is a slip rather than the pattern of a list or table
    (nor a note such as 注：人口概况数据中…, which a bulletin gives under each table it
    concerns and again among its closing notes, nor a row of a table set as text, such as the
    header 产品名称　单位　产量　比上年增长（%） that each table of a bulletin repeats, nor a
    line with no Chinese at all, such as the blank ＿＿＿＿ a form gives to write on)."""
    paragraph = doc.paragraphs[index]
    return (paragraph.kind in PROSE_KINDS and not _NOTE.match(paragraph.text.lstrip())
            and table_row_cells(paragraph.text) < 3 and _HAN.search(paragraph.text) is not None)


def _in_order(runs: list[Copy]) -> int:
    """The length of the runs of one pair that follow each other in both paragraphs
    (runs come sorted by their place in the later paragraph)."""
    total, reach = 0, -1
    for run in runs:
        if run.earlier_start >= reach:
            total += run.length
            reach = run.earlier_end
    return total


def shared_length(a: str, b: str) -> int:
    """The characters two normalised texts share in blocks of MIN_BLOCK characters or
    more, as difflib aligns them (difflib measures the candidates only)."""
    if a == b:
        return len(a)
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= MIN_BLOCK)


def _find_duplicates(doc: Document, threshold: float, min_length: int) -> dict[int, Duplicate]:
    texts = normal_texts(doc)
    runs: dict[tuple[int, int], list[Copy]] = {}
    for copy in copies(doc):
        if is_prose(doc, copy.earlier) and is_prose(doc, copy.later):
            runs.setdefault((copy.earlier, copy.later), []).append(copy)
    found: dict[int, Duplicate] = {}
    for (earlier, later), pair_runs in sorted(runs.items()):
        if is_title_line(doc.paragraphs[later].text):
            continue  # a heading repeated from a table of contents, a sub-headline
        a, b = texts[earlier].text, texts[later].text
        shorter, longer = sorted((len(a), len(b)))
        if shorter < min_length or shorter < MIN_SHARE_OF_LONGER * longer:
            continue  # too short to be a copy, or too short to hold half the longer one
        matched = len(a) if a == b else _in_order(pair_runs)
        if matched < threshold * shorter or matched < MIN_SHARE_OF_LONGER * longer:
            # Some stretches may have gone to a paragraph further up that holds them
            # too: difflib measures the pairs the index leaves in doubt.
            if matched < threshold * shorter / 2:
                continue
            matched = shared_length(a, b)
        score = matched / shorter
        if not same_part(doc, earlier, later) and (score < 1 or _quotes_paragraph(doc, earlier)
                                                   or _quotes_paragraph(doc, later)):
            continue  # quoted or summarised from another document of the file, not repeated whole
        best = found.get(later)
        if (score >= threshold and matched >= MIN_SHARE_OF_LONGER * longer and (best is None or score > best.similarity)
                and (a == b or not parallel_subjects(a, b))):
            found[later] = Duplicate(earlier, later, score, a == b)
    return found


# 第十二条 / （三） / 3. before a subject: the article's or item's number, not the subject
_ITEM_NUMBER = LazyPattern(r"^(?:第[一二三四五六七八九十百零〇0-9０-９]+条|[（(][一二三四五六七八九十0-9０-９]+[）)]|"
                          r"[一二三四五六七八九十]+[、．.]|[0-9０-９]+[、．.])")
_CLAUSE_END = "。！？；，：、"
_SENTENCE_END = "。！？；"
#: two subjects this alike are one subject written twice (a character changed), not two
_SAME_SUBJECT = 0.5


def parallel_subjects(a: str, b: str) -> bool:
    """Whether two normalised paragraphs say the same of different subjects, as
    regulations and policy documents write parallel provisions: “中国人民银行会同…
    统筹指导…虚拟货币…” and “中国证监会会同…统筹指导…现实世界资产代币化…”. The text
    before the first stretch they share is the subject of the same predicate when it
    runs on into that stretch without a clause break, and the two subjects are
    different words. A new lead sentence over the same body (把绿美环境护得更优。/
    把生态屏障筑得更牢。) or a clause rewritten before a comma is not a new subject."""
    blocks = [m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size >= MIN_BLOCK]
    if not blocks:
        return False
    first = blocks[0]
    shared = a[first.a : first.a + first.size]
    if shared[0] in _CLAUSE_END:
        return False
    subjects = [_subject(head) for head in (a[: first.a], b[: first.b])]
    if not all(subjects):
        return False
    # The predicate they share is most of the sentence: two lead sentences that end
    # alike (…要迈出较大步伐。/ 改革开放迈出了新的步伐。) are two sentences.
    predicate = next((i for i, char in enumerate(shared) if char in _SENTENCE_END), len(shared))
    if predicate < 2 * max(map(len, subjects)):
        return False
    return SequenceMatcher(None, *subjects, autojunk=False).ratio() < _SAME_SUBJECT


def _subject(head: str) -> str:
    """The words before a shared predicate: the end of *head* after its last clause
    break, without an article or item number; empty when *head* ends at a break."""
    if not head or head[-1] in _CLAUSE_END:
        return ""
    start = max(head.rfind(mark) for mark in _CLAUSE_END) + 1
    subject = _ITEM_NUMBER.sub("", head[start:])
    return subject if len(_HAN.findall(subject)) >= 2 else ""


def earlier_range(doc: Document, copy: Copy, start: int, end: int) -> tuple[int, int]:
    """The offsets in the earlier paragraph of the stretch [start, end) of the later
    one, a part of *copy*: the two sides align character by character once normalised."""
    texts = normal_texts(doc)
    earlier, later = texts[copy.earlier], texts[copy.later]
    shift = earlier.normal(copy.earlier_start) - later.normal(copy.later_start)
    return earlier.start(later.normal(start) + shift), earlier.end(later.normal(end) + shift)


# --- the parts of a file ----------------------------------------------------------

# A file can hold several documents: a notice and the reports it forwards (附件1 …的报告,
# 附件2 …调查意见), two regulations issued together, a news report and the communiqué
# it carries, a table of contents before the text. What one of them shares with another
# is quoted, summarised or written to the same model, not pasted by mistake. A part
# opens at the title of a document inside the file: a short line without sentence or
# clause punctuation, not numbered, that names a kind of document (GB/T 9704 文种:
# …的报告, …公报, …的规定, …意见). An appendix of the same document (名词解释, a list of
# projects under 附件) is not another document: a paragraph pasted there is a paste.
_DOCUMENT_KIND = LazyPattern(
    r"(?:报告|规划|纲要|公报|方案|意见|通知|决定|决议|办法|规定|条例|细则|规则|批复|请示|通报|通告|公告|"
    r"纪要|建议|说明|章程|准则|函|目录)(?:[（(]第[0-9０-９一二三四五六七八九十]+号[）)])?$")
# kinds of document that a chapter heading does not end with
_DOCUMENT_ONLY = LazyPattern(r"(?:公报|条例|规定|规则|细则|办法|决议|决定|纪要|通知|通告|公告|批复|请示|函|目录)"
                            r"(?:[（(]第[0-9０-９一二三四五六七八九十]+号[）)])?$")
_CONTENTS = LazyPattern(r"目录")
# the subtitle of a reading or an interview that a bulletin or a policy carries after itself
_READING_BYLINE = LazyPattern(r"[—－-]{1,2}.{0,40}(?:解读|答记者问|答问|访谈|问答)")
_TITLE_MAX = 40
_NOT_IN_TITLE = LazyPattern(r"[。！？；，,!?;]")


def document_parts(doc: Document) -> list[int]:
    """The part of the file each paragraph belongs to (by paragraph index), memoised."""
    return doc.analysis("copy-index.parts", _document_parts)


def _quotes_paragraph(doc: Document, index: int) -> bool:
    """“公安机关…工作。”: a paragraph of a quotation (an amending decision quotes the new article
    that the republished regulation then carries) repeats what it quotes on purpose."""
    return doc.paragraphs[index].text.lstrip()[:1] in "“「『"


def same_part(doc: Document, first: int, second: int) -> bool:
    parts = document_parts(doc)
    return parts[first] == parts[second]


def _document_parts(doc: Document) -> list[int]:
    part, contents, result = 0, False, []
    paragraphs = doc.paragraphs
    for paragraph in paragraphs:
        text = _SPACE.sub("", paragraph.text)
        before = paragraphs[paragraph.index - 1] if paragraph.index > 0 else None
        after = paragraphs[paragraph.index + 1] if paragraph.index + 1 < len(paragraphs) else None
        if before is not None and _opens_part(paragraph.kind, paragraph.numbering, text, before, after):
            part += 1
            contents = _CONTENTS.fullmatch(text) is not None
        elif contents and paragraph.kind in BODY_KINDS and _ends_sentence(text):
            # A table of contents has no sentence: the first one is the text it lists.
            part, contents = part + 1, False
        result.append(part)
    return result


def _title_shaped(kind: str, number: tuple | None, text: str) -> bool:
    return (kind not in ("meta", "artifact") and number is None and 0 < len(text) <= _TITLE_MAX
            and not _NOT_IN_TITLE.search(text) and text[0] not in _CLOSING_MARKS + "，,、：:")


def _opens_part(kind: str, number: tuple | None, text: str, before, after) -> bool:
    """Whether a paragraph is the title of another document of the file: title-shaped,
    naming a kind of document, not cut out of a sentence, and set out as a title — a kind
    that only documents are (…公报, …的规定, …条例, …的通知), a 关于… title, a title
    on two lines or after 附件, or a title followed by its addressee (国务院：), its
    date or its source. A chapter heading such as 2025年工作安排建议 is none of these."""
    if not _title_shaped(kind, number, text):
        return False
    if after is not None and _READING_BYLINE.match(after.text.strip()):
        return True  # 全省研发投入实现量质齐升 / ——省统计局…负责人解读: a reading of the document above
    if not _DOCUMENT_KIND.search(text):
        return False
    if _inside_sentence(before.text, after.text if after is not None else ""):
        return False
    if _DOCUMENT_ONLY.search(text) or "关于" in text:
        return True
    if _title_shaped(before.kind, before.numbering, _SPACE.sub("", before.text)):
        return True
    return after is not None and (after.kind in ("meta", "title") or after.text.rstrip().endswith(("：", ":"))
                                  or after.text.lstrip()[:1] in "（(—")


def _inside_sentence(before: str, after: str) -> bool:
    """A title set on a line of its own inside a sentence, as wiki captures cut out a
    link (…国务院发出《 / 进一步贯彻实施民族区域自治法若干问题的通知 / 》，提出了…),
    names a document; it does not open one."""
    before, after = before.rstrip(), after.lstrip()
    return before[-1:] in "《“‘「『（([" or after[:1] in "》”’」』）)]，,、。；;：:"


def _ends_sentence(text: str) -> bool:
    return any(mark in text for mark in "。！？；!?;")


#: a headline that sums up what follows is at most this long
HEADLINE_MAX = 100
_CLOSING_MARKS = "”’」』）)》] \t\u3000"


def is_title_line(text: str) -> bool:
    """A short paragraph that ends without a mark: a title on a line of its own
    (国家中长期科学和技术发展规划纲要), a heading, a signature, an entry of a table of
    contents, or a news report's sub-headline, whose sentences the text below it
    repeats (社会主义社会仍然存在阶级和阶级斗争。…但是，绝不能说资本主义复辟是不可避免的).
    Not running text. (A long paragraph that ends without a mark was cut off.)"""
    text = text.strip().rstrip(_CLOSING_MARKS)
    return 0 < len(text) <= HEADLINE_MAX and (_HAN.fullmatch(text[-1]) is not None or text[-1].isalnum())


_OPENING_BRACKETS, _CLOSING_BRACKETS = "（(【", "）)】"


def in_brackets(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one pair of round (or 【】) brackets, its
    own brackets included: a note such as （人力资源社会保障部、财政部负责）,
    （负责部门：民航局，适用范围：陕西自贸试验区） or 【责任单位：市财政局】 that a policy
    document puts after item after item, or an aside （含数字拷贝）, is not a
    sentence of the text."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    pairs = _bracket_pairs(text)
    # The pairs are disjoint and in order: only the last one opening at or before start can hold it.
    index = bisect.bisect_right(pairs, (start, len(text) + 1)) - 1
    return index >= 0 and end <= pairs[index][1]


def in_quoted_wording(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a quotation that a colon introduces: the wording of
    another text, cited or set by an amendment (将第十七条修改为：“……；构成犯罪的，依法追究刑事
    责任。”), whose formulas recur from provision to provision by design."""
    opening = text.rfind("“", 0, start + 1)
    if opening < 1 or text[opening - 1] not in "：:" or "”" in text[opening + 1 : start]:
        return False
    closing = text.find("”", opening + 1)
    return closing < 0 or end <= closing + 1


@lru_cache(maxsize=32)
def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """The outermost pairs of brackets of *text*, as (offset of the opening
    bracket, offset just after the closing one); an unclosed one pairs with nothing.
    Cached: a rule asks about every sentence of a paragraph in turn."""
    pairs, depth, opening = [], 0, 0
    for offset, char in enumerate(text):
        if char in _OPENING_BRACKETS:
            if depth == 0:
                opening = offset
            depth += 1
        elif char in _CLOSING_BRACKETS and depth:
            depth -= 1
            if depth == 0:
                pairs.append((opening, offset + 1))
    return pairs


_PARAGRAPH_END = LazyPattern(r"[\s。！？；…!?;”’」』）)》]*")


def restates_closing(doc: Document, places: Iterable[tuple[int, int, int]]) -> bool:
    """Whether a copied clause, at one of its places (paragraph, start, end), is the
    goal that closes the text: a report ends its summary or its general requirements,
    and its last sentence (让我们…，为争取世界和平、民族解放、人民民主和社会主义事业的新胜利
    而奋斗。), with the same slogan on purpose. The slogan is the closing clause of the
    closing paragraph (the exhortation, or the last paragraph of the text): a whole
    sentence pasted after the exhortation is a paste."""
    return any(_PARAGRAPH_END.fullmatch(doc.paragraphs[index].text, end) and _closes(doc, index)
               and _mid_sentence(doc.paragraphs[index].text, start) for index, start, end in places)


def _mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in "。！？；!?;"


def _closes(doc: Document, index: int) -> bool:
    """The exhortation (让我们…), or the last paragraph of running text of its part."""
    paragraph = doc.paragraphs[index]
    if any(s.text.lstrip().startswith("让我们") for s in paragraph.sentences):
        return True
    return index in doc.analysis("copy-index.last-paragraphs", _last_paragraphs)


def _last_paragraphs(doc: Document) -> set[int]:
    last: dict[int, int] = {}
    for paragraph, part in zip(doc.paragraphs, document_parts(doc)):
        if paragraph.kind == "text" and _ends_sentence(paragraph.text):
            last[part] = paragraph.index
    return set(last.values())


# 前面说过，… / 如前所述，…: the text says that it repeats itself.
_BACK_REFERENCE = LazyPattern(r"(?:前面|上面|前文|上文)(?:已经|已)?(?:说过|讲过|讲到|谈到|提到|指出|所述|所说)|如前所述|前已述及")


def refers_back(text: str, start: int) -> bool:
    """Whether the sentence holding offset *start* of a paragraph says it restates
    something said before (前面说过，在五年内的工业基本建设的投资中，…)."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in "。！？；") + 1
    sentence_end = min((i for i in (text.find(mark, start) for mark in "。！？；") if i >= 0), default=len(text))
    return _BACK_REFERENCE.search(text, sentence_start, sentence_end) is not None


# 一、2025年工作回顾 / 一、过去五年工作回顾 / 一、一九九一年计划执行情况 / 一、一年来的工作
_REVIEW = LazyPattern(r"回顾|过去|以来|[一二三四五六七八九十]年来|执行情况|总结")
# 2025年工作安排建议 / 今年政府工作任务 / 今后五年的目标: a time ahead and what to do in it
_PLAN = LazyPattern(r"(?:[0-9０-９]{4}年|今年|明年|今后|下一步|新的一年).*(?:安排|任务|建议|部署|目标|工作|计划)")


def in_review(doc: Document) -> list[bool]:
    """Whether each paragraph (by index) lies in a chapter that reviews past work, as
    against one that sets out tasks: the chapter is the stretch under a heading of
    the top outline levels (第一部分, 一、), and its heading says which it is; a
    heading without a number (2024年工作回顾 / 2025年工作安排建议) changes chapter
    only when it says which."""
    return doc.analysis("copy-index.review", _in_review)


def _in_review(doc: Document) -> list[bool]:
    review, result = False, []
    for paragraph in doc.paragraphs:
        if paragraph.kind == "heading" and paragraph.numbering and paragraph.numbering[0] <= 1:
            review = _REVIEW.search(paragraph.text) is not None
        elif _title_shaped(paragraph.kind, paragraph.numbering, _SPACE.sub("", paragraph.text)) \
                and table_row_cells(paragraph.text) < 3:  # a table's header row (指标　2024年计划　…) sets no chapter
            if _REVIEW.search(paragraph.text):
                review = True
            elif _PLAN.search(paragraph.text):
                review = False
        result.append(review)
    return result


# The title of a chapter that sums up the chapters after it (一、综述, 总体情况, 概述)
_OVERVIEW = LazyPattern(r"(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|\d+[、．.])?\s*"
                       r"(?:综述|概述|总述|总体情况|基本情况|总体概况|概况)")


def in_overview(doc: Document, index: int) -> bool:
    """Whether paragraph *index* lies under an overview heading (一、综述), which restates the
    headline sentence of each chapter after it, or in the lead of a release above its first
    part (6月份，全市居民消费价格…上涨0.4%… / 一、… / 三、上半年价格运行特点 / 1—6月平均，…上涨0.2%。):
    a sentence it shares with one is a summary."""
    return doc.analysis("copy-index.overview", _overview_paragraphs)[index]


def _overview_paragraphs(doc: Document) -> list[bool]:
    """For each paragraph, whether it is overview (see in_overview), read in one pass each way."""
    flags, heading = [], None
    for paragraph in doc.paragraphs:
        flags.append(_OVERVIEW.fullmatch(heading.text.strip()) is not None if heading is not None else None)
        if _part_heading(paragraph):
            heading = paragraph
    # the lead, above every part heading: an overview when a part 一、 follows it
    parted = any(_part_heading(p) and p.numbering is not None and p.numbering[0] == 1 for p in doc.paragraphs)
    return [parted if flag is None else flag for flag in flags]


def _part_heading(paragraph) -> bool:
    return paragraph.kind == "heading" or (paragraph.numbering is not None and paragraph.numbering[0] <= 2)


def restated_task(doc: Document, places: Iterable[tuple[int, int, int]], text: str, mirrored: bool,
                  *, one_subject: bool = False) -> bool:
    """Whether a copy (at two places: paragraph, start, end) is a task a report names
    both in the review of past work and among the tasks ahead, on purpose: without
    figures (削减审批事项62项 is a result, said once), and either as the topic sentence
    that leads a paragraph at one of its places (加快构筑向西向南开放战略高地和参与国际
    竞争新基地。), as an item of a list of targets (…；单位地区生产总值能耗降低完成省下达任务。)
    or between two paragraphs written on one model (*mirrored*: they share other text,
    深化农村改革，推进耕地、草牧场…), and, with *one_subject*, between two paragraphs whose lead
    sentences name one subject (a sentence pasted there is still out of place for misplaced-fragment
    when the topics around it differ)."""
    from .figures import figures  # noqa: PLC0415 - the figure reader is loaded only here

    places = list(places)
    review = in_review(doc)
    if review[places[0][0]] == review[places[1][0]] or _DIGIT.search(text) or figures(text):
        return False
    return mirrored or (one_subject and _same_subject(doc, places[0][0], places[1][0])) or any(
        start < _first_sentence_end(doc.paragraphs[index]) or _target_item(doc.paragraphs[index].text, start)
        for index, start, _ in places)


#: two texts on one subject share a name at least this long (民族团结进步, 供水管网)
_SUBJECT_NAME = 4


def share_a_name(first: str, second: str) -> bool:
    """Whether two texts share a run of Chinese characters long enough to name one subject."""
    first, second = _HAN_RUNS.sub("", first), _HAN_RUNS.sub("", second)
    match = SequenceMatcher(None, first, second, autojunk=False).find_longest_match(0, len(first), 0, len(second))
    return match.size >= _SUBJECT_NAME


def _same_subject(doc: Document, first: int, second: int) -> bool:
    """（五）民族团结进步事业巩固发展。… in the review and （六）持续深化民族团结进步。… among the
    tasks: the two paragraphs' lead sentences name one subject, and each may state its standing
    policy (全面推行国家通用语言文字教育教学。)."""
    leads = [doc.paragraphs[index].sentences for index in (first, second)]
    return all(len(sentences) > 1 for sentences in leads) and share_a_name(leads[0][0].text, leads[1][0].text)


def in_target_lists(doc: Document, places: Iterable[tuple[int, int, int]]) -> bool:
    """Whether every place of a copy is an item of a list of targets: the goals for five years
    and this year's targets both hold 城乡居民收入增长与经济增长基本同步, by the genre."""
    return all(_target_item(doc.paragraphs[index].text, start) for index, start, _ in places)


def _target_item(text: str, start: int) -> bool:
    """…主要预期目标是：…；粮食产量稳定在63万吨以上；单位地区生产总值能耗降低完成省下达任务。: an
    item of a list of targets (after ；, in a sentence that names its targets), which restates an
    indicator the review gave as achieved."""
    sentence = sentence_so_far(text, start)
    return sentence.rstrip().endswith(("；", ";")) and sentence.count("；") >= 2 and _TARGETS.search(sentence) is not None


def sentence_so_far(text: str, at: int) -> str:
    """The sentence holding offset *at*, up to it: in a list set apart by ；, the items before."""
    return text[max(text.rfind(mark, 0, at) for mark in "。！？!?") + 1 : at]


_TARGETS = LazyPattern(r"目标|指标")


#: copied runs two paragraphs share besides the one judged when one was written on the model of the other
MIRRORED_RUNS = 2


def mirrored(runs: int) -> bool:
    """Whether two paragraphs that share *runs* copied runs were written on one model
    (a task paragraph on the review's): a single shared phrase is chance."""
    return runs > MIRRORED_RUNS


_HAN_RUNS = LazyPattern(r"[^\u4e00-\u9fff]+")


def _first_sentence_end(paragraph) -> int:
    sentences = paragraph.sentences
    return sentences[0].end if sentences else 0


#: a formula of the document: a text this short …
FORMULA_MAX_HAN = 30
#: … that stands in this many paragraphs or more
FORMULA_PARAGRAPHS = 3
#: a text of any length in this many paragraphs is a formula too (a 权责清单's 追责情形 in each entry)
FORMULA_ANY_LENGTH = 4


def recurring(places: Iterable[tuple[str, int, int]]) -> set[str]:
    """The texts of (text, earlier paragraph, later paragraph) copies that stand in
    three paragraphs or more and are short, or in four or more whatever their length: the
    document's own formulas, which it puts after item after item on purpose (所需资金由失业保险
    基金列支。, a 权责清单's 追责情形 in each entry), not pastes."""
    holders: dict[str, set[int]] = {}
    for text, earlier, later in places:
        holders.setdefault(normalise(text).text, set()).update((earlier, later))
    return {text for text, held in holders.items()
            if len(held) >= FORMULA_PARAGRAPHS and (len(_HAN.findall(text)) <= FORMULA_MAX_HAN
                                                     or len(held) >= FORMULA_ANY_LENGTH)}


_FIGURE_RUN = LazyPattern(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


def filled_formula(doc: Document, text: str) -> bool:
    """Whether a short sentence with figures is a formula the document fills in paragraph after
    paragraph with other figures (审计反映该方面问题5个，已完成整改4个，正在整改1个。 opening
    each section of an audit report): two of its sections may hold the same figures. True when
    the sentence, its figures left open, stands in three paragraphs or more."""
    normal = normalise(text).text.rstrip("。；！？")
    if not _FIGURE_RUN.search(normal) or len(_HAN.findall(normal)) > FORMULA_MAX_HAN:
        return False
    parts = _FIGURE_RUN.split(normal)
    pattern = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?".join(re.escape(part) for part in parts))
    holders = sum(1 for normal_text in normal_texts(doc).values() if pattern.search(normal_text.text))
    return holders >= FORMULA_PARAGRAPHS


# 第二十五条　… / 第十二条 …: a provision of a law or regulation, numbered through the whole text.
_ARTICLE = LazyPattern(r"第[一二三四五六七八九十百千零〇两0-9０-９]+条(?:[\s\u3000:：]|$)")
#: a copy between two articles longer than this is reported all the same (a provision pasted whole)
ARTICLE_FORMULA_MAX_HAN = 40


def between_articles(doc: Document, first: int, second: int, text: str) -> bool:
    """Whether a copy joins two different articles of a law or regulation and is no longer than
    a clause: the legal text repeats its formulas from article to article on purpose
    (构成犯罪的，依法追究刑事责任。; 对直接负责的主管人员和其他直接责任人员依法给予处分), and
    parallel articles write the same provision for parallel subjects."""
    articles = _article_of_paragraphs(doc)
    return (articles[first] is not None and articles[second] is not None and articles[first] != articles[second]
            and len(_HAN.findall(text)) <= ARTICLE_FORMULA_MAX_HAN)


def _article_of_paragraphs(doc: Document) -> list[int | None]:
    """For each paragraph, the index of the article (第X条) it belongs to, or None outside one."""
    def compute(doc: Document) -> list[int | None]:
        found, current = [], None
        for paragraph in doc.paragraphs:
            if _ARTICLE.match(paragraph.text):
                current = paragraph.index
            elif paragraph.kind == "heading" or paragraph.numbering and paragraph.numbering[0] <= 1:
                current = None  # 第三章 / 一、: a part of its own, outside the last article
            found.append(current if paragraph.kind in ("text", "list-item") else None)
        return found

    return doc.analysis("copy-index.articles", compute)


# 陈卫东： / 青川日报记者： / 主持人：: a speaker's label on a line of its own, opening a turn of a
# transcript (a label of a few characters and a colon).
_SPEAKER = LazyPattern(r"[\u4e00-\u9fff]{2,10}[：:]")
#: a document with this many turns or more is a transcript (a press conference, an interview)
DIALOGUE_TURNS = 3


def in_dialogue(doc: Document, first: int, second: int) -> bool:
    """Whether two paragraphs are in two turns of a transcript: a speaker restates in an answer
    what was said before (the headline figures, a policy's name), which is no paste."""
    turns = _turns(doc)
    return turns[first] is not None and turns[second] is not None and turns[first] != turns[second]


def _turns(doc: Document) -> list[int | None]:
    """Each paragraph's turn (the index of the speaker's label above it) in a transcript, or None.
    A transcript gives the floor back and forth: two speakers at least, one of them speaking
    again. A report's salutations (各位代表：… 各位代表：) are one speaker and make none."""
    def compute(doc: Document) -> list[int | None]:
        labels = {p.index: p.text.strip()[:-1] for p in doc.paragraphs
                  if _SPEAKER.fullmatch(p.text.strip()) and len(p.text.strip()) <= 12}
        speakers = list(labels.values())
        if len(speakers) < DIALOGUE_TURNS or len(set(speakers)) < 2 or len(set(speakers)) == len(speakers):
            return [None] * len(doc.paragraphs)
        found, current = [], None
        for paragraph in doc.paragraphs:
            if paragraph.index in labels:
                current = paragraph.index
            found.append(current)
        return found

    return doc.analysis("copy-index.turns", compute)


# 责任单位：市发展改革委、市财政局 / 完成时限：2026年底前: the field of a task list that
# names who does it or by when (…单位, …部门, …时限, …责任人), with no clause of its own.
_FIELD = LazyPattern(r"(?:(?:责任)?分工[：:])?[\u4e00-\u9fff]{0,4}(?:单位|部门|时限|时间|责任人)[：:][^，,；;：:。！？!?]+[。；;]?")


# X包括：A、B、C。: an enumeration after its lead, which a template restates where it applies
_ENUMERATION = LazyPattern(r"[^，。；：]{0,12}(?:包括|包含|主要有|分为|涵盖)[：:]?[^，。；：、]+(?:、[^，。；：、]+){2,}。?")


def is_enumeration(text: str) -> bool:
    """Whether a sentence only lists what its lead names (支出包括：一般公共服务支出、科学技术支出、
    …): a budget's or a plan's template states it in each section it applies to."""
    return _ENUMERATION.fullmatch(text.strip()) is not None


def is_field(text: str) -> bool:
    """Whether a sentence is a labelled field that closes an item of a plan
    (责任单位：市发展改革委、市财政局。), which recurs by design like a bracketed note."""
    return _FIELD.fullmatch(text.strip()) is not None
