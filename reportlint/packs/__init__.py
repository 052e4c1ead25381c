"""Declarative rule packs: TOML files of word lists and patterns that become rules.

rules/README.md documents the format (version 2, and version 1 which is still
read). packs.format validates a pack, packs.matching turns each rule into a check,
this module finds the packs and writes each rule's documentation.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import cache
from ..model import Check, NoOptions, RuleMeta, Severity
from ..text.document import Document
from ..text.pattern_store import compile_pattern
from ..tomlfile import read_toml, read_toml_cached
from .format import Entry, PackError, RuleSpec, parse_pack
from .matching import EntryIndex, make_check, wrong_forms_pattern
from .stored import restored_entry, restored_spec, stored_spec

__all__ = ["PackError", "builtin_pack_paths", "load_builtin_packs", "load_pack", "load_pack_specs"]


def builtin_pack_paths() -> list[Path]:
    """The packs shipped with reportlint: inside the package in a wheel, at the
    top of the repository in a source checkout or editable install."""
    package = Path(__file__).resolve().parent.parent  # reportlint/
    for folder in (package / "rules", package.parent / "rules"):
        if folder.is_dir():
            return sorted(folder.glob("*.toml"))
    return []


def load_pack_specs(path: Path, builtin: bool = False, compile_now: bool | None = None) -> list[RuleSpec]:
    """The validated rules of a pack. User packs compile their regular
    expressions on load, so a bad one is an error now; shipped packs (tested)
    compile them on first use, so a plain run need not import ``regex``."""
    return _specs(path, read_toml, builtin, compile_now)


def load_pack(path: Path, builtin: bool = False, compile_now: bool | None = None) -> list[RuleMeta]:
    return _rules(path, load_pack_specs(path, builtin, compile_now))


def load_builtin_packs() -> list[RuleMeta]:
    """The rules of the shipped packs. What the registry needs of each (its code, name, severity,
    documentation) is kept in the user's cache under the pack's digest; the pack itself is read
    and validated only when a text holds one of its wrong forms (CheckOnDemand): a clean short
    text never pays for its 691 entries (4 ms)."""
    return [meta for path in builtin_pack_paths() for meta in _described_rules(path)]


def _described_rules(path: Path) -> list[RuleMeta]:
    key = _pack_key(path)
    described = cache.kept(f"pack-rules-{path.name}", key, lambda: _descriptions(path), list)
    return [RuleMeta(code=d["code"], name=d["name"], severity=Severity.parse(d["severity"]), summary=d["summary"],
                     check=CheckOnDemand(path, index, d["wrong"], key), options=NoOptions, fixable=d["fixable"],
                     doc=d["doc"], source=d["source"], rationale=d["rationale"], reads=d["reads"],
                     fix_kinds=d["fix_kinds"])
            for index, d in enumerate(described)]


def _pack_key(path: Path) -> bytes:
    """What is kept of a shipped pack is kept under: the digest of its bytes and of the code
    that validates it."""
    try:
        data = path.read_bytes()
    except OSError:
        data = b""  # read_toml_cached names the error when the pack is read
    return cache.digest(data + _describing_code())


@functools.cache
def _stored_specs(path: Path, key: bytes) -> list[dict[str, Any]]:
    """What the checks of a shipped pack's rules need, as plain data (packs.stored), kept in the
    user's cache apart from what the registry reads on every start."""
    return cache.kept(f"pack-checks-{path.name}", key, lambda: [stored_spec(spec) for spec in _validated_specs(path)],
                      list)


@functools.cache
def _stored_check(path: Path, key: bytes, index: int) -> Check:
    """The check of a shipped pack's rule *index*, made from what the cache keeps of it."""
    stored = _stored_specs(path, key)[index]
    spec = restored_spec(stored)
    entries = None if spec.kind == "pattern" else EntryIndex(stored["entries"], stored["dated"], restored_entry)
    return make_check(spec, entries)


@functools.cache
def _describing_code() -> bytes:
    """The code that validates and documents a pack (this module, format.py): what is kept of a
    pack's rules follows from it as from the pack."""
    here = Path(__file__)
    return here.read_bytes() + here.with_name("format.py").read_bytes()


def _descriptions(path: Path) -> list[dict[str, Any]]:
    """Each rule of a shipped pack as plain data: its RuleMeta's fields, and the wrong forms its
    scan looks for (None for a pattern rule, which has none to look for first)."""
    return [{"code": meta.code, "name": meta.name, "severity": meta.severity.value, "summary": meta.summary,
             "fixable": meta.fixable, "doc": meta.doc, "source": meta.source, "rationale": meta.rationale,
             "reads": meta.reads, "fix_kinds": meta.fix_kinds,
             "wrong": None if spec.kind == "pattern" else sorted({entry.wrong for entry in spec.entries})}
            for meta, spec in zip(_validated(path), _validated_specs(path))]


@functools.cache
def _validated_specs(path: Path) -> tuple[RuleSpec, ...]:
    return tuple(_specs(path, read_toml_cached, True, None))


