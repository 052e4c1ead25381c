"""RL401 punctuation-width: ASCII , ; : ? ! ( ) " ... used as punctuation in Chinese text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..analysis.punctuation import (
    ASCII_MARKS,
    ELLIPSIS,
    FULL_WIDTH_KIND,
    MARK_NAMES,
    Stray,
    full_width_count,
    full_width_kinds,
    strays,
)
from ..model import Edit, Fix, Related, Violation, rule
from ..text.document import Document, Span

_FIX_TITLE = "改为全角标点"
_SHOWN = 10  # a bracket or quote longer than this is shown as (…)
_EXAMPLES = 3  # related spans of a whole-file finding


@dataclass(frozen=True)
class Options:
    """The options of punctuation-width (RL401)."""

    #: ASCII marks among all , ; : ? ! ( ) of either width from which ASCII is the file's habit
    whole_file_share: float = field(default=0.5, metadata={"min": 0.0, "max": 1.0})
    #: and at least this many ASCII marks: then one finding for the whole file
    whole_file_count: int = field(default=10, metadata={"min": 1})
    #: a kind of mark (commas, brackets, ...) written in ASCII at least this many times, and in
    #: at least whole-file-share of its uses, gets one finding for all its places
    kind_count: int = field(default=5, metadata={"min": 1})


@rule(code="RL401", name="punctuation-width", severity="warning", summary="中文中使用了半角标点",
      rationale="半角标点在中文里窄而偏低，挤压前后的汉字；公文按GB/T 15834使用全角标点。零星的半角标点通常来自从别处粘贴的文字。",
      options=Options, fixable="always", fix_kinds=("safe",),
      reads=("punctuation",))
def punctuation_width(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds the ASCII marks , ; : ? ! ( ) used as punctuation in Chinese text,
    where GB/T 15834 asks for the full-width ， ； ： ？ ！ （ ）; also straight
    quotes "…" around Chinese words (when a paragraph's quotes pair up) and
    "..." for the 省略号 ……. Half-width outline numbers (一) / (1) are
    reported too, and so is the ASCII half of a bracket pair whose halves
    differ in width (技工教育) closing （普通高中…), with the full-width half as
    the related place.

    The script is decided per clause, not per character: a , ; : ? ! belongs
    to the clause it ends, brackets and quotes to the text around them, and a
    clause is Chinese when it has at least as many Han characters as Latin
    words. So an English sentence quoted in a report ("Made in China 2025,
    a plan …") keeps its commas, while 推进5G,建设 and 合作(PPP)模式 are
    reported: the brackets around a Latin acronym in Chinese text are
    Chinese brackets, 合作（PPP）模式, while a Latin name's own brackets
    (Public-Private Partnership (PPP), f(x), iPhone 15 Pro (256GB)) stay.

    What it deliberately does not report:
    - numbers, times and ratios: 1,000 / 3:30 / 比例尺1:500 / 三次产业结构
      3.6 : 48 : 48.4;
    - URLs, e-mail addresses and code: https://www.gov.cn/a,b, `a,b`;
    - English sentences and Chinese words quoted inside one: The plan, known
      as Made in China 2025, …;
    - page chrome the document marks as web-page leftovers (来源:人民日报,
      分享到:, 2026-02-03 09:02:33): layout-artifact reports those.

    A ? where no question mark can stand, right after a 点号 or an opening
    mark or right before a 点号 (二期、?水灌区, 进入前1?。), is a character a
    capture or a conversion lost: it is reported as such, without a fix.

    When ASCII is the document's habit (a file typed with a half-width input
    mode, or converted by a tool), one finding at the start of the file counts
    the marks and carries a single fix for all of them, with the first few
    places as related locations. When one kind of mark is written in ASCII
    throughout while the others are full-width (all the brackets (一)…(九),
    all the 叹号 各位代表!), that kind gets one finding at its first place
    with one fix for all of it. Otherwise every stray mark is its own
    finding, as is a stray mark of a kind the file writes in full width. A
    pair of ( ) or "" is one finding whose fix converts both halves.

    ## Why it matters
    Half-width marks in Chinese text are narrow and sit low, crowding the
    characters around them; official documents follow GB/T 15834, which uses
    the full-width forms. A stray mark usually comes from text pasted in from
    another source.

    ## Example
    Bad:
        86个“两重”项目全部开工,“两新”政策带动设备更新投资增长。
    Good:
        86个“两重”项目全部开工，“两新”政策带动设备更新投资增长。

    The (safe) fix converts each mark to its full-width form.

    ## Options
    - `whole-file-share` (0.5): when at least this share of the document's
      , ; : ? ! ( ) in Chinese text (ASCII or full-width) is ASCII (from 0 to 1),
    - `whole-file-count` (10): and there are at least this many ASCII marks
      (at least 1), one finding covers the whole file.
    - `kind-count` (5): a kind of mark (逗号, 括号, 叹号 …) written in ASCII at
      least this many times (at least 1), and in at least `whole-file-share` of
      its uses, gets one finding for all its places.
    """
    found = strays(doc)
    for stray in found:
        if stray.lost:
            yield _lost(stray)
    found = [s for s in found if not s.lost]
    if not found:
        return
    ascii_count = sum(len(s.replacements) for s in found if s.mark[0] in ASCII_MARKS)
    marks = ascii_count + full_width_count(doc)
    if ascii_count >= opts.whole_file_count and ascii_count >= opts.whole_file_share * marks:
        yield _whole_file(doc, found)
        return
    systematic = _systematic_kinds(doc, found, opts)
    for kind in systematic:
        yield _whole_kind(kind, [s for s in found if s.kind == kind], systematic[kind])
    for stray in found:
        if stray.kind not in systematic:
            yield _single(stray)


