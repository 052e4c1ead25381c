"""Read a TOML file (config or rule pack) with errors a user can act on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .i18n import N_, Message

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError
loads = tomllib.loads


#: What read_toml is asked to read, named in its errors.
WHAT = (N_("config file"), N_("rule pack"))


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """The parsed file; ValueError with one line "<path>: <what is wrong>" otherwise (*what*: one of WHAT)."""
    what = Message(what)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(Message("{path}: {what} not found", path=path, what=what)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(Message("{path}: cannot read {what}: {error}", path=path, what=what, error=str(error))) from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(Message("{path}: invalid TOML: {error}", path=path, error=str(error))) from None
