"""The document model: paragraphs, kinds, sentences and exact source positions."""

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportlint.text.document import LineIndex
from reportlint.text.markdown import PLACEHOLDER, looks_like_markdown
from reportlint.text.parse import parse_text


def texts(doc):
    return [p.text for p in doc.paragraphs]


def source_of(doc, paragraph, i=0, j=None):
    span = paragraph.span(i, j)
    return doc.source[span.start : span.end]


def test_txt_has_one_paragraph_per_line():
    doc = parse_text("第一段。\n第二段。\n\n第三段。", "a.txt")
    assert texts(doc) == ["第一段。", "第二段。", "第三段。"]


def test_markdown_joins_soft_wrapped_chinese_lines_without_a_space():
    doc = parse_text("大力支持民营企业和民营\n经济发展。\n\nGDP is\ngrowing.", "a.md")
    assert texts(doc) == ["大力支持民营企业和民营经济发展。", "GDP is growing."]
    paragraph = doc.paragraphs[0]
    start = paragraph.text.index("民营经济")
    assert source_of(doc, paragraph, start, start + 4) == "民营\n经济"


def test_markup_is_dropped_and_positions_stay_exact():
    source = "# 政府工作报告\n\n**（一）扩大经济总量。**新增**新增**装机100万千瓦，见`config`与[链接文字](http://x.cn)。<!-- 注释 -->\n"
    doc = parse_text(source, "a.md")
    heading, body = doc.paragraphs
    assert heading.kind == "title" and heading.text == "政府工作报告"
    assert body.text == f"（一）扩大经济总量。新增新增装机100万千瓦，见{PLACEHOLDER}与链接文字。"
    start = body.text.index("新增新增")
    assert source_of(doc, body, start, start + 4) == "新增**新增"
    assert source_of(doc, body, body.text.index("链接"), body.text.index("链接") + 4) == "链接文字"
    assert source_of(doc, body, body.text.index(PLACEHOLDER), body.text.index(PLACEHOLDER) + 1) == "`config`"


def test_crlf_positions_match_lf_positions():
    lf = "标题\n\n第一段内容。\n\n大力支持民营企业和民营经济发展。\n"
    crlf = lf.replace("\n", "\r\n")
    for path in ("a.txt", "a.md"):
        positions = []
        for source in (lf, crlf):
            doc = parse_text(source, path)
            paragraph = doc.paragraphs[-1]
            start = paragraph.text.index("民营经济")
            span = paragraph.span(start, start + 4)
            assert doc.source[span.start : span.end] == "民营经济"
            positions.append((doc.lines.position(span.start), doc.lines.position(span.end)))
        assert positions[0] == positions[1] == ((5, 10), (5, 14))


def test_code_comments_front_matter_and_tables():
    source = (
        "---\ntitle: 报告\n---\n\n正文第一段。\n\n```\n代码块不是正文。\n```\n\n<!--\n多行注释。\n-->\n\n"
        "| 指标 | 目标 |\n|---|---|\n| 地区生产总值增长 | 5%左右 |\n\n- 列表项一\n- 列表项二\n\n> 引用的话。\n"
    )
    doc = parse_text(source, "a.md")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("text", "正文第一段。"),
        ("table-cell", "指标"), ("table-cell", "目标"),
        ("table-cell", "地区生产总值增长"), ("table-cell", "5%左右"),
        ("list-item", "列表项一"), ("list-item", "列表项二"),
        ("quote", "引用的话。"),
    ]


def test_nested_quote_markers_are_markup_not_text():
    doc = parse_text("> > > 引用的话，推进改革。\n> > 第二行新增装机。\n>> 紧写的标记。\n", "a.md")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [("quote", "引用的话，推进改革。第二行新增装机。紧写的标记。")]
    second = doc.paragraphs[0].text.index("第二行")
    assert doc.lines.position(doc.paragraphs[0].span(second).start) == (2, 5)


def test_plain_txt_keeps_markup_characters_as_text():
    doc = parse_text("增长5*2倍，**不是**加粗。", "a.txt")
    assert texts(doc) == ["增长5*2倍，**不是**加粗。"]


def test_txt_that_is_evidently_markdown_is_stripped():
    source = "# 政府工作报告\n\n**三、2026年重点工作**  \n2026年是开局之年。\n"
    assert looks_like_markdown(source)
    doc = parse_text(source, "a.txt")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("title", "政府工作报告"), ("heading", "三、2026年重点工作"), ("text", "2026年是开局之年。"),
    ]
    assert not looks_like_markdown("增长5%，**重点**是质量。")


