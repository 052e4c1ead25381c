"""Inline suppression comments, the same in Markdown and in plain text."""

import pytest

from reportlint.api import lint_text
from reportlint.config import Config

# Each piece ends with a blank line, so that in Markdown it stays a paragraph of its own.
# A paragraph cut in two: RL101 on its first line (4 lines).
CUT_1 = "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n经济发展，激发各类经营主体内生动力和发展活力。\n\n"
CUT_2 = "加快建设现代化产业体系。坚持以科技创新引领产业创新，大力发展新质生产力，推动传统产业\n\n转型升级，培育壮大新兴产业和未来产业。\n\n"
# RL102 (2 lines).
ARTIFACT = "上接第3版\n\n"
# RL501 twice (2 lines).
CONFUSABLE = "要再接再励，认真布署今年工作。\n\n"

SUFFIXES = pytest.mark.parametrize("path", ["报告.txt", "报告.md"])


def found(text: str, path: str, about_comments: bool = False, **config) -> list[tuple[str, int]]:
    """(code, line) of the findings; those about the comments themselves (RL0) only when asked."""
    result = lint_text(text, path, Config(**config))
    assert not result.crashes
    return [(f.code, f.line) for f in result.findings if about_comments or not f.code.startswith("RL0")]


def messages(text: str, path: str, code: str) -> list[str]:
    return [f.message for f in lint_text(text, path, Config()).findings if f.code == code]


def lines(*parts: str) -> str:
    return "".join(parts)


def test_the_texts_fire_without_comments():
    text = lines(CUT_1, ARTIFACT, CUT_2, CONFUSABLE)
    for path in ("报告.txt", "报告.md"):
        assert found(text, path) == [("RL101", 1), ("RL102", 5), ("RL101", 7), ("RL501", 11), ("RL501", 11)]


# --- disable … enable -----------------------------------------------------------------


@SUFFIXES
@pytest.mark.parametrize("selector", ["RL101", "rl101", "broken-paragraph", "RL1"])
def test_disable_and_enable_one_rule(path, selector):
    text = lines(
        f"<!-- reportlint-disable {selector} -->\n",  # 1
        CUT_1,  # 2-5
        ARTIFACT,  # 6
        f"<!-- reportlint-enable {selector} -->\n",  # 8
        CUT_2,  # 9-12
    )
    expected = [("RL101", 9)]
    if selector != "RL1":
        expected.insert(0, ("RL102", 6))  # another rule: still reported inside the range
    assert found(text, path) == expected


@SUFFIXES
def test_disable_without_a_rule_disables_every_rule(path):
    text = lines("<!-- reportlint-disable -->\n", CUT_1, ARTIFACT, "<!-- reportlint-enable -->\n", CUT_2, CONFUSABLE)
    assert found(text, path) == [("RL101", 9), ("RL501", 13), ("RL501", 13)]


@SUFFIXES
def test_disable_lasts_to_the_end_without_enable(path):
    text = lines(ARTIFACT, "<!-- reportlint-disable broken-paragraph -->\n", CUT_1, CUT_2)
    assert found(text, path) == [("RL102", 1)]


@SUFFIXES
@pytest.mark.parametrize("selector", ["layout-artifact", "RL102", "RL5", "confusable-word"])
def test_a_comment_for_another_rule_does_not_suppress(path, selector):
    text = lines(f"<!-- reportlint-disable {selector} -->\n", CUT_1, f"<!-- reportlint-enable {selector} -->\n")
    assert found(text, path) == [("RL101", 2)]
    text = lines(f"<!-- reportlint-disable-next-line {selector} -->\n", CUT_1)
    assert found(text, path) == [("RL101", 2)]


@SUFFIXES
@pytest.mark.parametrize(("disable", "enable"), [("RL101", "broken-paragraph"), ("broken-paragraph", "RL101")])
def test_enable_by_name_ends_disable_by_code_and_back(path, disable, enable):
    text = lines(
        f"<!-- reportlint-disable {disable} -->\n",  # 1
        CUT_1,  # 2-5
        f"<!-- reportlint-enable {enable} -->\n",  # 6
        CUT_2,  # 7-10
    )
    assert found(text, path) == [("RL101", 7)]


@SUFFIXES
def test_enable_one_rule_after_disabling_its_prefix(path):
    text = lines(
        "<!-- reportlint-disable RL1 -->\n",  # 1
        CUT_1,  # 2-5
        "<!-- reportlint-enable RL101 -->\n",  # 6
        ARTIFACT,  # 7: RL102 stays disabled
        CUT_2,  # 9-12: RL101 is back
    )
    assert found(text, path) == [("RL101", 9)]


