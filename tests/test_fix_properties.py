"""Properties of fixing, over generated text and over real reports with defects
put in at random places:

- fixing is idempotent: fixing the fixed text changes nothing;
- after fixing, a re-check finds nothing left that the same flags would fix;
- safe fixes keep every word (Han characters, Latin letters, digits);
- no fix edits Markdown markup: links, code and emphasis come out as they went in;
- the overlap resolution takes exactly the fixes a greedy pass in the
  documented order takes, and splices them like a reference implementation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportlint.api import lint_text
from reportlint.fixing import MAX_PASSES, apply_fixes, fix_result, fixable
from reportlint.model import Edit, Fix
from reportlint.text.document import Span

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "gov-reports"
WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def words(text: str) -> str:
    return "".join(WORD.findall(text))


def fix(text: str, path: str, unsafe: bool):
    def relint(new_text: str):
        return lint_text(new_text, path)

    return fix_result(relint(text), relint, unsafe)


def assert_fixed_for_good(text: str, path: str, unsafe: bool) -> str:
    outcome = fix(text, path, unsafe)
    assert outcome.passes < MAX_PASSES, text
    # nothing left that the same flags would fix, and the findings are those of a fresh check
    assert fixable(outcome.result, unsafe) == [], [f.message for f in fixable(outcome.result, unsafe)]
    fresh = lint_text(outcome.text, path)
    assert [(f.code, f.span, f.message) for f in fresh.findings] == \
        [(f.code, f.span, f.message) for f in outcome.result.findings]
    # idempotent
    again = fix(outcome.text, path, unsafe)
    assert again.text == outcome.text and again.fixed == 0
    if not unsafe:
        assert words(outcome.text) == words(text)
    return outcome.text


# --- generated text ---------------------------------------------------------------

PHRASES = ["推进", "高质量发展", "新增", "装机", "民营经济", "建设", "项目", "坚定不移", "水富", "5G", "2024年",
           "增长5.2%", "100万千瓦", "PPP", "GDP", "Made in China", "1,000", "3:30", "v1.0", "科技", "交流", "侨"]
MARKS = [",", ";", ":", "!", "?", "(", ")", '"', "...", "，", "；", "：", "！", "？", "（", "）", "“", "”", "、",
         "。", "。。", ",，", "……", " "]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n"]
MARKUP = ["**", "# ", "- ", "1. ", "[规划(2024版)](http://a.cn/b,c)", "`a,b`", "<!-- x,y -->"]
MARKUP_KEPT = ["(http://a.cn/b,c)", "`a,b`", "<!-- x,y -->"]

generated_text = st.lists(
    st.one_of(st.sampled_from(PHRASES), st.sampled_from(MARKS), st.sampled_from(BREAKS), st.sampled_from(MARKUP)),
    max_size=40,
).map("".join)


@SETTINGS
@given(text=generated_text, path=st.sampled_from(["a.txt", "a.md"]), unsafe=st.booleans())
# a word doubled across a CRLF soft break: deleting the copy with its line break left a lone CR
@example(text="PPPPPP\r\nPPPPPP", path="a.md", unsafe=True)
def test_fixing_generated_text_is_idempotent_and_leaves_nothing_fixable(text, path, unsafe):
    fixed = assert_fixed_for_good(text, path, unsafe)
    if path == "a.md":
        for markup in MARKUP_KEPT:
            assert fixed.count(markup) == text.count(markup), markup


# --- real text with defects put in ------------------------------------------------------


def _real_paragraphs() -> list[str]:
    texts = [SAMPLE.read_text(encoding="utf-8")]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:6]]
    return [line for text in texts for line in text.splitlines() if len(line) >= 20]


PARAGRAPHS = _real_paragraphs()
DEFECTS = {
    "ascii comma": lambda text, at: _replace_next(text, at, "，", ","),
    "ascii brackets": lambda text, at: _replace_next(_replace_next(text, at, "（", "("), at, "）", ")"),
    "doubled mark": lambda text, at: _replace_next(text, at, "，", ",，"),
    "doubled character": lambda text, at: text[: at + 1] + text[at] + text[at + 1 :] if "\u4e00" <= text[at] <= "\u9fff" else text,
    "ascii stop run": lambda text, at: _replace_next(text, at, "。", "..."),
}


def _replace_next(text: str, at: int, old: str, new: str) -> str:
    found = text.find(old, at)
    return text if found < 0 else text[:found] + new + text[found + len(old) :]


@st.composite
def real_text_with_defects(draw):
    start = draw(st.integers(0, len(PARAGRAPHS) - 1))
    count = draw(st.integers(1, 4))
    text = "\n\n".join(PARAGRAPHS[start : start + count]) + "\n"
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(sorted(DEFECTS)))
        text = DEFECTS[kind](text, draw(st.integers(0, len(text) - 2)))
    return text


@SETTINGS
@given(text=real_text_with_defects(), crlf=st.booleans(), path=st.sampled_from(["a.txt", "a.md"]),
       unsafe=st.booleans())
def test_fixing_real_text_is_idempotent_and_keeps_words(text, crlf, path, unsafe):
    if crlf:
        text = text.replace("\n", "\r\n")
    fixed = assert_fixed_for_good(text, path, unsafe)
    if crlf:
        assert fixed.count("\r\n") == fixed.count("\n")


def test_the_real_text_strategy_puts_in_defects_the_rules_fix():
    """The property above is not vacuous: its defects are found and fixed."""
    text = "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。"
    broken = DEFECTS["ascii comma"](text, 0)
    broken = DEFECTS["doubled mark"](broken, 10)
    assert broken.count(",") == 2
    outcome = fix(broken, "a.txt", unsafe=False)
    assert outcome.fixed >= 2 and outcome.text == text


# --- overlap resolution against a reference ----------------------------------------------


def _conflict(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Reference: two edits conflict if they share a character, an insertion is
    strictly inside the other, or both are insertions at one point."""
    (s1, e1), (s2, e2) = a, b
    if s1 == e1 == s2 == e2:
        return True
    shared = set(range(s1, e1)) & set(range(s2, e2))
    inside = (s1 == e1 and s2 < s1 < e2) or (s2 == e2 and s1 < s2 < e1)
    return bool(shared) or inside