def _lost(stray: Stray) -> Violation:
    """A ? where no question mark can stand is a character the text lost: say so, with no fix
    (which character it was, only the source can tell)."""
    return Violation(_span(stray), f"“{stray.text}”疑为丢失的字：这里不能用问号，原来的字在复制或转码时变成了“?”")


def _systematic_kinds(doc: Document, found: list[Stray], opts: Options) -> dict[str, int]:
    """The kinds of mark the file writes in ASCII as a habit (all its brackets, all its
    叹号), each with how many it writes in full width: one finding each, not one per mark."""
    ascii_kinds = Counter(s.kind for s in found)
    wide = full_width_kinds(doc)
    return {kind: wide[kind] for kind, count in ascii_kinds.items()
            if count >= opts.kind_count and count >= opts.whole_file_share * (count + wide[kind])}


def _single(stray: Stray) -> Violation:
    related = ()
    if stray.partner is not None:
        partner = stray.paragraph.text[stray.partner]
        related = (Related(stray.paragraph.span(stray.partner, stray.partner + 1), f"与之配对的全角“{partner}”"),)
    return Violation(_span(stray), _message(stray), related=related, fix=Fix(_edits(stray), "safe", _FIX_TITLE))


def _span(stray: Stray) -> Span:
    return stray.paragraph.span(stray.start, stray.end)


def _edits(stray: Stray) -> tuple[Edit, ...]:
    return tuple(Edit(stray.paragraph.span(i, j), content) for i, j, content in stray.replacements)


def _message(stray: Stray) -> str:
    name = MARK_NAMES[stray.mark]
    text = stray.text
    if stray.partner is not None:
        partner = stray.paragraph.text[stray.partner]
        return f"半角括号“{text}”与全角“{partner}”配对，应为全角“{stray.replacements[0][2]}”"
    if stray.mark == "()":
        inside = text[1:-1] if len(text) <= _SHOWN + 2 else "…"
        return f"中文中使用了半角括号“({inside})”，应为全角“（{inside}）”"
    if stray.mark == '""':
        inside = text[1:-1] if len(text) <= _SHOWN + 2 else "…"
        return f'中文中使用了半角引号"{inside}"，应为“{inside}”'
    if stray.mark == "...":
        return f"中文中使用了半角省略号“{text}”，应为“{ELLIPSIS}”"
    return f"中文中使用了半角{name}“{text}”，应为全角“{stray.replacements[0][2]}”"


def _whole_file(doc: Document, found: list[Stray]) -> Violation:
    counts: Counter[str] = Counter()
    for stray in found:
        if stray.mark == "...":
            counts["..."] += 1
        else:
            counts.update(stray.text[i - stray.start] for i, _, _ in stray.replacements)
    parts = []
    if counts["("] and counts["("] == counts[")"]:
        counts["( )"] = counts.pop("(")
        del counts[")"]
    for mark, count in counts.most_common():
        parts.append(f"“{mark}”各{count}处" if mark == "( )" else f"“{mark}”{count}处")
    total = sum(count * (2 if mark == "( )" else 1) for mark, count in counts.items())
    message = f"全文{total}处半角标点用在中文中（{'，'.join(parts)}），应使用全角标点"
    # At the first mark (line 1 may be blank or a title without one); the next ones are related.
    related = tuple(Related(_span(s), f"这里也是“{s.text}”") for s in found[1 : _EXAMPLES + 1])
    edits = tuple(edit for stray in found for edit in _edits(stray))
    return Violation(_span(found[0]), message, related=related, fix=Fix(edits, "safe", "全文改为全角标点"),
                     file_level="")


def _whole_kind(kind: str, found: list[Stray], full_width: int) -> Violation:
    """One finding for a kind of mark the file writes in ASCII throughout: 全文 15 处半角括号."""
    count = len(found)
    shown = {"()": "( )", '""': '" "'}.get(kind, kind)
    wide = FULL_WIDTH_KIND[kind]
    where = f"，全角的只有{full_width}处" if full_width else ""
    message = f"全文{count}处半角{MARK_NAMES[kind]}“{shown}”用在中文中{where}，应使用全角“{wide}”"
    # at its first place, the next ones as examples
    related = tuple(Related(_span(s), f"这里也是“{s.text}”") for s in found[1 : _EXAMPLES + 1])
    edits = tuple(edit for stray in found for edit in _edits(stray))
    return Violation(_span(found[0]), message, related=related,
                     fix=Fix(edits, "safe", f"全文的半角{MARK_NAMES[kind]}改为全角"), file_level=kind)
