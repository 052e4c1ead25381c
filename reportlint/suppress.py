"""Inline suppression comments, the same in Markdown and plain text::

    <!-- reportlint-disable RULE[, RULE…] -->     until a matching enable (or the end)
    <!-- reportlint-enable RULE[, RULE…] -->
    <!-- reportlint-disable-next-line RULE… -->  the next non-blank line only

RULE is a code, a name or a code prefix; no RULE means every rule.
"""

from __future__ import annotations

import re
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


class Suppressions:
    def __init__(self, ranges: list[_Range]) -> None:
        self._ranges = ranges

    def __bool__(self) -> bool:
        return bool(self._ranges)

    def covers(self, line: int, code: str, name: str) -> bool:
        return any(
            r.first_line <= line <= r.last_line and _names(r.selector, code, name) for r in self._ranges
        )


def _names(selector: str, code: str, name: str) -> bool:
    return selector in (ALL, name) or code.startswith(selector.upper())


def parse_suppressions(doc: Document) -> Suppressions:
    if "reportlint-" not in doc.source:
        return Suppressions([])
    lines = doc.lines
    last_line = lines.line_count
    open_since: dict[str, int] = {}
    ranges: list[_Range] = []
    for match in _DIRECTIVE.finditer(doc.source):
        line, _ = lines.position(match.start())
        selectors = [s for s in re.split(r"[\s,]+", match.group("rules")) if s] or [ALL]
        action = match.group("action")
        for selector in selectors:
            if action == "disable":
                open_since.setdefault(selector, line)
            elif action == "enable":
                if selector == ALL:
                    for key, since in open_since.items():
                        ranges.append(_Range(key, since, line))
                    open_since.clear()
                elif selector in open_since:
                    ranges.append(_Range(selector, open_since.pop(selector), line))
            else:
                target = _next_content_line(doc, match.end())
                if target:
                    ranges.append(_Range(selector, target, target))
    ranges.extend(_Range(key, since, last_line) for key, since in open_since.items())
    return Suppressions(ranges)


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
