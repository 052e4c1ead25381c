"""The defect injector of bench/quality_repetition.py does what it records.

The bench judges the repetition rules by the lines the injector records, so a
wrong record would pass a bad rule or fail a good one. Skipped without the
real corpus beside the clone, like tests/test_corpus.py.
"""

import random

import pytest
from injecting import CORPUS, by_kind, injector, line, needs, report_fixtures

REPORT = CORPUS / "henan_2025.txt"  # three chapters, sections with several paragraphs

pytestmark = needs(REPORT)

pytest.importorskip("jieba")  # the injector picks words with it (a test extra)
inj = injector("inject_repetition")

clean, injected = report_fixtures(REPORT, inj.inject, seed=7)


def test_one_injection_of_every_kind_on_its_own_lines(injected):
    assert injected.unplaced == []
    assert sorted(i.kind for i in injected.injections) == sorted(k for kinds in inj.KINDS.values() for k in kinds)
    used = [n for i in injected.injections for n in (i.line, i.source_line) if n is not None]
    assert len(used) == len(set(used)), "two injections share a paragraph"
    for injection in injected.injections:
        assert injection.text in line(injected, injection.line)


def test_nothing_changes_but_the_recorded_lines(clean, injected):
    recorded = {i.line for i in injected.injections}
    recorded |= {i.source_line for i in injected.injections if i.kind == inj.MOVED_ACROSS}
    before = set(clean.split("\n"))
    changed = {n for n, text in enumerate(injected.text.split("\n"), 1) if text not in before}
    exact = by_kind(injected, inj.EXACT_COPY).line  # a new line, but the same text as its source
    assert changed == recorded - {exact}
    inserted = sum(i.rule == inj.DUPLICATE_PARAGRAPH for i in injected.injections)
    assert injected.text.count("\n") == clean.count("\n") + 2 * inserted


def test_doubled_text_is_really_doubled(clean, injected):
    for kind in inj.KINDS[inj.DOUBLED_WORD]:
        injection = by_kind(injected, kind)
        assert injection.text.endswith(injection.unit * 2)
        assert len(injection.unit) == {inj.WHOLE_WORD: len(injection.text) // 2, inj.LAST_CHAR: 1,
                                       inj.IDIOM_TAIL: 2}[kind]
        # Typed once, the line is the clean one again.
        undone = line(injected, injection.line).replace(injection.unit * 2, injection.unit, 1)
        assert undone in clean.split("\n")


def test_copied_paragraphs_are_copies_of_their_source(injected):
    def pair(kind):
        injection = by_kind(injected, kind)
        assert injection.line > injection.source_line
        return line(injected, injection.line), line(injected, injection.source_line)

    copy, source = pair(inj.EXACT_COPY)
    assert copy == source
    copy, source = pair(inj.CHARS_CHANGED)
    assert len(copy) == len(source) and sum(a != b for a, b in zip(copy, source)) == inj.CHANGED_CHARS
    copy, source = pair(inj.SENTENCE_DROPPED)
    cut = next((i for i, (a, b) in enumerate(zip(copy, source)) if a != b), len(copy))
    dropped = len(source) - len(copy)
    assert dropped > 0 and copy[cut:] == source[cut + dropped :]
    copy, source = pair(inj.NEW_LEAD)
    lead, rest = copy.split("。", 1)
    assert not source.startswith(lead) and source.endswith(rest) and len(lead) <= inj.MAX_LEAD


def test_copied_sentences_stand_twice_and_moved_ones_once(injected):
    for kind in (inj.SAME_SECTION, inj.COPIED_ACROSS):
        injection = by_kind(injected, kind)
        assert injection.text in line(injected, injection.source_line)
        assert injected.text.count(injection.text) == 2
    across = by_kind(injected, inj.COPIED_ACROSS)
    assert across.also == ((inj.DUPLICATE_SENTENCE, max(across.line, across.source_line)),)
    moved = by_kind(injected, inj.MOVED_ACROSS)
    assert moved.text not in line(injected, moved.source_line)
    assert injected.text.count(moved.text) == 1
    assert not line(injected, moved.line).startswith(moved.text)  # inside the paragraph, not as its lead


def test_same_seed_same_injection(clean, injected):
    assert inj.inject(clean, random.Random(7)).text == injected.text


def test_doublings_that_read_as_real_words_are_skipped():
    words = inj.jieba_words()
    assert inj.reads_as_words("建设", "设", "施工", words)  # 建设设施工: 设施
    assert inj.reads_as_words("人", "人", "都是", words)  # 人人
    assert inj.reads_as_words("一年", "年", "，", words)  # 一年年: a reduplicated classifier
    assert inj.reads_as_words("新增", "新增", "装机", words) is None
    assert inj.reads_as_words("坚定不移", "不移", "走生态", words) is None
    assert inj.reads_as_words("水富", "富", "、", words) is None
