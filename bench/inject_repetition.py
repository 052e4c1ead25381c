"""Inject the defects of the repetition rules (RL201–RL204) into a clean report.

A report in, one paragraph per line, and the same report with one defect of
each kind below out, together with the line of each defect: the line where its
rule must report it. Injections are kept apart, never two in one paragraph (a
paragraph copied or moved from counts as used too), so every finding can be
matched to one injection by its line.

- doubled-word: a word picked by jieba from a body sentence, doubled whole
  (新增新增), by its last character (水富富), or, for a four-character idiom, by
  its last two (坚定不移不移). A site is skipped when the doubled text reads as
  real words: the doubled form is a dictionary word (人 → 人人) or the repeated
  part runs on into one with the characters after it (建设 before 施工 → 建设设施工).
- duplicate-paragraph: a body paragraph copied further down, exactly, with
  another paragraph's (short) lead sentence, with one short sentence dropped,
  or with a few characters changed.
- duplicate-sentence: a sentence of 12 or more Chinese characters copied into a
  later paragraph of its own section.
- misplaced-fragment: a sentence copied into a paragraph of another top-level
  chapter (一、/二、/三、; duplicate-sentence on the later copy is true as well),
  or moved there, leaving no copy behind.
"""

from __future__ import annotations

import logging
import random
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import qualitybench
from qualitybench import LineEdits, Where

from reportlint.text.document import Paragraph
from reportlint.text.parse import parse_text

DOUBLED_WORD, DUPLICATE_PARAGRAPH = "doubled-word", "duplicate-paragraph"
DUPLICATE_SENTENCE, MISPLACED = "duplicate-sentence", "misplaced-fragment"
RULES = (DOUBLED_WORD, DUPLICATE_PARAGRAPH, DUPLICATE_SENTENCE, MISPLACED)

WHOLE_WORD = "whole word doubled (新增新增)"
LAST_CHAR = "last character doubled (水富富)"
IDIOM_TAIL = "idiom's last two doubled (不移不移)"
EXACT_COPY = "exact copy"
NEW_LEAD = "copy with another lead sentence"
SENTENCE_DROPPED = "copy with a sentence dropped"
CHARS_CHANGED = "copy with a few characters changed"
SAME_SECTION = "sentence copied within its section"
COPIED_ACROSS = "copied into another chapter"
MOVED_ACROSS = "moved to another chapter"
KINDS = {
    DOUBLED_WORD: (WHOLE_WORD, LAST_CHAR, IDIOM_TAIL),
    DUPLICATE_PARAGRAPH: (EXACT_COPY, NEW_LEAD, SENTENCE_DROPPED, CHARS_CHANGED),
    DUPLICATE_SENTENCE: (SAME_SECTION,),
    MISPLACED: (COPIED_ACROSS, MOVED_ACROSS),
}

MIN_PARAGRAPH = 40  # characters of a body paragraph worth copying or changing
MIN_COPIED = 12  # Chinese characters of a copied sentence (duplicate-sentence's threshold)
MIN_MOVED = 20  # Chinese characters of a moved sentence: enough words to have a topic
MAX_LEAD = 11  # a replacement lead sentence stays below the copied-sentence threshold
CHANGED_CHARS = 3
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_REPEAT = re.compile(r"(?=([\u4e00-\u9fff]{1,8}?)\1)")  # a stretch typed twice in a row
_IDIOM_TAG = "i"  # jieba's tag for idioms (成语)
_NUMERAL_TAG = "m"  # 一年, 两座: doubled they are reduplications (一年年, 一座座)


@dataclass(frozen=True)
class Injection:
    rule: str  # the rule that must report it
    kind: str
    line: int  # 1-based line of the injected document where the finding belongs
    text: str  # the injected text, as it stands on that line
    unit: str = ""  # doubled-word: the part typed twice (``text`` ends with it twice)
    source_line: int | None = None  # the line it was copied or moved from
    #: (rule, line): findings of another rule that are true as well
    also: tuple[tuple[str, int], ...] = ()
    #: misplaced-fragment: the paragraph it lands in shares as many of its words as the
    #: one it comes from (a placement no topic can tell from the right one)
    on_topic: bool | None = None


