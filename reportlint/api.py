"""The importable API under the command line: lint a string or paths."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, config_for, load_config
from .discovery import FileOptions, FileSettings, Problem, discover, file_settings
from .engine import FileResult, rules_for_document, run_rules
from .errors import ConfigError, InputError, RegistryError
from .i18n import Message, message_of
from .model import Finding, RuleMeta, Severity
from .parallel import map_in_processes
from .parse import DOCX_ENCODING, parse_lines, read_document
from .registry import Registry

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")


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


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    #: every rule that ran on at least one file, by code: SARIF lists their docs
    rules: dict[str, RuleMeta] = field(default_factory=dict)
    #: per file shown: the least severity that fails the run (the config's fail-level)
    fail_levels: dict[str, Severity] = field(default_factory=dict)

    @property
    def findings(self):
        return [f for r in self.files for f in r.findings]

    @property
    def failing(self) -> list[Finding]:
        """The findings that make the run fail (exit 1): at or above their file's fail-level."""
        return [f for r in self.files for f in r.findings
                if f.severity.rank >= self.fail_levels.get(r.path, Severity.WARNING).rank]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error]


def lint_text(text: str, path: str = "<text>", config: Config | None = None) -> FileResult:
    """Lint *text* as if it were the file *path* (its suffix picks Markdown or plain)."""
    config = config or Config()
    registry = config.validate()
    doc = parse_lines(text, path, allow_words=config.allow_words)
    return run_rules(doc, rules_for_document(registry, config, path), registry)


def lint_paths(paths: Iterable[str], overrides: Overrides = Overrides(), stdin: bytes | None = None,
               jobs: int = 1, progress: Callable[[int, int], None] | None = None,
               whole_documents: bool = True) -> RunResult:
    """Lint files and folders (recursively: see reportlint.discovery); ``-`` reads *stdin*.

    *jobs* > 1 lints the files in that many processes, with the same result as
    one; *progress(done, total)* is called as files are done. Raises
    ConfigError for a configuration that cannot be used; a file that cannot be
    read becomes a FileResult with ``error`` set.

    With *whole_documents* False a result keeps of its document only the text
    (``Document.text_only``), which the output formats need: the paragraphs and the
    rules' analyses, needed by fixes and baselines, would hold a run's memory at
    twice the size of all its files.
    """
    _prepared.clear()
    _fixed.clear()
    fixed = _load_fixed_config(overrides)
    result = RunResult()
    # In the order found: an error in place, a file's slot filled once it is linted.
    slots: list[FileResult | None] = []
    tasks: list[_Task] = []
    plans = []
    for item in discover(paths, _settings_lookup(fixed, overrides)):
        if isinstance(item, Problem):
            slots.append(FileResult(item.display, None, error=item.error))
            continue
        display = (overrides.stdin_filename or "-") if item.path == Path("-") else item.display
        # The configs are validated here, before any file is linted (ConfigError).
        plans.append(_plan(item.path, display, overrides, fixed))
        tasks.append(_Task(len(slots), item.path, display, overrides, whole_documents))
        slots.append(None)

    for task, file_result in zip(tasks, _lint_all(tasks, stdin, jobs, progress)):
        slots[task.slot] = file_result
    for (config, rules, _), file_result in zip(plans, (slots[t.slot] for t in tasks)):
        result.fail_levels[file_result.path] = overrides.fail_level or config.fail_level
        if file_result.document is not None:  # only rules that ran on something are listed
            result.rules.update((meta.code, meta) for meta, _, _ in rules)
    result.files = sorted(slots, key=lambda r: r.path)
    result.rules = dict(sorted(result.rules.items()))
    return result


@dataclass(frozen=True)
class FilePlan:
    """What a run would do with one file: the config that applies and the rules it runs."""

    display: str
    config: Config
    rules: list[tuple[RuleMeta, object, Severity]]
    fail_level: Severity


def plan_paths(paths: Iterable[str], overrides: Overrides = Overrides()) -> list[FilePlan | Problem]:
    """The files *paths* would check, in order, each with its settings, and the paths that
    cannot be checked; nothing is read (``--show-files``, ``--show-settings``)."""
    _prepared.clear()
    _fixed.clear()
    fixed = _load_fixed_config(overrides)
    plans: list[FilePlan | Problem] = []
    for item in discover(paths, _settings_lookup(fixed, overrides)):
        if isinstance(item, Problem):
            plans.append(item)
            continue
        display = (overrides.stdin_filename or "-") if item.path == Path("-") else item.display
        config, rules, _ = _plan(item.path, display, overrides, fixed)
        plans.append(FilePlan(display, config, rules, overrides.fail_level or config.fail_level))
    return plans


@dataclass(frozen=True)
class _Task:
    """One file to lint: what a worker process is sent."""

    slot: int
    path: Path
    display: str
    overrides: Overrides
    whole_document: bool = True


