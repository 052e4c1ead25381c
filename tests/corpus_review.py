"""The reviewed findings on the real corpus, and what a run adds to them or loses.

Every `.txt` below ../shared/corpus (beside the clone, as in CI) is linted with every
built-in rule. Each finding must stand in `tests/data/corpus-reviewed-<rule>.txt` with a
one-line reason naming the real defect of the published text; anything else is a false
alarm, to be fixed in the rule and never reviewed away. `info` findings count like warnings.

Entry format, one per line (`#` starts a comment line):

    gov-reports/henan_2025.txt:17:RL402  “小巨人企业414家: the closing ” is missing — real defect

Run as a script to print the findings not yet reviewed (with their messages) and the
entries no longer found:

    .venv/bin/python tests/corpus_review.py [RULE ...]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
DATA = Path(__file__).resolve().parent / "data"

Key = tuple[str, int, str]  # (path relative to the corpus, line, code)

# The folders tests/test_corpus.py holds to the reviewed lists: all of them.
GATED = ("gov-reports", "gov-reports-more", "official-docs")


def corpus_files(folders: Iterable[str] | None = None) -> list[Path]:
    files = sorted(CORPUS.rglob("*.txt"), key=lambda p: p.relative_to(CORPUS).as_posix())
    if folders is None:
        return files
    return [p for p in files if p.relative_to(CORPUS).parts[0] in folders]


def reviewed() -> dict[Key, str]:
    """Every reviewed entry with its reason; a malformed line or one without a reason is an error."""
    entries: dict[Key, str] = {}
    for path in sorted(DATA.glob("corpus-reviewed-*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            key, _, reason = line.partition(" ")
            try:
                name, row, code = key.split(":")
                entry = (name, int(row), code)
            except ValueError:
                raise ValueError(f"{path.name}:{number}: expected PATH:LINE:CODE, got {key!r}") from None
            if not reason.strip():
                raise ValueError(f"{path.name}:{number}: {key} has no reason")
            if entry in entries:
                raise ValueError(f"{path.name}:{number}: {key} is listed twice")
            entries[entry] = reason.strip()
    return entries


def lint_corpus(select: Iterable[str] = (), folders: Iterable[str] | None = None):
    """The corpus linted as a user would lint it (the default rule set), one result."""
    from reportlint.api import Overrides, lint_paths

    overrides = Overrides(select=tuple(select) or None)
    return lint_paths([str(p) for p in corpus_files(folders)], overrides, jobs=min(2, os.cpu_count() or 1))


def key_of(finding) -> Key:
    return (Path(finding.path).resolve().relative_to(CORPUS.resolve()).as_posix(), finding.line, finding.code)


def main(argv: list[str]) -> int:
    result = lint_corpus(argv)
    for error in result.errors:
        print("error:", error)
    for file in result.files:
        for crash in file.crashes:
            print("crash:", file.path, crash)
    known = reviewed()
    codes = set(result.rules)  # the rules that ran: entries of the others are not "lost"
    found: dict[Key, list] = {}
    for finding in result.findings:
        found.setdefault(key_of(finding), []).append(finding)
    new = [key for key in found if key not in known]
    lost = [key for key in known if key not in found and key[2] in codes]
    for key in sorted(new):
        for finding in found[key]:
            print(f"NEW  {key[0]}:{key[1]}:{key[2]}  {finding.name} {finding.severity.value}: {finding.message}")
    for key in sorted(lost):
        print(f"LOST {key[0]}:{key[1]}:{key[2]}  {known[key]}")
    print(f"{len(result.findings)} findings, {len(new)} lines not reviewed, {len(lost)} reviewed lines not found")
    return 1 if new or lost or result.errors else 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main(sys.argv[1:]))