@pytest.mark.parametrize(
    "line, kind, numbering",
    [
        ("一、2009年工作回顾", "heading", (1, 1, "一、")),
        ("（十一）提高城市本质安全水平，切实维护首都和谐稳定", "heading", (2, 11, "（十一）")),
        ("（一）千方百计扩大经济总量。坚定信心，铆足干劲。", "text", (2, 1, "（一）")),
        ("3.加快建设现代化产业体系", "heading", (3, 3, "3.")),
        ("（2）全面深化改革", "heading", (4, 2, "（2）")),
        ("第二，在经济上开始采取了一些新的政策，整个经济比较活了", "heading", (0, 2, "第二，")),
        ("1.5万个学位已经建成，超额完成任务。", "text", None),
        ("各位代表：", "meta", None),
        ("——2025年1月18日在云南省第十四届人民代表大会第三次会议上", "meta", None),
        ("省长　王予波", "meta", None),
        ("上接第3版", "artifact", None),
    ],
)
def test_paragraph_kinds(line, kind, numbering):
    doc = parse_text("开头说明，这是正文。\n\n" * 9 + line, "a.txt")
    paragraph = doc.paragraphs[-1]
    assert (paragraph.kind, paragraph.numbering) == (kind, numbering)


def test_title_is_recognised_at_the_top():
    doc = parse_text("2025年北京市政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。", "a.txt")
    assert [p.kind for p in doc.paragraphs] == ["title", "meta", "text"]


def test_decimal_section_numbers_are_headings_and_table_rows_are_not():
    doc = parse_text("枫林县突发地质灾害应急预案\n\n1　总则\n\n1.1　编制目的\n\n为高效有序做好应急处置工作，制定本预案。\n\n"
                     "1　生态保护红线面积　平方千米　—　≥1846.52　约束性\n\n1 万人以上。", "a.txt")
    assert [p.kind for p in doc.paragraphs] == ["title", "heading", "heading", "text", "text", "text"]


def test_sentences_keep_closing_quotes_and_split_ascii_marks_in_chinese():
    doc = parse_text("他说：“要实干。”我们同意！是否可行?当然;继续……好。GDP grew 5%. OK?", "a.txt")
    assert [s.text for s in doc.sentences] == [
        "他说：“要实干。”", "我们同意！", "是否可行?", "当然;", "继续……", "好。", "GDP grew 5%. OK?",
    ]


def test_line_index_counts_only_newlines_and_code_points():
    text = "第一行\x0c仍是第一行\u2028同一行\n𠀀第二行"
    index = LineIndex(text)
    assert index.position(text.index("仍")) == (1, 5)
    assert index.position(text.index("第二行")) == (2, 2)  # 𠀀 (outside the BMP) is one column


def test_markdown_keeps_arithmetic_stars():
    doc = parse_text("增长5*2倍，*强调*内容，a * b。", "a.md")
    assert texts(doc) == ["增长5*2倍，强调内容，a * b。"]


# A report hard-wrapped at 20 characters, as an editor or pdftotext leaves it: every
# line but a paragraph's last is cut at the width, wherever the sentence is.
WRAPPED_REPORT = [
    "　　过去一年，我们坚持稳中求进工作总基调，完",
    "整准确全面贯彻新发展理念，加快构建新发展格局",
    "，扎实推动高质量发展，地区生产总值增长5.2%。",
    "　　培育壮大经营主体。坚持和落实“两个毫不动",
    "摇”，大力支持民营企业和民营经济发展，激发各",
    "类经营主体内生动力和发展活力。",
    "一、2026年重点工作",
    "　　今年工作的总体要求是，坚持稳中求进工作总",
    "基调，统筹发展和安全，推动经济实现质的有效提",
    "升和量的合理增长，推进城市更新，改造老旧小区",
    "72个，打造完整社区13个以上。",
]


def test_a_hard_wrapped_text_is_read_as_paragraphs():
    source = "\n".join(WRAPPED_REPORT) + "\n"
    doc = parse_text(source, "a.txt")
    assert texts(doc) == [
        "过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，扎实推动高质量发展，地区生产总值增长5.2%。",
        "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营经济发展，激发各类经营主体内生动力和发展活力。",
        "一、2026年重点工作",
        "今年工作的总体要求是，坚持稳中求进工作总基调，统筹发展和安全，推动经济实现质的有效提升和量的合理增长，推进城市更新，改造老旧小区72个，打造完整社区13个以上。",
    ]
    assert doc.notes == ("按固定行宽（约22字）折行的文本，已将折行合并为段落",)
    # exact columns still map back to the source, across the wrap
    paragraph = doc.paragraphs[1]
    start = paragraph.text.index("两个毫不动摇")
    assert source_of(doc, paragraph, start, start + 6) == "两个毫不动\n摇"
    assert doc.lines.position(paragraph.span(start + 5, start + 6).start) == (5, 1)


