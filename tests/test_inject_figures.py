"""The defect injector of bench/quality_figures.py does what it records.

The bench judges the figure rules by the lines the injector records, so a
wrong record would pass a bad rule or fail a good one: each test reads the
injected line back with reportlint.analysis.figures and checks that the defect is
there. Skipped without the real corpus beside the clone, like
tests/test_corpus.py.
"""

import random

from injecting import CORPUS, by_kind, injector, line, needs, report_fixtures

from reportlint.analysis.figures import counted_enumerations, figures, respectively
from reportlint.text.structure import numbering

REPORT = CORPUS / "yunnan_2025.txt"  # a 9个方面 claim, lists, 分别 with three values, 其中, shares

pytestmark = needs(REPORT)

inj = injector("inject_figures")
clean, injected = report_fixtures(REPORT, inj.inject, seed=0)


def test_every_kind_with_a_site_is_placed_on_its_own_line(injected):
    # This report has no indicator stated twice and no figure in a clause that opens a sentence
    # alone; its one claim takes one of the two section changes; its few counted lists go to the
    # list changes in turn.
    assert {inj.RESTATED_CHANGED, inj.CLAUSE_CHANGED} <= set(injected.unplaced) <= {
        inj.RESTATED_CHANGED, inj.CLAUSE_CHANGED, inj.SECTION_ADDED, inj.SECTION_DROPPED,
        inj.COUNT_CHANGED, inj.ITEM_ADDED, inj.ITEM_DROPPED, inj.LIST_GROWN}
    kinds = [i.kind for i in injected.injections + injected.controls]
    every = [k for kinds in (*inj.KINDS.values(), *inj.CONTROLS.values()) for k in kinds]
    assert len(kinds) == len(set(kinds)) == len(every) - len(injected.unplaced)
    assert len({inj.SECTION_ADDED, inj.SECTION_DROPPED} & set(kinds)) == 1
    assert {c.kind for c in injected.controls} == {k for ks in inj.CONTROLS.values() for k in ks} - set(injected.unplaced)
    everything = injected.injections + injected.controls
    used = [n for i in everything for n in (i.line, *(n for _, n in i.also))]
    assert len(used) == len(set(used)), "two injections share a paragraph"
    for injection in everything:
        assert injection.text in line(injected, injection.line)
    for injection in injected.injections:
        assert injection.rule in inj.RULES and injection.kind in inj.KINDS[injection.rule]
    for control in injected.controls:
        assert control.kind in inj.CONTROLS[control.rule]


def test_nothing_changes_but_the_recorded_lines(clean, injected):
    # Only the section changes move lines: a paragraph and its blank line, dropped or added.
    sections = [i for i in injected.injections if i.kind in (inj.SECTION_ADDED, inj.SECTION_DROPPED)]
    added = 2 if sections[0].kind == inj.SECTION_ADDED else -2
    assert injected.text.count("\n") == clean.count("\n") + added
    before = set(clean.split("\n"))
    changed = {n for n, text in enumerate(injected.text.split("\n"), 1) if text not in before}
    recorded = {i.line for i in injected.injections + injected.controls} - {sections[0].line}
    if added > 0:  # the copy of the last section, numbered on, is a new line as well
        assert len(changed - recorded) == 1
        changed -= recorded
        [new] = changed
        assert injected.text.split("\n")[new - 1].startswith("（十）")
    else:
        assert changed == recorded


def test_counts_disagree_with_their_lists(clean):
    for seed in range(3):
        result = inj.inject(clean, random.Random(seed), kinds=(inj.COUNT_CHANGED, inj.ABBREVIATION_CHANGED))
        assert result.unplaced == []
        for injection in result.injections:
            text = line(result, injection.line)
            [(enumeration, count)] = [(e, f) for e, f in counted_enumerations(text) if f.text == injection.text]
            assert count.value != len(enumeration.items)
            assert text.replace(injection.text, injection.original) in clean.split("\n")


