#!/usr/bin/env python3
"""How fast `reportlint archive` lints a corpus on Dask, beside `check --jobs`: whole-process wall time.

Four commands, one run of each in turn (so that load from elsewhere on a shared machine falls
on all alike), median / min / max of `--runs` runs after one untimed warm-up round:

- `reportlint check --format json --jobs 1 CORPUS`;
- `reportlint check --format json --jobs N CORPUS` (N = `--workers`, default 2);
- `reportlint archive --workers N CORPUS`: a LocalCluster of N worker processes started by the
  command and closed after it, as a user on one machine runs it;
- `reportlint archive --scheduler ADDRESS CORPUS`: a LocalCluster of N workers that this script
  starts once and keeps, as a real cluster is already up when a job is sent to it (the worker
  processes have imported reportlint and loaded the word lexicon after the warm-up round).

The findings of the four must be the same (the JSON array of check, the JSON Lines of archive,
parsed); the bench exits 1 otherwise. How many of N busy loops run at once just now is printed
before and after, as bench_speed does: on a shared machine other work may leave one core of two.

    .venv/bin/python bench/bench_archive.py [--runs 5] [--workers 2] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
from pathlib import Path

from bench_speed import machine_parallelism, reportlint_command, time_in_turns

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def parsed(stdout: str, lines: bool) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()] if lines else json.loads(stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="--jobs of check and workers of the clusters (default 2)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"folder of documents (default {DEFAULT_CORPUS})")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        sys.exit(f"bench: no folder at {corpus} (use --corpus DIR)")
    import distributed

    from reportlint.api import Problem, plan_paths
    from reportlint.archive import QUIET_SCHEDULER

    command, found = reportlint_command()
    n = str(args.workers)
    print(f"reportlint: {found}\nruns:       {args.runs} timed, {args.warmup} warm-up round(s), whole-process wall time\n")
    with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                  scheduler_kwargs=QUIET_SCHEDULER, silence_logs=logging.ERROR) as cluster:
        cases = [
            ("check --jobs 1", [*command, "check", "--format", "json", "--jobs", "1", str(corpus)], False),
            (f"check --jobs {n}", [*command, "check", "--format", "json", "--jobs", n, str(corpus)], False),
            (f"archive --workers {n} (starts a LocalCluster)", [*command, "archive", "--workers", n, str(corpus)], True),
            (f"archive --scheduler (a running LocalCluster of {n})",
             [*command, "archive", "--scheduler", cluster.scheduler_address, str(corpus)], True),
        ]
        free = machine_parallelism(args.workers)
        timed = time_in_turns([case[1] for case in cases], args.runs, args.warmup)
        free = (free + machine_parallelism(args.workers)) / 2
    outputs = [parsed(stdout, lines) for (_, _, lines), (_, stdout) in zip(cases, timed)]
    files = sum(1 for plan in plan_paths([str(corpus)]) if not isinstance(plan, Problem))
    width = max(len(label) for label, _, _ in cases)
    print(f"{'case':<{width}}  {'median s':>9}  {'min s':>7}  {'max s':>7}  {'files/s':>8}  findings")
    for (label, _, _), (times, _), output in zip(cases, timed, outputs):
        median = statistics.median(times)
        print(f"{label:<{width}}  {median:>9.2f}  {min(times):>7.2f}  {max(times):>7.2f}  {files / median:>8.1f}  "
              f"{len(output)}")
    base = statistics.median(timed[0][0])
    print("\nspeed-up over --jobs 1 at the median: " + ", ".join(
        f"{label.split(' (')[0]} {base / statistics.median(times):.2f}" for (label, _, _), (times, _) in
        zip(cases[1:], timed[1:])))
    print(f"{args.workers} busy loops ran {free:.2f} at a time (of {args.workers}), the mean of before and after")
    same = all(output == outputs[0] for output in outputs)
    print("findings: " + ("the same in all four" if same else "DIFFER"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