def test_hard_wrapped_lines_join_with_crlf_blank_lines_and_columns_counted_wide():
    # Wrapped by display columns (a Chinese character is two), paragraphs apart by blank lines.
    lines = ["过去一年经济运行总体平稳，GDP增长5.2%，城镇新增", "就业12.5万人。", ""] * 6
    doc = parse_text("\r\n".join(lines), "a.txt")
    assert texts(doc) == ["过去一年经济运行总体平稳，GDP增长5.2%，城镇新增就业12.5万人。"] * 6
    assert doc.notes


def test_a_wrap_keeps_page_leftovers_and_numbered_items_apart():
    source = "\n".join(WRAPPED_REPORT[:5] + ["— 3 —"] + WRAPPED_REPORT[5:]) + "\n"
    doc = parse_text(source, "a.txt")
    assert [p.text for p in doc.paragraphs][1:4] == [
        "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营经济发展，激发各",
        "— 3 —",
        "类经营主体内生动力和发展活力。",
    ]
    assert doc.paragraphs[2].kind == "artifact"


@pytest.mark.parametrize(
    "source",
    [
        # one paragraph a line, however long: no wrap
        "\n\n".join(["过去一年，我们坚持稳中求进工作总基调。", "培育壮大经营主体，激发各类经营主体内生动力和发展活力，大力支持民营经济发展。",
                     "今年工作的总体要求是，坚持稳中求进。", "推进城市更新，改造老旧小区72个。"] * 4),
        # every line of one length, each a whole sentence: a list, not a wrap
        "\n".join(f"第{n}项任务：推进城市更新，改造老旧小区若干个。" for n in range(10, 30)),
        # too few lines to tell
        "\n".join(WRAPPED_REPORT[:5]),
    ],
)
def test_no_wrap_is_assumed_without_the_evidence(source):
    doc = parse_text(source, "a.txt")
    assert not doc.notes
    assert len(doc.paragraphs) == len([line for line in source.split("\n") if line.strip()])


def test_a_markdown_file_is_never_taken_for_a_hard_wrap():
    doc = parse_text("\n".join(WRAPPED_REPORT) + "\n", "a.md")
    assert not doc.notes
    assert len(doc.paragraphs) == 1  # Markdown joins lines up to a blank line anyway


def test_a_form_feed_line_is_blank_space():
    doc = parse_text("大力支持民营企业和民营\n\x0c\n\x0c经济发展。\n\x1c\n", "a.txt")
    assert texts(doc) == ["大力支持民营企业和民营", "经济发展。"]
    assert source_of(doc, doc.paragraphs[1]) == "经济发展。"


def test_the_command_line_says_on_stderr_what_it_assumed(tmp_path):
    import json

    from running import run

    wrapped = tmp_path / "报告.txt"
    wrapped.write_text("\n".join(WRAPPED_REPORT) + "\n", encoding="utf-8")
    result = run("check", "--format", "json", wrapped)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []  # the JSON output does not change shape
    assert result.stderr == f"reportlint: {wrapped}: 按固定行宽（约22字）折行的文本，已将折行合并为段落\n"
    assert run("check", "--quiet", wrapped).stderr == ""
    markdown = tmp_path / "报告.md"
    markdown.write_text("\n".join(WRAPPED_REPORT) + "\n", encoding="utf-8")
    assert "折行" not in run("check", markdown).stderr


def test_footnotes_and_reference_links_in_markdown_are_markup_around_prose():
    # found by a held-out Markdown draft: the colon of [^1]: was reported as punctuation
    from reportlint.api import lint_text

    text = ("正文提到四上企业[^1]，还有[报告][r]。\n\n"
            "[^1]: 本报告所称“四上”企业，是指规模以上工业企业。\n\n"
            "[r]: https://example.com/a,b \"报告:全文\"\n")
    result = lint_text(text, "a.md")
    assert [p.text for p in result.document.paragraphs] == ["正文提到四上企业\ufffc，还有报告。",
                                                         "本报告所称“四上”企业，是指规模以上工业企业。"]
    assert result.findings == []
    # the footnote's text is prose all the same: a slip in it is found at its exact place
    slipped = text.replace("是指规模以上", "是指新增新增规模以上")
    [finding] = [f for f in lint_text(slipped, "a.md").findings if f.code == "RL201"]
    assert slipped[finding.span.start : finding.span.end] == "新增新增"