@st.composite
def text_and_fixes(draw):
    text = draw(st.text(alphabet="abcdefgh", max_size=16))
    fixes = []
    for _ in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, min(len(text), start + 4)))
            edits.append(Edit(Span(start, end), draw(st.sampled_from(["", "X", "YZ"]))))
        fixes.append(Fix(tuple(edits), "safe"))
    return text, fixes


@settings(max_examples=400, deadline=None)
@given(case=text_and_fixes())
def test_apply_fixes_matches_a_greedy_reference(case):
    text, fixes = case
    new_text, applied = apply_fixes(text, fixes)
    order = sorted(range(len(fixes)), key=lambda i: (min(e.span.start for e in fixes[i].edits),
                                                     max(e.span.end for e in fixes[i].edits), i))
    taken: list[tuple[int, int]] = []
    expected = []
    for index in order:
        spans = [(e.span.start, e.span.end) for e in fixes[index].edits]
        own_ok = all(not _conflict(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :])
        if own_ok and all(not _conflict(a, b) for a in spans for b in taken):
            taken.extend(spans)
            expected.append(fixes[index])
    assert applied == expected
    edits = sorted((e for f in expected for e in f.edits), key=lambda e: (e.span.start, e.span.end))
    reference, position = "", 0
    for e in edits:
        reference += text[position : e.span.start] + e.content
        position = e.span.end
    assert new_text == reference + text[position:]


@settings(max_examples=200, deadline=None)
@given(case=text_and_fixes(), data=st.data())
def test_apply_fixes_does_not_depend_on_the_order_fixes_come_in_when_their_extents_differ(case, data):
    text, fixes = case
    extents = [(min(e.span.start for e in f.edits), max(e.span.end for e in f.edits)) for f in fixes]
    if len(set(extents)) != len(extents):
        return
    shuffled = data.draw(st.permutations(fixes))
    assert apply_fixes(text, shuffled)[0] == apply_fixes(text, fixes)[0]


@pytest.mark.parametrize("text", ["", "推进建设。\n"])
def test_nothing_to_fix_is_no_pass(text):
    outcome = fix(text, "a.txt", unsafe=True)
    assert (outcome.text, outcome.fixed, outcome.passes) == (text, 0, 0)
