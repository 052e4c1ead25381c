"""Which files a run checks: the paths named on the command line and what a
walk of each named folder finds (include / exclude globs, .gitignore files,
symbolic links). Nothing here reads a document.

Modelled on ruff: ``exclude`` replaces the default list and ``extend-exclude``
adds to it; a file named on the command line is checked even when excluded,
unless ``force-exclude`` is set (pre-commit names every staged file).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .config import Config, FileOptions, is_absolute_glob
from .i18n import Message

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.docx")
# Hidden folders and files (.git, .venv, .idea, .DS_Store …) and what tools put
# beside documents: installed packages, caches, built sites (Sphinx's _build
# holds .txt copies of every page).
DEFAULT_EXCLUDE = (".*", "__pycache__", "_build", "dist", "node_modules", "site-packages", "venv")


@dataclass(frozen=True)
class Glob:
    """A glob of a config file or of the command line and the folder it is relative to.

    Without a ``/`` it matches a file or folder name at any depth (``drafts``,
    ``*.bak``); with one, the path below *root* (``drafts/*.md``; ``*`` also
    crosses ``/`` there, as in per-file-ignores).
    """

    pattern: str
    root: str  # absolute
    ignore_case: bool = False

    @classmethod
    def make(cls, pattern: str, root: str, ignore_case: bool = False) -> Glob:
        pattern = pattern.strip().removeprefix("./").rstrip("/")
        return cls(pattern.lower() if ignore_case else pattern, root, ignore_case)

    @property
    def by_name(self) -> bool:
        return "/" not in self.pattern

    def matches(self, absolute: str) -> bool:
        """Does the glob match this absolute path (a file or a folder)?"""
        if self.by_name:
            return self._match(os.path.basename(absolute))
        if is_absolute_glob(self.pattern):  # from a config that another one extends
            return self._match(Path(absolute).as_posix())
        relative = _below(absolute, self.root)
        return relative is not None and self._match(relative)

    def _match(self, text: str) -> bool:
        return fnmatch.fnmatchcase(text.lower() if self.ignore_case else text, self.pattern)


def _below(absolute: str, root: str) -> str | None:
    """*absolute* relative to *root* with ``/``, or None when it is not below it."""
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        return None
    if relative == "." or relative == ".." or relative.startswith(".." + os.sep):
        return None
    return relative.replace(os.sep, "/")


@dataclass(frozen=True)
class FileSettings:
    """Which files a folder walk takes: one config's and the command line's file options."""

    include: tuple[Glob, ...]
    exclude: tuple[Glob, ...]
    respect_gitignore: bool
    force_exclude: bool

    def included(self, absolute: str) -> bool:
        # ~$报告.docx: the lock file Word keeps beside an open document, not a document
        return not os.path.basename(absolute).startswith("~$") and any(g.matches(absolute) for g in self.include)

    def excluded(self, absolute: str) -> bool:
        return any(g.matches(absolute) for g in self.exclude)

    def excluded_with_parents(self, absolute: str) -> bool:
        """Would a walk skip this path, or a folder above it, by the exclude globs?
        Only folders below each glob's root count: a project inside ~/.local is
        not hidden by ``.*``."""
        for glob in self.exclude:
            path = absolute
            while _below(path, glob.root) is not None:
                if glob.matches(path):
                    return True
                path = os.path.dirname(path)
        return False


def file_settings(config: Config, options: FileOptions, cwd: str) -> FileSettings:
    """A config's globs combined with the command line's. The globs of a config
    file are relative to its folder; those of the command line and the
    defaults (when no config file applies) to the working folder."""
    root = os.path.abspath(config.root) if config.path else cwd
    configured = config.files

    def globs(patterns: Iterable[str], base: str, ignore_case: bool = False) -> tuple[Glob, ...]:
        return tuple(Glob.make(p, base, ignore_case) for p in patterns if p.strip())

    def chosen(flag: tuple[str, ...] | None, configured: tuple[str, ...] | None, default: tuple[str, ...],
               extend: tuple[str, ...], flag_extend: tuple[str, ...], ignore_case: bool) -> tuple[Glob, ...]:
        if flag is not None:
            base = globs(flag, cwd, ignore_case)
        else:
            base = globs(default if configured is None else configured, root, ignore_case)
        return base + globs(extend, root, ignore_case) + globs(flag_extend, cwd, ignore_case)

    return FileSettings(
        # 报告.TXT and 报告.Docx are documents too: a file's kind ignores case
        include=chosen(options.include, configured.include, DEFAULT_INCLUDE, configured.extend_include,
                       options.extend_include, ignore_case=True),
        exclude=chosen(options.exclude, configured.exclude, DEFAULT_EXCLUDE, configured.extend_exclude,
                       options.extend_exclude, ignore_case=False),
        respect_gitignore=configured.respect_gitignore if options.respect_gitignore is None else options.respect_gitignore,
        force_exclude=configured.force_exclude if options.force_exclude is None else options.force_exclude,
    )


@dataclass(frozen=True)
class Candidate:
    """A file to check: where it is, and the path the output names it by."""

    path: Path
    display: str


@dataclass(frozen=True)
class Problem:
    """A named or found path that cannot be checked, with why, in one line."""

    display: str
    error: str


SettingsFor = Callable[[Path], FileSettings]


def discover(paths: Iterable[str], settings_for: SettingsFor) -> Iterator[Candidate | Problem]:
    """Every file to check under *paths*, and every path that cannot be checked.

    *settings_for(folder)* gives the settings that apply to the entries of a
    folder (the nearest config above it, or --config, plus the command line).
    ``-`` (stdin) is passed through as a Candidate.
    """
    seen: set[str] = set()  # each file once, under the first name it was given (stdin: "-")
    for item in _discover(paths, settings_for):
        if isinstance(item, Candidate):
            key = "-" if item.path == Path("-") else os.path.realpath(item.path)
            if key in seen:
                continue
            seen.add(key)
        yield item


def _discover(paths: Iterable[str], settings_for: SettingsFor) -> Iterator[Candidate | Problem]:
    for raw in paths:
        if raw == "-":
            yield Candidate(Path("-"), raw)
            continue
        path = Path(raw)
        absolute = os.path.abspath(raw)
        problem = _stat_problem(path)
        if problem:
            yield Problem(raw, problem)
            continue
        settings = settings_for(Path(os.path.dirname(absolute)))
        if settings.force_exclude and settings.excluded_with_parents(absolute):
            continue
        if not os.path.isdir(path):  # os.path.isdir is False, not an error, where a stat is refused
            yield Candidate(path, raw)
            continue
        found = False
        for item in _Walk(settings_for).folder(path):
            found = True
            yield item
        if not found:
            yield Problem(raw, _nothing_found(settings_for(path)))


def _stat_problem(path: Path) -> str | None:
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return Message("broken symbolic link: {target} does not exist", target=os.readlink(path))
        return Message("no such file or folder")
    except PermissionError:
        return Message("permission denied")
    except OSError as error:  # ELOOP for a link to itself, ENAMETOOLONG …
        return (error.strerror or str(error)).lower()
    return None


def _nothing_found(settings: FileSettings) -> str:
    patterns = [g.pattern for g in settings.include]
    if tuple(patterns) == DEFAULT_INCLUDE:
        return Message("no .md, .markdown, .txt or .docx files in this folder")
    return Message("no files matching {patterns} in this folder", patterns=", ".join(patterns))


class _Walk:
    """A depth-first walk, in name order, of one folder named on the command line."""

    def __init__(self, settings_for: SettingsFor) -> None:
        self.settings_for = settings_for

    def folder(self, top: Path) -> Iterator[Candidate | Problem]:
        absolute = os.path.abspath(top)
        outer = _outer_gitignores(absolute) if self.settings_for(top).respect_gitignore else _Ignores()
        if outer.ignored(absolute, is_dir=True):
            outer = _Ignores()  # the user named an ignored folder: check it, as asked
        self.top_real = os.path.realpath(top)
        yield from self._walk(top, absolute, {self.top_real: str(top)}, outer)

    def _walk(self, folder: Path, absolute: str, ancestors: dict[str, str],
              ignores: _Ignores) -> Iterator[Candidate | Problem]:
        settings = self.settings_for(folder)
        if settings.respect_gitignore:
            ignores = ignores.with_file(absolute)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            yield Problem(str(folder), Message("cannot read this folder: {reason}", reason=_reason(error)))
            return
        for entry in entries:
            path, entry_absolute = folder / entry.name, os.path.join(absolute, entry.name)
            if settings.excluded(entry_absolute):
                continue
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as error:
                is_dir = is_file = False
                if settings.included(entry_absolute):
                    yield Problem(str(path), _reason(error))
                    continue
            if settings.respect_gitignore and ignores.ignored(entry_absolute, is_dir):
                continue
            if is_dir:
                real = os.path.realpath(path)
                if real in ancestors:
                    # a link back up the tree: following it would never end
                    yield Problem(str(path), Message("symbolic link loop: leads back to {folder}; not followed",
                                                     folder=ancestors[real]))
                    continue
                yield from self._walk(path, entry_absolute, {**ancestors, real: str(path)}, ignores)
            elif settings.included(entry_absolute):
                if is_file and entry.is_symlink() and self._listed_elsewhere(os.path.realpath(path), settings):
                    continue  # a link to a file this walk lists under its own name: reported there, once
                if is_file:
                    yield Candidate(path, str(path))
                elif entry.is_symlink():
                    problem = _stat_problem(path)
                    if problem:
                        yield Problem(str(path), problem)


    def _listed_elsewhere(self, real: str, settings: FileSettings) -> bool:
        """Whether the file a link points to lies in this walk and is checked there itself."""
        inside = real.startswith(self.top_real.rstrip(os.sep) + os.sep)
        return inside and settings.included(real) and not settings.excluded(real)


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return Message("permission denied")
    return (error.strerror or str(error)).lower()


class _Ignores:
    """The .gitignore files that apply in a folder, nearest last, and the
    repository's .git/info/exclude, which ranks below all of them (as in git)."""

    def __init__(self, specs: tuple = (), info_exclude: tuple | None = None) -> None:
        self.specs = specs  # (folder, GitIgnoreSpec), outermost first
        self.info_exclude = info_exclude

    def with_file(self, folder: str) -> _Ignores:
        spec = _read_gitignore(os.path.join(folder, ".gitignore"))
        return _Ignores((*self.specs, (folder, spec)), self.info_exclude) if spec else self

    def ignored(self, absolute: str, is_dir: bool) -> bool:
        # The nearest file that says anything about the path decides; within a
        # file the last matching pattern does (pathspec's check_file).
        for folder, spec in (*reversed(self.specs), *((self.info_exclude,) if self.info_exclude else ())):
            relative = _below(absolute, folder)
            if relative is None:
                continue
            verdict = spec.check_file(relative + "/" if is_dir else relative).include
            if verdict is not None:
                return verdict
        return False


def _outer_gitignores(top: str) -> _Ignores:
    """Inside a git repository, the .gitignore files of the folders from its root
    down to *top*'s parent and .git/info/exclude; outside one, nothing."""
    folders, folder = [], os.path.dirname(top)
    repository = top if os.path.exists(os.path.join(top, ".git")) else None
    while repository is None:
        folders.append(folder)
        if os.path.exists(os.path.join(folder, ".git")):
            repository = folder
        elif os.path.dirname(folder) == folder:
            return _Ignores()
        else:
            folder = os.path.dirname(folder)
    ignores = _Ignores(info_exclude=_with_folder(repository, os.path.join(repository, ".git", "info", "exclude")))
    for folder in reversed(folders):
        ignores = ignores.with_file(folder)
    return ignores


def _with_folder(folder: str, path: str):
    spec = _read_gitignore(path)
    return (folder, spec) if spec else None


def _read_gitignore(path: str):
    """The patterns of a .gitignore file, or None when there is none (or it
    cannot be read: git itself goes on without it)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            lines = file.read().splitlines()
    except OSError:
        return None
    # imported here: a run that names only files never pays for it
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec if len(spec) else None
