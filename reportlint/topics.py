"""What each part of a document is about: a TF-IDF model over its own sections.

Terms are character bigrams of Chinese text, the standard unit of Chinese
retrieval when segmenting words would cost too much (jieba needs a second to
load and cuts well under a megabyte a second). Bigrams are taken only inside
runs of content characters: a run stops at punctuation, digits, Latin letters
and the commonest function characters, so 的发 or 和推 are never terms.

The sections of the document (the stretches between its headings, and the
numbered （一）/（二） lead paragraphs of plain-text reports) are the
"documents" of the IDF: a term every section uses (推进, 发展, 加快) weighs
nothing, a term few sections use (天麻, 龙头) weighs most. A document with too
few sections for that counts in paragraphs instead.

A fragment of text is compared with a *place* in the document in two ways: its
``window`` (the rest of its paragraph and the paragraphs next to it in the same
section) and its ``section``, each without the fragment's own occurrences.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .document import Document, Paragraph
from .reuse import (
    between_articles,
    in_brackets,
    in_dialogue,
    mirrored,
    normalise,
    recurring,
    refers_back,
    restated_task,
    restates_closing,
    same_part,
)

if TYPE_CHECKING:
    from .reuse import Copy

# Function characters glue content words together: a bigram across one (的发,
# 和推, 以天) is an accident of the sentence, not a term.
FUNCTION_CHARS = "的了和与及等是在对把将并为于之其而也又或从被向让使就都我们这那着得地所以"
_CONTENT_CHAR = rf"(?![{FUNCTION_CHARS}])[\u4e00-\u9fff]"
# Every pair of adjacent content characters (overlapping: 天麻产 gives 天麻, 麻产).
_CONTENT_BIGRAM = re.compile(rf"(?=({_CONTENT_CHAR}{_CONTENT_CHAR}))")
_HAN = re.compile(r"[\u4e00-\u9fff]")

#: paragraphs whose words say what the document is about (not titles, metadata, leftovers)
TOPICAL_KINDS = ("heading", "text", "list-item", "table-cell", "quote")
# 第一， / 一、 / （一）: the outline levels that open a section
_SECTION_LEVELS = (0, 1, 2)
#: with fewer sections than this, the IDF counts in paragraphs
MIN_SECTIONS = 4


def terms(text: str) -> Counter[str]:
    """The content bigrams of *text*, with their counts."""
    return Counter(_CONTENT_BIGRAM.findall(text))


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of paragraphs; its terms come from ``TopicModel.section_terms``."""

    index: int
    first: int  # index of its first paragraph (its heading, if it has one)
    end: int  # one past its last paragraph


@dataclass(frozen=True)
class Fit:
    """How well a fragment fits a place: cosine similarity of TF-IDF vectors
    (the fragment's and the context's, the context without the fragment)."""

    window: float  # the rest of its paragraph and the neighbouring paragraphs
    section: float
    #: share of the fragment's term weight that the window uses at all
    window_share: float


#: term counts kept for the most recently used sections and paragraphs
CACHED_SECTIONS = 64
CACHED_PARAGRAPHS = 1024