def test_a_pdftotext_export_is_recognised_as_hard_wrapped():
    # default pdftotext drops a paragraph's two-character indent, ends a line early before a
    # number that does not fit (…全县民生支出 / 42.7亿元，), and sets “” at full width
    from pathlib import Path

    from reportlint.text.hard_wrap import _columns, detect_hard_wrap

    export = Path(__file__).parent / "data" / "clean-texts-w3" / "02_云岫县政府工作报告_pdftotext.txt"
    wrap = detect_hard_wrap(export.read_text(encoding="utf-8"))
    assert wrap is not None and wrap.width == 28
    assert _columns("“十五五”") == 10


def test_markdown_code_raw_html_and_definitions_are_not_prose_as_commonmark_says():
    source = ("# 报告\n\n今年新增装机容量。\n\n    缩进的代码块不是正文。\n\n<div>\nHTML块不是正文。\n</div>\n\n"
              "[链接]: https://example.com/a \"标题\"\n\n一段正文，\n    缩进的续行仍是正文。\n\n"
              "- 列表项，\n\n    列表项的第二段仍是正文。\n")
    doc = parse_text(source, "a.md")
    assert [p.text for p in doc.paragraphs] == ["报告", "今年新增装机容量。", "一段正文，缩进的续行仍是正文。",
                                                "列表项，", "列表项的第二段仍是正文。"]
    assert doc.code_lines == {5}


def test_a_txt_read_as_markdown_keeps_its_indented_lines_as_prose():
    source = "# 报告\n\n**一、总体要求**\n\n    各位代表，今年是关键之年。\n\n**二、主要任务**\n"
    doc = parse_text(source, "a.txt")
    assert "各位代表，今年是关键之年。" in [p.text for p in doc.paragraphs]


def _paged_regulation() -> str:
    """A notice and its regulation as pdftotext gives them: a cover of short lines, articles of
    a full line and a short one, a page number and a running header on every page."""
    cover = ["临岚市人民政府文件", "临政规〔2024〕3号", "临岚市人民政府", "关于印发管理办法的通知",
             "各县（市、区）人民政府：", "临岚市人民政府", "2024年4月12日", "（此件公开发布）"]
    articles = [[f"第{n:02d}条　政府投资资金应当按照项目安排使用，"] + (["项目单位应当加强资金管理，严格执行预算，"] if n % 2 else [])
                + ["不得挪作他用。"] for n in range(1, 21)]
    lines, page = list(cover), 1
    for number, article in enumerate(articles, 1):
        lines += article
        if number % 4 == 0:
            lines += ["", f"- {page} -", "\f临政规〔2024〕3号", ""]
            page += 1
    return "\n".join(lines) + "\n"


def test_a_wrap_is_found_under_a_cover_page_numbers_and_running_headers():
    # found by a held-out pdftotext export: short articles, a cover and page furniture left
    # too few lines at the wrap width until the furniture stopped counting as text
    doc = parse_text(_paged_regulation(), "a.txt")
    assert doc.notes == ("按固定行宽（约22字）折行的文本，已将折行合并为段落",)
    assert "第02条　政府投资资金应当按照项目安排使用，不得挪作他用。" in texts(doc)


def test_the_document_number_under_the_cover_is_no_running_header():
    doc = parse_text(_paged_regulation(), "a.txt")
    kinds = {(p.text.strip(), p.kind) for p in doc.paragraphs if p.text.strip() == "临政规〔2024〕3号"}
    headers = [p for p in doc.paragraphs if p.text.strip() == "临政规〔2024〕3号"]
    assert [p.kind for p in headers] == ["text"] + ["artifact"] * (len(headers) - 1), kinds


def test_headers_that_alternate_by_page_are_running_headers_though_each_stands_twice():
    from reportlint.text.artifacts import running_headers

    page = ["正文第一行，", "正文第二行。"]
    texts_ = (["宁湾县人民政府公报"] + page + ["— 17 —", "2024年第2期（总第86期）"] + page + ["— 18 —", "宁湾县人民政府公报"]
              + page + ["— 19 —", "2024年第2期（总第86期）"] + page + ["— 20 —", "宁湾县人民政府公报"] + page)
    assert running_headers(texts_) == {"宁湾县人民政府公报": [8, 16], "2024年第2期（总第86期）": [4, 12]}
    # without page numbers, a line standing twice is the text's own (three times still a header)
    assert running_headers([t for t in texts_ if not t.startswith("—")]) == {"宁湾县人民政府公报": [6, 12]}


