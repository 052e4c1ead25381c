"""The built-in rules known without importing their modules (issue 19: start-up).

A run needs every rule's code, name and severity before it reads a line (to resolve ``select``
and ``ignore``), but a rule's module only when the rule checks a text: importing the 27 modules
of reportlint.checks with what they import took about 18 ms, before the first file was read.
A large report that homophone-slip is checked beside the other rules (linting.BESIDE) paid
that in full before the fork, though the forked process needs one of those modules.

So the registry's view of each rule (:func:`described`) is kept in the user's cache
(reportlint.cache) under the size and modification time of every module of reportlint.checks and
of the modules that decide what a rule is, as Python keys its own byte-code cache: an edit, a
new version or another install is a new key. A later run builds :class:`RuleOnImport` objects
from it, and a rule's module is imported the first time its check, its options or its
documentation are wanted.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from typing import Any

from . import cache, class_code
from .model import Check, NoOptions, RuleMeta, Severity

#: the modules besides reportlint.checks' own whose text decides what the index holds
_DECIDING = ("model.py", "rule_index.py")
#: the indexes kept side by side: one per install of this version (a project's venv, pre-commit's
#: own), whose modules' times differ, so that running them in turn is no miss each time
_INSTALLS_KEPT = 4
#: what :func:`described` keeps of a rule, besides where its check is
#: (not its documentation: two thirds of the index, and no run that lints needs it)
_FIELDS = ("code", "name", "severity", "summary", "fixable", "source", "fix_kinds", "supersedes", "rationale",
           "reads")


class RuleOnImport(RuleMeta):
    """A built-in rule as the index describes it. Its check, its options and its documentation
    are the ones its module defines, which is imported on first use. One object per rule in a
    process: equal only to itself, so that comparing or hashing it imports nothing."""

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __init__(self, module: str, function: str, has_options: bool, **fields: Any) -> None:
        for name, value in fields.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_where", (module, function, has_options))
        object.__setattr__(self, "_imported", None)

    @property
    def check(self) -> Check:  # type: ignore[override]
        return self.imported().check

    @property
    def options(self) -> type:  # type: ignore[override]
        return self.imported().options if self._where[2] else NoOptions

    @property
    def doc(self) -> str:  # type: ignore[override]
        return self.imported().doc

    @property
    def is_imported(self) -> bool:
        return self._imported is not None

    def imported(self) -> RuleMeta:
        """The rule as its module defines it, the module imported now if need be."""
        found = self._imported
        if found is None:
            module, function, _ = self._where
            with class_code.while_loading():  # its dataclasses, as when the registry imports them
                found = getattr(importlib.import_module(module), function).meta
            object.__setattr__(self, "_imported", found)
        return found

    def __repr__(self) -> str:
        return f"RuleOnImport(code={self.code!r}, name={self.name!r}, module={self._where[0]!r})"


def import_now(rules: Iterable[RuleMeta]) -> None:
    """Import the modules of *rules* not imported yet, now, as lasting modules
    (class_code.lasting_modules), as the registry does when it imports them all: called before a
    file's document is read, which must not be frozen with them. Without it, the first collection
    after the file walks every object of the modules (~3 ms)."""
    waiting = [meta for meta in rules if isinstance(meta, RuleOnImport) and not meta.is_imported]
    if waiting:
        with class_code.lasting_modules():
            for meta in waiting:
                meta.imported()


def indexed(package: Any) -> tuple[RuleMeta, ...] | None:
    """The rules of *package* (reportlint.checks) from the index kept for its modules as they
    are now; None when there is none."""
    stored = cache.read("rule-index", _key(package))
    if not isinstance(stored, list) or not stored:
        return None
    try:
        return tuple(_from_description(item) for item in stored)
    except (TypeError, ValueError, KeyError):  # not what described() writes: made afresh
        return None


def keep(package: Any, rules: tuple[RuleMeta, ...]) -> None:
    """Keep the index of *rules*, imported from *package*'s modules, for the next run; only when
    every rule is a function of its module that ``@rule`` declared (what ``imported`` finds)."""
    descriptions = [described(meta) for meta in rules]
    if all(description is not None for description in descriptions):
        cache.write("rule-index", _key(package), descriptions, keep=_INSTALLS_KEPT)


def described(meta: RuleMeta) -> dict[str, Any] | None:
    """What the index keeps of a rule: plain values only (reportlint.cache); None for a rule whose
    check is not a module-level function declared with ``@rule``."""
    check = meta.check
    module, function = getattr(check, "__module__", None), getattr(check, "__name__", None)
    if not module or not function or getattr(check, "meta", None) is not meta:
        return None
    description = {field: getattr(meta, field) for field in _FIELDS}
    description["severity"] = meta.severity.value
    return {**description, "module": module, "function": function, "has_options": meta.options is not NoOptions}


def _from_description(item: dict[str, Any]) -> RuleOnImport:
    fields = {field: item[field] for field in _FIELDS}
    fields["severity"] = Severity(fields["severity"])
    return RuleOnImport(item["module"], item["function"], bool(item["has_options"]), **fields)


def _key(package: Any) -> tuple[tuple[str, int, int], ...]:
    """The name, size and modification time (ns) of each module of *package* and of the modules
    in _DECIDING (os.scandir and os.stat: a run pays for this on every start)."""
    folder = package.__path__[0]
    paths = [entry.path for entry in os.scandir(folder) if entry.name.endswith(".py")]
    here = os.path.dirname(__file__)
    paths += [os.path.join(here, name) for name in _DECIDING]
    key = []
    for path in sorted(paths):
        try:
            stat = os.stat(path)
        except OSError:
            continue
        key.append((os.path.relpath(path, os.path.dirname(here)), stat.st_size, stat.st_mtime_ns))
    return tuple(key)
