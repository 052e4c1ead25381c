"""Run the selected rules over one document and decide what is reported.

Checks only *produce* violations; this module *decides* (suppressions,
allow-words, severities) and stamps them with positions. A rule that raises is
isolated: the others still run and the crash is returned for the caller to
report.
"""

from __future__ import annotations

import os
import re
from functools import partial

from .model import DEFAULT_OPTIONS, Finding, RuleMeta, Severity, Violation
from .parallel import fork_call
from .registry import Registry
from .results import Crash, FileResult
from .rule_queue import MOST_RULES, RuleQueue
from .suppress import Suppressions, names_rule, parse_suppressions
from .text.document import Document, Span, analysis_name

# Rules about the suppression comments themselves: the engine decides them, since only
# it knows the registry and which findings each comment suppressed.
INVALID_SUPPRESSION, UNUSED_SUPPRESSION = "RL001", "RL002"


_SELECTED = "engine.selected-rules"
#: analyses cheap enough for a rule checked in a forked process to build again (see _shareable)
_CHEAP_READS = frozenset({"document-year"})
#: the shareable built-in rules by their time on a large report, costliest first (in process on
#: corpus x10: doubled-word 0.54 s … invalid-date 0.01 s), as ranks; other rules after them, in
#: their order. The forked process takes from the end, so that the last rules either checks are
#: short ones.
_COSTLIEST_SHAREABLE = {name: rank for rank, name in enumerate((
    "doubled-word", "confusable-word", "broken-paragraph", "layout-artifact", "punctuation-usage",
    "numbering-sequence", "unmatched-pair", "number-range-form", "serial-number-form", "placeholder",
    "redundancy", "quantity-contradiction", "invalid-date"))}
#: the tests set it: a rule that reads an analysis it does not declare (RuleMeta.reads) crashes
_CHECK_READS = os.environ.get("REPORTLINT_CHECK_READS") == "1"


def superseded_by(doc: Document, name: str) -> frozenset[str] | None:
    """The rules this run checks *doc* with that declare they supersede the rule *name* (None
    outside a run: any that may). A rule leaves a case to another only when that one runs too,
    so with duplicate-paragraph not selected, duplicate-sentence reports a pasted paragraph."""
    selected = doc.analysis(_SELECTED, lambda d: None)
    if selected is None:
        return None
    return frozenset(rule for rule, supersedes in selected if name in supersedes)


def runs(doc: Document, name: str) -> bool | None:
    """Whether this run checks *doc* with the rule *name* (None outside a run). A rule that
    leaves a case to another (abbreviation-consistency to confusable-word, which reports every
    variant form of a word) asks first whether that one runs."""
    selected = doc.analysis(_SELECTED, lambda d: None)
    return None if selected is None else any(rule == name for rule, _ in selected)


def _released_after(rules: list[tuple[RuleMeta, object, Severity]]) -> list[tuple[str, ...]]:
    """For each rule of the run, the analyses to forget once it is done: its own ("conflicting-
    figure.clauses") and the shared ones it is the last to read (RuleMeta.reads), so that none is
    held while the rules after it build theirs (on a large report they weigh as much as it does)."""
    last_reader = {name: index for index, (meta, _, _) in enumerate(rules) for name in meta.reads}
    released = [[meta.name] for meta, _, _ in rules]
    for name, index in last_reader.items():
        released[index].append(name)
    return [tuple(names) for names in released]


def _checked_each(doc: Document, rules: list[tuple[RuleMeta, object]], shared: list[tuple[RuleMeta, object]] = (),
                  queue: RuleQueue | None = None) -> dict[str, list[Violation] | Crash]:
    """Each rule's violations or crash, by name: what a forked process answers (run_rules). Its
    own *rules* first, then those of *shared* (the other process's) that it takes from the back
    of the *queue* while the other is still busy."""
    answers = {meta.name: _checked(doc, meta, options) for meta, options in rules}
    while queue is not None and (index := queue.take_back()) is not None:
        meta, options = shared[index]
        answers[meta.name] = _checked(doc, meta, options)
    return answers


def _about_comments(meta: RuleMeta) -> bool:
    """The rules about suppression comments, which this module decides once the others ran."""
    return meta.code in (INVALID_SUPPRESSION, UNUSED_SUPPRESSION) and meta.source == "builtin"


