"""Word knowledge: jieba's dictionary, read lazily, and a segmenter over it.

jieba's own start-up builds a prefix dictionary of all its 349,000 words (about
a second a process). reportlint ships the same dictionary re-sorted so that the
words starting with one character form one block (tools/build_lexicon.py), and
parses a block only when a word starting with that character is looked up: a
check that looks at a few dozen places in a report reads a few dozen blocks.

``segment`` is jieba's own method (a DAG of dictionary words, then the most
probable path by word frequency, without jieba's HMM guessing of unknown words)
over a short stretch of text such as a clause.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .. import cache
from ..text.lazy_regex import LazyPattern
from ..text.pattern_store import compile_pattern

#: The data shipped in the package (reportlint/data), found beside the code: a wheel is always
#: unpacked, and importlib.resources would cost a run 10-15 ms of imports (zipfile, tempfile).
DATA = Path(__file__).resolve().parent.parent / "data"

# Longest stretch looked up as one word; jieba's dictionary has longer entries,
# but no segmentation decision here depends on them.
MAX_WORD = 12
_ALNUM = LazyPattern(r"[A-Za-z0-9]+(?:\.[0-9]+)?")


# Named tuples, not dataclasses: a report is split into a few hundred thousand tokens, and one
# is made in two thirds of a frozen dataclass's time (0.33 against 0.50 µs here).
class Entry(NamedTuple):
    freq: int
    tag: str


class Token(NamedTuple):
    start: int
    end: int
    text: str
    entry: Entry | None  # None: not a dictionary word (a single unknown character, digits)


class Lexicon:
    def __init__(self, data: bytes, index: tuple[int, dict[str, tuple[int, int]]]) -> None:
        """*data*: lexicon.txt; *index*: its total frequency and each block's place (read_index)."""
        self._data = data
        self.total, self._blocks = index
        self._log_total = math.log(self.total)
        self._parsed: dict[str, dict[str, tuple[str, str]]] = {}
        self._longest: dict[str, int] = {}
        self._logs: dict[str | None, float] = {}
        self._shared_entries: dict[tuple[str, str], tuple[str, str]] = {}

    def _block(self, char: str) -> dict[str, tuple[str, str]]:
        """word -> (frequency, tag) for the words starting with *char*, parsed on first use."""
        block = self._parsed.get(char)
        if block is None:
            offset, length = self._blocks.get(char, (0, 0))
            fields = self._data[offset : offset + length].decode("utf-8").split()
            entries = list(zip(fields[1::3], fields[2::3]))
            # one tuple for each (frequency, tag) met: most words share theirs with thousands of
            # others ("3", "n"): a tuple for every word made the whole lexicon 67 MiB, not 40
            shared = self._shared_entries
            block = self._parsed[char] = dict(zip(fields[0::3], map(shared.setdefault, entries, entries)))
            # the longest word of the block, at most MAX_WORD: a split looks no further from this character
            self._longest[char] = min(MAX_WORD, max(map(len, fields[0::3]), default=1))
        return block

    def _log_probability_of(self, frequency: str | None) -> float:
        """log(frequency / total), cached by the frequency as the lexicon writes it."""
        found = self._logs.get(frequency)
        if found is None:
            found = self._logs[frequency] = math.log(int(frequency or 0) or 1) - self._log_total
        return found

    def get(self, word: str) -> Entry | None:
        found = self._block(word[0]).get(word) if word else None
        return Entry(int(found[0]), found[1]) if found else None

    def __contains__(self, word: str) -> bool:
        return bool(word) and self._block(word[0]).get(word) is not None

    def freq(self, word: str) -> int:
        entry = self.get(word)
        return entry.freq if entry else 0

    def tag(self, word: str) -> str | None:
        entry = self.get(word)
        return entry.tag if entry else None

    def segment(self, text: str) -> list[Token]:
        """The most probable split of *text* into dictionary words (jieba's method)."""
        best = self._best_split(text)
        tokens, start, n = [], 0, len(text)
        while start < n:
            _, end, found = best[start]  # the entry the path was scored with
            entry = Entry(int(found[0]), found[1]) if found else None
            if entry is None and text[start].isascii():  # a number or Latin word was scored as unknown
                entry = self.get(text[start:end])
            tokens.append(Token(start, end, text[start:end], entry))
            start = end
        return tokens

    def log_probability(self, text: str) -> float:
        """The natural log of the probability of *text*'s most probable split, the measure
        ``segment`` maximises: a sum of log(frequency / total) over its words."""
        return self._best_split(text)[0][0] if text else 0.0

    def _best_split(self, text: str) -> list[tuple[float, int, tuple[str, str] | None]]:
        """best[i]: the log probability of the best split of text[i:], the end of its first
        token and that token's entry, found from the end of *text* backwards in one pass.
        Of two splits as probable, the one with the longer first token is taken (as jieba's
        max over (probability, end))."""
        n = len(text)
        best: list[tuple[float, int, tuple[str, str] | None]] = [(0.0, n, None)] * (n + 1)
        parsed, longest, logs, log_of = self._parsed, self._longest, self._logs, self._log_probability_of
        for start in range(n - 1, -1, -1):
            char = text[start]
            alnum = _ALNUM.match(text, start) if char.isascii() else None
            if alnum:  # a number or a Latin word is one token, as in jieba
                best[start] = (log_of(None) + best[alnum.end()][0], alnum.end(), None)
                continue
            block = parsed.get(char)
            if block is None:
                block = self._block(char)
            entry = block.get(char)
            top = (log_of(entry[0] if entry else None) + best[start + 1][0], start + 1, entry)
            for end in range(start + 2, min(n, start + longest[char]) + 1):
                entry = block.get(text[start:end])
                if entry:
                    log = logs.get(entry[0])
                    score = (log if log is not None else log_of(entry[0])) + best[end][0]
                    if score >= top[0]:  # ends grow: at a tie the longer token wins
                        top = (score, end, entry)
            best[start] = top
        return best


