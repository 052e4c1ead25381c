"""Lines that are not part of the document: what a newspaper page, a printed
page or a copied web page left behind. The structure recogniser marks them as
paragraphs of kind "artifact" (so no rule reads them as prose); the
layout-artifact rule reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from .lazy_regex import LazyPattern
from .table_rows import table_row_cells

_NUMERAL = r"[0-9０-９一二三四五六七八九十〇零]{1,3}"
# 上接第3版 / 下转第二版 / （紧接第一版）: a newspaper continuation marker.
CONTINUATION = LazyPattern(rf"[（(]?\s*(?:上接|下转|紧接|续接|接|转)\s*第?\s*{_NUMERAL}\s*版\s*[）)]?")
PAGE_NUMBER = LazyPattern(
    r"[—–\-－]\s*[0-9０-９]{1,4}\s*[—–\-－]"
    r"|第\s*[0-9０-９]{1,4}\s*页(?:\s*[，,/、]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|共\s*[0-9０-９]{1,4}\s*页\s*[，,/]?\s*第\s*[0-9０-９]{1,4}\s*页"
    r"|[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?"
)
_CHROME_WORDS = {
    "打印", "关闭", "分享", "下载", "全屏", "收藏", "打印本页", "关闭窗口", "返回顶部", "返回", "首页",
    "扫一扫", "分享到", "分享到微信", "分享到微博", "微信", "微博", "大", "中", "小", "加大", "还原",
    "减小", "默认", "】", "【", ">", "|", "×", "相关报道", "相关链接", "相关文档", "延伸阅读", "字号",
    "字体", "在手机上阅读", "打印文章", "纠错", "【打印】", "【关闭】", "【收藏】",
    "QQ空间", "QQ", "朋友圈", "我要纠错", "相关阅读",
    # a site's footer links (网站地图 | 联系我们 | 隐私声明 | 无障碍浏览)
    "网站地图", "联系我们", "隐私声明", "无障碍浏览", "关于我们", "网站声明", "使用帮助",
}
# The credit line of a newspaper photo: 本报记者 戴冰摄, （新华社记者 李学仁 摄）.
PHOTO_CREDIT = LazyPattern(
    r"(?:^|(?<=[\s。！？!?]))[（(]?(?:本报记者|新华社记者|本报通讯员|记者|通讯员)\s*[：:]?\s*"
    r"[\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4})*\s*摄[）)]?$"
)
# Where a photo's picture came from, said under it: （图片来源：新华社）, 市委宣传部供图, 图/岚川发布.
PICTURE_SOURCE = LazyPattern(
    r"(?:^|(?<=[\s。！？!?]))(?:[（(]?(?:图片来源|图片提供)\s*[：:]\s*[^（）()。！？\s]{2,20}[）)]?"
    r"|[（(]?[\u4e00-\u9fff]{2,12}供图[）)]?|图\s*/\s*[\u4e00-\u9fff]{2,12})$"
)
# A photo's caption on a paragraph of its own: 图为会议现场。 / ▲ 上图：…
PHOTO_CAPTION = LazyPattern(r"[▲△]?\s*(?:图为|[上下左右]图\s*[为：:])")
# A character the site's font lacked, given by its reading and the number of a note (栾ｆú＠①): the
# note itself (字库未存字注释：＠①原字为…) is left behind at the page's end, or lost.
MISSING_CHARACTER = LazyPattern(
    r"[A-Za-zＡ-Ｚａ-ｚāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{0,8}[＠@][①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"
)
# A decimal point set as a middle dot (增长19·5％), as old typeset pages have it; a date's 间隔号
# (“7·19”事件, 6·26国际禁毒日) is followed by no percent or magnitude.
DOT_DECIMAL = LazyPattern(r"(?<![\d.·])\d+(?P<dot>·)\d+(?=\s*(?:[%％‰]|万|亿|倍|个百分点))")
# A subscript's markup left in the text: PM_2.5, PM_{2.5}, CO_2, PM<sub>2.5</sub>.
SUBSCRIPT_MARKUP = LazyPattern(
    r"(?<![A-Za-z0-9_])(?P<symbol>[A-Z][A-Za-z]{0,3})"
    r"(?:_\{(?P<braced>[0-9.]+|x)\}|_(?P<bare>[0-9.]*[0-9]|x)(?![A-Za-z0-9_])|<sub>(?P<tagged>[0-9.]+|x)</sub>)"
)
# A newspaper's page: its masthead (岚川日报　2026年1月23日　星期五) and the page editor (（本版责编：周婉清）)
_NEWSPAPER = (r"\S{2,10}(?:日报|晚报|时报)[\s\u3000]+\d{4}年\d{1,2}月\d{1,2}日(?:[\s\u3000]+星期[一二三四五六日天])?"
              r"|[（(]?(?:本版)?责编\s*[:：][^（）()]{1,12}[）)]?")
_CHROME_LINE = LazyPattern(
    r"(?:您的位置|当前位置|所在位置)[:：].{0,60}"
    r"|【?\s*字[体号]\s*[:：]\s*(?:[大中小]|加大|还原|减小|默认|\s)*】?"
    r"|[（(]?(?:来源|稿源|信息来源)\s*[:：]\s*\S{0,20}(?:报|网|社|台|客户端|频道)[）)]?"
    # a time stamp: labelled (时间：2026-02-02) or with the time of day; a bare date may be the document's own
    r"|(?:发布|发表)?(?:时间|日期)\s*[:：]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|信息来源\s*[:：]\s*[^\s。，；！？]{2,20}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[时:：]\d{2}分?"
    r"|(?:责任编辑|编辑|作者|浏览次数|点击数|阅读量|访问量)\s*[:：].{0,20}"
    r"|(?:相关报道|相关链接|相关文档|相关附件|相关新闻|相关阅读|延伸阅读|分享到)\s*(?:[:：]|>>|》》)?"
    r"|扫一扫.{0,12}"
    # the identifier of a linked item in a page's list (e4c29f31c6964493a14c4ddf6b160169:)
    r"|[0-9a-f]{16,}\s*[:：]?"
    r"|[》>]*\s*点击(?:图片|这里|此处)?(?:进入|查看|阅读).{0,12}?\s*[《<]*"
    # an archive page's note on the characters its font lacked (字库未存字注释： / ＠①原字为：艹弗)
    r"|字库未存字注释\s*[:：]?.{0,40}"
    r"|[＠@][①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*(?:原字|为|[:：]).{0,30}"
    # the links to the page before and after (上一篇：…的通报), a bare breadcrumb (首页 > 政务公开 > …)
    r"|(?:上一篇|下一篇)\s*[:：].{1,80}"
    r"|首页\s*[>＞›»](?:\s*[^>＞›»\s][^>＞›»]{0,20}[>＞›»]?)+"
    # a newspaper's page: its masthead and the page editor (see _NEWSPAPER)
    r"|" + _NEWSPAPER
)
#: a word of a line of widgets, between spaces, bars, slashes and enumeration commas
_CHROME_WORD = LazyPattern(r"[^\s|｜/、]+")


# The label of a page's metadata whose value the page set on the next line (来源： / 四川日报).
_CHROME_LABEL = LazyPattern(
    # (not 时间： / 日期： / 作者： alone: a notice sets its own time and place so)
    r"(?:来源|稿源|信息来源|(?:发布|发表)(?:时间|日期)|责任编辑|编辑|阅读量|浏览次数|点击数|访问量)\s*[:：]"
    r"|[0-9a-f]{16,}\s*[:：]"
)


def is_chrome_label(text: str) -> bool:
    """A page's metadata label left without its value: the next short line holds it."""
    return bool(_CHROME_LABEL.fullmatch(text.strip()))


