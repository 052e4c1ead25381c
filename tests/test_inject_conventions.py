"""The defect injector of bench/quality_conventions.py does what it records.

The bench judges the punctuation, numbering and term rules by the lines the
injector records, so a wrong record would pass a bad rule or fail a good one.
Skipped without the real corpus beside the clone, like tests/test_corpus.py.
"""

import random

from injecting import CORPUS, by_kind, injector, line, needs, report_fixtures

from reportlint.text.structure import numbering

REPORT = CORPUS / "zhejiang_2025.txt"  # room for every kind but abbreviation-consistency's
# a report that defines no 简称 and writes its names in full; one that writes 其他 and never 其它
NAMES_REPORT, OTHER_REPORT = CORPUS / "henan_2025.txt", CORPUS / "national_2010.txt"

pytestmark = needs(REPORT)

inj = injector("inject_conventions")
ABBREVIATION_KINDS = inj.KINDS[inj.ABBREVIATION]
OTHER_KINDS = tuple(k for kinds in inj.KINDS.values() for k in kinds if k not in ABBREVIATION_KINDS)
clean, injected = report_fixtures(REPORT, lambda text, rng: inj.inject(text, rng, kinds=OTHER_KINDS), seed=7)


def test_one_injection_of_every_kind_on_its_own_lines(injected):
    # the report writes “两重”、“两新” and 3-5分 itself: punctuation-usage would report its habit
    # on its first place, not on an injected one, so those two kinds are left out of it; and it
    # has none of the words the redundancy pairs take
    left_out = [inj.DUNHAO_BETWEEN_MARKED, inj.ASCII_RANGE, inj.REDUNDANT_WORD]
    assert sorted(injected.unplaced) == sorted(left_out)
    assert sorted(i.kind for i in injected.injections) == sorted(k for k in OTHER_KINDS if k not in left_out)
    used = [n for i in injected.injections for n in (i.line, *(n for _, n in i.also))]
    assert len(used) == len(set(used)), "two injections share a paragraph"
    for injection in injected.injections:
        assert injection.text in line(injected, injection.line)


def test_only_the_recorded_lines_change(clean, injected):
    before, after = clean.split("\n"), injected.text.split("\n")
    assert len(before) == len(after)
    changed = {n for n, (old, new) in enumerate(zip(before, after), 1) if old != new}
    recorded = {n for i in injected.injections if i.kind != inj.NUMBER_SKIPPED for n in (i.line, *i.edited)}
    skipped = by_kind(injected, inj.NUMBER_SKIPPED)
    [unnumbered] = changed - recorded  # the skipped number's paragraph lost its number
    assert unnumbered < skipped.line and numbering(after[unnumbered - 1]) is None
    assert changed == recorded | {unnumbered}


def test_each_edit_undone_gives_the_clean_line(clean, injected):
    lines = clean.split("\n")
    for injection in injected.injections:
        if injection.rule in (inj.PUNCTUATION_WIDTH, inj.REPEATED_PUNCTUATION, inj.CONFUSABLE):
            undone = line(injected, injection.line).replace(injection.text, injection.original, 1)
            assert undone == lines[injection.line - 1], injection.kind
    for kind, (opening, closing) in {inj.NO_CLOSING_QUOTE: "“”", inj.NO_CLOSING_TITLE: "《》",
                                      inj.NO_CLOSING_PAREN: "（）"}.items():
        injection = by_kind(injected, kind)
        text = line(injected, injection.line)
        assert text.count(opening) == text.count(closing) + 1
        assert injection.original.startswith(injection.text) and injection.original.endswith(closing)


def test_numbers_skip_or_repeat_in_a_run(injected):
    skipped = by_kind(injected, inj.NUMBER_SKIPPED)
    level, ordinal, marker = numbering(line(injected, skipped.line))
    assert marker == skipped.text and ordinal >= 3
    assert numbering(skipped.original)[1] == ordinal - 1  # the number that is gone
    repeated = by_kind(injected, inj.NUMBER_REPEATED)
    _, again, _ = numbering(line(injected, repeated.line))
    assert again == numbering(repeated.original)[1] - 1


def test_misspellings_are_misspelled_words():
    for right, wrong in inj.MISSPELLINGS:
        assert right != wrong and len(right) == len(wrong)


def test_the_same_seed_gives_the_same_versions(clean):
    first = inj.inject(clean, random.Random(3))
    again = inj.inject(clean, random.Random(3))
    assert first.text == again.text and first.injections == again.injections


