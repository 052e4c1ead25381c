"""Where the repository root is and how a checked path reads from it.

Code scanning and GitHub's annotations name files relative to the root of the
checkout, whatever folder reportlint ran in; a CI job may well run it in a
subfolder.
"""

from __future__ import annotations

import os
from pathlib import Path


def find_root(start: Path | None = None) -> Path:
    """The nearest folder with .git at or above *start* (the cwd), else *start*."""
    start = Path(os.path.abspath(start or os.getcwd()))
    for folder in (start, *start.parents):
        if (folder / ".git").exists():  # a folder, or a file in worktrees and submodules
            return folder
    return start


def from_root(path: str, root: Path) -> tuple[str, bool]:
    """(*path* relative to *root* in POSIX form, True), or (its absolute path, False) outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix(), True
    except ValueError:
        return str(absolute), False
