"""RL102 layout-artifact: newspaper, print and web-page leftovers in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Edit, Fix, Related, Violation, rule
from ..text.artifacts import (
    CONTINUATION,
    DOT_DECIMAL,
    MISSING_CHARACTER,
    PHOTO_CAPTION,
    SUBSCRIPT_MARKUP,
    continuation_markers,
    is_newspaper_furniture,
    is_print_artifact,
    photo_credit,
    picture_source,
    running_headers,
    web_chrome_flags,
)
from ..text.document import Document, Paragraph, Span
from ..text.lazy_regex import LazyPattern

# The caption above a credit: one or two sentences of a few dozen characters
# (殷勇同志作政府工作报告。); a longer text is a body paragraph the credit ran into.
_CAPTION_LENGTH = 100
_CAPTION_SENTENCES = 3
#: how much of a long leftover a message quotes
_SHOWN = 30
_SENTENCE_END = LazyPattern(r"[。！？!?]")


@dataclass(frozen=True)
class Options:
    """The options of layout-artifact (RL102)."""

    #: a short line seen this many times is a running page header or footer
    header_repeats: int = field(default=3, metadata={"min": 2})


@rule(code="RL102", name="layout-artifact", severity="warning", summary="报纸、打印或网页排版残留",
      rationale="文稿常由往年报告的见报稿、印刷稿、网页稿拼成，这些排版残留不属于正文，印出来十分显眼。",
      options=Options, fixable="always", fix_kinds=("unsafe",))
def layout_artifact(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds what a newspaper, a printed page or a web page left in the text:
    continuation markers (上接第3版, 下转第二版, （接第1版）), page numbers
    (— 12 —, -3-, 第3页 共10页), a running header or footer repeated through
    the text, the chrome of a copied web page (您的位置：首页 > …, 【字体：大
    中 小】, 打印 / 关闭 / 分享: lines, 来源：××日报, time stamps, and the site's
    name or a bare date beside them: 鹤阳新闻网　2026-01-13 08:46　来源：鹤阳日报) and newspaper
    photo credits (本报记者 ××摄). Consecutive web-page lines are reported
    together as one finding, a metadata label with the value the page set on
    the next line (来源： / 四川日报), and a page's list of linked items (an id
    line and the item's title). A photo's caption with its credit
    (殷勇同志作政府工作报告。本报记者 戴冰摄) is reported and deleted whole;
    a credit that ran into a body paragraph, alone; so are a caption on a
    paragraph of its own (图为会议现场。, ▲ 上图：…) and a picture's source
    (（图片来源：岚川日报）, 市委宣传部供图). A caption right under its image in a
    Markdown draft (![会议现场](…)) is the draft's own, and stays.

    Marks that an archive page or a markup language left inside the text are
    reported too: a character the page's font lacked, written as its reading
    and a note number (栾ｆú＠①, with the page's 字库未存字注释 lines), which
    only the writer can mend; a middle dot used as a decimal point (增长19·5％
    → 19.5％); a subscript's markup (PM_2.5, PM_{2.5}, CO_2, PM<sub>10</sub> →
    PM2.5).

    It deliberately does not report:
    - dates, signatures and sources of data that belong to the document:
      “2026年1月20日”, “省长 王予波”, “数据来源：国家统计局”, and a notice's or a
      press conference's own time (“发布时间：2025年6月18日10:00” / “发布地点：…”);
    - a line that recurs fewer than `header-repeats` times, or one with
      punctuation (“各位代表！”, “各位代表：”), or a point's lead (“一是”), or marks
      only (“……” for the items an excerpt leaves out), or the dated note under
      each title of a compilation (“（2025年1月17日…会议通过）”), or the issuer and date
      under each title of a numbered series (“主要数据公报（第二号）” / “…统计局”);
    - a line that recurs inside its sentences, as a wiki link set apart does
      (“《” / “纲要（草案）” / “》提出，……”): the text names it again;
    - words of a sentence that look like a marker: “转第三产业发展”, “第3页
      所列项目全部完工”, “经验分享：坚持问题导向……”;
    - a date set with the 间隔号 (“7·19”特大暴雨, 6·26国际禁毒日), which no
      percent or magnitude follows; names in code (get_data_2, file_2.5).

    ## Why it matters
    Drafts are often assembled from the published versions of earlier
    reports; these leftovers are not part of the document and are
    embarrassing in print.

    ## Example
    Bad:
        上接第3版

        （五）构建安全发展新格局。……
    Good:
        （五）构建安全发展新格局。……

    The (unsafe) fix deletes the leftover.

    ## Options
    - `header-repeats` (3): how many times a short line without punctuation
      must appear before it counts as a running header or footer (at least 2).
    """
    chrome_run: list[Paragraph] = []
    repeated = _repeated_lines(doc, opts.header_repeats)
    chrome = web_chrome_flags([p.text for p in doc.paragraphs], [p.kind for p in doc.paragraphs])
    for paragraph, is_chrome in zip(doc.paragraphs, chrome):
        if is_chrome:
            chrome_run.append(paragraph)
            continue
        if chrome_run:
            yield _chrome_violation(doc, chrome_run)
            chrome_run = []
        yield from _inline_artifacts(doc, paragraph, repeated)
    if chrome_run:
        yield _chrome_violation(doc, chrome_run)


