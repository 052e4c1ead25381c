"""Held-out clean text: the rules must stay silent on it.

`tests/data/clean-texts/` holds texts written for this project as held-out clean text, in
the styles real official documents use: a provincial government work report (2026), a
national plan report in the style of the 1950s (Chinese numerals, lists inside parts), a
county government work report, a speech at a work meeting (rhetoric, a quoted poem set line
by line), a policy address in traditional characters (paragraphs numbered through the whole
text), a Markdown report (headings, bold leads, lists, tables), a 述职述廉报告 and a
调研报告 with survey statistics. They are not real documents, and no public text is copied
into them. They were written before the rules were run on them, and they repeat formulas,
number in their own habits and use the conventions that trip linters, as real drafts do.

The texts have no defect: a finding of these rules on them is a false alarm, to be fixed in
the rule by a criterion from the language (not by changing the text, nor by a word list).
The rules checked here are those whose findings the texts must not have: the structure
rules (RL1), doubled-word (RL201), the punctuation rules (RL4) and confusable-word (RL5).
"""

from pathlib import Path

import pytest

from reportlint.api import lint_paths

CLEAN = Path(__file__).resolve().parent / "data" / "clean-texts"
TEXTS = sorted(p for p in CLEAN.iterdir() if p.suffix in (".txt", ".md"))
RULES = ("RL1", "RL201", "RL4", "RL5")


def test_the_clean_texts_are_there():
    assert len(TEXTS) >= 8


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_no_finding_on_clean_text(path):
    result = lint_paths([str(path)])
    found = [f"{f.line}:{f.column} {f.code} {f.message}" for f in result.findings if f.code.startswith(RULES)]
    assert all(not file.error and not file.crashes for file in result.files)
    assert not found, f"false alarms on {path.name} (fix the rule, not the text):\n" + "\n".join(found)