def test_paragraphs_apart_by_blank_lines_whose_lines_break_anywhere_are_joined():
    # found by a held-out report copied from a PDF viewer: no one width, but blank lines between
    # paragraphs and lines that stop mid-sentence (召开座谈会9 / 场，听取…)
    blocks = [["养老服务事关广大老年人的幸福晚年，事关千家万户的", "切身利益。为深入了解我市养老服务体",
               "系建设情况，今年4月至6月，调研组先后赴4个区、3个县", "（市），召开座谈会9", "场，听取情况介绍。"],
              ["一、基本情况"],
              ["截至2024年底，全市60周岁及以上老年人", "口达到96.8万人，占户籍总人口的24.6%；65周岁",
               "及以上老年人口71.3万人。总体看，老龄化程度高于全省平均水", "平，服务需求将持续快速增长。"],
              ["近年来，市委、市政府高度重视养老服务工作，将其", "纳入全市民生实事项目，相继出台政策文件，全市养老服务体系建设",
               "取得积极成效。"]]
    doc = parse_text("\n\n".join("\n".join(block) for block in blocks) + "\n", "a.txt")
    assert texts(doc)[1:3] == ["一、基本情况", "截至2024年底，全市60周岁及以上老年人口达到96.8万人，占户籍总人口的24.6%；65周岁"
                                              "及以上老年人口71.3万人。总体看，老龄化程度高于全省平均水平，服务需求将持续快速增长。"]
    assert doc.notes and "空行" in doc.notes[0]


def test_one_paragraph_a_line_with_blank_lines_between_sections_is_no_soft_wrap():
    source = ("一、总体要求\n（一）指导思想。坚持稳中求进工作总基调。\n（二）主要目标。到2027年基本建成。\n\n"
              "二、重点任务\n（三）优化营商环境。推行一件事一次办。\n（四）加强监管。完善信用体系。\n\n"
              "三、保障措施\n（五）加强组织领导。各地区要高度重视。\n（六）强化督促检查。确保落到实处。\n")
    doc = parse_text(source, "a.txt")
    assert not doc.notes and len(texts(doc)) == 9


def test_soft_wrap_weighs_only_lines_beside_another_line(monkeypatch):
    # A file of paragraphs apart by blank lines has few lines that could break a sentence: the
    # others are not weighed as prose at all (weighing every line took a quarter of reading the
    # 20 reports ten times over). The two lines of the one block are weighed, once each.
    from reportlint.text import soft_wrap

    weighed = []
    monkeypatch.setattr(soft_wrap, "_prose", lambda line: weighed.append(line) or True)
    paragraphs = [f"第{n}段。坚持稳中求进工作总基调。" for n in range(40)]
    source = "\n\n".join(paragraphs) + "\n\n推进乡村全面振兴，\n加快建设农业强国。\n"
    assert soft_wrap.detect_soft_wrap(source) is None
    assert weighed == ["推进乡村全面振兴，", "加快建设农业强国。"]


def test_a_wrap_with_lines_full_of_quotation_marks_is_still_found():
    # found by a held-out plan exported by pdftotext: “ ” count one column there, two here, so
    # lines full of them looked longer than the wrap width
    line = "推进政务服务事项网上可办，建设数字政府，完善城市运行管理服务平台，推动"
    quoted = "可办率达到98.6%，“一网通办”“一网统管”“一网协同”建设全面推进，城市运行"
    lines = [line, quoted, line, "高频事项免申即享。", ""] * 4
    doc = parse_text("\n".join(lines), "a.txt")
    assert doc.notes and "折行" in doc.notes[0]


# A hard wrap cuts anywhere: inside a number or a list of them (G / 318、, 110、 / 119、), before a numeral of a word (统 / 一、效能)
# or of an item that runs inline (…；/ （三）…); an article of a regulation still opens a paragraph
# after a full line that ends its sentence.
WRAPPED_CUTS = [
    "过去一年，我们坚持稳中求进工作总基调，完整准",
    "确全面贯彻新发展理念。",
    "加快交通建设，有序实施G109、G219、G",
    "318、G695提质改造和G214加卡至邦达",
    "机场段建设，开工建设东嘎水库。",
    "这次国务院机构改革，按照发展要求根据精简、统",
    "一、效能的原则，转变政府职能，建立办事高效、",
    "运转协调、行为规范的行政管理体系。",
    "第十一条　所称福利费，是指根据国家有关规定，",
    "从企业、事业单位提留的福利费中支付给个人的款。",
    "第十二条　所称依照有关法律规定应予免税的所得，",
    "是指依照条例规定免税的所得。",
    "在处理的案件中，计有以下四类：（一）判处死刑",
    "的占16.8%；（二）实行劳动改造的占4%；",
    "（三）实行管制的占32%；（四）教育释放的占",
    "8.9%。",
    "一、2026年重点工作",
    "（三）遇到人身安全紧急情况，请直接拨打110、",
    "119、120等紧急求助电话。",
    "今年工作的总体要求是坚持稳中求进工作总基调，",
    "统筹发展和安全，推动经济实现质的有效提升和量",
    "的合理增长。",
]