def _inline_artifacts(doc: Document, paragraph: Paragraph, repeated: dict[str, list[Paragraph]]) -> Iterator[Violation]:
    text = paragraph.text
    stripped = text.strip()
    if is_print_artifact(stripped):
        what = "报纸转版标记" if CONTINUATION.fullmatch(stripped) else "页码"
        yield Violation(paragraph.span(), f"{what}“{stripped}”是排版残留，不属于正文",
                        fix=_delete_paragraphs(doc, [paragraph]))
        return
    for match in continuation_markers(text):
        bracketed = match.group().startswith(("（", "(")) and match.group().endswith(("）", ")"))
        at_edge = match.start() == 0 or match.end() == len(text.rstrip())
        if bracketed or at_edge:
            span = paragraph.span(match.start(), match.end())
            yield Violation(span, f"报纸转版标记“{match.group().strip()}”是排版残留，不属于正文",
                            fix=Fix((Edit(span, ""),), "unsafe", "删除转版标记"))
    credit = photo_credit(text.rstrip()) or picture_source(text.rstrip())
    if credit and not _under_an_image(doc, paragraph):
        yield _photo_credit_violation(doc, paragraph, credit)
    elif PHOTO_CAPTION.match(stripped) and _is_photo_caption(stripped) and not _under_an_image(doc, paragraph):
        yield Violation(paragraph.span(), f"图片说明“{_shown(stripped)}”是报纸或网页版面残留：文中没有它说明的图片",
                        fix=_delete_paragraphs(doc, [paragraph]))
    yield from _leftover_marks(paragraph)
    copies = repeated.get(stripped)
    if copies and any(copy is paragraph for copy in copies):  # the title it repeats is not one of them
        first = copies[0]
        related = () if first is paragraph else (Related(first.span(), "第一次出现"),)
        yield Violation(paragraph.span(), f"“{stripped}”在文中重复出现{len(copies)}次，疑为页眉或页脚残留",
                        related=related, fix=_delete_paragraphs(doc, [paragraph]))


