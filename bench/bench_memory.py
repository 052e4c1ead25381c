#!/usr/bin/env python3
"""How much memory reportlint needs for one huge report, and whether time stays linear.

Concatenates the corpus of real government reports into one file N times over
(default 10, 25 and 57: about 9, 22 and 50 MB), runs `reportlint check
--format json FILE` on it as a separate process (the installed console script
next to this Python, else `python -m reportlint`), and reports the process's
peak resident memory (its ru_maxrss, read with os.wait4 so that each run is
measured alone), its wall time, MB/s and the findings it printed.

    .venv/bin/python bench/bench_memory.py [--folds 10,25,57] [--files 4,16] [--runs 1] [--format json]
                                           [--corpus DIR] [--strict]

The concatenation repeats every paragraph N times, so the duplicate rules fire
on nearly every paragraph: a stress for the findings' memory as well as for the
document's and the rules' analyses.

It then checks folders of 4 and 16 files (--files), each the corpus twice over
(about 1.8 MB), in one run with --jobs 2: a run should keep of a finished file
only its findings and its text, so each file more costs about its own size, not
the document and analyses that linting it built.

Targets: the largest file (about 50 MB) under 1 GB peak; time per MB of the
largest file at most 1.1 times that of the 25-fold one (the bench_speed
"x50 / x25 at most 2.2" for sizes that are not exactly doubled); over 1 MB/s;
in the folders, at most 2 MB of peak per MB of files added.
The script only reports; it exits 0 unless reportlint fails (exit 2) or, with
--strict, a target is missed. Unix only (os.wait4).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_speed import CHILD_ENV, DEFAULT_CORPUS, SAMPLE, reportlint_command  # noqa: E402

PEAK_TARGET_MB = 1000.0
TIME_PER_MB_TARGET = 1.1
PEAK_PER_ADDED_MB_TARGET = 2.0
FILE_FOLD = 2  # each file of a folder case is the corpus this many times over
THROUGHPUT_TARGET_MB_S = 1.0


def corpus_text(corpus: Path) -> bytes:
    """The corpus as one report, as bench_speed.py's scaling cases build it."""
    return b"".join(path.read_bytes().rstrip(b"\n") + b"\n\n" for path in sorted(corpus.rglob("*.txt")))


def measure(command: list[str], output: Path) -> tuple[float, float]:
    """Run *command* once with stdout into *output*; (wall seconds, peak RSS in MB)."""
    with output.open("wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE,
                                 env=CHILD_ENV)
        # Read stderr while waiting so a chatty child cannot block on a full pipe.
        stderr = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
    if child.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(command)} exited {child.returncode}:\n"
                 f"{stderr.decode('utf-8', 'replace')[-2000:]}")
    return elapsed, usage.ru_maxrss * 1024 / 1e6  # Linux reports KiB


