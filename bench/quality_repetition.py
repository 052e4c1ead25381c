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

import argparse
import itertools
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from inject_repetition import COPIED_ACROSS, KINDS, MISPLACED, MOVED_ACROSS, RULES, Injection, inject  # noqa: E402

from reportlint.api import lint_text  # noqa: E402
from reportlint.config import Config  # noqa: E402
from reportlint.registry import build_registry  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
#: (rule, kind or None for the whole rule): (recall, precision) it must reach
TARGETS = {
    ("doubled-word", None): (0.95, 0.95),
    ("duplicate-paragraph", None): (0.95, 0.95),
    ("duplicate-sentence", None): (0.95, 0.95),
    (MISPLACED, COPIED_ACROSS): (0.95, 0.95),
    (MISPLACED, MOVED_ACROSS): (0.6, 0.9),
}


@dataclass
class Tally:
    injected: int = 0
    found: int = 0  # injections reported by their rule
    true: int = 0  # findings on an injection's line (several may fall on one)
    false: int = 0

    def recall(self) -> float:
        return self.found / self.injected if self.injected else float("nan")

    def precision(self) -> float:
        flagged = self.true + self.false
        return self.true / flagged if flagged else float("nan")


class Bench:
    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        self.config = Config(select=rules, rule_options=options)
        self.rules = rules
        self.by_rule: dict[str, Tally] = defaultdict(Tally)
        self.by_kind: dict[tuple[str, str], Tally] = defaultdict(Tally)
        #: misplaced-fragment injections that land among words of their own topic
        self.on_topic: dict[str, Tally] = defaultdict(Tally)
        self.extra_true: Counter[tuple[str, str]] = Counter()  # legitimate findings of another rule
        self.misses: dict[str, list[str]] = defaultdict(list)
        self.falses: dict[str, list[str]] = defaultdict(list)
        #: true by their line, but the span misses the injected text
        self.off_target: dict[str, list[str]] = defaultdict(list)
        self.skipped: list[str] = []
        self.unplaced: Counter[str] = Counter()
        self.crashes: Counter[str] = Counter()

    def lint(self, text: str, name: str):
        result = lint_text(text, name, self.config)
        self.crashes.update(f"{c.name}: {c.error} ({c.where})" for c in result.crashes)
        return result.findings

    def run_document(self, path: Path, rng: random.Random, versions: int) -> None:
        clean = path.read_text(encoding="utf-8")
        clean_findings = self.lint(clean, path.name)
        baseline = Counter((f.name, _span_text(clean, f)) for f in clean_findings)
        # Injections keep off the paragraphs the clean report's findings are about.
        avoid = frozenset(n for f in clean_findings for n in range(f.line, f.end_line + 1)) | frozenset(
            clean.count("\n", 0, r.span.start) + 1 for f in clean_findings for r in f.related)
        for _ in range(versions):
            injected = inject(clean, rng, avoid)
            self.skipped += [f"{path.name}: {s}" for s in injected.skipped]
            self.unplaced.update(injected.unplaced)
            already, found = baseline.copy(), []
            for finding in self.lint(injected.text, path.name):
                key = (finding.name, _span_text(injected.text, finding))
                if already[key] > 0:
                    already[key] -= 1  # a real defect of the published text
                else:
                    found.append(finding)
            self.score(path.name, injected.text, injected.injections, found)

    def score(self, name: str, text: str, injections: list[Injection], found: list) -> None:
        lines = text.split("\n")
        starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        at = {(i.rule, i.line): i for i in injections if i.rule in self.rules}
        legit = {(rule, line): i for i in injections for rule, line in i.also}
        reported: set[int] = set()
        for finding in found:
            injection = at.get((finding.name, finding.line))
            if injection:
                reported.add(id(injection))
                if not _overlaps(lines, starts, finding, injection):
                    self.off_target[finding.name].append(
                        f"{name}:{finding.line}: {injection.kind}: flagged {_clip(_span_text(text, finding), 40)}"
                        f" | injected {_clip(injection.text, 40)}")
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
        for rule in self.rules:
            if self.misses[rule]:
                print(f"\n{rule}: missed {len(self.misses[rule])} (first {examples})")
                print("\n".join(f"  {m}" for m in self.misses[rule][:examples]))
            if self.off_target[rule]:
                print(f"\n{rule}: on the injected line but not on the injected text {len(self.off_target[rule])}"
                      f" (counted true; first {examples})")
                print("\n".join(f"  {f}" for f in self.off_target[rule][:examples]))
            if self.falses[rule]:
                print(f"\n{rule}: false findings {len(self.falses[rule])} (first {examples})")
                print("\n".join(f"  {f}" for f in self.falses[rule][:examples]))
        if self.crashes:
            print("\nrule crashes (documents):")
            print("\n".join(f"  {n:>4} {c}" for c, n in self.crashes.most_common(examples)))


