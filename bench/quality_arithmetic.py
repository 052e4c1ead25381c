"""Detection quality of the arithmetic and number-form rules on real reports with injected defects.

Takes the clean corpus (../shared/corpus/gov-reports by default) and, with a fixed seed,
makes --per-doc injected versions of each report, each with at most one defect of every kind
that bench/inject_arithmetic.py knows (a growth its figures do not give, points stated in %,
a fall in 倍, a structure off 100, a bound said twice, a range that drops its first magnitude,
an impossible day, a wrong weekday) and one consistent twin of each, which its rule must
leave alone. It prints recall and precision per rule and per kind, then the misses and the
false findings with their text.

A finding is true when it lies on a line where its rule's defect was injected; every other
finding of the six rules is false, except those the clean report already has.

    python bench/quality_arithmetic.py [--corpus DIR] [--seed N] [--per-doc N] [--examples N] [--strict]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import inject_arithmetic  # noqa: E402
import qualitybench  # noqa: E402
from inject_arithmetic import RULES  # noqa: E402


class Bench(qualitybench.InjectorBench):
    INJECTOR = inject_arithmetic
    TARGET = (0.9, 0.97)  # recall, precision: every rule (issue 16)
    WIDTH = 44


def main() -> int:
    return qualitybench.main(__doc__, RULES, Bench)


if __name__ == "__main__":
    sys.exit(main())