def test_a_wrap_that_cuts_a_number_a_word_or_an_inline_item_joins_the_lines():
    doc = parse_text("\n".join(WRAPPED_CUTS) + "\n", "a.txt")
    assert doc.notes
    assert texts(doc) == [
        "".join(WRAPPED_CUTS[0:2]), "".join(WRAPPED_CUTS[2:5]), "".join(WRAPPED_CUTS[5:8]),
        "".join(WRAPPED_CUTS[8:10]), "".join(WRAPPED_CUTS[10:12]), "".join(WRAPPED_CUTS[12:16]),
        WRAPPED_CUTS[16], "".join(WRAPPED_CUTS[17:19]), "".join(WRAPPED_CUTS[19:22]),
    ]


def test_a_table_with_bars_between_its_cells_is_no_soft_wrap():
    # found by a held-out culture plan: rows a line each (指标｜2025年｜2030年｜属性) under a text
    # of one paragraph a line; the rows end without a mark, as cut lines would
    rows = ["指标｜2025年｜2030年｜属性", "文化产业增加值（亿元）｜168｜250左右｜预期性",
            "接待游客人次（万人次）｜6200｜8500｜预期性", "旅游总收入（亿元）｜780｜1100｜预期性",
            "公共图书馆（个）｜12｜14｜预期性"]
    source = "\n\n".join(["表1　主要指标", "\n".join(rows), "到2030年，文化产业增加值达到250亿元左右。",
                          "\n".join(rows), "表2　重点项目", "\n".join(rows)]) + "\n"
    doc = parse_text(source, "a.txt")
    assert not doc.notes
    assert rows[1] in texts(doc)


def test_a_wrap_is_found_among_many_short_lines_and_a_field_line_does_not_run_on():
    # a bulletin hard-wrapped at 22 whose tables and headings make most of its lines short: the
    # full lines are still a spike at one length no file of a paragraph a line has; a full line of
    # fields set apart by a wide space (主持人：…　韩立群) ends before the speaker's turn below it
    prose = ("全年全省一般公共预算收入1862.45亿元，同比增长2.8%，完成年度预算的76.2%，比序时进度高1.2个百分点。"
             "分级次看，省级一般公共预算收入286.34亿元，同比增长3.5%；市县级收入1576.11亿元。")
    wrapped = [prose[i : i + 22] for i in range(0, len(prose), 22)]
    rows = [f"{n}.　第{n}项　{n * 7}亿元" for n in range(1, 9)]
    turn = ["主持人：人力资源社会保障部办公厅主任　韩立群", "韩立群：", "各位媒体朋友，大家上午好！"]
    assert len(turn[0]) == 22 and [len(line) for line in wrapped] == [22, 22, 22, 22, 18]
    source = "\n".join(wrapped * 1 + rows + wrapped + rows + wrapped + rows + wrapped + rows + wrapped + turn) + "\n"
    doc = parse_text(source, "a.txt")
    assert doc.notes
    assert texts(doc).count(prose) == 5
    assert texts(doc)[-3:] == turn


def test_a_soft_wrap_joins_a_line_that_opens_with_a_numeral_inside_a_sentence():
    # copied from a PDF viewer: paragraphs apart by blank lines, lines cut anywhere, and so
    # before a numeral of a word (统 / 一、) or of a list of figures (110、 / 119、)
    blocks = [["这次机构改革，要按照发展社会主义市场经济的要求，根据精简、统", "一、效能的原则，转变政府职能，实现政企分开。"],
              ["一、总体要求"],
              ["遇到紧急情况的，请直接拨打110、", "119、120等紧急求助电话，不要拨打部门办公", "电话，以免延误处置。"],
              ["（一）指导思想。坚持稳中求进工作总基调，完整准确全面贯彻新发展", "理念，加快构建新发展格局。"],
              ["（二）主要目标。到2027年，城乡居民收入稳步增长，基本公共服务", "均等化水平明显提高。"],
              ["截至2024年底，全市60周岁及以上老年人", "口达到96.8万人，占户籍总人口的24.6%；65周岁",
               "及以上老年人口71.3万人。总体看，老龄化程度高于全省平均水", "平，服务需求将持续快速增长。"]]
    doc = parse_text("\n\n".join("\n".join(block) for block in blocks) + "\n", "a.txt")
    assert doc.notes and "空行" in doc.notes[0]
    assert texts(doc) == ["".join(block) for block in blocks]


