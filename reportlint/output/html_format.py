"""The HTML review report: one self-contained page for the drafters and reviewers of a report.

Each checked document is shown as its lines, in blocks parted by blank lines (a Word file's
paragraphs one a block, labelled ¶N), with every finding's span highlighted where it stands.
Spans may cross lines and overlap: the highlights are cut at every start and end of a span and
at every line end, so that each piece of text is one flat ``<mark>`` carrying the numbers of all
the findings (``data-f``) and related places (``data-r``) over it; marks never nest. Beside the
text, a list of the findings grouped by severity and rule with filters; after it, each rule's
summary and why it matters. The script (``html_report/report.js``) filters, selects and shows
details from this markup alone: no data is embedded in it, and every text of the report goes
through ``escape``. No network, no fonts: CSS and script are inline, so the file opens offline.

The page is in Chinese whatever ``--lang`` says: it is for the readers of the document.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..i18n import ZH_CN, localize
from ..model import Finding, RuleMeta, Severity
from ..results import FileResult, RunResult
from ..text.document import Document, Span
from ..version import __version__
from .options import DEFAULT_OPTIONS, RenderOptions

LEVELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
#: the class of a highlight of each severity (the most severe finding over a piece of text wins)
LEVEL_CLASS = {Severity.ERROR: "e", Severity.WARNING: "w", Severity.INFO: "i"}
FIX_EDITS = 3  # edits of one fix shown, at most (a file written in ASCII punctuation has thousands)
FIX_CONTEXT = 6  # characters shown on each side of an edit

# A document's control characters, shown as their pictures (one character for one, so that the
# highlighted text keeps its length): the HTML parser would drop NUL and read a CR as a line end.
_CONTROL = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)} | {0x7F: 0x2421} | {
    code: 0xFFFD for code in range(0x80, 0xA0)}


def escape(text: str) -> str:
    """Text of the report as HTML text or attribute value: <, >, &, " and ' escaped."""
    return html.escape(text.translate(_CONTROL), quote=True)


@cache
def asset(name: str) -> str:
    """The stylesheet or script shipped beside this module, in reportlint/output/html_report/."""
    return resources.files(__package__).joinpath("html_report", name).read_text(encoding="utf-8")


@dataclass
class Place:
    """A span to highlight in one file: a finding's (key "3") or a related place's ("3.0")."""

    span: Span
    key: str
    finding: bool
    severity: Severity | None = None


@dataclass
class Report:
    """The findings of a run numbered from 1 in output order (finding N is the Nth object of
    ``--format json``; its entry is #iN, its highlights carry N in data-f), and the places to
    highlight in each file."""

    results: RunResult
    numbered: list[tuple[int, FileResult, Finding]] = field(default_factory=list)
    places: dict[str, list[Place]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        paths = {result.path for result in self.results.files if result.document is not None}
        for result in self.results.files:
            for finding in result.findings:
                number = len(self.numbered) + 1
                self.numbered.append((number, result, finding))
                self.places.setdefault(result.path, []).append(
                    Place(finding.span, str(number), True, finding.severity))
                for k, related in enumerate(finding.related):
                    target = related.path or result.path
                    if target in paths:
                        self.places.setdefault(target, []).append(Place(related.span, f"{number}.{k}", False))

    def result(self, path: str) -> FileResult | None:
        return next((r for r in self.results.files if r.path == path), None)  # only for related places in other files


def render(results: RunResult, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    report = Report(results)
    files = results.files
    title = escape(files[0].path) if len(files) == 1 else f"{len(files)} 个文件"
    body = [
        '<header class="top"><h1>reportlint 审阅报告</h1>',
        f'<p class="summary">{summary(report)}</p></header>',
        '<div class="page"><aside id="side" aria-label="问题列表与筛选">',
        file_list(report) if len(files) > 1 else "",
        filters(report), finding_list(report), "</aside>",
        '<main id="docs">', *(file_section(i, r, report) for i, r in enumerate(files)),
        rule_notes(report), "</main></div>",
        '<section id="detail" hidden aria-live="polite"><button type="button" class="close" aria-label="关闭">×</button>'
        '<div class="content"></div></section>',
    ]
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="reportlint {escape(__version__)}">',
        f"<title>审阅报告 · {title}</title><style>{asset('report.css')}</style></head><body>\n",
        *body, f"\n<script>{asset('report.js')}</script></body></html>\n",
    ])


