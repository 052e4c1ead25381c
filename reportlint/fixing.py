"""Apply the fixes of a file's findings, as ruff does.

One pass takes the fixes the user allowed (safe ones; unsafe ones too with
--unsafe-fixes) in a fixed order (by where they start, then end, then the
finding's order) and applies every fix none of whose edits overlaps an edit
already taken; a fix is all or nothing. The text is then linted again and the
next pass fixes what is left or what the first pass skipped, until nothing is
left to fix or MAX_PASSES is reached. A fix that would edit anything but prose
(Markdown markup, links, code, list markers, front matter) is never applied:
the rules work on prose, and an edit outside it means a span went wrong.
"""

from __future__ import annotations

import bisect
import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, NotWritable, WriteError
from .i18n import Message, message_of
from .model import Edit, Finding, Fix
from .results import FileResult
from .text.decoding import decode, lines_of, restore_lines
from .text.document import Document
from .text.parse import read_bytes

if TYPE_CHECKING:
    from .writing import Encoding

#: Enough for fixes that uncover other fixes (a stray mark converted, then its doubled twin removed).
MAX_PASSES = 10


def allowed(fix: Fix, unsafe: bool) -> bool:
    return fix.applicability == "safe" or unsafe


class ProseGuard:
    """Where fixes may edit a document: its verbatim prose, and the whitespace
    between paragraphs (merging a paragraph cut in two deletes a line break)."""

    def __init__(self, doc: Document) -> None:
        self.source = doc.source
        self._starts, self._ends = doc.prose_spans

    def allows(self, fix: Fix) -> bool:
        return all(self._allows(edit) for edit in fix.edits)

    def _allows(self, edit: Edit) -> bool:
        start, end = edit.span.start, edit.span.end
        if start == end:  # an insertion: in prose or at its edge
            index = bisect.bisect_right(self._starts, start) - 1
            return index >= 0 and start <= self._ends[index]
        position = start
        while position < end:
            index = bisect.bisect_right(self._starts, position) - 1
            if index >= 0 and position < self._ends[index]:
                position = self._ends[index]
                continue
            gap_end = min(self._starts[index + 1] if index + 1 < len(self._starts) else end, end)
            if not self.source[position:gap_end].isspace():
                return False
            position = gap_end
        return True


def fixable(result: FileResult, unsafe: bool) -> list[Finding]:
    """The findings of *result* whose fix --fix (with *unsafe*: --fix --unsafe-fixes) would try."""
    candidates = [f for f in result.findings if f.fix is not None and allowed(f.fix, unsafe)]
    if not candidates or result.document is None or result.document.is_word:
        return []  # nothing is fixable in a file reportlint never writes (Word)
    guard = ProseGuard(result.document)
    return [f for f in candidates if guard.allows(f.fix)]  # type: ignore[arg-type]


def with_fixable(result: FileResult) -> FileResult:
    """*result* with ``fixable`` decided: the findings --fix or --fix --unsafe-fixes would apply."""
    result.fixable = frozenset(fixable(result, unsafe=True))
    return result


class _Taken:
    """The edits accepted so far, sorted and pairwise disjoint."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self._starts: list[int] = []

    def conflicts(self, start: int, end: int) -> bool:
        index = max(bisect.bisect_left(self._starts, start) - 1, 0)
        while index < len(self.spans):
            other_start, other_end = self.spans[index]
            if other_start > end or (other_start == end and start < end):
                return False
            if _overlap(start, end, other_start, other_end):
                return True
            index += 1
        return False

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self.spans, (start, end))
        self.spans.insert(index, (start, end))
        self._starts.insert(index, start)


def _overlap(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Two edits that cannot both apply: their spans share a character, an
    insertion falls strictly inside a replaced span, or two insertions meet at
    one point (their order would be arbitrary)."""
    if start == end == other_start == other_end:
        return True
    return start < other_end and other_start < end


def _clashes(spans: list[tuple[int, int]], taken: _Taken) -> bool:
    """Does one of a fix's edits overlap an edit taken before, or another edit of the same fix?"""
    own = _Taken()
    for span in spans:
        if taken.conflicts(*span) or own.conflicts(*span):
            return True
        own.add(*span)
    return False


def _extent(fix: Fix) -> tuple[int, int]:
    return min(e.span.start for e in fix.edits), max(e.span.end for e in fix.edits)