def _shareable(meta: RuleMeta) -> bool:
    """Whether a forked process may check the rule for this one: a rule that reads no costly
    analysis (RuleMeta.reads) another rule here reads too, so that none is built twice."""
    return not _about_comments(meta) and set(meta.reads) <= _CHEAP_READS


def _order_here(rules: list[tuple[RuleMeta, object, Severity]], beside: frozenset[str]) -> list[int]:
    """The positions of the rules this process checks, in the order it checks them: with rules
    checked beside, those a forked process may take too go last, where it takes them from, the
    costliest first (_COSTLIEST_SHAREABLE), so that the two meet over small ones."""
    here = [index for index, (meta, _, _) in enumerate(rules) if meta.name not in beside]
    return sorted(here, key=lambda index: _share_rank(rules[index][0])) if beside else here


def _share_rank(meta: RuleMeta) -> int:
    """Where a rule goes in this process's order: -1 (first, in their order) for one it alone
    checks, else its rank in _COSTLIEST_SHAREABLE, the unranked after the ranked."""
    if not _shareable(meta):
        return -1
    return _COSTLIEST_SHAREABLE.get(meta.name, len(_COSTLIEST_SHAREABLE))


def _checked(doc: Document, meta: RuleMeta, options: object) -> list[Violation] | Crash:
    """The rule's violations, or its crash: a rule that raises is isolated, the others still run."""
    try:
        if _CHECK_READS:
            doc.declared_reads = frozenset((*meta.reads, meta.name, analysis_name(_SELECTED)))
        if options is DEFAULT_OPTIONS:  # made now: the plan imports no rule's module (rule_index)
            options = meta.options()
        return list(meta.check(doc, options))
    except Exception as error:
        import traceback  # only for a crash: 1 ms of every run's start otherwise

        frame = traceback.extract_tb(error.__traceback__)[-1]
        return Crash(meta.code, meta.name, f"{type(error).__name__}: {error}", f"{frame.filename}:{frame.lineno}")
    finally:
        doc.declared_reads = None


def _queue_for(order: list[RuleMeta]) -> RuleQueue | None:
    """The queue this process and the forked one take the rules of *order* from."""
    if len(order) > MOST_RULES:
        return None
    return RuleQueue(len(order), next((at for at, meta in enumerate(order) if _shareable(meta)), len(order)))


def _checked_here(doc: Document, rules: list[tuple[RuleMeta, object, Severity]], order: list[int],
                  queue: RuleQueue | None) -> dict[int, list[Violation] | Crash]:
    """The outcomes of the rules this process checks, by position in *rules*: those of *order*
    it takes from the front of the *queue*, the others being the forked process's."""
    outcomes: dict[int, list[Violation] | Crash] = {}
    for at, (index, released) in enumerate(zip(order, _released_after([rules[i] for i in order]))):
        meta, options, _ = rules[index]
        if _about_comments(meta):
            continue
        if queue is not None and not queue.take_front(at):
            break  # the forked process took this rule and the rest
        outcomes[index] = _checked(doc, meta, options)
        for name in released:
            doc.release_analyses(name)
    return outcomes


