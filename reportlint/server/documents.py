"""Which editor documents reportlint lints, as which file, with which config, and the outcome.

A file on disk is linted as itself when reportlint would check it in a folder walk: Markdown
(``.md``, ``.markdown``) or plain text (``.txt``), its extension decides, as on the command line,
and a file the config excludes (``exclude``, ``extend-exclude``) shows no findings.
An untitled document has no extension: its language decides (``markdown``, ``plaintext``, or
``text`` as Neovim calls it). Nothing else is linted: other languages, Word files (which an
editor does not edit as text), and documents of other schemes (a git revision in a diff view).

The config is read again for every lint (the nearest pyproject.toml ``[tool.reportlint]`` or
reportlint.toml above the file, as ``reportlint check`` finds it): reading and validating it
costs about 3 ms, so an edited config applies at the next lint without a cache to invalidate.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from urllib.parse import unquote, urlparse

from pygls.uris import to_fs_path

from ..api import ConfigError, lint_text
from ..config import Config, FileOptions, config_for
from ..discovery import file_settings
from ..i18n import localize, message_of
from ..registry import Registry
from ..results import FileResult

FILE_SUFFIXES = (".md", ".markdown", ".txt")
#: an untitled document's language → the extension it is linted as
LANGUAGE_SUFFIXES = {"markdown": ".md", "plaintext": ".txt", "text": ".txt"}


@dataclass(frozen=True)
class Target:
    """What reportlint lints a document as: the file *path* (its extension picks Markdown or
    plain text, per-file-ignores match it) with the config of *folder* (None: the defaults)."""

    path: str
    folder: Path | None
    untitled: bool = False  # not a file on disk: no folder walk would ever exclude it


def target_of(uri: str, language_id: str | None, workspace_folder: Path | None) -> Target | None:
    """The target of a document, or None when reportlint does not lint it."""
    scheme = urlparse(uri).scheme
    if scheme == "file":
        path = to_fs_path(uri)
        if path is None or PurePath(path).suffix.lower() not in FILE_SUFFIXES:
            return None
        return Target(path, Path(path).parent)
    if scheme == "untitled":
        suffix = LANGUAGE_SUFFIXES.get(language_id or "")
        if suffix is None:
            return None
        # Named inside the workspace, so that its config and per-file-ignores apply.
        name = PurePath(unquote(urlparse(uri).path)).name or "untitled"
        folder = workspace_folder or Path.cwd()
        return Target(str(folder / f"{name}{suffix}"), workspace_folder, untitled=True)
    return None


@dataclass(frozen=True)
class Snapshot:
    """One version of a document's text, as the editor sent it."""

    uri: str
    version: int | None
    text: str
    target: Target


@dataclass
class Outcome:
    """What linting a snapshot gave: findings, or the error of a config that cannot be used."""

    snapshot: Snapshot
    result: FileResult | None = None
    config: Config | None = None
    registry: Registry | None = field(default=None, repr=False)
    config_error: str | None = None  # one line, in the language the server speaks

    @property
    def findings(self):
        return self.result.findings if self.result is not None else []


def config_of(target: Target) -> Config:
    """The config that applies to the target, read now; raises ConfigError."""
    return config_for(target.folder) if target.folder is not None else Config()


def excluded(target: Target, config: Config) -> bool:
    """Whether ``reportlint check`` would skip the file in a folder walk by the exclude globs (the
    config's exclude and extend-exclude, or the defaults: .*, node_modules…): the editor then shows
    nothing for it either, rather than the findings of a file the project chose not to check."""
    if target.untitled or target.folder is None:
        return False
    return file_settings(config, FileOptions(), str(target.folder)).excluded_with_parents(os.path.abspath(target.path))


def lint_snapshot(snapshot: Snapshot) -> Outcome:
    """Lint one snapshot (CPU-bound: the server runs it off its event loop)."""
    try:
        config = config_of(snapshot.target)
        registry = config.validate()
        if excluded(snapshot.target, config):
            return Outcome(snapshot, None, config, registry)
        result = lint_text(snapshot.text, snapshot.target.path, config)
    except ConfigError as error:
        return Outcome(snapshot, config_error=" ".join(str(localize(message_of(error))).split()))
    return Outcome(snapshot, result, config, registry)


__all__ = ["FILE_SUFFIXES", "LANGUAGE_SUFFIXES", "Outcome", "Snapshot", "Target", "config_of", "lint_snapshot",
           "target_of"]
