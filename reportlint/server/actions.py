"""Code actions: each finding's fix, a comment that disables its rule for its line, and all the
safe fixes of a document at once. Every action is a WorkspaceEdit for the editor to apply to its
buffer: the server never writes a file.

The action titles are Chinese, as the findings' messages and the fixes' own titles are: they are
read beside those, by the writer of the document."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from ..api import lint_text
from ..fixing import fix_result
from ..model import Finding
from ..text.decoding import restore_lines
from ..text.lazy_regex import LazyPattern
from .diagnostics import SOURCE
from .documents import Outcome
from .positions import BOM, LineMap, code_units

FIX_ALL = "source.fixAll.reportlint"
#: the line above a finding that already disables some rules for it: the new rule is added there, since
#: a second comment between it and the finding would become its next line and leave the finding unsuppressed
_DISABLE_NEXT_LINE = LazyPattern(r"^\s*<!--\s*reportlint-disable-next-line(?P<rules>[^>]*?)\s*-->\s*$")

#: (uri, version, edits) → the WorkspaceEdit to send: versioned where the client supports it
EditMaker = Callable[[str, "int | None", "list[types.TextEdit]"], types.WorkspaceEdit]


def workspace_edit_maker(versioned: bool) -> EditMaker:
    """WorkspaceEdits as the client takes them: with documentChanges (refused by the client when the
    document changed since) or, for a client that does not support those, plain changes."""
    def make(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        if versioned:
            document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document,
                                                                                 edits=edits)])
        return types.WorkspaceEdit(changes={uri: edits})

    return make


def wanted(kind: str, only: list[str] | None) -> bool:
    """Whether the client asked for actions of *kind* (``only`` names kinds and their parents)."""
    return only is None or any(kind == asked or kind.startswith(asked + ".") for asked in only)


def findings_in(outcome: Outcome, start: int, end: int) -> list[Finding]:
    """The findings whose range meets [start, end] (a cursor at either end of one counts)."""
    return [f for f in outcome.findings if f.span.start <= end and start <= f.span.end]


def quick_fixes(outcome: Outcome, finding: Finding, lines: LineMap, diagnostic: types.Diagnostic,
                make_edit: EditMaker) -> list[types.CodeAction]:
    """The finding's fix, when reportlint's --fix would apply it, and the disable comment."""
    uri, version = outcome.snapshot.uri, outcome.snapshot.version
    actions = []
    fix = finding.fix
    if fix is not None and outcome.result is not None and finding in outcome.result.fixable:
        safe = fix.applicability == "safe"
        title = fix.title or finding.code
        edits = [types.TextEdit(range=lines.range(edit.span.start, edit.span.end), new_text=edit.content)
                 for edit in fix.edits]
        actions.append(types.CodeAction(
            title=f"修复：{title}" if safe else f"修复（不安全，请核对）：{title}",
            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], is_preferred=safe,
            edit=make_edit(uri, version, edits)))
    actions.append(types.CodeAction(
        title=f"本行不检查 {finding.code}（{finding.name}）：插入抑制注释", kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic], edit=make_edit(uri, version, [disable_edit(finding, lines)])))
    return actions


def disable_edit(finding: Finding, lines: LineMap) -> types.TextEdit:
    """``<!-- reportlint-disable-next-line CODE -->`` on a line of its own above the finding's first
    line, indented as that line is; or CODE added to such a comment already there."""
    line = lines.position(finding.span.start).line
    above = line - 1
    while above >= 0 and not lines.line_text(above).strip():
        above -= 1  # the comment applies to the next line that holds something
    comment = _DISABLE_NEXT_LINE.match(lines.line_text(above)) if above >= 0 else None
    if comment is not None and comment.group("rules").strip():
        at = types.Position(line=above, character=code_units(comment.string[:comment.end("rules")], lines.encoding))
        return types.TextEdit(range=types.Range(start=at, end=at), new_text=f", {finding.code}")
    text = lines.line_text(line).removeprefix(BOM)
    indent = text[:len(text) - len(text.lstrip())]
    at = lines.position(lines.line_start(line))
    directive = f"{indent}<!-- reportlint-disable-next-line {finding.code} -->{line_break(lines.text)}"
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=directive)


def line_break(text: str) -> str:
    """The line break the document uses."""
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text and "\n" not in text else "\n"


def fix_all(outcome: Outcome, lines: LineMap, make_edit: EditMaker) -> types.CodeAction | None:
    """Every safe fix, applied as ``reportlint check --fix`` applies them (again on the fixed text
    until none is left), as one edit; None when there is nothing to fix. CPU-bound: each pass
    lints the document again."""
    result, config = outcome.result, outcome.config
    if result is None or result.document is None or config is None:
        return None
    path = outcome.snapshot.target.path
    done = fix_result(result, lambda text: lint_text(text, path, config), unsafe=False)
    if not done.fixed:
        return None
    before = lines.text.removeprefix(BOM)
    edit = smallest_edit(before, restore_lines(done.text, result.document.newline), lines)
    return types.CodeAction(title=f"修复全部安全问题（{SOURCE}，{done.fixed} 处）", kind=FIX_ALL,
                            edit=make_edit(outcome.snapshot.uri, outcome.snapshot.version, [edit]))


def smallest_edit(before: str, after: str, lines: LineMap) -> types.TextEdit:
    """One edit that turns *before* into *after*, replacing only what lies between their common
    start and common end (the editor keeps its cursor and folds elsewhere)."""
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    # Never cut a CRLF in two: a position can only name the place before or after it.
    if 0 < start < len(before) and before[start - 1] == "\r" and before[start] == "\n":
        start -= 1
    if 0 < end < len(before) - start and before[-end] == "\n" and before[-end - 1] == "\r":
        end -= 1
    return types.TextEdit(range=lines.range(start, len(before) - end), new_text=after[start:len(after) - end])


__all__ = ["FIX_ALL", "EditMaker", "disable_edit", "findings_in", "fix_all", "quick_fixes", "smallest_edit",
           "wanted", "workspace_edit_maker"]
