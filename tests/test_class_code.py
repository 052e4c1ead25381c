"""The methods dataclasses write, compiled once per Python (reportlint.class_code, issue 19:
start-up): the kept code is the code ``exec`` compiles, the command line takes it on its next
run, a library user's process is left alone, and a store that is not right is compiled afresh."""

from __future__ import annotations

import ast
import dataclasses
import marshal
import os
import pickle
import subprocess
import sys
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest

from reportlint import cache, class_code
from reportlint.version import __version__

PACKAGE = Path(class_code.__file__).resolve().parent

#: run in a new process: every module of the package imported, with the kept code (argv[2] ==
#: "kept") or without; each generated method described, and how many texts were compiled
DESCRIBE_THE_PACKAGE = """
import dataclasses, importlib, marshal, pkgutil, sys
import reportlint
from reportlint import class_code

compiled = []
class_code.compile = lambda *args, **options: compiled.append(args[0]) or compile(*args, **options)
if sys.argv[2] == "kept":
    class_code.use_kept_code()
with class_code.while_loading():
    for module in pkgutil.walk_packages(reportlint.__path__, "reportlint."):
        try:
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
        except ModuleNotFoundError as missing:  # an optional extra not installed (the server's pygls)
            assert not missing.name.startswith("reportlint"), missing
described = {}
for name, module in sorted(sys.modules.items()):
    for owner in [value for value in vars(module).values() if dataclasses.is_dataclass(value)]:
        for method, function in vars(owner).items():
            function = getattr(function, "__wrapped__", function)  # __repr__ under recursive_repr (3.13)
            if getattr(function, "__code__", None) is not None and function.__code__.co_filename == "<string>":
                described[f"{name}:{owner.__qualname__}.{method}"] = (
                    function.__code__, function.__qualname__, repr(function.__annotations__),
                    repr(function.__defaults__), repr(function.__kwdefaults__), repr(owner.__doc__))
with open(sys.argv[1], "wb") as out:
    out.write(marshal.dumps((described, len(compiled), "exec" in vars(dataclasses))))
"""


def describe_the_package(tmp_path: Path, kept: bool) -> tuple[dict, int, bool]:
    out = tmp_path / "described.marshal"
    subprocess.run([sys.executable, "-c", DESCRIBE_THE_PACKAGE, str(out), "kept" if kept else "plain"], check=True)
    return marshal.loads(out.read_bytes())


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A cache folder of the test's own, empty, and class_code as in a new command line process."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(class_code, "_wanted", True)
    monkeypatch.setattr(class_code, "_stored", None)
    monkeypatch.setattr(class_code, "_added", {})
    return home


def as_a_new_run() -> None:
    """What this run compiled is stored (as at its exit), and the next is read as a new process would."""
    class_code.store_added()
    class_code._stored = None


def store_path(home: Path) -> Path:
    return home / "reportlint" / __version__ / f"class-code.{sys.implementation.cache_tag}.marshal"


def test_every_dataclass_of_the_package_is_made_the_same_from_the_kept_code(cache_home, tmp_path):
    plain, compiled_plain, _ = describe_the_package(tmp_path, kept=False)
    cold, compiled_cold, _ = describe_the_package(tmp_path, kept=True)
    warm, compiled_warm, hook_left = describe_the_package(tmp_path, kept=True)
    assert len(plain) > 300 and compiled_plain == 0  # without use_kept_code, dataclasses compile as ever
    assert compiled_cold >= 84 and compiled_warm == 0  # the second run compiles nothing
    assert cold == plain and warm == plain  # code (==: its byte code, constants, names, lines), annotations
    assert not hook_left