@dataclass
class Injected(qualitybench.Injected):
    #: doubled-word sites left out because the doubled text reads as real words
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Body:
    """A body paragraph that may take an injection: one line of the .txt."""

    line: int  # 0-based index into the document's lines
    text: str
    sentences: list[tuple[int, int]]  # offsets into text
    chapter: int | None  # top-level chapter (一、/二、…); None before the first
    section: int  # the stretch between outline numbers of levels 0-2

    def sentence(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]


@dataclass
class _Pending:
    rule: str
    kind: str
    where: Where
    text: str
    unit: str = ""
    source: Where | None = None
    also: tuple[tuple[str, Where], ...] = ()
    on_topic: bool | None = None


class _Draft(LineEdits):
    """The document's lines, with replacements and insertions recorded until ``finish``."""

    def __init__(self, lines: list[str], bodies: list[_Body], rng: random.Random) -> None:
        super().__init__(lines)
        self.bodies = bodies
        self.rng = rng
        self.used: set[int] = set()
        self.pending: list[_Pending] = []

    def free(self, test=lambda body: True) -> list[_Body]:
        found = [b for b in self.bodies if b.line not in self.used and test(b)]
        self.rng.shuffle(found)
        return found

    def replace(self, body: _Body, text: str) -> Where:
        return self.replace_line(body.line, text)

    def insert_after(self, body: _Body, text: str) -> Where:
        return self.insert_line_after(body.line, text)

    def finish(self) -> tuple[str, list[Injection]]:
        out, number = self.numbered()
        injections = [
            Injection(p.rule, p.kind, number[p.where], p.text, p.unit,
                      number[p.source] if p.source else None,
                      tuple((rule, number[where]) for rule, where in p.also), p.on_topic)
            for p in self.pending
        ]
        return "\n".join(out), injections


def inject(text: str, rng: random.Random, avoid_lines: frozenset[int] = frozenset()) -> Injected:
    """One defect of each kind in KINDS, placed with *rng*; *avoid_lines* (1-based) are
    lines already reported on the clean text, left alone so those findings stay put."""
    lines = text.split("\n")
    bodies = [b for b in _bodies(text, lines) if b.line + 1 not in avoid_lines]
    draft = _Draft(lines, bodies, rng)
    result = Injected("", [])
    # The kinds with the strictest needs first, while there is room.
    steps = [
        (MOVED_ACROSS, lambda: _move_across(draft, text)),
        (COPIED_ACROSS, lambda: _copy_across(draft, text)),
        (SAME_SECTION, lambda: _copy_in_section(draft, text)),
        (NEW_LEAD, lambda: _copy_with_new_lead(draft)),
        (SENTENCE_DROPPED, lambda: _copy_without_sentence(draft)),
        (CHARS_CHANGED, lambda: _copy_with_changes(draft, text)),
        (EXACT_COPY, lambda: _copy_exact(draft)),
        (WHOLE_WORD, lambda: _double(draft, WHOLE_WORD, result.skipped)),
        (LAST_CHAR, lambda: _double(draft, LAST_CHAR, result.skipped)),
        (IDIOM_TAIL, lambda: _double(draft, IDIOM_TAIL, result.skipped)),
    ]
    for kind, step in steps:
        if not step():
            result.unplaced.append(kind)
    result.text, result.injections = draft.finish()
    return result


