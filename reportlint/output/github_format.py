"""GitHub Actions workflow commands: each finding becomes an annotation on the
pull request's diff and in the job summary.

    ::warning file=报告.txt,line=28,col=24,endLine=28,endColumn=35,title=RL101 [broken-paragraph]::段落在…

Values are escaped as GitHub's runner unescapes them: in the message % CR LF,
in the properties also ':' and ','. A finding over several lines gives no
columns: GitHub takes columns only for a range within one line. Paths are
relative to the repository root, as GitHub reads them, when run in a subfolder.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, Severity
from ..results import RunResult
from .options import DEFAULT_OPTIONS, RenderOptions
from .repo_paths import find_root, from_root

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, document=None, root: Path | None = None) -> str:
    path = from_root(finding.path, root)[0] if root is not None else finding.path
    props = [("file", path), ("line", finding.line)]
    if finding.end_line == finding.line:
        props += [("col", finding.column), ("endLine", finding.end_line), ("endColumn", finding.end_column)]
    else:
        props += [("endLine", finding.end_line)]
    props.append(("title", f"{finding.code} [{finding.name}]"))
    message = finding.message
    for related in finding.related:
        # Related places have no annotation of their own: name them under the message.
        where = related.path or finding.path
        if root is not None:
            where = from_root(where, root)[0]
        if document is not None:
            line, column = document.lines.position(related.span.start)
            where = f"{where}:{line}:{column}"
        message += f"\n{related.message} ({where})"
    head = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {head}::{escape_data(message)}"


def problem(path: str, text: str) -> str:
    """A file that could not be read or a rule that crashed: an error annotation on the file."""
    return f"::error file={escape_property(path)},title=reportlint::{escape_data(text)}"


def render(results: RunResult, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    root = options.root or find_root()
    lines = []
    for result in results.files:
        path = from_root(result.path, root)[0]
        if result.error:
            lines.append(problem(path, result.error))
        for crash in result.crashes:
            lines.append(problem(path, f"rule {crash.code} ({crash.name}) crashed: {crash.error} at {crash.where}"))
        lines.extend(annotation(f, result.document, root) for f in result.findings)
    return "".join(line + "\n" for line in lines)