# A page's footer: who runs the site and its registration numbers (网站标识码, 闽ICP备…, 公网安备…).
_FOOTER_ITEM = LazyPattern(
    r"(?:主办|承办|协办)(?:单位)?\s*[:：].{1,30}|网站标识码\s*[:：]?\s*\w+|\S{0,8}ICP备\S*|\S{0,10}公网安备\S*"
    r"|版权所有\s*[:：©]?.{1,30}"
)
# A news site's or paper's name, or a bare date, on a line of page metadata (汾川在线, 青泽日报客户端)
_SITE_OR_DATE = LazyPattern(r"[\u4e00-\u9fffA-Za-z]{2,12}(?:网|日报|晚报|时报|客户端|在线|融媒)|\d{4}年\d{1,2}月\d{1,2}日")
# Items of chrome that share one line, set apart by wide spaces or bars:
# 【字体：大 中 小】　【打印本页】　【关闭窗口】, 来源：石川日报　　发布时间：2026-02-06 09:30　　浏览次数：
_ITEM_GAP = LazyPattern(r"\u3000+|\s{2,}|\s*[|｜]\s*|(?<=】)(?=【)")  # 【打印本页】【关闭窗口】 side by side too


# What every gap above holds: a paragraph with none is one item, and is not split at all (the
# split's alternatives are tried at every character: a fifth of reading a report was spent so)
_GAP_MARK = LazyPattern(r"[\s|｜]")