def findings_in(path: Path) -> int:
    """The findings of a JSON report, counted by the line that opens each (indent 2); -1 for
    another format. Not parsed: a child process's peak on Linux is at least this process's
    size when it was started, so this process must stay small (a parsed report of 90,000
    findings made it 366 MB, and every run after it seemed to need as much)."""
    with path.open("rb") as report:
        if report.read(2) not in (b"[\n", b"[]"):
            return -1
        report.seek(0)
        return sum(1 for line in report if line == b"  {\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", default="10,25,57",
                        help="how many times the corpus is repeated, comma-separated (default 10,25,57)")
    parser.add_argument("--files", default="4,16",
                        help="folders of this many files, comma-separated; empty skips them (default 4,16)")
    parser.add_argument("--runs", type=int, default=1, help="runs per file; medians are shown (default 1)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"folder of reports (default {DEFAULT_CORPUS})")
    parser.add_argument("--format", default="json", help="output format of the runs (default json)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    try:
        folds = sorted({int(n) for n in args.folds.split(",") if n.strip()})
    except ValueError:
        parser.error("--folds takes whole numbers, like 10,25,57")
    try:
        file_counts = sorted({int(n) for n in args.files.split(",") if n.strip()})
    except ValueError:
        parser.error("--files takes whole numbers, like 4,16")
    if not folds or folds[0] < 1 or args.runs < 1 or (file_counts and file_counts[0] < 1):
        parser.error("--folds, --files and --runs must be at least 1")
    if not hasattr(os, "wait4"):
        sys.exit("bench: needs os.wait4 (Linux, macOS)")
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        sys.exit(f"bench: no corpus at {corpus} (use --corpus DIR)")

    command, found = reportlint_command()
    print(f"reportlint: {found}")
    print(f"python:     {sys.version.split()[0]} ({sys.executable})")
    print(f"corpus:     {corpus}; {args.runs} run(s) per file, medians; --format {args.format}\n")

    text = corpus_text(corpus)
    rows: list[tuple[str, float, float, float, int]] = []  # label, MB, seconds, peak MB, findings
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "findings.json"
        cases = [("sample (floor)", SAMPLE, 0)] + [(f"corpus x{n}", Path(folder) / f"corpus-x{n}.txt", n) for n in folds]
        for label, path, times in cases:
            if times:
                path.write_bytes(text * times)
            runs = [measure([*command, "check", "--format", args.format, str(path)], output)
                    for _ in range(args.runs)]
            size = path.stat().st_size / 1e6
            rows.append((label, size, statistics.median(r[0] for r in runs),
                         statistics.median(r[1] for r in runs), findings_in(output)))
            if times:
                path.unlink()

    print(f"{'case':<15} {'MB':>7} {'time s':>8} {'MB/s':>6} {'peak RSS MB':>12} {'RSS/MB':>7} {'findings':>9}")
    for label, size, seconds, peak, findings in rows:
        print(f"{label:<15} {size:7.1f} {seconds:8.2f} {size / seconds:6.2f} {peak:12.0f} "
              f"{peak / size:7.1f} {findings:9,}")

    largest = rows[-1]
    met = largest[3] < PEAK_TARGET_MB
    print(f"\ntarget: {largest[0]} ({largest[1]:.0f} MB) peak under {PEAK_TARGET_MB:.0f} MB: "
          f"{'met' if met else 'MISSED'} ({largest[3]:.0f} MB)")
    throughput = largest[1] / largest[2]
    fast = throughput > THROUGHPUT_TARGET_MB_S
    print(f"target: {largest[0]} over {THROUGHPUT_TARGET_MB_S} MB/s: {'met' if fast else 'MISSED'} ({throughput:.2f} MB/s)")
    met = met and fast
    by_fold = {label: row for label, *row in rows}
    if "corpus x25" in by_fold and largest[0] != "corpus x25":
        size25, seconds25, peak25, _ = by_fold["corpus x25"]
        per_mb = (largest[2] / largest[1]) / (seconds25 / size25)
        linear = per_mb <= TIME_PER_MB_TARGET
        print(f"target: time per MB, {largest[0]} / corpus x25, at most {TIME_PER_MB_TARGET}: "
              f"{'met' if linear else 'MISSED'} ({per_mb:.2f}; sizes {largest[1] / size25:.2f}x, "
              f"times {largest[2] / seconds25:.2f}x, peaks {largest[3] / peak25:.2f}x)")
        met = met and linear
    if len(file_counts) >= 2:
        met = folders(command, text, file_counts, args) and met
    return 1 if args.strict and not met else 0


def folders(command: list[str], text: bytes, counts: list[int], args) -> bool:
    """Peak memory of one run over folders of *counts* files; True if the target is met."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "findings.out"
        for count in counts:
            files = Path(folder) / f"files-{count}"
            files.mkdir()
            for index in range(count):
                (files / f"report-{index:03}.txt").write_bytes(text * FILE_FOLD)
            runs = [measure([*command, "check", "--format", args.format, "--jobs", "2", str(files)], output)
                    for _ in range(args.runs)]
            size = sum(path.stat().st_size for path in files.iterdir()) / 1e6
            rows.append((count, size, statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)))
    print(f"\nfolders of files, each the corpus x{FILE_FOLD}, one run with --jobs 2:")
    print(f"{'files':>6} {'MB':>7} {'time s':>8} {'peak RSS MB':>12}")
    for count, size, seconds, peak in rows:
        print(f"{count:>6} {size:7.1f} {seconds:8.2f} {peak:12.0f}")
    (_, size_few, _, peak_few), (_, size_many, _, peak_many) = rows[0], rows[-1]
    per_mb = (peak_many - peak_few) / (size_many - size_few)
    met = per_mb <= PEAK_PER_ADDED_MB_TARGET
    print(f"target: peak per MB of files added at most {PEAK_PER_ADDED_MB_TARGET}: "
          f"{'met' if met else 'MISSED'} ({per_mb:.2f})")
    return met


if __name__ == "__main__":
    sys.exit(main())
