"""Reading, validating and documenting rule packs, and the checks made from the shipped ones.

A run's start needs none of this (packs.load_builtin_packs reads what the registry needs of the
shipped packs from the user's cache): it is imported when a pack is loaded from a config, when
a text holds a wrong form of a shipped pack, or when the cache is filled.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from .. import cache
from ..model import Check, NoOptions, RuleMeta
from ..tomlfile import read_toml, read_toml_cached
from .format import Entry, PackError, RuleSpec, parse_pack
from .matching import EntryIndex, make_check, wrong_forms_pattern
from .stored import restored_entry, restored_spec, stored_spec


def load_pack_specs(path: Path, builtin: bool = False, compile_now: bool | None = None) -> list[RuleSpec]:
    """The validated rules of a pack. User packs compile their regular
    expressions on load, so a bad one is an error now; shipped packs (tested)
    compile them on first use, so a plain run need not import ``regex``."""
    return _specs(path, read_toml, builtin, compile_now)


def load_pack(path: Path, builtin: bool = False, compile_now: bool | None = None) -> list[RuleMeta]:
    return _rules(path, load_pack_specs(path, builtin, compile_now))


def descriptions(path: Path) -> list[dict[str, Any]]:
    """Each rule of a shipped pack as plain data: its RuleMeta's fields, and the wrong forms its
    scan looks for (None for a pattern rule, which has none to look for first)."""
    return [{"code": meta.code, "name": meta.name, "severity": meta.severity.value, "summary": meta.summary,
             "fixable": meta.fixable, "doc": meta.doc, "source": meta.source, "rationale": meta.rationale,
             "reads": meta.reads, "fix_kinds": meta.fix_kinds,
             "wrong": None if spec.kind == "pattern" else wrong_forms_pattern({entry.wrong for entry in spec.entries})}
            for meta, spec in zip(validated_rules(path), validated_specs(path))]


@functools.cache
def validated_specs(path: Path) -> tuple[RuleSpec, ...]:
    return tuple(_specs(path, read_toml_cached, True, None))


@functools.cache
def validated_rules(path: Path) -> tuple[RuleMeta, ...]:
    return tuple(_rules(path, list(validated_specs(path))))


@functools.cache
def stored_specs(path: Path, key: bytes) -> list[dict[str, Any]]:
    """What the checks of a shipped pack's rules need, as plain data (packs.stored), kept in the
    user's cache apart from what the registry reads on every start."""
    return cache.kept(f"pack-checks-{path.name}", key, lambda: [stored_spec(spec) for spec in validated_specs(path)],
                      list)


@functools.cache
def stored_check(path: Path, key: bytes, index: int) -> Check:
    """The check of a shipped pack's rule *index*, made from what the cache keeps of it."""
    stored = stored_specs(path, key)[index]
    spec = restored_spec(stored)
    entries = None if spec.kind == "pattern" else EntryIndex(stored["entries"], stored["dated"], restored_entry)
    return make_check(spec, entries)


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
