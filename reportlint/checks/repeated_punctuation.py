"""RL403 repeated-punctuation: a 点号 typed twice (，，) or two that clash (，。)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..analysis.punctuation import ELLIPSIS, FULL_WIDTH, prose, strays
from ..model import Edit, Fix, NoOptions, Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

# A run of 点号 in either width; which ASCII ones count is decided per clause.
_RUN = LazyPattern(r"[，。、；：？！,;:?!.]{2,}")
# “……。”，: a quotation that ends with 。 and a 点号 right after it
_STOP_IN_QUOTE = LazyPattern(r"。([”’]+)([，、；：。,;:])")
# The weight of a mark's pause: a clash keeps the heaviest.
_WEIGHT = {"、": 0, "，": 1, "：": 2, "；": 3, "。": 4, "？": 4, "！": 4}
_EMPHASIS = frozenset("？！")  # ？？ ？！ ！？ ！！: GB/T 15834 allows them (4.3.3, 4.4.3)


@rule(code="RL403", name="repeated-punctuation", severity="warning", summary="点号重复或连用",
      rationale="同一点号重复是录入失误；两个不同点号连用，是改句子时留下的（删了分句留下逗号，在逗号前又加了句号）。",
      options=NoOptions, fixable="always", fix_kinds=("safe", "unsafe"),
      reads=("punctuation",))
def repeated_punctuation(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Finds 点号 (， 。 、 ； ： ？ ！) typed twice (，， 。。 、、 ；；) and two
    different ones in a row (，。 、， ：。 ；。 ，、), in either width: the ASCII
    , ; : ? ! count where they are Chinese punctuation (see
    punctuation-width), and a . right after one of them (,.). Also a
    quotation that ends with 。 followed by another 点号 (“……。”，).

    Left alone, as GB/T 15834 allows them: …… and ——, repeated or combined
    question and exclamation marks (？！ ！？ ！！), and a closing quote or
    bracket after an end mark (。” 。） ！”). Three or more 。 are taken for
    a mistyped ellipsis. A ? that stands for a character a capture lost is
    no 点号 (二期、?水灌区, 进入前1?。: punctuation-width reports those).

    ## Why it matters
    A doubled mark is a typing slip; two different marks in a row are left
    behind when a sentence was edited (a clause cut after its comma, a
    full stop added before a comma). When a quotation is part of the
    sentence around it, its final 。 goes (“……”，), GB/T 15834.

    ## Example
    Bad:
        全面落实中央经济工作会议精神，，完整准确全面贯彻新发展理念。
    Good:
        全面落实中央经济工作会议精神，完整准确全面贯彻新发展理念。

    The fix for a doubled mark deletes the copy and is safe. For a clash it
    keeps the mark with the longest pause (。 over ； over ： over ， over 、)
    and is unsafe: which mark the writer meant is a judgment. A mistyped
    ellipsis becomes …… (unsafe).

    ## Options
    None.
    """
    ascii_marks: dict[int, set[int]] = defaultdict(set)  # paragraph index -> offsets
    for stray in strays(doc):
        if stray.kind in ",;:?!":  # not a lost character (前1?。 is 前1‱。)
            ascii_marks[stray.paragraph.index].add(stray.start)
    for paragraph in prose(doc):
        counted = ascii_marks.get(paragraph.index, set())
        yield from _runs(paragraph, counted)
        yield from _stops_in_quotes(paragraph, counted)


def _full(char: str) -> str:
    return "。" if char == "." else FULL_WIDTH.get(char, char)


def _runs(paragraph: Paragraph, counted: set[int]) -> Iterator[Violation]:
    text = paragraph.text
    for match in _RUN.finditer(text):
        marks = [at for at in range(match.start(), match.end()) if text[at] not in ",;:?!." or at in counted]
        if any(not text[at].isascii() or at in counted for at in marks):
            marks += [at for at in range(match.start(), match.end()) if _lone_dot(text, at)]
        for run in _contiguous(sorted(marks)):
            if len(run) >= 2:
                violation = _judge(paragraph, run)
                if violation:
                    yield violation


def _lone_dot(text: str, at: int) -> bool:
    """A . that ends a Chinese sentence (,. after 发展), not one of ... or of 1. / v1.0."""
    if text[at] != ".":
        return False
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    return "." not in (before, after) and not (before.isascii() and before.isalnum()) and not (
        after.isascii() and after.isalnum())


def _contiguous(offsets: list[int]) -> Iterator[list[int]]:
    run: list[int] = []
    for at in offsets:
        if run and at != run[-1] + 1:
            yield run
            run = []
        run.append(at)
    if run:
        yield run


def _judge(paragraph: Paragraph, run: list[int]) -> Violation | None:
    text = paragraph.text
    chars = [text[at] for at in run]
    marks = [_full(c) for c in chars]
    shown = "".join(chars)
    span = paragraph.span(run[0], run[-1] + 1)
    if set(marks) <= _EMPHASIS:
        return None
    if len(set(marks)) == 1:
        if marks[0] == "。" and len(run) >= 3:
            fix = Fix((Edit(span, ELLIPSIS),), "unsafe", "改为省略号")
            return Violation(span, f"“{shown}”疑为省略号，应为“{ELLIPSIS}”", fix=fix)
        # keep a full-width copy if there is one: the width is punctuation-width's business
        keep = next((at for at in run if not text[at].isascii()), run[0])
        return Violation(span, f"点号“{shown}”重复", fix=_delete_all_but(paragraph, run, keep, "safe"))
    keep = max(run, key=lambda at: (_WEIGHT[_full(text[at])], -at))
    return Violation(span, f"点号“{shown}”连用，应只保留一个",
                     fix=_delete_all_but(paragraph, run, keep, "unsafe"))


def _delete_all_but(paragraph: Paragraph, run: list[int], keep: int, applicability: str) -> Fix:
    # one edit per mark: markup between them (，**，**) stays
    edits = tuple(Edit(paragraph.span(at, at + 1), "") for at in run if at != keep)
    return Fix(edits, applicability, f"保留“{paragraph.text[keep]}”")  # type: ignore[arg-type]


def _stops_in_quotes(paragraph: Paragraph, counted: set[int]) -> Iterator[Violation]:
    text = paragraph.text
    for match in _STOP_IN_QUOTE.finditer(text):
        after = match.start(2)
        if text[after].isascii() and after not in counted:
            continue
        span = paragraph.span(match.start(), match.end())
        if _full(text[after]) == "。":
            fix = Fix((Edit(paragraph.span(after, after + 1), ""),), "unsafe", "删去引号外的句号")
            yield Violation(span, f"“{match.group()}”：引号内外都有句号", fix=fix)
        else:
            fix = Fix((Edit(paragraph.span(match.start(), match.start() + 1), ""),), "unsafe", "删去引号内的句号")
            yield Violation(span, f"“{match.group()}”：引语作句子成分时，引号内不用句号", fix=fix)
