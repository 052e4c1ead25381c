"""Write what every output of `reportlint check` says about a set of documents into a folder.

Run it before and after a change to the run side (the CLI, the API, the renderers), then compare
the two folders: a refactoring leaves them byte for byte the same.

    python tools/output_snapshot.py /tmp/before            # seeds, the corpus and the test texts
    ...change the code...
    python tools/output_snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after && echo same

Each case is one command line (formats, statistics, fixes, diffs, baselines, settings, languages);
its standard output, standard error and exit code go to one file named for the case.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# Each case: a name and the arguments after `reportlint check`; {docs} is the documents, {tmp} a
# scratch folder of the run (its name is replaced by TMP in what is recorded).
CASES: list[tuple[str, list[str]]] = [
    ("text", ["--no-color"]),
    ("text-color", ["--color"]),
    ("text-statistics", ["--no-color", "--statistics"]),
    ("text-show-fixes", ["--no-color", "--show-fixes"]),
    ("text-quiet", ["--no-color", "-q"]),
    ("text-zh", ["--no-color", "--lang", "zh-CN", "--statistics"]),
    ("text-all-rules", ["--no-color", "--select", "ALL"]),
    ("concise", ["--format", "concise"]),
    ("concise-statistics", ["--format", "concise", "--statistics"]),
    ("json", ["--format", "json"]),
    ("json-all-rules", ["--format", "json", "--select", "ALL"]),
    ("sarif", ["--format", "sarif"]),
    ("github", ["--format", "github"]),
    ("diff", ["--diff"]),
    ("diff-unsafe", ["--diff", "--unsafe-fixes"]),
    ("exit-zero-error-level", ["--format", "concise", "--exit-zero", "--fail-level", "error"]),
    ("show-files", ["--show-files"]),
    ("show-settings", ["--show-settings"]),
    ("write-baseline", ["--write-baseline", "{tmp}/baseline.json"]),
    ("with-baseline", ["--format", "concise", "--baseline", "{tmp}/baseline.json"]),
]


def document_folders() -> list[Path]:
    folders = [ROOT / "seeds", ROOT / "tests" / "data"]
    if CORPUS.is_dir():
        folders.append(CORPUS)
    return folders


def run_case(args: list[str], docs: list[Path], tmp: Path, cwd: Path) -> bytes:
    argv = [a.replace("{tmp}", str(tmp)) for a in args]
    names = [os.path.relpath(doc, cwd) for doc in docs]  # as a user names them: no machine's paths
    command = [sys.executable, "-m", "reportlint", "check", "--jobs", "1", *argv, *names]
    # this checkout's code, whatever the working folder and whichever reportlint is installed
    env = {**os.environ, "REPORTLINT_LANG": "en", "COLUMNS": "100", "PYTHONPATH": str(ROOT)}
    env.pop("FORCE_COLOR", None)
    env.pop("NO_COLOR", None)
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    record = b"exit %d\n--- stdout\n%s\n--- stderr\n%s" % (done.returncode, done.stdout, done.stderr)
    # no machine's paths: the scratch folder and the checkout (SARIF's root, the config file)
    return record.replace(str(tmp).encode(), b"TMP").replace(str(ROOT).encode(), b"ROOT")


def fix_case(docs: list[Path], tmp: Path, out: Path) -> None:
    """--fix on a copy of the documents: the files it writes are the output."""
    copy = tmp / "fix"
    for folder in docs:
        shutil.copytree(folder, copy / folder.name, symlinks=True, copy_function=shutil.copyfile)  # writable
    record = run_case(["--format", "concise", "--unsafe-fixes", "--fix"], [copy], tmp, tmp)
    (out / "fix.out").write_bytes(record.replace(str(copy).encode(), b"COPY"))
    for path in sorted(p for p in copy.rglob("*") if p.is_file() and not p.is_symlink()):
        target = out / "fixed" / path.relative_to(copy)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: python tools/output_snapshot.py OUTPUT_FOLDER", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    docs = document_folders()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        for name, args in CASES:
            (out / f"{name}.out").write_bytes(run_case(args, docs, tmp, ROOT))
        fix_case(docs, tmp, out)
    print(f"{len(CASES) + 1} cases over {', '.join(map(str, docs))} written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