# the second: a wrong form of a shipped pack, whose check is made from the cache (packs.format);
# the third: the sample report, whose copies have rules import the topic model as they run
@pytest.mark.parametrize("text", ["一行。\n", "要再接再励，认真布署今年工作。\n", "sample"])
def test_the_command_line_takes_the_kept_code_on_its_second_run(cache_home, tmp_path, text):
    if text == "sample":
        text = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    code = ("import atexit, builtins, dataclasses, sys\n"
            "from reportlint import class_code\n"
            "compiled = []\n"
            "class_code.compile = lambda *args, **options: compiled.append(1) or compile(*args, **options)\n"
            # a dataclass made outside class_code's window compiles its text with exec itself
            "plain_exec = builtins.exec\n"
            "builtins.exec = lambda source, *args: (isinstance(source, str) and compiled.append(1),"
            " plain_exec(source, *args))[1]\n"
            "atexit.register(lambda: print('COMPILED', len(compiled), 'exec' in vars(dataclasses)))\n"
            "sys.argv = ['reportlint', 'check', 'a.txt']\n"
            "from reportlint.__main__ import main\n"
            "main()\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
            for _ in range(2)]
    first, second = ([line for line in run.stdout.splitlines() if line.startswith("COMPILED")] for run in runs)
    assert int(first[0].split()[1]) >= 84 and store_path(cache_home).is_file()
    assert second == ["COMPILED 0 False"]  # none compiled, and the hook was taken away again
    assert runs[0].stdout.replace(first[0], "") == runs[1].stdout.replace(second[0], "")
    assert runs[0].returncode == runs[1].returncode == (0 if text == "一行。\n" else 1)


