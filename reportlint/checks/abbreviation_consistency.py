"""RL503 abbreviation-consistency: a 简称 and its full name, or two forms of one word, used inconsistently."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.abbreviations import Definition, definitions, full_name_uses, uses_before
from ..analysis.variants import VariantMix, variant_mixes
from ..engine import runs
from ..model import Edit, Fix, NoOptions, Related, Severity, Violation, rule
from ..text.document import Document, Span

#: a full name used again this many times after its definition is the document's habit: one finding
_HABIT = 3
_SHOWN_LINES = 5


@rule(code="RL503", name="abbreviation-consistency", severity="warning", summary="简称与全称、异形词使用不一致",
      rationale=("简称是对读者的约定：写明“以下简称……”后，正文就应以简称指称；再写全称会让读者疑心另有所指，"
                 "简称先于定义出现则让读者在初次见到时不明其义。同一文稿中一词两形（唯一与惟一），说明文字由几部分拼成、未经通篇校对。"),
      options=NoOptions, fixable="sometimes", fix_kinds=("unsafe",),
      reads=("abbreviations", "copy-index", "document-year"))
def abbreviation_consistency(doc: Document, _opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Checks that a document keeps to the 简称 it defines, and writes each word in one form:

    - the full name written again after the text defined its 简称: 国家发展和改革委员会
      （以下简称“国家发展改革委”）, then 国家发展和改革委员会要… (info; the unsafe fix writes the
      简称). A name written out three times or more after its definition is reported once, on
      the first, with the lines of all and one fix for them;
    - a coined 简称 used before the place that defines it: 网约车 in the preamble, 网络预约出租
      汽车（以下简称网约车） in 第一条, or 大湾区 before 粤港澳大湾区（以下简称大湾区） (warning: the
      reader meets a form not yet explained);
    - one word written in two forms in one document: 唯一 and 惟一, 其他 and 其它 (info), with the
      count and the lines of each form.

    A definition is a bracket after the name: （以下简称“X”）, （以下简称X）, （简称“X”）,
    （下称“X”）, （以下称X）, （以下简称《X》） after a title, （…〔2024〕15号，以下简称《X》）,
    in brackets and quotes of either width, and （以下简称“集团”或“公司”）. The full name is a
    title in 书名号 or a quotation right before the bracket; otherwise the shortest stretch of
    the clause before it that holds the 简称's characters in order (国家发展和改革委员会 for
    国家发展改革委), taken as the same name again only where the words before it are the same
    as at the definition, back to a boundary on both sides (a mark, a preposition, 的, a verb:
    推进|粤港澳大湾区（以下简称大湾区） and 推动|粤港澳大湾区建设). Where the extent is unsure
    (代表建议、批评和意见（以下简称代表建议）, 乱占、乱采、乱堆、乱建（以下简称“四乱”）, 从事电梯维护
    保养活动的单位（以下简称维保单位）), the definition is not read.

    It deliberately does not report:
    - the full name inside a cited title or a quotation (《中华人民共和国政府采购法实施条例》
      after 《中华人民共和国政府采购法》（以下简称《政府采购法》）, 文件指出：“……”), in the title,
      a heading, a table, a short line without a mark (a signature, a list of issuing bodies),
      in an attachment (附件 and the document after it are a document of their own), at the
      head of a numbered item (4.沣源县永盛食品有限公司，未落实…), in a paragraph that gives the
      body's registration (统一社会信用代码, 法定代表人), or in a new definition;
    - the full name as a word of a longer name: of a body (粤港澳大湾区建设领导小组, 国务院自由
      贸易试验区工作部际联席会议) or before a quotation that names more (永盛食品有限公司“8·3”…事故),
      or a longer name ending with it (中国（上海）自由贸易试验区, 全国人民代表大会);
    - a name whose 简称 is an ordinary word that stands for more than this name (政府投资项目
      （以下简称项目）, …集团有限公司（以下简称“集团”）, …领导小组（以下简称领导小组）): where the
      word alone could mean another of its kind, the text goes back to the name;
    - 统称 and 合称, which name a group whose members are named again on purpose (…（以下统称
      “三个责任人”））, and a 简称 that refers to the document itself (本规划);
    - before its definition, a 简称 in 书名号 (《条例》, 《意见》 are short titles any document
      cites), a 简称 that is an ordinary word (省政府, 流感, 低保) or the last words of a common
      phrase (维修资金 of 住宅专项维修资金, 规范性文件), a 简称 inside its own name (大湾区 inside
      粤港澳大湾区), and uses in the title, headings and inside a cited title;
    - two forms that the text keeps apart on purpose: 其他 for people and 其它 for things, the
      older rule, where every 其他 precedes a word for people; and a form inside a cited title.

    The pairs of forms are the variant forms of GF 1001-2001 (and of the 2004 draft of 264
    more) that the confusable-word pack lists (惟一 → 唯一, 禀承 → 秉承, 折衷 → 折中; those that
    hold without a context), read from the pack, and pairs whose both forms the dictionary
    accepts: 其他/其它, 想象/想像, 唯有/惟有, 唯独/惟独, 身份/身分. A form counts where it is a word
    or starts one (唯一性, 身份证), not across two words (尤其|他们, 本身|分为). Where
    confusable-word reports each variant (a document about 2002 or later, and that rule
    running), the mix is reported on the first preferred form, not on a place that rule
    already marks; otherwise on the first place of the form to change.

    ## Why it matters
    A 简称 is a promise to the reader: after （以下简称“国家发展改革委”） the text means that body
    by that name. Writing the full name again makes the reader wonder whether another body is
    meant, and a 简称 used before its definition leaves the reader without its meaning where
    it first appears. Two forms of one word in one document (唯一 and 惟一) show a text put
    together from pieces and not proofread as a whole.

    ## Example
    Bad:
        国家发展和改革委员会（以下简称“国家发展改革委”）负责统筹协调。国家发展和改革委员会要会同有关部门抓好落实。
    Good:
        国家发展和改革委员会（以下简称“国家发展改革委”）负责统筹协调。国家发展改革委要会同有关部门抓好落实。

    ## Options
    None.
    """
    for definition in definitions(doc):
        yield from _full_name_again(doc, definition)
        yield from _before_definition(doc, definition)
    for mix in variant_mixes(doc):
        yield _mixed(doc, mix)


