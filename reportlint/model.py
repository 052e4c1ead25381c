"""What rules produce and how a rule describes itself."""

from __future__ import annotations

import dataclasses
import enum
import inspect
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from .i18n import Message
from .suggest import did_you_mean
from .text.document import Document, Span
from .text.lazy_regex import LazyPattern


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """info < warning < error."""
        return ("info", "warning", "error").index(self.value)

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(Message("unknown severity {value} (choose error, warning or info)", value=repr(value))) from None


Applicability = Literal["safe", "unsafe"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change of a fix: the span of the source it replaces, and the text put there."""

    span: Span
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """The change a finding offers: its edits, applied all together or not at all, and whether
    --fix applies it (safe) or only --unsafe-fixes does."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding points to (the first copy of a repeated sentence), with a note."""

    span: Span
    message: str
    path: str | None = None  # None: the same file


@dataclass(frozen=True)
class Violation:
    """What a rule yields: a span of the source and a message about it."""

    span: Span
    message: str
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    #: a rule may lower (never raise) its own severity for a doubtful case
    severity: Severity | None = None
    #: not None for a finding about the whole file (ASCII punctuation throughout), placed at its
    #: first instance: the key that tells it from the rule's other file findings ("" for the only one)
    file_level: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A Violation stamped by the engine with file, rule and effective severity."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    file_level: str | None = None  # see Violation.file_level

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class OptionsError(ValueError):
    pass


class _DefaultOptions:
    """A rule's options as it defines them by default: what a run's plan holds for a rule the
    config gives no options, made only when the rule checks a text (engine), so that planning a
    run imports no rule module (rule_index). One object, pickled as its name."""

    def __repr__(self) -> str:
        return "DEFAULT_OPTIONS"

    def __reduce__(self) -> str:
        return "DEFAULT_OPTIONS"


DEFAULT_OPTIONS: Any = _DefaultOptions()


@dataclass(frozen=True)
class NoOptions:
    """Rules without options."""


Check = Callable[[Document, Any], Iterator[Violation]]
Fixable = Literal["never", "sometimes", "always"]
_CODE = LazyPattern(r"[A-Z]{1,4}[0-9]{3,4}")
_NAME = LazyPattern(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Options")


@dataclass(frozen=True)
class RuleMeta:
    """A rule as the registry knows it: its code, name and severity, its check, its options and
    its documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check = field(repr=False)
    options: type = NoOptions
    fixable: Fixable = "never"
    doc: str = ""
    source: str = "builtin"
    #: the applicability of the fixes it offers: ("safe",) applied by --fix, ("unsafe",) only with
    #: --unsafe-fixes (they may change words), or both (RL403: repeats safe, clashes unsafe)
    fix_kinds: tuple[Applicability, ...] = ()
    #: the rules whose findings on the same text this rule reports instead when both run
    #: (duplicate-paragraph a pasted paragraph's sentences, which duplicate-sentence would report)
    supersedes: tuple[str, ...] = ()
    #: why the rule matters, in Chinese like the summary and the messages: the HTML report and the
    #: language server show it beside a finding ("" for a plugin that gives none: see `why`)
    rationale: str = ""
    #: the shared analyses of the document it reads, by name ("figures", "copy-index": see
    #: text.document.analysis_name), besides its own ("conflicting-figure.clauses"): the engine
    #: forgets each once the last rule of the run that reads it is done. One read but not named
    #: is computed again (the tests make it an error: REPORTLINT_CHECK_READS=1).
    reads: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not _CODE.fullmatch(self.code):
            raise ValueError(f"rule code {self.code!r} must look like RL101 (capital letters and digits)")
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case, like doubled-word")
        if (self.fixable == "never") != (not self.fix_kinds):
            raise ValueError(f"rule {self.code}: fix_kinds must name the fixes' applicability exactly when it fixes")

    def why(self) -> str:
        """Why the rule matters, for a reader of the document: the Chinese rationale, else the
        documentation's "Why it matters" section."""
        if self.rationale:
            return self.rationale
        section = re.search(r"^## Why it matters\n(.*?)(?=^## |\Z)", self.doc, re.M | re.S)
        return " ".join(section.group(1).split()) if section else ""

    def make_options(self, values: dict[str, Any]) -> Any:
        """Build this rule's options from config values, validating names and types."""
        fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(self.options)}
        kwargs = {}
        for key, value in values.items():
            if key not in fields:
                raise OptionsError(Message("unknown option {option} for rule {rule}{hint}", option=repr(key), rule=self.name,
                                           hint=did_you_mean(key, fields)))
            default = fields[key].default
            if default is not dataclasses.MISSING and not _same_type(default, value):
                raise OptionsError(Message("option {option} of rule {rule} must be {type}, got {value}", option=repr(key),
                                           rule=self.name, type=type(default).__name__, value=repr(value)))
            _check_range(self.name, key, value, fields[key].metadata)
            kwargs[fields[key].name] = tuple(value) if isinstance(default, tuple) else value
        return self.options(**kwargs)

    def option_defaults(self) -> dict[str, Any]:
        return {f.name.replace("_", "-"): f.default for f in dataclasses.fields(self.options)}


def _check_range(rule: str, key: str, value: Any, metadata: Any) -> None:
    """A number must be finite, and within the field's ``metadata={"min": …, "max": …}``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    if not math.isfinite(value):
        raise OptionsError(Message("option {option} of rule {rule} must be a finite number, got {value}",
                                   option=repr(key), rule=rule, value=repr(value)))
    low, high = metadata.get("min"), metadata.get("max")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = Message("from {low} to {high}", low=low, high=high) if low is not None and high is not None else \
            Message("at least {low}", low=low) if low is not None else Message("at most {high}", high=high)
        raise OptionsError(Message("option {option} of rule {rule} must be {bounds}, got {value}", option=repr(key),
                                   rule=rule, bounds=bounds, value=repr(value)))


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, tuple):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


def rule(*, code: str, name: str, severity: str, summary: str, options: type = NoOptions,
         fixable: Fixable = "never", fix_kinds: tuple[Applicability, ...] = (),
         supersedes: tuple[str, ...] = (), rationale: str = "", reads: tuple[str, ...] = ()) -> Callable[[Check], Check]:
    """Declare a check function as a rule. The function's docstring is its documentation."""

    def decorate(check: Check) -> Check:
        check.meta = RuleMeta(  # type: ignore[attr-defined]
            code=code, name=name, severity=Severity.parse(severity), summary=summary,
            check=check, options=options, fixable=fixable, doc=inspect.cleandoc(check.__doc__ or ""),
            fix_kinds=fix_kinds, supersedes=supersedes, rationale=rationale, reads=reads,
        )
        return check

    return decorate

