"""Baselines: record today's findings, then report only the new ones.

A draft that already has findings can adopt reportlint without fixing them all
first: ``--write-baseline FILE`` records them, ``--baseline FILE`` drops them
from later runs so that only what is new gets reported.

The file is JSON, versioned and meant to be read and diffed by people::

    {
      "version": 1,
      "findings": [
        {"path": "报告.txt", "code": "RL201", "fingerprint": "3f0c…", "text": "新增新增"},
        ...
      ]
    }

one finding per line, files in path order and each file's findings in the
order they appear in it. ``path`` is relative to the baseline file's folder,
with ``/`` separators, so a baseline written in one checkout works in another
clone or on another machine. ``text`` is the finding's own text (shortened) for
the reader; matching ignores it.

A finding is matched by its file, its rule code and a fingerprint: a hash of
the finding's text and up to ``CONTEXT`` characters on either side of it
within its paragraph, taken from the paragraph's prose (Markdown markup
removed) with all whitespace removed. Never by line or column. So these
leave a recorded finding recorded:

- lines or paragraphs inserted or deleted above it, or anywhere else more
  than ``CONTEXT`` characters away from it;
- the file saved in another encoding (GB18030 and UTF-8 both decode to the same
  text) or with other line endings (CRLF / LF);
- its Markdown paragraph re-wrapped, or markup such as ``**bold**`` added or
  removed around it.

And these make it new: editing the text of the finding itself or the few
characters around it (the finding is then about different text), and renaming
or moving the file (its path is part of the match: the baseline cannot tell a
moved file from a new one; write the baseline again after a move). A finding
about the whole file (the punctuation-width habit findings, which stand at the
first mark they count) is matched by rule, file and kind alone, so a new first
line, or an edit at its first mark, does not make it new.

Identical findings are counted: if a file has two findings with the same rule
and fingerprint and the baseline recorded one, the first is taken as recorded
and the second is reported as new. Baseline entries for checked files that
match nothing are *stale* (the finding was fixed, or its rule was not selected
in this run): harmless; ``compare_baseline`` counts them so that a caller can
suggest writing the baseline again.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from .errors import BaselineError
from .i18n import Message, reason_of
from .model import Finding
from .results import RunResult
from .text.document import Document, Paragraph
from .text.lazy_regex import LazyPattern

VERSION = 1
#: characters of normalised prose on each side of a finding that belong to its fingerprint
CONTEXT = 20
#: the longest ``text`` kept in an entry for the reader
_SHOWN = 30
_WHITESPACE = LazyPattern(r"\s+")


@dataclass(frozen=True)
class Comparison:
    """The outcome of checking a run against a baseline."""

    results: RunResult  # the run without the recorded findings
    dropped: int  # findings the baseline had recorded
    stale: int  # baseline entries for checked files that matched no finding


def write_baseline(results: RunResult, path: Path) -> int:
    """Record every finding of *results* in the baseline file *path*; return how many."""
    folder = _folder_of(path)
    entries = []
    for file in results.files:
        if file.document is None or not file.findings:
            continue
        where = _relative(file.path, folder)
        fingerprints = _Fingerprints(file.document)
        for finding in file.findings:
            fingerprint, text = fingerprints.of(finding)
            entries.append((where, finding.span.start, finding.code, fingerprint, _shorten(text)))
    entries.sort()
    lines = [
        json.dumps({"path": where, "code": code, "fingerprint": fingerprint, "text": text}, ensure_ascii=False)
        for where, _, code, fingerprint, text in entries
    ]
    body = ",\n    ".join(lines)
    content = f'{{\n  "version": {VERSION},\n  "findings": [\n    {body}\n  ]\n}}\n' if lines else (
        f'{{\n  "version": {VERSION},\n  "findings": []\n}}\n'
    )
    try:
        path.write_text(content, encoding="utf-8", newline="\n")
    except OSError as error:
        raise BaselineError(Message("cannot write baseline {path}: {reason}", path=path,
                                    reason=reason_of(error))) from None
    return len(entries)


def filter_baseline(results: RunResult, path: Path) -> tuple[RunResult, int]:
    """*results* without the findings recorded in the baseline *path*, and how many were dropped."""
    comparison = compare_baseline(results, path)
    return comparison.results, comparison.dropped


def compare_baseline(results: RunResult, path: Path) -> Comparison:
    """Like filter_baseline, and also count the baseline's stale entries."""
    recorded = read_baseline(path)
    folder = _folder_of(path)
    remaining = Counter(recorded)
    kept_files, dropped, checked = [], 0, set()
    for file in results.files:
        if file.document is None:
            kept_files.append(file)
            continue
        where = _relative(file.path, folder)
        checked.add(where)
        fingerprints = _Fingerprints(file.document)
        kept = []
        for finding in file.findings:
            key = (where, finding.code, fingerprints.of(finding)[0])
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(finding)
        kept_files.append(dataclasses.replace(file, findings=kept))
    stale = sum(count for (where, _, _), count in remaining.items() if where in checked)
    # The run's other records (rules that ran, fail levels) stay as they were.
    return Comparison(dataclasses.replace(results, files=kept_files), dropped, stale)