def read_index(text: str) -> tuple[int, dict[str, tuple[int, int]]]:
    """lexicon.idx: the total frequency, and char -> (offset, length) of its block."""
    header, _, blocks = text.partition("\n")
    fields = blocks.split()  # char, offset, length, char, offset, length, ...
    return int(header.split()[1]), dict(zip(fields[0::3], zip(map(int, fields[1::3]), map(int, fields[2::3]))))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read once per process on first use. Its index is kept in the user's
    cache (reportlint.cache) under the index's text: reading it takes about 15 ms, reading
    that back about one."""
    text = (DATA / "lexicon.idx").read_text(encoding="utf-8")
    index = cache.kept("lexicon-index", text, lambda: read_index(text), tuple)
    return Lexicon((DATA / "lexicon.txt").read_bytes(), index)


# A paragraph is read as traditional Chinese when at least this share of its Chinese
# characters exist only in traditional writing (國, 這, 們): a simplified text has none but
# the odd name, a traditional one has one in every few characters.
_TRADITIONAL_SHARE = 0.05
_HAN_RUN = LazyPattern(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True)
class _TraditionalTable:
    to_simplified: dict[int, str]  # for str.translate: one character for one, offsets kept
    only_traditional: frozenset[str]  # characters that are never simplified (not 於, 乾)


@lru_cache(maxsize=1)
def _traditional_table() -> _TraditionalTable:
    """OpenCC's character table, shipped as data/t2s.txt (tools/build_t2s.py)."""
    text = (DATA / "t2s.txt").read_text(encoding="utf-8")
    mapping, only = {}, set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        traditional, simplified, *ambiguous = line.split("\t")
        mapping[ord(traditional)] = simplified
        if not ambiguous:
            only.add(traditional)
    return _TraditionalTable(mapping, frozenset(only))


def _only_traditional_chars(table: _TraditionalTable) -> str:
    """The characters only traditional writing uses, of those that ``_HAN_RUN`` counts as
    Chinese (not the rare ones beyond U+FFFF, which it does not count), in order."""
    return "".join(sorted(char for char in table.only_traditional if _HAN_RUN.fullmatch(char)))


@lru_cache(maxsize=1)
def _only_traditional() -> re.Pattern[str]:
    """Those characters as one class. Every run asks for it (RL201 and RL504 ask whether a text
    is traditional), so the class is kept in the user's cache under the table's text: building
    the whole table to take it out costs 4 ms."""
    key = cache.digest((DATA / "t2s.txt").read_bytes())
    chars = cache.kept("traditional-only", key, lambda: _only_traditional_chars(_traditional_table()), str)
    return compile_pattern(f"[{chars}]")


def is_traditional(text: str) -> bool:
    """Whether *text* is written in traditional characters (共和國國務院), by its share of
    characters that only traditional writing uses."""
    # A scan of the text for the first of them: nearly every text has none, and then nothing is
    # counted (a scan is 20 times as fast as str.translate, which looks up every character; a
    # list of the characters one by one cost 80 bytes each, 700 MB for a 50 MB report).
    only_traditional = _only_traditional()
    if only_traditional.search(text) is None:
        return False
    only = sum(1 for _ in only_traditional.finditer(text))
    han = sum(run.end() - run.start() for run in _HAN_RUN.finditer(text))
    return only >= _TRADITIONAL_SHARE * han


def simplified(text: str) -> str:
    """*text* with each traditional character replaced by its simplified form (共和國國務院 →
    共和国国务院), character for character, so that offsets into it stay those of *text*.
    Only for text that `is_traditional`: 於 and 乾 are simplified characters too."""
    return text.translate(_traditional_table().to_simplified)
