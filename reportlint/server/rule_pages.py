"""The rule documentation pages that diagnostics link to (``codeDescription.href``).

Each is ``reportlint rule CODE``'s text, a Markdown page, written to the user's cache folder
(``$XDG_CACHE_HOME/reportlint/VERSION/rules/RL201.md``, else ``~/.cache/…``) so that an editor
opens it with no network: a link to a local file. A page is written when it is missing or says
something else (another language, a rule pack's rule that changed), atomically, so that two
servers starting at once never leave half a page; then each rule's page is only looked up once
per server. Where the cache cannot be written, diagnostics go without a link.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .. import cache
from ..i18n import current
from ..model import RuleMeta
from ..output import rule_documentation


def cache_folder() -> Path | None:
    """Where this version's pages go; None when there is no home to put them in."""
    folder = cache.cache_folder()
    return None if folder is None else folder / "rules"


class RulePages:
    """The pages of one server: each rule's link, found or written once."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_folder()
        self._links: dict[tuple, str | None] = {}

    def link(self, meta: RuleMeta) -> str | None:
        """The ``file://`` URI of the rule's page, or None when it cannot be written."""
        key: tuple = (meta, current())
        try:
            hash(key)
        except TypeError:  # a plugin's rule with unhashable metadata: known by code and source
            key = (meta.code, meta.source, current())
        if key not in self._links:
            self._links[key] = self._write(meta)
        return self._links[key]

    def _write(self, meta: RuleMeta) -> str | None:
        if self.folder is None:
            return None
        path = self.folder / f"{meta.code}.md"
        text = rule_documentation(meta)
        try:
            if path.read_text(encoding="utf-8") == text:
                return path.as_uri()
        except (OSError, UnicodeDecodeError):
            pass  # not written yet, or unreadable: write it
        try:
            write_atomically(path, text)
        except OSError:
            return None
        return path.as_uri()


def write_atomically(path: Path, text: str) -> None:
    """Write *text* to a temporary file beside *path*, then rename it over *path*."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


__all__ = ["RulePages", "cache_folder", "write_atomically"]
