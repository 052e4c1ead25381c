"""Concise output: one line a finding, no source excerpt, for grep, editors and logs.

    path:line:col: LEVEL: CODE [name] message

followed, as in the text format, by the counts per rule with --statistics and
by the summary line (not with --quiet).
"""

from __future__ import annotations

from ..model import Finding
from ..results import RunResult
from . import text_format
from .options import DEFAULT_OPTIONS, RenderOptions


def line(finding: Finding, color: bool = False, paragraphs: bool = False) -> str:
    # A message never spans lines here: one finding, one line, whatever a rule wrote (see header).
    return text_format.header(finding, color, paragraphs)


def render(results: RunResult, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    findings = [f for r in results.files for f in r.findings]
    out = [line(f, options.color, text_format.by_paragraph(r)) for r in results.files for f in r.findings]
    if options.statistics:
        out.extend(text_format.statistics_lines(findings))
    if not options.quiet:
        out.append(text_format.summary(findings, results, options.fix_hint))
    return "".join(item + "\n" for item in out)
