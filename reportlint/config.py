"""Configuration: ``[tool.reportlint]`` in pyproject.toml, or reportlint.toml /
.reportlint.toml. The nearest file above a checked file wins; ``--config``
names one for every file. Command-line flags are applied on top.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import click

from .errors import ConfigError, RegistryError
from .i18n import Message, message_of, t
from .model import DEFAULT_OPTIONS, OptionsError, RuleMeta, Severity
from .registry import Registry, build_registry
from .suggest import did_you_mean
from .tomlfile import parse_toml_cached, read_toml_cached

CONFIG_FILES = ("reportlint.toml", ".reportlint.toml", "pyproject.toml")
#: the config files of each name whose tables the user's cache keeps (tomlfile.read_toml_cached):
#: one for each project a user lints in turn, and one it extends
_CONFIGS_KEPT = 8
KEYS = ("extend", "select", "ignore", "extend-select", "per-file-ignores", "severity", "rule",
        "allow-words", "rule-packs", "include", "extend-include", "exclude", "extend-exclude",
        "respect-gitignore", "force-exclude", "fail-level")


@dataclass(frozen=True)
class FileOptions:
    """Which files a folder walk picks: globs (None: the defaults, or the config's when the command
    line says nothing), .gitignore, and whether to exclude files named on the command line too
    (pre-commit names every file)."""

    include: tuple[str, ...] | None = None
    extend_include: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None


#: what a config without file keys says
CONFIG_FILE_DEFAULTS = FileOptions(respect_gitignore=True, force_exclude=False)


@dataclass(frozen=True)
class Config:
    """The settings a config file gives (reportlint.toml or pyproject's [tool.reportlint]), the
    defaults where it says nothing."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    allow_words: frozenset[str] = frozenset()
    rule_packs: tuple[Path, ...] = ()
    #: which files a folder walk picks (see reportlint.discovery)
    files: FileOptions = CONFIG_FILE_DEFAULTS
    #: the least severity a finding needs to make the run fail (exit 1)
    fail_level: Severity = Severity.WARNING
    #: the file it came from (None: defaults) and the folder its patterns are relative to
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    def registry(self) -> Registry:
        try:
            return build_registry(self.rule_packs)
        except (RegistryError, OSError) as error:
            raise ConfigError(message_of(error)) from None

    def with_overrides(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (),
                       extend_select: tuple[str, ...] = ()) -> Config:
        """Apply command-line selection. As in ruff, ``--select`` says exactly what
        to run: it replaces the config's select, extend-select and ignore."""
        if select is not None:
            return dataclasses.replace(self, select=select, ignore=ignore, extend_select=extend_select)
        return dataclasses.replace(
            self, ignore=self.ignore + ignore, extend_select=self.extend_select + extend_select
        )

    def validate(self) -> Registry:
        """Check every selector, severity and option against the rules; return the registry."""
        registry = self.registry()
        where = str(self.path) if self.path else Message("the command line")
        try:
            # The message starts with *where*; the labels need not repeat it.
            registry.check_selectors(self.select + self.extend_select, "select")
            registry.check_selectors(self.ignore, "ignore")
            for pattern, selectors in self.per_file_ignores:
                registry.check_selectors(selectors, f"per-file-ignores {pattern!r}")
            for selector, level in self.severity:
                registry.check_selectors([selector], "severity")
                Severity.parse(level)
            for name, values in self.rule_options:
                registry.get(name).make_options(dict(values))
        except (RegistryError, OptionsError, ValueError) as error:
            raise ConfigError(Message("{where}: {error}", where=where, error=message_of(error))) from None
        return registry

    def rules_for(self, registry: Registry, path: str) -> list[RuleMeta]:
        ignore = list(self.ignore)
        relative = _relative(Path(path), self.root)
        for pattern, selectors in self.per_file_ignores:
            if _matches(relative, pattern) or (is_absolute_glob(pattern) and _matches_absolute(Path(path), pattern)):
                ignore.extend(selectors)
        return registry.resolve(self.select + self.extend_select, ignore)

    def severity_for(self, registry: Registry, meta: RuleMeta) -> Severity:
        best, level = 0, meta.severity
        for selector, value in self.severity:
            score = registry.specificity(selector, meta)
            if score > best:
                best, level = score, Severity.parse(value)
        return level

    def options_for(self, meta: RuleMeta) -> Any:
        """The rule's options for this config; DEFAULT_OPTIONS when it gives none (made when
        the rule runs)."""
        values: dict[str, Any] = {}
        for name, items in self.rule_options:
            if name in (meta.name, meta.code):
                values.update(items)
        return meta.make_options(values) if values else DEFAULT_OPTIONS


def _relative(path: Path, root: Path) -> str:
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
    except (ValueError, OSError):
        return PurePosixPath(path).as_posix()


def _matches(relative: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(PurePosixPath(relative).name, pattern)


def is_absolute_glob(pattern: str) -> bool:
    """A glob that an extended config's folder was put in front of (see _rooted)."""
    return pattern.startswith("/") or pattern[1:3] == ":/"


def _matches_absolute(path: Path, pattern: str) -> bool:
    return fnmatch.fnmatchcase(path.resolve().as_posix(), pattern)


def load_config(path: Path, _extending: tuple[Path, ...] = ()) -> Config:
    """Read one config file, and the one it extends; an error names the file and what is wrong."""
    try:
        data = read_toml_cached(path, "config file", keep=_CONFIGS_KEPT)
    except ValueError as error:
        raise ConfigError(message_of(error)) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reportlint", {})
    elif isinstance(data.get("tool"), dict) and "reportlint" in data["tool"]:
        raise ConfigError(Message("{path}: [tool.reportlint] is for pyproject.toml; in {name} write the keys "
                                  "at the top level (select = [...], not [tool.reportlint] select = [...])",
                                  path=path, name=path.name))
    config = _from_table(data, path)
    if "extend" not in data:
        return config
    return _extended(_base_of(data["extend"], path, _extending), config, data)


def _base_of(extend: Any, path: Path, extending: tuple[Path, ...]) -> Config:
    """The config that *path* extends (a path relative to *path*'s folder)."""
    if not isinstance(extend, str) or not extend.strip():
        raise ConfigError(Message("{path}: 'extend' must be the path of another config file", path=path))
    base = (path.parent / extend).resolve()
    chain = (*extending, path.resolve())
    if base in chain:
        raise ConfigError(Message("{path}: 'extend' makes a loop: {chain}", path=path,
                                  chain=" -> ".join(str(p) for p in (*chain, base))))
    return load_config(base, chain)


# Keys whose lists add up along an extend chain (ruff's extend-* semantics); every other key
# set in the extending file replaces the base's.
_ADDED = ("extend_select", "per_file_ignores", "rule_options", "rule_packs", "allow_words")
_REPLACED = {"select": "select", "ignore": "ignore", "fail-level": "fail_level"}
_FILES_ADDED = ("extend_include", "extend_exclude")
_FILES_REPLACED = {"include": "include", "exclude": "exclude", "respect-gitignore": "respect_gitignore",
                   "force-exclude": "force_exclude"}


def _extended(base: Config, own: Config, table: dict[str, Any]) -> Config:
    """*own* (read from *table*) on top of *base*. The base's globs keep meaning paths below
    the base's folder: those with a / get that folder in front (see _rooted)."""
    base = _rooted(base)
    changes: dict[str, Any] = {}
    for key, name in _REPLACED.items():
        changes[name] = getattr(own if key in table else base, name)
    for name in _ADDED:
        mine, theirs = getattr(base, name), getattr(own, name)
        changes[name] = mine | theirs if isinstance(mine, frozenset) else mine + theirs
    files = {name: getattr(own.files if key in table else base.files, name) for key, name in _FILES_REPLACED.items()}
    files.update((name, getattr(base.files, name) + getattr(own.files, name)) for name in _FILES_ADDED)
    changes["files"] = FileOptions(**files)
    # Severities: the most specific selector wins and, in a tie, the first listed: the extending file's.
    changes["severity"] = own.severity + base.severity
    return dataclasses.replace(own, **changes)


def _rooted(config: Config) -> Config:
    """*config* with each glob that names a path below its folder (one with a /) made absolute,
    so that it still means the same files from another config's folder."""
    root = fnmatch_escape(config.root.resolve().as_posix())

    def absolute(patterns):
        if patterns is None:
            return None
        return tuple(p if "/" not in p or is_absolute_glob(p) else f"{root}/{p.removeprefix('./')}" for p in patterns)

    files = config.files
    return dataclasses.replace(
        config,
        files=dataclasses.replace(files, include=absolute(files.include), extend_include=absolute(files.extend_include),
                                  exclude=absolute(files.exclude), extend_exclude=absolute(files.extend_exclude)),
        per_file_ignores=tuple((absolute((p,))[0], selectors) for p, selectors in config.per_file_ignores),
    )


def fnmatch_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _from_table(table: dict[str, Any], path: Path) -> Config:
    read = _Table(table, path)
    root = path.parent
    return Config(
        select=read.strings("select") if "select" in table else ("ALL",),
        ignore=read.strings("ignore"),
        extend_select=read.strings("extend-select"),
        per_file_ignores=read.per_file_ignores(),
        severity=read.severities(),
        rule_options=read.rule_options(),
        allow_words=frozenset(read.strings("allow-words")),
        rule_packs=tuple((root / p).resolve() for p in read.strings("rule-packs")),
        files=FileOptions(
            include=read.globs("include"),
            extend_include=read.strings("extend-include"),
            exclude=read.globs("exclude"),
            extend_exclude=read.strings("extend-exclude"),
            respect_gitignore=read.flag("respect-gitignore", True),
            force_exclude=read.flag("force-exclude", False),
        ),
        fail_level=read.fail_level(),
        path=path,
        root=root,
    )


class _Table:
    """The values of a config table, each checked for its type (ConfigError names the key)."""

    def __init__(self, table: dict[str, Any], path: Path) -> None:
        self.table, self.where = table, str(path)
        for key in table:
            if key not in KEYS:
                raise ConfigError(Message("{path}: unknown key {key}{hint}", path=self.where, key=repr(key),
                                          hint=did_you_mean(key, KEYS)))

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(Message("{path}: {key} must be a list of strings", path=self.where, key=repr(key)))
        return tuple(value)

    def globs(self, key: str) -> tuple[str, ...] | None:
        return self.strings(key) if key in self.table else None

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.table.get(key, {})
        if not isinstance(value, dict):
            raise ConfigError(Message("{path}: {key} must be a table", path=self.where, key=repr(key)))
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(Message("{path}: {key} must be true or false", path=self.where, key=repr(key)))
        return value

    def per_file_ignores(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        per_file = []
        for pattern, selectors in self.mapping("per-file-ignores").items():
            if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
                raise ConfigError(Message("{path}: per-file-ignores {pattern} must be a list of rule codes or names",
                                          path=self.where, pattern=repr(pattern)))
            per_file.append((pattern, tuple(selectors)))
        return tuple(per_file)

    def severities(self) -> tuple[tuple[str, str], ...]:
        severity = []
        for selector, level in self.mapping("severity").items():
            if not isinstance(level, str):
                raise ConfigError(Message("{path}: severity of {selector} must be error, warning or info",
                                          path=self.where, selector=repr(selector)))
            severity.append((selector, level))
        return tuple(severity)

    def rule_options(self) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
        options = []
        for name, values in self.mapping("rule").items():
            if not isinstance(values, dict):
                raise ConfigError(Message("{path}: [rule.{name}] must be a table of options", path=self.where,
                                          name=name))
            options.append((name, tuple(values.items())))
        return tuple(options)

    def fail_level(self) -> Severity:
        value = self.table.get("fail-level", "warning")
        try:
            return Severity.parse(value) if isinstance(value, str) else Severity.parse("")
        except ValueError:
            raise ConfigError(Message("{path}: 'fail-level' must be error, warning or info, got {value}",
                                      path=self.where, value=repr(value))) from None


def find_config_file(start: Path) -> Path | None:
    """The nearest config file in *start* or a folder above it."""
    return ConfigFinder().config_file(start)


class ConfigFinder:
    """The config files of one run, each folder looked up and each file read once: a run of many
    files in one folder reads its config once, and a later run sees the files as they are then."""

    def __init__(self) -> None:
        self._files: dict[Path, Path | None] = {}
        self._configs: dict[Path, Config] = {}

    def config_for(self, folder: Path) -> Config:
        """The config that applies to files in *folder* (defaults when there is none)."""
        # By absolute folder: a relative one (".") names another folder after a chdir.
        folder = folder.resolve()
        if folder not in self._configs:
            path = self._find_in(folder)
            self._configs[folder] = load_config(path) if path else Config(root=folder)
        return self._configs[folder]

    def config_file(self, start: Path) -> Path | None:
        return self._find_in(start.resolve())

    def _find_in(self, folder: Path) -> Path | None:
        if folder not in self._files:
            self._files[folder] = self._look_in(folder)
        return self._files[folder]

    def _look_in(self, folder: Path) -> Path | None:
        found = [folder / name for name in CONFIG_FILES if _is_file(folder / name)
                 and (name != "pyproject.toml" or _has_tool_section(folder / name))]
        if len(found) > 1:
            # Only the first is read: a setting in the other would silently do nothing.
            others = ", ".join(p.name for p in found[1:])
            click.echo(t("reportlint: warning: {message}", message=t(
                "{folder} has more than one config file: {used} is used, {others} ignored",
                folder=folder, used=found[0].name, others=others)), err=True)
        if found:
            return found[0]
        if folder.parent == folder:
            return None
        return self._find_in(folder.parent)


def _is_file(path: Path) -> bool:
    """Path.is_file, but False for a folder that may not be searched (mode 000 or 444 for a user
    other than root: the stat fails with a permission error that is_file does not swallow)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _has_tool_section(path: Path) -> bool:
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "reportlint" in parse_toml_cached(data, path, "config file", keep=_CONFIGS_KEPT).get("tool", {})
    except ValueError:
        # Malformed but meant for us: load_config will say what is wrong.
        return "[tool.reportlint" in text


def config_for(folder: Path) -> Config:
    """The config that applies to files in *folder* (defaults when there is none), read now."""
    return ConfigFinder().config_for(folder)
