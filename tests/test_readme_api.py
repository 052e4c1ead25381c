"""The README's "Using it from Python" example runs as written, and does what it says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Using it from Python", 1)[1].split("\n## ", 1)[0]
    [block] = re.findall(r"```python\n(.*?)```", section, re.S)
    return block


def test_the_python_example_of_the_readme_runs(tmp_path):
    (tmp_path / "报告.txt").write_text("我们要加强管理,提高效率。\n\n新增新增装机容量120万千瓦。\n", encoding="utf-8")
    (tmp_path / "example.py").write_text(python_example(), encoding="utf-8")
    done = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # the findings, the concise report, the fixes it would make, then the string's finding
    assert "报告.txt 1 8 RL401 中文中使用了半角逗号“,”，应为全角“，”" in lines
    assert any(line.startswith("报告.txt 3 1 RL201") for line in lines)
    assert "报告.txt:1:8: warning: RL401 [punctuation-width] 中文中使用了半角逗号“,”，应为全角“，”" in lines
    assert "报告.txt 1 fixes" in lines  # the safe fix of the comma; the doubled word's is unsafe
    assert lines[-1] == "RL201"
    assert (tmp_path / "报告.txt").read_text(encoding="utf-8").startswith("我们要加强管理,")  # not written
    assert (tmp_path / "baseline.json").is_file()
