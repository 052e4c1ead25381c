"""reportlint archive: a tree of documents linted on a Dask cluster gives, as JSON Lines, exactly
the findings ``check --format json --jobs 1`` reports (the whole corpus, on a LocalCluster of two
worker processes); a file that cannot be read is an error record, never a failed job; without
dask, one line and exit 2.

One cluster serves the module: starting one costs about a second, linting the corpus on it
most of this module's time. The reference, the corpus linted by check in one process, is the
session's (tests/conftest.py), shared with the corpus gate."""

import json
import logging
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from running import run

from reportlint.archive import QUIET_SCHEDULER, Item, Part, default_partition_size, write_parts
from reportlint.output.json_format import render

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BROKEN = (
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。\n"
)
NEEDS_DASK = "reportlint: error: archive needs dask and distributed: pip install 'reportlint[dask]'\n"


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, no dashboard (and the scheduler's health page on a
    free port, not 8787), the cluster's logs silenced."""
    import distributed  # the test extra installs it: missing here, the module must fail, not skip

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  scheduler_kwargs=QUIET_SCHEDULER, silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


def write(path, data=BROKEN) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus is not beside this clone")
def test_the_corpus_on_two_workers_is_what_check_json_reports(cluster, corpus_check, tmp_path):
    out = tmp_path / "findings.jsonl"
    result = run("archive", "--scheduler", cluster, "-o", out, CORPUS)
    expected = json.loads(render(corpus_check))
    assert not corpus_check.problems and len(expected) > 300
    got = records(out)
    assert got == expected  # the same fields and values, in the same order
    assert result.exit_code == (1 if corpus_check.failing else 0)
    assert result.stdout == ""
    assert result.stderr == f"Checked {len(corpus_check.files)} files: {len(expected)} findings, 0 errors.\n"


def test_files_that_cannot_be_read_are_error_records_not_a_failed_job(cluster, in_fresh_folder, tmp_path):
    write("报告/a.md")
    write("报告/b.txt", b"%PDF-1.7\n\x00\x01")  # binary
    write("报告/c.txt", "培育壮大经营主体。".encode() + b"\xff\xff\xff\xff")  # not UTF-8, nor anything else
    write("报告/章节/d.md")
    write("报告/章节/e.md", "全年新增新增装机容量。\n")
    # Relative to the working folder here, which is not the workers': the files are read, and
    # per-file-ignores matched, by where they are.
    write("报告/.reportlint.toml", '[per-file-ignores]\n"章节/d.md" = ["RL101"]\n')
    args = ("报告", "缺失.md")
    archive, check = run("archive", "--scheduler", cluster, "-o", "out.jsonl", *args), run("check", "--format", "json", *args)
    assert archive.exit_code == check.exit_code == 2
    written = records(tmp_path / "out.jsonl")
    assert [r["path"] for r in written] == ["报告/a.md", "报告/b.txt", "报告/c.txt", "报告/章节/e.md", "缺失.md"]
    errors = [r for r in written if "error" in r]
    assert [set(r) for r in errors] == [{"path", "error"}] * 3  # an error record has no other key
    assert [r for r in written if "error" not in r] == json.loads(check.stdout)
    # said on stderr as check says them, then the summary
    assert archive.stderr.splitlines() == [*check.stderr.splitlines(), "Checked 6 files: 2 findings, 3 errors."]
    assert check.stderr.splitlines() == [f"reportlint: error: {r['path']}: {r['error']}" for r in errors]


def test_standard_input_is_an_error_record(cluster, in_fresh_folder, tmp_path):
    write("a.md")
    result = run("archive", "--scheduler", cluster, "a.md", "-")
    assert result.exit_code == 2
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == ["-", "a.md"]
    assert "reportlint: error: -: standard input cannot be sent to a cluster" in result.stderr


def test_without_a_scheduler_a_local_cluster_is_started_and_closed(in_fresh_folder, tmp_path):
    write("a.md")
    before = set(multiprocessing.active_children())  # the module's cluster, when its tests ran first
    result = run("archive", "--workers", "1", "--exit-zero", ".")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == json.loads(run("check", "--format", "json").stdout)
    assert set(multiprocessing.active_children()) <= before  # the cluster's worker is gone


def test_without_dask_one_line_and_exit_2(in_fresh_folder, tmp_path, monkeypatch):
    write("a.md")
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import raises ImportError
    result = run("archive", "a.md")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", NEEDS_DASK)


def test_usage_errors_come_before_any_cluster(in_fresh_folder, tmp_path):
    write("a.md")
    write("pyproject.toml", '[tool.reportlint]\nselect = ["RL999"]\n')
    bad_config = run("archive", "a.md")
    assert bad_config.exit_code == 2 and bad_config.stderr.startswith("reportlint: error: ") and "RL999" in bad_config.stderr
    both = run("archive", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2", "a.md")
    assert both.exit_code == 2 and "--workers" in both.stderr and "--scheduler" in both.stderr


def test_a_scheduler_that_cannot_be_reached_is_one_line(in_fresh_folder, tmp_path):
    import dask

    write("a.md")
    with dask.config.set({"distributed.comm.timeouts.connect": "0.2s"}):
        result = run("archive", "--scheduler", "tcp://127.0.0.1:9", "a.md")  # the discard port: nothing listens
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("reportlint: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert len(result.stderr.splitlines()) == 1


class Done:
    def __init__(self, part):
        self.part = part

    def result(self):
        return [self.part]


class Lost:
    def result(self):
        raise RuntimeError("worker lost three times")


def test_a_partition_lost_as_a_whole_becomes_an_error_record_for_each_of_its_files():
    found = '{"path": "a.md", "line": 1}\n'
    parts = [([Item("a.md", "/r/a.md")], Done(Part(found, 1, 1, 1, ()))),
             ([Item("b.md", "/r/b.md"), Item("c.md", "/r/c.md")], Lost())]
    written, errors, seen = [], [], []
    summary = write_parts(parts, written.append, lambda *error: errors.append(error),
                          lambda done, total: seen.append((done, total)), total=3)
    lost = "the process checking it failed: RuntimeError: worker lost three times"
    assert [json.loads(line) for line in "".join(written).splitlines()] == [
        {"path": "a.md", "line": 1}, {"path": "b.md", "error": lost}, {"path": "c.md", "error": lost}]
    assert errors == [("b.md", lost), ("c.md", lost)]
    assert (summary.files, summary.findings, summary.failing, summary.errors) == (3, 1, 1, 2)
    assert seen == [(1, 3), (3, 3)]


def test_partitions_are_small_for_few_files_and_capped_for_many():
    assert default_partition_size(106, 2) == 6
    assert default_partition_size(10, 4) == 1
    assert default_partition_size(1_000_000, 100) == 128


def test_reportlint_itself_never_imports_dask():
    code = ("import sys, reportlint, reportlint.api, reportlint.cli\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
