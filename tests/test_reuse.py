"""The copy index: text that occurs in two different paragraphs."""

import random

import pytest

from reportlint import reuse
from reportlint.parse import parse_text
from reportlint.reuse import Copy, copies, duplicate_paragraphs, normalise

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
        earlier = "基本完成中心城市失地农民安置打造城市更新新形态"[:shift] + run + "新增保障性租赁住房"
        later = FARM[:20] + "、" + run + "深化污染防治攻坚"
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
    original = reuse._common_prefix

    def counting(*args):
        calls[0] += 1
        return original(*args)

    monkeypatch.setattr(reuse, "_common_prefix", counting)
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
    assert all(c.later_start == 0 and c.earlier < reuse.MAX_POSTINGS for c in found)
    assert all(len(formula) <= c.length <= len(formula) + 2 for c in found)
    assert calls[0] <= reuse.MAX_POSTINGS * len(paragraphs)


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
    doc = parse_text("\n".join(p + chr(0x9000 + k) for k in range(30) for p in report), "big.txt")
    calls = _count_comparisons(monkeypatch)
    found = copies(doc)
    # each later copy shares its 61 first characters with every earlier copy: the first one is named
    assert len(found) == 100 * 29
    assert all(c.earlier == c.later % 100 and (c.later_start, c.later_end) == (0, 61) for c in found)
    assert calls[0] <= reuse.MAX_POSTINGS * len(doc.paragraphs)


def test_a_duplicate_is_measured_whole_when_another_paragraph_holds_part_of_it():
    # The later paragraph's first half is also in an earlier paragraph, with one more
    # character in common: the index names that one for it, difflib measures the pair.
    first, second = CITY[:40], CITY[41:]
    doc = parse_text("\n".join([first + "的" + FARM, first + "、" + second, first + "的" + second]), "a.txt")
    assert {(c.earlier, c.later_start) for c in copies(doc) if c.later == 2} == {(0, 0), (1, 41)}
    [(later, duplicate)] = duplicate_paragraphs(doc, 0.8, 30).items()
    assert (duplicate.earlier, later, duplicate.exact) == (1, 2, False)
    assert duplicate.similarity == (len(CITY) - 1) / len(CITY)
