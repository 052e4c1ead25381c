#!/usr/bin/env python3
"""How fast the HTML review report opens: fifty real documents in one page, in Chromium.

Renders `reportlint check FILES --format html -o FILE` of the first 20 reports of
../shared/corpus/gov-reports and the first 30 of gov-reports-more (`--gov`, `--more`), then
opens the file in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no
browser is downloaded) `--runs` times, each in a fresh browser context, and prints the median,
min and max of:

- `ready`: wall time from the navigation's start until the report's script has run
  (`<html data-ready="1">`), as Python sees it: what a reader waits for before the page answers;
- `domContentLoaded`, `load` and `first paint` from the page's own performance entries;
- `filter`: unchecking and checking again the most common rule, until the next frame is painted;
- `select`: a click on the last finding of the list, until its highlight is scrolled into view and
  painted.

It also prints the file's size, the number of findings, marks and elements, and the time the
command took to check and render. `--compare` opens a copy of the page whose blocks are laid out
eagerly (without `content-visibility: auto`) the same number of times, to show what that rule buys.

    .venv/bin/python bench/bench_html.py [--runs 7] [--gov 20] [--more 30] [--corpus DIR] [--compare] [--strict]

Target: `ready` under 2 s median (`--strict` exits 1 when it is missed). Timings depend on the
machine and its load, so CI does not run this script; tests/test_html_browser.py checks behaviour.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TARGET_S = 2.0

PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
FILTER = """async (rule) => {
  const box = document.querySelector(`input[data-rule="${rule}"]`);
  const start = performance.now();
  box.click(); box.click();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - start;
}"""
SELECT = """async () => {
  const items = document.querySelectorAll('#side li.it a.go');
  const start = performance.now();
  items[items.length - 1].click();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - start;
}"""
TIMING = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-paint')[0];
  return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, paint: paint ? paint.startTime : NaN,
          elements: document.getElementsByTagName('*').length, marks: document.querySelectorAll('#docs mark').length,
          findings: document.querySelectorAll('#side li.it').length,
          common: Object.entries(Array.from(document.querySelectorAll('#side li.it'))
            .reduce((n, li) => (n[li.dataset.rule] = (n[li.dataset.rule] || 0) + 1, n), {}))
            .sort((a, b) => b[1] - a[1])[0][0]};
}"""


def documents(corpus: Path, gov: int, more: int) -> list[Path]:
    first = sorted((corpus / "gov-reports").glob("*.txt"))[:gov]
    second = sorted((corpus / "gov-reports-more").glob("*.txt"))[:more]
    if len(first) < gov or len(second) < more:
        sys.exit(f"bench_html: {corpus} has {len(first)} + {len(second)} reports, fewer than {gov} + {more}")
    return first + second


def render(files: list[Path], out: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "html", "-o", str(out),
                           *map(str, files)], cwd=REPO, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"bench_html: reportlint failed ({done.returncode}):\n{done.stderr}")
    return took


def open_once(browser, page_file: Path) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    start = time.perf_counter()
    page.goto(page_file.as_uri(), wait_until="commit")
    page.wait_for_selector("html[data-ready='1']", state="attached", timeout=60_000)
    ready = time.perf_counter() - start
    page.evaluate(PAINTED)
    timing = page.evaluate(TIMING)
    timing["ready"] = ready * 1000
    timing["filter"] = page.evaluate(FILTER, timing["common"])
    timing["select"] = page.evaluate(SELECT)
    if errors:
        sys.exit(f"bench_html: the page reported errors: {errors}")
    context.close()
    return timing


def row(name: str, values: list[float]) -> str:
    return (f"  {name:<18} median {statistics.median(values):8.0f} ms   min {min(values):8.0f}   "
            f"max {max(values):8.0f}")


def measure(browser, page_file: Path, runs: int, title: str) -> float:
    open_once(browser, page_file)  # warm-up: the browser's own first start of a renderer
    results = [open_once(browser, page_file) for _ in range(runs)]
    first = results[0]
    print(f"{title}: {page_file.stat().st_size / 1e6:.2f} MB, {first['findings']} findings, "
          f"{first['marks']} marks, {first['elements']} elements; {runs} runs")
    for key, name in (("ready", "ready (wall)"), ("dcl", "domContentLoaded"), ("load", "load"),
                      ("paint", "first paint"), ("filter", "filter a rule"), ("select", "select the last")):
        print(row(name, [r[key] for r in results]))
    return statistics.median(r["ready"] for r in results) / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--gov", type=int, default=20)
    parser.add_argument("--more", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--compare", action="store_true", help="also open a copy without content-visibility")
    parser.add_argument("--keep", type=Path, help="write the report here instead of a temporary folder")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("bench_html: playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).is_file():
        sys.exit(f"bench_html: {CHROMIUM} is missing (apt-get install chromium)")
    files = documents(args.corpus, args.gov, args.more)
    with tempfile.TemporaryDirectory() as folder:
        page_file = args.keep or Path(folder) / "report.html"
        took = render(files, page_file)
        size = sum(f.stat().st_size for f in files)
        print(f"{len(files)} documents, {size / 1e6:.2f} MB of text: check and render {took:.2f} s")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ready = measure(browser, page_file, args.runs, "report")
            if args.compare:
                eager = Path(folder) / "eager.html"
                eager.write_text(page_file.read_text(encoding="utf-8").replace(
                    "content-visibility: auto", "content-visibility: visible"), encoding="utf-8")
                measure(browser, eager, args.runs, "without content-visibility")
            browser.close()
    missed = ready > TARGET_S
    print(f"target: ready under {TARGET_S:.1f} s median: {'MISSED' if missed else 'met'} ({ready:.2f} s)")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