def _bodies(text: str, lines: list[str]) -> list[_Body]:
    doc = parse_text(text, "report.txt")
    chapters = _chapter_starts(doc.paragraphs)
    bodies, chapter, section = [], None, 0
    for paragraph in doc.paragraphs:
        if paragraph.index in chapters:
            chapter = chapters[paragraph.index]
        if paragraph.numbering and paragraph.numbering[0] <= 2:
            section += 1
        line = doc.lines.position(paragraph.span().start)[0] - 1
        # Only paragraphs whose prose is their line verbatim, so offsets need no map.
        if paragraph.kind == "text" and len(paragraph.text) >= MIN_PARAGRAPH and lines[line] == paragraph.text:
            sentences = [(s.start, s.end) for s in paragraph.sentences]
            bodies.append(_Body(line, paragraph.text, sentences, chapter, section))
    return bodies


def _chapter_starts(paragraphs: list[Paragraph]) -> dict[int, int]:
    """Paragraph index -> chapter number for the top-level headings 一、 二、 三、 in sequence
    (a later list numbered 一、 again inside a chapter does not open a chapter)."""
    starts: dict[int, int] = {}
    for paragraph in paragraphs:
        number = paragraph.numbering
        if paragraph.kind == "heading" and number and number[0] == 1 and number[1] == len(starts) + 1:
            starts[paragraph.index] = number[1]
    return starts


def _han(text: str) -> int:
    return len(_HAN.findall(text))


def _stray(draft: _Draft, text: str, min_han: int, source_test, target_test):
    """(source, sentence index, target) for a sentence to copy or move into *target*:
    not a lead, long enough, found nowhere else in *text*, and at most half of
    either paragraph, so that it is a stray sentence and not a copied paragraph."""
    for source in draft.free(source_test):
        choices = [i for i in range(1, len(source.sentences))
                   if _han(source.sentence(i)) >= min_han and text.count(source.sentence(i)) == 1
                   and 2 * len(source.sentence(i)) <= len(source.text)]
        if not choices:
            continue
        index = draft.rng.choice(choices)
        size = len(source.sentence(index))
        targets = draft.free(lambda b, s=source, n=size: target_test(s, b) and 2 * n <= len(b.text))
        if targets:
            return source, index, targets[0]
    return None


def _on_topic(sentence: str, source: _Body, target: _Body) -> bool:
    """Whether *target* shares as many of the sentence's words as *source* (without it)."""
    words = _content_words(sentence)
    home = _content_words(source.text.replace(sentence, ""))
    return len(words & _content_words(target.text)) >= len(words & home)


def _content_words(text: str) -> set[str]:
    return {w for w in jieba_words().lcut(text, HMM=False) if len(w) >= 2 and _HAN_WORD.fullmatch(w)}


def _boundary(body: _Body, rng: random.Random, inside: bool) -> int:
    """An offset between two sentences of *body* (never before the first; with
    *inside*, never after the last either)."""
    ends = [end for _, end in body.sentences[:-1]] if inside else [end for _, end in body.sentences]
    return rng.choice(ends)


def _put_stray(draft: _Draft, text: str, min_han: int, source_test, target_test, inside: bool):
    """(source, sentence index, target, where) for a stray sentence (``_stray``) put into its
    target between two of its sentences (``_boundary``); both paragraphs are used up."""
    found = _stray(draft, text, min_han, source_test, target_test)
    if not found:
        return None
    source, index, target = found
    at = _boundary(target, draft.rng, inside)
    where = draft.replace(target, target.text[:at] + source.sentence(index) + target.text[at:])
    draft.used |= {source.line, target.line}
    return source, index, target, where


def _move_across(draft: _Draft, text: str) -> bool:
    put = _put_stray(draft, text, MIN_MOVED, lambda b: b.chapter is not None and len(b.sentences) >= 3,
                     lambda s, b: b.chapter not in (None, s.chapter) and len(b.sentences) >= 2, inside=True)
    if not put:
        return False
    source, index, target, where = put
    sentence = source.sentence(index)
    start, end = source.sentences[index]
    draft.replace(source, source.text[:start] + source.text[end:])
    draft.pending.append(_Pending(MISPLACED, MOVED_ACROSS, where, sentence, source=Where(source.line),
                                  on_topic=_on_topic(sentence, source, target)))
    return True


