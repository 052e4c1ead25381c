"""Recognise what a paragraph is: title, heading, body text or metadata.

Rules treat these differently (a heading has no closing punctuation, a date
line is not a sentence), so the recognition lives in one place. It works the
same on Markdown and on plain text, where headings are only recognisable by
their numbering (GB/T 9704: 一、 → （一） → 1. → （1）) and their shape.
"""

from __future__ import annotations

import re

from .artifacts import is_artifact
from .lazy_regex import LazyPattern
from .markdown import RawParagraph

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}

# (level, pattern); the group "n" holds the ordinal.
_NUMBERING = [
    (1, LazyPattern(r"(?P<n>[一二三四五六七八九十百]+)[、．.]")),
    (2, LazyPattern(r"[（(](?P<n>[一二三四五六七八九十百]+)[）)]")),
    # 3. / 3、, and 2.2025年度…名单 or 1.3月，省政府印发… (an item that starts with a year or a
    # month, as lists of events do), not the decimal 2.5
    (3, LazyPattern(r"(?P<n>[0-9０-９]{1,3})(?:[、]|[.．](?:(?![0-9０-９])|(?=[0-9０-９]{4}年)"
                   r"|(?=(?:1[0-2]|[1-9])(?:[—–\-～至到](?:1[0-2]|[1-9]))?月)))")),
    (4, LazyPattern(r"[（(](?P<n>[0-9０-９]{1,3})[）)]")),
    # 第一，… / 第二部分 …: ordinal leads used as sub-headings in older reports
    (0, LazyPattern(r"第(?P<n>[一二三四五六七八九十百]+)(?:[，,、：:]|(?=[章节部分篇]))")),
]

SENTENCE_PUNCTUATION = "。！？；!?;"
_SENTENCE_MARK = LazyPattern(f"[{re.escape(SENTENCE_PUNCTUATION)}]")
# The kinds of official document (GB/T 9704's 公文 and the genres beside them) a title names.
_TITLE_WORDS = LazyPattern(r"报告|规划|纲要|公报|方案|意见|通知|决定|决议|办法|讲话|总结|计划|公告|通告|通报|请示|批复|"
                          r"议案|纪要|命令|预案|细则|条例|规定|章程|要点|实录|复函|安排|日程|议程|手册|名单|指南|须知|"
                          r"简报|推进会|座谈会|大会|论坛")
# 1　总则 / 1.1　编制目的 / 3.2.1 预警分级: the decimal section numbers of 预案, standards and
# technical plans, a number and a short title on a line of their own (one gap: not a table row).
_DECIMAL_HEADING = LazyPattern(r"[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}[ \u3000]+[^\s\u3000]{1,30}")
# 各位代表：, 同志们！, and the addressees of a report to a standing committee or a speech, one after
# another: 主任、各位副主任、秘书长、各位委员：, 尊敬的各位来宾，女士们、先生们：
_ADDRESSEE = (r"(?:尊敬的|亲爱的)?(?:各位)?[\u4e00-\u9fff]{0,6}?(?:代表|委员|同志|主任|秘书长|主席|领导|来宾|嘉宾|朋友"
              r"|女士|先生|同学|老师|校友|企业家)们?")
_SALUTATION = LazyPattern(rf"{_ADDRESSEE}(?:[、，,和]{_ADDRESSEE})*[:：！!，,]?")
_DATE_LINE = LazyPattern(
    r"[—–\-－]*\s*[（(]?\s*(\d{4}|[一二〇零○Ｏ]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"(\s*[\d一二三四五六七八九十]{1,3}\s*日)?[^。！？；]{0,60}"
)
# A day of a schedule on a line of its own, above its times (4月16日（星期三） / 7:00—7:40：早餐。)
_DAY_LINE = LazyPattern(r"[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*(?:[（(](?:星期|周)[一二三四五六日天][）)])?"
                       r"\s*(?:[上下]午|晚上|全天)?")
_SIGNATURE = LazyPattern(
    r"\S{0,12}(省长|市长|主席|总理|县长|区长|州长|盟长|旗长|主任|书记|代表|局长|厅长)[\s\u3000]*\S{2,4}"
)
# The issuing body on a line of its own (GB/T 9704's 发文机关署名, a release's byline): a name
# that ends in the kind of body it is (江渚市统计局, 青川省交通运输厅, 临江市人民政府办公室).
_ISSUER = LazyPattern(
    r"[\u4e00-\u9fff（）()]{2,24}(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|院|部|署|中心|公司|集团|银行"
    r"|大学|学院|学校|研究所|协会|学会|联合会|总工会|工会)"
)


