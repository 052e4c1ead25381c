"""RL104 placeholder: a template's placeholder or a drafting note left in the text."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import NoOptions, Violation, rule
from ..text.document import Document
from ..text.lazy_regex import LazyPattern

# The marks templates stand in for a figure or a name with: ××, XX, ＸＸ (× is also the
# multiplication sign and X a Latin letter, so one of them alone is no placeholder: 2×35万千瓦,
# “数据要素×”, X射线, “415X”).
_MARK = "×XＸ"
_RUN = rf"[{_MARK}]{{2,}}"
_LATIN = r"A-Za-z"
# ××个, XX万元, ×××同志, XX县: a run of two marks or more standing for a word, not inside a
# Latin word (XXL, XXX Corp.).
_MARK_RUN = LazyPattern(rf"(?<![{_LATIN}{_MARK}]){_RUN}(?![{_LATIN}{_MARK}])")
# 20XX年, 202X年, 二〇XX年: a year whose last digits wait to be filled in.
_YEAR = LazyPattern(rf"(?<![{_LATIN}\d])(?:\d{{2,3}}|[〇零一二]{{2,3}})[{_MARK}]{{1,2}}(?=\s*年)")
# 20XX年X月X日, X月X日, ×月×日, X年X月: a date of marks, two of its parts at least (X射线 or X月份
# alone is none); a year of marks goes with it.
_YEAR_OF_MARKS = rf"(?:\d{{2,3}}|[〇零一二]{{2,3}})?[{_MARK}]{{1,2}}\s*年\s*"
_DATE = LazyPattern(
    rf"(?<![{_LATIN}\d])(?:{_YEAR_OF_MARKS}[{_MARK}]{{1,2}}\s*月(?:\s*[{_MARK}]{{1,2}}\s*[日号])?"
    rf"|[{_MARK}]{{1,2}}\s*月\s*[{_MARK}]{{1,2}}\s*[日号])"
)
# （待补充）, 【待定】, [数据待核实], （待补充数据）: a drafter's note on the text's own content, in
# brackets; 待遇, 待业 and a sentence such as 待定事项已全部办结 are no note, nor is （具体时间待定）, which
# tells the reader of an event not fixed yet, and （暂定名） names something provisionally on purpose.
_CONTENT = r"(?:数据|数字|内容|金额|名称|材料|表述|文字|图表|案例|情况)"
_NOTE = LazyPattern(
    rf"[（(【\[〔]{_CONTENT}?"
    r"(?:待补充|待定|待核实|待核|待确认|待填写|待填|待更新|待补|待完善|待查|待修改|待审)"
    rf"{_CONTENT}?[）)】\]〕]"
)
# 此处插入图表, 此处补充数据: an instruction to the drafter (此处所称 in a regulation is text).
_INSTRUCTION = LazyPattern(r"此处(?:插入|添加|补充|填写|放置|粘贴)[^，。；）)】\]]{0,8}?(?:图表|图|表格|表|照片|数据|内容|文字|材料)")
# TODO, TBD, FIXME: a programmer's or an editor's note, in capitals, as a word of its own.
_ASCII_NOTE = LazyPattern(r"(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])")

# 值班表（样表）, 申请书（式样）, 回执（模板）: a blank form the document hands its readers
_SAMPLE = LazyPattern(r"[（(](?:参考)?(?:样表|样式|式样|模板|范本|样张|示例|格式)[）)]")
# 请注明“××市推进会回执”, 编号格式为“青复〔年份〕××号”: a format the reader is told to fill in
_FORMAT_WORDS = LazyPattern(r"(?:注明|标明|写明|格式|命名|统一为|填写|例如|如)[为：:]?\s*“[^“”]*\Z")
_FORMAT_REACH = 24

_LATIN_LETTERS = LazyPattern(r"[A-Za-z]")
_HAN = LazyPattern(r"[\u4e00-\u9fff]")

# Each kind with the characters one of its matches must hold: most paragraphs hold none, and a
# test for them is cheaper than the pattern.
_KINDS = (
    (_DATE, "日期占位符", _MARK),
    (_YEAR, "年份占位符", _MARK),
    (_MARK_RUN, "占位符", _MARK),
    (_NOTE, "编写批注", "待"),
    (_INSTRUCTION, "编写批注", "此"),
    (_ASCII_NOTE, "编写批注", "TF"),
)


@rule(code="RL104", name="placeholder", severity="error", summary="占位符未填充",
      rationale="占位符留到定稿，说明文稿没有完成，读者也得不到本应给出的数字、名称或日期。", options=NoOptions)
def placeholder(doc: Document, _opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Finds what a template or a drafter left to be filled in: marks that stand
    for a figure or a name (××个, XX万元, ×××同志), a year or a date waiting
    for its digits (20XX年, 202X年, X月X日, ×月×日), a drafting note in brackets
    (（待补充）, 【待定】, （数据待核实）), an instruction to the drafter
    (此处插入图表) and a note in Latin capitals (TODO, TBD, FIXME). Every line
    of the document is read: titles, headings and tables too. It is an error:
    a placeholder published in a report is the most embarrassing slip there is.

    It deliberately does not report:
    - one × or X alone, which is the multiplication sign or a Latin letter:
      2×35万千瓦, “4×4”现代化产业体系, “数据要素×”行动, “415X”集群, X射线, X光,
      iPhone X, and marks inside a Latin word (XXL, XBRL) or in English prose
      that quotes a Chinese form (…ends item after item with （XX部负责）);
    - words that merely contain 待 outside a drafting note: 待遇, 待业, 待定事项已
      全部办结; a bracket that tells the reader of an event not fixed yet
      (（具体时间待定）); and （暂定名）, which names something provisionally on purpose;
    - 此处所称 in a regulation, and 某某 in a case that hides a name on purpose
      (被告人李某某);
    - 〇 and ○, which are zeros in years (二〇〇五年, 一九八○年);
    - a blank form the document hands its readers (××单位值班表（样表）) and a
      quoted format it tells them to follow (邮件标题请注明“××市（州）推进会回执”,
      编号格式为“青复〔年份〕××号”).

    ## Why it matters
    A placeholder that reaches the published text shows the document was not
    finished, and leaves the reader without the figure, the name or the date
    it was meant to give.

    ## Example
    Bad:
        全年新增城镇就业××万人，完成年度目标的（待补充）。
    Good:
        全年新增城镇就业5.2万人，完成年度目标的104%。

    ## Options
    None.
    """
    for paragraph in doc.paragraphs:
        text = paragraph.text
        if paragraph.kind == "artifact" or _SAMPLE.search(text):
            continue  # 值班表（样表）: a form the readers are to fill in keeps its blanks
        taken: list[tuple[int, int]] = []
        for pattern, kind, needed in _KINDS:
            if not any(char in text for char in needed) or (needed == _MARK and _english(text)):
                continue  # in English prose, XX is letters (…ends item after item with （XX部负责）)
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(start < b and a < end for a, b in taken):
                    continue  # 20XX年 is one placeholder, not a year and a run of marks
                if kind != "编写批注" and _given_format(text, start):
                    continue  # 邮件标题请注明“××市（州）推进会回执”: a format the reader is to follow
                taken.append((start, end))
                yield Violation(paragraph.span(start, end), _message(text, start, end, kind))


def _english(text: str) -> bool:
    """Whether a paragraph is English prose that quotes some Chinese: more Latin letters than Han."""
    return len(_LATIN_LETTERS.findall(text)) > len(_HAN.findall(text))


def _given_format(text: str, at: int) -> bool:
    """Whether the marks at *at* stand in a quoted format the document tells its readers to
    follow (请注明“××市（州）推进会回执”), not in its own text."""
    return _FORMAT_WORDS.search(text, max(0, at - _FORMAT_REACH), at) is not None


def _message(text: str, start: int, end: int, kind: str) -> str:
    """Names what was left: the marks of a placeholder, or the drafter's note."""
    shown = text[start:end]
    if kind == "编写批注":
        return f"编写批注“{shown}”留在了正文中：发布前应补全内容并删去批注"
    return f"{kind}“{shown}”未填写：模板中待填的数字、名称或日期留在了正文中"
