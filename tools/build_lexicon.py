"""Build reportlint's compact lexicon from jieba's dictionary.

jieba's own start-up builds a prefix dictionary of its 349,000 words, about
one second per process: far too slow for a linter run on every save. The
lexicon holds the same words, frequencies and part-of-speech tags, sorted so
that all words starting with one character sit together, plus an index of
where each character's block starts. reportlint reads only the blocks of the
characters it looks up (see reportlint/analysis/lexicon.py).

    python tools/build_lexicon.py            # rewrite reportlint/data/lexicon.*
    python tools/build_lexicon.py --check    # exit 1 if the shipped files differ

Output, both UTF-8:
- lexicon.txt: "word frequency tag" lines (jieba's own format), sorted by word;
- lexicon.idx: first line "total <sum of frequencies>", then one line per first
  character: "<char> <byte offset> <byte length>" of its block in lexicon.txt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "reportlint" / "data"


def jieba_dictionary() -> Path:
    import jieba  # only this build step reads jieba's own files

    return Path(jieba.__file__).parent / "dict.txt"


def build(source: Path) -> tuple[bytes, bytes]:
    entries: dict[str, tuple[int, str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        word, freq, *tag = line.split(" ")
        entries[word] = (int(freq), tag[0] if tag else "x")
    words = sorted(entries)
    text = bytearray()
    index = [f"total {sum(f for f, _ in entries.values())}"]
    block_char, block_start = None, 0
    for word in words:
        if word[0] != block_char:
            if block_char is not None:
                index.append(f"{block_char} {block_start} {len(text) - block_start}")
            block_char, block_start = word[0], len(text)
        freq, tag = entries[word]
        text += f"{word} {freq} {tag}\n".encode()
    index.append(f"{block_char} {block_start} {len(text) - block_start}")
    return bytes(text), ("\n".join(index) + "\n").encode()


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
        path.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
