"""Issue 7's acceptance: every corpus report saved as GB18030, UTF-16 (both byte
orders, with and without a BOM) and UTF-8 with a BOM, with LF or CRLF line
endings, gives the same findings at the same positions as the UTF-8 original.

Each variant is linted once and compared with the original's JSON findings
(path aside), which are computed once per report. The corpus lives outside the
repository (../shared/corpus/gov-reports, beside the clone); without it these
tests are skipped, as in tests/test_corpus.py.
"""

import codecs
import json
from functools import cache
from pathlib import Path

import pytest

from reportlint.api import lint_paths
from reportlint.output.json_format import render

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "gov-reports"
REPORTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []

# name -> (encoding, BOM, line ending); each writes the whole report.
VARIANTS = {
    "gb18030": ("gb18030", b"", "\n"),
    "gb18030-crlf": ("gb18030", b"", "\r\n"),
    "utf-16-le-bom": ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
    "utf-16-be-bom-crlf": ("utf-16-be", codecs.BOM_UTF16_BE, "\r\n"),
    "utf-16-le-no-bom": ("utf-16-le", b"", "\n"),
    "utf-8-bom-crlf": ("utf-8", codecs.BOM_UTF8, "\r\n"),
}

pytestmark = pytest.mark.skipif(not REPORTS, reason="the real corpus is not beside this clone")


def findings(path: Path) -> list[dict]:
    result = lint_paths([str(path)])
    assert not result.errors, [r.error for r in result.errors]
    items = json.loads(render(result))
    for item in items:
        del item["path"]
        for related in item["related"]:
            del related["path"]
    return items


@cache
def original(name: str) -> tuple[str, str]:
    """The report's text and its findings as JSON, read once."""
    path = CORPUS / name
    return path.read_text(encoding="utf-8"), json.dumps(findings(path), ensure_ascii=False, indent=1)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("report", [p.name for p in REPORTS])
def test_every_encoding_of_a_report_gives_the_findings_of_its_utf8_original(tmp_path, report, variant):
    text, expected = original(report)
    encoding, bom, newline = VARIANTS[variant]
    copy = tmp_path / report
    copy.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    assert json.dumps(findings(copy), ensure_ascii=False, indent=1) == expected


def test_the_corpus_has_findings_to_compare():
    # An empty comparison would prove nothing: the originals do have findings.
    assert sum(len(json.loads(original(p.name)[1])) for p in REPORTS) >= 20
