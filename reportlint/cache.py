"""What start-up works out from files that seldom change, kept for the next run (issue 19).

A run reads the shipped rule packs (about 100 KB of TOML) and looks for the plugins' entry
points in every installed distribution: ~25 ms before the first line is read, the same on
every run. The results are kept in the user's cache folder
(``$XDG_CACHE_HOME/reportlint/VERSION/``, else ``~/.cache/…``, where the language server
keeps its rule pages) with the key they were worked out from, and a later run uses one only
when its key is the same again.

An entry is a file of marshal data, ``(key, value)``, of plain values only (strings, numbers,
lists, dicts): reading one back runs no code. A missing, corrupt or foreign file is a miss,
and a folder that cannot be written (a read-only home, no home at all) leaves the run
uncached: the cache never makes a run fail.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from .version import __version__


def cache_folder() -> Path | None:
    """This version's cache folder; None when there is no home to put it in."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative value is to be ignored
        try:
            home = Path.home()
        except RuntimeError:  # no home folder
            return None
        if not home.is_dir():  # HOME=/nonexistent (a service account): make no home of our own
            return None
        base = str(home / ".cache")
    return Path(base) / "reportlint" / __version__


def _entry_path(name: str) -> Path | None:
    folder = cache_folder()
    # one entry per Python version: each reads and writes the same file only
    return None if folder is None else folder / f"{name}.{sys.implementation.cache_tag}.marshal"


def read(name: str, key: Any) -> Any:
    """The value stored under *name* when it was stored with *key*; None otherwise."""
    path = _entry_path(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as file:
            stored = marshal.loads(file.read())  # marshal.load(file) reads it piecemeal: 10 times slower
    except Exception:  # missing, unreadable, cut short or not marshal data: a miss
        return None
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != key:
        return None
    return stored[1]


def write(name: str, key: Any, value: Any) -> None:
    """Store *value* under *name* with *key*, if the cache folder can be written; never raises.
    The file is replaced whole (written beside it, then renamed), so that a run reading it
    while another writes it sees the old entry or the new one, never half of one."""
    path = _entry_path(name)
    if path is None:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as file:
            marshal.dump((key, value), file)
        os.replace(temporary, path)
    except (OSError, ValueError):  # ValueError: a value marshal cannot store (a TOML date)
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


__all__ = ["cache_folder", "read", "write"]
