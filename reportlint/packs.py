"""Declarative rule packs: TOML files of word lists that become rules.

Format version 1 (documented in rules/README.md)::

    format = 1
    prefix = "RL5"                 # every code in the pack starts with it

    [[rule]]
    code = "RL501"
    name = "confusable-word"
    kind = "substitution"          # substitution | existence
    severity = "warning"
    summary = "常见错别字和误用词"
    message = "“{found}”应为“{expected}”"
    fix = "unsafe"                 # substitution only: none | unsafe
    description = "..."            # What it does / Why it matters
    swap = { "布署" = "部署" }      # substitution: wrong form -> right form(s)
    words = ["..."]                # existence: forms to report
    examples = { bad = ["认真布署工作"], good = ["认真部署工作"] }

Patterns are literal strings matched through one alternation, so a pack cannot
make the linter hang whatever it contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .document import Document
from .model import Edit, Fix, NoOptions, RuleMeta, Severity, Violation
from .registry import RegistryError
from .suggest import did_you_mean
from .tomlfile import read_toml

FORMAT_VERSION = 1
_RULE_KEYS = {"code", "name", "kind", "severity", "summary", "message", "fix", "description",
              "swap", "words", "examples"}
_PACK_KEYS = {"format", "prefix", "rule", "description"}


class PackError(RegistryError):
    """A pack that cannot be loaded; the message names the file and the entry."""


def builtin_pack_paths() -> list[Path]:
    """The packs shipped with reportlint: inside the package in a wheel, at the
    top of the repository in a source checkout or editable install."""
    here = Path(__file__).resolve().parent
    for folder in (here / "rules", here.parent / "rules"):
        if folder.is_dir():
            return sorted(folder.glob("*.toml"))
    return []


def load_pack(path: Path, builtin: bool = False) -> list[RuleMeta]:
    try:
        data = read_toml(path, "rule pack")
    except ValueError as error:
        raise PackError(str(error)) from None
    where = str(path)
    _check_keys(data, _PACK_KEYS, where)
    if data.get("format") != FORMAT_VERSION:
        raise PackError(f"{where}: 'format' must be {FORMAT_VERSION} (got {data.get('format')!r})")
    prefix = data.get("prefix")
    if not isinstance(prefix, str) or not re.fullmatch(r"[A-Z]{1,4}[0-9]*", prefix):
        raise PackError(f"{where}: 'prefix' must be a code prefix such as \"ORG1\"")
    if prefix.startswith("RL") and not builtin:
        raise PackError(f"{where}: the prefix RL is reserved for reportlint's own packs")
    rules = data.get("rule")
    if not isinstance(rules, list) or not rules:
        raise PackError(f"{where}: a pack needs at least one [[rule]]")
    source = f"pack {path.name}"
    return [_pack_rule(entry, prefix, f"{where}: rule {index + 1}", source) for index, entry in enumerate(rules)]


def _check_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise PackError(f"{where}: unknown key {key!r}{did_you_mean(key, allowed)}")


def _require_str(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{where}: {key!r} must be a non-empty string")
    return value


def _pack_rule(entry: Any, prefix: str, where: str, source: str) -> RuleMeta:
    if not isinstance(entry, dict):
        raise PackError(f"{where}: must be a table")
    _check_keys(entry, _RULE_KEYS, where)
    code = _require_str(entry, "code", where)
    name = _require_str(entry, "name", where)
    where = f"{where} ({name})"
    if not code.startswith(prefix):
        raise PackError(f"{where}: code {code!r} does not start with the pack prefix {prefix!r}")
    kind = _require_str(entry, "kind", where)
    if kind not in ("substitution", "existence"):
        raise PackError(f"{where}: unknown kind {kind!r} (choose substitution or existence)")
    try:
        severity = Severity.parse(entry.get("severity", "warning"))
    except ValueError as error:
        raise PackError(f"{where}: {error}") from None
    summary = _require_str(entry, "summary", where)
    message = _require_str(entry, "message", where)
    fix = entry.get("fix", "none")
    if fix not in ("none", "unsafe", "safe"):
        raise PackError(f"{where}: 'fix' must be none, unsafe or safe")
    table = _word_table(entry, kind, where)
    examples = entry.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        raise PackError(f"{where}: 'examples' must be a table with 'bad' and 'good' lists")
    try:
        message.format(found="x", expected="y")
    except (KeyError, IndexError, ValueError) as error:
        raise PackError(f"{where}: message may only use {{found}} and {{expected}} ({error})") from None

    check = _make_check(table, message, None if fix == "none" else fix)
    doc = _document(entry.get("description", summary), table, examples)
    try:
        return RuleMeta(code=code, name=name, severity=severity, summary=summary, check=check,
                        options=NoOptions, fixable="never" if fix == "none" else "always",
                        doc=doc, source=source)
    except ValueError as error:
        raise PackError(f"{where}: {error}") from None


def _word_table(entry: dict[str, Any], kind: str, where: str) -> dict[str, tuple[str, ...]]:
    if kind == "substitution":
        swap = entry.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise PackError(f"{where}: a substitution rule needs a non-empty 'swap' table")
        table = {}
        for wrong, right in swap.items():
            rights = (right,) if isinstance(right, str) else right
            if not wrong or not isinstance(rights, (list, tuple)) or not all(isinstance(r, str) and r for r in rights):
                raise PackError(f"{where}: swap entry {wrong!r} must map to a string or a list of strings")
            table[wrong] = tuple(rights)
        return table
    words = entry.get("words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise PackError(f"{where}: an existence rule needs a non-empty 'words' list of strings")
    return {word: () for word in words}


def _make_check(table: dict[str, tuple[str, ...]], message: str, fix: str | None):
    # Longest first, so that a longer entry wins over one it contains.
    pattern = re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)))

    def check(doc: Document, options: Any) -> Iterator[Violation]:
        for paragraph in doc.paragraphs:
            for match in pattern.finditer(paragraph.text):
                found, rights = match.group(), table[match.group()]
                span = paragraph.span(match.start(), match.end())
                edit_fix = None
                if fix and rights:
                    edit_fix = Fix((Edit(span, rights[0]),), fix, f"改为“{rights[0]}”")  # type: ignore[arg-type]
                yield Violation(span, message.format(found=found, expected="”或“".join(rights)), fix=edit_fix)

    return check


def _document(description: str, table: dict[str, tuple[str, ...]], examples: dict[str, list[str]]) -> str:
    entries = "\n".join(f"- {w} → {'、'.join(r)}" if r else f"- {w}" for w, r in list(table.items())[:40])
    more = f"\n- …（共 {len(table)} 条）" if len(table) > 40 else ""
    bad = "\n".join(f"    {e}" for e in examples.get("bad", []))
    good = "\n".join(f"    {e}" for e in examples.get("good", []))
    return (
        f"## What it does\n{description}\n\n"
        f"## Why it matters\nA declarative pack rule; its entries:\n{entries}{more}\n\n"
        f"## Example\nBad:\n{bad or '    (none given)'}\n\nGood:\n{good or '    (none given)'}\n\n"
        "## Options\nNone. Silence single words with `allow-words`."
    )
