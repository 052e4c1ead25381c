"""'Did you mean …?' for mistyped keys, rule codes and names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .i18n import Message


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like *word*; among equally like ones, the one with more characters in the
    same places (RL1O1 is RL101 mistyped, not RL311, though difflib rates both alike)."""
    matches = difflib.get_close_matches(word, list(choices), n=5, cutoff=0.6)
    if not matches:
        return None
    best = difflib.SequenceMatcher(None, word, matches[0]).ratio()
    tied = [m for m in matches if difflib.SequenceMatcher(None, word, m).ratio() == best]
    return max(tied, key=lambda m: sum(a == b for a, b in zip(word, m)))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    match = closest(word, choices)
    return Message(" (did you mean {name}?)", name=repr(match)) if match else ""
