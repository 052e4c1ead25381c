"""Every rule documents itself, and the examples in its documentation are true."""

import json
import re
from pathlib import Path

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


@pytest.mark.parametrize("meta", [m for m in RULES if m.code.startswith("RL")], ids=lambda m: m.name)
def test_a_shipped_rule_says_why_it_matters_in_chinese(meta):
    # the HTML report and the language server's hover show it to drafters, beside Chinese messages
    assert meta.rationale and meta.why() == meta.rationale
    assert re.search(r"[\u4e00-\u9fff]{8}", meta.rationale)
    assert "\n" not in meta.rationale


def test_why_falls_back_to_the_documentation_for_a_rule_without_a_rationale(plugin_distribution):
    meta = build_registry().get(plugin_distribution)
    assert meta.rationale == "" and meta.why() == "x"


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


README = Path(__file__).resolve().parent.parent / "README.md"
SHIPPED = [meta for meta in RULES if meta.code.startswith("RL")]  # built-in rules and the shipped packs


def readme_rules_table() -> dict[str, tuple[str, str, str]]:
    """code -> (name, severity, fix) of each row of the README's rules table."""
    section = README.read_text(encoding="utf-8").split("\n## Rules\n", 1)[1].split("\n#", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) >= 5 and re.fullmatch(r"[A-Z]+\d+", cells[0]):
            rows[cells[0]] = (cells[1], cells[2], cells[3])
    return rows


def test_the_readme_rules_table_is_the_registry():
    rows = readme_rules_table()
    assert sorted(rows) == sorted(meta.code for meta in SHIPPED)
    for meta in SHIPPED:
        name, severity, fix = rows[meta.code]
        assert name == meta.name, meta.code
        assert severity.split()[0] == meta.severity.value, meta.code  # "warning (info for variant forms)"
        kinds = set(re.findall(r"\b(?:un)?safe\b", fix))
        assert kinds == set(meta.fix_kinds) and (fix == "never") == (not meta.fix_kinds), (meta.code, fix)


@pytest.mark.parametrize("meta", RULES, ids=lambda m: m.name)
def test_the_options_section_names_each_option_with_its_default(meta):
    section = meta.doc.split("## Options", 1)[1]
    documented = re.findall(r"^\s*- `([a-z0-9-]+)` \(([^)]*)\)", section, re.M)
    defaults = meta.option_defaults()
    assert [name for name, _ in documented] == list(defaults), f"{meta.code} documents {documented}"
    assert [value for _, value in documented] == [json.dumps(v) for v in defaults.values()], meta.code
    if not defaults:
        assert section.strip().startswith("None"), meta.code
