"""Turn a validated pack rule into a check function.

Word rules (substitution, existence) find candidates with one alternation of
their literal wrong forms, longest first, and then test each candidate's
context conditions. When the longest form at a position fails its context,
shorter forms at that position are tried: 截止 with the context "not before
日期" still lets a shorter or context-free entry speak for the same place.
Pattern rules run their regular expression over each paragraph. Every user
regular expression runs within a time budget (bounded_regex).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..analysis.dating import document_year
from ..model import Check, Edit, Fix, Violation
from ..text.document import Document, Paragraph
from ..text.pattern_store import compile_pattern
from .bounded_regex import FILE_SECONDS, PARAGRAPH_SECONDS, Budget, RegexTimeout
from .format import Context, Entry, Pair, RuleSpec


def make_check(spec: RuleSpec, index: EntryIndex | None = None) -> Check:
    """The check of a validated rule; of a word rule whose entries *index* makes on demand
    (a shipped pack's, packs.stored), if given."""
    if spec.kind == "pattern":
        scan, dated = _pattern_scanner(spec), False
    else:
        index = index or EntryIndex.of(spec.entries)
        scan, dated = _word_scanner(spec, index), index.dated
    warned = False

    def check(doc: Document, options: object) -> Iterator[Violation]:
        nonlocal warned
        budget = Budget(len(doc.source))
        year = document_year(doc) if dated else None
        for paragraph in doc.paragraphs:
            budget.start_paragraph()
            try:
                yield from scan(paragraph, budget, year)
            except RegexTimeout as timeout:
                # Keep what was found, give up on the rest of this file, and say so once per run.
                if not warned:
                    warned = True
                    _warn_timeout(spec, doc, paragraph, str(timeout))
                return

    check.pack_rule = spec  # type: ignore[attr-defined]  # the entries, for docs and tests
    return check


def _warn_timeout(spec: RuleSpec, doc: Document, paragraph: Paragraph, pattern: str) -> None:
    line, _ = doc.lines.position(paragraph.span(0, 0).start)
    sys.stderr.write(
        f"reportlint: warning: rule {spec.code} ({spec.name}) gave up on {doc.path} at line {line}: "
        f"its regular expression {pattern!r} ran out of time (limits: {PARAGRAPH_SECONDS} s a paragraph, "
        f"{FILE_SECONDS:g} s a file plus {FILE_SECONDS:g} s per MB), so its findings in the rest of that file are "
        "missing. Simplify the expression: nested repeats such as (a+)+ backtrack without end. "
        "Later timeouts of this rule are not reported.\n"
    )


# -- word rules -----------------------------------------------------------------


def wrong_forms_pattern(wrong_forms: Iterable[str]) -> str:
    """The expression a word rule's scan finds its candidates with: at the first place one of the
    wrong forms stands, the longest that stands there. The forms are written as a tree of their
    shared beginnings (帐(?:务|户|本|…)), which ``re`` matches in 0.6 times the time of one
    alternation of 576 forms, longest first: at each character it tries a few branches, not all."""
    tree: dict[str, dict] = {}
    for form in wrong_forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    """The expression of a tree of forms: each longer form before the one that ends here (greedy ?)."""
    ends_here = "" in node
    longer = [re.escape(char) + _branches(node[char]) for char in sorted(node) if char]
    if not longer:
        return ""
    pattern = longer[0] if len(longer) == 1 and not ends_here else f"(?:{'|'.join(longer)})"
    return f"{pattern}?" if ends_here else pattern


class EntryIndex:
    """A word rule's entries by wrong form, and what is tried where a form is found: its entries,
    the conditional ones first, then those of its prefixes, longest first. Of a shipped pack the
    entries are kept as plain data (packs.stored), and made only for the forms a text holds."""

    def __init__(self, by_wrong: dict[str, list[Any]], dated: bool,
                 make: Callable[[Any], Entry] | None = None) -> None:
        self._by_wrong, self._make = by_wrong, make
        #: whether an entry holds only from a year on ("since"): the document's year is wanted
        self.dated = dated
        self._made: dict[str, list[Entry]] = {}
        self._tries: dict[str, list[Entry]] = {}

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> EntryIndex:
        by_wrong: dict[str, list[Any]] = {}
        for entry in entries:
            by_wrong.setdefault(entry.wrong, []).append(entry)
        return cls(by_wrong, any(entry.since for group in by_wrong.values() for entry in group))

    @property
    def wrong_forms(self) -> list[str]:
        return list(self._by_wrong)

    def tries(self, wrong: str) -> list[Entry]:
        found = self._tries.get(wrong)
        if found is None:
            found = self._tries[wrong] = [entry for length in range(len(wrong), 0, -1)
                                          for entry in self._entries(wrong[:length])]
        return found

    def _entries(self, wrong: str) -> list[Entry]:
        found = self._made.get(wrong)
        if found is None:
            kept = self._by_wrong.get(wrong, [])
            found = [self._make(item) for item in kept] if self._make else list(kept)
            found.sort(key=lambda e: not e.contexts)  # conditional entries first, the unconditional one last
            self._made[wrong] = found
        return found


def _word_scanner(spec: RuleSpec, index: EntryIndex):
    candidates = compile_pattern(wrong_forms_pattern(index.wrong_forms))

    def scan(paragraph: Paragraph, budget: Budget, year: int | None = None) -> Iterator[Violation]:
        text = paragraph.text
        match = candidates.search(text)
        while match:
            start = match.start()
            for entry in index.tries(match.group()):
                end = start + len(entry.wrong)
                if entry.since and year is not None and year < entry.since:
                    continue  # 成份 in a 1955 report: the standard came later
                if not all(_holds(c, text, start, end, budget) for c in entry.contexts):
                    continue
                if entry.pair is None:
                    yield _word_violation(spec, entry, paragraph, start, end)
                    break
                second = _second_word(entry.pair, text, end, budget)
                if second is not None:
                    yield _word_violation(spec, entry, paragraph, start, second)
                    break
            else:
                end = start + 1
            match = candidates.search(text, end)

    return scan


# A year before 年: 2025年, １９８１年 (full-width), 一九五五年, 一九九○年 (a circle for 〇)
def _holds(context: Context, text: str, start: int, end: int, budget: Budget) -> bool:
    after = context.key.endswith("after")
    if context.literals is not None:
        found = text.startswith(context.literals, end) if after else text.endswith(context.literals, 0, start)
    else:
        found = budget.call(context.regex, "match", text, end if after else start) is not None
    return found != context.key.startswith("not-")


def _second_word(pair: Pair, text: str, end: int, budget: Budget) -> int | None:
    """Where the pair's second word ends, when it follows within the pair's scope and what
    stands between matches ``between``; None otherwise. The nearest one is taken."""
    stop = min((i for i in (text.find(c, end) for c in pair.stops) if i >= 0), default=len(text))
    then = pair.then
    if then.literals is not None:
        found = [(i, i + len(word)) for word in then.literals if (i := text.find(word, end, stop)) >= 0]
    else:
        match = budget.call(then.regex, "search", text, end, stop)
        found = [match.span()] if match else []
    for first, last in sorted(found):
        between = text[end:first]
        if pair.between is None or budget.call(pair.between, "fullmatch", between) is not None:
            return last
    return None


def _word_violation(spec: RuleSpec, entry: Entry, paragraph: Paragraph, start: int, end: int) -> Violation:
    lead = entry.lead  # reported as part of the word (贯澈 → 贯彻), though only 澈 was looked for
    span = paragraph.span(start - len(lead), end)
    rights = [lead + right for right in entry.right]
    found = lead + paragraph.text[start:end]  # a windowed pair: both words and what stands between
    message = spec.message.format(found=found, expected="”或“".join(rights), reason=entry.reason)
    fix = None
    if spec.fix and rights:
        fix = Fix((Edit(span, rights[0]),), spec.fix, f"改为“{rights[0]}”")  # type: ignore[arg-type]
    return Violation(span, message, fix=fix, severity=entry.severity)


# -- pattern rules --------------------------------------------------------------


def _pattern_scanner(spec: RuleSpec):
    pattern = spec.pattern
    assert pattern is not None

    def scan(paragraph: Paragraph, budget: Budget, year: int | None = None) -> Iterator[Violation]:
        text, position = paragraph.text, 0
        while position <= len(text):
            match = budget.call(pattern, "search", text, position)
            if match is None:
                return
            if match.end() == match.start():  # an empty match reports nothing
                position = match.end() + 1
                continue
            position = match.end()
            span = paragraph.span(match.start(), match.end())
            expected = match.expand(spec.replace) if spec.replace is not None else ""
            message = spec.message.format(found=match.group(), expected=expected, reason=spec.reason)
            fix = None
            if spec.fix and spec.replace is not None:
                fix = Fix((Edit(span, expected),), spec.fix, f"改为“{expected}”")  # type: ignore[arg-type]
            yield Violation(span, message, fix=fix)

    return scan