def _lint_all(tasks: list[_Task], stdin: bytes | None, jobs: int, progress) -> list[FileResult]:
    """Each task's FileResult, in the order of *tasks*: in this process for one
    job or one file (no pool to start) and for stdin, else in *jobs* worker processes."""
    on_disk = [index for index, task in enumerate(tasks) if not _is_stdin(task)]
    pooled = on_disk if jobs > 1 and len(on_disk) > 1 else []
    sizes = {index: _size(tasks[index].path) for index in pooled}
    if len(pooled) > jobs:
        # The smallest file is linted here first: what the rules load on first use
        # (the word lexicon, ~0.14 s) is then loaded once, and forked workers
        # inherit it instead of each loading it again.
        smallest = min(pooled, key=lambda index: sizes[index])
        pooled = [index for index in pooled if index != smallest]
    results: dict[int, FileResult] = {}
    in_pool = set(pooled)
    here = [index for index in range(len(tasks)) if index not in in_pool]
    for done, index in enumerate(here, 1):
        results[index] = _lint_task(tasks[index], stdin)
        if progress:
            progress(done, len(tasks))
    if pooled:
        outcomes = map_in_processes(
            _lint_task, [tasks[index] for index in pooled], jobs, lost=_lost,
            weights=[sizes[index] for index in pooled],
            progress=progress and (lambda done, _: progress(len(here) + done, len(tasks))))
        results.update(zip(pooled, outcomes))
    return [results[index] for index in range(len(tasks))]


def _is_stdin(task: _Task) -> bool:
    return task.path == Path("-")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _lost(task: _Task, error: BaseException) -> FileResult:
    return FileResult(task.display, None, error=Message("the process checking it failed: {error}",
                                                        error=f"{type(error).__name__}: {error}"))


def _lint_task(task: _Task, stdin: bytes | None = None) -> FileResult:
    """Lint one file; anything that goes wrong comes back as the result's error
    (from a worker process, an exception would lose the other files' results)."""
    try:
        config, rules, registry = _plan(task.path, task.display, task.overrides, _load_fixed_config(task.overrides))
        with _collector_paused():
            try:
                if _is_stdin(task):
                    # --stdin-filename names its format: 报告.docx from stdin is a Word file
                    doc = read_document(Path(task.display), task.display, task.overrides.encoding,
                                        config.allow_words, data=stdin or b"")
                else:
                    doc = read_document(task.path, task.display, task.overrides.encoding, config.allow_words)
            except InputError as error:
                return FileResult(task.display, None, error=message_of(error))
            file_result = run_rules(doc, rules, registry)
            if doc.encoding == DOCX_ENCODING:
                # A Word user cannot go to a line: name the paragraph and its first words.
                from .docx_reader import locate_in_paragraphs

                file_result.findings = locate_in_paragraphs(file_result.findings, doc.source)
            if not task.whole_document:
                file_result.document = doc.text_only()
            return file_result
    except Exception as error:  # a bug, not a bad file: say so, and check the other files
        return FileResult(task.display, None, error=Message("internal error: {error}", error=f"{type(error).__name__}: {error}"))


# Each config is validated once per run (per process); the entry keeps the
# config alive so that its id stays unique.
_prepared: dict[tuple[int, Overrides], tuple[Config, Config, Registry]] = {}


def _plan(path: Path, display: str, overrides: Overrides, fixed: Config | None):
    """The config for a file, the rules to run on it ([(rule, options, severity)]) and its registry."""
    base = fixed or config_for(Path(display).parent if path == Path("-") else path.parent)
    key = (id(base), overrides)
    if key not in _prepared:
        _prepared[key] = (base, *_prepare(base, overrides))
    _, config, registry = _prepared[key]
    return config, rules_for_document(registry, config, display), registry


def _settings_lookup(fixed: Config | None, overrides: Overrides):
    """settings_for(folder) for discovery: the folder's config (or --config) and
    the command line's file options; one FileSettings per config in a run."""
    cwd = os.getcwd()
    made: dict[int, tuple[Config, FileSettings]] = {}

    def settings_for(folder: Path) -> FileSettings:
        config = fixed or config_for(folder)
        if id(config) not in made:
            made[id(config)] = (config, file_settings(config, overrides.files, cwd))
        return made[id(config)][1]

    return settings_for


@contextmanager
def _collector_paused():
    """Linting one file makes objects that all live until its rules are done:
    the cyclic garbage collector would walk the growing heap again and again
    (a 44 MB report lints in 2.2 times the time of a 22 MB one with it, 2.0
    without). Collection resumes between files."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _prepare(config: Config, overrides: Overrides) -> tuple[Config, Registry]:
    """Validate a config and the command-line flags apart (so that a mistyped
    --select is blamed on the flag, not on the config file), then combine them."""
    registry = config.validate()
    _check_overrides(registry, overrides)
    return config.with_overrides(overrides.select, overrides.ignore, overrides.extend_select), registry


def _check_overrides(registry: Registry, overrides: Overrides) -> None:
    try:
        registry.check_selectors(overrides.select or (), "--select")
        registry.check_selectors(overrides.extend_select, "--extend-select")
        registry.check_selectors(overrides.ignore, "--ignore")
    except RegistryError as error:
        raise ConfigError(message_of(error)) from None


_fixed: dict[Path, Config] = {}


def _load_fixed_config(overrides: Overrides) -> Config | None:
    """The --config file's Config, read once per run (and per worker process)."""
    if overrides.config_file is None:
        return None
    if overrides.config_file not in _fixed:
        _fixed[overrides.config_file] = load_config(overrides.config_file)
    return _fixed[overrides.config_file]


__all__ = ["ConfigError", "FilePlan", "Overrides", "RunResult", "lint_paths", "lint_text", "plan_paths"]
