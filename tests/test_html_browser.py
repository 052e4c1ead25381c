"""The HTML review report in a real browser: Debian's Chromium (/usr/bin/chromium), driven by
Playwright for Python. No browser is ever downloaded (``playwright install`` is not used).

The report of the sample is made by the command line, as a user makes it, and opened from its
file: every finding of ``--format json`` must be highlighted at exactly its text, the filters
must hide and show list entries and highlights, a click on a finding must bring its highlight
(and its related place) into view, and a checked document holding a script must not run it.

Without playwright or Chromium the tests skip, saying why; with REPORTLINT_REQUIRE_BROWSER=1
(CI, in .ci/run) they fail instead. A screenshot is left in tests/artifacts/ for CI to keep.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
# As root, without a GPU, and quiet: without the background-networking flags Chromium keeps
# calling home on a network that has no way out.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = '<script>window.__pwned = 1; document.title = "pwned"</script>"><img src=x onerror="window.__pwned = 2">'


def missing() -> str | None:
    """Why the browser cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module: starting it costs about a second."""
    reason = missing()
    if reason:
        if os.environ.get("REPORTLINT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"REPORTLINT_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def reportlint(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "reportlint", "check", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", stdin=subprocess.DEVNULL)
    assert done.returncode in (0, 1), done.stderr
    return done


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> tuple[Path, list[dict]]:
    """The sample's report as `reportlint check … --format html -o …` writes it, and its JSON."""
    out = tmp_path_factory.mktemp("html") / "审阅报告.html"
    reportlint(SAMPLE.relative_to(ROOT), "--format", "html", "-o", out)
    findings = json.loads(reportlint(SAMPLE.relative_to(ROOT), "--format", "json").stdout)
    return out, findings


class Opened:
    """A page of the browser with the report loaded and its script ready; what went wrong in it."""

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 800) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready='1']", state="attached")

    def highlighted(self, number: int) -> str:
        return self.page.evaluate("""n => Array.from(document.querySelectorAll('#docs mark[data-f]'))
            .filter(m => m.dataset.f.split(' ').includes(String(n))).map(m => m.textContent).join('')""", number)

    def in_view(self, selector: str) -> bool:
        return self.page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth; }""",
                                  selector)

    def classes(self, selector: str) -> list[list[str]]:
        return self.page.eval_on_selector_all(selector, "els => els.map(e => Array.from(e.classList))")


@pytest.fixture
def opened(browser, sample_report):
    page = Opened(browser, sample_report[0])
    yield page
    assert page.errors == []
    page.page.close()


def expected_text(source: str, item: dict) -> str:
    """The text of a JSON finding's span, its lines joined (a highlight has no line breaks)."""
    lines = source.split("\n")
    pieces = []
    for line in range(item["line"], item["end_line"] + 1):
        text = lines[line - 1].removesuffix("\r")
        start = item["column"] - 1 if line == item["line"] else 0
        end = item["end_column"] - 1 if line == item["end_line"] else len(text)
        pieces.append(text[start:end])
    return "".join(pieces)


def test_every_finding_of_the_json_is_highlighted_at_its_text(opened, sample_report):
    _, findings = sample_report
    source = SAMPLE.read_text(encoding="utf-8")
    assert len(findings) == 15
    for number, item in enumerate(findings, 1):  # finding N of the page is the Nth of the JSON
        assert opened.highlighted(number) == expected_text(source, item), item
        entry = opened.page.locator(f"#i{number}")
        assert entry.get_attribute("data-rule") == item["code"] and item["message"] in entry.inner_text()
    assert opened.page.locator("#side li.it").count() == len(findings)


