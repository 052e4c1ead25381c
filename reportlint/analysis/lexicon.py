"""Word knowledge: jieba's dictionary, read lazily, and a segmenter over it.

jieba's own start-up builds a prefix dictionary of all its 349,000 words (about
a second a process). reportlint ships the same dictionary sorted, with an index
of where the words that start with each pair of characters lie
(tools/build_lexicon.py), and reads the words of a pair only when a word
starting with it is looked up: a split of 中国式现代化 reads the words of 中国,
国式, 式现, 现代 and 代化, and the word 化 alone: 508 words, where its six
characters start 3,633. The sample report reaches about 10,000 words (170,000
when each first character's words were read together). The pairs also bound the
split: from 代 it looks as far as the longest word that starts with 代化.

``segment`` is jieba's own method (a DAG of dictionary words, then the most
probable path by word frequency, without jieba's HMM guessing of unknown words)
over a short stretch of text such as a clause.
"""

from __future__ import annotations

import math
import mmap
import re
from bisect import bisect_left
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


class _Region(NamedTuple):
    """Where the words of one first character lie: its region of lexicon.txt starts at *start*;
    its line of lexicon.idx gives the second characters of its words (*seconds*) and, from
    offset *ends*, where the word of one character ends in the region and then the words of
    each second character, *width* digits each."""

    start: int
    seconds: str
    ends: int
    width: int


_NO_REGION = _Region(0, "", 0, 0)


