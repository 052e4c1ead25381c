"""RL001 invalid-suppression: a suppression comment that cannot work is reported and suppresses nothing."""

import pytest
from helpers import assert_rule
from test_suppress import SUFFIXES, found, lines, messages

from reportlint.api import lint_text
from reportlint.config import Config

DOUBLED = "新增新增装机容量。\n\n坚定不移不移走高质量发展之路。\n\n水富富港口建设。\n\n"  # RL201 on lines 1, 3, 5

def test_the_rule_on_its_own():
    assert_rule(
        "invalid-suppression",
        valid=["<!-- reportlint-disable-next-line doubled-word -->\n新增新增装机容量。",
               "<!-- reportlint-disable RL2, layout-artifact -->\n正文。\n<!-- reportlint-enable -->",
               "<!-- 编者按：reportlint-disable 不是指令 -->\n正文。",
               "报告提到 reportlint-disable-nextline 这个词。"],
        invalid=["<!-- reportlint-⟦disable-nextline⟧ doubled-word -->\n新增新增装机容量。",
                 "<!-- reportlint-disable ⟦RL999⟧ -->\n正文。",
                 "<!-- reportlint-disable-line RL201, ⟦doubled-words⟧ -->"],
        markup=False,  # the spans are inside an HTML comment, where **bold** means nothing
    )


@SUFFIXES
@pytest.mark.parametrize("action", ["disable-nextline", "disable_next_line", "disabled", "Disable", "off"])
def test_a_mistyped_action_suppresses_nothing_and_is_reported(path, action):
    text = lines(f"<!-- reportlint-{action} RL201 -->\n", DOUBLED)
    assert found(text, path, about_comments=True) == [("RL001", 1), ("RL201", 2), ("RL201", 4), ("RL201", 6)]


def test_the_message_names_the_action_meant():
    [message] = messages("<!-- reportlint-disable-nextline RL201 -->\n新增新增装机。\n", "a.md", "RL001")
    assert "reportlint-disable-nextline" in message and "reportlint-disable-next-line" in message
    [message] = messages("<!-- reportlint-off -->\n新增新增装机。\n", "a.md", "RL001")
    assert "disable-next-line" in message  # no close match: the actions are listed


@SUFFIXES
@pytest.mark.parametrize(("name", "meant"), [("RL999", None), ("doubled-words", "doubled-word"), ("RL2O1", None)])
def test_an_unknown_rule_is_reported_and_suppresses_nothing(path, name, meant):
    text = lines(f"<!-- reportlint-disable {name} -->\n", DOUBLED)
    assert found(text, path, about_comments=True) == [("RL001", 1), ("RL201", 2), ("RL201", 4), ("RL201", 6)]
    [message] = messages(text, path, "RL001")
    assert f"“{name}”" in message
    if meant:
        assert f"“{meant}”" in message


@SUFFIXES
def test_the_known_names_of_a_comment_still_apply(path):
    text = lines("<!-- reportlint-disable-next-line RL999, doubled-word -->\n", DOUBLED)
    assert found(text, path, about_comments=True) == [("RL001", 1), ("RL201", 4), ("RL201", 6)]


def test_the_finding_points_at_the_unknown_name():
    text = "<!-- reportlint-disable RL201, doubled-words -->\n新增新增装机。\n"
    [finding] = [f for f in lint_text(text, "a.md", Config()).findings if f.code == "RL001"]
    assert text[finding.span.start:finding.span.end] == "doubled-words"


def test_an_unknown_rule_in_a_comment_fails_the_command_line(tmp_path):
    from running import run

    report = tmp_path / "报告.md"
    report.write_text(lines("<!-- reportlint-disable-nextline -->\n", DOUBLED), encoding="utf-8")
    result = run("check", "--format", "concise", report)
    assert result.exit_code == 1
    assert "RL001" in result.stdout and result.stdout.count("RL201") == 3


