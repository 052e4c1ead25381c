"""The copy index: text that occurs in two different paragraphs."""

import random

import pytest

from reportlint.analysis import copy_index
from reportlint.analysis.copy_index import Copy, copies, duplicate_paragraphs, normalise
from reportlint.text.parse import parse_text

# Real report paragraphs (yunnan_2026.txt, beijing_2025.txt): no run of 12 characters in common.
FARM = ("实施科技赋农行动，推动以天麻为代表的食药产品研发生产。力争新培育国家级农业龙头企业2户，"
        "新增“三品一标”70个以上。")
CITY = ("深入推进城市更新。基本完成中心城市失地农民安置，打造城市更新新形态，让群众“安置”变“安居”。"
        "改造老旧小区72个，打造完整社区13个以上。")
SENTENCE = "推动以天麻为代表的食药产品研发生产。"


def shared(doc, copy: Copy) -> tuple[str, str]:
    earlier = doc.paragraphs[copy.earlier].text[copy.earlier_start : copy.earlier_end]
    later = doc.paragraphs[copy.later].text[copy.later_start : copy.later_end]
    return earlier, later


def test_a_copied_sentence_is_found_with_offsets_into_each_paragraph():
    doc = parse_text(f"{FARM}\n{CITY.replace('改造老旧小区', SENTENCE + '改造老旧小区')}", "a.txt")
    [copy] = copies(doc)
    assert (copy.earlier, copy.later) == (0, 1)
    # the maximal run: the clause mark before the sentence is shared too
    assert shared(doc, copy) == (SENTENCE, SENTENCE)
    assert copy.length == copy.later_end - copy.later_start


def test_whitespace_and_punctuation_width_do_not_hide_a_copy():
    spaced = "力争新培育 国家级农业龙头企业2户, 新增“三品一标”70个"
    doc = parse_text(f"{FARM}\n\n{CITY}{spaced}。", "a.md")
    [copy] = copies(doc)
    # CITY ends with 。 as FARM's sentence before 力争 does: the maximal run takes it in
    assert shared(doc, copy) == ("。力争新培育国家级农业龙头企业2户，新增“三品一标”70个",
                                 "。" + spaced)  # offsets map back past the spaces
    assert copy.length == len(spaced) - 1


def test_normalise_maps_back_to_the_original_offsets():
    normal = normalise("研发 生产, 力争（新）培育")
    assert normal.text == "研发生产，力争（新）培育"
    start = normal.text.index("生产")
    assert "研发 生产, 力争（新）培育"[normal.start(start) : normal.end(start + 5)] == "生产, 力争"
    assert normalise("研发生产,力争(新)培育!").text == "研发生产，力争（新）培育！"


def test_a_copy_at_every_alignment_is_found():
    # min_chars = shingle + stride - 1: every alignment of a 12-character run must hit an indexed shingle.
    run = "推动以天麻为代表的食药产"
    for shift in range(15):
        earlier = "基本完成中心城市失地农民安置打造城市更新新形态"[:shift] + run + "新增保障性租赁住房。"
        later = FARM[:20] + "、" + run + "深化污染防治攻坚。"
        doc = parse_text(f"{earlier}\n{later}", "a.txt")
        found = copies(doc, min_chars=12)
        assert [shared(doc, c)[1] for c in found] == [run], shift


def test_a_shorter_run_is_not_a_copy():
    doc = parse_text(f"{FARM}\n{CITY}推动以天麻为代表的食药。", "a.txt")
    assert copies(doc) == []  # 推动以天麻为代表的食药: 11 characters
    assert [shared(doc, c)[1] for c in copies(doc, min_chars=8)] == ["推动以天麻为代表的食药"]


def test_headings_and_short_lines_are_not_body_text():
    doc = parse_text(f"（一）推动以天麻为代表的食药产品研发生产\n\n{FARM}", "a.md")
    assert copies(doc) == []


