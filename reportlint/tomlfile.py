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


def read_toml_cached(path: Path, what: str, keep: int = 1) -> dict[str, Any]:
    """read_toml, for a file that seldom changes (a shipped rule pack, a project's config): the
    table parsed from the file's text is kept in the user's cache (reportlint.cache) under the
    digest of that very text, so a later run that reads the same text takes the table from there.
    The confusable-word pack: ~9 ms to parse, ~1 ms to read back; a config spares importing the
    TOML parser (~2 ms). The key is the content alone: the table does not depend on where the
    file lies, and two installs of one version (a project's venv, pre-commit's own) then share
    the entry instead of replacing each other's on every run. *keep*: how many files of this
    name are kept (the configs of several projects)."""
    return parse_toml_cached(_read_bytes(path, what), path, what, keep)


def parse_toml_cached(data: bytes, path: Path, what: str, keep: int = 1) -> dict[str, Any]:
    """read_toml_cached of the file's bytes *data*, already read."""
    def parsed() -> dict[str, Any]:
        return parse_toml(_decoded(data, path, what), path)

    return cache.kept(f"toml-{path.name}", cache.digest(data), parsed, dict, keep)


def _read(path: Path, what: str) -> str:
    return _decoded(_read_bytes(path, what), path, what)


def _read_bytes(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ValueError(Message("{path}: {what} not found", path=path, what=Message(what))) from None
    except OSError as error:
        raise _unreadable(path, what, error) from None


def _decoded(data: bytes, path: Path, what: str) -> str:
    try:  # newlines read as Path.read_text reads them: a lone CR too ends a line
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        raise _unreadable(path, what, error) from None


def _unreadable(path: Path, what: str, error: Exception) -> ValueError:
    return ValueError(Message("{path}: cannot read {what}: {error}", path=path, what=Message(what), error=str(error)))


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
