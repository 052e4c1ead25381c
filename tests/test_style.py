"""The code stays lint-clean (ruff, configured in pyproject.toml): CI runs only pytest."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it comes with the test extras)")
    result = subprocess.run([ruff, "check", "--no-cache", "reportlint", "tests", "bench"], cwd=REPO,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr


# A merge left half-resolved: the lines git writes around each side of a conflict (its middle
# line, seven "=", is also a Markdown heading's underline, so it is not looked for).
CONFLICT_MARKER = re.compile(r"^(?:<{7} |>{7} )", re.M)
TEXT_SUFFIXES = {".py", ".md", ".toml", ".txt", ".yaml", ".yml", ".js", ".css", ".cfg", ""}


def test_no_file_keeps_the_markers_of_an_unresolved_merge():
    # the merge of two branches once left them in bench/README.md, which no other test reads
    listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if listed.returncode != 0:
        pytest.skip("not a git checkout (an sdist)")
    marked = []
    for name in listed.stdout.splitlines():
        path = REPO / name
        if path.suffix in TEXT_SUFFIXES and path.is_file() and not name.startswith("tests/data/"):
            if CONFLICT_MARKER.search(path.read_text(encoding="utf-8", errors="replace")):
                marked.append(name)
    assert not marked, marked


def test_the_conflict_marker_pattern_finds_what_git_writes():
    written = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> branch\n"
    assert len(CONFLICT_MARKER.findall(written)) == 2
    assert not CONFLICT_MARKER.search("标题\n=======\n\n下文 >>>>>>>>> 不是\n")
