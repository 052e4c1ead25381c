"""Which config and rules apply to each file of a run, decided once per config and kept on the
planner of that run (a run is what one `reportlint check` does)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, ConfigFinder, load_config
from .discovery import FileOptions, FileSettings, file_settings
from .engine import rules_for_document
from .errors import ConfigError, RegistryError
from .i18n import message_of
from .model import RuleMeta, Severity
from .registry import Registry


@dataclass(frozen=True)
class Overrides:
    """What the command line says on top of the config files."""

    config_file: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    encoding: str | None = None
    stdin_filename: str | None = None
    #: include / exclude globs, .gitignore, force-exclude
    files: FileOptions = FileOptions()
    #: replaces every config's fail-level
    fail_level: Severity | None = None


#: a run as the config files alone describe it
NO_OVERRIDES = Overrides()

#: each rule, its options (model.DEFAULT_OPTIONS when the config gives none: made when the rule
#: runs), its effective severity
Rules = list[tuple[RuleMeta, object, Severity]]


@dataclass(frozen=True)
class FilePlan:
    """What a run does with one file: the config that applies and the rules it runs."""

    display: str
    config: Config
    rules: Rules
    fail_level: Severity
    registry: Registry = field(repr=False, compare=False, default=None)  # type: ignore[assignment]


class Planner:
    """The configs of one run: the --config file or each folder's own, validated once each and
    combined with the command line's selection. It travels to worker processes as its
    overrides alone (its rules may not pickle), and plans again there."""

    def __init__(self, overrides: Overrides = NO_OVERRIDES) -> None:
        self.overrides = overrides
        self._explicit: Config | None = None
        self._configs = ConfigFinder()
        # by the id of the base config, kept alive by the entry so that its id stays unique
        self._prepared: dict[int, tuple[Config, Config, Registry]] = {}

    def __getstate__(self) -> dict:
        return {"overrides": self.overrides}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["overrides"])  # type: ignore[misc]

    def base_config(self, folder: Path) -> Config:
        """The config a file in *folder* is checked with, before the command line's selection."""
        if self.overrides.config_file is None:
            return self._configs.config_for(folder)
        if self._explicit is None:
            self._explicit = load_config(self.overrides.config_file)
        return self._explicit

    def validate(self) -> None:
        """Read the --config file now, so that a broken one is reported before any file is read."""
        if self.overrides.config_file is not None:
            self.base_config(Path.cwd())

    def plan(self, path: Path, display: str) -> FilePlan:
        """The config for a file, the rules to run on it and its registry; raises ConfigError.

        Where the file is decides, not the name it is shown by: per-file-ignores match *path*
        (stdin: *display*, the name --stdin-filename gives it). ``check`` shows a file by its
        path; a Dask worker (reportlint.archive) is sent the absolute path with the name the
        user gave, which is relative to another machine's working folder."""
        stdin = path == Path("-")
        base = self.base_config(Path(display).parent if stdin else path.parent)
        if id(base) not in self._prepared:
            self._prepared[id(base)] = (base, *self._prepare(base))
        _, config, registry = self._prepared[id(base)]
        return FilePlan(display, config, rules_for_document(registry, config, display if stdin else str(path)),
                        self.overrides.fail_level or config.fail_level, registry)

    def _prepare(self, config: Config) -> tuple[Config, Registry]:
        """Validate a config and the command-line flags apart (so that a mistyped --select is
        blamed on the flag, not on the config file), then combine them."""
        registry = config.validate()
        overrides = self.overrides
        try:
            registry.check_selectors(overrides.select or (), "--select")
            registry.check_selectors(overrides.extend_select, "--extend-select")
            registry.check_selectors(overrides.ignore, "--ignore")
        except RegistryError as error:
            raise ConfigError(message_of(error)) from None
        return config.with_overrides(overrides.select, overrides.ignore, overrides.extend_select), registry

    def settings_lookup(self):
        """settings_for(folder) for discovery: the folder's config (or --config) and the command
        line's file options; one FileSettings per config."""
        cwd = os.getcwd()
        made: dict[int, tuple[Config, FileSettings]] = {}

        def settings_for(folder: Path) -> FileSettings:
            config = self.base_config(folder)
            if id(config) not in made:
                made[id(config)] = (config, file_settings(config, self.overrides.files, cwd))
            return made[id(config)][1]

        return settings_for


__all__ = ["NO_OVERRIDES", "FilePlan", "Overrides", "Planner", "Rules"]
