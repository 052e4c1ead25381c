"""Findings as LSP diagnostics, and a config that cannot be used as one diagnostic."""

from __future__ import annotations

from lsprotocol import types

from ..errors import RegistryError
from ..model import Finding, Related, Severity
from ..registry import Registry
from .documents import Outcome
from .positions import LineMap
from .rule_pages import RulePages

SOURCE = "reportlint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
#: a suppression comment that suppresses nothing: shown faded, as editors show unused code
UNUSED_SUPPRESSION = "RL002"


def diagnostics_of(outcome: Outcome, lines: LineMap, pages: RulePages) -> list[types.Diagnostic]:
    """What the editor shows for one lint of a document."""
    if outcome.config_error is not None:
        return [config_error_diagnostic(outcome.config_error, lines)]
    return [finding_diagnostic(finding, outcome.snapshot.uri, lines, outcome.registry, pages)
            for finding in outcome.findings]


def config_error_diagnostic(message: str, lines: LineMap) -> types.Diagnostic:
    """A config that cannot be used, said at the top of each document it applies to: one line,
    marked over the first line of text so that an editor shows it there."""
    first_line_end = lines.line_end(0) - (1 if lines.text.startswith("\ufeff") else 0)
    return types.Diagnostic(range=lines.range(0, first_line_end), message=message, source=SOURCE,
                            severity=types.DiagnosticSeverity.Error)


def finding_diagnostic(finding: Finding, uri: str, lines: LineMap, registry: Registry | None,
                       pages: RulePages) -> types.Diagnostic:
    link = _rule_link(finding.code, registry, pages)
    return types.Diagnostic(
        range=lines.range(finding.span.start, finding.span.end),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        related_information=[_related(item, uri, lines) for item in finding.related if item.path is None] or None,
        tags=[types.DiagnosticTag.Unnecessary] if finding.code == UNUSED_SUPPRESSION else None,
        data={"name": finding.name},
    )


def _rule_link(code: str, registry: Registry | None, pages: RulePages) -> str | None:
    if registry is None:
        return None
    try:
        meta = registry.get(code)
    except RegistryError:  # a finding of a rule the registry does not list: no page to link
        return None
    return pages.link(meta)


def _related(item: Related, uri: str, lines: LineMap) -> types.DiagnosticRelatedInformation:
    # Only places in the same file: no rule points into another file yet, and a place in a file the
    # editor does not hold could not be placed without reading and decoding that file.
    return types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=lines.range(item.span.start, item.span.end)), message=item.message)


__all__ = ["SEVERITIES", "SOURCE", "config_error_diagnostic", "diagnostics_of", "finding_diagnostic"]
