"""RL002 unused-suppression: a suppression comment, or a rule named in one, that suppressed nothing."""

from helpers import assert_rule
from test_suppress import ARTIFACT, CONFUSABLE, CUT_1, SUFFIXES, found, lines

from reportlint.api import lint_text
from reportlint.config import Config


def test_the_rule_on_its_own():
    assert_rule(
        "unused-suppression",
        valid=["<!-- reportlint-enable -->\n正文。"],
        invalid=["⟦<!-- reportlint-disable -->⟧\n加快建设现代化产业体系。",
                 "<!-- reportlint-disable-next-line ⟦RL101⟧ -->\n加快建设现代化产业体系。"],
        markup=False,  # the spans are inside an HTML comment, where **bold** means nothing
    )


@SUFFIXES
def test_a_comment_that_suppressed_nothing_is_reported(path):
    text = lines("<!-- reportlint-disable-next-line doubled-word -->\n", CUT_1)
    assert found(text, path, about_comments=True) == [("RL002", 1), ("RL101", 2)]
    text = lines("<!-- reportlint-disable RL101 -->\n", ARTIFACT, "<!-- reportlint-enable RL101 -->\n")
    assert found(text, path, about_comments=True) == [("RL002", 1), ("RL102", 2)]
    text = lines("<!-- reportlint-disable -->\n", "加快建设现代化产业体系。\n")
    assert found(text, path, about_comments=True) == [("RL002", 1)]


@SUFFIXES
def test_a_comment_that_suppressed_something_is_not_reported(path):
    text = lines("<!-- reportlint-disable-next-line broken-paragraph -->\n", CUT_1)
    assert found(text, path, about_comments=True) == []
    text = lines("<!-- reportlint-disable -->\n", CUT_1, "<!-- reportlint-enable -->\n")
    assert found(text, path, about_comments=True) == []


@SUFFIXES
def test_each_unused_name_of_a_comment_is_reported(path):
    text = lines("<!-- reportlint-disable-next-line RL101, confusable-word -->\n", CUT_1)
    result = lint_text(text, path, Config())
    [unused] = [f for f in result.findings if f.code == "RL002"]
    assert text[unused.span.start:unused.span.end] == "confusable-word"
    assert [f.code for f in result.findings] == ["RL002"]


@SUFFIXES
def test_a_comment_for_a_rule_that_is_not_selected_is_unused_and_says_so(path):
    # as ruff's RUF100 reports a noqa code that is not enabled
    text = lines("<!-- reportlint-disable-next-line broken-paragraph -->\n", CONFUSABLE)
    assert found(text, path, about_comments=True, select=("RL5", "RL0")) == [("RL002", 1), ("RL501", 2), ("RL501", 2)]
    [message] = [f.message for f in lint_text(text, path, Config(select=("RL5", "RL0"))).findings if f.code == "RL002"]
    assert "未启用" in message


@SUFFIXES
def test_the_comment_rules_can_be_ignored_like_any_rule(path):
    text = lines("<!-- reportlint-disable-nextline -->\n", "<!-- reportlint-disable RL999 -->\n", CUT_1)
    assert found(text, path, about_comments=True, ignore=("invalid-suppression",)) == [("RL101", 3)]
    text = lines("<!-- reportlint-disable-next-line RL501 -->\n", CUT_1)
    assert found(text, path, about_comments=True, ignore=("RL002",)) == [("RL101", 2)]