def test_each_stretch_of_a_later_paragraph_is_paired_with_the_first_earlier_copy():
    doc = parse_text("\n".join([FARM, CITY, FARM, FARM]), "a.txt")
    found = copies(doc)
    assert [(c.earlier, c.later) for c in found] == [(0, 2), (0, 3)]
    assert all(c.later_start == 0 and c.later_end == len(FARM) for c in found)


def test_memoised_per_document():
    doc = parse_text(f"{FARM}\n{FARM}", "a.txt")
    assert copies(doc) is copies(doc)
    with pytest.raises(ValueError):
        copies(doc, min_chars=1)


def _unique_paragraph(rng: random.Random, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(60)) + "。"


def _count_comparisons(monkeypatch) -> list[int]:
    """Count the character-by-character comparisons the index makes: the work
    that would grow quadratically if candidate pairs were not capped."""
    calls = [0]
    original = copy_index._common_prefix

    def counting(*args):
        calls[0] += 1
        return original(*args)

    monkeypatch.setattr(copy_index, "_common_prefix", counting)
    return calls


def test_a_formula_in_every_paragraph_stays_linear(monkeypatch):
    """10,000 paragraphs that all repeat the same formula: the posting lists are
    capped, so each paragraph is compared with at most a few others."""
    rng = random.Random(0)
    alphabet = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 2000))
    formula = "坚持以习近平新时代中国特色社会主义思想为指导，"
    paragraphs = [formula + _unique_paragraph(rng, alphabet) for _ in range(10_000)]
    doc = parse_text("\n".join(paragraphs), "big.txt")
    calls = _count_comparisons(monkeypatch)
    found = copies(doc)
    # every later paragraph shares the formula (and by chance a character or two more)
    # with one of the first paragraphs that hold it, and nothing else
    assert len(found) == 9_999
    assert all(c.later_start == 0 and c.earlier < copy_index.MAX_POSTINGS for c in found)
    assert all(len(formula) <= c.length <= len(formula) + 2 for c in found)
    assert calls[0] <= copy_index.MAX_POSTINGS * len(paragraphs)


def test_a_document_pasted_into_itself_stays_linear(monkeypatch):
    rng = random.Random(1)
    alphabet = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 2000))
    report = [_unique_paragraph(rng, alphabet) for _ in range(200)]
    doc = parse_text("\n".join(report * 50), "big.txt")
    found = copies(doc)
    # each paragraph of the 49 later copies pairs with its first copy, whole
    assert len(found) == 200 * 49
    assert all(c.earlier == c.later % 200 and c.length == 61 for c in found)


def test_a_document_pasted_into_itself_with_edits_stays_linear(monkeypatch):
    """Each copy differs in its last character: every shingle fills its posting list."""
    rng = random.Random(2)
    alphabet = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 2000))
    report = [_unique_paragraph(rng, alphabet) for _ in range(100)]
    doc = parse_text("\n".join(p + chr(0x9000 + k) + "。" for k in range(30) for p in report), "big.txt")
    calls = _count_comparisons(monkeypatch)
    found = copies(doc)
    # each later copy shares its 61 first characters with every earlier copy: the first one is named
    assert len(found) == 100 * 29
    assert all(c.earlier == c.later % 100 and (c.later_start, c.later_end) == (0, 61) for c in found)
    assert calls[0] <= copy_index.MAX_POSTINGS * len(doc.paragraphs)


def test_a_duplicate_is_measured_whole_when_another_paragraph_holds_part_of_it():
    # The later paragraph's first half is also in an earlier paragraph, with one more
    # character in common: the index names that one for it, difflib measures the pair.
    first, second = CITY[:40], CITY[41:]
    doc = parse_text("\n".join([first + "的" + FARM, first + "、" + second, first + "的" + second]), "a.txt")
    assert {(c.earlier, c.later_start) for c in copies(doc) if c.later == 2} == {(0, 0), (1, 41)}
    [(later, duplicate)] = duplicate_paragraphs(doc, 0.8, 30).items()
    assert (duplicate.earlier, later, duplicate.exact) == (1, 2, False)
    assert duplicate.similarity == (len(CITY) - 1) / len(CITY)


