"""One registry for every rule: built-ins, shipped and user packs, plugins.

Selectors (``select`` / ``ignore``) name a rule by code (RL201), by name
(doubled-word), by code prefix (RL2, RL) or ``ALL``. As in ruff, the most
specific selector decides, and ``ignore`` wins a tie.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import pkgutil
import sys
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from . import cache, class_code, rule_index
from .errors import RegistryError
from .i18n import Message
from .model import RuleMeta
from .suggest import closest, did_you_mean

PLUGIN_GROUP = "reportlint.rules"


class Registry:
    def __init__(self, rules: Iterable[RuleMeta]) -> None:
        self._by_code: dict[str, RuleMeta] = {}
        self._by_name: dict[str, RuleMeta] = {}
        for meta in rules:
            self.add(meta)

    def add(self, meta: RuleMeta) -> None:
        for key, table in ((meta.code, self._by_code), (meta.name, self._by_name)):
            other = table.get(key)
            if other is not None and other is not meta:
                raise RegistryError(f"rule {key} from {meta.source} clashes with the one from {other.source}")
        self._by_code[meta.code] = meta
        self._by_name[meta.name] = meta

    def __iter__(self):
        return iter(sorted(self._by_code.values(), key=lambda m: m.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, key: str) -> RuleMeta:
        """A rule by code or name (case-insensitive code)."""
        meta = self._by_code.get(key.upper()) or self._by_name.get(key)
        if meta is None:
            raise RegistryError(Message("unknown rule {rule}{hint}", rule=repr(key),
                                        hint=did_you_mean(key, [*self._by_code, *self._by_name])))
        return meta

    def specificity(self, selector: str, meta: RuleMeta) -> int:
        """How specifically *selector* names *meta*; 0 when it does not."""
        if selector == "ALL":
            return 1
        if selector == meta.name or selector.upper() == meta.code:
            return 100
        if meta.code.startswith(selector.upper()) and selector[:1].isalpha() and selector.isalnum():
            return 1 + len(selector)
        return 0

    def selects_any(self, selector: str) -> bool:
        """Whether *selector* names at least one rule."""
        return any(self.specificity(selector, meta) for meta in self)

    def closest(self, word: str) -> str | None:
        """The code or name most like *word*, for a "did you mean"."""
        return closest(word, [*self._by_code, *self._by_name])

    def check_selectors(self, selectors: Iterable[str], where: str) -> None:
        for selector in selectors:
            if not self.selects_any(selector):
                choices = [*self._by_code, *self._by_name]
                raise RegistryError(Message("unknown rule or prefix {selector} in {where}{hint}", selector=repr(selector),
                                            where=where, hint=did_you_mean(selector, choices)))

    def resolve(self, select: Iterable[str], ignore: Iterable[str]) -> list[RuleMeta]:
        """The rules that *select* enables and *ignore* does not disable."""
        select, ignore = list(select), list(ignore)
        chosen = []
        for meta in self:
            selected = max((self.specificity(s, meta) for s in select), default=0)
            ignored = max((self.specificity(s, meta) for s in ignore), default=0)
            if selected and selected > ignored:
                chosen.append(meta)
        return chosen


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[RuleMeta, ...]:
    """Every rule of reportlint.checks: from the index kept of them (rule_index), their modules
    imported as each is first used; else every module imported now, and the index kept."""
    from . import checks

    known = rule_index.indexed(checks)
    if known is not None:
        return known
    rules = []
    with class_code.lasting_modules():
        for module_info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda m: m.name):
            module = importlib.import_module(f"{checks.__name__}.{module_info.name}")
            rules.extend(_rules_in(vars(module).values()))
    rule_index.keep(checks, tuple(rules))
    return tuple(rules)


def _rules_in(objects: Iterable[object]) -> list[RuleMeta]:
    found = []
    for obj in objects:
        meta = getattr(obj, "meta", None)
        if isinstance(obj, RuleMeta):
            found.append(obj)
        elif isinstance(meta, RuleMeta) and meta.check is obj:
            found.append(meta)
    return found


@lru_cache(maxsize=1)
def builtin_pack_rules() -> tuple[RuleMeta, ...]:
    """The rules of the packs shipped in the wheel, read once: they never change under a process."""
    with class_code.lasting_modules():
        from .packs import load_builtin_packs

        return tuple(load_builtin_packs())


def plugin_rules() -> tuple[RuleMeta, ...]:
    """Rules that installed distributions offer through the ``reportlint.rules`` entry points.

    An entry point may name a rule function (decorated with @rule), a RuleMeta,
    or a module whose rules are collected.
    """
    rules = []
    for entry in _plugin_entry_points():
        try:
            obj = entry.load()
        except Exception as error:  # a broken plugin must say which one it is
            raise RegistryError(f"plugin {entry.name!r} ({entry.value}) failed to load: {error}") from None
        objects = vars(obj).values() if hasattr(obj, "__path__") or type(obj).__name__ == "module" else [obj]
        found = _rules_in(objects)
        if not found:
            raise RegistryError(f"plugin {entry.name!r} ({entry.value}) provides no rule")
        for meta in found:
            if meta.code.startswith("RL"):
                raise RegistryError(f"plugin {entry.name!r}: the RL prefix is reserved for built-in rules ({meta.code})")
            rules.append(dataclasses.replace(meta, source=f"plugin {entry.name}"))
    return tuple(rules)


def _plugin_entry_points() -> list:
    """The ``reportlint.rules`` entry points of the distributions installed now.

    Finding them means importing importlib.metadata and reading the metadata of every installed
    distribution: ~12 ms a run, for nothing in most places (no plugin). What was found is kept in
    the user's cache (reportlint.cache) under each sys.path folder and its modification time:
    installing or removing a distribution adds or removes a folder there, which changes the time
    (importlib.metadata's own cache of a folder's listing goes by it too). A cached empty list
    spares the import; cached entry points are loaded as found ones are."""
    state = _path_state()
    found = cache.read("plugins", state) if state is not None else None
    if isinstance(found, list) and not found:
        return []
    from importlib.metadata import EntryPoint, entry_points

    if isinstance(found, list):
        return [EntryPoint(name, value, PLUGIN_GROUP) for name, value in found]
    scanned = time.time_ns()
    entries = list(entry_points(group=PLUGIN_GROUP))
    if state is not None and _settled(state, scanned):
        cache.write("plugins", state, [[entry.name, entry.value] for entry in entries], keep=_KEPT_PATHS)
    return entries


#: how many sys.paths' plugins are remembered: ``python -m reportlint`` puts the working folder
#: on sys.path, so running it in a few folders in turn must not make each run a miss
_KEPT_PATHS = 8
#: a folder changed this recently may change again within the same tick of the file system's
#: clock (4 ms on Linux, 2 s on FAT) and keep its time: what was found there is not cached
_SETTLING_NS = 3_000_000_000


def _path_state() -> tuple | None:
    """Each sys.path entry (as an absolute path: "" is the working folder) with its modification
    time in ns (None: missing); None when the distributions may come from elsewhere too (a finder
    other than the standard one offers them), so that nothing is cached."""
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return None
    state = []
    for entry in sys.path:
        if not isinstance(entry, str):
            return None
        folder = os.path.abspath(entry)
        try:
            state.append((folder, os.stat(folder).st_mtime_ns))
        except OSError:
            state.append((folder, None))
    return tuple(state)


def _settled(state: tuple, now: int) -> bool:
    return all(mtime is None or mtime < now - _SETTLING_NS for _, mtime in state)


def build_registry(extra_packs: tuple[Path, ...] = ()) -> Registry:
    """Every rule: built-in, of the shipped packs, of the plugins installed now and of *extra_packs*
    (a user's packs, read now). A run builds it once per config (see planning.Planner)."""
    registry = Registry(builtin_rules())
    for meta in builtin_pack_rules():  # first: it loads the packs' modules (see builtin_pack_rules)
        registry.add(meta)
    for meta in plugin_rules():
        registry.add(meta)
    if extra_packs:  # read and validated now (packs.loading): a run without any imports none of that
        from .packs import load_pack

        for path in extra_packs:
            for meta in load_pack(path, builtin=False):
                registry.add(meta)
    return registry
