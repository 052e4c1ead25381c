"""Inline suppression comments, the same in Markdown and plain text::

    <!-- reportlint-disable RULE[, RULE…] -->     until a matching enable (or the end)
    <!-- reportlint-enable RULE[, RULE…] -->
    <!-- reportlint-disable-next-line RULE… -->  the next non-blank line only
    <!-- reportlint-disable-line RULE… -->       the comment's own line only

RULE is a code, a name or a code prefix; no RULE means every rule.

A comment that opens with ``reportlint-`` but names no known action, and a RULE that
names no rule, suppress nothing: the engine reports them (invalid-suppression), so a
typo never turns a rule off for the rest of a file. A directive that suppressed
nothing is reported too (unused-suppression), as ruff's RUF100 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .suggest import closest
from .text.document import Document, Span
from .text.lazy_regex import LazyPattern

if TYPE_CHECKING:
    from .registry import Registry

ACTIONS = ("disable", "enable", "disable-next-line", "disable-line")
# A directive opens its comment; what follows the action up to --> names the rules.
_DIRECTIVE = LazyPattern(r"<!--\s*reportlint-(?P<action>[A-Za-z][A-Za-z0-9_-]*)(?P<rules>[^>]*?)\s*-->")
_SELECTOR = LazyPattern(r"[^\s,]+")


@dataclass(frozen=True)
class Selector:
    """A rule as a suppression comment names it (a code, a name or a prefix), and where."""

    text: str
    span: Span  # in the source


@dataclass
class Directive:
    """A suppression comment: its action, the rules it names, the lines it covers, and which of
    its rules suppressed a finding."""

    action: str
    span: Span  # the whole comment
    action_span: Span
    line: int
    selectors: tuple[Selector, ...]  # empty: every rule
    #: for disable-next-line / disable-line: the one line covered (None: nothing follows)
    target: int | None = None
    #: indexes into selectors (-1 for "every rule") that suppressed at least one finding
    used: set[int] = field(default_factory=set)

    @property
    def valid(self) -> bool:
        return self.action in ACTIONS


@dataclass(frozen=True)
class Problem:
    """A directive or a rule name in one that cannot work (reported by the engine)."""

    span: Span
    message: str


class Suppressions:
    def __init__(self, directives: list[Directive]) -> None:
        self.directives = directives
        self._switches = [d for d in directives if d.action in ("disable", "enable")]

    def __bool__(self) -> bool:
        return bool(self.directives)

    def covers(self, line: int, code: str, name: str, record: bool = True, by_name: bool = False) -> bool:
        """Whether *line* is suppressed for the rule; with *record*, the directive
        that suppresses it is marked as used; with *by_name*, only a directive that
        names the rule counts (not one for every rule)."""
        directives = [d for d in self.directives if d.selectors] if by_name else self.directives
        switches = [d for d in self._switches if d.selectors] if by_name else self._switches
        for directive in directives:
            if directive.target == line and directive.action in ("disable-next-line", "disable-line"):
                index = _matching(directive, code, name)
                if index is not None:
                    if record:
                        directive.used.add(index)
                    return True
        # Replay disable/enable in order for this rule, so that `enable broken-paragraph`
        # ends `disable RL101` (the same rule by code), and `enable RL101` after
        # `disable RL1` re-enables RL101 alone. Both directives' own lines are covered.
        active: tuple[Directive, int] | None = None
        for switch in switches:
            if switch.line > line or (switch.line == line and switch.action == "enable"):
                break
            index = _matching(switch, code, name)
            if index is not None:
                active = (switch, index) if switch.action == "disable" else None
                if active and switch.line == line:
                    break
        if active is None:
            return False
        if record:
            active[0].used.add(active[1])
        return True


def _matching(directive: Directive, code: str, name: str) -> int | None:
    """The index of the directive's selector that names the rule (-1: it names every rule)."""
    if not directive.selectors:
        return -1
    for index, selector in enumerate(directive.selectors):
        if names_rule(selector.text, code, name):
            return index
    return None


def names_rule(selector: str, code: str, name: str) -> bool:
    """Whether a name in a comment names the rule: its name, its code or a code prefix, or ALL."""
    return selector in ("ALL", name) or code.startswith(selector.upper())


def parse_suppressions(doc: Document, registry: Registry | None = None) -> tuple[Suppressions, list[Problem]]:
    """The document's directives, and what in them cannot work: an unknown action
    (the whole comment is ignored) or a rule the *registry* does not have (that
    name is ignored, the comment's other names still apply). Without a registry
    every name is taken as it is."""
    if "reportlint-" not in doc.source:
        return Suppressions([]), []
    directives: list[Directive] = []
    problems: list[Problem] = []
    for match in _DIRECTIVE.finditer(doc.source):
        line = doc.lines.position(match.start())[0]
        if line in doc.code_lines:
            continue  # a directive shown in a code block (how to write one) is an example, not one
        action = match.group("action")
        action_span = Span(match.start("action"), match.end("action"))
        if action not in ACTIONS:
            problems.append(Problem(action_span, _unknown_action(action)))
            continue
        selectors = []
        for name in _SELECTOR.finditer(match.group("rules")):
            span = Span(match.start("rules") + name.start(), match.start("rules") + name.end())
            if registry is None or registry.selects_any(name.group()):
                selectors.append(Selector(name.group(), span))
            else:
                problems.append(Problem(span, _unknown_rule(name.group(), registry)))
        if match.group("rules").strip() and not selectors:
            continue  # every name was unknown: the comment must not fall back to "every rule"
        directive = Directive(action, Span(match.start(), match.end()), action_span, line, tuple(selectors))
        if action == "disable-next-line":
            directive.target = _next_content_line(doc, match.end())
        elif action == "disable-line":
            directive.target = line
        directives.append(directive)
    return Suppressions(directives), problems


def _unknown_action(action: str) -> str:
    match = closest(action, ACTIONS)
    hint = f"，是否应为“reportlint-{match}”" if match else f"（可用：{'、'.join(ACTIONS)}）"
    return f"未知的抑制指令“reportlint-{action}”{hint}：该注释不抑制任何检查"


def _unknown_rule(name: str, registry: Registry) -> str:
    match = registry.closest(name)
    hint = f"，是否应为“{match}”" if match else ""
    return f"抑制注释中的规则“{name}”不存在{hint}：这个名称不抑制任何检查"


def _next_content_line(doc: Document, offset: int) -> int | None:
    """The first line after the directive's own line that holds something."""
    newline = doc.source.find("\n", offset)
    while newline >= 0:
        start = newline + 1
        end = doc.source.find("\n", start)
        text = doc.source[start : end if end >= 0 else len(doc.source)]
        if text.strip():
            return doc.lines.position(start)[0]
        newline = end
    return None
