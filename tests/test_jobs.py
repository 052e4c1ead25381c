"""--jobs: files checked in worker processes give exactly the output of one
process (every format, errors, baselines, diffs); errors and a dying worker
come back as data; one job or one file starts no pool; the progress bar shows
only on a terminal outside CI and never in the report."""

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from running import run

from reportlint import api, engine, linting, parallel, progress
from reportlint.api import lint_paths
from reportlint.baseline import write_baseline
from reportlint.output import FORMATS, RenderOptions

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "gov-reports"
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
BROKEN = (
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。\n"
)
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus is not beside this clone")
needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a monkeypatch reaches the workers only when they are forked")


pytestmark = pytest.mark.usefixtures("in_fresh_folder")  # tests/conftest.py


def outcome(result):
    return result.exit_code, result.stdout, result.stderr


def write(path, text=BROKEN) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def rendered(results) -> dict[str, str]:
    return {name: render(results, RenderOptions(statistics=True)) for name, render in FORMATS.items()}


# --- the same output --------------------------------------------------------------


@needs_corpus
def test_the_corpus_in_two_processes_renders_byte_for_byte_as_in_one(tmp_path):
    one, two = lint_paths([str(CORPUS)], jobs=1), lint_paths([str(CORPUS)], jobs=2)
    assert len(one.files) > 10 and one.findings
    assert [r.path for r in two.files] == [r.path for r in one.files]
    assert list(two.rules) == list(one.rules)
    first, second = rendered(one), rendered(two)
    for name in FORMATS:
        assert second[name] == first[name], name
    # baselines fingerprint the documents the workers sent back
    assert write_baseline(one, tmp_path / "one.json") == write_baseline(two, tmp_path / "two.json") > 0
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()


@needs_corpus
def test_the_corpus_through_the_command_line_with_two_jobs_and_one(tmp_path):
    one = run("check", "--format", "text", "--statistics", "--jobs", "1", CORPUS)
    assert one.exit_code == 1 and one.stdout.count("RL") > 50
    assert outcome(run("check", "--format", "text", "--statistics", "--jobs", "2", CORPUS)) == outcome(one)


@needs_corpus
def test_diff_after_two_jobs_is_the_diff_after_one(tmp_path):
    # --diff fixes the documents the workers sent back, in this process
    for report in sorted(CORPUS.glob("*.txt"))[:4]:
        shutil.copy(report, tmp_path / report.name)
    write(tmp_path / "doubled.txt", "全年新增新增装机容量，，提升发电能力。\n")
    one = run("check", "--diff", "--unsafe-fixes", "--jobs", "1", ".")
    assert one.exit_code == 1 and "+++ doubled.txt" in one.stdout
    assert outcome(run("check", "--diff", "--unsafe-fixes", "--jobs", "2", ".")) == outcome(one)


def test_errors_from_workers_are_reported_as_from_one_process(tmp_path):
    write(tmp_path / "报告" / "a.md")
    write(tmp_path / "报告" / "b.txt", "培育壮大经营主体。".encode() + b"\xff\xff\xff\xff")
    write(tmp_path / "报告" / "c.txt", b"%PDF-1.7\n\x00\x01")
    write(tmp_path / "报告" / "章节" / "d.md")
    write(tmp_path / "报告" / "e.md", "全年新增新增装机容量。\n")
    if sys.platform != "win32":
        (tmp_path / "报告" / "章节" / "环").symlink_to(tmp_path / "报告", target_is_directory=True)
    for output_format in ("text", "json", "sarif", "github", "concise"):
        args = ("check", "--format", output_format, "报告", "缺失.md")
        one = run(*args, "--jobs", "1")
        assert one.exit_code == 2 and one.stderr.count("reportlint: error:") >= 3, one.stderr
        assert outcome(run(*args, "--jobs", "3")) == outcome(one), output_format


