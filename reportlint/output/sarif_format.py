"""SARIF 2.1.0 output, as GitHub code scanning and other SARIF viewers read it.

One run: ``tool.driver`` lists every rule that ran with its documentation;
each finding is a result whose location is relative to the repository root
(``%SRCROOT%``), with 1-based lines and columns counted in Unicode code
points (``columnKind``), its related places and its fix. A file that could
not be read or a rule that crashed becomes a tool execution notification and
makes ``executionSuccessful`` false.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from ..model import Finding, RuleMeta, Severity
from ..results import RunResult
from ..text.document import Document, Span
from ..version import __version__
from .options import DEFAULT_OPTIONS, RenderOptions
from .repo_paths import find_root, from_root

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Key of the fingerprint this module computes; GitHub still adds its own line hash beside it.
FINGERPRINT = "reportlintFinding/v1"


def artifact_location(path: str, root: Path) -> dict:
    """A path as given on the command line, as a URI relative to *root* when it is inside it."""
    where, inside = from_root(path, root)
    if not inside:
        return {"uri": Path(where).as_uri()}
    # Percent-encoded: a ':' in the first segment would otherwise read as a URI scheme.
    return {"uri": quote(where), "uriBaseId": SRCROOT}


def region(doc: Document, span: Span, snippet: bool = False) -> dict:
    line, column = doc.lines.position(span.start)
    end_line, end_column = doc.lines.position(span.end)
    found = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    if snippet:  # the flagged text, for viewers that do not have the file
        found["snippet"] = {"text": doc.source[span.start:span.end]}
    return found


def escape_message(text: str) -> str:
    """SARIF message strings read [text](n) as a link: literal brackets are escaped."""
    return re.sub(r"\\(?=[\[\]])|[\[\]]", lambda m: "\\" + m.group(), text)


def doc_section(doc: str, title: str) -> str:
    """The text of the '## title' section of a rule's documentation."""
    match = re.search(rf"^## {re.escape(title)}\s*\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return match.group(1).strip() if match else ""


def rule_descriptor(meta: RuleMeta) -> dict:
    doc = meta.doc.strip() or meta.summary
    what = doc_section(doc, "What it does") or meta.summary
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": what},
        "help": {"text": doc, "markdown": f"# {meta.code} {meta.name}\n\n{meta.summary}\n\n{doc}"},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {"source": meta.source, "fixable": meta.fixable},
    }


def _stand_in_descriptor(finding: Finding) -> dict:
    """For a finding whose rule the results do not describe (a RunResult made by hand)."""
    return {"id": finding.code, "name": finding.name, "shortDescription": {"text": finding.name}}


def result_object(finding: Finding, doc: Document, root: Path, rule_index: int, seen: Counter) -> dict:
    location = artifact_location(finding.path, root)
    related = []
    links = []
    for number, item in enumerate(finding.related, start=1):
        item_location = artifact_location(item.path, root) if item.path else location
        related.append({
            "id": number,
            "physicalLocation": {"artifactLocation": item_location, "region": region(doc, item.span, snippet=True)},
            "message": {"text": item.message},
        })
        links.append(f"[{escape_message(item.message)}]({number})")
    message = escape_message(finding.message) + "".join(f" {link}" for link in links)
    result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": location,
                                            "region": region(doc, finding.span, snippet=True)}}],
        "partialFingerprints": {FINGERPRINT: _fingerprint(finding, doc, location["uri"], seen)},
    }
    if related:
        result["relatedLocations"] = related
    if finding.fix is not None:
        result["fixes"] = [{
            "description": {"text": finding.fix.title or finding.message},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [
                    {"deletedRegion": region(doc, edit.span), "insertedContent": {"text": edit.content}}
                    for edit in finding.fix.edits
                ],
            }],
        }]
    return result


def _fingerprint(finding: Finding, doc: Document, uri: str, seen: Counter) -> str:
    """Rule, file, flagged text and how many times the same was flagged before in
    the file: stable when lines are added above, unlike a line number."""
    text = doc.source[finding.span.start:finding.span.end][:200]
    key = (finding.code, uri, text)
    seen[key] += 1
    data = "\0".join((*key, str(seen[key])))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def notifications(results, root: Path) -> list[dict]:
    out = []
    for result in results.files:
        location = [{"physicalLocation": {"artifactLocation": artifact_location(result.path, root)}}]
        if result.error:
            out.append({"level": "error", "message": {"text": f"{result.path}: {result.error}"},
                        "descriptor": {"id": "input-error"}, "locations": location})
        for crash in result.crashes:
            kind, _, text = crash.error.partition(": ")
            out.append({
                "level": "error",
                "message": {"text": f"rule {crash.code} ({crash.name}) crashed on {result.path}: {crash.error} at {crash.where}"},
                "descriptor": {"id": "rule-crash"},
                "associatedRule": {"id": crash.code},
                "locations": location,
                "exception": {"kind": kind, "message": text},
            })
    return out


def to_sarif(results: RunResult, root: Path | None = None) -> dict:
    root = Path(os.path.abspath(root)) if root is not None else find_root()
    metas = dict(getattr(results, "rules", None) or {})
    rules = [rule_descriptor(meta) for meta in metas.values()]
    index = {meta.code: number for number, meta in enumerate(metas.values())}
    sarif_results = []
    for file in results.files:
        seen: Counter = Counter()
        for finding in file.findings:
            if finding.code not in index:
                index[finding.code] = len(rules)
                rules.append(_stand_in_descriptor(finding))
            sarif_results.append(result_object(finding, file.document, root, index[finding.code], seen))
    problems = notifications(results, root)
    root_uri = root.as_uri()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "reportlint", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "invocations": [{"executionSuccessful": not problems, "toolExecutionNotifications": problems}],
            "originalUriBaseIds": {SRCROOT: {"uri": root_uri if root_uri.endswith("/") else root_uri + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def render(results: RunResult, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    return json.dumps(to_sarif(results, options.root), ensure_ascii=False, indent=2) + "\n"
