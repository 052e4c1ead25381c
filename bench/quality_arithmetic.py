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
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import qualitybench  # noqa: E402
from inject_arithmetic import CONTROLS, KINDS, RULES, inject, sites  # noqa: E402


class Bench(qualitybench.LineScoredBench):
    TARGET = (0.9, 0.97)  # recall, precision: every rule (issue 16)

    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        super().__init__(rules, options)
        self.distinct: dict[str, set[str]] = defaultdict(set)

    def count_sites(self, clean: str) -> dict[str, int]:
        return sites(clean)

    def inject(self, clean: str, rng, avoid: frozenset[int]):
        return inject(clean, rng, avoid)

    def note(self, name: str, injected) -> None:
        for injection in injected.injections:
            self.distinct[injection.kind].add(f"{name}:{injection.site}")

    def report(self, corpus: Path, seed: int, versions: int, examples: int) -> bool:
        print(f"corpus: {corpus} (seed {seed}, {versions} injected versions per document)")
        print(f"\n{'rule / kind of defect':<44} {'sites':>5} {'used':>5} {'injected':>8} {'found':>6} {'false':>6} "
              f"{'recall':>7} {'precision':>9}  target")
        all_met = True
        for rule in RULES:
            scored = rule in self.rules
            met = self.row(rule, self.by_rule[rule], scored, scored, f"{'':>5} {'':>5}", 44)
            for kind in KINDS[rule]:
                used = f"{self.sites[kind]:>5} {len(self.distinct[kind]):>5}"
                self.row(f"  {kind}", self.by_kind[kind], scored, False, used, 44)
            for kind in CONTROLS[rule]:
                tally = self.controls[kind]
                flagged = f"{tally.found:>6} {tally.false:>6}" if scored else f"{'-':>6} {'-':>6}"
                print(f"  {'consistent: ' + kind:<42} {'':>5} {'':>5} {tally.injected:>8} {flagged}"
                      f"{'':>8} {'':>9}  must stay silent")
            all_met &= met
        print("\nsites: sites the corpus offers (summed over reports); used: distinct ones the versions drew;"
              "\nconsistent: edits the rule must leave alone, found = how many it flagged (counted false)")
        self.print_unplaced()
        self.print_findings(examples)
        return all_met


def main() -> int:
    return qualitybench.main(
        __doc__, RULES, Bench,
        per_doc_help="injected versions per document, each with at most one defect of every kind",
        option_help="a rule option, as in the config")


if __name__ == "__main__":
    sys.exit(main())
