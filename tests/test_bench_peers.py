"""bench/bench_peers.py runs without autocorrect-py installed (it says how to get it, exit 0), and
its one-line peer program lints a file the way autocorrect-py's API is called."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))
import bench_peers  # noqa: E402

# autocorrect_py as its .pyi declares it: lint_for(raw, filename) -> LintResult with .lines
FAKE_PEER = '''
from types import SimpleNamespace
def lint_for(raw, filename):
    assert filename.endswith(".txt")
    return SimpleNamespace(lines=[SimpleNamespace(line=1, col=3, old=raw.strip(), new=raw.strip().replace("2026年", "2026 年"))])
'''


def test_without_the_peer_it_says_how_to_install_it_and_exits_0(capsys, tmp_path):
    assert bench_peers.main([]) == 0
    assert "pip install autocorrect-py" in capsys.readouterr().out
    assert bench_peers.main(["--peer-python", str(tmp_path / "no-python")]) == 0
    assert "cannot run the peer's Python" in capsys.readouterr().out
    if importlib.util.find_spec("autocorrect_py") is None:  # it is no dependency of reportlint
        assert bench_peers.main(["--peer-python", sys.executable]) == 0
        assert "cannot import autocorrect_py" in capsys.readouterr().out


def test_the_peer_program_prints_its_findings_as_json(tmp_path):
    (tmp_path / "autocorrect_py.py").write_text(FAKE_PEER, encoding="utf-8")
    report = tmp_path / "报告.txt"
    report.write_text("2026年工作\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", bench_peers.PEER_LINT, str(report)], capture_output=True,
                            text=True, encoding="utf-8", env={**os.environ, "PYTHONPATH": str(tmp_path)}, check=True)
    assert json.loads(result.stdout) == [{"line": 1, "column": 3, "old": "2026年工作", "new": "2026 年工作"}]