def test_a_dropped_item_leaves_a_shorter_list_before_the_same_count(clean):
    result = inj.inject(clean, random.Random(0), kinds=(inj.ITEM_DROPPED,))
    dropped = by_kind(result, inj.ITEM_DROPPED)
    assert dropped.text in line(result, dropped.line)
    [(enumeration, count)] = [(e, f) for e, f in counted_enumerations(dropped.text)]
    assert len(enumeration.items) == count.value - 1 and "、" in dropped.text
    assert dropped.original.endswith(count.text) and len(dropped.original) > len(dropped.text)


def test_an_added_item_lengthens_the_list_before_the_same_count(clean):
    result = inj.inject(clean, random.Random(0), kinds=(inj.ITEM_ADDED,))
    added = by_kind(result, inj.ITEM_ADDED)
    assert added.text in line(result, added.line)
    [(enumeration, count)] = counted_enumerations(added.text)
    assert len(enumeration.items) == count.value + 1
    assert added.text.endswith(count.text) and added.original.endswith(count.text)
    assert [added.text.replace("、" + item.text, "", 1) == added.original for item in enumeration.items].count(True) == 1


def test_sections_after_the_claim_no_longer_match_it(clean):
    for seed, kind in ((0, inj.SECTION_DROPPED), (1, inj.SECTION_ADDED)):
        result = inj.inject(clean, random.Random(seed), kinds=(inj.SECTION_DROPPED, inj.SECTION_ADDED))
        [injection] = result.injections
        assert injection.kind == kind and injection.text == "9个方面" in line(result, injection.line)
        # The sections （一）… of the claim's chapter, up to the next chapter 四、.
        sections = []
        for text in result.text.split("\n")[injection.line :]:
            number = numbering(text)
            if number and number[0] == 1:
                break
            if number and number[0] == 2:
                sections.append(text)
        assert len(sections) == (8 if kind == inj.SECTION_DROPPED else 10)
        if kind == inj.SECTION_ADDED:  # the last one again, numbered on
            assert sections[-1].startswith("（十）") and sections[-1][3:] == sections[-2][3:]


def test_respectively_has_one_value_too_many_or_too_few(injected):
    for kind in inj.KINDS[inj.RESPECTIVELY]:
        injection = by_kind(injected, kind)
        [found] = [r for r in respectively(line(injected, injection.line)) if r.values and
                   injection.text.startswith(r.values[0].text)]
        assert len(found.values) == len(found.subjects) + (1 if kind == inj.VALUE_ADDED else -1)


def test_a_copied_sentence_states_its_indicator_with_another_number(injected):
    injection = by_kind(injected, inj.COPY_CHANGED)
    [(rule, source)] = injection.also
    assert rule == inj.CONFLICT and source != injection.line
    assert injection.original in line(injected, source) and injection.original not in line(injected, injection.line)
    old, new = figures(injection.original), figures(injection.text)
    assert [f.unit for f in old] == [f.unit for f in new]
    assert sum(a.value != b.value for a, b in zip(old, new)) == 1


def test_a_restated_clause_is_the_opening_clause_of_a_sentence_with_another_number():
    report = (CORPUS / "tianjin_2026.txt").read_text(encoding="utf-8")
    result = inj.inject(report, random.Random(5), kinds=(inj.CLAUSE_CHANGED,))
    [injection] = result.injections
    [(_, source)] = injection.also
    assert injection.text.endswith("。") and injection.text[:-1] != injection.original
    source_text = line(result, source)
    at = source_text.index(injection.original)
    assert (at == 0 or source_text[at - 1] in "。！？") and source_text[at + len(injection.original)] in "，；"
    [old], [new] = figures(injection.original), figures(injection.text)
    assert old.unit == new.unit and old.value != new.value
    assert injection.original[: old.start] == injection.text[: new.start]


def test_the_part_exceeds_its_whole(injected):
    injection = by_kind(injected, inj.PART_LARGER)
    text = line(injected, injection.line)
    at = text.index(injection.text)
    found = figures(text)
    part = next(f for f in found if f.start == at)
    whole = [f for f in found if f.end <= text.rindex("其中", 0, at)][-1]
    assert part.unit == whole.unit and part.value > whole.value


