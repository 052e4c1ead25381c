"""The per-rule test format: valid texts must stay silent, invalid ones must
fire exactly on the spans marked ⟦like this⟧.

Every case runs three ways: as a .txt file, as a .md file with CRLF line
endings, and as a .md file with each marked span wrapped in **bold** markup. The finding's
span must cover exactly the marked text in the source each time, so every rule
test also tests the document's source map.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reportlint.api import lint_text
from reportlint.config import Config
from reportlint.model import Edit, Finding

_MARK = re.compile(r"⟦(.*?)⟧", re.S)


def findings_for(rule: str, text: str, path: str = "case.txt", options: dict[str, Any] | None = None,
                 **config: Any) -> list[Finding]:
    rule_options = ((rule, tuple(options.items())),) if options else ()
    result = lint_text(text, path, Config(select=(rule,), rule_options=rule_options, **config))
    assert not result.crashes, result.crashes
    return result.findings


def _variants(case: str, markup: bool = True) -> Iterable[tuple[str, str]]:
    """(file name, text with markers) for each way a case is run."""
    yield "case.txt", case
    yield "case.md", case.replace("\n", "\r\n")
    if not markup:
        return
    # Bold markup inside a span must not shift it (multi-paragraph spans stay as they are).
    yield "case.md", _MARK.sub(lambda m: m.group() if "\n" in m.group(1) else f"⟦**{m.group(1)}**⟧", case)


def _expected(marked: str) -> tuple[str, list[str]]:
    """The text without markers, and the source text each marker should select."""
    spans, text, position = [], "", 0
    for match in _MARK.finditer(marked):
        text += marked[position : match.start()]
        inner = match.group(1)
        if inner.startswith("**") and inner.endswith("**"):
            text += "**"
            spans.append(inner[2:-2])
            text += inner[2:-2] + "**"
        else:
            spans.append(inner)
            text += inner
        position = match.end()
    return text + marked[position:], spans


def assert_rule(rule: str, valid: Iterable[str] = (), invalid: Iterable[str] = (),
                options: dict[str, Any] | None = None, markup: bool = True) -> None:
    """*markup* False leaves out the **bold** variant (for spans inside an HTML comment)."""
    for case in valid:
        for path, text in _variants(case, markup):
            found = findings_for(rule, text, path, options)
            assert not found, f"{rule} fired on valid {path}: {[f.message for f in found]}\n{text}"
    for case in invalid:
        assert "⟦" in case, f"invalid case without a marked span: {case}"
        for path, marked in _variants(case, markup):
            text, spans = _expected(marked)
            found = findings_for(rule, text, path, options)
            got = [text[f.span.start : f.span.end] for f in found]
            assert got == spans, f"{rule} on {path}: expected spans {spans}, got {got}\n{text}"
            for finding in found:
                _assert_position(text, finding)


def _assert_position(text: str, finding: Finding) -> None:
    """Line and column (1-based, code points) agree with the span."""
    lines = text.split("\n")
    assert lines[finding.line - 1][finding.column - 1 :].startswith(text[finding.span.start : finding.span.end].split("\n")[0])


def apply_edit(text: str, edit: Edit) -> str:
    """*text* with one edit of a fix applied."""
    return text[: edit.span.start] + edit.content + text[edit.span.end :]
