"""The methods ``@dataclass`` writes, compiled once per Python, not once per run (issue 19: start-up).

For each of its classes, ``dataclasses`` writes the source text of ``__init__``, ``__repr__``,
``__eq__`` and the rest, and compiles it by calling ``exec`` on the text. The command line makes
84 dataclasses as it starts: 451 texts, about 21 ms of compiling on every run, for a text that
compiles to the same code every time on the same Python.

So while the command line imports reportlint's own modules (:func:`while_loading`: the command
line's modules in reportlint.__main__, the rule modules in reportlint.registry and
reportlint.rule_index, the packs'), the global name ``exec`` in the ``dataclasses`` module is
shadowed by :func:`_exec`, and put back afterwards.
:func:`_exec` compiles a text as ``exec`` itself does: as ``"<string>"``, with no ``__future__``
flags inherited and at this interpreter's ``-O`` level. It then runs the code as ``exec`` would.
Before compiling, it takes the code kept for that very text (keyed by the whole text) when there
is some. The code is kept in the user's cache (reportlint.cache), marshalled, under this Python's
version, its byte-code magic number and its ``-O`` level. It is trusted as the interpreter trusts
the ``__pycache__`` files beside the user's own modules: the folder is the user's own.

What the hook does not cover is passed to ``exec`` unchanged: code objects, keyword arguments, a
text that does not compile (``exec`` raises its own error for it). A stored entry that does not
load as code compiles afresh. Only a process whose command line asked for it (:func:`use_kept_code`,
from ``reportlint.__main__``) is touched: a program that uses reportlint as a library keeps its
``dataclasses`` as they are. The private detail (a module global shadowing a builtin) is confined to
this module; tests/test_class_code.py checks that every class is the same either way.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any

from . import cache, collector

#: what the kept code is valid for: this very Python, its byte code and its optimisation level
STORE_KEY = (sys.version, MAGIC_NUMBER, sys.flags.optimize)
#: more texts than the package writes: the store starts afresh rather than grow without end when
#: dataclasses are edited over many runs (a developer's checkout)
_MOST_KEPT = 2000
#: what exec names the code it compiles from a text
_FILENAME = "<string>"

_wanted = False
_stored: dict[str, bytes] | None = None
_added: dict[str, CodeType] = {}


def use_kept_code() -> None:
    """This process is reportlint's command line: its own dataclasses may take kept code."""
    global _wanted
    _wanted = True


@contextmanager
def while_loading() -> Iterator[None]:
    """Meanwhile, ``dataclasses`` compiles each text once per Python (see the module's doc), if
    :func:`use_kept_code` was called and nobody else has shadowed its ``exec``. Reentrant: an
    inner window leaves the hook to the outer one."""
    if not _wanted or "exec" in vars(dataclasses):
        yield
        return
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        if vars(dataclasses).get("exec") is _exec:
            del dataclasses.exec  # type: ignore[attr-defined]


@contextmanager
def lasting_modules() -> Iterator[None]:
    """While modules that live as long as the process are imported (the rule modules, the packs'):
    their dataclasses take kept code (:func:`while_loading`), and the collector leaves what they
    make alone for good (collector.paused(lasting=True))."""
    with collector.paused(lasting=True), while_loading():
        yield


def _exec(source: Any, globals: Any = None, locals: Any = None, /, **options: Any) -> None:
    """``exec(source, globals, locals)``, a text's compiled code taken from the store."""
    if globals is None:  # exec's own default, the caller's namespaces (dataclasses always passes its own)
        caller = sys._getframe(1)
        globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
    code = code_for(source) if isinstance(source, str) and not options else None
    builtins.exec(source if code is None else code, globals, locals, **options)


def code_for(source: str) -> CodeType | None:
    """What ``exec`` compiles *source* into, from the store when it holds it; None when the text
    does not compile (exec then raises its own error)."""
    code = _added.get(source) or _loaded(_stored_code().get(source))
    if code is None:
        try:
            code = compile(source, _FILENAME, "exec", dont_inherit=True)
        except Exception:
            return None
        _added[source] = code
    return code


def _loaded(stored: Any) -> CodeType | None:
    try:
        code = marshal.loads(stored) if isinstance(stored, bytes) else None
    except Exception:  # cut short or not marshal data: compiled afresh
        return None
    return code if isinstance(code, CodeType) and code.co_filename == _FILENAME else None


def _stored_code() -> dict[str, bytes]:
    global _stored
    if _stored is None:
        _stored = cache.read_dict("class-code", STORE_KEY)
    return _stored


@atexit.register
def store_added() -> None:
    """Keep what this process compiled for the next runs (at exit; never raises)."""
    if not _added:
        return
    added = {source: marshal.dumps(code) for source, code in _added.items()}
    cache.write_merged("class-code", STORE_KEY, _stored_code(), added, _MOST_KEPT)
    _added.clear()


__all__ = ["STORE_KEY", "code_for", "lasting_modules", "store_added", "use_kept_code", "while_loading"]
