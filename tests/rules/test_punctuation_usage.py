from helpers import assert_rule, findings_for

from reportlint.model import Severity

YEAR = "2025年工作回顾\n\n"  # a document of today, held to GB/T 15834-2011


def test_fires_on_a_dunhao_between_items_in_book_title_marks_or_quotes():
    assert_rule(
        "punctuation-usage",
        invalid=[
            YEAR + "认真贯彻落实《意见》⟦、⟧《方案》，制定配套措施12项。",
            YEAR + "科学编制“十四五”⟦、⟧“十五五”规划，做好规划衔接。",
            YEAR + "深入推进“放管服”⟦、⟧“最多跑一次”改革。",
            YEAR + "先后修订《城市供水条例》⟦、⟧《物业管理条例》和《河道管理办法》。",
            YEAR + "他说：“要把‘办成事’⟦、⟧‘办好事’作为检验标准。”",
        ],
    )


def test_a_list_of_marked_items_is_one_finding_whose_fix_drops_every_dunhao():
    text = YEAR + "坚持“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针。"
    [finding] = findings_for("punctuation-usage", text)
    assert finding.severity is Severity.INFO  # the standard says 通常不用: usage varies
    assert finding.message.startswith("“一国两制”、“港人治港”、“澳人治澳”：")
    assert "宜写作“一国两制”“港人治港”“澳人治澳”" in finding.message
    assert [edit.content for edit in finding.fix.edits] == ["", ""]
    assert finding.fix.applicability == "safe"


def test_silent_where_the_standard_keeps_the_dunhao_or_the_items_are_not_both_marked():
    assert_rule(
        "punctuation-usage",
        valid=[
            # a note between the items (GB/T 15834-2011 4.5.3.5)
            YEAR + "认真贯彻落实《意见》（2024年修订）、《方案》，推动政策落地。",
            YEAR + "认真贯彻落实《意见》《方案》，编制“十四五”“十五五”规划。",
            # items of two kinds of mark, and items with unmarked words
            YEAR + "落实《条例》、“十四五”规划和各项改革任务。",
            YEAR + "建设“口袋公园”、街心绿地和城市绿道。",
            # clauses that each hold marked words
            YEAR + "推动“旅游”变“旅居”、“旅居”变“定居”，促进文旅深度融合。",
        ],
    )


def test_fires_on_an_ellipsis_with_deng():
    assert_rule(
        "punctuation-usage",
        invalid=[
            YEAR + "开展送文化、送科技、送卫生⟦……等⟧下乡活动120场次。",
            YEAR + "种植玉米、大豆、马铃薯⟦……等等⟧作物。",
        ],
        valid=[
            YEAR + "开展送文化、送科技、送卫生等下乡活动120场次。",
            YEAR + "开展送文化、送科技、送卫生……下乡活动覆盖所有行政村。",
            # a quotation that ends in an ellipsis, then a verb
            YEAR + "群众反映“办事还要来回跑……”等待解决的问题得到回应。",
        ],
    )
    [finding] = findings_for("punctuation-usage", YEAR + "种植玉米、大豆、马铃薯……等等作物。")
    assert [edit.content for edit in finding.fix.edits] == [""]
    assert "宜删去“等等”" in finding.message


def test_fires_on_an_ascii_hyphen_or_tilde_as_a_range():
    assert_rule(
        "punctuation-usage",
        invalid=[
            YEAR + "编制⟦2021-2025⟧年城市更新规划。",
            YEAR + "每个乡镇建设⟦3~5⟧个示范村，培育⟦2-3⟧家龙头企业。",
            YEAR + "为全市⟦0-6⟧岁儿童免费开展视力筛查。",
            YEAR + "⟦1-11⟧月全市规模以上工业增加值增长6.1%。",
            YEAR + "工作时间为每日⟦9-17⟧时，岩体张开宽度⟦0.5-1.5⟧毫米。",
        ],
    )


def test_a_span_of_time_takes_the_yi_zi_xian_an_amount_the_lang_wen_xian():
    findings = findings_for("punctuation-usage", YEAR + "2021-2025年，每年培训3~5次，1-11月完成。")
    assert [[edit.content for edit in f.fix.edits] for f in findings] == [["—"], ["～"], ["—"]]
    assert "起止时间用一字线“—”" in findings[0].message
    assert "数值范围用浪纹线“～”，不用“~”" in findings[1].message


def test_silent_on_hyphens_that_are_not_ranges():
    assert_rule(
        "punctuation-usage",
        valid=[
            YEAR + "严格执行GB/T 9704-2012，ISO 9001-2015认证企业达到120家。",
            YEAR + "2025-03-14发布，咨询电话0871-6123456。",
            YEAR + "详见图2-8和表3-1，G15-3高速全线贯通。",
            YEAR + "改造3-2号楼，女排以3-1获胜。",
            YEAR + "编号为12-5的地块，比例尺1:500。",
            YEAR + "Copyright © 2012-2025 www.example.cn All Rights Reserved",
            YEAR + "编制2021—2025年规划，每年培训3～5次。",
        ],
    )


def test_a_usage_the_document_repeats_is_reported_once_with_one_fix():
    items = "\n\n".join(f"第{n}组：{n}-{n + 2}岁儿童{n * 10}人。" for n in range(1, 6))
    [finding] = findings_for("punctuation-usage", YEAR + items)
    assert "全文5处同类用法" in finding.message
    assert [edit.content for edit in finding.fix.edits] == ["～"] * 5


def test_silent_in_a_document_before_the_standard():
    # the 1998 report's formula, written before GB/T 15834-2011 took effect
    assert_rule(
        "punctuation-usage",
        valid=[
            "一九九八年政府工作报告\n\n坚持“一国两制”、“港人治港”、“澳人治澳”的方针，1997年香港顺利回归。1998年继续推进。",
            # the same in a PDF capture that spaces out the digits of its years (national_1998.txt)
            "本届政府从1 9 9 3 年3 月就职。1 9 9 7 年香港回归，坚持“一国两制”、“港人治港”的方针。",
        ],
    )
