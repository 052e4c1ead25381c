"""Reading and validating a rule pack (format 1 or 2) into plain specs.

Every error is one line: ``<file>: rule N (name): entry N (wrong form): what is
wrong (did you mean …?)``. rules/README.md documents the format.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Any

from ..errors import RegistryError
from ..model import Severity
from ..suggest import did_you_mean
from ..text.lazy_regex import LazyPattern
from .bounded_regex import LazyRegex

FORMATS = (1, 2)
KINDS = ("substitution", "existence", "pattern")
CONTEXT_KEYS = ("after", "not-after", "before", "not-before")
#: how far a windowed pair may stand apart: up to the end of the clause or of the sentence
SCOPES = {"clause": "，。、；：！？,;:!?\n", "sentence": "。；！？;!?\n"}
PAIR_KEYS = ("then", "within", "between")

_PACK_KEYS = {1: {"format", "prefix", "rule", "description"},
              2: {"format", "prefix", "rule", "description", "lists"}}
_RULE_KEYS_1 = {"code", "name", "kind", "severity", "summary", "message", "fix", "description",
                "swap", "words", "examples"}
_RULE_KEYS = {1: _RULE_KEYS_1,
              2: _RULE_KEYS_1 | {"why", "rationale", "entry", "pattern", "replace", "reason"}}
_ENTRY_KEYS = {"wrong", "right", "lead", "reason", "severity", "examples", "since", *CONTEXT_KEYS, *PAIR_KEYS}
_MESSAGE_FIELDS = {1: ("found", "expected"), 2: ("found", "expected", "reason")}
# {name} names a word list; {2} and {2,3} are repeats, \p{Han} a property.
_LIST_REF = LazyPattern(r"(?<![\\])(?<!\\[pPN])\{([^\W\d][\w-]*)\}")
_LIST_NAME = LazyPattern(r"[^\W\d][\w-]*")
_REGEX_SYNTAX = set("\\.^$*+?()[]{}|")


class PackError(RegistryError):
    """A pack that cannot be loaded; the message names the file and the entry."""


class Context:
    """A context condition: a regex (word lists expanded) tried right before or
    after a candidate. A plain alternation of literal words is matched without
    any regex engine."""

    __slots__ = ("key", "source", "literals", "regex")

    def __init__(self, key: str, source: str, literals: tuple[str, ...] | None, expanded: str,
                 shipped: bool = False) -> None:
        self.key = key
        self.source = source
        self.literals = literals
        if literals is not None:
            self.regex = None
        elif key.endswith("before"):
            # regex looks behind at any length: "the text before ends with a match"
            self.regex = LazyRegex(f"(?<=(?:{expanded}))", source, shipped)
        else:
            self.regex = LazyRegex(f"(?:{expanded})", source, shipped)

    @classmethod
    def restored(cls, key: str, source: str, literals: tuple[str, ...] | None, regex: LazyRegex | None) -> Context:
        """A context as packs.stored kept it, its expression already written out."""
        context = cls.__new__(cls)
        context.key, context.source, context.literals, context.regex = key, source, literals, regex
        return context


@dataclass(frozen=True)
class Pair:
    """The second word of a windowed pair (最后 … 终于): it must follow the entry's word within
    the same clause or sentence, and the text between them must match ``between`` if given."""

    then: Context
    within: str  # "clause" or "sentence"
    between: LazyRegex | None = None

    @property
    def stops(self) -> str:
        return SCOPES[self.within]


@dataclass(frozen=True)
class Entry:
    """One form a pack rule looks for: the wrong form, its right forms, and where it counts."""

    wrong: str
    right: tuple[str, ...]
    label: str  # how errors and docs name it: "entry 3" or "swap '布署'"
    reason: str = ""
    contexts: tuple[Context, ...] = ()
    severity: Severity | None = None
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the start of the word before the slip (贯 of 贯澈): it must stand right before ``wrong``,
    #: and findings and fixes cover it, so they name the whole word while the scan looks
    #: only for the rarer slip
    lead: str = ""
    #: the year from which the form is wrong (a standard's date): a document written before
    #: it (by the year it names most often) is not held to it
    since: int | None = None
    #: for a windowed pair (最后 … 终于), its second word; the finding covers both and all between
    pair: Pair | None = None

    def context_key(self) -> tuple[tuple[str, str], ...]:
        key = [(c.key, c.source) for c in self.contexts]
        if self.pair is not None:
            key.append(("then", f"{self.pair.then.source} {self.pair.within} {self.pair.between and self.pair.between.written}"))
        return tuple(sorted(key))


@dataclass(frozen=True)
class RuleSpec:
    """A rule of a pack, validated: its code, kind, messages and documentation, and its entries
    or pattern."""

    code: str
    name: str
    kind: str
    severity: Severity
    summary: str
    message: str
    fix: str | None  # None, "unsafe" or "safe"
    description: str
    why: str
    rationale: str
    examples: dict[str, tuple[str, ...]]
    entries: tuple[Entry, ...] = ()
    pattern: LazyRegex | None = None
    replace: str | None = None
    reason: str = ""
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class PackSpec:
    """A rule pack, validated: its code prefix, its format version and its rules."""

    prefix: str
    version: int
    rules: tuple[RuleSpec, ...]


def parse_pack(data: dict[str, Any], where: str, builtin: bool, compile_now: bool) -> PackSpec:
    """Validate a parsed TOML pack. *compile_now*: compile its regular expressions
    now (user packs, so that a bad one is reported on load) instead of on first use."""
    version = data.get("format")
    if version not in FORMATS or isinstance(version, bool):
        raise PackError(f"{where}: 'format' must be 1 or 2 (got {version!r})")
    _check_keys(data, _PACK_KEYS[version], where)
    prefix = data.get("prefix")
    if not isinstance(prefix, str) or not re.fullmatch(r"[A-Z]{1,4}[0-9]*", prefix):
        raise PackError(f"{where}: 'prefix' must be a code prefix such as \"ORG1\"")
    if prefix.startswith("RL") and not builtin:
        raise PackError(f"{where}: the prefix RL is reserved for reportlint's own packs")
    lists = _lists(data.get("lists", {}), where)
    rules = data.get("rule")
    if not isinstance(rules, list) or not rules:
        raise PackError(f"{where}: a pack needs at least one [[rule]]")
    reader = _RuleReader(version, prefix, lists, compile_now, shipped=builtin)
    specs = tuple(reader.read(entry, f"{where}: rule {index + 1}") for index, entry in enumerate(rules))
    return PackSpec(prefix, version, specs)


def _check_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise PackError(f"{where}: unknown key {key!r}{did_you_mean(key, allowed)}")


def _text(table: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = table.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{where}: {key!r} must be a non-empty string (got {value!r})")
    return value


def _strings(value: Any, what: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise PackError(f"{where}: {what} must be a non-empty list of strings (got {value!r})")
    for item in value:
        if not isinstance(item, str) or not item:
            raise PackError(f"{where}: {what} must hold only non-empty strings (got {item!r})")
    return tuple(value)


def _lists(table: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise PackError(f"{where}: [lists] must be a table of word lists")
    lists = {}
    for name, words in table.items():
        if not _LIST_NAME.fullmatch(name):
            raise PackError(f"{where}: list name {name!r} must be a word (letters, digits, -; not starting with a digit)")
        if isinstance(words, str):
            raise PackError(f"{where}: list {name!r} must be a list of strings, not one string")
        lists[name] = _strings(words, f"list {name!r}", where)
    return lists


def _examples(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        raise PackError(f"{where}: 'examples' must be a table with 'bad' and 'good' lists")
    # An empty list is allowed (format 1 read it); each example is a non-empty string.
    return {key: _strings(value[key], f"examples.{key}", where) if value[key] != [] else () for key in value}


def _severity(value: Any, where: str) -> Severity:
    if not isinstance(value, str):
        raise PackError(f"{where}: 'severity' must be error, warning or info (got {value!r})")
    try:
        return Severity.parse(value)
    except ValueError as error:
        raise PackError(f"{where}: {error}") from None


class _RuleReader:
    def __init__(self, version: int, prefix: str, lists: dict[str, tuple[str, ...]], compile_now: bool,
                 shipped: bool = False) -> None:
        self.version = version
        self.prefix = prefix
        self.lists = lists
        self.compile_now = compile_now
        self.shipped = shipped  # a pack of reportlint's own: its patterns go to re (bounded_regex)

    def read(self, table: Any, where: str) -> RuleSpec:
        if not isinstance(table, dict):
            raise PackError(f"{where}: must be a table")
        _check_keys(table, _RULE_KEYS[self.version], where)
        code = _text(table, "code", where)
        name = _text(table, "name", where)
        where = f"{where} ({name})"
        if not code.startswith(self.prefix):
            raise PackError(f"{where}: code {code!r} does not start with the pack prefix {self.prefix!r}")
        kind = _text(table, "kind", where)
        kinds = KINDS if self.version >= 2 else KINDS[:2]
        if kind not in kinds:
            raise PackError(f"{where}: unknown kind {kind!r} (choose {', '.join(kinds)}){did_you_mean(kind, kinds)}")
        severity = _severity(table.get("severity", "warning"), where)
        summary = _text(table, "summary", where)
        message = _text(table, "message", where)
        fix = table.get("fix", "none")
        if fix not in ("none", "unsafe", "safe"):
            raise PackError(f"{where}: 'fix' must be none, unsafe or safe (got {fix!r})")
        spec = dict(code=code, name=name, kind=kind, severity=severity, summary=summary, message=message,
                    fix=None if fix == "none" else fix,
                    description=_text(table, "description", where, required=False) or summary,
                    why=_text(table, "why", where, required=False),
                    rationale=_text(table, "rationale", where, required=False),
                    examples=_examples(table.get("examples", {}), where), lists=self.lists)
        if kind == "pattern":
            spec.update(self._pattern(table, where, spec["fix"]))
        else:
            spec["entries"] = self._entries(table, kind, where)
            if kind == "existence" and spec["fix"] and self.version >= 2:
                raise PackError(f"{where}: an existence rule has no right form to fix with; drop 'fix'")
        self._check_message(message, kind, spec, where)
        return RuleSpec(**spec)

    # -- pattern rules -------------------------------------------------------

    def _pattern(self, table: dict[str, Any], where: str, fix: str | None) -> dict[str, Any]:
        for key in ("swap", "words", "entry"):
            if key in table:
                raise PackError(f"{where}: a pattern rule takes 'pattern' (and 'replace'), not {key!r}")
        source = _text(table, "pattern", where)
        pattern = LazyRegex(self._expand(source, f"{where}: 'pattern'"), source, self.shipped)
        self._compile(pattern, f"{where}: 'pattern'", source)
        if self.compile_now and pattern.compiled.fullmatch(""):
            raise PackError(f"{where}: 'pattern' {source!r} matches the empty text")
        replace = table.get("replace")
        if replace is not None:
            if not isinstance(replace, str):
                raise PackError(f"{where}: 'replace' must be a string (got {replace!r})")
            if self.compile_now:
                self._check_replace(pattern, replace, where)
        elif fix:
            raise PackError(f"{where}: 'fix' needs a 'replace' template to fix with")
        return {"pattern": pattern, "replace": replace, "reason": _text(table, "reason", where, required=False)}

    @staticmethod
    def _check_replace(pattern: LazyRegex, replace: str, where: str) -> None:
        groups = pattern.compiled.groups
        for match in re.finditer(r"\\(\d+)|\\g<(\w+)>", replace):
            number, name = match.groups()
            if number is not None and int(number) > groups:
                raise PackError(f"{where}: 'replace' refers to group {number}, the pattern has {groups}")
            if name is not None and not name.isdigit() and name not in pattern.compiled.groupindex:
                raise PackError(f"{where}: 'replace' refers to unknown group {name!r}"
                                f"{did_you_mean(name, pattern.compiled.groupindex)}")

    # -- word entries --------------------------------------------------------

    def _entries(self, table: dict[str, Any], kind: str, where: str) -> tuple[Entry, ...]:
        entries: list[Entry] = []
        short = "swap" if kind == "substitution" else "words"
        other = "words" if kind == "substitution" else "swap"
        if other in table:
            raise PackError(f"{where}: a {kind} rule takes {short!r}, not {other!r}")
        if kind == "substitution" and "swap" in table:
            swap = table["swap"]
            if not isinstance(swap, dict) or not swap:
                raise PackError(f"{where}: 'swap' must be a non-empty table of wrong form = right form(s)")
            for wrong, right in swap.items():
                label = f"swap {wrong!r}"
                entries.append(Entry(wrong, self._rights(right, wrong, f"{where}: {label}"), label))
        if kind == "existence" and "words" in table:
            for index, word in enumerate(_strings(table["words"], "'words'", where)):
                entries.append(Entry(word, (), f"words[{index}] {word!r}"))
        long_form = table.get("entry", [])
        if not isinstance(long_form, list) or not all(isinstance(e, dict) for e in long_form):
            raise PackError(f"{where}: 'entry' must be [[rule.entry]] tables")
        for index, item in enumerate(long_form):
            entries.append(self._entry(item, kind, f"{where}: entry {index + 1}", f"entry {index + 1}"))
        if not entries:
            need = "a non-empty 'swap' table" if kind == "substitution" else "a non-empty 'words' list"
            raise PackError(f"{where}: a {kind} rule needs {need} or [[rule.entry]] tables")
        self._check_duplicates(entries, where)
        return tuple(entries)

    def _rights(self, value: Any, wrong: str, where: str) -> tuple[str, ...]:
        if not wrong:
            raise PackError(f"{where}: the wrong form is empty")
        if not isinstance(value, (str, list)) or not value:
            raise PackError(f"{where}: the right form must be a string or a non-empty list of strings (got {value!r})")
        rights = _strings(value, "the right form(s)", where)
        if wrong in rights:
            raise PackError(f"{where}: a right form equals the wrong form {wrong!r}")
        return rights

    def _entry(self, item: dict[str, Any], kind: str, where: str, label: str) -> Entry:
        wrong = item.get("wrong")
        if isinstance(wrong, str) and wrong:
            where = f"{where} ({wrong})"
        _check_keys(item, _ENTRY_KEYS, where)
        if not isinstance(wrong, str) or not wrong:
            raise PackError(f"{where}: 'wrong' must be a non-empty string (got {wrong!r})")
        pair = self._pair(item, where)
        if pair is not None and "right" in item:
            raise PackError(f"{where}: a windowed pair ('then') has no 'right': the words stand apart, "
                            "so there is no one replacement")
        if kind == "substitution" and pair is None:
            if "right" not in item:
                raise PackError(f"{where}: a substitution entry needs 'right'")
            rights = self._rights(item["right"], wrong, where)
        elif kind == "substitution":
            rights = ()
        else:
            if "right" in item:
                raise PackError(f"{where}: an existence entry has no 'right' (use kind = \"substitution\")")
            rights = ()
        contexts = []
        for key in CONTEXT_KEYS:
            if key in item:
                contexts.append(self._context(key, item[key], f"{where}: {key!r}"))
        lead = item.get("lead", "")
        if "lead" in item:
            if not isinstance(lead, str) or not lead or "|" in lead or _REGEX_SYNTAX.intersection(lead):
                raise PackError(f"{where}: 'lead' must be the literal start of the word (got {lead!r})")
            if "before" in item:
                raise PackError(f"{where}: give 'lead' or 'before', not both")
            contexts.append(self._context("before", lead, f"{where}: 'lead'"))
        severity = _severity(item["severity"], where) if "severity" in item else None
        since = item.get("since")
        if since is not None and (not isinstance(since, int) or isinstance(since, bool) or not 1900 <= since <= 2100):
            raise PackError(f"{where}: 'since' must be a year such as 2002 (got {since!r})")
        return Entry(wrong, rights, label, reason=_text(item, "reason", where, required=False),
                     contexts=tuple(contexts), severity=severity,
                     examples=_examples(item.get("examples", {}), where), lead=lead, since=since, pair=pair)

    def _pair(self, item: dict[str, Any], where: str) -> Pair | None:
        """The second word of a windowed pair, with its scope and what may stand between."""
        if "then" not in item:
            for key in ("within", "between"):
                if key in item:
                    raise PackError(f"{where}: {key!r} needs 'then' (the second word of a windowed pair)")
            return None
        then = self._context("then", item["then"], f"{where}: 'then'")
        within = item.get("within", "clause")
        if within not in SCOPES:
            raise PackError(f"{where}: 'within' must be {' or '.join(SCOPES)} (got {within!r})"
                            f"{did_you_mean(str(within), SCOPES)}")
        between = None
        if "between" in item:
            source = item["between"]
            if not isinstance(source, str) or not source:
                raise PackError(f"{where}: 'between' must be a non-empty string (a regular expression; got {source!r})")
            between = LazyRegex(self._expand(source, f"{where}: 'between'"), source, self.shipped)
            self._compile(between, f"{where}: 'between'", source)
        return Pair(then, within, between)

    def _context(self, key: str, source: Any, where: str) -> Context:
        if not isinstance(source, str) or not source:
            raise PackError(f"{where}: must be a non-empty string (a regular expression; got {source!r})")
        expanded = self._expand(source, where)
        context = Context(key, source, self._literals(source), expanded, self.shipped)
        if context.regex is not None:
            self._compile(context.regex, where, source)
        return context

    def _literals(self, source: str) -> tuple[str, ...] | None:
        """The words of a context that is only literal words and {lists} joined by |."""
        words: list[str] = []
        for part in source.split("|"):
            ref = _LIST_REF.fullmatch(part)
            if ref:
                words.extend(self.lists[ref.group(1)])
            elif part and not _REGEX_SYNTAX.intersection(part):
                words.append(part)
            else:
                return None
        return tuple(words)

    @staticmethod
    def _check_duplicates(entries: list[Entry], where: str) -> None:
        seen: dict[tuple[str, Any], Entry] = {}
        for entry in entries:
            key = (entry.wrong, entry.context_key())
            first = seen.get(key)
            if first is not None:
                same = "and the same contexts " if entry.contexts else "and no context "
                raise PackError(f"{where}: {entry.label} ({entry.wrong}): same wrong form {same}as {first.label}; "
                                "merge them or tell them apart with 'after', 'not-after', 'before' or 'not-before'")
            seen[key] = entry

    # -- regular expressions and messages ---------------------------------------

    def _expand(self, source: str, where: str) -> str:
        def expand(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.lists:
                known = f" (known lists: {', '.join(self.lists)})" if self.lists else " (the pack has no [lists])"
                hint = did_you_mean(name, self.lists) or known
                raise PackError(f"{where}: unknown word list {{{name}}}{hint}")
            words = sorted(self.lists[name], key=len, reverse=True)
            return "(?:" + "|".join(re.escape(w) for w in words) + ")"

        return _LIST_REF.sub(expand, source)

    def _compile(self, pattern: LazyRegex, where: str, source: str) -> None:
        if not self.compile_now:
            return
        try:
            pattern.compiled  # noqa: B018  # compiled now, so that a bad one is reported on load
        except ValueError as error:
            raise PackError(f"{where}: bad regular expression {source!r}: {error}") from None

    def _check_message(self, message: str, kind: str, spec: dict[str, Any], where: str) -> None:
        allowed = _MESSAGE_FIELDS[self.version]
        try:
            parsed = [(f, spec_, conversion) for _, f, spec_, conversion in string.Formatter().parse(message)
                      if f is not None]
        except ValueError as error:
            raise PackError(f"{where}: message is not a valid template ({error})") from None
        fields = [name for name, _, _ in parsed]
        for name, format_spec, conversion in parsed:
            # {found:>1000000000} would build a string of a billion characters per finding:
            # a message only inserts the words as they are.
            if format_spec or conversion:
                raise PackError(f"{where}: message fields take no format spec or conversion "
                                f"(write {{{name}}}, not {{{name}{'!' + conversion if conversion else ''}"
                                f"{':' + format_spec if format_spec else ''}}})")
        for name in fields:
            if name not in allowed:
                names = " and ".join("{" + a + "}" for a in allowed)
                raise PackError(f"{where}: message may only use {names} (got {{{name}}})"
                                f"{did_you_mean(name, allowed)}")
        if "expected" in fields and any(entry.pair for entry in spec.get("entries", ())):
            raise PackError(f"{where}: message uses {{expected}}, but a windowed pair ('then') has no right form")
        if "expected" in fields and kind == "existence" and self.version >= 2:
            raise PackError(f"{where}: message uses {{expected}}, but an existence rule has no right form")
        if "expected" in fields and kind == "pattern" and spec.get("replace") is None:
            raise PackError(f"{where}: message uses {{expected}}, but the rule has no 'replace'")
        if "reason" in fields:
            if kind == "pattern" and not spec.get("reason"):
                raise PackError(f"{where}: message uses {{reason}}, but the rule gives no 'reason'")
            for entry in spec.get("entries", ()):
                if not entry.reason:
                    raise PackError(f"{where}: {entry.label} ({entry.wrong}): message uses {{reason}}, "
                                    "but the entry gives no 'reason' (swap and words entries never do)")
