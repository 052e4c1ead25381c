"""RL101 broken-paragraph: one paragraph cut in two by a page break or a paste."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..artifacts import CONTINUATION
from ..document import Document, Paragraph, Span
from ..model import Edit, Fix, Related, Violation, rule

# A paragraph that ends with one of these ends a sentence or introduces what follows.
_CLOSED_END = re.compile(r"(?:[。！？；…!?;：:．.]|——)[”’」』）)》】\]]*$")
# Ends in the middle of a sentence: a comma, a 顿号 or an opening mark.
_OPEN_END = re.compile(r"[，、,“‘《（(【「『\[]$")
# No paragraph starts with a 点号 or a closing mark (GB/T 15834): it continues the one above.
_CONTINUATION_START = re.compile(r"^[，。、；：？！,;:?!”’》）)】」』\]]")
_OPENER_OF = {"”": "“", "’": "‘", "》": "《", "）": "（", ")": "(", "】": "【", "」": "「", "』": "『", "]": "["}
# 深化污染防治攻坚。: the short lead sentence that opens a paragraph of a report.
_LEAD_SENTENCE = re.compile(r"[^，。；：、,;:]{6,30}。")
_INNER_PUNCTUATION = re.compile(r"[，。；、,;]")
_CLAUSE_TAIL = re.compile(r"[“‘《（(]?[^，。；：、！？,;:!?“”‘’《》（）()]{1,12}[，、,“‘《（(【「『]?$")


@dataclass(frozen=True)
class Options:
    #: a paragraph shorter than this (in characters) is not taken for body text
    min_length: int = 15


@rule(code="RL101", name="broken-paragraph", severity="warning", summary="段落被分页或粘贴截断",
      options=Options, fixable="sometimes")
def broken_paragraph(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds a paragraph that stops in the middle of a sentence (no closing
    punctuation, or a trailing comma or opening quote) and is continued by
    the next paragraph, as when a page break or a copy from a PDF or a
    newspaper cut "…大力支持民营企业和民营" / "经济发展，激发…" in two.

    A paragraph ending without punctuation is only taken for a cut one when
    it reads as body text (long enough, with punctuation inside), and the
    next paragraph is body text too. Titles, headings (一、 / （一） / Markdown
    #), list items, table cells, salutations, signature and date lines never
    fire. A paragraph that starts with a closing mark or a 点号 (“》，提出…”)
    always continues the one above.

    ## Why it matters
    A split sentence reads as two broken fragments, and the page-break cut
    usually also swallowed or duplicated words next to it.

    ## Example
    Bad:
        培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营

        经济发展，激发各类经营主体内生动力和发展活力。
    Good:
        培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营经济发展，激发各类经营主体内生动力和发展活力。

    The (unsafe) fix joins the two paragraphs.

    ## Options
    - `min-length` (15): a paragraph shorter than this is not taken for body text
      unless its end or the next paragraph's start proves the cut.
    """
    # A page number or a newspaper marker between the halves is part of the cut.
    paragraphs = [p for p in doc.paragraphs if p.kind != "artifact"]
    for first, second in zip(paragraphs, paragraphs[1:]):
        if _is_cut(first, second, opts):
            yield _violation(doc, first, second)


def _is_cut(first: Paragraph, second: Paragraph, opts: Options) -> bool:
    if first.kind in ("heading", "list-item", "table-cell", "artifact") or second.kind not in ("text", "quote"):
        return False
    text = _without_trailing_marker(first.text)
    closed = bool(_CLOSED_END.search(text))
    start = _CONTINUATION_START.match(second.text)
    if start:
        # No paragraph starts with a 点号 or a closing mark: it continues the one
        # above, if that one left a sentence or a pair open.
        closer = start.group()
        opener = _OPENER_OF.get(closer)
        return not closed or (opener is not None and text.count(opener) > text.count(closer))
    if first.kind != second.kind:
        return False  # titles, salutations, signature and date lines end without punctuation
    if closed:
        return False
    if _OPEN_END.search(text):
        return True
    if text[-1] in "”’》）)" and _LEAD_SENTENCE.match(second.text):
        # “…确保“一清水永续北上”” then “深化污染防治攻坚。…”: the quote closed the
        # sentence and a new paragraph opens with its lead; only the 。 is missing.
        return False
    return len(text) >= opts.min_length and bool(_INNER_PUNCTUATION.search(text))


def _without_trailing_marker(text: str) -> str:
    """The paragraph's text without a newspaper marker at its end (layout-artifact
    reports that one); a soft-wrapped "上接第3版" line must not read as a cut."""
    text = text.rstrip()
    marker = CONTINUATION.search(text)
    while marker and marker.end() == len(text) and marker.start() > 0:
        text = text[: marker.start()].rstrip()
        marker = CONTINUATION.search(text)
    return text


def _violation(doc: Document, first: Paragraph, second: Paragraph) -> Violation:
    text = _without_trailing_marker(first.text)
    tail = _CLAUSE_TAIL.search(text)
    tail_start = tail.start() if tail else max(0, len(text) - 12)
    head = second.text[:12]
    span = first.span(tail_start, len(text))
    next_span = second.span(0, len(head))
    message = (
        f"段落在“{text[tail_start:]}”处中断，下一段“{head}…”接续同一句："
        "疑为分页或复制粘贴把一段拆成了两段"
    )
    gap = Span(first.source_map.end(len(first.text.rstrip())), second.source_map.start(0))
    fix = None
    if doc.text(gap).strip() == "":  # only blank lines between: join (never delete a marker here)
        fix = Fix((Edit(gap, ""),), "unsafe", "合并为一段")
    return Violation(span, message, related=(Related(next_span, "接续的下一段从这里开始"),), fix=fix)
