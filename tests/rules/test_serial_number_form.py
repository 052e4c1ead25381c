from helpers import assert_rule, findings_for

YEAR = "2025年工作回顾\n\n"  # a document of today, held to GB/T 15834-2011


def test_fires_on_the_wrong_mark_after_an_outline_number():
    assert_rule(
        "serial-number-form",
        invalid=[
            YEAR + "⟦（一）、⟧加快建设现代化产业体系。",
            YEAR + "⟦(2)、⟧完善考核机制，强化结果运用。",
            YEAR + "⟦1、⟧推动传统产业转型升级，实施技术改造项目120个。",
            YEAR + "⟦一.⟧总体要求",
            "⟦一.⟧2025年工作回顾\n\n过去一年，全市经济运行稳中向好。",
            YEAR + "主要措施有：⟦1、⟧加强组织领导；⟦2、⟧压实工作责任。",
            YEAR + "⟦第一、⟧要提高思想认识。⟦第二、⟧要狠抓工作落实。",
        ],
    )


def test_the_message_and_the_fix_give_the_standard_form():
    text = YEAR + "（一）、加快建设现代化产业体系。"
    [finding] = findings_for("serial-number-form", text)
    assert finding.message == "序号“（一）、”的写法不规范，应为“（一）”（GB/T 15834）"
    assert [edit.content for edit in finding.fix.edits] == ["（一）"]
    assert finding.fix.applicability == "safe"


def test_a_form_the_document_writes_throughout_is_reported_once_with_one_fix():
    items = "\n\n".join(f"{n}、推进第{n}项重点工作。" for n in range(1, 6))
    [finding] = findings_for("serial-number-form", YEAR + items)
    assert "全文5处" in finding.message
    assert [edit.content for edit in finding.fix.edits] == [f"{n}." for n in range(1, 6)]


def test_silent_on_numbers_inside_a_sentence_and_on_lists_of_them():
    assert_rule(
        "serial-number-form",
        valid=[
            YEAR + "1、2月份全市规模以上工业增加值增长6.2%。",
            YEAR + "支持一、二级医院建设，启动第一、二批试点，3、5号线开通运营。",
            YEAR + "第一、第二、第三产业增加值分别增长3.1%、5.6%和6.2%。",
            YEAR + "报到时间：上午8:30—11:30、下午14:00—17:00。",
            YEAR + "1.1　编制目的\n\n（一）加快建设现代化产业体系。1.推动传统产业转型升级。",
            YEAR + "第一，要提高思想认识。一、总体要求",
        ],
    )


def test_silent_on_an_ordinal_heading_and_on_a_document_before_the_standard():
    assert_rule(
        "serial-number-form",
        valid=[
            # the parts of an older report headed 第一、… on lines of their own, without a full stop
            YEAR + "第一、关于基本建设\n\n第二、大力提高经济效益，积极扩大财源",
            # national_1983.txt: the time's usage, before GB/T 15834-2011
            "一九八三年国民经济和社会发展计划\n\n第一、改革计划体制，加强国家对国民经济的有效管理和指导。",
        ],
    )
