"""A validated pack rule as plain data, and back (issue 19: the sample).

A shipped pack is validated once, when the user's cache is filled (packs.load_builtin_packs):
validating confusable-words.toml, 660 entries, took 4-8 ms of every run whose text held one of
its wrong forms, and a report nearly always does (截止, 过度, 成份). What the check needs of each
rule is kept as plain values (reportlint.cache: strings, numbers, tuples, dicts), and an entry
is made again only when the text holds its wrong form (matching.EntryIndex), a few a run.
"""

from __future__ import annotations

from typing import Any

from ..model import Severity
from .bounded_regex import LazyRegex
from .format import Context, Entry, Pair, RuleSpec

#: what the check needs of a rule besides its entries (the documentation is kept apart)
_SPEC_FIELDS = ("code", "name", "kind", "summary", "message", "fix", "reason", "replace")


def stored_spec(spec: RuleSpec) -> dict[str, Any]:
    """What a word or pattern rule's check needs of *spec*, as plain values; its entries by
    wrong form, in the pack's order."""
    entries: dict[str, list[Any]] = {}
    for entry in spec.entries:
        entries.setdefault(entry.wrong, []).append(stored_entry(entry))
    return {**{field: getattr(spec, field) for field in _SPEC_FIELDS}, "severity": spec.severity.value,
            "pattern": _stored_regex(spec.pattern), "entries": entries,
            "dated": any(entry.since for entry in spec.entries)}


def restored_spec(stored: dict[str, Any]) -> RuleSpec:
    """The RuleSpec a check is made from, without its entries (made from ``stored["entries"]``
    one wrong form at a time) and without its documentation."""
    fields = {field: stored[field] for field in _SPEC_FIELDS}
    return RuleSpec(**fields, severity=Severity(stored["severity"]), description="", why="", rationale="",
                    examples={}, pattern=_restored_regex(stored["pattern"]))


def stored_entry(entry: Entry) -> tuple[Any, ...]:
    return (entry.wrong, entry.right, entry.label, entry.reason, tuple(_stored_context(c) for c in entry.contexts),
            entry.severity.value if entry.severity else None, entry.examples, entry.lead, entry.since,
            None if entry.pair is None else (_stored_context(entry.pair.then), entry.pair.within,
                                             _stored_regex(entry.pair.between)))


def restored_entry(stored: tuple[Any, ...]) -> Entry:
    wrong, right, label, reason, contexts, severity, examples, lead, since, pair = stored
    return Entry(wrong, right, label, reason, tuple(_restored_context(c) for c in contexts),
                 Severity(severity) if severity else None, examples, lead, since,
                 None if pair is None else Pair(_restored_context(pair[0]), pair[1], _restored_regex(pair[2])))


def _stored_context(context: Context) -> tuple[Any, ...]:
    return context.key, context.source, context.literals, _stored_regex(context.regex)


def _restored_context(stored: tuple[Any, ...]) -> Context:
    key, source, literals, regex = stored
    return Context.restored(key, source, literals, _restored_regex(regex))


def _stored_regex(regex: LazyRegex | None) -> tuple[str, str, bool] | None:
    return None if regex is None else (regex.source, regex.written, regex.shipped)


def _restored_regex(stored: tuple[str, str, bool] | None) -> LazyRegex | None:
    return None if stored is None else LazyRegex(*stored)
