"""tools/new_rule.py starts a rule that the registry finds and the documentation tests hold to."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "new_rule.py"


def checkout(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "reportlint", tmp_path / "reportlint", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "tests" / "rules").mkdir(parents=True)
    return tmp_path


def new_rule(into: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args, "--into", str(into)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


def test_a_new_rule_is_registered_and_waits_for_its_documentation(tmp_path):
    into = checkout(tmp_path)
    done = new_rule(into, "RL312", "unit-mismatch", "单位与数值不符")
    assert done.returncode == 0, done.stderr
    assert "README.md" in done.stdout and "corpus_review.py unit-mismatch" in done.stdout
    assert (into / "tests" / "rules" / "test_unit_mismatch.py").is_file()
    probe = ("from reportlint.registry import build_registry; from reportlint.api import lint_text\n"
             "meta = build_registry().get('RL312'); print(meta.name, meta.summary, meta.severity.value)\n"
             "print(lint_text('全年增长5%。', 'a.txt').crashes)\n")
    ran = subprocess.run([sys.executable, "-c", probe], cwd=into, capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    assert ran.stdout.splitlines() == ["unit-mismatch 单位与数值不符 warning", "[]"], ran.stderr
    # its documentation is a template: the Bad example is no defect yet, so tests/test_docs.py fails
    assert "TODO" in (into / "reportlint" / "checks" / "unit_mismatch.py").read_text(encoding="utf-8")


def test_a_taken_code_or_name_and_a_malformed_one_are_refused(tmp_path):
    into = checkout(tmp_path)
    for args in (("RL201", "new-rule", "x"), ("RL399", "doubled-word", "x"), ("RL9", "x", "x"),
                 ("RL399", "Bad_Name", "x"), ("RL901", "x", "x")):
        done = new_rule(into, *args)
        assert done.returncode == 2 and "error:" in done.stderr, args
    assert not list((into / "tests" / "rules").iterdir())