def summary(report: Report) -> str:
    """检查了 N 个文件，发现 M 个问题（…）: the line under the title."""
    results = report.results
    checked = sum(1 for r in results.files if r.document is not None)
    text = f"检查了 {checked} 个文件"
    findings = [finding for _, _, finding in report.numbered]
    if findings:
        by = Counter(f.severity for f in findings)
        levels = "、".join(f"{by[s]} 个{LEVELS[s]}" for s in Severity if by[s])
        text += f"，发现 {len(findings)} 个问题（{levels}）。"
        counts = results.fixable_counts()
        if counts.safe or counts.unsafe:
            text += f"其中 {counts.safe} 个可自动修复（--fix），{counts.unsafe} 个需人工确认（--fix --unsafe-fixes）。"
    else:
        text += "，没有发现问题。"
    failed = len(results.errors)
    if failed:
        text += f'<span class="bad">{failed} 个文件无法读取。</span>'
    return text


def error_of(result: FileResult) -> str:
    """Why a file could not be read, in Chinese like the rest of the page, escaped."""
    return escape(localize(result.error, ZH_CN) or "")


def location(result: FileResult, line: int, column: int) -> str:
    """28:24, or ¶12 in a Word file (its line N is paragraph N)."""
    word = result.document is not None and result.document.is_word
    return f"¶{line}" if word else f"{line}:{column}"


def file_list(report: Report) -> str:
    counts = Counter(result.path for _, result, _ in report.numbered)
    items = []
    for index, result in enumerate(report.results.files):
        if result.error:
            state = f'<span class="bad">无法读取：{error_of(result)}</span>'
        elif counts[result.path]:
            state = f'<span class="n">{counts[result.path]}</span>'
        else:
            state = '<span class="ok">无问题</span>'
        items.append(f'<li><a href="#file-{index}">{escape(result.path)}</a> {state}</li>')
    return f'<nav class="files"><h2>文件（{len(report.results.files)}）</h2><ul>{"".join(items)}</ul></nav>'


def filters(report: Report) -> str:
    """Checkboxes by severity and by rule, with the counts; the script hides what is unchecked."""
    findings = [finding for _, _, finding in report.numbered]
    if not findings:
        return ""
    by_level = Counter(f.severity for f in findings)
    by_rule = Counter((f.code, f.name) for f in findings)
    levels = "".join(
        f'<label class="lv-{LEVEL_CLASS[s]}"><input type="checkbox" data-sev="{s.value}" checked> {LEVELS[s]}'
        f' <span class="n">{by_level[s]}</span></label>' for s in Severity if by_level[s])
    rules = "".join(
        f'<label><input type="checkbox" data-rule="{escape(code)}" checked> <b>{escape(code)}</b> {escape(name)}'
        f' <span class="n">{count}</span></label>' for (code, name), count in sorted(by_rule.items()))
    return ('<section class="filters"><h2>筛选</h2>'
            f'<fieldset class="levels"><legend>严重程度</legend>{levels}</fieldset>'
            '<fieldset class="rules"><legend>规则 <button type="button" data-all="1">全选</button>'
            f'<button type="button" data-all="0">全不选</button></legend>{rules}</fieldset>'
            f'<p class="shown">显示 <b id="shown">{len(findings)}</b> / {len(findings)} 个问题</p></section>')


def finding_list(report: Report) -> str:
    """The findings grouped by severity, then by rule, each group with its count."""
    if not report.numbered:
        return '<section class="list"><h2>问题列表</h2><p class="ok">没有发现问题。</p></section>'
    groups: dict[Severity, dict[str, list[str]]] = {s: {} for s in Severity}
    names: dict[str, str] = {}
    for number, result, finding in report.numbered:
        names[finding.code] = finding.name
        groups[finding.severity].setdefault(finding.code, []).append(finding_item(number, result, finding, report))
    out = ['<section class="list"><h2>问题列表</h2>']
    for level, rules in groups.items():
        if not rules:
            continue
        total = sum(len(items) for items in rules.values())
        out.append(f'<section class="g-sev lv-{LEVEL_CLASS[level]}" data-sev="{level.value}">'
                   f'<h3>{LEVELS[level]} <span class="n">{total}</span></h3>')
        for code in sorted(rules):
            out.append(f'<section class="g-rule" data-rule="{escape(code)}"><h4><b>{escape(code)}</b> '
                       f'{escape(names[code])} <span class="n">{len(rules[code])}</span></h4>'
                       f'<ol>{"".join(rules[code])}</ol></section>')
        out.append("</section>")
    out.append("</section>")
    return "".join(out)


def finding_item(number: int, result: FileResult, finding: Finding, report: Report) -> str:
    """One entry of the list: its number, place and message; its fix and related places below."""
    where = location(result, finding.line, finding.column)
    if len(report.results.files) > 1:
        where = f"{result.path}:{where}"
    more = fix_block(result, finding) + related_block(number, result, finding, report)
    return (f'<li class="it" id="i{number}" data-f="{number}" data-rule="{escape(finding.code)}" '
            f'data-sev="{finding.severity.value}"><a class="go" href="#m{number}">'
            f'<span class="no">{number}</span> <span class="lv lv-{LEVEL_CLASS[finding.severity]}">'
            f'{LEVELS[finding.severity]}</span> <span class="loc">{escape(where)}</span> '
            f'<span class="msg">{escape(finding.message)}</span></a>'
            + (f'<div class="more">{more}</div>' if more else "") + "</li>")