def test_the_share_passes_100_percent(injected):
    injection = by_kind(injected, inj.SHARE_OVER)
    [share] = figures(injection.text)
    assert share.unit == "%" and share.value > 100 >= figures(injection.original)[0].value


def test_an_indicator_stated_twice_is_changed_in_one_place():
    report = "\n".join([
        "一、2025年工作回顾",
        "经济运行稳中有进。全省规模以上工业增加值增长6.5%，固定资产投资稳步回升。",
        "产业结构持续优化。全省规模以上工业增加值增长6.5%，高技术制造业增长较快。",
    ])
    result = inj.inject(report, random.Random(3), kinds=(inj.RESTATED_CHANGED,))
    [injection] = result.injections
    [(_, other)] = injection.also
    assert {injection.line, other} == {2, 3} and injection.original == "6.5%" != injection.text
    assert "增长6.5%" in line(result, other) and f"增长{injection.text}" in line(result, injection.line)


def test_numbers_are_written_as_the_report_writes_them():
    assert [inj.chinese_numeral(n) for n in (2, 3, 10, 12, 20, 31)] == ["两", "三", "十", "十二", "二十", "三十一"]
    assert inj.format_like(12.5, "9.8") == "12.5"
    assert inj.format_like(1338, "1，000") == "1，338"
    assert inj.format_like(2.5, "１．３９") == "２．５０"


def test_same_seed_same_injection(clean, injected):
    assert inj.inject(clean, random.Random(0)).text == injected.text


def test_shares_of_one_whole_add_up_past_100_percent(injected):
    injection = by_kind(injected, inj.SHARES_OVER)
    text = line(injected, injection.line)
    sentence = next(s for s in text.split("。") if injection.text in s)
    shares = [f for f in figures(sentence) if f.unit == "%" and sentence[f.start - 1] == "占"]
    assert len(shares) >= 2 and sum(f.value for f in shares) > 100
    assert sum(f.value for f in shares) - figures(injection.text)[0].value + figures(injection.original)[0].value <= 100


def control(result, kind):
    [found] = [c for c in result.controls if c.kind == kind]
    return found


def test_consistent_edits_stay_consistent(clean, injected):
    grown = control(inj.inject(clean, random.Random(0), kinds=(inj.LIST_GROWN,)), inj.LIST_GROWN)
    [(enumeration, count)] = counted_enumerations(grown.text)
    assert len(enumeration.items) == count.value == figures(grown.original)[-1].value + 1

    both = inj.inject(clean, random.Random(0), kinds=(inj.RESPECTIVELY_GROWN,))
    added = control(both, inj.RESPECTIVELY_GROWN)
    [found] = [r for r in respectively(line(both, added.line)) if r.values and added.text.startswith(r.values[0].text)]
    assert len(found.values) == len(found.subjects) == len(figures(added.original)) + 1

    copied = control(injected, inj.RESTATED_SAME)
    [(_, source)] = copied.also
    assert copied.text == copied.original and copied.text in line(injected, source)
    assert injected.text.count(copied.text) == 2

    share = control(injected, inj.SHARE_FULL)
    assert figures(share.text)[0].value == 100 != figures(share.original)[0].value

    smaller = control(injected, inj.PART_SMALLER)
    assert 0 < figures(smaller.text)[0].value < figures(smaller.original)[0].value

    within = inj.inject(clean, random.Random(0), kinds=(inj.BOUND_MET,))
    restated = control(within, inj.BOUND_MET)
    [(_, source)] = restated.also
    [bound], [value] = figures(restated.original), figures(restated.text)
    assert bound.after == "以上" and not value.after and value.value > bound.value and value.unit == bound.unit
    assert restated.original in line(within, source)

    pushed = inj.inject(clean, random.Random(0), kinds=(inj.GROWTH_OVER,))
    growth = control(pushed, inj.GROWTH_OVER)
    text = line(pushed, growth.line)
    [change] = [f for f in figures(text) if f.start == text.index(growth.text)]
    assert change.direction == "up" and change.value > 100 > figures(growth.original)[0].value
