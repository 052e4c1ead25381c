"""What the tests of the bench's defect injectors (bench/inject_*.py) share.

Each injects into one real report of the corpus and reads the recorded lines
back; without the corpus beside the clone the tests are skipped, like
tests/test_corpus.py.
"""

import importlib
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"



def injector(name: str):
    """The module bench/*name*.py (bench/ holds scripts, not a package)."""
    if str(REPO / "bench") not in sys.path:
        sys.path.insert(0, str(REPO / "bench"))
    return importlib.import_module(name)


def needs(report: Path) -> pytest.MarkDecorator:
    """The mark that skips a module whose report is not there."""
    return pytest.mark.skipif(not report.is_file(), reason="the real corpus is not beside this clone")


def report_fixtures(report: Path, inject, seed: int):
    """The module-scoped fixtures ``clean`` (the report's text) and ``injected`` (what
    *inject*(text, rng) makes of it with *seed*), to be bound to those names in a test module."""

    @pytest.fixture(scope="module")
    def clean() -> str:
        return report.read_text(encoding="utf-8")

    @pytest.fixture(scope="module")
    def injected(clean):
        return inject(clean, random.Random(seed))

    return clean, injected


def by_kind(injected, kind):
    """The one injection of *kind* in the injected version."""
    [injection] = [i for i in injected.injections if i.kind == kind]
    return injection


def line(injected, number: int) -> str:
    return injected.text.split("\n")[number - 1]
