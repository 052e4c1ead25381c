"""Declarative rule packs: loading, validation errors and user packs from config."""

import textwrap

import pytest
from click.testing import CliRunner

from reportlint.api import lint_text
from reportlint.cli import cli
from reportlint.config import ConfigError, load_config
from reportlint.packs import PackError, builtin_pack_paths, load_pack

GOOD_PACK = """
format = 1
prefix = "ORG"

[[rule]]
code = "ORG101"
name = "preferred-terms"
kind = "substitution"
severity = "info"
summary = "本单位规范表述"
message = "宜用“{expected}”代替“{found}”"
fix = "unsafe"
swap = { "新冠肺炎" = "新冠病毒感染", "农民工工资" = ["劳动报酬", "工资"] }
examples = { bad = ["做好新冠肺炎防控。"], good = ["做好新冠病毒感染防控。"] }

[[rule]]
code = "ORG102"
name = "banned-words"
kind = "existence"
summary = "禁用词"
message = "“{found}”不宜用于正式文件"
words = ["亲自"]
"""


def write(tmp_path, text, name="terms.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_builtin_packs_are_found_from_the_source_tree():
    assert [p.name for p in builtin_pack_paths()] == ["confusable-words.toml"]


def test_user_pack_named_in_config_runs(tmp_path):
    write(tmp_path, GOOD_PACK)
    config_path = write(tmp_path, 'rule-packs = ["terms.toml"]\nselect = ["ORG"]\n', "reportlint.toml")
    config = load_config(config_path)
    result = lint_text("市长亲自部署新冠肺炎防控。", "a.txt", config)
    assert [(f.code, f.message, f.severity.value) for f in result.findings] == [
        ("ORG102", "“亲自”不宜用于正式文件", "warning"),
        ("ORG101", "宜用“新冠病毒感染”代替“新冠肺炎”", "info"),
    ]
    runner = CliRunner()
    listed = runner.invoke(cli, ["rules", "--config", str(config_path)])
    assert "ORG101" in listed.stdout and "preferred-terms" in listed.stdout
    shown = runner.invoke(cli, ["rule", "ORG101", "--config", str(config_path)])
    assert "## What it does" in shown.stdout and "新冠肺炎 → 新冠病毒感染" in shown.stdout


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t.replace('format = 1', 'format = 9'), "'format' must be 1 or 2"),
        (lambda t: t.replace('prefix = "ORG"', 'prefix = "RL9"'), "prefix RL is reserved"),
        (lambda t: t.replace('code = "ORG102"', 'code = "XYZ102"'), "rule 2 (banned-words): code 'XYZ102' does not start"),
        (lambda t: t.replace('kind = "existence"', 'kind = "regex"'), "rule 2 (banned-words): unknown kind 'regex'"),
        (lambda t: t.replace('swap = {', 'swapp = {'), "unknown key 'swapp' (did you mean 'swap'?)"),
        (lambda t: t.replace('words = ["亲自"]', 'words = []'), "'words' must be a non-empty list"),
        (lambda t: t.replace('{found}”不宜', '{fund}”不宜'), "message may only use"),
        (lambda t: t.replace('severity = "info"', 'severity = "fatal"'), "unknown severity 'fatal'"),
        (lambda t: t + "\n[[rule]\n", "invalid TOML"),
    ],
)
def test_invalid_packs_are_clear_errors(tmp_path, change, message):
    path = write(tmp_path, change(GOOD_PACK))
    with pytest.raises(PackError) as error:
        load_pack(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_bad_pack_in_config_is_a_one_line_cli_error(tmp_path):
    write(tmp_path, GOOD_PACK.replace('kind = "existence"', 'kind = "regex"'))
    config_path = write(tmp_path, 'rule-packs = ["terms.toml"]\n', "reportlint.toml")
    report = write(tmp_path, "正文。\n", "a.txt")
    result = CliRunner().invoke(cli, ["check", "--config", str(config_path), str(report)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "unknown kind 'regex'" in result.stderr
    assert "Traceback" not in result.output


def test_missing_pack_is_a_config_error(tmp_path):
    config_path = write(tmp_path, 'rule-packs = ["nowhere.toml"]\n', "reportlint.toml")
    with pytest.raises(ConfigError, match="rule pack not found"):
        load_config(config_path).validate()


# -- format 2 --------------------------------------------------------------------

PACK_2 = r"""
format = 2
prefix = "ORG"

[lists]
"时间词" = ["目前", "当前", "今年", "年底", "上年末"]
"期限词" = ["日期", "时间", "日"]

[[rule]]
code = "ORG101"
name = "preferred-terms"
kind = "substitution"
summary = "本单位规范表述"
message = "“{found}”应为“{expected}”：{reason}"
fix = "unsafe"

[[rule.entry]]
wrong = "截止"
right = "截至"
reason = "表示到某一时间为止用“截至”"
after = '\d|{时间词}'
not-after = '{期限词}'
examples = { bad = ["截止目前，全市已建成5G基站1500个。"], good = ["申报截止日期为6月30日。"] }

[[rule.entry]]
wrong = "截止到"
right = "截至"
reason = "“截至”已含“到”"

[[rule.entry]]
wrong = "做为"
right = "作为"
reason = "“作为”表示身份、当作"
not-before = '多'
not-after = '民'
"""


def lint_with_pack(tmp_path, pack, text, select="ORG"):
    write(tmp_path, pack)
    config_path = write(tmp_path, f'rule-packs = ["terms.toml"]\nselect = ["{select}"]\n', "reportlint.toml")
    return lint_text(text, "a.txt", load_config(config_path)).findings


@pytest.mark.parametrize(
    "text, found",
    [
        # from the corpus: 截止 as a deadline stays silent
        ("各地区要在申报截止日期前完成审核。", []),
        ("截止时间为2024年6月30日。", []),
        ("截止目前，全市已建成5G基站1500个。", [("截止", "截至")]),
        ("截止2023年底，累计完成投资120亿元。", [("截止", "截至")]),
        ("截止到目前，已完成80%。", [("截止到", "截至")]),
        # 截止到 is longest at its place; 截止 alone (not followed by a time) stays silent
        ("项目已于6月截止。", []),
        ("做为全省试点，我市先行先试。", [("做为", "作为")]),
        ("多做为民办实事的好事。", []),
    ],
)
def test_context_conditions_decide(tmp_path, text, found):
    findings = lint_with_pack(tmp_path, PACK_2, text)
    assert [(text[f.column - 1:f.end_column - 1], f.fix.edits[0].content) for f in findings] == found


def test_message_carries_the_reason(tmp_path):
    [finding] = lint_with_pack(tmp_path, PACK_2, "截止目前，已完成80%。")
    assert finding.message == "“截止”应为“截至”：表示到某一时间为止用“截至”"
    assert finding.fix.applicability == "unsafe"
