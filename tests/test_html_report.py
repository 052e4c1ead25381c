"""The HTML review report (``--format html``), read back with the standard library's HTML parser.

The page is parsed as a browser tokenizes it (``html.parser``): every element must close in the
order it opened (marks never nest), every finding has one entry in the list, and the text of its
highlights is exactly the source text of its span, line breaks aside. tests/test_html_browser.py
opens the same page in Chromium.
"""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from running import run
from test_docx import sample_as_word

from reportlint.api import lint_paths
from reportlint.i18n import ZH_CN, localize
from reportlint.model import Edit, Finding, Fix, Related, Severity
from reportlint.output import FORMATS, html_format
from reportlint.results import Crash, FileResult, RunResult
from reportlint.text.document import Span
from reportlint.text.parse import parse_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HOSTILE = '<script>window.__pwned = 1; document.title = "pwned"</script>"><img src=x onerror="window.__pwned = 2">'


class Page(HTMLParser):
    """What the tests read of a report: its marks, list entries, lines, sections, scripts and
    every element's attributes; an end tag that does not close the innermost open element fails."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict]] = []
        self.elements: list[tuple[str, dict]] = []
        self.marks: list[dict] = []
        self.items: list[dict] = []
        self.lines: list[dict] = []
        self.all: list[dict] = []
        self.scripts: list[str] = []
        self.feed(text)
        self.close()
        assert not self.open, f"elements left open: {[tag for tag, _ in self.open]}"

    def handle_starttag(self, tag, attrs):
        record = dict(attrs)
        self.elements.append((tag, record))
        if tag in VOID:
            return
        item = self.innermost("it")
        element = {"tag": tag, "attrs": record, "text": "", "file": self.file(), "item": item and item["attrs"]["data-f"]}
        self.all.append(element)
        classes = (record.get("class") or "").split()
        if tag == "mark":
            assert not any(t == "mark" for t, _ in self.open), "a mark inside a mark"
            self.marks.append(element)
            element["line"] = self.innermost("l")
        elif tag == "li" and "it" in classes:
            self.items.append(element)
        elif tag == "div" and "l" in classes:
            self.lines.append(element)
        element["class"] = classes
        self.open.append((tag, element))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1][0] == tag, f"</{tag}> closes <{self.open[-1][0] if self.open else None}>"
        _, element = self.open.pop()
        if tag == "script":
            self.scripts.append(element["text"])

    def handle_data(self, data):
        for _, element in self.open:
            element["text"] += data

    def file(self) -> str | None:
        return next((e["attrs"]["id"] for t, e in reversed(self.open)
                     if t == "section" and "file" in (e["attrs"].get("class") or "").split()), None)

    def innermost(self, cls: str) -> dict | None:
        return next((e for _, e in reversed(self.open) if cls in e.get("class", ())), None)

    def highlight(self, number: int) -> str:
        return "".join(m["text"] for m in self.marks if str(number) in (m["attrs"].get("data-f") or "").split())

    def related(self, key: str) -> str:
        return "".join(m["text"] for m in self.marks if key in (m["attrs"].get("data-r") or "").split())


def render(results: RunResult) -> Page:
    return Page(FORMATS["html"](results))


def span_text(source: str, span: Span) -> str:
    """What a highlight shows of a span: its text without the line breaks between its lines."""
    return source[span.start:span.end].replace("\r\n", "\n").replace("\n", "")


def hand_made(source: str, spans: list[tuple[int, int, Severity]], path: str = "a.txt",
              extra: dict[int, dict] | None = None) -> FileResult:
    """A file whose findings are *spans* (rules RL901, RL902 …); *extra*: more fields of finding N."""
    doc = parse_text(source, path)
    findings = []
    for index, (start, end, severity) in enumerate(spans):
        line, column = doc.lines.position(start)
        end_line, end_column = doc.lines.position(end)
        findings.append(Finding(path=path, code=f"RL{901 + index}", name=f"rule-{index}", severity=severity,
                                message=f"问题{index}", span=Span(start, end), line=line, column=column,
                                end_line=end_line, end_column=end_column, **(extra or {}).get(index, {})))
    return FileResult(path, doc, findings)


@pytest.fixture(scope="module")
def word(tmp_path_factory) -> RunResult:
    """The sample as a Word file, linted."""
    return lint_paths([str(sample_as_word(tmp_path_factory.mktemp("word") / "报告.docx"))])


@pytest.fixture(scope="module")
def sample() -> tuple[RunResult, Page]:
    results = lint_paths([str(SAMPLE)])
    return results, render(results)


def test_the_sample_lists_each_finding_once_in_output_order(sample):
    results, page = sample
    findings = results.findings
    assert len(findings) == 15
    assert [item["attrs"]["data-f"] for item in page.items] != []
    assert sorted(int(item["attrs"]["data-f"]) for item in page.items) == list(range(1, len(findings) + 1))
    for item in page.items:
        finding = findings[int(item["attrs"]["data-f"]) - 1]  # finding N is the Nth of the output
        assert (item["attrs"]["data-rule"], item["attrs"]["data-sev"]) == (finding.code, finding.severity.value)
        assert finding.message in item["text"] and f"{finding.line}:{finding.column}" in item["text"]
    for finding in findings:
        assert sum(finding.message in item["text"] for item in page.items) == 1


def test_the_sample_highlights_the_exact_text_of_every_span(sample):
    results, page = sample
    source = results.files[0].document.source
    for number, finding in enumerate(results.findings, 1):
        assert page.highlight(number) == span_text(source, finding.span), finding
        first = next(m for m in page.marks if str(number) in (m["attrs"].get("data-f") or "").split())
        assert first["line"]["attrs"]["data-n"] == str(finding.line)
        assert first["file"] == "file-0"
    # the related places are highlighted too: the other half of each broken paragraph
    broken = [(n, f) for n, f in enumerate(results.findings, 1) if f.name == "broken-paragraph" and f.related]
    assert broken
    for number, finding in broken:
        related = finding.related[0].span
        assert page.related(f"{number}.0") == span_text(source, related) != ""


def test_the_sample_report_keeps_every_line_in_blocks(sample):
    source = SAMPLE.read_text(encoding="utf-8")
    _, page = sample
    kept = {int(line["attrs"]["data-n"]): line["text"] for line in page.lines}
    expected = {n: text for n, text in enumerate(source.split("\n"), 1) if text.strip()}
    assert kept == expected


def test_overlapping_and_nested_spans_across_lines_and_blank_lines():
    source = "第一行的文字内容\n\n第二段，文字\r\n第三行结束"
    third = source.index("第三行")
    spans = [(2, third + 2, Severity.WARNING),  # across a blank line and a CRLF
             (5, 13, Severity.INFO),  # overlaps the first across the blank line
             (6, 7, Severity.ERROR),  # inside both
             (8, 8, Severity.INFO),  # empty, at the end of line 1
             (0, len(source), Severity.INFO)]  # the whole text
    related = {0: {"related": (Related(Span(third, third + 3), "第三行在这里"),)},
               4: {"file_level": ""}}  # a finding about the whole file is still shown at its span
    result = hand_made(source, spans, extra=related)
    page = render(RunResult([result]))
    for number, finding in enumerate(result.findings, 1):
        assert page.highlight(number) == span_text(source, finding.span)
    assert page.related("1.0") == "第三行"
    innermost = next(m for m in page.marks if m["text"] == "内")
    assert set(innermost["attrs"]["data-f"].split()) == {"1", "2", "3", "5"}
    assert "e" in innermost["class"]  # the most severe finding over it gives the colour
    empty = [m for m in page.marks if m["attrs"].get("data-f") == "4"]
    assert len(empty) == 1 and empty[0]["text"] == "" and empty[0]["line"]["attrs"]["data-n"] == "1"
    assert [line["attrs"]["data-n"] for line in page.lines] == ["1", "3", "4"]  # line 2 is blank
    assert all("\r" not in mark["text"] for mark in page.marks)
    # each finding's number stands once, on its last piece (print shows it there)
    ends = [n for m in page.marks for n in (m["attrs"].get("data-e") or "").split()]
    assert sorted(ends, key=int) == ["1", "2", "3", "4", "5"]


def test_a_document_that_holds_html_is_shown_as_text_and_runs_nothing(tmp_path):
    source = f"正文第一段{HOSTILE}结束。\n第二段\n"
    start = source.index("<script>")
    result = hand_made(source, [(start, start + len(HOSTILE), Severity.ERROR)], path=f"{HOSTILE}.txt")
    finding = result.findings[0]
    hostile = Finding(**{**{k: getattr(finding, k) for k in finding.__slots__}, "message": HOSTILE,
                         "fix": Fix((Edit(finding.span, HOSTILE),), "unsafe", HOSTILE)})
    result = FileResult(result.path, result.document, [hostile], fixable=frozenset({hostile}))
    text = FORMATS["html"](RunResult([result]))
    page = Page(text)
    assert page.highlight(1) == HOSTILE
    assert page.lines[0]["text"] == source.split("\n")[0]
    assert len(page.scripts) == 1 and page.scripts[0] == html_format.asset("report.js")
    assert not [tag for tag, _ in page.elements if tag in ("img", "iframe", "object", "embed", "link")]
    assert not [(tag, name) for tag, attrs in page.elements for name in attrs if name.startswith("on")]
    assert "<script>window" not in text and "<img" not in text


def test_the_page_is_self_contained(sample):
    results, page = sample
    text = FORMATS["html"](results)
    assert text.startswith("<!DOCTYPE html>")
    references = [value for _, attrs in page.elements for name, value in attrs.items() if name in ("src", "href")]
    assert references and all(value.startswith("#") for value in references), references
    assert "url(" not in html_format.asset("report.css") and "@import" not in html_format.asset("report.css")
    assert "http" not in html_format.asset("report.js") and "fetch(" not in html_format.asset("report.js")
    assert ('meta', {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in page.elements
    assert "@media print" in html_format.asset("report.css")


def test_a_word_file_is_shown_by_paragraph(word):
    results = word
    document = results.files[0].document
    assert document.is_word and results.findings
    page = render(results)
    assert page.lines and all(line["attrs"]["data-n"].startswith("¶") for line in page.lines)
    for number, finding in enumerate(results.findings, 1):
        assert page.highlight(number) == span_text(document.source, finding.span)
        first = next(m for m in page.marks if str(number) in (m["attrs"].get("data-f") or "").split())
        assert first["line"]["attrs"]["data-n"] == f"¶{finding.line}"
        item = next(i for i in page.items if i["attrs"]["data-f"] == str(number))
        assert f"¶{finding.line}" in item["text"] and f"{finding.line}:{finding.column}" not in item["text"]
    text = FORMATS["html"](results)
    assert text.count('<div class="b"><div class="l"') == len(page.lines)  # a paragraph a block
    assert "Word 文件" in text


def test_several_files_make_one_report_with_a_file_list(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("现在，我代表市人民政府，向大会报告政府工作，请予审议。\n", encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    results = lint_paths([str(SAMPLE), str(clean), str(broken)])
    (error,) = results.errors
    assert error.path == str(broken) and error.error
    text = FORMATS["html"](results)
    page = Page(text)
    listed = text[text.index('<nav class="files">'):text.index("</nav>")]
    assert listed.count("<li>") == 3
    for index, result in enumerate(results.files):
        assert f'href="#file-{index}"' in listed and html_format.escape(result.path) in listed
        assert f'<section class="file" id="file-{index}">' in text
    assert '<span class="n">15</span>' in listed and "无问题" in listed
    reason = localize(error.error, ZH_CN)  # the page is in Chinese, errors too
    assert reason != error.error and "PDF" in reason
    assert f"无法读取：{html_format.escape(reason)}" in listed
    assert text.count(f"无法读取：{html_format.escape(reason)}") == 2  # in the list and the file's section
    assert "1 个文件无法读取" in text
    sample_index = next(i for i, r in enumerate(results.files) if r.path == str(SAMPLE))
    assert {m["file"] for m in page.marks} == {f"file-{sample_index}"}
    assert all(str(SAMPLE) in item["text"] for item in page.items)  # several files: each place names its file


def test_a_related_place_in_another_file_is_highlighted_there():
    first = hand_made("甲文件的一段话。\n", [(0, 3, Severity.WARNING)], path="a.txt",
                      extra={0: {"related": (Related(Span(2, 4), "原文在乙文件", path="b.txt"),
                                             Related(Span(0, 1), "不在报告里", path="c.txt"))}})
    second = hand_made("乙文件：一段话。\n", [], path="b.txt")
    page = render(RunResult([first, second]))
    assert page.related("1.0") == "件："
    assert {m["file"] for m in page.marks if m["attrs"].get("data-r")} == {"file-1"}
    item = page.items[0]["text"]
    assert "相关位置：原文在乙文件（b.txt:1:3）" in item
    assert "相关位置：不在报告里（c.txt）" in item


def test_fixes_show_before_and_after_and_whether_they_apply(sample):
    results, page = sample
    source = results.files[0].document.source
    fixed = [(n, f) for n, f in enumerate(results.findings, 1) if f.fix]
    assert {f.fix.applicability for _, f in fixed} == {"safe", "unsafe"}
    for number, finding in fixed:
        inside = [e for e in page.all if e["item"] == str(number)]
        edit = finding.fix.edits[0]
        assert [e["text"] for e in inside if e["tag"] == "del"][0] == source[edit.span.start:edit.span.end].replace("\n", "⏎")
        assert [e["text"] for e in inside if e["tag"] == "ins"][0] == edit.content
        tag = next(e["text"] for e in inside if "tag" in e["class"])
        assert tag == ("可自动修复（--fix）" if finding.fix.applicability == "safe"
                       else "需人工确认：不安全修复（--fix --unsafe-fixes）")
    assert not [e for e in page.all if e["tag"] in ("del", "ins") and e["item"] not in {str(n) for n, _ in fixed}]


def test_a_fix_across_a_crlf_line_end_shows_one_mark_for_it():
    source = "第一段没有句号\r\n第二段接着写。\r\n"
    end = source.index("第二段")
    fix = Fix((Edit(Span(end - 2, end), ""),), "unsafe", "合并为一段")
    result = hand_made(source, [(0, 7, Severity.WARNING)], extra={0: {"fix": fix}})
    result = FileResult(result.path, result.document, result.findings, fixable=frozenset(result.findings))
    page = render(RunResult([result]))
    assert [e["text"] for e in page.all if e["tag"] == "del"] == ["⏎"]
    assert [e["text"] for e in page.all if e["tag"] == "ins"] == [""]
    assert "␍" not in "".join(e["text"] for e in page.all if e["item"] == "1")


def test_a_word_file_fix_is_not_said_to_apply(word):
    results = word
    assert any(f.fix for f in results.findings) and not results.files[0].fixable
    text = FORMATS["html"](results)
    assert "建议修改（需手工修改，不会自动应用）" in text and "可自动修复（--fix）" not in text


def test_rule_notes_give_the_summary_and_why_and_survive_a_missing_rule(sample):
    results, _ = sample
    text = FORMATS["html"](results)
    for code in {f.code for f in results.findings}:
        meta = results.rules[code]
        note = text[text.index(f'<div class="rule" id="rule-{code}"'):]
        note = note[:note.index("</div>")]
        assert html_format.escape(meta.summary) in note and meta.why() and html_format.escape(meta.why()) in note
    unknown = hand_made("一段话。\n", [(0, 2, Severity.WARNING)])
    text = FORMATS["html"](RunResult([unknown], rules={}))
    assert '<div class="rule" id="rule-RL901" data-rule="RL901"><h3><b>RL901</b> rule-0</h3></div>' in text


def test_a_clean_run_says_so():
    text = FORMATS["html"](RunResult([hand_made("一段话。\n", [])]))
    assert "没有发现问题" in text and '<li class="it"' not in text
    Page(text)
    nothing = FORMATS["html"](RunResult([]))  # every named file excluded (--force-exclude)
    assert "检查了 0 个文件，没有发现问题。" in nothing
    Page(nothing)


def test_the_command_line_writes_the_report_and_names_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "审阅" / "报告.html"
    result = run("check", str(SAMPLE.relative_to(ROOT)), "--format", "html", "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"reportlint: wrote the HTML report to {out}. Found 15 findings (13 warnings, 2 info) in 1 file.\n"
    page = Page(out.read_text(encoding="utf-8"))
    assert len(page.items) == 15
    to_stdout = run("check", str(SAMPLE.relative_to(ROOT)), "--format", "html")
    assert to_stdout.exit_code == 1 and to_stdout.stderr == ""
    assert to_stdout.stdout == out.read_text(encoding="utf-8")
    for flag in ("--statistics", "--quiet"):
        refused = run("check", str(SAMPLE.relative_to(ROOT)), "--format", "html", flag)
        assert refused.exit_code == 2
        assert f"{flag} applies to the text and concise formats, not html" in refused.stderr


def test_the_renderer_is_imported_only_when_a_report_is_made():
    code = ("import sys, reportlint.cli, reportlint.output\n"
            "assert 'reportlint.output.html_format' not in sys.modules\n"
            "print(sorted(reportlint.output.FORMATS))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "'html'" in done.stdout


def test_finding_n_of_the_page_is_object_n_of_the_json(sample):
    # tests/test_html_browser.py compares the page with --format json by this numbering
    results, page = sample
    items = json.loads(FORMATS["json"](results))
    entries = {int(item["attrs"]["data-f"]): item for item in page.items}
    assert sorted(entries) == list(range(1, len(items) + 1))
    for number, item in enumerate(items, 1):
        entry = entries[number]
        assert entry["attrs"]["data-rule"] == item["code"] and entry["attrs"]["data-sev"] == item["severity"]
        assert f"{number} " in entry["text"] and f"{item['line']}:{item['column']} {item['message']}" in entry["text"]


def test_a_rule_that_crashed_is_named_in_its_file():
    result = hand_made("一段话。\n", [(0, 2, Severity.WARNING)])
    result.crashes.append(Crash("RL999", "some-rule", "ValueError: <bad>", "rule.py:12"))
    page = Page(FORMATS["html"](RunResult([result])))
    said = [e["text"] for e in page.all if e["tag"] == "p" and "bad" in e["class"] and e["file"] == "file-0"]
    assert said == ["规则 RL999 [some-rule] 运行出错，此文件的结果不完整：ValueError: <bad>（rule.py:12）"]
