"""Hover over a finding: its rule, what the rule is about and why it matters, and the message.

In Chinese, as the summaries, reasons and messages it shows are."""

from __future__ import annotations

from lsprotocol import types

from ..errors import RegistryError
from ..model import Finding, RuleMeta, Severity
from ..text.lazy_regex import LazyPattern
from .documents import Outcome
from .positions import LineMap
from .rule_pages import RulePages

LEVELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_MARKDOWN_SPECIAL = LazyPattern(r"([\\`*_\[\]<>|~#])")


def escape(text: str) -> str:
    """*text* shown as it is in Markdown (a message quotes the document, which may hold * or <)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def findings_at(outcome: Outcome, offset: int) -> list[Finding]:
    """The findings whose range holds *offset* (an empty range: the offset at it)."""
    return [f for f in outcome.findings
            if f.span.start <= offset < f.span.end or f.span.start == f.span.end == offset]


def hover_of(outcome: Outcome, offset: int, lines: LineMap, pages: RulePages) -> types.Hover | None:
    found = findings_at(outcome, offset)
    if not found or outcome.registry is None:
        return None
    sections = [describe(finding, _meta(outcome, finding), pages) for finding in found]
    start = min(f.span.start for f in found)
    end = max(f.span.end for f in found)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(sections)),
                       range=lines.range(start, end))


def _meta(outcome: Outcome, finding: Finding) -> RuleMeta | None:
    try:
        return outcome.registry.get(finding.code)  # type: ignore[union-attr]
    except RegistryError:
        return None


def describe(finding: Finding, meta: RuleMeta | None, pages: RulePages) -> str:
    """One finding in Markdown: the rule (linked to its page), the message, the summary, the reason."""
    title = f"{finding.code} {finding.name}"
    link = pages.link(meta) if meta is not None else None
    parts = [f"**[{title}]({link})**" if link else f"**{title}**", f"（{LEVELS[finding.severity]}）",
             "\n\n", escape(finding.message)]
    if meta is not None:
        parts += ["\n\n", f"**规则：**{escape(meta.summary)}"]
        why = meta.why()
        if why:
            parts += ["\n\n", f"**为什么：**{escape(why)}"]
    return "".join(parts)


__all__ = ["describe", "escape", "findings_at", "hover_of"]