def chinese_number(text: str) -> int | None:
    """Value of a Chinese or Arabic numeral written as an ordinal (一 … 九十九, 1, １２)."""
    if text.isdigit():
        return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if any(c not in CHINESE_DIGITS and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + CHINESE_DIGITS[char] if current else CHINESE_DIGITS[char]
    return total + current


# 附件：1.参会回执 / 注：1.请于…: a list whose first item follows its label on the label's line
_LIST_LABEL = LazyPattern(r"(?:附件|附|注|说明|备注)[：:]\s*(?=[0-9０-９（(])")


def list_label_end(text: str, start: int = 0) -> int:
    """Where the outline number of *text* starts: after a list's label (附件：1.…), else *start*."""
    label = _LIST_LABEL.match(text, start)
    return label.end() if label else start


# the characters an outline number of _NUMBERING starts with: most paragraphs start with none,
# and are not tried against its five patterns
_NUMBERING_STARTS = frozenset("一二三四五六七八九十百（(0123456789０１２３４５６７８９第")


def numbering(text: str) -> tuple[int, int, str] | None:
    """(level, ordinal, marker) when *text* starts with an outline number (after a list's
    label: 附件：1.…)."""
    start = list_label_end(text)
    if text[start : start + 1] not in _NUMBERING_STARTS:
        return None
    for level, pattern in _NUMBERING:
        match = pattern.match(text, start)
        if match:
            value = chinese_number(match.group("n"))
            if value is not None:
                return level, value, match.group()
    return None


def has_sentence_mark(text: str) -> bool:
    """Whether *text* holds a mark of SENTENCE_PUNCTUATION (an empty text counts as one, as the
    check ``text[-1:] in SENTENCE_PUNCTUATION`` made it). One search: a loop over the
    characters took a tenth of reading a report."""
    return not text or _SENTENCE_MARK.search(text) is not None


def classify(raw: RawParagraph, position: int) -> tuple[str, tuple[int, int, str] | None]:
    """Kind of a paragraph and its outline number; *position* counts paragraphs from the top."""
    text = raw.text.strip()
    number = numbering(text)
    if raw.hint in ("list-item", "table-cell", "quote"):
        return raw.hint, number
    if raw.hint == "title":  # Word's Title style says so wherever the paragraph is
        return "title", number
    if is_artifact(text):
        return "artifact", None
    has_sentence_end = has_sentence_mark(text)
    if raw.hint == "heading" or (raw.whole_bold and len(text) <= 80 and not has_sentence_end):
        return ("title" if position == 0 else "heading"), number
    if number and not has_sentence_end and len(text) <= 80:
        return "heading", number
    if _DECIMAL_HEADING.fullmatch(text) and not has_sentence_end and "，" not in text:
        return "heading", None
    if _SALUTATION.fullmatch(text) or _DATE_LINE.fullmatch(text) or _DAY_LINE.fullmatch(text) or (
        len(text) <= 24 and _SIGNATURE.fullmatch(text) and not has_sentence_end
    ) or (number is None and _ISSUER.fullmatch(text)):
        return "meta", number
    if position < 8 and len(text) <= 40 and not has_sentence_end and "，" not in text and _TITLE_WORDS.search(text):
        return "title", number
    return "text", number




# 开庭时间：9:30；地点：第二法庭；审判长：郭振宇；: a field of a form or a register, its label
# short and its value without a clause of its own.
_LABELLED_FIELD = LazyPattern(r"[\u4e00-\u9fff]{2,6}[：:][^；;。\n]{1,40}(?:[；;。]|$)")


def field_share(text: str) -> tuple[int, float]:
    """How many labelled fields *text* holds, and the share of its characters they cover: the
    entries of a register (a court's hearings, a list of appointments) share theirs by form."""
    fields = _LABELLED_FIELD.findall(text)
    return len(fields), (sum(map(len, fields)) / len(text.strip()) if text.strip() else 0.0)
