"""Concise output: one line a finding, no source excerpt, for grep, editors and logs.

    path:line:col: LEVEL: CODE [name] message

followed, as in the text format, by the counts per rule with --statistics and
by the summary line (not with --quiet).
"""

from __future__ import annotations

from ..model import Finding
from . import text_format


def line(finding: Finding, color: bool = False, paragraphs: bool = False) -> str:
    # A message never spans lines here: one finding, one line, whatever a rule wrote (see header).
    return text_format.header(finding, color, paragraphs)


def render(results, registry=None, *, color: bool = False, statistics: bool = False, quiet: bool = False,
           fix_hint: bool = True, **_options) -> str:
    findings = [f for r in results.files for f in r.findings]
    out = [line(f, color, text_format.by_paragraph(r)) for r in results.files for f in r.findings]
    if statistics:
        out.extend(text_format.statistics_lines(findings))
    if not quiet:
        out.append(text_format.summary(findings, results, fix_hint))
    return "".join(item + "\n" for item in out)
