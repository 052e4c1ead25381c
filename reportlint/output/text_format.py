"""Text output for people: one header line a finding, then the source excerpt.

    path:line:col: warning: CODE [name] message
       |
    28 | …大力支持民营企业和民营
       |              ^^^^

Report paragraphs are often a thousand characters on one line, so the excerpt
is a window around the span; the carets are aligned for full-width characters.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import click

from ..i18n import N_, join, t, tn
from ..model import Finding, Severity
from ..results import FileResult, RunResult
from ..text.lazy_regex import LazyPattern
from .hints import fix_hint as fix_hint_line
from .options import DEFAULT_OPTIONS, RenderOptions

WINDOW = 24  # characters of context on each side of the span
MAX_SPAN = 2 * WINDOW  # characters of a span shown, at most
_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


# Control characters of a document shown on a terminal: a lone CR would move the cursor and an
# ESC start an escape sequence, so each becomes its visible picture (␍, ␛); a tab, a space.
_VISIBLE = {code: 0x2400 + code for code in range(0x20)} | {0x09: 0x20, 0x7F: 0x2421} | {
    code: 0xFFFD for code in range(0x80, 0xA0)}


_LINE_BREAK = LazyPattern(r"\r\n|[\r\n\u2028\u2029\x85]")


def visible(text: str) -> str:
    return text.translate(_VISIBLE)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def excerpt(source: str, finding: Finding) -> tuple[str, str]:
    """(source line window, caret line) for the first line of the finding."""
    line_start = source.rfind("\n", 0, finding.span.start) + 1
    line_end = source.find("\n", finding.span.start)
    line_end = len(source) if line_end < 0 else line_end
    line = source[line_start:line_end].rstrip("\r")
    start = finding.span.start - line_start
    end = min(finding.span.end - line_start, len(line))
    # A span longer than the window (a whole pasted paragraph) shows its opening only.
    end = min(end, start + MAX_SPAN)
    left = max(0, start - WINDOW)
    right = min(len(line), max(end, start + 1) + WINDOW)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + visible(line[left:right]) + suffix
    pad = width(prefix + line[left:start])
    carets = "^" * max(1, width(line[start:end]))
    return shown, " " * pad + carets


def render(results: RunResult, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    color, show_source = options.color, options.show_source
    out: list[str] = []
    findings: list[Finding] = []
    for result in results.files:
        paragraphs = by_paragraph(result)
        for finding in result.findings:
            findings.append(finding)
            out.append(header(finding, color, paragraphs))
            if show_source and result.document is not None:
                shown, carets = excerpt(result.document.source, finding)
                mark = f"¶{finding.line}" if paragraphs else str(finding.line)
                gutter = " " * len(mark)
                if color:
                    carets = click.style(carets, fg=_COLOURS[finding.severity])
                out.append(f"{gutter} |")
                out.append(f"{mark} | {shown}")
                out.append(f"{gutter} | {carets}")
                for related in finding.related:
                    line, column = result.document.lines.position(related.span.start)
                    where = f"¶{line}" if paragraphs else f"{line}:{column}"
                    out.append(f"{gutter} = {related.message} ({related.path or finding.path}:{where})")
                if options.show_fixes and finding in result.fixable:
                    out.extend(f"{gutter} = {line}" for line in fix_lines(result.document.source, finding.fix))
                out.append("")
    if options.statistics:
        out.extend(statistics_lines(findings))
    if not options.quiet:
        out.append(summary(findings, results, options.fix_hint))
    return "\n".join(out) + ("\n" if out else "")


FIX_CONTEXT = 8  # characters shown on each side of an edit
FIX_EDITS = 3  # edits shown of a fix, at most


def fix_lines(source: str, fix) -> list[str]:
    """The edits of *fix* as before → after with a little context (--show-fixes)."""
    flag = "--fix" if fix.applicability == "safe" else "--fix --unsafe-fixes"
    lines = []
    for edit in fix.edits[:FIX_EDITS]:
        left = source[max(0, edit.span.start - FIX_CONTEXT):edit.span.start]
        right = source[edit.span.end:edit.span.end + FIX_CONTEXT]
        before = source[edit.span.start:edit.span.end]
        lines.append(f"修改（{flag}）：{_one_line(left + before + right)} → {_one_line(left + edit.content + right)}")
    if len(fix.edits) > FIX_EDITS:
        lines.append(f"另有 {len(fix.edits) - FIX_EDITS} 处同样的修改")
    return lines


def _one_line(text: str) -> str:
    return "“" + text.replace("\r", "").replace("\n", "⏎") + "”"


def by_paragraph(result: FileResult) -> bool:
    """Whether *result*'s findings are located by paragraph: a Word file, whose line N is paragraph N."""
    return result.document is not None and result.document.is_word


def header(finding: Finding, color: bool = False, paragraphs: bool = False) -> str:
    """path:line:col: LEVEL: CODE [name] message (as compilers write it, so that editors'
    problem matchers read it); path:¶N: … in a Word file (*paragraphs*)."""
    level = f"{finding.severity.value}:"
    code = f"{finding.code} [{finding.name}]"
    location = f"{finding.path}:¶{finding.line}:" if paragraphs else f"{finding.path}:{finding.line}:{finding.column}:"
    if color:
        level = click.style(level, fg=_COLOURS[finding.severity], bold=True)
        code = click.style(code, fg=_COLOURS[finding.severity], bold=True)
        location = click.style(location, bold=True)
    # one line whatever a rule wrote, and no control character of the document reaches the terminal
    return f"{location} {level} {code} {visible(_LINE_BREAK.sub(' ', finding.message))}"


def statistics_lines(findings: list[Finding]) -> list[str]:
    counts = Counter((f.code, f.name) for f in findings)
    return [f"{count:>5}  {code}  {name}" for (code, name), count in sorted(counts.items())]


def summary(findings: list[Finding], results: RunResult, fix_hint: bool = True) -> str:
    """The last line: what was found in how many files and, with *fix_hint*, what --fix would fix."""
    checked = sum(1 for r in results.files if r.document is not None)
    files = tn("{count} file", checked)
    failed = sum(1 for r in results.files if r.error)
    if failed:
        # Not "All clear" when a path could not be read at all (exit code 2).
        files = t("{files} ({count} could not be checked)", files=files, count=failed)
    if not findings:
        return t("No findings in {files}.", files=files) if failed else t("All clear: no findings in {files}.", files=files)
    by = Counter(f.severity for f in findings)
    levels = join(tn(_LEVELS[s], by[s]) for s in Severity if by[s])
    found = t("Found {findings} ({levels}) in {files}.", findings=tn("{count} finding", len(findings)),
              levels=levels, files=files)
    hint = fix_hint_line(results.fixable_counts()) if fix_hint else ""
    return t("{summary} {hint}", summary=found, hint=hint) if hint else found


#: How the summary counts each level (the level words of the findings themselves stay English).
_LEVELS = {Severity.ERROR: N_("{count} error"), Severity.WARNING: N_("{count} warning"), Severity.INFO: N_("{count} info")}
