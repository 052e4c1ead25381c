"""A text file whose lines were cut at one width (an editor's hard wrap, a pdftotext export): its
paragraphs run over several lines, which are read as one paragraph.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from .artifacts import HEADER_MARKS, is_artifact
from .lazy_regex import LazyPattern
from .line_cuts import FIELD_LABEL, SENTENCE_ENDS, ParagraphSoFar, opens_item
from .structure import SENTENCE_PUNCTUATION
from .table_rows import has_wide_gap


@dataclass(frozen=True)
class HardWrap:
    """A text whose lines were cut at one width: a paragraph runs over several lines."""

    width: int  # in characters (a Chinese character, however wide it is shown)
    #: 0-based numbers of the lines that the wrap cut (they go on in the next line)
    joins_next: frozenset[int]


#: below this, line lengths say nothing
_MIN_WRAPPED_LINES = 8
_MIN_WIDTH = 16
_MAX_WIDTH = 300
#: at least this share of the lines is cut at the width (a paragraph's last line is shorter)
_MIN_FULL_SHARE = 0.5
#: …or this share of them, and at least _MIN_SPIKE lines, have one length
_MIN_SPIKE_SHARE = 0.25
_MIN_SPIKE = 20
#: and almost none is longer than it
_MAX_LONGER_SHARE = 0.02
#: a wrap cuts lines anywhere, mostly inside a sentence: few full lines end one
_MAX_FULL_ENDED_SHARE = 0.4
#: a line without punctuation (artifacts.HEADER_MARKS) found this often is a running header or footer
_RUNNING = 3
#: and the last line of a paragraph is shorter
_MIN_SHORT_SHARE = 0.05


def _columns(line: str) -> int:
    """The width of *line* as a Chinese page shows it: a Chinese character takes two columns, and
    so do the marks of ambiguous width (“ ” ‘ ’ … — ·), which Chinese fonts set full width."""
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in line)


def _narrow_columns(line: str) -> int:
    """The width of *line* with the marks of ambiguous width set narrow, as some tools count
    them: a line full of quotation marks may look that much longer than the others."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


# A number or a Latin word at the start of a line: the wrap could not break it, so the line
# above ended early when it did not fit (…全县民生支出 / 42.7亿元，…).
_UNBREAKABLE = LazyPattern(r"[0-9A-Za-z.,%:/+-]+")


def _cut_before_word(line: str, following: str, measure, threshold: int) -> bool:
    word = _UNBREAKABLE.match(following.lstrip())
    return word is not None and measure(line) + measure(word.group()) >= threshold


def detect_hard_wrap(text: str) -> HardWrap | None:
    """A hard wrap, when most lines end within a character or two of one width and none
    goes past it (an editor or pdftotext cut them; a line may run one over, when a closing
    mark may not start the next). The width is counted in characters and in columns, as
    wrapping tools count either. A text with a paragraph a line has lengths all over."""
    lines = [line.rstrip() for line in text.split("\n")]
    # Page numbers and running headers are no wrapped text: counted with it, they would hide
    # the wrap of a file of short paragraphs (a regulation's articles, a notice's cover page).
    repeated = Counter(line.strip() for line in lines if line.strip() and not HEADER_MARKS.search(line))
    filled = [number for number, line in enumerate(lines)
              if line.strip() and not is_artifact(line.strip()) and repeated[line.strip()] < _RUNNING]
    if len(filled) < _MIN_WRAPPED_LINES:
        return None
    if sum(len(lines[number]) > _MAX_WIDTH for number in filled) > _MAX_LONGER_SHARE * len(filled):
        return None  # paragraphs a line (no wrap is that wide): spare measuring the columns
    # (measure, columns of one character, how much shorter a cut line may be)
    # (pdftotext drops a paragraph's two-character indent: its first line is two characters short)
    for measure, least, unit, slack in ((len, len, 1, 2), (_columns, _narrow_columns, 2, 4)):
        lengths = {number: measure(lines[number]) for number in filled}
        counts = Counter(lengths.values())
        shortest = Counter(least(lines[number]) for number in filled)
        width = _wrap_width(counts, shortest, _MIN_WIDTH * unit, slack, unit, len(filled))
        if width is None:
            continue
        full = [number for number in filled if lengths[number] >= width - slack
                or number + 1 in lengths and _cut_before_word(lines[number], lines[number + 1], measure, width - slack)]
        if sum(lines[number][-1] in SENTENCE_ENDS for number in full) > _MAX_FULL_ENDED_SHARE * len(full):
            continue  # lines of one length that end their sentences are paragraphs, not cuts
        if len(filled) - len(full) < max(2, _MIN_SHORT_SHARE * len(filled)):
            continue  # no paragraph ends in a shorter line: every line is one item of one size
        margin = min(len(lines[n]) - len(lines[n].lstrip()) for n in filled)
        joins = _joins(lines, frozenset(full), frozenset(lengths), margin)
        usual = max(range(width - slack, width + unit + 1), key=lambda n: (counts[n], n))
        return HardWrap(round(usual / unit), joins)
    return None


