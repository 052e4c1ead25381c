"""Build reportlint's compact lexicon from jieba's dictionary.

jieba's own start-up builds a prefix dictionary of its 349,000 words, about
one second per process: far too slow for a linter run on every save. The
lexicon holds the same words, frequencies and part-of-speech tags, sorted, with
an index of where the words that start with each pair of characters lie.
reportlint reads only the words of the pairs it looks up (see
reportlint/analysis/lexicon.py): the sample report reaches about 10,000 words,
where reading every word of each first character it holds reached 170,000.

    python tools/build_lexicon.py            # rewrite reportlint/data/lexicon.*
    python tools/build_lexicon.py --check    # exit 1 if the shipped files differ

Output, both UTF-8:
- lexicon.txt: "word frequency tag" lines (jieba's own format), sorted by word:
  the words of one first character form its region, where the word of that
  character alone comes first, then the words of each second character in turn;
- lexicon.idx, read where it lies, without parsing it whole:
  - "total <sum of frequencies>";
  - the first characters, sorted, on one line;
  - for each, the byte offset of its region in lexicon.txt, and then the byte
    offset of its line below (counted from the first of those lines), on two
    lines of numbers of one width each, zero-padded, so that the n-th is read
    alone;
  - for each first character, one line "<seconds> <ends>": the second
    characters of its words, in order, then, with as many digits each as the
    region's length has, where in the region the word of one character ends
    (0: there is none) and then where the words of each second character end.
"""

from __future__ import annotations

import argparse
import os
import sys
from itertools import groupby
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "reportlint" / "data"


def jieba_dictionary() -> Path:
    import jieba  # only this build step reads jieba's own files

    return Path(jieba.__file__).parent / "dict.txt"


def read_entries(source: Path) -> dict[str, tuple[int, str]]:
    entries: dict[str, tuple[int, str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        word, freq, *tag = line.split(" ")
        assert word and not any(char.isspace() for char in word), line  # the lexicon is read with str.split
        entries[word] = (int(freq), tag[0] if tag else "x")
    return entries


def region_line(words: list[str], lines: list[bytes]) -> str:
    """The line of lexicon.idx for the words of one first character (sorted) and their lines
    of lexicon.txt: its second characters, then where in its region the word of one character
    ends (0: there is none) and the words of each second character end."""
    single = len(lines[0]) if len(words[0]) == 1 else 0  # the word of one character sorts first
    seconds, ends, end = [], [single], single
    for second, group in groupby(zip(words, lines), key=lambda pair: pair[0][1:2]):
        if second:
            seconds.append(second)
            end += sum(len(line) for _, line in group)
            ends.append(end)
    return f"{''.join(seconds)} {fixed_width(ends)}\n"  # the ends grow: the last is the widest


def fixed_width(numbers: list[int]) -> str:
    width = len(str(max(numbers)))
    return "".join(str(number).zfill(width) for number in numbers)


def build(source: Path) -> tuple[bytes, bytes]:
    entries = read_entries(source)
    text, firsts, starts, region_lines, line_starts, at = bytearray(), [], [], [], [], 0
    for first, group in groupby(sorted(entries), key=lambda word: word[0]):
        words = list(group)
        lines = [f"{word} {entries[word][0]} {entries[word][1]}\n".encode() for word in words]
        line = region_line(words, lines).encode()
        firsts.append(first)
        starts.append(len(text))
        line_starts.append(at)
        region_lines.append(line)
        text += b"".join(lines)
        at += len(line)
    header = [f"total {sum(f for f, _ in entries.values())}", "".join(firsts), fixed_width(starts),
              fixed_width(line_starts)]
    return bytes(text), ("\n".join(header) + "\n").encode() + b"".join(region_lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files, write nothing")
    args = parser.parse_args()
    text, index = build(jieba_dictionary())
    targets = {DATA / "lexicon.txt": text, DATA / "lexicon.idx": index}
    if args.check:
        stale = [path.name for path, data in targets.items() if not path.exists() or path.read_bytes() != data]
        if stale:
            print(f"stale: {', '.join(stale)}; run python tools/build_lexicon.py", file=sys.stderr)
            return 1
        return 0
    for path, data in targets.items():
        # a new file put in the old one's place, not the old one rewritten: a running reportlint
        # (the language server) has it mapped into memory, and would read the new bytes half-way
        temporary = path.with_name(path.name + ".new")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