def fix_block(result: FileResult, finding: Finding) -> str:
    """The fix as before → after, said as what --fix does with it."""
    fix, doc = finding.fix, result.document
    if fix is None or doc is None:
        return ""
    if finding not in result.fixable:
        tag, kind = "建议修改（需手工修改，不会自动应用）", "manual"
    elif fix.applicability == "safe":
        tag, kind = "可自动修复（--fix）", "safe"
    else:
        tag, kind = "需人工确认：不安全修复（--fix --unsafe-fixes）", "unsafe"
    edits = []
    for edit in fix.edits[:FIX_EDITS]:
        start, end = edit.span.start, edit.span.end
        left = _one_line(doc.source[max(0, start - FIX_CONTEXT):start])
        right = _one_line(doc.source[end:end + FIX_CONTEXT])
        before, after = _one_line(doc.source[start:end]), _one_line(edit.content)
        edits.append(f'<li><span class="ctx">{left}</span><del>{before}</del><span class="ctx">{right}</span>'
                     f'<br>→ <span class="ctx">{left}</span><ins>{after}</ins><span class="ctx">{right}</span></li>')
    if len(fix.edits) > FIX_EDITS:
        edits.append(f"<li>另有 {len(fix.edits) - FIX_EDITS} 处同样的修改</li>")
    title = f'<span class="title">{escape(fix.title)}</span>' if fix.title else ""
    return f'<div class="fix {kind}"><span class="tag">{tag}</span>{title}<ul>{"".join(edits)}</ul></div>'


def _one_line(text: str) -> str:
    """Text of a fix on one line, its line breaks shown as ⏎ (a CRLF as one), escaped."""
    return escape(text.replace("\r\n", "\n").replace("\n", "⏎"))


def related_block(number: int, result: FileResult, finding: Finding, report: Report) -> str:
    """The related places (the original of a pasted paragraph, the other half of a split one),
    each a link to its highlight; one in a file the report does not show is named only."""
    items = []
    for k, related in enumerate(finding.related):
        target = report.result(related.path) if related.path else result
        if target is None or target.document is None:
            link, where = "相关位置", related.path or result.path
        else:
            link = f'<a class="rl" href="#r{number}-{k}" data-r="{number}.{k}">相关位置</a>'
            where = location(target, *target.document.lines.position(related.span.start))
            if target is not result:
                where = f"{target.path}:{where}"
        items.append(f"<li>{link}：{escape(related.message)}（{escape(where)}）</li>")
    return f'<ul class="rel">{"".join(items)}</ul>' if items else ""


def rule_notes(report: Report) -> str:
    """Each rule that found something: its code, name, summary and why it matters (the script
    shows them beside a selected finding; print shows them after the documents)."""
    names = {finding.code: finding.name for _, _, finding in report.numbered}
    if not names:
        return ""
    out = ['<section id="rules"><h2>规则说明</h2>']
    for code in sorted(names):
        meta: RuleMeta | None = report.results.rules.get(code)
        name = meta.name if meta else names[code]
        summary = f'<p class="sum">{escape(meta.summary)}</p>' if meta and meta.summary else ""
        why = meta.why() if meta else ""
        reason = f'<p class="why"><span>为什么重要：</span>{escape(why)}</p>' if why else ""
        out.append(f'<div class="rule" id="rule-{escape(code)}" data-rule="{escape(code)}">'
                   f"<h3><b>{escape(code)}</b> {escape(name)}</h3>{summary}{reason}</div>")
    out.append("</section>")
    return "".join(out)


def file_section(index: int, result: FileResult, report: Report) -> str:
    """A file: its name, its findings' count, then its text with the highlights."""
    head = f'<section class="file" id="file-{index}"><h2>{escape(result.path)}</h2>'
    if result.error:
        return f'{head}<p class="bad">无法读取：{error_of(result)}</p></section>'
    doc = result.document
    if doc is None:
        return f"{head}</section>"
    count = len(result.findings)
    meta = [f"{count} 个问题" if count else '<span class="ok">没有发现问题</span>']
    if doc.is_word:
        meta.append("Word 文件：按段落（¶）编号定位；--fix 不修改 Word 文件")
    crashes = "".join(f'<p class="bad">规则 {escape(crash.code)} [{escape(crash.name)}] 运行出错，此文件的结果不完整：'
                      f"{escape(crash.error)}（{escape(crash.where)}）</p>" for crash in result.crashes)
    text = document_html(doc, report.places.get(result.path, []))
    return f'{head}<p class="meta">{"；".join(meta)}</p>{crashes}<div class="doc">{text}</div></section>'


