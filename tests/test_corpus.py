"""False alarms on real reports: the corpus findings are a reviewed list, kept as data.

The corpus lives outside the repository (../shared/corpus/gov-reports, beside
the clone, as in CI); without it these tests are skipped.
"""

from pathlib import Path

import pytest

from reportlint.api import lint_paths

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
# corpus-reviewed.txt, plus one corpus-reviewed-<rule>.txt per rule family if it keeps its own list
REVIEWED = sorted((Path(__file__).resolve().parent / "data").glob("corpus-reviewed*.txt"))

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus is not beside this clone")


def reviewed() -> set[tuple[str, int, str]]:
    entries = set()
    for path in REVIEWED:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, number, code = line.split()[0].split(":")
                entries.add((name, int(number), code))
    return entries


def test_corpus_findings_are_exactly_the_reviewed_ones():
    result = lint_paths([str(CORPUS)])
    assert not result.errors and not any(r.crashes for r in result.files)
    actual = {(Path(f.path).name, f.line, f.code) for f in result.findings}
    assert actual - reviewed() == set(), "new findings on real text: review them (false alarms?)"
    assert reviewed() - actual == set(), "reviewed real defects no longer found"