def _span_text(text: str, finding) -> str:
    return text[finding.span.start : finding.span.end]


def _overlaps(lines: list[str], starts: list[int], finding, injection: Injection) -> bool:
    start = starts[injection.line - 1] + lines[injection.line - 1].find(injection.text)
    return finding.span.start < start + len(injection.text) and start < finding.span.end


def _misplaced_mode(lines: list[str], finding, text: str) -> str:
    """The kind a false misplaced-fragment finding counts against: copied when its
    text stands on another line too, moved otherwise."""
    flagged = _span_text(text, finding).strip()
    elsewhere = any(flagged and flagged in line for n, line in enumerate(lines, 1) if n != finding.line)
    return COPIED_ACROSS if elsewhere else MOVED_ACROSS


def _describe_miss(name: str, lines: list[str], injection: Injection) -> str:
    line = lines[injection.line - 1]
    at = line.find(injection.text)
    context = f"…{line[max(0, at - 12):at]}[{injection.text}]{line[at + len(injection.text):][:12]}…"
    source = f" (from line {injection.source_line})" if injection.source_line else ""
    source += ", on its own topic" if injection.on_topic else ""
    return f"{name}:{injection.line}: {injection.kind}{source}: {_clip(context, 120)}"


def _describe_false(name: str, lines: list[str], finding, text: str, injections: list[Injection]) -> str:
    on = [i for i in injections if finding.line in (i.line, i.source_line)]
    where = ""
    if on:
        i = on[0]
        side = "injected" if finding.line == i.line else "source of"
        where = f" [on the {side} {i.rule} {i.kind}]"
    return (f"{name}:{finding.line}: {_clip(finding.message, 90)} | text: {_clip(_span_text(text, finding), 60)}"
            f"{where}")


def _rule_options(settings: list[str]) -> tuple:
    """RULE.KEY=VALUE settings as Config.rule_options; VALUE is JSON (true, 0.8) or a string."""
    options: dict[str, dict] = defaultdict(dict)
    for setting in settings:
        key, _, value = setting.partition("=")
        rule, _, option = key.partition(".")
        try:
            options[rule][option] = json.loads(value)
        except json.JSONDecodeError:
            options[rule][option] = value
    return tuple((rule, tuple(values.items())) for rule, values in options.items())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--per-doc", type=int, default=8,
                        help="injected versions per document, each with one defect of every kind")
    parser.add_argument("--examples", type=int, default=8, help="misses and false findings shown per rule")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a rule misses its target")
    parser.add_argument("--option", action="append", default=[], metavar="RULE.KEY=VALUE",
                        help="a rule option, as in the config (misplaced-fragment.moved-sentences=true)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}")
        return 0
    registered = {meta.name for meta in build_registry()}
    rules = tuple(r for r in RULES if r in registered)
    if not rules:
        print("none of the repetition rules is registered yet")
        return 0
    bench = Bench(rules, _rule_options(args.option))
    rng = random.Random(args.seed)
    for path in sorted(args.corpus.glob("*.txt")):
        bench.run_document(path, rng, args.per_doc)
    if args.option:
        print(f"rule options: {', '.join(args.option)}")
    met = bench.report(args.corpus, args.seed, args.per_doc, args.examples)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
