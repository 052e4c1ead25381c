"""Read a TOML file (config or rule pack) with errors a user can act on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from . import cache
from .i18n import N_, Message

#: What read_toml is asked to read, named in its errors.
WHAT = (N_("config file"), N_("rule pack"))


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """The parsed file; ValueError with one line "<path>: <what is wrong>" otherwise (*what*: one of WHAT)."""
    return parse_toml(_read(path, what), path)


def read_toml_cached(path: Path, what: str) -> dict[str, Any]:
    """read_toml, for a file that seldom changes (a shipped rule pack): the table parsed from the
    file's text is kept in the user's cache (reportlint.cache) under that very text, so a later
    run that reads the same text takes the table from there. The confusable-word pack: ~9 ms to
    parse, ~1 ms to read back."""
    text = _read(path, what)
    return cache.kept(f"toml-{path.name}", (str(path), text), lambda: parse_toml(text, path), dict)


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(Message("{path}: {what} not found", path=path, what=Message(what))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(Message("{path}: cannot read {what}: {error}", path=path, what=Message(what),
                                 error=str(error))) from None


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The table of a TOML text read from *path*; ValueError "<path>: invalid TOML: …" otherwise."""
    # imported here: a run with no config file, its packs' tables cached, parses no TOML (~1.2 ms)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(Message("{path}: invalid TOML: {error}", path=path, error=str(error))) from None