def _chrome_items(text: str) -> bool:
    if _GAP_MARK.search(text) is None and "】【" not in text:
        return False
    items = _bracketed_whole([item.strip() for item in _ITEM_GAP.split(text) if item.strip()])
    if len(items) < 2:
        return False
    footer = sum(bool(_FOOTER_ITEM.fullmatch(item)) for item in items)
    chrome = [_chrome_item(item) for item in items]
    # 北原新闻网　2026-01-24 07:30　来源：北原日报: the site's name and the bare date stand beside
    # the page's time stamp or source, which alone make the line chrome
    if not any(chrome) or not all(is_chrome or _SITE_OR_DATE.fullmatch(item) for is_chrome, item in zip(chrome, items)):
        return False
    # a footer line is web chrome when it names the site's registration, not only its sponsor
    return (footer == 0 or any(
        "ICP" in item or "公网安备" in item or "网站标识码" in item for item in items))


def _bracketed_whole(items: list[str]) -> list[str]:
    """【字体：大　中　小】 split at its inner spaces: joined again into one item."""
    joined: list[str] = []
    for item in items:
        if joined and joined[-1].count("【") > joined[-1].count("】"):
            joined[-1] += "\u3000" + item
        else:
            joined.append(item)
    return joined


def _chrome_item(item: str) -> bool:
    inner = item[1:-1].strip() if item.startswith("【") and item.endswith("】") else item
    label, colon, value = inner.partition("：") if "：" in inner else inner.partition(":")
    if colon and label in _CHROME_WORDS and value in _CHROME_WORDS:
        return True  # 分享到：微信
    if colon and _CHROME_LABEL.fullmatch(label + colon) and len(value) <= 20:
        return True  # 来源：白鹭市人民政府办公室 beside 发布时间：… on one line
    return bool(inner) and (is_web_chrome(inner) or _FOOTER_ITEM.fullmatch(inner) is not None)


# Each search below is made only where the text holds the literal every match holds: the patterns
# are tried at every character of a paragraph (the marker at every 接 and 转 of prose), and
# searching all of every paragraph for them was a third of layout-artifact's time.


def continuation_markers(text: str) -> Iterator[re.Match[str]]:
    """Each newspaper continuation marker in *text* (上接第3版), in order; every one holds 版."""
    return CONTINUATION.finditer(text) if "版" in text else iter(())


