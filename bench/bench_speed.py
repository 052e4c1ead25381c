#!/usr/bin/env python3
"""How fast reportlint is, as a user sees it: whole-process wall time.

Times `reportlint check --format json` (the installed console script next to
this Python, else `python -m reportlint`) on the sample report and on the
corpus of real government reports, and checks that importing the package and
building the rule registry leaves jieba alone (its dictionary costs about a
second to load, so only the rules that segment words may import it).

    .venv/bin/python bench/bench_speed.py [--runs 7] [--corpus DIR]

The corpus is checked with --jobs 1 and with --jobs N (default 2), one run of
each in turn, and the two outputs must be identical; the speed-up is printed.

It then lints the whole corpus concatenated into one file, 25 and 50 times
over (about 22 and 44 MB), to show throughput on a huge report and that
doubling the size at most doubles the time, and the corpus joined into one line
(its line breaks removed) 2 and 4 times over, as a paste that lost its breaks
is one paragraph of megabytes (--no-scaling skips these).

The runs keep Python's bytecode cache on (PYTHONDONTWRITEBYTECODE is dropped
from their environment), as an installed reportlint has it: pip compiles the
package when it installs it, and the warm-up run writes the cache of a
source checkout.

Targets: the sample under 0.3 s median; the 50-fold corpus at over 1 MB/s; the
50-fold file in at most 2.2 times the 25-fold one's time (2.0 is linear, plus
noise), and the same for the 4-fold line against the 2-fold one. The script only reports; it exits 0 unless reportlint itself fails
(exit 2) or, with --strict, a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "seeds" / "000_ad65c542b7148e02.txt"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
SAMPLE_TARGET_S = 0.3
THROUGHPUT_TARGET_MB_S = 1.0
SCALING_TARGET = 2.2
SCALING_RUNS = 3

try:
    from reportlint.api import TEXT_SUFFIXES
except ImportError:  # measuring a reportlint we cannot import here; keep in step with api.py
    TEXT_SUFFIXES = (".md", ".markdown", ".txt")

JIEBA_PROBE = (
    "import sys, reportlint, reportlint.checks, reportlint.registry\n"
    "registry = reportlint.registry.build_registry()\n"
    "assert len(registry) > 0\n"
    "print('jieba' in sys.modules)\n"
)


def reportlint_command() -> tuple[list[str], str]:
    """The command that runs reportlint, and how it was found."""
    folder = Path(sys.executable).parent
    for name in ("reportlint", "reportlint.exe"):
        script = folder / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)], str(script)
    return [sys.executable, "-m", "reportlint"], f"{sys.executable} -m reportlint"


# An installed package is run from its bytecode cache; without it every run recompiles
# reportlint's sources, which is not what a user waits for.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_runs(command: list[str], runs: int, warmup: int, ok_codes: tuple[int, ...] = (0, 1)) -> tuple[list[float], str]:
    """Wall times of *runs* runs of *command* (after *warmup* untimed ones), and the last stdout."""
    times, stdout = [], ""
    for index in range(warmup + runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", env=CHILD_ENV)
        elapsed = time.perf_counter() - start
        if result.returncode not in ok_codes:
            sys.exit(f"bench: {' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
        if index >= warmup:
            times.append(elapsed)
        stdout = result.stdout
    return times, stdout


def time_in_turns(commands: list[list[str]], runs: int, warmup: int) -> list[tuple[list[float], str]]:
    """time_runs of each command, one run of each in turn."""
    timed = [([], "") for _ in commands]
    for _ in range(warmup + runs):
        for index, command in enumerate(commands):
            times, stdout = time_runs(command, 1, 0)
            timed[index] = (timed[index][0] + times, stdout)
    for index in range(len(commands)):
        timed[index] = (timed[index][0][warmup:], timed[index][1])
    return timed


BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.4: sum(range(1000))\n"


def machine_parallelism(jobs: int) -> float:
    """How many of *jobs* CPU-bound processes really run at once just now (a
    shared machine lends fewer cores than it has): *jobs* times the wall time of
    one 0.4 s busy loop, over that of *jobs* such loops started together."""
    def wall(count: int) -> float:
        start = time.perf_counter()
        children = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(count)]
        for child in children:
            child.wait()
        return time.perf_counter() - start

    return jobs * wall(1) / wall(jobs)


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def corpus_bytes(folder: Path) -> tuple[int, int]:
    """Total size and number of the files `reportlint check FOLDER` reads."""
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
    return sum(p.stat().st_size for p in files), len(files)


def findings_in(stdout: str) -> int:
    try:
        return len(json.loads(stdout))
    except (json.JSONDecodeError, TypeError):
        return -1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per case (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before each case (default 1)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"folder of reports (default {DEFAULT_CORPUS})")
    parser.add_argument("--jobs", type=int, default=2,
                        help="the corpus is also checked with --jobs N, against --jobs 1 (default 2)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 25- and 50-fold corpus files")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed or jieba is imported")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")

    command, found = reportlint_command()
    print(f"reportlint: {found}")
    print(f"python:     {sys.version.split()[0]} ({sys.executable})")
    print(f"runs:       {args.runs} timed, {args.warmup} warm-up, whole-process wall time\n")

    rows: list[tuple[str, list[float], str]] = []
    baseline, _ = time_runs([sys.executable, "-c", "pass"], args.runs, args.warmup, (0,))
    rows.append(("python -c pass (startup floor)", baseline, ""))
    imports, _ = time_runs([sys.executable, "-c", JIEBA_PROBE], args.runs, args.warmup, (0,))
    rows.append(("import + build registry", imports, ""))

    sample_times, sample_out = time_runs([*command, "check", "--format", "json", str(SAMPLE)], args.runs, args.warmup)
    rows.append((f"check {SAMPLE.name}", sample_times, f"{findings_in(sample_out)} findings"))

    corpus_note = None
    corpus = args.corpus.resolve()
    corpus_times: list[float] = []
    if corpus.is_dir():
        size, count = corpus_bytes(corpus)
        # --jobs 1 and --jobs N run in turns, so that a spell of load from elsewhere
        # on a shared machine falls on both alike.
        corpus_commands = [[*command, "check", "--format", "json", "--jobs", str(jobs), str(corpus)]
                           for jobs in (1, args.jobs)]
        parallelism = machine_parallelism(args.jobs)
        (corpus_times, corpus_out), (parallel_times, parallel_out) = time_in_turns(
            corpus_commands, args.runs, args.warmup)
        parallelism = (parallelism + machine_parallelism(args.jobs)) / 2
        rows.append((f"check corpus ({count} files) --jobs 1", corpus_times, f"{findings_in(corpus_out)} findings"))
        same = "identical output" if parallel_out == corpus_out else "OUTPUT DIFFERS from --jobs 1"
        rows.append((f"check corpus ({count} files) --jobs {args.jobs}", parallel_times, same))
    else:
        corpus_note = f"corpus: skipped, no folder at {corpus} (use --corpus DIR)"

    width = max(len(label) for label, _, _ in rows)
    print(f"{'case':<{width}}  {'median s':>9}  {'min s':>7}  {'max s':>7}  notes")
    for label, times, note in rows:
        print(f"{label:<{width}}  {statistics.median(times):>9.3f}  {min(times):>7.3f}  {max(times):>7.3f}  {note}")
    print()

    if corpus_note:
        print(corpus_note)
    else:
        median = statistics.median(corpus_times)
        print(f"corpus: {corpus}")
        print(f"corpus size: {size:,} bytes ({size / 1e6:.2f} MB) in {count} files; "
              f"{size / 1e6 / median:.2f} MB/s at the median (startup included)")
        speedup = median / statistics.median(parallel_times)
        print(f"corpus --jobs {args.jobs} vs --jobs 1: {speedup:.2f} times as fast at the median "
              f"({available_cores()} cores available to this process)")
        print(f"machine: {args.jobs} busy loops at once ran {parallelism:.2f} times as fast as one after the "
              f"other (before and after the corpus runs, on average; {args.jobs} would mean {args.jobs} free cores)")
        if parallel_out != corpus_out:
            print("corpus: --jobs output differs from --jobs 1")
            return 1

    probe = subprocess.run([sys.executable, "-c", JIEBA_PROBE], stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, encoding="utf-8", errors="replace")
    if probe.returncode != 0:
        sys.exit(f"bench: the import probe failed:\n{probe.stderr[-2000:]}")
    jieba_imported = probe.stdout.strip() == "True"
    print(f"importing reportlint and building the registry imports jieba: {'yes' if jieba_imported else 'no'}")

    sample_median = statistics.median(sample_times)
    met = sample_median < SAMPLE_TARGET_S
    print(f"target: sample median under {SAMPLE_TARGET_S} s: {'met' if met else 'MISSED'} ({sample_median:.3f} s)")
    if corpus.is_dir() and not args.no_scaling:
        met = scaling(command, corpus) and met
    if args.strict and (not met or jieba_imported):
        return 1
    return 0


def scaling(command: list[str], corpus: Path) -> bool:
    """Time the corpus concatenated 25 and 50 times into one file, and joined into one
    line 2 and 4 times over; True if the targets are met."""
    paths = sorted(corpus.rglob("*.txt"))
    text = b"".join(path.read_bytes().rstrip(b"\n") + b"\n\n" for path in paths)
    print(f"\none file, the corpus concatenated N times ({SCALING_RUNS} runs each, medians):")
    medians = time_sizes(command, {times: text * times for times in (25, 50)})
    ratio = medians[50][0] / medians[25][0]
    throughput = medians[50][1] / 1e6 / medians[50][0]
    fast = throughput > THROUGHPUT_TARGET_MB_S
    linear = ratio <= SCALING_TARGET
    print(f"target: x50 over {THROUGHPUT_TARGET_MB_S} MB/s: {'met' if fast else 'MISSED'} ({throughput:.2f} MB/s)")
    print(f"target: x50 / x25 time at most {SCALING_TARGET}: {'met' if linear else 'MISSED'} ({ratio:.2f})")

    # A text whose line breaks were lost (a paste from a PDF, a web page) is one paragraph
    # of megabytes: every rule that looks at a paragraph or its sentences must stay linear.
    line = b"".join(path.read_bytes().replace(b"\r", b"").replace(b"\n", b"") for path in paths)
    print(f"\none file of one line, the corpus with its line breaks removed, N times over ({SCALING_RUNS} runs each):")
    long_medians = time_sizes(command, {times: line * times + b"\n" for times in (2, 4)})
    long_ratio = long_medians[4][0] / long_medians[2][0]
    long_linear = long_ratio <= SCALING_TARGET
    print(f"target: one line x4 / x2 time at most {SCALING_TARGET}: {'met' if long_linear else 'MISSED'} ({long_ratio:.2f})")
    return fast and linear and long_linear


def time_sizes(command: list[str], contents: dict[int, bytes]) -> dict[int, tuple[float, int]]:
    """Median wall time and size of checking each of *contents*, written to a file in turn; printed."""
    medians = {}
    with tempfile.TemporaryDirectory() as folder:
        for times, content in contents.items():
            big = Path(folder) / f"corpus-x{times}.txt"
            big.write_bytes(content)
            runs, _ = time_runs([*command, "check", "--format", "json", str(big)], SCALING_RUNS, 0)
            medians[times] = (statistics.median(runs), big.stat().st_size)
            big.unlink()
    for times, (median, size) in medians.items():
        print(f"  x{times}: {size / 1e6:6.1f} MB in {median:6.2f} s = {size / 1e6 / median:5.2f} MB/s")
    return medians


if __name__ == "__main__":
    sys.exit(main())