def test_a_library_user_s_dataclasses_are_left_alone(cache_home, tmp_path):
    code = ("import dataclasses\n"
            "from reportlint import api, class_code\n"
            "api.lint_text('一行。\\n')\n"
            "@dataclasses.dataclass\nclass Mine:\n    x: int\n"
            "class_code.store_added()\n"
            "print(class_code._wanted, len(class_code._added), 'exec' in vars(dataclasses))\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["False", "0", "False"]
    assert not store_path(cache_home).exists()


@dataclass(frozen=True, order=True)
class Money:
    amount: int
    unit: str = "元"
    notes: tuple[str, ...] = ()


def made(kind_of_run: str) -> tuple[type, type]:
    """Two dataclasses of many features (slots, kw_only, InitVar, ClassVar, defaults, a factory,
    unsafe_hash), made under class_code's hook."""
    with class_code.while_loading():
        assert ("exec" in vars(dataclasses)) == (kind_of_run != "plain")

        @dataclass(slots=True, unsafe_hash=True, kw_only=True)
        class Line:
            number: int
            words: list[str] = field(default_factory=list, hash=False)
            scale: InitVar[int] = 1
            kind: ClassVar[str] = "line"

            def __post_init__(self, scale: int) -> None:
                self.number *= scale

        @dataclass(frozen=True, order=True)
        class Figure:
            value: float
            unit: str = "亿元"

    return Line, Figure


def methods(cls: type) -> dict[str, tuple]:
    return {name: (value.__code__, value.__qualname__, repr(value.__annotations__), repr(value.__defaults__),
                   repr(value.__kwdefaults__))
            for name, value in vars(cls).items() if getattr(value, "__code__", None) is not None
            and value.__code__.co_filename == "<string>"}


def test_kept_code_makes_classes_that_behave_as_plainly_made_ones(cache_home, monkeypatch):
    monkeypatch.setattr(class_code, "_wanted", False)
    plain = made("plain")
    monkeypatch.setattr(class_code, "_wanted", True)
    cold = made("cold")
    assert class_code._added
    as_a_new_run()
    monkeypatch.setattr(class_code, "compile", lambda *args, **options: pytest.fail("compiled again"), raising=False)
    warm = made("warm")
    assert not class_code._added
    for ours in (cold, warm):
        for cls, mine in zip(plain, ours):
            assert methods(cls) == methods(mine) and len(methods(cls)) >= 3
            assert mine.__doc__ == cls.__doc__
        line, figure = ours
        first = line(number=2, words=["甲"], scale=3)
        assert (first.number, first.words) == (6, ["甲"]) and repr(first).endswith("Line(number=6, words=['甲'])")
        assert first == line(number=6, words=["甲"]) and first != line(number=7, words=["甲"])
        assert hash(first) == hash(line(number=6, words=["乙"]))  # words take no part in the hash
        assert [field.name for field in dataclasses.fields(line)] == ["number", "words"]
        low, high = figure(1.5), figure(2.0, "万元")
        assert low < high and sorted([high, low]) == [low, high] and {low, figure(1.5)} == {low}
        assert dataclasses.replace(low, unit="万元") == figure(1.5, "万元")
        assert dataclasses.asdict(high) == {"value": 2.0, "unit": "万元"}
        with pytest.raises(dataclasses.FrozenInstanceError):
            low.value = 3  # type: ignore[misc]
        with pytest.raises(TypeError):
            line(2)  # keyword-only


def test_a_kept_class_pickles_as_a_plain_one(cache_home):
    # a module-level class, as the engine's violations are: pickled by reference, not by its methods
    money = Money(5, notes=("甲",))
    assert pickle.loads(pickle.dumps(money)) == money


@pytest.mark.parametrize("stored", [b"not marshal", marshal.dumps(5), marshal.dumps(compile("x = 1", "other", "exec")),
                                    "a string"])
def test_a_stored_entry_that_is_not_this_text_s_code_is_compiled_afresh(cache_home, stored):
    text = "def __create_fn__():\n def f(self):\n  return 1\n return f"
    cache.write("class-code", class_code.STORE_KEY, {text: stored})
    code = class_code.code_for(text)
    assert code == compile(text, "<string>", "exec", dont_inherit=True) and text in class_code._added


@pytest.mark.parametrize("content", [b"", b"\x00\x01not marshal", marshal.dumps(5), marshal.dumps([("key", {})])])
def test_a_corrupt_or_foreign_store_is_compiled_afresh_and_written_anew(cache_home, content):
    made("cold")
    as_a_new_run()
    store_path(cache_home).write_bytes(content)
    class_code._stored = None
    line, figure = made("after a corrupt store")
    assert figure(1.0) == figure(1.0) and line(number=1).number == 1
    assert class_code._added  # compiled afresh
    as_a_new_run()
    assert class_code.code_for(next(iter(class_code._stored_code()))) is not None
    assert len(class_code._stored_code()) >= 2  # one text per class on Python 3.13, one per method before


def test_another_python_s_store_is_not_taken(cache_home, monkeypatch):
    made("cold")
    as_a_new_run()
    monkeypatch.setattr(class_code, "STORE_KEY", ("another Python", b"\x00\x00\r\n", 0))
    class_code._stored = None
    made("warm")
    assert class_code._added


def test_the_store_starts_afresh_rather_than_grow_without_end(cache_home, monkeypatch):
    made("cold")
    as_a_new_run()
    monkeypatch.setattr(class_code, "_MOST_KEPT", 1)
    class_code.code_for("x = 1")
    as_a_new_run()
    assert list(class_code._stored_code()) == ["x = 1"]


def test_the_hook_is_exec_for_what_it_does_not_keep(cache_home):
    namespace: dict = {}
    class_code._exec("def f() -> int:\n    return 1", namespace)  # no __future__ inherited from class_code
    assert namespace["f"].__annotations__ == {"return": int}
    class_code._exec(compile("y = 2", "<string>", "exec"), namespace, None)
    assert namespace["y"] == 2
    with pytest.raises(SyntaxError) as raised:
        class_code._exec("def (", {})
    with pytest.raises(SyntaxError) as expected:
        exec("def (", {})
    assert (raised.value.msg, raised.value.filename, raised.value.lineno, raised.value.offset) == \
        (expected.value.msg, expected.value.filename, expected.value.lineno, expected.value.offset)


def caller_s_namespace() -> dict:
    local = 1  # noqa: F841 (read by the text)
    found: dict = {}
    class_code._exec("found['local'] = local; found['module'] = __name__")
    return found


def test_the_hook_given_no_namespace_uses_its_caller_s_as_exec_does():
    assert caller_s_namespace() == {"local": 1, "module": __name__}


def test_someone_else_s_hook_and_an_outer_window_are_left_in_place(cache_home, monkeypatch):
    def other(*args):
        return exec(*args)

    with class_code.while_loading():
        with class_code.while_loading():
            assert dataclasses.exec is class_code._exec
        assert dataclasses.exec is class_code._exec
    assert "exec" not in vars(dataclasses)
    monkeypatch.setattr(dataclasses, "exec", other, raising=False)
    with class_code.while_loading():
        assert dataclasses.exec is other
    assert dataclasses.exec is other


def _is_dataclass_decorator(node: ast.expr) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return (isinstance(target, ast.Name) and target.id == "dataclass") or \
        (isinstance(target, ast.Attribute) and target.attr == "dataclass")


def test_every_dataclass_of_the_package_has_a_docstring():
    # for a class with none, dataclasses writes one from inspect.signature(cls): ~45 µs a class,
    # 2 ms of every start for the 45 that the command line made without one
    undocumented = {f"{path.relative_to(PACKAGE).as_posix()}: {node.name}"
                    for path in PACKAGE.rglob("*.py") for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(node, ast.ClassDef) and any(map(_is_dataclass_decorator, node.decorator_list))
                    and ast.get_docstring(node) is None}
    assert not undocumented, sorted(undocumented)