@functools.cache
def _validated(path: Path) -> tuple[RuleMeta, ...]:
    return tuple(_rules(path, list(_validated_specs(path))))


class CheckOnDemand:
    """The check of a shipped pack's rule, made the first time a text holds one of the rule's
    wrong forms: until then the rule has nothing to report. It is made from what the user's
    cache keeps of the validated pack, each entry when the text holds its wrong form
    (packs.stored); ``pack_rule`` is the whole validated rule, for its documentation and tests."""

    def __init__(self, path: Path, index: int, wrong: list[str] | None, key: bytes) -> None:
        self._path, self._index, self._key = path, index, key
        # the alternation the scan itself looks with, from the same store of compiled patterns
        self._wrong = None if wrong is None else wrong_forms_pattern(wrong)

    @property
    def check(self) -> Check:
        return _stored_check(self._path, self._key, self._index)

    @property
    def pack_rule(self) -> RuleSpec:
        return _validated(self._path)[self._index].check.pack_rule  # type: ignore[attr-defined]

    def __call__(self, doc: Document, options: object) -> Iterator:
        if self._wrong is not None:
            candidates = compile_pattern(self._wrong)
            if not any(candidates.search(paragraph.text) for paragraph in doc.paragraphs):
                return iter(())
        return self.check(doc, options)


def _specs(path: Path, read, builtin: bool, compile_now: bool | None) -> list[RuleSpec]:
    try:
        data = read(path, "rule pack")
    except ValueError as error:
        raise PackError(str(error)) from None
    return list(parse_pack(data, str(path), builtin, not builtin if compile_now is None else compile_now).rules)


def _rules(path: Path, specs: list[RuleSpec]) -> list[RuleMeta]:
    source = f"pack {path.name}"
    rules = []
    for index, spec in enumerate(specs):
        fixable = "always" if spec.fix and (spec.kind == "substitution" or spec.replace is not None) else "never"
        if fixable == "always" and any(not entry.right for entry in spec.entries):
            fixable = "sometimes"  # a windowed pair (最后 … 终于) has no one replacement
        try:
            rules.append(RuleMeta(code=spec.code, name=spec.name, severity=spec.severity, summary=spec.summary,
                                  check=make_check(spec), options=NoOptions, fixable=fixable,
                                  doc=rule_doc(spec), source=source, rationale=spec.rationale,
                                  reads=("document-year",),  # an entry with "since" compares the document's year
                                  fix_kinds=(spec.fix,) if fixable != "never" else ()))
        except ValueError as error:
            raise PackError(f"{path}: rule {index + 1} ({spec.name}): {error}") from None
    return rules


# The keys name where the context stands (after the word, before it): the doc says it plainly.
_CONTEXT_WORDS = {"after": "followed by", "not-after": "not followed by", "before": "preceded by",
                  "not-before": "not preceded by"}


def _entry_line(entry: Entry) -> str:
    line = f"- {entry.lead}{entry.wrong}"
    if entry.pair is not None:
        pair = entry.pair
        line += f" … {pair.then.source} (in one {pair.within}"
        line += f", with /{pair.between.written}/ between)" if pair.between is not None else ")"
    if entry.right:
        line += f" → {'、'.join(entry.lead + right for right in entry.right)}"
    conditions = [f"{_CONTEXT_WORDS[c.key]} /{c.source}/" for c in entry.contexts
                  if not (entry.lead and c.key == "before" and c.source == entry.lead)]
    if conditions:
        line += f" (if {'; '.join(conditions)})"
    if entry.severity is not None:
        line += f" [{entry.severity.value}]"
    if entry.reason:
        line += f": {entry.reason}"
    return line


def rule_doc(spec: RuleSpec) -> str:
    """The four documentation sections, built from the pack: every entry with
    its contexts and reason, the word lists, the examples."""
    if spec.kind == "pattern":
        body = f"Pattern: /{spec.pattern.written if spec.pattern else ''}/"
        if spec.replace is not None:
            body += f", replaced by “{spec.replace}”"
        if spec.reason:
            body += f"\nReason: {spec.reason}"
    else:
        body = f"Entries ({len(spec.entries)}):\n" + "\n".join(_entry_line(e) for e in spec.entries)
    used = [name for name in spec.lists if "{" + name + "}" in body]
    if used:
        body += "\n\nWord lists:\n" + "\n".join(f"- {{{n}}}: {'、'.join(spec.lists[n])}" for n in used)
    why = spec.why or "A declarative pack rule."
    bad = "\n".join(f"    {e}" for e in spec.examples.get("bad", ()))
    good = "\n".join(f"    {e}" for e in spec.examples.get("good", ()))
    return (
        f"## What it does\n{spec.description}\n\n"
        f"## Why it matters\n{why}\n\n{body}\n\n"
        f"## Example\nBad:\n{bad or '    (none given)'}\n\nGood:\n{good or '    (none given)'}\n\n"
        "## Options\nNone. Silence single words with `allow-words`."
    )
