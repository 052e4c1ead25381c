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

``duplicate_paragraphs`` decides which pairs of paragraphs are one paragraph
pasted twice, for duplicate-paragraph to report and duplicate-sentence to leave
alone: it adds up each pair's runs, and asks difflib only about the pairs whose
runs leave the answer in doubt.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import compress

from .document import Document

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
_SPACE = re.compile(r"\s")


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
    return doc.analysis("reuse.normal-texts", _normal_texts)


def _normal_texts(doc: Document) -> dict[int, NormalText]:
    return {p.index: normalise(p.text) for p in doc.paragraphs if p.kind in BODY_KINDS}


def copies(doc: Document, min_chars: int = 12) -> list[Copy]:
    """Maximal shared runs of at least min_chars characters between two different
    paragraphs (body text: not headings/titles/artifacts), memoised with doc.analysis."""
    if min_chars < 2:
        raise ValueError(f"min_chars must be at least 2, got {min_chars}")
    return doc.analysis(f"reuse.copies:{min_chars}", lambda d: _find_copies(d, min_chars))


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
    key = f"reuse.duplicates:{threshold}:{min_length}"
    return doc.analysis(key, lambda d: _find_duplicates(d, threshold, min_length))


def is_prose(doc: Document, index: int) -> bool:
    """Running text, where a repeat is a slip rather than the pattern of a list or table."""
    return doc.paragraphs[index].kind in PROSE_KINDS


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
        a, b = texts[earlier].text, texts[later].text
        shorter, longer = sorted((len(a), len(b)))
        if shorter < min_length:
            continue
        matched = len(a) if a == b else _in_order(pair_runs)
        if matched < threshold * shorter or matched < MIN_SHARE_OF_LONGER * longer:
            # Some stretches may have gone to a paragraph further up that holds them
            # too: difflib measures the pairs the index leaves in doubt.
            if matched < threshold * shorter / 2:
                continue
            matched = shared_length(a, b)
        score = matched / shorter
        best = found.get(later)
        if score >= threshold and matched >= MIN_SHARE_OF_LONGER * longer and (best is None or score > best.similarity):
            found[later] = Duplicate(earlier, later, score, a == b)
    return found


def earlier_range(doc: Document, copy: Copy, start: int, end: int) -> tuple[int, int]:
    """The offsets in the earlier paragraph of the stretch [start, end) of the later
    one, a part of *copy*: the two sides align character by character once normalised."""
    texts = normal_texts(doc)
    earlier, later = texts[copy.earlier], texts[copy.later]
    shift = earlier.normal(copy.earlier_start) - later.normal(copy.later_start)
    return earlier.start(later.normal(start) + shift), earlier.end(later.normal(end) + shift)