def test_a_wrap_keeps_a_tasks_field_line_apart_from_the_items_around_it():
    # a plan hard-wrapped at 29: an item that ends its sentence at a line's end, then the item's
    # field line (牵头单位：…；配合单位：…), itself full and without a final mark, then the next item
    item = "6.提升火险预警精准度。完善森林草原火险气象监测站网，开展精细化预报和分区分级预警，提高预警信息发布的时效和覆盖面。"
    field = "牵头单位：省林业和草原局；配合单位：省应急管理厅、省财政厅"
    following = "7.建设防灭火指挥信息平台。整合林草、应急、气象、公安等部门数据，实现火情信息实时共享。"
    paragraphs = [item, field, following] * 4
    lines = [text[i : i + 29] for text in paragraphs for i in range(0, len(text), 29)]
    doc = parse_text("\n".join(lines) + "\n", "a.txt")
    assert doc.notes
    assert texts(doc) == paragraphs


def test_a_chart_turned_into_text_is_no_soft_wrap():
    # found by a held-out budget chart as text: items one a line in blocks, none with a final mark,
    # of any length; a PDF viewer's wrapped paragraph ends with its mark and fills its lines
    blocks = [["教育支出", "13.52亿元", "增长5.1%", "新建、改扩建中小学和幼儿园6所", "新增学位3240个"],
              ["社会保障和就业支出", "11.38亿元", "增长4.3%", "城乡居民基础养老金最低标准提高到每人每月163元"],
              ["卫生健康支出", "7.64亿元", "增长3.8%", "县人民医院住院综合楼主体完工"],
              ["农林水支出", "9.85亿元", "增长2.9%", "新建高标准农田3.2万亩"]]
    doc = parse_text("\n\n".join("\n".join(block) for block in blocks) + "\n", "a.txt")
    assert not doc.notes
    assert "13.52亿元" in texts(doc)


def test_a_bulletin_whose_tables_set_cells_apart_by_single_spaces_is_no_soft_wrap():
    # found by a held-out bulletin: one paragraph a line, its tables a row a line with single spaces
    # between cells; the rows end without a mark, as cut lines would
    bulletin = Path(__file__).parent / "data" / "clean-texts-w139" / "2025-pinglan-province-communique.txt"
    doc = parse_text(bulletin.read_text(encoding="utf-8"), "a.txt")
    assert not doc.notes
    assert "非洲 652.36 18.6 168.25 5.6" in texts(doc)


def test_a_source_map_of_one_stretch_keeps_it_alone():
    # a report has one map a paragraph: a list for its one piece cost each 88 bytes
    from reportlint.text.document import Piece, SourceMap

    pieces = [Piece(0, 4, 10, 4)]
    one = SourceMap(pieces)
    pieces.append(Piece(4, 2, 20, 2))  # what the map was made from may change after: it keeps its own
    assert one.pieces == (Piece(0, 4, 10, 4),)
    assert (one.start(2), one.end(4)) == (12, 14)
    two = SourceMap(pieces)
    assert two.pieces == tuple(pieces)
    assert (two.start(1), two.start(5), two.end(6)) == (11, 21, 22)
    doc = parse_text("　　第一段。\n第二段，\n", "a.txt")
    assert [type(p.source_map.pieces) for p in doc.paragraphs] == [tuple, tuple]


class _EveryText:
    """Stands for a pattern that finds something in every text."""

    @staticmethod
    def search(text):
        return True


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["　", " ", "|", "｜", "/", "【", "】", "来源：", "打印", "关闭窗口", "2026-02-06",
                                 "字体：大", "中", "小", "北原日报", "推进城市更新", "ICP备", "分享到：微信"]),
                max_size=12).map("".join))
