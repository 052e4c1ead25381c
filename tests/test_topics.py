"""The topic model: content bigrams, sections as IDF documents, and how well a
fragment fits a place (what RL204 and RL203 decide copied fragments with)."""

import statistics
from dataclasses import dataclass
from pathlib import Path

from helpers import findings_for
from hypothesis import given
from hypothesis import strategies as st

from reportlint.analysis.misplacement import copy_fit, fragment_bounds
from reportlint.analysis.topics import median, terms, topic_model
from reportlint.text.parse import parse_text

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_ad65c542b7148e02.txt"
PASTED = "推动以天麻为代表的食药产品研发生产。力争新培育国家级农业龙头企业"


@dataclass(frozen=True)
class Copy:
    """The shape of reportlint.analysis.copy_index.Copy: a shared run between two paragraphs."""

    earlier: int
    earlier_start: int
    earlier_end: int
    later: int
    later_start: int
    later_end: int
    length: int


def copy_of(doc, text: str) -> Copy:
    (first, i), (second, j) = [(p.index, p.text.find(text)) for p in doc.paragraphs if text in p.text][:2]
    return Copy(first, i, i + len(text), second, j, j + len(text), len(text))


def sample():
    return parse_text(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))


def test_terms_are_bigrams_inside_runs_of_content_characters():
    found = terms("推动以天麻为代表的食药产品研发生产，新建5G基站1500个")
    assert {"天麻", "代表", "食药", "药产", "研发", "新建", "基站"} <= set(found)
    # no bigram across a function character, a digit, a letter or punctuation
    assert not {"以天", "为代", "的食", "表的", "产新", "建5", "站1"} & set(found)
    assert terms("改造老旧小区72个，老旧小区") == {"改造": 1, "造老": 1, "老旧": 2, "旧小": 2, "小区": 2}


def test_sections_follow_the_numbered_lead_paragraphs_of_a_plain_text_report():
    doc = sample()
    model = topic_model(doc)
    leads = [doc.paragraphs[s.first].text[:7] for s in model.sections]
    assert leads[-8:] == ["(一)千方百计", "(二)坚定不移", "(三)扎实推进", "(四)持续加快",
                          "(五)坚持不懈", "(六)锲而不舍", "(七)持之以恒", "(八)久久为功"]
    assert model.units == len(model.sections)
    assert topic_model(doc) is model  # computed once per document


def test_a_term_every_section_uses_weighs_nothing_and_a_rare_one_weighs_most():
    model = topic_model(sample())
    assert model.weight("推进") < model.weight("农业") < model.weight("天麻")
    assert model.weight("的发") == 0.0  # never a term


def test_the_pasted_fragment_of_the_sample_fits_the_agriculture_paragraph_not_urban_renewal():
    doc = sample()
    fit = copy_fit(doc, copy_of(doc, "," + PASTED))
    assert fit is not None
    assert fit.later.window_share <= 0.1 < fit.earlier.window_share
    assert fit.earlier.window > 3 * fit.later.window
    assert fit.earlier.section > 2 * fit.later.section
    assert fit.misplaced == "later"


def test_copies_that_are_not_fragments_out_of_place_are_not_judged():
    doc = sample()
    # the two environment paragraphs share their body: a repeat within one section
    assert copy_fit(doc, copy_of(doc, "中心城市空气质量优良率不低于99%。确保51个地表水断面")) is None


def test_a_fragment_starts_a_clause_and_ends_a_sentence():
    text = "实施科技赋农行动，大力发展大健康生物医药产业，推动以天麻为代表的食药产品研发生产。力争新培育"
    start = text.index("，推动")
    assert fragment_bounds(text, start, text.index("。") + 1) == (start + 1, text.index("。") + 1)
    # a run ending in mid-clause, or too short, is a shared phrase, not a fragment
    assert fragment_bounds(text, start, text.index("研发")) is None
    assert fragment_bounds(text, start, start + 10) is None
    formula = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。"
    assert fragment_bounds(formula, 3, formula.index("为指导")) is None


def test_a_real_shared_formula_in_two_chapters_is_not_out_of_place():
    # zhejiang_2025: the same closing clause in the review and in the self-building chapter
    text = (
        "三、全面加强政府自身建设\n\n"
        "坚持党的全面领导。深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”，坚定拥护“两个确立”、坚决做到“两个维护”。\n\n"
        "一、2024年工作回顾\n\n"
        "过去一年，我们始终把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，坚定拥护“两个确立”、坚决做到“两个维护”。\n\n"
        "二、2025年重点工作\n\n扩大有效投资，实施重大项目攻坚行动，新开工项目一千个以上。\n\n"
        "四、其他工作\n\n做好民族宗教、外事侨务、档案、地方志等工作。"
    )
    doc = parse_text(text, "case.txt")
    # a clause built on numbered formulas (“两个确立”) is said in several chapters on purpose
    assert copy_fit(doc, copy_of(doc, "坚定拥护“两个确立”、坚决做到“两个维护”。")) is None
    assert findings_for("misplaced-fragment", text) == []


def test_a_run_that_spills_a_few_characters_past_its_fragment_is_cut_back_to_it():
    # both copies happen to follow a sentence ending in 成效: the shared run starts at 效
    text = "协同发展取得成效。举办京津冀党政主要领导座谈会，推动协同发展走深走实。加强交通一体化建设。"
    run = text.index("效。举办")
    assert fragment_bounds(text, run, text.index("加强") + 2) == (text.index("举办"), text.index("加强"))
    # a run that starts well inside a clause is a phrase shared by chance, not a fragment
    assert fragment_bounds(text, text.index("主要领导"), text.index("加强")) is None


def test_a_run_that_starts_inside_an_enumeration_is_a_shared_phrase():
    # sc_iit_law_implementing_regulations_2018.txt, lines 57 and 59: two definitions end alike
    text = "（七）财产租赁所得，是指个人出租不动产、机器设备、车船以及其他财产取得的所得。"
    run = text.index("不动产")
    assert fragment_bounds(text, run, len(text)) is None
    # the same words after a comma start a clause
    clause = "（七）财产租赁所得，是指个人出租不动产，机器设备、车船以及其他财产取得的所得。"
    assert fragment_bounds(clause, clause.index("不动产"), len(clause)) == (clause.index("机器"), len(clause))


@given(st.lists(st.floats(min_value=0, max_value=1) | st.floats(allow_nan=False), min_size=1))
def test_the_median_is_statistics_median_to_the_last_bit(values):
    # the shares are floats in [0, 1]; any other float gives the same answer too (repr: -0.0, nan)
    assert repr(median(values)) == repr(statistics.median(values))