def test_stdin_among_files_with_two_jobs(tmp_path):
    write(tmp_path / "a.md")
    write(tmp_path / "b.md")
    args = ("check", "--format", "json", "--stdin-filename", "来自管道.txt", "a.md", "-", "b.md")
    one = run(*args, "--jobs", "1", input=BROKEN.encode())
    assert [d["path"] for d in json.loads(one.stdout)] == ["a.md", "b.md", "来自管道.txt"]
    assert outcome(run(*args, "--jobs", "2", input=BROKEN.encode())) == outcome(one)


# --- errors travel back as data -------------------------------------------------------


@needs_fork
def test_an_internal_error_on_one_file_is_that_files_error(tmp_path, monkeypatch):
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path / name)
    real = linting.read_document

    def read_document(path, *args, **kwargs):
        if path.name == "b.md":
            raise RuntimeError("解析器出错")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(linting, "read_document", read_document)
    for jobs in ("1", "2"):
        result = run("check", "--format", "concise", "--jobs", jobs, ".")
        assert result.exit_code == 2
        assert result.stderr.splitlines() == ["reportlint: error: b.md: internal error: RuntimeError: 解析器出错"]
        assert "a.md:1:24: warning: RL101" in result.stdout and "c.md:1:24: warning: RL101" in result.stdout


@needs_fork
def test_a_worker_that_dies_ends_the_run_with_errors_not_a_traceback(tmp_path, monkeypatch):
    for name in ("a.md", "b.md", "c.md", "d.md"):
        write(tmp_path / name)
    real = linting.read_document

    def read_document(path, *args, **kwargs):
        if path.name == "b.md":
            os._exit(3)  # as a crash of the interpreter would
        return real(path, *args, **kwargs)

    monkeypatch.setattr(linting, "read_document", read_document)
    result = run("check", "--format", "concise", "--jobs", "2", ".")
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert "reportlint: error: b.md: the process checking it failed: BrokenProcessPool" in "\n".join(errors)
    assert all(line.startswith("reportlint: error: ") for line in errors)
    assert "Traceback" not in result.stdout + result.stderr


# --- when a pool is started -------------------------------------------------------------


def test_one_job_or_one_file_starts_no_pool(tmp_path, monkeypatch):
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path / name)
    calls = []

    def spy(function, items, jobs, **kwargs):
        calls.append((len(items), jobs))
        return [function(item) for item in items]

    monkeypatch.setattr(linting, "map_in_processes", spy)
    assert len(lint_paths(["a.md"], jobs=4).files) == 1
    assert len(lint_paths(["."], jobs=1).files) == 3
    assert len(lint_paths(["-"], stdin=BROKEN.encode(), jobs=4).files) == 1
    assert calls == []
    assert len(lint_paths(["."], jobs=4).findings) == 3
    assert calls == [(3, 4)]


def test_without_jobs_a_few_small_files_are_linted_here_and_larger_runs_by_the_cores(tmp_path, monkeypatch):
    # a worker costs about what it saves on a few small files, more when another program holds a core
    calls = []

    def spy(function, items, jobs, **kwargs):
        calls.append(jobs)
        return [function(item) for item in items]

    monkeypatch.setattr(linting, "map_in_processes", spy)
    monkeypatch.setattr(parallel, "available_cores", lambda: 4)
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path / "small" / name)
    assert len(lint_paths(["small"], jobs=None).findings) == 3 and calls == []
    big = BROKEN * (parallel.BYTES_PER_PROCESS // len(BROKEN.encode()) + 1)  # just over one process's worth
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path / "large" / name, big)
    lint_paths(["large"], jobs=None)
    assert calls == [3]  # three files of more than 128 KB: one process each, within the 4 cores
    assert parallel.processes_for([10**6] * 8, cores=4) == 4
    assert parallel.processes_for([10**6], cores=4) == 1
    assert parallel.processes_for([100_000, 100_000, 100_000], cores=2) == 2
    assert parallel.processes_for([50_000, 50_000], cores=2) == 1


