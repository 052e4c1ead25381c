import re
from pathlib import Path

import pytest
from helpers import apply_edit, assert_rule, findings_for

from reportlint.text.decoding import decode

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "seeds" / "000_ad65c542b7148e02.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"


def apply(text: str, finding) -> str:
    for edit in sorted(finding.fix.edits, key=lambda e: e.span.start, reverse=True):
        text = apply_edit(text, edit)
    return text


def test_fires_on_each_stray_ascii_mark_in_full_width_text():
    assert_rule(
        "punctuation-width",
        invalid=[
            "86个“两重”项目全部开工⟦,⟧“两新”政策带动设备更新投资增长。",
            "巩固壮大实体经济根基，扎实推进全球数字经济标杆城市建设，培育生物制造等新增长点⟦;⟧推动传统产业提质升级。",
            "在肯定成绩的同时，我们也清醒地看到面临的问题和挑战⟦:⟧需求不足特别是消费不足是影响经济增长的主要矛盾。",
            "各位代表⟦!⟧一年来，我们全力做好国防动员、军民融合、双拥共建和退役军人服务保障。",
            "组织好世贸组织有关知识和规则的学习、宣传，分期分批对国家公务员特别是县⟦(处)⟧级以上领导干部进行普遍培训。",
            "继续推进林业重点生态工程建设，综合治理水土流失面积4.8万平方公里。加强⟦\"三河三湖\"⟧ 等重点流域水污染防治。",
            "推动高质量发展，建设文化、旅游、体育等产业⟦......⟧各项事业全面发展。",
            # half-width outline numbers: the numbering rule accepts them, this one converts them
            "⟦(一)⟧坚决维护社会和谐稳定。扎实推进中华民族共同体建设，始终把维护稳定作为第一位的工作任务。",
            "⟦(1)⟧加快发展新质生产力。推动科技创新和产业创新深度融合。",
            # a mixed clause is Chinese when its Han characters outnumber its Latin words
            "加快推进5G⟦,⟧千兆光网建设，推广政府和社会资本合作⟦(PPP)⟧模式。",
        ],
    )


def test_silent_on_numbers_urls_code_latin_text_and_list_markers():
    assert_rule(
        "punctuation-width",
        valid=[
            "全年新增贷款1,000万元，比例尺为1:500，会议于3:30开始，居民消费价格上涨2.5%。",
            "详见https://www.gov.cn/a,b，欢迎查阅。",
            "来信请寄mail@gov.cn，我们将及时回复。",
            "字段格式为`a,b`，请按此填写。",
            "1.加快发展新质生产力。推动科技创新和产业创新深度融合。",
            "（1）加快发展新质生产力。（一）坚决维护社会和谐稳定。",
            "我们推进“中国制造2025”（Made in China 2025, MIC 2025）。",
            "这一理念的英文表述为“Lucid waters and lush mountains are invaluable assets, and we keep them.”",
            "The plan, known as Made in China 2025, was issued in 2015.",
            "建成5G基站12.3万个，推出iPhone 15 Pro (256GB)等新品，设函数f(x)为增长率。",
            # real sentences of the corpus that are full-width throughout
            "今年1月7日，日喀则定日县发生6.8级地震，习近平总书记第一时间作出重要指示。",
            "2026-02-03 09:02:33",
            "各位代表：现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。",
        ],
    )


def test_each_finding_carries_a_safe_fix_to_the_full_width_mark():
    text = "大力发展高精尖产业，巩固壮大实体经济根基,推动集成电路重点项目扩产量产。"
    [finding] = findings_for("punctuation-width", text)
    assert finding.message == "中文中使用了半角逗号“,”，应为全角“，”"
    assert finding.fix.applicability == "safe"
    assert apply(text, finding) == text.replace(",", "，")


def test_a_bracket_pair_is_one_finding_whose_fix_converts_both_halves():
    text = "完成设备更新6.5万台(套)，实现消费品以旧换新销售额19.5亿元。"
    [finding] = findings_for("punctuation-width", text)
    assert finding.message == "中文中使用了半角括号“(套)”，应为全角“（套）”"
    assert len(finding.fix.edits) == 2
    assert apply(text, finding) == "完成设备更新6.5万台（套），实现消费品以旧换新销售额19.5亿元。"


