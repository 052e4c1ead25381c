"""Lint the files of a run: each in this process or in worker processes (--jobs), every
failure of a file returned as its result's error, never raised."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import class_code, collector, rule_index
from .engine import run_rules
from .errors import InputError
from .fixing import with_fixable
from .i18n import Message, message_of
from .model import Finding
from .parallel import available_cores, map_in_processes, processes_for
from .planning import Planner
from .results import FileResult
from .text.parse import read_document

Progress = Callable[[int, int], None]

#: the rules checked in a second process, beside the others, when a large report is linted in
#: this one and a core is free for it: homophone-slip takes about half of all the rules' time on
#: a report (bench/README.md), and a fork shares the document read once
BESIDE = frozenset({"homophone-slip"})
#: the least size of a file whose rules are shared out so. Measured on two cores, paired with
#: one process: 16 KB of a report 0.86 times the time with both cores free, 1.00 with one busy
#: (homophone-slip loads the lexicon's blocks and sound tables first, beside the other rules);
#: 4 KB 0.96 and 1.06, so smaller files stay in one process
BESIDE_BYTES = 16 * 1024


@dataclass(frozen=True)
class Task:
    """One file to lint: what a worker process is sent."""

    path: Path
    display: str
    whole_document: bool = True

    @property
    def is_stdin(self) -> bool:
        return self.path == Path("-")


def lint_all(planner: Planner, tasks: list[Task], stdin: bytes | None, jobs: int | None,
             progress: Progress | None) -> list[FileResult]:
    """Each task's FileResult, in the order of *tasks*: in this process for one job or one file
    (no pool to start) and for stdin, else in *jobs* worker processes (None: as many as the
    files' number and size are worth, see parallel.processes_for)."""
    on_disk = [index for index, task in enumerate(tasks) if not task.is_stdin]
    sizes = {index: _size(tasks[index].path) for index in on_disk} if jobs != 1 else {}
    spare_core = jobs != 1 and available_cores() > 1
    if jobs is None:
        jobs = processes_for(list(sizes.values())) if len(sizes) > 1 else 1
    pooled = on_disk if jobs > 1 and len(on_disk) > 1 else []
    if len(pooled) > jobs:
        # The smallest file is linted here first: what the rules load on first use (the word
        # lexicon, ~0.14 s) is then loaded once, and forked workers inherit it.
        smallest = min(pooled, key=lambda index: sizes[index])
        pooled = [index for index in pooled if index != smallest]
    results: dict[int, FileResult] = {}
    in_pool = set(pooled)
    here = [index for index in range(len(tasks)) if index not in in_pool]
    for done, index in enumerate(here, 1):
        size = len(stdin or b"") if tasks[index].is_stdin else sizes.get(index, 0)
        large = spare_core and size >= BESIDE_BYTES
        results[index] = lint_file(planner, tasks[index], stdin, beside=BESIDE if large else frozenset())
        if progress:
            progress(done, len(tasks))
    if pooled:
        outcomes = map_in_processes(
            partial(lint_file, planner), [tasks[index] for index in pooled], jobs, lost=_lost,
            weights=[sizes[index] for index in pooled],
            progress=progress and (lambda done, _: progress(len(here) + done, len(tasks))))
        results.update(zip(pooled, outcomes))
    return [results[index] for index in range(len(tasks))]


def lint_file(planner: Planner, task: Task, stdin: bytes | None = None, beside: frozenset[str] = frozenset()) -> FileResult:
    """Lint one file; anything that goes wrong comes back as the result's error (from a worker
    process, an exception would lose the other files' results). The rules named in *beside*
    are checked in a forked process meanwhile (engine.run_rules)."""
    try:
        plan = planner.plan(task.path, task.display)
        if not beside:
            # before the document exists (see import_now); a fork imports each in its process
            rule_index.import_now(meta for meta, _, _ in plan.rules)
        # Linting one file makes objects that all live until its rules are done (a 44 MB report
        # lints in 2.2 times the time of a 22 MB one with the collector on, 2.0 without). The
        # modules rules import as they run (the topic model, the copy index) make their
        # dataclasses from kept code, as the rule modules do (class_code).
        with collector.paused(), class_code.while_loading():
            try:
                doc = _read(task, stdin, plan.config.allow_words, planner.overrides.encoding)
            except InputError as error:
                return FileResult(task.display, None, error=message_of(error), from_stdin=task.is_stdin)
            result = run_rules(doc, plan.rules, plan.registry, beside)
            result.from_stdin = task.is_stdin
            if doc.is_word:
                # A Word user cannot go to a line: name the paragraph and its first words.
                result.findings = locate_in_paragraphs(result.findings, doc.source)
            with_fixable(result)
            if not task.whole_document:
                result.document = doc.text_only()
            return result
    except Exception as error:  # a bug, not a bad file: say so, and check the other files
        return FileResult(task.display, None, error=Message("internal error: {error}",
                                                            error=f"{type(error).__name__}: {error}"),
                          from_stdin=task.is_stdin)


def locate_in_paragraphs(findings: list[Finding], source: str) -> list[Finding]:
    """Findings of a Word file with their paragraph named in the message (line N is ¶N), and the
    first words of the paragraph, which a Word user types into Find to get there."""
    from .text.docx_reader import opening_words  # the Word reader is loaded only for Word files

    return [replace(f, message=f"{f.message}（¶{f.line}「{opening_words(source, f.span.start)}」）") for f in findings]


def _read(task: Task, stdin: bytes | None, allow_words, encoding: str | None):
    if task.is_stdin:
        # --stdin-filename names its format: 报告.docx from stdin is a Word file
        return read_document(Path(task.display), task.display, encoding, allow_words, data=stdin or b"")
    return read_document(task.path, task.display, encoding, allow_words)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _lost(task: Task, error: BaseException) -> FileResult:
    return FileResult(task.display, None, error=Message("the process checking it failed: {error}",
                                                        error=f"{type(error).__name__}: {error}"))


__all__ = ["Progress", "Task", "lint_all", "lint_file"]
