"""Patterns at a module's top level are compiled on first use, so that a run pays only for those
its text reaches (start-up: issue 19)."""

import ast
import re
from pathlib import Path

from reportlint.text.lazy_regex import LazyPattern

PACKAGE = Path(__file__).resolve().parent.parent / "reportlint"


def test_a_lazy_pattern_compiles_when_first_used_and_answers_as_the_compiled_one(monkeypatch):
    compiled = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or real(*args))
    lazy = LazyPattern(r"(?P<year>\d{4})年", re.M)
    assert lazy.pattern == r"(?P<year>\d{4})年" and compiled == []
    assert getattr(lazy, "meta", None) is None and compiled == []  # what the registry asks of everything
    text = "2024年和2025年"
    assert lazy.search(text).group("year") == "2024"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real(lazy.pattern, re.M).finditer(text)]
    assert lazy.sub("某年", text) == "某年和某年"
    assert lazy.flags == real(lazy.pattern, re.M).flags and lazy.groupindex["year"] == 1
    assert len(compiled) == 5  # once for each name first asked for; then the instance has it
    lazy.search(text)
    assert len(compiled) == 5


def _module_level_compiles(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "compile" \
                and isinstance(value.func.value, ast.Name) and value.func.value.id == "re":
            found.append(node.lineno)
    return found


def test_no_module_compiles_a_pattern_when_it_is_imported():
    eager = {str(path.relative_to(PACKAGE)): lines for path in PACKAGE.rglob("*.py")
             if (lines := _module_level_compiles(path))}
    assert not eager, f"use LazyPattern(...) for a pattern defined at a module's top level: {eager}"
