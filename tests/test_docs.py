"""Every rule documents itself, and the examples in its documentation are true."""

import re

import pytest
from helpers import findings_for

from reportlint.model import DOC_SECTIONS
from reportlint.registry import build_registry

RULES = list(build_registry())


def examples(doc: str, label: str) -> list[str]:
    """The indented example texts under "Bad:" or "Good:" (blank-line separated paragraphs kept)."""
    block = re.search(rf"^{label}:\n((?:    .*\n|\n)+)", doc + "\n", re.M)
    if not block:
        return []
    lines = [line[4:] if line.startswith("    ") else line for line in block.group(1).split("\n")]
    text = "\n".join(lines).strip("\n")
    return [text] if text and text != "(none given)" else []


@pytest.mark.parametrize("meta", RULES, ids=lambda m: m.name)
def test_rule_has_the_four_sections(meta):
    headings = re.findall(r"^## (.+)$", meta.doc, re.M)
    assert headings == list(DOC_SECTIONS), f"{meta.code} sections: {headings}"
    assert meta.summary.strip()


@pytest.mark.parametrize("meta", RULES, ids=lambda m: m.name)
def test_documented_examples_hold(meta):
    bad, good = examples(meta.doc, "Bad"), examples(meta.doc, "Good")
    assert bad and good, f"{meta.code} documents no Bad/Good example"
    for text in bad:
        assert findings_for(meta.name, text), f"{meta.code}: documented bad example is silent: {text}"
    for text in good:
        assert not findings_for(meta.name, text), f"{meta.code}: documented good example fires: {text}"


@pytest.mark.parametrize("meta", RULES, ids=lambda m: m.name)
def test_the_declared_fix_kinds_are_those_the_rule_offers(meta):
    # `reportlint rules` and `rule` say whether plain --fix applies a rule's fixes: that must be true
    offered = {f.fix.applicability for text in examples(meta.doc, "Bad") for f in findings_for(meta.name, text) if f.fix}
    assert offered <= set(meta.fix_kinds), f"{meta.code} offers {offered} but declares {meta.fix_kinds}"
    assert bool(meta.fix_kinds) == (meta.fixable != "never")