def parts_of(text: str) -> list[tuple[int, str]]:
    doc = parse_text(text, "a.txt")
    return [(part, p.text[:6]) for part, p in zip(copy_index.document_parts(doc), doc.paragraphs)]


def test_a_file_is_parted_at_the_titles_of_the_documents_it_holds():
    # gob_badong_geohazard_reply_2004.txt: a reply, the ministry's report and the experts' opinion
    text = ("国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函\n\n你省请示收悉。现将有关意见转复你省。\n\n附件1\n\n"
            "关于湖北省巴东县官渡口镇马鬃山村\n\n地质险情调研情况的报告\n\n国务院：\n\n专家组进行了现场调查。\n\n附件2\n\n"
            "湖北省巴东县官渡口镇马鬃山村\n\n地质险情调查意见\n\n专家组认为，倾向于认为是由浅源地震造成的。")
    assert [part for part, _ in parts_of(text)] == [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2]
    # a news report and the communiqué it carries; a table of contents and the text it lists
    assert [part for part, _ in parts_of(
        "央视网消息：全会在北京举行。\n\n中国共产党第二十届中央委员会第二次全体会议公报\n\n全会在北京举行。")] == [0, 1, 1]
    assert [part for part, _ in parts_of(
        "政府工作报告\n\n目录\n\n一、总体要求\n\n二、重点任务\n\n一、总体要求\n\n坚持稳中求进工作总基调。")] == [0, 1, 1, 1, 1, 2]
    # bulletins of a numbered series, each under its own title
    assert [part for part, _ in parts_of(
        "主要数据公报（第一号）\n\n现将农业生产经营单位的主要数据公布如下：\n\n主要数据公报（第二号）\n\n"
        "现将农业生产条件的主要数据公布如下：")] == [0, 0, 1, 1]
    # a bulletin and the reading of it carried after it, whatever its title names
    assert [part for part, _ in parts_of(
        "2024年岚川省科技经费投入统计公报\n\n企业经费增长的贡献率为85.1%。\n\n附：\n\n全省研发投入实现量质齐升\n\n"
        "——省统计局负责人解读《2024年岚川省科技经费投入统计公报》\n\n三是企业贡献率为85.1%。")] == [0, 0, 0, 1, 1, 1]


def test_headings_appendices_and_titles_inside_sentences_do_not_part_a_file():
    text = ("一、2025年工作回顾\n\n过去一年，我们攻坚克难。\n\n二、2026年工作安排\n\n去年底，国务院发出《\n\n"
            "进一步贯彻实施民族区域自治法若干问题的通知\n\n》，提出了若干措施。\n\n名词解释\n\n1.“两重”：国家重大战略实施。"
            "\n\n附件\n\n2025年10件惠民实事\n\n一、关于推进医疗服务。")
    assert {part for part, _ in parts_of(text)} == {0}


def test_what_lies_in_brackets():
    text = "扩大电子商务进农村综合示范覆盖面。（商务部、财政部等和各有关省级人民政府负责）"
    note = text.index("（")
    assert copy_index.in_brackets(text, note, len(text))
    assert copy_index.in_brackets(text, text.index("财政部"), len(text) - 1)
    assert not copy_index.in_brackets(text, 0, note)
    assert not copy_index.in_brackets(text, text.index("示范"), len(text))  # reaches out of the brackets
    nested = "开展试点。（负责部门：人民银行（总行）；适用范围：福建自贸试验区）"
    assert copy_index.in_brackets(nested, nested.index("（"), len(nested))
    assert copy_index.in_brackets(nested, nested.index("适用"), len(nested) - 1)


