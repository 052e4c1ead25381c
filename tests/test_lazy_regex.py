"""Patterns at a module's top level are compiled on first use, so that a run pays only for those
its text reaches (start-up: issue 19)."""

import _sre
import ast
import importlib
import marshal
import re
from pathlib import Path

import pytest

from reportlint.text import lazy_regex, pattern_store
from reportlint.text.lazy_regex import LazyPattern

PACKAGE = Path(__file__).resolve().parent.parent / "reportlint"


def test_a_lazy_pattern_compiles_when_first_used_and_answers_as_the_compiled_one(monkeypatch):
    compiled = []
    real = re.compile
    monkeypatch.setattr(lazy_regex, "compile_pattern", lambda *args: compiled.append(args) or real(*args))
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
    """The lines of ``re.compile(...)`` calls that run when the module is imported: in a statement
    at its top level (a constant, a list or dict of patterns), not inside a function or lambda."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compile" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    for statement in tree.body:
        visit(statement)
    return found


def test_no_module_compiles_a_pattern_when_it_is_imported():
    eager = {str(path.relative_to(PACKAGE)): lines for path in PACKAGE.rglob("*.py")
             if (lines := _module_level_compiles(path))}
    assert not eager, f"use LazyPattern(...) for a pattern defined at a module's top level: {eager}"


def test_a_lookahead_of_first_characters_changes_no_match_of_any_pattern_it_opens():
    # opened_by puts (?=[...]) before a pattern for speed; had its characters missed one a match
    # can start with, that match would be lost. Every use, on real reports and the sample.
    from conftest import CORPUS

    _lazy_patterns()  # imports every module, so that each use of opened_by is recorded
    assert len(lazy_regex.OPENED) >= 9
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*/*.txt"))[::3]]
    texts.append(next((PACKAGE.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8"))
    for first, pattern in lazy_regex.OPENED:
        opened, plain = re.compile(f"(?=[{first}])(?:{pattern})"), re.compile(pattern)
        for text in texts:
            assert [m.span() for m in opened.finditer(text)] == [m.span() for m in plain.finditer(text)], pattern


# -- the compiled code kept between runs (text/pattern_store.py) -------------------------------


def _lazy_patterns() -> list[LazyPattern]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = importlib.import_module(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
        found.extend(value for value in vars(module).values() if isinstance(value, LazyPattern))
    return found


def test_every_pattern_of_the_package_made_from_kept_code_equals_re_compile():
    # Pattern equality compares the flags, the pattern and the compiled code itself
    patterns = _lazy_patterns()
    assert len(patterns) > 300
    for lazy in patterns:
        parts = marshal.loads(marshal.dumps(pattern_store.compiled_parts(lazy.pattern, lazy._flags)))
        made = _sre.compile(lazy.pattern, *parts)
        expected = re.compile(lazy.pattern, lazy._flags)
        assert made == expected, lazy
        assert (made.groups, made.groupindex, made.flags) == (expected.groups, expected.groupindex, expected.flags)


@pytest.fixture
def fresh_store(tmp_path, monkeypatch):
    """An empty cache folder, and pattern_store as a new process finds it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name, value in (("_made", {}), ("_stored", None), ("_added", {})):
        monkeypatch.setattr(pattern_store, name, value)


def _as_a_new_process(monkeypatch):
    monkeypatch.setattr(pattern_store, "_made", {})
    monkeypatch.setattr(pattern_store, "_stored", None)


def test_a_pattern_compiled_once_is_made_from_its_kept_code_in_the_next_run(fresh_store, monkeypatch):
    pattern = r"(?P<n>[一二三四五六七八九十]+)是[\u4e00-\u9fff]{2,}"
    first = pattern_store.compile_pattern(pattern, re.M)
    pattern_store.store_added()
    _as_a_new_process(monkeypatch)
    monkeypatch.setattr(pattern_store, "compiled_parts", lambda *args: pytest.fail("compiled again"))
    again = pattern_store.compile_pattern(pattern, re.M)
    assert again == first == re.compile(pattern, re.M)
    assert again.search("一是推进城市更新").group("n") == "一"


@pytest.mark.parametrize("kept", ["not code", (32, "x", 0, {}, ()), (32, [999999], 0, {}, (None,))])
def test_kept_code_that_is_not_sound_falls_back_to_re_compile(fresh_store, monkeypatch, kept):
    monkeypatch.setattr(pattern_store, "_stored", {(r"[a-z]+年", 0): kept})
    made = pattern_store.compile_pattern(r"[a-z]+年")
    assert made == re.compile(r"[a-z]+年") and made.search("ab年").span() == (0, 3)


def test_a_pattern_in_error_is_reported_as_re_compile_reports_it(fresh_store):
    with pytest.raises(re.error, match="missing \\)"):
        pattern_store.compile_pattern(r"(未闭合")
