"""The registry: built-ins, packs and plugins through one door."""

import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.api import lint_text
from reportlint.config import Config
from reportlint.errors import RegistryError
from reportlint.registry import build_registry

TESTS = Path(__file__).resolve().parent


def test_every_rule_has_a_test_file_and_unique_identity():
    rules = list(build_registry())
    assert len({m.code for m in rules}) == len({m.name for m in rules}) == len(rules)
    for meta in rules:
        assert (TESTS / "rules" / f"test_{meta.name.replace('-', '_')}.py").is_file(), f"{meta.name} has no test file"


def test_builtin_rules_and_packs_are_registered():
    sources = {m.code: m.source for m in build_registry()}
    assert sources["RL101"] == "builtin" and sources["RL102"] == "builtin"
    assert sources["RL501"] == "pack confusable-words.toml"


def test_importing_the_rules_does_not_load_jieba():
    code = "import sys, reportlint.registry as r; r.build_registry(); print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_lookup_by_code_or_name_and_did_you_mean():
    registry = build_registry()
    assert registry.get("rl101").name == "broken-paragraph"
    assert registry.get("layout-artifact").code == "RL102"
    with pytest.raises(RegistryError, match="did you mean 'broken-paragraph'"):
        registry.get("broken-paragrap")


def test_selection_is_resolved_by_specificity():
    registry = build_registry()
    names = lambda select, ignore=(): [m.name for m in registry.resolve(select, ignore)]  # noqa: E731
    assert "broken-paragraph" in names(["ALL"])
    structure = [m.name for m in registry if m.code.startswith("RL1")]
    assert names(["RL1"], ["RL102"]) == [n for n in structure if n != "layout-artifact"]
    assert names(["RL1"], ["RL10"]) == [m.name for m in registry if m.code.startswith("RL1")
                                        and not m.code.startswith("RL10")]  # the longer prefix wins
    assert names(["broken-paragraph"], ["RL1"]) == ["broken-paragraph"]  # the name is more specific
    assert names(["RL101"], ["broken-paragraph"]) == []  # ignore wins a tie


def test_plugin_rules_come_from_entry_points(plugin_distribution):
    meta = build_registry().get("QZ101")
    assert meta.source == "plugin qinzi"
    result = lint_text("市长亲自部署安全生产工作。", "a.txt", Config(select=("QZ",)))
    assert [(f.code, f.message) for f in result.findings] == [("QZ101", "慎用“亲自”")]
