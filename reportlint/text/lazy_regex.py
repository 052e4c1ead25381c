"""Regular expressions compiled on first use, not when their module is imported.

The modules of the rules and the analyses define about 390 patterns at their top level. Compiled
at import, they cost every run about 100 ms before any text was read, most of it in ``re``'s
optimisation of character sets: a CJK range such as ``[\\u4e00-\\u9fff]`` is expanded character
by character, about a millisecond each time. Many of them serve rare cases (a newspaper's
leftovers, a Word file's marks), so a run now pays only for those its text reaches, and
compiles each from the code kept from an earlier run (text/pattern_store.py).
"""

from __future__ import annotations

import re
from typing import Any

from .pattern_store import compile_pattern

_PATTERN_NAMES = frozenset(name for name in dir(re.Pattern) if not name.startswith("__"))


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``: its methods and attributes are the compiled
    pattern's, compiled the first time one is asked for. ``pattern`` is known without compiling,
    so that other patterns can be built from it."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Reached only for a name the instance lacks: the compiled pattern's, kept on the instance
        # so that the next look-up of it is a plain attribute (no call of this method again).
        if name not in _PATTERN_NAMES:
            # not a pattern's (the registry looks for a rule's `meta` on everything a module holds;
            # copy and pickle ask for dunders): no reason to compile
            raise AttributeError(name)
        value = getattr(compile_pattern(self.pattern, self._flags), name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


#: (first characters, pattern) of each pattern made by ``opened_by``: the tests check that the
#: lookahead changes none of its matches
OPENED: list[tuple[str, str]] = []


def opened_by(first: str, pattern: str) -> str:
    """*pattern* behind a lookahead of the characters its matches start with, *first* (the inside
    of a character class). A pattern that opens with an alternation of classes, or with a
    lookbehind, gets no quick scan from ``re``: it is tried in full at every character, which for
    a pattern run over every paragraph costs two to seven times the time with the lookahead. The
    lookahead changes no match as long as *first* holds every character a match can start with."""
    OPENED.append((first, pattern))
    return f"(?=[{first}])(?:{pattern})"


__all__ = ["LazyPattern", "opened_by"]