class _Recent:
    """A memo of the *size* most recently used values (recomputed when needed again)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: dict[int, Counter[str]] = {}  # oldest first

    def get(self, key: int, compute: Callable[[], Counter[str]]) -> Counter[str]:
        value = self._values.pop(key, None)
        if value is None:
            value = compute()
            if len(self._values) >= self.size:
                del self._values[next(iter(self._values))]
        self._values[key] = value
        return value


@dataclass
class TopicModel:
    doc: Document
    sections: list[Section]
    section_of: list[int]  # paragraph index -> section index
    units: int  # what the IDF counts in: sections, or paragraphs
    frequency: Counter[str] = field(repr=False)  # term -> units that use it
    in_sections: Counter[str] = field(repr=False)  # term -> sections that use it
    # Term counts are recounted from the text when needed and only the recent ones
    # kept: a copy or sentence is judged against a few places, and keeping every
    # section's and paragraph's Counter held ~150 MB for a 9 MB report.
    _section_terms: _Recent = field(default_factory=lambda: _Recent(CACHED_SECTIONS), repr=False)
    _paragraph_terms: _Recent = field(default_factory=lambda: _Recent(CACHED_PARAGRAPHS), repr=False)

    def weight(self, term: str) -> float:
        """IDF: 0 for a term every unit uses."""
        used_by = self.frequency.get(term, 0)
        return math.log(self.units / used_by) if used_by else 0.0

    def paragraph_terms(self, index: int) -> Counter[str]:
        return self._paragraph_terms.get(index, lambda: _paragraph_terms(self.doc.paragraphs[index]))

    def section_terms(self, index: int) -> Counter[str]:
        return self._section_terms.get(index, lambda: _section_terms(self.doc, self.sections[index]))

    def informative(self, fragment: Counter[str], sections: Iterable[int]) -> dict[str, float]:
        """The fragment's terms with their weights, keeping those that weigh
        something and occur in the document outside the fragment's own
        occurrences (one in each of *sections*, a section once per occurrence):
        a term only the fragment uses says nothing about where it belongs."""
        places = Counter(sections)
        result = {}
        for term, count in fragment.items():
            weight = self.weight(term)
            if weight > 0 and self._occurs_elsewhere(term, count, places):
                result[term] = weight
        return result

    def _occurs_elsewhere(self, term: str, count: int, places: Counter[int]) -> bool:
        holding = 0
        for section, occurrences in places.items():
            uses = self.section_terms(section).get(term, 0)
            if uses > count * occurrences:
                return True
            holding += uses > 0
        return self.in_sections[term] > holding

    def fit(self, fragment: Counter[str], weights: dict[str, float], paragraph: int, start: int, end: int,
            without: Iterable[tuple[int, int, int]] = ()) -> Fit:
        """How well *fragment* (terms, and their informative *weights*) fits the
        place [start, end) of *paragraph*, leaving out that place and the
        places in *without* (the fragment's other occurrences)."""
        cut = {(paragraph, start, end), *without}
        section = self.sections[self.section_of[paragraph]]
        window = Counter(self._rest(paragraph, cut))
        for neighbour in (paragraph - 1, paragraph + 1):
            if section.first <= neighbour < section.end:
                window.update(self._rest(neighbour, cut))
        whole = Counter(self.section_terms(section.index))
        for index, _, _ in cut:
            if section.first <= index < section.end:
                whole.subtract(self.paragraph_terms(index))
                whole.update(self._rest(index, cut))
        total = sum(weights.values())
        share = sum(w for t, w in weights.items() if window.get(t, 0) > 0) / total if total else 0.0
        return Fit(self._cosine(fragment, weights, window), self._cosine(fragment, weights, whole), share)

    def cohesion(self, paragraph: int, cut: Iterable[tuple[int, int, int]] = ()) -> float:
        """The median share of each sentence's term weight (after the lead
        sentence, outside the places *cut*) that the rest of the paragraph and its
        neighbours use. A list of achievements (…增长5.1％。…纳入国家规划。…)
        scores low: there, a sentence sharing nothing with the others proves nothing."""
        cut = set(cut)
        section = self.sections[self.section_of[paragraph]]
        own = self._rest(paragraph, cut)
        neighbours = [self._rest(i, cut) for i in (paragraph - 1, paragraph + 1) if section.first <= i < section.end]
        shares = []
        for sentence in self.doc.paragraphs[paragraph].sentences[1:]:
            if any(i == paragraph and s < sentence.end and sentence.start < e for i, s, e in cut):
                continue
            fragment = terms(sentence.text)
            weights = self.informative(fragment, [section.index])
            total = sum(weights.values())
            if total:
                shares.append(sum(w for t, w in weights.items()
                                  if own[t] > fragment[t] or any(t in n for n in neighbours)) / total)
        return statistics.median(shares) if shares else 0.0

    def _rest(self, index: int, cut: set[tuple[int, int, int]]) -> Counter[str]:
        """The terms of a paragraph outside the places cut out of it."""
        places = sorted((s, e) for i, s, e in cut if i == index)
        if not places:
            return self.paragraph_terms(index)
        text, pieces, position = self.doc.paragraphs[index].text, [], 0
        for start, end in places:
            pieces.append(text[position:start])
            position = max(position, end)
        pieces.append(text[position:])
        return terms("\n".join(pieces))

    def _cosine(self, fragment: Counter[str], weights: dict[str, float], context: Counter[str]) -> float:
        dot = norm = 0.0
        for term, count in context.items():
            if count > 0:
                value = (1 + math.log(count)) * self.weight(term)
                norm += value * value
                if term in weights:
                    dot += fragment[term] * weights[term] * value
        own = math.sqrt(sum((fragment[t] * w) ** 2 for t, w in weights.items()))
        return dot / (own * math.sqrt(norm)) if dot else 0.0


def topic_model(doc: Document) -> TopicModel:
    """The document's topic model, computed once per document."""
    return doc.analysis("topics", _build)


def starts_section(paragraph: Paragraph) -> bool:
    if paragraph.kind == "heading":
        return True
    # （三）扎实推进农业农村现代化。…: a numbered lead paragraph opens a section of a plain-text report
    return paragraph.kind == "text" and paragraph.numbering is not None and paragraph.numbering[0] in _SECTION_LEVELS


def section_of_paragraphs(doc: Document) -> list[int]:
    """The section of each paragraph (by paragraph index), without counting any
    terms: enough to rule out what needs no topic model."""
    return doc.analysis("topics.sections", _section_of_paragraphs)


def _section_of_paragraphs(doc: Document) -> list[int]:
    section, result = 0, []
    for paragraph in doc.paragraphs:
        section += paragraph.index > 0 and starts_section(paragraph)
        result.append(section)
    return result


def _build(doc: Document) -> TopicModel:
    paragraphs, section_of = doc.paragraphs, section_of_paragraphs(doc)
    starts = [0] + [p.index for p in paragraphs[1:] if section_of[p.index] != section_of[p.index - 1]]
    sections = [Section(index, first, end) for index, (first, end)
                in enumerate(zip(starts, starts[1:] + [len(paragraphs)]))]
    model = TopicModel(doc, sections, section_of, 0, Counter(), Counter())
    for section in sections:
        model.in_sections.update(_section_terms(doc, section).keys())
    if len(sections) >= MIN_SECTIONS:
        model.frequency, model.units = model.in_sections, len(sections)
    else:
        for paragraph in paragraphs:
            unit = _paragraph_terms(paragraph)
            model.frequency.update(unit.keys())
            model.units += bool(unit)
    return model


def _section_terms(doc: Document, section: Section) -> Counter[str]:
    # runs never cross a line break, so one pass over the joined text counts them all
    return terms("\n".join(p.text for p in doc.paragraphs[section.first : section.end] if p.kind in TOPICAL_KINDS))


def _paragraph_terms(paragraph: Paragraph) -> Counter[str]:
    return terms(paragraph.text) if paragraph.kind in TOPICAL_KINDS else Counter()


# --- copies: which side of a copied fragment is out of place -------------------

#: a paragraph whose sentences share less than this with each other is a list, not a topic
COHESION = 0.2
#: a fragment needs this many informative terms to be placed at all
MIN_TERMS = 5
#: Chinese characters a section needs besides the fragment to tell that it does not belong there
MIN_CONTEXT = 60
# 坚定拥护“两个确立”、坚决做到“两个维护”: a clause built on numbered political
# formulas is said in several chapters on purpose.
_NUMBERED_FORMULA = re.compile(r"[“‘][一二两三四五六七八九十]个[\u4e00-\u9fff]{2,5}[”’]")
#: a fragment with formulas needs this many informative terms of its own
FORMULA_MIN_TERMS = 10
#: weight of the sentences around a fragment against its section, in telling where it fits
LOCAL_WEIGHT = 4.0
#: one side fits clearly better when the other scores at most this share of it
CLEAR_RATIO = 0.5
#: shorter copies (打造高素质专业化教师队伍。) are set phrases that many parts of a report use
FRAGMENT_MIN_HAN = 16
# A copy covering most of a paragraph is a duplicated paragraph (RL202), not a fragment.
_MAX_PARAGRAPH_SHARE = 0.8
# Not 、: it joins the items of one enumeration, so a run that starts after it
# (…、机器设备、车船以及其他财产取得的所得) is the tail of a shared phrase.
_CLAUSE_MARKS = "，。；！？,;!?：:"
_SENTENCE_END = "。；！？;!?"
_OPENING_MARKS = "“‘（(《"
# characters a copied run may share by chance beyond its fragment
_SPILL = 4
_CLOSING_MARKS = "”’）)》"


def misplaced_copies(doc: Document) -> dict[Copy, str]:
    """The copies RL204 reports, each mapped to "earlier" or "later": the side that is out of place."""
    return doc.analysis("misplaced-copies", _judge_copies)


def fragment_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The copied run [start, end) as a fragment of its own, trimmed of the
    punctuation at its edges: from the start of a clause to the end of a sentence
    (or of the paragraph). A shared formula in mid-sentence (…以习近平新时代中国
    特色社会主义思想为指导，…) is not a fragment that can be out of place. A run
    may reach a few characters past its fragment where the text around the two
    copies happens to agree (…成效。|举办…): those are cut off."""
    if not _starts_clause(text, start):
        start = next((i + 1 for i in range(start, min(start + _SPILL + 1, end)) if text[i] in _CLAUSE_MARKS), end)
    while start < end and text[start] in _CLAUSE_MARKS + _CLOSING_MARKS:
        start += 1
    while end > start and text[end - 1] in "，,、：:" + _OPENING_MARKS:
        end -= 1
    if not _ends_sentence(text, end):
        end = next((j for j in range(end - 1, max(end - _SPILL - 1, start), -1) if _ends_sentence(text, j)), start)
    return (start, end) if han_count(text[start:end]) >= FRAGMENT_MIN_HAN else None


def _starts_clause(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in _CLAUSE_MARKS + _OPENING_MARKS or text[start] in _CLAUSE_MARKS


def _ends_sentence(text: str, end: int) -> bool:
    return (
        not text[end:].strip()
        or text[end - 1] in _SENTENCE_END
        or text[end - 1] in _CLOSING_MARKS and text[end - 2 : end - 1] in tuple(_SENTENCE_END)
        or text[end] in _SENTENCE_END
    )


@dataclass(frozen=True)
class CopyFit:
    """How well a copied fragment fits each of its two places."""

    earlier: Fit
    later: Fit
    terms: int  # informative terms of the fragment
    earlier_local: float = 0.0  # how much the sentences around it share with it
    later_local: float = 0.0
    #: Chinese characters of the section around each copy, without the fragment
    earlier_context: int = MIN_CONTEXT
    later_context: int = MIN_CONTEXT

    @property
    def misplaced(self) -> str | None:
        """The side that fits its surroundings worse: a verbatim fragment in two
        chapters is out of place at one of them. The later copy when neither
        fits better (a paste usually comes after what it was copied from);
        None for a fragment with too few telling terms to place (a formula)."""
        if self.terms < MIN_TERMS:
            return None
        earlier, later = _score(self.earlier, self.earlier_local), _score(self.later, self.later_local)
        side = "earlier" if earlier < later else "later"
        if (self.earlier_context if side == "earlier" else self.later_context) < MIN_CONTEXT:
            # An item of a list or a one-sentence article (…，且综合所得年收入额减除专项扣除的
            # 余额超过6万元；) has too little text of its own to show that the fragment
            # does not belong there: parallel items share their wording by design.
            return None
        return side

    @property
    def clear(self) -> bool:
        """Whether one side fits clearly better than the other."""
        scores = sorted((_score(self.earlier, self.earlier_local), _score(self.later, self.later_local)))
        return scores[1] > 0 and scores[0] <= CLEAR_RATIO * scores[1]


def _score(fit: Fit, local: float) -> float:
    """How well a fragment fits one place. Measured on copies injected into real
    reports, the sentences right around it tell most (it was written with them),
    its section a little more; together they pick the pasted side 9 times in 10."""
    return LOCAL_WEIGHT * local + fit.section


def copy_fit(doc: Document, copy: Copy) -> CopyFit | None:
    """The fit of a copied fragment at each of its places, or None when the copy
    is not a fragment of body text in two sections (a whole paragraph, a
    heading, a formula inside a sentence, a repeat within one section)."""
    places = []
    for index, start, end in ((copy.earlier, copy.earlier_start, copy.earlier_end),
                              (copy.later, copy.later_start, copy.later_end)):
        paragraph = doc.paragraphs[index]
        bounds = fragment_bounds(paragraph.text, start, end)
        if paragraph.kind != "text" or not bounds or end - start > _MAX_PARAGRAPH_SHARE * len(paragraph.text.strip()):
            return None
        if in_brackets(paragraph.text, *bounds) or refers_back(paragraph.text, bounds[0]):
            return None  # a bracketed note (（…负责）), or a restatement the text announces (前面说过，…)
        places.append((index, *bounds))
    if restates_closing(doc, places):
        return None  # the goal that closes the text and its summary (…而奋斗。)
    text = doc.paragraphs[places[1][0]].text[places[1][1] : places[1][2]]
    if restated_task(doc, places, text, mirrored(_shared_runs(doc)[copy.earlier, copy.later])):
        return None  # a task named in the review and among the tasks
    if between_articles(doc, copy.earlier, copy.later, text):
        return None  # a legal formula that articles repeat
    if in_dialogue(doc, copy.earlier, copy.later):
        return None  # a speaker restating in an answer what was said before
    if section_of_paragraphs(doc)[copy.earlier] == section_of_paragraphs(doc)[copy.later]:
        return None  # a repeat within one section is a duplicate, never out of place
    if _record(doc.paragraphs[copy.earlier].text) and _record(doc.paragraphs[copy.later].text):
        return None  # 张海燕，女，汉族，…，在职研究生学历、公共管理硕士学位: two entries of a register
    if not same_part(doc, copy.earlier, copy.later):
        return None  # quoted from another document of the file
    model = topic_model(doc)  # only now: most documents have no copied fragment to place
    index, start, end = places[0]
    text = doc.paragraphs[index].text[start:end]
    fragment = terms(text)
    weights = model.informative(fragment, [model.section_of[copy.earlier], model.section_of[copy.later]])
    if _NUMBERED_FORMULA.search(text) and len(weights) < FORMULA_MIN_TERMS:
        return None
    earlier = model.fit(fragment, weights, *places[0], without=[places[1]])
    later = model.fit(fragment, weights, *places[1], without=[places[0]])
    return CopyFit(earlier, later, len(weights), _local(doc, model, fragment, weights, *places[0]),
                   _local(doc, model, fragment, weights, *places[1]),
                   _context(doc, model, places[0], places[1]), _context(doc, model, places[1], places[0]))


_CLAUSE_BREAK = re.compile(r"[，。；,;]")
_RECORD_LEAD = 3  # short fields that open an entry: a name, 男, 汉族
_RECORD_FIELD = 6  # characters
_RECORD_FIELDS = 6


def _record(text: str) -> bool:
    """An entry of a register (a 任前公示, a list of award winners): a paragraph of fields that
    opens with several short ones (欧阳晓东，男，汉族，1980年6月生，…). Its values repeat from
    entry to entry (the same degree, the same school) by the form, not by a paste; and it has
    no topic to be out of place in."""
    fields = [field.strip() for field in _CLAUSE_BREAK.split(text) if field.strip()]
    return (len(fields) >= _RECORD_FIELDS
            and all(len(field) <= _RECORD_FIELD for field in fields[:_RECORD_LEAD]))


def _shared_runs(doc: Document) -> Counter[tuple[int, int]]:
    """How many copied runs each pair of paragraphs shares (memoised)."""
    from .reuse import copies  # noqa: PLC0415

    return doc.analysis("topics.shared-runs", lambda d: Counter((c.earlier, c.later) for c in copies(d)))


def _context(doc: Document, model: TopicModel, place: tuple[int, int, int], other: tuple[int, int, int]) -> int:
    """The Chinese characters of the section around a fragment, without the fragment:
    what there is to judge it by."""
    section = model.section_of[place[0]]
    total = doc.analysis("topics.section-han", lambda d: {}).get(section)
    if total is None:
        first, end = model.sections[section].first, model.sections[section].end
        total = sum(han_count(p.text) for p in doc.paragraphs[first:end] if p.kind in TOPICAL_KINDS)
        doc.analysis("topics.section-han", lambda d: {})[section] = total
    for index, start, end in (place, other):
        if model.section_of[index] == section and doc.paragraphs[index].kind in TOPICAL_KINDS:
            total -= han_count(doc.paragraphs[index].text[start:end])
    return total


def _local(doc: Document, model: TopicModel, fragment: Counter[str], weights: dict[str, float],
           index: int, start: int, end: int, reach: int = 2) -> float:
    """How much the sentences right before and after the fragment share with it:
    text pasted in between two sentences that were written together shares less
    with them than the sentences that were written around it."""
    sentences = doc.paragraphs[index].sentences
    before = [x for x in sentences if x.end <= start][-reach:]
    after = [x for x in sentences if x.start >= end][:reach]
    lead = [sentences[0]] if sentences and sentences[0].end <= start and sentences[0] not in before else []
    context = Counter()
    for sentence in before + after + lead:
        context.update(terms(sentence.text))
    return model._cosine(fragment, weights, context) if weights else 0.0


def _judge_copies(doc: Document) -> dict[Copy, str]:
    from .reuse import copies  # noqa: PLC0415 - the copy index is paid for only by the rules that use it

    found = copies(doc)
    shared: Counter[tuple[int, int]] = Counter()
    for copy in found:
        shared[copy.earlier, copy.later] += copy.length
    verdicts, fragments = {}, {}
    for copy in found:
        shortest = min(len(doc.paragraphs[copy.earlier].text), len(doc.paragraphs[copy.later].text))
        if shared[copy.earlier, copy.later] > _MAX_PARAGRAPH_SHARE * shortest:
            continue  # two paragraphs that are mostly the same: a duplicated paragraph (RL202)
        fragments[copy] = _fragment(doc, copy)
        if not fragments[copy]:
            continue
        fit = copy_fit(doc, copy)
        side = fit.misplaced if fit else None
        if side:
            verdicts[copy] = side
    if not verdicts:
        return verdicts
    # A fragment that stands in three paragraphs or more is a formula of the document.
    formulas = recurring((text, copy.earlier, copy.later) for copy, text in fragments.items() if text)
    return {copy: side for copy, side in verdicts.items() if normalise(fragments[copy]).text not in formulas}


def _fragment(doc: Document, copy: Copy) -> str:
    """The fragment a copy makes in its later paragraph ("" when it makes none)."""
    text = doc.paragraphs[copy.later].text
    bounds = fragment_bounds(text, copy.later_start, copy.later_end)
    return text[bounds[0] : bounds[1]] if bounds else ""
