"""What the quality benches share: the injectors' line bookkeeping, the scoring
of findings against injected lines, the printed examples and the command line.

bench/quality_repetition.py and bench/quality_figures.py judge different rules
the same way: lint each clean report, inject defects into --per-doc versions of
it, and count a finding true when it lies on its rule's injected line. What
differs (the kinds, the targets, the table) stays in each script; this module
keeps the rest in one place, so a fix to the scoring reaches both benches.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.api import lint_text
from reportlint.config import Config
from reportlint.registry import build_registry

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
KNOWN_CONTEXT = 8  # characters of a clean finding's line that identify it in a version


# -- the injectors: a document's lines, edited -----------------------------------


@dataclass(frozen=True)
class Where:
    """A paragraph of the injected document, named before its line number is known."""

    line: int  # 0-based original line
    insert: int | None = None  # index among the paragraphs inserted after it


@dataclass
class Injected:
    """A report with defects injected: what ``QualityBench.run_document`` reads of an injector's result."""

    text: str
    injections: list  # the injector's records, one a defect, each with the line its rule must report
    #: kinds this document had no room or no free site for
    unplaced: list[str] = field(default_factory=list)


class LineEdits:
    """The document's lines, with replacements, insertions and deletions recorded until
    ``numbered``: edits name original lines, so each is independent of the others."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.replaced: dict[int, str] = {}
        self.inserted: dict[int, list[str]] = {}
        self.deleted: set[int] = set()

    def replace_line(self, line: int, text: str) -> Where:
        self.replaced[line] = text
        return Where(line)

    def insert_line_after(self, line: int, text: str) -> Where:
        self.inserted.setdefault(line, []).append(text)
        return Where(line, len(self.inserted[line]) - 1)

    def numbered(self) -> tuple[list[str], dict[Where, int]]:
        """The edited lines and the 1-based line each edited or inserted paragraph ends up on
        (an inserted paragraph comes with a blank line before it)."""
        out: list[str] = []
        number: dict[Where, int] = {}
        for index, line in enumerate(self.lines):
            if index not in self.deleted:
                out.append(self.replaced.get(index, line))
                number[Where(index)] = len(out)
            for k, text in enumerate(self.inserted.get(index, ())):
                out += ["", text]
                number[Where(index, k)] = len(out)
        return out, number


# -- the benches: findings against injected lines --------------------------------


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


class QualityBench:
    """Lints clean and injected versions of each report and keeps what the examples print.

    A subclass injects (``inject``), scores one version (``score``), may look at the clean
    report first (``survey``) and at each version (``note``), and prints its ``report``."""

    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        self.config = Config(select=rules, rule_options=options) if rules else None
        self.rules = rules
        self.misses: dict[str, list[str]] = defaultdict(list)
        self.falses: dict[str, list[str]] = defaultdict(list)
        #: true by their line, but the span misses the injected text
        self.off_target: dict[str, list[str]] = defaultdict(list)
        self.unplaced: Counter[str] = Counter()
        self.crashes: Counter[str] = Counter()

    def lint(self, text: str, name: str):
        if not self.rules:
            return []
        result = lint_text(text, name, self.config)
        self.crashes.update(f"{c.name}: {c.error} ({c.where})" for c in result.crashes)
        return result.findings

    def run_document(self, path: Path, rng: random.Random, versions: int) -> None:
        clean = path.read_text(encoding="utf-8")
        self.survey(path.name, clean)
        clean_findings = self.lint(clean, path.name)
        baseline = Counter(_known(clean, f) for f in clean_findings)
        # Injections keep off the paragraphs the clean report's findings are about.
        avoid = frozenset(n for f in clean_findings for n in range(f.line, f.end_line + 1)) | frozenset(
            clean.count("\n", 0, r.span.start) + 1 for f in clean_findings for r in f.related)
        for _ in range(versions):
            injected = self.inject(clean, rng, avoid)
            self.note(path.name, injected)
            self.unplaced.update(injected.unplaced)
            already, found = baseline.copy(), []
            for finding in self.lint(injected.text, path.name):
                key = _known(injected.text, finding)
                if already[key] > 0:
                    already[key] -= 1  # a real defect of the published text
                else:
                    found.append(finding)
            self.score(path.name, injected, found)

    def survey(self, name: str, clean: str) -> None:
        """Look at a clean report before its versions are made."""

    def inject(self, clean: str, rng: random.Random, avoid: frozenset[int]):
        raise NotImplementedError

    def note(self, name: str, injected) -> None:
        """Look at an injected version before it is scored."""

    def score(self, name: str, injected, found: list) -> None:
        raise NotImplementedError

    def report(self, corpus: Path, seed: int, versions: int, examples: int) -> bool:
        raise NotImplementedError

    def flag_off_target(self, name: str, text: str, finding, injection) -> None:
        self.off_target[finding.name].append(
            f"{name}:{finding.line}: {injection.kind}: flagged {clip(span_text(text, finding), 40)}"
            f" | injected {clip(injection.text, 40)}")

    def print_findings(self, examples: int) -> None:
        """The first *examples* misses, off-target and false findings of each rule, and the crashes."""
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


class LineScoredBench(QualityBench):
    """A bench whose injector records, for each defect, the rule and line that must report it
    (``rule``, ``line``, ``kind``, ``text``, ``original`` and ``also``: other (rule, line) pairs
    that are true as well), and may add consistent edits its rule must leave alone
    (``injected.controls``). Scores per rule and per kind; subclasses print the table."""

    TARGET = (0.95, 0.95)  # recall, precision: every rule
    TARGETS: dict[str, tuple[float, float]] = {}  # a rule's own target, where it differs

    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        super().__init__(rules, options)
        self.by_rule: dict[str, Tally] = defaultdict(Tally)
        self.by_kind: dict[str, Tally] = defaultdict(Tally)
        #: consistent edits: injected counts how many, found how many their rule flagged
        self.controls: dict[str, Tally] = defaultdict(Tally)
        self.sites: Counter[str] = Counter()

    def count_sites(self, clean: str) -> dict[str, int]:
        raise NotImplementedError

    def survey(self, name: str, clean: str) -> None:
        self.sites.update(self.count_sites(clean))

    def score(self, name: str, injected, found: list) -> None:
        text, injections = injected.text, injected.injections
        controls = getattr(injected, "controls", [])
        lines = text.split("\n")
        starts = line_starts(lines)
        at: dict[tuple[str, int], object] = {}
        for injection in injections:
            at[(injection.rule, injection.line)] = injection
            for rule, line in injection.also:
                at.setdefault((rule, line), injection)
        silent: dict[tuple[str, int], object] = {}
        for control in controls:
            for rule, line in ((control.rule, control.line), *control.also):
                silent[(rule, line)] = control
        reported: set[int] = set()
        for finding in found:
            injection = at.get((finding.name, finding.line))
            if injection and injection.rule == finding.name:
                reported.add(id(injection))
                if finding.line == injection.line and not overlaps(lines, starts, finding, injection):
                    self.flag_off_target(name, text, finding, injection)
                self.by_rule[finding.name].true += 1
                self.by_kind[injection.kind].true += 1
            else:
                self.by_rule[finding.name].false += 1
                self.falses[finding.name].append(describe_false_on(name, finding, text, [*injections, *controls]))
                if (finding.name, finding.line) in silent:
                    control = silent[(finding.name, finding.line)]
                    reported.add(id(control))
                    self.controls[control.kind].false += 1
        for injection in injections:
            for tally in (self.by_rule[injection.rule], self.by_kind[injection.kind]):
                tally.injected += 1
                tally.found += id(injection) in reported
            if injection.rule in self.rules and id(injection) not in reported:
                self.misses[injection.rule].append(describe_miss(name, lines, injection))
        for control in controls:
            self.controls[control.kind].injected += 1
            self.controls[control.kind].found += id(control) in reported

    def row(self, label: str, tally: Tally, scored: bool, whole_rule: bool, sites: str, width: int) -> bool:
        """Print one row of the table (*sites*: the site columns, already formatted); whether
        the rule meets TARGET (only a *whole_rule* row is judged)."""
        precision = f"{tally.precision():>9.3f}" if whole_rule else f"{'':>9}"
        false = f"{tally.false:>6}" if whole_rule else f"{'':>6}"
        if not scored:
            print(f"{label:<{width}} {sites} {tally.injected:>8} {'-':>6} {'-':>6} {'-':>7} {'-':>9}")
            return True
        verdict, met = "", True
        if whole_rule:
            recall_target, precision_target = self.TARGETS.get(label, self.TARGET)
            met = tally.recall() >= recall_target and (
                tally.true + tally.false == 0 or tally.precision() >= precision_target)
            verdict = f"R>={recall_target} P>={precision_target}: {'met' if met else 'MISSED'}"
        print(f"{label:<{width}} {sites} {tally.injected:>8} {tally.found:>6} {false} {tally.recall():>7.3f} "
              f"{precision}  {verdict}")
        return met

    def print_unplaced(self) -> None:
        if self.unplaced:
            print("no free site in some versions (kind: versions without it): "
                  + ", ".join(f"{k}: {n}" for k, n in sorted(self.unplaced.items())))


class InjectorBench(LineScoredBench):
    """A LineScoredBench whose kinds, consistent edits and sites come from an injector module
    (``INJECTOR``: its RULES, KINDS, CONTROLS, ``inject`` and ``sites``); its table shows, per
    kind, the sites the corpus offers and how many distinct ones the versions drew."""

    INJECTOR = None  # the bench/inject_*.py module
    WIDTH = 48  # of the table's first column

    def __init__(self, rules: tuple[str, ...], options: tuple = ()) -> None:
        super().__init__(rules, options)
        self.distinct: dict[str, set[str]] = defaultdict(set)  # sites actually used, per kind

    def count_sites(self, clean: str) -> dict[str, int]:
        return self.INJECTOR.sites(clean)

    def inject(self, clean: str, rng: random.Random, avoid: frozenset[int]):
        return self.INJECTOR.inject(clean, rng, avoid)

    def note(self, name: str, injected) -> None:
        for injection in injected.injections:
            self.distinct[injection.kind].add(f"{name}:{injection.site}")

    def report(self, corpus: Path, seed: int, versions: int, examples: int) -> bool:
        """Print the table and examples; whether every present rule meets its target."""
        injector, width = self.INJECTOR, self.WIDTH
        missing = [r for r in injector.RULES if r not in self.rules]
        print(f"corpus: {corpus} (seed {seed}, {versions} injected versions per document)")
        if missing:
            print(f"not registered yet, left out (injections counted, not scored): {', '.join(missing)}")
        print(f"\n{'rule / kind of defect':<{width}} {'sites':>5} {'used':>5} {'injected':>8} {'found':>6} "
              f"{'false':>6} {'recall':>7} {'precision':>9}  target")
        all_met = True
        for rule in injector.RULES:
            scored = rule in self.rules
            all_met &= self.row(rule, self.by_rule[rule], scored, scored, f"{'':>5} {'':>5}", width)
            for kind in injector.KINDS[rule]:
                used = f"{self.sites[kind]:>5} {len(self.distinct[kind]):>5}"
                self.row(f"  {kind}", self.by_kind[kind], scored, False, used, width)
            for kind in injector.CONTROLS[rule]:
                tally = self.controls[kind]
                flagged = f"{tally.found:>6} {tally.false:>6}" if scored else f"{'-':>6} {'-':>6}"
                print(f"  {'consistent: ' + kind:<{width - 2}} {'':>5} {'':>5} {tally.injected:>8} {flagged}"
                      f"{'':>8} {'':>9}  must stay silent")
        print("\nsites: distinct sites the corpus offers (summed over reports); used: those the versions drew;"
              "\nconsistent: edits the rule must leave alone, found = how many it flagged (counted false)")
        self.print_unplaced()
        self.print_findings(examples)
        return all_met


def describe_miss(name: str, lines: list[str], injection) -> str:
    line = lines[injection.line - 1]
    at = line.find(injection.text)
    context = f"…{line[max(0, at - 16):at]}[{clip(injection.text, 60)}]{line[at + len(injection.text):][:12]}…"
    was = f" (was {clip(injection.original, 40)})" if injection.original != injection.text else ""
    return f"{name}:{injection.line}: {injection.kind}: {clip(context, 120)}{was}"


def describe_false_on(name: str, finding, text: str, injections: list) -> str:
    """A false finding, with the injection whose line it is on, if any."""
    on = [i for i in injections if finding.line == i.line or finding.line in (n for _, n in i.also)]
    where = f" [on the line of {on[0].rule} {on[0].kind}]" if on else ""
    return describe_false(name, finding, text, where)


def _known(text: str, finding) -> tuple[str, str]:
    """What recognises a finding of the clean report in an injected version: its rule, its
    text and a few characters of its line on either side (a stray "," has many twins)."""
    line_start = text.rfind("\n", 0, finding.span.start) + 1
    line_end = text.find("\n", finding.span.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, finding.span.start - KNOWN_CONTEXT) : finding.span.start]
    after = text[finding.span.end : max(finding.span.end, min(line_end, finding.span.end + KNOWN_CONTEXT))]
    return finding.name, before + "[" + span_text(text, finding) + "]" + after


def span_text(text: str, finding) -> str:
    return text[finding.span.start : finding.span.end]


def line_starts(lines: list[str]) -> list[int]:
    """The offset in the text of each of its lines."""
    return list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def overlaps(lines: list[str], starts: list[int], finding, injection) -> bool:
    """Whether the finding's span touches the injected text on the injection's line."""
    start = starts[injection.line - 1] + lines[injection.line - 1].find(injection.text)
    return finding.span.start < start + len(injection.text) and start < finding.span.end


def describe_false(name: str, finding, text: str, where: str) -> str:
    return (f"{name}:{finding.line}: {clip(finding.message, 90)} | text: {clip(span_text(text, finding), 60)}"
            f"{where}")


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- the command line ------------------------------------------------------------


def rule_options(settings: list[str]) -> tuple:
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


PER_DOC_HELP = "injected versions per document, each with at most one defect of every kind"
OPTION_HELP = "a rule option, as in the config"


def main(doc: str, rules: tuple[str, ...], make_bench, per_doc_help: str = PER_DOC_HELP,
         option_help: str = OPTION_HELP, none_registered: str | None = None) -> int:
    """Parse the benches' common options, run *make_bench*(rules, options) over the corpus and
    print its report; exit 1 with --strict when a rule misses its target. With *none_registered*,
    print it and stop when none of *rules* is registered."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--per-doc", type=int, default=8, help=per_doc_help)
    parser.add_argument("--examples", type=int, default=8, help="misses and false findings shown per rule")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a rule misses its target")
    parser.add_argument("--option", action="append", default=[], metavar="RULE.KEY=VALUE", help=option_help)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}")
        return 0
    registered = {meta.name for meta in build_registry()}
    present = tuple(r for r in rules if r in registered)
    if not present and none_registered:
        print(none_registered)
        return 0
    bench = make_bench(present, rule_options(args.option))
    rng = random.Random(args.seed)
    for path in sorted(args.corpus.glob("*.txt")):
        bench.run_document(path, rng, args.per_doc)
    if args.option:
        print(f"rule options: {', '.join(args.option)}")
    met = bench.report(args.corpus, args.seed, args.per_doc, args.examples)
    return 1 if args.strict and not met else 0
