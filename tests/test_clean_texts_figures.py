"""Held-out clean text for the figure rules (RL301–RL305): no finding on any file.

The files in tests/data/clean-texts-figures/ were written for this project as held-out
clean text; they are not real documents and copy no published text. They are
in the styles real documents use, with many figures: a national statistical bulletin
and an annual statistics press release, a provincial and a city bulletin whose tables
were lost (captions 表1 … kept), a health and an education statistics bulletin, a State
Council opinion and a State Council notice with its action plan (items numbered on through
the parts, each ending with its responsible bodies), an implementing regulation, a
budget execution report, a plan execution report, a five-year plan outline and the news
release of a congress with its resolution and communiqué. Their figures add up, their
counts match and no value conflicts with another: they restate targets, name the same
measure for many subjects, periods and scopes, and break wholes down, as real documents
do.

A finding of a figure rule here is therefore a false alarm: fix it in the rule, by a
criterion of the language, and never by changing the text or listing its words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.api import lint_text
from reportlint.config import Config

TEXTS = Path(__file__).resolve().parent / "data" / "clean-texts-figures"
FILES = sorted(TEXTS.glob("*.txt"))


def test_the_held_out_texts_are_there():
    assert len(FILES) >= 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_figure_rule_fires_on_clean_text(path: Path):
    result = lint_text(path.read_text(encoding="utf-8"), path.name, Config(select=("RL3",)))
    assert not result.crashes, result.crashes
    found = [f"{path.name}:{f.line}:{f.column}: {f.code} {f.message}" for f in result.findings]
    assert not found, "false alarms on held-out clean text (fix the rule):\n" + "\n".join(found)