def test_sample_gets_one_finding_for_the_whole_file():
    source = SAMPLE.read_text(encoding="utf-8")
    [finding] = findings_for("punctuation-width", source, SAMPLE.name)
    assert (finding.line, finding.column) == (9, 3)  # the first ASCII mark, (五): line 1 is blank
    assert finding.file_level == ""
    assert finding.message == "全文386处半角标点用在中文中（“,”355处，“( )”各11处，“!”6处，“:”3处），应使用全角标点"
    assert finding.fix.applicability == "safe" and len(finding.fix.edits) == 386
    assert source[finding.span.start : finding.span.end] == "(五)"
    assert [source[r.span.start : r.span.end] for r in finding.related] == [",", ",", ","]
    fixed = apply(source, finding)
    assert not re.search(r"[\u4e00-\u9fff][,:!(]|[,:!)][\u4e00-\u9fff“]", fixed)
    assert fixed.count("，") == 355 and fixed.count("（") == fixed.count("）") == 11
    assert not findings_for("punctuation-width", fixed, SAMPLE.name)


def test_whole_file_thresholds_are_options():
    clauses = ["推进项目建设", "扩大有效投资", "提振居民消费", "稳定外贸外资", "促进充分就业", "兜牢民生底线"]
    ascii_text = "\n".join(",".join(clauses) + "。" for _ in range(3))  # 15 ASCII commas
    [whole] = findings_for("punctuation-width", ascii_text)
    assert whole.message.startswith("全文15处半角标点")
    # below the whole-file count, the commas are still one kind written in ASCII throughout
    [kind] = findings_for("punctuation-width", ascii_text, options={"whole-file-count": 20})
    assert kind.message == "全文15处半角逗号“,”用在中文中，应使用全角“，”"
    singles = findings_for("punctuation-width", ascii_text, options={"whole-file-count": 20, "kind-count": 20})
    assert len(singles) == 15
    # mostly full-width: each stray on its own
    mixed = ascii_text + "\n" + "\n".join("，".join(clauses) + "。" for _ in range(4))  # 20 full-width
    assert len(findings_for("punctuation-width", mixed)) == 15
    assert len(findings_for("punctuation-width", mixed, options={"whole-file-share": 0.4})) == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus is not beside this clone")
def test_a_stray_comma_injected_in_a_full_width_report():
    source, _ = decode((CORPUS / "hebei_2026.txt").read_bytes(), None)
    assert not findings_for("punctuation-width", source, "hebei_2026.txt")
    lines = source.split("\n")
    number = next(n for n, line in enumerate(lines) if len(line) > 100 and re.search("[\u4e00-\u9fff]，[\u4e00-\u9fff]", line))
    column = re.search("[\u4e00-\u9fff]，[\u4e00-\u9fff]", lines[number]).start() + 1
    lines[number] = lines[number][:column] + "," + lines[number][column + 1 :]
    injected = "\n".join(lines)
    [finding] = findings_for("punctuation-width", injected, "hebei_2026.txt")
    assert (finding.line, finding.column, finding.end_column) == (number + 1, column + 1, column + 2)
    assert apply(injected, finding) == source


# --- pairs whose halves differ in width (issue 12: RL401 crashed on them) ------------------

EDUCATION = ("学历教育包括义务教育（小学、初中教育）、高中阶段教育（普通高中、中等职业、技工教育)、"
             "高等教育（大学专科、大学本科、硕士研究生、博士研究生教育）。")


def test_a_pair_whose_halves_differ_in_width_reports_its_ascii_half():
    assert_rule(
        "punctuation-width",
        invalid=[
            EDUCATION.replace("技工教育)", "技工教育⟦)⟧"),
            "组织好世贸组织有关知识和规则的学习，对国家公务员特别是县⟦(⟧处）级以上领导干部进行普遍培训。",
            "完成设备更新6.5万台（套⟦)⟧，实现消费品以旧换新销售额19.5亿元；新增（扩建⟦)⟧幼儿园12所。",
            # a full-width pair around an ASCII one, and the other way round
            "编制了《纲要（草案⟦(⟧试行））》，全文提交大会审查。",
        ],
    )
    [finding] = findings_for("punctuation-width", EDUCATION)
    assert finding.message == "半角括号“)”与全角“（”配对，应为全角“）”"
    [related] = finding.related
    assert EDUCATION[related.span.start : related.span.end] == "（" and related.span.start == EDUCATION.index("（普通")
    assert apply(EDUCATION, finding) == EDUCATION.replace(")", "）")