@example("打印  关闭窗口")  # two spaces
@example("【打印本页】【关闭窗口】")  # brackets side by side
@example("来源：北原日报 | 打印")
def test_a_line_without_a_gap_is_one_item_and_no_chrome_by_items(text):
    # _chrome_items splits a line at its gaps only when a gap mark is there: the same answer as
    # splitting every line
    from reportlint.text import artifacts

    fast = artifacts._chrome_items(text)
    real_mark = artifacts._GAP_MARK
    try:
        artifacts._GAP_MARK = _EveryText()
        assert fast == artifacts._chrome_items(text)
    finally:
        artifacts._GAP_MARK = real_mark


def test_toolbars_split_at_their_gaps_are_chrome():
    from reportlint.text import artifacts

    assert all(artifacts._chrome_items(line) for line in ("打印  关闭窗口", "【打印本页】【关闭窗口】", "来源：北原日报 | 打印"))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["推进", "城市", "更新", " ", "5", "*", "**", "_", "__", "~~", "`", "``", "!", "[", "]",
                                 "(", ")", "<", ">", "!--", "--", "^1", "\\", "a", "https:", "/", "报告"]),
                max_size=14).map("".join))
@example("要**坚持**稳中求进")
@example("见[报告](https://example.cn)与[^1]")
def test_a_line_without_a_mark_that_starts_markup_is_read_as_searched_for_markup(text):
    # _inline skips its search of a line holding no character that starts a match of _INLINE:
    # the same paragraph as searching every line
    from reportlint.text import markdown

    assert all(markdown._INLINE_STARTS.match(match.group()) for match in markdown._INLINE.finditer(text))
    fast = parse_text(f"{text}\n", "a.md")
    real_starts = markdown._INLINE_STARTS
    try:
        markdown._INLINE_STARTS = _EveryText()
        searched = parse_text(f"{text}\n", "a.md")
    finally:
        markdown._INLINE_STARTS = real_starts
    assert [(p.text, p.kind) for p in fast.paragraphs] == [(p.text, p.kind) for p in searched.paragraphs]


@given(st.text(alphabet="推进。！？；!?;，、a 1", max_size=12))
def test_a_sentence_mark_is_found_as_the_loop_over_the_characters_found_it(text):
    from reportlint.text.structure import SENTENCE_PUNCTUATION, has_sentence_mark

    plain = any(c in SENTENCE_PUNCTUATION for c in text[:-1]) or text[-1:] in SENTENCE_PUNCTUATION
    assert has_sentence_mark(text) == plain


@given(st.text(alphabet="附件注：:一二十百（()）1２3.．、第章，推进 ", max_size=10))
def test_an_outline_number_is_found_as_the_five_patterns_alone_find_it(text):
    # a paragraph whose first character starts no outline number is not tried against them
    from reportlint.text import structure

    start = structure.list_label_end(text)
    plain = next(((level, value, match.group()) for level, pattern in structure._NUMBERING
                  if (match := pattern.match(text, start)) and (value := structure.chinese_number(match.group("n")))
                  is not None), None)
    assert structure.numbering(text) == plain


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["打印", "关闭", "分享:", "字体：", "微信", " ", "|", "｜", "/", "、", "　", "\t", "推进",
                                 "更新", "：", ":"]), max_size=8).map("".join))
def test_chrome_words_are_told_word_by_word_as_the_split_line_told_them(text):
    from reportlint.text import artifacts

    words = [w.rstrip(":：") or w for w in re.split(r"[\s|｜/、]+", text) if w]
    assert artifacts._all_chrome_words(text) == (bool(words) and all(w in artifacts._CHROME_WORDS for w in words))


def test_reading_a_text_tells_each_line_an_artifact_or_not_once_and_keeps_nothing_after(monkeypatch):
    # The soft-wrap, hard-wrap and structure passes each ask of every line; a running header is
    # asked of on every page. One answer a text within a read, none kept after it.
    from reportlint.text import artifacts

    report = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    text = "\n".join([report, "上接第3版", "第 2 页", "上接第3版", "【打印本页】　【关闭窗口】"])
    plain = parse_text(text, "a.txt")
    asked = []
    real = artifacts.is_web_chrome
    monkeypatch.setattr(artifacts, "is_web_chrome", lambda line: asked.append(line) or real(line))
    kept = parse_text(text, "a.txt")
    assert [(p.kind, p.text) for p in kept.paragraphs] == [(p.kind, p.text) for p in plain.paragraphs]
    assert len(asked) == len(set(asked)) > 50
    assert [p.kind for p in kept.paragraphs][-4:] == ["artifact"] * 4
    assert artifacts._answers is None
    asked.clear()
    assert artifacts.is_artifact("上接第3版") and artifacts.is_artifact("上接第3版") and asked == ["上接第3版"] * 2
