"""'Did you mean …?' for mistyped keys, rule codes and names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .i18n import Message


def closest(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    match = closest(word, choices)
    return Message(" (did you mean {name}?)", name=repr(match)) if match else ""
