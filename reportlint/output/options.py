"""How a report is shown: the options every renderer takes (each reads those it knows)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RenderOptions:
    """How an output format shows a run: colours, source lines, counts per rule, the summary."""

    color: bool = False
    #: the lines of the source under each finding (text format)
    show_source: bool = True
    #: the number of findings per rule after the report (text and concise formats)
    statistics: bool = False
    #: findings only, no summary (text and concise formats)
    quiet: bool = False
    #: the summary says what --fix would fix (off when the run fixed already)
    fix_hint: bool = True
    #: each finding's fix as before → after (text format)
    show_fixes: bool = False
    #: the folder paths are given from (SARIF, GitHub annotations); None: the repository's root
    root: Path | None = None


#: the defaults: plain text with source excerpts and a summary
DEFAULT_OPTIONS = RenderOptions()
