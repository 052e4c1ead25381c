"""The whole corpus's ``--format json`` output, held byte for byte: a change made for speed or
memory (issue 19) must not move a single finding, message, column or fix.

tests/data/golden/corpus.jsonl holds, for every finding ``reportlint check --format json --jobs 1
../shared/corpus`` reports, its JSON object on one line (the path relative to the corpus, so that
the file does not depend on where the clone is). The test renders the session's lint of the
corpus (tests/conftest.py) with the real JSON renderer and compares it with the file, line for
line, so that a failure names the findings that changed. (A related place names its file too:
made relative the same way, so a clone elsewhere reads the same lines.)

A change that is meant to change findings (a new rule, a fixed false alarm) updates the file:

    REPORTLINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_output.py

and the difference is reviewed in the commit like any other change of behaviour.
"""

import json
import os
from pathlib import Path

from corpus_review import CORPUS

from reportlint.output.json_format import render

GOLDEN = Path(__file__).parent / "data" / "golden" / "corpus.jsonl"


def golden_lines(report) -> list[str]:
    """Each finding of the rendered JSON output as one line, its paths (its own, its related
    places') made relative to the corpus."""
    lines = []
    for finding in json.loads(render(report)):
        for place in (finding, *finding["related"]):
            place["path"] = Path(place["path"]).relative_to(CORPUS).as_posix()
        lines.append(json.dumps(finding, ensure_ascii=False, separators=(",", ":")))
    return lines


def test_the_corpus_output_is_the_golden_one(corpus_check):
    got = golden_lines(corpus_check)
    assert len(got) > 300  # the corpus was linted, not skipped or emptied
    if os.environ.get("REPORTLINT_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text("".join(line + "\n" for line in got), encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    got_set, expected_set = set(got), set(expected)
    lost = [line for line in expected if line not in got_set]
    added = [line for line in got if line not in expected_set]
    assert (lost, added) == ([], []), "findings lost (first) and added (second) on the corpus"
    assert got == expected  # and in the same order


def test_the_golden_lines_are_the_json_output_itself(corpus_check):
    """The golden form only drops the indentation and the corpus's folder: parsed back, it is
    the JSON output finding for finding, every key and value."""
    def without_paths(finding):
        return {**finding, "path": None, "related": [{**place, "path": None} for place in finding["related"]]}

    rendered = json.loads(render(corpus_check))
    parsed = [json.loads(line) for line in golden_lines(corpus_check)]
    assert [without_paths(finding) for finding in parsed] == [without_paths(finding) for finding in rendered]
    for finding, original in zip(parsed, rendered):
        assert str(CORPUS / finding["path"]) == original["path"]
        assert [str(CORPUS / place["path"]) for place in finding["related"]] == [p["path"] for p in original["related"]]
    assert any(finding["related"] for finding in parsed)
