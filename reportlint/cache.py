"""What start-up works out from files that seldom change, kept for the next run (issue 19).

A run reads the shipped rule packs (about 100 KB of TOML) and looks for the plugins' entry
points in every installed distribution: ~25 ms before the first line is read, the same on
every run. The results are kept in the user's cache folder
(``$XDG_CACHE_HOME/reportlint/VERSION/``, else ``~/.cache/…``, where the language server
keeps its rule pages) with the key they were worked out from, and a later run uses one only
when its key is the same again.

An entry is a file of marshal data, a list of ``(key, value)`` pairs, of plain values only
(strings, numbers, lists, dicts): reading one back runs no code. A missing, corrupt or foreign file is a miss,
and a folder that cannot be written (a read-only home, no home at all) leaves the run
uncached: the cache never makes a run fail.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .version import __version__

try:  # the same function hashlib gives, without hashlib's OpenSSL bindings (5 ms to import)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

T = TypeVar("T")


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
    # one file per Python version: each reads and writes its own only
    return None if folder is None else folder / f"{name}.{sys.implementation.cache_tag}.marshal"


def _stored(path: Path) -> list[tuple[Any, Any]]:
    """The (key, value) pairs of an entry's file, the latest first; none when it is missing or
    not one that this module wrote."""
    try:
        with open(path, "rb") as file:
            stored = marshal.loads(file.read())  # marshal.load(file) reads it piecemeal: 2-3 times slower
    except Exception:  # missing, unreadable, cut short or not marshal data: a miss
        return []
    if not isinstance(stored, list) or not all(isinstance(pair, tuple) and len(pair) == 2 for pair in stored):
        return []
    return stored


def read(name: str, key: Any) -> Any:
    """The value stored under *name* with *key*; None when there is none."""
    path = _entry_path(name)
    for stored_key, value in _stored(path) if path is not None else ():
        if stored_key == key:
            return value
    return None


def read_dict(name: str, key: Any) -> dict:
    """The dict stored under *name* with *key*; an empty one when there is none."""
    found = read(name, key)
    return found if isinstance(found, dict) else {}


def write_merged(name: str, key: Any, kept: dict, added: dict, most: int) -> None:
    """Store what a process *added* to a store of work done once for every run (compiled patterns,
    compiled class code) together with what was *kept*, and count it as kept from now on. When
    both would hold more than *most* items, *added* alone is stored: a store that starts afresh
    rather than grow without end (a developer's checkout, edited over many runs)."""
    write(name, key, {**kept, **added} if len(kept) + len(added) <= most else dict(added))
    kept.update(added)


def digest(data: bytes) -> bytes:
    """A key that stands for a file's whole content: an entry worked out from a file is kept
    under it rather than under the text, which would have to be decoded first (1.3 ms for a
    430 KB table, 0.4 for its digest) and stored again beside the value."""
    return blake2b(data, digest_size=20).digest()


@functools.cache
def file_digest(path: Path) -> bytes:
    """digest() of a shipped file's bytes (of none when it cannot be read), read once per process:
    the confusable-word pack keys both what the registry keeps of its rules and its variant forms."""
    try:
        return digest(path.read_bytes())
    except OSError:
        return digest(b"")


def kept(name: str, key: Any, make: Callable[[], T], kind: type, keep: int = 1) -> T:
    """The value stored under *name* with *key* when it is a *kind*; else ``make()``, stored for
    the next run beside the *keep* - 1 latest others (see ``write``). For what a run works out from
    a file that seldom changes (a shipped pack, a word table), keyed by the file's digest, so that
    an edit is never missed."""
    value = read(name, key)
    if not isinstance(value, kind):
        value = make()
        write(name, key, value, keep)
    return value


def write(name: str, key: Any, value: Any, keep: int = 1) -> None:
    """Store *value* under *name* with *key*, keeping the *keep* - 1 latest other keys' values
    beside it (where a run's key can change back and forth: the plugins of two sys.paths), if
    the cache folder can be written; never raises. The file is replaced whole (written beside
    it, then renamed), so that a run reading it while another writes it sees the old entry or
    the new one, never half of one."""
    path = _entry_path(name)
    if path is None:
        return
    others = [pair for pair in _stored(path) if pair[0] != key][: keep - 1] if keep > 1 else []
    # a name of this process and thread alone: two writers never write into one temporary file
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(marshal.dumps([(key, value), *others]))
        os.replace(temporary, path)
    except (OSError, ValueError):  # ValueError: a value marshal cannot store (a TOML date)
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


__all__ = ["cache_folder", "digest", "file_digest", "kept", "read", "read_dict", "write", "write_merged"]
