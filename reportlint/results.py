"""What a run produces: per file its findings, crashes or error; per run the files and the
rules that ran. The renderers, the baseline and the fixer all read these types."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Finding, RuleMeta, Severity
from .text.document import Document


@dataclass(frozen=True)
class Crash:
    """A rule that raised on a file: the other rules still ran."""

    code: str
    name: str
    error: str  # "ExceptionType: message"
    where: str  # innermost frame, "file:line"


@dataclass
class FileResult:
    """What linting one file gave: its findings and crashes, or why it could not be read."""

    path: str
    document: Document | None
    findings: list[Finding] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
    error: str | None = None  # the file could not be read
    from_stdin: bool = False  # read from standard input (-), whose fixed text is printed
    #: the findings whose fix `--fix` (safe ones) or `--fix --unsafe-fixes` would apply here: not
    #: in a Word file, which is never written, nor outside prose. Decided once, when the file is linted.
    fixable: frozenset[Finding] = frozenset()


@dataclass(frozen=True)
class FixableCounts:
    """How many findings --fix would fix, and how many more --fix --unsafe-fixes would."""

    safe: int = 0  # fixed by --fix
    unsafe: int = 0  # fixed only with --fix --unsafe-fixes


@dataclass
class RunResult:
    """What a run gave: each file's result, the rules that ran, and each file's fail level."""

    files: list[FileResult] = field(default_factory=list)
    #: every rule that ran on at least one file, by code: SARIF lists their docs
    rules: dict[str, RuleMeta] = field(default_factory=dict)
    #: per file shown: the least severity that fails the run (the config's fail-level)
    fail_levels: dict[str, Severity] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def failing(self) -> list[Finding]:
        """The findings that make the run fail (exit 1): at or above their file's fail-level."""
        return [f for r in self.files for f in r.findings
                if f.severity.rank >= self.fail_levels.get(r.path, Severity.WARNING).rank]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error]

    @property
    def problems(self) -> bool:
        """Whether a file could not be read or a rule crashed (exit 2)."""
        return any(r.error or r.crashes for r in self.files)

    def fixable_counts(self) -> FixableCounts:
        """How many of the findings shown --fix would fix, and how many more --fix --unsafe-fixes."""
        safe = unsafe = 0
        for result in self.files:
            for finding in result.findings:
                if finding in result.fixable:
                    if finding.fix.applicability == "safe":  # type: ignore[union-attr]
                        safe += 1
                    else:
                        unsafe += 1
        return FixableCounts(safe, unsafe)


__all__ = ["Crash", "FileResult", "FixableCounts", "RunResult"]