def _wrap_width(counts: Counter[int], shortest: Counter[int], least: int, slack: int, over: int,
                lines: int) -> int | None:
    """The width most lines are cut at (the band [width - slack, width + over] that
    holds the most lines), if it holds enough of them and almost none is longer, even
    measured at its narrowest (*shortest*: the lengths with ambiguous marks narrow). Of two
    bands that hold enough, the one no line passes: lines a character short of the width
    (a mark kept off the next line's start) would draw the band below the real width."""
    bands = sorted(((sum(counts[n] for n in range(length - slack, length + over + 1)), length)
                    for length in counts if length >= least), reverse=True)
    for held, best in bands:  # on a tie the wider band's width: the lines above it are the cut ones
        # (or a spike at one length: a file of tables and headings has fewer full lines, but a file of
        # a paragraph a line never has this many of one length)
        if held < max(_MIN_FULL_SHARE * lines, 6) and counts[best] < max(_MIN_SPIKE_SHARE * lines, _MIN_SPIKE):
            continue
        longer = sum(count for length, count in shortest.items() if length > best + over)
        if longer <= _MAX_LONGER_SHARE * lines:
            return best
    return None


def _joins(lines: list[str], full: frozenset[int], filled: frozenset[int], margin: int) -> frozenset[int]:
    """The full lines whose paragraph goes on in the next line."""
    joins: set[int] = set()
    paragraph = ParagraphSoFar()
    for number in sorted(full):
        line = lines[number].strip()
        paragraph.add(line, opens=number - 1 not in joins)
        if number + 1 not in filled or _opens_after_sentence(line, lines[number + 1].strip(), number + 1 in full):
            continue
        if _runs_on(lines[number], lines[number + 1], margin, paragraph):
            joins.add(number)
    return frozenset(joins)


def _opens_after_sentence(line: str, following: str, following_full: bool) -> bool:
    """After a full line that ends its sentence, a line that opens with a dash (——区域发展更趋协调。)
    or a field's label (牵头单位：…), or a short one without a final mark (2024年工作回顾: a heading),
    is a paragraph of its own."""
    if line[-1] not in SENTENCE_PUNCTUATION or not following:
        return False
    return following.startswith("——") or line[-1] in "。！？!?" and FIELD_LABEL.match(following) is not None \
        or not following_full and following[-1] not in SENTENCE_ENDS




def _runs_on(line: str, following: str, margin: int, paragraph: ParagraphSoFar) -> bool:
    """Does the paragraph of a full *line* go on in the *following* line? Not when that one is
    indented (a new paragraph), numbered (（二）…) or a page leftover (— 3 —), unless the line
    cut a number, a sentence of prose or an inline list (see ParagraphSoFar.cut_before)."""
    if len(following) - len(following.lstrip()) > margin:
        return False
    if is_artifact(following.strip()) or is_artifact(line.strip()) or has_wide_gap(line):
        return False  # a page leftover, or fields set apart by spaces (主持人：…副主任　韩立群 / 韩立群：)
    return paragraph.cut_before(line, following) or not opens_item(following)
