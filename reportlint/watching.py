"""``check --watch``: lint again what changed each time a file is saved, on top of watchfiles.

Editors often save by writing a new file and renaming it over the old one (Vim, VS Code): a
watch on the file itself would lose it at the first save. So the folders that hold the paths
are watched, and each batch of changes is matched against the files a run would check now.
Only those are linted again; the others keep their findings. A change to a config file or a
.gitignore, or a file that appears or goes, plans the whole run again and lints it all: what
is checked, and how, may have changed with it.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .api import Run
from .config import CONFIG_FILES
from .discovery import Problem
from .errors import ReportlintError
from .i18n import Message, message_of
from .planning import Overrides
from .results import RunResult

#: how long the watcher waits for a change before it looks up again (a Ctrl-C is seen at once)
_IDLE_STEP_MS = 200
#: the files whose change can change what is checked or how
SETTINGS_FILES = (*CONFIG_FILES, ".gitignore")


class WatchUnavailable(ReportlintError):
    """watchfiles, an optional dependency, is not installed."""


@dataclass
class Round:
    """What one round of a watch shows: the findings on every file checked, or why there are none."""

    result: RunResult | None
    #: the files linted this round (every file in the first round and after a change of settings)
    linted: list[str] = field(default_factory=list)
    #: a config that cannot be used (the watch goes on: the next save may mend it)
    error: str | None = None


def watch(paths: Iterable[str], overrides: Overrides, jobs: int | None = 1, whole_documents: bool = False) -> Iterator[Round]:
    """A Round for the files under *paths* now, then one after each batch of saves that touches
    them, until Ctrl-C (the iterator then ends)."""
    paths = list(paths)
    changes = _changes(paths)
    watcher = _Watcher(paths, overrides, jobs, whole_documents)
    yield watcher.lint_all()
    for changed in changes:
        round_ = watcher.update(changed)
        if round_ is not None:
            yield round_


class _Watcher:
    """The last round's results, and how to bring them up to date after a batch of changes."""

    def __init__(self, paths: list[str], overrides: Overrides, jobs: int | None, whole_documents: bool) -> None:
        self.paths, self.overrides, self.jobs, self.whole_documents = paths, overrides, jobs, whole_documents
        self.result: RunResult | None = None
        self.planned: dict[str, str] = {}  # real path -> the name the output shows

    def lint_all(self) -> Round:
        run = Run(self.overrides, self.jobs)
        try:
            self.planned = self._plan(run)
            self.result = run.lint(self.paths, None, self.whole_documents)
        except ReportlintError as error:
            self.result, self.planned = None, {}
            return Round(None, error=message_of(error))
        return Round(self.result, [file.path for file in self.result.files])

    def update(self, changed: set[str]) -> Round | None:
        """The round after *changed* (real paths) were saved, created or deleted; None when none
        of them is checked or decides anything."""
        if self.result is None or any(os.path.basename(path) in SETTINGS_FILES for path in changed):
            return self.lint_all()
        run = Run(self.overrides, self.jobs)
        try:
            planned = self._plan(run)
        except ReportlintError as error:
            return Round(None, error=message_of(error))
        if planned.keys() != self.planned.keys():
            return self.lint_all()  # a file to check appeared or went
        again = sorted(planned[path] for path in changed if path in planned)
        if not again:
            return None
        fresh = run.lint(again, None, self.whole_documents)
        self.result = _merged(self.result, fresh)
        return Round(self.result, again)

    def _plan(self, run: Run) -> dict[str, str]:
        return {os.path.realpath(item.display): item.display for item in run.plan(self.paths)
                if not isinstance(item, Problem)}


def _merged(old: RunResult, fresh: RunResult) -> RunResult:
    """*old* with the files of *fresh* in place of their earlier results."""
    files = {file.path: file for file in old.files}
    files.update((file.path, file) for file in fresh.files)
    return RunResult(files=sorted(files.values(), key=lambda file: file.path),
                     rules=dict(sorted({**old.rules, **fresh.rules}.items())),
                     fail_levels={**old.fail_levels, **fresh.fail_levels})


def _changes(paths: list[str]) -> Iterator[set[str]]:
    """The real paths of the files changed under *paths*, a batch per save, until Ctrl-C."""
    try:
        import watchfiles
    except ImportError:
        raise WatchUnavailable(Message("--watch needs watchfiles: pip install 'reportlint[watch]'")) from None
    # watchfiles says "KeyboardInterrupt caught, stopping watch" as a warning: Ctrl-C is how a watch ends
    logging.getLogger("watchfiles").setLevel(logging.ERROR)
    folders = sorted({path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)) for path in paths})
    folders = [folder for folder in folders if os.path.isdir(folder)]
    if not folders:
        raise WatchUnavailable(Message("--watch: none of the paths is in a folder that exists"))
    # DefaultFilter leaves out .git, .venv, __pycache__ and editors' swap and backup files. The
    # watcher starts at the first step of the generator: taken here, before the first lint, so
    # that a save during that lint is seen. That first step returns after rust_timeout with
    # nothing, as the idle steps after it do (an empty set, passed over).
    batches = watchfiles.watch(*folders, watch_filter=watchfiles.DefaultFilter(), raise_interrupt=False,
                               yield_on_timeout=True, rust_timeout=_IDLE_STEP_MS)
    started = next(batches, set())
    return ({os.path.realpath(path) for _, path in batch} for batch in itertools.chain([started], batches) if batch)

__all__ = ["SETTINGS_FILES", "Round", "WatchUnavailable", "watch"]
