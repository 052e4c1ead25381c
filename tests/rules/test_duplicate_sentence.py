from pathlib import Path
from unittest import mock

from helpers import assert_rule, findings_for

import reportlint.checks.duplicate_sentence as duplicate_sentence

# hebei_2025.txt, lines 61 and 63: two paragraphs of one section.
REFORM = ("持续推进市场化改革。推动国家改革举措落地见效。高质量完成国企改革深化提升行动。宣传贯彻民营经济促进法。"
          "深化零基预算改革，强化重大战略和基本民生保障。加大培育力度，推动企业高质量上市。"
          "抓好国家级二轮到期延包整县试点，发展壮大新型农村集体经济。深化供销社综合改革。")
OPENING = ("持续扩大高水平开放。推动稳外贸稳外资。实施冀货出海拓市场等行动，培育跨境电商、海外仓等新业态，拓宽中间品出口渠道。"
           "积极发展服务贸易、绿色贸易、数字贸易。推进国际贸易“单一窗口”建设，提高通关便利化水平。")
BUDGET = "深化零基预算改革，强化重大战略和基本民生保障。"
LISTING = "加大培育力度，推动企业高质量上市。"
SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_ad65c542b7148e02.txt"


def opening_with(inserted: str, after: str = "推动稳外贸稳外资。") -> str:
    return OPENING.replace(after, after + inserted)


def test_fires_on_a_sentence_pasted_into_a_second_paragraph():
    assert_rule(
        "duplicate-sentence",
        invalid=[
            f"{REFORM}\n\n{opening_with(f'⟦{BUDGET}⟧')}",
            # at the end of the later paragraph
            f"{REFORM}\n\n{OPENING}⟦{BUDGET}⟧",
            # two sentences in a row are one finding
            f"{REFORM}\n\n{opening_with(f'⟦{BUDGET}{LISTING}⟧')}",
            # with ASCII punctuation, as pasted from a web page
            f"{REFORM}\n\n{opening_with('⟦深化零基预算改革,强化重大战略和基本民生保障。⟧')}",
            # in the earlier paragraph the sentence ends with ；
            f"{REFORM.replace(BUDGET, BUDGET[:-1] + '；')}\n\n{opening_with(f'⟦{BUDGET}⟧')}",
        ],
    )


def test_silent_on_formulas_and_shared_phrasing():
    assert_rule(
        "duplicate-sentence",
        valid=[
            "各位代表！\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n各位代表！请予审议。",
            # the formulas reports repeat inside longer sentences (tianjin_2025.txt, lines 15 and 71)
            "政府工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神。\n\n"
            "今年是“十四五”规划收官之年。以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，"
            "扎实推进高质量发展。",
            # hebei_2025.txt, lines 37 and 51: a task the summary lists, and later the lead of its own paragraph
            "坚持稳中求进工作总基调，加快建设经济强省、美丽河北，高标准高质量建设雄安新区，深入实施京津冀协同发展战略。\n\n"
            "高标准高质量建设雄安新区。坚持承接疏解和城市建设两手抓，推动央企二、三级子公司和创新业务板块落地。",
            # a refrain inside one paragraph is not a paste
            "人民城市人民建，人民城市为人民，城市发展成果由全体人民共享。我们始终坚信：人民城市人民建，人民城市为人民，城市发展成果由全体人民共享。",
            # a sentence shorter than min-chars
            f"{REFORM}\n\n{opening_with('深化供销社综合改革。')}",
        ],
    )


def test_silent_where_duplicate_paragraph_reports():
    # the sample report's lines 80 and 82 share every sentence after the lead: one paragraph pasted twice
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    text = f"{lines[79]}\n\n{lines[81]}"
    assert findings_for("duplicate-paragraph", text)
    assert not findings_for("duplicate-sentence", text)


def test_silent_on_list_items_and_table_cells():
    assert not findings_for("duplicate-sentence", f"- {REFORM}\n- {opening_with(BUDGET)}", "case.md")
    assert not findings_for("duplicate-sentence", f"| {BUDGET} |\n|---|\n| {BUDGET} |", "case.md")


def test_leaves_a_misplaced_copy_to_misplaced_fragment():
    # The sample's one copied sentence (line 70, from line 48) is out of place: RL204 reports it.
    text = SAMPLE.read_text(encoding="utf-8")
    assert not findings_for("duplicate-sentence", text)
    with mock.patch.object(duplicate_sentence, "_misplaced", lambda doc: {}):
        [finding] = findings_for("duplicate-sentence", text)
    assert finding.line == 70
    assert text[finding.span.start : finding.span.end] == "力争新培育国家级农业龙头企业"
    [related] = finding.related
    assert text[related.span.start : related.span.end] == "力争新培育国家级农业龙头企业"
    assert text.count("\n", 0, related.span.start) + 1 == 48


def test_message_and_related_copy():
    text = f"{REFORM}\n\n{opening_with(BUDGET)}"
    [finding] = findings_for("duplicate-sentence", text)
    assert finding.message == "“深化零基预算改革，强化重大战略和基本民生…”已见于前文段落“持续推进市场化改革。”：疑为复制粘贴时重复的句子"
    [related] = finding.related
    assert text[related.span.start : related.span.end] == BUDGET
    assert related.span.start < len(REFORM)


def test_consecutive_sentences_are_one_finding():
    text = f"{REFORM}\n\n{opening_with(BUDGET + LISTING)}"
    [finding] = findings_for("duplicate-sentence", text)
    assert finding.message.startswith("连续2句“深化零基预算改革")
    [related] = finding.related
    assert text[related.span.start : related.span.end] == BUDGET + LISTING
    assert related.message == "前文的相同几句"


def test_min_chars_option():
    text = f"{REFORM}\n\n{opening_with('加大培育力度，推动企业高质量上市。')}"  # 15 Chinese characters
    assert findings_for("duplicate-sentence", text)
    assert not findings_for("duplicate-sentence", text, options={"min-chars": 16})
    short = f"{REFORM}\n\n{opening_with('宣传贯彻民营经济促进法。')}"  # 10
    assert not findings_for("duplicate-sentence", short)
    assert findings_for("duplicate-sentence", short, options={"min-chars": 10})