def test_titles_and_headlines_are_not_running_text():
    for line in ["国家中长期科学和技术发展规划纲要", "《国家中长期科学和技术发展规划纲要》", "湖北省巴东县官渡口镇马鬃山村",
                 "（2023年2月28日中国共产党第二十届中央委员会第二次全体会议通过）",
                 "社会主义社会仍然存在阶级和阶级斗争。但是，绝不能说资本主义复辟是不可避免的"]:
        assert copy_index.is_title_line(line), line
    for line in ["坚持稳中求进工作总基调。", "国务院全体会议的主要任务是：", "去年底，国务院发出《",
                 FARM.rstrip("。") * 2]:  # a long paragraph that ends without a mark was cut off
        assert not copy_index.is_title_line(line), line


def test_parallel_subjects():
    body = "会同国家发展改革委、工业和信息化部、公安部等部门健全工作机制，统筹指导各地区开展风险防范和处置工作。"
    assert copy_index.parallel_subjects(normalise("中国人民银行" + body).text, normalise("中国证监会" + body).text)
    assert copy_index.parallel_subjects(normalise("第十二条　扣缴义务人应当" + body).text, normalise("第十三条　纳税人应当" + body).text)
    # a subject mistyped, a lead sentence rewritten, a clause rewritten before a comma: one subject
    assert not copy_index.parallel_subjects(normalise("中国人民银行" + body).text, normalise("中国人民很行" + body).text)
    assert not copy_index.parallel_subjects(normalise("把绿美环境护得更优。" + body).text,
                                       normalise("把生态屏障筑得更牢。" + body).text)
    assert not copy_index.parallel_subjects(normalise("推动签署补偿协议，实现" + body).text,
                                       normalise("抓牢大气污染防治，实现" + body).text)
    assert not copy_index.parallel_subjects(normalise("住房制度的改革要迈出较大步伐。进行" + body).text,
                                       normalise("改革开放迈出了新的步伐。进行" + body).text)


def test_labelled_fields():
    for text in ["责任单位：市发展改革委、市财政局、市商务局。", "完成时限：2026年底前", "牵头部门:省教育厅"]:
        assert copy_index.is_field(text), text
    for text in ["主要目标：到2027年，基本建成现代化产业体系。", "今年的主要任务是：推动高质量发展。",
                 "推动东西部协作和定点帮扶。", "重点任务：加快建设现代化产业体系和推动高质量发展。"]:
        assert not copy_index.is_field(text), text


def test_review_chapters():
    text = ("2024年工作回顾\n\n过去一年，我们攻坚克难。\n\n脱贫攻坚目标任务全面完成\n\n贫困人口全部脱贫。\n\n"
            "2025年工作安排建议\n\n今年是收官之年。\n\n一、过去五年工作回顾\n\n五年来，经济实力跃上新台阶。\n\n"
            "二、2026年政府工作任务\n\n扎实推进高质量发展。")
    doc = parse_text(text, "a.txt")
    assert copy_index.in_review(doc) == [True, True, True, True, False, False, True, True, False, False]


def test_a_task_restated_between_review_and_tasks_has_no_figures():
    task = "加大促投资真抓实干激励力度，全市固定资产投资实现较快增长。"
    ratio = "加大促投资真抓实干激励力度，开工备案项目比例达到1∶3.4。"
    text = f"一、2024年工作回顾\n\n{ratio}{task}\n\n二、2025年重点任务\n\n{ratio}{task}"
    doc = parse_text(text, "a.txt")
    at = [(p.index, 0, len(ratio)) for p in doc.paragraphs if ratio in p.text]
    assert not copy_index.restated_task(doc, at, ratio, mirrored=True)  # 1∶3.4 is a figure, said once
    assert copy_index.restated_task(doc, at, ratio.replace("1∶3.4", "新高"), mirrored=False)  # a topic sentence
    assert not copy_index.restated_task(doc, [at[0], at[0]], task, mirrored=True)  # both in the review
