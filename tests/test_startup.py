"""Start-up time (issue 19): what a plain ``reportlint check`` loads, and the caches that spare a
run the work that the last one already did. The time itself is measured in bench/, not here."""

from __future__ import annotations

import os
import subprocess
import sys

#: what a plain check of a text file never needs: baselines, writing files (tempfile, hashlib),
#: the JSON and SARIF formats
NOT_FOR_A_PLAIN_CHECK = ("reportlint.baseline", "reportlint.writing", "reportlint.output.json_format",
                         "reportlint.output.sarif_format", "json", "hashlib")


def loaded_by_check(tmp_path, *args: str) -> set[str]:
    """The modules in sys.modules at the end of ``reportlint check ARGS`` (run in *tmp_path*)."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('MODULES', ' '.join(sorted(sys.modules))))\n"
            "sys.argv = ['reportlint', 'check', *sys.argv[1:]]\n"
            "from reportlint.__main__ import main\n"
            "main()\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode in (0, 1), done.stderr
    [line] = [line for line in done.stdout.splitlines() if line.startswith("MODULES ")]
    return set(line.split()[1:])


def test_a_plain_check_loads_neither_baselines_nor_writing_nor_json(tmp_path):
    (tmp_path / "a.txt").write_text("一行。\n", encoding="utf-8")
    loaded = loaded_by_check(tmp_path, "a.txt")
    assert "reportlint.engine" in loaded  # it did lint
    assert not loaded & set(NOT_FOR_A_PLAIN_CHECK), sorted(loaded & set(NOT_FOR_A_PLAIN_CHECK))


def test_what_a_plain_check_skips_is_loaded_when_asked_for(tmp_path):
    (tmp_path / "a.txt").write_text("一行。\n", encoding="utf-8")
    assert {"reportlint.output.sarif_format", "json", "hashlib"} <= loaded_by_check(tmp_path, "a.txt", "--format", "sarif")
    assert {"reportlint.baseline", "reportlint.writing"} <= loaded_by_check(tmp_path, "a.txt", "--write-baseline", "b.json",
                                                                            "--fix")
