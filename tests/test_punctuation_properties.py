"""Properties of the punctuation rules (RL401 punctuation-width, RL402 unmatched-pair, RL403
repeated-punctuation) over real paragraphs whose marks are swapped at random between full width
and ASCII, over bracket pairs whose halves differ in width, and over arbitrary text:

- no rule raises, and every span, related span and fix edit lies inside the text;
- punctuation-width reports each mark swapped to ASCII in Chinese text, and its fixes give the
  original text back;
- unmatched-pair and repeated-punctuation do not depend on the width of a mark: the same
  places are reported before and after the swaps.

The examples are bounded and derandomised (a fixed seed), so CI runs the same cases quickly.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import apply_edit
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportlint.analysis.punctuation import script
from reportlint.api import lint_text
from reportlint.config import Config

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RULES = ("punctuation-width", "unmatched-pair", "repeated-punctuation")
SETTINGS = settings(max_examples=80, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

HAN = re.compile("[\u4e00-\u9fff]")
SWAPS = {"，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")"}
# a clause ends at any of these; the script of the text since the last one decides
_CLAUSE_START = re.compile(r"[，。、；：？！,;:?!“”‘’《》（）()…—]")

# Real sentences (../shared/corpus), for when the corpus is not beside the clone.
BUILT_IN = [
    "学历教育包括义务教育（小学、初中教育）、高中阶段教育（普通高中、中等职业、技工教育）、"
    "高等教育（大学专科、大学本科、硕士研究生、博士研究生教育）。",
    "根据《中共北京市委关于制定北京市国民经济和社会发展第十五个五年规划的建议》，我们编制了"
    "《北京市国民经济和社会发展第十五个五年规划纲要（草案）》（以下简称《纲要草案》），全文提交大会审查。",
    "各位代表！一年来，我们全力做好国防动员、军民融合、双拥共建和退役军人服务保障，完成设备更新6.5万台（套）。",
    "主要预期目标是：经济增长5.5%左右；城镇新增就业30万人以上；居民消费价格涨幅3%左右。",
    "我们该怎么办？答案在改革。推广政府和社会资本合作（PPP）模式，加快推进5G、千兆光网建设。",
]


def _clean(paragraph: str) -> bool:
    return len(paragraph) >= 20 and HAN.search(paragraph) is not None and not _findings(paragraph)


def _findings(text: str) -> list:
    result = lint_text(text, "case.txt", Config(select=RULES))
    assert not result.crashes, result.crashes
    return result.findings


def _real_paragraphs() -> list[str]:
    texts = []
    if CORPUS.is_dir():
        for folder in ("gov-reports", "official-docs"):
            texts += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / folder).rglob("*.txt"))[::4]]
    lines = [line for text in texts for line in text.splitlines() if any(c in line for c in SWAPS)]
    # every 7th candidate, bounded: enough variety, little time spent collecting
    return BUILT_IN + [line for line in lines[::7][:120] if _clean(line)]


PARAGRAPHS = _real_paragraphs()


def _chinese_site(text: str, at: int) -> bool:
    """A full-width mark whose ASCII twin is Chinese punctuation beyond doubt: a , ; : ! ?
    between two Han characters ending a Chinese clause, a bracket with a Han character
    outside it and inside its pair."""
    char = text[at]
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    if char in "（）":
        outside = before if char == "（" else after
        inside = text[at + 1 : text.find("）", at)] if char == "（" else text[text.rfind("（", 0, at) + 1 : at]
        return bool(HAN.match(outside)) and HAN.search(inside) is not None
    if not (HAN.match(before) and HAN.match(after)):
        return False
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    clause = text[starts[-1] if starts else 0 : at]
    return script(clause) == "han"


@st.composite
def swapped_paragraphs(draw):
    """(original, swapped, offsets swapped): real paragraphs, some marks turned to ASCII."""
    start = draw(st.integers(0, len(PARAGRAPHS) - 1))
    original = "\n\n".join(PARAGRAPHS[start : start + draw(st.integers(1, 3))]) + "\n"
    sites = [at for at, char in enumerate(original) if char in SWAPS and _chinese_site(original, at)]
    chosen = sorted(draw(st.sets(st.sampled_from(sites), max_size=6))) if sites else []
    chars = list(original)
    for at in chosen:
        chars[at] = SWAPS[original[at]]
    return original, "".join(chars), chosen


def _assert_inside(text: str, findings: list) -> None:
    for finding in findings:
        assert 0 <= finding.span.start <= finding.span.end <= len(text), finding
        for related in finding.related:
            assert 0 <= related.span.start <= related.span.end <= len(text), finding
        for edit in finding.fix.edits if finding.fix else ():
            assert 0 <= edit.span.start <= edit.span.end <= len(text), finding


def _apply(text: str, findings: list) -> str:
    edits = sorted((e for f in findings if f.fix for e in f.fix.edits), key=lambda e: e.span.start, reverse=True)
    for edit in edits:
        text = apply_edit(text, edit)
    return text


def _places(findings: list, code: str) -> list[tuple[int, int]]:
    return sorted((f.span.start, f.span.end) for f in findings if f.code == code)


@SETTINGS
@given(case=swapped_paragraphs())
@example(case=(BUILT_IN[0], BUILT_IN[0].replace("技工教育）", "技工教育)"), [BUILT_IN[0].index("技工教育）") + 4]))
def test_marks_swapped_to_ascii_are_reported_where_they_are_and_fixed_back(case):
    original, swapped, chosen = case
    found = _findings(swapped)
    _assert_inside(swapped, found)
    width = [f for f in found if f.code == "RL401"]
    edited = {e.span.start: e.content for f in width if f.fix for e in f.fix.edits}
    for at in chosen:
        assert edited.get(at) == original[at], (at, swapped[max(0, at - 10) : at + 10])
    assert _apply(swapped, width) == original


@SETTINGS
@given(case=swapped_paragraphs(), data=st.data())
def test_pairing_and_repeats_do_not_depend_on_the_width_of_a_mark(case, data):
    original, swapped, chosen = case
    # a doubled comma and a deleted closing bracket, put in before the swaps
    commas = [at for at, char in enumerate(original) if char == "，" and at not in chosen]
    if commas:
        at = data.draw(st.sampled_from(commas))
        original = original[:at] + "，" + original[at:]
        swapped = swapped[:at] + "，" + swapped[at:]
    before, after = _findings(original), _findings(swapped)
    _assert_inside(swapped, after)
    for code in ("RL402", "RL403"):
        assert _places(after, code) == _places(before, code), code
    if commas:
        assert (at, at + 2) in _places(after, "RL403")


# --- pairs whose halves differ in width, and anything at all ------------------------------

PIECES = ["学历教育", "义务教育", "技工教育", "高中", "5G", "PPP", "2025年", "1,000", "3.6 : 48", "’99", "‘98",
          "iPhone 15 Pro", "Made in China", "https://a.cn/b(1)", "、", "?", "??", "...", "。", "，", "，，"]
MARKS = ["(", ")", "（", "）", "“", "”", "‘", "’", "《", "》", '"', ",", ";", ":", "!", "?", "；", "：", "！", "？"]

mixed_text = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(MARKS), st.just("\n\n")),
                      max_size=30).map("".join)


@SETTINGS
@given(text=mixed_text, path=st.sampled_from(["a.txt", "a.md"]))
@example(text="经济(发展", path="a.txt")
@example(text="推进改革...", path="a.txt")
@example(text="高中阶段教育（普通高中、技工教育)、高等教育(大学本科）。", path="a.md")
def test_mixed_widths_never_make_a_rule_raise_or_point_outside_the_text(text, path):
    result = lint_text(text, path, Config(select=RULES))
    assert not result.crashes, result.crashes
    _assert_inside(text, result.findings)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=st.text(max_size=60))
def test_any_text_at_all(text):
    result = lint_text(text, "a.txt", Config(select=RULES))
    assert not result.crashes, result.crashes
    _assert_inside(text, result.findings)


def test_the_swaps_are_not_vacuous():
    """The paragraphs offer sites to swap, and a swap is found."""
    assert len(PARAGRAPHS) >= len(BUILT_IN)
    sites = [at for at, char in enumerate(BUILT_IN[2]) if char in SWAPS and _chinese_site(BUILT_IN[2], at)]
    assert [BUILT_IN[2][at] for at in sites] == ["！", "，", "，", "（"]  # （套）。: no Han after ）


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet="，；：？！（）“”…,;:?!()\"……发展。、\n", max_size=30), min_size=1, max_size=4))
def test_the_full_width_marks_are_counted_as_the_plain_reading_does(paragraphs):
    # counted with str.count for speed; the plain reading walks every character
    from collections import Counter

    from reportlint.analysis.punctuation import FULL_WIDTH_MARKS, full_width_count, full_width_kinds
    from reportlint.text.parse import parse_text

    doc = parse_text("\n\n".join(paragraphs))
    texts = [p.text for p in doc.paragraphs if p.kind != "artifact"]
    kinds = {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "()", "“": '""'}
    plain = Counter(kinds.get(m, "...") for text in texts for m in re.findall("[，；：？！（“]|…+", text))
    assert full_width_count(doc) == sum(char in FULL_WIDTH_MARKS for text in texts for char in text)
    assert +full_width_kinds(doc) == plain