def test_a_full_width_bracket_left_open_beside_an_ascii_one():
    # found by tests/test_rules_total.py: an unclosed （ after an unclosed ( raised KeyError
    assert_rule("punctuation-width", valid=["（下降", "下降（３．５％《；（"],
                invalid=["推进⟦(⟧改革（开放", "推进（改革⟦(⟧开放"])
    findings_for("punctuation-width", "(３．５％《；（下降比重")  # asserts that the rule did not crash


def test_an_ellipsis_that_is_the_only_mark_of_the_file():
    # no ， ； ： in the file: the share of ASCII marks has nothing to divide by (issue 14)
    assert_rule("punctuation-width", invalid=["推进改革⟦...⟧", "深化改革⟦......⟧\n\n扩大开放"])


# --- a kind of mark written in ASCII throughout ------------------------------------------

def _report(headings: list[str], ending: str = "！") -> str:
    """A report whose commas are full-width: its outline numbers and its 各位代表 lines are
    written with the marks given."""
    body = "扎实推进中华民族共同体建设，始终把维护稳定作为第一位的工作任务，坚持依法治理，加强基层治理，确保社会大局持续和谐稳定。"
    return "政府工作报告\n\n" + "\n\n".join(f"{heading}\n\n各位代表{ending}{body}" for heading in headings) + "\n"


NUMBERS = "一二三四五六七"


def test_brackets_written_in_ascii_throughout_are_one_finding():
    text = _report([f"({n})坚决维护社会和谐稳定" for n in NUMBERS])
    [finding] = findings_for("punctuation-width", text)
    # at the first place, the next ones as examples
    assert (finding.line, finding.column) == (3, 1) and text[finding.span.start : finding.span.end] == "(一)"
    assert finding.message == "全文7处半角括号“( )”用在中文中，应使用全角“（）”"
    assert [text[r.span.start : r.span.end] for r in finding.related] == ["(二)", "(三)", "(四)"]
    assert finding.fix.applicability == "safe" and len(finding.fix.edits) == 14
    fixed = apply(text, finding)
    assert "(" not in fixed and fixed.count("（") == 7
    assert not findings_for("punctuation-width", fixed)


def test_each_kind_written_in_ascii_throughout_is_one_finding_of_its_own():
    text = _report([f"({n})坚决维护社会和谐稳定" for n in NUMBERS], ending="!")
    messages = sorted(f.message for f in findings_for("punctuation-width", text))
    assert messages == ["全文7处半角叹号“!”用在中文中，应使用全角“！”", "全文7处半角括号“( )”用在中文中，应使用全角“（）”"]


def test_a_kind_mostly_in_ascii_names_its_few_full_width_marks():
    headings = [f"({n})坚决维护社会和谐稳定" for n in NUMBERS[:6]] + ["（七）坚决维护社会和谐稳定"]
    [finding] = findings_for("punctuation-width", _report(headings))
    assert finding.message == "全文6处半角括号“( )”用在中文中，全角的只有1处，应使用全角“（）”"


def test_a_stray_mark_beside_a_kind_in_ascii_throughout_is_its_own_finding():
    text = _report([f"({n})坚决维护社会和谐稳定" for n in NUMBERS]).replace("始终把", "始终,把", 1)
    found = findings_for("punctuation-width", text)
    assert [f.message for f in found] == ["全文7处半角括号“( )”用在中文中，应使用全角“（）”",
                                          "中文中使用了半角逗号“,”，应为全角“，”"]
    assert found[1].line == 5


def test_a_few_ascii_marks_of_a_kind_in_a_full_width_file_are_each_their_own_finding():
    headings = [f"({n})坚决维护社会和谐稳定" for n in NUMBERS[:2]] + [f"（{n}）坚决维护社会和谐稳定" for n in NUMBERS[2:]]
    found = findings_for("punctuation-width", _report(headings))
    assert [f.message for f in found] == ["中文中使用了半角括号“(一)”，应为全角“（一）”",
                                          "中文中使用了半角括号“(二)”，应为全角“（二）”"]
    # four ASCII brackets of eleven: not the file's habit, however many there are
    assert len(findings_for("punctuation-width", _report(headings), options={"kind-count": 2})) == 2