def read_baseline(path: Path) -> list[tuple[str, str, str]]:
    """The (path, code, fingerprint) of every entry, or a BaselineError saying what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(Message("baseline {path}: no such file", path=path)) from None
    except IsADirectoryError:
        raise BaselineError(Message("baseline {path}: is a directory", path=path)) from None
    except PermissionError:
        raise BaselineError(Message("baseline {path}: permission denied", path=path)) from None
    except OSError as error:
        raise BaselineError(Message("baseline {path}: {reason}", path=path, reason=error.strerror or str(error))) from None
    except UnicodeDecodeError:
        raise BaselineError(Message("baseline {path}: not UTF-8 text", path=path)) from None
    except json.JSONDecodeError as error:
        raise BaselineError(Message("baseline {path}: not valid JSON (line {line}: {error})", path=path,
                                    line=error.lineno, error=error.msg)) from None
    if not isinstance(data, dict) or "version" not in data:
        raise BaselineError(Message("baseline {path}: not a reportlint baseline (no \"version\" key)", path=path))
    if data["version"] != VERSION:
        raise BaselineError(Message("baseline {path}: version {version} is not supported (this reportlint reads "
                                    "version {supported})", path=path, version=repr(data["version"]), supported=VERSION))
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(Message("baseline {path}: \"findings\" must be a list", path=path))
    entries = []
    for number, entry in enumerate(findings, 1):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) for key in ("path", "code", "fingerprint")
        ):
            raise BaselineError(Message("baseline {path}: finding {number} needs string \"path\", \"code\" and "
                                        "\"fingerprint\"", path=path, number=number))
        entries.append((entry["path"], entry["code"], entry["fingerprint"]))
    return entries


def _folder_of(path: Path) -> Path:
    return Path(os.path.abspath(path)).parent


def _relative(file_path: str, folder: Path) -> str:
    """*file_path* (as the run displays it, relative to the working folder) relative to *folder*."""
    absolute = os.path.abspath(file_path)
    try:
        relative = os.path.relpath(absolute, folder)
    except ValueError:  # another drive on Windows: no relative path exists
        relative = absolute
    return relative.replace(os.sep, "/")


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class _Fingerprints:
    """Fingerprints of findings in one document, from the prose of their paragraphs."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._starts = [p.span(0, 0).start for p in doc.paragraphs]
        self._prose: dict[int, _Prose] = {}

    def of(self, finding: Finding) -> tuple[str, str]:
        """(fingerprint, the finding's normalised text)."""
        start, end = finding.span.start, max(finding.span.end, finding.span.start)
        if finding.file_level is not None or (start == 0 and end <= 1):
            # A finding about the whole file (older ones were anchored at its first character):
            # matched by rule and file, and by which of the rule's file findings it is.
            key = finding.code + (f"\x1f{finding.file_level}" if finding.file_level else "")
            return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], ""
        first, last = self._locate(start), self._locate(end)
        if first is None or last is None or last.index < first.index:
            left, text, right = self._by_line(start, end)
        else:
            head, tail = self._prose_of(first), self._prose_of(last)
            a, b = head.at(start), tail.at(end)
            if first is last:
                text = head.text[a:b]
            else:
                middle = "".join(self._prose_of(p).text for p in self.doc.paragraphs[first.index + 1 : last.index])
                text = head.text[a:] + middle + tail.text[:b]
            left, right = head.text[max(a - CONTEXT, 0) : a], tail.text[b : b + CONTEXT]
        digest = hashlib.sha1("\x1f".join((finding.code, left, text, right)).encode("utf-8"))
        return digest.hexdigest()[:16], text

    def _locate(self, offset: int) -> Paragraph | None:
        """The paragraph holding source *offset*. An offset in markup on the same
        line (``# ``, ``**``, a table's ``|``) belongs to the paragraph that markup
        leads into, or else to the one it trails."""
        paragraphs, source = self.doc.paragraphs, self.doc.source
        k = bisect.bisect_right(self._starts, offset) - 1
        before = paragraphs[k] if k >= 0 else None
        after = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if before is not None:
            extent = before.span()
            if offset <= extent.end:
                return before
            trails = "\n" not in source[extent.end : offset]
        else:
            trails = False
        leads = after is not None and "\n" not in source[offset : after.span(0, 0).start]
        if leads:
            return after
        return before if trails else None

    def _prose_of(self, paragraph: Paragraph) -> _Prose:
        if paragraph.index not in self._prose:
            self._prose[paragraph.index] = _Prose(paragraph)
        return self._prose[paragraph.index]

    def _by_line(self, start: int, end: int) -> tuple[str, str, str]:
        """Outside any paragraph (a blank line, a fence): the raw text of its lines."""
        source = self.doc.source
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", end)
        line_end = len(source) if line_end < 0 else line_end
        return (
            _WHITESPACE.sub("", source[line_start:start])[-CONTEXT:],
            _WHITESPACE.sub("", source[start:end]),
            _WHITESPACE.sub("", source[end:line_end])[:CONTEXT],
        )


class _Prose:
    """A paragraph's prose without whitespace, and where a source offset lands in it."""

    def __init__(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        self.text = _WHITESPACE.sub("", text)
        # Most paragraphs of Chinese prose have no whitespace at all: offsets map as they are.
        self._before: list[int] | None = None
        if len(self.text) != len(text):
            self._before = [0, *accumulate(not char.isspace() for char in text)]
        self._pieces = paragraph.source_map.pieces
        self._src_starts = [p.src_start for p in self._pieces]

    def at(self, offset: int) -> int:
        """Source *offset* as an offset into ``text``: the inverse of the source map.
        An offset inside markup (between pieces) goes to the next piece of prose."""
        index = bisect.bisect_right(self._src_starts, offset) - 1
        if index < 0:
            return 0
        piece = self._pieces[index]
        inside = offset - piece.src_start
        if inside >= piece.src_len:
            prose = piece.text_start + piece.text_len
        else:
            prose = piece.text_start + (inside if piece.verbatim else 0)
        prose = min(prose, len(self.text) if self._before is None else len(self._before) - 1)
        return prose if self._before is None else self._before[prose]


__all__ = ["BaselineError", "Comparison", "compare_baseline", "filter_baseline", "read_baseline", "write_baseline"]
