#!/usr/bin/env python3
"""How fast reportlint is beside a peer: autocorrect-py, the Python binding of the Rust
autocorrect, which lints the spacing and punctuation of CJK text.

Times whole processes, as a user waits for them: `reportlint check --format json FILE`
(the installed console script next to this Python, else `python -m reportlint`) and a
one-line Python program that reads FILE, lints it with `autocorrect_py.lint_for` and
prints its results as JSON, run by the Python of a separate virtual environment that
has autocorrect-py (it is not a dependency of reportlint):

    python3 -m venv ../peer-venv && ../peer-venv/bin/pip install autocorrect-py
    .venv/bin/python bench/bench_peers.py --peer-python ../peer-venv/bin/python [--runs 5] [--folds 1,10]

The two commands run in turns (reportlint, autocorrect, reportlint, ...), so that load
from elsewhere on a shared machine falls on both alike, after one untimed warm-up run of
each. Cases: a one-line file (start-up), the sample report, and the corpus of government
reports concatenated into one file 1 and 10 times over (--folds; about 0.9 and 9 MB).
Printed: the median wall time of each, MB/s at the median, and the median of the pairs'
ratios reportlint / autocorrect (how many times as long reportlint takes).

The two do not do the same work: autocorrect checks spaces between CJK and Latin text
and full-width punctuation, line by line; reportlint checks that and much more
(structure, repetition, figures, words). The ratio says what reportlint's breadth costs
beside a fast single-purpose tool. The script only reports, and exits 0 when the peer's
Python is not given or cannot import autocorrect_py (saying so).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import corpus_text  # noqa: E402
from bench_speed import DEFAULT_CORPUS, SAMPLE, findings_in, reportlint_command, time_in_turns  # noqa: E402

PEER_LINT = (
    "import json, sys, autocorrect_py; path = sys.argv[1]; "
    "found = autocorrect_py.lint_for(open(path, encoding='utf-8').read(), path).lines; "
    "json.dump([{'line': r.line, 'column': r.col, 'old': r.old, 'new': r.new} for r in found], sys.stdout, "
    "ensure_ascii=False, indent=2)"
)
PEER_INSTALL = "python3 -m venv ../peer-venv && ../peer-venv/bin/pip install autocorrect-py"


def peer_version(python: Path | None) -> str | None:
    """autocorrect-py's version under *python*, or None when it cannot run it (said why)."""
    if python is None:
        print(f"bench: no --peer-python given; the peer runs in its own venv:\n  {PEER_INSTALL}\n"
              "then: bench/bench_peers.py --peer-python ../peer-venv/bin/python")
        return None
    probe = [str(python), "-c", "from importlib.metadata import version; import autocorrect_py; "
             "print(version('autocorrect-py'))"]
    try:
        result = subprocess.run(probe, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    except OSError as error:
        print(f"bench: cannot run the peer's Python {python}: {error}\n  {PEER_INSTALL}")
        return None
    if result.returncode != 0:
        print(f"bench: {python} cannot import autocorrect_py:\n{result.stderr.strip()[-500:]}\n  {PEER_INSTALL}")
        return None
    return result.stdout.strip()


def cases(folder: Path, corpus: Path, folds: list[int]) -> list[tuple[str, Path]]:
    """(label, file) of each case, the files written into *folder*."""
    one_line = folder / "one-line.txt"
    one_line.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    found = [("one-line file", one_line), (f"sample {SAMPLE.name}", SAMPLE)]
    if not corpus.is_dir():
        print(f"corpus: skipped, no folder at {corpus} (use --corpus DIR)")
        return found
    text = corpus_text(corpus)
    for times in folds:
        path = folder / f"corpus-x{times}.txt"
        path.write_bytes(text * times)
        found.append((f"corpus x{times}", path))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer-python", type=Path, help="the Python of a venv with autocorrect-py installed")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each command per case (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of each before each case (default 1)")
    parser.add_argument("--folds", default="1,10",
                        help="the corpus concatenated this many times over, comma-separated (default 1,10)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"folder of reports (default {DEFAULT_CORPUS})")
    args = parser.parse_args(argv)
    try:
        folds = sorted({int(n) for n in args.folds.split(",") if n.strip()})
    except ValueError:
        parser.error("--folds takes whole numbers, like 1,10")
    if args.runs < 1 or any(n < 1 for n in folds):
        parser.error("--runs and --folds must be at least 1")
    version = peer_version(args.peer_python)
    if version is None:
        return 0

    command, found = reportlint_command()
    print(f"reportlint:   {found}")
    print(f"autocorrect:  autocorrect-py {version} ({args.peer_python})")
    print(f"runs:         {args.runs} timed of each in turns, {args.warmup} warm-up, whole-process wall time\n")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for label, path in cases(Path(folder), args.corpus.resolve(), folds):
            (ours, our_out), (peer, peer_out) = time_in_turns(
                [[*command, "check", "--format", "json", str(path)], [str(args.peer_python), "-c", PEER_LINT, str(path)]],
                args.runs, args.warmup)
            ratio = statistics.median(a / b for a, b in zip(ours, peer))
            rows.append((label, path.stat().st_size / 1e6, ours, peer, ratio, findings_in(our_out),
                         len(json.loads(peer_out))))

    width = max(len(row[0]) for row in rows)
    print(f"{'case':<{width}} {'MB':>6}  {'reportlint s':>12} {'MB/s':>6}  {'autocorrect s':>13} {'MB/s':>7}  "
          f"{'ratio':>6}  findings (reportlint / autocorrect)")
    for label, size, ours, peer, ratio, our_count, peer_count in rows:
        ours_s, peer_s = statistics.median(ours), statistics.median(peer)
        print(f"{label:<{width}} {size:6.2f}  {ours_s:12.3f} {size / ours_s:6.2f}  {peer_s:13.3f} {size / peer_s:7.1f}  "
              f"{ratio:6.1f}  {our_count} / {peer_count}")
    print("\nratio: the median over the pairs of reportlint's time / autocorrect's (MB/s and times: medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