def photo_credit(text: str) -> re.Match[str] | None:
    """The photo credit that ends *text* (stripped at its end); every one ends in 摄."""
    return PHOTO_CREDIT.search(text) if text.endswith(("摄", "摄）", "摄)")) else None


def picture_source(text: str) -> re.Match[str] | None:
    """The picture's source that ends *text* (stripped at its end); every one names a 图."""
    return PICTURE_SOURCE.search(text) if "图" in text else None


def is_newspaper_furniture(text: str) -> bool:
    """A newspaper page's masthead or page editor line, copied with the report."""
    return re.fullmatch(_NEWSPAPER, text.strip()) is not None


def is_web_chrome(text: str) -> bool:
    """A whole paragraph that is navigation, a toolbar or page metadata."""
    text = text.strip()
    if _CHROME_LINE.fullmatch(text) or _CHROME_LABEL.fullmatch(text):
        return True
    if _chrome_items(text):
        return True
    return _all_chrome_words(text) or text in _CHROME_WORDS


def _all_chrome_words(text: str) -> bool:
    """Whether *text* is chrome words alone, at least one, between spaces, bars, slashes and
    enumeration commas; a widget's label keeps its colon, half or full width (分享: / 字体：).
    Word by word: a paragraph of prose is told at its first word, not split whole (splitting
    every line took a third of reading a report)."""
    found = False
    for match in _CHROME_WORD.finditer(text):
        word = match.group()
        if (word.rstrip(":：") or word) not in _CHROME_WORDS:
            return False
        found = True
    return found


_VALUE_END = LazyPattern(r"[。！？!?；;]")


def web_chrome_flags(texts: list[str], kinds: list[str]) -> list[bool]:
    """Which paragraphs are a copied web page's chrome, read in context: a chrome line
    (an "artifact" paragraph), and the lines a breadcrumb or a label puts after it —
    a breadcrumb's items (您的位置: / 首页 / > / 云南要闻), a label's value (来源： /
    四川日报, 责任编辑： / 李莎莎) and a linked item's title after its id line."""
    flags = []
    after_arrow = after_label = in_links = False
    for text, kind in zip(texts, kinds):
        text = text.strip()
        chrome = kind == "artifact" and is_web_chrome(text)
        if not chrome and (after_arrow and len(text) <= 12 and not SENTENCE_MARKS.search(text)
                           or (after_label or in_links) and len(text) <= 40 and not _VALUE_END.search(text)):
            chrome = True  # a label's value, or the title of one item of a page's list of links
        after_arrow = chrome and text in (">", "＞")
        after_label = chrome and is_chrome_label(text)
        # 相关链接： / 相关阅读：, then the titles of the linked pages, a line each, to the next text
        in_links = chrome and (in_links or _LINK_LIST.fullmatch(text) is not None)
        flags.append(chrome)
    _keep_printed_columns(texts, flags)
    return flags


# The lead of a news report: 本报讯（记者…）, 本报北京3月5日电, 新华社北京3月5日电, 记者…报道
_DATELINE = LazyPattern(r"(?:本报讯|本报[^，。]{0,12}[讯电]|新华社[^，。]{0,12}电|[^，。]{0,6}记者[^，。]{0,20}报道)")


def _keep_printed_columns(texts: list[str], flags: list[bool]) -> None:
    """相关新闻 / 我市发布春耕生产技术指导意见 / 本报讯（记者…）…: a label over a headline whose
    report follows is a newspaper's column, not a page's list of links; it is text."""
    for index, text in enumerate(texts):
        if not (flags[index] and _LINK_LIST.fullmatch(text.strip())):
            continue
        end = index + 1
        while end < len(texts) and (flags[end] or not texts[end].strip()) and not _LINK_LIST.fullmatch(texts[end].strip()):
            end += 1
        following = texts[end].strip() if end < len(texts) else ""
        prose_box = not any(flags[index + 1 : end]) and len(following) > _BOX_PROSE and SENTENCE_MARKS.search(following)
        if following and (_DATELINE.match(following) or prose_box):
            # …or 相关链接 over a paragraph of prose: the box of an article, not a list of pages
            for inside in range(index, end):
                flags[inside] = False