def test_with_more_files_than_jobs_the_smallest_is_linted_here_first(tmp_path, monkeypatch):
    # so that what the rules load on first use is loaded once, before the workers fork
    for name, copies in (("a.md", 3), ("b.md", 1), ("c.md", 2), ("d.md", 4), ("e.md", 5)):
        write(tmp_path / name, BROKEN * copies)
    sent = []

    def spy(function, items, jobs, **kwargs):
        sent.extend(item.display for item in items)
        return [function(item) for item in items]

    monkeypatch.setattr(linting, "map_in_processes", spy)
    seen = []
    result = lint_paths(["."], jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert sorted(sent) == ["a.md", "c.md", "d.md", "e.md"]
    assert [r.path for r in result.files] == ["a.md", "b.md", "c.md", "d.md", "e.md"]
    assert seen[0] == (1, 5)


def test_the_command_line_leaves_the_number_to_the_run_unless_told(tmp_path, monkeypatch):
    big = BROKEN * (parallel.BYTES_PER_PROCESS // len(BROKEN.encode()) + 1)
    write(tmp_path / "a.md", big)
    write(tmp_path / "b.md", big)
    seen, pooled = [], []
    real = api.Run.lint

    def lint(run, *args, **kwargs):
        seen.append(run.jobs)
        return real(run, *args, **kwargs)

    def spy(function, items, jobs, **kwargs):
        pooled.append(jobs)
        return [function(item) for item in items]

    monkeypatch.setattr(api.Run, "lint", lint)
    monkeypatch.setattr(linting, "map_in_processes", spy)
    monkeypatch.setattr(parallel, "available_cores", lambda: 7)
    assert run("check", ".").exit_code == 1
    assert run("check", "-j", "3", ".").exit_code == 1
    assert seen == [None, 3]
    assert pooled == [2, 3]  # two files worth a process each, of the 7 cores; then as told


def test_jobs_must_be_at_least_one(tmp_path):
    write(tmp_path / "a.md")
    result = run("check", "--jobs", "0", "a.md")
    assert result.exit_code == 2 and "--jobs" in result.stderr


def test_results_come_back_in_the_order_of_the_items_whatever_their_weight():
    items = list(range(40))
    weights = [(i * 7) % 11 for i in items]  # the heavy ones go out first
    done = []
    result = parallel.map_in_processes(_square, items, 3, lost=lambda item, error: None, weights=weights,
                                       progress=lambda d, t: done.append((d, t)))
    assert result == [i * i for i in items]
    assert done[-1] == (40, 40) and [d for d, _ in done] == sorted(d for d, _ in done)


def _square(number: int) -> int:
    return number * number


def _slow(number: int) -> int:
    time.sleep(0.4)
    return number


def test_an_interrupt_stops_the_workers_at_once():
    # Ctrl-C in the parent: the workers must not go on through the queued chunks.
    def interrupt(done, total):
        raise KeyboardInterrupt

    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        parallel.map_in_processes(_slow, list(range(20)), 2, lost=lambda item, error: None, progress=interrupt)
    assert time.monotonic() - start < 2.0  # 20 items of 0.4 s in two processes would take 4 s
    deadline = time.monotonic() + 1.5  # terminated, not left to finish their 4 s of work
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def test_chunks_are_small_for_few_files_and_larger_for_many():
    assert parallel._chunk_size(20, 2) == 1
    assert parallel._chunk_size(1000, 4) == 31
    assert parallel._chunk_size(100_000, 2) == 32


# --- progress ------------------------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Terminal:
    """A stream that says it is a terminal and records what is written."""

    def __init__(self):
        self.written = ""

    def isatty(self):
        return True

    def write(self, text):
        self.written += text

    def flush(self):
        pass


def test_the_bar_waits_then_draws_throttled_and_erases_itself(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    clock, stream = FakeClock(), Terminal()
    bar = progress.ProgressBar(stream, clock=clock)
    assert bar.enabled
    bar(1, 10)
    clock.now += 0.5
    bar(2, 10)
    assert stream.written == ""  # a quick run shows nothing
    clock.now += 0.6
    bar(3, 10)
    assert stream.written.endswith("] 3/10 files") and stream.written.startswith("\r")
    clock.now += 0.01
    bar(4, 10)  # too soon to redraw
    assert "4/10" not in stream.written
    bar(10, 10)  # the last one always
    assert stream.written.endswith("10/10 files")
    bar.close()
    line = stream.written.rsplit("\r", 2)
    assert line[-1] == "" and line[-2].strip() == ""  # spaces over the bar, the cursor back at the start


def test_no_bar_for_one_file_on_a_pipe_or_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    clock, stream = FakeClock(), Terminal()
    bar = progress.ProgressBar(stream, clock=clock, delay=0)
    bar(0, 1)
    bar(1, 1)
    assert stream.written == ""
    read, write_end = os.pipe()
    with os.fdopen(write_end, "w") as pipe:
        assert not progress.wanted(pipe)
    os.close(read)
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(Terminal())
    assert not progress.ProgressBar(Terminal()).enabled


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_a_real_terminal_wants_a_bar_unless_ci(monkeypatch):
    leader, follower = os.openpty()
    try:
        with os.fdopen(os.dup(follower), "w") as terminal:
            monkeypatch.delenv("CI", raising=False)
            assert progress.wanted(terminal)
            monkeypatch.setenv("CI", "1")
            assert not progress.wanted(terminal)
    finally:
        os.close(leader)
        os.close(follower)


@pytest.mark.parametrize("jobs", [1, 2])
def test_lint_paths_reports_progress_up_to_the_total(tmp_path, jobs):
    for name in ("a.md", "b.md", "c.md", "d.md"):
        write(tmp_path / name)
    seen = []
    lint_paths(["."], jobs=jobs, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (4, 4) and all(total == 4 for _, total in seen)


def test_the_bar_goes_to_stderr_never_into_the_report(tmp_path, monkeypatch):
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path / name)
    # CliRunner's streams are no terminal: nothing at all on stderr
    plain = run("check", "--format", "json", ".")
    assert plain.stderr == "" and len(json.loads(plain.stdout)) == 3
    monkeypatch.setattr(progress, "wanted", lambda stream: True)
    monkeypatch.setattr(progress, "DELAY_S", 0)
    shown = run("check", "--format", "json", ".")
    assert shown.stdout == plain.stdout
    assert "3/3 files" in shown.stderr and shown.stderr.endswith("\r")


# -- one large report: a rule checked in a forked process beside the others ----------------------


def _large_report(tmp_path) -> Path:
    """Several real reports in one file, well past linting.BESIDE_BYTES."""
    reports = sorted(CORPUS.glob("*.txt"))[:8]
    path = tmp_path / "合订本.txt"
    path.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in reports), encoding="utf-8")
    assert path.stat().st_size >= linting.BESIDE_BYTES
    return path


# Run in a process of its own: a fork is made only where one thread runs, and the test session
# may hold others by then (a Dask cluster's, a browser driver's).
BESIDE_SCRIPT = """
import json, sys
from reportlint import engine, linting, parallel
from reportlint.api import lint_paths
from reportlint.output import FORMATS, RenderOptions

def rendered(results):
    return {name: render(results, RenderOptions(statistics=True)) for name, render in FORMATS.items()}

forked, answered, real = [], [], parallel.fork_call
def spy(function):
    forked.extend(meta.name for meta, _ in function.args[1])  # partial(_checked_each, doc, rules)
    collect = real(function)
    return lambda: answered.append(collect()) or answered[-1]

engine.fork_call = spy
linting.available_cores = lambda: 2
path, small = sys.argv[1:]
one, two = rendered(lint_paths([path], jobs=1)), rendered(lint_paths([path], jobs=None))
report = {"forked": list(forked),
          "answered": [type(outcome).__name__ for answer in answered for outcome in (answer or {None: None}).values()],
          "differ": [name for name in FORMATS if one[name] != two[name]], "findings": one["json"].count('"code"')}
forked.clear()
lint_paths([path], jobs=1)  # --jobs 1: one process, always
linting.available_cores = lambda: 1
lint_paths([path], jobs=None)  # no core to spare
linting.available_cores = lambda: 2
lint_paths([small], jobs=None)  # too small to be worth a fork
report["forked otherwise"] = forked
print(json.dumps(report))
"""


@needs_corpus
@needs_fork
def test_a_large_report_has_a_rule_checked_beside_the_others_with_the_same_findings(tmp_path):
    path = _large_report(tmp_path)
    small = write(tmp_path / "短文.txt")
    assert small.stat().st_size < linting.BESIDE_BYTES
    done = subprocess.run([sys.executable, "-c", BESIDE_SCRIPT, str(path), str(small)], capture_output=True,
                          text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["forked"] == sorted(linting.BESIDE)
    assert set(report["answered"]) == {"list"}  # the child's findings were used, not computed again here
    assert report["differ"] == [] and report["findings"] > 20  # every format, byte for byte
    assert report["forked otherwise"] == []


FORK_SCRIPT = """
import json, os
from reportlint.parallel import fork_call
collect = fork_call(lambda: os.getpid())
print(json.dumps({
    "answer": fork_call(lambda: ["结果", 2])(),
    "raised": fork_call(lambda: 1 / 0)(),  # raised in the child: nothing sent
    "unpicklable": fork_call(lambda: (lambda: 0))(),
    "child": collect() != os.getpid() and collect() == collect(),  # asked again: the same answer
}))
"""


@needs_fork
def test_a_forked_call_answers_as_the_call_or_leaves_it_to_the_caller():
    # in a process of its own, which runs one thread (see BESIDE_SCRIPT)
    done = subprocess.run([sys.executable, "-c", FORK_SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"answer": ["结果", 2], "raised": None, "unpicklable": None, "child": True}


def test_no_fork_while_another_thread_runs():
    import threading

    started, release = threading.Event(), threading.Event()
    thread = threading.Thread(target=lambda: (started.set(), release.wait()))
    thread.start()
    started.wait()
    try:
        assert parallel.fork_call(lambda: 1)() is None
    finally:
        release.set()
        thread.join()


def test_a_rule_that_crashes_beside_the_others_is_reported_as_when_checked_here():
    from reportlint.model import RuleMeta, Severity
    from reportlint.text.parse import parse_text

    def broken(doc, options):
        raise RuntimeError("规则内部错误")
        yield

    meta = RuleMeta(code="XT801", name="broken-rule", severity=Severity.WARNING, summary="坏规则", check=broken)
    here = engine.run_rules(parse_text(BROKEN, "a.txt"), [(meta, None, meta.severity)])
    beside = engine.run_rules(parse_text(BROKEN, "a.txt"), [(meta, None, meta.severity)], beside=frozenset({"broken-rule"}))
    assert beside.crashes == here.crashes and here.crashes[0].error == "RuntimeError: 规则内部错误"


def test_the_rules_checked_here_all_run_before_the_answer_from_beside_is_awaited(monkeypatch):
    # The forked process's answer is taken once this one is done, not at the rule's turn: the
    # rules after it in order run meanwhile. The findings stay in rule order.
    from reportlint.model import RuleMeta, Severity, Violation
    from reportlint.text.parse import parse_text

    events = []

    def fork_in_order(function):
        answer = []

        def collect():
            if not answer:
                events.append("awaited")
                answer.append(function())
            return answer[0]
        return collect

    def beside_rule(doc, options):
        events.append("beside")
        yield Violation(doc.paragraphs[0].span(0, 2), "旁")

    def later_rule(doc, options):
        events.append("later")
        yield Violation(doc.paragraphs[0].span(0, 2), "后")

    monkeypatch.setattr(engine, "fork_call", fork_in_order)
    rules = [RuleMeta(code="XT801", name="beside-rule", severity=Severity.WARNING, summary="旁", check=beside_rule),
             RuleMeta(code="XT802", name="later-rule", severity=Severity.WARNING, summary="后", check=later_rule)]
    result = engine.run_rules(parse_text(BROKEN, "a.txt"), [(meta, None, meta.severity) for meta in rules],
                              beside=frozenset({"beside-rule"}))
    assert events == ["later", "awaited", "beside"]
    assert [finding.code for finding in result.findings] == ["XT801", "XT802"]