def test_placeholders_replace_a_figure_or_a_date_and_leave_a_note(clean, injected):
    figure = by_kind(injected, inj.FIGURE_BLANKED)
    assert figure.text in inj.BLANK_MARKS and figure.original[:1].isdigit()
    assert figure.original in clean.split("\n")[figure.line - 1]
    date = by_kind(injected, inj.DATE_BLANKED)
    assert date.text in ("20XX", "×月×日") and date.original[:1].isdigit()
    note = by_kind(injected, inj.NOTE_LEFT)
    assert note.text in inj.DRAFT_NOTES and note.text + "。" in line(injected, note.line)


def test_a_wrong_mark_replaces_the_right_one_after_an_outline_number(injected):
    serial = by_kind(injected, inj.WRONG_SERIAL_MARK)
    assert line(injected, serial.line).startswith(serial.text)
    # the number kept, its mark changed: （一） → （一）、, 1. → 1、, 一、 → 一., 第一， → 第一、
    assert serial.text != serial.original and serial.text[-1] in "、."
    assert serial.text.rstrip("、.") in (serial.original, serial.original[:-1])


def test_usage_kinds_put_a_dunhao_an_ellipsis_and_an_ascii_range():
    text = (CORPUS / "beijing_2025.txt").read_text(encoding="utf-8")
    result = inj.inject(text, random.Random(7), kinds=inj.KINDS[inj.PUNCTUATION_USAGE])
    assert result.unplaced == []
    lines = text.split("\n")
    for injection in result.injections:
        assert injection.rule == inj.PUNCTUATION_USAGE
        undone = line(result, injection.line).replace(injection.text, injection.original, 1)
        assert undone == lines[injection.line - 1], injection.kind
    dunhao = by_kind(result, inj.DUNHAO_BETWEEN_MARKED)
    assert dunhao.text[1] == "、" and dunhao.text[0] in "”》" and dunhao.text[2] in "“《"
    assert by_kind(result, inj.ELLIPSIS_WITH_DENG).text == "……等"
    assert any(mark in by_kind(result, inj.ASCII_RANGE).text for mark in "-~")


def test_a_redundant_neighbour_is_added_to_a_word_of_the_text():
    text = (CORPUS / "hebei_2025.txt").read_text(encoding="utf-8")
    result = inj.inject(text, random.Random(7), kinds=(inj.REDUNDANT_WORD,))
    [added] = result.injections
    assert (added.original, added.text) in inj.REDUNDANCIES
    undone = line(result, added.line).replace(added.text, added.original, 1)
    assert undone == text.split("\n")[added.line - 1]


def test_a_short_form_defined_then_the_full_name_kept_or_the_short_form_used_first():
    text = NAMES_REPORT.read_text(encoding="utf-8")
    version = inj.inject(text, random.Random(7), kinds=(inj.FULL_NAME_AGAIN, inj.SHORT_BEFORE))
    assert version.unplaced == []
    before, after = text.split("\n"), version.text.split("\n")
    for injection in version.injections:
        [(full, short)] = [(full, short) for full, short, _ in inj.NAMES if injection.original == full]
        defined = [n for n in injection.edited if any(b.format(short) in after[n - 1] for b in inj.DEFINITIONS)]
        assert len(defined) == 1  # the definition, on another line than the defect
        if injection.kind == inj.FULL_NAME_AGAIN:
            assert defined[0] < injection.line and line(version, injection.line).count(full) >= 1
            assert injection.text == full
        else:
            assert injection.line < defined[0] and injection.text == short and short in line(version, injection.line)
        if injection.kind == inj.FULL_NAME_AGAIN:  # after the definition only the defect keeps the name
            assert "\n".join(after[defined[0] :]).count(full) == 1
    # every line the injections changed is recorded
    changed = {n for n, (old, new) in enumerate(zip(before, after), 1) if old != new}
    assert changed <= {n for i in version.injections for n in (i.line, *i.edited)}


def test_one_other_written_in_the_other_form():
    text = OTHER_REPORT.read_text(encoding="utf-8")
    version = inj.inject(text, random.Random(7), kinds=(inj.FORM_MIXED,))
    mixed = by_kind(version, inj.FORM_MIXED)
    assert "其它" not in text and mixed.text == "其它" and mixed.original == "其他"
    assert version.text.count("其它") == 1 and line(version, mixed.line).replace("其它", "其他") == text.split("\n")[mixed.line - 1]