_LINK_LIST = LazyPattern(r"(?:相关报道|相关链接|相关文档|相关新闻|相关阅读|延伸阅读)\s*(?:[:：]|>>|》》)?")
_BOX_PROSE = 40  # characters of a paragraph of prose, longer than any page's title


def is_print_artifact(text: str) -> bool:
    """A whole paragraph that is a newspaper continuation marker or a page number."""
    text = text.strip()
    return bool(CONTINUATION.fullmatch(text) or PAGE_NUMBER.fullmatch(text))


def is_artifact(text: str) -> bool:
    answers = _answers  # once: another thread's read may end meanwhile
    if answers is None:
        return is_web_chrome(text) or is_print_artifact(text)
    found = answers.get(text)
    if found is None:
        found = answers[text] = is_web_chrome(text) or is_print_artifact(text)
    return found


# is_artifact's answers while a text is read (parse.parse_text): its passes ask of each line
# three times (the soft wrap, the hard wrap, the paragraph's kind), and of a running header
# on every page; the 20 reports in one file ask 6,075 times of 1,922 lines (25 of 54 ms). Kept
# for one read only: a large report's lines would be held for the rest of the run.
_answers: dict[str, bool] | None = None


@contextmanager
def answers_kept() -> Iterator[None]:
    """Within it, is_artifact answers each text once."""
    global _answers
    _answers = {}
    try:
        yield
    finally:
        _answers = None


SENTENCE_MARKS = LazyPattern(r"[。！？；，,!?;]")
RUNNING_HEADER_REPEATS = 3


# The number of one document of a series on a line of its own: （第2号）, 第3号
_SERIES_NUMBER = LazyPattern(r"[（(]?第[0-9０-９一二三四五六七八九十]+号[）)]?")
# A header line ends no clause: 各位代表： introduces what follows, it is no header.
HEADER_MARKS = LazyPattern(r"[。！？；，,!?;：:、]")
# 一是 / 二要: the lead of a point recurs in every enumeration; it is no header either.
_ORDINAL_LEAD = LazyPattern(r"[一二三四五六七八九十]{1,3}(?:是|要)要?")
# A line glued into a sentence: the line above leaves a mark open, or the one below
# starts with a mark that closes or continues (《 / 纲要（草案） / 》提出…).
_OPENS = "《“‘（(【「『，、"
_CONTINUES = "，。、；：？！,;:?!”’》）)】」』"


# （盖章）　　年　　月　　日: a form's line for a seal and a date, under each box that needs one.
_BLANK_DATE = LazyPattern(r"年[\s\u3000_]+月[\s\u3000_]+日")
# 上午 / 下午 above a timetable's sessions, day after day: the schedule's own labels.
_PART_OF_DAY = LazyPattern(r"[上下中]午|晚上|早上|全天|上半天|下半天")
_PAGE_REACH = 2


# A title that ends with its number in a series: 主要数据公报（第二号）
_TITLE_NUMBER = LazyPattern(r"[（(]第[0-9０-９一二三四五六七八九十]+号[）)]$")
_TITLE_LENGTH = 60


def _numbered_title(text: str) -> bool:
    # (a short line only: searching every long paragraph for its end would cost its length squared)
    return 4 < len(text) <= _TITLE_LENGTH and _TITLE_NUMBER.search(text, max(0, len(text) - 8)) is not None


# A header names something: a line of marks only (……, the items an excerpt leaves out) is none.
_WORD_CHARACTER = LazyPattern(r"[\u4e00-\u9fffA-Za-z0-9０-９]")
# The dated note under each document's title (（2025年1月17日…第四次会议通过）): a compilation of
# documents adopted together repeats it under every title
_DATED_NOTE = LazyPattern(r"[（(][^（）()]*(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})\s*年[^（）()]*[）)]")


