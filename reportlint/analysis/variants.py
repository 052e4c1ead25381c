"""Two written forms of one word in one document: 唯一 and 惟一, 其他 and 其它.

The pairs come from two places. The variant forms that GF 1001-2001 《第一批异形词整理表》
(and the 2004 draft of 264 more) does not recommend are data of the confusable-word pack
(rules/confusable-words.toml, its `info` entries): they are read from there, not listed
again. Only the entries that hold without a context are taken (惟一, 禀承, 折衷): a form that
is right or wrong by what stands around it (成份 beside 完成份内) needs the pack's contexts,
which this reader does not repeat. The other source is the pairs whose both forms are
accepted, where only mixing them is a slip: 其他 and 其它 (《现代汉语词典》: 其它 同“其他”，用于
事物), which a text that keeps 其他 for people and 其它 for things writes on purpose; 想象 and
想像, 唯有 and 惟有, 唯独 and 惟独, 身份 and 身分, whose other form the dictionary gives as 同“…”.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import cache
from ..text.document import Document, Span
from ..text.lazy_regex import LazyPattern
from .dating import document_year
from .lexicon import lexicon

# 其他 for people and 其它 for things: the older rule, kept on purpose where 其他 only precedes people
_PERSON = LazyPattern(r"其他(?:的)?(?:人|同志|干部|群众|职工|代表|委员|成员|党员|劳动者|领导|学生|教师|农民|工人)")
_DICTIONARY = "《现代汉语词典》以“{}”为主条"
#: (preferred, other, the use of the preferred form that keeps the two apart on purpose): both
#: forms accepted (the dictionary gives the other as 同“…”), mixing them is the slip
_ACCEPTED_PAIRS = (("其他", "其它", _PERSON), ("想象", "想像", None), ("唯有", "惟有", None), ("唯独", "惟独", None),
                   ("身份", "身分", None))
_CONTEXT_KEYS = ("after", "not-after", "before", "not-before")
#: how many characters around a form are segmented to see that it is a word there
_CONTEXT = 4


@dataclass(frozen=True)
class Pair:
    """Two forms of one word, the one a standard or dictionary prefers and the other."""

    preferred: str
    other: str
    source: str  # the standard or the dictionary that prefers one form
    since: int | None  # the year the standard took effect (None: a matter of consistency only)
    #: where every preferred form matches it, the text keeps the two forms apart on purpose
    apart: re.Pattern | None = None


@dataclass(frozen=True)
class VariantMix:
    """A document that writes both forms of a pair, and where it writes each."""

    pair: Pair
    preferred: list[Span]  # where the preferred form stands
    other: list[Span]  # where the other form stands
    #: the document is held to the standard that prefers one form (GF 1001-2001 since 2002):
    #: the confusable-word pack reports each other form there
    held: bool


@lru_cache(maxsize=1)
def pairs() -> tuple[Pair, ...]:
    """The pairs of forms of one word: the pack's variant forms, then the accepted pairs."""
    found = [Pair(right, wrong, source, since) for right, wrong, source, since in _pack_variants()]
    found += [Pair(preferred, other, _DICTIONARY.format(preferred), None, apart) for preferred, other, apart in _ACCEPTED_PAIRS]
    return tuple(found)


def _pack_variants() -> list[tuple[str, str, str, int | None]]:
    """(right, wrong, source, since) of the confusable-word pack's variant forms: its `info`
    entries without a context. Each entry of the pack is an inline table on a line of its own
    (TOML has them on one line), and only those lines are parsed: a few milliseconds instead
    of the whole pack's fourteen, on every run (tests/rules/test_abbreviation_consistency.py
    checks that they are exactly the entries the pack loader reads). What they come to is kept
    in the user's cache (reportlint.cache) under the pack's digest."""
    package = Path(__file__).resolve().parent.parent
    paths = [folder / "confusable-words.toml" for folder in (package / "rules", package.parent / "rules")]
    path = next((p for p in paths if p.is_file()), None)
    if path is None:
        return []
    # under the digest the registry's view of the pack is kept under too: the pack is read once
    entries = cache.kept("pack-variants", cache.file_digest(path),
                         lambda: _variant_entries(path.read_bytes().decode("utf-8")), list)
    return [tuple(entry) for entry in entries]


def _variant_entries(text: str) -> list[tuple[str, str, str, int | None]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    found = []
    for line in text.splitlines():
        line = line.strip().rstrip(",")
        if not line.startswith("{") or 'severity = "info"' not in line:
            continue
        entry = tomllib.loads("entry = " + line)["entry"]
        if any(key in entry for key in _CONTEXT_KEYS):
            continue
        right = entry["right"][0] if isinstance(entry["right"], list) else entry["right"]
        lead = entry.get("lead", "")
        source = entry.get("reason", "").split("推荐")[0]
        found.append((lead + right, lead + entry["wrong"], source, entry.get("since")))
    return found


def variant_mixes(doc: Document) -> list[VariantMix]:
    """The words the document writes in both forms of a pair."""
    source = doc.source
    candidates = [pair for pair in pairs() if pair.other in source and pair.preferred in source]
    if not candidates:
        return []  # nearly every document: two substring tests a pair
    year = document_year(doc)
    mixes = []
    for pair in candidates:
        preferred, other = _places(doc, pair.preferred), _places(doc, pair.other)
        if not preferred or not other:
            continue
        if pair.apart is not None and all(pair.apart.match(doc.source, span.start) for span in preferred):
            continue  # 其他 for people, 其它 for things: a rule kept, not a mix
        held = pair.since is not None and (year is None or year >= pair.since)
        mixes.append(VariantMix(pair, preferred, other, held))
    return mixes


def _places(doc: Document, form: str) -> list[Span]:
    """Where the body writes *form* as a word, outside a cited title (《…》 keeps its own
    spelling); not across words (尤其|他们 holds no 其他, 本身|分为 no 身分)."""
    found = []
    for paragraph in doc.paragraphs:
        if not paragraph.is_body:
            continue
        text = paragraph.text
        at = text.find(form)
        while at >= 0:
            opening = text.rfind("《", 0, at)
            if (opening < 0 or text.rfind("》", opening, at) >= 0) and _a_word(text, at, at + len(form)):
                found.append(paragraph.span(at, at + len(form)))
            at = text.find(form, at + len(form))
    return found


def _a_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is read as a word in its context: a word of the segmentation
    starts with it (想象力, 身份证), or one ends where it does (及其|他 is 及|其他 as well); not
    where its last character begins a word that goes on (尤其|他们, 本身|分为)."""
    offset = max(0, start - _CONTEXT)
    words = [(w.start + offset, w.end + offset) for w in lexicon().segment(text[offset : min(len(text), end + _CONTEXT)])]
    return any(s == start and e >= end for s, e in words) or any(e == end for _, e in words)


