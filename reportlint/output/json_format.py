"""JSON output: a public contract that CI jobs and other tools parse.

A JSON array of objects with exactly these keys: path, line, column, end_line,
end_column, code, name, severity, message, fix, related. Lines and columns are
1-based; columns count Unicode code points; end positions are exclusive.
Changing a key or its meaning needs a new format version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Finding
from ..results import RunResult
from ..text.document import Document
from .options import DEFAULT_OPTIONS, RenderOptions


def finding_to_dict(finding: Finding, doc: Document) -> dict:
    fix = None
    if finding.fix is not None:
        edits = []
        for edit in finding.fix.edits:
            line, column = doc.lines.position(edit.span.start)
            end_line, end_column = doc.lines.position(edit.span.end)
            edits.append({"line": line, "column": column, "end_line": end_line,
                          "end_column": end_column, "content": edit.content})
        fix = {"applicability": finding.fix.applicability, "edits": edits}
    related = []
    for item in finding.related:
        line, column = doc.lines.position(item.span.start)
        related.append({"path": item.path or finding.path, "line": line, "column": column, "message": item.message})
    return {
        "path": finding.path, "line": finding.line, "column": finding.column,
        "end_line": finding.end_line, "end_column": finding.end_column,
        "code": finding.code, "name": finding.name, "severity": finding.severity.value,
        "message": finding.message, "fix": fix, "related": related,
    }


def chunks(results: RunResult, options: RenderOptions = DEFAULT_OPTIONS) -> Iterator[str]:
    """The report in pieces, one finding at a time, for writing as they come: the report of a
    big run is hundreds of megabytes as one string (and as many again encoded). The bytes are
    the same as dumping the whole list with indent 2."""
    first = True
    for result in results.files:
        for finding in result.findings:
            item = json.dumps(finding_to_dict(finding, result.document), ensure_ascii=False, indent=2)
            yield ("[\n  " if first else ",\n  ") + item.replace("\n", "\n  ")
            first = False
    yield "[]\n" if first else "\n]\n"


def render(results: RunResult, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    return "".join(chunks(results, options))