# What happens at one offset, in this order: spans end, anchors are set, empty spans are shown, spans start.
_END, _ANCHOR, _EMPTY, _START = range(4)


def _events(doc: Document, places: list[Place]) -> list[tuple[int, int, Place]]:
    size = len(doc.source)
    events = []
    for place in places:
        start, end = min(place.span.start, size), min(place.span.end, size)
        events.append((start, _ANCHOR, place))
        if end > start:
            events += [(start, _START, place), (end, _END, place)]
        else:
            events.append((start, _EMPTY, place))
    events.sort(key=lambda event: event[:2])
    return events


def _mark(active: dict[str, Place], text: str, ends: str = "") -> str:
    """One piece of highlighted text: the findings and related places over it, in the class of
    the most severe finding; *ends*, the numbers of the findings it ends (shown in print)."""
    found = [place for place in active.values() if place.finding]
    related = " ".join(place.key for place in active.values() if not place.finding)
    if found:
        worst = max((place.severity for place in found), key=lambda severity: severity.rank)  # type: ignore[union-attr]
        attributes = f' class="h {LEVEL_CLASS[worst]}" data-f="{" ".join(place.key for place in found)}"'
    else:
        attributes = ' class="r"'
    if related:
        attributes += f' data-r="{related}"'
    if ends:
        attributes += f' data-e="{ends}"'
    return f"<mark{attributes}>{escape(text)}</mark>"


def _anchor(place: Place) -> str:
    """An empty element where a span starts, for the links of the list (#m3, #r3-0)."""
    return f'<span class="a" id="m{place.key}"></span>' if place.finding else \
        f'<span class="a" id="r{place.key.replace(".", "-")}"></span>'


class _Pieces:
    """The pieces of a document's HTML, written a line at a time as the events are met."""

    def __init__(self, doc: Document, places: list[Place]) -> None:
        self.source = doc.source
        self.events = _events(doc, places)
        self.next = 0
        self.out: list[str] = []
        self.active: dict[str, Place] = {}
        self.last: dict[str, int] = {}  # a finding's last piece so far, by its index in *out*
        self.ends: dict[int, list[str]] = {}  # the numbers of the findings that end at a piece

    def text(self, start: int, end: int) -> None:
        if end <= start:
            return
        if not self.active:
            self.out.append(escape(self.source[start:end]))
            return
        self.out.append(_mark(self.active, self.source[start:end]))
        for key, place in self.active.items():
            if place.finding:
                self.last[key] = len(self.out) - 1

    def line(self, start: int, end: int, after: int) -> None:
        """The text [start, end) of a line and what happens up to *after*, where the next line starts
        (an event on the line's end is met at its last character)."""
        position = start
        while self.next < len(self.events) and self.events[self.next][0] < after:
            offset, kind, place = self.events[self.next]
            self.next += 1
            at = min(offset, end)
            self.text(position, at)
            position = max(position, at)
            self.event(kind, place)
        self.text(position, end)

    def event(self, kind: int, place: Place) -> None:
        if kind == _START:
            self.active[place.key] = place
        elif kind == _END:
            del self.active[place.key]
            if place.finding and place.key in self.last:
                self.ends.setdefault(self.last[place.key], []).append(place.key)
        elif kind == _ANCHOR:
            self.out.append(_anchor(place))
        else:
            self.out.append(_mark({place.key: place}, "", place.key if place.finding else ""))

    def numbered(self) -> list[str]:
        """The pieces, the last piece of each finding numbered (data-e)."""
        for index, numbers in self.ends.items():
            self.out[index] = self.out[index].replace("<mark ", f'<mark data-e="{" ".join(numbers)}" ', 1)
        return self.out


def document_html(doc: Document, places: list[Place]) -> str:
    """The document's lines, in blocks parted by blank lines (each line its own block in a Word
    file); every span highlighted by flat marks cut at each span's start and end and at line ends."""
    pieces = _Pieces(doc, places)
    out, source, label = pieces.out, doc.source, "¶" if doc.is_word else ""
    start, in_block = 0, False
    for number, line in enumerate(source.split("\n"), 1):
        end = start + len(line) - line.endswith("\r")
        after = start + len(line) + 1
        first = len(out)
        out.append("")
        pieces.line(start, end, after)
        blank = not source[start:end].strip() and not any(piece.startswith("<") for piece in out[first + 1:])
        start = after
        if blank:  # nothing but spaces, and no highlight: it parts blocks
            del out[first:]
            if in_block:
                out.append("</div>")
                in_block = False
            continue
        out[first] = ("" if in_block else '<div class="b">') + f'<div class="l" data-n="{label}{number}">'
        out.append("</div>")
        in_block = not doc.is_word
        if doc.is_word:
            out.append("</div>")
    if in_block:
        out.append("</div>")
    return "".join(pieces.numbered())
