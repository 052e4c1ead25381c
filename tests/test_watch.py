"""check --watch: a save is seen, what changed is linted again, Ctrl-C ends the watch with exit 0."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest
from running import run

from reportlint.api import Overrides
from reportlint.watching import _Watcher

CLEAN = "扎扎实实推进各项工作，方方面面都要落实到位。\n"
DOUBLED = "今年新增新增装机容量120万千瓦。\n"


class _Lines:
    """The lines a stream prints, read in a thread so that the test can wait for one with a timeout."""

    def __init__(self, stream) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self._queue.put(line)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"{text!r} not printed within {timeout} s; printed: {''.join(self.seen)!r}")


@pytest.fixture
def watching(tmp_path):
    """``reportlint check --watch`` on a folder of one clean report, started as a user starts it."""
    report = tmp_path / "报告.txt"
    report.write_text(CLEAN, encoding="utf-8")
    env = {**os.environ, "REPORTLINT_LANG": "en", "NO_COLOR": "1"}
    # A shell without job control starts its background commands with SIGINT ignored (CI may run
    # the suite so), and Python then installs no Ctrl-C handler: the watch gets it back, as a
    # terminal's foreground command has it.
    process = subprocess.Popen([sys.executable, "-m", "reportlint", "check", "--watch", "--format", "concise", "."],
                               cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8", env=env,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    out, err = _Lines(process.stdout), _Lines(process.stderr)
    yield report, process, out, err
    if process.poll() is None:
        process.kill()
        process.wait()


def test_a_save_is_checked_again_and_ctrl_c_ends_the_watch_with_exit_0(watching):
    report, process, out, err = watching
    out.wait_for("no findings in 1 file")
    err.wait_for("Watching for changes")
    report.write_text(CLEAN + DOUBLED, encoding="utf-8")
    line = out.wait_for("RL201")
    assert line.startswith("报告.txt:2:3:") and "新增新增" in line
    err.wait_for("Checked again: 报告.txt")
    err.wait_for("Watching for changes")
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0
    assert "Traceback" not in "".join(err.seen) + process.stderr.read()


def test_a_new_file_in_the_folder_is_checked(watching):
    report, process, out, err = watching
    err.wait_for("Watching for changes")
    (report.parent / "新稿.md").write_text("# 标题\n\n" + DOUBLED, encoding="utf-8")
    assert out.wait_for("RL201").startswith("新稿.md:3:3:")
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0


# The rounds themselves, in process: which files a batch of changes lints again.

def _watcher(tmp_path, *names: str) -> _Watcher:
    for name in names:
        (tmp_path / name).write_text(CLEAN, encoding="utf-8")
    return _Watcher([str(tmp_path)], Overrides(), jobs=1, whole_documents=False)


def test_only_the_saved_file_is_linted_again(tmp_path):
    watcher = _watcher(tmp_path, "甲.txt", "乙.txt")
    first = watcher.lint_all()
    assert [f.findings for f in first.result.files] == [[], []]
    kept = next(f for f in first.result.files if f.path.endswith("乙.txt"))
    (tmp_path / "甲.txt").write_text(DOUBLED, encoding="utf-8")
    round_ = watcher.update({os.path.realpath(tmp_path / "甲.txt")})
    assert round_.linted == [str(tmp_path / "甲.txt")]
    by_name = {os.path.basename(f.path): f for f in round_.result.files}
    assert [f.code for f in by_name["甲.txt"].findings] == ["RL201"]
    assert by_name["乙.txt"] is kept  # not read again


def test_a_change_to_nothing_checked_is_no_round(tmp_path):
    watcher = _watcher(tmp_path, "甲.txt")
    watcher.lint_all()
    (tmp_path / "notes.log").write_text("x", encoding="utf-8")
    assert watcher.update({os.path.realpath(tmp_path / "notes.log")}) is None


def test_a_config_change_lints_everything_with_the_new_config(tmp_path):
    watcher = _watcher(tmp_path, "甲.txt", "乙.txt")
    (tmp_path / "甲.txt").write_text(DOUBLED, encoding="utf-8")
    assert watcher.update({os.path.realpath(tmp_path / "甲.txt")}).result.findings
    config = tmp_path / "reportlint.toml"
    config.write_text('ignore = ["RL201"]\n', encoding="utf-8")
    round_ = watcher.update({os.path.realpath(config)})
    assert len(round_.linted) == 2 and not round_.result.findings


def test_a_broken_config_is_said_and_the_watch_goes_on(tmp_path):
    watcher = _watcher(tmp_path, "甲.txt")
    watcher.lint_all()
    config = tmp_path / "reportlint.toml"
    config.write_text('select = ["RL9999"]\n', encoding="utf-8")
    broken = watcher.update({os.path.realpath(config)})
    assert broken.result is None and "RL9999" in broken.error
    config.write_text('select = ["RL2"]\n', encoding="utf-8")
    assert watcher.update({os.path.realpath(config)}).result is not None


@pytest.mark.parametrize("args, option", [(["--fix"], "--fix"), (["--diff"], "--diff"), (["-"], "-"),
                                          (["--write-baseline", "b.json"], "--write-baseline")])
def test_watch_refuses_what_would_write_or_read_stdin(in_fresh_folder, args, option):
    result = run("check", "--watch", *args)
    assert result.exit_code == 2
    assert result.stderr == f"reportlint: error: --watch cannot be combined with {option}\n"


def test_without_watchfiles_it_says_what_to_install(in_fresh_folder, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "watchfiles", None)  # import watchfiles raises ImportError
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "--watch", "a.txt")
    assert result.exit_code == 2
    assert result.stderr == "reportlint: error: --watch needs watchfiles: pip install 'reportlint[watch]'\n"
