"""Detection quality of the repetition rules on real reports with injected defects.

Takes the clean corpus (../shared/corpus/gov-reports by default) and, with a
fixed seed, makes --per-doc injected versions of each report, each with one
defect of every kind that bench/inject_repetition.py knows (doubled words,
copied and nearly copied paragraphs, sentences copied within a section or into
another chapter, sentences moved to another chapter). It prints recall and
precision per rule and per kind of defect, then the misses and the false
findings with their text.

A finding is true when it lies on a line where its rule's defect was injected,
or where the injection makes it legitimate too (duplicate-sentence on the later
copy of a sentence copied into another chapter). Every other finding of the
four rules is false, except those the clean report already has (its real
defects, matched by rule and text), which count neither way.

misplaced-fragment's precision is split by what the rule reported: a false
finding whose text also stands on another line counts against copied
fragments, any other against moved ones. Its recall is shown as well for the
injections that land in a paragraph sharing as many of their words as the one
they come from: placements no topic model can tell from the right ones.

    python bench/quality_repetition.py [--corpus DIR] [--seed N] [--per-doc N] [--examples N] [--strict]
        [--option misplaced-fragment.moved-sentences=true]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import qualitybench  # noqa: E402
from inject_repetition import COPIED_ACROSS, KINDS, MISPLACED, MOVED_ACROSS, RULES, Injection, inject  # noqa: E402
from qualitybench import Tally, clip, describe_false, line_starts, overlaps, span_text  # noqa: E402

#: (rule, kind or None for the whole rule): (recall, precision) it must reach
TARGETS = {
    ("doubled-word", None): (0.95, 0.95),
    ("duplicate-paragraph", None): (0.95, 0.95),
    ("duplicate-sentence", None): (0.95, 0.95),
    (MISPLACED, COPIED_ACROSS): (0.95, 0.95),
    (MISPLACED, MOVED_ACROSS): (0.6, 0.9),
}


class Bench(qualitybench.QualityBench):
    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        super().__init__(rules, options)
        self.by_rule: dict[str, Tally] = defaultdict(Tally)
        self.by_kind: dict[tuple[str, str], Tally] = defaultdict(Tally)
        #: misplaced-fragment injections that land among words of their own topic
        self.on_topic: dict[str, Tally] = defaultdict(Tally)
        self.extra_true: Counter[tuple[str, str]] = Counter()  # legitimate findings of another rule
        self.skipped: list[str] = []

    def inject(self, clean: str, rng, avoid: frozenset[int]):
        return inject(clean, rng, avoid)

    def note(self, name: str, injected) -> None:
        self.skipped += [f"{name}: {s}" for s in injected.skipped]

    def score(self, name: str, injected, found: list) -> None:
        text, injections = injected.text, injected.injections
        lines = text.split("\n")
        starts = line_starts(lines)
        at = {(i.rule, i.line): i for i in injections if i.rule in self.rules}
        legit = {(rule, line): i for i in injections for rule, line in i.also}
        reported: set[int] = set()
        for finding in found:
            injection = at.get((finding.name, finding.line))
            if injection:
                reported.add(id(injection))
                if not overlaps(lines, starts, finding, injection):
                    self.flag_off_target(name, text, finding, injection)
                self.by_rule[finding.name].true += 1
                self.by_kind[(finding.name, injection.kind)].true += 1
            elif (finding.name, finding.line) in legit:
                self.by_rule[finding.name].true += 1
                self.extra_true[(finding.name, legit[(finding.name, finding.line)].kind)] += 1
            else:
                self.by_rule[finding.name].false += 1
                if finding.name == MISPLACED:
                    self.by_kind[(MISPLACED, _misplaced_mode(lines, finding, text))].false += 1
                self.falses[finding.name].append(_describe_false(name, lines, finding, text, injections))
        for injection in injections:
            if injection.rule not in self.rules:
                continue
            tallies = [self.by_rule[injection.rule], self.by_kind[(injection.rule, injection.kind)]]
            if injection.on_topic:
                tallies.append(self.on_topic[injection.kind])
            for tally in tallies:
                tally.injected += 1
                tally.found += id(injection) in reported
            if id(injection) not in reported:
                self.misses[injection.rule].append(_describe_miss(name, lines, injection))

    def report(self, corpus: Path, seed: int, versions: int, examples: int) -> bool:
        """Print the tables and examples; whether every present rule meets its targets."""
        missing = [r for r in RULES if r not in self.rules]
        print(f"corpus: {corpus} (seed {seed}, {versions} injected versions per document)")
        if missing:
            print(f"not registered yet, left out: {', '.join(missing)}")
        print(f"\n{'rule / kind of defect':<44} {'injected':>8} {'found':>6} {'false':>6} "
              f"{'recall':>7} {'precision':>9}  target")
        all_met = True
        for rule in self.rules:
            met = self._row(rule, self.by_rule[rule], TARGETS.get((rule, None)))
            for kind in KINDS[rule]:
                tally = self.by_kind[(rule, kind)]
                show_precision = rule == MISPLACED  # false findings are attributed per kind only there
                met &= self._row(f"  {kind}", tally, TARGETS.get((rule, kind)), show_precision)
                if rule == MISPLACED:
                    self._row("    of which land on their own topic", self.on_topic[kind], None, False)
            for (extra_rule, kind), count in sorted(self.extra_true.items()):
                if extra_rule == rule:
                    print(f"  + {count} true findings on {kind} (another rule's defect, also legitimate)")
            all_met &= met
        self._examples(examples)
        return all_met

    def _row(self, label: str, tally: Tally, target, show_precision: bool = True) -> bool:
        precision = f"{tally.precision():>9.3f}" if show_precision else f"{'':>9}"
        false = f"{tally.false:>6}" if show_precision else f"{'':>6}"
        verdict, met = "", True
        if target:
            met = tally.recall() >= target[0] and (tally.true + tally.false == 0 or tally.precision() >= target[1])
            verdict = f"R>={target[0]} P>={target[1]}: {'met' if met else 'MISSED'}"
        print(f"{label:<44} {tally.injected:>8} {tally.found:>6} {false} {tally.recall():>7.3f} {precision}  {verdict}")
        return met

    def _examples(self, examples: int) -> None:
        if self.unplaced:
            print("\nno room in some documents (kind: versions without it): "
                  + ", ".join(f"{k}: {n}" for k, n in sorted(self.unplaced.items())))
        print(f"\ndoubled-word sites skipped because the doubled text reads as real words: {len(self.skipped)}")
        per_kind = Counter(line.split(": ")[1] for line in self.skipped)
        print("  " + ", ".join(f"{kind}: {n}" for kind, n in sorted(per_kind.items())))
        for line in self.skipped[:examples]:
            print(f"  {line}")
        self.print_findings(examples)


def _misplaced_mode(lines: list[str], finding, text: str) -> str:
    """The kind a false misplaced-fragment finding counts against: copied when its
    text stands on another line too, moved otherwise."""
    flagged = span_text(text, finding).strip()
    elsewhere = any(flagged and flagged in line for n, line in enumerate(lines, 1) if n != finding.line)
    return COPIED_ACROSS if elsewhere else MOVED_ACROSS


def _describe_miss(name: str, lines: list[str], injection: Injection) -> str:
    line = lines[injection.line - 1]
    at = line.find(injection.text)
    context = f"…{line[max(0, at - 12):at]}[{injection.text}]{line[at + len(injection.text):][:12]}…"
    source = f" (from line {injection.source_line})" if injection.source_line else ""
    source += ", on its own topic" if injection.on_topic else ""
    return f"{name}:{injection.line}: {injection.kind}{source}: {clip(context, 120)}"


def _describe_false(name: str, lines: list[str], finding, text: str, injections: list[Injection]) -> str:
    on = [i for i in injections if finding.line in (i.line, i.source_line)]
    where = ""
    if on:
        i = on[0]
        side = "injected" if finding.line == i.line else "source of"
        where = f" [on the {side} {i.rule} {i.kind}]"
    return describe_false(name, finding, text, where)


def main() -> int:
    return qualitybench.main(
        __doc__, RULES, Bench,
        per_doc_help="injected versions per document, each with one defect of every kind",
        option_help="a rule option, as in the config (misplaced-fragment.moved-sentences=true)",
        none_registered="none of the repetition rules is registered yet")


if __name__ == "__main__":
    sys.exit(main())
