"""The importable API: everything the command line does, for Python callers.

One `Run` owns one run over some paths: it plans each file's config once, lints, applies
fixes and applies or writes a baseline. `lint_text`, `lint_paths`, `fix_paths` and
`plan_paths` are the one-call forms of the common cases::

    from reportlint.api import Overrides, Run

    run = Run(Overrides(select=("RL2",)))
    result = run.lint(["report.txt"])
    for finding in result.findings:
        print(finding.path, finding.line, finding.code, finding.message)
    fixed = run.fix(result, write=False)      # what --fix would write, without writing it
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .config import Config, config_for, load_config
from .discovery import Candidate, FileOptions, Problem, discover
from .engine import rules_for_document, run_rules
from .errors import BaselineError, ConfigError, InputError, RegistryError, ReportlintError
from .fixing import MAX_PASSES, FileFix, Relint, diff_bytes, fix_file, with_fixable
from .linting import Progress, Task, lint_all
from .model import Finding, Severity
from .parallel import available_cores
from .planning import NO_OVERRIDES, FilePlan, Overrides, Planner
from .registry import Registry
from .results import Crash, FileResult, FixableCounts, RunResult
from .text.decoding import check_encoding, read_limited
from .text.parse import parse_lines, parse_text
from .version import __version__

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")


@dataclass
class FixRun:
    """What fixing a run did."""

    #: each file fixed, once (a file named twice, as itself and in its folder, is fixed once)
    fixes: list[FileFix]
    #: what remains to report: the findings on the fixed texts
    result: RunResult
    #: with standard input among the paths: the text to print, fixed, or as it came when it could
    #: not be read or fixed (a filter passes its input through)
    stdin_output: bytes | None = None


class Run:
    """One run of reportlint: the command line's *overrides*, *jobs* processes (None: as many as
    the files' number and size are worth, one per core at most), and
    *progress(done, total)* called as files are linted. The configs it reads are planned once
    and kept on the run, so a run sees the config files as they were when it read them."""

    def __init__(self, overrides: Overrides = NO_OVERRIDES, jobs: int | None = 1,
                 progress: Progress | None = None) -> None:
        self.overrides = overrides
        self.jobs = jobs
        self.progress = progress
        self.planner = Planner(overrides)
        self._plans: dict[str, FilePlan] = {}  # by the name a file is shown by: what its lint used

    def plan(self, paths: Iterable[str]) -> list[FilePlan | Problem]:
        """The files *paths* would check, in order, each with its settings, and the paths that
        cannot be checked; nothing is read (``--show-files``, ``--show-settings``)."""
        self.planner.validate()
        return [item if isinstance(item, Problem) else self.planner.plan(item.path, self._display(item))
                for item in discover(paths, self.planner.settings_lookup())]

    def lint(self, paths: Iterable[str], stdin: bytes | None = None, whole_documents: bool = True) -> RunResult:
        """Lint files and folders (recursively: see reportlint.discovery); ``-`` reads *stdin*.

        Raises ConfigError for a configuration that cannot be used; a file that cannot be read
        becomes a FileResult with ``error`` set. With *whole_documents* False a result keeps of
        its document only the text (``Document.text_only``), which the output formats need: the
        paragraphs, needed by fixes and baselines, would hold a run's memory at twice the size
        of all its files."""
        self.planner.validate()
        slots: list[FileResult | None] = []  # in the order found: an error in place, a file once linted
        tasks: list[Task] = []
        planned: list[tuple[int, FilePlan]] = []
        for item in discover(paths, self.planner.settings_lookup()):
            if isinstance(item, Problem):
                slots.append(FileResult(item.display, None, error=item.error))
                continue
            display = self._display(item)
            plan = self._plans[display] = self.planner.plan(item.path, display)  # ConfigError before any lint
            planned.append((len(slots), plan))
            tasks.append(Task(item.path, display, whole_documents))
            slots.append(None)
        for (slot, _), file_result in zip(planned, lint_all(self.planner, tasks, stdin, self.jobs, self.progress)):
            slots[slot] = file_result
        result = RunResult()
        for slot, plan in planned:
            file_result = slots[slot]
            assert file_result is not None
            result.fail_levels[file_result.path] = plan.fail_level
            if file_result.document is not None:  # only rules that ran on something are listed
                result.rules.update((meta.code, meta) for meta, _, _ in plan.rules)
        result.files = sorted(slots, key=lambda r: r.path)  # type: ignore[arg-type, return-value]
        result.rules = dict(sorted(result.rules.items()))
        return result

    def fix(self, result: RunResult, unsafe: bool = False, write: bool = True, stdin: bytes | None = None) -> FixRun:
        """Apply the fixes of *result* (linted with whole documents): the safe ones, with
        *unsafe* the unsafe ones too, until none is left; with *write*, write each changed file
        in place (atomically, in its encoding and line endings). *stdin*: the bytes read for
        ``-``, whose fixed text is returned, never written."""
        fixes: list[tuple[FileResult, FileFix]] = []
        by_file: dict[str, FileFix] = {}
        for file in result.files:
            if file.document is None:
                continue
            if file.from_stdin:
                fixes.append((file, fix_file(file, self.relinter(file), unsafe, write, self.overrides.encoding, stdin)))
                continue
            key = os.path.realpath(file.path)
            if key not in by_file:
                by_file[key] = fix_file(file, self.relinter(file), unsafe, write, self.overrides.encoding)
            fixes.append((file, by_file[key]))
        after = {id(original): done.result for original, done in fixes}
        remaining = dataclasses.replace(result, files=sorted((after.get(id(r), r) for r in result.files),
                                                             key=lambda r: r.path))
        unique = list({id(done): done for _, done in fixes}.values())
        return FixRun(unique, remaining, self._stdin_output(result, fixes, stdin))

    def relinter(self, file: FileResult) -> Relint:
        """Lint a new text of *file* with the config and the selection its first lint used."""
        assert file.document is not None
        plan = self._plans.get(file.path) or self.planner.plan(Path(file.path), file.path)
        display, encoding = file.path, file.document.encoding

        def relint(text: str) -> FileResult:
            again = with_fixable(run_rules(parse_text(text, display, encoding, plan.config.allow_words), plan.rules,
                                           plan.registry))
            again.from_stdin = file.from_stdin
            return again

        return relint

    def apply_baseline(self, result: RunResult, path: Path) -> tuple[RunResult, int]:
        """*result* without the findings the baseline file records, and how many it hid."""
        from .baseline import filter_baseline  # here: hashlib and json, for runs with a baseline only

        return filter_baseline(result, path)

    def write_baseline(self, result: RunResult, path: Path) -> int:
        """Record the findings of *result* in the baseline file *path*; how many."""
        from .baseline import write_baseline

        return write_baseline(result, path)

    def _display(self, item: Candidate) -> str:
        return (self.overrides.stdin_filename or "-") if item.path == Path("-") else item.display

    @staticmethod
    def _stdin_output(result: RunResult, fixes: list[tuple[FileResult, FileFix]], stdin: bytes | None) -> bytes | None:
        from_stdin = next((file for file in result.files if file.from_stdin), None)
        if from_stdin is None:
            return None
        done = next((done for file, done in fixes if file is from_stdin), None)
        return done.data if done is not None and done.data is not None else stdin or b""


def lint_text(text: str, path: str = "<text>", config: Config | None = None) -> FileResult:
    """Lint *text* as if it were the file *path* (its suffix picks Markdown or plain)."""
    config = config or Config()
    registry = config.validate()
    doc = parse_lines(text, path, allow_words=config.allow_words)
    return with_fixable(run_rules(doc, rules_for_document(registry, config, path), registry))


def lint_paths(paths: Iterable[str], overrides: Overrides = NO_OVERRIDES, stdin: bytes | None = None,
               jobs: int | None = 1, progress: Progress | None = None, whole_documents: bool = True) -> RunResult:
    """Lint files and folders in one run: see `Run.lint`."""
    return Run(overrides, jobs, progress).lint(paths, stdin, whole_documents)


def fix_paths(paths: Iterable[str], overrides: Overrides = NO_OVERRIDES, unsafe: bool = False,
              write: bool = True, jobs: int | None = 1) -> FixRun:
    """Lint files and folders and apply their fixes, as ``reportlint check --fix`` does."""
    run = Run(overrides, jobs)
    return run.fix(run.lint(paths), unsafe, write)


def plan_paths(paths: Iterable[str], overrides: Overrides = NO_OVERRIDES) -> list[FilePlan | Problem]:
    """What a run over *paths* would check, and with which settings: see `Run.plan`."""
    return Run(overrides).plan(paths)


def rule_registry(config_file: Path | None = None) -> Registry:
    """Every rule: the built-in ones, the rule packs of the config (*config_file*, else the working
    folder's) and the plugins installed."""
    config = load_config(config_file) if config_file else config_for(Path.cwd())
    return config.validate()


def read_stdin(stream) -> bytes:
    """Standard input's bytes, up to the size reportlint reads (InputError beyond it)."""
    return read_limited(stream)


__all__ = [
    "MAX_PASSES", "TEXT_SUFFIXES", "BaselineError", "ConfigError", "Crash", "FileFix", "FileOptions", "FilePlan",
    "FileResult", "Finding", "FixRun", "FixableCounts", "InputError", "Overrides", "Problem", "RegistryError",
    "ReportlintError", "Run", "RunResult", "Severity", "__version__", "available_cores", "check_encoding",
    "diff_bytes", "fix_paths", "lint_paths", "lint_text", "plan_paths", "read_stdin", "rule_registry",
]
