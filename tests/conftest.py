"""Fixtures that many test modules share, and the check that the real corpus is there when CI needs it."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The tests check reportlint's words in English, whatever the developer's locale (LANG=zh_CN.UTF-8
# would make them Chinese): set before reportlint is imported, and inherited by the commands the
# tests start. Tests of the language choice set or clear it themselves (tests/test_i18n.py).
os.environ["REPORTLINT_LANG"] = "en"
# A rule that reads a shared analysis it does not declare (RuleMeta.reads) crashes in the tests:
# the engine forgets each analysis after its last declared reader, and must not forget it early.
os.environ["REPORTLINT_CHECK_READS"] = "1"
# What start-up keeps in the user's cache folder (reportlint.cache) goes to a folder of this
# session's own: a cache that another checkout or version left never answers for this one, and
# the tests leave nothing in the home folder. Inherited by the commands the tests start.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="reportlint-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

from hypothesis import settings  # noqa: E402

# The property tests draw the same examples on every run (CI must be reproducible: a red run
# is a bug to fix, not noise); REPORTLINT_HYPOTHESIS=explore draws new ones, to look for more.
settings.register_profile("reproducible", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("REPORTLINT_HYPOTHESIS", "reproducible"))

PLUGIN = '''
from reportlint.model import Violation, rule

@rule(code="QZ101", name="no-qinzi", severity="info", summary="避免“亲自”")
def no_qinzi(doc, options):
    """## What it does\nFinds 亲自 in a report.\n## Why it matters\nx\n## Example\nx\n## Options\nNone."""
    for paragraph in doc.paragraphs:
        start = paragraph.text.find("亲自")
        if start >= 0:
            yield Violation(paragraph.span(start, start + 2), "慎用“亲自”")
'''


@pytest.fixture
def plugin_distribution(tmp_path, monkeypatch):
    """An installed distribution that offers the rule QZ101 through the reportlint.rules entry point
    (each run looks the plugins up afresh: nothing to clear)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "qinzi_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "qinzi_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: qinzi-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[reportlint.rules]\nqinzi = qinzi_rules:no_qinzi\n")
    monkeypatch.syspath_prepend(str(site))
    return "QZ101"


@pytest.fixture
def in_fresh_folder(tmp_path, monkeypatch):
    """The test runs in its own empty folder (config lookups start from the working
    folder), without the caller's NO_COLOR."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def pytest_sessionstart(session):
    """The tests on real documents skip themselves when ../shared/corpus is not beside the clone
    (a contributor's checkout); CI sets REPORTLINT_REQUIRE_CORPUS=1 so that a missing corpus fails
    the run instead of silently skipping them."""
    if os.environ.get("REPORTLINT_REQUIRE_CORPUS") == "1" and not (CORPUS / "gov-reports").is_dir():
        pytest.exit(f"REPORTLINT_REQUIRE_CORPUS=1 but the real corpus is not at {CORPUS}", returncode=1)


@pytest.fixture(scope="session")
def corpus_check():
    """The whole corpus as ``reportlint check --format json --jobs 1 ../shared/corpus`` lints it,
    once for the session: the files a walk of CORPUS finds (its SOURCES.md files too), linted in
    this one process, with the call the command line makes (``Run.lint`` with one job and
    without whole documents; reportlint.output.json_format renders it as ``--format json``
    writes it). The corpus gate (tests/test_corpus.py) and the Dask archive test
    (tests/test_archive.py) share it: linting the corpus takes seconds, and once is enough."""
    if not CORPUS.is_dir():
        pytest.skip("the real corpus is not beside this clone")
    from reportlint.api import Run

    return Run(jobs=1).lint([str(CORPUS)], whole_documents=False)