def apply_fixes(source: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply the fixes that do not overlap one taken before them; return the
    new text and the fixes applied. The order is fixed (start, end, then the
    order of *fixes*), so the same input always gives the same text."""
    fixes = [fix for fix in fixes if fix.edits]
    order = sorted(range(len(fixes)), key=lambda i: (*_extent(fixes[i]), i))
    taken = _Taken()
    edits: list[Edit] = []
    applied: list[Fix] = []
    for index in order:
        fix = fixes[index]
        spans = [(e.span.start, e.span.end) for e in fix.edits]
        if _clashes(spans, taken):
            continue
        for span in spans:
            taken.add(*span)
        edits.extend(fix.edits)
        applied.append(fix)
    if not edits:
        return source, []
    edits.sort(key=lambda e: (e.span.start, e.span.end))
    parts, position = [], 0
    for edit in edits:
        parts.append(source[position : edit.span.start])
        parts.append(edit.content)
        position = edit.span.end
    parts.append(source[position:])
    return "".join(parts), applied


@dataclass
class FixOutcome:
    """What fixing one file made: the fixed text, how many fixes it took, and what is left."""

    text: str  # the fixed text (the original when nothing was fixed)
    fixed: int  # fixes applied over all passes
    result: FileResult  # the findings that remain, on the fixed text
    passes: int
    #: False when the passes ran out with fixes still to apply (a second --fix would change more)
    settled: bool = True


Relint = Callable[[str], FileResult]


def fix_result(result: FileResult, relint: Relint, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Fix *result*'s document until nothing fixable is left (or *max_passes*);
    *relint* lints a new text of the same file."""
    assert result.document is not None
    text, fixed, passes = result.document.source, 0, 0
    current = result
    while passes < max_passes:
        findings = fixable(current, unsafe)
        if not findings:
            break
        new_text, applied = apply_fixes(text, [f.fix for f in findings])  # type: ignore[misc]
        if new_text == text:
            break  # fixes that change nothing would come back every pass
        passes += 1
        fixed += len(applied)
        text = new_text
        current = relint(text)
    settled = passes < max_passes or not fixable(current, unsafe)
    return FixOutcome(text, fixed, current, passes, settled)


@dataclass
class FileFix:
    """What fixing did to one file (or to stdin)."""

    path: str
    before: str
    after: str
    fixed: int
    result: FileResult  # what remains to report
    #: the fixed text as the file's bytes (its encoding and BOM); for stdin, what to print
    data: bytes | None = None
    #: how the file's text becomes its bytes (None: not known, the file was not read back)
    encoding: Encoding | None = None
    error: str | None = None  # why the file was not written
    skipped: str | None = None  # why a file of a format that is never written was not fixed
    #: False when fixing stopped at MAX_PASSES with fixes still to apply
    settled: bool = True

    @property
    def changed(self) -> bool:
        return self.after != self.before


def fix_file(result: FileResult, relint: Relint, unsafe: bool, write: bool, encoding: str | None = None,
             stdin: bytes | None = None) -> FileFix:
    """Fix one linted file, *relint* linting each new text of it as the first lint did; with
    *write*, replace it on disk (not stdin: then ``data`` holds the bytes to print). *encoding*
    is --encoding, if given. A file that cannot be fixed safely is left alone and the FileFix
    says why."""
    # Imported here: writing brings tempfile and hashlib (~7 ms), which a run without --fix never needs.
    from .writing import check_writable, digest, encoding_of, write_atomic

    doc = result.document
    assert doc is not None
    untouched = FileFix(result.path, doc.source, doc.source, 0, result)
    try:
        path = None if stdin is not None else Path(result.path)
        if path is not None:
            check_writable(path)
        raw = stdin if stdin is not None else read_bytes(path)  # type: ignore[arg-type]
        # The bytes the fixes are computed for are the bytes compared before the replace.
        text, _ = decode(raw, encoding)
        if lines_of(text.removeprefix("\ufeff"))[0] != doc.source:
            raise WriteError(Message("changed on disk while it was checked; not overwritten"))
        written_as = encoding_of(raw, restore_lines(doc.source, doc.newline), doc.encoding)
    except NotWritable as error:
        untouched.skipped = message_of(error)
        return untouched
    except (InputError, WriteError) as error:
        untouched.error = message_of(error)
        untouched.data = stdin  # stdin is printed back as it came
        return untouched
    outcome = fix_result(result, relint, unsafe)
    done = FileFix(result.path, doc.source, outcome.text, outcome.fixed, outcome.result, encoding=written_as,
                   settled=outcome.settled)
    try:
        done.data = written_as.encode(restore_lines(outcome.text, doc.newline))
        if write and path is not None and done.changed:
            write_atomic(path, done.data, digest(raw))
    except WriteError as error:
        untouched.error = message_of(error)
        untouched.data = raw
        return untouched
    return done


def unified_diff(path: str, before: str, after: str) -> str:
    """The unified diff from *before* to *after*, for `patch -p0` (line endings kept)."""
    old, new = _lines(before), _lines(after)
    out = []
    for line in difflib.unified_diff(old, new, path, path):
        # like diff(1): a last line without its line break is marked, so the patch restores it exactly
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def diff_bytes(done: FileFix) -> bytes:
    """*done*'s unified diff as bytes `patch -p0` applies to the file: the text lines in the
    file's own encoding, BOM included (a GB18030 file's diff is GB18030), the file names as
    the file system spells them. UTF-16 and UTF-32 text is shown in UTF-8: patch reads lines
    by the byte 0A, which those encodings do not keep, so no diff of them can be applied."""
    encoding = done.encoding
    if encoding is None or "\n".encode(encoding.codec) != b"\n":
        return unified_diff(done.path, done.before, done.after).encode("utf-8")
    bom = "\ufeff" if encoding.bom else ""
    text = unified_diff(done.path, bom + done.before, bom + done.after)
    headers = 2  # "--- path" and "+++ path"
    out = []
    for index, line in enumerate(text.splitlines(keepends=True)):
        out.append(os.fsencode(line) if index < headers else line.encode(encoding.codec, "surrogateescape"))
    return b"".join(out)


def _lines(text: str) -> list[str]:
    # only "\n" ends a line (str.splitlines also splits on \x0c and \u2028, which diff and patch do not)
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


__all__ = ["MAX_PASSES", "FileFix", "FixOutcome", "ProseGuard", "Relint", "apply_fixes", "diff_bytes", "fix_file",
           "fix_result", "fixable", "unified_diff", "with_fixable"]
