"""Detection quality of the convention rules on real reports with injected defects:
punctuation-width, unmatched-pair, repeated-punctuation, numbering-sequence and
confusable-word.

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
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import qualitybench  # noqa: E402
from inject_conventions import KINDS, RULES, Injection, inject, sites  # noqa: E402
from qualitybench import Tally, clip, describe_false, line_starts, overlaps  # noqa: E402

TARGET = (0.95, 0.95)  # recall, precision: every rule


class Bench(qualitybench.QualityBench):
    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        super().__init__(rules, options)
        self.by_rule: dict[str, Tally] = defaultdict(Tally)
        self.by_kind: dict[str, Tally] = defaultdict(Tally)
        self.sites: Counter[str] = Counter()

    def survey(self, name: str, clean: str) -> None:
        self.sites.update(sites(clean))

    def inject(self, clean: str, rng, avoid: frozenset[int]):
        return inject(clean, rng, avoid)

    def score(self, name: str, injected, found: list) -> None:
        text, injections = injected.text, injected.injections
        lines = text.split("\n")
        starts = line_starts(lines)
        at: dict[tuple[str, int], Injection] = {}
        for injection in injections:
            at[(injection.rule, injection.line)] = injection
            for rule, line in injection.also:
                at.setdefault((rule, line), injection)
        reported: set[int] = set()
        for finding in found:
            injection = at.get((finding.name, finding.line))
            if injection:
                reported.add(id(injection))
                if finding.line == injection.line and not overlaps(lines, starts, finding, injection):
                    self.flag_off_target(name, text, finding, injection)
                self.by_rule[finding.name].true += 1
                self.by_kind[injection.kind].true += 1
            else:
                self.by_rule[finding.name].false += 1
                self.falses[finding.name].append(_describe_false(name, finding, text, injections))
        for injection in injections:
            for tally in (self.by_rule[injection.rule], self.by_kind[injection.kind]):
                tally.injected += 1
                tally.found += id(injection) in reported
            if injection.rule in self.rules and id(injection) not in reported:
                self.misses[injection.rule].append(_describe_miss(name, lines, injection))

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
            all_met &= self._row(rule, self.by_rule[rule], scored, whole_rule=True)
            for kind in KINDS[rule]:
                self._row(f"  {kind}", self.by_kind[kind], scored, whole_rule=False, site_count=self.sites[kind])
        print("\nsites: paragraphs (for numbering: runs of siblings) of the clean reports that could take the kind")
        if self.unplaced:
            print("no free site in some versions (kind: versions without it): "
                  + ", ".join(f"{k}: {n}" for k, n in sorted(self.unplaced.items())))
        self.print_findings(examples)
        return all_met

    def _row(self, label: str, tally: Tally, scored: bool, whole_rule: bool, site_count: int | None = None) -> bool:
        precision = f"{tally.precision():>9.3f}" if whole_rule else f"{'':>9}"
        false = f"{tally.false:>6}" if whole_rule else f"{'':>6}"
        site_text = f"{site_count:>6}" if site_count is not None else f"{'':>6}"
        if not scored:
            print(f"{label:<44} {site_text} {tally.injected:>8} {'-':>6} {'-':>6} {'-':>7} {'-':>9}")
            return True
        verdict, met = "", True
        if whole_rule:
            met = tally.recall() >= TARGET[0] and (tally.true + tally.false == 0 or tally.precision() >= TARGET[1])
            verdict = f"R>={TARGET[0]} P>={TARGET[1]}: {'met' if met else 'MISSED'}"
        print(f"{label:<44} {site_text} {tally.injected:>8} {tally.found:>6} {false} {tally.recall():>7.3f} "
              f"{precision}  {verdict}")
        return met


def _describe_miss(name: str, lines: list[str], injection: Injection) -> str:
    line = lines[injection.line - 1]
    at = line.find(injection.text)
    context = f"…{line[max(0, at - 16):at]}[{clip(injection.text, 60)}]{line[at + len(injection.text):][:12]}…"
    return f"{name}:{injection.line}: {injection.kind}: {clip(context, 120)} (was {clip(injection.original, 40)})"


def _describe_false(name: str, finding, text: str, injections: list[Injection]) -> str:
    on = [i for i in injections if finding.line == i.line or finding.line in (n for _, n in i.also)]
    where = f" [on the line of {on[0].rule} {on[0].kind}]" if on else ""
    return describe_false(name, finding, text, where)


def main() -> int:
    return qualitybench.main(
        __doc__, RULES, Bench,
        per_doc_help="injected versions per document, each with at most one defect of every kind",
        option_help="a rule option, as in the config")


if __name__ == "__main__":
    sys.exit(main())