def test_the_kind_threshold_is_an_option():
    text = _report([f"({n})坚决维护社会和谐稳定" for n in NUMBERS])
    assert len(findings_for("punctuation-width", text, options={"kind-count": 8})) == 7
    assert len(findings_for("punctuation-width", text, options={"kind-count": 7})) == 1


# --- what is not Chinese punctuation -----------------------------------------------------

def test_silent_on_ratios_written_with_spaces():
    assert_rule(
        "punctuation-width",
        valid=[
            "地区生产总值完成253.7亿元，同比增长10.1%。三次产业结构演进为3.6 : 48 : 48.4。",
            "三次产业结构调整为4.2 : 35.9 : 59.9，比例尺为1 : 10000。",
        ],
        invalid=["三次产业结构演进为3.6 : 48 : 48.4⟦;⟧多项指标总量位居全市第一。",
                 "主要预期目标是⟦:⟧ 3项约束性指标全面完成。"],
    )


def test_silent_on_page_chrome_the_document_marks_as_artifacts():
    # a web page's widgets and metadata are layout-artifact's findings, not punctuation
    assert_rule(
        "punctuation-width",
        valid=[
            "政府工作报告\n\n来源:人民日报\n\n责任编辑:张三\n\n各位代表：现在，我代表省人民政府，向大会报告工作。\n\n分享到:",
            "2026-02-03 09:02:33\n\n您的位置:首页 > 要闻\n\n各位代表：现在，我代表省人民政府，向大会报告工作。",
        ],
    )


# --- a ? that is a lost character, not a question mark -----------------------------------

def test_a_question_mark_where_none_can_stand_is_a_lost_character():
    assert_rule(
        "punctuation-width",
        invalid=[
            # real captures: a character GBK could not hold came out as ?
            "水利领域，洞庭湖区重点垸堤防加固二期、⟦?⟧水灌区开工建设，大兴寨水库大坝封顶。",
            "85个学科进入ESI世界学科排名前1％、9个学科进入前1‰、1个学科进入前1⟦?⟧。医疗服务更加优质高效。",
            "加快建设（⟦??⟧）高速公路，推进“⟦?⟧江新区”规划编制。",
            # inside a word, in a sentence that asks nothing
            "推进贵州⟦?⟧江航道整治工程，加快沅水、⟦?⟧水航运建设。",
        ],
    )
    [finding] = findings_for("punctuation-width", "洞庭湖区重点垸堤防加固二期、?水灌区开工建设。")
    assert finding.message == "“?”疑为丢失的字：这里不能用问号，原来的字在复制或转码时变成了“?”"
    assert finding.fix is None  # which character it was, only the source can tell


def test_a_question_mark_ending_a_question_is_still_half_width_punctuation():
    assert_rule(
        "punctuation-width",
        invalid=[
            "我们该怎么办⟦?⟧答案在改革。",
            "发展为了谁⟦?⟧为了人民。改革的出路在哪里⟦?⟧在创新。",
            "群众满意吗⟦?⟧。这是检验工作的标准。",
        ],
    )
    # a ? alone in brackets marks a doubt (GB/T 15834): a question mark, to be full-width
    assert_rule("punctuation-width", invalid=["该寺始建于唐代（⟦?⟧），历代均有修葺。"])
    [finding] = findings_for("punctuation-width", "我们该怎么办?答案在改革。")
    assert finding.message == "中文中使用了半角问号“?”，应为全角“？”"


def test_a_lost_character_is_never_part_of_a_whole_file_finding():
    clauses = ["推进项目建设", "扩大有效投资", "提振居民消费", "稳定外贸外资", "促进充分就业", "兜牢民生底线"]
    text = "\n".join(",".join(clauses) + "。" for _ in range(3)) + "\n加固二期、?水灌区开工建设。"
    found = findings_for("punctuation-width", text)
    assert found[0].message.startswith("全文15处半角标点") and found[1].message.startswith("“?”疑为丢失的字")
    assert len(found[0].fix.edits) == 15 and all(edit.content == "，" for edit in found[0].fix.edits)