def test_filters_hide_and_show_entries_and_highlights(opened, sample_report):
    _, findings = sample_report
    page = opened.page
    everything = set(range(1, len(findings) + 1))
    info = {n for n, item in enumerate(findings, 1) if item["severity"] == "info"}
    doubled = {n for n, item in enumerate(findings, 1) if item["name"] == "doubled-word"}
    assert info and doubled and len(doubled) < len(findings)

    def shown() -> set[int]:
        return {n for n in everything if page.locator(f"#i{n}").is_visible()}

    def highlights_follow(hidden: set[int]) -> None:
        """A highlight is switched off exactly when every finding over it is hidden."""
        marks = page.evaluate("""() => Array.from(document.querySelectorAll('#docs mark.h'))
            .map(m => [m.dataset.f.split(' ').map(Number), m.classList.contains('off')])""")
        assert marks and all(off == all(n in hidden for n in keys) for keys, off in marks)
        assert any(off for _, off in marks) == bool(hidden)

    highlights_follow(set())
    page.locator("input[data-sev='info']").uncheck()
    assert shown() == everything - info
    highlights_follow(info)
    assert page.locator("#shown").inner_text() == str(len(findings) - len(info))
    page.locator("input[data-sev='info']").check()
    assert shown() == everything
    highlights_follow(set())

    page.locator("input[data-rule='RL201']").uncheck()
    assert shown() == everything - doubled
    highlights_follow(doubled)
    page.locator("button[data-all='0']").click()
    assert shown() == set() and page.locator("#shown").inner_text() == "0"
    highlights_follow(everything)
    assert not page.locator(".g-sev").first.is_visible()
    page.locator("button[data-all='1']").click()
    assert shown() == everything
    highlights_follow(set())


def test_a_click_on_a_finding_scrolls_to_it_and_marks_its_related_place(opened, sample_report):
    _, findings = sample_report
    page = opened.page
    number = max((n for n, item in enumerate(findings, 1) if item["related"] and item["name"] == "broken-paragraph"),
                 key=lambda n: findings[n - 1]["line"])
    finding = findings[number - 1]
    assert finding["line"] > 40  # far down the page: it must be scrolled to
    first = f"#docs mark[data-f~='{number}']"
    assert not opened.in_view(first)
    page.locator(f"#i{number} a.go").click()
    page.wait_for_timeout(100)
    assert opened.in_view(first)
    assert all("sel" in classes for classes in opened.classes(first))
    assert "sel" in page.locator(f"#i{number}").get_attribute("class")
    related = f"#docs mark[data-r~='{number}.0']"
    assert opened.classes(related) and all("rsel" in classes for classes in opened.classes(related))
    detail = page.locator("#detail")
    assert detail.is_visible()
    text = detail.inner_text()
    assert finding["message"] in text and "相关位置" in text and finding["code"] in text
    assert "为什么重要" in text and "位置" in text

    # the related link brings the related place into view
    page.evaluate("window.scrollTo(0, 0)")
    assert not opened.in_view(related)
    detail.locator("a.rl").first.click()
    page.wait_for_timeout(100)
    assert opened.in_view(related)

    # a click on another highlight shows its finding
    other = next(n for n, item in enumerate(findings, 1) if item["name"] == "doubled-word")
    mark = page.locator(f"#docs mark[data-f~='{other}']").first
    mark.scroll_into_view_if_needed()
    mark.click()
    assert findings[other - 1]["message"] in detail.inner_text()
    assert "sel" in page.locator(f"#i{other}").get_attribute("class")
    assert "sel" not in page.locator(f"#i{number}").get_attribute("class")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report.png"))
    page.keyboard.press("Escape")
    assert not detail.is_visible() and not opened.classes("#docs mark.sel")


def test_the_page_stacks_on_a_phone_and_prints_without_its_controls(browser, sample_report):
    phone = Opened(browser, sample_report[0], width=390, height=844)
    page = phone.page
    side, main = (page.locator(s).bounding_box() for s in ("#side", "#docs"))
    assert side["y"] + side["height"] <= main["y"] + 1 and main["width"] > 300
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.emulate_media(media="print")
    assert not page.locator(".filters").is_visible()
    assert page.locator("#side li.it").first.is_visible() and page.locator("#rules").is_visible()
    assert page.locator("#i1 .more").is_visible()  # its fix and related place, shown only when selected on screen
    assert phone.errors == []
    page.close()


def test_a_script_in_a_checked_document_does_not_run(browser, tmp_path):
    name = '"><img src=x onerror="window.__pwned = 3">.txt'
    (tmp_path / name).write_text(f"新增新增装机100万千瓦以上。{HOSTILE}\n第二段。\n", encoding="utf-8")
    out = tmp_path / "report.html"
    reportlint(name, "--format", "html", "-o", out, cwd=tmp_path)
    opened = Opened(browser, out)
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "pwned"
    assert page.locator("#docs img, #side img").count() == 0
    assert HOSTILE in page.locator("#docs .l").first.inner_text()
    assert name in page.locator("#file-0 h2").inner_text()
    page.locator("#i1 a.go").click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.errors == []
    page.close()
