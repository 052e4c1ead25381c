"""The shape of the package, checked from its source: which module may import which.

The imports are read from the code: every `import` and `from` statement, at the top of a module
or inside a function (a deferred import is still a dependency), outside `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reportlint"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            continue
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        else:
            yield from _imports(child)


def package_imports() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name.startswith("reportlint"))
                continue
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("reportlint"):
                stem = node.module
            else:
                continue
            for alias in node.names:
                targets.add(f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in modules else stem)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_package_has_no_import_circle():
    cycle = find_cycle(package_imports())
    assert cycle is None, "import circle: " + " → ".join(cycle or ())


def test_the_cycle_finder_finds_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


RENDERERS = "reportlint.output"
#: what a renderer never needs: it shows a result, it neither reads a file nor applies a fix
NOT_FOR_RENDERERS = {"reportlint.fixing", "reportlint.text.parse", "reportlint.text.docx_reader", "reportlint.text.decoding",
                     "reportlint.api", "reportlint.linting"}
CLI_IMPORTS = 5
#: the other front ends the command line starts, each a loop of its own over the API, imported inside
#: its command only: not counted (watch mode, the language server, `reportlint archive` on Dask)
FRONT_ENDS = {"reportlint.watching", "reportlint.server", "reportlint.archive"}
LONGEST_FUNCTION = 60  # lines of code, its docstring aside (a rule's docstring is its documentation page)


def test_no_renderer_imports_the_fixer_or_a_reader():
    graph = package_imports()
    for module, targets in graph.items():
        if module.startswith(RENDERERS):
            assert not targets & NOT_FOR_RENDERERS, f"{module} imports {sorted(targets & NOT_FOR_RENDERERS)}"


def test_the_command_line_imports_few_modules_of_the_package():
    # flags in, exit code out: the work is the API's
    imported = {target for target in package_imports()["reportlint.cli"] if target != "reportlint"} - FRONT_ENDS
    assert len(imported) <= CLI_IMPORTS, sorted(imported)


def function_lengths():
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                body = node.body
                documented = isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str)
                first = body[1] if documented and len(body) > 1 else body[0]
                yield module_name(path), node.name, node.end_lineno - first.lineno + 1


def test_no_function_is_longer_than_sixty_lines_of_code():
    long = [(module, name, lines) for module, name, lines in function_lengths() if lines > LONGEST_FUNCTION]
    assert not long, long


#: what each room of the package may import from outside itself: reading a document knows no
#: rule, the shared analyses know only documents, rules know no run, renderers know results
ALLOWED = {
    "reportlint.text": {"reportlint.errors", "reportlint.i18n", "reportlint.cache"},
    "reportlint.analysis": {"reportlint.text", "reportlint.cache"},
    "reportlint.checks": {"reportlint.analysis", "reportlint.text", "reportlint.model", "reportlint.engine"},
    "reportlint.output": {"reportlint.i18n", "reportlint.model", "reportlint.results", "reportlint.text",
                          "reportlint.version"},
}


def test_each_room_imports_only_the_rooms_below_it():
    graph = package_imports()
    for room, allowed in ALLOWED.items():
        for module, targets in graph.items():
            if module == room or module.startswith(room + "."):
                outside = {t for t in targets if t != room and not t.startswith(room + ".")}
                strays = {t for t in outside if not any(t == a or t.startswith(a + ".") for a in allowed)}
                assert not strays, f"{module} imports {sorted(strays)}"