def _copy_across(draft: _Draft, text: str) -> bool:
    put = _put_stray(draft, text, MIN_COPIED, lambda b: b.chapter is not None,
                     lambda s, b: b.chapter not in (None, s.chapter), inside=False)
    if not put:
        return False
    source, index, target, where = put
    sentence = source.sentence(index)
    # duplicate-sentence reports the later of the two copies, which may be the original.
    later = where if target.line > source.line else Where(source.line)
    draft.pending.append(_Pending(MISPLACED, COPIED_ACROSS, where, sentence, source=Where(source.line),
                                  also=((DUPLICATE_SENTENCE, later),), on_topic=_on_topic(sentence, source, target)))
    return True


def _copy_in_section(draft: _Draft, text: str) -> bool:
    put = _put_stray(draft, text, MIN_COPIED, lambda b: True,
                     lambda s, b: b.section == s.section and b.line > s.line, inside=False)
    if not put:
        return False
    source, index, _, where = put
    draft.pending.append(_Pending(DUPLICATE_SENTENCE, SAME_SECTION, where, source.sentence(index),
                                  source=Where(source.line)))
    return True


def _paste_later(draft: _Draft, source: _Body, copy: str, kind: str, *also_used: _Body) -> bool:
    """Insert *copy* of *source* as a new paragraph after a later body paragraph."""
    anchors = draft.free(lambda b: b.line > source.line)
    if not anchors:
        return False
    where = draft.insert_after(anchors[0], copy)
    draft.pending.append(_Pending(DUPLICATE_PARAGRAPH, kind, where, copy, source=Where(source.line)))
    draft.used |= {source.line, anchors[0].line} | {b.line for b in also_used}
    return True


def _copy_exact(draft: _Draft) -> bool:
    return any(_paste_later(draft, source, source.text, EXACT_COPY) for source in draft.free())


def _short_enough(body: _Body, index: int) -> bool:
    """A sentence whose loss or replacement leaves most of the paragraph: a third at most.
    (The copy keeps MIN_PARAGRAPH characters of its source too.)"""
    start, end = body.sentences[index]
    return (end - start) * 3 <= len(body.text)


def _copy_with_new_lead(draft: _Draft) -> bool:
    # Short lead sentences (加力扩大投资。) stay under duplicate-sentence's threshold.
    donors = draft.free(lambda b: len(b.sentences) >= 2 and _han(b.sentence(0)) <= MAX_LEAD)
    for source in draft.free(lambda b: len(b.sentences) >= 2 and _short_enough(b, 0)):
        lead_end = source.sentences[0][1]
        if len(source.text) - lead_end < MIN_PARAGRAPH:
            continue
        for donor in donors:
            lead = donor.sentence(0)
            if donor is not source and lead != source.sentence(0) and lead.endswith("。"):
                if _paste_later(draft, source, lead + source.text[lead_end:], NEW_LEAD, donor):
                    return True
                break
    return False


def _copy_without_sentence(draft: _Draft) -> bool:
    for source in draft.free(lambda b: len(b.sentences) >= 3):
        choices = [i for i in range(len(source.sentences)) if _short_enough(source, i)
                   and len(source.text) - len(source.sentence(i)) >= MIN_PARAGRAPH]
        if choices:
            start, end = source.sentences[draft.rng.choice(choices)]
            if _paste_later(draft, source, source.text[:start] + source.text[end:], SENTENCE_DROPPED):
                return True
    return False


