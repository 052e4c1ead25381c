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
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import qualitybench  # noqa: E402
from inject_figures import CONTROLS, KINDS, RULES, inject, sites  # noqa: E402


class Bench(qualitybench.LineScoredBench):
    TARGET = (0.9, 0.95)  # recall, precision: every rule

    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        super().__init__(rules, options)
        self.distinct: dict[str, set[str]] = defaultdict(set)  # sites actually used, per kind

    def count_sites(self, clean: str) -> dict[str, int]:
        return sites(clean)

    def inject(self, clean: str, rng, avoid: frozenset[int]):
        return inject(clean, rng, avoid)

    def note(self, name: str, injected) -> None:
        for injection in injected.injections:
            self.distinct[injection.kind].add(f"{name}:{injection.site}")

    def report(self, corpus: Path, seed: int, versions: int, examples: int) -> bool:
        """Print the table and examples; whether every present rule meets its target."""
        missing = [r for r in RULES if r not in self.rules]
        print(f"corpus: {corpus} (seed {seed}, {versions} injected versions per document)")
        if missing:
            print(f"not registered yet, left out (injections counted, not scored): {', '.join(missing)}")
        print(f"\n{'rule / kind of defect':<48} {'sites':>5} {'used':>5} {'injected':>8} {'found':>6} {'false':>6} "
              f"{'recall':>7} {'precision':>9}  target")
        all_met = True
        no_sites = f"{'':>5} {'':>5}"
        for rule in RULES:
            scored = rule in self.rules
            met = self.row(rule, self.by_rule[rule], scored, scored, no_sites, 48)
            for kind in KINDS[rule]:
                used = f"{self.sites[kind]:>5} {len(self.distinct[kind]):>5}"
                self.row(f"  {kind}", self.by_kind[kind], scored, False, used, 48)
            for kind in CONTROLS[rule]:
                tally = self.controls[kind]
                flagged = f"{tally.found:>6} {tally.false:>6}" if scored else f"{'-':>6} {'-':>6}"
                print(f"  {'consistent: ' + kind:<46} {'':>5} {'':>5} {tally.injected:>8} {flagged}"
                      f"{'':>8} {'':>9}  must stay silent")
            all_met &= met
        print("\nsites: distinct sites the corpus offers (summed over reports); used: those the versions drew;"
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
