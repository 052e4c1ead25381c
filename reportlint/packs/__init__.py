"""Declarative rule packs: TOML files of word lists and patterns that become rules.

rules/README.md documents the format (version 2, and version 1 which is still
read). packs.format validates a pack, packs.matching turns each rule into a check,
packs.loading reads packs and writes each rule's documentation; this module finds the shipped
packs and gives the registry their rules from the user's cache, importing none of those.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import cache, class_code
from ..model import Check, NoOptions, RuleMeta, Severity
from ..text.document import Document
from ..text.pattern_store import compile_pattern

if TYPE_CHECKING:
    from .format import RuleSpec

__all__ = ["PackError", "builtin_pack_paths", "load_builtin_packs", "load_pack", "load_pack_specs", "rule_doc"]


def __getattr__(name: str) -> Any:
    """The names that read and validate packs, from packs.loading and packs.format, imported on
    first use: a run whose text holds no wrong form of a shipped pack never imports them."""
    if name in ("load_pack", "load_pack_specs", "rule_doc"):
        from . import loading

        return getattr(loading, name)
    if name == "PackError":
        from .format import PackError

        return PackError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def builtin_pack_paths() -> list[Path]:
    """The packs shipped with reportlint: inside the package in a wheel, at the
    top of the repository in a source checkout or editable install."""
    package = Path(__file__).resolve().parent.parent  # reportlint/
    for folder in (package / "rules", package.parent / "rules"):
        if folder.is_dir():
            return sorted(folder.glob("*.toml"))
    return []


def load_builtin_packs() -> list[RuleMeta]:
    """The rules of the shipped packs. What the registry needs of each (its code, name, severity,
    documentation) is kept in the user's cache under the pack's digest, and so is what their
    checks need: the pack itself is read and validated once, when the cache is filled. A rule's
    check is made when a text holds one of its wrong forms (CheckOnDemand); a clean text never
    imports the modules that read packs."""
    return [meta for path in builtin_pack_paths() for meta in _described_rules(path)]


def _described_rules(path: Path) -> list[RuleMeta]:
    key = _pack_key(path)
    described = cache.kept(f"pack-rules-{path.name}", key, lambda: _descriptions(path), list)
    return [RuleMeta(code=d["code"], name=d["name"], severity=Severity.parse(d["severity"]), summary=d["summary"],
                     check=CheckOnDemand(path, index, d["wrong"], key), options=NoOptions, fixable=d["fixable"],
                     doc=d["doc"], source=d["source"], rationale=d["rationale"], reads=d["reads"],
                     fix_kinds=d["fix_kinds"])
            for index, d in enumerate(described)]


def _descriptions(path: Path) -> list[dict[str, Any]]:
    from .loading import descriptions  # validating the pack: when the cache is filled

    return descriptions(path)


def _pack_key(path: Path) -> bytes:
    """What is kept of a shipped pack is kept under: the digest of its bytes (an unreadable pack's
    error is named when it is read) and of the code that validates it."""
    return cache.digest(cache.file_digest(path) + _describing_code())


@functools.cache
def _describing_code() -> bytes:
    """The digest of the code that validates, documents and keeps a pack (this module, format.py,
    loading.py, stored.py) and writes its scan's expression (matching.py): what is kept of a
    pack's rules follows from it as from the pack."""
    here = Path(__file__)
    names = ("__init__.py", "format.py", "loading.py", "matching.py", "stored.py")
    return cache.digest(b"".join(here.with_name(name).read_bytes() for name in names))


class CheckOnDemand:
    """The check of a shipped pack's rule, made the first time a text holds one of the rule's
    wrong forms: until then the rule has nothing to report. It is made from what the user's
    cache keeps of the validated pack, each entry when the text holds its wrong form
    (packs.stored); ``pack_rule`` is the whole validated rule, for its documentation and tests."""

    def __init__(self, path: Path, index: int, wrong: str | None, key: bytes) -> None:
        self._path, self._index, self._key = path, index, key
        # the alternation the scan itself looks with (matching.wrong_forms_pattern), from the same
        # store of compiled patterns; None for a pattern rule
        self._wrong = wrong

    @property
    def check(self) -> Check:
        with class_code.lasting_modules():  # the pack's dataclasses (format.py) take kept code
            from .loading import stored_check

        return stored_check(self._path, self._key, self._index)

    @property
    def pack_rule(self) -> RuleSpec:
        from .loading import validated_rules

        return validated_rules(self._path)[self._index].check.pack_rule  # type: ignore[attr-defined]

    def __call__(self, doc: Document, options: object) -> Iterator:
        if self._wrong is not None:
            candidates = compile_pattern(self._wrong)
            if not any(candidates.search(paragraph.text) for paragraph in doc.paragraphs):
                return iter(())
        return self.check(doc, options)


