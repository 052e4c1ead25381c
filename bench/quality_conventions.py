"""Detection quality of the convention rules on real reports with injected defects:
punctuation-width, unmatched-pair, repeated-punctuation, numbering-sequence,
confusable-word, placeholder, serial-number-form, punctuation-usage, redundancy and
abbreviation-consistency.

Takes the clean corpus (../shared/corpus/gov-reports by default) and, with a
fixed seed, makes --per-doc injected versions of each report, each with at
most one defect of every kind that bench/inject_conventions.py knows (a stray
ASCII mark in a full-width report, a deleted closing mark, a doubled or
clashing mark, a skipped or repeated outline number, a known misspelling). It
prints recall and precision per rule and per kind of defect, with the number
of sites the corpus offers for each kind, then the misses and the false
findings with their text.

A finding is true when it lies on a line where its rule's defect was injected
(for a repeated number, also on the next sibling's line). Every other finding
of the five rules is false, except those the clean report already has (its
real defects, matched by rule and text), which count neither way.

    python bench/quality_conventions.py [--corpus DIR] [--seed N] [--per-doc N] [--examples N] [--strict]
        [--option RULE.KEY=VALUE]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import qualitybench  # noqa: E402
from inject_conventions import KINDS, RULES, inject, sites  # noqa: E402


class Bench(qualitybench.LineScoredBench):
    TARGET = (0.95, 0.95)  # recall, precision: every rule
    # a content rule, whose false alarm costs more than a miss: precision first
    TARGETS = {"abbreviation-consistency": (0.9, 0.97)}

    def count_sites(self, clean: str) -> dict[str, int]:
        return sites(clean)

    def inject(self, clean: str, rng, avoid: frozenset[int]):
        return inject(clean, rng, avoid)

    def report(self, corpus: Path, seed: int, versions: int, examples: int) -> bool:
        """Print the table and examples; whether every present rule meets the target."""
        missing = [r for r in RULES if r not in self.rules]
        print(f"corpus: {corpus} (seed {seed}, {versions} injected versions per document)")
        if missing:
            print(f"not registered yet, left out (injections counted, not scored): {', '.join(missing)}")
        print(f"\n{'rule / kind of defect':<44} {'sites':>6} {'injected':>8} {'found':>6} {'false':>6} "
              f"{'recall':>7} {'precision':>9}  target")
        all_met = True
        for rule in RULES:
            scored = rule in self.rules
            all_met &= self.row(rule, self.by_rule[rule], scored, True, f"{'':>6}", 44)
            for kind in KINDS[rule]:
                self.row(f"  {kind}", self.by_kind[kind], scored, False, f"{self.sites[kind]:>6}", 44)
        print("\nsites: paragraphs (for numbering: runs of siblings) of the clean reports that could take the kind")
        self.print_unplaced()
        self.print_findings(examples)
        return all_met


def main() -> int:
    return qualitybench.main(__doc__, RULES, Bench)


if __name__ == "__main__":
    sys.exit(main())