def run_rules(doc: Document, rules: list[tuple[RuleMeta, object, Severity]],
              registry: Registry | None = None, beside: frozenset[str] = frozenset()) -> FileResult:
    """*rules*: (rule, its options, its effective severity). With the *registry*,
    rule names in suppression comments are checked against it. The rules named in *beside*
    are checked in one forked process while this one checks the others (a large report on a
    machine with cores to spare), and taken from it once this one is done. Done with them, the
    forked process takes this one's shareable rules from the back of its order (rule_queue)
    while this one still checks. Their findings are the same, in the same place."""
    result = FileResult(doc.path, doc)
    doc.analysis(_SELECTED, lambda d: frozenset((meta.name, meta.supersedes) for meta, _, _ in rules))
    aside = [(meta, options) for meta, options, _ in rules if meta.name in beside]
    order = _order_here(rules, beside if aside else frozenset())
    queue = _queue_for([rules[index][0] for index in order]) if aside else None
    shared = [rules[index][:2] for index in order]
    answer = fork_call(partial(_checked_each, doc, aside, shared, queue)) if aside else None
    about_comments: list[tuple[RuleMeta, Severity]] = []
    try:
        suppressions, problems = parse_suppressions(doc, registry)
        allowed = _allowed_spans(doc)
        outcomes = _checked_here(doc, rules, order, queue)
        answered = (answer() if answer else None) or {}
        for index, (meta, options, severity) in enumerate(rules):
            if _about_comments(meta):
                about_comments.append((meta, severity))
                continue
            outcome = outcomes.get(index)
            if outcome is None:  # checked beside; or here, when the forked process could not answer
                outcome = answered.get(meta.name)
                if outcome is None:
                    outcome = _checked(doc, meta, options)
            if isinstance(outcome, Crash):
                result.crashes.append(outcome)
                continue
            for violation in outcome:
                if _inside_any(violation.span, allowed):
                    continue
                finding = _stamp(doc, meta, severity, violation)
                if suppressions and suppressions.covers(finding.line, meta.code, meta.name):
                    continue
                result.findings.append(finding)
    finally:
        if answer:
            answer()  # the child is waited for, even when this one stopped short
        if queue is not None:
            queue.close()
    ran = [meta for meta, _, _ in rules if all(meta is not m for m, _ in about_comments)]
    for meta, severity in about_comments:
        if meta.code == INVALID_SUPPRESSION:
            violations = [Violation(problem.span, problem.message) for problem in problems]
        else:
            violations = list(_unused(suppressions, ran))
        for violation in violations:
            finding = _stamp(doc, meta, severity, violation)
            # A comment's findings are silenced only by a comment that names their rule:
            # a bare `disable` must not hide the report that it suppressed nothing.
            if not suppressions.covers(finding.line, meta.code, meta.name, record=False, by_name=True):
                result.findings.append(finding)
    doc.release_analyses()
    result.findings.sort(key=lambda f: (f.line, f.column, f.code, f.end_line, f.end_column, f.message))
    return result


def _unused(suppressions: Suppressions, ran: list[RuleMeta]):
    """A violation for each directive, or rule named in one, that suppressed nothing.
    As with ruff's RUF100, a name whose rules did not run (not selected) is unused too:
    the message says so."""
    for directive in suppressions.directives:
        if directive.action == "enable":
            continue
        if not directive.selectors:
            if -1 not in directive.used:
                yield Violation(directive.span, f"抑制注释“reportlint-{directive.action}”没有抑制任何问题，可以删除")
            continue
        for index, selector in enumerate(directive.selectors):
            if index in directive.used:
                continue
            enabled = any(names_rule(selector.text, meta.code, meta.name) for meta in ran)
            why = "" if enabled else "（该规则未启用）"
            yield Violation(selector.span, f"抑制注释中的“{selector.text}”没有抑制任何问题{why}，可以删除")


def rules_for_document(registry: Registry, config, path: str) -> list[tuple[RuleMeta, object, Severity]]:
    return [
        (meta, config.options_for(meta), config.severity_for(registry, meta))
        for meta in config.rules_for(registry, path)
    ]


def _stamp(doc: Document, meta: RuleMeta, severity: Severity, violation: Violation) -> Finding:
    # A rule may lower the severity of a doubtful case, never raise it.
    if violation.severity is not None and violation.severity.rank < severity.rank:
        severity = violation.severity
    line, column = doc.lines.position(violation.span.start)
    end_line, end_column = doc.lines.position(violation.span.end)
    return Finding(
        path=doc.path, code=meta.code, name=meta.name, severity=severity, message=violation.message,
        span=violation.span, line=line, column=column, end_line=end_line, end_column=end_column,
        related=violation.related, fix=violation.fix, file_level=violation.file_level,
    )


def _allowed_spans(doc: Document) -> list[Span]:
    """Where the user's allow-words occur: findings inside them are dropped."""
    if not doc.allow_words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in sorted(doc.allow_words, key=len, reverse=True)))
    return [Span(m.start(), m.end()) for m in pattern.finditer(doc.source)]


def _inside_any(span: Span, allowed: list[Span]) -> bool:
    return any(a.start <= span.start and span.end <= a.end for a in allowed)
