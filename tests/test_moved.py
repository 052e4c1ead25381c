"""Moved sentences (misplaced-fragment's `moved-sentences` option) on real reports.

Real reports change topic from one sentence to the next all the time (lists of
achievements, review chapters that mirror the plan), so with the option on the
clean corpus must give no moved-sentence finding at all: every loosening of its
gates tried so far fired there on legitimate sentences. The corpus lives beside
the clone (../shared/corpus/gov-reports); without it this test is skipped.
"""

from pathlib import Path

import pytest

from reportlint.checks.misplaced_fragment import moved_sentences
from reportlint.text.parse import parse_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gov-reports"
REPORTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not REPORTS, reason="the real corpus is not beside this clone")
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_no_sentence_of_a_real_report_is_taken_for_a_moved_one(path):
    doc = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert [m.sentence.text for m in moved_sentences(doc)] == []
