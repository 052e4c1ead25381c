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

from inject_figures import CONTROLS, KINDS, RULES, Injection, inject, sites  # noqa: E402

from reportlint.api import lint_text  # noqa: E402
from reportlint.config import Config  # noqa: E402
from reportlint.registry import build_registry  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
TARGET = (0.9, 0.95)  # recall, precision: every rule


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
        self.config = Config(select=rules, rule_options=options) if rules else None
        self.rules = rules
        self.by_rule: dict[str, Tally] = defaultdict(Tally)
        self.by_kind: dict[str, Tally] = defaultdict(Tally)
        #: consistent edits: injected counts how many, found how many their rule flagged
        self.controls: dict[str, Tally] = defaultdict(Tally)
        self.sites: Counter[str] = Counter()
        self.misses: dict[str, list[str]] = defaultdict(list)
        self.falses: dict[str, list[str]] = defaultdict(list)
        #: true by their line, but the span misses the injected text
        self.off_target: dict[str, list[str]] = defaultdict(list)
        self.unplaced: Counter[str] = Counter()
        self.crashes: Counter[str] = Counter()
        self.distinct: dict[str, set[str]] = defaultdict(set)  # sites actually used, per kind

    def lint(self, text: str, name: str):
        if not self.rules:
            return []
        result = lint_text(text, name, self.config)
        self.crashes.update(f"{c.name}: {c.error} ({c.where})" for c in result.crashes)
        return result.findings

    def run_document(self, path: Path, rng: random.Random, versions: int) -> None:
        clean = path.read_text(encoding="utf-8")
        self.sites.update(sites(clean))
        clean_findings = self.lint(clean, path.name)
        baseline = Counter((f.name, _span_text(clean, f)) for f in clean_findings)
        # Injections keep off the paragraphs the clean report's findings are about.
        avoid = frozenset(n for f in clean_findings for n in range(f.line, f.end_line + 1)) | frozenset(
            clean.count("\n", 0, r.span.start) + 1 for f in clean_findings for r in f.related)
        for _ in range(versions):
            injected = inject(clean, rng, avoid)
            self.unplaced.update(injected.unplaced)
            for injection in injected.injections:
                self.distinct[injection.kind].add(f"{path.name}:{injection.site}")
            already, found = baseline.copy(), []
            for finding in self.lint(injected.text, path.name):
                key = (finding.name, _span_text(injected.text, finding))
                if already[key] > 0:
                    already[key] -= 1  # a real defect of the published text
                else:
                    found.append(finding)
            self.score(path.name, injected.text, injected.injections, found, injected.controls)

    def score(self, name: str, text: str, injections: list[Injection], found: list,
              controls: list[Injection] = ()) -> None:
        lines = text.split("\n")
        starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        at: dict[tuple[str, int], Injection] = {}
        for injection in injections:
            at[(injection.rule, injection.line)] = injection
            for rule, line in injection.also:
                at.setdefault((rule, line), injection)
        silent: dict[tuple[str, int], Injection] = {}
        for control in controls:
            for rule, line in ((control.rule, control.line), *control.also):
                silent[(rule, line)] = control
        reported: set[int] = set()
        for finding in found:
            injection = at.get((finding.name, finding.line))
            if injection and injection.rule == finding.name:
                reported.add(id(injection))
                if finding.line == injection.line and not _overlaps(lines, starts, finding, injection):
                    self.off_target[finding.name].append(
                        f"{name}:{finding.line}: {injection.kind}: flagged {_clip(_span_text(text, finding), 40)}"
                        f" | injected {_clip(injection.text, 40)}")
                self.by_rule[finding.name].true += 1
                self.by_kind[injection.kind].true += 1
            else:
                self.by_rule[finding.name].false += 1
                self.falses[finding.name].append(_describe_false(name, finding, text, [*injections, *controls]))
                if (finding.name, finding.line) in silent:
                    control = silent[(finding.name, finding.line)]
                    reported.add(id(control))
                    self.controls[control.kind].false += 1
        for injection in injections:
            for tally in (self.by_rule[injection.rule], self.by_kind[injection.kind]):
                tally.injected += 1
                tally.found += id(injection) in reported
            if injection.rule in self.rules and id(injection) not in reported:
                self.misses[injection.rule].append(_describe_miss(name, lines, injection))
        for control in controls:
            self.controls[control.kind].injected += 1
            self.controls[control.kind].found += id(control) in reported

    def report(self, corpus: Path, seed: int, versions: int, examples: int) -> bool:
        """Print the table and examples; whether every present rule meets its target."""
        missing = [r for r in RULES if r not in self.rules]
        print(f"corpus: {corpus} (seed {seed}, {versions} injected versions per document)")
        if missing:
            print(f"not registered yet, left out (injections counted, not scored): {', '.join(missing)}")
        print(f"\n{'rule / kind of defect':<48} {'sites':>5} {'used':>5} {'injected':>8} {'found':>6} {'false':>6} "
              f"{'recall':>7} {'precision':>9}  target")
        all_met = True
        for rule in RULES:
            scored = rule in self.rules
            met = self._row(rule, self.by_rule[rule], scored, scored)
            for kind in KINDS[rule]:
                self._row(f"  {kind}", self.by_kind[kind], scored, False, self.sites[kind], len(self.distinct[kind]))
            for kind in CONTROLS[rule]:
                tally = self.controls[kind]
                flagged = f"{tally.found:>6} {tally.false:>6}" if scored else f"{'-':>6} {'-':>6}"
                print(f"  {'consistent: ' + kind:<46} {'':>5} {'':>5} {tally.injected:>8} {flagged}"
                      f"{'':>8} {'':>9}  must stay silent")
            all_met &= met
        self._examples(examples)
        return all_met

    def _row(self, label: str, tally: Tally, scored: bool, whole_rule: bool, site_count: int | None = None,
             used: int | None = None) -> bool:
        precision = f"{tally.precision():>9.3f}" if whole_rule else f"{'':>9}"
        false = f"{tally.false:>6}" if whole_rule else f"{'':>6}"
        site_text = f"{site_count:>5} {used:>5}" if site_count is not None else f"{'':>5} {'':>5}"
        if not scored:
            print(f"{label:<48} {site_text} {tally.injected:>8} {'-':>6} {'-':>6} {'-':>7} {'-':>9}")
            return True
        verdict, met = "", True
        if whole_rule:
            met = tally.recall() >= TARGET[0] and (tally.true + tally.false == 0 or tally.precision() >= TARGET[1])
            verdict = f"R>={TARGET[0]} P>={TARGET[1]}: {'met' if met else 'MISSED'}"
        print(f"{label:<48} {site_text} {tally.injected:>8} {tally.found:>6} {false} {tally.recall():>7.3f} "
              f"{precision}  {verdict}")
        return met

    def _examples(self, examples: int) -> None:
        print("\nsites: distinct sites the corpus offers (summed over reports); used: those the versions drew;"
              "\nconsistent: edits the rule must leave alone, found = how many it flagged (counted false)")
        if self.unplaced:
            print("no free site in some versions (kind: versions without it): "
                  + ", ".join(f"{k}: {n}" for k, n in sorted(self.unplaced.items())))
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


def _describe_miss(name: str, lines: list[str], injection: Injection) -> str:
    line = lines[injection.line - 1]
    at = line.find(injection.text)
    context = f"…{line[max(0, at - 16):at]}[{_clip(injection.text, 60)}]{line[at + len(injection.text):][:12]}…"
    was = f" (was {_clip(injection.original, 40)})" if injection.original != injection.text else ""
    return f"{name}:{injection.line}: {injection.kind}: {_clip(context, 120)}{was}"


def _describe_false(name: str, finding, text: str, injections: list[Injection]) -> str:
    on = [i for i in injections if finding.line == i.line or finding.line in (n for _, n in i.also)]
    where = f" [on the line of {on[0].rule} {on[0].kind}]" if on else ""
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
                        help="injected versions per document, each with at most one defect of every kind")
    parser.add_argument("--examples", type=int, default=8, help="misses and false findings shown per rule")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a rule misses its target")
    parser.add_argument("--option", action="append", default=[], metavar="RULE.KEY=VALUE",
                        help="a rule option, as in the config")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}")
        return 0
    registered = {meta.name for meta in build_registry()}
    rules = tuple(r for r in RULES if r in registered)
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
