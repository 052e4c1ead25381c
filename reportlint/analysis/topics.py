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
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

# Function characters glue content words together: a bigram across one (的发,
# 和推, 以天) is an accident of the sentence, not a term.
FUNCTION_CHARS = "的了和与及等是在对把将并为于之其而也又或从被向让使就都我们这那着得地所以"
_CONTENT_CHAR = rf"(?![{FUNCTION_CHARS}])[\u4e00-\u9fff]"
# Every pair of adjacent content characters (overlapping: 天麻产 gives 天麻, 麻产).
_CONTENT_BIGRAM = LazyPattern(rf"(?=({_CONTENT_CHAR}{_CONTENT_CHAR}))")
_HAN = LazyPattern(r"[\u4e00-\u9fff]")

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


def median(values: list[float]) -> float:
    """``statistics.median(values)``, the same sum and division, without importing statistics:
    it brings fractions, decimal and random, ~2.5 ms of every start (issue 19)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


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
    """What each section of a document is about (content bigrams weighted by IDF): whether a
    fragment fits a place."""

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
        return median(shares) if shares else 0.0

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