def running_headers(texts: list[str], times: int = RUNNING_HEADER_REPEATS,
                    eligible: list[bool] | None = None) -> dict[str, list[int]]:
    """Short lines without punctuation that recur *times* or more (a page header
    or footer repeated on every page): text -> indexes of its copies.

    *texts* are the document's paragraphs in order; *eligible* says which may be
    headers (all by default). A line that is mostly glued into its sentence (a wiki
    link set apart: 《 / 纲要（草案） / 》…) recurs because the text names it again,
    not because a page repeats it.
    """
    seen: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        text = text.strip()
        if eligible is not None and not eligible[index]:
            continue
        if (2 <= len(text) <= 40 and not HEADER_MARKS.search(text) and not _ORDINAL_LEAD.fullmatch(text)
                and not is_artifact(text) and not _BLANK_DATE.search(text) and not _PART_OF_DAY.fullmatch(text)
                and _WORD_CHARACTER.search(text) and not _DATED_NOTE.fullmatch(text)):
            seen.setdefault(text, []).append(index)
    first = next((index for index, text in enumerate(texts) if text.strip()), None)
    # A file of numbered documents issued together (公告（第1号）…（第5号）) restates each one's
    # title, signature and date: lines that recur no more often than the documents are no header.
    documents = sum(1 for text in texts if _SERIES_NUMBER.fullmatch(text.strip()) or _numbered_title(text.strip()))
    headers = {}
    for text, copies in seen.items():
        # A header that alternates with another (odd and even pages) may stand only twice:
        # then each copy stands beside a page number.
        paged = len(copies) >= 2 and all(_beside_page_number(texts, index) for index in copies)
        if (len(copies) < times and not paged) or 2 * sum(_glued(texts, index) for index in copies) >= len(copies):
            continue
        if documents >= 2 and len(copies) <= documents:
            continue
        if 2 * sum(_heads_a_table(texts, index) for index in copies) >= len(copies):
            continue  # 序号　课题名称　负责人　所在单位: the header row each table of a list repeats
        # A header stands once a page: copies with nothing between them (工作 / 工作 / 工作)
        # are the text itself, and deleting them all would empty it.
        if any(later - earlier < 2 for earlier, later in zip(copies, copies[1:])):
            continue
        # The document's first line may be its title, which the header repeats on the pages
        # after it: it is never taken for a header copy (deleting it would lose the title).
        # Where the pages are numbered, a header stands beside the page number: a copy far from
        # every page break (临政规〔2024〕3号 under the cover's red header) is the line itself.
        beside = [index for index in copies if _beside_page_number(texts, index)]
        kept = beside if len(beside) >= 2 else copies
        headers[text] = [index for index in kept if index != first]
    return headers


def _beside_page_number(texts: list[str], index: int) -> bool:
    """Whether a page number (— 3 —, - 3 -) stands within two lines of *index*."""
    near = texts[max(0, index - _PAGE_REACH) : index] + texts[index + 1 : index + 1 + _PAGE_REACH]
    return any(PAGE_NUMBER.fullmatch(text.strip()) for text in near)


def _heads_a_table(texts: list[str], index: int) -> bool:
    """A row of three cells or more above a row of as many or more: the header of a table set as text."""

    cells = table_row_cells(texts[index])
    following = next((text for text in texts[index + 1 :] if text.strip()), "")
    # the row below may part a cell in two (值班人员 above 郝立军、单志鹏 is one cell, 童海峰 another)
    return cells >= 3 and table_row_cells(following) >= cells


def _glued(texts: list[str], index: int) -> bool:
    before = texts[index - 1].rstrip() if index > 0 else ""
    after = texts[index + 1].lstrip() if index + 1 < len(texts) else ""
    return bool(before) and before[-1] in _OPENS or bool(after) and after[0] in _CONTINUES
