"""Regular expressions compiled once per Python, not once per run (issue 19: start-up).

A check of a report compiles about 300 patterns, some 100 ms of every run, nearly all of it in
``re``'s parser and in its optimisation of character sets (a CJK range such as
``[\\u4e00-\\u9fff]`` is expanded character by character). What ``re`` makes of a pattern, the
code its matching engine runs and the pattern's groups, depends only on the pattern, its flags
and the Python that compiled it. So it is kept in the user's cache (reportlint.cache, a file for
each Python version) under this Python's version and ``_sre.MAGIC``, and handed back to
``_sre.compile``, the constructor ``re.compile`` itself ends with: the pattern made so is equal to
``re.compile``'s (tests/test_lazy_regex.py compares every pattern of the package). Anything
unexpected, such as another Python's internals, falls back to ``re.compile``.
"""

from __future__ import annotations

import _sre
import atexit
import re
import sys
from typing import Any

try:
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10 names them otherwise: its patterns are compiled by re.compile
    _compiler = _parser = None

from .. import cache

#: what the stored code is valid for: this very Python, and its regular expression engine
STORE_KEY = (sys.version, _sre.MAGIC)
#: more patterns than the package has: the store starts afresh rather than grow without end
#: when patterns are edited over many runs (a developer's checkout)
_MOST_KEPT = 2000

_made: dict[tuple[str, int], re.Pattern[str]] = {}
_stored: dict[tuple[str, int], tuple] | None = None
_added: dict[tuple[str, int], tuple] = {}


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the code kept for it when there is some."""
    flags = int(flags)  # re.M is a RegexFlag, which the cache cannot keep
    made = _made.get((pattern, flags))
    if made is None:
        made = _made[pattern, flags] = _compile(pattern, flags)
    return made


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    parts = _stored_parts().get((pattern, flags))
    try:
        if not _well_formed(parts):
            parts = compiled_parts(pattern, flags)
            _remember((pattern, flags), parts)
        return _sre.compile(pattern, *parts)
    except Exception:  # a pattern in error raises here as re.compile raises; other internals, re.compile copes
        return re.compile(pattern, flags)


def compiled_parts(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re._compiler.compile`` passes ``_sre.compile`` after the pattern: plain data."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # its opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _well_formed(parts: Any) -> bool:
    return (isinstance(parts, tuple) and len(parts) == 5 and isinstance(parts[0], int)
            and isinstance(parts[1], list) and isinstance(parts[2], int) and isinstance(parts[3], dict)
            and isinstance(parts[4], tuple))


def _stored_parts() -> dict[tuple[str, int], tuple]:
    global _stored
    if _stored is None:
        _stored = cache.read_dict("patterns", STORE_KEY)
    return _stored


def _remember(key: tuple[str, int], parts: tuple) -> None:
    _added[key] = parts


@atexit.register
def store_added() -> None:
    """Keep what this process compiled for the next runs (at exit; never raises)."""
    if not _added:
        return
    cache.write_merged("patterns", STORE_KEY, _stored_parts(), _added, _MOST_KEPT)
    _added.clear()


__all__ = ["STORE_KEY", "compile_pattern", "compiled_parts", "store_added"]
