"""RL501 confusable-word: the built-in declarative pack rules/confusable-words.toml."""

from helpers import assert_rule, findings_for


def test_fires_on_known_misspellings():
    assert_rule(
        "confusable-word",
        invalid=[
            "要⟦再接再励⟧，认真⟦布署⟧今年各项工作。",
            "⟦截止目前⟧，全市已建成5G基站1500个。",
            "坚持⟦按步就班⟧推进，⟦一如继往⟧抓好落实。",
        ],
    )


def test_silent_on_correct_text_and_word_boundaries():
    assert_rule(
        "confusable-word",
        valid=[
            "要再接再厉，认真部署今年各项工作。",
            "截至目前，全市已建成5G基站1500个。申报截止日期为6月30日。",
            "按装机容量计算，既使企业受益，又方便群众，多做为民办实事的好事。",
            "全部暑期托管服务免费开放。",
        ],
    )


def test_message_and_unsafe_fix_name_the_right_form():
    [finding] = findings_for("confusable-word", "认真布署工作。")
    assert finding.message == "“布署”应为“部署”"
    assert finding.fix.applicability == "unsafe"
    assert [e.content for e in finding.fix.edits] == ["部署"]
