"""The built-in rules known from the kept index, each module imported when its rule first runs."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import types

import pytest

from reportlint import cache, rule_index
from reportlint.model import DEFAULT_OPTIONS, NoOptions
from reportlint.registry import builtin_rules

SAMPLE = "全市新增新增装机容量120万千瓦，要充分发辉基层党组织的作用。\n"


def _run(tmp_path, code: str) -> str:
    """*code* run in a new process with this session's cache folder (the index kept in it)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr  # 1: findings
    return done.stdout


def _imported_rules():
    """The built-in rules as their modules define them (this process may know them from the index)."""
    return tuple(meta.imported() if isinstance(meta, rule_index.RuleOnImport) else meta for meta in builtin_rules())


def _fresh_index_process(tmp_path, code: str) -> str:
    from reportlint import checks

    rule_index.keep(checks, _imported_rules())  # the index a first run keeps
    return _run(tmp_path, code)


def test_a_later_run_knows_every_rule_as_the_modules_declare_it_before_importing_any(tmp_path):
    fields = (*rule_index._FIELDS, "doc")
    code = (
        "import sys\n"
        "from reportlint.registry import builtin_rules\n"
        "rules = builtin_rules()\n"
        "print(type(rules[0]).__name__, sum(m.startswith('reportlint.checks.') for m in sys.modules))\n"
        f"print(repr([(tuple(getattr(m, f) for f in {fields!r}), m.option_defaults()) for m in rules]))\n"
    )
    first, second = _fresh_index_process(tmp_path, code).splitlines()
    assert first == "RuleOnImport 0"  # known from the index, no rule module imported
    imported = [(tuple(getattr(m, f) for f in fields), m.option_defaults()) for m in _imported_rules()]
    assert second == repr(imported)  # the same code, name, severity, documentation, options…


def test_a_check_of_one_rule_imports_that_rule_s_module_alone(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith('reportlint.checks.'))))\n"
        "sys.argv = ['reportlint', 'check', '--select', 'RL201', '--format', 'concise', 'a.txt']\n"
        "from reportlint.__main__ import main\n"
        "main()\n"
    )
    out = _fresh_index_process(tmp_path, code)
    assert "RL201" in out and "['reportlint.checks.doubled_word']" in out


def test_the_findings_are_the_same_from_the_index_as_from_the_modules(tmp_path):
    from reportlint.api import lint_text

    code = ("from reportlint.api import lint_text\n"
            f"print([(f.code, f.line, f.column, f.message) for f in lint_text({SAMPLE!r}, 'a.txt').findings])\n")
    from_index = _fresh_index_process(tmp_path, code)
    assert from_index.strip() == repr([(f.code, f.line, f.column, f.message) for f in lint_text(SAMPLE, "a.txt").findings])
    assert "RL201" in from_index and "RL504" in from_index  # 新增新增, 发辉


def test_an_edited_module_is_a_new_key_and_the_index_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the session's index stays as it is
    package = types.SimpleNamespace(__path__=[str(tmp_path)])
    module = tmp_path / "some_rule.py"
    module.write_text("x = 1\n", encoding="utf-8")
    key = rule_index._key(package)
    cache.write("rule-index", key, [rule_index.described(meta) for meta in _imported_rules()])
    assert rule_index.indexed(package) is not None
    module.write_text("x = 12\n", encoding="utf-8")  # another size
    assert rule_index._key(package) != key and rule_index.indexed(package) is None
    module.write_text("x = 1\n", encoding="utf-8")
    os.utime(module, ns=(1_000_000_000, 1_000_000_000))  # the same size, another time
    assert rule_index._key(package) != key and rule_index.indexed(package) is None


@pytest.mark.parametrize("stored", [[], "rules", [{"code": "RL101"}], [42]])
def test_an_index_not_as_described_writes_it_is_not_used(tmp_path, monkeypatch, stored):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    package = types.SimpleNamespace(__path__=[str(tmp_path)])
    cache.write("rule-index", rule_index._key(package), stored)
    assert rule_index.indexed(package) is None


def test_a_rule_from_the_index_imports_its_module_for_its_check_and_its_options_alone():
    descriptions = [rule_index.described(meta) for meta in _imported_rules()]
    by_code = {meta.code: meta for meta in _imported_rules()}
    for description in descriptions:
        rule = rule_index._from_description(description)
        assert not rule.is_imported
        assert rule.code == description["code"] and rule == rule and rule != by_code[rule.code]
        hash(rule)  # one object per rule: hashing it imports nothing
        assert not rule.is_imported
        if by_code[rule.code].options is NoOptions:
            assert rule.options is NoOptions and not rule.is_imported
        assert rule.check is by_code[rule.code].check and rule.is_imported
        assert pickle.loads(pickle.dumps(rule)).code == rule.code  # a pool or a Dask worker gets it whole


def test_default_options_are_made_when_the_rule_runs_and_pickle_as_themselves():
    from reportlint.config import Config

    meta = next(meta for meta in builtin_rules() if meta.name == "homophone-slip")
    assert Config().options_for(meta) is DEFAULT_OPTIONS  # nothing configured: no options made yet
    assert pickle.loads(pickle.dumps(DEFAULT_OPTIONS)) is DEFAULT_OPTIONS
    configured = Config(rule_options=(("homophone-slip", (("min-gain", 6.0),)),)).options_for(meta)
    assert configured.min_gain == 6.0


def test_a_large_report_has_homophone_slip_s_module_imported_by_the_forked_process_alone(tmp_path):
    from reportlint.parallel import available_cores

    if not sys.platform.startswith("linux") or available_cores() < 2:
        pytest.skip("homophone-slip is checked beside the other rules on Linux with a core to spare")
    lines = [f"第{n}项：全市新增装机容量{n}万千瓦，推进第{n}批项目建设。" for n in range(300)]
    lines[150] = "要充分发辉基层党组织的战斗堡垒作用。"  # once: a slip, not the document's own term
    (tmp_path / "a.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (tmp_path / "a.txt").stat().st_size > 16 * 1024  # linting.BESIDE_BYTES
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('here:', 'reportlint.checks.homophone_slip' in sys.modules,"
        " 'reportlint.checks.count_mismatch' in sys.modules))\n"
        "sys.argv = ['reportlint', 'check', '--format', 'concise', 'a.txt']\n"
        "from reportlint.__main__ import main\n"
        "main()\n"
    )
    out = _fresh_index_process(tmp_path, code)
    assert "RL504" in out  # 发辉, found by the forked process
    # this process imported the modules of the rules it checked (count-mismatch reads the figures
    # other rules here read: it is never shared out to the forked process, see engine._shareable)
    assert "here: False True" in out
