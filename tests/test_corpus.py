"""False alarms on real documents: every finding on the corpus is a reviewed real defect.

The corpus lives outside the repository (../shared/corpus, beside the clone, as in
CI): government work reports, policy documents, bulletins, plans, county reports and
communiqués, unchanged. tests/corpus_review.py holds the reviewed lists
(tests/data/corpus-reviewed-<rule>.txt) and prints what a change adds or loses.
"""

import dataclasses

import pytest
from corpus_review import CORPUS, GATED, corpus_files, key_of, reviewed

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus is not beside this clone")


@pytest.fixture(scope="module")
def result(corpus_check):
    """The reports of the gated folders, out of the session's one lint of the corpus
    (tests/conftest.py), which also holds each folder's SOURCES.md."""
    gated = {str(path) for path in corpus_files(GATED)}
    return dataclasses.replace(corpus_check, files=[file for file in corpus_check.files if file.path in gated])


def test_the_whole_corpus_is_linted(result):
    assert len(result.files) == len(corpus_files(GATED)) == len(corpus_files()) >= 100
    assert not result.errors, [r.error for r in result.errors]
    assert not [(r.path, r.crashes) for r in result.files if r.crashes]


def test_every_finding_is_a_reviewed_real_defect(result):
    known = reviewed()
    new = sorted({f"{key_of(f)[0]}:{f.line}:{f.code} {f.message}" for f in result.findings
                  if key_of(f) not in known})
    assert not new, "findings on real text that nobody reviewed (false alarms? fix the rule): " + "\n".join(new[:40])


def test_every_reviewed_defect_is_still_found(result):
    found = {key_of(f) for f in result.findings}
    gated = {key for key in reviewed() if key[0].split("/")[0] in GATED}
    lost = sorted(f"{path}:{line}:{code}" for path, line, code in gated - found)
    assert not lost, "reviewed real defects no longer found: " + ", ".join(lost)