def _leftover_marks(paragraph: Paragraph) -> Iterator[Violation]:
    """Marks an archive page or a markup language left inside the text: a lacking character's
    note number (栾ｆú＠①), a middle dot for a decimal point (19·5％), a subscript's markup
    (PM_2.5)."""
    text = paragraph.text
    if "＠" in text or "@" in text:
        for match in MISSING_CHARACTER.finditer(text):
            yield Violation(paragraph.span(match.start(), match.end()),
                            f"缺字标记“{match.group()}”：网页字库未存此字，以注音和注释编号代替（“字库未存字注释”），应补上原字")
    if "·" in text:
        for match in DOT_DECIMAL.finditer(text):
            dot = paragraph.span(match.start("dot"), match.end("dot"))
            right = match.group().replace("·", ".")
            yield Violation(paragraph.span(match.start(), match.end()),
                            f"“{match.group()}”用间隔号“·”作小数点，应为“{right}”",
                            fix=Fix((Edit(dot, "."),), "unsafe", f"改为“{right}”"))
    if "_" in text or "<sub>" in text:
        for match in SUBSCRIPT_MARKUP.finditer(text):
            right = match.group("symbol") + (match.group("braced") or match.group("bare") or match.group("tagged"))
            span = paragraph.span(match.start(), match.end())
            yield Violation(span, f"下标的排版标记“{match.group()}”留在了正文中，应为“{right}”",
                            fix=Fix((Edit(span, right),), "unsafe", f"改为“{right}”"))


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _photo_credit_violation(doc: Document, paragraph: Paragraph, credit: re.Match[str]) -> Violation:
    """The credit, and with it the caption when the paragraph is nothing else:
    deleting only 本报记者 戴冰摄 would leave the photo's caption in the body."""
    caption = paragraph.text[: credit.start()].strip()
    if caption and _is_photo_caption(caption):
        return Violation(paragraph.span(), f"图片说明“{caption}”及署名“{credit.group().strip()}”是报纸版面残留，不属于正文",
                         fix=_delete_paragraphs(doc, [paragraph]))
    if not caption:
        return Violation(paragraph.span(), f"图片署名“{credit.group().strip()}”是报纸版面残留，不属于正文",
                         fix=_delete_paragraphs(doc, [paragraph]))
    span = paragraph.span(credit.start(), credit.end())
    return Violation(span, f"图片署名“{credit.group()}”是报纸版面残留，不属于正文",
                     fix=Fix((Edit(span, ""),), "unsafe", "删除图片署名"))


_IMAGE_LINE = LazyPattern(r"\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)\s*")


def _under_an_image(doc: Document, paragraph: Paragraph) -> bool:
    """A caption and credit right under the image they describe, in a Markdown draft that
    keeps its pictures (![会议现场](…)): the draft's own caption, not what a newspaper's lost
    photo left behind."""
    if not doc.markdown:
        return False
    above = doc.source[: paragraph.span().start].rstrip()
    return _IMAGE_LINE.fullmatch(above[above.rfind("\n") + 1 :]) is not None


def _is_photo_caption(text: str) -> bool:
    return len(text) <= _CAPTION_LENGTH and len(_SENTENCE_END.findall(text)) < _CAPTION_SENTENCES


def _repeated_lines(doc: Document, times: int) -> dict[str, list[Paragraph]]:
    """Running page headers or footers: short lines without punctuation that recur."""
    eligible = [p.kind in ("text", "meta", "title", "artifact") for p in doc.paragraphs]
    texts = [p.text for p in doc.paragraphs]
    return {
        text: [doc.paragraphs[i] for i in copies] for text, copies in running_headers(texts, times, eligible).items()
    }


def _chrome_violation(doc: Document, run: list[Paragraph]) -> Violation:
    shown = _shown(" ".join(p.text.strip() for p in run))
    span = Span(run[0].span().start, run[-1].span().end)
    lines = doc.lines.position(span.end)[0] - doc.lines.position(span.start)[0] + 1
    where = f"（共{len(run)}段，{lines}行）" if len(run) > 1 else ""
    if all(is_newspaper_furniture(p.text) for p in run):
        return Violation(span, f"报纸版面残留“{shown}”{where}：报头、版面责编等不属于正文", fix=_delete_paragraphs(doc, run))
    return Violation(span, f"网页残留“{shown}”{where}：复制网页时带入的导航、工具栏或来源信息，不属于正文",
                     fix=_delete_paragraphs(doc, run))


def _delete_paragraphs(doc: Document, run: list[Paragraph]) -> Fix:
    """Delete whole lines, up to the next paragraph, so no blank lines pile up."""
    start = doc.source.rfind("\n", 0, run[0].span().start) + 1
    last = run[-1].index
    if last + 1 < len(doc.paragraphs):
        following = doc.paragraphs[last + 1].span().start
        end = doc.source.rfind("\n", 0, following) + 1
    else:
        end = len(doc.source)
    return Fix((Edit(Span(start, max(end, run[-1].span().end)), ""),), "unsafe", "删除排版残留")
