"""Inline suppression comments, the same in Markdown and plain text::

    <!-- reportlint-disable RULE[, RULE…] -->     until a matching enable (or the end)
    <!-- reportlint-enable RULE[, RULE…] -->
    <!-- reportlint-disable-next-line RULE… -->  the next non-blank line only

RULE is a code, a name or a code prefix; no RULE means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Document

_DIRECTIVE = re.compile(
    r"<!--\s*reportlint-(?P<action>disable-next-line|disable|enable)\b(?P<rules>[^>]*?)\s*-->"
)
ALL = "*"


@dataclass(frozen=True)
class _Range:
    selector: str
    first_line: int
    last_line: int  # inclusive


@dataclass(frozen=True)
class _Switch:
    line: int
    disable: bool  # False: enable
    selector: str


class Suppressions:
    def __init__(self, ranges: list[_Range], switches: Sequence[_Switch] = ()) -> None:
        self._ranges = ranges
        self._switches = list(switches)

    def __bool__(self) -> bool:
        return bool(self._ranges or self._switches)

    def covers(self, line: int, code: str, name: str) -> bool:
        if any(r.first_line <= line <= r.last_line and _names(r.selector, code, name) for r in self._ranges):
            return True
        # Replay disable/enable in order for this rule, so that `enable broken-paragraph`
        # ends `disable RL101` (the same rule by code), and `enable RL101` after
        # `disable RL1` re-enables RL101 alone. Both directives' own lines are covered.
        disabled = False
        for switch in self._switches:
            if switch.line > line or (switch.line == line and not switch.disable):
                break
            if _names(switch.selector, code, name):
                disabled = switch.disable
                if disabled and switch.line == line:
                    return True
        return disabled


def _names(selector: str, code: str, name: str) -> bool:
    return selector in (ALL, name) or code.startswith(selector.upper())


def parse_suppressions(doc: Document) -> Suppressions:
    if "reportlint-" not in doc.source:
        return Suppressions([])
    lines = doc.lines
    ranges: list[_Range] = []
    switches: list[_Switch] = []
    for match in _DIRECTIVE.finditer(doc.source):
        line, _ = lines.position(match.start())
        selectors = [s for s in re.split(r"[\s,]+", match.group("rules")) if s] or [ALL]
        action = match.group("action")
        for selector in selectors:
            if action == "disable-next-line":
                target = _next_content_line(doc, match.end())
                if target:
                    ranges.append(_Range(selector, target, target))
            else:
                switches.append(_Switch(line, action == "disable", selector))
    return Suppressions(ranges, switches)


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
