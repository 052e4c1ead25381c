"""User regular expressions that cannot hang the linter.

A pack's patterns and contexts come from users, and a pattern such as
``(a+)+$`` backtracks for hours on a long line. The ``regex`` module takes a
``timeout=`` on every call; a Budget gives each paragraph and each file a
bounded share of time and raises RegexTimeout once it is spent.

``regex`` (about 9 ms to import) is imported only when a pack really uses a
regular expression: literal word lists never pay for it. The shipped packs' expressions are
compiled by ``re`` wherever it reads them (all but a look-behind of varying width): they are
tested on every real text of the test corpus, so they need no timeout, and a report with a
misspelling such as 截止 or 过度 no longer imports ``regex`` to weigh its context.
"""

from __future__ import annotations

import re
import time
from typing import Any

from ..text.pattern_store import compile_pattern

#: the longest one paragraph may keep one rule's regular expressions busy
PARAGRAPH_SECONDS = 0.25
#: a rule's regular-expression time per file: this much, plus as much again per MB of text
FILE_SECONDS = 1.0


class RegexTimeout(Exception):
    """A user pattern ran out of its time budget."""


def _regex_module():
    import regex  # lazily: see the module docstring

    return regex


def compile_user_regex(source: str) -> Any:
    """A compiled pattern; ValueError with the compiler's message for a bad one."""
    regex = _regex_module()
    try:
        return regex.compile(source, regex.V0)
    except regex.error as error:
        raise ValueError(str(error)) from None
    except (OverflowError, RecursionError) as error:  # absurd repeat counts, deep nesting
        raise ValueError(f"{type(error).__name__}: {error}") from None


def compile_shipped_regex(source: str) -> Any:
    """A shipped pack's pattern: compiled by ``re`` (its compiled code kept from run to run,
    text.pattern_store) where ``re`` reads it, by ``regex`` otherwise."""
    try:
        return compile_pattern(source)
    except re.error:  # a look-behind of varying width (延线 not after 号线|线路): only regex reads it
        return compile_user_regex(source)


class LazyRegex:
    """A pattern compiled on first use (shipped packs: their patterns are tested,
    and a run that never meets a candidate needing them compiles none)."""

    __slots__ = ("source", "written", "shipped", "_compiled")

    def __init__(self, source: str, written: str | None = None, shipped: bool = False) -> None:
        self.source = source
        self.written = written or source  # as the user wrote it, before word lists were expanded
        self.shipped = shipped  # a pattern of a shipped pack, see compile_shipped_regex
        self._compiled: Any = None

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = compile_shipped_regex(self.source) if self.shipped else compile_user_regex(self.source)
        return self._compiled


class Budget:
    """Time left for one rule's regular expressions on one file and paragraph."""

    __slots__ = ("file_left", "paragraph_left")

    def __init__(self, text_length: int) -> None:
        self.file_left = FILE_SECONDS * (1 + text_length / 1_000_000)
        self.paragraph_left = 0.0

    def start_paragraph(self) -> None:
        self.paragraph_left = min(PARAGRAPH_SECONDS, self.file_left)

    def call(self, pattern: LazyRegex, method: str, *args: Any) -> Any:
        """``pattern.method(*args, timeout=…)`` within what is left;
        RegexTimeout naming the pattern when the time is spent."""
        if self.paragraph_left <= 0:
            raise RegexTimeout(pattern.written)
        compiled = pattern.compiled
        bound = getattr(compiled, method)
        began = time.perf_counter()
        try:
            if isinstance(compiled, re.Pattern):  # a shipped pattern: no timeout to give, the time still counted
                return bound(*args)
            return bound(*args, timeout=self.paragraph_left)
        except TimeoutError:
            raise RegexTimeout(pattern.written) from None
        finally:
            spent = time.perf_counter() - began
            self.paragraph_left -= spent
            self.file_left -= spent