class Lexicon:
    def __init__(self, data: bytes | mmap.mmap, index: bytes | mmap.mmap) -> None:
        """*data*: lexicon.txt; *index*: lexicon.idx (tools/build_lexicon.py), read where it lies:
        a run looks up the few hundred first characters of its text in it, and parsing it
        whole took longer than that (4.5 ms, 2.4 from the user's cache)."""
        self._data, self._index = data, index
        total, firsts, starts, lines = _header_ends(index)
        self.total = int(index[:total].split()[1])
        self._log_total = math.log(self.total)
        # the first characters, sorted; where the offsets of their regions in lexicon.txt and of
        # their lines in lexicon.idx start, and their width; where those lines start
        self._firsts = index[total + 1 : firsts].decode("utf-8")
        self._starts, self._starts_width = firsts + 1, (starts - firsts - 1) // len(self._firsts)
        self._lines, self._lines_width = starts + 1, (lines - starts - 1) // len(self._firsts)
        self._lines_base = lines + 1
        # the words read so far, word -> (frequency, tag, log probability): those of every pair
        # read, and the word of one character of every first character read
        self._words: dict[str, tuple[str, str, float]] = {}
        # every key read so far, a pair or a lone character -> the length of its longest word,
        # at most MAX_WORD (0: none): a split looks no further than that from where it starts
        self._reach: dict[str, int] = {}
        self._regions: dict[str, _Region] = {}
        self._logs: dict[str | None, float] = {}
        self._shared_entries: dict[tuple[str, str], tuple[str, str, float]] = {}

    def _read(self, key: str) -> int:
        """Read the words that start with *key*, a pair of characters (中国: 中国, 中国式, …) or
        a lone character (中: the word 中 alone); the length of the longest, at most MAX_WORD."""
        region = self._regions.get(key[0])
        if region is None:
            region = self._read_region(key[0])
        if len(key) == 1:
            reach = 1
        else:
            at = region.seconds.find(key[1])
            if at < 0:
                reach = 0  # no word starts with the pair: most pairs of a text
            else:
                width = region.width
                ends = region.ends + at * width
                words = self._add(region.start + int(self._index[ends : ends + width]),
                                  region.start + int(self._index[ends + width : ends + width + width]))
                reach = min(MAX_WORD, max(map(len, words)))
                if words[0] == key:  # the pair is a word (it sorts first): one string for both
                    key = words[0]
        self._reach[key] = reach
        return reach

    def _read_region(self, char: str) -> _Region:
        """Where the words of first character *char* lie (its line of lexicon.idx), read once,
        on the first key that starts with it, with the word of one character *char*."""
        at = bisect_left(self._firsts, char)
        if at == len(self._firsts) or self._firsts[at] != char:  # no word starts with the character
            self._regions[char] = _NO_REGION
            return _NO_REGION
        index, width = self._index, self._starts_width
        start = int(index[self._starts + at * width : self._starts + at * width + width])
        width = self._lines_width
        line = self._lines_base + int(index[self._lines + at * width : self._lines + at * width + width])
        space = index.find(b" ", line)
        seconds = index[line:space].decode("utf-8")
        width = (index.find(b"\n", space) - space - 1) // (len(seconds) + 1)
        region = self._regions[char] = _Region(start, seconds, space + 1, width)
        alone = int(index[space + 1 : space + 1 + width])  # where the word of one character ends
        if alone:
            self._add(start, start + alone)
        return region

    def _add(self, start: int, end: int) -> list[str]:
        """Add the words of lexicon.txt[start:end] to those read; the words."""
        fields = self._data[start:end].decode("utf-8").split()
        words = fields[0::3]
        # one tuple for each (frequency, tag) met: most words share theirs with thousands of
        # others ("3", "n"): a tuple for every word made the whole lexicon 67 MiB, not 40
        if len(words) == 1:  # most pairs start one word or a few
            self._words[words[0]] = self._shared_entry((fields[1], fields[2]))
        else:
            keys = list(zip(fields[1::3], fields[2::3]))
            entries = list(map(self._shared_entries.get, keys))
            if None in entries:  # a (frequency, tag) not met before
                entries = [entry or self._shared_entry(key) for key, entry in zip(keys, entries)]
            self._words.update(zip(words, entries))
        return words

    def _shared_entry(self, key: tuple[str, str]) -> tuple[str, str, float]:
        """The one entry of a (frequency, tag), made on first meeting it, with the log
        probability a split scores its words with: looked up with the word, not apart."""
        entry = self._shared_entries.get(key)
        if entry is None:
            entry = self._shared_entries[key] = (*key, self._log_probability_of(key[0]))
        return entry

    def _entry(self, word: str) -> tuple[str, str, float] | None:
        """(frequency, tag, log probability) of *word*, None when it is no word of the lexicon."""
        if not word:
            return None
        key = word[:2]
        if key not in self._reach:
            self._read(key)
        return self._words.get(word)

    def _log_probability_of(self, frequency: str | None) -> float:
        """log(frequency / total), cached by the frequency as the lexicon writes it."""
        found = self._logs.get(frequency)
        if found is None:
            found = self._logs[frequency] = math.log(int(frequency or 0) or 1) - self._log_total
        return found

    def get(self, word: str) -> Entry | None:
        found = self._entry(word)
        return Entry(int(found[0]), found[1]) if found else None

    def __contains__(self, word: str) -> bool:
        return self._entry(word) is not None

    def freq(self, word: str) -> int:
        entry = self.get(word)
        return entry.freq if entry else 0

    def tag(self, word: str) -> str | None:
        entry = self.get(word)
        return entry.tag if entry else None

    def segment(self, text: str) -> list[Token]:
        """The most probable split of *text* into dictionary words (jieba's method)."""
        ends, words = self._best_split(text)[1], self._words
        tokens, start, n = [], 0, len(text)
        while start < n:
            end = ends[start]
            found = words.get(text[start:end])  # read by the split: the words of its first pair
            entry = Entry(int(found[0]), found[1]) if found else None
            if entry is None and text[start].isascii():  # a number or Latin word was scored as unknown
                entry = self.get(text[start:end])
            tokens.append(Token(start, end, text[start:end], entry))
            start = end
        return tokens

    def boundaries(self, text: str) -> list[int]:
        """Where the words of ``segment(text)`` start, then the end of *text*: the same split
        without its tokens, for a caller that reads only where words begin and end (RL504 splits
        every clause with a rare character; making the tokens took a third of the split)."""
        ends, start, cuts = self._best_split(text)[1], 0, [0]
        while start < len(text):
            start = ends[start]
            cuts.append(start)
        return cuts

    def log_probability(self, text: str) -> float:
        """The natural log of the probability of *text*'s most probable split, the measure
        ``segment`` maximises: a sum of log(frequency / total) over its words."""
        return self._best_split(text)[0][0] if text else 0.0

    def _best_split(self, text: str) -> tuple[list[float], list[int]]:
        """scores[i]: the log probability of the best split of text[i:]; ends[i]: where its first
        word ends. Found from the end of *text* backwards in one pass. Of two splits as probable,
        the one with the longer first word is taken (as jieba's max over (probability, end)).
        Two lists of numbers, not a tuple per character with the word's entry: the tuples took a
        quarter of RL504's split, and a caller that wants the entries looks up its few words."""
        n = len(text)
        scores = [0.0] * (n + 1)
        ends = list(range(1, n + 2))  # the character alone, unless a longer word wins below
        words, reaches, unknown = self._words, self._reach, self._log_probability_of(None)
        for start in range(n - 1, -1, -1):
            char = text[start]
            if char.isascii() and (alnum := _ALNUM.match(text, start)):  # a number or a Latin word
                scores[start], ends[start] = unknown + scores[alnum.end()], alnum.end()  # is one token, as in jieba
                continue
            pair = text[start : start + 2]  # the last character alone at the end
            reach = reaches.get(pair)
            if reach is None:
                reach = self._read(pair)  # the words of the pair, and the word of its first character
            entry = words.get(char)
            top = (entry[2] if entry else unknown) + scores[start + 1]
            if reach > 1:  # else no word starts with the pair, as for most pairs of a text
                for end in range(start + 2, min(n, start + reach) + 1):
                    entry = words.get(text[start:end])
                    if entry:
                        score = entry[2] + scores[end]
                        if score >= top:  # ends grow: at a tie the longer word wins
                            top, ends[start] = score, end
            scores[start] = top
        return scores, ends


def _header_ends(index: bytes | mmap.mmap) -> list[int]:
    """Where each of the four lines of lexicon.idx's header ends."""
    ends = [index.find(b"\n")]
    for _ in range(3):
        ends.append(index.find(b"\n", ends[-1] + 1))
    return ends


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, opened once per process on first use."""
    return Lexicon(_mapped(DATA / "lexicon.txt"), _mapped(DATA / "lexicon.idx"))


def _mapped(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, mapped into memory rather than read: a run reads a few thousand places
    of the lexicon's 6.5 MB, and reading the files whole took 3 ms and as many MB of memory. Read
    whole where the file cannot be mapped."""
    try:
        with open(path, "rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file
        return path.read_bytes()


# A paragraph is read as traditional Chinese when at least this share of its Chinese
# characters exist only in traditional writing (國, 這, 們): a simplified text has none but
# the odd name, a traditional one has one in every few characters.
_TRADITIONAL_SHARE = 0.05
_HAN_RUN = LazyPattern(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True)
class _TraditionalTable:
    """OpenCC's characters of traditional writing: what each reads as in simplified writing."""

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
    is traditional), so the class is kept in the user's cache under the table's digest: building
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