def _line(doc: Document, span: Span) -> int:
    return doc.lines.position(span.start)[0]


def _full_name_again(doc: Document, definition: Definition) -> Iterator[Violation]:
    """The full name written again after the document defined its 简称."""
    uses = full_name_uses(doc, definition)
    if not uses:
        return
    line = _line(doc, definition.full_span)
    short, bare = definition.short, definition.bare
    place = Related(definition.short_span, f"第{line}行定义的简称“{bare}”")
    if len(uses) < _HABIT:
        for span, full in uses:
            fix = Fix((Edit(span, bare),), "unsafe", f"改为简称“{bare}”")
            yield Violation(span, f"{_quoted(full)}已在第{line}行定义简称{_quoted(short)}，此处宜用简称", related=(place,),
                            fix=fix, severity=Severity.INFO)
        return
    spans = [span for span, _ in uses]
    edits = tuple(Edit(span, bare) for span in spans)
    yield Violation(spans[0], f"{_quoted(uses[0][1])}已在第{line}行定义简称{_quoted(short)}，此后仍有{len(uses)}处使用全称"
                              f"（第{_lines(doc, spans)}行），宜用简称；只在第一处报告", related=(place,),
                    fix=Fix(edits, "unsafe", f"{len(uses)}处都改为简称“{bare}”"), severity=Severity.INFO)


def _quoted(name: str) -> str:
    """A name as a message quotes it: a title keeps its 书名号 (《条例》), any other name is set in
    “” (“国家发展改革委”, also when the text quoted it in "" or 「」)."""
    if name[0] == "《":
        return name
    return f"“{name[1:-1]}”" if name[0] in "“\"「‘" and len(name) > 2 else f"“{name}”"


def _before_definition(doc: Document, definition: Definition) -> Iterator[Violation]:
    """The 简称 used before the place that defines it."""
    uses = uses_before(doc, definition)
    if not uses:
        return
    line = _line(doc, definition.short_span)
    more = f"（此前共{len(uses)}处）" if len(uses) > 1 else ""
    yield Violation(uses[0], f"简称“{definition.bare}”到第{line}行才定义（{_quoted(definition.name)}的简称），"
                             f"此处先于定义使用{more}", related=(Related(definition.short_span, "简称的定义"),))


def _mixed(doc: Document, mix: VariantMix) -> Violation:
    """One word written in two forms in one document, reported once: on the first place of the
    form to change, or, where confusable-word reports each such place (a document held to
    GF 1001-2001 and that rule running), on the first preferred form, so that no place gets two
    findings."""
    pair = mix.pair
    anchor = mix.preferred[0] if mix.held and runs(doc, "confusable-word") is not False else mix.other[0]
    forms = ((pair.preferred, mix.preferred), (pair.other, mix.other))
    counts = "，".join(f"“{form}”{len(spans)}处（第{_lines(doc, spans)}行）" for form, spans in forms)
    related = tuple(Related(spans[0], f"“{form}”的第一处") for form, spans in forms if spans[0] != anchor)
    return Violation(anchor, f"同一文件中“{pair.preferred}”与“{pair.other}”两种写法混用：{counts}；"
                             f"宜统一为“{pair.preferred}”（{pair.source}）", related=related, severity=Severity.INFO)


def _lines(doc: Document, spans: list[Span]) -> str:
    numbers = sorted({_line(doc, span) for span in spans})
    shown = "、".join(map(str, numbers[:_SHOWN_LINES]))
    return shown + ("等" if len(numbers) > _SHOWN_LINES else "")

