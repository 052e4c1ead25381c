"""Detection quality of the figure rules on real reports with injected defects.

Takes the clean corpus (../shared/corpus/gov-reports by default) and, with a
fixed seed, makes --per-doc injected versions of each report, each with at
most one defect of every kind that bench/inject_figures.py knows (counts that
disagree with their list or with the sections they announce, 分别 with one
value too many or too few, an indicator stated twice with two values, a part
larger than its whole, a share past 100%). It prints recall and precision per
rule and per kind of defect, with the number of distinct sites the corpus
offers for each kind, then the misses and the false findings with their text.

A finding is true when it lies on a line where its rule's defect was injected
(for conflicting-figure: on either of the two statements). Every other finding
of the five rules is false, except those the clean report already has (its
real defects, matched by rule and text), which count neither way. False
findings cannot be told apart by kind, so precision is per rule.

Each version also carries consistent edits of the same kinds of sites (an item
added with the count raised, a subject added with a value after 分别, a
sentence copied with its figure unchanged, a value within a restated 以上, a
part made smaller, a share set to 100%, a growth past 100%): their rule must
stay silent on them, and the table shows how many it flagged (those findings
are among the false ones).

    python bench/quality_figures.py [--corpus DIR] [--seed N] [--per-doc N] [--examples N] [--strict]
        [--option RULE.KEY=VALUE]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import inject_figures  # noqa: E402
import qualitybench  # noqa: E402
from inject_figures import RULES  # noqa: E402


class Bench(qualitybench.InjectorBench):
    INJECTOR = inject_figures
    TARGET = (0.9, 0.95)  # recall, precision: every rule
    WIDTH = 48


def main() -> int:
    return qualitybench.main(__doc__, RULES, Bench)


if __name__ == "__main__":
    sys.exit(main())