@SUFFIXES
def test_enable_all_ends_every_disable(path):
    text = lines(
        "<!-- reportlint-disable RL101, layout-artifact -->\n",  # 1: two rules in one comment
        CUT_1, ARTIFACT,  # 2-5, 6
        "<!-- reportlint-enable -->\n",  # 8
        ARTIFACT, CUT_2,  # 9, 11-14
    )
    assert found(text, path) == [("RL102", 9), ("RL101", 11)]


@SUFFIXES
def test_disable_again_after_enable(path):
    text = lines(
        "<!-- reportlint-disable RL101 -->\n", CUT_1, "<!-- reportlint-enable RL101 -->\n",  # 1, 2-5, 6
        ARTIFACT,  # 7
        "<!-- reportlint-disable RL101 -->\n", CUT_2,  # 9, 10-13
    )
    assert found(text, path) == [("RL102", 7)]


# --- disable-next-line ---------------------------------------------------------------


@SUFFIXES
@pytest.mark.parametrize("selector", ["RL101", "broken-paragraph", ""])
def test_disable_next_line(path, selector):
    text = lines(
        f"<!-- reportlint-disable-next-line {selector} -->\n".replace("  ", " "),  # 1
        CUT_1,  # 2-5
        CUT_2,  # 6-9: the line after the next is not covered
    )
    assert found(text, path) == [("RL101", 6)]


@SUFFIXES
def test_disable_next_line_skips_blank_lines(path):
    text = lines(ARTIFACT, "<!-- reportlint-disable-next-line -->\n", "\n", "\n", CUT_1)
    assert found(text, path) == [("RL102", 1)]


@SUFFIXES
def test_disable_next_line_covers_only_its_rules(path):
    text = lines("<!-- reportlint-disable-next-line confusable-word -->\n", "上接第3版 要再接再励，认真布署今年工作。\n")
    assert found(text, path, select=("RL501",)) == []
    text = lines("<!-- reportlint-disable-next-line confusable-word -->\n", ARTIFACT, CONFUSABLE)
    assert found(text, path) == [("RL102", 2), ("RL501", 4), ("RL501", 4)]


@SUFFIXES
def test_several_rules_in_one_next_line_comment(path):
    text = lines("<!-- reportlint-disable-next-line RL501,layout-artifact -->\n", ARTIFACT, CONFUSABLE)
    assert found(text, path) == [("RL501", 4), ("RL501", 4)]


@SUFFIXES
def test_comment_spacing_is_free(path):
    text = lines("<!--reportlint-disable   broken-paragraph-->\n", CUT_1,
                 "<!--   reportlint-enable broken-paragraph   -->\n", CUT_2)
    assert found(text, path) == [("RL101", 7)]


@SUFFIXES
def test_a_similar_comment_is_not_a_directive(path):
    # "disabled" is not "disable" (and is reported as such); a directive must open the comment.
    text = lines("<!-- reportlint-disabled RL101 -->\n", CUT_1, "<!-- 编者按：reportlint-disable RL101 -->\n", CUT_2)
    assert found(text, path, about_comments=True) == [("RL001", 1), ("RL101", 2), ("RL101", 7)]


def test_crlf_files_use_the_same_lines():
    text = lines("<!-- reportlint-disable-next-line RL101 -->\n", CUT_1, CUT_2).replace("\n", "\r\n")
    assert found(text, "报告.txt") == found(text, "报告.md") == [("RL101", 6)]


@SUFFIXES
def test_disable_line_covers_its_own_line_only(path):
    text = lines("上接第3版 <!-- reportlint-disable-line layout-artifact -->\n\n", ARTIFACT)
    assert found(text, path, about_comments=True) == [("RL102", 3)]


def test_a_directive_shown_in_a_markdown_code_block_is_an_example_not_a_directive():
    example = "写法示例：\n\n```\n<!-- reportlint-disable RL501 -->\n<!-- reportlint-disabel RL501 -->\n```\n\n"
    assert found(lines(example, CONFUSABLE), "报告.md", about_comments=True) == [("RL501", 8), ("RL501", 8)]
    # in a .txt there is no code block: the same lines are directives, and the misspelt one is reported
    assert found(lines(example, CONFUSABLE), "报告.txt", about_comments=True) == [("RL001", 5)]
