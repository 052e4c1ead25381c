"""Inject homophone slips (RL504) into real text: one character of a frequent word typed as
another character of the same syllable, as a pinyin input method offers it.

A report in, and versions of it out, each with a few slips in distinct body paragraphs, with
where each slip is (its offset in the text) and the word it came from. A site is a word of the
report's own text, as the shipped lexicon splits it: two to four Chinese characters, a frequent
word of RL504's table (tools/build_homophones.py), no name (tags nr, ns, nt, nz). The typed
character is drawn from the common characters of the meant one's syllable (any tone):

- ``ime`` (the default): weighted by how common each character is, as an input method lists
  the commoner characters of a syllable first;
- ``uniform``: each of them alike.

A draw that gives a word (权力 for 权利: a real-word error, which RL504 by design does not
judge), or a sequence RL501's pack names, is drawn again; a site with no such character is
skipped. The result is seeded by the seed and the report's name: the same command gives the
same slips.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass

from reportlint.analysis.lexicon import lexicon
from reportlint.analysis.sounds import sounds
from reportlint.text.parse import parse_text

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_NAME_TAGS = ("nr", "ns", "nt", "nz")


@dataclass(frozen=True)
class Slip:
    offset: int  # of the typed character in the version's text
    word: str  # the word it came from
    typed: str  # the character typed in place of the word's one
    at: int  # its place in the word


def _sites(text: str) -> list[list[tuple[int, str]]]:
    """Per body paragraph, (offset in *text*, word) of each word a slip can be made in."""
    doc = parse_text(text, "report.txt")
    words, table = lexicon(), sounds()
    result = []
    for paragraph in doc.paragraphs:
        if paragraph.kind != "text":
            continue
        sites = []
        for run in _HAN_RUN.finditer(paragraph.text):
            for token in words.segment(run.group()):
                if (2 <= len(token.text) <= 4 and token.text in table.frequent_words and token.entry
                        and not token.entry.tag.startswith(_NAME_TAGS)):
                    start = paragraph.span(run.start() + token.start, run.start() + token.end).start
                    if text[start : start + len(token.text)] == token.text:  # no markup inside
                        sites.append((start, token.text))
        if sites:
            result.append(sites)
    return result


def _typed(rng: random.Random, word: str, at: int, weighting: str) -> str | None:
    """A common character of the syllable of word[at], not word[at], that makes no word."""
    table, words = sounds(), lexicon()
    syllable = table.reading(word)[at][:-1]
    # typed by its usual reading, as an input method lists it first there (于 is yu, not xu)
    choices = [c for c in table.characters_of(syllable) if c != word[at] and table.readings[c][0][:-1] == syllable]
    weights = [table.use[c] if weighting == "ime" else 1 for c in choices]
    for _ in range(8):
        if not choices:
            return None
        typed = rng.choices(choices, weights)[0]
        found = word[:at] + typed + word[at + 1 :]
        if found not in words and found not in table.known:
            return typed
    return None


def inject(text: str, name: str, seed: int, versions: int, per_version: int = 3,
           weighting: str = "ime") -> list[tuple[str, list[Slip]]]:
    """*versions* copies of *text*, each with up to *per_version* slips in distinct paragraphs."""
    rng = random.Random(zlib.crc32(f"{seed}:{name}".encode()))
    paragraphs = _sites(text)
    result = []
    for _ in range(versions):
        chosen = rng.sample(paragraphs, min(per_version, len(paragraphs)))
        slips = []
        for sites in chosen:
            offset, word = rng.choice(sites)
            at = rng.randrange(len(word))
            typed = _typed(rng, word, at, weighting)
            if typed:
                slips.append(Slip(offset + at, word, typed, at))
        version = list(text)
        for slip in slips:
            version[slip.offset] = slip.typed
        result.append(("".join(version), slips))
    return result