def _copy_with_changes(draft: _Draft, text: str) -> bool:
    pool = _HAN.findall(text)
    for source in draft.free():
        original = source.text
        # Not next to a repeat: changing one 干 of 干干净净 would leave 净净 doubled.
        repeats = {i for i in range(len(original) - 1) if original[i] == original[i + 1]}
        positions = [i for i, char in enumerate(original) if _HAN.match(char)
                     and not repeats & set(range(i - 2, i + 2))]
        for _ in range(20):
            chars = list(original)
            for i in draft.rng.sample(positions, CHANGED_CHARS):
                # Another character of the same report: a plausible slip of an editor's hand.
                chars[i] = next(c for c in iter(lambda: draft.rng.choice(pool), None) if c != chars[i])
            copy = "".join(chars)
            # No doubled word made by chance (产业创业 → 产业产业): that is another rule's defect.
            if not _repeated_units(copy) - _repeated_units(original):
                if _paste_later(draft, source, copy, CHARS_CHANGED):
                    return True
                break
    return False


def _repeated_units(text: str) -> Counter[str]:
    return Counter(m.group(1) for m in _REPEAT.finditer(text))


def _double(draft: _Draft, kind: str, skipped: list[str]) -> bool:
    """Double a word (or its end) of a body sentence, unless the result reads as real words."""
    dictionary = jieba_words()
    for body in draft.free()[:40]:
        start, end = body.sentences[draft.rng.randrange(len(body.sentences))]
        offset, sites = start, []
        for word in dictionary.lcut(body.text[start:end], HMM=False):
            if _fits(word, kind, dictionary):
                sites.append((offset, word))
            offset += len(word)
        draft.rng.shuffle(sites)
        for at, word in sites:
            unit = word if kind == WHOLE_WORD else word[-1] if kind == LAST_CHAR else word[-2:]
            after = at + len(word)
            before_text, following = body.text[:after], body.text[after:]
            if following.startswith(unit) or (kind == WHOLE_WORD and before_text[:at].endswith(word)):
                continue  # already doubled in the clean text
            reason = reads_as_words(word, unit, following, dictionary)
            if reason:
                skipped.append(f"{kind}: {body.text[max(0, at - 4):at]}[{word}{unit}]{following[:4]} ({reason})")
                continue
            where = draft.replace(body, before_text + unit + following)
            draft.pending.append(_Pending(DOUBLED_WORD, kind, where, word + unit, unit))
            draft.used.add(body.line)
            return True
    return False


def _fits(word: str, kind: str, dictionary) -> bool:
    if not _HAN_WORD.fullmatch(word) or dictionary.FREQ.get(word, 0) <= 0:
        return False
    if kind == IDIOM_TAIL:
        # AABB (扎扎实实) and ABAB forms are reduplications already.
        return (len(word) == 4 and dictionary.tag(word) == _IDIOM_TAG
                and all(a != b for a, b in zip(word, word[1:])) and word[:2] != word[2:])
    return 2 <= len(word) <= 4 and len(set(word)) == len(word)


def reads_as_words(word: str, unit: str, following: str, dictionary) -> str | None:
    """Why *word* with *unit* typed again after it could be correct Chinese, or None."""
    if dictionary.tag(word) == _NUMERAL_TAG:
        return f"{word}{unit} is a reduplicated numeral or classifier"
    freq = dictionary.FREQ
    for form in (word + unit, unit + unit):
        if freq.get(form, 0) > 0:
            return f"{form} is a word"
    run = _HAN_WORD.match(following)
    for k in range(1, len(run.group()) + 1 if run else 0):
        if k + len(unit) > 8:
            break
        if freq.get(unit + following[:k], 0) > 0:
            return f"{unit}{following[:k]} is a word"
    return None


class _Jieba:
    """jieba's segmenter, its word frequencies and its part-of-speech tags."""

    def __init__(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba imports pkg_resources
            import jieba
            import jieba.posseg
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        self.lcut = jieba.lcut
        self.FREQ = jieba.dt.FREQ
        self._tags = jieba.posseg.dt.word_tag_tab

    def tag(self, word: str) -> str | None:
        return self._tags.get(word)


@lru_cache(maxsize=1)
def jieba_words() -> _Jieba:
    return _Jieba()
